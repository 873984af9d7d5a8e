/* main.c — `procsim`: parse the command, hand it to its function. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: procsim                      the built-in seven-state tour (text view)\n"
    "       procsim run FILE [--live] [--format text|csv|json] [--until T]\n"
    "       procsim check FILE...        validate scenario files\n"
    "       procsim --help | --version\n"
    "\n"
    "Simulates the seven-state process lifecycle (New, Ready, Running, Blocked,\n"
    "Ready/Suspend, Blocked/Suspend, Exit) for a scenario file and prints, tick\n"
    "by tick, which process is in which state and why, then the statistics.\n"
    "\n"
    "  run FILE        simulate FILE; the trace and statistics go to stdout\n"
    "    --live        run every process as a real child process (docs/live.md)\n"
    "    --tick-ms MS  live mode: milliseconds per tick (default: the scenario's tick_ms)\n"
    "    --format F    text (default: tables for people), csv (one row per\n"
    "                  transition: time,pid,name,from,to,event,cause), json\n"
    "    --until T     stop after tick T\n"
    "  check FILE...   load each file and report the first error in it\n"
    "\n"
    "Exit status: 0 success, 1 runtime failure (e.g. deadlock), 2 bad usage or\n"
    "invalid input (errors are FILE:LINE:COLUMN: message).\n"
    "Scenario format: docs/scenario-format.md.  Engine rules: docs/engine.md.\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        char *tour[] = {"run", "--tour", NULL};
        return cmd_run(2, tour);
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
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
    if (!strcmp(cmd, "gui")) {
        fprintf(stderr, "procsim: the GUI is not part of this build yet; "
                        "use 'procsim run FILE'\n");
        return EXIT_RUNTIME;
    }
    fprintf(stderr, "procsim: unknown command '%s'\n%s", cmd, usage);
    return EXIT_USAGE;
}
