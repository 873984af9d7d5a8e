/* view.c — drawing the seven-state diagram: nodes with their names in
 * both languages, every transition's arrow and label (the arrow most
 * recently taken lit up with its cause), and the processes as tokens that
 * glide along the arrow they take and queue in their node in scheduler
 * order. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "utf8.h"

static SDL_Color darken(SDL_Color c, float f)
{
    return (SDL_Color){(Uint8)(c.r * f), (Uint8)(c.g * f), (Uint8)(c.b * f), c.a};
}

/* A title at the normal size if it fits in w, else the small, else cut
 * (the whole on hover); drawn centred on (cx, cy). */
static void title(gui_app *a, const char *text, gui_font_size fs, SDL_Color c, float w, float cx,
                  float cy)
{
    char buf[96];
    int tw, th;
    snprintf(buf, sizeof buf, "%s", text);
    gui_text_measure(a->text, buf, fs, &tw, &th);
    if ((float)tw > w && fs == GUI_NORMAL)
        fs = GUI_SMALL;
    gui_text_fit(a->text, buf, sizeof buf, fs, w);
    gui_text_draw_centered(a->text, buf, fs, c, (int)cx, (int)cy);
}

static void node(gui_app *a, ps_state s)
{
    gui_rect r = a->L.node[s];
    SDL_Color c = gui_state_color(s);
    float sc = a->L.scale, u = a->L.unit;
    gui_fill(a->ren, r, darken(c, 0.28f));
    gui_frame(a->ren, r, c, 2 * sc);
    gui_lang other = a->lang == GUI_KO ? GUI_EN : GUI_KO;
    float ln = (float)gui_text_line_height(a->text, GUI_NORMAL);
    float ls = (float)gui_text_line_height(a->text, GUI_SMALL), w = r.w - 6 * u;
    title(a, gui_state_text(s, a->lang), GUI_NORMAL, gui_rgba(0xffffff, 255), w,
          r.x + r.w / 2, r.y + 2 * u + ln / 2);
    title(a, gui_state_text(s, other), GUI_SMALL, darken(c, 1.0f), w, r.x + r.w / 2,
          r.y + 2 * u + ln + ls / 2);
}

/* The most recent transition, whose cause is shown. */
static const gui_tr *latest(const gui_app *a)
{
    return a->sim.nlog ? &a->sim.log[a->sim.nlog - 1] : NULL;
}

static void arrow(gui_app *a, const gui_arrow *ar)
{
    float sc = a->L.scale;
    int on = gui_sim_lit(&a->sim, ar->kind, ar->from);
    SDL_Color c = ar->kind == PS_TR_KILL ? gui_rgba(0x8e3b3b, 255) : gui_rgba(0x6d7684, 255);
    if (on)
        c = gui_rgba(0xfff59d, 255);
    float w = (on ? 3.0f : 1.6f) * sc;
    for (int i = 0; i + 1 < ar->np; i++)
        gui_line(a->ren, ar->p[i], ar->p[i + 1], w, c);
    gui_arrowhead(a->ren, ar->p[ar->np - 2], ar->p[ar->np - 1], 9 * sc, c);
    if (ar->label.w <= 0)
        return;
    char label[96]; /* cut to its place where the nodes leave less (large type) */
    snprintf(label, sizeof label, "%s", gui_kind_text(ar->kind, a->lang));
    gui_text_fit(a->text, label, sizeof label, GUI_SMALL, ar->label.w);
    int tw, th;
    gui_text_measure(a->text, label, GUI_SMALL, &tw, &th);
    gui_rect box = {ar->label.x + ar->label.w / 2 - tw / 2.0f - 3 * sc,
                    ar->label.y + ar->label.h / 2 - th / 2.0f, tw + 6 * sc, (float)th};
    gui_fill(a->ren, box, gui_rgba(GUI_PANEL, 235));
    gui_text_cover(a->text, box.x, box.y, box.w, box.h);
    gui_text_draw_centered(a->text, label, GUI_SMALL, on ? c : gui_rgba(GUI_DIM, 255),
                           (int)(box.x + box.w / 2), (int)(box.y + box.h / 2));
}

/* The cause of the latest transition, under the diagram's title. */
static void cause_line(gui_app *a)
{
    const gui_tr *t = latest(a);
    if (!t)
        return;
    char cause[GUI_NAME_BUF + 256], line[GUI_TEXT_MAX - 1]; /* a line cut, fit keeps its whole */
    gui_cause_text(a->sim.e, &t->ev, a->lang, cause, sizeof cause);
    snprintf(line, sizeof line, "%s %lld: %s  %s -> %s  (%s: %s)", gui_word_text(GUI_W_TICK, a->lang),
             (long long)t->ev.time, ps_engine_pcb(a->sim.e, t->ev.pid)->name,
             gui_state_text((ps_state)t->ev.from, a->lang), gui_state_text((ps_state)t->ev.to, a->lang),
             ps_event_name_in((ps_event)t->ev.event, gui_ps_lang(a->lang)), cause);
    gui_utf8_trim(line);
    gui_rect d = a->L.diagram;
    gui_text_fit(a->text, line, sizeof line, GUI_NORMAL, d.w - 16 * a->L.scale); /* the whole on hover */
    gui_text_draw(a->text, line, GUI_NORMAL, gui_rgba(0xfff59d, 255), (int)(d.x + 8 * a->L.scale),
                  (int)(d.y + d.h - gui_text_line_height(a->text, GUI_NORMAL) - 4 * a->L.scale));
}

/* Where token pid is drawn: along its arrow while it moves, else in its
 * node's queue (gui_sim_token_state says which node). */
static gui_point token_position(gui_app *a, uint32_t pid, const uint32_t *slot, const int *count)
{
    const gui_token *t = &a->sim.tok[pid - 1];
    if (t->nmoves) {
        const gui_arrow *ar = gui_layout_arrow(&a->L, (ps_transition_kind)t->kind, (ps_state)t->from);
        if (ar)
            return gui_arrow_point(ar, gui_ease(t->t));
    }
    ps_state s = gui_sim_token_state(&a->sim, pid);
    return gui_node_slot(&a->L, s, (int)slot[pid - 1], count[s], NULL);
}

/* Token labels: placed after every disc, where they cover no other text
 * and no node but their own (below its titles), else not shown. */
enum { LABELS_MAX = 32, TAKEN_MAX = 64 };

typedef struct label {
    uint32_t pid;
    gui_point at;        /* the token's centre */
    int named;           /* its name shown */
    int zombie;          /* "zombie" shown (after the name) */
} label;

/* The rectangles a token label must keep off: the arrows' labels, the
 * nodes' titles, the "+k" of full queues, the diagram's title and cause
 * line, and the labels already placed (added as they are). */
typedef struct taken {
    gui_rect r[GUI_MAX_ARROWS + PS_STATE_COUNT * 2 + TAKEN_MAX];
    int n;
} taken;

static void take(taken *t, gui_rect r)
{
    if (t->n < (int)(sizeof t->r / sizeof t->r[0]) && r.w > 0)
        t->r[t->n++] = r;
}

static int free_at(const gui_app *a, const taken *t, gui_rect b)
{
    for (int i = 0; i < t->n; i++)
        if (gui_rect_overlap(b, t->r[i]))
            return 0;
    for (int s = 0; s < PS_STATE_COUNT; s++) { /* inside its node, or off every node */
        gui_rect n = a->L.node[s];
        int inside = b.x >= n.x && b.y >= n.y && b.x + b.w <= n.x + n.w && b.y + b.h <= n.y + n.h;
        if (gui_rect_overlap(b, n) && !inside)
            return 0;
    }
    gui_rect d = a->L.diagram;
    return b.x >= d.x && b.x + b.w <= d.x + d.w;
}

/* Token discs other than pid's that a label must not cover. */
static int off_discs(const gui_app *a, gui_rect b, uint32_t pid)
{
    float r = a->L.token_r;
    for (uint32_t q = 1; q <= ps_engine_nprocs(a->sim.e); q++) {
        gui_point c = a->token_at[q - 1];
        if (q != pid && c.x > -1e5f && gui_rect_overlap(b, (gui_rect){c.x - r, c.y - r, 2 * r, 2 * r}))
            return 0;
    }
    return 1;
}

static void token_labels(gui_app *a, const label *l, int nl, taken *t)
{
    float r = a->L.token_r, u = a->L.unit;
    for (int i = 0; i < nl; i++) {
        const ps_pcb *p = ps_engine_pcb(a->sim.e, l[i].pid);
        int named = l[i].named, zombie = l[i].zombie;
        char text[GUI_NAME_BUF + 32];
        snprintf(text, sizeof text, "%s%s%s%s", named ? p->name : "", named && zombie ? " (" : "",
                 zombie ? gui_word_text(GUI_W_ZOMBIE, a->lang) : "", named && zombie ? ")" : "");
        /* at most as wide as the node it is in, else eight tokens */
        float most = 16 * r;
        for (int s = 0; s < PS_STATE_COUNT; s++)
            if (gui_rect_hit(a->L.node[s], l[i].at.x, l[i].at.y))
                most = a->L.node[s].w - 4 * u;
        gui_text_fit(a->text, text, sizeof text, GUI_SMALL, most);
        int tw, th;
        gui_text_measure(a->text, text, GUI_SMALL, &tw, &th);
        gui_rect below = {l[i].at.x - (float)tw / 2, l[i].at.y + r + 1, (float)tw, (float)th};
        gui_rect above = below;
        above.y = l[i].at.y - r - 1 - (float)th;
        gui_rect *b = free_at(a, t, below) && off_discs(a, below, l[i].pid) ? &below
                      : free_at(a, t, above) && off_discs(a, above, l[i].pid) ? &above
                                                                               : NULL;
        if (!b)
            continue; /* no room: the table and the PCB name it */
        take(t, *b);
        gui_text_draw(a->text, text, GUI_SMALL, gui_rgba(l[i].zombie ? GUI_ZOMBIE_TEXT : GUI_TEXT, 255),
                      (int)b->x, (int)b->y);
    }
}

/* What token labels keep off, besides the nodes themselves. */
static void taken_init(gui_app *a, taken *t)
{
    t->n = 0;
    for (int i = 0; i < a->L.narrow; i++)
        take(t, a->L.arrow[i].label);
    for (int s = 0; s < PS_STATE_COUNT; s++) {
        gui_rect n = a->L.node[s];
        take(t, (gui_rect){n.x, n.y, n.w, a->L.title_h});
    }
    gui_rect d = a->L.diagram;
    float ln = (float)gui_text_line_height(a->text, GUI_NORMAL) + 4 * a->L.scale;
    take(t, (gui_rect){d.x, d.y, d.w * 0.3f, (float)gui_text_line_height(a->text, GUI_SMALL) + 4 * a->L.scale});
    take(t, (gui_rect){d.x, d.y + d.h - ln, d.w, ln});
}

/* The selected token at rest past what its node shows trades slots with
 * the last one shown, which joins the "+k" instead (so the count, which
 * was made before, still holds).  With no slot at all it is in the count. */
static void show_selected(gui_app *a, uint32_t *slot, const int *fits)
{
    uint32_t sel = a->selected, n = ps_engine_nprocs(a->sim.e);
    if (sel < 1 || sel > n || a->sim.tok[sel - 1].nmoves > 0)
        return;
    ps_state s = gui_sim_token_state(&a->sim, sel);
    if (s == PS_NONE || fits[s] == 0 || (int)slot[sel - 1] < fits[s])
        return;
    for (uint32_t pid = 1; pid <= n; pid++)
        if (pid != sel && gui_sim_token_state(&a->sim, pid) == s &&
            slot[pid - 1] == (uint32_t)(fits[s] - 1)) {
            slot[pid - 1] = slot[sel - 1];
            break;
        }
    slot[sel - 1] = (uint32_t)(fits[s] - 1);
}

static void tokens(gui_app *a)
{
    const ps_engine *e = a->sim.e;
    uint32_t n = ps_engine_nprocs(e), *order = a->order, *slot = a->slot;
    int count[PS_STATE_COUNT] = {0}, fits[PS_STATE_COUNT];
    float r = a->L.token_r, sc = a->L.scale;
    uint32_t shown = gui_sim_shown(&a->sim);
    label lab[LABELS_MAX];
    int nlab = 0;
    taken t;
    taken_init(a, &t);
    for (int s = 0; s < PS_STATE_COUNT; s++) {
        uint32_t k = ps_engine_queue(e, (ps_state)s, order, n);
        count[s] = (int)k;
        for (uint32_t i = 0; i < k; i++)
            slot[order[i] - 1] = i;
    }
    for (uint32_t pid = 1; pid <= n; pid++) { /* the quiz's token gone ahead: last in its node */
        ps_state s = gui_sim_token_state(&a->sim, pid);
        const ps_pcb *p = ps_engine_pcb(e, pid);
        if (s != PS_NONE && (!p->created || s != p->state))
            slot[pid - 1] = (uint32_t)count[s]++;
    }
    for (int s = 0; s < PS_STATE_COUNT; s++) { /* "+k" for what does not fit: in the last */
        gui_node_slot(&a->L, (ps_state)s, 0, count[s], &fits[s]); /* slots, kept for it */
        if (fits[s] < count[s]) {
            char more[32];
            int tw, th, keep;
            snprintf(more, sizeof more, "+%d", count[s] - fits[s] + 2);
            gui_text_measure(a->text, more, GUI_SMALL, &tw, &th);
            keep = 1 + (int)((float)tw / gui_token_pitch(&a->L));
            fits[s] = fits[s] > keep ? fits[s] - keep : 0;
            snprintf(more, sizeof more, "+%d", count[s] - fits[s]);
            gui_text_measure(a->text, more, GUI_SMALL, &tw, &th);
            gui_rect nr = a->L.node[s]; /* over the 2-point border */
            gui_rect box = {nr.x + nr.w - (float)tw - 3 * sc, nr.y + nr.h - (float)th - 3 * sc,
                            (float)tw, (float)th};
            take(&t, box);
            gui_text_draw(a->text, more, GUI_SMALL, gui_rgba(GUI_TEXT, 255), (int)box.x, (int)box.y);
        }
    }
    show_selected(a, slot, fits);
    for (uint32_t pid = 1; pid <= n; pid++) {
        int moving = a->sim.tok[pid - 1].nmoves > 0;
        a->token_at[pid - 1] = (gui_point){-1e6f, -1e6f}; /* not shown, not clickable */
        ps_state ts = gui_sim_token_state(&a->sim, pid);
        if (ts == PS_NONE)
            continue;
        /* past what fits, a queue shows "+k" instead of piling discs up */
        if (!moving && (int)slot[pid - 1] >= fits[ts])
            continue;
        gui_point at = token_position(a, pid, slot, count);
        a->token_at[pid - 1] = at;
        if (pid == a->selected)
            gui_disc(a->ren, at, r + GUI_TOKEN_RING * sc, gui_rgba(0xffffff, 255));
        int zombie = !moving && gui_sim_zombie(&a->sim, pid); /* exited, not yet reaped */
        gui_text_cover(a->text, at.x - r, at.y - r, 2 * r, 2 * r);
        if (zombie) {
            gui_trace_zombie(a, at, pid);
        } else {
            gui_disc(a->ren, at, r, gui_token_color(pid));
            char id[16];
            snprintf(id, sizeof id, "%u", pid);
            gui_text_draw_centered(a->text, id, GUI_SMALL, gui_rgba(0x101010, 255), (int)at.x,
                                   (int)at.y);
        }
        int alone = moving || count[ts] == 1;
        int named = pid == a->selected || (alone && shown <= 24);
        if ((named || zombie) && nlab < LABELS_MAX) /* a zombie is always labelled so */
            lab[nlab++] = (label){pid, at, named, zombie};
    }
    /* the selected token's label first: it gets the room */
    for (int i = 0; i < nlab; i++)
        if (lab[i].pid == a->selected) {
            label l = lab[i];
            lab[i] = lab[0];
            lab[0] = l;
        }
    token_labels(a, lab, nlab, &t);
}

void gui_view_diagram(gui_app *a)
{
    gui_rect d = a->L.diagram; /* the frame was cleared to GUI_PANEL */
    SDL_Rect clip = {(int)d.x, (int)d.y, (int)d.w, (int)d.h};
    SDL_RenderSetClipRect(a->ren, &clip);
    gui_text_draw(a->text, gui_word_text(GUI_W_DIAGRAM, a->lang), GUI_SMALL, gui_rgba(GUI_DIM, 255),
                  (int)(d.x + 6 * a->L.scale), (int)(d.y + 4 * a->L.scale));
    for (int i = 0; i < a->L.narrow; i++)
        arrow(a, &a->L.arrow[i]);
    for (int s = 0; s < PS_STATE_COUNT; s++)
        node(a, (ps_state)s);
    if (a->sim.e)
        tokens(a);
    cause_line(a);
    SDL_RenderSetClipRect(a->ren, NULL);
}
