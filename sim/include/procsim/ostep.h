/* ostep.h — OSTEP's CPU homework programs, reproduced exactly.
 *
 * process-run.py, scheduler.py, mlfq.py and lottery.py (Arpaci-Dusseau,
 * "Operating Systems: Three Easy Pieces"; docs/ostep.md) take the same
 * flags here and print the same bytes, with the same exit status.  Their
 * workloads are not simulated on the side: each becomes a procsim scenario
 * (process-run under the ostep policy, scheduler under fcfs/sjf/rr, mlfq
 * under mlfq, lottery under lottery) that the engine runs, and the program's output is read off
 * the engine's transitions.  So the same workload can also be traced
 * (--format csv) and watched in the GUI.
 *
 * Nothing here prints or exits: what the Python program would write to
 * stdout goes to `out`, what it would write to stderr to `err`.
 */
#ifndef PROCSIM_OSTEP_H
#define PROCSIM_OSTEP_H

#include "procsim/out.h"
#include "procsim/scenario.h"

typedef enum ps_ostep_prog {
    PS_OSTEP_PROCESS_RUN,
    PS_OSTEP_SCHEDULER,
    PS_OSTEP_MLFQ,
    PS_OSTEP_LOTTERY,
    PS_OSTEP_COUNT
} ps_ostep_prog;

/* "process-run", "scheduler", "mlfq", "lottery" (a trailing ".py" is
 * allowed);
 * returns -1 for anything else. */
int ps_ostep_lookup(const char *name);
const char *ps_ostep_name(ps_ostep_prog prog);

/* Do what PROG.py does with arguments argv[0..argc): returns its exit
 * status (0; 1 for its input errors; 2 for bad options). */
int ps_ostep_run(ps_ostep_prog prog, int argc, char **argv, ps_out *out, ps_out *err);

/* The workload those arguments describe, as a scenario (destroy with
 * ps_scenario_destroy).  When the arguments are wrong, or ask for help,
 * writes what the program would and returns NULL with *status set to its
 * exit status; a workload procsim cannot express in ticks is an error with
 * status 1. */
ps_scenario *ps_ostep_scenario(ps_ostep_prog prog, int argc, char **argv, ps_out *out,
                               ps_out *err, int *status);

#endif
