/* test_policies.c — each short-term policy against textbook schedules
 * with known finish and waiting times (waiting = time in Ready).  Each
 * schedule is tagged with the rules of docs/engine.md it shows; the test
 * rule_<ID>_... runs the schedules tagged <ID>.
 *
 * Sources: Silberschatz, Galvin & Gagne, Operating System Concepts, ch. 5
 * (FCFS, SJF, SRTF, priority, RR examples); the others are worked by hand
 * in the comments, following the rules of docs/engine.md. */
#include <stdio.h>
#include <string.h>

#include "testkit.h"
#include "procsim/cause.h"
#include "procsim/stats.h"

typedef struct expect {
    const char *name;
    int64_t finish, waiting;
} expect;

typedef struct schedule {
    const char *rules;        /* the rule IDs of docs/engine.md it shows */
    const char *what;
    const char *yaml;
    expect want[6];
    double avg_waiting;
} schedule;

#define HEAD(policy, extra) "procsim: 1\ntitle: t\nsystem: {policy: " policy extra "}\nprocesses:\n"
#define P(name, arrival, prio, prog)                                                 \
    "  - {name: " name ", arrival: " #arrival ", priority: " #prio ", program: [" prog "]}\n"

static const schedule schedules[] = {
    {"P-fcfs", "FCFS, Silberschatz: 24, 3, 3 arriving together",
     HEAD("fcfs", "") P("P1", 0, 0, "cpu 24") P("P2", 0, 0, "cpu 3") P("P3", 0, 0, "cpu 3"),
     {{"P1", 24, 0}, {"P2", 27, 24}, {"P3", 30, 27}},
     17.0},
    {"P-fcfs", "FCFS, the short jobs first: the convoy effect gone",
     HEAD("fcfs", "") P("P2", 0, 0, "cpu 3") P("P3", 0, 0, "cpu 3") P("P1", 0, 0, "cpu 24"),
     {{"P2", 3, 0}, {"P3", 6, 3}, {"P1", 30, 6}},
     3.0},
    {"P-sjf", "SJF, Silberschatz: 6, 8, 7, 3",
     HEAD("sjf", "") P("P1", 0, 0, "cpu 6") P("P2", 0, 0, "cpu 8") P("P3", 0, 0, "cpu 7")
         P("P4", 0, 0, "cpu 3"),
     {{"P1", 9, 3}, {"P2", 24, 16}, {"P3", 16, 9}, {"P4", 3, 0}},
     7.0},
    {"P-srtf", "SRTF, Silberschatz: arrivals 0..3, bursts 8, 4, 9, 5",
     HEAD("srtf", "") P("P1", 0, 0, "cpu 8") P("P2", 1, 0, "cpu 4") P("P3", 2, 0, "cpu 9")
         P("P4", 3, 0, "cpu 5"),
     {{"P1", 17, 9}, {"P2", 5, 0}, {"P3", 26, 15}, {"P4", 10, 2}},
     6.5},
    {"P-priority", "non-preemptive priority, Silberschatz: 10/3, 1/1, 2/4, 1/5, 5/2",
     HEAD("priority", "") P("P1", 0, 3, "cpu 10") P("P2", 0, 1, "cpu 1")
         P("P3", 0, 4, "cpu 2") P("P4", 0, 5, "cpu 1") P("P5", 0, 2, "cpu 5"),
     {{"P1", 16, 6}, {"P2", 1, 0}, {"P3", 18, 16}, {"P4", 19, 18}, {"P5", 6, 1}},
     8.2},
    {"P-rr", "RR q=4, Silberschatz: 24, 3, 3",
     HEAD("rr", ", quantum: 4") P("P1", 0, 0, "cpu 24") P("P2", 0, 0, "cpu 3")
         P("P3", 0, 0, "cpu 3"),
     {{"P1", 30, 6}, {"P2", 7, 4}, {"P3", 10, 7}},
     17.0 / 3},
    /* P1 runs 0-1; P2 (more urgent) preempts it at 1 and runs 1-4; P3
     * arrives at 2 but is less urgent than P2; at 4 P3 (2) beats P1 (3). */
    {"P-priority-preemptive", "preemptive priority",
     HEAD("priority-preemptive", "") P("P1", 0, 3, "cpu 5") P("P2", 1, 1, "cpu 3")
         P("P3", 2, 2, "cpu 1"),
     {{"P1", 9, 4}, {"P2", 4, 0}, {"P3", 5, 2}},
     2.0},
    /* B arrives at the tick A's quantum ends: the arrival is queued first. */
    {"I10", "RR: an arrival goes ahead of the process timed out at the same tick",
     HEAD("rr", ", quantum: 2") P("A", 0, 0, "cpu 4") P("B", 2, 0, "cpu 2"),
     {{"A", 6, 2}, {"B", 4, 0}},
     1.0},
    /* A uses its level-0 allotment (2) at 0-2 and drops to level 1, where it
     * runs alone; B arrives at 3 at level 0 and preempts it, runs 3-5; A has
     * 1 tick of level-1 allotment left (5-6), drops to level 2, ends at 8. */
    {"P-mlfq MLFQ1", "MLFQ, 3 levels, quantum 2: a new job preempts a demoted one",
     HEAD("mlfq", ", quantum: 2") P("A", 0, 0, "cpu 6") P("B", 3, 0, "cpu 2"),
     {{"A", 8, 2}, {"B", 5, 0}},
     1.0},
    /* A computes 0-2, does I/O 2-5 while B computes 2-6; A queues at 5 and
     * runs its last tick 6-7. */
    {"O-io", "FCFS with I/O: the CPU and the disk overlap",
     HEAD("fcfs", "") P("A", 0, 0, "cpu 2, io disk 3, cpu 1") P("B", 0, 0, "cpu 4"),
     {{"A", 7, 1}, {"B", 6, 2}},
     1.5},
    /* One tick of dispatcher overhead per dispatch. */
    {"CS", "FCFS with a switch cost of 1",
     HEAD("fcfs", ", switch_cost: 1") P("A", 0, 0, "cpu 2") P("B", 0, 0, "cpu 2"),
     {{"A", 3, 0}, {"B", 6, 3}},
     1.5},
    {"I7", "FCFS on two CPUs",
     HEAD("fcfs", ", cpus: 2") P("A", 0, 0, "cpu 3")
         P("B", 0, 0, "cpu 3") P("C", 0, 0, "cpu 2"),
     {{"A", 3, 0}, {"B", 3, 0}, {"C", 5, 3}},
     1.0},
    /* ostep (OSTEP process-run): A runs 0-1 and starts an I/O; B runs from
     * 1; A is back at 4 and waits its turn (io_done later) until B ends. */
    {"P-ostep OSTEP4", "ostep, switch on-io, io_done later",
     HEAD("ostep", "") P("A", 0, 0, "cpu 1, io disk 3, cpu 1") P("B", 0, 0, "cpu 4"),
     {{"A", 6, 1}, {"B", 5, 1}},
     1.0},
    /* ... io_done immediate: A takes the CPU back from B at 4. */
    {"P-ostep OSTEP4", "ostep, io_done immediate: the woken process preempts",
     HEAD("ostep", ", io_done: immediate") P("A", 0, 0, "cpu 1, io disk 3, cpu 1")
         P("B", 0, 0, "cpu 4"),
     {{"A", 5, 0}, {"B", 6, 2}},
     1.0},
    /* ... switch on-end: the CPU idles 1-4 while A does its I/O. */
    {"P-ostep OSTEP3", "ostep, switch on-end: the CPU waits for the process doing I/O",
     HEAD("ostep", ", switch: on-end") P("A", 0, 0, "cpu 1, io disk 3, cpu 1")
         P("B", 0, 0, "cpu 2"),
     {{"A", 5, 0}, {"B", 7, 5}},
     2.5},
    /* The scan goes on from the last dispatched pid: when B ends at 4, C
     * (after B) runs before A, which has been Ready since 3. */
    {"P-ostep OSTEP2", "ostep: the next process is the first Ready one after the last, by pid",
     HEAD("ostep", "") P("A", 0, 0, "cpu 1, io disk 2, cpu 1") P("B", 0, 0, "cpu 3")
         P("C", 0, 0, "cpu 1"),
     {{"A", 6, 2}, {"B", 4, 1}, {"C", 5, 4}},
     7.0 / 3},
    /* OSTEP's MLFQ: A and B use their top-level quantum and drop; A runs on
     * level 1 from 4, C arrives at 5 and preempts it; A keeps its place at
     * the head and resumes at 6 (not B), then they alternate. Matches
     * mlfq.py -l 0,6,0:0,6,0:5,1,0 -n 2 -q 2 -c. */
    {"MLFQ2", "MLFQ: a preempted process keeps its place at the head of its queue",
     HEAD("mlfq", ", quantum: 2, mlfq_levels: 2") P("A", 0, 0, "cpu 6") P("B", 0, 0, "cpu 6")
         P("C", 5, 0, "cpu 1"),
     {{"A", 11, 5}, {"B", 13, 7}, {"C", 6, 0}},
     4.0},
    /* mlfq_io_bump (OSTEP -I): A back from I/O at 2 goes in front of B,
     * which is running on the same level, and so takes the CPU. */
    {"MLFQ6", "MLFQ, io_bump: back from I/O to the front of the queue",
     HEAD("mlfq", ", quantum: 10, mlfq_levels: 1, mlfq_io_bump: true")
         P("A", 0, 0, "cpu 1, io disk 1, cpu 3") P("B", 0, 0, "cpu 5"),
     {{"A", 5, 0}, {"B", 9, 4}},
     2.0},
    /* mlfq_stay (OSTEP -S) renews the allotment when an I/O starts, but an
     * I/O that starts just as the quantum runs out still costs it (OSTEP's
     * quirk), so A drops a level at 2 and does not preempt B at 3. */
    {"MLFQ5", "MLFQ, stay: an I/O at the end of the quantum still moves down",
     HEAD("mlfq", ", quantum: 2, mlfq_levels: 2, mlfq_stay: true")
         P("A", 0, 0, "cpu 2, io disk 1, cpu 2") P("B", 0, 0, "cpu 4"),
     {{"A", 6, 1}, {"B", 8, 4}},
     2.5},
    /* SJF decides only when the CPU is free: at 0 only P1 is there. */
    {"P-sjf", "SJF with arrivals: no preemption",
     HEAD("sjf", "") P("P1", 0, 0, "cpu 7") P("P2", 2, 0, "cpu 4") P("P3", 4, 0, "cpu 1")
         P("P4", 5, 0, "cpu 4"),
     {{"P1", 7, 0}, {"P2", 12, 6}, {"P3", 8, 3}, {"P4", 16, 7}},
     4.0},
};

static void run_schedule(const schedule *sc)
{
    tk_run r;
    tk_run_yaml(&r, sc->yaml, -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    for (const expect *w = sc->want; w->name; w++) {
        ps_proc_stats st;
        ps_stats_proc(r.e, tk_pid(&r, w->name), &st);
        if (st.finish != w->finish || st.waiting != w->waiting)
            fail_msg("%s: %s finished at %lld having waited %lld; expected %lld and %lld",
                     sc->what, w->name, (long long)st.finish, (long long)st.waiting,
                     (long long)w->finish, (long long)w->waiting);
    }
    ps_summary sum;
    ps_stats_summary(r.e, &sum);
    if (sum.avg_waiting < sc->avg_waiting - 1e-9 || sum.avg_waiting > sc->avg_waiting + 1e-9)
        fail_msg("%s: average waiting %.4f, expected %.4f", sc->what, sum.avg_waiting,
                 sc->avg_waiting);
    tk_run_fini(&r);
}

static void run_schedules_of(const char *tag)
{
    TK_RUN_TAGGED(schedules, run_schedule, tag);
}

#define SCHEDULES TK_SCHEDULES
SCHEDULES(rule_P_fcfs_textbook_schedules, "P-fcfs")
SCHEDULES(rule_P_sjf_textbook_schedules, "P-sjf")
SCHEDULES(rule_P_srtf_textbook_schedules, "P-srtf")
SCHEDULES(rule_P_priority_textbook_schedules, "P-priority")
SCHEDULES(rule_P_priority_preemptive_textbook_schedules, "P-priority-preemptive")
SCHEDULES(rule_P_rr_textbook_schedules, "P-rr")
SCHEDULES(rule_P_mlfq_schedules, "P-mlfq")
SCHEDULES(rule_P_ostep_schedules, "P-ostep")
SCHEDULES(rule_I10_an_arrival_queues_ahead_of_the_process_timed_out, "I10")
SCHEDULES(rule_I7_fcfs_fills_both_cpus, "I7")
SCHEDULES(rule_O_io_cpu_and_disk_overlap, "O-io")
SCHEDULES(rule_CS_switch_cost_delays_every_dispatch, "CS")
SCHEDULES(rule_MLFQ1_a_higher_level_runs_first, "MLFQ1")
SCHEDULES(rule_MLFQ2_a_preempted_process_keeps_its_place, "MLFQ2")
SCHEDULES(rule_MLFQ5_stay_still_charges_a_quantum_ending_at_the_io, "MLFQ5")
SCHEDULES(rule_MLFQ6_io_bump_puts_the_woken_in_front, "MLFQ6")
SCHEDULES(rule_OSTEP2_next_is_the_first_ready_after_the_last, "OSTEP2")
SCHEDULES(rule_OSTEP3_on_end_keeps_the_cpu_for_the_process_doing_io, "OSTEP3")
SCHEDULES(rule_OSTEP4_io_done_later_and_immediate, "OSTEP4")

/* MLFQ7: with a boost every 10 ticks, a long job demoted to the bottom
 * comes back to level 0.  MLFQ4: on the bottom level it stays. */
static void rule_MLFQ7_MLFQ4_boost_lifts_everyone(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: mlfq, quantum: 2, mlfq_boost: 10}\n"
                "processes:\n  - {name: A, program: [cpu 12]}\n",
                9);
    assert_int_equal(ps_engine_pcb(r.e, 1)->mlfq_level, 2);
    tk_run_more(&r, 10);
    assert_int_equal(ps_engine_pcb(r.e, 1)->mlfq_level, 0);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    tk_run_fini(&r);
}

/* P-why: a dispatch's cause ends with what ranked the process first. */
static void rule_P_why_a_dispatch_says_what_ranked_it_first(void **state)
{
    (void)state;
    static const struct {
        const char *yaml, *first, *second;
    } cases[] = {
        {HEAD("sjf", "") P("A", 0, 0, "cpu 5") P("B", 0, 0, "cpu 2"),
         "sjf picks it for cpu 0; shortest burst 2", "sjf picks it for cpu 0; shortest burst 5"},
        {HEAD("priority", "") P("A", 0, 3, "cpu 1") P("B", 0, 1, "cpu 1"),
         "priority picks it for cpu 0; priority 1", "priority picks it for cpu 0; priority 3"},
        {HEAD("fcfs", "") P("A", 0, 0, "cpu 1") P("B", 0, 0, "cpu 1"),
         "fcfs picks it for cpu 0", "fcfs picks it for cpu 0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tk_dispatches w;
        tk_dispatch_causes(cases[i].yaml, &w);
        assert_int_equal(w.n, 2);
        assert_string_equal(w.en[0], cases[i].first);
        assert_string_equal(w.en[1], cases[i].second);
    }
}

/* A process without a program runs to its exit under every policy; the
 * burst policies rank it by a burst of 0.  Without any program
 * in the file the scenario has no op table at all: the burst lookup once
 * offset that NULL table (UBSan, as clang builds it, reported it). */
static void programless_processes_run_under_every_policy(void **state)
{
    (void)state;
    static const char *const extra[] = {"", ", burst_estimate: {alpha: 0.5, initial: 10}"};
    for (int pol = 0; pol < PS_POLICY_COUNT; pol++)
        for (size_t x = 0; x < sizeof extra / sizeof *extra; x++) {
            if (x && !(ps_policy_uses((ps_policy)pol) & PS_USES_BURST))
                continue;
            const char *bands = pol == PS_POLICY_MLQ ? ", queues: [{policy: sjf}, {policy: fcfs}]" : "";
            char yaml[256];
            snprintf(yaml, sizeof yaml,
                     "procsim: 1\ntitle: t\nsystem: {policy: %s%s%s}\n"
                     "processes:\n  - name: A\n  - name: B\n",
                     ps_policy_token((ps_policy)pol), extra[x], bands);
            tk_run r;
            tk_run_yaml(&r, yaml, -1);
            if (r.status != PS_STEP_DONE)
                fail_msg("%s%s: the run did not end", ps_policy_token((ps_policy)pol), extra[x]);
            for (uint32_t pid = 1; pid <= 2; pid++)
                if (ps_engine_pcb(r.e, pid)->state != PS_EXIT)
                    fail_msg("%s%s: pid %u did not exit", ps_policy_token((ps_policy)pol),
                             extra[x], pid);
            tk_run_fini(&r);
        }
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_P_fcfs_textbook_schedules),
        cmocka_unit_test(rule_P_why_a_dispatch_says_what_ranked_it_first),
        cmocka_unit_test(rule_P_sjf_textbook_schedules),
        cmocka_unit_test(rule_P_srtf_textbook_schedules),
        cmocka_unit_test(rule_P_priority_textbook_schedules),
        cmocka_unit_test(rule_P_priority_preemptive_textbook_schedules),
        cmocka_unit_test(rule_P_rr_textbook_schedules),
        cmocka_unit_test(rule_P_mlfq_schedules),
        cmocka_unit_test(rule_P_ostep_schedules),
        cmocka_unit_test(rule_I10_an_arrival_queues_ahead_of_the_process_timed_out),
        cmocka_unit_test(rule_I7_fcfs_fills_both_cpus),
        cmocka_unit_test(rule_O_io_cpu_and_disk_overlap),
        cmocka_unit_test(rule_CS_switch_cost_delays_every_dispatch),
        cmocka_unit_test(rule_MLFQ1_a_higher_level_runs_first),
        cmocka_unit_test(rule_MLFQ2_a_preempted_process_keeps_its_place),
        cmocka_unit_test(rule_MLFQ5_stay_still_charges_a_quantum_ending_at_the_io),
        cmocka_unit_test(rule_MLFQ6_io_bump_puts_the_woken_in_front),
        cmocka_unit_test(rule_OSTEP2_next_is_the_first_ready_after_the_last),
        cmocka_unit_test(rule_OSTEP3_on_end_keeps_the_cpu_for_the_process_doing_io),
        cmocka_unit_test(rule_OSTEP4_io_done_later_and_immediate),
        cmocka_unit_test(rule_MLFQ7_MLFQ4_boost_lifts_everyone),
        cmocka_unit_test(programless_processes_run_under_every_policy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
