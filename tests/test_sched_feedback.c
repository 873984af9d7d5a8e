/* test_sched_feedback.c — Stallings' feedback (mlfq_style: stallings) and
 * predicted bursts (burst_estimate) against their published cases and
 * schedules worked by hand, following docs/engine.md ("Stallings'
 * feedback", "Predicted bursts"; rules FB1.. and EST1..).
 *
 * Sources: W. Stallings, Operating Systems: Internals and Design
 * Principles, Table 9.5 and Figure 9.5 (the feedback rows of the
 * comparison of policies on processes A..E); A. Silberschatz, P. Galvin
 * and G. Gagne, Operating System Concepts, Figure 5.3 (the exponential
 * average of the CPU bursts, alpha 1/2, tau0 10). */
#include <stdio.h>
#include <string.h>

#include "testkit.h"
#include "procsim/cause.h"
#include "procsim/stats.h"

typedef struct expect {
    const char *name;
    int64_t finish;
} expect;

typedef struct schedule {
    const char *rules;        /* the rule IDs of docs/engine.md it shows */
    const char *what;
    const char *yaml;
    expect want[6];
} schedule;

#define SYSTEM(policy, extra) "procsim: 1\ntitle: t\nsystem: {policy: " policy extra "}\n"
#define HEAD(policy, extra) SYSTEM(policy, extra) "processes:\n"
#define FB(extra) HEAD("mlfq", ", mlfq_style: stallings" extra)
#define P(name, arrival, prog) "  - {name: " name ", arrival: " #arrival ", program: [" prog "]}\n"
/* Stallings' five processes (Table 9.5): arrival, service time. */
#define STALLINGS_ABCDE                                                                    \
    P("A", 0, "cpu 3") P("B", 2, "cpu 6") P("C", 4, "cpu 4") P("D", 6, "cpu 5")           \
        P("E", 8, "cpu 2")
/* Burst policies with the prediction of Silberschatz's example. */
#define ALPHA_HALF(initial) ", burst_estimate: {alpha: 0.5, initial: " #initial "}"
#define EST(policy, initial) HEAD(policy, ALPHA_HALF(initial))
/* ... with two devices, so that two I/Os overlap. */
#define TWO_DEVICES(policy, extra) SYSTEM(policy, extra) "devices: [d1, d2]\nprocesses:\n"

static const schedule schedules[] = {
    /* Table 9.5, FB q = 1 (docs/engine.md has the chart): A runs 0-2
     * alone, not demoted at 1; B's arrival at 2 takes the CPU, and from
     * then on each quantum's end demotes the process that ran, since
     * someone always takes over.  Turnaround 4 18 12 13 3, mean 10.00. */
    {"P-fb FB1 FB4 FB6", "Stallings Table 9.5, feedback q = 1",
     FB(", quantum: 1") STALLINGS_ABCDE,
     {{"A", 4}, {"B", 20}, {"C", 16}, {"D", 19}, {"E", 11}}},
    /* Table 9.5, FB q = 2^i: the quanta 1, 2, 4 of RQ0..RQ2.  D arrives
     * at 6 while B runs 5-7 on RQ1 and waits for the end of that quantum.
     * Turnaround 4 15 14 14 6, mean 10.60. */
    {"P-fb FB1 FB2 FB3 FB4 FB6", "Stallings Table 9.5, feedback q = 2^i",
     FB(", mlfq_quanta: [1, 2, 4]") STALLINGS_ABCDE,
     {{"A", 4}, {"B", 17}, {"C", 18}, {"D", 20}, {"E", 14}}},
    /* A runs 0-1 and is demoted for B, which ends at 2; A then has RQ1's
     * quantum of 4, 2-6.  C arrives at 3 and waits until 6 (OSTEP's rules
     * would let it preempt A at 3); at 7 C's quantum ends with A ahead of
     * it on RQ1, so C goes down and A ends its last 3 ticks 7-10. */
    {"FB2", "a newcomer waits for the end of the running process's quantum",
     FB(", mlfq_quanta: [1, 4]") P("A", 0, "cpu 8") P("B", 0, "cpu 1") P("C", 3, "cpu 2"),
     {{"A", 10}, {"B", 2}, {"C", 11}}},
    /* A computes 0-1 and does I/O 1-3; B's quantum of 2 ends at 3, when A
     * is back on RQ0, so B goes down.  A gets a whole quantum of 2 again,
     * 3-5 (not the 1 left of its first), then goes down behind B, which
     * ends its 4 ticks on RQ1 5-9; A ends 9-10. */
    {"FB3", "every dispatch gets the whole quantum of its level",
     FB(", mlfq_quanta: [2, 4]") P("A", 0, "cpu 1, io disk 2, cpu 3") P("B", 0, "cpu 6"),
     {{"A", 10}, {"B", 9}}},
    /* X and Y share the CPU and sink to RQ2 by 5, when Z arrives on RQ0.
     * Z's quanta end at 6 and 7 with only X and Y Ready, on RQ2, below the
     * RQ1 that Z would move to: nobody would take the CPU, so Z stays on
     * RQ0 and runs to its end at 8.  (Demoting it whenever anyone is Ready
     * would send it to RQ1 at 6, RQ2 behind Y and X at 7, ending at 11.) */
    {"FB4", "demoted only when another process takes the CPU",
     FB(", quantum: 1") P("X", 0, "cpu 4") P("Y", 0, "cpu 4") P("Z", 5, "cpu 3"),
     {{"X", 10}, {"Y", 11}, {"Z", 8}}},
    /* A is demoted to RQ1 at 1 and blocks there at 3; back at 4 it is
     * still on RQ1 (ahead of B's place on RQ2, so B goes down), runs 4-5,
     * and shares RQ2 with B from 5: A ends at 7.  Back on RQ0 it would
     * have stayed there at 5 and ended at 6. */
    {"FB5", "a process back from I/O keeps its level",
     FB(", quantum: 1") P("A", 0, "cpu 2, io disk 1, cpu 2") P("B", 0, "cpu 4"),
     {{"A", 7}, {"B", 8}}},
    /* One level: round robin.  B arrives at 2 when A's quantum ends and
     * queues ahead of it. */
    {"FB6", "an arrival queues ahead of the process timed out in the same tick",
     FB(", quantum: 2, mlfq_levels: 1") P("A", 0, "cpu 4") P("B", 2, "cpu 2"),
     {{"A", 6}, {"B", 4}}},
    /* Worked by hand: P1 and P2 are both Ready at 9 (back from their
     * I/Os).  Their next bursts are 9 and 3, but what sjf knows is the
     * prediction: P1's first burst of 2 made its tau 0.5*2 + 0.5*10 = 6,
     * P2's of 6 made it 0.5*6 + 0.5*10 = 8.  So P1 runs 9-18 and P2
     * 18-21; with the real bursts (the next row) P2 runs first, 9-12, and
     * P1 12-21. */
    {"EST4", "sjf: the prediction, not the real burst, decides",
     TWO_DEVICES("sjf", ALPHA_HALF(10)) P("P1", 0, "cpu 2, io d1 7, cpu 9")
         P("P2", 0, "cpu 6, io d2 1, cpu 3"),
     {{"P1", 18}, {"P2", 21}}},
    {"EST4", "sjf: the same workload by the real bursts",
     TWO_DEVICES("sjf", "") P("P1", 0, "cpu 2, io d1 7, cpu 9")
         P("P2", 0, "cpu 6, io d2 1, cpu 3"),
     {{"P1", 21}, {"P2", 12}}},
    /* P1's first burst (2) leaves tau 0.5*2 + 0.5*2 = 2; its second
     * starts at 3.  P2 arrives at 4 with tau 2, while P1 has 2 - 1 = 1
     * left of its prediction, and from 5 on 0 (it never goes below): P2
     * never preempts, and waits for P1's 10 ticks, 3-13.  By the real
     * bursts P1 had 9 left at 4 against P2's 3. */
    {"EST5", "srtf: the running process's prediction runs out, at 0",
     EST("srtf", 2) P("P1", 0, "cpu 2, io disk 1, cpu 10") P("P2", 4, "cpu 3"),
     {{"P1", 13}, {"P2", 16}}},
    {"EST5", "srtf: the same workload by the real bursts",
     HEAD("srtf", "") P("P1", 0, "cpu 2, io disk 1, cpu 10") P("P2", 4, "cpu 3"),
     {{"P1", 16}, {"P2", 7}}},
    /* P2 computes 0-2 and its tau becomes 6; P1 (tau 10) runs from 2.
     * When P2 is back at 10, P1 has run 8 of its predicted 10: 2 left,
     * under P2's 6, so P2 waits (by the real bursts, P1's 12 left against
     * P2's 5, it would preempt; by tau alone, 10 against 6, too). */
    {"EST5", "srtf: the running process's prediction shrinks as it runs",
     EST("srtf", 10) P("P2", 0, "cpu 2, io disk 8, cpu 5") P("P1", 0, "cpu 20"),
     {{"P1", 22}, {"P2", 27}}},
    /* P1's first burst (20) leaves tau 15; its second starts at 21.  P2
     * arrives at 22 predicted at 10, under P1's 15 - 1 = 14 left, and
     * preempts it although its real burst (30) is longer than P1's 19. */
    {"EST5", "srtf: a newcomer predicted shorter preempts",
     EST("srtf", 10) P("P1", 0, "cpu 20, io disk 1, cpu 20") P("P2", 22, "cpu 30"),
     {{"P1", 71}, {"P2", 52}}},
};

static void run_schedule(const schedule *sc)
{
    tk_run r;
    tk_run_yaml(&r, sc->yaml, -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    for (const expect *w = sc->want; w->name; w++) {
        ps_proc_stats st;
        ps_stats_proc(r.e, tk_pid(&r, w->name), &st);
        if (st.finish != w->finish)
            fail_msg("%s: %s finished at %lld; expected %lld", sc->what, w->name,
                     (long long)st.finish, (long long)w->finish);
    }
    tk_run_fini(&r);
}

static void run_schedules_of(const char *tag)
{
    TK_RUN_TAGGED(schedules, run_schedule, tag);
}

#define SCHEDULES TK_SCHEDULES
SCHEDULES(rule_P_fb_stallings_table_9_5, "P-fb")
SCHEDULES(rule_FB1_the_highest_queue_runs_first, "FB1")
SCHEDULES(rule_FB2_no_preemption_by_a_newcomer, "FB2")
SCHEDULES(rule_FB3_a_whole_quantum_at_every_dispatch, "FB3")
SCHEDULES(rule_FB4_demoted_only_when_another_takes_the_cpu, "FB4")
SCHEDULES(rule_FB5_back_from_io_at_the_same_level, "FB5")
SCHEDULES(rule_FB6_newcomers_before_the_one_timed_out, "FB6")
SCHEDULES(rule_EST4_sjf_ranks_by_the_prediction, "EST4")
SCHEDULES(rule_EST5_srtf_ranks_by_the_prediction_left, "EST5")

/* FB4: alone, a process whose quantum ends keeps its level and the CPU:
 * no timeout, level 0 to the end.  FB5: the level survives a wait. */
static void rule_FB4_FB5_levels_in_the_pcb(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, FB(", quantum: 1") P("A", 0, "cpu 5"), -1);
    for (size_t i = 0; i < r.n; i++)
        assert_int_not_equal(r.ev[i].event, PS_EV_TIMEOUT);
    assert_int_equal(ps_engine_pcb(r.e, 1)->mlfq_level, 0);
    tk_run_fini(&r);
    /* the FB5 row: A is on RQ1 when it blocks at 3 and when it wakes at 4 */
    tk_run_yaml(&r, FB(", quantum: 1") P("A", 0, "cpu 2, io disk 1, cpu 2") P("B", 0, "cpu 4"),
                3);
    assert_int_equal(ps_engine_pcb(r.e, 1)->state, PS_BLOCKED);
    assert_int_equal(ps_engine_pcb(r.e, 1)->mlfq_level, 1);
    tk_run_more(&r, 4);
    assert_int_equal(ps_engine_pcb(r.e, 1)->state, PS_RUNNING);
    assert_int_equal(ps_engine_pcb(r.e, 1)->mlfq_level, 1);
    assert_int_equal(ps_engine_pcb(r.e, 1)->priority, 1);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    tk_run_fini(&r);
}

/* FB7: OSTEP's settings are refused with the Stallings style, each with
 * a message that names the style; with OSTEP's they load. */
static void rule_FB7_ostep_settings_refused(void **state)
{
    (void)state;
    static const struct {
        const char *setting, *error;
    } cases[] = {
        {"mlfq_boost: 10", "t.yaml:3:47: mlfq_boost: applies only to mlfq_style ostep, not "
                           "stallings (it has no priority boost)"},
        {"mlfq_allotments: [2, 1, 1]",
         "t.yaml:3:47: mlfq_allotments: applies only to mlfq_style ostep, not stallings (a "
         "process moves down at the first quantum that ends with another process taking "
         "the CPU)"},
        {"mlfq_stay: true", "t.yaml:3:47: mlfq_stay: applies only to mlfq_style ostep, not "
                            "stallings (every dispatch has a full quantum)"},
        {"mlfq_io_bump: false",
         "t.yaml:3:47: mlfq_io_bump: applies only to mlfq_style ostep, not stallings (a "
         "process back from I/O joins the back of its queue)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int ostep = 0; ostep < 2; ostep++) {
            char yaml[512]; /* the style padded: the setting at one column */
            snprintf(yaml, sizeof yaml,
                     "procsim: 1\ntitle: t\nsystem: {policy: mlfq, mlfq_style: %s, %s}\n"
                     "processes:\n  - {name: a, program: [cpu 1]}\n",
                     ostep ? "ostep    " : "stallings", cases[i].setting);
            ps_error err;
            ps_scenario *s = ps_scenario_load_string("t.yaml", yaml, strlen(yaml), &err);
            if (ostep) {
                if (!s)
                    fail_msg("%s with mlfq_style ostep: %s", cases[i].setting, err.msg);
            } else {
                assert_null(s);
                assert_string_equal(err.msg, cases[i].error);
            }
            ps_scenario_destroy(s);
        }
}

/* ---- predicted bursts ------------------------------------------------------ */

/* The estimate after each burst: the PCB's as the door reports the end of
 * the burst (wait or release), and its value at creation. */
typedef struct tau_log {
    const ps_engine *e;
    int64_t created;
    int64_t tau[16], at_preempt;
    int n;
} tau_log;

static void log_tau(void *ctx, const ps_trace_event *ev)
{
    tau_log *t = ctx;
    int64_t tau = ps_engine_pcb(t->e, ev->pid)->estimate;
    if (ev->pid != 1)
        return;
    if (ev->event == PS_EV_CREATE)
        t->created = tau;
    else if (ev->from == PS_RUNNING && (ev->to == PS_BLOCKED || ev->to == PS_EXIT) && t->n < 16)
        t->tau[t->n++] = tau;
    else if (ev->event == PS_EV_PREEMPT)
        t->at_preempt = tau;
}

static void run_logging(const char *yaml, tau_log *t)
{
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("t.yaml", yaml, strlen(yaml), &err);
    if (!s)
        fail_msg("%s", err.msg);
    ps_engine *e = ps_engine_create(s);
    assert_non_null(e);
    memset(t, 0, sizeof *t);
    t->e = e;
    t->at_preempt = -2;
    ps_engine_set_listener(e, log_tau, t);
    assert_int_equal(tk_step_until(e, -1, tk_step_budget(s), NULL), PS_STEP_DONE);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* EST1, EST2: Silberschatz Fig. 5.3.  One process with the CPU bursts 6 4
 * 6 4 13 13 13 (an I/O between each): tau 10 8 6 6 5 9 11 12, the last
 * one learnt at the exit. */
static void rule_EST1_EST2_silberschatz_tau_table(void **state)
{
    (void)state;
    static const int64_t want[] = {8000, 6000, 6000, 5000, 9000, 11000, 12000};
    tau_log t;
    run_logging(EST("sjf", 10) P("P", 0, "cpu 6, io disk 1, cpu 4, io disk 1, cpu 6, io disk 1, "
                                 "cpu 4, io disk 1, cpu 13, io disk 1, cpu 13, io disk 1, cpu 13"),
                &t);
    assert_int_equal(t.created, 10000);
    assert_int_equal(t.n, 7);
    for (int i = 0; i < 7; i++)
        if (t.tau[i] != want[i])
            fail_msg("tau%d is %lld thousandths; Silberschatz has %lld", i + 1,
                     (long long)t.tau[i], (long long)want[i]);
}

/* EST2: thousandths, the nearest, a half up; EST3: a burst with no work
 * (dispatched, then an I/O at once) counts as 0.  alpha 1/2 from 0: the
 * burst of 1 gives 0.5, then four of 0 halve it: 0.25, 0.125, 0.0625 ->
 * 0.063, 0.0315 -> 0.032. */
static void rule_EST2_EST3_rounding_and_empty_bursts(void **state)
{
    (void)state;
    static const int64_t want[] = {500, 250, 125, 63, 32};
    tau_log t;
    run_logging(EST("sjf", 0) P("P", 0, "cpu 1, io disk 1, io disk 1, io disk 1, io disk 1"), &t);
    assert_int_equal(t.created, 0);
    assert_int_equal(t.n, 5);
    for (int i = 0; i < 5; i++)
        assert_int_equal(t.tau[i], want[i]);
    /* alpha 0 keeps the first guess, alpha 1 is the last burst */
    run_logging(HEAD("sjf", ", burst_estimate: {alpha: 0, initial: 7}") P("P", 0, "cpu 3, io disk 1, cpu 2"),
                &t);
    assert_int_equal(t.tau[0], 7000);
    assert_int_equal(t.tau[1], 7000);
    run_logging(HEAD("sjf", ", burst_estimate: {alpha: 1, initial: 7}") P("P", 0, "cpu 3, io disk 1, cpu 2"),
                &t);
    assert_int_equal(t.tau[0], 3000);
    assert_int_equal(t.tau[1], 2000);
}

/* EST3: a preemption does not end a burst.  The third EST5 row: P1 is
 * preempted at 22 one tick into its second burst; tau stays 15 then, and
 * at its exit it learns the whole burst, 1 + 19 = 20: 0.5*20 + 0.5*15. */
static void rule_EST3_a_preemption_does_not_end_the_burst(void **state)
{
    (void)state;
    tau_log t;
    run_logging(EST("srtf", 10) P("P1", 0, "cpu 20, io disk 1, cpu 20") P("P2", 22, "cpu 30"), &t);
    assert_int_equal(t.at_preempt, 15000);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.tau[0], 15000);
    assert_int_equal(t.tau[1], 17500);
}

/* EST6: the dispatch's cause gives the prediction, in both languages. */
static void rule_EST6_the_cause_shows_the_prediction(void **state)
{
    (void)state;
    const char *yaml = EST("sjf", 10) P("P", 0, "cpu 5, io disk 1, cpu 1");
    tk_dispatches w;
    tk_dispatch_causes(yaml, &w);
    assert_int_equal(w.n, 2);
    assert_string_equal(w.en[0], "sjf picks it for cpu 0; shortest predicted burst 10");
    assert_string_equal(w.en[1], "sjf picks it for cpu 0; shortest predicted burst 7.5");
    assert_string_equal(w.ko[1], "sjf 스케줄러가 CPU 0에 배정; 예측한 CPU 버스트가 가장 짧음: 7.5");
}

/* EST4: a process taken off the CPU after it outlived its prediction
 * (suspended at 4, 4 ticks into a burst predicted at 2, resumed at 6)
 * queues with 0 left, not less, and its dispatch says so. */
static void rule_EST4_the_prediction_left_stays_at_zero(void **state)
{
    (void)state;
    const char *yaml = HEAD("sjf", ", burst_estimate: {alpha: 0.5, initial: 2}")
        P("P", 0, "cpu 6") "events:\n  - {at: 4, do: suspend P}\n  - {at: 6, do: resume P}\n";
    tk_dispatches w;
    tk_dispatch_causes(yaml, &w);
    assert_int_equal(w.n, 2);
    assert_string_equal(w.en[1], "sjf picks it for cpu 0; shortest predicted burst 0");
}

/* The same under hrrn: a prediction used up is an unbounded ratio, and
 * the dispatch says it was the prediction (not the real burst) that was 0. */
static void rule_EST4_hrrn_says_the_prediction_was_zero(void **state)
{
    (void)state;
    const char *yaml = HEAD("hrrn", ", burst_estimate: {alpha: 0.5, initial: 2}")
        P("P", 0, "cpu 6") "events:\n  - {at: 4, do: suspend P}\n  - {at: 6, do: resume P}\n";
    tk_dispatches w;
    tk_dispatch_causes(yaml, &w);
    assert_int_equal(w.n, 2);
    assert_string_equal(w.en[1], "hrrn picks it for cpu 0; shortest predicted burst 0");
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_P_fb_stallings_table_9_5),
        cmocka_unit_test(rule_FB1_the_highest_queue_runs_first),
        cmocka_unit_test(rule_FB2_no_preemption_by_a_newcomer),
        cmocka_unit_test(rule_FB3_a_whole_quantum_at_every_dispatch),
        cmocka_unit_test(rule_FB4_demoted_only_when_another_takes_the_cpu),
        cmocka_unit_test(rule_FB5_back_from_io_at_the_same_level),
        cmocka_unit_test(rule_FB6_newcomers_before_the_one_timed_out),
        cmocka_unit_test(rule_FB4_FB5_levels_in_the_pcb),
        cmocka_unit_test(rule_FB7_ostep_settings_refused),
        cmocka_unit_test(rule_EST1_EST2_silberschatz_tau_table),
        cmocka_unit_test(rule_EST2_EST3_rounding_and_empty_bursts),
        cmocka_unit_test(rule_EST3_a_preemption_does_not_end_the_burst),
        cmocka_unit_test(rule_EST4_sjf_ranks_by_the_prediction),
        cmocka_unit_test(rule_EST4_the_prediction_left_stays_at_zero),
        cmocka_unit_test(rule_EST4_hrrn_says_the_prediction_was_zero),
        cmocka_unit_test(rule_EST5_srtf_ranks_by_the_prediction_left),
        cmocka_unit_test(rule_EST6_the_cause_shows_the_prediction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
