/* trace_record.c — `procsim trace --record`: the observed run as a
 * scenario that replays it in the model (docs/trace.md, "Record and
 * replay").
 *
 * The recorder keeps every transition it is fed; the scenario is made
 * from them at the end, per process:
 *   - a fork puts `spawn CHILD` in the parent's program at the fork's
 *     tick (the child gets `parent:`), a process with no parent in the
 *     tree arrives at its creation tick;
 *   - the ticks spent Running become `cpu N` (Ready is the scheduler's
 *     business: not in the program);
 *   - each stretch in Blocked (from the wait to the wake, suspended or
 *     not) becomes one op by its cause: a sleep or a futex `sleep N` (the
 *     model cannot know who held a lock), wait4 `wait CHILD` or `wait
 *     any`, a read on a pipe or socket from a process of the tree `recv`
 *     on a channel named after the two, with the matching `send` placed
 *     in the writer's program when the reader woke (or, if the writer was
 *     itself blocked then, where it blocked: it wrote before), anything
 *     else `io disk N`; a stretch that never woke is `sleep N`;
 *   - the exit status is `exit N`; a kill, suspend or resume becomes an
 *     event at its tick (and a killed process's last op outlasts the
 *     recording, so that the replay's kill is what ends it).
 * Ops at the same tick go marks (spawn, send) first, then cpu, then the
 * blocking op: a process forks or writes before it waits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/out.h"
#include "procsim/trace.h"

#define NAME_CUT 20 /* bytes of a process name in the scenario, before a suffix */

/* What a transition tells, kept small: a long run feeds millions. */
typedef struct rec_ev {
    int64_t time, a;
    uint32_t pid;
    uint8_t from, to, event, cause;
} rec_ev;

struct ps_trace_recorder {
    rec_ev *v;
    size_t n, cap;
    int nomem;
};

ps_trace_recorder *ps_trace_recorder_create(void)
{
    return calloc(1, sizeof(ps_trace_recorder));
}

void ps_trace_recorder_destroy(ps_trace_recorder *r)
{
    if (r)
        free(r->v);
    free(r);
}

int ps_trace_recorder_add(ps_trace_recorder *r, const ps_live_event *ev)
{
    if (r->nomem)
        return -1;
    if (r->n == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 1024;
        rec_ev *nv = realloc(r->v, ncap * sizeof *nv);
        if (!nv) {
            r->nomem = 1;
            return -1;
        }
        r->v = nv;
        r->cap = ncap;
    }
    const ps_trace_event *t = &ev->ev;
    r->v[r->n++] = (rec_ev){t->time, t->a, t->pid, t->from, t->to, t->event, t->cause};
    return 0;
}

/* ---- from transitions to a timeline per process ----------------------- */

/* An item of a process's program in time order: a mark (spawn, send), a
 * stretch on a CPU, or a blocking op. */
enum { IT_MARK, IT_CPU, IT_BLOCK };
typedef struct item {
    int64_t time, ticks; /* ticks: IT_CPU only */
    uint8_t klass;
    uint32_t seq;        /* the order of making, for ties */
    char op[96];         /* the op (IT_CPU: written when the program is) */
} item;

/* A stretch in Blocked (or Blocked/Suspend), from the wait to the wake. */
typedef struct block {
    int64_t from, to;    /* to: the wake, or the end (exit, end of trace) */
    int woke, killed;    /* killed: the stretch a kill ended */
    uint8_t cause;
    int64_t a;
} block;

typedef struct proc {
    int used;
    uint32_t parent;     /* 0: none in the tree */
    int64_t created;
    char base[NAME_CUT + 1]; /* its name before a suffix */
    char name[NAME_CUT + 8];
    block *blocks;
    size_t nblocks, capblocks;
    item *items;
    size_t nitems, capitems;
    int exit_code;
} proc;

/* A scripted intervention the run saw: kill, suspend, resume. */
typedef struct act {
    int64_t at;
    uint32_t pid;
    const char *what;
} act;

typedef struct book {
    proc *p;             /* by pid, [1..np] */
    uint32_t np;
    act *acts;
    size_t nacts, capacts;
    uint32_t seq;
    int64_t end;         /* the last tick of the trace */
    int nomem;
} book;

static int grow(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need)
        ncap *= 2;
    void *nv = realloc(*v, ncap * size);
    if (!nv)
        return -1;
    *v = nv;
    *cap = ncap;
    return 0;
}

static item *add_item(book *b, proc *p, int64_t time, uint8_t klass)
{
    if (grow((void **)&p->items, &p->capitems, p->nitems + 1, sizeof *p->items)) {
        b->nomem = 1;
        return NULL;
    }
    item *it = &p->items[p->nitems++];
    *it = (item){.time = time, .klass = klass, .seq = b->seq++};
    return it;
}

static int blocked(uint8_t s)
{
    return s == PS_BLOCKED || s == PS_BLOCKED_SUSPENDED;
}

static void add_act(book *b, int64_t at, uint32_t pid, const char *what)
{
    if (grow((void **)&b->acts, &b->capacts, b->nacts + 1, sizeof *b->acts)) {
        b->nomem = 1;
        return;
    }
    b->acts[b->nacts++] = (act){at, pid, what};
}

/* A process that ended by a kill must still be alive in the replay when
 * the kill event comes, though the model may reach that tick sooner or
 * later than the real run did: its last op lasts longer than the whole
 * recording from wherever it starts (the stretch in Blocked the kill
 * ended, else a stretch on a CPU), so the kill, never the op, ends it. */
static void outlive(book *b, proc *p, const rec_ev *e)
{
    if (blocked(e->from) && p->nblocks) {
        p->blocks[p->nblocks - 1].killed = 1;
        return;
    }
    item *it = add_item(b, p, e->time, IT_CPU);
    if (it)
        it->ticks = b->end + 1;
}

/* One transition of a process that was created. */
static void take(book *b, proc *p, const rec_ev *e, int64_t *since)
{
    if (e->from == PS_RUNNING && e->time > *since) {
        item *it = add_item(b, p, *since, IT_CPU);
        if (it)
            it->ticks = e->time - *since;
    }
    if (blocked(e->to) && !blocked(e->from)) {
        if (grow((void **)&p->blocks, &p->capblocks, p->nblocks + 1, sizeof *p->blocks)) {
            b->nomem = 1;
            return;
        }
        p->blocks[p->nblocks++] = (block){e->time, -1, 0, 0, e->cause, e->a};
    }
    if (blocked(e->from) && !blocked(e->to) && p->nblocks) {
        p->blocks[p->nblocks - 1].to = e->time;
        p->blocks[p->nblocks - 1].woke = e->to != PS_EXIT;
    }
    *since = e->time;
    if (e->event == PS_EV_KILL) {
        add_act(b, e->time, e->pid, "kill");
        outlive(b, p, e);
    }
    else if (e->event == PS_EV_SUSPEND)
        add_act(b, e->time, e->pid, "suspend");
    else if (e->event == PS_EV_ACTIVATE)
        add_act(b, e->time, e->pid, "resume");
    else if (e->to == PS_EXIT && e->cause == PS_CAUSE_EXIT_STATUS)
        p->exit_code = (int)(e->a & 255);
}

/* Walk the transitions: creations and parents, the stretches on a CPU,
 * the stretches in Blocked, exits and interventions; `end` is the last
 * tick of the trace (what is still going then ends there). */
static void read_transitions(book *b, const ps_trace_recorder *r, int64_t end)
{
    int64_t *since = calloc((size_t)b->np + 1, sizeof *since);
    uint8_t *state = calloc((size_t)b->np + 1, 1);
    for (size_t i = 0; since && state && i < r->n && !b->nomem; i++) {
        const rec_ev *e = &r->v[i];
        if (!e->pid || e->pid > b->np)
            continue;
        proc *p = &b->p[e->pid];
        if (e->from == PS_NONE) {
            p->used = 1;
            p->created = e->time;
            p->parent = e->cause == PS_CAUSE_FORKED && e->a > 0 && e->a <= (int64_t)b->np &&
                                (uint32_t)e->a != e->pid && b->p[e->a].used
                            ? (uint32_t)e->a
                            : 0;
        }
        if (p->used) {
            take(b, p, e, &since[e->pid]);
            state[e->pid] = e->to;
        }
    }
    for (uint32_t pid = 1; since && state && pid <= b->np && !b->nomem; pid++) {
        proc *p = &b->p[pid];
        if (p->used && state[pid] == PS_RUNNING && end > since[pid]) {
            item *it = add_item(b, p, since[pid], IT_CPU);
            if (it)
                it->ticks = end - since[pid];
        }
        if (p->nblocks && p->blocks[p->nblocks - 1].to < 0)
            p->blocks[p->nblocks - 1].to = end;
    }
    if (!since || !state)
        b->nomem = 1;
    free(since);
    free(state);
}

/* ---- names ------------------------------------------------------------ */

static int name_char(char c, int first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
}

/* A legal process name (docs/scenario-format.md §2) made of what the
 * trace shows, unique among the processes named before it: the k-th of a
 * name gets "-k" (the count starts the search, so that a thousand "bash"
 * are not a thousand searches each). */
static void make_name(book *b, uint32_t pid, const char *shown)
{
    proc *p = &b->p[pid];
    size_t k = 0;
    if (!name_char(shown[0], 1))
        p->base[k++] = 'p'; /* "#3", "7zip": a name starts with a letter */
    for (const char *s = shown; *s && k < NAME_CUT; s++)
        p->base[k++] = name_char(*s, 0) ? *s : '_';
    p->base[k] = 0;
    if (!strcmp(p->base, "any"))
        strcpy(p->base, "any_");
    unsigned same = 0;
    for (uint32_t q = 1; q < pid; q++)
        same += b->p[q].used && !strcmp(b->p[q].base, p->base);
    for (unsigned n = same + 1;; n++) {
        if (n == 1)
            strcpy(p->name, p->base);
        else
            snprintf(p->name, sizeof p->name, "%s-%u", p->base, n);
        uint32_t q = 1;
        while (q < pid && (!b->p[q].used || strcmp(b->p[q].name, p->name)))
            q++;
        if (q == pid)
            return;
    }
}

/* ---- the program of each process --------------------------------------- */

/* The writer w of a message the reader got at `woke`: the tick it wrote
 * by, which is where it blocked if it was blocked then. */
static int64_t write_time(const proc *w, int64_t woke)
{
    for (size_t k = 0; k < w->nblocks; k++)
        if (w->blocks[k].from <= woke && woke < w->blocks[k].to)
            return w->blocks[k].from;
    return woke;
}

/* The op a stretch in Blocked becomes (and the send it needs, placed in
 * the writer's program).  A wait that never woke (killed, or still
 * waiting when the trace ended) is a sleep: its recv or wait would have
 * nothing to end it in the model. */
static void block_op(book *b, uint32_t pid, const block *k, char *op, size_t size)
{
    proc *p = &b->p[pid];
    int64_t n = k->to - k->from;
    uint32_t other = k->a > 0 && k->a <= (int64_t)b->np && b->p[k->a].used ? (uint32_t)k->a : 0;
    ps_cause c = (ps_cause)k->cause;
    if (c == PS_CAUSE_SYS_WAIT4 && k->woke) {
        if (other && b->p[other].parent == pid && b->p[other].created <= k->from)
            snprintf(op, size, "wait %s", b->p[other].name);
        else
            snprintf(op, size, "wait any");
        return;
    }
    if ((c == PS_CAUSE_SYS_PIPE_READ || c == PS_CAUSE_SYS_SOCKET_READ) && k->woke && other &&
        other != pid) {
        char chan[80];
        snprintf(chan, sizeof chan, "%s_%s_to_%s",
                 k->cause == PS_CAUSE_SYS_PIPE_READ ? "pipe" : "socket", b->p[other].name,
                 p->name);
        item *send = add_item(b, &b->p[other], write_time(&b->p[other], k->to), IT_MARK);
        if (send)
            snprintf(send->op, sizeof send->op, "send %s", chan);
        snprintf(op, size, "recv %s", chan);
        return;
    }
    if (k->killed)
        n = b->end + 1; /* outlive() */
    int sleeps = c == PS_CAUSE_SYS_SLEEP || c == PS_CAUSE_SYS_FUTEX_LOCK ||
                 c == PS_CAUSE_SYS_FUTEX_THREAD || c == PS_CAUSE_SYS_PIPE_READ ||
                 c == PS_CAUSE_SYS_SOCKET_READ || !k->woke;
    snprintf(op, size, "%s %lld", sleeps ? "sleep" : "io disk", (long long)n);
}

/* Marks and blocking ops into every program (marks may go into another
 * process's program). */
static void place_ops(book *b)
{
    for (uint32_t pid = 1; pid <= b->np && !b->nomem; pid++) {
        proc *p = &b->p[pid];
        if (p->used && p->parent) {
            item *it = add_item(b, &b->p[p->parent], p->created, IT_MARK);
            if (it)
                snprintf(it->op, sizeof it->op, "spawn %s", p->name);
        }
        for (size_t k = 0; k < p->nblocks && !b->nomem; k++) {
            char op[96];
            block_op(b, pid, &p->blocks[k], op, sizeof op);
            item *it = add_item(b, p, p->blocks[k].from, IT_BLOCK);
            if (it)
                memcpy(it->op, op, sizeof op);
        }
    }
}

/* A stretch on a CPU that a mark falls inside is cut there, so that the
 * mark comes after the ticks before it. */
static void cut_at_marks(book *b, proc *p)
{
    for (size_t i = 0; i < p->nitems && !b->nomem; i++) {
        if (p->items[i].klass != IT_MARK)
            continue;
        int64_t m = p->items[i].time;
        for (size_t j = 0; j < p->nitems; j++) {
            item *c = &p->items[j];
            if (c->klass != IT_CPU || !(c->time < m && m < c->time + c->ticks))
                continue;
            int64_t rest = c->time + c->ticks - m;
            c->ticks = m - c->time;
            item *tail = add_item(b, p, m, IT_CPU); /* may move p->items */
            if (tail)
                tail->ticks = rest;
            break;
        }
    }
}

static int by_time(const void *x, const void *y)
{
    const item *a = x, *c = y;
    if (a->time != c->time)
        return a->time < c->time ? -1 : 1;
    if (a->klass != c->klass)
        return a->klass < c->klass ? -1 : 1;
    return a->seq < c->seq ? -1 : a->seq > c->seq;
}

static void write_program(ps_out *o, proc *p)
{
    if (p->nitems) /* (items is NULL when there are none) */
        qsort(p->items, p->nitems, sizeof *p->items, by_time);
    int64_t cpu = 0;
    int any = 0;
    ps_outf(o, "    program:");
    for (size_t i = 0; i <= p->nitems; i++) {
        if (i < p->nitems && p->items[i].klass == IT_CPU) {
            cpu += p->items[i].ticks;
            continue;
        }
        if (cpu) {
            ps_outf(o, "\n      - cpu %lld", (long long)cpu);
            any = 1;
            cpu = 0;
        }
        if (i < p->nitems) {
            ps_outf(o, "\n      - %s", p->items[i].op);
            any = 1;
        }
    }
    if (p->exit_code) {
        ps_outf(o, "\n      - exit %d", p->exit_code);
        any = 1;
    }
    ps_outf(o, "%s\n", any ? "" : " []");
}

/* Text for a double-quoted YAML scalar: quotes and backslashes escaped,
 * control characters as spaces. */
static void quoted(ps_out *o, const char *s)
{
    ps_out_puts(o, "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            ps_outf(o, "\\%c", *s);
        else
            ps_outf(o, "%c", (unsigned char)*s < 0x20 ? ' ' : *s);
    }
    ps_out_puts(o, "\"");
}

static void write_scenario(ps_out *o, book *b, const ps_trace *t)
{
    const ps_scenario *s = ps_trace_scenario(t);
    ps_trace_info info;
    ps_trace_get_info(t, &info);
    ps_trace_proc root;
    const char *cmd = "a program";
    uint32_t first = 1;
    while (first <= b->np && !b->p[first].used)
        first++;
    if (first <= b->np && !ps_trace_proc_info(t, first, &root))
        cmd = root.cmdline;
    ps_outf(o, "# Recorded by procsim trace --record (docs/trace.md, \"Record and replay\").\n"
               "procsim: 1\ntitle: ");
    quoted(o, cmd);
    ps_outf(o, "\ndescription: |\n"
               "  The process tree of a real run, replayed in the model: Running ticks as\n"
               "  cpu, each wait as the op that matches its cause (sleep, wait, recv on a\n"
               "  pipe with the send where the reader woke; a lock and any other call as\n"
               "  sleep or io), forks as spawn, exits with their status; one tick is one\n"
               "  sample of %lld ms.\n"
               "system:\n  cpus: %d\n  policy: rr\n  quantum: 1\n  tick_ms: %lld\n"
               "processes:\n",
            (long long)info.sample_ms, s->cpus, (long long)info.sample_ms);
    int none = 1;
    for (uint32_t pid = 1; pid <= b->np; pid++) {
        proc *p = &b->p[pid];
        if (!p->used)
            continue;
        none = 0;
        ps_outf(o, "  - name: %s\n", p->name);
        if (p->parent)
            ps_outf(o, "    parent: %s\n", b->p[p->parent].name);
        else if (p->created)
            ps_outf(o, "    arrival: %lld\n", (long long)p->created);
        write_program(o, p);
    }
    if (none)
        ps_outf(o, "  - name: nothing\n    program: []\n");
    if (b->nacts)
        ps_outf(o, "events:\n");
    for (size_t i = 0; i < b->nacts; i++)
        ps_outf(o, "  - at: %lld\n    do: %s %s\n", (long long)b->acts[i].at, b->acts[i].what,
                b->p[b->acts[i].pid].name);
}

char *ps_trace_recorder_yaml(const ps_trace_recorder *r, const ps_trace *t, size_t *len)
{
    if (r->nomem)
        return NULL;
    const ps_scenario *s = ps_trace_scenario(t);
    book b = {.np = s->nprocs};
    b.p = calloc((size_t)b.np + 1, sizeof *b.p);
    ps_outbuf out = {0};
    for (size_t i = 0; i < r->n; i++)
        b.end = r->v[i].time > b.end ? r->v[i].time : b.end;
    if (b.p) {
        read_transitions(&b, r, b.end);
        for (uint32_t pid = 1; pid <= b.np; pid++)
            if (b.p[pid].used)
                make_name(&b, pid, s->procs[pid - 1].name);
        place_ops(&b);
        for (uint32_t pid = 1; pid <= b.np; pid++)
            cut_at_marks(&b, &b.p[pid]);
        ps_out o = ps_outbuf_sink(&out);
        if (!b.nomem)
            write_scenario(&o, &b, t);
    }
    for (uint32_t pid = 1; b.p && pid <= b.np; pid++) {
        free(b.p[pid].blocks);
        free(b.p[pid].items);
    }
    int failed = !b.p || b.nomem || out.nomem || !out.s;
    free(b.p);
    free(b.acts);
    if (failed) {
        ps_outbuf_fini(&out);
        return NULL;
    }
    *len = out.len;
    return out.s;
}
