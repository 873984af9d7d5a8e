/* trace.c — `procsim trace -- COMMAND`: run a real program under the trace
 * (trace.h), hand what happened to a writer instant by instant, carry out
 * --events at their wall-clock times, and end with COMMAND's own exit
 * status (docs/trace.md).
 *
 * Where the trace goes: with -o FILE, into FILE as it happens, flushed at
 * every instant, so that a run cut short (even by SIGKILL of procsim)
 * keeps what it saw; without it, into memory, and to stdout once the
 * program has ended, after the program's own output.  The statistics
 * table follows on stdout when the trace went to a file (the text view
 * has it anyway). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "shipped.h"
#include "words.h"

#define CMD "trace"

static const char *const action_tokens[] = {"suspend", "resume", "kill"};

const char *cli_action_token(cli_action a)
{
    return action_tokens[a];
}

/* ---- reading the command line ------------------------------------------ */

/* "S" or "S.FFFFFF" (at most six decimals), 0 to 86400 seconds, in
 * microseconds; -1 if it is not that. */
static int parse_seconds(const char *text, size_t len, int64_t *us)
{
    char whole[16], frac[8] = "000000";
    size_t dot = strcspn(text, ".");
    if (dot > len)
        dot = len;
    size_t nfrac = dot < len ? len - dot - 1 : 0;
    if (!dot || dot >= sizeof whole || (dot < len && (!nfrac || nfrac > 6)))
        return -1;
    memcpy(whole, text, dot);
    whole[dot] = 0;
    memcpy(frac, text + dot + 1, nfrac);
    int64_t s, f;
    if (whole[0] == '-' || cli_parse_int(whole, 0, 86400, &s) ||
        (nfrac && (frac[0] == '-' || cli_parse_int(frac, 0, 999999, &f))))
        return -1;
    *us = s * 1000000 + (nfrac ? f : 0);
    return 0;
}

/* One SECONDS:ACTION:WHO of --events into *ev (who points into spec). */
static int parse_event(char *item, cli_trace_event *ev)
{
    char *c1 = strchr(item, ':');
    char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!c2 || !c2[1] || parse_seconds(item, (size_t)(c1 - item), &ev->at_us))
        return -1;
    *c2 = 0;
    for (size_t a = 0; a < sizeof action_tokens / sizeof action_tokens[0]; a++)
        if (!strcmp(c1 + 1, action_tokens[a])) {
            ev->action = (cli_action)a;
            ev->who = c2 + 1;
            return 0;
        }
    *c2 = ':';
    return -1;
}

/* --events SPEC into q->events, in order of time (the same time: as
 * given).  spec is modified (each WHO is cut out of it in place). */
static int parse_events(cli_trace_request *q, char *spec)
{
    size_t n = 1;
    for (const char *p = spec; *p; p++)
        n += *p == ',';
    cli_trace_event *ev = realloc(q->events, (q->nevents + n) * sizeof *ev);
    if (!ev) {
        fputs(CLI_W(W_ANY_NOMEM), stderr);
        return EXIT_RUNTIME;
    }
    q->events = ev;
    for (char *item = spec, *next; item; item = next) {
        next = strchr(item, ',');
        if (next)
            *next++ = 0;
        cli_trace_event e;
        if (parse_event(item, &e)) {
            fprintf(stderr, CLI_W(W_TRACE_EVENTS_WANT), item);
            return EXIT_USAGE;
        }
        size_t k = q->nevents++;
        while (k > 0 && ev[k - 1].at_us > e.at_us) {
            ev[k] = ev[k - 1];
            k--;
        }
        ev[k] = e;
    }
    return 0;
}

/* An option with a number: *v, or a usage error. */
static int number(const char *opt, const char *v, int64_t min, int64_t max, int64_t *out)
{
    return cli_int_option(CMD, opt, v, min, max, out) ? EXIT_USAGE : 0;
}

/* One option at argv[*i] (its value, if it has one, at argv[*i + 1]). */
static int option(cli_trace_request *q, int argc, char **argv, int *i, int *gui)
{
    const char *a = argv[*i];
    char *v = *i + 1 < argc ? argv[*i + 1] : NULL;
    int64_t n = 0;
    int rc = 0;
    if (!strcmp(a, "--gui"))
        return *gui = 1, 0;
    if (!strcmp(a, "--threads"))
        return q->o.threads_as_procs = 1, 0;
    if (!strcmp(a, "--no-ptrace"))
        return q->o.no_ptrace = 1, 0;
    static const char *const valued[] = {"--format", "-o", "--record", "--lang", "--events",
                                         "--cpus", "--sample-ms", "--max-procs", "--linger"};
    size_t k = 0;
    while (k < sizeof valued / sizeof valued[0] && strcmp(a, valued[k]))
        k++;
    if (k == sizeof valued / sizeof valued[0]) {
        fprintf(stderr, CLI_W(W_TRACE_UNKNOWN_OPTION), a);
        return EXIT_USAGE;
    }
    if (!v || !strcmp(v, "--")) {
        fprintf(stderr, CLI_W(W_TRACE_WANTS_VALUE), a);
        return EXIT_USAGE;
    }
    ++*i;
    if (!strcmp(a, "--format")) {
        if (!(q->w = cli_writer(v))) {
            fprintf(stderr, CLI_W(W_TRACE_UNKNOWN_FORMAT), v);
            return EXIT_USAGE;
        }
    } else if (!strcmp(a, "-o")) {
        q->out_path = v;
    } else if (!strcmp(a, "--record")) {
        q->record_path = v;
    } else if (!strcmp(a, "--lang")) {
        if (cli_lang_option(CMD, v))
            return EXIT_USAGE;
        q->lang = cli_lang;
        q->lang_given = 1;
    } else if (!strcmp(a, "--events")) {
        rc = parse_events(q, v);
    } else if (!strcmp(a, "--cpus")) {
        rc = number(a, v, 1, 1024, &n);
        q->o.cpus = (uint32_t)n;
    } else if (!strcmp(a, "--sample-ms")) {
        rc = number(a, v, 1, PS_TRACE_SAMPLE_MS_MAX, &q->o.sample_ms);
    } else if (!strcmp(a, "--max-procs")) {
        rc = number(a, v, 1, PS_TRACE_PROCS_LIMIT, &n);
        q->o.max_procs = (uint32_t)n;
    } else if (!strcmp(a, "--linger")) {
        rc = number(a, v, 0, 86400, &n);
        q->o.linger_ms = n ? n * 1000 : 1; /* 0 in the options is the default */
    }
    return rc;
}

/* The command line into q; 0, -1 (the help was asked for and shown), or
 * an exit status. */
static int parse(cli_trace_request *q, int argc, char **argv, int *gui)
{
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--"); i++) {
        if (cli_is_help(argv[i])) {
            cli_help(stdout, CMD);
            return -1;
        }
        if (argv[i][0] != '-' || !argv[i][1]) {
            fprintf(stderr, CLI_W(W_TRACE_NO_OPTION), argv[i], argv[i]);
            cli_usage(stderr, CMD);
            return EXIT_USAGE;
        }
        int rc = option(q, argc, argv, &i, gui);
        if (rc)
            return rc;
    }
    if (i >= argc || i + 1 >= argc) {
        fputs(i >= argc ? CLI_W(W_TRACE_WHICH) : CLI_W(W_TRACE_NOTHING_AFTER), stderr);
        cli_usage(stderr, CMD);
        return EXIT_USAGE;
    }
    q->o.argv = argv + i + 1;
    return 0;
}

/* ---- collecting what happened ------------------------------------------ */

/* A transition or a note (with a copy of its text), in the order they came. */
typedef struct entry {
    int is_note;
    ps_live_event tr;
    ps_trace_note note;
} entry;

typedef struct collector {
    entry *v;
    size_t n, cap;
    cli_item *items;
    size_t capitems;
    ps_trace_recorder *rec;
    int nomem;
} collector;

static entry *push(collector *c)
{
    if (c->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 256;
        entry *nv = realloc(c->v, ncap * sizeof *nv);
        if (!nv) {
            c->nomem = 1;
            return NULL;
        }
        c->v = nv;
        c->cap = ncap;
    }
    return &c->v[c->n++];
}

static void on_transition(void *ctx, const ps_live_event *ev)
{
    collector *c = ctx;
    entry *e = push(c);
    if (e)
        *e = (entry){.tr = *ev};
    if (c->rec && ps_trace_recorder_add(c->rec, ev))
        c->nomem = 1;
}

static void on_note(void *ctx, const ps_trace_note *n)
{
    collector *c = ctx;
    if (n->kind == PS_TN_OUTPUT) /* the program's own output: never in the trace */
        return;
    char *text = malloc(n->len + 1);
    entry *e = text ? push(c) : NULL;
    if (!e) {
        free(text);
        c->nomem = 1;
        return;
    }
    memcpy(text, n->text, n->len);
    text[n->len] = 0;
    *e = (entry){.is_note = 1, .note = *n};
    e->note.text = text;
    if (n->kind == PS_TN_WARNING)
        e->is_note = 2; /* said on stderr too, when written */
}

/* Hand what was collected to the writer, an instant (one time) at a time,
 * and forget it. */
static void flush(collector *c, const writer *w, FILE *out, run *r, ps_trace *t)
{
    if (c->n > c->capitems) {
        cli_item *ni = realloc(c->items, c->n * sizeof *ni);
        if (!ni) {
            c->nomem = 1;
            return;
        }
        c->items = ni;
        c->capitems = c->n;
    }
    for (size_t i = 0; i < c->n; i++) {
        entry *e = &c->v[i];
        c->items[i] = e->is_note ? (cli_item){.note = &e->note} : (cli_item){.tr = &e->tr};
        if (e->is_note == 2) {
            char words[512];
            fprintf(stderr, CLI_W_IN(W_TRACE_MESSAGE, r->lang), /* its words begin "warning: " */
                    ps_trace_note_format(t, &e->note, r->lang, words, sizeof words));
        }
    }
    for (size_t i = 0, j; i < c->n; i = j) {
        int64_t time = c->v[i].is_note ? c->v[i].note.time : c->v[i].tr.ev.time;
        for (j = i + 1; j < c->n; j++)
            if ((c->v[j].is_note ? c->v[j].note.time : c->v[j].tr.ev.time) != time)
                break;
        w->instant(out, r, c->items + i, j - i);
    }
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].is_note)
            free((char *)c->v[i].note.text);
    c->n = 0;
}

/* ---- the events of --events -------------------------------------------- */

/* The slot WHO names now: a real pid if it is one, else a name. */
static uint32_t find_who(const ps_trace *t, const char *who)
{
    int64_t pid;
    if (!cli_parse_int(who, 1, INT32_MAX, &pid))
        return ps_trace_find(t, (pid_t)pid);
    return ps_trace_find_name(t, who);
}

static void carry_out(ps_trace *t, const cli_trace_event *ev)
{
    uint32_t slot = find_who(t, ev->who);
    const char *act = cli_action_token(ev->action);
    double at = (double)ev->at_us / 1e6;
    if (!slot) {
        fprintf(stderr, CLI_W(W_TRACE_NO_PROCESS), at, ev->who, act);
        return;
    }
    int rc = ev->action == CLI_ACT_SUSPEND  ? ps_trace_suspend(t, slot)
             : ev->action == CLI_ACT_RESUME ? ps_trace_resume(t, slot)
                                            : ps_trace_kill(t, slot);
    if (rc && ev->action == CLI_ACT_RESUME)
        fprintf(stderr, CLI_W(W_TRACE_COULD_NOT_RESUME), at, act, ev->who);
    else if (rc)
        fprintf(stderr, CLI_W(W_TRACE_COULD_NOT), at, act, ev->who);
}

/* How long the next poll may wait: until the next sample, or the next
 * event of --events if that comes first. */
static int64_t timeout_ns(const ps_trace *t, const cli_trace_request *q, size_t next)
{
    int64_t due = ps_trace_due_ns(t);
    if (next < q->nevents) {
        int64_t ev = (q->events[next].at_us - ps_trace_wall_us(t)) * 1000;
        if (ev < due)
            due = ev;
    }
    return due < 0 ? 0 : due;
}

/* ---- the run ----------------------------------------------------------- */

/* --record: the scenario of the run, into its file f (opened, and so
 * found writable, before the run), which it closes. */
static int write_record(const collector *c, const ps_trace *t, const char *path, FILE *f)
{
    size_t len;
    char *yaml = ps_trace_recorder_yaml(c->rec, t, &len);
    if (!yaml) {
        fputs(CLI_W(W_TRACE_RECORD_NOMEM), stderr);
        fclose(f);
        return -1;
    }
    int bad = fwrite(yaml, 1, len, f) != len;
    if (fclose(f))
        bad = 1;
    free(yaml);
    if (bad)
        fprintf(stderr, CLI_W(W_TRACE_RECORD_WRITE), path, cli_strerror(errno));
    return bad ? -1 : 0;
}

/* What the run's end says, and the exit status it makes. */
static int ending(ps_trace *t, ps_step_status st, char *report, size_t size)
{
    int code = 0, signo = 0;
    switch (st) {
    case PS_STEP_DONE:
        ps_trace_exit(t, &code, &signo);
        return signo ? 128 + signo : code;
    case PS_STEP_INTERRUPTED:
        snprintf(report, size, CLI_W(W_TRACE_REPORT_INTERRUPTED),
                 (long long)ps_engine_now(ps_trace_engine(t)));
        return EXIT_RUNTIME;
    case PS_STEP_NOMEM:
        snprintf(report, size, CLI_W(W_TRACE_REPORT_NOMEM),
                 (long long)ps_engine_now(ps_trace_engine(t)));
        return EXIT_RUNTIME;
    case PS_STEP_FAILED:
        snprintf(report, size, CLI_W(W_TRACE_REPORT_FAILED), ps_trace_error(t, cli_lang));
        return EXIT_RUNTIME;
    case PS_STEP_OK:
    case PS_STEP_UNTIL:
    case PS_STEP_STUCK:
    case PS_STEP_RUNAWAY:
        break;
    }
    snprintf(report, size, CLI_W(W_TRACE_REPORT_UNEXPECTED), (int)st);
    return EXIT_RUNTIME;
}

/* Copy a memory stream's bytes to stdout. */
static void to_stdout(char *buf, size_t len)
{
    if (buf && len)
        fwrite(buf, 1, len, stdout);
    free(buf);
}

/* Poll the trace until it ends, carrying out --events when they are due
 * and writing (and flushing) each instant as it comes. */
static ps_step_status follow(ps_trace *t, const cli_trace_request *q, collector *c, run *r,
                             FILE *out)
{
    ps_step_status st;
    size_t next = 0;
    do {
        st = ps_trace_poll(t, timeout_ns(t, q, next));
        for (; st == PS_STEP_OK && next < q->nevents &&
               q->events[next].at_us <= ps_trace_wall_us(t); next++)
            carry_out(t, &q->events[next]);
        flush(c, q->w, out, r, t);
        fflush(out);
        if (c->nomem || r->nomem)
            st = PS_STEP_NOMEM;
    } while (st == PS_STEP_OK);
    return st;
}

static void forget(collector *c, run *r)
{
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i].words);
    free(r->notes);
    free(r->kept);
    free(c->v);
    free(c->items);
    ps_trace_recorder_destroy(c->rec);
}

static int trace_run(cli_trace_request *q)
{
    collector c = {0};
    char command[512], report[1024] = "";
    char *mem = NULL, *tail = NULL;
    size_t memlen = 0, taillen = 0;
    ps_error err;
    if (q->record_path && !(c.rec = ps_trace_recorder_create())) {
        fputs(CLI_W(W_ANY_NOMEM), stderr);
        return EXIT_RUNTIME;
    }
    /* both files are opened before COMMAND runs: a path that cannot be
     * written is said at once, not after the program has run for nothing */
    FILE *out = q->out_path ? fopen(q->out_path, "w") : open_memstream(&mem, &memlen);
    FILE *recf = out && q->record_path ? fopen(q->record_path, "w") : NULL;
    ps_trace *t = NULL;
    if (!out || (q->record_path && !recf)) {
        fprintf(stderr, CLI_W(W_TRACE_CANNOT_WRITE), out ? "--record: " : "",
                out             ? q->record_path
                : q->out_path   ? q->out_path
                                : CLI_W(W_TRACE_TO_MEMORY),
                cli_strerror(errno));
    } else if (!(t = ps_trace_start(&q->o, &err))) {
        fprintf(stderr, CLI_W(W_TRACE_MESSAGE), ps_error_in(&err, cli_lang));
    }
    if (!t) {
        if (out)
            fclose(out);
        if (recf)
            fclose(recf);
        free(mem);
        ps_trace_recorder_destroy(c.rec);
        return EXIT_RUNTIME;
    }
    cli_hold_interrupts();
    ps_trace_set_listener(t, on_transition, &c);
    ps_trace_set_note_listener(t, on_note, &c);
    ps_trace_command(t, command, sizeof command);
    run r = {.e = ps_trace_engine(t), .trace = t, .command = command, .lang = q->lang};
    q->w->begin(out, &r);
    fflush(out);
    ps_step_status st = follow(t, q, &c, &r, out);
    int rc = ending(t, st, report, sizeof report);
    q->w->end(out, &r, st, report);
    if (fflush(out) || ferror(out)) {
        fprintf(stderr, CLI_W(W_TRACE_WRITE_TRACE), cli_strerror(errno));
        rc = EXIT_RUNTIME;
    }
    FILE *stats = open_memstream(&tail, &taillen);
    if (stats && q->out_path)
        cli_stats(stats, &r);
    if (stats)
        fclose(stats);
    if (c.rec && write_record(&c, t, q->record_path, recf))
        rc = EXIT_RUNTIME;
    ps_trace_destroy(t); /* kills and reaps whatever of the tree is left */
    if (fclose(out) && q->out_path) {
        fprintf(stderr, CLI_W(W_TRACE_WRITE_FILE), q->out_path, cli_strerror(errno));
        rc = EXIT_RUNTIME;
    }
    to_stdout(mem, memlen);
    to_stdout(tail, taillen);
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, CLI_W(W_TRACE_WRITE_OUTPUT), cli_strerror(errno));
        rc = EXIT_RUNTIME;
    }
    if (st != PS_STEP_INTERRUPTED && report[0])
        fprintf(stderr, CLI_W(W_TRACE_MESSAGE), report);
    if (st == PS_STEP_INTERRUPTED || cli_interrupted()) /* the latter: as the run was ending */
        fputs(CLI_W(W_TRACE_INTERRUPTED_LINE), stderr);
    if (cli_interrupted())
        rc = EXIT_RUNTIME;
    forget(&c, &r);
    return rc;
}

int cmd_trace(int argc, char **argv)
{
    cli_trace_request q = {.w = &writer_text, .lang = cli_lang};
    char hook[CLI_PATH_MAX];
    int gui = 0;
    int rc = parse(&q, argc, argv, &gui);
    if (!rc)
        rc = cli_trace_check(&q);
    if (!rc) {
        /* the hook that reports Process.name: shipped (shipped.h), or
         * none when PROCSIM_PYHOOK_DIR is set empty */
        const char *env = getenv("PROCSIM_PYHOOK_DIR");
        if (!(env && !env[0]) && !cli_data_dir(CLI_DATA_PYHOOK, hook, sizeof hook))
            q.o.python_hook_dir = hook;
        if (gui) {
            q.o.capture_output = 1;
            rc = cli_trace_gui(&q);
        } else {
            rc = trace_run(&q);
        }
    }
    free(q.events);
    return rc < 0 ? EXIT_OK : rc;
}
