/* pcb.h — the process control block: every field the course lists.
 *
 * One ps_pcb per process, owned by the engine, read by everyone else
 * (ps_engine_pcb).  Fields are grouped by what they tell of the process,
 * so a student finds each part of the PCB the course draws in one place:
 * identity, state, context, memory, accounting, I/O and synchronisation,
 * priority, signals.  Only the engine writes them, and `state` only
 * through its one transition function.
 *
 * The register file is real in the model: while a process runs, its
 * registers live in the CPU (ps_cpu.regs) and are saved here when it leaves
 * the CPU and restored when it is dispatched.  The `add` op's lost update
 * happens exactly because a stale `tmp` is restored after a preemption.
 */
#ifndef PROCSIM_PCB_H
#define PROCSIM_PCB_H

#include <stdint.h>

#include "procsim/scenario.h"
#include "procsim/state.h"

/* The simulated register file. */
typedef struct ps_regs {
    uint32_t pc;   /* program counter: index of the current op */
    uint32_t cnt;  /* progress within the current op (ticks or half-steps) */
    int64_t acc;   /* accumulator: sum of every value this process recv'd */
    int64_t tmp;   /* value loaded by the pending read of an `add` */
    int64_t loop[PS_LOOP_DEPTH_MAX]; /* loop[d]: the count (repeat, range)
                                        or the value received (for in a
                                        channel) of the loop open at depth d */
} ps_regs;

/* What a Blocked (or Blocked/Suspend) process is waiting for, one row per
 * kind: X(KIND, token, English, Korean, English when b is 0, Korean when b
 * is 0).  The tokens are also the words of a lab's `waits P at T` answer
 * (docs/labs/README.md).  The texts are the one wording of what a process waiting for KIND
 * does, said after its name: the GUI's PCB panel and the deadlock report
 * (ps_engine_stuck) both take it from here (ps_wait_format in engine.h).
 * A row whose second pair is "" has one wording.  The templates are
 * cause.h's ({a}, {proc b}, {device a}, ...), with these numbers:
 *   DEVICE   a the device, b 1 while the device serves the process, 0
 *            while it is queued
 *   SLEEP    b the tick the sleep ends
 *   CHANNEL  a the channel (a process waits on one only while it is empty)
 *   MUTEX    a the mutex, b the pid holding it
 *   CHILD    b the child's pid, 0 for any child
 *   CHILD_UNTIL  (wait with a timeout) a the tick the timeout ends, b as
 *            CHILD */
#define PS_WAITS(X)                                                         \
    X(NOTHING, "nothing", "", "", "", "")                                   \
    X(DEVICE, "device", "waits for device {device a}, being served",        \
      "장치 {device a} 대기 (처리 중)", "waits for device {device a}, queued",  \
      "장치 {device a} 대기 (줄 서 있음)")                                     \
    X(SLEEP, "sleep", "sleeps until tick {b}", "{b}틱까지 잠듦", "", "")      \
    X(CHANNEL, "channel", "waits on empty channel {channel a}",             \
      "빈 채널 {channel a} 대기", "", "")                                      \
    X(MUTEX, "mutex", "waits for mutex {mutex a} held by {proc b}",         \
      "{proc b}가 잡은 뮤텍스 {mutex a} 대기", "", "")                         \
    X(CHILD, "child", "waits for child {proc b}", "자식 {proc b} 대기",       \
      "waits for any child", "아무 자식이나 대기")                             \
    X(CHILD_UNTIL, "child-until", "waits for child {proc b} until tick {a}",  \
      "자식 {proc b}를 {a}틱까지 대기", "waits for any child until tick {a}",     \
      "아무 자식이나 {a}틱까지 대기")

typedef enum ps_wait_kind {
#define PS_X_(e, ...) PS_WAIT_##e,
    PS_WAITS(PS_X_)
#undef PS_X_
} ps_wait_kind;

/* How many kinds there are (not a value of ps_wait_kind, which switches
 * name every value of). */
enum {
    PS_WAIT_KINDS = 0
#define PS_X_(...) +1
    PS_WAITS(PS_X_)
#undef PS_X_
};

/* Signals the model delivers (the same numbers live mode really sends). */
#define PS_SIG_NONE 0

typedef struct ps_pcb {
    /* identity */
    uint32_t pid;            /* 1-based, file order */
    int32_t parent;          /* parent pid, 0 if none */
    uint32_t first_child;    /* pid of first child (0: none); siblings chain */
    uint32_t next_sibling;   /* pid of next child of the same parent, 0: end */
    const char *name;        /* from the scenario */

    /* state */
    uint8_t state;           /* ps_state: model state (never the kernel's) */
    char kstate;             /* live mode: kernel letter R/S/D/T/Z, 0 in model */
    uint8_t user_suspended;  /* suspended by the user/script: only resume
                                brings it back; the swapper leaves it alone */
    uint8_t reaped;          /* exited and collected by the parent's wait */
    uint8_t created;         /* has been created (arrival or spawn) */
    uint8_t mlfq_level;      /* mlfq: current queue, 0 = top */
    uint16_t cpu;            /* CPU index while Running */

    /* context */
    ps_regs regs;            /* saved registers (live ones are in the CPU
                                while Running) */

    /* memory */
    int64_t memory;          /* units needed while resident */
    int64_t rss_kb;          /* live mode: real resident set, 0 in model */

    /* accounting (ticks; -1 = not yet) */
    int64_t arrival;         /* tick of creation */
    int64_t first_run;       /* tick of first dispatch */
    int64_t finish;          /* tick of entering Exit */
    int64_t cpu_time;        /* ticks of useful CPU work */
    int64_t state_time[PS_STATE_COUNT]; /* time spent in each state, up to
                                           state_since */
    int64_t state_since;     /* tick the current state was entered */
    uint32_t switches;       /* context switches in: dispatches, as the
                                conventions count them (docs/engine.md
                                ST-switches) */
    uint32_t swaps;          /* swap-outs plus swap-ins */

    /* I/O and synchronisation: what it waits for while Blocked */
    uint8_t wait_kind;       /* ps_wait_kind */
    uint32_t wait_obj;       /* device / channel / mutex index, child pid
                                (PS_WAIT_ANY for wait any) */
    int64_t io_end;          /* device being served / sleep: tick it ends;
                                -1 while queued behind another request */
    int64_t io_need;         /* ticks of service requested */
    uint32_t locks_held;     /* number of mutexes it holds */

    /* priority */
    int32_t base_priority;   /* from the scenario; the swapper's urgency */
    int32_t priority;        /* current: the base, or the queue level in mlfq */
    int64_t quantum_left;    /* mlfq: ticks left of its quantum on its level;
                                mlq: the rest of the quantum a process of an
                                rr band was preempted in, 0: a full one */
    int64_t allot_left;      /* mlfq: quanta it may still use on its level
                                before it moves down (OSTEP's allotment) */

    /* what the newer policies keep (docs/engine.md), shown in the PCB */
    int64_t estimate;        /* burst_estimate (sjf, srtf, hrrn): tau, the
                                predicted next CPU burst, in thousandths of
                                a tick; -1: no estimate */
    int64_t tickets;         /* lottery, stride: its tickets */
    int64_t pass;            /* stride: its pass, in thousandths (OSTEP's
                                pass 100 is 100000) */
    int64_t vruntime;        /* cfs: virtual runtime, thousandths of a tick */
    int32_t nice;            /* cfs: its nice value */
    uint8_t queue;           /* mlq: its band, 0 the most urgent */

    /* signals */
    uint32_t sig_pending;    /* bit mask of signals not yet acted on */
    int32_t last_signal;     /* last signal received, 0 = none */
    int32_t exit_code;       /* set on release */
    int32_t term_signal;     /* signal that killed it, 0 if it exited */

    /* engine bookkeeping (private) */
    uint32_t gen_;           /* invalidates stale timer events */
    uint32_t wait_next_;     /* next pid in the same wait queue, 0: end */
    uint64_t qpos_[2];       /* mlfq, mlq: its place in its (level's,
                                band's) queue, kept while it runs */
    uint64_t read_writes_;   /* add: the writes its shared variable had seen
                                when this process read it (ops.c) */
    uint8_t resume_cause_;   /* resumed, not yet swapped in: the cause to
                                give the swap-in (ps_cause), else 0 */
    int64_t burst_from_;     /* burst_estimate: its cpu_time when its
                                current CPU burst began (sched.c) */
} ps_pcb;

const char *ps_wait_token(ps_wait_kind k);
/* The template of wait kind k in `lang` (PS_WAITS): the first, or
 * with `if_b_zero` the second ("" for a row with one wording); "" for a
 * kind or language out of range.  For checking the table (tests,
 * translators). */
const char *ps_wait_template(ps_wait_kind k, ps_lang lang, int if_b_zero);

#endif
