/* test_random.c — invariants over thousands of random scenarios.
 *
 * Each scenario (fixed seeds, so failures reproduce) mixes policies, CPUs,
 * memory limits, switch costs, every op, parents and children, and
 * scripted suspend/resume/kill.  For each one: every transition is legal
 * (testkit checks each), the engine's invariants hold after every step
 * (ps_engine_check), the run ends (done, or stuck with a report)
 * within a bounded number of steps and each step returns (the watchdog),
 * memory is never over-committed, CPUs and Running processes agree, the
 * time a process spends in its states adds up to its lifetime, and a
 * second run gives the same trace. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testkit.h"

static uint64_t rng;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (unsigned)(rng % n);
}

typedef struct text {
    char buf[16384];
    size_t len;
} text;

static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->buf + t->len, sizeof t->buf - t->len, fmt, ap);
    va_end(ap);
    assert_true(n > 0 && t->len + (size_t)n < sizeof t->buf);
    t->len += (size_t)n;
}

static const char *const policies[] = {"fcfs", "sjf", "srtf", "priority",
                                       "priority-preemptive", "rr", "mlfq", "ostep",
                                       "lottery", "stride", "cfs"};

/* One random op for process i of n; children of i are i+1.. when i == 0. */
static void random_op(text *t, int *locked)
{
    switch (rnd(9)) {
    case 0: case 1: put(t, "cpu %u", 1 + rnd(6)); break;
    case 2: put(t, "io d%u %u", rnd(2), 1 + rnd(4)); break;
    case 3: put(t, "sleep %u", 1 + rnd(5)); break;
    case 4: put(t, "send q%u %u", rnd(2), rnd(100)); break;
    case 5: put(t, "recv q%u", rnd(2)); break;
    case 6: put(t, "add v %u", 1 + rnd(3)); break;
    case 7:
        if (*locked)
            put(t, "unlock m"), *locked = 0;
        else
            put(t, "lock m"), *locked = 1;
        break;
    default: put(t, "exit %u", rnd(3)); break;
    }
}

static void random_scenario(text *t)
{
    t->len = 0;
    int limited = rnd(2);
    unsigned n = 1 + rnd(7), kids = rnd(3);
    const char *policy = policies[rnd(sizeof policies / sizeof policies[0])];
    put(t, "procsim: 1\ntitle: random\nsystem: {cpus: %u, policy: %s, quantum: %u, "
           "switch_cost: %u%s", 1 + rnd(3), policy, 1 + rnd(4), rnd(3) == 0,
        limited ? ", memory: 100" : "");
    if (strcmp(policy, "mlfq") == 0)
        put(t, ", mlfq_boost: %u, mlfq_allotments: [%u, %u, %u], mlfq_stay: %s, "
               "mlfq_io_bump: %s", rnd(2) * 7, 1 + rnd(2), 1 + rnd(2), 1 + rnd(2),
            rnd(2) ? "true" : "false", rnd(2) ? "true" : "false");
    if (strcmp(policy, "ostep") == 0)
        put(t, ", switch: %s, io_done: %s", rnd(2) ? "on-io" : "on-end",
            rnd(2) ? "later" : "immediate");
    if (strcmp(policy, "lottery") == 0)
        put(t, ", seed: %u", rnd(100));
    if (strcmp(policy, "cfs") == 0)
        put(t, ", cfs_latency: %u, cfs_min_granularity: %u", 1 + rnd(8), 1 + rnd(2));
    put(t, "}\ndevices: [d0, d1]\nprocesses:\n");
    for (unsigned i = 0; i < n; i++) {
        int locked = 0;
        put(t, "  - {name: p%u, arrival: %u, priority: %u, memory: %u, ", i, rnd(6), rnd(3),
            rnd(4) * 20);
        if (!strcmp(policy, "lottery") || !strcmp(policy, "stride"))
            put(t, "tickets: %u, ", 1 + rnd(300));
        if (!strcmp(policy, "cfs"))
            put(t, "nice: %d, ", (int)rnd(40) - 20);
        put(t, "program: [");
        if (i == 0)
            for (unsigned k = 0; k < kids; k++)
                put(t, "spawn c%u, ", k);
        unsigned ops = rnd(6);
        for (unsigned k = 0; k < ops; k++) {
            random_op(t, &locked);
            put(t, ", ");
        }
        if (i == 0)
            for (unsigned k = 0; k < kids; k++)
                put(t, rnd(3) ? "wait c%u, " : "kill c%u, ", k);
        put(t, "cpu 1]}\n");
    }
    for (unsigned k = 0; k < kids; k++)
        put(t, "  - {name: c%u, parent: p0, memory: %u, program: [cpu %u, send q0 %u]}\n", k,
            rnd(3) * 20, 1 + rnd(5), k);
    unsigned events = rnd(5);
    if (events)
        put(t, "events:\n");
    static const char *const acts[] = {"suspend", "resume", "kill"};
    for (unsigned k = 0; k < events; k++)
        put(t, "  - {at: %u, do: %s p%u}\n", rnd(20), acts[rnd(3)], rnd(n));
}

static void check_step(const ps_engine *e, const char *yaml)
{
    char why[512];
    if (ps_engine_check(e, why, sizeof why))
        fail_msg("invariant broken: %s\n%s", why, yaml);
    const ps_scenario *s = ps_engine_scenario(e);
    int64_t used = ps_engine_memory_used(e);
    assert_true(used >= 0);
    if (s->memory != PS_UNLIMITED)
        assert_true(used <= s->memory);
    int64_t resident = 0;
    uint32_t running = 0;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        if (p->created && ps_state_resident((ps_state)p->state))
            resident += p->memory;
        running += p->created && p->state == PS_RUNNING;
    }
    assert_int_equal(resident, used);
    uint32_t busy = 0;
    for (uint32_t c = 0; c < ps_engine_ncpus(e); c++) {
        uint32_t pid = ps_engine_cpu(e, c)->pid;
        if (pid) {
            busy++;
            assert_int_equal(ps_engine_pcb(e, pid)->state, PS_RUNNING);
            assert_int_equal(ps_engine_pcb(e, pid)->cpu, c);
        }
    }
    assert_int_equal(busy, running);
}

/* Run seed's scenario `yaml` step by step, checking after each.  The step
 * budget catches a run that never ends, the watchdog a step that never
 * returns (it names the seed, as the scenario is too long for it). */
static void run_checked(tk_run *r, const char *yaml, uint64_t seed)
{
    char what[64];
    snprintf(what, sizeof what, "a step of seed %llu's scenario", (unsigned long long)seed);
    memset(r, 0, sizeof *r);
    tk_run_yaml(r, yaml, 0); /* nothing happens before tick 0 */
    uint64_t steps = 0, budget = tk_step_budget(r->s);
    tk_watchdog(TK_WATCHDOG_SECONDS, what);
    do {
        r->status = ps_engine_step(r->e);
        check_step(r->e, yaml);
        if (++steps >= budget) {
            tk_watchdog_off();
            fail_msg("step budget of %llu instants exceeded at tick %lld\n%s",
                     (unsigned long long)budget, (long long)ps_engine_now(r->e), yaml);
        }
    } while (r->status == PS_STEP_OK);
    tk_watchdog_off();
}

static void random_scenarios_keep_the_invariants(void **state)
{
    (void)state;
    text t;
    int done = 0, stuck = 0;
    for (uint64_t seed = 1; seed <= 3000; seed++) {
        rng = seed * 0x9E3779B97F4A7C15ull;
        random_scenario(&t);
        tk_run a, b;
        run_checked(&a, t.buf, seed);
        if (a.status != PS_STEP_DONE && a.status != PS_STEP_STUCK)
            fail_msg("seed %llu: status %d\n%s", (unsigned long long)seed, a.status, t.buf);
        done += a.status == PS_STEP_DONE;
        stuck += a.status == PS_STEP_STUCK;
        for (uint32_t pid = 1; pid <= a.s->nprocs; pid++) {
            const ps_pcb *p = ps_engine_pcb(a.e, pid);
            if (a.status == PS_STEP_DONE && p->created)
                assert_int_equal(p->state, PS_EXIT);
            if (p->state != PS_EXIT || !p->created)
                continue;
            int64_t sum = 0;
            for (int st = 0; st < PS_STATE_COUNT; st++)
                sum += p->state_time[st];
            if (sum != p->finish - p->arrival)
                fail_msg("seed %llu: %s spent %lld ticks in states, lived %lld\n%s",
                         (unsigned long long)seed, p->name, (long long)sum,
                         (long long)(p->finish - p->arrival), t.buf);
        }
        run_checked(&b, t.buf, seed);
        assert_int_equal(a.n, b.n);
        for (size_t i = 0; i < a.n; i++) {
            const ps_trace_event *x = &a.ev[i], *y = &b.ev[i];
            assert_true(x->time == y->time && x->pid == y->pid && x->from == y->from &&
                        x->to == y->to && x->event == y->event && x->cause == y->cause &&
                        x->a == y->a && x->b == y->b);
        }
        tk_run_fini(&a);
        tk_run_fini(&b);
    }
    /* the generator must exercise both endings */
    assert_true(done > 1000);
    assert_true(stuck > 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_scenarios_keep_the_invariants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
