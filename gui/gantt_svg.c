/* gantt_svg.c — the Gantt chart of a run as SVG: the chart gantt_view.c
 * draws, placed by the same gui_gantt_place, written as plain rects,
 * lines and text (names XML-escaped).  With no fonts to measure, a
 * character is taken to be 0.6 em wide (a Hangul syllable 1 em), which
 * decides only where names are cut; each slice and bar carries its whole
 * name and ticks in a <title> (the tooltip). */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "describe.h"
#include "draw.h"
#include "gantt_view.h"
#include "utf8.h"

#define FONT 13     /* px */
#define LINE 16     /* px: a line of text */
#define CHIP 10     /* px: the swatch of a process's colour before its name */

typedef struct svg {
    FILE *f;
    const gui_sim *g;
    gui_lang lang;
    gui_gantt m;
    gui_gantt_geom G;
} svg;

static void hex(char out[8], SDL_Color c)
{
    snprintf(out, 8, "#%02x%02x%02x", c.r, c.g, c.b);
}

/* s with &, <, >, " and ' as entities. */
static void esc(FILE *f, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&apos;", f); break;
        default: fputc(*s, f);
        }
}

/* The guessed width of s in pixels (see the file's header). */
static float width_of(const char *s)
{
    float w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x80)
            w += 0.6f * FONT;
        else if (*p >= 0xc0)
            w += 1.0f * FONT;
    return w;
}

/* s cut at a character boundary to at most w wide, ".." where cut; 0 if
 * not even one character and ".." fit. */
static int cut(char *s, float w)
{
    if (width_of(s) <= w)
        return 1;
    for (size_t n = strlen(s); n > 0; n--) {
        if (((unsigned char)s[n] & 0xc0) == 0x80)
            continue;
        char keep = s[n];
        s[n] = 0;
        if (width_of(s) + 1.2f * FONT <= w) {
            strcat(s, "..");
            return 1;
        }
        s[n] = keep;
    }
    return 0;
}

static void text(svg *v, float x, float y, const char *anchor, SDL_Color c, const char *s)
{
    char fill[8];
    hex(fill, c);
    fprintf(v->f, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\"%s%s%s>", x, y + FONT, fill,
            anchor ? " text-anchor=\"" : "", anchor ? anchor : "", anchor ? "\"" : "");
    esc(v->f, s);
    fputs("</text>\n", v->f);
}

static void rect(svg *v, gui_rect r, SDL_Color c, const char *tip)
{
    char fill[8];
    hex(fill, c);
    fprintf(v->f, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\"",
            r.x, r.y, r.w, r.h, fill);
    if (!tip) {
        fputs("/>\n", v->f);
        return;
    }
    fputs("><title>", v->f);
    esc(v->f, tip);
    fputs("</title></rect>\n", v->f);
}

static gui_rect span_rect(const svg *v, double a, double b, float y, float h)
{
    const gui_gantt_geom *G = &v->G;
    float xa = gui_gantt_x(G, a < G->t0 ? G->t0 : a), xb = gui_gantt_x(G, b > G->t1 ? G->t1 : b);
    return (gui_rect){xa, y, xb > xa ? xb - xa : 0, h};
}

static void slice(void *ctx, uint32_t cpu, ps_slice s)
{
    svg *v = ctx;
    float y = gui_gantt_cpu_y(&v->G, cpu);
    gui_rect r = span_rect(v, (double)s.from, (double)s.to, y + 1, v->G.cpu_h - 2);
    const char *name = s.pid ? ps_engine_pcb(v->g->e, s.pid)->name : gui_word_text(GUI_W_IDLE, v->lang);
    char tip[GUI_NAME_BUF + 64], label[GUI_NAME_BUF];
    snprintf(tip, sizeof tip, "CPU %u: %s [%lld, %lld)", cpu, name, (long long)s.from,
             (long long)s.to);
    rect(v, r, s.pid ? gui_token_color(s.pid) : gui_rgba(GUI_GANTT_IDLE, 255), tip);
    snprintf(label, sizeof label, "%s", name);
    if (cut(label, r.w - 4))
        text(v, r.x + r.w / 2, y + (v->G.cpu_h - LINE) / 2, "middle",
             s.pid ? gui_rgba(GUI_GANTT_ON_BAR, 255) : gui_rgba(GUI_DIM, 255), label);
}

static void bar(void *ctx, uint32_t pid, ps_state st, int64_t from, int64_t to)
{
    svg *v = ctx;
    uint32_t row = v->m.row_of[pid - 1];
    char tip[GUI_NAME_BUF + 96];
    snprintf(tip, sizeof tip, "%s: %s [%lld, %lld)", ps_engine_pcb(v->g->e, pid)->name,
             gui_state_text(st, v->lang), (long long)from, (long long)to);
    rect(v, span_rect(v, (double)from, (double)to, gui_gantt_row_y(&v->G, row) + 1, v->G.proc_h - 2),
         gui_state_color(st), tip);
}

static void axis(svg *v)
{
    const gui_gantt_geom *G = &v->G;
    char s[32];
    snprintf(s, sizeof s, "%lld", (long long)G->t1);
    int64_t step = gui_gantt_step(G->plot.w / (G->t1 - G->t0), width_of(s) + 14);
    SDL_Color dim = gui_rgba(GUI_DIM, 255), fg = gui_rgba(GUI_TEXT, 255);
    text(v, G->label_x, G->axis_y, NULL, dim, gui_word_text(GUI_W_TICK, v->lang));
    for (int64_t t = ((int64_t)G->t0 + step - 1) / step * step; (double)t <= G->t1; t += step) {
        float x = gui_gantt_x(G, (double)t);
        fprintf(v->f, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" stroke=\"#%06x\"/>\n",
                x, G->plot.y, x, G->plot.y + G->plot.h, GUI_GANTT_GRID);
        snprintf(s, sizeof s, "%lld", (long long)t);
        float right = G->r.x + G->r.w - 2; /* the last label inside the picture */
        if (x + width_of(s) / 2 > right)
            text(v, right, G->axis_y, "end", fg, s);
        else
            text(v, x, G->axis_y, "middle", fg, s);
    }
}

static void names(svg *v)
{
    const gui_gantt_geom *G = &v->G;
    char s[GUI_NAME_BUF];
    for (uint32_t c = 0; c < G->ncpu; c++) {
        snprintf(s, sizeof s, "CPU %u", c);
        text(v, G->label_x, gui_gantt_cpu_y(G, c) + (G->cpu_h - LINE) / 2, NULL,
             gui_rgba(0xfff59d, 255), s);
    }
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(v->g->e); pid++) {
        uint32_t row = v->m.row_of[pid - 1];
        if (row == UINT32_MAX)
            continue;
        float y = gui_gantt_row_y(G, row);
        rect(v, (gui_rect){G->label_x, y + (G->proc_h - CHIP) / 2, CHIP, CHIP},
             gui_token_color(pid), NULL);
        snprintf(s, sizeof s, "%s", ps_engine_pcb(v->g->e, pid)->name);
        if (cut(s, G->label_w - CHIP - 8))
            text(v, G->label_x + CHIP + 4, y + (G->proc_h - LINE) / 2, NULL,
                 gui_rgba(GUI_TEXT, 255), s);
    }
}

static void legend(svg *v)
{
    float x = v->G.label_x;
    for (int s = 0; s <= PS_EXIT; s++) {
        int idle = s == PS_EXIT; /* the CPU lanes' grey last */
        const char *w = idle ? gui_word_text(GUI_W_IDLE, v->lang) : gui_state_text((ps_state)s, v->lang);
        rect(v, (gui_rect){x, v->G.legend_y + 3, 10, 10},
             idle ? gui_rgba(GUI_GANTT_IDLE, 255) : gui_state_color((ps_state)s), NULL);
        text(v, x + 14, v->G.legend_y, NULL, gui_rgba(GUI_DIM, 255), w);
        x += 14 + width_of(w) + 10;
    }
}

int gui_gantt_svg(FILE *f, const gui_sim *g, gui_lang lang, int width)
{
    svg v = {.f = f, .g = g, .lang = lang};
    const ps_engine *e = g->e;
    if (gui_gantt_reserve(&v.m, ps_engine_nprocs(e)))
        return -1;
    uint32_t rows = gui_gantt_rows(&v.m, g), ncpu = g->gantt.ncpu;
    float label_w = width_of("CPU 00");
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++)
        if (v.m.row_of[pid - 1] != UINT32_MAX && width_of(ps_engine_pcb(e, pid)->name) > label_w)
            label_w = width_of(ps_engine_pcb(e, pid)->name);
    label_w += CHIP + 4 + 6;
    if (label_w > (float)width / 5)
        label_w = (float)width / 5;
    float h = gui_gantt_height(LINE, 1, ncpu, rows);
    double t0, t1;
    gui_gantt_whole(&g->gantt, ps_engine_now(e), &t0, &t1);
    gui_gantt_place(&v.G, (gui_rect){0, 0, (float)width, h}, LINE, 1, label_w, ncpu, rows, t0, t1);
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" "
               "viewBox=\"0 0 %d %.0f\" font-family=\"DejaVu Sans, NanumGothic, sans-serif\" "
               "font-size=\"%d\">\n",
            width, h, width, h, FONT);
    rect(&v, (gui_rect){0, 0, (float)width, h}, gui_rgba(GUI_PANEL, 255), NULL);
    char title[1024]; /* a longer title is cut, at a character */
    snprintf(title, sizeof title, "%s — %s", gui_word_text(GUI_W_GANTT, lang), gui_title_pick(g->s, lang));
    gui_utf8_trim(title);
    text(&v, 6, 3, NULL, gui_rgba(GUI_TEXT, 255), title);
    axis(&v);
    names(&v);
    for (uint32_t c = 0; c < ncpu; c++)
        gui_gantt_cpu_each(&g->gantt, c, ps_engine_now(e), t0, t1, slice, &v);
    gui_gantt_proc_each(&v.m, g, t0, t1, bar, &v);
    legend(&v);
    fputs("</svg>\n", f);
    gui_gantt_fini(&v.m);
    return ferror(f) ? -1 : 0;
}
