/* test_grade.c — grading: the forms an answer may take (ps_lab_check),
 * answers files in the encodings editors save (ps_lab_sheet_read), and
 * `procsim grade` on one file and on a class.
 *
 * The class is tests/labs/class/, answering tests/labs/class.yaml (round
 * robin, 8 questions; key P3, ready, P3 P2 P4 P1, 16, 4, 4, 6.00, 1.75):
 *   2026006.txt    no student line (the student is the file's name); the
 *                  forms: "P3.", "Ready state", "16 ticks", "24 / 4"...  8/8
 *   bom.txt        a UTF-8 byte-order mark, numbered answers           7/8
 *   cp949.txt      CP949 bytes (똠 is in CP949, not in EUC-KR), Korean
 *                  states and units, arrows between names             8/8
 *   crlf.txt       CRLF line ends, a Korean student line               7/8
 *   euckr.txt      EUC-KR bytes                                        6/8
 *   fullwidth.txt  full-width digits and marks (Ｐ３。 １６ ７／４)   8/8
 *   utf16.txt      UTF-16LE with its BOM, CRLF (Notepad's "Unicode")   8/8
 *   binary.bin, latin1.txt, long-line.txt, out-of-range.txt,
 *   late-header.txt: not graded, each with its FILE:LINE:COL reason
 *   variant.txt    names a variant of a lab that declares nothing to vary
 *   .hidden.swp    hidden: never read
 * Its report (English, Korean) and gradebook are golden files:
 * tests/labs/class.txt, class.ko.txt, class.csv (tests/labs/update makes
 * them after a reviewed change). */
#include "clikit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "procsim/lab.h"

#define LAB "tests/labs/class.yaml"

typedef struct lab {
    ps_scenario *s;
    ps_lab_key key;
} lab;

static void lab_open(lab *l)
{
    ps_error err;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    l->s = ps_scenario_load_file(LAB, &err);
    if (!l->s)
        fail_msg("%s", err.msg);
    assert_int_equal(ps_lab_key_compute(l->s, PS_LANG_EN, &l->key), 0);
}

static void lab_close(lab *l)
{
    ps_lab_key_fini(&l->key);
    ps_scenario_destroy(l->s);
}

/* The documented forms (docs/labs/README.md, "The answers file"), a row
 * each, against the class lab's key. */
static void answer_forms_are_accepted(void **state)
{
    (void)state;
    static const struct {
        int q;              /* question index */
        const char *given;
        int right;
    } cases[] = {
        /* trailing punctuation, case, spacing, full width */
        {0, "P3.", 1}, {0, "p3!", 1}, {0, "  P3  ", 1}, {0, "Ｐ３。", 1}, {0, "P3 .", 1},
        {0, "P1", 0}, {0, "P3 P1", 0},
        /* states in any language, with "state"/"상태"/"중" after them */
        {1, "Ready.", 1}, {1, "ready state", 1}, {1, "준비", 1}, {1, "준비 상태", 1},
        {1, "준비 중", 1}, {1, "READY", 1}, {1, "Running", 0}, {1, "실행 중", 0},
        {1, "state", 0}, {1, "", 0},
        /* names: commas, 、, arrows, semicolons; the order matters */
        {2, "P3, P2, P4, P1", 1}, {2, "P3,P2,P4,P1", 1}, {2, "P3、P2、P4、P1", 1},
        {2, "P3 -> P2 -> P4 -> P1", 1}, {2, "P3 → P2 → P4 → P1", 1}, {2, "P3; P2; P4; P1.", 1},
        {2, "P3 P2 P1 P4", 0}, {2, "P3 P2 P4", 0},
        /* whole numbers with units, full-width digits */
        {3, "16", 1}, {3, "16 ticks", 1}, {3, "16 tick", 1}, {3, "16틱", 1}, {3, "16 틱", 1},
        {3, "１６", 1}, {3, "16.", 1}, {3, "16.0", 1}, {3, "tick", 0}, {3, "틱", 0},
        {3, "15 ticks", 0}, {3, "16 seconds", 0}, {3, "16 16", 0},
        {4, "4번", 1}, {4, "4 times", 1}, {4, "4회", 1}, {4, "4개", 1}, {4, "5번", 0},
        /* decimals, fractions with spaces, full-width and units */
        {6, "6", 1}, {6, "6.00 ticks", 1}, {6, "24 / 4", 1}, {6, "６．００", 1}, {6, "24/4틱", 1},
        {6, "6.02", 0}, {6, "24 / 0", 0}, {6, "2 4/4", 0}, {6, "6 0", 0}, {3, "1 6", 0},
        {7, "- 1.75", 0}, {7, "7 /4", 1},
        {7, "1.75", 1}, {7, "７／４", 1}, {7, "7/4.", 1}, {7, "1.7", 0}, {7, "none", 0},
        {7, "없음", 0},
    };
    lab l;
    lab_open(&l);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (ps_lab_check(&l.key.answers[cases[i].q], cases[i].given) != cases[i].right)
            fail_msg("question %d (key '%s'), answer '%s': expected %s", cases[i].q + 1,
                     l.key.answers[cases[i].q].text, cases[i].given,
                     cases[i].right ? "right" : "wrong");
    lab_close(&l);
}

/* Forms of the kinds the class lab does not ask: yes/no, none and empty,
 * idle, another textbook's state words, and multiple choice. */
static void other_kinds_take_their_forms(void **state)
{
    (void)state;
    static const struct {
        uint8_t type;
        const char *key;
        const char *given;
        int right;
    } cases[] = {
        {PS_LAB_BOOL, "true", "True.", 1}, {PS_LAB_BOOL, "true", "예", 1},
        {PS_LAB_BOOL, "true", "네", 1}, {PS_LAB_BOOL, "true", "참", 1},
        {PS_LAB_BOOL, "true", "아니오", 0}, {PS_LAB_BOOL, "false", "아니요", 1},
        {PS_LAB_BOOL, "false", "거짓", 1}, {PS_LAB_BOOL, "none", "없음", 1},
        {PS_LAB_BOOL, "none", "false", 0},
        {PS_LAB_NAMES, "none", "없음", 1}, {PS_LAB_NAMES, "none", "None.", 1},
        {PS_LAB_NAMES, "empty", "비어 있음", 1}, {PS_LAB_NAMES, "empty", "none", 0},
        {PS_LAB_NAMES, "none", "empty", 0}, {PS_LAB_NAMES, "1 4 none", "1, 4, 없음", 0},
        {PS_LAB_NAMES, "mutex m", "Mutex m.", 1}, {PS_LAB_NAMES, "빔", "빔", 1},
        {PS_LAB_SET, "idle", "idle", 1}, {PS_LAB_SET, "idle", "유휴", 1},
        {PS_LAB_SET, "idle", "없음", 1}, {PS_LAB_SET, "idle", "P1", 0},
        {PS_LAB_SET, "P1 P2", "P2 → P1", 1},
        {PS_LAB_STATE, "blocked", "waiting", 1}, {PS_LAB_STATE, "blocked", "대기 중", 1},
        {PS_LAB_STATE, "exit", "terminated", 1}, {PS_LAB_STATE, "exit", "종료", 1},
        {PS_LAB_STATE, "ready-suspended", "Ready / Suspend", 1},
        {PS_LAB_STATE, "ready-suspended", "ready suspended", 1},
        {PS_LAB_STATE, "ready-suspended", "보류준비", 1},
        {PS_LAB_STATE, "ready-suspended", "ready", 0},
        {PS_LAB_STATE, "blocked-suspended", "blocked", 0},
        {PS_LAB_LETTER, "R", "r.", 1}, {PS_LAB_LETTER, "R", "S", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_lab_answer a = {.type = cases[i].type};
        snprintf(a.text, sizeof a.text, "%s", cases[i].key);
        if (ps_lab_check(&a, cases[i].given) != cases[i].right)
            fail_msg("key '%s', answer '%s': expected %s", cases[i].key, cases[i].given,
                     cases[i].right ? "right" : "wrong");
    }
    /* multiple choice: b) is right; by its letter or its text */
    static const struct {
        const char *given;
        int right;
    } choice[] = {
        {"b", 1}, {"B", 1}, {"b)", 1}, {"(b)", 1}, {"b.", 1}, {"ｂ", 1}, {"16", 1},
        {"16 ticks", 1}, {"a", 0}, {"c)", 0}, {"12", 0}, {"(b", 0}, {"e", 0},
    };
    ps_lab_answer a = {.type = PS_LAB_INT, .number = 16, .nchoices = 3, .right_choice = 1};
    snprintf(a.text, sizeof a.text, "16");
    snprintf(a.choices[0], sizeof a.choices[0], "12");
    snprintf(a.choices[1], sizeof a.choices[1], "16");
    snprintf(a.choices[2], sizeof a.choices[2], "20");
    for (size_t i = 0; i < sizeof choice / sizeof choice[0]; i++)
        if (ps_lab_check(&a, choice[i].given) != choice[i].right)
            fail_msg("choice answer '%s': expected %s", choice[i].given,
                     choice[i].right ? "right" : "wrong");
}

/* Answers files as editors save them: read as their text, or refused
 * with where and why, never read as mojibake. */
static void answers_files_are_read_in_their_encoding(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;         /* 0: strlen */
        int enc;            /* ps_lab_encoding, -1: refused */
        const char *student, *variant, *text; /* what it reads as; or the error */
    } cases[] = {
        {"학생: 김민지\nready\n", 0, PS_LAB_UTF8, "김민지", "", "학생: 김민지\nready\n"},
        /* line ends: CRLF, a CR alone (classic Mac OS), mixed; the text keeps LF */
        {"\xef\xbb\xbfstudent: 7\r\nready\r\n", 0, PS_LAB_UTF8, "7", "", "student: 7\nready\n"},
        {"student: 7\rready\rP3\r", 0, PS_LAB_UTF8, "7", "", "student: 7\nready\nP3\n"},
        {"# c\r\n\r  \rready\r\n\nP3", 0, PS_LAB_UTF8, "", "", "ready\nP3\n"},
        {"\xff\xfe" "a\0\r\0b\0\r\0\n\0#\0\r\0", 16, PS_LAB_UTF16, "", "", "a\nb\n"},
        /* comments are not kept, but say the encoding: 준비 in CP949 */
        {"# \xc1\xd8\xba\xf1\nready\n", 0, PS_LAB_CP949, "", "", "ready\n"},
        /* 학생: 김똠 / 준비 in CP949 (똠 = 8C 63, only in CP949) */
        {"\xc7\xd0\xbb\xfd: \xb1\xe8\x8c\x63\n\xc1\xd8\xba\xf1\n", 0, PS_LAB_CP949, "김똠", "",
         "학생: 김똠\n준비\n"},
        /* 변형: 12 in EUC-KR */
        {"\xba\xaf\xc7\xfc: 12\n", 0, PS_LAB_CP949, "", "12", "변형: 12\n"},
        /* student: 준 in UTF-16LE and BE */
        {"\xff\xfes\0:\0 \0\x00\xc9\n\0", 12, PS_LAB_UTF16, "", "", "s: 준\n"},
        {"\xfe\xff\0s\0:\0 \xc9\x00\0\n", 12, PS_LAB_UTF16, "", "", "s: 준\n"},
        {"STUDENT : a b\nVariant：v1\n# x\nready\nstudent: late\n", 0, PS_LAB_UTF8, "a b", "v1",
         NULL},
        {"", 0, PS_LAB_UTF8, "", "", ""},
        /* refused */
        {"ready\ncaf\xe9\n", 0, -1, "n:2:4: the file is not UTF-8 (byte 0xE9 here); save it as UTF-8",
         "n:2:4: 파일이 UTF-8이 아닙니다(여기에 바이트 0xE9). UTF-8로 저장하십시오", NULL},
        /* é è decodes in CP949, as Hanja: not a Korean file either */
        {"r\xe9\xe8s\n", 0, -1, "n:1:2: the file is not UTF-8 (byte 0xE9 here); save it as UTF-8",
         "", NULL},
        {"ready\n\0\0", 8, -1, "n:2:1: a NUL byte: save the file as UTF-8 text",
         "n:2:1: NUL 바이트가 있습니다. 파일을 UTF-8 텍스트로 저장하십시오", NULL},
        {"ready\rP3 \0x\n", 10, -1, "n:2:4: a NUL byte", "n:2:4: NUL 바이트", NULL},
        {"# a\0\n", 5, -1, "n:1:4: a NUL byte", "", NULL}, /* in a comment too */
        {"ready\n# \x1b[2J\n", 0, -1, "n:2:3: not a text file (byte 0x1B here)", "", NULL},
        {"# caf\xe9\nready\n", 0, -1, "n:1:6: the file is not UTF-8 (byte 0xE9 here)", "", NULL},
        {"\xff\xfe#\0\x00\xd8\n\0", 8, -1, "n:1:1: the file says it is UTF-16 but is not", "",
         NULL}, /* a surrogate alone, in a comment */
        {"\xff\xfes\0", 3, -1, "n:1:1: the file says it is UTF-16 but is not", "", NULL},
        {"\xff\xfes\0\x01\0", 6, -1, "n:1:2: not a text file (a control character here)", "",
         NULL},
        {"student: a\nstudent: b\n", 0, -1, "n:2:1: a second student line; the file has one",
         "n:2:1: 학생 줄이 두 번 있습니다", NULL},
        {"  학생:\n", 0, -1, "n:1:3: student: wants an ID after it", "n:1:3: 학생: 뒤에 ID를", NULL},
        {"variant: 0123456789012345678901234567890123456789012345678901234567890123\n", 0, -1,
         "n:1:1: the variant ID is longer than 63 bytes", "", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_lab_sheet sh;
        ps_error err = {0};
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].bytes);
        int rc = ps_lab_sheet_read(&sh, "n", cases[i].bytes, len, &err);
        /* ... and read a byte at a time, the same */
        ps_lab_sheet one;
        ps_error err1 = {0};
        int rc1 = 0;
        ps_lab_sheet_begin(&one);
        for (size_t b = 0; b < len && !rc1; b++)
            rc1 = ps_lab_sheet_feed(&one, "n", cases[i].bytes + b, 1, &err1);
        if (!rc1)
            rc1 = ps_lab_sheet_end(&one, "n", &err1);
        if (rc1 != rc || (rc && strcmp(err.msg, err1.msg)) ||
            (!rc && (one.len != sh.len || memcmp(one.text, sh.text, sh.len) ||
                     one.encoding != sh.encoding)))
            fail_msg("case %zu: read a byte at a time, %d '%s', whole %d '%s'", i, rc1,
                     err1.msg, rc, err.msg);
        ps_lab_sheet_fini(&one);
        if (cases[i].enc < 0) {
            if (rc != -1 || strncmp(err.msg, cases[i].student, strlen(cases[i].student)) ||
                strncmp(err.msg_ko, cases[i].variant, strlen(cases[i].variant)))
                fail_msg("case %zu: expected the error '%s' / '%s', got %d '%s' / '%s'", i,
                         cases[i].student, cases[i].variant, rc, err.msg, err.msg_ko);
            assert_true(err.msg_ko[0] && strcmp(err.msg, err.msg_ko)); /* both languages */
            ps_lab_sheet_fini(&sh);
            continue;
        }
        if (rc)
            fail_msg("case %zu: %s", i, err.msg);
        assert_int_equal(sh.encoding, cases[i].enc);
        assert_string_equal(sh.student, cases[i].student);
        assert_string_equal(sh.variant, cases[i].variant);
        if (cases[i].text)
            assert_string_equal(sh.text, cases[i].text);
        ps_lab_sheet_fini(&sh);
    }
}

/* ps_lab_grade reads the same files (header lines skipped, any encoding
 * the sheet reads) and says where a file goes wrong, in both languages. */
static void grading_skips_header_lines_and_reads_encodings(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int right;          /* -1: an error */
        const char *error, *error_ko;
    } cases[] = {
        {"student: 1\nvariant: x\nP3\nready\n", 2, NULL, NULL},
        {"# c\n학생: 1\n\n1: P3\n", 1, NULL, NULL},
        {"\xc1\xd8\xba\xf1\n", 0, NULL, NULL},            /* 준비 in CP949, for question 1 */
        {"P3\n\xc1\xd8\xba\xf1\n", 2, NULL, NULL},        /* and for question 2 */
        {"P3\nstudent: 1\n", -1, "ans:2:1: a student line after the answers; it comes first",
         "ans:2:1: 학생 줄이 답 뒤에 있습니다. 답보다 먼저 적습니다"},
        {"P3\n변형: 1\n", -1, "ans:2:1: a variant line after the answers",
         "ans:2:1: 변형 줄이 답 뒤에 있습니다"},
        {"9: x\n", -1, "ans:1:1: there is no question 9; the lab has 8 questions",
         "ans:1:1: 9번 질문은 없습니다. 이 실습의 질문은 8개입니다"},
        {"1: P3\n1: P3\n", -1, "ans:2:1: question 1 is answered twice",
         "ans:2:1: 1번 질문에 두 번 답했습니다"},
        {"caf\xe9\n", -1, "ans:1:4: the file is not UTF-8", "ans:1:4: 파일이 UTF-8이 아닙니다"},
        /* a CR alone ends a line: three answers, not one */
        {"P3\rready\rP3 P2 P4 P1\r", 3, NULL, NULL},
        {"# c\r\n\rP3\r\nready\r", 2, NULL, NULL},
        /* the lines dropped still count: errors are at the file's line */
        {"# a\n# b\n\n  # c\nP3\n1: P3\n", -1, "ans:6:1: question 1 is answered twice",
         "ans:6:1: 1번 질문에"},
        {"# a\r# b\rP3\r\r1: x\r", -1, "ans:5:1: question 1 is answered twice",
         "ans:5:1: 1번 질문에"},
    };
    lab l;
    lab_open(&l);
    ps_lab_mark marks[8];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_error err = {0};
        int got = ps_lab_grade(&l.key, "ans", cases[i].text, strlen(cases[i].text), marks, &err);
        if (got != cases[i].right)
            fail_msg("case %zu: %d right, expected %d (%s)", i, got, cases[i].right, err.msg);
        if (cases[i].error &&
            (strncmp(err.msg, cases[i].error, strlen(cases[i].error)) ||
             strncmp(err.msg_ko, cases[i].error_ko, strlen(cases[i].error_ko))))
            fail_msg("case %zu: '%s' / '%s', expected '%s' / '%s'", i, err.msg, err.msg_ko,
                     cases[i].error, cases[i].error_ko);
    }
    lab_close(&l);
}

#define CLASS_KEY "P3\nready\nP3 P2 P4 P1\n16\n4\n4\n6\n1.75\n"

/* 5 MiB (and a line) of comment lines of 100 bytes, then the class's
 * key: a malloc'd file. */
#define COMMENTS ((5u << 20) / 100 * 100 + 100)
static char *commented(size_t n, size_t *len)
{
    size_t k = strlen(CLASS_KEY);
    char *t = malloc(n + k + 1);
    assert_non_null(t);
    for (size_t i = 0; i < n; i += 100) {
        memset(t + i, 'x', 100);
        memcpy(t + i, "# ", 2);
        t[i + 99] = '\n';
    }
    memcpy(t + n, CLASS_KEY, k + 1);
    *len = n + k;
    return t;
}

/* The limit is on what is kept, not on the file: 5 MiB of comments and
 * the answers, fed in pieces, keep the answers alone and grade 8/8; a
 * file of more than PS_LAB_SHEET_MAX bytes of answers is refused where it
 * passes it. */
static void comments_do_not_count_and_are_read_in_pieces(void **state)
{
    (void)state;
    size_t len;
    char *t = commented(COMMENTS, &len);
    lab l;
    lab_open(&l);
    ps_lab_sheet sh;
    ps_error err;
    ps_lab_sheet_begin(&sh);
    for (size_t at = 0; at < len; at += 4093) /* pieces that cut lines anywhere */
        assert_int_equal(ps_lab_sheet_feed(&sh, "c", t + at, len - at < 4093 ? len - at : 4093,
                                           &err), 0);
    assert_int_equal(ps_lab_sheet_end(&sh, "c", &err), 0);
    assert_string_equal(sh.text, CLASS_KEY);
    assert_int_equal(sh.nlines, 8);
    assert_int_equal(sh.line_of[0], COMMENTS / 100 + 1);
    ps_lab_mark marks[8];
    assert_int_equal(ps_lab_grade_sheet(&l.key, &sh, "c", marks, &err), 8);
    ps_lab_sheet_fini(&sh);
    free(t);

    /* "ready\n" again and again: line 174763 passes the limit at its 5th byte */
    size_t n = 200000 * 6;
    t = malloc(n);
    assert_non_null(t);
    for (size_t i = 0; i < n; i += 6)
        memcpy(t + i, "ready\n", 6);
    assert_int_equal(ps_lab_sheet_read(&sh, "c", t, n, &err), -1);
    assert_string_equal(err.msg, "c:174763:5: the answers and header lines pass 1048576 bytes "
                                 "(comments and blank lines do not count); an answers file "
                                 "holds short answers, one a line");
    assert_non_null(strstr(err.msg_ko, "c:174763:5: 답과 머리 줄이 1048576바이트를 넘습니다"));
    ps_lab_sheet_fini(&sh);
    free(t);
    lab_close(&l);
}

/* ---- procsim grade ------------------------------------------------- */

static void same_as_golden(const char *what, const char *got, const char *golden)
{
    size_t len;
    char *want = slurp(golden, &len);
    if (strcmp(got, want)) {
        size_t line = 1;
        for (size_t i = 0; got[i] && got[i] == want[i]; i++)
            line += got[i] == '\n';
        fail_msg("%s differs from %s from line %zu (if the change is right, run "
                 "tests/labs/update):\n%s", what, golden, line, got);
    }
    free(want);
}

static void a_class_is_graded_as_its_golden_files(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *csv, *golden;
    } runs[] = {
        {"en", NULL, "tests/labs/class.txt"},
        {"ko", NULL, "tests/labs/class.ko.txt"},
        {"en", "-", "tests/labs/class.csv"},
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        const char *args[] = {"grade", LAB, "tests/labs/class", "--lang", runs[i].lang,
                              runs[i].csv ? "--csv" : NULL, runs[i].csv, NULL};
        result r = procsim(args);
        assert_int_equal(r.status, 1); /* some files could not be graded */
        same_as_golden(runs[i].golden, r.out, runs[i].golden);
        if (runs[i].csv) /* the report went to stderr */
            assert_non_null(strstr(r.err, "7 graded, 6 not graded"));
        else
            assert_string_equal(r.err, "");
        result_free(&r);
    }
    /* the same in a Korean locale with no flag */
    const char *args[] = {"grade", LAB, "tests/labs/class", NULL};
    const char *ko[] = {"LANG=ko_KR.UTF-8", NULL};
    result r = run_in(args, ko, 60);
    same_as_golden("grade in a Korean locale", r.out, "tests/labs/class.ko.txt");
    result_free(&r);
}

static void one_file_is_graded_with_its_reasons(void **state)
{
    (void)state;
    static const cli_case cases[] = {
        {{"grade", LAB, "tests/labs/class/cp949.txt", NULL}, 0,
         "student 김똠\n(saved in CP949/EUC-KR, a Korean Windows editor's default: read "
         "converted to UTF-8)\n  1. right: P3\n  2. right: 준비\n", NULL},
        {{"grade", LAB, "tests/labs/class/cp949.txt", NULL}, 0, "score 8/8\n", NULL},
        {{"grade", LAB, "tests/labs/class/euckr.txt", "--lang", "ko", NULL}, 1,
         "  4. 틀림: 적은 답은 \"14\", 정답은 16\n     P1은 몇 틱에 끝나는가?\n     이유:\n"
         "       0틱: P1", NULL},
        {{"grade", LAB, "tests/labs/class/euckr.txt", "--lang", "ko", NULL}, 1, "점수 6/8\n",
         NULL},
        {{"grade", LAB, "tests/labs/class/2026006.txt", NULL}, 0, "  4. right: 16 ticks\n", NULL},
        {{"grade", LAB, "tests/labs/class/utf16.txt", NULL}, 0, "(saved in UTF-16", NULL},
        /* a file that cannot be graded alone: bad input, exit 2 */
        {{"grade", LAB, "tests/labs/class/latin1.txt", NULL}, 2, NULL,
         "tests/labs/class/latin1.txt:2:6: the file is not UTF-8 (byte 0xE9 here); save it as "
         "UTF-8\n"},
        {{"grade", LAB, "tests/labs/class/latin1.txt", "--lang", "ko", NULL}, 2, NULL,
         "UTF-8로 저장하십시오\n"},
        {{"grade", LAB, "tests/labs/class/variant.txt", NULL}, 2, NULL,
         "tests/labs/class/variant.txt:3:10: variant 2026010: " LAB ": declares nothing to vary"},
        {{"grade", LAB, "/nonexistent/answers", "--lang", "ko", NULL}, 2, NULL,
         "/nonexistent/answers을(를) 읽을 수 없습니다: 그런 파일이나 디렉터리가 없습니다\n"},
        /* several files are a class */
        {{"grade", LAB, "tests/labs/class/bom.txt", "tests/labs/class/crlf.txt", NULL}, 0,
         "2 answers files: 2 graded, 0 not graded\n", ""},
        {{"grade", LAB, "tests/labs/class/bom.txt", "tests/labs/class/binary.bin", NULL}, 1,
         "\nNot graded\n  tests/labs/class/binary.bin:2:1: not a text file", ""},
        {{"grade", LAB, "tests/labs/class/binary.bin", "tests/labs/class/latin1.txt", NULL}, 1,
         "0 graded, 2 not graded\n", ""},
        {{"grade", LAB, "tests/labs/class/bom.txt", "tests/labs/class/bom.txt", NULL}, 0,
         "  student 2026003 answers in more than one file: tests/labs/class/bom.txt, "
         "tests/labs/class/bom.txt\n", ""},
        /* usage */
        {{"grade", LAB, NULL}, 2, NULL, "usage: procsim grade "},
        {{"grade", LAB, "tests/labs/class", "--csv", NULL}, 2, NULL,
         "procsim grade: --csv wants a file name after it"},
        {{"grade", LAB, "tests/labs/class", "--bogus", NULL}, 2, NULL,
         "procsim grade: unknown option '--bogus'"},
        {{"grade", LAB, "tests/labs/class", "--lang", "fr", NULL}, 2, NULL, "--lang wants en or ko"},
        {{"grade", LAB, "tests/layers/climbs-out", NULL}, 2, NULL,
         "procsim grade: tests/layers/climbs-out holds no answers files\n"},
        {{"grade", "scenarios/policies/rr.yaml", "tests/labs/class", NULL}, 2, NULL,
         "has no questions"},
        {{"grade", LAB, "tests/labs/class", "--csv", "/nonexistent/book.csv", NULL}, 2, NULL,
         "procsim grade: cannot write /nonexistent/book.csv: No such file or directory\n"},
        {{"grade", LAB, "tests/labs/class/bom.txt", "--csv", "tests/labs/class/bom.txt", NULL}, 2,
         NULL, "procsim grade: --csv tests/labs/class/bom.txt would write over an answers file\n"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0], NULL);
}

/* --csv FILE: the gradebook in the file, the report on stdout; a
 * gradebook written into the class's own folder is not graded the next
 * time. */
static void the_gradebook_is_written_and_never_graded(void **state)
{
    (void)state;
    char dir[] = "/tmp/procsim-grade-XXXXXX", book[64], a[64], b[64];
    assert_non_null(mkdtemp(dir));
    snprintf(book, sizeof book, "%s/book.csv", dir);
    snprintf(a, sizeof a, "%s/a.txt", dir);
    snprintf(b, sizeof b, "%s/b.txt", dir);
    FILE *f = fopen(a, "w");
    assert_non_null(f);
    fputs("student: 김민지, 1반\nP3\nready\n", f);
    fclose(f);
    f = fopen(b, "w");
    assert_non_null(f);
    fputs("P3\nP3 P2 P4 P1\n", f);
    fclose(f);
    char want[1024], got[2][4096] = {"", ""};
    int status[2] = {-1, -1}, counted[2] = {0, 0};
    snprintf(want, sizeof want,
             "file,student,variant,score,max,q1,q2,q3,q4,q5,q6,q7,q8,error\r\n"
             "%s,\"김민지, 1반\",,2,8,1,1,0,0,0,0,0,0,\r\n"
             "%s,b,,1,8,1,0,0,0,0,0,0,0,\r\n", a, b);
    for (int run = 0; run < 2; run++) { /* the second with book.csv in the folder */
        const char *args[] = {"grade", LAB, dir, "--csv", book, NULL};
        result r = procsim(args);
        status[run] = r.status;
        counted[run] = strstr(r.out, "2 answers files: 2 graded, 0 not graded\n") != NULL;
        result_free(&r);
        FILE *in = fopen(book, "rb");
        if (in) {
            got[run][fread(got[run], 1, sizeof got[run] - 1, in)] = 0;
            fclose(in);
        }
    }
    /* cleaned up before asserting: a failure leaves nothing in /tmp */
    int gone = !unlink(a) + !unlink(b) + !unlink(book) + !rmdir(dir);
    for (int run = 0; run < 2; run++) {
        assert_int_equal(status[run], 0);
        assert_true(counted[run]);
        assert_string_equal(got[run], want);
    }
    assert_int_equal(gone, 4);
}

static char *file_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return strdup("(missing)");
    char *buf = calloc(1, 8192);
    assert_non_null(buf);
    buf[fread(buf, 1, 8191, f)] = 0;
    fclose(f);
    return buf;
}

/* --feedback DIR: each student's report in DIR under the answers file's
 * name (or why it could not be graded), never into the class's folder. */
static void each_student_gets_feedback(void **state)
{
    (void)state;
    char top[] = "/tmp/procsim-grade-XXXXXX", class[64], fb[64], a[96], b[96], fa[96], fbb[96];
    assert_non_null(mkdtemp(top));
    snprintf(class, sizeof class, "%s/class", top);
    snprintf(fb, sizeof fb, "%s/feedback", top);
    snprintf(a, sizeof a, "%s/a.txt", class);
    snprintf(b, sizeof b, "%s/b.txt", class);
    snprintf(fa, sizeof fa, "%s/a.txt", fb);
    snprintf(fbb, sizeof fbb, "%s/b.txt", fb);
    assert_int_equal(mkdir(class, 0777), 0);
    FILE *f = fopen(a, "w");
    assert_non_null(f);
    fputs("학생: 김민지\nP3\nready\nP3 P2 P4 P1\n14\n", f);
    fclose(f);
    f = fopen(b, "w");
    assert_non_null(f);
    fputs("caf\xe9\n", f);
    fclose(f);
    const char *into_class[] = {"grade", LAB, class, "--feedback", class, "--lang", "ko", NULL};
    result refused = procsim(into_class);
    const char *args[] = {"grade", LAB, class, "--feedback", fb, "--lang", "ko", NULL};
    result r = procsim(args);
    char *got_a = file_text(fa), *got_b = file_text(fbb);
    /* cleaned up before asserting: a failure leaves nothing in /tmp */
    int gone = !unlink(fa) + !unlink(fbb) + !rmdir(fb) + !unlink(a) + !unlink(b) + !rmdir(class) +
               !rmdir(top);
    assert_int_equal(refused.status, 2);
    assert_non_null(strstr(refused.err, "은(는) 답안 파일이 있는 폴더입니다"));
    assert_int_equal(r.status, 1); /* b.txt could not be graded */
    if (!strstr(got_a, "학생 김민지\n") ||
        !strstr(got_a, "  4. 틀림: 적은 답은 \"14\", 정답은 16\n     P1은 몇 틱에 끝나는가?\n"
                       "     이유:\n       0틱: P1") ||
        !strstr(got_a, "점수 3/8\n"))
        fail_msg("a.txt's feedback:\n%s", got_a);
    if (!strstr(got_b, "/class/b.txt:1:4: 파일이 UTF-8이 아닙니다(여기에 바이트 0xE9). UTF-8로 "
                       "저장하십시오\n"))
        fail_msg("b.txt's feedback:\n%s", got_b);
    assert_int_equal(gone, 7);
    free(got_a);
    free(got_b);
    result_free(&r);
    result_free(&refused);
}

/* procsim grade on a file of 5 MiB of comments and 8 answers: graded,
 * in the memory of its answers (the file is read in pieces). */
static void grade_reads_a_long_commented_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/procsim-grade-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/long.txt", dir);
    size_t len;
    char *t = commented(COMMENTS, &len);
    FILE *f = fopen(path, "wb");
    int wrote = f && fwrite(t, 1, len, f) == len;
    if (f)
        fclose(f);
    free(t);
    const char *args[] = {"grade", LAB, path, NULL};
    result r = wrote ? procsim(args) : (result){0};
    int gone = !unlink(path) + !rmdir(dir);
    assert_true(wrote);
    assert_int_equal(gone, 2);
    if (r.status != 0 || !strstr(r.out, "score 8/8"))
        fail_msg("exit %d\n%s\n%s", r.status, r.out, r.err);
    result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(answer_forms_are_accepted),
        cmocka_unit_test(other_kinds_take_their_forms),
        cmocka_unit_test(answers_files_are_read_in_their_encoding),
        cmocka_unit_test(grading_skips_header_lines_and_reads_encodings),
        cmocka_unit_test(comments_do_not_count_and_are_read_in_pieces),
        cmocka_unit_test(grade_reads_a_long_commented_file),
        cmocka_unit_test(a_class_is_graded_as_its_golden_files),
        cmocka_unit_test(one_file_is_graded_with_its_reasons),
        cmocka_unit_test(the_gradebook_is_written_and_never_graded),
        cmocka_unit_test(each_student_gets_feedback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
