/* test_state.c — the seven states and the legal-transition table.
 *
 * The expected table below is written out again by hand from the table
 * of transitions in docs/engine.md (not generated from state.h), and
 * every (from, to, event) triple is
 * checked against ps_transition_classify: 8 from-states x 7 to-states x 11
 * events. */
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "procsim/state.h"

static const struct {
    ps_state from, to;
    ps_event ev;
} legal[] = {
    {PS_NONE, PS_NEW, PS_EV_CREATE},
    {PS_NEW, PS_READY, PS_EV_ADMIT},
    {PS_NEW, PS_READY_SUSPENDED, PS_EV_ADMIT},
    {PS_READY, PS_RUNNING, PS_EV_DISPATCH},
    {PS_RUNNING, PS_READY, PS_EV_TIMEOUT},
    {PS_RUNNING, PS_READY, PS_EV_PREEMPT},
    {PS_RUNNING, PS_BLOCKED, PS_EV_WAIT},
    {PS_RUNNING, PS_EXIT, PS_EV_RELEASE},
    {PS_BLOCKED, PS_READY, PS_EV_WAKE},
    {PS_READY, PS_READY_SUSPENDED, PS_EV_SUSPEND},
    {PS_BLOCKED, PS_BLOCKED_SUSPENDED, PS_EV_SUSPEND},
    {PS_RUNNING, PS_READY_SUSPENDED, PS_EV_SUSPEND},
    {PS_BLOCKED_SUSPENDED, PS_READY_SUSPENDED, PS_EV_WAKE},
    {PS_READY_SUSPENDED, PS_READY, PS_EV_ACTIVATE},
    {PS_BLOCKED_SUSPENDED, PS_BLOCKED, PS_EV_ACTIVATE},
    /* kill: any live state -> exit */
    {PS_NEW, PS_EXIT, PS_EV_KILL},
    {PS_READY, PS_EXIT, PS_EV_KILL},
    {PS_RUNNING, PS_EXIT, PS_EV_KILL},
    {PS_BLOCKED, PS_EXIT, PS_EV_KILL},
    {PS_READY_SUSPENDED, PS_EXIT, PS_EV_KILL},
    {PS_BLOCKED_SUSPENDED, PS_EXIT, PS_EV_KILL},
};

static int expected_legal(ps_state f, ps_state t, ps_event ev)
{
    for (size_t i = 0; i < sizeof legal / sizeof legal[0]; i++)
        if (legal[i].from == f && legal[i].to == t && legal[i].ev == ev)
            return 1;
    return 0;
}

static void rule_TR_every_triple_matches_the_table(void **state)
{
    (void)state;
    int n_legal = 0;
    for (int f = 0; f <= PS_NONE; f++)
        for (int t = 0; t < PS_STATE_COUNT; t++)
            for (int ev = 0; ev < PS_EVENT_COUNT; ev++) {
                ps_transition_kind k = ps_transition_classify(f, t, ev);
                int want = expected_legal(f, t, ev);
                if (want != (k != PS_TR_ILLEGAL))
                    fail_msg("%s -> %s by %s: expected %s", ps_state_name(f),
                             ps_state_name(t), ps_event_token(ev),
                             want ? "legal" : "illegal");
                n_legal += want;
            }
    assert_int_equal(n_legal, sizeof legal / sizeof legal[0]);
}

static void fifteen_kinds(void **state)
{
    (void)state;
    assert_int_equal(PS_TRANSITION_COUNT, 15);
    unsigned seen = 0;
    for (size_t i = 0; i < sizeof legal / sizeof legal[0]; i++)
        seen |= 1u << ps_transition_classify(legal[i].from, legal[i].to, legal[i].ev);
    assert_int_equal(seen, (1u << 15) - 1);
    /* the two Running -> Ready events are one kind; release and kill differ */
    assert_int_equal(ps_transition_classify(PS_RUNNING, PS_READY, PS_EV_TIMEOUT),
                     ps_transition_classify(PS_RUNNING, PS_READY, PS_EV_PREEMPT));
    assert_int_not_equal(ps_transition_classify(PS_RUNNING, PS_EXIT, PS_EV_RELEASE),
                         ps_transition_classify(PS_RUNNING, PS_EXIT, PS_EV_KILL));
}

static void names_and_tokens(void **state)
{
    (void)state;
    static const struct {
        ps_state s;
        const char *tok, *en, *ko;
        int resident;
    } want[] = {
        {PS_NEW, "new", "New", "생성", 0},
        {PS_READY, "ready", "Ready", "준비", 1},
        {PS_RUNNING, "running", "Running", "실행", 1},
        {PS_BLOCKED, "blocked", "Blocked", "대기", 1},
        {PS_READY_SUSPENDED, "ready-suspended", "Ready/Suspend", "보류 준비", 0},
        {PS_BLOCKED_SUSPENDED, "blocked-suspended", "Blocked/Suspend", "보류 대기", 0},
        {PS_EXIT, "exit", "Exit", "종료", 0},
    };
    assert_int_equal(PS_STATE_COUNT, 7);
    for (size_t i = 0; i < 7; i++) {
        ps_state back;
        assert_string_equal(ps_state_token(want[i].s), want[i].tok);
        assert_string_equal(ps_state_name(want[i].s), want[i].en);
        assert_string_equal(ps_state_name_ko(want[i].s), want[i].ko);
        assert_string_equal(ps_state_name_in(want[i].s, PS_LANG_EN), want[i].en);
        assert_string_equal(ps_state_name_in(want[i].s, PS_LANG_KO), want[i].ko);
        assert_string_equal(ps_state_name_in(want[i].s, PS_LANG_COUNT), want[i].en);
        assert_int_equal(ps_state_resident(want[i].s), want[i].resident);
        assert_true(ps_state_from_token(want[i].tok, &back));
        assert_int_equal(back, want[i].s);
    }
    ps_state dummy;
    assert_false(ps_state_from_token("suspended", &dummy));
    assert_string_equal(ps_state_token(PS_NONE), "");
    assert_string_equal(ps_state_name_in(PS_NONE, PS_LANG_EN), "(none)");
    assert_string_equal(ps_state_name_in(PS_NONE, PS_LANG_KO), "(없음)");
    static const char *const events[] = {"create", "admit", "dispatch", "timeout",
                                         "preempt", "wait", "release", "wake",
                                         "suspend", "activate", "kill"};
    assert_int_equal(PS_EVENT_COUNT, 11);
    for (int ev = 0; ev < PS_EVENT_COUNT; ev++) {
        ps_event back;
        assert_string_equal(ps_event_token(ev), events[ev]);
        assert_true(ps_event_from_token(events[ev], &back));
        assert_int_equal(back, ev);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_TR_every_triple_matches_the_table),
        cmocka_unit_test(fifteen_kinds),
        cmocka_unit_test(names_and_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
