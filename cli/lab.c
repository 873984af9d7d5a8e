/* lab.c — `procsim lab` (the handout, the answer key, a random lab) and
 * `procsim grade` (a student's answers against the key).  The answers
 * come from the lab library (sim/lab/lab.c), which runs the scenario; this
 * file only prints. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "procsim/lab.h"
#include "words.h"

static void workload(FILE *out, const ps_scenario *s)
{
    char op[160];
    unsigned uses = ps_policy_uses(s->policy);
    fprintf(out, "\n%s\n", CLI_W(W_LAB_WORKLOAD));
    for (uint32_t i = 0; i < s->nprocs; i++) {
        const ps_proc_spec *p = &s->procs[i];
        fputs("  ", out);
        cli_pad(out, p->name, 10);
        if (p->parent >= 0)
            fprintf(out, " child of %s,", s->procs[p->parent].name);
        else
            fprintf(out, " arrives %lld,", (long long)p->arrival);
        if (p->priority)
            fprintf(out, " priority %d,", (int)p->priority);
        if (uses & PS_USES_MLQ) /* what the policy reads of each process */
            fprintf(out, " queue %d,", (int)p->queue);
        if (uses & PS_USES_TICKETS)
            fprintf(out, " tickets %lld,", (long long)p->tickets);
        if ((uses & PS_USES_CFS) && p->nice)
            fprintf(out, " nice %d,", (int)p->nice);
        if (p->memory)
            fprintf(out, " memory %lld,", (long long)p->memory);
        fprintf(out, " program:");
        for (uint32_t k = 0; k < p->op_count; k++)
            fprintf(out, "%s %s", k ? "," : "", ps_op_format(s, &s->ops[p->op_first + k], op, sizeof op));
        fprintf(out, "%s\n", p->op_count ? "" : " (nothing)");
    }
    for (uint32_t i = 0; i < s->nevents; i++)
        fprintf(out, "  at tick %lld: %s %s\n", (long long)s->events[i].at,
                ps_action_token((ps_action)s->events[i].action),
                s->procs[s->events[i].target].name);
}

static void ask(FILE *out, const ps_question *q, uint32_t i, int ko)
{
    const char *text = ko && q->ask_ko[0] ? q->ask_ko : q->ask;
    fprintf(out, "%3u. %s\n", i + 1, text);
    if (!ko && q->ask_ko[0])
        fprintf(out, "     %s\n", q->ask_ko);
}

static void because(FILE *out, const ps_lab_key *key, const ps_lab_answer *a, const char *pad)
{
    char line[640];
    for (uint32_t w = 0; w < a->nwhy; w++)
        fprintf(out, "%s%s\n", pad, ps_lab_why_line(key, a, w, line, sizeof line));
}

static void answer_line(FILE *out, const ps_lab_answer *a)
{
    fprintf(out, "%s", a->text);
    if (a->detail[0] && strcmp(a->detail, a->text))
        fprintf(out, "  (%s)", a->detail);
    fputc('\n', out);
}

static int load(const char *path, ps_scenario **s)
{
    ps_error err;
    if (!(*s = ps_scenario_load_file(path, &err))) {
        fprintf(stderr, "%s\n", err.msg);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int key_of(const ps_scenario *s, ps_lang lang, ps_lab_key *key)
{
    if (ps_lab_key_compute(s, lang, key)) {
        fprintf(stderr, "procsim: out of memory computing the answer key\n");
        return EXIT_RUNTIME;
    }
    if (key->status == PS_STEP_RUNAWAY) { /* a key of a run cut short would be wrong */
        char why[512];
        ps_engine_runaway_text(key->e, lang, why, sizeof why);
        fprintf(stderr, "procsim: no answer key: %s\n", why);
        ps_lab_key_fini(key);
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}

static int random_lab(int argc, char **argv)
{
    int64_t seed = 0, procs = 0;
    const char *policy = NULL;
    int have_seed = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(argv[i], "--random"))
            continue;
        if (cli_is_help(argv[i])) {
            return cli_help(stdout, "lab");
        } else if (!strcmp(argv[i], "--seed") && v) {
            if (cli_int_option("lab", "--seed", v, 0, INT64_MAX, &seed))
                return EXIT_USAGE;
            have_seed = 1;
            i++;
        } else if (!strcmp(argv[i], "--policy") && v) {
            policy = argv[++i];
        } else if (!strcmp(argv[i], "--processes") && v) {
            if (cli_int_option("lab", "--processes", v, 1, 12, &procs))
                return EXIT_USAGE;
            i++;
        } else {
            fprintf(stderr, "procsim lab: unknown or incomplete option '%s'\n", argv[i]);
            cli_usage(stderr, "lab");
            return EXIT_USAGE;
        }
    }
    if (!have_seed) {
        fprintf(stderr, "procsim lab: --random needs --seed N, so that the lab can be made "
                        "again\n");
        return EXIT_USAGE;
    }
    ps_error err;
    char *yaml = ps_lab_random((uint64_t)seed, policy, (int)procs, &err);
    if (!yaml) {
        fprintf(stderr, "procsim lab: %s\n", err.msg);
        return EXIT_USAGE;
    }
    fputs(yaml, stdout);
    free(yaml);
    return EXIT_OK;
}

int cmd_lab(int argc, char **argv)
{
    const char *path = NULL;
    int solve = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--random"))
            return random_lab(argc, argv);
        if (cli_is_help(argv[i])) {
            return cli_help(stdout, "lab");
        } else if (!strcmp(argv[i], "-c")) {
            solve = 1;
        } else if (!strcmp(argv[i], "--lang")) {
            if (cli_lang_option("lab", i + 1 < argc ? argv[++i] : NULL))
                return EXIT_USAGE;
        } else if (argv[i][0] == '-' || path) {
            fprintf(stderr, "procsim lab: unexpected '%s'\n", argv[i]);
            cli_usage(stderr, "lab");
            return EXIT_USAGE;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        cli_usage(stderr, "lab");
        return EXIT_USAGE;
    }
    int ko = cli_lang == PS_LANG_KO;
    ps_scenario *s;
    int rc = load(path, &s);
    if (rc)
        return rc;
    cli_describe(stdout, s, ko);
    workload(stdout, s);
    ps_lab_key key;
    if (!s->nquestions) {
        printf("\n(This scenario has no questions: see docs/labs/README.md to add some.)\n");
    } else if (!solve) {
        printf("\n%s\n", CLI_W(W_LAB_QUESTIONS));
        for (uint32_t i = 0; i < s->nquestions; i++)
            ask(stdout, &s->questions[i], i, ko);
        printf("\n%s\n  procsim grade %s ANSWERS\n",
               ko ? "답을 한 줄에 하나씩 파일에 적고 (docs/labs/README.md), 채점하려면:"
                  : "Write one answer per line in a file (docs/labs/README.md), then:",
               path);
    } else if (!(rc = key_of(s, ko ? PS_LANG_KO : PS_LANG_EN, &key))) {
        printf("\n%s\n", CLI_W(W_LAB_KEY));
        if (key.status == PS_STEP_STUCK)
            printf(ko ? "  (이 실행은 %lld틱에 교착 상태로 끝납니다)\n"
                      : "  (the run ends in a deadlock at tick %lld)\n",
                   (long long)ps_engine_now(key.e));
        for (uint32_t i = 0; i < s->nquestions; i++) {
            ask(stdout, &s->questions[i], i, ko);
            printf("     [%s] ", s->questions[i].expr);
            answer_line(stdout, &key.answers[i]);
            because(stdout, &key, &key.answers[i], "       ");
        }
        ps_lab_key_fini(&key);
    }
    ps_scenario_destroy(s);
    return rc;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap) {
            char *nb = cap < (1u << 20) ? realloc(buf, (cap = cap ? cap * 2 : 4096) + 1) : NULL;
            if (!nb) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got);
    if (ferror(f)) { /* a directory, say: errno says why */
        int saved = errno;
        free(buf);
        fclose(f);
        errno = saved;
        return NULL;
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

int cmd_grade(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (cli_is_help(argv[i]))
            return cli_help(stdout, "grade");
    if (argc != 3) {
        cli_usage(stderr, "grade");
        return EXIT_USAGE;
    }
    ps_scenario *s;
    int rc = load(argv[1], &s);
    if (rc)
        return rc;
    if (!s->nquestions) {
        fprintf(stderr, "procsim grade: %s has no questions\n", argv[1]);
        ps_scenario_destroy(s);
        return EXIT_USAGE;
    }
    size_t len;
    char *text = slurp(argv[2], &len);
    ps_lab_key key;
    ps_lab_mark *marks = calloc(s->nquestions, sizeof *marks);
    if (!text) {
        fprintf(stderr, "procsim grade: cannot read %s: %s\n", argv[2], strerror(errno));
        rc = EXIT_USAGE;
    } else if (!marks || (rc = key_of(s, PS_LANG_EN, &key)) != 0) {
        rc = EXIT_RUNTIME;
    } else {
        ps_error err;
        int right = ps_lab_grade(&key, argv[2], text, len, marks, &err);
        if (right < 0) {
            fprintf(stderr, "%s\n", err.msg);
            rc = EXIT_USAGE;
        } else {
            printf("%s\n", s->title);
            for (uint32_t i = 0; i < s->nquestions; i++) {
                const ps_lab_answer *a = &key.answers[i];
                if (marks[i].right) {
                    printf("%3u. right: %s\n", i + 1, marks[i].text);
                    continue;
                }
                if (marks[i].given)
                    printf("%3u. wrong: you answered \"%s\"; the answer is ", i + 1,
                           marks[i].text);
                else
                    printf("%3u. no answer; the answer is ", i + 1);
                answer_line(stdout, a);
                printf("     %s\n", s->questions[i].ask);
                if (a->nwhy)
                    printf("     why:\n");
                because(stdout, &key, a, "       ");
            }
            printf("score %d/%u\n", right, s->nquestions);
            rc = right == (int)s->nquestions ? EXIT_OK : EXIT_RUNTIME;
        }
        ps_lab_key_fini(&key);
    }
    free(marks);
    free(text);
    ps_scenario_destroy(s);
    return rc;
}
