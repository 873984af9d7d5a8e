/* main.c — `procsim`: parse the command, hand it to its function. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gui.h"
#include "procsim/ostep.h"

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

static void to_buf(void *ctx, const char *s, size_t n) { fwrite(s, 1, n, ctx); }

/* --ostep PROGRAM ARGS...: the workload as scenario text in o->text. */
static int ostep_text(gui_options *o, int argc, char **argv, ps_outbuf *yaml)
{
    int prog = ps_ostep_lookup(argv[0]), rc;
    if (prog < 0) {
        fprintf(stderr, "procsim gui: --ostep wants process-run, scheduler or mlfq, got '%s'\n",
                argv[0]);
        return EXIT_USAGE;
    }
    ps_out out = {to_buf, stdout}, err = {to_buf, stderr}, y = ps_outbuf_sink(yaml);
    ps_scenario *s = ps_ostep_scenario((ps_ostep_prog)prog, argc - 1, argv + 1, &out, &err, &rc);
    if (!s)
        return rc ? rc : -1; /* -1: it printed its help */
    ps_scenario_write_yaml(s, &y);
    ps_scenario_destroy(s);
    if (yaml->nomem) {
        fprintf(stderr, "procsim: out of memory\n");
        return EXIT_RUNTIME;
    }
    o->text = yaml->s;
    o->text_len = yaml->len;
    o->text_name = ps_ostep_name((ps_ostep_prog)prog);
    return 0;
}

static int gui_options_parse(gui_options *po, int argc, char **argv, ps_outbuf *yaml);

static int cmd_gui(int argc, char **argv)
{
    gui_options o = {.lang = -1};
    ps_outbuf yaml = {0};
    int rc = gui_options_parse(&o, argc, argv, &yaml);
    if (rc < 0)
        rc = EXIT_OK;
    else if (!rc)
        rc = gui_main(&o);
    ps_outbuf_fini(&yaml);
    return rc;
}

/* 0: ready to run; -1: done, nothing to run (help); else an exit status. */
static int gui_options_parse(gui_options *po, int argc, char **argv, ps_outbuf *yaml)
{
    gui_options o = *po;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--ostep") && v) {
            int rc = ostep_text(&o, argc - i - 1, argv + i + 1, yaml);
            if (rc)
                return rc;
            break;
        } else if (!strcmp(a, "--live")) {
            o.live = 1;
        } else if (!strcmp(a, "--lang") && v) {
            if (strcmp(v, "en") && strcmp(v, "ko")) {
                fprintf(stderr, "procsim gui: --lang wants en or ko, got '%s'\n", v);
                return EXIT_USAGE;
            }
            o.lang = !strcmp(v, "ko");
            i++;
        } else if (!strcmp(a, "--frames") && v) {
            o.frames = atoi(v);
            if (o.frames < 1 || o.frames > 1000000) {
                fprintf(stderr, "procsim gui: --frames wants a count from 1, got '%s'\n", v);
                return EXIT_USAGE;
            }
            i++;
        } else if (!strcmp(a, "--screenshot") && v) {
            o.screenshot = v;
            i++;
        } else if (!strcmp(a, "--size") && v) {
            if (sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 320 || o.height < 240 ||
                o.width > 8192 || o.height > 8192) {
                fprintf(stderr, "procsim gui: --size wants WIDTHxHEIGHT (at least 320x240), got '%s'\n", v);
                return EXIT_USAGE;
            }
            i++;
        } else if (!strcmp(a, "--tick-ms") && v) {
            o.tick_ms = atoi(v);
            i++;
        } else if (!strcmp(a, "--quiz")) {
            o.quiz = 1;
        } else if (!strcmp(a, "--follow") && v) {
            o.follow = v;
            i++;
        } else if (!strcmp(a, "--select") && v) {
            o.select = (uint32_t)atoi(v);
            i++;
        } else if (a[0] == '-') {
            fprintf(stderr, "procsim gui: unknown or incomplete option '%s'; see procsim --help\n", a);
            return EXIT_USAGE;
        } else if (!o.path) {
            o.path = a;
        } else {
            fprintf(stderr, "procsim gui: one scenario at a time\n");
            return EXIT_USAGE;
        }
    }
    if (o.screenshot && !o.frames) {
        fprintf(stderr, "procsim gui: --screenshot goes with --frames N\n");
        return EXIT_USAGE;
    }
    if (!o.frames && !gui_display_available()) {
        fprintf(stderr, "procsim gui: no display (DISPLAY is not set); use --frames N "
                        "--screenshot out.png, or procsim run\n");
        return EXIT_RUNTIME;
    }
    if (o.text && o.path) {
        fprintf(stderr, "procsim gui: a FILE or --ostep, not both\n");
        return EXIT_USAGE;
    }
    *po = o;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        if (gui_display_available()) {
            gui_options o = {.lang = -1};
            return gui_main(&o);
        }
        fprintf(stderr, "procsim: no display, so here is the text view "
                        "(procsim --help for the window)\n\n");
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
