/* test_cli_korean.c — Korean output has no English left in it.
 *
 * Each case runs a command in Korean (by --lang ko, or by the locale) and
 * reads everything it wrote, stdout and stderr.  A word of two or more
 * Latin letters is English unless it is one of what stays the same in
 * both languages: a token (states, events, ops, policies, questions,
 * actions, waits...), a name from the case's scenario, a file name or
 * path, an option, a word of a command line procsim suggests, or one of
 * the few abbreviations Korean writes in Latin letters (CPU, PID...).
 * The rule is the issue's: "no English word outside tokens, names and
 * numbers". */
#include "clikit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/engine.h"
#include "procsim/scenario.h"
#include "procsim/trace.h"

/* Latin words Korean text writes as they are. */
static const char *const latin[] = {
    "CPU", "CPUs", "PID", "PPID", "PCB", "IO", "OS", "YAML", "UTF", "CP", "EUC", "KR", "HTML",
    "PDF", "CSV", "JSON", "PNG", "SVG", "ID", "FCFS", "SJF", "SRTF", "RR", "HRRN", "MLQ", "MLFQ",
    "CFS", "OSTEP", "procsim", "Python", "None", "True", "False", "Ctrl", "Esc", "Tab", "SIGSTOP",
    "SIGCONT", "SIGKILL", "SIGTERM", "SIGCHLD", "proc", "stat", "waitpid", "ptrace", "fork",
    "exec", "exit", "docs", "md", "ko", "en", "yaml", "txt", NULL,
};

typedef struct korean_case {
    const char *args[16];
    const char *extra[4];   /* environment, NULL-terminated ("LANG=ko_KR.UTF-8") */
    const char *scenario;   /* its names are allowed (NULL: none) */
    int status;
} korean_case;

static int in_list(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !strncmp(list[i], w, n))
            return 1;
    return 0;
}

/* Every token procsim has: a word of one is allowed ("ready-suspended"
 * allows "ready" and "suspended"). */
static int is_token_word(const char *w, size_t n)
{
    const char *toks[512];
    size_t k = 0;
    for (int i = 0; i < PS_STATE_COUNT; i++)
        toks[k++] = ps_state_token((ps_state)i);
    for (int i = 0; i < PS_EVENT_COUNT; i++)
        toks[k++] = ps_event_token((ps_event)i);
    for (int i = 0; i < PS_POLICY_COUNT; i++)
        toks[k++] = ps_policy_token((ps_policy)i);
    for (int i = 0; i < PS_OP_COUNT; i++)
        toks[k++] = ps_op_token((ps_op_kind)i);
    for (int i = 0; i < PS_ASK_COUNT; i++)
        toks[k++] = ps_ask_token((ps_ask)i);
    for (int i = 0; i < PS_ACTION_COUNT; i++)
        toks[k++] = ps_action_token((ps_action)i);
    for (int i = 0; i < PS_WAIT_KINDS; i++)
        toks[k++] = ps_wait_token((ps_wait_kind)i);
    for (int i = 0; i < PS_OBJ_KIND_COUNT; i++)
        toks[k++] = ps_obj_kind_token((ps_obj_kind)i);
    for (int i = 0; i < PS_OP_EVENT_COUNT; i++)
        toks[k++] = ps_op_event_token((ps_op_event_kind)i);
    for (size_t t = 0; t < k; t++) {
        const char *p = toks[t];
        while (*p) { /* each word of the token */
            size_t m = strcspn(p, "-_/:. ");
            if (m == n && !strncmp(p, w, n))
                return 1;
            p += m + (p[m] != 0);
        }
    }
    return 0;
}

static int is_name(const ps_scenario *s, const char *w, size_t n)
{
    if (!s)
        return 0;
    for (uint32_t i = 0; i < s->nprocs; i++)
        if (strlen(s->procs[i].name) == n && !strncmp(s->procs[i].name, w, n))
            return 1;
    const ps_names *sets[] = {&s->devices, &s->channels, &s->mutexes, &s->variables};
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++)
        for (uint32_t i = 0; i < sets[k]->count; i++)
            if (strlen(sets[k]->names[i]) == n && !strncmp(sets[k]->names[i], w, n))
                return 1;
    for (uint32_t i = 0; i < s->nvary; i++) /* a lab's vary: names ("q 3, burst 7") */
        if (strlen(s->vary[i].name) == n && !strncmp(s->vary[i].name, w, n))
            return 1;
    return 0;
}

/* A whitespace-separated piece that is a path, an option or a command
 * line's word: it stays as it is. */
static int verbatim(const char *p, size_t n)
{
    if (n >= 2 && p[0] == '-')
        return 1; /* --lang, -c */
    for (size_t i = 0; i < n; i++)
        if (p[i] == '/' || p[i] == '=' || p[i] == '[' || p[i] == '<')
            return 1; /* scenarios/tour.yaml, FILE:LINE, [state P2 at 4], <built-in tour> */
    static const char *const ext[] = {".yaml", ".yml", ".txt", ".csv", ".md", ".html", ".pdf",
                                      ".png", ".svg", ".py", ".c"};
    for (size_t k = 0; k < sizeof ext / sizeof ext[0]; k++) {
        size_t e = strlen(ext[k]);
        for (size_t i = 0; i + e <= n; i++)
            if (!strncmp(p + i, ext[k], e))
                return 1;
    }
    return 0;
}

/* The English words of `text`, each reported with its line. */
static int english_words(const char *text, const ps_scenario *s, const char *what)
{
    int bad = 0;
    const char *line = text;
    while (*line) {
        size_t len = strcspn(line, "\n");
        /* a line of a command to type ("  procsim grade ...") is verbatim */
        const char *q = line;
        while (*q == ' ')
            q++;
        int command = !strncmp(q, "procsim ", 8);
        for (size_t i = 0; !command && i < len;) {
            size_t piece = strcspn(line + i, " \t\n");
            if (piece > len - i)
                piece = len - i;
            if (verbatim(line + i, piece)) {
                i += piece + 1;
                continue;
            }
            for (size_t j = i; j < i + piece;) {
                const char *w = line + j;
                size_t n = 0;
                while (j + n < i + piece &&
                       ((w[n] >= 'a' && w[n] <= 'z') || (w[n] >= 'A' && w[n] <= 'Z')))
                    n++;
                if (n >= 2 && !in_list(w, n, latin) && !is_token_word(w, n) && !is_name(s, w, n)) {
                    print_error("%s: English word '%.*s' in: %.*s\n", what, (int)n, w, (int)len,
                                line);
                    bad++;
                }
                j += n ? n : 1;
            }
            i += piece + 1;
        }
        line += len + (line[len] == '\n');
    }
    return bad;
}

/* Commands in Korean, a section per command. */
static const korean_case cases[] = {
    /* run, check, help */
    {{"--version", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 0},
    /* compare */
    /* trace */
    /* lab */
    /* lab --format html */
    /* lab --variant */
    {{"lab", "scenarios/labs/scheduling-rr.yaml", "--variant", "s1", "--lang", "ko", NULL},
     {NULL}, "scenarios/labs/scheduling-rr.yaml", 2},
    {{"lab", "scenarios/labs/scheduling-variants.yaml", "--variant", NULL},
     {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"lab", "scenarios/labs/scheduling-variants.yaml", "--variant", " s1", "--lang", "ko", NULL},
     {NULL}, NULL, 2},
    /* grade */
};

static void korean_output_has_no_english(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const korean_case *c = &cases[i];
        ps_scenario *s = NULL;
        if (c->scenario) {
            ps_error err;
            s = ps_scenario_load_file(c->scenario, &err);
            if (!s)
                fail_msg("%s", err.msg);
        }
        result r = run_in(c->args, c->extra, 120);
        char what[256] = "";
        for (size_t a = 0; c->args[a]; a++)
            snprintf(what + strlen(what), sizeof what - strlen(what), "%s%s", a ? " " : "",
                     c->args[a]);
        if (r.status != c->status) {
            print_error("%s: exit %d, expected %d\n%s", what, r.status, c->status, r.err);
            bad++;
        }
        bad += english_words(r.out, s, what) + english_words(r.err, s, what);
        result_free(&r);
        ps_scenario_destroy(s);
    }
    assert_int_equal(bad, 0);
}

/* The checker itself: it finds an English word, and lets pass what stays. */
static void the_checker_finds_english(void **state)
{
    (void)state;
    assert_int_equal(english_words("질문\n  1. P2는 ready 상태이다\n", NULL, "t"), 0);
    assert_int_equal(english_words("작업 부하 scenarios/labs/x.yaml --lang\n", NULL, "t"), 0);
    assert_int_equal(english_words("Workload\n", NULL, "t"), 1);
    assert_int_equal(english_words("P1은 arrives 0\n", NULL, "t"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_checker_finds_english),
        cmocka_unit_test(korean_output_has_no_english),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
