/* header_view.c — the scenario in the window: the header strip under the
 * toolbar (its title, its file name dim beside it, the fold of its
 * description) and the description itself, open, in the interface's
 * language (describe.h picks and wraps it).
 *
 * The description is wrapped where the layout is computed, at the width
 * the layout will give it, so that the layout knows its lines; drawing
 * reuses those lines.  Until the user presses D it is open when all of it
 * fits in a fifth of the window's height, folded otherwise; after, it is
 * as the user left it, for every scenario. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "describe.h"
#include "draw.h"
#include "utf8.h"

#define T(en, ko) (a->lang == GUI_KO ? (ko) : (en))

static SDL_Color col(unsigned rgb) { return gui_rgba(rgb, 255); }

static const char *description(const gui_app *a)
{
    return a->sim.s && !a->sim.trace_mode ? gui_describe_pick(a->sim.s, a->lang) : "";
}

static void measure(void *ctx, const char *s, int normal, int *w, int *h)
{
    gui_text_measure(ctx, s, normal ? GUI_NORMAL : GUI_SMALL, w, h);
}

/* The text's left and right margin inside the open description. */
static float margin(float scale) { return 10 * scale; }

/* a->describe made current for a layout of `in` (describe fields 0). */
static void wrap(gui_app *a, const gui_layout_in *key, const char *text)
{
    gui_describe_view *d = &a->describe;
    int lh = gui_text_line_height(a->text, GUI_SMALL);
    if (d->text == text && d->line_h == lh && !memcmp(&d->key, key, sizeof *key))
        return;
    if (d->text != text)
        a->describe_top = 0; /* another scenario, or the other language */
    gui_layout trial;
    gui_layout_in t = *key;
    t.describe = 2;
    t.describe_lines = 1;
    gui_layout_compute_in(&trial, &t);
    size_t need = 2 * strlen(text) + 2;
    if (need > d->cap) {
        char *grown = realloc(d->lines, need);
        if (!grown) {
            d->nlines = 0;
            return;
        }
        d->lines = grown;
        d->cap = need;
    }
    float width = trial.describe.w - 2 * margin(trial.scale);
    int n = gui_describe_wrap(text, width, measure, a->text, d->lines, d->cap);
    d->nlines = n > 0 ? n : 0;
    d->text = text;
    d->line_h = lh;
    d->key = *key;
}

void gui_header_layout_in(gui_app *a, gui_layout_in *in)
{
    const char *text = description(a);
    in->describe = in->describe_lines = 0;
    if (!text[0] || !a->text)
        return;
    wrap(a, in, text);
    int lines = a->describe.nlines;
    int open = a->describe_open ? a->describe_open == 2
                                : (float)((lines + 1) * a->describe.line_h) <= in->h / 5;
    in->describe = lines ? (open ? 2 : 1) : 0;
    in->describe_lines = lines;
}

void gui_header_toggle(gui_app *a)
{
    if (!description(a)[0])
        return;
    a->describe_open = a->L.in.describe == 2 ? 1 : 2;
}

/* Lines of the open description that fit in L.describe. */
static int shown(const gui_app *a)
{
    float top = 4 * a->L.scale, lh = (float)a->describe.line_h;
    int n = lh > 0 ? (int)((a->L.describe.h - top) / lh) : 0;
    return n > 0 ? n : 0;
}

int gui_header_wheel(gui_app *a, float x, float y, int dy)
{
    if (a->L.in.describe != 2 || !gui_rect_hit(a->L.describe, x, y))
        return 0;
    int last = a->describe.nlines - shown(a);
    a->describe_top += dy;
    if (a->describe_top > last)
        a->describe_top = last;
    if (a->describe_top < 0)
        a->describe_top = 0;
    return 1;
}

void gui_header_fini(gui_app *a)
{
    free(a->describe.lines);
    a->describe = (gui_describe_view){0};
}

/* The file's name without its folders; "built-in" for the tour (whose
 * path is "<built-in tour>"). */
static const char *file_name(const gui_app *a)
{
    const char *p = a->sim.s->path;
    if (!p || !p[0] || p[0] == '<')
        return T("built in", "내장");
    const char *slash = strrchr(p, '/');
    return slash ? slash + 1 : p;
}

/* The fold at the strip's right end: "Description (D)" after a triangle
 * (drawn, not a glyph: the Hangul font has none) pointing right when
 * folded, down when open. */
static float fold(gui_app *a, gui_rect r)
{
    char label[80];
    int w, h;
    float sc = a->L.scale;
    a->fold = (gui_rect){0, 0, 0, 0};
    if (a->L.in.describe == 0)
        return r.x + r.w;
    snprintf(label, sizeof label, "%s (D)", T("Description", "설명"));
    gui_text_measure(a->text, label, GUI_SMALL, &w, &h);
    float tri = (float)h * 0.5f;
    a->fold = (gui_rect){r.x + r.w - (float)w - tri - 22 * sc, r.y + 2 * sc,
                         (float)w + tri + 18 * sc, r.h - 4 * sc};
    gui_fill(a->ren, a->fold, col(GUI_BUTTON));
    gui_point c = {a->fold.x + 6 * sc + tri / 2, a->fold.y + a->fold.h / 2};
    if (a->L.in.describe == 2)
        gui_arrowhead(a->ren, (gui_point){c.x, c.y - tri}, (gui_point){c.x, c.y + tri / 2}, tri,
                      col(GUI_TEXT));
    else
        gui_arrowhead(a->ren, (gui_point){c.x - tri, c.y}, (gui_point){c.x + tri / 2, c.y}, tri,
                      col(GUI_TEXT));
    gui_text_draw(a->text, label, GUI_SMALL, col(GUI_TEXT), (int)(c.x + tri / 2 + 6 * sc),
                  (int)(a->fold.y + (a->fold.h - (float)h) / 2));
    return a->fold.x;
}

static void open_description(gui_app *a)
{
    gui_rect r = a->L.describe;
    const gui_describe_view *d = &a->describe;
    if (a->L.in.describe != 2 || r.w <= 0 || r.h <= 0 || !d->nlines)
        return;
    float sc = a->L.scale, lh = (float)d->line_h, y = r.y + 4 * sc;
    gui_fill(a->ren, r, col(0x20252d));
    SDL_Rect clip = {(int)r.x, (int)r.y, (int)r.w, (int)r.h};
    SDL_RenderSetClipRect(a->ren, &clip);
    int fit = shown(a), top = a->describe_top, i = 0;
    char line[1024];
    for (const char *s = d->lines; *s && i < top + fit; i++) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (i >= top) { /* the indentation measured alone: a line with Hangul is
                           drawn in the Hangul font, whose spaces are narrower */
            size_t lead = strspn(s, " ");
            lead = lead < n ? lead : n;
            int iw = 0, ih;
            snprintf(line, sizeof line, "%.*s", (int)lead, s);
            if (lead)
                gui_text_measure(a->text, line, GUI_SMALL, &iw, &ih);
            snprintf(line, sizeof line, "%.*s", (int)(n - lead), s + lead);
            gui_text_draw(a->text, line, GUI_SMALL, col(0xcfd6df), (int)(r.x + margin(sc)) + iw,
                          (int)y);
            y += lh;
        }
        s += n + (nl ? 1 : 0);
    }
    if (top + fit < d->nlines || top > 0) { /* more than fits: where, and the wheel */
        char more[80];
        int w, h;
        snprintf(more, sizeof more, T("lines %d-%d of %d (wheel)", "%d-%d번째 줄 / %d (휠)"),
                 top + 1, top + fit < d->nlines ? top + fit : d->nlines, d->nlines);
        gui_text_measure(a->text, more, GUI_SMALL, &w, &h);
        gui_rect tag = {r.x + r.w - (float)w - 12 * sc, r.y + r.h - (float)h - 2 * sc,
                        (float)w + 8 * sc, (float)h};
        gui_fill(a->ren, tag, col(0x15181e));
        gui_text_draw(a->text, more, GUI_SMALL, col(GUI_DIM), (int)(tag.x + 4 * sc), (int)tag.y);
    }
    SDL_RenderSetClipRect(a->ren, NULL);
}

void gui_view_header(gui_app *a)
{
    gui_rect r = a->L.header;
    if (!a->sim.s || r.w <= 0 || r.h <= 0)
        return;
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
    float x = r.x + 6 * sc, end = fold(a, r) - 12 * sc, y = r.y + (r.h - lh) / 2;
    char title[400], file[300];
    int tw, fw, h;
    if (a->sim.trace_mode) /* the whole command, which the toolbar cuts */
        snprintf(title, sizeof title, "%s: %s", gui_word_text(GUI_W_TRACE, a->lang), a->sim.command);
    else
        snprintf(title, sizeof title, "%s", gui_title_pick(a->sim.s, a->lang));
    snprintf(file, sizeof file, "%s", a->sim.trace_mode ? "" : file_name(a));
    gui_utf8_trim(title); /* cut by snprintf: at a character */
    gui_utf8_trim(file);
    gui_text_measure(a->text, title, GUI_NORMAL, &tw, &h);
    gui_text_measure(a->text, file, GUI_SMALL, &fw, &h);
    float gap = 14 * sc, room = end - x;
    /* the title first; the file name gets what is left, a third at least */
    float title_w = (float)tw + gap + (float)fw <= room ? (float)tw : room - gap - fminf((float)fw, room / 3);
    gui_text_fit(a->text, title, sizeof title, GUI_NORMAL, title_w);
    int drawn = gui_text_draw(a->text, title, GUI_NORMAL, col(GUI_TEXT), (int)x, (int)y);
    gui_text_fit(a->text, file, sizeof file, GUI_SMALL, end - (x + (float)drawn + gap));
    gui_text_measure(a->text, file, GUI_SMALL, &fw, &h);
    gui_text_draw(a->text, file, GUI_SMALL, col(GUI_DIM), (int)(x + (float)drawn + gap),
                  (int)(r.y + (r.h - (float)h) / 2));
    open_description(a);
}
