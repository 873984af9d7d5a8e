/* ostep_scheduler.h — what the two halves of scheduler.py share
 * (library-internal): ostep_scheduler.c reads the arguments and prints,
 * ostep_scheduler_ticks.c turns Python float lengths into engine ticks. */
#ifndef PROCSIM_OSTEP_SCHEDULER_H
#define PROCSIM_OSTEP_SCHEDULER_H

#include <stdint.h>

#include "procsim/out.h"
#include "procsim/scenario.h"

#define SCRIPT "scheduler.py"
#define MAX_JOBS 1000000
#define MAX_SLICES 10000000 /* RR slices procsim will print */
/* The largest length in whole ticks: a scenario's tick count, the most the
 * engine runs an op for (longer lengths take the scale that keeps the
 * schedule, as negative or finer ones do). */
#define MAX_TICKS PS_SCENARIO_MAX_NUMBER

enum { P_FIFO, P_SJF, P_RR, P_OTHER };

typedef __int128 i128;

typedef struct sch_work {
    double *len;         /* job lengths as floats */
    i128 *ilen;          /* random jobs: the exact Python ints, else NULL */
    uint32_t n;
    int listed;          /* from -l: lengths print as Python floats */
    int policy, solve;
    char *policy_text;   /* -p as given */
    int64_t quantum;     /* -q, when it fits (else q_big) */
    double qd;           /* float(-q); inf: Python's OverflowError */
    int q_big;           /* -q is beyond int64 */
    int64_t *ticks;      /* each job's length in engine ticks */
    int64_t qticks;      /* the quantum in engine ticks */
    int exact;           /* ticks are 10^-digits seconds (else a scale) */
    int digits;
} sch_work;

/* The engine's ticks for the jobs (w->ticks, qticks, exact, digits; see
 * ostep_scheduler_ticks.c).  Returns 0, or 1 with a message on `err` when
 * procsim cannot reproduce the run. */
int ps__sch_ticks(sch_work *w, ps_out *err);

#endif
