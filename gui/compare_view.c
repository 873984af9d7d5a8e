/* compare_view.c — drawing the compare view (compare.h): under the
 * toolbar, where the runs first part in words; then one column per policy
 * with its label and how its run stands, a small seven-state diagram of
 * it, a lane per CPU on a time axis shared by every column (a tick is at
 * the same x everywhere), the first divergence as a line at its tick in
 * every chart, and once the run has ended its averages.  Tokens sit in
 * the state their process is in at the clock: the view has no motion to
 * fall behind. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "compare.h"
#include "describe.h"
#include "draw.h"
#include "utf8.h"

#define T(en, ko) (a->lang == GUI_KO ? (ko) : (en))
#define DIVERGE_COLOR 0xff7043  /* the first divergence, everywhere it shows */

static SDL_Color col(unsigned rgb) { return gui_rgba(rgb, 255); }

static const char *run_name(const gui_app *a, size_t i, uint32_t pid)
{
    return pid ? ps_engine_pcb(a->cmp->run[i].e, pid)->name : T("idle", "유휴");
}

/* "first differ at tick 3 on CPU 0: fcfs runs A, rr:4 runs B", or that
 * they are the same so far. */
static void divergence_text(const gui_app *a, char *buf, size_t size)
{
    const gui_cmp *c = a->cmp;
    if (c->first < 0) {
        snprintf(buf, size, "%s", gui_cmp_done(c) ? T("the schedules never differ: every CPU runs "
                                                      "the same process at every tick",
                                                      "스케줄이 한 번도 갈리지 않음: 모든 틱에 모든 "
                                                      "CPU가 같은 프로세스를 실행")
                                                   : T("the same so far: no CPU has run a different "
                                                       "process yet",
                                                       "아직 같음: 어느 CPU도 다른 프로세스를 실행하지 "
                                                       "않았음"));
        return;
    }
    size_t o = (size_t)snprintf(buf, size, T("first differ at tick %lld on CPU %u: ",
                                             "%lld틱에 CPU %u에서 처음 갈림: "),
                                (long long)c->first, c->first_cpu);
    for (size_t i = 0; i < c->n && o < size; i++) {
        const char *who = run_name(a, i, gui_cmp_at(c, i, c->first_cpu, c->first));
        o += (size_t)snprintf(buf + o, size - o, T("%s%s runs %s", "%s%s: %s 실행"),
                              i ? ", " : "", c->run[i].label, who);
    }
}

/* How run i stands: running, or how and when it ended. */
static void run_status(const gui_app *a, const gui_cmp_run *r, char *buf, size_t size)
{
    long long end = (long long)ps_engine_now(r->e);
    switch (r->st) {
    case PS_STEP_OK: snprintf(buf, size, "%s", gui_word_text(GUI_W_RUNNING_ON, a->lang)); break;
    case PS_STEP_DONE: snprintf(buf, size, T("finished at tick %lld", "%lld틱에 끝남"), end); break;
    case PS_STEP_STUCK:
        snprintf(buf, size, T("deadlock at tick %lld", "%lld틱에 교착 상태"), end);
        break;
    case PS_STEP_RUNAWAY:
        snprintf(buf, size, T("a process ran away at tick %lld", "%lld틱에 폭주한 프로세스"), end);
        break;
    case PS_STEP_UNTIL: /* a model run to its end has no limit, no backend */
    case PS_STEP_NOMEM:
    case PS_STEP_INTERRUPTED:
    case PS_STEP_FAILED: snprintf(buf, size, "%s", T("failed", "실패")); break; /* NOMEM */
    }
}

/* ---- a column's diagram ------------------------------------------------ */

static int lit(const gui_cmp *c, const gui_cmp_run *r, const gui_arrow *ar)
{
    for (int i = 0; r->last_at == c->now && i < r->nlast; i++)
        if (r->last[i].kind == ar->kind && r->last[i].from == ar->from)
            return 1;
    return 0;
}

/* A node with its state's name, on two lines (at its space or after its
 * '/') when one is too narrow; a line wider than the node (a narrow
 * column's) spills over its sides on a label of the node's colour, up to
 * nearly twice its width, and is cut only past that. */
static void node(gui_app *a, const gui_layout *L, ps_state s)
{
    gui_rect r = L->node[s];
    SDL_Color c = gui_state_color(s), dark = {(Uint8)(c.r * 0.28f), (Uint8)(c.g * 0.28f),
                                              (Uint8)(c.b * 0.28f), 255};
    float sc = L->scale;
    gui_fill(a->ren, r, dark);
    gui_frame(a->ren, r, c, 1.5f * sc);
    char line[2][64];
    const char *name = gui_state_text(s, a->lang), *cut = strpbrk(name, " /");
    int tw, th, lh = gui_text_line_height(a->text, GUI_SMALL), n = 1;
    float inside = r.w - 4 * sc, room = fmaxf(inside, r.w * 1.9f);
    gui_text_measure(a->text, name, GUI_SMALL, &tw, &th);
    snprintf(line[0], sizeof line[0], "%s", name);
    if (tw > inside && cut) {
        int keep = (int)(cut - name) + (*cut == '/');
        snprintf(line[0], sizeof line[0], "%.*s", keep, name);
        snprintf(line[1], sizeof line[1], "%s", cut + 1);
        n = 2;
    }
    for (int i = 0; i < n; i++) {
        float cy = r.y + (float)lh * (0.7f + 0.95f * (float)i);
        gui_text_fit(a->text, line[i], sizeof line[i], GUI_SMALL, room);
        gui_text_measure(a->text, line[i], GUI_SMALL, &tw, &th);
        if (tw > inside) {
            gui_rect tab = {r.x + r.w / 2 - (float)tw / 2 - 2 * sc, cy - (float)th / 2,
                            (float)tw + 4 * sc, (float)th};
            gui_fill(a->ren, tab, dark);
            gui_frame(a->ren, tab, c, 1 * sc);
        }
        gui_text_draw_centered(a->text, line[i], GUI_SMALL, col(0xffffff), (int)(r.x + r.w / 2),
                               (int)cy);
    }
}

static void tokens(gui_app *a, const gui_layout *L, const gui_cmp_run *r)
{
    uint32_t n = ps_engine_nprocs(r->e), *order = a->order;
    float sc = L->scale;
    for (int s = 0; s < PS_STATE_COUNT; s++) {
        uint32_t k = ps_engine_queue(r->e, (ps_state)s, order, n);
        int fits;
        gui_node_slot(L, (ps_state)s, 0, (int)k, &fits);
        for (uint32_t i = 0; i < k && (int)i < fits; i++) {
            gui_point at = gui_node_slot(L, (ps_state)s, (int)i, (int)k, NULL);
            char id[16];
            snprintf(id, sizeof id, "%u", order[i]);
            if (order[i] == a->selected)
                gui_disc(a->ren, at, L->token_r + 2 * sc, col(0xffffff));
            gui_disc(a->ren, at, L->token_r, gui_token_color(order[i]));
            gui_text_draw_centered(a->text, id, GUI_SMALL, col(0x101010), (int)at.x, (int)at.y);
        }
        if (fits < (int)k) {
            char more[16];
            int tw, th;
            snprintf(more, sizeof more, "+%d", (int)k - fits);
            gui_text_measure(a->text, more, GUI_SMALL, &tw, &th);
            gui_rect nr = L->node[s];
            gui_text_draw(a->text, more, GUI_SMALL, col(GUI_TEXT), (int)(nr.x + nr.w - tw - 2 * sc),
                          (int)(nr.y + nr.h - th));
        }
    }
}

/* The window's layout (its sizes and fonts) with the nodes in d. */
static void place(const gui_app *a, gui_rect d, gui_layout *L)
{
    *L = a->L;
    gui_layout_place_diagram(L, d);
    float nw = L->node[PS_READY].w, nh = L->node[PS_READY].h;
    /* narrow columns make narrow nodes: tokens two abreast still, as large
     * as their numbers need */
    float most = fmaxf(11 * L->scale, 0.75f * (float)gui_text_line_height(a->text, GUI_SMALL));
    L->token_r = fmaxf(L->token_r, fminf(fminf(nw / 4.8f, nh / 6), most));
}

static void diagram(gui_app *a, const gui_cmp_run *r, gui_rect d)
{
    gui_layout L;
    place(a, d, &L);
    float sc = L.scale;
    for (int i = 0; i < L.narrow; i++) {
        const gui_arrow *ar = &L.arrow[i];
        SDL_Color c = lit(a->cmp, r, ar) ? col(0xfff59d) : col(0x59616e);
        for (int k = 0; k + 1 < ar->np; k++)
            gui_line(a->ren, ar->p[k], ar->p[k + 1], (c.r == 0xff ? 2.5f : 1.2f) * sc, c);
        gui_arrowhead(a->ren, ar->p[ar->np - 2], ar->p[ar->np - 1], 7 * sc, c);
    }
    for (int s = 0; s < PS_STATE_COUNT; s++)
        node(a, &L, (ps_state)s);
    tokens(a, &L, r);
}

/* ---- the time axis, the same in every column -------------------------- */

typedef struct axis {
    float x, w;                  /* where tick t0 starts, the width of span ticks */
    int64_t t0, span;
} axis;

static float tick_x(const axis *ax, int64_t t)
{
    return ax->x + (float)(t - ax->t0) * ax->w / (float)ax->span;
}

/* Ticks 0 .. the clock (or the last end, once every run has ended), the
 * latest ones if they do not all fit at 3 px a tick. */
static axis make_axis(const gui_app *a, float x, float w)
{
    const gui_cmp *c = a->cmp;
    int64_t last = c->now + 1;
    if (gui_cmp_done(c)) { /* to the last end: nothing is left to come */
        last = 0;
        for (size_t i = 0; i < c->n; i++)
            if (c->run[i].g.end > last)
                last = c->run[i].g.end;
    }
    if (last < 10)
        last = 10;
    int64_t fit = (int64_t)(w / (3 * a->L.scale));
    int64_t span = last < fit ? last : fit > 1 ? fit : 1;
    return (axis){x, w, last - span, span};
}

static void lane(gui_app *a, const axis *ax, size_t i, uint32_t cpu, gui_rect r)
{
    const gui_cmp *c = a->cmp;
    const ps_gantt_track *tr = &c->run[i].g.cpu[cpu];
    int64_t stop = c->run[i].g.end >= 0 ? c->run[i].g.end : c->now + 1;
    gui_fill(a->ren, r, col(0x1f232a)); /* idle: the lane's own colour */
    size_t lo = 0, hi = tr->n; /* from the first slice that ends after t0 */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tr->v[mid].to <= ax->t0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k <= tr->n; k++) {
        ps_slice sl = k < tr->n ? tr->v[k] : tr->open;
        if (k == tr->n) {
            if (c->run[i].g.end >= 0)
                break;
            sl.to = stop;
        }
        if (!sl.pid || sl.to <= ax->t0 || sl.from >= stop)
            continue;
        int64_t from = sl.from > ax->t0 ? sl.from : ax->t0, to = sl.to < stop ? sl.to : stop;
        float x0 = tick_x(ax, from), x1 = tick_x(ax, to);
        gui_rect b = {x0, r.y + 1, x1 - x0 - 1 > 1 ? x1 - x0 - 1 : 1, r.h - 2};
        gui_fill(a->ren, b, gui_token_color(sl.pid));
        if (sl.pid == a->selected) /* the selected process, in every chart */
            gui_frame(a->ren, b, col(0xffffff), 2 * a->L.scale);
        char id[GUI_NAME_BUF];
        snprintf(id, sizeof id, "%s", ps_engine_pcb(c->run[i].e, sl.pid)->name);
        int tw, th;
        gui_text_measure(a->text, id, GUI_SMALL, &tw, &th);
        if (tw > b.w - 2)
            snprintf(id, sizeof id, "%u", sl.pid);
        gui_text_measure(a->text, id, GUI_SMALL, &tw, &th);
        if (tw <= b.w - 2)
            gui_text_draw_centered(a->text, id, GUI_SMALL, col(0x101010), (int)(b.x + b.w / 2),
                                   (int)(b.y + b.h / 2));
    }
}

/* Under the lanes (from y): a mark and a label every 1, 2, 5, 10, 20,
 * 50 ... ticks, as many as fit. */
static void ticks(gui_app *a, const axis *ax, float y)
{
    int tw, th;
    char num[24];
    snprintf(num, sizeof num, "%lld", (long long)(ax->t0 + ax->span));
    gui_text_measure(a->text, num, GUI_SMALL, &tw, &th);
    int64_t step = 1, decade = 1;
    while ((float)step * ax->w / (float)ax->span < (float)tw + 8 * a->L.scale) {
        step = step == decade ? 2 * decade : step == 2 * decade ? 5 * decade : 10 * decade;
        if (step == 10 * decade)
            decade = step;
    }
    for (int64_t t = (ax->t0 + step - 1) / step * step; t <= ax->t0 + ax->span; t += step) {
        float x = tick_x(ax, t);
        gui_line(a->ren, (gui_point){x, y}, (gui_point){x, y + 3 * a->L.scale}, 1, col(GUI_DIM));
        snprintf(num, sizeof num, "%lld", (long long)t);
        gui_text_draw_centered(a->text, num, GUI_SMALL, col(GUI_DIM), (int)x,
                               (int)(y + 3 * a->L.scale + th / 2));
    }
}

/* The lanes of run i in r, one per CPU and lane_h high, the axis under
 * them; returns the y under the axis. */
static float chart(gui_app *a, const axis *ax, size_t i, gui_rect r, float lane_h)
{
    const gui_cmp *c = a->cmp;
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_SMALL), y = r.y;
    uint32_t ncpu = gui_cmp_ncpus(c);
    for (uint32_t cpu = 0; cpu < ncpu && y + lane_h <= r.y + r.h - lh; cpu++) {
        char name[16];
        snprintf(name, sizeof name, "CPU %u", cpu);
        gui_text_draw(a->text, name, GUI_SMALL, col(GUI_DIM), (int)r.x, (int)(y + (lane_h - lh) / 2));
        lane(a, ax, i, cpu, (gui_rect){ax->x, y, ax->w, lane_h});
        y += lane_h + 2 * sc;
    }
    ticks(a, ax, y);
    float px = tick_x(ax, c->now); /* the playhead: the clock's tick starts here */
    gui_line(a->ren, (gui_point){px, r.y - 2 * sc}, (gui_point){px, y}, 2 * sc, col(0xffffff));
    if (c->first >= ax->t0) {
        float dx = tick_x(ax, c->first);
        gui_line(a->ren, (gui_point){dx, r.y - 4 * sc}, (gui_point){dx, y + 2 * sc}, 2 * sc,
                 col(DIVERGE_COLOR));
    }
    return y + lh + 6 * sc;
}

/* ---- the summary ------------------------------------------------------- */

/* Whether run i has the best (lowest) of value k among the runs that
 * ended, all of them having finished the same processes. */
static int best(const gui_cmp *c, size_t i, int k)
{
    double v[GUI_CMP_MAX];
    for (size_t j = 0; j < c->n; j++) {
        const ps_summary *s = &c->run[j].sum;
        if (c->run[j].st == PS_STEP_OK || s->finished != c->run[0].sum.finished || !s->finished)
            return 0;
        v[j] = k == 0 ? s->avg_turnaround : k == 1 ? s->avg_waiting : s->avg_response;
    }
    for (size_t j = 0; j < c->n; j++)
        if (v[j] < v[i] - 1e-9)
            return 0;
    return 1;
}

/* A stuck run's report (ps_engine_stuck) in the summary's place, a line
 * for each of its first three parts ("a waits for mutex n held by b"). */
static void stuck(gui_app *a, const gui_cmp_run *r, float x, float y, float w)
{
    char report[4 * GUI_NAME_BUF + 256]; /* cut at a character, with "..." */
    float lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    ps_engine_stuck(r->e, gui_ps_lang(a->lang), report, sizeof report);
    const char *p = strchr(report, ':'); /* past "deadlock at tick 4:" */
    p = p ? p + 1 : report;
    for (int k = 0; k < 3 && *p; k++, y += lh) {
        char line[2 * GUI_NAME_BUF + 128];
        p += strspn(p, " ");
        size_t len = strcspn(p, ";");
        snprintf(line, sizeof line, "%.*s", (int)len, p);
        gui_utf8_trim(line);
        gui_text_fit(a->text, line, sizeof line, GUI_SMALL, w);
        gui_text_draw(a->text, line, GUI_SMALL, col(0xff8a80), (int)x, (int)y);
        p += len + (p[len] == ';');
    }
}

static void summary(gui_app *a, size_t i, float x, float y, float w)
{
    const gui_cmp_run *r = &a->cmp->run[i];
    float lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    if (r->st == PS_STEP_STUCK) {
        stuck(a, r, x, y, w);
        return;
    }
    const char *what[3] = {T("average turnaround", "평균 반환 시간"),
                           T("average waiting", "평균 대기 시간"),
                           T("average response", "평균 응답 시간")};
    double v[3] = {r->sum.avg_turnaround, r->sum.avg_waiting, r->sum.avg_response};
    for (int k = 0; k < 3; k++, y += lh) {
        char line[128];
        if (r->st == PS_STEP_OK || !r->sum.finished)
            snprintf(line, sizeof line, "%s  —", what[k]);
        else
            snprintf(line, sizeof line, "%s  %.2f%s", what[k], v[k],
                     best(a->cmp, i, k) ? T("  (best)", "  (최고)") : "");
        gui_text_fit(a->text, line, sizeof line, GUI_SMALL, w);
        gui_text_draw(a->text, line, GUI_SMALL, col(best(a->cmp, i, k) ? 0xa5d6a7 : GUI_TEXT),
                      (int)x, (int)y);
    }
}

/* ---- the view ---------------------------------------------------------- */

/* Where column i's parts go: arithmetic on the window and its fonts,
 * shared by the drawing and the clicks. */
typedef struct column_at {
    gui_rect r, diagram, chart;
    float lane_h;
    axis ax;                     /* the same ticks at the same x in every column */
} column_at;

static float head_y(const gui_app *a) /* under the toolbar and the two lines */
{
    float gap = 6 * a->L.scale;
    return a->L.toolbar.y + a->L.toolbar.h + gap +
           2 * (float)gui_text_line_height(a->text, GUI_NORMAL) + gap;
}

static column_at where(const gui_app *a, size_t i)
{
    const gui_cmp *c = a->cmp;
    float sc = a->L.scale, gap = 6 * sc, pad = 6 * sc, top = head_y(a);
    float w = (a->L.w - gap * (float)(c->n + 1)) / (float)c->n;
    float lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    float big = (float)gui_text_line_height(a->text, GUI_LARGE);
    uint32_t ncpu = gui_cmp_ncpus(c);
    column_at at = {.r = {gap + (float)i * (w + gap), top, w, a->L.h - gap - top}};
    gui_rect r = at.r;
    /* the lanes a third of the room (one and a half to three lines each),
     * the diagram the rest */
    float axis_h = lh + 8 * sc, sum_h = 3 * lh + pad, y = r.y + pad + big + pad;
    float room = r.y + r.h - pad - sum_h - axis_h - pad - y;
    at.lane_h = fminf(3 * lh, fmaxf(lh * 1.5f, room / 3 / (float)ncpu - 2 * sc));
    float diag_h = room - (float)ncpu * (at.lane_h + 2 * sc);
    at.diagram = (gui_rect){r.x + pad, y, r.w - 2 * pad, diag_h};
    at.chart = (gui_rect){r.x + pad, y + diag_h + pad, r.w - 2 * pad,
                          (float)ncpu * (at.lane_h + 2 * sc) + axis_h};
    /* every chart starts past the widest CPU name */
    int cw, chh;
    char name[16];
    snprintf(name, sizeof name, "CPU %u", ncpu ? ncpu - 1 : 0);
    gui_text_measure(a->text, name, GUI_SMALL, &cw, &chh);
    float inset = pad + (float)cw + pad;
    at.ax = make_axis(a, r.x + inset, r.w - inset - pad - (float)cw / 2);
    return at;
}

static void column(gui_app *a, size_t i, const column_at *at)
{
    const gui_cmp_run *run = &a->cmp->run[i];
    gui_rect r = at->r;
    float sc = a->L.scale, pad = 6 * sc;
    float lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    float big = (float)gui_text_line_height(a->text, GUI_LARGE);
    SDL_Rect clip = {(int)r.x, (int)r.y, (int)r.w, (int)r.h};
    SDL_RenderSetClipRect(a->ren, &clip);
    int lw = gui_text_draw(a->text, run->label, GUI_LARGE, col(0xfff59d), (int)(r.x + pad),
                           (int)(r.y + pad));
    char st[160];
    run_status(a, run, st, sizeof st);
    gui_text_fit(a->text, st, sizeof st, GUI_SMALL, r.w - (float)lw - 3 * pad);
    gui_text_draw(a->text, st, GUI_SMALL, col(run->st == PS_STEP_OK ? GUI_DIM : GUI_TEXT),
                  (int)(r.x + 2 * pad + (float)lw), (int)(r.y + pad + big - lh - 2 * sc));
    diagram(a, run, at->diagram);
    float y = chart(a, &at->ax, i, at->chart, at->lane_h);
    summary(a, i, r.x + pad, y, r.w - 2 * pad);
    SDL_RenderSetClipRect(a->ren, NULL);
}

void gui_view_compare(gui_app *a)
{
    const gui_cmp *c = a->cmp;
    float sc = a->L.scale, gap = 6 * sc;
    float lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
    float head = a->L.toolbar.y + a->L.toolbar.h, top = head_y(a), bottom = a->L.h - gap;
    /* the frame was cleared to the panels' colour: only the gaps around
     * the two lines and the columns are filled (the software renderer is
     * bound by fill rate) */
    SDL_Color bg = col(GUI_BG);
    gui_fill(a->ren, (gui_rect){0, head, a->L.w, gap}, bg);
    gui_fill(a->ren, (gui_rect){0, top - gap, a->L.w, gap}, bg);
    gui_fill(a->ren, (gui_rect){0, bottom, a->L.w, a->L.h - bottom}, bg);
    gui_fill(a->ren, (gui_rect){0, top, gap, bottom - top}, bg);
    for (size_t i = 0; i < c->n; i++) {
        column_at at = where(a, i);
        gui_fill(a->ren, (gui_rect){at.r.x + at.r.w, top, gap, bottom - top}, bg);
        column(a, i, &at);
    }
    char line[1024];
    snprintf(line, sizeof line, "%s: %s", T("Compare", "정책 비교"), a->sim.s ? gui_title_pick(a->sim.s, a->lang) : "");
    gui_utf8_trim(line);
    gui_text_fit(a->text, line, sizeof line, GUI_NORMAL, a->L.w - 2 * gap);
    gui_text_draw(a->text, line, GUI_NORMAL, col(GUI_TEXT), (int)(gap + 2 * sc), (int)(head + gap));
    divergence_text(a, line, sizeof line);
    gui_text_fit(a->text, line, sizeof line, GUI_NORMAL, a->L.w - 2 * gap);
    gui_text_draw(a->text, line, GUI_NORMAL, col(c->first >= 0 ? DIVERGE_COLOR : GUI_DIM),
                  (int)(gap + 2 * sc), (int)(head + gap + lh));
}

uint32_t gui_compare_pick(gui_app *a, float x, float y)
{
    const gui_cmp *c = a->cmp;
    for (size_t i = 0; i < c->n; i++) {
        column_at at = where(a, i);
        if (!gui_rect_hit(at.diagram, x, y))
            continue;
        const ps_engine *e = c->run[i].e;
        uint32_t n = ps_engine_nprocs(e), *order = a->order;
        gui_layout L;
        place(a, at.diagram, &L);
        for (int s = 0; s < PS_STATE_COUNT; s++) { /* where tokens() draws them */
            uint32_t k = ps_engine_queue(e, (ps_state)s, order, n);
            int fits;
            gui_node_slot(&L, (ps_state)s, 0, (int)k, &fits);
            for (uint32_t j = 0; j < k && (int)j < fits; j++)
                if (gui_circle_hit(gui_node_slot(&L, (ps_state)s, (int)j, (int)k, NULL),
                                   L.token_r + 2 * L.scale, x, y))
                    return order[j];
        }
    }
    return 0;
}

void gui_compare_status(gui_app *a, float x, float y, float w)
{
    char line[256], cpus[64] = "";
    if (a->sim.s)
        gui_cpus_text(a->sim.s, a->lang, cpus, sizeof cpus);
    snprintf(line, sizeof line, "%s %lld  %s %.2gx  %s  %s", gui_word_text(GUI_W_TICK, a->lang),
             (long long)a->cmp->now, gui_word_text(GUI_W_SPEED, a->lang), a->speed, cpus,
             gui_cmp_done(a->cmp) ? gui_word_text(GUI_W_DONE, a->lang) : "");
    gui_text_fit(a->text, line, sizeof line, GUI_NORMAL, w);
    gui_text_draw(a->text, line, GUI_NORMAL, col(0xfff59d), (int)x, (int)y);
}
