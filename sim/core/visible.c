/* visible.c — text from a file with its control characters made visible
 * (procsim/visible.h says which and how). */
#include "procsim/visible.h"

#include <stdio.h>
#include <string.h>

/* Bytes of the valid UTF-8 sequence starting at u[0..n), 0 if none
 * (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF). */
static size_t utf8_length(const unsigned char *u, size_t n)
{
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* the second byte's range */
    if (u[0] < 0x80)
        return 1;
    if (u[0] >= 0xC2 && u[0] <= 0xDF)
        len = 2;
    else if (u[0] >= 0xE0 && u[0] <= 0xEF)
        len = 3, lo = u[0] == 0xE0 ? 0xA0 : 0x80, hi = u[0] == 0xED ? 0x9F : 0xBF;
    else if (u[0] >= 0xF0 && u[0] <= 0xF4)
        len = 4, lo = u[0] == 0xF0 ? 0x90 : 0x80, hi = u[0] == 0xF4 ? 0x8F : 0xBF;
    else
        return 0;
    if (n < len || u[1] < lo || u[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((u[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

size_t ps_visible_char(const char *s, size_t n, int lines, char esc[PS_VISIBLE_ESC_MAX])
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = utf8_length(u, n);
    esc[0] = '\0';
    if (len == 0 || (len == 1 && (u[0] < 0x20 || u[0] == 0x7F))) {
        if (!(lines && (u[0] == '\n' || u[0] == '\t')))
            snprintf(esc, PS_VISIBLE_ESC_MAX, "\\x%02X", u[0]);
        return 1;
    }
    if (len == 2 && u[0] == 0xC2 && u[1] <= 0x9F) /* U+0080-U+009F */
        snprintf(esc, PS_VISIBLE_ESC_MAX, "\\u%04X", u[1]);
    return len;
}

/* The bytes of s[0..n) made visible, less the NUL. */
static size_t visible_length(const char *s, size_t n, int lines)
{
    size_t total = 0;
    while (n > 0) {
        char esc[PS_VISIBLE_ESC_MAX];
        size_t k = ps_visible_char(s, n, lines, esc);
        total += esc[0] ? strlen(esc) : k;
        s += k;
        n -= k;
    }
    return total;
}

const char *ps_visible(const char *s, int lines, char *buf, size_t size)
{
    size_t n = strlen(s), o = 0;
    /* all of it, or as much as leaves room for "..." */
    size_t room = visible_length(s, n, lines) < size ? size - 1 : size - 4;
    while (n > 0) {
        char esc[PS_VISIBLE_ESC_MAX];
        size_t k = ps_visible_char(s, n, lines, esc);
        size_t w = esc[0] ? strlen(esc) : k;
        if (o + w > room)
            break;
        memcpy(buf + o, esc[0] ? esc : s, w);
        o += w;
        s += k;
        n -= k;
    }
    snprintf(buf + o, size - o, "%s", n > 0 ? "..." : "");
    return buf;
}
