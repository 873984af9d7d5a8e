/* trace_keeper.c — the keeper: without ptrace, nothing of the tree
 * outlives procsim, however procsim ends (trace.h).
 *
 * Under ptrace, PTRACE_O_EXITKILL kills every tracee when procsim dies.
 * The fallback has nothing like it (only the root has PDEATHSIG), so
 * procsim forks a small keeper before it lets the root run.  procsim
 * tells it every process of the tree it discovers (pid and start time,
 * /proc/PID/stat field 22) over a socket pair (a pipe that cannot
 * SIGPIPE procsim: send with MSG_NOSIGNAL).  When that socket reaches its
 * end — procsim closed it, or procsim is gone, killed or not — or
 * procsim's pidfd says it has exited (should a copy of procsim's end have
 * leaked into a process that lives on), the keeper stops every process it
 * was told of that is still the same process (its start time matches),
 * then every descendant of those it finds in /proc (ppid chains, scanned
 * again until no new one turns up: stopped, they cannot fork, and their
 * children keep their ppid), kills them all with SIGKILL, and exits.
 *
 * What it must not do: be the subreaper (procsim stays the tree's: the
 * setting is not inherited by fork), hold a descriptor of the tree's (it
 * closes every descriptor but its two at once), take a signal meant for
 * the tree or for procsim (it blocks every signal and has a process group
 * of its own, so `kill 0` from the tree and Ctrl-C pass it by), be seen as
 * a process of the tree (trace_fallback.c skips it among procsim's
 * children), or live on while procsim lives (procsim ends it at destroy
 * with an explicit last record, then reaps it through its pidfd).
 * Between fork and _exit it makes plain system calls only: the host may
 * have other threads, so nothing that may take a lock (no malloc, no
 * stdio).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trace_driver.h"

#define KEEP_MAX (1 << 16) /* processes remembered (1 MB reserved, used lazily) */
#define KEEP_ROUNDS 1000   /* /proc scans at most, should the tree keep forking */

typedef struct keep_rec {
    int64_t pid;              /* 0: procsim ends normally (the last record) */
    uint64_t start;           /* clock ticks after boot */
} keep_rec;

/* ---- /proc without libc locks -------------------------------------------- */

/* ppid (field 4) and start time (field 22) of pid; 0, or -1 if gone. */
static int stat_of(pid_t pid, pid_t *ppid, uint64_t *start)
{
    char path[32] = "/proc/", buf[1024], digits[16];
    int nd = 0;
    for (unsigned v = (unsigned)pid; nd == 0 || v; v /= 10)
        digits[nd++] = (char)('0' + v % 10);
    size_t at = 6;
    while (nd)
        path[at++] = digits[--nd];
    memcpy(path + at, "/stat", 6);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -1;
    ssize_t paren = n;
    while (paren > 0 && buf[paren - 1] != ')')
        paren--; /* the last ')': comm may hold any byte */
    if (!paren)
        return -1;
    uint64_t field[23] = {0};
    int f = 2; /* buf[paren] starts field 3 (after a blank) */
    for (ssize_t i = paren; i < n && f <= 22; i++) {
        if (buf[i] == ' ') {
            f++;
            continue;
        }
        if (buf[i] >= '0' && buf[i] <= '9')
            field[f] = field[f] * 10 + (uint64_t)(buf[i] - '0');
    }
    if (f < 22)
        return -1;
    *ppid = (pid_t)field[4];
    *start = field[22];
    return 0;
}

/* sig to pid if it is still the process that started at `start`: the
 * pidfd is taken first, so a pid reused after the check is never hit. */
static void signal_same(pid_t pid, uint64_t start, int sig)
{
    pid_t ppid;
    uint64_t now;
    int fd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (stat_of(pid, &ppid, &now) == 0 && now == start) {
        if (fd >= 0)
            syscall(SYS_pidfd_send_signal, fd, sig, NULL, 0);
        else if (errno == ENOSYS)
            kill(pid, sig);
    }
    if (fd >= 0)
        close(fd);
}

static int holds(const keep_rec *set, size_t n, pid_t pid)
{
    for (size_t i = 0; i < n; i++)
        if (set[i].pid == pid)
            return 1;
    return 0;
}

/* The descendants of the set in /proc, appended (and stopped); how many
 * were new. */
static size_t scan_descendants(keep_rec *set, size_t *n)
{
    int dir = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return 0;
    size_t added = 0;
    char buf[4096];
    long got;
    while ((got = syscall(SYS_getdents64, dir, buf, sizeof buf)) > 0) {
        for (long off = 0; off < got;) {
            struct {
                uint64_t ino;
                int64_t off;
                unsigned short reclen;
                unsigned char type;
                char name[];
            } *d = (void *)(buf + off);
            off += d->reclen;
            pid_t pid = 0;
            const char *c = d->name;
            while (*c >= '0' && *c <= '9' && pid < INT_MAX / 10)
                pid = pid * 10 + (*c++ - '0');
            pid_t ppid;
            uint64_t start;
            if (*c || pid <= 0 || holds(set, *n, pid) || *n >= KEEP_MAX ||
                stat_of(pid, &ppid, &start) || !holds(set, *n, ppid))
                continue;
            set[(*n)++] = (keep_rec){pid, start};
            signal_same(pid, start, SIGSTOP);
            added++;
        }
    }
    close(dir);
    return added;
}

static void __attribute__((noreturn)) end_tree(keep_rec *set, size_t n)
{
    size_t live = 0;
    for (size_t i = 0; i < n; i++) { /* the same processes, still there */
        pid_t ppid;
        uint64_t start;
        if (stat_of((pid_t)set[i].pid, &ppid, &start) == 0 && start == set[i].start &&
            !holds(set, live, (pid_t)set[i].pid)) {
            set[live++] = set[i];
            signal_same((pid_t)set[i].pid, set[i].start, SIGSTOP);
        }
    }
    for (int round = 0; live && round < KEEP_ROUNDS && scan_descendants(set, &live); round++) {
    }
    for (size_t i = 0; i < live; i++)
        signal_same((pid_t)set[i].pid, set[i].start, SIGKILL);
    _exit(0);
}

/* Closes every descriptor but a and b. */
static void close_others(int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    if (syscall(SYS_close_range, 0, lo - 1 < 0 ? 0 : lo - 1, 0) == 0 || lo == 0) {
        if ((lo + 1 > hi - 1 || syscall(SYS_close_range, lo + 1, hi - 1, 0) == 0) &&
            syscall(SYS_close_range, hi + 1, ~0U, 0) == 0)
            return;
    }
    struct rlimit rl;
    long max = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
                   ? (long)rl.rlim_cur
                   : 65536;
    for (long fd = 0; fd < max; fd++)
        if (fd != a && fd != b)
            close((int)fd);
}

static void __attribute__((noreturn)) keeper_main(int rd, int procsim)
{
    close_others(rd, procsim);
    setpgid(0, 0);
    if (chdir("/"))
        (void)0; /* holds no directory of procsim's busy; harmless if not */
    keep_rec *set = mmap(NULL, (size_t)KEEP_MAX * sizeof *set, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (set == MAP_FAILED)
        _exit(1); /* procsim sees it gone at its first record */
    size_t n = 0;
    struct pollfd pf[2] = {{rd, POLLIN, 0}, {procsim, POLLIN, 0}};
    for (;;) {
        if (poll(pf, procsim >= 0 ? 2 : 1, -1) < 0)
            continue; /* EINTR, ENOMEM: never a reason to end the tree */
        int gone = procsim >= 0 && pf[1].revents;
        keep_rec rec;
        ssize_t got;
        while ((got = recv(rd, &rec, sizeof rec, MSG_DONTWAIT)) == (ssize_t)sizeof rec) {
            if (rec.pid <= 0)
                end_tree(set, n);
            if (n < KEEP_MAX)
                set[n++] = rec;
        }
        if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR) || gone)
            end_tree(set, n);
    }
}

/* ---- procsim's side ------------------------------------------------------ */

int ps__keeper_start(ps_trace *t)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv))
        return -1;
    int self = (int)syscall(SYS_pidfd_open, getpid(), 0); /* -1: it reads the socket only */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pid_t pid = fork();
    if (pid == 0)
        keeper_main(sv[1], self); /* every signal stays blocked */
    int saved = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    close(sv[1]);
    if (self >= 0)
        close(self);
    if (pid < 0) {
        close(sv[0]);
        errno = saved;
        return -1;
    }
    t->keeper_pid = pid;
    t->keeper_wr = sv[0];
    t->keeper_fd = (int)syscall(SYS_pidfd_open, pid, 0);
    return 0;
}

void ps__keeper_tell(ps_trace *t, pid_t pid)
{
    pid_t ppid;
    keep_rec rec = {pid, 0};
    if (t->keeper_wr < 0 || stat_of(pid, &ppid, &rec.start))
        return;
    ssize_t n;
    do
        n = send(t->keeper_wr, &rec, sizeof rec, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
}

void ps__keeper_stop(ps_trace *t)
{
    if (t->keeper_wr >= 0) {
        keep_rec last = {0, 0};
        if (send(t->keeper_wr, &last, sizeof last, MSG_NOSIGNAL) < 0)
            (void)0; /* it is gone already: reaped below all the same */
        close(t->keeper_wr);
        t->keeper_wr = -1;
    }
    if (t->keeper_pid > 0) {
        siginfo_t si;
        int rc;
        do
            rc = t->keeper_fd >= 0 ? waitid(P_PIDFD, (id_t)t->keeper_fd, &si, WEXITED)
                                   : waitid(P_PID, (id_t)t->keeper_pid, &si, WEXITED);
        while (rc < 0 && errno == EINTR);
        t->keeper_pid = 0;
    }
    if (t->keeper_fd >= 0)
        close(t->keeper_fd);
    t->keeper_fd = -1;
}
