/* scenario_questions.c — the `questions` section of a lab (docs/labs/README.md).
 *
 *   questions:
 *     - ask: What state is editor in after tick 6?
 *       ask_ko: 6틱 뒤 editor의 상태는?
 *       answer: state editor at 6
 *
 * The answer is an expression the engine evaluates (lab.h); here it is only
 * checked: a known kind, its operands in place, numbers in range.  Names
 * (processes, variables, channels) may be declared anywhere in the file,
 * so they are resolved at the end, by ps__ld_finish_questions.
 */
#include "loader.h"

#include <string.h>

#include "arena.h"
#include "procsim/state.h"

typedef ps__question_ref question_ref;

enum { Q_ASK, Q_ASK_KO, Q_ANSWER, Q_COUNT };
static const char *const question_keys[Q_COUNT] = {"ask", "ask_ko", "answer"};
static const ps__keyset question_set = {"question", question_keys, Q_COUNT,
                                        1u << Q_ASK | 1u << Q_ANSWER};

static bool want_word(ps__loader *ld, const ps__word *w, unsigned nw, unsigned i,
                      const char *word, ps_ask kind)
{
    if (i < nw && w[i].n == strlen(word) && memcmp(w[i].p, word, w[i].n) == 0)
        return true;
    return ps__ld_fail(ld, i < nw ? w[i].at : w[nw - 1].at, "answer: expected '%s' "
                       "here; the form is '%s'", word, ps_ask_usage(kind));
}

static bool tick(ps__loader *ld, const ps__word *w, int64_t *out)
{
    ps__numspec spec = {"answer", "tick", NULL, 0, PS_SCENARIO_MAX_NUMBER, NULL};
    return ps__ld_number(ld, &spec, w->p, w->n, w->at, false, out);
}

/* The second word of `average WHAT` (which average) or `kernel STATE`
 * (which state) into *what. */
static bool what_of(ps__loader *ld, ps_ask kind, const ps__word *w, uint8_t *what)
{
    if (kind == PS_ASK_AVERAGE) {
        static const char *const avg[] = {"turnaround", "waiting", "response"};
        int a = ps__ld_token(ld, "answer", "average", "averages", avg, 3, w->p, w->n, w->at);
        if (a < 0)
            return false;
        *what = (uint8_t)a;
        return true;
    }
    char tok[32];
    ps_state st;
    snprintf(tok, sizeof tok, "%.*s", (int)(w->n < 31 ? w->n : 31), w->p);
    if (!ps_state_from_token(tok, &st))
        return ps__ld_fail(ld, w->at, "answer: '%s' is not a state; expected one of "
                           "new, ready, running, blocked, ready-suspended, "
                           "blocked-suspended, exit", tok);
    *what = (uint8_t)st;
    return true;
}

/* The expression in the current scalar into r. */
static bool parse_answer(ps__loader *ld, question_ref *r)
{
    ps__word w[6];
    unsigned nw = ps__ld_words(ld, w, 5);
    if (nw == 0)
        return ps__ld_expected(ld, "answer", "an expression such as 'state editor at 6' "
                               "(docs/labs/README.md)");
    const char *tokens[PS_ASK_COUNT];
    for (int k = 0; k < PS_ASK_COUNT; k++)
        tokens[k] = ps_ask_token((ps_ask)k);
    int kind = ps__ld_token(ld, "answer", "question kind", "kinds", tokens, PS_ASK_COUNT,
                            w[0].p, w[0].n, w[0].at);
    if (kind < 0)
        return false;
    r->q.kind = (uint8_t)kind;
    unsigned need = 2; /* words the form has */
    switch ((ps_ask)kind) {
    case PS_ASK_STATE:
    case PS_ASK_NEXT:
        need = 4;
        if (nw < 4 || !want_word(ld, w, nw, 2, kind == PS_ASK_STATE ? "at" : "after",
                                 (ps_ask)kind) || !tick(ld, &w[3], &r->q.tick))
            return nw < 4 ? ps__ld_fail(ld, w[nw - 1].at, "answer: too few words; the "
                                        "form is '%s'", ps_ask_usage((ps_ask)kind))
                          : false;
        break;
    case PS_ASK_RUNNING:
        need = 3;
        if (nw < 3 || !want_word(ld, w, nw, 1, "at", PS_ASK_RUNNING) ||
            !tick(ld, &w[2], &r->q.tick))
            return nw < 3 ? ps__ld_fail(ld, w[nw - 1].at, "answer: too few words; the "
                                        "form is '%s'", ps_ask_usage(PS_ASK_RUNNING))
                          : false;
        break;
    case PS_ASK_ORDER:
        need = 1;
        break;
    case PS_ASK_AVERAGE:
    case PS_ASK_KERNEL:
        if (nw >= 2 && !what_of(ld, (ps_ask)kind, &w[1], &r->q.what))
            return false;
        break;
    case PS_ASK_FINISH: /* NAME as the second word */
    case PS_ASK_TURNAROUND:
    case PS_ASK_WAITING:
    case PS_ASK_RESPONSE:
    case PS_ASK_CPU:
    case PS_ASK_SWITCHES:
    case PS_ASK_SWAPS:
    case PS_ASK_VALUE:
    case PS_ASK_RECEIVED:
    case PS_ASK_COUNT:
        break;
    }
    if (nw < need)
        return ps__ld_fail(ld, w[nw - 1].at, "answer: too few words; the form is '%s'",
                           ps_ask_usage((ps_ask)kind));
    if (nw > need)
        return ps__ld_fail(ld, w[need].at, "answer: too many words; the form is '%s'",
                           ps_ask_usage((ps_ask)kind));
    if (kind != PS_ASK_RUNNING && kind != PS_ASK_ORDER && kind != PS_ASK_AVERAGE &&
        kind != PS_ASK_KERNEL) {
        r->ref = w[1].p;
        r->nref = w[1].n;
        r->ref_at = w[1].at;
    }
    size_t len = ld->ev.data.scalar.length;
    r->q.expr = ps__arena_strndup(ld->arena, (const char *)ld->ev.data.scalar.value, len);
    r->ref = r->ref ? ps__arena_strndup(ld->arena, r->ref, r->nref) : NULL;
    return r->q.expr && (r->ref || !r->nref) ? true : ps__ld_oom(ld);
}

static bool parse_question(ps__loader *ld)
{
    ps__mark start = ps__ld_here(ld), seen[Q_COUNT] = {{0, 0}};
    question_ref *r = ps__vec_push(&ld->questions);
    if (!r)
        return ps__ld_oom(ld);
    r->q.ask_ko = "";
    size_t index = ld->questions.len - 1;
    for (;;) {
        int k = ps__ld_key(ld, &question_set, seen);
        if (k == PS__KEY_END)
            return ps__ld_required(ld, &question_set, seen, start);
        if (k == PS__KEY_ERROR)
            return false;
        r = &PS__VEC_AT(&ld->questions, question_ref, index);
        bool ok;
        switch (k) {
        case Q_ASK: ok = ps__ld_string(ld, "ask", true, &r->q.ask); break;
        case Q_ASK_KO: ok = ps__ld_string(ld, "ask_ko", false, &r->q.ask_ko); break;
        default:
            ok = ld->ev.type == YAML_SCALAR_EVENT
                     ? parse_answer(ld, r)
                     : ps__ld_expected(ld, "answer", "an expression such as 'finish P1'");
            break;
        }
        if (!ok)
            return false;
    }
}

bool ps__ld_questions(ps__loader *ld)
{
    if (ld->ev.type != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "questions", "a sequence of questions such as "
                               "[{ask: When does P1 finish?, answer: finish P1}]");
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ld->ev.type == YAML_SEQUENCE_END_EVENT)
            return true;
        if (ld->ev.type != YAML_MAPPING_START_EVENT)
            return ps__ld_expected(ld, "questions", "a question (a mapping with ask and "
                                   "answer)");
        if (!parse_question(ld))
            return false;
    }
}

bool ps__ld_finish_questions(ps__loader *ld)
{
    for (size_t i = 0; i < ld->questions.len; i++) {
        question_ref *r = &PS__VEC_AT(&ld->questions, question_ref, i);
        if (!r->ref)
            continue;
        const ps__intern *t = &ld->proc_names;
        const char *what = "process";
        if (r->q.kind == PS_ASK_VALUE)
            t = &ld->variables, what = "shared variable (one that an add op uses)";
        else if (r->q.kind == PS_ASK_RECEIVED)
            t = &ld->channels, what = "channel (one that send or recv uses)";
        uint32_t k = ps__intern_find(t, r->ref, r->nref);
        if (k == PS__NONE)
            return ps__ld_fail(ld, r->ref_at, "answer: no %s named '%s'", what, r->ref);
        r->q.obj = k;
    }
    uint32_t n = (uint32_t)ld->questions.len;
    ps_question *q = n ? ps__arena_alloc(ld->arena, n * sizeof *q) : NULL;
    if (n && !q)
        return ps__ld_oom(ld);
    for (uint32_t i = 0; i < n; i++)
        q[i] = PS__VEC_AT(&ld->questions, question_ref, i).q;
    ld->s->questions = q;
    ld->s->nquestions = n;
    return true;
}
