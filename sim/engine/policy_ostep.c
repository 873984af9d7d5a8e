/* policy_ostep.c — the scheduler of OSTEP's process-run.py (docs/engine.md,
 * "the ostep policy", which numbers the rules):
 *
 * No preemption by urgency and no quantum: a process runs until it blocks
 * or ends.  The next process is the first Ready one after the last
 * dispatched, by pid, wrapping around.  switch on-end keeps a CPU idle for
 * the process that blocked on it; io_done immediate gives a woken process
 * a CPU at once, preempting if need be.  A process is checked for having
 * nothing left to run at the end of each tick (after the process that
 * blocked in it is replaced) and, under io_done later, at every wake-up;
 * one dispatched with nothing left after that holds its CPU idle until the
 * next check.  The engine settles after every timer for this policy
 * (PS__POLICY_SETTLE_EACH), so each decision is made before the next event
 * of the same instant.
 */
#include <stdint.h>

#include "policy.h"

static ps__qentry ostep_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    (void)e, (void)ev;
    return ps__rank_key(p, 0); /* the order shown; the pick is a scan */
}

/* The first Ready pid after the last one dispatched, wrapping around
 * (rule 2); O(ready processes). */
static uint32_t next_after_last(const ps_engine *e)
{
    uint32_t best = 0, best_d = UINT32_MAX;
    for (uint32_t i = 0; i < ps__qlen(e, PS__Q_READY); i++) {
        uint32_t pid = ps__qat(e, PS__Q_READY, i)->pid;
        uint32_t d = (pid + e->n - e->pol.ostep.last_dispatched - 1) % e->n;
        if (d < best_d) {
            best = pid;
            best_d = d;
        }
    }
    return best;
}

/* pick: a CPU kept for a Blocked process waits for it (rule 3). */
static uint32_t ostep_pick(ps_engine *e, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    if (cpu->ostep.reserved) {
        uint8_t st = ps__pcb(e, cpu->ostep.reserved)->state;
        if (st == PS_READY)
            return cpu->ostep.reserved;
        if (st == PS_BLOCKED)
            return 0;
        cpu->ostep.reserved = 0; /* suspended or gone: the CPU is free again */
    }
    return next_after_last(e);
}

static void ostep_woken(ps_engine *e, ps_pcb *p)
{
    if (p->state != PS_READY)
        return;
    if (e->s->io_done_rule == PS_IO_DONE_IMMEDIATE)
        e->pol.ostep.urgent = p->pid;
    else
        e->pol.ostep.finish_check = 1;
}

static void ostep_blocked(ps_engine *e, ps_pcb *p, uint32_t c)
{
    e->cpu[c].ostep.blocked_at = e->now;
    if (e->s->switch_rule == PS_SWITCH_ON_END)
        e->cpu[c].ostep.reserved = p->pid;
}

/* The CPU an urgent process takes: its own reserved one, a free idle one,
 * else the first CPU, whose process it preempts (rule 4). */
static uint32_t urgent_cpu(const ps_engine *e, uint32_t pid)
{
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (e->cpu[c].ostep.reserved == pid)
            return c;
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (!e->cpu[c].pub.pid && !e->cpu[c].ostep.reserved)
            return c;
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (e->cpu[c].pub.pid)
            return c;
    return 0;
}

/* Before the generic dispatch: the finish check a wake-up asked for, and
 * the CPU an urgent process takes at once. */
static int ostep_act(ps_engine *e)
{
    if (e->pol.ostep.finish_check) {
        int ended = 0;
        e->pol.ostep.finish_check = 0;
        for (uint32_t c = 0; c < e->ncpu; c++)
            if (e->cpu[c].pub.pid && e->cpu[c].holding) {
                ps__cpu_timer(e, c); /* ends it now */
                ended = 1;
            }
        if (ended)
            return 1;
    }
    if (!e->pol.ostep.urgent)
        return 0;
    uint32_t pid = e->pol.ostep.urgent, c = urgent_cpu(e, pid), victim = e->cpu[c].pub.pid;
    e->pol.ostep.urgent = 0;
    if (ps__pcb(e, pid)->state != PS_READY)
        return 1;
    if (victim)
        ps__preempt(e, victim, pid);
    ps__dispatch(e, c, pid);
    return 1;
}

/* A process dispatched with nothing left to run after the end-of-tick
 * check holds its CPU, idle, for a tick (rule 5); replacing a process that
 * blocked in this tick, that check is still to come and ends it at once. */
static int ostep_start(ps_engine *e, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    int unchecked = cpu->ostep.blocked_at == e->now;
    e->pol.ostep.last_dispatched = cpu->pub.pid;
    cpu->ostep.reserved = 0;
    cpu->ostep.blocked_at = -1;
    if (e->now >= cpu->work_from && !unchecked &&
        !ps__op_at(e, cpu->pub.pid, cpu->pub.regs.pc)) {
        cpu->holding = 1;
        ps__set_cpu_timer(e, c, e->now + 1);
        return 0;
    }
    return 1;
}

static int64_t ostep_init(ps_engine *e)
{
    for (uint32_t c = 0; c < e->ncpu; c++)
        e->cpu[c].ostep.blocked_at = -1;
    return -1;
}

const ps__policy ps__policy_ostep = {
    .key = ostep_key,
    .pick = ostep_pick,
    .woken = ostep_woken,
    .blocked = ostep_blocked,
    .act = ostep_act,
    .start = ostep_start,
    .init = ostep_init,
    .flags = PS__POLICY_SETTLE_EACH,
};
