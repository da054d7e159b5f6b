// Checks that every text of each SVG, as headless Chromium draws it, lies within the SVG's canvas, that
// the title block's lines do not run into each other, that no tie's line runs through them, nor through
// another tie's label, and that ties' labels overlap neither each other nor an actor; prints
// "ok NAME" or "not ok NAME: why" per check and file.
// usage: node svg-text.mjs [--labels-clear] FILE.svg...  (--labels-clear: only that ties' labels overlap
// neither each other nor an actor)
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { tiesThrough } from './through.mjs';

const labelsOnly = process.argv[2] === '--labels-clear';
const files = process.argv.slice(labelsOnly ? 3 : 2);
if (!files.length) {
	console.log('not ok text within the canvas in Chromium: usage: node svg-text.mjs FILE.svg...');
	process.exit(0);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const file of files) {
	await page.goto(pathToFileURL(file).href);
	if (!labelsOnly) {
		// Texts whose box reaches past the canvas by more than half a pixel, with how far.
		const outside = await page.evaluate(() => {
			const svg = document.documentElement, canvas = svg.getBoundingClientRect();
			return [...svg.querySelectorAll('text')].map((t) => {
				const box = t.getBoundingClientRect();
				const past = Math.max(canvas.left - box.left, box.right - canvas.right, canvas.top - box.top, box.bottom - canvas.bottom);
				return past > 0.5 ? `"${t.textContent.slice(0, 40)}" by ${past.toFixed(1)} px` : '';
			}).filter(Boolean);
		});
		const name = `text within the canvas in Chromium: ${file.split('/').pop()}`;
		console.log(outside.length ? `not ok ${name}: ${outside.slice(0, 3).join('; ')}` : `ok ${name}`);
		// Lines of the title block (texts outside actors and ties) that overlap by more than 3 px.
		const crowded = await page.evaluate(() => {
			const lines = [...document.querySelectorAll('text')].filter((t) => !t.closest('g.node, g.edge'))
				.map((t) => ({ text: t.textContent.slice(0, 30), box: t.getBoundingClientRect() }));
			const found = [];
			for (let i = 0; i < lines.length; i++)
				for (let j = i + 1; j < lines.length; j++) {
					const a = lines[i].box, b = lines[j].box;
					const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
					const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
					if (dx > 3 && dy > 3)
						found.push(`"${lines[i].text}" and "${lines[j].text}" by ${dy.toFixed(1)} px`);
				}
			return found;
		});
		const lines = `title block lines apart in Chromium: ${file.split('/').pop()}`;
		console.log(crowded.length ? `not ok ${lines}: ${crowded.slice(0, 3).join('; ')}` : `ok ${lines}`);
		const crossed = await page.evaluate(tiesThrough, { root: 'svg', labels: false });
		const clear = `no tie through the title block in Chromium: ${file.split('/').pop()}`;
		console.log(crossed.length ? `not ok ${clear}: ${crossed.slice(0, 3).join('; ')}` : `ok ${clear}`);
	}
	// Ties' labels (one box each) that overlap another's or an actor's box by more than 2 px both ways.
	const overlapping = await page.evaluate(() => {
		const boxOf = (elements) => {
			const boxes = [...elements].map((e) => e.getBoundingClientRect());
			return boxes.length ? { left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)),
				top: Math.min(...boxes.map((b) => b.top)), bottom: Math.max(...boxes.map((b) => b.bottom)) } : null;
		};
		const labels = [...document.querySelectorAll('g.edge')].map((e) => ({ name: e.querySelector('text')?.textContent.slice(0, 30), box: boxOf(e.querySelectorAll('text')) }))
			.filter((l) => l.box);
		const actors = [...document.querySelectorAll('g.node')].map((n) => ({ name: n.querySelector('text')?.textContent.slice(0, 30), box: boxOf(n.querySelectorAll('polygon, ellipse, path')) }))
			.filter((a) => a.box);
		const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
		const found = [];
		labels.forEach((l, i) => {
			for (const other of [...labels.slice(i + 1), ...actors])
				if (meet(l.box, other.box))
					found.push(`"${l.name}" and "${other.name}"`);
		});
		return found;
	});
	const separate = `ties' labels clear of each other and of the actors in Chromium: ${file.split('/').pop()}`;
	console.log(overlapping.length ? `not ok ${separate}: ${overlapping.slice(0, 3).join('; ')}` : `ok ${separate}`);
	if (labelsOnly)
		continue;
	const through = await page.evaluate(tiesThrough, { root: 'svg', labels: true });
	const apart = `no tie through another tie's label in Chromium: ${file.split('/').pop()}`;
	console.log(through.length ? `not ok ${apart}: ${through.slice(0, 3).join('; ')}` : `ok ${apart}`);
}
await browser.close();
