/* scenario_schema.c — the shape of a scenario file (docs/scenario-format.md), one
 * function per mapping or sequence of the schema, reading libyaml events
 * in order and storing values as they come.  A node of the wrong kind ends
 * the load where it starts, so nesting the schema does not expect is never
 * descended into.  The system: mapping is read in scenario_system.c, ops
 * and event actions in scenario_ops.c. */
#include "loader.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "scenario_priv.h"

#define BIT(k) (1u << (k))
#define MAXN PS_SCENARIO_MAX_NUMBER

typedef ps__keyset keyset;
enum { KEY_END = PS__KEY_END, KEY_ERROR = PS__KEY_ERROR };

int ps__ld_key(ps__loader *ld, const keyset *ks, ps__mark *seen)
{
    for (;;) {
        if (!ps__ld_next(ld))
            return KEY_ERROR;
        if (ps__ld_type(ld) == YAML_MAPPING_END_EVENT)
            return KEY_END;
        ps__mark at = ps__ld_here(ld);
        if (ps__ld_type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld)) {
            ps__ld_expected_in(ld, ks->where, PS__T("a key", "키"));
            return KEY_ERROR;
        }
        int k = ps__ld_token_in(ld, ks->where, PS__T("key", "키"), PS__T("keys", "키"), ks->keys,
                                ks->count, ps__ld_text(ld), ps__ld_length(ld), at);
        if (k < 0)
            return KEY_ERROR;
        if (seen[k].line) {
            ps__ld_failk(ld, at, "%s%.0s: duplicate key '%s' (first given at line %u)",
                         "%.0s%s: 키 '%s'이(가) 두 번 있습니다(처음은 %u행)", ks->where.en,
                         ks->where.ko, ks->keys[k], seen[k].line);
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
            return ps__ld_failk(ld, start, "%s%.0s: missing key '%s' (required keys: %s)",
                                "%.0s%s: 키 '%s'이(가) 없습니다(꼭 있어야 하는 키: %s)",
                                ks->where.en, ks->where.ko, ks->keys[k], need);
    return true;
}

/* --- devices --- */

/* Interns the current scalar, a name, into `t`; it must be new there.
 * `what` names its kind in messages ("device"). */
static bool intern_new(ps__loader *ld, ps__intern *t, const char *subject,
                       ps__text what, bool process, uint32_t *index)
{
    bool added;
    if (!ps__ld_name_value(ld, subject, process))
        return false;
    *index = ps__intern_add(t, ld->arena, ps__ld_text(ld), ps__ld_length(ld), ps__ld_here(ld), &added);
    if (*index == PS__NONE)
        return ps__ld_oom(ld);
    if (!added)
        return ps__ld_failk(ld, ps__ld_here(ld), "%s: duplicate %s%.0s name '%s' (first given "
                            "at line %u); %s%.0s names must be unique", "%s: %.0s%s 이름 '%s'이(가) "
                            "두 번 있습니다(처음은 %u행); %.0s%s 이름은 서로 달라야 합니다",
                            subject, what.en, what.ko, ps__ld_text(ld),
                            ps__intern_get(t, *index)->first.line, what.en, what.ko);
    return true;
}

static bool parse_devices(ps__loader *ld)
{
    if (ps__ld_type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "devices", PS__T("a sequence of device names such as "
                                                    "[disk, net]", "장치 이름의 시퀀스(예: "
                                                    "[disk, net])"));
    ld->devices_given = true;
    for (;;) {
        uint32_t i;
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) == YAML_SEQUENCE_END_EVENT)
            return true;
        if (!intern_new(ld, &ld->devices, "devices", PS__T("device", "장치"), false, &i))
            return false;
    }
}

/* --- processes --- */

enum { P_NAME, P_ARRIVAL, P_PRIORITY, P_MEMORY, P_PARENT, P_PROGRAM, P_COPIES,
       P_SCHED, /* then the scheduling keys, PS__PK_* (scenario_sched.c) */
       P_COUNT = P_SCHED + PS__PK_COUNT };
static const char *const process_keys[P_COUNT] = {
    "name", "arrival", "priority", "memory", "parent", "program", "copies",
    [P_SCHED + PS__PK_QUEUE] = "queue", [P_SCHED + PS__PK_TICKETS] = "tickets",
    [P_SCHED + PS__PK_NICE] = "nice", [P_SCHED + PS__PK_STARTS_BLOCKED] = "starts_blocked"};
static const keyset process_set = {{"process", "프로세스"}, process_keys, P_COUNT, BIT(P_NAME)};

static const ps__numspec arrival_spec = {"arrival", {NULL, NULL},
                                         {"an integer (a tick)", "정수(틱)"}, 0, MAXN,
                                         {NULL, NULL}};
static const ps__numspec priority_spec = {"priority", {NULL, NULL},
                                          {"an integer (smaller is more urgent unless "
                                           "priority_order is high-first)",
                                           "정수(priority_order가 high-first가 아니면 작을수록 "
                                           "급함)"}, 0, MAXN, {NULL, NULL}};
static const ps__numspec memory_spec = {"memory", {NULL, NULL},
                                        {"an integer (memory units)", "정수(메모리 단위)"}, 0,
                                        MAXN, {NULL, NULL}};

static ps_proc_spec *proc(ps__loader *ld, uint32_t i)
{
    return &PS__VEC_AT(&ld->procs, ps_proc_spec, i);
}

static bool parse_name(ps__loader *ld, uint32_t self)
{
    uint32_t i;
    if (!intern_new(ld, &ld->proc_names, "name", PS__T("process", "프로세스"), true, &i))
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
    uint32_t ref = ps__intern_add(&ld->proc_refs, ld->arena, ps__ld_text(ld), ps__ld_length(ld), at,
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
        return ps__ld_failk(ld, start, "processes: too many processes (at most %d)",
                            "processes: 프로세스가 너무 많습니다(최대 %d개)", INT32_MAX);
    if (!ps__vec_push(&ld->procs))
        return ps__ld_oom(ld);
    proc(ld, self)->parent = -1;
    proc(ld, self)->tickets = PS_TICKETS_DEFAULT;
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
        case P_PROGRAM: ok = ps__ld_program(ld, self); break;
        case P_COPIES: ok = ps__ld_copies_value(ld, self); break;
        default: ok = ps__ld_proc_sched(ld, self, k - P_SCHED); break;
        }
        if (!ok)
            return false;
    }
    if (!ps__ld_required(ld, &process_set, seen, start) || !ps__ld_copies_check(ld, self) ||
        !ps__ld_proc_sched_check(ld, self))
        return false;
    const ps_proc_spec *p = proc(ld, self);
    if (arrival && p->parent >= 0)
        return ps__ld_failk(ld, seen[P_ARRIVAL], "arrival: process '%s' has a parent ('%s'), "
                            "so it is created when its parent spawns it; remove 'arrival' "
                            "or 'parent'", "arrival: 프로세스 '%s'에게는 부모('%s')가 있어서 "
                            "부모가 spawn할 때 만들어집니다; 'arrival'이나 'parent' 중 하나를 "
                            "지우세요", p->name,
                            ps__intern_get(&ld->proc_refs, (uint32_t)p->parent)->name);
    return true;
}

static bool parse_processes(ps__loader *ld)
{
    ps__mark start = ps__ld_here(ld);
    if (ps__ld_type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "processes", PS__T("a sequence of processes",
                                                      "프로세스의 시퀀스"));
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) == YAML_SEQUENCE_END_EVENT)
            break;
        if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
            return ps__ld_expected(ld, "processes", PS__T("a process (a mapping with name, "
                                                          "program, ...)", "프로세스(name, "
                                                          "program 등이 있는 매핑)"));
        if (!parse_process(ld))
            return false;
    }
    if (ld->procs.len == 0)
        return ps__ld_failk0(ld, start, "processes: expected at least one process, got none",
                             "processes: 프로세스가 하나 이상 있어야 하는데 하나도 없습니다");
    return true;
}

/* --- events --- */

enum { E_AT, E_DO, E_COUNT };
static const char *const event_keys[E_COUNT] = {"at", "do"};
static const keyset event_set = {{"event", "이벤트"}, event_keys, E_COUNT, BIT(E_AT) | BIT(E_DO)};
static const ps__numspec at_spec = {"at", {NULL, NULL}, {"an integer (a tick)", "정수(틱)"}, 0,
                                    MAXN, {NULL, NULL}};

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
        else if (ps__ld_type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld))
            ok = ps__ld_expected(ld, "do", PS__T("an action such as 'suspend editor'",
                                                 "동작(예: 'suspend editor')"));
        else
            ok = ps__ld_action(ld, self);
        if (!ok)
            return false;
    }
}

static bool parse_events(ps__loader *ld)
{
    if (ps__ld_type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "events", PS__T("a sequence of events such as "
                                                   "[{at: 5, do: suspend editor}]",
                                                   "이벤트의 시퀀스(예: [{at: 5, do: suspend "
                                                   "editor}])"));
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) == YAML_SEQUENCE_END_EVENT)
            return true;
        if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
            return ps__ld_expected(ld, "events", PS__T("an event (a mapping with at and do)",
                                                       "이벤트(at과 do가 있는 매핑)"));
        if (!parse_event(ld))
            return false;
    }
}

/* --- the document --- */

enum { R_PROCSIM, R_TITLE, R_TITLE_KO, R_DESCRIPTION, R_DESCRIPTION_KO, R_SYSTEM, R_DEVICES, R_VARIABLES,
       R_PROCESSES, R_EVENTS, R_QUESTIONS, R_VARY, R_COUNT };
static const char *const root_keys[R_COUNT] = {
    "procsim", "title", "title_ko", "description", "description_ko", "system", "devices", "variables",
    "processes", "events", "questions", "vary"};
static const keyset root_set = {{"scenario", "시나리오"}, root_keys, R_COUNT,
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
        case R_TITLE_KO: ok = ps__ld_string(ld, "title_ko", true, &s->title_ko); break;
        case R_DESCRIPTION:
            ok = ps__ld_string(ld, "description", false, &s->description);
            break;
        case R_DESCRIPTION_KO:
            ok = ps__ld_string(ld, "description_ko", false, &s->description_ko);
            break;
        case R_SYSTEM: ok = ps__ld_system(ld); break;
        case R_DEVICES: ok = parse_devices(ld); break;
        case R_VARIABLES: ok = ps__ld_variables(ld); break;
        case R_PROCESSES: ok = parse_processes(ld); break;
        case R_EVENTS: ok = parse_events(ld); break;
        case R_QUESTIONS: ok = ps__ld_questions(ld); break;
        case R_VARY: ok = ps__ld_vary(ld); break;
        }
        if (!ok)
            return false;
    }
    ld->in_root = false;
    return ps__ld_required(ld, &root_set, seen, start) && ps__ld_vary_finish(ld);
}

void ps__scenario_defaults(ps_scenario *s)
{
    s->title_ko = "";
    s->description = "";
    s->description_ko = "";
    s->variant = "";
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
    s->estimate_alpha = -1;
    s->cfs_latency = PS_CFS_LATENCY_DEFAULT;
    s->cfs_min_granularity = PS_CFS_GRANULARITY_DEFAULT;
    s->switch_cost_first = 1;
}

bool ps__ld_document(ps__loader *ld)
{
    ps__scenario_defaults(ld->s);
    if (!ps__ld_next(ld) || !ps__ld_next(ld)) /* stream start, document start */
        return false;
    if (ps__ld_type(ld) == YAML_STREAM_END_EVENT)
        return ps__ld_failk0(ld, ps__ld_here(ld), "the file holds no scenario (it is empty "
                             "or only comments); expected a mapping with procsim, title "
                             "and processes", "파일에 시나리오가 없습니다(비어 있거나 주석뿐입니다); "
                             "procsim, title, processes가 있는 매핑이 와야 합니다");
    if (!ps__ld_next(ld))
        return false;
    if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
        return ps__ld_expected(ld, NULL, PS__T("a scenario (a mapping with procsim, title and "
                                               "processes)", "시나리오(procsim, title, "
                                               "processes가 있는 매핑)"));
    if (!parse_root(ld) || !ps__ld_next(ld) || !ps__ld_next(ld)) /* document end */
        return false;
    if (ps__ld_type(ld) == YAML_DOCUMENT_START_EVENT)
        return ps__ld_failk0(ld, ps__ld_here(ld), "a second YAML document is not allowed; a "
                             "scenario file holds exactly one", "두 번째 YAML 문서는 쓸 수 "
                             "없습니다; 시나리오 파일에는 문서가 꼭 하나 있습니다");
    return true;
}
