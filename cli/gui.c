/* gui.c — `procsim gui`: the window's options, handed to gui_main.  Only
 * in a procsim built with the window (PROCSIM_GUI); nogui.c stands in
 * otherwise. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "shipped.h"
#include "words.h"
#include "gantt_view.h"
#include "gui.h"
#include "procsim/ostep.h"
#include "quiz_words.h" /* GUI_STUDENT_MAX */
#include "utf8.h"

static void to_buf(void *ctx, const char *s, size_t n) { fwrite(s, 1, n, ctx); }

/* --ostep PROGRAM ARGS...: the workload as scenario text in o->text. */
static int ostep_text(gui_options *o, int argc, char **argv, ps_outbuf *yaml)
{
    int prog = ps_ostep_lookup(argv[0]), rc;
    if (prog < 0) {
        fprintf(stderr, CLI_W(W_GUI_OSTEP), argv[0]);
        return EXIT_USAGE;
    }
    ps_out out = {to_buf, stdout}, err = {to_buf, stderr}, y = ps_outbuf_sink(yaml);
    ps_scenario *s = ps_ostep_scenario((ps_ostep_prog)prog, argc - 1, argv + 1, &out, &err, &rc);
    if (!s)
        return rc ? rc : -1; /* -1: it printed its help */
    ps_scenario_write_yaml(s, &y);
    ps_scenario_destroy(s);
    if (yaml->nomem) {
        fputs(CLI_W(W_ANY_NOMEM), stderr);
        return EXIT_RUNTIME;
    }
    o->text = yaml->s;
    o->text_len = yaml->len;
    o->text_name = ps_ostep_name((ps_ostep_prog)prog);
    return 0;
}

/* --size WxH: each from the least a layout fits in to 8192, read as every
 * number of an option is (cli_parse_int).  The width is read from a copy,
 * its leading zeros left out, so that a width too long for the copy is
 * one out of range anyway. */
static int parse_size(const char *v, gui_options *o)
{
    char w[24];
    const char *x = strchr(v, 'x'), *from = v;
    int64_t width, height;
    while (x && *from == '0' && from + 1 < x)
        from++;
    if (x && (size_t)(x - from) < sizeof w) {
        memcpy(w, from, (size_t)(x - from));
        w[x - from] = 0;
        if (!cli_parse_int(w, 320, 8192, &width) && !cli_parse_int(x + 1, 240, 8192, &height)) {
            o->width = (int)width;
            o->height = (int)height;
            return 0;
        }
    }
    fprintf(stderr, CLI_W(W_GUI_SIZE), v);
    return -1;
}

/* --select PROCESS: a name (names start with a letter, Latin or Hangul,
 * or '_'), else a pid;
 * whether the scenario has it is known once it is loaded (gui_main). */
static int parse_select(const char *v, gui_options *o)
{
    if ((*v >= 'A' && *v <= 'Z') || (*v >= 'a' && *v <= 'z') || *v == '_' ||
        (unsigned char)*v >= 0x80) { /* a Hangul name */
        o->select_name = v;
        o->select = 0;
        return 0;
    }
    if (!cli_parse_int(v, 1, INT64_MAX, &o->select)) {
        o->select_name = NULL;
        return 0;
    }
    fprintf(stderr, CLI_W(W_GUI_SELECT), v);
    return -1;
}

/* --policy P[:Q] as procsim run takes it; the window gives it to each
 * scenario it opens (gui/sim.h), so only its spelling is checked here. */
static int parse_policy(const char *v)
{
    ps_policy policy;
    int64_t quantum;
    ps_error err;
    if (!ps_policy_parse(v, &policy, &quantum, &err))
        return 0;
    fprintf(stderr, CLI_W(W_GUI_POLICY_OPTION), ps_error_in(&err, cli_lang));
    return -1;
}

static int gui_options_parse(gui_options *po, int argc, char **argv, ps_outbuf *yaml);

/* --student NAME: the first line of the quiz's summary file, so one line
 * of UTF-8 text, at most as long as the window's name box takes. */
static int check_student(const char *v)
{
    size_t n = strlen(v);
    int control = 0;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        control |= *p < 0x20 || *p == 0x7f;
    const char *why = n == 0                  ? CLI_W(W_GUI_STUDENT_EMPTY)
                      : n >= GUI_STUDENT_MAX  ? CLI_W(W_GUI_STUDENT_LONG)
                      : control               ? CLI_W(W_GUI_STUDENT_CONTROL)
                      : !gui_utf8_valid(v, n) ? CLI_W(W_GUI_STUDENT_UTF8)
                                              : NULL;
    if (why)
        fprintf(stderr, CLI_W(W_GUI_STUDENT), GUI_STUDENT_MAX - 1, why, n);
    return why ? -1 : 0;
}

int cmd_gui(int argc, char **argv)
{
    static char shipped[CLI_PATH_MAX]; /* the window's for its life (in a web page that
                                          outlives this call's stack) */
    /* cli_lang: the locale's, or `procsim --lang ko gui` (before the command) */
    gui_options o = {.lang = cli_lang == PS_LANG_KO, .shipped = shipped};
    cli_data_dir(CLI_DATA_SCENARIOS, shipped, sizeof shipped); /* "" when none */
    ps_outbuf yaml = {0};
    int rc = gui_options_parse(&o, argc, argv, &yaml);
    if (rc < 0)
        rc = EXIT_OK;
    else if (!rc)
        rc = o.gantt_png ? gui_gantt_main(&o) : gui_main(&o);
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
        } else if (!strcmp(a, "--lang")) {
            if (cli_lang_option("gui", v))
                return EXIT_USAGE;
            o.lang = cli_lang == PS_LANG_KO;
            i++;
        } else if (!strcmp(a, "--frames") && v) {
            int64_t n;
            if (cli_int_option("gui", a, v, 1, 1000000, &n))
                return EXIT_USAGE;
            o.frames = (int)n;
            i++;
        } else if (!strcmp(a, "--screenshot") && v) {
            o.screenshot = v;
            i++;
        } else if (!strcmp(a, "--size") && v) {
            if (parse_size(v, &o))
                return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--tick-ms") && v) {
            if (cli_int_option("gui", a, v, PS_TICK_MS_MIN, PS_TICK_MS_MAX, &o.tick_ms))
                return EXIT_USAGE;
            i++;
        } else if (!strcmp(a, "--speed") && v) {
            int64_t n;
            if (cli_int_option("gui", a, v, 1, 32, &n))
                return EXIT_USAGE;
            if (n & (n - 1)) { /* the toolbar's steps: Slower halves, Faster doubles */
                fprintf(stderr, CLI_W(W_GUI_SPEED), v);
                return EXIT_USAGE;
            }
            o.speed = (int)n;
            i++;
        } else if (!strcmp(a, "--fullscreen")) {
            o.fullscreen = 1;
        } else if (!strcmp(a, "--gantt-png") && v) {
            o.gantt_png = v;
            i++;
        } else if (!strcmp(a, "--compare") && v) {
            o.compare = v;
            i++;
        } else if (!strcmp(a, "--policy") && v) {
            if (parse_policy(v))
                return EXIT_USAGE;
            o.policy = v;
            i++;
        } else if (!strcmp(a, "--student") && v) {
            if (check_student(v))
                return EXIT_USAGE;
            o.student = v;
            i++;
        } else if (!strcmp(a, "--quiz")) {
            o.quiz = 1;
        } else if (!strcmp(a, "--follow") && v) {
            o.follow = v;
            i++;
        } else if (!strcmp(a, "--select") && v) {
            if (parse_select(v, &o))
                return EXIT_USAGE;
            i++;
        } else if (cli_is_help(a)) {
            cli_help(stdout, "gui");
            return -1;
        } else if (a[0] == '-') {
            fprintf(stderr, CLI_W(W_ANY_BAD_OPTION), "gui", a, "gui");
            return EXIT_USAGE;
        } else if (!o.path) {
            static char where[CLI_PATH_MAX]; /* a shipped NAME's file, for the window's life */
            o.path = cli_scenario_path(a, where, sizeof where);
        } else {
            fputs(CLI_W(W_GUI_ONE), stderr);
            return EXIT_USAGE;
        }
    }
    if (o.screenshot && !o.frames) {
        fputs(CLI_W(W_GUI_SCREENSHOT), stderr);
        return EXIT_USAGE;
    }
    /* the compare view is model runs side by side, with nothing to follow */
    if (o.compare && (o.live || o.quiz)) {
        fputs(o.live ? CLI_W(W_GUI_COMPARE_LIVE) : CLI_W(W_GUI_COMPARE_QUIZ), stderr);
        return EXIT_USAGE;
    }
    if (o.compare && o.policy) {
        fputs(CLI_W(W_GUI_COMPARE_POLICY), stderr);
        return EXIT_USAGE;
    }
    if (o.text && o.path) {
        fputs(CLI_W(W_GUI_FILE_OR_OSTEP), stderr);
        return EXIT_USAGE;
    }
    /* bad input is exit 2 with a display or without */
    if (o.gantt_png && (o.live || o.frames || o.compare)) {
        fprintf(stderr, CLI_W(W_GUI_GANTT_PNG_WITH), o.live     ? "--live"
                                                     : o.frames ? "--frames"
                                                                : CLI_W(W_GUI_GANTT_PNG_COMPARE));
        return EXIT_USAGE;
    }
    if (o.gantt_png && gui_gantt_format_of(o.gantt_png) == GUI_GANTT_UNKNOWN) {
        fprintf(stderr, CLI_W(W_GUI_GANTT_PNG_FILE), o.gantt_png);
        return EXIT_USAGE;
    }
    if (!o.frames && !o.gantt_png && !gui_display_available()) {
        int rc = gui_check(&o);
        if (rc)
            return rc;
        fprintf(stderr, CLI_W(W_GUI_NO_DISPLAY_USE), CLI_W(W_GUI_NO_DISPLAY));
        return EXIT_RUNTIME;
    }
    *po = o;
    return 0;
}

/* procsim trace --gui: the window on the trace (gui.h's gui_run_trace), in
 * --lang's language, else the locale's.  What only the terminal view has
 * is refused: in the window the events are on screen and S, C and K act. */
int cli_trace_gui(const cli_trace_request *q)
{
    if (q->out_path || q->record_path || q->nevents) {
        fputs(CLI_W(W_GUI_TRACE_ONLY_TEXT), stderr);
        return EXIT_USAGE;
    }
    if (!gui_display_available()) {
        fprintf(stderr, CLI_W(W_GUI_TRACE_NO_DISPLAY), CLI_W(W_GUI_NO_DISPLAY));
        return EXIT_RUNTIME;
    }
    gui_options o = {.lang = q->lang_given ? q->lang == PS_LANG_KO : -1};
    return gui_run_trace(&q->o, &o);
}

int cli_has_window(void)
{
    return 1;
}

int cli_window_available(void)
{
    return gui_display_available();
}

const char *cli_no_window_reason(void)
{
    return CLI_W(W_GUI_NO_DISPLAY);
}
