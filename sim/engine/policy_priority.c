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

/* Does Ready process p age at tick t: it has then waited a positive
 * multiple of aging_every ticks since it became Ready (AGE1) and is not as
 * urgent as a number can be (AGE2)?  An entry of `due` is live while this
 * holds for its process at its tick: one of a process that left Ready
 * since no longer does, unless the process came back at a tick that makes
 * it due then too, and then its own entry for that tick is there as well. */
static int ages_at(ps_engine *e, uint32_t pid, int64_t t)
{
    const ps_pcb *p = ps__pcb(e, pid);
    int64_t waited = t - p->state_since;
    return p->state == PS_READY && ps__queued(e, pid) && waited > 0 &&
           waited % e->s->aging_every == 0 && ps__urgency(e, p->priority) > 0;
}

static void due_push(ps_engine *e, uint32_t pid, int64_t at)
{
    if (ps__theap_push(&e->pol.priority.due, (ps__timer){.time = at, .order = pid, .id = pid}))
        e->nomem = 1;
}

/* The earliest live due tick, -1 for none; dead entries on top go. */
static int64_t earliest_aging(ps_engine *e)
{
    ps__vec *due = &e->pol.priority.due;
    for (; due->len; ps__theap_pop(due)) {
        const ps__timer *top = due->data;
        if (ages_at(e, top->id, top->time))
            return top->time;
    }
    return -1;
}

int64_t ps__aging_init(ps_engine *e)
{
    ps__vec_init(&e->pol.priority.due, sizeof(ps__timer));
    e->pol.priority.armed = -1;
    return -1;
}

void ps__aging_fini(ps_engine *e)
{
    ps__vec_fini(&e->pol.priority.due);
}

void ps__aging_joined(ps_engine *e, const ps_pcb *p)
{
    if (e->s->aging_every && ps__urgency(e, p->priority) > 0)
        due_push(e, p->pid, e->now + e->s->aging_every);
}

/* Each round of dispatch: the timer follows the earliest live due tick,
 * so it never fires for nobody. */
int ps__aging_act(ps_engine *e)
{
    if (!e->s->aging_every)
        return 0;
    int64_t next = earliest_aging(e);
    if (next != e->pol.priority.armed) {
        e->pol.priority.armed = next;
        ps__policy_timer(e, next);
    }
    return 0;
}

/* The timer: every Ready process due now becomes aging_by steps more
 * urgent, its queue key with it (its place among the processes of its new
 * priority is the one it would have had with that priority from the start,
 * AGE3), and is due again aging_every ticks later.  Entries of one tick
 * come out by pid, so a process's second entry for it follows its first
 * and is skipped. */
int64_t ps__aging_timer(ps_engine *e)
{
    ps__vec *due = &e->pol.priority.due;
    uint32_t last = 0;
    while (due->len && ((const ps__timer *)due->data)->time <= e->now) {
        uint32_t pid = ps__theap_pop(due).id;
        if (pid == last || !ages_at(e, pid, e->now))
            continue;
        last = pid;
        ps_pcb *p = ps__pcb(e, pid);
        p->priority = (int32_t)ps__more_urgent(e, p->priority, e->s->aging_by);
        ps__qentry key = *ps__qat(e, PS__Q_READY, (uint32_t)e->slot[pid - 1]);
        key.k1 = (uint64_t)ps__urgency(e, p->priority);
        ps__pheap_rekey(e, PS__Q_READY, pid, key);
        if (ps__urgency(e, p->priority) > 0)
            due_push(e, pid, e->now + e->s->aging_every);
    }
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
    ps__aging_joined(e, p);
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
    .fini = ps__aging_fini,
};
const ps__policy ps__policy_priority_preemptive = {
    .key = priority_key,
    .victim = priority_victim,
    .why = ps__priority_why,
    .init = ps__aging_init,
    .act = ps__aging_act,
    .timer = ps__aging_timer,
    .left = ps__aging_left,
    .fini = ps__aging_fini,
};
