/* test_gui_words.c — what the window says, without a window: in Korean no
 * English word is left (the word tables, the causes, the events, and the
 * texts the pure producers make for every shipped scenario at several
 * ticks: the PCB, its scheduling lines, the shared-objects panel); the
 * quiz's feedback ("You chose Ready; it goes to Blocked: io disk 2"); and
 * the saved summary with the student's name on its first line. */
#include "testkit.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "procsim/cause.h"
#include "pcb_text.h"
#include "quiz_words.h"
#include "resources.h"

/* English words once found in the Korean window, and words like them.
 * Standard units and names stay English (CPU, PID, PC, fd, kB, RSS,
 * SIGTERM), as do the student's identifiers, the program's ops and the
 * Python calls and values it stands for (is_alive(p), q.empty(), True,
 * None). */
static const char *const remnants[] = {
    "idle", "serving", "in", "out", "swapped", "none", "held", "first", "run", "finish",
    "signal", "died", "killed", "exit", "exited", "recv", "sleep", "wait", "any", "lock",
    "timeout", "end", "release", "dispatch", "admit", "create", "wake", "suspend", "activate",
    "preempt", "kill", "running", "ready", "blocked", "not", "yet", "the", "of", "and",
    "cannot", "screenshot", "memory", "out", "empty", "queue", "waiting", "free", "live",
    "start", "at", "go", "back", "failed", "resident", "units", "children", "parent", "state",
    "arrival", "tick", "right", "chose", "goes", "student", "quiz", "program", "finished",
    "event", "occurs", "unlimited", "expired", "picks", "switch", "done", "message", "got",
};

/* Blank out what may stay English: {placeholders}, and the scenario's own
 * names (processes, devices, channels, mutexes, variables). */
static void blank(char *text, const char *name)
{
    size_t n = strlen(name);
    for (char *p = text; n && (p = strstr(p, name)) != NULL; p += n) {
        int before = p == text || !isalnum((unsigned char)p[-1]);
        int after = !isalnum((unsigned char)p[n]);
        if (before && after)
            memset(p, ' ', n);
    }
}

static void blank_names(char *text, const ps_scenario *s)
{
    for (uint32_t i = 0; s && i < s->nprocs; i++)
        blank(text, s->procs[i].name);
    const ps_names *lists[] = {s ? &s->devices : NULL, s ? &s->channels : NULL,
                               s ? &s->mutexes : NULL, s ? &s->variables : NULL};
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (uint32_t i = 0; lists[l] && i < lists[l]->count; i++)
            blank(text, lists[l]->names[i]);
    for (char *p = strchr(text, '{'), *q; p && (q = strchr(p, '}')); p = strchr(q, '{'))
        memset(p, ' ', (size_t)(q - p + 1));
}

/* The first English word of the list in Korean `text` (NULL: none). */
static const char *remnant_in(const char *korean, const ps_scenario *s)
{
    static char text[1024], word[64];
    snprintf(text, sizeof text, "%s", korean);
    blank_names(text, s);
    for (const char *p = text; *p;) {
        if (!isalpha((unsigned char)*p)) {
            p++;
            continue;
        }
        size_t n = 0;
        while (isalpha((unsigned char)p[n]) && n + 1 < sizeof word) {
            word[n] = (char)tolower((unsigned char)p[n]);
            n++;
        }
        word[n] = 0;
        p += n;
        if (*p == '(')
            continue; /* a Python call the program makes: q.empty(), is_alive(p) */
        for (size_t i = 0; i < sizeof remnants / sizeof *remnants; i++)
            if (!strcmp(word, remnants[i]))
                return word;
    }
    return NULL;
}

static void no_remnant(const char *what, const char *korean, const ps_scenario *s)
{
    const char *w = remnant_in(korean, s);
    if (w)
        fail_msg("%s: English '%s' in \"%s\"", what, w, korean);
}

/* ---- the tables ------------------------------------------------------- */

static void the_korean_tables_have_no_english(void **state)
{
    (void)state;
    char what[64];
    for (int w = 0; w < GUI_WORD_COUNT; w++) {
        snprintf(what, sizeof what, "word %d", w);
        no_remnant(what, gui_word_text((gui_word)w, GUI_KO), NULL);
    }
    for (int k = 0; k < PS_TRANSITION_COUNT; k++)
        no_remnant("arrow", gui_kind_text((ps_transition_kind)k, GUI_KO), NULL);
    for (int ev = 0; ev < PS_EVENT_COUNT; ev++) {
        no_remnant("event", ps_event_name_in((ps_event)ev, PS_LANG_KO), NULL);
        assert_string_not_equal(ps_event_name_in((ps_event)ev, PS_LANG_KO),
                                ps_event_name_in((ps_event)ev, PS_LANG_EN));
    }
    for (int st = 0; st < PS_STATE_COUNT; st++)
        no_remnant("state", gui_state_text((ps_state)st, GUI_KO), NULL);
    for (const char *const *l = gui_help_lines(GUI_KO); *l; l++)
        no_remnant("help", *l, NULL);
    /* the causes of model runs (a trace's keep the system calls' names) */
    for (int c = 0; c < PS_CAUSE_FORKED; c++)
        for (int other = 0; other < 2; other++)
            no_remnant(ps_cause_template((ps_cause)c, PS_LANG_KO, other), 
                       ps_cause_template((ps_cause)c, PS_LANG_KO, other), NULL);
}

/* ---- every shipped scenario, at several ticks -------------------------- */

static void fake_measure(void *ctx, const char *s, int normal, int *w, int *h)
{
    (void)ctx;
    *w = (int)strlen(s) * (normal ? 8 : 7);
    *h = normal ? 16 : 14;
}

static void scan_run(const char *path)
{
    static gui_sim g;
    static gui_res R;
    static gui_pcb_text t;
    char err[600], what[1024]; /* a path, a tick and a name */
    memset(&g, 0, sizeof g);
    if (gui_sim_open(&g, path, 0, err, sizeof err))
        fail_msg("%s", err);
    gui_layout L;
    gui_layout_compute(&L, 1920, 1080, 1);
    for (int step = 0; step < 400 && !gui_sim_done(&g); step++) {
        if (step % 7 == 0) {
            for (uint32_t pid = 1; pid <= g.s->nprocs; pid++) {
                gui_pcb_text_make(&t, g.e, pid, GUI_KO, 0, 0);
                for (int k = 0; k < t.nleft + t.nright; k++) {
                    const char *line = k < t.nleft ? t.left[k].text : t.right[k - t.nleft].text;
                    if (!strncmp(line, "PC ", 3) || (k < t.nleft && t.left[k].indent))
                        continue; /* the program as written; open files name ops */
                    snprintf(what, sizeof what, "%s at %lld, PCB of %s", path,
                             (long long)ps_engine_now(g.e), ps_engine_pcb(g.e, pid)->name);
                    no_remnant(what, line, g.s);
                }
            }
            gui_res_compute(&R, &g, GUI_KO, L.resources, 1, fake_measure, NULL);
            for (int i = 0; i < R.n; i++) {
                snprintf(what, sizeof what, "%s at %lld, shared objects", path,
                         (long long)ps_engine_now(g.e));
                if (R.item[i].style != GUI_RES_NONE) /* None: Python's */
                    no_remnant(what, R.item[i].text, g.s);
            }
            for (size_t i = g.nlog > 3 ? g.nlog - 3 : 0; i < g.nlog; i++) {
                char cause[240];
                gui_cause_text(g.e, &g.log[i].ev, GUI_KO, cause, sizeof cause);
                snprintf(what, sizeof what, "%s, a cause", path);
                no_remnant(what, cause, g.s);
            }
            for (uint32_t i = g.nops > 3 ? g.nops - 3 : 0; i < g.nops; i++) {
                char said[240]; /* what a process did to a shared object, in the log */
                ps_op_event_format(g.e, &gui_sim_op(&g, i)->ev, PS_LANG_KO, said, sizeof said);
                snprintf(what, sizeof what, "%s, an op event", path);
                no_remnant(what, said, g.s);
            }
        }
        gui_sim_step(&g);
    }
    gui_sim_close(&g);
}

static void every_shipped_scenario_reads_in_korean(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    static const char *const dirs[] = {"scenarios", "scenarios/labs", "scenarios/seeds",
                                       "scenarios/policies"};
    int scanned = 0;
    for (size_t d = 0; d < sizeof dirs / sizeof *dirs; d++) {
        DIR *dir = opendir(dirs[d]);
        assert_non_null(dir);
        for (struct dirent *de; (de = readdir(dir)) != NULL;) {
            size_t n = strlen(de->d_name);
            if (n < 6 || strcmp(de->d_name + n - 5, ".yaml"))
                continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dirs[d], de->d_name);
            scan_run(path);
            scanned++;
        }
        closedir(dir);
    }
    assert_true(scanned >= 40);
}

/* ---- the quiz's words ------------------------------------------------- */

/* a: cpu 2, then io disk 3 — Blocked at 2 */
static const char quiz_yaml[] = "procsim: 1\ntitle: the quiz\nsystem: {policy: fcfs}\n"
                                "processes:\n  - {name: a, program: [cpu 2, io disk 3, cpu 1]}\n";

/* The transition of a at `at` into `to` in the run of quiz_yaml. */
static ps_trace_event event_of(tk_run *r, int64_t at, ps_state to)
{
    ps_trace_event ev = {0};
    tk_run_yaml(r, quiz_yaml, at + 1);
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].time == at && r->ev[i].to == to)
            ev = r->ev[i];
    assert_int_equal(ev.to, to);
    return ev;
}

static void the_quiz_says_what_was_chosen_and_why(void **state)
{
    (void)state;
    static const struct {
        ps_state given;
        gui_lang lang;
        const char *want;
    } cases[] = {
        {PS_BLOCKED, GUI_EN, "tick 2, a: Right: it goes to Blocked: io disk 3"},
        {PS_READY, GUI_EN, "tick 2, a: You chose Ready; it goes to Blocked: io disk 3"},
        {PS_BLOCKED, GUI_KO, "2틱, a: 정답: 대기 상태로 갑니다: 입출력 disk 3"},
        {PS_EXIT, GUI_KO, "2틱, a: 종료 상태를 골랐지만, 실제로는 대기 상태로 갑니다: 입출력 disk 3"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tk_run r;
        ps_trace_event ev = event_of(&r, 2, PS_BLOCKED);
        char buf[400];
        assert_string_equal(gui_quiz_feedback(r.e, &ev, cases[i].given, cases[i].lang, buf,
                                              sizeof buf),
                            cases[i].want);
        if (cases[i].lang == GUI_KO)
            no_remnant("quiz feedback", buf, r.e ? ps_engine_scenario(r.e) : NULL);
        tk_run_fini(&r);
    }
}

/* The summary saved to a fresh folder and read back: the name first,
 * then the title, the score and the answers; no name line without one. */
static void the_summary_carries_the_student_s_name(void **state)
{
    (void)state;
    static const struct {
        const char *student;
        gui_lang lang;
        const char *first, *score, *answer;
    } cases[] = {
        {"Kim Minji", GUI_EN, "student: Kim Minji", "quiz, following a: 1 of 2 right",
         "- tick 2, a: You chose Ready; it goes to Blocked: io disk 3"},
        {"김민지", GUI_KO, "학생: 김민지", "퀴즈, 따라간 프로세스 a: 2문제 중 1개 정답",
         "+ 0틱, a: 정답: 준비 상태로 갑니다"},
        {NULL, GUI_EN, "the quiz", "quiz, following a: 1 of 2 right", "+ tick 0, a: Right"},
    };
    char dir[] = "/tmp/procsim-words-XXXXXX";
    assert_non_null(mkdtemp(dir));
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tk_run r;
        gui_quiz q;
        memset(&q, 0, sizeof q);
        gui_quiz_item items[2] = {{.ev = event_of(&r, 0, PS_READY), .given = PS_READY, .right = 1},
                                  {.ev = {0}, .given = PS_READY, .right = 0}};
        tk_run_fini(&r);
        items[1].ev = event_of(&r, 2, PS_BLOCKED);
        q.follow = items[1].ev.pid;
        q.items = items;
        q.nitems = 2;
        char path[256], text[2000] = "";
        snprintf(path, sizeof path, "%s/summary.txt", dir);
        assert_int_equal(gui_quiz_write_summary(path, &q, r.e, "the quiz", cases[i].student,
                                                cases[i].lang), 0);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        size_t n = fread(text, 1, sizeof text - 1, f);
        text[n] = 0;
        fclose(f);
        assert_int_equal(remove(path), 0);
        if (strncmp(text, cases[i].first, strlen(cases[i].first)) || !strstr(text, cases[i].score) ||
            !strstr(text, cases[i].answer))
            fail_msg("case %zu: the summary reads\n%s", i, text);
        tk_run_fini(&r);
    }
    assert_int_equal(rmdir(dir), 0);
    assert_int_equal(gui_quiz_write_summary("/nonexistent-dir/x.txt", &(gui_quiz){0}, NULL, "t",
                                            NULL, GUI_EN), -1);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_korean_tables_have_no_english),
        cmocka_unit_test(every_shipped_scenario_reads_in_korean),
        cmocka_unit_test(the_quiz_says_what_was_chosen_and_why),
        cmocka_unit_test(the_summary_carries_the_student_s_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
