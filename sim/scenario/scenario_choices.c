/* scenario_choices.c — a lab question's own answer and its options
 * (docs/labs/README.md, "Literal and multiple-choice questions"):
 *
 *   - ask: Which policy never preempts?
 *     answer: {literal: fcfs, type: names}      # the teacher's answer
 *   - ask: How long does P3 wait in Ready?
 *     answer: waiting P3
 *     choices:                                  # the options beside it
 *       - waiting P3 under fcfs                 # the same, another policy
 *       - waiting P3 with switch_cost 0         # ... another setting
 *       - {literal: 12}
 *
 * Only read and checked here; the lab library computes the options and
 * lists them with the answer (sim/lab/lab_choice.c).
 */
#include "loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "procsim/state.h"

static const char *const type_tokens[PS_ANSWER_TYPE_COUNT] = {
#define PS_X_(e, tok) [PS_ANSWER_##e] = tok,
    PS_ANSWER_TYPES(PS_X_)
#undef PS_X_
};

/* A number as a teacher writes one among the options (7, 2.5, 8/3): not
 * strtod's "inf" or " 7". */
static bool number(const char *t);
static bool bare_number(const char *t)
{
    return ((t[0] >= '0' && t[0] <= '9') || (t[0] == '-' && t[1] >= '0' && t[1] <= '9')) &&
           number(t);
}

/* --- a literal answer ---------------------------------------------------- */

static bool whole(const char *t)
{
    char *end;
    strtoll(t, &end, 10);
    return end != t && !*end;
}

/* A number, or a fraction such as 8/3 (what the grader accepts). */
static bool number(const char *t)
{
    char *end;
    strtod(t, &end);
    if (end != t && *end == '/') {
        const char *d = end + 1;
        strtod(d, &end);
        return end != d && !*end;
    }
    return end != t && !*end;
}

static bool state_token(const char *t)
{
    ps_state s;
    return ps_state_from_token(t, &s);
}

static bool bool_word(const char *t)
{
    return !strcmp(t, "true") || !strcmp(t, "false");
}

/* What a literal answer of no given type is compared as: a whole number,
 * a number, a state token, true or false, else words in order. */
static ps_answer_type inferred(const char *t)
{
    return whole(t) ? PS_ANSWER_INT : number(t) ? PS_ANSWER_NUMBER
         : state_token(t) ? PS_ANSWER_STATE : bool_word(t) ? PS_ANSWER_BOOL : PS_ANSWER_NAMES;
}

/* Can `t` be an answer of type `type` ("none" can be any but a letter)? */
static bool fits(ps_answer_type type, const char *t)
{
    if (!strcmp(t, "none"))
        return type != PS_ANSWER_LETTER;
    switch (type) {
    case PS_ANSWER_INT: return whole(t);
    case PS_ANSWER_NUMBER: return number(t);
    case PS_ANSWER_STATE: return state_token(t);
    case PS_ANSWER_BOOL: return bool_word(t);
    case PS_ANSWER_LETTER: return strlen(t) == 1;
    case PS_ANSWER_NAMES:
    case PS_ANSWER_SET:
    case PS_ANSWER_TYPE_COUNT: break;
    }
    return true;
}

/* What a literal of each type must be, in English and in Korean (names
 * and sets take any text). */
static const char *const want[PS_ANSWER_TYPE_COUNT][2] = {
    [PS_ANSWER_STATE] = {"a state token (ready, ...) or none", "상태 토큰(ready 등)이나 none"},
    [PS_ANSWER_NAMES] = {"any text", "아무 글"},
    [PS_ANSWER_SET] = {"any text", "아무 글"},
    [PS_ANSWER_INT] = {"a whole number or none", "정수나 none"},
    [PS_ANSWER_NUMBER] = {"a number (8/3 too) or none", "수(8/3도 된다)나 none"},
    [PS_ANSWER_LETTER] = {"one letter", "글자 하나"},
    [PS_ANSWER_BOOL] = {"true, false or none", "true, false, none 가운데 하나"},
};

enum { L_LITERAL, L_TYPE, L_COUNT };
static const char *const literal_keys[L_COUNT] = {"literal", "type"};
static const ps__keyset literal_set = {{"answer", "answer"}, literal_keys, L_COUNT, 1u << L_LITERAL};

/* The literal's text as the grader reads it: a state's token as written,
 * numbers as written. */
bool ps__ld_literal(ps__loader *ld, ps__question_ref *r)
{
    ps__mark start = ps__ld_here(ld), seen[L_COUNT] = {{0, 0}}, text_at = start;
    const char *text = NULL;
    int type = -1;
    for (;;) {
        int k = ps__ld_key(ld, &literal_set, seen);
        if (k == PS__KEY_ERROR)
            return false;
        if (k == PS__KEY_END)
            break;
        if (ld->ev.type != YAML_SCALAR_EVENT)
            return ps__ld_expected(ld, literal_keys[k], k == L_LITERAL
                                                            ? PS__T("a short text", "짧은 텍스트")
                                                            : PS__T("an answer type", "답의 종류"));
        if (k == L_LITERAL) {
            text_at = ps__ld_here(ld);
            if (!ps__ld_string(ld, "literal", true, &text))
                return false;
        } else {
            const char *t = (const char *)ld->ev.data.scalar.value;
            type = ps__ld_token(ld, "type", PS__T("answer type", "답의 종류"),
                                PS__T("types", "종류"), type_tokens,
                                PS_ANSWER_TYPE_COUNT, t, ld->ev.data.scalar.length,
                                ps__ld_here(ld));
            if (type < 0)
                return false;
        }
    }
    if (!ps__ld_required(ld, &literal_set, seen, start))
        return false;
    if (strlen(text) > 200 || strchr(text, '\n'))
        return ps__ld_failk0(ld, text_at, "literal: expected an answer of one short line "
                             "(200 bytes at most), as a student writes it",
                             "literal: 학생이 쓰는 것처럼 짧은 한 줄(200바이트 이하)의 답이어야 "
                             "한다");
    if (type < 0)
        type = inferred(text);
    if (!fits((ps_answer_type)type, text)) /* each wording skips the other's want (%.0s) */
        return ps__ld_failk(ld, text_at, "literal: '%s' is no answer of type %s; expected %s%.0s",
                            "literal: '%s'은(는) %s 형식의 답이 아니다; %.0s%s이어야 한다", text,
                            type_tokens[type], want[type][0], want[type][1]);
    char expr[240];
    snprintf(expr, sizeof expr, "literal: %s", text);
    r->q.kind = PS_ASK_LITERAL;
    r->q.at = 0;
    r->q.npolicies = 0;
    r->ref = NULL;
    r->nref = 0;
    r->q.literal = text;
    r->q.literal_type = (uint8_t)type;
    r->q.expr = ps__arena_strndup(ld->arena, expr, strlen(expr));
    return r->q.expr ? true : ps__ld_oom(ld);
}

/* --- options ------------------------------------------------------------- */

/* `under POLICY` and `with SETTING N` after an option's expression, from
 * word w[i] on, into c. */
static bool modifiers(ps__loader *ld, ps_choice *c, const ps__word *w, unsigned i,
                      unsigned nw)
{
    while (i < nw) {
        bool under = ps__word_is(&w[i], "under"), with = ps__word_is(&w[i], "with");
        if ((!under && !with) || i + 1 >= nw || (with && i + 2 >= nw))
            return ps__ld_failk0(ld, w[i].at, "choices: expected 'under POLICY', 'with "
                                 "switch_cost N' or 'with quantum N' after the expression",
                                 "choices: 식 뒤에는 'under POLICY', 'with switch_cost N', "
                                 "'with quantum N'만 올 수 있다");
        if (under) {
            char text[64];
            ps_error err;
            ps_policy p;
            int64_t q;
            snprintf(text, sizeof text, "%.*s", (int)(w[i + 1].n < 63 ? w[i + 1].n : 63),
                     w[i + 1].p);
            if (ps_policy_parse(text, &p, &q, &err))
                return ps__ld_failk(ld, w[i + 1].at, "choices: %s%.0s", "choices: %.0s%s",
                                    err.msg, ps_error_in(&err, PS_LANG_KO));
            c->under = (int16_t)p;
            if (q)
                c->quantum = q;
            i += 2;
            continue;
        }
        bool cost = ps__word_is(&w[i + 1], "switch_cost");
        if (!cost && !ps__word_is(&w[i + 1], "quantum"))
            return ps__ld_failk0(ld, w[i + 1].at, "choices: expected 'switch_cost' or "
                                 "'quantum' after 'with'",
                                 "choices: 'with' 뒤에는 'switch_cost'나 'quantum'이 온다");
        ps__numspec spec = {cost ? "switch_cost" : "quantum", PS__T("tick count", "틱 수"),
                            PS__NO_TEXT, cost ? 0 : 1, PS_SCENARIO_MAX_NUMBER, PS__NO_TEXT};
        int64_t v;
        if (!ps__ld_number(ld, &spec, w[i + 2].p, w[i + 2].n, w[i + 2].at, false, &v))
            return false;
        *(cost ? &c->switch_cost : &c->quantum) = v;
        i += 3;
    }
    return true;
}

/* A computed option: the current scalar, an expression and its modifiers,
 * into c and its expression into o. */
static bool computed(ps__loader *ld, ps_choice *c, ps__question_ref *o)
{
    enum { MAXW = 3 + PS_ASK_MAX_POLICIES + 1 + 6 };
    ps__word w[MAXW];
    unsigned nw = ps__ld_words(ld, w, MAXW), cut = 0;
    if (nw == 0 || nw > MAXW)
        return ps__ld_expected(ld, "choices", PS__T("an answer expression such as 'waiting P3 "
                                                    "under fcfs', or {literal: TEXT}",
                                                    "답의 식(예: 'waiting P3 under fcfs') 또는 "
                                                    "{literal: 텍스트}"));
    while (cut < nw && !ps__word_is(&w[cut], "under") && !ps__word_is(&w[cut], "with"))
        cut++;
    memset(o, 0, sizeof *o);
    if (cut == 0)
        return ps__ld_failk0(ld, w[0].at, "choices: expected an answer expression before "
                             "'under' or 'with'",
                             "choices: 'under'나 'with' 앞에 답의 식이 와야 한다");
    if (!ps__ld_answer_words(ld, o, w, cut) || !modifiers(ld, c, w, cut, nw))
        return false;
    const char *s = (const char *)ld->ev.data.scalar.value;
    size_t len = cut < nw ? (size_t)(w[cut].p - s) : ld->ev.data.scalar.length;
    while (len && s[len - 1] == ' ')
        len--;
    o->q.expr = ps__arena_strndup(ld->arena, s, len);
    o->q.ask = o->q.ask_ko = "";
    o->ref = o->ref ? ps__arena_strndup(ld->arena, o->ref, o->nref) : NULL;
    return o->q.expr && (o->ref || !o->nref) ? true : ps__ld_oom(ld);
}

bool ps__ld_choices(ps__loader *ld, ps__question_ref *r)
{
    if (ld->ev.type != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "choices", PS__T("a sequence of options such as [waiting P3 "
                                                    "under fcfs, {literal: 12}]", "보기의 시퀀스(예: "
                                                    "[waiting P3 under fcfs, {literal: 12}])"));
    ps__mark start = ps__ld_here(ld);
    r->choices = ps__arena_alloc(ld->arena, PS_QUESTION_CHOICES * sizeof *r->choices);
    r->options = ps__arena_alloc(ld->arena, PS_QUESTION_CHOICES * sizeof *r->options);
    if (!r->choices || !r->options)
        return ps__ld_oom(ld);
    r->q.nchoices = 0;
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ld->ev.type == YAML_SEQUENCE_END_EVENT)
            break;
        if (r->q.nchoices == PS_QUESTION_CHOICES)
            return ps__ld_failk(ld, ps__ld_here(ld), "choices: at most %d options beside the "
                                "answer", "choices: 답 말고 선택지는 %d개까지이다",
                                PS_QUESTION_CHOICES);
        ps_choice *c = &r->choices[r->q.nchoices];
        r->choice_at[r->q.nchoices] = ps__ld_here(ld);
        memset(c, 0, sizeof *c);
        c->under = -1;
        c->switch_cost = -1;
        bool ok;
        if (ld->ev.type == YAML_SCALAR_EVENT &&
            bare_number((const char *)ld->ev.data.scalar.value)) {
            /* a bare number is an option as written: 7 is {literal: 7} */
            ok = ps__ld_string(ld, "choices", true, &c->text);
            c->literal = c->text;
        } else if (ld->ev.type == YAML_SCALAR_EVENT) {
            ok = ps__ld_string(ld, "choices", true, &c->text) &&
                 computed(ld, c, &r->options[r->q.nchoices]);
        } else if (ld->ev.type == YAML_MAPPING_START_EVENT) {
            ps__question_ref lit;
            memset(&lit, 0, sizeof lit);
            ok = ps__ld_literal(ld, &lit);
            c->literal = c->text = lit.q.literal;
        } else {
            ok = ps__ld_expected(ld, "choices", PS__T("an option: an answer expression or "
                                                      "{literal: TEXT}", "보기: 답의 식 또는 "
                                                      "{literal: 텍스트}"));
        }
        if (!ok)
            return false;
        r->q.nchoices++;
    }
    if (!r->q.nchoices)
        return ps__ld_failk0(ld, start, "choices: expected at least one option beside the "
                             "answer", "choices: 답 말고 선택지가 하나 이상 있어야 한다");
    return true;
}

bool ps__ld_finish_choices(ps__loader *ld, ps__question_ref *r)
{
    for (uint32_t i = 0; i < r->q.nchoices; i++) {
        ps_choice *c = &r->choices[i];
        if (c->literal)
            continue;
        ps__question_ref *o = &r->options[i];
        if (!ps__ld_resolve_question(ld, o))
            return false;
        if (c->under >= 0 && (ps_policy_uses((ps_policy)c->under) & PS_USES_MLQ) &&
            !ld->s->nqueues)
            return ps__ld_failk0(ld, r->choice_at[i], "choices: policy mlq needs system.queues, "
                                 "which this file does not give",
                                 "choices: mlq 정책에는 system.queues가 필요한데 이 파일에는 "
                                 "없다");
        c->q = o->q;
        c->q.ask = c->text;
    }
    r->q.choices = r->choices;
    return true;
}
