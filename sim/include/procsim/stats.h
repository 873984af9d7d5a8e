/* stats.h — the statistics a course asks for, computed from the PCBs.
 *
 * Definitions (docs/engine.md): turnaround = finish - arrival; waiting =
 * time spent in Ready; response = first dispatch - arrival; blocked = time
 * in Blocked; suspended = time in Ready/Suspend + Blocked/Suspend, also
 * given apart (ready_suspended, blocked_suspended), as is the time in New
 * (new_time: waiting to be admitted).  For a
 * process that has not finished, times run up to now and finish,
 * turnaround (and first_run, response if never run) are -1.  CPU
 * utilisation is useful CPU ticks over cpus x the time from tick 0 to now;
 * throughput is finished processes per tick over the same span.
 */
#ifndef PROCSIM_STATS_H
#define PROCSIM_STATS_H

#include <stdint.h>

#include "procsim/engine.h"

typedef struct ps_proc_stats {
    uint32_t pid;
    const char *name;
    int created;              /* 0: never created (its parent never spawned it) */
    int64_t arrival, first_run, finish;
    int64_t turnaround, waiting, response;
    int64_t cpu, blocked, suspended;
    int64_t new_time, ready_suspended, blocked_suspended;
    uint32_t switches, swaps;
    int32_t exit_code, term_signal;
    int64_t acc;              /* register acc: sum of values received */
} ps_proc_stats;

typedef struct ps_summary {
    uint32_t processes, finished; /* processes: the scenario's; an observed
                                     engine's (trace) that were created */
    double avg_turnaround, avg_waiting; /* over finished processes */
    double avg_response;      /* over finished processes that ever ran */
    int64_t end;              /* now */
    double cpu_utilisation;   /* 0..1 */
    double throughput;        /* finished per tick */
    uint64_t transitions;
} ps_summary;

void ps_stats_proc(const ps_engine *e, uint32_t pid, ps_proc_stats *out);
void ps_stats_summary(const ps_engine *e, ps_summary *out);

#endif
