/* visible.h — text from a file made safe to show: what a terminal would
 * act on is written as an escape instead.
 *
 * A scenario's title, description, questions and choices, and a
 * student's answers, are anyone's bytes; written as they are, "\e]0;...\a"
 * would retitle the grader's terminal and "\e[2J" clear it.  Every place
 * that shows such text (the CLI's text, CSV and error messages) passes it
 * through here.  Shown as escapes:
 *
 *   - the C0 controls U+0000-U+001F and DEL (0x7F): "\x1B";
 *     in text of several lines (PS_VISIBLE_LINES) '\n' and '\t' stay;
 *   - the C1 controls U+0080-U+009F (a terminal reads U+009B as ESC [):
 *     "\u009B";
 *   - a byte that does not begin a valid UTF-8 sequence (a stray
 *     continuation byte, an overlong or cut sequence, a surrogate): "\xFF".
 *
 * Everything else, Hangul and every other printable character, stays as
 * it is.  A backslash stays too: the escapes are for people, not to be
 * read back. */
#ifndef PROCSIM_VISIBLE_H
#define PROCSIM_VISIBLE_H

#include <stddef.h>
#include <stdint.h>

enum {
    PS_VISIBLE_LINE = 0,  /* one line (a title, an answer): '\n', '\t' as escapes */
    PS_VISIBLE_LINES = 1, /* several lines (a description): '\n', '\t' stay */
};

/* The longest escape of one character ("\u009B") and its NUL. */
#define PS_VISIBLE_ESC_MAX 7

/* The length of the UTF-8 character at p (n >= 1 bytes left), 0 if none
 * starts there: strict (RFC 3629), no overlong forms, surrogates or code
 * points past U+10FFFF.  *cp gets the code point.  The one decoder of
 * what is valid UTF-8 for the text made visible and for answers files. */
size_t ps_utf8_char(const unsigned char *p, size_t n, uint32_t *cp);
/* The length of the UTF-8 character a byte `lead` would begin: 1 (ASCII),
 * 2 to 4, or 0 if no valid character begins with it. */
size_t ps_utf8_len(unsigned char lead);

/* The character that starts s[0..n) (n >= 1): returns how many bytes it
 * takes (at least 1), and esc gets its escape, or "" when it is shown as
 * it is. */
size_t ps_visible_char(const char *s, size_t n, int lines, char esc[PS_VISIBLE_ESC_MAX]);

/* The string s made visible into buf[size) (size >= 4), NUL-terminated;
 * cut at a character with "..." when it does not fit.  Returns buf. */
const char *ps_visible(const char *s, int lines, char *buf, size_t size);

#endif
