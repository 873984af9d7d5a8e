/* policy_rr.c — round robin (docs/engine.md): first come, first served,
 * each dispatch a quantum of `quantum` ticks; when it runs out the process
 * goes to the back of the queue if anyone is waiting for a CPU, and keeps
 * its CPU with a fresh quantum otherwise.  A process that arrives at the
 * tick a quantum ends queues ahead of the one timed out, or behind it with
 * rr_arrival after-preempted (ps__fifo_key).
 */
#include "policy.h"

static ps__qentry rr_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    return ps__fifo_key(e, p, ev, 0);
}

static int64_t rr_slice(const ps_engine *e, const ps_pcb *p)
{
    (void)p;
    return e->s->quantum;
}

const ps__policy ps__policy_rr = {.key = rr_key, .slice = rr_slice};
