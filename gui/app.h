/* app.h — the GUI application: its state, shared by
 *   app.c     the window, the frame loop (input, update, render), options
 *   input.c   the frame's input: events to actions, and the actions
 *   scale.c   HiDPI, the zoom, presentation mode, the layout each frame
 *   view.c    drawing the diagram: nodes, arrows, labels, tokens
 *   panels.c  drawing the rest: toolbar, PCB table and PCB, log, help
 *             overlay
 *   gantt_view.c  the Gantt chart (and its PNG and SVG)
 *   header_view.c  the scenario's title and its description, foldable
 *   picker_view.c  the Open dialog (picker.h) drawn, its keys and clicks
 *   trace_view.c  trace mode's output panel, process table, PCB panel's
 *             kernel section and zombies
 * Rendering reads the application and the engine; it changes nothing but
 * the hit-test rectangles it records for the next frame's input. */
#ifndef PROCSIM_GUI_APP_H
#define PROCSIM_GUI_APP_H

#include <SDL.h>

#include "gantt.h"
#include "gui.h"
#include "i18n.h"
#include "layout.h"
#include "picker.h"
#include "quiz_words.h"
#include "resources.h"
#include "sim.h"
#include "text.h"

/* Toolbar actions, in order. */
#define GUI_ACTIONS(X)                                                        \
    X(PLAY) X(STEP) X(BACK) X(SLOWER) X(FASTER) X(RESTART) X(OPEN) X(SUSPEND) \
    X(RESUME) X(KILL) X(SHOT) X(GANTT) X(LANG) X(HELP)

typedef enum gui_action {
#define PS_X_(e) GUI_ACT_##e,
    GUI_ACTIONS(PS_X_)
#undef PS_X_
    GUI_ACTION_COUNT
} gui_action;

/* The Open dialog's rows shown at most (at the smallest type on 4K). */
#define GUI_PICK_SHOWN 160

/* The description wrapped as last drawn (header_view.c), kept until the
 * text, the width or the font changes. */
typedef struct gui_describe_view {
    const char *text;          /* the wording wrapped (the scenario's) */
    gui_layout_in key;         /* for a layout of this (describe_* 0) */
    int line_h;                /* and this small font's line height */
    char *lines;               /* its lines, each ending in '\n' */
    size_t cap;
    int nlines;
} gui_describe_view;

typedef struct gui_app {
    SDL_Window *win;           /* NULL when headless */
    SDL_Renderer *ren;
    SDL_Surface *canvas;       /* headless: what the renderer draws on */
    gui_text *text;
    gui_layout L;
    gui_sim sim;
    gui_options opt;
    gui_lang lang;
    double speed;              /* 0.25 .. 32 */
    int paused, quit;
    int interrupted;           /* headless: SIGINT or SIGTERM (SDL's quit
                                  event) ended the frames early */
    uint32_t selected;         /* pid, 0: none */
    int show_help, show_picker;
    char message[600];         /* shown at the bottom for a while */
    double message_ttl;
    int message_error;
    long long file_mtime;      /* to reload when the file changes */
    double since_check;
    double now;                /* seconds since start (for blinking) */
    /* recorded while rendering, for the next frame's clicks */
    gui_rect button[GUI_ACTION_COUNT];
    gui_rect table_row[64];
    uint32_t table_pid[64];
    int ntable;
    gui_point *token_at;       /* token_at[pid - 1] as last drawn */
    gui_quiz quiz;             /* predict-the-next-state (quiz_view.c) */
    uint32_t *order, *slot;    /* scratch for the queues' order, per pid */
    gui_res res;               /* the shared-objects panel as last drawn */
    /* the compare view (compare.h) */
    struct gui_cmp *cmp;       /* --compare's runs, NULL: the usual window */
    gui_gantt gantt;           /* the Gantt chart's view in time (gantt_view.c) */
    /* the scenario in the window (header_view.c) */
    int describe_open;         /* the user's D: 0 not pressed yet (then open
                                  when it fits a fifth of the window), 1
                                  folded, 2 open */
    int describe_top;          /* the open description's first line shown */
    gui_describe_view describe;
    gui_rect fold;             /* the header's fold toggle, as last drawn */
    /* the Open dialog (picker_view.c) */
    gui_picker picker;
    int remember;              /* add opened files to the recent list (a
                                  window; headless runs leave it alone) */
    gui_rect pick_box;         /* as last drawn, for the next clicks */
    gui_rect pick_row[GUI_PICK_SHOWN]; /* row picker.top + i */
    int pick_shown;            /* rows that fit in the box */
    /* layout (issue 14, part 1): sizes, zoom, presentation, scrolling */
    float zoom;                /* Ctrl + / Ctrl - / Ctrl 0: GUI_ZOOM_MIN..MAX */
    int presentation;          /* F11, --fullscreen: the whole screen, large type */
    float mouse_x, mouse_y;    /* in drawable pixels (for tooltips) */
    int table_top;             /* the table's first row shown (scrolled) */
    uint32_t table_follow;     /* the selection the table last scrolled to
                                  (a new one, by Tab, a click or --select,
                                  is brought into view once) */
    int table_rows;            /* rows the table showed last frame */
    int toolbar_rows;          /* rows the toolbar's buttons took last frame */
    float line_right;          /* gui_panel_line cuts its text at this x (a
                                  column's end; 0: none) */
    /* the student's name for the quiz summary (quiz_view.c) */
    char student[GUI_STUDENT_MAX]; /* typed in the window ("": none; --student
                                  is a->opt.student) */
    char name_edit[32];        /* the IME's composition not committed yet */
    int naming, name_asked;    /* the name is being asked; was asked once */
    int nframes;               /* frames drawn so far */
    int shot_pending;          /* P: a screenshot of the next frame drawn */
    Uint64 last_counter;       /* SDL's performance counter at the last frame */
} gui_app;

/* What a headless run gives back of its last frame (gui_render_frames,
 * gui_render_frames_texts); NULL members: not wanted. */
typedef struct last_frame {
    SDL_Surface **frame;
    gui_text_mark **marks;
    int *nmarks;
    gui_layout *layout;
} last_frame;

/* app.c: one frame (input unless headless, update by the time since the
 * last, render, present; headless, the last frame also goes to --screenshot
 * and *out): 0, or 1 when the screenshot could not be written.  Then, once
 * a->quit is set or the frames are done, gui_app_finish tears the window
 * down and returns the exit status (rc, or trace mode's own). */
int gui_app_frame(gui_app *a, const last_frame *out);
int gui_app_finish(gui_app *a, int rc);

/* web.c (the browser build only): the frames driven by the page's
 * animation frames until a->quit; then the program ends with
 * gui_app_finish's status.  Does not return. */
void gui_web_loop(gui_app *a) __attribute__((noreturn));
/* web.c: the file at `path` offered to the browser as a download of that
 * name: 0, or -1 when the page could not. */
int gui_web_download(const char *path);

/* app.c: a frame drawn headless for tests, with the texts it showed:
 * gui_render_frames, and besides the last frame the recorder's marks
 * of it (gui_text_mark, text.h; *marks malloc'ed, the caller frees it)
 * and its layout. */
int gui_render_frames_texts(const gui_options *o, SDL_Surface **frame, gui_text_mark **marks,
                            int *nmarks, gui_layout *layout);

/* input.c: why toolbar action i cannot be used now, or GUI_WORD_COUNT if
 * it can: what the toolbar greys out and a click or key is refused with
 * (GUI_W_TRACE_FIXED: a real program runs on; GUI_W_TRACE_ENDED: S, C, K
 * once the trace is over; GUI_W_NOT_NOW: no process selected, or back in
 * a live run, said by the action itself). */
gui_word gui_action_refused(const gui_app *a, gui_action i);

void gui_view_diagram(gui_app *a);
void gui_view_panels(gui_app *a);
void gui_view_overlays(gui_app *a);
/* res_view.c: the shared-objects panel, and the ties from Blocked tokens
 * to what they wait for (after the diagram and the panels). */
void gui_view_resources(gui_app *a);
void gui_view_ties(gui_app *a);

/* panels.c: a panel filled, titled and clipped (the caller clears the
 * clip), and a line of small text at (x, *y), moving *y down a line. */
void gui_panel_open(gui_app *a, gui_rect r, gui_word title);
void gui_panel_line(gui_app *a, float *y, float x, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Real descriptors fd[0..n) (live or trace mode), one "FD -> TARGET" line
 * each from (x + indent, *y), as many as fit above r's bottom, then how
 * many more.  Callers read at most GUI_FD_LIST_MAX of them. */
#define GUI_FD_LIST_MAX 32
void gui_fd_list(gui_app *a, float *y, float x, gui_rect r, const ps_live_fd *fd, int n);
/* How many rows the toolbar's buttons and clock take at the layout's
 * width and fonts (the layout's toolbar_rows). */
int gui_toolbar_rows(gui_app *a);
/* A state's name short enough for a table's column ("Rdy/Susp"). */
const char *gui_table_state(ps_state s, gui_lang lang);

/* trace_view.c: trace mode's parts of the window (sim.h) */
/* The program's output, where a model run shows its shared objects. */
void gui_trace_output(gui_app *a);
/* The process table: the processes seen so far, the newest that fit. */
void gui_trace_table(gui_app *a);
/* The PCB panel of process pid: its PCB and the kernel's view of it. */
void gui_trace_detail(gui_app *a, uint32_t pid);
/* The toolbar's line from (x, y), at most w wide: "trace: COMMAND  tick
 * N (10 ms)  2 CPUs  finished: exit status 0", the command cut first. */
void gui_trace_status(gui_app *a, float x, float y, float w);
/* An exited process nobody has reaped, at `at`: a grey body in its
 * colour's ring (view.c labels it "zombie"). */
void gui_trace_zombie(gui_app *a, gui_point at, uint32_t pid);

/* compare_view.c: the compare view in place of the diagram and panels
 * (under the toolbar), and the toolbar's line for it from (x, y), at
 * most w wide: "tick N  speed 1x  2 CPUs  finished". */
void gui_view_compare(gui_app *a);
void gui_compare_status(gui_app *a, float x, float y, float w);
/* The process whose token is at (x, y) in some column, 0: none. */
uint32_t gui_compare_pick(gui_app *a, float x, float y);
/* panels.c: the toolbar alone (gui_view_panels draws it with the rest). */
void gui_view_toolbar(gui_app *a);
/* app.c: gui_render_frames, and the last frame's layout in *layout (where
 * its panels and nodes were: the scenario's description moves them). */
int gui_render_frames_layout(const gui_options *o, SDL_Surface **frame, gui_layout *layout);

/* app.c: open the scenario at `path` in the window (the Open dialog, a
 * dropped file, a reload): 0, or -1 after showing why (FILE:LINE:COL:
 * ...) with the scenario shown before kept. */
int gui_open_file(gui_app *a, const char *path);

/* app.c: P (a PNG of the window as the next frame draws it, named by the time, in the working
 * directory; a message says where or why not), and the window's title
 * set from the scenario's (or the traced command) in the language. */
void gui_screenshot(gui_app *a);
void gui_set_title(gui_app *a);
/* app.c: after the user saved `path` (a screenshot, the Gantt chart, the
 * quiz's summary): says where; in the browser the file is handed to the
 * browser as a download first (and gone from the page's memory). */
void gui_saved(gui_app *a, const char *path);

/* input.c: the frame's events (keys, clicks, the wheel, dropped files),
 * turned into actions. */
void gui_input(gui_app *a);

/* scale.c */
/* Drawable pixels per window point (HiDPI: 2; headless: 1). */
float gui_pixel_scale(const gui_app *a);
/* Zoom one step in (+1), out (-1), or back to 1x (0). */
void gui_zoom(gui_app *a, int dir);
/* Presentation mode on or off: the whole screen (a window's) and large
 * type (the layout's). */
void gui_present(gui_app *a, int on);
/* What the layout is computed from, now (the description's lines are
 * wrapped at the fonts' sizes of now). */
gui_layout_in gui_layout_now(gui_app *a);
/* The layout for this frame, and the fonts at its sizes (re-opened when
 * the window, the zoom or presentation mode changed them); then, if the
 * fonts or the toolbar's rows changed, the layout again from what the
 * new fonts measure. */
void gui_relayout(gui_app *a);

/* header_view.c */
/* What the layout needs of the header: in->describe (0 none, 1 folded, 2
 * open) and in->describe_lines, the description wrapped at the width the
 * layout for `in` gives it. */
void gui_header_layout_in(gui_app *a, gui_layout_in *in);
/* The title strip (L.header) and the open description (L.describe). */
void gui_view_header(gui_app *a);
/* D, or a click on the fold: open or fold the description. */
void gui_header_toggle(gui_app *a);
/* The wheel by dy lines at (x, y): 1 if it scrolled the description. */
int gui_header_wheel(gui_app *a, float x, float y, int dy);
void gui_header_fini(gui_app *a);

/* picker_view.c */
/* Set the dialog up: the shipped scenarios found, the recent list read. */
void gui_picker_setup(gui_app *a);
/* O: show the dialog (its listing read again) or hide it. */
void gui_picker_toggle(gui_app *a);
void gui_view_picker(gui_app *a);
/* While the dialog is shown: a key, a click, the wheel (dy rows).  The
 * key and click functions return 1 if they used the event. */
int gui_picker_key(gui_app *a, SDL_Keycode k);
int gui_picker_click(gui_app *a, float x, float y);
void gui_picker_wheel(gui_app *a, int dy);

/* quiz_view.c */
/* Start the quiz following pid (a message says why not: -1). */
int gui_quiz_begin(gui_app *a, uint32_t pid);
void gui_quiz_toggle(gui_app *a);
/* A click on the diagram while a question is open: the answer.  Returns 1
 * if the quiz took the click. */
int gui_quiz_click(gui_app *a, float x, float y);
/* W: save the summary, asking the student's name first the first time if
 * --student gave none. */
void gui_quiz_save(gui_app *a);
/* While the name is asked: a key (returns 1: taken, every key is), and
 * text typed (editing: an IME's composition, not committed yet). */
int gui_quiz_name_key(gui_app *a, SDL_Keycode k);
void gui_quiz_name_text(gui_app *a, const char *utf8, int editing);
void gui_view_quiz(gui_app *a);
/* Show a message at the bottom of the window for a few seconds. */
void gui_say(gui_app *a, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Live mode: says (gui_say, once) that the backend stopped a child again
 * because something outside continued it (a->sim.restop), if it did. */
void gui_say_restop(gui_app *a);

/* Colours of the interface. */
#define GUI_BG 0x1c2027
#define GUI_PANEL 0x262b34
#define GUI_LINE 0x3a414d
#define GUI_TEXT 0xe6e9ee
#define GUI_DIM 0x9aa3b0
#define GUI_SENTINEL 0x6a2c91     /* the None chip */
#define GUI_STALE 0xff9800        /* a register copy no longer current */
#define GUI_FLASH 0xd32f2f        /* a lost update's flash */
#define GUI_LOST_TEXT 0xff6b6b
#define GUI_ZOMBIE_BODY 0x4a4f57  /* an exited process not yet reaped */
#define GUI_ZOMBIE_TEXT 0xc5e1a5
#define GUI_STDERR_TEXT 0xff8a80  /* a traced program's stderr */
#define GUI_BUTTON 0x303744       /* a toolbar button that can be used now */
#define GUI_BUTTON_OFF 0x22262d   /* one that cannot (gui_action_refused) */

#endif
