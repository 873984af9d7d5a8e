/* gantt.h — the window's Gantt chart as pure functions (no SDL): the
 * textbook's chart of a run, read from gui_sim's recorder of who ran on
 * each CPU (procsim/gantt.h, idle included) and its log of transitions
 * (a lane per process, coloured by state).  gantt_view.c draws it in the
 * window and into a PNG, gantt_svg.c writes it as SVG; both place it with
 * gui_gantt_place and read it with the visitors below.
 *
 *   Gantt chart  0    5    10   15   20          <- the tick axis
 *   CPU 0        [P1 ][P2][idle][P1     ]        <- who ran where
 *   CPU 1        [P3      ][P2 ]
 *   P1           ######....####|                 <- per process, by state
 *   P2           ...###..      |                    (| the playhead: now)
 *
 * The view window [t0, t1) is the whole run so far until the user zooms
 * (the mouse wheel); zoomed, it follows the playhead unless the user has
 * scrolled back (shift+wheel or a drag), and scrolling up to now follows
 * it again. */
#ifndef PROCSIM_GUI_GANTT_H
#define PROCSIM_GUI_GANTT_H

#include <stdint.h>

#include "i18n.h"
#include "layout.h"
#include "sim.h"

/* The whole run's chart spans at least this many ticks, a zoomed one at
 * least GUI_GANTT_MIN_SPAN; zoomed and following, now is this far along. */
#define GUI_GANTT_MIN_WHOLE 20
#define GUI_GANTT_MIN_SPAN 4
#define GUI_GANTT_FOLLOW_AT 0.9

/* Where the chart's parts go (gui_gantt_place). */
typedef struct gui_gantt_geom {
    gui_rect r;            /* the whole chart */
    float label_x, label_w; /* the lanes' names */
    gui_rect plot;         /* the lanes' bars; x is time */
    float axis_y;          /* the tick labels' top (above plot) */
    float cpu_h, proc_h;   /* a CPU lane's height, a process lane's */
    float proc_y;          /* the first process lane's top */
    uint32_t ncpu, nrows, shown; /* lanes: CPUs, processes, processes that fit */
    uint32_t first;        /* the first process lane shown (gui_gantt_lanes_from) */
    float legend_y;        /* the states' legend's top */
    double t0, t1;         /* the ticks at plot's left and right edges */
} gui_gantt_geom;

typedef struct gui_gantt {
    /* the view in time (changed by the user only) */
    double span;           /* ticks shown; 0: the whole run so far */
    double t0;             /* zoomed and scrolled back: the first tick shown */
    int back;              /* scrolled back: t0 stays, the playhead moves on */
    int dragging;          /* the left button went down on the lanes */
    /* scratch for the process lanes, per pid (gui_gantt_reserve) */
    uint32_t *row_of;      /* the lane of each pid (UINT32_MAX: none) */
    uint8_t *state;        /* its state since since[pid - 1] */
    int64_t *since;
    uint32_t cap;
    gui_gantt_geom drawn;  /* where the window drew it last (the wheel and
                              drags read ticks from it); r.w 0: not yet */
} gui_gantt;

/* Scratch for n processes; 0, or -1 out of memory (then fini is safe). */
int gui_gantt_reserve(gui_gantt *m, uint32_t n);
void gui_gantt_fini(gui_gantt *m);
/* Back to the whole run (a scenario opened, restarted). */
void gui_gantt_reset(gui_gantt *m);

/* ---- the axis and the view window --------------------------------------- */

/* The step between labelled ticks: the least of 1, 2, 5, 10, 20, 50, ...
 * at least min_px pixels apart at px_per_tick (1 if px_per_tick <= 0). */
int64_t gui_gantt_step(double px_per_tick, double min_px);
/* The window shown when the clock is at `now`: [*t0, *t1). */
void gui_gantt_window(const gui_gantt *m, int64_t now, double *t0, double *t1);
/* The whole run for a picture of it: [0, its end) once it has ended,
 * else the whole run so far as the window shows it. */
void gui_gantt_whole(const ps_gantt *g, int64_t now, double *t0, double *t1);
/* Zoom by `factor` (< 1 in, > 1 out) keeping tick `at` where it is (when
 * following: keeping the playhead where it is).  The span stays within
 * [GUI_GANTT_MIN_SPAN, the whole run]; zoomed out to the whole run, the
 * chart is the whole run again. */
void gui_gantt_zoom(gui_gantt *m, double factor, double at, int64_t now);
/* Scroll by `ticks` (< 0 back in time), within [0, the following window's
 * t0]; scrolled to there it follows again.  Nothing when not zoomed. */
void gui_gantt_scroll(gui_gantt *m, double ticks, int64_t now);

/* ---- the lanes ---------------------------------------------------------- */

/* Each slice of CPU c that overlaps [t0, t1), in time order, idle ones
 * (pid 0) too: the closed ones, then while the run goes on the open one
 * as [its start, now) (of no length yet: not given).  Not clipped. */
typedef void gui_gantt_slice_fn(void *ctx, uint32_t cpu, ps_slice s);
void gui_gantt_cpu_each(const ps_gantt *g, uint32_t c, int64_t now, double t0, double t1,
                        gui_gantt_slice_fn *fn, void *ctx);

/* The process lanes: pid -> lane in m->row_of (trace mode: the processes
 * created so far), returning how many lanes.  Needs gui_gantt_reserve. */
uint32_t gui_gantt_rows(gui_gantt *m, const gui_sim *g);
/* Each stretch of one state of each process with a lane, up to now, that
 * overlaps [t0, t1) (Exit and before creation make none), in log order.
 * Call gui_gantt_rows first. */
typedef void gui_gantt_bar_fn(void *ctx, uint32_t pid, ps_state st, int64_t from, int64_t to);
void gui_gantt_proc_each(gui_gantt *m, const gui_sim *g, double t0, double t1,
                         gui_gantt_bar_fn *fn, void *ctx);

/* ---- where it goes ------------------------------------------------------ */

/* The chart in r for ncpu CPUs and nrows process lanes over [t0, t1):
 * a title row (lh tall, where the caller writes the title), the axis row,
 * the CPU lanes, the process lanes (as many as fit, at least 3 px each),
 * the legend.  Lanes are at most 1.4 lh tall; label_w is the names'
 * column (the caller measures it); sc the HiDPI scale for margins. */
void gui_gantt_place(gui_gantt_geom *G, gui_rect r, float lh, float sc, float label_w,
                     uint32_t ncpu, uint32_t nrows, double t0, double t1);
/* When not every process lane fits at `min_h` (the window's: a line, so
 * each keeps its name), make them min_h tall and show those that fit from
 * lane `first` on (clamped so that the last ones fill the chart): the
 * window shows the processes its table shows.  Nothing when all fit.  sc
 * as for gui_gantt_place. */
void gui_gantt_lanes_from(gui_gantt_geom *G, float sc, float min_h, uint32_t first);
/* Is process lane `row` shown? */
int gui_gantt_row_shown(const gui_gantt_geom *G, uint32_t row);
/* The height at which every lane of the chart is 1.4 lh tall (the PNG's
 * and the SVG's, which show every lane). */
float gui_gantt_height(float lh, float sc, uint32_t ncpu, uint32_t nrows);
float gui_gantt_x(const gui_gantt_geom *G, double t);
double gui_gantt_tick_at(const gui_gantt_geom *G, float x);
/* The top of CPU lane c, of process lane `row`. */
float gui_gantt_cpu_y(const gui_gantt_geom *G, uint32_t c);
float gui_gantt_row_y(const gui_gantt_geom *G, uint32_t row);

/* ---- what is under the mouse ------------------------------------------- */

typedef enum gui_gantt_on {
    GUI_GANTT_NOTHING,
    GUI_GANTT_ON_CPU,      /* a slice of a CPU lane (pid 0: idle) */
    GUI_GANTT_ON_PROC,     /* a process lane, and its stretch there */
} gui_gantt_on;

typedef struct gui_gantt_hit {
    gui_gantt_on on;
    uint32_t cpu;          /* ON_CPU: which */
    uint32_t pid;          /* ON_CPU: who ran (0: idle); ON_PROC: whose lane */
    ps_state st;           /* ON_PROC: the state there (PS_NONE: the names'
                              column, or no stretch at that tick) */
    int64_t from, to;      /* the slice or the stretch: [from, to) */
    gui_rect lane;         /* the lane's row across the chart */
} gui_gantt_hit;

/* What is at (x, y) of the chart placed as G (the window's: m->drawn) for
 * g's run: on a CPU lane the slice at that tick, on a process lane its
 * stretch there (in the names' column the lane alone).  Returns h->on
 * (GUI_GANTT_NOTHING: none of that there, or no memory for the lanes). */
gui_gantt_on gui_gantt_at(gui_gantt *m, const gui_sim *g, const gui_gantt_geom *G, float x,
                          float y, gui_gantt_hit *h);
/* Its words in lang, for a tooltip: "NAME: State [from, to)", "CPU 0: NAME
 * [from, to)", "CPU 0: idle [from, to)", or "NAME" alone (a lane where
 * there is no stretch). */
void gui_gantt_hit_text(const gui_gantt_hit *h, const gui_sim *g, gui_lang lang, char *buf,
                        size_t size);

#endif
