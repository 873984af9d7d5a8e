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

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "procsim/state.h"

typedef ps__question_ref question_ref;

enum { Q_ASK, Q_ASK_KO, Q_ANSWER, Q_CHOICES, Q_COUNT };
static const char *const question_keys[Q_COUNT] = {"ask", "ask_ko", "answer", "choices"};
static const ps__keyset question_set = {{"question", "질문"}, question_keys, Q_COUNT,
                                        1u << Q_ASK | 1u << Q_ANSWER};

/* What a name in a form refers to: the word of its usage (PS_ASKS) and
 * the table it is looked up in at the end. */
typedef struct name_kind {
    const char *word, *what, *what_ko;
} name_kind;
static const name_kind name_kinds[PS__REF_KINDS] = {
    [PS__REF_PROCESS] = {"PROCESS", "process", "프로세스"},
    [PS__REF_VARIABLE] = {"VARIABLE", "shared variable (one that an add op uses)",
                          "공유 변수(add 연산이 쓰는 것)"},
    [PS__REF_CHANNEL] = {"CHANNEL", "channel (one that send or recv uses)",
                         "채널(send나 recv가 쓰는 것)"},
    [PS__REF_MUTEX] = {"MUTEX", "mutex (one that lock or unlock uses)",
                       "뮤텍스(lock이나 unlock이 쓰는 것)"},
};

static bool tick(ps__loader *ld, const ps__word *w, int64_t *out)
{
    ps__numspec spec = {"answer", {"tick", "틱"}, PS__NO_TEXT, 0, PS_SCENARIO_MAX_NUMBER,
                        PS__NO_TEXT};
    return ps__ld_number(ld, &spec, w->p, w->n, w->at, false, out);
}

/* `average WHAT`, `best WHAT ...`, `gap WHAT ...` (which average) or
 * `kernel STATE` (which state) into *what. */
static bool what_of(ps__loader *ld, ps_ask kind, const ps__word *w, uint8_t *what)
{
    if (kind != PS_ASK_KERNEL) {
        static const char *const avg[] = {"turnaround", "waiting", "response"};
        int a = ps__ld_token(ld, "answer", PS__T("average", "평균"), PS__T("averages", "평균"),
                             avg, 3, w->p, w->n, w->at);
        if (a < 0)
            return false;
        *what = (uint8_t)a;
        return true;
    }
    char tok[32];
    ps_state st;
    snprintf(tok, sizeof tok, "%.*s", (int)(w->n < 31 ? w->n : 31), w->p);
    if (!ps_state_from_token(tok, &st))
        return ps__ld_failk(ld, w->at, "answer: '%s' is not a state; expected one of "
                            "new, ready, running, blocked, ready-suspended, "
                            "blocked-suspended, exit", "answer: '%s'은(는) 상태가 아닙니다; "
                            "new, ready, running, blocked, ready-suspended, "
                            "blocked-suspended, exit 중 하나가 와야 합니다", tok);
    *what = (uint8_t)st;
    return true;
}

static bool is(const char *p, size_t n, const char *word)
{
    return n == strlen(word) && memcmp(p, word, n) == 0;
}

/* Word w as the next policy of a compare question (best, gap): a policy
 * and quantum as `procsim run --policy` takes them, "rr:4". */
static bool policy_word(ps__loader *ld, question_ref *r, const ps__word *w)
{
    char text[64], form[128];
    ps_error err;
    ps_ask_policy *p = &r->policies[r->q.npolicies];
    ps_policy policy;
    if (r->q.npolicies == PS_ASK_MAX_POLICIES)
        return ps__ld_failk(ld, w->at, "answer: at most %d policies in one question; the "
                            "form is '%s%.0s'", "answer: 질문 하나에 정책은 %d개까지입니다; 형식은 "
                            "'%.0s%s'", PS_ASK_MAX_POLICIES, ps_ask_usage((ps_ask)r->q.kind),
                            ps__usage_ko(ps_ask_usage((ps_ask)r->q.kind), form, sizeof form));
    snprintf(text, sizeof text, "%.*s", (int)(w->n < 63 ? w->n : 63), w->p);
    if (ps_policy_parse(text, &policy, &p->quantum, &err))
        return ps__ld_failk(ld, w->at, "answer: %s%.0s", "answer: %.0s%s", err.msg, err.msg_ko);
    p->policy = (uint8_t)policy;
    p->label = ps__arena_strndup(ld->arena, w->p, w->n);
    if (!p->label)
        return ps__ld_oom(ld);
    r->policy_at[r->q.npolicies++] = w->at;
    return true;
}

/* Word w of the expression against word pat[0..n) of its form's usage:
 * TICK a tick, STATE a state, a|b|c one of those, PROCESS (and the other
 * name_kinds) a name, anything else that word itself ("at", "after"). */
static bool form_word(ps__loader *ld, question_ref *r, const char *pat, size_t n,
                      const ps__word *w)
{
    ps_ask kind = (ps_ask)r->q.kind;
    if (is(pat, n, "TICK"))
        return tick(ld, w, &r->q.tick);
    if (is(pat, n, "POLICY") || is(pat, n, "POLICY..."))
        return policy_word(ld, r, w);
    if (is(pat, n, "STATE") || memchr(pat, '|', n))
        return what_of(ld, kind, w, &r->q.what);
    for (int k = 0; k < PS__REF_KINDS; k++)
        if (is(pat, n, name_kinds[k].word)) {
            r->ref = w->p;
            r->nref = w->n;
            r->ref_at = w->at;
            r->ref_kind = (uint8_t)k;
            return true;
        }
    if (w->n == n && memcmp(w->p, pat, n) == 0) {
        r->q.at |= is(pat, n, "at");
        return true;
    }
    char form[128];
    return ps__ld_failk(ld, w->at, "answer: expected '%.*s' here; the form is '%s%.0s'",
                        "answer: 여기에는 '%.*s'이(가) 와야 합니다; 형식은 '%.0s%s'", (int)n, pat,
                        ps_ask_usage(kind), ps__usage_ko(ps_ask_usage(kind), form, sizeof form));
}

/* The words w[1..nw) against the usage of r's kind ("value VARIABLE [at
 * TICK]": a bracketed tail may be left out; "POLICY..." takes the rest,
 * one or more). */
static bool match_form(ps__loader *ld, question_ref *r, const ps__word *w, unsigned nw)
{
    const char *usage = ps_ask_usage((ps_ask)r->q.kind), *p = strchr(usage, ' ');
    char form[128];
    unsigned i = 1;
    for (; p; i++) {
        while (*p == ' ')
            p++;
        bool optional = *p == '[';
        p += optional;
        size_t n = strcspn(p, " ]");
        if (i >= nw) {
            if (optional)
                break;
            return ps__ld_failk(ld, w[nw - 1].at, "answer: too few words; the form is '%s%.0s'",
                                "answer: 낱말이 모자랍니다; 형식은 '%.0s%s'", usage,
                                ps__usage_ko(usage, form, sizeof form));
        }
        if (!form_word(ld, r, p, n, &w[i]))
            return false;
        while (is(p, n, "POLICY...") && i + 1 < nw) /* the rest are policies too */
            if (!form_word(ld, r, p, n, &w[++i]))
                return false;
        p = strchr(p + n, ' ');
    }
    if (i < nw)
        return ps__ld_failk(ld, w[i].at, "answer: too many words; the form is '%s%.0s'",
                            "answer: 낱말이 너무 많습니다; 형식은 '%.0s%s'", usage,
                            ps__usage_ko(usage, form, sizeof form));
    return true;
}

bool ps__ld_answer_words(ps__loader *ld, question_ref *r, const ps__word *w, unsigned nw)
{
    const char *tokens[PS_ASK_COUNT];
    for (int k = 0; k < PS_ASK_COUNT; k++)
        tokens[k] = ps_ask_token((ps_ask)k);
    int kind = ps__ld_token(ld, "answer", PS__T("question kind", "질문 종류"),
                            PS__T("kinds", "종류"), tokens, PS_ASK_COUNT,
                            w[0].p, w[0].n, w[0].at);
    if (kind < 0)
        return false;
    if (kind == PS_ASK_LITERAL)
        return ps__ld_failk0(ld, w[0].at, "answer: a literal answer is a mapping, "
                             "{literal: TEXT, type: TYPE} (docs/labs/README.md)",
                             "answer: 리터럴 답은 매핑 {literal: TEXT, type: TYPE}으로 "
                             "쓴다 (docs/labs/README.ko.md)");
    r->q.kind = (uint8_t)kind;
    r->q.at = 0;
    r->q.npolicies = 0;
    r->ref = NULL;
    return match_form(ld, r, w, nw);
}

/* The expression in the current scalar into r. */
static bool parse_answer(ps__loader *ld, question_ref *r)
{
    /* the longest form, "best WHAT among" and its policies, and one more
     * word to point at when there are too many */
    enum { MAXW = 3 + PS_ASK_MAX_POLICIES + 1 };
    ps__word w[MAXW];
    unsigned nw = ps__ld_words(ld, w, MAXW);
    if (nw == 0)
        return ps__ld_expected(ld, "answer", PS__T("an expression such as 'state editor at 6' "
                                                   "(docs/labs/README.md)", "식(예: 'state "
                                                   "editor at 6', docs/labs/README.md)"));
    if (!ps__ld_answer_words(ld, r, w, nw))
        return false;
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
    r->q.literal = NULL;
    r->q.choices = NULL;
    r->q.nchoices = 0;
    r->choices = NULL;
    r->options = NULL;
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
        case Q_CHOICES: ok = ps__ld_choices(ld, r); break;
        default:
            ok = ld->ev.type == YAML_SCALAR_EVENT ? parse_answer(ld, r)
               : ld->ev.type == YAML_MAPPING_START_EVENT
                   ? ps__ld_literal(ld, r)
                   : ps__ld_expected(ld, "answer", PS__T("an expression such as 'finish P1', or "
                                                         "{literal: TEXT}", "식(예: 'finish P1') "
                                                         "또는 {literal: 텍스트}"));
            break;
        }
        if (!ok)
            return false;
    }
}

bool ps__ld_questions(ps__loader *ld)
{
    if (ld->ev.type != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "questions", PS__T("a sequence of questions such as "
                                                      "[{ask: When does P1 finish?, answer: "
                                                      "finish P1}]", "질문의 시퀀스(예: [{ask: "
                                                      "P1은 언제 끝나는가?, answer: finish P1}])"));
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ld->ev.type == YAML_SEQUENCE_END_EVENT)
            return true;
        if (ld->ev.type != YAML_MAPPING_START_EVENT)
            return ps__ld_expected(ld, "questions", PS__T("a question (a mapping with ask and "
                                                          "answer)", "질문(ask와 answer가 있는 "
                                                          "매핑)"));
        if (!parse_question(ld))
            return false;
    }
}

/* The quantum policy p runs with in this file (0: it has none). */
static int64_t quantum_of(const ps__loader *ld, const ps_ask_policy *p)
{
    if (p->quantum || !(ps_policy_uses((ps_policy)p->policy) & PS_USES_QUANTUM))
        return p->quantum;
    return ld->s->quantum;
}

/* A compare question's policies, once the system section is known: each
 * can run this workload (ps_scenario_set_policy's condition: mlq needs
 * the file's bands), and none twice (rr and rr:4 are one run when the
 * quantum is 4).  Then into the arena. */
static bool finish_policies(ps__loader *ld, question_ref *r)
{
    for (uint32_t i = 0; i < r->q.npolicies; i++) {
        const ps_ask_policy *p = &r->policies[i];
        if ((ps_policy_uses((ps_policy)p->policy) & PS_USES_MLQ) && !ld->s->nqueues)
            return ps__ld_failk0(ld, r->policy_at[i], "answer: policy mlq needs "
                                 "system.queues, which this file does not give",
                                 "answer: 정책 mlq에는 system.queues가 있어야 하는데 이 파일에는 "
                                 "없습니다");
        for (uint32_t j = 0; j < i; j++) {
            const ps_ask_policy *o = &r->policies[j];
            if (o->policy != p->policy || quantum_of(ld, o) != quantum_of(ld, p))
                continue;
            if (!strcmp(o->label, p->label))
                return ps__ld_failk(ld, r->policy_at[i], "answer: '%s' is listed twice; "
                                    "name each policy once", "answer: '%s'이(가) 두 번 "
                                    "있습니다; 정책은 한 번씩만 쓰세요", p->label);
            return ps__ld_failk(ld, r->policy_at[i], "answer: '%s' is the same run as '%s' "
                                "(the file's quantum is %lld); name each policy once",
                                "answer: '%s'은(는) '%s'와(과) 같은 실행입니다(파일의 퀀텀이 "
                                "%lld); 정책은 한 번씩만 쓰세요", p->label, o->label,
                                (long long)ld->s->quantum);
        }
    }
    if (!r->q.npolicies)
        return true;
    ps_ask_policy *copy = ps__arena_alloc(ld->arena, r->q.npolicies * sizeof *copy);
    if (!copy)
        return ps__ld_oom(ld);
    memcpy(copy, r->policies, r->q.npolicies * sizeof *copy);
    r->q.policies = copy;
    return true;
}

bool ps__ld_resolve_question(ps__loader *ld, question_ref *r)
{
    if (!finish_policies(ld, r))
        return false;
    if (r->ref) {
        const ps__intern *tables[PS__REF_KINDS] = {
            [PS__REF_PROCESS] = &ld->proc_names, [PS__REF_VARIABLE] = &ld->variables,
            [PS__REF_CHANNEL] = &ld->channels, [PS__REF_MUTEX] = &ld->mutexes};
        uint32_t k = ps__intern_find(tables[r->ref_kind], r->ref, r->nref), copies;
        uint32_t group = r->ref_kind == PS__REF_PROCESS && k == PS__NONE
                             ? ps__ld_group(ld, r->ref, r->nref, &copies) : PS__NONE;
        if (group != PS__NONE) { /* an entry with copies: which to ask about */
            char list[200];
            return ps__ld_failk(ld, r->ref_at, "answer: '%s' stands for %u processes (copies: "
                                "%u), %s; a question asks about one of them, such as '%s'",
                                "answer: '%s'은(는) 프로세스 %u개(copies: %u)인 %s입니다; 질문은 "
                                "그중 하나에 대해 묻습니다(예: '%s')", r->ref, copies, copies,
                               ps__ld_group_names(ld, group, list, sizeof list),
                               PS__VEC_AT(&ld->procs, ps_proc_spec, group).name);
        }
        if (k == PS__NONE)
            return ps__ld_failk(ld, r->ref_at, "answer: no %s%.0s named '%s'",
                                "answer: %.0s%s 가운데 이름이 '%s'인 것이 없습니다",
                                name_kinds[r->ref_kind].what, name_kinds[r->ref_kind].what_ko,
                                r->ref);
        r->q.obj = k;
    }
    return true;
}

bool ps__ld_finish_questions(ps__loader *ld)
{
    for (size_t i = 0; i < ld->questions.len; i++) {
        question_ref *r = &PS__VEC_AT(&ld->questions, question_ref, i);
        if (!ps__ld_resolve_question(ld, r) || !ps__ld_finish_choices(ld, r))
            return false;
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
