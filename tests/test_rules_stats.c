/* test_rules_stats.c — the statistics (docs/engine.md, "Statistics": one
 * test per row of its table, ST-turnaround ... ST-throughput, and
 * ST-averages) and what context switches count for (CS).
 *
 * Most use one run in which x goes through every state but New and Exit
 * for a known time, so that a statistic counting the wrong state gives
 * the wrong number.  Worked by hand, with switch cost 1 (s = switch):
 *
 *   a  0-4 Running (s 0-1)
 *   x  1-4 Ready, 4-7 Running (s 4-5), 7-8 Blocked, 8-11 Blocked/Suspend
 *      (swapped out for c), 11-14 Ready/Suspend (its I/O is over), 14-17
 *      Ready (e runs first), 17-19 Running (s 17-18): exit at 19
 *   c  8-14 Running (s 8-9)     e  10-14 Ready, 14-17 Running (s 14-15)
 *
 * The CPU does 3 + 3 + 5 + 2 = 13 ticks of useful work, 5 of switching,
 * and idles 7-8. */
#include "testkit.h"
#include "procsim/stats.h"

static const char tour_of_x[] =
    "procsim: 1\ntitle: t\nsystem: {memory: 100, switch_cost: 1}\nprocesses:\n"
    "  - {name: a, memory: 50, program: [cpu 3]}\n"
    "  - {name: x, arrival: 1, memory: 50, program: [cpu 2, io disk 4, cpu 1]}\n"
    "  - {name: c, arrival: 8, memory: 60, program: [cpu 5]}\n"
    "  - {name: e, arrival: 10, memory: 0, program: [cpu 2]}\n";

/* The statistics of x in the tour, and (in *sum) the summary. */
static ps_proc_stats x_stats(ps_summary *sum)
{
    tk_run r;
    tk_run_yaml(&r, tour_of_x, -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    ps_proc_stats st;
    ps_stats_proc(r.e, tk_pid(&r, "x"), &st);
    const ps_pcb *p = ps_engine_pcb(r.e, tk_pid(&r, "x"));
    /* the tour is as worked out above */
    assert_int_equal(p->state_time[PS_NEW], 0);
    assert_int_equal(p->state_time[PS_READY], 3 + 3);
    assert_int_equal(p->state_time[PS_RUNNING], 3 + 2);
    assert_int_equal(p->state_time[PS_BLOCKED], 1);
    assert_int_equal(p->state_time[PS_BLOCKED_SUSPENDED], 3);
    assert_int_equal(p->state_time[PS_READY_SUSPENDED], 3);
    if (sum)
        ps_stats_summary(r.e, sum);
    tk_run_fini(&r);
    return st;
}

/* ST-turnaround: finish - arrival = 19 - 1. */
static void rule_ST_turnaround_is_finish_minus_arrival(void **state)
{
    (void)state;
    assert_int_equal(x_stats(NULL).turnaround, 18);
}

/* ST-waiting: the time in Ready only, 3 + 3; not the 3 + 3 ticks swapped
 * out, nor the tick Blocked, nor New. */
static void rule_ST_waiting_counts_ready_only(void **state)
{
    (void)state;
    assert_int_equal(x_stats(NULL).waiting, 6);
}

/* ST-response: first dispatch - arrival = 4 - 1. */
static void rule_ST_response_is_first_dispatch_minus_arrival(void **state)
{
    (void)state;
    assert_int_equal(x_stats(NULL).response, 3);
}

/* ST-cpu: useful CPU work, 2 + 1: not the 5 ticks Running, which include
 * two switches. */
static void rule_ST_cpu_counts_useful_work_only(void **state)
{
    (void)state;
    assert_int_equal(x_stats(NULL).cpu, 3);
}

/* ST-blocked: the tick in Blocked; not the ticks in Blocked/Suspend. */
static void rule_ST_blocked_counts_blocked_only(void **state)
{
    (void)state;
    assert_int_equal(x_stats(NULL).blocked, 1);
}

/* ST-suspended: Ready/Suspend + Blocked/Suspend, 3 + 3. */
static void rule_ST_suspended_counts_both_suspended_states(void **state)
{
    (void)state;
    assert_int_equal(x_stats(NULL).suspended, 6);
}

/* ST-switches: the dispatches, 2. */
static void rule_ST_switches_counts_dispatches(void **state)
{
    (void)state;
    assert_int_equal(x_stats(NULL).switches, 2);
}

/* ST-swaps: out at 8, in at 14; waking from Blocked/Suspend to
 * Ready/Suspend at 11 is not a swap. */
static void rule_ST_swaps_counts_swap_outs_and_swap_ins(void **state)
{
    (void)state;
    assert_int_equal(x_stats(NULL).swaps, 2);
}

/* ST-utilisation: 13 useful ticks of 19; the 5 ticks of switching are not
 * useful work (CS). */
static void rule_ST_utilisation_CS_useful_ticks_over_cpus_times_ticks(void **state)
{
    (void)state;
    ps_summary sum;
    x_stats(&sum);
    assert_int_equal(sum.end, 19);
    assert_true(sum.cpu_utilisation > 13.0 / 19 - 1e-9 && sum.cpu_utilisation < 13.0 / 19 + 1e-9);
}

/* ST-throughput: 4 processes finished in 19 ticks. */
static void rule_ST_throughput_is_finished_over_ticks(void **state)
{
    (void)state;
    ps_summary sum;
    x_stats(&sum);
    assert_true(sum.throughput > 4.0 / 19 - 1e-9 && sum.throughput < 4.0 / 19 + 1e-9);
}

/* ST-averages: over the processes that finished.  At 6, a (turnaround 2,
 * waited 0) and b (5, 2) have finished; c, which has waited 5 so far, is
 * left out. */
static void rule_ST_averages_are_over_finished_processes(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, "procsim: 1\ntitle: t\nprocesses:\n"
                "  - {name: a, program: [cpu 2]}\n"
                "  - {name: b, program: [cpu 3]}\n"
                "  - {name: c, program: [cpu 10]}\n", 6);
    ps_summary sum;
    ps_stats_summary(r.e, &sum);
    assert_int_equal(sum.finished, 2);
    assert_true(sum.avg_turnaround == 3.5);
    assert_true(sum.avg_waiting == 1.0);
    tk_run_fini(&r);
}

/* CS: the switch cost is spent Running before any work, and the quantum
 * starts after it.  rr, quantum 2, switch 1: a switches 0-1, works 1-3
 * (not 1-2), is timed out at 3; b 3-6; a 6-9. */
static void rule_CS_the_quantum_starts_after_the_switch(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 2, switch_cost: 1}\n"
                "processes:\n  - {name: a, program: [cpu 4]}\n  - {name: b, program: [cpu 2]}\n",
                -1);
    assert_int_equal(tk_when(&r, "a", PS_READY, 1), 3);
    assert_int_equal(ps_engine_pcb(r.e, 1)->finish, 9);
    assert_int_equal(ps_engine_pcb(r.e, 1)->state_time[PS_RUNNING], 3 + 3);
    assert_int_equal(ps_engine_pcb(r.e, 1)->cpu_time, 4);
    tk_run_fini(&r);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_ST_turnaround_is_finish_minus_arrival),
        cmocka_unit_test(rule_ST_waiting_counts_ready_only),
        cmocka_unit_test(rule_ST_response_is_first_dispatch_minus_arrival),
        cmocka_unit_test(rule_ST_cpu_counts_useful_work_only),
        cmocka_unit_test(rule_ST_blocked_counts_blocked_only),
        cmocka_unit_test(rule_ST_suspended_counts_both_suspended_states),
        cmocka_unit_test(rule_ST_switches_counts_dispatches),
        cmocka_unit_test(rule_ST_swaps_counts_swap_outs_and_swap_ins),
        cmocka_unit_test(rule_ST_utilisation_CS_useful_ticks_over_cpus_times_ticks),
        cmocka_unit_test(rule_ST_throughput_is_finished_over_ticks),
        cmocka_unit_test(rule_ST_averages_are_over_finished_processes),
        cmocka_unit_test(rule_CS_the_quantum_starts_after_the_switch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
