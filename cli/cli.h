/* cli.h — the command-line front end's private interface: the commands
 * and the trace writers (text, csv, json) that `procsim run` drives. */
#ifndef PROCSIM_CLI_H
#define PROCSIM_CLI_H

#include <stdio.h>

#include "procsim/engine.h"

/* Exit statuses (DESIGN §5). */
enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

/* A trace writer.  `instant` is called after every engine step with the
 * transitions of that instant (in order); `end` once, with how the run
 * ended and, for a stuck run, the deadlock report. */
typedef struct writer {
    void (*begin)(FILE *out, const ps_engine *e);
    void (*instant)(FILE *out, const ps_engine *e, const ps_trace_event *ev, size_t n);
    void (*end)(FILE *out, const ps_engine *e, ps_step_status st, const char *stuck);
} writer;

extern const writer writer_text, writer_csv, writer_json;

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);

/* Shared by the writers: the process-statistics table values. */
const char *cli_state_short(ps_state s);

#endif
