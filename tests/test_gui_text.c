/* test_gui_text.c — fonts and cached text (gui/text.h), drawn with SDL's
 * software renderer onto an SDL_Surface and read back pixel by pixel: no
 * window and no video driver needed.
 *
 * Needs the fonts from fonts-dejavu-core and fonts-nanum (or
 * fonts-noto-cjk), as installed on the project's machines and in CI. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "text.h"
#include "utf8.h"

enum { W = 480, H = 160 };

static const SDL_Color white = {255, 255, 255, 255};
static const SDL_Color red = {255, 0, 0, 255};

typedef struct fixture {
    SDL_Surface *surf; /* the render target, XRGB8888 */
    SDL_Renderer *r;   /* software renderer drawing into surf */
    gui_text *t;       /* at 11, 13, 18 px */
} fixture;

static uint32_t pixels[W * H]; /* last frame read back */

static int setup(void **state)
{
    static fixture f;
    char err[256] = "";
    f.surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
    assert_non_null(f.surf);
    f.r = SDL_CreateSoftwareRenderer(f.surf);
    assert_non_null(f.r);
    f.t = gui_text_create(f.r, 11, 13, 18, GUI_EN, err, sizeof err);
    if (!f.t)
        fail_msg("gui_text_create: %s", err);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    gui_text_destroy(f->t); /* before the renderer that owns its textures */
    SDL_DestroyRenderer(f->r);
    SDL_FreeSurface(f->surf);
    return 0;
}

static void clear(fixture *f)
{
    SDL_SetRenderDrawColor(f->r, 0, 0, 0, 255);
    SDL_RenderClear(f->r);
}

static void read_back(fixture *f)
{
    assert_int_equal(SDL_RenderReadPixels(f->r, NULL, SDL_PIXELFORMAT_RGB888, pixels, W * 4), 0);
}

static int lit(uint32_t p)
{
    return ((p >> 16) & 0xFF) > 64 || ((p >> 8) & 0xFF) > 64 || (p & 0xFF) > 64;
}

typedef struct ink {
    int n;                  /* lit pixels */
    int x0, y0, x1, y1;     /* their bounding box, inclusive */
} ink;

static ink ink_of_frame(fixture *f)
{
    ink k = {0, W, H, -1, -1};
    read_back(f);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            if (lit(pixels[y * W + x])) {
                k.n++;
                k.x0 = x < k.x0 ? x : k.x0;
                k.y0 = y < k.y0 ? y : k.y0;
                k.x1 = x > k.x1 ? x : k.x1;
                k.y1 = y > k.y1 ? y : k.y1;
            }
    return k;
}

/* Draw `s` alone at (x, y) in white and check that ink appears, all of it
 * inside the box (x, y, width returned, line height). Returns the width. */
static int draw_in_box(fixture *f, const char *s, gui_font_size size, int x, int y)
{
    clear(f);
    int w = gui_text_draw(f->t, s, size, white, x, y);
    ink k = ink_of_frame(f);
    int lh = gui_text_line_height(f->t, size);
    assert_true(k.n > 20);
    assert_true(k.x0 >= x && k.x1 < x + w);
    assert_true(k.y0 >= y && k.y1 < y + lh);
    assert_true(k.x1 - k.x0 + 1 >= w / 2); /* the ink fills the width */
    return w;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int font_file(const char *path)
{
    FILE *fp;
    if (!path || !(ends_with(path, ".ttf") || ends_with(path, ".ttc") || ends_with(path, ".otf")))
        return 0;
    fp = fopen(path, "rb");
    if (fp)
        fclose(fp);
    return fp != NULL;
}

static void test_fonts_found(void **state)
{
    fixture *f = *state;
    const char *latin = gui_text_latin_path(f->t), *hangul = gui_text_hangul_path(f->t);
    print_message("latin font:  %s\nhangul font: %s\n", latin ? latin : "(none)",
                  hangul ? hangul : "(none)");
    assert_true(font_file(latin));
    assert_non_null(strstr(latin, "DejaVuSans"));
    assert_int_equal(gui_text_has_hangul(f->t), 1);
    assert_true(font_file(hangul));
}

static void test_latin_text_is_drawn_in_its_box(void **state)
{
    int w = draw_in_box(*state, "Ready", GUI_NORMAL, 20, 30);
    assert_in_range(w, 5 * 4, 5 * 13);
}

static void test_hangul_text_is_drawn_in_its_box(void **state)
{
    int w = draw_in_box(*state, "준비", GUI_NORMAL, 20, 30);
    assert_in_range(w, 2 * 8, 2 * 16);
    w = draw_in_box(*state, "준비 Ready 대기", GUI_LARGE, 5, 5);
    assert_true(w > 0);
}

/* With the Latin font, every Hangul syllable would be the same tofu box:
 * two different syllables must give two different pictures. */
static void test_hangul_glyphs_are_not_tofu(void **state)
{
    static uint32_t first[W * H];
    fixture *f = *state;
    int differ = 0;

    draw_in_box(f, "준", GUI_LARGE, 10, 10);
    memcpy(first, pixels, sizeof pixels);
    draw_in_box(f, "비", GUI_LARGE, 10, 10);
    for (int i = 0; i < W * H; i++)
        differ += lit(first[i]) != lit(pixels[i]);
    assert_true(differ > 20);
}

static void test_measure_matches_draw(void **state)
{
    static const char *const strings[] = {
        "Ready", "Blocked/Suspended", "P12 · 42 ms", "준비", "실행 중", "대기 (Blocked)", "ㅎ",
        "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab" /* 한 as conjoining jamo */,
    };
    fixture *f = *state;
    int prev_lh = 0;

    for (int size = GUI_SMALL; size <= GUI_LARGE; size++) {
        int lh = gui_text_line_height(f->t, size);
        assert_true(lh > prev_lh);
        prev_lh = lh;
        for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) {
            int mw = -1, mh = -1;
            gui_text_measure(f->t, strings[i], size, &mw, &mh);
            clear(f);
            assert_int_equal(gui_text_draw(f->t, strings[i], size, white, 0, 0), mw);
            assert_true(mw > 0);
            assert_true(mh > 0 && mh <= lh + 2);
        }
    }
}

/* Cutting to a width: what fits stays; what does not is cut at character
 * boundaries with "..", keeping a number at its end so copies differ. */
static void test_fit_keeps_numbers_and_characters(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *in, *tail; /* tail: how the cut text must end */
    } cases[] = {
        {"consumer-12", "..-12"}, {"ForkPoolWorker_3", ".._3"}, {"worker.7", "...7"},
        {"생산자-소비자-2", "..-2"}, {"alongnamewithoutnumber", ".."},
    };
    char empty[4] = "";
    gui_text_fit(f->t, empty, sizeof empty, GUI_SMALL, -5); /* nothing to cut */
    assert_string_equal(empty, "");
    char huge[300]; /* longer than the copy fit keeps: still cut whole */
    memset(huge, 'x', sizeof huge - 1);
    huge[sizeof huge - 1] = 0;
    gui_text_fit(f->t, huge, sizeof huge, GUI_SMALL, 50);
    int hw;
    gui_text_measure(f->t, huge, GUI_SMALL, &hw, NULL);
    assert_true(hw <= 50 && strstr(huge, ".."));
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char s[64];
        int full, w;
        snprintf(s, sizeof s, "%s", cases[i].in);
        gui_text_measure(f->t, s, GUI_SMALL, &full, NULL);
        gui_text_fit(f->t, s, sizeof s, GUI_SMALL, (float)full);
        assert_string_equal(s, cases[i].in); /* it fits: untouched */
        gui_text_fit(f->t, s, sizeof s, GUI_SMALL, (float)full * 0.6f);
        gui_text_measure(f->t, s, GUI_SMALL, &w, NULL);
        assert_true((float)w <= (float)full * 0.6f);
        size_t n = strlen(s), t = strlen(cases[i].tail);
        if (n < t || strcmp(s + n - t, cases[i].tail))
            fail_msg("%s cut to %s: does not end in %s", cases[i].in, s, cases[i].tail);
        for (size_t k = 0; k < n;) { /* whole UTF-8 characters only */
            unsigned char c = (unsigned char)s[k];
            size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            assert_true(c < 0x80 || c >= 0xc0);
            for (size_t j = 1; j < len; j++)
                assert_true(k + j < n && ((unsigned char)s[k + j] & 0xc0) == 0x80);
            k += len;
        }
    }
}

static void test_centred_text_is_centred(void **state)
{
    fixture *f = *state;
    clear(f);
    gui_text_draw_centered(f->t, "Running", GUI_LARGE, white, 200, 80);
    ink k = ink_of_frame(f);
    assert_true(k.n > 50);
    assert_in_range((k.x0 + k.x1) / 2, 200 - 3, 200 + 3);
    assert_in_range((k.y0 + k.y1) / 2, 80 - 5, 80 + 5);
}

static void test_colour_is_part_of_the_key(void **state)
{
    static uint32_t white_frame[W * H];
    fixture *f = *state;
    int red_px = 0;

    draw_in_box(f, "Ready", GUI_NORMAL, 10, 10);
    memcpy(white_frame, pixels, sizeof pixels);

    clear(f);
    gui_text_draw(f->t, "Ready", GUI_NORMAL, red, 10, 10);
    read_back(f);
    for (int i = 0; i < W * H; i++) {
        assert_int_equal(pixels[i] & 0x00FFFF, 0); /* no green, no blue */
        red_px += ((pixels[i] >> 16) & 0xFF) > 64;
    }
    assert_true(red_px > 20);

    draw_in_box(f, "Ready", GUI_NORMAL, 10, 10);
    assert_memory_equal(pixels, white_frame, sizeof pixels);
}

/* The same string 1000 times gives the same picture; 5000 distinct strings
 * (more than the cache holds) still draw, and the first string afterwards
 * is still drawn the same.  Under LeakSanitizer this also shows that
 * flushing the cache frees what it held. */
static void test_cache_repeats_and_stays_bounded(void **state)
{
    static uint32_t first[W * H];
    fixture *f = *state;
    char label[32];

    int w0 = draw_in_box(f, "Ready", GUI_NORMAL, 10, 10);
    memcpy(first, pixels, sizeof pixels);
    for (int i = 0; i < 1000; i++) {
        clear(f);
        assert_int_equal(gui_text_draw(f->t, "Ready", GUI_NORMAL, white, 10, 10), w0);
    }
    read_back(f);
    assert_memory_equal(pixels, first, sizeof pixels);

    for (int i = 0; i < 5000; i++) {
        int mw;
        snprintf(label, sizeof label, i % 2 ? "P%d" : "프로세스 %d", i);
        gui_text_measure(f->t, label, (gui_font_size)(i % 3), &mw, NULL);
        assert_int_equal(gui_text_draw(f->t, label, (gui_font_size)(i % 3), white, 0, 0), mw);
        assert_true(mw > 0);
    }

    draw_in_box(f, "Ready", GUI_NORMAL, 10, 10);
    assert_memory_equal(pixels, first, sizeof pixels);
}

static void test_null_empty_and_invalid_utf8(void **state)
{
    static const char *const bad[] = {
        "\xff\xfe", "\xff", "\xe1", "\xed\x95", "A\xed\x95", "\xc0\x80", "\xed\xa0\x80",
        "\xf4\x90\x80\x80", "\xef\xbf\xbd", "준\xff비", "\xea\xb0", "\t\n\r",
    };
    fixture *f = *state;
    char long_s[301];
    int w = -1, h = -1;

    assert_int_equal(gui_text_draw(f->t, NULL, GUI_NORMAL, white, 0, 0), 0);
    assert_int_equal(gui_text_draw(f->t, "", GUI_NORMAL, white, 0, 0), 0);
    assert_int_equal(gui_text_draw(NULL, "Ready", GUI_NORMAL, white, 0, 0), 0);
    assert_int_equal(gui_text_draw(f->t, "Ready", (gui_font_size)7, white, 0, 0), 0);
    gui_text_draw_centered(f->t, NULL, GUI_NORMAL, white, 10, 10);
    gui_text_draw_centered(f->t, "", GUI_NORMAL, white, 10, 10);
    gui_text_draw_centered(NULL, "Ready", GUI_NORMAL, white, 10, 10);
    gui_text_measure(f->t, NULL, GUI_NORMAL, &w, &h);
    assert_int_equal(w, 0);
    assert_int_equal(h, 0);
    gui_text_measure(f->t, "", GUI_NORMAL, &w, &h);
    assert_int_equal(w, 0);
    gui_text_measure(NULL, "Ready", GUI_NORMAL, &w, &h);
    assert_int_equal(w, 0);
    gui_text_measure(f->t, "Ready", GUI_NORMAL, NULL, NULL);
    assert_int_equal(gui_text_line_height(NULL, GUI_NORMAL), 0);
    assert_int_equal(gui_text_has_hangul(NULL), 0);
    assert_null(gui_text_latin_path(NULL));
    assert_null(gui_text_hangul_path(NULL));
    gui_text_destroy(NULL);

    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        for (int size = GUI_SMALL; size <= GUI_LARGE; size++) {
            clear(f);
            assert_true(gui_text_draw(f->t, bad[i], size, white, 5, 5) >= 0);
            gui_text_draw_centered(f->t, bad[i], size, red, 100, 50);
            gui_text_measure(f->t, bad[i], size, &w, &h);
            assert_true(w >= 0 && h >= 0);
        }
    }

    memset(long_s, 'x', sizeof long_s - 1);
    long_s[sizeof long_s - 1] = '\0';
    assert_true(gui_text_draw(f->t, long_s, GUI_LARGE, white, -100, -5) >= 0);
}

static void test_bad_arguments_to_create(void **state)
{
    fixture *f = *state;
    char err[128] = "";
    assert_null(gui_text_create(NULL, 11, 13, 18, GUI_EN, err, sizeof err));
    assert_true(err[0] != '\0');
    assert_null(gui_text_create(f->r, 11, 0, 18, GUI_EN, NULL, 0)); /* no buffer: no write */
}

/* In a child (the environment is process-wide), point fontconfig at a
 * configuration holding only the fonts of `dir` (none if NULL) and
 * check that gui_text_create refuses with the expected message.  The
 * child's exit status says which check failed. */
static int no_latin_child(SDL_Renderer *r, const char *dir)
{
    char conf[] = "/tmp/test_gui_text_XXXXXX";
    char err[256] = "";
    int fd = mkstemp(conf);
    FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!fp)
        return 10;
    fprintf(fp, "<?xml version=\"1.0\"?>\n<fontconfig>%s%s%s</fontconfig>\n",
            dir ? "<dir>" : "", dir ? dir : "", dir ? "</dir>" : "");
    fclose(fp);
    setenv("FONTCONFIG_FILE", conf, 1);
    char err_ko[256] = "";
    gui_text *t = gui_text_create(r, 11, 13, 18, GUI_EN, err, sizeof err);
    gui_text *t_ko = gui_text_create(r, 11, 13, 18, GUI_KO, err_ko, sizeof err_ko);
    unlink(conf);
    if (t || t_ko)
        return 12;
    if (strcmp(err, "no Latin font found: install fonts-dejavu-core") != 0)
        return 13;
    if (strcmp(err_ko, "라틴 글꼴을 찾을 수 없습니다: fonts-dejavu-core를 설치하십시오") != 0)
        return 14; /* said in Korean too */
    return 0;
}

static void test_missing_latin_font_is_an_error(void **state)
{
    fixture *f = *state;
    char dir[512];
    const char *hangul = gui_text_hangul_path(f->t);

    assert_non_null(hangul);
    snprintf(dir, sizeof dir, "%s", hangul);
    *strrchr(dir, '/') = '\0';

    /* Only the Hangul font's directory: fontconfig answers "DejaVu Sans"
     * with a Hangul font, which must be refused.  Then no fonts at all. */
    const char *dirs[] = {dir, NULL};
    for (int i = 0; i < 2; i++) {
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0)
            _exit(no_latin_child(f->r, dirs[i]));
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
}

/* A text gui_text_fit cut shows its whole under the mouse where it was
 * drawn this frame, and nowhere else; the next frame forgets it. */
static void test_cut_text_has_its_whole_on_hover(void **state)
{
    fixture *f = *state;
    clear(f);
    gui_text_begin_frame(f->t);
    char cut[64] = "consumer-1-with-longtail", whole[64] = "short";
    gui_text_fit(f->t, cut, sizeof cut, GUI_SMALL, 60);
    gui_text_fit(f->t, whole, sizeof whole, GUI_SMALL, 200);
    assert_non_null(strstr(cut, ".."));
    int w = gui_text_draw(f->t, cut, GUI_SMALL, white, 10, 20);
    gui_text_draw(f->t, whole, GUI_SMALL, white, 10, 60);
    SDL_Rect box;
    const char *tip = gui_text_tip_at(f->t, 10 + w / 2, 25, &box);
    assert_non_null(tip);
    assert_string_equal(tip, "consumer-1-with-longtail");
    assert_int_equal(box.x, 10);
    assert_int_equal(box.w, w);
    assert_null(gui_text_tip_at(f->t, 10 + w + 5, 25, NULL)); /* beside it */
    assert_null(gui_text_tip_at(f->t, 12, 65, NULL));         /* not cut */
    gui_text_begin_frame(f->t);
    assert_null(gui_text_tip_at(f->t, 10 + w / 2, 25, NULL));
}

/* New sizes: the fonts re-opened, text measured larger; bad sizes keep
 * the old ones. */
static void test_sizes_change(void **state)
{
    fixture *f = *state;
    int w11, w22, h;
    gui_text_measure(f->t, "Ready/Suspend", GUI_SMALL, &w11, &h);
    assert_int_equal(gui_text_set_sizes(f->t, 22, 26, 36), 0);
    gui_text_measure(f->t, "Ready/Suspend", GUI_SMALL, &w22, &h);
    assert_true(w22 > w11 * 3 / 2);
    assert_int_equal(gui_text_set_sizes(f->t, 0, 26, 36), -1);
    gui_text_measure(f->t, "Ready/Suspend", GUI_SMALL, &w22, &h);
    assert_true(w22 > w11 * 3 / 2);
    assert_int_equal(gui_text_set_sizes(f->t, 11, 13, 18), 0);
    gui_text_measure(f->t, "Ready/Suspend", GUI_SMALL, &w22, &h);
    assert_int_equal(w22, w11);
}

/* The recorder: texts and covers in drawing order, cut to the clip;
 * nothing kept while it is off. */
static void test_recorder_keeps_what_was_drawn(void **state)
{
    fixture *f = *state;
    int n;
    clear(f);
    gui_text_begin_frame(f->t);
    gui_text_draw(f->t, "off", GUI_SMALL, white, 0, 0);
    gui_text_marks(f->t, &n);
    assert_int_equal(n, 0);
    gui_text_record(f->t, 1);
    gui_text_draw(f->t, "first", GUI_SMALL, white, 10, 10);
    gui_text_cover(f->t, 5, 5, 40, 20);
    SDL_RenderSetClipRect(f->r, &(SDL_Rect){0, 0, 100, 100});
    gui_text_draw(f->t, "clipped away", GUI_SMALL, white, 200, 10);
    gui_text_draw(f->t, "half", GUI_SMALL, white, 90, 10);
    SDL_RenderSetClipRect(f->r, NULL);
    const gui_text_mark *m = gui_text_marks(f->t, &n);
    assert_int_equal(n, 3);
    assert_string_equal(m[0].s, "first");
    assert_int_equal(m[0].cover, 0);
    assert_int_equal(m[1].cover, 1);
    assert_int_equal(m[1].box.w, 40);
    assert_string_equal(m[2].s, "half");
    assert_int_equal(m[2].box.x + m[2].box.w, 100); /* cut at the clip */
    assert_true(m[2].w > m[2].box.w); /* ... and the mark says so */
    assert_int_equal(m[2].fitted, 0);
    assert_int_equal(m[0].w, m[0].box.w);
    gui_text_record(f->t, 0);
}

/* A mark's text is cut at a character: "a" and 100 syllables (301 bytes)
 * are kept as "a" and 84 of them, never 84 and two thirds; a text cut by
 * gui_text_fit says so. */
static void test_recorder_cuts_at_a_character(void **state)
{
    fixture *f = *state;
    char s[400] = "a", fitted[GUI_TEXT_MAX] = "";
    for (int i = 0; i < 100; i++)
        strcat(s, "\xea\xb0\x80"); /* 가 */
    gui_text_begin_frame(f->t);
    gui_text_record(f->t, 1);
    gui_text_draw(f->t, s, GUI_SMALL, white, 0, 0);
    snprintf(fitted, sizeof fitted, "%s", s);
    gui_text_fit(f->t, fitted, sizeof fitted, GUI_SMALL, 60);
    gui_text_draw(f->t, fitted, GUI_SMALL, white, 0, 30);
    int n;
    const gui_text_mark *m = gui_text_marks(f->t, &n);
    assert_int_equal(n, 2);
    assert_int_equal(strlen(m[0].s), 1 + 84 * 3);
    assert_true(gui_utf8_valid(m[0].s, strlen(m[0].s)));
    assert_int_equal(m[0].fitted, 0);
    assert_int_equal(m[1].fitted, 1);
    assert_int_equal(m[0].valid, 1); /* cut by the recorder, not the caller */
    assert_int_equal(m[1].valid, 1);
    gui_text_record(f->t, 0);
}

/* A text that arrives with a character cut ("a가" less its last byte) is
 * recorded as invalid, though the kept copy is trimmed to "a". */
static void test_recorder_keeps_invalid_text_invalid(void **state)
{
    fixture *f = *state;
    gui_text_begin_frame(f->t);
    gui_text_record(f->t, 1);
    gui_text_draw(f->t, "a\xea\xb0", GUI_SMALL, white, 0, 0);
    int n;
    const gui_text_mark *m = gui_text_marks(f->t, &n);
    assert_int_equal(n, 1);
    assert_int_equal(m[0].valid, 0);
    assert_string_equal(m[0].s, "a");
    gui_text_draw(f->t, "a\xea\xb0\x80", GUI_SMALL, white, 0, 30);
    m = gui_text_marks(f->t, &n);
    assert_int_equal(n, 2);
    assert_int_equal(m[1].valid, 1);
    gui_text_record(f->t, 0);
}

/* gui_utf8_trim drops what snprintf left of a character, and only that. */
static void test_utf8_trim_and_valid(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"ab", "ab"}, {"", ""}, {"a\xea\xb0\x80", "a\xea\xb0\x80"}, {"a\xea\xb0", "a"},
        {"a\xea", "a"}, {"\xc3\xa9", "\xc3\xa9"}, {"x\xc3", "x"},
        {"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"}, {"\xf0\x9f\x98", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char b[16];
        snprintf(b, sizeof b, "%s", cases[i].in);
        assert_string_equal(gui_utf8_trim(b), cases[i].out);
        assert_true(gui_utf8_valid(b, strlen(b)));
    }
    assert_false(gui_utf8_valid("a\xea\xb0", 3));
    assert_false(gui_utf8_valid("\x80", 1));
    assert_false(gui_utf8_valid("\xc0\x80", 2)); /* overlong */
    assert_false(gui_utf8_valid("\xed\xa0\x80", 3)); /* a surrogate */
    assert_true(gui_utf8_valid("\xec\x83\x9d", 3)); /* 생 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fonts_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cut_text_has_its_whole_on_hover, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sizes_change, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recorder_keeps_what_was_drawn, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recorder_cuts_at_a_character, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recorder_keeps_invalid_text_invalid, setup, teardown),
        cmocka_unit_test(test_utf8_trim_and_valid),
        cmocka_unit_test_setup_teardown(test_fit_keeps_numbers_and_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_latin_text_is_drawn_in_its_box, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hangul_text_is_drawn_in_its_box, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hangul_glyphs_are_not_tofu, setup, teardown),
        cmocka_unit_test_setup_teardown(test_measure_matches_draw, setup, teardown),
        cmocka_unit_test_setup_teardown(test_centred_text_is_centred, setup, teardown),
        cmocka_unit_test_setup_teardown(test_colour_is_part_of_the_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cache_repeats_and_stays_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_null_empty_and_invalid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_arguments_to_create, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_latin_font_is_an_error, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    SDL_Quit();
    return failed;
}
