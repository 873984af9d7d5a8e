/* gui.c — `procsim gui`: the window's options, handed to gui_main.  Only
 * in a procsim built with the window (PROCSIM_GUI); nogui.c stands in
 * otherwise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gui.h"
#include "procsim/ostep.h"

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

int cmd_gui(int argc, char **argv)
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

int cli_window_available(void)
{
    return gui_display_available();
}

const char *cli_no_window_reason(void)
{
    return "no display (DISPLAY is not set)";
}
