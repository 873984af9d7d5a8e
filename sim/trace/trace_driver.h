/* trace_driver.h — the trace backend's private state, shared by
 *   trace.c           the API: setting up and tearing down, polling,
 *                     notes and moves through the observed engine, the
 *                     user's interventions, what is read between polls
 *   trace_reap.c      the end: killing and reaping what is left
 *   trace_index.c     pid -> index maps
 *   trace_start.c     starting COMMAND: the root child before its exec
 *   trace_ptrace.c    following the tree with ptrace: every stop report
 *   trace_sample.c    the sample: states from /proc, exits, reapings, the
 *                     end of the run
 *   trace_fallback.c  following the tree without ptrace
 *   trace_keeper.c    ... and killing it when procsim is gone
 * Nothing outside sim/trace/ includes it.
 *
 * A process of the tree is a ps__tproc (its slot in the engine, 0 if it
 * has none: more processes than max_procs); each of its threads is a
 * ps__ttask.  Both live in growable arrays and are named by index, never
 * by pointer (the arrays move when they grow).
 */
#ifndef PROCSIM_TRACE_DRIVER_H
#define PROCSIM_TRACE_DRIVER_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <time.h>

#include "arena.h"
#include "procsim/strerror.h"
#include "procsim/trace.h"
#include "trace_evidence.h"

#define PS__STRETCH_PCT 20          /* a sample may take this much of a period */
#define PS__HOOK_FD_MIN 200         /* the hook's descriptor in the tree */

/* pid -> index (trace_index.c): open addressing; keys 0 empty, -1 removed. */
typedef struct ps__pidmap {
    pid_t *keys;
    int32_t *vals;
    size_t cap, used, live; /* used: not empty (live + removed) */
} ps__pidmap;
int ps__pidmap_put(ps__pidmap *m, pid_t key, int32_t val); /* -1: out of memory */
int32_t ps__pidmap_get(const ps__pidmap *m, pid_t key);     /* -1: none */
void ps__pidmap_del(ps__pidmap *m, pid_t key);
void ps__pidmap_fini(ps__pidmap *m);

/* Every process not yet settled (reaped and noted), by index, in order:
 * what a sample and the settling look at, so their cost follows the live
 * tree, not every process ever seen. */
#define PS__EACH_UNSETTLED(t, i)                                                           \
    for (size_t i##_j = 0, i = 0;                                                          \
         i##_j < (t)->unsettled.len &&                                                     \
         ((i = (size_t)PS__VEC_AT(&(t)->unsettled, int32_t, i##_j)), 1);                   \
         i##_j++)

typedef struct ps__ttask {
    pid_t tid;
    int32_t proc;           /* index into procs; -1: its fork is not yet seen */
    uint8_t attached;       /* its first ptrace stop came and was let go */
    uint8_t listening;      /* kept in a group-stop with PTRACE_LISTEN */
    uint8_t gone;           /* exited (its exit was reported) */
    uint8_t have_prev;      /* prev_run/prev_wait hold a sample */
    ps__taskfd fd;
    ps__task_sample s;      /* the latest sample */
    int64_t prev_run, prev_wait; /* schedstat at the sample before */
    int64_t d_run, d_wait;  /* their growth over the last period */
    ps__task_syscall last_sc; /* the call it was last seen sleeping in */
    uint8_t have_sc;
    uint64_t prev_slices, d_slices; /* times it got a CPU: at the sample
                               before, and the growth since (0 without one) */
} ps__ttask;

typedef struct ps__tproc {
    pid_t pid, ppid;        /* real; ppid: its real parent now */
    uint32_t slot;          /* the engine's pid; 0: not shown */
    int32_t parent;         /* index of the parent process, -1: none */
    int pidfd;              /* -1 once reaped (or never opened: out of
                               descriptors; then /proc and start_time say
                               when it is reaped) */
    uint64_t start_time;    /* stat field 22, 0: unknown */
    uint8_t ended;          /* it exited (how: exit_code / term_sig) */
    uint8_t exit_moved;     /* the engine has it in Exit */
    uint8_t reaped;         /* its parent (or procsim) reaped it */
    uint8_t reap_noted;     /* ... and the engine was told */
    uint8_t adopted;        /* its parent ended first: procsim's child now */
    uint8_t stopped;        /* group-stopped, not continued since */
    uint8_t user_stop, user_cont, user_kill; /* procsim sent it, not yet seen */
    uint8_t thread_proc;    /* threads_as_procs: this is a thread */
    int32_t stop_from;      /* slot of whoever sent the stop (0: none) */
    int stop_sig;
    int32_t cont_from;      /* slot of whoever sent SIGCONT (0: none) */
    int cont_seen;          /* a SIGCONT came while stopped */
    int exit_code, term_sig;
    int32_t reaped_by;      /* slot of who reaped it, 0: procsim */
    uint32_t threads;       /* live threads now */
    uint32_t threads_noted; /* the count last noted */
    uint32_t execs;
    char kstate;
    int32_t last_cpu;
    int64_t run_ns, wait_ns, rss_kb;
    int64_t started_us, ended_us;
    char comm[16];
    char cmdline[160];
    char syscall[24];
    char wchan[32];
} ps__tproc;

/* The combined evidence of one process at a sample. */
typedef enum ps__want {
    PS__W_NONE,             /* no thread readable: leave it */
    PS__W_BLOCKED,
    PS__W_READY,
    PS__W_RUNNING,
    PS__W_STOPPED
} ps__want;

/* What the sample says of one process (trace_sample.c). */
typedef struct ps__pwant {
    uint8_t want;           /* ps__want */
    int32_t cpu;            /* the real CPU it ran on */
    int64_t run;            /* the most run time of a thread this period */
    uint8_t ran;            /* the task that says it got a CPU since the
                               sample before (schedstat slices grew) */
    ssize_t task;           /* the task that says it (for a Blocked cause) */
    uint32_t winner;        /* Ready because this slot had its CPU */
    char letter;
} ps__pwant;

struct ps_trace {
    ps_trace_options o;
    char **argv;            /* our copy of o.argv */
    char *hook_dir;
    ps_scenario *s;
    ps_engine *e;
    char (*names)[PS_TRACE_NAME_MAX]; /* the slots' names */
    int32_t *slot_proc;     /* each slot's process (index into procs) */
    uint32_t nslots, used;
    ps__vec procs;          /* ps__tproc */
    ps__vec tasks;          /* ps__ttask */
    ps__pidmap proc_ix;     /* pid -> the latest process with it */
    ps__pidmap task_ix;     /* tid -> its task, while not gone */
    ps__vec unsettled;      /* int32_t: processes not yet reap_noted */
    ps__vec live_tasks;     /* size_t: tasks maybe not gone (compacted by
                               each sample) */
    pid_t self;
    int sampled;            /* following without ptrace */
    int sfd;                /* signalfd */
    int hook_rd, hook_wr;   /* the Python hook's pipe (hook_wr >= 200) */
    int out_rd[2];          /* captured stdout, stderr (-1: not captured) */
    sigset_t old_mask, child_mask;
    uint8_t mask_set, subreaper_set;
    int old_subreaper;
    int64_t start_ns, period_ns, next_ns;
    int64_t asked_ns;       /* the period asked for (period_ns: now, stretched) */
    int64_t tick;           /* the engine's time: samples taken (+1 between) */
    int32_t *cpu_ids;       /* the real CPUs the tree may use */
    uint32_t ncpus;
    int root_ended;
    int64_t root_end_ns;
    ps__names names_in;
    ps_live_fn fn;
    void *ctx;
    ps_trace_note_fn nfn;
    void *nctx;
    uint8_t rep;            /* reporter of the moves being made */
    uint8_t kstate_unknown; /* the moves being made show kstate 0 */
    ps_trace_info info;
    int started;            /* the root runs: events belong to the next tick */
    int in_sample;          /* ... except those a sample makes: its own tick */
    struct { pid_t pid; char name[PS_TRACE_NAME_MAX]; } early[16]; /* names of
                               processes not seen yet (the fallback) */
    uint32_t nearly;
    int failed, interrupted, nomem, done, linger_done, slow_warned, unshown_warned, fds_warned;
    struct rlimit old_nofile; /* procsim's descriptor limit, raised while it traces */
    uint8_t nofile_set;
    /* sampling scratch, per process */
    ps__vec scratch;        /* ps__pwant, one per process */
    ps__vec tree;           /* pid_t: the live tree, for the other ends */
    int tree_ok;            /* ... made in this sample */
    void *q;                /* what the listeners will hear (trace.c) */
    int32_t *best_cpu;      /* sampling scratch, per real CPU */
    char err[320];          /* why it failed, for people */
    char err_ko[320];       /* ... in Korean */
    pid_t keeper_pid;       /* the fallback's keeper (trace_keeper.c), 0: none */
    int keeper_wr, keeper_fd; /* what procsim tells it on; its pidfd */
};

static inline int64_t ps__now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline ps__tproc *ps__proc_at(ps_trace *t, int32_t i)
{
    return &PS__VEC_AT(&t->procs, ps__tproc, i);
}

static inline ps__ttask *ps__task_at(ps_trace *t, size_t i)
{
    return &PS__VEC_AT(&t->tasks, ps__ttask, i);
}

/* trace.c, trace_procs.c */
void ps__trace_fail_(ps_trace *t, const char *en, const char *ko, ...)
    __attribute__((format(printf, 2, 4)));
#define ps__trace_fail(t, en, ko, ...)                                      \
    ((void)sizeof(printf(ko, __VA_ARGS__)), ps__trace_fail_(t, en, ko, __VA_ARGS__))
/* While starting: why it cannot, in both languages (t->err, t->err_ko;
 * the same arguments for both, both checked by the compiler). */
void ps__trace_start_error_(ps_trace *t, const char *en, const char *ko, ...)
    __attribute__((format(printf, 2, 4)));
#define ps__trace_start_error(t, en, ko, ...)                                \
    ((void)sizeof(printf(ko, __VA_ARGS__)), ps__trace_start_error_(t, en, ko, __VA_ARGS__))
int64_t ps__wall_us(const ps_trace *t);
/* What ps_trace_poll would return now. */
ps_step_status ps__status(const ps_trace *t);
/* The engine's clock to the tick of now (events between samples belong to
 * the next one; a sample's moves to its own). */
void ps__event_time(ps_trace *t);
void ps__note(ps_trace *t, const ps__tproc *p, ps_trace_note_kind kind, int64_t a, int64_t b,
              const char *text, size_t len);
/* a warning note: a the warning, b its {b}, text its {a} (or {text}) */
void ps__warn(ps_trace *t, ps_trace_warning w, int64_t b, const char *text);
/* One legal move of process p; an illegal one is a bug of this backend:
 * the run fails with it (returns -1). */
int ps__move(ps_trace *t, ps__tproc *p, ps_state to, ps_event ev, ps_cause c, int64_t a,
             int64_t b, uint32_t cpu);
ps_state ps__state(const ps_trace *t, const ps__tproc *p);
/* A new process of the tree: forked by parent (index, -1: procsim
 * started it), created in the engine (New) if a slot is left.  Returns
 * its index, -1 when out of memory. */
int32_t ps__proc_new(ps_trace *t, pid_t pid, int32_t parent);
int32_t ps__proc_find(ps_trace *t, pid_t pid);
/* The process a slot shows, NULL if none. */
ps__tproc *ps__slot_proc(ps_trace *t, uint32_t slot);
uint32_t ps__slot_of_pid(ps_trace *t, pid_t pid);
/* The new process was let run: New -> Ready. */
void ps__admit(ps_trace *t, ps__tproc *p);
/* Its comm and command line read again (at its start and each exec). */
void ps__refresh_names(ps_trace *t, ps__tproc *p, int exec);
ssize_t ps__task_new(ps_trace *t, pid_t tid, int32_t proc);
/* A slot's name (cut at a character boundary). */
void ps__set_name(ps_trace *t, ps__tproc *p, const char *name);
/* A name the hook gave before the process was seen (trace.c). */
void ps__early_name(ps_trace *t, ps__tproc *p);
ssize_t ps__task_find(ps_trace *t, pid_t tid);
/* The task exited (or was replaced): its files closed, no longer found. */
void ps__task_gone(ps_trace *t, ps__ttask *k);
/* /proc/PID/stat now: 0, or -1 if there is none. */
int ps__proc_stat(pid_t pid, ps__task_sample *s);
/* The process's pidfd opened (a warning once if descriptors ran out: its
 * reaping is then judged from /proc). */
void ps__open_pidfd(ps_trace *t, ps__tproc *p);
/* 1 if the ended process p has been reaped: its pidfd says so, or without
 * one, its pid is gone from /proc or is another process's now. */
int ps__reaped_now(const ps__tproc *p);
/* A suspend / activate the evidence shows (a stop or a SIGCONT seen). */
void ps__stopped(ps_trace *t, ps__tproc *p);
void ps__continued(ps_trace *t, ps__tproc *p);
/* It ended: how, and the adoption of its children. */
void ps__ended(ps_trace *t, ps__tproc *p, int code, int sig);
void ps__reaped(ps_trace *t, ps__tproc *p, int32_t by_slot);

/* trace_reap.c: kill what is left of the tree and wait, as long as it
 * takes, until each is reaped (destroy). */
void ps__reap_all(ps_trace *t);

/* trace_start.c: fork the root, ready to exec once released; returns
 * its pid, or -1 with t->err set.  *release / *errpipe: the pipes to let
 * it go and to hear of a failed exec. */
pid_t ps__start_root(ps_trace *t, int *release, int *errpipe);

/* trace_ptrace.c */
int ps__ptrace_seize(ps_trace *t, pid_t pid); /* 0, or -1 with errno */
/* Take in every stop report waiting (never blocks). */
void ps__ptrace_take_in(ps_trace *t);

/* trace_sample.c */
void ps__sample(ps_trace *t);
/* Exits the engine has not been told of, reapings, the end of the run;
 * done after events and at each sample. */
void ps__settle(ps_trace *t);

/* trace_keeper.c: the fallback's keeper, which kills the tree when
 * procsim is gone.  start: 0, or -1 with errno; tell: a process of the
 * tree discovered; stop: ends and reaps it (the tree already gone). */
int ps__keeper_start(ps_trace *t);
void ps__keeper_tell(ps_trace *t, pid_t pid);
void ps__keeper_stop(ps_trace *t);

/* trace_fallback.c */
void ps__fallback_scan(ps_trace *t);   /* new children, exits, reapings */
int ps__fallback_exit_code(pid_t pid, int *code, int *sig); /* from a zombie's stat */

#endif
