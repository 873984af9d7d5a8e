/* shipped.h — the files procsim ships (its scenarios, the Python hook of
 * trace mode) found wherever procsim runs from, and `procsim list`.
 *
 * A data folder WHAT ("scenarios", "pyhook") is looked for, in order:
 *   1. the environment's override ($PROCSIM_SCENARIOS, $PROCSIM_PYHOOK_DIR);
 *   2. EXE_DIR/../share/procsim/WHAT — an installed procsim (EXE_DIR: the
 *      folder of /proc/self/exe, symlinks resolved; ../share/procsim is
 *      the install's DATADIR as seen from its BINDIR);
 *   3. the source tree's copy, when the executable is the one the build
 *      tree made (PROCSIM_BUILD_DIR): running from a build, not installed.
 * A scenario argument that names nothing here but a folder or nothing at
 * all is then read as a shipped NAME: the path under the scenarios folder,
 * with or without ".yaml" ("tour", "seeds/counter-race",
 * "labs/scheduling-rr.yaml"); a NAME has no "." or ".." part.
 */
#ifndef PROCSIM_CLI_SHIPPED_H
#define PROCSIM_CLI_SHIPPED_H

#include <stddef.h>
#include <stdio.h>

#define CLI_PATH_MAX 4096

typedef enum cli_data { CLI_DATA_SCENARIOS, CLI_DATA_PYHOOK } cli_data;

/* What the lookup is told (each NULL or "" when unknown): the
 * environment's override, the executable's folder, the build tree that
 * made this procsim and its source tree. */
typedef struct cli_data_where {
    const char *env, *exe_dir, *build_dir, *source_dir;
} cli_data_where;

/* The folder WHAT by the rules above (an override that is not a folder is
 * passed over): 0 with its absolute path in out (size bytes), or -1 with
 * out "". */
int cli_data_find(cli_data what, const cli_data_where *w, char *out, size_t size);

/* The same for this process: its environment, /proc/self/exe, and the
 * build and source trees compiled in. */
int cli_data_dir(cli_data what, char *out, size_t size);

/* The file a scenario argument names: `arg` itself when it is an existing
 * file or names nothing shipped (the loader then says it cannot open it),
 * else the shipped file's path, written into buf (size bytes). */
const char *cli_scenario_path(const char *arg, char *buf, size_t size);

/* After a scenario that did not load: when `arg` is neither a file nor a
 * shipped NAME, a line saying that `procsim list` shows the names. */
void cli_scenario_hint(FILE *out, const char *arg);

/* `arg` is a shipped scenario's NAME (and not a file here). */
int cli_is_shipped(const char *arg);

/* Paths: a, b and c one after another into out (size bytes): 0, or -1
 * with out "" when they do not fit; a folder; a plain file. */
int cli_path3(char *out, size_t size, const char *a, const char *b, const char *c);
int cli_is_dir(const char *path);
int cli_is_file(const char *path);

/* list.c: `procsim list [--names] [--lang en|ko]`. */
int cmd_list(int argc, char **argv);

#endif
