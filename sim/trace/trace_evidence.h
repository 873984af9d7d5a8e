/* trace_evidence.h — reading the kernel's evidence about a real task, for
 * the trace backend (trace.h): its state letter, CPU and schedstat times
 * from /proc, the system call it sleeps in and what that call waits for in
 * words (a cause of PS_TRACE_CAUSES), the other end of its pipes and
 * sockets, and the names a Python program reports through the hook.
 *
 *   trace_proc.c     /proc/PID/task/TID/{stat,schedstat,syscall,wchan},
 *                    kept open and re-read (pread) for each sample
 *   trace_fds.c      descriptors: pipe and socket inodes, who holds the
 *                    other end (fdinfo flags; sock_diag for socket peers)
 *   trace_syscall.c  a sleeping task's system call as a cause
 *   trace_names.c    the Python hook's "PID NAME" lines
 *
 * None of this changes the traced program or the engine; every function
 * returns what it could read and says when it could read nothing (the
 * task may vanish between any two reads: that is not an error).  Nothing
 * outside sim/trace/ includes it.
 */
#ifndef PROCSIM_TRACE_EVIDENCE_H
#define PROCSIM_TRACE_EVIDENCE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "procsim/cause.h"

/* ---- one task's files (trace_proc.c) ------------------------------------ */

/* The /proc files of one task, opened once and re-read. */
typedef struct ps__taskfd {
    pid_t pid, tid;
    int stat, sched, syscall; /* descriptors, -1: not open (syscall is
                                 opened by each read of it) */
} ps__taskfd;

/* A sample of one task. */
typedef struct ps__task_sample {
    char state;        /* /proc stat letter (R S D T t Z X I ...), 0: gone */
    int32_t cpu;       /* the CPU it last ran on (stat field 39) */
    pid_t ppid;        /* stat field 4 (for the process's main task) */
    int64_t run_ns;    /* schedstat: time on a CPU */
    int64_t wait_ns;   /* schedstat: time runnable, waiting for a CPU */
    uint64_t slices;   /* schedstat: times it got a CPU */
    int64_t minflt, majflt; /* page faults */
    uint64_t start;    /* stat field 22: its start time (clock ticks after
                          boot), which tells a reused pid from its own */
    int64_t rss_kb;    /* from statm of the process (main task only), else 0 */
    int32_t exit_code; /* stat field 52: a zombie's wait status */
} ps__task_sample;

void ps__taskfd_init(ps__taskfd *f);
/* Opens the task's files; 0, or -1 (errno set) if the task is gone or its
 * files cannot be read (then every descriptor is -1). */
int ps__taskfd_open(ps__taskfd *f, pid_t pid, pid_t tid);
void ps__taskfd_close(ps__taskfd *f);
/* Reads a sample; 0, or -1 if the task is gone (out->state = 0). */
int ps__task_read(ps__taskfd *f, ps__task_sample *out);

/* The system call a sleeping task is in, from /proc/.../syscall: its
 * number and six arguments, or -1 if it is in none ("running", or the
 * file cannot be read). */
typedef struct ps__task_syscall {
    long nr;
    uint64_t args[6];
} ps__task_syscall;
int ps__task_syscall_read(ps__taskfd *f, ps__task_syscall *out);
/* /proc/PID/task/TID/wchan ("anon_pipe_read", "do_wait"), "" if none. */
void ps__task_wchan(pid_t pid, pid_t tid, char *buf, size_t size);
/* /proc/PID/comm, and the command line with spaces between its words (cut
 * to fit); "" if gone. */
void ps__proc_comm(pid_t pid, char *buf, size_t size);
void ps__proc_cmdline(pid_t pid, char *buf, size_t size);
/* The threads of a process now (/proc/PID/task), the lowest max of them
 * in out; returns how many there are, -1 if it is gone. */
int ps__proc_tasks(pid_t pid, pid_t *out, int max);
/* The children of a task (/proc/PID/task/TID/children), for the fallback
 * that follows the tree without ptrace; as ps__proc_tasks. */
int ps__task_children(pid_t pid, pid_t tid, pid_t *out, int max);

/* ---- the other end (trace_fds.c) ---------------------------------------- */

/* What a descriptor of a process is. */
typedef enum ps__fd_kind {
    PS__FD_NONE,       /* not open, or unreadable */
    PS__FD_PIPE,       /* pipe:[inode] (or a FIFO) */
    PS__FD_SOCKET,     /* socket:[inode] */
    PS__FD_TTY,        /* a terminal */
    PS__FD_OTHER       /* a file, a device, ... */
} ps__fd_kind;

typedef struct ps__fd_info {
    uint8_t kind;      /* ps__fd_kind */
    uint8_t writable, readable; /* from fdinfo's flags */
    uint64_t inode;
} ps__fd_info;

int ps__fd_describe(pid_t pid, int fd, ps__fd_info *out);

/* Who, among the processes `tree` (n real pids, the traced tree), holds
 * the other end of a descriptor: for a pipe, a process other than `self`
 * holding the same inode open for writing (want_writer) or reading; for a
 * socket, a process holding its peer (a socketpair's other socket, found
 * with sock_diag), or another holder of the same socket.  0 if none of
 * them does.  Scans /proc/P/fd of the tree: callers cache the answer per
 * (pid, inode) and ask again only when the task blocks anew. */
pid_t ps__fd_peer(const pid_t *tree, size_t n, pid_t self, const ps__fd_info *fd,
                  int want_writer);

/* ---- the call in words (trace_syscall.c) -------------------------------- */

/* A sleeping task's cause: a row of PS_TRACE_CAUSES and its numbers.
 * When peer_is_a, a holds a real pid (0: none) that the caller turns into
 * the slot that shows it (0 if it shows none). */
typedef struct ps__why {
    ps_cause cause;
    int64_t a, b;
    int peer_is_a;
    char syscall[24];  /* the call's name ("read"), "" */
} ps__why;

/* Why task (pid, tid), whose letter is `state` (S or D), sleeps: from its
 * system call and arguments (sc; NULL: in none), its descriptors, its
 * memory (a futex's mapping: shared = a lock between processes; the
 * timespec of a sleep) and the tree (for the other end).  Always gives an
 * answer (KERNEL_WAIT, DISK_WAIT, SYS_OTHER when nothing better). */
void ps__why_blocked(pid_t pid, pid_t tid, char state, const ps__task_syscall *sc,
                     const pid_t *tree, size_t n, ps__why *out);
/* The name of system call nr on this machine ("wait4"), "" if unknown. */
const char *ps__syscall_name(long nr);

/* ---- Python names (trace_names.c) --------------------------------------- */

/* Lines "PID NAME\n" from the hook (sim/trace/pyhook/sitecustomize.py),
 * arriving in pieces: feed each piece; for each whole line, fn is called
 * with the pid and the name (NUL-terminated, control characters dropped,
 * cut to name_max - 1 bytes at a character boundary).  A line longer than
 * the buffer is dropped. */
typedef struct ps__names {
    char buf[256];
    size_t len;
} ps__names;
typedef void (*ps__name_fn)(void *ctx, pid_t pid, const char *name);
void ps__names_feed(ps__names *nm, const char *data, size_t len, size_t name_max,
                    ps__name_fn fn, void *ctx);

#endif
