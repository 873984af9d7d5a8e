/* sched.c — the short-term scheduler.
 *
 * One ready queue, a heap whose order is the policy: FIFO for fcfs and rr,
 * next CPU burst for sjf and srtf, priority for the priority policies, queue
 * level then FIFO for mlfq.  Ties go by arrival, then pid (DESIGN §4).
 * Dispatch fills idle CPUs in index order; preemptive policies then replace
 * the least urgent running process while the head of the queue is strictly
 * more urgent; expired quanta are settled here, after everything else that
 * happened in the same instant, so that a process arriving at the tick a
 * quantum ends is queued ahead of the one timed out (docs/engine.md).
 */
#include <stdint.h>

#include "engine_internal.h"

static int fifo_policy(ps_policy p)
{
    return p == PS_POLICY_FCFS || p == PS_POLICY_RR || p == PS_POLICY_MLFQ;
}

int ps__later(const ps_engine *e, uint32_t a, uint32_t b)
{
    const ps_pcb *x = &e->pcb[a - 1], *y = &e->pcb[b - 1];
    return x->arrival != y->arrival ? x->arrival > y->arrival : a > b;
}

int64_t ps__burst(const ps_engine *e, const ps_pcb *p, const ps_regs *r)
{
    const ps_proc_spec *spec = &e->s->procs[p->pid - 1];
    const ps_op *ops = e->s->ops + spec->op_first;
    int64_t sum = 0;
    for (uint32_t i = r->pc; i < spec->op_count; i++) {
        int64_t done = i == r->pc ? r->cnt : 0;
        switch ((ps_op_kind)ops[i].kind) {
        case PS_OP_CPU:
            sum += ops[i].n - done;
            break;
        case PS_OP_ADD:
            sum += 2 * ops[i].n - done;
            break;
        case PS_OP_SPAWN:
        case PS_OP_SEND:
        case PS_OP_UNLOCK:
        case PS_OP_KILL:
            break;
        default:
            return sum;
        }
    }
    return sum;
}

/* The ready-queue key of a process, given its registers now. */
static int64_t policy_key(const ps_engine *e, const ps_pcb *p, const ps_regs *r)
{
    switch (e->s->policy) {
    case PS_POLICY_SJF:
    case PS_POLICY_SRTF:
        return ps__burst(e, p, r);
    case PS_POLICY_PRIORITY:
    case PS_POLICY_PRIORITY_PREEMPTIVE:
        return p->base_priority;
    case PS_POLICY_MLFQ:
        return p->mlfq_level;
    default:
        return 0;
    }
}

/* Keys (all compared as unsigned; every value here is >= 0):
 *   Ready          (policy key, tick<<1 | cls for FIFO policies, arrival)
 *   Ready/Suspend, Blocked/Suspend   (base priority, tick, arrival)
 *   Blocked        (tick, 0, 0): longest blocked first
 * and then pid. */
ps__qentry ps__queue_key(const ps_engine *e, ps__queue q, uint32_t pid, int cls)
{
    const ps_pcb *p = &e->pcb[pid - 1];
    uint64_t now = (uint64_t)e->now, arrival = (uint64_t)p->arrival;
    switch (q) {
    case PS__Q_READY:
        return (ps__qentry){(uint64_t)policy_key(e, p, &p->regs),
                            fifo_policy(e->s->policy) ? now << 1 | (uint64_t)cls : 0,
                            arrival, pid};
    case PS__Q_SWAPPED:
    case PS__Q_SWAPPED_BLOCKED:
        return (ps__qentry){(uint64_t)p->base_priority, now, arrival, pid};
    default:
        return (ps__qentry){now, 0, 0, pid};
    }
}

static int preemptive(ps_policy p)
{
    return p == PS_POLICY_SRTF || p == PS_POLICY_PRIORITY_PREEMPTIVE ||
           p == PS_POLICY_MLFQ;
}

static int timesliced(ps_policy p) { return p == PS_POLICY_RR || p == PS_POLICY_MLFQ; }

void ps__cpu_sync(ps_engine *e, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    int64_t from = cpu->since > cpu->work_from ? cpu->since : cpu->work_from;
    cpu->since = e->now;
    if (!cpu->pub.pid || e->now <= from)
        return;
    int64_t d = e->now - from;
    ps_pcb *p = ps__pcb(e, cpu->pub.pid);
    const ps_proc_spec *spec = &e->s->procs[p->pid - 1];
    const ps_op *op = &e->s->ops[spec->op_first + cpu->pub.regs.pc];
    ps_regs *r = &cpu->pub.regs;
    if (op->kind == PS_OP_ADD) {
        /* each tick is one half of an increment: even = read, odd = write */
        for (int64_t i = 0; i < d; i++, r->cnt++) {
            int write = r->cnt % 2;
            if (!write)
                r->tmp = e->var[op->obj];
            else
                e->var[op->obj] = r->tmp + 1;
            ps__op_event(e, p->pid, r->pc, PS_OP_ADD, PS_OPEV_STEP, e->var[op->obj], write);
        }
    } else {
        r->cnt += (uint32_t)d;
    }
    p->cpu_time += d;
    cpu->pub.busy += d;
    cpu->quantum_left -= d;
    p->allot_used_ += d;
}

/* MLFQ rule 4: a process that has used its allotment on this level moves
 * down one, whenever it gives up the CPU. */
static void mlfq_demote(ps_engine *e, ps_pcb *p)
{
    if (e->s->policy != PS_POLICY_MLFQ || p->allot_used_ < e->s->quantum)
        return;
    if (p->mlfq_level + 1 < e->s->mlfq_levels)
        p->mlfq_level++;
    p->priority = p->mlfq_level;
    p->allot_used_ = 0;
}

void ps__cpu_release(ps_engine *e, uint32_t pid)
{
    ps_pcb *p = ps__pcb(e, pid);
    ps__cpu *cpu = &e->cpu[p->cpu];
    ps__cpu_sync(e, p->cpu);
    mlfq_demote(e, p);
    p->regs = cpu->pub.regs;
    cpu->pub.pid = 0;
    cpu->gen++;
    if (cpu->timer)
        ps__timer_cancelled(e);
    cpu->timer = 0;
    cpu->expired = 0;
    e->idle++;
}

static void dispatch(ps_engine *e, uint32_t c)
{
    uint32_t pid = ps__pheap_top(e, PS__Q_READY);
    ps_pcb *p = ps__pcb(e, pid);
    ps__cpu *cpu = &e->cpu[c];
    ps__transition(e, pid, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_PICKED, c,
                   e->s->switch_cost);
    p->cpu = (uint16_t)c;
    cpu->pub.pid = pid;
    cpu->pub.regs = p->regs;
    cpu->gen++;
    cpu->since = e->now;
    cpu->work_from = e->now + e->s->switch_cost;
    cpu->expired = 0;
    if (e->s->policy == PS_POLICY_MLFQ)
        cpu->quantum_left = e->s->quantum - p->allot_used_;
    else if (timesliced(e->s->policy))
        cpu->quantum_left = e->s->quantum;
    else
        cpu->quantum_left = INT64_MAX;
    e->idle--;
    ps__cpu_run(e, c);
}

/* A quantum ran out: demote (mlfq), then time out if someone is waiting
 * whom the policy would run instead; otherwise start a fresh quantum. */
static int settle_expired(ps_engine *e, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    uint32_t pid = cpu->pub.pid;
    ps_pcb *p = ps__pcb(e, pid);
    cpu->expired = 0;
    mlfq_demote(e, p);
    /* someone needs this CPU: more are waiting than there are idle CPUs */
    uint32_t head = ps__pheap_top(e, PS__Q_READY);
    if (head && e->q[PS__Q_READY].n > e->idle &&
        (e->s->policy != PS_POLICY_MLFQ || ps__pcb(e, head)->mlfq_level <= p->mlfq_level)) {
        ps__cpu_release(e, pid);
        ps__transition(e, pid, PS_READY, PS_EV_TIMEOUT, PS_CAUSE_QUANTUM,
                       e->s->quantum, 0);
        return 1;
    }
    cpu->quantum_left = e->s->quantum - (e->s->policy == PS_POLICY_MLFQ ? p->allot_used_ : 0);
    ps__cpu_run(e, c);
    return 0;
}

/* The running process a more urgent arrival would displace: the one with
 * the largest key, latest arrival, highest pid. */
static uint32_t preempt_victim(ps_engine *e, int64_t *key)
{
    uint32_t victim = 0;
    int64_t vkey = INT64_MIN;
    for (uint32_t c = 0; c < e->ncpu; c++) {
        uint32_t pid = e->cpu[c].pub.pid;
        if (!pid)
            continue;
        ps__cpu_sync(e, c);
        int64_t k = policy_key(e, ps__pcb(e, pid), &e->cpu[c].pub.regs);
        if (!victim || k > vkey || (k == vkey && ps__later(e, pid, victim))) {
            victim = pid;
            vkey = k;
        }
    }
    *key = vkey;
    return victim;
}

int ps__dispatch_one(ps_engine *e)
{
    int acted = 0;
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (e->cpu[c].pub.pid && e->cpu[c].expired)
            acted |= settle_expired(e, c);
    if (acted)
        return 1;
    uint32_t head = ps__pheap_top(e, PS__Q_READY);
    if (!head)
        return 0;
    if (e->idle) {
        for (uint32_t c = 0; c < e->ncpu; c++)
            if (!e->cpu[c].pub.pid) {
                dispatch(e, c);
                return 1;
            }
    }
    if (!preemptive(e->s->policy))
        return 0;
    int64_t vkey;
    uint32_t victim = preempt_victim(e, &vkey);
    if (!victim || (int64_t)e->q[PS__Q_READY].v[0].k1 >= vkey)
        return 0;
    ps__cpu_release(e, victim);
    ps__transition(e, victim, PS_READY, PS_EV_PREEMPT, PS_CAUSE_PREEMPTED, head, 0);
    return 1;
}

void ps__mlfq_boost(ps_engine *e)
{
    for (uint32_t c = 0; c < e->ncpu; c++)
        ps__cpu_sync(e, c); /* ticks before the boost count before it */
    for (uint32_t i = 0; i < e->n; i++) {
        ps_pcb *p = &e->pcb[i];
        if (!p->created || p->state == PS_EXIT)
            continue;
        p->mlfq_level = 0;
        p->priority = 0;
        p->allot_used_ = 0; /* a running process's slice goes on */
    }
    for (uint32_t i = 0; i < e->q[PS__Q_READY].n; i++)
        e->q[PS__Q_READY].v[i].k1 = 0; /* the level */
    ps__pheap_rebuild(e, PS__Q_READY);
}
