/* observe.c — observed mode (engine.h): an engine whose processes a host
 * moves (procsim trace: the kernel decided, the host saw it).  Nothing here
 * decides; every change goes through the one door, ps__transition, so the
 * PCBs, the accounting and the listeners are those of a model run.
 *
 * What the door and its callers would otherwise do, and why it does not
 * act here:
 *   - join_queue: Ready joins the Ready queue (first come first: sched.c
 *     gives it the FIFO key, no policy's); a process's memory is 0, so a
 *     Blocked one is in no queue, and a suspended one is held
 *     (user_suspended), so the swapper's queues stay empty — but for a New
 *     process admitted straight to Ready/Suspend, which waits in its queue
 *     for a swapper that never runs (settle returns at once);
 *   - memory: 0 for every process, so nothing is held or freed, and no
 *     alloc/free op event is told;
 *   - the CPU: ps__cpu_release and ps__cpu_sync count the ticks Running
 *     as cpu_time (sched.c) and run no program; no quantum or switch cost;
 *   - an exit: ps__after_exit is not called — no process holds a mutex or
 *     waits in the engine for a child (wait_kind stays nothing: what a
 *     Blocked process waits for is the kernel's); the reaping is the
 *     host's news (ps_engine_observe_reaped).
 */
#include <stdlib.h>

#include "engine_internal.h"

ps_engine *ps_engine_create_observed(const ps_scenario *s)
{
    ps_engine *e = ps_engine_create(s);
    if (!e)
        return NULL;
    e->observed = 1;
    e->last_child = calloc((size_t)e->n + 1, sizeof *e->last_child);
    if (!e->last_child) {
        ps_engine_destroy(e);
        return NULL;
    }
    /* forget what the model made of the scenario: its arrivals, scripted
       events and the policy's timer, its parent links, memory and files */
    e->timers.len = 0;
    e->pending_real = e->pending_arrivals = 0;
    for (uint32_t i = 0; i < e->n; i++) {
        ps_pcb *p = &e->pcb[i];
        p->parent = 0;
        p->first_child = p->next_sibling = 0;
        p->memory = 0;
        e->file_first[i] = 0;
    }
    e->file_first[e->n] = 0;
    return e;
}

bool ps_engine_observed(const ps_engine *e) { return e && e->observed; }

ps_step_status ps__observed_status(const ps_engine *e)
{
    if (e->nomem)
        return PS_STEP_NOMEM;
    return e->live ? PS_STEP_OK : PS_STEP_DONE;
}

static int created(const ps_engine *e, uint32_t pid)
{
    return pid >= 1 && pid <= e->n && e->pcb[pid - 1].created;
}

/* The CPUs are exact at every instant, as after a model step. */
static void sync_cpus(ps_engine *e)
{
    for (uint32_t c = 0; c < e->ncpu; c++)
        ps__cpu_sync(e, c);
}

int ps_engine_observe_time(ps_engine *e, int64_t now)
{
    ps__enter(e);
    if (!e->observed || now < e->now)
        return -1;
    e->now = now;
    sync_cpus(e);
    return 0;
}

int ps_engine_observe_create(ps_engine *e, uint32_t pid, uint32_t parent, ps_cause cause,
                             int64_t a, int64_t b)
{
    ps__enter(e);
    if (!e->observed || pid < 1 || pid > e->n || e->pcb[pid - 1].created ||
        (parent && !created(e, parent)) || (unsigned)cause >= PS_CAUSE_COUNT)
        return -1;
    ps_pcb *p = ps__pcb(e, pid);
    p->created = 1;
    p->arrival = e->now;
    p->parent = (int32_t)parent;
    if (parent) { /* appended: a parent's children in the order they came */
        uint32_t *tail = &e->last_child[parent - 1];
        if (*tail)
            ps__pcb(e, *tail)->next_sibling = pid;
        else
            ps__pcb(e, parent)->first_child = pid;
        *tail = pid;
    }
    e->live++;
    ps__transition(e, pid, PS_NEW, PS_EV_CREATE, cause, a, b);
    return 0;
}

/* Onto CPU c, as ps__dispatch puts a process there, without the policy's
 * slice, the switch cost or a program to start. */
static void take_cpu(ps_engine *e, ps_pcb *p, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    p->cpu = (uint16_t)c;
    cpu->pub.pid = p->pid;
    cpu->pub.regs = p->regs;
    cpu->gen++;
    cpu->since = cpu->work_from = e->now;
    cpu->expired = 0;
    cpu->quantum_left = 0;
    e->idle--;
}

int ps_engine_observe_move(ps_engine *e, uint32_t pid, ps_state to, ps_event ev,
                           ps_cause cause, int64_t a, int64_t b, uint32_t cpu)
{
    ps__enter(e);
    if (!e->observed || !created(e, pid) || (unsigned)cause >= PS_CAUSE_COUNT)
        return -1;
    ps_pcb *p = ps__pcb(e, pid);
    if (ps_transition_classify((ps_state)p->state, to, ev) == PS_TR_ILLEGAL)
        return -1;
    if (to == PS_RUNNING && (cpu >= e->ncpu || e->cpu[cpu].pub.pid))
        return -1;
    /* held by a signal, not by the swapper: set before the door, so that it
       joins no swap queue (join_queue), cleared before it leaves */
    if (ev == PS_EV_SUSPEND)
        p->user_suspended = 1;
    else if (ev == PS_EV_ACTIVATE || to == PS_EXIT)
        p->user_suspended = 0;
    p->resume_cause_ = 0;
    ps__transition(e, pid, to, ev, cause, a, b);
    if (to == PS_RUNNING)
        take_cpu(e, p, cpu);
    else if (to == PS_EXIT)
        e->live--;
    return 0;
}

int ps_engine_observe_end(ps_engine *e, uint32_t pid, int32_t exit_code, int32_t term_signal)
{
    ps__enter(e);
    if (!e->observed || !created(e, pid))
        return -1;
    ps_pcb *p = ps__pcb(e, pid);
    p->exit_code = exit_code;
    p->term_signal = term_signal;
    if (term_signal)
        p->last_signal = term_signal;
    return 0;
}

int ps_engine_observe_reaped(ps_engine *e, uint32_t pid)
{
    ps__enter(e);
    if (!e->observed || !created(e, pid) || e->pcb[pid - 1].state != PS_EXIT)
        return -1;
    e->pcb[pid - 1].reaped = 1;
    return 0;
}
