/* test_observe.c — the engine's observed mode (engine.h, "observed
 * mode"): a host moves the processes, the engine keeps the PCBs, the
 * accounting, the CPUs and the listener as in a model run and decides
 * nothing itself.
 *
 * Table-driven over the table of legal transitions (PS_TRANSITIONS,
 * expanded here, not asked of the engine): every row is accepted from its
 * state, and every other (from, to, event) is refused with nothing
 * changed.  Then the CPUs, creation and parent links, the accounting and
 * the statistics of a whole observed run with every move the listener
 * heard, what step and run return, and that no policy, memory, timer,
 * program or intervention acts on an observed engine.  ps_engine_check
 * holds after every call (each goes through obs_*). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testkit.h"
#include "procsim/stats.h"

/* Eight slots on two CPUs.  Their programs, memory, priorities and the
 * system's policy would all act in a model run; an observed engine must
 * ignore them. */
static const char *const scenario_yaml =
    "procsim: 1\n"
    "title: observed slots\n"
    "system: {policy: priority-preemptive, cpus: 2, memory: 10}\n"
    "devices: [disk]\n"
    "events:\n"
    "  - {at: 2, do: suspend a}\n"
    "processes:\n"
    "  - {name: a, arrival: 0, priority: 3, memory: 8, program: [recv tasks, cpu 5]}\n"
    "  - {name: b, arrival: 0, priority: 1, memory: 4, program: [io disk 3, send tasks 1]}\n"
    "  - {name: c, arrival: 1, priority: 2, program: [spawn d, wait d]}\n"
    "  - {name: d, parent: c, program: [cpu 2]}\n"
    "  - {name: e, arrival: 0, program: [cpu 1]}\n"
    "  - {name: f, arrival: 0, program: [cpu 1]}\n"
    "  - {name: g, arrival: 0, program: [cpu 1]}\n"
    "  - {name: h, arrival: 0, program: [cpu 1]}\n";

#define NSLOTS 8
#define MAX_HEARD 256

typedef struct obs {
    ps_scenario *s;
    ps_engine *e;
    ps_trace_event heard[MAX_HEARD];
    size_t n;
    size_t op_events;
} obs;

static void hear(void *ctx, const ps_trace_event *ev)
{
    obs *o = ctx;
    assert_true(o->n < MAX_HEARD);
    o->heard[o->n++] = *ev;
}

static void hear_op(void *ctx, const ps_op_event *ev)
{
    (void)ev;
    ((obs *)ctx)->op_events++;
}

static void check(const obs *o)
{
    char why[512];
    if (ps_engine_check(o->e, why, sizeof why))
        fail_msg("ps_engine_check: %s", why);
}

static void obs_init(obs *o)
{
    memset(o, 0, sizeof *o);
    o->s = tk_load(scenario_yaml);
    o->e = ps_engine_create_observed(o->s);
    assert_non_null(o->e);
    assert_true(ps_engine_observed(o->e));
    ps_engine_set_listener(o->e, hear, o);
    ps_engine_set_op_listener(o->e, hear_op, o);
    check(o);
}

static void obs_fini(obs *o)
{
    ps_engine_destroy(o->e);
    ps_scenario_destroy(o->s);
}

/* Each call, then the invariants. */
static int obs_time(obs *o, int64_t t)
{
    int rc = ps_engine_observe_time(o->e, t);
    check(o);
    return rc;
}

static int obs_create(obs *o, uint32_t pid, uint32_t parent)
{
    int rc = ps_engine_observe_create(o->e, pid, parent, PS_CAUSE_FORKED, parent, 0);
    check(o);
    return rc;
}

static int obs_move(obs *o, uint32_t pid, ps_state to, ps_event ev, ps_cause cause, int64_t a,
                    int64_t b, uint32_t cpu)
{
    int rc = ps_engine_observe_move(o->e, pid, to, ev, cause, a, b, cpu);
    check(o);
    return rc;
}

static int obs_end(obs *o, uint32_t pid, int32_t code, int32_t sig)
{
    int rc = ps_engine_observe_end(o->e, pid, code, sig);
    check(o);
    return rc;
}

static int obs_reaped(obs *o, uint32_t pid)
{
    int rc = ps_engine_observe_reaped(o->e, pid);
    check(o);
    return rc;
}

static ps_state state_of(const obs *o, uint32_t pid)
{
    return (ps_state)ps_engine_pcb(o->e, pid)->state;
}

/* ---- the table of legal transitions, as the spec ------------------------ */

typedef struct row {
    const char *name;
    ps_state from, to;  /* kill: from PS_NONE stands for every live state */
    unsigned events;
} row;

static const row table[] = {
#define PS_X_(e, from, to, evs) {#e, PS_##from, PS_##to, evs},
    PS_TRANSITIONS(PS_X_)
#undef PS_X_
};
#define NROWS (sizeof table / sizeof table[0])

static int live_state(ps_state s) { return s != PS_EXIT && s < PS_STATE_COUNT; }

/* Does the table allow (from, to, ev)?  Which row, or -1. */
static int spec_row(ps_state from, ps_state to, unsigned ev)
{
    for (size_t r = 0; r < NROWS; r++) {
        const row *t = &table[r];
        if (ev >= PS_EVENT_COUNT || !(t->events & (1u << ev)) || t->to != to)
            continue;
        if (t->from == from || (ev == PS_EV_KILL && t->from == PS_NONE && live_state(from)))
            return (int)r;
    }
    return -1;
}

/* One legal way from New to each state, taken by a process on CPU 0. */
typedef struct move {
    ps_state to;
    ps_event ev;
} move;

static const struct {
    int n;
    move m[4];
} paths[PS_STATE_COUNT] = {
    [PS_NEW] = {0, {{0}}},
    [PS_READY] = {1, {{PS_READY, PS_EV_ADMIT}}},
    [PS_RUNNING] = {2, {{PS_READY, PS_EV_ADMIT}, {PS_RUNNING, PS_EV_DISPATCH}}},
    [PS_BLOCKED] = {3, {{PS_READY, PS_EV_ADMIT}, {PS_RUNNING, PS_EV_DISPATCH},
                        {PS_BLOCKED, PS_EV_WAIT}}},
    [PS_READY_SUSPENDED] = {2, {{PS_READY, PS_EV_ADMIT}, {PS_READY_SUSPENDED, PS_EV_SUSPEND}}},
    [PS_BLOCKED_SUSPENDED] = {4, {{PS_READY, PS_EV_ADMIT}, {PS_RUNNING, PS_EV_DISPATCH},
                                  {PS_BLOCKED, PS_EV_WAIT},
                                  {PS_BLOCKED_SUSPENDED, PS_EV_SUSPEND}}},
    [PS_EXIT] = {3, {{PS_READY, PS_EV_ADMIT}, {PS_RUNNING, PS_EV_DISPATCH},
                     {PS_EXIT, PS_EV_RELEASE}}},
};

/* Process 1 created at tick 0 and brought to `s`, a tick a move. */
static void reach(obs *o, ps_state s)
{
    assert_int_equal(obs_create(o, 1, 0), 0);
    for (int i = 0; i < paths[s].n; i++) {
        assert_int_equal(obs_time(o, i + 1), 0);
        assert_int_equal(obs_move(o, 1, paths[s].m[i].to, paths[s].m[i].ev, PS_CAUSE_ON_CPU,
                                  0, 0, 0),
                         0);
    }
    assert_int_equal(state_of(o, 1), s);
}

static void legal_row_accepted(ps_state from, const row *t, ps_event ev, int r)
{
    obs o;
    obs_init(&o);
    reach(&o, from);
    assert_int_equal(obs_time(&o, 10), 0);
    size_t before = o.n;
    if (obs_move(&o, 1, t->to, ev, PS_CAUSE_WOKEN, 7, 8, 1))
        fail_msg("%s (%s by %s) refused", t->name, ps_state_token(from), ps_event_token(ev));
    assert_int_equal(state_of(&o, 1), t->to);
    assert_int_equal(o.n, before + 1);
    const ps_trace_event *h = &o.heard[before];
    assert_int_equal(h->time, 10);
    assert_int_equal(h->pid, 1);
    assert_int_equal(h->from, from);
    assert_int_equal(h->to, t->to);
    assert_int_equal(h->event, ev);
    assert_int_equal(h->cause, PS_CAUSE_WOKEN);
    assert_int_equal(h->kind, r);
    assert_int_equal(h->a, 7);
    assert_int_equal(h->b, 8);
    if (t->to == PS_RUNNING) {
        assert_int_equal(ps_engine_cpu(o.e, 1)->pid, 1);
        assert_int_equal(ps_engine_pcb(o.e, 1)->cpu, 1);
    }
    obs_fini(&o);
}

static void every_row_of_the_table_is_accepted(void **state)
{
    (void)state;
    unsigned rows_seen = 0;
    for (size_t r = 0; r < NROWS; r++) {
        const row *t = &table[r];
        if (t->from == PS_NONE && t->to == PS_NEW) { /* create */
            obs o;
            obs_init(&o);
            assert_int_equal(ps_engine_observe_create(o.e, 3, 0, PS_CAUSE_FORKED, 0, 5), 0);
            check(&o);
            assert_int_equal(o.n, 1);
            assert_int_equal(o.heard[0].kind, (int)r);
            assert_int_equal(o.heard[0].from, PS_NONE);
            assert_int_equal(o.heard[0].cause, PS_CAUSE_FORKED);
            assert_int_equal(o.heard[0].b, 5);
            obs_fini(&o);
            rows_seen |= 1u << r;
            continue;
        }
        for (unsigned ev = 0; ev < PS_EVENT_COUNT; ev++) {
            if (!(t->events & (1u << ev)))
                continue;
            for (int from = 0; from < PS_STATE_COUNT; from++) {
                if (t->from == PS_NONE ? !live_state((ps_state)from) : from != (int)t->from)
                    continue;
                legal_row_accepted((ps_state)from, t, (ps_event)ev, (int)r);
                rows_seen |= 1u << r;
            }
        }
    }
    assert_int_equal(rows_seen, (1u << NROWS) - 1);
    assert_int_equal(NROWS, PS_TRANSITION_COUNT);
}

/* What a refused call must leave as it was. */
typedef struct snapshot {
    ps_pcb pcb[NSLOTS];
    ps_cpu cpu[2];
    int64_t now, mem;
    uint64_t transitions;
    size_t heard;
    uint32_t queue[PS_STATE_COUNT][NSLOTS + 1];
} snapshot;

static void take(const obs *o, snapshot *s)
{
    memset(s, 0, sizeof *s);
    assert_int_equal(ps_engine_nprocs(o->e), NSLOTS);
    memcpy(s->pcb, ps_engine_pcb(o->e, 1), sizeof s->pcb);
    for (uint32_t c = 0; c < 2; c++)
        memcpy(&s->cpu[c], ps_engine_cpu(o->e, c), sizeof s->cpu[c]);
    s->now = ps_engine_now(o->e);
    s->mem = ps_engine_memory_used(o->e);
    s->transitions = ps_engine_transitions(o->e);
    s->heard = o->n;
    for (int st = 0; st < PS_STATE_COUNT; st++)
        s->queue[st][0] = ps_engine_queue(o->e, (ps_state)st, s->queue[st] + 1, NSLOTS);
}

static void unchanged(const obs *o, const snapshot *before, const char *what)
{
    snapshot now;
    take(o, &now);
    if (memcmp(&now, before, sizeof now))
        fail_msg("%s changed the engine", what);
}

static void every_other_move_is_refused_and_changes_nothing(void **state)
{
    (void)state;
    int refused = 0;
    for (int from = 0; from < PS_STATE_COUNT; from++)
        for (int to = 0; to <= PS_NONE + 1; to++)
            for (unsigned ev = 0; ev <= PS_EVENT_COUNT; ev++) {
                if (spec_row((ps_state)from, (ps_state)to, ev) >= 0)
                    continue;
                obs o;
                obs_init(&o);
                reach(&o, (ps_state)from);
                snapshot before;
                take(&o, &before);
                char what[96];
                snprintf(what, sizeof what, "%s -> %d by %u", ps_state_token((ps_state)from),
                         to, ev);
                if (obs_move(&o, 1, (ps_state)to, (ps_event)ev, PS_CAUSE_WOKEN, 0, 0, 1) != -1)
                    fail_msg("%s accepted", what);
                unchanged(&o, &before, what);
                obs_fini(&o);
                refused++;
            }
    assert_true(refused > 400);
}

static void a_process_never_created_cannot_move(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    snapshot before;
    take(&o, &before);
    for (uint32_t pid = 0; pid <= NSLOTS + 1; pid++) {
        assert_int_equal(obs_move(&o, pid, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0), -1);
        assert_int_equal(obs_move(&o, pid, PS_EXIT, PS_EV_KILL, PS_CAUSE_USER_KILL, 0, 0, 0), -1);
        assert_int_equal(obs_end(&o, pid, 0, 0), -1);
        assert_int_equal(obs_reaped(&o, pid), -1);
    }
    unchanged(&o, &before, "a move of a process never created");
    /* a cause out of the list is refused too */
    assert_int_equal(obs_create(&o, 1, 0), 0);
    take(&o, &before);
    assert_int_equal(obs_move(&o, 1, PS_READY, PS_EV_ADMIT, PS_CAUSE_COUNT, 0, 0, 0), -1);
    unchanged(&o, &before, "a cause out of range");
    obs_fini(&o);
}

/* ---- CPUs ---------------------------------------------------------------- */

static void running_takes_a_free_cpu_in_range(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    for (uint32_t pid = 1; pid <= 3; pid++) {
        assert_int_equal(obs_create(&o, pid, 0), 0);
        assert_int_equal(obs_move(&o, pid, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0), 0);
    }
    assert_int_equal(obs_move(&o, 1, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 1, 0, 1), 0);
    assert_int_equal(ps_engine_cpu(o.e, 1)->pid, 1);
    assert_int_equal(ps_engine_cpu(o.e, 0)->pid, 0);

    snapshot before;
    take(&o, &before);
    assert_int_equal(obs_move(&o, 2, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 1, 0, 1), -1);
    unchanged(&o, &before, "a dispatch to a taken cpu");
    assert_int_equal(obs_move(&o, 2, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 2, 0, 2), -1);
    assert_int_equal(obs_move(&o, 2, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0,
                              UINT32_MAX),
                     -1);
    unchanged(&o, &before, "a dispatch to a cpu out of range");

    assert_int_equal(obs_move(&o, 2, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0, 0), 0);
    assert_int_equal(ps_engine_cpu(o.e, 0)->pid, 2);
    assert_int_equal(ps_engine_pcb(o.e, 2)->cpu, 0);
    /* both taken now; leaving frees one, and another may take it */
    assert_int_equal(obs_move(&o, 3, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0, 0), -1);
    assert_int_equal(obs_move(&o, 1, PS_READY, PS_EV_PREEMPT, PS_CAUSE_WAITING_CPU, 3, 1, 0), 0);
    assert_int_equal(ps_engine_cpu(o.e, 1)->pid, 0);
    assert_int_equal(obs_move(&o, 3, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 1, 0, 1), 0);
    /* the cpu of a move to anything but Running is ignored */
    assert_int_equal(obs_move(&o, 3, PS_BLOCKED, PS_EV_WAIT, PS_CAUSE_SYS_SLEEP, 5, 0, 99), 0);
    assert_int_equal(ps_engine_cpu(o.e, 1)->pid, 0);
    obs_fini(&o);
}

/* ---- creation and parents ----------------------------------------------- */

static void create_refuses_twice_out_of_range_and_unknown_parents(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    snapshot before;
    take(&o, &before);
    assert_int_equal(obs_create(&o, 0, 0), -1);
    assert_int_equal(obs_create(&o, NSLOTS + 1, 0), -1);
    assert_int_equal(obs_create(&o, 1, 2), -1);          /* parent not created */
    assert_int_equal(obs_create(&o, 1, 1), -1);          /* itself */
    assert_int_equal(obs_create(&o, 1, NSLOTS + 1), -1); /* parent out of range */
    assert_int_equal(ps_engine_observe_create(o.e, 1, 0, PS_CAUSE_COUNT, 0, 0), -1);
    unchanged(&o, &before, "a refused create");

    assert_int_equal(obs_create(&o, 1, 0), 0);
    take(&o, &before);
    assert_int_equal(obs_create(&o, 1, 0), -1);
    assert_int_equal(obs_move(&o, 1, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0), 0);
    take(&o, &before);
    assert_int_equal(obs_create(&o, 1, 0), -1); /* whatever its state */
    unchanged(&o, &before, "a second create");
    obs_fini(&o);
}

static void children_are_listed_by_their_parent_in_the_order_they_came(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    assert_int_equal(obs_create(&o, 1, 0), 0);
    assert_int_equal(obs_time(&o, 1), 0);
    assert_int_equal(obs_create(&o, 5, 1), 0);
    assert_int_equal(obs_create(&o, 2, 1), 0);
    assert_int_equal(obs_create(&o, 3, 2), 0);
    assert_int_equal(obs_time(&o, 4), 0);
    assert_int_equal(obs_create(&o, 4, 1), 0);

    static const struct {
        uint32_t pid, parent, first_child, next_sibling;
    } want[] = {
        {1, 0, 5, 0}, {5, 1, 0, 2}, {2, 1, 3, 4}, {3, 2, 0, 0}, {4, 1, 0, 0},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const ps_pcb *p = ps_engine_pcb(o.e, want[i].pid);
        assert_true(p->created);
        assert_int_equal(p->parent, want[i].parent);
        assert_int_equal(p->first_child, want[i].first_child);
        assert_int_equal(p->next_sibling, want[i].next_sibling);
        assert_int_equal(state_of(&o, want[i].pid), PS_NEW);
    }
    assert_int_equal(ps_engine_pcb(o.e, 4)->arrival, 4);
    assert_int_equal(ps_engine_pcb(o.e, 2)->arrival, 1);
    /* the scenario's own parent (d of c) is forgotten */
    assert_int_equal(ps_engine_pcb(o.e, 4)->parent, 1);
    assert_int_equal(ps_engine_pcb(o.e, 3)->first_child, 0);
    obs_fini(&o);
}

/* ---- a whole run: accounting, statistics, every move heard -------------- */

typedef struct timed {
    int64_t t;
    uint32_t pid;
    ps_state to;
    ps_event ev;
    ps_cause cause;
    int64_t a, b;
    uint32_t cpu;
} timed;

/* 1 and its child 2 on one CPU each, 2 ends killed while suspended. */
static const timed run_moves[] = {
    {1, 1, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0},
    {2, 2, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0},
    {3, 1, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0, 0},
    {3, 2, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 1, 0, 1},
    {7, 1, PS_BLOCKED, PS_EV_WAIT, PS_CAUSE_SYS_WAIT4, 2, 0, 0},
    {8, 2, PS_READY_SUSPENDED, PS_EV_SUSPEND, PS_CAUSE_USER_SUSPEND, 0, 0, 0},
    {9, 1, PS_READY, PS_EV_WAKE, PS_CAUSE_WOKEN, 0, 0, 0},
    {10, 1, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0, 0},
    {12, 1, PS_READY_SUSPENDED, PS_EV_SUSPEND, PS_CAUSE_STOPPED_BY, 0, 19, 0},
    {14, 2, PS_EXIT, PS_EV_KILL, PS_CAUSE_KILLED_BY, 9, 1, 0},
    {15, 1, PS_READY, PS_EV_ACTIVATE, PS_CAUSE_USER_RESUME, 0, PS_UNLIMITED, 0},
    {16, 1, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 1, 0, 1},
    {20, 1, PS_EXIT, PS_EV_RELEASE, PS_CAUSE_EXIT_STATUS, 3, 0, 0},
};
#define NRUN (sizeof run_moves / sizeof run_moves[0])

static void observed_run(obs *o)
{
    assert_int_equal(obs_create(o, 1, 0), 0);
    assert_int_equal(obs_create(o, 2, 1), 0);
    for (size_t i = 0; i < NRUN; i++) {
        const timed *m = &run_moves[i];
        assert_int_equal(obs_time(o, m->t), 0);
        if (m->to == PS_EXIT)
            assert_int_equal(obs_end(o, m->pid, m->pid == 1 ? 3 : -9, m->pid == 1 ? 0 : 9), 0);
        if (obs_move(o, m->pid, m->to, m->ev, m->cause, m->a, m->b, m->cpu))
            fail_msg("move %zu refused", i);
    }
}

static void the_listener_hears_every_move_with_its_cause(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    observed_run(&o);
    assert_int_equal(o.n, 2 + NRUN);
    for (uint32_t i = 0; i < 2; i++) {
        assert_int_equal(o.heard[i].pid, i + 1);
        assert_int_equal(o.heard[i].event, PS_EV_CREATE);
        assert_int_equal(o.heard[i].a, i); /* FORKED a = the parent */
    }
    ps_state was[3] = {PS_NONE, PS_NEW, PS_NEW};
    for (size_t i = 0; i < NRUN; i++) {
        const timed *m = &run_moves[i];
        const ps_trace_event *h = &o.heard[2 + i];
        assert_int_equal(h->time, m->t);
        assert_int_equal(h->pid, m->pid);
        assert_int_equal(h->from, was[m->pid]);
        assert_int_equal(h->to, m->to);
        assert_int_equal(h->event, m->ev);
        assert_int_equal(h->cause, m->cause);
        assert_int_equal(h->a, m->a);
        assert_int_equal(h->b, m->b);
        assert_int_equal(h->kind, spec_row(was[m->pid], m->to, m->ev));
        was[m->pid] = m->to;
    }
    assert_int_equal(ps_engine_transitions(o.e), 2 + NRUN);
    assert_int_equal(o.op_events, 0); /* no memory, no objects */
    obs_fini(&o);
}

static void accounting_and_statistics_of_an_observed_run(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    observed_run(&o);
    const ps_pcb *p = ps_engine_pcb(o.e, 1);
    assert_int_equal(p->arrival, 0);
    assert_int_equal(p->first_run, 3);
    assert_int_equal(p->finish, 20);
    assert_int_equal(p->switches, 3);
    assert_int_equal(p->cpu_time, 4 + 2 + 4);
    assert_int_equal(p->state_time[PS_NEW], 1);
    assert_int_equal(p->state_time[PS_READY], 2 + 1 + 1);
    assert_int_equal(p->state_time[PS_RUNNING], 10);
    assert_int_equal(p->state_time[PS_BLOCKED], 2);
    assert_int_equal(p->state_time[PS_READY_SUSPENDED], 3);
    assert_int_equal(p->exit_code, 3);
    assert_int_equal(p->term_signal, 0);
    assert_false(p->user_suspended);
    assert_int_equal(p->regs.pc, 0); /* its program never ran */

    const ps_pcb *q = ps_engine_pcb(o.e, 2);
    assert_int_equal(q->first_run, 3);
    assert_int_equal(q->finish, 14);
    assert_int_equal(q->cpu_time, 5);
    assert_int_equal(q->term_signal, 9);
    assert_int_equal(q->last_signal, 9);
    assert_int_equal(q->exit_code, -9);
    assert_false(q->user_suspended); /* an exited process is held by nothing */

    ps_proc_stats st;
    ps_stats_proc(o.e, 1, &st);
    assert_int_equal(st.turnaround, 20);
    assert_int_equal(st.waiting, 4);
    assert_int_equal(st.response, 3);
    assert_int_equal(st.cpu, 10);
    assert_int_equal(st.blocked, 2);
    assert_int_equal(st.suspended, 3);
    assert_int_equal(st.new_time, 1);
    assert_int_equal(st.switches, 3);
    assert_int_equal(st.swaps, 2); /* out and in by the suspend, as in the model */
    ps_stats_proc(o.e, 2, &st);
    assert_int_equal(st.turnaround, 14);
    assert_int_equal(st.waiting, 1);
    assert_int_equal(st.suspended, 6);
    assert_int_equal(st.term_signal, 9);
    ps_stats_proc(o.e, 3, &st);
    assert_false(st.created);

    ps_summary sum;
    ps_stats_summary(o.e, &sum);
    assert_int_equal(sum.finished, 2);
    assert_int_equal(sum.end, 20);
    assert_true(sum.cpu_utilisation > 0.374 && sum.cpu_utilisation < 0.376); /* 15 / 40 */
    assert_int_equal(sum.transitions, 2 + NRUN);
    obs_fini(&o);
}

static void cpu_time_grows_with_the_ticks_running(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    assert_int_equal(obs_create(&o, 1, 0), 0);
    assert_int_equal(obs_move(&o, 1, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0), 0);
    assert_int_equal(obs_time(&o, 2), 0);
    assert_int_equal(obs_move(&o, 1, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0, 0), 0);
    for (int64_t t = 3; t <= 9; t += 3) {
        assert_int_equal(obs_time(&o, t), 0);
        assert_int_equal(ps_engine_pcb(o.e, 1)->cpu_time, t - 2);
        assert_int_equal(ps_engine_cpu(o.e, 0)->busy, t - 2);
    }
    assert_int_equal(obs_time(&o, 9), 0); /* the same tick again is fine */
    snapshot before;
    take(&o, &before);
    assert_int_equal(obs_time(&o, 8), -1); /* time does not go back */
    unchanged(&o, &before, "time going back");
    obs_fini(&o);
}

/* ---- suspend, exit, reaping ----------------------------------------------- */

static void suspend_holds_activate_releases_and_queues_are_first_come(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    /* priorities 3, 1, 2: the policy's order would be 2, 3, 1 */
    for (uint32_t pid = 1; pid <= 3; pid++)
        assert_int_equal(obs_create(&o, pid, 0), 0);
    static const uint32_t order[] = {3, 1, 2};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(obs_time(&o, i + 1), 0);
        assert_int_equal(
            obs_move(&o, order[i], PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0), 0);
    }
    uint32_t q[NSLOTS];
    assert_int_equal(ps_engine_queue(o.e, PS_READY, q, NSLOTS), 3);
    assert_memory_equal(q, order, sizeof order);

    assert_int_equal(obs_move(&o, 1, PS_READY_SUSPENDED, PS_EV_SUSPEND, PS_CAUSE_USER_SUSPEND,
                              0, 0, 0),
                     0);
    assert_true(ps_engine_pcb(o.e, 1)->user_suspended);
    assert_int_equal(ps_engine_queue(o.e, PS_READY_SUSPENDED, q, NSLOTS), 1);
    assert_int_equal(q[0], 1);
    assert_int_equal(obs_time(&o, 4), 0);
    assert_int_equal(obs_move(&o, 1, PS_READY, PS_EV_ACTIVATE, PS_CAUSE_USER_RESUME, 0, 0, 0),
                     0);
    assert_false(ps_engine_pcb(o.e, 1)->user_suspended);
    assert_int_equal(ps_engine_queue(o.e, PS_READY, q, NSLOTS), 3);
    assert_int_equal(q[2], 1); /* joined last: at the back */

    /* suspended while blocked, woken while suspended: still held */
    assert_int_equal(obs_move(&o, 2, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0, 0), 0);
    assert_int_equal(obs_move(&o, 2, PS_BLOCKED, PS_EV_WAIT, PS_CAUSE_SYS_PIPE_READ, 1, 0, 0), 0);
    assert_int_equal(obs_move(&o, 2, PS_BLOCKED_SUSPENDED, PS_EV_SUSPEND, PS_CAUSE_USER_SUSPEND,
                              0, 0, 0),
                     0);
    assert_int_equal(obs_move(&o, 2, PS_READY_SUSPENDED, PS_EV_WAKE, PS_CAUSE_WOKEN, 0, 0, 0), 0);
    assert_true(ps_engine_pcb(o.e, 2)->user_suspended);
    assert_int_equal(obs_move(&o, 2, PS_READY, PS_EV_ACTIVATE, PS_CAUSE_CONTINUED_BY, 0, 0, 0),
                     0);
    assert_false(ps_engine_pcb(o.e, 2)->user_suspended);
    assert_int_equal(ps_engine_pcb(o.e, 2)->wait_kind, PS_WAIT_NOTHING);
    obs_fini(&o);
}

static void end_and_reaped(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    reach(&o, PS_BLOCKED);
    assert_int_equal(obs_reaped(&o, 1), -1); /* not in Exit */
    assert_false(ps_engine_pcb(o.e, 1)->reaped);
    assert_int_equal(obs_end(&o, 1, 0, 15), 0);
    assert_int_equal(obs_move(&o, 1, PS_EXIT, PS_EV_KILL, PS_CAUSE_KILLED_BY, 15, 0, 0), 0);
    assert_int_equal(ps_engine_pcb(o.e, 1)->term_signal, 15);
    assert_false(ps_engine_pcb(o.e, 1)->reaped); /* a zombie */
    assert_int_equal(obs_reaped(&o, 1), 0);
    assert_true(ps_engine_pcb(o.e, 1)->reaped);
    obs_fini(&o);
}

/* ---- nothing of its own ------------------------------------------------- */

static void step_is_done_only_when_every_created_process_exited(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    assert_int_equal(ps_engine_step(o.e), PS_STEP_DONE); /* none created */
    assert_int_equal(obs_create(&o, 1, 0), 0);
    assert_int_equal(obs_create(&o, 2, 1), 0);
    assert_int_equal(obs_move(&o, 1, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0), 0);
    assert_int_equal(obs_time(&o, 3), 0);
    snapshot before;
    take(&o, &before);
    assert_int_equal(ps_engine_step(o.e), PS_STEP_OK);
    assert_int_equal(ps_engine_run(o.e, 100), PS_STEP_OK);
    assert_int_equal(ps_engine_run(o.e, -1), PS_STEP_OK);
    check(&o);
    unchanged(&o, &before, "step and run");
    assert_int_equal(obs_move(&o, 1, PS_EXIT, PS_EV_KILL, PS_CAUSE_USER_KILL, 0, 0, 0), 0);
    assert_int_equal(ps_engine_step(o.e), PS_STEP_OK); /* 2 is still New */
    assert_int_equal(obs_move(&o, 2, PS_EXIT, PS_EV_KILL, PS_CAUSE_USER_KILL, 0, 0, 0), 0);
    assert_int_equal(ps_engine_step(o.e), PS_STEP_DONE);
    assert_int_equal(ps_engine_run(o.e, 50), PS_STEP_DONE);
    assert_int_equal(ps_engine_now(o.e), 3);
    obs_fini(&o);
}

static void no_policy_memory_timer_program_or_intervention_acts(void **state)
{
    (void)state;
    obs o;
    obs_init(&o);
    /* arrivals at 0 and 1, a scripted suspend at 2, the policy: none happen */
    assert_int_equal(ps_engine_next(o.e), -1);
    assert_int_equal(obs_time(&o, 50), 0);
    for (uint32_t pid = 1; pid <= NSLOTS; pid++)
        assert_false(ps_engine_pcb(o.e, pid)->created);
    assert_int_equal(o.n, 0);

    /* a needs 8 units of 10 and b 4, which would not fit beside it: nothing is held */
    assert_int_equal(obs_create(&o, 1, 0), 0);
    assert_int_equal(obs_create(&o, 2, 0), 0);
    assert_int_equal(obs_move(&o, 1, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0), 0);
    assert_int_equal(obs_move(&o, 1, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, 0, 0, 0), 0);
    assert_int_equal(ps_engine_memory_used(o.e), 0);
    assert_int_equal(ps_engine_pcb(o.e, 1)->memory, 0);
    ps_open_file files[4];
    assert_int_equal(ps_engine_open_files(o.e, 1, files, 4), 0); /* recv tasks is not run */

    /* b is admitted straight to Ready/Suspend: no swapper brings it in */
    assert_int_equal(obs_move(&o, 2, PS_READY_SUSPENDED, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0),
                     0);
    assert_int_equal(obs_time(&o, 60), 0);
    assert_int_equal(ps_engine_step(o.e), PS_STEP_OK);
    assert_int_equal(ps_engine_run(o.e, 200), PS_STEP_OK);
    assert_int_equal(state_of(&o, 2), PS_READY_SUSPENDED);
    assert_int_equal(state_of(&o, 1), PS_RUNNING);
    assert_int_equal(ps_engine_pcb(o.e, 1)->regs.pc, 0);

    /* the interventions are the host's, not the engine's */
    snapshot before;
    take(&o, &before);
    assert_int_equal(ps_engine_suspend(o.e, 1), -1);
    assert_int_equal(ps_engine_kill(o.e, 1), -1);
    assert_int_equal(ps_engine_resume(o.e, 2), -1);
    assert_int_equal(ps_engine_died(o.e, 1, 9), -1);
    check(&o);
    unchanged(&o, &before, "an intervention");
    assert_int_equal(o.op_events, 0);
    obs_fini(&o);
}

static void a_model_engine_refuses_every_observation(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(scenario_yaml);
    ps_engine *e = ps_engine_create(s);
    assert_false(ps_engine_observed(e));
    assert_int_equal(ps_engine_observe_time(e, 5), -1);
    assert_int_equal(ps_engine_now(e), 0);
    assert_int_equal(ps_engine_observe_create(e, 1, 0, PS_CAUSE_FORKED, 0, 0), -1);
    assert_false(ps_engine_pcb(e, 1)->created);
    assert_int_equal(ps_engine_step(e), PS_STEP_OK); /* a and b arrive */
    assert_int_equal(ps_engine_observe_move(e, 5, PS_EXIT, PS_EV_KILL, PS_CAUSE_USER_KILL, 0, 0,
                                            0),
                     -1);
    assert_int_not_equal(ps_engine_pcb(e, 5)->state, PS_EXIT);
    assert_int_equal(ps_engine_observe_end(e, 5, 1, 0), -1);
    assert_int_equal(ps_engine_observe_reaped(e, 5), -1);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_row_of_the_table_is_accepted),
        cmocka_unit_test(every_other_move_is_refused_and_changes_nothing),
        cmocka_unit_test(a_process_never_created_cannot_move),
        cmocka_unit_test(running_takes_a_free_cpu_in_range),
        cmocka_unit_test(create_refuses_twice_out_of_range_and_unknown_parents),
        cmocka_unit_test(children_are_listed_by_their_parent_in_the_order_they_came),
        cmocka_unit_test(the_listener_hears_every_move_with_its_cause),
        cmocka_unit_test(accounting_and_statistics_of_an_observed_run),
        cmocka_unit_test(cpu_time_grows_with_the_ticks_running),
        cmocka_unit_test(suspend_holds_activate_releases_and_queues_are_first_come),
        cmocka_unit_test(end_and_reaped),
        cmocka_unit_test(step_is_done_only_when_every_created_process_exited),
        cmocka_unit_test(no_policy_memory_timer_program_or_intervention_acts),
        cmocka_unit_test(a_model_engine_refuses_every_observation),
    };
    tk_filter_from_env();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
