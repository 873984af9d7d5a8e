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
    [S_CPUS] = {{"cpus", NULL, "an integer (CPUs) or auto", 1, PS_MAX_CPUS, NULL},
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
    [S_SEED] = {{"seed", NULL, "an integer (the random seed)", 0, MAXN, NULL},
                offsetof(ps_scenario, seed), false},
    [S_SEED_SKIP] = {{"seed_skip", NULL, "an integer (random numbers to skip)", 0, 10000000,
                       NULL},
                     offsetof(ps_scenario, seed_skip), false},
    [S_CFS_LATENCY] = {{"cfs_latency", NULL, "an integer (ticks)", 1, MAXN, NULL},
                       offsetof(ps_scenario, cfs_latency), false},
    [S_CFS_MIN_GRANULARITY] = {{"cfs_min_granularity", NULL, "an integer (ticks)", 1, MAXN,
                                NULL},
                               offsetof(ps_scenario, cfs_min_granularity), false},
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
int ps__ld_choice(ps__loader *ld, const char *key, const char *what,
                  const char *whats, const char *const *tokens, unsigned count)
{
    if (ps__ld_type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld)) {
        char want[192], list[160];
        snprintf(want, sizeof want, "one of %s",
                 ps__join(tokens, count, count, list, sizeof list));
        ps__ld_expected(ld, key, want);
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
    int p = ps__ld_choice(ld, "policy", "policy", "policies", tokens, PS_POLICY_COUNT);
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
    int r = ps__ld_choice(ld, system_keys[key], "rule", "rules", tokens, count);
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
    return ps__ld_expected(ld, key, "true or false");
}

/* mlfq_quanta, mlfq_allotments: one positive integer per level, top first.
 * *count receives how many were given. */
static bool parse_levels(ps__loader *ld, int key, int64_t *out, int32_t *count)
{
    const char *k = system_keys[key];
    if (ps__ld_type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, k, "a sequence of integers, one per level, top first, "
                               "such as [2, 4, 8]");
    ps__numspec spec = {k, NULL, key == S_MLFQ_QUANTA ? "an integer (ticks)"
                                                     : "an integer (quanta)",
                        1, PS_SCENARIO_MAX_NUMBER, NULL};
    *count = 0;
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) == YAML_SEQUENCE_END_EVENT)
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
        return ps__ld_fail(ld, seen[owned[i].key], "%s: applies only to polic%s %s (the "
                           "policy is %s)", system_keys[owned[i].key], n == 1 ? "y" : "ies",
                           ps__join(users, n, n, list, sizeof list),
                           ps_policy_token(s->policy));
    }
    /* OSTEP's settings, which Stallings' feedback has no use for
       (docs/engine.md, rule FB7) */
    static const struct {
        int key;
        const char *why;
    } ostep_only[] = {
        {S_MLFQ_BOOST, "it has no priority boost"},
        {S_MLFQ_ALLOTMENTS, "a process moves down at the first quantum that ends with "
                            "another process taking the CPU"},
        {S_MLFQ_STAY, "every dispatch has a full quantum"},
        {S_MLFQ_IO_BUMP, "a process back from I/O joins the back of its queue"},
    };
    for (unsigned i = 0; s->mlfq_style == PS_MLFQ_STYLE_STALLINGS && i < sizeof ostep_only /
                                                                      sizeof *ostep_only; i++)
        if (seen[ostep_only[i].key].line)
            return ps__ld_fail(ld, seen[ostep_only[i].key], "%s: applies only to mlfq_style "
                               "ostep, not stallings (%s)", system_keys[ostep_only[i].key],
                               ostep_only[i].why);
    if ((ps_policy_uses(s->policy) & PS_USES_MLQ) && !s->nqueues)
        return ps__ld_fail(ld, seen[S_POLICY], "policy: mlq needs its bands in "
                           "system.queues, such as queues: [{policy: rr, quantum: 2}, "
                           "{policy: fcfs}]");
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

bool ps__ld_system(ps__loader *ld)
{
    if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
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
            int c = ps__ld_choice(ld, system_keys[k], "value", "values", choices[k].tokens,
                                choices[k].count);
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
