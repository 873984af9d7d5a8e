/* test_engine.c — the engine: every shipped scenario runs to a legal end,
 * every transition kind is reachable, memory pressure and scripted
 * suspends take the documented paths, the seed topics give their results,
 * deadlocks are reported.  A test named rule_<ID>_... checks the rule with
 * that ID in docs/engine.md (the other rules' tests are in
 * test_rules_*.c and test_policies.c; memory's in test_rules_memory.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testkit.h"
#include "procsim/stats.h"

#define PATH(name, want)                                                     \
    do {                                                                     \
        char buf_[512];                                                      \
        assert_string_equal(tk_path(&r, name, buf_, sizeof buf_), want);     \
    } while (0)

static ps_scenario *load_file(const char *rel)
{
    char path[1024];
    ps_error err;
    snprintf(path, sizeof path, "%s/%s", PROCSIM_SOURCE_DIR, rel);
    ps_scenario *s = ps_scenario_load_file(path, &err);
    if (!s)
        fail_msg("%s", err.msg);
    return s;
}

static void run_file(tk_run *r, const char *rel)
{
    tk_run_scenario(r, load_file(rel), -1);
}

/* ---- all shipped scenarios ------------------------------------------- */

static void shipped_scenarios_end_legally_with_all_fifteen_kinds(void **state)
{
    (void)state;
    char files[64][TK_PATH];
    int count = tk_shipped_scenarios(files, 64);
    unsigned kinds = 0;
    for (int f = 0; f < count; f++) {
        tk_run r;
        run_file(&r, files[f]);
        if (r.status != PS_STEP_DONE)
            fail_msg("%s ended with status %d", files[f], r.status);
        for (uint32_t pid = 1; pid <= r.s->nprocs; pid++)
            if (ps_engine_pcb(r.e, pid)->state != PS_EXIT)
                fail_msg("%s: %s did not reach Exit", files[f], r.s->procs[pid - 1].name);
        kinds |= r.kinds_seen;
        tk_run_fini(&r);
    }
    assert_true(count >= 16);
    for (int k = 0; k < PS_TRANSITION_COUNT; k++)
        if (!(kinds & (1u << k)))
            fail_msg("no shipped scenario has a %s transition",
                     ps_transition_name((ps_transition_kind)k));
}

static void tour_alone_has_all_fifteen_kinds(void **state)
{
    (void)state;
    tk_run r;
    run_file(&r, "scenarios/tour.yaml");
    assert_int_equal(r.status, PS_STEP_DONE);
    assert_int_equal(r.kinds_seen, (1u << PS_TRANSITION_COUNT) - 1);
    tk_run_fini(&r);
    /* the compiled-in copy is the same file */
    tk_run_scenario(&r, tk_load((const char *)ps_tour_yaml), -1);
    assert_int_equal(r.kinds_seen, (1u << PS_TRANSITION_COUNT) - 1);
    tk_run_fini(&r);
}

/* ---- scripted interventions ------------------------------------------ */

/* U1, U2, U3: scripted suspend, resume and kill act at once on Ready,
 * Running and Blocked processes; a held process stays out until resumed. */
static void rule_U1_U2_U3_scripted_in_every_state(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: fcfs}\nprocesses:\n"
                "  - {name: blk, program: [sleep 20, cpu 1]}\n"
                "  - {name: victim, program: [sleep 50]}\n"
                "  - {name: run, program: [cpu 10]}\n"
                "  - {name: rdy, program: [cpu 2]}\n"
                "events:\n"
                "  - {at: 2, do: suspend run}\n"
                "  - {at: 3, do: suspend blk}\n"
                "  - {at: 4, do: resume blk}\n"
                "  - {at: 5, do: resume run}\n"
                "  - {at: 6, do: kill victim}\n"
                "  - {at: 7, do: suspend blk}\n"
                "  - {at: 30, do: resume blk}\n", -1);
    PATH("run", "new ready running ready-suspended ready running exit");
    PATH("blk", "new ready running blocked blocked-suspended blocked blocked-suspended "
                "ready-suspended ready running exit");
    PATH("victim", "new ready running blocked exit");
    const ps_pcb *v = ps_engine_pcb(r.e, tk_pid(&r, "victim"));
    assert_int_equal(v->term_signal, 9);
    /* blk's sleep ends at 20 while it is held suspended: it stays out until
     * resumed at 30 */
    assert_int_equal(r.ev[tk_find(&r, "blk", PS_READY_SUSPENDED, 0)].time, 20);
    assert_int_equal(r.ev[tk_find(&r, "blk", PS_READY, tk_find(&r, "blk", PS_READY_SUSPENDED, 0))].time, 30);
    tk_run_fini(&r);
}

/* U1, U2, U3 from the user between steps: suspend frees the CPU, a second
 * suspend, resuming what is not suspended and killing the dead do nothing. */
static void rule_U1_U2_U3_user_interventions_between_steps(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nprocesses:\n"
                "  - {name: a, program: [cpu 10]}\n"
                "  - {name: b, program: [cpu 10]}\n", 3);
    assert_int_equal(r.status, PS_STEP_UNTIL);
    assert_int_equal(ps_engine_now(r.e), 3);
    assert_int_equal(ps_engine_pcb(r.e, 1)->state, PS_RUNNING);
    assert_int_equal(ps_engine_pcb(r.e, 1)->cpu_time, 3);
    assert_int_equal(ps_engine_suspend(r.e, 1), 0);
    assert_int_equal(ps_engine_suspend(r.e, 1), -1);  /* already */
    assert_int_equal(ps_engine_pcb(r.e, 2)->state, PS_RUNNING); /* b took the CPU */
    assert_int_equal(ps_engine_resume(r.e, 2), -1);   /* not suspended */
    assert_int_equal(ps_engine_kill(r.e, 99), -1);
    assert_int_equal(ps_engine_resume(r.e, 1), 0);
    assert_int_equal(ps_engine_pcb(r.e, 1)->state, PS_READY);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    assert_int_equal(ps_engine_pcb(r.e, 1)->finish, 20);
    assert_int_equal(ps_engine_kill(r.e, 1), -1);     /* already exited */
    tk_run_fini(&r);
}

/* ---- seed topics ----------------------------------------------------- */

static int64_t variable(const tk_run *r, const char *name)
{
    for (uint32_t v = 0; v < r->s->variables.count; v++)
        if (!strcmp(r->s->variables.names[v], name))
            return ps_engine_variable(r->e, v);
    fail_msg("no variable %s", name);
    return 0;
}

/* R: the textbook race: nine processes adding 50 each to a shared counter
 * without a lock lose updates (the seed's 400, as the article printed);
 * with the lock they add up to 450. */
static void rule_R_counter_without_lock_loses_updates(void **state)
{
    (void)state;
    tk_run r;
    run_file(&r, "scenarios/seeds/counter-race.yaml");
    int64_t c = variable(&r, "counter");
    assert_int_equal(c, 400);
    assert_int_equal(ps_engine_lost_updates(r.e), 450 - c);
    tk_run_fini(&r);
    run_file(&r, "scenarios/seeds/counter-lock.yaml");
    assert_int_equal(variable(&r, "counter"), 450);
    assert_int_equal(ps_engine_lost_updates(r.e), 0);
    tk_run_fini(&r);
}

/* C2, L7: the crawler (seeds/crawler.yaml) on machines of 1, 2, 4 and 8
 * CPUs (a copy of the file with `cpus: N`): one consumer per CPU; the
 * dict (the manager's entries) holds all nine URLs; with two consumers
 * or more, at least one saw urls not empty, lost the last URL to another
 * consumer before its get, and was terminated by main while Blocked in
 * that get; with one consumer nobody can take the URL in between. */
static void rule_C2_the_crawler_shows_the_empty_then_get_race(void **state)
{
    (void)state;
    static const int cpus[] = {1, 2, 4, 8};
    for (size_t c = 0; c < sizeof cpus / sizeof cpus[0]; c++) {
        tk_run r;
        tk_run_scenario(&r, tk_load_with_cpus("scenarios/seeds/crawler.yaml", cpus[c]), -1);
        assert_int_equal(r.status, PS_STEP_DONE);
        assert_int_equal(r.s->nprocs, 3 + (uint32_t)cpus[c]);
        assert_int_equal(variable(&r, "entries"), 9);
        assert_int_equal(ps_engine_pcb(r.e, tk_pid(&r, "manager"))->exit_code, 0);
        int stuck = 0;
        for (size_t i = 0; i < r.n; i++) {
            const ps_trace_event *ev = &r.ev[i];
            const ps_proc_spec *p = &r.s->procs[ev->pid - 1];
            if (!p->group || ev->from != PS_BLOCKED || ev->to != PS_EXIT)
                continue;
            assert_int_equal(ev->cause, PS_CAUSE_PARENT_KILL);
            assert_int_equal(ps_engine_pcb(r.e, ev->pid)->wait_kind, PS_WAIT_NOTHING);
            long b = -1; /* its last block: the get on the empty urls */
            for (size_t k = 0; k < i; k++)
                if (r.ev[k].pid == ev->pid && r.ev[k].to == PS_BLOCKED)
                    b = (long)k;
            assert_true(b >= 0);
            assert_int_equal(r.ev[b].cause, PS_CAUSE_RECV_EMPTY);
            assert_int_equal(ps_engine_pcb(r.e, ev->pid)->exit_code, -15);
            stuck++;
        }
        if (cpus[c] == 1)
            assert_int_equal(stuck, 0);
        else if (stuck < 1)
            fail_msg("%d CPUs: no consumer was stuck in get", cpus[c]);
        tk_run_fini(&r);
    }
}

/* R: the lost update is a stale tmp register restored after a timeout. */
static void rule_R_lost_update_is_a_stale_register(void **state)
{
    (void)state;
    /* quantum 1: a reads 0 at tick 0 and is timed out; b reads 0, is timed
     * out; a writes 1, b writes 1: one update lost. */
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\nprocesses:\n"
                "  - {name: a, program: [add x 1]}\n"
                "  - {name: b, program: [add x 1]}\n", 1);
    assert_int_equal(ps_engine_pcb(r.e, 1)->state, PS_READY);
    assert_int_equal(ps_engine_pcb(r.e, 1)->regs.cnt, 1); /* read done */
    assert_int_equal(ps_engine_pcb(r.e, 1)->regs.tmp, 0);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    assert_int_equal(variable(&r, "x"), 1);
    tk_run_fini(&r);
}

/* O-send, O-recv: the shipped message-passing seeds deliver every value
 * (queue with sentinels, pipe, pool of workers), and a private variable
 * never reaches the parent. */
static void rule_O_send_O_recv_channels_pipes_and_pools(void **state)
{
    (void)state;
    static const struct {
        const char *file, *proc;
        int64_t acc;
    } cases[] = {
        {"scenarios/seeds/queue-sentinel.yaml", "main", 50000},
        {"scenarios/seeds/pipe.yaml", "parent", 49},
        {"scenarios/seeds/pool-squares.yaml", "main", 285},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tk_run r;
        run_file(&r, cases[i].file);
        assert_int_equal(r.status, PS_STEP_DONE);
        assert_int_equal(ps_engine_regs(r.e, tk_pid(&r, cases[i].proc)).acc, cases[i].acc);
        for (uint32_t c = 0; c < r.s->channels.count; c++)
            assert_int_equal(ps_engine_channel(r.e, c).queued, 0);
        tk_run_fini(&r);
    }
    tk_run r;
    run_file(&r, "scenarios/seeds/private-copy.yaml");
    assert_int_equal(variable(&r, "counter"), 0);
    for (uint32_t pid = 2; pid <= r.s->nprocs; pid++)
        assert_int_equal(ps_engine_private(r.e, pid, 0), 50);
    tk_run_fini(&r);
}

/* O-kill, O-wait, O-wait-timeout, O-is-alive: Python's start, join with a
 * timeout, is_alive and terminate: the join times out while the worker
 * still computes, main terminates it with SIGTERM (-15) and reaps it. */
static void rule_O_kill_O_wait_start_join_terminate(void **state)
{
    (void)state;
    tk_run r;
    run_file(&r, "scenarios/seeds/join-timeout.yaml");
    const ps_pcb *worker = ps_engine_pcb(r.e, tk_pid(&r, "worker"));
    assert_int_equal(worker->term_signal, 15);
    assert_int_equal(worker->exit_code, -15);
    assert_int_equal(worker->cpu_time, 3);
    assert_true(worker->reaped);
    long t = tk_find(&r, "main", PS_READY, (size_t)tk_find(&r, "main", PS_READY, 0) + 1);
    assert_int_equal(r.ev[t].cause, PS_CAUSE_JOIN_TIMED_OUT);
    assert_int_equal(r.ev[t].time, 3);
    long k = tk_find(&r, "worker", PS_EXIT, 0);
    assert_int_equal(r.ev[k].event, PS_EV_KILL);
    assert_int_equal(r.ev[k].cause, PS_CAUSE_PARENT_KILL);
    tk_run_fini(&r);
}

/* ---- deadlock and limits --------------------------------------------- */

/* D: the classic two-mutex deadlock (and a receiver nobody sends to) stop
 * the run with a report of who waits for what. */
static void rule_D_deadlock_is_reported_not_looped_on(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\nprocesses:\n"
                "  - {name: a, program: [lock m1, cpu 2, lock m2, unlock m2, unlock m1]}\n"
                "  - {name: b, program: [lock m2, cpu 2, lock m1, unlock m1, unlock m2]}\n"
                "  - {name: c, program: [recv nothing]}\n", -1);
    assert_int_equal(r.status, PS_STEP_STUCK);
    char buf[512];
    ps_engine_stuck(r.e, PS_LANG_EN, buf, sizeof buf);
    assert_non_null(strstr(buf, "a waits for mutex m2 held by b"));
    assert_non_null(strstr(buf, "b waits for mutex m1 held by a"));
    assert_non_null(strstr(buf, "c waits on empty channel nothing"));
    assert_int_equal(ps_engine_step(r.e), PS_STEP_STUCK);
    tk_run_fini(&r);
}

/* D: a process suspended with nothing to resume it is stuck too. */
static void rule_D_suspended_forever_is_stuck(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [cpu 5]}\n"
                "events:\n  - {at: 1, do: suspend a}\n", -1);
    assert_int_equal(r.status, PS_STEP_STUCK);
    char buf[256];
    assert_non_null(strstr(ps_engine_stuck(r.e, PS_LANG_EN, buf, sizeof buf),
                           "a is suspended and nothing resumes it"));
    tk_run_fini(&r);
}

/* O-cleanup: a process that exits holding a mutex hands it to the first
 * waiter. */
static void rule_O_cleanup_exiting_with_a_lock_hands_it_on(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {cpus: 2}\nprocesses:\n"
                "  - {name: a, program: [lock m, cpu 2]}\n"
                "  - {name: b, program: [lock m, cpu 1, unlock m]}\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    PATH("b", "new ready running blocked ready running exit");
    assert_int_equal(ps_engine_mutex_owner(r.e, 0), 0);
    tk_run_fini(&r);
}

/* O-wait: wait any blocks while children run, reaps each as it exits and
 * returns at once when none is left. */
static void rule_O_wait_any_and_zombies(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {cpus: 2}\nprocesses:\n"
                "  - {name: p, program: [spawn c1, spawn c2, wait any, wait any, wait any]}\n"
                "  - {name: c1, parent: p, program: [cpu 5]}\n"
                "  - {name: c2, parent: p, program: [cpu 1]}\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    PATH("p", "new ready running blocked ready running blocked ready running exit");
    assert_int_equal(ps_engine_pcb(r.e, 1)->finish, 5);
    tk_run_fini(&r);
}

/* T: the engine jumps from instant to instant. */
static void rule_T_work_grows_with_events_not_ticks(void **state)
{
    (void)state;
    /* a billion ticks of CPU are two instants, not a billion */
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nprocesses:\n"
                "  - {name: a, program: [cpu 1000000000, sleep 1000000000]}\n", -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    assert_int_equal(ps_engine_pcb(r.e, 1)->finish, 2000000000);
    assert_int_equal(r.n, 7);
    tk_run_fini(&r);
}

/* ---- the op stream that live mode mirrors ---------------------------- */

typedef struct op_log {
    char text[2048];
    size_t len;
} op_log;

static void log_op(void *ctx, const ps_exec_event *ev)
{
    static const char *const phase[] = {"run", "step", "done", "block"};
    op_log *l = ctx;
    l->len += (size_t)snprintf(l->text + l->len, sizeof l->text - l->len,
                               "%lld:%u:%u:%s:%s:%lld:%lld ", (long long)ev->time, ev->pid,
                               ev->pc, ps_op_token((ps_op_kind)ev->op), phase[ev->phase],
                               (long long)ev->a, (long long)ev->b);
}

static void op_events_follow_the_program(void **state)
{
    (void)state;
    tk_run r;
    op_log log = {{0}, 0};
    ps_scenario *s = tk_load("procsim: 1\ntitle: a pipe\nprocesses:\n"
                             "  - {name: parent, program: [spawn child, recv pipe, cpu 1, wait child]}\n"
                             "  - {name: child, parent: parent, program: [cpu 3, send pipe 42]}\n");
    memset(&r, 0, sizeof r);
    ps_engine *e = ps_engine_create(s);
    ps_engine_set_exec_listener(e, log_op, &log);
    assert_int_equal(tk_step_until(e, -1, tk_step_budget(s), NULL), PS_STEP_DONE);
    /* parent: spawn child, block in recv; child computes 3 ticks, sends 42
     * (which completes parent's recv), exits; parent computes, reaps */
    assert_string_equal(log.text,
                        "0:1:0:spawn:done:2:0 0:1:1:recv:block:0:0 0:2:0:cpu:run:3:1 "
                        "3:2:0:cpu:done:0:0 3:2:1:send:done:42:0 3:1:1:recv:done:42:0 "
                        "3:2:2:exit:done:0:0 3:1:2:cpu:run:4:1 4:1:2:cpu:done:0:0 "
                        "4:1:3:wait:done:0:0 4:1:4:exit:done:0:0 ");
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    (void)r;

    log.len = 0;
    log.text[0] = 0;
    s = tk_load("procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [add x 2]}\n");
    e = ps_engine_create(s);
    ps_engine_set_exec_listener(e, log_op, &log);
    assert_int_equal(tk_step_until(e, -1, tk_step_budget(s), NULL), PS_STEP_DONE);
    assert_string_equal(log.text,
                        "0:1:0:add:run:1:0 1:1:0:add:step:0:0 1:1:0:add:run:2:0 "
                        "2:1:0:add:step:1:1 2:1:0:add:run:3:0 3:1:0:add:step:1:0 "
                        "3:1:0:add:run:4:1 4:1:0:add:step:2:1 4:1:0:add:done:0:0 "
                        "4:1:1:exit:done:0:0 ");
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* ---- regressions found in review ------------------------------------- */

/* MLFQ7: the boost gives the running process a fresh quantum too. */
static void rule_MLFQ7_boost_renews_the_running_quantum(void **state)
{
    (void)state;
    /* OSTEP's boost: a runs 0-4 and moves down; b runs from 4, the boost at
     * 7 puts a behind b on the top level and gives b a fresh quantum of 4,
     * so b's quantum ends at 11, not 8; then a runs its fresh quantum */
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: mlfq, quantum: 4, mlfq_boost: 7}\n"
                "processes:\n  - {name: a, program: [cpu 20]}\n"
                "  - {name: b, program: [cpu 20]}\n", -1);
    long t = tk_find(&r, "b", PS_READY, (size_t)tk_find(&r, "b", PS_RUNNING, 0));
    assert_int_equal(r.ev[t].time, 11);
    t = tk_find(&r, "a", PS_RUNNING, (size_t)t);
    assert_int_equal(r.ev[t].time, 11);
    tk_run_fini(&r);
}

/* MLFQ4: a quantum used up is charged to the allotment even when the
 * process leaves the CPU that tick for another reason. */
static void rule_MLFQ4_quantum_ending_at_a_suspend_is_charged(void **state)
{
    (void)state;
    /* a's quantum (2) ends at 2, the tick it is suspended: it must still
     * move down, and back at 4 run a fresh level-1 quantum, not forever */
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: mlfq, quantum: 2}\n"
                "processes:\n  - {name: a, program: [cpu 30]}\n"
                "  - {name: b, arrival: 1, program: [cpu 30]}\n"
                "events:\n  - {at: 2, do: suspend a}\n  - {at: 3, do: resume a}\n", 3);
    assert_int_equal(ps_engine_pcb(r.e, 1)->mlfq_level, 1);
    assert_int_equal(ps_engine_pcb(r.e, 1)->quantum_left, 2);
    tk_run_more(&r, 8);
    long t = tk_find(&r, "b", PS_RUNNING, 0);
    assert_true(t >= 0);
    assert_true(r.ev[t].time <= 6); /* b is not starved behind a */
    tk_run_fini(&r);
}

/* D: timers that no longer mean anything (a killed sleeper's, a boost) do
 * not count as pending events. */
static void rule_D_found_when_stale_timers_remain(void **state)
{
    (void)state;
    /* s's sleep timer (to 1000) is stale once s is killed at 5 */
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nprocesses:\n"
                "  - {name: a, program: [lock m, sleep 1, lock n, unlock n, unlock m]}\n"
                "  - {name: b, program: [lock n, sleep 1, lock m, unlock m, unlock n]}\n"
                "  - {name: s, program: [sleep 1000]}\n"
                "events: [{at: 5, do: kill s}]\n", 500);
    assert_int_equal(r.status, PS_STEP_STUCK);
    assert_int_equal(ps_engine_now(r.e), 5);
    tk_run_fini(&r);
    /* and a pending mlfq boost does not hide one behind --until */
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: mlfq, mlfq_boost: 50}\nprocesses:\n"
                "  - {name: a, program: [lock m, sleep 1, lock n, unlock n, unlock m]}\n"
                "  - {name: b, program: [lock n, sleep 1, lock m, unlock m, unlock n]}\n", 20);
    assert_int_equal(r.status, PS_STEP_STUCK);
    tk_run_fini(&r);
}

/* ST-averages: a process killed before it ever ran has no response time
 * and is left out of the average response. */
static void rule_ST_averages_response_counts_only_processes_that_ran(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [cpu 10]}\n"
                "  - {name: b, program: [cpu 10]}\nevents: [{at: 5, do: kill b}]\n", -1);
    ps_summary sum;
    ps_stats_summary(r.e, &sum);
    assert_int_equal(sum.finished, 2);
    assert_true(sum.avg_response == 0.0); /* a responded at once; b never ran */
    tk_run_fini(&r);
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [cpu 4]}\n"
                "  - {name: b, program: [cpu 10]}\n  - {name: c, program: [cpu 1]}\n"
                "events: [{at: 2, do: kill c}]\n", -1);
    ps_stats_summary(r.e, &sum);
    assert_true(sum.avg_response == 2.0); /* (0 + 4) / 2, c left out */
    tk_run_fini(&r);
}

/* I12: a quantum ends, but a free CPU can take the one waiting: no timeout. */
static void rule_I12_no_timeout_while_a_cpu_is_free(void **state)
{
    (void)state;
    /* at 2, a blocks and b's quantum ends: x can take a's CPU, so b keeps
     * its own (no timeout, no second switch) */
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {cpus: 2, policy: rr, quantum: 2, switch_cost: 1}\n"
                "processes:\n  - {name: a, program: [cpu 2, io disk 5]}\n"
                "  - {name: b, program: [cpu 4]}\n"
                "  - {name: x, arrival: 1, program: [cpu 2]}\n", -1);
    PATH("b", "new ready running exit");
    assert_int_equal(ps_engine_pcb(r.e, 2)->finish, 5);
    tk_run_fini(&r);
}

/* U2: the swap-in after a scripted resume says so. */
static void rule_U2_resume_shows_in_the_swap_in(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [cpu 4]}\n"
                "events: [{at: 1, do: suspend a}, {at: 3, do: resume a}]\n", -1);
    long i = tk_find(&r, "a", PS_READY, 3);
    assert_int_equal(r.ev[i].event, PS_EV_ACTIVATE);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_SCRIPT_RESUME);
    tk_run_fini(&r);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_scenarios_end_legally_with_all_fifteen_kinds),
        cmocka_unit_test(tour_alone_has_all_fifteen_kinds),
        cmocka_unit_test(rule_U1_U2_U3_scripted_in_every_state),
        cmocka_unit_test(rule_U1_U2_U3_user_interventions_between_steps),
        cmocka_unit_test(rule_R_counter_without_lock_loses_updates),
        cmocka_unit_test(rule_C2_the_crawler_shows_the_empty_then_get_race),
        cmocka_unit_test(rule_R_lost_update_is_a_stale_register),
        cmocka_unit_test(rule_O_send_O_recv_channels_pipes_and_pools),
        cmocka_unit_test(rule_O_kill_O_wait_start_join_terminate),
        cmocka_unit_test(rule_D_deadlock_is_reported_not_looped_on),
        cmocka_unit_test(rule_D_suspended_forever_is_stuck),
        cmocka_unit_test(rule_O_cleanup_exiting_with_a_lock_hands_it_on),
        cmocka_unit_test(rule_O_wait_any_and_zombies),
        cmocka_unit_test(rule_T_work_grows_with_events_not_ticks),
        cmocka_unit_test(op_events_follow_the_program),
        cmocka_unit_test(rule_MLFQ7_boost_renews_the_running_quantum),
        cmocka_unit_test(rule_MLFQ4_quantum_ending_at_a_suspend_is_charged),
        cmocka_unit_test(rule_D_found_when_stale_timers_remain),
        cmocka_unit_test(rule_ST_averages_response_counts_only_processes_that_ran),
        cmocka_unit_test(rule_I12_no_timeout_while_a_cpu_is_free),
        cmocka_unit_test(rule_U2_resume_shows_in_the_swap_in),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
