/* engine_view.c — read-only views of a running engine: accessors and the
 * report of a run that is stuck.  (The text of causes is cause.c.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

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
#define PS_X_(e, tok, ...) [PS_WAIT_##e] = tok,
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
    if (var >= e->s->variables.count)
        return 0;
    return e->n && e->pvar && e->s->var_private[var] ? ps_engine_private(e, 1, var) : e->var[var];
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

static uint32_t fifo_list(const ps_engine *e, const ps__fifo *f, uint32_t *out, uint32_t max)
{
    uint32_t n = 0;
    for (uint32_t pid = f->head; pid; pid = e->pcb[pid - 1].wait_next_, n++)
        if (n < max)
            out[n] = pid;
    return n;
}

uint32_t ps_engine_channel_items(const ps_engine *e, uint32_t chan, int64_t *out, uint32_t max)
{
    if (chan >= e->s->channels.count)
        return 0;
    const ps__channel *ch = &e->chan[chan];
    const int64_t *v = ch->buf.data;
    size_t n = ch->buf.len - ch->head;
    for (size_t i = 0; i < n && i < max; i++)
        out[i] = v[ch->head + i];
    return (uint32_t)n;
}

uint32_t ps_engine_channel_receivers(const ps_engine *e, uint32_t chan, uint32_t *out,
                                     uint32_t max)
{
    return chan < e->s->channels.count ? fifo_list(e, &e->chan[chan].receivers, out, max) : 0;
}

uint32_t ps_engine_mutex_waiters(const ps_engine *e, uint32_t mutex, uint32_t *out, uint32_t max)
{
    return mutex < e->s->mutexes.count ? fifo_list(e, &e->mtx[mutex].waiters, out, max) : 0;
}

uint32_t ps_engine_device_serving(const ps_engine *e, uint32_t dev)
{
    return dev < e->s->devices.count ? e->dev[dev].busy : 0;
}

uint32_t ps_engine_device_queue(const ps_engine *e, uint32_t dev, uint32_t *out, uint32_t max)
{
    return dev < e->s->devices.count ? fifo_list(e, &e->dev[dev].queue, out, max) : 0;
}

int64_t ps_engine_lost_updates(const ps_engine *e)
{
    return e->lost_updates;
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
            if (q == PS__Q_READY && !e->observed && e->policy->order)
                e->policy->order(e, tmp, len); /* a rank that changes with time */
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

static const char *const wait_texts[PS_WAIT_KINDS][2][PS_LANG_COUNT] = {
#define PS_X_(e, tok, en, ko, en0, ko0)                                       \
    [PS_WAIT_##e] = {{[PS_LANG_EN] = en, [PS_LANG_KO] = ko},                  \
                     {[PS_LANG_EN] = en0, [PS_LANG_KO] = ko0}},
    PS_WAITS(PS_X_)
#undef PS_X_
};

const char *ps_wait_template(ps_wait_kind k, ps_lang lang, int if_b_zero)
{
    if ((unsigned)k >= PS_WAIT_KINDS || (unsigned)lang >= PS_LANG_COUNT)
        return "";
    return wait_texts[k][if_b_zero != 0][lang];
}

/* The deadlock report's own words (templates as the waits'): the head, then
 * per process the sentence of its wait after R_WHO, or one of the others. */
enum { R_HEAD, R_SEP, R_WHO, R_SUSPENDED, R_MEMORY, R_STATE, R_STATE_END, R_COUNT };
static const char *const report[R_COUNT][PS_LANG_COUNT] = {
    [R_HEAD] = {"deadlock at tick {a}: ", "{a}틱에 교착 상태: "},
    [R_SEP] = {"; ", "; "},
    [R_WHO] = {"{proc a} ", "{proc a}: "},
    [R_SUSPENDED] = {"{proc a} is suspended and nothing resumes it",
                     "{proc a}: 보류되었는데 재개할 것이 없음"},
    [R_MEMORY] = {"{proc a} waits for {b} units of memory", "{proc a}: 메모리 {b}만큼을 기다림"},
    [R_STATE] = {"{proc a} is ", "{proc a}: "}, /* then the state's name */
    [R_STATE_END] = {"", " 상태"},
};

/* A bounded string builder; `cut` once something did not fit. */
typedef struct sbuf {
    char *p;
    size_t size, len;
    bool cut;
} sbuf;

/* Template t (cause.h's placeholders) with numbers a and bn. */
static void put_template(sbuf *b, const ps_engine *e, const char *t, int64_t a, int64_t bn)
{
    char *end = ps__template_put(e, t, a, bn, b->p + b->len, b->p + b->size - 1, &b->cut);
    b->len = (size_t)(end - b->p);
    b->p[b->len] = 0;
}

static void puts_(sbuf *b, const char *s)
{
    size_t room = b->size - 1 - b->len, n = strlen(s);
    if (n > room) {
        n = room;
        b->cut = true;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

/* What p waits for (its row of PS_WAITS filled in). */
static void put_wait(sbuf *b, const ps_engine *e, const ps_pcb *p, ps_lang lang)
{
    ps_wait_kind k = (ps_wait_kind)p->wait_kind;
    int64_t a = 0, bn = 0;
    switch (k) {
    case PS_WAIT_DEVICE:
        a = p->wait_obj;
        bn = p->io_end >= 0;
        break;
    case PS_WAIT_SLEEP:
        bn = p->io_end;
        break;
    case PS_WAIT_CHANNEL:
        a = p->wait_obj;
        break;
    case PS_WAIT_MUTEX:
        a = p->wait_obj;
        bn = p->wait_obj < e->s->mutexes.count ? e->mtx[p->wait_obj].owner : 0;
        break;
    case PS_WAIT_CHILD:
        bn = p->wait_obj == PS_WAIT_ANY ? 0 : p->wait_obj;
        break;
    case PS_WAIT_CHILD_UNTIL:
        a = p->io_end;
        bn = p->wait_obj == PS_WAIT_ANY ? 0 : p->wait_obj;
        break;
    case PS_WAIT_NOTHING:
        break;
    }
    const char *other = ps_wait_template(k, lang, 1);
    put_template(b, e, bn == 0 && *other ? other : ps_wait_template(k, lang, 0), a, bn);
}

/* Text that was cut ends in "..." at a character boundary. */
static char *finish(sbuf *b)
{
    if (b->cut && b->size > 4)
        memcpy(ps__whole_characters(b->p, b->p + b->size - 4), "...", 4);
    else if (b->cut)
        *ps__whole_characters(b->p, b->p + b->len) = 0;
    return b->p;
}

char *ps_wait_format(const ps_engine *e, const ps_pcb *p, ps_lang lang, char *buf, size_t size)
{
    if (!size)
        return buf;
    sbuf b = {buf, size, 0, false};
    buf[0] = 0;
    put_wait(&b, e, p, (unsigned)lang < PS_LANG_COUNT ? lang : PS_LANG_EN);
    return finish(&b);
}

static void why_stuck(const ps_engine *e, const ps_pcb *p, ps_lang lang, sbuf *b)
{
    if (p->user_suspended) {
        put_template(b, e, report[R_SUSPENDED][lang], p->pid, 0);
        return;
    }
    switch ((ps_wait_kind)p->wait_kind) {
    case PS_WAIT_CHANNEL:
    case PS_WAIT_MUTEX:
    case PS_WAIT_CHILD:
        put_template(b, e, report[R_WHO][lang], p->pid, 0);
        put_wait(b, e, p, lang);
        return;
    case PS_WAIT_NOTHING: /* a device, a sleep, a timeout always ends */
    case PS_WAIT_DEVICE:
    case PS_WAIT_SLEEP:
    case PS_WAIT_CHILD_UNTIL:
        break;
    }
    if (p->state == PS_READY_SUSPENDED) {
        put_template(b, e, report[R_MEMORY][lang], p->pid, p->memory);
        return;
    }
    put_template(b, e, report[R_STATE][lang], p->pid, 0);
    puts_(b, ps_state_name_in((ps_state)p->state, lang));
    puts_(b, report[R_STATE_END][lang]);
}

char *ps_engine_stuck(const ps_engine *e, ps_lang lang, char *buf, size_t size)
{
    if (!size)
        return buf;
    sbuf b = {buf, size, 0, false};
    buf[0] = 0;
    if ((unsigned)lang >= PS_LANG_COUNT)
        lang = PS_LANG_EN;
    put_template(&b, e, report[R_HEAD][lang], e->last_change, 0);
    int first = 1;
    for (uint32_t i = 0; i < e->n; i++) {
        const ps_pcb *p = &e->pcb[i];
        if (!p->created || p->state == PS_EXIT)
            continue;
        if (!first)
            puts_(&b, report[R_SEP][lang]);
        first = 0;
        why_stuck(e, p, lang, &b);
    }
    return finish(&b);
}

static const struct {
    const char *token;
    ps_obj_kind object;
} op_events[PS_OP_EVENT_COUNT] = {
#define PS_X_(e, tok, obj) [PS_OPE_##e] = {tok, PS_OBJ_##obj},
    PS_OP_EVENTS(PS_X_)
#undef PS_X_
};

const char *ps_op_event_token(ps_op_event_kind k)
{
    return (unsigned)k < PS_OP_EVENT_COUNT ? op_events[k].token : "?";
}

ps_obj_kind ps_op_event_object(ps_op_event_kind k)
{
    return (unsigned)k < PS_OP_EVENT_COUNT ? op_events[k].object : PS_OBJ_KIND_COUNT;
}

const char *ps_obj_kind_token(ps_obj_kind k)
{
    static const char *const tokens[PS_OBJ_KIND_COUNT] = {
#define PS_X_(e, tok) [PS_OBJ_##e] = tok,
        PS_OBJ_KINDS(PS_X_)
#undef PS_X_
    };
    return (unsigned)k < PS_OBJ_KIND_COUNT ? tokens[k] : "?";
}
