/* quiz.h — the GUI's quiz: predict the next state (no SDL; tested alone).
 *
 * The quiz follows one process.  Before each instant in which that process
 * changes state, the simulation holds and asks which state comes next;
 * the student answers by clicking a state, and is told whether it was
 * right, with the transition and its cause.  So that nothing on screen
 * gives the answer away, the quiz looks ahead with an engine of its own,
 * one instant in front of the one shown: the question is asked while the
 * shown engine is still before the transition.  Model runs only (a live
 * run cannot be looked ahead of).  The window shows a question only once
 * the diagram is at its instant (gui_sim_quiz_question, sim.h).
 */
#ifndef PROCSIM_GUI_QUIZ_H
#define PROCSIM_GUI_QUIZ_H

#include <stddef.h>
#include <stdint.h>

#include "procsim/engine.h"

typedef struct gui_quiz_item {   /* one question, once answered */
    ps_trace_event ev;           /* the transition asked about */
    uint8_t given;               /* the state the student chose */
    uint8_t right;
} gui_quiz_item;

typedef struct gui_quiz {
    int on;
    uint32_t follow;             /* pid */
    ps_engine *ahead;            /* one instant in front when `looked` */
    int looked;                  /* ahead has taken the coming instant */
    ps_trace_event pending[16];  /* the coming instant's transitions of `follow` */
    int npending, next;          /* asked so far: pending[0..next) */
    gui_quiz_item *items;
    size_t nitems, capitems;
    int nomem;
} gui_quiz;

/* Follow `pid` in scenario `s` whose shown engine has taken `instants`
 * steps, with the user's actions `act(ctx, engine, instant)` replayed
 * (may be NULL).  Returns 0, or -1 if out of memory. */
typedef void (*gui_quiz_replay)(void *ctx, ps_engine *e, uint32_t instant);
int gui_quiz_start(gui_quiz *q, const ps_scenario *s, uint32_t pid, uint32_t instants,
                   gui_quiz_replay replay, void *ctx);
void gui_quiz_stop(gui_quiz *q); /* keeps the score; accepts a stopped quiz */
void gui_quiz_fini(gui_quiz *q);

/* Before the shown engine takes its next step: 1 if a question is open
 * (do not step until it is answered), 0 to step. */
int gui_quiz_hold(gui_quiz *q);
/* The open question (NULL if none). */
const ps_trace_event *gui_quiz_question(const gui_quiz *q);
/* The student chose `s`: returns 1 if right, 0 if wrong (-1: no question
 * is open).  The answer is recorded in items. */
int gui_quiz_answer(gui_quiz *q, ps_state s);
/* The shown engine took its step. */
void gui_quiz_stepped(gui_quiz *q);

unsigned gui_quiz_right(const gui_quiz *q);

#endif
