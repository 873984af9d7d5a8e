/* live_internal.h — the parts of the live backend that both sides of a
 * fork use: the protocol between procsim and a child, what a child is
 * given before it is forked, process plumbing (live_proc.c: pidfds,
 * /proc, paging out) and clock arithmetic that cannot overflow.  The
 * driver's own state is in live_driver.h.  Nothing outside sim/live/
 * includes it.
 */
#ifndef PROCSIM_LIVE_INTERNAL_H
#define PROCSIM_LIVE_INTERNAL_H

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/types.h>

#include "procsim/live.h"

/* ---- the protocol between procsim and a child ------------------------ */

/* Commands, procsim -> child, on the child's own command pipe. */
typedef enum ps__cmd_op {
    PS__CMD_CPU,       /* burn n nanoseconds of this process's CPU time */
    PS__CMD_READ,      /* add, first half: tmp = var[obj] (its own copy
                          if private) */
    PS__CMD_WRITE,     /* add, second half: var[obj] = tmp + 1 */
    PS__CMD_SEND,      /* write n to channel obj */
    PS__CMD_RECV,      /* say BLOCKING, then wait for the value: the next
                          command, a VALUE, routed here by procsim */
    PS__CMD_VALUE,     /* the value n a RECV waits for: say DONE(n) */
    PS__CMD_LOCK,      /* lock mutex obj (may block) */
    PS__CMD_UNLOCK,    /* unlock mutex obj */
    PS__CMD_BLOCK,     /* say BLOCKING, then wait for and run the next command */
    PS__CMD_GO,        /* the answer that ends a BLOCK: say DONE */
    PS__CMD_EXIT,      /* _exit(n) */
    PS__CMD_TOUCH      /* touch the working set again (swap in), say DONE */
} ps__cmd_op;

typedef struct ps__cmd {
    uint32_t op;       /* ps__cmd_op */
    uint32_t obj;
    int64_t n;
} ps__cmd;

/* Messages, child -> procsim, on the one status pipe all children share
 * (each message is smaller than PIPE_BUF, so writes never interleave). */
typedef enum ps__msg_kind {
    PS__MSG_HELLO,     /* started, working set resident */
    PS__MSG_BLOCKING,  /* about to block (recv, lock, block) */
    PS__MSG_DONE       /* the command is done; value = its result */
} ps__msg_kind;

typedef struct ps__msg {
    uint32_t index;    /* pid - 1 */
    uint32_t kind;     /* ps__msg_kind */
    int64_t value;
} ps__msg;

/* Memory shared by procsim and every child (MAP_SHARED | MAP_ANONYMOUS,
 * inherited across fork: nothing named, nothing to clean up). */
typedef struct ps__shared {
    pthread_mutex_t *mutex; /* process-shared, robust */
    volatile int64_t *var;
} ps__shared;

/* What a child needs to know, all made before it is forked: after fork
 * the child makes only async-signal-safe calls (no malloc, no qsort). */
typedef struct ps__child_setup {
    uint32_t index;
    pid_t parent;          /* procsim, to detect that it died before us */
    int cmd_fd;            /* read end of this child's command pipe */
    int status_fd;         /* write end of the status pipe */
    int (*chan)[2];        /* channel pipes; it writes chan[k][1] */
    const int *keep;       /* the descriptors it keeps, ascending */
    uint32_t nkeep;
    ps__shared shared;
    int ws_fd;             /* working-set file, -1: none */
    size_t ws_offset;      /* this child's own part of it: pages no other
                              process maps, so they can be paged out */
    size_t ws_bytes;
    const sigset_t *mask;  /* the mask it runs with, taken once every handler
                              is reset: the host's, SIGTERM unblocked */
    int64_t *priv;         /* its private variables: procsim's buffer, filled
                              with its parent's copy (as the model has it)
                              before the fork, the child's own after it */
    const uint8_t *var_private; /* var_private[v]: v is private (NULL: none) */
} ps__child_setup;

/* x * y and x + y for x, y >= 0, INT64_MAX if the result would not fit:
 * every duration in nanoseconds (ticks * tick_ns, deadlines) goes through
 * these, so a huge scenario saturates instead of wrapping. */
static inline int64_t ps__sat_mul(int64_t x, int64_t y)
{
    return y && x > INT64_MAX / y ? INT64_MAX : x * y;
}

static inline int64_t ps__sat_add(int64_t x, int64_t y)
{
    return x > INT64_MAX - y ? INT64_MAX : x + y;
}

/* live_child.c: never returns. */
void ps__child_main(const ps__child_setup *cs) __attribute__((noreturn));

/* ---- process plumbing (live_proc.c) ----------------------------------- */

/* /proc is read by pid, which names our child only until it is reaped:
 * call these only for a child not yet reaped, whose pidfd is given; they
 * check afterwards, through it, that the child was still there (that the
 * host did not reap it behind our back), and answer 0 if not. */
/* The state letter from /proc/PID/stat, 0 if it cannot be read. */
char ps__proc_state(pid_t pid, int pidfd);
/* Resident set in kB from /proc/PID/statm, 0 if it cannot be read. */
int64_t ps__proc_rss_kb(pid_t pid, int pidfd);
int ps__pidfd_open(pid_t pid);
int ps__pidfd_signal(int pidfd, int sig);
/* Ask the kernel to page out [addr, addr+len) of the process. */
int ps__page_out(int pidfd, void *addr, size_t len);
/* Write all of buf, retrying EINTR; 0 or -1. */
int ps__write_all(int fd, const void *buf, size_t len);

#endif
