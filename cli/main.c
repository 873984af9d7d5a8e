/* main.c — `procsim`: parse the command, hand it to its function. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "shipped.h"
#include "words.h"

/* A first argument that is meant as a scenario, not a command: an existing
 * file, a name ending in .yaml or .yml, or a shipped scenario's NAME. */
static int looks_like_scenario(const char *a)
{
    size_t n = strlen(a);
    struct stat st;
    if ((n > 5 && !strcmp(a + n - 5, ".yaml")) || (n > 4 && !strcmp(a + n - 4, ".yml")))
        return 1;
    return (stat(a, &st) == 0 && S_ISREG(st.st_mode)) || cli_is_shipped(a);
}

/* `a` as one shell word: as it is when that is safe, else in single
 * quotes. */
static void shell_word(FILE *out, const char *a)
{
    if (*a && strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                        "._/+-,:=@%") == strlen(a)) {
        fputs(a, out);
        return;
    }
    fputc('\'', out);
    for (; *a; a++) {
        if (*a == '\'')
            fputs("'\\''", out);
        else
            fputc(*a, out);
    }
    fputc('\'', out);
}

int main(int argc, char **argv)
{
    /* A SIGCHLD ignored by whoever started procsim (SIG_IGN is inherited
     * across exec) would let the kernel reap live mode's children unseen:
     * procsim's children are its own to reap. */
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigaction(SIGCHLD, &dfl, NULL);
    cli_lang_init();
    /* `procsim --lang ko [COMMAND ...]`: the language for what follows */
    while (argc > 1 && !strcmp(argv[1], "--lang")) {
        if (cli_lang_option("--lang", argc > 2 ? argv[2] : NULL))
            return EXIT_USAGE;
        argv[2] = argv[0];
        argc -= 2;
        argv += 2;
    }
    if (argc < 2) {
        if (cli_window_available())
            return cmd_gui(1, (char *[]){"gui", NULL});
        fprintf(stderr, CLI_W(W_MAIN_NO_WINDOW), cli_no_window_reason());
        char *tour[] = {"run", "--tour", NULL};
        return cmd_run(2, tour);
    }
    const char *cmd = argv[1];
    cli_lang_prescan(argc - 1, argv + 1);
    if (cli_is_help(cmd) || !strcmp(cmd, "help")) {
        cli_help_all(stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("procsim %s\n", PROCSIM_VERSION);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "run"))
        return cmd_run(argc - 1, argv + 1);
    if (!strcmp(cmd, "check"))
        return cmd_check(argc - 1, argv + 1);
    if (!strcmp(cmd, "gui"))
        return cmd_gui(argc - 1, argv + 1);
    if (!strcmp(cmd, "ostep"))
        return cmd_ostep(argc - 1, argv + 1);
    if (!strcmp(cmd, "lab"))
        return cmd_lab(argc - 1, argv + 1);
    if (!strcmp(cmd, "grade"))
        return cmd_grade(argc - 1, argv + 1);
    if (!strcmp(cmd, "trace"))
        return cmd_trace(argc - 1, argv + 1);
    if (!strcmp(cmd, "compare"))
        return cmd_compare(argc - 1, argv + 1);
    if (!strcmp(cmd, "list"))
        return cmd_list(argc - 1, argv + 1);
    if (looks_like_scenario(cmd)) {
        fprintf(stderr, CLI_W(W_MAIN_NOT_COMMAND), cmd);
        if (cli_has_window()) {
            fputs(CLI_W(W_MAIN_IN_WINDOW), stderr);
            fputs("  procsim gui ", stderr);
            shell_word(stderr, cmd);
            fputc('\n', stderr);
            fputs(CLI_W(W_MAIN_OR), stderr);
        }
        fputs(CLI_W(W_MAIN_AS_TEXT), stderr);
        fputs("  procsim run ", stderr);
        shell_word(stderr, cmd);
        fputc('\n', stderr);
        return EXIT_USAGE;
    }
    fprintf(stderr, CLI_W(W_MAIN_UNKNOWN), cmd);
    return EXIT_USAGE;
}
