/* scenario.c — the small things about a loaded scenario: tokens of the
 * X-macro lists, the operand shape of each op, formatting an op back into
 * the text a file would hold, and destroying a scenario.  Loading lives in
 * scenario_load*.c. */
#include "procsim/scenario.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "arena.h"
#include "scenario_priv.h"

static const struct {
    const char *token;
    unsigned uses;
} policies[PS_POLICY_COUNT] = {
#define PS_X_(e, tok, hooks, uses) [PS_POLICY_##e] = {tok, uses},
    PS_POLICIES(PS_X_)
#undef PS_X_
};

static const struct {
    const char *token;
    unsigned ticks;
    bool leaves;
} ops[PS_OP_COUNT] = {
#define PS_X_(e, tok, ticks, leaves) [PS_OP_##e] = {tok, ticks, leaves},
    PS_OPS(PS_X_)
#undef PS_X_
};

static const char *const action_tokens[PS_ACTION_COUNT] = {
#define PS_X_(e, tok) [PS_ACT_##e] = tok,
    PS_ACTIONS(PS_X_)
#undef PS_X_
};

static const char *const switch_tokens[PS_SWITCH_COUNT] = {
#define PS_X_(e, tok) [PS_SWITCH_##e] = tok,
    PS_SWITCH_RULES(PS_X_)
#undef PS_X_
};

static const char *const io_done_tokens[PS_IO_DONE_COUNT] = {
#define PS_X_(e, tok) [PS_IO_DONE_##e] = tok,
    PS_IO_DONE_RULES(PS_X_)
#undef PS_X_
};

static const char *const ask_tokens[PS_ASK_COUNT] = {
#define PS_X_(e, tok, usage) [PS_ASK_##e] = tok,
    PS_ASKS(PS_X_)
#undef PS_X_
};

static const char *const ask_usages[PS_ASK_COUNT] = {
#define PS_X_(e, tok, usage) [PS_ASK_##e] = usage,
    PS_ASKS(PS_X_)
#undef PS_X_
};

#define MAXN PS_SCENARIO_MAX_NUMBER
#define N_ PS__OBJ_NONE
const ps__op_shape ps__op_shapes[PS_OP_COUNT] = {
    [PS_OP_CPU] = {N_, PS__NUM_REQUIRED, PS__VALUE_YES, 1, MAXN, 0, "cpu TICKS",
                   "tick count", "cpu 틱수", "틱 수"},
    [PS_OP_IO] = {PS__OBJ_DEVICE, PS__NUM_REQUIRED, 0, 0, MAXN, 0, "io DEVICE TICKS",
                  "tick count", "io 장치 틱수", "틱 수"},
    [PS_OP_SLEEP] = {N_, PS__NUM_REQUIRED, 0, 0, MAXN, 0, "sleep TICKS", "tick count",
                     "sleep 틱수", "틱 수"},
    [PS_OP_SPAWN] = {PS__OBJ_PROCESS, PS__NUM_NONE, 0, 0, 0, 0, "spawn PROCESS", NULL,
                      "spawn 프로세스", NULL},
    [PS_OP_WAIT] = {PS__OBJ_PROCESS_ANY, PS__NUM_NONE, 0, 0, 0, 0,
                    "wait PROCESS|any [timeout TICKS]", NULL, "wait 프로세스|any [timeout 틱수]", NULL},
    [PS_OP_SEND] = {PS__OBJ_CHANNEL, PS__NUM_OPTIONAL, PS__VALUE_OR_NONE, 0, MAXN, 1,
                    "send CHANNEL [VALUE]", "value", "send 채널 [값]", "값"},
    [PS_OP_RECV] = {PS__OBJ_CHANNEL, PS__NUM_NONE, 0, 0, 0, 0, "recv CHANNEL", NULL,
                     "recv 채널", NULL},
    [PS_OP_LOCK] = {PS__OBJ_MUTEX, PS__NUM_NONE, 0, 0, 0, 0, "lock MUTEX", NULL,
                     "lock 뮤텍스", NULL},
    [PS_OP_UNLOCK] = {PS__OBJ_MUTEX, PS__NUM_NONE, 0, 0, 0, 0, "unlock MUTEX", NULL,
                       "unlock 뮤텍스", NULL},
    [PS_OP_ADD] = {PS__OBJ_VARIABLE, PS__NUM_REQUIRED, 0, 1, MAXN, 0, "add VARIABLE COUNT",
                   "count", "add 변수 개수", "개수"},
    [PS_OP_EXIT] = {N_, PS__NUM_OPTIONAL, 0, 0, 255, 0, "exit [CODE]", "exit code",
                   "exit [코드]", "종료 코드"},
    [PS_OP_KILL] = {PS__OBJ_PROCESS, PS__NUM_NONE, 0, 0, 0, 0, "kill PROCESS", NULL,
                     "kill 프로세스", NULL},
    [PS_OP_IS_ALIVE] = {PS__OBJ_PROCESS, PS__NUM_NONE, 0, 0, 0, 0, "is_alive PROCESS", NULL,
                         "is_alive 프로세스", NULL},
    /* written as loops, never as strings (scenario_program.c) */
    [PS_OP_LOOP] = {N_, PS__NUM_NONE, 0, 0, 0, 0, "loop: repeat N, for NAME in range(A, B) or "
                    "while not empty CHANNEL", NULL,
                    "루프: repeat N, for 이름 in range(A, B) 또는 while not empty 채널", NULL},
    [PS_OP_FOR_IN] = {N_, PS__NUM_NONE, 0, 0, 0, 0, "for NAME in CHANNEL", NULL,
                       "for 이름 in 채널", NULL},
    [PS_OP_END] = {N_, PS__NUM_NONE, 0, 0, 0, 0, "end of a loop's body", NULL,
                   "루프 본문의 끝", NULL},
};
#undef N_
#undef MAXN

const char *ps_policy_token(ps_policy p)
{
    return (unsigned)p < PS_POLICY_COUNT ? policies[p].token : "?";
}

unsigned ps_policy_uses(ps_policy p)
{
    return (unsigned)p < PS_POLICY_COUNT ? policies[p].uses : 0;
}

unsigned ps_op_ticks(ps_op_kind k)
{
    return (unsigned)k < PS_OP_COUNT ? ops[k].ticks : 0;
}

bool ps_op_leaves_cpu(ps_op_kind k)
{
    return (unsigned)k >= PS_OP_COUNT || ops[k].leaves;
}

const char *ps_switch_token(ps_switch_rule r)
{
    return (unsigned)r < PS_SWITCH_COUNT ? switch_tokens[r] : "?";
}

#define TOKENS_(name, list, type, count)                                           \
    const char *name(type v)                                                       \
    {                                                                              \
        static const char *const tokens[] = {list(TOKEN_)};                        \
        return (unsigned)v < count ? tokens[v] : "?";                              \
    }
#define TOKEN_(e, tok) tok,
TOKENS_(ps_mlfq_style_token, PS_MLFQ_STYLES, ps_mlfq_style, PS_MLFQ_STYLE_COUNT)
TOKENS_(ps_priority_order_token, PS_PRIORITY_ORDERS, ps_priority_order, PS_PRIORITY_ORDER_COUNT)
TOKENS_(ps_rr_arrival_token, PS_RR_ARRIVALS, ps_rr_arrival, PS_RR_ARRIVAL_COUNT)
TOKENS_(ps_same_tick_token, PS_SAME_TICKS, ps_same_tick, PS_SAME_TICK_COUNT)
TOKENS_(ps_affinity_token, PS_AFFINITIES, ps_affinity, PS_AFFINITY_COUNT)
#undef TOKEN_
#undef TOKENS_

const char *ps_io_done_token(ps_io_done_rule r)
{
    return (unsigned)r < PS_IO_DONE_COUNT ? io_done_tokens[r] : "?";
}

const char *ps_ask_token(ps_ask a)
{
    return (unsigned)a < PS_ASK_COUNT ? ask_tokens[a] : "?";
}

const char *ps_ask_usage(ps_ask a)
{
    return (unsigned)a < PS_ASK_COUNT ? ask_usages[a] : "?";
}

const char *ps_op_token(ps_op_kind k)
{
    return (unsigned)k < PS_OP_COUNT ? ops[k].token : "?";
}

const char *ps_action_token(ps_action a)
{
    return (unsigned)a < PS_ACTION_COUNT ? action_tokens[a] : "?";
}

static const char *name_at(const ps_names *t, uint32_t i)
{
    return i < t->count ? t->names[i] : "?";
}

/* The name an op's obj stands for, or NULL when the op has none. */
static const char *obj_name(const ps_scenario *s, const ps_op *op)
{
    switch ((ps__obj_kind)ps__op_shapes[op->kind].obj) {
    case PS__OBJ_NONE:
        return NULL;
    case PS__OBJ_DEVICE:
        return name_at(&s->devices, op->obj);
    case PS__OBJ_PROCESS_ANY:
        if (op->obj == PS_WAIT_ANY)
            return "any";
        /* fall through */
    case PS__OBJ_PROCESS:
        return op->obj < s->nprocs ? s->procs[op->obj].name : "?";
    case PS__OBJ_CHANNEL:
        return name_at(&s->channels, op->obj);
    case PS__OBJ_MUTEX:
        return name_at(&s->mutexes, op->obj);
    case PS__OBJ_VARIABLE:
        return name_at(&s->variables, op->obj);
    }
    return "?";
}

/* Appends to buf[*at..size) like snprintf, keeping *at within size; cut
 * short, at a character (a Hangul name's three bytes stay together). */
static void put(char *buf, size_t size, size_t *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void put(char *buf, size_t size, size_t *at, const char *fmt, ...)
{
    if (*at >= size - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *at, size - *at, fmt, ap);
    va_end(ap);
    *at = n < 0 ? *at : *at + (size_t)n >= size ? size - 1 : *at + (size_t)n;
    if (n >= 0 && *at == size - 1) {
        size_t k = *at;
        while (k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80)
            k--;
        if (k > 0 && (unsigned char)buf[k - 1] >= 0xC0) { /* a lead byte: complete? */
            unsigned char lead = (unsigned char)buf[k - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (*at - (k - 1) < need)
                *at = k - 1;
        }
        buf[*at] = 0;
    }
}

static void put_term(const ps_scenario *s, char *buf, size_t size, size_t *at, uint8_t kind,
                     int64_t v)
{
    if (kind == PS_TERM_ACC)
        put(buf, size, at, "acc");
    else if (kind == PS_TERM_LOOPVAR)
        put(buf, size, at, "%s", (uint64_t)v < s->nloops && s->loops[v].var ? s->loops[v].var
                                                                            : "?");
    else
        put(buf, size, at, "%" PRId64, v);
}

/* An op's number as written: a number, none, or the value's terms. */
static void put_value(const ps_scenario *s, const ps_op *op, char *buf, size_t size, size_t *at)
{
    if (!(op->flags & PS_OPF_EXPR)) {
        if (op->kind == PS_OP_SEND && op->n == PS_VALUE_NONE)
            put(buf, size, at, " none");
        else
            put(buf, size, at, " %" PRId64, op->n);
        return;
    }
    if ((uint64_t)op->n >= s->nexprs) {
        put(buf, size, at, " ?");
        return;
    }
    const ps_expr *x = &s->exprs[op->n];
    put(buf, size, at, " ");
    put_term(s, buf, size, at, x->kind[0], x->v[0]);
    if (x->op) {
        put(buf, size, at, "%c", x->op);
        put_term(s, buf, size, at, x->kind[1], x->v[1]);
    }
}

/* The key of loop `l`: "repeat 4", "for i in range(1, 10)", "for x in q",
 * "while not empty q". */
static void put_loop(const ps_scenario *s, uint32_t l, char *buf, size_t size, size_t *at)
{
    if (l >= s->nloops) {
        put(buf, size, at, "?");
        return;
    }
    const ps_loop *L = &s->loops[l];
    if (L->kind == PS_LOOP_REPEAT)
        put(buf, size, at, "repeat %" PRId64, L->to);
    else if (L->kind == PS_LOOP_RANGE)
        put(buf, size, at, "for %s in range(%" PRId64 ", %" PRId64 ")", L->var, L->from, L->to);
    else if (L->kind == PS_LOOP_NOT_EMPTY)
        put(buf, size, at, "while not empty %s", name_at(&s->channels, L->chan));
    else
        put(buf, size, at, "for %s in %s", L->var, name_at(&s->channels, L->chan));
}

char *ps_op_format(const ps_scenario *s, const ps_op *op, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    size_t at = 0;
    buf[0] = '\0';
    if (op->kind >= PS_OP_COUNT) {
        put(buf, size, &at, "?");
        return buf;
    }
    if (op->kind == PS_OP_LOOP || op->kind == PS_OP_FOR_IN || op->kind == PS_OP_END) {
        put(buf, size, &at, "%s", op->kind == PS_OP_END ? "end " : "");
        put_loop(s, op->kind == PS_OP_FOR_IN ? (uint32_t)op->n : op->obj, buf, size, &at);
        return buf;
    }
    const char *obj = obj_name(s, op);
    put(buf, size, &at, "%s%s%s", ops[op->kind].token, obj ? " " : "", obj ? obj : "");
    if (op->kind == PS_OP_WAIT && (op->flags & PS_OPF_TIMEOUT))
        put(buf, size, &at, " timeout %" PRId64, op->n);
    else if (ps__op_shapes[op->kind].num != PS__NUM_NONE)
        put_value(s, op, buf, size, &at);
    return buf;
}

void ps_scenario_destroy(ps_scenario *s)
{
    if (s) /* s itself lives in its arena */
        ps__arena_destroy(s->arena_);
}
