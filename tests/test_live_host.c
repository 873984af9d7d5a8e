/* test_live_host.c — the live backend in its host program (a library
 * user: the GUI, a test, anyone): the host's own children and SIGCHLDs
 * stay the host's, /proc is never read for a pid the backend has already
 * reaped, a child calls no allocator or qsort between fork and its end
 * (these two through traps this file puts in front of open, malloc and
 * qsort), no handler of the host's runs in a child and a child runs with
 * the host's signal mask but never with SIGTERM (a kill) blocked, the
 * host's mask is given back exactly (also by a failed create), an
 * interrupt repeated during the clean-up is the backend's, not the host's,
 * and numbers too large for a clock saturate. */
#undef _FORTIFY_SOURCE /* open is defined below: no inline wrapper for it */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "livekit.h"

/* ---- traps: what the backend may not do -------------------------------

   open: while proc_trap is set, every /proc/PID/... the process opens must
   name a child of this process not yet reaped (a reaped pid may already
   be someone else's).  Asked with waitid(WNOWAIT), which changes nothing.
   malloc, calloc, realloc, qsort: in a child forked while child_trap is
   set (a live child: pthread_atfork tells), any call ends the child with
   status 99 (async-signal-safe calls only, after fork).  Not under ASan,
   whose own allocator must see every allocation. */

static volatile int proc_trap, proc_opens, proc_foreign;
static int child_trap, in_trapped_child;
static int raise_in_child; /* a signal every child of this process raises
                              in fork, before fork returns: 0, none */

int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int wants_mode = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
    mode_t mode = wants_mode ? (mode_t)va_arg(ap, unsigned) : 0;
    va_end(ap);
    int pid = !strncmp(path, "/proc/", 6) ? atoi(path + 6) : 0;
    if (proc_trap && !in_trapped_child && pid > 0 && pid != getpid()) {
        siginfo_t si;
        proc_opens++;
        if (waitid(P_PID, (id_t)pid, &si, WEXITED | WSTOPPED | WCONTINUED | WNOHANG | WNOWAIT))
            proc_foreign++;
    }
    return (int)syscall(SYS_openat, AT_FDCWD, path, flags, mode);
}

#ifndef __SANITIZE_ADDRESS__
#define PS_TEST_ALLOC_TRAP 1
void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t n);

void *malloc(size_t n)
{
    if (in_trapped_child)
        _exit(99);
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    if (in_trapped_child)
        _exit(99);
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    if (in_trapped_child)
        _exit(99);
    return __libc_realloc(p, n);
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    static void (*real)(void *, size_t, size_t, int (*)(const void *, const void *));
    if (in_trapped_child)
        _exit(99);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "qsort");
    real(base, n, size, cmp);
}
#endif

static void enter_child(void)
{
    in_trapped_child = child_trap;
    if (raise_in_child)
        raise(raise_in_child); /* it came between fork and the child's reset */
}

/* ---- the host's children and signals ------------------------------------ */

static volatile sig_atomic_t host_sigchld;

static void on_host_sigchld(int sig)
{
    (void)sig;
    host_sigchld++;
}

/* The host's own child exits during a live run: its status is still there
 * for the host's waitpid afterwards, and the host's SIGCHLD handler hears
 * of it once the backend is gone (found in review: waitid(P_ALL) took it). */
static void host_children_stay_the_hosts(void **state)
{
    (void)state;
    struct sigaction sa = {.sa_handler = on_host_sigchld}, old;
    sigemptyset(&sa.sa_mask);
    assert_int_equal(sigaction(SIGCHLD, &sa, &old), 0);
    host_sigchld = 0;
    int go[2];
    assert_int_equal(pipe(go), 0);
    pid_t mine = fork();
    assert_true(mine >= 0);
    if (mine == 0) {
        char c;
        _exit(read(go[0], &c, 1) == 1 ? 42 : 41);
    }
    close(go[0]);
    live_run r;
    lk_open(&r, tk_load("procsim: 1\ntitle: t\nprocesses:\n"
                        "  - {name: a, program: [cpu 3, sleep 3, cpu 3, exit 3]}\n"
                        "  - {name: b, program: [sleep 4, cpu 2]}\n"), 10);
    int told = 0;
    while ((r.status = ps_live_step(r.l)) == PS_STEP_OK)
        if (!told++) {
            assert_int_equal(write(go[1], "x", 1), 1); /* it exits while the run goes on */
            for (int i = 0; i < 200; i++) {
                siginfo_t si = {0};
                waitid(P_PID, (id_t)mine, &si, WEXITED | WNOHANG | WNOWAIT);
                if (si.si_pid == mine)
                    break;
                struct timespec ts = {0, 1000000};
                nanosleep(&ts, NULL);
            }
        }
    assert_int_equal(r.status, PS_STEP_DONE);
    int code, signo;
    assert_int_equal(ps_live_exit(r.l, 1, &code, &signo), 0);
    assert_int_equal(code, 3);
    lk_live_fini(&r);
    close(go[1]);
    int st;
    assert_int_equal(waitpid(mine, &st, WNOHANG), mine);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 42);
    assert_true(host_sigchld >= 1);
    sigaction(SIGCHLD, &old, NULL);
}

static void *idle_thread(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

/* A host thread that does not block SIGCHLD takes some of them (the
 * kernel gives a process-wide signal to any thread not blocking it), and
 * there they are dropped: the run still follows the model, no child
 * waited out the overrun limit for a stop that came unannounced. */
static void host_threads_may_take_sigchld(void **state)
{
    (void)state;
    const char *yaml = "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\nprocesses:\n"
                       "  - {name: a, program: [cpu 25]}\n  - {name: b, program: [cpu 25]}\n"
                       "  - {name: c, program: [cpu 25]}\n";
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, idle_thread, NULL), 0);
    tk_run m;
    tk_run_yaml(&m, yaml, -1);
    live_run r;
    lk_live(&r, tk_load(yaml), 2);
    pthread_cancel(t);
    pthread_join(t, NULL);
    lk_assert_same_trace(&r, &m, "rr with a host thread");
    assert_int_equal(ps_live_divergences(r.l), 0);
    lk_live_fini(&r);
    tk_run_fini(&m);
}

static pid_t host_pid;
static volatile int *handled_in_child; /* shared with the children */

static void on_host_signal(int sig)
{
    if (getpid() != host_pid)
        *handled_in_child = sig;
}

/* The host catches SIGUSR2 and SIGURG and blocks SIGWINCH and SIGTERM.
 * A SIGURG that comes to a child between fork and the child's reset of
 * its handlers (raised in fork itself, from pthread_atfork) never reaches
 * the host's handler there: the child is forked with every signal blocked
 * (found in review: only procsim's five were).  Each child then runs with
 * no handler and nothing ignored (/proc/PID/status: SigCgt, SigIgn) and
 * with the host's mask but SIGTERM, which is how a kill comes (SigBlk),
 * not procsim's nor a full one.  The host's own thread has its mask plus
 * procsim's five while the backend exists, and exactly its mask again
 * once it is destroyed. */
static void children_get_no_host_handler_and_the_hosts_mask(void **state)
{
    (void)state;
    handled_in_child = mmap(NULL, sizeof *handled_in_child, PROT_READ | PROT_WRITE,
                            MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    assert_true(handled_in_child != MAP_FAILED);
    *handled_in_child = 0;
    host_pid = getpid();
    struct sigaction sa = {.sa_handler = on_host_signal}, old_usr2, old_urg;
    sigemptyset(&sa.sa_mask);
    assert_int_equal(sigaction(SIGUSR2, &sa, &old_usr2), 0);
    assert_int_equal(sigaction(SIGURG, &sa, &old_urg), 0);
    sigset_t more, old_mask;
    sigemptyset(&more);
    sigaddset(&more, SIGWINCH);
    sigaddset(&more, SIGTERM);
    assert_int_equal(pthread_sigmask(SIG_BLOCK, &more, &old_mask), 0);
    uint64_t host = lk_thread_mask();
    assert_true(host & LK_SIG(SIGWINCH) && host & LK_SIG(SIGTERM));
    uint64_t libc_own = 0; /* below SIGRTMIN: the C library's, no program may change them */
    for (int sig = 32; sig < SIGRTMIN; sig++)
        libc_own |= LK_SIG(sig);
    uint64_t caught = LK_SIG(SIGUSR2) | LK_SIG(SIGURG);
    assert_int_equal(lk_proc_sigs(host_pid, "SigCgt") & caught, caught);

    live_run r;
    ps_error err;
    memset(&r, 0, sizeof r);
    r.s = tk_load("procsim: 1\ntitle: t\nprocesses:\n  - {name: b, program: [spawn c, wait c]}\n"
                  "  - {name: c, parent: b, program: [sleep 100]}\n"
                  "  - {name: a, program: [cpu 100]}\n");
    r.e = ps_engine_create(r.s);
    raise_in_child = SIGURG;
    r.l = ps_live_create(r.e, &err);
    if (!r.l)
        fail_msg("%s", err.msg);
    ps_live_set_tick_ms(r.l, 5);
    for (int i = 0; i < 8 && !ps_live_os_pid(r.l, 2); i++) /* until b has spawned c */
        assert_int_equal(ps_live_step(r.l), PS_STEP_OK);
    raise_in_child = 0;
    assert_int_equal(lk_thread_mask(), host | LK_BACKEND_SIGS);
    for (uint32_t pid = 1; pid <= r.s->nprocs; pid++) {
        pid_t os = ps_live_os_pid(r.l, pid);
        if (!os)
            fail_msg("%s is not running", r.s->procs[pid - 1].name);
        assert_int_equal(lk_proc_sigs(os, "SigCgt") & ~libc_own, 0);
        assert_int_equal(lk_proc_sigs(os, "SigIgn"), 0);
        assert_int_equal(lk_proc_sigs(os, "SigBlk"), host & ~LK_SIG(SIGTERM));
    }
    lk_live_fini(&r);
    assert_int_equal(lk_thread_mask(), host);
    int handled = *handled_in_child;
    munmap((void *)handled_in_child, sizeof *handled_in_child);
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    sigaction(SIGUSR2, &old_usr2, NULL);
    sigaction(SIGURG, &old_urg, NULL);
    if (handled)
        fail_msg("the host's handler ran in a live child for signal %d", handled);
}

/* A host that blocks SIGTERM (to sigwait for it in a thread, say) still
 * has a kill carried out by SIGTERM, as docs/live.md's table says, not by
 * the SIGKILL that comes half a second later to a child that holds it. */
static void kill_is_a_sigterm_when_the_host_blocks_it(void **state)
{
    (void)state;
    sigset_t term, old_mask;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    assert_int_equal(pthread_sigmask(SIG_BLOCK, &term, &old_mask), 0);
    live_run r;
    lk_live(&r, lk_load("scenarios/seeds/join-timeout.yaml"), 5);
    assert_int_equal(r.status, PS_STEP_DONE);
    int code, signo;
    assert_int_equal(ps_live_exit(r.l, 2, &code, &signo), 0); /* worker: killed by main */
    lk_live_fini(&r);
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    assert_int_equal(signo, SIGTERM);
}

/* With SIGCHLD ignored the kernel reaps every child itself, so the backend
 * could never tell how one ended: it refuses (in a child of the test). */
static void ignored_sigchld_is_refused(void **state)
{
    (void)state;
    for (int how = 0; how < 2; how++) {
        pid_t p = fork();
        assert_true(p >= 0);
        if (p == 0) {
            struct sigaction sa = {.sa_handler = how ? SIG_DFL : SIG_IGN,
                                   .sa_flags = how ? SA_NOCLDWAIT : 0};
            sigaction(SIGCHLD, &sa, NULL);
            ps_error err;
            ps_scenario *s = tk_load("procsim: 1\ntitle: t\nprocesses:\n  - {name: a}\n");
            ps_engine *e = ps_engine_create(s);
            ps_live *l = ps_live_create(e, &err);
            _exit(!l && strstr(err.msg, "SIGCHLD") ? 0 : 1);
        }
        int st;
        assert_int_equal(waitpid(p, &st, 0), p);
        assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
}

/* Every /proc read of a live run names a child not yet reaped: exits,
 * kills by the model and from outside, and children still there when the
 * backend is destroyed (found in review: destroy reaped, then read /proc). */
static void proc_is_read_only_for_unreaped_children(void **state)
{
    (void)state;
    proc_opens = proc_foreign = 0;
    proc_trap = 1;
    live_run r;
    lk_live(&r, lk_load("scenarios/seeds/join-timeout.yaml"), 3);
    assert_int_equal(r.status, PS_STEP_DONE);
    lk_live_fini(&r);
    ps_error err;
    memset(&r, 0, sizeof r);
    r.s = tk_load("procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [cpu 100]}\n"
                  "  - {name: b, program: [sleep 100]}\n  - {name: c, program: [cpu 1]}\n");
    r.e = ps_engine_create(r.s);
    r.l = ps_live_create(r.e, &err);
    assert_non_null(r.l);
    ps_live_set_tick_ms(r.l, 5);
    assert_int_equal(ps_live_step(r.l), PS_STEP_OK); /* a runs, b and c are Ready */
    pid_t c = ps_live_os_pid(r.l, 3);
    assert_true(ps_live_os_pid(r.l, 1) > 0 && ps_live_os_pid(r.l, 2) > 0 && c > 0);
    assert_int_equal(kill(c, SIGKILL), 0); /* killed from outside */
    for (int i = 0; i < 1000 && ps_live_os_pid(r.l, 3); i++) {
        ps_live_interrupted(r.l); /* takes the news in: c is reaped */
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
    assert_int_equal(ps_live_os_pid(r.l, 3), 0);
    lk_live_fini(&r); /* a and b are still there: destroy kills and reaps them */
    proc_trap = 0;
    assert_true(proc_opens > 10);
    assert_int_equal(proc_foreign, 0);
}

/* A live child makes no call to malloc, calloc, realloc or qsort between
 * fork and its end: after fork in a threaded host they may deadlock. */
static void children_call_no_allocator(void **state)
{
    (void)state;
#ifdef PS_TEST_ALLOC_TRAP
    child_trap = 1;
    char yaml[4096] = "procsim: 1\ntitle: t\nsystem: {memory: 100}\nprocesses:\n";
    strcat(yaml, "  - {name: a, memory: 4, program: [send c 1, lock m, add v 2, unlock m, cpu 2]}\n"
                 "  - {name: b, memory: 4, program: [recv c, lock m, add v 2, unlock m]}\n"
                 "  - {name: d, program: [spawn e, wait e]}\n"
                 "  - {name: e, parent: d, program: [sleep 2, exit 5]}\n");
    live_run r;
    lk_live(&r, tk_load(yaml), 3);
    child_trap = 0;
    assert_int_equal(r.status, PS_STEP_DONE);
    for (uint32_t pid = 1; pid <= r.s->nprocs; pid++) {
        int code, signo;
        assert_int_equal(ps_live_exit(r.l, pid, &code, &signo), 0);
        if (code == 99 || signo)
            fail_msg("%s ended with status %d, signal %d", r.s->procs[pid - 1].name, code, signo);
        assert_int_equal(code, ps_engine_pcb(r.e, pid)->exit_code);
    }
    assert_int_equal(ps_live_variable(r.l, 0), 4);
    lk_live_fini(&r);
#else
    skip(); /* ASan's allocator cannot be trapped */
#endif
}

/* ---- set-up failures and large numbers ---------------------------------- */

/* Creation fails for want of descriptors at every point it can (the
 * signalfd, made after the mask is changed, among them); after each
 * failure the signal mask and SIGPIPE's handling are as before (found in
 * review: SIGINT stayed blocked when signalfd failed).  In a child of the
 * test, whose limits and mask it may spoil. */
static void failed_create_restores_the_signal_mask(void **state)
{
    (void)state;
    pid_t p = fork();
    assert_true(p >= 0);
    if (p == 0) {
        ps_error err;
        ps_scenario *s = tk_load("procsim: 1\ntitle: t\nsystem: {memory: 10}\nprocesses:\n"
                                 "  - {name: a, memory: 2, program: [send c, recv c]}\n");
        ps_engine *e = ps_engine_create(s);
        sigset_t before, after;
        struct sigaction pipe_before, pipe_after;
        sigprocmask(SIG_SETMASK, NULL, &before);
        sigaction(SIGPIPE, NULL, &pipe_before);
        struct rlimit rl;
        getrlimit(RLIMIT_NOFILE, &rl);
        int saw_signalfd = 0, made = 0;
        for (rlim_t lim = 0; lim < 256 && !made; lim++) {
            struct rlimit low = {lim, rl.rlim_max};
            setrlimit(RLIMIT_NOFILE, &low);
            ps_live *l = ps_live_create(e, &err);
            setrlimit(RLIMIT_NOFILE, &rl);
            made = l != NULL;
            saw_signalfd |= !l && strstr(err.msg, "signalfd") != NULL;
            ps_live_destroy(l);
            sigprocmask(SIG_SETMASK, NULL, &after);
            sigaction(SIGPIPE, NULL, &pipe_after);
            static const int sigs[] = {SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGQUIT};
            for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
                if (sigismember(&after, sigs[i]) != sigismember(&before, sigs[i]))
                    _exit(10 + (int)i);
            if (pipe_after.sa_handler != pipe_before.sa_handler)
                _exit(3);
        }
        _exit(made && saw_signalfd ? 0 : 2);
    }
    int st;
    assert_int_equal(waitpid(p, &st, 0), p);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        fail_msg("child status %#x (1x: that signal left blocked; 2: no signalfd failure seen)",
                 st);
}

/* A file `procsim check` accepts with the largest numbers: a burn of 10^9
 * ticks of 60 s, a next instant near tick 10^9.  No clock computation
 * overflows (the ASan/UBSan build aborts on any), the next instant is far
 * in the future, the child burns on, and the run stops on SIGINT. */
static void huge_numbers_saturate(void **state)
{
    (void)state;
    live_run r;
    ps_error err;
    memset(&r, 0, sizeof r);
    r.s = tk_load("procsim: 1\ntitle: t\nsystem: {tick_ms: 60000}\nprocesses:\n"
                  "  - {name: a, program: [cpu 1000000000]}\n"
                  "  - {name: b, arrival: 1000000000, program: [cpu 1]}\n");
    r.e = ps_engine_create(r.s);
    r.l = ps_live_create(r.e, &err);
    if (!r.l)
        fail_msg("%s", err.msg);
    assert_int_equal(ps_live_tick_ms(r.l), 60000);
    assert_int_equal(ps_live_set_tick_ms(r.l, INT64_MAX), -1);
    assert_int_equal(ps_live_set_tick_ms(r.l, 0), -1);
    assert_int_equal(ps_live_tick_ms(r.l), 60000);
    ps_live_set_listener(r.l, lk_record, &r);
    assert_int_equal(ps_live_step(r.l), PS_STEP_OK); /* a dispatched: its burn begins */
    assert_int_equal(ps_engine_pcb(r.e, 1)->state, PS_RUNNING);
    assert_true(ps_live_due_ns(r.l) > (int64_t)1000000000 * 3600 * 24 * 365);
    struct timespec ts = {0, 50000000};
    nanosleep(&ts, NULL);
    assert_int_equal(ps_live_interrupted(r.l), 0);
    assert_true(ps_live_os_pid(r.l, 1) > 0); /* still burning */
    assert_int_equal(raise(SIGINT), 0);     /* held by the backend: read, not delivered */
    assert_int_equal(ps_live_step(r.l), PS_STEP_INTERRUPTED);
    lk_live_fini(&r);
}

/* Once an interrupt has been reported, more of the same still pending at
 * destroy (a second Ctrl-C during the clean-up) are read by the backend,
 * not left to the host's default action when the mask is given back:
 * found by a probe, procsim exited by SIGINT (130) instead of 1.  In a
 * child of the test, which the default action would kill. */
static void repeated_interrupt_is_read_by_destroy(void **state)
{
    (void)state;
    pid_t p = fork();
    assert_true(p >= 0);
    if (p == 0) {
        ps_error err;
        ps_scenario *s = tk_load("procsim: 1\ntitle: t\nprocesses:\n"
                                 "  - {name: a, program: [cpu 1000]}\n");
        ps_engine *e = ps_engine_create(s);
        ps_live *l = ps_live_create(e, &err);
        if (!l)
            _exit(2);
        int steps = ps_live_step(l) == PS_STEP_OK; /* a is forked and runs */
        raise(SIGINT);
        int seen = ps_live_interrupted(l);
        raise(SIGINT); /* the repeat, after the first was read */
        raise(SIGTERM);
        ps_live_destroy(l);
        sigset_t pending;
        sigpending(&pending);
        ps_engine_destroy(e);
        ps_scenario_destroy(s);
        _exit(!steps ? 3 : !seen ? 4 : sigismember(&pending, SIGINT) ? 5 : 0);
    }
    int st;
    assert_int_equal(waitpid(p, &st, 0), p);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        fail_msg("child %s %d (2: no backend; 3: no step; 4: first interrupt unseen; "
                 "5: the repeat still pending)",
                 WIFSIGNALED(st) ? "killed by signal" : "exit", WIFSIGNALED(st) ? WTERMSIG(st)
                                                                     : WEXITSTATUS(st));
}

int main(void)
{
    pthread_atfork(NULL, NULL, enter_child);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(host_children_stay_the_hosts),
        cmocka_unit_test(host_threads_may_take_sigchld),
        cmocka_unit_test(children_get_no_host_handler_and_the_hosts_mask),
        cmocka_unit_test(kill_is_a_sigterm_when_the_host_blocks_it),
        cmocka_unit_test(ignored_sigchld_is_refused),
        cmocka_unit_test(proc_is_read_only_for_unreaped_children),
        cmocka_unit_test(children_call_no_allocator),
        cmocka_unit_test(failed_create_restores_the_signal_mask),
        cmocka_unit_test(huge_numbers_saturate),
        cmocka_unit_test(repeated_interrupt_is_read_by_destroy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
