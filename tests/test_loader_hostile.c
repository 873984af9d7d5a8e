/* test_loader_hostile.c — the scenario loader against input meant to
 * break it, all made in memory: deep nesting, an alias bomb, random bytes
 * and random YAML-shaped text, NUL bytes, every truncation and many
 * one-byte mutations of a good file, the size limit; each must fail with
 * a message naming the input, never crash, hang or leak (run it under
 * -DPROCSIM_SANITIZE=ON).  And a generated scenario of 100 000 processes
 * loads, with its load time printed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "procsim/scenario.h"
#include "scenario_priv.h" /* the size-limit seam (white box) */

/* --- helpers --- */

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap + 1);
            assert_non_null(buf);
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        if (got == 0)
            break;
        n += got;
    }
    fclose(fp);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* A growing string for generated scenarios. */
typedef struct text {
    char *p;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    if (!t->p) {
        t->p = malloc(t->cap = 256);
        assert_non_null(t->p);
    }
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(t->p + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        assert_true(n >= 0);
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = (t->cap + (size_t)n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
}

static ps_scenario *load_text(const char *name, const char *s, size_t len, ps_error *err)
{
    return ps_scenario_load_string(name, s, len, err);
}

/* Loading must fail, with a message that starts with "NAME:". */
static void assert_fails(const char *name, const char *s, size_t len)
{
    ps_error err;
    ps_scenario *sc = load_text(name, s, len, &err);
    if (sc)
        ps_scenario_destroy(sc);
    assert_null(sc);
    size_t n = strlen(name);
    if (strncmp(err.msg, name, n) != 0 || err.msg[n] != ':')
        fail_msg("message does not start with '%s:': %s", name, err.msg);
}

static uint64_t rng_state;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13; /* xorshift64 */
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}


/* --- hostile input, made in memory --- */

/* Loading may succeed or fail, but a failure names the input. */
static void assert_clean(const char *name, const char *s, size_t len)
{
    ps_error err;
    ps_scenario *sc = load_text(name, s, len, &err);
    if (sc) {
        ps_scenario_destroy(sc);
        return;
    }
    size_t n = strlen(name);
    if (strncmp(err.msg, name, n) != 0 || err.msg[n] != ':')
        fail_msg("message does not start with '%s:': %s", name, err.msg);
}

static void assert_message(const char *name, const char *s, size_t len, const char *want)
{
    ps_error err;
    ps_scenario *sc = load_text(name, s, len, &err);
    if (sc)
        ps_scenario_destroy(sc);
    assert_null(sc);
    assert_string_equal(err.msg, want);
}

#define DEEP 100000

static char *repeat(const char *head, const char *unit, size_t times, const char *tail)
{
    text t = {0};
    put(&t, "%s", head);
    for (size_t i = 0; i < times; i++)
        put(&t, "%s", unit);
    put(&t, "%s", tail);
    return t.p;
}

static void test_deep_nesting(void **state)
{
    (void)state;
    char *s = repeat("", "[", DEEP, "");
    assert_message("deep", s, strlen(s), "deep:1:1: expected a scenario (a mapping with "
                   "procsim, title and processes), got a sequence");
    free(s);

    s = repeat("procsim: 1\ntitle: t\nprocesses: ", "[", DEEP, "");
    assert_message("deep", s, strlen(s), "deep:3:13: processes: expected a process (a "
                   "mapping with name, program, ...), got a sequence");
    free(s);

    s = repeat("", "- ", DEEP, "x\n");
    assert_fails("deep", s, strlen(s));
    free(s);

    s = repeat("procsim: 1\ntitle: t\nsystem: ", "{a: ", DEEP, "1");
    assert_message("deep", s, strlen(s), "deep:3:10: system: unknown key 'a' (valid keys: "
                   "cpus, memory, policy, quantum, switch_cost, tick_ms, mlfq_levels, "
                   "mlfq_boost, mlfq_quanta, mlfq_allotments, mlfq_stay, mlfq_io_bump, "
                   "switch, io_done, seed, cfs_latency, cfs_min_granularity, queues, "
                   "burst_estimate, aging, mlfq_style, priority_order, ...)");
    free(s);

    /* An error before `procsim` makes the loader read on to look for a
     * newer format version: through nesting a scenario might have, but
     * not through 100 000 levels, where libyaml would take quadratic time. */
    for (int depth = 60; depth <= DEEP; depth = depth == 60 ? DEEP : DEEP + 1) {
        text t = {0};
        put(&t, "title: t\nextra: ");
        for (int i = 0; i < depth; i++)
            put(&t, "[");
        for (int i = 0; i < depth; i++)
            put(&t, "]");
        put(&t, "\nprocsim: 2\n");
        assert_message("deep", t.p, t.len, depth == 60 ?
                       "deep:3:10: procsim: format version 2 is newer than this procsim "
                       "understands (it reads version 1); upgrade procsim" :
                       "deep:2:1: scenario: unknown key 'extra' (valid keys: procsim, title, "
                       "title_ko, description, description_ko, system, devices, variables, processes, "
                       "events, questions, vary)");
        free(t.p);
    }
    s = repeat("title: t\nextra: ", "[", DEEP, ""); /* never closed */
    assert_message("deep", s, strlen(s), "deep:2:1: scenario: unknown key 'extra' (valid "
                   "keys: procsim, title, title_ko, description, description_ko, system, devices, "
                   "variables, processes, events, questions, vary)");
    free(s);
}

static void test_alias_bomb(void **state)
{
    (void)state;
    text t = {0};
    put(&t, "procsim: 1\ntitle: t\nevents: [&a0 [lol, lol, lol, lol, lol, lol, lol, lol]");
    for (int i = 1; i < 10; i++) {
        put(&t, ", &a%d [", i);
        for (int j = 0; j < 9; j++)
            put(&t, "*a%d, ", i - 1);
        put(&t, "*a%d]", i - 1);
    }
    put(&t, "]\nprocesses: [{name: a}]\n");
    assert_message("bomb", t.p, t.len, "bomb:3:10: anchors and aliases are not supported "
                   "in scenario files; write the value out in full");
    free(t.p);

    /* the classic, at the top: rejected at its first (unknown) key */
    t = (text){0};
    put(&t, "lol: &lol \"lol\"\n");
    for (int i = 1; i < 10; i++) {
        put(&t, "lol%d: &lol%d [", i, i);
        for (int j = 0; j < 10; j++)
            put(&t, "%s*lol%.0d", j ? ", " : "", i - 1);
        put(&t, "]\n");
    }
    assert_fails("bomb", t.p, t.len);
    free(t.p);
}

static void test_random_bytes(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *s = malloc(n);
    assert_non_null(s);
    rng_state = 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < n; i++)
        s[i] = (char)(rng() >> 24);
    assert_fails("random", s, n);
    for (size_t i = 0; i < n; i++) /* printable ASCII only: past the reader */
        s[i] = (char)(' ' + rng() % 95);
    assert_fails("random", s, n);
    free(s);
}

/* Random YAML-shaped text: 1 MB of it, then many small documents. */
static void test_random_yaml(void **state)
{
    (void)state;
    static const char *const bits[] = {
        "procsim", "title", "processes", "name", "program", "events", "system", ": ",
        " ", "\n", "\n  ", "- ", "[", "]", "{", "}", ", ", "cpu 1", "io disk 2", "spawn a",
        "wait any", "&x ", "*x", "!!str ", "'", "\"", "# c\n", "1", "-1", "a", "---\n",
        "...\n", "? ", "|\n", ">\n", "%YAML 1.1\n", "\t", "\\", "\xc3\xa9", "at", "do"};
    size_t nbits = sizeof bits / sizeof bits[0];
    rng_state = 42;
    text t = {0};
    while (t.len < (1u << 20))
        put(&t, "%s", bits[rng() % nbits]);
    assert_fails("yamlish", t.p, t.len);
    for (int doc = 0; doc < 5000; doc++) {
        t.len = 0;
        put(&t, "procsim: 1\ntitle: t\n");
        for (int i = 0, n = (int)(rng() % 60); i < n; i++)
            put(&t, "%s", bits[rng() % nbits]);
        assert_clean("yamlish", t.p, t.len);
    }
    free(t.p);
}

static void test_nul_bytes(void **state)
{
    (void)state;
    static const char nul[] = "procsim: 1\ntitle: t\0x\nprocesses:\n  - name: a\n";
    assert_message("nul", nul, sizeof nul - 1, "nul:2:9: control characters are not "
                   "allowed (0x00); a scenario file must be UTF-8 text with no control "
                   "characters");
    static const char esc[] = "procsim: 1\ntitle: \"a\\0b\"\nprocesses:\n  - name: a\n";
    assert_message("nul", esc, sizeof esc - 1, "nul:2:8: title: must not contain NUL "
                   "characters (\\0); expected a non-empty string");
    char zeros[1000] = {0};
    assert_fails("zeros", zeros, sizeof zeros);
    assert_message("empty", NULL, 0, "empty:1:1: the file holds no scenario (it is empty "
                   "or only comments); expected a mapping with procsim, title and processes");
}

/* A message too long for ps_error ends in "..." at a character boundary. */
static void test_long_name(void **state)
{
    (void)state;
    for (size_t shift = 0; shift < 2; shift++) { /* both alignments of the cut */
        char name[601] = "n";
        for (size_t i = shift; i + 2 <= 600; i += 2)
            memcpy(name + i, "\xc3\xa9", 2);
        ps_error err;
        assert_null(ps_scenario_load_string(name, "", 0, &err));
        size_t len = strlen(err.msg);
        assert_in_range(len, sizeof err.msg - 2, sizeof err.msg - 1);
        assert_string_equal(err.msg + len - 3, "...");
        assert_int_equal((unsigned char)err.msg[len - 4], 0xA9);
    }
}

/* Every prefix of a good file loads or fails cleanly, and a few cuts are
 * sure to fail. */
static void test_truncated(void **state)
{
    (void)state;
    size_t len;
    char *s = read_all("tests/loader/good/full.yaml", &len);
    for (size_t n = 0; n < len; n++)
        assert_clean("cut", s, n);
    const char *cuts[] = {"title: \"Every", "policy: ml", "  - name: worker\n    parent: sh",
                          "program: [spawn worker, spa", "  - at: 9\n    do: kil"};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        const char *at = strstr(s, cuts[i]);
        assert_non_null(at);
        assert_fails("cut", s, (size_t)(at - s) + strlen(cuts[i]));
    }
    free(s);
}

/* Each byte of a good file replaced in turn by troublesome ones. */
static void test_mutations(void **state)
{
    (void)state;
    static const char subs[] = ":-[]{},&*!#'\"\n \t0a9|>?%@`\\";
    size_t len;
    char *s = read_all("tests/loader/good/full.yaml", &len);
    for (size_t i = 0; i < len; i++) {
        char keep = s[i];
        for (size_t j = 0; j < sizeof subs; j++) { /* includes the NUL */
            s[i] = subs[j];
            assert_clean("mutant", s, len);
        }
        s[i] = (char)0xFF;
        assert_fails("mutant", s, len);
        s[i] = keep;
    }
    free(s);
}

/* The size limit, through the seam that takes the limit as a parameter
 * (a file over 256 MiB is too big to make in a test). */
static void test_size_limit(void **state)
{
    (void)state;
    static const char small[] = "procsim: 1\ntitle: t\nprocesses: [{name: a}]\n";
    size_t len = sizeof small - 1;
    char want[200];
    ps_error err;
    ps_scenario *s = ps__scenario_load("mem", NULL, small, len, len - 1, &err);
    assert_null(s);
    snprintf(want, sizeof want, "mem: file too large (%zu bytes); a scenario file may have "
             "at most %zu bytes", len, len - 1);
    assert_string_equal(err.msg, want);
    s = ps__scenario_load("mem", NULL, small, len, len, &err);
    assert_non_null(s);
    ps_scenario_destroy(s);

    FILE *fp = fmemopen((void *)small, len, "r");
    assert_non_null(fp);
    s = ps__scenario_load("stream", fp, NULL, 0, 10, &err);
    fclose(fp);
    assert_null(s);
    assert_string_equal(err.msg, "stream: file too large (more than 10 bytes); a scenario "
                        "file may have at most 10 bytes");
    fp = fmemopen((void *)small, len, "r");
    assert_non_null(fp);
    s = ps__scenario_load("stream", fp, NULL, 0, len, &err);
    fclose(fp);
    assert_non_null(s);
    ps_scenario_destroy(s);
}

/* --- a large scenario --- */

#define BIG 100000
#define BIG_EVENTS 1000

static void test_large(void **state)
{
    (void)state;
    text t = {0};
    put(&t, "procsim: 1\ntitle: Large\nsystem: {cpus: 4, memory: 1000000}\n"
            "devices: [disk, net]\nprocesses:\n");
    for (int i = 0; i < BIG; i += 2) {
        put(&t, "  - name: p%d\n    arrival: %d\n    memory: 5\n"
                "    program: [cpu 3, spawn p%d, io disk 2, send c%d 7, wait p%d]\n",
            i, i % 100, i + 1, i % 10, i + 1);
        put(&t, "  - name: p%d\n    parent: p%d\n    memory: 5\n    program:\n"
                "      - cpu 2\n      - io net 1\n      - add v%d 1\n      - lock m%d\n"
                "      - unlock m%d\n", i + 1, i, i % 7, i % 5, i % 5);
    }
    put(&t, "events:\n");
    int64_t at[BIG_EVENTS];
    uint32_t target[BIG_EVENTS], order[BIG_EVENTS];
    rng_state = 7;
    for (uint32_t j = 0; j < BIG_EVENTS; j++) {
        at[j] = (int64_t)(rng() % 50);
        target[j] = (uint32_t)(rng() % BIG);
        put(&t, "  - {at: %lld, do: suspend p%u}\n", (long long)at[j], target[j]);
    }
    for (uint32_t j = 0; j < BIG_EVENTS; j++) { /* the expected stable order */
        uint32_t k = j;
        for (; k > 0 && at[order[k - 1]] > at[j]; k--)
            order[k] = order[k - 1];
        order[k] = j;
    }

    struct timespec t0, t1;
    ps_error err;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ps_scenario *s = load_text("large", t.p, t.len, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!s)
        fail_msg("%s", err.msg);
    print_message("loaded %d processes, %u ops, %zu bytes in %.3f s\n", BIG, s->nops, t.len,
                  (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    free(t.p);

    assert_int_equal(s->nprocs, BIG);
    assert_int_equal(s->nops, 5 * BIG);
    assert_int_equal(s->channels.count, 5); /* c0, c2, ... c8 */
    assert_int_equal(s->variables.count, 7);
    assert_int_equal(s->mutexes.count, 5);
    for (uint32_t i = 0; i < BIG; i += 2) {
        const ps_proc_spec *p = &s->procs[i], *c = &s->procs[i + 1];
        assert_int_equal(p->parent, -1);
        assert_int_equal(c->parent, i);
        assert_int_equal(p->op_count, 5);
        assert_int_equal(s->ops[p->op_first + 1].obj, i + 1);
        assert_int_equal(s->ops[p->op_first + 4].obj, i + 1);
        assert_int_equal(s->ops[c->op_first + 1].obj, 1); /* net */
    }
    assert_int_equal(s->nevents, BIG_EVENTS);
    for (uint32_t j = 0; j < BIG_EVENTS; j++) {
        assert_int_equal(s->events[j].at, at[order[j]]);
        assert_int_equal(s->events[j].target, target[order[j]]);
    }
    ps_scenario_destroy(s);
}

int main(void)
{
    if (chdir(PROCSIM_SOURCE_DIR) != 0) {
        perror(PROCSIM_SOURCE_DIR);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_alias_bomb),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_random_yaml),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_long_name),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_size_limit),
        cmocka_unit_test(test_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
