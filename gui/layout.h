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

/* What the layout is computed from: the window and what it will show. */
typedef struct gui_layout_in {
    float w, h;              /* drawable size in pixels */
    float scale;             /* HiDPI: drawable pixels per window point (1, 2) */
    float zoom;              /* the user's zoom (Ctrl + / Ctrl - / Ctrl 0): 1 */
    int presentation;        /* presentation mode: large type */
    int nprocs;              /* processes (rows the table and timeline want) */
    int res_rows;            /* rows the shared-objects panel wants */
    int describe;            /* the description: 0 none, 1 folded, 2 open */
    int describe_lines;      /* its lines when open */
    /* layout (issue 14, part 1) */
    int toolbar_rows;        /* rows the toolbar's buttons take (0: 1) */
} gui_layout_in;

/* The rows a trace's output panel is given (in place of the shared
 * objects). */
#define GUI_TRACE_OUTPUT_ROWS 8

/* The user's zoom: from 0.7x to 2.5x (Ctrl 0: 1x). */
#define GUI_ZOOM_MIN 0.7f
#define GUI_ZOOM_MAX 2.5f

typedef struct gui_layout {
    float w, h, scale;       /* window size in pixels, HiDPI scale */
    gui_layout_in in;        /* what it was computed from */
    int font_px[3];          /* small, normal, large (gui_font_size) */
    gui_rect toolbar;
    gui_rect header;         /* the scenario's title, the description's fold */
    gui_rect describe;       /* the description, open (else empty) */
    gui_rect diagram, resources, gantt, table, detail, log;
    gui_rect node[PS_STATE_COUNT];
    gui_arrow arrow[GUI_MAX_ARROWS];
    int narrow;
    float token_r;           /* token radius */
    /* layout (issue 14, part 1) */
    float unit;              /* pixels per point of the 1280x800 design at
                                the fonts' size (font_px[1] / 14): fixed
                                sizes beside text are multiplied by it */
    float button_h;          /* a toolbar button's height */
    float title_h;           /* a node's two titles; its tokens go under */
} gui_layout;

/* Lay out a window for `in` (a zoom of 0 counts as 1). */
void gui_layout_compute_in(gui_layout *L, const gui_layout_in *in);
/* The same with nothing but the size known (tests, the first frame). */
void gui_layout_compute(gui_layout *L, float w, float h, float scale);
/* Put the seven nodes and their arrows inside `d` (L->diagram = d): the
 * window's diagram, or one column of the compare view. */
void gui_layout_place_diagram(gui_layout *L, gui_rect d);

/* The arrow a transition of kind k from state `from` travels along, or
 * NULL (there is one for every legal transition in state.h: one per
 * kind, and for kill one per live state). */
const gui_arrow *gui_layout_arrow(const gui_layout *L, ps_transition_kind k, ps_state from);

/* The point a fraction t (0..1) of the way along the arrow, by length. */
gui_point gui_arrow_point(const gui_arrow *a, float t);
float gui_arrow_length(const gui_arrow *a);

/* Eased progress: slow start, slow end (smoothstep), t clamped to 0..1. */
float gui_ease(float t);

/* The least room between two discs at rest, in points (so that two never
 * touch, nor a selected one's ring cover its neighbour). */
#define GUI_TOKEN_GAP 3.0f
/* The white ring round the selected token, in points past its disc;
 * gui_node_slot keeps it, too, inside the node's border. */
#define GUI_TOKEN_RING 3.0f

/* Centre of the i-th of n tokens queued in node s (in scheduler order,
 * row by row): every disc, with the ring it wears when selected
 * (GUI_TOKEN_RING), wholly inside its node under its titles, no two
 * closer than gui_token_pitch.  Tokens past what fits share the last
 * slot; *fits tells how many fit (the renderer then draws "+k"; 0 when
 * large type leaves no row under the titles). */
gui_point gui_node_slot(const gui_layout *L, ps_state s, int i, int n, int *fits);
/* The distance between the centres of two neighbouring discs at rest. */
float gui_token_pitch(const gui_layout *L);

int gui_rect_hit(gui_rect r, float x, float y);
int gui_circle_hit(gui_point c, float r, float x, float y);
int gui_rect_overlap(gui_rect a, gui_rect b);

#endif
