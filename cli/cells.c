/* cells.c — text in the text view's columns: cut at a character, never
 * inside one, and measured by the columns a terminal gives it: two for
 * the wide characters (Hangul, CJK, fullwidth forms), one for the rest.
 * Decoded here rather than with wcwidth, whose answer depends on the
 * locale procsim happens to run in. */
#include <string.h>

#include "cli.h"

/* The character at s (NUL-terminated): its bytes in *len and its
 * columns (a byte that starts no character counts as one of one). */
static int character(const char *s, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned cp = *p, n = 1;
    if (*p >= 0xf0 && *p < 0xf8)
        cp = *p & 7u, n = 4;
    else if (*p >= 0xe0)
        cp = *p & 15u, n = 3;
    else if (*p >= 0xc0)
        cp = *p & 31u, n = 2;
    for (unsigned k = 1; k < n; k++) {
        if ((p[k] & 0xc0) != 0x80) { /* cut short: a byte */
            *len = 1;
            return 1;
        }
        cp = cp << 6 | (p[k] & 63u);
    }
    *len = n;
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
                   (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
                   (cp >= 0xff00 && cp <= 0xff60)
               ? 2
               : 1;
}

/* The bytes of s's characters that fit in `width` columns, their columns
 * in *used. */
static size_t fitting(const char *s, int width, int *used)
{
    size_t i = 0, k;
    *used = 0;
    while (s[i]) {
        int w = character(s + i, &k);
        if (*used > width - w)
            break;
        *used += w;
        i += k;
    }
    return i;
}

int cli_width(const char *s)
{
    int n = 0;
    for (size_t k; *s; s += k)
        n += character(s, &k);
    return n;
}

int cli_fit(const char *s, int width, char *buf, size_t size)
{
    int used;
    size_t n = fitting(s, width, &used);
    while (n >= size) { /* a buffer too small: fewer characters */
        while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
            n--;
        if (n > 0)
            n--;
    }
    memcpy(buf, s, n);
    buf[n] = 0;
    return cli_width(buf);
}

/* Cells hold names that may come from a traced program (its command's
 * name is anyone's bytes), so what they show is made visible first. */
void cli_cell(FILE *out, const char *s, int width, int pad)
{
    char shown[CLI_VISIBLE_MAX];
    s = ps_visible(s, PS_VISIBLE_LINE, shown, sizeof shown);
    int used;
    fwrite(s, 1, fitting(s, width, &used), out);
    for (; pad && used < width; used++)
        putc(' ', out);
}

void cli_pad(FILE *out, const char *s, int width)
{
    char shown[CLI_VISIBLE_MAX];
    s = ps_visible(s, PS_VISIBLE_LINE, shown, sizeof shown);
    fputs(s, out);
    for (int used = cli_width(s); used < width; used++)
        putc(' ', out);
}
