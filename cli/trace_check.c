/* trace_check.c — what `procsim trace` refuses before it starts COMMAND,
 * with the exit status a shell gives: 127 for a command that is not there,
 * 126 for one that is there but cannot be executed; and --cpus beyond the
 * CPUs procsim may use, a usage error (2).
 *
 * ps_trace_start refuses the same things, but only in words (ps_error has
 * no code), so the CLI finds the command itself first, by the rules of
 * trace_start.c's lookup (argv[0] as it is if it holds a '/', else the
 * first executable regular file of that name in PATH, "." for an empty
 * entry, /usr/local/bin:/usr/bin:/bin when PATH is unset or empty), and
 * counts the CPUs as trace.c does (sched_getaffinity).  What passes here
 * and still fails to start (an exec format error, a resource) exits 1. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "words.h"

enum { EXIT_NOT_FOUND = 127, EXIT_CANNOT_EXECUTE = 126 };

/* A path with a '/': 0 if it can be executed, else the status and *why. */
static int check_path(const char *path, int *why)
{
    struct stat st;
    if (stat(path, &st)) {
        *why = errno;
        return errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXECUTE;
    }
    if (S_ISDIR(st.st_mode)) {
        *why = EISDIR;
        return EXIT_CANNOT_EXECUTE;
    }
    if (!S_ISREG(st.st_mode) || access(path, X_OK)) {
        *why = EACCES;
        return EXIT_CANNOT_EXECUTE;
    }
    return 0;
}

/* A name looked up in PATH: 0 if found executable; 127 if no regular file
 * of that name is there, 126 (EACCES) if those there cannot be executed. */
static int check_name(const char *name, int *why)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    size_t nlen = strlen(name);
    int denied = 0;
    for (const char *p = path;;) {
        size_t dlen = strcspn(p, ":");
        char *cand = malloc(dlen + nlen + 3);
        if (!cand)
            return 0; /* let ps_trace_start say it */
        memcpy(cand, dlen ? p : ".", dlen ? dlen : 1);
        size_t k = dlen ? dlen : 1;
        cand[k] = '/';
        memcpy(cand + k + 1, name, nlen + 1);
        struct stat st;
        int found = stat(cand, &st) == 0 && S_ISREG(st.st_mode);
        int runs = found && access(cand, X_OK) == 0;
        free(cand);
        if (runs)
            return 0;
        denied |= found;
        if (!p[dlen])
            break;
        p += dlen + 1;
    }
    *why = denied ? EACCES : 0;
    return denied ? EXIT_CANNOT_EXECUTE : EXIT_NOT_FOUND;
}

static int check_command(const char *name)
{
    int why = 0;
    int rc = strchr(name, '/') ? check_path(name, &why) : check_name(name, &why);
    char shown[CLI_VISIBLE_MAX]; /* a name that is not found may be anything */
    if (rc)
        fprintf(stderr, "procsim trace: %s: %s\n", ps_visible(name, PS_VISIBLE_LINE, shown, sizeof shown),
                why ? cli_strerror(why) : CLI_W(W_TRACE_NOT_FOUND));
    return rc;
}

static int check_cpus(uint32_t cpus)
{
#ifdef __linux__
    cpu_set_t mine;
    if (!cpus || sched_getaffinity(0, sizeof mine, &mine))
        return 0; /* no pinning, or ps_trace_start says what failed */
    int have = CPU_COUNT(&mine);
    if (cpus > (uint32_t)have) {
        fprintf(stderr, CLI_W(W_TRACE_CPUS), cpus, have,
                cli_lang == PS_LANG_EN && have != 1 ? "s" : "");
        return EXIT_USAGE;
    }
#else
    (void)cpus; /* no trace mode here: ps_trace_start says so */
#endif
    return 0;
}

int cli_trace_check(const cli_trace_request *q)
{
    int rc = check_cpus(q->o.cpus);
    return rc ? rc : check_command(q->o.argv[0]);
}
