// The one test of lines through texts, shared by svg-text.mjs and timeline.mjs: run in the page by page.evaluate.

// Ties' lines in the SVG `root` (a selector), sampled every 2 px, that pass 1 px inside the box of a text:
// with `labels`, another tie's label; without, a line of the title block (a text outside actors and ties).
// Returns 'EDGE-ID through "TEXT"' for each line that does, at its first such text.
export function tiesThrough({ root, labels }) {
	const svg = document.querySelector(root);
	const texts = [...svg.querySelectorAll(labels ? 'g.edge text' : 'text')]
		.filter((t) => labels || !t.closest('g.node, g.edge'))
		.map((t) => ({ text: t.textContent.slice(0, 30), edge: t.closest('g.edge'), box: t.getBoundingClientRect() }));
	const found = [];
	for (const path of svg.querySelectorAll('g.edge path')) {
		const edge = path.closest('g.edge'), matrix = path.getScreenCTM(), length = path.getTotalLength();
		for (let at = 0; at <= length; at += 2) {
			const point = path.getPointAtLength(at), p = new DOMPoint(point.x, point.y).matrixTransform(matrix);
			const hit = texts.find(({ edge: owner, box }) => owner !== edge &&
				p.x > box.left + 1 && p.x < box.right - 1 && p.y > box.top + 1 && p.y < box.bottom - 1);
			if (hit) {
				found.push(`${edge.id || 'an edge'} through "${hit.text}"`);
				break;
			}
		}
	}
	return found;
}
