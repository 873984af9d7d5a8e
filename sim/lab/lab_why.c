/* lab_why.c — the reasons of an answer (lab.h, lab_internal.h): kept as
 * many as it takes, and written for people in the key's language.  A
 * reason is a transition or an op event of the run, a process's stay in
 * a state between two transitions, or a line composed as the key was
 * computed (the sum the others make). */
#include "lab_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The wordings of the reasons, English first. */
#define WHY_TICK "tick %lld: %s", "%lld틱: %s"
#define WHY_SPAN "ticks %lld-%lld: %s %s, %lld %s%s (in: %s: %s; out: %s: %s)", \
                 "%lld-%lld틱: %s %s 상태 %lld%s%s (들어옴: %s: %s; 나감: %s: %s)"
#define WHY_SPAN_OPEN "ticks %lld-%lld: %s %s, %lld %s%s (in: %s: %s; still %s at the end)", \
                      "%lld-%lld틱: %s %s 상태 %lld%s%s (들어옴: %s: %s; 끝날 때도 %s 상태)"
#define WHY_SWITCHING ", %lld of them switching", ", 그 가운데 문맥 교환 %lld틱"
#define WHY_MORE_TERMS "%s + ... (%u terms)", "%s + ... (%u개 항)"
#define WHY_TICKS "ticks", "틱"
#define WHY_ONE_TICK "tick", "틱"

static ps__lab_reason *push(ps_lab_answer *a)
{
    if (a->why_nomem)
        return NULL;
    if (a->nwhy == a->why_cap) {
        uint32_t cap = a->why_cap ? a->why_cap * 2 : 8;
        ps__lab_reason *w = cap > a->why_cap ? realloc(a->why, cap * sizeof *w) : NULL;
        if (!w) {
            a->why_nomem = 1;
            return NULL;
        }
        a->why = w;
        a->why_cap = cap;
    }
    ps__lab_reason *r = &a->why[a->nwhy++];
    memset(r, 0, sizeof *r);
    return r;
}

void ps__lab_why(ps_lab_answer *a, size_t i)
{
    ps__lab_reason *r = push(a);
    if (r) {
        r->kind = PS__WHY_TRANSITION;
        r->at = (uint32_t)i;
    }
}

void ps__lab_why_op(ps_lab_answer *a, size_t i)
{
    ps__lab_reason *r = push(a);
    if (r) {
        r->kind = PS__WHY_OP;
        r->at = (uint32_t)i;
    }
}

void ps__lab_why_span(ps_lab_answer *a, size_t in, uint32_t out, int64_t until, int64_t cost)
{
    ps__lab_reason *r = push(a);
    if (r) {
        r->kind = PS__WHY_SPAN;
        r->at = (uint32_t)in;
        r->out = out;
        r->until = until;
        r->cost = cost;
    }
}

void ps__lab_why_text(ps_lab_answer *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    ps__lab_reason *r = text ? push(a) : NULL;
    if (!r) {
        free(text);
        a->why_nomem = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    va_end(ap);
    r->kind = PS__WHY_TEXT;
    r->text = text;
}

void ps__lab_why_fini(ps_lab_answer *a)
{
    for (uint32_t w = 0; w < a->nwhy; w++)
        free(a->why[w].text);
    free(a->why);
    a->why = NULL;
    a->nwhy = a->why_cap = 0;
}

/* Where a reason happened in the run, as (place, its index): a transition
 * i at 2i + 1, an op event at 2 x (the transitions before it), so that
 * op events fall between the transitions they came between; text last. */
typedef struct placed {
    uint64_t place;
    uint32_t index;      /* among the answer's reasons: keeps the sort stable */
    ps__lab_reason r;
} placed;

static int by_place(const void *x, const void *y)
{
    const placed *a = x, *b = y;
    if (a->place != b->place)
        return a->place < b->place ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

void ps__lab_why_sort(const ps_lab_key *k, ps_lab_answer *a)
{
    if (a->nwhy < 2)
        return;
    placed *p = malloc(a->nwhy * sizeof *p);
    if (!p) {
        a->why_nomem = 1;
        return;
    }
    for (uint32_t w = 0; w < a->nwhy; w++) {
        const ps__lab_reason *r = &a->why[w];
        uint64_t place = UINT64_MAX;
        if (r->kind == PS__WHY_TRANSITION || r->kind == PS__WHY_SPAN)
            place = 2 * (uint64_t)r->at + 1;
        else if (r->kind == PS__WHY_OP)
            place = 2 * (uint64_t)k->ops_after[r->at];
        p[w] = (placed){place, w, *r};
    }
    qsort(p, a->nwhy, sizeof *p, by_place);
    for (uint32_t w = 0; w < a->nwhy; w++)
        a->why[w] = p[w].r;
    free(p);
}

const char *ps__lab_ticks(const ps_lab_key *k, int64_t n)
{
    return n == 1 ? PS__LAB_W(k, WHY_ONE_TICK) : PS__LAB_W(k, WHY_TICKS);
}

/* The terms a sum line shows; the rest are counted. */
enum { SHOWN_TERMS = 12 };

void ps__lab_sum_add(ps__lab_sum *s, int64_t v)
{
    if (s->n < SHOWN_TERMS) {
        size_t len = strlen(s->terms);
        snprintf(s->terms + len, sizeof s->terms - len, "%s%lld", s->n ? " + " : "",
                 (long long)v);
    }
    s->n++;
    s->total += v;
}

char *ps__lab_sum_text(const ps_lab_key *k, const ps__lab_sum *s, char *buf, size_t size)
{
    if (!s->n)
        snprintf(buf, size, "0");
    else if (s->n <= SHOWN_TERMS)
        snprintf(buf, size, "%s", s->terms);
    else
        snprintf(buf, size, PS__LAB_W(k, WHY_MORE_TERMS), s->terms, s->n);
    return buf;
}

static const char *pname(const ps_lab_key *k, uint32_t pid)
{
    return pid >= 1 && pid <= k->s->nprocs ? k->s->procs[pid - 1].name : "?";
}

static char *span_line(const ps_lab_key *k, const ps__lab_reason *r, char *buf, size_t size)
{
    ps_lang lang = (ps_lang)k->lang;
    const ps_trace_event *in = &k->trace[r->at];
    const ps_trace_event *out = r->out == PS__WHY_OPEN ? NULL : &k->trace[r->out];
    int64_t until = out ? out->time : r->until, n = until - in->time;
    const char *state = ps_state_name_in((ps_state)in->to, lang);
    char cause_in[256], cause_out[256], switching[64] = "";
    ps_cause_format(k->e, in, lang, cause_in, sizeof cause_in);
    if (r->cost > 0)
        snprintf(switching, sizeof switching, PS__LAB_W(k, WHY_SWITCHING), (long long)r->cost);
    if (out)
        snprintf(buf, size, PS__LAB_W(k, WHY_SPAN), (long long)in->time, (long long)until,
                 pname(k, in->pid), state, (long long)n, ps__lab_ticks(k, n), switching,
                 ps_event_token((ps_event)in->event), cause_in,
                 ps_event_token((ps_event)out->event),
                 ps_cause_format(k->e, out, lang, cause_out, sizeof cause_out));
    else
        snprintf(buf, size, PS__LAB_W(k, WHY_SPAN_OPEN), (long long)in->time,
                 (long long)until, pname(k, in->pid), state, (long long)n,
                 ps__lab_ticks(k, n), switching, ps_event_token((ps_event)in->event), cause_in,
                 state);
    return buf;
}

/* buf cut short by snprintf ends at a whole UTF-8 character. */
static char *whole_characters(char *buf)
{
    size_t n = strlen(buf), lead = n;
    while (lead > 0 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0 || (unsigned char)buf[lead - 1] < 0xC0)
        return buf;
    unsigned char c = (unsigned char)buf[lead - 1];
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (n - (lead - 1) < want)
        buf[lead - 1] = 0;
    return buf;
}

char *ps_lab_why_line(const ps_lab_key *key, const ps_lab_answer *a, uint32_t w, char *buf,
                      size_t size)
{
    if (!size)
        return buf;
    const ps__lab_reason *r = &a->why[w];
    char op[512];
    buf[0] = 0;
    switch ((ps__lab_reason_kind)r->kind) {
    case PS__WHY_TRANSITION: ps_lab_trace_line(key, r->at, buf, size); break;
    case PS__WHY_OP:
        ps_op_event_format(key->e, &key->ops[r->at], (ps_lang)key->lang, op, sizeof op);
        snprintf(buf, size, PS__LAB_W(key, WHY_TICK), (long long)key->ops[r->at].time, op);
        break;
    case PS__WHY_SPAN: span_line(key, r, buf, size); break;
    case PS__WHY_TEXT: snprintf(buf, size, "%s", r->text); break;
    }
    return whole_characters(buf);
}
