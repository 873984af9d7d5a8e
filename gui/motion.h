/* motion.h — how the tokens move, for sim.c (sim.h has what the window
 * reads: gui_sim_token_state, gui_sim_at_rest, gui_sim_lit, and when the
 * quiz may ask: gui_sim_quiz_question).  No SDL.
 *
 * A token shows one move at most: its process's latest transition, from
 * the start of that arrow; it never queues older ones.  A move takes
 * GUI_MOVE_SECONDS at 1x, less when the next instant is due sooner, so
 * that each instant finds every token at rest.  docs/gui.md, "The diagram
 * is always at the clock", states the rules ([SYNC1] to [SYNC6]).
 */
#ifndef PROCSIM_GUI_MOTION_H
#define PROCSIM_GUI_MOTION_H

#include "sim.h"

/* The token of ev->pid takes transition `ev`, logged at index `tr` (the
 * move under way, if any, is dropped). */
void gui_motion_take(gui_sim *g, const ps_trace_event *ev, int64_t tr);
/* `dt` wall seconds pass at `pace` moves a second; `left`: wall seconds
 * until the next instant is taken (< 0: none is coming, so no hurry).
 * Every move under way ends by then. */
void gui_motion_advance(gui_sim *g, double dt, double pace, double left);
/* Every token whose state is not its process's goes there at once, at
 * rest; with `all`, every token comes to rest (no motion replayed). */
void gui_motion_settle(gui_sim *g, int all);
/* The quiz has just opened a question: the followed token is put in the
 * state the question says it is in (the instant's first question may be
 * about a process the engine has not created yet: it shows in New). */
void gui_motion_quiz_place(gui_sim *g);

#endif
