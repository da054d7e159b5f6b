/* textlayout.h: the renderer's text measurer, a Graphviz text layout plugin (textlayout.c). */
#ifndef ACTORNET_TEXTLAYOUT_H
#define ACTORNET_TEXTLAYOUT_H

#include <stdbool.h>

#include <graphviz/gvc.h>

/*
 * A Graphviz context whose texts are measured by actornet's plugin: in
 * DejaVu Sans with HarfBuzz, to the same sizes pango gives, without
 * starting pango and fontconfig; other texts, and every text while
 * an_text_with_pango(true), by pango. NULL when Graphviz cannot start.
 */
GVC_t *an_text_context(void);

/*
 * Whether layouts from now on have pango measure every text: cairo (PNG,
 * PDF, SVG with text as outlines) draws only what pango laid out.
 */
void an_text_with_pango(bool pango);

/* Ends the use of a context from an_text_context, after gvFreeContext: the last frees the fonts and pango's context. */
void an_text_release(void);

#endif
