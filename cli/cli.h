/* cli.h — the command-line front end's private interface: the commands
 * and the trace writers (text, csv, json) that `procsim run` drives. */
#ifndef PROCSIM_CLI_H
#define PROCSIM_CLI_H

#include <stdio.h>

#include "procsim/engine.h"
#include "procsim/live.h"

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
/* "--help" or "-h". */
int cli_is_help(const char *arg);

/* help.c: `procsim CMD --help` (cmd: "run", "gui", ...) and `procsim
 * --help`.  cli_help returns EXIT_OK; cli_usage writes only the synopsis
 * of CMD, for a usage error. */
int cli_help(FILE *out, const char *cmd);
void cli_usage(FILE *out, const char *cmd);
void cli_help_all(FILE *out);

/* What the writers see of a run: the engine, and in live mode the backend
 * (NULL in a model run). */
typedef struct run {
    const ps_engine *e;
    const ps_live *live;
    uint64_t rows;         /* transitions written so far (the writers') */
    int with_ops;          /* csv: op rows among the transitions (--ops) */
    ps_op_event *kept;     /* json: the op events, written after the trace */
    size_t nkept, capkept;
    int nomem;             /* a writer ran out of memory: the run stops */
} run;

/* One thing that happened in an instant: a transition (op NULL) or an op
 * event (tr NULL), in the order they happened. */
typedef struct cli_item {
    const ps_live_event *tr;
    const ps_op_event *op;
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
/* A writer by name ("text", "csv", "json"), NULL if there is none. */
const writer *cli_writer(const char *name);

/* The scenario's title, description and system in a few lines. */
void cli_describe(FILE *out, const ps_scenario *s, int ko); /* ko: in Korean if given */

/* Shared by the writers. */
const char *cli_state_short(ps_state s);
const char *cli_reporter_token(ps_reporter r);
/* A shared variable's final value: the real one in live mode. */
int64_t cli_variable(const run *r, uint32_t v);

#endif
