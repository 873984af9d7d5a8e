/* trace.h — watching a real program: `procsim trace -- COMMAND` puts the
 * process tree of a program the user wrote in the seven states, with the
 * kernel's evidence for every move (docs/trace.md).
 *
 * procsim starts COMMAND as its child and follows the whole tree with
 * ptrace (PTRACE_SEIZE with fork, vfork, clone, exec and exit events, and
 * PTRACE_O_EXITKILL): every process is seen from its fork to its reaping,
 * even one that lives a millisecond, and none outlives procsim, however
 * procsim ends.  procsim is also the tree's subreaper, so orphans are
 * adopted and reaped by it.  Where ptrace is refused (a container without
 * the capability, a strict Yama setting) the backend says so and falls
 * back to following the tree by sampling (/proc children lists and
 * pidfds): then a process that lives less than a sample may be missed
 * (ps_trace_info says how many of them were seen to be missed).  Nothing
 * like EXITKILL exists there, so a keeper does its work: a small process
 * procsim forks before the root may run (it is no process of the tree
 * and never execs), told each process procsim discovers.  When procsim is
 * gone, however it ended (SIGKILL too), the keeper kills every process it
 * was told of that is still the same one (by its start time) and their
 * descendants it finds in /proc, then exits; a destroy ends and reaps it.
 * What it cannot catch: a process forked after procsim's last sample
 * whose parent has ended too (no ppid chain leads to it any more).
 *
 * The states come from evidence, each move through the observed engine
 * (engine.h) and so through the one door:
 *   New         the fork was seen, the child has not yet been let run
 *   Ready       runnable, waiting for a CPU (its schedstat wait time grew
 *               more than its run time over the last sample, or another
 *               process of the tree has the CPU it last ran on)
 *   Running     runnable and on a CPU
 *   Blocked     sleeping in a system call, with the call and its object in
 *               words (PS_TRACE_CAUSES in cause.h)
 *   Ready/Suspend, Blocked/Suspend  stopped by a signal (procsim's own
 *               suspend, or a SIGSTOP from anyone, whose sender is named),
 *               from a runnable or a blocked state
 *   Exit        exited; a zombie until its parent reaps it (the PCB's
 *               `reaped`, and a PS_TN_REAPED note)
 * Forks, execs, exits, signals and reapings are exact (events); Running,
 * Ready and Blocked are sampled every sample period (PS_TRACE_SAMPLE_MS
 * by default).  A sample may take a fifth of the period: one that takes
 * longer (many processes, a busy machine) stretches the period
 * (PS_TW_SLOW_SAMPLE, once), and while samples are cheap again (within a
 * tenth) it is halved back, down to the asked one; ps_trace_info.sample_ms
 * is the period now.  One tick of the engine is one sample period; every event
 * also carries its wall-clock time (ps_live_event.wall_us).  A process
 * that ran, blocked and woke between two samples is moved along the legal
 * path the evidence implies (RAN_BETWEEN), never through an illegal one.
 *
 * Threads are a count on their process (PS_TN_THREADS); a process's state
 * is that of its busiest thread (Running over Ready over Blocked), its
 * Blocked cause that of its main thread (or of the first blocked thread
 * if the main one is not blocked).
 *
 * Names: a process is named after its command (comm) and, for Python
 * multiprocessing, its Process.name (Process-1, ForkPoolWorker-2 or the
 * program's own), which a hook found through PYTHONPATH reports
 * (ps_trace_options.python_hook_dir: a directory whose sitecustomize.py
 * reports the name on the descriptor named by $PROCSIM_TRACE_FD); the
 * student's program is not modified.  That descriptor (a pipe's write
 * end, numbered 200 or above so the program's own numbers are untouched)
 * and the two variables reach every program of the tree, not only Python:
 * a C program, a shell, `ls -l /proc/self/fd` see it, and a program that
 * closes every descriptor it does not know (or checks for strays) may
 * close it or complain; a child that closes it is only not named.
 * ps_trace_open_fds leaves it out.  Without python_hook_dir there is
 * no such descriptor.
 *
 * Living in a host program: like live mode (live.h), the backend blocks
 * SIGCHLD, SIGINT, SIGTERM, SIGHUP and SIGQUIT in the calling thread while
 * it exists and reads them through a signalfd (an interrupt makes
 * ps_trace_poll return PS_STEP_INTERRUPTED); create, poll and destroy it
 * from that one thread; the host must not wait for any child while it
 * exists.  COMMAND runs in procsim's process group (Ctrl-C reaches it as
 * it would without procsim), with the host's signal mask and handlers
 * reset.  Destroying the backend kills (SIGKILL) and reaps every process
 * of the tree still there and restores the signal mask.  Linux only: built
 * without it (PROCSIM_TRACE=OFF, or not Linux), ps_trace_start says so.
 */
#ifndef PROCSIM_TRACE_H
#define PROCSIM_TRACE_H

#include <stdint.h>
#include <sys/types.h>

#include "procsim/engine.h"
#include "procsim/real.h"

typedef struct ps_trace ps_trace;

#define PS_TRACE_SAMPLE_MS 10      /* default sample period */
#define PS_TRACE_SAMPLE_MS_MAX 1000
#define PS_TRACE_MAX_PROCS 1024    /* default number of processes shown */
#define PS_TRACE_PROCS_LIMIT 65536 /* the most that may be asked for */
#define PS_TRACE_LINGER_MS 5000    /* default: how long the rest of the tree
                                      may run after COMMAND has ended */
#define PS_TRACE_NAME_MAX 32       /* bytes of a name, NUL included */

typedef struct ps_trace_options {
    char *const *argv;       /* COMMAND and its arguments, NULL-terminated;
                                argv[0] is looked up in PATH */
    int64_t sample_ms;       /* 1..PS_TRACE_SAMPLE_MS_MAX; 0: the default */
    uint32_t cpus;           /* pin the tree to this many CPUs (the first
                                of those procsim may use); 0: no pinning */
    uint32_t max_procs;      /* processes (slots) shown, 1..PS_TRACE_PROCS_LIMIT;
                                0: the default.  Later ones are still
                                followed and kept from escaping, only not
                                shown (ps_trace_info.unshown counts them) */
    int64_t linger_ms;       /* after COMMAND ends, the rest of the tree is
                                killed after this long (-1: never; 0: the
                                default) */
    int capture_output;      /* 1: COMMAND's stdout and stderr go through
                                pipes to the output listener (the window);
                                0: they are procsim's own (a terminal) */
    int threads_as_procs;    /* 1: every thread is a process of its own */
    const char *python_hook_dir; /* prepended to PYTHONPATH for Python
                                names; NULL: no hook (and no hook
                                descriptor in the tree: see above) */
    int no_ptrace;           /* 1: do not try ptrace, sample (testing the
                                fallback; docs/trace.md) */
} ps_trace_options;

/* What is noted beside the transitions, in order with them.
 * X(ENUM, token) */
#define PS_TRACE_NOTES(X)                                                   \
    X(EXEC, "exec")          /* text: the new command line */             \
    X(NAME, "name")          /* text: the new name (Python's) */          \
    X(THREADS, "threads")    /* a: its number of threads now */           \
    X(SIGNAL, "signal")      /* a: the signal, b: the sender (pid, 0: not
                                in the tree) */                            \
    X(REAPED, "reaped")      /* a: who reaped it (pid, 0: procsim as the
                                tree's subreaper) */                       \
    X(ADOPTED, "adopted")    /* its parent ended; procsim adopted it */  \
    X(OUTPUT, "output")      /* a: 1 stdout, 2 stderr; text: the bytes */ \
    X(WARNING, "warning")    /* a: ps_trace_warning; text: a detail
                                (the system's error message), or "" */     \
    X(MISSED, "missed")      /* fallback only: a: processes that ended
                                unseen between two samples */

typedef enum ps_trace_note_kind {
#define PS_X_(e, tok) PS_TN_##e,
    PS_TRACE_NOTES(PS_X_)
#undef PS_X_
    PS_TN_COUNT
} ps_trace_note_kind;

/* What a warning note says.  X(ENUM, English, Korean); {text} is the
 * note's text, {a}/{b} its numbers, {errno} b as an errno in words. */
#define PS_TRACE_WARNINGS(X)                                                \
    X(NO_PTRACE, "following the tree by sampling, not ptrace ({text}{errno}): a process that lives less than a sample may be missed", \
      "ptrace 대신 표본으로 프로세스 트리를 따라감 ({text}{errno}): 표본 간격보다 짧게 사는 프로세스는 놓칠 수 있음") \
    X(UNSHOWN, "more than {b} processes: the rest are followed but not shown", \
      "프로세스가 {b}개를 넘음: 나머지는 따라가지만 보여 주지 않음")            \
    X(LINGER, "{b} processes still ran {a} ms after the command ended: procsim killed them", \
      "명령이 끝나고 {a} ms가 지나도 프로세스 {b}개가 남아 있어 procsim이 죽임") \
    X(NO_FDS, "out of descriptors ({errno}): some processes are followed with less evidence", \
      "파일 디스크립터가 모자람 ({errno}): 일부 프로세스는 증거를 덜 모아 따라감") \
    X(SLOW_SAMPLE, "sampling took {a} us of a {b} ms period: the period is stretched", \
      "표본 채취에 {a} us가 걸림 ({b} ms 간격): 간격을 늘림")

typedef enum ps_trace_warning {
#define PS_X_(e, en, ko) PS_TW_##e,
    PS_TRACE_WARNINGS(PS_X_)
#undef PS_X_
    PS_TW_COUNT
} ps_trace_warning;

typedef struct ps_trace_note {
    int64_t time;            /* tick (sample periods since the start) */
    int64_t wall_us;         /* microseconds since the start */
    uint32_t pid;            /* the process (slot) it is about, 0: none */
    pid_t os_pid;
    uint8_t kind;            /* ps_trace_note_kind */
    int64_t a, b;
    const char *text;        /* valid during the call only; "" if none */
    size_t len;              /* bytes of text (OUTPUT may hold NULs) */
} ps_trace_note;

typedef void (*ps_trace_note_fn)(void *ctx, const ps_trace_note *n);

/* Start COMMAND under the trace.  Returns NULL with the reason in err
 * (the command cannot be run: "python4: command not found"; a resource
 * failed), having left nothing behind.  When ptrace is refused the trace
 * still starts, by sampling, and the first note is a PS_TN_WARNING saying
 * why (ps_trace_info.sampled is 1). */
ps_trace *ps_trace_start(const ps_trace_options *o, ps_error *err);
/* Kill and reap whatever of the tree is left, free everything, restore
 * the signal mask.  After an interrupt, the interrupts still pending are
 * read first (they repeat it): restoring the mask does not deliver them.
 * Accepts NULL. */
void ps_trace_destroy(ps_trace *t);

/* Listeners: transitions (with the kernel's evidence: reporter PTRACE,
 * PROC or PIDFD, kstate, os_pid, rss_kb; latency_ns -1) and notes.  Set
 * them before the first poll; each may be NULL.  They are called from
 * ps_trace_poll and must not call back into the trace. */
void ps_trace_set_listener(ps_trace *t, ps_live_fn fn, void *ctx);
void ps_trace_set_note_listener(ps_trace *t, ps_trace_note_fn fn, void *ctx);

/* The observed engine (engine.h) and its scenario: a slot per process
 * (named after it once seen; os_pid set), cpus the CPUs the tree may use.
 * Read them between polls; never step or change them. */
ps_engine *ps_trace_engine(ps_trace *t);
const ps_scenario *ps_trace_scenario(const ps_trace *t);

/* Take in everything that happened (ptrace events, exits, output,
 * signals) and take a sample when one is due, waiting up to timeout_ns
 * (0: do not wait; -1: until something happens) for anything to.  Returns
 * PS_STEP_OK, PS_STEP_DONE once every process of the tree has ended and
 * been reaped (COMMAND's status is then in ps_trace_exit), 
 * PS_STEP_INTERRUPTED on SIGINT/SIGTERM/SIGHUP/SIGQUIT, PS_STEP_NOMEM or
 * PS_STEP_FAILED (with ps_trace_error).  After anything but OK, only
 * destroy (which kills what is left). */
ps_step_status ps_trace_poll(ps_trace *t, int64_t timeout_ns);
/* Why it failed (or could not start), in `lang`; "" if it did not. */
const char *ps_trace_error(const ps_trace *t, ps_lang lang);
/* Has procsim been asked to stop (SIGINT, SIGTERM, SIGHUP, SIGQUIT, which
 * the backend holds while it exists)?  Checks without blocking, also
 * after the trace has ended (a window still showing it must hear them). */
int ps_trace_interrupted(ps_trace *t);
/* Nanoseconds until the next sample is due (<= 0: now). */
int64_t ps_trace_due_ns(const ps_trace *t);
/* Microseconds since the start, on the clock the events use. */
int64_t ps_trace_wall_us(const ps_trace *t);

/* COMMAND and its arguments as one line, spaces between (cut to fit;
 * NUL-terminated when size > 0), for titles and headers.  Returns buf. */
char *ps_trace_command(const ps_trace *t, char *buf, size_t size);

/* How COMMAND ended: 0 with *code (exit status) or *signo (the killing
 * signal, else 0), -1 if it has not ended. */
int ps_trace_exit(const ps_trace *t, int *code, int *signo);

/* The user's interventions, as real signals, reflected as the states the
 * table allows: suspend (SIGSTOP) to Ready/Suspend or Blocked/Suspend,
 * resume (SIGCONT) back, kill (SIGKILL) to Exit.  -1 (nothing sent) if
 * pid is not a live process of the tree, for a suspend of a suspended
 * process or a resume of one that is not suspended. */
int ps_trace_suspend(ps_trace *t, uint32_t pid);
int ps_trace_resume(ps_trace *t, uint32_t pid);
int ps_trace_kill(ps_trace *t, uint32_t pid);

/* The slot showing the real process os_pid, 0 if none. */
uint32_t ps_trace_find(const ps_trace *t, pid_t os_pid);
/* The slot of the first live process named `name`, else of the first
 * process ever so named; 0 if none. */
uint32_t ps_trace_find_name(const ps_trace *t, const char *name);

/* What the kernel shows of one process now (the PCB panel's kernel
 * section), from its latest sample and events. */
typedef struct ps_trace_proc {
    pid_t os_pid, os_ppid;   /* its real pid and its real parent's */
    char comm[16];           /* /proc/PID/comm */
    char cmdline[160];       /* its command line, spaces between, cut */
    char syscall[24];        /* the call it sleeps in ("read"), "" if none */
    char wchan[32];          /* the kernel's wait point, "" if none */
    char kstate;             /* the kernel's letter, 0 once gone */
    uint8_t zombie;          /* exited, not yet reaped */
    uint8_t adopted;         /* its parent ended first: procsim adopted it */
    uint32_t threads;        /* live threads now */
    uint32_t execs;          /* how many times it exec'd */
    int32_t last_cpu;        /* the CPU it last ran on, -1 */
    int64_t run_ns, wait_ns; /* schedstat: on a CPU, waiting for one */
    int64_t started_us, ended_us; /* wall clock of fork and exit, -1 */
} ps_trace_proc;
/* 0, or -1 if pid is no slot in use. */
int ps_trace_proc_info(const ps_trace *t, uint32_t pid, ps_trace_proc *out);
/* Its open descriptors now (real.h), as ps_live_open_fds. */
int ps_trace_open_fds(const ps_trace *t, uint32_t pid, ps_live_fd *out, int max);

/* The run as a whole, for the closing lines and the benchmark. */
typedef struct ps_trace_info {
    int sampled;             /* 1: ptrace was refused; following by sampling */
    uint32_t processes;      /* processes seen */
    uint32_t unshown;        /* of which had no slot left */
    uint32_t threads;        /* threads seen (beyond each main thread) */
    uint64_t events;         /* ptrace events taken in */
    uint64_t samples;        /* samples taken */
    int64_t sample_ms;       /* the sample period now (stretched, or back) */
    int64_t sampling_ns;     /* time procsim spent sampling, all told */
    int64_t sample_max_ns;   /* the longest sample */
    uint32_t missed;         /* processes known to have ended unseen (the
                                fallback; 0 under ptrace) */
    uint32_t killed_at_end;  /* processes still running when the trace
                                ended, killed by procsim */
} ps_trace_info;
void ps_trace_get_info(const ps_trace *t, ps_trace_info *out);

/* A note as text for people, in `lang` ("exec python3 pool.py",
 * "reaped by main (4711)"); cut to fit, always NUL-terminated when size >
 * 0.  Returns buf. */
char *ps_trace_note_format(const ps_trace *t, const ps_trace_note *n, ps_lang lang, char *buf,
                           size_t size);
const char *ps_trace_note_token(ps_trace_note_kind k);

/* ---- turning a run into a scenario (--record) --------------------------
 * A recorder is fed every transition of a trace (from the listener) and
 * writes a scenario that replays the run in the model (docs/trace.md says
 * what it keeps and how close the replay comes). */
typedef struct ps_trace_recorder ps_trace_recorder;
/* NULL when out of memory. */
ps_trace_recorder *ps_trace_recorder_create(void);
void ps_trace_recorder_destroy(ps_trace_recorder *r); /* accepts NULL */
/* -1 when out of memory (the recorder then writes nothing). */
int ps_trace_recorder_add(ps_trace_recorder *r, const ps_live_event *ev);
/* The scenario as YAML text (malloc'd, NUL-terminated, *len its length)
 * for the run of `t` so far; NULL when out of memory.  It loads with
 * ps_scenario_load. */
char *ps_trace_recorder_yaml(const ps_trace_recorder *r, const ps_trace *t, size_t *len);

#endif
