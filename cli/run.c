/* run.c — `procsim run` and `procsim check`: load, simulate step by step,
 * hand each instant's transitions to the chosen writer. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "shipped.h"
#include "words.h"

/* What an instant brought: its transitions as the listener confirmed them
 * and its op events, each with the number of transitions the engine had
 * made before it (so that the two interleave as they happened also in live
 * mode, where transitions come after the step, once confirmed). */
typedef struct collector {
    ps_live_event *ev;
    size_t n, cap;
    struct op_at {
        ps_op_event ev;
        uint64_t after;    /* transitions the engine had made before it */
    } *op;
    size_t nop, capop;
    cli_item *items;
    size_t capitems;
    uint64_t done;         /* transitions handed to the writer before */
    const ps_engine *e;
    int nomem;
} collector;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 256;
    while (ncap < need)
        ncap *= 2;
    void *np = realloc(*p, ncap * size);
    if (!np)
        return -1;
    *p = np;
    *cap = ncap;
    return 0;
}

static void collect_live(void *ctx, const ps_live_event *ev)
{
    collector *c = ctx;
    if (grow((void **)&c->ev, &c->cap, c->n + 1, sizeof *c->ev)) {
        c->nomem = 1;
        return;
    }
    c->ev[c->n++] = *ev;
}

static void collect(void *ctx, const ps_trace_event *ev)
{
    ps_live_event le = {.ev = *ev};
    collect_live(ctx, &le);
}

/* Said at once, not kept for the end: the run may go on for long. */
static void say_restopped(void *ctx, const ps_live_restop *r)
{
    const ps_scenario *s = ctx;
    fprintf(stderr, CLI_W(W_RUN_RESTOPPED), s->procs[r->pid - 1].name, (int)r->os_pid,
            ps_state_name_in((ps_state)r->model, cli_lang));
}

static void collect_op(void *ctx, const ps_op_event *ev)
{
    collector *c = ctx;
    if (grow((void **)&c->op, &c->capop, c->nop + 1, sizeof *c->op)) {
        c->nomem = 1;
        return;
    }
    c->op[c->nop++] = (struct op_at){*ev, ps_engine_transitions(c->e)};
}

/* The instant's transitions and op events in the order they happened. */
static size_t merge(collector *c)
{
    if (grow((void **)&c->items, &c->capitems, c->n + c->nop, sizeof *c->items)) {
        c->nomem = 1;
        return 0;
    }
    size_t k = 0, o = 0;
    for (size_t t = 0; t <= c->n; t++) {
        while (o < c->nop && (t == c->n || c->op[o].after <= c->done + t))
            c->items[k++] = (cli_item){.op = &c->op[o++].ev};
        if (t < c->n)
            c->items[k++] = (cli_item){.tr = &c->ev[t]};
    }
    c->done += c->n;
    c->n = c->nop = 0;
    return k;
}

/* ---- interrupts once a backend holds them ------------------------------- */

static volatile sig_atomic_t late_interrupt;

static void note_interrupt(int signo)
{
    (void)signo;
    late_interrupt = 1;
}

/* The handler runs only while the signals are not blocked: before the
 * backend is created (it is installed after) or once destroy has given
 * the mask back.  Children never run it: live and trace children set
 * every handler back to the default before they unblock any signal.
 * They stay for the rest of the program, which only ends after it: the
 * command checks cli_interrupted() last, so anything added after that
 * check must check again (and a SIGQUIT dumps no core here). */
void cli_hold_interrupts(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction sa = {.sa_handler = note_interrupt, .sa_flags = SA_RESTART};
    sigfillset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
}

int cli_interrupted(void)
{
    return late_interrupt;
}

/* ---- simulating --------------------------------------------------------- */

static ps_scenario *load(const char *path, int tour, ps_error *err)
{
    if (tour)
        return ps_scenario_load_tour(err);
    return ps_scenario_load_file(path, err);
}

static ps_step_status step(ps_engine *e, ps_live *live, int64_t until)
{
    if (live)
        return until >= 0 && ps_engine_next(e) > until ? ps_engine_run(e, until)
                                                          : ps_live_step(live);
    if (until >= 0 && ps_engine_next(e) > until)
        return ps_engine_run(e, until);
    return ps_engine_step(e);
}

int cli_simulate(const ps_scenario *s, const writer *w, int64_t until, int live_mode,
                 int64_t tick_ms, int with_ops, int offers_until)
{
    cli_sim o = {.until = until, .tick_ms = tick_ms, .live = live_mode, .with_ops = with_ops,
                 .offers_until = offers_until};
    return cli_simulate_with(s, w, &o);
}

int cli_simulate_with(const ps_scenario *s, const writer *w, const cli_sim *o)
{
    int64_t until = o->until;
    ps_engine *e = ps_engine_create(s);
    collector c = {0};
    ps_live *live = NULL;
    ps_error err;
    ps_gantt gantt = {0};
    if (!e || (o->gantt && ps_gantt_init(&gantt, e))) {
        fputs(CLI_W(W_ANY_NOMEM), stderr);
        ps_gantt_fini(&gantt);
        ps_engine_destroy(e);
        return EXIT_RUNTIME;
    }
    if (o->live && !(live = ps_live_create(e, &err))) {
        fprintf(stderr, "procsim: %s\n", ps_error_in(&err, cli_lang));
        ps_gantt_fini(&gantt);
        ps_engine_destroy(e);
        return EXIT_RUNTIME;
    }
    if (live) {
        cli_hold_interrupts();
        ps_live_set_listener(live, collect_live, &c);
        ps_live_set_restop_listener(live, say_restopped, (void *)s);
        ps_live_set_tick_ms(live, o->tick_ms);
    }
    else
        ps_engine_set_listener(e, collect, &c);
    c.e = e;
    /* --until T lets a run take T instants more than the limit that stops
     * a run that never ends (rule L6): a run to T that moves on a tick at
     * each instant gets there */
    if (until >= 0) {
        uint64_t limit = ps_engine_instant_limit(e), more = (uint64_t)until;
        ps_engine_set_instant_limit(e, limit > UINT64_MAX - more ? UINT64_MAX : limit + more);
    }
    ps_engine_set_op_listener(e, collect_op, &c);
    run r = {.e = e, .live = live, .lang = cli_lang, .with_ops = o->with_ops,
             .file_policy = o->file_policy, .gantt = o->gantt ? &gantt : NULL};
    w->begin(stdout, &r);
    ps_step_status st;
    do {
        st = step(e, live, until);
        if (o->gantt)
            ps_gantt_sample(&gantt);
        size_t n = merge(&c);
        if (n)
            w->instant(stdout, &r, c.items, n);
        if (c.nomem || r.nomem || gantt.nomem)
            st = PS_STEP_NOMEM;
    } while (st == PS_STEP_OK);
    if (o->gantt)
        ps_gantt_finish(&gantt);
    char report[1024] = "";
    if (st == PS_STEP_STUCK)
        ps_engine_stuck(e, cli_lang, report, sizeof report);
    else if (st == PS_STEP_INTERRUPTED)
        snprintf(report, sizeof report, CLI_W(W_RUN_INTERRUPTED), (long long)ps_engine_now(e));
    else if (st == PS_STEP_FAILED)
        snprintf(report, sizeof report, CLI_W(W_RUN_LIVE_FAILED), ps_live_error(live, cli_lang));
    else if (st == PS_STEP_NOMEM)
        snprintf(report, sizeof report, CLI_W(W_RUN_NOMEM_AT), (long long)ps_engine_now(e));
    else if (st == PS_STEP_RUNAWAY && ps_engine_runaway(e))
        ps_engine_runaway_text(e, cli_lang, report, sizeof report);
    else if (st == PS_STEP_RUNAWAY) { /* the endless-run stop: --until sees further */
        char why[800];
        ps_engine_runaway_text(e, cli_lang, why, sizeof why);
        snprintf(report, sizeof report, "%s%s", why,
                 o->offers_until ? CLI_W(W_RUN_LARGER_UNTIL) : "");
    }
    if (live && ps_live_divergences(live))
        fprintf(stderr, CLI_W(W_RUN_DIVERGED), ps_live_divergences(live),
                ps_live_warning(live, cli_lang));
    w->end(stdout, &r, st, report);
    int rc = st == PS_STEP_DONE || st == PS_STEP_UNTIL ? EXIT_OK : EXIT_RUNTIME;
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, CLI_W(W_RUN_WRITE_FAILED), cli_strerror(errno));
        rc = EXIT_RUNTIME;
    } else if (report[0]) {
        fprintf(stderr, "procsim: %s\n", report);
    }
    ps_live_destroy(live); /* kills and reaps whatever is left */
    if (live && cli_interrupted()) { /* came as the run was ending */
        if (st != PS_STEP_INTERRUPTED) {
            snprintf(report, sizeof report, CLI_W(W_RUN_INTERRUPTED),
                     (long long)ps_engine_now(e));
            fprintf(stderr, "procsim: %s\n", report);
        }
        rc = EXIT_RUNTIME;
    }
    free(c.ev);
    free(c.op);
    free(c.items);
    free(r.kept);
    ps_gantt_fini(&gantt);
    ps_engine_destroy(e);
    return rc;
}

const writer *cli_writer(const char *name)
{
    if (!strcmp(name, "text"))
        return &writer_text;
    if (!strcmp(name, "csv"))
        return &writer_csv;
    if (!strcmp(name, "json"))
        return &writer_json;
    return NULL;
}

int cmd_run(int argc, char **argv)
{
    const char *path = NULL, *policy = NULL;
    char where[CLI_PATH_MAX]; /* a shipped NAME's file */
    const writer *w = &writer_text;
    int64_t until = -1, tick_ms = 0, quantum = 0;
    ps_policy chosen = PS_POLICY_FCFS;
    ps_error err;
    int tour = 0, live = 0, with_ops = 0, gantt = 0, help = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            help = 1;
        } else if (!strcmp(a, "--lang")) {
            if (cli_lang_option("run", i + 1 < argc ? argv[++i] : NULL))
                return EXIT_USAGE;
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            if (!(w = cli_writer(f))) {
                fprintf(stderr, CLI_W(W_RUN_UNKNOWN_FORMAT), f);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--until") && i + 1 < argc) {
            if (cli_int_option("run", a, argv[++i], 0, INT64_MAX, &until))
                return EXIT_USAGE;
        } else if (!strcmp(a, "--tick-ms") && i + 1 < argc) {
            if (cli_int_option("run", a, argv[++i], PS_TICK_MS_MIN, PS_TICK_MS_MAX, &tick_ms))
                return EXIT_USAGE;
        } else if (!strcmp(a, "--tour")) {
            tour = 1;
        } else if (!strcmp(a, "--live")) {
            live = 1;
        } else if (!strcmp(a, "--ops")) {
            with_ops = 1;
        } else if (!strcmp(a, "--gantt")) {
            gantt = 1;
        } else if (!strcmp(a, "--policy") && i + 1 < argc) {
            policy = argv[++i];
            if (ps_policy_parse(policy, &chosen, &quantum, &err)) {
                fprintf(stderr, CLI_W(W_RUN_POLICY_OPTION), ps_error_in(&err, cli_lang));
                return EXIT_USAGE;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, CLI_W(W_ANY_BAD_OPTION), "run", a, "run");
            return EXIT_USAGE;
        } else if (!path) {
            path = cli_scenario_path(a, where, sizeof where);
        } else {
            fprintf(stderr, CLI_W(W_RUN_ONE_AT_A_TIME), path, a);
            return EXIT_USAGE;
        }
    }
    if (help) /* after the loop: a --lang after --help still counts */
        return cli_help(stdout, "run");
    if (!path && !tour) {
        fprintf(stderr, CLI_W(W_RUN_WHICH), "run");
        cli_usage(stderr, "run");
        return EXIT_USAGE;
    }
    if (gantt && w == &writer_csv) {
        fputs(CLI_W(W_RUN_GANTT_CSV), stderr);
        return EXIT_USAGE;
    }
    ps_scenario *s = load(path, tour, &err);
    if (!s) {
        fprintf(stderr, "%s\n", ps_error_in(&err, cli_lang));
        cli_scenario_hint(stderr, path);
        return EXIT_USAGE;
    }
    char file_policy[64];
    cli_policy_label(s, file_policy, sizeof file_policy);
    if (policy && ps_scenario_set_policy(s, chosen, quantum, &err)) {
        fprintf(stderr, "%s\n", ps_error_in(&err, cli_lang));
        ps_scenario_destroy(s);
        return EXIT_USAGE;
    }
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    cli_sim o = {.until = until, .tick_ms = tick_ms, .live = live, .with_ops = with_ops,
                 .offers_until = 1, .gantt = gantt, .file_policy = policy ? file_policy : NULL};
    int rc = cli_simulate_with(s, w, &o);
    ps_scenario_destroy(s);
    return rc;
}

/* check takes --lang anywhere among its files: --lang and its value are
 * not files. */
int cmd_check(int argc, char **argv)
{
    int help = 0, nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help = 1;
        } else if (!strcmp(argv[i], "--lang")) {
            if (cli_lang_option("check", i + 1 < argc ? argv[++i] : NULL))
                return EXIT_USAGE;
        } else {
            nfiles++;
        }
    }
    if (help)
        return cli_help(stdout, "check");
    if (!nfiles) {
        fputs(CLI_W(W_CHECK_WHICH), stderr);
        cli_usage(stderr, "check");
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--lang")) {
            i++;
            continue;
        }
        ps_error err;
        char where[CLI_PATH_MAX];
        ps_scenario *s = ps_scenario_load_file_every_variant(
            cli_scenario_path(argv[i], where, sizeof where), &err); /* vary: too */
        if (!s) {
            fprintf(stderr, "%s\n", ps_error_in(&err, cli_lang));
            cli_scenario_hint(stderr, argv[i]);
            rc = EXIT_USAGE;
            continue;
        }
        printf(CLI_W(W_CHECK_OK), argv[i]);
        cli_visible(stdout, cli_title(s, cli_lang), PS_VISIBLE_LINE); /* whole, however long */
        printf(CLI_W(W_CHECK_OK_END), s->nprocs);
        ps_scenario_destroy(s);
    }
    return rc;
}
