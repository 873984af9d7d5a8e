/* engine.h — the discrete-event engine: the seven-state machine driven by
 * short-, medium- and long-term scheduling over a memory model.
 *
 * Time is integer ticks.  ps_engine_step() advances to the next instant at
 * which something happens and does all of it (completions, wake-ups,
 * scripted events, arrivals, swapping, admission, dispatch); ps_engine_run()
 * is a loop over step.  Work is proportional to the number of events, not
 * to ticks × processes: timers live in a heap, and nothing scans every
 * process per tick.
 *
 * Every state change goes through one function inside the engine, which
 * checks it against the legal-transition table (state.h), stamps the PCB's
 * accounting and calls the listener with a ps_trace_event.  Beside the
 * transitions it reports op events (ps_op_event): what a process did to a
 * shared object and what a device or the memory did (DESIGN's table, in
 * docs/engine.md).  A listener (of transitions, op events or exec events)
 * may read the engine but must not call
 * back into anything that changes it (step, run, the interventions,
 * observe, destroy, setting listeners): the engine is in the middle of a
 * change, and such a call aborts the program.
 *
 * The rules (which process runs, when memory swaps, how ties break) are
 * documented in docs/engine.md, each with an ID; a test named after each
 * ID holds the engine to it (tests/test_rules_*.c, test_policies.c,
 * test_engine.c), and ps_engine_check to its invariants.
 */
#ifndef PROCSIM_ENGINE_H
#define PROCSIM_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "procsim/cause.h"
#include "procsim/pcb.h"
#include "procsim/scenario.h"

typedef struct ps_engine ps_engine;

typedef struct ps_trace_event {
    int64_t time;
    uint32_t pid;
    uint8_t from;            /* ps_state, PS_NONE for create */
    uint8_t to;              /* ps_state */
    uint8_t event;           /* ps_event */
    uint8_t cause;           /* ps_cause */
    int8_t kind;             /* ps_transition_kind */
    int64_t a, b;            /* cause arguments (see ps_cause_format) */
    uint8_t has_why;         /* a dispatch: the policy says why it chose it */
    uint8_t why;             /* ps_cause (a PS_WHY_CAUSES row) */
    int64_t wa, wb;          /* its arguments */
} ps_trace_event;

typedef void (*ps_trace_fn)(void *ctx, const ps_trace_event *ev);

typedef enum ps_step_status {
    PS_STEP_OK,        /* something happened; more may follow */
    PS_STEP_DONE,      /* every process has reached Exit */
    PS_STEP_UNTIL,     /* ps_engine_run stopped at its time limit */
    PS_STEP_STUCK,     /* nothing can ever happen again but some processes
                          have not exited: deadlock (see ps_engine_stuck) */
    PS_STEP_NOMEM,     /* out of memory; the engine can only be destroyed */
    PS_STEP_INTERRUPTED, /* live mode: procsim was asked to stop */
    PS_STEP_FAILED,    /* live mode: the real processes failed (live.h) */
    PS_STEP_RUNAWAY    /* a process ran more than PS_RUNAWAY_OPS ops that
                          take no time in one instant, or the run passed
                          ps_engine_instant_limit instants: stopped (see
                          ps_engine_runaway_text); the engine can only be
                          read and destroyed */
} ps_step_status;

/* The runaway limit: ops that take no time, in one instant, all processes
 * together (docs/engine.md, rule L5). */
#define PS_RUNAWAY_OPS 1000000
#define PS__STR_(x) #x
#define PS__XSTR_(x) PS__STR_(x)
#define PS_RUNAWAY_OPS_TEXT PS__XSTR_(PS_RUNAWAY_OPS)
/* The endless-run stop: a run of more instants than this, or than
 * PS_INSTANTS_PER_PROCESS per process if that is more, is stopped
 * (docs/engine.md, rule L6): a loop that takes time but never ends. */
#define PS_MAX_INSTANTS 10000000
#define PS_INSTANTS_PER_PROCESS 100

typedef struct ps_cpu {
    uint32_t pid;            /* running process, 0 = idle */
    ps_regs regs;            /* live registers of that process */
    int64_t busy;            /* ticks of useful work done, for utilisation */
} ps_cpu;

/* Create an engine for a loaded scenario (which must outlive it).  Nothing
 * has happened yet: now() is 0 and no process exists; the first step goes
 * to the first instant (the earliest arrival or scripted event).  Returns
 * NULL only if memory runs out. */
ps_engine *ps_engine_create(const ps_scenario *s);
void ps_engine_destroy(ps_engine *e); /* accepts NULL */

/* At most one listener; NULL to remove. */
void ps_engine_set_listener(ps_engine *e, ps_trace_fn fn, void *ctx);

/* X(ENUM, token, object) — op events: what a process did to a shared
 * object, and what a device or the memory did (docs/engine.md "Op
 * events", rules OE-*).  `object` is the kind of thing `object` indexes.
 *   READ / WRITE  the halves of one increment (add), each at the end of
 *                 its tick: value = the value read / written; a write
 *                 made after others wrote the variable since its read has
 *                 lost_update set, detail = how many writes it overwrote,
 *                 other = the last of their writers (else detail 0).
 *                 ps_engine_lost_updates counts the increments lost in
 *                 all, completed increments - final (docs/engine.md
 *                 OE-lost: overlapping losses make it less than the sum
 *                 of the details)
 *   SEND / RECV   a value enters / leaves a channel: value (PS_VALUE_NONE
 *                 for the sentinel); detail = the channel's length after;
 *                 a value handed straight to a waiting receiver is a send
 *                 (other = the receiver) then its recv (other = the sender)
 *   LOCK / UNLOCK / HANDOFF  a mutex is taken / released with nobody
 *                 waiting / released and passed on to its first waiter
 *                 (other = that waiter): value = the holder after (0:
 *                 free).  One event per release; a blocked lock gives none
 *                 until its handoff
 *   REQUEST / SERVED  a device starts / finishes serving pid's request:
 *                 value = the ticks of service; detail = requests still
 *                 queued after.  A request cut short by a kill: no served
 *   ALLOC / FREE  pid's memory is taken / given back (admission to Ready,
 *                 swap in / swap out, eviction, exit): value = the units,
 *                 detail = units used after; none for memory 0
 *   ALIVE         the program asked is_alive of its child `object`:
 *                 value = 1 alive, 0 not
 *   EMPTY         the head of `while not empty C` asked whether channel
 *                 `object` is empty: value = 1 empty (the loop is left),
 *                 0 not; detail = the values queued in it then
 * Order (OE-order): as things happen; a request before its process
 * blocks, served before the next request and the wake-up, send and recv
 * before the receiver wakes, alloc and free right after the transition
 * that moves the memory. */
#define PS_OBJ_KINDS(X) X(VARIABLE, "variable") X(CHANNEL, "channel") \
    X(MUTEX, "mutex") X(DEVICE, "device") X(MEMORY, "memory") X(PROCESS, "process")
typedef enum ps_obj_kind {
#define PS_X_(e, tok) PS_OBJ_##e,
    PS_OBJ_KINDS(PS_X_)
#undef PS_X_
    PS_OBJ_KIND_COUNT
} ps_obj_kind;

#define PS_OP_EVENTS(X)                                                     \
    X(READ, "read", VARIABLE)                                               \
    X(WRITE, "write", VARIABLE)                                             \
    X(SEND, "send", CHANNEL)                                                \
    X(RECV, "recv", CHANNEL)                                                \
    X(LOCK, "lock", MUTEX)                                                  \
    X(UNLOCK, "unlock", MUTEX)                                              \
    X(HANDOFF, "handoff", MUTEX)                                            \
    X(REQUEST, "request", DEVICE)                                           \
    X(SERVED, "served", DEVICE)                                             \
    X(ALLOC, "alloc", MEMORY)                                               \
    X(FREE, "free", MEMORY)                                                 \
    X(ALIVE, "is_alive", PROCESS)                                           \
    X(EMPTY, "empty", CHANNEL)
typedef enum ps_op_event_kind {
#define PS_X_(e, tok, obj) PS_OPE_##e,
    PS_OP_EVENTS(PS_X_)
#undef PS_X_
    PS_OP_EVENT_COUNT
} ps_op_event_kind;

typedef struct ps_op_event {
    int64_t time;
    uint32_t pid;            /* who did it (served: whose request) */
    uint8_t op;              /* ps_op_event_kind */
    uint8_t lost_update;     /* write: it lost other processes' updates */
    uint32_t object;         /* index into its table (ps_op_event_object);
                                memory: 0; is_alive: the child's pid */
    uint32_t other;          /* a second process (see above), 0: none */
    int64_t value, detail;   /* see above */
} ps_op_event;

typedef void (*ps_op_fn)(void *ctx, const ps_op_event *ev);
/* At most one op-event listener; NULL to remove.  Op events of an instant
 * come in the order they happen, interleaved with its transitions. */
void ps_engine_set_op_listener(ps_engine *e, ps_op_fn fn, void *ctx);
const char *ps_op_event_token(ps_op_event_kind k);
ps_obj_kind ps_op_event_object(ps_op_event_kind k);
const char *ps_obj_kind_token(ps_obj_kind k);
/* The name of what op event `ev` acted on: its variable, channel, mutex
 * or device, the process is_alive asked about, "memory"; "?" if none. */
const char *ps_op_event_object_name(const ps_engine *e, const ps_op_event *ev);
/* Does op event kind k carry a process as its value (the mutex's holder)? */
int ps_op_event_value_is_pid(ps_op_event_kind k);
/* Is its value an answer, true or false (is_alive, empty)? */
int ps_op_event_value_is_bool(ps_op_event_kind k);
/* Op event `ev` in words, in `lang` (out of range: English): "p1 writes
 * counter = 33: LOST UPDATE, overwrites 1 update(s) made since its read,
 * the last by p6", "main asks is_alive(worker): True"; None for the
 * sentinel.  Cut to fit
 * and always terminated when size > 0.  Returns `buf`. */
char *ps_op_event_format(const ps_engine *e, const ps_op_event *ev, ps_lang lang, char *buf,
                         size_t size);

/* What a Running process does, op by op, for a backend that mirrors the
 * model on real processes (live mode).  Emitted in order with the
 * transitions, from the same instant:
 *   RUN    a cpu or add op computes until tick `a`; b = 1 if the op is
 *          then complete (else its quantum ends or an add step is due);
 *   STEP   add: one half of an increment: b = 0 read, 1 write; a = the
 *          value read or written;
 *   DONE   the op is complete (a = the value sent or received, the exit
 *          code, the pid spawned or killed);
 *   BLOCK  the op blocks the process (io, sleep, recv, lock, wait).
 * Like the transition listener, it may not call back into the engine. */
#define PS_EXEC_PHASES(X) X(RUN) X(STEP) X(DONE) X(BLOCK)
typedef enum ps_exec_phase {
#define PS_X_(e) PS_EXEC_##e,
    PS_EXEC_PHASES(PS_X_)
#undef PS_X_
} ps_exec_phase;

typedef struct ps_exec_event {
    int64_t time;
    uint32_t pid;
    uint32_t pc;             /* index of the op in the process's program */
    uint8_t op;              /* ps_op_kind */
    uint8_t phase;           /* ps_exec_phase */
    int64_t a, b;
    int64_t n;               /* the op's number as it runs now: cpu's ticks,
                                send's value (computed, none), add's count */
} ps_exec_event;

typedef void (*ps_exec_fn)(void *ctx, const ps_exec_event *ev);
void ps_engine_set_exec_listener(ps_engine *e, ps_exec_fn fn, void *ctx);

ps_step_status ps_engine_step(ps_engine *e);
/* Step until done, stuck, or the next instant would be later than `until`
 * (until < 0: no limit).  Returns the last status. */
ps_step_status ps_engine_run(ps_engine *e, int64_t until);

/* Read-only views. */
int64_t ps_engine_now(const ps_engine *e);
/* The tick of the next instant, or -1 if nothing is pending. */
int64_t ps_engine_next(const ps_engine *e);
const ps_scenario *ps_engine_scenario(const ps_engine *e);
uint32_t ps_engine_nprocs(const ps_engine *e);
const ps_pcb *ps_engine_pcb(const ps_engine *e, uint32_t pid); /* NULL if no such pid */
/* The registers of `pid` as they are now (the CPU's while it runs). */
ps_regs ps_engine_regs(const ps_engine *e, uint32_t pid);
uint32_t ps_engine_ncpus(const ps_engine *e);
const ps_cpu *ps_engine_cpu(const ps_engine *e, uint32_t i);
int64_t ps_engine_memory_used(const ps_engine *e);
/* A variable's value: a shared one's; for a private one, the copy of pid
 * 1 (docs/engine.md, rule P1). */
int64_t ps_engine_variable(const ps_engine *e, uint32_t var);
/* Process pid's copy of a private variable (a shared one: its value). */
int64_t ps_engine_private(const ps_engine *e, uint32_t pid, uint32_t var);
/* The lottery policy's draws (docs/engine.md, "Lottery and stride"): how
 * many it has made, and the latest, which a host stepping the engine reads
 * after each instant (procsim ostep lottery prints each as lottery.py
 * does).  An instant may hold several draws (several CPUs; a process that
 * blocks as soon as it is dispatched): `count` says how many passed. */
typedef struct ps_lottery_draw {
    uint64_t count;      /* draws so far; 0: none yet (the rest is 0) */
    int64_t number;      /* the number drawn: int(random() * 1000001) */
    int64_t ticket;      /* the winning ticket: number % total */
    int64_t total;       /* the tickets of the candidates */
    uint32_t winner;     /* the pid that holds the ticket */
    uint32_t cpu;        /* the CPU it was drawn for */
} ps_lottery_draw;
/* The latest draw of an engine running policy lottery; all zero under any
 * other policy. */
ps_lottery_draw ps_engine_lottery_draw(const ps_engine *e);
/* After PS_STEP_RUNAWAY: the process that ran away (0: none did: the run
 * passed its instant limit), and the message in `lang` ("stopped at tick
 * 3: a ran more than ...", "stopped at tick 9999999 after 10000000
 * instants: ..."), cut and terminated as ps_engine_stuck.  Returns
 * `buf`. */
uint32_t ps_engine_runaway(const ps_engine *e);
/* The instants a run of this engine's scenario may take (rule L6), and
 * a host's own limit for it (0: the default again). */
uint64_t ps_engine_instant_limit(const ps_engine *e);
void ps_engine_set_instant_limit(ps_engine *e, uint64_t limit);
char *ps_engine_runaway_text(const ps_engine *e, ps_lang lang, char *buf, size_t size);
/* Channel contents: messages queued now, and totals over the run. */
typedef struct ps_channel_stats {
    uint64_t queued, sent, received;
    int64_t sent_sum, received_sum;
} ps_channel_stats;
ps_channel_stats ps_engine_channel(const ps_engine *e, uint32_t chan);
/* The processes now in state s, in the order their queue serves them:
 * Ready in the order the policy would dispatch them now (hrrn: by the
 * response ratios of this tick), Ready/Suspend and Blocked/Suspend in the
 * swapper's, Blocked longest first; processes outside those queues (held
 * by the user, needing no memory), and other states, by pid.  Writes at
 * most max pids; returns how many there are. */
uint32_t ps_engine_queue(const ps_engine *e, ps_state s, uint32_t *out, uint32_t max);
/* The response ratio (w + s) / s of Ready process `pid` now, in
 * thousandths rounded down (2250 for 2.25): w the ticks it has waited
 * since it last became Ready, s its next CPU burst as hrrn ranks it (the
 * predicted one with burst_estimate; docs/engine.md "HRRN").  Under any
 * model policy; -1 when pid is not Ready, its burst is 0 (the ratio has no
 * bound), or the engine is observed. */
int64_t ps_engine_response_ratio(const ps_engine *e, uint32_t pid);
/* Mutex owner pid, 0 if free. */
uint32_t ps_engine_mutex_owner(const ps_engine *e, uint32_t mutex);
/* The objects' queues, front first: a channel's values (PS_VALUE_NONE for
 * a sentinel) and the processes blocked receiving from it; a mutex's
 * waiters; a device's queue behind the request it serves
 * (ps_engine_device_serving, 0: idle).  Each writes at most max entries
 * and returns how many there are. */
uint32_t ps_engine_channel_items(const ps_engine *e, uint32_t chan, int64_t *out, uint32_t max);
uint32_t ps_engine_channel_receivers(const ps_engine *e, uint32_t chan, uint32_t *out,
                                     uint32_t max);
uint32_t ps_engine_mutex_waiters(const ps_engine *e, uint32_t mutex, uint32_t *out, uint32_t max);
uint32_t ps_engine_device_serving(const ps_engine *e, uint32_t dev);
uint32_t ps_engine_device_queue(const ps_engine *e, uint32_t dev, uint32_t *out, uint32_t max);
/* The PCB's tenth field, open files: what a process holds, from its
 * program (docs/engine.md "Open files").  From its creation until it
 * enters Exit a process holds the read end of every channel its program
 * receives from, the write end of every channel it sends to, and every
 * device it does io on; before and after, nothing.  In order: channels by
 * index (read end before write end), then devices by index.
 * X(ENUM, token, English, Korean): the texts are cause.h's templates with
 * a = the channel or device. */
#define PS_FILE_KINDS(X)                                                    \
    X(CHANNEL_READ, "read", "read end of channel {channel a}",              \
      "채널 {channel a}의 읽기 끝")                                           \
    X(CHANNEL_WRITE, "write", "write end of channel {channel a}",           \
      "채널 {channel a}의 쓰기 끝")                                           \
    X(DEVICE, "device", "device {device a}", "장치 {device a}")
typedef enum ps_file_kind {
#define PS_X_(e, ...) PS_FILE_##e,
    PS_FILE_KINDS(PS_X_)
#undef PS_X_
    PS_FILE_KIND_COUNT
} ps_file_kind;

typedef struct ps_open_file {
    uint8_t kind;            /* ps_file_kind */
    uint32_t object;         /* the channel or device index */
} ps_open_file;

/* The open files of `pid` now, in the order above: writes at most max,
 * returns how many there are (0 for no such pid). */
uint32_t ps_engine_open_files(const ps_engine *e, uint32_t pid, ps_open_file *out, uint32_t max);
const char *ps_file_kind_token(ps_file_kind k);
/* One open file in words, in `lang` ("read end of channel tasks"); cut and
 * terminated as ps_engine_stuck.  Returns `buf`. */
char *ps_open_file_format(const ps_engine *e, const ps_open_file *f, ps_lang lang, char *buf,
                          size_t size);

/* Increments lost so far, over all shared variables: the increments done
 * minus what the variables hold (rule OE-lost). */
int64_t ps_engine_lost_updates(const ps_engine *e);
uint64_t ps_engine_transitions(const ps_engine *e);

/* After PS_STEP_STUCK: a sentence in `lang` naming the processes that can
 * never move and what each waits for (a language out of range: English).
 * Text that does not fit ends in "..." (cut at a character boundary);
 * always NUL-terminates when size > 0.  Returns `buf`. */
char *ps_engine_stuck(const ps_engine *e, ps_lang lang, char *buf, size_t size);
/* What process p of `e` waits for, in `lang`, as its row of PS_WAITS
 * (pcb.h) says it after the process's name ("waits for mutex m held by
 * b"); "" when it waits for nothing.  Names that are not there read "?";
 * cut and terminated as ps_engine_stuck.  Returns `buf`. */
char *ps_wait_format(const ps_engine *e, const ps_pcb *p, ps_lang lang, char *buf, size_t size);

/* Check every invariant of the engine's state (between steps): CPUs and
 * Running processes agree, the queues hold exactly the processes they
 * should in the order they should, memory held is what resident processes
 * need, every Blocked process is known to what it waits for, the timers
 * count what will happen.  Returns 0, or -1 with the first broken one in
 * `buf`.  Costs up to O(processes x timers): for tests and debugging. */
int ps_engine_check(const ps_engine *e, char *buf, size_t size);

/* Interventions by the user (GUI, tests).  Take effect now, at now();
 * scripted events in the scenario use the same paths.  Return 0, or -1 if
 * the process does not exist or is in no state the action applies to
 * (suspend: Ready, Running, Blocked; resume: a user-suspended process;
 * kill: any live state). */
int ps_engine_suspend(ps_engine *e, uint32_t pid);
int ps_engine_resume(ps_engine *e, uint32_t pid);
int ps_engine_kill(ps_engine *e, uint32_t pid);
/* Live mode: the real process died by signal `sig` (0: it exited on its
 * own) when the model did not expect it; it goes to Exit by `kill`. */
int ps_engine_died(ps_engine *e, uint32_t pid, int sig);
/* Live mode: what the kernel shows of the process (separate fields from
 * the model's state). */
void ps_engine_observe(ps_engine *e, uint32_t pid, char kstate, int64_t rss_kb);

/* ---- observed mode: an engine that schedules nothing ------------------
 *
 * procsim trace (trace.h) puts a real program's processes in the seven
 * states.  The kernel decides there, not a policy; the host that watches
 * it tells an observed engine what happened, and the engine keeps the
 * PCBs, the accounting, the CPUs and the listeners exactly as in a model
 * run, every change through the same door (checked against the table of
 * legal transitions, stamped, heard by the listener), so that the
 * statistics, the outputs and the window need no second path.
 *
 * The scenario gives the capacity: its processes are slots, none of which
 * arrives or runs a program by itself (their programs are ignored), and
 * its cpus are the CPUs a Running process may be on.  Memory is never
 * short (swapping is the kernel's affair; a process's memory is 0), and no
 * policy, timer, scripted event or deadlock detection runs:
 * ps_engine_step and ps_engine_run return PS_STEP_DONE once every created
 * process has exited, else PS_STEP_OK, and change nothing.  A Running
 * process's cpu_time grows with the ticks it spends Running.
 *
 * Every call returns 0, or -1 and changes nothing when the engine is not
 * observed or the call is not allowed (said for each).  The interventions
 * above (suspend, resume, kill, died) refuse an observed engine (-1): its
 * host moves it. */
/* An observed engine over `s`, which must outlive it; NULL when out of
 * memory. */
ps_engine *ps_engine_create_observed(const ps_scenario *s);
bool ps_engine_observed(const ps_engine *e);
/* Time moves to `now`; -1 if now is before the engine's time. */
int ps_engine_observe_time(ps_engine *e, int64_t now);
/* Process `pid` is created (to New, by create, for cause (a, b)) as a child
 * of `parent` (0: none; else a created process): the parent's children
 * list it, as `spawn` would.  -1 if pid is out of range or was created
 * already, or parent is not 0 or a created process. */
int ps_engine_observe_create(ps_engine *e, uint32_t pid, uint32_t parent, ps_cause cause,
                             int64_t a, int64_t b);
/* Process `pid` moves to `to` by event `ev` for cause (a, b); moving to
 * Running it takes CPU index `cpu` (< the scenario's cpus), which must be
 * free, else `cpu` is ignored.  Suspend and activate set and clear the
 * PCB's user_suspended (the kernel does not swap: only a signal suspends).
 * -1 if the table of legal transitions forbids it or the CPU is out of
 * range or taken. */
int ps_engine_observe_move(ps_engine *e, uint32_t pid, ps_state to, ps_event ev,
                           ps_cause cause, int64_t a, int64_t b, uint32_t cpu);
/* How process `pid` ended, set before (or when) it moves to Exit: its exit
 * status, or the signal that killed it (0 if it exited). */
int ps_engine_observe_end(ps_engine *e, uint32_t pid, int32_t exit_code, int32_t term_signal);
/* Its parent (or whoever adopted it) reaped it: pcb->reaped.  -1 unless
 * it is in Exit. */
int ps_engine_observe_reaped(ps_engine *e, uint32_t pid);

#endif
