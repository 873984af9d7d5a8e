/* ostep_lottery.c — OSTEP's lottery.py (docs/ostep.md).
 *
 * The jobs become processes that all arrive at tick 0, under procsim's
 * lottery policy with lottery.py's quantum; the engine draws (its draws
 * are lottery.py's: Python's random seeded by -s, after the numbers the
 * random jobs took, which the scenario's seed_skip says) and decides who
 * runs.  The trace is read off the engine: one block per draw, the number
 * and the winner from ps_engine_lottery_draw, and the job table as
 * lottery.py keeps it, checked against the engine as it goes.
 *
 * lottery.py charges a whole quantum for each draw a job wins, and a job
 * of length L is done after ceil(L / quantum) wins (one when L <= 0), so
 * its process runs that many whole quanta: the engine's clock is
 * lottery.py's.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ostep_internal.h"
#include "pyrand.h"
#include "procsim/scenario_build.h"

#define SCRIPT "lottery.py"
#define MAX_JOBS 100000
#define MAX_RANDOM (1LL << 53) /* -m, -T: int(m * random()) is exact */
#define LIMIT PS_SCENARIO_MAX_NUMBER /* what the scenario may hold */

typedef __int128 i128;

typedef struct lot_job {
    int64_t run, tickets;
} lot_job;

typedef struct lot_work {
    lot_job *job;
    uint32_t n;
    i128 run_total;      /* lottery.py's runTotal: the draws it makes at most */
    int64_t quantum;     /* -q, when q_fits */
    int q_fits;
    int64_t seed;        /* |-s|, when seed_fits */
    int seed_fits;
    int64_t skip;        /* random() numbers the random jobs took */
    ps_pyrand rng;       /* the stream after them (the questions' numbers) */
    int solve;
} lot_work;

static void lot_free(void *w)
{
    lot_work *l = w;
    if (l)
        free(l->job);
    free(l);
}

/* int(m * random()), drawn again while 0 (lottery.py's loop for lengths
 * and tickets alike). */
static int64_t nonzero(lot_work *w, int64_t m)
{
    int64_t x;
    do {
        x = (int64_t)((double)m * ps_pyrand_random(&w->rng));
        w->skip++;
    } while (x == 0);
    return x;
}

/* One "RUNTIME:TICKETS" entry of -l: split(':') into exactly two, then
 * Python's int() of each.  Returns 0, or the exit status. */
static int listed_job(const char *entry, size_t len, lot_job *job, ps_out *err)
{
    char *text = strndup(entry, len);
    if (!text)
        return ps__ostep_nomem(err);
    char *colon = strchr(text, ':');
    int status = 0;
    if (!colon || strchr(colon + 1, ':')) {
        status = ps__ostep_exception(err, SCRIPT, colon ? "ValueError: too many values to "
                                                          "unpack (expected 2)"
                                                        : "ValueError: not enough values to "
                                                          "unpack (expected 2, got 1)");
    } else {
        *colon = 0;
        if (ps__ostep_pyint(text, SCRIPT, err, &job->run) ||
            ps__ostep_pyint(colon + 1, SCRIPT, err, &job->tickets))
            status = 1;
    }
    free(text);
    return status;
}

/* The job list, read or drawn, and printed.  Returns PS__OSTEP_GO or the
 * exit status. */
static int read_jobs(lot_work *w, const char *jlist, int64_t jobs, int64_t maxlen,
                     int64_t maxticket, ps_out *out, ps_out *err)
{
    size_t cap = jlist[0] ? 1 : (size_t)(jobs > 0 ? jobs : 0);
    for (const char *p = jlist; *p; p++)
        cap += *p == ',';
    if (cap > MAX_JOBS) {
        ps_outf(err, "procsim: " SCRIPT ": more than %d jobs\n", MAX_JOBS);
        return 1;
    }
    if (!(w->job = calloc(cap + 1, sizeof *w->job)))
        return ps__ostep_nomem(err);
    if (!jlist[0]) {
        for (; w->n < cap; w->n++) {
            lot_job *j = &w->job[w->n];
            j->run = nonzero(w, maxlen);
            j->tickets = nonzero(w, maxticket);
        }
    } else {
        for (const char *p = jlist;; p++) {
            const char *end = strchr(p, ',');
            int status = listed_job(p, end ? (size_t)(end - p) : strlen(p), &w->job[w->n], err);
            if (status)
                return status;
            w->n++;
            if (!end)
                break;
            p = end;
        }
    }
    for (uint32_t i = 0; i < w->n; i++) {
        ps_outf(out, "  Job %" PRIu32 " ( length = %" PRId64 ", tickets = %" PRId64 " )\n", i,
                w->job[i].run, w->job[i].tickets);
        w->run_total += w->job[i].run;
    }
    ps_out_puts(out, "\n\n");
    return PS__OSTEP_GO;
}

/* An option's value as lottery.py prints it (its decimal), or `dflt`. */
static char *value_text(const ps_opt_value *v, const char *dflt)
{
    return v->set ? ps_pyint_decimal(&v->num) : strdup(dflt);
}

static int lot_parse(int argc, char **argv, ps_out *out, ps_out *err, void **work)
{
    ps_opt_value v[LOT_NOPTS];
    memset(v, 0, sizeof v);
    int status = ps__ostep_options(SCRIPT, ps__lot_opts, LOT_NOPTS, argc, argv, v, out, err);
    lot_work *w = NULL;
    char *text[LOT_NOPTS] = {NULL};
    ps_pyint zero = {0};
    int64_t jobs, maxlen, maxticket;
    if (status != PS__OSTEP_GO)
        goto done;
    if (!(w = calloc(1, sizeof *w)) || ps_pyint_from_i64(&zero, 0)) {
        status = ps__ostep_nomem(err);
        goto done;
    }
    const char *jlist = v[LOT_JLIST].set ? v[LOT_JLIST].text : "";
    if (ps__ostep_int(&v[LOT_JOBS], 3, INT64_MIN, MAX_JOBS, SCRIPT, "-j", err, &jobs) ||
        ps__ostep_int(&v[LOT_MAXLEN], 10, -MAX_RANDOM, MAX_RANDOM, SCRIPT, "-m", err, &maxlen) ||
        ps__ostep_int(&v[LOT_MAXTICKET], 100, -MAX_RANDOM, MAX_RANDOM, SCRIPT, "-T", err,
                      &maxticket)) {
        status = 1;
        goto done;
    }
    if (!jlist[0] && jobs > 0 && (llabs(maxlen) <= 1 || llabs(maxticket) <= 1)) {
        int64_t m = llabs(maxlen) <= 1 ? maxlen : maxticket;
        ps_outf(err, "procsim: " SCRIPT ": -%c %" PRId64 ": lottery.py would never finish "
                     "its random jobs (it draws again while int(%" PRId64 " * random()) is "
                     "0, which it always is)\n", llabs(maxlen) <= 1 ? 'm' : 'T', m, m);
        status = 1;
        goto done;
    }
    const ps_pyint *seed = v[LOT_SEED].set ? &v[LOT_SEED].num : &zero;
    ps_pyrand_seed(&w->rng, seed);
    w->seed_fits = ps_pyint_to_i64(seed, &w->seed) == 0 && llabs(w->seed) <= LIMIT;
    w->seed = llabs(w->seed); /* random.seed(-5) is random.seed(5) */
    w->quantum = 1; /* a -q beyond int64 matters only if there is a run to solve */
    w->q_fits = !v[LOT_QUANTUM].set || ps_pyint_to_i64(&v[LOT_QUANTUM].num, &w->quantum) == 0;
    w->solve = v[LOT_SOLVE].set;
    text[LOT_SEED] = value_text(&v[LOT_SEED], "0");
    text[LOT_JOBS] = value_text(&v[LOT_JOBS], "3");
    text[LOT_MAXLEN] = value_text(&v[LOT_MAXLEN], "10");
    text[LOT_MAXTICKET] = value_text(&v[LOT_MAXTICKET], "100");
    text[LOT_QUANTUM] = value_text(&v[LOT_QUANTUM], "1");
    for (int i = 0; i < LOT_NOPTS; i++)
        if (i != LOT_JLIST && i != LOT_SOLVE && !text[i]) {
            status = ps__ostep_nomem(err);
            goto done;
        }
    ps_outf(out, "ARG jlist %s\nARG jobs %s\nARG maxlen %s\nARG maxticket %s\nARG quantum %s\n"
                 "ARG seed %s\n\nHere is the job list, with the run time of each job: \n",
            jlist, text[LOT_JOBS], text[LOT_MAXLEN], text[LOT_MAXTICKET], text[LOT_QUANTUM],
            text[LOT_SEED]);
    status = read_jobs(w, jlist, jobs, maxlen, maxticket, out, err);
done:
    for (int i = 0; i < LOT_NOPTS; i++)
        free(text[i]);
    ps_pyint_fini(&zero);
    ps_optparse_fini(v, LOT_NOPTS);
    if (status != PS__OSTEP_GO) {
        lot_free(w);
        return status;
    }
    *work = w;
    return PS__OSTEP_GO;
}

/* The quanta job j runs: ceil(run / quantum), one at least. */
static int64_t quanta(const lot_work *w, const lot_job *j)
{
    return j->run > 0 ? (j->run - 1) / w->quantum + 1 : 1;
}

/* Runs procsim cannot put on the engine: a message and 1, else 0. */
static int unsupported(const lot_work *w, ps_out *err)
{
    const char *why = NULL;
    if (!w->n)
        why = "no jobs";
    else if (!w->q_fits || w->quantum < 1)
        why = "a quantum below 1 (lottery.py lets no time pass) or beyond 2**63";
    else if (w->quantum > LIMIT)
        why = "a quantum above 10^9";
    else if (!w->seed_fits)
        why = "a seed beyond -10^9 .. 10^9";
    else if (w->skip > LIMIT)
        why = "more than 10^9 random numbers for the random jobs";
    for (uint32_t i = 0; !why && i < w->n; i++) {
        if (w->job[i].tickets < 0 || w->job[i].tickets > LIMIT)
            why = "tickets below 0 or above 10^9";
        else if (quanta(w, &w->job[i]) > LIMIT / w->quantum)
            why = "a job longer than 10^9 ticks";
    }
    if (!why)
        return 0;
    ps_outf(err, "procsim: " SCRIPT ": procsim does not run workloads with %s\n", why);
    return 1;
}

static ps_scenario *lot_build(const void *work, ps_out *err)
{
    const lot_work *w = work;
    if (unsupported(w, err))
        return NULL;
    ps_builder *b = ps_builder_create("OSTEP lottery", "A workload of OSTEP's lottery.py: "
                                      "every job runs its length in whole quanta, with its "
                                      "tickets.");
    if (!b) {
        ps__ostep_nomem(err);
        return NULL;
    }
    ps_scenario *s = ps_builder_scenario(b);
    s->policy = PS_POLICY_LOTTERY;
    s->quantum = w->quantum;
    s->seed = w->seed;
    s->seed_skip = w->skip;
    char name[32];
    for (uint32_t i = 0; i < w->n; i++) {
        snprintf(name, sizeof name, "job%" PRIu32, i);
        ps_builder_proc(b, name, 0);
        if (ps_builder_last_proc(b))
            ps_builder_last_proc(b)->tickets = w->job[i].tickets;
        ps_builder_op(b, PS_OP_CPU, 0, quanta(w, &w->job[i]) * w->quantum);
    }
    return ps__ostep_built(b, err);
}

static int disagree(ps__rowbuf *rows, ps_out *err)
{
    ps__row_flush(rows);
    ps_out_puts(err, "procsim: " SCRIPT ": internal error: the engine's draws and "
                     "lottery.py's accounting disagree\n");
    return 1;
}

/* The engine's next draw, made at lottery.py's `clock`; 0, or -1 when the
 * engine does not make it. */
static int next_draw(ps_engine *e, uint64_t seen, int64_t clock, ps_lottery_draw *d)
{
    while ((*d = ps_engine_lottery_draw(e)).count == seen)
        if (ps_engine_step(e) != PS_STEP_OK)
            return -1;
    return d->count == seen + 1 && ps_engine_now(e) == clock ? 0 : -1;
}

/* lottery.py's solution: one block per draw, up to runTotal of them. */
static int solve(const lot_work *w, ps_engine *e, ps_out *out, ps_out *err)
{
    lot_job *job = malloc((w->n + 1) * sizeof *job);
    if (!job)
        return ps__ostep_nomem(err);
    memcpy(job, w->job, w->n * sizeof *job);
    int64_t total = 0, clock = 0, q = w->quantum;
    for (uint32_t i = 0; i < w->n; i++)
        total += job[i].tickets;
    uint32_t left = w->n;
    ps__rowbuf rows = {.out = out};
    int status = 0;
    char line[160];
    for (i128 i = 0; i < w->run_total; i++) {
        if (total == 0) {
            ps__row_flush(&rows);
            status = ps__ostep_exception(err, SCRIPT, "ZeroDivisionError: integer modulo by "
                                                      "zero");
            break;
        }
        ps_lottery_draw d;
        if (next_draw(e, (uint64_t)i, clock, &d) || d.total != total || !d.winner) {
            status = disagree(&rows, err);
            break;
        }
        uint32_t won = d.winner - 1;
        snprintf(line, sizeof line, "Random %" PRId64 " -> Winning ticket %" PRId64 " (of %"
                 PRId64 ") -> Run %" PRIu32 "\n  Jobs:\n", d.number, d.ticket, total, won);
        ps__row_puts(&rows, line);
        for (uint32_t j = 0; j < w->n; j++) {
            char tix[24] = "---";
            if (job[j].run > 0)
                snprintf(tix, sizeof tix, "%" PRId64, job[j].tickets);
            snprintf(line, sizeof line, " (%c job:%" PRIu32 " timeleft:%" PRId64 " tix:%s ) ",
                     j == won ? '*' : ' ', j, job[j].run, tix);
            ps__row_puts(&rows, line);
        }
        ps__row_puts(&rows, "\n");
        job[won].run = job[won].run >= q ? job[won].run - q : 0;
        clock += q;
        if (job[won].run == 0) {
            snprintf(line, sizeof line, "--> JOB %" PRIu32 " DONE at time %" PRId64 "\n", won,
                     clock);
            ps__row_puts(&rows, line);
            total -= job[won].tickets;
            job[won].tickets = 0;
            if (--left == 0) {
                ps__row_puts(&rows, "\n");
                break;
            }
        }
    }
    ps__row_flush(&rows);
    free(job);
    return status;
}

static int lot_print(const void *work, ps_out *out, ps_out *err)
{
    const lot_work *w = work;
    if (!w->solve) {
        ps_out_puts(out, "Here is the set of random numbers you will need (at most):\n");
        ps_pyrand rng = w->rng;
        ps__rowbuf rows = {.out = out};
        char line[48];
        for (i128 i = 0; i < w->run_total; i++) {
            snprintf(line, sizeof line, "Random %" PRId64 "\n",
                     (int64_t)(ps_pyrand_random(&rng) * 1000001.0));
            ps__row_puts(&rows, line);
        }
        ps__row_flush(&rows);
        return 0;
    }
    ps_out_puts(out, "** Solutions **\n\n");
    if (w->run_total <= 0) /* lottery.py draws runTotal times at most */
        return 0;
    ps_scenario *s = lot_build(w, err);
    ps_engine *e = s ? ps_engine_create(s) : NULL;
    int status = e ? solve(w, e, out, err) : s ? ps__ostep_nomem(err) : 1;
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return status;
}

const ps__ostep_front ps__ostep_lottery = {SCRIPT, lot_parse, lot_build, lot_print, lot_free};
