/* test_lab_random.c — random labs (procsim lab --random) ask nothing
 * degenerate: over seeds 1-500, and each policy over seeds of its own,
 * no question asks about a process after it has exited (its state then,
 * its next state, what it waits for), none asks who runs past the end of
 * the run, none has an answer of "none" or "nothing", no two questions
 * share an expression; every question has its Korean wording, the lab
 * its Korean title; the same seed makes the same lab. */
#include "testkit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "procsim/lab.h"

/* The tick of pid's exit in the key's run, -1: it never exits. */
static int64_t exit_of(const ps_lab_key *k, uint32_t pid)
{
    for (size_t i = 0; i < k->ntrace; i++)
        if (k->trace[i].pid == pid && k->trace[i].to == PS_EXIT)
            return k->trace[i].time;
    return -1;
}

/* pid's state just after tick t in the key's run (PS_NONE: not yet). */
static ps_state state_at(const ps_lab_key *k, uint32_t pid, int64_t t)
{
    ps_state s = PS_NONE;
    for (size_t i = 0; i < k->ntrace && k->trace[i].time <= t; i++)
        if (k->trace[i].pid == pid)
            s = (ps_state)k->trace[i].to;
    return s;
}

/* What is degenerate about question i of lab s (key k), or NULL. */
static const char *degenerate(const ps_scenario *s, const ps_lab_key *k, uint32_t i)
{
    const ps_question *q = &s->questions[i];
    const ps_lab_answer *a = &k->answers[i];
    int64_t end = -1;
    for (uint32_t p = 1; p <= s->nprocs; p++)
        if (exit_of(k, p) > end)
            end = exit_of(k, p);
    if (!q->ask_ko[0])
        return "no Korean wording";
    for (uint32_t j = 0; j < i; j++)
        if (!strcmp(s->questions[j].expr, q->expr))
            return "the expression of an earlier question";
    if (!strcmp(a->text, "none") || !strcmp(a->text, "nothing"))
        return "an answer of none";
    if (q->kind == PS_ASK_STATE || q->kind == PS_ASK_NEXT || q->kind == PS_ASK_WAITS) {
        int64_t x = exit_of(k, q->obj + 1);
        if (x >= 0 && q->tick >= x)
            return "a process that has exited";
        if (state_at(k, q->obj + 1, q->tick) == PS_NONE)
            return "a process not yet created";
    }
    if (q->kind == PS_ASK_RUNNING && q->tick >= end)
        return "who runs past the end";
    return NULL;
}

/* The lab of `seed` (and policy, NULL: the seed's) checked: the number of
 * degenerate questions, each reported. */
static int check_lab(uint64_t seed, const char *policy)
{
    ps_error err;
    char *a = ps_lab_random(seed, policy, 0, &err), *b = ps_lab_random(seed, policy, 0, &err);
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(a, b);
    ps_scenario *s = ps_scenario_load_string("random", a, strlen(a), &err);
    if (!s)
        fail_msg("seed %llu: %s\n%s", (unsigned long long)seed, err.msg, a);
    assert_int_equal(s->nquestions, 6);
    ps_lab_key k;
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &k), 0);
    assert_int_equal(k.status, PS_STEP_DONE);
    int bad = 0;
    if (!s->title_ko[0] || !s->description_ko[0]) {
        print_error("seed %llu: no Korean title or description\n", (unsigned long long)seed);
        bad++;
    }
    for (uint32_t i = 0; i < s->nquestions; i++) {
        const char *why = degenerate(s, &k, i);
        if (why) {
            print_error("seed %llu%s%s: question %u '%s' (key: %s) asks %s\n",
                        (unsigned long long)seed, policy ? ", policy " : "", policy ? policy : "",
                        i + 1, s->questions[i].expr, k.answers[i].text, why);
            bad++;
        }
    }
    ps_lab_key_fini(&k);
    ps_scenario_destroy(s);
    free(a);
    free(b);
    return bad;
}

static void random_labs_ask_nothing_degenerate(void **state)
{
    (void)state;
    int bad = 0;
    for (uint64_t seed = 1; seed <= 500; seed++)
        bad += check_lab(seed, NULL);
    for (int p = 0; p < PS_POLICY_COUNT; p++) {
        if (ps_policy_uses((ps_policy)p) & PS_USES_OSTEP)
            continue;
        for (uint64_t seed = 1; seed <= 40; seed++)
            bad += check_lab(seed, ps_policy_token((ps_policy)p));
    }
    assert_int_equal(bad, 0);
}

/* Every kind of question the labs draw is drawn somewhere in seeds 1-500
 * (a generator that could only ask some would pass the test above). */
static void random_labs_ask_every_kind(void **state)
{
    (void)state;
    int seen[PS_ASK_COUNT] = {0};
    ps_error err;
    for (uint64_t seed = 1; seed <= 500; seed++) {
        char *a = ps_lab_random(seed, NULL, 0, &err);
        ps_scenario *s = ps_scenario_load_string("random", a, strlen(a), &err);
        assert_non_null(s);
        for (uint32_t i = 0; i < s->nquestions; i++)
            seen[s->questions[i].kind]++;
        ps_scenario_destroy(s);
        free(a);
    }
    static const ps_ask kinds[] = {PS_ASK_FINISH, PS_ASK_WAITING, PS_ASK_RESPONSE,
                                   PS_ASK_TURNAROUND, PS_ASK_STATE, PS_ASK_NEXT,
                                   PS_ASK_RUNNING, PS_ASK_ORDER, PS_ASK_AVERAGE,
                                   PS_ASK_SWITCHES, PS_ASK_WAITS, PS_ASK_RATIO};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (seen[kinds[i]] < 5)
            fail_msg("'%s' asked %d times in seeds 1-500", ps_ask_token(kinds[i]),
                     seen[kinds[i]]);
}

/* The output of `procsim ARGS` (stdout, or stderr with err) and its exit
 * status. */
static char *run_cli(const char *args, int err, int *status)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s %s", PROCSIM_SOURCE_DIR, PROCSIM_BINARY, args,
             err ? "2>&1 >/dev/null" : "2>/dev/null");
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *out = malloc(cap + 1);
    assert_non_null(out);
    n = fread(out, 1, cap, p);
    out[n] = 0;
    int st = pclose(p);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return out;
}

/* Without --seed a seed is picked, said on stderr (in the language) and
 * written first as the command that makes the same lab again. */
static void a_random_lab_without_a_seed_says_which(void **state)
{
    (void)state;
    int st;
    char *out = run_cli("lab --random --policy rr --processes 4", 0, &st);
    assert_int_equal(st, 0);
    long long seed = -1;
    char tail[64] = "";
    if (sscanf(out, "# procsim lab --random --seed %lld %63[^\n]", &seed, tail) != 2 ||
        strcmp(tail, "--policy rr --processes 4"))
        fail_msg("no command line first:\n%s", out);
    char args[128];
    snprintf(args, sizeof args, "lab --random --seed %lld --policy rr --processes 4", seed);
    char *again = run_cli(args, 0, &st);
    assert_string_equal(out, again); /* the same lab, and the same first line */
    free(again);
    free(out);
    out = run_cli("lab --random --lang ko", 1, &st);
    assert_int_equal(st, 0);
    assert_non_null(strstr(out, "시드"));
    assert_non_null(strstr(out, "  procsim lab --random --seed "));
    free(out);
    out = run_cli("lab --random --seed 5", 1, &st); /* a seed given: nothing to say */
    assert_string_equal(out, "");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_labs_ask_nothing_degenerate),
        cmocka_unit_test(random_labs_ask_every_kind),
        cmocka_unit_test(a_random_lab_without_a_seed_says_which),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
