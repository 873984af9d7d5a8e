/* test_rules_instant.c — the rules of one instant (docs/engine.md, "One
 * instant, in order": I1-I14): in which order the things that happen at
 * one tick are done, and what follows from that order.
 *
 * Each test is a short scenario whose trace differs when the order is not
 * the documented one; tk_moves gives the transitions of one tick in the
 * order the engine made them ("b>blocked" = b entered Blocked). */
#include <string.h>

#include "testkit.h"

#define HEAD(system) "procsim: 1\ntitle: t\nsystem: {" system "}\nprocesses:\n"

#define MOVES(tick, want)                                                    \
    do {                                                                     \
        char buf_[512];                                                      \
        assert_string_equal(tk_moves(&r, tick, buf_, sizeof buf_), want);    \
    } while (0)

#define PATH(name, want)                                                     \
    do {                                                                     \
        char buf_[512];                                                      \
        assert_string_equal(tk_path(&r, name, buf_, sizeof buf_), want);     \
    } while (0)

/* I1: CPU slices end CPU 0 first.  y (pid 2) is on CPU 0, x (pid 1) on
 * CPU 1; both reach `io disk` at 3: y's request is first, x queues behind
 * it, although x has the lower pid. */
static void rule_I1_cpu_slices_end_cpu_0_first(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 2")
                "  - {name: x, arrival: 1, program: [cpu 2, io disk 5]}\n"
                "  - {name: y, program: [cpu 3, io disk 5]}\n", -1);
    MOVES(3, "y>blocked x>blocked");
    assert_int_equal(tk_when(&r, "y", PS_READY, 1), 8);  /* served 3-8 */
    assert_int_equal(tk_when(&r, "x", PS_READY, 1), 13); /* then 8-13 */
    tk_run_fini(&r);
}

/* I2: the boost comes before devices finish.  At 10, a is on level 2 and
 * back from I/O, b runs on level 1.  The boost first lifts b (the running
 * one) to the top; a, woken after it, joins the top queue behind b, so b
 * keeps the CPU and a runs when b's new quantum ends at 11.  (Woken first,
 * a would be boosted from the lowest level, ahead of b, and preempt it.) */
static void rule_I2_the_boost_comes_before_devices_finish(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: mlfq, quantum: 1, mlfq_allotments: [1, 5, 1], "
                         "mlfq_boost: 10")
                "  - {name: a, program: [cpu 6, io disk 4, cpu 1]}\n"
                "  - {name: b, arrival: 6, program: [cpu 20]}\n", -1);
    assert_int_equal(tk_when(&r, "a", PS_BLOCKED, 0), 6);
    MOVES(10, "a>ready");
    MOVES(11, "b>ready a>running");
    tk_run_fini(&r);
}

/* I3: devices and sleeps finish in pid order.  Under mlfq the woken join
 * the queue in the order they are woken; both rows wake two processes at
 * 5, one from the disk and one from a sleep, and the lower pid runs first
 * whichever way round. */
static void rule_I3_devices_and_sleeps_finish_in_pid_order(void **state)
{
    (void)state;
    static const char *const yaml[] = {
        HEAD("policy: mlfq, quantum: 10, mlfq_levels: 1")
        "  - {name: p1, arrival: 1, program: [io disk 4, cpu 1]}\n"
        "  - {name: p2, program: [sleep 5, cpu 1]}\n",
        HEAD("policy: mlfq, quantum: 10, mlfq_levels: 1")
        "  - {name: p1, arrival: 1, program: [sleep 4, cpu 1]}\n"
        "  - {name: p2, program: [io disk 5, cpu 1]}\n",
    };
    for (size_t i = 0; i < 2; i++) {
        tk_run r;
        tk_run_yaml(&r, yaml[i], -1);
        MOVES(5, "p1>ready p2>ready p1>running");
        tk_run_fini(&r);
    }
}

/* I4: scripted events in file order: the suspend at 2 and then the resume
 * at 2, so a is back at once (the other way round, resume would find
 * nothing to resume and a would stay suspended forever). */
static void rule_I4_scripted_events_in_file_order(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: a, program: [cpu 4]}\n"
                "events:\n  - {at: 2, do: suspend a}\n  - {at: 2, do: resume a}\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    MOVES(2, "a>ready-suspended a>ready a>running");
    assert_int_equal(ps_engine_pcb(r.e, 1)->finish, 4);
    tk_run_fini(&r);
}

/* I5: arrivals in pid order: a and b arrive together and only one fits in
 * memory; a, first in the file, is created and admitted first. */
static void rule_I5_arrivals_in_pid_order(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("memory: 100")
                "  - {name: a, arrival: 3, memory: 60, program: [cpu 1]}\n"
                "  - {name: b, arrival: 3, memory: 60, program: [cpu 1]}\n", -1);
    MOVES(3, "a>new b>new a>ready b>ready-suspended a>running");
    tk_run_fini(&r);
}

/* I6: admission comes before dispatch.  At 2, x (priority 5) is woken and
 * y (priority 0) arrives; the CPU is free.  y is admitted before anyone
 * is dispatched, so the non-preemptive priority scheduler picks y. */
static void rule_I6_admission_before_dispatch(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: priority")
                "  - {name: x, priority: 5, program: [sleep 2, cpu 3]}\n"
                "  - {name: y, arrival: 2, priority: 0, program: [cpu 1]}\n", -1);
    MOVES(2, "x>ready y>new y>ready y>running");
    assert_int_equal(tk_when(&r, "x", PS_RUNNING, 1), 3);
    tk_run_fini(&r);
}

/* I7: dispatch fills idle CPUs, lowest number first, and only then
 * preempts.  c arrives at 2 with CPUs 0 and 2 idle: it takes CPU 0.  u is
 * more urgent than a, but CPU 1 is idle: u takes it, a is not preempted. */
static void rule_I7_idle_cpus_lowest_first_before_preempting(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 3")
                "  - {name: a, program: [cpu 1]}\n"
                "  - {name: b, program: [cpu 5]}\n"
                "  - {name: c, arrival: 2, program: [cpu 1]}\n", -1);
    long i = tk_find(&r, "c", PS_RUNNING, 0);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_PICKED);
    assert_int_equal(r.ev[i].a, 0); /* the CPU it was picked for */
    tk_run_fini(&r);

    tk_run_yaml(&r, HEAD("cpus: 2, policy: priority-preemptive")
                "  - {name: a, priority: 5, program: [cpu 5]}\n"
                "  - {name: u, arrival: 1, priority: 0, program: [cpu 2]}\n", -1);
    PATH("a", "new ready running exit");
    MOVES(1, "u>new u>ready u>running");
    tk_run_fini(&r);
}

/* I8: admission, swapping and dispatch repeat until nothing moves.  p's
 * spawn at 0 creates c, which is admitted and takes the second CPU at 0;
 * at 4, b's exit frees the memory that c2 waits for, and c2 is swapped in
 * and dispatched in that same instant. */
static void rule_I8_settling_repeats_until_nothing_moves(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 2")
                "  - {name: p, program: [spawn c, cpu 3]}\n"
                "  - {name: c, parent: p, program: [cpu 1]}\n", -1);
    MOVES(0, "p>new p>ready p>running c>new c>ready c>running");
    tk_run_fini(&r);

    tk_run_yaml(&r, HEAD("memory: 100")
                "  - {name: b, memory: 100, program: [cpu 4]}\n"
                "  - {name: c2, arrival: 1, memory: 100, program: [cpu 1]}\n", -1);
    MOVES(4, "b>exit c2>ready c2>running");
    tk_run_fini(&r);
}

/* I9: under ostep, each event of an instant is decided on before the
 * next.  At 3, e ends and o's I/O completes.  e's CPU goes first to the
 * next Ready process after e, which is x (o is still Blocked); only then
 * is o woken.  (Decided together, o, right after e, would run.) */
static void rule_I9_ostep_decides_after_each_event(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: ostep")
                "  - {name: e, arrival: 1, program: [cpu 2]}\n"
                "  - {name: o, program: [cpu 1, io disk 2, cpu 1]}\n"
                "  - {name: x, arrival: 2, program: [cpu 2]}\n", -1);
    MOVES(3, "e>exit x>running o>ready");
    tk_run_fini(&r);
}

/* I11: a process woken at t is Ready at t and may be dispatched at t. */
static void rule_I11_woken_at_t_runs_at_t(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: a, program: [sleep 3, cpu 1]}\n"
                "  - {name: b, program: [cpu 1, io disk 2, cpu 1]}\n", -1);
    MOVES(3, "a>ready b>ready a>running");
    assert_int_equal(ps_engine_pcb(r.e, 1)->finish, 4);
    tk_run_fini(&r);
}

/* I13: scripted events come before arrivals: a kill at the tick a arrives
 * finds no a and does nothing; one tick later it kills a. */
static void rule_I13_scripted_events_before_arrivals(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: a, arrival: 2, program: [cpu 3]}\n"
                "events:\n  - {at: 2, do: kill a}\n", -1);
    PATH("a", "new ready running exit");
    assert_int_equal(ps_engine_pcb(r.e, 1)->term_signal, 0);
    assert_int_equal(ps_engine_pcb(r.e, 1)->finish, 5);
    tk_run_fini(&r);

    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: a, arrival: 2, program: [cpu 3]}\n"
                "events:\n  - {at: 3, do: kill a}\n", -1);
    assert_int_equal(ps_engine_pcb(r.e, 1)->term_signal, 9);
    assert_int_equal(ps_engine_pcb(r.e, 1)->finish, 3);
    tk_run_fini(&r);
}

/* I14: a burst that ends with its quantum goes on to its next op.  Under
 * rr with quantum 2, a's 2 ticks end at 2 exactly as its quantum does:
 * it starts its I/O (and c, ending likewise at 6, exits); neither is
 * timed out, although b is waiting each time. */
static void rule_I14_burst_ending_with_the_quantum_is_not_timed_out(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: rr, quantum: 2")
                "  - {name: a, program: [cpu 2, io disk 3, cpu 1]}\n"
                "  - {name: b, program: [cpu 6]}\n"
                "  - {name: c, arrival: 3, program: [cpu 2]}\n", -1);
    PATH("a", "new ready running blocked ready running exit");
    PATH("c", "new ready running exit");
    MOVES(2, "a>blocked b>running");
    tk_run_fini(&r);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_I1_cpu_slices_end_cpu_0_first),
        cmocka_unit_test(rule_I2_the_boost_comes_before_devices_finish),
        cmocka_unit_test(rule_I3_devices_and_sleeps_finish_in_pid_order),
        cmocka_unit_test(rule_I4_scripted_events_in_file_order),
        cmocka_unit_test(rule_I5_arrivals_in_pid_order),
        cmocka_unit_test(rule_I6_admission_before_dispatch),
        cmocka_unit_test(rule_I7_idle_cpus_lowest_first_before_preempting),
        cmocka_unit_test(rule_I8_settling_repeats_until_nothing_moves),
        cmocka_unit_test(rule_I9_ostep_decides_after_each_event),
        cmocka_unit_test(rule_I11_woken_at_t_runs_at_t),
        cmocka_unit_test(rule_I13_scripted_events_before_arrivals),
        cmocka_unit_test(rule_I14_burst_ending_with_the_quantum_is_not_timed_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
