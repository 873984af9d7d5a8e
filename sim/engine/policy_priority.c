/* policy_priority.c — priority scheduling (docs/engine.md): the Ready
 * queue in the order of urgency, the priority number's rank under
 * system.priority_order (ps__urgency: smallest number first by default),
 * then arrival and pid.
 *
 *   priority             never preempts;
 *   priority-preemptive  a Ready process strictly more urgent than a
 *                        running one preempts it (equal urgency does not).
 *
 * and what the priority family shares with priority-rr
 * (policy_priority_rr.c): the rank of a process, the reason of a
 * dispatch, and aging (system.aging, rules AGE1-AGE5).  Aging changes a
 * Ready process's current priority (pcb->priority) at the exact tick it
 * is due, by the policy's timer, so that a promotion that makes it more
 * urgent than a running process preempts at that tick; it runs with its
 * aged priority and gets its base priority back when it leaves the CPU.
 */
#include "policy.h"

int64_t ps__priority_rank(const ps_engine *e, const ps_pcb *p, const ps_regs *r)
{
    (void)r;
    return ps__urgency(e, p->priority);
}

int ps__priority_why(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b)
{
    (void)e;
    *a = p->priority;
    *b = 0;
    if (p->priority == p->base_priority)
        return PS_CAUSE_WHY_PRIORITY;
    *b = p->base_priority;
    return PS_CAUSE_WHY_AGED;
}

/* ---- aging ---------------------------------------------------------------- */

/* The next tick Ready process p ages (AGE1: every aging_every ticks since
 * it became Ready), -1 if never: it is as urgent as a number can be
 * (AGE2). */
static int64_t next_aging(const ps_engine *e, const ps_pcb *p)
{
    int64_t every = e->s->aging_every;
    if (ps__urgency(e, p->priority) == 0)
        return -1;
    return p->state_since + ((e->now - p->state_since) / every + 1) * every;
}

static int64_t earliest_aging(const ps_engine *e)
{
    int64_t next = -1;
    for (uint32_t i = 0; i < ps__qlen(e, PS__Q_READY); i++) {
        int64_t at = next_aging(e, &e->pcb[ps__qat(e, PS__Q_READY, i)->pid - 1]);
        if (at >= 0 && (next < 0 || at < next))
            next = at;
    }
    return next;
}

int64_t ps__aging_init(ps_engine *e)
{
    e->pol.priority.seen = UINT64_MAX;
    e->pol.priority.armed = -1;
    return -1;
}

/* Each round of dispatch: when the Ready queue may have changed (some
 * transition happened since the last look), the timer is moved to the
 * next tick anyone in it ages, so it never fires for nobody. */
int ps__aging_act(ps_engine *e)
{
    if (!e->s->aging_every || e->pol.priority.seen == e->transitions)
        return 0;
    e->pol.priority.seen = e->transitions;
    int64_t next = earliest_aging(e);
    if (next != e->pol.priority.armed) {
        e->pol.priority.armed = next;
        ps__policy_timer(e, next);
    }
    return 0;
}

/* The timer: every Ready process that has now waited a multiple of
 * aging_every ticks becomes aging_by steps more urgent, its queue key with
 * it (its place among the processes of its new priority is the one it
 * would have had with that priority from the start, AGE3). */
int64_t ps__aging_timer(ps_engine *e)
{
    ps__qentry *q = e->q[PS__Q_READY].data;
    int moved = 0;
    for (uint32_t i = 0; i < ps__qlen(e, PS__Q_READY); i++) {
        ps_pcb *p = ps__pcb(e, q[i].pid);
        int64_t waited = e->now - p->state_since;
        if (waited > 0 && waited % e->s->aging_every == 0 && ps__urgency(e, p->priority) > 0) {
            p->priority = (int32_t)ps__more_urgent(e, p->priority, e->s->aging_by);
            q[i].k1 = (uint64_t)ps__urgency(e, p->priority);
            moved = 1;
        }
    }
    if (moved)
        ps__pheap_rebuild(e, PS__Q_READY);
    return e->pol.priority.armed = earliest_aging(e);
}

/* Off the CPU: the base priority back (AGE4).  Not at dispatch: a process
 * that aging made more urgent than the running one, given back its base
 * priority as it takes the CPU, would be preempted at once by the process
 * it displaced. */
void ps__aging_left(ps_engine *e, ps_pcb *p)
{
    (void)e;
    p->priority = p->base_priority;
}

/* ---- priority, priority-preemptive ------------------------------------------ */

static ps__qentry priority_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    (void)ev;
    return ps__rank_key(p, ps__priority_rank(e, p, &p->regs));
}

static uint32_t priority_victim(ps_engine *e)
{
    return ps__victim_by_rank(e, ps__priority_rank);
}

const ps__policy ps__policy_priority = {
    .key = priority_key,
    .why = ps__priority_why,
    .init = ps__aging_init,
    .act = ps__aging_act,
    .timer = ps__aging_timer,
    .left = ps__aging_left,
};
const ps__policy ps__policy_priority_preemptive = {
    .key = priority_key,
    .victim = priority_victim,
    .why = ps__priority_why,
    .init = ps__aging_init,
    .act = ps__aging_act,
    .timer = ps__aging_timer,
    .left = ps__aging_left,
};
