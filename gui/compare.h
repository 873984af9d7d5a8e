/* compare.h — the compare view's model: one workload run under two to four
 * policies (`procsim gui FILE --compare fcfs,rr:4`), stepped on one clock.
 * No SDL: compare_view.c draws it, tests drive it.
 *
 * The clock.  Each instant of the view goes to the same next tick in every
 * run: the earliest next instant among the runs still going.  Only the
 * runs with something at that tick step; the others hold (what is on their
 * CPUs stays until their own next instant), and finished ones stay
 * finished.  So the tick shown is the same in every column, and a run's
 * Gantt chart is known up to it.  Step back re-runs every engine from the
 * start to one view instant earlier (the model is deterministic), as
 * gui_sim_back does.
 *
 * The divergence.  After every instant, each two runs' Gantt recorders
 * are compared (ps_gantt_differ: the first tick at which some CPU has a
 * different process, or is idle, under one policy than under the other);
 * the first of those is the first divergence overall.  A tick found is
 * never later than the clock, and once found it stays: it is the tick
 * `procsim compare` reports for the same workload and policies.
 */
#ifndef PROCSIM_GUI_COMPARE_H
#define PROCSIM_GUI_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "procsim/engine.h"
#include "procsim/gantt.h"
#include "procsim/scenario.h"
#include "procsim/stats.h"

#define GUI_CMP_MIN 2
#define GUI_CMP_MAX 4
/* The transitions of a run's latest instant kept (to light its arrows). */
#define GUI_CMP_LAST 32

typedef struct gui_cmp_run {
    char label[32];              /* the policy as --compare writes it: "rr:4" */
    ps_scenario *s;              /* the workload, its policy replaced */
    ps_engine *e;
    ps_gantt g;                  /* which process each CPU ran */
    ps_step_status st;           /* PS_STEP_OK while it goes on */
    ps_summary sum;              /* its averages, made once it has ended */
    ps_trace_event last[GUI_CMP_LAST]; /* its latest instant's transitions */
    int nlast;
    int64_t last_at;             /* that instant's tick, -1: none yet */
} gui_cmp_run;

typedef struct gui_cmp {
    size_t n;                    /* runs, GUI_CMP_MIN .. GUI_CMP_MAX */
    gui_cmp_run run[GUI_CMP_MAX];
    int64_t now;                 /* the tick shown in every column */
    uint32_t instants;           /* view instants taken since the start */
    int64_t pair[GUI_CMP_MAX][GUI_CMP_MAX]; /* first tick runs i, j differ; -1 */
    uint32_t pair_cpu[GUI_CMP_MAX][GUI_CMP_MAX]; /* on which CPU */
    int64_t first;               /* the first of them, -1: the same so far */
    uint32_t first_cpu;          /* its CPU (the lowest at that tick) */
    double wait;                 /* seconds until the next instant (pacing) */
    int nomem;
} gui_cmp;

/* Parse LIST ("fcfs,rr:4"): 2 to 4 comma-separated P[:Q] (ps_policy_parse).
 * 0 with *n policies, or -1 with why in err (for people: an unknown
 * policy, a bad quantum, one policy only, more than four, an empty item,
 * the same one twice), in `lang`. */
int gui_cmp_parse(const char *list, ps_policy *policy, int64_t *quantum, size_t *n,
                  ps_lang lang, char *err, size_t errsize);

/* Load the workload once per policy of LIST (from the file `path`; NULL:
 * the built-in tour; or from `text` when it is not NULL, named `name`),
 * each with its policy replaced (ps_scenario_set_policy, as procsim
 * compare does), and start every run at tick 0 with nothing yet done.
 * 0, or -1 with why in err ("FILE:LINE:COL: ..." for a scenario error,
 * else as gui_cmp_parse, or "mlq" without queues, two policies that are
 * the same here) in `lang`, and nothing left open. */
int gui_cmp_open(gui_cmp *c, const char *path, const char *text, size_t len, const char *name,
                 const char *list, ps_lang lang, char *err, size_t errsize);
void gui_cmp_close(gui_cmp *c);      /* accepts a closed one */

/* One view instant: every run still going to the next tick (above).
 * Returns 1 if the clock moved on, 0 if every run had already ended. */
int gui_cmp_step(gui_cmp *c);
/* Back one view instant (re-run from the start); -1 at the start or out
 * of memory (then c->nomem). */
int gui_cmp_back(gui_cmp *c);
/* Every run from the start again; -1 out of memory (c->nomem). */
int gui_cmp_restart(gui_cmp *c);
/* Every run has ended (done, stuck or run away). */
int gui_cmp_done(const gui_cmp *c);
/* Let `dt` seconds pass at `speed`: when it is time (and not paused) the
 * next instant happens.  The pause before an instant is as the window's
 * (a quarter second a skipped tick at 1x, 0.6 s to 2 s), over the speed. */
void gui_cmp_advance(gui_cmp *c, double dt, double speed, int paused);

/* The process on CPU cpu of run i during tick t (0: idle; past the clock:
 * not known yet, 0). */
uint32_t gui_cmp_at(const gui_cmp *c, size_t i, uint32_t cpu, int64_t t);
/* The CPUs of the workload (the same in every run). */
uint32_t gui_cmp_ncpus(const gui_cmp *c);

#endif
