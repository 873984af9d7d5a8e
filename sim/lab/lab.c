/* lab.c — a lab's answer key: run the scenario, recording its transitions
 * and op events, and answer every question from them and the statistics,
 * with the reasons that show why (lab.h; how reasons are kept and written
 * is lab_why.c, how a time statistic is made up lab_explain.c).
 * Questions about shared objects are lab_shared.c, about the policy
 * (response ratios, policies compared) lab_policy.c; grading is
 * lab_grade.c; random labs are lab_random.c. */
#include "lab_internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "procsim/stats.h"

/* The run's transitions and op events as they come; the op events go on
 * to the answers about shared objects (ps__lab_ops_listen). */
typedef struct recorder {
    ps__vec trace;       /* of ps_trace_event */
    ps__vec ops;         /* of ps_op_event */
    ps__vec ops_after;   /* of size_t: the transitions before each */
    ps__lab_ops *gather; /* lab_shared.c's */
    bool lost;           /* one could not be kept (out of memory) */
    bool full;           /* the run went past PS_LAB_MAX_EVENTS: nothing
                            more is kept, and the run is stopped */
} recorder;

/* Is there room for one more event?  When not, the recorder is full. */
static bool room(recorder *r)
{
    if (r->trace.len + r->ops.len < PS_LAB_MAX_EVENTS)
        return true;
    r->full = true;
    return false;
}

static void record(void *ctx, const ps_trace_event *ev)
{
    recorder *r = ctx;
    if (!room(r))
        return;
    ps_trace_event *slot = ps__vec_push(&r->trace);
    if (slot)
        *slot = *ev;
    else
        r->lost = true;
}

static void record_op(void *ctx, const ps_op_event *ev)
{
    recorder *r = ctx;
    if (!room(r))
        return;
    ps_op_event *slot = ps__vec_push(&r->ops);
    size_t *after = slot ? ps__vec_push(&r->ops_after) : NULL;
    if (after) {
        *slot = *ev;
        *after = r->trace.len;
    } else {
        r->lost = true;
    }
    ps__lab_ops_listen(r->gather, ev);
}

/* The key sees what the recorder holds so far. */
static void show(ps_lab_key *key, const recorder *rec)
{
    key->trace = rec->trace.data;
    key->ntrace = rec->trace.len;
    key->ops = rec->ops.data;
    key->ops_after = rec->ops_after.data;
    key->nops = rec->ops.len < rec->ops_after.len ? rec->ops.len : rec->ops_after.len;
}

/* A plain copy of v's elements (ps_lab_key_fini frees it); NULL when out
 * of memory. */
static void *plain_copy(const ps__vec *v)
{
    void *p = malloc(v->len ? v->len * v->elem : 1);
    if (p && v->len)
        memcpy(p, v->data, v->len * v->elem);
    return p;
}

ps_state ps__lab_state_upto(const ps_lab_key *k, uint32_t pid, size_t n, long *at)
{
    ps_state s = PS_NONE;
    *at = -1;
    for (size_t i = 0; i < n && i < k->ntrace; i++)
        if (k->trace[i].pid == pid) {
            s = (ps_state)k->trace[i].to;
            *at = (long)i;
        }
    return s;
}

ps_state ps__lab_state_at(const ps_lab_key *k, uint32_t pid, int64_t t, long *at)
{
    size_t n = 0; /* the trace is in time order: the lines up to tick t */
    while (n < k->ntrace && k->trace[n].time <= t)
        n++;
    return ps__lab_state_upto(k, pid, n, at);
}

static const char *pname(const ps_lab_key *k, uint32_t pid)
{
    return k->s->procs[pid - 1].name;
}

void ps__lab_append(char *buf, size_t size, const char *word, const char *sep)
{
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s%s", n ? sep : "", word);
}

static void append(char *buf, size_t size, const char *word)
{
    ps__lab_append(buf, size, word, " ");
}

static void set_int(ps_lab_answer *a, int64_t v)
{
    a->type = PS_LAB_INT;
    a->number = (double)v;
    if (v < 0)
        snprintf(a->text, sizeof a->text, "none");
    else
        snprintf(a->text, sizeof a->text, "%lld", (long long)v);
}

static void answer_state(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a)
{
    long at;
    ps_state s = ps__lab_state_at(k, q->obj + 1, q->tick, &at);
    a->type = PS_LAB_STATE;
    snprintf(a->text, sizeof a->text, "%s", s == PS_NONE ? "none" : ps_state_token(s));
    snprintf(a->detail, sizeof a->detail, "%s",
             s == PS_NONE ? "" : ps_state_name_in(s, (ps_lang)k->lang));
    if (at >= 0)
        ps__lab_why(a, (size_t)at);
}

static void answer_running(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a)
{
    a->type = PS_LAB_SET;
    for (uint32_t pid = 1; pid <= k->s->nprocs; pid++) {
        long at;
        if (ps__lab_state_at(k, pid, q->tick, &at) == PS_RUNNING) {
            append(a->text, sizeof a->text, pname(k, pid));
            ps__lab_why(a, (size_t)at);
        }
    }
    if (!a->text[0])
        snprintf(a->text, sizeof a->text, "idle");
}

static void answer_next(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a)
{
    char cause[256];
    a->type = PS_LAB_STATE;
    snprintf(a->text, sizeof a->text, "none");
    for (size_t i = 0; i < k->ntrace; i++) {
        const ps_trace_event *ev = &k->trace[i];
        if (ev->pid != q->obj + 1 || ev->time <= q->tick)
            continue;
        snprintf(a->text, sizeof a->text, "%s", ps_state_token((ps_state)ev->to));
        ps_lang lang = (ps_lang)k->lang;
        snprintf(a->detail, sizeof a->detail,
                 lang == PS_LANG_KO ? "%s -> %s, %lld틱 (%s: %s)" : "%s -> %s at tick %lld (%s: %s)",
                 ps_state_name_in((ps_state)ev->from, lang),
                 ps_state_name_in((ps_state)ev->to, lang), (long long)ev->time,
                 ps_event_token((ps_event)ev->event),
                 ps_cause_format(k->e, ev, lang, cause, sizeof cause));
        ps__lab_why(a, i);
        return;
    }
}

static void answer_stat(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a)
{
    ps_proc_stats st;
    uint32_t pid = q->obj + 1;
    ps_stats_proc(k->e, pid, &st);
    switch ((ps_ask)q->kind) {
    case PS_ASK_FINISH: set_int(a, st.finish); break;
    case PS_ASK_TURNAROUND: set_int(a, st.turnaround); break;
    case PS_ASK_WAITING: set_int(a, st.waiting); break;
    case PS_ASK_RESPONSE: set_int(a, st.response); break;
    case PS_ASK_CPU: set_int(a, st.cpu); break;
    case PS_ASK_SWITCHES: set_int(a, st.switches); break;
    case PS_ASK_SWAPS: set_int(a, st.swaps); break;
    case PS_ASK_STATE: /* answered elsewhere (answer) */
    case PS_ASK_RUNNING:
    case PS_ASK_NEXT:
    case PS_ASK_AVERAGE:
    case PS_ASK_ORDER:
    case PS_ASK_VALUE:
    case PS_ASK_RECEIVED:
    case PS_ASK_KERNEL:
    case PS_ASK_LENGTH:
    case PS_ASK_ITEMS:
    case PS_ASK_HOLDER:
    case PS_ASK_WAITS:
    case PS_ASK_LOST:
    case PS_ASK_ALIVE:
    case PS_ASK_RATIO:
    case PS_ASK_BEST:
    case PS_ASK_GAP:
    case PS_ASK_LITERAL:
    case PS_ASK_COUNT:
        break;
    }
    ps__lab_explain_stat(k, (ps_ask)q->kind, pid, (int64_t)a->number, a);
    if (q->kind == PS_ASK_WAITING)
        snprintf(a->detail, sizeof a->detail, k->lang == PS_LANG_KO ? "%s 상태의 틱" : "ticks in %s",
                 ps_state_name_in(PS_READY, (ps_lang)k->lang));
}

double ps__lab_average(const ps_engine *e, ps_average what, char *buf, size_t size)
{
    ps_summary sum;
    ps_stats_summary(e, &sum);
    buf[0] = 0;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) { /* the values averaged */
        ps_proc_stats st;
        char item[96];
        ps_stats_proc(e, pid, &st);
        int64_t x = what == PS_AVG_TURNAROUND ? st.turnaround
                  : what == PS_AVG_WAITING ? st.waiting : st.response;
        if (st.finish < 0 || x < 0)
            continue;
        snprintf(item, sizeof item, "%s %lld", st.name, (long long)x);
        ps__lab_append(buf, size, item, ", ");
    }
    return what == PS_AVG_TURNAROUND ? sum.avg_turnaround
         : what == PS_AVG_WAITING ? sum.avg_waiting : sum.avg_response;
}

static void answer_average(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a)
{
    double v = ps__lab_average(k->e, (ps_average)q->what, a->detail, sizeof a->detail);
    a->type = PS_LAB_NUMBER;
    a->number = v;
    snprintf(a->text, sizeof a->text, "%.2f", v);
    ps__lab_explain_average(k, (ps_average)q->what, a);
}

static void answer_order(const ps_lab_key *k, ps_lab_answer *a)
{
    a->type = PS_LAB_NAMES;
    for (size_t i = 0; i < k->ntrace; i++)
        if (k->trace[i].to == PS_EXIT) {
            append(a->text, sizeof a->text, pname(k, k->trace[i].pid));
            ps__lab_why(a, i);
        }
    if (!a->text[0])
        snprintf(a->text, sizeof a->text, "none");
}

/* 0, PS_LAB_NOMEM, or PS_LAB_TOO_LONG (a computed option's run). */
static int answer(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                  ps_lab_answer *a)
{
    switch ((ps_ask)q->kind) {
    case PS_ASK_STATE: answer_state(k, q, a); break;
    case PS_ASK_RUNNING: answer_running(k, q, a); break;
    case PS_ASK_NEXT: answer_next(k, q, a); break;
    case PS_ASK_AVERAGE: answer_average(k, q, a); break;
    case PS_ASK_ORDER: answer_order(k, a); break;
    case PS_ASK_VALUE:
    case PS_ASK_LENGTH:
    case PS_ASK_ITEMS:
    case PS_ASK_HOLDER:
    case PS_ASK_WAITS:
    case PS_ASK_LOST:
    case PS_ASK_ALIVE:
    case PS_ASK_RATIO:
        if (!ps__lab_at_moment(q)) /* else answered at its moment of the run */
            ps__lab_shared(k, o, q, a);
        break;
    case PS_ASK_BEST:
    case PS_ASK_GAP:
        if (ps__lab_compare(k, q, a))
            return PS_LAB_NOMEM;
        break;
    case PS_ASK_LITERAL: ps__lab_literal(k, q, a); break;
    case PS_ASK_RECEIVED: {
        ps_channel_stats c = ps_engine_channel(k->e, q->obj);
        set_int(a, 0);
        a->number = (double)c.received_sum;
        snprintf(a->text, sizeof a->text, "%lld", (long long)c.received_sum);
        snprintf(a->detail, sizeof a->detail,
                 k->lang == PS_LANG_KO ? "받은 값 %llu개, 큐에 남은 값 %llu개"
                                       : "%llu values received, %llu left queued",
                 (unsigned long long)c.received, (unsigned long long)c.queued);
        ps__lab_explain_received(k, q->obj, a);
        break;
    }
    case PS_ASK_KERNEL:
        a->type = PS_LAB_LETTER;
        snprintf(a->text, sizeof a->text, "%c", ps_state_kernel_letter((ps_state)q->what));
        snprintf(a->detail, sizeof a->detail,
                 k->lang == PS_LANG_KO ? "라이브 모드에서 %s 상태인 프로세스를 /proc가 보여 주는 "
                                         "글자 (docs/live.md)"
                                       : "what /proc shows of a process in state %s in live "
                                         "mode (docs/live.md)",
                 ps_state_name_in((ps_state)q->what, (ps_lang)k->lang));
        break;
    case PS_ASK_FINISH:
    case PS_ASK_TURNAROUND:
    case PS_ASK_WAITING:
    case PS_ASK_RESPONSE:
    case PS_ASK_CPU:
    case PS_ASK_SWITCHES:
    case PS_ASK_SWAPS:
        answer_stat(k, q, a);
        break;
    case PS_ASK_COUNT:
        break;
    }
    return ps__lab_choices(k, q, a); /* multiple choice: the options beside it */
}

static int by_tick(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The ticks of the questions answered at a moment of the run, sorted,
 * without repeats, into a new array (*n of them); NULL only when out of
 * memory. */
static int64_t *moments(const ps_scenario *s, uint32_t *n)
{
    int64_t *t = malloc((s->nquestions + 1) * sizeof *t);
    *n = 0;
    if (!t)
        return NULL;
    for (uint32_t i = 0; i < s->nquestions; i++)
        if (ps__lab_at_moment(&s->questions[i]))
            t[(*n)++] = s->questions[i].tick;
    qsort(t, *n, sizeof *t, by_tick);
    uint32_t u = 0;
    for (uint32_t i = 0; i < *n; i++)
        if (!u || t[u - 1] != t[i])
            t[u++] = t[i];
    *n = u;
    return t;
}

/* ps_engine_run(e, until) step by step, so that it stops once the
 * recorder is full (it returns PS_STEP_OK then): an instant adds at most
 * what one step does, and the recorder keeps none of it. */
static ps_step_status run_to(ps_engine *e, int64_t until, const recorder *rec)
{
    for (;;) {
        if (rec->full)
            return PS_STEP_OK;
        int64_t next = ps_engine_next(e);
        if (until >= 0 && next > until)
            return ps_engine_run(e, until); /* no instant is due by then */
        ps_step_status st = ps_engine_step(e);
        if (st != PS_STEP_OK)
            return st;
    }
}

/* Runs the key's engine to the end, stopping just after each tick a
 * question asks about the shared objects at, to answer it there (the
 * engine's run to a time and on from it is the same run).  While it runs
 * the key's trace is the recorder's, up to now. */
static ps_step_status run(ps_lab_key *key, recorder *rec, ps__lab_ops *o)
{
    const ps_scenario *s = key->s;
    uint32_t n;
    int64_t *t = moments(s, &n);
    if (!t)
        return PS_STEP_NOMEM;
    ps_step_status st = PS_STEP_OK;
    for (uint32_t m = 0; m < n && st != PS_STEP_NOMEM && !rec->full; m++) {
        if (st == PS_STEP_OK || st == PS_STEP_UNTIL)
            st = run_to(key->e, t[m], rec);
        show(key, rec);
        for (uint32_t i = 0; i < s->nquestions; i++)
            if (ps__lab_at_moment(&s->questions[i]) && s->questions[i].tick == t[m])
                ps__lab_shared(key, o, &s->questions[i], &key->answers[i]);
        key->trace = NULL;
        key->ops = NULL;
        key->ops_after = NULL;
        key->ntrace = key->nops = 0;
    }
    free(t);
    if ((st == PS_STEP_OK || st == PS_STEP_UNTIL) && !rec->full)
        st = run_to(key->e, -1, rec);
    return st;
}

int ps_lab_key_compute(const ps_scenario *s, ps_lang lang, ps_lab_key *key)
{
    recorder rec = {.gather = NULL, .lost = false, .full = false};
    ps__lab_ops ops;
    int rc = PS_LAB_NOMEM;
    ps__vec_init(&rec.trace, sizeof(ps_trace_event));
    ps__vec_init(&rec.ops, sizeof(ps_op_event));
    ps__vec_init(&rec.ops_after, sizeof(size_t));
    rec.gather = &ops;
    memset(key, 0, sizeof *key);
    memset(&ops, 0, sizeof ops);
    key->s = s;
    key->lang = (uint8_t)(lang == PS_LANG_KO ? PS_LANG_KO : PS_LANG_EN);
    key->e = ps_engine_create(s);
    key->answers = calloc(s->nquestions + 1, sizeof *key->answers);
    if (!key->e || !key->answers || ps__lab_ops_init(&ops, key->e, &rec.trace.len))
        goto fail;
    ps_engine_set_listener(key->e, record, &rec);
    ps_engine_set_op_listener(key->e, record_op, &rec);
    key->status = run(key, &rec, &ops);
    ps_engine_set_listener(key->e, NULL, NULL);
    ps_engine_set_op_listener(key->e, NULL, NULL);
    if (rec.full) { /* before anything else: a run stopped short */
        rc = PS_LAB_TOO_LONG;
        goto fail;
    }
    if (key->status == PS_STEP_NOMEM || rec.lost)
        goto fail;
    /* the key's trace and op events are plain allocations (ps_lab_key_fini
       frees them) */
    key->ntrace = rec.trace.len;
    key->nops = rec.ops.len;
    key->trace = plain_copy(&rec.trace);
    key->ops = plain_copy(&rec.ops);
    key->ops_after = plain_copy(&rec.ops_after);
    if (!key->trace || !key->ops || !key->ops_after)
        goto fail;
    ps__vec_fini(&rec.trace);
    ps__vec_fini(&rec.ops);
    ps__vec_fini(&rec.ops_after);
    for (uint32_t i = 0; i < s->nquestions; i++)
        if ((rc = answer(key, &ops, &s->questions[i], &key->answers[i])) != 0)
            goto fail;
    for (uint32_t i = 0; i < s->nquestions; i++) /* a reason that could not be kept */
        if (key->answers[i].why_nomem) {
            rc = PS_LAB_NOMEM;
            goto fail;
        }
    ps__lab_ops_fini(&ops);
    return 0;
fail:
    ps__vec_fini(&rec.trace);
    ps__vec_fini(&rec.ops);
    ps__vec_fini(&rec.ops_after);
    ps__lab_ops_fini(&ops);
    ps_lab_key_fini(key);
    return rc;
}

void ps_lab_key_fini(ps_lab_key *key)
{
    for (uint32_t i = 0; key->answers && i < key->s->nquestions; i++)
        ps__lab_why_fini(&key->answers[i]);
    ps_engine_destroy(key->e);
    free(key->trace);
    free(key->ops);
    free(key->ops_after);
    free(key->answers);
    memset(key, 0, sizeof *key);
}

char *ps_lab_trace_line(const ps_lab_key *key, uint32_t i, char *buf, size_t size)
{
    const ps_trace_event *ev = &key->trace[i];
    char cause[256];
    ps_lang lang = (ps_lang)key->lang;
    snprintf(buf, size, lang == PS_LANG_KO ? "%lld틱: %s %s -> %s (%s: %s)"
                                           : "tick %lld: %s %s -> %s (%s: %s)",
             (long long)ev->time, pname(key, ev->pid), ps_state_name_in((ps_state)ev->from, lang),
             ps_state_name_in((ps_state)ev->to, lang), ps_event_token((ps_event)ev->event),
             ps_cause_format(key->e, ev, lang, cause, sizeof cause));
    return buf;
}
