/* visible.c — text from a file with its control characters made visible
 * (procsim/visible.h says which and how). */
#include "procsim/visible.h"

#include <stdio.h>
#include <string.h>

size_t ps_utf8_len(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
         : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
}

size_t ps_utf8_char(const unsigned char *p, size_t n, uint32_t *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    size_t len = ps_utf8_len(p[0]);
    if (!len || len > n)
        return 0;
    uint32_t c = p[0] & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        c = c << 6 | (p[i] & 0x3f);
    }
    static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < least[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return len;
}

size_t ps_visible_char(const char *s, size_t n, int lines, char esc[PS_VISIBLE_ESC_MAX])
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t cp;
    size_t len = ps_utf8_char(u, n, &cp);
    esc[0] = '\0';
    if (len == 0 || (len == 1 && (u[0] < 0x20 || u[0] == 0x7F))) {
        if (!(lines && (u[0] == '\n' || u[0] == '\t')))
            snprintf(esc, PS_VISIBLE_ESC_MAX, "\\x%02X", u[0]);
        return 1;
    }
    if (cp >= 0x80 && cp <= 0x9F)
        snprintf(esc, PS_VISIBLE_ESC_MAX, "\\u%04X", (unsigned)cp);
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
