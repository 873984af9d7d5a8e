/* lab_grid.c — the handout's grids from a lab's key (lab_grid.h): the
 * Gantt rows from a second run recorded by ps_gantt, the state rows from
 * the key's trace. */
#include <stdlib.h>
#include <string.h>

#include "procsim/gantt.h"
#include "procsim/lab_grid.h"

int64_t ps_lab_grid_end(const ps_lab_key *key)
{
    return ps_engine_now(key->e);
}

/* ran[] from a run of the key's scenario, stepped as the key's was (to
 * the end: DONE, or STUCK in a deadlock). */
static int gantt_rows(const ps_lab_key *key, ps_lab_grid *g)
{
    ps_engine *e = ps_engine_create(key->s);
    ps_gantt gantt = {0};
    int rc = -1;
    if (!e || ps_gantt_init(&gantt, e))
        goto done;
    ps_step_status st;
    do {
        st = ps_engine_step(e);
        ps_gantt_sample(&gantt);
    } while (st == PS_STEP_OK && !gantt.nomem);
    ps_gantt_finish(&gantt);
    if (st == PS_STEP_NOMEM || gantt.nomem)
        goto done;
    g->ncpu = gantt.ncpu;
    g->ran = calloc((size_t)g->ncpu * (size_t)(g->ticks ? g->ticks : 1), sizeof *g->ran);
    if (!g->ran)
        goto done;
    for (uint32_t c = 0; c < g->ncpu; c++)
        for (int64_t t = 0; t < g->ticks; t++)
            g->ran[c * g->ticks + t] = ps_gantt_at(&gantt, c, t);
    rc = 0;
done:
    ps_gantt_fini(&gantt);
    ps_engine_destroy(e);
    return rc;
}

/* state[] by walking the trace once: each transition sets its process's
 * state from its tick on (a later one in the same instant overrides). */
static int state_rows(const ps_lab_key *key, ps_lab_grid *g)
{
    size_t cells = (size_t)g->nprocs * (size_t)g->ticks;
    g->state = malloc(cells ? cells : 1);
    if (!g->state)
        return -1;
    memset(g->state, PS_NONE, cells);
    for (size_t i = 0; i < key->ntrace; i++) {
        const ps_trace_event *ev = &key->trace[i];
        if (ev->pid < 1 || ev->pid > g->nprocs || ev->time >= g->ticks)
            continue;
        uint8_t *row = g->state + (size_t)(ev->pid - 1) * (size_t)g->ticks;
        memset(row + ev->time, ev->to, (size_t)(g->ticks - ev->time));
    }
    return 0;
}

int ps_lab_grid_compute(const ps_lab_key *key, int64_t max_ticks, ps_lab_grid *g)
{
    memset(g, 0, sizeof *g);
    int64_t end = ps_lab_grid_end(key);
    g->ticks = end < max_ticks ? end : max_ticks;
    if (g->ticks < 0)
        g->ticks = 0;
    g->nprocs = key->s->nprocs;
    if (gantt_rows(key, g) || state_rows(key, g)) {
        ps_lab_grid_fini(g);
        return -1;
    }
    return 0;
}

void ps_lab_grid_fini(ps_lab_grid *g)
{
    free(g->ran);
    free(g->state);
    memset(g, 0, sizeof *g);
}
