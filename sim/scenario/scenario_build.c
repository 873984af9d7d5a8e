/* scenario_build.c — a ps_scenario made in code (procsim/scenario_build.h). */
#include "procsim/scenario_build.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "scenario_priv.h"

struct ps_builder {
    ps__arena *arena;      /* becomes the scenario's */
    ps_scenario *s;
    ps__vec procs, ops, devices;
    int nomem;             /* an allocation failed: finish says so */
    int orphan_op;         /* an op came before any process */
};

ps_builder *ps_builder_create(const char *title, const char *description)
{
    ps_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    ps__vec_init(&b->procs, sizeof(ps_proc_spec));
    ps__vec_init(&b->ops, sizeof(ps_op));
    ps__vec_init(&b->devices, sizeof(const char *));
    b->arena = ps__arena_create();
    b->s = b->arena ? ps__arena_alloc(b->arena, sizeof *b->s) : NULL;
    if (!b->s) {
        ps_builder_destroy(b);
        return NULL;
    }
    memset(b->s, 0, sizeof *b->s);
    ps__scenario_defaults(b->s);
    b->s->path = "<built>";
    b->s->title = ps__arena_strndup(b->arena, title, strlen(title));
    b->s->description = ps__arena_strndup(b->arena, description, strlen(description));
    b->s->description_ko = "";
    b->s->arena_ = b->arena;
    if (!b->s->title || !b->s->description) {
        ps_builder_destroy(b);
        return NULL;
    }
    return b;
}

ps_scenario *ps_builder_scenario(ps_builder *b)
{
    return b->s;
}

uint32_t ps_builder_device(ps_builder *b, const char *name)
{
    const char **slot = ps__vec_push(&b->devices);
    char *copy = ps__arena_strndup(b->arena, name, strlen(name));
    if (!slot || !copy) {
        b->nomem = 1;
        return 0;
    }
    *slot = copy;
    return (uint32_t)b->devices.len - 1;
}

void ps_builder_proc(ps_builder *b, const char *name, int64_t arrival)
{
    ps_proc_spec *p = ps__vec_push(&b->procs);
    char *copy = ps__arena_strndup(b->arena, name, strlen(name));
    if (!p || !copy) {
        b->nomem = 1;
        return;
    }
    *p = (ps_proc_spec){.name = copy, .arrival = arrival, .parent = -1,
                        .op_first = (uint32_t)b->ops.len, .tickets = PS_TICKETS_DEFAULT};
}

ps_proc_spec *ps_builder_last_proc(ps_builder *b)
{
    return b->procs.len ? &PS__VEC_AT(&b->procs, ps_proc_spec, b->procs.len - 1) : NULL;
}

void ps_builder_op(ps_builder *b, ps_op_kind kind, uint32_t obj, int64_t n)
{
    if (!b->procs.len) {
        b->orphan_op = 1;
        return;
    }
    ps_op *op = ps__vec_push(&b->ops);
    if (!op) {
        b->nomem = 1;
        return;
    }
    *op = (ps_op){.kind = (uint8_t)kind, .obj = obj, .n = n};
    PS__VEC_AT(&b->procs, ps_proc_spec, b->procs.len - 1).op_count++;
}

/* "scenario builder: " and the message, in both languages (the same
 * arguments for both, checked as ps__ld_failk's are). */
#define fail(err, en, ko, ...) \
    (ps__error_set(err, "scenario builder: " en, "시나리오 빌더: " ko, __VA_ARGS__), -1)
#define fail0(err, en, ko) fail(err, en "%s", ko "%s", "")

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Everything ps_builder_finish promises to refuse (see the header). */
static int check(ps_builder *b, ps_error *err)
{
    const ps_proc_spec *procs = b->procs.data;
    const ps_op *ops = b->ops.data;
    size_t n = b->procs.len;
    if (b->orphan_op)
        return fail0(err, "an op before the first process", "첫 프로세스보다 앞에 연산이 있습니다");
    const char **names = malloc((n + 1) * sizeof *names);
    if (!names)
        return fail0(err, "out of memory", "메모리가 모자랍니다");
    for (size_t i = 0; i < n; i++)
        names[i] = procs[i].name;
    qsort(names, n, sizeof *names, by_name);
    int dup = -1;
    for (size_t i = 0; i < n && dup < 0; i++)
        if (!names[i][0] || (i + 1 < n && !strcmp(names[i], names[i + 1])))
            dup = (int)i;
    int rc = dup < 0 ? 0
             : names[dup][0] ? fail(err, "two processes are named '%s'",
                                    "이름이 '%s'인 프로세스가 둘입니다", names[dup])
                             : fail0(err, "a process has an empty name",
                                     "이름이 빈 프로세스가 있습니다");
    free(names);
    for (size_t i = 0; i < b->ops.len && !rc; i++) {
        const ps__op_shape *sh = ops[i].kind < PS_OP_COUNT ? &ps__op_shapes[ops[i].kind] : NULL;
        if (!sh || (sh->obj != PS__OBJ_NONE && sh->obj != PS__OBJ_DEVICE))
            rc = fail(err, "op %zu: only cpu, io, sleep and exit ops can be built",
                      "연산 %zu: 빌더로 만들 수 있는 연산은 cpu, io, sleep, exit뿐입니다", i);
        else if (sh->obj == PS__OBJ_DEVICE && ops[i].obj >= b->devices.len)
            rc = fail(err, "op %zu: device %" PRIu32 " was not declared",
                      "연산 %zu: 장치 %" PRIu32 "은(는) 선언되지 않았습니다", i, ops[i].obj);
        else if (ops[i].n < 0 || ops[i].n > PS_BUILD_MAX_NUMBER ||
                 (ops[i].kind == PS_OP_EXIT && ops[i].n > sh->max))
            rc = fail(err, "op %zu (%s): %" PRId64 " is out of range",
                      "연산 %zu (%s): %" PRId64 "은(는) 범위를 벗어납니다", i,
                      ps_op_token((ps_op_kind)ops[i].kind), ops[i].n);
    }
    return rc;
}

ps_scenario *ps_builder_finish(ps_builder *b, ps_error *err)
{
    if (b->nomem || check(b, err)) {
        if (b->nomem)
            (void)fail0(err, "out of memory", "메모리가 모자랍니다");
        ps_builder_destroy(b);
        return NULL;
    }
    ps_scenario *s = b->s;
    s->nprocs = (uint32_t)b->procs.len;
    s->nops = (uint32_t)b->ops.len;
    s->devices.count = (uint32_t)b->devices.len;
    s->procs = ps__vec_finish(&b->procs, b->arena);
    s->ops = ps__vec_finish(&b->ops, b->arena);
    s->devices.names = ps__vec_finish(&b->devices, b->arena);
    free(b); /* the arena is the scenario's now */
    return s;
}

void ps_builder_destroy(ps_builder *b)
{
    if (!b)
        return;
    ps__vec_fini(&b->procs);
    ps__vec_fini(&b->ops);
    ps__vec_fini(&b->devices);
    ps__arena_destroy(b->arena);
    free(b);
}
