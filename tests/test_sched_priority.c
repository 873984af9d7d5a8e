/* test_sched_priority.c — hrrn, priority-rr, aging, mlq and
 * priority_order against published schedules and schedules worked by hand
 * (docs/engine.md "HRRN", "Priority with round robin, and aging",
 * "Multilevel queue", "Which priority number is urgent").  Each schedule is
 * tagged with the rules it shows; the test rule_<ID>_... runs the
 * schedules tagged <ID>.  A schedule gives each process's finish and
 * waiting time (time in Ready) and, where the source prints one, the
 * Gantt chart of its one CPU.
 *
 * Sources: Stallings, Operating Systems: Internals and Design Principles,
 * Table 9.5 (Fig. 9.5's workload); Silberschatz, Galvin & Gagne,
 * Operating System Concepts, §5.3.4 (priority with round robin) and
 * exercise 6.17 of the 9th edition (larger number = more urgent, a
 * preempted process to the back of its priority's queue).  The others are
 * worked by hand in their comments, following docs/engine.md. */
#include <stdarg.h>
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
    const char *gantt;        /* CPU 0 from tick 0, "P1 0-20, idle 20-25, ..."; NULL: unchecked */
    expect want[7];
} schedule;

#define HEAD(policy, extra) "procsim: 1\ntitle: t\nsystem: {policy: " policy extra "}\nprocesses:\n"
#define P(name, arrival, prio, prog)                                                 \
    "  - {name: " name ", arrival: " #arrival ", priority: " #prio ", program: [" prog "]}\n"
/* a process of band `queue` (mlq) */
#define Q(name, arrival, queue, prog)                                                \
    "  - {name: " name ", arrival: " #arrival ", queue: " #queue ", program: [" prog "]}\n"
/* a process with memory (the swapper's cases) */
#define M(name, arrival, prio, mem, prog)                                            \
    "  - {name: " name ", arrival: " #arrival ", priority: " #prio ", memory: " #mem  \
    ", program: [" prog "]}\n"

static const schedule schedules[] = {
    /* Stallings Table 9.5, HRRN: A 0-3; B alone at 3, 3-9; at 9 C (w 5, s 4:
     * 2.25) beats D (8/5 = 1.6) and E (3/2 = 1.5); at 13 E (7/2 = 3.5)
     * beats D (12/5 = 2.4). */
    {"P-hrrn", "HRRN, Stallings Table 9.5",
     HEAD("hrrn", "") P("A", 0, 0, "cpu 3") P("B", 2, 0, "cpu 6") P("C", 4, 0, "cpu 4")
         P("D", 6, 0, "cpu 5") P("E", 8, 0, "cpu 2"),
     "A 0-3, B 3-9, C 9-13, E 13-15, D 15-20",
     {{"A", 3, 0}, {"B", 9, 1}, {"C", 13, 5}, {"D", 20, 9}, {"E", 15, 5}}},
    /* w counts from the last time a process became Ready.  L 0-3 (a tie at
     * 0 with X: pid).  At 3 X (w 3, s 1: 4) runs 3-4 and does I/O 4-5; at
     * 4 Y (w 3, s 4: 1.75) beats Z (w 2, s 5: 1.4), 4-8.  At 8 X has waited
     * 3 since it came back (w 3, s 4: 1.75) and Z 6 (11/5 = 2.2): Z 8-13,
     * X 13-17.  Counting X's whole time in Ready (6: 2.5) would run X
     * first. */
    {"HRRN1", "HRRN: the wait since the process last became Ready",
     HEAD("hrrn", "") P("L", 0, 0, "cpu 3") P("X", 0, 0, "cpu 1, io disk 1, cpu 4")
         P("Y", 1, 0, "cpu 4") P("Z", 2, 0, "cpu 5"),
     "L 0-3, X 3-4, Y 4-8, Z 8-13, X 13-17",
     {{"L", 3, 0}, {"X", 17, 11}, {"Y", 8, 3}, {"Z", 13, 6}}},
    /* At 10 C has the ratio 10 (w 9, s 1), but B's next op leaves the CPU
     * at once (burst 0): its ratio has no bound, so it goes first, starts
     * its I/O at 10 and runs its last tick at 11 after C. */
    {"HRRN2", "HRRN: a burst of 0 goes first",
     HEAD("hrrn", "") P("A", 0, 0, "cpu 10") P("B", 1, 0, "io disk 1, cpu 1")
         P("C", 1, 0, "cpu 1"),
     "A 0-10, B 10-10, C 10-11, B 11-12",
     {{"A", 10, 0}, {"B", 12, 9}, {"C", 11, 9}}},
    /* A tie of ratios goes by arrival: at 4 P (w 2, s 2) and Q (w 3, s 3)
     * both have 2; Q arrived first (though after P in the file). */
    {"HRRN2", "HRRN: equal ratios by arrival",
     HEAD("hrrn", "") P("A", 0, 0, "cpu 4") P("P", 2, 0, "cpu 2") P("Q", 1, 0, "cpu 3"),
     "A 0-4, Q 4-7, P 7-9", {{"A", 4, 0}, {"P", 9, 5}, {"Q", 7, 3}}},
    {"P-priority-rr PRR1", "priority-rr q=2, Silberschatz §5.3.4",
     HEAD("priority-rr", ", quantum: 2") P("P1", 0, 3, "cpu 4") P("P2", 0, 2, "cpu 5")
         P("P3", 0, 2, "cpu 8") P("P4", 0, 1, "cpu 7") P("P5", 0, 3, "cpu 3"),
     "P4 0-7, P2 7-9, P3 9-11, P2 11-13, P3 13-15, P2 15-16, P3 16-20, P1 20-22, P5 22-24, "
     "P1 24-26, P5 26-27",
     {{"P1", 26, 22}, {"P2", 16, 11}, {"P3", 20, 12}, {"P4", 7, 0}, {"P5", 27, 24}}},
    /* PRR1 on its own: A's quantum ends at 2, 4, 6 with only the less
     * urgent B Ready: A keeps its CPU; with C (as urgent) Ready from 1, A
     * gives it the CPU at 2. */
    {"PRR1", "priority-rr: a quantum renewed while only less urgent processes wait",
     HEAD("priority-rr", ", quantum: 2") P("A", 0, 1, "cpu 6") P("B", 0, 2, "cpu 1"),
     "A 0-6, B 6-7", {{"A", 6, 0}, {"B", 7, 6}}},
    {"PRR1", "priority-rr: an equal one takes its turn",
     HEAD("priority-rr", ", quantum: 2") P("A", 0, 1, "cpu 4") P("B", 0, 2, "cpu 1")
         P("C", 1, 1, "cpu 2"),
     "A 0-2, C 2-4, A 4-6, B 6-7", {{"A", 6, 2}, {"B", 7, 6}, {"C", 4, 1}}},
    {"P-priority-rr PRR2 PO1", "priority-rr q=10, high-first, Silberschatz exercise 6.17",
     HEAD("priority-rr", ", quantum: 10, priority_order: high-first")
         P("P1", 0, 40, "cpu 20") P("P2", 25, 30, "cpu 25") P("P3", 30, 30, "cpu 25")
             P("P4", 60, 35, "cpu 15") P("P5", 100, 5, "cpu 10") P("P6", 105, 10, "cpu 10"),
     "P1 0-20, idle 20-25, P2 25-35, P3 35-45, P2 45-55, P3 55-60, P4 60-75, P2 75-80, "
     "P3 80-90, idle 90-100, P5 100-105, P6 105-115, P5 115-120",
     {{"P1", 20, 0}, {"P2", 80, 30}, {"P3", 90, 35}, {"P4", 75, 0}, {"P5", 120, 10},
      {"P6", 115, 0}}},
    /* Aging every 2 by 1 under priority-preemptive: B (3) waits behind A
     * (1) and becomes 2 at tick 2, 1 at 4 (as urgent as A: no preemption)
     * and 0 at 6, more urgent than A: it preempts A at 6, at the tick it
     * ages, with nothing else happening then.  B runs 6-7 with priority 0;
     * A, Ready for 1 tick, resumes and ends at 11. */
    {"AGE1", "aging: a promotion preempts at the tick it is due",
     HEAD("priority-preemptive", ", aging: {every: 2, by: 1}") P("A", 0, 1, "cpu 10")
         P("B", 0, 3, "cpu 1"),
     "A 0-6, B 6-7, A 7-11", {{"A", 11, 1}, {"B", 7, 6}}},
    /* The same with priority_order: high-first (A 5, B 3): B ages upward,
     * 4 at 2, 5 at 4 (equal), 6 at 6: the same schedule. */
    {"PO2", "aging with high-first: towards the larger number",
     HEAD("priority-preemptive", ", priority_order: high-first, aging: {every: 2, by: 1}")
         P("A", 0, 5, "cpu 10") P("B", 0, 3, "cpu 1"),
     "A 0-6, B 6-7, A 7-11", {{"A", 11, 1}, {"B", 7, 6}}},
    /* Under priority-rr q=10, aging every 6: B (3) becomes 2 at 6, as
     * urgent as A and C (which arrived at 4 and would age at 10); when A
     * ends at 9, B, Ready since 0, is ahead of C, Ready since 4: it was not
     * moved to the back of priority 2 at 6. */
    {"AGE3", "aging: a promoted process keeps its place in time",
     HEAD("priority-rr", ", quantum: 10, aging: {every: 6, by: 1}") P("A", 0, 2, "cpu 9")
         P("B", 0, 3, "cpu 1") P("C", 4, 2, "cpu 1"),
     "A 0-9, B 9-10, C 10-11", {{"A", 9, 0}, {"B", 10, 9}, {"C", 11, 6}}},
    /* AGE4: B ages to 0 at 6 and preempts A; it runs 6-8 with priority 0,
     * so A (1) does not take the CPU back; it blocks at 8 and has its base
     * priority 3 again: back at 9, it ages from 3 (2 at 11) and waits for A
     * (1), which ends at 12 (6 + 4 ticks from 8).  B 12-13. */
    {"AGE4", "aging: the aged priority holds while running, the base comes back after",
     HEAD("priority-preemptive", ", aging: {every: 2, by: 1}") P("A", 0, 1, "cpu 10")
         P("B", 0, 3, "cpu 2, io disk 1, cpu 1"),
     "A 0-6, B 6-8, A 8-12, B 12-13", {{"A", 12, 2}, {"B", 13, 9}}},
    /* mlq, bands rr q=2 and fcfs: A (band 1) runs 0-2; B (band 0) arrives
     * at 2 and preempts it; B's quantum ends at 4 with only A (band 1)
     * waiting: it keeps the CPU and ends at 5; A 5-9. */
    {"P-mlq MLQ1", "mlq: a more urgent band preempts",
     "procsim: 1\ntitle: t\nsystem: {policy: mlq, queues: [{policy: rr, quantum: 2}, "
     "{policy: fcfs}]}\nprocesses:\n" Q("A", 0, 1, "cpu 6") Q("B", 2, 0, "cpu 3"),
     "A 0-2, B 2-5, A 5-9", {{"A", 9, 3}, {"B", 5, 0}}},
    /* Two rr bands (q 2 and 4): band 0's A and B (3 ticks each) take turns
     * of 2: A 0-2, B 2-4, A 4-5, B 5-6; C in band 1 waits until band 0 is
     * empty, then runs 6-12 alone, its quantum of 4 renewed at 10 (nobody
     * waits). */
    {"MLQ2", "mlq: an rr band's quantum, and a lower band waits",
     "procsim: 1\ntitle: t\nsystem: {policy: mlq, queues: [{policy: rr, quantum: 2}, "
     "{policy: rr, quantum: 4}]}\nprocesses:\n" Q("A", 0, 0, "cpu 3") Q("B", 0, 0, "cpu 3")
         Q("C", 0, 1, "cpu 6"),
     "A 0-2, B 2-4, A 4-5, B 5-6, C 6-12", {{"A", 5, 2}, {"B", 6, 3}, {"C", 12, 6}}},
    /* An fcfs band in first-come order, an sjf band by burst and a priority
     * band by priority, each below the one before: F1 0-2, F2 2-3 (band
     * 0); then band 1's S2 (burst 1) before S1 (3): 3-4, 4-7; then band 2's
     * R2 (priority 1) before R1 (5): 7-8, 8-9. */
    {"MLQ2", "mlq: fcfs, sjf and priority bands",
     "procsim: 1\ntitle: t\nsystem: {policy: mlq, queues: [{policy: fcfs}, {policy: sjf}, "
     "{policy: priority}]}\nprocesses:\n"
     "  - {name: R1, queue: 2, priority: 5, program: [cpu 1]}\n"
     "  - {name: R2, queue: 2, priority: 1, program: [cpu 1]}\n"
     Q("S1", 0, 1, "cpu 3") Q("S2", 0, 1, "cpu 1") Q("F1", 0, 0, "cpu 2") Q("F2", 0, 0, "cpu 1"),
     "F1 0-2, F2 2-3, S2 3-4, S1 4-7, R2 7-8, R1 8-9",
     {{"F1", 2, 0}, {"F2", 3, 2}, {"S2", 4, 3}, {"S1", 7, 4}, {"R2", 8, 7}, {"R1", 9, 8}}},
    /* A band of priority with priority_order: high-first: R1 (5) first. */
    {"PO1", "mlq: a priority band with high-first",
     "procsim: 1\ntitle: t\nsystem: {policy: mlq, priority_order: high-first, queues: "
     "[{policy: priority}]}\nprocesses:\n"
     "  - {name: R1, queue: 0, priority: 5, program: [cpu 1]}\n"
     "  - {name: R2, queue: 0, priority: 1, program: [cpu 1]}\n",
     "R1 0-1, R2 1-2", {{"R1", 1, 0}, {"R2", 2, 1}}},
    {"PO1", "priority with high-first: the larger number first",
     HEAD("priority", ", priority_order: high-first") P("A", 0, 1, "cpu 2")
         P("B", 0, 3, "cpu 2") P("C", 0, 2, "cpu 2"),
     "B 0-2, C 2-4, A 4-6", {{"A", 6, 4}, {"B", 2, 0}, {"C", 4, 2}}},
    /* A band's rr process preempted keeps its place and the rest of its
     * quantum: X (band 1, q 3) runs 0-2, H (band 0) preempts it at 2 and
     * runs 2-3; X, still at the head of band 1 with 1 tick of its quantum
     * left, runs 3-4, then Y 4-7 (its whole burst of 3), X 7-9.  (At the
     * back, Y would run at 3; with a fresh quantum, X 3-6.) */
    {"MLQ3", "mlq: a preempted rr process resumes first, with the rest of its quantum",
     "procsim: 1\ntitle: t\nsystem: {policy: mlq, queues: [{policy: fcfs}, {policy: rr, "
     "quantum: 3}]}\nprocesses:\n" Q("X", 0, 1, "cpu 5") Q("Y", 0, 1, "cpu 3")
         Q("H", 2, 0, "cpu 1"),
     "X 0-2, H 2-3, X 3-4, Y 4-7, X 7-9", {{"X", 9, 4}, {"Y", 7, 4}, {"H", 3, 0}}},
    /* The same in an fcfs band: X resumes at 3 before Y, which arrived with
     * it but after it in the file. */
    {"MLQ3", "mlq: a preempted fcfs process resumes first",
     "procsim: 1\ntitle: t\nsystem: {policy: mlq, queues: [{policy: fcfs}, {policy: fcfs}]}"
     "\nprocesses:\n" Q("X", 0, 1, "cpu 5") Q("Y", 0, 1, "cpu 3") Q("H", 2, 0, "cpu 1"),
     "X 0-2, H 2-3, X 3-6, Y 6-9", {{"X", 6, 1}, {"Y", 9, 6}, {"H", 3, 0}}},
    /* The swapper under mlq, memory 10: batch (band 1) holds 6; edit (band
     * 0, 6 units) arrives at 1 and does not fit.  Its band makes it the
     * more urgent, so batch is evicted (rule S3) and edit runs 1-3; batch
     * comes back at 3 and ends at 102. */
    {"MLQ5", "mlq: a more urgent band evicts",
     "procsim: 1\ntitle: t\nsystem: {policy: mlq, memory: 10, queues: [{policy: rr, quantum: 2}, "
     "{policy: fcfs}]}\nprocesses:\n"
     "  - {name: batch, queue: 1, memory: 6, arrival: 0, program: [cpu 100]}\n"
     "  - {name: edit, queue: 0, memory: 6, arrival: 1, program: [cpu 2]}\n",
     "batch 0-1, edit 1-3, batch 3-102", {{"batch", 102, 0}, {"edit", 3, 0}}},
    /* The band comes before the priority: batch's priority 0 is more
     * urgent than edit's 5, but edit's band 0 is ahead of batch's band 1. */
    {"MLQ5", "mlq: the band before the priority in the swapper",
     "procsim: 1\ntitle: t\nsystem: {policy: mlq, memory: 10, queues: [{policy: rr, quantum: 2}, "
     "{policy: fcfs}]}\nprocesses:\n"
     "  - {name: batch, queue: 1, priority: 0, memory: 6, arrival: 0, program: [cpu 100]}\n"
     "  - {name: edit, queue: 0, priority: 5, memory: 6, arrival: 1, program: [cpu 2]}\n",
     "batch 0-1, edit 1-3, batch 3-102", {{"batch", 102, 0}, {"edit", 3, 0}}},
    /* The swapper with high-first: memory 10.  L (priority 1) holds 6; H
     * (priority 9, 6 units) arrives at 2 and does not fit.  High-first
     * makes H the more urgent, so L is evicted (rule S3) and H runs 2-4;
     * L comes back at 4 and ends at 12. */
    {"PO3", "the swapper with high-first: the larger number evicts",
     HEAD("fcfs", ", memory: 10, priority_order: high-first") M("L", 0, 1, 6, "cpu 10")
         M("H", 2, 9, 6, "cpu 2"),
     "L 0-2, H 2-4, L 4-12", {{"L", 12, 0}, {"H", 4, 0}}},
    /* ... and with low-first (the default) L is the more urgent: H waits
     * swapped out until L ends at 10. */
    {"PO3", "the swapper with low-first: the smaller number stays",
     HEAD("fcfs", ", memory: 10") M("L", 0, 1, 6, "cpu 10") M("H", 2, 9, 6, "cpu 2"),
     "L 0-10, H 10-12", {{"L", 10, 0}, {"H", 12, 0}}},
    /* Rule S1 with high-first: R (9, the most urgent: nothing evicts it)
     * fills the memory; P (2) and Q (7) arrive at 1, swapped out; when R
     * ends at 4 only one fits, and Q, the more urgent, is swapped in
     * first. */
    {"PO3", "the swapper with high-first: the larger number is swapped in first",
     HEAD("fcfs", ", memory: 10, priority_order: high-first") M("R", 0, 9, 10, "cpu 4")
         M("P", 1, 2, 6, "cpu 2") M("Q", 1, 7, 6, "cpu 2"),
     "R 0-4, Q 4-6, P 6-8", {{"R", 4, 0}, {"Q", 6, 0}, {"P", 8, 0}}},
};

/* The Gantt chart of CPU 0 from the transitions: "NAME FROM-TO" for each
 * stretch on the CPU, "idle FROM-TO" between them. */
static const char *gantt(const tk_run *r, char *buf, size_t size)
{
    size_t len = 0;
    int64_t free_at = 0, from = -1;
    buf[0] = 0;
    for (size_t i = 0; i < r->n; i++) {
        const ps_trace_event *ev = &r->ev[i];
        if (ev->to == PS_RUNNING) {
            if (ev->time > free_at)
                len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%sidle %lld-%lld",
                                        len ? ", " : "", (long long)free_at, (long long)ev->time);
            from = ev->time;
        } else if (ev->from == PS_RUNNING) {
            len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s %lld-%lld",
                                    len ? ", " : "", r->s->procs[ev->pid - 1].name,
                                    (long long)from, (long long)ev->time);
            free_at = ev->time;
        }
    }
    return buf;
}

static void run_schedule(const schedule *sc)
{
    tk_run r;
    tk_run_yaml(&r, sc->yaml, -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    char chart[512];
    if (sc->gantt && strcmp(gantt(&r, chart, sizeof chart), sc->gantt) != 0)
        fail_msg("%s: the CPU ran\n  %s\nexpected\n  %s", sc->what, chart, sc->gantt);
    for (const expect *w = sc->want; w->name; w++) {
        ps_proc_stats st;
        ps_stats_proc(r.e, tk_pid(&r, w->name), &st);
        if (st.finish != w->finish || st.waiting != w->waiting)
            fail_msg("%s: %s finished at %lld having waited %lld; expected %lld and %lld",
                     sc->what, w->name, (long long)st.finish, (long long)st.waiting,
                     (long long)w->finish, (long long)w->waiting);
    }
    tk_run_fini(&r);
}

static void run_schedules_of(const char *tag)
{
    TK_RUN_TAGGED(schedules, run_schedule, tag);
}

#define SCHEDULES TK_SCHEDULES
SCHEDULES(rule_P_hrrn_stallings_table_9_5, "P-hrrn")
SCHEDULES(rule_HRRN1_the_wait_counts_from_becoming_ready, "HRRN1")
SCHEDULES(rule_HRRN2_a_burst_of_0_first_equal_ratios_by_arrival, "HRRN2")
SCHEDULES(rule_P_priority_rr_silberschatz_5_3_4_and_exercise_6_17, "P-priority-rr")
SCHEDULES(rule_PRR1_a_quantum_is_renewed_while_only_less_urgent_wait, "PRR1")
SCHEDULES(rule_PRR2_the_preempted_go_to_the_back_exercise_6_17, "PRR2")
SCHEDULES(rule_AGE1_a_promotion_preempts_at_its_tick, "AGE1")
SCHEDULES(rule_AGE3_a_promoted_process_keeps_its_place_in_time, "AGE3")
SCHEDULES(rule_AGE4_aged_while_running_base_after, "AGE4")
SCHEDULES(rule_P_mlq_a_more_urgent_band_preempts, "P-mlq")
SCHEDULES(rule_MLQ1_strict_priority_between_bands, "MLQ1")
SCHEDULES(rule_MLQ2_each_band_its_own_policy, "MLQ2")
SCHEDULES(rule_MLQ3_a_preempted_fifo_process_resumes_first, "MLQ3")
SCHEDULES(rule_MLQ5_the_swapper_ranks_the_band_first, "MLQ5")
SCHEDULES(rule_PO1_high_first_in_the_priority_policies, "PO1")
SCHEDULES(rule_PO2_aging_goes_towards_the_urgent_end, "PO2")
SCHEDULES(rule_PO3_the_swapper_follows_priority_order, "PO3")

/* The dispatch causes of the run, in English, joined by " | ". */
static const char *dispatch_causes(const tk_run *r, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (r->ev[i].event != PS_EV_DISPATCH)
            continue;
        char one[160];
        ps_cause_format(r->e, &r->ev[i], PS_LANG_EN, one, sizeof one);
        len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s: %s",
                                len ? " | " : "", r->s->procs[r->ev[i].pid - 1].name, one);
    }
    return buf;
}

/* HRRN3: at tick 5, with A on the CPU, P (arrived 1, burst 8) has the
 * ratio (4 + 8) / 8 = 1.5 and Q (arrived 2, burst 1) (3 + 1) / 1 = 4: the
 * Ready queue lists Q first, as it would be served, though P joined it
 * first; B (arrived 3), whose next op leaves the CPU at once, is
 * listed first and has no ratio.  The dispatches say the ratios: B at 10
 * (burst 0), Q at 10 ((8 + 1) / 1 = 9), P at 11 ((10 + 8) / 8 = 2.25), B
 * back from its I/O at 11 and dispatched at 19 ((8 + 1) / 1 = 9). */
static void rule_HRRN3_the_ready_queue_and_the_ratios_as_served(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("hrrn", "") P("A", 0, 0, "cpu 10") P("P", 1, 0, "cpu 8")
                    P("Q", 2, 0, "cpu 1") P("B", 3, 0, "io disk 1, cpu 1"), 5);
    uint32_t out[4];
    assert_int_equal(ps_engine_queue(r.e, PS_READY, out, 4), 3);
    assert_int_equal(out[0], tk_pid(&r, "B"));
    assert_int_equal(out[1], tk_pid(&r, "Q"));
    assert_int_equal(out[2], tk_pid(&r, "P"));
    assert_int_equal(ps_engine_response_ratio(r.e, tk_pid(&r, "P")), 1500);
    assert_int_equal(ps_engine_response_ratio(r.e, tk_pid(&r, "Q")), 4000);
    assert_int_equal(ps_engine_response_ratio(r.e, tk_pid(&r, "B")), -1);
    assert_int_equal(ps_engine_response_ratio(r.e, tk_pid(&r, "A")), -1); /* Running */
    assert_int_equal(ps_engine_response_ratio(r.e, 99), -1);
    char buf[1024];
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    assert_string_equal(dispatch_causes(&r, buf, sizeof buf),
                        "A: hrrn picks it for cpu 0; highest response ratio 1 | "
                        "B: hrrn picks it for cpu 0; shortest burst 0 | "
                        "Q: hrrn picks it for cpu 0; highest response ratio 9 | "
                        "P: hrrn picks it for cpu 0; highest response ratio 2.25 | "
                        "B: hrrn picks it for cpu 0; highest response ratio 9");
    tk_run_fini(&r);
}

/* AGE1: a process that leaves Ready before it is due stops aging, and
 * no instant is spent on it: B would age at 5 but runs 3-4; the next
 * instant after 4 is C's arrival at 10. */
static void rule_AGE1_no_instant_for_a_process_that_left_ready(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("priority", ", aging: {every: 5, by: 1}") P("A", 0, 0, "cpu 3")
                    P("B", 0, 1, "cpu 1") P("C", 10, 1, "cpu 1"), 4);
    assert_int_equal(ps_engine_next(r.e), 10);
    assert_int_equal(ps_engine_pcb(r.e, 2)->priority, 1);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    tk_run_fini(&r);
}

/* AGE2: B (1) ages by 5 every 2 ticks: at 2 it is 0, as urgent as a
 * number can be, and stays 0 (no timer fires for it again); with
 * high-first the end is 10^9. */
static void rule_AGE2_never_past_the_most_urgent_number(void **state)
{
    (void)state;
    static const struct {
        const char *yaml;
        int32_t at3;
    } cases[] = {
        {HEAD("priority", ", aging: {every: 2, by: 5}") P("A", 0, 0, "cpu 10")
             P("B", 0, 1, "cpu 1"), 0},
        {HEAD("priority", ", priority_order: high-first, aging: {every: 2, by: 5}")
             P("A", 0, 1000000000, "cpu 10") P("B", 0, 999999999, "cpu 1"), 1000000000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tk_run r;
        tk_run_yaml(&r, cases[i].yaml, 3);
        assert_int_equal(ps_engine_pcb(r.e, 2)->priority, cases[i].at3);
        assert_int_equal(ps_engine_next(r.e), 10); /* A's end: no aging instant before */
        tk_run_more(&r, 9);
        assert_int_equal(ps_engine_pcb(r.e, 2)->priority, cases[i].at3);
        assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
        ps_proc_stats st;
        ps_stats_proc(r.e, 2, &st);
        assert_int_equal(st.finish, 11);
        tk_run_fini(&r);
    }
}

/* AGE4 in the PCB: B runs 6-8 with priority 0, has 3 again once it has
 * left the CPU (Blocked at 8, Ready at 9), and 2 from tick 11. */
static void rule_AGE4_the_pcb_shows_aged_then_base(void **state)
{
    (void)state;
    static const struct {
        int64_t at;
        int32_t priority;
    } want[] = {{1, 3}, {2, 2}, {5, 1}, {6, 0}, {7, 0}, {8, 3}, {10, 3}, {11, 2}};
    tk_run r;
    tk_run_yaml(&r, HEAD("priority-preemptive", ", aging: {every: 2, by: 1}")
                    P("A", 0, 1, "cpu 10") P("B", 0, 3, "cpu 2, io disk 1, cpu 1"), 0);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        tk_run_more(&r, want[i].at);
        if (ps_engine_pcb(r.e, 2)->priority != want[i].priority)
            fail_msg("B's priority at %lld is %d, expected %d", (long long)want[i].at,
                     (int)ps_engine_pcb(r.e, 2)->priority, (int)want[i].priority);
    }
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    tk_run_fini(&r);
}

/* PO3, rule S1's queue: in the last swapper case above, at tick 2 the
 * Ready/Suspend queue lists Q (7) before P (2) under high-first, and P is
 * never swapped in before its turn: one swap, at 6.  (Were the queue in
 * number order, P would be swapped in at 4 and evicted at once for Q.) */
static void rule_PO3_the_swapped_out_queue_serves_the_urgent_first(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("fcfs", ", memory: 10, priority_order: high-first")
                    M("R", 0, 9, 10, "cpu 4") M("P", 1, 2, 6, "cpu 2") M("Q", 1, 7, 6, "cpu 2"),
                2);
    uint32_t out[3];
    assert_int_equal(ps_engine_queue(r.e, PS_READY_SUSPENDED, out, 3), 2);
    assert_int_equal(out[0], tk_pid(&r, "Q"));
    assert_int_equal(out[1], tk_pid(&r, "P"));
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    assert_int_equal(ps_engine_pcb(r.e, tk_pid(&r, "P"))->swaps, 1);
    assert_int_equal(tk_when(&r, "P", PS_READY, 0), 6);
    tk_run_fini(&r);
}

/* AGE5, MLQ4: what a dispatch's cause says. */
static void rule_AGE5_MLQ4_the_cause_says_aged_and_band(void **state)
{
    (void)state;
    static const struct {
        const char *yaml, *causes;
    } cases[] = {
        {HEAD("priority-preemptive", ", aging: {every: 2, by: 1}") P("A", 0, 1, "cpu 10")
             P("B", 0, 3, "cpu 1"),
         "A: priority-preemptive picks it for cpu 0; priority 1 | "
         "B: priority-preemptive picks it for cpu 0; priority 0 (aged from 3) | "
         "A: priority-preemptive picks it for cpu 0; priority 1"},
        {"procsim: 1\ntitle: t\nsystem: {policy: mlq, queues: [{policy: fcfs}, {policy: sjf}, "
         "{policy: priority}, {policy: rr}]}\nprocesses:\n"
         "  - {name: R, queue: 2, priority: 4, program: [cpu 1]}\n"
         Q("S", 0, 1, "cpu 3") Q("F", 0, 0, "cpu 2") Q("T", 0, 3, "cpu 1"),
         "F: mlq picks it for cpu 0; queue 0 | S: mlq picks it for cpu 0; queue 1, shortest "
         "burst 3 | R: mlq picks it for cpu 0; queue 2, priority 4 | T: mlq picks it for cpu 0; "
         "queue 3"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tk_run r;
        char buf[1024];
        tk_run_yaml(&r, cases[i].yaml, -1);
        assert_int_equal(r.status, PS_STEP_DONE);
        assert_string_equal(dispatch_causes(&r, buf, sizeof buf), cases[i].causes);
        tk_run_fini(&r);
    }
}

/* ---- random workloads ----------------------------------------------------- */

static uint64_t rng;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static void put(char *buf, size_t *len, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *len, size - *len, fmt, ap);
    va_end(ap);
    assert_true(n > 0 && *len + (size_t)n < size);
    *len += (size_t)n;
}

/* A random workload for one of this file's policies: CPUs, memory, both
 * priority orders, aging, mlq bands, I/O, sleeps, suspend and resume. */
static void random_workload(char *buf, size_t size)
{
    static const char *const policies[] = {"hrrn", "priority", "priority-preemptive",
                                           "priority-rr", "mlq"};
    static const char *const bands[] = {"fcfs", "sjf", "priority", "rr"};
    size_t len = 0;
    const char *policy = policies[rnd(5)];
    int mlq = strcmp(policy, "mlq") == 0, nbands = 1 + (int)rnd(3);
    put(buf, &len, size, "procsim: 1\ntitle: random\nsystem: {cpus: %u, policy: %s, "
        "quantum: %u, priority_order: %s%s", 1 + rnd(3), policy, 1 + rnd(4),
        rnd(2) ? "low-first" : "high-first", rnd(2) ? ", memory: 100" : "");
    if (strncmp(policy, "priority", 8) == 0 && rnd(3))
        put(buf, &len, size, ", aging: {every: %u, by: %u}", 1 + rnd(4), 1 + rnd(2));
    if (mlq) {
        put(buf, &len, size, ", queues: [");
        for (int b = 0; b < nbands; b++)
            put(buf, &len, size, "%s{policy: %s}", b ? ", " : "", bands[rnd(4)]);
        put(buf, &len, size, "]");
    }
    put(buf, &len, size, "}\ndevices: [d0, d1]\nprocesses:\n");
    unsigned n = 1 + rnd(8);
    for (unsigned i = 0; i < n; i++) {
        put(buf, &len, size, "  - {name: p%u, arrival: %u, priority: %u, memory: %u, ", i,
            rnd(8), rnd(5), rnd(4) * 20);
        if (mlq)
            put(buf, &len, size, "queue: %u, ", rnd((unsigned)nbands));
        put(buf, &len, size, "program: [");
        for (unsigned k = rnd(5); k > 0; k--) {
            unsigned op = rnd(4);
            if (op == 0)
                put(buf, &len, size, "io d%u %u, ", rnd(2), 1 + rnd(4));
            else if (op == 1)
                put(buf, &len, size, "sleep %u, ", 1 + rnd(6));
            else
                put(buf, &len, size, "cpu %u, ", 1 + rnd(7));
        }
        put(buf, &len, size, "cpu %u]}\n", 1 + rnd(5));
    }
    unsigned events = rnd(4);
    if (events)
        put(buf, &len, size, "events:\n");
    for (unsigned k = 0; k < events; k++)
        put(buf, &len, size, "  - {at: %u, do: %s p%u}\n", rnd(25), k % 2 ? "resume" : "suspend",
            rnd(n));
}

/* After each step: the engine's invariants, and under aging no Ready
 * process is due to age before the next instant (the timer is never late:
 * rule AGE1's exact tick). */
static void check_instant(const ps_engine *e, const char *yaml)
{
    char why[512];
    if (ps_engine_check(e, why, sizeof why))
        fail_msg("invariant broken at tick %lld: %s\n%s", (long long)ps_engine_now(e), why, yaml);
    const ps_scenario *s = ps_engine_scenario(e);
    int64_t next = ps_engine_next(e), every = s->aging_every, end = s->priority_order ? 1000000000 : 0;
    for (uint32_t pid = 1; every && pid <= ps_engine_nprocs(e); pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        if (!p->created || p->state != PS_READY || p->priority == end)
            continue;
        int64_t due = p->state_since + ((ps_engine_now(e) - p->state_since) / every + 1) * every;
        if (next < 0 || next > due)
            fail_msg("tick %lld: %s is due to age at %lld, but the next instant is %lld\n%s",
                     (long long)ps_engine_now(e), p->name, (long long)due, (long long)next, yaml);
    }
}

static void random_workloads_keep_the_invariants(void **state)
{
    (void)state;
    static char yaml[8192];
    int done = 0;
    for (uint64_t seed = 1; seed <= 2000; seed++) {
        rng = seed * 0x9E3779B97F4A7C15ull;
        random_workload(yaml, sizeof yaml);
        tk_run runs[2];
        for (int k = 0; k < 2; k++) {
            tk_run *r = &runs[k];
            tk_run_yaml(r, yaml, 0);
            uint64_t steps = 0, budget = tk_step_budget(r->s);
            do {
                r->status = ps_engine_step(r->e);
                check_instant(r->e, yaml);
                if (++steps >= budget)
                    fail_msg("seed %llu: over the step budget\n%s", (unsigned long long)seed,
                             yaml);
            } while (r->status == PS_STEP_OK);
            if (r->status != PS_STEP_DONE && r->status != PS_STEP_STUCK)
                fail_msg("seed %llu: status %d\n%s", (unsigned long long)seed, r->status, yaml);
        }
        done += runs[0].status == PS_STEP_DONE;
        assert_int_equal(runs[0].n, runs[1].n); /* the same run twice */
        for (size_t i = 0; i < runs[0].n; i++) {
            const ps_trace_event *x = &runs[0].ev[i], *y = &runs[1].ev[i];
            assert_true(x->time == y->time && x->pid == y->pid && x->to == y->to &&
                        x->event == y->event && x->cause == y->cause && x->a == y->a &&
                        x->why == y->why && x->wa == y->wa && x->wb == y->wb);
        }
        tk_run_fini(&runs[0]);
        tk_run_fini(&runs[1]);
    }
    assert_true(done > 1000);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_P_hrrn_stallings_table_9_5),
        cmocka_unit_test(rule_HRRN1_the_wait_counts_from_becoming_ready),
        cmocka_unit_test(rule_HRRN2_a_burst_of_0_first_equal_ratios_by_arrival),
        cmocka_unit_test(rule_HRRN3_the_ready_queue_and_the_ratios_as_served),
        cmocka_unit_test(rule_P_priority_rr_silberschatz_5_3_4_and_exercise_6_17),
        cmocka_unit_test(rule_PRR1_a_quantum_is_renewed_while_only_less_urgent_wait),
        cmocka_unit_test(rule_PRR2_the_preempted_go_to_the_back_exercise_6_17),
        cmocka_unit_test(rule_AGE1_a_promotion_preempts_at_its_tick),
        cmocka_unit_test(rule_AGE1_no_instant_for_a_process_that_left_ready),
        cmocka_unit_test(rule_AGE2_never_past_the_most_urgent_number),
        cmocka_unit_test(rule_AGE3_a_promoted_process_keeps_its_place_in_time),
        cmocka_unit_test(rule_AGE4_aged_while_running_base_after),
        cmocka_unit_test(rule_AGE4_the_pcb_shows_aged_then_base),
        cmocka_unit_test(rule_AGE5_MLQ4_the_cause_says_aged_and_band),
        cmocka_unit_test(rule_P_mlq_a_more_urgent_band_preempts),
        cmocka_unit_test(rule_MLQ1_strict_priority_between_bands),
        cmocka_unit_test(rule_MLQ2_each_band_its_own_policy),
        cmocka_unit_test(rule_MLQ3_a_preempted_fifo_process_resumes_first),
        cmocka_unit_test(rule_MLQ5_the_swapper_ranks_the_band_first),
        cmocka_unit_test(rule_PO1_high_first_in_the_priority_policies),
        cmocka_unit_test(rule_PO2_aging_goes_towards_the_urgent_end),
        cmocka_unit_test(rule_PO3_the_swapper_follows_priority_order),
        cmocka_unit_test(rule_PO3_the_swapped_out_queue_serves_the_urgent_first),
        cmocka_unit_test(random_workloads_keep_the_invariants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
