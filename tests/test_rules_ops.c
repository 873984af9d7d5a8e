/* test_rules_ops.c — the ops and how long they take (docs/engine.md, "Ops
 * and how long they take": O-cpu ... O-kill, O-cleanup): each op against
 * a short program whose trace the table of the doc predicts. */
#include <string.h>

#include "testkit.h"
#include "procsim/stats.h"

#define HEAD(system) "procsim: 1\ntitle: t\nsystem: {" system "}\nprocesses:\n"

#define PATH(name, want)                                                     \
    do {                                                                     \
        char buf_[512];                                                      \
        assert_string_equal(tk_path(&r, name, buf_, sizeof buf_), want);     \
    } while (0)

static const ps_pcb *pcb(const tk_run *r, const char *name)
{
    return ps_engine_pcb(r->e, tk_pid(r, name));
}

/* O-cpu: `cpu N` is N ticks of CPU; two cpu ops in a row are one stay on
 * the CPU. */
static void rule_O_cpu_takes_n_ticks(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: a, program: [cpu 3, cpu 2]}\n"
                "  - {name: b, program: [cpu 1]}\n", -1);
    PATH("a", "new ready running exit");
    assert_int_equal(pcb(&r, "a")->finish, 5);
    assert_int_equal(pcb(&r, "a")->cpu_time, 5);
    assert_int_equal(pcb(&r, "b")->finish, 6);
    tk_run_fini(&r);
}

/* O-add: `add V N` is 2N ticks: each increment reads V into tmp in one
 * tick and writes tmp + 1 in the next. */
static void rule_O_add_reads_then_writes_each_increment(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs") "  - {name: a, program: [add x 3]}\n", 1);
    assert_int_equal(ps_engine_regs(r.e, 1).cnt, 1); /* read done ... */
    assert_int_equal(ps_engine_variable(r.e, 0), 0); /* ... nothing written */
    tk_run_more(&r, 2);
    assert_int_equal(ps_engine_variable(r.e, 0), 1);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    assert_int_equal(ps_engine_variable(r.e, 0), 3);
    assert_int_equal(pcb(&r, "a")->finish, 6);
    tk_run_fini(&r);
}

/* O-io: a device serves one request at a time, first come first served;
 * another device works at the same time.  a, b, c ask the disk for 3, 2
 * and 1 ticks at 0: served 0-3, 3-5, 5-6.  d uses the net meanwhile. */
static void rule_O_io_one_request_at_a_time_first_come_first_served(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, "procsim: 1\ntitle: t\ndevices: [disk, net]\nprocesses:\n"
                "  - {name: a, program: [io disk 3]}\n"
                "  - {name: b, program: [io disk 2]}\n"
                "  - {name: c, program: [io disk 1]}\n"
                "  - {name: d, program: [io net 2]}\n", -1);
    assert_int_equal(tk_when(&r, "a", PS_READY, 1), 3);
    assert_int_equal(tk_when(&r, "b", PS_READY, 1), 5);
    assert_int_equal(tk_when(&r, "c", PS_READY, 1), 6);
    assert_int_equal(tk_when(&r, "d", PS_READY, 1), 2);
    long i = tk_find(&r, "b", PS_BLOCKED, 0);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_IO_QUEUED);
    tk_run_fini(&r);
}

/* O-io: `io D 0` still blocks, and is woken at the same tick. */
static void rule_O_io_of_zero_ticks_still_blocks(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs") "  - {name: a, program: [cpu 1, io disk 0, cpu 1]}\n",
                -1);
    PATH("a", "new ready running blocked ready running exit");
    assert_int_equal(tk_when(&r, "a", PS_BLOCKED, 0), 1);
    assert_int_equal(tk_when(&r, "a", PS_READY, 1), 1);
    assert_int_equal(pcb(&r, "a")->finish, 2);
    tk_run_fini(&r);
}

/* O-sleep: `sleep N` blocks N ticks on no device, so sleeps overlap;
 * `sleep 0` blocks and is woken at once. */
static void rule_O_sleep_blocks_n_ticks_on_no_device(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: a, program: [sleep 3]}\n"
                "  - {name: b, program: [sleep 3]}\n"
                "  - {name: z, program: [sleep 0, cpu 1]}\n", -1);
    assert_int_equal(tk_when(&r, "a", PS_READY, 1), 3);
    assert_int_equal(tk_when(&r, "b", PS_READY, 1), 3);
    PATH("z", "new ready running blocked ready running exit");
    assert_int_equal(tk_when(&r, "z", PS_READY, 1), 0);
    tk_run_fini(&r);
}

/* O-spawn: the child is created New and goes through admission: here
 * memory is full, so it waits in Ready/Suspend until its parent exits. */
static void rule_O_spawn_creates_the_child_new_then_admits_it(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("memory: 100")
                "  - {name: p, memory: 60, program: [spawn c, cpu 2]}\n"
                "  - {name: c, parent: p, memory: 60, program: [cpu 1]}\n", -1);
    PATH("c", "new ready-suspended ready running exit");
    assert_int_equal(tk_when(&r, "c", PS_NEW, 0), 0);
    assert_int_equal(tk_when(&r, "c", PS_READY, 0), 2);
    tk_run_fini(&r);
}

/* O-wait: `wait C` returns at once when C has exited (and reaps it),
 * blocks until it exits otherwise. */
static void rule_O_wait_child_returns_at_once_or_blocks(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 2")
                "  - {name: p, program: [spawn q, spawn s, cpu 3, wait q, wait s]}\n"
                "  - {name: q, parent: p, program: [cpu 1]}\n"
                "  - {name: s, parent: p, program: [cpu 2, sleep 5]}\n", -1);
    /* q exited at 1: wait q at 3 returns at once; s is still asleep: wait
     * s blocks until it exits at 8 */
    PATH("p", "new ready running blocked ready running exit");
    assert_int_equal(tk_when(&r, "p", PS_BLOCKED, 0), 3);
    assert_int_equal(tk_when(&r, "p", PS_EXIT, 0), 8);
    assert_true(pcb(&r, "q")->reaped && pcb(&r, "s")->reaped);
    tk_run_fini(&r);
}

/* O-wait: `wait any` reaps any exited child, even when an earlier one is
 * still running.  c1 runs until 10; c2 exits at 1.  At 3, p's wait any
 * finds c1 alive and then c2 a zombie: it reaps c2 and goes on at once;
 * the second wait any blocks (4) until c1 exits; the third has nothing
 * left to reap and returns at once. */
static void rule_O_wait_any_reaps_a_later_child_that_is_already_a_zombie(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 3")
                "  - {name: p, program: [spawn c1, spawn c2, cpu 3, wait any, cpu 1, "
                "wait any, wait any]}\n"
                "  - {name: c1, parent: p, program: [cpu 10]}\n"
                "  - {name: c2, parent: p, program: [cpu 1]}\n", 3);
    assert_int_equal(pcb(&r, "p")->state, PS_RUNNING);
    assert_true(pcb(&r, "c2")->reaped);
    assert_false(pcb(&r, "c1")->reaped);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    PATH("p", "new ready running blocked ready running exit");
    assert_int_equal(tk_when(&r, "p", PS_BLOCKED, 0), 4);
    assert_int_equal(tk_when(&r, "p", PS_EXIT, 0), 10);
    tk_run_fini(&r);
}

/* O-wait: of several zombies, `wait any` reaps the first in the file,
 * whatever the order they were spawned or exited in.  c3 exits at 1, c2
 * at 2, c1 at 3; p wakes at 5 and its one wait any reaps c1, the first
 * of the three in the file; c2 and c3 stay zombies after p has exited. */
static void rule_O_wait_any_reaps_the_first_zombie_in_the_file(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 4")
                "  - {name: p, program: [spawn c3, spawn c2, spawn c1, sleep 5, wait any]}\n"
                "  - {name: c1, parent: p, program: [cpu 3]}\n"
                "  - {name: c2, parent: p, program: [cpu 2]}\n"
                "  - {name: c3, parent: p, program: [cpu 1]}\n", -1);
    assert_int_equal(tk_when(&r, "c3", PS_EXIT, 0), 1);
    assert_int_equal(tk_when(&r, "c1", PS_EXIT, 0), 3);
    PATH("p", "new ready running blocked ready running exit");
    assert_int_equal(tk_when(&r, "p", PS_EXIT, 0), 5);
    assert_true(pcb(&r, "c1")->reaped);
    assert_false(pcb(&r, "c2")->reaped);
    assert_false(pcb(&r, "c3")->reaped);
    tk_run_fini(&r);
}

/* O-send, O-recv: a value sent while receivers wait goes straight to the
 * longest-waiting one; otherwise it is queued, and recv takes the oldest.
 * Each value received is added to acc; `send Q` sends 1. */
static void rule_O_send_O_recv_oldest_value_longest_waiting_receiver(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: r1, program: [recv q, recv q]}\n"
                "  - {name: r2, program: [recv q]}\n"
                "  - {name: s, program: [cpu 1, send q 5, send q 7, send q]}\n", -1);
    /* r1 and r2 block in that order; 5 goes to r1, 7 to r2, 1 is queued
     * and taken by r1's second recv */
    assert_int_equal(ps_engine_regs(r.e, tk_pid(&r, "r1")).acc, 5 + 1);
    assert_int_equal(ps_engine_regs(r.e, tk_pid(&r, "r2")).acc, 7);
    ps_channel_stats ch = ps_engine_channel(r.e, 0);
    assert_int_equal(ch.sent, 3);
    assert_int_equal(ch.received_sum, 13);
    assert_int_equal(ch.queued, 0);
    tk_run_fini(&r);

    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: s, program: [send q 5, send q 7]}\n"
                "  - {name: r, program: [recv q, cpu 1]}\n", 0);
    assert_int_equal(ps_engine_regs(r.e, 2).acc, 5); /* the oldest first */
    assert_int_equal(ps_engine_channel(r.e, 0).queued, 1);
    tk_run_fini(&r);
}

/* O-recv: recv blocks while the channel is empty. */
static void rule_O_recv_blocks_while_empty(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: r, program: [recv q, cpu 1]}\n"
                "  - {name: s, program: [cpu 4, send q 9]}\n", -1);
    PATH("r", "new ready running blocked ready running exit");
    assert_int_equal(tk_when(&r, "r", PS_READY, 1), 4);
    long i = tk_find(&r, "r", PS_BLOCKED, 0);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_RECV_EMPTY);
    tk_run_fini(&r);
}

/* O-lock: lock blocks behind earlier waiters; unlock hands the mutex to
 * the first of them.  a holds m 0-3; b asks at 1, c at 2: b gets it at 3,
 * c when b unlocks at 5. */
static void rule_O_lock_waiters_get_the_mutex_in_order(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 3")
                "  - {name: a, program: [lock m, cpu 3, unlock m, cpu 5]}\n"
                "  - {name: c, program: [cpu 2, lock m, cpu 1, unlock m]}\n"
                "  - {name: b, program: [cpu 1, lock m, cpu 2, unlock m]}\n", 3);
    assert_int_equal(ps_engine_mutex_owner(r.e, 0), tk_pid(&r, "b"));
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    assert_int_equal(tk_when(&r, "b", PS_READY, 1), 3);
    assert_int_equal(tk_when(&r, "c", PS_READY, 1), 5);
    tk_run_fini(&r);
}

/* O-lock: a mutex is not re-entrant (Python's Lock): locking one's own
 * mutex again blocks for ever behind itself, a deadlock reported as such,
 * and the engine's invariants still hold (a fuzz_engine finding: the
 * check took the process in its own mutex's queue for a broken one).
 * When it is killed the mutex goes to the next waiter. */
static void rule_O_lock_of_ones_own_mutex_deadlocks(void **state)
{
    (void)state;
    tk_run r;
    char why[512], stuck[256];
    tk_run_yaml(&r, HEAD("cpus: 1")
                "  - {name: a, program: [lock m, lock m]}\n", -1);
    assert_int_equal(r.status, PS_STEP_STUCK);
    assert_int_equal(pcb(&r, "a")->state, PS_BLOCKED);
    assert_int_equal(ps_engine_mutex_owner(r.e, 0), tk_pid(&r, "a"));
    if (ps_engine_check(r.e, why, sizeof why))
        fail_msg("%s", why);
    assert_string_equal(ps_engine_stuck(r.e, PS_LANG_EN, stuck, sizeof stuck),
                        "deadlock at tick 0: a waits for mutex m held by a");
    tk_run_fini(&r);

    tk_run_yaml(&r, HEAD("cpus: 2")
                "  - {name: a, program: [lock m, lock m]}\n"
                "  - {name: b, program: [cpu 1, lock m, cpu 1, unlock m]}\n"
                "events:\n  - {at: 3, do: kill a}\n", 2);
    if (ps_engine_check(r.e, why, sizeof why))
        fail_msg("%s", why);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    assert_int_equal(tk_when(&r, "b", PS_READY, 1), 3);
    tk_run_fini(&r);
}

/* O-unlock: unlocking a mutex one does not hold does nothing.  b unlocks
 * a's mutex at 1: a still holds it, and b's own lock then blocks until a
 * unlocks at 5. */
static void rule_O_unlock_of_another_process_mutex_does_nothing(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 2")
                "  - {name: a, program: [lock m, cpu 5, unlock m]}\n"
                "  - {name: b, program: [cpu 1, unlock m, lock m, cpu 1]}\n", 2);
    assert_int_equal(ps_engine_mutex_owner(r.e, 0), 1);
    assert_int_equal(pcb(&r, "b")->state, PS_BLOCKED);
    assert_int_equal(tk_run_more(&r, -1), PS_STEP_DONE);
    assert_int_equal(tk_when(&r, "b", PS_READY, 1), 5);
    assert_int_equal(pcb(&r, "b")->finish, 6);
    tk_run_fini(&r);
}

/* O-exit: `exit C` ends the process with code C at once (what follows
 * never runs); after the last op, exit 0 is implied. */
static void rule_O_exit_with_code_and_implied_at_the_end(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("policy: fcfs")
                "  - {name: a, program: [cpu 1, exit 3, cpu 5]}\n"
                "  - {name: b, program: [cpu 1]}\n", -1);
    assert_int_equal(pcb(&r, "a")->exit_code, 3);
    assert_int_equal(pcb(&r, "a")->finish, 1);
    assert_int_equal(pcb(&r, "a")->cpu_time, 1);
    assert_int_equal(pcb(&r, "b")->exit_code, 0);
    long i = tk_find(&r, "b", PS_EXIT, 0);
    assert_int_equal(r.ev[i].cause, PS_CAUSE_PROGRAM_END);
    tk_run_fini(&r);
}

/* O-kill: `kill C` terminates the child in whatever live state it is
 * (here Blocked) with SIGTERM; killing a child that has exited does
 * nothing. */
static void rule_O_kill_terminates_a_child_with_sigterm(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 2")
                "  - {name: p, program: [spawn c, spawn d, cpu 2, kill c, kill d]}\n"
                "  - {name: c, parent: p, program: [sleep 10]}\n"
                "  - {name: d, parent: p, program: [cpu 1]}\n", -1);
    PATH("c", "new ready running blocked exit");
    assert_int_equal(tk_when(&r, "c", PS_EXIT, 0), 2);
    assert_int_equal(pcb(&r, "c")->term_signal, 15);
    assert_int_equal(pcb(&r, "d")->term_signal, 0); /* it had exited at 2 */
    tk_run_fini(&r);
}

/* O-cleanup: v, killed at 3 while the disk serves it and it holds m,
 * hands both on (q's queued request is served at once, w gets m), wakes
 * its parent p blocked in `wait v`, and its child g carries on.  x, killed
 * while queued for the disk, leaves the queue: y, behind it, is served
 * right after q. */
static void rule_O_cleanup_a_killed_process_lets_go_of_everything(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r, HEAD("cpus: 4")
                "  - {name: p, program: [spawn v, wait v]}\n"
                "  - {name: v, parent: p, program: [lock m, spawn g, io disk 10]}\n"
                "  - {name: g, parent: v, program: [cpu 8]}\n"
                "  - {name: q, program: [cpu 1, io disk 2]}\n"
                "  - {name: w, program: [cpu 1, lock m, cpu 1]}\n"
                "  - {name: x, arrival: 1, program: [io disk 1]}\n"
                "  - {name: y, arrival: 2, program: [io disk 1]}\n"
                "events:\n  - {at: 3, do: kill v}\n  - {at: 3, do: kill x}\n", -1);
    assert_int_equal(tk_when(&r, "v", PS_EXIT, 0), 3);
    assert_int_equal(tk_when(&r, "w", PS_READY, 1), 3);  /* got m */
    assert_int_equal(tk_when(&r, "q", PS_READY, 1), 5);  /* served 3-5 */
    assert_int_equal(tk_when(&r, "y", PS_READY, 1), 6);  /* then 5-6 */
    assert_int_equal(tk_when(&r, "p", PS_READY, 1), 3);  /* woken */
    assert_int_equal(pcb(&r, "g")->finish, 8);           /* carried on */
    assert_int_equal(pcb(&r, "g")->term_signal, 0);
    tk_run_fini(&r);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_O_cpu_takes_n_ticks),
        cmocka_unit_test(rule_O_add_reads_then_writes_each_increment),
        cmocka_unit_test(rule_O_io_one_request_at_a_time_first_come_first_served),
        cmocka_unit_test(rule_O_io_of_zero_ticks_still_blocks),
        cmocka_unit_test(rule_O_sleep_blocks_n_ticks_on_no_device),
        cmocka_unit_test(rule_O_spawn_creates_the_child_new_then_admits_it),
        cmocka_unit_test(rule_O_wait_child_returns_at_once_or_blocks),
        cmocka_unit_test(rule_O_wait_any_reaps_a_later_child_that_is_already_a_zombie),
        cmocka_unit_test(rule_O_wait_any_reaps_the_first_zombie_in_the_file),
        cmocka_unit_test(rule_O_send_O_recv_oldest_value_longest_waiting_receiver),
        cmocka_unit_test(rule_O_recv_blocks_while_empty),
        cmocka_unit_test(rule_O_lock_waiters_get_the_mutex_in_order),
        cmocka_unit_test(rule_O_lock_of_ones_own_mutex_deadlocks),
        cmocka_unit_test(rule_O_unlock_of_another_process_mutex_does_nothing),
        cmocka_unit_test(rule_O_exit_with_code_and_implied_at_the_end),
        cmocka_unit_test(rule_O_kill_terminates_a_child_with_sigterm),
        cmocka_unit_test(rule_O_cleanup_a_killed_process_lets_go_of_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
