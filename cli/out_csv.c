/* out_csv.c — the trace as CSV, one row per transition (DESIGN §5):
 *   time,pid,name,from,to,event,cause
 * Fields are quoted (RFC 4180) only when they hold a comma, quote or line
 * break.  Rows are built by hand rather than with fprintf: a large run
 * writes tens of millions of them. */
#include <string.h>

#include "cli.h"

static void csv_begin(FILE *out, const ps_engine *e)
{
    (void)e;
    fputs("time,pid,name,from,to,event,cause\n", out);
}

static char *put_int(char *p, int64_t v)
{
    char tmp[24];
    int n = 0;
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    do
        tmp[n++] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *p++ = '-';
    while (n)
        *p++ = tmp[--n];
    return p;
}

static void put_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    putc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', out);
        putc(*s, out);
    }
    putc('"', out);
}

static void csv_instant(FILE *out, const ps_engine *e, const ps_trace_event *ev, size_t n)
{
    char cause[256], head[64];
    for (size_t i = 0; i < n; i++) {
        const ps_trace_event *t = &ev[i];
        char *p = put_int(head, t->time);
        *p++ = ',';
        p = put_int(p, t->pid);
        *p++ = ',';
        fwrite(head, 1, (size_t)(p - head), out);
        put_field(out, ps_engine_pcb(e, t->pid)->name);
        putc(',', out);
        fputs(ps_state_token((ps_state)t->from), out);
        putc(',', out);
        fputs(ps_state_token((ps_state)t->to), out);
        putc(',', out);
        fputs(ps_event_token((ps_event)t->event), out);
        putc(',', out);
        put_field(out, ps_cause_format(e, t, cause, sizeof cause));
        putc('\n', out);
    }
}

static void csv_end(FILE *out, const ps_engine *e, ps_step_status st, const char *stuck)
{
    (void)out, (void)e, (void)st, (void)stuck;
}

const writer writer_csv = {csv_begin, csv_instant, csv_end};
