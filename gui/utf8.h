/* utf8.h — what the GUI needs of UTF-8 where C's string functions count
 * bytes: a name's buffer big enough for any name, and composed strings
 * that snprintf cut mended at a character boundary.  No SDL. */
#ifndef PROCSIM_GUI_UTF8_H
#define PROCSIM_GUI_UTF8_H

#include <stddef.h>

#include "procsim/scenario.h"

/* A buffer for a name whole and the ".." of a cut (gui_text_fit, the
 * SVG's cut) or a short suffix. */
#define GUI_NAME_BUF (PS_NAME_MAX_BYTES + 8)
/* The longest text gui_text_fit (text.h) remembers whole for its hover,
 * NUL included: a line of several names and their words. */
#define GUI_TEXT_MAX 1024

/* Drop a partial sequence at the end of s (a character snprintf cut in
 * its middle), so that s is valid UTF-8 if it was before the cut.
 * Returns s. */
char *gui_utf8_trim(char *s);
/* Is s[0..n) valid UTF-8 (no stray continuation byte, no sequence cut,
 * no overlong form, nothing past U+10FFFF or in the surrogates)? */
int gui_utf8_valid(const char *s, size_t n);

#endif
