/* main.c — procsim in a web page: `procsim gui` with the arguments the
 * page made of its URL (web/procsim.js), so the browser takes exactly the
 * options, names and checks of the desktop's window.  The shipped
 * scenarios and the fonts are preloaded at /procsim. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int main(int argc, char **argv)
{
    /* The window outlives this call's stack (the page drives its frames
     * after main has unwound), so what it keeps of argv must be the
     * heap's; these copies live as long as the page. */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    for (int i = 0; args && i < argc; i++)
        if (!(args[i] = strdup(argv[i])))
            return 1;
    if (!args)
        return 1;
    cli_lang_prescan(argc, args); /* usage errors in --lang's language */
    setenv("PROCSIM_SCENARIOS", "/procsim/scenarios", 1);
    /* the folder the Open dialog starts in, where the page puts the files
     * the user opens and where saved files are made (then downloaded) */
    mkdir("/home/web_user/files", 0755);
    if (chdir("/home/web_user/files"))
        return 1;
    return cmd_gui(argc, args);
}
