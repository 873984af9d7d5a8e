/* policy_fcfs.c — the policies that serve in arrival order or by CPU burst
 * (docs/engine.md, "short-term scheduling" and "Predicted bursts"):
 *
 *   fcfs  first come, first served: the time of becoming Ready; never
 *         preempts.
 *   sjf   shortest job first: the next CPU burst, shortest first, fixed
 *         when the process joins the queue; never preempts.
 *   srtf  shortest remaining time first: sjf's order, and a Ready process
 *         whose burst is strictly shorter than a running one's remaining
 *         burst preempts it.
 *
 * The burst is the real one, or with system.burst_estimate the predicted
 * one, tau (ps__ranked_burst, thousandths of a tick either way).  Ties by
 * arrival, then pid.
 */
#include "policy.h"

static ps__qentry fcfs_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    return ps__fifo_key(e, p, ev, 0);
}

static ps__qentry burst_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    (void)ev;
    return ps__rank_key(p, ps__ranked_burst(e, p, &p->regs));
}

static uint32_t srtf_victim(ps_engine *e)
{
    return ps__victim_by_rank(e, ps__ranked_burst);
}

/* The burst in the cause: the real one in ticks, or the predicted one in
 * thousandths [EST6]. */
static int burst_why(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b)
{
    *b = 0;
    if (ps__estimating(e)) {
        *a = ps__ranked_burst(e, p, &p->regs);
        return PS_CAUSE_WHY_ESTIMATE;
    }
    *a = ps__burst(e, p, &p->regs);
    return PS_CAUSE_WHY_BURST;
}

const ps__policy ps__policy_fcfs = {.key = fcfs_key};
const ps__policy ps__policy_sjf = {.key = burst_key, .why = burst_why};
const ps__policy ps__policy_srtf = {.key = burst_key, .victim = srtf_victim, .why = burst_why};
