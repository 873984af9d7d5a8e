/* scenario_copies.c — `copies: N | auto` on a process entry
 * (docs/scenario-format.md §5a): the entry stands for N processes named
 * NAME-1 .. NAME-N, in its place in the file (pids follow), with its
 * settings and its one program, which they share.  In its parent's
 * program `spawn NAME`, `wait NAME` and `kill NAME` stand for one op per
 * copy, in order (Python's list of Process objects started, joined and
 * terminated in a loop).  Anything else that names a process needs one
 * process: it names a copy, and naming the group there is an error.
 *
 * While reading, an entry with copies is one process, named NAME, so
 * that the checks of references work as for any process; `auto` is the
 * system's cpus, known only once the whole file is read.  Before the
 * names are resolved the entries are laid out as processes
 * (ps__ld_copies); after the checks, the group ops are expanded
 * (ps__ld_copies_ops). */
#include "loader.h"

#include <stdlib.h>
#include <string.h>

static ps_proc_spec *proc(ps__loader *ld, uint32_t i)
{
    return &PS__VEC_AT(&ld->procs, ps_proc_spec, i);
}

bool ps__ld_copies_value(ps__loader *ld, uint32_t self)
{
    static const ps__numspec spec = {"copies", PS__NO_TEXT,
                                     {"an integer (how many processes) or auto",
                                      "정수(프로세스 개수) 또는 auto"},
                                     1, PS_COPIES_MAX, PS__NO_TEXT};
    ps__group_ref *g = ps__vec_push(&ld->groups);
    if (!g)
        return ps__ld_oom(ld);
    *g = (ps__group_ref){self, ps__ld_here(ld)};
    if (ps__ld_type(ld) == YAML_SCALAR_EVENT &&
        ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && ps__ld_length(ld) == 4 &&
        memcmp(ps__ld_text(ld), "auto", 4) == 0) {
        proc(ld, self)->copies_auto = 1;
        return true;
    }
    int64_t v;
    if (!ps__ld_int(ld, &spec, &v))
        return false;
    proc(ld, self)->copies = (uint16_t)v;
    return true;
}

bool ps__ld_copies_check(ps__loader *ld, uint32_t self)
{
    const ps_proc_spec *p = proc(ld, self);
    if (!p->copies && !p->copies_auto)
        return true;
    size_t first = ld->op_refs.len; /* this entry's op_refs are the last ones */
    while (first && PS__VEC_AT(&ld->op_refs, ps__op_ref, first - 1).owner == self)
        first--;
    if (first == ld->op_refs.len)
        return true;
    const ps__op_ref *r = &PS__VEC_AT(&ld->op_refs, ps__op_ref, first);
    const char *tok = ps_op_token((ps_op_kind)PS__VEC_AT(&ld->ops, ps_op, r->op).kind);
    return ps__ld_failk(ld, r->at, "%s: '%s' has copies, so every copy would run this op; a "
                        "process with copies does not spawn, wait for, kill or ask about "
                        "children", "%s: '%s'에는 copies가 있어서 모든 사본이 이 연산을 "
                        "실행하게 됩니다; copies가 있는 프로세스는 자식을 spawn하거나 "
                        "기다리거나 kill하거나 자식에 대해 묻지 않습니다", tok, p->name);
}

/* The copies of entry `e` into `out`, their names checked. */
static bool lay_out(ps__loader *ld, uint32_t e, const ps__mark *at, ps__vec *out,
                    ps__intern *names)
{
    const ps_proc_spec *p = proc(ld, e);
    for (uint32_t k = 1; k <= p->copies; k++) {
        char name[PS__NAME_MAX_BYTES + 16];
        int n = snprintf(name, sizeof name, "%s-%u", p->name, k);
        if (ps__name_chars(name, (size_t)n) > PS__NAME_MAX_CHARS)
            return ps__ld_failk(ld, *at, "copies: the name of copy %u of '%s', '%s', would be "
                                "longer than %d characters; give '%s' a shorter name",
                                "copies: %u번째 사본('%s'의)의 이름 '%s'은(는) %d자보다 "
                                "길어집니다; '%s'에 더 짧은 이름을 주세요", k, p->name, name,
                                PS__NAME_MAX_CHARS, p->name);
        uint32_t clash = ps__intern_find(&ld->proc_names, name, (size_t)n);
        bool added;
        uint32_t i = ps__intern_add(names, ld->arena, name, (size_t)n, *at, &added);
        if (i == PS__NONE)
            return ps__ld_oom(ld);
        if (clash != PS__NONE || !added)
            return ps__ld_failk(ld, *at, "copies: copy %u of '%s' would be named '%s', which "
                                "is already the name of a process (line %u); rename one of "
                                "them", "copies: %u번째 사본('%s'의)의 이름은 '%s'이(가) 되는데, "
                                "이미 프로세스의 이름입니다(%u행); 둘 중 하나의 이름을 바꾸세요",
                                k, p->name, name,
                               clash != PS__NONE ? ps__intern_get(&ld->proc_names, clash)->first.line
                                                 : ps__intern_get(names, i)->first.line);
        ps_proc_spec *q = ps__vec_push(out);
        if (!q)
            return ps__ld_oom(ld);
        *q = *p;
        q->name = ps__intern_get(names, i)->name;
        q->group = p->name;
        q->copy = (uint16_t)k;
    }
    return true;
}

/* Every entry in its place: one process, or its copies.  entry_first
 * maps each entry to its first process. */
static bool lay_out_all(ps__loader *ld, ps__vec *out, ps__intern *names)
{
    const ps__group_ref *g = ld->groups.data;
    for (uint32_t e = 0, gi = 0; e < ld->procs.len; e++) {
        uint32_t *first = ps__vec_push(&ld->entry_first);
        if (!first)
            return ps__ld_oom(ld);
        *first = (uint32_t)out->len;
        if (gi < ld->groups.len && g[gi].proc == e) {
            if (proc(ld, e)->copies_auto) /* one per CPU, at most PS_COPIES_MAX */
                proc(ld, e)->copies = (uint16_t)(ld->s->cpus < PS_COPIES_MAX ? ld->s->cpus
                                                                            : PS_COPIES_MAX);
            if (!lay_out(ld, e, &g[gi++].at, out, names))
                return false;
            continue;
        }
        const ps__name *nm = ps__intern_get(&ld->proc_names, e);
        bool added;
        ps_proc_spec *q = ps__vec_push(out);
        if (!q || ps__intern_add(names, ld->arena, nm->name, nm->len, nm->first, &added) ==
                      PS__NONE)
            return ps__ld_oom(ld);
        *q = *proc(ld, e);
    }
    return true;
}

/* The records holding entry indices, moved to process indices; a
 * group's parent, once per copy. */
static bool move_refs(ps__loader *ld)
{
    const uint32_t *first = ld->entry_first.data;
    for (size_t i = 0; i < ld->op_refs.len; i++) {
        ps__op_ref *r = &PS__VEC_AT(&ld->op_refs, ps__op_ref, i);
        r->owner = first[r->owner];
    }
    for (size_t i = 0; i < ld->mem_peaks.len; i++) {
        ps__mem_peak *m = &PS__VEC_AT(&ld->mem_peaks, ps__mem_peak, i);
        m->proc = first[m->proc];
    }
    ps__vec parents;
    ps__vec_init(&parents, sizeof(ps__parent_ref));
    for (size_t i = 0; i < ld->parent_refs.len; i++) {
        ps__parent_ref r = PS__VEC_AT(&ld->parent_refs, ps__parent_ref, i);
        uint32_t n = PS__VEC_AT(&ld->procs, ps_proc_spec, first[r.proc]).copies;
        for (uint32_t k = 0; k < (n ? n : 1); k++) {
            ps__parent_ref *slot = ps__vec_push(&parents);
            if (!slot) {
                ps__vec_fini(&parents);
                return ps__ld_oom(ld);
            }
            *slot = (ps__parent_ref){first[r.proc] + k, r.at};
        }
    }
    ps__vec_fini(&ld->parent_refs);
    ld->parent_refs = parents;
    return true;
}

bool ps__ld_copies(ps__loader *ld)
{
    if (ld->groups.len == 0)
        return true;
    ps__vec out;
    ps__intern names;
    ps__vec_init(&out, sizeof(ps_proc_spec));
    ps__intern_init(&names);
    if (!lay_out_all(ld, &out, &names)) {
        ps__vec_fini(&out);
        ps__intern_fini(&names);
        return false;
    }
    ps__vec_fini(&ld->procs);
    ld->procs = out;
    ps__intern_fini(&ld->entry_names);
    ld->entry_names = ld->proc_names;
    ld->proc_names = names;
    static const ps__mark nowhere = {0, 0};
    return ld->procs.len < INT32_MAX ? move_refs(ld)
                                     : ps__ld_failk(ld, nowhere, "processes: too many "
                                                    "processes (at most %d)", "processes: "
                                                    "프로세스가 너무 많습니다(최대 %d개)",
                                                    INT32_MAX);
}

uint32_t ps__ld_group(const ps__loader *ld, const char *name, size_t len, uint32_t *count)
{
    uint32_t e = ld->groups.len ? ps__intern_find(&ld->entry_names, name, len) : PS__NONE;
    if (e == PS__NONE)
        return PS__NONE;
    uint32_t first = PS__VEC_AT(&ld->entry_first, uint32_t, e);
    const ps_proc_spec *p = &PS__VEC_AT(&ld->procs, ps_proc_spec, first);
    if (!p->group)
        return PS__NONE;
    *count = p->copies;
    return first;
}

const char *ps__ld_group_names(const ps__loader *ld, uint32_t first, char *buf, size_t size)
{
    const ps_proc_spec *p = &PS__VEC_AT(&ld->procs, ps_proc_spec, first);
    if (p->copies == 1)
        snprintf(buf, size, "%s", p->name);
    else
        snprintf(buf, size, "%s%s%s", p->name, p->copies == 2 ? ", " : " ... ",
                 PS__VEC_AT(&ld->procs, ps_proc_spec, first + p->copies - 1u).name);
    return buf;
}

/* Process i's program into `out`, each group op once per copy; the
 * program's loops get their new pcs. */
static bool expand(ps__loader *ld, uint32_t i, ps__vec *out)
{
    ps_proc_spec *p = proc(ld, i);
    uint32_t first = (uint32_t)out->len;
    for (uint32_t pc = 0; pc < p->op_count; pc++) {
        ps_op op = PS__VEC_AT(&ld->ops, ps_op, p->op_first + pc);
        uint32_t at = (uint32_t)out->len - first;
        if (op.kind == PS_OP_LOOP || op.kind == PS_OP_FOR_IN)
            PS__VEC_AT(&ld->loops, ps_loop, op.kind == PS_OP_LOOP ? op.obj : (uint32_t)op.n)
                .head = at;
        else if (op.kind == PS_OP_END)
            PS__VEC_AT(&ld->loops, ps_loop, op.obj).end = at;
        uint32_t n = op.flags & PS_OPF_GROUP ? proc(ld, op.obj)->copies : 1;
        for (uint32_t k = 0; k < n; k++, op.obj++) {
            ps_op *slot = ps__vec_push(out);
            if (!slot)
                return ps__ld_oom(ld);
            *slot = op;
        }
    }
    p->op_first = first;
    p->op_count = (uint32_t)out->len - first;
    return true;
}

bool ps__ld_copies_ops(ps__loader *ld)
{
    if (ld->groups.len == 0)
        return true;
    ps__vec out;
    ps__vec_init(&out, sizeof(ps_op));
    for (uint32_t i = 0; i < ld->procs.len; i++) {
        ps_proc_spec *p = proc(ld, i);
        if (p->copy > 1) { /* the program of copy 1 */
            p->op_first = proc(ld, i - 1)->op_first;
            p->op_count = proc(ld, i - 1)->op_count;
        } else if (!expand(ld, i, &out)) {
            ps__vec_fini(&out);
            return false;
        }
    }
    ps__vec_fini(&ld->ops);
    ld->ops = out;
    return true;
}
