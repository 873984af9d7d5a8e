/* test_engine_cost.c — what the engine's work costs, counted inside it
 * (white box: it reads the engine's private counters, so that a cost
 * that grows too fast fails here without timing anything).
 *
 * Rule O-wait-cost: a parent with N children looks at each of them at
 * most once over all its `wait any`s, however they meet them: zombies
 * reaped one after another, waits that block while every other child is
 * still to run, zombies that a `wait C` reaped first.  Walking the list
 * of children on every wait looked at about N^2 / 2. */
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

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_O_wait_cost_each_child_is_looked_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
