/* policy_priority_rr.c — priority with round robin among equal
 * priorities (Silberschatz §5.3.4; docs/engine.md, rules P-priority-rr,
 * PRR1, PRR2):
 *
 * The Ready queue is ordered by urgency (ps__urgency of the current
 * priority), then by the time of becoming Ready: one FIFO queue per
 * priority.  Each dispatch has a quantum of `quantum` ticks; when it runs
 * out the process goes to the back of its priority's queue if a process
 * at least as urgent is waiting, and keeps its CPU with a fresh quantum
 * otherwise (less urgent ones do not take turns with it).  A Ready
 * process strictly more urgent than a running one preempts it, and the
 * preempted process goes to the back of its priority's queue, like one
 * timed out (Silberschatz exercise 6.17).  Aging as the priority family's
 * (policy_priority.c).
 */
#include "policy.h"

static ps__qentry prr_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    ps__aging_joined(e, p);
    return ps__fifo_key(e, p, ev, (uint64_t)ps__priority_rank(e, p, &p->regs));
}

static int64_t prr_slice(const ps_engine *e, const ps_pcb *p)
{
    (void)p;
    return e->s->quantum;
}

/* A quantum's end: the base priority back (an aged process's turn is
 * over, rule AGE4), then the CPU is kept if no Ready process is at least
 * as urgent (PRR1). */
static int prr_expire(ps_engine *e, ps_pcb *p, int64_t *length)
{
    *length = e->s->quantum;
    ps__aging_left(e, p);
    return ps__keeps_cpu(e, (uint64_t)ps__priority_rank(e, p, &p->regs));
}

static uint32_t prr_victim(ps_engine *e)
{
    return ps__victim_by_rank(e, ps__priority_rank);
}

const ps__policy ps__policy_priority_rr = {
    .key = prr_key,
    .slice = prr_slice,
    .expire = prr_expire,
    .victim = prr_victim,
    .why = ps__priority_why,
    .init = ps__aging_init,
    .act = ps__aging_act,
    .timer = ps__aging_timer,
    .left = ps__aging_left,
    .fini = ps__aging_fini,
};
