/* png.h — a surface written to a PNG file, with every failure reported.
 * IMG_SavePNG alone says nothing when the final close fails (a full disk
 * takes the last buffer there), so the file is written through our own
 * FILE* and its fclose is checked. */
#ifndef PROCSIM_GUI_PNG_H
#define PROCSIM_GUI_PNG_H

#include <stddef.h>

#include <SDL.h>

#include "procsim/state.h"

/* Write s to `path` as PNG.  Returns 0, or -1 with the reason in err, in
 * `lang` ("No space left on device"); a regular file left half-written is
 * removed. */
int gui_png_write(SDL_Surface *s, const char *path, ps_lang lang, char *err, size_t errsize);

#endif
