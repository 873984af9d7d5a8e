/* test_lab_limit.c — how long a run a lab's key explains: at most
 * PS_LAB_MAX_EVENTS transitions and op events are kept (lab.h), a run
 * that goes past them is stopped there and refused (PS_LAB_TOO_LONG), and
 * every command that needs a key says so in both languages, exit 1,
 * without first taking the machine's memory (issue: a 190-byte lab of two
 * bursts of a billion ticks under quantum 1 made `lab -c` and `grade` keep
 * 4 x 10^9 transitions). */
#include "clikit.h"
#include "testkit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/lab.h"

/* Round robin, quantum 1, two processes of `burst` ticks each (4 * burst
 * + 4 transitions), and `tail` after B's burst (an op or nothing). */
static char *rr1(long burst, const char *tail, const char *question)
{
    static char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\n"
             "processes:\n"
             "  - {name: A, program: [cpu %ld]}\n"
             "  - {name: B, program: [cpu %ld%s]}\n"
             "questions:\n  - %s\n",
             burst, burst, tail, question);
    return yaml;
}

static void count(void *ctx, const ps_trace_event *ev)
{
    (void)ev;
    ++*(size_t *)ctx;
}

static void count_op(void *ctx, const ps_op_event *ev)
{
    (void)ev;
    ++*(size_t *)ctx;
}

/* The transitions and op events of a run of s to its end: what a key of
 * it would keep. */
static size_t events_of(const ps_scenario *s)
{
    size_t n = 0;
    ps_engine *e = ps_engine_create(s);
    assert_non_null(e);
    ps_engine_set_listener(e, count, &n);
    ps_engine_set_op_listener(e, count_op, &n);
    ps_step_status st = ps_engine_run(e, -1);
    assert_int_equal(st, PS_STEP_DONE);
    ps_engine_destroy(e);
    return n;
}

/* A run of exactly the limit has its key; one event more is refused, and
 * the key is left empty.  Each row's count is checked first, so the table
 * says what it tests. */
static void a_key_keeps_at_most_the_limit(void **state)
{
    (void)state;
    static const struct {
        long burst;
        const char *tail;
        size_t events;
        int rc;
    } rows[] = {
        {(PS_LAB_MAX_EVENTS - 4) / 4, "", PS_LAB_MAX_EVENTS, 0},
        /* the send: one op event more, no transition */
        {(PS_LAB_MAX_EVENTS - 4) / 4, ", send q 1", PS_LAB_MAX_EVENTS + 1, PS_LAB_TOO_LONG},
        {(PS_LAB_MAX_EVENTS - 4) / 4 + 1, "", PS_LAB_MAX_EVENTS + 4, PS_LAB_TOO_LONG},
        {1000, "", 4004, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        ps_scenario *s = tk_load(rr1(rows[i].burst, rows[i].tail, "{ask: a, answer: finish A}"));
        size_t n = events_of(s);
        if (n != rows[i].events)
            fail_msg("row %zu: the run has %zu events, the row says %zu", i, n, rows[i].events);
        ps_lab_key k;
        int rc = ps_lab_key_compute(s, PS_LANG_EN, &k);
        if (rc != rows[i].rc)
            fail_msg("row %zu (%zu events): ps_lab_key_compute %d, expected %d", i, n, rc,
                     rows[i].rc);
        if (!rc) {
            assert_int_equal(k.ntrace + k.nops, n);
            assert_string_equal(k.answers[0].text, rows[i].burst == 1000 ? "1999"
                                                                          : "499997");
        } else {
            assert_null(k.trace);
            assert_null(k.answers);
            assert_null(k.e);
        }
        ps_lab_key_fini(&k);
        ps_scenario_destroy(s);
    }
}

/* A multiple-choice option is answered by a key of its own: its run is
 * held to the limit too, and a key whose own run is short is refused for
 * it. */
static void a_computed_option_is_held_to_the_limit(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(
        "procsim: 1\ntitle: t\nsystem: {policy: fcfs}\n"
        "processes:\n"
        "  - {name: A, program: [cpu 1000000]}\n"
        "  - {name: B, program: [cpu 1000000]}\n"
        "questions:\n"
        "  - {ask: a, answer: finish A, choices: [finish A under rr:1, {literal: 7}]}\n");
    ps_lab_key k;
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &k), PS_LAB_TOO_LONG);
    assert_null(k.answers);
    ps_lab_key_fini(&k);
    ps_scenario_destroy(s);
}

#define TOO_LONG "tests/labs/limit/too-long.yaml"
#define SPIN "tests/labs/limit/spin.yaml"
#define SAYS_EN                                                                              \
    "procsim: " TOO_LONG ": the run goes past 1000000 transitions and op events, more than a " \
    "lab's key keeps (it keeps each one to explain the answers); make the bursts shorter or " \
    "the quantum longer\n"
#define SAYS_KO                                                                              \
    "procsim: " TOO_LONG ": 실행의 전이와 연산 이벤트가 1000000개를 넘어, 실습의 정답이 간직할 " \
    "수 있는 것보다 많습니다(정답은 답을 설명하려고 그 하나하나를 간직합니다); 버스트를 " \
    "줄이거나 퀀텀을 늘리십시오\n"

/* Every command that needs the key refuses the lab at once (each
 * row has 20 seconds; before the limit one took 2.5 GB and 10 s to end
 * with another message), exit 1, in the language asked for.  The handout
 * without options needs no key and is printed. */
static void commands_refuse_a_lab_too_long_to_explain(void **state)
{
    (void)state;
    static const struct {
        const char *args[8];
        int status;
        const char *err;
    } rows[] = {
        {{"lab", TOO_LONG, "-c"}, 1, SAYS_EN},
        {{"lab", TOO_LONG, "-c", "--lang", "ko"}, 1, SAYS_KO},
        {{"lab", TOO_LONG, "--format", "html"}, 1, SAYS_EN},
        {{"lab", TOO_LONG, "--format", "html", "-c", "--lang", "ko"}, 1, SAYS_KO},
        {{"grade", TOO_LONG, "tests/labs/scheduling-rr.answers"}, 1, SAYS_EN},
        {{"grade", TOO_LONG, "tests/labs/class", "--lang", "ko"}, 1, SAYS_KO},
        {{"lab", TOO_LONG}, 0, ""},
        /* a run stopped by the runaway stop (rule L5) is no key either */
        {{"lab", SPIN, "-c"}, 1, "procsim: no answer key: stopped at tick 0: spin ran more "
                                 "than 1000000 ops that take no time in one instant (a loop "
                                 "that never blocks and never uses the CPU); give its loop a "
                                 "cpu op, or fewer rounds\n"},
        {{"grade", SPIN, "tests/labs/scheduling-rr.answers", "--lang", "ko"}, 1,
         "procsim: 정답을 구할 수 없습니다: 0틱에서 멈춤: spin가 한 순간에 시간이 들지 않는 "
         "op를 1000000개 넘게 실행했습니다 (대기하지도 CPU를 쓰지도 않는 루프). 루프에 cpu "
         "op를 넣거나 반복 횟수를 줄이세요\n"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        result r = run_in(rows[i].args, NULL, 20);
        if (r.status != rows[i].status || strcmp(r.err, rows[i].err))
            fail_msg("row %zu (%s %s): exit %d, stderr:\n%s", i, rows[i].args[0],
                     rows[i].args[2] ? rows[i].args[2] : "", r.status, r.err);
        if (rows[i].status)
            assert_int_equal(r.out_len, 0);
        result_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_key_keeps_at_most_the_limit),
        cmocka_unit_test(a_computed_option_is_held_to_the_limit),
        cmocka_unit_test(commands_refuse_a_lab_too_long_to_explain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
