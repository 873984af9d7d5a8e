/* quiz.c — predict the next state (quiz.h). */
#include "quiz.h"

#include <stdlib.h>
#include <string.h>

static void collect(void *ctx, const ps_trace_event *ev)
{
    gui_quiz *q = ctx;
    /* creation is no question: every process starts New */
    if (ev->pid == q->follow && ev->from != PS_NONE &&
        q->npending < (int)(sizeof q->pending / sizeof q->pending[0]))
        q->pending[q->npending++] = *ev;
}

int gui_quiz_start(gui_quiz *q, const ps_scenario *s, uint32_t pid, uint32_t instants,
                   gui_quiz_replay replay, void *ctx)
{
    ps_engine_destroy(q->ahead);
    q->ahead = ps_engine_create(s);
    if (!q->ahead) {
        q->on = 0;
        return -1;
    }
    q->follow = pid;
    q->looked = 0;
    q->npending = q->next = 0;
    if (replay)
        replay(ctx, q->ahead, 0);
    for (uint32_t i = 0; i < instants; i++) {
        if (ps_engine_step(q->ahead) != PS_STEP_OK)
            break;
        if (replay)
            replay(ctx, q->ahead, i + 1);
    }
    ps_engine_set_listener(q->ahead, collect, q);
    q->on = 1;
    return 0;
}

void gui_quiz_stop(gui_quiz *q)
{
    ps_engine_destroy(q->ahead);
    q->ahead = NULL;
    q->on = 0;
}

void gui_quiz_fini(gui_quiz *q)
{
    gui_quiz_stop(q);
    free(q->items);
    memset(q, 0, sizeof *q);
}

int gui_quiz_hold(gui_quiz *q)
{
    if (!q->on)
        return 0;
    if (!q->looked) {
        q->npending = q->next = 0;
        ps_engine_step(q->ahead);
        q->looked = 1;
    }
    return q->next < q->npending;
}

const ps_trace_event *gui_quiz_question(const gui_quiz *q)
{
    return q->on && q->looked && q->next < q->npending ? &q->pending[q->next] : NULL;
}

int gui_quiz_answer(gui_quiz *q, ps_state s)
{
    const ps_trace_event *ev = gui_quiz_question(q);
    if (!ev)
        return -1;
    if (q->nitems == q->capitems) {
        size_t cap = q->capitems ? 2 * q->capitems : 16;
        gui_quiz_item *n = realloc(q->items, cap * sizeof *n);
        if (!n) {
            q->nomem = 1;
            q->next++;
            return -1;
        }
        q->items = n;
        q->capitems = cap;
    }
    int right = ev->to == s;
    q->items[q->nitems++] = (gui_quiz_item){*ev, (uint8_t)s, (uint8_t)right};
    q->next++;
    return right;
}

void gui_quiz_stepped(gui_quiz *q)
{
    q->looked = 0;
}

unsigned gui_quiz_right(const gui_quiz *q)
{
    unsigned n = 0;
    for (size_t i = 0; i < q->nitems; i++)
        n += q->items[i].right;
    return n;
}
