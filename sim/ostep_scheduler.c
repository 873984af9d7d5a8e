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
 * Ticks: when every length has at most 6 decimals and is not negative, a
 * tick is 10^-d seconds for the fewest decimals d that make every length
 * whole, so the trace is in real time units.  Otherwise (negative lengths,
 * more decimals, beyond 10^12) the engine runs on a scale that keeps the
 * same schedule: FIFO and SJF on each length's rank, RR on the number of
 * quanta each job needs.  Such a workload prints exactly but has no trace.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ostep_internal.h"
#include "procsim/pyfmt.h"
#include "procsim/pyrand.h"
#include "scenario_build.h"

#define SCRIPT "scheduler.py"
#define MAX_JOBS 1000000
#define MAX_SLICES 10000000 /* RR slices procsim will print */
#define MAX_TICKS 1000000000000LL

enum { P_FIFO, P_SJF, P_RR, P_OTHER };

typedef struct sch_work {
    double *len;         /* job lengths */
    uint32_t n;
    int listed;          /* from -l: lengths print as Python floats */
    int policy, solve;
    char *policy_text;   /* -p as given */
    int64_t quantum;
    int64_t *ticks;      /* each job's length in engine ticks */
    int64_t qticks;      /* the quantum in engine ticks */
    int exact;           /* ticks are 10^-digits seconds (else a scale) */
    int digits;
} sch_work;

static void sch_free(void *w)
{
    sch_work *s = w;
    if (!s)
        return;
    free(s->len);
    free(s->ticks);
    free(s->policy_text);
    free(s);
}

static int nomem(ps_out *err)
{
    ps_out_puts(err, "procsim: out of memory\n");
    return 1;
}

/* Fractional decimal digits repr(x) shows ("2.5" 1, "1e-05" 5, "10.0" 0). */
static int decimals(double x)
{
    char r[40];
    ps_py_repr(x, r, sizeof r);
    const char *e = strchr(r, 'e');
    const char *dot = strchr(r, '.');
    int exp = e ? atoi(e + 1) : 0;
    int frac = 0;
    if (dot)
        for (const char *p = dot + 1; *p && *p != 'e'; p++)
            frac++;
    if (!e && frac == 1 && dot[1] == '0')
        frac = 0; /* "10.0" */
    int d = frac - exp;
    return d > 0 ? d : 0;
}

/* RR: how many quanta scheduler.py gives a job of length x (0 if it would
 * never finish or take more than `left`). */
static int64_t rr_slices(double x, double q, int64_t left)
{
    int64_t k = 1;
    while (x > q) {
        double y = x - q;
        if (!(y < x) || ++k > left)
            return 0;
        x = y;
    }
    return k;
}

static int by_length(const void *a, const void *b)
{
    double x = **(const double *const *)a, y = **(const double *const *)b;
    return (x > y) - (x < y);
}

/* The engine's ticks for the jobs (see the file comment).  Returns 0, or
 * 1 with a message when procsim cannot reproduce the run. */
static int choose_ticks(sch_work *w, ps_out *err)
{
    w->ticks = calloc(w->n + 1, sizeof *w->ticks);
    if (!w->ticks)
        return nomem(err);
    int d = 0, exact = 1;
    for (uint32_t i = 0; i < w->n; i++) {
        if (!isfinite(w->len[i])) {
            ps_out_puts(err, "procsim: " SCRIPT ": job lengths inf and nan are not "
                             "reproduced (Python fails or orders them arbitrarily)\n");
            return 1;
        }
        int di = decimals(w->len[i]);
        if (w->len[i] < 0 || di > 6)
            exact = 0;
        d = di > d ? di : d;
    }
    double scale = exact ? pow(10, d) : 1;
    if (exact && w->policy == P_RR && (w->quantum < 1 || (double)w->quantum * scale > MAX_TICKS))
        exact = 0;
    for (uint32_t i = 0; exact && i < w->n; i++) {
        double t = nearbyint(w->len[i] * scale);
        if (t > MAX_TICKS)
            exact = 0;
        w->ticks[i] = (int64_t)t;
    }
    w->exact = exact;
    w->digits = d;
    if (exact) {
        w->qticks = w->policy == P_RR ? w->quantum * (int64_t)scale : 1;
        return 0;
    }
    w->qticks = 1;
    if (w->policy == P_RR) {
        int64_t left = MAX_SLICES;
        for (uint32_t i = 0; i < w->n; i++) {
            if (!(w->ticks[i] = rr_slices(w->len[i], (double)w->quantum, left))) {
                ps_out_puts(err, "procsim: " SCRIPT ": with this quantum RR would run "
                                 "(nearly) forever; procsim stops here\n");
                return 1;
            }
            left -= w->ticks[i];
        }
        return 0;
    }
    /* fcfs/sjf: the rank of each length keeps the order */
    const double **by = malloc((w->n + 1) * sizeof *by);
    if (!by)
        return nomem(err);
    for (uint32_t i = 0; i < w->n; i++)
        by[i] = &w->len[i];
    qsort(by, w->n, sizeof *by, by_length);
    for (uint32_t i = 0, rank = 1; i < w->n; i++) {
        if (i && *by[i] != *by[i - 1])
            rank++;
        w->ticks[by[i] - w->len] = rank;
    }
    free(by);
    return 0;
}

static int sch_parse(int argc, char **argv, ps_out *out, ps_out *err, void **work)
{
    ps_opt_value v[SCH_NOPTS];
    memset(v, 0, sizeof v);
    int status = ps__ostep_options(SCRIPT, ps__sch_opts, SCH_NOPTS, argc, argv, v, out, err);
    sch_work *w = NULL;
    char *seed = NULL;
    int64_t jobs, maxlen;
    if (status != PS__OSTEP_GO)
        goto done;
    if (!(w = calloc(1, sizeof *w))) {
        status = nomem(err);
        goto done;
    }
    if (ps__ostep_int(&v[SCH_JOBS], 3, INT64_MIN, MAX_JOBS, SCRIPT, "-j", err, &jobs) ||
        ps__ostep_int(&v[SCH_MAXLEN], 10, -(1LL << 53), 1LL << 53, SCRIPT, "-m", err,
                      &maxlen) ||
        ps__ostep_int(&v[SCH_QUANTUM], 1, INT32_MIN, INT32_MAX, SCRIPT, "-q", err,
                      &w->quantum)) {
        status = 1;
        goto done;
    }
    ps_pyrand rng;
    ps_pyint zero = {0};
    if (ps_pyint_from_i64(&zero, 0)) {
        status = nomem(err);
        goto done;
    }
    const ps_pyint *sv = v[SCH_SEED].set ? &v[SCH_SEED].num : &zero;
    ps_pyrand_seed(&rng, sv);
    seed = ps_pyint_decimal(sv);
    ps_pyint_fini(&zero);
    if (!seed) {
        status = nomem(err);
        goto done;
    }
    const char *policy = v[SCH_POLICY].set ? v[SCH_POLICY].text : "FIFO";
    const char *jlist = v[SCH_JLIST].set ? v[SCH_JLIST].text : "";
    w->policy = strcmp(policy, "FIFO") == 0 ? P_FIFO : strcmp(policy, "SJF") == 0 ? P_SJF
              : strcmp(policy, "RR") == 0 ? P_RR : P_OTHER;
    w->solve = v[SCH_SOLVE].set;
    w->listed = jlist[0] != 0;
    if (!(w->policy_text = strdup(policy))) {
        status = nomem(err);
        goto done;
    }

    ps_outf(out, "ARG policy %s\n", policy);
    if (!w->listed)
        ps_outf(out, "ARG jobs %" PRId64 "\nARG maxlen %" PRId64 "\nARG seed %s\n", jobs,
                maxlen, seed);
    else
        ps_outf(out, "ARG jlist %s\n", jlist);
    ps_out_puts(out, "\nHere is the job list, with the run time of each job: \n");

    if (!w->listed) {
        w->n = jobs > 0 ? (uint32_t)jobs : 0;
        if (!(w->len = calloc(w->n + 1, sizeof *w->len))) {
            status = nomem(err);
            goto done;
        }
        for (uint32_t i = 0; i < w->n; i++) {
            double r = (double)maxlen * ps_pyrand_random(&rng);
            w->len[i] = trunc(r) + 1;
            ps_outf(out, "  Job %" PRIu32 " ( length = %.0f )\n", i, w->len[i]);
        }
    } else {
        size_t cap = 1;
        for (const char *p = jlist; *p; p++)
            cap += *p == ',';
        if (cap > MAX_JOBS) {
            ps_outf(err, "procsim: " SCRIPT ": more than %d jobs\n", MAX_JOBS);
            status = 1;
            goto done;
        }
        if (!(w->len = calloc(cap + 1, sizeof *w->len))) {
            status = nomem(err);
            goto done;
        }
        /* all of them are read before any is printed */
        for (const char *p = jlist;; p++) {
            const char *end = strchr(p, ',');
            size_t n = end ? (size_t)(end - p) : strlen(p);
            char *piece = strndup(p, n);
            if (!piece) {
                status = nomem(err);
                goto done;
            }
            if (ps_py_float(piece, &w->len[w->n])) {
                char what[300];
                snprintf(what, sizeof what, "ValueError: could not convert string to "
                                            "float: '%.200s'", piece);
                free(piece);
                status = ps__ostep_exception(err, SCRIPT, what);
                goto done;
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
    }
    ps_out_puts(out, "\n\n");
    if (w->policy != P_OTHER) {
        /* only a run that solves can fail here; otherwise the ticks are
           for --format, which reports their absence itself */
        ps_outbuf quiet = {0};
        ps_out q = ps_outbuf_sink(&quiet);
        if (choose_ticks(w, w->solve ? err : &q) && w->solve)
            status = 1;
        ps_outbuf_fini(&quiet);
    }
done:
    free(seed);
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
                             : "procsim: " SCRIPT ": these job lengths (negative, more "
                               "than 6 decimals, or above 10^12 ticks) have no trace in "
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
    ps__build b;
    if (ps__build_begin(&b, "OSTEP scheduler", desc) != 0)
        goto fail;
    b.s->policy = w->policy == P_FIFO ? PS_POLICY_FCFS
                : w->policy == P_SJF ? PS_POLICY_SJF : PS_POLICY_RR;
    if (w->policy == P_RR)
        b.s->quantum = w->qticks;
    for (uint32_t i = 0; i < w->n; i++) {
        snprintf(name, sizeof name, "job%" PRIu32, i);
        ps__build_proc(&b, name, 0);
        if (w->ticks[i] > 0)
            ps__build_op(&b, PS_OP_CPU, 0, w->ticks[i]);
    }
    ps_scenario *s = ps__build_finish(&b);
    if (s)
        return s;
fail:
    ps__build_abort(&b);
    nomem(err);
    return NULL;
}

/* The engine's schedule: one burst per stay on the CPU. */
typedef struct burst {
    uint32_t pid;
    int64_t start, end;
    int exited;
} burst;

typedef struct sch_trace {
    burst *v;
    size_t n, cap;
    int nomem;
} sch_trace;

static void on_transition(void *ctx, const ps_trace_event *ev)
{
    sch_trace *t = ctx;
    if (ev->to == PS_RUNNING) {
        if (t->n == t->cap) {
            size_t ncap = t->cap ? t->cap * 2 : 64;
            burst *nv = realloc(t->v, ncap * sizeof *nv);
            if (!nv) {
                t->nomem = 1;
                return;
            }
            t->v = nv;
            t->cap = ncap;
        }
        t->v[t->n++] = (burst){ev->pid, ev->time, ev->time, 0};
    } else if (ev->from == PS_RUNNING && t->n && t->v[t->n - 1].pid == ev->pid) {
        t->v[t->n - 1].end = ev->time;
        t->v[t->n - 1].exited = ev->to == PS_EXIT;
    }
}

/* Python's "%d" of a float: truncated toward zero, any size. */
static void time_d(char *buf, size_t size, double x)
{
    double t = trunc(x);
    snprintf(buf, size, "%3.0f", t == 0 ? 0.0 : t);
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

static int print_fifo(const sch_work *w, const sch_trace *tr, ps_out *out, ps_out *err)
{
    if (tr->n != w->n)
        return disagree(err);
    char t[64];
    double thetime = 0;
    ps_out_puts(out, "Execution trace:\n");
    for (size_t i = 0; i < tr->n; i++) {
        uint32_t j = tr->v[i].pid - 1;
        time_d(t, sizeof t, thetime);
        ps_outf(out, "  [ time %s ] Run job %" PRIu32 " for %.2f secs ( DONE at %.2f )\n", t,
                j, w->len[j], thetime + w->len[j]);
        thetime += w->len[j];
    }
    ps_out_puts(out, "\nFinal statistics:\n");
    double at = 0, rsum = 0, tsum = 0, wsum = 0;
    for (size_t i = 0; i < tr->n; i++) {
        uint32_t j = tr->v[i].pid - 1;
        ps_outf(out, "  Job %3" PRIu32 " -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f\n",
                j, at, at + w->len[j], at);
        rsum += at;
        tsum += at + w->len[j];
        wsum += at;
        at += w->len[j];
    }
    if (!tr->n)
        return zero_division(err);
    ps_outf(out, "\n  Average -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f\n\n",
            rsum / (double)tr->n, tsum / (double)tr->n, wsum / (double)tr->n);
    return 0;
}

static int print_rr(const sch_work *w, const sch_trace *tr, ps_out *out, ps_out *err)
{
    double q = (double)w->quantum, thetime = 0;
    double *left = calloc(w->n + 1, sizeof *left), *lastran = calloc(w->n + 1, sizeof *left);
    double *wait = calloc(w->n + 1, sizeof *left), *turn = calloc(w->n + 1, sizeof *left);
    double *resp = calloc(w->n + 1, sizeof *left);
    int status = 0;
    if (!left || !lastran || !wait || !turn || !resp) {
        status = nomem(err);
        goto done;
    }
    for (uint32_t j = 0; j < w->n; j++) {
        left[j] = w->len[j];
        resp[j] = -1;
    }
    ps_out_puts(out, "Execution trace:\n");
    char t[64];
    for (size_t i = 0; i < tr->n && !status; i++) {
        const burst *b = &tr->v[i];
        uint32_t j = b->pid - 1;
        int64_t slices = (b->end - b->start + w->qticks - 1) / w->qticks;
        if (slices < 1)
            slices = 1;
        for (int64_t k = 0; k < slices && !status; k++) {
            int last = k == slices - 1;
            if (resp[j] == -1)
                resp[j] = thetime;
            wait[j] += thetime - lastran[j];
            time_d(t, sizeof t, thetime);
            double ran;
            if (left[j] > q) {
                if (last && b->exited)
                    status = disagree(err);
                left[j] -= q;
                ran = q;
                ps_outf(out, "  [ time %s ] Run job %3" PRIu32 " for %.2f secs\n", t, j, ran);
            } else {
                if (!last || !b->exited)
                    status = disagree(err);
                ran = left[j];
                ps_outf(out, "  [ time %s ] Run job %3" PRIu32 " for %.2f secs ( DONE at "
                             "%.2f )\n", t, j, ran, thetime + ran);
                turn[j] = thetime + ran;
            }
            thetime += ran;
            lastran[j] = thetime;
        }
    }
    if (status)
        goto done;
    ps_out_puts(out, "\nFinal statistics:\n");
    double rsum = 0, tsum = 0, wsum = 0;
    for (uint32_t j = 0; j < w->n; j++) {
        tsum += turn[j];
        rsum += resp[j];
        wsum += wait[j];
        ps_outf(out, "  Job %3" PRIu32 " -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f\n",
                j, resp[j], turn[j], wait[j]);
    }
    if (!w->n)
        status = zero_division(err);
    else
        ps_outf(out, "\n  Average -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f\n\n",
                rsum / w->n, tsum / w->n, wsum / w->n);
done:
    free(left);
    free(lastran);
    free(wait);
    free(turn);
    free(resp);
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
    sch_trace tr = {0};
    int status = 1;
    if (e) {
        ps_engine_set_listener(e, on_transition, &tr);
        ps_step_status st = ps_engine_run(e, -1);
        if (tr.nomem || st == PS_STEP_NOMEM)
            status = nomem(err);
        else if (st != PS_STEP_DONE)
            status = disagree(err);
        else
            status = w->policy == P_RR ? print_rr(w, &tr, out, err)
                                       : print_fifo(w, &tr, out, err);
    } else if (s) {
        status = nomem(err);
    }
    free(tr.v);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return status;
}

const ps__ostep_front ps__ostep_scheduler = {SCRIPT, sch_parse, sch_build, sch_print, sch_free};
