/* scenario_sched.c — the settings of the newer policies and of the
 * conventions books differ on (docs/scenario-format.md, docs/engine.md
 * "Conventions"): system.queues (mlq), system.burst_estimate (sjf, srtf,
 * hrrn), system.aging (the priority policies); the processes' queue,
 * tickets, nice and starts_blocked, with the checks that need the policy
 * (known only once the whole file is read); and `--policy P[:Q]`. */
#include "loader.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_priv.h"

#define BIT(k) (1u << (k))
#define MAXN PS_SCENARIO_MAX_NUMBER

enum { KEY_END = PS__KEY_END, KEY_ERROR = PS__KEY_ERROR };

/* The policies a band of mlq may have. */
static const ps_policy band_policies[] = {PS_POLICY_FCFS, PS_POLICY_SJF, PS_POLICY_PRIORITY,
                                          PS_POLICY_RR};
#define NBAND_POLICIES (sizeof band_policies / sizeof *band_policies)

enum { Q_POLICY, Q_QUANTUM, Q_COUNT };
static const char *const band_keys[Q_COUNT] = {"policy", "quantum"};
static const ps__keyset band_set = {{"queues", "queues"}, band_keys, Q_COUNT, BIT(Q_POLICY)};

static bool parse_band(ps__loader *ld, ps_band *band)
{
    ps__mark start = ps__ld_here(ld), seen[Q_COUNT] = {{0, 0}};
    bool has_quantum = false;
    for (;;) {
        int k = ps__ld_key(ld, &band_set, seen);
        if (k == KEY_ERROR)
            return false;
        if (k == KEY_END)
            break;
        if (k == Q_POLICY) {
            const char *tokens[NBAND_POLICIES];
            for (unsigned i = 0; i < NBAND_POLICIES; i++)
                tokens[i] = ps_policy_token(band_policies[i]);
            int i = ps__ld_choice(ld, "queues: policy", PS__T("band policy", "밴드 정책"),
                                  PS__T("band policies", "밴드 정책"), tokens, NBAND_POLICIES);
            if (i < 0)
                return false;
            band->policy = (uint8_t)band_policies[i];
        } else {
            static const ps__numspec spec = {"queues: quantum", PS__NO_TEXT,
                                             {"an integer (ticks)", "정수(틱 수)"}, 1, MAXN,
                                             PS__NO_TEXT};
            if (!ps__ld_int(ld, &spec, &band->quantum))
                return false;
            has_quantum = true;
        }
    }
    if (!ps__ld_required(ld, &band_set, seen, start))
        return false;
    if (has_quantum && band->policy != PS_POLICY_RR)
        return ps__ld_failk(ld, seen[Q_QUANTUM], "queues: quantum applies only to a band "
                            "whose policy is rr (this one's is %s)", "queues: quantum은 정책이 "
                            "rr인 밴드에만 씁니다(이 밴드의 정책은 %s)",
                            ps_policy_token((ps_policy)band->policy));
    if (!has_quantum)
        band->quantum = 0; /* the system's quantum, filled in at the end */
    return true;
}

bool ps__ld_queues(ps__loader *ld)
{
    ps_scenario *s = ld->s;
    ps__mark start = ps__ld_here(ld);
    if (ps__ld_type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_expected(ld, "queues", PS__T("a sequence of bands, most urgent first, such "
                                                   "as [{policy: rr, quantum: 2}, {policy: fcfs}]",
                                                   "가장 급한 것부터 쓴 밴드의 시퀀스(예: "
                                                   "[{policy: rr, quantum: 2}, {policy: fcfs}])"));
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) == YAML_SEQUENCE_END_EVENT)
            break;
        if (s->nqueues == PS_MLQ_MAX_QUEUES)
            return ps__ld_failk(ld, ps__ld_here(ld), "queues: too many bands; at most %d",
                                "queues: 밴드가 너무 많습니다; 최대 %d개입니다", PS_MLQ_MAX_QUEUES);
        if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
            return ps__ld_expected(ld, "queues", PS__T("a band (a mapping with policy and, for "
                                                       "rr, quantum)", "밴드(policy와, rr이면 "
                                                       "quantum이 있는 매핑)"));
        if (!parse_band(ld, &s->queues[s->nqueues++]))
            return false;
    }
    return s->nqueues ? true : ps__ld_failk0(ld, start, "queues: expected at least one band, "
                                             "got an empty sequence", "queues: 밴드가 하나 이상 "
                                             "있어야 하는데 빈 시퀀스입니다");
}

/* A decimal fraction from 0 to 1 with at most three decimals ("0.5",
 * "1", ".25") as thousandths. */
static bool parse_fraction(ps__loader *ld, const char *key, int32_t *out)
{
    const char *t = ps__ld_text(ld);
    size_t n = ps__ld_length(ld), i = 0;
    int64_t whole = 0, frac = 0;
    int decimals = 0;
    bool digits = false;
    if (ps__ld_type(ld) != YAML_SCALAR_EVENT ||
        ld->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        goto bad;
    for (; i < n && t[i] >= '0' && t[i] <= '9' && whole <= 1; i++, digits = true)
        whole = whole * 10 + (t[i] - '0');
    if (i < n && t[i] == '.')
        for (i++; i < n && t[i] >= '0' && t[i] <= '9' && decimals < 3; i++, decimals++)
            frac = frac * 10 + (t[i] - '0'), digits = true;
    if (!digits || i != n)
        goto bad;
    for (; decimals < 3; decimals++)
        frac *= 10;
    if (whole * 1000 + frac > 1000)
        goto bad;
    *out = (int32_t)(whole * 1000 + frac);
    return true;
bad:
    return ps__ld_expected(ld, key, PS__T("a number from 0 to 1 with at most three decimals, "
                                          "such as 0.5", "0부터 1까지의 수, 소수점 아래 셋째 "
                                          "자리까지(예: 0.5)"));
}

enum { B_ALPHA, B_INITIAL, B_COUNT };
static const char *const estimate_keys[B_COUNT] = {"alpha", "initial"};
static const ps__keyset estimate_set = {{"burst_estimate", "burst_estimate"}, estimate_keys, B_COUNT,
                                        BIT(B_ALPHA) | BIT(B_INITIAL)};

bool ps__ld_burst_estimate(ps__loader *ld)
{
    ps__mark start = ps__ld_here(ld), seen[B_COUNT] = {{0, 0}};
    if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
        return ps__ld_expected(ld, "burst_estimate", PS__T("a mapping such as {alpha: 0.5, "
                                                           "initial: 10}", "매핑(예: {alpha: "
                                                           "0.5, initial: 10})"));
    for (;;) {
        int k = ps__ld_key(ld, &estimate_set, seen);
        if (k == KEY_ERROR)
            return false;
        if (k == KEY_END)
            return ps__ld_required(ld, &estimate_set, seen, start);
        static const ps__numspec initial = {"burst_estimate: initial", PS__NO_TEXT,
                                            {"an integer (ticks)", "정수(틱 수)"}, 0, MAXN,
                                            PS__NO_TEXT};
        if (!(k == B_ALPHA ? parse_fraction(ld, "burst_estimate: alpha", &ld->s->estimate_alpha)
                           : ps__ld_int(ld, &initial, &ld->s->estimate_initial)))
            return false;
    }
}

enum { A_EVERY, A_BY, A_COUNT };
static const char *const aging_keys[A_COUNT] = {"every", "by"};
static const ps__keyset aging_set = {{"aging", "aging"}, aging_keys, A_COUNT,
                                     BIT(A_EVERY) | BIT(A_BY)};

bool ps__ld_aging(ps__loader *ld)
{
    ps__mark start = ps__ld_here(ld), seen[A_COUNT] = {{0, 0}};
    if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
        return ps__ld_expected(ld, "aging", PS__T("a mapping such as {every: 5, by: 1}",
                                                  "매핑(예: {every: 5, by: 1})"));
    for (;;) {
        int k = ps__ld_key(ld, &aging_set, seen);
        if (k == KEY_ERROR)
            return false;
        if (k == KEY_END)
            return ps__ld_required(ld, &aging_set, seen, start);
        static const ps__numspec specs[A_COUNT] = {
            {"aging: every", PS__NO_TEXT, {"an integer (ticks in Ready)", "정수(Ready에서 보낸 틱 수)"},
             1, MAXN, PS__NO_TEXT},
            {"aging: by", PS__NO_TEXT, {"an integer (priority steps)", "정수(우선순위 단계 수)"}, 1,
             MAXN, PS__NO_TEXT}};
        if (!ps__ld_int(ld, &specs[k], k == A_EVERY ? &ld->s->aging_every : &ld->s->aging_by))
            return false;
    }
}

/* ---- the processes' keys ------------------------------------------------ */

static const char *const proc_keys[PS__PK_COUNT] = {"queue", "tickets", "nice",
                                                    "starts_blocked"};
/* The policy settings (PS_USES_*) that read each. */
static const unsigned proc_key_uses[PS__PK_COUNT] = {PS_USES_MLQ, PS_USES_TICKETS, PS_USES_CFS,
                                                     0};

static ps_proc_spec *entry(ps__loader *ld, uint32_t i)
{
    return &PS__VEC_AT(&ld->procs, ps_proc_spec, i);
}

bool ps__ld_proc_sched(ps__loader *ld, uint32_t self, int key)
{
    ps__mark at = ps__ld_here(ld);
    if (!ld->sched_first[key].line)
        ld->sched_first[key] = at;
    ps_proc_spec *p = entry(ld, self);
    int64_t v;
    switch (key) {
    case PS__PK_QUEUE: {
        static const ps__numspec spec = {"queue", PS__NO_TEXT, {"an integer (a band of "
                                         "system.queues, 0 the most urgent)", "정수(system.queues의 "
                                         "밴드 번호, 0이 가장 급함)"}, 0,
                                         PS_MLQ_MAX_QUEUES - 1, PS__NO_TEXT};
        ps__parent_ref *r;
        if (!ps__ld_int(ld, &spec, &v))
            return false;
        if (!(r = ps__vec_push(&ld->queue_marks)))
            return ps__ld_oom(ld);
        *r = (ps__parent_ref){self, at};
        p->queue = (int32_t)v;
        return true;
    }
    case PS__PK_TICKETS: {
        static const ps__numspec spec = {"tickets", PS__NO_TEXT, {"an integer (its share of the CPU)",
                                         "정수(CPU를 나눠 받는 몫)"}, 1, MAXN, PS__NO_TEXT};
        return ps__ld_int(ld, &spec, &p->tickets);
    }
    case PS__PK_NICE: {
        static const ps__numspec spec = {"nice", PS__NO_TEXT, {"an integer (-20 most favoured, 19 "
                                         "least)", "정수(-20이 가장 우대, 19가 가장 덜 우대)"},
                                         PS_NICE_MIN, PS_NICE_MAX, PS__NO_TEXT};
        if (!ps__ld_int(ld, &spec, &v))
            return false;
        p->nice = (int32_t)v;
        return true;
    }
    default:
        return ps__ld_bool(ld, "starts_blocked", &p->starts_blocked);
    }
}

bool ps__ld_proc_sched_check(ps__loader *ld, uint32_t self)
{
    const ps_proc_spec *p = entry(ld, self);
    if (!p->starts_blocked)
        return true;
    const ps_op *first = p->op_count ? &PS__VEC_AT(&ld->ops, ps_op, p->op_first) : NULL;
    if (first && (first->kind == PS_OP_IO || first->kind == PS_OP_SLEEP))
        return true;
    return ps__ld_failk(ld, ld->sched_first[PS__PK_STARTS_BLOCKED],
                        "starts_blocked: process '%s' must begin with an io or sleep op, which it "
                        "starts at its arrival (its program begins with %s%.0s)",
                        "starts_blocked: 프로세스 '%s'의 프로그램은 도착할 때 시작하는 io나 sleep "
                        "연산으로 시작해야 합니다(지금 프로그램의 시작은 %.0s%s)", p->name,
                        first ? ps_op_token((ps_op_kind)first->kind) : "nothing",
                        first ? ps_op_token((ps_op_kind)first->kind) : "빈 프로그램");
}

bool ps__ld_sched_finish(ps__loader *ld)
{
    ps_scenario *s = ld->s;
    unsigned uses = ps_policy_uses(s->policy);
    for (int k = 0; k < PS__PK_COUNT; k++) {
        if (!ld->sched_first[k].line || !proc_key_uses[k] || (uses & proc_key_uses[k]))
            continue;
        const char *users[PS_POLICY_COUNT];
        unsigned n = 0;
        for (int p = 0; p < PS_POLICY_COUNT; p++)
            if (ps_policy_uses((ps_policy)p) & proc_key_uses[k])
                users[n++] = ps_policy_token((ps_policy)p);
        char list[160];
        return ps__ld_failk(ld, ld->sched_first[k], "%s: applies only to polic%s %s (the "
                            "policy is %s)", "%s: %.0s%s 정책에만 쓰는 설정입니다(지금 정책은 %s)",
                            proc_keys[k], n == 1 ? "y" : "ies",
                            ps__join(users, n, n, list, sizeof list),
                            ps_policy_token(s->policy));
    }
    for (size_t i = 0; i < ld->queue_marks.len; i++) {
        const ps__parent_ref *r = &PS__VEC_AT(&ld->queue_marks, ps__parent_ref, i);
        if (entry(ld, r->proc)->queue >= s->nqueues)
            return ps__ld_failk(ld, r->at, "queue: process '%s' is in band %d, but "
                                "system.queues has %d (0 to %d)", "queue: 프로세스 '%s'의 밴드는 "
                                "%d인데 system.queues의 밴드는 %d개(0부터 %d까지)입니다",
                                entry(ld, r->proc)->name, (int)entry(ld, r->proc)->queue,
                                (int)s->nqueues, (int)s->nqueues - 1);
    }
    for (int32_t q = 0; q < s->nqueues; q++)
        if (!s->queues[q].quantum)
            s->queues[q].quantum = s->quantum;
    return true;
}

/* ---- --policy P[:Q] ----------------------------------------------------- */

int ps_policy_parse(const char *text, ps_policy *policy, int64_t *quantum, ps_error *err)
{
    const char *colon = strchr(text, ':');
    size_t n = colon ? (size_t)(colon - text) : strlen(text);
    int found = -1;
    for (int p = 0; p < PS_POLICY_COUNT; p++)
        if (strlen(ps_policy_token((ps_policy)p)) == n &&
            memcmp(ps_policy_token((ps_policy)p), text, n) == 0)
            found = p;
    if (found < 0) {
        char list[256] = "";
        size_t o = 0;
        for (int p = 0; p < PS_POLICY_COUNT && o < sizeof list; p++)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", p ? ", " : "",
                                  ps_policy_token((ps_policy)p));
        ps__error_set(err, "unknown policy '%.*s' (valid policies: %s)",
                      "알 수 없는 정책 '%.*s' (쓸 수 있는 정책: %s)", (int)(n > 64 ? 64 : n), text,
                      list);
        return -1;
    }
    *policy = (ps_policy)found;
    *quantum = 0;
    if (!colon)
        return 0;
    char *end;
    errno = 0;
    long long q = strtoll(colon + 1, &end, 10);
    if (!colon[1] || *end || errno || q < 1 || q > MAXN || colon[1] < '0' || colon[1] > '9') {
        ps__error_set(err, "%s: the quantum after ':' must be an integer from 1 to %d "
                      "(ticks), such as %s:4", "%s: ':' 뒤의 퀀텀은 1부터 %d까지의 정수(틱 수)"
                      "여야 합니다(예: %s:4)", text, MAXN, ps_policy_token(*policy));
        return -1;
    }
    if (!(ps_policy_uses(*policy) & (PS_USES_QUANTUM | PS_USES_MLQ))) {
        ps__error_set(err, "%s: policy %s has no quantum; write it without ':%lld'",
                      "%s: 정책 %s에는 퀀텀이 없습니다; ':%lld' 없이 쓰세요", text,
                      ps_policy_token(*policy), q);
        return -1;
    }
    *quantum = q;
    return 0;
}

int ps_scenario_set_policy(ps_scenario *s, ps_policy policy, int64_t quantum, ps_error *err)
{
    if ((unsigned)policy >= PS_POLICY_COUNT) {
        ps__error_set(err, "unknown policy %d", "알 수 없는 정책 %d", (int)policy);
        return -1;
    }
    if ((ps_policy_uses(policy) & PS_USES_MLQ) && !s->nqueues) {
        ps__error_set(err, "%s: policy mlq needs system.queues, which this file does not "
                      "give", "%s: 정책 mlq에는 system.queues가 있어야 하는데 이 파일에는 "
                      "없습니다", s->path);
        return -1;
    }
    for (uint32_t i = 0; i < s->nprocs && (ps_policy_uses(policy) & PS_USES_MLQ); i++)
        if (s->procs[i].queue >= s->nqueues) {
            ps__error_set(err, "%s: process '%s' is in band %d, past system.queues",
                          "%s: 프로세스 '%s'의 밴드 %d은(는) system.queues에 없습니다", s->path,
                          s->procs[i].name, (int)s->procs[i].queue);
            return -1;
        }
    if (quantum > 0) {
        /* the levels and bands that took the file's quantum take the new one */
        for (int32_t l = 0; l < s->mlfq_levels; l++)
            if (s->mlfq_quanta[l] == s->quantum)
                s->mlfq_quanta[l] = quantum;
        for (int32_t q = 0; q < s->nqueues; q++)
            if (s->queues[q].policy == PS_POLICY_RR)
                s->queues[q].quantum = quantum;
        s->quantum = quantum;
    }
    s->policy = policy;
    return 0;
}
