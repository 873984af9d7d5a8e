/* lab.c — `procsim lab`: the handout, the answer key, a random lab.  The
 * answers come from the lab library (sim/lab/lab.c), which runs the
 * scenario; this file only prints. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lab_out.h"
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
        fprintf(stderr, "procsim lab: %s\n", ps_error_in(&err, cli_lang));
        return EXIT_USAGE;
    }
    fputs(yaml, stdout);
    free(yaml);
    return EXIT_OK;
}

int cmd_lab(int argc, char **argv)
{
    const char *path = NULL, *variant = NULL;
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
        } else if (!strcmp(argv[i], "--variant")) { /* a student's own numbers */
            if (i + 1 >= argc || !argv[i + 1][0]) {
                fprintf(stderr, "procsim lab: %s\n", CLI_W(W_VAR_NEEDS_ID));
                return EXIT_USAGE;
            }
            variant = argv[++i];
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
    int rc = cli_lab_load(path, variant, &s);
    if (rc)
        return rc;
    cli_describe(stdout, s, ko);
    cli_lab_variant_note(stdout, s, path, solve);
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
    } else if (!(rc = cli_lab_key(s, ko ? PS_LANG_KO : PS_LANG_EN, &key))) {
        printf("\n%s\n", CLI_W(W_LAB_KEY));
        if (key.status == PS_STEP_STUCK)
            printf(ko ? "  (이 실행은 %lld틱에 교착 상태로 끝납니다)\n"
                      : "  (the run ends in a deadlock at tick %lld)\n",
                   (long long)ps_engine_now(key.e));
        for (uint32_t i = 0; i < s->nquestions; i++) {
            ask(stdout, &s->questions[i], i, ko);
            printf("     [%s] ", s->questions[i].expr);
            cli_lab_answer_line(stdout, &key.answers[i]);
            cli_lab_because(stdout, &key, &key.answers[i], "       ");
        }
        ps_lab_key_fini(&key);
    }
    ps_scenario_destroy(s);
    return rc;
}
