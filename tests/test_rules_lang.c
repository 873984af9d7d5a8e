/* test_rules_lang.c — the scenario language's loops, values, waits with a
 * timeout, is_alive, kill's exit code, private variables and the runaway
 * stop (docs/engine.md, "Loops and values", "Private variables" and the
 * ops table): each rule against a short program whose trace the doc
 * predicts. */
#include <string.h>

#include "testkit.h"

#define HEAD(system) "procsim: 1\ntitle: t\nsystem: {" system "}\nprocesses:\n"

static const ps_pcb *pcb(const tk_run *r, const char *name)
{
    return ps_engine_pcb(r->e, tk_pid(r, name));
}

static int64_t received(const tk_run *r, const char *name)
{
    return ps_engine_regs(r->e, tk_pid(r, name)).acc;
}

/* L1: repeat N runs its body N times; for i in range(A, B) with i = A ..
 * B-1, range(N) from 0; a range that is empty skips the body. */
static void rule_L1_repeat_and_range_run_their_body_so_many_times(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - name: a\n    program:\n"
                "      - repeat 3:\n          - send q 2\n"            /* 6 */
                "      - for i in range(1, 10):\n          - send q i\n" /* 45 */
                "      - for j in range(4):\n          - send q j\n"   /* 6 */
                "      - for k in range(5, 5):\n          - send q 100\n"
                "      - repeat 0:\n          - send q 100\n"
                "  - name: b\n    program:\n      - repeat 16:\n          - recv q\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    assert_int_equal(received(&r, "b"), 6 + 45 + 6);
    assert_int_equal(ps_engine_channel(r.e, 0).sent, 3 + 9 + 4);
    tk_run_fini(&r);
}

/* L2: a loop's head and end take no time: `repeat 3: cpu 2` is one stay
 * of 6 ticks on the CPU; loops nest, the inner counting afresh each time. */
static void rule_L2_loops_take_no_time_and_nest(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - name: a\n    program:\n      - repeat 3:\n          - cpu 2\n"
                "      - repeat 2:\n          - for i in range(0, 3):\n"
                "              - repeat 2:\n                  - send q i\n"
                "  - name: b\n    program:\n      - repeat 12:\n          - recv q\n", -1);
    assert_int_equal(pcb(&r, "a")->finish, 6);
    assert_int_equal(pcb(&r, "a")->switches, 1);
    assert_int_equal(received(&r, "b"), 2 * 2 * (0 + 1 + 2));
    tk_run_fini(&r);
}

/* L3: for x in C receives until none: each value runs the body with x;
 * none ends the loop and is consumed (the next receiver gets what follows
 * it); the loop blocks while C is empty, like recv. */
static void rule_L3_for_in_a_channel_receives_until_none(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - name: w\n    program:\n      - for x in q:\n          - send out x*10\n"
                "      - recv q\n"
                "  - name: m\n    program:\n      - sleep 2\n      - send q 1\n"
                "      - send q 2\n      - send q none\n      - send q 7\n"
                "  - name: c\n    program:\n      - repeat 2:\n          - recv out\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    assert_int_equal(tk_when(&r, "w", PS_BLOCKED, 0), 0); /* empty: blocked */
    assert_int_equal(received(&r, "c"), 30);
    assert_int_equal(received(&r, "w"), 1 + 2 + 7); /* none adds nothing to acc */
    assert_int_equal(ps_engine_channel(r.e, 0).queued, 0);
    tk_run_fini(&r);
}

/* L4: the loop registers are saved and restored at context switches like
 * the others: under rr a process preempted inside nested loops goes on
 * where it was. */
static void rule_L4_loop_registers_survive_preemption(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: rr, quantum: 1")
                "  - name: a\n    program:\n      - for i in range(0, 3):\n"
                "          - for j in range(0, 2):\n              - cpu 1\n"
                "              - send q i*j\n"
                "  - name: b\n    program:\n      - for i in range(0, 6):\n"
                "          - cpu 1\n          - send q i\n"
                "  - name: c\n    program:\n      - repeat 12:\n          - recv q\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    assert_true(pcb(&r, "a")->switches >= 6);
    assert_int_equal(received(&r, "c"), (0 + 0 + 0 + 1 + 0 + 2) + 15);
    tk_run_fini(&r);
}

/* L5: a run whose processes do more than PS_RUNAWAY_OPS ops that take no
 * time in one instant is stopped, naming the process; the engine stays
 * readable. */
static void rule_L5_a_loop_that_never_takes_time_is_stopped(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: idle, program: [sleep 5]}\n"
                "  - name: spin\n    program:\n      - repeat 1000000000:\n"
                "          - send q 1\n", -1);
    assert_int_equal(r.status, PS_STEP_RUNAWAY);
    assert_int_equal(ps_engine_runaway(r.e), tk_pid(&r, "spin"));
    assert_int_equal(ps_engine_step(r.e), PS_STEP_RUNAWAY);
    /* idle's sleep, spin's loop head, then send and the loop's end in
       turn: the stop comes after exactly PS_RUNAWAY_OPS ops */
    assert_int_equal(ps_engine_channel(r.e, 0).queued, (PS_RUNAWAY_OPS - 2) / 2);
    char buf[512];
    ps_engine_runaway_text(r.e, PS_LANG_EN, buf, sizeof buf);
    assert_non_null(strstr(buf, "spin ran more than 1000000 ops"));
    ps_engine_runaway_text(r.e, PS_LANG_KO, buf, sizeof buf);
    assert_non_null(strstr(buf, "spin가 한 순간에"));
    tk_run_fini(&r);

    /* the same number of ops spread over ticks is no runaway */
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - name: slow\n    program:\n      - repeat 3:\n"
                "          - repeat 400000:\n              - send q 1\n          - cpu 1\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    tk_run_fini(&r);
}

/* L6: a run that takes time but never ends stops at its instant limit,
 * with the limit in its message; a run that ends first is not stopped. */
static void rule_L6_a_run_that_never_ends_is_stopped(void **state)
{
    (void)state;
    tk_run r;
    ps_scenario *s = tk_load(HEAD("policy: fcfs")
                             "  - name: echo\n    program:\n      - send q 1\n"
                             "      - for x in q:\n          - cpu 1\n          - send q x\n");
    ps_engine *e = ps_engine_create(s);
    assert_int_equal(ps_engine_instant_limit(e), PS_MAX_INSTANTS);
    ps_step_status st;
    uint64_t steps = 0;
    while ((st = ps_engine_step(e)) == PS_STEP_OK)
        steps++;
    assert_int_equal(st, PS_STEP_RUNAWAY);
    assert_int_equal(steps, PS_MAX_INSTANTS); /* each instant the limit allows, no more */
    assert_int_equal(ps_engine_runaway(e), 0);
    char buf[512];
    ps_engine_runaway_text(e, PS_LANG_EN, buf, sizeof buf);
    assert_non_null(strstr(buf, "after 10000000 instants, the most a run takes: it may never end"));
    ps_engine_runaway_text(e, PS_LANG_KO, buf, sizeof buf);
    assert_non_null(strstr(buf, "한 실행의 최대인 10000000번의 순간이 지났습니다"));
    assert_int_equal(ps_engine_step(e), PS_STEP_RUNAWAY);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    /* a host may set its own limit, and go back to the default with 0 */
    s = tk_load(HEAD("policy: fcfs")
                "  - name: echo\n    program:\n      - send q 1\n"
                "      - for x in q:\n          - cpu 1\n          - send q x\n");
    e = ps_engine_create(s);
    ps_engine_set_instant_limit(e, 5);
    assert_int_equal(ps_engine_instant_limit(e), 5);
    for (steps = 0; (st = ps_engine_step(e)) == PS_STEP_OK;)
        steps++;
    assert_int_equal(st, PS_STEP_RUNAWAY);
    assert_int_equal(steps, 5);
    ps_engine_destroy(e);
    e = ps_engine_create(s);
    ps_engine_set_instant_limit(e, 5);
    ps_engine_set_instant_limit(e, 0);
    assert_int_equal(ps_engine_instant_limit(e), PS_MAX_INSTANTS);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    /* until stops it first */
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - name: echo\n    program:\n      - send q 1\n"
                "      - for x in q:\n          - cpu 1\n          - send q x\n", 1000);
    assert_int_equal(r.status, PS_STEP_UNTIL);
    tk_run_fini(&r);
}

/* V1: a value is computed when its op runs, from the loop variables in
 * scope and acc: squares, running sums. */
static void rule_V1_values_are_computed_when_the_op_runs(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - name: a\n    program:\n      - for i in range(1, 4):\n"
                "          - send q i*i\n          - send q 10-i\n"
                "      - send acc_in 5\n      - recv acc_in\n      - send q acc+1\n"
                "  - name: b\n    program:\n      - repeat 7:\n          - recv q\n", -1);
    /* 1+4+9 + 9+8+7 + (5+1) */
    assert_int_equal(received(&r, "b"), 14 + 24 + 6);
    tk_run_fini(&r);
}

/* V2: cpu with a value below 1 takes no time; cpu x takes x ticks. */
static void rule_V2_cpu_of_a_value_below_one_takes_no_time(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - name: a\n    program:\n      - for i in range(0, 4):\n"
                "          - cpu i-1\n", -1);
    assert_int_equal(pcb(&r, "a")->finish, 0 + 0 + 1 + 2);
    assert_int_equal(pcb(&r, "a")->cpu_time, 3);
    tk_run_fini(&r);
    /* ...and one above 10^9 takes 10^9, the most a file may write */
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: a, program: [cpu 100000*100000, send q 1000000000*1000000000,"
                " recv q, cpu acc]}\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    assert_int_equal(pcb(&r, "a")->finish, 2 * (int64_t)PS_SCENARIO_MAX_NUMBER);
    tk_run_fini(&r);
}

/* V3: arithmetic saturates at +-PS_VALUE_MAX; nothing computed becomes
 * the sentinel. */
static void rule_V3_values_saturate(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - name: a\n    program:\n      - send q 1000000000\n      - recv q\n"
                "      - repeat 3:\n          - send q acc*acc\n          - recv q\n"
                "      - send q 0-acc\n      - send q 0-acc\n"
                "  - name: b\n    program:\n      - repeat 2:\n          - recv q\n", -1);
    assert_int_equal(received(&r, "a"), PS_VALUE_MAX);
    assert_int_equal(received(&r, "b"), -PS_VALUE_MAX);
    tk_run_fini(&r);
}

/* O-wait-timeout: wait C timeout T is Blocked until C exits or T ticks
 * pass, whichever comes first; a timeout leaves the child unreaped. */
static void rule_O_wait_timeout_ends_when_the_child_exits_or_the_time_passes(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs, cpus: 2")
                "  - {name: p, program: [spawn slow, spawn quick, wait slow timeout 5, "
                "wait quick timeout 5, wait slow]}\n"
                "  - {name: slow, parent: p, program: [cpu 20]}\n"
                "  - {name: quick, parent: p, program: [sleep 2]}\n", -1);
    long i = tk_find(&r, "p", PS_BLOCKED, 0);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_WAIT_TIMEOUT);
    i = tk_find(&r, "p", PS_READY, (size_t)i);
    assert_int_equal(r.ev[i].time, 5);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_JOIN_TIMED_OUT);
    /* quick exited at 2, before the second wait: it returns at once */
    assert_int_equal(tk_when(&r, "p", PS_BLOCKED, 1), 5);
    assert_int_equal(tk_when(&r, "p", PS_READY, 2), 20);
    assert_int_equal(pcb(&r, "slow")->reaped, 1);
    tk_run_fini(&r);

    /* the child exits first: woken then, its timer is void */
    tk_run_yaml(&r, HEAD("policy: fcfs, cpus: 2")
                "  - {name: p, program: [spawn c, wait c timeout 9, sleep 20]}\n"
                "  - {name: c, parent: p, program: [cpu 3]}\n", -1);
    i = tk_find(&r, "p", PS_READY, (size_t)tk_find(&r, "p", PS_BLOCKED, 0));
    assert_int_equal(r.ev[i].time, 3);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_CHILD_EXITED);
    assert_int_equal(pcb(&r, "p")->finish, 23);
    tk_run_fini(&r);
}

typedef struct alive_log {
    int n;
    ps_op_event ev[4];
} alive_log;

static void log_alive(void *ctx, const ps_op_event *ev)
{
    alive_log *log = ctx;
    if (ev->op == PS_OPE_ALIVE && log->n < 4)
        log->ev[log->n++] = *ev;
}

/* O-is-alive: is_alive C records the answer as the op event is_alive:
 * 1 while C has not exited (New counts), 0 after; it takes no time. */
static void rule_O_is_alive_records_its_answer(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(HEAD("policy: fcfs")
                             "  - {name: p, program: [spawn c, is_alive c, wait c, is_alive c]}\n"
                             "  - {name: c, parent: p, program: [cpu 2]}\n");
    ps_engine *e = ps_engine_create(s);
    alive_log log = {0};
    ps_engine_set_op_listener(e, log_alive, &log);
    assert_int_equal(ps_engine_run(e, -1), PS_STEP_DONE);
    assert_int_equal(log.n, 2);
    assert_int_equal(log.ev[0].time, 0);
    assert_int_equal(log.ev[0].pid, 1);
    assert_int_equal(log.ev[0].object, 2);
    assert_int_equal(log.ev[0].value, 1);
    assert_int_equal(log.ev[1].time, 2);
    assert_int_equal(log.ev[1].value, 0);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* O-kill: a child its parent kills ends with exit code -15 (SIGTERM, as
 * Python's exitcode shows after terminate()). */
static void rule_O_kill_gives_exit_code_minus_15(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: p, program: [spawn c, kill c]}\n"
                "  - {name: c, parent: p, program: [cpu 9]}\n", -1);
    assert_int_equal(pcb(&r, "c")->exit_code, -15);
    assert_int_equal(pcb(&r, "c")->term_signal, 15);
    tk_run_fini(&r);
}

/* U3: a process the user or an event kills ends with exit code -9. */
static void rule_U3_a_user_kill_gives_exit_code_minus_9(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, "procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [cpu 9]}\n"
                "events: [{at: 2, do: kill a}]\n", -1);
    assert_int_equal(pcb(&r, "a")->exit_code, -9);
    tk_run_fini(&r);
}

/* P1: a private variable is each process's own: a child starts with its
 * parent's copy as it is at the spawn, and its increments never reach the
 * parent; the value shown for the variable is pid 1's copy.  A shared one
 * beside it sees everyone's. */
static void rule_P1_a_private_variable_is_copied_at_spawn(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, "procsim: 1\ntitle: t\nvariables: {mine: private, ours: shared}\n"
                "processes:\n"
                "  - {name: p, program: [add mine 2, spawn c, spawn d, wait c, wait d, "
                "add ours 1]}\n"
                "  - {name: c, parent: p, program: [add mine 5, add ours 5]}\n"
                "  - {name: d, parent: p, program: [add mine 1, add ours 1]}\n", -1);
    assert_int_equal(ps_engine_variable(r.e, 0), 2);
    assert_int_equal(ps_engine_private(r.e, 1, 0), 2);
    assert_int_equal(ps_engine_private(r.e, tk_pid(&r, "c"), 0), 7);
    assert_int_equal(ps_engine_private(r.e, tk_pid(&r, "d"), 0), 3);
    assert_int_equal(ps_engine_variable(r.e, 1), 7);
    assert_int_equal(ps_engine_private(r.e, 2, 1), 7);
    tk_run_fini(&r);
}

typedef struct empty_log {
    int n;
    ps_op_event ev[8];
} empty_log;

static void log_empty(void *ctx, const ps_op_event *ev)
{
    empty_log *log = ctx;
    if (ev->op == PS_OPE_EMPTY && log->n < 8)
        log->ev[log->n++] = *ev;
}

/* L7: while not empty C asks at its head, taking no time, whether C holds
 * a value (the op event empty: 1 empty, 0 not, detail the values queued)
 * and leaves the loop when it is empty; the answer is only a hint: two
 * that both saw the one value get, and the second blocks. */
static void rule_L7_while_not_empty_asks_at_its_head_and_may_be_wrong_by_the_get(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(HEAD("policy: fcfs")
                             "  - name: a\n    program:\n"
                             "      - repeat 2:\n          - send q 5\n"
                             "      - while not empty q:\n          - recv q\n          - cpu 1\n"
                             "      - send r acc\n");
    ps_engine *e = ps_engine_create(s);
    empty_log log = {0};
    ps_engine_set_op_listener(e, log_empty, &log);
    assert_int_equal(ps_engine_run(e, -1), PS_STEP_DONE);
    assert_int_equal(log.n, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(log.ev[i].time, i); /* the head takes no time */
        assert_int_equal(log.ev[i].pid, 1);
        assert_int_equal(log.ev[i].object, 0);
        assert_int_equal(log.ev[i].value, i == 2);
        assert_int_equal(log.ev[i].detail, 2 - i);
    }
    assert_int_equal(ps_engine_regs(e, 1).acc, 10);
    assert_int_equal(ps_engine_pcb(e, 1)->finish, 2);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);

    tk_run r; /* the race: both see the value, a tick passes, b's get blocks */
    tk_run_yaml(&r, HEAD("policy: fcfs, cpus: 2")
                "  - {name: p, program: [send q 1]}\n"
                "  - name: a\n    arrival: 1\n    program:\n      - while not empty q:\n"
                "          - cpu 1\n          - recv q\n"
                "  - name: b\n    arrival: 1\n    program:\n      - while not empty q:\n"
                "          - cpu 1\n          - recv q\n", 10);
    assert_int_equal(pcb(&r, "a")->state, PS_EXIT);
    assert_int_equal(received(&r, "a"), 1);
    assert_int_equal(pcb(&r, "b")->state, PS_BLOCKED);
    assert_int_equal(pcb(&r, "b")->wait_kind, PS_WAIT_CHANNEL);
    tk_run_fini(&r);
}

/* C1: an entry with copies: N is N processes NAME-1 .. NAME-N in its
 * place (pids follow), with one program; spawn NAME creates them all, in
 * order, in the one instant. */
static void rule_C1_copies_are_processes_in_the_entrys_place_spawned_together(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs, cpus: 3")
                "  - {name: p, program: [cpu 1, spawn w, wait w]}\n"
                "  - {name: w, parent: p, copies: auto, program: [cpu 2, send q 1]}\n"
                "  - {name: last, program: [cpu 1]}\n", -1);
    assert_int_equal(r.s->nprocs, 5);
    assert_int_equal(tk_pid(&r, "w-1"), 2);
    assert_int_equal(tk_pid(&r, "w-3"), 4);
    assert_int_equal(tk_pid(&r, "last"), 5);
    size_t at = 0;
    for (uint32_t pid = 2; pid <= 4; pid++) { /* created at 1, in pid order */
        size_t i = 0;
        while (i < r.n && !(r.ev[i].pid == pid && r.ev[i].to == PS_NEW))
            i++;
        assert_true(i < r.n);
        assert_true(i >= at);
        at = i;
        assert_int_equal(r.ev[i].time, 1);
        assert_int_equal(pcb(&r, pid == 2 ? "w-1" : pid == 3 ? "w-2" : "w-3")->finish, 3);
    }
    assert_int_equal(ps_engine_channel(r.e, 0).sent, 3);
    assert_int_equal(pcb(&r, "p")->finish, 3);
    tk_run_fini(&r);
}

/* C2: wait NAME joins the copies one after another, in order, each with
 * its own timeout; kill NAME terminates every copy still alive (-15). */
static void rule_C2_wait_and_kill_of_a_group_act_on_every_copy_in_order(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs, cpus: 4")
                "  - {name: p, program: [spawn w, wait w timeout 3, kill w, wait w]}\n"
                "  - {name: w, parent: p, copies: 3, program: [cpu 20]}\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    /* each join times out in turn: 3, 6, 9; then all three die */
    int64_t woke[3];
    size_t from = (size_t)tk_find(&r, "p", PS_BLOCKED, 0);
    for (int k = 0; k < 3; k++) {
        size_t i = (size_t)tk_find(&r, "p", PS_READY, from);
        assert_int_equal(r.ev[i].cause, PS_CAUSE_JOIN_TIMED_OUT);
        woke[k] = r.ev[i].time;
        from = i + 1;
    }
    assert_int_equal(woke[0], 3);
    assert_int_equal(woke[1], 6);
    assert_int_equal(woke[2], 9);
    static const char *const w[] = {"w-1", "w-2", "w-3"};
    for (int k = 0; k < 3; k++) {
        assert_int_equal(pcb(&r, w[k])->exit_code, -15);
        assert_int_equal(pcb(&r, w[k])->finish, 9);
    }
    tk_run_fini(&r);
}

/* ps_engine_check holds after every step of programs with every new form
 * (timeouts that fire, timeouts made moot by the child's exit, a waiter
 * killed while its timeout runs, loops on channels, private copies). */
static void the_invariants_hold_through_the_language(void **state)
{
    (void)state;
    static const char *const yaml[] = {
        "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 2, cpus: 2}\n"
        "variables: {v: private}\nprocesses:\n"
        "  - {name: p, program: [add v 1, spawn a, spawn b, wait a timeout 3, is_alive a, "
        "wait b timeout 50, kill a, wait any timeout 2]}\n"
        "  - name: a\n    parent: p\n    program:\n      - for x in q:\n          - cpu x\n"
        "          - add v 1\n"
        "  - name: b\n    parent: p\n    program:\n      - for i in range(1, 4):\n"
        "          - send q i\n          - cpu 1\n      - send q none\n",
        "procsim: 1\ntitle: t\nprocesses:\n"
        "  - {name: p, program: [spawn c, wait c timeout 20]}\n"
        "  - {name: c, parent: p, program: [cpu 30]}\n"
        "events: [{at: 4, do: kill p}, {at: 2, do: suspend p}]\n",
        "procsim: 1\ntitle: t\nprocesses:\n"
        "  - {name: p, program: [spawn c, wait c timeout 20, sleep 30]}\n"
        "  - {name: c, parent: p, program: [cpu 3]}\n",
        "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 2, cpus: 2}\nprocesses:\n"
        "  - {name: p, program: [send q 1, send q 2, send q 3, spawn w, wait w timeout 9, "
        "kill w, wait w]}\n"
        "  - name: w\n    parent: p\n    copies: 3\n    program:\n"
        "      - while not empty q:\n          - cpu 1\n          - recv q\n",
    };
    for (size_t i = 0; i < sizeof yaml / sizeof yaml[0]; i++) {
        ps_scenario *s = tk_load(yaml[i]);
        ps_engine *e = ps_engine_create(s);
        char why[256];
        ps_step_status st;
        int steps = 0;
        do {
            st = ps_engine_step(e);
            if (ps_engine_check(e, why, sizeof why))
                fail_msg("scenario %zu, step %d: %s", i, steps, why);
        } while (st == PS_STEP_OK && ++steps < 10000);
        assert_int_equal(st, PS_STEP_DONE);
        ps_engine_destroy(e);
        ps_scenario_destroy(s);
    }
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_L1_repeat_and_range_run_their_body_so_many_times),
        cmocka_unit_test(rule_L2_loops_take_no_time_and_nest),
        cmocka_unit_test(rule_L3_for_in_a_channel_receives_until_none),
        cmocka_unit_test(rule_L4_loop_registers_survive_preemption),
        cmocka_unit_test(rule_L5_a_loop_that_never_takes_time_is_stopped),
        cmocka_unit_test(rule_L6_a_run_that_never_ends_is_stopped),
        cmocka_unit_test(rule_V1_values_are_computed_when_the_op_runs),
        cmocka_unit_test(rule_V2_cpu_of_a_value_below_one_takes_no_time),
        cmocka_unit_test(rule_V3_values_saturate),
        cmocka_unit_test(rule_O_wait_timeout_ends_when_the_child_exits_or_the_time_passes),
        cmocka_unit_test(rule_O_is_alive_records_its_answer),
        cmocka_unit_test(rule_O_kill_gives_exit_code_minus_15),
        cmocka_unit_test(rule_U3_a_user_kill_gives_exit_code_minus_9),
        cmocka_unit_test(rule_P1_a_private_variable_is_copied_at_spawn),
        cmocka_unit_test(rule_L7_while_not_empty_asks_at_its_head_and_may_be_wrong_by_the_get),
        cmocka_unit_test(rule_C1_copies_are_processes_in_the_entrys_place_spawned_together),
        cmocka_unit_test(rule_C2_wait_and_kill_of_a_group_act_on_every_copy_in_order),
        cmocka_unit_test(the_invariants_hold_through_the_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
