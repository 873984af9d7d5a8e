/* engine.c — the instant loop, the timers, scripted events, and the one
 * function through which every state change passes (ps__transition).
 *
 * An instant is one tick at which something happens.  ps_engine_step pops
 * every timer due at that tick, in class order (CPU slices end, then
 * devices and sleeps finish, then scripted events, then arrivals), and
 * then settles: admission, swapping and dispatch, repeated until nothing
 * moves.  Ops that take no time run inside the settle, so a whole chain of
 * consequences happens in the same instant.  Two conventions move a step
 * (docs/engine.md, "Conventions"): rr_arrival after-preempted settles the
 * expired quanta right after the CPU timers, same_tick completion-first
 * settles once before the arrivals too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

/* ---- the one door ---------------------------------------------------- */

ps__queue ps__queue_of(ps_state s)
{
    switch (s) {
    case PS_READY: return PS__Q_READY;
    case PS_READY_SUSPENDED: return PS__Q_SWAPPED;
    case PS_BLOCKED_SUSPENDED: return PS__Q_SWAPPED_BLOCKED;
    case PS_BLOCKED: return PS__Q_BLOCKED;
    case PS_NEW:
    case PS_RUNNING:
    case PS_EXIT:
    case PS_NONE:
        break;
    }
    return PS__Q_COUNT;
}

static void join_queue(ps_engine *e, ps_pcb *p, ps_event ev)
{
    ps__queue q = ps__queue_of((ps_state)p->state);
    if (q == PS__Q_BLOCKED && !p->memory)
        return; /* swapping it out would free nothing */
    if (q != PS__Q_COUNT && (q == PS__Q_READY || !p->user_suspended))
        ps__pheap_push(e, q, p->pid, ev);
}

void ps__enter(const ps_engine *e)
{
    if (e->in_listener)
        abort(); /* a listener called back into the engine: see engine.h */
}

void ps__exec_event(ps_engine *e, uint32_t pid, uint32_t pc, ps_op_kind op, ps_exec_phase phase,
                  int64_t a, int64_t b)
{
    if (!e->exec_listener)
        return;
    const ps_op *at = ps__op_at(e, pid, pc);
    ps_regs r = ps_engine_regs(e, pid);
    ps_exec_event ev = {.time = e->now, .pid = pid, .pc = pc, .op = (uint8_t)op,
                      .phase = (uint8_t)phase, .a = a, .b = b,
                      .n = at ? (at->kind == PS_OP_CPU ? ps__ticks_value(e, at, &r)
                                                       : ps__value(e, at, &r)) : 0};
    e->in_listener++;
    e->exec_listener(e->exec_listener_ctx, &ev);
    e->in_listener--;
}

void ps__op(ps_engine *e, ps_op_event_kind op, uint32_t pid, uint32_t object, int64_t value,
            int64_t detail, uint32_t other, int lost_update)
{
    if (!e->op_listener)
        return;
    ps_op_event ev = {.time = e->now, .pid = pid, .op = (uint8_t)op,
                      .lost_update = (uint8_t)!!lost_update, .object = object,
                      .other = other, .value = value, .detail = detail};
    e->in_listener++;
    e->op_listener(e->op_listener_ctx, &ev);
    e->in_listener--;
}

void ps__transition(ps_engine *e, uint32_t pid, ps_state to, ps_event ev,
                    ps_cause cause, int64_t a, int64_t b)
{
    ps_pcb *p = ps__pcb(e, pid);
    ps_state from = (ps_state)p->state;
    ps_transition_kind kind = ps_transition_classify(from, to, ev);
    if (kind == PS_TR_ILLEGAL)
        abort(); /* a bug in the engine: the table in state.h forbids it */

    if (from == PS_RUNNING) {
        ps__cpu_release(e, pid);
        if (to == PS_BLOCKED || to == PS_EXIT) /* a CPU burst ends [EST3] */
            ps__burst_ended(e, p);
    }
    if (from != PS_NONE)
        p->state_time[from] += e->now - p->state_since;
    p->state_since = e->now;
    if (ps__queued(e, pid))
        ps__pheap_remove(e, ps__queue_of(from), pid);
    ps__memory_account(e, p, from, to);
    p->state = (uint8_t)to;

    if (to == PS_RUNNING) {
        if (!e->free_dispatch)
            p->switches++; /* [ST-switches] */
        e->free_dispatch = 0;
        if (p->first_run < 0)
            p->first_run = e->now;
    } else if (to == PS_EXIT) {
        p->finish = e->now;
    }
    if (from != PS_NEW && from != PS_NONE && to != PS_EXIT &&
        ps_state_resident(from) != ps_state_resident(to))
        p->swaps++;
    join_queue(e, p, ev);
    e->transitions++;
    e->last_change = e->now;

    if (e->listener) {
        ps_trace_event t = {
            .time = e->now, .pid = pid, .from = (uint8_t)from, .to = (uint8_t)to,
            .event = (uint8_t)ev, .cause = (uint8_t)cause, .kind = (int8_t)kind,
            .a = a, .b = b, .has_why = e->why.set, .why = e->why.cause,
            .wa = e->why.a, .wb = e->why.b,
        };
        e->in_listener++;
        e->listener(e->listener_ctx, &t);
        e->in_listener--;
    }
    e->why.set = 0;
    ps__memory_event(e, p, from, to);
}

void ps__create(ps_engine *e, uint32_t pid, ps_cause cause, int64_t a)
{
    ps_pcb *p = ps__pcb(e, pid);
    p->created = 1;
    p->arrival = e->now;
    if (cause == PS_CAUSE_SPAWNED)
        ps__inherit(e, pid, (uint32_t)a); /* [P1] before anyone hears of it */
    if (e->policy->arrive)
        e->policy->arrive(e, p);
    e->live++;
    ps__child_created(e, pid);
    ps__transition(e, pid, PS_NEW, PS_EV_CREATE, cause, a, 0);
    if (e->s->procs[pid - 1].starts_blocked)
        ps__start_blocked(e, pid);
    else
        ps__fifo_push(e, &e->newq, pid);
}

void ps__exit(ps_engine *e, uint32_t pid, ps_event ev, ps_cause cause, int64_t a)
{
    ps_pcb *p = ps__pcb(e, pid);
    p->user_suspended = 0; /* nothing holds an exited process */
    p->resume_cause_ = 0;
    ps__detach(e, pid);
    ps__transition(e, pid, PS_EXIT, ev, cause, a, 0);
    e->live--;
    ps__after_exit(e, pid);
}

/* ---- timers ---------------------------------------------------------- */

static const uint8_t timer_class[] = {
    [PS__T_CPU] = 0, [PS__T_POLICY] = 1, [PS__T_IO] = 2, [PS__T_SLEEP] = 2, [PS__T_JOIN] = 2,
    [PS__T_SCRIPT] = 3, [PS__T_ARRIVAL] = 4,
};

void ps__timer_add(ps_engine *e, int64_t time, ps__timer_type type,
                   uint32_t id, uint32_t gen, uint32_t tie)
{
    ps__timer t = {
        .time = time, .order = (uint64_t)timer_class[type] << 32 | tie,
        .id = id, .gen = gen, .type = (uint8_t)type,
    };
    if (ps__theap_push(&e->timers, t)) {
        e->nomem = 1;
        return;
    }
    if (type != PS__T_POLICY)
        e->pending_real++;
}

void ps__policy_timer(ps_engine *e, int64_t at)
{
    e->policy_gen++;
    if (at >= 0)
        ps__timer_add(e, at, PS__T_POLICY, 0, e->policy_gen, 0);
}

/* ---- interventions --------------------------------------------------- */

static int act(ps_engine *e, uint32_t pid, ps_action what, int scripted)
{
    if (e->observed)
        return -1; /* its host moves it, by ps_engine_observe_move */
    if (pid < 1 || pid > e->n || !ps__pcb(e, pid)->created)
        return -1;
    ps_pcb *p = ps__pcb(e, pid);
    ps_state s = (ps_state)p->state;
    switch (what) {
    case PS_ACT_SUSPEND: {
        ps_cause why = scripted ? PS_CAUSE_SCRIPT_SUSPEND : PS_CAUSE_USER_SUSPEND;
        if (p->user_suspended || s == PS_NEW || s == PS_EXIT)
            return -1;
        p->user_suspended = 1;
        p->resume_cause_ = 0;
        p->last_signal = PS__SIGSTOP;
        if (s == PS_READY || s == PS_RUNNING)
            ps__transition(e, pid, PS_READY_SUSPENDED, PS_EV_SUSPEND, why, 0, 0);
        else if (s == PS_BLOCKED)
            ps__transition(e, pid, PS_BLOCKED_SUSPENDED, PS_EV_SUSPEND, why, 0, 0);
        else if (ps__queued(e, pid)) /* already swapped out: now held */
            ps__pheap_remove(e, ps__queue_of(s), pid);
        return 0;
    }
    case PS_ACT_RESUME:
        if (!p->user_suspended ||
            (s != PS_READY_SUSPENDED && s != PS_BLOCKED_SUSPENDED))
            return -1;
        p->user_suspended = 0;
        p->last_signal = PS__SIGCONT;
        p->resume_cause_ = scripted ? PS_CAUSE_SCRIPT_RESUME : PS_CAUSE_USER_RESUME;
        ps__pheap_push(e, ps__queue_of(s), pid, PS_EV_ACTIVATE);
        return 0;
    case PS_ACT_KILL:
        if (!ps_state_live(s))
            return -1;
        p->last_signal = p->term_signal = PS__SIGKILL;
        p->exit_code = -PS__SIGKILL; /* as Python shows a process killed by SIGKILL */
        ps__exit(e, pid, PS_EV_KILL, scripted ? PS_CAUSE_SCRIPT_KILL : PS_CAUSE_USER_KILL, 0);
        return 0;
    case PS_ACTION_COUNT:
        break;
    }
    return -1;
}

static void purge(ps_engine *e);

/* Admission, swapping and dispatch until nothing moves. */
static void settle(ps_engine *e)
{
    if (e->observed)
        return; /* no admission, swapping or dispatch decides for the kernel */
    for (;;) {
        ps__admit_new(e);
        if (ps__swap(e))
            continue;
        if (!ps__dispatch_one(e))
            break;
    }
    purge(e);
}

int ps_engine_suspend(ps_engine *e, uint32_t pid)
{
    ps__enter(e);
    int rc = act(e, pid, PS_ACT_SUSPEND, 0);
    settle(e);
    return rc;
}

int ps_engine_resume(ps_engine *e, uint32_t pid)
{
    ps__enter(e);
    int rc = act(e, pid, PS_ACT_RESUME, 0);
    settle(e);
    return rc;
}

int ps_engine_kill(ps_engine *e, uint32_t pid)
{
    ps__enter(e);
    int rc = act(e, pid, PS_ACT_KILL, 0);
    settle(e);
    return rc;
}

int ps_engine_died(ps_engine *e, uint32_t pid, int sig)
{
    ps__enter(e);
    if (e->observed || pid < 1 || pid > e->n || !ps__pcb(e, pid)->created ||
        !ps_state_live((ps_state)ps__pcb(e, pid)->state))
        return -1;
    ps_pcb *p = ps__pcb(e, pid);
    p->last_signal = p->term_signal = sig;
    if (sig)
        p->exit_code = -sig;
    ps__exit(e, pid, PS_EV_KILL, PS_CAUSE_DIED, sig);
    settle(e);
    return 0;
}

void ps_engine_observe(ps_engine *e, uint32_t pid, char kstate, int64_t rss_kb)
{
    ps__enter(e);
    if (pid >= 1 && pid <= e->n) {
        ps__pcb(e, pid)->kstate = kstate;
        ps__pcb(e, pid)->rss_kb = rss_kb;
    }
}

/* ---- stepping -------------------------------------------------------- */

/* Arrivals wait in a sorted array, not in the timer heap: one timer stands
 * for the next arrival tick, so the heap stays as small as the number of
 * things in progress. */
static void arrival_timer(ps_engine *e)
{
    if (e->pending_arrivals) {
        uint32_t pid = e->arrivals[e->next_arrival];
        ps__timer_add(e, e->s->procs[pid - 1].arrival, PS__T_ARRIVAL, 0, 0, 0);
    }
}

static void arrive(ps_engine *e)
{
    uint32_t pid = e->arrivals[e->next_arrival];
    int64_t at = e->s->procs[pid - 1].arrival;
    while (e->pending_arrivals &&
           e->s->procs[(pid = e->arrivals[e->next_arrival]) - 1].arrival == at) {
        e->next_arrival++;
        e->pending_arrivals--;
        ps__create(e, pid, PS_CAUSE_ARRIVAL, 0);
    }
    arrival_timer(e);
}

int ps__timer_live(const ps_engine *e, const ps__timer *t)
{
    switch ((ps__timer_type)t->type) {
    case PS__T_CPU:
        return e->cpu[t->id].gen == t->gen && e->cpu[t->id].timer;
    case PS__T_IO:
        return e->dev[t->id].gen == t->gen && e->dev[t->id].busy;
    case PS__T_SLEEP:
        return e->pcb[t->id - 1].gen_ == t->gen && e->pcb[t->id - 1].wait_kind == PS_WAIT_SLEEP;
    case PS__T_JOIN:
        return e->pcb[t->id - 1].gen_ == t->gen &&
               e->pcb[t->id - 1].wait_kind == PS_WAIT_CHILD_UNTIL;
    case PS__T_POLICY:
        return e->policy_gen == t->gen;
    case PS__T_SCRIPT:
    case PS__T_ARRIVAL:
        return 1;
    }
    return 1;
}

/* Drop stale timers from the top of the heap, so that ps_engine_next and
 * the time limit of ps_engine_run see the next real event. */
static void purge(ps_engine *e)
{
    while (e->timers.len && !ps__timer_live(e, ps__timer_top(e)))
        ps__theap_pop(&e->timers);
}

static void fire(ps_engine *e, const ps__timer *t)
{
    switch ((ps__timer_type)t->type) {
    case PS__T_CPU:
        e->cpu[t->id].timer = 0;
        ps__cpu_timer(e, t->id);
        break;
    case PS__T_IO:
        ps__io_done(e, t->id);
        break;
    case PS__T_SLEEP:
        ps__sleep_done(e, t->id);
        break;
    case PS__T_JOIN:
        ps__join_timeout(e, t->id);
        break;
    case PS__T_SCRIPT: {
        const ps_event_spec *ev = &e->s->events[t->id];
        act(e, ev->target + 1, (ps_action)ev->action, 1);
        break;
    }
    case PS__T_ARRIVAL:
        arrive(e);
        break;
    case PS__T_POLICY: {
        int64_t next = e->policy->timer(e);
        if (next >= 0)
            ps__timer_add(e, next, PS__T_POLICY, 0, e->policy_gen, 0);
        break;
    }
    }
}

static int finished(const ps_engine *e)
{
    return e->live == 0 && e->pending_arrivals == 0;
}

ps_step_status ps_engine_step(ps_engine *e)
{
    ps__enter(e);
    if (e->observed)
        return ps__observed_status(e); /* nothing of its own happens */
    if (e->nomem)
        return PS_STEP_NOMEM;
    if (e->runaway || e->endless)
        return PS_STEP_RUNAWAY;
    if (finished(e))
        return PS_STEP_DONE;
    if (!e->pending_real)
        return PS_STEP_STUCK;
    if (++e->instants > ps_engine_instant_limit(e)) { /* [L6] */
        e->endless = 1;
        return PS_STEP_RUNAWAY;
    }
    e->now = ps__timer_top(e)->time;
    e->instant_ops = 0;
    int quanta_due = e->conv.requeued_first, before_arrivals = e->conv.completion_first;
    while (e->timers.len && ps__timer_top(e)->time == e->now) {
        ps__timer t = ps__theap_pop(&e->timers);
        if (!ps__timer_live(e, &t))
            continue;
        if (quanta_due && t.type != PS__T_CPU) {
            quanta_due = 0;
            ps__settle_quanta(e); /* [RA2] right after the CPU slices end */
        }
        if (before_arrivals && t.type == PS__T_ARRIVAL) {
            before_arrivals = 0;
            settle(e); /* [TICK1] the instant's dispatch without its arrivals */
        }
        if (t.type != PS__T_POLICY)
            e->pending_real--;
        fire(e, &t);
        if (e->policy->flags & PS__POLICY_SETTLE_EACH)
            settle(e); /* each decision before the instant's next event */
    }
    if (quanta_due)
        ps__settle_quanta(e);
    settle(e);
    for (uint32_t c = 0; c < e->ncpu; c++)
        ps__cpu_sync(e, c); /* the PCBs are exact at every instant */
    if (e->nomem)
        return PS_STEP_NOMEM;
    if (e->runaway)
        return PS_STEP_RUNAWAY;
    return finished(e) ? PS_STEP_DONE : PS_STEP_OK;
}

ps_step_status ps_engine_run(ps_engine *e, int64_t until)
{
    ps__enter(e);
    if (e->observed)
        return ps__observed_status(e); /* time is the host's: it stays */
    if (until >= 0 && until < e->now)
        until = e->now; /* time does not go back */
    for (;;) {
        if (until >= 0 && e->timers.len && ps__timer_top(e)->time > until &&
            !finished(e) && !e->nomem && !e->runaway && !e->endless && e->pending_real) {
            e->now = until;
            for (uint32_t c = 0; c < e->ncpu; c++)
                ps__cpu_sync(e, c); /* so statistics count up to `until` */
            return PS_STEP_UNTIL;
        }
        ps_step_status st = ps_engine_step(e);
        if (st != PS_STEP_OK)
            return st;
    }
}

/* ---- lifetime -------------------------------------------------------- */

static void init_pcbs(ps_engine *e)
{
    const ps_scenario *s = e->s;
    e->uniform_priority = 1;
    for (uint32_t i = e->n; i-- > 0;) {
        ps_pcb *p = &e->pcb[i];
        const ps_proc_spec *spec = &s->procs[i];
        p->pid = i + 1;
        p->name = spec->name;
        p->state = PS_NONE;
        p->parent = spec->parent + 1;
        if (spec->parent >= 0) {
            p->next_sibling = e->pcb[spec->parent].first_child;
            e->pcb[spec->parent].first_child = p->pid;
        }
        p->memory = spec->memory;
        p->base_priority = p->priority = spec->priority;
        p->arrival = p->first_run = p->finish = p->io_end = -1;
        p->estimate = ps__estimating(e) ? s->estimate_initial * 1000 : -1; /* [EST1] */
        p->tickets = spec->tickets;
        p->nice = spec->nice;
        p->queue = (uint8_t)spec->queue;
    }
    for (uint32_t i = 1; i < e->n; i++)
        if (ps__swap_urgency(e, &e->pcb[i]) != ps__swap_urgency(e, &e->pcb[0]))
            e->uniform_priority = 0;
}

/* What the conventions mean for this engine: the policy's own reading of
 * them (a setting it ignores keeps its default), and the CPUs' start. */
static void init_conventions(ps_engine *e)
{
    const ps_scenario *s = e->s;
    unsigned uses = ps_policy_uses(s->policy);
    e->conv.requeued_first = (uses & PS_USES_ROUND) &&
                             s->rr_arrival == PS_RR_ARRIVAL_AFTER_PREEMPTED;
    e->conv.completion_first = s->same_tick == PS_SAME_TICK_COMPLETION_FIRST;
    e->conv.self_switch = (uses & (PS_USES_QUANTUM | PS_USES_ROUND)) && s->count_self_switch;
    e->conv.keep = s->affinity == PS_AFFINITY_KEEP;
    for (uint32_t c = 0; c < e->ncpu; c++)
        e->cpu[c].idle_since = -1;
}

typedef struct arrival_key {
    int64_t at;
    uint32_t pid;
} arrival_key;

static int by_arrival(const void *a, const void *b)
{
    const arrival_key *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return (x->pid > y->pid) - (x->pid < y->pid);
}

/* e->arrivals in (arrival, pid) order; returns -1 if out of memory. */
static int sort_arrivals(ps_engine *e)
{
    uint32_t n = e->pending_arrivals;
    arrival_key *k = malloc(((size_t)n + 1) * sizeof *k);
    if (!k)
        return -1;
    for (uint32_t i = 0; i < n; i++)
        k[i] = (arrival_key){e->s->procs[e->arrivals[i] - 1].arrival, e->arrivals[i]};
    qsort(k, n, sizeof *k, by_arrival);
    for (uint32_t i = 0; i < n; i++)
        e->arrivals[i] = k[i].pid;
    free(k);
    return 0;
}

ps_engine *ps_engine_create(const ps_scenario *s)
{
    ps_engine *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->s = s;
    e->policy = ps__policy_for(s->policy);
    e->n = s->nprocs;
    e->ncpu = e->idle = (uint32_t)s->cpus;
    ps__vec_init(&e->timers, sizeof(ps__timer));
    for (int q = 0; q < PS__Q_COUNT; q++)
        ps__vec_init(&e->q[q], sizeof(ps__qentry));
    e->pcb = calloc((size_t)e->n + 1, sizeof *e->pcb);
    e->cpu = calloc(e->ncpu, sizeof *e->cpu);
    e->dev = calloc(s->devices.count + 1, sizeof *e->dev);
    e->chan = calloc(s->channels.count + 1, sizeof *e->chan);
    e->mtx = calloc(s->mutexes.count + 1, sizeof *e->mtx);
    e->var = calloc(s->variables.count + 1, sizeof *e->var);
    e->var_writer = calloc(s->variables.count + 1, sizeof *e->var_writer);
    e->var_writes = calloc(s->variables.count + 1, sizeof *e->var_writes);
    int any_private = 0;
    for (uint32_t v = 0; s->var_private && v < s->variables.count; v++)
        any_private |= s->var_private[v];
    if (any_private && !(e->pvar = calloc((size_t)e->n * s->variables.count, sizeof *e->pvar)))
        goto fail;
    e->slot = malloc(((size_t)e->n + 1) * sizeof *e->slot);
    e->arrivals = malloc(((size_t)e->n + 1) * sizeof *e->arrivals);
    if (!e->policy || !e->pcb || !e->cpu || !e->dev || !e->chan || !e->mtx || !e->var || !e->var_writer || !e->var_writes ||
        !e->slot || !e->arrivals)
        goto fail;
    for (uint32_t c = 0; c < s->channels.count; c++)
        ps__vec_init(&e->chan[c].buf, sizeof(int64_t));
    init_pcbs(e);
    init_conventions(e);
    for (uint32_t i = 0; i < e->n; i++) {
        e->slot[i] = -1;
        if (s->procs[i].parent < 0)
            e->arrivals[e->pending_arrivals++] = i + 1;
        else if (!e->kin && !(e->kin = calloc(e->n, sizeof *e->kin)))
            goto fail;
    }
    if (sort_arrivals(e) || ps__files_init(e))
        goto fail;
    arrival_timer(e);
    for (uint32_t i = 0; i < s->nevents; i++)
        ps__timer_add(e, s->events[i].at, PS__T_SCRIPT, i, 0, i);
    int64_t first = e->policy->init ? e->policy->init(e) : -1;
    if (first >= 0)
        ps__timer_add(e, first, PS__T_POLICY, 0, e->policy_gen, 0);
    if (e->nomem)
        goto fail;
    return e;
fail:
    ps_engine_destroy(e);
    return NULL;
}

void ps_engine_destroy(ps_engine *e)
{
    if (!e)
        return;
    ps__enter(e);
    if (e->policy && e->policy->fini)
        e->policy->fini(e);
    for (int q = 0; q < PS__Q_COUNT; q++)
        ps__vec_fini(&e->q[q]);
    if (e->chan)
        ps__channels_fini(e);
    ps__vec_fini(&e->timers);
    free(e->pcb);
    free(e->cpu);
    free(e->dev);
    free(e->chan);
    free(e->mtx);
    free(e->var);
    free(e->pvar);
    free(e->var_writer);
    free(e->var_writes);
    free(e->file_keys);
    free(e->file_first);
    free(e->slot);
    free(e->arrivals);
    free(e->last_child);
    free(e->kin);
    free(e);
}

void ps_engine_set_listener(ps_engine *e, ps_trace_fn fn, void *ctx)
{
    ps__enter(e);
    e->listener = fn;
    e->listener_ctx = ctx;
}

void ps_engine_set_op_listener(ps_engine *e, ps_op_fn fn, void *ctx)
{
    ps__enter(e);
    e->op_listener = fn;
    e->op_listener_ctx = ctx;
}

void ps_engine_set_exec_listener(ps_engine *e, ps_exec_fn fn, void *ctx)
{
    ps__enter(e);
    e->exec_listener = fn;
    e->exec_listener_ctx = ctx;
}
