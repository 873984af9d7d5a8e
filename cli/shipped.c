/* shipped.c — see shipped.h. */
#define _XOPEN_SOURCE 700 /* realpath, readlink */
#include "shipped.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "words.h"

#ifndef PROCSIM_SOURCE_DIR
#define PROCSIM_SOURCE_DIR ""
#endif
#ifndef PROCSIM_BUILD_DIR
#define PROCSIM_BUILD_DIR ""
#endif
/* share/procsim from bin/ as installed (GNUInstallDirs' BINDIR, DATADIR) */
#ifndef PROCSIM_DATA_FROM_BIN
#define PROCSIM_DATA_FROM_BIN "../share/procsim"
#endif

static const struct {
    const char *env, *installed, *source;
} places[] = {
    [CLI_DATA_SCENARIOS] = {"PROCSIM_SCENARIOS", "scenarios", "scenarios"},
    [CLI_DATA_PYHOOK] = {"PROCSIM_PYHOOK_DIR", "pyhook", "sim/trace/pyhook"},
};

int cli_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int cli_path3(char *out, size_t size, const char *a, const char *b, const char *c)
{
    int w = snprintf(out, size, "%s%s%s", a, b, c);
    if (w < 0 || (size_t)w >= size) {
        out[0] = 0;
        return -1;
    }
    return 0;
}

/* The resolved folder holding the running executable, "" if unknown. */
static void exe_dir(char *out, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    out[0] = 0;
    if (n <= 0)
        return;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash)
        return;
    *slash = 0;
    cli_path3(out, size, exe[0] ? exe : "/", "", "");
}

/* dir, if it is a folder, made absolute into out. */
static int found(const char *dir, char *out, size_t size)
{
    char abs[PATH_MAX];
    if (!cli_is_dir(dir) || !realpath(dir, abs))
        return -1;
    return cli_path3(out, size, abs, "", "");
}

/* a and b are the same folder. */
static int same_dir(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    return realpath(a, ra) && realpath(b, rb) && !strcmp(ra, rb);
}

int cli_data_find(cli_data what, const cli_data_where *w, char *out, size_t size)
{
    char c[PATH_MAX];
    if (w->env && w->env[0] && !found(w->env, out, size))
        return 0;
    if (w->exe_dir && w->exe_dir[0] &&
        !cli_path3(c, sizeof c, w->exe_dir, "/" PROCSIM_DATA_FROM_BIN "/", places[what].installed) &&
        !found(c, out, size))
        return 0;
    if (w->exe_dir && w->exe_dir[0] && w->build_dir && w->build_dir[0] && w->source_dir &&
        w->source_dir[0] && same_dir(w->exe_dir, w->build_dir) &&
        !cli_path3(c, sizeof c, w->source_dir, "/", places[what].source) && !found(c, out, size))
        return 0;
    out[0] = 0;
    return -1;
}

int cli_data_dir(cli_data what, char *out, size_t size)
{
    char here[PATH_MAX];
    exe_dir(here, sizeof here);
    cli_data_where w = {getenv(places[what].env), here, PROCSIM_BUILD_DIR, PROCSIM_SOURCE_DIR};
    return cli_data_find(what, &w, out, size);
}

/* A NAME is relative and climbs nowhere: no leading '/', no "." or ".."
 * part ("./tour" means the working directory's), no empty part. */
static int plain_name(const char *arg)
{
    if (!arg[0] || arg[0] == '/')
        return 0;
    for (const char *p = arg; *p;) {
        size_t n = strcspn(p, "/");
        if (!n || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
        p += n + (p[n] == '/');
    }
    return 1;
}

/* Something there that a scenario could be read from: any file but a
 * folder (/dev/stdin and a FIFO are for the loader to judge). */
static int there(const char *arg)
{
    struct stat st;
    return stat(arg, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* The shipped file NAME names into buf: 0, or -1. */
static int shipped_file(const char *arg, char *buf, size_t size)
{
    char dir[CLI_PATH_MAX];
    size_t n = strlen(arg);
    int ext = (n > 5 && !strcmp(arg + n - 5, ".yaml")) || (n > 4 && !strcmp(arg + n - 4, ".yml"));
    if (!plain_name(arg) || cli_data_dir(CLI_DATA_SCENARIOS, dir, sizeof dir))
        return -1;
    int w = snprintf(buf, size, "%s/%s%s", dir, arg, ext ? "" : ".yaml");
    return w >= 0 && (size_t)w < size && cli_is_file(buf) ? 0 : -1;
}

const char *cli_scenario_path(const char *arg, char *buf, size_t size)
{
    if (!arg || there(arg) || shipped_file(arg, buf, size))
        return arg;
    return buf;
}

int cli_is_shipped(const char *arg)
{
    char buf[CLI_PATH_MAX];
    return !there(arg) && !shipped_file(arg, buf, sizeof buf);
}

void cli_scenario_hint(FILE *out, const char *arg)
{
    if (arg && !there(arg) && !cli_is_shipped(arg))
        fputs(CLI_W(W_LIST_HINT), out);
}
