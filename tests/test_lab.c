/* test_lab.c — labs: questions in scenario files, the answer keys the
 * engine computes, grading answers files, and random labs.
 *
 * The shipped labs' keys are compared with golden files
 * (tests/labs/NAME.key, regenerate with tests/labs/update after a reviewed
 * change of behaviour), and each lab's sample answers file, which has
 * exactly one wrong answer, must grade so. */
#include "testkit.h"

#include <dirent.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/lab.h"

/* The RR textbook workload (Silberschatz: 24, 3, 3, quantum 4) plus one
 * process doing I/O and a shared variable and a channel. */
static const char lab_yaml[] =
    "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 4}\n"
    "processes:\n"
    "  - {name: P1, program: [cpu 24]}\n"
    "  - {name: P2, program: [cpu 3, send q 5]}\n"
    "  - {name: P3, program: [cpu 3, recv q, add x 2]}\n"
    "questions:\n"
    "  - {ask: a, answer: state P1 at 4}\n"
    "  - {ask: b, answer: running at 5}\n"
    "  - {ask: c, answer: next P1 after 4}\n"
    "  - {ask: d, answer: finish P2}\n"
    "  - {ask: e, answer: waiting P1}\n"
    "  - {ask: f, answer: response P3}\n"
    "  - {ask: g, answer: average waiting}\n"
    "  - {ask: h, answer: order}\n"
    "  - {ask: i, answer: switches P1}\n"
    "  - {ask: j, answer: value x}\n"
    "  - {ask: k, answer: received q}\n"
    "  - {ask: l, answer: kernel ready-suspended}\n"
    "  - {ask: m, answer: state P3 at 0}\n"
    "  - {ask: n, answer: turnaround P3}\n";

static const char *const lab_key[] = {
    "ready",    /* P1 timed out at 4 */
    "P2",       /* P2 runs 4-7 */
    "running",  /* P1 is dispatched again at 11 */
    "7",
    "10",       /* P1 waits 4-11 (P2, then P3 until its quantum ends) and 15-18 */
    "7",
    "8.33",     /* (10 + 4 + 11) / 3: P3 waits 0-7 and 11-15 */
    "P2 P3 P1",
    "3",        /* P1 is dispatched at 0, 11 and 18 */
    "2", "5", "T", "ready",
    "18",       /* P3: cpu 3 at 7-10, the add's first half 10-11, the rest 15-18 */
};

static void key_of(ps_lab_key *k, ps_scenario **s, const char *yaml)
{
    *s = tk_load(yaml);
    assert_int_equal(ps_lab_key_compute(*s, PS_LANG_EN, k), 0);
}

static void answers_are_computed(void **state)
{
    (void)state;
    ps_scenario *s;
    ps_lab_key k;
    key_of(&k, &s, lab_yaml);
    assert_int_equal(s->nquestions, sizeof lab_key / sizeof lab_key[0]);
    for (uint32_t i = 0; i < s->nquestions; i++)
        if (strcmp(k.answers[i].text, lab_key[i]))
            fail_msg("question %u (%s): key says '%s', expected '%s'", i + 1,
                     s->questions[i].expr, k.answers[i].text, lab_key[i]);
    /* the reasons: P1's timeout at 4 for question 1 */
    char line[256];
    assert_int_equal(k.answers[0].nwhy, 1);
    assert_string_equal(ps_lab_trace_line(&k, k.answers[0].why[0], line, sizeof line),
                        "tick 4: P1 Running -> Ready (timeout: quantum of 4 expired)");
    ps_lab_key_fini(&k);
    ps_scenario_destroy(s);
}

/* A key in Korean explains itself in Korean (state names, causes, ticks)
 * and answers the same: the answers are tokens, names and numbers. */
static void a_korean_key_explains_in_korean(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(lab_yaml);
    ps_lab_key en, ko;
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &en), 0);
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_KO, &ko), 0);
    for (uint32_t i = 0; i < s->nquestions; i++)
        assert_string_equal(ko.answers[i].text, en.answers[i].text);
    char line[512];
    assert_string_equal(ps_lab_trace_line(&ko, ko.answers[0].why[0], line, sizeof line),
                        "4틱: P1 실행 -> 준비 (timeout: 타임 퀀텀 4 만료)");
    assert_string_equal(ko.answers[0].detail, "준비");
    assert_string_equal(ko.answers[2].detail, "준비 -> 실행, 11틱 (dispatch: rr 스케줄러가 CPU 0에 배정)");
    assert_string_equal(ko.answers[4].detail, "준비 상태의 틱");
    assert_string_equal(ko.answers[10].detail, "받은 값 1개, 큐에 남은 값 0개");
    assert_non_null(strstr(ko.answers[11].detail, "보류 준비 상태인 프로세스"));
    assert_string_equal(en.answers[4].detail, "ticks in Ready");
    ps_lab_key_fini(&en);
    ps_lab_key_fini(&ko);
    ps_scenario_destroy(s);
}

static void answers_are_checked_forgivingly(void **state)
{
    (void)state;
    static const struct {
        int q;              /* question index in lab_yaml */
        const char *given;
        int right;
    } cases[] = {
        {0, "ready", 1}, {0, " Ready ", 1}, {0, "준비", 1}, {0, "running", 0},
        {11, "t", 1}, {11, "S", 0},
        {1, "p2", 1}, {1, "P3", 0}, {1, "idle", 0}, {1, "P2 P2", 0},
        {3, "7", 1}, {3, "7.0", 1}, {3, "8", 0}, {3, "seven", 0},
        {6, "8.33", 1}, {6, "8.333", 1}, {6, "8.3", 0}, {6, "8.34", 1}, {6, "8.35", 0},
        {7, "P2, P3, P1", 1}, {7, "p2 p3 p1", 1}, {7, "P3 P2 P1", 0}, {7, "P2 P3", 0},
        {2, "Running", 1}, {2, "ready", 0},
    };
    ps_scenario *s;
    ps_lab_key k;
    key_of(&k, &s, lab_yaml);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (ps_lab_check(&k.answers[cases[i].q], cases[i].given) != cases[i].right)
            fail_msg("question %d, answer '%s': expected %s", cases[i].q + 1, cases[i].given,
                     cases[i].right ? "right" : "wrong");
    ps_lab_key_fini(&k);
    ps_scenario_destroy(s);
}

static void answers_files_are_read_with_clear_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int right;          /* -1: an error */
        const char *error;
    } cases[] = {
        {"ready\nP2\nrunning\n7\n10\n7\n8.33\nP2 P3 P1\n3\n2\n5\nT\nready\n18\n", 14, NULL},
        {"# comments and blanks are skipped\n\n1: ready\n3) running\n2. P2\n", 3, NULL},
        {"14: 18\n13: ready\n", 2, NULL},
        {"7. 8.33\n", 1, NULL}, /* "8.33" is an answer, "7." a number */
        {"wrong\n", 0, NULL},
        {"\xef\xbb\xbf" "1: ready\n", 1, NULL}, /* a byte-order mark */
        {"# " "a comment longer than any answer: "
         "................................................................................"
         "................................................................................"
         "................................................................................\n"
         "ready\n", 1, NULL},
        {"15: x\n", -1, "ans:1:1: there is no question 15; the lab has 14 questions"},
        {"\n0. x\n", -1, "ans:2:1: there is no question 0; the lab has 14 questions"},
        {"1: ready\n1: ready\n", -1, "ans:2:1: question 1 is answered twice"},
        {"14: 18\nextra\n", -1, "ans:2:1: more answers than questions; the lab has 14 "
                                "questions"},
    };
    ps_scenario *s;
    ps_lab_key k;
    key_of(&k, &s, lab_yaml);
    ps_lab_mark marks[14];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_error err = {{0}};
        int got = ps_lab_grade(&k, "ans", cases[i].text, strlen(cases[i].text), marks, &err);
        if (got != cases[i].right)
            fail_msg("case %zu: %d right, expected %d (%s)", i, got, cases[i].right, err.msg);
        if (cases[i].error)
            assert_string_equal(err.msg, cases[i].error);
    }
    ps_lab_key_fini(&k);
    ps_scenario_destroy(s);
}

static void bad_questions_are_file_errors(void **state)
{
    (void)state;
    static const struct {
        const char *question;   /* the questions section */
        const char *error;
    } cases[] = {
        {"questions: [{ask: a, answer: stat P1 at 3}]",
         "q:4:30: answer: unknown question kind 'stat'; did you mean 'state'?"},
        {"questions: [{ask: a, answer: state P1 on 3}]",
         "q:4:39: answer: expected 'at' here; the form is 'state PROCESS at TICK'"},
        {"questions: [{ask: a, answer: state P1 at x}]",
         "q:4:42: answer: expected"},
        {"questions: [{ask: a, answer: finish P9}]",
         "q:4:37: answer: no process named 'P9'"},
        {"questions: [{ask: a, answer: finish P1 now}]",
         "q:4:40: answer: too many words; the form is 'finish PROCESS'"},
        {"questions: [{ask: a, answer: value y}]",
         "q:4:36: answer: no shared variable (one that an add op uses) named 'y'"},
        {"questions: [{answer: order}]", "q:4:13: question: missing key 'ask'"},
        {"questions: [{ask: a}]", "q:4:13: question: missing key 'answer'"},
        {"questions: [{ask: a, answer: average speed}]",
         "q:4:38: answer: unknown average 'speed'"},
        {"questions: [{ask: a, answer: kernel sleeping}]",
         "q:4:37: answer: 'sleeping' is not a state"},
        {"questions: {ask: a}", "q:4:12: questions: expected a sequence of questions"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char yaml[512];
        snprintf(yaml, sizeof yaml, "procsim: 1\ntitle: t\nprocesses: [{name: P1, program: "
                 "[cpu 2, add x 1]}]\n%s\n", cases[i].question);
        ps_error err;
        ps_scenario *s = ps_scenario_load_string("q", yaml, strlen(yaml), &err);
        if (s) {
            ps_scenario_destroy(s);
            fail_msg("case %zu loaded; expected %s", i, cases[i].error);
        }
        if (strncmp(err.msg, cases[i].error, strlen(cases[i].error)))
            fail_msg("case %zu:\n  got      %s\n  expected %s...", i, err.msg, cases[i].error);
    }
}

static void random_labs_are_reproducible_and_valid(void **state)
{
    (void)state;
    ps_error err;
    for (uint64_t seed = 0; seed < 40; seed++) {
        char *a = ps_lab_random(seed, NULL, 0, &err), *b = ps_lab_random(seed, NULL, 0, &err);
        assert_non_null(a);
        assert_non_null(b);
        assert_string_equal(a, b);
        ps_scenario *s = ps_scenario_load_string("random", a, strlen(a), &err);
        if (!s)
            fail_msg("seed %llu: %s\n%s", (unsigned long long)seed, err.msg, a);
        assert_int_equal(s->nquestions, 6);
        ps_lab_key k;
        assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &k), 0);
        assert_int_equal(k.status, PS_STEP_DONE);
        ps_lab_key_fini(&k);
        ps_scenario_destroy(s);
        char *c = ps_lab_random(seed + 1000, NULL, 0, &err);
        assert_string_not_equal(a, c);
        free(a);
        free(b);
        free(c);
    }
    char *big = ps_lab_random(7, "rr", 12, &err);
    assert_non_null(big);
    assert_non_null(strstr(big, "policy: rr"));
    assert_non_null(strstr(big, "name: P12"));
    free(big);
    assert_null(ps_lab_random(7, "lottery", 0, &err));
    assert_string_equal(err.msg, "unknown policy 'lottery'; expected fcfs, sjf, srtf, "
                                 "priority, priority-preemptive, rr or mlfq");
    assert_null(ps_lab_random(7, NULL, 13, &err));
}

/* ---- the shipped labs, through the command line ------------------------ */

static char *run_cli(const char *args, int *status)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s 2>&1", PROCSIM_SOURCE_DIR, PROCSIM_BINARY, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *out = malloc(cap + 1);
    assert_non_null(out);
    for (size_t got; (got = fread(out + n, 1, cap - n, p)) > 0;) {
        n += got;
        if (n == cap) {
            out = realloc(out, (cap *= 2) + 1);
            assert_non_null(out);
        }
    }
    out[n] = 0;
    int st = pclose(p);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return out;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    buf[fread(buf, 1, (size_t)n, f)] = 0;
    fclose(f);
    return buf;
}

static void shipped_labs_keep_their_keys_and_grade(void **state)
{
    (void)state;
    DIR *d = opendir(PROCSIM_SOURCE_DIR "/scenarios/labs");
    assert_non_null(d);
    int labs = 0;
    for (struct dirent *de; (de = readdir(d));) {
        size_t len = strlen(de->d_name);
        if (len < 6 || strcmp(de->d_name + len - 5, ".yaml"))
            continue;
        char name[256], args[600], path[600];
        snprintf(name, sizeof name, "%.*s", (int)(len - 5), de->d_name);
        int st;
        /* the handout */
        snprintf(args, sizeof args, "lab scenarios/labs/%s.yaml", name);
        char *out = run_cli(args, &st);
        if (st != 0 || !strstr(out, "Questions"))
            fail_msg("%s: lab printed (status %d):\n%s", name, st, out);
        free(out);
        /* the key, against its golden file */
        snprintf(args, sizeof args, "lab scenarios/labs/%s.yaml -c", name);
        out = run_cli(args, &st);
        snprintf(path, sizeof path, "%s/tests/labs/%s.key", PROCSIM_SOURCE_DIR, name);
        char *want = read_file(path);
        if (!want)
            fail_msg("%s is missing: run tests/labs/update", path);
        if (st != 0 || strcmp(out, want))
            fail_msg("%s: the answer key differs from %s (status %d); if the change is "
                     "right, run tests/labs/update\n%s", name, path, st, out);
        free(want);
        free(out);
        /* the sample answers: exactly one wrong */
        snprintf(args, sizeof args, "grade scenarios/labs/%s.yaml tests/labs/%s.answers",
                 name, name);
        out = run_cli(args, &st);
        const char *score = strstr(out, "score ");
        unsigned right = 0, total = 0;
        if (st != 1 || !score || sscanf(score, "score %u/%u", &right, &total) != 2 ||
            right + 1 != total || !strstr(out, "wrong: you answered"))
            fail_msg("%s: the sample answers should have exactly one wrong (status %d):\n%s",
                     name, st, out);
        free(out);
        labs++;
    }
    closedir(d);
    assert_true(labs >= 8);
}

static void grade_reports_bad_input(void **state)
{
    (void)state;
    int st;
    char *out = run_cli("grade scenarios/labs/scheduling-rr.yaml /nonexistent/answers", &st);
    assert_int_equal(st, 2);
    assert_non_null(strstr(out, "cannot read /nonexistent/answers"));
    free(out);
    out = run_cli("grade scenarios/labs/scheduling-rr.yaml scenarios", &st);
    assert_int_equal(st, 2); /* a directory is no answers file */
    assert_non_null(strstr(out, "cannot read scenarios: Is a directory"));
    free(out);
    out = run_cli("grade scenarios/policies/rr.yaml scenarios/policies/rr.yaml", &st);
    assert_int_equal(st, 2);
    assert_non_null(strstr(out, "has no questions"));
    free(out);
    out = run_cli("lab --random --seed 3 --processes 40", &st);
    assert_int_equal(st, 2);
    free(out);
    out = run_cli("lab --random", &st);
    assert_int_equal(st, 2);
    assert_non_null(strstr(out, "needs --seed"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(answers_are_computed),
        cmocka_unit_test(a_korean_key_explains_in_korean),
        cmocka_unit_test(answers_are_checked_forgivingly),
        cmocka_unit_test(answers_files_are_read_with_clear_errors),
        cmocka_unit_test(bad_questions_are_file_errors),
        cmocka_unit_test(random_labs_are_reproducible_and_valid),
        cmocka_unit_test(shipped_labs_keep_their_keys_and_grade),
        cmocka_unit_test(grade_reports_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
