/* gui.h — the GUI's one entry point, called by the command line. */
#ifndef PROCSIM_GUI_GUI_H
#define PROCSIM_GUI_GUI_H

#include <stdint.h>

#include "procsim/trace.h"

typedef struct gui_options {
    const char *path;        /* scenario file, NULL: the built-in tour */
    int live;                /* real child processes */
    int lang;                /* -1: from the locale, else gui_lang */
    int frames;              /* > 0: headless, render this many frames */
    const char *screenshot;  /* headless: PNG to write the last frame to */
    int width, height;       /* window or frame size */
    int64_t tick_ms;         /* live: 0 = the scenario's */
    int64_t select;          /* pid selected at the start, 0: none (one
                                the scenario lacks is an error, exit 2) */
    const char *select_name; /* or the process of this name, NULL: none */
    const char *text;        /* scenario YAML to show instead of `path` (an
                                OSTEP workload), named `text_name` */
    size_t text_len;
    const char *text_name;
    int speed;               /* the speed at the start: 1, 2, 4 .. 32 (0: 1x) */
    int quiz;                /* start in quiz mode (gui/quiz.h) */
    const char *follow;      /* the process the quiz follows (name; NULL: the
                                selected one, or the first) */
    int fullscreen;          /* presentation mode from the start: the whole
                                screen, large type (F11 toggles it) */
    const char *gantt_png;   /* write the Gantt chart alone to this file
                                (PNG; .svg: SVG) and exit, no window */
    const char *compare;     /* "fcfs,rr:4": the compare view of 2 to 4
                                policies on the scenario, NULL: none */
    const char *policy;      /* "rr:2": the scenario at the start and every
                                one opened later in the window runs under
                                it (one it cannot: an error as a load
                                error); NULL: each its own */
    const char *student;     /* the student's name for the quiz summary
                                (NULL: asked once in the window) */
    const char *shipped;     /* the shipped scenarios' folder, which the Open
                                dialog lists first (NULL or "": none found) */
} gui_options;

/* Run the GUI; returns the process exit status (0, 1 runtime failure, 2
 * bad input).  Messages go to stderr. */
int gui_main(const gui_options *o);

/* `procsim trace --gui -- COMMAND`: start COMMAND under the trace (t, as
 * ps_trace_start takes it, but always capturing the output, which the
 * window shows in a panel) and show it until the window is
 * closed: its processes in the seven states as the kernel moves them,
 * their PCBs with the kernel's view, the events, notes and output; S, C, K
 * suspend, resume and kill the selected process (real signals).  Of `o`,
 * the window's: lang, width/height, select (a slot, 0: none), speed (of the
 * animations), frames and screenshot (headless: this many frames, 1/30 s
 * of the program's real time each, the last one to a PNG); path, live,
 * text, quiz and follow are not used.  Call it before anything else has
 * opened SDL (the trace blocks the signals it reads before SDL starts
 * threads).  Returns the exit status procsim trace gives: COMMAND's own
 * (128 + N if signal N killed it); 1, after a message on stderr, if the
 * command could not start, the trace failed or was interrupted (Ctrl-C),
 * or the window was closed before COMMAND ended (then what was left of
 * its tree was killed). */
int gui_run_trace(const ps_trace_options *t, const gui_options *o);

/* What gui_main checks before it opens a window, without one: the
 * scenario loads (as a model run, no child processes), runs under
 * --policy, and has the processes --select and --follow name.  Returns
 * 0, or 2 after saying why on stderr. */
int gui_check(const gui_options *o);

struct SDL_Surface;
/* Headless: render o->frames frames (1/30 s apart) with no window and
 * return the last one in *frame (XRGB8888; the caller frees it with
 * SDL_FreeSurface) — for tests and the docs.  Returns an exit status as
 * gui_main does. */
int gui_render_frames(const gui_options *o, struct SDL_Surface **frame);
/* Can a window be opened here (a display, or a video driver chosen)?  A
 * variable set to "" counts as not set. */
int gui_display_available(void);

#endif
