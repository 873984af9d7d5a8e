/* test_trace_limits.c — the trace backend (trace.h) at the edges of what
 * the system gives it: a descriptor limit lower than the tree needs (the
 * run still ends, and nothing is left), and one too low for the Python
 * hook's high descriptor (the trace still starts); and a parent killed
 * right after it forks, before its fork event is reported (its child is
 * still shown, runs, and is reaped).  Each run is made in a
 * forked child of the test, whose limit is lowered with setrlimit, and
 * which says how it went in its exit status; a bound (alarm) that only a
 * broken backend reaches ends a child that hangs.
 *
 * No timed assertions: a run is polled until it ends. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "procsim/trace.h"

#define BOUND_S 60 /* what only a broken backend reaches */

/* Exit statuses of a run's child. */
enum { RUN_DONE = 0, RUN_CLEAR_FAILURE = 3, RUN_START_FAILED = 4, RUN_LEFT = 5, RUN_BAD = 6 };

static int nothing_left(void)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (!(waitid(P_ALL, 0, &si, WEXITED | WSTOPPED | WNOHANG | WNOWAIT) == -1 &&
          errno == ECHILD))
        return 0;
    return 1;
}

/* In a child: lower the descriptor limit to `nofile`, trace argv to its
 * end, destroy, and exit with how it went. */
static void __attribute__((noreturn)) run_limited(rlim_t nofile, char **argv, const char *hook,
                                                  int no_ptrace)
{
    alarm(BOUND_S);
    struct rlimit r = {nofile, nofile};
    if (setrlimit(RLIMIT_NOFILE, &r))
        _exit(RUN_BAD);
    ps_trace_options o = {.argv = argv, .linger_ms = -1, .python_hook_dir = hook,
                          .no_ptrace = no_ptrace};
    ps_error err;
    ps_trace *t = ps_trace_start(&o, &err);
    if (!t) {
        fprintf(stderr, "ps_trace_start: %s\n", err.msg);
        _exit(RUN_START_FAILED);
    }
    ps_step_status st;
    while ((st = ps_trace_poll(t, 20 * 1000000)) == PS_STEP_OK) {
    }
    int code = RUN_DONE;
    if (st != PS_STEP_DONE) {
        fprintf(stderr, "trace: %d %s\n", (int)st, ps_trace_error(t, PS_LANG_EN));
        code = ps_trace_error(t, PS_LANG_EN)[0] ? RUN_CLEAR_FAILURE : RUN_BAD;
    }
    ps_trace_destroy(t);
    if (!nothing_left())
        code = RUN_LEFT;
    struct rlimit after;
    if (getrlimit(RLIMIT_NOFILE, &after) || after.rlim_cur != nofile)
        code = RUN_BAD; /* destroy gives procsim its own limit back */
    _exit(code);
}

static int run_in_child(rlim_t nofile, char **argv, const char *hook, int no_ptrace)
{
    pid_t c = fork();
    assert_true(c >= 0);
    if (c == 0)
        run_limited(nofile, argv, hook, no_ptrace);
    int st;
    assert_int_equal(waitpid(c, &st, 0), c);
    if (WIFSIGNALED(st))
        fail_msg("the traced run was killed by signal %d (hung: SIGALRM is %d)", WTERMSIG(st),
                 SIGALRM);
    return WEXITSTATUS(st);
}

/* More live children than descriptors: the run ends, DONE (or a clear
 * failure), and nothing is left. */
static void test_more_children_than_descriptors(void **state)
{
    (void)state;
    char *argv[] = {"/bin/sh", "-c",
                    "i=0; while [ $i -lt 60 ]; do sleep 0.5 & i=$((i+1)); done; wait", NULL};
    for (int no_ptrace = 0; no_ptrace <= 1; no_ptrace++) { /* and in the fallback */
        int code = run_in_child(48, argv, NULL, no_ptrace);
        if (code != RUN_DONE && code != RUN_CLEAR_FAILURE)
            fail_msg("%s: status %d", no_ptrace ? "without ptrace" : "with ptrace", code);
    }
}

/* The root gets the limit procsim had, not the one it raised. */
static void test_root_keeps_its_limit(void **state)
{
    (void)state;
    char *argv[] = {"/bin/sh", "-c", "[ \"$(ulimit -n)\" = 100 ]", NULL};
    pid_t c = fork();
    assert_true(c >= 0);
    if (c == 0) {
        alarm(BOUND_S);
        struct rlimit r;
        getrlimit(RLIMIT_NOFILE, &r);
        r.rlim_cur = 100;
        if (r.rlim_max < 200 || setrlimit(RLIMIT_NOFILE, &r))
            _exit(RUN_BAD);
        ps_trace_options o = {.argv = argv, .linger_ms = -1};
        ps_error err;
        ps_trace *t = ps_trace_start(&o, &err);
        if (!t)
            _exit(RUN_START_FAILED);
        struct rlimit during;
        getrlimit(RLIMIT_NOFILE, &during);
        ps_step_status st;
        while ((st = ps_trace_poll(t, 20 * 1000000)) == PS_STEP_OK) {
        }
        int code = -1, sig = -1;
        int ok = st == PS_STEP_DONE && ps_trace_exit(t, &code, &sig) == 0 && code == 0 &&
                 during.rlim_cur == r.rlim_max;
        ps_trace_destroy(t);
        _exit(ok ? RUN_DONE : RUN_BAD);
    }
    int st;
    assert_int_equal(waitpid(c, &st, 0), c);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), RUN_DONE);
}

/* A limit at or below the hook's high descriptor (200): the trace starts
 * all the same (the hook's pipe keeps a low number). */
static void test_hook_under_a_low_limit(void **state)
{
    (void)state;
    char *argv[] = {"/bin/true", NULL};
    assert_int_equal(run_in_child(150, argv, PROCSIM_SOURCE_DIR "/sim/trace/pyhook", 0), RUN_DONE);
}

/* ---- a parent killed right after it forks --------------------------------- */

typedef struct outbuf {
    char *text;
    size_t len, cap;
} outbuf;

static void on_output(void *ctx, const ps_trace_note *n)
{
    outbuf *b = ctx;
    if (n->kind != PS_TN_OUTPUT)
        return;
    if (b->len + n->len + 1 > b->cap) {
        b->cap = (b->len + n->len + 1) * 2;
        b->text = realloc(b->text, b->cap);
        assert_non_null(b->text);
    }
    memcpy(b->text + b->len, n->text, n->len);
    b->len += n->len;
    b->text[b->len] = 0;
}

static void on_row(void *ctx, const ps_live_event *ev)
{
    (void)ctx;
    assert_int_not_equal(ev->ev.kind, PS_TR_ILLEGAL);
}

/* Every child ran (it wrote its pid) and has a slot; every process shown
 * ended in Exit, reaped; and no child of ours is left, not even a zombie
 * (the test is a subreaper itself, so orphans the trace left come here). */
static void test_parent_killed_after_fork(void **state)
{
    (void)state;
    int old_sub = 0;
    prctl(PR_GET_CHILD_SUBREAPER, &old_sub);
    assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    char *argv[] = {ORPHAN_FORK, NULL};
    ps_trace_options o = {.argv = argv, .linger_ms = -1, .capture_output = 1,
                          .max_procs = PS_TRACE_PROCS_LIMIT};
    ps_error err;
    ps_trace *t = ps_trace_start(&o, &err);
    if (!t)
        fail_msg("ps_trace_start: %s", err.msg);
    outbuf out = {0};
    ps_trace_set_note_listener(t, on_output, &out);
    ps_trace_set_listener(t, on_row, NULL);
    alarm(BOUND_S);
    ps_step_status st;
    while ((st = ps_trace_poll(t, 20 * 1000000)) == PS_STEP_OK) {
    }
    alarm(0);
    if (st != PS_STEP_DONE)
        fail_msg("trace: %d %s", (int)st, ps_trace_error(t, PS_LANG_EN));
    int seen = 0;
    for (char *p = out.text; p && *p;) {
        char *end;
        long pid = strtol(p, &end, 10);
        if (end == p)
            break;
        uint32_t slot = ps_trace_find(t, (pid_t)pid);
        if (!slot)
            fail_msg("child %ld ran but is not in the trace", pid);
        seen++;
        p = *end ? end + 1 : end;
    }
    assert_true(seen > 0);
    ps_engine *e = ps_trace_engine(t);
    for (uint32_t p = 1; p <= ps_engine_nprocs(e); p++) {
        const ps_pcb *pcb = ps_engine_pcb(e, p);
        if (pcb->created && (pcb->state != PS_EXIT || !pcb->reaped))
            fail_msg("process %u (%d) not reaped: state %s", p,
                     (int)ps_trace_scenario(t)->procs[p - 1].os_pid, ps_state_name(pcb->state));
    }
    ps_trace_destroy(t);
    free(out.text);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int rc = waitid(P_ALL, 0, &si, WEXITED | WNOHANG);
    int left = !(rc == -1 && errno == ECHILD);
    alarm(BOUND_S);
    while (waitpid(-1, NULL, 0) > 0) { /* the rest of a broken run: destroy killed them */
    }
    alarm(0);
    prctl(PR_SET_CHILD_SUBREAPER, old_sub);
    if (left)
        fail_msg("a child was left (pid %d)", (int)si.si_pid);
}

/* ---- ran between two samples, blocked at both ---------------------------- */

typedef struct rows {
    ps_live_event *ev;
    size_t n, cap;
} rows;

static void keep_row(void *ctx, const ps_live_event *ev)
{
    rows *r = ctx;
    assert_int_not_equal(ev->ev.kind, PS_TR_ILLEGAL);
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 1024;
        r->ev = realloc(r->ev, r->cap * sizeof *r->ev);
        assert_non_null(r->ev);
    }
    r->ev[r->n++] = *ev;
}

/* A ping-pong pair is Blocked at most samples, and runs many times
 * between any two: a sample that finds it Blocked again moves it through
 * wake, dispatch (RAN_BETWEEN) and wait, all in its tick (a path nothing
 * else makes but an exit).  Asked: such triples at all, for each of the
 * pair (unloaded, a third to a half of its samples have one; under load
 * more samples find it runnable instead, so no share is asked).  How
 * many of its waits are only "sleeping in the kernel" (its syscall file
 * read "running") is printed with TRACE_DUMP=1, not asked: in some runs
 * the file never holds still for the pair at all, fix or not. */
static void test_ping_pong_moves(void **state)
{
    (void)state;
    char *argv[] = {PING_PONG, NULL};
    ps_trace_options o = {.argv = argv, .linger_ms = -1, .sample_ms = 5};
    ps_error err;
    ps_trace *t = ps_trace_start(&o, &err);
    if (!t)
        fail_msg("ps_trace_start: %s", err.msg);
    rows r = {0};
    ps_trace_set_listener(t, keep_row, &r);
    alarm(BOUND_S);
    ps_step_status st;
    while ((st = ps_trace_poll(t, 20 * 1000000)) == PS_STEP_OK) {
    }
    alarm(0);
    if (st != PS_STEP_DONE)
        fail_msg("trace: %d %s", (int)st, ps_trace_error(t, PS_LANG_EN));
    int kernel_waits = 0, waits = 0;
    for (uint32_t pid = 1; pid <= 2; pid++) {
        int64_t born = -1, end = -1;
        int triples = 0, kernel_wait = 0, blocked = 0;
        const ps_trace_event *last[2] = {NULL, NULL}; /* its two rows before */
        for (size_t i = 0; i < r.n; i++) {
            const ps_trace_event *e = &r.ev[i].ev;
            if (e->pid != pid)
                continue;
            if (e->to == PS_NEW)
                born = e->time;
            if (e->to == PS_EXIT)
                end = e->time;
            triples += e->to == PS_BLOCKED && last[0] && last[1] &&
                       last[0]->cause == PS_CAUSE_RAN_BETWEEN && last[1]->to == PS_READY &&
                       last[1]->cause == PS_CAUSE_WOKEN && last[1]->time == e->time &&
                       last[0]->time == e->time;
            last[1] = last[0];
            last[0] = e;
            kernel_wait += e->to == PS_BLOCKED && e->cause == PS_CAUSE_KERNEL_WAIT;
            blocked += e->to == PS_BLOCKED;
        }
        assert_true(born >= 0 && end > born);
        int64_t lived = end - born;
        if (getenv("TRACE_DUMP"))
            fprintf(stderr, "process %u: %d triples in %lld samples, %d of %d waits KERNEL_WAIT\n",
                    pid, triples, (long long)lived, kernel_wait, blocked);
        kernel_waits += kernel_wait;
        waits += blocked;
        if (triples == 0)
            fail_msg("process %u lived %lld samples, woken, run and blocked again in one of "
                     "them %d times", pid, (long long)lived, triples);
    }
    if (getenv("TRACE_DUMP"))
        fprintf(stderr, "%d of the pair's %d waits were only 'sleeping in the kernel'\n",
                kernel_waits, waits);
    ps_trace_destroy(t);
    free(r.ev);
}

/* ---- the period comes back ------------------------------------------------ */

/* 1 ms asked, 400 processes alive at once: a sample takes longer than a
 * fifth of that, so the period is stretched; then they end and samples
 * are cheap again for a while: the period comes back below the longest
 * it was (or the samples were never slow here, which is said). */
static void test_period_comes_back(void **state)
{
    (void)state;
    char *argv[] = {"/bin/sh", "-c",
                    "i=0; while [ $i -lt 400 ]; do sleep 1 & i=$((i+1)); done; wait; sleep 1",
                    NULL};
    ps_trace_options o = {.argv = argv, .linger_ms = -1, .sample_ms = 1};
    ps_error err;
    ps_trace *t = ps_trace_start(&o, &err);
    if (!t)
        fail_msg("ps_trace_start: %s", err.msg);
    alarm(BOUND_S);
    ps_step_status st;
    int64_t longest = 0;
    ps_trace_info info;
    while ((st = ps_trace_poll(t, 20 * 1000000)) == PS_STEP_OK) {
        ps_trace_get_info(t, &info);
        if (info.sample_ms > longest)
            longest = info.sample_ms;
    }
    alarm(0);
    if (st != PS_STEP_DONE)
        fail_msg("trace: %d %s", (int)st, ps_trace_error(t, PS_LANG_EN));
    ps_trace_get_info(t, &info);
    ps_trace_destroy(t);
    if (longest <= 1)
        fail_msg("the samples were never slow: nothing to come back from (longest %lld us)",
                 (long long)info.sample_max_ns / 1000);
    if (info.sample_ms >= longest)
        fail_msg("the period stayed stretched: %lld ms (1 asked, %lld the longest)",
                 (long long)info.sample_ms, (long long)longest);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_more_children_than_descriptors),
        cmocka_unit_test(test_root_keeps_its_limit),
        cmocka_unit_test(test_hook_under_a_low_limit),
        cmocka_unit_test(test_parent_killed_after_fork),
        cmocka_unit_test(test_ping_pong_moves),
        cmocka_unit_test(test_period_comes_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
