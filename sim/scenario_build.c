/* scenario_build.c — a ps_scenario made in code (see scenario_build.h). */
#include "scenario_build.h"

#include <string.h>

#include "scenario_priv.h"

int ps__build_begin(ps__build *b, const char *title, const char *description)
{
    memset(b, 0, sizeof *b);
    ps__vec_init(&b->procs, sizeof(ps_proc_spec));
    ps__vec_init(&b->ops, sizeof(ps_op));
    ps__vec_init(&b->devices, sizeof(const char *));
    b->arena = ps__arena_create();
    b->s = b->arena ? ps__arena_alloc(b->arena, sizeof *b->s) : NULL;
    if (!b->s)
        return -1;
    memset(b->s, 0, sizeof *b->s);
    ps__scenario_defaults(b->s);
    b->s->path = "<ostep>";
    b->s->title = ps__arena_strndup(b->arena, title, strlen(title));
    b->s->description = ps__arena_strndup(b->arena, description, strlen(description));
    b->s->description_ko = "";
    b->s->arena_ = b->arena;
    return b->s->title && b->s->description ? 0 : -1;
}

uint32_t ps__build_device(ps__build *b, const char *name)
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

void ps__build_proc(ps__build *b, const char *name, int64_t arrival)
{
    ps_proc_spec *p = ps__vec_push(&b->procs);
    char *copy = ps__arena_strndup(b->arena, name, strlen(name));
    if (!p || !copy) {
        b->nomem = 1;
        return;
    }
    *p = (ps_proc_spec){.name = copy, .arrival = arrival, .parent = -1,
                        .op_first = (uint32_t)b->ops.len};
}

void ps__build_op(ps__build *b, ps_op_kind kind, uint32_t obj, int64_t n)
{
    ps_op *op = ps__vec_push(&b->ops);
    if (!op || !b->procs.len) {
        b->nomem = 1;
        return;
    }
    *op = (ps_op){.kind = (uint8_t)kind, .obj = obj, .n = n};
    PS__VEC_AT(&b->procs, ps_proc_spec, b->procs.len - 1).op_count++;
}

ps_scenario *ps__build_finish(ps__build *b)
{
    ps_scenario *s = b->s;
    if (b->nomem || !s) {
        ps__build_abort(b);
        return NULL;
    }
    s->nprocs = (uint32_t)b->procs.len;
    s->nops = (uint32_t)b->ops.len;
    s->devices.count = (uint32_t)b->devices.len;
    s->procs = ps__vec_finish(&b->procs, b->arena);
    s->ops = ps__vec_finish(&b->ops, b->arena);
    s->devices.names = ps__vec_finish(&b->devices, b->arena);
    return s;
}

void ps__build_abort(ps__build *b)
{
    ps__vec_fini(&b->procs);
    ps__vec_fini(&b->ops);
    ps__vec_fini(&b->devices);
    ps__arena_destroy(b->arena);
    memset(b, 0, sizeof *b);
}
