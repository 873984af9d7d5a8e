/* test_cause.c — the one list of causes (procsim/cause.h) and its
 * formatter, and the one list of waits (PS_WAITS in procsim/pcb.h)
 * with the deadlock report that uses it.
 *
 * Table-driven over the whole list: every cause has English and Korean
 * words, every placeholder in every template is a known one, the two
 * languages of a row show the same values, and every text comes out whole
 * (no brace left, valid UTF-8 even when cut).  Then the wordings that
 * depend on an argument, written out by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testkit.h"
#include "procsim/cause.h"

static const char *const slot_texts[PS_SLOT_COUNT] = {
#define PS_X_(e, t) [PS_SLOT_##e] = t,
    PS_CAUSE_SLOTS(PS_X_)
#undef PS_X_
};

static const char *const cause_names[PS_CAUSE_COUNT] = {
#define PS_X_(e, w, en, ko, en2, ko2) [PS_CAUSE_##e] = #e,
    PS_CAUSES(PS_X_)
#undef PS_X_
};

static const char *const lang_names[PS_LANG_COUNT] = {[PS_LANG_EN] = "English",
                                                       [PS_LANG_KO] = "Korean"};

/* How many times each placeholder occurs in template t; fails the test on
 * an unknown placeholder or a brace outside one. */
static void count_slots(const char *t, const char *where, int counts[PS_SLOT_COUNT])
{
    memset(counts, 0, PS_SLOT_COUNT * sizeof *counts);
    for (const char *p = t; *p;) {
        ps_cause_slot slot;
        size_t n = ps_cause_slot_at(p, &slot);
        if (n) {
            assert_true(slot < PS_SLOT_COUNT);
            counts[slot]++;
            p += n;
            continue;
        }
        if (*p == '{' || *p == '}')
            fail_msg("%s: \"%s\": unknown placeholder at \"%s\"", where, t, p);
        p++;
    }
}

static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC0 ? 1 : -1;
        if (n < 0)
            return 0;
        p++;
        for (; n > 0; n--, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

static void every_cause_has_words_in_both_languages(void **state)
{
    (void)state;
    for (int c = 0; c < PS_CAUSE_COUNT; c++) {
        ps_cause_when when = ps_cause_condition((ps_cause)c);
        for (int l = 0; l < PS_LANG_COUNT; l++) {
            const char *first = ps_cause_template((ps_cause)c, (ps_lang)l, false);
            const char *other = ps_cause_template((ps_cause)c, (ps_lang)l, true);
            if (!first[0])
                fail_msg("%s has no %s words", cause_names[c], lang_names[l]);
            if (when == PS_WHEN_ALWAYS && other[0])
                fail_msg("%s has one wording but a second %s one: \"%s\"", cause_names[c],
                         lang_names[l], other);
            if (when != PS_WHEN_ALWAYS && (!other[0] || !strcmp(first, other)))
                fail_msg("%s depends on its arguments but has no second %s wording",
                         cause_names[c], lang_names[l]);
        }
    }
    assert_string_equal(ps_cause_template(PS_CAUSE_COUNT, PS_LANG_EN, false), "");
    assert_string_equal(ps_cause_template(PS_CAUSE_ARRIVAL, PS_LANG_COUNT, false), "");
    assert_int_equal(ps_cause_condition(PS_CAUSE_COUNT), PS_WHEN_ALWAYS);
}

/* Every placeholder is known, and the Korean of a wording shows the same
 * values as its English (a translation that drops one hides it). */
static void every_placeholder_is_known_and_in_both_languages(void **state)
{
    (void)state;
    for (int c = 0; c < PS_CAUSE_COUNT; c++)
        for (int alt = 0; alt < 2; alt++) {
            int counts[PS_LANG_COUNT][PS_SLOT_COUNT];
            for (int l = 0; l < PS_LANG_COUNT; l++)
                count_slots(ps_cause_template((ps_cause)c, (ps_lang)l, alt), cause_names[c],
                            counts[l]);
            for (int k = 0; k < PS_SLOT_COUNT; k++)
                if (counts[PS_LANG_EN][k] != counts[PS_LANG_KO][k])
                    fail_msg("%s: %s appears %d times in English, %d in Korean",
                             cause_names[c], slot_texts[k], counts[PS_LANG_EN][k],
                             counts[PS_LANG_KO][k]);
        }
}

static void placeholders_are_read_exactly(void **state)
{
    (void)state;
    for (int k = 0; k < PS_SLOT_COUNT; k++) {
        ps_cause_slot slot = PS_SLOT_COUNT;
        char t[32];
        snprintf(t, sizeof t, "%s rest", slot_texts[k]);
        assert_int_equal(ps_cause_slot_at(t, &slot), strlen(slot_texts[k]));
        assert_int_equal(slot, k);
    }
    static const char *const unknown[] = {"{", "{}", "{a", "{a }", "{c}", "{proc}", "{proc c}",
                                          "{proc  a}", "{pro a}", "{Proc a}", "{policy",
                                          "a}", "{device}", "{mutex a!}", ""};
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
        ps_cause_slot slot;
        if (ps_cause_slot_at(unknown[i], &slot))
            fail_msg("\"%s\" read as a placeholder", unknown[i]);
    }
}

static ps_scenario *scenario(void)
{
    return tk_load("procsim: 1\ntitle: t\nsystem: {memory: 50, policy: rr}\n"
                   "devices: [disk, tape]\n"
                   "processes:\n"
                   "  - {name: alpha, program: [send pipe 1, lock door, recv pipe, unlock door]}\n"
                   "  - {name: beta, program: [cpu 1]}\n");
}

/* Arguments that make each condition hold, and fail. */
static const int64_t args[][2] = {{1, 2}, {2, 1}, {0, PS_UNLIMITED}, {0, 0}, {1, PS_UNLIMITED},
                                  {-7, 40}, {INT64_MIN, INT64_MAX}, {99, -3}};

static void every_text_comes_out_whole(void **state)
{
    (void)state;
    ps_scenario *s = scenario();
    ps_engine *e = ps_engine_create(s);
    for (int c = 0; c < PS_CAUSE_COUNT; c++)
        for (size_t k = 0; k < sizeof args / sizeof *args; k++)
            for (int l = 0; l < PS_LANG_COUNT; l++) {
                ps_trace_event ev = {.pid = 1, .cause = (uint8_t)c, .a = args[k][0],
                                     .b = args[k][1]};
                char full[256], cut[256];
                ps_cause_format(e, &ev, (ps_lang)l, full, sizeof full);
                if (!full[0] || strpbrk(full, "{}") || !valid_utf8(full))
                    fail_msg("%s (%lld, %lld) in %s: \"%s\"", cause_names[c],
                             (long long)ev.a, (long long)ev.b, lang_names[l], full);
                /* cut short: a prefix, whole characters, NUL-terminated */
                for (size_t size = 1; size <= strlen(full) + 1; size++) {
                    memset(cut, 'x', sizeof cut);
                    ps_cause_format(e, &ev, (ps_lang)l, cut, size);
                    size_t n = strlen(cut);
                    if (n >= size || strncmp(cut, full, n) || !valid_utf8(cut) ||
                        (size > strlen(full) && strcmp(cut, full)) || size - n > 4)
                        fail_msg("%s in %s cut to %zu bytes: \"%s\" (of \"%s\")",
                                 cause_names[c], lang_names[l], size, cut, full);
                }
            }
    char untouched[1] = {'x'};
    ps_trace_event ev = {.pid = 1, .cause = PS_CAUSE_ARRIVAL};
    ps_cause_format(e, &ev, PS_LANG_EN, untouched, 0);
    assert_int_equal(untouched[0], 'x');
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

static const char *fmt(const ps_engine *e, ps_cause c, int64_t a, int64_t b, ps_lang lang)
{
    static char buf[256];
    ps_trace_event ev = {.pid = 1, .cause = (uint8_t)c, .a = a, .b = b};
    return ps_cause_format(e, &ev, lang, buf, sizeof buf);
}

static void wording_follows_the_arguments(void **state)
{
    (void)state;
    ps_scenario *s = scenario();
    ps_engine *e = ps_engine_create(s);
    static const struct {
        ps_cause c;
        int64_t a, b;
        const char *en, *ko;
    } want[] = {
        {PS_CAUSE_MEMORY_FITS, 30, 50, "memory 30/50", "메모리 30/50"},
        {PS_CAUSE_MEMORY_FITS, 0, PS_UNLIMITED, "memory unlimited", "메모리 제한 없음"},
        {PS_CAUSE_PICKED, 0, 2, "rr picks it for cpu 0 (switch 2)",
         "rr 스케줄러가 CPU 0에 배정 (문맥 교환 비용 2)"},
        {PS_CAUSE_PICKED, 1, 0, "rr picks it for cpu 1", "rr 스케줄러가 CPU 1에 배정"},
        {PS_CAUSE_WAIT_CHILD, 2, 0, "wait beta", "자식 beta 기다림"},
        {PS_CAUSE_WAIT_CHILD, 0, 0, "wait any", "아무 자식이나 기다림"},
        {PS_CAUSE_DIED, 9, 0, "died of SIGKILL", "SIGKILL 시그널로 죽음"},
        {PS_CAUSE_DIED, 0, 0, "exited on its own", "스스로 끝남"},
        {PS_CAUSE_SWAP_IN, 40, 50, "swapped in: memory 40/50", "스왑 인: 메모리 40/50"},
        {PS_CAUSE_SWAP_IN, 0, PS_UNLIMITED, "swapped in", "스왑 인"},
        {PS_CAUSE_USER_RESUME, 10, 50, "resumed by the user: memory 10/50",
         "사용자가 재개: 메모리 10/50"},
        {PS_CAUSE_USER_RESUME, 0, PS_UNLIMITED, "resumed by the user", "사용자가 재개"},
        {PS_CAUSE_SCRIPT_RESUME, 10, 50, "scripted resume: memory 10/50",
         "예약된 재개: 메모리 10/50"},
        {PS_CAUSE_SCRIPT_RESUME, 0, PS_UNLIMITED, "scripted resume", "예약된 재개"},
        /* names: processes by pid, devices, channels and mutexes by index */
        {PS_CAUSE_IO_QUEUED, 1, 2, "io tape: queued behind beta", "입출력 tape: beta 뒤에서 대기"},
        {PS_CAUSE_LOCK_HELD, 0, 1, "lock door: held by alpha", "락 door: alpha가 잡고 있음"},
        {PS_CAUSE_MESSAGE, 0, 0, "message on pipe", "pipe에 메시지 도착"},
        {PS_CAUSE_MEMORY_FULL, -5, 12, "memory full: needs -5 with 12 free",
         "메모리 부족: -5 필요, 12 남음"},
        /* what names nothing reads "?" */
        {PS_CAUSE_SPAWNED, 3, 0, "spawned by ?", "부모 ?가 생성"},
        {PS_CAUSE_PREEMPTED, (int64_t)1 << 32 | 1, 0, "preempted by ?", "?에게 선점됨"},
        {PS_CAUSE_IO_DONE, 2, 0, "io ? done", "입출력 ? 완료"},
        {PS_CAUSE_RECV_EMPTY, -1, 0, "recv ?: empty", "?에서 받기: 비어 있음"},
        {PS_CAUSE_QUANTUM, INT64_MIN, 0, "quantum of -9223372036854775808 expired",
         "타임 퀀텀 -9223372036854775808 만료"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        assert_string_equal(fmt(e, want[i].c, want[i].a, want[i].b, PS_LANG_EN), want[i].en);
        assert_string_equal(fmt(e, want[i].c, want[i].a, want[i].b, PS_LANG_KO), want[i].ko);
    }
    /* {milli a}: thousandths, no trailing zeros */
    static const struct {
        int64_t a;
        const char *en;
    } milli[] = {{2500, "highest response ratio 2.5"}, {8000, "highest response ratio 8"},
                 {1333, "highest response ratio 1.333"}, {50, "highest response ratio 0.05"},
                 {-250, "highest response ratio -0.25"}};
    for (size_t i = 0; i < sizeof milli / sizeof *milli; i++)
        assert_string_equal(fmt(e, PS_CAUSE_WHY_RATIO, milli[i].a, 0, PS_LANG_EN), milli[i].en);
    /* a cause or a language out of range */
    assert_string_equal(fmt(e, PS_CAUSE_COUNT, 0, 0, PS_LANG_EN), "");
    assert_string_equal(fmt(e, PS_CAUSE_ARRIVAL, 0, 0, PS_LANG_COUNT), "arrival");
    /* no engine: the names read "?" */
    assert_string_equal(fmt(NULL, PS_CAUSE_PICKED, 0, 0, PS_LANG_EN), "? picks it for cpu 0");
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

/* ---- the one list of waits (PS_WAITS, procsim/pcb.h) ----------- */

static const char *const wait_names[PS_WAIT_KINDS] = {
#define PS_X_(e, ...) [PS_WAIT_##e] = #e,
    PS_WAITS(PS_X_)
#undef PS_X_
};

/* Some Hangul (U+AC00 to U+D7A3: UTF-8 lead bytes EA to ED). */
static int has_hangul(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0xEA && (unsigned char)*s <= 0xED)
            return 1;
    return 0;
}

/* Every wait kind but NOTHING has words in both languages, the Korean in
 * Korean and with the English's placeholders; a second wording in both
 * languages or in neither. */
static void every_wait_has_words_in_both_languages(void **state)
{
    (void)state;
    for (int k = 0; k < PS_WAIT_KINDS; k++)
        for (int alt = 0; alt < 2; alt++) {
            const char *en = ps_wait_template((ps_wait_kind)k, PS_LANG_EN, alt);
            const char *ko = ps_wait_template((ps_wait_kind)k, PS_LANG_KO, alt);
            if (!alt && (k == PS_WAIT_NOTHING) != (!en[0] || !ko[0]))
                fail_msg("%s: English \"%s\", Korean \"%s\"", wait_names[k], en, ko);
            if (!en[0] != !ko[0])
                fail_msg("%s: a second wording in one language only", wait_names[k]);
            if (ko[0] && !has_hangul(ko))
                fail_msg("%s: the Korean \"%s\" is not Korean", wait_names[k], ko);
            int counts[PS_LANG_COUNT][PS_SLOT_COUNT];
            count_slots(en, wait_names[k], counts[PS_LANG_EN]);
            count_slots(ko, wait_names[k], counts[PS_LANG_KO]);
            for (int i = 0; i < PS_SLOT_COUNT; i++)
                if (counts[PS_LANG_EN][i] != counts[PS_LANG_KO][i])
                    fail_msg("%s: %s appears %d times in English, %d in Korean",
                             wait_names[k], slot_texts[i], counts[PS_LANG_EN][i],
                             counts[PS_LANG_KO][i]);
        }
    assert_string_equal(ps_wait_template((ps_wait_kind)PS_WAIT_KINDS, PS_LANG_EN, 0), "");
    assert_string_equal(ps_wait_template(PS_WAIT_MUTEX, PS_LANG_COUNT, 0), "");
}

/* Each wait as the PCB panel says it, in both languages. */
static void every_wait_is_said_in_both_languages(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\ndevices: [disk]\nprocesses:\n"
                "  - {name: x, program: [io disk 5]}\n"
                "  - {name: y, program: [io disk 5]}\n"
                "  - {name: z, program: [sleep 3]}\n"
                "  - {name: h, program: [lock m, recv pipe]}\n"
                "  - {name: w, program: [cpu 1, lock m]}\n"
                "  - {name: p, program: [spawn k, wait k, wait any]}\n"
                "  - {name: k, parent: p, program: [recv pipe]}\n", 1);
    static const struct {
        const char *name, *en, *ko;
    } want[] = {
        {"x", "waits for device disk, being served", "장치 disk 대기 (처리 중)"},
        {"y", "waits for device disk, queued", "장치 disk 대기 (줄 서 있음)"},
        {"z", "sleeps until tick 3", "3틱까지 잠듦"},
        {"h", "waits on empty channel pipe", "빈 채널 pipe 대기"},
        {"w", "waits for mutex m held by h", "h가 잡은 뮤텍스 m 대기"},
        {"p", "waits for child k", "자식 k 대기"},
    };
    char buf[128];
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const ps_pcb *p = ps_engine_pcb(r.e, tk_pid(&r, want[i].name));
        assert_string_equal(ps_wait_format(r.e, p, PS_LANG_EN, buf, sizeof buf), want[i].en);
        assert_string_equal(ps_wait_format(r.e, p, PS_LANG_KO, buf, sizeof buf), want[i].ko);
        assert_string_equal(ps_wait_format(r.e, p, PS_LANG_COUNT, buf, sizeof buf), want[i].en);
        /* a buffer it just fits: whole, not cut */
        assert_string_equal(ps_wait_format(r.e, p, PS_LANG_KO, buf, strlen(want[i].ko) + 1),
                            want[i].ko);
    }
    assert_string_equal(ps_wait_format(r.e, ps_engine_pcb(r.e, tk_pid(&r, "k")), PS_LANG_KO,
                                       buf, sizeof buf), "빈 채널 pipe 대기");
    tk_run_fini(&r);
}

/* The deadlock report in both languages, whole and cut short. */
static void the_deadlock_report_is_in_the_language_asked(void **state)
{
    (void)state;
    tk_run r;
    tk_run_yaml(&r,
                "procsim: 1\ntitle: t\nsystem: {policy: rr, quantum: 1}\nprocesses:\n"
                "  - {name: a, program: [lock m1, cpu 2, lock m2, unlock m2, unlock m1]}\n"
                "  - {name: b, program: [lock m2, cpu 2, lock m1, unlock m1, unlock m2]}\n"
                "  - {name: c, program: [recv nothing]}\n"
                "  - {name: p, program: [spawn k, wait any]}\n"
                "  - {name: k, parent: p, program: [recv nothing]}\n"
                "  - {name: s, program: [cpu 5]}\n"
                "events:\n  - {at: 1, do: suspend s}\n", -1);
    assert_int_equal(r.status, PS_STEP_STUCK);
    char en[512], ko[512], cut[512];
    assert_string_equal(ps_engine_stuck(r.e, PS_LANG_EN, en, sizeof en),
                        "deadlock at tick 4: a waits for mutex m2 held by b; b waits for mutex "
                        "m1 held by a; c waits on empty channel nothing; p waits for any "
                        "child; k waits on empty channel nothing; s is suspended and nothing "
                        "resumes it");
    assert_string_equal(ps_engine_stuck(r.e, PS_LANG_KO, ko, sizeof ko),
                        "4틱에 교착 상태: a: b가 잡은 뮤텍스 m2 대기; b: a가 잡은 뮤텍스 m1 "
                        "대기; c: 빈 채널 nothing 대기; p: 아무 자식이나 대기; k: 빈 채널 "
                        "nothing 대기; s: 보류되었는데 재개할 것이 없음");
    assert_string_equal(ps_engine_stuck(r.e, PS_LANG_COUNT, cut, sizeof cut), en);
    /* cut short: a prefix of whole characters, then "..." */
    /* just fitting: the whole report, no "..." */
    char *fit = malloc(strlen(ko) + 1);
    assert_non_null(fit);
    assert_string_equal(ps_engine_stuck(r.e, PS_LANG_KO, fit, strlen(ko) + 1), ko);
    free(fit);
    for (size_t size = 5; size <= strlen(ko); size++) {
        ps_engine_stuck(r.e, PS_LANG_KO, cut, size);
        size_t n = strlen(cut);
        if (n >= size || n < 3 || strcmp(cut + n - 3, "...") || strncmp(cut, ko, n - 3) ||
            !valid_utf8(cut) || size - n > 4)
            fail_msg("cut to %zu bytes: \"%s\"", size, cut);
    }
    tk_run_fini(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_cause_has_words_in_both_languages),
        cmocka_unit_test(every_placeholder_is_known_and_in_both_languages),
        cmocka_unit_test(placeholders_are_read_exactly),
        cmocka_unit_test(every_text_comes_out_whole),
        cmocka_unit_test(wording_follows_the_arguments),
        cmocka_unit_test(every_wait_has_words_in_both_languages),
        cmocka_unit_test(every_wait_is_said_in_both_languages),
        cmocka_unit_test(the_deadlock_report_is_in_the_language_asked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
