/* test_gui_resources.c — the window's shared-objects panel (gui/resources.h)
 * laid out with the real fonts at every window size the layout tests use,
 * in English and Korean, at every instant of the scenarios that share
 * things: nothing leaves the panel, nothing overlaps, every Blocked
 * process waiting on an object is tied to its place in that object's
 * queue; a deadlock is drawn as its cycle; and in real headless frames a
 * lost update flashes and a sentinel is drawn as its own chip.
 *
 * Needs the fonts test_gui_text needs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>

#include "testkit.h"
#include "app.h"
#include "gui.h"
#include "layout.h"
#include "resources.h"
#include "text.h"

static const struct {
    float w, h, scale;
} sizes[] = {{1280, 800, 1}, {1024, 640, 1}, {1920, 1080, 1}, {2560, 1600, 2}, {1600, 1000, 1}};

typedef struct fonts {
    SDL_Surface *surf;
    SDL_Renderer *r;
    gui_text *t[3]; /* by scale: 1, 2 */
} fonts;

static fonts F;

static int setup(void **state)
{
    (void)state;
    char err[256] = "";
    F.surf = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_XRGB8888);
    F.r = F.surf ? SDL_CreateSoftwareRenderer(F.surf) : NULL;
    assert_non_null(F.r);
    for (int sc = 1; sc <= 2; sc++) { /* as the window opens them (app.c) */
        int px = 12 * sc;
        F.t[sc] = gui_text_create(F.r, px, px + 2, px + 7, GUI_EN, err, sizeof err);
        if (!F.t[sc])
            fail_msg("gui_text_create: %s", err);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    gui_text_destroy(F.t[1]);
    gui_text_destroy(F.t[2]);
    SDL_DestroyRenderer(F.r);
    SDL_FreeSurface(F.surf);
    return 0;
}

static void measure(void *ctx, const char *s, int normal, int *w, int *h)
{
    gui_text_measure(ctx, s, normal ? GUI_NORMAL : GUI_SMALL, w, h);
}

static gui_res R; /* large: not on the stack */

/* The window's layout for g: its panel as tall as its rows want. */
static void layout_for(gui_layout *L, float w, float h, float scale, const gui_sim *g)
{
    gui_layout_compute_in(L, &(gui_layout_in){.w = w, .h = h, .scale = scale, .zoom = 1,
                                              .res_rows = gui_res_rows_wanted(g)});
}

static void compute(const gui_sim *g, gui_lang lang, const gui_layout *L)
{
    gui_res_compute(&R, g, lang, L->resources, L->scale, measure, F.t[L->scale > 1 ? 2 : 1]);
}

static int inside(gui_rect in, gui_rect r)
{
    float e = 0.5f;
    return r.x >= in.x - e && r.y >= in.y - e && r.x + r.w <= in.x + in.w + e &&
           r.y + r.h <= in.y + in.h + e;
}

static gui_rect shrink(gui_rect r)
{
    float e = 0.25f; /* parts of the memory bar touch */
    return (gui_rect){r.x + e, r.y + e, r.w - 2 * e, r.h - 2 * e};
}

/* The panel as computed now: inside its rectangle, clear of the other
 * panels, no two items on each other (the flash is a background), every
 * chip's text inside its chip. */
static void check_panel(const gui_layout *L, const char *what)
{
    const gui_rect *others[] = {&L->diagram, &L->gantt, &L->table, &L->detail, &L->log,
                                &L->toolbar};
    for (int i = 0; i < R.n; i++) {
        const gui_res_item *a = &R.item[i];
        if (!inside(L->resources, a->r))
            fail_msg("%s: item %d '%s' leaves the panel", what, i, a->text);
        for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
            if (gui_rect_overlap(a->r, *others[k]))
                fail_msg("%s: item '%s' overlaps another panel", what, a->text);
        if (strlen(a->text) + 1 >= sizeof a->text)
            fail_msg("%s: '%s' was cut to fit its item", what, a->text);
        if (a->style == GUI_RES_FLASH)
            continue;
        int tw, th;
        gui_text_measure(F.t[L->scale > 1 ? 2 : 1], a->text, a->normal ? GUI_NORMAL : GUI_SMALL, &tw, &th);
        if (a->text[0] && (float)tw > a->r.w + 0.5f)
            fail_msg("%s: '%s' is wider than its place", what, a->text);
        for (int j = i + 1; j < R.n; j++) {
            const gui_res_item *b = &R.item[j];
            if (b->style != GUI_RES_FLASH && gui_rect_overlap(shrink(a->r), shrink(b->r)))
                fail_msg("%s: '%s' (%g,%g %gx%g) and '%s' (%g,%g %gx%g) overlap", what, a->text,
                         a->r.x, a->r.y, a->r.w, a->r.h, b->text, b->r.x, b->r.y, b->r.w, b->r.h);
        }
    }
}

/* Every process Blocked on a device, channel or mutex is tied to its
 * token in that object's row (at 1280x800 every row of these fits). */
static void check_ties(const gui_sim *g, const char *what)
{
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(g->e); pid++) {
        const ps_pcb *p = ps_engine_pcb(g->e, pid);
        int waits = (p->state == PS_BLOCKED || p->state == PS_BLOCKED_SUSPENDED) &&
                    (p->wait_kind == PS_WAIT_DEVICE || p->wait_kind == PS_WAIT_CHANNEL ||
                     p->wait_kind == PS_WAIT_MUTEX);
        const gui_res_item *t = gui_res_tie(&R, p);
        if (waits && !t)
            fail_msg("%s at %lld: %s waits but is tied to nothing", what,
                     (long long)ps_engine_now(g->e), p->name);
        if (!waits && t)
            fail_msg("%s: %s is tied though it waits for nothing there", what, p->name);
        if (t)
            assert_int_equal(t->pid, pid);
    }
}

static int count_style(gui_res_style st)
{
    int n = 0;
    for (int i = 0; i < R.n; i++)
        n += R.item[i].style == st;
    return n;
}

static const char *const shared[] = {
    "tests/cli/counter-race-90.yaml",        "scenarios/seeds/counter-race.yaml",
    "scenarios/seeds/counter-lock.yaml",     "scenarios/seeds/queue-sentinel.yaml",
    "scenarios/seeds/pool-squares.yaml",     "scenarios/seeds/pipe.yaml",
    "scenarios/seeds/join-timeout.yaml",     "scenarios/seeds/private-copy.yaml",
    "scenarios/seeds/nine-processes.yaml",   "scenarios/swapping.yaml",
    "scenarios/tour.yaml",
};

/* More objects than rows, long names, long queues: what does not fit is
 * left out, never drawn over. */
static const char crowded[] =
    "procsim: 1\ntitle: t\nsystem: {memory: 90, policy: rr, quantum: 1}\n"
    "devices: [disk, a_device_with_a_very_long_name_indeed]\nprocesses:\n"
    "  - {name: producer_with_a_long_name, memory: 10, program: [send c1 1, send c1 22, send c1 333,"
    " send c1 4444, send c1 55555, send c1 666666, send c1 7777777, send c1 88888888,"
    " send c1 999999999, send c1 1000000000, send c1 1, send c1 2, send c1 3, send c1 4,"
    " send c1 5, send c1 6, send c1 7, send c1 8, send c1 9, send c1 10, send c1 11, send c1 12,"
    " send c2 1, send c3 1, send c4 1, lock m1, lock m2, add v1 3, add v2 3, io disk 5,"
    " io a_device_with_a_very_long_name_indeed 3, unlock m1, unlock m2]}\n"
    "  - {name: b, memory: 20, program: [lock m1, add v1 2, io disk 2, recv c5]}\n"
    "  - {name: c, memory: 30, program: [lock m2, add v2 2, io disk 3, recv c5]}\n"
    "  - {name: d, memory: 40, program: [add v1 2, io disk 1, recv c6]}\n"
    "  - {name: e, memory: 50, program: [add v1 2, io a_device_with_a_very_long_name_indeed 4]}\n";

static void panel_keeps_clear_at_every_instant(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    for (size_t f = 0; f <= sizeof shared / sizeof shared[0]; f++) {
        gui_sim g;
        char err[600];
        int last = f == sizeof shared / sizeof shared[0], skipped = 0;
        memset(&g, 0, sizeof g);
        if (last ? gui_sim_open_text(&g, "crowded.yaml", crowded, strlen(crowded), 0, err, sizeof err)
                 : gui_sim_open(&g, shared[f], 0, err, sizeof err))
            fail_msg("%s", err);
        for (int steps = 0; steps < 5000; steps++) {
            for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++)
                for (int lang = 0; lang < 2; lang++) {
                    gui_layout L;
                    layout_for(&L, sizes[z].w, sizes[z].h, sizes[z].scale, &g);
                    compute(&g, (gui_lang)lang, &L);
                    char what[160];
                    snprintf(what, sizeof what, "%s %gx%g %s", last ? "crowded" : shared[f],
                             sizes[z].w, sizes[z].h, lang ? "ko" : "en");
                    check_panel(&L, what);
                    skipped |= R.skipped > 0;
                    if (z == 0 && !last)
                        check_ties(&g, what);
                }
            if (gui_sim_done(&g))
                break;
            gui_sim_step(&g);
        }
        assert_true(gui_sim_done(&g));
        if (last) /* the crowded panel did leave rows out (at some size) */
            assert_true(skipped);
        if (last) /* every object shown has its name, cut to fit: 2 devices, 6
                   * channels, 2 mutexes, 2 variables, memory */
            for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
                gui_layout L;
                layout_for(&L, sizes[z].w, sizes[z].h, sizes[z].scale, &g);
                compute(&g, GUI_EN, &L);
                assert_int_equal(count_style(GUI_RES_LABEL) + R.skipped, 13);
            }
        gui_sim_close(&g);
    }
}

/* Run `yaml` in the window's sim until it is stuck. */
static void run_stuck(gui_sim *g, const char *yaml)
{
    char err[600];
    memset(g, 0, sizeof *g);
    if (gui_sim_open_text(g, "t.yaml", yaml, strlen(yaml), 0, err, sizeof err))
        fail_msg("%s", err);
    for (int i = 0; i < 1000 && !gui_sim_done(g); i++)
        gui_sim_step(g);
    assert_int_equal(g->status, PS_STEP_STUCK);
}

static void deadlock_is_drawn_as_its_cycle(void **state)
{
    (void)state;
    static const struct {
        const char *yaml;
        int ncycle;            /* processes in the cycle, 0: none */
        uint32_t first;        /* the cycle's first pid */
    } cases[] = {
        /* two mutexes taken in opposite orders, each preempted between */
        {"procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\nprocesses:\n"
         "  - {name: a, program: [lock m, cpu 2, lock n]}\n"
         "  - {name: b, program: [lock n, cpu 2, lock m]}\n", 2, 1},
        /* a parent joins a child that waits for the parent's mutex */
        {"procsim: 1\ntitle: t\nprocesses:\n"
         "  - {name: p, program: [lock m, spawn c, wait c]}\n"
         "  - {name: c, parent: p, program: [lock m]}\n", 2, 1},
        /* three in a ring, by a channel: x waits on q, which only z sends
         * on, z waits for y's mutex, y for x's */
        {"procsim: 1\ntitle: t\nprocesses:\n"
         "  - {name: x, program: [lock k, recv q]}\n"
         "  - {name: y, program: [lock l, cpu 1, lock k]}\n"
         "  - {name: z, program: [cpu 2, lock l, send q 1]}\n", 3, 1},
        /* no cycle: a receive nothing will ever end */
        {"procsim: 1\ntitle: t\nprocesses:\n  - {name: lone, program: [recv q]}\n", 0, 0},
    };
    gui_layout L;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        for (int lang = 0; lang < 2; lang++) {
            gui_sim g;
            run_stuck(&g, cases[c].yaml);
            layout_for(&L, 1280, 800, 1, &g);
            compute(&g, (gui_lang)lang, &L);
            check_panel(&L, cases[c].yaml);
            assert_int_equal(R.ncycle, cases[c].ncycle);
            assert_true(count_style(GUI_RES_DEADLOCK) >= 2); /* the label and its words */
            if (cases[c].ncycle) {
                assert_int_equal(R.cycle[0], cases[c].first);
                /* each waits for the next: pids distinct, every one in it */
                for (int i = 0; i < R.ncycle; i++) {
                    assert_true(gui_res_in_cycle(&R, R.cycle[i]));
                    for (int j = 0; j < i; j++)
                        assert_int_not_equal(R.cycle[i], R.cycle[j]);
                }
                int marked = 0; /* its tokens, back to the first */
                for (int i = 0; i < R.n; i++)
                    marked += R.item[i].cycle;
                assert_int_equal(marked, cases[c].ncycle + 1);
            } else { /* the report says it */
                int said = 0;
                for (int i = 0; i < R.n; i++)
                    said |= R.item[i].style == GUI_RES_DEADLOCK && strstr(R.item[i].text, "lone");
                assert_true(said);
            }
            gui_sim_close(&g);
        }
}


/* ---- headless frames ------------------------------------------------ */

static Uint32 pixel(SDL_Surface *f, int x, int y)
{
    return ((Uint32 *)((Uint8 *)f->pixels + y * f->pitch))[x] & 0xffffff;
}

/* Pixels of the resource panel of a frame that `is` says yes to. */
static int count_pixels(SDL_Surface *f, const gui_layout *L, int (*is)(Uint32))
{
    gui_rect r = L->resources;
    int n = 0;
    for (int y = (int)r.y; y < (int)(r.y + r.h); y++)
        for (int x = (int)r.x; x < (int)(r.x + r.w); x++)
            n += is(pixel(f, x, y));
    return n;
}

/* The flash's red over the panel (GUI_FLASH blended, gui/res_view.c). */
static int flash_red(Uint32 p)
{
    return (p >> 16 & 0xff) > 140 && (p >> 8 & 0xff) < 80 && (p & 0xff) < 80;
}

static int sentinel_purple(Uint32 p)
{
    return p == GUI_SENTINEL;
}

/* The last of `frames` frames of `path` or `yaml`, at 1280x800, and its
 * layout in *L (the scenario's description moves the panels). */
static SDL_Surface *frame(const char *path, const char *yaml, int frames, gui_layout *L)
{
    gui_options o = {.path = path, .lang = GUI_EN, .frames = frames, .width = 1280, .height = 800};
    if (yaml) {
        o.text = yaml;
        o.text_len = strlen(yaml);
        o.text_name = "t.yaml";
    }
    SDL_Surface *f;
    assert_int_equal(gui_render_frames_layout(&o, &f, L), 0);
    assert_non_null(f);
    return f;
}

/* The first frame (1-based) after whose update a write has lost an
 * update, paced as the headless window paces (1/30 s a frame at 1x). */
static int first_lost_frame(gui_sim *g)
{
    for (int n = 1; n < 30 * 600; n++) {
        gui_sim_advance(g, 1.0 / 30, 1, 0);
        for (uint32_t i = 0; i < g->nops; i++)
            if (gui_sim_op(g, i)->ev.op == PS_OPE_WRITE && gui_sim_op(g, i)->ev.lost_update)
                return n;
        if (gui_sim_done(g))
            break;
    }
    return 0;
}

static void lost_update_flashes(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    const char *path = "tests/cli/counter-race-90.yaml";
    gui_sim g;
    char err[600];
    memset(&g, 0, sizeof g);
    if (gui_sim_open(&g, path, 0, err, sizeof err))
        fail_msg("%s", err);
    int n = first_lost_frame(&g);
    assert_true(n > 1);
    gui_layout L;
    layout_for(&L, 1280, 800, 1, &g);
    /* the panel: the variable's rows flash, and say what was lost */
    compute(&g, GUI_EN, &L);
    assert_int_equal(count_style(GUI_RES_FLASH), 1);
    assert_int_equal(count_style(GUI_RES_LOST), 1);
    gui_sim_advance(&g, GUI_RES_FLASH_SECONDS + 0.1, 1, 1); /* paused: no new write */
    compute(&g, GUI_EN, &L);
    assert_int_equal(count_style(GUI_RES_FLASH), 0);
    assert_int_equal(count_style(GUI_RES_LOST), 0);
    /* to the end: the final value beside the expected 9 x 10 */
    while (!gui_sim_done(&g))
        gui_sim_step(&g);
    assert_int_equal(ps_engine_variable(g.e, 0) + g.lost[0], 90);
    assert_int_equal(g.lost[0], ps_engine_lost_updates(g.e));
    assert_true(g.lost[0] > 0);
    compute(&g, GUI_EN, &L);
    int said = 0;
    char want[64];
    snprintf(want, sizeof want, "final %lld, 90 expected", (long long)ps_engine_variable(g.e, 0));
    for (int i = 0; i < R.n; i++)
        said |= strstr(R.item[i].text, want) != NULL;
    assert_true(said);
    gui_sim_close(&g);
    /* the frames: red in the panel in the frame after the write, none in the one before */
    gui_layout at_before, at_after;
    SDL_Surface *before = frame(path, NULL, n - 1, &at_before), *after = frame(path, NULL, n, &at_after);
    int red_before = count_pixels(before, &at_before, flash_red);
    int red_after = count_pixels(after, &at_after, flash_red);
    SDL_FreeSurface(before);
    SDL_FreeSurface(after);
    if (red_before != 0 || red_after < 2000)
        fail_msg("flash pixels: %d in frame %d, %d in frame %d", red_before, n - 1, red_after, n);
}

static void sentinel_is_its_own_chip(void **state)
{
    (void)state;
    static const char with[] = "procsim: 1\ntitle: t\nprocesses:\n"
                               "  - {name: a, program: [send c 5, send c none, cpu 50]}\n";
    static const char without[] = "procsim: 1\ntitle: t\nprocesses:\n"
                                  "  - {name: a, program: [send c 5, send c 6, cpu 50]}\n";
    gui_sim g;
    char err[600];
    memset(&g, 0, sizeof g);
    if (gui_sim_open_text(&g, "t.yaml", with, strlen(with), 0, err, sizeof err))
        fail_msg("%s", err);
    gui_sim_step(&g); /* tick 0: both sends */
    gui_layout L;
    layout_for(&L, 1280, 800, 1, &g);
    for (int lang = 0; lang < 2; lang++) {
        compute(&g, (gui_lang)lang, &L);
        check_panel(&L, "sentinel");
        assert_int_equal(count_style(GUI_RES_ITEM), 1);
        assert_int_equal(count_style(GUI_RES_NONE), 1);
        for (int i = 0; i < R.n; i++)
            if (R.item[i].style == GUI_RES_NONE)
                assert_string_equal(R.item[i].text, "None");
    }
    gui_sim_close(&g);
    gui_layout at, at2;
    SDL_Surface *f = frame(NULL, with, 40, &at), *f2 = frame(NULL, without, 40, &at2);
    int purple = count_pixels(f, &at, sentinel_purple), purple2 = count_pixels(f2, &at2, sentinel_purple);
    SDL_FreeSurface(f);
    SDL_FreeSurface(f2);
    if (purple < 100 || purple2 != 0)
        fail_msg("sentinel pixels: %d with it, %d without", purple, purple2);
}

/* The COPY chip of pid in R, or NULL. */
static const gui_res_item *copy_chip(uint32_t pid)
{
    for (int i = 0; i < R.n; i++)
        if (R.item[i].style == GUI_RES_COPY && R.item[i].pid == pid)
            return &R.item[i];
    return NULL;
}

static int says(const char *want)
{
    for (int i = 0; i < R.n; i++)
        if (strstr(R.item[i].text, want))
            return 1;
    return 0;
}

/* A copy is stale once another process has written since its read, as the
 * engine flags the lost update, even when the value has come back to what
 * it read: a's stale write at 5 puts x back to c's 1 (found in review). */
static void a_copy_is_stale_once_another_wrote(void **state)
{
    (void)state;
    static const char yaml[] =
        "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\nprocesses:\n"
        "  - {name: a, program: [add x 1]}\n"
        "  - {name: b, arrival: 1, program: [add x 1]}\n"
        "  - {name: c, arrival: 3, program: [add x 1]}\n"
        "events:\n  - {at: 1, do: suspend a}\n  - {at: 4, do: resume a}\n";
    gui_sim g;
    char err[600];
    memset(&g, 0, sizeof g);
    if (gui_sim_open_text(&g, "stale.yaml", yaml, strlen(yaml), 0, err, sizeof err))
        fail_msg("%s", err);
    gui_layout L;
    layout_for(&L, 1280, 800, 1, &g);
    int seen = 0;
    for (int i = 0; i < 100 && !gui_sim_done(&g); i++) {
        gui_sim_step(&g);
        compute(&g, GUI_EN, &L);
        for (int k = 0; k < R.n; k++) {
            const gui_res_item *it = &R.item[k];
            if (it->pid != 3 || (it->style != GUI_RES_FRESH && it->style != GUI_RES_STALE))
                continue;
            int64_t now = ps_engine_now(g.e);
            assert_int_equal(it->style, now >= 5 ? GUI_RES_STALE : GUI_RES_FRESH);
            seen |= now == 5;
        }
    }
    assert_true(seen);
    gui_sim_close(&g);
}

/* A private variable is shown as every created process's own copy (rule
 * P1: copied at spawn), never as one value with register copies or lost
 * updates; a shared one beside it keeps its rows.  At the end of
 * private-copy.yaml main's copy is 0 and each worker's 50. */
static void private_copies_are_each_process_own(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    static const char both[] =
        "procsim: 1\ntitle: t\nvariables: {mine: private}\nprocesses:\n"
        "  - {name: main, program: [add mine 2, spawn kid, add total 1, wait kid]}\n"
        "  - {name: kid, parent: main, program: [add mine 5, add total 1]}\n";
    const char *files[] = {"scenarios/seeds/private-copy.yaml", NULL};
    gui_layout L;
    for (int f = 0; f < 2; f++) {
        gui_sim g;
        char err[600];
        memset(&g, 0, sizeof g);
        if (files[f] ? gui_sim_open(&g, files[f], 0, err, sizeof err)
                     : gui_sim_open_text(&g, "both.yaml", both, strlen(both), 0, err, sizeof err))
            fail_msg("%s", err);
        layout_for(&L, 1280, 800, 1, &g);
        const ps_scenario *s = g.s;
        for (int steps = 0; steps < 1000; steps++) {
            for (int lang = 0; lang < 2; lang++) {
                compute(&g, (gui_lang)lang, &L);
                check_panel(&L, "private");
                for (uint32_t pid = 1; pid <= ps_engine_nprocs(g.e); pid++) {
                    const gui_res_item *c = copy_chip(pid);
                    char want[160];
                    snprintf(want, sizeof want, "%s %lld", ps_engine_pcb(g.e, pid)->name,
                             (long long)ps_engine_private(g.e, pid, 0));
                    if (ps_engine_pcb(g.e, pid)->created != (c != NULL))
                        fail_msg("pid %u: created %d, copy shown %d", pid,
                                 ps_engine_pcb(g.e, pid)->created, c != NULL);
                    if (c)
                        assert_string_equal(c->text, want);
                }
                assert_int_equal(count_style(GUI_RES_LOST), 0);
                if (files[f]) /* the only variable is private: no register copies */
                    assert_int_equal(count_style(GUI_RES_FRESH) + count_style(GUI_RES_STALE), 0);
                else /* the shared one keeps its value row */
                    assert_true(says(lang ? "아직 손실된 갱신 없음" : "no update lost yet") ||
                                says(lang ? "기대값" : "expected"));
                assert_true(says(lang ? "비공유" : "private"));
            }
            if (gui_sim_done(&g))
                break;
            gui_sim_step(&g);
        }
        assert_int_equal(g.status, PS_STEP_DONE);
        compute(&g, GUI_EN, &L);
        if (files[f]) {
            assert_string_equal(copy_chip(1)->text, "main 0");
            for (uint32_t pid = 2; pid <= s->nprocs; pid++) {
                char want[64];
                snprintf(want, sizeof want, "%s 50", s->procs[pid - 1].name);
                assert_string_equal(copy_chip(pid)->text, want);
            }
            assert_true(says("final: main sees 0; the others' copies add up to 150"));
            compute(&g, GUI_KO, &L);
            assert_true(says("최종: main에게는 0; 다른 프로세스의 사본 합 150은 공유되지 않음"));
        } else {
            assert_string_equal(copy_chip(1)->text, "main 2");
            assert_string_equal(copy_chip(2)->text, "kid 7"); /* 2 copied at spawn, then 5 */
            assert_true(says("final 2, 2 expected"));
        }
        gui_sim_close(&g);
    }
}

/* What happened, in order, as a second engine's two listeners hear it. */
typedef struct heard {
    int op; /* 0 a transition, 1 an op event */
    int64_t time;
    uint32_t pid, what, object;
    int64_t value;
} heard;

static heard said[20000];
static size_t nsaid;

static void hear_tr(void *ctx, const ps_trace_event *ev)
{
    (void)ctx;
    if (nsaid < sizeof said / sizeof said[0])
        said[nsaid++] = (heard){0, ev->time, ev->pid, (uint32_t)ev->from * 16u + ev->to, 0, 0};
}

static void hear_op(void *ctx, const ps_op_event *ev)
{
    (void)ctx;
    if (nsaid < sizeof said / sizeof said[0])
        said[nsaid++] = (heard){1, ev->time, ev->pid, ev->op, ev->object, ev->value};
}

/* The event log's lines are the transitions and op events in the order
 * they happened, at every instant (the newest 40 of them). */
static void log_has_op_events_in_order(void **state)
{
    (void)state;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    const char *files[] = {"tests/cli/counter-race-90.yaml", "scenarios/seeds/queue-sentinel.yaml",
                           "scenarios/seeds/join-timeout.yaml", "scenarios/seeds/pipe.yaml",
                           "scenarios/seeds/counter-lock.yaml"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        gui_sim g;
        char err[600];
        memset(&g, 0, sizeof g);
        if (gui_sim_open(&g, files[f], 0, err, sizeof err))
            fail_msg("%s", err);
        ps_engine *e = ps_engine_create(g.s);
        nsaid = 0;
        ps_engine_set_listener(e, hear_tr, NULL);
        ps_engine_set_op_listener(e, hear_op, NULL);
        int ops = 0;
        while (!gui_sim_done(&g)) {
            gui_sim_step(&g);
            ps_engine_step(e);
            gui_log_line line[40];
            int n = gui_sim_log_lines(&g, line, 40);
            assert_int_equal(n, nsaid < 40 ? (int)nsaid : 40);
            for (int k = 0; k < n; k++) {
                const heard *h = &said[nsaid - 1 - (size_t)k];
                heard got;
                if (line[k].op) {
                    const ps_op_event *o = &line[k].op->ev;
                    got = (heard){1, o->time, o->pid, o->op, o->object, o->value};
                    ops++;
                } else {
                    const ps_trace_event *t = &line[k].tr->ev;
                    got = (heard){0, t->time, t->pid, (uint32_t)t->from * 16u + t->to, 0, 0};
                }
                if (got.op != h->op || got.time != h->time || got.pid != h->pid ||
                    got.what != h->what || got.object != h->object || got.value != h->value)
                    fail_msg("%s at %lld: line %d from the end is %s %u at %lld, not %s %u at %lld",
                             files[f], (long long)ps_engine_now(e), k, got.op ? "op" : "transition",
                             got.what, (long long)got.time, h->op ? "op" : "transition", h->what,
                             (long long)h->time);
            }
        }
        assert_true(ops > 0);
        ps_engine_destroy(e);
        gui_sim_close(&g);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(panel_keeps_clear_at_every_instant),
        cmocka_unit_test(deadlock_is_drawn_as_its_cycle),
        cmocka_unit_test(lost_update_flashes),
        cmocka_unit_test(sentinel_is_its_own_chip),
        cmocka_unit_test(a_copy_is_stale_once_another_wrote),
        cmocka_unit_test(private_copies_are_each_process_own),
        cmocka_unit_test(log_has_op_events_in_order),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
