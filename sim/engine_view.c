/* engine_view.c — read-only views of a running engine: accessors, the
 * text of causes, and the report of a run that is stuck. */
#include <stdarg.h>
#include <stdio.h>

#include "engine_internal.h"

int64_t ps_engine_now(const ps_engine *e) { return e->now; }
int64_t ps_engine_next(const ps_engine *e) { return e->timers.n ? e->timers.v[0].time : -1; }
const ps_scenario *ps_engine_scenario(const ps_engine *e) { return e->s; }
uint32_t ps_engine_nprocs(const ps_engine *e) { return e->n; }
uint32_t ps_engine_ncpus(const ps_engine *e) { return e->ncpu; }
int64_t ps_engine_memory_used(const ps_engine *e) { return e->mem_used; }
uint64_t ps_engine_transitions(const ps_engine *e) { return e->transitions; }

const ps_pcb *ps_engine_pcb(const ps_engine *e, uint32_t pid)
{
    return pid >= 1 && pid <= e->n ? &e->pcb[pid - 1] : NULL;
}

ps_regs ps_engine_regs(const ps_engine *e, uint32_t pid)
{
    const ps_pcb *p = &e->pcb[pid - 1];
    return p->state == PS_RUNNING ? e->cpu[p->cpu].pub.regs : p->regs;
}

const ps_cpu *ps_engine_cpu(const ps_engine *e, uint32_t i)
{
    return i < e->ncpu ? &e->cpu[i].pub : NULL;
}

int64_t ps_engine_variable(const ps_engine *e, uint32_t var)
{
    return var < e->s->variables.count ? e->var[var] : 0;
}

ps_channel_stats ps_engine_channel(const ps_engine *e, uint32_t chan)
{
    ps_channel_stats none = {0};
    return chan < e->s->channels.count ? e->chan[chan].stats : none;
}

uint32_t ps_engine_mutex_owner(const ps_engine *e, uint32_t mutex)
{
    return mutex < e->s->mutexes.count ? e->mtx[mutex].owner : 0;
}

/* ---- text ------------------------------------------------------------ */

typedef struct sbuf {
    char *p;
    size_t size, len;
} sbuf;

static void put(sbuf *b, const char *fmt, ...)
{
    if (b->len >= b->size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        b->len += (size_t)n;
}

static const char *pname(const ps_engine *e, int64_t pid)
{
    return pid >= 1 && pid <= e->n ? e->pcb[pid - 1].name : "?";
}

static const char *nm(const ps_names *t, int64_t i)
{
    return i >= 0 && i < t->count ? t->names[i] : "?";
}

char *ps_cause_format(const ps_engine *e, const ps_trace_event *ev, char *buf,
                      size_t size)
{
    const ps_scenario *s = e->s;
    sbuf b = {buf, size, 0};
    int64_t a = ev->a, x = ev->b;
    buf[0] = 0;
    switch ((ps_cause)ev->cause) {
    case PS_CAUSE_ARRIVAL: put(&b, "arrival"); break;
    case PS_CAUSE_SPAWNED: put(&b, "spawned by %s", pname(e, a)); break;
    case PS_CAUSE_MEMORY_FITS:
        if (x == PS_UNLIMITED)
            put(&b, "memory unlimited");
        else
            put(&b, "memory %lld/%lld", (long long)a, (long long)x);
        break;
    case PS_CAUSE_MEMORY_FULL:
        put(&b, "memory full: needs %lld with %lld free", (long long)a, (long long)x);
        break;
    case PS_CAUSE_MEMORY_QUEUE:
        put(&b, "behind %s waiting for memory", pname(e, a));
        break;
    case PS_CAUSE_PICKED:
        put(&b, "%s picks it for cpu %lld", ps_policy_token(s->policy), (long long)a);
        if (x)
            put(&b, " (switch %lld)", (long long)x);
        break;
    case PS_CAUSE_QUANTUM: put(&b, "quantum of %lld expired", (long long)a); break;
    case PS_CAUSE_PREEMPTED: put(&b, "preempted by %s", pname(e, a)); break;
    case PS_CAUSE_IO: put(&b, "io %s %lld", nm(&s->devices, a), (long long)x); break;
    case PS_CAUSE_IO_QUEUED:
        put(&b, "io %s: queued behind %s", nm(&s->devices, a), pname(e, x));
        break;
    case PS_CAUSE_SLEEP: put(&b, "sleep %lld", (long long)a); break;
    case PS_CAUSE_RECV_EMPTY: put(&b, "recv %s: empty", nm(&s->channels, a)); break;
    case PS_CAUSE_LOCK_HELD:
        put(&b, "lock %s: held by %s", nm(&s->mutexes, a), pname(e, x));
        break;
    case PS_CAUSE_WAIT_CHILD:
        if (a)
            put(&b, "wait %s", pname(e, a));
        else
            put(&b, "wait any");
        break;
    case PS_CAUSE_PROGRAM_END: put(&b, "program finished"); break;
    case PS_CAUSE_EXIT_OP: put(&b, "exit %lld", (long long)a); break;
    case PS_CAUSE_IO_DONE: put(&b, "io %s done", nm(&s->devices, a)); break;
    case PS_CAUSE_SLEEP_DONE: put(&b, "slept %lld", (long long)a); break;
    case PS_CAUSE_MESSAGE: put(&b, "message on %s", nm(&s->channels, a)); break;
    case PS_CAUSE_LOCK_GRANTED: put(&b, "got lock %s", nm(&s->mutexes, a)); break;
    case PS_CAUSE_CHILD_EXITED: put(&b, "child %s exited", pname(e, a)); break;
    case PS_CAUSE_SWAP_OUT: put(&b, "swapped out to make room for %s", pname(e, a)); break;
    case PS_CAUSE_SWAP_IN:
        if (x == PS_UNLIMITED)
            put(&b, "swapped in");
        else
            put(&b, "swapped in: memory %lld/%lld", (long long)a, (long long)x);
        break;
    case PS_CAUSE_USER_SUSPEND: put(&b, "suspended by the user"); break;
    case PS_CAUSE_USER_RESUME: put(&b, "resumed by the user"); break;
    case PS_CAUSE_USER_KILL: put(&b, "killed by the user"); break;
    case PS_CAUSE_SCRIPT_SUSPEND: put(&b, "scripted suspend"); break;
    case PS_CAUSE_SCRIPT_RESUME: put(&b, "scripted resume"); break;
    case PS_CAUSE_SCRIPT_KILL: put(&b, "scripted kill"); break;
    case PS_CAUSE_PARENT_KILL: put(&b, "killed by parent %s", pname(e, a)); break;
    case PS_CAUSE_EVICTED: put(&b, "evicted for %s, which is more urgent", pname(e, a)); break;
    case PS_CAUSE_COUNT: break;
    }
    return buf;
}

static void why_stuck(const ps_engine *e, const ps_pcb *p, sbuf *b)
{
    const ps_scenario *s = e->s;
    if (p->user_suspended) {
        put(b, "%s is suspended and nothing resumes it", p->name);
        return;
    }
    switch ((ps_wait_kind)p->wait_kind) {
    case PS_WAIT_CHANNEL:
        put(b, "%s waits on empty channel %s", p->name, nm(&s->channels, p->wait_obj));
        return;
    case PS_WAIT_MUTEX:
        put(b, "%s waits for mutex %s held by %s", p->name, nm(&s->mutexes, p->wait_obj),
            pname(e, e->mtx[p->wait_obj].owner));
        return;
    case PS_WAIT_CHILD:
        if (p->wait_obj == PS_WAIT_ANY)
            put(b, "%s waits for any child", p->name);
        else
            put(b, "%s waits for child %s", p->name, pname(e, p->wait_obj));
        return;
    default:
        break;
    }
    if (p->state == PS_READY_SUSPENDED)
        put(b, "%s waits for %lld units of memory", p->name, (long long)p->memory);
    else
        put(b, "%s is %s", p->name, ps_state_name((ps_state)p->state));
}

char *ps_engine_stuck(const ps_engine *e, char *buf, size_t size)
{
    sbuf b = {buf, size, 0};
    buf[0] = 0;
    put(&b, "deadlock at tick %lld: ", (long long)e->last_change);
    int first = 1;
    for (uint32_t i = 0; i < e->n; i++) {
        const ps_pcb *p = &e->pcb[i];
        if (!p->created || p->state == PS_EXIT)
            continue;
        if (!first)
            put(&b, "; ");
        first = 0;
        why_stuck(e, p, &b);
    }
    if (b.len >= size && size > 4)
        snprintf(buf + size - 4, 4, "...");
    return buf;
}
