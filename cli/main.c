/* main.c — `procsim`: parse the command, hand it to its function. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: procsim                      the seven-state tour in a window (text\n"
    "                                    view when there is no display)\n"
    "       procsim gui [FILE] [--live] [--lang en|ko] [--frames N --screenshot PNG]\n"
    "       procsim run FILE [--live] [--format text|csv|json] [--until T]\n"
    "       procsim check FILE...        validate scenario files\n"
    "       procsim ostep process-run|scheduler|mlfq [--format F] [its flags]\n"
    "       procsim lab FILE [-c] [--lang en|ko]  a lab's handout; -c its answer key\n"
    "       procsim lab --random --seed N [--policy P] [--processes K]\n"
    "       procsim grade FILE ANSWERS       score an answers file\n"
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
    "  lab FILE        a lab (a scenario with questions): the handout with the\n"
    "                  workload and questions; -c the answer key, computed by\n"
    "                  running the scenario (docs/labs/README.md)\n"
    "    --random --seed N [--policy P] [--processes K]  a new lab as YAML\n"
    "  grade FILE ANSWERS  score an answers file (one answer per line); the right\n"
    "                  answer and the trace lines that show why for each wrong\n"
    "                  one; exit 0 for full marks, 1 otherwise\n"
    "  ostep PROGRAM   OSTEP's homework program (process-run.py, scheduler.py,\n"
    "                  mlfq.py): same flags, same output (docs/ostep.md)\n"
    "    --format F    instead, the workload as procsim runs it: text, csv, json,\n"
    "                  or yaml (the scenario file)\n"
    "  gui [FILE]      the animated state diagram (the tour without FILE)\n"
    "    --live        real child processes, as for run\n"
    "    --lang L      en or ko (default: the locale)\n"
    "    --frames N    render N frames headless (no display needed) ...\n"
    "    --screenshot PNG  ... and save the last one\n"
    "    --size WxH    window or frame size (default 1280x800)\n"
    "    --tick-ms MS  live mode: milliseconds per tick\n"
    "    --select PID  start with that process selected (its PCB shown)\n"
    "    --quiz        quiz: before each transition of a process, click the state\n"
    "                  it goes to next (Q toggles it in the window)\n"
    "    --follow NAME the process the quiz follows (default: the first)\n"
    "    --ostep PROGRAM FLAGS...  animate an OSTEP homework workload instead of\n"
    "                  FILE (every argument after PROGRAM is the program's)\n"
    "\n"
    "Exit status: 0 success, 1 runtime failure (e.g. deadlock), 2 bad usage or\n"
    "invalid input (errors are FILE:LINE:COLUMN: message).\n"
    "Scenario format: docs/scenario-format.md.  Engine rules: docs/engine.md.\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        if (cli_window_available())
            return cmd_gui(1, (char *[]){"gui", NULL});
        fprintf(stderr, "procsim: %s, so here is the text view "
                        "(procsim --help for the window)\n\n", cli_no_window_reason());
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
    if (!strcmp(cmd, "gui"))
        return cmd_gui(argc - 1, argv + 1);
    if (!strcmp(cmd, "ostep"))
        return cmd_ostep(argc - 1, argv + 1);
    if (!strcmp(cmd, "lab"))
        return cmd_lab(argc - 1, argv + 1);
    if (!strcmp(cmd, "grade"))
        return cmd_grade(argc - 1, argv + 1);
    fprintf(stderr, "procsim: unknown command '%s'\n%s", cmd, usage);
    return EXIT_USAGE;
}
