/* test_sched_fair.c — the proportional-share policies (docs/engine.md,
 * "Lottery and stride" and "CFS"): lottery against Python's random, draw
 * for draw; stride against OSTEP's Figure 9.3; CFS against a schedule
 * worked by hand.
 *
 * The expected random numbers come from CPython 3.11 (the command that
 * printed them is in a comment above each); nothing here computes them. */
#include <stdio.h>
#include <string.h>

#include "testkit.h"
#include "procsim/cause.h"
#include "procsim/scenario_build.h"

#define HEAD(system) "procsim: 1\ntitle: t\nsystem: {" system "}\nprocesses:\n"

/* An engine of `yaml` (the caller destroys both). */
static ps_engine *engine_of(const char *yaml, ps_scenario **s)
{
    *s = tk_load(yaml);
    ps_engine *e = ps_engine_create(*s);
    assert_non_null(e);
    return e;
}

/* Run `e` up to tick t (its instants at t included). */
static void run_to(ps_engine *e, int64_t t)
{
    ps_step_status st = ps_engine_run(e, t);
    assert_true(st == PS_STEP_UNTIL || st == PS_STEP_OK || st == PS_STEP_DONE);
    char why[512];
    if (ps_engine_check(e, why, sizeof why))
        fail_msg("tick %lld: %s", (long long)t, why);
}

/* The names of the processes on CPU 0 during ticks 0 .. n-1, one letter
 * each ('-' idle). */
static const char *runs(const char *yaml, int n, char *buf)
{
    ps_scenario *s;
    ps_engine *e = engine_of(yaml, &s);
    for (int t = 0; t < n; t++) {
        run_to(e, t);
        uint32_t pid = ps_engine_cpu(e, 0)->pid;
        buf[t] = pid ? ps_engine_pcb(e, pid)->name[0] : '-';
    }
    buf[n] = 0;
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return buf;
}

/* The first dispatch of `name` in a run: its event. */
static const ps_trace_event *dispatch_of(const tk_run *r, const char *name)
{
    long i = tk_find(r, name, PS_RUNNING, 0);
    assert_true(i >= 0);
    return &r->ev[i];
}

/* ---- lottery ------------------------------------------------------------ */

/* LOT1: the draws are int(random() * 1000001) of Python's random seeded by
 * system.seed, after seed_skip numbers.  One process, quantum 1: a draw
 * at every tick.
 *   python3 -c 'import random; random.seed(42);
 *               print([int(random.random()*1000001) for _ in range(6)])'
 *   -> [639427, 25010, 275029, 223210, 736471, 676700]
 *   python3 -c 'import random; random.seed(7); [random.random() for _ in range(3)];
 *               print([int(random.random()*1000001) for _ in range(4)])'
 *   -> [72436, 535882, 365689, 57998] */
static void rule_LOT1_draws_are_pythons_random_seeded_by_seed(void **state)
{
    (void)state;
    static const struct {
        const char *system;
        int64_t want[6];
        int n;
    } cases[] = {
        {"policy: lottery, quantum: 1, seed: 42", {639427, 25010, 275029, 223210, 736471, 676700}, 6},
        {"policy: lottery, quantum: 1, seed: 7, seed_skip: 3", {72436, 535882, 365689, 57998}, 4},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char yaml[512];
        snprintf(yaml, sizeof yaml, HEAD("%s") "  - {name: A, tickets: 10, program: [cpu 10]}\n",
                 cases[c].system);
        ps_scenario *s;
        ps_engine *e = engine_of(yaml, &s);
        for (int t = 0; t < cases[c].n; t++) {
            run_to(e, t);
            ps_lottery_draw d = ps_engine_lottery_draw(e);
            assert_int_equal(d.count, t + 1);
            assert_int_equal(d.number, cases[c].want[t]);
            assert_int_equal(d.ticket, cases[c].want[t] % 10);
            assert_int_equal(d.total, 10);
            assert_int_equal(d.winner, 1);
        }
        ps_engine_destroy(e);
        ps_scenario_destroy(s);
    }
}

/* LOT2: the winning ticket is the number modulo the candidates' tickets;
 * walking them in pid order, the first whose running sum passes it wins.
 * A 10, B 20, C 30 tickets: ticket 0..9 is A's, 10..29 B's, 30..59 C's,
 * until one is done (then the total drops); A 1 and B 1: ticket 0 is A's,
 * 1 B's.  Each draw is checked against that walk, and over the run every
 * process wins as many draws as its length. */
static void rule_LOT2_the_winner_holds_the_ticket_in_pid_order(void **state)
{
    (void)state;
    static const struct {
        const char *yaml;
        uint32_t n;
    } cases[] = {
        {HEAD("policy: lottery, quantum: 1, seed: 3")
         "  - {name: A, tickets: 10, program: [cpu 8]}\n"
         "  - {name: B, tickets: 20, program: [cpu 8]}\n"
         "  - {name: C, tickets: 30, program: [cpu 8]}\n", 3},
        {HEAD("policy: lottery, quantum: 1, seed: 0")
         "  - {name: A, tickets: 1, program: [cpu 8]}\n"
         "  - {name: B, tickets: 1, program: [cpu 8]}\n", 2},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        ps_scenario *s;
        ps_engine *e = engine_of(cases[c].yaml, &s);
        int won[4] = {0};
        for (int t = 0; t < 8 * (int)cases[c].n; t++) {
            int64_t tix[4] = {0}, total = 0;
            for (uint32_t pid = 1; pid <= cases[c].n; pid++) { /* the candidates at */
                const ps_pcb *p = ps_engine_pcb(e, pid);     /* t: not done by then */
                int64_t ran = p->cpu_time + (t && ps_engine_cpu(e, 0)->pid == pid);
                if (ran < 8)
                    total += tix[pid] = p->tickets;
            }
            run_to(e, t);
            ps_lottery_draw d = ps_engine_lottery_draw(e);
            assert_int_equal(d.count, t + 1);
            assert_int_equal(d.total, total);
            assert_int_equal(d.ticket, d.number % total);
            uint32_t want = 0;
            for (int64_t pid = 1, sum = 0; pid <= cases[c].n && !want; pid++)
                if ((sum += tix[pid]) > d.ticket)
                    want = (uint32_t)pid;
            assert_int_equal(d.winner, want);
            assert_int_equal(ps_engine_cpu(e, 0)->pid, want);
            won[want]++;
        }
        for (uint32_t pid = 1; pid <= cases[c].n; pid++)
            assert_int_equal(won[pid], 8);
        ps_engine_destroy(e);
        ps_scenario_destroy(s);
    }
}

/* LOT3: a draw at every decision: each dispatch to an idle CPU and each
 * quantum's end, even with nobody else Ready; none when a process leaves
 * its CPU (the CPU's next dispatch draws).
 *   cpu 5, quantum 1: draws at 0 1 2 3 4 -> 5;  quantum 2: at 0 2 4 -> 3;
 *   cpu 1, io 3, cpu 2 (quantum 1): 0 (dispatch), 1 blocks: none, 4 (woken,
 *   dispatched), 5 (quantum end) -> 3. */
static void rule_LOT3_every_quantum_end_draws_even_with_nobody_waiting(void **state)
{
    (void)state;
    static const struct {
        const char *yaml;
        uint64_t draws;
    } cases[] = {
        {HEAD("policy: lottery, quantum: 1") "  - {name: A, program: [cpu 5]}\n", 5},
        {HEAD("policy: lottery, quantum: 2") "  - {name: A, program: [cpu 5]}\n", 3},
        {HEAD("policy: lottery, quantum: 1")
         "  - {name: A, program: [cpu 1, io disk 3, cpu 2]}\n", 3},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        tk_run r;
        tk_run_yaml(&r, cases[c].yaml, -1);
        assert_int_equal(r.status, PS_STEP_DONE);
        assert_int_equal(ps_engine_lottery_draw(r.e).count, cases[c].draws);
        tk_run_fini(&r);
    }
}

/* LOT4: several CPUs: idle CPUs draw first (CPU 0 first), then quantum
 * ends; a process won by one CPU is no candidate for another.  Two CPUs,
 * four processes, quantum 1: two draws at every tick while four are left,
 * and never one process on two CPUs (ps_engine_check, each tick). */
static void rule_LOT4_several_cpus_draw_idle_ones_first_then_quantum_ends(void **state)
{
    (void)state;
    const char *yaml = HEAD("policy: lottery, quantum: 1, cpus: 2, seed: 9")
        "  - {name: A, tickets: 40, program: [cpu 30]}\n"
        "  - {name: B, tickets: 30, program: [cpu 30]}\n"
        "  - {name: C, tickets: 20, program: [cpu 30]}\n"
        "  - {name: D, tickets: 10, program: [cpu 30]}\n";
    ps_scenario *s;
    ps_engine *e = engine_of(yaml, &s);
    for (int t = 0; t < 20; t++) {
        run_to(e, t);
        assert_int_equal(ps_engine_lottery_draw(e).count, 2 * (t + 1));
        uint32_t a = ps_engine_cpu(e, 0)->pid, b = ps_engine_cpu(e, 1)->pid;
        assert_true(a && b && a != b);
    }
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* LOT5: candidates whose tickets add up to 0 (a builder's scenario; files
 * need 1 or more): no draw, the first in pid order runs. */
static void rule_LOT5_tickets_that_sum_to_zero_draw_nothing(void **state)
{
    (void)state;
    ps_builder *b = ps_builder_create("t", "");
    ps_builder_scenario(b)->policy = PS_POLICY_LOTTERY;
    ps_builder_scenario(b)->quantum = 1;
    for (int i = 0; i < 2; i++) {
        ps_builder_proc(b, i ? "B" : "A", 0);
        ps_builder_last_proc(b)->tickets = 0;
        ps_builder_op(b, PS_OP_CPU, 0, 3);
    }
    ps_error err;
    ps_scenario *s = ps_builder_finish(b, &err);
    assert_non_null(s);
    tk_run r;
    tk_run_scenario(&r, s, -1);
    assert_int_equal(ps_engine_lottery_draw(r.e).count, 0);
    assert_int_equal(tk_when(&r, "A", PS_EXIT, 0), 3);
    assert_int_equal(tk_when(&r, "B", PS_EXIT, 0), 6);
    tk_run_fini(&r);
}

/* P-lottery: OSTEP ch. 9's example, A 75 tickets and B 25, over 1000
 * draws (quantum 1, both still running at tick 1000) gets about 3:1; with
 * seed 1, exactly 713 to 287:
 *   python3 -c 'import random; random.seed(1);
 *     print(sum(int(random.random()*1000001) % 100 < 75 for _ in range(1000)))'
 *   -> 713
 * The dispatch says why: the ticket and the total. */
static void rule_P_lottery_a_75_25_split_gets_about_three_to_one(void **state)
{
    (void)state;
    const char *yaml = HEAD("policy: lottery, quantum: 1, seed: 1")
        "  - {name: A, tickets: 75, program: [cpu 5000]}\n"
        "  - {name: B, tickets: 25, program: [cpu 5000]}\n";
    tk_run r;
    tk_run_yaml(&r, yaml, 1000);
    int64_t a = ps_engine_pcb(r.e, 1)->cpu_time, b = ps_engine_pcb(r.e, 2)->cpu_time;
    assert_int_equal(a + b, 1000);
    assert_true(a >= 650 && a <= 850); /* about 3:1, whatever the seed */
    assert_int_equal(a, 713);
    assert_int_equal(ps_engine_pcb(r.e, 1)->tickets, 75);
    const ps_trace_event *d = dispatch_of(&r, "A");
    assert_true(d->has_why);
    assert_int_equal(d->why, PS_CAUSE_WHY_LOTTERY);
    assert_true(d->wa >= 0 && d->wa < 75);
    assert_int_equal(d->wb, 100);
    tk_run_fini(&r);
}

/* ---- stride ------------------------------------------------------------- */

/* STR1, STR4: OSTEP's Figure 9.3.  A 100 tickets (stride 100), B 50 (200),
 * C 250 (40), quantum 1; the lowest pass runs, ties by pid:
 *     pass A  B   C    runs
 *          0  0   0    A
 *        100  0   0    B
 *        100 200  0    C
 *        100 200  40   C
 *        100 200  80   C
 *        100 200 120   A
 *        200 200 120   C
 *        200 200 160   C
 *        200 200 200   A      (a tie: A by pid)
 * Passes are kept in thousandths. */
static void rule_STR1_STR4_ostep_figure_9_3(void **state)
{
    (void)state;
    const char *yaml = HEAD("policy: stride, quantum: 1")
        "  - {name: A, tickets: 100, program: [cpu 20]}\n"
        "  - {name: B, tickets: 50, program: [cpu 20]}\n"
        "  - {name: C, tickets: 250, program: [cpu 20]}\n";
    static const int64_t pass[9][3] = {{0, 0, 0},       {100, 0, 0},     {100, 200, 0},
                                       {100, 200, 40},  {100, 200, 80},  {100, 200, 120},
                                       {200, 200, 120}, {200, 200, 160}, {200, 200, 200}};
    static const char order[] = "ABCCCACCA";
    ps_scenario *s;
    ps_engine *e = engine_of(yaml, &s);
    for (int t = 0; t < 9; t++) {
        run_to(e, t);
        for (uint32_t pid = 1; pid <= 3; pid++) {
            const ps_pcb *p = ps_engine_pcb(e, pid);
            /* the running one's pass is brought up to t when it is read */
            if (p->pass != pass[t][pid - 1] * 1000)
                fail_msg("tick %d: pass of %s is %lld, expected %lld", t, p->name,
                         (long long)p->pass, (long long)pass[t][pid - 1] * 1000);
        }
        assert_int_equal(ps_engine_pcb(e, ps_engine_cpu(e, 0)->pid)->name[0], order[t]);
    }
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    char buf[16];
    assert_string_equal(runs(yaml, 9, buf), order);
}

/* STR2: the pass grows by the stride per quantum used, in proportion for
 * part of one.  Quantum 4, A 100 tickets (stride 100) runs 1 tick and
 * blocks: pass 25; B runs its quantum: pass 100. */
static void rule_STR2_part_of_a_quantum_moves_the_pass_in_proportion(void **state)
{
    (void)state;
    const char *yaml = HEAD("policy: stride, quantum: 4")
        "  - {name: A, tickets: 100, program: [cpu 1, io disk 20, cpu 1]}\n"
        "  - {name: B, tickets: 100, program: [cpu 8]}\n";
    ps_scenario *s;
    ps_engine *e = engine_of(yaml, &s);
    run_to(e, 5);
    assert_int_equal(ps_engine_pcb(e, 1)->pass, 25000);
    assert_int_equal(ps_engine_pcb(e, 2)->pass, 100000);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* STR3: a newcomer starts at the lowest pass of those runnable, not at 0
 * (where it would take the CPU until it caught up).  A and B (100 tickets,
 * quantum 1) alternate from 0; C arrives at 10, when both have pass 500:
 * C starts at 500 and the three then share the CPU in turn. */
static void rule_STR3_a_newcomer_starts_at_the_lowest_pass(void **state)
{
    (void)state;
    const char *yaml = HEAD("policy: stride, quantum: 1")
        "  - {name: A, tickets: 100, program: [cpu 20]}\n"
        "  - {name: B, tickets: 100, program: [cpu 20]}\n"
        "  - {name: C, arrival: 10, tickets: 100, program: [cpu 20]}\n";
    tk_run r;
    tk_run_yaml(&r, yaml, 10);
    assert_int_equal(ps_engine_pcb(r.e, 3)->pass, 500000);
    tk_run_fini(&r);
    char buf[32];
    assert_string_equal(runs(yaml, 16, buf), "ABABABABABABCABC");
}

/* P-stride: the dispatch says why, the pass it was chosen with. */
static void rule_P_stride_the_dispatch_gives_the_pass(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: stride, quantum: 1")
                "  - {name: A, tickets: 100, program: [cpu 2]}\n"
                "  - {name: B, tickets: 50, program: [cpu 2]}\n", -1);
    long i = tk_find(&r, "A", PS_RUNNING, (size_t)tk_find(&r, "B", PS_RUNNING, 0));
    assert_true(i >= 0);
    assert_true(r.ev[i].has_why);
    assert_int_equal(r.ev[i].why, PS_CAUSE_WHY_STRIDE);
    assert_int_equal(r.ev[i].wa, 100000); /* A's pass 100 when it runs again */
    char text[256];
    ps_cause_format(r.e, &r.ev[i], PS_LANG_EN, text, sizeof text);
    assert_non_null(strstr(text, "lowest pass 100"));
    tk_run_fini(&r);
}

/* ---- cfs ---------------------------------------------------------------- */

/* CFS1, CFS2, CFS3, CFS5, worked by hand.  Latency 6 (the default),
 * minimum granularity 1; A nice 0 (weight 1024), B nice 5 (weight 335),
 * each cpu 6; runnable weight 1359.
 *   0  both at vruntime 0: A by pid; slice floor(6*1024/1359) = 4
 *   4  A's vruntime 4 (4 ticks * 1024/1024); B (0) is lower: B, slice
 *      floor(6*335/1359) = 1
 *   5  B's vruntime 1024/335 = 3.056 < A's 4: B keeps the CPU, slice 1
 *   6  B's 6.113 > A's 4: A, slice 4, but it needs 2 more
 *   8  A done (vruntime 6); B alone: slice floor(6*335/335) = 6
 *  12  B done (vruntime 18.340) */
static void rule_CFS1_CFS2_CFS3_CFS5_nice_0_and_nice_5_by_hand(void **state)
{
    (void)state;
    const char *yaml = HEAD("policy: cfs")
        "  - {name: A, program: [cpu 6]}\n"
        "  - {name: B, nice: 5, program: [cpu 6]}\n";
    static const struct {
        int64_t t, a, b;
        char runs;
    } at[] = {{0, 0, 0, 'A'}, {4, 4000, 0, 'B'}, {5, 4000, 3056, 'B'}, {6, 4000, 6113, 'A'},
              {8, 6000, 6113, 'B'}, {12, 6000, 18340, '-'}};
    ps_scenario *s;
    ps_engine *e = engine_of(yaml, &s);
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        run_to(e, at[i].t);
        assert_int_equal(ps_engine_pcb(e, 1)->vruntime, at[i].a);
        assert_int_equal(ps_engine_pcb(e, 2)->vruntime, at[i].b);
        uint32_t pid = ps_engine_cpu(e, 0)->pid;
        assert_int_equal(pid ? ps_engine_pcb(e, pid)->name[0] : '-', at[i].runs);
    }
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    char buf[16];
    assert_string_equal(runs(yaml, 12, buf), "AAAABBAABBBB");
    tk_run r;
    tk_run_yaml(&r, yaml, -1);
    assert_int_equal(tk_when(&r, "A", PS_EXIT, 0), 8);
    assert_int_equal(tk_when(&r, "B", PS_EXIT, 0), 12);
    /* the quanta that ran out: A's 4, then B's renewed 1 */
    long i = tk_find(&r, "A", PS_READY, (size_t)tk_find(&r, "A", PS_RUNNING, 0));
    assert_int_equal(r.ev[i].a, 4);
    i = tk_find(&r, "B", PS_READY, (size_t)tk_find(&r, "B", PS_RUNNING, 0));
    assert_int_equal(r.ev[i].a, 1);
    tk_run_fini(&r);
}

/* CFS1: the weights are Linux's, from nice -20 (88761) to 19 (15).  A nice
 * -20 and B nice 19, each cpu 10; runnable weight 88776:
 *   0  A by pid; slice floor(6*88761/88776) = 5; vruntime after it
 *      5*1024000/88761 = 57 thousandths
 *   5  B (0): slice floor(6*15/88776) = 0, so 1; vruntime 1024000/15 = 68266
 *   6  A (57) runs its 5 left: done at 11; B alone to 20. */
static void rule_CFS1_weights_from_nice_minus_20_to_19(void **state)
{
    (void)state;
    const char *yaml = HEAD("policy: cfs")
        "  - {name: A, nice: -20, program: [cpu 10]}\n"
        "  - {name: B, nice: 19, program: [cpu 10]}\n";
    char buf[32];
    assert_string_equal(runs(yaml, 20, buf), "AAAAABAAAAABBBBBBBBB");
    tk_run r;
    tk_run_yaml(&r, yaml, 6);
    assert_int_equal(ps_engine_pcb(r.e, 1)->nice, -20);
    assert_int_equal(ps_engine_pcb(r.e, 1)->vruntime, 57);
    assert_int_equal(ps_engine_pcb(r.e, 2)->vruntime, 68266);
    tk_run_fini(&r);
}

/* CFS2: a slice is never below the minimum granularity: 8 processes of
 * nice 0 share a latency of 6: 6/8 rounds down to 0, so 1 each (and 2 each
 * with cfs_min_granularity 2). */
static void rule_CFS2_a_slice_is_at_least_the_minimum_granularity(void **state)
{
    (void)state;
    char yaml[1024];
    static const char *const systems[] = {"policy: cfs", "policy: cfs, cfs_min_granularity: 2"};
    static const char *const want[] = {"ABCDEFGHAB", "AABBCCDDEE"};
    for (int k = 0; k < 2; k++) {
        size_t n = (size_t)snprintf(yaml, sizeof yaml, HEAD("%s"), systems[k]);
        for (char c = 'A'; c <= 'H'; c++)
            n += (size_t)snprintf(yaml + n, sizeof yaml - n,
                                  "  - {name: %c, program: [cpu 10]}\n", c);
        char buf[16];
        assert_string_equal(runs(yaml, 10, buf), want[k]);
    }
}

/* CFS4, CFS5: a newcomer starts at the lowest virtual runtime of those
 * runnable, and waits for the slice's end even when that is lower than
 * the runner's.  A alone from 0 has slice 6; B arrives at 3 with A's
 * vruntime then, 3, and runs at 6 (A is at 6 by then). */
static void rule_CFS4_a_newcomer_starts_at_the_lowest_vruntime(void **state)
{
    (void)state;
    const char *yaml = HEAD("policy: cfs")
        "  - {name: A, program: [cpu 30]}\n"
        "  - {name: B, arrival: 3, program: [cpu 30]}\n";
    tk_run r;
    tk_run_yaml(&r, yaml, 3);
    assert_int_equal(ps_engine_pcb(r.e, 2)->vruntime, 3000);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    assert_int_equal(tk_when(&r, "B", PS_RUNNING, 0), 6);
    const ps_trace_event *d = dispatch_of(&r, "B");
    assert_int_equal(d->why, PS_CAUSE_WHY_VRUNTIME);
    assert_int_equal(d->wa, 3000);
    tk_run_fini(&r);
}

/* P-cfs: the dispatch's why, in words: "lowest virtual runtime 4". */
static void rule_P_cfs_the_dispatch_gives_the_virtual_runtime(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: cfs") "  - {name: A, program: [cpu 6]}\n"
                "  - {name: B, nice: 5, program: [cpu 6]}\n", -1);
    long i = tk_find(&r, "A", PS_RUNNING, (size_t)tk_find(&r, "B", PS_RUNNING, 0));
    char text[256];
    ps_cause_format(r.e, &r.ev[i], PS_LANG_EN, text, sizeof text);
    assert_non_null(strstr(text, "lowest virtual runtime 4"));
    tk_run_fini(&r);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_LOT1_draws_are_pythons_random_seeded_by_seed),
        cmocka_unit_test(rule_LOT2_the_winner_holds_the_ticket_in_pid_order),
        cmocka_unit_test(rule_LOT3_every_quantum_end_draws_even_with_nobody_waiting),
        cmocka_unit_test(rule_LOT4_several_cpus_draw_idle_ones_first_then_quantum_ends),
        cmocka_unit_test(rule_LOT5_tickets_that_sum_to_zero_draw_nothing),
        cmocka_unit_test(rule_P_lottery_a_75_25_split_gets_about_three_to_one),
        cmocka_unit_test(rule_STR1_STR4_ostep_figure_9_3),
        cmocka_unit_test(rule_STR2_part_of_a_quantum_moves_the_pass_in_proportion),
        cmocka_unit_test(rule_STR3_a_newcomer_starts_at_the_lowest_pass),
        cmocka_unit_test(rule_P_stride_the_dispatch_gives_the_pass),
        cmocka_unit_test(rule_CFS1_CFS2_CFS3_CFS5_nice_0_and_nice_5_by_hand),
        cmocka_unit_test(rule_CFS1_weights_from_nice_minus_20_to_19),
        cmocka_unit_test(rule_CFS2_a_slice_is_at_least_the_minimum_granularity),
        cmocka_unit_test(rule_CFS4_a_newcomer_starts_at_the_lowest_vruntime),
        cmocka_unit_test(rule_P_cfs_the_dispatch_gives_the_virtual_runtime),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
