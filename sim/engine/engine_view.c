/* engine_view.c — read-only views of a running engine: accessors and the
 * report of a run that is stuck.  (The text of causes is cause.c.) */
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

/* The queue's own order (the heap's), for qsort. */
static int by_key(const void *a, const void *b)
{
    return ps__qless(a, b) ? -1 : ps__qless(b, a);
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

/* A bounded string builder. */
typedef struct sbuf {
    char *p;
    size_t size, len;
} sbuf;

static const char *pname(const ps_engine *e, int64_t pid)
{
    return pid >= 1 && pid <= e->n ? e->pcb[pid - 1].name : "?";
}

static const char *nm(const ps_names *t, int64_t i)
{
    return i >= 0 && i < t->count ? t->names[i] : "?";
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
    case PS_WAIT_NOTHING: /* a device or a sleep always ends */
    case PS_WAIT_DEVICE:
    case PS_WAIT_SLEEP:
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
