/* memory.c — the long-term scheduler (admission) and the medium-term
 * scheduler (swapping) over the memory model: each process needs `memory`
 * units while resident (Ready, Running, Blocked); the system has
 * scenario->memory units, or no limit.
 *
 * Rules, run at the end of every instant until nothing moves
 * (docs/engine.md, "memory"):
 *   A. A new process is admitted to Ready if it fits in free memory and no
 *      swapped-out process is waiting for memory; otherwise to
 *      Ready/Suspend.
 *   S1. The most urgent Ready/Suspend process (base priority, then time it
 *      was swapped out, arrival, pid) is swapped in as soon as it fits.
 *      Urgency is the base priority's rank under system.priority_order,
 *      after the policy's band under mlq (ps__swap_urgency), here and in
 *      S3.
 *   S2. If it does not fit, Blocked processes are swapped out, the one
 *      blocked longest first, if together they free enough.
 *   S3. Otherwise, if Ready or Running processes of strictly lower urgency
 *      would free enough, the least urgent are
 *      evicted to Ready/Suspend, Ready before Running.
 *   S4. When no Ready/Suspend process is waiting, the most urgent
 *      Blocked/Suspend process is swapped back in if it fits.
 * Processes suspended by the user are in no queue: only resume brings them
 * back.  Nothing overtakes the head of the queue, so the order is FIFO
 * within a priority and no process starves behind smaller ones.
 */
#include "engine_internal.h"

static int limited(const ps_engine *e) { return e->s->memory != PS_UNLIMITED; }

static int64_t mem_free(const ps_engine *e) { return e->s->memory - e->mem_used; }

void ps__memory_account(ps_engine *e, ps_pcb *p, ps_state from, ps_state to)
{
    if (ps_state_resident(from) && !ps_state_resident(to))
        e->mem_used -= p->memory;
    else if (!ps_state_resident(from) && ps_state_resident(to))
        e->mem_used += p->memory;
    if (from == PS_BLOCKED)
        e->mem_blocked -= p->memory;
    if (to == PS_BLOCKED)
        e->mem_blocked += p->memory;
}

void ps__memory_event(ps_engine *e, const ps_pcb *p, ps_state from, ps_state to)
{
    if (!p->memory || ps_state_resident(from) == ps_state_resident(to))
        return;
    ps__op(e, ps_state_resident(to) ? PS_OPE_ALLOC : PS_OPE_FREE, p->pid, 0, p->memory,
           e->mem_used, 0, 0);
}

void ps__admit_new(ps_engine *e)
{
    uint32_t pid;
    while ((pid = ps__fifo_pop(e, &e->newq))) {
        ps_pcb *p = ps__pcb(e, pid);
        /* [SB1] one that started Blocked says why it comes in only now */
        ps_cause fits = e->s->procs[pid - 1].starts_blocked ? PS_CAUSE_FIRST_OP_DONE
                                                             : PS_CAUSE_MEMORY_FITS;
        if (!limited(e))
            ps__transition(e, pid, PS_READY, PS_EV_ADMIT, fits, p->memory, PS_UNLIMITED);
        else if (p->memory <= mem_free(e) && !ps__qlen(e, PS__Q_SWAPPED))
            ps__transition(e, pid, PS_READY, PS_EV_ADMIT, fits, e->mem_used + p->memory,
                           e->s->memory);
        else if (p->memory <= mem_free(e))
            ps__transition(e, pid, PS_READY_SUSPENDED, PS_EV_ADMIT,
                           PS_CAUSE_MEMORY_QUEUE, ps__pheap_top(e, PS__Q_SWAPPED), 0);
        else
            ps__transition(e, pid, PS_READY_SUSPENDED, PS_EV_ADMIT,
                           PS_CAUSE_MEMORY_FULL, p->memory, mem_free(e));
    }
}

/* The swapper's urgency of a process: its band, then its base priority's
 * rank (0 the most urgent; rules PO1, MLQ5). */
static int64_t urgency(const ps_engine *e, const ps_pcb *p)
{
    return ps__swap_urgency(e, p);
}

/* Sum of memory held by resident Ready/Running processes less urgent than
 * rank `than`; the scan is only made when priorities differ. */
static int64_t evictable(ps_engine *e, int64_t than)
{
    int64_t sum = 0;
    for (uint32_t i = 0; i < ps__qlen(e, PS__Q_READY); i++) {
        const ps_pcb *p = ps__pcb(e, ps__qat(e, PS__Q_READY, i)->pid);
        if (urgency(e, p) > than)
            sum += p->memory;
    }
    for (uint32_t c = 0; c < e->ncpu; c++) {
        uint32_t pid = e->cpu[c].pub.pid;
        if (pid && urgency(e, ps__pcb(e, pid)) > than)
            sum += ps__pcb(e, pid)->memory;
    }
    return sum;
}

/* Is `a` a better eviction victim than `b`? */
static int worse(ps_engine *e, uint32_t a, uint32_t b)
{
    const ps_pcb *x = ps__pcb(e, a), *y = ps__pcb(e, b);
    if (urgency(e, x) != urgency(e, y))
        return urgency(e, x) > urgency(e, y);
    if ((x->state == PS_READY) != (y->state == PS_READY))
        return x->state == PS_READY;
    return ps__later(e, a, b);
}

/* Could evicting `pid` help a process of urgency rank `than`? */
static int frees(ps_engine *e, uint32_t pid, int64_t than)
{
    const ps_pcb *p = ps__pcb(e, pid);
    return urgency(e, p) > than && p->memory > 0;
}

static uint32_t eviction_victim(ps_engine *e, int64_t than)
{
    uint32_t v = 0;
    for (uint32_t i = 0; i < ps__qlen(e, PS__Q_READY); i++) {
        uint32_t pid = ps__qat(e, PS__Q_READY, i)->pid;
        if (frees(e, pid, than) && (!v || worse(e, pid, v)))
            v = pid;
    }
    for (uint32_t c = 0; c < e->ncpu; c++) {
        uint32_t pid = e->cpu[c].pub.pid;
        if (pid && frees(e, pid, than) && (!v || worse(e, pid, v)))
            v = pid;
    }
    return v;
}

/* Swap in; after a resume, the cause says so. */
static void activate(ps_engine *e, uint32_t pid, ps_state to)
{
    ps_pcb *p = ps__pcb(e, pid);
    ps_cause why = p->resume_cause_ ? (ps_cause)p->resume_cause_ : PS_CAUSE_SWAP_IN;
    p->resume_cause_ = 0;
    ps__transition(e, pid, to, PS_EV_ACTIVATE, why, e->mem_used + p->memory,
                   limited(e) ? e->s->memory : PS_UNLIMITED);
}

/* S1–S3 for the head of the Ready/Suspend queue. */
static int swap_in_ready(ps_engine *e, uint32_t head)
{
    ps_pcb *h = ps__pcb(e, head);
    int64_t need = limited(e) ? h->memory - mem_free(e) : 0;
    if (need > 0) {
        int evict = 0;
        if (e->mem_blocked < need) {
            if (e->uniform_priority ||
                e->mem_blocked + evictable(e, urgency(e, h)) < need)
                return 0;
            evict = 1;
        }
        uint32_t v;
        while (h->memory > mem_free(e) && (v = ps__pheap_top(e, PS__Q_BLOCKED)))
            ps__transition(e, v, PS_BLOCKED_SUSPENDED, PS_EV_SUSPEND,
                           PS_CAUSE_SWAP_OUT, head, 0);
        while (evict && h->memory > mem_free(e) &&
               (v = eviction_victim(e, urgency(e, h))))
            ps__transition(e, v, PS_READY_SUSPENDED, PS_EV_SUSPEND,
                           PS_CAUSE_EVICTED, head, 0);
    }
    activate(e, head, PS_READY);
    return 1;
}

int ps__swap(ps_engine *e)
{
    uint32_t head = ps__pheap_top(e, PS__Q_SWAPPED);
    if (head)
        return swap_in_ready(e, head);
    head = ps__pheap_top(e, PS__Q_SWAPPED_BLOCKED);
    if (head && (!limited(e) || ps__pcb(e, head)->memory <= mem_free(e))) {
        activate(e, head, PS_BLOCKED);
        return 1;
    }
    return 0;
}
