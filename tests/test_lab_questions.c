/* test_lab_questions.c — what a lab's author writes beyond the answer
 * expressions: the title in Korean, answers of the teacher's own
 * (literal) and multiple-choice questions with computed options. */
#include "testkit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/lab.h"
#include "procsim/out.h"

/* ---- title_ko ------------------------------------------------------------ */

/* title_ko is read beside title, written back by the writer, and may not
 * be empty when given (as title may not). */
static void title_ko_is_read_and_written(void **state)
{
    (void)state;
    static const char text[] = "procsim: 1\ntitle: Tour\ntitle_ko: 둘러보기\n"
                               "processes:\n  - {name: 생산자, program: [cpu 1]}\n";
    ps_scenario *s = tk_load(text);
    assert_string_equal(s->title_ko, "둘러보기");
    ps_outbuf y = {0};
    ps_out o = ps_outbuf_sink(&y);
    ps_scenario_write_yaml(s, &o);
    assert_non_null(strstr(y.s, "title: \"Tour\"\ntitle_ko: \"둘러보기\"\n"));
    ps_error err;
    ps_scenario *back = ps_scenario_load_string("back", y.s, y.len, &err);
    if (!back)
        fail_msg("%s", err.msg);
    assert_string_equal(back->title_ko, "둘러보기");
    ps_scenario_destroy(back);
    ps_outbuf_fini(&y);
    ps_scenario_destroy(s);

    s = tk_load("procsim: 1\ntitle: t\nprocesses:\n  - {name: P1, program: [cpu 1]}\n");
    assert_string_equal(s->title_ko, "");
    ps_scenario_destroy(s);

    static const char empty[] = "procsim: 1\ntitle: t\ntitle_ko: ''\nprocesses: []\n";
    assert_null(ps_scenario_load_string("e.yaml", empty, sizeof empty - 1, &err));
    assert_string_equal(err.msg, "e.yaml:3:11: title_ko: must not be empty");
}

/* ---- literal and multiple-choice questions ---------------------------- */

/* The RR textbook workload (24, 3, 3, quantum 4): P3 waits 7 ticks; under
 * fcfs 27, with a switch cost of 1 tick 9, under rr:1 6; P2 waits 4. */
static const char choice_yaml[] =
    "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 4}\n"
    "processes:\n"
    "  - {name: P1, program: [cpu 24]}\n"
    "  - {name: P2, program: [cpu 3]}\n"
    "  - {name: P3, program: [cpu 3]}\n"
    "questions:\n"
    "  - ask: a\n    answer: waiting P3\n    choices:\n"
    "      - waiting P3 under fcfs\n"
    "      - waiting P3 with switch_cost 1\n"
    "      - waiting P3 under rr:1\n"
    "      - waiting P2\n"
    "      - {literal: 7}\n"         /* the answer again: merged */
    "      - 12\n"                  /* a bare number: the literal 12 */
    "  - {ask: b, answer: {literal: fcfs}, choices: [{literal: rr}, {literal: FCFS}, {literal: srtf}]}\n"
    "  - {ask: c, answer: {literal: 4}}\n"
    "  - {ask: d, answer: {literal: 8/3}}\n"
    "  - {ask: e, answer: {literal: P1 P3, type: set}}\n"
    "  - {ask: f, answer: {literal: blocked}}\n"
    "  - {ask: g, answer: state P1 at 4, choices: [state P1 at 4 under fcfs, state P1 at 3]}\n";

static void options(const ps_lab_answer *a, char *buf, size_t size)
{
    buf[0] = 0;
    for (uint32_t i = 0; i < a->nchoices; i++)
        snprintf(buf + strlen(buf), size - strlen(buf), "%s%c) %s%s", i ? " " : "", 'a' + i,
                 a->choices[i], i == a->right_choice ? "*" : "");
}

static void choices_are_computed_merged_and_ordered(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(choice_yaml);
    ps_lab_key k;
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &k), 0);
    char buf[512];
    static const char *const want[] = {
        "a) 4 b) 6 c) 7* d) 9 e) 12 f) 27", /* numbers by value; 7 once */
        "a) fcfs* b) rr c) srtf",            /* FCFS reads as fcfs: merged */
        "", "", "", "",
        "a) ready* b) running",              /* under fcfs P1 still runs; at 3 too: merged */
    };
    for (uint32_t i = 0; i < s->nquestions; i++) {
        options(&k.answers[i], buf, sizeof buf);
        if (strcmp(buf, want[i]))
            fail_msg("question %u: options '%s', expected '%s'", i + 1, buf, want[i]);
    }
    /* answered by letter, in any of its forms, or by value */
    static const struct {
        uint32_t q;
        const char *given;
        int right;
    } marks[] = {
        {0, "c", 1}, {0, "C)", 1}, {0, "(c)", 1}, {0, "c.", 1}, {0, "7", 1}, {0, "b", 0},
        {0, "27", 0}, {0, "g", 0}, {0, "(c", 0}, {1, "a", 1}, {1, "FCFS", 1}, {1, "rr", 0},
        {2, "4", 1}, {2, "4.0", 1}, {2, "a", 0}, {3, "2.67", 1}, {3, "8/3", 1}, {3, "2.6", 0},
        {4, "P3, P1", 1}, {4, "P1", 0}, {5, "Blocked", 1}, {5, "대기", 1}, {5, "ready", 0},
        {6, "a", 1}, {6, "ready", 1}, {6, "b", 0},
    };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (ps_lab_check(&k.answers[marks[i].q], marks[i].given) != marks[i].right)
            fail_msg("question %u: '%s' should be %s", marks[i].q + 1, marks[i].given,
                     marks[i].right ? "right" : "wrong");
    assert_string_equal(s->questions[1].expr, "literal: fcfs");
    assert_int_equal(s->questions[0].nchoices, 6);
    assert_int_equal(s->questions[0].choices[0].under, PS_POLICY_FCFS);
    assert_int_equal(s->questions[0].choices[1].switch_cost, 1);
    assert_int_equal(s->questions[0].choices[2].quantum, 1);
    assert_string_equal(s->questions[0].choices[2].q.expr, "waiting P3");
    /* the options ran on copies: the lab's own settings are as they were */
    assert_int_equal(s->policy, PS_POLICY_RR);
    assert_int_equal(s->switch_cost, 0);
    ps_lab_key_fini(&k);
    ps_scenario_destroy(s);
}

/* Mistakes in literal and choice questions are file errors at their
 * place, in both languages. */
static void bad_literals_and_choices_are_file_errors(void **state)
{
    (void)state;
    static const struct {
        const char *question, *msg;
    } cases[] = {
        {"{ask: a, answer: literal 4}",
         "q.yaml:5:30: answer: a literal answer is a mapping, {literal: TEXT, type: TYPE} "
         "(docs/labs/README.md)"},
        {"{ask: a, answer: {literal: x, type: integer}}",
         "q.yaml:5:49: type: unknown answer type 'integer' (valid types: state, names, set, int, "
         "number, letter, bool)"},
        {"{ask: a, answer: {literal: x4, type: int}}",
         "q.yaml:5:40: literal: 'x4' is no answer of type int; expected a whole number or none"},
        {"{ask: a, answer: {literal: runing, type: state}}",
         "q.yaml:5:40: literal: 'runing' is no answer of type state; expected a state token "
         "(ready, ...) or none"},
        {"{ask: a, answer: {type: int}}",
         "q.yaml:5:30: answer: missing key 'literal' (required keys: literal)"},
        {"{ask: a, answer: finish P1, choices: [finish P1 under fifo]}",
         "q.yaml:5:67: choices: unknown policy 'fifo' (valid policies: fcfs, sjf, srtf, hrrn, "
         "priority, priority-preemptive, priority-rr, rr, mlq, mlfq, lottery, stride, cfs, ostep)"},
        {"{ask: a, answer: finish P1, choices: [finish P1 with cpus 2]}",
         "q.yaml:5:66: choices: expected 'switch_cost' or 'quantum' after 'with'"},
        {"{ask: a, answer: finish P1, choices: [finish P9]}",
         "q.yaml:5:58: answer: no process named 'P9'"},
        {"{ask: a, answer: finish P1, choices: [under fcfs]}",
         "q.yaml:5:51: choices: expected an answer expression before 'under' or 'with'"},
        {"{ask: a, answer: finish P1, choices: []}",
         "q.yaml:5:50: choices: expected at least one option beside the answer"},
        {"{ask: a, answer: finish P1, choices: [finish P1 under mlq]}",
         "q.yaml:5:51: choices: policy mlq needs system.queues, which this file does not give"},
        {"{ask: a, answer: finish P1, choices: [{literal: 1}, {literal: 2}, {literal: 3}, "
         "{literal: 4}, {literal: 5}, {literal: 6}, {literal: 7}, {literal: 8}]}",
         "q.yaml:5:149: choices: at most 7 options beside the answer"},
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        int n = snprintf(text, sizeof text, "procsim: 1\ntitle: t\nprocesses:\n"
                         "  - {name: P1, program: [cpu 1]}\nquestions: [%s]\n", cases[i].question);
        ps_error err;
        ps_scenario *s = ps_scenario_load_string("q.yaml", text, (size_t)n, &err);
        if (s)
            fail_msg("loaded: %s", cases[i].question);
        if (strcmp(err.msg, cases[i].msg)) {
            print_error("%s:\n  got  %s\n  want %s\n", cases[i].question, err.msg, cases[i].msg);
            bad++;
        }
        if ((strstr(cases[i].msg, ": choices:") || strstr(cases[i].msg, ": literal:") ||
             strstr(cases[i].msg, "a literal answer")) && !strstr(cases[i].msg, "policy 'fifo'"))
            if (!err.msg_ko[0] || !strcmp(err.msg_ko, err.msg)) {
                print_error("%s: no Korean wording\n", cases[i].question);
                bad++;
            }
    }
    assert_int_equal(bad, 0);
}

/* ---- the lab written in Korean, in Korean -------------------------------- */

static char *slurp_cmd(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 17;
    char *out = malloc(cap + 1);
    assert_non_null(out);
    size_t n = fread(out, 1, cap, p);
    out[n] = 0;
    assert_int_equal(pclose(p), 0);
    return out;
}

static char *slurp_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("%s is missing: run tests/labs/update", path);
    size_t cap = 1 << 17;
    char *out = malloc(cap + 1);
    assert_non_null(out);
    size_t n = fread(out, 1, cap, f);
    out[n] = 0;
    fclose(f);
    return out;
}

/* Its handout and key in Korean are the golden files (regenerate with
 * tests/labs/update after a reviewed change). */
static void the_korean_lab_reads_in_korean(void **state)
{
    (void)state;
    static const char *const runs[][2] = {
        {"lab scenarios/labs/producer-consumer.yaml --lang ko", "producer-consumer.ko.handout"},
        {"lab scenarios/labs/producer-consumer.yaml -c --lang ko", "producer-consumer.ko.key"},
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        char cmd[1024], path[1024];
        snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s", PROCSIM_SOURCE_DIR, PROCSIM_BINARY,
                 runs[i][0]);
        snprintf(path, sizeof path, "%s/tests/labs/%s", PROCSIM_SOURCE_DIR, runs[i][1]);
        char *out = slurp_cmd(cmd), *want = slurp_file(path);
        if (strcmp(out, want))
            fail_msg("procsim %s differs from tests/labs/%s; if the change is right, run "
                     "tests/labs/update\n%s", runs[i][0], runs[i][1], out);
        free(out);
        free(want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_ko_is_read_and_written),
        cmocka_unit_test(choices_are_computed_merged_and_ordered),
        cmocka_unit_test(bad_literals_and_choices_are_file_errors),
        cmocka_unit_test(the_korean_lab_reads_in_korean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
