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
        return ps__ld_fail(ld, w->at, "%.*s: a loop is a one-key mapping: write '- %.*s ...:' "
                           "and its ops below it, indented", (int)w->n, w->p, (int)w->n, w->p),
               -1;
    return ps__ld_token(ld, "program", "op", "ops", tokens, PS_OP_WRITTEN, w->p, w->n, w->at);
}

/* One term of a value: a number (at least `min`), acc, or a loop
 * variable in scope. */
static bool parse_term(ps__loader *ld, const ps__op_shape *sh, const char *tok, word w,
                       int64_t min, uint8_t *kind, int64_t *v)
{
    char q[192];
    if (w.n == 0)
        return ps__ld_fail(ld, w.at, "%s: expected a number, acc or a loop variable after the "
                           "operator, got nothing", tok);
    if ((w.p[0] >= '0' && w.p[0] <= '9') || w.p[0] == '-') {
        ps__numspec spec = {tok, sh->noun, NULL, min, sh->max, NULL};
        *kind = PS_TERM_NUMBER;
        return ps__ld_number(ld, &spec, w.p, w.n, w.at, false, v);
    }
    if (ps__word_is(&w, "none") && sh->value != PS__VALUE_OR_NONE)
        return ps__ld_fail(ld, w.at, "%s: none is not a %s; only send carries none (the "
                           "sentinel)", tok, sh->noun);
    if (ps__word_is(&w, "acc")) {
        *kind = PS_TERM_ACC;
        *v = 0;
        return true;
    }
    uint32_t loop = ps__ld_loop_var(ld, &w);
    if (loop == PS__NONE)
        return ps__ld_fail(ld, w.at, "%s: %s is not a loop variable in scope; a %s is a "
                           "number%s, acc, a loop variable, or two of these joined by +, - "
                           "or * (no spaces)", tok, ps__ld_quote(w.p, w.n, q, sizeof q),
                           sh->noun, sh->value == PS__VALUE_OR_NONE ? ", none" : "");
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
                return ps__ld_fail(ld, w->at, "%s: %s has more than one operator; a value is "
                                   "TERM or TERM OP TERM", tok,
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
    static const ps__numspec spec = {"wait", "timeout", NULL, 0, PS_SCENARIO_MAX_NUMBER, NULL};
    const char *usage = ps__op_shapes[PS_OP_WAIT].usage;
    if (nw < 3)
        return true;
    if (!ps__word_is(&w[2], "timeout"))
        return ps__ld_fail(ld, w[2].at, "wait: expected 'timeout' after the process; "
                           "expected '%s'", usage);
    if (nw == 3)
        return ps__ld_fail(ld, w[2].at, "wait: too few operands; expected '%s'", usage);
    if (nw > 4)
        return ps__ld_fail(ld, w[4].at, "wait: too many operands; expected '%s'", usage);
    op->flags |= PS_OPF_TIMEOUT;
    return ps__ld_number(ld, &spec, w[3].p, w[3].n, w[3].at, false, &op->n);
}

bool ps__ld_op(ps__loader *ld, uint32_t owner)
{
    word w[5];
    unsigned nw = ps__ld_words(ld, w, 5);
    if (nw == 0)
        return ps__ld_expected(ld, "program", "an op such as 'cpu 3'");
    int kind = op_kind(ld, &w[0]);
    if (kind < 0)
        return false;
    const ps__op_shape *sh = &ps__op_shapes[kind];
    const char *tok = ps_op_token((ps_op_kind)kind);
    unsigned need = 1 + (sh->obj != PS__OBJ_NONE) + (sh->num == PS__NUM_REQUIRED);
    unsigned most = kind == PS_OP_WAIT ? 4 : need + (sh->num == PS__NUM_OPTIONAL);
    if (nw < need)
        return ps__ld_fail(ld, w[0].at, "%s: too few operands; expected '%s'", tok,
                           sh->usage);
    if (nw > most)
        return ps__ld_fail(ld, w[most].at, "%s: too many operands; expected '%s'%s", tok,
                           sh->usage, sh->value ? " (a value has no spaces: x*x, acc+1)" : "");
    if (kind == PS_OP_SPAWN && ld->nopen)
        return ps__ld_fail(ld, w[0].at, "spawn: inside a loop it would run more than once; a "
                           "child is spawned exactly once (spawn it before the loop)");

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
        ps__numspec spec = {tok, sh->noun, NULL, sh->min, sh->max, NULL};
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
        return ps__ld_expected(ld, "do", "an action such as 'suspend editor'");
    int a = ps__ld_token(ld, "do", "action", "actions", tokens, PS_ACTION_COUNT, w[0].p,
                         w[0].n, w[0].at);
    if (a < 0)
        return false;
    if (nw != 2)
        return ps__ld_fail(ld, nw < 2 ? w[0].at : w[2].at, "do: too %s operands; expected "
                           "'%s PROCESS'", nw < 2 ? "few" : "many", tokens[a]);
    uint32_t target;
    if (!intern_word(ld, "do", PS__OBJ_PROCESS, &w[1], &target))
        return false;
    PS__VEC_AT(&ld->events, ps_event_spec, event).action = (uint8_t)a;
    PS__VEC_AT(&ld->events, ps_event_spec, event).target = target;
    PS__VEC_AT(&ld->event_marks, ps__mark, event) = w[1].at;
    return true;
}
