/* clikit.c — running the procsim binary from a test (clikit.h). */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clikit.h"

extern char **environ;

void append(char **buf, size_t *len, const char *data, size_t n)
{
    *buf = realloc(*buf, *len + n + 1);
    assert_non_null(*buf);
    memcpy(*buf + *len, data, n);
    *len += n;
    (*buf)[*len] = 0;
}

result run_in(const char *const *args, const char *const *extra, int seconds)
{
    int out[2], err[2];
    assert_int_equal(pipe(out), 0);
    assert_int_equal(pipe(err), 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addclose(&fa, err[0]);
    char *argv[32] = {PROCSIM_BINARY};
    for (int i = 0; args[i]; i++)
        argv[i + 1] = (char *)args[i];
    pid_t pid;
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    /* no display: `procsim` alone must take the text view, never a window */
    static char *env[64];
    int ne = 0;
    for (char **e = environ; *e && ne < 56; e++) {
        int set = 0; /* by `extra`, which wins (getenv finds the first) */
        for (int i = 0; extra && extra[i] && !set; i++) {
            size_t n = strcspn(extra[i], "=");
            set = !strncmp(*e, extra[i], n + 1);
        }
        if (!set && strncmp(*e, "DISPLAY=", 8) && strncmp(*e, "WAYLAND_DISPLAY=", 16) &&
            strncmp(*e, "SDL_VIDEODRIVER=", 16))
            env[ne++] = *e;
    }
    for (int i = 0; extra && extra[i]; i++)
        env[ne++] = (char *)extra[i];
    env[ne] = NULL;
    assert_int_equal(posix_spawn(&pid, PROCSIM_BINARY, &fa, NULL, argv, env), 0);
    posix_spawn_file_actions_destroy(&fa);
    close(out[1]);
    close(err[1]);
    result r = {0};
    append(&r.out, &r.out_len, "", 0);
    append(&r.err, &r.err_len, "", 0);
    struct pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    time_t deadline = time(NULL) + seconds;
    while (open_fds) {
        if (time(NULL) > deadline || poll(fds, 2, 1000) < 0) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            fail_msg("procsim %s still ran after %d s: killed", args[0] ? args[0] : "",
                     seconds);
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            char buf[65536];
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else if (i == 0) {
                append(&r.out, &r.out_len, buf, (size_t)n);
            } else {
                append(&r.err, &r.err_len, buf, (size_t)n);
            }
        }
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    r.status = WEXITSTATUS(st);
    return r;
}

result procsim(const char *const *args)
{
    return run_in(args, NULL, 60);
}

void result_free(result *r)
{
    free(r->out);
    free(r->err);
}

char *slurp(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", PROCSIM_SOURCE_DIR, rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s (run tests/golden/update?)", path);
    char *buf = NULL;
    *len = 0;
    char chunk[65536];
    size_t n;
    append(&buf, len, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        append(&buf, len, chunk, n);
    fclose(f);
    return buf;
}

/* The command a case runs: its first word after the options given before
 * the command (`procsim --lang ko gui ...`), or NULL. */
static const char *case_command(const char *const *args)
{
    size_t i = 0;
    while (args[i] && !strcmp(args[i], "--lang") && args[i + 1])
        i += 2;
    return args[i];
}

void check_cases(const cli_case *cases, size_t n, const char *const *extra)
{
    for (size_t i = 0; i < n; i++) {
        const char *cmd = case_command(cases[i].args);
        if (!PROCSIM_WITH_GUI && cmd && !strcmp(cmd, "gui"))
            continue; /* it says it has no window, whatever the options */
        result r = run_in(cases[i].args, extra, 60);
        const char *o = cases[i].in_out, *e = cases[i].in_err;
        if (r.status != cases[i].status || (o ? !strstr(r.out, o) : r.out_len != 0) ||
            (e ? !strstr(r.err, e) : r.err_len != 0))
            fail_msg("case %zu (%s %s): exit %d\nstdout: %.300s\nstderr: %.300s", i,
                     cases[i].args[0] ? cases[i].args[0] : "(none)",
                     cases[i].args[0] && cases[i].args[1] ? cases[i].args[1] : "", r.status,
                     r.out, r.err);
        result_free(&r);
    }
}


/* ---- a strict JSON checker (RFC 8259 syntax, no extensions) ----------- */

static const char *json_value(const char *p);

static const char *json_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

static const char *json_string(const char *p)
{
    if (*p++ != '"')
        return NULL;
    for (; *p != '"'; p++) {
        if ((unsigned char)*p < 0x20)
            return NULL;
        if (*p == '\\') {
            p++;
            if (*p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
                        return NULL;
                p += 4;
            } else if (!*p || !strchr("\"\\/bfnrt", *p)) {
                return NULL;
            }
        }
    }
    return p + 1;
}

static const char *json_number(const char *p)
{
    const char *start = p;
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        while (*p >= '0' && *p <= '9')
            p++;
    else
        return NULL;
    if (*p == '.') {
        if (!(*++p >= '0' && *p <= '9'))
            return NULL;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return NULL;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return p > start ? p : NULL;
}

static const char *json_members(const char *p, char close, int keyed)
{
    p = json_ws(p + 1);
    if (*p == close)
        return p + 1;
    for (;;) {
        if (keyed) {
            if (!(p = json_string(p)))
                return NULL;
            p = json_ws(p);
            if (*p++ != ':')
                return NULL;
        }
        if (!(p = json_value(p)))
            return NULL;
        p = json_ws(p);
        if (*p == close)
            return p + 1;
        if (*p++ != ',')
            return NULL;
        p = json_ws(p);
    }
}

static const char *json_value(const char *p)
{
    p = json_ws(p);
    switch (*p) {
    case '{': return json_members(p, '}', 1);
    case '[': return json_members(p, ']', 0);
    case '"': return json_string(p);
    case 't': return strncmp(p, "true", 4) ? NULL : p + 4;
    case 'f': return strncmp(p, "false", 5) ? NULL : p + 5;
    case 'n': return strncmp(p, "null", 4) ? NULL : p + 4;
    default: return json_number(p);
    }
}

int json_valid(const char *s)
{
    const char *end = json_value(s);
    return end && !*json_ws(end);
}
