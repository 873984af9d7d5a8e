/* ostep.c — `procsim ostep PROGRAM [--format F] [PROGRAM's flags]`.
 *
 * Without --format, procsim behaves exactly as OSTEP's PROGRAM.py with
 * those flags (sim/ostep*.c).  With --format it shows the same workload the
 * procsim way: text, csv or json as `procsim run` writes them, or yaml, the
 * scenario file itself, to edit or open in the GUI.  The program's own
 * output is OSTEP's and stays English; procsim's messages around it
 * (usage errors) and the --format views follow --lang (procsim's own,
 * before or after PROGRAM) or the locale.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "words.h"
#include "procsim/ostep.h"
#include "procsim/scenario.h"

static void to_file(void *ctx, const char *s, size_t n) { fwrite(s, 1, n, ctx); }

/* The workload as a scenario file, written only if procsim loads it back:
 * OSTEP takes values a file may not hold (an allotment of 0, no jobs at
 * all), and then the command says which and writes nothing (exit 1). */
static int write_yaml(const ps_scenario *s)
{
    ps_outbuf yaml = {0};
    ps_out y = ps_outbuf_sink(&yaml);
    ps_scenario_write_yaml(s, &y);
    ps_error why;
    ps_scenario *back = yaml.s ? ps_scenario_load_string("-", yaml.s, yaml.len, &why) : NULL;
    int rc = 0;
    if (back) {
        fwrite(yaml.s, 1, yaml.len, stdout);
    } else if (!yaml.s) {
        fputs(CLI_W(W_ANY_NOMEM), stderr);
        rc = EXIT_RUNTIME;
    } else {
        const char *msg = ps_error_in(&why, cli_lang);
        long line, col;
        int at = 0; /* "-:LINE:COL: " is a place in no file: left out */
        if (sscanf(msg, "-:%ld:%ld: %n", &line, &col, &at) == 2 && at)
            msg += at;
        fprintf(stderr, CLI_W(W_OSTEP_NO_YAML), msg);
        rc = EXIT_RUNTIME;
    }
    ps_scenario_destroy(back);
    ps_outbuf_fini(&yaml);
    return rc;
}

int cmd_ostep(int argc, char **argv)
{
    while (argc >= 2 && !strcmp(argv[1], "--lang")) { /* procsim ostep --lang ko PROGRAM */
        if (cli_lang_option("ostep", argc >= 3 ? argv[2] : NULL))
            return EXIT_USAGE;
        argv[2] = argv[0];
        argc -= 2;
        argv += 2;
    }
    /* -h after PROGRAM is the program's own (its help, as Python prints it) */
    if (argc >= 2 && cli_is_help(argv[1]))
        return cli_help(stdout, "ostep");
    if (argc < 2 || ps_ostep_lookup(argv[1]) < 0) {
        if (argc >= 2)
            fprintf(stderr, CLI_W(W_OSTEP_UNKNOWN), argv[1]);
        cli_usage(stderr, "ostep");
        return EXIT_USAGE;
    }
    ps_ostep_prog prog = (ps_ostep_prog)ps_ostep_lookup(argv[1]);
    /* --format is procsim's own; every other argument is the program's. */
    const char *format = NULL;
    char **args = malloc(((size_t)argc + 1) * sizeof *args);
    int n = 0;
    if (!args) {
        fputs(CLI_W(W_ANY_NOMEM), stderr);
        return EXIT_RUNTIME;
    }
    for (int i = 2, rest = 0; i < argc; i++) {
        if (!rest && !strcmp(argv[i], "--"))
            rest = 1;
        if (!rest && !strcmp(argv[i], "--format") && i + 1 < argc) {
            format = argv[++i];
        } else if (!rest && !strcmp(argv[i], "--lang")) {
            if (cli_lang_option("ostep", i + 1 < argc ? argv[++i] : NULL)) {
                free(args);
                return EXIT_USAGE;
            }
        } else if (!rest && !strncmp(argv[i], "--format=", 9)) {
            format = argv[i] + 9;
        } else {
            args[n++] = argv[i];
        }
    }
    args[n] = NULL;
    ps_out out = {to_file, stdout}, err = {to_file, stderr};
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    int rc;
    if (!format) {
        rc = ps_ostep_run(prog, n, args, &out, &err);
    } else if (strcmp(format, "yaml") && !cli_writer(format)) {
        fprintf(stderr, CLI_W(W_OSTEP_FORMAT), format);
        rc = EXIT_USAGE;
    } else {
        ps_scenario *s = ps_ostep_scenario(prog, n, args, &out, &err, &rc);
        if (s && !strcmp(format, "yaml"))
            rc = write_yaml(s);
        else if (s)
            rc = cli_simulate(s, cli_writer(format), -1, 0, 0, 0, 0);
        ps_scenario_destroy(s);
    }
    free(args);
    if (fflush(stdout) && !rc)
        rc = EXIT_RUNTIME;
    return rc;
}
