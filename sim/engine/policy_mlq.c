/* policy_mlq.c — the multilevel queue with fixed bands (Silberschatz
 * §5.3.5; docs/engine.md, rules P-mlq, MLQ1-MLQ4): system.queues lists
 * the bands, most urgent first; each process stays in its band (`queue`).
 *
 * The Ready queue's keys are (band, the band's own order, pid): fcfs and
 * rr bands by the time of becoming Ready, then arrival; sjf bands by the
 * next CPU burst, priority bands by urgency (ps__urgency), then arrival.
 * Between bands strict priority, preemptive: a Ready process of a more
 * urgent band preempts a running one of a less urgent band.  Within a band
 * nothing preempts; an rr band's processes take turns with its quantum.
 *
 * A preempted process of a first-come-first-served band (fcfs, rr) keeps
 * its place, at the head of its band, and one of an rr band resumes with
 * the rest of its quantum: the rules of POSIX's SCHED_FIFO and SCHED_RR,
 * whose priority lists are such bands (Linux sched(7)).  Its place is kept
 * in pcb->qpos_, the rest of its quantum in pcb->quantum_left (0: a full
 * one).  In an sjf or priority band it rejoins by the band's order.
 */
#include "policy.h"

static const ps_band *band_of(const ps_engine *e, const ps_pcb *p)
{
    return &e->s->queues[p->queue];
}

/* The swapper's band (MLQ5): a process of a more urgent band is more
 * urgent to it too, as to the CPU. */
static int64_t mlq_band(const ps_engine *e, const ps_pcb *p)
{
    (void)e;
    return p->queue;
}

static ps__qentry mlq_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    const ps_band *b = band_of(e, p);
    uint64_t band = p->queue, arrival = (uint64_t)p->arrival;
    if (b->policy == PS_POLICY_SJF)
        return (ps__qentry){band, (uint64_t)ps__burst(e, p, &p->regs), arrival, p->pid};
    if (b->policy == PS_POLICY_PRIORITY)
        return (ps__qentry){band, (uint64_t)ps__urgency(e, p->priority), arrival, p->pid};
    if (ev == PS_EV_PREEMPT) { /* its old place, the rest of its quantum */
        int64_t left = e->cpu[p->cpu].quantum_left;
        p->quantum_left = b->policy == PS_POLICY_RR && left > 0 ? left : 0;
        return (ps__qentry){band, p->qpos_[0], p->qpos_[1], p->pid};
    }
    ps__qentry k = ps__fifo_key(e, p, ev, band);
    p->qpos_[0] = k.k2;
    p->qpos_[1] = k.k3;
    p->quantum_left = 0;
    return k;
}

static int64_t mlq_slice(const ps_engine *e, const ps_pcb *p)
{
    const ps_band *b = band_of(e, p);
    if (b->policy != PS_POLICY_RR)
        return INT64_MAX;
    return p->quantum_left > 0 ? p->quantum_left : b->quantum;
}

/* An rr band's quantum ran out: a fresh one next, and the CPU is kept
 * unless a process of its band (or a more urgent one) is waiting. */
static int mlq_expire(ps_engine *e, ps_pcb *p, int64_t *length)
{
    *length = band_of(e, p)->quantum;
    p->quantum_left = 0;
    return ps__keeps_cpu(e, p->queue);
}

static int64_t band_rank(const ps_engine *e, const ps_pcb *p, const ps_regs *r)
{
    (void)e, (void)r;
    return p->queue;
}

static uint32_t mlq_victim(ps_engine *e)
{
    return ps__victim_by_rank(e, band_rank);
}

/* The band, and what ranked the process first within it. */
static int mlq_why(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b)
{
    const ps_band *band = band_of(e, p);
    *a = p->queue;
    *b = 0;
    if (band->policy == PS_POLICY_SJF) {
        *b = ps__burst(e, p, &p->regs);
        return PS_CAUSE_WHY_QUEUE_BURST;
    }
    if (band->policy == PS_POLICY_PRIORITY) {
        *b = p->priority;
        return PS_CAUSE_WHY_QUEUE_PRIORITY;
    }
    return PS_CAUSE_WHY_QUEUE;
}

const ps__policy ps__policy_mlq = {
    .key = mlq_key,
    .slice = mlq_slice,
    .expire = mlq_expire,
    .victim = mlq_victim,
    .why = mlq_why,
    .band = mlq_band,
};
