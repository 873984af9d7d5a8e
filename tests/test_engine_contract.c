/* test_engine_contract.c — the engine's contract with its callers and with
 * itself, as engine.h and scenario.h state it: a listener may not call
 * back into the engine (the program aborts); every transition out of
 * Running leaves the CPU free (the door does it); ps_engine_check holds
 * after every step of every shipped scenario and of a user's interventions;
 * the op table's columns are what docs/engine.md says of each op; the
 * policy table names every policy and the settings each one reads;
 * ps_engine_queue lists Ready in the order it is served. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testkit.h"

static const char two[] =
    "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 2}\n"
    "devices: [disk]\n"
    "processes:\n"
    "  - {name: a, program: [cpu 3, io disk 2, cpu 1]}\n"
    "  - {name: b, program: [cpu 2, add v 2]}\n";

/* ---- a listener may not call back into the engine --------------------- */

typedef enum reentry { STEP_FROM_LISTENER, KILL_FROM_LISTENER, SUSPEND_FROM_OP_LISTENER,
                       DESTROY_FROM_LISTENER } reentry;

static ps_engine *victim_engine;
static reentry how;

static void reenter(void *ctx, const ps_trace_event *ev)
{
    (void)ctx;
    if (ev->event != PS_EV_DISPATCH)
        return;
    if (how == STEP_FROM_LISTENER)
        ps_engine_step(victim_engine);
    else if (how == KILL_FROM_LISTENER)
        ps_engine_kill(victim_engine, ev->pid);
    else
        ps_engine_destroy(victim_engine);
}

static void reenter_op(void *ctx, const ps_exec_event *ev)
{
    (void)ctx;
    ps_engine_suspend(victim_engine, ev->pid);
}

/* Runs `two` with a listener that calls back in; returns the signal the
 * child died of (0 if it exited). */
static int run_reentering(reentry r)
{
    fflush(NULL);
    pid_t p = fork();
    assert_true(p >= 0);
    if (p == 0) {
        ps_error err;
        ps_scenario *s = ps_scenario_load_string("t.yaml", two, strlen(two), &err);
        victim_engine = s ? ps_engine_create(s) : NULL;
        if (!victim_engine)
            _exit(3);
        how = r;
        if (r == SUSPEND_FROM_OP_LISTENER)
            ps_engine_set_exec_listener(victim_engine, reenter_op, NULL);
        else
            ps_engine_set_listener(victim_engine, reenter, NULL);
        ps_engine_run(victim_engine, -1);
        _exit(0); /* the call back went through: the contract is not checked */
    }
    int st;
    assert_int_equal(waitpid(p, &st, 0), p);
    return WIFSIGNALED(st) ? WTERMSIG(st) : 0;
}

static void a_listener_calling_back_into_the_engine_aborts(void **state)
{
    (void)state;
    static const reentry all[] = {STEP_FROM_LISTENER, KILL_FROM_LISTENER,
                                  SUSPEND_FROM_OP_LISTENER, DESTROY_FROM_LISTENER};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (run_reentering(all[i]) != SIGABRT)
            fail_msg("call-back %zu was not refused", i);
}

/* Reading the engine from a listener is what listeners are for. */
static int reads;
static void read_only(void *ctx, const ps_trace_event *ev)
{
    const ps_engine *e = ctx;
    char buf[128];
    reads += ps_engine_pcb(e, ev->pid) != NULL && ps_engine_now(e) == ev->time &&
             ps_cause_format(e, ev, PS_LANG_EN, buf, sizeof buf)[0] != 0;
}

static void a_listener_may_read_the_engine(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(two);
    ps_engine *e = ps_engine_create(s);
    reads = 0;
    ps_engine_set_listener(e, read_only, e);
    assert_int_equal(ps_engine_run(e, -1), PS_STEP_DONE);
    assert_true(reads > 8);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* ---- the door frees the CPU of every process leaving Running ------------ */

static const ps_engine *door_engine;
static int left_running, cpu_still_held;

static void leaves_running(void *ctx, const ps_trace_event *ev)
{
    (void)ctx;
    if (ev->from != PS_RUNNING)
        return;
    left_running++;
    for (uint32_t c = 0; c < ps_engine_ncpus(door_engine); c++)
        cpu_still_held += ps_engine_cpu(door_engine, c)->pid == ev->pid;
}

static void every_exit_from_running_frees_the_cpu(void **state)
{
    (void)state;
    /* timeout, preempt, wait, release, suspend, eviction and kill, all out
       of Running */
    static const char yaml[] =
        "procsim: 1\ntitle: t\n"
        "system: {cpus: 2, policy: priority-preemptive, memory: 100}\n"
        "processes:\n"
        "  - {name: low, priority: 5, memory: 60, program: [cpu 6, sleep 1, cpu 2]}\n"
        "  - {name: mid, priority: 3, memory: 30, program: [cpu 8]}\n"
        "  - {name: high, arrival: 2, priority: 1, memory: 60, program: [cpu 2]}\n"
        "  - {name: top, arrival: 3, priority: 0, memory: 10, program: [cpu 9]}\n"
        "events:\n"
        "  - {at: 4, do: suspend top}\n"
        "  - {at: 5, do: resume top}\n"
        "  - {at: 7, do: kill top}\n";
    ps_scenario *s = tk_load(yaml);
    ps_engine *e = ps_engine_create(s);
    door_engine = e;
    left_running = cpu_still_held = 0;
    ps_engine_set_listener(e, leaves_running, NULL);
    char why[512];
    ps_step_status st;
    while ((st = ps_engine_step(e)) == PS_STEP_OK)
        if (ps_engine_check(e, why, sizeof why))
            fail_msg("%s", why);
    assert_int_equal(st, PS_STEP_DONE);
    assert_true(left_running >= 6);
    assert_int_equal(cpu_still_held, 0);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* ---- the invariants hold ------------------------------------------------ */

static void invariants_hold_after_every_step_of_every_shipped_scenario(void **state)
{
    (void)state;
    char files[64][TK_PATH], path[1024], why[512];
    int count = tk_shipped_scenarios(files, 64);
    assert_true(count >= 16);
    for (int f = 0; f < count; f++) {
        ps_error err;
        snprintf(path, sizeof path, "%s/%.255s", PROCSIM_SOURCE_DIR, files[f]);
        ps_scenario *s = ps_scenario_load_file(path, &err);
        if (!s)
            fail_msg("%s", err.msg);
        ps_engine *e = ps_engine_create(s);
        ps_step_status st;
        while ((st = ps_engine_step(e)) == PS_STEP_OK)
            if (ps_engine_check(e, why, sizeof why))
                fail_msg("%s: %s", files[f], why);
        assert_int_equal(ps_engine_check(e, why, sizeof why), 0);
        ps_engine_destroy(e);
        ps_scenario_destroy(s);
    }
}

static void invariants_hold_across_the_users_interventions(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(two);
    ps_engine *e = ps_engine_create(s);
    char why[512];
    int acted = 0;
    for (int i = 0; ps_engine_step(e) == PS_STEP_OK; i++) {
        uint32_t pid = 1 + (uint32_t)i % 2;
        int (*const what[])(ps_engine *, uint32_t) = {ps_engine_suspend, ps_engine_resume,
                                                      ps_engine_resume, ps_engine_suspend};
        acted += what[i % 4](e, pid) == 0;
        if (ps_engine_check(e, why, sizeof why))
            fail_msg("after step %d: %s", i, why);
        if (i > 200)
            fail_msg("the run does not end");
    }
    assert_true(acted >= 2);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* ---- the op table is what docs/engine.md says --------------------------- */

static void op_table_says_what_takes_time_and_what_may_block(void **state)
{
    (void)state;
    /* docs/engine.md, "ops and how long they take", and the CPU burst:
       "up to the next op that may block (io, sleep, wait, recv, lock,
       exit)" */
    static const struct {
        ps_op_kind op;
        unsigned ticks;
        bool leaves;
    } want[] = {
        {PS_OP_CPU, 1, false},  {PS_OP_IO, 0, true},     {PS_OP_SLEEP, 0, true},
        {PS_OP_SPAWN, 0, false}, {PS_OP_WAIT, 0, true},   {PS_OP_SEND, 0, false},
        {PS_OP_RECV, 0, true},  {PS_OP_LOCK, 0, true},   {PS_OP_UNLOCK, 0, false},
        {PS_OP_ADD, 2, false},  {PS_OP_EXIT, 0, true},   {PS_OP_KILL, 0, false},
        {PS_OP_IS_ALIVE, 0, false}, {PS_OP_LOOP, 0, false}, {PS_OP_FOR_IN, 0, true},
        {PS_OP_END, 0, false},
    };
    assert_int_equal(sizeof want / sizeof want[0], PS_OP_COUNT);
    for (size_t i = 0; i < PS_OP_COUNT; i++) {
        assert_int_equal(want[i].op, (ps_op_kind)i);
        if (ps_op_ticks(want[i].op) != want[i].ticks ||
            ps_op_leaves_cpu(want[i].op) != want[i].leaves)
            fail_msg("op %s: the table says ticks %u, leaves %d", ps_op_token(want[i].op),
                     ps_op_ticks(want[i].op), ps_op_leaves_cpu(want[i].op));
    }
}

static void the_burst_runs_over_ops_that_stay_on_the_cpu(void **state)
{
    (void)state;
    /* sjf orders by the burst: a's is cpu 2 + send (none, stays) + add 1
       (2 ticks) = 4, up to the io; b's is 3; c's is 1, ended by the lock
       (which may block).  Were send to leave the CPU, a would come before
       b; were add one tick, a would tie b and win on pid; were lock not to
       leave, c's burst would be 10 and it would come last. */
    static const char yaml[] =
        "procsim: 1\ntitle: t\nsystem: {policy: sjf}\n"
        "processes:\n"
        "  - {name: first, program: [cpu 1]}\n"
        "  - {name: a, program: [cpu 2, send q 1, add v 1, io disk 1]}\n"
        "  - {name: b, program: [cpu 3]}\n"
        "  - {name: c, program: [cpu 1, lock m, cpu 9]}\n";
    tk_run r;
    tk_run_yaml(&r, yaml, -1);
    /* dispatch order after `first`: c (1), b (3), a (4) */
    const char *order[4];
    int n = 0;
    for (size_t i = 0; i < r.n && n < 4; i++)
        if (r.ev[i].event == PS_EV_DISPATCH)
            order[n++] = r.s->procs[r.ev[i].pid - 1].name;
    assert_int_equal(n, 4);
    assert_string_equal(order[0], "first");
    assert_string_equal(order[1], "c");
    assert_string_equal(order[2], "b");
    assert_string_equal(order[3], "a");
    tk_run_fini(&r);
}

/* ---- the policy table -------------------------------------------------- */

static void every_policy_has_a_token_and_says_what_it_reads(void **state)
{
    (void)state;
    for (int p = 0; p < PS_POLICY_COUNT; p++) {
        const char *tok = ps_policy_token((ps_policy)p);
        assert_true(tok[0] && strcmp(tok, "?"));
        /* every policy runs: a one-process scenario under it ends */
        char yaml[256];
        snprintf(yaml, sizeof yaml,
                 "procsim: 1\ntitle: t\nsystem: {policy: %s%s}\n"
                 "processes:\n  - {name: a, program: [cpu 2, io disk 1, cpu 1]}\n", tok,
                 ps_policy_uses((ps_policy)p) & PS_USES_MLQ ? ", queues: [{policy: fcfs}]" : "");
        tk_run r;
        tk_run_yaml(&r, yaml, -1);
        assert_int_equal(r.status, PS_STEP_DONE);
        tk_run_fini(&r);
    }
    assert_int_equal(ps_policy_uses(PS_POLICY_FCFS), 0);
    assert_true(ps_policy_uses(PS_POLICY_RR) & PS_USES_QUANTUM);
    assert_true(ps_policy_uses(PS_POLICY_MLFQ) & PS_USES_MLFQ);
    assert_true(ps_policy_uses(PS_POLICY_OSTEP) & PS_USES_OSTEP);
    assert_true(ps_policy_uses(PS_POLICY_PRIORITY_PREEMPTIVE) & PS_USES_PRIORITY);
    assert_false(ps_policy_uses(PS_POLICY_SRTF) & PS_USES_PRIORITY);
    assert_int_equal(ps_policy_uses(PS_POLICY_COUNT), 0);
}

/* ---- ps_engine_queue lists a queue in the order it serves -------------- */

/* Under priority (no preemption) the Ready queue at tick 0 is d, a, c (b
 * runs): what ps_engine_queue says, and the order they then run in. */
static void the_ready_queue_is_listed_in_the_order_it_is_served(void **state)
{
    (void)state;
    static const char yaml[] =
        "procsim: 1\ntitle: t\nsystem: {policy: priority}\n"
        "processes:\n"
        "  - {name: a, priority: 3, program: [cpu 2]}\n"
        "  - {name: b, priority: 1, program: [cpu 2]}\n"
        "  - {name: c, priority: 4, program: [cpu 2]}\n"
        "  - {name: d, priority: 2, program: [cpu 2]}\n";
    tk_run r;
    tk_run_yaml(&r, yaml, 0);
    uint32_t q[8];
    assert_int_equal(ps_engine_queue(r.e, PS_READY, q, 8), 3);
    char listed[16] = "", served[16] = "";
    for (int i = 0; i < 3; i++)
        strcat(listed, ps_engine_pcb(r.e, q[i])->name);
    size_t from = r.n;
    tk_run_more(&r, -1);
    for (size_t i = from; i < r.n; i++)
        if (r.ev[i].to == PS_RUNNING)
            strcat(served, ps_engine_pcb(r.e, r.ev[i].pid)->name);
    assert_string_equal(listed, "dac");
    assert_string_equal(served, "dac");
    tk_run_fini(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_listener_calling_back_into_the_engine_aborts),
        cmocka_unit_test(a_listener_may_read_the_engine),
        cmocka_unit_test(every_exit_from_running_frees_the_cpu),
        cmocka_unit_test(invariants_hold_after_every_step_of_every_shipped_scenario),
        cmocka_unit_test(invariants_hold_across_the_users_interventions),
        cmocka_unit_test(op_table_says_what_takes_time_and_what_may_block),
        cmocka_unit_test(the_burst_runs_over_ops_that_stay_on_the_cpu),
        cmocka_unit_test(every_policy_has_a_token_and_says_what_it_reads),
        cmocka_unit_test(the_ready_queue_is_listed_in_the_order_it_is_served),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
