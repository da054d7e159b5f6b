// Checks a timeline page (an_timeline_html) in headless Chromium; prints "ok NAME" or "not ok NAME: why" per check.
// usage: node timeline.mjs PAGE.html SCREENSHOT.png   (the page needs at least two frames)
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { tiesThrough } from './through.mjs';

const [page_path, screenshot] = process.argv.slice(2);
if (!page_path || !screenshot) {
	console.log('not ok timeline page in Chromium: usage: node timeline.mjs PAGE.html SCREENSHOT.png');
	process.exit(0);
}
const url = pathToFileURL(page_path).href;

function check(name, problem) { // problem: '' when the check passed
	console.log(problem ? `not ok timeline: ${name}: ${problem}` : `ok timeline: ${name}`);
}

// What the page shows: the visible frames, the period label, the fragment, the title.
function state(page) {
	return page.evaluate(() => {
		const frames = [...document.querySelectorAll('.tl-frame')];
		return {
			names: frames.map((f) => f.dataset.name),
			labels: frames.map((f) => f.dataset.label),
			visible: frames.map((f, i) => (f.getBoundingClientRect().height > 0 ? i : -1)).filter((i) => i >= 0),
			period: document.getElementById('tl-period').textContent,
			slider: document.getElementById('tl-slider').value,
			hash: location.hash,
			title: document.title,
			history: history.length,
		};
	});
}

// '' when the page shows frame i and only it, with its label, fragment, slider position and title.
function shows(s, i) {
	const want = {
		visible: String([i]),
		period: s.labels[i],
		hash: '#' + encodeURIComponent(s.names[i]),
		slider: String(i),
	};
	const wrong = Object.keys(want).filter((k) => String(s[k]) !== want[k]);
	if (!s.title.endsWith(' \u2014 ' + s.labels[i]) && s.title !== s.labels[i])
		wrong.push('title');
	return wrong.map((k) => `${k} is ${JSON.stringify(k === 'title' ? s.title : s[k])}`).join(', ') +
		(wrong.length ? ` (frame ${i} is ${s.names[i]}, ${s.labels[i]})` : '');
}

async function open(browser, fragment, errors) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('request', (r) => r.url().startsWith('file:') || errors.push('requested ' + r.url()));
	await page.goto(url + fragment);
	return page;
}

let browser;
try {
	browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu'],
		timeout: 60000,
	});
	const errors = [];
	const page = await open(browser, '', errors);
	let s = await state(page);
	if (s.names.length < 2)
		throw new Error(`the page has ${s.names.length} frames; the test needs two or more`);
	check('without a fragment, the first frame is shown and named in the URL', shows(s, 0));
	const history_before = s.history;

	await page.keyboard.press('ArrowRight');
	s = await state(page);
	check('ArrowRight shows the next frame, its label and its fragment', shows(s, 1));
	check('stepping does not add history entries', s.history === history_before ? '' : `history.length went from ${history_before} to ${s.history}`);
	await page.keyboard.press('ArrowLeft');
	check('ArrowLeft steps back', shows(await state(page), 0));

	await page.keyboard.press('Tab');
	const focused = await page.evaluate(() => document.activeElement.id);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	s = await state(page);
	check('the buttons take the keyboard focus (Tab, Tab, Tab, Enter is Next)',
		focused !== 'tl-prev' ? `the first Tab focused "${focused}"` : shows(s, 1));

	const ids = await page.evaluate(() => {
		const seen = new Map();
		for (const e of document.querySelectorAll('[id]'))
			seen.set(e.id, (seen.get(e.id) || 0) + 1);
		return { all: seen.size, repeated: [...seen].filter(([, n]) => n > 1).map(([id]) => id) };
	});
	check('no id repeats in the page', ids.repeated.length ? `repeated: ${ids.repeated.slice(0, 5).join(', ')}` : ids.all < 3 ? 'no ids found' : '');

	const broken = await page.evaluate(() => {
		const refs = [];
		for (const e of document.querySelectorAll('.tl-frame *')) {
			for (const a of e.attributes) {
				const m = /href$/.test(a.name) ? /^#(.+)$/.exec(a.value) : /url\(#([^)]+)\)/.exec(a.value);
				if (m && !/title$/.test(a.name) && !document.getElementById(m[1]))
					refs.push(a.name + '=' + a.value);
			}
		}
		return refs;
	});
	check('every reference to an id inside a frame finds it', broken.length ? broken.slice(0, 5).join(', ') : '');

	// Every frame, stepped to from the first: no tie's line through another tie's label.
	await page.keyboard.press('Home');
	const crossing = [];
	for (let i = 0; i < s.names.length; i++, await page.keyboard.press('ArrowRight'))
		crossing.push(...await page.evaluate(tiesThrough, { root: '.tl-frame:not([hidden]) > svg', labels: true }));
	check('no frame has a tie through another tie\'s label', crossing.slice(0, 3).join('; '));
	await page.keyboard.press('Home');

	// The shown frame's size, the smallest text in it (px, as drawn) and the window's size.
	const shown = () => page.evaluate(() => {
		const svg = document.querySelector('.tl-frame:not([hidden]) > svg');
		let least = Infinity;
		for (const t of svg.querySelectorAll('text')) {
			const m = t.getScreenCTM(), size = parseFloat(t.getAttribute('font-size'));
			if (m && size > 0 && t.textContent.trim()) least = Math.min(least, size * Math.hypot(m.a, m.b));
		}
		const box = svg.getBoundingClientRect();
		return { width: box.width, right: box.right, bottom: box.bottom, least, window: [innerWidth, innerHeight] };
	});
	const read = await shown();
	check('the smallest text of a frame is at least 10 px (a larger drawing scrolls)',
		read.least >= 9.95 ? '' : JSON.stringify(read));
	await page.click('#tl-zoom-in');
	const larger = await shown();
	await page.click('#tl-zoom-out');
	check('+ zooms in by a quarter and - back', Math.abs(larger.width / read.width - 1.25) < 0.01 &&
		Math.abs((await shown()).width - read.width) < 1 ? '' : `${read.width} -> ${larger.width}`);
	await page.click('#tl-fit');
	const fit = await shown();
	check('Fit shows the whole frame in the window', fit.right <= fit.window[0] && fit.bottom <= fit.window[1] &&
		(await page.getAttribute('#tl-fit', 'aria-pressed')) === 'true' ? '' : JSON.stringify(fit));
	await page.click('#tl-fit');

	// From the first frame, Play shows the second after 1.5 s; Pause then holds it (with two frames, Play stops there itself).
	await page.keyboard.press('Home');
	await page.click('#tl-play');
	await page.waitForTimeout(1800);
	s = await state(page);
	const playing = await page.getAttribute('#tl-play', 'aria-label');
	if (playing === 'Pause')
		await page.click('#tl-play');
	const paused = await page.getAttribute('#tl-play', 'aria-label');
	await page.waitForTimeout(1700);
	const still = await state(page);
	const want_playing = s.names.length > 2 ? 'Pause' : 'Play';
	check('Play shows the next frame after about 1.5 s, and Pause holds it',
		shows(s, 1) || shows(still, 1) ||
		(playing === want_playing && paused === 'Play' ? '' : `the button's label was "${playing}", then "${paused}"`));
	await page.close();

	const second = await open(browser, '#' + encodeURIComponent(s.names[1]), errors);
	s = await state(second);
	check(`opening the page at #${s.names[1]} shows that frame`, shows(s, 1));
	await second.screenshot({ path: screenshot });
	await second.close();

	const unknown = await open(browser, '#no-such-period', errors);
	check('an unknown fragment shows the first frame', shows(await state(unknown), 0));
	await unknown.evaluate((name) => { location.hash = name; }, s.names[s.names.length - 1]);
	await unknown.waitForFunction(() => document.querySelector('.tl-frame:last-of-type:not([hidden])'));
	check('changing the fragment shows the frame it names', shows(await state(unknown), s.names.length - 1));
	await unknown.close();

	check('no script error and no request off the disk', errors.join('; '));
} catch (e) {
	console.log(`not ok timeline page in Chromium: ${String(e.message || e).split('\n')[0]}`);
} finally {
	if (browser)
		await browser.close();
}
