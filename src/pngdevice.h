/* pngdevice.h: the renderer's PNG output device (pngdevice.c). */
#ifndef ACTORNET_PNGDEVICE_H
#define ACTORNET_PNGDEVICE_H

#include <graphviz/gvc.h>

/* The format that draws a PNG with Graphviz's cairo renderer and writes it with this device. */
#define AN_PNG_FORMAT "png:cairo:actornet"

/* Adds the device to a Graphviz context: once, after gvContext. */
void an_add_png_device(GVC_t *gvc);

#endif
