/* test_gui_pcb.c — the PCB panel's scheduling lines (gui/pcb_sched.h): the
 * priority or MLFQ level, and the fields the run's policy keeps (the
 * predicted burst, tickets and pass, nice and vruntime, the band), in
 * English and Korean, and none a policy does not keep.  And the whole
 * panel's text (gui/pcb_text.h) without placeholders: "—" for what is not
 * known yet, "not yet created" and "exited" rather than "swapped out", no
 * kernel letter without a real process, signals by name. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "testkit.h"
#include "pcb_sched.h"
#include "pcb_text.h"

#define HEAD(system) "procsim: 1\ntitle: t\nsystem: " system "\nprocesses:\n"

static const struct {
    const char *what, *yaml;
    int64_t until;         /* the tick the panel is read at */
    const char *process;
    gui_lang lang;
    int lines;             /* how many */
    const char *want;      /* one of them has this */
    const char *not_want;  /* none has this (NULL: no check) */
} cases[] = {
    {"fcfs: the priority alone", HEAD("{policy: fcfs}") "  - {name: a, program: [cpu 2]}\n", 1,
     "a", GUI_EN, 1, "priority: base 0, now 0", NULL},
    {"sjf knows the real burst: no prediction",
     HEAD("{policy: sjf}") "  - {name: a, program: [cpu 2]}\n", 1, "a", GUI_EN, 1, "priority",
     "predicted"},
    /* the shipped example at 9: P1 predicted at 6, P2 at 8 */
    {"sjf with burst_estimate", NULL, 9, "P1", GUI_EN, 2, "predicted burst τ 6", NULL},
    {"sjf with burst_estimate, Korean", NULL, 9, "P2", GUI_KO, 2, "예측한 CPU 버스트 τ 8", NULL},
    /* 0.5*5 + 0.5*10 after the first burst */
    {"a prediction in thousandths",
     HEAD("{policy: srtf, burst_estimate: {alpha: 0.5, initial: 10}}")
     "  - {name: a, program: [cpu 5, io disk 1, cpu 1]}\n", 5, "a", GUI_EN, 2,
     "predicted burst τ 7.5", NULL},
    {"mlfq, OSTEP's rules: the allotment", HEAD("{policy: mlfq, quantum: 2}")
     "  - {name: a, program: [cpu 4]}\n", 1, "a", GUI_EN, 1,
     "level 0: quantum left 1, allotment 1", NULL},
    {"mlfq, Stallings' feedback: no allotment",
     HEAD("{policy: mlfq, mlfq_style: stallings, quantum: 1}") "  - {name: a, program: [cpu 4]}\n"
     "  - {name: b, program: [cpu 4]}\n", 2, "a", GUI_EN, 1, "level 1: quantum left", "allotment"},
    {"stride: tickets and pass", HEAD("{policy: stride}")
     "  - {name: a, tickets: 50, program: [cpu 2]}\n", 1, "a", GUI_EN, 2, "tickets 50, pass ",
     NULL},
    {"lottery: tickets, no pass", HEAD("{policy: lottery}")
     "  - {name: a, program: [cpu 2]}\n", 1, "a", GUI_KO, 2, "티켓 100장", "pass"},
    {"cfs: nice and vruntime", HEAD("{policy: cfs}")
     "  - {name: a, nice: 5, program: [cpu 2]}\n", 1, "a", GUI_EN, 2, "nice 5, vruntime ", NULL},
    /* b has waited 2 ticks for a's 2: (2 + 1) / 1 */
    {"hrrn: the response ratio of a Ready process", HEAD("{policy: hrrn}")
     "  - {name: a, program: [cpu 3]}\n  - {name: b, program: [cpu 1]}\n", 2, "b", GUI_EN, 2,
     "response ratio 3", NULL},
    {"hrrn: no ratio while running, Korean", HEAD("{policy: hrrn}")
     "  - {name: a, program: [cpu 3]}\n  - {name: b, program: [cpu 1]}\n", 2, "a", GUI_KO, 2,
     "응답 비율 - (준비 상태 아님)", NULL},
    /* at 2 b, Ready since 1, would leave the CPU at once: burst 0 */
    {"hrrn: a Ready process of burst 0 has no bound", HEAD("{policy: hrrn}")
     "  - {name: a, program: [cpu 3]}\n"
     "  - {name: b, arrival: 1, program: [io disk 1, cpu 1]}\n", 2, "b",
     GUI_EN, 2, "response ratio unbounded (burst 0)", NULL},
    {"hrrn: a Ready process of burst 0 has no bound, Korean", HEAD("{policy: hrrn}")
     "  - {name: a, program: [cpu 3]}\n"
     "  - {name: b, arrival: 1, program: [io disk 1, cpu 1]}\n", 2, "b",
     GUI_KO, 2, "응답 비율 무한대 (버스트 0)", NULL},
    {"mlq: an rr band", HEAD("{policy: mlq, queues: [{policy: rr, quantum: 2}, {policy: fcfs}]}")
     "  - {name: a, program: [cpu 2]}\n  - {name: b, queue: 1, program: [cpu 2]}\n", 1, "a",
     GUI_EN, 2, "queue 0: rr, quantum 2", NULL},
    {"mlq: an fcfs band, Korean",
     HEAD("{policy: mlq, queues: [{policy: rr, quantum: 2}, {policy: fcfs}]}")
     "  - {name: a, program: [cpu 2]}\n  - {name: b, queue: 1, program: [cpu 2]}\n", 1, "b",
     GUI_KO, 2, "큐 1: fcfs", NULL},
};

static void the_policy_s_fields_appear(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_error err;
        ps_scenario *s = cases[i].yaml ? tk_load(cases[i].yaml)
                                       : ps_scenario_load_file("scenarios/policies/sjf-estimate.yaml",
                                                               &err);
        assert_non_null(s);
        tk_run r;
        tk_run_scenario(&r, s, cases[i].until);
        char lines[GUI_PCB_SCHED_LINES][GUI_PCB_LINE];
        char all[GUI_PCB_SCHED_LINES * (GUI_PCB_LINE + 3)] = ""; /* " | " between */
        int n = gui_pcb_sched_lines(r.e, tk_pid(&r, cases[i].process), cases[i].lang, lines);
        for (int k = 0; k < n; k++)
            snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", k ? " | " : "", lines[k]);
        if (n != cases[i].lines || !strstr(all, cases[i].want) ||
            (cases[i].not_want && strstr(all, cases[i].not_want)))
            fail_msg("%s: %d lines '%s'; expected %d with '%s'%s%s", cases[i].what, n, all,
                     cases[i].lines, cases[i].want, cases[i].not_want ? " and no " : "",
                     cases[i].not_want ? cases[i].not_want : "");
        tk_run_fini(&r);
    }
}


/* The processes of the placeholder cases: `late` arrives at 5; `kid` is
 * spawned and killed (SIGTERM, -15) by `boss`; `calm` is suspended at 1
 * by the script. */
#define LIFE HEAD("{policy: fcfs, cpus: 2}") \
    "  - {name: boss, program: [spawn kid, cpu 1, kill kid, cpu 1]}\n" \
    "  - {name: kid, parent: boss, program: [cpu 9]}\n" \
    "  - {name: late, arrival: 5, program: [cpu 1]}\n" \
    "  - {name: calm, program: [cpu 1, cpu 4]}\n" \
    "events:\n  - {at: 1, do: suspend calm}\n"

static const struct {
    const char *what;
    int64_t until;
    const char *process;
    gui_lang lang;
    int live, os_pid;       /* as detail() passes them */
    char kstate;            /* the kernel's letter last observed (0: none) */
    const char *want[4];    /* every one appears (NULL ends) */
    const char *not_want[4];/* none does */
} lives[] = {
    {"not yet created", 1, "late", GUI_EN, 0, 0, 0,
     {"state: not yet created", "first run —, finish —", "not yet created",
      "exit code: — (not yet created)"},
     {"-1", "swapped out", "none held", "kernel"}},
    {"not yet created, Korean", 1, "late", GUI_KO, 0, 0, 0,
     {"상태: 아직 생성되지 않음", "첫 실행 —, 종료 —", "종료 코드: — (아직 생성되지 않음)", NULL},
     {"-1", "스왑 아웃", "잡은 메모리 없음", NULL}},
    {"running", 1, "boss", GUI_EN, 0, 0, 0,
     {"state: Running", "first run 0, finish —", "resident", "exit code: — (not exited)"},
     {"-1", "kernel", NULL}},
    {"running in a live run: the kernel's letter", 1, "boss", GUI_EN, 1, 4242, 'R',
     {"state: Running   kernel: R", "real pid 4242", NULL}, {"-1", NULL}},
    {"a live run whose real process is gone: no letter", 4, "boss", GUI_KO, 1, 0, 'Z',
     {"상태: 종료", "실제 pid: 없음", NULL}, {"커널", NULL}},
    {"exited normally", 4, "boss", GUI_EN, 0, 0, 0,
     {"state: Exit", "first run 0, finish 2", "released: exited", "exit code 0"},
     {"-1", "swapped out", "killed", "last signal: SIG"}},
    {"killed by SIGTERM", 4, "kid", GUI_EN, 0, 0, 0,
     {"exit code -15 (killed by SIGTERM)", "last signal: SIGTERM", "released: exited", NULL},
     {"signal 15", "swapped out", NULL}},
    {"killed by SIGTERM, Korean", 4, "kid", GUI_KO, 0, 0, 0,
     {"종료 코드 -15 (SIGTERM 시그널로 종료됨)", "마지막 시그널: SIGTERM", "종료하며 반납함", NULL},
     {"15)", "스왑 아웃", NULL}},
    {"suspended: swapped out", 2, "calm", GUI_EN, 0, 0, 0,
     {"state: Ready/Suspend", "swapped out", "exit code: — (not exited)", NULL}, {"-1", NULL}},
    {"suspended, Korean", 2, "calm", GUI_KO, 0, 0, 0,
     {"상태: 보류 준비", "스왑 아웃됨", "종료 코드: — (아직 안 끝남)", NULL}, {"-1", NULL}},
};

/* The kernel letter, shown in the PCB and the table alike: only while a
 * real process is behind the pid. */
static void the_kernel_letter_needs_a_real_process(void **state)
{
    (void)state;
    static const struct {
        int created, live, os_pid;
        char kstate, shown;
    } rows[] = {
        {1, 1, 4242, 'S', 'S'}, /* live, running: its letter */
        {1, 1, 0, 'Z', 0},      /* reaped: its last letter no more */
        {1, 1, -1, 'R', 0},     /* no child */
        {1, 0, 4242, 'S', 0},   /* a model run */
        {0, 1, 4242, 'S', 0},   /* not created yet */
        {1, 1, 4242, 0, 0},     /* not read yet */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        ps_pcb p = {.created = (uint8_t)rows[i].created, .kstate = rows[i].kstate};
        if (gui_kernel_letter(&p, rows[i].live, rows[i].os_pid) != rows[i].shown)
            fail_msg("row %zu: letter %d, expected %d", i,
                     gui_kernel_letter(&p, rows[i].live, rows[i].os_pid), rows[i].shown);
    }
}

static void the_pcb_has_no_placeholders(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof lives / sizeof lives[0]; i++) {
        tk_run r;
        tk_run_yaml(&r, LIFE, lives[i].until);
        static gui_pcb_text t;
        if (lives[i].kstate)
            ps_engine_observe(r.e, tk_pid(&r, lives[i].process), lives[i].kstate, 0);
        gui_pcb_text_make(&t, r.e, tk_pid(&r, lives[i].process), lives[i].lang, lives[i].live,
                          lives[i].os_pid);
        char all[GUI_PCB_TEXT_MAX * 2 * (GUI_PCB_LINE + 3)] = "";
        for (int k = 0; k < t.nleft + t.nright; k++)
            snprintf(all + strlen(all), sizeof all - strlen(all), "%s | ",
                     k < t.nleft ? t.left[k].text : t.right[k - t.nleft].text);
        for (int k = 0; k < 4; k++) {
            if (lives[i].want[k] && !strstr(all, lives[i].want[k]))
                fail_msg("%s: no '%s' in '%s'", lives[i].what, lives[i].want[k], all);
            if (lives[i].not_want[k] && strstr(all, lives[i].not_want[k]))
                fail_msg("%s: '%s' in '%s'", lives[i].what, lives[i].not_want[k], all);
        }
        tk_run_fini(&r);
    }
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_policy_s_fields_appear),
        cmocka_unit_test(the_pcb_has_no_placeholders),
        cmocka_unit_test(the_kernel_letter_needs_a_real_process),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
