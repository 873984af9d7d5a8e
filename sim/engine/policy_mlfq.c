/* policy_mlfq.c — the multi-level feedback queue, in two styles
 * (system.mlfq_style): OSTEP's rules, the default (docs/engine.md, "MLFQ
 * rules", which numbers them), and Stallings' feedback (below, "Stallings'
 * feedback").
 *
 * Each level is a FIFO queue; the process at the head of the highest
 * non-empty one runs.  A process keeps its place at the head while it
 * runs, so one preempted by a higher level resumes first.  Places are
 * keys: (level, time << 2 | class, sequence), where class orders one
 * instant's newcomers as OSTEP does (0 quantum over or boosted, 1 arrived,
 * 2 back from I/O); io_bump puts a process back from I/O in front of
 * everyone.  Each level has a quantum and an allotment of quanta; a used-up
 * allotment moves the process down a level; the boost brings everyone
 * back to the top.
 */
#include <stdlib.h>

#include "policy.h"

#define MLFQ_BACK (UINT64_C(1) << 62)

static void place_back(ps_engine *e, ps_pcb *p, unsigned cls)
{
    p->qpos_[0] = MLFQ_BACK + ((uint64_t)e->now << 2 | cls);
    p->qpos_[1] = e->pol.mlfq.seq++;
}

static ps__qentry place(const ps_pcb *p)
{
    return (ps__qentry){p->mlfq_level, p->qpos_[0], p->qpos_[1], p->pid};
}

/* on arrival, wake, timeout...: its place in its level's queue (rules 2,
 * 3, 6, 8) */
static ps__qentry mlfq_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    switch (ev) {
    case PS_EV_PREEMPT:
        break; /* stays at the head of its queue */
    case PS_EV_TIMEOUT:
        place_back(e, p, 0);
        break;
    case PS_EV_WAKE:
        if (e->s->mlfq_io_bump) {
            p->qpos_[0] = MLFQ_BACK - 1 - e->pol.mlfq.front++;
            p->qpos_[1] = 0;
        } else {
            place_back(e, p, 2);
        }
        break;
    case PS_EV_CREATE:
    case PS_EV_ADMIT:
    case PS_EV_DISPATCH:
    case PS_EV_WAIT:
    case PS_EV_RELEASE:
    case PS_EV_SUSPEND:
    case PS_EV_ACTIVATE:
    case PS_EV_KILL:
    case PS_EVENT_COUNT:
        place_back(e, p, 1);
        break;
    }
    return place(p);
}

/* A quantum ended, or the process started to wait (`waits`), with
 * quantum_left ticks left of its quantum.  mlfq_stay renews quantum and
 * allotment when it waits; a quantum that ran out (judged before that
 * renewal, as OSTEP does) costs one quantum of the allotment, and an
 * allotment used up moves the process down a level (rules 4, 5). */
static void account(ps_engine *e, ps_pcb *p, int waits)
{
    const ps_scenario *s = e->s;
    int64_t left = p->quantum_left;
    int level = p->mlfq_level;
    if (waits && s->mlfq_stay) {
        p->quantum_left = s->mlfq_quanta[level];
        p->allot_left = s->mlfq_allotments[level];
    }
    if (left != 0)
        return;
    if (--p->allot_left == 0) {
        if (level + 1 < s->mlfq_levels)
            level++;
        p->mlfq_level = (uint8_t)level;
        p->priority = level;
        p->allot_left = s->mlfq_allotments[level];
    }
    p->quantum_left = s->mlfq_quanta[level];
}

/* The CPU slice of a process: what is left of its quantum.  A quantum
 * below 1 (OSTEP accepts -q 0) never ends: the count just goes negative. */
static int64_t mlfq_slice(const ps_engine *e, const ps_pcb *p)
{
    (void)e;
    return p->quantum_left > 0 ? p->quantum_left : INT64_MAX;
}

static void mlfq_ran(ps_engine *e, ps_pcb *p, int64_t ticks)
{
    (void)e;
    p->quantum_left -= ticks;
}

/* on quantum end: charge it (the quantum of the level it ran on), go to
 * the back of the queue, and keep the CPU unless the head of the queues
 * now comes first. */
static int mlfq_expire(ps_engine *e, ps_pcb *p, int64_t *length)
{
    *length = e->s->mlfq_quanta[p->mlfq_level];
    account(e, p, 0);
    place_back(e, p, 0);
    ps__qentry self = place(p);
    return !ps__qlen(e, PS__Q_READY) || !ps__qless(ps__qat(e, PS__Q_READY, 0), &self);
}

static void mlfq_blocked(ps_engine *e, ps_pcb *p, uint32_t c)
{
    (void)c;
    account(e, p, 1);
}

/* preempt check: the running process whose place is last yields to the
 * head of the queues if that comes before it. */
static uint32_t mlfq_victim(ps_engine *e)
{
    ps__qentry worst = {0, 0, 0, 0};
    for (uint32_t c = 0; c < e->ncpu; c++) {
        uint32_t pid = e->cpu[c].pub.pid;
        if (!pid)
            continue;
        ps__qentry k = place(ps__pcb(e, pid));
        if (!worst.pid || ps__qless(&worst, &k))
            worst = k;
    }
    return worst.pid && ps__qless(ps__qat(e, PS__Q_READY, 0), &worst) ? worst.pid : 0;
}

static int by_level_place(const void *a, const void *b)
{
    const ps__qentry *x = a, *y = b;
    if (x->k1 != y->k1)
        return x->k1 > y->k1 ? -1 : 1; /* lowest level first */
    return ps__qless(x, y) ? -1 : ps__qless(y, x);
}

static int64_t boost_first(ps_engine *e)
{
    return e->s->mlfq_boost > 0 ? e->s->mlfq_boost : -1;
}

/* A new process starts with the top level's quantum and allotment, which
 * its PCB shows from the start. */
static void mlfq_arrive(ps_engine *e, ps_pcb *p)
{
    p->quantum_left = e->s->mlfq_quanta[0];
    p->allot_left = e->s->mlfq_allotments[0];
}

/* The boost (rule 7): the queues below the top, lowest first and each in
 * its order, move to the back of the top queue; then every process is on
 * the top level with a fresh quantum and allotment. */
static int64_t boost(ps_engine *e)
{
    const ps_scenario *s = e->s;
    for (uint32_t c = 0; c < e->ncpu; c++) {
        ps__cpu_sync(e, c); /* ticks before the boost count before it */
        if (e->cpu[c].pub.pid && e->cpu[c].expired)
            ps__settle_expired(e, c); /* a quantum that ended here ends first */
    }
    uint32_t nready = ps__qlen(e, PS__Q_READY);
    size_t k = 0;
    ps__qentry *moving = malloc(((size_t)nready + e->ncpu + 1) * sizeof *moving);
    if (!moving) {
        e->nomem = 1;
        return -1;
    }
    for (uint32_t i = 0; i < nready; i++)
        if (ps__qat(e, PS__Q_READY, i)->k1 > 0)
            moving[k++] = *ps__qat(e, PS__Q_READY, i);
    for (uint32_t c = 0; c < e->ncpu; c++) {
        uint32_t pid = e->cpu[c].pub.pid;
        if (pid && ps__pcb(e, pid)->mlfq_level > 0)
            moving[k++] = place(ps__pcb(e, pid));
    }
    qsort(moving, k, sizeof *moving, by_level_place);
    for (size_t i = 0; i < k; i++)
        place_back(e, ps__pcb(e, moving[i].pid), 0);
    free(moving);
    for (uint32_t i = 0; i < e->n; i++) {
        ps_pcb *p = &e->pcb[i];
        if (!p->created || p->state == PS_EXIT)
            continue;
        p->mlfq_level = 0;
        p->priority = 0;
        p->quantum_left = s->mlfq_quanta[0];
        p->allot_left = s->mlfq_allotments[0];
    }
    ps__qentry *ready = e->q[PS__Q_READY].data;
    for (uint32_t i = 0; i < nready; i++)
        ready[i] = place(ps__pcb(e, ready[i].pid));
    ps__pheap_rebuild(e, PS__Q_READY);
    for (uint32_t c = 0; c < e->ncpu; c++)
        if (e->cpu[c].pub.pid && !e->cpu[c].holding) {
            e->cpu[c].quantum_left = mlfq_slice(e, ps__pcb(e, e->cpu[c].pub.pid));
            e->cpu[c].expired = 0;
            ps__cpu_run(e, c); /* the slice now ends with the new quantum */
        }
    return e->now + s->mlfq_boost;
}

/* ---- Stallings' feedback (docs/engine.md, rules FB1..FB7) ---------------
 *
 * The same levels and places, other rules: no preemption at all (a
 * newcomer waits for the end of the running process's quantum), every
 * dispatch a full quantum of its level, no allotment, no boost; a quantum
 * that ends demotes the process one level only if another process then
 * takes its CPU, else it runs on at its level.  Within one instant the
 * newcomers to a queue come first (class 0: arrived, back from I/O,
 * swapped back in, in the order they came), then the process timed out
 * (class 1). */

enum { FB_NEWCOMER, FB_TIMED_OUT };

static int stallings(const ps_engine *e)
{
    return e->s->mlfq_style == PS_MLFQ_STYLE_STALLINGS;
}

static int fb_below(const ps_engine *e, int level)
{
    return level + 1 < e->s->mlfq_levels ? level + 1 : level;
}

/* The place `p` would take if it were timed out now: the back of the
 * level below its own (its own on the bottom level). */
static ps__qentry fb_timed_out_place(const ps_engine *e, const ps_pcb *p)
{
    return (ps__qentry){(uint64_t)fb_below(e, p->mlfq_level),
                        MLFQ_BACK + ((uint64_t)e->now << 2 | FB_TIMED_OUT), e->pol.mlfq.seq,
                        p->pid};
}

/* on quantum end [FB4]: p keeps its CPU, level and a fresh quantum unless
 * a Ready process would take the CPU from it, that is, one of them is
 * still left ahead of its timed-out place once the idle CPUs have taken
 * theirs.  The demotion itself is the timeout's (fb_key). */
static int fb_expire(ps_engine *e, ps_pcb *p, int64_t *length)
{
    *length = e->s->mlfq_quanta[p->mlfq_level];
    ps__qentry back = fb_timed_out_place(e, p);
    if (ps__ready_ahead(e, &back, e->idle + 1) > e->idle)
        return 0;
    p->quantum_left = e->s->mlfq_quanta[p->mlfq_level];
    return 1;
}

static ps__qentry fb_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    if (ev != PS_EV_TIMEOUT) {
        place_back(e, p, FB_NEWCOMER); /* also after a wait: its level kept [FB5] */
        return place(p);
    }
    p->mlfq_level = (uint8_t)fb_below(e, p->mlfq_level);
    p->priority = p->mlfq_level;
    p->quantum_left = e->s->mlfq_quanta[p->mlfq_level];
    place_back(e, p, FB_TIMED_OUT);
    return place(p);
}

/* ---- the hooks, by style ---------------------------------------------------- */

static ps__qentry key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    return stallings(e) ? fb_key(e, p, ev) : mlfq_key(e, p, ev);
}

/* Stallings: every dispatch gets the whole quantum of its level [FB3]. */
static int64_t slice(const ps_engine *e, const ps_pcb *p)
{
    return stallings(e) ? e->s->mlfq_quanta[p->mlfq_level] : mlfq_slice(e, p);
}

static int start(ps_engine *e, uint32_t c)
{
    if (stallings(e)) {
        ps_pcb *p = ps__pcb(e, e->cpu[c].pub.pid);
        p->quantum_left = e->s->mlfq_quanta[p->mlfq_level];
    }
    return 1;
}

static int expire(ps_engine *e, ps_pcb *p, int64_t *length)
{
    return stallings(e) ? fb_expire(e, p, length) : mlfq_expire(e, p, length);
}

static void blocked(ps_engine *e, ps_pcb *p, uint32_t c)
{
    if (!stallings(e))
        mlfq_blocked(e, p, c);
}

/* Stallings: no preemption, by a newcomer or anyone [FB2]. */
static uint32_t victim(ps_engine *e)
{
    return stallings(e) ? 0 : mlfq_victim(e);
}

const ps__policy ps__policy_mlfq = {
    .key = key,
    .slice = slice,
    .ran = mlfq_ran,
    .expire = expire,
    .blocked = blocked,
    .victim = victim,
    .start = start,
    .init = boost_first,
    .arrive = mlfq_arrive,
    .timer = boost,
};
