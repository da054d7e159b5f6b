// Checks that every text of each SVG, as headless Chromium draws it, lies within the SVG's canvas; prints "ok NAME" or "not ok NAME: why" per file.
// usage: node svg-text.mjs FILE.svg...
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const files = process.argv.slice(2);
if (!files.length) {
	console.log('not ok text within the canvas in Chromium: usage: node svg-text.mjs FILE.svg...');
	process.exit(0);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const file of files) {
	await page.goto(pathToFileURL(file).href);
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
}
await browser.close();
