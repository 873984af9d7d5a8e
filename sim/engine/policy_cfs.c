/* policy_cfs.c — the completely fair scheduler, as Linux's CFS is taught
 * (docs/engine.md, "CFS", rules CFS1-CFS5), in whole ticks.
 *
 * Each process has a weight from its nice value (Linux's table: nice 0 is
 * 1024, each step about 1.25 times apart) and a virtual runtime, its CPU
 * time scaled by 1024 / weight.  The Ready queue is ordered by virtual
 * runtime, then pid.  A dispatched process gets a slice, its weight's
 * share of the target latency cfs_latency among the runnable processes
 * (Ready and Running), rounded down and at least cfs_min_granularity;
 * only at the slice's end may another take the CPU: the one with the
 * lowest virtual runtime, which may be the same process.  A process that
 * joins the runnable ones starts no lower than the lowest virtual runtime
 * among them.  Virtual runtimes are kept in thousandths of a tick.
 */
#include "policy.h"

/* Linux's sched_prio_to_weight, nice -20 .. 19 (kernel/sched/core.c). */
static const int32_t prio_to_weight[PS_NICE_MAX - PS_NICE_MIN + 1] = {
    /* -20 */ 88761, 71755, 56483, 46273, 36291,
    /* -15 */ 29154, 23254, 18705, 14949, 11916,
    /* -10 */ 9548,  7620,  6100,  4904,  3906,
    /*  -5 */ 3121,  2501,  1991,  1586,  1277,
    /*   0 */ 1024,  820,   655,   526,   423,
    /*   5 */ 335,   272,   215,   172,   137,
    /*  10 */ 110,   87,    70,    56,    45,
    /*  15 */ 36,    29,    23,    18,    15,
};
#define NICE_0_WEIGHT 1024
#define VRUNTIME_MAX (INT64_MAX / 2) /* virtual runtimes stop growing here */

static int64_t weight(const ps_pcb *p)
{
    int32_t n = p->nice < PS_NICE_MIN ? PS_NICE_MIN : p->nice > PS_NICE_MAX ? PS_NICE_MAX : p->nice;
    return prio_to_weight[n - PS_NICE_MIN];
}

static int runnable(const ps_pcb *p)
{
    return p->state == PS_READY || p->state == PS_RUNNING;
}

/* [CFS1] by virtual runtime, then pid; [CFS4] a newcomer or a process back
 * from a wait starts at the lowest virtual runtime if it is below it */
static ps__qentry cfs_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    return ps__catch_up_key(e, p, ev, offsetof(ps_pcb, vruntime));
}

/* [CFS2] latency * weight / (the runnable's weight), rounded down, at
 * least the minimum granularity */
static int64_t cfs_slice(const ps_engine *e, const ps_pcb *p)
{
    int64_t total = runnable(p) ? 0 : weight(p);
    for (uint32_t i = 0; i < e->n; i++)
        if (runnable(&e->pcb[i]))
            total += weight(&e->pcb[i]);
    int64_t s = e->s->cfs_latency * weight(p) / total;
    return s > e->s->cfs_min_granularity ? s : e->s->cfs_min_granularity;
}

/* [CFS3] the virtual runtime grows by ticks * 1024 / weight: after C ticks
 * of CPU in all, by floor(C * 1024000 / weight) thousandths in all, however
 * the ticks were counted out. */
static void cfs_ran(ps_engine *e, ps_pcb *p, int64_t ticks)
{
    (void)e;
    __int128 w = weight(p), c = p->cpu_time, k = NICE_0_WEIGHT * 1000;
    __int128 v = p->vruntime + c * k / w - (c - ticks) * k / w;
    p->vruntime = v < VRUNTIME_MAX ? (int64_t)v : VRUNTIME_MAX;
}

/* The slice a dispatch gave, for the cause of its end. */
static int cfs_start(ps_engine *e, uint32_t c)
{
    e->cpu[c].cfs.slice = e->cpu[c].quantum_left;
    return 1;
}

/* [CFS5] a slice ends: the lowest virtual runtime runs next; the process
 * keeps its CPU, with a new slice, unless the head of the Ready queue now
 * comes first. */
static int cfs_expire(ps_engine *e, ps_pcb *p, int64_t *length)
{
    ps__cpu *cpu = &e->cpu[p->cpu];
    *length = cpu->cfs.slice;
    cpu->cfs.slice = cfs_slice(e, p); /* the slice it is renewed with */
    if (!ps__qlen(e, PS__Q_READY))
        return 1;
    ps__qentry self = {(uint64_t)p->vruntime, 0, 0, p->pid};
    return ps__qless(&self, ps__qat(e, PS__Q_READY, 0));
}

static int cfs_why(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b)
{
    (void)e;
    *a = p->vruntime;
    *b = 0;
    return PS_CAUSE_WHY_VRUNTIME;
}

const ps__policy ps__policy_cfs = {
    .key = cfs_key,
    .slice = cfs_slice,
    .ran = cfs_ran,
    .start = cfs_start,
    .expire = cfs_expire,
    .why = cfs_why,
};
