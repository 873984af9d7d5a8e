/* test_rules_memory.c — long- and medium-term scheduling (docs/engine.md,
 * "Memory": M1-M4, A, S1-S4) and the user's interventions on memory (U1):
 * who is admitted, swapped out, evicted and swapped back in, and when. */
#include <stdio.h>
#include <string.h>

#include "testkit.h"
#include "procsim/stats.h"

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

#define MEM_HEAD "procsim: 1\ntitle: t\nsystem: {policy: fcfs, memory: 100}\nprocesses:\n"

/* A: b does not fit beside a, so it is admitted to Ready/Suspend and comes
 * in when a exits.  M4: that is one swap (the swap-in); the admission is
 * none, b was never in memory. */
static void rule_A_M4_admitted_to_ready_suspended_when_memory_is_full(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, MEM_HEAD
                "  - {name: a, memory: 60, program: [cpu 3]}\n"
                "  - {name: b, memory: 60, program: [cpu 2]}\n", -1);
    PATH("a", "new ready running exit");
    PATH("b", "new ready-suspended ready running exit");
    /* b comes in at 3, when a's exit frees the memory */
    long i = tk_find(&r, "b", PS_READY, 0);
    assert_int_equal(r.ev[i].time, 3);
    ps_proc_stats st;
    ps_stats_proc(r.e, 2, &st);
    assert_int_equal(st.suspended, 3);
    assert_int_equal(st.swaps, 1);
    tk_run_fini(&r);
}

/* S2: the Blocked process is swapped out to make room for the newcomer.
 * M3: its I/O carries on on disk, and when it ends the process moves to
 * Ready/Suspend, not Ready. */
static void rule_S2_M3_swaps_out_blocked_which_then_wakes_on_disk(void **state)
{
    (void)state;
    /* a blocks on the disk at 1; c cannot be admitted at 2 (100 used), so
     * a (Blocked, 60) is swapped out; a's I/O ends at 11 while on disk
     * (Blocked/Suspend -> Ready/Suspend) and it comes back when b exits. */
    tk_run r;
    tk_run_yaml(&r, MEM_HEAD
                "  - {name: a, memory: 60, program: [cpu 1, io disk 10, cpu 1]}\n"
                "  - {name: b, memory: 40, program: [cpu 20]}\n"
                "  - {name: c, arrival: 2, memory: 50, program: [cpu 1]}\n", -1);
    PATH("a", "new ready running blocked blocked-suspended ready-suspended ready running exit");
    PATH("c", "new ready-suspended ready running exit");
    assert_int_equal(r.ev[tk_find(&r, "a", PS_BLOCKED_SUSPENDED, 0)].time, 2);
    assert_int_equal(r.ev[tk_find(&r, "a", PS_READY_SUSPENDED, 0)].time, 11);
    assert_int_equal(r.ev[tk_find(&r, "a", PS_READY, tk_find(&r, "a", PS_READY_SUSPENDED, 0))].time, 22);
    assert_int_equal(ps_engine_pcb(r.e, 1)->swaps, 2);
    tk_run_fini(&r);
}

/* S4: with nobody in Ready/Suspend, a Blocked/Suspend process that fits is
 * swapped back in, still Blocked. */
static void rule_S4_swapped_out_blocked_comes_back_blocked_when_room(void **state)
{
    (void)state;
    /* a is swapped out for c while blocked; c exits at 3 and frees room;
     * a is still waiting for the disk, so it returns to Blocked. */
    tk_run r;
    tk_run_yaml(&r, MEM_HEAD
                "  - {name: a, memory: 60, program: [cpu 1, io disk 10, cpu 1]}\n"
                "  - {name: b, memory: 40, program: [cpu 1, sleep 30]}\n"
                "  - {name: c, arrival: 2, memory: 50, program: [cpu 1]}\n", -1);
    PATH("a", "new ready running blocked blocked-suspended blocked ready running exit");
    assert_int_equal(r.ev[tk_find(&r, "a", PS_BLOCKED, tk_find(&r, "a", PS_BLOCKED_SUSPENDED, 0))].time, 3);
    tk_run_fini(&r);
}

/* S3: an urgent newcomer that only eviction can make room for evicts the
 * less urgent processes, Ready and Running alike. */
static void rule_S3_urgent_process_evicts_less_urgent(void **state)
{
    (void)state;
    /* priority-preemptive; a (priority 5) runs, b (5) ready; urgent (0,
     * 100 units) arrives at 2: nothing is blocked, so b (Ready) and then a
     * (Running) are evicted. */
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: priority-preemptive, memory: 100}\n"
                "processes:\n"
                "  - {name: a, priority: 5, memory: 50, program: [cpu 5]}\n"
                "  - {name: b, priority: 5, memory: 50, program: [cpu 5]}\n"
                "  - {name: urgent, arrival: 2, priority: 0, memory: 100, program: [cpu 2]}\n",
                -1);
    PATH("b", "new ready ready-suspended ready running exit");
    PATH("a", "new ready running ready-suspended ready running exit");
    PATH("urgent", "new ready-suspended ready running exit");
    long ev = tk_find(&r, "a", PS_READY_SUSPENDED, 0);
    assert_int_equal(r.ev[ev].time, 2);
    assert_int_equal(r.ev[ev].cause, PS_CAUSE_EVICTED);
    tk_run_fini(&r);
}

/* M2: processes with memory 0 are never evicted for the urgent one. */
static void rule_M2_processes_without_memory_are_never_swapped(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {cpus: 2, memory: 100, policy: priority}\n"
                "processes:\n"
                "  - {name: big, priority: 5, memory: 100, program: [cpu 6]}\n"
                "  - {name: zero, priority: 5, memory: 0, program: [cpu 6]}\n"
                "  - {name: tiny, priority: 5, memory: 0, program: [cpu 6]}\n"
                "  - {name: urgent, arrival: 1, priority: 1, memory: 100, program: [cpu 3]}\n",
                -1);
    PATH("zero", "new ready running exit");
    PATH("tiny", "new ready running exit");
    PATH("big", "new ready running ready-suspended ready running exit");
    assert_int_equal(ps_engine_pcb(r.e, 2)->finish, 6);
    tk_run_fini(&r);
}

/* M1: memory is held while Ready, Running or Blocked, and not in New,
 * Ready/Suspend, Blocked/Suspend or Exit.  Without system.memory, memory
 * is unlimited: processes far larger than any machine are all admitted. */
static void rule_M1_resident_states_hold_memory_and_unlimited_never_swaps(void **state)
{
    (void)state;
    tk_run r;
    /* at 2: run Running (20), rdy Ready (30), blk Blocked (10), out in
     * Ready/Suspend (55 do not fit in the 40 free), done exited (5) */
    tk_run_yaml(&r, HEAD("memory: 100")
                "  - {name: done, memory: 5, program: [cpu 1]}\n"
                "  - {name: blk, memory: 10, program: [cpu 1, sleep 9]}\n"
                "  - {name: run, memory: 20, program: [cpu 5]}\n"
                "  - {name: rdy, memory: 30, program: [cpu 1]}\n"
                "  - {name: out, arrival: 2, memory: 55, program: [cpu 1]}\n", 2);
    assert_int_equal(ps_engine_pcb(r.e, tk_pid(&r, "out"))->state, PS_READY_SUSPENDED);
    assert_int_equal(ps_engine_memory_used(r.e), 20 + 30 + 10);
    tk_run_fini(&r);

    tk_run_yaml(&r, HEAD("cpus: 2")
                "  - {name: a, memory: 1000000000, program: [cpu 2]}\n"
                "  - {name: b, memory: 1000000000, program: [cpu 2]}\n"
                "  - {name: c, memory: 1000000000, program: [cpu 2]}\n", -1);
    for (uint32_t pid = 1; pid <= 3; pid++)
        assert_int_equal(ps_engine_pcb(r.e, pid)->swaps, 0);
    assert_int_equal(tk_find(&r, "c", PS_READY_SUSPENDED, 0), -1);
    tk_run_fini(&r);
}

/* A: a newcomer that fits is still admitted to Ready/Suspend while a
 * swapped-out process waits for memory: small (10) would fit in the 20
 * free at 2, but huge (60) is waiting; both come in when big exits. */
static void rule_A_a_newcomer_queues_behind_a_process_waiting_for_memory(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("memory: 100")
                "  - {name: big, memory: 80, program: [cpu 5]}\n"
                "  - {name: huge, arrival: 1, memory: 60, program: [cpu 1]}\n"
                "  - {name: small, arrival: 2, memory: 10, program: [cpu 1]}\n", -1);
    long i = tk_find(&r, "small", PS_READY_SUSPENDED, 0);
    assert_int_equal(r.ev[i].time, 2);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_MEMORY_QUEUE);
    MOVES(5, "big>exit huge>ready small>ready huge>running");
    tk_run_fini(&r);
}

/* S1: the Ready/Suspend queue is ordered by base priority, then by when
 * each entered it.  At 3 hog1's exit leaves 50 free: the head, big
 * (priority 1, 60 units), does not fit, and small (40) behind it may not
 * overtake it, although it would fit.  Both come in at 6. */
static void rule_S1_the_most_urgent_is_the_head_and_nothing_overtakes_it(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("memory: 100")
                "  - {name: hog1, priority: 1, memory: 20, program: [cpu 3]}\n"
                "  - {name: hog2, priority: 1, memory: 50, program: [cpu 3]}\n"
                "  - {name: small, arrival: 1, priority: 5, memory: 40, program: [cpu 1]}\n"
                "  - {name: big, arrival: 2, priority: 1, memory: 60, program: [cpu 1]}\n", -1);
    MOVES(3, "hog1>exit hog2>running");
    MOVES(6, "hog2>exit big>ready small>ready small>running");
    tk_run_fini(&r);
}

/* S1: a process that wakes while swapped out enters Ready/Suspend then,
 * behind those already waiting, whatever its arrival.  w is swapped out
 * for m at 2 (S2); n waits from 3; w's I/O ends at 6 and it queues behind
 * n.  At 21, 50 units free up: n (60) is the head and w (50) must wait
 * behind it; n comes in at 22, w at 23. */
static void rule_S1_a_process_woken_while_out_queues_behind_those_waiting(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("memory: 100")
                "  - {name: w, memory: 50, program: [cpu 1, io disk 5, cpu 1]}\n"
                "  - {name: h, memory: 50, program: [cpu 20]}\n"
                "  - {name: m, arrival: 2, memory: 50, program: [cpu 1]}\n"
                "  - {name: n, arrival: 3, memory: 60, program: [cpu 1]}\n", -1);
    assert_int_equal(tk_when(&r, "w", PS_BLOCKED_SUSPENDED, 0), 2);
    assert_int_equal(tk_when(&r, "w", PS_READY_SUSPENDED, 0), 6);
    assert_int_equal(tk_when(&r, "n", PS_READY, 0), 22);
    assert_int_equal(tk_when(&r, "w", PS_READY, 1), 23);
    tk_run_fini(&r);
}

/* S2 is table-driven: what the newcomer c needs against what the Blocked
 * b1 and b2 (20 units each, b1 blocked since 1, b2 since 2) can free.  At
 * 3, run (30) runs and 30 units are free. */
static void rule_S2_blocked_are_swapped_out_only_if_together_they_free_enough(void **state)
{
    (void)state;
    static const struct {
        const char *what;
        int c_memory;
        const char *moves_at_3; /* the transitions at 3 */
        int64_t c_ready;        /* tick c comes in */
    } rows[] = {
        {"together they free exactly enough: both go", 70,
         "c>new c>ready-suspended b1>blocked-suspended b2>blocked-suspended c>ready", 3},
        {"one unit short: neither goes, c waits", 71, "c>new c>ready-suspended", 22},
        {"one is enough: the one blocked longest goes", 50,
         "c>new c>ready-suspended b1>blocked-suspended c>ready", 3},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char yaml[1024], buf[512];
        snprintf(yaml, sizeof yaml, HEAD("memory: 100")
                 "  - {name: b1, memory: 20, program: [cpu 1, sleep 10]}\n"
                 "  - {name: b2, memory: 20, program: [cpu 1, sleep 10]}\n"
                 "  - {name: run, memory: 30, program: [cpu 20]}\n"
                 "  - {name: c, arrival: 3, memory: %d, program: [cpu 1]}\n", rows[i].c_memory);
        tk_run r;
        tk_run_yaml(&r, yaml, -1);
        if (strcmp(tk_moves(&r, 3, buf, sizeof buf), rows[i].moves_at_3) ||
            tk_when(&r, "c", PS_READY, 0) != rows[i].c_ready)
            fail_msg("%s: at 3 '%s', c in at %lld; expected '%s', c in at %lld", rows[i].what,
                     buf, (long long)tk_when(&r, "c", PS_READY, 0), rows[i].moves_at_3,
                     (long long)rows[i].c_ready);
        tk_run_fini(&r);
    }
}

/* The processes evicted (Ready or Running -> Ready/Suspend by S3), in
 * order, joined by spaces. */
static const char *evicted(const tk_run *r, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].cause == PS_CAUSE_EVICTED)
            len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s",
                                    len ? " " : "", r->s->procs[r->ev[i].pid - 1].name);
    return buf;
}

/* S3 is table-driven: who is evicted when `urgent` arrives and only
 * eviction can make room for it, and when urgent comes in. */
static void rule_S3_evicts_the_least_urgent_ready_before_running_among_equals(void **state)
{
    (void)state;
    static const struct {
        const char *what, *yaml, *evicted;
        int64_t urgent_in;
    } rows[] = {
        /* sjf runs `runner` (shorter) first: among equals the Ready one
           goes, although runner is the later of the two by pid */
        {"among equals, Ready before Running",
         HEAD("policy: sjf, memory: 100")
         "  - {name: ready, priority: 5, memory: 40, program: [cpu 10]}\n"
         "  - {name: runner, priority: 5, memory: 40, program: [cpu 3]}\n"
         "  - {name: urgent, arrival: 1, priority: 0, memory: 50, program: [cpu 1]}\n",
         "ready", 1},
        {"the largest priority number first",
         HEAD("memory: 100")
         "  - {name: run, priority: 5, memory: 20, program: [cpu 10]}\n"
         "  - {name: lo, priority: 7, memory: 30, program: [cpu 1]}\n"
         "  - {name: mid, priority: 6, memory: 30, program: [cpu 1]}\n"
         "  - {name: urgent, arrival: 1, priority: 0, memory: 40, program: [cpu 1]}\n",
         "lo", 1},
        {"among equals in one state, the latest arrival",
         HEAD("memory: 100")
         "  - {name: run, priority: 5, memory: 20, program: [cpu 10]}\n"
         "  - {name: x, arrival: 1, priority: 6, memory: 30, program: [cpu 1]}\n"
         "  - {name: y, priority: 6, memory: 30, program: [cpu 1]}\n"
         "  - {name: urgent, arrival: 2, priority: 0, memory: 40, program: [cpu 1]}\n",
         "x", 2},
        {"among equals of one arrival, the highest pid",
         HEAD("memory: 100")
         "  - {name: run, priority: 5, memory: 20, program: [cpu 10]}\n"
         "  - {name: x, priority: 6, memory: 30, program: [cpu 1]}\n"
         "  - {name: y, priority: 6, memory: 30, program: [cpu 1]}\n"
         "  - {name: urgent, arrival: 2, priority: 0, memory: 40, program: [cpu 1]}\n",
         "y", 2},
        /* nobody has a strictly larger number than urgent's 5 (z's 9 holds
           no memory): nobody is evicted, urgent waits for a to exit */
        {"only strictly less urgent processes",
         HEAD("memory: 100")
         "  - {name: a, priority: 5, memory: 50, program: [cpu 4]}\n"
         "  - {name: b, priority: 5, memory: 50, program: [cpu 4]}\n"
         "  - {name: z, priority: 9, memory: 0, program: [cpu 4]}\n"
         "  - {name: urgent, arrival: 1, priority: 5, memory: 50, program: [cpu 1]}\n",
         "", 4},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char buf[256];
        tk_run r;
        tk_run_yaml(&r, rows[i].yaml, -1);
        int64_t in = tk_when(&r, "urgent", PS_READY, 0);
        if (strcmp(evicted(&r, buf, sizeof buf), rows[i].evicted) || in != rows[i].urgent_in)
            fail_msg("%s: evicted '%s', urgent in at %lld; expected '%s', at %lld",
                     rows[i].what, buf, (long long)in, rows[i].evicted,
                     (long long)rows[i].urgent_in);
        tk_run_fini(&r);
    }
}

/* U1: suspending a process the swapper has already swapped out makes it
 * held: when memory frees up at 4 it stays out, until resumed at 6. */
static void rule_U1_suspending_a_swapped_out_process_holds_it_out(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("memory: 100")
                "  - {name: hog, memory: 100, program: [cpu 4]}\n"
                "  - {name: a, arrival: 1, memory: 50, program: [cpu 1]}\n"
                "events:\n  - {at: 2, do: suspend a}\n  - {at: 6, do: resume a}\n", -1);
    MOVES(2, "");
    MOVES(4, "hog>exit");
    long i = tk_find(&r, "a", PS_READY, 0);
    assert_int_equal(r.ev[i].time, 6);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_SCRIPT_RESUME);
    tk_run_fini(&r);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_A_M4_admitted_to_ready_suspended_when_memory_is_full),
        cmocka_unit_test(rule_S2_M3_swaps_out_blocked_which_then_wakes_on_disk),
        cmocka_unit_test(rule_S4_swapped_out_blocked_comes_back_blocked_when_room),
        cmocka_unit_test(rule_S3_urgent_process_evicts_less_urgent),
        cmocka_unit_test(rule_M2_processes_without_memory_are_never_swapped),
        cmocka_unit_test(rule_M1_resident_states_hold_memory_and_unlimited_never_swaps),
        cmocka_unit_test(rule_A_a_newcomer_queues_behind_a_process_waiting_for_memory),
        cmocka_unit_test(rule_S1_the_most_urgent_is_the_head_and_nothing_overtakes_it),
        cmocka_unit_test(rule_S1_a_process_woken_while_out_queues_behind_those_waiting),
        cmocka_unit_test(rule_S2_blocked_are_swapped_out_only_if_together_they_free_enough),
        cmocka_unit_test(rule_S3_evicts_the_least_urgent_ready_before_running_among_equals),
        cmocka_unit_test(rule_U1_suspending_a_swapped_out_process_holds_it_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
