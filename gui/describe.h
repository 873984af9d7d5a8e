/* describe.h — the scenario's description as the window shows it: which
 * of its two wordings, and its words wrapped to a width.  No SDL: the
 * width of a text comes from a function the caller gives (text.c's
 * measure in the window, a fake one in tests).
 *
 * Wrapping keeps the shape a scenario's author gave a `|` block:
 *   - lines of prose run together into paragraphs, re-broken at spaces to
 *     the width (a word wider than the width alone is broken between
 *     characters);
 *   - a blank line ends a paragraph and stays one empty line;
 *   - a line starting "- " or "* " (after any indentation) starts a
 *     paragraph of its own, whose lines hang under its first word; the
 *     lines indented as far as that word go on with it;
 *   - any other line that starts with a space (code, a command to type)
 *     stays a line of its own, as written, broken at spaces only when it
 *     is wider than the width, its pieces keeping its indentation.
 */
#ifndef PROCSIM_GUI_DESCRIBE_H
#define PROCSIM_GUI_DESCRIBE_H

#include <stddef.h>

#include "i18n.h"
#include "resources.h" /* gui_measure_fn: the width of a text */

/* The description to show in `lang`: the one in that language if the
 * scenario has it, else the other one; "" when it has none. */
const char *gui_describe_pick(const ps_scenario *s, gui_lang lang);

/* The title to show in `lang`: title_ko in Korean when the scenario has
 * one, else title. */
const char *gui_title_pick(const ps_scenario *s, gui_lang lang);

/* `text` wrapped to `width` in the small font (measure's normal = 0):
 * its lines, each ending in '\n', in out (a buffer of `size` bytes, which
 * 2 * strlen(text) + 2 always suffices for; shorter, the lines that fit).
 * Returns the number of lines written (0 for an empty or blank text), or
 * -1 when out of memory. */
int gui_describe_wrap(const char *text, float width, gui_measure_fn measure, void *ctx,
                      char *out, size_t size);

#endif
