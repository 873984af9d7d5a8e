/* motion.c — how the tokens move, and when the quiz may ask (motion.h). */
#include "motion.h"

/* Where the diagram should show process pid: its state once created. */
static ps_state engine_state(const gui_sim *g, uint32_t pid)
{
    const ps_pcb *p = ps_engine_pcb(g->e, pid);
    return p->created ? (ps_state)p->state : PS_NONE;
}

void gui_motion_take(gui_sim *g, const ps_trace_event *ev, int64_t tr)
{
    gui_token *t = &g->tok[ev->pid - 1];
    t->from = ev->from; /* [SYNC2]: the newest arrow, from its start */
    t->kind = ev->kind;
    t->at = ev->to;
    t->nmoves = 1;
    t->t = 0;
    t->lit_tr = tr;
}

void gui_motion_advance(gui_sim *g, double dt, double pace, double left)
{
    for (uint32_t i = 0; i < g->s->nprocs; i++) {
        gui_token *t = &g->tok[i];
        if (!t->nmoves)
            continue;
        /* [SYNC3]: it arrives by the next instant, in this frame if that
         * comes in it, else at least at the pace that gets it there then */
        double rate = left > 0 && (1 - t->t) / left > pace ? (1 - t->t) / left : pace;
        t->t += (float)(dt * rate);
        if (t->t >= 1 || (left >= 0 && left <= dt)) {
            t->nmoves = 0;
            t->t = 0;
        }
    }
}

void gui_motion_settle(gui_sim *g, int all)
{
    for (uint32_t pid = 1; g->tok && pid <= g->s->nprocs; pid++) {
        gui_token *t = &g->tok[pid - 1];
        ps_state s = engine_state(g, pid);
        if (t->at != s || all) {
            t->at = (uint8_t)s;
            t->nmoves = 0;
            t->t = 0;
        }
    }
}

ps_state gui_sim_token_state(const gui_sim *g, uint32_t pid)
{
    if (!g->e || !g->tok || pid < 1 || pid > g->s->nprocs)
        return PS_NONE;
    return (ps_state)g->tok[pid - 1].at;
}

int gui_sim_at_rest(const gui_sim *g)
{
    for (uint32_t i = 0; g->tok && i < g->s->nprocs; i++)
        if (g->tok[i].nmoves)
            return 0;
    return 1;
}

int gui_sim_lit(const gui_sim *g, ps_transition_kind kind, ps_state from)
{
    if (!g->nlog)
        return 0;
    int64_t now = g->log[g->nlog - 1].ev.time; /* [SYNC6]: the latest instant's */
    for (size_t i = g->nlog; i-- > 0 && g->log[i].ev.time == now;)
        if (g->log[i].ev.kind == kind && g->log[i].ev.from == from)
            return 1;
    return 0;
}

/* ---- when the quiz may ask ----------------------------------------------- */

void gui_motion_quiz_place(gui_sim *g)
{
    const ps_trace_event *q = gui_quiz_question(g->quiz);
    gui_token *t = &g->tok[q->pid - 1];
    if (t->at != q->from) { /* a process created in the coming instant: in New */
        t->at = q->from;
        t->nmoves = 0;
    }
}

const ps_trace_event *gui_sim_quiz_question(const gui_sim *g)
{
    const ps_trace_event *q = g->quiz && g->e ? gui_quiz_question(g->quiz) : NULL;
    /* [SYNC5]: asked only with the diagram at its instant */
    if (!q || !gui_sim_at_rest(g) || gui_sim_token_state(g, q->pid) != q->from)
        return NULL;
    return q;
}

void gui_sim_quiz_stop(gui_sim *g)
{
    if (g->quiz)
        gui_quiz_stop(g->quiz);
    if (g->e)
        gui_motion_settle(g, 0);
}
