/* live_driver.h — the live-mode driver's private state, shared by
 *   live.c        stepping: pacing, the engine's decisions, confirmations
 *                 handed on, setting up and tearing down
 *   live_wait.c   hearing from the children and waiting for them:
 *                 waitid on pidfds, the status pipe, signals, commands
 *   live_apply.c  starting children, carrying out exec events and
 *                 transitions on them
 * Nothing outside sim/live/ includes it.
 */
#ifndef PROCSIM_LIVE_DRIVER_H
#define PROCSIM_LIVE_DRIVER_H

#include <signal.h>
#include <stdio.h>
#include <time.h>

#include "arena.h"
#include "live_internal.h"

#define PS__GRACE_NS (5 * 1000000000LL) /* how late a child may answer */
#define PS__TERM_NS (500 * 1000000LL)   /* SIGTERM, then SIGKILL after this */
#define PS__RESCAN_NS (100 * 1000000LL) /* every child is asked at least this often */

/* What procsim waits for a child to do, named in the warning when it does
 * not in time: X(name, English verb, Korean "-지" form, as in "5초 안에
 * 받지 못해"). */
#define PS__LIVE_ACTS(X)                                                    \
    X(START, "start", "시작하지")                                          \
    X(BLOCK, "block", "대기 상태가 되지")                                  \
    X(BLOCK_IN_LOCK, "block in lock", "lock에서 대기 상태가 되지")         \
    X(FINISH_CPU, "finish its cpu op", "cpu 연산을 마치지")                \
    X(SEND, "send", "보내지")                                              \
    X(RECEIVE, "receive", "받지")                                          \
    X(LOCK, "lock", "lock을 잡지")                                         \
    X(UNLOCK, "unlock", "lock을 놓지")                                     \
    X(WAKE_UP, "wake up", "깨어나지")                                      \
    X(ADD, "add", "add를 마치지")                                          \
    X(EXIT, "exit", "끝나지")                                              \
    X(SWAP_IN, "swap in", "스왑 인되지")                                   \
    X(STOP, "stop", "멈추지")                                              \
    X(CONTINUE, "continue", "다시 실행되지")

typedef enum ps__act {
#define PS_X_(e, en, ko) PS__ACT_##e,
    PS__LIVE_ACTS(PS_X_)
#undef PS_X_
} ps__act;

typedef struct ps__child {
    pid_t pid;              /* 0: never started */
    int pidfd;              /* every wait, signal and /proc check goes through it */
    int cmd_fd;             /* write end of its command pipe */
    uint8_t alive;          /* started and not yet reaped */
    uint8_t stopped;        /* the kernel said stopped, not continued since */
    uint8_t held;           /* procsim stopped it to keep it stopped (Ready,
                               .../Suspend): a continue now is someone else's */
    uint8_t undone;         /* someone else continued it while held, and it
                               has not been stopped again yet */
    uint8_t paged_out;      /* working set paged out since it last ran */
    uint8_t died;           /* died when the model did not expect it */
    uint8_t expect_exit;    /* we told it to exit or killed it */
    char exit_letter;       /* /proc letter seen just before reaping (Z), 0 if
                               the host reaped it behind our back */
    int death_signal;       /* signal that killed it, 0 if it exited */
    int exit_code;          /* its exit status, if it exited */
    uint32_t hello, blocking, done; /* messages received */
    uint32_t want_blocking, want_done; /* ... and owed for commands sent */
    int64_t value;          /* value of the last DONE */
    uint8_t in_recv;        /* told RECV, waiting for its VALUE */
    uint32_t cpu_pc;        /* op whose burn it was told to do */
    uint32_t cpu_want;      /* `done` count meaning that burn is over */
    int64_t cpu_due;        /* tick the model finishes that op, -1 */
    int64_t acted_ns;       /* when we last signalled or commanded it, 0 */
    uint8_t model;          /* ps_state as the model last said */
    void *ws_addr;
    size_t ws_offset, ws_bytes;
} ps__child;

typedef struct ps__action {
    int is_op;
    ps_trace_event tr;
    ps_exec_event op;
} ps__action;

typedef struct ps__valq { /* a channel's values in transit, routed by procsim */
    ps__vec v;                /* int64_t; v[head..len) are still to go */
    size_t head;
} ps__valq;

struct ps_live {
    ps_engine *e;
    const ps_scenario *s;
    ps__child *ch;
    uint32_t n;
    int status_rd, status_wr, sfd, ws_fd;
    int (*chan)[2];
    int *keep;             /* descriptors every child keeps, ascending ... */
    uint32_t nkeep;
    int *child_keep;       /* ... and room for them plus one command pipe */
    ps__shared shared;
    void *shared_map;
    size_t shared_len;
    ps__vec *mtx_wait;     /* uint32_t pids: each mutex's waiters, model order */
    uint32_t *mtx_locker;  /* who is really blocked on the mutex */
    ps__valq *chanq;       /* values sent and not yet received, per channel */
    int64_t *priv;         /* the private variables a child starts with,
                              filled before each fork (its copy is its own) */
    sigset_t old_mask;     /* the host's, restored by destroy */
    sigset_t child_mask;   /* a child's: the host's, SIGTERM (a kill) unblocked */
    uint8_t mask_set;      /* we changed the mask: destroy restores it */
    uint8_t sigpipe_set;   /* we ignore SIGPIPE: destroy restores old_sigpipe */
    uint8_t chld_news;     /* a SIGCHLD came since every child was last asked */
    uint8_t chld_seen;     /* a SIGCHLD came at all: destroy leaves one pending */
    int64_t scanned_ns;    /* when every child was last asked */
    int64_t start_ns, tick_ns;
    int64_t paused_at;     /* when a pause began, 0 if not paused */
    ps__vec act;           /* ps__action: the engine's decisions to carry out */
    size_t next_act;
    char msgbuf[sizeof(ps__msg)];
    size_t msglen;
    ps__vec pend;          /* ps_live_event: confirmed, not yet handed on */
    ps_live_fn fn;
    void *ctx;
    ps__vec restops;       /* ps_live_restop: stopped again, not yet told */
    uint32_t nrestops;
    ps_live_restop_fn restop_fn;
    void *restop_ctx;
    int failed, interrupted, nomem;
    uint32_t divergences;
    char warning[PS_LANG_COUNT][320]; /* the first divergence, in words */
    struct sigaction old_sigpipe;
    char err[PS_LANG_COUNT][320];     /* why the run cannot go on */
};

static inline int64_t ps__mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline const char *ps__pname(const ps_live *l, uint32_t pid)
{
    return l->s->procs[pid - 1].name;
}

/* Conditions to wait for (ps__await). */
typedef int (*ps__cond_fn)(const ps__child *c, uint32_t want);
static inline int ps__has_done(const ps__child *c, uint32_t want) { return c->done >= want; }
static inline int ps__has_blocking(const ps__child *c, uint32_t want) { return c->blocking >= want; }
static inline int ps__has_hello(const ps__child *c, uint32_t want) { return c->hello >= want; }
static inline int ps__is_running(const ps__child *c, uint32_t want) { return (void)want, !c->stopped; }
static inline int ps__is_gone(const ps__child *c, uint32_t want) { return (void)want, !c->alive; }

/* live_wait.c */
/* Note where reality and the model parted (counted; the first is kept),
 * in English and Korean: the texts, or formats with the same arguments for
 * both, both checked by the compiler. */
void ps__live_warned(ps_live *l, const char *en, const char *ko);
void ps__live_warn_(ps_live *l, const char *en, const char *ko, ...)
    __attribute__((format(printf, 2, 4)));
#define ps__live_warn(l, en, ko, ...)                                       \
    ((void)sizeof(printf(ko, __VA_ARGS__)), ps__live_warn_(l, en, ko, __VA_ARGS__))
/* Record why the run cannot go on (the first reason wins). */
void ps__live_failed(ps_live *l, const char *en, const char *ko);
/* Warn that child `c` did not do `what` within the grace, and so is killed. */
void ps__overdue(ps_live *l, const ps__child *c, ps__act what);
/* Read every signal waiting on the signalfd: a SIGCHLD is news of some
 * child, any other one an interrupt. */
void ps__drain_signals(ps_live *l);
/* Take in everything pending (signals, the kernel's news of `c` or, with
 * c NULL, of every child when due, the status pipe); then sleep up to
 * timeout_ns in poll if nothing came. */
void ps__pump(ps_live *l, ps__child *c, int64_t timeout_ns);
/* Pump until cond holds or the child is gone; a child that overruns is
 * killed (and recorded as dead).  Returns -1 only if interrupted. */
int ps__await(ps_live *l, ps__child *c, ps__cond_fn cond, uint32_t want, ps__act what);
/* Send a command, counting the messages it will bring. */
void ps__command(ps_live *l, ps__child *c, ps__cmd_op op, uint32_t obj, int64_t n);
void ps__signal(ps__child *c, int signo);
/* SIGTERM + SIGCONT, SIGKILL after limit_ns; `expected`: the model asked. */
void ps__kill_child(ps_live *l, ps__child *c, int64_t limit_ns, int expected);
/* SIGSTOP and wait for it; from then on `c` is held stopped, and stopped
 * again (and the host told) if someone else continues it. */
void ps__stop(ps_live *l, ps__child *c);
/* Hand the host the children stopped again since it was last told. */
void ps__tell_restops(ps_live *l);
void ps__cont(ps_live *l, ps__child *c);   /* SIGCONT and wait for it */
void ps__page_out_child(ps__child *c);
/* Wait, as long as it takes, until a child sent SIGKILL is gone; reap it. */
void ps__wait_gone(ps_live *l, ps__child *c);

/* live_apply.c */
void ps__start_child(ps_live *l, uint32_t pid);
void ps__apply_op(ps_live *l, const ps_exec_event *ev);
/* Carry out a transition; returns who confirmed it. */
ps_reporter ps__apply_transition(ps_live *l, const ps_trace_event *ev);
/* Let each channel's and mutex's first model waiter block for real. */
void ps__promote(ps_live *l);

#endif
