/* lab.c — `procsim lab`: the handout, the answer key, a random lab.  The
 * answers come from the lab library (sim/lab/lab.c), which runs the
 * scenario; this file only prints. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "lab_html.h"
#include "lab_out.h"
#include "procsim/lab.h"
#include "shipped.h"
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
            fprintf(out, CLI_W(W_LAB_CHILD_OF), s->procs[p->parent].name);
        else
            fprintf(out, CLI_W(W_LAB_ARRIVES), (long long)p->arrival);
        if (p->priority)
            fprintf(out, CLI_W(W_LAB_PRIORITY), (int)p->priority);
        if (uses & PS_USES_MLQ) /* what the policy reads of each process */
            fprintf(out, CLI_W(W_LAB_QUEUE), (int)p->queue);
        if (uses & PS_USES_TICKETS)
            fprintf(out, CLI_W(W_LAB_TICKETS), (long long)p->tickets);
        if ((uses & PS_USES_CFS) && p->nice)
            fprintf(out, CLI_W(W_LAB_NICE), (int)p->nice);
        if (p->memory)
            fprintf(out, CLI_W(W_LAB_MEMORY), (long long)p->memory);
        fputs(CLI_W(W_LAB_PROGRAM), out);
        for (uint32_t k = 0; k < p->op_count; k++)
            fprintf(out, "%s %s", k ? "," : "", ps_op_format(s, &s->ops[p->op_first + k], op, sizeof op));
        fprintf(out, "%s\n", p->op_count ? "" : CLI_W(W_LAB_NOTHING));
    }
    for (uint32_t i = 0; i < s->nevents; i++)
        fprintf(out, CLI_W(W_LAB_EVENT), (long long)s->events[i].at,
                ps_action_token((ps_action)s->events[i].action),
                s->procs[s->events[i].target].name);
}

/* Question i in the handout's language (ask_ko in Korean when the lab
 * gives it, else ask), and the options of a multiple-choice one: a)
 * b) c)..., from its answer a (NULL: none). */
static void ask(FILE *out, const ps_question *q, uint32_t i, int ko, const ps_lab_answer *a)
{
    fprintf(out, "%3u. ", i + 1);
    cli_visible(out, ko && q->ask_ko[0] ? q->ask_ko : q->ask, PS_VISIBLE_LINES);
    putc('\n', out);
    for (uint32_t c = 0; a && c < a->nchoices; c++) {
        fprintf(out, "       %c) ", 'a' + (int)c);
        cli_visible(out, a->choices[c], PS_VISIBLE_LINE);
        putc('\n', out);
    }
}

static int has_choices(const ps_scenario *s)
{
    for (uint32_t i = 0; i < s->nquestions; i++)
        if (s->questions[i].nchoices)
            return 1;
    return 0;
}

/* A seed for a random lab made without --seed: from the time and the
 * process id, short enough to type again (0 to 999999999). */
static int64_t any_seed(void)
{
    uint64_t x = (uint64_t)time(NULL) * UINT64_C(0x9e3779b97f4a7c15) ^ (uint64_t)getpid();
    x ^= x >> 29;
    return (int64_t)(x % 1000000000u);
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
        } else if (!strcmp(argv[i], "--lang")) {
            if (cli_lang_option("lab", v))
                return EXIT_USAGE;
            i++;
        } else if (!strcmp(argv[i], "--processes") && v) {
            if (cli_int_option("lab", "--processes", v, 1, 12, &procs))
                return EXIT_USAGE;
            i++;
        } else {
            fprintf(stderr, CLI_W(W_ANY_UNKNOWN_OPTION), "lab", argv[i]);
            cli_usage(stderr, "lab");
            return EXIT_USAGE;
        }
    }
    if (!have_seed)
        seed = any_seed();
    ps_error err;
    char *yaml = ps_lab_random((uint64_t)seed, policy, (int)procs, &err);
    if (!yaml) {
        fprintf(stderr, "procsim lab: %s\n", ps_error_in(&err, cli_lang));
        return EXIT_USAGE;
    }
    /* the command that makes this lab again, first, as a comment */
    char again[160];
    int n = snprintf(again, sizeof again, "procsim lab --random --seed %lld", (long long)seed);
    if (policy)
        n += snprintf(again + n, sizeof again - (size_t)n, " --policy %s", policy);
    if (procs)
        snprintf(again + n, sizeof again - (size_t)n, " --processes %lld", (long long)procs);
    if (!have_seed)
        fprintf(stderr, CLI_W(W_LAB_SEED_PICKED), (long long)seed, again);
    printf("# %s\n", again);
    fputs(yaml, stdout);
    free(yaml);
    return EXIT_OK;
}

int cmd_lab(int argc, char **argv)
{
    const char *path = NULL, *variant = NULL;
    char where[CLI_PATH_MAX]; /* a shipped NAME's file */
    int solve = 0;
    cli_lab_format format = CLI_LAB_TEXT;
    const char *out_path = NULL;
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
        } else if (!strcmp(argv[i], "--format")) { /* the printed page: lab_html.c */
            if (cli_lab_format_option(i + 1 < argc ? argv[++i] : NULL, &format))
                return EXIT_USAGE;
        } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            out_path = argv[++i];
        } else if (argv[i][0] == '-' || path) {
            fprintf(stderr, CLI_W(W_ANY_UNEXPECTED), "lab", argv[i]);
            cli_usage(stderr, "lab");
            return EXIT_USAGE;
        } else {
            path = cli_scenario_path(argv[i], where, sizeof where);
        }
    }
    if (!path) {
        cli_usage(stderr, "lab");
        return EXIT_USAGE;
    }
    if (cli_lab_format_check(format, out_path))
        return EXIT_USAGE;
    int ko = cli_lang == PS_LANG_KO;
    ps_scenario *s;
    int rc = cli_lab_load(path, variant, &s);
    if (rc)
        return rc;
    if (format != CLI_LAB_TEXT) {
        rc = cli_lab_page(s, solve, format, out_path);
        ps_scenario_destroy(s);
        return rc;
    }
    /* the key first, so that a lab without one prints nothing: the key
       needs it, and the handout for the options of multiple-choice
       questions */
    ps_lab_key key;
    int keyed = s->nquestions && (solve || has_choices(s));
    if (keyed && (rc = cli_lab_key(s, cli_lang, &key))) {
        ps_scenario_destroy(s);
        return rc;
    }
    cli_describe(stdout, s, ko);
    cli_lab_variant_note(stdout, s, path, solve);
    workload(stdout, s);
    if (!s->nquestions) {
        fputs(CLI_W(W_LAB_NO_QUESTIONS), stdout);
    } else if (!solve) {
        printf("\n%s\n", CLI_W(W_LAB_QUESTIONS));
        for (uint32_t i = 0; i < s->nquestions; i++)
            ask(stdout, &s->questions[i], i, ko, keyed ? &key.answers[i] : NULL);
        if (keyed)
            fputs(CLI_W(W_LAB_BY_LETTER), stdout);
        printf("\n%s\n  procsim grade %s ANSWERS\n", CLI_W(W_LAB_THEN_GRADE), path);
    } else {
        printf("\n%s\n", CLI_W(W_LAB_KEY));
        if (key.status == PS_STEP_STUCK)
            printf(CLI_W(W_LAB_DEADLOCK), (long long)ps_engine_now(key.e));
        for (uint32_t i = 0; i < s->nquestions; i++) {
            ask(stdout, &s->questions[i], i, ko, &key.answers[i]);
            fputs("     [", stdout);
            cli_visible(stdout, s->questions[i].expr, PS_VISIBLE_LINE);
            fputs("] ", stdout);
            cli_lab_answer_line(stdout, &key.answers[i]);
            cli_lab_because(stdout, &key, &key.answers[i], "       ");
        }
    }
    if (keyed)
        ps_lab_key_fini(&key);
    ps_scenario_destroy(s);
    return rc;
}
