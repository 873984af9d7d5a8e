/* policy_hrrn.c — highest response ratio next (Stallings; docs/engine.md,
 * rules P-hrrn, HRRN1-HRRN3): non-preemptive; when a CPU is free it takes
 * the Ready process with the largest response ratio (w + s) / s, where w
 * is the time the process has waited in Ready since it last became Ready
 * and s its next CPU burst as the burst policies rank it
 * (ps__ranked_burst: the predicted one with burst_estimate).  Ties by
 * arrival, then pid.
 *
 * The ratio grows with time, so no key fixed when a process joins the
 * queue can order it: the choice is a scan of the queue at each dispatch
 * (pick), which is also the order ps_engine_queue lists it in (order).
 * What the key can hold is s, which cannot change while the process is
 * Ready: k1 is s, computed once as it joins, then first come, first
 * served; the scan computes only w.  Ratios are
 * compared exactly, as fractions; a burst of 0 (the next op leaves the
 * CPU at once) is an infinite ratio, ahead of every finite one.
 */
#include <stdlib.h>

#include "policy.h"

/* A Ready process's ratio as the fraction num / den, in thousandths of a
 * tick above and below; den 0 for a burst of 0. */
typedef struct ratio {
    int64_t num, den;
    int64_t arrival;
    uint32_t pid;
} ratio;

/* The ratio of Ready process p whose burst is s. */
static ratio ratio_with(const ps_engine *e, const ps_pcb *p, int64_t s)
{
    int64_t w = e->now - p->state_since;
    if (s <= 0)
        return (ratio){1, 0, p->arrival, p->pid};
    /* w * 1000 + s saturates: a wait that long outranks everything anyway */
    int64_t wm = w > (INT64_MAX - s) / 1000 ? INT64_MAX - s : w * 1000;
    return (ratio){wm + s, s, p->arrival, p->pid};
}

/* The ratio of the process of Ready-queue entry q under hrrn (its k1 is
 * s). */
static ratio ratio_of(const ps_engine *e, const ps__qentry *q)
{
    return ratio_with(e, &e->pcb[q->pid - 1], (int64_t)q->k1);
}

/* Is a served before b: the larger ratio, then the earlier arrival, then
 * the lower pid? */
static int ahead(const ratio *a, const ratio *b)
{
    unsigned __int128 x = (unsigned __int128)a->num * (uint64_t)b->den;
    unsigned __int128 y = (unsigned __int128)b->num * (uint64_t)a->den;
    if (x != y)
        return x > y;
    if (a->arrival != b->arrival)
        return a->arrival < b->arrival;
    return a->pid < b->pid;
}

static ps__qentry hrrn_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    return ps__fifo_key(e, p, ev, (uint64_t)ps__ranked_burst(e, p, &p->regs));
}

/* The Ready-queue entry of Ready process p. */
static const ps__qentry *entry_of(const ps_engine *e, const ps_pcb *p)
{
    return ps__qat(e, PS__Q_READY, (uint32_t)e->slot[p->pid - 1]);
}

static uint32_t hrrn_pick(ps_engine *e, uint32_t c)
{
    (void)c;
    ratio best = {0, 0, 0, 0};
    for (uint32_t i = 0; i < ps__qlen(e, PS__Q_READY); i++) {
        ratio r = ratio_of(e, ps__qat(e, PS__Q_READY, i));
        if (!best.pid || ahead(&r, &best))
            best = r;
    }
    return best.pid;
}

static int by_ratio(const void *a, const void *b)
{
    return ahead(a, b) ? -1 : ahead(b, a);
}

/* The queue as it would be served now: by ratio (if there is no memory
 * for the sort, the queue's own order is left). */
static void hrrn_order(const ps_engine *e, ps__qentry *q, uint32_t n)
{
    ratio *r = malloc(((size_t)n + 1) * sizeof *r);
    if (!r)
        return;
    for (uint32_t i = 0; i < n; i++)
        r[i] = ratio_of(e, &q[i]);
    qsort(r, n, sizeof *r, by_ratio);
    for (uint32_t i = 0; i < n; i++)
        q[i].pid = r[i].pid; /* only the pids are read from a listing */
    free(r);
}

/* The ratio in thousandths, rounded down; INT64_MAX for a burst of 0. */
static int64_t milli(const ratio *r)
{
    if (!r->den)
        return INT64_MAX;
    unsigned __int128 m = (unsigned __int128)r->num * 1000 / (uint64_t)r->den;
    return m > INT64_MAX ? INT64_MAX : (int64_t)m;
}

static int hrrn_why(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b)
{
    ratio r = ratio_of(e, entry_of(e, p)); /* still Ready, about to run */
    *b = 0;
    if (!r.den) { /* nothing (predicted) to run before it leaves the CPU */
        *a = 0;
        return ps__estimating(e) ? PS_CAUSE_WHY_ESTIMATE : PS_CAUSE_WHY_BURST;
    }
    *a = milli(&r);
    return PS_CAUSE_WHY_RATIO;
}

int64_t ps_engine_response_ratio(const ps_engine *e, uint32_t pid)
{
    if (e->observed || pid < 1 || pid > e->n || e->pcb[pid - 1].state != PS_READY)
        return -1;
    /* under any policy: the queue's keys are hrrn's only under hrrn */
    const ps_pcb *p = &e->pcb[pid - 1];
    ratio r = ratio_with(e, p, ps__ranked_burst(e, p, &p->regs));
    return r.den ? milli(&r) : -1;
}

const ps__policy ps__policy_hrrn = {
    .key = hrrn_key,
    .pick = hrrn_pick,
    .order = hrrn_order,
    .why = hrrn_why,
};
