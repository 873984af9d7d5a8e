/* policy_cfs.c — PLACEHOLDER until its helper lands: first come, first
 * served.  Replaced by the real policy (issue 13). */
#include "policy.h"

static ps__qentry key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    return ps__fifo_key(e, p, ev, 0);
}

const ps__policy ps__policy_cfs = {.key = key};
