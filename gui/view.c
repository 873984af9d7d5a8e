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

static SDL_Color darken(SDL_Color c, float f)
{
    return (SDL_Color){(Uint8)(c.r * f), (Uint8)(c.g * f), (Uint8)(c.b * f), c.a};
}

static void node(gui_app *a, ps_state s)
{
    gui_rect r = a->L.node[s];
    SDL_Color c = gui_state_color(s);
    float sc = a->L.scale;
    gui_fill(a->ren, r, darken(c, 0.28f));
    gui_frame(a->ren, r, c, 2 * sc);
    gui_lang other = a->lang == GUI_KO ? GUI_EN : GUI_KO;
    int lh = gui_text_line_height(a->text, GUI_NORMAL);
    gui_text_draw_centered(a->text, gui_state_text(s, a->lang), GUI_NORMAL, gui_rgba(0xffffff, 255),
                           (int)(r.x + r.w / 2), (int)(r.y + lh * 0.7f));
    gui_text_draw_centered(a->text, gui_state_text(s, other), GUI_SMALL, darken(c, 1.0f),
                           (int)(r.x + r.w / 2), (int)(r.y + lh * 1.55f));
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
    const char *label = gui_kind_text(ar->kind, a->lang);
    int tw, th;
    gui_text_measure(a->text, label, GUI_SMALL, &tw, &th);
    gui_rect box = {ar->label.x + ar->label.w / 2 - tw / 2.0f - 3 * sc,
                    ar->label.y + ar->label.h / 2 - th / 2.0f, tw + 6 * sc, (float)th};
    gui_fill(a->ren, box, gui_rgba(GUI_PANEL, 235));
    gui_text_draw_centered(a->text, label, GUI_SMALL, on ? c : gui_rgba(GUI_DIM, 255),
                           (int)(box.x + box.w / 2), (int)(box.y + box.h / 2));
}

/* The cause of the latest transition, under the diagram's title. */
static void cause_line(gui_app *a)
{
    const gui_tr *t = latest(a);
    if (!t)
        return;
    char cause[256], line[400];
    gui_cause_text(a->sim.e, &t->ev, a->lang, cause, sizeof cause);
    snprintf(line, sizeof line, "%s %lld: %s  %s -> %s  (%s: %s)", gui_word_text(GUI_W_TICK, a->lang),
             (long long)t->ev.time, ps_engine_pcb(a->sim.e, t->ev.pid)->name,
             gui_state_text((ps_state)t->ev.from, a->lang), gui_state_text((ps_state)t->ev.to, a->lang),
             ps_event_token((ps_event)t->ev.event), cause);
    gui_rect d = a->L.diagram;
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

static void tokens(gui_app *a)
{
    const ps_engine *e = a->sim.e;
    uint32_t n = ps_engine_nprocs(e), *order = a->order, *slot = a->slot;
    int count[PS_STATE_COUNT] = {0}, fits[PS_STATE_COUNT];
    float r = a->L.token_r, sc = a->L.scale;
    uint32_t shown = gui_sim_shown(&a->sim);
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
    for (int s = 0; s < PS_STATE_COUNT; s++) { /* "+k" for what does not fit */
        gui_node_slot(&a->L, (ps_state)s, 0, count[s], &fits[s]);
        if (fits[s] < count[s]) {
            char more[32];
            snprintf(more, sizeof more, "+%d", count[s] - fits[s]);
            gui_rect nr = a->L.node[s];
            int tw, th;
            gui_text_measure(a->text, more, GUI_SMALL, &tw, &th);
            gui_text_draw(a->text, more, GUI_SMALL, gui_rgba(GUI_TEXT, 255),
                          (int)(nr.x + nr.w - tw - 3 * sc), (int)(nr.y + nr.h - th - 1 * sc));
        }
    }
    for (uint32_t pid = 1; pid <= n; pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        int moving = a->sim.tok[pid - 1].nmoves > 0;
        ps_state ts = gui_sim_token_state(&a->sim, pid);
        if (ts == PS_NONE)
            continue;
        /* past what fits, a queue shows "+k" instead of piling discs up */
        if (!moving && (int)slot[pid - 1] >= fits[ts] && pid != a->selected) {
            a->token_at[pid - 1] = (gui_point){-1e6f, -1e6f}; /* not clickable */
            continue;
        }
        gui_point at = token_position(a, pid, slot, count);
        a->token_at[pid - 1] = at;
        if (pid == a->selected)
            gui_disc(a->ren, at, r + 3 * sc, gui_rgba(0xffffff, 255));
        int zombie = !moving && gui_sim_zombie(&a->sim, pid); /* exited, not yet reaped */
        if (zombie) {
            gui_trace_zombie(a, at, pid);
        } else {
            gui_disc(a->ren, at, r, gui_token_color(pid));
            char id[16];
            snprintf(id, sizeof id, "%u", pid);
            gui_text_draw_centered(a->text, id, GUI_SMALL, gui_rgba(0x101010, 255), (int)at.x,
                                   (int)at.y);
        }
        ps_state in = (ps_state)p->state;
        int alone = a->sim.tok[pid - 1].nmoves || count[in] == 1;
        int named = pid == a->selected || (alone && shown <= 24);
        if (named || zombie) { /* a zombie is always labelled so */
            char label[96];
            snprintf(label, sizeof label, "%s%s%s%s", named ? p->name : "",
                     named && zombie ? " (" : "", zombie ? gui_word_text(GUI_W_ZOMBIE, a->lang) : "",
                     named && zombie ? ")" : "");
            int tw, th;
            gui_text_measure(a->text, label, GUI_SMALL, &tw, &th);
            gui_text_draw(a->text, label, GUI_SMALL,
                          gui_rgba(zombie ? GUI_ZOMBIE_TEXT : GUI_TEXT, 255),
                          (int)(at.x - tw / 2.0f), (int)(at.y + r + 1));
        }
    }
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
