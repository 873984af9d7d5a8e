/* out.c — the ps_out text sink and its growable-buffer implementation.
 *
 * Formatted text goes through vsnprintf into a stack buffer, and through a
 * malloc'd one only when it is longer.  A ps_out has no error channel: if
 * that allocation fails, a ps_outbuf sink gets its `nomem` flag set and any
 * other sink gets the part that fitted.
 */
#include "procsim/out.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ps_out_write(ps_out *o, const char *s, size_t n)
{
    if (n > 0)
        o->write(o->ctx, s, n);
}

void ps_out_puts(ps_out *o, const char *s)
{
    ps_out_write(o, s, strlen(s));
}

void ps_outf(ps_out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ps_voutf(o, fmt, ap);
    va_end(ap);
}

char *ps_put_int(char *p, char *end, int64_t v)
{
    char tmp[24];
    int n = 0;
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    do
        tmp[n++] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        tmp[n++] = '-';
    while (n && p < end)
        *p++ = tmp[--n];
    return p;
}

static void outbuf_write(void *ctx, const char *s, size_t n);

void ps_voutf(ps_out *o, const char *fmt, va_list ap)
{
    char small[512];
    va_list again;
    va_copy(again, ap);
    int len = vsnprintf(small, sizeof small, fmt, ap);
    if (len < 0) {
        /* an encoding error: nothing sensible to write */
    } else if ((size_t)len < sizeof small) {
        ps_out_write(o, small, (size_t)len);
    } else {
        char *big = malloc((size_t)len + 1);
        if (big) {
            vsnprintf(big, (size_t)len + 1, fmt, again);
            ps_out_write(o, big, (size_t)len);
            free(big);
        } else if (o->write == outbuf_write) {
            ((ps_outbuf *)o->ctx)->nomem = 1;
        } else {
            ps_out_write(o, small, sizeof small - 1);
        }
    }
    va_end(again);
}

/* Append, keeping a NUL after the text; after a failed allocation nothing
 * more is appended, so the text is a prefix of what was written. */
static void outbuf_write(void *ctx, const char *s, size_t n)
{
    ps_outbuf *b = ctx;
    if (b->nomem)
        return;
    if (n >= SIZE_MAX - b->len) {
        b->nomem = 1;
        return;
    }
    size_t need = b->len + n + 1;
    if (need > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < need)
            cap = cap > SIZE_MAX / 2 ? need : cap * 2;
        char *s2 = realloc(b->s, cap);
        if (!s2) {
            b->nomem = 1;
            return;
        }
        b->s = s2;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

ps_out ps_outbuf_sink(ps_outbuf *b)
{
    return (ps_out){outbuf_write, b};
}

void ps_outbuf_fini(ps_outbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->nomem = 0;
}
