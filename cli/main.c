/* main.c — `procsim`: parse the command, hand it to its function, and
 * check at the end that what it wrote could be written. */
#include <errno.h>
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
    return (stat(a, &st) == 0 && !S_ISDIR(st.st_mode)) || cli_is_shipped(a);
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

/* The commands.  SAYS: the command checks its output itself before its
 * last words (run and compare flush stdout and say so, trace too), so a
 * failure it returned with is not said twice. */
#define CLI_COMMANDS(X)                                                      \
    X("run", cmd_run, 1)                                                     \
    X("check", cmd_check, 0)                                                 \
    X("gui", cmd_gui, 0)                                                     \
    X("ostep", cmd_ostep, 0)                                                 \
    X("lab", cmd_lab, 0)                                                     \
    X("grade", cmd_grade, 0)                                                 \
    X("trace", cmd_trace, 1)                                                 \
    X("compare", cmd_compare, 1)                                             \
    X("list", cmd_list, 0)

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    int says; /* reports its own output errors */
} commands[] = {
#define CLI_ROW_(name, fn, says) {name, fn, says},
    CLI_COMMANDS(CLI_ROW_)
#undef CLI_ROW_
};

/* The end of every command: stdout flushed, and if anything written to it
 * was lost (a full disk, /dev/full, a closed terminal), said on stderr
 * and the status at least EXIT_RUNTIME — unless the command has said it
 * (says, and it did not return EXIT_OK). */
static int finish(int rc, int says)
{
    int before = errno; /* an earlier write's error, when only ferror tells */
    errno = 0;
    int flushed = fflush(stdout) == 0;
    int e = !flushed && errno ? errno : before ? before : EIO;
    if (flushed && !ferror(stdout))
        return rc;
    if (!(says && rc != EXIT_OK))
        fprintf(stderr, CLI_W(W_ANY_WRITE_FAILED), cli_strerror(e));
    return rc == EXIT_OK ? EXIT_RUNTIME : rc;
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
            return finish(cmd_gui(1, (char *[]){"gui", NULL}), 0);
        fprintf(stderr, CLI_W(W_MAIN_NO_WINDOW), cli_no_window_reason());
        char *tour[] = {"run", "--tour", NULL};
        return finish(cmd_run(2, tour), 1);
    }
    const char *cmd = argv[1];
    cli_lang_prescan(argc - 1, argv + 1);
    if (cli_is_help(cmd) || !strcmp(cmd, "help")) {
        cli_help_all(stdout);
        return finish(EXIT_OK, 0);
    }
    if (!strcmp(cmd, "--version")) {
        printf("procsim %s\n", PROCSIM_VERSION);
        return finish(EXIT_OK, 0);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(cmd, commands[i].name))
            return finish(commands[i].run(argc - 1, argv + 1), commands[i].says);
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
