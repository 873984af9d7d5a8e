/* ostep.c — the entry points of the OSTEP front-ends and what they share:
 * option reading, Python-style error exits, and a row buffer for their
 * long traces.  The programs themselves are ostep_process_run.c,
 * ostep_scheduler.c, ostep_mlfq.c and ostep_lottery.c. */
#include "ostep_internal.h"

#include "arena.h"
#include "procsim/scenario_build.h"

#include <inttypes.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const ps__ostep_front *const fronts[PS_OSTEP_COUNT] = {
    [PS_OSTEP_PROCESS_RUN] = &ps__ostep_process_run,
    [PS_OSTEP_SCHEDULER] = &ps__ostep_scheduler,
    [PS_OSTEP_MLFQ] = &ps__ostep_mlfq,
    [PS_OSTEP_LOTTERY] = &ps__ostep_lottery,
};

static const char *const names[PS_OSTEP_COUNT] = {"process-run", "scheduler", "mlfq",
                                                  "lottery"};

int ps_ostep_lookup(const char *name)
{
    size_t n = strlen(name);
    if (n > 3 && strcmp(name + n - 3, ".py") == 0)
        n -= 3;
    for (int p = 0; p < PS_OSTEP_COUNT; p++)
        if (strlen(names[p]) == n && strncmp(name, names[p], n) == 0)
            return p;
    return -1;
}

const char *ps_ostep_name(ps_ostep_prog prog)
{
    return (unsigned)prog < PS_OSTEP_COUNT ? names[prog] : "?";
}

int ps_ostep_run(ps_ostep_prog prog, int argc, char **argv, ps_out *out, ps_out *err)
{
    const ps__ostep_front *f = fronts[prog];
    void *work = NULL;
    int status = f->parse(argc, argv, out, err, &work);
    if (status != PS__OSTEP_GO)
        return status;
    status = f->print(work, out, err);
    f->free_work(work);
    return status;
}

/* The length of the UTF-8 character at s that a scenario's text may hold
 * (well formed, shortest form, no surrogate, not a control character:
 * C0, DEL or C1), or 0. */
static size_t text_char(const unsigned char *s)
{
    if (s[0] >= 0x20 && s[0] < 0x7f)
        return 1;
    size_t n = s[0] >= 0xc2 && s[0] <= 0xdf ? 2 : s[0] >= 0xe0 && s[0] <= 0xef ? 3
             : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : 0;
    uint32_t c = s[0] & (0x7f >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3f);
    }
    static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!n || c < least[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) || c <= 0x9f)
        return 0;
    return n;
}

/* "OSTEP process-run -l 5:100 -c": the title of a workload's scenario
 * (kept as it was if memory runs out).  The arguments are bytes; a byte
 * the title may not hold as text (not UTF-8, or a control character) is
 * written \xHH, so that the scenario written as a file loads. */
static const char *command_title(ps_scenario *s, ps_ostep_prog prog, int argc, char **argv)
{
    size_t len = strlen("OSTEP ") + strlen(names[prog]) + 1;
    for (int i = 0; i < argc; i++)
        len += 4 * strlen(argv[i]) + 1;
    char *t = ps__arena_alloc(s->arena_, len);
    if (!t)
        return s->title;
    char *p = t + sprintf(t, "OSTEP %s", names[prog]);
    for (int i = 0; i < argc; i++) {
        *p++ = ' ';
        for (const unsigned char *a = (const unsigned char *)argv[i]; *a;) {
            size_t n = text_char(a);
            if (n) {
                memcpy(p, a, n);
                p += n, a += n;
            } else {
                p += sprintf(p, "\\x%02X", *a++);
            }
        }
    }
    *p = 0;
    return t;
}

ps_scenario *ps_ostep_scenario(ps_ostep_prog prog, int argc, char **argv, ps_out *out,
                               ps_out *err, int *status)
{
    const ps__ostep_front *f = fronts[prog];
    void *work = NULL;
    /* what the program prints while reading its input (scheduler.py's
       header) is not wanted here, unless it is an error or the help */
    ps_outbuf said = {0};
    ps_out quiet = ps_outbuf_sink(&said);
    *status = f->parse(argc, argv, &quiet, err, &work);
    if (*status != PS__OSTEP_GO && said.len)
        ps_out_write(out, said.s, said.len);
    ps_outbuf_fini(&said);
    if (*status != PS__OSTEP_GO)
        return NULL;
    ps_scenario *s = f->build(work, err);
    f->free_work(work);
    *status = s ? 0 : 1;
    if (s)
        s->title = command_title(s, prog, argc, argv);
    return s;
}

/* ---- shared ---------------------------------------------------------- */

int ps__ostep_nomem(ps_out *err)
{
    ps_out_puts(err, "procsim: out of memory\n");
    return 1;
}

int ps__ostep_stopped(ps_out *err, const char *script, const ps_engine *e, ps_step_status st)
{
    if (st == PS_STEP_NOMEM)
        return ps__ostep_nomem(err);
    if (st == PS_STEP_RUNAWAY) /* the workload ends, but past what procsim runs */
        ps_outf(err, "procsim: %s: stopped at time %" PRId64 " after %" PRIu64 " events, the most "
                     "procsim runs (%s would go on)\n", script, ps_engine_now(e),
                ps_engine_instant_limit(e), script);
    else
        ps_outf(err, "procsim: %s: the engine stopped (status %d)\n", script, (int)st);
    return 1;
}

ps_scenario *ps__ostep_built(ps_builder *b, ps_out *err)
{
    ps_error why;
    ps_scenario *s = ps_builder_finish(b, &why);
    if (!s)
        ps_outf(err, "procsim: %s\n", why.msg);
    return s;
}

int ps__ostep_exception(ps_out *err, const char *prog, const char *what)
{
    ps_outf(err, "Traceback (most recent call last):\n  File \"%s\" (as reproduced by "
                 "procsim)\n%s\n", prog, what);
    return 1;
}

int ps__ostep_options(const char *prog, const ps_opt_spec *specs, size_t n, int argc,
                      char **argv, ps_opt_value *v, ps_out *out, ps_out *err)
{
    switch (ps_optparse(prog, specs, n, argc, argv, v, out, err)) {
    case PS_OPTPARSE_OK:
        return PS__OSTEP_GO;
    case PS_OPTPARSE_HELP:
        return 0;
    case PS_OPTPARSE_ERROR:
        return 2;
    default:
        return ps__ostep_nomem(err);
    }
}

int ps__ostep_int(const ps_opt_value *v, int64_t dflt, int64_t min, int64_t max,
                  const char *prog, const char *flag, ps_out *err, int64_t *out)
{
    int64_t x = dflt;
    if (v->set && (ps_pyint_to_i64(&v->num, &x) || x < min || x > max)) {
        ps_outf(err, "procsim: %s %s %s: procsim reproduces %s only for values from %" PRId64
                     " to %" PRId64 "\n", prog, flag, v->text, flag, min, max);
        return -1;
    }
    *out = x;
    return 0;
}

int ps__ostep_pyint(const char *text, const char *prog, ps_out *err, int64_t *out)
{
    ps_pyint v = {0};
    int rc = ps_pyint_parse(&v, text, 10);
    if (rc == PS_PYINT_OK && ps_pyint_to_i64(&v, out) == 0) {
        ps_pyint_fini(&v);
        return 0;
    }
    ps_pyint_fini(&v);
    char what[300];
    if (rc == PS_PYINT_OK)
        snprintf(what, sizeof what, "OverflowError: procsim reproduces integers up to 2**63 "
                                    "only, not %.200s", text);
    else
        snprintf(what, sizeof what, "ValueError: invalid literal for int() with base 10: "
                                    "'%.200s'", text);
    ps__ostep_exception(err, prog, what);
    return -1;
}

void ps__row_flush(ps__rowbuf *r)
{
    if (r->len)
        ps_out_write(r->out, r->buf, r->len);
    r->len = 0;
}

void ps__row_put(ps__rowbuf *r, const char *s, size_t n)
{
    if (r->len + n > sizeof r->buf) {
        ps__row_flush(r);
        if (n > sizeof r->buf) {
            ps_out_write(r->out, s, n);
            return;
        }
    }
    memcpy(r->buf + r->len, s, n);
    r->len += n;
}

void ps__row_puts(ps__rowbuf *r, const char *s) { ps__row_put(r, s, strlen(s)); }

void ps__row_pad(ps__rowbuf *r, const char *s, int width)
{
    static const char spaces[] = "                                ";
    size_t n = strlen(s);
    for (int pad = width - (int)n; pad > 0; pad -= (int)sizeof spaces - 1)
        ps__row_put(r, spaces, (size_t)(pad < (int)sizeof spaces - 1 ? pad
                                                                      : (int)sizeof spaces - 1));
    ps__row_put(r, s, n);
}

void ps__row_int(ps__rowbuf *r, int64_t v, int width)
{
    char digits[24];
    int n = 0;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do
        digits[sizeof digits - 1 - n++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        digits[sizeof digits - 1 - n++] = '-';
    static const char spaces[] = "                        ";
    if (width > n)
        ps__row_put(r, spaces, (size_t)(width - n < 24 ? width - n : 24));
    ps__row_put(r, digits + sizeof digits - n, (size_t)n);
}
