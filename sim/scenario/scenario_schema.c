/* scenario_schema.c — the shape of a scenario file (docs/scenario-format.md), one
 * function per mapping or sequence of the schema, reading libyaml events
 * in order and storing values as they come.  A node of the wrong kind ends
 * the load where it starts, so nesting the schema does not expect is never
 * descended into.  Ops and event actions are parsed in scenario_ops.c. */
#include "loader.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "scenario_priv.h"

#define BIT(k) (1u << (k))
#define MAXN PS_SCENARIO_MAX_NUMBER

typedef ps__keyset keyset;
enum { KEY_END = PS__KEY_END, KEY_ERROR = PS__KEY_ERROR };

static yaml_event_type_t type(const ps__loader *ld)
{
    return ld->ev.type;
}

static const char *text(const ps__loader *ld)
{
    return (const char *)ld->ev.data.scalar.value;
}

static size_t length(const ps__loader *ld)
{
    return ld->ev.data.scalar.length;
}

int ps__ld_key(ps__loader *ld, const keyset *ks, ps__mark *seen)
{
    for (;;) {
        if (!ps__ld_next(ld))
            return KEY_ERROR;
        if (type(ld) == YAML_MAPPING_END_EVENT)
            return KEY_END;
        ps__mark at = ps__ld_here(ld);
        if (type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld)) {
            ps__ld_expected(ld, ks->where, "a key");
            return KEY_ERROR;
        }
        int k = ps__ld_token(ld, ks->where, "key", "keys", ks->keys, ks->count, text(ld),
                             length(ld), at);
        if (k < 0)
            return KEY_ERROR;
        if (seen[k].line) {
            ps__ld_fail(ld, at, "%s: duplicate key '%s' (first given at line %u)",
                        ks->where, ks->keys[k], seen[k].line);
            return KEY_ERROR;
        }
        seen[k] = at;
        if (!ps__ld_next(ld))
            return KEY_ERROR;
        if (!ps__ld_is_null(ld) || (ks->required & BIT(k)))
            return k;
    }
}

bool ps__ld_required(ps__loader *ld, const keyset *ks, const ps__mark *seen, ps__mark start)
{
    char need[128] = "";
    size_t o = 0;
    for (unsigned k = 0; k < ks->count; k++)
        if (ks->required & BIT(k))
            o += (size_t)snprintf(need + o, sizeof need - o, "%s%s", o ? ", " : "",
                                  ks->keys[k]);
    for (unsigned k = 0; k < ks->count; k++)
        if ((ks->required & BIT(k)) && !seen[k].line)
            return ps__ld_fail(ld, start, "%s: missing key '%s' (required keys: %s)",
                               ks->where, ks->keys[k], need);
    return true;
}

/* --- system --- */

enum { S_CPUS, S_MEMORY, S_POLICY, S_QUANTUM, S_SWITCH_COST, S_TICK_MS,
       S_MLFQ_LEVELS, S_MLFQ_BOOST, S_MLFQ_QUANTA, S_MLFQ_ALLOTMENTS, S_MLFQ_STAY,
       S_MLFQ_IO_BUMP, S_SWITCH, S_IO_DONE, S_COUNT };
static const char *const system_keys[S_COUNT] = {
    "cpus", "memory", "policy", "quantum", "switch_cost", "tick_ms",
    "mlfq_levels", "mlfq_boost", "mlfq_quanta", "mlfq_allotments", "mlfq_stay",
    "mlfq_io_bump", "switch", "io_done"};
static const keyset system_set = {"system", system_keys, S_COUNT, 0};

/* A numeric macro's value as a string literal. */
#define DECIMAL_(n) #n
#define DECIMAL(n) DECIMAL_(n)

/* The numeric settings: what each means and where it goes. */
static const struct {
    ps__numspec spec;
    size_t offset;              /* into ps_scenario */
    bool is32;                  /* an int32_t field, else int64_t */
} settings[S_COUNT] = {
    [S_CPUS] = {{"cpus", NULL, "an integer (CPUs)", 1, 1024, NULL},
                offsetof(ps_scenario, cpus), true},
    [S_MEMORY] = {{"memory", NULL, "an integer (memory units)", 1, MAXN,
                   " (leave memory out for unlimited memory)"},
                  offsetof(ps_scenario, memory), false},
    [S_QUANTUM] = {{"quantum", NULL, "an integer (ticks)", 1, MAXN, NULL},
                   offsetof(ps_scenario, quantum), false},
    [S_SWITCH_COST] = {{"switch_cost", NULL, "an integer (ticks)", 0, MAXN, NULL},
                       offsetof(ps_scenario, switch_cost), false},
    [S_TICK_MS] = {{"tick_ms", NULL, "an integer (milliseconds)", PS_TICK_MS_MIN,
                    PS_TICK_MS_MAX, " (milliseconds per tick, from " DECIMAL(PS_TICK_MS_MIN)
                    " to " DECIMAL(PS_TICK_MS_MAX) ")"},
                   offsetof(ps_scenario, tick_ms), false},
    [S_MLFQ_LEVELS] = {{"mlfq_levels", NULL, "an integer (queues)", 1, 64, NULL},
                       offsetof(ps_scenario, mlfq_levels), true},
    [S_MLFQ_BOOST] = {{"mlfq_boost", NULL, "an integer (ticks; 0 for never)", 0, MAXN,
                       NULL},
                      offsetof(ps_scenario, mlfq_boost), false},
};

/* The current scalar as one of tokens[0..count); -1 after an error. */
static int parse_token(ps__loader *ld, const char *key, const char *what,
                       const char *whats, const char *const *tokens, unsigned count)
{
    if (type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld)) {
        char want[192], list[160];
        snprintf(want, sizeof want, "one of %s",
                 ps__join(tokens, count, count, list, sizeof list));
        ps__ld_expected(ld, key, want);
        return -1;
    }
    return ps__ld_token(ld, key, what, whats, tokens, count, text(ld), length(ld),
                        ps__ld_here(ld));
}

static bool parse_policy(ps__loader *ld)
{
    const char *tokens[PS_POLICY_COUNT];
    for (int p = 0; p < PS_POLICY_COUNT; p++)
        tokens[p] = ps_policy_token((ps_policy)p);
    int p = parse_token(ld, "policy", "policy", "policies", tokens, PS_POLICY_COUNT);
    if (p < 0)
        return false;
    ld->s->policy = (ps_policy)p;
    return true;
}

static bool parse_rule(ps__loader *ld, int key)
{
    const char *tokens[4];
    bool sw = key == S_SWITCH;
    unsigned count = sw ? PS_SWITCH_COUNT : PS_IO_DONE_COUNT;
    for (unsigned r = 0; r < count; r++)
        tokens[r] = sw ? ps_switch_token((ps_switch_rule)r) : ps_io_done_token((ps_io_done_rule)r);
    int r = parse_token(ld, system_keys[key], "rule", "rules", tokens, count);
    if (r < 0)
        return false;
    *(sw ? &ld->s->switch_rule : &ld->s->io_done_rule) = (uint8_t)r;
    return true;
}

static bool parse_bool(ps__loader *ld, const char *key, uint8_t *out)
{
    if (type(ld) == YAML_SCALAR_EVENT && ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
        if (length(ld) == 4 && memcmp(text(ld), "true", 4) == 0)
            return *out = 1, true;
        if (length(ld) == 5 && memcmp(text(ld), "false", 5) == 0)
            return *out = 0, true;
    }
    return ps__ld_expected(ld, key, "true or false");
}

/* mlfq_quanta, mlfq_allotments: one positive integer per level, top first.
 * *count receives how many were given. */
static bool parse_levels(ps__loader *ld, int key, int64_t *out, int32_t *count)
{
    const char *k = system_keys[key];
    if (type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, k, "a sequence of integers, one per level, top first, "
                               "such as [2, 4, 8]");
    ps__numspec spec = {k, NULL, key == S_MLFQ_QUANTA ? "an integer (ticks)"
                                                     : "an integer (quanta)",
                        1, PS_SCENARIO_MAX_NUMBER, NULL};
    *count = 0;
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (type(ld) == YAML_SEQUENCE_END_EVENT)
            break;
        if (*count == PS_MLFQ_MAX_LEVELS)
            return ps__ld_fail(ld, ps__ld_here(ld), "%s: too many levels; at most %d", k,
                               PS_MLFQ_MAX_LEVELS);
        if (!ps__ld_int(ld, &spec, &out[(*count)++]))
            return false;
    }
    return *count ? true : ps__ld_fail(ld, ps__ld_here(ld), "%s: expected at least one "
                                       "level, got an empty sequence", k);
}

/* After the whole system mapping: settings that go together. */
static bool check_system(ps__loader *ld, const ps__mark *seen, int32_t nquanta,
                         int32_t nallot)
{
    ps_scenario *s = ld->s;
    static const struct {
        int key;
        unsigned uses;
    } owned[] = {
        {S_SWITCH, PS_USES_OSTEP}, {S_IO_DONE, PS_USES_OSTEP},
        {S_MLFQ_LEVELS, PS_USES_MLFQ}, {S_MLFQ_BOOST, PS_USES_MLFQ},
        {S_MLFQ_QUANTA, PS_USES_MLFQ}, {S_MLFQ_ALLOTMENTS, PS_USES_MLFQ},
        {S_MLFQ_STAY, PS_USES_MLFQ}, {S_MLFQ_IO_BUMP, PS_USES_MLFQ},
    };
    for (unsigned i = 0; i < sizeof owned / sizeof *owned; i++) {
        if (!seen[owned[i].key].line || (ps_policy_uses(s->policy) & owned[i].uses))
            continue;
        const char *users[PS_POLICY_COUNT];
        unsigned n = 0;
        for (int p = 0; p < PS_POLICY_COUNT; p++)
            if (ps_policy_uses((ps_policy)p) & owned[i].uses)
                users[n++] = ps_policy_token((ps_policy)p);
        char list[128];
        return ps__ld_fail(ld, seen[owned[i].key], "%s: applies only to polic%s %s (the "
                           "policy is %s)", system_keys[owned[i].key], n == 1 ? "y" : "ies",
                           ps__join(users, n, n, list, sizeof list),
                           ps_policy_token(s->policy));
    }
    if (nquanta) {
        if (seen[S_MLFQ_LEVELS].line && nquanta != s->mlfq_levels)
            return ps__ld_fail(ld, seen[S_MLFQ_QUANTA], "mlfq_quanta: %d levels given, but "
                               "mlfq_levels is %d; give one quantum per level",
                               (int)nquanta, (int)s->mlfq_levels);
        s->mlfq_levels = nquanta;
    }
    if (nallot && nallot != s->mlfq_levels)
        return ps__ld_fail(ld, seen[S_MLFQ_ALLOTMENTS], "mlfq_allotments: %d levels given, "
                           "but there are %d; give one allotment per level", (int)nallot,
                           (int)s->mlfq_levels);
    for (int32_t l = nquanta; l < s->mlfq_levels; l++)
        s->mlfq_quanta[l] = s->quantum;
    for (int32_t l = nallot; l < s->mlfq_levels; l++)
        s->mlfq_allotments[l] = 1;
    return true;
}

static bool parse_system(ps__loader *ld)
{
    if (type(ld) != YAML_MAPPING_START_EVENT)
        return ps__ld_expected(ld, "system", "a mapping of settings such as "
                               "{cpus: 2, policy: rr}");
    ps__mark seen[S_COUNT] = {{0, 0}};
    int32_t nquanta = 0, nallot = 0;
    for (;;) {
        int k = ps__ld_key(ld, &system_set, seen);
        if (k == KEY_END)
            return check_system(ld, seen, nquanta, nallot);
        if (k == KEY_ERROR)
            return false;
        bool ok = true;
        switch (k) {
        case S_POLICY: ok = parse_policy(ld); break;
        case S_SWITCH:
        case S_IO_DONE: ok = parse_rule(ld, k); break;
        case S_MLFQ_STAY: ok = parse_bool(ld, "mlfq_stay", &ld->s->mlfq_stay); break;
        case S_MLFQ_IO_BUMP: ok = parse_bool(ld, "mlfq_io_bump", &ld->s->mlfq_io_bump); break;
        case S_MLFQ_QUANTA: ok = parse_levels(ld, k, ld->s->mlfq_quanta, &nquanta); break;
        case S_MLFQ_ALLOTMENTS:
            ok = parse_levels(ld, k, ld->s->mlfq_allotments, &nallot);
            break;
        default: goto number;
        }
        if (!ok)
            return false;
        continue;
    number:;
        int64_t v;
        if (!ps__ld_int(ld, &settings[k].spec, &v))
            return false;
        char *field = (char *)ld->s + settings[k].offset;
        if (settings[k].is32)
            *(int32_t *)(void *)field = (int32_t)v;
        else
            *(int64_t *)(void *)field = v;
    }
}

/* --- devices --- */

/* Interns the current scalar, a name, into `t`; it must be new there.
 * `what` names its kind in messages ("device"). */
static bool intern_new(ps__loader *ld, ps__intern *t, const char *subject,
                       const char *what, bool process, uint32_t *index)
{
    bool added;
    if (!ps__ld_name_value(ld, subject, process))
        return false;
    *index = ps__intern_add(t, ld->arena, text(ld), length(ld), ps__ld_here(ld), &added);
    if (*index == PS__NONE)
        return ps__ld_oom(ld);
    if (!added)
        return ps__ld_fail(ld, ps__ld_here(ld), "%s: duplicate %s name '%s' (first given "
                           "at line %u); %s names must be unique", subject, what, text(ld),
                           ps__intern_get(t, *index)->first.line, what);
    return true;
}

static bool parse_devices(ps__loader *ld)
{
    if (type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "devices", "a sequence of device names such as "
                               "[disk, net]");
    ld->devices_given = true;
    for (;;) {
        uint32_t i;
        if (!ps__ld_next(ld))
            return false;
        if (type(ld) == YAML_SEQUENCE_END_EVENT)
            return true;
        if (!intern_new(ld, &ld->devices, "devices", "device", false, &i))
            return false;
    }
}

/* --- processes --- */

enum { P_NAME, P_ARRIVAL, P_PRIORITY, P_MEMORY, P_PARENT, P_PROGRAM, P_COUNT };
static const char *const process_keys[P_COUNT] = {
    "name", "arrival", "priority", "memory", "parent", "program"};
static const keyset process_set = {"process", process_keys, P_COUNT, BIT(P_NAME)};

static const ps__numspec arrival_spec = {"arrival", NULL, "an integer (a tick)", 0, MAXN,
                                         NULL};
static const ps__numspec priority_spec = {"priority", NULL,
                                          "an integer (smaller is more urgent)", 0, MAXN,
                                          NULL};
static const ps__numspec memory_spec = {"memory", NULL, "an integer (memory units)", 0,
                                        MAXN, NULL};

static ps_proc_spec *proc(ps__loader *ld, uint32_t i)
{
    return &PS__VEC_AT(&ld->procs, ps_proc_spec, i);
}

static bool parse_program(ps__loader *ld, uint32_t self)
{
    if (type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "program", "a sequence of ops such as [cpu 3, io disk 2]");
    size_t first = ld->ops.len;
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (type(ld) == YAML_SEQUENCE_END_EVENT)
            break;
        if (type(ld) == YAML_MAPPING_START_EVENT)
            return ps__ld_fail(ld, ps__ld_here(ld), "program: expected an op such as "
                               "'cpu 3', got a mapping (write '- cpu 3', not '- cpu: 3')");
        if (type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld))
            return ps__ld_expected(ld, "program", "an op such as 'cpu 3'");
        if (!ps__ld_op(ld, self))
            return false;
    }
    proc(ld, self)->op_first = (uint32_t)first;
    proc(ld, self)->op_count = (uint32_t)(ld->ops.len - first);
    return true;
}

static bool parse_name(ps__loader *ld, uint32_t self)
{
    uint32_t i;
    if (!intern_new(ld, &ld->proc_names, "name", "process", true, &i))
        return false;
    assert(i == self); /* every process before this one has its name */
    proc(ld, self)->name = ps__intern_get(&ld->proc_names, i)->name;
    return true;
}

static bool parse_parent(ps__loader *ld, uint32_t self)
{
    if (!ps__ld_name_value(ld, "parent", true))
        return false;
    bool added;
    ps__mark at = ps__ld_here(ld);
    uint32_t ref = ps__intern_add(&ld->proc_refs, ld->arena, text(ld), length(ld), at,
                                  &added);
    ps__parent_ref *pr = ref == PS__NONE ? NULL : ps__vec_push(&ld->parent_refs);
    if (!pr)
        return ps__ld_oom(ld);
    *pr = (ps__parent_ref){self, at};
    proc(ld, self)->parent = (int32_t)ref; /* resolved in scenario_check.c */
    return true;
}

static bool parse_memory(ps__loader *ld, uint32_t self)
{
    int64_t v;
    if (!ps__ld_int(ld, &memory_spec, &v))
        return false;
    proc(ld, self)->memory = v;
    if (v > ld->mem_max) {
        ps__mem_peak *pk = ps__vec_push(&ld->mem_peaks);
        if (!pk)
            return ps__ld_oom(ld);
        *pk = (ps__mem_peak){v, self, ps__ld_here(ld)};
        ld->mem_max = v;
    }
    return true;
}

static bool parse_process(ps__loader *ld)
{
    ps__mark start = ps__ld_here(ld), seen[P_COUNT] = {{0, 0}};
    uint32_t self = (uint32_t)ld->procs.len;
    if (self >= INT32_MAX)
        return ps__ld_fail(ld, start, "processes: too many processes (at most %d)",
                           INT32_MAX);
    if (!ps__vec_push(&ld->procs))
        return ps__ld_oom(ld);
    proc(ld, self)->parent = -1;
    bool arrival = false, ok = true;
    for (;;) {
        int k = ps__ld_key(ld, &process_set, seen);
        int64_t v;
        if (k == KEY_ERROR)
            return false;
        if (k == KEY_END)
            break;
        switch (k) {
        case P_NAME: ok = parse_name(ld, self); break;
        case P_ARRIVAL:
            ok = ps__ld_int(ld, &arrival_spec, &proc(ld, self)->arrival);
            arrival = true;
            break;
        case P_PRIORITY:
            if ((ok = ps__ld_int(ld, &priority_spec, &v)))
                proc(ld, self)->priority = (int32_t)v;
            break;
        case P_MEMORY: ok = parse_memory(ld, self); break;
        case P_PARENT: ok = parse_parent(ld, self); break;
        case P_PROGRAM: ok = parse_program(ld, self); break;
        }
        if (!ok)
            return false;
    }
    if (!ps__ld_required(ld, &process_set, seen, start))
        return false;
    const ps_proc_spec *p = proc(ld, self);
    if (arrival && p->parent >= 0)
        return ps__ld_fail(ld, seen[P_ARRIVAL], "arrival: process '%s' has a parent ('%s'), "
                           "so it is created when its parent spawns it; remove 'arrival' "
                           "or 'parent'", p->name,
                           ps__intern_get(&ld->proc_refs, (uint32_t)p->parent)->name);
    return true;
}

static bool parse_processes(ps__loader *ld)
{
    ps__mark start = ps__ld_here(ld);
    if (type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "processes", "a sequence of processes");
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (type(ld) == YAML_SEQUENCE_END_EVENT)
            break;
        if (type(ld) != YAML_MAPPING_START_EVENT)
            return ps__ld_expected(ld, "processes", "a process (a mapping with name, "
                                   "program, ...)");
        if (!parse_process(ld))
            return false;
    }
    if (ld->procs.len == 0)
        return ps__ld_fail(ld, start, "processes: expected at least one process, got none");
    return true;
}

/* --- events --- */

enum { E_AT, E_DO, E_COUNT };
static const char *const event_keys[E_COUNT] = {"at", "do"};
static const keyset event_set = {"event", event_keys, E_COUNT, BIT(E_AT) | BIT(E_DO)};
static const ps__numspec at_spec = {"at", NULL, "an integer (a tick)", 0, MAXN, NULL};

static bool parse_event(ps__loader *ld)
{
    ps__mark start = ps__ld_here(ld), seen[E_COUNT] = {{0, 0}};
    uint32_t self = (uint32_t)ld->events.len;
    if (!ps__vec_push(&ld->events) || !ps__vec_push(&ld->event_marks))
        return ps__ld_oom(ld);
    for (;;) {
        int k = ps__ld_key(ld, &event_set, seen);
        if (k == KEY_ERROR)
            return false;
        if (k == KEY_END)
            return ps__ld_required(ld, &event_set, seen, start);
        bool ok;
        if (k == E_AT)
            ok = ps__ld_int(ld, &at_spec, &PS__VEC_AT(&ld->events, ps_event_spec, self).at);
        else if (type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld))
            ok = ps__ld_expected(ld, "do", "an action such as 'suspend editor'");
        else
            ok = ps__ld_action(ld, self);
        if (!ok)
            return false;
    }
}

static bool parse_events(ps__loader *ld)
{
    if (type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "events", "a sequence of events such as "
                        "[{at: 5, do: suspend editor}]");
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (type(ld) == YAML_SEQUENCE_END_EVENT)
            return true;
        if (type(ld) != YAML_MAPPING_START_EVENT)
            return ps__ld_expected(ld, "events", "an event (a mapping with at and do)");
        if (!parse_event(ld))
            return false;
    }
}

/* --- the document --- */

enum { R_PROCSIM, R_TITLE, R_DESCRIPTION, R_DESCRIPTION_KO, R_SYSTEM, R_DEVICES, R_PROCESSES,
       R_EVENTS, R_QUESTIONS, R_COUNT };
static const char *const root_keys[R_COUNT] = {
    "procsim", "title", "description", "description_ko", "system", "devices", "processes",
    "events", "questions"};
static const keyset root_set = {"scenario", root_keys, R_COUNT,
                                BIT(R_PROCSIM) | BIT(R_TITLE) | BIT(R_PROCESSES)};

static bool parse_root(ps__loader *ld)
{
    ps__mark start = ps__ld_here(ld), seen[R_COUNT] = {{0, 0}};
    ps_scenario *s = ld->s;
    ld->in_root = true;
    for (;;) {
        int k = ps__ld_key(ld, &root_set, seen);
        if (k == KEY_ERROR)
            return false;
        if (k == KEY_END)
            break;
        bool ok = false;
        switch (k) {
        case R_PROCSIM:
            ld->version_seen = true;
            ok = ps__ld_version(ld);
            break;
        case R_TITLE: ok = ps__ld_string(ld, "title", true, &s->title); break;
        case R_DESCRIPTION:
            ok = ps__ld_string(ld, "description", false, &s->description);
            break;
        case R_DESCRIPTION_KO:
            ok = ps__ld_string(ld, "description_ko", false, &s->description_ko);
            break;
        case R_SYSTEM: ok = parse_system(ld); break;
        case R_DEVICES: ok = parse_devices(ld); break;
        case R_PROCESSES: ok = parse_processes(ld); break;
        case R_EVENTS: ok = parse_events(ld); break;
        case R_QUESTIONS: ok = ps__ld_questions(ld); break;
        }
        if (!ok)
            return false;
    }
    ld->in_root = false;
    return ps__ld_required(ld, &root_set, seen, start);
}

void ps__scenario_defaults(ps_scenario *s)
{
    s->description = "";
    s->description_ko = "";
    s->cpus = 1;
    s->memory = PS_UNLIMITED;
    s->policy = PS_POLICY_FCFS;
    s->quantum = 4;
    s->switch_cost = 0;
    s->tick_ms = 100;
    s->mlfq_levels = 3;
    s->mlfq_boost = 0;
    for (int l = 0; l < PS_MLFQ_MAX_LEVELS; l++) {
        s->mlfq_quanta[l] = s->quantum;
        s->mlfq_allotments[l] = 1;
    }
}

bool ps__ld_document(ps__loader *ld)
{
    ps__scenario_defaults(ld->s);
    if (!ps__ld_next(ld) || !ps__ld_next(ld)) /* stream start, document start */
        return false;
    if (type(ld) == YAML_STREAM_END_EVENT)
        return ps__ld_fail(ld, ps__ld_here(ld), "the file holds no scenario (it is empty "
                           "or only comments); expected a mapping with procsim, title "
                           "and processes");
    if (!ps__ld_next(ld))
        return false;
    if (type(ld) != YAML_MAPPING_START_EVENT)
        return ps__ld_expected(ld, NULL, "a scenario (a mapping with procsim, title and "
                               "processes)");
    if (!parse_root(ld) || !ps__ld_next(ld) || !ps__ld_next(ld)) /* document end */
        return false;
    if (type(ld) == YAML_DOCUMENT_START_EVENT)
        return ps__ld_fail(ld, ps__ld_here(ld), "a second YAML document is not allowed; a "
                           "scenario file holds exactly one");
    return true;
}
