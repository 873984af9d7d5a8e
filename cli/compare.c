/* compare.c — `procsim compare FILE P[:Q] P[:Q]...`: the workload of
 * FILE loaded once per policy, its policy replaced (ps_scenario_set_policy,
 * as `run --policy`), each run to the end with its CPUs recorded as Gantt
 * slices and its moves into and out of Running kept; then where the
 * schedules first part: the first tick at which some CPU runs a
 * different process (or is idle) under one policy than under another —
 * a dispatch that leaves the CPU within its own instant takes no tick and
 * does not count — and, for each policy, what is on that CPU then and the
 * causes that put it there.  Nothing here depends on which policies
 * there are: any row of PS_POLICIES compares. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "shipped.h"
#include "words.h"

/* ---- one run ------------------------------------------------------------- */

static void keep(void *ctx, const ps_trace_event *ev)
{
    cmp_side *sd = ctx;
    if (ev->from != PS_RUNNING && ev->to != PS_RUNNING)
        return;
    if (sd->nev == sd->capev) {
        size_t ncap = sd->capev ? sd->capev * 2 : 64;
        ps_trace_event *nv = realloc(sd->ev, ncap * sizeof *nv);
        if (!nv) {
            sd->nomem = 1;
            return;
        }
        sd->ev = nv;
        sd->capev = ncap;
    }
    sd->ev[sd->nev++] = *ev;
}

/* Why a run stopped short, in `lang`. */
static void stop_report(cmp_side *sd, ps_lang lang)
{
    const ps_engine *e = sd->e;
    if (sd->st == PS_STEP_STUCK)
        ps_engine_stuck(e, lang, sd->report, sizeof sd->report);
    else if (sd->st == PS_STEP_RUNAWAY)
        ps_engine_runaway_text(e, lang, sd->report, sizeof sd->report);
    else if (sd->st == PS_STEP_NOMEM)
        snprintf(sd->report, sizeof sd->report, CLI_W_IN(W_CMP_NOMEM_AT, lang),
                 (long long)ps_engine_now(e));
}

/* Run side sd to the end or to `until` (-1: no limit), as `procsim run`
 * does. */
static void run_side(cmp_side *sd, int64_t until, ps_lang lang)
{
    ps_engine *e = sd->e;
    ps_engine_set_listener(e, keep, sd);
    if (until >= 0) { /* as run's --until: T instants more than the limit */
        uint64_t limit = ps_engine_instant_limit(e), more = (uint64_t)until;
        ps_engine_set_instant_limit(e, limit > UINT64_MAX - more ? UINT64_MAX : limit + more);
    }
    do {
        if (until >= 0 && ps_engine_next(e) > until)
            sd->st = ps_engine_run(e, until);
        else
            sd->st = ps_engine_step(e);
        ps_gantt_sample(&sd->g);
        if (sd->nomem || sd->g.nomem)
            sd->st = PS_STEP_NOMEM;
    } while (sd->st == PS_STEP_OK);
    ps_gantt_finish(&sd->g);
    ps_stats_summary(e, &sd->sum);
    stop_report(sd, lang);
}

/* ---- where the schedules part ------------------------------------------- */

/* The last of sd's kept moves of `pid` at or before tick t: into Running
 * on `cpu` (into), or out of Running at t itself; NULL if none. */
static const ps_trace_event *last_move(const cmp_side *sd, uint32_t pid, int64_t t, int into,
                                       uint32_t cpu)
{
    const ps_trace_event *found = NULL;
    for (size_t i = 0; i < sd->nev && sd->ev[i].time <= t; i++) {
        const ps_trace_event *ev = &sd->ev[i];
        if (ev->pid != pid)
            continue;
        if (into ? ev->to == PS_RUNNING && ev->cause == PS_CAUSE_PICKED && ev->a == cpu
                 : ev->from == PS_RUNNING && ev->time == t)
            found = ev;
    }
    return found;
}

static void find_parting(cmp *c)
{
    c->tick = -1;
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = 0; j < c->n; j++) {
            uint32_t cpu = 0;
            c->pair[i][j] = i == j ? -1 : ps_gantt_differ(&c->side[i].g, &c->side[j].g, &cpu);
            if (c->pair[i][j] >= 0 &&
                (c->tick < 0 || c->pair[i][j] < c->tick ||
                 (c->pair[i][j] == c->tick && cpu < c->cpu))) {
                c->tick = c->pair[i][j];
                c->cpu = cpu;
            }
        }
    if (c->tick < 0)
        return;
    for (size_t i = 0; i < c->n; i++) {
        const cmp_side *sd = &c->side[i];
        cmp_at *at = &c->at[i];
        at->pid = ps_gantt_at(&sd->g, c->cpu, c->tick);
        at->came = at->pid ? last_move(sd, at->pid, c->tick, 1, c->cpu) : NULL;
        uint32_t before = c->tick ? ps_gantt_at(&sd->g, c->cpu, c->tick - 1) : 0;
        if (before && before != at->pid) {
            at->left = before;
            at->leave = last_move(sd, before, c->tick, 0, c->cpu);
        }
    }
}

void cmp_at_text(const cmp *c, size_t i, char *buf, size_t size)
{
    const cmp_at *at = &c->at[i];
    const ps_engine *e = c->side[i].e;
    char cause[320];
    size_t o = 0;
    buf[0] = 0;
#define ADD(...) (o += (size_t)snprintf(buf + o, o < size ? size - o : 0, __VA_ARGS__))
    if (!at->pid) {
        ADD("%s", CLI_W_IN(W_CMP_IDLE, c->lang));
    } else {
        const char *name = ps_engine_pcb(e, at->pid)->name;
        if (!at->came)
            ADD("%s", name);
        else if (at->came->time == c->tick || at->left)
            ADD("%s: %s", name, ps_cause_format(e, at->came, c->lang, cause, sizeof cause));
        else
            ADD(CLI_W_IN(W_CMP_GOES_ON, c->lang), name, (long long)at->came->time,
                ps_cause_format(e, at->came, c->lang, cause, sizeof cause));
    }
    if (at->left && at->leave)
        ADD(CLI_W_IN(W_CMP_LEAVES, c->lang), ps_engine_pcb(e, at->left)->name,
            ps_cause_format(e, at->leave, c->lang, cause, sizeof cause));
#undef ADD
}

/* ---- the summary rows ----------------------------------------------------- */

uint32_t cmp_switches(const cmp_side *sd)
{
    uint32_t n = 0;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(sd->e); pid++) {
        ps_proc_stats st;
        ps_stats_proc(sd->e, pid, &st);
        n += st.switches;
    }
    return n;
}

double cmp_value(const cmp_side *sd, cmp_row row)
{
    switch (row) {
    case CMP_END: return (double)sd->sum.end;
    case CMP_TURNAROUND: return sd->sum.avg_turnaround;
    case CMP_WAITING: return sd->sum.avg_waiting;
    case CMP_RESPONSE: return sd->sum.avg_response;
    case CMP_SWITCHES: return cmp_switches(sd);
    case CMP_UTILISATION: return sd->sum.cpu_utilisation;
    case CMP_ROWS: break;
    }
    return 0;
}

unsigned cmp_best(const cmp *c, cmp_row row)
{
    unsigned best = 0;
    double v = 0;
    int average = row == CMP_TURNAROUND || row == CMP_WAITING || row == CMP_RESPONSE;
    for (size_t i = 1; average && i < c->n; i++)
        if (c->side[i].sum.finished != c->side[0].sum.finished)
            return 0; /* averages over different processes (--until): nothing to rank */
    for (size_t i = 0; i < c->n; i++) {
        if (average && !c->side[i].sum.finished)
            continue; /* no average to compare */
        double x = cmp_value(&c->side[i], row);
        if (row == CMP_UTILISATION)
            x = -x; /* the higher the better */
        if (!best || x < v - 1e-9) {
            best = 1u << i;
            v = x;
        } else if (fabs(x - v) <= 1e-9) {
            best |= 1u << i;
        }
    }
    return best;
}

const char *cmp_status(ps_step_status st)
{
    switch (st) {
    case PS_STEP_DONE: return "done";
    case PS_STEP_UNTIL: return "until";
    case PS_STEP_STUCK: return "deadlock";
    case PS_STEP_RUNAWAY: return "runaway";
    case PS_STEP_OK:
    case PS_STEP_NOMEM:
    case PS_STEP_INTERRUPTED:
    case PS_STEP_FAILED:
        break;
    }
    return "error";
}

/* ---- the command --------------------------------------------------------- */

/* "procsim compare: " and the message in cli_lang (fmt: CLI_W(...)), then
 * the synopsis. */
__attribute__((format(printf, 1, 2))) static int usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("procsim compare: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    cli_usage(stderr, "compare");
    return EXIT_USAGE;
}

/* Read FILE once (it may be a pipe), load a copy of it for each policy
 * and put the policy in; 0 or the exit status (said on stderr). */
static int load_sides(cmp *c, const char *const *specs)
{
    ps_policy policy[CMP_MAX];
    int64_t quantum[CMP_MAX];
    ps_error err;
    for (size_t i = 0; i < c->n; i++)
        if (ps_policy_parse(specs[i], &policy[i], &quantum[i], &err))
            return usage("%s", ps_error_in(&err, cli_lang));
    size_t len;
    char *text = ps_scenario_file_read(c->path, &len, &err); /* once: it may be a pipe */
    int rc = 0;
    for (size_t i = 0; i < c->n && !rc; i++) {
        cmp_side *sd = &c->side[i];
        if (!text || !(sd->s = ps_scenario_load_string(c->path, text, len, &err))) {
            fprintf(stderr, "%s\n", ps_error_in(&err, cli_lang));
            cli_scenario_hint(stderr, c->path);
            rc = EXIT_USAGE;
            break;
        }
        if (!i)
            cli_policy_label(sd->s, c->file_policy, sizeof c->file_policy);
        if (ps_scenario_set_policy(sd->s, policy[i], quantum[i], &err)) {
            fprintf(stderr, "%s\n", ps_error_in(&err, cli_lang));
            rc = EXIT_USAGE;
            break;
        }
        cli_policy_label(sd->s, sd->label, sizeof sd->label);
        for (size_t j = 0; j < i && !rc; j++)
            if (!strcmp(c->side[j].label, sd->label))
                rc = strcmp(specs[j], specs[i])
                         ? usage(CLI_W(W_CMP_SAME_POLICY), specs[j], specs[i], sd->label)
                         : usage(CLI_W(W_CMP_TWICE), specs[i]);
    }
    free(text);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    static cmp c;
    const char *specs[CMP_MAX];
    const char *format = "text";
    int64_t until = -1;
    size_t nspecs = 0;
    int rc = EXIT_OK;
    c = (cmp){.lang = cli_lang, .tick = -1};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a))
            return cli_help(stdout, "compare");
        if (!strcmp(a, "--format") && i + 1 < argc) {
            format = argv[++i];
            if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv"))
                return usage(CLI_W(W_CMP_UNKNOWN_FORMAT), format);
        } else if (!strcmp(a, "--lang")) {
            if (cli_lang_option("compare", i + 1 < argc ? argv[++i] : NULL))
                return EXIT_USAGE;
            c.lang = cli_lang;
        } else if (!strcmp(a, "--until") && i + 1 < argc) {
            if (cli_int_option("compare", a, argv[++i], 0, INT64_MAX, &until))
                return EXIT_USAGE;
        } else if (a[0] == '-' && a[1]) {
            return usage(CLI_W(W_CMP_BAD_OPTION), a);
        } else if (!c.path) {
            c.path = cli_scenario_path(a, c.where, sizeof c.where);
        } else if (nspecs == CMP_MAX) {
            return usage(CLI_W(W_CMP_TOO_MANY), CMP_MAX, a);
        } else {
            specs[nspecs++] = a;
        }
    }
    if (!c.path)
        return usage("%s", CLI_W(W_CMP_WHICH));
    if (nspecs < 2)
        return usage(CLI_W(W_CMP_TWO), nspecs ? CLI_W(W_CMP_ONLY_ONE) : CLI_W(W_CMP_NONE),
                     nspecs ? specs[0] : "");
    c.n = nspecs;
    rc = load_sides(&c, specs);
    for (size_t i = 0; !rc && i < c.n; i++) {
        cmp_side *sd = &c.side[i];
        if (!(sd->e = ps_engine_create(sd->s)) || ps_gantt_init(&sd->g, sd->e)) {
            fputs(CLI_W(W_ANY_NOMEM), stderr);
            rc = EXIT_RUNTIME;
            break;
        }
        run_side(sd, until, c.lang);
        if (sd->st != PS_STEP_DONE && sd->st != PS_STEP_UNTIL)
            rc = EXIT_RUNTIME;
    }
    if (!rc || rc == EXIT_RUNTIME) {
        static char buf[1 << 16];
        setvbuf(stdout, buf, _IOFBF, sizeof buf);
        int ran = 1;
        for (size_t i = 0; i < c.n; i++)
            ran = ran && c.side[i].e && c.side[i].g.end >= 0;
        if (ran) {
            find_parting(&c);
            if (!strcmp(format, "json"))
                cmp_write_json(stdout, &c);
            else if (!strcmp(format, "csv"))
                cmp_write_csv(stdout, &c);
            else
                cmp_write_text(stdout, &c);
            for (size_t i = 0; i < c.n; i++)
                if (c.side[i].report[0])
                    fprintf(stderr, CLI_W(W_CMP_SIDE_REPORT), c.side[i].label,
                            c.side[i].report);
        }
        if (fflush(stdout) || ferror(stdout)) {
            fputs(CLI_W(W_CMP_WRITE_FAILED), stderr);
            rc = EXIT_RUNTIME;
        }
    }
    for (size_t i = 0; i < c.n; i++) {
        ps_gantt_fini(&c.side[i].g);
        free(c.side[i].ev);
        ps_engine_destroy(c.side[i].e);
        ps_scenario_destroy(c.side[i].s);
    }
    return rc;
}
