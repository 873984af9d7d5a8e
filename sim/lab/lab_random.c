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

/* What a question needs to be asked: a process, a tick, or both, and
 * which ticks make sense.  Every tick asked about lies inside the run and,
 * for a process, inside its life: a question never asks about a process
 * that has exited (its state is then exit, its next state none). */
enum need {
    NEED_NOTHING,
    NEED_PROC,      /* a process that finishes */
    NEED_ALIVE,     /* a process and a tick of its life, at which it has no
                       transition (the transitions at T do not count for
                       next P after T: nobody need wonder) */
    NEED_BLOCKED,   /* a process and a tick just after which it is Blocked
                       (Blocked/Suspend): it waits for something */
    NEED_TICK       /* a tick before the run's last exit */
};

/* The questions: English, Korean, the answer with %s for a process name
 * and %d for a tick where the form has them. */
static const struct {
    const char *en, *ko, *answer;
    enum need needs;
} templates[] = {
    {"When does %s finish?", "%s의 종료 시각은?", "finish %s", NEED_PROC},
    {"How long does %s wait in Ready, in all?", "%s의 준비 상태 대기 시간 합은?",
     "waiting %s", NEED_PROC},
    {"What is the response time of %s (first run minus arrival)?",
     "%s의 응답 시간(첫 실행 - 도착)은?", "response %s", NEED_PROC},
    {"What is the turnaround time of %s?", "%s의 반환 시간은?", "turnaround %s", NEED_PROC},
    {"What state is %s in just after tick %d?", "%2$d틱 직후 %1$s의 상태는?", "state %s at %d",
     NEED_ALIVE},
    {"Which state does %s go to next after tick %d?", "%2$d틱 뒤 %1$s의 다음 상태는?",
     "next %s after %d", NEED_ALIVE},
    {"Which process is running just after tick %d?", "%d틱 직후 실행 중인 프로세스는?",
     "running at %d", NEED_TICK},
    {"In what order do the processes finish?", "프로세스들이 끝나는 순서는?", "order",
     NEED_NOTHING},
    {"What is the average waiting time?", "평균 대기 시간은?", "average waiting", NEED_NOTHING},
    {"How many times is %s dispatched?", "%s의 디스패치 횟수는?", "switches %s", NEED_PROC},
    {"What does %s wait for just after tick %d?", "%2$d틱 직후 %1$s의 대기 대상은?",
     "waits %s at %d", NEED_BLOCKED},
};
enum { NTEMPLATES = sizeof templates / sizeof templates[0] };

/* The settings drawn for the policies that read them. */
static const int tickets[] = {50, 100, 200, 250};
static const int nices[] = {-5, 0, 0, 5};
enum { NTICKETS = sizeof tickets / sizeof *tickets, NNICES = sizeof nices / sizeof *nices };

/* ---- one run of the workload: what the questions may ask about ---------- */

enum { PROCS_MAX = 12 };

typedef struct move {
    int64_t time;
    uint32_t pid;
    uint8_t from, to;        /* ps_state */
} move;

typedef struct facts {
    move *m;                 /* every transition, in order */
    size_t n, cap;
    int lost;                /* out of memory: some are missing */
    int64_t born[PROCS_MAX + 1], exit[PROCS_MAX + 1]; /* per pid; exit -1: never */
    int64_t end;             /* the last exit */
} facts;

static void watch(void *ctx, const ps_trace_event *ev)
{
    facts *f = ctx;
    if (ev->pid > PROCS_MAX)
        return;
    if (f->n == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 256;
        move *m = realloc(f->m, cap * sizeof *m);
        if (!m) {
            f->lost = 1;
            return;
        }
        f->m = m;
        f->cap = cap;
    }
    f->m[f->n++] = (move){ev->time, ev->pid, ev->from, ev->to};
    if (ev->from == PS_NONE)
        f->born[ev->pid] = ev->time;
    if (ev->to == PS_EXIT) {
        f->exit[ev->pid] = ev->time;
        if (ev->time > f->end)
            f->end = ev->time;
    }
}

/* Runs `yaml` (the lab so far) into *f: 0, or -1 (it does not load, or
 * memory ran out). */
static int observe(const char *yaml, facts *f)
{
    ps_error err;
    memset(f, 0, sizeof *f);
    for (int p = 0; p <= PROCS_MAX; p++)
        f->born[p] = f->exit[p] = -1;
    ps_scenario *s = ps_scenario_load_string("random", yaml, strlen(yaml), &err);
    ps_engine *e = s ? ps_engine_create(s) : NULL;
    if (e) {
        ps_engine_set_listener(e, watch, f);
        ps_engine_run(e, -1);
    }
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return e && !f->lost ? 0 : -1;
}

/* pid's state just after tick t. */
static ps_state state_after(const facts *f, uint32_t pid, int64_t t)
{
    ps_state s = PS_NONE;
    for (size_t i = 0; i < f->n && f->m[i].time <= t; i++)
        if (f->m[i].pid == pid)
            s = (ps_state)f->m[i].to;
    return s;
}

static int moves_at(const facts *f, uint32_t pid, int64_t t)
{
    for (size_t i = 0; i < f->n && f->m[i].time <= t; i++)
        if (f->m[i].pid == pid && f->m[i].time == t)
            return 1;
    return 0;
}

static int fits(const facts *f, enum need need, uint32_t pid, int64_t t)
{
    if (need == NEED_ALIVE)
        return !moves_at(f, pid, t);
    ps_state s = state_after(f, pid, t);
    return s == PS_BLOCKED || s == PS_BLOCKED_SUSPENDED;
}

/* A (process, tick) pair for a question of need `need` (NEED_ALIVE,
 * NEED_BLOCKED) among processes 1..n, the ticks of each one's life: the
 * pairs counted, then one drawn.  0 with *pid and *tick, -1 when there
 * is none (the generator is then not drawn from). */
static int draw_pair(const facts *f, rng *r, int n, enum need need, uint32_t *pid,
                     int64_t *tick)
{
    uint32_t count = 0;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t want = pass ? (uint32_t)pick(r, 0, (int)count - 1) : 0, seen = 0;
        for (uint32_t p = 1; p <= (uint32_t)n; p++)
            for (int64_t t = f->born[p]; f->born[p] >= 0 && t < f->exit[p]; t++) {
                if (!fits(f, need, p, t))
                    continue;
                if (pass && seen == want) {
                    *pid = p;
                    *tick = t;
                    return 0;
                }
                seen++;
            }
        if (!(count = seen))
            return -1;
    }
    return -1;
}

/* Question k about the run f: written, or -1 when the run has nothing it
 * could sensibly ask (no process ever Blocked, say). */
static int question(ps_out *o, rng *r, int k, int n, const facts *f)
{
    char name[16], en[160], ko[160], answer[64];
    uint32_t pid = 0;
    int64_t tick = 0;
    switch (templates[k].needs) {
    case NEED_PROC: /* the processes that finish, one drawn */
        do
            pid = (uint32_t)pick(r, 1, n);
        while (f->exit[pid] < 0 && f->end >= 0);
        break;
    case NEED_ALIVE:
    case NEED_BLOCKED:
        if (draw_pair(f, r, n, templates[k].needs, &pid, &tick))
            return -1;
        break;
    case NEED_TICK:
        if (f->end < 1)
            return -1;
        tick = pick(r, 0, (int)f->end - 1);
        break;
    case NEED_NOTHING:
        break;
    }
    snprintf(name, sizeof name, "P%u", pid);
    switch (templates[k].needs) {
    case NEED_PROC:
        snprintf(en, sizeof en, templates[k].en, name);
        snprintf(ko, sizeof ko, templates[k].ko, name);
        snprintf(answer, sizeof answer, templates[k].answer, name);
        break;
    case NEED_ALIVE:
    case NEED_BLOCKED:
        snprintf(en, sizeof en, templates[k].en, name, (int)tick);
        snprintf(ko, sizeof ko, templates[k].ko, name, (int)tick);
        snprintf(answer, sizeof answer, templates[k].answer, name, (int)tick);
        break;
    case NEED_TICK:
        snprintf(en, sizeof en, templates[k].en, (int)tick);
        snprintf(ko, sizeof ko, templates[k].ko, (int)tick);
        snprintf(answer, sizeof answer, templates[k].answer, (int)tick);
        break;
    case NEED_NOTHING:
        snprintf(en, sizeof en, "%s", templates[k].en);
        snprintf(ko, sizeof ko, "%s", templates[k].ko);
        snprintf(answer, sizeof answer, "%s", templates[k].answer);
        break;
    }
    ps_outf(o, "  - ask: \"%s\"\n    ask_ko: \"%s\"\n    answer: %s\n", en, ko, answer);
    return 0;
}

/* ---- hrrn: a response ratio worth asking ------------------------------- */

/* A process Ready just after a tick at which another is dispatched (when
 * hrrn compares the ratios), in the run f, chosen by the generator: 0
 * with its pid and the tick, or -1 when there is none.  The stretches a
 * process spends Ready are taken in the order they end, the dispatches
 * in time order. */
static int ratio_moment(const facts *f, rng *r, uint32_t *pid, int64_t *tick)
{
    enum { SPANS_MAX = 256 };
    struct { uint32_t pid; int64_t from, to; } span[SPANS_MAX];
    int64_t dispatch[SPANS_MAX], since[PROCS_MAX + 1];
    int nspan = 0, ndispatch = 0;
    for (int p = 0; p <= PROCS_MAX; p++)
        since[p] = -1;
    for (size_t i = 0; i < f->n; i++) {
        const move *m = &f->m[i];
        if (m->to == PS_RUNNING && ndispatch < SPANS_MAX &&
            (!ndispatch || dispatch[ndispatch - 1] != m->time))
            dispatch[ndispatch++] = m->time;
        if (m->to == PS_READY && m->from != PS_READY)
            since[m->pid] = m->time;
        else if (m->from == PS_READY && since[m->pid] >= 0) {
            if (m->time > since[m->pid] && nspan < SPANS_MAX) {
                span[nspan].pid = m->pid;
                span[nspan].from = since[m->pid];
                span[nspan++].to = m->time;
            }
            since[m->pid] = -1;
        }
    }
    uint32_t count = 0; /* the (span, dispatch) pairs, counted, then one drawn */
    for (int pass = 0; pass < 2; pass++) {
        uint32_t want = pass ? (uint32_t)pick(r, 0, (int)count - 1) : 0, seen = 0;
        for (int i = 0; i < nspan; i++)
            for (int d = 0; d < ndispatch; d++) {
                if (dispatch[d] < span[i].from || dispatch[d] >= span[i].to)
                    continue;
                if (pass && seen == want) {
                    *pid = span[i].pid;
                    *tick = dispatch[d];
                    return 0;
                }
                seen++;
            }
        if (!(count = seen))
            return -1;
    }
    return -1;
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
            char list[2][400]; /* "a, b or c"; "a, b, c" */
            int at[2] = {0, 0};
            for (int k = 0; k < npolicies; k++)
                for (int l = 0; l < 2; l++)
                    if (at[l] >= 0 && (size_t)at[l] < sizeof list[l])
                        at[l] += snprintf(list[l] + at[l], sizeof list[l] - (size_t)at[l], "%s%s",
                                          !k ? "" : k + 1 == npolicies && !l ? " or " : ", ",
                                          policies[k]);
            snprintf(err->msg, sizeof err->msg, "unknown policy '%s'; expected %s", policy,
                     list[0]);
            snprintf(err->msg_ko, sizeof err->msg_ko,
                     "알 수 없는 정책 '%s' (쓸 수 있는 정책: %s)", policy, list[1]);
            return NULL;
        }
    }
    if (nprocs) {
        if (nprocs < 1 || nprocs > 12) {
            snprintf(err->msg, sizeof err->msg, "a random lab has 1 to 12 processes, not %d",
                     nprocs);
            snprintf(err->msg_ko, sizeof err->msg_ko,
                     "무작위 실습의 프로세스는 1개에서 12개까지인데 %d개입니다", nprocs);
            return NULL;
        }
        n = nprocs;
    }
    ps_outbuf b = {0};
    ps_out o = ps_outbuf_sink(&b);
    ps_outf(&o, "procsim: 1\ntitle: \"Random lab, seed %" PRIu64 "\"\n"
                "title_ko: \"무작위 실습, 시드 %" PRIu64 "\"\ndescription: |\n"
                "  Made by procsim lab --random --seed %" PRIu64 " --policy %s --processes %d\n"
                "  (the same command makes the same lab). Work out the answers by hand,\n"
                "  then check them with procsim grade or procsim lab -c.\n"
                "description_ko: |\n"
                "  이 실습을 만든 명령(같은 명령은 같은 실습을 만든다):\n"
                "    procsim lab --random --seed %" PRIu64 " --policy %s --processes %d\n"
                "  답을 손으로 구한 뒤 다음 명령으로 채점하거나 정답을 본다:\n"
                "    procsim grade 파일 답안\n"
                "    procsim lab 파일 -c\n",
            seed, seed, seed, policies[p], n, seed, policies[p], n);
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
    facts f;
    if (b.nomem || observe(b.s, &f)) {
        free(f.m);
        ps_outbuf_fini(&b);
        snprintf(err->msg, sizeof err->msg, "out of memory");
        snprintf(err->msg_ko, sizeof err->msg_ko, "메모리가 모자랍니다");
        return NULL;
    }
    if (!strcmp(policies[p], "hrrn") && ratio_moment(&f, &r, &pid, &tick) == 0) {
        ps_outf(&o, "  - ask: \"Just after tick %lld, when hrrn chooses whom to run, what is "
                    "the response ratio of P%u (two decimals)?\"\n"
                    "    ask_ko: \"%lld틱 직후 hrrn이 실행할 프로세스를 고를 때 P%u의 응답 비율은"
                    "(소수점 둘째 자리까지)?\"\n    answer: ratio P%u at %lld\n",
                (long long)tick, pid, (long long)tick, pid, pid, (long long)tick);
        q++;
    }
    while (q < 6 && used != (1 << NTEMPLATES) - 1) {
        int k;
        do
            k = pick(&r, 0, NTEMPLATES - 1);
        while (used & (1 << k));
        used |= 1 << k;
        q += question(&o, &r, k, n, &f) == 0;
    }
    free(f.m);
    if (b.nomem) {
        ps_outbuf_fini(&b);
        snprintf(err->msg, sizeof err->msg, "out of memory");
        snprintf(err->msg_ko, sizeof err->msg_ko, "메모리가 모자랍니다");
        return NULL;
    }
    return b.s;
}
