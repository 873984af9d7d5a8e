/* test_variant.c — a lab's variants (docs/scenario-format.md "vary",
 * docs/labs/README.md "Variants"): the hash that picks the values, the
 * same numbers for the same ID, IDs spread over each range, the key that
 * follows the numbers, $name and $$, the errors at their place in both
 * languages, and `procsim lab --variant`. */
#include "clikit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "procsim/lab.h"
#include "procsim/scenario.h"

#define LAB "scenarios/labs/scheduling-variants.yaml"

static ps_scenario *load(const char *yaml, const char *variant, ps_error *err)
{
    return ps_scenario_load_string_variant("v.yaml", yaml, strlen(yaml), variant, err);
}

static ps_scenario *load_lab(const char *variant)
{
    ps_error err;
    ps_scenario *s = ps_scenario_load_file_variant(PROCSIM_SOURCE_DIR "/" LAB, variant, &err);
    if (!s)
        fail_msg("%s", err.msg);
    return s;
}

static const char *value_of(const ps_scenario *s, const char *name)
{
    for (uint32_t i = 0; i < s->nvary; i++)
        if (!strcmp(s->vary[i].name, name))
            return s->vary[i].value;
    fail_msg("no vary entry '%s'", name);
    return NULL;
}

/* The hash is the documented one: these are FNV-1a 64 and splitmix64's
 * finaliser computed apart from procsim (by a few lines of Python). */
static void the_hash_is_the_documented_one(void **state)
{
    (void)state;
    static const struct { const char *variant, *name; uint64_t h; } rows[] = {
        {"", "", 0x25fc6dd36ce04b20u},
        {"2026123", "q", 0x5fcab3bf701f41b0u},
        {"2026123", "b1", 0x0d310917c1d3e0fau},
        {"김민지", "burst", 0x82485adcdb646969u},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        assert_true(ps_vary_hash(rows[i].variant, rows[i].name) == rows[i].h);
}

/* The shipped lab: the file as written takes the defaults, and variant
 * 2026123 its own values (a golden: they must never change, or a class's
 * answers files would be graded against other numbers). */
static void one_id_gives_its_numbers_every_time(void **state)
{
    (void)state;
    static const char *const names[] = {"q", "b1", "b2", "b3", "b4", "late"};
    static const char *const written[] = {"2", "8", "4", "1", "3", "3"};
    static const char *const golden[] = {"3", "7", "2", "3", "5", "3"};
    ps_scenario *s = load_lab(NULL), *a = load_lab("2026123"), *b = load_lab("2026123");
    assert_string_equal(s->variant, "");
    assert_string_equal(a->variant, "2026123");
    assert_int_equal(a->nvary, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_string_equal(value_of(s, names[i]), written[i]);
        assert_string_equal(s->vary[i].fallback, written[i]);
        assert_string_equal(value_of(a, names[i]), golden[i]);
        assert_string_equal(value_of(b, names[i]), golden[i]);
        assert_string_equal(a->vary[i].fallback, written[i]);
    }
    /* the values are where the $names were */
    assert_int_equal(a->quantum, 3);
    assert_int_equal(a->ops[a->procs[0].op_first].n, 7);
    assert_int_equal(a->ops[a->procs[3].op_first].n, 5);
    assert_int_equal(a->procs[3].arrival, 3);
    assert_int_equal(s->quantum, 2);
    assert_int_equal(s->ops[s->procs[0].op_first].n, 8);
    assert_non_null(strstr(a->description, "quantum 3,"));
    assert_non_null(strstr(a->questions[4].ask, "tick 3)"));
    ps_scenario_destroy(s);
    ps_scenario_destroy(a);
    ps_scenario_destroy(b);
}

/* Over 300 IDs every value of every entry comes up, none more than twice
 * as often as its share. */
static void ids_spread_over_each_range(void **state)
{
    (void)state;
    enum { IDS = 300 };
    static const char *const names[] = {"q", "b1", "b3", "late"};
    static const int lo[] = {2, 5, 1, 2}, count[] = {3, 5, 3, 3};
    int seen[4][5] = {{0}};
    for (int k = 0; k < IDS; k++) {
        char id[16];
        snprintf(id, sizeof id, "s%d", k + 1);
        ps_scenario *s = load_lab(id);
        for (int e = 0; e < 4; e++) {
            int v = atoi(value_of(s, names[e]));
            assert_in_range(v, lo[e], lo[e] + count[e] - 1);
            seen[e][v - lo[e]]++;
        }
        ps_scenario_destroy(s);
    }
    for (int e = 0; e < 4; e++)
        for (int v = 0; v < count[e]; v++)
            if (seen[e][v] < IDS / count[e] / 2 || seen[e][v] > 2 * IDS / count[e])
                fail_msg("%s = %d for %d of %d IDs", names[e], lo[e] + v, seen[e][v], IDS);
}

/* The key is computed from the variant: where the numbers differ, so do
 * the answers. */
static void the_key_follows_the_numbers(void **state)
{
    (void)state;
    ps_scenario *a = load_lab(NULL);
    ps_lab_key ka;
    assert_int_equal(ps_lab_key_compute(a, PS_LANG_EN, &ka), 0);
    int differs = 0;
    for (int k = 1; k <= 20; k++) {
        char id[16];
        snprintf(id, sizeof id, "s%d", k);
        ps_scenario *b = load_lab(id);
        ps_lab_key kb;
        assert_int_equal(ps_lab_key_compute(b, PS_LANG_EN, &kb), 0);
        /* the CPU is never idle (P1 arrives at 0 with a burst longer than
         * the last arrival), so P1 finishes after its own burst and by the
         * sum of all of them */
        long sum = 0;
        for (uint32_t p = 0; p < b->nprocs; p++)
            sum += (long)b->ops[b->procs[p].op_first].n;
        assert_in_range(atol(kb.answers[1].text), b->ops[b->procs[0].op_first].n, sum);
        differs += strcmp(ka.answers[1].text, kb.answers[1].text) != 0;
        ps_lab_key_fini(&kb);
        ps_scenario_destroy(b);
    }
    assert_true(differs >= 10);
    ps_lab_key_fini(&ka);
    ps_scenario_destroy(a);
}

#define HEAD "procsim: 1\ntitle: t\n"

/* $name anywhere after vary:, ${name} before a letter or digit, $$ for a
 * dollar; ranges with a step, negative numbers, choices of words. */
static void names_stand_for_their_values(void **state)
{
    (void)state;
    ps_error err;
    ps_scenario *s = load(HEAD "vary:\n"
                          "  m: {from: 10, to: 50, step: 10, default: 30}\n"
                          "  n: {from: -5, to: 5, default: 0}\n"
                          "  pol: {choose: [fcfs, cfs], default: cfs}\n"
                          "  d: {choose: [3]}\n"
                          "description: costs $$5, ${d}0 ticks\n"
                          "system: {policy: $pol}\n"
                          "processes:\n"
                          "  - {name: a, memory: $m, nice: $n, program: [cpu $d, 'io disk $d']}\n",
                          NULL, &err);
    if (!s)
        fail_msg("%s", err.msg);
    assert_string_equal(s->description, "costs $5, 30 ticks");
    assert_int_equal(s->procs[0].memory, 30);
    assert_int_equal(s->procs[0].nice, 0);
    assert_int_equal(s->policy, PS_POLICY_CFS);
    assert_int_equal(s->ops[1].n, 3);
    ps_scenario_destroy(s);
    /* a variant: every value on the grid */
    for (int k = 0; k < 50; k++) {
        char id[16];
        snprintf(id, sizeof id, "%d", k);
        s = load(HEAD "vary:\n  m: {from: 10, to: 50, step: 10}\n  n: {from: -5, to: 5}\n"
                 "system: {policy: cfs}\n"
                 "processes:\n  - {name: a, memory: $m, nice: $n, program: [cpu 1]}\n", id,
                 &err);
        if (!s)
            fail_msg("%s", err.msg);
        assert_true(s->procs[0].memory % 10 == 0 && s->procs[0].memory >= 10 &&
                    s->procs[0].memory <= 50);
        assert_in_range(s->procs[0].nice + 5, 0, 10);
        ps_scenario_destroy(s);
    }
}

/* A file without a vary: section reads a $ as itself, as it always has:
 * procsim trace --record writes shell commands ("kill -9 $!") in titles. */
static void without_vary_a_dollar_is_a_dollar(void **state)
{
    (void)state;
    ps_error err;
    ps_scenario *s = load("procsim: 1\ntitle: \"sh -c 'kill $!; echo $x'\"\n"
                          "processes:\n  - {name: a, program: [cpu 1]}\n", NULL, &err);
    if (!s)
        fail_msg("%s", err.msg);
    assert_string_equal(s->title, "sh -c 'kill $!; echo $x'");
    assert_int_equal(s->nvary, 0);
    assert_string_equal(s->variant, "");
    ps_scenario_destroy(s);
}

typedef struct bad_case {
    const char *yaml;
    const char *variant;
    const char *msg;   /* the English message, whole */
} bad_case;

#define PROC "processes:\n  - {name: a, program: [cpu $b]}\n"
#define VARY "vary:\n  b: {from: 1, to: 3}\n"

static const bad_case bad[] = {
    {HEAD VARY "processes:\n  - {name: a, program: [cpu $c]}\n", NULL,
     "v.yaml:6:29: $c: vary: declares no 'c' (vary: declares b)"},
    {HEAD "vary:\n  burst: {from: 1, to: 3}\nprocesses:\n  - {name: a, program: [cpu $brust]}\n",
     NULL, "v.yaml:6:29: $brust: vary: declares no 'brust'; did you mean '$burst'? (vary: "
     "declares burst)"},
    {HEAD VARY "processes:\n  - {name: a, program: [cpu $5]}\n", NULL,
     "v.yaml:6:29: '$' must be followed by the name of a vary: entry ($burst, or ${burst} "
     "before a letter or digit); write $$ for a '$' itself"},
    {HEAD VARY "processes:\n  - {name: a, program: [cpu ${b]}\n", NULL,
     "v.yaml:6:29: '$' must be followed by the name of a vary: entry ($burst, or ${burst} "
     "before a letter or digit); write $$ for a '$' itself"},
    {HEAD "description: costs $5\n" VARY PROC, NULL,
     "v.yaml:3:20: '$' before vary:: in a file with a vary: section every '$' is a $name (or "
     "$$ for a '$' itself), so vary: must come before the first one"},
    {HEAD VARY "  c: {from: 1, to: 3}\n" PROC, NULL,
     "v.yaml:5:3: vary: 'c' is never used; write $c where it should go, or remove it"},
    {HEAD "vary:\n  b: {from: 4, to: 3}\n" PROC, NULL,
     "v.yaml:4:16: vary: 'b': from 4 is more than to 3; the range is empty"},
    {HEAD "vary:\n  b: {from: 1, to: 6, step: 2}\n" PROC, NULL,
     "v.yaml:4:23: vary: 'b': to - from (5) is not a multiple of step 2; make the range end "
     "on a step"},
    {HEAD "vary:\n  b: {from: 1, to: 5, default: 6}\n" PROC, NULL,
     "v.yaml:4:32: vary: 'b': the default '6' is not one of the values it may take"},
    {HEAD "vary:\n  b: {from: 1, to: 5, default: 03}\n" PROC, NULL,
     "v.yaml:4:32: vary: 'b': the default '03' is not one of the values it may take"},
    {HEAD "vary:\n  b: {choose: [1, 2], default: 3}\n" PROC, NULL,
     "v.yaml:4:32: vary: 'b': the default '3' is not one of the values it may take"},
    {HEAD "vary:\n  b: {from: 1}\n" PROC, NULL,
     "v.yaml:4:6: vary: 'b' needs either from and to (a range of whole numbers) or choose (a "
     "list of values), not both"},
    {HEAD "vary:\n  b: {from: 1, to: 2, choose: [1]}\n" PROC, NULL,
     "v.yaml:4:6: vary: 'b' needs either from and to (a range of whole numbers) or choose (a "
     "list of values), not both"},
    {HEAD "vary:\n  b: {choose: [1], step: 2}\n" PROC, NULL,
     "v.yaml:4:20: vary: 'b': step goes with from and to, not with choose"},
    {HEAD "vary:\n  b: {choose: [1, 2, 1]}\n" PROC, NULL,
     "v.yaml:4:22: vary: 'b': the choice '1' is listed twice; each value once"},
    {HEAD "vary:\n  b: {choose: []}\n" PROC, NULL, "v.yaml:4:15: vary: 'b': choose lists no value"},
    {HEAD "vary:\n  b: {choose: 3}\n" PROC, NULL,
     "v.yaml:4:15: vary: 'b': choose expects a sequence of values such as [2, 3, 4]"},
    {HEAD "vary:\n  b: {choose: [[1]]}\n" PROC, NULL,
     "v.yaml:4:16: vary: 'b': a value is one line of at most 64 bytes, such as 3 or rr"},
    {HEAD "vary:\n  b: {from: $x, to: 3}\n" PROC, NULL,
     "v.yaml:4:13: vary: values are written out here, not with $name"},
    {HEAD "vary:\n  b-1: {from: 1, to: 3}\n" PROC, NULL,
     "v.yaml:4:3: vary: 'b-1' is not a vary name; a vary name is an ASCII letter or '_', then "
     "letters, digits or '_' (at most 32), used as $name"},
    {HEAD "vary:\n  b: {from: 1, to: 3}\n  b: {from: 1, to: 3}\n" PROC, NULL,
     "v.yaml:5:3: vary: 'b' is declared twice (first at line 4)"},
    {HEAD "vary:\n  b: 3\n" PROC, NULL,
     "v.yaml:4:6: vary: 'b' expects a mapping such as {from: 3, to: 9} or {choose: [2, 3, 4]}"},
    {HEAD "vary: [b]\n" PROC, NULL,
     "v.yaml:3:7: vary: expected a mapping of names to what they may be, such as {burst: "
     "{from: 3, to: 9}}"},
    {HEAD "vary:\n  b: {from: 1, to: 3, by: 2}\n" PROC, NULL,
     "v.yaml:4:23: vary: unknown key 'by' (valid keys: from, to, step, choose, default)"},
    /* a value that breaks its place's rule is reported there, as written */
    {HEAD "vary:\n  b: {from: 0, to: 0}\n" PROC, NULL,
     "v.yaml:6:25: cpu: the tick count must be at least 1, got 0"},
    /* variants */
    {"procsim: 1\ntitle: t\nprocesses:\n  - {name: a, program: [cpu 1]}\n", "s1",
     "v.yaml: declares nothing to vary (a lab's vary: section), so it has no variant 's1'"},
    {HEAD VARY PROC, " s1",
     "v.yaml: the variant ID must be one line of UTF-8 text of at most 64 bytes, without "
     "control characters or a space at either end (a student's ID such as 2026123)"},
    {HEAD VARY PROC, "s\n1",
     "v.yaml: the variant ID must be one line of UTF-8 text of at most 64 bytes, without "
     "control characters or a space at either end (a student's ID such as 2026123)"},
    {HEAD VARY PROC, "s\xC2\x85",
     "v.yaml: the variant ID must be one line of UTF-8 text of at most 64 bytes, without "
     "control characters or a space at either end (a student's ID such as 2026123)"},
    {HEAD VARY PROC, "\xED\xA0\x80",
     "v.yaml: the variant ID must be one line of UTF-8 text of at most 64 bytes, without "
     "control characters or a space at either end (a student's ID such as 2026123)"},
    {HEAD VARY PROC, "\xC1\x81",
     "v.yaml: the variant ID must be one line of UTF-8 text of at most 64 bytes, without "
     "control characters or a space at either end (a student's ID such as 2026123)"},
    {HEAD VARY PROC, "12345678901234567890123456789012345678901234567890123456789012345",
     "v.yaml: the variant ID must be one line of UTF-8 text of at most 64 bytes, without "
     "control characters or a space at either end (a student's ID such as 2026123)"},
};

/* Each error at its place, in English as written above and in Korean
 * with the same place and another wording. */
static void errors_say_where_in_both_languages(void **state)
{
    (void)state;
    int failed = 0;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ps_error err;
        ps_scenario *s = load(bad[i].yaml, bad[i].variant, &err);
        if (s) {
            print_error("case %zu loaded\n", i);
            ps_scenario_destroy(s);
            failed++;
            continue;
        }
        if (strcmp(err.msg, bad[i].msg)) {
            print_error("case %zu:\n  want %s\n  got  %s\n", i, bad[i].msg, err.msg);
            failed++;
        }
        size_t at = strcspn(bad[i].msg, " "); /* "v.yaml:5:31:" */
        /* the messages of the schema's own readers (a key, a number) get
         * their Korean from the loader's catalogue */
        int mine = strncmp(bad[i].msg + at + 1, "cpu:", 4) &&
                   !strstr(bad[i].msg, "unknown key");
        if (mine && (!err.msg_ko[0] || !strcmp(err.msg_ko, err.msg) ||
                     strncmp(err.msg_ko, err.msg, at))) {
            print_error("case %zu: Korean '%s'\n", i, err.msg_ko);
            failed++;
        }
    }
    assert_int_equal(failed, 0);
}

/* A Hangul ID is as good as any: its bytes are hashed. */
static void ids_may_be_hangul(void **state)
{
    (void)state;
    ps_scenario *s = load_lab("김민지");
    assert_string_equal(s->variant, "김민지");
    ps_scenario_destroy(s);
}

static result run(const char *const *args)
{
    return procsim(args);
}

/* check: each value every entry may take makes a valid file, the others
 * at their defaults; the first that does not is named. */
static void check_tries_every_value(void **state)
{
    (void)state;
    static const struct { const char *yaml, *msg; } rows[] = {
        {HEAD "vary:\n  b: {from: 1, to: 3}\n  m: {from: 10, to: 100, step: 10}\n"
         "system: {memory: 100}\nprocesses:\n  - {name: a, memory: $m, program: [cpu $b]}\n",
         NULL},
        {HEAD "vary:\n  b: {from: 0, to: 3, default: 2}\n" PROC,
         ": vary: with b = 0 (one of the values it may take) the file is not valid: "},
        {HEAD "vary:\n  m: {from: 10, to: 200, step: 10}\nsystem: {memory: 100}\n"
         "processes:\n  - {name: a, memory: $m, program: [cpu 1]}\n",
         ": vary: with m = 110 (one of the values it may take) the file is not valid: "},
        {HEAD "vary:\n  p: {choose: [rr, mlq]}\nsystem: {policy: $p}\n"
         "processes:\n  - {name: a, program: [cpu 1]}\n",
         ": vary: with p = mlq (one of the values it may take) the file is not valid: "},
        /* a long range: its ends */
        {HEAD "vary:\n  b: {from: 1, to: 1000}\nsystem: {quantum: $b}\n"
         "processes:\n  - {name: a, program: [cpu 1, 'sleep $b']}\n", NULL},
        {HEAD "vary:\n  b: {from: 1, to: 1000}\nsystem: {memory: 999}\n"
         "processes:\n  - {name: a, memory: $b, program: [cpu 1]}\n",
         ": vary: with b = 1000 (one of the values it may take) the file is not valid: "},
        {HEAD "vary:\n  b: {from: 0, to: 1000, default: 5}\n" PROC,
         ": vary: with b = 0 (one of the values it may take) the file is not valid: "},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char path[] = "/tmp/procsim-vary-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        FILE *f = fdopen(fd, "w");
        fputs(rows[i].yaml, f);
        fclose(f);
        ps_error err;
        ps_scenario *s = ps_scenario_load_file_every_variant(path, &err);
        result r = run((const char *[]){"check", path, NULL}); /* what check does */
        unlink(path);
        assert_int_equal(r.status, rows[i].msg ? 2 : 0);
        if (rows[i].msg && !strstr(r.err, rows[i].msg))
            fail_msg("row %zu: check said %s", i, r.err);
        result_free(&r);
        if (!rows[i].msg) {
            if (!s)
                fail_msg("row %zu: %s", i, err.msg);
            ps_scenario_destroy(s);
            continue;
        }
        assert_null(s);
        if (strncmp(err.msg, path, strlen(path)) || !strstr(err.msg, rows[i].msg) ||
            !strstr(err.msg_ko, "(가질 수 있는 값)이면 파일이 올바르지 않습니다: "))
            fail_msg("row %zu: %s\n%s", i, err.msg, err.msg_ko);
    }
    /* the shipped lab: every value of every entry runs */
    ps_error err;
    ps_scenario *s = ps_scenario_load_file_every_variant(PROCSIM_SOURCE_DIR "/" LAB, &err);
    if (!s)
        fail_msg("%s", err.msg);
    ps_scenario_destroy(s);
}

/* --- procsim lab --variant --- */


static void lab_prints_a_students_handout_and_key(void **state)
{
    (void)state;
    /* the handout names the variant and the answers file's line, and its
     * workload has the student's numbers */
    result r = run((const char *[]){"lab", LAB, "--variant", "2026123", NULL});
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Variant 2026123: the numbers in this handout are yours."));
    assert_non_null(strstr(r.out, "\n  variant: 2026123\n"));
    assert_non_null(strstr(r.out, "P1         arrives 0, program: cpu 7\n"));
    assert_non_null(strstr(r.out, "policy rr (quantum 3)"));
    assert_null(strstr(r.out, "q 3, b1 7")); /* the values: only in the key */
    result_free(&r);
    /* the key: the values, and the answers of those numbers */
    r = run((const char *[]){"lab", LAB, "--variant", "2026123", "-c", NULL});
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "Variant 2026123: q 3, b1 7, b2 2, b3 3, b4 5, late 3\n"));
    assert_non_null(strstr(r.out, "[finish P1] 17\n"));
    result_free(&r);
    /* in Korean */
    r = run((const char *[]){"lab", LAB, "--variant", "2026123", "--lang", "ko", NULL});
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "변형 2026123: 이 과제의 수는 자기 것입니다."));
    assert_non_null(strstr(r.out, "\n  변형: 2026123\n"));
    result_free(&r);
    /* the file as written tells the teacher how to make one */
    r = run((const char *[]){"lab", LAB, NULL});
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "  procsim lab " LAB " --variant ID\n"));
    result_free(&r);
    r = run((const char *[]){"lab", LAB, "-c", NULL});
    assert_non_null(strstr(r.out, "As written (no --variant): q 2, b1 8, b2 4, b3 1, b4 3, "
                                  "late 3\n"));
    result_free(&r);
}

static void lab_refuses_a_variant_it_cannot_make(void **state)
{
    (void)state;
    result r = run((const char *[]){"lab", LAB, "--variant", NULL});
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "--variant needs a student's ID"));
    result_free(&r);
    r = run((const char *[]){"lab", "scenarios/labs/scheduling-rr.yaml", "--variant", "s1",
                             NULL});
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "scenarios/labs/scheduling-rr.yaml: declares nothing to "
                                  "vary"));
    assert_string_equal(r.out, "");
    result_free(&r);
    r = run((const char *[]){"lab", "scenarios/labs/scheduling-rr.yaml", "--variant", "s1",
                             "--lang", "ko", NULL});
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "변형 's1'"));
    result_free(&r);
    /* check reads a varied file as written, and each value it may take */
    r = run((const char *[]){"check", LAB, NULL});
    assert_int_equal(r.status, 0);
    result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_hash_is_the_documented_one),
        cmocka_unit_test(one_id_gives_its_numbers_every_time),
        cmocka_unit_test(ids_spread_over_each_range),
        cmocka_unit_test(the_key_follows_the_numbers),
        cmocka_unit_test(names_stand_for_their_values),
        cmocka_unit_test(without_vary_a_dollar_is_a_dollar),
        cmocka_unit_test(errors_say_where_in_both_languages),
        cmocka_unit_test(ids_may_be_hangul),
        cmocka_unit_test(check_tries_every_value),
        cmocka_unit_test(lab_prints_a_students_handout_and_key),
        cmocka_unit_test(lab_refuses_a_variant_it_cannot_make),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
