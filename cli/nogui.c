/* nogui.c — `procsim gui` in a procsim built without the window
 * (PROCSIM_GUI=OFF, no SDL): it says so, and `procsim` alone shows the
 * tour as text. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char no_window[] =
    "this procsim was built without the window (cmake -DPROCSIM_GUI=ON, with SDL2 and "
    "SDL2_ttf); procsim run FILE shows the same run as text";

int cmd_gui(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--ostep"); i++)
        if (cli_is_help(argv[i])) {
            cli_help(stdout, "gui");
            printf("\nBut %s.\n", no_window);
            return EXIT_OK;
        }
    fprintf(stderr, "procsim gui: %s\n", no_window);
    return EXIT_RUNTIME;
}

int cli_trace_gui(const cli_trace_request *q)
{
    (void)q;
    fprintf(stderr, "procsim trace: this procsim was built without the window (cmake "
                    "-DPROCSIM_GUI=ON, with SDL2 and SDL2_ttf); procsim trace without --gui "
                    "shows the same run as text\n");
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
    return "this procsim was built without the window";
}
