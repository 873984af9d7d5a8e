/* lab_random.c — a fresh lab from a seed (lab.h): a small random workload
 * and questions about it, as YAML.  Same seed, same lab, on any machine
 * and with any C library: the numbers come from the generator below, not
 * from rand(). */
#include "procsim/lab.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/engine.h"
#include "procsim/out.h"

/* The generator: SplitMix64 (Steele, Lea and Flood, 2014), a 64-bit
 * counter stepped by the golden ratio and mixed.  Small, fast, and the
 * same stream from a seed everywhere; a lab needs nothing stronger. */
typedef struct rng {
    uint64_t state;
} rng;

static uint64_t next64(rng *r)
{
    uint64_t z = (r->state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* An integer in [lo, hi] (hi - lo is tiny: the modulo's bias is nil). */
static int pick(rng *r, int lo, int hi)
{
    return lo + (int)(next64(r) % (uint64_t)(hi - lo + 1));
}

/* The questions: English, Korean, the answer with %s for a process name
 * and %d for a tick where the form has them. */
static const struct {
    const char *en, *ko, *answer;
    int needs; /* 0 nothing, 1 a process, 2 a process and a tick, 3 a tick */
} templates[] = {
    {"When does %s finish?", "%s의 종료 시각은?", "finish %s", 1},
    {"How long does %s wait in Ready, in all?", "%s의 준비 상태 대기 시간 합은?",
     "waiting %s", 1},
    {"What is the response time of %s (first run minus arrival)?",
     "%s의 응답 시간(첫 실행 - 도착)은?", "response %s", 1},
    {"What is the turnaround time of %s?", "%s의 반환 시간은?", "turnaround %s", 1},
    {"What state is %s in just after tick %d?", "%2$d틱 직후 %1$s의 상태는?", "state %s at %d", 2},
    {"Which state does %s go to next after tick %d?", "%2$d틱 뒤 %1$s의 다음 상태는?",
     "next %s after %d", 2},
    {"Which process is running just after tick %d?", "%d틱 직후 실행 중인 프로세스는?",
     "running at %d", 3},
    {"In what order do the processes finish?", "프로세스들이 끝나는 순서는?", "order", 0},
    {"What is the average waiting time?", "평균 대기 시간은?", "average waiting", 0},
    {"How many times is %s dispatched?", "%s의 디스패치 횟수는?", "switches %s", 1},
};
enum { NTEMPLATES = sizeof templates / sizeof templates[0] };

/* The settings drawn for the policies that read them. */
static const int tickets[] = {50, 100, 200, 250};
static const int nices[] = {-5, 0, 0, 5};
enum { NTICKETS = sizeof tickets / sizeof *tickets, NNICES = sizeof nices / sizeof *nices };

static void question(ps_out *o, rng *r, int k, int n, int horizon)
{
    char name[16], en[160], ko[160], answer[64];
    int tick = pick(r, 1, horizon);
    snprintf(name, sizeof name, "P%d", pick(r, 1, n));
    switch (templates[k].needs) {
    case 1:
        snprintf(en, sizeof en, templates[k].en, name);
        snprintf(ko, sizeof ko, templates[k].ko, name);
        snprintf(answer, sizeof answer, templates[k].answer, name);
        break;
    case 2:
        snprintf(en, sizeof en, templates[k].en, name, tick);
        snprintf(ko, sizeof ko, templates[k].ko, name, tick);
        snprintf(answer, sizeof answer, templates[k].answer, name, tick);
        break;
    case 3:
        snprintf(en, sizeof en, templates[k].en, tick);
        snprintf(ko, sizeof ko, templates[k].ko, tick);
        snprintf(answer, sizeof answer, templates[k].answer, tick);
        break;
    default:
        snprintf(en, sizeof en, "%s", templates[k].en);
        snprintf(ko, sizeof ko, "%s", templates[k].ko);
        snprintf(answer, sizeof answer, "%s", templates[k].answer);
        break;
    }
    ps_outf(o, "  - ask: \"%s\"\n    ask_ko: \"%s\"\n    answer: %s\n", en, ko, answer);
}

/* ---- hrrn: a response ratio worth asking ------------------------------- */

/* What a run of the workload tells about when to ask: each stretch a
 * process spends Ready, and the ticks a process is dispatched (when hrrn
 * compares the ratios). */
enum { SPANS_MAX = 256 };
typedef struct span {
    uint32_t pid;
    int64_t from, to;         /* Ready just after ticks from..to-1 */
} span;
typedef struct moments {
    span span[SPANS_MAX];
    int64_t dispatch[SPANS_MAX];
    int64_t since[13];        /* per pid: entered Ready at, -1: not Ready */
    int nspan, ndispatch;
} moments;

static void watch(void *ctx, const ps_trace_event *ev)
{
    moments *m = ctx;
    if (ev->pid >= 13)
        return;
    if (ev->to == PS_RUNNING && m->ndispatch < SPANS_MAX &&
        (!m->ndispatch || m->dispatch[m->ndispatch - 1] != ev->time))
        m->dispatch[m->ndispatch++] = ev->time;
    if (ev->to == PS_READY && ev->from != PS_READY)
        m->since[ev->pid] = ev->time;
    else if (ev->from == PS_READY && m->since[ev->pid] >= 0) {
        if (ev->time > m->since[ev->pid] && m->nspan < SPANS_MAX)
            m->span[m->nspan++] = (span){ev->pid, m->since[ev->pid], ev->time};
        m->since[ev->pid] = -1;
    }
}

/* A process Ready just after a tick at which another is dispatched, from
 * a run of `yaml` (the lab so far), chosen by the generator: 0 with its
 * pid and the tick, or -1 when there is none. */
static int ratio_moment(const char *yaml, rng *r, uint32_t *pid, int64_t *tick)
{
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("random", yaml, strlen(yaml), &err);
    ps_engine *e = s ? ps_engine_create(s) : NULL;
    moments m = {.nspan = 0};
    memset(m.since, -1, sizeof m.since);
    int found = -1;
    if (e) {
        ps_engine_set_listener(e, watch, &m);
        ps_engine_run(e, -1);
        uint32_t count = 0; /* the (span, dispatch) pairs, counted, then one drawn */
        for (int pass = 0; pass < 2 && found < 0; pass++) {
            uint32_t want = pass ? (uint32_t)pick(r, 0, (int)count - 1) : 0, seen = 0;
            for (int i = 0; i < m.nspan && found < 0; i++)
                for (int d = 0; d < m.ndispatch && found < 0; d++) {
                    if (m.dispatch[d] < m.span[i].from || m.dispatch[d] >= m.span[i].to)
                        continue;
                    if (pass && seen == want) {
                        *pid = m.span[i].pid;
                        *tick = m.dispatch[d];
                        found = 0;
                    }
                    seen++;
                }
            count = seen;
            if (!count)
                break;
        }
    }
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return found;
}

char *ps_lab_random(uint64_t seed, const char *policy, int nprocs, ps_error *err)
{
    /* the textbook's policies, in the table's order (ostep is OSTEP's) */
    const char *policies[PS_POLICY_COUNT];
    unsigned uses[PS_POLICY_COUNT];
    int npolicies = 0;
    for (int k = 0; k < PS_POLICY_COUNT; k++)
        if (!(ps_policy_uses((ps_policy)k) & PS_USES_OSTEP)) {
            uses[npolicies] = ps_policy_uses((ps_policy)k);
            policies[npolicies++] = ps_policy_token((ps_policy)k);
        }
    rng r = {seed};
    int p = pick(&r, 0, npolicies - 1), n = pick(&r, 3, 5);
    if (policy) {
        for (p = 0; p < npolicies && strcmp(policy, policies[p]); p++)
            ;
        if (p == npolicies) {
            err->msg_ko[0] = 0;
            int at = snprintf(err->msg, sizeof err->msg, "unknown policy '%s'; expected ",
                              policy);
            for (int k = 0; k < npolicies && at > 0 && (size_t)at < sizeof err->msg; k++)
                at += snprintf(err->msg + at, sizeof err->msg - (size_t)at, "%s%s",
                               k == 0 ? "" : k + 1 == npolicies ? " or " : ", ", policies[k]);
            return NULL;
        }
    }
    if (nprocs) {
        if (nprocs < 1 || nprocs > 12) {
            err->msg_ko[0] = 0;
            snprintf(err->msg, sizeof err->msg, "a random lab has 1 to 12 processes, not %d",
                     nprocs);
            return NULL;
        }
        n = nprocs;
    }
    ps_outbuf b = {0};
    ps_out o = ps_outbuf_sink(&b);
    ps_outf(&o, "procsim: 1\ntitle: \"Random lab, seed %" PRIu64 "\"\ndescription: |\n"
                "  Made by procsim lab --random --seed %" PRIu64 " --policy %s --processes %d\n"
                "  (the same command makes the same lab). Work out the answers by hand,\n"
                "  then check them with procsim grade or procsim lab -c.\n",
            seed, seed, policies[p], n);
    ps_outf(&o, "system:\n  policy: %s\n", policies[p]);
    /* each setting draws from the generator only for the policies that
     * read it, so the labs of the other policies stay as they were */
    if (uses[p] & PS_USES_QUANTUM)
        ps_outf(&o, "  quantum: %d\n", pick(&r, 2, 4));
    if (uses[p] & PS_USES_MLQ)
        ps_outf(&o, "  queues: [{policy: rr, quantum: %d}, {policy: fcfs}]\n", pick(&r, 2, 4));
    if (uses[p] & PS_USES_SEED)
        ps_outf(&o, "  seed: %d\n", pick(&r, 1, 999));
    if ((uses[p] & PS_USES_PRIORITY) && (uses[p] & PS_USES_ROUND)) /* priority-rr */
        ps_outf(&o, "  aging: {every: %d, by: 1}\n", pick(&r, 3, 6));
    ps_out_puts(&o, "devices: [disk]\nprocesses:\n");
    int horizon = 0;
    for (int i = 1; i <= n; i++) {
        int arrival = i == 1 ? 0 : pick(&r, 0, 6), bursts = pick(&r, 1, 2);
        ps_outf(&o, "  - name: P%d\n    arrival: %d\n", i, arrival);
        if (uses[p] & PS_USES_PRIORITY)
            ps_outf(&o, "    priority: %d\n", pick(&r, 1, 4));
        if (uses[p] & PS_USES_MLQ)
            ps_outf(&o, "    queue: %d\n", pick(&r, 0, 1));
        if (uses[p] & PS_USES_TICKETS) /* whole strides: 10000 / 50, 100, 200, 250 */
            ps_outf(&o, "    tickets: %d\n", tickets[pick(&r, 0, NTICKETS - 1)]);
        if (uses[p] & PS_USES_CFS) /* weights 3121, 1024 (twice as likely), 335 */
            ps_outf(&o, "    nice: %d\n", nices[pick(&r, 0, NNICES - 1)]);
        ps_out_puts(&o, "    program: [");
        for (int k = 0; k < bursts; k++) {
            int cpu = pick(&r, 1, 7);
            horizon += cpu;
            ps_outf(&o, "%scpu %d", k ? ", " : "", cpu);
            if (k + 1 < bursts) {
                int io = pick(&r, 1, 5);
                ps_outf(&o, ", io disk %d", io);
            }
        }
        ps_out_puts(&o, "]\n");
    }
    ps_out_puts(&o, "questions:\n");
    int used = 0, q = 0; /* each kind of question once */
    uint32_t pid;
    int64_t tick;
    if (!strcmp(policies[p], "hrrn") && !b.nomem && ratio_moment(b.s, &r, &pid, &tick) == 0) {
        ps_outf(&o, "  - ask: \"Just after tick %lld, when hrrn chooses whom to run, what is "
                    "the response ratio of P%u (two decimals)?\"\n"
                    "    ask_ko: \"%lld틱 직후 hrrn이 실행할 프로세스를 고를 때 P%u의 응답 비율은"
                    "(소수점 둘째 자리까지)?\"\n    answer: ratio P%u at %lld\n",
                (long long)tick, pid, (long long)tick, pid, pid, (long long)tick);
        q++;
    }
    for (; q < 6; q++) {
        int k;
        do
            k = pick(&r, 0, NTEMPLATES - 1);
        while (used & (1 << k));
        used |= 1 << k;
        question(&o, &r, k, n, horizon > 1 ? horizon - 1 : 1);
    }
    if (b.nomem) {
        ps_outbuf_fini(&b);
        err->msg_ko[0] = 0;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    return b.s;
}
