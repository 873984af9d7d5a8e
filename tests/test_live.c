/* test_live.c — live mode with real child processes: the kernel's state
 * letter at each moment, exit and signal decoding, the seed demos' real
 * results, fidelity to the model, a second locker really asleep in the
 * kernel, and faults (procsim interrupted or killed mid-run, a child
 * crashing, fork failing under RLIMIT_NPROC), each followed by a search
 * for anything left behind.  How the backend lives in a host program is
 * test_live_host.c's. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "livekit.h"

/* ---- the kernel's letters --------------------------------------------- */

static void kernel_letters_follow_the_model(void **state)
{
    (void)state;
    live_run r;
    lk_live(&r, tk_load("procsim: 1\ntitle: t\nsystem: {memory: 100}\nprocesses:\n"
                     "  - {name: a, memory: 40, program: [cpu 3, sleep 5, cpu 2, exit 7]}\n"
                     "  - {name: b, program: [cpu 2]}\n"
                     "events:\n  - {at: 6, do: suspend a}\n  - {at: 7, do: resume a}\n"),
         5);
    assert_int_equal(r.status, PS_STEP_DONE);
    assert_int_equal(lk_find(&r, 1, PS_NEW, PS_READY)->kstate, 'T');
    assert_int_equal(lk_find(&r, 2, PS_NEW, PS_READY)->kstate, 'T');    /* held stopped */
    assert_int_equal(lk_find(&r, 1, PS_READY, PS_RUNNING)->kstate, 'R'); /* burning */
    assert_int_equal(lk_find(&r, 1, PS_RUNNING, PS_BLOCKED)->kstate, 'S');
    assert_int_equal(lk_find(&r, 1, PS_BLOCKED, PS_BLOCKED_SUSPENDED)->kstate, 'T');
    assert_int_equal(lk_find(&r, 1, PS_RUNNING, PS_EXIT)->kstate, 'Z'); /* before reaping */
    assert_int_equal(lk_find(&r, 1, PS_RUNNING, PS_BLOCKED)->reporter, PS_REP_STATUS_PIPE);
    assert_int_equal(lk_find(&r, 1, PS_READY, PS_RUNNING)->reporter, PS_REP_WAITID);
    /* suspension pages the working set (40 x 64 KiB) out */
    int64_t before = lk_find(&r, 1, PS_RUNNING, PS_BLOCKED)->rss_kb;
    int64_t after = lk_find(&r, 1, PS_BLOCKED, PS_BLOCKED_SUSPENDED)->rss_kb;
    if (after > before - 2000)
        fail_msg("rss %lld kB blocked, %lld kB suspended: no drop", (long long)before,
                 (long long)after);
    int code, signo;
    assert_int_equal(ps_live_exit(r.l, 1, &code, &signo), 0);
    assert_int_equal(code, 7);
    assert_int_equal(signo, 0);
    lk_live_fini(&r);
}

static void kill_is_a_real_signal(void **state)
{
    (void)state;
    live_run r;
    lk_live(&r, lk_load("scenarios/seeds/join-timeout.yaml"), 5);
    assert_int_equal(r.status, PS_STEP_DONE);
    int code, signo;
    assert_int_equal(ps_live_exit(r.l, 2, &code, &signo), 0); /* worker: terminated */
    assert_int_equal(signo, SIGTERM);
    assert_int_equal(ps_engine_pcb(r.e, 2)->exit_code, -15);   /* as Python shows it */
    assert_int_equal(ps_live_exit(r.l, 1, &code, &signo), 0); /* main: exit 0 */
    assert_int_equal(signo, 0);
    assert_int_equal(code, 0);
    lk_live_fini(&r);
}

/* ---- the seed demos, for real ----------------------------------------- */

static void seed_demos_give_real_results(void **state)
{
    (void)state;
    /* the article's numbers: an accumulator (acc of `proc`), or the final
     * value of `counter` (-1: below 450, by exactly the updates lost) */
    static const struct {
        const char *file, *proc;
        int64_t want;
    } cases[] = {
        {"scenarios/seeds/queue-sentinel.yaml", "main", 50000},
        {"scenarios/seeds/pipe.yaml", "parent", 49},
        {"scenarios/seeds/pool-squares.yaml", "main", 285},
        {"scenarios/seeds/counter-lock.yaml", NULL, 450},
        {"scenarios/seeds/counter-race.yaml", NULL, -1},
        {"scenarios/seeds/private-copy.yaml", NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        live_run r;
        lk_live(&r, lk_load(cases[i].file), 3);
        assert_int_equal(r.status, PS_STEP_DONE);
        /* every value a child really received or read equals the model's */
        assert_int_equal(ps_live_divergences(r.l), 0);
        if (cases[i].proc) {
            uint32_t pid = 0;
            for (uint32_t p = 1; p <= r.s->nprocs; p++)
                if (!strcmp(r.s->procs[p - 1].name, cases[i].proc))
                    pid = p;
            assert_int_equal(ps_engine_regs(r.e, pid).acc, cases[i].want);
            lk_live_fini(&r);
            continue;
        }
        /* memory really holds what the model computed: 450 with the lock,
         * fewer without (the children really lost updates), 0 in the
         * parent's copy of a private variable */
        int64_t v = ps_live_variable(r.l, 0);
        assert_int_equal(v, ps_engine_variable(r.e, 0));
        if (cases[i].want >= 0) {
            assert_int_equal(v, cases[i].want);
        } else {
            assert_true(v < 450);
            assert_int_equal(ps_engine_lost_updates(r.e), 450 - v);
        }
        lk_live_fini(&r);
    }
}

/* ---- fidelity --------------------------------------------------------- */

/* For `file`, the live trace equals the model's (lk_assert_same_trace),
 * and nothing is left behind after it. */
static void same_as_model(const char *file)
{
    tk_run m;
    tk_run_scenario(&m, lk_load(file), -1);
    live_run r;
    lk_live(&r, lk_load(file), 2);
    lk_assert_same_trace(&r, &m, file);
    lk_live_fini(&r);
    tk_run_fini(&m);
    pid_t kids[8];
    assert_int_equal(lk_children_of(getpid(), kids, 8), 0);
}

static void every_shipped_scenario_runs_live_like_the_model(void **state)
{
    (void)state;
    char files[64][TK_PATH];
    int count = tk_shipped_scenarios(files, 64);
    for (int f = 0; f < count; f++)
        same_as_model(files[f]);
    assert_true(count >= 16);
}

/* The language's forms run for real: loops (the model's jumps), computed
 * values and the sentinel through the real pipes, private adds in each
 * child's own memory, a wait with a timeout that blocks and is woken, and
 * a kill that really sends SIGTERM; the trace is the model's and no value
 * a child really computed differs from it. */
static void the_language_runs_live_like_the_model(void **state)
{
    (void)state;
    static const char yaml[] =
        "procsim: 1\ntitle: t\nsystem: {cpus: 2}\n"
        "variables: {mine: private, ours: shared}\nprocesses:\n"
        "  - name: main\n    program:\n      - add mine 2\n      - spawn w1\n"
        "      - spawn w2\n      - spawn slow\n"
        "      - for i in range(1, 5):\n          - send tasks i\n"
        "      - repeat 2:\n          - send tasks none\n"
        "      - repeat 4:\n          - recv results\n      - send report acc-1\n"
        "      - wait slow timeout 3\n      - is_alive slow\n      - kill slow\n"
        "      - wait w1\n      - wait w2\n"
        "  - name: w1\n    parent: main\n    program:\n      - for x in tasks:\n"
        "          - cpu x\n          - add mine 1\n          - add ours 1\n"
        "          - send results x*x\n"
        "  - name: w2\n    parent: main\n    program:\n      - for x in tasks:\n"
        "          - cpu x\n          - add mine 1\n          - add ours 1\n"
        "          - send results x*x\n"
        "  - {name: slow, parent: main, program: [cpu 50]}\n";
    tk_run m;
    tk_run_scenario(&m, tk_load(yaml), -1);
    live_run r;
    lk_live(&r, tk_load(yaml), 3);
    assert_int_equal(r.status, PS_STEP_DONE);
    lk_assert_same_trace(&r, &m, "the language");
    assert_int_equal(ps_live_divergences(r.l), 0);
    assert_int_equal(ps_engine_regs(r.e, 1).acc, 1 + 4 + 9 + 16);
    assert_int_equal(ps_live_variable(r.l, 1), 4); /* shared: really 4 */
    int code, signo;
    assert_int_equal(ps_live_exit(r.l, 4, &code, &signo), 0);
    assert_int_equal(signo, 15); /* slow really got SIGTERM */
    assert_int_equal(ps_engine_pcb(r.e, 4)->exit_code, -15);
    lk_live_fini(&r);
    tk_run_fini(&m);
    pid_t kids[8];
    assert_int_equal(lk_children_of(getpid(), kids, 8), 0);
}

/* copies and while not empty for real: the crawler on machines of 1, 2,
 * 4 and 8 CPUs (its copy with `cpus: N`) has the model's trace; the
 * manager's real memory holds the nine entries, the consumers stuck in
 * get really die of SIGTERM, and nothing is left behind. */
static void copies_and_while_not_empty_run_live_like_the_model(void **state)
{
    (void)state;
    static const int cpus[] = {1, 2, 4, 8};
    for (size_t c = 0; c < sizeof cpus / sizeof cpus[0]; c++) {
        const char *file = "scenarios/seeds/crawler.yaml";
        tk_run m;
        tk_run_scenario(&m, tk_load_with_cpus(file, cpus[c]), -1);
        live_run r;
        lk_live(&r, tk_load_with_cpus(file, cpus[c]), 2);
        assert_int_equal(r.status, PS_STEP_DONE);
        lk_assert_same_trace(&r, &m, file);
        assert_int_equal(ps_live_divergences(r.l), 0);
        assert_int_equal(ps_live_variable(r.l, 0), 9); /* entries, in real memory */
        int killed = 0;
        for (uint32_t pid = 1; pid <= r.s->nprocs; pid++) {
            int code, signo;
            if (!r.s->procs[pid - 1].group)
                continue;
            assert_int_equal(ps_live_exit(r.l, pid, &code, &signo), 0);
            if (ps_engine_pcb(r.e, pid)->exit_code == -15) {
                assert_int_equal(signo, SIGTERM);
                killed++;
            }
        }
        assert_true(cpus[c] == 1 ? killed == 0 : killed >= 1);
        lk_live_fini(&r);
        tk_run_fini(&m);
        pid_t kids[8];
        assert_int_equal(lk_children_of(getpid(), kids, 8), 0);
    }
}

/* Several waiters on one channel or mutex, woken in the same instant as
 * others block: values and locks still go to the model's choice, with no
 * child stalled (found in review: a later waiter read first). */
static void waiters_are_served_in_the_model_order(void **state)
{
    (void)state;
    static const char *const yaml[] = {
        "procsim: 1\ntitle: t\nprocesses:\n  - {name: r1, program: [recv c]}\n"
        "  - {name: r2, program: [recv c]}\n"
        "  - {name: s, arrival: 1, program: [send c 10, recv c]}\n"
        "  - {name: t, arrival: 1, program: [send c 20, send c 30]}\n",
        "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\nprocesses:\n"
        "  - {name: h, program: [lock m, cpu 2, unlock m, lock m, unlock m]}\n"
        "  - {name: a, program: [lock m, unlock m]}\n  - {name: b, program: [lock m, unlock m]}\n",
        /* a receiver suspended while values arrive for it and for others */
        "procsim: 1\ntitle: t\nprocesses:\n  - {name: r1, program: [recv c, cpu 1]}\n"
        "  - {name: r2, program: [recv c, cpu 1]}\n  - {name: r3, program: [recv c, cpu 1]}\n"
        "  - {name: s, arrival: 10, program: [send c 5, send c 6, cpu 2, send c 7]}\n"
        "events:\n  - {at: 3, do: kill r1}\n  - {at: 4, do: suspend r2}\n"
        "  - {at: 12, do: resume r2}\n",
    };
    for (size_t i = 0; i < sizeof yaml / sizeof yaml[0]; i++) {
        live_run r;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        lk_live(&r, tk_load(yaml[i]), 5);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        assert_int_equal(r.status, PS_STEP_DONE);
        assert_int_equal(ps_live_divergences(r.l), 0);
        /* no child waited out the 5 s overrun limit */
        assert_true(t1.tv_sec - t0.tv_sec < 4);
        lk_live_fini(&r);
    }
}

/* More channels than a fixed table would hold (found in review: channel
 * pipes past the 64th were closed in the children). */
static void many_channels(void **state)
{
    (void)state;
    char yaml[8192] = "procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [";
    for (int k = 0; k < 80; k++)
        snprintf(yaml + strlen(yaml), sizeof yaml - strlen(yaml), "send ch%d %d, ", k, k);
    strcat(yaml, "cpu 2]}\n");
    live_run r;
    lk_live(&r, tk_load(yaml), 5);
    assert_int_equal(r.status, PS_STEP_DONE);
    assert_int_equal(ps_engine_pcb(r.e, 1)->term_signal, 0);
    int code, signo;
    assert_int_equal(ps_live_exit(r.l, 1, &code, &signo), 0);
    assert_int_equal(signo, 0);
    lk_live_fini(&r);
}

/* ---- faults, through the binary --------------------------------------- */

static pid_t start_procsim(const char *file, const char *tick_ms)
{
    pid_t p = fork();
    assert_true(p >= 0);
    if (p == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        if (chdir(PROCSIM_SOURCE_DIR))
            _exit(127);
        execl(PROCSIM_BINARY, PROCSIM_BINARY, "run", file, "--live", "--tick-ms", tick_ms,
              "--format", "csv", (char *)NULL);
        _exit(127);
    }
    return p;
}

/* Start a long live run, wait until it has children, hit it with `signo`,
 * and check that it ended as expected and left nothing behind. */
static void hit_mid_run(int signo)
{
    pid_t p = start_procsim("scenarios/seeds/counter-race.yaml", "50");
    pid_t kids[64];
    int n = 0;
    for (int tries = 0; tries < 500 && n < 10; tries++) { /* main and its nine */
        struct timespec ts = {0, 10000000};
        nanosleep(&ts, NULL);
        n = lk_children_of(p, kids, 64);
    }
    assert_int_equal(n, 10);
    assert_int_equal(kill(p, signo), 0);
    int st;
    assert_int_equal(waitpid(p, &st, 0), p);
    if (signo == SIGKILL)
        assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    else
        assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 1);
    lk_assert_all_gone(kids, n);
}

static void interrupted_procsim_leaves_nothing(void **state)
{
    (void)state;
    hit_mid_run(SIGINT);
    hit_mid_run(SIGTERM);
    hit_mid_run(SIGKILL); /* children die by PR_SET_PDEATHSIG */
}

static void crashing_child_is_recorded_as_killed(void **state)
{
    (void)state;
    live_run r;
    lk_open(&r, tk_load("procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [cpu 1000]}\n"
                        "  - {name: b, program: [cpu 2]}\n"), 5);
    while (r.n < 5 && (r.status = ps_live_step(r.l)) == PS_STEP_OK)
        ;
    pid_t a = ps_live_os_pid(r.l, 1);
    assert_true(a > 0);
    assert_int_equal(kill(a, SIGSEGV), 0);
    do
        r.status = ps_live_step(r.l);
    while (r.status == PS_STEP_OK);
    assert_int_equal(r.status, PS_STEP_DONE);
    const ps_live_event *k = lk_find(&r, 1, PS_RUNNING, PS_EXIT);
    assert_int_equal(k->ev.event, PS_EV_KILL);
    assert_int_equal(k->ev.cause, PS_CAUSE_DIED);
    assert_int_equal(k->ev.a, SIGSEGV);
    assert_int_equal(ps_engine_pcb(r.e, 1)->term_signal, SIGSEGV);
    assert_int_equal(ps_engine_pcb(r.e, 2)->state, PS_EXIT);
    lk_live_fini(&r);
}

/* Exhaust RLIMIT_NPROC in a child of the test (as nobody: root is exempt
 * from the limit) and run a live scenario there: the fork failure must end
 * the run with a clear message and no process left, and give back the
 * mask the backend had blocked every signal with for the fork (the
 * thread's own plus procsim's five; after destroy, its own). */
static void fork_failure_is_reported_cleanly(void **state)
{
    (void)state;
    int pipefd[2];
    assert_int_equal(pipe(pipefd), 0);
    pid_t p = fork();
    assert_true(p >= 0);
    if (p == 0) {
        close(pipefd[0]);
        char msg[400] = "";
        if (getuid() == 0 && (setgid(65534) || setuid(65534)))
            _exit(126);
        struct rlimit rl = {3, 3}; /* this process and two children */
        setrlimit(RLIMIT_NPROC, &rl);
        ps_error err;
        const char *yaml = "procsim: 1\ntitle: t\nprocesses:\n"
                           "  - {name: a, program: [cpu 5]}\n  - {name: b, program: [cpu 5]}\n"
                           "  - {name: c, program: [cpu 5]}\n  - {name: d, program: [cpu 5]}\n";
        ps_scenario *s = ps_scenario_load_string("t", yaml, strlen(yaml), &err);
        ps_engine *e = s ? ps_engine_create(s) : NULL;
        uint64_t mask = lk_thread_mask(), failed_mask = 0;
        ps_live *l = e ? ps_live_create(e, &err) : NULL;
        ps_step_status st = PS_STEP_OK;
        if (l) {
            ps_live_set_tick_ms(l, 5);
            while ((st = ps_live_step(l)) == PS_STEP_OK)
                ;
            failed_mask = lk_thread_mask();
            snprintf(msg, sizeof msg, "%d %s", (int)st, ps_live_error(l, PS_LANG_EN));
            ps_live_destroy(l);
        }
        if (failed_mask != (mask | LK_BACKEND_SIGS) || lk_thread_mask() != mask)
            snprintf(msg, sizeof msg, "mask %#llx, %#llx after the failed fork, %#llx after "
                     "destroy", (unsigned long long)mask, (unsigned long long)failed_mask,
                     (unsigned long long)lk_thread_mask());
        pid_t kids[8];
        int left = lk_children_of(getpid(), kids, 8);
        if (write(pipefd[1], msg, strlen(msg)) < 0)
            _exit(125);
        _exit(st == PS_STEP_FAILED && left == 0 ? 0 : 1);
    }
    close(pipefd[1]);
    char msg[400] = "";
    ssize_t got = read(pipefd[0], msg, sizeof msg - 1);
    msg[got > 0 ? got : 0] = 0;
    close(pipefd[0]);
    int st;
    assert_int_equal(waitpid(p, &st, 0), p);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 ||
        !strstr(msg, "fork: Resource temporarily unavailable"))
        fail_msg("status %d, result: %s", st, msg);
}

/* ---- living in a host -------------------------------------------------- */

/* ---- a mutex, really ---------------------------------------------------- */

/* The kernel's view of `pid`: its state letter, and whether it sleeps in a
 * futex wait (the syscall it is in, or its wait channel). */
static int in_futex_wait(pid_t pid, char *letter)
{
    char path[64];
    *letter = lk_proc_letter(pid);
    if (!*letter)
        return 0;
    long nr = -1;
    snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
    FILE *f = fopen(path, "r");
    if (f) {
        if (fscanf(f, "%ld", &nr) != 1)
            nr = -1;
        fclose(f);
    }
    char wchan[64] = "";
    snprintf(path, sizeof path, "/proc/%d/wchan", (int)pid);
    if ((f = fopen(path, "r"))) {
        size_t got = fread(wchan, 1, sizeof wchan - 1, f);
        wchan[got] = 0;
        fclose(f);
    }
    return nr == SYS_futex || !strncmp(wchan, "futex", 5);
}

/* Two processes contend for one mutex: while the second is Blocked on it,
 * the kernel has it asleep (S) in a futex wait, all the time the holder
 * keeps the lock; it gets the lock once the holder unlocks, and both end
 * normally. */
static void second_locker_sleeps_in_the_kernel(void **state)
{
    (void)state;
    live_run r;
    lk_open(&r, tk_load("procsim: 1\ntitle: t\nsystem: {cpus: 2}\nprocesses:\n"
                        "  - {name: h, program: [lock m, cpu 6, unlock m, cpu 1]}\n"
                        "  - {name: w, arrival: 1, program: [lock m, cpu 1, unlock m, "
                        "exit 4]}\n"),
            20);
    int seen = 0;
    while ((r.status = ps_live_step(r.l)) == PS_STEP_OK) {
        const ps_pcb *w = ps_engine_pcb(r.e, 2);
        if (w->state != PS_BLOCKED)
            continue;
        assert_int_equal(w->wait_kind, PS_WAIT_MUTEX);
        pid_t os = ps_live_os_pid(r.l, 2);
        /* look every 5 ms until the next instant is due (the first time,
         * let it get from saying BLOCKING into the lock) */
        for (int first = 1; first || ps_live_due_ns(r.l) > 0; first = 0, seen++) {
            char letter = 0;
            int futex = 0;
            for (int i = 0; i < (first ? 200 : 1) && !(futex && letter == 'S'); i++) {
                futex = in_futex_wait(os, &letter);
                struct timespec ts = {0, first ? 1000000 : 5000000};
                nanosleep(&ts, NULL);
            }
            if (!futex || letter != 'S')
                fail_msg("w is Blocked on the mutex, the kernel shows %c%s",
                         letter ? letter : '?',
                         futex ? " in a futex wait" : ", not in a futex wait");
        }
    }
    assert_int_equal(r.status, PS_STEP_DONE);
    /* blocked from tick 1 to tick 6 (100 ms), looked at every 5 ms; how
       many looks a loaded machine fits in is no rule: at least one */
    assert_true(seen >= 1);
    lk_find(&r, 2, PS_BLOCKED, PS_READY);
    int code, signo;
    assert_int_equal(ps_live_exit(r.l, 2, &code, &signo), 0);
    assert_int_equal(signo, 0);
    assert_int_equal(code, 4);
    assert_int_equal(ps_live_divergences(r.l), 0);
    lk_live_fini(&r);
}

/* The real side of the PCB's open files: a live child's descriptors from
 * /proc/PID/fd, in order by number, among them the channel's pipe; the
 * lowest max when there are more; none to read once it has exited. */
static void real_open_files_come_from_proc(void **state)
{
    (void)state;
    live_run r;
    lk_open(&r, tk_load("procsim: 1\ntitle: t\nprocesses:\n"
                        "  - {name: rx, program: [recv q]}\n"
                        "  - {name: tx, arrival: 2, program: [send q 7]}\n"), 10);
    assert_int_equal(ps_live_open_fds(r.l, 1, NULL, 0), -1); /* not forked yet */
    int checked = 0;
    while ((r.status = ps_live_step(r.l)) == PS_STEP_OK) {
        if (checked || ps_engine_pcb(r.e, 1)->state != PS_BLOCKED)
            continue;
        ps_live_fd fds[64], low;
        int n = ps_live_open_fds(r.l, 1, fds, 64);
        assert_true(n >= 3 && n <= 64);
        int pipes = 0;
        for (int i = 0; i < n; i++) {
            if (i)
                assert_true(fds[i - 1].fd < fds[i].fd);
            pipes += !strncmp(fds[i].target, "pipe:[", 6);
        }
        assert_true(pipes >= 1);
        assert_int_equal(ps_live_open_fds(r.l, 1, &low, 1), n);
        assert_int_equal(low.fd, fds[0].fd);
        assert_string_equal(low.target, fds[0].target);
        checked = 1;
    }
    assert_int_equal(r.status, PS_STEP_DONE);
    assert_true(checked);
    ps_live_fd f;
    assert_int_equal(ps_live_open_fds(r.l, 1, &f, 1), -1); /* exited */
    lk_live_fini(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kernel_letters_follow_the_model),
        cmocka_unit_test(kill_is_a_real_signal),
        cmocka_unit_test(seed_demos_give_real_results),
        cmocka_unit_test(every_shipped_scenario_runs_live_like_the_model),
        cmocka_unit_test(waiters_are_served_in_the_model_order),
        cmocka_unit_test(many_channels),
        cmocka_unit_test(interrupted_procsim_leaves_nothing),
        cmocka_unit_test(crashing_child_is_recorded_as_killed),
        cmocka_unit_test(fork_failure_is_reported_cleanly),
        cmocka_unit_test(second_locker_sleeps_in_the_kernel),
        cmocka_unit_test(the_language_runs_live_like_the_model),
        cmocka_unit_test(copies_and_while_not_empty_run_live_like_the_model),
        cmocka_unit_test(real_open_files_come_from_proc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
