/* sim.h — the GUI's model side: the loaded scenario, its engine (and live
 * backend), the history of transitions for the log and the timeline, and
 * the animation state of every token.  No SDL here: it is updated with
 * elapsed seconds and read by the renderer.
 *
 * Pacing.  A model run plays one instant after another: the pause before
 * an instant grows with the ticks it skips (a quarter second a tick at 1x,
 * between 0.6 s and 2 s) and shrinks with the speed.  A live run follows
 * the wall clock (tick_ms), and only pause applies.  Step back re-runs the
 * deterministic model from the start to one instant earlier.
 *
 * The diagram is always at the clock (docs/gui.md, rules [SYNC1] to
 * [SYNC6]): a token shows one move at most, its process's latest, and
 * arrives before the next instant; the quiz asks only with every token
 * at rest where the question says.
 *
 * Trace mode (gui_sim_open_trace): the run is a real program under
 * procsim trace (procsim/trace.h).  The trace backend forks, follows and
 * signals; the window only polls it (never blocking longer than a frame),
 * reads its observed engine and scenario (a slot per process that may be
 * seen, of which only the created ones are shown), logs its transitions
 * and notes, and keeps the program's output.  A real program cannot be
 * paused, stepped, stepped back, restarted or swapped for a scenario;
 * suspend, resume and kill are real signals (ps_trace_suspend, ...).
 */
#ifndef PROCSIM_GUI_SIM_H
#define PROCSIM_GUI_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "procsim/gantt.h"
#include "procsim/live.h"
#include "procsim/trace.h"
#include "quiz.h"

typedef struct gui_tr {          /* one transition, as it happened */
    ps_trace_event ev;
    char kstate;                 /* live: kernel letter, else 0 */
    uint8_t reporter;
} gui_tr;

/* The op events kept for the resource panel (the latest, oldest dropped):
 * enough for every op of an instant of the shipped scenarios. */
#define GUI_OPS 256

typedef struct gui_op {          /* one op event, as it happened */
    ps_op_event ev;
    double at;                   /* g->clock when it came; -1: replayed by a
                                    step back (shown, never flashed) */
    size_t after;                /* transitions logged before it (g->nlog
                                    then): its place in the event log */
} gui_op;

typedef struct gui_note {       /* a trace note (not output), as it came */
    ps_trace_note n;             /* n.text is NULL here: see gui_sim_note_format */
    size_t off;                  /* its text in gui_sim.note_text */
    size_t after;                /* transitions logged before it */
} gui_note;

/* The traced program's output, the latest lines (the oldest dropped); a
 * line longer than GUI_OUT_COLS bytes is cut. */
#define GUI_OUT_LINES 200
#define GUI_OUT_COLS 200

typedef struct gui_out {
    struct gui_out_line {
        uint8_t stream;          /* 1 stdout, 2 stderr */
        uint8_t cut;             /* full: the rest of the line is dropped */
        uint16_t len;
        char text[GUI_OUT_COLS + 1];
    } line[GUI_OUT_LINES];       /* a ring: line[(first + i) % GUI_OUT_LINES] */
    uint32_t first, n;
    int open;                    /* the newest line is not finished yet */
    uint64_t bytes;              /* all the program wrote */
} gui_out;

typedef struct gui_token {       /* a process on the diagram */
    uint8_t from, kind;          /* the arrow it moves along, while nmoves */
    uint8_t at;                  /* the state it rests in or moves to;
                                    PS_NONE: not on the diagram */
    int nmoves;                  /* 1 while it moves, 0 at rest: a newer
                                    move replaces the one under way */
    float t;                     /* progress of the move, 0..1 */
    int64_t lit_tr;              /* index in the log of its last move */
} gui_token;

typedef struct gui_sim {
    char path[1024];             /* "" for the built-in tour */
    ps_scenario *s;
    ps_engine *e;
    ps_live *live;               /* NULL in a model run */
    int live_mode;
    gui_tr *log;
    size_t nlog, caplog;
    gui_token *tok;              /* tok[pid - 1] */
    gui_op ops[GUI_OPS];         /* a ring: ops[(first + i) % GUI_OPS] */
    uint32_t first_op, nops;
    int64_t *lost;               /* lost[v]: increments of shared variable v
                                    lost (value + lost = increments done) */
    int64_t *writes;             /* writes[v]: increments done on v */
    int64_t *read_at;            /* read_at[pid - 1]: writes[v] when that
                                    process last read its variable v: its
                                    copy is stale once they differ */
    double clock;                /* seconds shown (wall time), for flashes */
    ps_step_status status;
    uint32_t instants;           /* steps taken */
    double wait;                 /* seconds until the next instant */
    char report[PS_LANG_COUNT][512]; /* why a live or traced run failed, in
                                    each language; "" */
    ps_live_restop restop;       /* the last child stopped again because
                                    something else continued it */
    int restop_unsaid;           /* the window has yet to say it (it clears this) */
    char stuck[PS_LANG_COUNT][512]; /* the deadlock report in each language
                                    (ps_engine_stuck), made once the run is
                                    stuck: the window may switch language */
    struct gui_act {             /* the user's actions, for step back */
        uint32_t at;             /* after this many instants */
        uint32_t pid;
        int what;                /* 0 suspend, 1 resume, 2 kill */
    } *acts;
    size_t nacts, capacts;
    gui_quiz *quiz;              /* the quiz, if one is played (not owned) */
    ps_lang lang;                /* the language of the errors gui_sim_open*
                                    write (the window's; kept by close) */
    const char *policy;          /* --policy ("rr:2", not owned): every
                                    scenario gui_sim_open* opens runs under
                                    it; NULL: each its own (kept by close) */
    /* trace mode */
    int trace_mode;              /* g->s and g->e are the trace's (not owned) */
    ps_trace *trace;             /* the backend, until the run is closed */
    char command[256];           /* COMMAND and its arguments, for people */
    gui_note *notes;
    size_t nnotes, capnotes;
    char *note_text;             /* the notes' texts, each NUL-terminated */
    size_t note_len, note_cap;
    gui_out *out;
    /* the Gantt chart (gui/gantt.h) */
    ps_gantt gantt;              /* who ran on each CPU: sampled after every
                                    step, re-made with the engine */
} gui_sim;

/* Load `path` (NULL: the built-in tour), give it g->policy if set, and
 * start it.  On a load error, or a policy that does not parse or that the
 * scenario cannot run under (mlq without system.queues), returns -1 with
 * "FILE:LINE:COL: ..." or the policy's message in err and leaves `g`
 * untouched (the scenario shown before stays); if the scenario loads but cannot be
 * started (a live backend failing), `g` is left empty (g->s == NULL). */
int gui_sim_open(gui_sim *g, const char *path, int live, char *err, size_t errsize);
/* The same for a scenario given as YAML text named `name` (not reloaded). */
int gui_sim_open_text(gui_sim *g, const char *name, const char *text, size_t len, int live,
                      char *err, size_t errsize);
/* Trace mode: start COMMAND (o->argv) under procsim trace and show it.
 * -1 with the reason in err (the command cannot be run) and `g` left
 * empty.  The scenario shown before goes first (two backends that hold the
 * signal mask must never overlap). */
int gui_sim_open_trace(gui_sim *g, const ps_trace_options *o, char *err, size_t errsize);
/* Trace mode: take in what the trace reports for up to `ns` nanoseconds
 * (the time left of a frame), returning as soon as it is over or the run
 * has ended.  Nothing in other modes. */
void gui_sim_trace_wait(gui_sim *g, int64_t ns);
/* Trace mode: process pid has exited and nobody has reaped it yet. */
int gui_sim_zombie(const gui_sim *g, uint32_t pid);
/* Trace mode: processes created so far (other modes: all of them). */
uint32_t gui_sim_shown(const gui_sim *g);
/* A kept note in words, in `lang` (ps_trace_note_format).  Returns buf. */
char *gui_sim_note_format(const gui_sim *g, const gui_note *n, ps_lang lang, char *buf,
                          size_t size);
/* A kept note as the event log's line: its tick, then, if it is about a
 * process, that process's name, the words, and its real pid ("[pid N]":
 * names repeat).  Returns buf. */
char *gui_sim_note_line(const gui_sim *g, const gui_note *n, ps_lang lang, char *buf,
                        size_t size);
void gui_sim_close(gui_sim *g);
int gui_sim_restart(gui_sim *g, char *err, size_t errsize);

/* One instant now.  Returns the engine's status. */
ps_step_status gui_sim_step(gui_sim *g);
/* (Re)start the quiz g->quiz following `pid`, in step with the run shown
 * (after a restart, a step back or a user's action, the sim resyncs it
 * itself).  -1 for a live run or when out of memory. */
int gui_sim_quiz_sync(gui_sim *g, uint32_t pid);
/* Back one instant (model runs only); returns -1 if it cannot. */
int gui_sim_back(gui_sim *g);
/* Let `dt` seconds pass at `speed`: animations move, and when it is time
 * (and not paused) the next instant happens. */
void gui_sim_advance(gui_sim *g, double dt, double speed, int paused);
/* Seconds a move along an arrow takes at 1x (less when the next instant
 * comes sooner: [SYNC3]). */
#define GUI_MOVE_SECONDS 0.45

/* The state token pid is shown in: the node it rests in, or the one at
 * the end of the arrow it moves along; PS_NONE when it is not shown (not
 * created yet, or no such pid).  The diagram draws it there. */
ps_state gui_sim_token_state(const gui_sim *g, uint32_t pid);
/* No token moves. */
int gui_sim_at_rest(const gui_sim *g);
/* The arrow of `kind` from `from` is lit: one of the latest instant's
 * transitions took it (the cause line shows the latest of them). */
int gui_sim_lit(const gui_sim *g, ps_transition_kind kind, ps_state from);

/* The quiz's question, once the diagram is at the instant it asks about:
 * every token at rest, the followed one in the state the question says it
 * is in now; NULL before (and when none is open). */
const ps_trace_event *gui_sim_quiz_question(const gui_sim *g);
/* The student chose `s` for the question shown: as gui_quiz_answer (1
 * right, 0 wrong, -1 none shown).  Then the followed token moves along
 * the arrow answered about, and the next question waits for it; after the
 * instant's last question the instant is taken. */
int gui_sim_quiz_answer(gui_sim *g, ps_state s);
/* End the quiz (keeping its score); the followed token goes back to its
 * process's state if the quiz had moved it ahead. */
void gui_sim_quiz_stop(gui_sim *g);

/* The user's actions on process pid (real signals in live mode). */
int gui_sim_suspend(gui_sim *g, uint32_t pid);
int gui_sim_resume(gui_sim *g, uint32_t pid);
int gui_sim_kill(gui_sim *g, uint32_t pid);

int gui_sim_done(const gui_sim *g);

/* The i-th op event kept, oldest first (i < g->nops). */
const gui_op *gui_sim_op(const gui_sim *g, uint32_t i);
/* The latest lost update (a write with lost_update) on variable `var`
 * within the last `seconds` of g->clock, or NULL. */
const gui_op *gui_sim_lost_update(const gui_sim *g, uint32_t var, double seconds);

/* A line of the event log: a transition, an op event or a trace note. */
typedef struct gui_log_line {
    const gui_tr *tr;
    const gui_op *op;
    const gui_note *note;
} gui_log_line;
/* The event log's newest lines, newest first, at most max: transitions
 * and the op events kept (trace mode: the notes), in the order they
 * happened.  An op event is
 * later than a transition of an earlier tick, and than one of its own
 * tick logged before it (live mode logs a transition when the child
 * reports it, after its instant's op events).  Returns how many. */
int gui_sim_log_lines(const gui_sim *g, gui_log_line *out, int max);

#endif
