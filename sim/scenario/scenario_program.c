/* scenario_program.c — a program: a sequence whose items are op strings
 * or loops.  A loop is a one-key mapping whose key says which loop it is
 * ("repeat 4", "for i in range(1, 10)", "for x in tasks", "while not empty
 * tasks") and whose value
 * is its body, a non-empty sequence of items.  A loop compiles to a head
 * op (LOOP or FOR_IN), its body, and an END op (scenario.h, PS_OPS); the
 * loops open while reading are a stack in the loader (ld->open), so
 * nothing recurses.  Also the `variables:` section (private or shared). */
#include "loader.h"

#include <string.h>

#include "scenario_priv.h"

#define MAXN PS_SCENARIO_MAX_NUMBER

typedef ps__word word;

static ps_loop *loop_at(ps__loader *ld, uint32_t i)
{
    return &PS__VEC_AT(&ld->loops, ps_loop, i);
}

static const char *const loop_forms = "'repeat N', 'for NAME in range(A, B)', "
                                      "'for NAME in CHANNEL' or 'while not empty CHANNEL'";
static const char *const loop_forms_ko = "'repeat N', 'for 이름 in range(A, B)', "
                                         "'for 이름 in 채널', 'while not empty 채널' 중 하나"; 

/* The word a loop's messages start with. */
static const char *loop_word(const ps_loop *L)
{
    return L->kind == PS_LOOP_REPEAT ? "repeat" : L->kind == PS_LOOP_NOT_EMPTY ? "while" : "for";
}

/* `while not empty CHANNEL` (Python's `while not q.empty():`): w[0] is
 * "while". */
static bool parse_while(ps__loader *ld, const word *w, unsigned nw, ps_loop *L)
{
    char q[192];
    if (nw > 4)
        return ps__ld_failk0(ld, w[4].at, "while: too many operands; expected 'while not empty "
                             "CHANNEL'", "while: 피연산자가 너무 많습니다; 'while not empty 채널' "
                             "꼴로 쓰세요");
    if (nw == 3 && ps__word_is(&w[1], "not") && ps__word_is(&w[2], "empty")) {
        ps__mark after = {w[2].at.line, w[2].at.col + (uint32_t)w[2].n};
        return ps__ld_failk0(ld, ps__ld_marks_exact(ld) ? after : w[0].at,
                             "while: expected a channel after 'while not empty'",
                             "while: 'while not empty' 뒤에 채널이 와야 합니다");
    }
    if (nw < 4 || !ps__word_is(&w[1], "not") || !ps__word_is(&w[2], "empty"))
        return ps__ld_failk(ld, nw < 2 ? w[0].at : w[1].at, "while: expected 'while not empty "
                            "CHANNEL' (Python's while not q.empty()), got %s",
                            "while: 'while not empty 채널'(Python의 'while not q.empty()')이 와야 "
                            "하는데 %s입니다",
                            ps__ld_quote(ps__ld_text(ld), ps__ld_length(ld), q, sizeof q));
    if (!ps__ld_name(ld, "while", w[3].p, w[3].n, w[3].at, false))
        return false;
    bool added;
    L->kind = PS_LOOP_NOT_EMPTY;
    L->chan = ps__intern_add(&ld->channels, ld->arena, w[3].p, w[3].n, w[3].at, &added);
    return L->chan != PS__NONE || ps__ld_oom(ld);
}

/* The variable of a for loop: a name, not a word of the language, not
 * the variable of a loop it is inside. */
static bool loop_var(ps__loader *ld, const word *w)
{
    static const char *const reserved[] = {"acc", "none", "in", "range", "timeout"};
    if (!ps__ld_name(ld, "for", w->p, w->n, w->at, false))
        return false;
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (ps__word_is(w, reserved[i]))
            return ps__ld_failk(ld, w->at, "for: '%s' cannot name a loop variable; it is a "
                                "word of the language", "for: '%s'은(는) 루프 변수 이름이 될 수 "
                                "없습니다; 시나리오 언어의 낱말입니다", reserved[i]);
    if (ps__ld_loop_var(ld, w) != PS__NONE)
        return ps__ld_failk(ld, w->at, "for: '%.*s' is already the variable of an enclosing "
                            "loop; give this loop's variable another name", "for: '%.*s'은(는) "
                            "이미 바깥 루프의 변수입니다; 이 루프의 변수에는 다른 이름을 쓰세요",
                            (int)w->n, w->p);
    return true;
}

/* The bounds of range(N) or range(A, B): t[0..n) runs from "range(" to
 * the end of the key. */
static bool parse_range(ps__loader *ld, const char *t, size_t n, ps__mark at, ps_loop *L)
{
    static const ps__numspec bound = {"range", {"bound", "범위 끝값"}, PS__NO_TEXT, 0, MAXN,
                                      PS__NO_TEXT};
    char q[192];
    while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    size_t i = 6, end = n - 1; /* after "range(", at ")" */
    if (n < 7 || memcmp(t, "range(", 6) != 0 || t[end] != ')')
        return ps__ld_failk(ld, at, "for: expected 'range(A, B)', 'range(N)' or a channel "
                            "after 'in', got %s", "for: 'in' 뒤에 'range(A, B)', 'range(N)' 또는 "
                            "채널이 와야 하는데 %s입니다", ps__ld_quote(t, n, q, sizeof q));
    int64_t v[2];
    int count = 0;
    while (count < 2) {
        while (i < end && (t[i] == ' ' || t[i] == '\t'))
            i++;
        size_t s = i;
        while (i < end && t[i] != ',' && t[i] != ' ' && t[i] != '\t')
            i++;
        ps__mark here = at; /* the bound itself, where the key says where it is */
        if (ps__ld_marks_exact(ld))
            here.col += (uint32_t)s;
        if (!ps__ld_number(ld, &bound, t + s, i - s, here, false, &v[count++]))
            return false;
        while (i < end && (t[i] == ' ' || t[i] == '\t'))
            i++;
        if (i == end)
            break;
        if (t[i] != ',' || count == 2)
            return ps__ld_failk(ld, at, "for: expected 'range(A, B)' or 'range(N)', got %s",
                                "for: 'range(A, B)' 또는 'range(N)'이 와야 하는데 %s입니다",
                                ps__ld_quote(t, n, q, sizeof q));
        i++;
    }
    L->kind = PS_LOOP_RANGE; /* range(N) is range(0, N) */
    L->from = count == 1 ? 0 : v[0];
    L->to = count == 1 ? v[0] : v[1];
    return true;
}

/* The key of a loop (the current scalar) into L. */
static bool parse_key(ps__loader *ld, ps_loop *L)
{
    static const ps__numspec count = {"repeat", {"count", "반복 횟수"}, PS__NO_TEXT, 0, MAXN,
                                      PS__NO_TEXT};
    word w[8];
    unsigned nw = ps__ld_words(ld, w, 8);
    char q[192];
    if (nw >= 1 && ps__word_is(&w[0], "repeat")) {
        if (nw != 2)
            return ps__ld_failk(ld, nw < 2 ? w[0].at : w[2].at, "repeat: too %s%.0s operands; "
                                "expected 'repeat N'", "repeat: 피연산자가 %.0s%s; 'repeat N' "
                                "꼴로 쓰세요", nw < 2 ? "few" : "many",
                                nw < 2 ? "모자랍니다" : "너무 많습니다");
        L->kind = PS_LOOP_REPEAT;
        return ps__ld_number(ld, &count, w[1].p, w[1].n, w[1].at, false, &L->to);
    }
    if (nw >= 1 && ps__word_is(&w[0], "while"))
        return parse_while(ld, w, nw, L);
    if (nw == 0 || !ps__word_is(&w[0], "for"))
        return ps__ld_failk(ld, nw ? w[0].at : ps__ld_here(ld), "program: unknown loop %s; a "
                            "loop is %s%.0s (an op is written '- cpu 3', not '- cpu: 3')",
                            "program: 알 수 없는 루프 %s; 루프는 %.0s%s입니다(연산은 '- cpu: 3'이 "
                            "아니라 '- cpu 3'으로 씁니다)",
                            ps__ld_quote(ps__ld_text(ld), ps__ld_length(ld), q, sizeof q),
                            loop_forms, loop_forms_ko);
    if (nw < 4 || !ps__word_is(&w[2], "in"))
        return ps__ld_failk0(ld, nw < 3 ? w[0].at : w[2].at, "for: expected 'for NAME in "
                             "range(A, B)' or 'for NAME in CHANNEL'", "for: 'for 이름 in "
                             "range(A, B)' 또는 'for 이름 in 채널' 꼴로 쓰세요");
    if (!loop_var(ld, &w[1]))
        return false;
    L->var = ps__arena_strndup(ld->arena, w[1].p, w[1].n);
    if (!L->var)
        return ps__ld_oom(ld);
    if (w[3].n >= 5 && memcmp(w[3].p, "range", 5) == 0 && (w[3].n == 5 || w[3].p[5] == '(')) {
        size_t off = (size_t)(w[3].p - ps__ld_text(ld));
        return parse_range(ld, w[3].p, ps__ld_length(ld) - off, w[3].at, L);
    }
    if (nw > 4)
        return ps__ld_failk0(ld, w[4].at, "for: too many operands; expected 'for NAME in "
                             "CHANNEL'", "for: 피연산자가 너무 많습니다; 'for 이름 in 채널' 꼴로 "
                             "쓰세요");
    if (!ps__ld_name(ld, "for", w[3].p, w[3].n, w[3].at, false))
        return false;
    bool added;
    L->kind = PS_LOOP_CHANNEL;
    L->chan = ps__intern_add(&ld->channels, ld->arena, w[3].p, w[3].n, w[3].at, &added);
    return L->chan != PS__NONE || ps__ld_oom(ld);
}

static bool push_op(ps__loader *ld, ps_op op)
{
    ps_op *slot = ps__vec_push(&ld->ops);
    if (!slot)
        return ps__ld_oom(ld);
    *slot = op;
    return true;
}

/* A mapping in a program (the current event): a loop opens. */
static bool open_loop(ps__loader *ld, ps__mark *opened)
{
    if (!ps__ld_next(ld))
        return false;
    if (ps__ld_type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld))
        return ps__ld_expected(ld, "program", PS__T("a loop such as 'repeat 3' as the key",
                                                    "키 자리에 루프(예: 'repeat 3')"));
    ps__mark at = ps__ld_here(ld);
    uint32_t index = (uint32_t)ld->loops.len;
    ps_loop L = {.depth = (uint8_t)ld->nopen};
    if (!parse_key(ld, &L))
        return false;
    if (ld->nopen == PS_LOOP_DEPTH_MAX)
        return ps__ld_failk(ld, at, "program: loops nest at most %d deep; this one would be "
                            "loop %u", "program: 루프는 %d겹까지만 겹칠 수 있습니다; 이 루프는 "
                            "%u번째 겹입니다", PS_LOOP_DEPTH_MAX, ld->nopen + 1);
    L.head = (uint32_t)(ld->ops.len - ld->prog_first);
    ps_loop *slot = ps__vec_push(&ld->loops);
    if (!slot)
        return ps__ld_oom(ld);
    *slot = L;
    ps_op head = L.kind == PS_LOOP_CHANNEL
                     ? (ps_op){.kind = PS_OP_FOR_IN, .obj = L.chan, .n = index}
                     : (ps_op){.kind = PS_OP_LOOP, .obj = index};
    if (!push_op(ld, head) || !ps__ld_next(ld))
        return false;
    if (ps__ld_type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, loop_word(&L), PS__T("the loop's body, a sequence of ops "
                                                        "such as [cpu 1]", "루프 본문, 곧 연산의 "
                                                        "시퀀스(예: [cpu 1])"));
    opened[ld->nopen] = at;
    ld->open[ld->nopen++] = index;
    return true;
}

/* The end of the innermost open loop's body (the current event). */
static bool close_loop(ps__loader *ld, const ps__mark *opened)
{
    uint32_t index = ld->open[--ld->nopen];
    ps_loop *L = loop_at(ld, index);
    if (ld->ops.len == ld->prog_first + L->head + 1)
        return ps__ld_failk(ld, opened[ld->nopen], "%s: the loop's body is empty; expected "
                            "at least one op", "%s: 루프 본문이 비어 있습니다; 연산이 하나 이상 "
                            "있어야 합니다", loop_word(L));
    L->end = (uint32_t)(ld->ops.len - ld->prog_first);
    if (!push_op(ld, (ps_op){.kind = PS_OP_END, .obj = index}) || !ps__ld_next(ld))
        return false;
    if (ps__ld_type(ld) != YAML_MAPPING_END_EVENT)
        return ps__ld_failk0(ld, ps__ld_here(ld), "program: a loop is a mapping with one key "
                             "(the loop) whose value is its body; got a second key",
                             "program: 루프는 키(루프)가 하나이고 그 값이 본문인 매핑입니다; "
                             "두 번째 키가 있습니다");
    return true;
}

bool ps__ld_program(ps__loader *ld, uint32_t self)
{
    if (ps__ld_type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "program", PS__T("a sequence of ops such as [cpu 3, io disk 2]",
                                                    "연산의 시퀀스(예: [cpu 3, io disk 2])"));
    ps__mark opened[PS_LOOP_DEPTH_MAX];
    size_t first = ld->ops.len;
    ld->prog_first = (uint32_t)first;
    ld->nopen = 0;
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        yaml_event_type_t t = ps__ld_type(ld);
        bool ok;
        if (t == YAML_SEQUENCE_END_EVENT && ld->nopen == 0)
            break;
        if (t == YAML_SEQUENCE_END_EVENT)
            ok = close_loop(ld, opened);
        else if (t == YAML_MAPPING_START_EVENT)
            ok = open_loop(ld, opened);
        else if (t != YAML_SCALAR_EVENT || ps__ld_is_null(ld))
            ok = ps__ld_expected(ld, "program", PS__T("an op such as 'cpu 3'",
                                                      "연산(예: 'cpu 3')"));
        else
            ok = ps__ld_op(ld, self);
        if (!ok)
            return false;
    }
    PS__VEC_AT(&ld->procs, ps_proc_spec, self).op_first = (uint32_t)first;
    PS__VEC_AT(&ld->procs, ps_proc_spec, self).op_count = (uint32_t)(ld->ops.len - first);
    return true;
}

uint32_t ps__ld_loop_var(const ps__loader *ld, const ps__word *w)
{
    for (unsigned d = ld->nopen; d-- > 0;) {
        const ps_loop *L = &PS__VEC_AT(&ld->loops, ps_loop, ld->open[d]);
        if (L->var && strlen(L->var) == w->n && memcmp(L->var, w->p, w->n) == 0)
            return ld->open[d];
    }
    return PS__NONE;
}

/* --- variables: --- */

enum { VAR_UNDECLARED, VAR_PRIVATE, VAR_SHARED };

static bool declare(ps__loader *ld, uint32_t var, ps__mark at, uint8_t kind)
{
    while (ld->var_private.len <= var) {
        uint8_t *slot = ps__vec_push(&ld->var_private);
        if (!slot)
            return ps__ld_oom(ld);
        *slot = VAR_UNDECLARED;
    }
    uint8_t *k = &PS__VEC_AT(&ld->var_private, uint8_t, var);
    if (*k != VAR_UNDECLARED)
        return ps__ld_failk(ld, at, "variables: '%s' is declared twice; a variable is private "
                            "or shared", "variables: '%s'이(가) 두 번 선언되었습니다; 변수는 "
                            "private 또는 shared 중 하나입니다",
                            ps__intern_get(&ld->variables, var)->name);
    *k = kind;
    return true;
}

bool ps__ld_variables(ps__loader *ld)
{
    static const char *const kinds[] = {"private", "shared"};
    if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
        return ps__ld_expected(ld, "variables", PS__T("a mapping of variable names to private "
                                                      "or shared, such as {counter: private}",
                                                      "변수 이름에서 private 또는 shared로 가는 "
                                                      "매핑(예: {counter: private})"));
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) == YAML_MAPPING_END_EVENT)
            return true;
        if (!ps__ld_name_value(ld, "variables", false))
            return false;
        ps__mark at = ps__ld_here(ld);
        bool added;
        uint32_t var = ps__intern_add(&ld->variables, ld->arena, ps__ld_text(ld),
                                      ps__ld_length(ld), at, &added);
        if (var == PS__NONE)
            return ps__ld_oom(ld);
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld))
            return ps__ld_expected(ld, "variables", PS__T("private or shared",
                                                          "private 또는 shared"));
        int k = ps__ld_token(ld, "variables", PS__T("kind", "종류"), PS__T("kinds", "종류"), kinds,
                             2, ps__ld_text(ld), ps__ld_length(ld), ps__ld_here(ld));
        if (k < 0 || !declare(ld, var, at, k == 0 ? VAR_PRIVATE : VAR_SHARED))
            return false;
    }
}
