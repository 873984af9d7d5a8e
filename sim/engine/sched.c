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
#include <stdlib.h>

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
        if (e->s->policy == PS_POLICY_MLFQ)
            return (ps__qentry){p->mlfq_level, p->qpos_[0], p->qpos_[1], pid};
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
    if (!cpu->pub.pid || e->now <= from || cpu->finishing)
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
    if (e->s->policy == PS_POLICY_MLFQ)
        p->quantum_left -= d;
}

/* ---- mlfq: OSTEP's rules (docs/engine.md) ------------------------------
 *
 * Each level is a FIFO queue; the process at the head of the highest
 * non-empty one runs.  A process keeps its place at the head while it runs,
 * so one preempted by a higher level resumes first.  Places are keys:
 * (level, time << 2 | class, sequence), where class orders one instant's
 * newcomers as OSTEP does (0 quantum over or boosted, 1 arrived, 2 back
 * from I/O); io_bump puts a process back from I/O in front of everyone. */
#define MLFQ_BACK (UINT64_C(1) << 62)

static void place_back(ps_engine *e, ps_pcb *p, unsigned cls)
{
    p->qpos_[0] = MLFQ_BACK + ((uint64_t)e->now << 2 | cls);
    p->qpos_[1] = e->mlfq_seq++;
}

void ps__mlfq_place(ps_engine *e, ps_pcb *p, ps_event ev)
{
    switch (ev) {
    case PS_EV_PREEMPT:
        return; /* stays at the head of its queue */
    case PS_EV_TIMEOUT:
        place_back(e, p, 0);
        return;
    case PS_EV_WAKE:
        if (e->s->mlfq_io_bump) {
            p->qpos_[0] = MLFQ_BACK - 1 - e->mlfq_front++;
            p->qpos_[1] = 0;
        } else {
            place_back(e, p, 2);
        }
        return;
    default:
        place_back(e, p, 1);
        return;
    }
}

/* A quantum ended, or the process started to wait (`waits`), with
 * quantum_left ticks left of its quantum.  mlfq_stay renews quantum and
 * allotment when it waits; a quantum that ran out (judged before that
 * renewal, as OSTEP does) costs one quantum of the allotment, and an
 * allotment used up moves the process down a level. */
static void mlfq_account(ps_engine *e, ps_pcb *p, int waits)
{
    const ps_scenario *s = e->s;
    int64_t left = p->quantum_left;
    int level = p->mlfq_level;
    if (waits && s->mlfq_stay) {
        p->quantum_left = s->mlfq_quanta[level];
        p->allot_left = s->mlfq_allotments[level];
    }
    if (left != 0)
        return;
    if (--p->allot_left == 0) {
        if (level + 1 < s->mlfq_levels)
            level++;
        p->mlfq_level = (uint8_t)level;
        p->priority = level;
        p->allot_left = s->mlfq_allotments[level];
    }
    p->quantum_left = s->mlfq_quanta[level];
}

/* The CPU slice of a process: what is left of its quantum.  A quantum
 * below 1 (OSTEP accepts -q 0) never ends: the count just goes negative. */
static int64_t mlfq_slice(const ps_pcb *p)
{
    return p->quantum_left > 0 ? p->quantum_left : INT64_MAX;
}

void ps__cpu_release(ps_engine *e, uint32_t pid)
{
    ps_pcb *p = ps__pcb(e, pid);
    ps__cpu *cpu = &e->cpu[p->cpu];
    ps__cpu_sync(e, p->cpu);
    /* a quantum that ran out this instant is charged even when the process
       leaves the CPU (suspended, evicted) before settle_expired sees it */
    if (cpu->expired && e->s->policy == PS_POLICY_MLFQ)
        mlfq_account(e, p, 0);
    p->regs = cpu->pub.regs;
    cpu->pub.pid = 0;
    cpu->gen++;
    if (cpu->timer)
        ps__timer_cancelled(e);
    cpu->timer = 0;
    cpu->expired = 0;
    cpu->finishing = 0;
    e->idle++;
}

/* ostep: the first Ready pid after the last one dispatched, wrapping
 * around (OSTEP process-run's scan); O(ready processes). */
static uint32_t ostep_next(const ps_engine *e)
{
    const ps__pheap *q = &e->q[PS__Q_READY];
    uint32_t best = 0, best_d = UINT32_MAX;
    for (uint32_t i = 0; i < q->n; i++) {
        uint32_t pid = q->v[i].pid;
        uint32_t d = (pid + e->n - e->last_dispatched - 1) % e->n;
        if (d < best_d) {
            best = pid;
            best_d = d;
        }
    }
    return best;
}

static void dispatch_pid(ps_engine *e, uint32_t c, uint32_t pid)
{
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
        cpu->quantum_left = mlfq_slice(p);
    else if (timesliced(e->s->policy))
        cpu->quantum_left = e->s->quantum;
    else
        cpu->quantum_left = INT64_MAX;
    e->idle--;
    e->last_dispatched = pid;
    e->cpu[c].reserved = 0;
    ps__cpu_start(e, c);
}

static void dispatch(ps_engine *e, uint32_t c)
{
    dispatch_pid(e, c, ps__pheap_top(e, PS__Q_READY));
}

/* A quantum ran out: (mlfq) account for it and go to the back of the
 * queue; time out if someone is waiting whom the policy would run instead,
 * otherwise start a fresh quantum. */
static int settle_expired(ps_engine *e, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    uint32_t pid = cpu->pub.pid;
    ps_pcb *p = ps__pcb(e, pid);
    int mlfq = e->s->policy == PS_POLICY_MLFQ;
    cpu->expired = 0;
    if (mlfq) {
        mlfq_account(e, p, 0);
        place_back(e, p, 0);
    }
    /* someone needs this CPU: more are waiting than there are idle CPUs */
    uint32_t head = ps__pheap_top(e, PS__Q_READY);
    ps__qentry self = {p->mlfq_level, p->qpos_[0], p->qpos_[1], pid};
    if (head && e->q[PS__Q_READY].n > e->idle &&
        (!mlfq || ps__qless(&e->q[PS__Q_READY].v[0], &self))) {
        ps__cpu_release(e, pid);
        ps__transition(e, pid, PS_READY, PS_EV_TIMEOUT, PS_CAUSE_QUANTUM,
                       mlfq ? e->s->mlfq_quanta[p->mlfq_level] : e->s->quantum, 0);
        return 1;
    }
    cpu->quantum_left = mlfq ? mlfq_slice(p) : e->s->quantum;
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

/* mlfq: the running process whose place is last yields to the head of the
 * queue if that comes before it. */
static int mlfq_preempt(ps_engine *e, uint32_t head)
{
    ps__qentry worst = {0, 0, 0, 0};
    for (uint32_t c = 0; c < e->ncpu; c++) {
        uint32_t pid = e->cpu[c].pub.pid;
        if (!pid)
            continue;
        const ps_pcb *p = ps__pcb(e, pid);
        ps__qentry k = {p->mlfq_level, p->qpos_[0], p->qpos_[1], pid};
        if (!worst.pid || ps__qless(&worst, &k))
            worst = k;
    }
    if (!worst.pid || !ps__qless(&e->q[PS__Q_READY].v[0], &worst))
        return 0;
    ps__cpu_release(e, worst.pid);
    ps__transition(e, worst.pid, PS_READY, PS_EV_PREEMPT, PS_CAUSE_PREEMPTED, head, 0);
    return 1;
}

/* ---- ostep: OSTEP process-run's rules ---------------------------------
 *
 * No preemption by urgency and no quantum: a process runs until it blocks
 * or ends.  The next process is the first Ready one after the last
 * dispatched, by pid, wrapping around.  switch on-end keeps a CPU idle for
 * the process that blocked on it; io_done immediate gives a woken process
 * a CPU at once, preempting if need be.  A process is checked for having
 * nothing left to run at the end of each tick (after the process that
 * blocked in it is replaced) and, under io_done later, at every wake-up;
 * one dispatched with nothing left after that holds its CPU idle until the
 * next check.  The engine settles
 * after every timer for this policy, so each decision is made before the
 * next event of the same instant (docs/engine.md). */

void ps__woken(ps_engine *e, uint32_t pid)
{
    if (e->s->policy != PS_POLICY_OSTEP || ps__pcb(e, pid)->state != PS_READY)
        return;
    if (e->s->io_done_rule == PS_IO_DONE_IMMEDIATE)
        e->urgent = pid;
    else
        e->finish_check = 1;
}

void ps__blocked(ps_engine *e, uint32_t pid, uint32_t c)
{
    e->cpu[c].blocked_at = e->now;
    if (e->s->policy == PS_POLICY_MLFQ)
        mlfq_account(e, ps__pcb(e, pid), 1);
    if (e->s->policy == PS_POLICY_OSTEP && e->s->switch_rule == PS_SWITCH_ON_END)
        e->cpu[c].reserved = pid;
}

/* The CPU an urgent process takes: its own reserved one, a free idle one,
 * else the first CPU, whose process it preempts. */
static uint32_t urgent_cpu(ps_engine *e, uint32_t pid)
{
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (e->cpu[c].reserved == pid)
            return c;
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (!e->cpu[c].pub.pid && !e->cpu[c].reserved)
            return c;
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (e->cpu[c].pub.pid)
            return c;
    return 0;
}

static int ostep_dispatch_one(ps_engine *e)
{
    if (e->finish_check) {
        int ended = 0;
        e->finish_check = 0;
        for (uint32_t c = 0; c < e->ncpu; c++)
            if (e->cpu[c].pub.pid && e->cpu[c].finishing) {
                ps__cpu_timer(e, c); /* ends it now */
                ended = 1;
            }
        if (ended)
            return 1;
    }
    if (e->urgent) {
        uint32_t pid = e->urgent, c = urgent_cpu(e, pid), victim = e->cpu[c].pub.pid;
        e->urgent = 0;
        if (ps__pcb(e, pid)->state != PS_READY)
            return 1;
        if (victim) {
            ps__cpu_release(e, victim);
            ps__transition(e, victim, PS_READY, PS_EV_PREEMPT, PS_CAUSE_PREEMPTED, pid, 0);
        }
        dispatch_pid(e, c, pid);
        return 1;
    }
    for (uint32_t c = 0; c < e->ncpu; c++) {
        ps__cpu *cpu = &e->cpu[c];
        if (cpu->pub.pid)
            continue;
        if (cpu->reserved) {
            uint8_t st = ps__pcb(e, cpu->reserved)->state;
            if (st == PS_READY) {
                dispatch_pid(e, c, cpu->reserved);
                return 1;
            }
            if (st == PS_BLOCKED)
                continue;
            cpu->reserved = 0; /* suspended or gone: the CPU is free again */
        }
        uint32_t pid = ostep_next(e);
        if (!pid)
            return 0;
        dispatch_pid(e, c, pid);
        return 1;
    }
    return 0;
}

int ps__dispatch_one(ps_engine *e)
{
    if (e->s->policy == PS_POLICY_OSTEP)
        return ostep_dispatch_one(e);
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
    if (e->s->policy == PS_POLICY_MLFQ)
        return mlfq_preempt(e, head);
    int64_t vkey;
    uint32_t victim = preempt_victim(e, &vkey);
    if (!victim || (int64_t)e->q[PS__Q_READY].v[0].k1 >= vkey)
        return 0;
    ps__cpu_release(e, victim);
    ps__transition(e, victim, PS_READY, PS_EV_PREEMPT, PS_CAUSE_PREEMPTED, head, 0);
    return 1;
}

static int by_level_place(const void *a, const void *b)
{
    const ps__qentry *x = a, *y = b;
    if (x->k1 != y->k1)
        return x->k1 > y->k1 ? -1 : 1; /* lowest level first */
    return ps__qless(x, y) ? -1 : ps__qless(y, x);
}

/* OSTEP's boost: the queues below the top, lowest first and each in its
 * order, move to the back of the top queue; then every process is on the
 * top level with a fresh quantum and allotment. */
void ps__mlfq_boost(ps_engine *e)
{
    const ps_scenario *s = e->s;
    ps__pheap *rq = &e->q[PS__Q_READY];
    for (uint32_t c = 0; c < e->ncpu; c++) {
        ps__cpu_sync(e, c); /* ticks before the boost count before it */
        if (e->cpu[c].pub.pid && e->cpu[c].expired)
            settle_expired(e, c); /* a quantum that ended here ends first */
    }
    size_t k = 0;
    ps__qentry *moving = malloc(((size_t)rq->n + e->ncpu + 1) * sizeof *moving);
    if (!moving) {
        e->nomem = 1;
        return;
    }
    for (uint32_t i = 0; i < rq->n; i++)
        if (rq->v[i].k1 > 0)
            moving[k++] = rq->v[i];
    for (uint32_t c = 0; c < e->ncpu; c++) {
        uint32_t pid = e->cpu[c].pub.pid;
        const ps_pcb *p = pid ? ps__pcb(e, pid) : NULL;
        if (p && p->mlfq_level > 0)
            moving[k++] = (ps__qentry){p->mlfq_level, p->qpos_[0], p->qpos_[1], pid};
    }
    qsort(moving, k, sizeof *moving, by_level_place);
    for (size_t i = 0; i < k; i++)
        place_back(e, ps__pcb(e, moving[i].pid), 0);
    free(moving);
    for (uint32_t i = 0; i < e->n; i++) {
        ps_pcb *p = &e->pcb[i];
        if (!p->created || p->state == PS_EXIT)
            continue;
        p->mlfq_level = 0;
        p->priority = 0;
        p->quantum_left = s->mlfq_quanta[0];
        p->allot_left = s->mlfq_allotments[0];
    }
    for (uint32_t i = 0; i < rq->n; i++)
        rq->v[i] = ps__queue_key(e, PS__Q_READY, rq->v[i].pid, 0);
    ps__pheap_rebuild(e, PS__Q_READY);
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (e->cpu[c].pub.pid && !e->cpu[c].finishing) {
            e->cpu[c].quantum_left = mlfq_slice(ps__pcb(e, e->cpu[c].pub.pid));
            e->cpu[c].expired = 0;
            ps__cpu_run(e, c); /* the slice now ends with the new quantum */
        }
}
