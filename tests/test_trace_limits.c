/* test_trace_limits.c — the trace backend (trace.h) at the edges of what
 * the system gives it: a descriptor limit lower than the tree needs (the
 * run still ends, and nothing is left), and one too low for the Python
 * hook's high descriptor (the trace still starts).  Each run is made in a
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
static void __attribute__((noreturn)) run_limited(rlim_t nofile, char **argv, const char *hook)
{
    alarm(BOUND_S);
    struct rlimit r = {nofile, nofile};
    if (setrlimit(RLIMIT_NOFILE, &r))
        _exit(RUN_BAD);
    ps_trace_options o = {.argv = argv, .linger_ms = -1, .python_hook_dir = hook};
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
        fprintf(stderr, "trace: %d %s\n", (int)st, ps_trace_error(t));
        code = ps_trace_error(t)[0] ? RUN_CLEAR_FAILURE : RUN_BAD;
    }
    ps_trace_destroy(t);
    if (!nothing_left())
        code = RUN_LEFT;
    struct rlimit after;
    if (getrlimit(RLIMIT_NOFILE, &after) || after.rlim_cur != nofile)
        code = RUN_BAD; /* destroy gives procsim its own limit back */
    _exit(code);
}

static int run_in_child(rlim_t nofile, char **argv, const char *hook)
{
    pid_t c = fork();
    assert_true(c >= 0);
    if (c == 0)
        run_limited(nofile, argv, hook);
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
    int code = run_in_child(48, argv, NULL);
    assert_true(code == RUN_DONE || code == RUN_CLEAR_FAILURE);
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
    assert_int_equal(run_in_child(150, argv, PROCSIM_SOURCE_DIR "/sim/trace/pyhook"), RUN_DONE);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_more_children_than_descriptors),
        cmocka_unit_test(test_root_keeps_its_limit),
        cmocka_unit_test(test_hook_under_a_low_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
