/* gantt.c — which process each CPU ran when, recorded as slices by
 * sampling the engine after every step (`procsim run --gantt`, `procsim
 * compare`): where two schedules part, and the slices as JSON.  The chart
 * is drawn by gantt_draw.c. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---- recording ---------------------------------------------------------- */

int cli_gantt_init(cli_gantt *g, const ps_engine *e)
{
    *g = (cli_gantt){.e = e, .ncpu = ps_engine_ncpus(e), .end = -1};
    g->cpu = calloc(g->ncpu ? g->ncpu : 1, sizeof *g->cpu);
    if (!g->cpu) {
        g->nomem = 1;
        return -1;
    }
    return 0;
}

/* End t's open slice at `now`; one of no length is dropped, one that goes
 * on its predecessor (the same process again) joins it. */
static void close_open(cli_gantt *g, struct cli_track *t, int64_t now)
{
    if (now <= t->open.from)
        return;
    if (t->n && t->v[t->n - 1].pid == t->open.pid) {
        t->v[t->n - 1].to = now;
        return;
    }
    if (t->n == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 16;
        cli_slice *nv = realloc(t->v, ncap * sizeof *nv);
        if (!nv) {
            g->nomem = 1;
            return;
        }
        t->v = nv;
        t->cap = ncap;
    }
    t->v[t->n++] = (cli_slice){t->open.pid, t->open.from, now};
}

void cli_gantt_sample(cli_gantt *g)
{
    int64_t now = ps_engine_now(g->e);
    for (uint32_t c = 0; c < g->ncpu; c++) {
        struct cli_track *t = &g->cpu[c];
        uint32_t pid = ps_engine_cpu(g->e, c)->pid;
        if (pid == t->open.pid)
            continue;
        close_open(g, t, now);
        t->open = (cli_slice){pid, now, 0};
    }
}

void cli_gantt_finish(cli_gantt *g)
{
    g->end = ps_engine_now(g->e);
    for (uint32_t c = 0; c < g->ncpu; c++)
        close_open(g, &g->cpu[c], g->end);
}

void cli_gantt_fini(cli_gantt *g)
{
    for (uint32_t c = 0; g->cpu && c < g->ncpu; c++)
        free(g->cpu[c].v);
    free(g->cpu);
    g->cpu = NULL;
}

uint32_t cli_gantt_at(const cli_gantt *g, uint32_t c, int64_t t)
{
    if (c >= g->ncpu)
        return 0;
    const struct cli_track *k = &g->cpu[c];
    size_t lo = 0, hi = k->n;
    while (lo < hi) { /* the first slice that ends after t */
        size_t mid = lo + (hi - lo) / 2;
        if (k->v[mid].to <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < k->n && k->v[lo].from <= t ? k->v[lo].pid : 0;
}

/* The first tick of [0, stop) at which the two tracks differ, or -1. */
static int64_t tracks_differ(const struct cli_track *a, const struct cli_track *b, int64_t stop)
{
    size_t i = 0, j = 0;
    for (int64_t t = 0; t < stop;) {
        while (i < a->n && a->v[i].to <= t)
            i++;
        while (j < b->n && b->v[j].to <= t)
            j++;
        uint32_t pa = i < a->n ? a->v[i].pid : 0, pb = j < b->n ? b->v[j].pid : 0;
        if (pa != pb)
            return t;
        int64_t na = i < a->n ? a->v[i].to : INT64_MAX, nb = j < b->n ? b->v[j].to : INT64_MAX;
        t = na < nb ? na : nb;
    }
    return -1;
}

int64_t cli_gantt_differ(const cli_gantt *a, const cli_gantt *b, uint32_t *cpu)
{
    int64_t first = -1, stop = a->end > b->end ? a->end : b->end;
    uint32_t n = a->ncpu < b->ncpu ? a->ncpu : b->ncpu;
    for (uint32_t c = 0; c < n; c++) {
        int64_t t = tracks_differ(&a->cpu[c], &b->cpu[c], stop);
        if (t >= 0 && (first < 0 || t < first)) {
            first = t;
            *cpu = c;
        }
    }
    return first;
}

void cli_gantt_json(FILE *out, const cli_gantt *g)
{
    int first = 1;
    putc('[', out);
    for (uint32_t c = 0; c < g->ncpu; c++) {
        for (size_t i = 0; i < g->cpu[c].n; i++) {
            const cli_slice *s = &g->cpu[c].v[i];
            if (!s->pid)
                continue;
            fprintf(out, "%s{\"cpu\":%u,\"pid\":%u,\"name\":", first ? "" : ",", c, s->pid);
            cli_json_string(out, ps_engine_pcb(g->e, s->pid)->name);
            fprintf(out, ",\"from\":%lld,\"to\":%lld}", (long long)s->from, (long long)s->to);
            first = 0;
        }
    }
    putc(']', out);
}
