/* test_gui_frames.c — real frames of the GUI, headless (software renderer,
 * no window): for every shipped scenario, in English and Korean, the frame
 * is not blank, every state node is drawn in its colour where the layout
 * puts it, and there is text; `procsim gui --frames --screenshot`
 * writes a PNG that loads back; and --policy runs the window's scenario,
 * and every one it opens later, under that policy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SDL.h>
#include <SDL_image.h>

#include "testkit.h"
#include "app.h"
#include "draw.h"
#include "gui.h"
#include "layout.h"

#define W 1280
#define H 800

static Uint32 pixel(SDL_Surface *s, int x, int y)
{
    return ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] & 0xffffff;
}

static Uint32 rgb(SDL_Color c)
{
    return (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
}

static void check_frame(SDL_Surface *f, const gui_layout *at, const char *what)
{
    assert_non_null(f);
    assert_int_equal(f->w, W);
    assert_int_equal(f->h, H);
    /* not blank: many colours */
    Uint32 seen[64];
    int nseen = 0;
    for (int y = 0; y < H && nseen < 64; y += 7)
        for (int x = 0; x < W && nseen < 64; x += 5) {
            Uint32 p = pixel(f, x, y);
            int k = 0;
            while (k < nseen && seen[k] != p)
                k++;
            if (k == nseen)
                seen[nseen++] = p;
        }
    if (nseen < 40)
        fail_msg("%s: only %d colours", what, nseen);
    /* every node's border in its state's colour, where the frame's layout says */
    gui_layout L = *at;
    for (int s = 0; s < PS_STATE_COUNT; s++) {
        gui_rect n = L.node[s];
        Uint32 want = rgb(gui_state_color((ps_state)s));
        int x = (int)n.x + 1, y = (int)(n.y + n.h - 2);
        if (pixel(f, x, y) != want && pixel(f, (int)(n.x + n.w) - 2, (int)(n.y + n.h / 2)) != want)
            fail_msg("%s: node %s not drawn in its colour at (%d,%d): %06x", what,
                     ps_state_name((ps_state)s), x, y, pixel(f, x, y));
    }
    /* text: bright pixels in the New node's title */
    gui_rect n = L.node[PS_NEW];
    int bright = 0;
    for (int y = (int)n.y; y < (int)(n.y + n.h / 2); y++)
        for (int x = (int)n.x + 3; x < (int)(n.x + n.w) - 3; x++)
            bright += (pixel(f, x, y) & 0xff) > 0xc0;
    if (bright < 20)
        fail_msg("%s: no title drawn in the New node", what);
}

static void every_scenario_renders(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    char files[64][TK_PATH];
    int count = tk_shipped_scenarios(files, 64);
    for (int i = 0; i < count; i++)
        for (int lang = 0; lang < 2; lang++) {
            gui_options o = {.path = files[i], .lang = lang, .frames = 45, .width = W, .height = H};
            SDL_Surface *f;
            gui_layout L;
            assert_int_equal(gui_render_frames_layout(&o, &f, &L), 0);
            check_frame(f, &L, files[i]);
            SDL_FreeSurface(f);
        }
    assert_true(count >= 16);
}

/* Bright pixels (text) in r of frame f. */
static int bright_in(SDL_Surface *f, gui_rect r)
{
    int n = 0;
    for (int y = (int)r.y; y < (int)(r.y + r.h); y++)
        for (int x = (int)r.x; x < (int)(r.x + r.w); x++)
            n += (pixel(f, x, y) & 0xff) > 0xc0;
    return n;
}

/* The header shows the title; the description is open where all of it
 * fits a fifth of the window, folded where it does not, with its lines
 * as the layout was told. */
static void the_description_opens_where_it_fits(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    static const struct {
        const char *path;
        int w, h, lang, describe;
    } cases[] = {
        {"scenarios/tour.yaml", 1280, 800, GUI_EN, 2},
        {"scenarios/tour.yaml", 1280, 800, GUI_KO, 2},
        {"scenarios/seeds/pipe.yaml", 1280, 800, GUI_KO, 1}, /* its code is long */
        /* the type grows with the window (docs/gui.md): what folds at
           1280x800 folds at 1920x1080 too, what opens opens */
        {"scenarios/seeds/pipe.yaml", 1920, 1080, GUI_EN, 1},
        {"scenarios/tour.yaml", 1920, 1080, GUI_EN, 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gui_options o = {.path = cases[i].path, .lang = cases[i].lang, .frames = 3,
                         .width = cases[i].w, .height = cases[i].h};
        SDL_Surface *f;
        gui_layout L;
        assert_int_equal(gui_render_frames_layout(&o, &f, &L), 0);
        if (L.in.describe != cases[i].describe)
            fail_msg("%s %dx%d: describe %d, want %d", cases[i].path, cases[i].w, cases[i].h,
                     L.in.describe, cases[i].describe);
        assert_true(L.in.describe_lines > 2);
        assert_true(bright_in(f, (gui_rect){L.header.x, L.header.y, L.header.w / 3, L.header.h}) > 50);
        if (cases[i].describe == 2)
            assert_true(bright_in(f, L.describe) > 200);
        else
            assert_true(L.describe.h == 0);
        SDL_FreeSurface(f);
    }
    /* a scenario with no description: none to fold */
    static const char yaml[] = "procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [cpu 2]}\n";
    gui_options o = {.text = yaml, .text_len = sizeof yaml - 1, .text_name = "t.yaml",
                     .frames = 3, .width = 1280, .height = 800};
    SDL_Surface *f;
    gui_layout L;
    assert_int_equal(gui_render_frames_layout(&o, &f, &L), 0);
    assert_int_equal(L.in.describe, 0);
    SDL_FreeSurface(f);
}

static void bad_scenario_is_an_error_not_a_crash(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    gui_options o = {.path = "tests/cli/bad-version.yaml", .lang = 0, .frames = 2};
    SDL_Surface *f;
    assert_int_equal(gui_render_frames(&o, &f), 2);
    assert_null(f);
}

static void cli_writes_a_screenshot(void **state)
{
    (void)state;
    char dir[] = "/tmp/procsim-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char png[600];
    snprintf(png, sizeof png, "%s/tour.png", dir);
    pid_t p = fork();
    assert_true(p >= 0);
    if (p == 0) {
        if (chdir(PROCSIM_SOURCE_DIR))
            _exit(127);
        execl(PROCSIM_BINARY, PROCSIM_BINARY, "gui", "--frames", "30", "--screenshot", png,
              "--size", "1024x640", (char *)NULL);
        _exit(127);
    }
    int st;
    pid_t waited = waitpid(p, &st, 0);
    SDL_Surface *img = IMG_Load(png);
    int w = img ? img->w : 0, h = img ? img->h : 0;
    SDL_FreeSurface(img);
    unlink(png); /* before any assertion, so that a failure leaves nothing */
    rmdir(dir);
    assert_int_equal(waited, p);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    assert_int_equal(w, 1024);
    assert_int_equal(h, 640);
}

/* ---- --policy ------------------------------------------------------------ */

#define RACE "scenarios/seeds/counter-race.yaml" /* rr:2 on 2 CPUs */
#define FCFS "scenarios/policies/fcfs.yaml"       /* fcfs */

/* What --policy does to counter-race and then to fcfs.yaml opened in the
 * same window: the policy in effect, who runs on the two CPUs after tick
 * 2 (procsim run --policy P --format csv agrees), what the clock names. */
static const struct {
    const char *policy;           /* --policy, NULL: none */
    ps_policy race, fcfs;         /* the engine's policy on each file */
    int64_t race_q, fcfs_q;       /* and its quantum (fcfs: not used) */
    uint32_t running[2];          /* pids Running on counter-race at tick 2 */
    const char *clock;            /* the policy as the toolbar's clock names it */
} policy_rows[] = {
    {NULL, PS_POLICY_RR, PS_POLICY_FCFS, 2, -1, {4, 5}, "rr:2"}, /* each file's own */
    {"fcfs", PS_POLICY_FCFS, PS_POLICY_FCFS, -1, -1, {2, 3}, "fcfs"},
    {"rr:1", PS_POLICY_RR, PS_POLICY_RR, 1, 1, {6, 7}, "rr:1"},
    {"rr:2", PS_POLICY_RR, PS_POLICY_RR, 2, 2, {4, 5}, "rr:2"},
};

/* Take the instants up to tick `t`; the pids Running then, in pid order. */
static int running_at(gui_sim *g, int64_t t, uint32_t *pid, int max)
{
    while (ps_engine_next(g->e) >= 0 && ps_engine_next(g->e) <= t &&
           gui_sim_step(g) == PS_STEP_OK)
        ;
    int n = 0;
    for (uint32_t p = 1; p <= ps_engine_nprocs(g->e) && n < max; p++)
        if (ps_engine_pcb(g->e, p)->state == PS_RUNNING)
            pid[n++] = p;
    return n;
}

static void check_policy(const ps_engine *e, ps_policy want, int64_t quantum, const char *what)
{
    const ps_scenario *s = ps_engine_scenario(e);
    if (s->policy != want || (quantum > 0 && s->quantum != quantum))
        fail_msg("%s: runs under %s:%lld, not %s:%lld", what, ps_policy_token(s->policy),
                 (long long)s->quantum, ps_policy_token(want), (long long)quantum);
}

/* A mark of the last frame that contains `text`, or NULL. */
static const gui_text_mark *mark_with(const gui_text_mark *m, int n, const char *text)
{
    for (int i = 0; i < n; i++)
        if (!m[i].cover && strstr(m[i].s, text))
            return &m[i];
    return NULL;
}

/* What a test's hand-made gui_app holds, freed (no window was opened). */
static void free_app(gui_app *a)
{
    gui_sim_close(&a->sim);
    free(a->token_at);
    free(a->order);
    free(a->slot);
    gui_quiz_fini(&a->quiz);
    free(a);
}

/* The start (gui_render_frames, as `procsim gui FILE --policy P`): the
 * clock names the policy in effect. */
static void policy_names_itself_in_the_clock(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    for (size_t r = 0; r < sizeof policy_rows / sizeof policy_rows[0]; r++) {
        gui_options o = {.path = RACE, .lang = 0, .frames = 3, .policy = policy_rows[r].policy};
        SDL_Surface *f = NULL;
        gui_text_mark *m = NULL;
        int n = 0;
        gui_layout L;
        assert_int_equal(gui_render_frames_texts(&o, &f, &m, &n, &L), 0);
        char want[64];
        snprintf(want, sizeof want, "CPUs  %s", policy_rows[r].clock);
        const gui_text_mark *clock = mark_with(m, n, "tick ");
        int named = clock && strstr(clock->s, want);
        char seen[256];
        snprintf(seen, sizeof seen, "%s", clock ? clock->s : "(no clock)");
        free(m);
        SDL_FreeSurface(f);
        if (!named)
            fail_msg("--policy %s: the clock says '%s', not '%s'",
                     policy_rows[r].policy ? policy_rows[r].policy : "(none)", seen, want);
    }
}

/* The window's scenario runs under --policy, and so does the file opened
 * after it (gui_open_file: the Open dialog, a dropped file, a reload);
 * a->sim.policy is what gui_main's start sets from o->policy. */
static void policy_stays_for_the_session(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    for (size_t r = 0; r < sizeof policy_rows / sizeof policy_rows[0]; r++) {
        gui_app *a = calloc(1, sizeof *a);
        assert_non_null(a);
        a->sim.quiz = &a->quiz;
        a->sim.policy = policy_rows[r].policy;
        const char *what = policy_rows[r].policy ? policy_rows[r].policy : "(none)";
        assert_int_equal(gui_open_file(a, RACE), 0);
        check_policy(a->sim.e, policy_rows[r].race, policy_rows[r].race_q, what);
        uint32_t pid[2] = {0};
        int n = running_at(&a->sim, 2, pid, 2);
        if (n != 2 || pid[0] != policy_rows[r].running[0] || pid[1] != policy_rows[r].running[1])
            fail_msg("--policy %s: at tick 2 %d running (%u, %u), not %u and %u", what, n,
                     pid[0], pid[1], policy_rows[r].running[0], policy_rows[r].running[1]);
        assert_int_equal(gui_open_file(a, FCFS), 0);
        check_policy(a->sim.e, policy_rows[r].fcfs, policy_rows[r].fcfs_q, what);
        assert_int_equal(gui_sim_restart(&a->sim, a->message, sizeof a->message), 0);
        check_policy(a->sim.e, policy_rows[r].fcfs, policy_rows[r].fcfs_q, what); /* Restart too */
        free_app(a);
    }
}

/* A policy that does not parse, or that the scenario cannot run under
 * (mlq without system.queues), is exit 2 before any window (gui_check:
 * no display needed); later in the window it is the message, and the
 * scenario shown before stays. */
static void policy_a_scenario_cannot_take_is_an_error(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    static const struct {
        const char *path, *policy;
        int rc;
    } rows[] = {
        {RACE, "mlq", 2},           /* no system.queues */
        {RACE, "rr:0", 2},          /* does not parse */
        {RACE, "bogus", 2},
        {"scenarios/policies/mlq.yaml", "mlq", 0},
        {RACE, "rr:1", 0},
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        gui_options o = {.path = rows[r].path, .lang = 0, .policy = rows[r].policy};
        if (gui_check(&o) != rows[r].rc)
            fail_msg("gui_check %s --policy %s: not %d", rows[r].path, rows[r].policy, rows[r].rc);
        SDL_Surface *f = NULL;
        o.frames = 2;
        assert_int_equal(gui_render_frames(&o, &f), rows[r].rc);
        assert_true(rows[r].rc ? f == NULL : f != NULL);
        SDL_FreeSurface(f);
    }
    gui_app *a = calloc(1, sizeof *a);
    assert_non_null(a);
    a->sim.quiz = &a->quiz;
    a->sim.policy = "mlq";
    assert_int_equal(gui_open_file(a, "scenarios/policies/mlq.yaml"), 0);
    assert_int_equal(gui_open_file(a, RACE), -1);
    assert_non_null(strstr(a->sim.path, "policies/mlq.yaml")); /* it stays */
    check_policy(a->sim.e, PS_POLICY_MLQ, -1, "mlq");
    assert_true(a->message_error);
    assert_non_null(strstr(a->message, "mlq needs system.queues"));
    free_app(a);
}

/* Live mode's backend stopped a child again that something outside
 * continued (gui/sim.c's restop listener sets a->sim.restop): the window
 * says so once, in its language, naming the process, its pid and the
 * state the model holds it in. */
static void a_child_stopped_again_is_said_once(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    static const struct {
        gui_lang lang;
        const char *want;
    } rows[] = {{GUI_EN, "(pid 4321) was continued from outside (SIGCONT); stopped again, "
                         "as the model holds it Ready"},
                {GUI_KO, "(pid 4321) 프로세스가 밖에서 계속 실행되었습니다(SIGCONT); "}};
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        gui_app *a = calloc(1, sizeof *a);
        assert_non_null(a);
        a->sim.quiz = &a->quiz;
        a->lang = rows[r].lang;
        assert_int_equal(gui_open_file(a, RACE), 0);
        a->message[0] = 0;
        a->sim.restop = (ps_live_restop){.pid = 1, .model = PS_READY, .os_pid = 4321};
        a->sim.restop_unsaid = 1;
        gui_say_restop(a);
        char said[sizeof a->message];
        snprintf(said, sizeof said, "%s", a->message);
        a->message[0] = 0;
        gui_say_restop(a); /* once */
        int again = a->message[0] != 0;
        free_app(a);
        if (!strstr(said, rows[r].want) || again)
            fail_msg("row %zu: said '%s' (want '%s'), said again: %d", r, said, rows[r].want,
                     again);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_scenario_renders),
        cmocka_unit_test(the_description_opens_where_it_fits),
        cmocka_unit_test(bad_scenario_is_an_error_not_a_crash),
        cmocka_unit_test(cli_writes_a_screenshot),
        cmocka_unit_test(policy_names_itself_in_the_clock),
        cmocka_unit_test(policy_stays_for_the_session),
        cmocka_unit_test(policy_a_scenario_cannot_take_is_an_error),
        cmocka_unit_test(a_child_stopped_again_is_said_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
