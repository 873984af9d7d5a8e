/* test_gui_gantt.c — the window's Gantt chart (gui/gantt.h, gantt_view.h):
 * the axis's label steps, the CPU lanes of a known two-CPU schedule (idle
 * included, and the open slice while the run goes on, as procsim/gantt.h
 * sees it), the view window's zoom and scroll clamping, the SVG (well
 * formed, every slice in it, names escaped), the CPU lanes in a frame of
 * the window, and procsim gui --gantt-png
 * (a PNG of the size expected with no display; the errors). */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clikit.h"
#include "draw.h"
#include "gantt_view.h"
#include "utf8.h"
#include "testkit.h"
#include "text.h"

/* FCFS on two CPUs: A on CPU 0 for 5 ticks, B on CPU 1 for 3, C arriving
 * at 4 on the CPU that is free, CPU 1; the run ends at 6. */
static const char two_cpus[] =
    "procsim: 1\n"
    "title: Fish & <chips>\n"
    "system: {policy: fcfs, cpus: 2}\n"
    "processes:\n"
    "  - {name: A, program: [cpu 5]}\n"
    "  - {name: B, program: [cpu 3]}\n"
    "  - {name: C, arrival: 4, program: [cpu 2]}\n";

static void open_run(gui_sim *g, int64_t until)
{
    char err[600];
    *g = (gui_sim){0};
    if (gui_sim_open_text(g, "two-cpus.yaml", two_cpus, sizeof two_cpus - 1, 0, err, sizeof err))
        fail_msg("%s", err);
    while ((until < 0 || ps_engine_now(g->e) < until) && gui_sim_step(g) == PS_STEP_OK)
        ;
}

/* ---- the axis ------------------------------------------------------------ */

static void the_axis_steps_are_1_2_5_times_a_power_of_ten(void **state)
{
    (void)state;
    static const struct {
        double px_per_tick, min_px;
        int64_t step;
    } cases[] = {
        {100, 30, 1},   {30, 30, 1},     {29.9, 30, 2}, {15, 30, 2},     {14.9, 30, 5},
        {6, 30, 5},     {5.9, 30, 10},   {3, 30, 10},   {1, 30, 50},     {0.6, 30, 50},
        {0.5, 30, 100}, {0.01, 40, 5000}, {0.001, 40, 50000}, {0, 30, 1}, {-1, 30, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t got = gui_gantt_step(cases[i].px_per_tick, cases[i].min_px);
        if (got != cases[i].step)
            fail_msg("%g px a tick, labels %g px apart: step %lld, expected %lld",
                     cases[i].px_per_tick, cases[i].min_px, (long long)got,
                     (long long)cases[i].step);
    }
}

/* ---- the CPU lanes -------------------------------------------------------- */

typedef struct seen {
    ps_slice v[16];
    uint32_t cpu[16];
    int n;
} seen;

static void collect(void *ctx, uint32_t cpu, ps_slice s)
{
    seen *k = ctx;
    assert_true(k->n < 16);
    k->cpu[k->n] = cpu;
    k->v[k->n++] = s;
}

static void cpu_lanes_show_who_ran_where_and_idle(void **state)
{
    (void)state;
    static const struct {
        uint32_t cpu, pid; /* 0: idle */
        int64_t from, to;
    } want[] = {{0, 1, 0, 5}, {0, 0, 5, 6}, {1, 2, 0, 3}, {1, 0, 3, 4}, {1, 3, 4, 6}};
    gui_sim g;
    open_run(&g, -1);
    assert_int_equal(g.status, PS_STEP_DONE);
    assert_int_equal(g.gantt.ncpu, 2);
    assert_int_equal(g.gantt.end, 6);
    seen k = {0};
    for (uint32_t c = 0; c < 2; c++)
        gui_gantt_cpu_each(&g.gantt, c, ps_engine_now(g.e), 0, 20, collect, &k);
    assert_int_equal(k.n, sizeof want / sizeof want[0]);
    for (int i = 0; i < k.n; i++) {
        assert_int_equal(k.cpu[i], want[i].cpu);
        assert_int_equal(k.v[i].pid, want[i].pid);
        assert_int_equal(k.v[i].from, want[i].from);
        assert_int_equal(k.v[i].to, want[i].to);
    }
    /* a window in the middle: only the slices that overlap it */
    k.n = 0;
    gui_gantt_cpu_each(&g.gantt, 1, 6, 3.5, 4, collect, &k);
    assert_int_equal(k.n, 1);
    assert_int_equal(k.v[0].pid, 0);
    assert_int_equal(k.v[0].from, 3);
    gui_sim_close(&g);
}

static void the_open_slice_is_seen_while_the_run_goes_on(void **state)
{
    (void)state;
    gui_sim g;
    open_run(&g, 1); /* to B's end at 3: A's slice is still open */
    assert_int_equal(g.status, PS_STEP_OK);
    assert_int_equal(ps_engine_now(g.e), 3);
    assert_int_equal(g.gantt.end, -1);
    assert_int_equal(g.gantt.cpu[0].n, 0);
    /* procsim/gantt.h: who runs, from the open slice on */
    assert_int_equal(ps_gantt_at(&g.gantt, 0, 0), 1);
    assert_int_equal(ps_gantt_at(&g.gantt, 0, 2), 1);
    assert_int_equal(ps_gantt_at(&g.gantt, 0, 9), 1);
    assert_int_equal(ps_gantt_at(&g.gantt, 1, 2), 2);
    assert_int_equal(ps_gantt_at(&g.gantt, 1, 3), 0); /* idle, open */
    /* the chart: A up to now; CPU 1's idle slice has no length yet */
    seen k = {0};
    for (uint32_t c = 0; c < 2; c++)
        gui_gantt_cpu_each(&g.gantt, c, ps_engine_now(g.e), 0, 20, collect, &k);
    assert_int_equal(k.n, 2);
    assert_int_equal(k.cpu[0], 0);
    assert_int_equal(k.v[0].pid, 1);
    assert_int_equal(k.v[0].to, 3);
    assert_int_equal(k.v[1].pid, 2);
    assert_int_equal(k.v[1].to, 3);
    /* C comes at 4 to CPU 1: its idle slice closes, C's opens */
    while (ps_engine_now(g.e) < 4 && gui_sim_step(&g) == PS_STEP_OK)
        ;
    assert_int_equal(ps_gantt_at(&g.gantt, 1, 3), 0);
    assert_int_equal(ps_gantt_at(&g.gantt, 1, 4), 3);
    assert_int_equal(ps_gantt_at(&g.gantt, 0, 3), 1);
    /* a step back re-makes the recorder with the engine */
    assert_int_equal(gui_sim_back(&g), 0);
    assert_int_equal(ps_engine_now(g.e), 3);
    assert_int_equal(ps_gantt_at(&g.gantt, 0, 1), 1);
    assert_int_equal(ps_gantt_at(&g.gantt, 1, 4), 0); /* C not yet */
    assert_int_equal(g.gantt.end, -1);
    gui_sim_close(&g);
}

/* ---- the view window ------------------------------------------------------ */

static void window(const gui_gantt *m, int64_t now, double t0, double t1)
{
    double a, b;
    gui_gantt_window(m, now, &a, &b);
    if (a < t0 - 1e-6 || a > t0 + 1e-6 || b < t1 - 1e-6 || b > t1 + 1e-6)
        fail_msg("window [%g, %g), expected [%g, %g)", a, b, t0, t1);
}

static void zoom_and_scroll_stay_within_the_run(void **state)
{
    (void)state;
    gui_gantt m = {0};
    window(&m, 5, 0, 20);   /* the whole run, at least 20 ticks */
    window(&m, 100, 0, 101);
    gui_gantt_scroll(&m, -10, 100); /* not zoomed: nothing to scroll */
    window(&m, 100, 0, 101);
    /* from the whole run, zoom in at tick 10: it stays where it is */
    gui_gantt_zoom(&m, 0.5, 10, 100);
    double t0, t1;
    gui_gantt_window(&m, 100, &t0, &t1);
    assert_float_equal(t1 - t0, 50.5, 1e-6);
    assert_float_equal((10 - t0) / (t1 - t0), 10.0 / 101, 1e-6);
    assert_true(m.back);
    /* scrolled before the start: at the start */
    gui_gantt_scroll(&m, -1000, 100);
    window(&m, 100, 0, 50.5);
    /* the playhead moves on, the window stays */
    window(&m, 200, 0, 50.5);
    /* scrolled past now: following it, now 9/10 along */
    gui_gantt_scroll(&m, 1000, 200);
    assert_false(m.back);
    window(&m, 200, 200 - 0.9 * 50.5, 200 + 0.1 * 50.5);
    window(&m, 300, 300 - 0.9 * 50.5, 300 + 0.1 * 50.5);
    /* zoomed and following, zooming keeps following */
    gui_gantt_zoom(&m, 0.5, 0, 300);
    assert_false(m.back);
    window(&m, 300, 300 - 0.9 * 25.25, 300 + 0.1 * 25.25);
    /* never less than GUI_GANTT_MIN_SPAN ticks */
    for (int i = 0; i < 20; i++)
        gui_gantt_zoom(&m, 0.5, 290, 300);
    gui_gantt_window(&m, 300, &t0, &t1);
    assert_float_equal(t1 - t0, GUI_GANTT_MIN_SPAN, 1e-3);
    /* early in a run, following from tick 0 */
    window(&m, 1, 0, GUI_GANTT_MIN_SPAN);
    /* zoomed out to the whole run: the whole run again, following it */
    for (int i = 0; i < 40; i++)
        gui_gantt_zoom(&m, 2, 290, 300);
    assert_true(m.span == 0);
    window(&m, 300, 0, 301);
    window(&m, 400, 0, 401);
}

/* Forty processes in a short chart: the window's lanes stay a line tall
 * (each keeps its name) and show those from the table's first row on,
 * clamped so the last ones fill the chart; all that fit: nothing moves. */
static void lanes_too_many_for_the_chart_scroll_a_line_tall(void **state)
{
    (void)state;
    gui_gantt_geom G;
    const float lh = 14;
    gui_gantt_place(&G, (gui_rect){0, 0, 600, 200}, lh, 1, 80, 2, 40, 0, 20);
    assert_true(G.proc_h < lh); /* squeezed by place */
    gui_gantt_lanes_from(&G, 1, lh, 5);
    assert_true(G.proc_h == lh);
    assert_true(G.shown > 0 && G.shown < 40);
    assert_int_equal(G.first, 5);
    assert_true(G.proc_y + (float)G.shown * lh <= G.legend_y);
    assert_false(gui_gantt_row_shown(&G, 4));
    assert_true(gui_gantt_row_shown(&G, 5));
    assert_true(gui_gantt_row_shown(&G, 5 + G.shown - 1));
    assert_false(gui_gantt_row_shown(&G, 5 + G.shown));
    assert_true(gui_gantt_row_y(&G, 5) == G.proc_y);
    gui_gantt_lanes_from(&G, 1, lh, 38); /* past the end: the last ones */
    assert_int_equal(G.first, 40 - G.shown);
    gui_gantt_lanes_from(&G, 1, lh, UINT32_MAX);
    assert_int_equal(G.first, 40 - G.shown);
    gui_gantt_place(&G, (gui_rect){0, 0, 600, 400}, lh, 1, 80, 2, 4, 0, 20);
    gui_gantt_geom before = G;
    gui_gantt_lanes_from(&G, 1, lh, 3); /* four fit: as placed */
    assert_int_equal(G.first, 0);
    assert_int_equal(G.shown, 4);
    assert_true(G.proc_h == before.proc_h);
}

/* The tooltip's lookup: what is under a point of the chart, in words. */
static void hovering_says_what_is_under_the_mouse(void **state)
{
    (void)state;
    gui_sim g;
    open_run(&g, -1);
    gui_gantt m = {0};
    assert_int_equal(gui_gantt_reserve(&m, 3), 0);
    uint32_t rows = gui_gantt_rows(&m, &g);
    assert_int_equal(rows, 3);
    gui_gantt_geom G;
    gui_gantt_place(&G, (gui_rect){0, 0, 600, 300}, 14, 1, 80, 2, rows, 0, 10);
    const float mid_cpu = G.cpu_h / 2, mid_row = G.proc_h / 2;
    static const struct {
        int lane;          /* 0, 1: CPU; 2, 3, 4: the lanes of A, B, C */
        double t;          /* the tick under the mouse; < 0: the names' column */
        gui_gantt_on on;
        const char *en;
    } cases[] = {
        {0, 2.5, GUI_GANTT_ON_CPU, "CPU 0: A [0, 5)"},
        {0, 5.5, GUI_GANTT_ON_CPU, "CPU 0: idle [5, 6)"},
        {1, 0.1, GUI_GANTT_ON_CPU, "CPU 1: B [0, 3)"},
        {1, 3.5, GUI_GANTT_ON_CPU, "CPU 1: idle [3, 4)"},
        {1, 4.1, GUI_GANTT_ON_CPU, "CPU 1: C [4, 6)"},
        {1, 8, GUI_GANTT_NOTHING, ""},              /* after the end */
        {2, 4.9, GUI_GANTT_ON_PROC, "A: Running [0, 5)"},
        {3, 2, GUI_GANTT_ON_PROC, "B: Running [0, 3)"},
        {4, 5, GUI_GANTT_ON_PROC, "C: Running [4, 6)"},
        {4, 1, GUI_GANTT_ON_PROC, "C"},             /* not yet created */
        {3, 7, GUI_GANTT_ON_PROC, "B"},             /* gone */
        {3, -1, GUI_GANTT_ON_PROC, "B"},            /* the names' column */
    };
    char got[128];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int l = cases[i].lane;
        float y = l < 2 ? gui_gantt_cpu_y(&G, (uint32_t)l) + mid_cpu
                        : gui_gantt_row_y(&G, (uint32_t)l - 2) + mid_row;
        float x = cases[i].t < 0 ? G.label_x + 2 : gui_gantt_x(&G, cases[i].t);
        gui_gantt_hit h;
        assert_int_equal(gui_gantt_at(&m, &g, &G, x, y, &h), cases[i].on);
        gui_gantt_hit_text(&h, &g, GUI_EN, got, sizeof got);
        if (strcmp(got, cases[i].en))
            fail_msg("lane %d at %g: '%s', expected '%s'", l, cases[i].t, got, cases[i].en);
        assert_true(y >= h.lane.y && y < h.lane.y + h.lane.h);
    }
    /* nowhere near a lane: the axis, right of the plot */
    gui_gantt_hit h;
    assert_int_equal(gui_gantt_at(&m, &g, &G, gui_gantt_x(&G, 2), G.axis_y + 1, &h),
                     GUI_GANTT_NOTHING);
    assert_int_equal(gui_gantt_at(&m, &g, &G, G.plot.x + G.plot.w + 1,
                                  gui_gantt_cpu_y(&G, 0) + mid_cpu, &h),
                     GUI_GANTT_NOTHING);
    /* in Korean: the state's and idle's words */
    char want[128];
    gui_gantt_at(&m, &g, &G, gui_gantt_x(&G, 2), gui_gantt_row_y(&G, 0) + mid_row, &h);
    gui_gantt_hit_text(&h, &g, GUI_KO, got, sizeof got);
    snprintf(want, sizeof want, "A: %s [0, 5)", gui_state_text(PS_RUNNING, GUI_KO));
    assert_string_equal(got, want);
    gui_gantt_at(&m, &g, &G, gui_gantt_x(&G, 5.5), gui_gantt_cpu_y(&G, 0) + mid_cpu, &h);
    gui_gantt_hit_text(&h, &g, GUI_KO, got, sizeof got);
    snprintf(want, sizeof want, "CPU 0: %s [5, 6)", gui_word_text(GUI_W_IDLE, GUI_KO));
    assert_string_equal(got, want);
    /* lanes scrolled with the table: the lane under the mouse is the one drawn there */
    gui_gantt_place(&G, (gui_rect){0, 0, 600, 120}, 14, 1, 80, 2, rows, 0, 10);
    gui_gantt_lanes_from(&G, 1, 14, 2);
    assert_true(G.first > 0 && G.shown > 0 && G.shown < rows);
    gui_gantt_at(&m, &g, &G, gui_gantt_x(&G, 5), gui_gantt_row_y(&G, G.first) + 7, &h);
    assert_int_equal(h.pid, G.first + 1);
    gui_gantt_fini(&m);
    gui_sim_close(&g);
}

static void a_picture_is_the_whole_run_to_its_end(void **state)
{
    (void)state;
    gui_sim g;
    open_run(&g, 1);
    double t0, t1;
    gui_gantt_whole(&g.gantt, ps_engine_now(g.e), &t0, &t1); /* going on: as the window */
    assert_true(t0 == 0 && t1 == GUI_GANTT_MIN_WHOLE);
    while (gui_sim_step(&g) == PS_STEP_OK)
        ;
    gui_gantt_whole(&g.gantt, ps_engine_now(g.e), &t0, &t1); /* ended at 6 */
    assert_true(t0 == 0 && t1 == 6);
    gui_sim_close(&g);
}

/* ---- SVG -------------------------------------------------------------------- */

/* Well formed as far as this chart needs: after the prolog, tags that
 * nest and close, attribute values quoted, and no '&' but an entity. */
static int well_formed(const char *s)
{
    const char *stack[64];
    size_t len[64];
    int depth = 0, roots = 0;
    if (strncmp(s, "<?xml ", 6) || !(s = strstr(s, "?>")))
        return 0;
    for (s += 2; *s;) {
        if (*s == '&') {
            static const char *const ents[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
            size_t i = 0;
            while (i < 5 && strncmp(s, ents[i], strlen(ents[i])))
                i++;
            if (i == 5)
                return 0;
            s += strlen(ents[i]);
        } else if (*s == '<') {
            int closing = s[1] == '/';
            const char *name = s + 1 + closing, *end = name;
            while (*end && !strchr(" />", *end))
                end++;
            const char *gt = end;
            char quote = 0;
            for (; *gt && (quote || *gt != '>'); gt++)
                if (*gt == '"' || *gt == '\'')
                    quote = quote == *gt ? 0 : quote ? quote : *gt;
                else if (quote && *gt == '<')
                    return 0;
            if (!*gt || end == name)
                return 0;
            int empty = gt[-1] == '/';
            if (closing) {
                if (!depth || len[depth - 1] != (size_t)(end - name) ||
                    strncmp(stack[depth - 1], name, len[depth - 1]))
                    return 0;
                depth--;
            } else if (!empty) {
                if (depth == 0)
                    roots++;
                if (depth == 64)
                    return 0;
                stack[depth] = name;
                len[depth++] = (size_t)(end - name);
            } else if (depth == 0) {
                return 0;
            }
            s = gt + 1;
        } else if (*s == '>') {
            return 0;
        } else {
            s++;
        }
    }
    return depth == 0 && roots == 1;
}

static char *svg_of(const gui_sim *g, gui_lang lang)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    assert_int_equal(gui_gantt_svg(f, g, lang, 900), 0);
    fclose(f);
    return buf;
}

static void the_svg_is_well_formed_with_every_slice(void **state)
{
    (void)state;
    static const char *const slices[] = {"CPU 0: A [0, 5)", "CPU 0: idle [5, 6)",
                                         "CPU 1: B [0, 3)", "CPU 1: idle [3, 4)",
                                         "CPU 1: C [4, 6)"};
    gui_sim g;
    open_run(&g, -1);
    char *svg = svg_of(&g, GUI_EN);
    assert_true(well_formed(svg));
    assert_non_null(strstr(svg, "xmlns=\"http://www.w3.org/2000/svg\""));
    for (size_t i = 0; i < sizeof slices / sizeof slices[0]; i++)
        if (!strstr(svg, slices[i]))
            fail_msg("no slice \"%s\" in the SVG", slices[i]);
    assert_non_null(strstr(svg, "A: Running [0, 5)")); /* a process lane */
    assert_non_null(strstr(svg, "Fish &amp; &lt;chips&gt;")); /* the title, escaped */
    free(svg);
    svg = svg_of(&g, GUI_KO);
    assert_true(well_formed(svg));
    assert_non_null(strstr(svg, "CPU 1: 유휴 [3, 4)"));
    assert_non_null(strstr(svg, "간트 차트"));
    free(svg);
    /* the checker itself refuses what is not */
    assert_false(well_formed("<?xml version=\"1.0\"?><svg><rect></svg>"));
    assert_false(well_formed("<?xml version=\"1.0\"?><svg><text>a & b</text></svg>"));
    assert_true(well_formed("<?xml version=\"1.0\"?><svg><text>a &amp; b</text><rect/></svg>"));
    gui_sim_close(&g);
}

/* The longest name (64 syllables, 192 bytes) whole in its tooltips, and a
 * Hangul title longer than the chart's title buffer cut at a character:
 * the SVG stays well formed and valid UTF-8. */
static void the_svg_holds_the_longest_hangul_names(void **state)
{
    (void)state;
    static const char yaml[] = "procsim: 1\ntitle: 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목 생산자와 소비자가 기다리는 긴 제목\n"
                               "processes:\n  - {name: 가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아, program: [cpu 3]}\n";
    const char *name = "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아";
    char err[600], want[400];
    gui_sim g = {0};
    if (gui_sim_open_text(&g, "long.yaml", yaml, sizeof yaml - 1, 0, err, sizeof err))
        fail_msg("%s", err);
    while (gui_sim_step(&g) == PS_STEP_OK)
        ;
    for (int lang = 0; lang < 2; lang++) {
        char *svg = svg_of(&g, (gui_lang)lang);
        assert_true(well_formed(svg));
        if (!gui_utf8_valid(svg, strlen(svg)))
            fail_msg("the SVG (%s) is not valid UTF-8", lang ? "ko" : "en");
        snprintf(want, sizeof want, "CPU 0: %s [0, 3)", name);
        if (!strstr(svg, want))
            fail_msg("no whole name in \"%s\"", want);
        snprintf(want, sizeof want, "%s: %s [0, 3)", name, lang ? "실행" : "Running");
        if (!strstr(svg, want))
            fail_msg("no whole name in \"%s\"", want);
        free(svg);
    }
    gui_sim_close(&g);
}

/* ---- in the window --------------------------------------------------------- */

static int count_rgb(SDL_Surface *f, SDL_Color c)
{
    int n = 0;
    Uint32 want = (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
    for (int y = 0; y < f->h; y++)
        for (int x = 0; x < f->w; x++)
            n += (((Uint32 *)((Uint8 *)f->pixels + y * f->pitch))[x] & 0xffffff) == want;
    return n;
}

static void the_window_draws_the_cpu_lanes(void **state)
{
    (void)state;
    /* the run over (6 ticks at 32x), the chart of 20 ticks: A's 5 ticks on
       CPU 0 in its colour, 2 ticks of idle grey; elsewhere that colour is
       only A's token and swatch, the grey only the legend's square */
    gui_options o = {.text = two_cpus, .text_len = sizeof two_cpus - 1,
                     .text_name = "two-cpus.yaml", .frames = 200, .speed = 32, .width = 1280,
                     .height = 800, .lang = GUI_KO};
    SDL_Surface *f;
    assert_int_equal(gui_render_frames(&o, &f), 0);
    int a = count_rgb(f, gui_token_color(1)), idle = count_rgb(f, gui_rgba(GUI_GANTT_IDLE, 255));
    SDL_FreeSurface(f);
    if (a < 1200 || idle < 500)
        fail_msg("%d pixels of A's colour, %d of idle grey", a, idle);
}

/* ---- procsim gui --gantt-png ---------------------------------------------- */

/* The height a chart of ncpu CPUs and nrows processes gets in the PNG:
 * its lanes all at their most, at --gantt-png's font sizes for its width. */
static int png_height(int width, uint32_t ncpu, uint32_t nrows)
{
    char err[256];
    int px[3];
    gui_gantt_png_fonts(width, px);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 32, SDL_PIXELFORMAT_XRGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    gui_text *t = gui_text_create(r, px[0], px[1], px[2], GUI_EN, err, sizeof err);
    assert_non_null(t);
    float lh = (float)gui_text_line_height(t, GUI_SMALL);
    gui_text_destroy(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    return (int)gui_gantt_height(lh, (float)px[0] / 12, ncpu, nrows);
}

static void gantt_png_writes_the_chart_with_no_display(void **state)
{
    (void)state;
    static const struct {
        const char *file, *size;
        int w;
        uint32_t ncpu, nrows;
    } cases[] = {{"scenarios/policies/rr.yaml", NULL, 1200, 1, 3},
                 {"scenarios/labs/worker-pool.yaml", "800x600", 800, 0, 0},
                 {"scenarios/policies/fcfs.yaml", "1920x1080", 1920, 1, 3},
                 {"scenarios/policies/sjf.yaml", "3840x2160", 3840, 1, 4}};
    char dir[] = "/tmp/procsim-gantt-XXXXXX";
    assert_non_null(mkdtemp(dir));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char png[600];
        snprintf(png, sizeof png, "%s/chart.png", dir);
        const char *args[] = {"gui", cases[i].file, "--gantt-png", png, "--lang", "ko",
                              cases[i].size ? "--size" : NULL, cases[i].size, NULL};
        result r = procsim(args);
        SDL_Surface *img = IMG_Load(png);
        int w = img ? img->w : 0, h = img ? img->h : 0;
        SDL_FreeSurface(img);
        unlink(png); /* before any assertion: a failure leaves nothing */
        if (r.status != 0)
            fail_msg("%s: exit %d: %s", cases[i].file, r.status, r.err);
        assert_int_equal(w, cases[i].w);
        if (cases[i].ncpu) /* worker-pool's CPUs are the machine's */
            assert_int_equal(h, png_height(w, cases[i].ncpu, cases[i].nrows));
        else
            assert_true(h > 100);
        result_free(&r);
    }
    rmdir(dir);
}

/* --gantt-png (and --screenshot) to chart.png and chart.svg standing for
 * /dev/full (the name must say the format): every write fails, the last
 * one too, where IMG_SavePNG's own close would not tell. */
static void the_disk_full_is_said(void)
{
    char dir[] = "/tmp/procsim-full-XXXXXX", png[64], svg[64];
    assert_non_null(mkdtemp(dir));
    snprintf(png, sizeof png, "%s/chart.png", dir);
    snprintf(svg, sizeof svg, "%s/chart.svg", dir);
    int made = symlink("/dev/full", png) == 0 && symlink("/dev/full", svg) == 0;
    const char *const runs[][7] = {
        {"gui", "scenarios/policies/rr.yaml", "--gantt-png", png, NULL},
        {"gui", "scenarios/policies/rr.yaml", "--gantt-png", svg, NULL},
        /* the window's screenshot, written the same way */
        {"gui", "scenarios/policies/rr.yaml", "--frames", "2", "--screenshot", png, NULL},
    };
    result r[3] = {{0}};
    for (int i = 0; made && i < 3; i++)
        r[i] = procsim(runs[i]);
    unlink(png); /* before any assertion: a failure leaves nothing */
    unlink(svg);
    rmdir(dir);
    assert_true(made);
    for (int i = 0; i < 3; i++) {
        if (r[i].status != 1 || !strstr(r[i].err, "No space left on device"))
            fail_msg("%s %s: exit %d: %s", runs[i][2], runs[i][3], r[i].status, r[i].err);
        result_free(&r[i]);
    }
}

static void gantt_png_errors_say_why(void **state)
{
    (void)state;
    static const cli_case cases[] = {
        {{"gui", "scenarios/policies/rr.yaml", "--gantt-png", "/nonexistent-dir/chart.png"},
         1, NULL, "cannot write /nonexistent-dir/chart.png"},
        {{"gui", "scenarios/policies/rr.yaml", "--gantt-png", "/nonexistent-dir/chart.svg"},
         1, NULL, "cannot write /nonexistent-dir/chart.svg: No such file"},
        {{"gui", "no-such-file.yaml", "--gantt-png", "/tmp/never-written.png"}, 2, NULL,
         "no-such-file.yaml"},
        {{"gui", "scenarios/policies/rr.yaml", "--live", "--gantt-png", "/tmp/never.png"}, 2,
         NULL, "not with --live"},
        {{"gui", "scenarios/policies/rr.yaml", "--gantt-png", "/tmp/never.png", "--frames", "3"},
         2, NULL, "not with --frames"},
        {{"gui", "scenarios/policies/rr.yaml", "--gantt-png", "/tmp/never.png", "--compare",
          "fcfs,rr:4"},
         2, NULL, "not with --compare"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0], NULL);
    static const cli_case named[] = { /* the name says the format */
        {{"gui", "scenarios/policies/rr.yaml", "--gantt-png", "/tmp/never.jpg"}, 2, NULL,
         "--gantt-png wants a FILE ending .png or .svg"},
        {{"gui", "scenarios/policies/rr.yaml", "--gantt-png", "/tmp/never"}, 2, NULL,
         "got '/tmp/never'"},
    };
    check_cases(named, sizeof named / sizeof named[0], NULL);
    assert_int_equal(access("/tmp/never.jpg", F_OK), -1);
    assert_int_equal(access("/tmp/never", F_OK), -1);
    if (access("/dev/full", W_OK) == 0) /* the disk full at the last write: said, exit 1 */
        the_disk_full_is_said();
    assert_int_equal(access("/tmp/never-written.png", F_OK), -1);
    assert_int_equal(access("/tmp/never.png", F_OK), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_axis_steps_are_1_2_5_times_a_power_of_ten),
        cmocka_unit_test(cpu_lanes_show_who_ran_where_and_idle),
        cmocka_unit_test(the_open_slice_is_seen_while_the_run_goes_on),
        cmocka_unit_test(zoom_and_scroll_stay_within_the_run),
        cmocka_unit_test(lanes_too_many_for_the_chart_scroll_a_line_tall),
        cmocka_unit_test(hovering_says_what_is_under_the_mouse),
        cmocka_unit_test(a_picture_is_the_whole_run_to_its_end),
        cmocka_unit_test(the_svg_is_well_formed_with_every_slice),
        cmocka_unit_test(the_svg_holds_the_longest_hangul_names),
        cmocka_unit_test(the_window_draws_the_cpu_lanes),
        cmocka_unit_test(gantt_png_writes_the_chart_with_no_display),
        cmocka_unit_test(gantt_png_errors_say_why),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
