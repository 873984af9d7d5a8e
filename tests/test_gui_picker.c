/* test_gui_picker.c — the Open dialog's model (gui/picker.h) and the
 * scenario's description as the window shows it (gui/describe.h), without
 * a window: listings of a folder tree made for each test (and removed
 * after), the start page's sections, moving through folders, the recent
 * list on disk, titles read from the `title:` line, the description chosen
 * by language and wrapped to a width with a fake measure (one pixel a
 * character). */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "describe.h"
#include "picker.h"

/* ---- a folder tree for a test -------------------------------------------- */

static char root[256];

static void put(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    size_t n = strlen(path);
    if (path[n - 1] == '/') { /* a folder */
        path[n - 1] = 0;
        assert_int_equal(mkdir(path, 0755), 0);
        return;
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *at(const char *rel)
{
    static char path[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s%s%s", root, rel[0] ? "/" : "", rel);
    return path[k];
}

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/procsim-picker-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    assert_non_null(mkdtemp(root));
    char real[256]; /* the picker lists resolved paths */
    assert_non_null(realpath(root, real));
    snprintf(root, sizeof root, "%s", real);
    return 0;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    (void)state;
    return nftw(root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* The rows as one string: "H|U|a/|b/|m.yaml", headings as "#SECTION". */
static const char *rows_of(const gui_picker *p)
{
    static char out[2048];
    size_t n = 0;
    out[0] = 0;
    for (int i = 0; i < p->nrows; i++) {
        const gui_pick_row *r = &p->row[i];
        const char *name = r->kind == GUI_PICK_HOME      ? "H"
                           : r->kind == GUI_PICK_UP      ? "U"
                           : r->kind != GUI_PICK_HEADING ? r->name
                           : r->section == GUI_PICK_SHIPPED ? "#shipped"
                           : r->section == GUI_PICK_CWD     ? "#cwd"
                                                            : "#recent";
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", i ? "|" : "", name);
    }
    return out;
}

/* ---- listings and moves ------------------------------------------------------ */

static void a_folder_lists_folders_then_scenarios_sorted(void **state)
{
    (void)state;
    put("b/", NULL);
    put("a/", NULL);
    put(".git/", NULL);
    put("z.yaml", "title: Z\n");
    put("m.yaml", "title: M\n");
    put("x.yml", "title: X\n");
    put("notes.txt", "not a scenario\n");
    put(".hidden.yaml", "title: hidden\n");
    put("Big.yaml", "title: B\n");
    gui_picker p;
    gui_picker_init(&p, NULL, root, NULL);
    assert_int_equal(gui_picker_enter(&p, root), 0);
    assert_string_equal(rows_of(&p), "H|U|a/|b/|Big.yaml|m.yaml|x.yml|z.yaml");
    assert_string_equal(p.dir, root);
    assert_int_equal(p.sel, 0); /* the first row, the way back */
    assert_string_equal(p.row[4].title, "B");
    assert_string_equal(p.row[2].path, at("a"));
    gui_picker_fini(&p);
}

static void folders_are_entered_and_left(void **state)
{
    (void)state;
    put("labs/", NULL);
    put("labs/deep/", NULL);
    put("labs/one.yaml", "title: One\n");
    gui_picker p;
    gui_picker_init(&p, NULL, root, NULL);
    assert_int_equal(gui_picker_enter(&p, root), 0);
    assert_null(gui_picker_choose(&p, 2)); /* labs/ */
    assert_string_equal(p.dir, at("labs"));
    assert_string_equal(rows_of(&p), "H|U|deep/|one.yaml");
    assert_string_equal(gui_picker_choose(&p, 3), at("labs/one.yaml")); /* a file: its path */
    assert_null(gui_picker_choose(&p, 2)); /* deep/ */
    assert_string_equal(rows_of(&p), "H|U");
    assert_int_equal(gui_picker_up(&p), 0); /* Backspace */
    assert_string_equal(p.dir, at("labs"));
    assert_null(gui_picker_choose(&p, 1)); /* ".." */
    assert_string_equal(p.dir, root);
    assert_int_equal(gui_picker_enter(&p, "/"), 0); /* the top has no ".." */
    assert_int_equal(p.row[1].kind == GUI_PICK_UP, 0);
    assert_int_equal(gui_picker_up(&p), 0); /* and above it: the start page */
    assert_string_equal(p.dir, "");
    assert_int_equal(gui_picker_enter(&p, at("labs/deep/..")), 0); /* resolved */
    assert_string_equal(p.dir, at("labs"));
    assert_null(gui_picker_choose(&p, 0)); /* the way back to the start */
    assert_string_equal(p.dir, "");
    assert_null(gui_picker_choose(&p, 0)); /* a heading: nothing */
    assert_null(gui_picker_choose(&p, 999));
    /* the scenario shown is chosen as the dialog opens where it is listed */
    assert_int_equal(gui_picker_enter(&p, at("labs")), 0);
    assert_int_equal(gui_picker_select(&p, at("labs/deep/../one.yaml"), 2), 0);
    assert_int_equal(p.sel, 3);
    assert_int_equal(p.top, 2);
    assert_int_equal(gui_picker_select(&p, at("elsewhere.yaml"), 2), -1);
    assert_int_equal(p.sel, 3);
    gui_picker_fini(&p);
}

static void a_folder_that_cannot_be_read_leaves_the_listing(void **state)
{
    (void)state;
    put("sub/", NULL);
    put("plain.yaml", "title: P\n");
    gui_picker p;
    gui_picker_init(&p, NULL, root, NULL);
    assert_int_equal(gui_picker_enter(&p, root), 0);
    const char *before = rows_of(&p);
    char keep[2048];
    snprintf(keep, sizeof keep, "%s", before);
    assert_int_equal(gui_picker_enter(&p, at("missing")), -1);
    assert_non_null(strstr(p.err, "missing"));
    assert_non_null(strstr(p.err, "No such file"));
    assert_int_equal(gui_picker_enter(&p, at("plain.yaml")), -1); /* not a folder */
    assert_non_null(strstr(p.err, "plain.yaml: "));
    assert_string_equal(rows_of(&p), keep);
    assert_string_equal(p.dir, root);
    gui_picker_fini(&p);
}

static void the_start_page_lists_shipped_then_working_directory_then_recent(void **state)
{
    (void)state;
    put("ship/", NULL);
    put("ship/labs/", NULL);
    put("ship/seeds/", NULL);
    put("ship/tour.yaml", "procsim: 1\ntitle: Seven-state tour\n");
    put("work/", NULL);
    put("work/mine.yaml", "title: \"Mine\"\n");
    put("work/folder/", NULL); /* the working directory's folders: entered through ./ */
    put("r.yaml", "title: Recent one\n");
    gui_picker p;
    gui_picker_init(&p, at("ship"), at("work"), NULL);
    assert_int_equal(gui_picker_remember(&p, at("r.yaml")), -1); /* nowhere to keep it */
    assert_int_equal(gui_picker_remember(&p, at("gone.yaml")), -1); /* not there any more */
    assert_int_equal(gui_picker_home(&p), 0);
    char want[1024]; /* the one gone is remembered but not listed */
    snprintf(want, sizeof want, "#shipped|labs/|seeds/|tour.yaml|#cwd|./|mine.yaml|#recent|%s",
             at("r.yaml"));
    assert_string_equal(rows_of(&p), want);
    assert_int_equal(p.nrecent, 2);
    assert_string_equal(p.row[0].path, at("ship"));
    assert_string_equal(p.row[3].title, "Seven-state tour");
    assert_string_equal(p.row[5].path, at("work"));
    assert_string_equal(p.row[6].title, "Mine");
    assert_string_equal(p.row[8].title, "Recent one");
    assert_int_equal(p.sel, 1);
    gui_picker_fini(&p);
}

/* ---- moving and scrolling ------------------------------------------------------- */

static void keys_move_past_headings_and_keep_the_row_in_view(void **state)
{
    (void)state;
    put("ship/", NULL);
    for (int i = 0; i < 6; i++) {
        char name[32];
        snprintf(name, sizeof name, "ship/s%d.yaml", i);
        put(name, "title: s\n");
    }
    put("work/", NULL);
    gui_picker p;
    gui_picker_init(&p, at("ship"), at("work"), NULL);
    assert_int_equal(gui_picker_home(&p), 0);
    /* #shipped s0..s5 #cwd ./ #recent */
    assert_int_equal(p.sel, 1);
    gui_picker_move(&p, -1, 4); /* the heading above is no stop */
    assert_int_equal(p.sel, 1);
    assert_int_equal(p.top, 0);
    gui_picker_move(&p, 5, 4);
    assert_int_equal(p.sel, 6);
    assert_int_equal(p.top, 3);
    gui_picker_move(&p, 1, 4); /* over the heading #cwd to ./ */
    assert_int_equal(p.sel, 8);
    assert_int_equal(p.top, 5);
    gui_picker_move(&p, 100, 4); /* the last row there is */
    assert_int_equal(p.sel, 8);
    gui_picker_move(&p, -100, 4);
    assert_int_equal(p.sel, 1);
    assert_int_equal(p.top, 0); /* its heading shown with it */
    gui_picker_scroll(&p, 100, 4);
    assert_int_equal(p.top, p.nrows - 4);
    gui_picker_scroll(&p, -100, 4);
    assert_int_equal(p.top, 0);
    gui_picker_fini(&p);
}

/* ---- recent files ------------------------------------------------------------------ */

static void recent_files_are_kept_newest_first_without_copies_ten_at_most(void **state)
{
    (void)state;
    put("state/", NULL);
    char file[512], name[64];
    snprintf(file, sizeof file, "%s", at("state/procsim/recent")); /* procsim/ made for it */
    gui_picker p;
    gui_picker_init(&p, NULL, root, file);
    assert_int_equal(p.nrecent, 0);
    for (int i = 0; i < 12; i++) {
        snprintf(name, sizeof name, "f%02d.yaml", i);
        put(name, "title: f\n");
        assert_int_equal(gui_picker_remember(&p, at(name)), 0);
    }
    assert_int_equal(p.nrecent, GUI_RECENT);
    assert_string_equal(p.recent[0], at("f11.yaml"));
    assert_string_equal(p.recent[9], at("f02.yaml")); /* f00 and f01 dropped off */
    assert_int_equal(gui_picker_remember(&p, at("f05.yaml")), 0); /* again: to the front */
    assert_int_equal(p.nrecent, GUI_RECENT);
    assert_string_equal(p.recent[0], at("f05.yaml"));
    assert_string_equal(p.recent[1], at("f11.yaml"));
    assert_string_equal(p.recent[9], at("f02.yaml"));
    char cwd[512]; /* a relative path is kept absolute */
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(root), 0);
    assert_int_equal(gui_picker_remember(&p, "f03.yaml"), 0);
    assert_int_equal(chdir(cwd), 0);
    assert_string_equal(p.recent[0], at("f03.yaml"));
    gui_picker_fini(&p);

    gui_picker again; /* another window, later */
    gui_picker_init(&again, NULL, root, file);
    assert_int_equal(again.nrecent, GUI_RECENT);
    assert_string_equal(again.recent[0], at("f03.yaml"));
    assert_string_equal(again.recent[1], at("f05.yaml"));
    assert_int_equal(gui_picker_home(&again), 0);
    assert_string_equal(again.row[again.nrows - GUI_RECENT].path, at("f03.yaml"));
    gui_picker_fini(&again);
    /* written through a temporary file renamed over it: none left over */
    DIR *d = opendir(at("state/procsim"));
    assert_non_null(d);
    int entries = 0;
    for (struct dirent *de; (de = readdir(d));)
        entries += de->d_name[0] != '.';
    closedir(d);
    assert_int_equal(entries, 1);
}

static void an_unwritable_state_folder_is_no_error(void **state)
{
    (void)state;
    put("blocker", "a file where the state folder would be\n");
    put("s.yaml", "title: s\n");
    char file[512];
    snprintf(file, sizeof file, "%s", at("blocker/procsim/recent"));
    gui_picker p;
    gui_picker_init(&p, NULL, root, file);
    assert_int_equal(gui_picker_remember(&p, at("s.yaml")), -1);
    assert_int_equal(p.nrecent, 1); /* the window still has it */
    assert_string_equal(p.recent[0], at("s.yaml"));
    assert_int_equal(gui_picker_remember(&p, at("s.yaml")), -1);
    assert_int_equal(p.nrecent, 1);
    gui_picker_fini(&p);
}

static void the_recent_list_lives_in_the_xdg_state_folder(void **state)
{
    (void)state;
    char out[256];
    assert_int_equal(gui_recent_path("/x/state", "/home/u", out, sizeof out), 0);
    assert_string_equal(out, "/x/state/procsim/recent");
    assert_int_equal(gui_recent_path("relative", "/home/u", out, sizeof out), 0); /* ignored */
    assert_string_equal(out, "/home/u/.local/state/procsim/recent");
    assert_int_equal(gui_recent_path(NULL, "/home/u", out, sizeof out), 0);
    assert_string_equal(out, "/home/u/.local/state/procsim/recent");
    assert_int_equal(gui_recent_path("", NULL, out, sizeof out), -1);
    assert_string_equal(out, "");
}

/* ---- titles ---------------------------------------------------------------------- */

static const struct {
    const char *yaml, *title; /* NULL: none */
} titles[] = {
    {"procsim: 1\ntitle: Seven-state tour\n", "Seven-state tour"},
    {"title: \"Lab: the \\\"seven\\\" states\"\n", "Lab: the \"seven\" states"},
    {"title: 'it''s quoted'\n", "it's quoted"},
    {"title: plain   # a comment\n", "plain"},
    {"title: a#b\n", "a#b"},
    {"title: 생산자와 소비자\r\n", "생산자와 소비자"},
    {"processes:\n  - {name: a}\n  title: nested\n", NULL},
    {"description: |\n  title: inside a block\n", NULL},
    {"title:\n", NULL},
};

static void titles_come_from_the_title_line(void **state)
{
    (void)state;
    char out[200], name[32];
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        snprintf(name, sizeof name, "t%zu.yaml", i);
        put(name, titles[i].yaml);
        int rc = gui_picker_title(at(name), out, sizeof out);
        if (!titles[i].title) {
            assert_int_equal(rc, -1);
            assert_string_equal(out, "");
        } else {
            assert_int_equal(rc, 0);
            assert_string_equal(out, titles[i].title);
        }
    }
    assert_int_equal(gui_picker_title(at("none.yaml"), out, sizeof out), -1);
    char small[8]; /* 생산자 is 9 bytes: two of its syllables fit, not two and a third */
    put("k.yaml", "title: 생산자\n");
    assert_int_equal(gui_picker_title(at("k.yaml"), small, sizeof small), 0);
    assert_string_equal(small, "생산");
}

/* A FIFO named like a scenario is not listed, nor read for a title: its
 * open would wait for a writer (the alarm fails the test if it does). */
static void a_fifo_named_yaml_is_not_listed_and_does_not_hang(void **state)
{
    (void)state;
    put("real.yaml", "title: R\n");
    assert_int_equal(mkfifo(at("pipe.yaml"), 0644), 0);
    alarm(5);
    char out[200];
    assert_int_equal(gui_picker_title(at("pipe.yaml"), out, sizeof out), -1);
    gui_picker p;
    gui_picker_init(&p, NULL, root, NULL);
    assert_int_equal(gui_picker_enter(&p, root), 0);
    assert_string_equal(rows_of(&p), "H|U|real.yaml");
    gui_picker_remember(&p, at("pipe.yaml")); /* -1: nowhere to keep it, remembered all the same */
    assert_int_equal(gui_picker_home(&p), 0);
    assert_null(strstr(rows_of(&p), "pipe.yaml"));
    alarm(0);
    gui_picker_fini(&p);
}

/* ---- the description ---------------------------------------------------------------- */

static void the_description_is_the_interface_s_language_else_the_other(void **state)
{
    (void)state;
    ps_scenario s = {.title = "t", .description = "English", .description_ko = "한국어"};
    assert_string_equal(gui_describe_pick(&s, GUI_EN), "English");
    assert_string_equal(gui_describe_pick(&s, GUI_KO), "한국어");
    s.description_ko = "";
    assert_string_equal(gui_describe_pick(&s, GUI_KO), "English");
    s.description_ko = "한국어";
    s.description = "";
    assert_string_equal(gui_describe_pick(&s, GUI_EN), "한국어");
    s.description_ko = "";
    assert_string_equal(gui_describe_pick(&s, GUI_EN), "");
    assert_string_equal(gui_describe_pick(&s, GUI_KO), "");
}

/* The title: title_ko in Korean when there is one, title otherwise (and
 * always in English). */
static void the_title_is_title_ko_in_korean_when_given(void **state)
{
    (void)state;
    ps_scenario s = {.title = "Tour", .title_ko = "둘러보기"};
    assert_string_equal(gui_title_pick(&s, GUI_EN), "Tour");
    assert_string_equal(gui_title_pick(&s, GUI_KO), "둘러보기");
    s.title_ko = "";
    assert_string_equal(gui_title_pick(&s, GUI_KO), "Tour");
}

/* One pixel a character (not a byte: Hangul is three bytes a syllable);
 * a character cut short counts nothing, as a renderer drops it, so that
 * a line broken inside one would seem to fit. */
static void chars(void *ctx, const char *s, int normal, int *w, int *h)
{
    (void)ctx;
    (void)normal;
    *w = 0;
    *h = 1;
    for (size_t n = strlen(s), i = 0; i < n;) {
        unsigned char b = (unsigned char)s[i];
        size_t len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        if (i + len > n)
            return;
        *w += 1;
        i += len;
    }
}

static const struct {
    const char *what, *text;
    float width;
    const char *want;
} wraps[] = {
    {"prose runs together and breaks at spaces", "one two\nthree four\nfive six\n", 13,
     "one two three\nfour five six\n"},
    {"prose broken at the width", "one two three\nfour five six\n", 9,
     "one two\nthree\nfour five\nsix\n"},
    {"a blank line is a paragraph's end", "aa bb\n\n\ncc\n", 20, "aa bb\n\ncc\n"},
    {"leading and trailing blank lines go", "\n\n  \nabc\n\n", 20, "abc\n"},
    {"an indented line stays as written", "Python:\n    x = f()     # c\n    y\nAfter.\n", 40,
     "Python:\n    x = f()     # c\n    y\nAfter.\n"},
    {"a list's items run on under their first words", "Watch:\n- one two\n  three\n- four\n"
     "  - inner\n    more\n", 40, "Watch:\n- one two three\n- four\n  - inner more\n"},
    {"a list's item broken hangs", "- one two three\n", 8, "- one\n  two\n  three\n"},
    {"a wide indented line keeps its indentation", "  aaa bbb ccc\n", 9,
     "  aaa bbb\n  ccc\n"},
    {"a word wider than the line is broken", "abcdefghij k\n", 4, "abcd\nefgh\nij k\n"},
    {"Hangul is counted in characters", "생산자 소비자 버퍼\n", 7, "생산자 소비자\n버퍼\n"},
    {"a Hangul word broken at a syllable", "생산자소비자\n", 4, "생산자소\n비자\n"},
    {"exactly the width fits", "abcd efgh\n", 9, "abcd efgh\n"},
    {"nothing", "", 10, ""},
};

static void the_description_is_wrapped_to_the_width(void **state)
{
    (void)state;
    char out[512];
    for (size_t i = 0; i < sizeof wraps / sizeof wraps[0]; i++) {
        int n = gui_describe_wrap(wraps[i].text, wraps[i].width, chars, NULL, out, sizeof out);
        if (strcmp(out, wraps[i].want))
            fail_msg("%s: got \"%s\", want \"%s\"", wraps[i].what, out, wraps[i].want);
        int lines = 0;
        for (const char *c = wraps[i].want; *c; c++)
            lines += *c == '\n';
        assert_int_equal(n, lines);
    }
    /* a buffer too small keeps the whole lines that fit */
    char small[10];
    assert_int_equal(gui_describe_wrap("aaa bbb ccc ddd\n", 3, chars, NULL, small, sizeof small), 2);
    assert_string_equal(small, "aaa\nbbb\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_folder_lists_folders_then_scenarios_sorted, setup, teardown),
        cmocka_unit_test_setup_teardown(folders_are_entered_and_left, setup, teardown),
        cmocka_unit_test_setup_teardown(a_folder_that_cannot_be_read_leaves_the_listing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_start_page_lists_shipped_then_working_directory_then_recent,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(keys_move_past_headings_and_keep_the_row_in_view, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(recent_files_are_kept_newest_first_without_copies_ten_at_most,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(an_unwritable_state_folder_is_no_error, setup, teardown),
        cmocka_unit_test(the_recent_list_lives_in_the_xdg_state_folder),
        cmocka_unit_test_setup_teardown(titles_come_from_the_title_line, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fifo_named_yaml_is_not_listed_and_does_not_hang, setup,
                                        teardown),
        cmocka_unit_test(the_description_is_the_interface_s_language_else_the_other),
        cmocka_unit_test(the_title_is_title_ko_in_korean_when_given),
        cmocka_unit_test(the_description_is_wrapped_to_the_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
