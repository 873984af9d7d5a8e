/* test_gui_fit.c — real frames, headless, at 1024x768, 1280x800, 1920x1080
 * and 3840x2160, in English and Korean, for a scenario of long names
 * (Latin and Hangul) and one of 60 processes, the last frames in
 * presentation mode: no text is drawn over another, and none over a state
 * node but the node's own (docs/gui.md, "Sizes, zoom and presentation
 * mode", states the rule; the recorder of text.h gives the boxes of every
 * text a frame drew, cut to their clip).
 *
 *   - Two texts overlap when their boxes share more than a pixel each way
 *     (a pixel: positions are rounded).  That is allowed only where an
 *     opaque chip or disc (a cover) drawn after the first hides it: a
 *     token passing over an arrow's label, its number on its disc.
 *   - A text that touches a node lies wholly inside it (its titles, its
 *     tokens' numbers and labels), or wholly inside a chip of its own (a
 *     token on its way in or out, over the node's border).
 *   - A token at rest lies under its node's titles, and no two meet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "testkit.h"
#include "app.h"
#include "gui.h"

static const struct {
    int w, h;
} sizes[] = {{1024, 768}, {1280, 800}, {1920, 1080}, {3840, 2160}};

static int contains(SDL_Rect out, SDL_Rect in)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}

/* The boxes' common part, if more than a pixel each way. */
static int overlap(SDL_Rect a, SDL_Rect b, SDL_Rect *common)
{
    return SDL_IntersectRect(&a, &b, common) && common->w > 1 && common->h > 1;
}

static SDL_Rect of(gui_rect r)
{
    return (SDL_Rect){(int)r.x, (int)r.y, (int)(r.x + r.w) - (int)r.x, (int)(r.y + r.h) - (int)r.y};
}

/* The longest name a process may have (64 syllables, 192 bytes), and its
 * first 30 syllables: a text that shows those shows it whole, or is cut
 * with its whole on hover. */
#define NAME64 "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아"
#define NAME64_START "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나"

/* A cover drawn between marks i and j (i < k <= j) that holds `part`. */
static int covered(const gui_text_mark *m, int i, int j, SDL_Rect part)
{
    for (int k = i + 1; k <= j; k++)
        if (m[k].cover && contains(m[k].box, part))
            return 1;
    return 0;
}

/* The rule, on one frame's marks; fails naming the two texts. */
static void check_marks(const gui_text_mark *m, int n, const gui_layout *L, const char *what)
{
    int texts = 0;
    for (int j = 0; j < n; j++) {
        if (m[j].cover)
            continue;
        texts++;
        SDL_Rect b = m[j].box, part;
        if (!m[j].valid)
            fail_msg("%s: the text at (%d,%d) is not valid UTF-8: a character cut", what, b.x,
                     b.y);
        if (b.w + 1 < m[j].w && !m[j].fitted)
            fail_msg("%s: '%s' (%d,%d) is clipped, %d of %d pixels shown, with no '..' and no "
                     "hover", what, m[j].s, b.x, b.y, b.w, m[j].w);
        for (int i = 0; i < j; i++)
            if (!m[i].cover && overlap(m[i].box, b, &part) && !covered(m, i, j, part))
                fail_msg("%s: '%s' (%d,%d %dx%d) is drawn over '%s' (%d,%d %dx%d)", what, m[j].s,
                         b.x, b.y, b.w, b.h, m[i].s, m[i].box.x, m[i].box.y, m[i].box.w,
                         m[i].box.h);
        /* what a person can read of it; the log wraps a long line, the
         * rest of a name on its next row */
        const char *seen = m[j].fitted ? m[j].whole : m[j].s;
        if (strstr(seen, NAME64_START) && !strstr(seen, NAME64) && !contains(of(L->log), b))
            fail_msg("%s: '%s' (%d,%d) shows part of the 64-syllable name with no way to see "
                     "all of it", what, seen, b.x, b.y);
        for (int s = 0; s < PS_STATE_COUNT; s++) {
            SDL_Rect node = of(L->node[s]);
            if (!overlap(node, b, &part) || contains(node, b))
                continue;
            if (!covered(m, -1, j, b))
                fail_msg("%s: '%s' (%d,%d %dx%d) runs over the node %s", what, m[j].s, b.x, b.y,
                         b.w, b.h, ps_state_name((ps_state)s));
        }
    }
    if (texts < 40)
        fail_msg("%s: only %d texts drawn", what, texts);
}

/* The tokens at rest (a token's disc is a cover of its size; one wholly
 * inside a node is queued there, one on its way is over a border): with
 * the ring they wear when selected, under their node's titles and off its
 * border; over none of its texts (the "+k" of a full queue); and no two
 * meet (layout.h, gui_node_slot). */
static void check_tokens(const gui_text_mark *m, int n, const gui_layout *L, const char *what)
{
    int d = (int)(2 * L->token_r), ring = (int)ceilf(GUI_TOKEN_RING * L->scale);
    int edge = (int)(2 * L->scale); /* view.c's border */
    for (int j = 0; j < n; j++) {
        SDL_Rect b = m[j].box;
        if (!m[j].cover || abs(b.w - d) > 1 || abs(b.h - d) > 1)
            continue;
        for (int s = 0; s < PS_STATE_COUNT; s++) {
            SDL_Rect node = of(L->node[s]);
            if (!contains(node, b))
                continue;
            SDL_Rect in = {node.x + edge - 1, node.y + (int)L->title_h - 1,
                           node.w - 2 * edge + 2, node.h - (int)L->title_h - edge + 2};
            SDL_Rect worn = {b.x - ring, b.y - ring, b.w + 2 * ring, b.h + 2 * ring};
            if (!contains(in, worn))
                fail_msg("%s: a token (%d,%d %dx%d) with its ring runs over the titles or the "
                         "border of %s", what, b.x, b.y, b.w, b.h, ps_state_name((ps_state)s));
            for (int i = 0; i < j; i++)
                if (!m[i].cover && contains(node, m[i].box) && SDL_HasIntersection(&m[i].box, &b))
                    fail_msg("%s: a token (%d,%d) is drawn over '%s' in %s", what, b.x, b.y,
                             m[i].s, ps_state_name((ps_state)s));
            for (int i = 0; i < j; i++)
                if (m[i].cover && contains(node, m[i].box) && abs(m[i].box.w - d) <= 1 &&
                    abs(m[i].box.h - d) <= 1 && SDL_HasIntersection(&m[i].box, &b))
                    fail_msg("%s: two tokens meet in %s (%d,%d and %d,%d)", what,
                             ps_state_name((ps_state)s), m[i].box.x, m[i].box.y, b.x, b.y);
        }
    }
}

/* A text inside a node (its titles, a full queue's "+k") stays off the
 * node's border at its sides and bottom (a title's box, taller than its
 * letters, may touch the top one). */
static void check_node_texts(const gui_text_mark *m, int n, const gui_layout *L, const char *what)
{
    int edge = (int)(2 * L->scale);
    for (int j = 0; j < n; j++)
        for (int s = 0; s < PS_STATE_COUNT && !m[j].cover; s++) {
            SDL_Rect node = of(L->node[s]), b = m[j].box;
            SDL_Rect in = {node.x + edge, node.y, node.w - 2 * edge, node.h - edge};
            if (contains(node, b) && !contains(in, b))
                fail_msg("%s: '%s' (%d,%d %dx%d) runs over the border of %s", what, m[j].s, b.x,
                         b.y, b.w, b.h, ps_state_name((ps_state)s));
        }
}

/* `yaml` rendered for `frames` frames at each size, in each language. */
static void check_everywhere(const char *yaml, const char *name, const int *frames, int nframes)
{
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++)
        for (int lang = 0; lang < 2; lang++)
            for (int k = 0; k < nframes; k++) {
                /* the last frames in presentation mode (large type) */
                gui_options o = {.lang = lang, .frames = frames[k], .width = sizes[z].w,
                                 .height = sizes[z].h, .text = yaml, .text_len = strlen(yaml),
                                 .text_name = name, .select = 1, .fullscreen = k + 1 == nframes};
                SDL_Surface *f;
                gui_text_mark *m;
                int n;
                gui_layout L;
                assert_int_equal(gui_render_frames_texts(&o, &f, &m, &n, &L), 0);
                char what[160];
                snprintf(what, sizeof what, "%s %dx%d %s frame %d%s", name, sizes[z].w, sizes[z].h,
                         lang ? "ko" : "en", frames[k], o.fullscreen ? " presentation" : "");
                check_marks(m, n, &L, what);
                check_tokens(m, n, &L, what);
                check_node_texts(m, n, &L, what);
                free(m);
                SDL_FreeSurface(f);
            }
}

/* Names of 24 characters (the most the window shows whole where there is
 * room), Latin and Hangul, a parent's among them, numbered copies told
 * apart by their end; and one of 64 Hangul syllables, the longest a name
 * may be, which every buffer must hold whole and every cut must cut at a
 * character. */
static const char long_names[] =
    "procsim: 1\ntitle: long names, 아주 긴 제목 생산자와 소비자가 작업 대기열을 두고 기다리는 생산자와 소비자가 작업 대기열을 두고 기다리는 생산자와 소비자가 작업 대기열을 두고 기다리는 생산자와 소비자가 작업 대기열을 두고 기다리는 생산자와 소비자가 작업 대기열을 두고 기다리는 생산자와 소비자가 작업 대기열을 두고 기다리는 생산자와 소비자가 작업 대기열을 두고 기다리는 생산자와 소비자가 작업 대기열을 두고 기다리는\nsystem: {cpus: 2, policy: rr, quantum: 2}\n"
    "devices: [disk]\nprocesses:\n"
    "  - {name: producer-with-a-long-name, program: [send work-queue-long-name 1, cpu 3,"
    " io disk 2, send work-queue-long-name 2, spawn consumer-1-with-longtail, cpu 4,"
    " wait consumer-1-with-longtail]}\n"
    "  - {name: consumer-1-with-longtail, parent: producer-with-a-long-name,"
    " program: [recv work-queue-long-name, cpu 2]}\n"
    "  - {name: consumer-2-with-longtail, program: [recv work-queue-long-name, cpu 5,"
    " io disk 1]}\n"
    "  - {name: a_logger_that_sleeps_long, program: [sleep 4, cpu 1, sleep 3, cpu 1]}\n"
    "  - {name: Compiler.Stage-2.Optimiz, program: [cpu 6, io disk 3, cpu 2]}\n"
    "  - {name: 생산자-프로세스-이름이-아주-긴-것임-이십사, program: [cpu 2, sleep 2, cpu 3]}\n"
    "  - {name: 소비자-1, program: [sleep 1, recv work-queue-long-name, cpu 2]}\n"
    /* the longest name there is: 64 syllables, 192 bytes */
    "  - {name: " NAME64 ", program: [cpu 3, io disk 2, cpu 1]}\n";

static void long_names_keep_clear(void **state)
{
    (void)state;
    static const int frames[] = {20, 75, 150};
    check_everywhere(long_names, "long.yaml", frames, 3);
    for (int lang = 0; lang < 2; lang++) { /* its PCB: the name in its lines */
        gui_options o = {.lang = lang, .frames = 20, .width = 1280, .height = 800,
                         .text = long_names, .text_len = strlen(long_names),
                         .text_name = "long.yaml", .select = 8};
        SDL_Surface *f;
        gui_text_mark *m;
        int n;
        gui_layout L;
        assert_int_equal(gui_render_frames_texts(&o, &f, &m, &n, &L), 0);
        check_marks(m, n, &L, lang ? "long.yaml, its PCB, ko" : "long.yaml, its PCB, en");
        free(m);
        SDL_FreeSurface(f);
    }
}

static void sixty_processes_keep_clear(void **state)
{
    (void)state;
    char *yaml = malloc(8192);
    assert_non_null(yaml);
    int n = snprintf(yaml, 8192, "procsim: 1\ntitle: sixty\nsystem: {cpus: 4, policy: rr, "
                                 "quantum: 1}\ndevices: [disk]\nprocesses:\n");
    for (int p = 0; p < 60; p++)
        n += snprintf(yaml + n, (size_t)(8192 - n),
                      "  - {name: worker-%02d, arrival: %d, program: [cpu 2, io disk 1, cpu 3]}\n",
                      p, p % 7);
    static const int frames[] = {30, 120};
    check_everywhere(yaml, "sixty.yaml", frames, 2);
    free(yaml);
}

/* The tour at its end, its last process selected: Exit holds five and
 * shows three; the selected one is one of the three, not drawn over the
 * "+k" of the other two. */
static void the_selected_token_keeps_off_the_count(void **state)
{
    (void)state;
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++)
        for (int lang = 0; lang < 2; lang++) {
            gui_options o = {.lang = lang, .frames = 400, .width = sizes[z].w,
                             .height = sizes[z].h, .select_name = "runaway"};
            SDL_Surface *f;
            gui_text_mark *m;
            int n;
            gui_layout L;
            assert_int_equal(gui_render_frames_texts(&o, &f, &m, &n, &L), 0);
            char what[96];
            snprintf(what, sizeof what, "tour %dx%d %s, runaway selected", sizes[z].w, sizes[z].h,
                     lang ? "ko" : "en");
            check_marks(m, n, &L, what);
            check_tokens(m, n, &L, what);
            check_node_texts(m, n, &L, what);
            free(m);
            SDL_FreeSurface(f);
        }
}

/* Is the text nothing but a log line's tick and mark ("   12", "3 *")? */
static int only_tick(const char *s)
{
    return s[0] && strspn(s, " 0123456789*\xc2\xb7") == strlen(s);
}

/* A name longer than the event log is wide: its lines wrap inside the
 * name, never leaving the tick alone on the first row. */
static void log_lines_keep_their_tick_with_words(void **state)
{
    (void)state;
    static const char yaml[] =
        "procsim: 1\ntitle: a long name\nprocesses:\n"
        "  - {name: a-process-whose-name-is-far-too-long-for-one-line-of-the-log, "
        "program: [cpu 2, sleep 1, cpu 2]}\n"
        "  - {name: 이름이-아주-아주-긴-프로세스-로그-한-줄에-다-들어가지-않는-이름, "
        "program: [cpu 1, sleep 2, cpu 1]}\n";
    for (int lang = 0; lang < 2; lang++) {
        gui_options o = {.lang = lang, .frames = 150, .width = 1024, .height = 768, .text = yaml,
                         .text_len = strlen(yaml), .text_name = "long.yaml"};
        SDL_Surface *f;
        gui_text_mark *m;
        int n, first_rows = 0;
        gui_layout L;
        assert_int_equal(gui_render_frames_texts(&o, &f, &m, &n, &L), 0);
        SDL_Rect log = of(L.log);
        for (int i = 0; i < n; i++) {
            if (m[i].cover || !contains(log, m[i].box))
                continue;
            if (only_tick(m[i].s))
                fail_msg("%s: the log's line '%s' is its tick alone", lang ? "ko" : "en", m[i].s);
            size_t d = strspn(m[i].s, " 0123456789");
            first_rows += d > 0 && (!strncmp(m[i].s + d, "a-process", 9) ||
                                    !strncmp(m[i].s + d, "이름이", 9));
        }
        if (first_rows < 2)
            fail_msg("%s: only %d log lines of the long names", lang ? "ko" : "en", first_rows);
        free(m);
        SDL_FreeSurface(f);
    }
}

/* The table scrolls to the selected process: with 60, the 45th's row is
 * drawn inside the table at every size, the first's is not. */
static void the_table_scrolls_to_the_selected_row(void **state)
{
    (void)state;
    char yaml[4096];
    int n = snprintf(yaml, sizeof yaml, "procsim: 1\ntitle: sixty\nprocesses:\n");
    for (int p = 0; p < 60; p++)
        n += snprintf(yaml + n, sizeof yaml - (size_t)n, "  - {name: w%02d, program: [cpu 2]}\n", p);
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        gui_options o = {.lang = 0, .frames = 2, .width = sizes[z].w, .height = sizes[z].h,
                         .text = yaml, .text_len = strlen(yaml), .text_name = "sixty.yaml",
                         .select = 45};
        SDL_Surface *f;
        gui_text_mark *m;
        int nm, w44 = 0, w00 = 0;
        gui_layout L;
        assert_int_equal(gui_render_frames_texts(&o, &f, &m, &nm, &L), 0);
        SDL_Rect table = of(L.table);
        for (int i = 0; i < nm; i++)
            if (!m[i].cover && contains(table, m[i].box)) {
                w44 += !strcmp(m[i].s, "w44");
                w00 += !strcmp(m[i].s, "w00");
            }
        if (w44 != 1 || w00 != 0)
            fail_msg("%dx%d: w44 drawn %d times in the table, w00 %d times", sizes[z].w,
                     sizes[z].h, w44, w00);
        free(m);
        SDL_FreeSurface(f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_names_keep_clear),
        cmocka_unit_test(sixty_processes_keep_clear),
        cmocka_unit_test(the_selected_token_keeps_off_the_count),
        cmocka_unit_test(the_table_scrolls_to_the_selected_row),
        cmocka_unit_test(log_lines_keep_their_tick_with_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
