/* list.c — `procsim list`: the shipped scenarios (shipped.h finds their
 * folder), each NAME with its title in the interface language. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "shipped.h"
#include "words.h"

typedef struct names {
    char **v;
    size_t n, cap;
    int nomem;
} names;

static void add(names *l, const char *name)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->nomem = 1;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    if (!(l->v[l->n] = strdup(name)))
        l->nomem = 1;
    else
        l->n++;
}

/* The scenarios under root/sub (sub "" or "seeds/"), depth-first, hidden
 * entries left out; a folder nested deeper than a few levels is not
 * looked into (a symlink loop cannot make this walk forever). */
static void walk(const char *root, const char *sub, int depth, names *l)
{
    char dir[CLI_PATH_MAX], path[CLI_PATH_MAX], rel[CLI_PATH_MAX];
    if (depth > 4 || cli_path3(dir, sizeof dir, root, "/", sub))
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || cli_path3(path, sizeof path, dir, "/", e->d_name) ||
            cli_path3(rel, sizeof rel, sub, e->d_name, ""))
            continue;
        if (cli_is_dir(path)) {
            if (strlen(rel) + 2 < sizeof rel) {
                strcat(rel, "/");
                walk(root, rel, depth + 1, l);
            }
        } else if (n > 5 && !strcmp(e->d_name + n - 5, ".yaml") && cli_is_file(path)) {
            rel[strlen(rel) - 5] = 0;
            add(l, rel);
        }
    }
    closedir(d);
}

static int bytewise(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void print_list(const char *dir, const names *l)
{
    int width = 0;
    for (size_t i = 0; i < l->n; i++)
        if (cli_width(l->v[i]) > width)
            width = cli_width(l->v[i]);
    printf(CLI_W(W_LIST_HEAD), dir);
    for (size_t i = 0; i < l->n; i++) {
        char path[CLI_PATH_MAX];
        ps_error err;
        ps_scenario *s = NULL;
        if (!cli_path3(path, sizeof path, dir, "/", l->v[i]) && strlen(path) + 5 < sizeof path)
            s = ps_scenario_load_file_every_variant(strcat(path, ".yaml"), &err);
        fputs("  ", stdout);
        cli_pad(stdout, l->v[i], width + 2);
        if (s)
            cli_visible(stdout, cli_title(s, cli_lang), PS_VISIBLE_LINE);
        else
            fputs(CLI_W(W_LIST_BROKEN), stdout);
        fputc('\n', stdout);
        ps_scenario_destroy(s);
    }
    fputs(CLI_W(W_LIST_FOOT), stdout);
}

int cmd_list(int argc, char **argv)
{
    int only_names = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i]))
            return cli_help(stdout, "list");
        if (!strcmp(argv[i], "--names")) {
            only_names = 1;
        } else if (!strcmp(argv[i], "--lang")) {
            if (cli_lang_option("list", ++i < argc ? argv[i] : NULL))
                return EXIT_USAGE;
        } else {
            fprintf(stderr, CLI_W(W_LIST_ARG), argv[i]);
            cli_usage(stderr, "list");
            return EXIT_USAGE;
        }
    }
    char dir[CLI_PATH_MAX];
    if (cli_data_dir(CLI_DATA_SCENARIOS, dir, sizeof dir)) {
        fputs(CLI_W(W_LIST_NONE), stderr);
        return EXIT_RUNTIME;
    }
    names l = {0};
    walk(dir, "", 0, &l);
    int rc = EXIT_OK;
    if (l.nomem) {
        fputs(CLI_W(W_ANY_NOMEM), stderr);
        rc = EXIT_RUNTIME;
    } else {
        qsort(l.v, l.n, sizeof *l.v, bytewise);
        if (only_names)
            for (size_t i = 0; i < l.n; i++)
                puts(l.v[i]);
        else
            print_list(dir, &l);
    }
    for (size_t i = 0; i < l.n; i++)
        free(l.v[i]);
    free(l.v);
    return rc;
}
