/* test_rules_sched.c — short-term scheduling rules beyond the textbook
 * schedules of test_policies.c (docs/engine.md, "Short-term scheduling":
 * P-ties, P-burst, P-cpus, the strictness of preemption, and the MLFQ and
 * ostep rules those schedules do not show).
 *
 * Most tests compare the order of dispatches ("A B A": A ran, then B,
 * then A again) with the order the rule predicts. */
#include <stdio.h>
#include <string.h>

#include "testkit.h"
#include "procsim/scenario_build.h"

#define HEAD(system) "procsim: 1\ntitle: t\nsystem: {" system "}\nprocesses:\n"

#define PATH(name, want)                                                     \
    do {                                                                     \
        char buf_[512];                                                      \
        assert_string_equal(tk_path(&r, name, buf_, sizeof buf_), want);     \
    } while (0)

#define MOVES(tick, want)                                                    \
    do {                                                                     \
        char buf_[512];                                                      \
        assert_string_equal(tk_moves(&r, tick, buf_, sizeof buf_), want);    \
    } while (0)

/* The names of the processes whose transitions have `cause` (or every
 * dispatch, for PS_CAUSE_PICKED), in order, joined by spaces. */
static const char *names_by_cause(const tk_run *r, ps_cause cause, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].cause == cause)
            len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s",
                                    len ? " " : "", r->s->procs[r->ev[i].pid - 1].name);
    return buf;
}

typedef struct row {
    const char *what, *yaml;
    const char *want;          /* dispatch order, or who was preempted */
} row;

/* Run each row and compare the names with `cause` in its trace. */
static void run_rows(const row *rows, size_t n, ps_cause cause)
{
    for (size_t i = 0; i < n; i++) {
        char buf[512];
        tk_run r;
        tk_run_yaml(&r, rows[i].yaml, -1);
        if (strcmp(names_by_cause(&r, cause, buf, sizeof buf), rows[i].want))
            fail_msg("%s: '%s', expected '%s'", rows[i].what, buf, rows[i].want);
        tk_run_fini(&r);
    }
}

/* P-ties: equal keys go by arrival, then pid.  sjf: at 5 the three bursts
 * of 2 are equal: Y (arrived at 1) first, then X and Z (both at 2) by pid.
 * fcfs: F1 and F2 become Ready together at 4; F2 arrived first. */
static void rule_P_ties_go_by_arrival_then_pid(void **state)
{
    (void)state;
    static const row rows[] = {
        {"sjf, equal bursts", HEAD("policy: sjf")
         "  - {name: W, program: [cpu 5]}\n"
         "  - {name: X, arrival: 2, program: [cpu 2]}\n"
         "  - {name: Y, arrival: 1, program: [cpu 2]}\n"
         "  - {name: Z, arrival: 2, program: [cpu 2]}\n", "W Y X Z"},
        {"fcfs, Ready at the same tick", HEAD("policy: fcfs")
         "  - {name: F1, arrival: 1, program: [sleep 3, cpu 1]}\n"
         "  - {name: F2, program: [sleep 4, cpu 1]}\n"
         "  - {name: F3, program: [cpu 6]}\n", "F2 F3 F1 F2 F1"},
    };
    run_rows(rows, sizeof rows / sizeof rows[0], PS_CAUSE_PICKED);
}

/* P-burst: the burst is the CPU time up to the next op that may block,
 * across ops that take no time.  A1's burst is 4 (the send is skipped),
 * A2's is 2 (the io ends it), B's 3, D's add of 2 is 4 ticks.  srtf: L
 * has 3 of its 6 ticks left when S (4) arrives, so it is not preempted. */
static void rule_P_burst_runs_to_the_next_op_that_may_block(void **state)
{
    (void)state;
    static const row rows[] = {
        {"sjf", HEAD("policy: sjf")
         "  - {name: A1, program: [cpu 2, send q, cpu 2, recv q]}\n"
         "  - {name: A2, program: [cpu 2, io disk 1, cpu 5]}\n"
         "  - {name: B, program: [cpu 3]}\n", "A2 B A1 A2"},
        {"sjf, add", HEAD("policy: sjf")
         "  - {name: D, program: [add x 2]}\n"
         "  - {name: E, program: [cpu 3]}\n", "E D"},
        {"srtf, what is left of the current op", HEAD("policy: srtf")
         "  - {name: L, program: [cpu 6]}\n"
         "  - {name: S, arrival: 3, program: [cpu 4]}\n", "L S"},
    };
    run_rows(rows, sizeof rows / sizeof rows[0], PS_CAUSE_PICKED);
}

/* P-cpus: with several CPUs, a more urgent arrival displaces the least
 * urgent running process: the largest key; among equals the latest
 * arrival, then the highest pid.  u (priority 1) arrives at 2 each time. */
static void rule_P_cpus_preempts_the_least_urgent_running_process(void **state)
{
    (void)state;
    static const row rows[] = {
        {"the largest key", HEAD("cpus: 2, policy: priority-preemptive")
         "  - {name: a, priority: 6, program: [cpu 5]}\n"
         "  - {name: b, priority: 5, program: [cpu 5]}\n"
         "  - {name: u, arrival: 2, priority: 1, program: [cpu 1]}\n", "a"},
        {"among equals, the latest arrival", HEAD("cpus: 2, policy: priority-preemptive")
         "  - {name: a, arrival: 1, priority: 5, program: [cpu 5]}\n"
         "  - {name: b, priority: 5, program: [cpu 5]}\n"
         "  - {name: u, arrival: 2, priority: 1, program: [cpu 1]}\n", "a"},
        {"among equals of one arrival, the highest pid",
         HEAD("cpus: 2, policy: priority-preemptive")
         "  - {name: a, priority: 5, program: [cpu 5]}\n"
         "  - {name: b, priority: 5, program: [cpu 5]}\n"
         "  - {name: u, arrival: 2, priority: 1, program: [cpu 1]}\n", "b"},
        {"srtf: the longest remaining burst", HEAD("cpus: 2, policy: srtf")
         "  - {name: a, program: [cpu 10]}\n"
         "  - {name: b, program: [cpu 6]}\n"
         "  - {name: u, arrival: 2, program: [cpu 1]}\n", "a"},
    };
    run_rows(rows, sizeof rows / sizeof rows[0], PS_CAUSE_PREEMPTED);
}

/* P-priority-preemptive, P-srtf: only a strictly more urgent process
 * preempts; one of equal priority, or with an equal burst, waits. */
static void rule_P_priority_preemptive_P_srtf_preempt_only_when_strictly_more_urgent(
    void **state)
{
    (void)state;
    static const row rows[] = {
        {"equal priority", HEAD("policy: priority-preemptive")
         "  - {name: a, priority: 3, program: [cpu 4]}\n"
         "  - {name: u, arrival: 1, priority: 3, program: [cpu 1]}\n", ""},
        {"more urgent", HEAD("policy: priority-preemptive")
         "  - {name: a, priority: 3, program: [cpu 4]}\n"
         "  - {name: u, arrival: 1, priority: 2, program: [cpu 1]}\n", "a"},
        {"equal remaining burst", HEAD("policy: srtf")
         "  - {name: a, program: [cpu 4]}\n"
         "  - {name: u, arrival: 1, program: [cpu 3]}\n", ""},
        {"shorter remaining burst", HEAD("policy: srtf")
         "  - {name: a, program: [cpu 4]}\n"
         "  - {name: u, arrival: 1, program: [cpu 2]}\n", "a"},
    };
    run_rows(rows, sizeof rows / sizeof rows[0], PS_CAUSE_PREEMPTED);
}

/* MLFQ3: a new process enters at the back of the top level: C, arriving
 * at 1, runs after B, who was there first. */
static void rule_MLFQ3_a_new_process_enters_at_the_back_of_the_top_level(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: mlfq, quantum: 3")
                "  - {name: A, program: [cpu 3]}\n"
                "  - {name: B, program: [cpu 3]}\n"
                "  - {name: C, arrival: 1, program: [cpu 3]}\n", 1);
    assert_int_equal(ps_engine_pcb(r.e, 3)->mlfq_level, 0);
    tk_run_more(&r, -1);
    char buf[256];
    assert_string_equal(names_by_cause(&r, PS_CAUSE_PICKED, buf, sizeof buf), "A B C");
    tk_run_fini(&r);
}

/* MLFQ4: each level has its quantum and allotment.  Level 0: quantum 1,
 * two of them; level 1 (the bottom): quantum 3.  A runs 0-1 and 2-3 on
 * level 0, then 4-7 and 10-13 on level 1; B likewise one tick later.  The
 * timeout at 3 names the quantum that ran out (1, on level 0), not the
 * one A moves down to.
 * Giving the CPU up for I/O does not renew the quantum: a, back at 2 with
 * 2 of its 3 ticks left, is timed out after those 2, at 6. */
static void rule_MLFQ4_quanta_and_allotments_per_level(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: mlfq, mlfq_levels: 2, mlfq_quanta: [1, 3], "
                         "mlfq_allotments: [2, 1]")
                "  - {name: A, program: [cpu 8]}\n"
                "  - {name: B, program: [cpu 8]}\n", -1);
    static const int64_t a_runs[] = {0, 2, 4, 10}, b_runs[] = {1, 3, 7, 13};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(tk_when(&r, "A", PS_RUNNING, i), a_runs[i]);
        assert_int_equal(tk_when(&r, "B", PS_RUNNING, i), b_runs[i]);
    }
    long t = tk_find(&r, "A", PS_READY, (size_t)tk_find(&r, "A", PS_RUNNING, 0) + 1);
    t = tk_find(&r, "A", PS_READY, (size_t)t + 1); /* the second timeout, at 3 */
    assert_int_equal(r.ev[t].time, 3);
    assert_int_equal(r.ev[t].cause, PS_CAUSE_QUANTUM);
    assert_int_equal(r.ev[t].a, 1);
    tk_run_fini(&r);

    tk_run_yaml(&r, HEAD("policy: mlfq, quantum: 3, mlfq_levels: 2")
                "  - {name: a, program: [cpu 1, io disk 1, cpu 5]}\n"
                "  - {name: b, program: [cpu 10]}\n", -1);
    assert_int_equal(tk_when(&r, "a", PS_RUNNING, 1), 4);
    long i = tk_find(&r, "a", PS_RUNNING, 0);
    i = tk_find(&r, "a", PS_READY, (size_t)tk_find(&r, "a", PS_RUNNING, (size_t)i + 1));
    assert_int_equal(r.ev[i].time, 6);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_QUANTUM);
    tk_run_fini(&r);
}

/* MLFQ8: newcomers of one tick line up as in OSTEP: the one whose quantum
 * ended, then arrivals, then those back from I/O.  At 2 a's quantum ends,
 * b arrives and c is back from the disk: a, first in line, keeps the CPU;
 * then b runs, then c. */
static void rule_MLFQ8_timed_out_then_arrivals_then_back_from_io(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: mlfq, quantum: 2, mlfq_levels: 1")
                "  - {name: c, program: [io disk 2, cpu 1]}\n"
                "  - {name: a, program: [cpu 4]}\n"
                "  - {name: b, arrival: 2, program: [cpu 1]}\n", -1);
    char buf[256];
    assert_string_equal(names_by_cause(&r, PS_CAUSE_PICKED, buf, sizeof buf), "c a b c");
    PATH("a", "new ready running exit");
    tk_run_fini(&r);
}

/* MLFQ9: a quantum below 1 (procsim ostep mlfq -q 0) never ends: a runs
 * its 5 ticks through, and b waits. */
static void rule_MLFQ9_a_quantum_below_1_never_ends(void **state)
{
    (void)state;
    ps_builder *b = ps_builder_create("quantum 0", "");
    ps_scenario *s = ps_builder_scenario(b);
    s->policy = PS_POLICY_MLFQ;
    for (int l = 0; l < PS_MLFQ_MAX_LEVELS; l++)
        s->mlfq_quanta[l] = 0;
    ps_builder_proc(b, "a", 0);
    ps_builder_op(b, PS_OP_CPU, 0, 5);
    ps_builder_proc(b, "b", 0);
    ps_builder_op(b, PS_OP_CPU, 0, 5);
    ps_error err;
    s = ps_builder_finish(b, &err);
    if (!s)
        fail_msg("%s", err.msg);
    tk_run r;
    tk_run_scenario(&r, s, -1);
    PATH("a", "new ready running exit");
    assert_int_equal(ps_engine_pcb(r.e, 1)->finish, 5);
    assert_int_equal(ps_engine_pcb(r.e, 1)->mlfq_level, 0);
    tk_run_fini(&r);
}

/* MLFQ10: the PCB's priority is its level, with the ticks and quanta left
 * on it; the swapper goes by the base priority.  A (base 0) has sunk to
 * level 2 by 3, when B (base 1) arrives needing A's memory: B is not more
 * urgent than A's base, so nobody is evicted and B waits. */
static void rule_MLFQ10_the_level_is_shown_the_swapper_uses_base_priority(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: mlfq, quantum: 1, memory: 100")
                "  - {name: A, priority: 0, memory: 60, program: [cpu 10]}\n"
                "  - {name: B, arrival: 3, priority: 1, memory: 60, program: [cpu 1]}\n", 3);
    const ps_pcb *a = ps_engine_pcb(r.e, 1);
    assert_int_equal(a->mlfq_level, 2);
    assert_int_equal(a->priority, 2);
    assert_int_equal(a->base_priority, 0);
    assert_int_equal(a->quantum_left, 1);
    assert_int_equal(a->allot_left, 1);
    assert_int_equal(ps_engine_pcb(r.e, 2)->state, PS_READY_SUSPENDED);
    tk_run_more(&r, -1);
    assert_int_equal(tk_when(&r, "B", PS_READY, 0), 10);
    tk_run_fini(&r);
}

/* OSTEP1: a process runs until it blocks or ends: neither the quantum nor
 * b's urgency takes the CPU from a. */
static void rule_OSTEP1_runs_until_it_blocks_or_ends(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: ostep, quantum: 2")
                "  - {name: a, priority: 5, program: [cpu 6]}\n"
                "  - {name: b, arrival: 1, priority: 0, program: [cpu 1]}\n", -1);
    PATH("a", "new ready running exit");
    assert_int_equal(tk_when(&r, "b", PS_RUNNING, 0), 6);
    tk_run_fini(&r);
}

/* OSTEP4, io_done immediate: when a and b are back at the same tick (4),
 * each takes the CPU in turn and the last, b, ends up running.  Any
 * wake-up counts: a unlocks m at 3 and the waiter b preempts it. */
static void rule_OSTEP4_immediate_the_last_back_runs_and_any_wakeup_counts(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, "procsim: 1\ntitle: t\nsystem: {policy: ostep, io_done: immediate}\n"
                "devices: [d1, d2]\nprocesses:\n"
                "  - {name: a, program: [cpu 1, io d1 3, cpu 1]}\n"
                "  - {name: b, program: [cpu 2, io d2 1, cpu 1]}\n"
                "  - {name: c, program: [cpu 5]}\n", -1);
    MOVES(4, "a>ready c>ready a>running b>ready a>ready b>running");
    tk_run_fini(&r);

    tk_run_yaml(&r, HEAD("policy: ostep, io_done: immediate")
                "  - {name: a, program: [lock m, io disk 1, cpu 2, unlock m, cpu 2]}\n"
                "  - {name: b, program: [lock m, cpu 1]}\n", -1);
    MOVES(3, "b>ready a>ready b>running");
    tk_run_fini(&r);
}

/* OSTEP5: a process with nothing left to run is checked at the end of the
 * tick.  a, back from its last I/O, is dispatched at 6 and shows Running
 * for a tick; x, dispatched at 3 to replace y, which blocked that tick,
 * is ended by that tick's check at once. */
static void rule_OSTEP5_nothing_left_to_run_is_checked_at_the_end_of_the_tick(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: ostep")
                "  - {name: a, program: [cpu 1, io disk 2]}\n"
                "  - {name: b, program: [cpu 5]}\n", -1);
    assert_int_equal(tk_when(&r, "a", PS_RUNNING, 1), 6);
    assert_int_equal(tk_when(&r, "a", PS_EXIT, 0), 7);
    tk_run_fini(&r);

    tk_run_yaml(&r, "procsim: 1\ntitle: t\nsystem: {policy: ostep}\ndevices: [d1, d2]\n"
                "processes:\n"
                "  - {name: x, program: [cpu 1, io d1 1]}\n"
                "  - {name: y, program: [cpu 2, io d2 5, cpu 1]}\n", -1);
    MOVES(3, "y>blocked x>running x>exit");
    tk_run_fini(&r);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_P_ties_go_by_arrival_then_pid),
        cmocka_unit_test(rule_P_burst_runs_to_the_next_op_that_may_block),
        cmocka_unit_test(rule_P_cpus_preempts_the_least_urgent_running_process),
        cmocka_unit_test(rule_P_priority_preemptive_P_srtf_preempt_only_when_strictly_more_urgent),
        cmocka_unit_test(rule_MLFQ3_a_new_process_enters_at_the_back_of_the_top_level),
        cmocka_unit_test(rule_MLFQ4_quanta_and_allotments_per_level),
        cmocka_unit_test(rule_MLFQ8_timed_out_then_arrivals_then_back_from_io),
        cmocka_unit_test(rule_MLFQ9_a_quantum_below_1_never_ends),
        cmocka_unit_test(rule_MLFQ10_the_level_is_shown_the_swapper_uses_base_priority),
        cmocka_unit_test(rule_OSTEP1_runs_until_it_blocks_or_ends),
        cmocka_unit_test(rule_OSTEP4_immediate_the_last_back_runs_and_any_wakeup_counts),
        cmocka_unit_test(rule_OSTEP5_nothing_left_to_run_is_checked_at_the_end_of_the_tick),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
