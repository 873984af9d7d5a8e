/* help.c — every usage text of procsim, each written once: `procsim CMD
 * --help` shows that command's, `procsim --help` all of them.  The words
 * only; each command reads its own arguments. */
#include <string.h>

#include "cli.h"

typedef struct help {
    const char *name;       /* the command */
    const char *synopsis;   /* lines after "procsim "; a line starting with a
                               space goes on the line before */
    const char *body;       /* what it does and its options */
    const char *footer;     /* its exit statuses; NULL: the common footer */
} help;

static const help helps[] = {
    {"gui",
     "gui [FILE] [--live [--tick-ms MS]] [--lang en|ko] [--size WxH]\n"
     "            [--select PROCESS] [--speed X] [--quiz [--follow NAME]]\n"
     "            [--student NAME] [--fullscreen] [--compare P[:Q],P[:Q]...]\n"
     "            [--frames N [--screenshot PNG]] [--gantt-png FILE]\n"
     "gui [those options] --ostep PROGRAM [its flags]",
     "  gui [FILE]      the animated state diagram (the tour without FILE)\n"
     "    --live        real child processes, as for run\n"
     "    --tick-ms MS  live mode: milliseconds per tick, " CLI_DECIMAL(PS_TICK_MS_MIN)
     " to " CLI_DECIMAL(PS_TICK_MS_MAX) "\n"
     "                  (default: the scenario's tick_ms)\n"
     "    --lang L      en or ko (default: the locale)\n"
     "    --size WxH    window or frame size, from 320x240 to 8192x8192\n"
     "                  (default 1280x800)\n"
     "    --select P    start with process P selected, its PCB shown: P is a\n"
     "                  process name or a pid\n"
     "    --speed X     start at speed X: 1, 2, 4, 8, 16 or 32 (default 1; Slower\n"
     "                  and Faster change it)\n"
     "    --quiz        quiz: before each transition of a process, click the state\n"
     "                  it goes to next (Q toggles it in the window)\n"
     "    --follow NAME the process the quiz follows (default: the selected one,\n"
     "                  or the first)\n"
     "    --frames N    render N frames (1 to 1000000) headless, no display\n"
     "                  needed ...\n"
     "    --screenshot PNG  ... and save the last one\n"
     "    --fullscreen  presentation mode: the whole screen, large type (F11)\n"
     "    --student NAME  the name in the quiz's saved summary (else asked once)\n"
     "    --compare LIST  2 to 4 policies side by side on FILE's workload, one\n"
     "                  clock: fcfs,rr:4 (as procsim compare takes them; not\n"
     "                  with --live or --quiz)\n"
     "    --gantt-png FILE  run the scenario to its end with no window and save\n"
     "                  its Gantt chart alone, --size's width wide (default 1200\n"
     "                  wide); FILE ends .png or .svg, which says the format (a\n"
     "                  model run, not with --live)\n"
     "    --ostep PROGRAM FLAGS...  animate an OSTEP homework workload instead of\n"
     "                  FILE (every argument after PROGRAM is the program's)\n", NULL},
    {"run",
     "run FILE [--live [--tick-ms MS]] [--format text|csv|json]\n"
     "            [--ops] [--until T] [--policy P[:Q]] [--gantt]",
     "  run FILE        simulate FILE; the trace and statistics go to stdout\n"
     "    --live        run every process as a real child process (docs/live.md)\n"
     "    --tick-ms MS  live mode: milliseconds per tick, " CLI_DECIMAL(PS_TICK_MS_MIN)
     " to " CLI_DECIMAL(PS_TICK_MS_MAX) "\n"
     "                  (default: the scenario's tick_ms)\n"
     "    --format F    text (default: tables for people, each tick's op events\n"
     "                  under it), csv (one row per transition:\n"
     "                  time,pid,name,from,to,event,cause), json (with ops and\n"
     "                  resources)\n"
     "    --ops         csv: op events too (read, write, send, recv, lock, ...), as\n"
     "                  rows with from and to empty, event the op event and cause\n"
     "                  its object and value\n"
     "    --until T     stop after tick T (a whole number from 0)\n"
     "    --policy P[:Q] run under policy P (with quantum Q) instead of the file's:\n"
     "                  fcfs, sjf, rr:4, ... (docs/engine.md has them all)\n"
     "    --gantt       text: a Gantt chart of the CPUs under the trace; json: the\n"
     "                  same as \"gantt\" (docs/compare.md)\n", NULL},
    {"compare",
     "compare FILE P[:Q] P[:Q]... [--format text|csv|json] [--lang en|ko]\n"
     "            [--until T]",
     "  compare FILE P[:Q] P[:Q]...  FILE's workload under each policy (2 to 8,\n"
     "                  written as for run --policy), side by side: each process's\n"
     "                  finish, turnaround, waiting, response and switches, their\n"
     "                  averages, cpu utilisation, a Gantt chart of each, and the\n"
     "                  first tick where the schedules differ with each policy's\n"
     "                  cause (docs/compare.md)\n"
     "    --format F    text (default), csv or json: the same data\n"
     "    --lang L      en or ko: every word, and the causes (default en)\n"
     "    --until T     stop each run after tick T (a whole number from 0)\n", NULL},
    {"trace",
     "trace [--gui] [--cpus N] [--format text|csv|json] [-o FILE]\n"
     "            [--record FILE.yaml] [--sample-ms N] [--events SPEC]\n"
     "            [--threads] [--linger SECONDS] [--max-procs N]\n"
     "            [--no-ptrace] [--lang en|ko] -- COMMAND [ARGS...]",
     "  trace -- COMMAND  run your own program and watch its processes in the seven\n"
     "                  states, with the kernel's evidence for every move\n"
     "                  (docs/trace.md); the exit status is COMMAND's (128+N if\n"
     "                  signal N killed it)\n"
     "    --gui         in the window (S, C, K suspend, resume, kill)\n"
     "    --cpus N      pin the program to N cpus (1 to 1024)\n"
     "    --format F    text (default), csv (time,pid,name,from,to,event,cause,\n"
     "                  wall_us,kstate,reported_by,os_pid; notes among the rows),\n"
     "                  or json\n"
     "    -o FILE       the trace into FILE as it happens (a run cut short keeps\n"
     "                  what it saw), the statistics to stdout; without it the\n"
     "                  trace goes to stdout after the program's own output\n"
     "    --record FILE.yaml  also write a scenario that replays the run in the\n"
     "                  model (procsim run FILE.yaml)\n"
     "    --sample-ms N one tick = one sample every N ms, 1 to "
     CLI_DECIMAL(PS_TRACE_SAMPLE_MS_MAX) " (default " CLI_DECIMAL(PS_TRACE_SAMPLE_MS) ")\n"
     "    --events SPEC suspend, resume or kill at a time: SECONDS:ACTION:WHO,...\n"
     "                  e.g. 0.5:suspend:Process-1,1.5:resume:Process-1 (WHO a\n"
     "                  process name or a real pid)\n"
     "    --threads     every thread a process of its own (default: a count)\n"
     "    --linger S    once COMMAND has ended, kill what is left of its tree after S\n"
     "                  seconds (0 to 86400, default 5)\n"
     "    --max-procs N show at most N processes, 1 to " CLI_DECIMAL(PS_TRACE_PROCS_LIMIT)
     " (default " CLI_DECIMAL(PS_TRACE_MAX_PROCS) ")\n"
     "    --no-ptrace   follow the tree by sampling /proc instead of ptrace\n"
     "    --lang L      en or ko: the text view's states, causes and notes\n",
     "Exit status: COMMAND's own, or 128+N if signal N killed it (as a shell says);\n"
     "127 COMMAND not found, 126 it cannot be executed; 1 procsim failed or was\n"
     "interrupted; 2 bad usage.  How the trace works: docs/trace.md.\n"},
    {"check",
     "check FILE...",
     "  check FILE...   load each file and report the first error in it\n", NULL},
    {"ostep",
     "ostep process-run|scheduler|mlfq|lottery [--format text|csv|json|yaml]\n"
     "              [its flags]",
     "  ostep PROGRAM   OSTEP's homework program (process-run.py, scheduler.py,\n"
     "                  mlfq.py, lottery.py): same flags, same output\n"
     "                  (docs/ostep.md); procsim ostep PROGRAM -h lists the\n"
     "                  program's flags\n"
     "    --format F    instead, the workload as procsim runs it: text, csv, json,\n"
     "                  or yaml (the scenario file)\n", NULL},
    {"lab",
     "lab FILE [-c] [--variant ID] [--lang en|ko]\n"
     "lab --random --seed N [--policy P] [--processes K]",
     "  lab FILE        a lab (a scenario with questions): the handout with the\n"
     "                  workload and questions (docs/labs/README.md)\n"
     "    -c            the answer key instead, computed by running the scenario\n"
     "    --variant ID  a student's own numbers, from the lab's vary: section (the\n"
     "                  same ID, the same numbers); with -c, their key\n"
     "    --lang L      en or ko: the handout's language (default en)\n"
     "  lab --random    a new lab as YAML on stdout\n"
     "    --seed N      the same N makes the same lab (a whole number from 0)\n"
     "    --policy P    its scheduling policy (default: one the seed picks)\n"
     "    --processes K how many processes, 1 to 12 (default: 3 to 5)\n", NULL},
    {"grade",
     "grade FILE ANSWERS",
     "  grade FILE ANSWERS  score an answers file (one answer per line); the right\n"
     "                  answer and the trace lines that show why for each wrong\n"
     "                  one; exit 0 for full marks, 1 otherwise\n", NULL},
};

static const char intro[] =
    "Simulates the seven-state process lifecycle (New, Ready, Running, Blocked,\n"
    "Ready/Suspend, Blocked/Suspend, Exit) for a scenario file and prints, tick\n"
    "by tick, which process is in which state and why, then the statistics.\n";

static const char footer[] =
    "Exit status: 0 success, 1 runtime failure (e.g. deadlock), 2 bad usage or\n"
    "invalid input (errors are FILE:LINE:COLUMN: message); procsim trace: COMMAND's\n"
    "(procsim trace --help says more).\n"
    "Scenario format: docs/scenario-format.md.  Engine rules: docs/engine.md.\n";

#define NHELPS (sizeof helps / sizeof helps[0])

/* The synopsis lines of h, the first after `lead`, the rest after as
 * many spaces. */
static void synopsis(FILE *out, const help *h, const char *lead)
{
    const char *p = h->synopsis;
    for (int first = 1; *p; first = 0) {
        size_t n = strcspn(p, "\n");
        if (*p == ' ')
            fprintf(out, "%*s%.*s\n", (int)strlen(lead), "", (int)n, p);
        else
            fprintf(out, "%s%sprocsim %.*s\n", first ? lead : "",
                    first ? "" : "       ", (int)n, p);
        p += n + (p[n] == '\n');
    }
}

static const help *find(const char *cmd)
{
    for (size_t i = 0; i < NHELPS; i++)
        if (!strcmp(helps[i].name, cmd))
            return &helps[i];
    return NULL;
}

int cli_help(FILE *out, const char *cmd)
{
    const help *h = find(cmd);
    if (h) {
        synopsis(out, h, "usage: ");
        fprintf(out, "\n%s\n%s", h->body, h->footer ? h->footer : footer);
    }
    return EXIT_OK;
}

void cli_usage(FILE *out, const char *cmd)
{
    const help *h = find(cmd);
    if (h) {
        synopsis(out, h, "usage: ");
        fprintf(out, "(procsim %s --help says more)\n", cmd);
    }
}

void cli_help_all(FILE *out)
{
    fputs("usage: procsim                      the seven-state tour in a window (text\n"
          "                                    view when there is no display)\n", out);
    for (size_t i = 0; i < NHELPS; i++)
        synopsis(out, &helps[i], "       ");
    fputs("       procsim COMMAND --help       that command's usage\n"
          "       procsim --help | --version\n\n", out);
    fputs(intro, out);
    fputc('\n', out);
    for (size_t i = 0; i < NHELPS; i++)
        fputs(helps[i].body, out);
    fputc('\n', out);
    fputs(footer, out);
}
