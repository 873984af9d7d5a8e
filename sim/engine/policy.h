/* policy.h — the short-term scheduling policies, behind one table of hooks
 * (library-internal; the engine's files only).
 *
 * The generic scheduler (sched.c) runs the Ready queue, dispatch, quanta
 * and preemption; what differs between policies is asked of the policy's
 * hooks, and nothing outside the policy files tests which policy runs.
 * One file per family fills the tables:
 *
 *   policy_fcfs.c      fcfs, sjf, srtf (arrival order, or the CPU burst)
 *   policy_hrrn.c      hrrn (the highest response ratio, at dispatch)
 *   policy_priority.c  priority, priority-preemptive; aging
 *   policy_priority_rr.c  priority-rr
 *   policy_rr.c        rr
 *   policy_mlq.c       mlq (fixed bands, each with its own order)
 *   policy_mlfq.c      mlfq (OSTEP's rules, or Stallings' feedback)
 *   policy_ostep.c     ostep (OSTEP process-run's rules)
 *   policy_lottery.c   lottery (OSTEP's lottery.py's draws)
 *   policy_stride.c    stride (OSTEP chapter 9)
 *   policy_cfs.c       cfs (virtual runtime, Linux's nice weights)
 *
 * and PS_POLICIES in procsim/scenario.h names each policy's table
 * (ps__policy_NAME).  A new policy is a new policy_NAME.c (the build
 * takes every one) and a row there; if it keeps state, a part of its own
 * in ps_engine's `pol` (or in ps__cpu) that only its file touches.  A hook left NULL means what its comment says.  Hooks
 * run inside the engine and change it only as the engine's own code does:
 * states through the door (ps__transition, ps__dispatch, ps__preempt).
 */
#ifndef PROCSIM_POLICY_H
#define PROCSIM_POLICY_H

#include <stddef.h>

#include "engine_internal.h"

typedef struct ps__policy {
    /* The Ready-queue key of `p`, becoming Ready now by `ev` (admit, wake,
     * activate, timeout, preempt): the queue serves the smallest first.
     * Called once each time a process joins Ready, so a policy may note
     * the joining there.  Required. */
    ps__qentry (*key)(ps_engine *e, ps_pcb *p, ps_event ev);
    /* pick: the process to dispatch on idle CPU c, 0 for none.
     * NULL: the head of the Ready queue. */
    uint32_t (*pick)(ps_engine *e, uint32_t c);
    /* A policy whose pick is not the head of its keys' order: put the n
     * entries q (a copy of the Ready queue) in the order it would serve
     * them now, pick's first (ps_engine_queue lists that; only their pids
     * are read).  NULL: the keys' order. */
    void (*order)(const ps_engine *e, ps__qentry *q, uint32_t n);
    /* The ticks of useful work `p` may do from its dispatch until its
     * quantum ends.  NULL: no quantum (INT64_MAX). */
    int64_t (*slice)(const ps_engine *e, const ps_pcb *p);
    /* on tick: `p` did `ticks` ticks of useful work on its CPU.  NULL:
     * nothing to account. */
    void (*ran)(ps_engine *e, ps_pcb *p, int64_t ticks);
    /* on quantum end: `p`'s quantum ran out (also called when it leaves
     * the CPU in the instant the quantum ran out, before the scheduler saw
     * it).  Account for it, set *length to the length of the quantum that
     * ran out (for the cause), and return 1 if `p` keeps its CPU with a
     * fresh quantum even though others are waiting.  NULL: nothing to
     * account, the quantum is the slice, and it yields to anyone waiting. */
    int (*expire)(ps_engine *e, ps_pcb *p, int64_t *length);
    /* on leaving the CPU: `p` has just left its CPU, for any state
     * (ps__cpu_release; after expire when its quantum ran out then).
     * NULL: nothing. */
    void (*left)(ps_engine *e, ps_pcb *p);
    /* on block: `p` has just left CPU c, Blocked.  NULL: nothing. */
    void (*blocked)(ps_engine *e, ps_pcb *p, uint32_t c);
    /* on wake: `p` has just become Ready (or Ready/Suspend) from a wait.
     * NULL: nothing. */
    void (*woken)(ps_engine *e, ps_pcb *p);
    /* preempt check: the running process that must yield its CPU to the
     * head of the Ready queue now, 0 for none.  NULL: never preempts. */
    uint32_t (*victim)(ps_engine *e);
    /* The policy's own decisions, taken before the generic ones at each
     * round of dispatch; 1 if it did something.  NULL: none. */
    int (*act)(ps_engine *e);
    /* A process was just dispatched on CPU c: 1 to start running it, 0 if
     * the policy holds the CPU for it otherwise (it set the CPU's timer).
     * NULL: always 1. */
    int (*start)(ps_engine *e, uint32_t c);
    /* Why `p`, about to be dispatched, was chosen: a PS_WHY_CAUSES row
     * with its numbers in *a, *b (the end of the dispatch's cause).
     * NULL, or returning -1: no reason beyond the policy's order. */
    int (*why)(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b);
    /* Once, when the engine is created (before anything happens): set up
     * the policy's state (e->pol, the CPUs' parts) and return the first
     * tick its timer (PS__T_POLICY) fires, -1 for none.  NULL: no state
     * beyond zeros, no timer. */
    int64_t (*init)(ps_engine *e);
    /* on arrival: `p` has just been created (New).  NULL: nothing. */
    void (*arrive)(ps_engine *e, ps_pcb *p);
    /* The swapper's band of `p` (ps__swap_urgency): a process of a smaller
     * band is more urgent whatever the priorities, 0 the most urgent; at
     * most PS_MLQ_MAX_QUEUES.  NULL: one band for all. */
    int64_t (*band)(const ps_engine *e, const ps_pcb *p);
    /* Once, when the engine is destroyed (also when its creation failed,
     * init perhaps not run): free what init or the other hooks allocated
     * in the policy's state.  NULL: nothing to free. */
    void (*fini)(ps_engine *e);
    /* The policy's timer fires: returns the next tick, -1 for none again
     * (another hook may move it: ps__policy_timer).  NULL: the policy has
     * no timer. */
    int64_t (*timer)(ps_engine *e);
    unsigned flags;  /* PS__POLICY_* */
} ps__policy;

/* Settle (admission, swapping, dispatch) after every timer of an instant,
 * not once at its end: each decision is made before the instant's next
 * event (ostep). */
#define PS__POLICY_SETTLE_EACH 1u

#define PS_X_(e, tok, hooks, uses) extern const ps__policy ps__policy_##hooks;
PS_POLICIES(PS_X_)
#undef PS_X_

/* The table of policy p (NULL for no policy); e->policy is the scenario's. */
const ps__policy *ps__policy_for(ps_policy p);

/* ---- helpers for the policies (sched.c) ------------------------------- */

/* Key of a first-come-first-served queue: k1 (the policy's rank, 0 for
 * none), then the time of becoming Ready (a process timed out or preempted
 * queues behind one that arrived or woke in the same instant), arrival,
 * pid. */
ps__qentry ps__fifo_key(const ps_engine *e, const ps_pcb *p, ps_event ev, uint64_t k1);
/* Key ordered by a rank alone, then arrival, pid (sjf, priority). */
ps__qentry ps__rank_key(const ps_pcb *p, int64_t rank);
/* Remaining CPU burst from the current op (registers r): the ticks of its
 * op and the following ones up to the first that may leave the CPU. */
int64_t ps__burst(const ps_engine *e, const ps_pcb *p, const ps_regs *r);
/* The running process a more urgent Ready one would displace: the largest
 * rank, then the latest arrival, then the highest pid; 0 if the head of
 * the Ready queue (whose k1 is its rank) is not strictly more urgent. */
uint32_t ps__victim_by_rank(ps_engine *e,
                            int64_t (*rank)(const ps_engine *, const ps_pcb *, const ps_regs *));
/* The burst a policy that orders by bursts (sjf, srtf, hrrn) ranks `p`
 * by, with registers r, in thousandths of a tick: with predicted bursts
 * (ps__estimating), what is left of the prediction, tau minus what the
 * current burst has run, at least 0 [EST4]; else the real one (ps__burst)
 * times 1000. */
int64_t ps__ranked_burst(const ps_engine *e, const ps_pcb *p, const ps_regs *r);
/* A running process whose quantum ran out, of rank `rank` (the Ready
 * queue's k1), keeps its CPU: no more Ready processes of a rank <= it
 * (at least as urgent) than CPUs idle to take them, in O(idle) (a pruned
 * walk of the heap, ps__ready_ahead).  For policies whose
 * round robin is among equals only (priority-rr, mlq's rr bands). */
int ps__keeps_cpu(const ps_engine *e, uint64_t rank);
/* How many Ready processes come before `place` (ps__qless), counting no
 * further than `enough`: a walk of the heap that skips every subtree whose
 * root does not, so it costs O(enough), not O(n) (ps__keeps_cpu, mlfq's
 * Stallings style). */
uint32_t ps__ready_ahead(const ps_engine *e, const ps__qentry *place, uint32_t enough);
/* Does the run predict bursts: the scenario has system.burst_estimate and
 * its policy ranks by bursts (docs/engine.md "Predicted bursts")? */
int ps__estimating(const ps_engine *e);
/* Key of a queue served lowest value first (stride's pass, cfs's
 * vruntime: the int64_t at `field` of the PCB, the Ready queue's k1),
 * then pid.  A process joining by anything but a timeout or preemption
 * (it arrives, wakes, comes back) first catches up to the lowest value
 * among the other runnable processes (Ready, and Running brought up to
 * now) if its own is below it. */
ps__qentry ps__catch_up_key(ps_engine *e, ps_pcb *p, ps_event ev, size_t field);
/* Someone needs CPU c's process's place: more are Ready than CPUs idle. */
int ps__someone_waiting(const ps_engine *e);
/* Dispatch `pid` (Ready) on idle CPU c. */
void ps__dispatch(ps_engine *e, uint32_t c, uint32_t pid);

/* ---- the priority family (policy_priority.c) ---------------------------- */

/* The urgency rank of `p`'s current priority (ps__urgency): the Ready
 * queue's k1 under every priority policy. */
int64_t ps__priority_rank(const ps_engine *e, const ps_pcb *p, const ps_regs *r);
/* The why hook: WHY_PRIORITY, or WHY_AGED for a process aging made more
 * urgent than its base priority. */
int ps__priority_why(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b);
/* Aging (system.aging), as the init, act, timer, left and fini hooks of a
 * priority policy whose Ready keys have the rank as k1, and ps__aging_joined,
 * which its key hook calls for each process joining Ready: the timer fires
 * at each tick a Ready process is due to age and promotes it; act moves the
 * timer when the earliest due tick changed; left gives a process leaving
 * the CPU its base priority back.  Without aging they do nothing but that.
 * Each costs O(log n) per process that joins or ages (amortised: an entry
 * of a process that left Ready is dropped when it comes to the top). */
int64_t ps__aging_init(ps_engine *e);
void ps__aging_joined(ps_engine *e, const ps_pcb *p);
int ps__aging_act(ps_engine *e);
int64_t ps__aging_timer(ps_engine *e);
void ps__aging_left(ps_engine *e, ps_pcb *p);
void ps__aging_fini(ps_engine *e);

#endif
