/* resources.h — the shared-objects panel, laid out as a pure function of
 * the run shown (the engine's views and the op events gui_sim keeps) and
 * of a text measure: no SDL, so tests check it without a window.  One row
 * per object, grouped by kind:
 *
 *   counter   37  read, not yet written: [p3 35] [p5 35]   a shared variable,
 *             41 expected, 4 lost so far          the copies read by
 *                                                 increments not yet written
 *                                                 (stale: orange)
 *   total     private, a copy each: [main 0] [w1 50] [w2 12]   a private
 *             main sees 0: ...                    variable, every process's
 *                                                 own copy
 *   results   [1] [4] [None]  waiting to receive: (1)
 *   m         held by (2)  waiting: (3) (4)       FIFO, first in line left
 *   disk      serving (1)  queue: (2)
 *   memory    [1 |2   |  free  ] 80 of 100  swapped out: (3)
 *   deadlock  (1) -m-> (2) -n-> (1)               when the run is stuck
 *
 * A write that lost updates flashes its variable's rows for a moment
 * (GUI_RES_FLASH_SECONDS) with what was lost.  Every process token placed
 * in an object's queue remembers the object, so the window can join the
 * process's token in the diagram to it (gui_res_tie). */
#ifndef PROCSIM_GUI_RESOURCES_H
#define PROCSIM_GUI_RESOURCES_H

#include "i18n.h"
#include "layout.h"
#include "sim.h"
#include "utf8.h"

#define GUI_RES_FLASH_SECONDS 1.5

/* How an item is drawn. */
#define GUI_RES_STYLES(X)                                                     \
    X(LABEL)   /* an object's name */                                         \
    X(TEXT)    /* words, dim */                                               \
    X(VALUE)   /* a variable's value (the normal font) */                     \
    X(LOST)    /* what a lost update lost (red) */                            \
    X(ITEM)    /* a channel's value: a chip */                                \
    X(NONE)    /* the sentinel (Python's None): a chip of its own colour */   \
    X(FRESH)   /* pid's register copy, still the variable's value */          \
    X(STALE)   /* pid's register copy, no longer the variable's value */      \
    X(COPY)    /* pid's own copy of a private variable, with its value */     \
    X(TOKEN)   /* process pid: a disc in its colour with its pid */           \
    X(OUT)     /* process pid swapped out: a hollow disc */                   \
    X(BAR)     /* pid's memory: its part of the bar */                        \
    X(FREE)    /* the free part of the memory bar */                          \
    X(FLASH)   /* behind a variable's rows after a lost update; alpha fades */ \
    X(DEADLOCK) /* the cycle's words (red) */

typedef enum gui_res_style {
#define PS_X_(e) GUI_RES_##e,
    GUI_RES_STYLES(PS_X_)
#undef PS_X_
    GUI_RES_STYLE_COUNT
} gui_res_style;

typedef struct gui_res_item {
    gui_rect r;
    uint8_t style;           /* gui_res_style */
    uint8_t normal;          /* text in the normal font, else small */
    uint8_t wait;            /* TOKEN in an object's queue: the ps_wait_kind
                                of that object (0: none) */
    uint8_t cycle;           /* in the deadlock's cycle */
    uint32_t obj;            /* with `wait`: the object's index */
    uint32_t pid;            /* TOKEN, OUT, BAR, FRESH, STALE, COPY */
    float alpha;             /* FLASH: 1 just after the write, down to 0 */
    char text[GUI_NAME_BUF + 192]; /* drawn centred in a chip, else from r.x
                                (a name whole and any row's words in Korean) */
} gui_res_item;

#define GUI_RES_MAX 400
#define GUI_RES_CYCLE 32

typedef struct gui_res {
    gui_res_item item[GUI_RES_MAX];
    int n;
    uint32_t cycle[GUI_RES_CYCLE]; /* the deadlock's processes, in order */
    int ncycle;
    int skipped;             /* rows left out: no room */
} gui_res;

/* Size of `s` in the normal or the small font. */
typedef void (*gui_measure_fn)(void *ctx, const char *s, int normal, int *w, int *h);

/* Lay out the panel `panel` for the run g shows (g->e may be NULL: an
 * empty panel), in `lang`, the window's HiDPI `scale`.  Rows that do not
 * fit are left out and counted in the title ("+k"). */
void gui_res_compute(gui_res *R, const gui_sim *g, gui_lang lang, gui_rect panel, float scale,
                     gui_measure_fn measure, void *ctx);

/* How many rows the panel wants for the run g shows (0: nothing to show),
 * for the layout to size the panel by (gui_layout_in.res_rows). */
int gui_res_rows_wanted(const gui_sim *g);

/* Where process pid's tie ends: its token in the queue of the object it
 * waits for (its wait_kind and wait_obj), or NULL (it waits for nothing
 * the panel shows: a sleep, a child). */
const gui_res_item *gui_res_tie(const gui_res *R, const ps_pcb *p);

/* Whether pid is in the deadlock's cycle. */
int gui_res_in_cycle(const gui_res *R, uint32_t pid);

#endif
