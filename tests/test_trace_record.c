/* test_trace_record.c — the recorder behind `procsim trace --record`
 * (trace.h, docs/trace.md "Record and replay") fed a run told
 * transition by transition, its scenario loaded and replayed in the
 * model: what the replay must keep of the run.
 *
 * The scenario's frame (its slots, tick, CPUs) comes from a real trace of
 * `true`; the transitions are written here, so that the run is the same
 * every time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "procsim/scenario.h"
#include "procsim/trace.h"

/* A finished trace of `true` on one CPU with four slots. */
static ps_trace *trace_of_true(void)
{
    char *const argv[] = {"true", NULL};
    ps_trace_options o = {.argv = argv, .cpus = 1, .max_procs = 4, .linger_ms = -1};
    ps_error err = {0};
    ps_trace *t = ps_trace_start(&o, &err);
    if (!t)
        fail_msg("ps_trace_start: %s", err.msg);
    ps_step_status st;
    do
        st = ps_trace_poll(t, 100 * 1000 * 1000);
    while (st == PS_STEP_OK || st == PS_STEP_UNTIL);
    assert_int_equal(st, PS_STEP_DONE);
    return t;
}

typedef struct move {
    int64_t time;
    uint32_t pid;
    ps_state from, to;
    ps_event event;
    ps_cause cause;
    int64_t a, b;
} move;

static void feed(ps_trace_recorder *r, const move *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ps_live_event ev = {.ev = {m[i].time, m[i].pid, (uint8_t)m[i].from, (uint8_t)m[i].to,
                                   (uint8_t)m[i].event, (uint8_t)m[i].cause, 0, m[i].a,
                                   m[i].b}};
        assert_int_equal(ps_trace_recorder_add(r, &ev), 0);
    }
}

/* The root forks two children at tick 1 and waits.  The real run let
 * them wait for a CPU (Ready, which a recording leaves to the model's
 * scheduler) until ticks 6 and 8; one then sleeps and the other runs,
 * until both are killed at tick 10.  In the replay they get to their ops
 * sooner; the kill must still be what ends them. */
static void a_killed_process_lives_until_its_kill(void **state)
{
    (void)state;
    static const move run[] = {
        {0, 1, PS_NONE, PS_NEW, PS_EV_CREATE, PS_CAUSE_RUNNABLE, 0, 0},
        {0, 1, PS_NEW, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0},
        {0, 1, PS_READY, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0},
        {1, 2, PS_NONE, PS_NEW, PS_EV_CREATE, PS_CAUSE_FORKED, 1, 0},
        {1, 3, PS_NONE, PS_NEW, PS_EV_CREATE, PS_CAUSE_FORKED, 1, 0},
        {1, 1, PS_RUNNING, PS_BLOCKED, PS_EV_WAIT, PS_CAUSE_SYS_WAIT4, 0, 0},
        {1, 2, PS_NEW, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0},
        {1, 3, PS_NEW, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0},
        {6, 3, PS_READY, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0},
        {8, 2, PS_READY, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0},
        {8, 2, PS_RUNNING, PS_BLOCKED, PS_EV_WAIT, PS_CAUSE_SYS_SLEEP, 3000, 0},
        {10, 2, PS_BLOCKED, PS_EXIT, PS_EV_KILL, PS_CAUSE_KILLED_BY, 9, 1},
        {10, 3, PS_RUNNING, PS_EXIT, PS_EV_KILL, PS_CAUSE_KILLED_BY, 15, 1},
        {10, 1, PS_BLOCKED, PS_READY, PS_EV_WAKE, PS_CAUSE_WOKEN, 0, 0},
        {10, 1, PS_READY, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0},
        {11, 1, PS_RUNNING, PS_EXIT, PS_EV_RELEASE, PS_CAUSE_EXIT_STATUS, 0, 0},
    };
    ps_trace *t = trace_of_true();
    ps_trace_recorder *r = ps_trace_recorder_create();
    assert_non_null(r);
    feed(r, run, sizeof run / sizeof run[0]);
    size_t len = 0;
    char *yaml = ps_trace_recorder_yaml(r, t, &len);
    assert_non_null(yaml);
    ps_error err = {0};
    ps_scenario *s = ps_scenario_load_string("recorded.yaml", yaml, len, &err);
    if (!s)
        fail_msg("%s\n%s", err.msg, yaml);
    ps_engine *e = ps_engine_create(s);
    assert_non_null(e);
    assert_int_equal(ps_engine_run(e, 1000), PS_STEP_DONE);
    for (uint32_t pid = 2; pid <= 3; pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        assert_non_null(p);
        if (p->term_signal == 0)
            fail_msg("pid %u ended with exit %d before its kill:\n%s", pid, p->exit_code, yaml);
    }
    assert_int_equal(ps_engine_pcb(e, 1)->term_signal, 0);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    free(yaml);
    ps_trace_recorder_destroy(r);
    ps_trace_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_killed_process_lives_until_its_kill),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
