/* layout.h — where everything in the window goes, as pure functions of the
 * window size: panels, the seven state nodes in the textbook's layout
 * (Stallings fig. 3.9b), the arrow of every transition with its label,
 * token slots inside a node, motion along an arrow, hit-testing.  No SDL:
 * tests call these directly.
 *
 *            New ─────────────────────────────────────┐ kill
 *          ↙     ↘                                    ↓
 *   Ready/Suspend ⇄ Ready ⇄ Running ──release──→ Exit
 *        ↑            ↑   ↙                          ↑
 *   Blocked/Suspend ⇄ Blocked                        │
 *   └─────────── kill (from any live state) ─────────┘
 */
#ifndef PROCSIM_GUI_LAYOUT_H
#define PROCSIM_GUI_LAYOUT_H

#include "procsim/state.h"

typedef struct gui_point {
    float x, y;
} gui_point;

typedef struct gui_rect {
    float x, y, w, h;
} gui_rect;

#define GUI_ARROW_POINTS 6

typedef struct gui_arrow {
    ps_transition_kind kind;
    ps_state from, to;       /* from = PS_NONE for create */
    gui_point p[GUI_ARROW_POINTS];
    int np;
    gui_rect label;          /* where its label goes (empty: no label, for
                                all kill arrows but one) */
} gui_arrow;

#define GUI_MAX_ARROWS 24

typedef struct gui_layout {
    float w, h, scale;       /* window size in pixels, HiDPI scale */
    gui_rect toolbar, diagram, resources, gantt, table, detail, log;
    gui_rect node[PS_STATE_COUNT];
    gui_arrow arrow[GUI_MAX_ARROWS];
    int narrow;
    float token_r;           /* token radius */
} gui_layout;

/* Lay out a window of w x h pixels (scale: 1, or 2 on HiDPI). */
void gui_layout_compute(gui_layout *L, float w, float h, float scale);

/* The arrow a transition of kind k from state `from` travels along, or
 * NULL (there is one for every legal transition in state.h: one per
 * kind, and for kill one per live state). */
const gui_arrow *gui_layout_arrow(const gui_layout *L, ps_transition_kind k, ps_state from);

/* The point a fraction t (0..1) of the way along the arrow, by length. */
gui_point gui_arrow_point(const gui_arrow *a, float t);
float gui_arrow_length(const gui_arrow *a);

/* Eased progress: slow start, slow end (smoothstep), t clamped to 0..1. */
float gui_ease(float t);

/* Centre of the i-th of n tokens queued in node s (in scheduler order,
 * row by row).  Tokens past what fits share the last slot; *fits tells
 * how many fit (the renderer then draws "+k"). */
gui_point gui_node_slot(const gui_layout *L, ps_state s, int i, int n, int *fits);

int gui_rect_hit(gui_rect r, float x, float y);
int gui_circle_hit(gui_point c, float r, float x, float y);
int gui_rect_overlap(gui_rect a, gui_rect b);

#endif
