/* test_gui_quiz.c — the quiz's logic, without a window (gui/quiz.h): it
 * asks before each transition of the followed process (not its creation),
 * while the engine shown is still before it; it scores answers; it stays
 * in step after a restart-like resync with the user's actions replayed.
 * And the window's run that ends in a deadlock: its report is made once,
 * in each language, for the window to show in the one it speaks. */
#include "testkit.h"

#include <string.h>

#include "quiz.h"
#include "quiz_words.h"
#include "sim.h"
#include "utf8.h"

static const char rr_yaml[] =
    "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 4}\nprocesses:\n"
    "  - {name: P1, program: [cpu 6]}\n  - {name: P2, program: [cpu 3]}\n";

/* Steps `shown` as the GUI does, answering each question with `answer`
 * (PS_NONE: the right one).  Returns the number of questions asked. */
static size_t play(gui_quiz *q, ps_engine *shown, ps_state answer)
{
    size_t asked = 0;
    for (int guard = 0; guard < 1000; guard++) {
        for (int first = 1; gui_quiz_hold(q); first = 0) {
            const ps_trace_event *ev = gui_quiz_question(q);
            assert_non_null(ev);
            assert_true(ev->from != PS_NONE);
            /* the shown engine is still before the instant's first one (a
             * process created in it is not there yet) */
            uint8_t shown_state = ps_engine_pcb(shown, ev->pid)->state;
            if (first && !(ev->from == PS_NEW && shown_state == PS_NONE))
                assert_int_equal(shown_state, ev->from);
            ps_state to = (ps_state)ev->to;
            assert_int_equal(gui_quiz_answer(q, answer == PS_NONE ? to : answer),
                             answer == PS_NONE || answer == to);
            asked++;
        }
        ps_step_status st = ps_engine_step(shown);
        gui_quiz_stepped(q);
        if (st != PS_STEP_OK)
            return asked;
    }
    fail_msg("the run did not end");
    return 0;
}

static void asks_before_each_transition_and_scores(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(rr_yaml);
    ps_engine *shown = ps_engine_create(s);
    gui_quiz q;
    memset(&q, 0, sizeof q);
    assert_int_equal(gui_quiz_start(&q, s, 1, 0, NULL, NULL), 0);
    /* P1: New->Ready, Ready->Running at 0, timeout at 4, dispatch at 7,
     * exit at 9: five questions, all answered right */
    assert_int_equal(play(&q, shown, PS_NONE), 5);
    assert_int_equal(q.nitems, 5);
    assert_int_equal(gui_quiz_right(&q), 5);
    assert_int_equal(q.items[2].ev.time, 4);
    assert_int_equal(q.items[2].ev.to, PS_READY);
    assert_null(gui_quiz_question(&q));
    assert_int_equal(gui_quiz_answer(&q, PS_READY), -1); /* nothing open */
    gui_quiz_fini(&q);
    ps_engine_destroy(shown);
    ps_scenario_destroy(s);
}

/* The prompt, in each language: for a process the run shown has not
 * created, the PCB's "not created yet", never "now New"; after, the state
 * the table shows. */
static void the_prompt_names_a_process_not_created_yet_so(void **state)
{
    (void)state;
    static const char yaml[] = "procsim: 1\ntitle: t\nprocesses:\n"
                               "  - {name: P1, program: [cpu 2]}\n"
                               "  - {name: late, arrival: 1, program: [cpu 1]}\n";
    static const struct {
        gui_lang lang;
        const char *created, *first, *then;
    } want[] = {
        {GUI_EN, "late (not created yet) is created at tick 1", "now New", "(now Ready)"},
        {GUI_KO, "late (아직 생성되지 않음)는 1틱에 생성됩니다", "지금 생성", "(지금 준비)"},
    };
    ps_scenario *s = tk_load(yaml);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        ps_engine *shown = ps_engine_create(s);
        gui_quiz q;
        memset(&q, 0, sizeof q);
        assert_int_equal(gui_quiz_start(&q, s, 2, 0, NULL, NULL), 0);
        char text[GUI_NAME_BUF + 200];
        int asked = 0;
        for (int guard = 0; guard < 100 && asked < 3; guard++) {
            for (; gui_quiz_hold(&q); asked++) {
                const ps_trace_event *ev = gui_quiz_question(&q);
                gui_quiz_prompt(shown, ev, "late", want[i].lang, text, sizeof text);
                if (asked == 0) {
                    assert_non_null(strstr(text, want[i].created));
                    assert_null(strstr(text, want[i].first));
                } else if (asked == 1) {
                    assert_non_null(strstr(text, want[i].then));
                }
                gui_quiz_answer(&q, (ps_state)ev->to);
            }
            if (ps_engine_step(shown) != PS_STEP_OK)
                break;
            gui_quiz_stepped(&q);
        }
        assert_true(asked >= 2);
        gui_quiz_fini(&q);
        ps_engine_destroy(shown);
    }
    ps_scenario_destroy(s);
}

static void wrong_answers_count_against(void **state)
{
    (void)state;
    ps_scenario *s = tk_load(rr_yaml);
    ps_engine *shown = ps_engine_create(s);
    gui_quiz q;
    memset(&q, 0, sizeof q);
    assert_int_equal(gui_quiz_start(&q, s, 2, 0, NULL, NULL), 0);
    assert_int_equal(play(&q, shown, PS_BLOCKED), 3); /* admit, dispatch at 4, exit at 7 */
    assert_int_equal(gui_quiz_right(&q), 0);
    assert_int_equal(q.items[0].given, PS_BLOCKED);
    assert_int_equal(q.items[0].right, 0);
    gui_quiz_fini(&q);
    ps_engine_destroy(shown);
    ps_scenario_destroy(s);
}

static void kill_p2(void *ctx, ps_engine *e, uint32_t instant)
{
    (void)ctx;
    if (instant == 1)
        ps_engine_kill(e, 2);
}

static void resync_replays_the_users_actions(void **state)
{
    (void)state;
    /* shown: one instant, then P2 killed by the user; the quiz starts
     * there and must see the same future (P1 alone: no timeout at 4) */
    ps_scenario *s = tk_load(rr_yaml);
    ps_engine *shown = ps_engine_create(s);
    assert_int_equal(ps_engine_step(shown), PS_STEP_OK);
    ps_engine_kill(shown, 2);
    gui_quiz q;
    memset(&q, 0, sizeof q);
    assert_int_equal(gui_quiz_start(&q, s, 1, 1, kill_p2, NULL), 0);
    assert_int_equal(play(&q, shown, PS_NONE), 1); /* only Running -> Exit at 6 */
    assert_int_equal(q.items[0].ev.time, 6);
    assert_int_equal(q.items[0].ev.to, PS_EXIT);
    gui_quiz_fini(&q);
    ps_engine_destroy(shown);
    ps_scenario_destroy(s);
}

static void a_new_scenario_starts_a_new_quiz(void **state)
{
    (void)state;
    static const char two[] = "procsim: 1\ntitle: t\nprocesses:\n"
                              "  - {name: A, program: [cpu 2]}\n  - {name: B, program: [cpu 2]}\n";
    static const char b_only[] = "procsim: 1\ntitle: t\nprocesses:\n"
                                 "  - {name: X, program: [cpu 1]}\n  - {name: B, program: [cpu 1]}\n";
    static const char one[] = "procsim: 1\ntitle: t\nprocesses:\n  - {name: Z, program: [cpu 1]}\n";
    gui_sim g;
    gui_quiz q;
    char err[256];
    memset(&g, 0, sizeof g);
    memset(&q, 0, sizeof q);
    g.quiz = &q;
    assert_int_equal(gui_sim_open_text(&g, "two", two, sizeof two - 1, 0, err, sizeof err), 0);
    assert_int_equal(gui_sim_quiz_sync(&g, 2), 0);
    assert_int_equal(gui_quiz_hold(&q), 1);
    gui_quiz_answer(&q, PS_READY);
    assert_int_equal(q.nitems, 1);
    /* reopened with B at pid 2 again: followed by name, answers forgotten */
    assert_int_equal(gui_sim_open_text(&g, "b", b_only, sizeof b_only - 1, 0, err, sizeof err), 0);
    assert_true(q.on);
    assert_int_equal(q.follow, 2);
    assert_int_equal(q.nitems, 0);
    /* a scenario without B (and with one process): the first is followed */
    assert_int_equal(gui_sim_open_text(&g, "one", one, sizeof one - 1, 0, err, sizeof err), 0);
    assert_int_equal(q.follow, 1);
    gui_sim_close(&g);
    gui_quiz_fini(&q);
}

static void a_deadlock_is_reported_in_each_language(void **state)
{
    (void)state;
    static const char dl[] = "procsim: 1\ntitle: t\nsystem: {cpus: 2}\nprocesses:\n"
                             "  - {name: p, program: [lock a, cpu 2, lock b, cpu 1]}\n"
                             "  - {name: q, program: [lock b, cpu 2, lock a, cpu 1]}\n";
    gui_sim g;
    char err[256];
    memset(&g, 0, sizeof g);
    assert_int_equal(gui_sim_open_text(&g, "dl", dl, sizeof dl - 1, 0, err, sizeof err), 0);
    assert_string_equal(g.stuck[PS_LANG_EN], "");
    for (int i = 0; i < 100 && gui_sim_step(&g) == PS_STEP_OK; i++)
        ;
    assert_int_equal(g.status, PS_STEP_STUCK);
    assert_string_equal(g.stuck[PS_LANG_EN], "deadlock at tick 2: p waits for mutex b held by q; "
                                             "q waits for mutex a held by p");
    assert_string_equal(g.stuck[PS_LANG_KO], "2틱에 교착 상태: p: q가 잡은 뮤텍스 b 대기; "
                                             "q: p가 잡은 뮤텍스 a 대기");
    /* a new run has no report until it is stuck again */
    assert_int_equal(gui_sim_open_text(&g, "dl", dl, sizeof dl - 1, 0, err, sizeof err), 0);
    assert_string_equal(g.stuck[PS_LANG_KO], "");
    gui_sim_close(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(asks_before_each_transition_and_scores),
        cmocka_unit_test(wrong_answers_count_against),
        cmocka_unit_test(the_prompt_names_a_process_not_created_yet_so),
        cmocka_unit_test(resync_replays_the_users_actions),
        cmocka_unit_test(a_new_scenario_starts_a_new_quiz),
        cmocka_unit_test(a_deadlock_is_reported_in_each_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
