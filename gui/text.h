/* text.h — fonts and text for the GUI: the Latin font (DejaVu Sans) and a
 * Hangul font (Nanum Gothic, else Noto Sans CJK) found through fontconfig
 * from Debian's packages, never from the repository; strings rendered with
 * SDL2_ttf into textures that are cached, so drawing the same label every
 * frame costs one SDL_RenderCopy.
 *
 * Text is UTF-8.  A string containing Hangul is drawn with the Hangul font
 * (which has Latin glyphs too); any other string with the Latin font.
 */
#ifndef PROCSIM_GUI_TEXT_H
#define PROCSIM_GUI_TEXT_H

#include <SDL.h>

typedef struct gui_text gui_text;

/* Find the fonts and open them at `px` pixel sizes for the small, normal
 * and large styles (e.g. 11, 13, 18; multiply by the HiDPI scale).
 * Returns NULL and writes a message to `err` if no Latin font can be found
 * (a missing Hangul font is not an error: Korean text then falls back to
 * the Latin font, and gui_text_has_hangul says so). */
gui_text *gui_text_create(SDL_Renderer *r, int small_px, int normal_px, int large_px,
                          char *err, size_t errsize);
void gui_text_destroy(gui_text *t); /* accepts NULL */

typedef enum gui_font_size { GUI_SMALL, GUI_NORMAL, GUI_LARGE } gui_font_size;

/* Draw `s` with its top-left corner at (x, y) in `color`; returns the width
 * drawn in pixels.  Empty or NULL strings draw nothing and return 0. */
int gui_text_draw(gui_text *t, const char *s, gui_font_size size, SDL_Color color, int x, int y);
/* Same, centred on (cx, cy). */
void gui_text_draw_centered(gui_text *t, const char *s, gui_font_size size, SDL_Color color,
                            int cx, int cy);
/* Size of `s` as it would be drawn. */
void gui_text_measure(gui_text *t, const char *s, gui_font_size size, int *w, int *h);
/* Cut `s` (a buffer of `size` bytes) to at most w pixels wide, at
 * character boundaries, with ".." where it is cut.  A number at its end
 * and the '-', '_' or '.' before it are kept ("consumer-12" becomes
 * "cons..-12"), so that copies and numbered processes stay apart. */
void gui_text_fit(gui_text *t, char *s, size_t size, gui_font_size fs, float w);
/* Height of a line in that size. */
int gui_text_line_height(gui_text *t, gui_font_size size);
int gui_text_has_hangul(const gui_text *t);
/* Paths of the fonts in use (for --help / diagnostics). */
const char *gui_text_latin_path(const gui_text *t);
const char *gui_text_hangul_path(const gui_text *t);

#endif
