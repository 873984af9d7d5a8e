/* test_gui_trace.c — the window in trace mode (gui/sim.h, gui.h's
 * gui_run_trace): real programs traced through the GUI's sim layer, as the
 * frame loop drives it (advance, then wait out the frame), and real frames
 * rendered headless.
 *
 * What is asserted is what the kernel cannot make come out otherwise: the
 * tree (who forked whom), the causes a shell's `wait` and a `sleep` block
 * for, the exec and reaped notes in the log in their place, the output
 * lines per stream, the zombie drawn as one, the user's suspend, resume and
 * kill as states, and nothing left behind.  Waits are for states, under a
 * watchdog, never for a time.
 *
 * PROCSIM_TEST_SHOTS=DIR keeps the rendered frames there (trace-*.png)
 * to look at; otherwise they are written to a temporary file and removed. */
#include <errno.h>
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
#include "sim.h"

#define FRAME_NS (1000000000 / 30)

static void open_trace(gui_sim *g, char **argv)
{
    memset(g, 0, sizeof *g);
    ps_trace_options o = {.argv = argv, .capture_output = 1};
    char err[600];
    if (gui_sim_open_trace(g, &o, err, sizeof err))
        fail_msg("gui_sim_open_trace: %s", err);
    assert_true(g->trace_mode);
    assert_non_null(g->e);
    assert_true(ps_engine_observed(g->e));
}

/* One frame as the window's loop has it. */
static void frame(gui_sim *g)
{
    gui_sim_advance(g, 1.0 / 30, 1, 0);
    gui_sim_trace_wait(g, FRAME_NS);
}

static void run_to_end(gui_sim *g)
{
    tk_watchdog(60, "a traced command");
    while (!gui_sim_done(g))
        frame(g);
    tk_watchdog_off();
    assert_int_equal(g->status, PS_STEP_DONE);
}

/* Frames until `pid` is in state `s`. */
static void until_state(gui_sim *g, uint32_t pid, ps_state s)
{
    tk_watchdog(60, "waiting for a traced process's state");
    while (!gui_sim_done(g) &&
           !(ps_engine_pcb(g->e, pid)->created && ps_engine_pcb(g->e, pid)->state == s))
        frame(g);
    tk_watchdog_off();
    assert_int_equal(ps_engine_pcb(g->e, pid)->state, s);
}

static void nothing_left(void)
{
    errno = 0;
    assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
    assert_int_equal(errno, ECHILD);
}

/* The index in g->log of the first transition of pid to `to` with
 * `cause`, or -1. */
static long find_tr(const gui_sim *g, uint32_t pid, ps_state to, ps_cause cause)
{
    for (size_t i = 0; i < g->nlog; i++)
        if (g->log[i].ev.pid == pid && g->log[i].ev.to == to && g->log[i].ev.cause == cause)
            return (long)i;
    return -1;
}

/* What was heard, for a failure's message. */
static void dump(const gui_sim *g)
{
    for (size_t i = 0; i < g->nlog; i++) {
        char cause[256];
        ps_cause_format(g->e, &g->log[i].ev, PS_LANG_EN, cause, sizeof cause);
        fprintf(stderr, "  %lld %u %s -> %s: %s\n", (long long)g->log[i].ev.time,
                g->log[i].ev.pid, ps_state_token((ps_state)g->log[i].ev.from),
                ps_state_token((ps_state)g->log[i].ev.to), cause);
    }
}

static const gui_note *find_note(const gui_sim *g, uint32_t pid, ps_trace_note_kind kind)
{
    for (size_t i = 0; i < g->nnotes; i++)
        if (g->notes[i].n.pid == pid && g->notes[i].n.kind == kind)
            return &g->notes[i];
    return NULL;
}

static void a_shell_waiting_for_its_sleep(void **state)
{
    (void)state;
    char *argv[] = {"/bin/sh", "-c", "sleep 0.3 & wait", NULL};
    gui_sim g;
    open_trace(&g, argv);
    run_to_end(&g);
    int code, sig;
    assert_int_equal(ps_trace_exit(g.trace, &code, &sig), 0);
    assert_int_equal(code, 0);
    assert_int_equal(sig, 0);

    /* the tree: the shell, and the sleep it forked; no other slot used */
    assert_int_equal(gui_sim_shown(&g), 2);
    const ps_pcb *sh = ps_engine_pcb(g.e, 1), *sl = ps_engine_pcb(g.e, 2);
    assert_int_equal(sh->parent, 0);
    assert_int_equal(sl->parent, 1);
    assert_int_equal(sh->first_child, 2);

    /* every move heard is legal and on a shown process; each begins with
       its fork and ends in Exit */
    ps_state last[3] = {PS_NONE, PS_NONE, PS_NONE};
    for (size_t i = 0; i < g.nlog; i++) {
        const ps_trace_event *ev = &g.log[i].ev;
        assert_true(ev->pid == 1 || ev->pid == 2);
        assert_int_equal(ev->from, last[ev->pid]);
        assert_int_not_equal(ps_transition_classify((ps_state)ev->from, (ps_state)ev->to,
                                                    (ps_event)ev->event),
                             PS_TR_ILLEGAL);
        last[ev->pid] = (ps_state)ev->to;
    }
    assert_int_equal(last[1], PS_EXIT);
    assert_int_equal(last[2], PS_EXIT);
    assert_int_equal(g.log[find_tr(&g, 2, PS_NEW, PS_CAUSE_FORKED)].ev.a, 1);

    /* the causes: the shell waits for its child (in wait4 for it, or, as
       dash does, in sigsuspend for its SIGCHLD), which sleeps for the 300
       ms it asked for */
    long w = find_tr(&g, 1, PS_BLOCKED, PS_CAUSE_SYS_WAIT4);
    if (w < 0)
        w = find_tr(&g, 1, PS_BLOCKED, PS_CAUSE_SYS_SIGNAL);
    long s = find_tr(&g, 2, PS_BLOCKED, PS_CAUSE_SYS_SLEEP);
    if (w < 0 || s < 0) {
        dump(&g);
        fail_msg("the shell did not wait for its child, or the child did not sleep");
    }
    if (g.log[w].ev.cause == PS_CAUSE_SYS_WAIT4)
        assert_int_equal(g.log[w].ev.a, 2);
    assert_int_equal(g.log[s].ev.a, 300);

    /* the notes: the child's exec of sleep, and the shell reaping it */
    const gui_note *exec = find_note(&g, 2, PS_TN_EXEC), *reaped = find_note(&g, 2, PS_TN_REAPED);
    assert_non_null(exec);
    assert_non_null(reaped);
    assert_non_null(strstr(g.note_text + exec->off, "sleep"));
    assert_int_equal(reaped->n.a, 1);
    char words[256];
    gui_sim_note_format(&g, reaped, PS_LANG_EN, words, sizeof words);
    assert_true(words[0]);
    gui_sim_note_format(&g, reaped, PS_LANG_KO, words, sizeof words);
    assert_true(words[0]);
    /* its log line names the process and its real pid (names repeat) */
    ps_trace_proc info;
    assert_int_equal(ps_trace_proc_info(g.trace, 2, &info), 0);
    char line[400], want[32];
    gui_sim_note_line(&g, reaped, PS_LANG_EN, line, sizeof line);
    snprintf(want, sizeof want, " [pid %d]", (int)info.os_pid);
    if (!strstr(line, want) || !strstr(line, ps_engine_pcb(g.e, 2)->name))
        fail_msg("no%s and name in the log line '%s'", want, line);
    assert_true(sl->reaped);
    assert_false(gui_sim_zombie(&g, 2));

    /* the log, newest first, has the note after the child's exit */
    gui_log_line lines[256];
    int n = gui_sim_log_lines(&g, lines, 256);
    int at_note = -1, at_exit = -1;
    for (int k = 0; k < n; k++) {
        if (lines[k].note == reaped)
            at_note = k;
        if (lines[k].tr && lines[k].tr->ev.pid == 2 && lines[k].tr->ev.to == PS_EXIT)
            at_exit = k;
    }
    assert_true(at_note >= 0 && at_exit >= 0);
    assert_true(at_note < at_exit);

    /* a traced program is not a model: no going back, no restart, no quiz */
    char err[128];
    assert_int_equal(gui_sim_back(&g), -1);
    assert_int_equal(gui_sim_restart(&g, err, sizeof err), -1);
    assert_int_equal(gui_sim_quiz_sync(&g, 1), -1);
    gui_sim_close(&g);
    nothing_left();
}

static void output_is_kept_per_stream(void **state)
{
    (void)state;
    /* and a line of 'x' and 150 two-byte characters, cut at 200 bytes
       before the character the cut would split */
    char *argv[] = {"/bin/sh", "-c",
                    "echo hello; printf 'x%s\\n' \"$(printf 'é%.0s' $(seq 150))\"; "
                    "echo oops >&2; printf 'no newline'",
                    NULL};
    gui_sim g;
    open_trace(&g, argv);
    run_to_end(&g);
    assert_non_null(g.out);
    /* in order within a stream (the two pipes are read as they come: their
       order against each other is not kept) */
    char accents[GUI_OUT_COLS + 1] = "x";
    for (int i = 0; i < (GUI_OUT_COLS - 1) / 2; i++)
        strcat(accents, "é");
    const char *const want[3][3] = {{0}, {"hello", accents, "no newline"}, {"oops", NULL}};
    int seen[3] = {0};
    assert_int_equal(g.out->n, 4);
    for (uint32_t i = 0; i < g.out->n; i++) {
        const struct gui_out_line *l = &g.out->line[(g.out->first + i) % GUI_OUT_LINES];
        assert_true(l->stream == 1 || l->stream == 2);
        if (!want[l->stream][seen[l->stream]])
            fail_msg("stream %d: one line too many: '%s'", l->stream, l->text);
        const char *w = want[l->stream][seen[l->stream]++];
        assert_non_null(w);
        assert_string_equal(l->text, w);
    }
    assert_int_equal(seen[1], 3);
    assert_int_equal(seen[2], 1);
    /* no output note is an event of the log */
    for (size_t i = 0; i < g.nnotes; i++)
        assert_int_not_equal(g.notes[i].n.kind, PS_TN_OUTPUT);
    gui_sim_close(&g);
    nothing_left();
}

/* Why the window refuses toolbar action i on sim g with `selected`
 * selected (GUI_WORD_COUNT: it does not); the sim is only read. */
static gui_word refused(const gui_sim *g, uint32_t selected, gui_action i)
{
    static gui_app a;
    memset(&a, 0, sizeof a);
    a.sim = *g;
    a.selected = selected;
    return gui_action_refused(&a, i);
}

static void suspend_resume_kill_are_real(void **state)
{
    (void)state;
    char *argv[] = {"sleep", "30", NULL};
    gui_sim g;
    open_trace(&g, argv);
    until_state(&g, 1, PS_BLOCKED);
    /* S, C and K act on the selected process while the trace runs */
    static const gui_action on_process[] = {GUI_ACT_SUSPEND, GUI_ACT_RESUME, GUI_ACT_KILL};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(refused(&g, 1, on_process[i]), GUI_WORD_COUNT);
        assert_int_equal(refused(&g, 0, on_process[i]), GUI_W_NOT_NOW);
    }
    assert_int_equal(refused(&g, 1, GUI_ACT_PLAY), GUI_W_TRACE_FIXED);
    assert_int_equal(gui_sim_resume(&g, 1), -1); /* not suspended */
    assert_int_equal(gui_sim_suspend(&g, 1), 0);
    until_state(&g, 1, PS_BLOCKED_SUSPENDED);
    assert_true(ps_engine_pcb(g.e, 1)->user_suspended);
    assert_int_equal(gui_sim_resume(&g, 1), 0);
    until_state(&g, 1, PS_BLOCKED);
    assert_int_equal(gui_sim_kill(&g, 1), 0);
    run_to_end(&g);
    const ps_pcb *p = ps_engine_pcb(g.e, 1);
    assert_int_equal(p->state, PS_EXIT);
    assert_int_equal(p->term_signal, 9);
    assert_int_equal(g.log[g.nlog - 1].ev.cause, PS_CAUSE_USER_KILL);
    assert_int_equal(gui_sim_kill(&g, 1), -1); /* the run is over */
    for (int i = 0; i < 3; i++) /* and the window says so, greyed out */
        assert_int_equal(refused(&g, 1, on_process[i]), GUI_W_TRACE_ENDED);
    assert_int_equal(refused(&g, 1, GUI_ACT_SHOT), GUI_WORD_COUNT);
    gui_sim_close(&g);
    nothing_left();
}

/* ---- real frames --------------------------------------------------------- */

#define W 1280
#define H 800

static Uint32 pixel(SDL_Surface *s, int x, int y)
{
    return ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] & 0xffffff;
}

/* Render a trace of argv headless for `frames` frames, in `lang`, with
 * `select` selected, and load the last frame back from its PNG.  Returns
 * gui_run_trace's status. */
static int render(char **argv, int frames, int lang, uint32_t select, const char *name,
                  uint32_t max_procs, SDL_Surface **img)
{
    char png[1024], dir[] = "/tmp/procsim-test-XXXXXX";
    const char *keep = getenv("PROCSIM_TEST_SHOTS");
    int temp = !(keep && *keep);
    if (temp)
        assert_non_null(mkdtemp(dir));
    snprintf(png, sizeof png, "%s/trace-%s-%s.png", temp ? dir : keep, name, lang ? "ko" : "en");
    ps_trace_options t = {.argv = argv, .max_procs = max_procs}; /* the window captures */
    gui_options o = {.lang = lang, .frames = frames, .screenshot = png, .width = W,
                     .height = H, .select = select};
    tk_watchdog(120, "rendering a trace");
    int rc = gui_run_trace(&t, &o);
    tk_watchdog_off();
    *img = IMG_Load(png);
    if (temp) { /* before any assertion, so that a failure leaves nothing */
        unlink(png);
        rmdir(dir);
    }
    assert_non_null(*img);
    assert_int_equal((*img)->w, W);
    assert_int_equal((*img)->h, H);
    SDL_Surface *x = SDL_ConvertSurfaceFormat(*img, SDL_PIXELFORMAT_XRGB8888, 0);
    SDL_FreeSurface(*img);
    *img = x;
    nothing_left();
    return rc;
}

static int count_colour(SDL_Surface *f, gui_rect r, Uint32 rgb)
{
    int n = 0;
    for (int y = (int)r.y; y < (int)(r.y + r.h); y++)
        for (int x = (int)r.x; x < (int)(r.x + r.w); x++)
            n += pixel(f, x, y) == rgb;
    return n;
}

/* Pixels of text in colour rgb (smoothed text is exactly its colour only
 * at its thickest): each channel within 0x20 of it. */
static int count_text(SDL_Surface *f, gui_rect r, Uint32 rgb)
{
    int n = 0;
    for (int y = (int)r.y; y < (int)(r.y + r.h); y++)
        for (int x = (int)r.x; x < (int)(r.x + r.w); x++) {
            Uint32 p = pixel(f, x, y);
            int near = 1;
            for (int sh = 0; sh < 24; sh += 8) {
                int d = (int)((p >> sh) & 0xff) - (int)((rgb >> sh) & 0xff);
                near &= d > -0x20 && d < 0x20;
            }
            n += near;
        }
    return n;
}

static int colours(SDL_Surface *f)
{
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
    return nseen;
}

/* The zombie's grey body inside the Exit node. */
#define ZOMBIE_BODY GUI_ZOMBIE_BODY

static void frames_show_a_zombie_and_the_end(void **state)
{
    (void)state;
    /* the shell becomes a `sleep` (exec), which never waits: its child,
       done at once, is a zombie until the end, when procsim reaps it */
    char *longer[] = {"/bin/sh", "-c", "sleep 0.01 & exec sleep 30", NULL};
    char *shorter[] = {"/bin/sh", "-c", "sleep 0.01 & exec sleep 0.3", NULL};
    gui_layout L;
    gui_layout_compute(&L, W, H, 1);
    for (int lang = 0; lang < 2; lang++) {
        SDL_Surface *f;
        /* 45 frames, a second and a half: the child a zombie, the window
           closed before the command ended: status 1 */
        assert_int_equal(render(longer, 45, lang, 2, "zombie", 0, &f), 1);
        assert_true(colours(f) >= 40);
        if (count_colour(f, L.node[PS_EXIT], ZOMBIE_BODY) < 50)
            fail_msg("no zombie drawn in the Exit node (%s)", lang ? "ko" : "en");
        int greyed = count_colour(f, L.toolbar, GUI_BUTTON_OFF);
        SDL_FreeSurface(f);
        /* to the end: the command's status, the zombie reaped, and S, C,
           K greyed out like the five a trace never has */
        assert_int_equal(render(shorter, 90, lang, 1, "end", 0, &f), 0);
        assert_int_equal(count_colour(f, L.node[PS_EXIT], ZOMBIE_BODY), 0);
        int greyed_end = count_colour(f, L.toolbar, GUI_BUTTON_OFF);
        if (greyed_end < greyed + greyed / 3)
            fail_msg("%d greyed toolbar pixels at the end, %d while running (%s)", greyed_end,
                     greyed, lang ? "ko" : "en");
        SDL_FreeSurface(f);
    }
}

/* Many processes, and what they wrote in the output panel: both streams'
 * colours under its title. */
static void many_processes_and_their_output_render(void **state)
{
    (void)state;
    char *argv[] = {"/bin/sh", "-c",
                    "for i in 1 2 3 4 5 6 7 8; do (echo worker $i; sleep 30) & done; "
                    "echo 'a warning' >&2; wait",
                    NULL};
    gui_layout L; /* the output panel as the window sizes it for a trace */
    gui_layout_compute_in(&L, &(gui_layout_in){.w = W, .h = H, .scale = 1, .zoom = 1,
                                               .res_rows = GUI_TRACE_OUTPUT_ROWS});
    for (int lang = 0; lang < 2; lang++) {
        SDL_Surface *f;
        /* the most slots a trace may have, nine of them used; the workers
           outlive the 30 frames however slow a loaded machine renders
           them (then the window closes first: status 1, the tree killed) */
        assert_int_equal(render(argv, 30, lang, 1, "output", PS_TRACE_PROCS_LIMIT, &f), 1);
        gui_rect lines = L.resources; /* under the title and its legend */
        lines.y += 20;
        lines.h -= 20;
        assert_true(count_text(f, lines, GUI_TEXT) > 30);
        assert_true(count_text(f, lines, GUI_STDERR_TEXT) > 10);
        SDL_FreeSurface(f);
    }
}

static void a_command_that_cannot_run_is_a_message(void **state)
{
    (void)state;
    char *argv[] = {"procsim-no-such-command-here", NULL};
    ps_trace_options t = {.argv = argv, .capture_output = 1};
    gui_options o = {.lang = 0, .frames = 2};
    assert_int_equal(gui_run_trace(&t, &o), 1);
    nothing_left();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_shell_waiting_for_its_sleep),
        cmocka_unit_test(output_is_kept_per_stream),
        cmocka_unit_test(suspend_resume_kill_are_real),
        cmocka_unit_test(frames_show_a_zombie_and_the_end),
        cmocka_unit_test(many_processes_and_their_output_render),
        cmocka_unit_test(a_command_that_cannot_run_is_a_message),
    };
    tk_filter_from_env();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
