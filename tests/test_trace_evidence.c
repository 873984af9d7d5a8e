/* test_trace_evidence.c — the kernel's evidence about a real task, read the
 * way the trace backend reads it (sim/trace/trace_evidence.h): real
 * children put to sleep in one system call each (a pipe read with a
 * writer holding the other end, a socketpair recv, wait4 for one child, a
 * sleep, poll, select, a futex shared between processes or not, pause,
 * a terminal, ...), and the cause each sleep is put in, with its numbers;
 * the stat parser on names that try to fool it; the hook's name lines in
 * pieces; the notes in words; the Python hook itself, when python3 is
 * here.  Every child is killed and reaped after its test (teardown), and
 * dies with the suite (PR_SET_PDEATHSIG).  No test times anything: a
 * child is waited for until /proc shows it asleep, a bounded number of
 * times. */
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "procsim/scenario_build.h"
#include "procsim/trace.h"

#include "trace_evidence.h"
#include "trace_note.h"
#include "trace_util.h"

/* ---- children ------------------------------------------------------------ */

#define MAX_KIDS 8
static pid_t kids[MAX_KIDS];   /* to kill after the test, in order */
static int nkids;
static char fifo_dir[64];      /* a test's named FIFOs, removed after it */

/* A child's read or write whose outcome does not matter (a byte or EOF
 * alike ends its wait; a parent gone is the end anyway): glibc's fortified
 * read and write would have their results looked at. */
static void sync_read(int fd, void *buf, size_t n)
{
    ssize_t r = read(fd, buf, n);
    (void)r;
}

static void sync_write(int fd, const void *buf, size_t n)
{
    ssize_t r = write(fd, buf, n);
    (void)r;
}

/* fork; in the child (0 returned) it dies with the suite. */
static pid_t kid(void)
{
    assert_true(nkids < MAX_KIDS);
    pid_t parent = getpid(), pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(1);
        return 0;
    }
    kids[nkids++] = pid;
    return pid;
}

/* A pid the test learned that is not its child (a grandchild): killed too. */
static void also_kill(pid_t pid)
{
    assert_true(nkids < MAX_KIDS);
    kids[nkids++] = pid;
}

static int cleanup(void **state)
{
    (void)state;
    for (int i = 0; i < nkids; i++)
        kill(kids[i], SIGKILL);
    for (int i = 0; i < nkids; i++)
        while (waitpid(kids[i], NULL, 0) < 0 && errno == EINTR) {
        } /* ECHILD for a grandchild: its parent reaps it */
    nkids = 0;
    if (fifo_dir[0]) {
        char path[96];
        snprintf(path, sizeof path, "%s/f", fifo_dir);
        unlink(path);
        rmdir(fifo_dir);
        fifo_dir[0] = 0;
    }
    return 0;
}

static void forever(void)
{
    for (;;)
        pause();
}

/* Wait until /proc shows pid asleep (S or D) in system call nr (-1: in
 * any); its call in *sc.  Bounded: a child that never gets there fails
 * the test, after some 20 s. */
static void await_sleep(pid_t pid, long nr, ps__task_syscall *sc)
{
    ps__taskfd f;
    assert_int_equal(ps__taskfd_open(&f, pid, pid), 0);
    for (int i = 0; i < 20000; i++) {
        ps__task_sample s;
        assert_int_equal(ps__task_read(&f, &s), 0);
        if ((s.state == 'S' || s.state == 'D') && ps__task_syscall_read(&f, sc) == 0 &&
            (nr < 0 || sc->nr == nr)) {
            ps__taskfd_close(&f);
            return;
        }
        usleep(1000);
    }
    ps__taskfd_close(&f);
    fail_msg("child %d never slept in system call %ld", (int)pid, nr);
}

/* ---- each blocking call: its setup ------------------------------------------ */

typedef struct scene {
    pid_t target;      /* the sleeper */
    pid_t tree[4];
    size_t n;
    int64_t a;         /* the number expected */
    int64_t a_lo, a_hi; /* or a range (a_hi > 0) */
} scene;

/* The other processes of a scene have closed what they close and sleep
 * (in pause, or in their own call): only then is who holds what settled. */
static void await_others(const scene *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->tree[i] != s->target) {
            ps__task_syscall sc;
            await_sleep(s->tree[i], -1, &sc);
        }
}

static void in_tree(scene *s, pid_t p)
{
    s->tree[s->n++] = p;
}

static void pipe_read(scene *s)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t w = kid();
    if (w == 0) {
        close(p[0]);
        forever();
    }
    pid_t r = kid();
    if (r == 0) {
        close(p[1]);
        char c;
        sync_read(p[0], &c, 1);
        _exit(0);
    }
    close(p[0]);
    close(p[1]);
    s->target = r;
    s->a = w;
    in_tree(s, r);
    in_tree(s, w);
}

static void pipe_write_full(scene *s)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t r = kid();
    if (r == 0) {
        close(p[1]);
        forever();
    }
    pid_t w = kid();
    if (w == 0) {
        close(p[0]);
        fcntl(p[1], F_SETFL, O_NONBLOCK);
        char buf[4096] = {0};
        while (write(p[1], buf, sizeof buf) > 0 || errno == EINTR) {
        }
        fcntl(p[1], F_SETFL, 0);
        sync_write(p[1], buf, 1);
        _exit(0);
    }
    close(p[0]);
    close(p[1]);
    s->target = w;
    s->a = r;
    in_tree(s, w);
    in_tree(s, r);
}

/* A named FIFO is a pipe too: the reader's writer is found by its inode. */
static void fifo_read(scene *s)
{
    strcpy(fifo_dir, "/tmp/procsim-fifo-XXXXXX");
    assert_non_null(mkdtemp(fifo_dir));
    char path[96];
    snprintf(path, sizeof path, "%s/f", fifo_dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    int rfd = open(path, O_RDONLY | O_NONBLOCK), wfd = open(path, O_WRONLY);
    assert_true(rfd >= 0 && wfd >= 0);
    pid_t w = kid();
    if (w == 0) {
        close(rfd);
        forever();
    }
    pid_t r = kid();
    if (r == 0) {
        close(wfd);
        fcntl(rfd, F_SETFL, 0);
        char c;
        sync_read(rfd, &c, 1);
        _exit(0);
    }
    close(rfd);
    close(wfd);
    s->target = r;
    s->a = w;
    in_tree(s, r);
    in_tree(s, w);
}

/* Opening a FIFO no one writes sleeps in openat: a call with no words. */
static void fifo_open(scene *s)
{
    strcpy(fifo_dir, "/tmp/procsim-fifo-XXXXXX");
    assert_non_null(mkdtemp(fifo_dir));
    char path[96];
    snprintf(path, sizeof path, "%s/f", fifo_dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    pid_t r = kid();
    if (r == 0) {
        open(path, O_RDONLY);
        _exit(0);
    }
    s->target = r;
    s->a = SYS_openat;
    in_tree(s, r);
}

/* A socketpair, each process holding one socket only: the peer is found
 * through sock_diag, not by a shared inode. */
static void socket_pair(scene *s, int use_read)
{
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    pid_t peer = kid();
    if (peer == 0) {
        close(sv[1]);
        forever();
    }
    pid_t r = kid();
    if (r == 0) {
        close(sv[0]);
        char c;
        if (use_read)
            sync_read(sv[1], &c, 1);
        else
            recv(sv[1], &c, 1, 0);
        _exit(0);
    }
    close(sv[0]);
    close(sv[1]);
    s->target = r;
    s->a = peer;
    in_tree(s, r);
    in_tree(s, peer);
}
static void socket_recv(scene *s) { socket_pair(s, 0); }

/* Its peer held by itself alone (a process talking to itself), while
 * another holds its own socket: no one is at the other end. */
static void socket_self(scene *s)
{
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    pid_t other = kid();
    if (other == 0) {
        close(sv[0]);
        forever();
    }
    pid_t r = kid();
    if (r == 0) {
        char c;
        recv(sv[1], &c, 1, 0);
        _exit(0);
    }
    close(sv[0]);
    close(sv[1]);
    s->target = r;
    s->a = 0;
    in_tree(s, r);
    in_tree(s, other);
}

/* A socket with no peer (a datagram socket, unconnected): the other end
 * is whoever else holds it. */
static void socket_unpaired(scene *s)
{
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    assert_true(fd >= 0);
    pid_t other = kid();
    if (other == 0)
        forever();
    pid_t r = kid();
    if (r == 0) {
        char c;
        recv(fd, &c, 1, 0);
        _exit(0);
    }
    close(fd);
    s->target = r;
    s->a = other;
    in_tree(s, r);
    in_tree(s, other);
}
static void socket_read(scene *s) { socket_pair(s, 1); }

/* A child that forks a grandchild and waits: how, by `how`. */
static void waiter(scene *s, int how)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t c = kid();
    if (c == 0) {
        pid_t g = fork();
        if (g == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            forever();
        }
        sync_write(p[1], &g, sizeof g);
        siginfo_t si;
        if (how == 0)
            waitpid(g, NULL, 0);
        else if (how == 1)
            waitpid(-1, NULL, 0);
        else
            waitid(P_PID, (id_t)g, &si, WEXITED);
        _exit(0);
    }
    pid_t g;
    assert_int_equal(read(p[0], &g, sizeof g), (ssize_t)sizeof g);
    close(p[0]);
    close(p[1]);
    also_kill(g);
    s->target = c;
    s->a = how == 1 ? 0 : g;
    in_tree(s, c);
    in_tree(s, g);
}
static void wait_child(scene *s) { waiter(s, 0); }
static void wait_any(scene *s) { waiter(s, 1); }
static void waitid_child(scene *s) { waiter(s, 2); }

static void sleeper(scene *s, int how)
{
    pid_t c = kid();
    if (c == 0) {
        struct timespec ts = {2, 0};
        if (how == 0)
            syscall(SYS_nanosleep, &ts, NULL); /* glibc's nanosleep is clock_nanosleep */
        else if (how == 1)
            clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
        else {
            clock_gettime(CLOCK_MONOTONIC, &ts);
            ts.tv_sec += 60;
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        }
        _exit(0);
    }
    s->target = c;
    if (how == 2) { /* the time left: below the minute asked, above 0 */
        s->a_lo = 1;
        s->a_hi = 60000;
    } else
        s->a = 2000;
    in_tree(s, c);
}
static void sleep_nanosleep(scene *s) { sleeper(s, 0); }
static void sleep_relative(scene *s) { sleeper(s, 1); }
static void sleep_absolute(scene *s) { sleeper(s, 2); }

static void poll_two(scene *s)
{
    int p[2], q[2];
    assert_int_equal(pipe(p), 0);
    assert_int_equal(pipe(q), 0);
    pid_t c = kid();
    if (c == 0) {
        struct pollfd fds[2] = {{p[0], POLLIN, 0}, {q[0], POLLIN, 0}};
        poll(fds, 2, -1);
        _exit(0);
    }
    close(p[0]), close(p[1]), close(q[0]), close(q[1]);
    s->target = c;
    s->a = 2;
    in_tree(s, c);
}

/* select's first argument is the highest fd + 1 (21 here); the row says
 * how many it waits on. */
static void select_two(scene *s)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t c = kid();
    if (c == 0) {
        int hi = dup2(p[0], 20);
        fd_set rs;
        FD_ZERO(&rs);
        FD_SET(p[0], &rs);
        FD_SET(hi, &rs);
        select(hi + 1, &rs, NULL, NULL, NULL);
        _exit(0);
    }
    close(p[0]), close(p[1]);
    s->target = c;
    s->a = 2;
    in_tree(s, c);
}

static int private_word;

static void futex_waiter(scene *s, int shared, int private_flag)
{
    int *word = &private_word;
    if (shared) {
        word = mmap(NULL, sizeof *word, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1,
                    0);
        assert_true(word != MAP_FAILED);
        *word = 0;
    }
    pid_t c = kid();
    if (c == 0) {
        syscall(SYS_futex, word, FUTEX_WAIT | (private_flag ? FUTEX_PRIVATE_FLAG : 0), 0, NULL,
                NULL, 0);
        _exit(0);
    }
    if (shared)
        munmap(word, sizeof *word);
    s->target = c;
    in_tree(s, c);
}
static void futex_shared(scene *s) { futex_waiter(s, 1, 0); }
static void futex_private(scene *s) { futex_waiter(s, 0, 0); }
static void futex_shared_private_flag(scene *s) { futex_waiter(s, 1, 1); }

static void just(scene *s, int how)
{
    pid_t c = kid();
    if (c == 0) {
        sigset_t set;
        sigemptyset(&set);
        if (how == 0)
            pause();
        else if (how == 1)
            sigsuspend(&set);
        else {
            sigaddset(&set, SIGUSR1);
            sigprocmask(SIG_BLOCK, &set, NULL);
            sigwaitinfo(&set, NULL);
        }
        _exit(0);
    }
    s->target = c;
    in_tree(s, c);
}
static void just_pause(scene *s) { just(s, 0); }
static void just_sigsuspend(scene *s) { just(s, 1); }
static void just_sigwait(scene *s) { just(s, 2); }

static void tty_read(scene *s)
{
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(m >= 0);
    assert_int_equal(grantpt(m), 0);
    assert_int_equal(unlockpt(m), 0);
    char name[64];
    assert_int_equal(ptsname_r(m, name, sizeof name), 0);
    pid_t c = kid();
    if (c == 0) {
        int t = open(name, O_RDWR | O_NOCTTY);
        char ch;
        sync_read(t, &ch, 1);
        _exit(0);
    }
    /* the terminal must stay open while the child reads it: closed after
     * the child is (the master is this process's, the child holds a copy) */
    close(m);
    s->target = c;
    in_tree(s, c);
}

static void read_eventfd(scene *s)
{
    pid_t c = kid();
    if (c == 0) {
        int fd = dup2(eventfd(0, 0), 17);
        uint64_t v;
        sync_read(fd, &v, sizeof v);
        _exit(0);
    }
    s->target = c;
    s->a = 17;
    in_tree(s, c);
}

static void accept_one(scene *s)
{
    pid_t c = kid();
    if (c == 0) {
        /* an abstract name: no file to remove */
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        int len = snprintf(sa.sun_path + 1, sizeof sa.sun_path - 1, "procsim-test-%d", getpid());
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (bind(fd, (struct sockaddr *)&sa, (socklen_t)(offsetof(struct sockaddr_un, sun_path) +
                                                          1 + (size_t)len)) == 0 &&
            listen(fd, 1) == 0)
            accept(fd, NULL, NULL);
        _exit(0);
    }
    s->target = c;
    in_tree(s, c);
}

static void epoll_one(scene *s)
{
    pid_t c = kid();
    if (c == 0) {
        struct epoll_event ev;
        epoll_wait(epoll_create1(0), &ev, 1, -1);
        _exit(0);
    }
    s->target = c;
    in_tree(s, c);
}

/* The calls, the cause each is put in, and what its number must be. */
enum { A_NONE, A_EXACT, A_PEER };
static const struct {
    const char *name;
    void (*setup)(scene *s);
    long nr;            /* the call to wait for (-1: the one it sleeps in) */
    ps_cause cause;
    int a_kind;
} blockers[] = {
    {"read on a pipe: its writer", pipe_read, SYS_read, PS_CAUSE_SYS_PIPE_READ, A_PEER},
    {"write on a full pipe: its reader", pipe_write_full, SYS_write, PS_CAUSE_SYS_PIPE_WRITE,
     A_PEER},
    {"read on a named FIFO: its writer", fifo_read, SYS_read, PS_CAUSE_SYS_PIPE_READ, A_PEER},
    {"open of a FIFO: another call", fifo_open, SYS_openat, PS_CAUSE_SYS_OTHER, A_EXACT},
    {"recv on a socketpair: its peer", socket_recv, -1, PS_CAUSE_SYS_SOCKET_READ, A_PEER},
    {"read on a socketpair: its peer", socket_read, SYS_read, PS_CAUSE_SYS_SOCKET_READ, A_PEER},
    {"recv on a socketpair it holds both ends of: no one", socket_self, -1,
     PS_CAUSE_SYS_SOCKET_READ, A_PEER},
    {"recv on a socket with no peer: another holder", socket_unpaired, -1,
     PS_CAUSE_SYS_SOCKET_READ, A_PEER},
    {"wait4 for one child", wait_child, SYS_wait4, PS_CAUSE_SYS_WAIT4, A_PEER},
    {"wait4 for any child", wait_any, SYS_wait4, PS_CAUSE_SYS_WAIT4, A_EXACT},
    {"waitid for one child", waitid_child, SYS_waitid, PS_CAUSE_SYS_WAIT4, A_PEER},
    {"nanosleep 2 s", sleep_nanosleep, SYS_nanosleep, PS_CAUSE_SYS_SLEEP, A_EXACT},
    {"clock_nanosleep 2 s", sleep_relative, SYS_clock_nanosleep, PS_CAUSE_SYS_SLEEP, A_EXACT},
    {"clock_nanosleep to a time: the time left", sleep_absolute, SYS_clock_nanosleep,
     PS_CAUSE_SYS_SLEEP, A_EXACT},
    {"poll on 2 fds", poll_two, -1, PS_CAUSE_SYS_POLL, A_EXACT},
    {"select on 2 fds", select_two, -1, PS_CAUSE_SYS_SELECT, A_EXACT},
    {"futex in a shared mapping: a lock", futex_shared, SYS_futex, PS_CAUSE_SYS_FUTEX_LOCK,
     A_NONE},
    {"futex in a private mapping: a thread", futex_private, SYS_futex, PS_CAUSE_SYS_FUTEX_THREAD,
     A_NONE},
    {"private futex in a shared mapping: a thread", futex_shared_private_flag, SYS_futex,
     PS_CAUSE_SYS_FUTEX_THREAD, A_NONE},
    {"pause", just_pause, -1, PS_CAUSE_SYS_SIGNAL, A_NONE},
    {"sigsuspend", just_sigsuspend, SYS_rt_sigsuspend, PS_CAUSE_SYS_SIGNAL, A_NONE},
    {"sigwaitinfo", just_sigwait, SYS_rt_sigtimedwait, PS_CAUSE_SYS_SIGNAL, A_NONE},
    {"read on a terminal", tty_read, SYS_read, PS_CAUSE_SYS_READ_TTY, A_NONE},
    {"read on an eventfd: its number", read_eventfd, SYS_read, PS_CAUSE_SYS_READ_FD, A_EXACT},
    {"accept", accept_one, -1, PS_CAUSE_SYS_ACCEPT, A_NONE},
    {"epoll_wait", epoll_one, -1, PS_CAUSE_SYS_EPOLL, A_NONE},
};

static void each_call_has_its_cause(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof blockers / sizeof *blockers; i++) {
        scene s = {0};
        blockers[i].setup(&s);
        ps__task_syscall sc;
        await_others(&s);
        await_sleep(s.target, blockers[i].nr, &sc);
        ps__why why;
        ps__why_blocked(s.target, s.target, 'S', &sc, s.tree, s.n, &why);
        if (why.cause != blockers[i].cause)
            fail_msg("%s: cause %d, expected %d (in %s, nr %ld)", blockers[i].name,
                     (int)why.cause, (int)blockers[i].cause, why.syscall, sc.nr);
        if (strcmp(why.syscall, ps__syscall_name(sc.nr)) != 0 || !why.syscall[0])
            fail_msg("%s: call named '%s' (nr %ld)", blockers[i].name, why.syscall, sc.nr);
        int peer = blockers[i].a_kind == A_PEER;
        if (peer != why.peer_is_a)
            fail_msg("%s: peer_is_a %d", blockers[i].name, why.peer_is_a);
        /* a pipe's or a socket's inode is b: the object itself */
        ps__fd_info fi = {0};
        int on_object = why.cause == PS_CAUSE_SYS_PIPE_READ || why.cause == PS_CAUSE_SYS_PIPE_WRITE ||
                        why.cause == PS_CAUSE_SYS_SOCKET_READ;
        if (on_object)
            assert_int_equal(ps__fd_describe(s.target, (int)sc.args[0], &fi), 0);
        if (why.b != (on_object ? (int64_t)fi.inode : 0) || (on_object && !fi.inode))
            fail_msg("%s: b = %lld, the inode %llu", blockers[i].name, (long long)why.b,
                     (unsigned long long)fi.inode);
        if (s.a_hi ? why.a < s.a_lo || why.a > s.a_hi
                   : blockers[i].a_kind != A_NONE && why.a != s.a)
            fail_msg("%s: a = %lld, expected %lld [%lld..%lld]", blockers[i].name,
                     (long long)why.a, (long long)s.a, (long long)s.a_lo, (long long)s.a_hi);
        cleanup(NULL);
    }
}

/* Alone in the tree, a pipe's reader has no writer to name (the test
 * process gave its ends away): "read on pipe", a 0. */
static void a_pipe_with_no_other_end_in_the_tree_names_none(void **state)
{
    (void)state;
    scene s = {0};
    pipe_read(&s);
    ps__task_syscall sc;
    await_others(&s);
    await_sleep(s.target, SYS_read, &sc);
    ps__why why;
    ps__why_blocked(s.target, s.target, 'S', &sc, &s.target, 1, &why);
    assert_int_equal(why.cause, PS_CAUSE_SYS_PIPE_READ);
    assert_int_equal(why.a, 0);
    /* the reader itself holds the read end only: it is not its own writer */
    ps__fd_info fi;
    assert_int_equal(ps__fd_describe(s.target, (int)sc.args[0], &fi), 0);
    assert_int_equal(fi.kind, PS__FD_PIPE);
    assert_true(fi.readable && !fi.writable);
    assert_int_equal(ps__fd_peer(s.tree, s.n, s.target, &fi, 0), 0); /* no other reader */
    assert_int_equal(ps__fd_peer(s.tree, s.n, s.target, &fi, 1), s.a);
}

static void no_call_is_a_kernel_or_disk_wait(void **state)
{
    (void)state;
    ps__why why;
    ps__why_blocked(getpid(), getpid(), 'S', NULL, NULL, 0, &why);
    assert_int_equal(why.cause, PS_CAUSE_KERNEL_WAIT);
    assert_string_equal(why.syscall, "");
    ps__why_blocked(getpid(), getpid(), 'D', NULL, NULL, 0, &why);
    assert_int_equal(why.cause, PS_CAUSE_DISK_WAIT);
    ps__task_syscall none = {.nr = -1};
    ps__why_blocked(getpid(), getpid(), 'S', &none, NULL, 0, &why);
    assert_int_equal(why.cause, PS_CAUSE_KERNEL_WAIT);
    /* a call with no words gives its number */
    ps__task_syscall other = {.nr = SYS_getppid};
    ps__why_blocked(getpid(), getpid(), 'S', &other, NULL, 0, &why);
    assert_int_equal(why.cause, PS_CAUSE_SYS_OTHER);
    assert_int_equal(why.a, SYS_getppid);
    assert_string_equal(why.syscall, "getppid");
}

/* A relative sleep stopped and continued is restarted by the kernel as
 * restart_syscall, whose call is not to be known: a kernel wait. */
static void a_restarted_call_is_a_kernel_wait(void **state)
{
    (void)state;
    scene s = {0};
    s.target = kid();
    if (s.target == 0) {
        struct timespec ts = {600, 0};
        clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
        _exit(0);
    }
    in_tree(&s, s.target);
    ps__task_syscall sc;
    await_sleep(s.target, SYS_clock_nanosleep, &sc);
    assert_int_equal(kill(s.target, SIGSTOP), 0);
    assert_int_equal(kill(s.target, SIGCONT), 0);
    await_sleep(s.target, SYS_restart_syscall, &sc);
    ps__why why;
    ps__why_blocked(s.target, s.target, 'S', &sc, s.tree, s.n, &why);
    assert_int_equal(why.cause, PS_CAUSE_KERNEL_WAIT);
    assert_string_equal(why.syscall, "restart_syscall");
}

static void syscall_names_are_this_machines(void **state)
{
    (void)state;
    static const struct {
        long nr;
        const char *name;
    } rows[] = {
        {SYS_read, "read"},     {SYS_write, "write"},       {SYS_wait4, "wait4"},
        {SYS_futex, "futex"},   {SYS_ppoll, "ppoll"},       {SYS_clock_nanosleep, "clock_nanosleep"},
        {SYS_waitid, "waitid"}, {SYS_recvfrom, "recvfrom"}, {SYS_rt_sigsuspend, "rt_sigsuspend"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        assert_string_equal(ps__syscall_name(rows[i].nr), rows[i].name);
    assert_string_equal(ps__syscall_name(-1), "");
    assert_string_equal(ps__syscall_name(100000), "");
}

/* ---- the task's files ------------------------------------------------------- */

/* stat's comm may hold spaces and parentheses: only the last ')' ends it. */
static void stat_parser_is_not_fooled_by_comm(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        char state;
        pid_t ppid;
        int32_t cpu;
    } rows[] = {
        {"42 (a) (b) S 7 42 42 0 -1 4194560 11 0 3 0 5 6 0 0 20 0 1 0 100 1000 50 "
         "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 3 0 0 0 0 0",
         'S', 7, 3},
        {"9 ( ) R ) Z 1 ) D 8 9 9 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 1 1 1 1 1 0 0 0 0 0 0 0 0 0 "
         "0 17 1 0",
         'D', 8, 1},
        {"5 (x) T 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 1 1 1 1 1 0 0 0 0 0 0 0 0 0 0 17 0",
         'T', 1, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        ps__task_sample s;
        memset(&s, 0, sizeof s);
        assert_int_equal(ps__stat_parse(rows[i].line, &s), 0);
        assert_int_equal(s.state, rows[i].state);
        assert_int_equal(s.ppid, rows[i].ppid);
        assert_int_equal(s.cpu, rows[i].cpu);
    }
    ps__task_sample s;
    assert_int_equal(ps__stat_parse("no parenthesis here", &s), -1);
    assert_int_equal(ps__stat_parse("1 (x)", &s), -1);
}

/* And for real: a child named ") (x) S 1 (" is read right. */
static void a_real_task_is_sampled(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t c = kid();
    if (c == 0) {
        prctl(PR_SET_NAME, ") (x) R 1 (");
        close(p[1]);
        char ch;
        sync_read(p[0], &ch, 1);
        _exit(0);
    }
    close(p[0]);
    ps__task_syscall sc;
    await_sleep(c, SYS_read, &sc);
    ps__taskfd f;
    assert_int_equal(ps__taskfd_open(&f, c, c), 0);
    ps__task_sample s;
    assert_int_equal(ps__task_read(&f, &s), 0);
    assert_int_equal(s.state, 'S');
    assert_int_equal(s.ppid, getpid());
    assert_true(s.cpu >= 0);
    assert_true(s.rss_kb > 0);
    assert_true(s.run_ns > 0 && s.slices > 0);
    assert_int_equal(sc.args[0], (uint64_t)p[0]);
    char buf[64];
    ps__proc_comm(c, buf, sizeof buf);
    assert_string_equal(buf, ") (x) R 1 (");
    ps__task_wchan(c, c, buf, sizeof buf);
    assert_non_null(strstr(buf, "pipe_read"));
    char self[160], theirs[160];
    ps__proc_cmdline(getpid(), self, sizeof self);
    ps__proc_cmdline(c, theirs, sizeof theirs);
    assert_string_equal(self, theirs);
    assert_non_null(strstr(self, "test_trace_evidence"));
    ps__proc_cmdline(c, buf, 5);
    assert_int_equal(strlen(buf), 4); /* cut to fit */
    /* it ends; its files say so, and nothing is an error */
    close(p[1]);
    while (waitpid(c, NULL, 0) < 0 && errno == EINTR) {
    }
    nkids = 0;
    assert_int_equal(ps__task_read(&f, &s), -1);
    assert_int_equal(s.state, 0);
    assert_int_equal(ps__task_syscall_read(&f, &sc), -1);
    ps__taskfd_close(&f);
    assert_int_equal(f.stat, -1);
    assert_int_equal(ps__taskfd_open(&f, c, c), -1);
    assert_int_equal(f.stat, -1);
    assert_int_equal(f.sched, -1);
    assert_int_equal(f.syscall, -1);
    ps__proc_comm(c, buf, sizeof buf);
    assert_string_equal(buf, "");
    assert_int_equal(ps__proc_tasks(c, NULL, 0), -1);
}

/* An exec'd command's line, its words apart, and its comm. */
static void a_command_line_has_its_words(void **state)
{
    (void)state;
    pid_t c = kid();
    if (c == 0) {
        execlp("sleep", "sleep", "60", (char *)NULL);
        _exit(127);
    }
    ps__task_syscall sc;
    await_sleep(c, SYS_clock_nanosleep, &sc);
    char buf[160];
    ps__proc_cmdline(c, buf, sizeof buf);
    assert_string_equal(buf, "sleep 60");
    ps__proc_comm(c, buf, sizeof buf);
    assert_string_equal(buf, "sleep");
    ps__why why;
    ps__why_blocked(c, c, 'S', &sc, &c, 1, &why);
    assert_int_equal(why.cause, PS_CAUSE_SYS_SLEEP);
    assert_int_equal(why.a, 60000);
}

static void *thread_sleeps(void *arg)
{
    (void)arg;
    forever();
    return NULL;
}

/* Threads and children: counted, the lowest kept in order. */
static void tasks_and_children_are_listed(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t c = kid();
    if (c == 0) {
        pthread_t t;
        for (int i = 0; i < 2; i++)
            pthread_create(&t, NULL, thread_sleeps, NULL);
        pid_t g[3];
        for (int i = 0; i < 3; i++)
            if ((g[i] = fork()) == 0) {
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                forever();
            }
        sync_write(p[1], g, sizeof g);
        forever();
    }
    pid_t g[3];
    assert_int_equal(read(p[0], g, sizeof g), (ssize_t)sizeof g);
    close(p[0]), close(p[1]);
    for (int i = 0; i < 3; i++)
        also_kill(g[i]);
    pid_t tids[8];
    int n = 0;
    for (int i = 0; i < 20000 && (n = ps__proc_tasks(c, tids, 8)) < 3; i++)
        usleep(1000);
    assert_int_equal(n, 3);
    assert_int_equal(tids[0], c); /* the main thread's tid is the pid, the lowest */
    assert_true(tids[1] < tids[2]);
    assert_int_equal(ps__proc_tasks(c, tids, 1), 3);
    assert_int_equal(tids[0], c);
    pid_t kids_seen[2];
    assert_int_equal(ps__task_children(c, c, kids_seen, 2), 3);
    pid_t lo = g[0] < g[1] ? g[0] : g[1];
    lo = lo < g[2] ? lo : g[2];
    assert_int_equal(kids_seen[0], lo);
    assert_true(kids_seen[0] < kids_seen[1]);
    assert_int_equal(ps__task_children(g[0], g[0], NULL, 0), 0);
}

/* ---- the hook's lines --------------------------------------------------------- */

typedef struct seen {
    int n;
    pid_t pid[8];
    char name[8][64];
} seen;

static void note_name(void *ctx, pid_t pid, const char *name)
{
    seen *s = ctx;
    assert_true(s->n < 8);
    s->pid[s->n] = pid;
    snprintf(s->name[s->n++], sizeof s->name[0], "%s", name);
}

static void names_arrive_in_pieces(void **state)
{
    (void)state;
    static const struct {
        const char *pieces[4];
        size_t name_max;
        int n;
        pid_t pid[2];
        const char *name[2];
    } rows[] = {
        {{"4711 Process-1\n"}, 32, 1, {4711}, {"Process-1"}},
        {{"47", "11 Proc", "ess-1\n12 w", "\n"}, 32, 2, {4711, 12}, {"Process-1", "w"}},
        {{"1 a\tb\x01" "c\x7f" "d\r\n"}, 32, 1, {1}, {"abcd"}},             /* controls dropped */
        {{"1 한글이름\n"}, 8, 1, {1}, {"한글"}},        /* 7 bytes: a third syllable would not fit */
        {{"1 한글이름\n"}, 7, 1, {1}, {"한글"}},        /* exactly two */
        {{"1 한글이름\n"}, 6, 1, {1}, {"한"}},          /* cut at the character */
        {{"1 ab\n", "x y\n", " z\n", "0 zero\n"}, 32, 1, {1}, {"ab"}},         /* not a pid */
        {{"2 \n", "3\n", "4 ok\n"}, 32, 1, {4}, {"ok"}},                       /* no name */
        {{"5 is a name with spaces\n"}, 32, 1, {5}, {"is a name with spaces"}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        ps__names nm = {.len = 0};
        seen s = {0};
        for (int j = 0; j < 4 && rows[i].pieces[j]; j++)
            ps__names_feed(&nm, rows[i].pieces[j], strlen(rows[i].pieces[j]), rows[i].name_max,
                           note_name, &s);
        assert_int_equal(s.n, rows[i].n);
        for (int j = 0; j < s.n; j++) {
            assert_int_equal(s.pid[j], rows[i].pid[j]);
            assert_string_equal(s.name[j], rows[i].name[j]);
        }
    }
}

/* A line longer than the buffer is dropped whole, in however many
 * pieces it comes, and the next line is read: a line of "1 1 1 ...",
 * any tail of which would pass for a line of its own. */
static void a_long_line_is_dropped_whole(void **state)
{
    (void)state;
    char long_line[1000];
    for (size_t i = 0; i < sizeof long_line; i++)
        long_line[i] = i % 2 ? ' ' : '1';
    for (size_t piece = 1; piece <= sizeof long_line; piece *= 3) {
        ps__names nm = {.len = 0};
        seen s = {0};
        for (size_t off = 0; off < sizeof long_line; off += piece) {
            size_t n = sizeof long_line - off < piece ? sizeof long_line - off : piece;
            ps__names_feed(&nm, long_line + off, n, 32, note_name, &s);
        }
        ps__names_feed(&nm, "\n8 next\n", 8, 32, note_name, &s);
        if (s.n != 1 || s.pid[0] != 8 || strcmp(s.name[0], "next") != 0)
            fail_msg("in pieces of %zu: %d names, the first %d '%s'", piece, s.n, (int)s.pid[0],
                     s.name[0]);
    }
    /* one that just fits is kept */
    char fits[sizeof ((ps__names *)0)->buf + 1];
    memset(fits, 'y', sizeof fits);
    memcpy(fits, "9 ", 2);
    fits[sizeof fits - 1] = '\n';
    ps__names nm = {.len = 0};
    seen s = {0};
    ps__names_feed(&nm, fits, sizeof fits, 32, note_name, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(strlen(s.name[0]), 31);
}

/* ---- notes in words -------------------------------------------------------------- */

static ps_scenario *two_procs(void)
{
    ps_builder *b = ps_builder_create("t", "");
    ps_builder_proc(b, "main", 0);
    ps_builder_proc(b, "worker", 0);
    ps_error err;
    ps_scenario *s = ps_builder_finish(b, &err);
    assert_non_null(s);
    s->procs[0].os_pid = 4711;
    s->procs[1].os_pid = 4712;
    return s;
}

static void notes_are_said_in_both_languages(void **state)
{
    (void)state;
    ps_scenario *s = two_procs();
    ps_engine *e = ps_engine_create(s);
    assert_non_null(e);
    /* names come from the PCBs, which exist from the engine's creation */
    static const struct {
        uint8_t kind;
        int64_t a, b;
        const char *text;
        const char *en, *ko;
    } rows[] = {
        {PS_TN_EXEC, 0, 0, "python3 pool.py", "exec python3 pool.py",
         "exec python3 pool.py (프로그램 교체)"},
        {PS_TN_NAME, 0, 0, "Process-1", "named Process-1", "이름: Process-1"},
        {PS_TN_THREADS, 1, 0, "", "1 thread", "스레드 1개"},
        {PS_TN_THREADS, 3, 0, "", "3 threads", "스레드 3개"},
        {PS_TN_SIGNAL, 10, 1, "", "got SIGUSR1 from main (4711)",
         "main (4711)에게서 시그널 SIGUSR1 받음"},
        {PS_TN_SIGNAL, 40, 0, "", "got signal 40", "시그널 signal 40 받음"},
        {PS_TN_SIGNAL, 99, 0, "", "got signal 99", "시그널 signal 99 받음"},
        {PS_TN_REAPED, 1, 0, "", "reaped by main (4711)", "거둔 프로세스: main (4711)"},
        {PS_TN_REAPED, 0, 0, "", "reaped by procsim (the tree's subreaper)",
         "procsim이 거둠 (고아를 맡는 서브리퍼)"},
        {PS_TN_REAPED, 7, 0, "", "reaped by ? (7)", "거둔 프로세스: ? (7)"},
        {PS_TN_ADOPTED, 0, 0, "", "its parent ended first: procsim adopted it",
         "부모가 먼저 끝나 procsim이 입양함"},
        {PS_TN_OUTPUT, 1, 0, "hi\tthere\n", "stdout: hi there", "stdout: hi there"},
        {PS_TN_OUTPUT, 2, 0, "oops\n", "stderr: oops", "stderr: oops"},
        {PS_TN_WARNING, PS_TW_NO_PTRACE, 0, "Operation not permitted",
         "warning: following the tree by sampling, not ptrace (Operation not permitted): a "
         "process that lives less than a sample may be missed",
         "경고: ptrace 대신 표본으로 프로세스 트리를 따라감 (Operation not permitted): 표본 "
         "간격보다 짧게 사는 프로세스는 놓칠 수 있음"},
        /* a warning's {a} is the note's text: its a names the warning */
        {PS_TN_WARNING, PS_TW_LINGER, 2, "5000", "warning: 2 processes still ran 5000 ms after "
         "the command ended: procsim killed them", "경고: 명령이 끝나고 5000 ms가 지나도 "
         "프로세스 2개가 남아 있어 procsim이 죽임"},
        {PS_TN_WARNING, PS_TW_SLOW_SAMPLE, 10, "2400", "warning: sampling took 2400 us of a 10 "
         "ms period: the period is stretched", "경고: 표본 채취에 2400 us가 걸림 (10 ms 간격): "
         "간격을 늘림"},
        {PS_TN_WARNING, PS_TW_UNSHOWN, 1024, "", "warning: more than 1024 processes: the rest "
         "are followed but not shown", "경고: 프로세스가 1024개를 넘음: 나머지는 따라가지만 보여 "
         "주지 않음"},
        /* {errno}: b in words, in each language */
        {PS_TN_WARNING, PS_TW_NO_PTRACE, EPERM, "PTRACE_SEIZE: ",
         "warning: following the tree by sampling, not ptrace (PTRACE_SEIZE: Operation not "
         "permitted): a process that lives less than a sample may be missed",
         "경고: ptrace 대신 표본으로 프로세스 트리를 따라감 (PTRACE_SEIZE: 허용되지 않는 "
         "작업입니다): 표본 간격보다 짧게 사는 프로세스는 놓칠 수 있음"},
        {PS_TN_WARNING, PS_TW_NO_FDS, EMFILE, "", "warning: out of descriptors (Too many open "
         "files): some processes are followed with less evidence", "경고: 파일 디스크립터가 "
         "모자람 (열린 파일이 너무 많습니다): 일부 프로세스는 증거를 덜 모아 따라감"},
        {PS_TN_WARNING, 77, 0, "odd", "warning: odd", "경고: odd"},
        {PS_TN_MISSED, 1, 0, "", "1 process ended unseen between two samples",
         "표본 사이에 프로세스 1개가 보이지 않은 채 끝남"},
        {PS_TN_MISSED, 4, 0, "", "4 processes ended unseen between two samples",
         "표본 사이에 프로세스 4개가 보이지 않은 채 끝남"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        ps_trace_note n = {.kind = rows[i].kind, .a = rows[i].a, .b = rows[i].b,
                           .text = rows[i].text, .len = strlen(rows[i].text), .pid = 2};
        char buf[400];
        assert_string_equal(ps__trace_note_put(e, s, &n, PS_LANG_EN, buf, sizeof buf),
                            rows[i].en);
        assert_string_equal(ps__trace_note_put(e, s, &n, PS_LANG_KO, buf, sizeof buf),
                            rows[i].ko);
    }
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* Every kind, every warning, in both languages: words, with no
 * placeholder left; tokens as trace.h lists them; cut at a character. */
static void every_note_has_words(void **state)
{
    (void)state;
    ps_scenario *s = two_procs();
    for (int k = 0; k < PS_TN_COUNT; k++) {
        assert_true(ps_trace_note_token((ps_trace_note_kind)k)[0] != 0);
        for (int w = 0; w < (k == PS_TN_WARNING ? PS_TW_COUNT : 1); w++)
            for (int a = 0; a < 3; a++)
                for (int lang = 0; lang < PS_LANG_COUNT; lang++) {
                    ps_trace_note n = {.kind = (uint8_t)k, .a = k == PS_TN_WARNING ? w : a,
                                       .b = a, .text = "t", .len = 1};
                    char buf[400];
                    ps__trace_note_put(NULL, s, &n, (ps_lang)lang, buf, sizeof buf);
                    if (!buf[0] || strchr(buf, '{'))
                        fail_msg("note %d (%d, %d) in language %d: '%s'", k, w, a, lang, buf);
                }
    }
    assert_string_equal(ps_trace_note_token(PS_TN_REAPED), "reaped");
    assert_string_equal(ps_trace_note_token(PS_TN_COUNT), "");
    ps_trace_note n = {.kind = PS_TN_ADOPTED};
    char buf[400];
    for (size_t size = 1; size < 60; size++) {
        ps__trace_note_put(NULL, s, &n, PS_LANG_KO, buf, size);
        assert_true(strlen(buf) < size);
        assert_int_equal(ps__whole_chars(buf, strlen(buf)), strlen(buf));
    }
    ps__trace_note_put(NULL, s, &n, PS_LANG_EN, buf, 10);
    assert_string_equal(buf, "its paren");
    n.kind = PS_TN_COUNT;
    assert_string_equal(ps__trace_note_put(NULL, s, &n, PS_LANG_EN, buf, sizeof buf), "");
    ps_scenario_destroy(s);
}

/* ---- the Python hook ------------------------------------------------------------------ */

/* python3 from PATH into buf; 0 if there is none. */
static int find_python(char *buf, size_t size)
{
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t n = end ? (size_t)(end - path) : strlen(path);
        snprintf(buf, size, "%.*s/python3", (int)n, path);
        if (access(buf, X_OK) == 0)
            return 1;
        path += n + (end != NULL);
    }
    return 0;
}

#define HOOK_FD 203
#define HOOK_DIR PROCSIM_SOURCE_DIR "/sim/trace/pyhook"

/* How a Python is run: fd HOOK_FD in it a pipe's write end (PIPE), a
 * regular file (FILE), closed (CLOSED), or PROCSIM_TRACE_FD unset (NONE);
 * `extra` a folder on PYTHONPATH after the hook's. */
enum { HOOK_NONE, HOOK_PIPE, HOOK_FILE, HOOK_CLOSED };
typedef struct py_run {
    int how;
    int file;
    const char *extra;
    char out[2048];   /* its stdout */
    seen names;       /* what the hook said */
} py_run;

/* Its exit status. */
static int run_python(const char *py, const char *program, py_run *r)
{
    int o[2], h[2];
    assert_int_equal(pipe(o), 0);
    assert_int_equal(pipe(h), 0);
    memset(&r->names, 0, sizeof r->names);
    pid_t c = kid();
    if (c == 0) {
        char pp[512];
        snprintf(pp, sizeof pp, "%s%s%s", HOOK_DIR, r->extra ? ":" : "", r->extra ? r->extra : "");
        setenv("PYTHONPATH", pp, 1);
        if (r->extra)
            setenv("PYTHONDONTWRITEBYTECODE", "1", 1); /* the other folder's cache */
        else
            unsetenv("PYTHONDONTWRITEBYTECODE"); /* the hook must not need it */
        if (r->how != HOOK_NONE)
            setenv("PROCSIM_TRACE_FD", "203", 1);
        else
            unsetenv("PROCSIM_TRACE_FD");
        dup2(o[1], 1);
        if (r->how == HOOK_PIPE)
            dup2(h[1], HOOK_FD);
        else if (r->how == HOOK_FILE)
            dup2(r->file, HOOK_FD);
        close(o[0]), close(o[1]), close(h[0]), close(h[1]);
        execl(py, "python3", "-c", program, (char *)NULL);
        _exit(127);
    }
    close(o[1]);
    close(h[1]);
    size_t got = 0;
    ssize_t n;
    while ((n = read(o[0], r->out + got, sizeof r->out - 1 - got)) > 0)
        got += (size_t)n;
    r->out[got] = 0;
    close(o[0]);
    ps__names nm = {.len = 0};
    char buf[512];
    while ((n = read(h[0], buf, sizeof buf)) > 0)
        ps__names_feed(&nm, buf, (size_t)n, PS_TRACE_NAME_MAX, note_name, &r->names);
    close(h[0]);
    int st;
    while (waitpid(c, &st, 0) < 0 && errno == EINTR) {
    }
    nkids--;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Every child it lists has started (so has reported, if it is to): alpha
 * was joined, the workers have each run the initializer. */
static const char hook_program[] =
    "import multiprocessing as mp, os, sys\n"
    "def nothing(): pass\n"
    "def sq(x): return x * x\n"
    "def started(q): q.put(os.getpid())\n"
    "if __name__ == '__main__':\n"
    "    mp.set_start_method('fork')\n"
    "    p = mp.Process(target=nothing, name='alpha'); p.start(); p.join()\n"
    "    print(p.pid, p.name)\n"
    "    q = mp.SimpleQueue()\n"
    "    with mp.Pool(2, initializer=started, initargs=(q,)) as pool:\n"
    "        q.get(), q.get()\n"
    "        assert pool.map(sq, range(4)) == [0, 1, 4, 9]\n"
    "        for c in sorted(mp.active_children(), key=lambda c: c.pid): print(c.pid, c.name)\n"
    "    print('sitecustomize', getattr(sys.modules.get('sitecustomize'), 'CHAINED', 0))\n";

/* The pid and name of every process the program printed, against the
 * hook's: the same. */
static void same_names(const char *out, const seen *names, int expect)
{
    int n = 0;
    for (const char *p = out; *p && n < 8;) {
        int pid;
        char name[64];
        if (sscanf(p, "%d %63s", &pid, name) == 2) {
            int found = 0;
            for (int i = 0; i < names->n; i++)
                found |= names->pid[i] == pid && strcmp(names->name[i], name) == 0;
            if (!found)
                fail_msg("the hook did not report %d %s", pid, name);
            n++;
        }
        p = strchr(p, '\n');
        p = p ? p + 1 : "";
    }
    assert_int_equal(n, expect);
    assert_int_equal(names->n, expect);
}

static void the_hook_reports_python_names(void **state)
{
    (void)state;
    char py[512];
    if (!find_python(py, sizeof py))
        skip();
    py_run r = {.how = HOOK_PIPE};
    assert_int_equal(run_python(py, hook_program, &r), 0);
    same_names(r.out, &r.names, 3); /* alpha, ForkPoolWorker-N twice */
    assert_string_equal(r.names.name[0], "alpha");
    assert_non_null(strstr(r.names.name[1], "ForkPoolWorker-"));
    /* no bytecode cache left beside it */
    struct stat st;
    assert_int_equal(stat(HOOK_DIR "/__pycache__", &st), 0);
    assert_true(S_ISREG(st.st_mode));
}

/* Under every start method: a spawn or forkserver child does not inherit
 * the hook's descriptor, so its parent reports it (once, as a fork child
 * reports itself).  The target is a builtin: a spawned child of `-c`
 * cannot import the program's own functions. */
static const char start_methods_program[] =
    "import multiprocessing as mp, os\n"
    "if __name__ == '__main__':\n"
    "    for i, m in enumerate(['fork', 'spawn', 'forkserver']):\n"
    "        p = mp.get_context(m).Process(target=os.getpid, name='Named-%d' % i)\n"
    "        p.start(); p.join()\n"
    "        print(p.pid, p.name)\n";

static void the_hook_names_every_start_method(void **state)
{
    (void)state;
    char py[512];
    if (!find_python(py, sizeof py))
        skip();
    py_run r = {.how = HOOK_PIPE};
    assert_int_equal(run_python(py, start_methods_program, &r), 0);
    same_names(r.out, &r.names, 3); /* each once: no double report under fork */
    for (int i = 0; i < 3; i++) {
        char want[16];
        snprintf(want, sizeof want, "Named-%d", i);
        assert_string_equal(r.names.name[i], want);
    }
}

/* Without the variable, or with a descriptor that is no pipe of ours, the
 * program runs as it would without the hook, and nothing is written. */
static void the_hook_never_gets_in_the_way(void **state)
{
    (void)state;
    char py[512];
    if (!find_python(py, sizeof py))
        skip();
    py_run r = {.how = HOOK_NONE};
    assert_int_equal(run_python(py, hook_program, &r), 0);
    assert_non_null(strstr(r.out, " alpha\n"));
    assert_int_equal(r.names.n, 0);
    /* the number is another file in the child: untouched */
    char path[] = "/tmp/procsim-hook-XXXXXX";
    r.file = mkstemp(path);
    assert_true(r.file >= 0);
    unlink(path);
    r.how = HOOK_FILE;
    assert_int_equal(run_python(py, hook_program, &r), 0);
    assert_non_null(strstr(r.out, " alpha\n"));
    assert_int_equal(lseek(r.file, 0, SEEK_END), 0);
    close(r.file);
    /* closed in the child */
    r.how = HOOK_CLOSED;
    assert_int_equal(run_python(py, hook_program, &r), 0);
    assert_non_null(strstr(r.out, " alpha\n"));
    /* a program that does not use multiprocessing does not get it */
    r.how = HOOK_PIPE;
    assert_int_equal(run_python(py, "import sys; print('multiprocessing' in sys.modules)", &r),
                     0);
    assert_string_equal(r.out, "False\n");
    assert_int_equal(r.names.n, 0);
}

/* A sitecustomize further on the path still runs. */
static void the_hook_chains_to_the_next_sitecustomize(void **state)
{
    (void)state;
    char py[512];
    if (!find_python(py, sizeof py))
        skip();
    char dir[] = "/tmp/procsim-site-XXXXXX", file[64];
    assert_non_null(mkdtemp(dir));
    snprintf(file, sizeof file, "%s/sitecustomize.py", dir);
    FILE *f = fopen(file, "w");
    if (f) {
        fputs("CHAINED = 42\n", f);
        fclose(f);
    }
    py_run r = {.how = HOOK_PIPE, .extra = dir};
    int st = f ? run_python(py, hook_program, &r) : -1;
    unlink(file);
    assert_int_equal(rmdir(dir), 0); /* nothing else was written there */
    assert_int_equal(st, 0);
    assert_non_null(strstr(r.out, "sitecustomize 42\n"));
    same_names(r.out, &r.names, 3);
}

/* What the course's Python blocks in, on this machine's Python: a
 * Queue.get() reads a pipe, a Pipe()'s recv reads a socketpair, a Lock
 * waits on a futex in a shared /dev/shm/sem.* mapping, time.sleep is an
 * absolute clock_nanosleep, join() is wait4 for that child. */
static const char python_blocks[] =
    "import multiprocessing as mp, time\n"
    "def get(q): q.get()\n"
    "def recv(c): c.recv()\n"
    "def lock(l): l.acquire()\n"
    "def nap(): time.sleep(600)\n"
    "if __name__ == '__main__':\n"
    "    mp.set_start_method('fork')\n"
    "    q, (a, b), l = mp.Queue(), mp.Pipe(), mp.Lock()\n"
    "    l.acquire()\n"
    "    ps = [mp.Process(target=get, args=(q,)), mp.Process(target=recv, args=(b,)),\n"
    "          mp.Process(target=lock, args=(l,)), mp.Process(target=nap)]\n"
    "    for p in ps: p.start()\n"
    "    print(' '.join(str(p.pid) for p in ps), flush=True)\n"
    "    ps[3].join()\n";

static void pythons_blocking_calls_have_their_causes(void **state)
{
    (void)state;
    char py[512];
    if (!find_python(py, sizeof py))
        skip();
    int o[2];
    assert_int_equal(pipe(o), 0);
    pid_t main_pid = kid();
    if (main_pid == 0) {
        dup2(o[1], 1);
        close(o[0]), close(o[1]);
        execl(py, "python3", "-c", python_blocks, (char *)NULL);
        _exit(127);
    }
    close(o[1]);
    /* the whole line: an unbuffered Python (PYTHONUNBUFFERED) writes its
     * end apart, and closing the pipe before would break its print */
    char line[256];
    size_t got = 0;
    ssize_t n;
    while (!memchr(line, '\n', got) && (n = read(o[0], line + got, sizeof line - 1 - got)) > 0)
        got += (size_t)n;
    close(o[0]);
    line[got] = 0;
    pid_t tree[5] = {main_pid};
    assert_int_equal(sscanf(line, "%d %d %d %d", &tree[1], &tree[2], &tree[3], &tree[4]), 4);
    for (int i = 1; i < 5; i++)
        also_kill(tree[i]); /* orphans come back to this process, the subreaper */
    static const struct {
        const char *what;
        long nr;
        ps_cause cause;
        int a_is_main, a_is_nap, a_is_time;
    } rows[5] = {
        {"join()", SYS_wait4, PS_CAUSE_SYS_WAIT4, 0, 1, 0},
        {"Queue.get()", SYS_read, PS_CAUSE_SYS_PIPE_READ, 1, 0, 0},
        {"Pipe().recv()", SYS_read, PS_CAUSE_SYS_SOCKET_READ, 1, 0, 0},
        {"Lock.acquire()", SYS_futex, PS_CAUSE_SYS_FUTEX_LOCK, 0, 0, 0},
        {"time.sleep(600)", SYS_clock_nanosleep, PS_CAUSE_SYS_SLEEP, 0, 0, 1},
    };
    for (int i = 0; i < 5; i++) {
        ps__task_syscall sc;
        await_sleep(tree[i], rows[i].nr, &sc);
        ps__why why;
        ps__why_blocked(tree[i], tree[i], 'S', &sc, tree, 5, &why);
        int64_t a = rows[i].a_is_main ? main_pid : rows[i].a_is_nap ? tree[4] : 0;
        if (why.cause != rows[i].cause || (!rows[i].a_is_time && why.a != a) ||
            (rows[i].a_is_time && (why.a <= 0 || why.a > 600000)))
            fail_msg("%s: cause %d a %lld (%s), expected cause %d a %lld; tree %d %d %d %d %d",
                     rows[i].what, (int)why.cause, (long long)why.a, why.syscall,
                     (int)rows[i].cause, (long long)a, tree[0], tree[1], tree[2], tree[3],
                     tree[4]);
    }
}

int main(void)
{
    /* the Python children outlive their parent when it is killed first:
     * they are then this process's to reap */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(each_call_has_its_cause, cleanup),
        cmocka_unit_test_teardown(a_pipe_with_no_other_end_in_the_tree_names_none, cleanup),
        cmocka_unit_test(no_call_is_a_kernel_or_disk_wait),
        cmocka_unit_test_teardown(a_restarted_call_is_a_kernel_wait, cleanup),
        cmocka_unit_test(syscall_names_are_this_machines),
        cmocka_unit_test(stat_parser_is_not_fooled_by_comm),
        cmocka_unit_test_teardown(a_real_task_is_sampled, cleanup),
        cmocka_unit_test_teardown(a_command_line_has_its_words, cleanup),
        cmocka_unit_test_teardown(tasks_and_children_are_listed, cleanup),
        cmocka_unit_test(names_arrive_in_pieces),
        cmocka_unit_test(a_long_line_is_dropped_whole),
        cmocka_unit_test(notes_are_said_in_both_languages),
        cmocka_unit_test(every_note_has_words),
        cmocka_unit_test_teardown(the_hook_reports_python_names, cleanup),
        cmocka_unit_test_teardown(the_hook_names_every_start_method, cleanup),
        cmocka_unit_test_teardown(the_hook_never_gets_in_the_way, cleanup),
        cmocka_unit_test_teardown(the_hook_chains_to_the_next_sitecustomize, cleanup),
        cmocka_unit_test_teardown(pythons_blocking_calls_have_their_causes, cleanup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
