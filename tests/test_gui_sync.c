/* test_gui_sync.c — the diagram is always at the clock (docs/gui.md,
 * [SYNC1] to [SYNC6]), without a window: gui_sim driven as the frame loop
 * drives it, with random frame times, speeds, pauses and steps taken by
 * hand, and after every call each token checked against the engine (the
 * state it is shown in or moving to, gui_sim_token_state, is what the
 * diagram draws).  The quiz is played along: it may ask only with the
 * diagram at rest where its question says.  A live run at 10 ms a tick
 * checks that moves arrive within the tick. */
#include "testkit.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "quiz.h"
#include "sim.h"

/* Busy: every process changes state at almost every instant, on 2 CPUs. */
static const char busy_yaml[] =
    "procsim: 1\ntitle: busy\nsystem: {policy: rr, quantum: 1, cpus: 2}\nprocesses:\n"
    "  - {name: a, program: [cpu 2, io disk 1, cpu 1, io disk 1, cpu 1]}\n"
    "  - {name: b, program: [cpu 1, io disk 1, cpu 2, io disk 1, cpu 1]}\n"
    "  - {name: c, arrival: 1, program: [cpu 1, io disk 1, cpu 1]}\n"
    "  - {name: d, arrival: 1, program: [cpu 3, io disk 1, cpu 1]}\n"
    "  - {name: e, arrival: 2, program: [cpu 1, io disk 2, cpu 2]}\n"
    "  - {name: f, arrival: 2, program: [cpu 2, io disk 1, cpu 1]}\n"
    "  - {name: g, arrival: 3, program: [cpu 1, io disk 1, cpu 1, io disk 1, cpu 1]}\n"
    "  - {name: h, arrival: 3, program: [cpu 2]}\n";

/* One process, several transitions an instant: New -> Ready -> Running at
 * 0, Blocked -> Ready -> Running at 2. */
static const char chain_yaml[] =
    "procsim: 1\ntitle: chain\nprocesses:\n"
    "  - {name: p, program: [cpu 1, io disk 1, cpu 1, io disk 1, cpu 1]}\n"
    "  - {name: q, arrival: 4, program: [cpu 2]}\n";

static const char rr_yaml[] =
    "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 4}\nprocesses:\n"
    "  - {name: P1, program: [cpu 6]}\n  - {name: P2, program: [cpu 3]}\n";

static uint64_t seed, rng; /* the run's seed, for messages; the generator */

static void seed_with(uint64_t s)
{
    seed = rng = s;
}

static double rnd(void)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(rng >> 11) / 9007199254740992.0;
}

static void open_yaml(gui_sim *g, const char *yaml, int live)
{
    char err[512];
    memset(g, 0, sizeof *g);
    if (gui_sim_open_text(g, "t", yaml, strlen(yaml), live, err, sizeof err))
        fail_msg("%s", err);
}

/* The state each kind of transition goes to. */
static const uint8_t kind_to[] = {
#define X(e, from, to, evs) [PS_TR_##e] = PS_##to,
    PS_TRANSITIONS(X)
#undef X
};

/* Where the diagram must show process pid: its engine state; for the
 * quiz's followed process while a question of the coming instant is open,
 * the state that question says it is in ([SYNC5]). */
static ps_state wanted(const gui_sim *g, uint32_t pid)
{
    const ps_trace_event *q = g->quiz ? gui_quiz_question(g->quiz) : NULL;
    if (q && q->pid == pid)
        return (ps_state)q->from;
    const ps_pcb *p = ps_engine_pcb(g->e, pid);
    return p->created ? (ps_state)p->state : PS_NONE;
}

/* [SYNC1] after any call: every token shown where its process is. */
static void at_clock(const gui_sim *g, const char *after)
{
    for (uint32_t pid = 1; pid <= g->s->nprocs; pid++) {
        ps_state shown = gui_sim_token_state(g, pid), want = wanted(g, pid);
        if (shown != want)
            fail_msg("seed %llu, after %s at tick %lld: token %u shown in %s, its process is %s",
                     (unsigned long long)seed, after, (long long)ps_engine_now(g->e), pid,
                     ps_state_name(shown), ps_state_name(want));
        /* the arrow it moves along ends there (the one table says where) */
        const gui_token *t = &g->tok[pid - 1];
        if (t->nmoves && kind_to[t->kind] != shown)
            fail_msg("seed %llu, after %s: token %u moves along %s, shown in %s",
                     (unsigned long long)seed, after, pid,
                     ps_transition_name((ps_transition_kind)t->kind), ps_state_name(shown));
    }
}

static const double speeds[] = {0.25, 0.5, 1, 2, 4, 8, 16};

typedef struct drive_stats {
    unsigned instants_in_advance; /* instants the frame loop took */
    unsigned moving_at_instant;   /* of them, ones that found a token moving */
    unsigned asked, answered, refused;
} drive_stats;

/* [SYNC3] an instant taken by gui_sim_advance found every token at rest:
 * a token is moving after it only if its process moved in that instant
 * (logged at or after `nlog_before`). */
static int moving_from_before(const gui_sim *g, size_t nlog_before)
{
    for (uint32_t i = 0; i < g->s->nprocs; i++)
        if (g->tok[i].nmoves && g->tok[i].lit_tr < (int64_t)nlog_before)
            return 1;
    return 0;
}

/* The quiz's part of a frame: when its question is shown, the diagram is
 * at rest at its instant; an answer then moves the followed token along
 * the arrow answered about, or takes the instant. */
static void play_quiz(gui_sim *g, drive_stats *st)
{
    const ps_trace_event *open = gui_quiz_question(g->quiz), *shown = gui_sim_quiz_question(g);
    if (!open)
        return;
    if (!shown) { /* coming, not asked: a click is no answer */
        size_t n = g->quiz->nitems;
        assert_int_equal(gui_sim_quiz_answer(g, PS_READY), -1);
        assert_int_equal(g->quiz->nitems, n);
        st->refused++;
        return;
    }
    st->asked++;
    assert_true(gui_sim_at_rest(g));
    assert_int_equal(gui_sim_token_state(g, shown->pid), shown->from);
    if (rnd() < 0.5) /* the student thinks a while */
        return;
    ps_trace_event ev = *shown;
    ps_state answer = rnd() < 0.7 ? (ps_state)ev.to : PS_BLOCKED;
    assert_int_equal(gui_sim_quiz_answer(g, answer), answer == ev.to);
    st->answered++;
    /* the feedback is shown as the diagram moves to the answer's state */
    assert_int_equal(gui_sim_token_state(g, ev.pid), ev.to);
    assert_int_equal(g->tok[ev.pid - 1].nmoves, 1);
    if (!gui_quiz_question(g->quiz)) /* the instant's last: it was taken */
        assert_int_equal(ps_engine_pcb(g->e, ev.pid)->state, ev.to);
    else /* the engine waits for the rest of the instant's questions */
        assert_int_equal(gui_quiz_question(g->quiz)->from, ev.to);
}

/* Frames of random length at random speeds, some paused, some with a step
 * taken by hand (the Step button, which does not wait for the tokens),
 * until the run ends; every call checked. */
static void drive(gui_sim *g, double max_dt, double hand_steps, drive_stats *st)
{
    for (int frame = 0; frame < 200000 && !gui_sim_done(g); frame++) {
        double dt = rnd() * max_dt, speed = speeds[(int)(rnd() * 7)];
        int paused = rnd() < 0.1;
        uint32_t before = g->instants;
        size_t nlog = g->nlog;
        gui_sim_advance(g, dt, speed, paused);
        at_clock(g, "a frame");
        if (g->instants > before) {
            st->instants_in_advance++;
            st->moving_at_instant += moving_from_before(g, nlog);
        }
        if (rnd() < hand_steps) {
            gui_sim_step(g);
            at_clock(g, "a step by hand");
        }
        if (g->quiz && g->quiz->on) {
            play_quiz(g, st);
            at_clock(g, "the quiz");
        }
    }
    assert_true(gui_sim_done(g));
}

static void rule_SYNC1_every_token_is_where_the_engine_has_its_process(void **state)
{
    (void)state;
    const char *yamls[] = {busy_yaml, chain_yaml, rr_yaml};
    for (int k = 0; k < 3; k++)
        for (uint64_t n = 1; n <= 20; n++) {
            seed_with(n);
            gui_sim g;
            drive_stats st = {0};
            open_yaml(&g, yamls[k], 0);
            at_clock(&g, "opening");
            drive(&g, seed % 2 ? 0.05 : 0.4, 0.02, &st);
            assert_true(st.instants_in_advance > 0);
            gui_sim_close(&g);
        }
}

static void rule_SYNC1_user_actions_move_tokens_at_once(void **state)
{
    (void)state;
    gui_sim g;
    open_yaml(&g, busy_yaml, 0);
    for (int i = 0; i < 3; i++)
        gui_sim_step(&g);
    assert_int_equal(gui_sim_suspend(&g, 1), 0);
    at_clock(&g, "a suspend");
    assert_int_equal(gui_sim_token_state(&g, 1), ps_engine_pcb(g.e, 1)->state);
    assert_int_equal(gui_sim_kill(&g, 2), 0);
    at_clock(&g, "a kill");
    assert_int_equal(gui_sim_token_state(&g, 2), PS_EXIT);
    gui_sim_close(&g);
}

static void rule_SYNC2_a_token_skips_to_its_latest_move(void **state)
{
    (void)state;
    gui_sim g;
    open_yaml(&g, chain_yaml, 0);
    /* tick 0: p is created, admitted and dispatched: one move shown, the
       last, from its start */
    gui_sim_step(&g);
    const gui_token *p = &g.tok[0];
    assert_int_equal(ps_engine_now(g.e), 0);
    assert_int_equal(p->nmoves, 1);
    assert_int_equal(p->from, PS_READY);
    assert_int_equal(p->kind, PS_TR_DISPATCH);
    assert_int_equal(p->at, PS_RUNNING);
    assert_true(p->t == 0);
    /* half way along, the next instant comes (a step by hand): Running ->
       Blocked replaces it, from its start */
    gui_sim_advance(&g, GUI_MOVE_SECONDS / 2, 1, 1);
    assert_true(p->t > 0.4f && p->t < 0.6f);
    gui_sim_step(&g);
    assert_int_equal(ps_engine_now(g.e), 1);
    assert_int_equal(p->nmoves, 1);
    assert_int_equal(p->from, PS_RUNNING);
    assert_int_equal(p->kind, PS_TR_BLOCK);
    assert_true(p->t == 0);
    /* tick 2: Blocked -> Ready -> Running: the token goes along the last */
    gui_sim_step(&g);
    assert_int_equal(ps_engine_now(g.e), 2);
    assert_int_equal(p->from, PS_READY);
    assert_int_equal(p->kind, PS_TR_DISPATCH);
    /* it arrives, at rest, where the engine has p */
    gui_sim_advance(&g, GUI_MOVE_SECONDS * 1.01, 1, 1);
    assert_int_equal(p->nmoves, 0);
    assert_int_equal(gui_sim_token_state(&g, 1), PS_RUNNING);
    gui_sim_close(&g);
}

static void rule_SYNC3_every_token_is_at_rest_when_an_instant_comes(void **state)
{
    (void)state;
    /* steps by hand leave tokens moving with the next instant near: the
       frame loop's instant must still find them at rest */
    unsigned instants = 0;
    for (uint64_t n = 100; n < 130; n++) {
        seed_with(n);
        gui_sim g;
        drive_stats st = {0};
        open_yaml(&g, busy_yaml, 0);
        drive(&g, 0.1, 0.05, &st);
        if (st.moving_at_instant)
            fail_msg("seed %llu: %u of %u instants came with a token still moving",
                     (unsigned long long)seed, st.moving_at_instant, st.instants_in_advance);
        instants += st.instants_in_advance;
        gui_sim_close(&g);
    }
    print_message("%u instants taken by the frame loop\n", instants);
    assert_true(instants > 100);
}

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void rule_SYNC3_live_moves_arrive_within_the_tick(void **state)
{
    (void)state;
    static const char live_yaml[] =
        "procsim: 1\ntitle: live\nsystem: {tick_ms: 10, policy: rr, quantum: 1}\nprocesses:\n"
        "  - {name: a, program: [cpu 4, io disk 1, cpu 2]}\n"
        "  - {name: b, program: [cpu 3, io disk 1, cpu 3]}\n"
        "  - {name: c, program: [cpu 3]}\n"; /* in rr, one waits in Ready each tick */
    gui_sim g;
    char err[512];
    memset(&g, 0, sizeof g);
    if (gui_sim_open_text(&g, "live", live_yaml, sizeof live_yaml - 1, 1, err, sizeof err)) {
        print_message("live mode: %s\n", err);
        skip();
    }
    tk_watchdog(60, "a live run at 10 ms a tick");
    unsigned instants = 0, moving = 0;
    double last = wall();
    while (!gui_sim_done(&g)) {
        struct timespec frame = {0, 3000000}; /* frames of 3 ms and more */
        nanosleep(&frame, NULL);
        double now = wall();
        uint32_t before = g.instants;
        size_t nlog = g.nlog;
        gui_sim_advance(&g, now - last, 1, 0);
        last = now;
        at_clock(&g, "a live frame");
        if (g.instants > before) {
            instants++;
            moving += moving_from_before(&g, nlog);
        }
    }
    tk_watchdog_off();
    assert_int_equal(g.status, PS_STEP_DONE);
    assert_true(instants >= 10);
    if (moving)
        fail_msg("%u of %u live instants came with a token still moving", moving, instants);
    gui_sim_close(&g);
}

static void rule_SYNC4_back_and_restart_show_no_motion(void **state)
{
    (void)state;
    gui_sim g;
    char err[256];
    open_yaml(&g, busy_yaml, 0);
    for (int i = 0; i < 6; i++)
        gui_sim_step(&g);
    assert_false(gui_sim_at_rest(&g));
    assert_int_equal(gui_sim_back(&g), 0);
    assert_true(gui_sim_at_rest(&g));
    at_clock(&g, "a step back");
    assert_int_equal(g.instants, 5);
    gui_sim_step(&g);
    assert_false(gui_sim_at_rest(&g));
    assert_int_equal(gui_sim_restart(&g, err, sizeof err), 0);
    assert_true(gui_sim_at_rest(&g));
    at_clock(&g, "a restart");
    for (uint32_t pid = 1; pid <= g.s->nprocs; pid++)
        assert_int_equal(gui_sim_token_state(&g, pid), PS_NONE);
    gui_sim_close(&g);
}

static void rule_SYNC5_the_quiz_asks_with_the_diagram_at_its_instant(void **state)
{
    (void)state;
    struct {
        const char *yaml;
        uint32_t follow;
    } cases[] = {{chain_yaml, 1}, {rr_yaml, 1}, {busy_yaml, 4}, {busy_yaml, 7}};
    for (int k = 0; k < 4; k++)
        for (uint64_t n = 200; n < 215; n++) {
            seed_with(n);
            gui_sim g;
            gui_quiz q;
            drive_stats st = {0};
            memset(&q, 0, sizeof q);
            open_yaml(&g, cases[k].yaml, 0);
            g.quiz = &q;
            assert_int_equal(gui_sim_quiz_sync(&g, cases[k].follow), 0);
            drive(&g, 0.1, 0.02, &st);
            assert_true(st.answered > 0 && st.asked >= st.answered);
            assert_int_equal(q.nitems, st.answered); /* every one was asked and answered */
            gui_sim_close(&g);
            gui_quiz_fini(&q);
        }
}

static void rule_SYNC5_a_process_created_in_the_instant_asked_about_shows_in_new(void **state)
{
    (void)state;
    gui_sim g;
    gui_quiz q;
    memset(&q, 0, sizeof q);
    open_yaml(&g, chain_yaml, 0);
    g.quiz = &q;
    assert_int_equal(gui_sim_quiz_sync(&g, 1), 0);
    assert_int_equal(gui_sim_token_state(&g, 1), PS_NONE);
    gui_sim_step(&g); /* held: "p (now New) changes state" */
    assert_int_equal(g.instants, 0);
    assert_false(ps_engine_pcb(g.e, 1)->created);
    const ps_trace_event *ev = gui_sim_quiz_question(&g);
    assert_non_null(ev);
    assert_int_equal(ev->from, PS_NEW);
    assert_int_equal(gui_sim_token_state(&g, 1), PS_NEW);
    /* New -> Ready answered: the token goes to Ready, the engine waits */
    assert_int_equal(gui_sim_quiz_answer(&g, PS_READY), 1);
    assert_int_equal(g.instants, 0);
    assert_null(gui_sim_quiz_question(&g)); /* until it is there */
    gui_sim_advance(&g, GUI_MOVE_SECONDS * 1.01, 1, 1);
    ev = gui_sim_quiz_question(&g);
    assert_non_null(ev);
    assert_int_equal(ev->from, PS_READY);
    /* the instant's last: it is taken */
    assert_int_equal(gui_sim_quiz_answer(&g, PS_RUNNING), 1);
    assert_int_equal(g.instants, 1);
    assert_int_equal(ps_engine_pcb(g.e, 1)->state, PS_RUNNING);
    /* the quiz ended while a question has its token ahead: back to the
       engine's state */
    gui_sim_advance(&g, 5, 1, 0);
    assert_non_null(gui_quiz_question(&q));
    gui_sim_quiz_stop(&g);
    at_clock(&g, "the quiz's end");
    gui_sim_close(&g);
    gui_quiz_fini(&q);
}

static void rule_SYNC6_the_lit_arrows_are_the_latest_instants(void **state)
{
    (void)state;
    gui_sim g;
    open_yaml(&g, rr_yaml, 0);
    assert_false(gui_sim_lit(&g, PS_TR_ADMIT, PS_NEW));
    gui_sim_step(&g); /* tick 0: both admitted, P1 dispatched */
    assert_true(gui_sim_lit(&g, PS_TR_ADMIT, PS_NEW));
    assert_true(gui_sim_lit(&g, PS_TR_DISPATCH, PS_READY));
    assert_false(gui_sim_lit(&g, PS_TR_TIMEOUT, PS_RUNNING));
    gui_sim_step(&g); /* tick 4: P1's quantum ends, P2 dispatched */
    assert_int_equal(ps_engine_now(g.e), 4);
    assert_true(gui_sim_lit(&g, PS_TR_TIMEOUT, PS_RUNNING));
    assert_true(gui_sim_lit(&g, PS_TR_DISPATCH, PS_READY));
    assert_false(gui_sim_lit(&g, PS_TR_ADMIT, PS_NEW)); /* tick 0's */
    gui_sim_step(&g); /* tick 7: P2 exits, P1 dispatched */
    assert_true(gui_sim_lit(&g, PS_TR_RELEASE, PS_RUNNING));
    assert_false(gui_sim_lit(&g, PS_TR_TIMEOUT, PS_RUNNING)); /* tick 4's */
    gui_sim_close(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_SYNC1_every_token_is_where_the_engine_has_its_process),
        cmocka_unit_test(rule_SYNC1_user_actions_move_tokens_at_once),
        cmocka_unit_test(rule_SYNC2_a_token_skips_to_its_latest_move),
        cmocka_unit_test(rule_SYNC3_every_token_is_at_rest_when_an_instant_comes),
        cmocka_unit_test(rule_SYNC3_live_moves_arrive_within_the_tick),
        cmocka_unit_test(rule_SYNC4_back_and_restart_show_no_motion),
        cmocka_unit_test(rule_SYNC5_the_quiz_asks_with_the_diagram_at_its_instant),
        cmocka_unit_test(rule_SYNC5_a_process_created_in_the_instant_asked_about_shows_in_new),
        cmocka_unit_test(rule_SYNC6_the_lit_arrows_are_the_latest_instants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
