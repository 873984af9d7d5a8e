/* visible.c — text from a file written with its control characters
 * made visible (procsim/visible.h): the one way the commands write a
 * title, a description, a question, a choice or a student's answer. */
#include <string.h>

#include "cli.h"

void cli_visible(FILE *out, const char *s, int lines)
{
    size_t n = strlen(s);
    while (n > 0) {
        size_t plain = 0; /* a run of characters shown as they are, written at once */
        char esc[PS_VISIBLE_ESC_MAX];
        size_t k;
        while (plain < n && (k = ps_visible_char(s + plain, n - plain, lines, esc), !esc[0]))
            plain += k;
        fwrite(s, 1, plain, out);
        s += plain;
        n -= plain;
        if (n > 0) {
            fputs(esc, out);
            s += k;
            n -= k;
        }
    }
}
