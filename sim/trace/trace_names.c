/* trace_names.c — the Python hook's reports (trace_evidence.h): lines
 * "PID NAME\n" written by sim/trace/pyhook/sitecustomize.py on a pipe,
 * read by the backend in whatever pieces the pipe gives.  A line that is
 * not of that form is dropped; so is one longer than the buffer (the
 * hook never writes one: it cuts names well below it), in full. */
#include <string.h>

#include "trace_evidence.h"
#include "trace_util.h"

/* nm->len past the buffer's size: the start of this line did not fit, so
 * the rest of it is dropped up to its newline. */
#define DROPPING (sizeof ((ps__names *)0)->buf + 1)

static void line(const char *s, size_t len, size_t name_max, ps__name_fn fn, void *ctx)
{
    int64_t pid = 0;
    size_t i = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9' && pid < 100000000)
        pid = pid * 10 + (s[i++] - '0');
    if (i == 0 || i >= len || s[i] != ' ' || pid <= 0 || pid >= 100000000 || name_max == 0)
        return;
    char name[sizeof ((ps__names *)0)->buf];
    size_t n = 0;
    for (i++; i < len && n < sizeof name - 1; i++)
        if ((unsigned char)s[i] >= ' ' && s[i] != 0x7f)
            name[n++] = s[i]; /* control characters dropped */
    if (n > name_max - 1)
        n = ps__whole_chars(name, name_max - 1);
    name[n] = 0;
    if (n)
        fn(ctx, (pid_t)pid, name);
}

void ps__names_feed(ps__names *nm, const char *data, size_t len, size_t name_max,
                    ps__name_fn fn, void *ctx)
{
    while (len) {
        const char *nl = memchr(data, '\n', len);
        size_t piece = nl ? (size_t)(nl - data) : len;
        if (nm->len == DROPPING) {
            /* the rest of a line too long: skip it */
        } else if (nm->len + piece > sizeof nm->buf) {
            nm->len = DROPPING;
        } else {
            memcpy(nm->buf + nm->len, data, piece);
            nm->len += piece;
        }
        if (!nl)
            return;
        if (nm->len != DROPPING)
            line(nm->buf, nm->len, name_max, fn, ctx);
        nm->len = 0;
        data = nl + 1;
        len -= piece + 1;
    }
}
