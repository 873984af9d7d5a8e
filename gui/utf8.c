/* utf8.c — see utf8.h. */
#include "utf8.h"

#include <string.h>

/* The length of the sequence lead byte c starts, 0 if it starts none. */
static size_t seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : (c & 0xf0) == 0xe0 ? 3
         : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
}

char *gui_utf8_trim(char *s)
{
    size_t n = strlen(s), k = n;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xc0) == 0x80 && n - k < 3)
        k--; /* back over the continuation bytes to the lead */
    if (k > 0 && (unsigned char)s[k - 1] >= 0xc0 && n - (k - 1) < seq_len((unsigned char)s[k - 1]))
        s[k - 1] = 0; /* its lead with fewer bytes than it needs */
    return s;
}

int gui_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        size_t k = seq_len(s[i]);
        if (k == 0 || i + k > n)
            return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xc0) != 0x80)
                return 0;
        if ((s[i] == 0xe0 && s[i + 1] < 0xa0) || (s[i] == 0xed && s[i + 1] >= 0xa0) ||
            (s[i] == 0xf0 && s[i + 1] < 0x90) || (s[i] == 0xf4 && s[i + 1] >= 0x90))
            return 0; /* overlong, a surrogate, past U+10FFFF */
        i += k;
    }
    return 1;
}
