/* ostep_scheduler.c — OSTEP's scheduler.py (docs/ostep.md).
 *
 * The jobs become processes that all arrive at tick 0 with one cpu op
 * each, under procsim's fcfs, sjf or rr policy; the engine decides who runs
 * when.  Job lengths are Python floats, so the printed times are computed
 * the way scheduler.py computes them, in double, along the engine's
 * schedule: FIFO and SJF print in the engine's dispatch order, RR one line
 * per quantum of each of the engine's CPU bursts, and the two are checked
 * against each other as they go.
 *
 * How the lengths become engine ticks is ostep_scheduler_ticks.c; lengths
 * that have no tick-based trace (negative, inf, nan, too fine) still print
 * exactly.
 *
 * Random lengths are Python ints: exact here up to 2^100 (__int128), so
 * that huge -m values print as scheduler.py prints them.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ostep_internal.h"
#include "pyfmt.h"
#include "pyrand.h"
#include "procsim/scenario_build.h"

#include "ostep_scheduler.h"

static void sch_free(void *w)
{
    sch_work *s = w;
    if (!s)
        return;
    free(s->len);
    free(s->ilen);
    free(s->ticks);
    free(s->policy_text);
    free(s);
}

/* Decimal text of v into buf (48 bytes); returns buf. */
static char *i128_text(i128 v, char *buf)
{
    char tmp[48];
    int n = 0, neg = v < 0;
    unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;
    do
        tmp[n++] = (char)('0' + (int)(u % 10));
    while ((u /= 10) != 0);
    char *p = buf;
    if (neg)
        *p++ = '-';
    while (n)
        *p++ = tmp[--n];
    *p = 0;
    return buf;
}

/* -j jobs of int(maxlen * random()) + 1 ticks, printed as drawn. */
static int sch_random_jobs(sch_work *w, int64_t jobs, double maxlen, ps_pyrand *rng,
                           ps_out *out, ps_out *err)
{
    w->n = jobs > 0 ? (uint32_t)jobs : 0;
    w->len = calloc(w->n + 1, sizeof *w->len);
    w->ilen = calloc(w->n + 1, sizeof *w->ilen);
    if (!w->len || !w->ilen)
        return ps__ostep_nomem(err);
    if (w->n && isinf(maxlen))
        return ps__ostep_exception(err, SCRIPT, "OverflowError: int too large to "
                                                "convert to float");
    for (uint32_t i = 0; i < w->n; i++) {
        double r = trunc(maxlen * ps_pyrand_random(rng)); /* int(m * random()) */
        if (fabs(r) >= 0x1p100) {
            ps_out_puts(err, "procsim: " SCRIPT ": procsim reproduces job lengths up "
                             "to 2**100\n");
            return 1;
        }
        char text[48];
        w->ilen[i] = (i128)r + 1;
        w->len[i] = (double)w->ilen[i];
        ps_outf(out, "  Job %" PRIu32 " ( length = %s )\n", i, i128_text(w->ilen[i], text));
    }
    return 0;
}

/* -l's comma-separated lengths, each float() of its text: all of them are
 * read before any is printed. */
static int sch_listed_jobs(sch_work *w, const char *jlist, ps_out *out, ps_out *err)
{
    size_t cap = 1;
    for (const char *p = jlist; *p; p++)
        cap += *p == ',';
    if (cap > MAX_JOBS) {
        ps_outf(err, "procsim: " SCRIPT ": more than %d jobs\n", MAX_JOBS);
        return 1;
    }
    if (!(w->len = calloc(cap + 1, sizeof *w->len)))
        return ps__ostep_nomem(err);
    for (const char *p = jlist;; p++) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *piece = strndup(p, n);
        if (!piece)
            return ps__ostep_nomem(err);
        if (ps_py_float(piece, &w->len[w->n])) {
            char what[300];
            snprintf(what, sizeof what, "ValueError: could not convert string to "
                                        "float: '%.200s'", piece);
            free(piece);
            return ps__ostep_exception(err, SCRIPT, what);
        }
        free(piece);
        w->n++;
        if (!end)
            break;
        p = end;
    }
    for (uint32_t i = 0; i < w->n; i++) {
        char r[40];
        ps_outf(out, "  Job %" PRIu32 " ( length = %s )\n", i,
                ps_py_repr(w->len[i], r, sizeof r));
    }
    return 0;
}

static int sch_parse(int argc, char **argv, ps_out *out, ps_out *err, void **work)
{
    ps_opt_value v[SCH_NOPTS];
    memset(v, 0, sizeof v);
    int status = ps__ostep_options(SCRIPT, ps__sch_opts, SCH_NOPTS, argc, argv, v, out, err);
    sch_work *w = NULL;
    char *seed = NULL, *jobs_text = NULL, *maxlen_text = NULL, *q_text = NULL;
    int64_t jobs;
    double maxlen;
    ps_pyint dflt[3] = {{0}};
    if (status != PS__OSTEP_GO)
        goto done;
    if (!(w = calloc(1, sizeof *w))) {
        status = ps__ostep_nomem(err);
        goto done;
    }
    if (ps__ostep_int(&v[SCH_JOBS], 3, INT64_MIN, MAX_JOBS, SCRIPT, "-j", err, &jobs)) {
        status = 1;
        goto done;
    }
    /* The other ints are Python's, of any size: their text, and float() of
       them where scheduler.py takes that */
    if (ps_pyint_from_i64(&dflt[0], 0) || ps_pyint_from_i64(&dflt[1], 10) ||
        ps_pyint_from_i64(&dflt[2], 1)) {
        status = ps__ostep_nomem(err);
        goto done;
    }
    ps_pyrand rng;
    const ps_pyint *sv = v[SCH_SEED].set ? &v[SCH_SEED].num : &dflt[0];
    const ps_pyint *mv = v[SCH_MAXLEN].set ? &v[SCH_MAXLEN].num : &dflt[1];
    const ps_pyint *qv = v[SCH_QUANTUM].set ? &v[SCH_QUANTUM].num : &dflt[2];
    ps_pyrand_seed(&rng, sv);
    seed = ps_pyint_decimal(sv);
    jobs_text = v[SCH_JOBS].set ? ps_pyint_decimal(&v[SCH_JOBS].num) : strdup("3");
    maxlen_text = ps_pyint_decimal(mv);
    q_text = ps_pyint_decimal(qv);
    if (!seed || !jobs_text || !maxlen_text || !q_text) {
        status = ps__ostep_nomem(err);
        goto done;
    }
    maxlen = strtod(maxlen_text, NULL); /* correctly rounded, as float(int) */
    w->qd = strtod(q_text, NULL);
    w->q_big = ps_pyint_to_i64(qv, &w->quantum) != 0;
    const char *policy = v[SCH_POLICY].set ? v[SCH_POLICY].text : "FIFO";
    const char *jlist = v[SCH_JLIST].set ? v[SCH_JLIST].text : "";
    w->policy = strcmp(policy, "FIFO") == 0 ? P_FIFO : strcmp(policy, "SJF") == 0 ? P_SJF
              : strcmp(policy, "RR") == 0 ? P_RR : P_OTHER;
    w->solve = v[SCH_SOLVE].set;
    w->listed = jlist[0] != 0;
    if (!(w->policy_text = strdup(policy))) {
        status = ps__ostep_nomem(err);
        goto done;
    }

    ps_outf(out, "ARG policy %s\n", policy);
    if (!w->listed)
        ps_outf(out, "ARG jobs %s\nARG maxlen %s\nARG seed %s\n", jobs_text, maxlen_text,
                seed);
    else
        ps_outf(out, "ARG jlist %s\n", jlist);
    ps_out_puts(out, "\nHere is the job list, with the run time of each job: \n");

    if ((status = w->listed ? sch_listed_jobs(w, jlist, out, err)
                            : sch_random_jobs(w, jobs, maxlen, &rng, out, err)) != 0)
        goto done;
    status = PS__OSTEP_GO;
    ps_out_puts(out, "\n\n");
    if (w->policy != P_OTHER) {
        /* only a run that solves can fail here; otherwise the ticks are
           for --format, which reports their absence itself */
        ps_outbuf quiet = {0};
        ps_out q = ps_outbuf_sink(&quiet);
        if (ps__sch_ticks(w, w->solve ? err : &q) && w->solve)
            status = 1;
        ps_outbuf_fini(&quiet);
    }
done:
    free(seed);
    free(jobs_text);
    free(maxlen_text);
    free(q_text);
    for (int i = 0; i < 3; i++)
        ps_pyint_fini(&dflt[i]);
    ps_optparse_fini(v, SCH_NOPTS);
    if (status != PS__OSTEP_GO) {
        sch_free(w);
        return status;
    }
    *work = w;
    return PS__OSTEP_GO;
}

static ps_scenario *sch_build(const void *work, ps_out *err)
{
    const sch_work *w = work;
    if (w->policy == P_OTHER || !w->ticks || !w->exact) {
        ps_out_puts(err, w->policy == P_OTHER
                             ? "procsim: " SCRIPT ": procsim runs the policies FIFO, SJF "
                               "and RR\n"
                             : !w->ticks ? "procsim: " SCRIPT ": these job lengths cannot "
                                           "be run (see the message with -c)\n"
                             : "procsim: " SCRIPT ": these job lengths (negative, inf, nan, "
                               "more than 6 decimals, or above 10^9 ticks) have no trace in "
                               "whole ticks\n");
        return NULL;
    }
    char desc[160], name[32];
    if (w->digits)
        snprintf(desc, sizeof desc, "A workload of OSTEP's scheduler.py; one tick is "
                                    "10^-%d second.", w->digits);
    else
        snprintf(desc, sizeof desc, "A workload of OSTEP's scheduler.py; one tick is one "
                                    "second.");
    ps_builder *b = NULL;
    if (!(b = ps_builder_create("OSTEP scheduler", desc)))
        goto fail;
    ps_builder_scenario(b)->policy = w->policy == P_FIFO ? PS_POLICY_FCFS
                : w->policy == P_SJF ? PS_POLICY_SJF : PS_POLICY_RR;
    if (w->policy == P_RR)
        ps_builder_scenario(b)->quantum = w->qticks;
    for (uint32_t i = 0; i < w->n; i++) {
        snprintf(name, sizeof name, "job%" PRIu32, i);
        ps_builder_proc(b, name, 0);
        if (w->ticks[i] > 0)
            ps_builder_op(b, PS_OP_CPU, 0, w->ticks[i]);
    }
    return ps__ostep_built(b, err);
fail:
    ps__ostep_nomem(err);
    return NULL;
}

/* The engine's schedule: one burst per stay on the CPU. */
typedef struct burst {
    uint32_t pid;
    int64_t start, end;
    int exited;
} burst;

typedef struct sch_trace {
    ps__vec bursts;      /* of burst, in order */
    int nomem;
} sch_trace;

static void on_transition(void *ctx, const ps_trace_event *ev)
{
    sch_trace *t = ctx;
    size_t n = t->bursts.len;
    if (ev->to == PS_RUNNING) {
        burst *b = ps__vec_push(&t->bursts);
        if (!b) {
            t->nomem = 1;
            return;
        }
        *b = (burst){ev->pid, ev->time, ev->time, 0};
    } else if (ev->from == PS_RUNNING && n) {
        burst *last = &PS__VEC_AT(&t->bursts, burst, n - 1);
        if (last->pid == ev->pid) {
            last->end = ev->time;
            last->exited = ev->to == PS_EXIT;
        }
    }
}

static const burst *bursts(const sch_trace *t)
{
    return t->bursts.data;
}

/* Python's "%3d" of a float: truncated toward zero, any size; inf and nan
 * raise.  Returns 0, or the exit status after the traceback. */
static int time_d(char *buf, size_t size, double x, ps_out *err)
{
    if (isinf(x))
        return ps__ostep_exception(err, SCRIPT, "OverflowError: cannot convert float "
                                                "infinity to integer");
    if (isnan(x))
        return ps__ostep_exception(err, SCRIPT, "ValueError: cannot convert float NaN to "
                                                "integer");
    double t = trunc(x);
    snprintf(buf, size, "%3.0f", t == 0 ? 0.0 : t);
    return 0;
}

/* Python's "%.2f" (and "%3.2f"): as C's, but nan never has a sign. */
static const char *f2(char *buf, size_t size, double x)
{
    if (isnan(x))
        snprintf(buf, size, "nan");
    else
        snprintf(buf, size, "%.2f", x);
    return buf;
}

static int zero_division(ps_out *err)
{
    return ps__ostep_exception(err, SCRIPT, "ZeroDivisionError: float division by zero");
}

static int disagree(ps_out *err)
{
    ps_out_puts(err, "procsim: " SCRIPT ": internal error: the engine's schedule and "
                     "scheduler.py's arithmetic disagree\n");
    return 1;
}

/* The statistics block; rows in the order given. */
static int print_stats(const uint32_t *job, uint32_t n, const double *resp, const double *turn,
                       const double *wait, ps_out *out, ps_out *err)
{
    char a[64], b[64], c[64];
    double rsum = 0, tsum = 0, wsum = 0;
    ps_out_puts(out, "\nFinal statistics:\n");
    for (uint32_t i = 0; i < n; i++) {
        ps_outf(out, "  Job %3" PRIu32 " -- Response: %3s  Turnaround %3s  Wait %3s\n", job[i],
                f2(a, sizeof a, resp[i]), f2(b, sizeof b, turn[i]), f2(c, sizeof c, wait[i]));
        rsum += resp[i];
        tsum += turn[i];
        wsum += wait[i];
    }
    if (!n)
        return zero_division(err);
    ps_outf(out, "\n  Average -- Response: %3s  Turnaround %3s  Wait %3s\n\n",
            f2(a, sizeof a, rsum / n), f2(b, sizeof b, tsum / n), f2(c, sizeof c, wsum / n));
    return 0;
}

static int print_fifo(const sch_work *w, const sch_trace *tr, ps_out *out, ps_out *err)
{
    if (tr->bursts.len != w->n)
        return disagree(err);
    char t[64], l[64], d[64];
    double thetime = 0;
    i128 itime = 0; /* random jobs: scheduler.py sums Python ints */
    ps_out_puts(out, "Execution trace:\n");
    for (size_t i = 0; i < tr->bursts.len; i++) {
        uint32_t j = bursts(tr)[i].pid - 1;
        if (w->ilen) {
            snprintf(t, sizeof t, "%3s", i128_text(itime, d));
            f2(d, sizeof d, (double)(itime + w->ilen[j]));
            itime += w->ilen[j];
        } else {
            int rc = time_d(t, sizeof t, thetime, err);
            if (rc)
                return rc;
            f2(d, sizeof d, thetime + w->len[j]);
            thetime += w->len[j];
        }
        ps_outf(out, "  [ time %s ] Run job %" PRIu32 " for %s secs ( DONE at %s )\n", t, j,
                f2(l, sizeof l, w->len[j]), d);
    }
    uint32_t *job = malloc((w->n + 1) * sizeof *job);
    double *resp = malloc((w->n + 1) * sizeof *resp), *turn = malloc((w->n + 1) * sizeof *turn);
    int status;
    if (!job || !resp || !turn) {
        status = ps__ostep_nomem(err);
    } else {
        double at = 0;
        for (size_t i = 0; i < tr->bursts.len; i++) {
            job[i] = bursts(tr)[i].pid - 1;
            resp[i] = at;
            turn[i] = at + w->len[job[i]];
            at += w->len[job[i]];
        }
        status = print_stats(job, w->n, resp, turn, resp, out, err);
    }
    free(job);
    free(resp);
    free(turn);
    return status;
}

static int print_rr(const sch_work *w, const sch_trace *tr, ps_out *out, ps_out *err)
{
    double q = w->qd, thetime = 0;
    size_t n = w->n + 1;
    double *left = calloc(n, sizeof *left), *lastran = calloc(n, sizeof *left);
    double *wait = calloc(n, sizeof *left), *turn = calloc(n, sizeof *left);
    double *resp = calloc(n, sizeof *left);
    uint32_t *job = calloc(n, sizeof *job);
    int status = 0;
    ps_out_puts(out, "Execution trace:\n");
    if (!left || !lastran || !wait || !turn || !resp || !job) {
        status = ps__ostep_nomem(err);
        goto done;
    }
    if (isinf(q)) {
        status = ps__ostep_exception(err, SCRIPT, "OverflowError: int too large to convert "
                                                  "to float");
        goto done;
    }
    for (uint32_t j = 0; j < w->n; j++) {
        left[j] = w->len[j];
        resp[j] = -1;
        job[j] = j;
    }
    char t[64], a[64], b[64];
    for (size_t i = 0; i < tr->bursts.len && !status; i++) {
        const burst *bu = &bursts(tr)[i];
        uint32_t j = bu->pid - 1;
        int64_t slices = (bu->end - bu->start + w->qticks - 1) / w->qticks;
        if (slices < 1)
            slices = 1;
        for (int64_t k = 0; k < slices && !status; k++) {
            int last = k == slices - 1;
            if (resp[j] == -1)
                resp[j] = thetime;
            wait[j] += thetime - lastran[j];
            double ran;
            if (left[j] > q) {
                if (last && bu->exited)
                    status = disagree(err);
                else if (!(status = time_d(t, sizeof t, thetime, err)))
                    ps_outf(out, "  [ time %s ] Run job %3" PRIu32 " for %s secs\n", t, j,
                            f2(a, sizeof a, q));
                left[j] -= q;
                ran = q;
            } else {
                ran = left[j];
                if (!last || !bu->exited)
                    status = disagree(err);
                else if (!(status = time_d(t, sizeof t, thetime, err)))
                    ps_outf(out, "  [ time %s ] Run job %3" PRIu32 " for %s secs ( DONE at "
                                 "%s )\n", t, j, f2(a, sizeof a, ran),
                            f2(b, sizeof b, thetime + ran));
                turn[j] = thetime + ran;
            }
            thetime += ran;
            lastran[j] = thetime;
        }
    }
    if (!status)
        status = print_stats(job, w->n, resp, turn, wait, out, err);
done:
    free(left);
    free(lastran);
    free(wait);
    free(turn);
    free(resp);
    free(job);
    return status;
}

static int sch_print(const void *work, ps_out *out, ps_out *err)
{
    const sch_work *w = work;
    if (!w->solve) {
        ps_out_puts(out, "Compute the turnaround time, response time, and wait time for "
                         "each job.\nWhen you are done, run this program again, with the "
                         "same arguments,\nbut with -c, which will thus provide you with "
                         "the answers. You can use\n-s <somenumber> or your own job list "
                         "(-l 10,15,20 for example)\nto generate different problems for "
                         "yourself.\n\n");
        return 0;
    }
    ps_out_puts(out, "** Solutions **\n\n");
    if (w->policy == P_OTHER) {
        ps_outf(out, "Error: Policy %s is not available.\n", w->policy_text);
        return 0;
    }
    /* the engine runs the workload at its own scale */
    sch_work run = *w;
    run.exact = 1;
    ps_scenario *s = sch_build(&run, err);
    ps_engine *e = s ? ps_engine_create(s) : NULL;
    sch_trace tr = {.nomem = 0};
    ps__vec_init(&tr.bursts, sizeof(burst));
    int status = 1;
    if (e) {
        ps_engine_set_listener(e, on_transition, &tr);
        /* a dispatch per slice: up to MAX_SLICES instants, above the
         * engine's own limit, and the workload ends by construction */
        ps_engine_set_instant_limit(e, (uint64_t)MAX_SLICES + w->n + 2);
        ps_step_status st = ps_engine_run(e, -1);
        if (tr.nomem || st == PS_STEP_NOMEM)
            status = ps__ostep_nomem(err);
        else if (st != PS_STEP_DONE)
            status = disagree(err);
        else
            status = w->policy == P_RR ? print_rr(w, &tr, out, err)
                                       : print_fifo(w, &tr, out, err);
    } else if (s) {
        status = ps__ostep_nomem(err);
    }
    ps__vec_fini(&tr.bursts);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return status;
}

const ps__ostep_front ps__ostep_scheduler = {SCRIPT, sch_parse, sch_build, sch_print, sch_free};
