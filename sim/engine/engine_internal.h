/* engine_internal.h — the engine's private structures, shared by the files
 * that make it up (library-internal: only sim/engine includes it).
 *
 *   engine.c     the instant loop (step), timers, scripted events, the one
 *                transition function (the door), interventions, lifetime
 *   check.c      the invariants of a running engine (ps_engine_check)
 *   heap.c       the timer heap, the process queues, the wait FIFOs
 *   sched.c      the short-term scheduler: dispatch, quanta, preemption,
 *                over the policies' hooks (policy.h)
 *   policy_*.c   the policy families, one table of hooks each
 *   memory.c     long-term admission and the medium-term swapper
 *   ops.c        executing programs on a CPU; devices, channels, mutexes,
 *                children
 *   engine_view.c  read-only views, the deadlock report
 *   files.c      the PCB's open files (ps_engine_open_files)
 *   cause.c      causes as text, in English or Korean (ps_cause_format)
 *   stats.c      per-process and summary statistics
 *   observe.c    observed mode: a host (procsim trace) moves the processes
 *                through the same door; nothing is scheduled
 */
#ifndef PROCSIM_ENGINE_INTERNAL_H
#define PROCSIM_ENGINE_INTERNAL_H

#include "arena.h"
#include "procsim/engine.h"
#include "pyrand.h"

/* Linux signal numbers, used by the model to record what live mode sends. */
enum { PS__SIGKILL = 9, PS__SIGTERM = 15, PS__SIGCONT = 18, PS__SIGSTOP = 19 };

/* ---- timers ---------------------------------------------------------- */

/* Within one tick, timers fire in class order, which fixes how same-tick
 * events interleave (docs/engine.md, "one instant"). */
typedef enum ps__timer_type {
    PS__T_CPU,     /* class 0: a CPU reaches the end of its slice/step */
    PS__T_POLICY,  /* class 1: the policy's own timer (the mlfq boost) */
    PS__T_IO,      /* class 2: a device finishes a request */
    PS__T_SLEEP,   /* class 2: a sleep ends */
    PS__T_JOIN,    /* class 2: a wait's timeout ends */
    PS__T_SCRIPT,  /* class 3: a scripted event */
    PS__T_ARRIVAL  /* class 4: a process arrives */
} ps__timer_type;

typedef struct ps__timer {
    int64_t time;
    uint64_t order;  /* class << 32 | tie-breaker (pid, cpu, index) */
    uint32_t id;     /* cpu index, device, pid or event index */
    uint32_t gen;    /* must match the owner's generation to be live */
    uint8_t type;    /* ps__timer_type */
} ps__timer;

/* ---- process queues -------------------------------------------------- */

/* A queue entry carries its sort key, fixed when the process joins, so
 * that ordering never has to look into the PCBs: (k1, k2, k3, pid),
 * compared in that order (the policy's key hook, or ps__queue_key, says
 * what each means). */
typedef struct ps__qentry {
    uint64_t k1, k2, k3;
    uint32_t pid;
} ps__qentry;

typedef enum ps__queue {
    PS__Q_READY,     /* Ready: the policy's order */
    PS__Q_SWAPPED,   /* Ready/Suspend waiting for memory: urgency, FIFO */
    PS__Q_SWAPPED_BLOCKED, /* Blocked/Suspend, not user-held: same order */
    PS__Q_BLOCKED,   /* Blocked and resident: longest blocked first */
    PS__Q_COUNT
} ps__queue;

/* FIFO of pids chained through pcb->wait_next_ (device, channel, mutex
 * waiters). */
typedef struct ps__fifo {
    uint32_t head, tail;
} ps__fifo;

/* A process's part in `wait any`'s bookkeeping (ops.c, rule O-wait-cost):
 * as a parent, how many of its children are live and the heap of its
 * zombies; as a zombie, its links in its parent's heap.  With these a
 * wait costs O(log n), not a walk over every child it ever had. */
typedef struct ps__kin {
    uint32_t live;         /* its children created and not yet exited */
    uint32_t zombies;      /* the root (lowest pid) of its zombies' leftist
                              heap, 0: none; a zombie that `wait C` reaped
                              since stays in it until it comes to the top */
    uint32_t left, right;  /* as a zombie: its subtrees in that heap */
    uint8_t rank;          /* 1 + the rank of its right subtree (0: none) */
} ps__kin;

/* ---- resources ------------------------------------------------------- */

typedef struct ps__device {
    uint32_t busy;   /* pid being served, 0 = idle */
    uint32_t gen;
    ps__fifo queue;  /* waiting for service */
} ps__device;

typedef struct ps__channel {
    ps__vec buf;     /* int64_t values; buf[head..len) are queued */
    size_t head;
    ps__fifo receivers;
    ps_channel_stats stats;
} ps__channel;

typedef struct ps__mutex {
    uint32_t owner;
    ps__fifo waiters;
} ps__mutex;

typedef struct ps__cpu {
    ps_cpu pub;            /* what ps_engine_cpu shows */
    uint32_t gen;          /* invalidates its pending timer */
    int64_t since;         /* accounting done up to this tick */
    int64_t work_from;     /* switch overhead ends here */
    int64_t quantum_left;  /* useful ticks left in this slice */
    uint8_t expired;       /* quantum used up: decide timeout at settle */
    uint8_t timer;         /* a live timer of this CPU is in the heap */
    uint8_t holding;       /* its process holds it, doing no work, until
                              the CPU timer fires (a policy's start hook
                              asks for it: ostep's last tick) */
    uint8_t used;          /* has had a dispatch (switch_cost_first) */
    uint32_t last;         /* the pid that last ran on it, 0: none */
    int64_t idle_since;    /* the tick it last fell idle, -1: never ran
                              (affinity keep: one freed now chooses first) */
    struct {               /* ostep's, per CPU (policy_ostep.c alone) */
        uint32_t reserved; /* switch on-end: idle, kept for this Blocked
                              process; 0 = free */
        int64_t blocked_at; /* the instant its process last blocked, whose
                               end-of-tick check is still to come */
    } ostep;
    struct {               /* lottery's, per CPU (policy_lottery.c alone) */
        uint32_t won;      /* the winner of this CPU's quantum-end draw,
                              waiting to be dispatched here; 0 = none */
        int64_t ticket, total; /* its winning ticket, of how many */
    } lottery;
    struct {               /* cfs's, per CPU (policy_cfs.c alone) */
        int64_t slice;     /* the slice its process was given */
    } cfs;
} ps__cpu;

struct ps__policy;

struct ps_engine {
    const ps_scenario *s;
    const struct ps__policy *policy; /* the scenario's (policy.h) */
    ps_pcb *pcb;           /* pcb[pid - 1] */
    uint32_t n;
    ps__cpu *cpu;
    uint32_t ncpu, idle;   /* idle: CPUs with no process */
    int64_t now;

    ps__vec timers;        /* ps__timer, a binary heap by (time, order) */
    uint32_t pending_arrivals;
    uint32_t pending_real; /* live timers other than the policy's: none
                              left and nothing running means nothing will
                              happen */
    uint32_t policy_gen;   /* the policy's one live timer has this
                              generation (ps__policy_timer moves it on) */
    ps__vec q[PS__Q_COUNT]; /* ps__qentry, 4-ary heaps by key */
    int32_t *slot;         /* slot[pid - 1]: index in its queue, or -1; kept
                              out of the PCB so heap moves stay in cache */
    uint32_t *arrivals;    /* pids created at arrival, by (arrival, pid) */
    uint32_t next_arrival; /* index of the next one to arrive */
    ps__fifo newq;         /* created this instant, awaiting admission */

    int64_t mem_used;      /* units held by resident processes */
    int64_t mem_blocked;   /* of which Blocked processes hold */
    int uniform_priority;  /* all swap urgencies equal: no eviction */
    uint32_t live;         /* created and not yet exited */
    uint64_t transitions;
    int64_t last_change;   /* tick of the latest transition */
    int nomem;             /* an allocation failed: the run cannot go on */
    int in_listener;       /* a listener is being called: the engine may
                              not be entered (ps__enter) */

    /* policy state: one engine runs one policy, and each part belongs to
     * its policy's file alone (zero at creation; its init hook sets more) */
    union {
        struct {
            uint32_t last_dispatched; /* the scan for the next starts after it */
            uint32_t urgent;   /* io_done immediate: woken, takes a CPU at once */
            int finish_check;  /* io_done later: a wake-up ends holding CPUs */
        } ostep;
        struct {
            uint64_t seq;      /* next back-of-queue tie-breaker */
            uint64_t front;    /* fronts taken so far (io_bump) */
        } mlfq;
        struct {               /* priority, priority-preemptive, priority-rr:
                                  aging (policy_priority.c) */
            ps__vec due;       /* ps__timer (time: a tick a process joined
                                  or aged is due to age again, order: its
                                  pid), a binary heap; entries of processes
                                  that left Ready since are dropped lazily */
            int64_t armed;     /* the tick the timer is set for, -1: none */
        } priority;
        struct {
            ps_pyrand rng;     /* Python's random, seeded by system.seed */
            ps_lottery_draw last; /* the latest draw (ps_engine_lottery_draw) */
            uint32_t why_pid;  /* the dispatch being made: its winner, */
            int64_t why_ticket, why_total; /* the ticket (-1: no draw), of */
        } lottery;
    } pol;

    ps__device *dev;
    ps__channel *chan;
    ps__mutex *mtx;
    int64_t *var;
    int64_t *pvar;         /* pvar[(pid-1) * nvars + v]: each process's copy
                              of the private variables (NULL: none is) */
    uint64_t instant_ops;  /* ops that took no time in this instant */
    uint32_t runaway;      /* the pid that passed PS_RUNAWAY_OPS, 0 */
    uint64_t instants;     /* instants so far */
    ps__kin *kin;          /* kin[pid - 1]; NULL when no process has a
                              parent */
    uint64_t wait_any_looks; /* children wait any has looked at, so far:
                              each zombie once, as it leaves its heap (the
                              white-box test of rule O-wait-cost) */
    int endless;           /* more than ps_engine_instant_limit of them */
    uint64_t instant_limit; /* a host's limit, 0: the default */
    uint32_t *var_writer;  /* the last process to write each variable, 0 */
    uint64_t *var_writes;  /* writes to each shared variable so far */
    uint64_t *file_keys;   /* each process's open files, sorted (files.c), */
    uint32_t *file_first;  /* process p's from file_first[p - 1] to [p] */

    struct {               /* the policy's reason for the dispatch being
                              made (ps__dispatch), for its event */
        uint8_t set, cause;
        int64_t a, b;
    } why;
    uint8_t free_dispatch; /* the dispatch being made is no context switch
                              (a CPU's first, switch_cost_first false): the
                              door does not count it */

    /* The conventions (docs/engine.md "Conventions") as this engine's
     * policy reads them, fixed at creation: a setting the policy ignores
     * (possible after ps_scenario_set_policy) is its default here. */
    struct {
        uint8_t requeued_first;   /* rr_arrival after-preempted */
        uint8_t completion_first; /* same_tick completion-first */
        uint8_t self_switch;      /* count_self_switch */
        uint8_t keep;             /* affinity keep */
    } conv;
    ps_trace_fn listener;
    void *listener_ctx;
    int64_t lost_updates;  /* increments wiped out by stale writes */

    ps_op_fn op_listener;
    void *op_listener_ctx;
    ps_exec_fn exec_listener;
    void *exec_listener_ctx;

    /* observed mode (observe.c): no policy, timer, memory or program acts;
     * the few places that would otherwise act test `observed` */
    int observed;
    uint32_t *last_child;  /* last_child[pid - 1]: the tail of its children
                              list, so a created child is appended (NULL in
                              a model engine) */
};

static inline ps_pcb *ps__pcb(ps_engine *e, uint32_t pid) { return &e->pcb[pid - 1]; }
static inline int ps__queued(const ps_engine *e, uint32_t pid) { return e->slot[pid - 1] >= 0; }
static inline uint32_t ps__qlen(const ps_engine *e, ps__queue q) { return (uint32_t)e->q[q].len; }
static inline const ps__qentry *ps__qat(const ps_engine *e, ps__queue q, uint32_t i)
{
    return &((const ps__qentry *)e->q[q].data)[i];
}
static inline uint32_t ps__pheap_top(const ps_engine *e, ps__queue q)
{
    return ps__qlen(e, q) ? ps__qat(e, q, 0)->pid : 0;
}
static inline const ps__timer *ps__timer_top(const ps_engine *e)
{
    return e->timers.len ? (const ps__timer *)e->timers.data : NULL;
}

/* A public entry point that changes the engine was called from inside a
 * listener (which the contract forbids: the engine is mid-change):
 * abort, like any broken invariant. */
void ps__enter(const ps_engine *e);

/* engine.c */
/* The queue a process in state s belongs to (PS__Q_COUNT: none). */
ps__queue ps__queue_of(ps_state s);
/* The one door: move `pid` to `to` by `ev`, stamping accounting and
 * calling the listener.  A process leaving Running leaves its CPU here
 * first (ps__cpu_release).  Aborts on an illegal transition (a bug). */
void ps__transition(ps_engine *e, uint32_t pid, ps_state to, ps_event ev,
                    ps_cause cause, int64_t a, int64_t b);
void ps__timer_add(ps_engine *e, int64_t time, ps__timer_type type,
                   uint32_t id, uint32_t gen, uint32_t tie);
/* Is the timer still meant (its owner has not moved on since)? */
int ps__timer_live(const ps_engine *e, const ps__timer *t);
/* Arm the policy's timer (PS__T_POLICY) for tick `at`, -1 for none, in
 * place of the one pending: a policy has one live timer at a time. */
void ps__policy_timer(ps_engine *e, int64_t at);
/* A live timer was made stale (its owner's generation moved on). */
static inline void ps__timer_cancelled(ps_engine *e) { e->pending_real--; }
/* Create process `pid` now (arrival or spawn): none -> New, queued for
 * admission. */
void ps__create(ps_engine *e, uint32_t pid, ps_cause cause, int64_t a);
/* Bring a process to Exit by `ev` (release or kill), freeing everything it
 * holds and waking a parent that waits for it. */
void ps__exit(ps_engine *e, uint32_t pid, ps_event ev, ps_cause cause, int64_t a);
/* Tell the exec listener what the CPU executes, if there is one. */
void ps__exec_event(ps_engine *e, uint32_t pid, uint32_t pc, ps_op_kind op, ps_exec_phase phase,
                  int64_t a, int64_t b);

/* Tell the op-event listener, if there is one, that `pid` did `op` to
 * `object` now (the fields as ps_op_event says). */
void ps__op(ps_engine *e, ps_op_event_kind op, uint32_t pid, uint32_t object, int64_t value,
            int64_t detail, uint32_t other, int lost_update);

/* files.c: the open files of every program, once (-1: out of memory). */
int ps__files_init(ps_engine *e);

/* heap.c */
/* Push a timer; -1 when out of memory. */
int ps__theap_push(ps__vec *h, ps__timer t);
ps__timer ps__theap_pop(ps__vec *h);
/* Put `pid`, becoming a member of queue q by `ev`, in it now.  Sets
 * e->nomem if it cannot grow. */
void ps__pheap_push(ps_engine *e, ps__queue q, uint32_t pid, ps_event ev);
void ps__pheap_remove(ps_engine *e, ps__queue q, uint32_t pid);
/* Restore the heap order after keys were rewritten in place. */
void ps__pheap_rebuild(ps_engine *e, ps__queue q);
/* Give `pid`, a member of queue q, the key `key` and move it to its place:
 * O(log n). */
void ps__pheap_rekey(ps_engine *e, ps__queue q, uint32_t pid, ps__qentry key);
/* Does entry a come before b (k1, k2, k3, then pid)? */
int ps__qless(const ps__qentry *a, const ps__qentry *b);
void ps__fifo_push(ps_engine *e, ps__fifo *f, uint32_t pid);
uint32_t ps__fifo_pop(ps_engine *e, ps__fifo *f);
int ps__fifo_remove(ps_engine *e, ps__fifo *f, uint32_t pid);
/* The zombie heaps (e->kin): add `pid`, an exited child, to `parent`'s;
 * take the lowest pid off `parent`'s (0 when it is empty).  O(log n) in
 * the worst case, allocating nothing. */
void ps__zombie_push(ps_engine *e, uint32_t parent, uint32_t pid);
uint32_t ps__zombie_pop(ps_engine *e, uint32_t parent);

/* sched.c */
/* The urgency rank of priority number `priority` under the scenario's
 * priority_order (docs/engine.md, rule PO1): 0 the most urgent a number
 * can be, larger less urgent.  Every comparison of priorities (the
 * priority policies, mlq's priority bands, aging, the swapper) compares
 * these ranks, never the numbers. */
int64_t ps__urgency(const ps_engine *e, int64_t priority);
/* The priority number `steps` steps more urgent than `priority`, never
 * past the most urgent (rank 0). */
int64_t ps__more_urgent(const ps_engine *e, int64_t priority, int64_t steps);
/* The swapper's urgency of `p` (rules S1, S3, MLQ5): the policy's band of
 * it first (its band hook; mlq's bands), then its base priority's rank;
 * 0 the most urgent, larger less urgent. */
int64_t ps__swap_urgency(const ps_engine *e, const ps_pcb *p);
/* The sort key of `pid` joining queue q now by `ev` (see ps__qentry). */
ps__qentry ps__queue_key(ps_engine *e, ps__queue q, uint32_t pid, ps_event ev);
/* Did `a` arrive after `b` (ties: the higher pid is later)?  The victim
 * tie-break of preemption and eviction. */
int ps__later(const ps_engine *e, uint32_t a, uint32_t b);
/* One round of dispatch: the policy's own decisions, expired quanta,
 * idle CPUs, preemption; returns 1 if it did something. */
int ps__dispatch_one(ps_engine *e);
/* Take `pid` off its CPU (the door does it for every transition out of
 * Running): accounts the work done, saves registers, cancels its timer. */
void ps__cpu_release(ps_engine *e, uint32_t pid);
/* Arm CPU c's timer for tick `at` (a live one is replaced). */
void ps__set_cpu_timer(ps_engine *e, uint32_t c, int64_t at);
/* Account the running process's useful ticks up to now. */
void ps__cpu_sync(ps_engine *e, uint32_t cpu);
/* CPU c's quantum ran out: time its process out if someone needs the CPU,
 * else renew the quantum.  Returns 1 if it timed out. */
int ps__settle_expired(ps_engine *e, uint32_t c);
/* Settle every quantum that has run out (rr_arrival after-preempted does
 * it right after the instant's CPU slices end). */
void ps__settle_quanta(ps_engine *e);
/* Preempt the running process `victim` in favour of `by`: Running -> Ready
 * by preempt. */
void ps__preempt(ps_engine *e, uint32_t victim, uint32_t by);
/* A Blocked process has become Ready (ops.c, ps__wake): the policy's
 * reaction. */
void ps__woken(ps_engine *e, uint32_t pid);
/* A Running process has blocked and left CPU c: the policy's reaction. */
void ps__blocked(ps_engine *e, uint32_t pid, uint32_t c);
/* `p` has left its CPU Blocked or for Exit, ending a CPU burst: its
 * predicted burst learns the length (burst_estimate; nothing otherwise). */
void ps__burst_ended(ps_engine *e, ps_pcb *p);
/* A process was just dispatched on CPU c: start it (unless the policy
 * holds the CPU otherwise). */
void ps__cpu_start(ps_engine *e, uint32_t c);

/* memory.c */
void ps__admit_new(ps_engine *e);
/* One pass of the medium-term scheduler; returns 1 if it moved anyone. */
int ps__swap(ps_engine *e);
/* Bookkeeping of a state change for the memory model: called by the
 * transition door only. */
void ps__memory_account(ps_engine *e, ps_pcb *p, ps_state from, ps_state to);
/* The alloc / free op event of that change, if it took or gave back
 * memory: the door calls it after the transition's listener. */
void ps__memory_event(ps_engine *e, const ps_pcb *p, ps_state from, ps_state to);

/* ops.c */
/* Op `pc` of process `pid`, or NULL past the end of its program. */
const ps_op *ps__op_at(const ps_engine *e, uint32_t pid, uint32_t pc);
/* Run the process on CPU `c` from its current op until it needs ticks
 * (schedules the CPU timer), blocks, or exits. */
void ps__cpu_run(ps_engine *e, uint32_t c);
/* The CPU timer fired: account the ticks, apply their effect, continue. */
void ps__cpu_timer(ps_engine *e, uint32_t c);
void ps__io_done(ps_engine *e, uint32_t dev);
void ps__sleep_done(ps_engine *e, uint32_t pid);
/* [SB1] starts_blocked: `pid`, just created (New), begins its first op,
 * an io or sleep, without a CPU; when it is done (ps__wake) it is queued
 * for admission. */
void ps__start_blocked(ps_engine *e, uint32_t pid);
/* Take `pid` out of whatever queue it waits in (before it exits). */
void ps__detach(ps_engine *e, uint32_t pid);
/* `pid`, a child, was just created: one more live child of its parent. */
void ps__child_created(ps_engine *e, uint32_t pid);
/* `pid` has exited: release its mutexes, wake a parent waiting for it
 * (or leave it a zombie of its parent's). */
void ps__after_exit(ps_engine *e, uint32_t pid);
/* The halves of one increment of a shared variable by `pid`, with their
 * op events: read returns the value; write stores read + 1, flagging a
 * lost update (e->lost_updates). */
int64_t ps__var_read(ps_engine *e, uint32_t pid, uint32_t var);
void ps__var_write(ps_engine *e, uint32_t pid, uint32_t var, int64_t read);
/* Wake a Blocked or Blocked/Suspend process whose wait is over: its op
 * completes with `result` (the value received, the child reaped). */
void ps__wake(ps_engine *e, uint32_t pid, ps_cause cause, int64_t a, int64_t result);
/* Free what the channels hold (engine destruction). */
void ps__channels_fini(ps_engine *e);
/* A wait's timeout ran out: wake the waiter. */
void ps__join_timeout(ps_engine *e, uint32_t pid);

/* program.c */
/* The number of `op` as it runs now with registers r: op->n, or its value
 * computed (PS_OPF_EXPR). */
int64_t ps__value(const ps_engine *e, const ps_op *op, const ps_regs *r);
/* The same as a count of ticks (cpu's), 0 .. PS_SCENARIO_MAX_NUMBER like a
 * written one: below 1 no time, above 10^9 the most a file may say [V2]. */
int64_t ps__ticks_value(const ps_engine *e, const ps_op *op, const ps_regs *r);
/* x + y saturating at +-PS_VALUE_MAX. */
int64_t ps__value_add(int64_t x, int64_t y);
/* Move the pc past `op` (at r->pc), now complete with `result`: the next
 * op, or where a loop's head or end jumps. */
void ps__advance(const ps_engine *e, const ps_op *op, ps_regs *r, int64_t result);
/* Whether channel c holds no value now (while not empty, rule L7). */
int ps__channel_empty(const ps_engine *e, uint32_t c);
/* Where pid reads and writes variable var: its own copy if private. */
int64_t *ps__var_slot(ps_engine *e, uint32_t pid, uint32_t var);
/* A child spawned by `parent` (0: none) starts with its private copies. */
void ps__inherit(ps_engine *e, uint32_t child, uint32_t parent);

/* observe.c */
/* What ps_engine_step and ps_engine_run return for an observed engine,
 * which they leave alone: done once every created process has exited. */
ps_step_status ps__observed_status(const ps_engine *e);

/* ---- text (cause.c) --------------------------------------------------- */

/* Template t (cause.h's placeholders: {a}, {proc b}, {device a}, ...)
 * filled in with the numbers a and b and the names they stand for in e,
 * written at p and never past end (no NUL).  Sets *cut when some of the
 * text did not fit (text that just fits is not cut).  Returns where it
 * stopped. */
char *ps__template_put(const ps_engine *e, const char *t, int64_t a, int64_t b, char *p,
                       char *end, bool *cut);
/* The end of text [start, p) without a UTF-8 character cut in half at the
 * end (text that filled a buffer may have been cut anywhere). */
char *ps__whole_characters(char *start, char *p);

#endif
