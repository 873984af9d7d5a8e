/* scenario_ops.c — the one-line strings of a scenario: program ops
 * ("io disk 3") and event actions ("suspend editor").  Each is split into
 * whitespace-separated words; an error points at the word it is about
 * when the scalar is plain and on one line (so the file's columns match
 * the text), else at the start of the scalar.  Operand shapes come from
 * ps__op_shapes (scenario.c). */
#include "loader.h"

#include <string.h>

#include "scenario_priv.h"

typedef ps__word word;

bool ps__ld_marks_exact(const ps__loader *ld)
{
    return ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ld->vary.subst &&
           ld->ev.start_mark.line == ld->ev.end_mark.line;
}

unsigned ps__ld_words(const ps__loader *ld, ps__word *w, unsigned max)
{
    const yaml_event_t *ev = &ld->ev;
    const char *t = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    ps__mark start = ps__ld_here(ld);
    bool exact = ps__ld_marks_exact(ld);
    uint32_t col = start.col - 1;
    unsigned count = 0;
    bool in_word = false;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)t[i] & 0xC0) != 0x80)
            col++; /* col is the column of the character starting at t[i] */
        if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r') {
            in_word = false;
        } else if (in_word) {
            w[count - 1].n++;
        } else if (count == max) {
            return max + 1;
        } else {
            w[count++] = (word){t + i, 1, exact ? (ps__mark){start.line, col} : start};
            in_word = true;
        }
    }
    return count;
}

/* The table a name of this kind is interned into. */
static ps__intern *table_for(ps__loader *ld, ps__obj_kind kind)
{
    switch (kind) {
    case PS__OBJ_DEVICE: return &ld->dev_refs;
    case PS__OBJ_PROCESS:
    case PS__OBJ_PROCESS_ANY: return &ld->proc_refs;
    case PS__OBJ_CHANNEL: return &ld->channels;
    case PS__OBJ_MUTEX: return &ld->mutexes;
    case PS__OBJ_VARIABLE: return &ld->variables;
    case PS__OBJ_NONE: break;
    }
    return NULL;
}

/* Checks and interns the name in `w`; *index receives its table index. */
static bool intern_word(ps__loader *ld, const char *subject, ps__obj_kind kind,
                        const word *w, uint32_t *index)
{
    bool process = kind == PS__OBJ_PROCESS || kind == PS__OBJ_PROCESS_ANY, added;
    if (!ps__ld_name(ld, subject, w->p, w->n, w->at, process))
        return false;
    *index = ps__intern_add(table_for(ld, kind), ld->arena, w->p, w->n, w->at, &added);
    return *index != PS__NONE || ps__ld_oom(ld);
}

static int op_kind(ps__loader *ld, const word *w)
{
    const char *tokens[PS_OP_WRITTEN];
    for (int k = 0; k < PS_OP_WRITTEN; k++)
        tokens[k] = ps_op_token((ps_op_kind)k);
    if ((w->n == 6 && memcmp(w->p, "repeat", 6) == 0) || (w->n == 3 && memcmp(w->p, "for", 3) == 0) ||
        (w->n == 5 && memcmp(w->p, "while", 5) == 0))
        return ps__ld_failk(ld, w->at, "%.*s: a loop is a one-key mapping: write '- %.*s ...:' "
                            "and its ops below it, indented", "%.*s: 루프는 키가 하나인 "
                            "매핑입니다: '- %.*s ...:'라고 쓰고 그 아래에 연산을 들여 쓰세요",
                            (int)w->n, w->p, (int)w->n, w->p),
               -1;
    return ps__ld_token(ld, "program", PS__T("op", "연산"), PS__T("ops", "연산"), tokens,
                        PS_OP_WRITTEN, w->p, w->n, w->at);
}

/* One term of a value: a number (at least `min`), acc, or a loop
 * variable in scope. */
static bool parse_term(ps__loader *ld, const ps__op_shape *sh, const char *tok, word w,
                       int64_t min, uint8_t *kind, int64_t *v)
{
    char q[192];
    if (w.n == 0)
        return ps__ld_failk(ld, w.at, "%s: expected a number, acc or a loop variable after the "
                            "operator, got nothing", "%s: 연산자 뒤에 수, acc 또는 루프 변수가 "
                            "와야 하는데 아무것도 없습니다", tok);
    if ((w.p[0] >= '0' && w.p[0] <= '9') || w.p[0] == '-') {
        ps__numspec spec = {tok, PS__T(sh->noun, sh->noun_ko), PS__NO_TEXT, min, sh->max,
                            PS__NO_TEXT};
        *kind = PS_TERM_NUMBER;
        return ps__ld_number(ld, &spec, w.p, w.n, w.at, false, v);
    }
    if (ps__word_is(&w, "none") && sh->value != PS__VALUE_OR_NONE)
        return ps__ld_failk(ld, w.at, "%s: none is not a %s%.0s%.0s; only send carries none (the "
                            "sentinel)", "%s: none은 %.0s%s%s 될 수 없습니다; none(끝 표시)은 "
                            "send만 보냅니다", tok, sh->noun, sh->noun_ko,
                            ps__ko_josa(sh->noun_ko, PS__JOSA_IGA));
    if (ps__word_is(&w, "acc")) {
        *kind = PS_TERM_ACC;
        *v = 0;
        return true;
    }
    uint32_t loop = ps__ld_loop_var(ld, &w);
    if (loop == PS__NONE)
        return ps__ld_failk(ld, w.at, "%s: %s is not a loop variable in scope; a %s%.0s%.0s is "
                            "a number%s, acc, a loop variable, or two of these joined by +, - "
                            "or * (no spaces)", "%s: %s은(는) 이 자리에서 쓸 수 있는 루프 변수가 "
                            "아닙니다; %.0s%s%s 수%s, acc, 루프 변수, 또는 그중 둘을 +, -, *로 "
                            "이은 것(공백 없이)입니다", tok, ps__ld_quote(w.p, w.n, q, sizeof q),
                            sh->noun, sh->noun_ko, ps__ko_josa(sh->noun_ko, PS__JOSA_EUNNEUN),
                            sh->value == PS__VALUE_OR_NONE ? ", none" : "");
    *kind = PS_TERM_LOOPVAR;
    *v = loop;
    return true;
}

/* The value word of a cpu or send: a plain number goes into op->n as
 * before; anything computed into s->exprs. */
static bool parse_value(ps__loader *ld, const ps__op_shape *sh, const char *tok, const word *w,
                        ps_op *op)
{
    if (sh->value == PS__VALUE_OR_NONE && ps__word_is(w, "none")) {
        op->n = PS_VALUE_NONE;
        return true;
    }
    size_t k = 1;
    while (k < w->n && w->p[k] != '+' && w->p[k] != '-' && w->p[k] != '*')
        k++;
    ps_expr x = {0};
    word first = {w->p, k, w->at}, second = {w->p + k + 1, k < w->n ? w->n - k - 1 : 0, w->at};
    if (!parse_term(ld, sh, tok, first, k < w->n ? 0 : sh->min, &x.kind[0], &x.v[0]))
        return false;
    if (k < w->n) {
        char q[192];
        x.op = w->p[k];
        for (size_t i = 1; i < second.n; i++)
            if (second.p[i] == '+' || second.p[i] == '-' || second.p[i] == '*')
                return ps__ld_failk(ld, w->at, "%s: %s has more than one operator; a value is "
                                    "TERM or TERM OP TERM", "%s: %s에는 연산자가 둘 이상 있습니다; "
                                    "값은 항 하나이거나 '항 연산자 항'입니다", tok,
                                    ps__ld_quote(w->p, w->n, q, sizeof q));
        if (!parse_term(ld, sh, tok, second, 0, &x.kind[1], &x.v[1]))
            return false;
    }
    if (!x.op && x.kind[0] == PS_TERM_NUMBER) {
        op->n = x.v[0];
        return true;
    }
    ps_expr *slot = ps__vec_push(&ld->exprs);
    if (!slot)
        return ps__ld_oom(ld);
    *slot = x;
    op->flags |= PS_OPF_EXPR;
    op->n = (int64_t)(ld->exprs.len - 1);
    return true;
}

/* wait's words after the process: none, or "timeout TICKS". */
static bool parse_timeout(ps__loader *ld, const word *w, unsigned nw, ps_op *op)
{
    static const ps__numspec spec = {"wait", {"timeout", "제한 시간"}, PS__NO_TEXT, 0,
                                     PS_SCENARIO_MAX_NUMBER, PS__NO_TEXT};
    const char *usage = ps__op_shapes[PS_OP_WAIT].usage;
    const char *usage_ko = ps__op_shapes[PS_OP_WAIT].usage_ko;
    if (nw < 3)
        return true;
    if (!ps__word_is(&w[2], "timeout"))
        return ps__ld_failk(ld, w[2].at, "wait: expected 'timeout' after the process; "
                            "expected '%s%.0s'", "wait: 프로세스 뒤에는 'timeout'이 와야 합니다; "
                            "'%.0s%s' 꼴로 쓰세요", usage, usage_ko);
    if (nw == 3)
        return ps__ld_failk(ld, w[2].at, "wait: too few operands; expected '%s%.0s'",
                            "wait: 피연산자가 모자랍니다; '%.0s%s' 꼴로 쓰세요", usage, usage_ko);
    if (nw > 4)
        return ps__ld_failk(ld, w[4].at, "wait: too many operands; expected '%s%.0s'",
                            "wait: 피연산자가 너무 많습니다; '%.0s%s' 꼴로 쓰세요", usage, usage_ko);
    op->flags |= PS_OPF_TIMEOUT;
    return ps__ld_number(ld, &spec, w[3].p, w[3].n, w[3].at, false, &op->n);
}

bool ps__ld_op(ps__loader *ld, uint32_t owner)
{
    word w[5];
    unsigned nw = ps__ld_words(ld, w, 5);
    if (nw == 0)
        return ps__ld_expected(ld, "program", PS__T("an op such as 'cpu 3'", "연산(예: 'cpu 3')"));
    int kind = op_kind(ld, &w[0]);
    if (kind < 0)
        return false;
    const ps__op_shape *sh = &ps__op_shapes[kind];
    const char *tok = ps_op_token((ps_op_kind)kind);
    unsigned need = 1 + (sh->obj != PS__OBJ_NONE) + (sh->num == PS__NUM_REQUIRED);
    unsigned most = kind == PS_OP_WAIT ? 4 : need + (sh->num == PS__NUM_OPTIONAL);
    if (nw < need)
        return ps__ld_failk(ld, w[0].at, "%s: too few operands; expected '%s%.0s'",
                            "%s: 피연산자가 모자랍니다; '%.0s%s' 꼴로 쓰세요", tok, sh->usage,
                            sh->usage_ko);
    if (nw > most)
        return ps__ld_failk(ld, w[most].at, "%s: too many operands; expected '%s%.0s'%s%.0s",
                            "%s: 피연산자가 너무 많습니다; '%.0s%s' 꼴로 쓰세요%.0s%s", tok,
                            sh->usage, sh->usage_ko,
                            sh->value ? " (a value has no spaces: x*x, acc+1)" : "",
                            sh->value ? " (값에는 공백이 없습니다: x*x, acc+1)" : "");
    if (kind == PS_OP_SPAWN && ld->nopen)
        return ps__ld_failk0(ld, w[0].at, "spawn: inside a loop it would run more than once; a "
                             "child is spawned exactly once (spawn it before the loop)",
                             "spawn: 루프 안에서는 여러 번 실행됩니다; 자식은 꼭 한 번만 "
                             "spawn합니다(루프 앞에서 spawn하세요)");

    ps_op op = {.kind = (uint8_t)kind, .n = sh->dflt};
    unsigned next = 1;
    bool any = sh->obj == PS__OBJ_PROCESS_ANY && w[1].n == 3 && memcmp(w[1].p, "any", 3) == 0;
    if (any)
        op.obj = PS_WAIT_ANY;
    if (sh->obj != PS__OBJ_NONE && !any && !intern_word(ld, tok, sh->obj, &w[1], &op.obj))
        return false;
    next += sh->obj != PS__OBJ_NONE;
    if (kind == PS_OP_WAIT && !parse_timeout(ld, w, nw, &op))
        return false;
    if (sh->num != PS__NUM_NONE && next < nw) {
        ps__numspec spec = {tok, PS__T(sh->noun, sh->noun_ko), PS__NO_TEXT, sh->min, sh->max,
                            PS__NO_TEXT};
        if (sh->value ? !parse_value(ld, sh, tok, &w[next], &op)
                      : !ps__ld_number(ld, &spec, w[next].p, w[next].n, w[next].at, false,
                                       &op.n))
            return false;
    }

    uint32_t index = (uint32_t)ld->ops.len;
    ps_op *slot = ps__vec_push(&ld->ops);
    if (!slot)
        return ps__ld_oom(ld);
    *slot = op;
    bool process = sh->obj == PS__OBJ_PROCESS || sh->obj == PS__OBJ_PROCESS_ANY;
    if (process && !any) { /* resolved and checked in scenario_check.c */
        ps__op_ref *ref = ps__vec_push(&ld->op_refs);
        if (!ref)
            return ps__ld_oom(ld);
        *ref = (ps__op_ref){index, owner, w[1].at, 1};
    }
    return true;
}

bool ps__ld_action(ps__loader *ld, uint32_t event)
{
    const char *tokens[PS_ACTION_COUNT];
    for (int a = 0; a < PS_ACTION_COUNT; a++)
        tokens[a] = ps_action_token((ps_action)a);
    word w[3];
    unsigned nw = ps__ld_words(ld, w, 3);
    if (nw == 0)
        return ps__ld_expected(ld, "do", PS__T("an action such as 'suspend editor'",
                                               "동작(예: 'suspend editor')"));
    int a = ps__ld_token(ld, "do", PS__T("action", "동작"), PS__T("actions", "동작"), tokens,
                         PS_ACTION_COUNT, w[0].p, w[0].n, w[0].at);
    if (a < 0)
        return false;
    if (nw != 2)
        return ps__ld_failk(ld, nw < 2 ? w[0].at : w[2].at, "do: too %s%.0s operands; expected "
                            "'%s PROCESS'", "do: 피연산자가 %.0s%s; '%s 프로세스' 꼴로 쓰세요",
                            nw < 2 ? "few" : "many", nw < 2 ? "모자랍니다" : "너무 많습니다",
                            tokens[a]);
    uint32_t target;
    if (!intern_word(ld, "do", PS__OBJ_PROCESS, &w[1], &target))
        return false;
    PS__VEC_AT(&ld->events, ps_event_spec, event).action = (uint8_t)a;
    PS__VEC_AT(&ld->events, ps_event_spec, event).target = target;
    PS__VEC_AT(&ld->event_marks, ps__mark, event) = w[1].at;
    return true;
}
