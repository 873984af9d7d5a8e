/* lab_grid.h — the two grids a printed handout asks a student to fill,
 * and its key fills: who ran on each CPU in each tick (a Gantt chart, one
 * row per CPU), and each process's state in each tick (a state table, one
 * row per process).
 *
 * Column t is the tick from t to t + 1.  A process's state in it is the
 * one it is in just after the transitions of instant t, as the question
 * `state PROCESS at t` answers; the CPU's process is the one that holds
 * it through the tick (ps_gantt_at), so a dispatch that leaves within its
 * instant takes no column.  The columns run from 0 to the tick the key's
 * run ended at.
 *
 * Nothing here prints: cli/lab_html.c draws the grids. */
#ifndef PROCSIM_LAB_GRID_H
#define PROCSIM_LAB_GRID_H

#include <stdint.h>

#include "procsim/lab.h"

typedef struct ps_lab_grid {
    int64_t ticks;       /* columns: ticks 0 .. ticks - 1 */
    uint32_t ncpu;       /* Gantt rows */
    uint32_t nprocs;     /* state table rows, pid - 1 */
    uint32_t *ran;       /* ran[c * ticks + t]: the pid on CPU c in tick t, 0 idle */
    uint8_t *state;      /* state[(pid - 1) * ticks + t]: ps_state in tick t,
                            PS_NONE before the process is created */
} ps_lab_grid;

/* The grids of the key's run (the key must be computed, its scenario
 * alive): the Gantt chart comes from running the scenario again with a
 * recorder (the same run: the engine is deterministic), the states from
 * the key's trace.  At most `max_ticks` columns (the first ones).
 * Returns 0, or -1 out of memory (the grid is then empty; fini is safe). */
int ps_lab_grid_compute(const ps_lab_key *key, int64_t max_ticks, ps_lab_grid *g);
void ps_lab_grid_fini(ps_lab_grid *g);

/* The tick the key's run ended at: the grids' full width. */
int64_t ps_lab_grid_end(const ps_lab_key *key);

#endif
