/* scenario_system.c — the `system:` mapping of a scenario file
 * (docs/scenario-format.md): the numeric settings by table, the policy,
 * the switch and io_done rules, the MLFQ levels, the conventions, and
 * the checks that need more than one setting.  The mappings of the newer
 * policies (queues, burst_estimate, aging) are scenario_sched.c; the rest
 * of the schema is scenario_schema.c. */
#include "loader.h"

#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "scenario_priv.h"

#define MAXN PS_SCENARIO_MAX_NUMBER

typedef ps__keyset keyset;
enum { KEY_END = PS__KEY_END, KEY_ERROR = PS__KEY_ERROR };

enum { S_CPUS, S_MEMORY, S_POLICY, S_QUANTUM, S_SWITCH_COST, S_TICK_MS,
       S_MLFQ_LEVELS, S_MLFQ_BOOST, S_MLFQ_QUANTA, S_MLFQ_ALLOTMENTS, S_MLFQ_STAY,
       S_MLFQ_IO_BUMP, S_SWITCH, S_IO_DONE, S_SEED, S_CFS_LATENCY, S_CFS_MIN_GRANULARITY,
       S_QUEUES, S_BURST_ESTIMATE, S_AGING, S_MLFQ_STYLE, S_PRIORITY_ORDER, S_RR_ARRIVAL,
       S_SAME_TICK, S_AFFINITY, S_SWITCH_COST_FIRST, S_COUNT_SELF_SWITCH, S_SEED_SKIP, S_COUNT };
static const char *const system_keys[S_COUNT] = {
    "cpus", "memory", "policy", "quantum", "switch_cost", "tick_ms",
    "mlfq_levels", "mlfq_boost", "mlfq_quanta", "mlfq_allotments", "mlfq_stay",
    "mlfq_io_bump", "switch", "io_done", "seed", "cfs_latency", "cfs_min_granularity",
    "queues", "burst_estimate", "aging", "mlfq_style", "priority_order", "rr_arrival",
    "same_tick", "affinity", "switch_cost_first", "count_self_switch", "seed_skip"};
static const keyset system_set = {{"system", "system"}, system_keys, S_COUNT, 0};

/* A numeric macro's value as a string literal. */
#define DECIMAL_(n) #n
#define DECIMAL(n) DECIMAL_(n)

/* The numeric settings: what each means and where it goes. */
static const struct {
    ps__numspec spec;
    size_t offset;              /* into ps_scenario */
    bool is32;                  /* an int32_t field, else int64_t */
} settings[S_COUNT] = {
#define TICKS {"an integer (ticks)", "정수(틱 수)"}
    [S_CPUS] = {{"cpus", PS__NO_TEXT, {"an integer (CPUs) or auto", "정수(CPU 수) 또는 auto"}, 1,
                 PS_MAX_CPUS, PS__NO_TEXT},
                offsetof(ps_scenario, cpus), true},
    [S_MEMORY] = {{"memory", PS__NO_TEXT, {"an integer (memory units)", "정수(메모리 단위)"}, 1, MAXN,
                   {" (leave memory out for unlimited memory)",
                    " (메모리를 무제한으로 하려면 memory를 빼세요)"}},
                  offsetof(ps_scenario, memory), false},
    [S_QUANTUM] = {{"quantum", PS__NO_TEXT, TICKS, 1, MAXN, PS__NO_TEXT},
                   offsetof(ps_scenario, quantum), false},
    [S_SWITCH_COST] = {{"switch_cost", PS__NO_TEXT, TICKS, 0, MAXN, PS__NO_TEXT},
                       offsetof(ps_scenario, switch_cost), false},
    [S_TICK_MS] = {{"tick_ms", PS__NO_TEXT, {"an integer (milliseconds)", "정수(밀리초)"},
                    PS_TICK_MS_MIN, PS_TICK_MS_MAX,
                    {" (milliseconds per tick, from " DECIMAL(PS_TICK_MS_MIN) " to "
                     DECIMAL(PS_TICK_MS_MAX) ")",
                     " (한 틱의 밀리초, " DECIMAL(PS_TICK_MS_MIN) "부터 " DECIMAL(PS_TICK_MS_MAX)
                     "까지)"}},
                   offsetof(ps_scenario, tick_ms), false},
    [S_MLFQ_LEVELS] = {{"mlfq_levels", PS__NO_TEXT, {"an integer (queues)", "정수(큐의 수)"}, 1, 64,
                        PS__NO_TEXT},
                       offsetof(ps_scenario, mlfq_levels), true},
    [S_MLFQ_BOOST] = {{"mlfq_boost", PS__NO_TEXT, {"an integer (ticks; 0 for never)",
                                               "정수(틱 수; 0이면 하지 않음)"}, 0, MAXN, PS__NO_TEXT},
                      offsetof(ps_scenario, mlfq_boost), false},
    [S_SEED] = {{"seed", PS__NO_TEXT, {"an integer (the random seed)", "정수(난수 시드)"}, 0, MAXN,
                 PS__NO_TEXT},
                offsetof(ps_scenario, seed), false},
    [S_SEED_SKIP] = {{"seed_skip", PS__NO_TEXT, {"an integer (random numbers to skip)",
                                             "정수(건너뛸 난수의 개수)"}, 0, 10000000, PS__NO_TEXT},
                     offsetof(ps_scenario, seed_skip), false},
    [S_CFS_LATENCY] = {{"cfs_latency", PS__NO_TEXT, TICKS, 1, MAXN, PS__NO_TEXT},
                       offsetof(ps_scenario, cfs_latency), false},
    [S_CFS_MIN_GRANULARITY] = {{"cfs_min_granularity", PS__NO_TEXT, TICKS, 1, MAXN, PS__NO_TEXT},
                               offsetof(ps_scenario, cfs_min_granularity), false},
#undef TICKS
};

/* The settings that are one of a few words (the conventions books differ
 * on): their tokens, and the byte of ps_scenario the choice goes in. */
#define CHOICE(key, list, prefix, field)                                             \
    [key] = {(const char *const[]){list(prefix)}, sizeof((const char *const[]){list(prefix)}) / \
             sizeof(const char *), offsetof(ps_scenario, field)}
#define TOKEN_(e, tok) tok,
static const struct {
    const char *const *tokens;
    unsigned count;
    size_t offset;
} choices[S_COUNT] = {
    CHOICE(S_MLFQ_STYLE, PS_MLFQ_STYLES, TOKEN_, mlfq_style),
    CHOICE(S_PRIORITY_ORDER, PS_PRIORITY_ORDERS, TOKEN_, priority_order),
    CHOICE(S_RR_ARRIVAL, PS_RR_ARRIVALS, TOKEN_, rr_arrival),
    CHOICE(S_SAME_TICK, PS_SAME_TICKS, TOKEN_, same_tick),
    CHOICE(S_AFFINITY, PS_AFFINITIES, TOKEN_, affinity),
};
#undef TOKEN_
#undef CHOICE

/* The current scalar as one of tokens[0..count); -1 after an error. */
int ps__ld_choice(ps__loader *ld, const char *key, ps__text what,
                  ps__text whats, const char *const *tokens, unsigned count)
{
    if (ps__ld_type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld)) {
        char want[192], want_ko[208], list[160];
        ps__join(tokens, count, count, list, sizeof list);
        snprintf(want, sizeof want, "one of %s", list);
        snprintf(want_ko, sizeof want_ko, "%s 중 하나", list);
        ps__ld_expected(ld, key, PS__T(want, want_ko));
        return -1;
    }
    return ps__ld_token(ld, key, what, whats, tokens, count, ps__ld_text(ld), ps__ld_length(ld),
                        ps__ld_here(ld));
}

static bool parse_policy(ps__loader *ld)
{
    const char *tokens[PS_POLICY_COUNT];
    for (int p = 0; p < PS_POLICY_COUNT; p++)
        tokens[p] = ps_policy_token((ps_policy)p);
    int p = ps__ld_choice(ld, "policy", PS__T("policy", "정책"), PS__T("policies", "정책"),
                          tokens, PS_POLICY_COUNT);
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
    int r = ps__ld_choice(ld, system_keys[key], PS__T("rule", "규칙"), PS__T("rules", "규칙"),
                          tokens, count);
    if (r < 0)
        return false;
    *(sw ? &ld->s->switch_rule : &ld->s->io_done_rule) = (uint8_t)r;
    return true;
}

bool ps__ld_bool(ps__loader *ld, const char *key, uint8_t *out)
{
    if (ps__ld_type(ld) == YAML_SCALAR_EVENT && ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
        if (ps__ld_length(ld) == 4 && memcmp(ps__ld_text(ld), "true", 4) == 0)
            return *out = 1, true;
        if (ps__ld_length(ld) == 5 && memcmp(ps__ld_text(ld), "false", 5) == 0)
            return *out = 0, true;
    }
    return ps__ld_expected(ld, key, PS__T("true or false", "true 또는 false"));
}

/* mlfq_quanta, mlfq_allotments: one positive integer per level, top first.
 * *count receives how many were given. */
static bool parse_levels(ps__loader *ld, int key, int64_t *out, int32_t *count)
{
    const char *k = system_keys[key];
    if (ps__ld_type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, k, PS__T("a sequence of integers, one per level, top first, "
                                            "such as [2, 4, 8]", "단계마다 하나씩, 맨 위 단계부터 "
                                            "쓴 정수의 시퀀스(예: [2, 4, 8])"));
    ps__numspec spec = {k, PS__NO_TEXT, key == S_MLFQ_QUANTA ? PS__T("an integer (ticks)", "정수(틱 수)")
                                                        : PS__T("an integer (quanta)",
                                                                "정수(퀀텀 수)"),
                        1, PS_SCENARIO_MAX_NUMBER, PS__NO_TEXT};
    *count = 0;
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) == YAML_SEQUENCE_END_EVENT)
            break;
        if (*count == PS_MLFQ_MAX_LEVELS)
            return ps__ld_failk(ld, ps__ld_here(ld), "%s: too many levels; at most %d",
                                "%s: 단계가 너무 많습니다; 최대 %d개입니다", k, PS_MLFQ_MAX_LEVELS);
        if (!ps__ld_int(ld, &spec, &out[(*count)++]))
            return false;
    }
    return *count ? true : ps__ld_failk(ld, ps__ld_here(ld), "%s: expected at least one "
                                        "level, got an empty sequence", "%s: 단계가 하나 이상 "
                                        "있어야 하는데 빈 시퀀스입니다", k);
}

static bool is_auto(const ps__loader *ld)
{
    return ps__ld_type(ld) == YAML_SCALAR_EVENT &&
           ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && ps__ld_length(ld) == 4 &&
           memcmp(ps__ld_text(ld), "auto", 4) == 0;
}

/* `cpus: auto`: what Python's os.cpu_count() says (the online CPUs),
 * within the range an explicit count may have. */
static int32_t machine_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > PS_MAX_CPUS ? PS_MAX_CPUS : (int32_t)n;
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
        {S_MLFQ_STYLE, PS_USES_MLFQ}, {S_SEED, PS_USES_SEED}, {S_SEED_SKIP, PS_USES_SEED},
        {S_CFS_LATENCY, PS_USES_CFS}, {S_CFS_MIN_GRANULARITY, PS_USES_CFS},
        {S_QUEUES, PS_USES_MLQ}, {S_BURST_ESTIMATE, PS_USES_BURST},
        {S_AGING, PS_USES_PRIORITY}, {S_RR_ARRIVAL, PS_USES_ROUND},
        {S_COUNT_SELF_SWITCH, PS_USES_QUANTUM | PS_USES_ROUND},
    };
    for (unsigned i = 0; i < sizeof owned / sizeof *owned; i++) {
        if (!seen[owned[i].key].line || (ps_policy_uses(s->policy) & owned[i].uses))
            continue;
        const char *users[PS_POLICY_COUNT];
        unsigned n = 0;
        for (int p = 0; p < PS_POLICY_COUNT; p++)
            if (ps_policy_uses((ps_policy)p) & owned[i].uses)
                users[n++] = ps_policy_token((ps_policy)p);
        char list[160];
        return ps__ld_failk(ld, seen[owned[i].key], "%s: applies only to polic%s %s (the "
                            "policy is %s)", "%s: %.0s%s 정책에만 쓰는 설정입니다(지금 정책은 %s)",
                            system_keys[owned[i].key], n == 1 ? "y" : "ies",
                            ps__join(users, n, n, list, sizeof list),
                            ps_policy_token(s->policy));
    }
    /* OSTEP's settings, which Stallings' feedback has no use for
       (docs/engine.md, rule FB7) */
    static const struct {
        int key;
        ps__text why;
    } ostep_only[] = {
        {S_MLFQ_BOOST, {"it has no priority boost", "우선순위 부스트가 없습니다"}},
        {S_MLFQ_ALLOTMENTS, {"a process moves down at the first quantum that ends with "
                             "another process taking the CPU", "프로세스는 퀀텀이 끝나 다른 "
                             "프로세스가 CPU를 가져가는 첫 번째 때에 한 단계 내려갑니다"}},
        {S_MLFQ_STAY, {"every dispatch has a full quantum", "디스패치마다 퀀텀을 온전히 "
                       "받습니다"}},
        {S_MLFQ_IO_BUMP, {"a process back from I/O joins the back of its queue",
                          "I/O에서 돌아온 프로세스는 자기 큐의 맨 뒤에 섭니다"}},
    };
    for (unsigned i = 0; s->mlfq_style == PS_MLFQ_STYLE_STALLINGS && i < sizeof ostep_only /
                                                                      sizeof *ostep_only; i++)
        if (seen[ostep_only[i].key].line)
            return ps__ld_failk(ld, seen[ostep_only[i].key], "%s: applies only to mlfq_style "
                                "ostep, not stallings (%s%.0s)", "%s: mlfq_style이 ostep일 "
                                "때만 쓰는 설정이고 stallings에는 쓰지 않습니다(%.0s%s)",
                                system_keys[ostep_only[i].key], ostep_only[i].why.en,
                                ostep_only[i].why.ko);
    if ((ps_policy_uses(s->policy) & PS_USES_MLQ) && !s->nqueues)
        return ps__ld_failk0(ld, seen[S_POLICY], "policy: mlq needs its bands in "
                             "system.queues, such as queues: [{policy: rr, quantum: 2}, "
                             "{policy: fcfs}]", "policy: mlq에는 system.queues에 밴드가 "
                             "있어야 합니다(예: queues: [{policy: rr, quantum: 2}, "
                             "{policy: fcfs}])");
    if (nquanta) {
        if (seen[S_MLFQ_LEVELS].line && nquanta != s->mlfq_levels)
            return ps__ld_failk(ld, seen[S_MLFQ_QUANTA], "mlfq_quanta: %d levels given, but "
                                "mlfq_levels is %d; give one quantum per level",
                                "mlfq_quanta: 단계 %d개를 썼지만 mlfq_levels는 %d입니다; "
                                "단계마다 퀀텀을 하나씩 쓰세요",
                                (int)nquanta, (int)s->mlfq_levels);
        s->mlfq_levels = nquanta;
    }
    if (nallot && nallot != s->mlfq_levels)
        return ps__ld_failk(ld, seen[S_MLFQ_ALLOTMENTS], "mlfq_allotments: %d levels given, "
                            "but there are %d; give one allotment per level",
                            "mlfq_allotments: 단계 %d개를 썼지만 단계는 %d개입니다; 단계마다 "
                            "할당량을 하나씩 쓰세요", (int)nallot, (int)s->mlfq_levels);
    for (int32_t l = nquanta; l < s->mlfq_levels; l++)
        s->mlfq_quanta[l] = s->quantum;
    for (int32_t l = nallot; l < s->mlfq_levels; l++)
        s->mlfq_allotments[l] = 1;
    return true;
}

bool ps__ld_system(ps__loader *ld)
{
    if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
        return ps__ld_expected(ld, "system", PS__T("a mapping of settings such as "
                                                   "{cpus: 2, policy: rr}", "설정의 매핑(예: "
                                                   "{cpus: 2, policy: rr})"));
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
        case S_CPUS:
            if (!is_auto(ld))
                goto number;
            ld->s->cpus = machine_cpus();
            ld->s->cpus_auto = 1;
            break;
        case S_MLFQ_STAY: ok = ps__ld_bool(ld, "mlfq_stay", &ld->s->mlfq_stay); break;
        case S_MLFQ_IO_BUMP: ok = ps__ld_bool(ld, "mlfq_io_bump", &ld->s->mlfq_io_bump); break;
        case S_MLFQ_QUANTA: ok = parse_levels(ld, k, ld->s->mlfq_quanta, &nquanta); break;
        case S_MLFQ_ALLOTMENTS:
            ok = parse_levels(ld, k, ld->s->mlfq_allotments, &nallot);
            break;
        case S_SWITCH_COST_FIRST:
        case S_COUNT_SELF_SWITCH:
            ok = ps__ld_bool(ld, system_keys[k],
                            k == S_SWITCH_COST_FIRST ? &ld->s->switch_cost_first
                                                     : &ld->s->count_self_switch);
            break;
        case S_MLFQ_STYLE:
        case S_PRIORITY_ORDER:
        case S_RR_ARRIVAL:
        case S_SAME_TICK:
        case S_AFFINITY: {
            int c = ps__ld_choice(ld, system_keys[k], PS__T("value", "값"), PS__T("values", "값"),
                                  choices[k].tokens, choices[k].count);
            if ((ok = c >= 0))
                *((uint8_t *)ld->s + choices[k].offset) = (uint8_t)c;
            break;
        }
        case S_QUEUES: ok = ps__ld_queues(ld); break;
        case S_BURST_ESTIMATE: ok = ps__ld_burst_estimate(ld); break;
        case S_AGING: ok = ps__ld_aging(ld); break;
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
