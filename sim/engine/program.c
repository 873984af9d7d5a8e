/* program.c — what the scenario language computes as a program runs:
 * values (cpu's ticks, send's value: a number, none, or TERM OP TERM over
 * loop variables and acc), the loops' jumps and their registers, private
 * variables (each process's own copy, copied at spawn), and the runaway
 * stop.  ops.c executes the ops and calls these. */
#include <string.h>

#include "engine_internal.h"

/* ---- values ------------------------------------------------------------ */

/* x OP y, saturating at +-PS_VALUE_MAX so that nothing computed wraps
 * or becomes the sentinel (docs/engine.md, rule V). */
static int64_t clamp(int64_t v)
{
    return v > PS_VALUE_MAX ? PS_VALUE_MAX : v < -PS_VALUE_MAX ? -PS_VALUE_MAX : v;
}

int64_t ps__value_add(int64_t x, int64_t y)
{
    int64_t r;
    return __builtin_add_overflow(x, y, &r) ? (y > 0 ? PS_VALUE_MAX : -PS_VALUE_MAX) : clamp(r);
}

static int64_t apply(char op, int64_t x, int64_t y)
{
    int64_t r;
    switch (op) {
    case '+':
        return ps__value_add(x, y);
    case '-':
        return __builtin_sub_overflow(x, y, &r) ? (y < 0 ? PS_VALUE_MAX : -PS_VALUE_MAX)
                                                : clamp(r);
    case '*':
        return __builtin_mul_overflow(x, y, &r) ? ((x < 0) != (y < 0) ? -PS_VALUE_MAX
                                                                      : PS_VALUE_MAX)
                                                : clamp(r);
    default:
        return x;
    }
}

static int64_t term(const ps_engine *e, uint8_t kind, int64_t v, const ps_regs *r)
{
    switch ((ps_term_kind)kind) {
    case PS_TERM_ACC:
        return r->acc;
    case PS_TERM_LOOPVAR:
        return r->loop[e->s->loops[v].depth];
    case PS_TERM_NUMBER:
        break;
    }
    return v;
}

int64_t ps__value(const ps_engine *e, const ps_op *op, const ps_regs *r)
{
    if (!(op->flags & PS_OPF_EXPR))
        return op->n;
    const ps_expr *x = &e->s->exprs[op->n];
    int64_t a = term(e, x->kind[0], x->v[0], r);
    return x->op ? apply(x->op, a, term(e, x->kind[1], x->v[1], r)) : clamp(a);
}

int64_t ps__ticks_value(const ps_engine *e, const ps_op *op, const ps_regs *r)
{
    int64_t v = ps__value(e, op, r);
    return v < 0 ? 0 : v > PS_SCENARIO_MAX_NUMBER ? PS_SCENARIO_MAX_NUMBER : v;
}

/* ---- loops --------------------------------------------------------------- */

/* The pc after `op` at r->pc is complete with `result` (the value a FOR_IN
 * received): the next op, or where a loop jumps. */
void ps__advance(const ps_engine *e, const ps_op *op, ps_regs *r, int64_t result)
{
    r->cnt = 0;
    if (op->kind == PS_OP_LOOP && e->s->loops[op->obj].kind == PS_LOOP_NOT_EMPTY) {
        const ps_loop *L = &e->s->loops[op->obj]; /* [L7] a value there, or leave */
        r->pc = !ps__channel_empty(e, L->chan) ? L->head + 1 : L->end + 1;
    } else if (op->kind == PS_OP_LOOP) { /* [L1] enter the body, or skip it */
        const ps_loop *L = &e->s->loops[op->obj];
        r->loop[L->depth] = L->from;
        r->pc = L->from < L->to ? L->head + 1 : L->end + 1;
    } else if (op->kind == PS_OP_FOR_IN) { /* [L3] a value, or the sentinel */
        const ps_loop *L = &e->s->loops[op->n];
        if (result != PS_VALUE_NONE)
            r->loop[L->depth] = result;
        r->pc = result != PS_VALUE_NONE ? L->head + 1 : L->end + 1;
    } else if (op->kind == PS_OP_END) { /* [L2] count, and round again */
        const ps_loop *L = &e->s->loops[op->obj];
        if (L->kind == PS_LOOP_CHANNEL || L->kind == PS_LOOP_NOT_EMPTY)
            r->pc = L->head;
        else
            r->pc = ++r->loop[L->depth] < L->to ? L->head + 1 : L->end + 1;
    } else {
        r->pc++;
    }
}

/* ---- private variables --------------------------------------------------- */

int64_t *ps__var_slot(ps_engine *e, uint32_t pid, uint32_t var)
{
    if (e->pvar && e->s->var_private[var])
        return &e->pvar[(size_t)(pid - 1) * e->s->variables.count + var];
    return &e->var[var];
}

void ps__inherit(ps_engine *e, uint32_t child, uint32_t parent)
{
    size_t nv = e->s->variables.count;
    if (e->pvar && parent)
        memcpy(&e->pvar[(child - 1) * nv], &e->pvar[(parent - 1) * nv], nv * sizeof *e->pvar);
}

int64_t ps_engine_private(const ps_engine *e, uint32_t pid, uint32_t var)
{
    if (var >= e->s->variables.count || pid < 1 || pid > e->n)
        return 0;
    return ps__var_slot((ps_engine *)e, pid, var)[0];
}

/* ---- the runaway stop ----------------------------------------------------- */

static const char *const runaway_text[PS_LANG_COUNT] = {
    [PS_LANG_EN] = "stopped at tick {a}: {proc b} ran more than " PS_RUNAWAY_OPS_TEXT
                   " ops that take no time in one instant (a loop that never blocks and never "
                   "uses the CPU); give its loop a cpu op, or fewer rounds",
    [PS_LANG_KO] = "{a}틱에서 멈춤: {proc b}가 한 순간에 시간이 들지 않는 op를 " PS_RUNAWAY_OPS_TEXT
                   "개 넘게 실행했습니다 (대기하지도 CPU를 쓰지도 않는 루프). 루프에 cpu op를 "
                   "넣거나 반복 횟수를 줄이세요",
};

/* ...and of the endless run: {a} the tick, {b} the limit (rule L6). */
static const char *const endless_text[PS_LANG_COUNT] = {
    [PS_LANG_EN] = "stopped at tick {a} after {b} instants, the most a run takes: it may "
                   "never end (a loop that never ends?)",
    [PS_LANG_KO] = "{a}틱에서 멈춤: 한 실행의 최대인 {b}번의 순간이 지났습니다. 끝나지 "
                   "않는 실행일 수 있습니다 (끝나지 않는 루프?)",
};

uint32_t ps_engine_runaway(const ps_engine *e)
{
    return e->runaway;
}

uint64_t ps_engine_instant_limit(const ps_engine *e)
{
    if (e->instant_limit)
        return e->instant_limit;
    uint64_t per = (uint64_t)e->n * PS_INSTANTS_PER_PROCESS;
    return per > PS_MAX_INSTANTS ? per : PS_MAX_INSTANTS;
}

void ps_engine_set_instant_limit(ps_engine *e, uint64_t limit)
{
    ps__enter(e);
    e->instant_limit = limit;
}

char *ps_engine_runaway_text(const ps_engine *e, ps_lang lang, char *buf, size_t size)
{
    if (!size)
        return buf;
    bool cut = false;
    unsigned l = (unsigned)lang < PS_LANG_COUNT ? (unsigned)lang : PS_LANG_EN;
    char *end = buf;
    if (e->runaway)
        end = ps__template_put(e, runaway_text[l], e->now, e->runaway, buf, buf + size - 1, &cut);
    else if (e->endless)
        end = ps__template_put(e, endless_text[l], e->now, (int64_t)ps_engine_instant_limit(e),
                               buf, buf + size - 1, &cut);
    *end = '\0';
    if (cut && size > 4)
        memcpy(ps__whole_characters(buf, buf + size - 4), "...", 4);
    return buf;
}
