/* gantt.c — see procsim/gantt.h: which process each CPU ran, as slices,
 * recorded by sampling the engine after every step. */
#include "procsim/gantt.h"

#include <stdlib.h>
#include <string.h>

/* ---- recording ---------------------------------------------------------- */

int ps_gantt_init(ps_gantt *g, const ps_engine *e)
{
    *g = (ps_gantt){.e = e, .ncpu = ps_engine_ncpus(e), .end = -1};
    g->cpu = calloc(g->ncpu ? g->ncpu : 1, sizeof *g->cpu);
    if (!g->cpu) {
        g->nomem = 1;
        return -1;
    }
    return 0;
}

/* End t's open slice at `now`; one of no length is dropped, one that goes
 * on its predecessor (the same process again) joins it. */
static void close_open(ps_gantt *g, ps_gantt_track *t, int64_t now)
{
    if (now <= t->open.from)
        return;
    if (t->n && t->v[t->n - 1].pid == t->open.pid) {
        t->v[t->n - 1].to = now;
        return;
    }
    if (t->n == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 16;
        ps_slice *nv = realloc(t->v, ncap * sizeof *nv);
        if (!nv) {
            g->nomem = 1;
            return;
        }
        t->v = nv;
        t->cap = ncap;
    }
    t->v[t->n++] = (ps_slice){t->open.pid, t->open.from, now};
}

void ps_gantt_sample(ps_gantt *g)
{
    int64_t now = ps_engine_now(g->e);
    for (uint32_t c = 0; c < g->ncpu; c++) {
        ps_gantt_track *t = &g->cpu[c];
        uint32_t pid = ps_engine_cpu(g->e, c)->pid;
        if (pid == t->open.pid)
            continue;
        close_open(g, t, now);
        t->open = (ps_slice){pid, now, 0};
    }
}

void ps_gantt_finish(ps_gantt *g)
{
    g->end = ps_engine_now(g->e);
    for (uint32_t c = 0; c < g->ncpu; c++)
        close_open(g, &g->cpu[c], g->end);
}

void ps_gantt_fini(ps_gantt *g)
{
    for (uint32_t c = 0; g->cpu && c < g->ncpu; c++)
        free(g->cpu[c].v);
    free(g->cpu);
    g->cpu = NULL;
}

uint32_t ps_gantt_at(const ps_gantt *g, uint32_t c, int64_t t)
{
    if (c >= g->ncpu)
        return 0;
    const ps_gantt_track *k = &g->cpu[c];
    size_t lo = 0, hi = k->n;
    while (lo < hi) { /* the first slice that ends after t */
        size_t mid = lo + (hi - lo) / 2;
        if (k->v[mid].to <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < k->n)
        return k->v[lo].from <= t ? k->v[lo].pid : 0;
    return g->end < 0 && t >= k->open.from ? k->open.pid : 0; /* still running */
}

/* Track k's slice from index *i on that ends after t (skipping those that
 * end before): its pid and in *until its end; past the closed slices, the
 * open one while the run goes on (`open`), else idle for ever. */
static uint32_t slice_after(const ps_gantt_track *k, size_t *i, int64_t t, int open,
                            int64_t *until)
{
    while (*i < k->n && k->v[*i].to <= t)
        (*i)++;
    if (*i < k->n) {
        *until = k->v[*i].to;
        return k->v[*i].from <= t ? k->v[*i].pid : 0;
    }
    *until = INT64_MAX;
    return open && t >= k->open.from ? k->open.pid : 0;
}

/* The first tick of [0, stop) at which the two tracks differ, or -1. */
static int64_t tracks_differ(const ps_gantt *ga, const ps_gantt_track *a, const ps_gantt *gb,
                             const ps_gantt_track *b, int64_t stop)
{
    size_t i = 0, j = 0;
    for (int64_t t = 0; t < stop;) {
        int64_t na, nb;
        uint32_t pa = slice_after(a, &i, t, ga->end < 0, &na);
        uint32_t pb = slice_after(b, &j, t, gb->end < 0, &nb);
        if (pa != pb)
            return t;
        t = na < nb ? na : nb;
    }
    return -1;
}

int64_t ps_gantt_differ(const ps_gantt *a, const ps_gantt *b, uint32_t *cpu)
{
    /* a run still going is compared up to where it is */
    int64_t ea = a->end >= 0 ? a->end : ps_engine_now(a->e);
    int64_t eb = b->end >= 0 ? b->end : ps_engine_now(b->e);
    int64_t first = -1, stop = ea > eb ? ea : eb;
    uint32_t n = a->ncpu < b->ncpu ? a->ncpu : b->ncpu;
    for (uint32_t c = 0; c < n; c++) {
        int64_t t = tracks_differ(a, &a->cpu[c], b, &b->cpu[c], stop);
        if (t >= 0 && (first < 0 || t < first)) {
            first = t;
            *cpu = c;
        }
    }
    return first;
}

