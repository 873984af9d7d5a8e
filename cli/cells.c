/* cells.c — names in the text view's columns: cut at a character, never
 * inside one, and padded by the columns a terminal gives them (a Hangul
 * syllable takes two), as wcwidth says in the C.UTF-8 locale, used for
 * that alone (uselocale: the process's own locale, which SDL's X11 window
 * titles depend on, stays as it is). */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include <limits.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>

#include "cli.h"

/* Write the characters of s that fit in `width` columns (all of them if
 * `out` is NULL and width is INT_MAX: to measure); returns the columns. */
static int put(FILE *out, const char *s, int width)
{
    static locale_t utf8; /* made once, kept for the process's life */
    if (!utf8)
        utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    locale_t was = utf8 ? uselocale(utf8) : (locale_t)0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    int used = 0;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, s + i, n - i, &st);
        int w = 1;
        if (k == (size_t)-1 || k == (size_t)-2) { /* not UTF-8: a byte, a column */
            k = 1;
            memset(&st, 0, sizeof st);
        } else if ((w = wcwidth(wc)) < 0) {
            w = 1;
        }
        if (used > width - w)
            break;
        if (out)
            fwrite(s + i, 1, k, out);
        used += w;
        i += k;
    }
    if (was)
        uselocale(was);
    return used;
}

int cli_width(const char *s)
{
    return put(NULL, s, INT_MAX);
}

void cli_cell(FILE *out, const char *s, int width, int pad)
{
    for (int used = put(out, s, width); pad && used < width; used++)
        putc(' ', out);
}

void cli_pad(FILE *out, const char *s, int width)
{
    for (int used = put(out, s, INT_MAX); used < width; used++)
        putc(' ', out);
}
