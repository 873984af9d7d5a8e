/* test_loader_korean.c — the loader speaks Korean too: every bad file of
 * tests/loader/bad/ fails with a Korean message beside the English one
 * (test_loader.c checks the English word for word), at the same
 * FILE:LINE:COL, with no English word left in it but what stays the same
 * in both languages; a file saved in CP949/EUC-KR is told so; names of
 * every kind may be Hangul; the particles after a word fit the word.
 * main() chdir()s to the source tree, as test_loader.c does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "procsim/scenario.h"
#include "scenario_priv.h" /* ps__ko_josa (white box) */

/* --- what stays the same in Korean --- */

/* A word list: the pieces (runs of letters, digits, '_', '-', '.') that a
 * Korean message may keep in Latin letters. */
typedef struct vocab {
    char *text;               /* the pieces, each followed by '\n' */
    size_t len, cap;
} vocab;

static void vocab_add(vocab *v, const char *p, size_t n)
{
    if (v->len + n + 2 > v->cap) {
        v->cap = (v->len + n + 2) * 2;
        v->text = realloc(v->text, v->cap);
        assert_non_null(v->text);
    }
    memcpy(v->text + v->len, p, n);
    v->len += n;
    v->text[v->len++] = '\n';
    v->text[v->len] = '\0';
}

static int is_piece_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.';
}

/* The next piece of text[*i..n) with two or more letters (trailing '.' and
 * '-' cut off: the end of a sentence, "A-"); false at the end. */
static int next_piece(const char *t, size_t n, size_t *i, const char **p, size_t *len)
{
    while (*i < n) {
        while (*i < n && !is_piece_char((unsigned char)t[*i]))
            (*i)++;
        size_t start = *i, letters = 0;
        while (*i < n && is_piece_char((unsigned char)t[*i]))
            letters += ((t[*i] | 0x20) >= 'a' && (t[*i] | 0x20) <= 'z'), (*i)++;
        size_t end = *i;
        while (end > start && (t[end - 1] == '.' || t[end - 1] == '-'))
            end--;
        if (letters >= 2 && !(t[start] == '0' && t[start + 1] == 'x')) { /* not 0x0A */
            *p = t + start;
            *len = end - start;
            return 1;
        }
    }
    return 0;
}

static void vocab_add_pieces(vocab *v, const char *t, size_t n)
{
    const char *p;
    size_t len, i = 0;
    while (next_piece(t, n, &i, &p, &len))
        vocab_add(v, p, len);
}

static int vocab_has(const vocab *v, const char *p, size_t n)
{
    for (const char *q = v->text; q && *q;) {
        size_t m = strcspn(q, "\n");
        if (m == n && !memcmp(q, p, n))
            return 1;
        q += m + 1;
    }
    return 0;
}

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    char *buf = NULL;
    size_t len = 0;
    for (;;) {
        buf = realloc(buf, len + 4097);
        assert_non_null(buf);
        size_t got = fread(buf + len, 1, 4096, f);
        len += got;
        if (got < 4096)
            break;
    }
    fclose(f);
    buf[len] = '\0';
    *n = len;
    return buf;
}

/* The scenario format's words: what docs/scenario-format.md writes as code
 * on its own (a `word` or a piece of YAML such as `aging: {every: N}` in
 * backticks; another phrase in backticks may be prose, such as `the
 * string 'text'`) and the keys and values of its YAML examples; procsim's tokens; the Latin abbreviations Korean text keeps. */
static vocab format_words(void)
{
    vocab v = {0};
    size_t n;
    char *doc = read_all("docs/scenario-format.md", &n);
    int fenced = 0, yaml = 0;
    for (size_t i = 0; i < n; i++) {
        int line_start = i == 0 || doc[i - 1] == '\n';
        if (line_start && !strncmp(doc + i, "```", 3)) {
            fenced = !fenced;
            yaml = fenced && !strncmp(doc + i, "```yaml", 7);
            i += strcspn(doc + i, "\n");
        } else if (line_start && yaml) { /* an example file: its keys and values */
            size_t len = strcspn(doc + i, "\n"), code = strcspn(doc + i, "#\n");
            const char *prose[] = {"ask:", "title:", "description"};
            for (size_t k = 0; k < 3; k++) {
                const char *p = strstr(doc + i, prose[k]);
                if (p && (size_t)(p - (doc + i)) < code)
                    code = (size_t)(p - (doc + i));
            }
            vocab_add_pieces(&v, doc + i, code);
            i += len;
        } else if (!fenced && doc[i] == '`') { /* `a word` or `a: piece` of YAML */
            size_t j = i + 1;
            while (j < n && doc[j] != '`')
                j++;
            const char *span = doc + i + 1;
            size_t len = j - i - 1;
            if ((!memchr(span, ' ', len) && !memchr(span, '\n', len)) || memchr(span, ':', len))
                vocab_add_pieces(&v, span, len);
            i = j;
        }
    }
    free(doc);
    for (int i = 0; i < PS_STATE_COUNT; i++)
        vocab_add_pieces(&v, ps_state_token((ps_state)i), strlen(ps_state_token((ps_state)i)));
    for (int i = 0; i < PS_POLICY_COUNT; i++)
        vocab_add_pieces(&v, ps_policy_token((ps_policy)i), strlen(ps_policy_token((ps_policy)i)));
    for (int i = 0; i < PS_OP_COUNT; i++)
        vocab_add_pieces(&v, ps_op_token((ps_op_kind)i), strlen(ps_op_token((ps_op_kind)i)));
    for (int i = 0; i < PS_ACTION_COUNT; i++)
        vocab_add_pieces(&v, ps_action_token((ps_action)i), strlen(ps_action_token((ps_action)i)));
    for (int i = 0; i < PS_ASK_COUNT; i++)
        vocab_add_pieces(&v, ps_ask_token((ps_ask)i), strlen(ps_ask_token((ps_ask)i)));
    static const char abbreviations[] = "CPU YAML UTF-8 UTF-16 CP949 EUC-KR NFC NUL Python A-Z a-z "
                                        "I/O";
    vocab_add_pieces(&v, abbreviations, sizeof abbreviations - 1);
    return v;
}

/* The pieces of a Korean message outside its quotes ('...' holds what the
 * file says, a suggestion or a name) that are neither format words nor
 * words of the file itself; each reported.  Returns how many. */
static int english_in(const char *ko, const vocab *format, const vocab *file, const char *what)
{
    char body[1024];
    size_t o = 0;
    for (const char *p = ko; *p && o + 1 < sizeof body; p++) {
        if (*p == '\'') {
            const char *q = strchr(p + 1, '\'');
            if (q) {
                p = q;
                body[o++] = ' ';
                continue;
            }
        }
        body[o++] = *p;
    }
    body[o] = '\0';
    int bad = 0;
    const char *w;
    size_t n, i = 0;
    while (next_piece(body, o, &i, &w, &n))
        if (!vocab_has(format, w, n) && !vocab_has(file, w, n)) {
            print_error("%s: English '%.*s' in: %s\n", what, (int)n, w, ko);
            bad++;
        }
    return bad;
}

/* --- every bad file --- */

/* "FILE:LINE:COL: " or "FILE: ": the part of a message that is the same in
 * both languages. */
static size_t place_length(const char *msg, const char *path)
{
    size_t n = strlen(path);
    if (strncmp(msg, path, n) != 0)
        return 0;
    const char *p = msg + n;
    while (*p == ':' || (*p >= '0' && *p <= '9'))
        p++;
    return *p == ' ' ? (size_t)(p + 1 - msg) : 0;
}

static int has_hangul(const char *s)
{
    for (const unsigned char *u = (const unsigned char *)s; *u; u++)
        if (*u >= 0xEA && *u <= 0xED && u[1] && u[2])
            return 1;
    return 0;
}

static void every_bad_file_fails_in_korean_too(void **state)
{
    (void)state;
    vocab format = format_words();
    DIR *dir = opendir("tests/loader/bad");
    assert_non_null(dir);
    int bad = 0, files = 0;
    for (struct dirent *de; (de = readdir(dir));) {
        if (de->d_name[0] == '.')
            continue;
        char path[300];
        snprintf(path, sizeof path, "tests/loader/bad/%s", de->d_name);
        ps_error err;
        ps_scenario *s = ps_scenario_load_file(path, &err);
        assert_null(s);
        files++;
        size_t place = place_length(err.msg, path);
        if (!err.msg_ko[0] || !place || strncmp(err.msg, err.msg_ko, place) != 0 ||
            !strcmp(err.msg, err.msg_ko) || !has_hangul(err.msg_ko + place)) {
            print_error("%s: no Korean message of its own at the same place:\n  en: %s\n  ko: %s\n",
                        path, err.msg, err.msg_ko);
            bad++;
            continue;
        }
        size_t n;
        char *text = read_all(path, &n);
        vocab file = {0};
        vocab_add_pieces(&file, text, n);
        free(text);
        bad += english_in(err.msg_ko + place, &format, &file, path);
        free(file.text);
    }
    closedir(dir);
    free(format.text);
    assert_true(files > 200);
    assert_int_equal(bad, 0);
}

/* The checker finds English, and lets pass what stays. */
static void the_checker_finds_english(void **state)
{
    (void)state;
    vocab format = format_words(), file = {0};
    vocab_add_pieces(&file, "name: editor", 12);
    assert_int_equal(english_in("cpu: 틱 수는 1 이상이어야 합니다", &format, &file, "t"), 0);
    assert_int_equal(english_in("system: 알 수 없는 키 'quantom' (쓸 수 있는 키: mlfq_levels, "
                                "priority_order)", &format, &file, "t"), 0);
    assert_int_equal(english_in("do: editor를 기다립니다", &format, &file, "t"), 0);
    assert_int_equal(english_in("cpu: the tick count must be at least 1", &format, &file, "t"),
                     6);
    assert_int_equal(english_in("quantum: 정수(ticks)가 와야 합니다", &format, &file, "t"), 1);
    free(format.text);
    free(file.text);
}

/* --- encodings --- */

static void cp949_and_euc_kr_are_told_to_save_as_utf8(void **state)
{
    (void)state;
    static const char *const files[] = {"tests/loader/bad/cp949.yaml",
                                        "tests/loader/bad/euc-kr.yaml"};
    for (size_t i = 0; i < 2; i++) {
        ps_error err;
        assert_null(ps_scenario_load_file(files[i], &err));
        assert_non_null(strstr(err.msg, "it looks like CP949/EUC-KR"));
        assert_non_null(strstr(err.msg, "save it as UTF-8"));
        assert_non_null(strstr(err.msg_ko, "CP949/EUC-KR"));
        assert_non_null(strstr(err.msg_ko, "UTF-8로 저장하세요"));
    }
    /* from a string too, at the first byte that is not UTF-8 ("생" in
       EUC-KR is BB FD), and not for other bytes that are not UTF-8 */
    static const char euc[] = "procsim: 1\ntitle: \xBB\xFD\nprocesses: [{name: a}]\n";
    static const char latin1[] = "procsim: 1\ntitle: caf\xE9!\nprocesses: [{name: a}]\n";
    ps_error err;
    assert_null(ps_scenario_load_string("e.yaml", euc, sizeof euc - 1, &err));
    assert_string_equal(err.msg, "e.yaml:2:8: the file is not UTF-8; it looks like CP949/EUC-KR "
                        "(as a Korean Windows editor saves it): save it as UTF-8");
    assert_null(ps_scenario_load_string("l.yaml", latin1, sizeof latin1 - 1, &err));
    assert_null(strstr(err.msg, "CP949"));
    assert_non_null(strstr(err.msg, "a scenario file must be UTF-8 text"));
    assert_non_null(strstr(err.msg_ko, "UTF-8 텍스트여야 합니다"));
}

/* --- names --- */

/* Every kind of name takes Hangul: a process, a device, a channel, a
 * mutex, a variable, and each is found again where an op names it. */
static void every_kind_of_name_takes_hangul(void **state)
{
    (void)state;
    static const char text[] =
        "procsim: 1\n"
        "title: 한글 이름\n"
        "devices: [디스크]\n"
        "variables: {개수: shared}\n"
        "processes:\n"
        "  - name: 생산자\n"
        "    program: [lock 자물쇠, add 개수 1, unlock 자물쇠, send 작업 7, io 디스크 2]\n"
        "  - name: 소비자\n"
        "    program: [recv 작업, wait 자식, cpu 1]\n"
        "  - name: 자식\n"
        "    parent: 소비자\n"
        "    program: [cpu 1]\n"
        "questions:\n"
        "  - {ask: 누가?, answer: finish 생산자}\n";
    static const char spawn[] = "spawn 자식";
    char buf[sizeof text + sizeof spawn + 8];
    /* the consumer spawns its child before waiting for it */
    const char *at = strstr(text, "wait 자식");
    int n = snprintf(buf, sizeof buf, "%.*s%s, %s", (int)(at - text), text, spawn, at);
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("hangul.yaml", buf, (size_t)n, &err);
    if (!s)
        fail_msg("%s", err.msg);
    assert_string_equal(s->procs[0].name, "생산자");
    assert_string_equal(s->procs[1].name, "소비자");
    assert_string_equal(s->procs[2].name, "자식");
    assert_int_equal(s->procs[2].parent, 1);
    assert_string_equal(s->devices.names[0], "디스크");
    assert_string_equal(s->channels.names[0], "작업");
    assert_string_equal(s->mutexes.names[0], "자물쇠");
    assert_string_equal(s->variables.names[0], "개수");
    char op[128];
    const ps_proc_spec *p = &s->procs[0];
    assert_string_equal(ps_op_format(s, &s->ops[p->op_first], op, sizeof op), "lock 자물쇠");
    assert_string_equal(ps_op_format(s, &s->ops[p->op_first + 1], op, sizeof op), "add 개수 1");
    assert_string_equal(ps_op_format(s, &s->ops[p->op_first + 3], op, sizeof op), "send 작업 7");
    assert_string_equal(ps_op_format(s, &s->ops[p->op_first + 4], op, sizeof op), "io 디스크 2");
    ps_scenario_destroy(s);
}

/* A Hangul name the file never defines is reported, with its place, in
 * both languages, and "did you mean" finds a near Hangul name too. */
static void an_unknown_hangul_name_is_reported(void **state)
{
    (void)state;
    static const char text[] = "procsim: 1\ntitle: t\ndevices: [디스크]\n"
                               "processes: [{name: 생산자, program: [io 디스커 1]}]\n";
    ps_error err;
    assert_null(ps_scenario_load_string("u.yaml", text, sizeof text - 1, &err));
    assert_string_equal(err.msg, "u.yaml:4:38: io: unknown device '디스커' (devices: 디스크)");
    assert_string_equal(err.msg_ko, "u.yaml:4:38: io: 알 수 없는 장치 '디스커' (장치: 디스크)");
}

/* --- the Korean words --- */

static void particles_fit_the_word(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        ps__josa kind;
        const char *want;
    } cases[] = {
        {"정수", PS__JOSA_IGA, "가"},           {"매핑", PS__JOSA_IGA, "이"},
        {"정수(틱 수)", PS__JOSA_IGA, "가"},    {"매핑(예: {a: 1})", PS__JOSA_IGA, "이"},
        {"틱 수", PS__JOSA_EUNNEUN, "는"},      {"범위 끝값", PS__JOSA_EUNNEUN, "은"},
        {"10", PS__JOSA_RO, "으로"},            {"-5", PS__JOSA_RO, "로"},
        {"7", PS__JOSA_RO, "로"},               {"3", PS__JOSA_RO, "으로"},
        {"파일", PS__JOSA_RO, "로"},            {"1000000001", PS__JOSA_EUNNEUN, "은"},
        {"2", PS__JOSA_EUNNEUN, "는"},          {"editor", PS__JOSA_IGA, "이(가)"},
        {"'x'", PS__JOSA_EULREUL, "을(를)"},    {"", PS__JOSA_RO, "(으)로"},
        {"true 또는 false", PS__JOSA_IGA, "이(가)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(ps__ko_josa(cases[i].word, cases[i].kind), cases[i].want) != 0)
            fail_msg("'%s' + particle %d: expected %s, got %s", cases[i].word,
                     (int)cases[i].kind, cases[i].want,
                     ps__ko_josa(cases[i].word, cases[i].kind));
}

/* A question's form names its placeholders in Korean, its tokens as they are. */
static void forms_in_korean(void **state)
{
    (void)state;
    char buf[128];
    assert_string_equal(ps__usage_ko("state PROCESS at TICK", buf, sizeof buf),
                        "state 프로세스 at 틱");
    assert_string_equal(ps__usage_ko("value VARIABLE [at TICK]", buf, sizeof buf),
                        "value 변수 [at 틱]");
    assert_string_equal(ps__usage_ko("best turnaround|waiting|response among POLICY POLICY...",
                                     buf, sizeof buf),
                        "best turnaround|waiting|response among 정책 정책...");
    assert_string_equal(ps__usage_ko("order", buf, sizeof buf), "order");
    /* cut where it does not fit, never inside a character */
    assert_string_equal(ps__usage_ko("holder MUTEX at TICK", buf, 12), "holder ");
}

/* Errors outside a file's text: a file that cannot be opened, a --policy. */
static void errors_outside_the_text_are_korean_too(void **state)
{
    (void)state;
    ps_error err;
    assert_null(ps_scenario_load_file("tests/loader/no-such-file.yaml", &err));
    assert_string_equal(err.msg_ko, "tests/loader/no-such-file.yaml: 열 수 없습니다: 그런 파일이나 "
                        "디렉터리가 없습니다");
    assert_null(ps_scenario_load_file("tests/loader", &err));
    assert_string_equal(err.msg_ko, "tests/loader: 읽을 수 없습니다: 디렉터리입니다");
    ps_policy p;
    int64_t q;
    assert_int_equal(ps_policy_parse("fifo", &p, &q, &err), -1);
    assert_non_null(strstr(err.msg_ko, "알 수 없는 정책 'fifo'"));
    assert_int_equal(ps_policy_parse("rr:x", &p, &q, &err), -1);
    assert_non_null(strstr(err.msg_ko, "rr:x: ':' 뒤의 퀀텀은"));
    assert_int_equal(ps_policy_parse("fcfs:3", &p, &q, &err), -1);
    assert_string_equal(err.msg_ko, "fcfs:3: 정책 fcfs에는 퀀텀이 없습니다; ':3' 없이 쓰세요");
    assert_string_equal(ps_error_in(&err, PS_LANG_EN), err.msg);
    assert_string_equal(ps_error_in(&err, PS_LANG_KO), err.msg_ko);
}

int main(void)
{
    if (chdir(PROCSIM_SOURCE_DIR) != 0) {
        perror(PROCSIM_SOURCE_DIR);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_checker_finds_english),
        cmocka_unit_test(every_bad_file_fails_in_korean_too),
        cmocka_unit_test(cp949_and_euc_kr_are_told_to_save_as_utf8),
        cmocka_unit_test(every_kind_of_name_takes_hangul),
        cmocka_unit_test(an_unknown_hangul_name_is_reported),
        cmocka_unit_test(particles_fit_the_word),
        cmocka_unit_test(forms_in_korean),
        cmocka_unit_test(errors_outside_the_text_are_korean_too),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
