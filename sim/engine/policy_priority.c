/* policy_priority.c — priority scheduling (docs/engine.md): the Ready
 * queue in the order of the priority number, smallest (most urgent)
 * first, then arrival and pid.
 *
 *   priority             never preempts;
 *   priority-preemptive  a Ready process strictly more urgent than a
 *                        running one preempts it (equal urgency does not).
 */
#include "policy.h"

static int64_t urgency(const ps_engine *e, const ps_pcb *p, const ps_regs *r)
{
    (void)e, (void)r;
    return p->base_priority;
}

static ps__qentry priority_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    (void)ev;
    return ps__rank_key(p, urgency(e, p, &p->regs));
}

static uint32_t priority_victim(ps_engine *e)
{
    return ps__victim_by_rank(e, urgency);
}

static int priority_why(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b)
{
    (void)e;
    *a = p->priority;
    *b = 0;
    return PS_CAUSE_WHY_PRIORITY;
}

const ps__policy ps__policy_priority = {.key = priority_key, .why = priority_why};
const ps__policy ps__policy_priority_preemptive = {.key = priority_key,
                                                   .victim = priority_victim,
                                                   .why = priority_why};
