/* lab_print.c — `procsim lab --format html|pdf`'s options, and where the
 * page goes (lab_html.h): a file or stdout, or weasyprint's standard input
 * for a PDF.  The page itself is lab_html.c. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "lab_html.h"
#include "lab_out.h"
#include "words.h"

extern char **environ;

enum { MAX_TICKS = 250 }; /* ticks the grids show at most (ten blocks) */

int cli_lab_format_option(const char *value, cli_lab_format *f)
{
    static const char *const names[] = {[CLI_LAB_TEXT] = "text", [CLI_LAB_HTML] = "html",
                                        [CLI_LAB_PDF] = "pdf"};
    for (size_t i = 0; value && i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(value, names[i])) {
            *f = (cli_lab_format)i;
            return 0;
        }
    fprintf(stderr, CLI_W(W_HTML_FORMAT_BAD), value ? value : "");
    return -1;
}

int cli_lab_format_check(cli_lab_format f, const char *out_path)
{
    if (out_path && f == CLI_LAB_TEXT) {
        fputs(CLI_W(W_HTML_OUT_NEEDS_FORMAT), stderr);
        return -1;
    }
    if (!out_path && f == CLI_LAB_PDF) {
        fputs(CLI_W(W_HTML_PDF_NEEDS_OUT), stderr);
        return -1;
    }
    return 0;
}

/* The page to weasyprint's standard input, the PDF from its standard
 * output to `path` ("-": procsim's), which procsim opens itself so that a
 * file it cannot write is its own message, and removes if weasyprint
 * fails. */
static int pdf(const ps_lab_key *key, const ps_lab_grid *g, int solve, const char *path)
{
    int own = strcmp(path, "-") != 0;
    int to = own ? open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666) : STDOUT_FILENO;
    int fd[2] = {-1, -1};
    if (to < 0 || pipe(fd) || fcntl(fd[0], F_SETFD, FD_CLOEXEC) ||
        fcntl(fd[1], F_SETFD, FD_CLOEXEC)) {
        fprintf(stderr, CLI_W(W_HTML_CANNOT_WRITE), path, cli_strerror(errno));
        if (fd[0] >= 0)
            close(fd[0]), close(fd[1]);
        if (own && to >= 0)
            close(to), unlink(path);
        return EXIT_RUNTIME;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&fa, to, STDOUT_FILENO);
    char *argv[] = {"weasyprint", "-q", "-e", "utf-8", "-", "-", NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "weasyprint", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fd[0]);
    if (own)
        close(to);
    if (rc) {
        close(fd[1]);
        if (own)
            unlink(path);
        if (rc == ENOENT)
            fputs(CLI_W(W_HTML_NO_WEASYPRINT), stderr);
        else
            fprintf(stderr, CLI_W(W_HTML_CANNOT_WRITE), path, cli_strerror(rc));
        return EXIT_RUNTIME;
    }
    /* weasyprint may stop reading (it failed): its status says so, not SIGPIPE */
    struct sigaction ign = {.sa_handler = SIG_IGN}, old;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, &old);
    FILE *out = fdopen(fd[1], "w");
    if (out) {
        cli_lab_html(out, key, g, solve);
        fclose(out);
    } else {
        close(fd[1]);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    sigaction(SIGPIPE, &old, NULL);
    if (!WIFEXITED(status) || WEXITSTATUS(status)) {
        if (own)
            unlink(path);
        fprintf(stderr, CLI_W(W_HTML_WEASYPRINT_FAILED),
                WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), path);
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}

static int html(const ps_lab_key *key, const ps_lab_grid *g, int solve, const char *path)
{
    if (path && !strcmp(path, "-"))
        path = NULL;
    FILE *out = path ? fopen(path, "w") : stdout;
    if (!out) {
        fprintf(stderr, CLI_W(W_HTML_CANNOT_WRITE), path, cli_strerror(errno));
        return EXIT_RUNTIME;
    }
    cli_lab_html(out, key, g, solve);
    if (!path) /* stdout: main's check at the end says what was lost */
        return EXIT_OK;
    int bad = ferror(out);
    if (fclose(out))
        bad = 1;
    if (bad) {
        fprintf(stderr, CLI_W(W_HTML_CANNOT_WRITE), path, cli_strerror(errno));
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}

int cli_lab_page(const ps_scenario *s, int solve, cli_lab_format f, const char *out_path)
{
    ps_lab_key key;
    ps_lab_grid g;
    int rc = cli_lab_key(s, cli_lang, &key); /* the handout needs it too: its
                                                options, its grids' width */
    if (rc)
        return rc;
    if (ps_lab_grid_compute(&key, MAX_TICKS, &g)) {
        fprintf(stderr, "procsim lab: %s\n", CLI_W(W_ANY_OUT_OF_MEMORY));
        ps_lab_key_fini(&key);
        return EXIT_RUNTIME;
    }
    rc = f == CLI_LAB_PDF ? pdf(&key, &g, solve, out_path) : html(&key, &g, solve, out_path);
    ps_lab_grid_fini(&g);
    ps_lab_key_fini(&key);
    return rc;
}
