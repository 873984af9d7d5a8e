/* ostep_mlfq.c — OSTEP's mlfq.py (docs/ostep.md).
 *
 * The jobs become processes under procsim's mlfq policy, whose rules are
 * OSTEP's (sched.c): per-level quanta and allotments, the boost, -S (stay:
 * mlfq_stay) and -I (iobump: mlfq_io_bump).  A job that does I/O every F
 * ticks has the program cpu F, io, cpu F, io, ..., its own device so that
 * I/Os never wait for each other.  The trace is read off the engine: each
 * instant's exits, I/O starts, boost, arrivals and wake-ups, in mlfq.py's
 * order, then one line per tick for the process on the CPU.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ostep_internal.h"
#include "pyrand.h"
#include "procsim/scenario_build.h"

#define SCRIPT "mlfq.py"
#define MAX_JOBS 100000
#define MAX_OPS 50000000

typedef struct mlfq_job {
    int64_t start, run, iofreq;
} mlfq_job;

typedef struct mlfq_work {
    mlfq_job *job;
    uint32_t n;
    int64_t nqueues;
    int64_t quantum[PS_MLFQ_MAX_LEVELS];   /* by OSTEP queue number: hi first */
    int64_t allot[PS_MLFQ_MAX_LEVELS];     /* stored top first, like the engine */
    int64_t boost, iotime;
    int stay, iobump, solve;
} mlfq_work;

static void mlfq_free(void *w)
{
    mlfq_work *m = w;
    if (m)
        free(m->job);
    free(m);
}

/* Reads "x,y,z" into v[0..*n) (top level first); Python's int() on each. */
static int int_list(const char *text, int64_t *v, int64_t *n, ps_out *err)
{
    size_t count = 1;
    for (const char *p = text; *p; p++)
        count += *p == ',';
    if (count > PS_MLFQ_MAX_LEVELS) {
        ps_outf(err, "procsim: " SCRIPT ": more than %d queues\n", PS_MLFQ_MAX_LEVELS);
        return 1;
    }
    *n = 0;
    for (const char *p = text;; p++) {
        const char *end = strchr(p, ',');
        char *piece = strndup(p, end ? (size_t)(end - p) : strlen(p));
        if (!piece)
            return ps__ostep_nomem(err);
        int rc = ps__ostep_pyint(piece, SCRIPT, err, &v[(*n)++]);
        free(piece);
        if (rc)
            return 1;
        if (!end)
            return PS__OSTEP_GO;
        p = end;
    }
}

static int read_queues(mlfq_work *w, const ps_opt_value *v, ps_out *out, ps_out *err)
{
    int64_t q, a;
    if (ps__ostep_int(&v[MLFQ_NUMQUEUES], 3, INT32_MIN, PS_MLFQ_MAX_LEVELS, SCRIPT, "-n", err,
                      &w->nqueues) ||
        ps__ostep_int(&v[MLFQ_QUANTUM], 10, INT64_MIN / 4, INT64_MAX / 4, SCRIPT, "-q", err,
                      &q) ||
        ps__ostep_int(&v[MLFQ_ALLOTMENT], 1, INT64_MIN / 4, INT64_MAX / 4, SCRIPT, "-a", err,
                      &a))
        return 1;
    const char *qlist = v[MLFQ_QUANTUMLIST].set ? v[MLFQ_QUANTUMLIST].text : "";
    const char *alist = v[MLFQ_ALLOTMENTLIST].set ? v[MLFQ_ALLOTMENTLIST].text : "";
    if (qlist[0]) {
        int rc = int_list(qlist, w->quantum, &w->nqueues, err);
        if (rc != PS__OSTEP_GO)
            return rc;
    } else {
        for (int64_t i = 0; i < w->nqueues; i++)
            w->quantum[i] = q;
    }
    if (alist[0]) {
        int64_t given[PS_MLFQ_MAX_LEVELS], n;
        size_t count = 1;
        for (const char *p = alist; *p; p++)
            count += *p == ',';
        if ((int64_t)count != w->nqueues) {
            ps_out_puts(out, "number of allotments specified must match number of quantums\n");
            return 1;
        }
        int rc = int_list(alist, given, &n, err);
        if (rc != PS__OSTEP_GO)
            return rc;
        for (int64_t i = 0; i < n; i++) {
            /* checked as read, top first; the lowest queue may be <= 0 */
            if (i != n - 1 && given[i] <= 0) {
                ps_out_puts(out, "allotment must be positive integer\n");
                return 1;
            }
            w->allot[i] = given[i];
        }
    } else {
        for (int64_t i = 0; i < w->nqueues; i++)
            w->allot[i] = a;
    }
    return PS__OSTEP_GO;
}

static int read_jobs(mlfq_work *w, const ps_opt_value *v, ps_out *out, ps_out *err)
{
    int64_t njobs, maxlen, maxio;
    if (ps__ostep_int(&v[MLFQ_NUMJOBS], 3, INT64_MIN, MAX_JOBS, SCRIPT, "-j", err, &njobs) ||
        ps__ostep_int(&v[MLFQ_MAXLEN], 100, -(1LL << 53), 1LL << 53, SCRIPT, "-m", err,
                      &maxlen) ||
        ps__ostep_int(&v[MLFQ_MAXIO], 10, -(1LL << 53), 1LL << 53, SCRIPT, "-M", err, &maxio))
        return 1;
    ps_pyrand rng;
    ps_pyint zero = {0};
    if (ps_pyint_from_i64(&zero, 0))
        return ps__ostep_nomem(err);
    ps_pyrand_seed(&rng, v[MLFQ_SEED].set ? &v[MLFQ_SEED].num : &zero);
    ps_pyint_fini(&zero);
    const char *jlist = v[MLFQ_JLIST].set ? v[MLFQ_JLIST].text : "";
    size_t cap = jlist[0] ? 1 : (size_t)(njobs > 0 ? njobs : 0);
    for (const char *p = jlist; *p; p++)
        cap += *p == ':';
    if (cap > MAX_JOBS) {
        ps_outf(err, "procsim: " SCRIPT ": more than %d jobs\n", MAX_JOBS);
        return 1;
    }
    if (!(w->job = calloc(cap + 1, sizeof *w->job)))
        return ps__ostep_nomem(err);
    if (w->nqueues <= 0 && cap > 0) /* quantum[hiQueue] with no queues */
        return ps__ostep_exception(err, SCRIPT, "KeyError: -1");
    if (!jlist[0]) {
        for (int64_t j = 0; j < njobs; j++) {
            mlfq_job *jb = &w->job[w->n++];
            double r = ps_pyrand_random(&rng) * (double)(maxlen - 1) + 1;
            jb->run = (int64_t)r;
            double f = ps_pyrand_random(&rng) * (double)(maxio - 1) + 1;
            jb->iofreq = (int64_t)f;
        }
        return PS__OSTEP_GO;
    }
    for (const char *p = jlist;; p++) {
        const char *end = strchr(p, ':');
        char *piece = strndup(p, end ? (size_t)(end - p) : strlen(p));
        if (!piece)
            return ps__ostep_nomem(err);
        int commas = 0;
        for (const char *c = piece; *c; c++)
            commas += *c == ',';
        if (commas != 2) {
            free(piece);
            ps_out_puts(out, "Badly formatted job string. Should be x1,y1,z1:x2,y2,z2:...\n"
                             "where x is the startTime, y is the runTime, and z is the I/O "
                             "frequency.\n");
            return 1;
        }
        char *y = strchr(piece, ',') + 1, *z = strchr(y, ',') + 1;
        y[-1] = z[-1] = 0;
        mlfq_job *jb = &w->job[w->n];
        int rc = ps__ostep_pyint(piece, SCRIPT, err, &jb->start) ||
                 ps__ostep_pyint(y, SCRIPT, err, &jb->run) ||
                 ps__ostep_pyint(z, SCRIPT, err, &jb->iofreq);
        free(piece);
        if (rc)
            return 1;
        w->n++;
        if (!end)
            return PS__OSTEP_GO;
        p = end;
    }
}

static int mlfq_parse(int argc, char **argv, ps_out *out, ps_out *err, void **work)
{
    ps_opt_value v[MLFQ_NOPTS];
    memset(v, 0, sizeof v);
    int status = ps__ostep_options(SCRIPT, ps__mlfq_opts, MLFQ_NOPTS, argc, argv, v, out, err);
    mlfq_work *w = NULL;
    if (status == PS__OSTEP_GO && !(w = calloc(1, sizeof *w)))
        status = ps__ostep_nomem(err);
    if (status == PS__OSTEP_GO)
        status = read_queues(w, v, out, err);
    if (status == PS__OSTEP_GO &&
        (ps__ostep_int(&v[MLFQ_IOTIME], 5, -(1LL << 40), 1LL << 40, SCRIPT, "-i", err,
                       &w->iotime) ||
         ps__ostep_int(&v[MLFQ_BOOST], 0, INT64_MIN, 1LL << 40, SCRIPT, "-B", err, &w->boost)))
        status = 1;
    if (status == PS__OSTEP_GO)
        status = read_jobs(w, v, out, err);
    if (status == PS__OSTEP_GO) {
        w->stay = v[MLFQ_STAY].set;
        w->iobump = v[MLFQ_IOBUMP].set;
        w->solve = v[MLFQ_SOLVE].set;
    }
    ps_optparse_fini(v, MLFQ_NOPTS);
    if (status != PS__OSTEP_GO) {
        mlfq_free(w);
        return status;
    }
    *work = w;
    return PS__OSTEP_GO;
}

/* Runs mlfq.py would never finish, and limits of procsim's own: a message
 * and 1, else PS__OSTEP_GO. */
static int unsupported(const mlfq_work *w, ps_out *err)
{
    const char *why = NULL;
    if (w->nqueues <= 0)
        why = "no queues";
    if (!why && w->iotime < 0)
        why = "a negative -i (mlfq.py would wait forever)";
    uint64_t ops = 0;
    for (uint32_t j = 0; !why && j < w->n; j++) {
        const mlfq_job *jb = &w->job[j];
        if (jb->start < 0 || jb->start > PS_SCENARIO_MAX_NUMBER)
            why = "a start time below 0 (mlfq.py would wait forever) or above 10^9";
        else if (jb->run > PS_SCENARIO_MAX_NUMBER)
            why = "a run time above 10^9";
        else if (jb->iofreq > 0 && jb->run > 0 && (ops += (uint64_t)(jb->run / jb->iofreq) * 2 + 1) > MAX_OPS)
            why = "more than 5*10^7 I/Os";
    }
    if (!why)
        return PS__OSTEP_GO;
    ps_outf(err, "procsim: " SCRIPT ": procsim does not run workloads with %s\n", why);
    return 1;
}

static ps_scenario *mlfq_build(const void *work, ps_out *err)
{
    const mlfq_work *w = work;
    if (unsupported(w, err) != PS__OSTEP_GO)
        return NULL;
    ps_builder *b = NULL;
    char name[32];
    if (!(b = ps_builder_create("OSTEP mlfq", "A workload of OSTEP's mlfq.py: every job runs "
                        "runTime ticks and starts an I/O every ioFreq ticks of CPU.")))
        goto fail;
    ps_scenario *s = ps_builder_scenario(b);
    s->policy = PS_POLICY_MLFQ;
    s->mlfq_levels = (int32_t)w->nqueues;
    for (int64_t l = 0; l < w->nqueues; l++) {
        s->mlfq_quanta[l] = w->quantum[l];
        s->mlfq_allotments[l] = w->allot[l];
    }
    s->quantum = w->quantum[0];
    s->mlfq_boost = w->boost > 0 ? w->boost : 0;
    s->mlfq_stay = (uint8_t)w->stay;
    s->mlfq_io_bump = (uint8_t)w->iobump;
    for (uint32_t j = 0; j < w->n; j++) {
        snprintf(name, sizeof name, "io%" PRIu32, j);
        ps_builder_device(b, name);
    }
    for (uint32_t j = 0; j < w->n; j++) {
        const mlfq_job *jb = &w->job[j];
        snprintf(name, sizeof name, "job%" PRIu32, j);
        ps_builder_proc(b, name, jb->start);
        if (jb->run <= 0) {
            ps_builder_op(b, PS_OP_CPU, 0, 1); /* mlfq.py aborts on its first tick */
            continue;
        }
        int64_t left = jb->run;
        while (jb->iofreq > 0 && left > jb->iofreq) {
            ps_builder_op(b, PS_OP_CPU, 0, jb->iofreq);
            ps_builder_op(b, PS_OP_IO, j, w->iotime);
            left -= jb->iofreq;
        }
        ps_builder_op(b, PS_OP_CPU, 0, left);
    }
    return ps__ostep_built(b, err);
fail:
    ps__ostep_nomem(err);
    return NULL;
}

static void print_header(const mlfq_work *w, ps_out *out)
{
    ps_outf(out, "Here is the list of inputs:\nOPTIONS jobs %" PRIu32 "\nOPTIONS queues %" PRId64
                 "\n", w->n, w->nqueues);
    for (int64_t q = w->nqueues - 1; q >= 0; q--) {
        int64_t l = w->nqueues - 1 - q; /* the engine's level: top first */
        ps_outf(out, "OPTIONS allotments for queue %2" PRId64 " is %3" PRId64 "\n"
                     "OPTIONS quantum length for queue %2" PRId64 " is %3" PRId64 "\n",
                q, w->allot[l], q, w->quantum[l]);
    }
    ps_outf(out, "OPTIONS boost %" PRId64 "\nOPTIONS ioTime %" PRId64 "\nOPTIONS stayAfterIO %s\n"
                 "OPTIONS iobump %s\n\n\n", w->boost, w->iotime, w->stay ? "True" : "False",
            w->iobump ? "True" : "False");
    ps_out_puts(out, "For each job, three defining characteristics are given:\n"
                     "  startTime : at what time does the job enter the system\n"
                     "  runTime   : the total CPU time needed by the job to finish\n"
                     "  ioFreq    : every ioFreq time units, the job issues an I/O\n"
                     "              (the I/O takes ioTime units to complete)\n\nJob List:\n");
    for (uint32_t j = 0; j < w->n; j++)
        ps_outf(out, "  Job %2" PRIu32 ": startTime %3" PRId64 " - runTime %3" PRId64
                     " - ioFreq %3" PRId64 "\n", j, w->job[j].start, w->job[j].run,
                w->job[j].iofreq);
    ps_out_puts(out, "\n");
}

/* What happened at one instant, to be printed in mlfq.py's order. */
typedef struct mlfq_instant {
    uint32_t finished, io_start;    /* pid or 0 */
    uint32_t *begins, nbegins;
    uint32_t *io_done, nio_done;
} mlfq_instant;

static void on_transition(void *ctx, const ps_trace_event *ev)
{
    mlfq_instant *in = ctx;
    if (ev->from == PS_RUNNING && ev->to == PS_EXIT)
        in->finished = ev->pid;
    else if (ev->from == PS_RUNNING && ev->to == PS_BLOCKED)
        in->io_start = ev->pid;
    else if (ev->event == PS_EV_CREATE)
        in->begins[in->nbegins++] = ev->pid;
    else if (ev->event == PS_EV_WAKE)
        in->io_done[in->nio_done++] = ev->pid;
}

/* The process on the CPU after an instant, as mlfq.py's counters. */
typedef struct mlfq_runner {
    uint32_t pid;                   /* 0: idle */
    int64_t pri, ticks, allot, left, run;
} mlfq_runner;

static mlfq_runner runner(const mlfq_work *w, const ps_engine *e)
{
    mlfq_runner r = {0};
    r.pid = ps_engine_cpu(e, 0)->pid;
    if (r.pid) {
        const ps_pcb *p = ps_engine_pcb(e, r.pid);
        r.pri = w->nqueues - 1 - p->mlfq_level;
        r.ticks = p->quantum_left;
        r.allot = p->allot_left;
        r.run = w->job[r.pid - 1].run;
        r.left = r.run - p->cpu_time;
    }
    return r;
}

/* The line of tick t, k ticks after the instant r was read at; returns
 * -1 when mlfq.py aborts there. */
static int tick_line(ps__rowbuf *rows, const mlfq_runner *r, int64_t t, int64_t k)
{
    char line[256];
    int n;
    if (!r->pid)
        n = snprintf(line, sizeof line, "[ time %" PRId64 " ] IDLE\n", t);
    else
        n = snprintf(line, sizeof line, "[ time %" PRId64 " ] Run JOB %" PRIu32 " at PRIORITY %"
                     PRId64 " [ TICKS %" PRId64 " ALLOT %" PRId64 " TIME %" PRId64 " (of %"
                     PRId64 ") ]\n", t, r->pid - 1, r->pri, r->ticks - k - 1, r->allot,
                     r->left - k - 1, r->run);
    ps__row_put(rows, line, (size_t)n);
    return r->pid && r->left - k - 1 < 0 ? -1 : 0;
}

static int trace(const mlfq_work *w, ps_engine *e, ps_out *out, ps_out *err)
{
    mlfq_instant in = {0};
    in.begins = calloc(w->n + 1, sizeof *in.begins);
    in.io_done = calloc(w->n + 1, sizeof *in.io_done);
    if (!in.begins || !in.io_done) {
        free(in.begins);
        free(in.io_done);
        return ps__ostep_nomem(err);
    }
    ps_engine_set_listener(e, on_transition, &in);
    ps__rowbuf rows = {.out = out};
    ps__row_puts(&rows, "\nExecution Trace:\n\n");
    mlfq_runner r = {0};
    int64_t prev = -1, status = 0;
    char line[128];
    for (;;) {
        in.finished = in.io_start = in.nbegins = in.nio_done = 0;
        ps_step_status st = ps_engine_step(e);
        if (st != PS_STEP_OK && st != PS_STEP_DONE) {
            ps__row_flush(&rows);
            status = ps__ostep_stopped(err, SCRIPT, e, st);
            break;
        }
        int64_t now = ps_engine_now(e);
        for (int64_t t = prev + 1; t < now && !status; t++)
            status = tick_line(&rows, &r, t, t - (prev < 0 ? t : prev));
        if (status)
            break;
        uint32_t cpu_end = in.finished ? in.finished : in.io_start;
        if (in.finished)
            snprintf(line, sizeof line, "[ time %" PRId64 " ] FINISHED JOB %" PRIu32 "\n", now,
                     cpu_end - 1);
        else if (in.io_start)
            snprintf(line, sizeof line, "[ time %" PRId64 " ] IO_START by JOB %" PRIu32
                                        "\nIO DONE\n", now, cpu_end - 1);
        if (cpu_end)
            ps__row_puts(&rows, line);
        if (st == PS_STEP_DONE) /* mlfq.py stops once the last job is done */
            break;
        if (w->boost > 0 && now != 0 && now % w->boost == 0) {
            snprintf(line, sizeof line, "[ time %" PRId64 " ] BOOST ( every %" PRId64 " )\n",
                     now, w->boost);
            ps__row_puts(&rows, line);
        }
        for (uint32_t i = 0; i < in.nbegins; i++) {
            snprintf(line, sizeof line, "[ time %" PRId64 " ] JOB BEGINS by JOB %" PRIu32 "\n",
                     now, in.begins[i] - 1);
            ps__row_puts(&rows, line);
        }
        for (uint32_t i = 0; i < in.nio_done; i++) {
            snprintf(line, sizeof line, "[ time %" PRId64 " ] IO_DONE by JOB %" PRIu32 "\n",
                     now, in.io_done[i] - 1);
            ps__row_puts(&rows, line);
        }
        r = runner(w, e);
        prev = now;
        status = tick_line(&rows, &r, now, 0);
        if (status)
            break;
    }
    ps__row_flush(&rows);
    free(in.begins);
    free(in.io_done);
    if (status < 0) {
        ps_out_puts(err, "Error: should never have less than 0 time left to run\n");
        return 1;
    }
    return (int)status;
}

static int mlfq_print(const void *work, ps_out *out, ps_out *err)
{
    const mlfq_work *w = work;
    print_header(w, out);
    if (!w->solve) {
        ps_out_puts(out, "Compute the execution trace for the given workloads.\n"
                         "If you would like, also compute the response and turnaround\n"
                         "times for each of the jobs.\n\n"
                         "Use the -c flag to get the exact results when you are finished.\n\n");
        return 0;
    }
    ps_scenario *s = mlfq_build(w, err);
    ps_engine *e = s ? ps_engine_create(s) : NULL;
    if (!e) {
        ps_scenario_destroy(s);
        return s ? ps__ostep_nomem(err) : 1;
    }
    int status = trace(w, e, out, err);
    if (!status) {
        ps_out_puts(out, "\nFinal statistics:\n");
        int64_t rsum = 0, tsum = 0;
        for (uint32_t j = 0; j < w->n; j++) {
            const ps_pcb *p = ps_engine_pcb(e, j + 1);
            int64_t resp = p->first_run - w->job[j].start, turn = p->finish - w->job[j].start;
            ps_outf(out, "  Job %2" PRIu32 ": startTime %3" PRId64 " - response %3" PRId64
                         " - turnaround %3" PRId64 "\n", j, w->job[j].start, resp, turn);
            rsum += resp;
            tsum += turn;
        }
        if (!w->n) {
            status = ps__ostep_exception(err, SCRIPT, "ZeroDivisionError: float division by "
                                                      "zero");
        } else {
            ps_outf(out, "\n  Avg %2" PRIu32 ": startTime n/a - response %.2f - turnaround "
                         "%.2f\n\n\n", w->n - 1, (double)rsum / w->n, (double)tsum / w->n);
        }
    }
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return status;
}

const ps__ostep_front ps__ostep_mlfq = {SCRIPT, mlfq_parse, mlfq_build, mlfq_print, mlfq_free};
