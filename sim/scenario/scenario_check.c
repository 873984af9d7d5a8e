/* scenario_check.c — what can only be checked once the whole file has
 * been read, and handing the result over.  In this order, each check
 * reporting its first violation in file order:
 *
 *   1. every device named by an io op is declared;
 *   2. every process name used (parent, spawn, wait, kill, events) exists;
 *   3. no chain of parents is a cycle;
 *   4. spawn, wait and kill name a child of the process running them, a
 *      child is spawned once, and waited for, killed or asked about
 *      (is_alive) only after an earlier op of the same program spawned it;
 *   5. every process with a parent is spawned by it;
 *   6. no process needs more memory than the system has.
 *
 * Then events are sorted by time (stably) and every array moves into the
 * scenario's arena. */
#include "loader.h"

#include <stdlib.h>
#include <string.h>

static ps_proc_spec *procs(ps__loader *ld)
{
    return ld->procs.data;
}

static ps_op *ops(ps__loader *ld)
{
    return ld->ops.data;
}

/* "; did you mean 'x'?" over the names of a table. */
static const char *near_name(const ps__intern *t, const ps__name *word, bool ko, char *buf,
                             size_t size)
{
    ps__near nr;
    ps__near_init(&nr, word->name, word->len);
    for (uint32_t i = 0; i < ps__intern_count(t); i++)
        ps__near_try(&nr, ps__intern_get(t, i)->name);
    return ps__near_text(&nr, ko, buf, size);
}

/* The names of a table joined with ", ", cut short with "...". */
static const char *join_names(const ps__intern *t, char *buf, size_t size)
{
    const char *names[16];
    uint32_t n = ps__intern_count(t) < 16 ? ps__intern_count(t) : 16;
    for (uint32_t i = 0; i < n; i++)
        names[i] = ps__intern_get(t, i)->name;
    return ps__join(names, n, ps__intern_count(t), buf, size);
}

/* Which key or op names a process at `at`: "parent", "spawn", "do"... */
static const char *ref_subject(ps__loader *ld, ps__mark at)
{
    for (size_t i = 0; i < ld->op_refs.len; i++) {
        const ps__op_ref *r = &PS__VEC_AT(&ld->op_refs, ps__op_ref, i);
        if (r->at.line == at.line && r->at.col == at.col)
            return ps_op_token(ops(ld)[r->op].kind);
    }
    for (size_t i = 0; i < ld->event_marks.len; i++) {
        const ps__mark *m = &PS__VEC_AT(&ld->event_marks, ps__mark, i);
        if (m->line == at.line && m->col == at.col)
            return "do";
    }
    return "parent";
}

/* Reports a name used but never defined in `defs`. */
static bool unknown_name(ps__loader *ld, const ps__name *nm, const ps__intern *defs,
                         bool process)
{
    char near[96], near_ko[96], list[256];
    const char *what = process ? "process" : "device", *what_ko = process ? "프로세스" : "장치";
    if (ps__intern_count(defs) == 0) /* only devices can be left empty */
        return ps__ld_failk(ld, nm->first, "io: unknown device '%s'; no devices are "
                            "declared ('devices' is empty)", "io: 알 수 없는 장치 '%s'; 선언된 "
                            "장치가 없습니다('devices'가 비어 있음)", nm->name);
    return ps__ld_failk(ld, nm->first, "%s: unknown %s%.0s '%s'%s%.0s (%s%.0s: %s)",
                        "%s: 알 수 없는 %.0s%s '%s'%.0s%s (%.0s%s: %s)",
                        process ? ref_subject(ld, nm->first) : "io", what, what_ko, nm->name,
                        near_name(defs, nm, false, near, sizeof near),
                        near_name(defs, nm, true, near_ko, sizeof near_ko),
                        process ? "processes" : "devices", what_ko,
                        join_names(defs, list, sizeof list));
}

/* Maps each name of `refs` to its index in `defs` (a process name may
 * also be a group's: its first copy, and group[i] = its copies).  NULL
 * after an error: a name not defined, or out of memory. */
static uint32_t *resolve(ps__loader *ld, const ps__intern *refs, const ps__intern *defs,
                         bool process, uint32_t *group)
{
    uint32_t n = ps__intern_count(refs);
    uint32_t *map = malloc((n ? n : 1) * sizeof *map);
    if (!map) {
        ps__ld_oom(ld);
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) {
        const ps__name *nm = ps__intern_get(refs, i);
        map[i] = ps__intern_find(defs, nm->name, nm->len);
        if (group)
            group[i] = 0;
        if (map[i] == PS__NONE && process)
            map[i] = ps__ld_group(ld, nm->name, nm->len, &group[i]);
        if (map[i] == PS__NONE) {
            unknown_name(ld, nm, defs, process);
            free(map);
            return NULL;
        }
    }
    return map;
}

static bool resolve_devices(ps__loader *ld)
{
    uint32_t *map = resolve(ld, &ld->dev_refs, &ld->devices, false, NULL);
    if (!map)
        return false;
    for (size_t i = 0; i < ld->ops.len; i++)
        if (ops(ld)[i].kind == PS_OP_IO)
            ops(ld)[i].obj = map[ops(ld)[i].obj];
    free(map);
    return true;
}

/* A group named where one process is needed: which copies to name. */
static bool group_error(ps__loader *ld, ps__mark at, const char *subject, uint32_t first,
                        ps__text need)
{
    char list[200];
    const ps_proc_spec *p = &procs(ld)[first];
    return ps__ld_failk(ld, at, "%s: '%s' stands for %u processes (copies: %u), %s; %s%.0s, "
                        "such as '%s'", "%s: '%s'은(는) 프로세스 %u개(copies: %u)인 %s입니다; "
                        "%.0s%s(예: '%s')", subject, p->group, (unsigned)p->copies,
                        (unsigned)p->copies, ps__ld_group_names(ld, first, list, sizeof list),
                        need.en, need.ko, p->name);
}

/* Process references to processes: an op naming a group stands for one
 * op per copy (spawn, wait, kill: PS_OPF_GROUP); is_alive, a parent and
 * an event need one process. */
static bool use_refs(ps__loader *ld, const uint32_t *map, const uint32_t *group)
{
    for (size_t i = 0; i < ld->op_refs.len; i++) {
        ps__op_ref *r = &PS__VEC_AT(&ld->op_refs, ps__op_ref, i);
        ps_op *op = &ops(ld)[r->op];
        uint32_t ref = op->obj;
        op->obj = map[ref];
        if (group[ref] && op->kind == PS_OP_IS_ALIVE)
            return group_error(ld, r->at, "is_alive", map[ref],
                               PS__T("ask about one of them", "그중 하나에 대해 물으세요"));
        if (group[ref]) {
            op->flags |= PS_OPF_GROUP;
            r->count = group[ref];
        }
    }
    for (size_t i = 0; i < ld->parent_refs.len; i++) {
        const ps__parent_ref *r = &PS__VEC_AT(&ld->parent_refs, ps__parent_ref, i);
        ps_proc_spec *p = &procs(ld)[r->proc];
        if (group[p->parent])
            return group_error(ld, r->at, "parent", map[p->parent],
                               PS__T("a parent is one process: name one of them",
                                     "부모는 프로세스 하나입니다: 그중 하나를 쓰세요"));
        p->parent = (int32_t)map[p->parent];
    }
    for (size_t i = 0; i < ld->events.len; i++) {
        ps_event_spec *e = &PS__VEC_AT(&ld->events, ps_event_spec, i);
        if (group[e->target])
            return group_error(ld, PS__VEC_AT(&ld->event_marks, ps__mark, i), "do",
                               map[e->target], PS__T("an event acts on one: name one of them",
                                                     "이벤트는 프로세스 하나에 작용합니다: "
                                                     "그중 하나를 쓰세요"));
        e->target = map[e->target];
    }
    return true;
}

static bool resolve_processes(ps__loader *ld)
{
    uint32_t n = ps__intern_count(&ld->proc_refs);
    uint32_t *group = malloc((n ? n : 1) * sizeof *group);
    if (!group)
        return ps__ld_oom(ld);
    uint32_t *map = resolve(ld, &ld->proc_refs, &ld->proc_names, true, group);
    bool ok = map && use_refs(ld, map, group);
    free(map);
    free(group);
    return ok;
}

static ps__mark parent_mark(ps__loader *ld, uint32_t proc)
{
    for (size_t i = 0; i < ld->parent_refs.len; i++)
        if (PS__VEC_AT(&ld->parent_refs, ps__parent_ref, i).proc == proc)
            return PS__VEC_AT(&ld->parent_refs, ps__parent_ref, i).at;
    return (ps__mark){0, 0};
}

/* Reports the cycle of parents through process j, at the `parent` of the
 * cycle's first process in file order. */
static bool cycle_error(ps__loader *ld, uint32_t j)
{
    const ps_proc_spec *p = procs(ld);
    uint32_t first = j;
    for (uint32_t k = (uint32_t)p[j].parent; k != j; k = (uint32_t)p[k].parent)
        if (k < first)
            first = k;
    char chain[200];
    size_t o = (size_t)snprintf(chain, sizeof chain, "%s", p[first].name);
    uint32_t k = first;
    do {
        k = (uint32_t)p[k].parent;
        if (o + strlen(p[k].name) + 9 >= sizeof chain) {
            snprintf(chain + o, sizeof chain - o, " -> ...");
            break;
        }
        o += (size_t)snprintf(chain + o, sizeof chain - o, " -> %s", p[k].name);
    } while (k != first);
    return ps__ld_failk(ld, parent_mark(ld, first), "parent: the parents of '%s' form a "
                        "cycle (%s); a chain of parents must end at a process without one",
                        "parent: '%s'의 부모들이 고리를 이룹니다(%s); 부모를 따라가면 부모가 "
                        "없는 프로세스에서 끝나야 합니다", p[first].name, chain);
}

static bool check_cycles(ps__loader *ld)
{
    uint32_t n = (uint32_t)ld->procs.len;
    const ps_proc_spec *p = procs(ld);
    uint32_t *walk = calloc(n, sizeof *walk); /* which walk reached a process */
    if (!walk)
        return ps__ld_oom(ld);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j = i;
        while (walk[j] == 0 && p[j].parent >= 0) {
            walk[j] = i + 1;
            j = (uint32_t)p[j].parent;
        }
        if (walk[j] == i + 1) {
            free(walk);
            return cycle_error(ld, j);
        }
        walk[j] = i + 1;
    }
    free(walk);
    return true;
}

static bool child_error(ps__loader *ld, const ps__op_ref *r, uint32_t child)
{
    const ps_proc_spec *p = procs(ld);
    const char *owner = p[r->owner].name, *name = p[child].name;
    ps_op_kind kind = (ps_op_kind)ops(ld)[r->op].kind;
    switch (kind) {
    case PS_OP_SPAWN:
        if (p[child].parent < 0)
            return ps__ld_failk(ld, r->at, "spawn: '%s' has no parent, so '%s' cannot spawn "
                                "it; give '%s' the key 'parent: %s'", "spawn: '%s'에게는 부모가 "
                                "없어서 '%s'이(가) spawn할 수 없습니다; '%s'에 'parent: %s' 키를 "
                                "쓰세요", name, owner, name, owner);
        return ps__ld_failk(ld, r->at, "spawn: '%s' is a child of '%s', so only '%s' can "
                            "spawn it", "spawn: '%s'은(는) '%s'의 자식이므로 '%s'만 spawn할 수 "
                            "있습니다", name, p[p[child].parent].name, p[p[child].parent].name);
    case PS_OP_WAIT:
        return ps__ld_failk(ld, r->at, "wait: '%s' is not a child of '%s'; a process waits "
                            "only for its own children", "wait: '%s'은(는) '%s'의 자식이 "
                            "아닙니다; 프로세스는 자기 자식만 기다립니다", name, owner);
    case PS_OP_KILL:
        return ps__ld_failk(ld, r->at, "kill: '%s' is not a child of '%s'; a process kills "
                            "only its own children (an event can kill any process)",
                            "kill: '%s'은(는) '%s'의 자식이 아닙니다; 프로세스는 자기 자식만 "
                            "kill합니다(이벤트는 어느 프로세스든 kill할 수 있습니다)", name,
                            owner);
    case PS_OP_IS_ALIVE:
        return ps__ld_failk(ld, r->at, "is_alive: '%s' is not a child of '%s'; a process asks "
                            "only about its own children", "is_alive: '%s'은(는) '%s'의 자식이 "
                            "아닙니다; 프로세스는 자기 자식에 대해서만 묻습니다", name, owner);
    case PS_OP_CPU: /* these name no process, so they have no op_ref */
    case PS_OP_IO:
    case PS_OP_SLEEP:
    case PS_OP_SEND:
    case PS_OP_RECV:
    case PS_OP_LOCK:
    case PS_OP_UNLOCK:
    case PS_OP_ADD:
    case PS_OP_EXIT:
    case PS_OP_LOOP:
    case PS_OP_FOR_IN:
    case PS_OP_END:
    case PS_OP_COUNT:
        break;
    }
    return ps__ld_failk(ld, r->at, "%s: '%s' is not a child of '%s'",
                        "%s: '%s'은(는) '%s'의 자식이 아닙니다", ps_op_token(kind), name, owner);
}

/* Op reference i as it names `child` (one of a group's copies, or the
 * one process it names). */
static bool check_child(ps__loader *ld, uint32_t *spawned, uint32_t i, uint32_t child)
{
    const ps_proc_spec *p = procs(ld);
    const ps__op_ref *r = &PS__VEC_AT(&ld->op_refs, ps__op_ref, i);
    const ps_op *op = &ops(ld)[r->op];
    if (p[child].parent != (int32_t)r->owner)
        return child_error(ld, r, child);
    if (op->kind == PS_OP_SPAWN && spawned[child] != PS__NONE)
        return ps__ld_failk(ld, r->at, "spawn: '%s' is already spawned at line %u; a "
                            "child is spawned exactly once", "spawn: '%s'은(는) 이미 %u행에서 "
                            "spawn되었습니다; 자식은 꼭 한 번만 spawn합니다", p[child].name,
                            PS__VEC_AT(&ld->op_refs, ps__op_ref, spawned[child]).at.line);
    if (op->kind == PS_OP_SPAWN)
        spawned[child] = i;
    else if (spawned[child] == PS__NONE)
        return ps__ld_failk(ld, r->at, "%s: '%s' is not spawned by an earlier op of '%s'; "
                            "spawn it before %s%.0s it", "%s: '%s'은(는) '%s'의 앞선 연산으로 "
                            "spawn되지 않았습니다; %.0s%s 전에 spawn하세요",
                            ps_op_token(op->kind), p[child].name, p[r->owner].name,
                            op->kind == PS_OP_WAIT   ? "waiting for"
                            : op->kind == PS_OP_KILL ? "killing"
                                                     : "asking about",
                            op->kind == PS_OP_WAIT   ? "기다리기"
                            : op->kind == PS_OP_KILL ? "kill하기"
                                                     : "묻기");
    return true;
}

static bool check_children(ps__loader *ld, uint32_t *spawned)
{
    const ps_proc_spec *p = procs(ld);
    for (uint32_t i = 0; i < ld->op_refs.len; i++) {
        const ps__op_ref *r = &PS__VEC_AT(&ld->op_refs, ps__op_ref, i);
        for (uint32_t k = 0; k < r->count; k++)
            if (!check_child(ld, spawned, i, ops(ld)[r->op].obj + k))
                return false;
    }
    for (size_t i = 0; i < ld->parent_refs.len; i++) {
        const ps__parent_ref *pr = &PS__VEC_AT(&ld->parent_refs, ps__parent_ref, i);
        const char *child = p[pr->proc].name, *parent = p[p[pr->proc].parent].name;
        if (spawned[pr->proc] == PS__NONE)
            return ps__ld_failk(ld, pr->at, "parent: '%s' never spawns '%s'; add 'spawn %s' "
                                "to the program of '%s'", "parent: '%s'은(는) '%s'을(를) spawn하지 "
                                "않습니다; 'spawn %s'을(를) '%s'의 프로그램에 넣으세요", parent,
                                child, child, parent);
    }
    return true;
}

static bool check_spawns(ps__loader *ld)
{
    uint32_t n = (uint32_t)ld->procs.len;
    uint32_t *spawned = malloc((n ? n : 1) * sizeof *spawned); /* op_refs index */
    if (!spawned)
        return ps__ld_oom(ld);
    for (uint32_t i = 0; i < n; i++)
        spawned[i] = PS__NONE;
    bool ok = check_children(ld, spawned);
    free(spawned);
    return ok;
}

static bool check_memory(ps__loader *ld)
{
    int64_t limit = ld->s->memory;
    for (size_t i = 0; limit != PS_UNLIMITED && i < ld->mem_peaks.len; i++) {
        const ps__mem_peak *pk = &PS__VEC_AT(&ld->mem_peaks, ps__mem_peak, i);
        if (pk->memory > limit)
            return ps__ld_failk(ld, pk->at, "memory: process '%s' needs %lld units, more "
                                "than the system's whole memory of %lld; a process must fit "
                                "in memory", "memory: 프로세스 '%s'에 필요한 %lld 단위는 "
                                "시스템의 전체 메모리 %lld보다 큽니다; 프로세스는 메모리에 "
                                "들어가야 합니다", procs(ld)[pk->proc].name,
                                (long long)pk->memory, (long long)limit);
    }
    return true;
}

typedef struct event_key {
    int64_t at;
    uint32_t index;
} event_key;

static int by_time(const void *a, const void *b)
{
    const event_key *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Events sorted by time, stable in file order, into the arena. */
static bool sort_events(ps__loader *ld)
{
    uint32_t n = (uint32_t)ld->events.len;
    if (n == 0)
        return true;
    event_key *keys = malloc(n * sizeof *keys);
    ps_event_spec *sorted = ps__arena_alloc(ld->arena, n * sizeof *sorted);
    if (!keys || !sorted) {
        free(keys);
        return ps__ld_oom(ld);
    }
    for (uint32_t i = 0; i < n; i++)
        keys[i] = (event_key){PS__VEC_AT(&ld->events, ps_event_spec, i).at, i};
    qsort(keys, n, sizeof *keys, by_time);
    for (uint32_t i = 0; i < n; i++)
        sorted[i] = PS__VEC_AT(&ld->events, ps_event_spec, keys[i].index);
    free(keys);
    ld->s->events = sorted;
    ld->s->nevents = n;
    return true;
}

/* Every variable `variables:` names is one an add uses: a misspelt name
 * would silently leave the real one shared (and make an unused one). */
static bool check_variables(ps__loader *ld)
{
    uint32_t n = (uint32_t)ld->variables.entries.len;
    uint8_t *used = calloc(n + 1, 1);
    if (!used)
        return ps__ld_oom(ld);
    for (size_t i = 0; i < ld->ops.len; i++) {
        const ps_op *op = &PS__VEC_AT(&ld->ops, ps_op, i);
        if (op->kind == PS_OP_ADD && op->obj < n)
            used[op->obj] = 1;
    }
    for (uint32_t v = 0; v < n; v++) {
        if (used[v])
            continue;
        const ps__name *nm = ps__intern_get(&ld->variables, v);
        ps__near nr;
        ps__near_init(&nr, nm->name, nm->len);
        for (uint32_t w = 0; w < n; w++)
            if (used[w])
                ps__near_try(&nr, ps__intern_get(&ld->variables, w)->name);
        char near[160];
        free(used);
        char near_ko[96];
        ps__near_text(&nr, false, near, sizeof near);
        ps__near_text(&nr, true, near_ko, sizeof near_ko);
        return ps__ld_failk(ld, nm->first, "variables: no add op uses '%s'%s%.0s",
                            "variables: '%s'을(를) 쓰는 add 연산이 없습니다%.0s%s", nm->name,
                            near[0] ? near : "; list only variables that an add op uses",
                            near_ko[0] ? near_ko : "; add 연산이 쓰는 변수만 쓰세요");
    }
    free(used);
    return true;
}

/* var_private for every variable: 1 where `variables:` says private. */
static bool export_private(ps__loader *ld)
{
    ps_scenario *s = ld->s;
    uint32_t n = s->variables.count;
    s->var_private = ps__arena_alloc(ld->arena, n ? n : 1);
    if (!s->var_private)
        return false;
    for (uint32_t v = 0; v < n; v++)
        s->var_private[v] = v < ld->var_private.len &&
                            PS__VEC_AT(&ld->var_private, uint8_t, v) == 1;
    return true;
}

static bool hand_over(ps__loader *ld)
{
    ps_scenario *s = ld->s;
    s->path = ps__arena_strndup(ld->arena, ld->name, strlen(ld->name));
    if (!s->path || !ps__intern_export(&ld->devices, ld->arena, &s->devices) ||
        !ps__intern_export(&ld->channels, ld->arena, &s->channels) ||
        !ps__intern_export(&ld->mutexes, ld->arena, &s->mutexes) ||
        !ps__intern_export(&ld->variables, ld->arena, &s->variables) || !export_private(ld) ||
        !sort_events(ld))
        return ps__ld_oom(ld);
    s->nloops = (uint32_t)ld->loops.len;
    s->loops = ps__vec_finish(&ld->loops, ld->arena);
    s->nexprs = (uint32_t)ld->exprs.len;
    s->exprs = ps__vec_finish(&ld->exprs, ld->arena);
    s->nprocs = (uint32_t)ld->procs.len;
    s->procs = ps__vec_finish(&ld->procs, ld->arena);
    s->nops = (uint32_t)ld->ops.len;
    s->ops = ps__vec_finish(&ld->ops, ld->arena);
    s->arena_ = ld->arena;
    return true;
}

bool ps__ld_finish(ps__loader *ld)
{
    bool added;
    if (!ld->devices_given && /* the default: one device, disk */
        ps__intern_add(&ld->devices, ld->arena, "disk", 4, (ps__mark){0, 0}, &added) ==
            PS__NONE)
        return ps__ld_oom(ld);
    return resolve_devices(ld) && ps__ld_sched_finish(ld) && ps__ld_copies(ld) && resolve_processes(ld) &&
           check_cycles(ld) && check_spawns(ld) && check_memory(ld) && check_variables(ld) &&
           ps__ld_finish_questions(ld) && ps__ld_copies_ops(ld) && hand_over(ld);
}
