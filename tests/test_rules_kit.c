/* test_rules_kit.c — the test kit the rule tests run on (testkit.h): its
 * runs stop where ps_engine_run stops, and its step budget cuts short a
 * run that would not end.  The failure message itself is shown by the
 * ctest case testkit/budget-exceeded-fails-the-test, which runs a suite
 * with a budget of 3 instants. */
#include <string.h>

#include "testkit.h"
#include "procsim/stats.h"

/* Instants at 0 (dispatch), 1 (sleep starts), 2 (woken), 3 (exit). */
static const char four_instants[] =
    "procsim: 1\ntitle: four instants\nprocesses:\n"
    "  - {name: a, program: [cpu 1, sleep 1, cpu 1]}\n";

static void budget_counts_instants_and_stops_the_run(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(four_instants);
    ps_engine *e = ps_engine_create(s);
    uint64_t steps;
    /* two instants allowed: the run is cut short, not done */
    assert_int_equal(tk_step_until(e, -1, 2, &steps), PS_STEP_OK);
    assert_int_equal(steps, 2);
    assert_int_equal(ps_engine_now(e), 1);
    /* enough: it ends, in exactly the four instants */
    assert_int_equal(tk_step_until(e, -1, 100, &steps), PS_STEP_DONE);
    assert_int_equal(steps, 2);
    assert_int_equal(ps_engine_pcb(e, 1)->finish, 3);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* The kit stops where ps_engine_run stops, with the same state.  (The
 * reference, ps_engine_run, has no step budget: the watchdog guards it.) */
static void stepping_stops_where_engine_run_stops(void **state)
{
    (void)state;
    static const char *const yaml[] = {
        four_instants,
        "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 2, cpus: 2}\nprocesses:\n"
        "  - {name: a, program: [cpu 5, io disk 3, cpu 2]}\n"
        "  - {name: b, arrival: 4, program: [cpu 3]}\n"
        "  - {name: c, program: [lock m, sleep 2, unlock m]}\n",
        "procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [recv q]}\n",
    };
    static const int64_t untils[] = {-1, 0, 1, 2, 3, 4, 7, 9, 100};
    for (size_t y = 0; y < sizeof yaml / sizeof yaml[0]; y++)
        for (size_t u = 0; u < sizeof untils / sizeof untils[0]; u++) {
            ps_scenario *s = tk_load(yaml[y]);
            ps_engine *ref = ps_engine_create(s), *kit = ps_engine_create(s);
            tk_watchdog(TK_WATCHDOG_SECONDS, "ps_engine_run");
            ps_step_status want = ps_engine_run(ref, untils[u]);
            tk_watchdog_off();
            ps_step_status got = tk_step_until(kit, untils[u], 1000, NULL);
            if (got != want || ps_engine_now(kit) != ps_engine_now(ref))
                fail_msg("scenario %zu until %lld: status %d at %lld, ps_engine_run gives "
                         "%d at %lld", y, (long long)untils[u], got,
                         (long long)ps_engine_now(kit), want, (long long)ps_engine_now(ref));
            for (uint32_t pid = 1; pid <= s->nprocs; pid++) {
                ps_proc_stats a, b;
                ps_stats_proc(ref, pid, &a);
                ps_stats_proc(kit, pid, &b);
                assert_int_equal(a.cpu, b.cpu);
                assert_int_equal(a.waiting, b.waiting);
                assert_int_equal(a.blocked, b.blocked);
                assert_int_equal(ps_engine_pcb(ref, pid)->state, ps_engine_pcb(kit, pid)->state);
            }
            ps_engine_destroy(ref);
            ps_engine_destroy(kit);
            ps_scenario_destroy(s);
        }
}

/* The budget scales with what can make instants: not with ticks of one
 * long burst, but with every tick of work cut into quanta or add steps. */
static void budget_scales_with_the_scenario(void **state)
{
    (void)state;
    ps_scenario *fcfs = tk_load("procsim: 1\ntitle: t\nprocesses:\n"
                                "  - {name: a, program: [cpu 1000000]}\n");
    ps_scenario *rr = tk_load("procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\n"
                              "processes:\n  - {name: a, program: [cpu 1000000]}\n");
    ps_scenario *add = tk_load("procsim: 1\ntitle: t\nprocesses:\n"
                               "  - {name: a, program: [add x 1000]}\n");
    assert_true(tk_step_budget(fcfs) < 100000);
    assert_true(tk_step_budget(rr) >= 1000000);
    assert_true(tk_step_budget(add) >= 2000);
    ps_scenario_destroy(fcfs);
    ps_scenario_destroy(rr);
    ps_scenario_destroy(add);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(budget_counts_instants_and_stops_the_run),
        cmocka_unit_test(stepping_stops_where_engine_run_stops),
        cmocka_unit_test(budget_scales_with_the_scenario),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
