/* out.h — where library text goes.
 *
 * The library never prints.  Code that produces text for people (the OSTEP
 * front-ends, help and error messages) writes it to a ps_out, and the
 * caller decides where that goes: stdout, a file, a buffer in a test.
 */
#ifndef PROCSIM_OUT_H
#define PROCSIM_OUT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ps_out {
    void (*write)(void *ctx, const char *s, size_t n);
    void *ctx;
} ps_out;

/* Write `n` bytes / a string / printf-formatted text (any length). */
void ps_out_write(ps_out *o, const char *s, size_t n);
void ps_out_puts(ps_out *o, const char *s);
void ps_outf(ps_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ps_voutf(ps_out *o, const char *fmt, va_list ap);

/* Write `v` in decimal at `p`, stopping at `end` (no NUL): the fast path
 * of per-event text, where snprintf dominates.  Returns the new end. */
char *ps_put_int(char *p, char *end, int64_t v);

/* A growable buffer behind a ps_out (tests, the GUI).  `nomem` is set if
 * an allocation failed; the text is then incomplete. */
typedef struct ps_outbuf {
    char *s;             /* NUL-terminated, NULL until something is written */
    size_t len, cap;
    int nomem;
} ps_outbuf;
ps_out ps_outbuf_sink(ps_outbuf *b);
void ps_outbuf_fini(ps_outbuf *b);

#endif
