/* nogui.c — `procsim gui` in a procsim built without the window
 * (PROCSIM_GUI=OFF, no SDL): it says so, and `procsim` alone shows the
 * tour as text. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "words.h"

/* Why there is no window, and what shows the same run: `procsim ALT`. */
static void no_window(FILE *out, const char *head, const char *alt, const char *tail)
{
    fputs(head, out);
    fprintf(out, CLI_W(W_GUI_HOW_TO_BUILD), CLI_W(W_GUI_BUILT_WITHOUT), alt);
    fputs(tail, out);
}

int cmd_gui(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--ostep"); i++)
        if (cli_is_help(argv[i])) {
            cli_help(stdout, "gui");
            no_window(stdout, CLI_W(W_GUI_BUT), "run FILE", ".\n");
            return EXIT_OK;
        }
    no_window(stderr, "procsim gui: ", "run FILE", "\n");
    return EXIT_RUNTIME;
}

int cli_trace_gui(const cli_trace_request *q)
{
    (void)q;
    no_window(stderr, "procsim trace: ", "trace", "\n");
    return EXIT_RUNTIME;
}

int cli_has_window(void)
{
    return 0;
}

int cli_window_available(void)
{
    return 0;
}

const char *cli_no_window_reason(void)
{
    return CLI_W(W_GUI_BUILT_WITHOUT);
}
