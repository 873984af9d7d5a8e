/* trace_syscall.c — why a sleeping task sleeps, in words (trace_evidence.h):
 * the system call it is in (/proc/.../syscall: its number and arguments)
 * and the object the call waits on, looked up where the kernel shows it:
 * the descriptor (a pipe and who writes into it, a socket and its peer, a
 * terminal), the futex's mapping (shared between processes: a lock or a
 * semaphore, as multiprocessing's Lock in /dev/shm/sem.*; private: one
 * thread waiting for another), the sleep's timespec in the task's memory
 * (process_vm_readv), the child waited for.  A pipe's or a socket's
 * cause also has its inode in b (no wording shows it): the one object
 * that a reader and a writer share, for whoever pairs them (--record).
 * Numbers are the <sys/syscall.h> ones of the machine built for (x86-64,
 * arm64: calls an architecture does not have are left out by #ifdef); their
 * names are in trace_syscall_names.c. */
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "procsim/out.h"

#include "trace_evidence.h"
#include "trace_util.h"

/* ---- the task's memory and maps ------------------------------------------ */

static int read_mem(pid_t pid, uint64_t addr, void *buf, size_t len)
{
    struct iovec local = {buf, len}, remote = {(void *)(uintptr_t)addr, len};
    return addr && process_vm_readv(pid, &local, 1, &remote, 1, 0) == (ssize_t)len ? 0 : -1;
}

/* The milliseconds a timespec in the task's memory stands for, rounded;
 * with `absolute` the time left until it on `clock`.  0 if unreadable. */
static int64_t sleep_ms(pid_t pid, uint64_t addr, int absolute, clockid_t clock)
{
    struct timespec ts, now;
    if (read_mem(pid, addr, &ts, sizeof ts) < 0)
        return 0;
    int64_t ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    if (absolute) {
        if (clock_gettime(clock, &now) < 0)
            return 0;
        ns -= (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
    }
    return ns > 0 ? (ns + 500000) / 1000000 : 0;
}

/* Whether addr lies in a shared mapping of pid (/proc/PID/maps: the 's'
 * of "rw-s"), read a piece at a time; -1 if in no mapping. */
static int mapping_shared(pid_t pid, uint64_t addr)
{
    char path[64], buf[4096];
    int fd = open(ps__proc_path(path, sizeof path, pid, 0, "maps"), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t have = 0;
    int found = -1;
    for (;;) {
        ssize_t n = read(fd, buf + have, sizeof buf - 1 - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        have += (size_t)n;
        buf[have] = 0;
        char *line = buf, *nl;
        while (found < 0 && (nl = strchr(line, '\n'))) {
            /* "7f73-7f74 rw-s 00000000 00:1b 5   /dev/shm/sem.X" */
            const char *p = line;
            uint64_t lo = ps__parse_hex(&p);
            p += *p == '-';
            uint64_t hi = ps__parse_hex(&p);
            if (addr >= lo && addr < hi && p[0] == ' ' && nl - p > 4)
                found = p[4] == 's';
            line = nl + 1;
        }
        if (found >= 0)
            break;
        have = (size_t)(buf + have - line);
        memmove(buf, line, have);
        if (have == sizeof buf - 1)
            have = 0; /* a line longer than the buffer: no mapping line is */
    }
    close(fd);
    return found;
}

/* Bits set in the union of a select's three fd sets: the fds it waits
 * on; -1 if a set cannot be read. */
static int64_t select_count(pid_t pid, const uint64_t *args)
{
    int nfds = (int)args[0];
    unsigned char set[1024], all[1024] = {0};
    size_t len = nfds > 0 ? ((size_t)nfds + 7) / 8 : 0;
    if (len > sizeof set)
        return -1;
    for (int i = 1; i <= 3; i++) {
        if (!args[i] || !len)
            continue;
        if (read_mem(pid, args[i], set, len) < 0)
            return -1;
        for (size_t j = 0; j < len; j++)
            all[j] |= set[j];
    }
    int64_t n = 0;
    for (int fd = 0; fd < nfds; fd++)
        n += all[fd / 8] >> (fd % 8) & 1;
    return n;
}

/* The process a pidfd of pid refers to (fdinfo's "Pid:"), 0 if none. */
static pid_t pidfd_pid(pid_t pid, int fd)
{
    char path[80], buf[512];
    char *p = ps__proc_path(path, sizeof path, pid, 0, "fdinfo/");
    p += strlen(p);
    *ps_put_int(p, path + sizeof path - 1, fd) = 0;
    if (ps__read_small(path, buf, sizeof buf) <= 0)
        return 0;
    const char *f = strstr(buf, "\nPid:");
    if (!f)
        return 0;
    f += 5;
    int64_t v = ps__parse_dec(&f);
    return v > 0 ? (pid_t)v : 0;
}

/* ---- the calls ---------------------------------------------------------------- */

static void set(ps__why *out, ps_cause c, int64_t a, int peer)
{
    out->cause = c;
    out->a = a;
    out->peer_is_a = peer;
}

/* A read (or recv) on fd: what the descriptor is says what it waits for. */
static void on_read(pid_t pid, int fd, const pid_t *tree, size_t n, ps__why *out)
{
    ps__fd_info fi;
    if (ps__fd_describe(pid, fd, &fi) < 0) {
        set(out, PS_CAUSE_SYS_READ_FD, fd, 0);
        return;
    }
    switch ((ps__fd_kind)fi.kind) {
    case PS__FD_PIPE:
        set(out, PS_CAUSE_SYS_PIPE_READ, ps__fd_peer(tree, n, pid, &fi, 1), 1);
        out->b = (int64_t)fi.inode;
        return;
    case PS__FD_SOCKET:
        set(out, PS_CAUSE_SYS_SOCKET_READ, ps__fd_peer(tree, n, pid, &fi, 1), 1);
        out->b = (int64_t)fi.inode;
        return;
    case PS__FD_TTY: set(out, PS_CAUSE_SYS_READ_TTY, 0, 0); return;
    case PS__FD_NONE:
    case PS__FD_OTHER: break;
    }
    set(out, PS_CAUSE_SYS_READ_FD, fd, 0);
}

/* A write sleeps on a full pipe (or a socket, a terminal held by ^S). */
static void on_write(pid_t pid, long nr, int fd, const pid_t *tree, size_t n, ps__why *out)
{
    ps__fd_info fi;
    if (ps__fd_describe(pid, fd, &fi) == 0 && fi.kind == PS__FD_PIPE) {
        set(out, PS_CAUSE_SYS_PIPE_WRITE, ps__fd_peer(tree, n, pid, &fi, 0), 1);
        out->b = (int64_t)fi.inode;
    } else
        set(out, PS_CAUSE_SYS_OTHER, nr, 0);
}

/* A futex: process-private by its flag, else by the mapping of its word. */
static void on_futex(pid_t pid, uint64_t uaddr, int private_flag, ps__why *out)
{
    int shared = private_flag ? 0 : mapping_shared(pid, uaddr);
    set(out, shared > 0 ? PS_CAUSE_SYS_FUTEX_LOCK : PS_CAUSE_SYS_FUTEX_THREAD, 0, 0);
}

static void on_wait(pid_t pid, long nr, const uint64_t *args, ps__why *out)
{
    pid_t child = 0;
    if (nr == SYS_wait4)
        child = (pid_t)(int32_t)args[0]; /* the kernel reads an int */
    else { /* waitid(idtype, id, ...) */
        int32_t id = (int32_t)args[1];
        switch ((int)args[0]) {
        case P_PID: child = id; break;
#ifdef P_PIDFD
        case P_PIDFD: child = pidfd_pid(pid, id); break;
#else
        case 3: child = pidfd_pid(pid, id); break;
#endif
        default: break; /* P_ALL, P_PGID: any of several */
        }
    }
    if (child > 0)
        set(out, PS_CAUSE_SYS_WAIT4, child, 1);
    else
        set(out, PS_CAUSE_SYS_WAIT4, 0, 0);
}

void ps__why_blocked(pid_t pid, pid_t tid, char state, const ps__task_syscall *sc,
                     const pid_t *tree, size_t n, ps__why *out)
{
    (void)tid; /* descriptors, memory and maps are the process's */
    memset(out, 0, sizeof *out);
    if (!sc || sc->nr < 0) {
        set(out, state == 'D' ? PS_CAUSE_DISK_WAIT : PS_CAUSE_KERNEL_WAIT, 0, 0);
        return;
    }
    ps__copy_cut(out->syscall, sizeof out->syscall, ps__syscall_name(sc->nr),
                 strlen(ps__syscall_name(sc->nr)));
    const uint64_t *a = sc->args;
    long nr = sc->nr;
    switch (nr) {
    case SYS_read:
    case SYS_readv:
    case SYS_pread64:
    case SYS_preadv:
#ifdef SYS_preadv2
    case SYS_preadv2:
#endif
    case SYS_recvfrom:
    case SYS_recvmsg:
    case SYS_recvmmsg:
        on_read(pid, (int)a[0], tree, n, out);
        return;
    case SYS_write:
    case SYS_writev:
    case SYS_pwrite64:
        on_write(pid, nr, (int)a[0], tree, n, out);
        return;
    case SYS_futex:
        on_futex(pid, a[0], (a[1] & FUTEX_PRIVATE_FLAG) != 0, out);
        return;
#ifdef SYS_futex_waitv
    case SYS_futex_waitv: { /* the first of its waiters: {val, uaddr, flags} */
        uint64_t w[3];
        if (read_mem(pid, a[0], w, sizeof w) == 0)
            on_futex(pid, w[1], (w[2] & FUTEX_PRIVATE_FLAG) != 0, out);
        else
            set(out, PS_CAUSE_SYS_FUTEX_THREAD, 0, 0);
        return;
    }
#endif
    case SYS_wait4:
    case SYS_waitid:
        on_wait(pid, nr, a, out);
        return;
    case SYS_nanosleep: set(out, PS_CAUSE_SYS_SLEEP, sleep_ms(pid, a[0], 0, 0), 0); return;
    case SYS_clock_nanosleep:
        set(out, PS_CAUSE_SYS_SLEEP,
            sleep_ms(pid, a[2], (a[1] & TIMER_ABSTIME) != 0, (clockid_t)(int32_t)a[0]), 0);
        return;
#ifdef SYS_poll
    case SYS_poll:
#endif
    case SYS_ppoll:
        set(out, PS_CAUSE_SYS_POLL, (int64_t)(uint32_t)a[1], 0);
        return;
#ifdef SYS_select
    case SYS_select:
#endif
    case SYS_pselect6: {
        int64_t k = select_count(pid, a);
        set(out, PS_CAUSE_SYS_SELECT, k >= 0 ? k : (int64_t)(int32_t)a[0], 0);
        return;
    }
#ifdef SYS_epoll_wait
    case SYS_epoll_wait:
#endif
#ifdef SYS_epoll_pwait2
    case SYS_epoll_pwait2:
#endif
    case SYS_epoll_pwait:
        set(out, PS_CAUSE_SYS_EPOLL, 0, 0);
        return;
    case SYS_accept:
    case SYS_accept4: set(out, PS_CAUSE_SYS_ACCEPT, 0, 0); return;
#ifdef SYS_pause
    case SYS_pause:
#endif
    case SYS_rt_sigsuspend:
    case SYS_rt_sigtimedwait: set(out, PS_CAUSE_SYS_SIGNAL, 0, 0); return;
    case SYS_restart_syscall:
        /* a relative sleep, poll or futex wait stopped (SIGSTOP) and
         * continued goes on in the kernel's restart block, which no file
         * shows: the registers still hold the first call's arguments, but
         * not which call it was */
        set(out, PS_CAUSE_KERNEL_WAIT, 0, 0);
        return;
    default: set(out, PS_CAUSE_SYS_OTHER, nr, 0); return;
    }
}
