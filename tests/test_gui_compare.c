/* test_gui_compare.c — the compare view (gui/compare.h): every column is
 * at the view's clock after any steps and steps back (each run's PCBs are
 * those of a plain run of its policy to that tick), the first divergence
 * is the one `procsim compare` reports, bad --compare values are exit 2
 * with a reason, and a headless frame has one column per policy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SDL.h>

#include "testkit.h"
#include "app.h"
#include "compare.h"
#include "draw.h"
#include "gui.h"

static const struct workload {
    const char *file, *policies;
} workloads[] = {
    {"scenarios/labs/scheduling-compare.yaml", "fcfs,rr:4"},
    {"scenarios/labs/scheduling-compare.yaml", "fcfs,rr:2,sjf,srtf"},
    {"scenarios/policies/fcfs.yaml", "fcfs,sjf,rr:4"},
    {"scenarios/policies/mlfq.yaml", "mlfq,fcfs"},
    {"scenarios/labs/cpu-io-overlap.yaml", "rr:2,fcfs,sjf"},
    {"scenarios/seeds/nine-processes.yaml", "rr:3,fcfs"},   /* two CPUs */
    {"scenarios/labs/worker-pool.yaml", "fcfs,rr:2"},       /* never differ */
};
#define NWORK (sizeof workloads / sizeof workloads[0])

static void open_or_fail(gui_cmp *c, const struct workload *w)
{
    char err[600];
    if (gui_cmp_open(c, w->file, NULL, 0, NULL, w->policies, PS_LANG_EN, err, sizeof err))
        fail_msg("%s %s: %s", w->file, w->policies, err);
}

/* Every PCB of run i is as a plain run of the same policy to tick c->now
 * leaves it: the column shows its run at the view's clock. */
static void check_at_clock(const gui_cmp *c, const char *what)
{
    for (size_t i = 0; i < c->n; i++) {
        const gui_cmp_run *r = &c->run[i];
        if (c->instants && r->st == PS_STEP_OK && ps_engine_next(r->e) >= 0 &&
            ps_engine_next(r->e) <= c->now)
            fail_msg("%s: %s has an instant at tick %lld, not later than the clock %lld", what,
                     r->label, (long long)ps_engine_next(r->e), (long long)c->now);
        if (ps_engine_now(r->e) > c->now)
            fail_msg("%s: %s is at tick %lld, past the clock %lld", what, r->label,
                     (long long)ps_engine_now(r->e), (long long)c->now);
        ps_engine *ref = ps_engine_create(r->s);
        assert_non_null(ref);
        if (c->instants)
            ps_engine_run(ref, c->now);
        for (uint32_t pid = 1; pid <= ps_engine_nprocs(ref); pid++) {
            const ps_pcb *want = ps_engine_pcb(ref, pid), *got = ps_engine_pcb(r->e, pid);
            if (want->created != got->created || (want->created && want->state != got->state))
                fail_msg("%s: %s at tick %lld: %s is %s, a plain run has it %s", what, r->label,
                         (long long)c->now, want->name, got->created ? ps_state_name(got->state) : "-",
                         want->created ? ps_state_name(want->state) : "-");
        }
        ps_engine_destroy(ref);
    }
}

static void every_column_is_at_the_clock(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    for (size_t w = 0; w < NWORK; w++) {
        gui_cmp c;
        int64_t clock[4096];
        char what[200];
        open_or_fail(&c, &workloads[w]);
        check_at_clock(&c, workloads[w].file);
        uint32_t n = 0;
        clock[0] = c.now;
        while (n + 1 < 4096 && gui_cmp_step(&c)) {
            clock[++n] = c.now;
            assert_true(clock[n] >= clock[n - 1]);
            snprintf(what, sizeof what, "%s %s, instant %u", workloads[w].file,
                     workloads[w].policies, n);
            check_at_clock(&c, what);
        }
        assert_true(gui_cmp_done(&c));
        for (uint32_t back = 0; back < 3 && c.instants; back++) { /* back from the end */
            uint32_t before = c.instants;
            assert_int_equal(gui_cmp_back(&c), 0);
            assert_int_equal(c.instants, before - 1); /* one instant, no more */
            assert_int_equal(c.now, clock[c.instants]);
            check_at_clock(&c, "after back");
        }
        for (uint32_t k = n / 2; k > 0 && c.instants > k; ) /* back to the middle */
            assert_int_equal(gui_cmp_back(&c), 0);
        assert_int_equal(c.now, clock[c.instants]);
        check_at_clock(&c, "back to the middle");
        gui_cmp_step(&c); /* and on again */
        assert_int_equal(c.now, clock[c.instants]);
        check_at_clock(&c, "on after back");
        assert_int_equal(gui_cmp_restart(&c), 0);
        assert_int_equal(c.instants, 0);
        assert_int_equal(gui_cmp_back(&c), -1); /* at the start */
        gui_cmp_close(&c);
    }
}

/* Opposite lock orders: fcfs runs a, then b; rr:1 interleaves them into a
 * deadlock at tick 4, while fcfs goes on to tick 44. */
static const char deadlock_yaml[] =
    "procsim: 1\n"
    "title: opposite lock orders\n"
    "system: {cpus: 1, policy: fcfs}\n"
    "processes:\n"
    "  - {name: a, program: [lock m, cpu 2, lock n, unlock n, unlock m, cpu 20]}\n"
    "  - {name: b, program: [lock n, cpu 2, lock m, unlock m, unlock n, cpu 20]}\n";

static void a_deadlock_shows_at_once(void **state)
{
    (void)state;
    gui_cmp c;
    char err[600];
    if (gui_cmp_open(&c, NULL, deadlock_yaml, strlen(deadlock_yaml), "deadlock.yaml",
                     "fcfs,rr:1", PS_LANG_EN, err, sizeof err))
        fail_msg("%s", err);
    while (c.now <= 4 && gui_cmp_step(&c))
        check_at_clock(&c, "deadlock");
    /* the first step past rr:1's last instant says it is stuck, though
       fcfs has instants to come */
    assert_true(c.now > 4);
    assert_int_equal(c.run[1].st, PS_STEP_STUCK);
    assert_int_equal(c.run[0].st, PS_STEP_OK);
    while (gui_cmp_step(&c))
        check_at_clock(&c, "deadlock, on");
    assert_int_equal(c.run[0].st, PS_STEP_DONE);
    assert_int_equal(c.now, 44);
    assert_int_equal(c.first, 1); /* procsim compare: tick 1 on cpu 0 */
    gui_cmp_close(&c);
}

/* ---- the divergence, against procsim compare -------------------------- */

/* Run procsim with `args` (NULL-terminated), no display; its output
 * (stdout and stderr together) in out.  Returns its exit status. */
static int procsim(const char *const *args, char *out, size_t size)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t p = fork();
    assert_true(p >= 0);
    if (p == 0) {
        const char *av[32] = {PROCSIM_BINARY};
        size_t n = 1;
        while (args[n - 1] && n < 31) {
            av[n] = args[n - 1];
            n++;
        }
        av[n] = NULL;
        dup2(fd[1], 1);
        dup2(fd[1], 2);
        close(fd[0]);
        unsetenv("DISPLAY");
        unsetenv("WAYLAND_DISPLAY");
        unsetenv("SDL_VIDEODRIVER");
        if (chdir(PROCSIM_SOURCE_DIR))
            _exit(127);
        execv(PROCSIM_BINARY, (char *const *)av);
        _exit(127);
    }
    close(fd[1]);
    size_t len = 0;
    ssize_t k;
    while ((k = read(fd[0], out + len, size - 1 - len)) > 0 && len + 1 < size)
        len += (size_t)k;
    while (k > 0) /* the rest is not needed, but must not block the child */
        k = read(fd[0], (char[256]){0}, 256);
    out[len] = 0;
    close(fd[0]);
    int st;
    assert_int_equal(waitpid(p, &st, 0), p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* `procsim compare FILE P...` --format json's divergence tick, -1: null. */
static int64_t cli_divergence(const struct workload *w)
{
    static char out[1 << 20];
    char list[128];
    const char *args[16] = {"compare", w->file, "--format", "json"};
    size_t n = 4;
    snprintf(list, sizeof list, "%s", w->policies);
    for (char *save = NULL, *p = strtok_r(list, ",", &save); p; p = strtok_r(NULL, ",", &save))
        args[n++] = p;
    args[n] = NULL;
    assert_int_equal(procsim(args, out, sizeof out), 0);
    const char *d = strstr(out, "\"divergence\":");
    assert_non_null(d);
    d += strlen("\"divergence\":");
    if (!strncmp(d, "null", 4))
        return -1;
    const char *t = strstr(d, "\"tick\":");
    assert_non_null(t);
    return strtoll(t + 7, NULL, 10);
}

static void first_divergence_is_procsim_compares(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    int never = 0;
    for (size_t w = 0; w < NWORK; w++) {
        int64_t want = cli_divergence(&workloads[w]);
        gui_cmp c;
        open_or_fail(&c, &workloads[w]);
        do { /* as the runs go: unknown before its tick, that tick from then on */
            int64_t now_known = c.instants && c.now >= want && want >= 0 ? want : -1;
            if (c.first != now_known)
                fail_msg("%s %s at tick %lld: first divergence %lld, procsim compare says %lld",
                         workloads[w].file, workloads[w].policies, (long long)c.now,
                         (long long)c.first, (long long)want);
        } while (gui_cmp_step(&c));
        assert_int_equal(c.first, want);
        never += want < 0;
        gui_cmp_close(&c);
    }
    assert_int_equal(never, 1); /* worker-pool's: the table has both kinds */
}

/* ---- bad values -------------------------------------------------------- */

static const struct bad {
    const char *const args[8];
    const char *says;
} bads[] = {
    {{"--compare", "fcfs"}, "two to four policies"},
    {{"--compare", "fcfs,bogus"}, "unknown policy 'bogus'"},
    {{"--compare", "fcfs,rr:4,sjf,srtf,hrrn"}, "at most 4 policies"},
    {{"--compare", "fcfs,,rr"}, "an empty policy"},
    {{"--compare", "rr:4,rr:4"}, "rr:4 is given twice"},
    {{"--compare", "fcfs,mlq"}, "mlq needs system.queues"},
    {{"--compare", "rr:0,fcfs"}, "the quantum"},
    {{"--compare", "fcfs,rr:4", "--live"}, "--live runs real processes"},
    {{"--compare", "fcfs,rr:4", "--quiz"}, "--quiz follows one run"},
};

static void bad_compare_values_exit_2(void **state)
{
    (void)state;
    static char out[1 << 16];
    for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++)
        for (int frames = 0; frames < 2; frames++) { /* no display, and headless */
            const char *args[16] = {"gui", "scenarios/labs/scheduling-compare.yaml"};
            size_t n = 2;
            for (size_t k = 0; bads[i].args[k]; k++)
                args[n++] = bads[i].args[k];
            if (frames) {
                args[n++] = "--frames";
                args[n++] = "1";
            }
            args[n] = NULL;
            int rc = procsim(args, out, sizeof out);
            if (rc != 2 || !strstr(out, bads[i].says))
                fail_msg("procsim gui ... %s %s%s: exit %d, said '%s' (wanted exit 2 saying "
                         "'%s')", bads[i].args[0], bads[i].args[1], frames ? " --frames 1" : "", rc,
                         out, bads[i].says);
        }
}

/* The compare's refusals and the loader's errors in the window's language. */
static void errors_in_the_windows_language(void **state)
{
    (void)state;
    static const struct {
        const char *file, *policies, *en, *ko;
    } cases[] = {
        {"scenarios/labs/scheduling-compare.yaml", "fifo,rr", "unknown policy 'fifo'",
         "알 수 없는 정책 'fifo'"},
        {"scenarios/labs/scheduling-compare.yaml", "fcfs,fcfs", "fcfs is given twice",
         "fcfs이(가) 두 번 있습니다"},
        {"scenarios/labs/scheduling-compare.yaml", "fcfs", "got only 'fcfs'", "'fcfs'뿐입니다"},
        {"tests/loader/bad/cp949.yaml", "fcfs,rr", "save it as UTF-8", "UTF-8로 저장하세요"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int ko = 0; ko < 2; ko++) {
            gui_cmp c;
            char err[600];
            assert_int_equal(gui_cmp_open(&c, cases[i].file, NULL, 0, NULL, cases[i].policies,
                                          ko ? PS_LANG_KO : PS_LANG_EN, err, sizeof err),
                             -1);
            if (!strstr(err, ko ? cases[i].ko : cases[i].en))
                fail_msg("%s %s (%s): said '%s'", cases[i].file, cases[i].policies,
                         ko ? "ko" : "en", err);
        }
}

/* ---- the toolbar ------------------------------------------------------ */

static void the_toolbar_refuses_what_one_run_needs(void **state)
{
    (void)state;
    static const struct { gui_action act; int refused; } table[] = {
        {GUI_ACT_PLAY, 0},    {GUI_ACT_STEP, 0},    {GUI_ACT_BACK, 0},   {GUI_ACT_SLOWER, 0},
        {GUI_ACT_FASTER, 0},  {GUI_ACT_RESTART, 0}, {GUI_ACT_OPEN, 1},   {GUI_ACT_SUSPEND, 1},
        {GUI_ACT_RESUME, 1},  {GUI_ACT_KILL, 1},    {GUI_ACT_SHOT, 0},   {GUI_ACT_LANG, 0},
        {GUI_ACT_HELP, 0},    {GUI_ACT_GANTT, 1},
    };
    if (sizeof table / sizeof table[0] != GUI_ACTION_COUNT) /* a new one: it must be decided */
        fail_msg("%d toolbar actions, %d here: say whether the compare view takes the new one "
                 "(and make gui_action_refused agree)", GUI_ACTION_COUNT,
                 (int)(sizeof table / sizeof table[0]));
    static gui_app a;
    gui_cmp c = {0};
    a.cmp = &c;
    a.selected = 1; /* refused with a process selected too */
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        gui_word no = gui_action_refused(&a, table[i].act);
        if (no != (table[i].refused ? GUI_W_COMPARE_FIXED : GUI_WORD_COUNT))
            fail_msg("toolbar action %d: refused with word %d in the compare view", (int)i, no);
    }
    for (int lang = 0; lang < 2; lang++) /* the reason, in both languages */
        assert_non_null(strstr(gui_word_text(GUI_W_COMPARE_FIXED, (gui_lang)lang), "--compare"));
}

/* ---- a frame ----------------------------------------------------------- */

static Uint32 pixel(SDL_Surface *s, int x, int y)
{
    return ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] & 0xffffff;
}

/* How many times every state's node is drawn across the frame: for each
 * state the stretches of x in which its colour shows (a node's top and
 * bottom sides make one of its width), the fewest of them (Exit's grey
 * shows elsewhere too). */
static int diagrams_across(SDL_Surface *f)
{
    int fewest = f->w;
    for (int s = 0; s < PS_STATE_COUNT; s++) {
        SDL_Color c = gui_state_color((ps_state)s);
        Uint32 want = (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
        int stretches = 0, in = 0;
        for (int x = 0; x < f->w; x++) {
            int here = 0;
            for (int y = 0; y < f->h && !here; y++)
                here = pixel(f, x, y) == want;
            stretches += here && !in;
            in = here;
        }
        if (stretches < fewest)
            fewest = stretches;
    }
    return fewest;
}

/* The toolbar's Play says "Pause" while the runs go on, "Play" once every
 * run has finished (the clock stands), in both languages. */
static void play_once_every_run_has_finished(void **state)
{
    (void)state;
    static const char yaml[] = "procsim: 1\ntitle: short\nprocesses:\n"
                               "  - {name: A, program: [cpu 2]}\n"
                               "  - {name: B, program: [cpu 1]}\n";
    static const struct { int frames, finished; } at[] = {{3, 0}, {240, 1}};
    for (int lang = 0; lang < 2; lang++)
        for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
            gui_options o = {.lang = lang, .frames = at[i].frames, .speed = 4, .width = 1280,
                             .height = 800, .text = yaml, .text_len = sizeof yaml - 1,
                             .text_name = "short.yaml", .compare = "fcfs,rr:1"};
            SDL_Surface *f;
            gui_text_mark *m;
            int n, play = 0, pause = 0;
            gui_layout L;
            assert_int_equal(gui_render_frames_texts(&o, &f, &m, &n, &L), 0);
            for (int k = 0; k < n; k++) {
                play += !m[k].cover && !strcmp(m[k].s, gui_word_text(GUI_W_PLAY, (gui_lang)lang));
                pause += !m[k].cover && !strcmp(m[k].s, gui_word_text(GUI_W_PAUSE, (gui_lang)lang));
            }
            if (play != at[i].finished || pause != !at[i].finished)
                fail_msg("%s after %d frames: %d 'Play', %d 'Pause'", lang ? "ko" : "en",
                         at[i].frames, play, pause);
            free(m);
            SDL_FreeSurface(f);
        }
}

static void a_frame_has_a_column_per_policy(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    static const struct { const char *policies; int w, h, lang, columns; } frames[] = {
        {"fcfs,rr:4", 1280, 800, 0, 2},   {"fcfs,rr:4", 1920, 1080, 1, 2},
        {"fcfs,rr:2,sjf", 1280, 800, 1, 3}, {"fcfs,rr:2,sjf,srtf", 1920, 1080, 0, 4},
        {"fcfs,rr:2,sjf,srtf", 1024, 768, 1, 4},
    };
    for (size_t i = 0; i < sizeof frames / sizeof frames[0]; i++) {
        gui_options o = {.path = "scenarios/labs/scheduling-compare.yaml", .lang = frames[i].lang,
                         .frames = 60, .speed = 8, .width = frames[i].w, .height = frames[i].h,
                         .compare = frames[i].policies};
        SDL_Surface *f;
        assert_int_equal(gui_render_frames(&o, &f), 0);
        int got = diagrams_across(f);
        SDL_FreeSurface(f);
        if (got != frames[i].columns)
            fail_msg("--compare %s at %dx%d: %d diagrams across the frame, wanted %d",
                     frames[i].policies, frames[i].w, frames[i].h, got, frames[i].columns);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_column_is_at_the_clock),
        cmocka_unit_test(a_deadlock_shows_at_once),
        cmocka_unit_test(first_divergence_is_procsim_compares),
        cmocka_unit_test(bad_compare_values_exit_2),
        cmocka_unit_test(errors_in_the_windows_language),
        cmocka_unit_test(the_toolbar_refuses_what_one_run_needs),
        cmocka_unit_test(a_frame_has_a_column_per_policy),
        cmocka_unit_test(play_once_every_run_has_finished),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
