/* test_gui_layout.c — the diagram's layout as pure functions: an arrow for
 * every legal transition from its node to its node, nodes and labels that
 * do not overlap, arrows that cross no label, motion along an arrow,
 * easing, token slots and hit-testing — at several window sizes. */
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "testkit.h"
#include "i18n.h"
#include "layout.h"

static const struct {
    float w, h, scale;
} sizes[] = {{1024, 768, 1}, {1280, 800, 1}, {1920, 1080, 1}, {3840, 2160, 1}, {3840, 2160, 2},
             {1024, 640, 1}, {2560, 1600, 2}, {1600, 1000, 1}, {2048, 1536, 2}};

/* What else the layout is computed from: how much the window shows,
 * zoomed, in presentation mode, with the toolbar on two rows. */
static const gui_layout_in variants[] = {
    {.zoom = 1},
    {.zoom = 1, .nprocs = 5, .res_rows = 3},
    {.zoom = 1, .nprocs = 60, .res_rows = 20, .toolbar_rows = 2, .describe = 2, .describe_lines = 8},
    {.zoom = 1, .nprocs = 1000, .describe = 1},
    {.zoom = 1, .presentation = 1, .nprocs = 12, .res_rows = 2},
    {.zoom = GUI_ZOOM_MIN, .nprocs = 40, .res_rows = 5},
    {.zoom = 1.5f, .nprocs = 8, .res_rows = 2, .toolbar_rows = 2},
};
#define NVARIANTS (sizeof variants / sizeof variants[0])
#define NSIZES (sizeof sizes / sizeof sizes[0])

/* The layout of size z in variant v. */
static void layout_at(gui_layout *L, size_t z, size_t v)
{
    gui_layout_in in = variants[v];
    in.w = sizes[z].w;
    in.h = sizes[z].h;
    in.scale = sizes[z].scale;
    gui_layout_compute_in(L, &in);
}

static int on_border(gui_rect r, gui_point p)
{
    float e = 1.5f;
    int inside_x = p.x >= r.x - e && p.x <= r.x + r.w + e;
    int inside_y = p.y >= r.y - e && p.y <= r.y + r.h + e;
    int near_edge = fabsf(p.x - r.x) <= e || fabsf(p.x - r.x - r.w) <= e ||
                    fabsf(p.y - r.y) <= e || fabsf(p.y - r.y - r.h) <= e;
    return inside_x && inside_y && near_edge;
}

static void every_transition_has_an_arrow_between_its_nodes(void **state)
{
    (void)state;
    for (size_t z = 0; z < NSIZES; z++)
    for (size_t v = 0; v < NVARIANTS; v++) {
        gui_layout L;
        layout_at(&L, z, v);
        int arrows = 0;
        for (int f = 0; f <= PS_NONE; f++)
            for (int t = 0; t < PS_STATE_COUNT; t++)
                for (int ev = 0; ev < PS_EVENT_COUNT; ev++) {
                    ps_transition_kind k = ps_transition_classify(f, t, ev);
                    if (k == PS_TR_ILLEGAL)
                        continue;
                    const gui_arrow *a = gui_layout_arrow(&L, k, f);
                    if (!a)
                        fail_msg("no arrow for %s -> %s", ps_state_name(f), ps_state_name(t));
                    assert_int_equal(a->to, t);
                    assert_true(a->np >= 2);
                    if (f != PS_NONE && !on_border(L.node[f], a->p[0]))
                        fail_msg("%s -> %s starts off its node", ps_state_name(f), ps_state_name(t));
                    if (!on_border(L.node[t], a->p[a->np - 1]))
                        fail_msg("%s -> %s ends off its node", ps_state_name(f), ps_state_name(t));
                }
        for (int i = 0; i < L.narrow; i++) { /* and no arrow for anything else */
            int legal = 0;
            for (int ev = 0; ev < PS_EVENT_COUNT; ev++)
                legal |= ps_transition_classify(L.arrow[i].from, L.arrow[i].to, ev) == L.arrow[i].kind;
            arrows += legal;
        }
        assert_int_equal(L.narrow, 20); /* 14 kinds between fixed states + kill from 6 */
        assert_int_equal(arrows, 20);
    }
}

static int segment_hits(gui_point a, gui_point b, gui_rect r)
{
    float len = hypotf(b.x - a.x, b.y - a.y);
    for (float s = 0; s <= len; s += 0.5f) {
        float f = len > 0 ? s / len : 0;
        if (gui_rect_hit(r, a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f))
            return 1;
    }
    return 0;
}

static void nodes_labels_and_arrows_keep_clear(void **state)
{
    (void)state;
    for (size_t z = 0; z < NSIZES; z++)
    for (size_t v = 0; v < NVARIANTS; v++) {
        gui_layout L;
        layout_at(&L, z, v);
        for (int i = 0; i < PS_STATE_COUNT; i++) {
            gui_rect n = L.node[i];
            assert_true(n.x >= L.diagram.x && n.y >= L.diagram.y &&
                        n.x + n.w <= L.diagram.x + L.diagram.w &&
                        n.y + n.h <= L.diagram.y + L.diagram.h);
            for (int j = i + 1; j < PS_STATE_COUNT; j++)
                assert_false(gui_rect_overlap(n, L.node[j]));
        }
        int labels = 0;
        for (int i = 0; i < L.narrow; i++) {
            gui_rect li = L.arrow[i].label;
            if (li.w <= 0)
                continue;
            labels++;
            const char *what = ps_transition_name(L.arrow[i].kind);
            if (!gui_rect_hit(L.diagram, li.x, li.y) ||
                !gui_rect_hit(L.diagram, li.x + li.w, li.y + li.h))
                fail_msg("%gx%g v%zu: label of %s leaves the diagram", sizes[z].w, sizes[z].h, v, what);
            for (int s = 0; s < PS_STATE_COUNT; s++)
                if (gui_rect_overlap(li, L.node[s]))
                    fail_msg("%gx%g v%zu: label of %s covers node %s", sizes[z].w, sizes[z].h, v, what,
                             ps_state_name(s));
            for (int j = 0; j < L.narrow; j++) {
                if (j != i && L.arrow[j].label.w > 0 && gui_rect_overlap(li, L.arrow[j].label))
                    fail_msg("%gx%g v%zu: labels of %s and %s overlap", sizes[z].w, sizes[z].h, v, what,
                             ps_transition_name(L.arrow[j].kind));
                for (int k = 0; k + 1 < L.arrow[j].np; k++)
                    if (segment_hits(L.arrow[j].p[k], L.arrow[j].p[k + 1], li))
                        fail_msg("%gx%g v%zu: arrow %s -> %s crosses the label of %s", sizes[z].w,
                                 sizes[z].h, v, ps_state_name(L.arrow[j].from),
                                 ps_state_name(L.arrow[j].to), what);
            }
        }
        /* every kind but create, kill once; large type in a small window
           leaves out what would be crowded */
        if (variants[v].zoom <= 1 && !variants[v].presentation && variants[v].describe < 2)
            assert_int_equal(labels, 14);
        else if (labels < 7)
            fail_msg("%gx%g v%zu: only %d labels", sizes[z].w, sizes[z].h, v, labels);
    }
}

static int inside_window(const gui_layout *L, gui_rect r)
{
    return r.x >= 0 && r.y >= 0 && r.x + r.w <= L->w + 0.01f && r.y + r.h <= L->h + 0.01f;
}

/* Every panel inside the window, none on another, each of some size, at
 * every size and in every variant. */
static void panels_fill_the_window_without_overlap(void **state)
{
    (void)state;
    for (size_t z = 0; z < NSIZES; z++)
        for (size_t v = 0; v < NVARIANTS; v++) {
            gui_layout L;
            layout_at(&L, z, v);
            const struct {
                const char *name;
                gui_rect r;
            } p[] = {{"toolbar", L.toolbar}, {"header", L.header}, {"describe", L.describe},
                     {"diagram", L.diagram}, {"resources", L.resources}, {"gantt", L.gantt},
                     {"table", L.table}, {"detail", L.detail}, {"log", L.log}};
            int n = (int)(sizeof p / sizeof p[0]);
            float line = (float)L.font_px[0] * 1.3f;
            for (int i = 0; i < n; i++) {
                if (i == 2 && variants[v].describe != 2) {
                    assert_true(p[i].r.w == 0 && p[i].r.h == 0);
                    continue;
                }
                if (!inside_window(&L, p[i].r))
                    fail_msg("%gx%g v%zu: %s leaves the window", sizes[z].w, sizes[z].h, v, p[i].name);
                if (p[i].r.w < 10 * line || p[i].r.h < line)
                    fail_msg("%gx%g v%zu: %s is %gx%g", sizes[z].w, sizes[z].h, v, p[i].name,
                             p[i].r.w, p[i].r.h);
                for (int j = i + 1; j < n; j++)
                    if (gui_rect_overlap(p[i].r, p[j].r))
                        fail_msg("%gx%g v%zu: %s and %s overlap", sizes[z].w, sizes[z].h, v,
                                 p[i].name, p[j].name);
            }
            /* the toolbar holds its rows of buttons */
            int rows = variants[v].toolbar_rows > 0 ? variants[v].toolbar_rows : 1;
            assert_true(L.toolbar.h >= (float)rows * L.button_h);
            assert_true(L.button_h > (float)L.font_px[0] * 1.5f);
            /* the table shows every row it can, within bounds */
            if (variants[v].nprocs >= 60)
                assert_true(L.table.h < L.detail.h + L.log.h);
        }
}

/* Type legible on a 1024x768 projector, larger on larger screens (in
 * proportion: 4K is 2.5x or more 1280x800's), with the zoom, and in
 * presentation mode; a HiDPI screen's points as large as a plain one's. */
static void fonts_grow_with_the_window(void **state)
{
    (void)state;
    gui_layout a, b, c, d, hi, zoomed, small, shown;
    gui_layout_compute(&a, 1024, 768, 1);
    gui_layout_compute(&b, 1280, 800, 1);
    gui_layout_compute(&c, 1920, 1080, 1);
    gui_layout_compute(&d, 3840, 2160, 1);
    gui_layout_compute(&hi, 2048, 1536, 2); /* 1024x768 points */
    assert_true(a.font_px[0] >= 11 && a.font_px[1] >= 13);
    for (int k = 0; k < 3; k++) {
        assert_true(a.font_px[k] <= b.font_px[k] && b.font_px[k] < c.font_px[k] &&
                    c.font_px[k] < d.font_px[k]);
        assert_true((float)d.font_px[k] >= 2.5f * (float)b.font_px[k]);
        assert_true(hi.font_px[k] >= 2 * a.font_px[k] - 1);
        assert_true(b.font_px[0] < b.font_px[1] && b.font_px[1] < b.font_px[2]);
    }
    gui_layout_compute_in(&zoomed, &(gui_layout_in){.w = 1280, .h = 800, .scale = 1, .zoom = 2});
    gui_layout_compute_in(&small, &(gui_layout_in){.w = 1280, .h = 800, .scale = 1, .zoom = 0.1f});
    gui_layout_compute_in(&shown, &(gui_layout_in){.w = 1280, .h = 800, .scale = 1, .zoom = 1,
                                                   .presentation = 1});
    assert_int_equal(zoomed.font_px[1], 2 * b.font_px[1]);
    assert_int_equal(small.font_px[1], (int)lroundf(14 * GUI_ZOOM_MIN)); /* clamped */
    assert_true(shown.font_px[1] > b.font_px[1] + 4);
    assert_true(zoomed.unit > b.unit && fabsf(b.unit - 1) < 1e-6f);
}

static void motion_along_an_arrow(void **state)
{
    (void)state;
    gui_arrow a = {.np = 3, .p = {{0, 0}, {10, 0}, {10, 30}}};
    assert_true(fabsf(gui_arrow_length(&a) - 40) < 1e-4f);
    gui_point p = gui_arrow_point(&a, 0);
    assert_true(p.x == 0 && p.y == 0);
    p = gui_arrow_point(&a, 1);
    assert_true(p.x == 10 && p.y == 30);
    p = gui_arrow_point(&a, 0.25f); /* 10 of 40: the corner */
    assert_true(fabsf(p.x - 10) < 1e-3f && fabsf(p.y) < 1e-3f);
    p = gui_arrow_point(&a, 0.5f);
    assert_true(fabsf(p.x - 10) < 1e-3f && fabsf(p.y - 10) < 1e-3f);
    p = gui_arrow_point(&a, 7); /* clamped */
    assert_true(p.x == 10 && p.y == 30);
    assert_true(gui_ease(-1) == 0 && gui_ease(0) == 0 && gui_ease(1) == 1 && gui_ease(3) == 1);
    assert_true(fabsf(gui_ease(0.5f) - 0.5f) < 1e-6f);
    assert_true(gui_ease(0.1f) < 0.1f && gui_ease(0.9f) > 0.9f); /* slow start, slow end */
    for (float t = 0; t < 1; t += 0.01f)
        assert_true(gui_ease(t + 0.01f) >= gui_ease(t));
}

/* Every disc at rest, with the ring it wears when selected, lies wholly
 * inside its node, under its titles and off its border, and no two discs
 * of a queue meet (a gap of GUI_TOKEN_GAP at least), for queues of every
 * length up to past what fits. */
static void check_slots(const gui_layout *L, const char *where)
{
    float disc = L->token_r - 1e-3f, edge = 2 * L->scale; /* view.c's border; rounding */
    float r = disc + GUI_TOKEN_RING * L->scale;
    for (int s = 0; s < PS_STATE_COUNT; s++) {
        gui_rect b = L->node[s];
        int fits;
        gui_node_slot(L, (ps_state)s, 0, 1000, &fits);
        assert_true(fits < 1000);
        for (int n = 1; n <= fits + 2; n++) {
            int shown;
            gui_node_slot(L, (ps_state)s, 0, n, &shown);
            assert_int_equal(shown, n < fits ? n : fits);
            for (int i = 0; i < shown; i++) {
                gui_point p = gui_node_slot(L, (ps_state)s, i, n, NULL);
                int inside = p.x - r >= b.x + edge && p.x + r <= b.x + b.w - edge &&
                             p.y - r >= b.y + L->title_h && p.y + r <= b.y + b.h - edge;
                if (!inside)
                    fail_msg("%s: %s, token %d of %d at (%.1f, %.1f) r %.1f out of its node "
                             "(%.1f, %.1f, %.1f x %.1f, titles %.1f)",
                             where, ps_state_name((ps_state)s), i + 1, n, p.x, p.y, r, b.x, b.y,
                             b.w, b.h, L->title_h);
                for (int j = 0; j < i; j++) {
                    gui_point q = gui_node_slot(L, (ps_state)s, j, n, NULL);
                    if (hypotf(p.x - q.x, p.y - q.y) < 2 * disc + GUI_TOKEN_GAP * L->scale)
                        fail_msg("%s: %s, tokens %d and %d of %d meet", where,
                                 ps_state_name((ps_state)s), j + 1, i + 1, n);
                }
            }
        }
    }
}

static void tokens_queue_inside_their_node(void **state)
{
    (void)state;
    gui_layout L;
    gui_layout_compute(&L, 1280, 800, 1);
    for (int s = 0; s < PS_STATE_COUNT; s++) {
        int fits;
        gui_node_slot(&L, (ps_state)s, 0, 1000, &fits);
        assert_true(fits >= 4);
        /* one token sits in the middle */
        gui_point c = gui_node_slot(&L, (ps_state)s, 0, 1, NULL);
        assert_true(fabsf(c.x - (L.node[s].x + L.node[s].w / 2)) < 0.5f);
    }
    char where[96];
    for (size_t z = 0; z < NSIZES; z++) {
        for (size_t v = 0; v < NVARIANTS; v++) {
            layout_at(&L, z, v);
            snprintf(where, sizeof where, "%gx%g@%g variant %zu", sizes[z].w, sizes[z].h,
                     sizes[z].scale, v);
            check_slots(&L, where);
        }
        for (int p = 0; p <= 1; p++)
            for (float zoom = GUI_ZOOM_MIN; zoom <= GUI_ZOOM_MAX + 1e-3f; zoom += 0.1f) {
                gui_layout_compute_in(&L, &(gui_layout_in){.w = sizes[z].w, .h = sizes[z].h,
                                                          .scale = sizes[z].scale, .zoom = zoom,
                                                          .presentation = p, .nprocs = 12});
                snprintf(where, sizeof where, "%gx%g@%g zoom %.1f%s", sizes[z].w, sizes[z].h,
                         sizes[z].scale, zoom, p ? " presentation" : "");
                check_slots(&L, where);
            }
    }
}

/* The points tests/gui_quiz_window.sh clicks in a 1280x800 window are
 * inside the nodes it means (a change of the layout moves them: change
 * the script with it). */
static void the_window_tests_clicks_hit_their_nodes(void **state)
{
    (void)state;
    static const struct {
        float x, y;
        ps_state s;
    } clicks[] = {{334, 245, PS_READY}, {537, 245, PS_RUNNING}, {334, 377, PS_BLOCKED}};
    gui_layout L;
    gui_layout_compute(&L, 1280, 800, 1);
    for (size_t i = 0; i < sizeof clicks / sizeof clicks[0]; i++) {
        gui_rect n = L.node[clicks[i].s];
        /* well inside: a few pixels of slack for the window's frame */
        gui_rect inner = {n.x + 8, n.y + 8, n.w - 16, n.h - 16};
        if (!gui_rect_hit(inner, clicks[i].x, clicks[i].y))
            fail_msg("(%g,%g) is not well inside %s", clicks[i].x, clicks[i].y,
                     ps_state_name(clicks[i].s));
    }
}

static void hit_testing(void **state)
{
    (void)state;
    gui_rect r = {10, 20, 30, 40};
    assert_true(gui_rect_hit(r, 10, 20));
    assert_true(gui_rect_hit(r, 39.9f, 59.9f));
    assert_false(gui_rect_hit(r, 40, 30));
    assert_false(gui_rect_hit(r, 9.9f, 30));
    assert_true(gui_circle_hit((gui_point){0, 0}, 5, 3, 4));
    assert_false(gui_circle_hit((gui_point){0, 0}, 5, 4, 4));
    assert_true(gui_rect_overlap(r, (gui_rect){39, 59, 5, 5}));
    assert_false(gui_rect_overlap(r, (gui_rect){40, 20, 5, 5}));
}

/* Every cause has words in both languages (the GUI's log and cause line). */
static void every_cause_reads_in_both_languages(void **state)
{
    (void)state;
    ps_scenario *s = tk_load("procsim: 1\ntitle: t\nsystem: {memory: 50}\n"
                             "processes:\n  - {name: a, program: [send c 1, lock m, add v 1, io disk 1]}\n");
    ps_engine *e = ps_engine_create(s);
    for (int c = 0; c < PS_CAUSE_COUNT; c++) {
        ps_trace_event ev = {.pid = 1, .cause = (uint8_t)c, .a = 1, .b = 50};
        char en[256], ko[256];
        gui_cause_text(e, &ev, GUI_EN, en, sizeof en);
        gui_cause_text(e, &ev, GUI_KO, ko, sizeof ko);
        if (!en[0] || !ko[0])
            fail_msg("cause %d has no words", c);
    }
    for (int w = 0; w < GUI_WORD_COUNT; w++)
        assert_true(gui_word_text((gui_word)w, GUI_KO)[0] && gui_word_text((gui_word)w, GUI_EN)[0]);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* The CPU count in words; `cpus: auto` says it is the machine's. */
static void cpu_count_says_when_it_is_the_machines(void **state)
{
    (void)state;
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    char auto_en[64], auto_ko[64];
    snprintf(auto_en, sizeof auto_en, online == 1 ? "%ld CPU (auto)" : "%ld CPUs (auto)", online);
    snprintf(auto_ko, sizeof auto_ko, "CPU %ld개 (자동: 이 컴퓨터의 수)", online);
    static const struct {
        const char *cpus;
        const char *en, *ko;
    } cases[] = {{"1", "1 CPU", "CPU 1개"}, {"4", "4 CPUs", "CPU 4개"}, {"auto", NULL, NULL}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char yaml[256], en[64], ko[64];
        snprintf(yaml, sizeof yaml,
                 "procsim: 1\ntitle: t\nsystem: {cpus: %s}\nprocesses:\n  - {name: a, program: [cpu 1]}\n",
                 cases[i].cpus);
        ps_scenario *s = tk_load(yaml);
        assert_string_equal(gui_cpus_text(s, GUI_EN, en, sizeof en), cases[i].en ? cases[i].en : auto_en);
        assert_string_equal(gui_cpus_text(s, GUI_KO, ko, sizeof ko), cases[i].ko ? cases[i].ko : auto_ko);
        ps_scenario_destroy(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_transition_has_an_arrow_between_its_nodes),
        cmocka_unit_test(nodes_labels_and_arrows_keep_clear),
        cmocka_unit_test(panels_fill_the_window_without_overlap),
        cmocka_unit_test(fonts_grow_with_the_window),
        cmocka_unit_test(motion_along_an_arrow),
        cmocka_unit_test(tokens_queue_inside_their_node),
        cmocka_unit_test(hit_testing),
        cmocka_unit_test(the_window_tests_clicks_hit_their_nodes),
        cmocka_unit_test(every_cause_reads_in_both_languages),
        cmocka_unit_test(cpu_count_says_when_it_is_the_machines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
