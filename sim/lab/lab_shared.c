/* lab_shared.c — answers about the objects processes share (lab.h,
 * docs/labs/README.md): a variable's value, a channel's length and items,
 * a mutex's holder, what a process waits for (all just after a tick), the
 * updates lost, and what is_alive answered.  The key (lab.c) stops its
 * run just after each tick asked about and calls ps__lab_shared there;
 * what the op events told comes through ps__lab_ops_listen, and the op
 * events themselves are the key's (its ops): the answers' reasons are the
 * ones that make them up (the writes of a value, the sends and receives
 * of a channel, the reads and writes of each lost update). */
#include "lab_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SH_NO_WRITE_AT "%s: no write up to tick %lld", "%s: %lld틱까지 쓰기 없음"
#define SH_NO_WRITE "%s: never written", "%s: 쓰기 없음"
#define SH_QUEUED "%s holds %lld: %lld sent - %lld received", \
                  "%s에 %lld개: 보냄 %lld - 받음 %lld"
#define SH_RECEIVED "received from %s = %s = %lld", "%s에서 받은 값의 합 = %s = %lld"
#define SH_LOST_WRITE "%s wrote %s = %lld where it held %lld, having read %lld at tick %lld: " \
                      "%lld update(s) lost", \
                      "%s: %s = %lld을(를) 씀, 그때 값 %lld, 읽은 값 %lld (%lld틱): 갱신 %lld개 잃음"
#define SH_LOST_NONE "no write overwrote another process's update: 0 lost", \
                     "다른 프로세스의 갱신을 덮어쓴 쓰기 없음: 잃은 것 0"
#define SH_LOST "lost = %s = %lld: each write over others' updates loses the value it " \
                "overwrote less the one it had read", \
                "손실 = %s = %lld: 다른 프로세스의 갱신을 덮어쓴 쓰기마다 (덮어쓴 값 - 읽었던 값)만큼 잃음"

int ps__lab_ops_init(ps__lab_ops *o, const ps_engine *e, const size_t *ntrans)
{
    const ps_scenario *s = ps_engine_scenario(e);
    size_t nv = s->variables.count + 1, np = s->nprocs + 1;
    memset(o, 0, sizeof *o);
    o->e = e;
    o->ntrans = ntrans;
    o->first_lost.time = -1;
    o->last_write = malloc(nv * sizeof *o->last_write);
    o->alive = malloc(np * sizeof *o->alive);
    o->alive_at = calloc(np, sizeof *o->alive_at);
    o->alive_by = calloc(np, sizeof *o->alive_by);
    o->alive_seen = calloc(np, sizeof *o->alive_seen);
    if (!o->last_write || !o->alive || !o->alive_at || !o->alive_by || !o->alive_seen) {
        ps__lab_ops_fini(o);
        return -1;
    }
    for (size_t i = 0; i < nv; i++)
        o->last_write[i].time = -1;
    memset(o->alive, -1, np);
    return 0;
}

void ps__lab_ops_fini(ps__lab_ops *o)
{
    free(o->last_write);
    free(o->alive);
    free(o->alive_at);
    free(o->alive_by);
    free(o->alive_seen);
    memset(o, 0, sizeof *o);
}

void ps__lab_ops_listen(void *ctx, const ps_op_event *ev)
{
    ps__lab_ops *o = ctx;
    const ps_scenario *s = ps_engine_scenario(o->e);
    if (ev->op == PS_OPE_WRITE && ev->object < s->variables.count) {
        ps__lab_write w = {ev->time, ev->pid, ev->lost_update ? ev->other : 0, ev->value,
                           ev->lost_update ? ev->detail : 0};
        o->last_write[ev->object] = w;
        if (ev->lost_update && !o->lost_writes++)
            o->first_lost = w;
    } else if (ev->op == PS_OPE_ALIVE && ev->object >= 1 && ev->object <= s->nprocs &&
               o->alive[ev->object - 1] < 0) { /* the first answer counts */
        o->alive[ev->object - 1] = (int8_t)(ev->value != 0);
        o->alive_at[ev->object - 1] = ev->time;
        o->alive_by[ev->object - 1] = ev->pid;
        o->alive_seen[ev->object - 1] = *o->ntrans;
    }
}


static const char *pname(const ps_lab_key *k, uint32_t pid)
{
    return pid >= 1 && pid <= k->s->nprocs ? k->s->procs[pid - 1].name : "?";
}

static int ko(const ps_lab_key *k)
{
    return k->lang == PS_LANG_KO;
}

static void set_number(ps_lab_answer *a, int64_t v)
{
    a->type = PS_LAB_INT;
    a->number = (double)v;
    snprintf(a->text, sizeof a->text, "%lld", (long long)v);
}

/* One channel item as the answers write it: a number, or none for the
 * sentinel. */
static void item_word(int64_t v, char *buf, size_t size)
{
    if (v == PS_VALUE_NONE)
        snprintf(buf, size, "none");
    else
        snprintf(buf, size, "%lld", (long long)v);
}

/* The pids in[0..n) by name, separated by sep, into buf. */
static void names(const ps_lab_key *k, const uint32_t *in, uint32_t n, const char *sep,
                  char *buf, size_t size)
{
    buf[0] = 0;
    for (uint32_t i = 0; i < n; i++)
        ps__lab_append(buf, size, pname(k, in[i]), sep);
}

#define OPS(x) (1u << PS_OPE_##x)

/* Keeps as reasons of a the op events of the kinds in the mask `kinds`
 * on object obj, up to tick t (-1: all), by pid only (0: anyone).
 * Returns how many. */
static int64_t ops_of(const ps_lab_key *k, unsigned kinds, uint32_t obj, int64_t t, uint32_t pid,
                      ps_lab_answer *a)
{
    int64_t n = 0;
    for (size_t i = 0; i < k->nops; i++) {
        const ps_op_event *ev = &k->ops[i];
        if (t >= 0 && ev->time > t)
            break;
        if ((kinds >> ev->op & 1u) && ev->object == obj && (!pid || ev->pid == pid)) {
            ps__lab_why_op(a, i);
            n++;
        }
    }
    return n;
}

/* The last op event of the kinds in `kinds` on obj up to tick t, by pid
 * (0: anyone), as a reason. */
static void last_op(const ps_lab_key *k, unsigned kinds, uint32_t obj, int64_t t, uint32_t pid,
                    ps_lab_answer *a)
{
    long last = -1;
    for (size_t i = 0; i < k->nops && k->ops[i].time <= t; i++)
        if ((kinds >> k->ops[i].op & 1u) && k->ops[i].object == obj &&
            (!pid || k->ops[i].pid == pid))
            last = (long)i;
    if (last >= 0)
        ps__lab_why_op(a, (size_t)last);
}

static void answer_value(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                         ps_lab_answer *a)
{
    set_number(a, ps_engine_variable(k->e, q->obj));
    /* the writes that made it: a private variable's, of the first process's
       copy (the one the answer is) */
    uint32_t only = k->s->var_private[q->obj] ? 1 : 0;
    if (!ops_of(k, OPS(WRITE), q->obj, q->at ? q->tick : -1, only, a)) {
        if (q->at)
            ps__lab_why_text(a, PS__LAB_W(k, SH_NO_WRITE_AT), k->s->variables.names[q->obj],
                             (long long)q->tick);
        else
            ps__lab_why_text(a, PS__LAB_W(k, SH_NO_WRITE), k->s->variables.names[q->obj]);
    }
    const ps__lab_write *w = &o->last_write[q->obj];
    if (!q->at || w->time < 0)
        return; /* the final value needs no more; no write seen (yet) says nothing */
    if (ko(k))
        snprintf(a->detail, sizeof a->detail, "%lld틱에 %s이(가) 마지막으로 씀%s%s%s",
                 (long long)w->time, pname(k, w->pid), w->lost ? ", " : "",
                 w->lost ? pname(k, w->other) : "", w->lost ? "의 갱신을 덮어씀" : "");
    else
        snprintf(a->detail, sizeof a->detail, "last written by %s at tick %lld%s%s%s",
                 pname(k, w->pid), (long long)w->time, w->lost ? ", overwriting " : "",
                 w->lost ? pname(k, w->other) : "", w->lost ? "'s update" : "");
}

/* length C at T, items C at T: the channel's values front first, and who
 * waits to receive. */
enum { ITEMS_MAX = 64 };

static void answer_channel(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                           ps_lab_answer *a)
{
    (void)o;
    int64_t items[ITEMS_MAX];
    uint32_t rcv[ITEMS_MAX], nrcv = ps_engine_channel_receivers(k->e, q->obj, rcv, ITEMS_MAX);
    uint32_t n = ps_engine_channel_items(k->e, q->obj, items, ITEMS_MAX), shown = 0;
    char list[sizeof a->text] = "", word[32], who[160];
    /* the values that fit, leaving room for ", ..." */
    for (; shown < n && shown < ITEMS_MAX; shown++) {
        item_word(items[shown], word, sizeof word);
        if (strlen(list) + strlen(word) + 8 > sizeof list)
            break;
        ps__lab_append(list, sizeof list, word, ", ");
    }
    if (shown < n)
        ps__lab_append(list, sizeof list, "...", ", ");
    names(k, rcv, nrcv < ITEMS_MAX ? nrcv : ITEMS_MAX, " ", who, sizeof who);
    if (q->kind == PS_ASK_LENGTH) {
        set_number(a, n);
        if (n)
            snprintf(a->detail, sizeof a->detail, ko(k) ? "앞부터: %s" : "front first: %s", list);
    } else {
        a->type = PS_LAB_NAMES;
        snprintf(a->text, sizeof a->text, "%s", n ? list : "empty");
        if (shown < n)
            snprintf(a->detail, sizeof a->detail,
                     ko(k) ? "%u개 중 앞의 %u개만 적음" : "%u items; only the first %u written",
                     n, shown);
        else if (n)
            snprintf(a->detail, sizeof a->detail, ko(k) ? "%u개, 앞부터" : "%u item%s, front first",
                     n, ko(k) || n == 1 ? "" : "s");
    }
    if (nrcv) {
        size_t len = strlen(a->detail);
        snprintf(a->detail + len, sizeof a->detail - len,
                 ko(k) ? "%s받으려고 기다림: %s" : "%swaiting to receive: %s", len ? "; " : "", who);
    }
    int64_t sent = ops_of(k, OPS(SEND), q->obj, q->tick, 0, a);
    int64_t got = ops_of(k, OPS(RECV), q->obj, q->tick, 0, a);
    for (uint32_t i = 0; i < nrcv && i < ITEMS_MAX; i++) {
        long at;
        ps__lab_state_at(k, rcv[i], q->tick, &at);
        if (at >= 0)
            ps__lab_why(a, (size_t)at);
    }
    ps__lab_why_sort(k, a);
    ps__lab_why_text(a, PS__LAB_W(k, SH_QUEUED), k->s->channels.names[q->obj], (long long)n,
                     (long long)sent, (long long)got);
}

void ps__lab_explain_received(const ps_lab_key *k, uint32_t chan, ps_lab_answer *a)
{
    ps__lab_sum sum;
    char terms[256];
    memset(&sum, 0, sizeof sum);
    for (size_t i = 0; i < k->nops; i++) {
        const ps_op_event *ev = &k->ops[i];
        if (ev->op != PS_OPE_RECV || ev->object != chan)
            continue;
        ps__lab_why_op(a, i);
        if (ev->value != PS_VALUE_NONE) /* the sentinel is no number */
            ps__lab_sum_add(&sum, ev->value);
    }
    ps__lab_why_text(a, PS__LAB_W(k, SH_RECEIVED), k->s->channels.names[chan],
                     ps__lab_sum_text(k, &sum, terms, sizeof terms), (long long)sum.total);
}

static void answer_holder(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                          ps_lab_answer *a)
{
    (void)o;
    uint32_t w[ITEMS_MAX], nw = ps_engine_mutex_waiters(k->e, q->obj, w, ITEMS_MAX);
    uint32_t owner = ps_engine_mutex_owner(k->e, q->obj);
    char who[160];
    if (nw > ITEMS_MAX)
        nw = ITEMS_MAX;
    a->type = PS_LAB_NAMES;
    snprintf(a->text, sizeof a->text, "%s", owner ? pname(k, owner) : "none");
    names(k, w, nw, " ", who, sizeof who);
    if (nw)
        snprintf(a->detail, sizeof a->detail, ko(k) ? "기다리는 순서: %s" : "waiting, in order: %s",
                 who);
    else
        snprintf(a->detail, sizeof a->detail, ko(k) ? "기다리는 프로세스 없음" : "nobody waiting");
    long got = -1; /* the holder's wake by the lock passed on to it, if that is how */
    for (size_t i = 0; owner && i < k->ntrace && k->trace[i].time <= q->tick; i++)
        if (k->trace[i].pid == owner && k->trace[i].cause == PS_CAUSE_LOCK_GRANTED &&
            k->trace[i].a == (int64_t)q->obj)
            got = (long)i;
    if (got >= 0)
        ps__lab_why(a, (size_t)got);
    for (uint32_t i = 0; i < nw; i++) { /* each waiter's Blocked: lock m: held by ... */
        long at;
        ps__lab_state_at(k, w[i], q->tick, &at);
        if (at >= 0)
            ps__lab_why(a, (size_t)at);
    }
    ops_of(k, OPS(LOCK) | OPS(UNLOCK) | OPS(HANDOFF), q->obj, q->tick, 0, a);
    ps__lab_why_sort(k, a);
}

/* waits P at T: the wait kind's token (PS_WAITS) and the object's name;
 * a join with a timeout is a wait for the child like any join. */
static void answer_waits(const ps_lab_key *k, const ps__lab_ops *ops, const ps_question *q,
                         ps_lab_answer *a)
{
    (void)ops;
    const ps_pcb *p = ps_engine_pcb(k->e, q->obj + 1);
    const ps_scenario *s = k->s;
    const char *obj = "";
    uint32_t o = p->wait_obj;
    ps_wait_kind kind = (ps_wait_kind)p->wait_kind;
    switch (kind) {
    case PS_WAIT_DEVICE: obj = o < s->devices.count ? s->devices.names[o] : "?"; break;
    case PS_WAIT_CHANNEL: obj = o < s->channels.count ? s->channels.names[o] : "?"; break;
    case PS_WAIT_MUTEX: obj = o < s->mutexes.count ? s->mutexes.names[o] : "?"; break;
    case PS_WAIT_CHILD_UNTIL: kind = PS_WAIT_CHILD; /* fall through */
    case PS_WAIT_CHILD: obj = o == PS_WAIT_ANY ? "any" : pname(k, o); break;
    case PS_WAIT_NOTHING:
    case PS_WAIT_SLEEP: break;
    }
    a->type = PS_LAB_NAMES;
    snprintf(a->text, sizeof a->text, "%s%s%s", ps_wait_token(kind),
             obj[0] ? " " : "", obj);
    long at;
    ps_state st = ps__lab_state_at(k, q->obj + 1, q->tick, &at);
    if (p->wait_kind != PS_WAIT_NOTHING) {
        char how[256];
        ps_wait_format(k->e, p, (ps_lang)k->lang, how, sizeof how);
        snprintf(a->detail, sizeof a->detail, ko(k) ? "%s: %s" : "%s %s", p->name, how);
    } else if (st != PS_NONE) {
        snprintf(a->detail, sizeof a->detail, "%s", ps_state_name_in(st, (ps_lang)k->lang));
    }
    if (at >= 0)
        ps__lab_why(a, (size_t)at);
    if (p->wait_kind == PS_WAIT_MUTEX) /* how the holder came to hold it */
        last_op(k, OPS(LOCK) | OPS(HANDOFF), o, q->tick, 0, a);
    else if (p->wait_kind == PS_WAIT_DEVICE) /* its request, if it is being served */
        last_op(k, OPS(REQUEST), o, q->tick, q->obj + 1, a);
    ps__lab_why_sort(k, a);
}

/* The reads and writes of each lost update: the writer's read, the
 * writer's transitions between its read and its write (the preemption
 * that let others in), the others' writes it overwrote, and the write;
 * then what each write lost (the value it overwrote less the one it had
 * read: the run's count, ps__var_write) and their sum. */
static void explain_lost(const ps_lab_key *k, ps_lab_answer *a)
{
    uint8_t *need = calloc(k->nops + 1, 1);
    if (!need) {
        a->why_nomem = 1;
        return;
    }
    for (size_t i = 0; i < k->nops; i++) {
        const ps_op_event *w = &k->ops[i];
        if (w->op != PS_OPE_WRITE || !w->lost_update)
            continue;
        size_t read = i;
        while (read-- > 0 && !(k->ops[read].op == PS_OPE_READ && k->ops[read].pid == w->pid &&
                               k->ops[read].object == w->object))
            ;
        if (read == SIZE_MAX) /* cannot happen: a write follows its read */
            continue;
        need[i] = need[read] = 1;
        for (size_t m = read + 1; m < i; m++)
            need[m] |= k->ops[m].op == PS_OPE_WRITE && k->ops[m].object == w->object &&
                       k->ops[m].pid != w->pid;
        for (size_t t = k->ops_after[read]; t < k->ops_after[i] && t < k->ntrace; t++)
            if (k->trace[t].pid == w->pid)
                ps__lab_why(a, t);
    }
    for (size_t i = 0; i < k->nops; i++)
        if (need[i])
            ps__lab_why_op(a, i);
    free(need);
    ps__lab_why_sort(k, a);
    /* what each lost: the shared value it overwrote (the last write's, 0
       at first) less the value it had read */
    ps__lab_sum sum;
    char terms[256];
    memset(&sum, 0, sizeof sum);
    for (size_t i = 0; i < k->nops; i++) {
        const ps_op_event *w = &k->ops[i];
        if (w->op != PS_OPE_WRITE || !w->lost_update)
            continue;
        int64_t over = 0, read_at = -1;
        for (size_t j = i; j-- > 0;)
            if (k->ops[j].op == PS_OPE_WRITE && k->ops[j].object == w->object) {
                over = k->ops[j].value;
                break;
            }
        for (size_t j = i; j-- > 0;)
            if (k->ops[j].op == PS_OPE_READ && k->ops[j].pid == w->pid &&
                k->ops[j].object == w->object) {
                read_at = k->ops[j].time;
                break;
            }
        int64_t read = w->value - 1, lost = over - read;
        ps__lab_why_text(a, PS__LAB_W(k, SH_LOST_WRITE), pname(k, w->pid),
                         k->s->variables.names[w->object], (long long)w->value, (long long)over,
                         (long long)read, (long long)read_at, (long long)lost);
        ps__lab_sum_add(&sum, lost);
    }
    ps__lab_why_text(a, PS__LAB_W(k, SH_LOST), ps__lab_sum_text(k, &sum, terms, sizeof terms),
                     (long long)sum.total);
}

static void answer_lost(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                        ps_lab_answer *a)
{
    (void)q;
    set_number(a, ps_engine_lost_updates(k->e));
    const ps__lab_write *w = &o->first_lost;
    if (w->time < 0) {
        ps__lab_why_text(a, "%s", PS__LAB_W(k, SH_LOST_NONE));
        return;
    }
    if (ko(k))
        snprintf(a->detail, sizeof a->detail,
                 "다른 프로세스의 갱신을 덮어쓴 쓰기 %lld번; 처음은 %lld틱에 %s이(가) %s의 "
                 "갱신을 덮어씀", (long long)o->lost_writes, (long long)w->time,
                 pname(k, w->pid), pname(k, w->other));
    else
        snprintf(a->detail, sizeof a->detail,
                 "%lld write%s overwrote other processes' updates; the first, at tick %lld, "
                 "was %s's over %s's", (long long)o->lost_writes, o->lost_writes == 1 ? "" : "s",
                 (long long)w->time, pname(k, w->pid), pname(k, w->other));
    explain_lost(k, a);
}

static void answer_alive(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                         ps_lab_answer *a)
{
    int said = o->alive[q->obj];
    a->type = PS_LAB_BOOL;
    snprintf(a->text, sizeof a->text, "%s", said < 0 ? "none" : said ? "true" : "false");
    if (said < 0) {
        snprintf(a->detail, sizeof a->detail,
                 ko(k) ? "is_alive %s을(를) 묻지 않았음" : "no program asked is_alive %s",
                 pname(k, q->obj + 1));
        return;
    }
    int64_t t = o->alive_at[q->obj];
    long at; /* its state when asked, not after the tick: main may kill it next */
    ps_state st = ps__lab_state_upto(k, q->obj + 1, o->alive_seen[q->obj], &at);
    const char *state = st == PS_NONE ? "none" : ps_state_name_in(st, (ps_lang)k->lang);
    if (ko(k))
        snprintf(a->detail, sizeof a->detail, "%lld틱에 %s이(가) 물음; 그때 %s은(는) %s 상태",
                 (long long)t, pname(k, o->alive_by[q->obj]), pname(k, q->obj + 1), state);
    else
        snprintf(a->detail, sizeof a->detail, "asked by %s at tick %lld, when %s was %s",
                 pname(k, o->alive_by[q->obj]), (long long)t, pname(k, q->obj + 1), state);
    if (at >= 0)
        ps__lab_why(a, (size_t)at);
    for (size_t i = 0; i < k->nops; i++) /* the first answer, the one that counts */
        if (k->ops[i].op == PS_OPE_ALIVE && k->ops[i].object == q->obj + 1) {
            ps__lab_why_op(a, i);
            break;
        }
    ps__lab_why_sort(k, a);
}

/* The questions answered from the engine as it is at some moment: the
 * shared objects, and a response ratio (lab_policy.c).  How each is
 * answered, and when: at its tick (AT_TICK; AT_IF_GIVEN: when it has one)
 * or at the end of the run.  Other kinds are lab.c's. */
enum { AT_END, AT_TICK, AT_IF_GIVEN };
typedef void answer_fn(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                       ps_lab_answer *a);
static const struct {
    answer_fn *answer;
    uint8_t when;
} shared[PS_ASK_COUNT] = {
    [PS_ASK_VALUE] = {answer_value, AT_IF_GIVEN},
    [PS_ASK_LENGTH] = {answer_channel, AT_TICK},
    [PS_ASK_ITEMS] = {answer_channel, AT_TICK},
    [PS_ASK_HOLDER] = {answer_holder, AT_TICK},
    [PS_ASK_WAITS] = {answer_waits, AT_TICK},
    [PS_ASK_LOST] = {answer_lost, AT_END},
    [PS_ASK_ALIVE] = {answer_alive, AT_END},
    [PS_ASK_RATIO] = {ps__lab_ratio, AT_TICK},
};

int ps__lab_at_moment(const ps_question *q)
{
    if (q->kind >= PS_ASK_COUNT || !shared[q->kind].answer)
        return 0;
    return shared[q->kind].when == AT_IF_GIVEN ? q->at : shared[q->kind].when == AT_TICK;
}

void ps__lab_shared(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                    ps_lab_answer *a)
{
    if (q->kind < PS_ASK_COUNT && shared[q->kind].answer)
        shared[q->kind].answer(k, o, q, a);
}
