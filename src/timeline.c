/* timeline.c: writes the timeline page, one self-contained HTML page that steps through the diagrams of a series. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define PREFIX_MAX 80

static bool name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '.';
}

/*
 * The prefix of frame i's ids: "p" and the name ("p1990s_") when the name is
 * made of [A-Za-z0-9.-] and no earlier frame has it, else "f" and the index
 * ("f3_"). No name holds "_", so the first "_" ends every prefix, and two
 * frames' ids never meet however the SVGs name theirs.
 */
static void frame_prefix(const an_frame *frames, size_t i, char out[PREFIX_MAX])
{
	const char *name = frames[i].name;
	size_t n = name ? strlen(name) : 0;
	bool plain = n > 0 && n < PREFIX_MAX - 3;
	for (size_t k = 0; plain && k < n; k++)
		plain = name_char(name[k]);
	for (size_t j = 0; plain && j < i; j++)
		plain = !frames[j].name || strcmp(frames[j].name, name) != 0;
	if (plain)
		snprintf(out, PREFIX_MAX, "p%s_", name);
	else
		snprintf(out, PREFIX_MAX, "f%zu_", i);
}

static const char STYLE[] =
	":root{color-scheme:light;--bg:#FFFFFF;--fg:#1A1A1A;--muted:#555555;--line:#D0D0D0;"
	"--button:#F2F2F2;--accent:#0072B2}\n"
	"body.dark{color-scheme:dark;--bg:#1E1E1E;--fg:#EEEEEE;--muted:#B0B0B0;--line:#444444;"
	"--button:#2E2E2E;--accent:#56B4E9}\n"
	"*{box-sizing:border-box}\n"
	"html{height:100%}\n"
	"body{margin:0;height:100%;display:flex;flex-direction:column;background:var(--bg);"
	"color:var(--fg);font:16px/1.4 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
	"\"Helvetica Neue\",Arial,sans-serif}\n"
	"header{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem 2rem;"
	"padding:.75rem 1.5rem;border-bottom:1px solid var(--line)}\n"
	".tl-now{flex:0 0 auto;min-width:12ch}\n"
	"h1{margin:0;font-size:.95rem;font-weight:600;color:var(--muted)}\n"
	"#tl-period{margin:0;font-size:2.5rem;line-height:1.1;font-weight:700;"
	"font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	".tl-controls{flex:1 1 20rem;display:flex;align-items:center;gap:.5rem;min-width:0}\n"
	"button{display:inline-flex;align-items:center;justify-content:center;width:2.75rem;"
	"height:2.75rem;padding:0;border:1px solid var(--line);border-radius:.5rem;"
	"background:var(--button);color:var(--fg);cursor:pointer}\n"
	"button:hover{border-color:var(--fg)}\n"
	"button[aria-disabled=true]{opacity:.35;cursor:default}\n"
	"button svg{width:1.1rem;height:1.1rem;fill:currentColor}\n"
	"#tl-play{width:3.25rem;border-color:var(--accent);background:var(--accent);color:var(--bg)}\n"
	"#tl-play:hover{border-color:var(--fg)}\n"
	"#tl-play .tl-pause,#tl-play.tl-playing .tl-play{display:none}\n"
	"#tl-play.tl-playing .tl-pause{display:inline}\n"
	"#tl-slider{flex:1;min-width:4rem;margin:0;accent-color:var(--accent);cursor:pointer}\n"
	".tl-end{color:var(--muted);font-size:.9rem;white-space:nowrap}\n"
	"#tl-next{margin-right:.75rem}\n"
	"#tl-pos{min-width:4.5ch;text-align:right;color:var(--muted);font-variant-numeric:tabular-nums}\n"
	":focus-visible{outline:3px solid var(--accent);outline-offset:2px}\n"
	".tl-zoom{display:flex;gap:.25rem}\n"
	".tl-zoom button{width:2.25rem;font-size:1.2rem;font-weight:600}\n"
	"#tl-fit{width:3.25rem;font-size:.85rem}\n"
	"#tl-fit[aria-pressed=true]{border-color:var(--accent);color:var(--accent)}\n"
	"main{flex:1;min-height:0;overflow:auto;display:flex;padding:1rem}\n"
	".tl-frame{margin:auto}\n"
	".tl-frame>svg{display:block;height:auto;max-width:none}\n"
	"[hidden]{display:none!important}\n"
	"@media (max-width:40rem){header{padding:.5rem .75rem}.tl-end{display:none}#tl-next{margin-right:0}}\n"
	"@media print{header .tl-controls,header .tl-zoom{display:none}main{overflow:visible}"
	".tl-frame[hidden]{display:block!important;break-after:page}"
	".tl-frame>svg{width:auto!important;max-width:100%}}\n";

/*
 * The page's behaviour; it reads everything it needs from the markup (the
 * frames' data-name and data-label, the body's data-title), so no text of the
 * network is ever inside the script. Play steps every 1.5 s and stops at the
 * last frame; Play there starts again from the first. A manual step stops it.
 * A frame is shown as large as the window allows, and never so small that
 * its smallest text is under READABLE_PX pixels: a larger drawing scrolls
 * (pan) instead. Fit shows it whole however small; + and - zoom.
 */
static const char SCRIPT[] =
	"(function () {\n"
	"'use strict';\n"
	"var frames = document.querySelectorAll('.tl-frame'), n = frames.length;\n"
	"if (!n) return;\n"
	"function $(id) { return document.getElementById(id); }\n"
	"var slider = $('tl-slider'), period = $('tl-period'), pos = $('tl-pos');\n"
	"var prev = $('tl-prev'), next = $('tl-next'), play = $('tl-play');\n"
	"var title = document.body.getAttribute('data-title'), cur = 0, timer = null;\n"
	"var main = document.querySelector('main'), fit = $('tl-fit'), zoom = 1, fitting = false;\n"
	"var READABLE_PX = 10;\n"
	"function natural(svg) { return svg.width.baseVal.value || svg.getBoundingClientRect().width; }\n"
	"function smallestText(svg) {\n"
	"  var least = Infinity;\n"
	"  svg.querySelectorAll('text').forEach(function (t) {\n"
	"    var m = t.getScreenCTM(), size = parseFloat(t.getAttribute('font-size'));\n"
	"    if (m && size > 0 && t.textContent.trim()) least = Math.min(least, size * Math.hypot(m.a, m.b));\n"
	"  });\n"
	"  return least;\n"
	"}\n"
	"function size() {\n"
	"  var svg = frames[cur].querySelector('svg');\n"
	"  if (!svg) return;\n"
	"  var w = natural(svg), h = svg.height.baseVal.value || w;\n"
	"  var room = Math.max(100, Math.min(main.clientWidth - 32, (main.clientHeight - 32) * w / h));\n"
	"  svg.style.width = w + 'px';\n"
	"  var readable = w * READABLE_PX / smallestText(svg);\n"
	"  var width = fitting ? Math.min(w, room) : Math.max(Math.min(w, room), isFinite(readable) ? readable : 0);\n"
	"  svg.style.width = Math.round(width * zoom) + 'px';\n"
	"  fit.setAttribute('aria-pressed', fitting);\n"
	"}\n"
	"function setZoom(z, fitted) { zoom = Math.max(0.25, Math.min(8, z)); fitting = fitted; size(); }\n"
	"function show(i) {\n"
	"  i = Math.max(0, Math.min(n - 1, i));\n"
	"  frames[cur].hidden = true;\n"
	"  frames[i].hidden = false;\n"
	"  cur = i;\n"
	"  var label = frames[i].getAttribute('data-label');\n"
	"  var hash = '#' + encodeURIComponent(frames[i].getAttribute('data-name'));\n"
	"  period.textContent = label;\n"
	"  pos.textContent = (i + 1) + ' / ' + n;\n"
	"  slider.value = i;\n"
	"  slider.setAttribute('aria-valuetext', label);\n"
	"  prev.setAttribute('aria-disabled', i === 0);\n"
	"  next.setAttribute('aria-disabled', i === n - 1);\n"
	"  document.title = title ? title + ' \\u2014 ' + label : label;\n"
	"  size();\n"
	"  if (location.hash !== hash) {\n"
	"    try { history.replaceState(null, '', hash); } catch (e) { location.replace(hash); }\n"
	"  }\n"
	"}\n"
	"function stop() {\n"
	"  clearInterval(timer);\n"
	"  timer = null;\n"
	"  play.classList.remove('tl-playing');\n"
	"  play.setAttribute('aria-label', 'Play');\n"
	"}\n"
	"function step(i) { stop(); show(i); }\n"
	"function fromHash() {\n"
	"  var name = location.hash.slice(1);\n"
	"  try { name = decodeURIComponent(name); } catch (e) {}\n"
	"  for (var i = 0; i < n; i++) {\n"
	"    if (frames[i].getAttribute('data-name') === name) return i;\n"
	"  }\n"
	"  return 0;\n"
	"}\n"
	"prev.addEventListener('click', function () { step(cur - 1); });\n"
	"next.addEventListener('click', function () { step(cur + 1); });\n"
	"slider.addEventListener('input', function () { step(Number(slider.value)); });\n"
	"play.addEventListener('click', function () {\n"
	"  if (timer) return stop();\n"
	"  if (cur === n - 1) show(0);\n"
	"  play.classList.add('tl-playing');\n"
	"  play.setAttribute('aria-label', 'Pause');\n"
	"  timer = setInterval(function () {\n"
	"    show(cur + 1);\n"
	"    if (cur === n - 1) stop();\n"
	"  }, 1500);\n"
	"});\n"
	"$('tl-zoom-in').addEventListener('click', function () { setZoom(zoom * 1.25, fitting); });\n"
	"$('tl-zoom-out').addEventListener('click', function () { setZoom(zoom / 1.25, fitting); });\n"
	"fit.addEventListener('click', function () { setZoom(1, !fitting); });\n"
	"window.addEventListener('resize', size);\n"
	"document.addEventListener('keydown', function (e) {\n"
	"  if (e.altKey || e.ctrlKey || e.metaKey || e.target === slider) return;\n"
	"  var z = {'+': zoom * 1.25, '=': zoom * 1.25, '-': zoom / 1.25}[e.key];\n"
	"  if (z) { e.preventDefault(); return setZoom(z, fitting); }\n"
	"  if (e.key === '0') { e.preventDefault(); return setZoom(1, !fitting); }\n"
	"  if (e.shiftKey) return;\n"
	"  var to = {ArrowLeft: cur - 1, ArrowRight: cur + 1, Home: 0, End: n - 1}[e.key];\n"
	"  if (to === undefined) return;\n"
	"  e.preventDefault();\n"
	"  step(to);\n"
	"});\n"
	"window.addEventListener('hashchange', function () { show(fromHash()); });\n"
	"show(fromHash());\n"
	"})();\n";

static const char ICON_PREV[] = "<svg viewBox=\"0 0 16 16\" aria-hidden=\"true\" focusable=\"false\">"
                                "<path d=\"M3 2h2v12H3zM14 2v12L6 8z\"/></svg>";
static const char ICON_NEXT[] = "<svg viewBox=\"0 0 16 16\" aria-hidden=\"true\" focusable=\"false\">"
                                "<path d=\"M2 2v12l8-6zM11 2h2v12h-2z\"/></svg>";
static const char ICON_PLAY[] = "<svg class=\"tl-play\" viewBox=\"0 0 16 16\" aria-hidden=\"true\" "
                                "focusable=\"false\"><path d=\"M4 2v12l10-6z\"/></svg>";
static const char ICON_PAUSE[] = "<svg class=\"tl-pause\" viewBox=\"0 0 16 16\" aria-hidden=\"true\" "
                                 "focusable=\"false\"><path d=\"M3 2h4v12H3zM9 2h4v12H9z\"/></svg>";

static const char *frame_label(const an_frame *f)
{
	return f->label ? f->label : f->name ? f->name : "";
}

/* The name of the first or the last frame, at that end of the slider. */
static void put_end(strbuf *b, const an_frame *f)
{
	sb_puts(b, "<span class=\"tl-end\" aria-hidden=\"true\">");
	sb_put_xml(b, f->name);
	sb_puts(b, "</span>\n");
}

/*
 * The page is HTML and also well-formed XML (empty elements closed, the
 * script in a CDATA section behind comments), so xmllint can check it whole.
 */
char *an_timeline_html(const char *title, const an_frame *frames, size_t count, bool dark, size_t *len)
{
	strbuf b;
	sb_init(&b);
	const char *first = count > 0 ? frame_label(&frames[0]) : "";
	bool has_title = title && *title;

	sb_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	            "<meta name=\"generator\" content=\"actornet\"/>\n<title>");
	sb_put_xml(&b, title);
	if (has_title && *first)
		sb_puts(&b, " \xE2\x80\x94 "); /* — */
	sb_put_xml(&b, first);
	sb_puts(&b, "</title>\n<style>\n");
	sb_puts(&b, STYLE);
	sb_printf(&b, "</style>\n</head>\n<body%s data-title=\"", dark ? " class=\"dark\"" : "");
	sb_put_xml(&b, title);
	sb_puts(&b, "\">\n<header>\n<div class=\"tl-now\">\n<h1>");
	sb_put_xml(&b, title);
	sb_puts(&b, "</h1>\n<p id=\"tl-period\" aria-live=\"polite\">");
	sb_put_xml(&b, first);
	sb_puts(&b, "</p>\n</div>\n");

	if (count > 0) {
		sb_puts(&b, "<div class=\"tl-controls\" role=\"group\" aria-label=\"Periods\">\n");
		sb_printf(&b, "<button type=\"button\" id=\"tl-prev\" aria-label=\"Previous period\" "
		              "title=\"Previous period (Left arrow)\">%s</button>\n", ICON_PREV);
		sb_printf(&b, "<button type=\"button\" id=\"tl-play\" aria-label=\"Play\" "
		              "title=\"Play or pause\">%s%s</button>\n", ICON_PLAY, ICON_PAUSE);
		sb_printf(&b, "<button type=\"button\" id=\"tl-next\" aria-label=\"Next period\" "
		              "title=\"Next period (Right arrow)\">%s</button>\n", ICON_NEXT);
		put_end(&b, &frames[0]);
		sb_printf(&b, "<input type=\"range\" id=\"tl-slider\" min=\"0\" max=\"%zu\" step=\"1\" "
		              "value=\"0\" list=\"tl-ticks\" aria-label=\"Period\" aria-valuetext=\"",
		          count - 1);
		sb_put_xml(&b, first);
		sb_puts(&b, "\"/>\n<datalist id=\"tl-ticks\">");
		for (size_t i = 0; i < count; i++)
			sb_printf(&b, "<option value=\"%zu\"></option>", i);
		sb_puts(&b, "</datalist>\n");
		put_end(&b, &frames[count - 1]);
		sb_printf(&b, "<span id=\"tl-pos\">1 / %zu</span>\n</div>\n", count);
		sb_puts(&b, "<div class=\"tl-zoom\" role=\"group\" aria-label=\"Zoom\">\n"
		            "<button type=\"button\" id=\"tl-zoom-out\" aria-label=\"Zoom out\" title=\"Zoom out (-)\">\xE2\x88\x92</button>\n"
		            "<button type=\"button\" id=\"tl-zoom-in\" aria-label=\"Zoom in\" title=\"Zoom in (+)\">+</button>\n"
		            "<button type=\"button\" id=\"tl-fit\" aria-pressed=\"false\" "
		            "title=\"Show the whole diagram, however small its text (0)\">Fit</button>\n</div>\n");
	}
	sb_puts(&b, "</header>\n<main>\n");
	if (count == 0)
		sb_puts(&b, "<p>No periods to show.</p>\n");

	for (size_t i = 0; i < count; i++) {
		const an_frame *f = &frames[i];
		char prefix[PREFIX_MAX];
		frame_prefix(frames, i, prefix);
		sb_puts(&b, "<figure class=\"tl-frame\" data-name=\"");
		sb_put_xml(&b, f->name);
		sb_puts(&b, "\" data-label=\"");
		sb_put_xml(&b, frame_label(f));
		sb_puts(&b, "\" aria-label=\"");
		sb_put_xml(&b, frame_label(f));
		sb_printf(&b, "\"%s>\n", i > 0 ? " hidden=\"\"" : "");
		an_svg_put_prefixed(&b, f->svg, f->svg_len, f->ids_prefixed ? "" : prefix, false);
		sb_puts(&b, "\n</figure>\n");
	}
	sb_puts(&b, "</main>\n<script>//<![CDATA[\n");
	sb_puts(&b, SCRIPT);
	sb_puts(&b, "//]]></script>\n</body>\n</html>\n");
	return sb_take(&b, len);
}
