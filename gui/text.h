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

#include "i18n.h"
#include "utf8.h" /* GUI_TEXT_MAX */

typedef struct gui_text gui_text;

/* Find the fonts and open them at `px` pixel sizes for the small, normal
 * and large styles (e.g. 11, 13, 18; multiply by the HiDPI scale).
 * Returns NULL and writes a message to `err`, in `lang` (SDL_ttf's own
 * words after it), if no Latin font can be found or opened (a missing
 * Hangul font is not an error: Korean text then falls back to the Latin
 * font, and gui_text_has_hangul says so). */
gui_text *gui_text_create(SDL_Renderer *r, int small_px, int normal_px, int large_px,
                          gui_lang lang, char *err, size_t errsize);
void gui_text_destroy(gui_text *t); /* accepts NULL */
/* Re-open the fonts at new sizes (the window was resized or zoomed); the
 * cache is emptied.  Returns -1 if they cannot be opened: the old sizes
 * stay. */
int gui_text_set_sizes(gui_text *t, int small_px, int normal_px, int large_px);

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
/* A text gui_text_fit cut is remembered with its whole text until the
 * next gui_text_begin_frame; where it is then drawn, the mouse shows the
 * whole of it: gui_text_tip_at gives the whole text of a cut text drawn
 * at (x, y) this frame (and its box), or NULL. */
void gui_text_begin_frame(gui_text *t);
const char *gui_text_tip_at(const gui_text *t, int x, int y, SDL_Rect *box);

/* The recorder, for tests of what a frame shows: while on, every text
 * drawn is kept as a mark (its box cut to the clip; a text clipped away
 * entirely leaves none), and so is every cover, an opaque chip or disc
 * drawn over what came before (gui_text_cover; drawing code calls it,
 * off it costs nothing).  Marks are in drawing order and last until the
 * next gui_text_begin_frame. */
typedef struct gui_text_mark {
    SDL_Rect box;            /* visible part, in pixels */
    int cover;               /* 1: a cover, not a text */
    int w;                   /* the whole text's width: more than box.w
                                where the clip cut it */
    int fitted;              /* cut by gui_text_fit (the whole on hover) */
    int valid;               /* the text as drawn was valid UTF-8 (s is
                                trimmed to a character, so it always is) */
    char s[256];             /* the text, cut at a character to 255 bytes */
    char whole[256];         /* fitted: the whole its hover shows, cut so */
} gui_text_mark;
void gui_text_record(gui_text *t, int on);
void gui_text_cover(gui_text *t, float x, float y, float w, float h);
const gui_text_mark *gui_text_marks(const gui_text *t, int *n);

/* Height of a line in that size. */
int gui_text_line_height(gui_text *t, gui_font_size size);
int gui_text_has_hangul(const gui_text *t);
/* Paths of the fonts in use (for --help / diagnostics). */
const char *gui_text_latin_path(const gui_text *t);
const char *gui_text_hangul_path(const gui_text *t);

#endif
