/* scenario.h — a loaded scenario file (format version 1,
 * docs/scenario-format.md).
 *
 * A ps_scenario is the validated, immutable description of a run: system
 * settings, devices, processes with their programs, scripted events.  It
 * is produced only by ps_scenario_load*() (scenario_load.c), which either
 * returns a complete, valid scenario or nothing at all plus one message of
 * the form "FILE:LINE:COLUMN: what was wrong and what was expected".
 *
 * Every name a program mentions is interned into one of the name tables
 * (devices, channels, mutexes, variables) and ops refer to it by index, so
 * the engine never compares strings.  Process references (spawn, wait,
 * kill, parent, events) are pids - 1, i.e. indices into `procs`.
 *
 * Guarantees a loaded scenario gives the engine (checked by the loader):
 *   - names unique; every referenced device declared; every spawn/wait/kill
 *     names a child of the process whose program holds the op, and every
 *     child is spawned exactly once, by its parent, before any wait on it;
 *   - no process needs more memory than the system has;
 *   - numbers are within PS_SCENARIO_MAX_NUMBER;
 *   - loops nest at most PS_LOOP_DEPTH_MAX deep, each body non-empty; a
 *     loop's ops lie inside its owner's program, head before end; a value
 *     names only loop variables in scope;
 *   - the copies of an entry with `copies` are consecutive processes that
 *     share one program (the same op_first/op_count), which names no
 *     process; spawn/wait/kill of the group are one op per copy
 *     (PS_OPF_GROUP).
 */
#ifndef PROCSIM_SCENARIO_H
#define PROCSIM_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "procsim/state.h"

#define PS_SCENARIO_VERSION 1
#define PS_SCENARIO_MAX_NUMBER 1000000000 /* largest tick count, size, value */
#define PS_TICK_MS_MIN 1                  /* tick_ms, live mode's milliseconds per */
#define PS_TICK_MS_MAX 60000              /* tick: the file's and --tick-ms's range */
#define PS_MAX_CPUS 1024                  /* cpus: at most */
#define PS_UNLIMITED (-1)                 /* memory: no limit */
#define PS_WAIT_ANY UINT32_MAX            /* wait any: obj of a PS_OP_WAIT */
#define PS_VALUE_NONE INT64_MIN           /* the value `none`: Python's None,
                                             the sentinel a channel carries */
#define PS_LOOP_DEPTH_MAX 4               /* loops nest at most this deep */
#define PS_COPIES_MAX 64                  /* copies: N at most (auto: cpus, as
                                             many at most) */
#define PS_VALUE_MAX 1000000000000000000LL /* computed values saturate at +-this */

/* X(ENUM, token, hooks, settings) — short-term scheduling policies.
 * `hooks` names the engine's table of the policy's rules (ps__policy_NAME,
 * one file per family under sim/engine/); `settings` says which of the
 * scenario's policy settings it reads (PS_USES_*): the loader refuses the
 * mlfq and ostep settings with a policy that does not read them (a
 * quantum is always accepted), the writer and the views show only these.
 * Adding a policy is one row here and one file in the engine. */
#define PS_USES_QUANTUM 1u /* quantum */
#define PS_USES_MLFQ 2u    /* mlfq_levels, mlfq_quanta, ..., mlfq_io_bump,
                              mlfq_style */
#define PS_USES_OSTEP 4u   /* switch, io_done: OSTEP's process-run, not a
                              textbook policy (random labs leave it out) */
#define PS_USES_PRIORITY 8u /* the processes' priorities order the Ready
                               queue (the swapper reads them always):
                               aging */
#define PS_USES_BURST 16u   /* the next CPU burst orders it: burst_estimate */
#define PS_USES_ROUND 32u   /* a FIFO queue with quanta: rr_arrival */
#define PS_USES_MLQ 64u     /* queues; the processes' queue */
#define PS_USES_TICKETS 128u /* the processes' tickets */
#define PS_USES_SEED 256u   /* seed: the policy draws random numbers */
#define PS_USES_CFS 512u    /* cfs_latency, cfs_min_granularity; the
                               processes' nice */
#define PS_POLICIES(X)                                                      \
    X(FCFS, "fcfs", fcfs, 0)                                                \
    X(SJF, "sjf", sjf, PS_USES_BURST)                                       \
    X(SRTF, "srtf", srtf, PS_USES_BURST)                                    \
    X(HRRN, "hrrn", hrrn, PS_USES_BURST)                                    \
    X(PRIORITY, "priority", priority, PS_USES_PRIORITY)                     \
    X(PRIORITY_PREEMPTIVE, "priority-preemptive", priority_preemptive,      \
      PS_USES_PRIORITY)                                                     \
    X(PRIORITY_RR, "priority-rr", priority_rr,                              \
      PS_USES_QUANTUM | PS_USES_PRIORITY | PS_USES_ROUND)                   \
    X(RR, "rr", rr, PS_USES_QUANTUM | PS_USES_ROUND)                        \
    X(MLQ, "mlq", mlq, PS_USES_MLQ | PS_USES_ROUND)                         \
    X(MLFQ, "mlfq", mlfq, PS_USES_QUANTUM | PS_USES_MLFQ)                   \
    X(LOTTERY, "lottery", lottery, PS_USES_QUANTUM | PS_USES_TICKETS | PS_USES_SEED) \
    X(STRIDE, "stride", stride, PS_USES_QUANTUM | PS_USES_TICKETS)          \
    X(CFS, "cfs", cfs, PS_USES_CFS)                                         \
    X(OSTEP, "ostep", ostep, PS_USES_OSTEP)

typedef enum ps_policy {
#define PS_X_(e, tok, hooks, uses) PS_POLICY_##e,
    PS_POLICIES(PS_X_)
#undef PS_X_
    PS_POLICY_COUNT
} ps_policy;

/* X(ENUM, token) — the ostep policy (OSTEP's process-run.py): when the
 * CPU leaves a process that starts an I/O, and what a process whose I/O
 * has finished does. */
#define PS_SWITCH_RULES(X) X(ON_IO, "on-io") X(ON_END, "on-end")
#define PS_IO_DONE_RULES(X) X(LATER, "later") X(IMMEDIATE, "immediate")

typedef enum ps_switch_rule {
#define PS_X_(e, tok) PS_SWITCH_##e,
    PS_SWITCH_RULES(PS_X_)
#undef PS_X_
    PS_SWITCH_COUNT
} ps_switch_rule;

typedef enum ps_io_done_rule {
#define PS_X_(e, tok) PS_IO_DONE_##e,
    PS_IO_DONE_RULES(PS_X_)
#undef PS_X_
    PS_IO_DONE_COUNT
} ps_io_done_rule;

/* X(ENUM, token) — the conventions books differ on (system:, docs/engine.md
 * "Conventions"); the first of each is the default. */
#define PS_MLFQ_STYLES(X) X(OSTEP, "ostep") X(STALLINGS, "stallings")
#define PS_PRIORITY_ORDERS(X) X(LOW_FIRST, "low-first") X(HIGH_FIRST, "high-first")
#define PS_RR_ARRIVALS(X) X(BEFORE_PREEMPTED, "before-preempted") X(AFTER_PREEMPTED, "after-preempted")
#define PS_SAME_TICKS(X) X(ARRIVAL_FIRST, "arrival-first") X(COMPLETION_FIRST, "completion-first")
#define PS_AFFINITIES(X) X(NONE, "none") X(KEEP, "keep")

#define PS_X_(e, tok) PS_MLFQ_STYLE_##e,
typedef enum ps_mlfq_style { PS_MLFQ_STYLES(PS_X_) PS_MLFQ_STYLE_COUNT } ps_mlfq_style;
#undef PS_X_
#define PS_X_(e, tok) PS_PRIORITY_##e,
typedef enum ps_priority_order { PS_PRIORITY_ORDERS(PS_X_) PS_PRIORITY_ORDER_COUNT } ps_priority_order;
#undef PS_X_
#define PS_X_(e, tok) PS_RR_ARRIVAL_##e,
typedef enum ps_rr_arrival { PS_RR_ARRIVALS(PS_X_) PS_RR_ARRIVAL_COUNT } ps_rr_arrival;
#undef PS_X_
#define PS_X_(e, tok) PS_SAME_TICK_##e,
typedef enum ps_same_tick { PS_SAME_TICKS(PS_X_) PS_SAME_TICK_COUNT } ps_same_tick;
#undef PS_X_
#define PS_X_(e, tok) PS_AFFINITY_##e,
typedef enum ps_affinity { PS_AFFINITIES(PS_X_) PS_AFFINITY_COUNT } ps_affinity;
#undef PS_X_

#define PS_MLQ_MAX_QUEUES 16  /* mlq: bands at most */
#define PS_TICKETS_DEFAULT 100 /* lottery, stride: a process's tickets */
#define PS_NICE_MIN (-20)     /* cfs: the nice values, as Linux's */
#define PS_NICE_MAX 19
#define PS_CFS_LATENCY_DEFAULT 6    /* cfs: target latency, ticks */
#define PS_CFS_GRANULARITY_DEFAULT 1 /* cfs: minimum granularity, ticks */

/* One band of `policy: mlq` (system.queues[i]; band 0 is the most
 * urgent): the policy that orders it (fcfs, sjf, priority or rr) and, for
 * rr, its quantum. */
typedef struct ps_band {
    uint8_t policy;       /* ps_policy */
    int64_t quantum;      /* rr: ticks; else the system's quantum */
} ps_band;

#define PS_MLFQ_MAX_LEVELS 64

/* X(ENUM, token, ticks, leaves) — program ops.
 *   ticks   CPU ticks the op takes per unit of its number (cpu N: N ticks;
 *           add V N: 2N, a read and a write per increment); 0: it takes
 *           no CPU time (it may still block);
 *   leaves  the op may take the process off the CPU (it may block, or it
 *           ends the process), which ends a CPU burst (sjf, srtf).
 * Operands (ps__op_shapes in the loader): N  a count of ticks (cpu: a
 * VALUE);  D N  device and ticks;  P  a process name (or "any" for wait,
 * with an optional "timeout T");  C [V]  channel and optional VALUE
 * (default 1);  C  channel;  M  mutex;  V N  variable and count;  [N]
 * optional code.
 *
 * The last three rows are not written as op strings: they are what a loop
 * compiles to (docs/scenario-format.md, "Loops"), a head and an end that
 * jump (the process's loop registers, ps_regs.loop, count):
 *   LOOP    head of `repeat N` / `for NAME in range(A, B)` / `while not
 *           empty CHANNEL`: obj = its ps_loop; enters the body if from <
 *           to (while: if the channel is not empty, recorded as the op
 *           event empty), else jumps past END
 *   FOR_IN  head of `for NAME in CHANNEL`: obj = the channel, n = its
 *           ps_loop; receives like recv (blocks while empty); a value
 *           goes into NAME and the body runs, `none` (the sentinel) is
 *           consumed and jumps past END
 *   END     the end of a loop's body: obj = its ps_loop; back to the head
 *           (FOR_IN, while) or, counting, to the first op of the body
 * IS_ALIVE  `is_alive P`: asks whether child P has not exited (recorded as
 *           the op event is_alive). */
#define PS_OPS(X)                                                           \
    X(CPU, "cpu", 1, false)                                                 \
    X(IO, "io", 0, true)                                                    \
    X(SLEEP, "sleep", 0, true)                                              \
    X(SPAWN, "spawn", 0, false)                                             \
    X(WAIT, "wait", 0, true)                                                \
    X(SEND, "send", 0, false)                                               \
    X(RECV, "recv", 0, true)                                                \
    X(LOCK, "lock", 0, true)                                                \
    X(UNLOCK, "unlock", 0, false)                                           \
    X(ADD, "add", 2, false)                                                 \
    X(EXIT, "exit", 0, true)                                                \
    X(KILL, "kill", 0, false)                                               \
    X(IS_ALIVE, "is_alive", 0, false)                                       \
    X(LOOP, "loop", 0, false)                                               \
    X(FOR_IN, "for", 0, true)                                               \
    X(END, "end", 0, false)

typedef enum ps_op_kind {
#define PS_X_(e, tok, ticks, leaves) PS_OP_##e,
    PS_OPS(PS_X_)
#undef PS_X_
    PS_OP_COUNT
} ps_op_kind;

/* The ops a program writes as strings come first in PS_OPS; those from
 * LOOP on are compiled from a loop's mapping and are never written. */
#define PS_OP_WRITTEN PS_OP_LOOP

/* How an op's n is read (ps_op.flags). */
#define PS_OPF_EXPR 1u    /* n indexes s->exprs: the value (cpu's ticks,
                             send's value) is computed when the op runs */
#define PS_OPF_TIMEOUT 2u /* wait: n is a timeout in ticks */
#define PS_OPF_GROUP 4u   /* spawn/wait/kill: one of the ops that `spawn NAME`
                             (wait, kill) of a process with copies stands
                             for, one per copy in order; the writer writes
                             them back as the one op */

/* One program op: 16 bytes. */
typedef struct ps_op {
    uint8_t kind;   /* ps_op_kind */
    uint8_t flags;  /* PS_OPF_* */
    uint8_t pad_[2];
    uint32_t obj;   /* device / channel / mutex / variable / loop index, or
                       child index (pid-1) for spawn/wait/kill/is_alive,
                       PS_WAIT_ANY */
    int64_t n;      /* ticks (cpu, io, sleep), count (add), value (send;
                       PS_VALUE_NONE for none), exit code (exit), timeout
                       (wait with PS_OPF_TIMEOUT), loop (FOR_IN); 0 when
                       unused */
} ps_op;

/* X(ENUM, token) — the kinds of loop. */
#define PS_LOOP_KINDS(X)                                                    \
    X(REPEAT, "repeat") X(RANGE, "range") X(CHANNEL, "channel") X(NOT_EMPTY, "while")
typedef enum ps_loop_kind {
#define PS_X_(e, tok) PS_LOOP_##e,
    PS_LOOP_KINDS(PS_X_)
#undef PS_X_
    PS_LOOP_KIND_COUNT
} ps_loop_kind;

/* One loop of a program: `repeat N` counts from 0 to N, `for NAME in
 * range(A, B)` from A to B (NAME = the count), `for NAME in CHANNEL`
 * receives until `none`, `while not empty CHANNEL` (a LOOP head, kind
 * NOT_EMPTY) runs while the channel holds a value when its head is
 * reached.  head and end are pcs (indices into the owner's
 * program) of its LOOP/FOR_IN and END ops. */
typedef struct ps_loop {
    uint8_t kind;        /* ps_loop_kind */
    uint8_t depth;       /* 0 = outermost: its register, ps_regs.loop[depth] */
    uint32_t head, end;
    int64_t from, to;    /* repeat, range */
    uint32_t chan;       /* channel loops (for-in, while not empty) */
    const char *var;     /* the loop variable's name; NULL for repeat */
} ps_loop;

/* A value computed when its op runs: TERM or TERM OP TERM. */
#define PS_TERMS(X) X(NUMBER, "number") X(LOOPVAR, "loop variable") X(ACC, "acc")
typedef enum ps_term_kind {
#define PS_X_(e, tok) PS_TERM_##e,
    PS_TERMS(PS_X_)
#undef PS_X_
} ps_term_kind;
typedef struct ps_expr {
    char op;             /* '+', '-', '*', or 0: the first term alone */
    uint8_t kind[2];     /* ps_term_kind */
    int64_t v[2];        /* the number, or the loop (index into s->loops)
                            whose variable it is */
} ps_expr;

/* A name (of a process, a device, a channel ...): at most
 * PS_NAME_MAX_CHARS characters, each at most 3 bytes of UTF-8 (Hangul),
 * so at most PS_NAME_MAX_BYTES bytes, the NUL not counted.  A buffer that
 * holds a name whole is PS_NAME_MAX_BYTES + 1 bytes or more. */
#define PS_NAME_MAX_CHARS 64
#define PS_NAME_MAX_BYTES (3 * PS_NAME_MAX_CHARS)

typedef struct ps_proc_spec {
    const char *name;     /* unique */
    int64_t arrival;      /* tick of creation; ignored for spawned children */
    int64_t memory;       /* units needed while resident */
    int32_t priority;     /* smaller = more urgent */
    int32_t parent;       /* index into procs, or -1: created at arrival */
    uint32_t op_first;    /* index into ops */
    uint32_t op_count;    /* exit is implied after the last op */
    /* `copies: N` (docs/scenario-format.md §5a): the entry stands for N
     * processes named GROUP-1 .. GROUP-N, consecutive pids, the same
     * settings and one program (they share op_first/op_count). */
    const char *group;    /* the entry's name; NULL: a process of its own */
    uint16_t copy;        /* 1 .. copies; 0: no copies */
    uint16_t copies;      /* N; 0: no copies */
    uint8_t copies_auto;  /* `copies: auto`: N is the system's cpus */
    int32_t os_pid;       /* trace mode (trace.h): the real process this
                             entry stands for, 0 otherwise; never in files */
    int32_t queue;        /* mlq: its band, 0 (default) most urgent */
    int64_t tickets;      /* lottery, stride: default PS_TICKETS_DEFAULT */
    int32_t nice;         /* cfs: PS_NICE_MIN..MAX, default 0 */
    uint8_t starts_blocked; /* its first op, an io or sleep, begins at
                               arrival without a dispatch (a process that
                               starts with I/O, as exercises print it) */
} ps_proc_spec;

/* X(ENUM, token) — scripted interventions. */
#define PS_ACTIONS(X) X(SUSPEND, "suspend") X(RESUME, "resume") X(KILL, "kill")

typedef enum ps_action {
#define PS_X_(e, tok) PS_ACT_##e,
    PS_ACTIONS(PS_X_)
#undef PS_X_
    PS_ACTION_COUNT
} ps_action;

typedef struct ps_event_spec {
    int64_t at;           /* tick */
    uint32_t target;      /* index into procs */
    uint8_t action;       /* ps_action */
} ps_event_spec;

/* X(ENUM, token, usage) — what a lab question asks; the answer is
 * computed by running the scenario (lab.h, docs/labs/README.md).  A
 * question answered at a moment of the run (about a shared object, or a
 * response ratio) also needs its row in the table of sim/lab/lab_shared.c,
 * which says how and when it is answered. */
#define PS_ASKS(X)                                                          \
    X(STATE, "state", "state PROCESS at TICK")                              \
    X(RUNNING, "running", "running at TICK")                                \
    X(NEXT, "next", "next PROCESS after TICK")                              \
    X(FINISH, "finish", "finish PROCESS")                                   \
    X(TURNAROUND, "turnaround", "turnaround PROCESS")                       \
    X(WAITING, "waiting", "waiting PROCESS")                                \
    X(RESPONSE, "response", "response PROCESS")                             \
    X(CPU, "cpu", "cpu PROCESS")                                            \
    X(SWITCHES, "switches", "switches PROCESS")                             \
    X(SWAPS, "swaps", "swaps PROCESS")                                      \
    X(AVERAGE, "average", "average turnaround|waiting|response")            \
    X(ORDER, "order", "order")                                              \
    X(VALUE, "value", "value VARIABLE [at TICK]")                           \
    X(RECEIVED, "received", "received CHANNEL")                             \
    X(KERNEL, "kernel", "kernel STATE")                                     \
    X(LENGTH, "length", "length CHANNEL at TICK")                           \
    X(ITEMS, "items", "items CHANNEL at TICK")                              \
    X(HOLDER, "holder", "holder MUTEX at TICK")                             \
    X(WAITS, "waits", "waits PROCESS at TICK")                              \
    X(LOST, "lost", "lost")                                                 \
    X(ALIVE, "alive", "alive PROCESS")                                      \
    X(RATIO, "ratio", "ratio PROCESS at TICK")                              \
    X(BEST, "best", "best turnaround|waiting|response among POLICY POLICY...") \
    X(GAP, "gap", "gap turnaround|waiting|response between POLICY POLICY") \
    X(LITERAL, "literal", "{literal: TEXT, type: TYPE}")

typedef enum ps_ask {
#define PS_X_(e, tok, usage) PS_ASK_##e,
    PS_ASKS(PS_X_)
#undef PS_X_
    PS_ASK_COUNT
} ps_ask;

/* average of what (PS_ASK_AVERAGE, and the averages best and gap compare) */
typedef enum ps_average { PS_AVG_TURNAROUND, PS_AVG_WAITING, PS_AVG_RESPONSE } ps_average;

/* One of the policies a question compares (best, gap): the same workload
 * run under it, as `procsim run --policy` would. */
#define PS_ASK_MAX_POLICIES 8
typedef struct ps_ask_policy {
    const char *label;    /* as the question writes it: "rr:4", the answer */
    uint8_t policy;       /* ps_policy */
    int64_t quantum;      /* ticks; 0: the file's */
} ps_ask_policy;

/* X(ENUM, token) — how the answer of a literal question is compared (its
 * `type`), as the answers of the kinds that give such answers are
 * (lab.h's ps_lab_type, in the same order): a state, names in order,
 * names in any order, a whole number, a number to two decimals, a letter,
 * true or false. */
#define PS_ANSWER_TYPES(X)                                                  \
    X(STATE, "state") X(NAMES, "names") X(SET, "set") X(INT, "int")         \
    X(NUMBER, "number") X(LETTER, "letter") X(BOOL, "bool")
typedef enum ps_answer_type {
#define PS_X_(e, tok) PS_ANSWER_##e,
    PS_ANSWER_TYPES(PS_X_)
#undef PS_X_
    PS_ANSWER_TYPE_COUNT
} ps_answer_type;

#define PS_QUESTION_CHOICES 7 /* a multiple-choice question's options beside
                                 its answer, at most */
struct ps_choice;

typedef struct ps_question {
    const char *ask;      /* the question for people */
    const char *ask_ko;   /* in Korean, "" when not given */
    const char *expr;     /* the answer expression as written */
    uint8_t kind;         /* ps_ask */
    uint8_t what;         /* average, best, gap: ps_average; kernel: ps_state */
    uint8_t at;           /* 1: the answer is what holds just after `tick`
                             (value V at T, length, items, holder, waits,
                             ratio); 0: what the whole run gives */
    uint32_t obj;         /* process index (pid - 1), variable, channel or
                             mutex */
    int64_t tick;         /* state, running, next, and the `at` forms */
    const ps_ask_policy *policies; /* best, gap: in the order written */
    uint32_t npolicies;   /* best: 2..PS_ASK_MAX_POLICIES; gap: 2; else 0 */
    /* literal (answer: {literal: TEXT, type: TYPE}): the teacher's answer */
    const char *literal;  /* as written; NULL for the other kinds */
    uint8_t literal_type; /* ps_answer_type */
    /* multiple choice (choices:): the options beside the answer, in file
     * order; the key lists them with the answer, a) b) c)... */
    const struct ps_choice *choices;
    uint32_t nchoices;    /* 0: not multiple choice; at most PS_QUESTION_CHOICES */
} ps_question;

/* A number (or word) a lab's `vary:` section lets change from student to
 * student, as this load chose it: `$name` in the file became `value`. */
#define PS_VARY_MAX 16           /* entries of vary: at most */
#define PS_VARIANT_MAX_BYTES 64  /* a variant ID: at most this many bytes */
typedef struct ps_vary {
    const char *name;     /* as declared, without the '$' */
    const char *value;    /* what $name stands for in this variant ("7") */
    const char *fallback; /* its default: the value of the file as written */
} ps_vary;
/* An option of a multiple-choice question: a literal, or an answer
 * expression computed as a question's is, on the same workload perhaps
 * under another policy, quantum or switch cost ("waiting P3 under fcfs",
 * "finish P1 with switch_cost 0": a student's likely mistake). */
typedef struct ps_choice {
    const char *text;     /* as written */
    const char *literal;  /* a literal option (compared as the question's
                             answer), or NULL: computed */
    ps_question q;        /* computed: its expression, resolved; q.ask is text */
    int16_t under;        /* computed under this ps_policy, -1: the file's */
    int64_t quantum;      /* with this quantum, 0: the file's (or under's) */
    int64_t switch_cost;  /* with this switch cost, -1: the file's */
} ps_choice;

typedef struct ps_names {
    const char **names;   /* names[i] for index i */
    uint32_t count;
} ps_names;

typedef struct ps_scenario {
    /* what the file says */
    const char *path;        /* as given to the loader ("<built-in>" for the tour) */
    const char *title;
    const char *title_ko;    /* in Korean, "" when absent */
    const char *description; /* "" when absent */
    const char *description_ko; /* in Korean, "" when absent */
    int32_t cpus;            /* >= 1, default 1 */
    int64_t memory;          /* units, or PS_UNLIMITED (default) */
    ps_policy policy;        /* default fcfs */
    int64_t quantum;         /* ticks, >= 1; default 4 */
    int64_t switch_cost;     /* ticks per dispatch, default 0 */
    int64_t tick_ms;         /* live mode, PS_TICK_MS_MIN..MAX, default 100 */
    int32_t mlfq_levels;     /* mlfq: number of queues, default 3 */
    int64_t mlfq_boost;      /* mlfq: boost period in ticks, 0 = never */
    int64_t mlfq_quanta[PS_MLFQ_MAX_LEVELS];     /* per level, top first;
                                                    default `quantum` */
    int64_t mlfq_allotments[PS_MLFQ_MAX_LEVELS]; /* quanta a process may use
                                                    on a level before it moves
                                                    down; default 1 */
    uint8_t mlfq_stay;       /* mlfq: starting an I/O renews the quantum and
                                the allotment (OSTEP -S) */
    uint8_t mlfq_io_bump;    /* mlfq: a process back from I/O goes to the
                                front of its queue (OSTEP -I) */
    uint8_t switch_rule;     /* ostep: ps_switch_rule */
    uint8_t io_done_rule;    /* ostep: ps_io_done_rule */
    uint8_t cpus_auto;       /* `cpus: auto`: cpus is this machine's online
                                CPU count (Python's os.cpu_count()), found
                                when the file was loaded */
    uint8_t mlfq_style;      /* mlfq: ps_mlfq_style */
    int64_t seed;            /* lottery: the random numbers' seed, default 0 */
    int64_t seed_skip;       /* lottery: random numbers of the seeded stream
                                used before the first draw, default 0 (OSTEP's
                                lottery.py draws its random jobs first) */
    ps_band queues[PS_MLQ_MAX_QUEUES]; /* mlq: its bands, most urgent first */
    int32_t nqueues;         /* mlq: >= 1; 0 for other policies */
    int32_t estimate_alpha;  /* burst_estimate: alpha in thousandths
                                (0..1000); -1 (default): no estimate, the
                                real next burst is known */
    int64_t estimate_initial; /* burst_estimate: the first estimate, ticks */
    int64_t aging_every;     /* aging: every this many ticks in Ready ... */
    int64_t aging_by;        /* ... a process is this much more urgent;
                                aging_every 0 (default): no aging */
    int64_t cfs_latency;     /* cfs: target latency, ticks */
    int64_t cfs_min_granularity; /* cfs: the shortest slice, ticks */
    /* conventions (docs/engine.md "Conventions"), defaults first */
    uint8_t priority_order;  /* ps_priority_order */
    uint8_t rr_arrival;      /* ps_rr_arrival */
    uint8_t same_tick;       /* ps_same_tick */
    uint8_t affinity;        /* ps_affinity */
    uint8_t switch_cost_first; /* charge switch_cost at a CPU's first
                                  dispatch too; default 1 */
    uint8_t count_self_switch; /* a quantum that ends with nobody else Ready
                                  counts as a context switch; default 0 */

    ps_names devices;        /* declared devices (default: disk) */
    ps_names channels;       /* channels named by send/recv */
    ps_names mutexes;        /* mutexes named by lock/unlock */
    ps_names variables;      /* variables named by add or `variables:` */
    uint8_t *var_private;    /* var_private[v]: 1 if every process has its
                                own copy (copied at spawn), 0 if shared */

    ps_proc_spec *procs;     /* procs[pid - 1] */
    uint32_t nprocs;
    ps_op *ops;              /* all programs, back to back */
    uint32_t nops;
    ps_loop *loops;          /* every loop of every program */
    uint32_t nloops;
    ps_expr *exprs;          /* values computed at run time (PS_OPF_EXPR) */
    uint32_t nexprs;
    ps_event_spec *events;   /* sorted by `at`, stable in file order */
    uint32_t nevents;
    ps_question *questions;  /* a lab's questions, in file order */
    uint32_t nquestions;
    const char *variant;     /* the variant loaded (a student's ID), "" for
                                the file as written */
    const ps_vary *vary;     /* the vary: section's entries, in file order */
    uint32_t nvary;

    void *arena_;            /* private: owns every string and array above */
} ps_scenario;

/* Error from the loader: the message is "FILE:LINE:COLUMN: text", in
 * English (msg) and in Korean (msg_ko, "" where the message has no Korean
 * wording yet); the location, names and tokens are the same in both. */
typedef struct ps_error {
    char msg[512];
    char msg_ko[768];    /* Hangul takes 3 bytes a syllable */
} ps_error;

/* The message in `lang`: msg_ko for Korean when there is one, else msg. */
const char *ps_error_in(const ps_error *err, ps_lang lang);

/* Load a scenario from a file / from memory.  `name` is the file name used
 * in messages.  On success returns a new scenario; on any error returns
 * NULL, fills `err` and leaves nothing allocated.  Files larger than
 * PS_SCENARIO_MAX_BYTES, aliases, deep nesting and junk are errors. */
#define PS_SCENARIO_MAX_BYTES (256u * 1024u * 1024u)
ps_scenario *ps_scenario_load_file(const char *path, ps_error *err);
ps_scenario *ps_scenario_load_string(const char *name, const char *text,
                                     size_t len, ps_error *err);
void ps_scenario_destroy(ps_scenario *s); /* accepts NULL */
/* A file opens without blocking: a named FIFO, a device or a socket is
 * an error at once, a pipe (/dev/stdin) is read to its end
 * (procsim/input.h).  A pipe can be read only once: what loads a file
 * several times (one copy for each policy compared) reads it with
 * ps_scenario_file_read, then loads the text with the file's name — the
 * bytes (NUL-terminated, *len of them, malloc'd: the caller frees), or
 * NULL with err as ps_scenario_load_file would say it. */
char *ps_scenario_file_read(const char *path, size_t *len, ps_error *err);

/* A lab's variant: the file with the values its `vary:` section lets
 * change chosen from `variant` (a student's ID: one line of UTF-8 text,
 * 1 to PS_VARIANT_MAX_BYTES bytes, no control characters, no space at
 * either end): the same ID gives the same values, on every machine
 * (ps_vary_hash).  NULL or "": the file as written, each entry at its
 * default.  A variant of a file that declares nothing to vary, and an ID
 * that breaks the rule, are errors. */
ps_scenario *ps_scenario_load_file_variant(const char *path, const char *variant,
                                           ps_error *err);
ps_scenario *ps_scenario_load_string_variant(const char *name, const char *text,
                                             size_t len, const char *variant,
                                             ps_error *err);
/* The file as written, after checking that each value every entry of its
 * vary: section may take (every one of a range or list of at most 64, the
 * ends of a longer range), with the others at their defaults, makes a
 * valid file: what `procsim check` does.  NULL with the first failure
 * ("FILE: vary: with b = 0 ... the file is not valid: FILE:LINE:COL:
 * ...") in err. */
ps_scenario *ps_scenario_load_file_every_variant(const char *path, ps_error *err);
/* What picks entry `name`'s value in variant `variant`: FNV-1a (64 bits)
 * over the bytes of the variant, one zero byte and the bytes of the name,
 * then the splitmix64 finaliser.  The entry's value is the k-th of its n
 * values (from, from + step, ..., to; or the choices in order) where
 * k = ps_vary_hash(variant, name) % n. */
uint64_t ps_vary_hash(const char *variant, const char *name);

/* The built-in seven-state tour: scenarios/tour.yaml compiled in, its
 * bytes followed by a NUL, and loaded by ps_scenario_load_tour as the file
 * "<built-in tour>". */
extern const unsigned char ps_tour_yaml[];
extern const size_t ps_tour_yaml_len;
ps_scenario *ps_scenario_load_tour(ps_error *err);

/* Tokens. */
const char *ps_policy_token(ps_policy p);
const char *ps_op_token(ps_op_kind k);
/* The policy's settings (PS_USES_*; 0 for an unknown policy). */
unsigned ps_policy_uses(ps_policy p);
/* CPU ticks op kind k takes per unit of its number (0: none), and whether
 * it may take the process off the CPU (PS_OPS). */
unsigned ps_op_ticks(ps_op_kind k);
bool ps_op_leaves_cpu(ps_op_kind k);
const char *ps_action_token(ps_action a);
const char *ps_switch_token(ps_switch_rule r);
const char *ps_ask_token(ps_ask a);
const char *ps_ask_usage(ps_ask a);
const char *ps_io_done_token(ps_io_done_rule r);
const char *ps_mlfq_style_token(ps_mlfq_style v);
const char *ps_priority_order_token(ps_priority_order v);
const char *ps_rr_arrival_token(ps_rr_arrival v);
const char *ps_same_tick_token(ps_same_tick v);
const char *ps_affinity_token(ps_affinity v);

/* `--policy P[:Q]` (procsim run, compare): parse "rr:4" into *policy and
 * *quantum (0: none given); 0 on success, -1 with a message in err for
 * people (an unknown policy, a bad quantum, a quantum for a policy without
 * one). */
int ps_policy_parse(const char *text, ps_policy *policy, int64_t *quantum, ps_error *err);
/* Replace a loaded scenario's policy (and quantum, when > 0) before any
 * engine runs it: the settings of its old policy stay and are ignored.
 * Only fields of *s itself change, none of the arrays it points to, so a
 * struct copy of a scenario may take another policy while the original
 * keeps its own (the lab's compare questions do so; test_lab holds it).
 * 0, or -1 with why in err when the workload cannot run under it (mlq
 * with no system.queues, or a process's queue past them). */
int ps_scenario_set_policy(ps_scenario *s, ps_policy policy, int64_t quantum, ps_error *err);

/* Format op `op` of scenario `s` as it would be written in a file
 * ("io disk 3", "send results x*x", "wait w1 timeout 5"; a loop head as
 * its key, "repeat 4", "for i in range(1, 10)", "for x in tasks"; an END
 * as "end " and its head's text).  Always NUL-terminates; returns `buf`. */
char *ps_op_format(const ps_scenario *s, const ps_op *op, char *buf, size_t size);

/* The scenario as the YAML text of a file that loads to an equal one
 * (scenario_write.c). */
struct ps_out;
void ps_scenario_write_yaml(const ps_scenario *s, struct ps_out *o);

#endif
