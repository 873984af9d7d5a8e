/* engine_view.c — read-only views of a running engine: accessors, the
 * text of causes, and the report of a run that is stuck. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

int64_t ps_engine_now(const ps_engine *e) { return e->now; }
int64_t ps_engine_next(const ps_engine *e) { return e->timers.len ? ps__timer_top(e)->time : -1; }
const ps_scenario *ps_engine_scenario(const ps_engine *e) { return e->s; }
uint32_t ps_engine_nprocs(const ps_engine *e) { return e->n; }
uint32_t ps_engine_ncpus(const ps_engine *e) { return e->ncpu; }
int64_t ps_engine_memory_used(const ps_engine *e) { return e->mem_used; }
uint64_t ps_engine_transitions(const ps_engine *e) { return e->transitions; }

const char *ps_wait_token(ps_wait_kind k)
{
    static const char *const tokens[] = {
#define PS_X_(e, tok) [PS_WAIT_##e] = tok,
        PS_WAITS(PS_X_)
#undef PS_X_
    };
    return (unsigned)k < sizeof tokens / sizeof tokens[0] ? tokens[k] : "?";
}

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

static int by_key(const void *a, const void *b)
{
    const ps__qentry *x = a, *y = b;
    if (x->k1 != y->k1)
        return x->k1 < y->k1 ? -1 : 1;
    if (x->k2 != y->k2)
        return x->k2 < y->k2 ? -1 : 1;
    if (x->k3 != y->k3)
        return x->k3 < y->k3 ? -1 : 1;
    return (x->pid > y->pid) - (x->pid < y->pid);
}

uint32_t ps_engine_queue(const ps_engine *e, ps_state s, uint32_t *out, uint32_t max)
{
    ps__queue q = ps__queue_of(s);
    uint32_t n = 0;
    uint32_t len = q != PS__Q_COUNT ? ps__qlen(e, q) : 0;
    if (len) {
        ps__qentry *tmp = malloc(len * sizeof *tmp);
        if (tmp) {
            memcpy(tmp, e->q[q].data, len * sizeof *tmp);
            qsort(tmp, len, sizeof *tmp, by_key);
            for (uint32_t i = 0; i < len; i++, n++)
                if (n < max)
                    out[n] = tmp[i].pid;
            free(tmp);
        }
    }
    for (uint32_t i = 0; i < e->n; i++) {
        const ps_pcb *p = &e->pcb[i];
        if (!p->created || p->state != s || (q != PS__Q_COUNT && e->slot[i] >= 0))
            continue;
        if (n < max)
            out[n] = p->pid;
        n++;
    }
    return n;
}

/* ---- text ------------------------------------------------------------ */

/* A bounded string builder.  Causes are formatted for every row of a
 * trace that may have tens of millions of them, so the common pieces
 * (strings and integers) are appended by hand rather than by printf. */
typedef struct sbuf {
    char *p;
    size_t size, len;
} sbuf;

static void app(sbuf *b, const char *s)
{
    while (*s && b->len + 1 < b->size)
        b->p[b->len++] = *s++;
    b->p[b->len < b->size ? b->len : b->size - 1] = 0;
}

static void appn(sbuf *b, int64_t v)
{
    char tmp[24];
    int n = 0;
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    do
        tmp[n++] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        tmp[n++] = '-';
    char out[24];
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = 0;
    app(b, out);
}

/* app() the pieces in order: s1, n, s2 (either string may be ""). */
static void app3(sbuf *b, const char *s1, int64_t n, const char *s2)
{
    app(b, s1);
    appn(b, n);
    app(b, s2);
}

static const char *pname(const ps_engine *e, int64_t pid)
{
    return pid >= 1 && pid <= e->n ? e->pcb[pid - 1].name : "?";
}

static const char *nm(const ps_names *t, int64_t i)
{
    return i >= 0 && i < t->count ? t->names[i] : "?";
}

/* " USED/TOTAL" of memory, or `unlimited` when there is no limit. */
static void memory_ratio(sbuf *b, int64_t used, int64_t total, const char *unlimited)
{
    if (total == PS_UNLIMITED) {
        app(b, unlimited);
        return;
    }
    app3(b, " ", used, "/");
    appn(b, total);
}

char *ps_cause_format(const ps_engine *e, const ps_trace_event *ev, char *buf,
                      size_t size)
{
    const ps_scenario *s = e->s;
    sbuf b = {buf, size, 0};
    int64_t a = ev->a, x = ev->b;
    buf[0] = 0;
    switch ((ps_cause)ev->cause) {
    case PS_CAUSE_ARRIVAL: app(&b, "arrival"); break;
    case PS_CAUSE_SPAWNED: app(&b, "spawned by "), app(&b, pname(e, a)); break;
    case PS_CAUSE_MEMORY_FITS: app(&b, "memory"), memory_ratio(&b, a, x, " unlimited"); break;
    case PS_CAUSE_MEMORY_FULL:
        app3(&b, "memory full: needs ", a, " with ");
        app3(&b, "", x, " free");
        break;
    case PS_CAUSE_MEMORY_QUEUE:
        app(&b, "behind "), app(&b, pname(e, a)), app(&b, " waiting for memory");
        break;
    case PS_CAUSE_PICKED:
        app(&b, ps_policy_token(s->policy));
        app3(&b, " picks it for cpu ", a, "");
        if (x)
            app3(&b, " (switch ", x, ")");
        break;
    case PS_CAUSE_QUANTUM: app3(&b, "quantum of ", a, " expired"); break;
    case PS_CAUSE_PREEMPTED: app(&b, "preempted by "), app(&b, pname(e, a)); break;
    case PS_CAUSE_IO: app(&b, "io "), app(&b, nm(&s->devices, a)), app3(&b, " ", x, ""); break;
    case PS_CAUSE_IO_QUEUED:
        app(&b, "io "), app(&b, nm(&s->devices, a)), app(&b, ": queued behind ");
        app(&b, pname(e, x));
        break;
    case PS_CAUSE_SLEEP: app3(&b, "sleep ", a, ""); break;
    case PS_CAUSE_RECV_EMPTY: app(&b, "recv "), app(&b, nm(&s->channels, a)), app(&b, ": empty"); break;
    case PS_CAUSE_LOCK_HELD:
        app(&b, "lock "), app(&b, nm(&s->mutexes, a)), app(&b, ": held by ");
        app(&b, pname(e, x));
        break;
    case PS_CAUSE_WAIT_CHILD: app(&b, "wait "), app(&b, a ? pname(e, a) : "any"); break;
    case PS_CAUSE_PROGRAM_END: app(&b, "program finished"); break;
    case PS_CAUSE_EXIT_OP: app3(&b, "exit ", a, ""); break;
    case PS_CAUSE_IO_DONE: app(&b, "io "), app(&b, nm(&s->devices, a)), app(&b, " done"); break;
    case PS_CAUSE_SLEEP_DONE: app3(&b, "slept ", a, ""); break;
    case PS_CAUSE_MESSAGE: app(&b, "message on "), app(&b, nm(&s->channels, a)); break;
    case PS_CAUSE_LOCK_GRANTED: app(&b, "got lock "), app(&b, nm(&s->mutexes, a)); break;
    case PS_CAUSE_CHILD_EXITED: app(&b, "child "), app(&b, pname(e, a)), app(&b, " exited"); break;
    case PS_CAUSE_SWAP_OUT:
        app(&b, "swapped out to make room for "), app(&b, pname(e, a));
        break;
    case PS_CAUSE_SWAP_IN:
        app(&b, x == PS_UNLIMITED ? "swapped in" : "swapped in: memory");
        memory_ratio(&b, a, x, "");
        break;
    case PS_CAUSE_USER_SUSPEND: app(&b, "suspended by the user"); break;
    case PS_CAUSE_USER_RESUME:
    case PS_CAUSE_SCRIPT_RESUME:
        app(&b, ev->cause == PS_CAUSE_USER_RESUME ? "resumed by the user" : "scripted resume");
        if (x != PS_UNLIMITED)
            app(&b, ": memory"), memory_ratio(&b, a, x, "");
        break;
    case PS_CAUSE_USER_KILL: app(&b, "killed by the user"); break;
    case PS_CAUSE_SCRIPT_SUSPEND: app(&b, "scripted suspend"); break;
    case PS_CAUSE_SCRIPT_KILL: app(&b, "scripted kill"); break;
    case PS_CAUSE_PARENT_KILL: app(&b, "killed by parent "), app(&b, pname(e, a)); break;
    case PS_CAUSE_EVICTED:
        app(&b, "evicted: "), app(&b, pname(e, a)), app(&b, " is more urgent");
        break;
    case PS_CAUSE_DIED:
        if (a)
            app3(&b, "died of signal ", a, "");
        else
            app(&b, "exited on its own");
        break;
    case PS_CAUSE_COUNT: break;
    }
    return buf;
}

static void put(sbuf *b, const char *fmt, ...)
{
    if (b->len + 1 >= b->size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        b->len = b->len + (size_t)n < b->size ? b->len + (size_t)n : b->size - 1;
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
