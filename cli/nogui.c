/* nogui.c — `procsim gui` in a procsim built without the window
 * (PROCSIM_GUI=OFF, no SDL): it says so, and `procsim` alone shows the
 * tour as text. */
#include <stdio.h>

#include "cli.h"

int cmd_gui(int argc, char **argv)
{
    (void)argc, (void)argv;
    fprintf(stderr, "procsim gui: this procsim was built without the window "
                    "(cmake -DPROCSIM_GUI=ON, with SDL2 and SDL2_ttf); procsim run FILE "
                    "shows the same run as text\n");
    return EXIT_RUNTIME;
}

int cli_window_available(void)
{
    return 0;
}

const char *cli_no_window_reason(void)
{
    return "this procsim was built without the window";
}
