/* test_engine_cost.c — what the engine's work costs, counted inside it
 * (white box: it reads the engine's private counters, so that a cost
 * that grows too fast fails here without timing anything).
 *
 * Rule O-wait-cost: a parent with N children looks at each of them at
 * most once over all its `wait any`s, however they meet them: zombies
 * reaped one after another, waits that block while every other child is
 * still to run, zombies that a `wait C` reaped first.  Walking the list
 * of children on every wait looked at about N^2 / 2.  And what it keeps
 * instead (a count and a heap per parent) agrees with the children lists
 * after every step of programs that reach each way a child ends or is
 * reaped: ps_engine_check says so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testkit.h"
#include "engine_internal.h" /* e->wait_any_looks (white box) */

enum { CHILDREN = 512 };

typedef struct shape {
    const char *what;
    const char *system;   /* the system: line */
    const char *middle;   /* ops between the spawns and the waits */
    int join_first;       /* this many `wait cK`s before the `wait any`s */
} shape;

static const shape shapes[] = {
    /* the parent sleeps while every child runs and exits: N zombies */
    {"zombies", "{cpus: 1, policy: fcfs}", "      - sleep 100000\n", 0},
    /* the parent is the most urgent: each exit wakes it at once, and its
       next wait blocks with every other child still to run */
    {"blocking", "{cpus: 1, policy: priority-preemptive}", "", 0},
    /* half the zombies are reaped by name first: the rest by wait any */
    {"joined first", "{cpus: 1, policy: fcfs}", "      - sleep 100000\n", CHILDREN / 2},
};

/* The scenario of shape `sh`, in a buffer the caller frees. */
static char *scenario(const shape *sh)
{
    size_t size = 4096 + CHILDREN * 128, len = 0;
    char *t = malloc(size);
    assert_non_null(t);
    len += (size_t)snprintf(t + len, size - len,
                            "procsim: 1\ntitle: t\nsystem: %s\nprocesses:\n"
                            "  - name: p\n    priority: 0\n    program:\n", sh->system);
    for (int i = 0; i < CHILDREN; i++)
        len += (size_t)snprintf(t + len, size - len, "      - spawn c%d\n", i);
    len += (size_t)snprintf(t + len, size - len, "%s", sh->middle);
    for (int i = 0; i < sh->join_first; i++)
        len += (size_t)snprintf(t + len, size - len, "      - wait c%d\n", i);
    len += (size_t)snprintf(t + len, size - len, "      - repeat %d:\n          - wait any\n",
                            CHILDREN - sh->join_first);
    for (int i = 0; i < CHILDREN; i++)
        len += (size_t)snprintf(t + len, size - len,
                                "  - {name: c%d, parent: p, priority: 1, program: [cpu 1]}\n", i);
    assert_true(len < size);
    return t;
}

static void rule_O_wait_cost_each_child_is_looked_at_once(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
        const shape *sh = &shapes[k];
        char *yaml = scenario(sh);
        tk_run r;
        tk_run_yaml(&r, yaml, -1);
        free(yaml);
        print_message("%s: wait any looked at %llu children of %d\n", sh->what,
                      (unsigned long long)r.e->wait_any_looks, CHILDREN);
        assert_int_equal(r.status, PS_STEP_DONE);
        const ps_pcb *p = ps_engine_pcb(r.e, 1);
        assert_int_equal(p->state, PS_EXIT);
        for (uint32_t pid = 2; pid <= ps_engine_nprocs(r.e); pid++)
            assert_true(ps_engine_pcb(r.e, pid)->reaped);
        assert_in_range(r.e->wait_any_looks, 0, CHILDREN);
        tk_run_fini(&r);
    }
}

/* Children that exit, are killed (by the parent, by a scripted event),
 * are joined by name, with a timeout, or by wait any, while the parent
 * runs, waits, is suspended or has exited; a child that is a parent too. */
static const char *const families[] = {
    "procsim: 1\ntitle: t\nsystem: {cpus: 2, policy: rr, quantum: 1}\nprocesses:\n"
    "  - {name: p, program: [spawn a, spawn b, spawn c, spawn d, wait b, wait any, kill d,"
    " wait any timeout 1, wait any, wait any, wait any]}\n"
    "  - {name: a, parent: p, program: [cpu 3, spawn g, wait any]}\n"
    "  - {name: b, parent: p, program: [cpu 1]}\n"
    "  - {name: c, parent: p, program: [sleep 4, cpu 1]}\n"
    "  - {name: d, parent: p, program: [cpu 20]}\n"
    "  - {name: g, parent: a, program: [cpu 2]}\n",
    "procsim: 1\ntitle: t\nsystem: {cpus: 1, policy: fcfs}\nprocesses:\n"
    "  - {name: p, program: [spawn a, spawn b, spawn c, wait any timeout 2, cpu 1, wait c]}\n"
    "  - {name: a, parent: p, program: [cpu 2]}\n"
    "  - {name: b, parent: p, program: [cpu 5]}\n"
    "  - {name: c, parent: p, program: [cpu 1]}\n"
    "events:\n  - {at: 1, do: suspend p}\n  - {at: 4, do: kill b}\n"
    "  - {at: 6, do: resume p}\n",
    "procsim: 1\ntitle: t\nsystem: {cpus: 2, policy: priority-preemptive}\nprocesses:\n"
    "  - {name: p, priority: 0, program: [spawn w, repeat 3: [wait any], exit 1]}\n"
    "  - {name: w, parent: p, copies: 5, priority: 1, program: [cpu 2, io disk 1]}\n"
    "devices: [disk]\n",
};

static void the_bookkeeping_of_wait_any_holds_after_every_step(void **state)
{
    (void)state;
    char why[512];
    for (size_t k = 0; k < sizeof families / sizeof *families; k++) {
        ps_scenario *s = tk_load(families[k]);
        ps_engine *e = ps_engine_create(s);
        assert_non_null(e);
        ps_step_status st;
        while ((st = ps_engine_step(e)) == PS_STEP_OK)
            if (ps_engine_check(e, why, sizeof why))
                fail_msg("scenario %zu: %s", k, why);
        assert_int_equal(st, PS_STEP_DONE);
        assert_int_equal(ps_engine_check(e, why, sizeof why), 0);
        ps_engine_destroy(e);
        ps_scenario_destroy(s);
    }
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_O_wait_cost_each_child_is_looked_at_once),
        cmocka_unit_test(the_bookkeeping_of_wait_any_holds_after_every_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
