/* policy_stride.c — stride scheduling (OSTEP chapter 9; docs/engine.md,
 * "Lottery and stride", rules STR1-STR4): lottery's proportions without
 * the chance.
 *
 * A process's stride is STRIDE_BIG / tickets; its pass starts at 0 and
 * grows by the stride for each quantum of CPU it uses.  The Ready queue is
 * ordered by pass, then pid; when a quantum ends, the process keeps its
 * CPU if its pass is still before the head's.  A process that joins the
 * runnable ones (arrives, wakes, comes back from suspension) starts no
 * lower than the lowest pass among them, so that it cannot take the CPU
 * for as long as it was away.  Passes are kept in thousandths, so that
 * strides that do not divide STRIDE_BIG stay close.
 */
#include "policy.h"

#define STRIDE_BIG 10000 /* OSTEP's "large number": strides 100, 200, 40
                            for 100, 50 and 250 tickets */
#define PASS_MAX (INT64_MAX / 2) /* passes stop growing here (never in a run
                                    a file can describe) */

/* The stride in thousandths; at least 1 (tickets beyond STRIDE_BIG * 1000
 * all move their pass the least, and tickets below 1, which only a builder
 * makes, count as 1). */
static int64_t stride(const ps_pcb *p)
{
    int64_t t = p->tickets > 0 ? p->tickets : 1, s = STRIDE_BIG * 1000LL / t;
    return s > 0 ? s : 1;
}

/* [STR1] by pass, then pid; [STR3] a newcomer starts at the lowest pass */
static ps__qentry stride_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    return ps__catch_up_key(e, p, ev, offsetof(ps_pcb, pass));
}

static int64_t stride_slice(const ps_engine *e, const ps_pcb *p)
{
    (void)p;
    return e->s->quantum;
}

/* [STR2] the pass grows by the stride per quantum of CPU used, in
 * proportion for part of one: after C ticks of CPU in all, by
 * floor(stride * C / quantum) in all, however the ticks were counted out. */
static void stride_ran(ps_engine *e, ps_pcb *p, int64_t ticks)
{
    __int128 s = stride(p), q = e->s->quantum, c = p->cpu_time;
    __int128 pass = p->pass + s * c / q - s * (c - ticks) / q;
    p->pass = pass < PASS_MAX ? (int64_t)pass : PASS_MAX;
}

/* [STR4] when a quantum ends, the lowest pass runs next: the process keeps
 * its CPU unless the head of the Ready queue now comes first. */
static int stride_expire(ps_engine *e, ps_pcb *p, int64_t *length)
{
    *length = e->s->quantum;
    if (!ps__qlen(e, PS__Q_READY))
        return 1;
    ps__qentry self = {(uint64_t)p->pass, 0, 0, p->pid};
    return ps__qless(&self, ps__qat(e, PS__Q_READY, 0));
}

static int stride_why(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b)
{
    (void)e;
    *a = p->pass;
    *b = 0;
    return PS_CAUSE_WHY_STRIDE;
}

const ps__policy ps__policy_stride = {
    .key = stride_key,
    .slice = stride_slice,
    .ran = stride_ran,
    .expire = stride_expire,
    .why = stride_why,
};
