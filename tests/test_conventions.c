/* test_conventions.c — the conventions books differ on (docs/engine.md,
 * "Conventions"): published schedules with the settings that give the
 * book's numbers, and for each convention a case worked by hand in which
 * its default and its other value part.  Each schedule is tagged with the
 * rules it shows; the test rule_<ID>_... runs the schedules tagged <ID>.
 *
 * Sources: Stallings, Operating Systems: Internals and Design Principles,
 * Table 9.5 / Figure 9.5 (A arrives 0 service 3; B 2, 6; C 4, 4; D 6, 5;
 * E 8, 2); Silberschatz, Galvin & Gagne, Operating System Concepts,
 * Figure 5.5 (a process of 10 time units: quantum 12, 6, 1 gives 0, 1, 9
 * context switches) and §5.3.4 (RR, quantum 4: 24, 3, 3). */
#include <stdio.h>
#include <string.h>

#include "testkit.h"
#include "procsim/cause.h"
#include "procsim/stats.h"

#define NONE (-1) /* a number the schedule does not check */

typedef struct expect {
    const char *name;
    int64_t finish, waiting, switches;
    const char *cpus; /* the CPU of each of its dispatches, "0 1"; NULL: not checked */
} expect;

typedef struct schedule {
    const char *rules; /* the rule IDs of docs/engine.md it shows */
    const char *what;
    const char *yaml;
    expect want[6];
} schedule;

#define HEAD(policy) "procsim: 1\ntitle: t\nsystem: {policy: " policy "}\nprocesses:\n"
#define P(name, arrival, prog) \
    "  - {name: " name ", arrival: " #arrival ", program: [" prog "]}\n"
#define PP(name, arrival, prio, prog) \
    "  - {name: " name ", arrival: " #arrival ", priority: " #prio ", program: [" prog "]}\n"
#define STALLINGS P("A", 0, "cpu 3") P("B", 2, "cpu 6") P("C", 4, "cpu 4") \
    P("D", 6, "cpu 5") P("E", 8, "cpu 2")
#define FINISH(a, b, c, d, e) \
    {{"A", a, NONE, NONE, NULL}, {"B", b, NONE, NONE, NULL}, {"C", c, NONE, NONE, NULL}, \
     {"D", d, NONE, NONE, NULL}, {"E", e, NONE, NONE, NULL}}
#define FIG55(q, extra, n) \
    {"CS-self CS-first", "Silberschatz Fig. 5.5: quantum " #q ", " #n " context switches", \
     HEAD("rr, quantum: " #q extra) P("P", 0, "cpu 10"), {{"P", 10, 0, n, NULL}}}

static const schedule schedules[] = {
    /* ---- Stallings Table 9.5: the defaults give the book's numbers ---- */
    {"stallings", "Stallings FCFS", HEAD("fcfs") STALLINGS, FINISH(3, 9, 13, 18, 20)},
    /* RR q = 1: at 2 B arrives as A's quantum ends, and Stallings queues
     * B first (A finishes at 4, not 3): before-preempted, the default. */
    {"stallings RA1", "Stallings RR q=1 (before-preempted)", HEAD("rr, quantum: 1") STALLINGS,
     FINISH(4, 18, 17, 20, 15)},
    {"stallings", "Stallings RR q=4", HEAD("rr, quantum: 4") STALLINGS,
     FINISH(3, 17, 11, 20, 19)},
    {"stallings", "Stallings SPN", HEAD("sjf") STALLINGS, FINISH(3, 9, 15, 20, 11)},
    {"stallings", "Stallings SRT", HEAD("srtf") STALLINGS, FINISH(3, 15, 8, 20, 10)},
    /* The same workload with the other order: A keeps its CPU at 2 (only
     * B, a newcomer, is Ready) and ends at 3; at 4 B keeps its CPU as C
     * arrives; from 5 a process timed out queues ahead of the arrivals of
     * its tick (C ahead of D at 6, C ahead of E at 8). */
    {"RA1 RA2", "Stallings RR q=1, after-preempted",
     HEAD("rr, quantum: 1, rr_arrival: after-preempted") STALLINGS, FINISH(3, 18, 15, 20, 16)},

    /* ---- rr_arrival ---- */
    /* q = 2.  A runs 0-2; B has waited since 1; C arrives at 2 as A's
     * quantum ends.  before-preempted: [B, C, A]: B 2-4, C 4-6, A 6-8.
     * after-preempted: [B, A, C]: B 2-4, A 4-6, C 6-8. */
    {"RA1", "rr: the arrival ahead of the process timed out (default)",
     HEAD("rr, quantum: 2") P("A", 0, "cpu 4") P("B", 1, "cpu 2") P("C", 2, "cpu 2"),
     {{"A", 8, 4, 2, NULL}, {"B", 4, 1, 1, NULL}, {"C", 6, 2, 1, NULL}}},
    {"RA1", "rr: the process timed out ahead of the arrival",
     HEAD("rr, quantum: 2, rr_arrival: after-preempted") P("A", 0, "cpu 4") P("B", 1, "cpu 2")
         P("C", 2, "cpu 2"),
     {{"A", 6, 2, 2, NULL}, {"B", 4, 1, 1, NULL}, {"C", 8, 4, 1, NULL}}},
    /* q = 2.  B arrives at 2 as A's quantum ends, nobody else is Ready.
     * Default (rule I10): A times out, B 2-4, A 4-6.  after-preempted: the
     * quantum is settled before B arrives: A keeps its CPU (one dispatch,
     * no timeout), runs 0-4, B 4-6. */
    {"RA2", "rr, after-preempted: a quantum ending as a process arrives is renewed",
     HEAD("rr, quantum: 2, rr_arrival: after-preempted") P("A", 0, "cpu 4") P("B", 2, "cpu 2"),
     {{"A", 4, 0, 1, NULL}, {"B", 6, 2, 1, NULL}}},

    /* ---- same_tick ---- */
    /* A (3) ends at 3, B (5) has waited since 1, C (1) arrives at 3.
     * arrival-first: C competes: C 3-4, B 4-9.  completion-first: the CPU
     * goes to B, which was Ready: B 3-8, C 8-9. */
    {"TICK1", "sjf: an arrival competes for the tick another ends (default)",
     HEAD("sjf") P("A", 0, "cpu 3") P("B", 1, "cpu 5") P("C", 3, "cpu 1"),
     {{"A", 3, 0, 1, NULL}, {"B", 9, 3, 1, NULL}, {"C", 4, 0, 1, NULL}}},
    {"TICK1", "sjf, completion-first: the freed CPU goes to one already Ready",
     HEAD("sjf, same_tick: completion-first") P("A", 0, "cpu 3") P("B", 1, "cpu 5")
         P("C", 3, "cpu 1"),
     {{"A", 3, 0, 1, NULL}, {"B", 8, 2, 1, NULL}, {"C", 9, 5, 1, NULL}}},
    /* The same with priorities (smaller more urgent): C (2) beats B (3)
     * only if it competes at 3. */
    {"TICK1", "priority: an arrival competes for the tick another ends (default)",
     HEAD("priority") PP("A", 0, 1, "cpu 3") PP("B", 1, 3, "cpu 5") PP("C", 3, 2, "cpu 1"),
     {{"A", 3, 0, 1, NULL}, {"B", 9, 3, 1, NULL}, {"C", 4, 0, 1, NULL}}},
    {"TICK1", "priority, completion-first",
     HEAD("priority, same_tick: completion-first") PP("A", 0, 1, "cpu 3")
         PP("B", 1, 3, "cpu 5") PP("C", 3, 2, "cpu 1"),
     {{"A", 3, 0, 1, NULL}, {"B", 8, 2, 1, NULL}, {"C", 9, 5, 1, NULL}}},
    /* rr q = 2: B arrives at 2 as A's quantum ends.  completion-first: the
     * quantum is settled among those there before B: A keeps its CPU,
     * 0-4, B 4-6 (the default: rule I10's A 6, B 4 above). */
    {"TICK1", "rr, completion-first: the arrival does not take the quantum's end",
     HEAD("rr, quantum: 2, same_tick: completion-first") P("A", 0, "cpu 4") P("B", 2, "cpu 2"),
     {{"A", 4, 0, 1, NULL}, {"B", 6, 2, 1, NULL}}},
    /* srtf: the freed CPU goes to B at 3, then C (shorter) arrives and
     * preempts it in the same instant: the schedule of arrival-first, with
     * B's zero-tick dispatch (two switches). */
    {"TICK1", "srtf, completion-first: the arrival preempts the one just dispatched",
     HEAD("srtf, same_tick: completion-first") P("A", 0, "cpu 3") P("B", 1, "cpu 5")
         P("C", 3, "cpu 1"),
     {{"A", 3, 0, 1, NULL}, {"B", 9, 3, 2, NULL}, {"C", 4, 0, 1, NULL}}},

    /* ---- switch_cost_first ---- */
    /* switch cost 1.  Default (rule CS): A 1-3, B 4-6.  false: A's dispatch
     * is the CPU's first: free, and no switch: A 0-2, B 3-5. */
    {"CS-first", "fcfs, switch cost 1, the first dispatch charged (default)",
     HEAD("fcfs, switch_cost: 1") P("A", 0, "cpu 2") P("B", 0, "cpu 2"),
     {{"A", 3, 0, 1, NULL}, {"B", 6, 3, 1, NULL}}},
    {"CS-first", "fcfs, switch cost 1, the first dispatch free",
     HEAD("fcfs, switch_cost: 1, switch_cost_first: false") P("A", 0, "cpu 2")
         P("B", 0, "cpu 2"),
     {{"A", 2, 0, 0, NULL}, {"B", 5, 2, 1, NULL}}},
    /* Each CPU's first dispatch: A and B start at 0 on CPUs 0 and 1 for
     * free; C waits for CPU 0 and pays 1: 3-5. */
    {"CS-first", "two CPUs: the first dispatch of each is free",
     HEAD("fcfs, cpus: 2, switch_cost: 1, switch_cost_first: false") P("A", 0, "cpu 2")
         P("B", 0, "cpu 2") P("C", 0, "cpu 2"),
     {{"A", 2, 0, 0, "0"}, {"B", 2, 0, 0, "1"}, {"C", 5, 2, 1, "0"}}},

    /* ---- count_self_switch ---- */
    /* Fig. 5.5 with the book's conventions: renewals count, the first
     * dispatch does not. */
    FIG55(12, ", count_self_switch: true, switch_cost_first: false", 0),
    FIG55(6, ", count_self_switch: true, switch_cost_first: false", 1),
    FIG55(1, ", count_self_switch: true, switch_cost_first: false", 9),
    /* The defaults: one dispatch, whatever the quantum. */
    {"CS-self", "one process, quantum 1, renewals not counted (default)",
     HEAD("rr, quantum: 1") P("P", 0, "cpu 10"), {{"P", 10, 0, 1, NULL}}},
    {"CS-self", "one process, quantum 1, renewals counted, the first dispatch too",
     HEAD("rr, quantum: 1, count_self_switch: true") P("P", 0, "cpu 10"),
     {{"P", 10, 0, 10, NULL}}},
    /* Silberschatz's RR q=4 (24, 3, 3) with a switch cost of 1 and both
     * conventions: P1 0-4 (free first dispatch), P2 5-8, P3 9-12, P1 13-17,
     * then P1 alone: each renewal a switch costing 1: 18-22, 23-27, 28-32,
     * 33-37.  P1: the dispatch at 12 and 4 renewals = 5 switches. */
    {"CS-self", "Silberschatz RR q=4 with a switch cost and the book's counting",
     HEAD("rr, quantum: 4, switch_cost: 1, switch_cost_first: false, "
          "count_self_switch: true") P("P1", 0, "cpu 24") P("P2", 0, "cpu 3")
         P("P3", 0, "cpu 3"),
     {{"P1", 37, 8, 5, NULL}, {"P2", 8, 4, 1, NULL}, {"P3", 12, 8, 1, NULL}}},
    /* ... and without count_self_switch: P1 13-33 in one stay. */
    {"CS-self", "the same, renewals neither counted nor charged (default)",
     HEAD("rr, quantum: 4, switch_cost: 1, switch_cost_first: false") P("P1", 0, "cpu 24")
         P("P2", 0, "cpu 3") P("P3", 0, "cpu 3"),
     {{"P1", 33, 8, 1, NULL}, {"P2", 8, 4, 1, NULL}, {"P3", 12, 8, 1, NULL}}},

    /* ---- affinity ---- */
    /* rr q=2 on two CPUs: A (cpu 0) and B (cpu 1) time out at 2 and C, Ready
     * since 0, is first.  none: C takes CPU 0 and A moves to CPU 1; B then
     * CPU 0 at 4.  keep: C takes CPU 1 (A, next in line, wants CPU 0 back),
     * A CPU 0; at 4 B gets CPU 1 back. */
    {"AF1", "two CPUs, rr: a process changes CPU (default)",
     HEAD("rr, quantum: 2, cpus: 2") P("A", 0, "cpu 4") P("B", 0, "cpu 4") P("C", 0, "cpu 2"),
     {{"A", 4, 0, 2, "0 1"}, {"B", 6, 2, 2, "1 0"}, {"C", 4, 2, 1, "0"}}},
    {"AF1", "two CPUs, rr, affinity keep: back to the CPU it last ran on",
     HEAD("rr, quantum: 2, cpus: 2, affinity: keep") P("A", 0, "cpu 4") P("B", 0, "cpu 4")
         P("C", 0, "cpu 2"),
     {{"A", 4, 0, 2, "0 0"}, {"B", 6, 2, 2, "1 1"}, {"C", 4, 2, 1, "1"}}},
    /* CPU 0 falls idle at 1, CPU 1 at 3 when X arrives.  none: X takes the
     * lowest-numbered idle CPU, 0.  keep: the CPU freed at 3 chooses first. */
    {"AF1", "two CPUs: the lowest-numbered idle CPU takes an arrival (default)",
     HEAD("fcfs, cpus: 2") P("A", 0, "cpu 1") P("B", 0, "cpu 3") P("X", 3, "cpu 2"),
     {{"A", 1, 0, 1, "0"}, {"B", 3, 0, 1, "1"}, {"X", 5, 0, 1, "0"}}},
    {"AF1", "two CPUs, affinity keep: the CPU freed in the instant chooses first",
     HEAD("fcfs, cpus: 2, affinity: keep") P("A", 0, "cpu 1") P("B", 0, "cpu 3")
         P("X", 3, "cpu 2"),
     {{"A", 1, 0, 1, "0"}, {"B", 3, 0, 1, "1"}, {"X", 5, 0, 1, "1"}}},

    /* ---- starts_blocked ---- */
    /* P1 runs 0-5.  P2 and P3 arrive at 1 and start their io / sleep at
     * once, New: P3 is admitted at 3, P2 at 5 (disk 1-5).  P1's io at 5
     * queues behind P2's (step 1 before step 3), disk 5-8.  CPU: P3 5-6,
     * P2 6-9, P1 9-11.  Without starts_blocked P2 and P3 would wait for
     * the CPU until 5 before their first op. */
    {"SB1", "starts_blocked: the first io and sleep begin at arrival",
     HEAD("fcfs") P("P1", 0, "cpu 5, io disk 3, cpu 2")
         "  - {name: P2, arrival: 1, starts_blocked: true, program: [io disk 4, cpu 3]}\n"
         "  - {name: P3, arrival: 1, starts_blocked: true, program: [sleep 2, cpu 1]}\n",
     {{"P1", 11, 1, 2, NULL}, {"P2", 9, 1, 1, NULL}, {"P3", 6, 2, 1, NULL}}},
    {"SB1", "the same without starts_blocked",
     HEAD("fcfs") P("P1", 0, "cpu 5, io disk 3, cpu 2") P("P2", 1, "io disk 4, cpu 3")
         P("P3", 1, "sleep 2, cpu 1"),
     /* P2 and P3 wait for the CPU 1-5.  At 5 P1's io takes the disk
      * (5-8); P2 is dispatched and queues behind it (disk 8-12); P3 sleeps
      * 5-7 and runs 7-8; P1 runs 8-10, P2 12-15. */
     {{"P1", 10, 0, 2, NULL}, {"P2", 15, 4, 2, NULL}, {"P3", 8, 4, 2, NULL}}},
};

/* The CPUs of `name`'s dispatches, as "0 1". */
static const char *dispatch_cpus(const tk_run *r, const char *name, char *buf, size_t size)
{
    uint32_t pid = tk_pid(r, name);
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].pid == pid && r->ev[i].event == PS_EV_DISPATCH)
            o += (size_t)snprintf(buf + o, size - o, "%s%lld", o ? " " : "",
                                  (long long)r->ev[i].a);
    return buf;
}

static void run_schedule(const schedule *sc)
{
    tk_run r;
    tk_run_yaml(&r, sc->yaml, -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    for (const expect *w = sc->want; w->name; w++) {
        ps_proc_stats st;
        char cpus[64];
        ps_stats_proc(r.e, tk_pid(&r, w->name), &st);
        if (st.finish != w->finish || (w->waiting != NONE && st.waiting != w->waiting) ||
            (w->switches != NONE && st.switches != w->switches))
            fail_msg("%s: %s finished at %lld, waited %lld, %u switches; expected %lld, %lld, "
                     "%lld (-1: any)", sc->what, w->name, (long long)st.finish,
                     (long long)st.waiting, st.switches, (long long)w->finish,
                     (long long)w->waiting, (long long)w->switches);
        if (w->cpus && strcmp(dispatch_cpus(&r, w->name, cpus, sizeof cpus), w->cpus) != 0)
            fail_msg("%s: %s was dispatched on cpus %s; expected %s", sc->what, w->name, cpus,
                     w->cpus);
    }
    tk_run_fini(&r);
}

/* Run every schedule tagged `tag` (there must be one). */
static void run_schedules_of(const char *tag)
{
    size_t len = strlen(tag), ran = 0;
    for (size_t i = 0; i < sizeof schedules / sizeof schedules[0]; i++)
        for (const char *t = schedules[i].rules; (t = strstr(t, tag)); t += len)
            if ((t == schedules[i].rules || t[-1] == ' ') && (t[len] == ' ' || !t[len])) {
                run_schedule(&schedules[i]);
                ran++;
                break;
            }
    if (!ran)
        fail_msg("no schedule shows %s", tag);
}

#define SCHEDULES(fn, tag)                                                   \
    static void fn(void **state)                                             \
    {                                                                        \
        (void)state;                                                         \
        run_schedules_of(tag);                                               \
    }
SCHEDULES(stallings_table_9_5_with_the_default_conventions, "stallings")
SCHEDULES(rule_RA1_who_queues_first_in_a_tick, "RA1")
SCHEDULES(rule_RA2_after_preempted_settles_a_quantum_before_the_arrivals, "RA2")
SCHEDULES(rule_TICK1_completion_first_dispatches_before_the_arrivals, "TICK1")
SCHEDULES(rule_CS_first_a_cpus_first_dispatch_may_be_free, "CS-first")
SCHEDULES(rule_CS_self_a_renewed_quantum_may_count_as_a_switch, "CS-self")
SCHEDULES(rule_AF1_keep_sends_a_process_back_to_its_cpu, "AF1")
SCHEDULES(rule_SB1_starts_blocked_begins_the_first_op_at_arrival, "SB1")

/* The conventions a policy ignores change nothing: rr_arrival and
 * count_self_switch set by hand on a scenario switched to fcfs (as
 * ps_scenario_set_policy may leave them) give fcfs's schedule. */
static void a_convention_the_policy_ignores_is_its_default(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(HEAD("rr, quantum: 1, rr_arrival: after-preempted, "
                                  "count_self_switch: true") STALLINGS);
    ps_error err;
    assert_int_equal(ps_scenario_set_policy(s, PS_POLICY_FCFS, 0, &err), 0);
    tk_run r;
    tk_run_scenario(&r, s, -1);
    static const int64_t fcfs[] = {3, 9, 13, 18, 20};
    for (uint32_t pid = 1; pid <= 5; pid++) {
        ps_proc_stats st;
        ps_stats_proc(r.e, pid, &st);
        assert_int_equal(st.finish, fcfs[pid - 1]);
        assert_int_equal(st.switches, 1);
    }
    tk_run_fini(&r);
}

/* SB1: a process killed while New doing its first io leaves the device:
 * the next request is served at once. */
static void rule_SB1_a_kill_while_new_frees_the_device(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                HEAD("fcfs") P("A", 0, "cpu 2, io disk 3")
                "  - {name: B, arrival: 0, starts_blocked: true, program: [io disk 10]}\n"
                "events:\n  - {at: 1, do: kill B}\n",
                -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    char path[128];
    assert_string_equal(tk_path(&r, "B", path, sizeof path), "new exit");
    assert_int_equal(ps_engine_pcb(r.e, tk_pid(&r, "A"))->finish, 5);
    tk_run_fini(&r);
}

/* SB1: admitted when its first op is done, it says so, in both languages;
 * with memory full it is admitted to Ready/Suspend, as any other. */
static void rule_SB1_its_admission_says_its_first_op_is_done(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: fcfs, memory: 10}\nprocesses:\n"
                "  - {name: A, memory: 10, program: [cpu 5]}\n"
                "  - {name: B, memory: 5, starts_blocked: true, program: [sleep 2, cpu 1]}\n"
                "  - {name: C, memory: 5, starts_blocked: true, program: [sleep 9, cpu 1]}\n",
                -1);
    assert_int_equal(r.status, PS_STEP_DONE);
    char path[128], en[160], ko[160];
    assert_string_equal(tk_path(&r, "B", path, sizeof path),
                        "new ready-suspended ready running exit");
    assert_string_equal(tk_path(&r, "C", path, sizeof path), "new ready running exit");
    long i = tk_find(&r, "C", PS_READY, 0);
    assert_true(i >= 0);
    assert_int_equal(r.ev[i].time, 9);
    ps_cause_format(r.e, &r.ev[i], PS_LANG_EN, en, sizeof en);
    ps_cause_format(r.e, &r.ev[i], PS_LANG_KO, ko, sizeof ko);
    assert_string_equal(en, "its first op done: memory 5/10");
    assert_string_equal(ko, "첫 연산 끝남: 메모리 5/10");
    tk_run_fini(&r);
}

/* ---- random scenarios with every convention ------------------------------ */

static uint64_t rng;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static void put(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *len, size - *len, fmt, ap);
    va_end(ap);
    assert_true(n > 0 && *len + (size_t)n < size);
    *len += (size_t)n;
}

/* A random scenario under a policy with a quantum or without, every
 * convention drawn (priority_order is the priority helpers'), some
 * processes starting Blocked. */
static void random_scenario(char *buf, size_t size)
{
    static const char *const policies[] = {"fcfs", "sjf", "srtf", "priority",
                                           "priority-preemptive", "hrrn", "rr",
                                           "priority-rr", "mlq", "mlfq"};
    static const char *const ops[] = {"cpu 2", "cpu 1", "io d0 2", "io d1 1", "sleep 2",
                                      "send q 1", "recv q", "add v 1"};
    size_t len = 0;
    unsigned pol = rnd(10);
    int round = pol >= 6 && pol <= 8, quantum = pol >= 6, mlq = pol == 8;
    put(buf, size, &len, "procsim: 1\ntitle: random\nsystem: {cpus: %u, policy: %s, "
        "quantum: %u, switch_cost: %u, same_tick: %s, affinity: %s, switch_cost_first: %s",
        1 + rnd(3), policies[pol], 1 + rnd(3), rnd(2), rnd(2) ? "arrival-first" :
        "completion-first", rnd(2) ? "none" : "keep", rnd(2) ? "true" : "false");
    if (rnd(2))
        put(buf, size, &len, ", memory: 60");
    if (round)
        put(buf, size, &len, ", rr_arrival: %s", rnd(2) ? "before-preempted" : "after-preempted");
    if (mlq)
        put(buf, size, &len, ", queues: [{policy: rr, quantum: 2}, {policy: fcfs}]");
    if (quantum)
        put(buf, size, &len, ", count_self_switch: %s", rnd(2) ? "true" : "false");
    put(buf, size, &len, "}\ndevices: [d0, d1]\nprocesses:\n");
    for (unsigned i = 0, n = 1 + rnd(6); i < n; i++) {
        int blocked = rnd(3) == 0;
        put(buf, size, &len, "  - {name: p%u, arrival: %u, priority: %u, memory: %u%s%s, "
            "program: [%s", i, rnd(6), rnd(3), rnd(3) * 20, mlq ? (rnd(2) ? ", queue: 1" : "") : "",
            blocked ? ", starts_blocked: true" : "", blocked ? (rnd(2) ? "io d0 3, " : "sleep 2, ")
                                                               : "");
        for (unsigned k = 0, m = rnd(5); k < m; k++)
            put(buf, size, &len, "%s, ", ops[rnd(8)]);
        put(buf, size, &len, "send q 1, cpu 1]}\n");
    }
    if (rnd(2))
        put(buf, size, &len, "events:\n  - {at: %u, do: %s p0}\n", rnd(8),
            rnd(2) ? "kill" : "suspend");
}

static void random_scenarios_with_conventions_keep_the_invariants(void **state)
{
    (void)state;
    char yaml[4096], why[512];
    for (uint64_t seed = 1; seed <= 2000; seed++) {
        rng = seed * 0x9E3779B97F4A7C15ull;
        random_scenario(yaml, sizeof yaml);
        tk_run r;
        tk_run_yaml(&r, yaml, 0);
        uint64_t steps = 0, budget = tk_step_budget(r.s);
        do {
            r.status = ps_engine_step(r.e);
            if (ps_engine_check(r.e, why, sizeof why))
                fail_msg("seed %llu: invariant broken: %s\n%s", (unsigned long long)seed, why,
                         yaml);
            if (++steps >= budget)
                fail_msg("seed %llu: step budget exceeded\n%s", (unsigned long long)seed, yaml);
        } while (r.status == PS_STEP_OK);
        if (r.status != PS_STEP_DONE && r.status != PS_STEP_STUCK)
            fail_msg("seed %llu: status %d\n%s", (unsigned long long)seed, r.status, yaml);
        for (uint32_t pid = 1; pid <= r.s->nprocs; pid++) {
            const ps_pcb *p = ps_engine_pcb(r.e, pid);
            int64_t sum = 0;
            for (int st = 0; st < PS_STATE_COUNT; st++)
                sum += p->state_time[st];
            if (p->state == PS_EXIT && sum != p->finish - p->arrival)
                fail_msg("seed %llu: %s's states add up to %lld, it lived %lld\n%s",
                         (unsigned long long)seed, p->name, (long long)sum,
                         (long long)(p->finish - p->arrival), yaml);
        }
        tk_run_fini(&r);
    }
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stallings_table_9_5_with_the_default_conventions),
        cmocka_unit_test(rule_RA1_who_queues_first_in_a_tick),
        cmocka_unit_test(rule_RA2_after_preempted_settles_a_quantum_before_the_arrivals),
        cmocka_unit_test(rule_TICK1_completion_first_dispatches_before_the_arrivals),
        cmocka_unit_test(rule_CS_first_a_cpus_first_dispatch_may_be_free),
        cmocka_unit_test(rule_CS_self_a_renewed_quantum_may_count_as_a_switch),
        cmocka_unit_test(rule_AF1_keep_sends_a_process_back_to_its_cpu),
        cmocka_unit_test(rule_SB1_starts_blocked_begins_the_first_op_at_arrival),
        cmocka_unit_test(rule_SB1_a_kill_while_new_frees_the_device),
        cmocka_unit_test(rule_SB1_its_admission_says_its_first_op_is_done),
        cmocka_unit_test(a_convention_the_policy_ignores_is_its_default),
        cmocka_unit_test(random_scenarios_with_conventions_keep_the_invariants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
