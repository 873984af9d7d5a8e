/* gantt_view.c — the Gantt chart (gantt.h) drawn: in the window's
 * L->gantt, following the clock, and alone onto a surface for a PNG (the
 * G key, the toolbar's Gantt button, procsim gui --gantt-png).  The same
 * drawing serves both; the PNG shows the whole run with every lane. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "describe.h"
#include "draw.h"
#include "gantt_view.h"
#include "procsim/strerror.h"
#include "png.h"
#include "utf8.h"

#define T(en, ko) (lang == GUI_KO ? (ko) : (en))

typedef struct chart {
    SDL_Renderer *ren;
    gui_text *text;
    float sc, lh;
    gui_lang lang;
    const gui_sim *g;
    gui_gantt *m;
    gui_gantt_geom G;
    uint32_t selected;     /* its lane is lit (0: none) */
    int picture;           /* alone: the whole run (gui_gantt_whole) */
    uint32_t first;        /* the window: the first process lane it would
                              show when not all fit (UINT32_MAX: the last) */
} chart;

static SDL_Color col(unsigned rgb) { return gui_rgba(rgb, 255); }

/* ---- the parts ---------------------------------------------------------- */

/* The width of the swatch of a process's colour before its name, which
 * ties its lane to its slices on the CPUs (and its token). */
static float chip(const chart *c)
{
    return 0.6f * c->lh + 4 * c->sc;
}

/* The names' column: "CPU 0" and every name shown, at most a fifth of w. */
static float label_width(chart *c, float w)
{
    const ps_engine *e = c->g->e;
    int tw, th;
    gui_text_measure(c->text, "CPU 00", GUI_SMALL, &tw, &th);
    float need = (float)tw;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e) && pid <= c->m->cap; pid++) {
        if (c->m->row_of[pid - 1] == UINT32_MAX)
            continue;
        gui_text_measure(c->text, ps_engine_pcb(e, pid)->name, GUI_SMALL, &tw, &th);
        if ((float)tw > need)
            need = (float)tw;
    }
    need += chip(c) + 6 * c->sc;
    return need > w / 5 ? w / 5 : need;
}

/* A name in a box w wide, cut to fit, centred on (cx, cy); nothing if not
 * even two characters do. */
static void name_in(chart *c, const char *name, float cx, float cy, float w, SDL_Color fg)
{
    char s[GUI_NAME_BUF];
    int tw, th;
    snprintf(s, sizeof s, "%s", name);
    gui_text_fit(c->text, s, sizeof s, GUI_SMALL, w);
    gui_text_measure(c->text, s, GUI_SMALL, &tw, &th);
    if ((float)tw > w || !strcmp(s, ".."))
        return;
    gui_text_draw_centered(c->text, s, GUI_SMALL, fg, (int)cx, (int)cy);
}

static void axis(chart *c)
{
    const gui_gantt_geom *G = &c->G;
    char s[32];
    int tw, th;
    snprintf(s, sizeof s, "%lld", (long long)G->t1);
    gui_text_measure(c->text, s, GUI_SMALL, &tw, &th);
    double px = G->plot.w / (G->t1 - G->t0);
    int64_t step = gui_gantt_step(px, tw + 14 * c->sc);
    float bottom = G->plot.y + G->plot.h, mark = G->axis_y + c->lh;
    gui_text_draw(c->text, gui_word_text(GUI_W_TICK, c->lang), GUI_SMALL, col(GUI_DIM),
                  (int)G->label_x, (int)G->axis_y);
    if (step > 1 && px >= 5 * c->sc) /* a short mark at every tick between */
        for (int64_t t = (int64_t)G->t0; (double)t <= G->t1; t++) {
            float x = gui_gantt_x(G, (double)t);
            if ((double)t >= G->t0)
                gui_fill(c->ren, (gui_rect){x, mark + 1 * c->sc, 1, 2 * c->sc}, col(GUI_DIM));
        }
    int64_t first = ((int64_t)G->t0 + step - 1) / step * step;
    for (int64_t t = first; (double)t <= G->t1; t += step) {
        float x = gui_gantt_x(G, (double)t);
        gui_fill(c->ren, (gui_rect){x, G->plot.y, 1, bottom - G->plot.y}, col(GUI_GANTT_GRID));
        gui_fill(c->ren, (gui_rect){x, mark, 1, 4 * c->sc}, col(GUI_TEXT));
        snprintf(s, sizeof s, "%lld", (long long)t);
        gui_text_measure(c->text, s, GUI_SMALL, &tw, &th);
        float lx = x - (float)tw / 2; /* centred on its tick, inside the chart */
        if (lx + (float)tw > G->r.x + G->r.w - 2 * c->sc)
            lx = G->r.x + G->r.w - 2 * c->sc - (float)tw;
        if (lx < G->plot.x - 3 * c->sc)
            lx = G->plot.x - 3 * c->sc;
        gui_text_draw(c->text, s, GUI_SMALL, col(GUI_TEXT), (int)lx, (int)G->axis_y);
    }
}

/* A bar from tick a to b, clipped to the plot; its rectangle (w 0: none
 * of it shows). */
static gui_rect bar(const chart *c, double a, double b, float y, float h)
{
    const gui_gantt_geom *G = &c->G;
    float xa = gui_gantt_x(G, a < G->t0 ? G->t0 : a), xb = gui_gantt_x(G, b > G->t1 ? G->t1 : b);
    return xb > xa ? (gui_rect){xa, y, xb - xa, h} : (gui_rect){0};
}

static void cpu_slice(void *ctx, uint32_t cpu, ps_slice s)
{
    chart *c = ctx;
    float y = gui_gantt_cpu_y(&c->G, cpu), h = c->G.cpu_h;
    gui_rect r = bar(c, (double)s.from, (double)s.to, y + 1, h - 2);
    if (r.w <= 0)
        return;
    if (r.w > 2) /* a hair between slices */
        r.w -= 1;
    gui_fill(c->ren, r, s.pid ? gui_token_color(s.pid) : col(GUI_GANTT_IDLE));
    if (h < c->lh) /* no text over the next lane */
        return;
    const char *name = s.pid ? ps_engine_pcb(c->g->e, s.pid)->name
                             : gui_word_text(GUI_W_IDLE, c->lang);
    name_in(c, name, r.x + r.w / 2, y + h / 2, r.w - 4 * c->sc,
            s.pid ? col(GUI_GANTT_ON_BAR) : col(GUI_DIM));
}

static void proc_bar(void *ctx, uint32_t pid, ps_state st, int64_t from, int64_t to)
{
    chart *c = ctx;
    uint32_t row = c->m->row_of[pid - 1];
    if (!gui_gantt_row_shown(&c->G, row))
        return;
    gui_rect r = bar(c, (double)from, (double)to, gui_gantt_row_y(&c->G, row) + 1,
                     c->G.proc_h - 2);
    if (r.w > 0)
        gui_fill(c->ren, r, gui_state_color(st));
}

static void lanes(chart *c)
{
    const gui_gantt_geom *G = &c->G;
    const ps_engine *e = c->g->e;
    for (uint32_t cpu = 0; cpu < G->ncpu; cpu++) {
        char s[32];
        float y = gui_gantt_cpu_y(G, cpu);
        snprintf(s, sizeof s, "CPU %u", cpu);
        if (G->cpu_h >= c->lh)
            gui_text_draw(c->text, s, GUI_SMALL, col(0xfff59d), (int)G->label_x,
                          (int)(y + (G->cpu_h - c->lh) / 2));
        gui_gantt_cpu_each(&c->g->gantt, cpu, ps_engine_now(e), G->t0, G->t1, cpu_slice, c);
    }
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e) && pid <= c->m->cap; pid++) {
        uint32_t row = c->m->row_of[pid - 1];
        if (!gui_gantt_row_shown(G, row))
            continue;
        float y = gui_gantt_row_y(G, row);
        if (pid == c->selected)
            gui_fill(c->ren, (gui_rect){G->r.x, y, G->r.w, G->proc_h}, col(0x3a4354));
        if (G->proc_h < c->lh)
            continue;
        char name[GUI_NAME_BUF];
        float box = 0.6f * c->lh;
        gui_fill(c->ren, (gui_rect){G->label_x, y + (G->proc_h - box) / 2, box, box},
                 gui_token_color(pid));
        snprintf(name, sizeof name, "%s", ps_engine_pcb(e, pid)->name);
        gui_text_fit(c->text, name, sizeof name, GUI_SMALL, G->label_w - chip(c) - 4 * c->sc);
        gui_text_draw(c->text, name, GUI_SMALL, col(GUI_TEXT), (int)(G->label_x + chip(c)),
                      (int)(y + (G->proc_h - c->lh) / 2));
    }
    gui_gantt_proc_each(c->m, c->g, G->t0, G->t1, proc_bar, c);
}

static void playhead(chart *c)
{
    const gui_gantt_geom *G = &c->G;
    double now = (double)ps_engine_now(c->g->e);
    if (now > G->t1) { /* scrolled back: an arrow on the axis points to now */
        float s = 8 * c->sc, x = G->plot.x + G->plot.w, y = G->axis_y + c->lh + 2 * c->sc;
        gui_arrowhead(c->ren, (gui_point){x - s, y}, (gui_point){x, y}, s, col(0xffffff));
        return;
    }
    if (now < G->t0)
        return;
    float x = gui_gantt_x(G, now);
    gui_fill(c->ren, (gui_rect){x - 1 * c->sc, G->axis_y + c->lh, 2 * c->sc,
                                G->plot.y + G->plot.h - G->axis_y - c->lh},
             col(0xffffff));
}

static void legend(chart *c)
{
    const gui_gantt_geom *G = &c->G;
    float x = G->label_x, y = G->legend_y, box = 10 * c->sc, dy = (c->lh - box) / 2;
    for (int s = 0; s <= PS_EXIT; s++) {
        int idle = s == PS_EXIT; /* the CPU lanes' grey last */
        gui_fill(c->ren, (gui_rect){x, y + dy, box, box},
                 idle ? col(GUI_GANTT_IDLE) : gui_state_color((ps_state)s));
        x += box + 4 * c->sc;
        const char *w = idle ? gui_word_text(GUI_W_IDLE, c->lang)
                             : gui_state_text((ps_state)s, c->lang);
        x += (float)gui_text_draw(c->text, w, GUI_SMALL, col(GUI_DIM), (int)x, (int)y) +
             10 * c->sc;
    }
}

/* The chart in r (its title already drawn, the clip set). */
static void draw(chart *c, gui_rect r)
{
    const ps_engine *e = c->g->e;
    if (!e || gui_gantt_reserve(c->m, ps_engine_nprocs(e)))
        return;
    uint32_t rows = gui_gantt_rows(c->m, c->g), ncpu = c->g->gantt.ncpu;
    double t0, t1;
    if (c->picture)
        gui_gantt_whole(&c->g->gantt, ps_engine_now(e), &t0, &t1);
    else
        gui_gantt_window(c->m, ps_engine_now(e), &t0, &t1);
    gui_gantt_place(&c->G, r, c->lh, c->sc, label_width(c, r.w), ncpu, rows, t0, t1);
    if (!c->picture) { /* lanes a line tall, named; the rest scrolled with the table */
        gui_gantt_lanes_from(&c->G, c->sc, c->lh, c->first);
        uint32_t sel = c->selected && c->selected <= c->m->cap ? c->m->row_of[c->selected - 1]
                                                               : UINT32_MAX;
        if (sel != UINT32_MAX && c->G.shown && !gui_gantt_row_shown(&c->G, sel))
            gui_gantt_lanes_from(&c->G, c->sc, c->lh, sel + 1 - c->G.shown); /* and the selected */
        if (c->G.shown < c->G.nrows) {
            char range[48];
            int tw, th;
            snprintf(range, sizeof range, "%u-%u / %u", c->G.first + 1,
                     c->G.first + c->G.shown, c->G.nrows);
            gui_text_measure(c->text, range, GUI_SMALL, &tw, &th);
            gui_text_draw(c->text, range, GUI_SMALL, col(GUI_DIM),
                          (int)(r.x + r.w - (float)tw - 6 * c->sc), (int)(r.y + 3 * c->sc));
        }
    }
    axis(c);
    lanes(c);
    playhead(c);
    legend(c);
}

/* ---- in the window ------------------------------------------------------ */

void gui_view_gantt(gui_app *a)
{
    gui_rect r = a->L.gantt;
    gui_panel_open(a, r, GUI_W_GANTT);
    chart c = {.ren = a->ren, .text = a->text, .sc = a->L.scale,
               .lh = (float)gui_text_line_height(a->text, GUI_SMALL), .lang = a->lang,
               .g = &a->sim, .m = &a->gantt, .selected = a->selected,
               /* the processes the table shows; a trace's table, its newest */
               .first = a->sim.trace_mode ? UINT32_MAX : (uint32_t)a->table_top};
    draw(&c, r);
    a->gantt.drawn = c.G;
}

void gui_gantt_wheel(gui_app *a, float x, float y, float dy, float dx, int shift)
{
    const gui_gantt_geom *G = &a->gantt.drawn;
    if (!a->sim.e || G->r.w <= 0 || !gui_rect_hit(G->r, x, y))
        return;
    int64_t now = ps_engine_now(a->sim.e);
    double span = G->t1 - G->t0;
    if (shift && dy != 0) /* shift+wheel: up is back in time */
        dx = -dy;
    if (shift || dx != 0)
        gui_gantt_scroll(&a->gantt, (double)dx * span / 10, now);
    else if (dy != 0)
        gui_gantt_zoom(&a->gantt, dy > 0 ? 0.8 : 1.25, gui_gantt_tick_at(G, x), now);
}

void gui_gantt_drag(gui_app *a, float dx)
{
    const gui_gantt_geom *G = &a->gantt.drawn;
    if (a->sim.e && G->plot.w > 0) /* the chart moves with the mouse */
        gui_gantt_scroll(&a->gantt, -(double)dx * (G->t1 - G->t0) / G->plot.w,
                         ps_engine_now(a->sim.e));
}

const char *gui_gantt_tip(gui_app *a, float x, float y, char *buf, size_t size, gui_rect *under)
{
    gui_gantt_hit h;
    if (a->cmp || a->show_picker || a->show_help || a->naming || !a->sim.e ||
        gui_gantt_at(&a->gantt, &a->sim, &a->gantt.drawn, x, y, &h) == GUI_GANTT_NOTHING)
        return NULL;
    gui_gantt_hit_text(&h, &a->sim, a->lang, buf, size);
    gui_utf8_trim(buf); /* a long name: cut at a character */
    *under = (gui_rect){x, h.lane.y, 1, h.lane.h};
    return buf[0] ? buf : NULL;
}

/* ---- alone, as a picture ------------------------------------------------ */

static int ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), k = strlen(end);
    return n >= k && !SDL_strcasecmp(s + n - k, end);
}

gui_gantt_format gui_gantt_format_of(const char *path)
{
    return ends_with(path, ".svg")   ? GUI_GANTT_SVG
           : ends_with(path, ".png") ? GUI_GANTT_PNG
                                     : GUI_GANTT_UNKNOWN;
}

/* The chart's title: the panel's word and the scenario's title. */
static void title(chart *c, gui_rect r)
{
    char s[1024]; /* a longer title is cut, at a character */
    snprintf(s, sizeof s, "%s — %s", gui_word_text(GUI_W_GANTT, c->lang), gui_title_pick(c->g->s, c->lang));
    gui_utf8_trim(s);
    gui_text_fit(c->text, s, sizeof s, GUI_SMALL, r.w - 12 * c->sc);
    gui_text_draw(c->text, s, GUI_SMALL, col(GUI_TEXT), (int)(r.x + 6 * c->sc),
                  (int)(r.y + 3 * c->sc));
}

static int save_png(const gui_sim *g, gui_lang lang, const char *path, int width,
                    const int font_px[3], char *err, size_t errsize)
{
    int rc = -1;
    gui_gantt m = {0};
    SDL_Surface *s = NULL;
    SDL_Renderer *ren = NULL;
    gui_text *text = NULL;
    /* a first renderer only to measure the line height the size needs */
    SDL_Surface *probe = SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 32, SDL_PIXELFORMAT_XRGB8888);
    SDL_Renderer *pr = probe ? SDL_CreateSoftwareRenderer(probe) : NULL;
    gui_text *pt =
        pr ? gui_text_create(pr, font_px[0], font_px[1], font_px[2], lang, err, errsize) : NULL;
    float lh = pt ? (float)gui_text_line_height(pt, GUI_SMALL) : 0;
    float sc = (float)font_px[0] / 12;
    gui_text_destroy(pt);
    if (pr)
        SDL_DestroyRenderer(pr);
    SDL_FreeSurface(probe);
    if (!lh || gui_gantt_reserve(&m, g->s->nprocs))
        goto fail;
    int h = (int)gui_gantt_height(lh, sc, g->gantt.ncpu, gui_gantt_rows(&m, g));
    s = SDL_CreateRGBSurfaceWithFormat(0, width, h, 32, SDL_PIXELFORMAT_XRGB8888);
    ren = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    text = ren ? gui_text_create(ren, font_px[0], font_px[1], font_px[2], lang, err, errsize)
               : NULL;
    if (!text)
        goto fail;
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(ren, GUI_PANEL >> 16, (GUI_PANEL >> 8) & 0xff, GUI_PANEL & 0xff, 255);
    SDL_RenderClear(ren);
    gui_rect r = {0, 0, (float)width, (float)h};
    chart c = {.ren = ren, .text = text, .sc = sc, .lh = lh, .lang = lang, .g = g, .m = &m,
               .picture = 1};
    title(&c, r);
    draw(&c, r);
    SDL_RenderPresent(ren);
    if (gui_png_write(s, path, gui_ps_lang(lang), err, errsize))
        goto fail;
    rc = 0;
fail:
    if (rc && err[0] == 0)
        snprintf(err, errsize, "%s", SDL_GetError());
    gui_text_destroy(text);
    if (ren)
        SDL_DestroyRenderer(ren);
    SDL_FreeSurface(s);
    gui_gantt_fini(&m);
    return rc;
}

int gui_gantt_export(const gui_sim *g, gui_lang lang, const char *path, int width,
                     const int font_px[3], char *err, size_t errsize)
{
    err[0] = 0;
    if (!g->e) {
        snprintf(err, errsize, "%s", T("nothing to chart", "그릴 실행이 없습니다"));
        return -1;
    }
    if (gui_gantt_format_of(path) == GUI_GANTT_SVG) {
        errno = 0;
        FILE *f = fopen(path, "w");
        if (!f) {
            snprintf(err, errsize, "%s", ps_strerror(errno, gui_ps_lang(lang)));
            return -1;
        }
        int rc = gui_gantt_svg(f, g, lang, width);
        if (fclose(f) || rc) {
            snprintf(err, errsize, "%s", errno ? ps_strerror(errno, gui_ps_lang(lang))
                                               : T("write failed", "쓰지 못했습니다"));
            return -1;
        }
        return 0;
    }
    return save_png(g, lang, path, width, font_px, err, errsize);
}

void gui_gantt_save(gui_app *a)
{
    char path[64], err[256];
    time_t t = time(NULL);
    strftime(path, sizeof path, "procsim-gantt-%Y%m%d-%H%M%S.png", localtime(&t));
    if (gui_gantt_export(&a->sim, a->lang, path, (int)a->L.w, a->L.font_px, err, sizeof err))
        gui_say(a, 1, "%s: %s", path, err);
    else
        gui_saved(a, path);
}

void gui_gantt_png_fonts(int width, int px[3])
{
    static const int base[3] = {13, 15, 20};
    double k = width > 1600 ? width / 1600.0 : 1;
    for (int i = 0; i < 3; i++)
        px[i] = (int)(base[i] * k + 0.5);
}

/* Runs longer than this many instants are charted up to there. */
#define MAIN_STEPS 2000000

int gui_gantt_main(const gui_options *o)
{
    gui_sim g = {.lang = gui_ps_lang(o->lang >= 0 ? (gui_lang)o->lang : gui_lang_from_env()),
                 .policy = o->policy};
    char err[600];
    if (o->text ? gui_sim_open_text(&g, o->text_name, o->text, o->text_len, 0, err, sizeof err)
                : gui_sim_open(&g, o->path, 0, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    uint32_t steps = 0;
    while (gui_sim_step(&g) == PS_STEP_OK && ++steps < MAIN_STEPS)
        ;
    gui_lang lang = o->lang >= 0 ? (gui_lang)o->lang : gui_lang_from_env();
    if (g.status == PS_STEP_OK) {
        fprintf(stderr, T("procsim gui: --gantt-png: the run goes on after %u instants (tick "
                          "%lld): charted up to there\n",
                          "procsim gui: --gantt-png: 실행이 %u번째 순간(%lld틱) 뒤에도 "
                          "이어집니다: 거기까지 그렸습니다\n"),
                steps, (long long)ps_engine_now(g.e));
        ps_gantt_finish(&g.gantt);
    }
    int rc = 0, width = o->width > 0 ? o->width : 1200, font_px[3];
    gui_gantt_png_fonts(width, font_px);
    if (g.gantt.nomem ||
        gui_gantt_export(&g, lang, o->gantt_png, width, font_px, err, sizeof err)) {
        fprintf(stderr, T("procsim gui: cannot write %s: %s\n",
                          "procsim gui: %s을(를) 쓸 수 없습니다: %s\n"),
                o->gantt_png, g.gantt.nomem ? gui_word_text(GUI_W_NO_MEMORY, lang) : err);
        rc = 1;
    }
    gui_sim_close(&g);
    return rc;
}
