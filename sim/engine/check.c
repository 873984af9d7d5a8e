/* check.c — the invariants of an engine between two steps
 * (ps_engine_check).  Each one is a fact the rest of the engine relies on
 * without looking; a test calls this after every step of random scenarios,
 * so a change that breaks one fails there, at the step that broke it,
 * instead of as a strange trace much later.  O(processes x timers) at
 * worst (each sleeper looks for its timer): for tests and debugging, not
 * for every step of a real run.
 */
#include <stdarg.h>
#include <stdio.h>

#include "policy.h"

typedef struct checker {
    const ps_engine *e;
    char *buf;
    size_t size;
    int failed;
} checker;

static int fail(checker *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(checker *k, const char *fmt, ...)
{
    if (!k->failed) {
        va_list ap;
        va_start(ap, fmt);
        int n = snprintf(k->buf, k->size, "tick %lld: ", (long long)k->e->now);
        if (n >= 0 && (size_t)n < k->size)
            vsnprintf(k->buf + n, k->size - (size_t)n, fmt, ap);
        va_end(ap);
    }
    k->failed = 1;
    return -1;
}

static const char *name(const ps_engine *e, uint32_t pid)
{
    return pid >= 1 && pid <= e->n ? e->pcb[pid - 1].name : "?";
}

/* The CPUs and the processes on them agree. */
static void cpus(checker *k)
{
    const ps_engine *e = k->e;
    uint32_t idle = 0;
    for (uint32_t c = 0; c < e->ncpu; c++) {
        uint32_t pid = e->cpu[c].pub.pid;
        if (!pid) {
            idle++;
            continue;
        }
        const ps_pcb *p = &e->pcb[pid - 1];
        if (p->state != PS_RUNNING || p->cpu != c)
            fail(k, "cpu %u runs %s, which is %s on cpu %u", c, p->name,
                 ps_state_token((ps_state)p->state), p->cpu);
        if (p->regs.pc > e->s->procs[pid - 1].op_count)
            fail(k, "%s's program counter is past its program", p->name);
    }
    if (idle != e->idle)
        fail(k, "%u cpus are idle but the count says %u", idle, e->idle);
    for (uint32_t i = 0; i < e->n; i++) {
        const ps_pcb *p = &e->pcb[i];
        if (p->state == PS_RUNNING && (p->cpu >= e->ncpu || e->cpu[p->cpu].pub.pid != p->pid))
            fail(k, "%s is Running but not on its cpu %u", p->name, p->cpu);
    }
    /* a policy that picks the head leaves no CPU idle while someone is Ready */
    if (!e->observed && !e->policy->pick && e->idle && ps__qlen(e, PS__Q_READY))
        fail(k, "a cpu is idle while %s is Ready", name(e, ps__pheap_top(e, PS__Q_READY)));
}

/* Each queue is a heap whose members know their slots and are in the
 * queue's state; every process that should be queued is. */
static void queues(checker *k)
{
    const ps_engine *e = k->e;
    uint32_t members = 0;
    for (int q = 0; q < PS__Q_COUNT; q++) {
        for (uint32_t i = 0; i < ps__qlen(e, (ps__queue)q); i++) {
            const ps__qentry *x = ps__qat(e, (ps__queue)q, i);
            if (x->pid < 1 || x->pid > e->n)
                return (void)fail(k, "queue %d holds pid %u", q, x->pid);
            const ps_pcb *p = &e->pcb[x->pid - 1];
            if (e->slot[x->pid - 1] != (int32_t)i)
                fail(k, "%s is at %u of queue %d but its slot says %d", p->name, i, q,
                     e->slot[x->pid - 1]);
            if (ps__queue_of((ps_state)p->state) != (ps__queue)q)
                fail(k, "%s is %s but in queue %d", p->name, ps_state_token((ps_state)p->state), q);
            if (i > 0 && ps__qless(x, ps__qat(e, (ps__queue)q, (i - 1) / 4)))
                fail(k, "queue %d is out of order at %s", q, p->name);
            members++;
        }
    }
    uint32_t should = 0;
    for (uint32_t i = 0; i < e->n; i++) {
        const ps_pcb *p = &e->pcb[i];
        ps__queue q = ps__queue_of((ps_state)p->state);
        int queued = e->slot[i] >= 0;
        int want = q == PS__Q_READY ||
                   (q == PS__Q_BLOCKED && p->memory > 0) ||
                   ((q == PS__Q_SWAPPED || q == PS__Q_SWAPPED_BLOCKED) && !p->user_suspended);
        if (q == PS__Q_COUNT)
            want = 0;
        if (queued != want)
            fail(k, "%s (%s%s) is %squeued", p->name, ps_state_token((ps_state)p->state),
                 p->user_suspended ? ", held by the user" : "", queued ? "" : "not ");
        should += (uint32_t)queued;
        if (p->user_suspended && p->state != PS_READY_SUSPENDED &&
            p->state != PS_BLOCKED_SUSPENDED)
            fail(k, "%s is held by the user but %s", p->name, ps_state_token((ps_state)p->state));
        /* observed: New until the host admits it; starts_blocked: until its
           first op is done [SB1] */
        if (p->state == PS_NEW && !e->observed && !p->wait_kind)
            fail(k, "%s is still New after the instant was settled", p->name);
    }
    if (should != members)
        fail(k, "the queues hold %u entries for %u queued processes", members, should);
}

/* Memory held is what the resident processes need. */
static void memory(checker *k)
{
    const ps_engine *e = k->e;
    int64_t used = 0, blocked = 0;
    for (uint32_t i = 0; i < e->n; i++) {
        const ps_pcb *p = &e->pcb[i];
        if (ps_state_resident((ps_state)p->state))
            used += p->memory;
        if (p->state == PS_BLOCKED)
            blocked += p->memory;
    }
    if (used != e->mem_used || blocked != e->mem_blocked)
        fail(k, "memory held is %lld (%lld Blocked), the counts say %lld (%lld)",
             (long long)used, (long long)blocked, (long long)e->mem_used,
             (long long)e->mem_blocked);
    if (e->s->memory != PS_UNLIMITED && e->mem_used > e->s->memory)
        fail(k, "%lld units are held of %lld", (long long)e->mem_used,
             (long long)e->s->memory);
}

/* Is `p` in a state that waits for something: Blocked, Blocked/Suspend,
 * or New doing its first op (starts_blocked, rule SB1)? */
static int waiting(const ps_engine *e, const ps_pcb *p)
{
    return p->state == PS_BLOCKED || p->state == PS_BLOCKED_SUSPENDED ||
           (p->state == PS_NEW && e->s->procs[p->pid - 1].starts_blocked);
}

/* The members of a wait queue wait for its object, and it ends at its
 * tail: `what` and `obj` name the object in a message. */
static void fifo(checker *k, const ps__fifo *f, ps_wait_kind kind, uint32_t obj,
                 const char *what, const char *objname)
{
    const ps_engine *e = k->e;
    uint32_t last = 0, n = 0;
    for (uint32_t pid = f->head; pid; pid = e->pcb[pid - 1].wait_next_) {
        if (pid > e->n || ++n > e->n)
            return (void)fail(k, "the queue of %s %s is broken at pid %u", what, objname, pid);
        const ps_pcb *p = &e->pcb[pid - 1];
        if (!waiting(e, p) || p->wait_kind != kind || p->wait_obj != obj)
            fail(k, "%s is queued at %s %s but is %s waiting for '%s'", p->name, what, objname,
                 ps_state_token((ps_state)p->state), ps_wait_token((ps_wait_kind)p->wait_kind));
        last = pid;
    }
    if (last != f->tail)
        fail(k, "the queue of %s %s ends at %s, its tail says %s", what, objname,
             name(e, last), name(e, f->tail));
}

static int queued_at(const ps_engine *e, const ps__fifo *f, uint32_t pid)
{
    uint32_t n = 0;
    for (uint32_t q = f->head; q && q <= e->n && n++ <= e->n; q = e->pcb[q - 1].wait_next_)
        if (q == pid)
            return 1;
    return 0;
}

/* A live timer of `type` for `id`. */
static int timer_for(const ps_engine *e, ps__timer_type type, uint32_t id)
{
    const ps__timer *t = e->timers.data;
    for (size_t i = 0; i < e->timers.len; i++)
        if (t[i].type == type && t[i].id == id && ps__timer_live(e, &t[i]))
            return 1;
    return 0;
}

/* wait: the child (or, for any, some child) can still end, and none has
 * ended unseen. */
static int child_can_end(const ps_engine *e, const ps_pcb *p)
{
    if (p->wait_obj != PS_WAIT_ANY)
        return p->wait_obj >= 1 && p->wait_obj <= e->n &&
               e->pcb[p->wait_obj - 1].state != PS_EXIT;
    int live = 0;
    for (uint32_t c = p->first_child; c; c = e->pcb[c - 1].next_sibling) {
        const ps_pcb *ch = &e->pcb[c - 1];
        if (!ch->created || ch->reaped)
            continue;
        if (ch->state == PS_EXIT)
            return 0;
        live = 1;
    }
    return live;
}

/* What a Blocked process waits for knows it: it is in that object's
 * queue, the device serves it, or its timer is set. */
static int known(const ps_engine *e, const ps_pcb *p)
{
    switch ((ps_wait_kind)p->wait_kind) {
    case PS_WAIT_DEVICE:
        if (p->wait_obj >= e->s->devices.count)
            return 0;
        return e->dev[p->wait_obj].busy == p->pid ? timer_for(e, PS__T_IO, p->wait_obj)
                                                  : queued_at(e, &e->dev[p->wait_obj].queue, p->pid);
    case PS_WAIT_SLEEP:
        return timer_for(e, PS__T_SLEEP, p->pid);
    case PS_WAIT_CHANNEL:
        return p->wait_obj < e->s->channels.count &&
               queued_at(e, &e->chan[p->wait_obj].receivers, p->pid);
    case PS_WAIT_MUTEX: /* its holder may be itself: a lock is not re-entrant [O-lock] */
        return p->wait_obj < e->s->mutexes.count &&
               queued_at(e, &e->mtx[p->wait_obj].waiters, p->pid);
    case PS_WAIT_CHILD:
        return child_can_end(e, p);
    case PS_WAIT_CHILD_UNTIL: /* its timeout will end it */
        return timer_for(e, PS__T_JOIN, p->pid);
    case PS_WAIT_NOTHING:
        break;
    }
    return 1;
}

/* A process that waits (waiting()) waits for something that knows it
 * waits. */
static void waits(checker *k)
{
    const ps_engine *e = k->e;
    uint32_t live = 0;
    for (uint32_t i = 0; i < e->n; i++) {
        const ps_pcb *p = &e->pcb[i];
        int blocked = waiting(e, p);
        live += p->created && p->state != PS_EXIT;
        /* observed: what a Blocked process waits for is the kernel's, not
           an object of the engine's */
        if (e->observed ? p->wait_kind != PS_WAIT_NOTHING
                        : blocked != (p->wait_kind != PS_WAIT_NOTHING))
            fail(k, "%s is %s and waits for '%s'", p->name, ps_state_token((ps_state)p->state),
                 ps_wait_token((ps_wait_kind)p->wait_kind));
        else if (blocked && !e->observed && !known(e, p))
            fail(k, "%s waits for '%s' %u, but nothing there will wake it", p->name,
                 ps_wait_token((ps_wait_kind)p->wait_kind), p->wait_obj);
        uint32_t held = 0;
        for (uint32_t m = 0; m < e->s->mutexes.count; m++)
            held += e->mtx[m].owner == p->pid;
        if (held != p->locks_held)
            fail(k, "%s holds %u mutexes but counts %u", p->name, held, p->locks_held);
        if (p->state == PS_EXIT && held)
            fail(k, "%s has exited holding a mutex", p->name);
        if (p->created) {
            int64_t sum = p->state_since - p->arrival;
            for (int s = 0; s < PS_STATE_COUNT; s++)
                sum -= p->state_time[s];
            if (sum)
                fail(k, "%s's time in its states does not add up to its age", p->name);
        }
    }
    if (live != e->live)
        fail(k, "%u processes are live but the count says %u", live, e->live);
    for (uint32_t d = 0; d < e->s->devices.count; d++) {
        uint32_t busy = e->dev[d].busy;
        if (busy && (e->pcb[busy - 1].wait_kind != PS_WAIT_DEVICE ||
                     e->pcb[busy - 1].wait_obj != d || e->pcb[busy - 1].io_end < e->now))
            fail(k, "device %s serves %s, which does not wait for it", e->s->devices.names[d],
                 name(e, busy));
        if (!busy && e->dev[d].queue.head)
            fail(k, "device %s is idle with %s queued", e->s->devices.names[d],
                 name(e, e->dev[d].queue.head));
    }
    for (uint32_t d = 0; d < e->s->devices.count; d++)
        fifo(k, &e->dev[d].queue, PS_WAIT_DEVICE, d, "device", e->s->devices.names[d]);
    for (uint32_t c = 0; c < e->s->channels.count; c++) {
        fifo(k, &e->chan[c].receivers, PS_WAIT_CHANNEL, c, "channel", e->s->channels.names[c]);
        if (e->chan[c].receivers.head && e->chan[c].buf.len > e->chan[c].head)
            fail(k, "channel %s holds values while %s waits to receive",
                 e->s->channels.names[c], name(e, e->chan[c].receivers.head));
    }
    for (uint32_t m = 0; m < e->s->mutexes.count; m++) {
        fifo(k, &e->mtx[m].waiters, PS_WAIT_MUTEX, m, "mutex", e->s->mutexes.names[m]);
        if (!e->mtx[m].owner && e->mtx[m].waiters.head)
            fail(k, "mutex %s is free while %s waits for it", e->s->mutexes.names[m],
                 name(e, e->mtx[m].waiters.head));
    }
}

/* The timer heap is a heap, and counts what will still happen. */
static void timers(checker *k)
{
    const ps_engine *e = k->e;
    const ps__timer *t = e->timers.data;
    uint32_t real = 0;
    for (size_t i = 0; i < e->timers.len; i++) {
        const ps__timer *up = i > 0 ? &t[(i - 1) / 2] : NULL;
        if (up && (t[i].time < up->time || (t[i].time == up->time && t[i].order < up->order)))
            fail(k, "the timer heap is out of order at %zu", i);
        if (t[i].time < e->now && ps__timer_live(e, &t[i]))
            fail(k, "a live timer is due at %lld, in the past", (long long)t[i].time);
        real += t[i].type != PS__T_POLICY && ps__timer_live(e, &t[i]);
    }
    if (real != e->pending_real)
        fail(k, "%u live timers are pending but the count says %u", real, e->pending_real);
}

/* The rank of pid in its zombie heap, 0 if it is in none (or no pid). */
static uint8_t zrank(const ps_engine *e, uint32_t pid)
{
    return pid >= 1 && pid <= e->n ? e->kin[pid - 1].rank : 0;
}

/* [O-wait-cost] What wait any reads agrees with the children lists: each
 * parent's count of live children, and its zombies' heap, which holds
 * every exited child it has not reaped, each below a lower pid, with the
 * leftist shape (O(log n) melds rest on it). */
static void kin(checker *k)
{
    const ps_engine *e = k->e;
    if (!e->kin || e->observed)
        return;
    for (uint32_t i = 0; i < e->n; i++) {
        const ps_pcb *p = &e->pcb[i];
        uint32_t live = 0, members = 0, links = 0, n = 0;
        for (uint32_t c = p->first_child; c; c = e->pcb[c - 1].next_sibling) {
            if (c > e->n || ++n > e->n)
                return (void)fail(k, "%s's children list is broken", p->name);
            const ps_pcb *ch = &e->pcb[c - 1];
            const ps__kin *z = &e->kin[c - 1];
            live += ch->created && ch->state != PS_EXIT;
            if (ch->state == PS_EXIT && !ch->reaped && !z->rank)
                fail(k, "%s is a zombie of %s's but not in its heap", ch->name, p->name);
            if (!z->rank)
                continue;
            members++;
            links += (z->left != 0) + (z->right != 0);
            if (ch->state != PS_EXIT)
                fail(k, "%s is in %s's zombie heap but has not exited", ch->name, p->name);
            if ((z->left && (z->left <= c || !zrank(e, z->left) ||
                             e->pcb[z->left - 1].parent != (int32_t)p->pid)) ||
                (z->right && (z->right <= c || !zrank(e, z->right) ||
                              e->pcb[z->right - 1].parent != (int32_t)p->pid)) ||
                zrank(e, z->left) < zrank(e, z->right) || z->rank != zrank(e, z->right) + 1)
                fail(k, "%s's zombie heap is out of order at %s", p->name, ch->name);
        }
        if (live != e->kin[i].live)
            fail(k, "%s has %u live children but the count says %u", p->name, live,
                 e->kin[i].live);
        uint32_t root = e->kin[i].zombies;
        if (root && (!zrank(e, root) || e->pcb[root - 1].parent != (int32_t)p->pid))
            fail(k, "%s's zombie heap has %s at its top", p->name, name(e, root));
        if (members != links + (root != 0))
            fail(k, "%s's zombie heap does not hold its %u zombies as one tree", p->name, members);
    }
}

/* Observed mode: nothing is timed, every process's CPU time is its time
 * Running, and the children lists are the parent links. */
static void observed(checker *k)
{
    const ps_engine *e = k->e;
    uint32_t listed = 0, children = 0;
    if (e->timers.len || e->pending_real || e->pending_arrivals)
        fail(k, "an observed engine has %zu timers", e->timers.len);
    for (uint32_t i = 0; i < e->n; i++) {
        const ps_pcb *p = &e->pcb[i];
        int64_t ran = p->state_time[PS_RUNNING];
        if (p->state == PS_RUNNING)
            ran += e->cpu[p->cpu].since - p->state_since;
        if (p->cpu_time != ran)
            fail(k, "%s has %lld ticks of cpu time but ran %lld", p->name,
                 (long long)p->cpu_time, (long long)ran);
        if (p->memory)
            fail(k, "%s needs memory in an observed engine", p->name);
        uint32_t n = 0;
        for (uint32_t c = p->first_child; c; c = e->pcb[c - 1].next_sibling) {
            if (c > e->n || ++n > e->n)
                return (void)fail(k, "%s's children list is broken", p->name);
            if (e->pcb[c - 1].parent != (int32_t)p->pid || !e->pcb[c - 1].created)
                fail(k, "%s lists %s as its child", p->name, e->pcb[c - 1].name);
        }
        listed += n;
        children += p->parent != 0;
        if (p->parent && (p->parent < 0 || (uint32_t)p->parent > e->n ||
                          !e->pcb[p->parent - 1].created))
            fail(k, "%s's parent %d is no created process", p->name, p->parent);
    }
    if (listed != children)
        fail(k, "%u processes have a parent but %u are listed as children", children, listed);
}

int ps_engine_check(const ps_engine *e, char *buf, size_t size)
{
    checker k = {e, buf, size, 0};
    if (size)
        buf[0] = 0;
    cpus(&k);
    queues(&k);
    memory(&k);
    waits(&k);
    timers(&k);
    kin(&k);
    if (e->observed)
        observed(&k);
    return k.failed ? -1 : 0;
}
