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
#include "procsim/out.h"

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
    assert_string_equal(ps_lab_why_line(&k, &k.answers[0], 0, line, sizeof line),
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
    assert_string_equal(ps_lab_why_line(&ko, &ko.answers[0], 0, line, sizeof line),
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
        ps_error err = {0};
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
        /* the shared objects' forms */
        {"questions: [{ask: a, answer: value x at}]",
         "q:4:38: answer: too few words; the form is 'value VARIABLE [at TICK]'"},
        {"questions: [{ask: a, answer: value x on 3}]",
         "q:4:38: answer: expected 'at' here; the form is 'value VARIABLE [at TICK]'"},
        {"questions: [{ask: a, answer: value x at 3 4}]",
         "q:4:43: answer: too many words; the form is 'value VARIABLE [at TICK]'"},
        {"questions: [{ask: a, answer: value x at -1}]",
         "q:4:41: answer: the tick must not be negative, got -1"},
        {"questions: [{ask: a, answer: length q}]",
         "q:4:37: answer: too few words; the form is 'length CHANNEL at TICK'"},
        {"questions: [{ask: a, answer: length z at 3}]",
         "q:4:37: answer: no channel (one that send or recv uses) named 'z'"},
        {"questions: [{ask: a, answer: items q after 3}]",
         "q:4:38: answer: expected 'at' here; the form is 'items CHANNEL at TICK'"},
        {"questions: [{ask: a, answer: items x at 3}]", /* a variable is no channel */
         "q:4:36: answer: no channel (one that send or recv uses) named 'x'"},
        {"questions: [{ask: a, answer: holder P1 at 1}]",
         "q:4:37: answer: no mutex (one that lock or unlock uses) named 'P1'"},
        {"questions: [{ask: a, answer: holder m at}]",
         "q:4:39: answer: too few words; the form is 'holder MUTEX at TICK'"},
        {"questions: [{ask: a, answer: waits P9 at 1}]", "q:4:36: answer: no process named 'P9'"},
        {"questions: [{ask: a, answer: waits P1 at 1 2}]",
         "q:4:44: answer: too many words; the form is 'waits PROCESS at TICK'"},
        {"questions: [{ask: a, answer: waits P1 by 1}]",
         "q:4:39: answer: expected 'at' here; the form is 'waits PROCESS at TICK'"},
        {"questions: [{ask: a, answer: lost x}]",
         "q:4:35: answer: too many words; the form is 'lost'"},
        {"questions: [{ask: a, answer: los}]",
         "q:4:30: answer: unknown question kind 'los'; did you mean 'lost'?"},
        {"questions: [{ask: a, answer: alive}]",
         "q:4:30: answer: too few words; the form is 'alive PROCESS'"},
        {"questions: [{ask: a, answer: alive x}]", "q:4:36: answer: no process named 'x'"},
        /* the policy's forms */
        {"questions: [{ask: a, answer: ratio P9 at 3}]", "q:4:36: answer: no process named 'P9'"},
        {"questions: [{ask: a, answer: ratio P1 after 3}]",
         "q:4:39: answer: expected 'at' here; the form is 'ratio PROCESS at TICK'"},
        {"questions: [{ask: a, answer: ratio P1}]",
         "q:4:36: answer: too few words; the form is 'ratio PROCESS at TICK'"},
        {"questions: [{ask: a, answer: best waiting among fcfs}]",
         "q:4:49: answer: too few words; the form is 'best turnaround|waiting|response among "
         "POLICY POLICY...'"},
        {"questions: [{ask: a, answer: best speed among fcfs sjf}]",
         "q:4:35: answer: unknown average 'speed'"},
        {"questions: [{ask: a, answer: best waiting from fcfs sjf}]",
         "q:4:43: answer: expected 'among' here; the form is 'best turnaround|waiting|response "
         "among POLICY POLICY...'"},
        {"questions: [{ask: a, answer: best waiting among fcfs fifo}]",
         "q:4:54: answer: unknown policy 'fifo' (valid policies: fcfs, sjf, "},
        {"questions: [{ask: a, answer: best waiting among fcfs sjf:2}]",
         "q:4:54: answer: sjf:2: policy sjf has no quantum; write it without ':2'"},
        {"questions: [{ask: a, answer: best waiting among fcfs rr:0}]",
         "q:4:54: answer: rr:0: the quantum after ':' must be an integer from 1 to"},
        {"questions: [{ask: a, answer: best waiting among fcfs sjf fcfs}]",
         "q:4:58: answer: 'fcfs' is listed twice; name each policy once"},
        {"questions: [{ask: a, answer: best waiting among rr:4 sjf rr}]",
         "q:4:58: answer: 'rr' is the same run as 'rr:4' (the file's quantum is 4); name each "
         "policy once"},
        {"questions: [{ask: a, answer: best waiting among fcfs mlq}]",
         "q:4:54: answer: policy mlq needs system.queues, which this file does not give"},
        {"questions: [{ask: a, answer: best waiting among fcfs sjf srtf rr:1 rr:2 rr:3 rr:4 "
         "rr:5 rr:6}]",
         "q:4:88: answer: at most 8 policies in one question; the form is 'best "
         "turnaround|waiting|response among POLICY POLICY...'"},
        {"questions: [{ask: a, answer: gap waiting between fcfs}]",
         "q:4:50: answer: too few words; the form is 'gap turnaround|waiting|response between "
         "POLICY POLICY'"},
        {"questions: [{ask: a, answer: gap waiting between fcfs sjf rr}]",
         "q:4:59: answer: too many words; the form is 'gap turnaround|waiting|response between "
         "POLICY POLICY'"},
        {"questions: [{ask: a, answer: gap waiting among fcfs sjf}]",
         "q:4:42: answer: expected 'between' here; the form is 'gap "
         "turnaround|waiting|response between POLICY POLICY'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char yaml[512];
        snprintf(yaml, sizeof yaml, "procsim: 1\ntitle: t\nprocesses: [{name: P1, program: "
                 "[cpu 2, add x 1, lock m, send q 1, recv q, unlock m]}]\n%s\n",
                 cases[i].question);
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

/* ---- questions about shared objects ---------------------------------- */

/* Two CPUs, fcfs: at tick 0 a takes m and computes until 4; b blocks on
 * m, c on the empty q, d on the disk (0-6), e sleeps until 10, p waits
 * for k, k runs 0-5.  At 4 a sends 7 (straight to c) and 8 (queued) and
 * passes m to b, who holds it until it runs at 5; g waits for any child
 * from 5.  f, arrived at 1, runs at 5: puts 5, 6, 9 on r and takes
 * two back at 6. */
static const char objects_yaml[] =
    "procsim: 1\ntitle: t\nsystem: {cpus: 2}\n"
    "processes:\n"
    "  - {name: a, program: [lock m, cpu 4, send q 7, send q 8, unlock m]}\n"
    "  - {name: b, program: [lock m, unlock m]}\n"
    "  - {name: c, program: [recv q, cpu 1, recv q]}\n"
    "  - {name: d, program: [io disk 6]}\n"
    "  - {name: e, program: [sleep 10]}\n"
    "  - {name: f, arrival: 1, program: [send r 5, send r 6, send r 9, cpu 1, recv r, recv r]}\n"
    "  - {name: p, program: [spawn k, wait k]}\n"
    "  - {name: k, parent: p, program: [cpu 5]}\n"
    "  - {name: g, program: [spawn h, cpu 1, wait any]}\n"
    "  - {name: h, parent: g, program: [cpu 9]}\n";

/* race-lock's race: r1 and r2 add 1 three times each to x, rr quantum 3,
 * each increment a read tick and a write tick; r1 is preempted at 3
 * holding a stale read, and so is r2 at 6. */
static const char race_yaml[] =
    "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 3}\n"
    "processes:\n"
    "  - {name: r1, program: [add x 3]}\n"
    "  - {name: r2, program: [add x 3]}\n";

static const char *const shared_scenarios[] = {objects_yaml, race_yaml};

static const struct {
    int scenario;           /* index into shared_scenarios */
    const char *expr;
    const char *text;       /* the key's answer */
    const char *en, *ko;    /* its detail in English and Korean; NULL: not checked */
    const char *wrong;      /* an answer graded wrong, or NULL */
} shared_cases[] = {
    /* holder M at T: a name, or none; the waiters in the detail */
    {0, "holder m at 2", "a", "waiting, in order: b", "기다리는 순서: b", "b"},
    {0, "holder m at 4", "b", "nobody waiting", "기다리는 프로세스 없음", NULL}, /* passed on */
    {0, "holder m at 5", "none", NULL, NULL, "a"},
    {0, "holder m at 0", "a", NULL, NULL, NULL}, /* just after tick 0, not before it */
    /* waits P at T: a PS_WAITS token and the object's name */
    {0, "waits b at 2", "mutex m", "b waits for mutex m held by a",
     "b: a가 잡은 뮤텍스 m 대기", NULL},
    {0, "waits c at 2", "channel q", "c waits on empty channel q", "c: 빈 채널 q 대기", NULL},
    {0, "waits d at 2", "device disk", "d waits for device disk, being served", NULL, NULL},
    {0, "waits e at 2", "sleep", "e sleeps until tick 10", "e: 10틱까지 잠듦", NULL},
    {0, "waits p at 2", "child k", "p waits for child k", "p: 자식 k 대기", "child"},
    {0, "waits g at 7", "child any", "g waits for any child", "g: 아무 자식이나 대기", NULL},
    {0, "waits a at 2", "nothing", "Running", "실행", "none"},
    {0, "waits b at 4", "nothing", "Ready", "준비", NULL}, /* woken at 4 */
    {0, "waits h at 0", "nothing", "", "", NULL},          /* not created yet */
    /* items C at T: front first, none for the sentinel, empty for none */
    {0, "items q at 2", "empty", "waiting to receive: c", "받으려고 기다림: c", "none"},
    {0, "items q at 4", "8", "1 item, front first", "1개, 앞부터", NULL},
    {0, "items r at 4", "empty", "", "", NULL},
    {0, "items r at 5", "5, 6, 9", "3 items, front first", "3개, 앞부터", "9, 6, 5"},
    {0, "items r at 6", "9", NULL, NULL, NULL}, /* f took 5 and 6 back at 6 */
    /* length C at T */
    {0, "length q at 0", "0", "waiting to receive: c", NULL, NULL},
    {0, "length r at 5", "3", "front first: 5, 6, 9", "앞부터: 5, 6, 9", "2"},
    {0, "length q at 4", "1", NULL, NULL, NULL},
    /* value V at T: just after T; value V: at the end */
    {1, "value x at 0", "0", NULL, NULL, NULL},
    {1, "value x at 2", "1", NULL, NULL, NULL}, /* r1's first write ends at tick 2 */
    {1, "value x at 5", "2", NULL, NULL, NULL},
    {1, "value x at 7", "2", "last written by r1 at tick 7, overwriting r2's update",
     "7틱에 r1이(가) 마지막으로 씀, r2의 갱신을 덮어씀", "3"},
    {1, "value x at 5", "2", "last written by r2 at tick 5", "5틱에 r2이(가) 마지막으로 씀", NULL}, /* r1 writes its stale 1 + 1 */
    {1, "value x at 10", "3", NULL, NULL, NULL}, /* r2 writes its stale 2 + 1 */
    {1, "value x at 99", "4", NULL, NULL, NULL},
    {1, "value x", "4", "", "", NULL},
    /* lost: increments wiped out by stale writes, the first named */
    {1, "lost", "2", "2 writes overwrote other processes' updates; the first, at tick 7, "
     "was r1's over r2's", "다른 프로세스의 갱신을 덮어쓴 쓰기 2번; 처음은 7틱에 r1이(가) "
     "r2의 갱신을 덮어씀", "0"},
    {0, "lost", "0", "", "", NULL}, /* no add at all */
    /* alive P: never asked */
    {0, "alive k", "none", "no program asked is_alive k", "is_alive k을(를) 묻지 않았음", "false"},
};

static void shared_objects_are_answered(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof shared_cases / sizeof shared_cases[0]; i++) {
        char yaml[2048];
        snprintf(yaml, sizeof yaml, "%squestions: [{ask: q, answer: %s}]\n",
                 shared_scenarios[shared_cases[i].scenario], shared_cases[i].expr);
        ps_scenario *s = tk_load(yaml);
        ps_lab_key en, ko;
        assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &en), 0);
        assert_int_equal(ps_lab_key_compute(s, PS_LANG_KO, &ko), 0);
        if (strcmp(en.answers[0].text, shared_cases[i].text) ||
            strcmp(ko.answers[0].text, shared_cases[i].text))
            fail_msg("%s: key says '%s' (in Korean '%s'), expected '%s'", shared_cases[i].expr,
                     en.answers[0].text, ko.answers[0].text, shared_cases[i].text);
        if (shared_cases[i].en && strcmp(en.answers[0].detail, shared_cases[i].en))
            fail_msg("%s: detail '%s', expected '%s'", shared_cases[i].expr,
                     en.answers[0].detail, shared_cases[i].en);
        if (shared_cases[i].ko && strcmp(ko.answers[0].detail, shared_cases[i].ko))
            fail_msg("%s: Korean detail '%s', expected '%s'", shared_cases[i].expr,
                     ko.answers[0].detail, shared_cases[i].ko);
        if (!ps_lab_check(&en.answers[0], shared_cases[i].text) ||
            (shared_cases[i].wrong && ps_lab_check(&en.answers[0], shared_cases[i].wrong)))
            fail_msg("%s: '%s' must be right%s%s%s", shared_cases[i].expr, shared_cases[i].text,
                     shared_cases[i].wrong ? ", '" : "",
                     shared_cases[i].wrong ? shared_cases[i].wrong : "",
                     shared_cases[i].wrong ? "' wrong" : "");
        ps_lab_key_fini(&en);
        ps_lab_key_fini(&ko);
        ps_scenario_destroy(s);
    }
}

/* The key stops its run just after each tick asked about; the run is the
 * same as one without stops: the same transitions, the same answers. */
static void stopping_for_a_question_does_not_change_the_run(void **state)
{
    (void)state;
    for (size_t sc = 0; sc < sizeof shared_scenarios / sizeof shared_scenarios[0]; sc++) {
        char yaml[8192];
        int n = snprintf(yaml, sizeof yaml, "%squestions:\n  - {ask: q, answer: order}\n",
                         shared_scenarios[sc]);
        ps_scenario *plain = tk_load(yaml);
        const char *obj = sc == 0 ? "length q" : "value x";
        for (int t = 0; t <= 16; t++)
            n += snprintf(yaml + n, sizeof yaml - (size_t)n, "  - {ask: q, answer: %s at %d}\n",
                          obj, t);
        ps_scenario *stops = tk_load(yaml);
        ps_lab_key a, b;
        assert_int_equal(ps_lab_key_compute(plain, PS_LANG_EN, &a), 0);
        assert_int_equal(ps_lab_key_compute(stops, PS_LANG_EN, &b), 0);
        assert_int_equal(a.status, b.status);
        assert_int_equal(a.ntrace, b.ntrace);
        for (size_t i = 0; i < a.ntrace; i++) { /* field by field: padding differs */
            const ps_trace_event *x = &a.trace[i], *y = &b.trace[i];
            if (x->time != y->time || x->pid != y->pid || x->from != y->from ||
                x->to != y->to || x->event != y->event || x->cause != y->cause ||
                x->kind != y->kind || x->a != y->a || x->b != y->b)
                fail_msg("scenario %zu: transition %zu differs", sc, i);
        }
        assert_string_equal(a.answers[0].text, b.answers[0].text);
        ps_lab_key_fini(&a);
        ps_lab_key_fini(&b);
        ps_scenario_destroy(plain);
        ps_scenario_destroy(stops);
    }
}

/* is_alive and the sentinel, in the language helper "lang" is adding:
 * two CPUs; w2 exits at 1 and wakes main, which asks is_alive of w2 (no)
 * and of w1 (yes, it runs until 6), joins w1 with a timeout of 2 (1-3),
 * then for good, and asks again (no: only the first answer counts); then
 * starts w4, asks (yes: New) and kills it in the same instant, after. */
static const char alive_yaml[] =
    "procsim: 1\ntitle: t\nsystem: {cpus: 2}\n"
    "processes:\n"
    "  - {name: main, program: [spawn w1, spawn w2, send q 1, send q none, wait w2,\n"
    "                           is_alive w2, is_alive w1, wait w1 timeout 2, wait w1,\n"
    "                           is_alive w1, spawn w3, spawn w4, is_alive w4, kill w4]}\n"
    "  - {name: w1, parent: main, program: [cpu 6]}\n"
    "  - {name: w2, parent: main, program: [cpu 1]}\n"
    "  - {name: w3, parent: main, program: [cpu 1]}\n"
    "  - {name: w4, parent: main, program: [cpu 1]}\n";

static void alive_and_the_sentinel_are_answered(void **state)
{
    (void)state;
    static const struct {
        const char *expr, *text, *en, *ko, *wrong;
    } cases[] = {
        {"alive w1", "true", "asked by main at tick 1, when w1 was Running",
         "1틱에 main이(가) 물음; 그때 w1은(는) 실행 상태", "false"},
        {"alive w2", "false", "asked by main at tick 1, when w2 was Exit", NULL, "true"},
        {"alive w3", "none", "no program asked is_alive w3", NULL, "false"},
        /* its state when asked, not after the kill that follows in the instant */
        {"alive w4", "true", "asked by main at tick 6, when w4 was New",
         "6틱에 main이(가) 물음; 그때 w4은(는) 생성 상태", "false"},
        {"items q at 0", "1, none", "2 items, front first", NULL, "1"},
        {"waits main at 5", "child w1", "main waits for child w1", NULL, NULL},
    };
    ps_error err;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char yaml[2048];
        snprintf(yaml, sizeof yaml, "%squestions: [{ask: q, answer: %s}]\n", alive_yaml,
                 cases[i].expr);
        ps_scenario *s = ps_scenario_load_string("alive", yaml, strlen(yaml), &err);
        if (!s)
            fail_msg("%s", err.msg);
        ps_lab_key en, ko;
        assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &en), 0);
        assert_int_equal(ps_lab_key_compute(s, PS_LANG_KO, &ko), 0);
        if (strcmp(en.answers[0].text, cases[i].text))
            fail_msg("%s: key says '%s', expected '%s'", cases[i].expr, en.answers[0].text,
                     cases[i].text);
        if (cases[i].en && strcmp(en.answers[0].detail, cases[i].en))
            fail_msg("%s: detail '%s', expected '%s'", cases[i].expr, en.answers[0].detail,
                     cases[i].en);
        if (cases[i].ko && strcmp(ko.answers[0].detail, cases[i].ko))
            fail_msg("%s: Korean detail '%s', expected '%s'", cases[i].expr,
                     ko.answers[0].detail, cases[i].ko);
        if (!ps_lab_check(&en.answers[0], cases[i].text) ||
            (cases[i].wrong && ps_lab_check(&en.answers[0], cases[i].wrong)))
            fail_msg("%s: grading", cases[i].expr);
        ps_lab_key_fini(&en);
        ps_lab_key_fini(&ko);
        ps_scenario_destroy(s);
    }
}

/* What counts as a right answer to the new kinds, on answers as the key
 * writes them. */
static void shared_answers_are_checked(void **state)
{
    (void)state;
    static const struct {
        uint8_t type;       /* ps_lab_type of the key's answer */
        const char *key, *given;
        int right;
    } cases[] = {
        /* items: the order matters, commas or spaces, none is the sentinel */
        {PS_LAB_NAMES, "1, 4, none", "1, 4, none", 1},
        {PS_LAB_NAMES, "1, 4, none", "1 4 None", 1},
        {PS_LAB_NAMES, "1, 4, none", "4, 1, none", 0},
        {PS_LAB_NAMES, "1, 4, none", "1, 4", 0},
        {PS_LAB_NAMES, "empty", "Empty", 1},
        {PS_LAB_NAMES, "empty", "none", 0},   /* none is a sentinel in the queue */
        {PS_LAB_NAMES, "none", "empty", 0},
        /* holder: a name (any case) or none */
        {PS_LAB_NAMES, "l1", "L1", 1},
        {PS_LAB_NAMES, "l1", "l2", 0},
        {PS_LAB_NAMES, "none", "NONE", 1},
        /* waits: the token and the name */
        {PS_LAB_NAMES, "mutex m", "Mutex m", 1},
        {PS_LAB_NAMES, "mutex m", "mutex", 0},
        {PS_LAB_NAMES, "mutex m", "m mutex", 0},
        {PS_LAB_NAMES, "nothing", "nothing", 1},
        {PS_LAB_NAMES, "nothing", "none", 0},
        /* alive: true/false, yes/no, 1/0; none when never asked */
        {PS_LAB_BOOL, "true", "True", 1},
        {PS_LAB_BOOL, "true", "yes", 1},
        {PS_LAB_BOOL, "true", "1", 1},
        {PS_LAB_BOOL, "true", "false", 0},
        {PS_LAB_BOOL, "false", "No", 1},
        {PS_LAB_BOOL, "false", "0", 1},
        {PS_LAB_BOOL, "false", "none", 0},
        {PS_LAB_BOOL, "none", "none", 1},
        {PS_LAB_BOOL, "none", "false", 0},
        {PS_LAB_BOOL, "true", "maybe", 0},
        {PS_LAB_BOOL, "none", "maybe", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_lab_answer a = {.type = cases[i].type};
        snprintf(a.text, sizeof a.text, "%s", cases[i].key);
        if (ps_lab_check(&a, cases[i].given) != cases[i].right)
            fail_msg("key '%s', answer '%s': expected %s", cases[i].key, cases[i].given,
                     cases[i].right ? "right" : "wrong");
    }
}

/* ---- questions about the policy ------------------------------------------ */

/* Stallings' Table 9.5 workload (Operating Systems, 9th ed.): A arrives
 * at 0 and needs 3, B 2 and 6, C 4 and 4, D 6 and 5, E 8 and 2.  The
 * book's finish times give its waiting times: FCFS A0 B1 C5 D7 E10 (4.60),
 * SPN A0 B1 C7 D9 E1 (3.60), SRT A0 B7 C0 D9 E0 (3.20), RR q=4 A0 B9 C3
 * D9 E9 (6.00). */
#define STALLINGS                                                            \
    "processes:\n"                                                           \
    "  - {name: A, arrival: 0, program: [cpu 3]}\n"                          \
    "  - {name: B, arrival: 2, program: [cpu 6]}\n"                          \
    "  - {name: C, arrival: 4, program: [cpu 4]}\n"                          \
    "  - {name: D, arrival: 6, program: [cpu 5]}\n"                          \
    "  - {name: E, arrival: 8, program: [cpu 2]}\n"

static const char *const policy_scenarios[] = {
    "procsim: 1\ntitle: t\nsystem: {policy: fcfs, quantum: 4}\n" STALLINGS,
    "procsim: 1\ntitle: t\nsystem: {policy: hrrn}\n" STALLINGS,
};

static const struct {
    int scenario;           /* index into policy_scenarios */
    const char *expr;
    const char *text;       /* the key's answer */
    const char *en, *ko;    /* its detail in English and Korean; NULL: not checked */
    const char *wrong;      /* an answer graded wrong, or NULL */
} policy_cases[] = {
    /* best: the label as the question writes it */
    {0, "best waiting among fcfs sjf rr:4 srtf", "srtf",
     "average waiting: fcfs 4.60, sjf 3.60, rr:4 6.00, srtf 3.20",
     "평균 대기 시간: fcfs 4.60, sjf 3.60, rr:4 6.00, srtf 3.20", "sjf"},
    {0, "best waiting among fcfs sjf", "sjf", NULL, NULL, "fcfs"},
    {0, "best turnaround among rr:1 rr", "rr", "average turnaround: rr:1 10.80, rr 10.00",
     "평균 반환 시간: rr:1 10.80, rr 10.00", "rr:4"},
    /* a tie: every policy that ties, in any order */
    {0, "best response among fcfs priority", "fcfs priority",
     "average response: fcfs 4.60, priority 4.60 (a tie)",
     "평균 응답 시간: fcfs 4.60, priority 4.60 (동률)", "fcfs"},
    /* gap: the first's average minus the second's, with the values */
    {0, "gap waiting between fcfs sjf", "1.00",
     "average waiting: fcfs 4.60 (A 0, B 1, C 5, D 7, E 10) - sjf 3.60 (A 0, B 1, C 7, D 9, E 1)",
     "평균 대기 시간: fcfs 4.60 (A 0, B 1, C 5, D 7, E 10) - sjf 3.60 (A 0, B 1, C 7, D 9, E 1)",
     "-1"},
    {0, "gap waiting between sjf fcfs", "-1.00", NULL, NULL, "none"},
    {0, "gap response between rr:4 srtf", "1.60", NULL, NULL, "-1.6"}, /* 3.60 - 2.00 */
    /* ratio P at T: (w + s) / s of a Ready process, whatever the policy */
    {0, "ratio D at 9", "1.60", "w = 3: D Ready since tick 6", "w = 3: D은(는) 6틱부터 준비 상태",
     "1.5"},
    {0, "ratio E at 8", "1.00", NULL, NULL, "0"},
    {0, "ratio C at 9", "none", "C is Running just after tick 9; only a Ready process has a "
     "response ratio", "9틱 직후 C은(는) 실행 상태; 준비 상태의 프로세스만 응답 비율이 있음",
     "2.25"},
    /* Stallings' HRRN: at 9 C (5 + 4) / 4 beats D (3 + 5) / 5 and E (1 + 2) / 2;
     * at 13 E (5 + 2) / 2 beats D (7 + 5) / 5; the one chosen has the
     * ratio it was chosen by */
    {1, "ratio C at 9", "2.25", "w = 5: C Ready since tick 4, dispatched at tick 9 by this ratio",
     "w = 5: C은(는) 4틱부터 준비 상태, 9틱에 이 비율로 선택되어 실행", "9/5"},
    {1, "ratio D at 9", "1.60", NULL, NULL, "8/3"},
    {1, "ratio E at 9", "1.50", NULL, NULL, NULL},
    {1, "ratio E at 13", "3.50", NULL, NULL, "2.4"},
    {1, "ratio D at 13", "2.40", "w = 7: D Ready since tick 6", NULL, "3.5"},
    {1, "ratio B at 3", "1.17", NULL, NULL, "1.15"}, /* 7/6: 1.166, thousandths rounded down */
    {0, "ratio E at 7", "none", "E does not exist yet at tick 7; only a Ready process has a "
     "response ratio", "E은(는) 7틱에 아직 없음; 준비 상태의 프로세스만 응답 비율이 있음",
     "-1"},
};

static void policy_questions_are_answered(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof policy_cases / sizeof policy_cases[0]; i++) {
        char yaml[2048];
        snprintf(yaml, sizeof yaml, "%squestions: [{ask: q, answer: %s}]\n",
                 policy_scenarios[policy_cases[i].scenario], policy_cases[i].expr);
        ps_scenario *s = tk_load(yaml);
        ps_lab_key en, ko;
        assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &en), 0);
        assert_int_equal(ps_lab_key_compute(s, PS_LANG_KO, &ko), 0);
        if (strcmp(en.answers[0].text, policy_cases[i].text) ||
            strcmp(ko.answers[0].text, policy_cases[i].text))
            fail_msg("%s: key says '%s' (in Korean '%s'), expected '%s'", policy_cases[i].expr,
                     en.answers[0].text, ko.answers[0].text, policy_cases[i].text);
        if (policy_cases[i].en && strcmp(en.answers[0].detail, policy_cases[i].en))
            fail_msg("%s: detail '%s', expected '%s'", policy_cases[i].expr,
                     en.answers[0].detail, policy_cases[i].en);
        if (policy_cases[i].ko && strcmp(ko.answers[0].detail, policy_cases[i].ko))
            fail_msg("%s: Korean detail '%s', expected '%s'", policy_cases[i].expr,
                     ko.answers[0].detail, policy_cases[i].ko);
        if (!ps_lab_check(&en.answers[0], policy_cases[i].text) ||
            (policy_cases[i].wrong && ps_lab_check(&en.answers[0], policy_cases[i].wrong)))
            fail_msg("%s: '%s' must be right%s%s%s", policy_cases[i].expr, policy_cases[i].text,
                     policy_cases[i].wrong ? ", '" : "",
                     policy_cases[i].wrong ? policy_cases[i].wrong : "",
                     policy_cases[i].wrong ? "' wrong" : "");
        ps_lab_key_fini(&en);
        ps_lab_key_fini(&ko);
        ps_scenario_destroy(s);
    }
}

/* Running the workload under other policies leaves the lab's own run and
 * scenario as they were: the other questions' answers, and the file the
 * scenario writes, are the same with the compare questions as without. */
static void comparing_leaves_the_lab_as_it_was(void **state)
{
    (void)state;
    const char *plain_q = "questions:\n  - {ask: q, answer: average waiting}\n"
                          "  - {ask: q, answer: order}\n";
    const char *more_q = "questions:\n  - {ask: q, answer: average waiting}\n"
                         "  - {ask: q, answer: order}\n"
                         "  - {ask: q, answer: best waiting among rr:1 srtf sjf rr:2}\n"
                         "  - {ask: q, answer: gap turnaround between rr:3 fcfs}\n";
    char a_yaml[2048], b_yaml[2048];
    snprintf(a_yaml, sizeof a_yaml, "%s%s", policy_scenarios[0], plain_q);
    snprintf(b_yaml, sizeof b_yaml, "%s%s", policy_scenarios[0], more_q);
    ps_scenario *a = tk_load(a_yaml), *b = tk_load(b_yaml);
    ps_outbuf before = {0}, after = {0};
    ps_out o = ps_outbuf_sink(&before);
    ps_scenario_write_yaml(b, &o);
    ps_lab_key ka, kb;
    assert_int_equal(ps_lab_key_compute(a, PS_LANG_EN, &ka), 0);
    assert_int_equal(ps_lab_key_compute(b, PS_LANG_EN, &kb), 0);
    o = ps_outbuf_sink(&after);
    ps_scenario_write_yaml(b, &o);
    assert_string_equal(before.s, after.s);
    assert_int_equal(ka.ntrace, kb.ntrace);
    for (int i = 0; i < 2; i++)
        assert_string_equal(ka.answers[i].text, kb.answers[i].text);
    assert_string_equal(kb.answers[2].text, "srtf");
    assert_int_equal(b->policy, PS_POLICY_FCFS);
    assert_int_equal(b->quantum, 4);
    ps_outbuf_fini(&before);
    ps_outbuf_fini(&after);
    ps_lab_key_fini(&ka);
    ps_lab_key_fini(&kb);
    ps_scenario_destroy(a);
    ps_scenario_destroy(b);
}

/* Numbers: a fraction counts as the number it stands for where the key
 * has decimals; none is an answer only to a key of none. */
static void numbers_and_none_are_checked(void **state)
{
    (void)state;
    static const struct {
        uint8_t type;
        const char *key;
        double number;
        const char *given;
        int right;
    } cases[] = {
        {PS_LAB_NUMBER, "2.67", 8.0 / 3, "8/3", 1},
        {PS_LAB_NUMBER, "2.67", 8.0 / 3, "2.67", 1},
        {PS_LAB_NUMBER, "2.67", 8.0 / 3, "2.66", 1},
        {PS_LAB_NUMBER, "2.67", 8.0 / 3, "2.65", 0},
        {PS_LAB_NUMBER, "2.67", 8.0 / 3, "8 / 3", 1}, /* spaces around the / are no matter */
        {PS_LAB_NUMBER, "2.67", 8.0 / 3, "8/0", 0},
        {PS_LAB_NUMBER, "2.67", 8.0 / 3, "8/", 0},
        {PS_LAB_NUMBER, "2.67", 8.0 / 3, "/3", 0},
        {PS_LAB_NUMBER, "4.60", 4.6, "23/5", 1},
        {PS_LAB_NUMBER, "-1.00", -1, "-1", 1},
        {PS_LAB_NUMBER, "-1.00", -1, "none", 0},
        {PS_LAB_NUMBER, "none", -1, "none", 1},
        {PS_LAB_NUMBER, "none", -1, "-1", 0},
        {PS_LAB_NUMBER, "none", -1, "0", 0},
        {PS_LAB_INT, "3", 3, "6/2", 0},               /* ticks are whole */
        {PS_LAB_INT, "3", 3, "3.0", 1},
        {PS_LAB_INT, "none", -1, "none", 1},
        {PS_LAB_INT, "none", -1, "-1", 0},
        {PS_LAB_INT, "0", 0, "none", 0},
        {PS_LAB_SET, "fcfs priority", 0, "Priority, FCFS", 1},
        {PS_LAB_SET, "fcfs priority", 0, "fcfs", 0},
        {PS_LAB_SET, "rr:4", 0, "RR:4", 1},
        {PS_LAB_SET, "rr:4", 0, "rr", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_lab_answer a = {.type = cases[i].type, .number = cases[i].number};
        snprintf(a.text, sizeof a.text, "%s", cases[i].key);
        if (ps_lab_check(&a, cases[i].given) != cases[i].right)
            fail_msg("key '%s', answer '%s': expected %s", cases[i].key, cases[i].given,
                     cases[i].right ? "right" : "wrong");
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
    /* each policy's own settings, drawn for it; hrrn asks a ratio when
     * there is one to ask (a process Ready when another is dispatched:
     * not in every workload) */
    int ratios = 0;
    static const struct {
        const char *policy, *setting;
    } settings[] = {
        {"lottery", "  seed: "}, {"lottery", "    tickets: "}, {"stride", "    tickets: "},
        {"cfs", "    nice: "}, {"mlq", "    queue: "}, {"priority-rr", "  aging: {every: "},
        {"hrrn", "answer: ratio P"},
    };
    for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++)
        for (uint64_t seed = 1; seed <= 10; seed++) {
            char *a = ps_lab_random(seed, settings[i].policy, 0, &err);
            assert_non_null(a);
            int hrrn = !strcmp(settings[i].policy, "hrrn");
            ratios += hrrn && strstr(a, settings[i].setting);
            if (!hrrn && !strstr(a, settings[i].setting))
                fail_msg("%s, seed %llu: no '%s' in\n%s", settings[i].policy,
                         (unsigned long long)seed, settings[i].setting, a);
            ps_scenario *s = ps_scenario_load_string("random", a, strlen(a), &err);
            if (!s)
                fail_msg("%s, seed %llu: %s\n%s", settings[i].policy,
                         (unsigned long long)seed, err.msg, a);
            ps_lab_key k;
            assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &k), 0);
            assert_int_equal(k.status, PS_STEP_DONE);
            assert_int_equal(s->nquestions, 6);
            if (s->questions[0].kind == PS_ASK_RATIO && !strcmp(k.answers[0].text, "none"))
                fail_msg("hrrn, seed %llu: the ratio asked is none\n%s",
                         (unsigned long long)seed, a);
            ps_lab_key_fini(&k);
            ps_scenario_destroy(s);
            free(a);
        }
    assert_true(ratios >= 5);
    /* the labs of the older policies are those their seeds always made */
    char *old = ps_lab_random(3, "rr", 0, &err);
    assert_non_null(strstr(old, "  quantum: 2\ndevices: [disk]\nprocesses:\n  - name: P1\n"
                                "    arrival: 0\n    program: [cpu 4, io disk 1, cpu 2]\n"));
    free(old);
    char *big = ps_lab_random(7, "rr", 12, &err);
    assert_non_null(big);
    assert_non_null(strstr(big, "policy: rr"));
    assert_non_null(strstr(big, "name: P12"));
    free(big);
    assert_null(ps_lab_random(7, "ostep", 0, &err));
    assert_string_equal(err.msg, "unknown policy 'ostep'; expected fcfs, sjf, srtf, hrrn, "
                                 "priority, priority-preemptive, priority-rr, rr, mlq, mlfq, "
                                 "lottery, stride or cfs");
    assert_string_equal(err.msg_ko, "알 수 없는 정책 'ostep' (쓸 수 있는 정책: fcfs, sjf, srtf, "
                                    "hrrn, priority, priority-preemptive, priority-rr, rr, mlq, "
                                    "mlfq, lottery, stride, cfs)");
    assert_null(ps_lab_random(7, NULL, 13, &err));
    assert_string_equal(err.msg_ko, "무작위 실습의 프로세스는 1개에서 12개까지인데 13개입니다");
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

/* ---- the reasons of an answer: every transition and op event behind it --
 *
 * The reasons are worked from the key's trace and op events; the answers
 * from the PCBs' statistics.  Holding one to the other over every shipped
 * scenario, every process and every statistic shows that no stay, no
 * dispatch and no write is left out. */

/* The reasons of answer a, one string a line ("" between). */
static void why_lines(const ps_lab_key *k, const ps_lab_answer *a, char lines[][640], uint32_t max)
{
    for (uint32_t w = 0; w < a->nwhy && w < max; w++)
        ps_lab_why_line(k, a, w, lines[w], sizeof lines[w]);
}

/* The numbers of "Ready 8 + Running 8" (the last number of each part). */
static long long parts_sum(const char *s)
{
    long long sum = 0;
    char buf[640];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *part = strtok(buf, "+"); part; part = strtok(NULL, "+")) {
        char *end = part + strlen(part);
        while (end > part && end[-1] == ' ')
            end--;
        char *num = end;
        while (num > part && (num[-1] >= '0' && num[-1] <= '9'))
            num--;
        sum += strtoll(num, NULL, 10);
    }
    return sum;
}

/* Stays "ticks A-B: ..." (English) or "A-B틱: ..." (Korean): their ticks,
 * less those switching; -1 if the line is none. */
static long long stay_ticks(const char *line, int ko)
{
    long long from, to, cost = 0;
    if (ko ? sscanf(line, "%lld-%lld틱: ", &from, &to) != 2
           : sscanf(line, "ticks %lld-%lld: ", &from, &to) != 2)
        return -1;
    const char *sw = ko ? strstr(line, ", 그 가운데 문맥 교환 ") : strstr(line, " of them switching");
    if (sw && !ko) /* back to the number before it */
        while (sw > line && sw[-1] != ' ')
            sw--;
    if (sw && sscanf(sw, ko ? ", 그 가운데 문맥 교환 %lld" : "%lld", &cost) != 1)
        cost = 0;
    return to - from - cost;
}

enum { MAX_WHY = 4096 };

/* Checks the English reasons of answer a to question q against its value. */
static void reasons_make_up(const ps_lab_key *k, const ps_question *q, const ps_lab_answer *a,
                            const char *where)
{
    static char l[MAX_WHY][640];
    assert_true(a->nwhy < MAX_WHY);
    why_lines(k, a, l, MAX_WHY);
    for (uint32_t w = 0; w < a->nwhy; w++)
        if (!l[w][0])
            fail_msg("%s [%s]: reason %u is empty", where, q->expr, w);
    const char *last = a->nwhy ? l[a->nwhy - 1] : "";
    long long n = (long long)a->number, x, y, z;
    const char *p;
#define NEED(cond)                                                                         \
    do {                                                                                   \
        if (!(cond))                                                                       \
            fail_msg("%s [%s] = %s: %s fails; the reasons end \"%s\"", where, q->expr,     \
                     a->text, #cond, last);                                                \
    } while (0)
    switch (q->kind) { /* a byte: the kinds not checked here need no case */
    case PS_ASK_WAITING:
    case PS_ASK_CPU: {
        long long sum = 0;
        int renewed = 0;
        for (uint32_t w = 0; w < a->nwhy; w++) {
            long long t = stay_ticks(l[w], 0);
            sum += t > 0 ? t : 0;
            renewed |= strstr(l[w], "count_self_switch") != NULL;
        }
        NEED(renewed || sum == n);
        NEED(a->nwhy > 0);
        break;
    }
    case PS_ASK_FINISH:
        if (n < 0) {
            NEED(strstr(last, "has not finished"));
            break;
        }
        NEED((p = strstr(last, " finishes at tick ")) &&
             sscanf(p, " finishes at tick %lld = arrival %lld + ", &x, &y) == 2);
        NEED(x == n);
        NEED(parts_sum(strstr(p, " + ") + 3) == x - y);
        NEED(a->nwhy >= 2 && strstr(l[a->nwhy - 2], "-> Exit"));
        NEED(strstr(l[0], "(none) -> New"));
        break;
    case PS_ASK_TURNAROUND:
        if (n < 0) {
            NEED(strstr(last, "has not finished"));
            break;
        }
        NEED((p = strstr(last, " turnaround = finish ")) &&
             sscanf(p, " turnaround = finish %lld - arrival %lld = %lld", &x, &y, &z) == 3);
        NEED(z == n && x - y == n);
        NEED(parts_sum(strstr(p, ": ") + 2) == n);
        break;
    case PS_ASK_RESPONSE:
        if (n < 0) {
            NEED(strstr(last, "never ran"));
            break;
        }
        NEED((p = strstr(last, " response = first dispatch ")) &&
             sscanf(p, " response = first dispatch %lld - arrival %lld = %lld", &x, &y, &z) == 3);
        NEED(z == n && x - y == n);
        NEED(a->nwhy >= 2 && strstr(l[a->nwhy - 2], "-> Running ("));
        break;
    case PS_ASK_SWITCHES: {
        long long dispatches = 0;
        for (uint32_t w = 0; w + 1 < a->nwhy; w++)
            dispatches += strstr(l[w], "-> Running (") != NULL;
        NEED((p = strstr(last, " switches = ")) &&
             sscanf(p, " switches = %lld dispatches", &x) == 1 && x == dispatches);
        NEED((p = strrchr(last, '=')) && sscanf(p, "= %lld", &z) == 1 && z == n);
        NEED(dispatches == n || strstr(last, "switch_cost_first") ||
             strstr(last, "count_self_switch"));
        break;
    }
    case PS_ASK_SWAPS:
        NEED((p = strstr(last, " swaps = ")) &&
             sscanf(p, " swaps = %lld out + %lld in = %lld", &x, &y, &z) == 3);
        NEED(z == n && x + y == n && a->nwhy == (uint32_t)n + 1);
        break;
    case PS_ASK_LOST: {
        long long sum = 0, stale = 0, lost;
        for (uint32_t w = 0; w < a->nwhy; w++) {
            stale += strstr(l[w], "LOST UPDATE") != NULL;
            if ((p = strstr(l[w], " at tick ")) && strstr(l[w], " update(s) lost") &&
                sscanf(strrchr(l[w], ':'), ": %lld update(s) lost", &lost) == 1) {
                sum += lost;
                stale--;
            }
        }
        NEED(stale == 0 && sum == n);
        char total[640]; /* "lost = 1 + 1 = 2: each ...": the sum before the colon */
        snprintf(total, sizeof total, "%s", last);
        if ((p = strstr(total, ": each")))
            total[p - total] = 0;
        NEED(n == 0 ? strstr(last, "no write overwrote") != NULL
                    : !strncmp(total, "lost = ", 7) && (p = strrchr(total, '=')) &&
                          sscanf(p, "= %lld", &z) == 1 && z == n);
        break;
    }
    case PS_ASK_RECEIVED: {
        long long sum = 0, v;
        for (uint32_t w = 0; w + 1 < a->nwhy; w++)
            if ((p = strstr(l[w], " receives ")) && sscanf(p, " receives %lld from", &v) == 1)
                sum += v;
        NEED(sum == n);
        NEED((p = strrchr(last, '=')) && sscanf(p, "= %lld", &z) == 1 && z == n);
        break;
    }
    case PS_ASK_VALUE: {
        char name[128];
        snprintf(name, sizeof name, " writes %s = ", k->s->variables.names[q->obj]);
        long long v = 0;
        int writes = 0;
        for (uint32_t w = 0; w < a->nwhy; w++)
            if ((p = strstr(l[w], name)) && sscanf(p + strlen(name), "%lld", &v) == 1)
                writes++;
        NEED(writes ? v == n : strstr(last, "never written") != NULL);
        break;
    }
    case PS_ASK_AVERAGE:
        NEED((p = strrchr(last, '=')) && !strcmp(p + 2, a->text));
        break;
    case PS_ASK_LENGTH: { /* every send and receive up to T */
        long long sends = 0, receives = 0;
        for (uint32_t w = 0; w + 1 < a->nwhy; w++) {
            sends += strstr(l[w], " sends ") != NULL;
            receives += strstr(l[w], " receives ") != NULL;
        }
        NEED((p = strstr(last, " holds ")) &&
             sscanf(p, " holds %lld: %lld sent - %lld received", &x, &y, &z) == 3);
        NEED(x == n && y - z == n && y == sends && z == receives);
        break;
    }
    case PS_ASK_HOLDER: { /* the holder the locks, unlocks and hand-offs leave */
        char holder[128] = "none", who[128], m[128], to[128];
        for (uint32_t w = 0; w < a->nwhy; w++) {
            if (sscanf(l[w], "tick %*d: %127s unlocks %127[^,], handed to %127s", who, m, to) == 3)
                snprintf(holder, sizeof holder, "%s", to);
            else if (sscanf(l[w], "tick %*d: %127s unlocks %127s", who, m) == 2)
                snprintf(holder, sizeof holder, "none");
            else if (sscanf(l[w], "tick %*d: %127s locks %127s", who, m) == 2)
                snprintf(holder, sizeof holder, "%s", who);
        }
        NEED(!strcmp(holder, a->text));
        break;
    }
    default: break;
    }
#undef NEED
}

/* Every statistic of every process of s, every average, the lost
 * updates, each channel's sum and each variable's value, and each
 * channel's length and each mutex's holder every 3 ticks, as questions. */
enum { MOMENTS = 12 };
static uint32_t every_question(const ps_scenario *s, ps_question *qs)
{
    static const uint8_t stats[] = {PS_ASK_FINISH, PS_ASK_TURNAROUND, PS_ASK_WAITING,
                                    PS_ASK_RESPONSE, PS_ASK_CPU, PS_ASK_SWITCHES, PS_ASK_SWAPS};
    uint32_t n = 0;
    for (uint32_t p = 0; p < s->nprocs; p++)
        for (size_t i = 0; i < sizeof stats; i++)
            qs[n++] = (ps_question){.expr = "stat", .kind = stats[i], .obj = p};
    for (uint8_t w = PS_AVG_TURNAROUND; w <= PS_AVG_RESPONSE; w++)
        qs[n++] = (ps_question){.expr = "average", .kind = PS_ASK_AVERAGE, .what = w};
    qs[n++] = (ps_question){.expr = "lost", .kind = PS_ASK_LOST};
    for (uint32_t c = 0; c < s->channels.count; c++)
        qs[n++] = (ps_question){.expr = "received", .kind = PS_ASK_RECEIVED, .obj = c};
    for (uint32_t v = 0; v < s->variables.count; v++)
        qs[n++] = (ps_question){.expr = "value", .kind = PS_ASK_VALUE, .obj = v};
    for (int64_t t = 0; t < MOMENTS; t++) { /* the channels and mutexes as time goes */
        for (uint32_t c = 0; c < s->channels.count; c++)
            qs[n++] = (ps_question){.expr = "length", .kind = PS_ASK_LENGTH, .at = 1,
                                    .obj = c, .tick = 3 * t};
        for (uint32_t m = 0; m < s->mutexes.count; m++)
            qs[n++] = (ps_question){.expr = "holder", .kind = PS_ASK_HOLDER, .at = 1,
                                    .obj = m, .tick = 3 * t};
    }
    return n;
}

/* Is w[0..n) a word Korean reasons may write in Latin letters: a name
 * from s, a token (or a word of one: "ready-suspended"), or CPU, None,
 * True, False? */
static int latin_allowed(const ps_scenario *s, const char *w, size_t n)
{
    static const char *const words[] = {"CPU", "None", "True", "False"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && !strncmp(words[i], w, n))
            return 1;
    for (uint32_t i = 0; i < s->nprocs; i++)
        if (strlen(s->procs[i].name) == n && !strncmp(s->procs[i].name, w, n))
            return 1;
    const ps_names *sets[] = {&s->devices, &s->channels, &s->mutexes, &s->variables};
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++)
        for (uint32_t i = 0; i < sets[k]->count; i++)
            if (strlen(sets[k]->names[i]) == n && !strncmp(sets[k]->names[i], w, n))
                return 1;
    const char *toks[256];
    size_t t = 0;
    for (int i = 0; i < PS_STATE_COUNT; i++)
        toks[t++] = ps_state_token((ps_state)i);
    for (int i = 0; i < PS_EVENT_COUNT; i++)
        toks[t++] = ps_event_token((ps_event)i);
    for (int i = 0; i < PS_POLICY_COUNT; i++)
        toks[t++] = ps_policy_token((ps_policy)i);
    for (int i = 0; i < PS_WAIT_KINDS; i++)
        toks[t++] = ps_wait_token((ps_wait_kind)i);
    for (int i = 0; i < PS_OP_EVENT_COUNT; i++)
        toks[t++] = ps_op_event_token((ps_op_event_kind)i);
    for (size_t i = 0; i < t; i++)
        for (const char *p = toks[i]; *p;) { /* the token, and each word of it */
            size_t m = strcspn(p, "-/");
            if ((strlen(toks[i]) == n && !strncmp(toks[i], w, n)) ||
                (m == n && !strncmp(p, w, n)))
                return 1;
            p += m + (p[m] != 0);
        }
    return 0;
}

/* The first word of line in Latin letters that Korean does not write so,
 * into word; 0 if none. */
static int english_in(const ps_scenario *s, const char *line, char *word, size_t size)
{
    for (const char *p = line; *p;) {
        size_t n = 0, letters = 0;
        while (p[n] && ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
                        (p[n] >= '0' && p[n] <= '9') || p[n] == '_' || p[n] == '-')) {
            letters += (p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z';
            n++;
        }
        if (letters && !latin_allowed(s, p, n)) {
            snprintf(word, size, "%.*s", (int)n, p);
            return 1;
        }
        p += n ? n : 1;
    }
    return 0;
}

/* The keys of s with every question, in English and Korean: the English
 * reasons make up each answer; the Korean are as many, in Korean, with no
 * English word outside names and tokens. */
static int reasons_of_every_question(const ps_scenario *s, const char *where)
{
    ps_scenario copy = *s;
    ps_question *qs = calloc(s->nprocs * 7 + 4 + s->channels.count + s->variables.count +
                                 MOMENTS * (s->channels.count + s->mutexes.count),
                             sizeof *qs);
    assert_non_null(qs);
    copy.questions = qs;
    copy.nquestions = every_question(s, qs);
    ps_lab_key en, ko;
    assert_int_equal(ps_lab_key_compute(&copy, PS_LANG_EN, &en), 0);
    assert_int_equal(ps_lab_key_compute(&copy, PS_LANG_KO, &ko), 0);
    int checked = 0;
    if (en.status == PS_STEP_DONE || en.status == PS_STEP_STUCK) {
        for (uint32_t i = 0; i < copy.nquestions; i++) {
            reasons_make_up(&en, &qs[i], &en.answers[i], where);
            assert_int_equal(ko.answers[i].nwhy, en.answers[i].nwhy);
            char e[640], h[640];
            for (uint32_t w = 0; w < ko.answers[i].nwhy; w++) {
                ps_lab_why_line(&ko, &ko.answers[i], w, h, sizeof h);
                ps_lab_why_line(&en, &en.answers[i], w, e, sizeof e);
                long long te = stay_ticks(e, 0), th = stay_ticks(h, 1);
                if (te != th || strstr(h, " ticks") || strstr(h, "tick "))
                    fail_msg("%s [%s]: the Korean reason \"%s\" is not \"%s\"", where,
                             qs[i].expr, h, e);
                /* the lab's own words: a transition or an op event ("3틱: ...") is
                   the engine's sentence; of a stay, what comes before its causes */
                char word[128], own[640];
                long long tick;
                char rest[8];
                snprintf(own, sizeof own, "%s", h);
                if (th < 0 && sscanf(h, "%lld%7[^:]:", &tick, rest) == 2 && !strcmp(rest, "틱"))
                    own[0] = 0;
                else if (th >= 0 && strstr(own, " (들어옴: "))
                    *strstr(own, " (들어옴: ") = 0;
                if (english_in(s, own, word, sizeof word))
                    fail_msg("%s [%s]: English word '%s' in the Korean reason \"%s\"", where,
                             qs[i].expr, word, h);
            }
        }
        checked = 1;
    }
    ps_lab_key_fini(&en);
    ps_lab_key_fini(&ko);
    free(qs);
    return checked;
}

static void reasons_make_up_every_answer(void **state)
{
    (void)state;
    static char paths[256][TK_PATH];
    int n = tk_shipped_scenarios(paths, 200), checked = 0;
    DIR *d = opendir(PROCSIM_SOURCE_DIR "/scenarios/labs");
    assert_non_null(d);
    for (struct dirent *de; (de = readdir(d)) && n < 256;)
        if (strstr(de->d_name, ".yaml"))
            snprintf(paths[n++], TK_PATH, "scenarios/labs/%.200s", de->d_name);
    closedir(d);
    for (int i = 0; i < n; i++) {
        char path[TK_PATH + 1024];
        ps_error err;
        snprintf(path, sizeof path, "%.1000s/%.255s", PROCSIM_SOURCE_DIR, paths[i]);
        ps_scenario *s = ps_scenario_load_file(path, &err);
        if (!s)
            fail_msg("%s: %s", paths[i], err.msg);
        checked += reasons_of_every_question(s, paths[i]);
        ps_scenario_destroy(s);
    }
    for (uint64_t seed = 1; seed <= 60; seed++) { /* every policy, drawn */
        ps_error err;
        char *yaml = ps_lab_random(seed, NULL, 0, &err), where[64];
        assert_non_null(yaml);
        ps_scenario *s = ps_scenario_load_string("random", yaml, strlen(yaml), &err);
        assert_non_null(s);
        snprintf(where, sizeof where, "random lab %llu", (unsigned long long)seed);
        checked += reasons_of_every_question(s, where);
        ps_scenario_destroy(s);
        free(yaml);
    }
    assert_true(checked > 100);
}

/* The case: a waiting time of two stays in Ready is explained by
 * both, and they add up to it (the key used to show P1's creation, first
 * dispatch and exit: 10 explained by none of its 7 + 3 ticks). */
static void a_waiting_time_is_every_stay_in_ready(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(lab_yaml);
    ps_lab_key en, ko;
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &en), 0);
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_KO, &ko), 0);
    static const char *const want_en[] = {
        "ticks 4-11: P1 Ready, 7 ticks (in: timeout: quantum of 4 expired; out: dispatch: rr "
        "picks it for cpu 0)",
        "ticks 15-18: P1 Ready, 3 ticks (in: timeout: quantum of 4 expired; out: dispatch: rr "
        "picks it for cpu 0)",
        "P1 waiting = Ready 7 + 3 = 10 ticks",
    };
    static const char *const want_ko[] = {
        "4-11틱: P1 준비 상태 7틱 (들어옴: timeout: 타임 퀀텀 4 만료; 나감: dispatch: rr 스케줄러가 "
        "CPU 0에 배정)",
        "15-18틱: P1 준비 상태 3틱 (들어옴: timeout: 타임 퀀텀 4 만료; 나감: dispatch: rr 스케줄러가 "
        "CPU 0에 배정)",
        "P1 대기 시간 = 준비 7 + 3 = 10틱",
    };
    const ps_lab_answer *a = &en.answers[4], *h = &ko.answers[4];
    assert_string_equal(a->text, "10");
    assert_int_equal(a->nwhy, 3);
    assert_int_equal(h->nwhy, 3);
    char line[640];
    for (uint32_t w = 0; w < 3; w++) {
        assert_string_equal(ps_lab_why_line(&en, a, w, line, sizeof line), want_en[w]);
        assert_string_equal(ps_lab_why_line(&ko, h, w, line, sizeof line), want_ko[w]);
    }
    /* cut short, a line ends at a whole character */
    for (size_t size = 1; size < 24; size++) {
        ps_lab_why_line(&ko, h, 2, line, size);
        assert_true(strlen(line) < size);
        assert_true(!strncmp(line, want_ko[2], strlen(line)));
        size_t n = strlen(line);
        assert_true(n == 0 || ((unsigned char)want_ko[2][n] & 0xC0) != 0x80);
    }
    /* finish P2: its whole life, and the time in each state */
    a = &en.answers[3];
    assert_string_equal(ps_lab_why_line(&en, a, a->nwhy - 1, line, sizeof line),
                        "P2 finishes at tick 7 = arrival 0 + Ready 4 + Running 3");
    ps_lab_key_fini(&en);
    ps_lab_key_fini(&ko);
    ps_scenario_destroy(s);
    /* no cap: round robin with quantum 1 puts A back in Ready nine times */
    s = tk_load("procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\n"
                "processes:\n  - {name: A, program: [cpu 10]}\n  - {name: B, program: [cpu 10]}\n"
                "questions:\n  - {ask: a, answer: waiting A}\n  - {ask: b, answer: switches A}\n");
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &en), 0);
    assert_string_equal(en.answers[0].text, "9");
    assert_int_equal(en.answers[0].nwhy, 10);
    assert_string_equal(ps_lab_why_line(&en, &en.answers[0], 9, line, sizeof line),
                        "A waiting = Ready 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 = 9 ticks");
    assert_string_equal(en.answers[1].text, "10");
    assert_int_equal(en.answers[1].nwhy, 11);
    assert_string_equal(ps_lab_why_line(&en, &en.answers[1], 10, line, sizeof line),
                        "A switches = 10 dispatches = 10");
    ps_lab_key_fini(&en);
    ps_scenario_destroy(s);
}

/* A lost update is explained by its reads and writes: who read what when,
 * the preemption between the read and the write, the writes it
 * overwrote, and what each stale write lost. */
static void a_lost_update_is_its_reads_and_writes(void **state)
{
    (void)state;
    ps_error err;
    ps_scenario *s = ps_scenario_load_file(PROCSIM_SOURCE_DIR "/scenarios/labs/race-lock.yaml",
                                           &err);
    assert_non_null(s);
    ps_lab_key en, ko;
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &en), 0);
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_KO, &ko), 0);
    uint32_t q = 0;
    while (q < s->nquestions && s->questions[q].kind != PS_ASK_LOST)
        q++;
    assert_true(q < s->nquestions);
    static const char *const want_en[] = {
        "tick 3: r1 reads raced = 1",
        "tick 3: r1 Running -> Ready (timeout: quantum of 3 expired)",
        "tick 5: r2 writes raced = 2",
        "tick 6: r2 reads raced = 2",
        "tick 6: r2 Running -> Ready (timeout: quantum of 3 expired)",
        "tick 9: r1 Ready -> Running (dispatch: rr picks it for cpu 0)",
        "tick 10: r1 writes raced = 2: LOST UPDATE, overwrites 1 update(s) made since its read, "
        "the last by r2",
        "tick 12: r1 writes raced = 3",
        "tick 12: r2 Ready -> Running (dispatch: rr picks it for cpu 0)",
        "tick 13: r2 writes raced = 3: LOST UPDATE, overwrites 2 update(s) made since its read, "
        "the last by r1",
        "r1 wrote raced = 2 where it held 2, having read 1 at tick 3: 1 update(s) lost",
        "r2 wrote raced = 3 where it held 3, having read 2 at tick 6: 1 update(s) lost",
        "lost = 1 + 1 = 2: each write over others' updates loses the value it overwrote less "
        "the one it had read",
    };
    const uint32_t n = sizeof want_en / sizeof want_en[0];
    char line[640];
    assert_string_equal(en.answers[q].text, "2");
    assert_int_equal(en.answers[q].nwhy, n);
    assert_int_equal(ko.answers[q].nwhy, n);
    for (uint32_t w = 0; w < n; w++)
        assert_string_equal(ps_lab_why_line(&en, &en.answers[q], w, line, sizeof line),
                            want_en[w]);
    assert_string_equal(ps_lab_why_line(&ko, &ko.answers[q], 0, line, sizeof line),
                        "3틱: r1가 raced = 1을 읽음");
    assert_string_equal(ps_lab_why_line(&ko, &ko.answers[q], 10, line, sizeof line),
                        "r1: raced = 2을(를) 씀, 그때 값 2, 읽은 값 1 (3틱): 갱신 1개 잃음");
    assert_string_equal(ps_lab_why_line(&ko, &ko.answers[q], n - 1, line, sizeof line),
                        "손실 = 1 + 1 = 2: 다른 프로세스의 갱신을 덮어쓴 쓰기마다 (덮어쓴 값 - "
                        "읽었던 값)만큼 잃음");
    ps_lab_key_fini(&en);
    ps_lab_key_fini(&ko);
    ps_scenario_destroy(s);
}

static void grade_reports_bad_input(void **state)
{
    (void)state;
    int st;
    char *out = run_cli("grade scenarios/labs/scheduling-rr.yaml /nonexistent/answers", &st);
    assert_int_equal(st, 2);
    assert_non_null(strstr(out, "cannot read /nonexistent/answers"));
    free(out);
    out = run_cli("grade scenarios/labs/scheduling-rr.yaml tests/layers/climbs-out", &st);
    assert_int_equal(st, 2); /* a folder is a class (test_grade.c); this one has no files */
    assert_non_null(strstr(out, "tests/layers/climbs-out holds no answers files"));
    free(out);
    out = run_cli("grade scenarios/policies/rr.yaml scenarios/policies/rr.yaml", &st);
    assert_int_equal(st, 2);
    assert_non_null(strstr(out, "has no questions"));
    free(out);
    out = run_cli("lab --random --seed 3 --processes 40", &st);
    assert_int_equal(st, 2);
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
        cmocka_unit_test(shared_objects_are_answered),
        cmocka_unit_test(stopping_for_a_question_does_not_change_the_run),
        cmocka_unit_test(alive_and_the_sentinel_are_answered),
        cmocka_unit_test(shared_answers_are_checked),
        cmocka_unit_test(policy_questions_are_answered),
        cmocka_unit_test(comparing_leaves_the_lab_as_it_was),
        cmocka_unit_test(numbers_and_none_are_checked),
        cmocka_unit_test(random_labs_are_reproducible_and_valid),
        cmocka_unit_test(shipped_labs_keep_their_keys_and_grade),
        cmocka_unit_test(reasons_make_up_every_answer),
        cmocka_unit_test(a_waiting_time_is_every_stay_in_ready),
        cmocka_unit_test(a_lost_update_is_its_reads_and_writes),
        cmocka_unit_test(grade_reports_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
