/* sched.c — the short-term scheduler, the same for every policy.
 *
 * One Ready queue, a heap in the policy's order (its key hook); dispatch
 * fills idle CPUs in index order with what the policy picks (affinity
 * keep: back to the CPU a process last ran on); a quantum that runs out is
 * settled here, after everything else that happened in the same instant
 * (rr_arrival after-preempted: before it), and the queue keys say who of
 * one instant's newcomers goes first; preemptive policies then name the
 * running process that must yield (docs/engine.md).  What differs between
 * policies is asked of their hooks (policy.h); this file names none.
 */
#include <stdint.h>

#include "policy.h"

static const ps__policy *const policies[PS_POLICY_COUNT] = {
#define PS_X_(e, tok, hooks, uses) [PS_POLICY_##e] = &ps__policy_##hooks,
    PS_POLICIES(PS_X_)
#undef PS_X_
};

const ps__policy *ps__policy_for(ps_policy p)
{
    return (unsigned)p < PS_POLICY_COUNT ? policies[p] : NULL;
}

/* ---- urgency ------------------------------------------------------------ */

/* How each system.priority_order turns a priority number into an urgency
 * rank: rank = origin + sign * number, 0 the most urgent a number can be
 * (numbers run from 0 to PS_SCENARIO_MAX_NUMBER).  Since sign is +-1, the
 * same line turns a rank back into its number. */
static const struct {
    int64_t origin, sign;
} orders[PS_PRIORITY_ORDER_COUNT] = {
    [PS_PRIORITY_LOW_FIRST] = {0, 1},
    [PS_PRIORITY_HIGH_FIRST] = {PS_SCENARIO_MAX_NUMBER, -1},
};

int64_t ps__urgency(const ps_engine *e, int64_t priority)
{
    return orders[e->s->priority_order].origin + orders[e->s->priority_order].sign * priority;
}

int64_t ps__more_urgent(const ps_engine *e, int64_t priority, int64_t steps)
{
    int64_t rank = ps__urgency(e, priority);
    rank = rank > steps ? rank - steps : 0;
    return orders[e->s->priority_order].sign * (rank - orders[e->s->priority_order].origin);
}

int64_t ps__swap_urgency(const ps_engine *e, const ps_pcb *p)
{
    int64_t band = e->policy && e->policy->band ? e->policy->band(e, p) : 0;
    return band * (PS_SCENARIO_MAX_NUMBER + 1) + ps__urgency(e, p->base_priority);
}

/* ---- queue keys --------------------------------------------------------- */

/* [RA1] Of the processes that become Ready in one instant, one that left
 * the CPU for the queue (timed out or preempted) has class 1 and queues
 * behind the others (rr_arrival before-preempted), or class 0 and ahead
 * of them (after-preempted). */
ps__qentry ps__fifo_key(const ps_engine *e, const ps_pcb *p, ps_event ev, uint64_t k1)
{
    uint64_t requeued = ev == PS_EV_TIMEOUT || ev == PS_EV_PREEMPT;
    uint64_t cls = e->conv.requeued_first ? !requeued : requeued;
    return (ps__qentry){k1, (uint64_t)e->now << 1 | cls, (uint64_t)p->arrival, p->pid};
}

ps__qentry ps__rank_key(const ps_pcb *p, int64_t rank)
{
    return (ps__qentry){(uint64_t)rank, 0, (uint64_t)p->arrival, p->pid};
}

/* Keys other than the Ready queue's (all compared as unsigned; every value
 * here is >= 0):
 *   Ready/Suspend, Blocked/Suspend   (the swapper's urgency, tick,
 *                                    arrival)
 *   Blocked                          (tick, 0, 0): longest blocked first
 * and then pid. */
ps__qentry ps__queue_key(ps_engine *e, ps__queue q, uint32_t pid, ps_event ev)
{
    ps_pcb *p = ps__pcb(e, pid);
    uint64_t now = (uint64_t)e->now, arrival = (uint64_t)p->arrival;
    switch (q) {
    case PS__Q_READY: /* observed: no policy orders it, first come first */
        return e->observed ? ps__fifo_key(e, p, ev, 0) : e->policy->key(e, p, ev);
    case PS__Q_SWAPPED:
    case PS__Q_SWAPPED_BLOCKED:
        return (ps__qentry){(uint64_t)ps__swap_urgency(e, p), now, arrival, pid};
    case PS__Q_BLOCKED:
    case PS__Q_COUNT:
        break;
    }
    return (ps__qentry){now, 0, 0, pid};
}

int ps__later(const ps_engine *e, uint32_t a, uint32_t b)
{
    const ps_pcb *x = &e->pcb[a - 1], *y = &e->pcb[b - 1];
    return x->arrival != y->arrival ? x->arrival > y->arrival : a > b;
}

/* The burst follows the program as it will run, loops and values
 * included, on a copy of the registers; at most BURST_OPS ops are looked
 * at (docs/engine.md, rule P-burst).  Ops are reached through ps__op_at
 * only: a scenario without any program has no op table at all (NULL). */
#define BURST_OPS 4096

int64_t ps__burst(const ps_engine *e, const ps_pcb *p, const ps_regs *regs)
{
    ps_regs r = *regs;
    int64_t sum = 0;
    const ps_op *op;
    for (int seen = 0; (op = ps__op_at(e, p->pid, r.pc)) && seen < BURST_OPS; seen++) {
        ps_op_kind k = (ps_op_kind)op->kind;
        int64_t n = ps_op_ticks(k) ? ps__ticks_value(e, op, &r) : 0;
        if (n > 0)
            sum = ps__value_add(sum, (int64_t)ps_op_ticks(k) * n - (int64_t)r.cnt);
        if (ps_op_leaves_cpu(k))
            break;
        ps__advance(e, op, &r, 0);
    }
    return sum;
}

int ps__estimating(const ps_engine *e)
{
    return e->s->estimate_alpha >= 0 && (ps_policy_uses(e->s->policy) & PS_USES_BURST);
}

/* Ticks as thousandths, saturating. */
static int64_t milli(int64_t ticks)
{
    return ticks > INT64_MAX / 1000 ? INT64_MAX : ticks * 1000;
}

int64_t ps__ranked_burst(const ps_engine *e, const ps_pcb *p, const ps_regs *r)
{
    if (!ps__estimating(e))
        return milli(ps__burst(e, p, r));
    int64_t run = milli(p->cpu_time - p->burst_from_);
    return p->estimate > run ? p->estimate - run : 0;
}

/* Exponential averaging [EST2]: tau' = alpha t + (1 - alpha) tau, written
 * tau + alpha (t - tau) so that nothing overflows (t - tau is split into
 * thousands and the rest), in thousandths rounded to the nearest, a half
 * up. */
void ps__burst_ended(ps_engine *e, ps_pcb *p)
{
    if (!ps__estimating(e))
        return;
    int64_t alpha = e->s->estimate_alpha, d = milli(p->cpu_time - p->burst_from_) - p->estimate;
    int64_t q = d / 1000, rest = d % 1000;
    if (rest < 0) /* floor division: 0 <= rest < 1000 */
        q--, rest += 1000;
    p->estimate += alpha * q + (alpha * rest + 500) / 1000;
    p->burst_from_ = p->cpu_time;
}

ps__qentry ps__catch_up_key(ps_engine *e, ps_pcb *p, ps_event ev, size_t field)
{
    int64_t *own = (int64_t *)(void *)((char *)p + field);
    if (ev != PS_EV_TIMEOUT && ev != PS_EV_PREEMPT) {
        int64_t low = ps__qlen(e, PS__Q_READY) ? (int64_t)ps__qat(e, PS__Q_READY, 0)->k1 : -1;
        for (uint32_t c = 0; c < e->ncpu; c++) {
            uint32_t pid = e->cpu[c].pub.pid;
            if (!pid || pid == p->pid)
                continue;
            ps__cpu_sync(e, c); /* the running one's value brought up to now */
            int64_t v = *(const int64_t *)(const void *)((const char *)ps__pcb(e, pid) + field);
            if (low < 0 || v < low)
                low = v;
        }
        if (low > *own)
            *own = low;
    }
    return (ps__qentry){(uint64_t)*own, 0, 0, p->pid};
}

/* ---- the CPU ------------------------------------------------------------ */

void ps__cpu_sync(ps_engine *e, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    int64_t from = cpu->since > cpu->work_from ? cpu->since : cpu->work_from;
    cpu->since = e->now;
    if (!cpu->pub.pid || e->now <= from || cpu->holding)
        return;
    int64_t d = e->now - from;
    ps_pcb *p = ps__pcb(e, cpu->pub.pid);
    if (e->observed) { /* a real program ran: count its ticks, run nothing */
        p->cpu_time += d;
        cpu->pub.busy += d;
        return;
    }
    ps_regs *r = &cpu->pub.regs;
    const ps_op *op = ps__op_at(e, p->pid, r->pc);
    if (op->kind == PS_OP_ADD) {
        /* each tick is one half of an increment: even = read, odd = write
           (of the process's own copy if the variable is private) */
        for (int64_t i = 0; i < d; i++, r->cnt++) {
            int write = r->cnt % 2;
            if (!write)
                r->tmp = ps__var_read(e, p->pid, op->obj);
            else
                ps__var_write(e, p->pid, op->obj, r->tmp);
            ps__exec_event(e, p->pid, r->pc, PS_OP_ADD, PS_EXEC_STEP,
                           *ps__var_slot(e, p->pid, op->obj), write);
        }
    } else {
        r->cnt += (uint32_t)d;
    }
    p->cpu_time += d;
    cpu->pub.busy += d;
    cpu->quantum_left -= d;
    if (e->policy->ran)
        e->policy->ran(e, p, d);
}

static int64_t slice(const ps_engine *e, const ps_pcb *p)
{
    return e->policy->slice ? e->policy->slice(e, p) : INT64_MAX;
}

void ps__cpu_release(ps_engine *e, uint32_t pid)
{
    ps_pcb *p = ps__pcb(e, pid);
    ps__cpu *cpu = &e->cpu[p->cpu];
    ps__cpu_sync(e, p->cpu);
    /* a quantum that ran out this instant is charged even when the process
       leaves the CPU (suspended, evicted) before ps__settle_expired sees it */
    int64_t length;
    if (cpu->expired && e->policy->expire)
        e->policy->expire(e, p, &length);
    if (e->policy->left && !e->observed)
        e->policy->left(e, p);
    p->regs = cpu->pub.regs;
    cpu->pub.pid = 0;
    cpu->idle_since = e->now;
    cpu->gen++;
    if (cpu->timer)
        ps__timer_cancelled(e);
    cpu->timer = 0;
    cpu->expired = 0;
    cpu->holding = 0;
    e->idle++;
}

void ps__set_cpu_timer(ps_engine *e, uint32_t c, int64_t at)
{
    ps__cpu *cpu = &e->cpu[c];
    if (cpu->timer)
        ps__timer_cancelled(e);
    cpu->gen++;
    cpu->timer = 1;
    ps__timer_add(e, at, PS__T_CPU, c, cpu->gen, c);
}

void ps__dispatch(ps_engine *e, uint32_t c, uint32_t pid)
{
    ps_pcb *p = ps__pcb(e, pid);
    ps__cpu *cpu = &e->cpu[c];
    if (e->policy->why) {
        int why = e->policy->why(e, p, &e->why.a, &e->why.b);
        e->why.set = why >= 0;
        e->why.cause = (uint8_t)why;
    }
    /* [CS-first] a CPU's first dispatch may be free, and then no switch */
    int free = !cpu->used && !e->s->switch_cost_first;
    int64_t cost = free ? 0 : e->s->switch_cost;
    cpu->used = 1;
    e->free_dispatch = (uint8_t)free;
    ps__transition(e, pid, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_PICKED, c, cost);
    p->cpu = (uint16_t)c;
    cpu->pub.pid = pid;
    cpu->last = pid;
    cpu->pub.regs = p->regs;
    cpu->gen++;
    cpu->since = e->now;
    cpu->work_from = e->now + cost;
    cpu->expired = 0;
    cpu->quantum_left = slice(e, p);
    e->idle--;
    ps__cpu_start(e, c);
}

void ps__cpu_start(ps_engine *e, uint32_t c)
{
    if (!e->policy->start || e->policy->start(e, c))
        ps__cpu_run(e, c);
}

/* ---- decisions ---------------------------------------------------------- */

int ps__someone_waiting(const ps_engine *e)
{
    return ps__qlen(e, PS__Q_READY) > e->idle;
}

void ps__preempt(ps_engine *e, uint32_t victim, uint32_t by)
{
    ps__transition(e, victim, PS_READY, PS_EV_PREEMPT, PS_CAUSE_PREEMPTED, by, 0);
}

int ps__settle_expired(ps_engine *e, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    ps_pcb *p = ps__pcb(e, cpu->pub.pid);
    cpu->expired = 0;
    int64_t length = slice(e, p);
    int keeps = e->policy->expire ? e->policy->expire(e, p, &length) : 0;
    if (ps__someone_waiting(e) && !keeps) {
        ps__transition(e, p->pid, PS_READY, PS_EV_TIMEOUT, PS_CAUSE_QUANTUM, length, 0);
        return 1;
    }
    cpu->quantum_left = slice(e, p);
    if (e->conv.self_switch) { /* [CS-self] a switch to itself */
        p->switches++;
        cpu->work_from = e->now + e->s->switch_cost;
    }
    ps__cpu_run(e, c);
    return 0;
}

void ps__settle_quanta(ps_engine *e)
{
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (e->cpu[c].pub.pid && e->cpu[c].expired)
            ps__settle_expired(e, c);
}

uint32_t ps__victim_by_rank(ps_engine *e,
                            int64_t (*rank)(const ps_engine *, const ps_pcb *, const ps_regs *))
{
    uint32_t victim = 0;
    int64_t vrank = INT64_MIN;
    for (uint32_t c = 0; c < e->ncpu; c++) {
        uint32_t pid = e->cpu[c].pub.pid;
        if (!pid)
            continue;
        ps__cpu_sync(e, c);
        int64_t k = rank(e, ps__pcb(e, pid), &e->cpu[c].pub.regs);
        if (!victim || k > vrank || (k == vrank && ps__later(e, pid, victim))) {
            victim = pid;
            vrank = k;
        }
    }
    if (!victim || (int64_t)ps__qat(e, PS__Q_READY, 0)->k1 >= vrank)
        return 0; /* equal urgency does not preempt */
    return victim;
}

/* The count below the heap's node i: a subtree whose root does not come
 * before `place` is skipped whole (its children come after it). */
static uint32_t ahead_from(const ps_engine *e, uint32_t i, const ps__qentry *place,
                           uint32_t enough)
{
    uint32_t len = ps__qlen(e, PS__Q_READY);
    if (i >= len || !ps__qless(ps__qat(e, PS__Q_READY, i), place))
        return 0;
    uint32_t n = 1;
    for (uint32_t c = 4 * i + 1; c <= 4 * i + 4 && c < len && n < enough; c++)
        n += ahead_from(e, c, place, enough - n);
    return n;
}

uint32_t ps__ready_ahead(const ps_engine *e, const ps__qentry *place, uint32_t enough)
{
    return enough ? ahead_from(e, 0, place, enough) : 0;
}

int ps__keeps_cpu(const ps_engine *e, uint64_t rank)
{
    /* after every entry of k1 <= rank (no real k2 is UINT64_MAX) */
    ps__qentry place = {rank, UINT64_MAX, UINT64_MAX, UINT32_MAX};
    return ps__ready_ahead(e, &place, e->idle + 1) <= e->idle;
}

void ps__woken(ps_engine *e, uint32_t pid)
{
    if (e->policy->woken)
        e->policy->woken(e, ps__pcb(e, pid));
}

void ps__blocked(ps_engine *e, uint32_t pid, uint32_t c)
{
    if (e->policy->blocked)
        e->policy->blocked(e, ps__pcb(e, pid), c);
}

/* ---- affinity keep ------------------------------------------------------ */

/* How many entries of the Ready heap's subtree at slot i come before
 * `key`, counting no further than `limit` (a heap's entries before a key
 * form a subtree at its top: at most 4 x limit + 1 slots are looked at). */
static uint32_t count_before(const ps_engine *e, uint32_t i, const ps__qentry *key,
                             uint32_t limit)
{
    if (!limit || i >= ps__qlen(e, PS__Q_READY) || !ps__qless(ps__qat(e, PS__Q_READY, i), key))
        return 0;
    uint32_t n = 1;
    for (uint32_t j = 4 * i + 1; j <= 4 * i + 4 && n < limit; j++)
        n += count_before(e, j, key, limit - n);
    return n;
}

/* Is idle CPU c the one the process that last ran on it will want back in
 * this instant: that process is Ready, c is still the CPU it last ran on,
 * and it is one of the first e->idle of the queue, which the idle CPUs
 * take? */
static int claimed(const ps_engine *e, uint32_t c)
{
    uint32_t pid = e->cpu[c].last;
    if (!pid || e->pcb[pid - 1].state != PS_READY || e->pcb[pid - 1].cpu != c ||
        !ps__queued(e, pid))
        return 0;
    const ps__qentry *mine = ps__qat(e, PS__Q_READY, (uint32_t)e->slot[pid - 1]);
    return count_before(e, 0, mine, e->idle) < e->idle;
}

/* [AF1] The idle CPU the head of the queue, `pid`, goes to under affinity
 * keep: the one it last ran on; else, of those no process next in line
 * wants back, one freed in this instant, then the lowest-numbered.
 * O(idle^2) comparisons. */
static uint32_t keep_cpu(const ps_engine *e, uint32_t pid)
{
    const ps_pcb *p = &e->pcb[pid - 1];
    if (p->first_run >= 0 && !e->cpu[p->cpu].pub.pid)
        return p->cpu;
    uint32_t best = UINT32_MAX, fallback = UINT32_MAX;
    for (uint32_t c = 0; c < e->ncpu; c++) {
        if (e->cpu[c].pub.pid)
            continue;
        if (fallback == UINT32_MAX)
            fallback = c;
        if (claimed(e, c))
            continue;
        if (e->cpu[c].idle_since == e->now)
            return c;
        if (best == UINT32_MAX)
            best = c;
    }
    return best != UINT32_MAX ? best : fallback;
}

int ps__dispatch_one(ps_engine *e)
{
    const ps__policy *pol = e->policy;
    if (pol->act && pol->act(e))
        return 1;
    int acted = 0;
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (e->cpu[c].pub.pid && e->cpu[c].expired)
            acted |= ps__settle_expired(e, c);
    if (acted)
        return 1;
    if (e->conv.keep && !pol->pick) {
        uint32_t head = ps__pheap_top(e, PS__Q_READY);
        if (head && e->idle) {
            ps__dispatch(e, keep_cpu(e, head), head);
            return 1;
        }
    } else for (uint32_t c = 0; e->idle && c < e->ncpu; c++) {
        if (e->cpu[c].pub.pid)
            continue;
        uint32_t pid = pol->pick ? pol->pick(e, c) : ps__pheap_top(e, PS__Q_READY);
        if (pid) {
            ps__dispatch(e, c, pid);
            return 1;
        }
    }
    uint32_t head = ps__pheap_top(e, PS__Q_READY), victim;
    if (!head || !pol->victim || !(victim = pol->victim(e)))
        return 0;
    ps__preempt(e, victim, head);
    return 1;
}
