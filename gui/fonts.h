/* fonts.h — where the window's fonts are, by family.
 *
 * On the desktop fontconfig is asked (fonts_fc.c): the system's own
 * packages, and since fontconfig always answers with *some* font, its
 * answer is taken only when it is the family asked for or has the glyph
 * the caller needs (한 for Hangul).  In the browser (fonts_web.c) the
 * fonts are files the page preloads (/procsim/fonts), subset to what
 * procsim and Korean text use. */
#ifndef PROCSIM_GUI_FONTS_H
#define PROCSIM_GUI_FONTS_H

#include <stddef.h>
#include <stdint.h>

#include "i18n.h"

typedef struct gui_fonts gui_fonts;

/* The lookup, set up once for a few finds: NULL with why in err, in
 * `lang`. */
gui_fonts *gui_fonts_open(gui_lang lang, char *err, size_t errsize);
/* The file of `family` (or of a font with the glyph `need`, 0: no such
 * wish): malloc'ed, with *index its face in the file; NULL if none. */
char *gui_fonts_find(gui_fonts *f, const char *family, uint32_t need, int *index);
/* Nothing of the lookup outlives this (NULL: nothing). */
void gui_fonts_close(gui_fonts *f);

#endif
