/* cli.h — the command-line front end's private interface: the commands
 * and the trace writers (text, csv, json) that `procsim run` drives. */
#ifndef PROCSIM_CLI_H
#define PROCSIM_CLI_H

#include <stdio.h>

#include "procsim/engine.h"
#include "procsim/gantt.h"
#include "procsim/live.h"
#include "procsim/trace.h"

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

/* A numeric macro's value as a string literal (for the usage texts). */
#define CLI_DECIMAL_(n) #n
#define CLI_DECIMAL(n) CLI_DECIMAL_(n)

/* args.c: the one reader of numbers on the command line.  `text` is an
 * optional '-' and decimal digits, nothing else (no spaces, '+', exponent
 * or trailing junk), within int64 and within [min, max]: then *out gets it
 * and the result is 0; otherwise -1 and *out is untouched. */
int cli_parse_int(const char *text, int64_t min, int64_t max, int64_t *out);
/* The same for the value of option `opt` of `procsim cmd`; on -1 it has
 * said on stderr "procsim CMD: OPT wants a whole number from MIN to MAX,
 * got 'TEXT'" (the caller exits with EXIT_USAGE). */
int cli_int_option(const char *cmd, const char *opt, const char *text, int64_t min,
                   int64_t max, int64_t *out);
/* strerror(err) in cli_lang: the common errors of files and commands in
 * Korean, any other as the C library says it. */
const char *cli_strerror(int err);
/* "--help" or "-h". */
int cli_is_help(const char *arg);

/* The language of everything procsim writes for people (tokens, names,
 * numbers and FILE:LINE:COL stay as they are): the locale's
 * (ps_lang_from_locale) until a command's --lang says otherwise.
 * cli_lang_init reads the locale (main, before any command);
 * cli_lang_option takes the value of a command's --lang (NULL when none
 * followed it): 0 and cli_lang set, or -1 having said why on stderr
 * (EXIT_USAGE). */
extern ps_lang cli_lang;
extern int cli_lang_given;   /* --lang was given (else the locale decided) */
void cli_lang_init(void);
/* Before a command reads its arguments, a valid `--lang en|ko` among
 * them (before any "--") sets cli_lang: its usage errors and --help, even
 * those met before --lang, are in that language.  The command still reads
 * --lang itself (and reports a bad value). */
void cli_lang_prescan(int argc, char **argv);
int cli_lang_option(const char *cmd, const char *value);

/* help.c: `procsim CMD --help` (cmd: "run", "gui", ...) and `procsim
 * --help`.  cli_help returns EXIT_OK; cli_usage writes only the synopsis
 * of CMD, for a usage error. */
int cli_help(FILE *out, const char *cmd);
void cli_usage(FILE *out, const char *cmd);
void cli_help_all(FILE *out);

/* A note kept for the JSON writer until the trace array is closed: the
 * note with its text in words (ps_trace_note_format, English). */
typedef struct cli_kept_note {
    ps_trace_note n;
    char *words;
} cli_kept_note;

/* gantt.c, gantt_draw.c: a run's Gantt slices (procsim/gantt.h) drawn as
 * a text chart (docs/compare.md says how it scales) and written as JSON. */
/* Draw the n charts on one time axis (the same tick at the same column
 * in each), each CPU's row labelled with labels[i] (may be NULL or "");
 * a header line first in `lang`. */
void cli_gantt_draw(FILE *out, const ps_gantt *const *g, const char *const *labels, size_t n,
                    ps_lang lang);
/* The busy slices as a JSON array of {cpu, pid, name, from, to}, CPU by
 * CPU, in time order. */
void cli_gantt_json(FILE *out, const ps_gantt *g);

/* cells.c: terminal columns of UTF-8 text (a Hangul syllable takes two).
 * cli_width: the columns of `s`; cli_fit: the characters of `s` that fit
 * in `width` columns into buf (size bytes, NUL-terminated), returning
 * their columns; cli_cell: `s` in at most `width` columns, cut at a
 * character, then (pad) spaces up to `width`; cli_pad: all of `s`, then
 * spaces up to `width` (printf's "%-12s" counts bytes). */
int cli_width(const char *s);
int cli_fit(const char *s, int width, char *buf, size_t size);
void cli_cell(FILE *out, const char *s, int width, int pad);
void cli_pad(FILE *out, const char *s, int width);

/* out_json.c: `s` as a JSON string. */
void cli_json_string(FILE *out, const char *s);

/* What the writers see of a run: the engine, and in live mode the backend
 * (NULL in a model run), in trace mode the trace (NULL otherwise). */
typedef struct run {
    const ps_engine *e;
    const ps_live *live;
    const ps_trace *trace;
    const char *command;   /* trace: COMMAND and its arguments, for people */
    ps_lang lang;          /* trace: the text view's language (run: English) */
    cli_kept_note *notes;  /* json, trace: the notes, written after the trace */
    size_t nnotes, capnotes;
    uint64_t rows;         /* transitions written so far (the writers') */
    int with_ops;          /* csv: op rows among the transitions (--ops) */
    ps_op_event *kept;     /* json: the op events, written after the trace */
    size_t nkept, capkept;
    int nomem;             /* a writer ran out of memory: the run stops */
    const ps_gantt *gantt; /* run --gantt: text and json draw it at the end */
    const char *file_policy; /* run --policy: the file's own policy as
                                "rr:4" (NULL: not overridden) */
} run;

/* One thing that happened in an instant: a transition, an op event or (in
 * trace mode) a note, the other two NULL, in the order they happened.
 * Notes of kind PS_TN_OUTPUT are never handed to a writer. */
typedef struct cli_item {
    const ps_live_event *tr;
    const ps_op_event *op;
    const ps_trace_note *note;
} cli_item;

/* A trace writer.  `instant` is called after every step with what
 * happened in that instant (in order; in a model run the live fields are
 * zero); `end` once, with how the run ended and a report (the deadlock,
 * or why a live run failed). */
typedef struct writer {
    void (*begin)(FILE *out, const run *r);
    void (*instant)(FILE *out, run *r, const cli_item *it, size_t n);
    void (*end)(FILE *out, const run *r, ps_step_status st, const char *report);
} writer;

extern const writer writer_text, writer_csv, writer_json;

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_ostep(int argc, char **argv);
int cmd_lab(int argc, char **argv);
int cmd_grade(int argc, char **argv);
int cmd_gui(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_compare(int argc, char **argv);
/* Was this procsim built with the window (gui.c: 1, nogui.c: 0)? */
int cli_has_window(void);
/* Can `procsim` alone open its window here?  If not, why not. */
int cli_window_available(void);
const char *cli_no_window_reason(void);

/* Run scenario `s` to the end (or `until`, -1: no limit), writing the trace
 * with `w` to stdout; live_mode with real processes; offers_until: the
 * command has --until, so a run stopped as endless suggests it.  Returns
 * the exit status. */
int cli_simulate(const ps_scenario *s, const writer *w, int64_t until, int live_mode,
                 int64_t tick_ms, int with_ops, int offers_until);
/* The same with what only `procsim run` asks for: a Gantt chart at the
 * end (gantt), the policy the file gave before --policy replaced it
 * (file_policy, NULL: not replaced). */
typedef struct cli_sim {
    int64_t until, tick_ms;
    int live, with_ops, offers_until, gantt;
    const char *file_policy;
} cli_sim;
int cli_simulate_with(const ps_scenario *s, const writer *w, const cli_sim *o);
/* A policy with its quantum as `--policy` takes it ("rr:4", "fcfs"): the
 * quantum only for a policy that has one. */
void cli_policy_label(const ps_scenario *s, char *buf, size_t size);
/* A writer by name ("text", "csv", "json"), NULL if there is none. */
const writer *cli_writer(const char *name);

/* The scenario's title in `lang`: title_ko in Korean when it has one. */
const char *cli_title(const ps_scenario *s, ps_lang lang);
/* The scenario's title, description and system in a few lines. */
void cli_describe(FILE *out, const ps_scenario *s, int ko); /* ko: in Korean if given */

/* What `procsim trace` was asked to do (trace.c reads it from the command
 * line; the window takes it as it is). */
typedef enum { CLI_ACT_SUSPEND, CLI_ACT_RESUME, CLI_ACT_KILL } cli_action;
typedef struct cli_trace_event {
    int64_t at_us;         /* wall-clock microseconds after the start */
    cli_action action;
    const char *who;       /* a process name, or a real pid in decimal */
} cli_trace_event;
typedef struct cli_trace_request {
    ps_trace_options o;
    const writer *w;
    const char *out_path;      /* -o FILE, NULL: stdout after the run */
    const char *record_path;   /* --record FILE.yaml, NULL: none */
    cli_trace_event *events;   /* --events, in order of time */
    size_t nevents;
    ps_lang lang;
    int lang_given;            /* --lang was given (else the window's: the locale) */
} cli_trace_request;
/* `procsim trace --gui`: the window on the trace (gui.c); nogui.c says
 * this procsim has no window.  Returns the exit status. */
int cli_trace_gui(const cli_trace_request *q);
/* trace_check.c: before COMMAND starts, --cpus within the CPUs procsim
 * may use (else EXIT_USAGE) and COMMAND there and executable (else 127 or
 * 126, as a shell says); 0 if both are, else it has said why on stderr
 * and returns the exit status. */
int cli_trace_check(const cli_trace_request *q);
/* The action of an --events entry as its token ("suspend"). */
const char *cli_action_token(cli_action a);

/* out_text.c: the statistics table, the averages and the final values of
 * the shared objects, as `procsim run` ends its text view (trace mode:
 * only the slots that were used). */
void cli_stats(FILE *out, const run *r);

/* Shared by the writers. */
const char *cli_state_short(ps_state s);
const char *cli_reporter_token(ps_reporter r);
/* Has the writer a real process behind each transition (live or trace)? */
int cli_real(const run *r);
/* Is slot pid one to show: every one in a model or live run, those
 * created in a trace (whose unused slots are placeholders). */
int cli_shown(const run *r, uint32_t pid);
/* A shared variable's final value: the real one in live mode. */
int64_t cli_variable(const run *r, uint32_t v);


/* run.c: live and trace runs.  A backend holds SIGINT, SIGTERM, SIGHUP
 * and SIGQUIT while it exists and gives the mask back when destroyed; call
 * cli_hold_interrupts once it holds them, and from then on one of them
 * (a second Ctrl-C during the clean-up) is noted, not deadly: the command
 * finishes cleaning up, and cli_interrupted says it came, so that it exits
 * 1 as for the first (docs/live.md). */
void cli_hold_interrupts(void);
int cli_interrupted(void);

#endif
