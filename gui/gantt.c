/* gantt.c — see gantt.h: the Gantt chart's axis, view window, lanes and
 * geometry, with no SDL. */
#include "gantt.h"

#include <stdio.h>
#include <stdlib.h>

int gui_gantt_reserve(gui_gantt *m, uint32_t n)
{
    if (n <= m->cap && m->row_of)
        return 0;
    uint32_t *row_of = realloc(m->row_of, (n ? n : 1) * sizeof *row_of);
    if (row_of)
        m->row_of = row_of;
    uint8_t *state = realloc(m->state, (n ? n : 1) * sizeof *state);
    if (state)
        m->state = state;
    int64_t *since = realloc(m->since, (n ? n : 1) * sizeof *since);
    if (since)
        m->since = since;
    if (!row_of || !state || !since)
        return -1;
    m->cap = n;
    return 0;
}

void gui_gantt_fini(gui_gantt *m)
{
    free(m->row_of);
    free(m->state);
    free(m->since);
    *m = (gui_gantt){0};
}

void gui_gantt_reset(gui_gantt *m)
{
    m->span = m->t0 = 0;
    m->back = 0;
}

/* ---- the axis and the view window --------------------------------------- */

int64_t gui_gantt_step(double px_per_tick, double min_px)
{
    static const int64_t mant[] = {1, 2, 5};
    if (px_per_tick <= 0)
        return 1;
    for (int64_t mag = 1;; mag *= 10)
        for (int i = 0; i < 3; i++)
            if ((double)(mant[i] * mag) * px_per_tick >= min_px || mag >= INT64_MAX / 50)
                return mant[i] * mag;
}

static double whole(int64_t now)
{
    return now + 1 < GUI_GANTT_MIN_WHOLE ? GUI_GANTT_MIN_WHOLE : (double)(now + 1);
}

/* Zoomed to m->span and following: the first tick shown. */
static double follow_t0(const gui_gantt *m, int64_t now)
{
    double t0 = (double)now - GUI_GANTT_FOLLOW_AT * m->span;
    return t0 > 0 ? t0 : 0;
}

void gui_gantt_window(const gui_gantt *m, int64_t now, double *t0, double *t1)
{
    if (m->span <= 0 || m->span >= whole(now)) {
        *t0 = 0;
        *t1 = whole(now);
        return;
    }
    double f = follow_t0(m, now);
    *t0 = m->back && m->t0 < f ? m->t0 : f;
    *t1 = *t0 + m->span;
}

void gui_gantt_whole(const ps_gantt *g, int64_t now, double *t0, double *t1)
{
    *t0 = 0;
    *t1 = g->end > 0 ? (double)g->end : whole(now);
}

void gui_gantt_zoom(gui_gantt *m, double factor, double at, int64_t now)
{
    double t0, t1;
    gui_gantt_window(m, now, &t0, &t1);
    double span = (t1 - t0) * factor;
    if (span < GUI_GANTT_MIN_SPAN)
        span = GUI_GANTT_MIN_SPAN;
    if (span >= whole(now)) {
        gui_gantt_reset(m);
        return;
    }
    /* from the whole run: at the mouse; zoomed: where the user looks (the
       playhead when following) */
    int following = m->span > 0 && !m->back;
    double frac = t1 > t0 ? (at - t0) / (t1 - t0) : 0;
    m->span = span;
    if (following)
        return;
    m->t0 = at - frac * span;
    m->back = 1;
    gui_gantt_scroll(m, 0, now); /* clamped, following if it reaches now */
}

void gui_gantt_scroll(gui_gantt *m, double ticks, int64_t now)
{
    if (m->span <= 0 || m->span >= whole(now))
        return;
    double f = follow_t0(m, now), t0 = (m->back ? m->t0 : f) + ticks;
    if (t0 < 0)
        t0 = 0;
    m->back = t0 < f;
    m->t0 = m->back ? t0 : 0;
}

/* ---- the lanes ---------------------------------------------------------- */

void gui_gantt_cpu_each(const ps_gantt *g, uint32_t c, int64_t now, double t0, double t1,
                        gui_gantt_slice_fn *fn, void *ctx)
{
    if (c >= g->ncpu)
        return;
    const ps_gantt_track *k = &g->cpu[c];
    size_t lo = 0, hi = k->n;
    while (lo < hi) { /* the first slice that ends after t0 */
        size_t mid = lo + (hi - lo) / 2;
        if ((double)k->v[mid].to <= t0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < k->n && (double)k->v[i].from < t1; i++)
        fn(ctx, c, k->v[i]);
    if (g->end < 0 && now > k->open.from && (double)k->open.from < t1 && (double)now > t0)
        fn(ctx, c, (ps_slice){k->open.pid, k->open.from, now});
}

uint32_t gui_gantt_rows(gui_gantt *m, const gui_sim *g)
{
    uint32_t n = g->e ? ps_engine_nprocs(g->e) : 0, rows = 0;
    for (uint32_t pid = 1; pid <= n && pid <= m->cap; pid++)
        m->row_of[pid - 1] =
            !g->trace_mode || ps_engine_pcb(g->e, pid)->created ? rows++ : UINT32_MAX;
    return rows;
}

void gui_gantt_proc_each(gui_gantt *m, const gui_sim *g, double t0, double t1,
                         gui_gantt_bar_fn *fn, void *ctx)
{
    uint32_t n = g->e ? ps_engine_nprocs(g->e) : 0;
    if (n > m->cap)
        n = m->cap;
    int64_t now = g->e ? ps_engine_now(g->e) : 0;
    for (uint32_t pid = 1; pid <= n; pid++)
        m->state[pid - 1] = PS_NONE;
    /* one pass over the history: a stretch ends where the next state
       begins; then every process's last one ends now */
    for (size_t i = 0; i <= g->nlog; i++) {
        const gui_tr *t = i < g->nlog ? &g->log[i] : NULL;
        uint32_t first = t ? t->ev.pid : 1, last = t ? t->ev.pid : n;
        for (uint32_t pid = first; pid <= last && pid <= n; pid++) {
            if (m->row_of[pid - 1] == UINT32_MAX)
                continue;
            ps_state st = (ps_state)m->state[pid - 1];
            int64_t since = m->since[pid - 1], until = t ? t->ev.time : now;
            if (st != PS_NONE && st != PS_EXIT && until > since && (double)since < t1 &&
                (double)until > t0)
                fn(ctx, pid, st, since, until);
            if (t) {
                m->state[pid - 1] = (uint8_t)t->ev.to;
                m->since[pid - 1] = t->ev.time;
            }
        }
    }
}

/* ---- where it goes ------------------------------------------------------ */

#define LANE_MAX 1.4f /* line heights */

void gui_gantt_place(gui_gantt_geom *G, gui_rect r, float lh, float sc, float label_w,
                     uint32_t ncpu, uint32_t nrows, double t0, double t1)
{
    float pad = 6 * sc, maxh = LANE_MAX * lh;
    *G = (gui_gantt_geom){.r = r, .label_x = r.x + pad, .label_w = label_w, .ncpu = ncpu,
                          .nrows = nrows, .shown = nrows, .t0 = t0, .t1 = t1 > t0 ? t1 : t0 + 1};
    G->plot.x = G->label_x + label_w + pad;
    G->plot.w = r.x + r.w - pad - G->plot.x;
    if (G->plot.w < 1)
        G->plot.w = 1;
    G->axis_y = r.y + lh + 4 * sc;
    float top = G->axis_y + lh + 4 * sc, gap = nrows ? 4 * sc : 0;
    G->legend_y = r.y + r.h - lh - 4 * sc;
    float avail = G->legend_y - 2 * sc - top - gap;
    if (avail < 0)
        avail = 0;
    uint32_t lanes = ncpu + nrows;
    float lane = lanes ? avail / (float)lanes : maxh;
    if (lane > maxh)
        lane = maxh;
    /* the CPU lanes keep a line of text while they take at most half */
    G->cpu_h = lane;
    if (ncpu && lane < lh)
        G->cpu_h = (float)ncpu * lh <= avail / 2 ? lh : avail / 2 / (float)ncpu;
    if (G->cpu_h < lane)
        G->cpu_h = lane;
    G->proc_y = top + (float)ncpu * G->cpu_h + gap;
    float rest = G->legend_y - 2 * sc - G->proc_y;
    G->proc_h = nrows ? rest / (float)nrows : maxh;
    if (G->proc_h > maxh)
        G->proc_h = maxh;
    if (G->proc_h < 3) { /* the first lanes that fit */
        G->proc_h = 3;
        G->shown = rest > 0 ? (uint32_t)(rest / 3) : 0;
    }
    G->plot.y = top;
    G->plot.h = G->proc_y + (float)G->shown * G->proc_h - top;
}

float gui_gantt_height(float lh, float sc, uint32_t ncpu, uint32_t nrows)
{
    /* the title, the axis, the legend and margins as gui_gantt_place has
       them, and every lane at its most */
    return 3 * (lh + 4 * sc) + 2 * sc + (nrows ? 4 * sc : 0) +
           (float)(ncpu + nrows) * LANE_MAX * lh + 1;
}

float gui_gantt_x(const gui_gantt_geom *G, double t)
{
    return G->plot.x + (float)((t - G->t0) / (G->t1 - G->t0)) * G->plot.w;
}

double gui_gantt_tick_at(const gui_gantt_geom *G, float x)
{
    return G->t0 + (double)((x - G->plot.x) / G->plot.w) * (G->t1 - G->t0);
}

float gui_gantt_cpu_y(const gui_gantt_geom *G, uint32_t c)
{
    return G->plot.y + (float)c * G->cpu_h;
}

float gui_gantt_row_y(const gui_gantt_geom *G, uint32_t row)
{
    return G->proc_y + ((float)row - (float)G->first) * G->proc_h;
}

void gui_gantt_lanes_from(gui_gantt_geom *G, float sc, float min_h, uint32_t first)
{
    if (G->proc_h >= min_h && G->shown == G->nrows)
        return;
    float rest = G->legend_y - 2 * sc - G->proc_y; /* as gui_gantt_place has it */
    G->proc_h = min_h;
    G->shown = rest > 0 ? (uint32_t)(rest / min_h) : 0;
    if (G->shown > G->nrows)
        G->shown = G->nrows;
    G->first = first > G->nrows - G->shown ? G->nrows - G->shown : first;
    G->plot.h = G->proc_y + (float)G->shown * G->proc_h - G->plot.y;
}

int gui_gantt_row_shown(const gui_gantt_geom *G, uint32_t row)
{
    return row >= G->first && row - G->first < G->shown;
}

/* ---- what is under the mouse ------------------------------------------- */

typedef struct looking {
    double t;              /* the tick under the mouse */
    gui_gantt_hit *h;
} looking;

static void slice_at(void *ctx, uint32_t cpu, ps_slice s)
{
    looking *l = ctx;
    (void)cpu;
    if ((double)s.from <= l->t && l->t < (double)s.to) {
        l->h->pid = s.pid;
        l->h->from = s.from;
        l->h->to = s.to;
        l->h->on = GUI_GANTT_ON_CPU;
    }
}

static void stretch_at(void *ctx, uint32_t pid, ps_state st, int64_t from, int64_t to)
{
    looking *l = ctx;
    if (pid == l->h->pid && (double)from <= l->t && l->t < (double)to) {
        l->h->st = st;
        l->h->from = from;
        l->h->to = to;
    }
}

gui_gantt_on gui_gantt_at(gui_gantt *m, const gui_sim *g, const gui_gantt_geom *G, float x,
                          float y, gui_gantt_hit *h)
{
    *h = (gui_gantt_hit){.on = GUI_GANTT_NOTHING, .st = PS_NONE};
    if (!g->e || G->r.w <= 0 || x < G->label_x || x >= G->plot.x + G->plot.w ||
        gui_gantt_reserve(m, ps_engine_nprocs(g->e)))
        return GUI_GANTT_NOTHING;
    int in_plot = x >= G->plot.x;
    looking l = {gui_gantt_tick_at(G, x), h};
    float cpu_end = G->plot.y + (float)G->ncpu * G->cpu_h;
    if (y >= G->plot.y && y < cpu_end) {
        h->cpu = (uint32_t)((y - G->plot.y) / G->cpu_h);
        h->lane = (gui_rect){G->r.x, gui_gantt_cpu_y(G, h->cpu), G->r.w, G->cpu_h};
        if (in_plot)
            gui_gantt_cpu_each(&g->gantt, h->cpu, ps_engine_now(g->e), l.t, l.t + 1e-6,
                               slice_at, &l);
        return h->on;
    }
    if (y < G->proc_y || G->proc_h <= 0)
        return GUI_GANTT_NOTHING;
    uint32_t row = G->first + (uint32_t)((y - G->proc_y) / G->proc_h);
    if (!gui_gantt_row_shown(G, row))
        return GUI_GANTT_NOTHING;
    uint32_t rows = gui_gantt_rows(m, g), n = ps_engine_nprocs(g->e);
    for (uint32_t pid = 1; pid <= n && row < rows; pid++)
        if (m->row_of[pid - 1] == row)
            h->pid = pid;
    if (!h->pid)
        return GUI_GANTT_NOTHING;
    h->on = GUI_GANTT_ON_PROC;
    h->lane = (gui_rect){G->r.x, gui_gantt_row_y(G, row), G->r.w, G->proc_h};
    if (in_plot)
        gui_gantt_proc_each(m, g, l.t, l.t + 1e-6, stretch_at, &l);
    return h->on;
}

void gui_gantt_hit_text(const gui_gantt_hit *h, const gui_sim *g, gui_lang lang, char *buf,
                        size_t size)
{
    const char *name = h->pid && g->e ? ps_engine_pcb(g->e, h->pid)->name : "";
    long long from = (long long)h->from, to = (long long)h->to;
    if (h->on == GUI_GANTT_ON_CPU)
        snprintf(buf, size, "CPU %u: %s [%lld, %lld)", h->cpu,
                 h->pid ? name : gui_word_text(GUI_W_IDLE, lang), from, to);
    else if (h->on == GUI_GANTT_ON_PROC && h->st != PS_NONE)
        snprintf(buf, size, "%s: %s [%lld, %lld)", name, gui_state_text(h->st, lang), from, to);
    else if (h->on == GUI_GANTT_ON_PROC)
        snprintf(buf, size, "%s", name);
    else if (size)
        buf[0] = 0;
}
