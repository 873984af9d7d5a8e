/* real.h — what the kernel says about a real process, shared by the two
 * backends that watch real processes: live mode (live.h: the model's
 * processes made real) and trace mode (trace.h: a real program's processes
 * put in the model).  A transition either of them reports carries the
 * engine's event and the kernel's evidence for it.
 */
#ifndef PROCSIM_REAL_H
#define PROCSIM_REAL_H

#include <stdint.h>
#include <sys/types.h>

#include "procsim/engine.h"

/* Who confirmed a transition: live mode's waitid on a pidfd, a child's
 * status pipe, procsim's own decision, a fork; trace mode's ptrace event,
 * a /proc sample, a pidfd's news of a reaping. */
#define PS_REPORTERS(X)                                                     \
    X(NONE, "") X(WAITID, "waitid") X(STATUS_PIPE, "status-pipe")           \
    X(PROCSIM, "procsim") X(FORK, "fork") X(PTRACE, "ptrace")               \
    X(PROC, "proc") X(PIDFD, "pidfd")

typedef enum ps_reporter {
#define PS_X_(e, tok) PS_REP_##e,
    PS_REPORTERS(PS_X_)
#undef PS_X_
} ps_reporter;

/* A confirmed transition: the engine's event plus what the kernel said. */
typedef struct ps_live_event {
    ps_trace_event ev;
    int64_t wall_us;     /* microseconds since the run started */
    char kstate;         /* /proc/PID/stat letter just after, or 0 */
    uint8_t reporter;    /* ps_reporter */
    pid_t os_pid;        /* the real pid */
    int64_t rss_kb;      /* its resident set just after, from /proc */
    int64_t latency_ns;  /* from procsim's last signal or command to the
                            child until the confirmation; -1 if none */
} ps_live_event;

/* A listener of confirmed transitions (live.h, trace.h). */
typedef void (*ps_live_fn)(void *ctx, const ps_live_event *ev);

/* One real open file descriptor of a live child, from /proc/PID/fd: its
 * number and what it refers to ("pipe:[4711]", "/dev/null", ...; cut to
 * fit).  The real side of the PCB's open files (ps_engine_open_files). */
typedef struct ps_live_fd {
    int fd;
    char target[96];
} ps_live_fd;

#endif
