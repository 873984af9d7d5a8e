/* trace_start.c — starting COMMAND: the root of the traced tree.
 *
 * Everything the child needs is made before the fork (the path found in
 * PATH, the environment with the hook's variables): after it the child,
 * a copy of a host that may have other threads, makes only plain system
 * calls.  It is forked with every signal blocked, dies with procsim
 * (PR_SET_PDEATHSIG, and at once if procsim is already gone), is pinned
 * to the CPUs of --cpus, resets the handlers it inherited, gets the
 * descriptor limit procsim had before it raised its own, and then waits
 * on the release pipe until procsim has attached to it (PTRACE_SEIZE):
 * only then does it exec, so that nothing it does escapes the trace.  An
 * exec that fails writes its errno on the error pipe (close-on-exec: a
 * successful exec closes it) and exits 127.
 *
 * A command that is not found in PATH is refused before anything is
 * forked (ps_trace_start returns NULL with "NAME: command not found", as
 * a shell would say it); one that is found but cannot be executed is
 * refused after, its child killed and reaped.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trace_driver.h"

extern char **environ;

/* The command's path: argv[0] itself if it holds a '/', else the first
 * executable regular file of that name in PATH.  NULL with t->err set. */
static char *find_command(ps_trace *t, const char *name)
{
    if (strchr(name, '/'))
        return strdup(name);
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    int denied = 0;
    size_t nlen = strlen(name);
    for (const char *p = path;; p++) {
        const char *end = strchr(p, ':');
        size_t dlen = end ? (size_t)(end - p) : strlen(p);
        char *cand = malloc(dlen + nlen + 3);
        if (!cand)
            break;
        snprintf(cand, dlen + nlen + 3, "%.*s/%s", (int)dlen, dlen ? p : ".", name);
        struct stat st;
        if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
            if (access(cand, X_OK) == 0)
                return cand;
            denied = 1;
        }
        free(cand);
        if (!end)
            break;
        p = end;
    }
    ps__trace_start_error(t, "%s: %s%.0s", "%s: %.0s%s", name,
                          denied ? ps_strerror(EACCES, PS_LANG_EN) : "command not found",
                          denied ? ps_strerror(EACCES, PS_LANG_KO) : "명령을 찾을 수 없습니다");
    return NULL;
}

/* The environment COMMAND gets: procsim's, with the hook's directory
 * first in PYTHONPATH and PROCSIM_TRACE_FD naming the hook's pipe. */
static char **make_env(ps_trace *t)
{
    size_t n = 0;
    while (environ[n])
        n++;
    char **env = calloc(n + 3, sizeof *env);
    if (!env)
        return NULL;
    size_t k = 0;
    const char *old_pp = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!strncmp(environ[i], "PYTHONPATH=", 11))
            old_pp = environ[i] + 11;
        else if (strncmp(environ[i], "PROCSIM_TRACE_FD=", 17))
            env[k++] = environ[i];
    }
    if (t->hook_dir && t->hook_wr >= 0) {
        size_t len = strlen(t->hook_dir) + (old_pp ? strlen(old_pp) : 0) + 16;
        char *pp = malloc(len), *fd = malloc(32);
        if (!pp || !fd) {
            free(pp);
            free(fd);
            free(env);
            return NULL;
        }
        snprintf(pp, len, "PYTHONPATH=%s%s%s", t->hook_dir, old_pp && *old_pp ? ":" : "",
                 old_pp ? old_pp : "");
        snprintf(fd, 32, "PROCSIM_TRACE_FD=%d", t->hook_wr);
        env[k++] = pp;
        env[k++] = fd;
    } else if (old_pp) {
        env[k++] = (char *)old_pp - 11;
    }
    env[k] = NULL;
    return env;
}

static void free_env(char **env, const ps_trace *t)
{
    if (!env)
        return;
    for (size_t i = 0; env[i]; i++)
        if (t->hook_dir && t->hook_wr >= 0 &&
            (!strncmp(env[i], "PYTHONPATH=", 11) || !strncmp(env[i], "PROCSIM_TRACE_FD=", 17)))
            free(env[i]);
    free(env);
}

typedef struct child_setup {
    pid_t parent;
    const char *path;
    char **argv, **env;
    int release_rd, err_wr, hook_wr;
    int out_wr[2];
    const cpu_set_t *cpus;
    const sigset_t *mask;
    const struct rlimit *nofile; /* its own descriptor limit back, or NULL */
} child_setup;

static void child_fail(const child_setup *cs, int err, int code)
{
    ssize_t n = write(cs->err_wr, &err, sizeof err);
    (void)n;
    _exit(code);
}

static void __attribute__((noreturn)) child_main(const child_setup *cs)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != cs->parent)
        _exit(126);
    if (cs->cpus && sched_setaffinity(0, sizeof *cs->cpus, cs->cpus))
        child_fail(cs, errno, 126);
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigemptyset(&dfl.sa_mask);
    for (int sig = 1; sig < NSIG; sig++)
        if (sig != SIGKILL && sig != SIGSTOP)
            sigaction(sig, &dfl, NULL);
    for (int i = 0; i < 2; i++)
        if (cs->out_wr[i] >= 0 && dup2(cs->out_wr[i], i + 1) < 0)
            child_fail(cs, errno, 126);
    if (cs->hook_wr >= 0)
        fcntl(cs->hook_wr, F_SETFD, 0); /* the tree keeps it across exec */
    char go;
    ssize_t n;
    do
        n = read(cs->release_rd, &go, 1);
    while (n < 0 && errno == EINTR);
    if (n != 1)
        _exit(126); /* procsim gave up on us */
    if (cs->nofile)
        setrlimit(RLIMIT_NOFILE, cs->nofile);
    pthread_sigmask(SIG_SETMASK, cs->mask, NULL);
    execve(cs->path, cs->argv, cs->env);
    child_fail(cs, errno, 127);
    _exit(127);
}

pid_t ps__start_root(ps_trace *t, int *release, int *errpipe)
{
    char *path = find_command(t, t->argv[0]);
    if (!path)
        return -1;
    char **env = make_env(t);
    int rel[2] = {-1, -1}, ep[2] = {-1, -1}, out[2][2] = {{-1, -1}, {-1, -1}};
    pid_t pid = -1;
    const char *what = NULL;
    if (!env)
        what = "environment";
    else if (pipe2(rel, O_CLOEXEC) || pipe2(ep, O_CLOEXEC))
        what = "pipe";
    for (int i = 0; i < 2 && !what && t->o.capture_output; i++) {
        if (pipe2(out[i], O_CLOEXEC))
            what = "pipe";
        else
            fcntl(out[i][0], F_SETFL, O_NONBLOCK);
    }
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    for (uint32_t i = 0; i < t->ncpus; i++)
        CPU_SET(t->cpu_ids[i], &cpus);
    child_setup cs = {
        .parent = t->self, .path = path, .argv = t->argv, .env = env,
        .release_rd = rel[0], .err_wr = ep[1], .hook_wr = t->hook_wr,
        .out_wr = {out[0][1], out[1][1]}, .cpus = t->o.cpus ? &cpus : NULL,
        .mask = &t->child_mask, .nofile = t->nofile_set ? &t->old_nofile : NULL,
    };
    if (!what) {
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        pid = fork();
        if (pid == 0)
            child_main(&cs);
        int saved = errno;
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        errno = saved;
        if (pid < 0)
            what = "fork";
    }
    if (what)
        ps__trace_start_error(t, "cannot start %s: %s: %s%.0s",
                              "%s을(를) 시작할 수 없습니다: %s: %.0s%s", t->argv[0], what,
                              ps_strerror(errno, PS_LANG_EN), ps_strerror(errno, PS_LANG_KO));
    free(path);
    free_env(env, t);
    if (rel[0] >= 0)
        close(rel[0]);
    if (ep[1] >= 0)
        close(ep[1]);
    for (int i = 0; i < 2; i++) {
        if (out[i][1] >= 0)
            close(out[i][1]);
        t->out_rd[i] = out[i][0];
    }
    if (pid < 0) {
        if (rel[1] >= 0)
            close(rel[1]);
        if (ep[0] >= 0)
            close(ep[0]);
        for (int i = 0; i < 2; i++)
            if (t->out_rd[i] >= 0)
                close(t->out_rd[i]);
        t->out_rd[0] = t->out_rd[1] = -1;
        return -1;
    }
    *release = rel[1];
    *errpipe = ep[0];
    return pid;
}
