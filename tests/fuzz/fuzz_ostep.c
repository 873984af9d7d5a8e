/* fuzz_ostep.c — the OSTEP front-ends' options on arbitrary words.
 *
 * An input's first byte picks the program (process-run, scheduler, mlfq,
 * lottery: its value mod 4, so the seeds read "1 -p SJF -j 3 -c"); the rest is split at spaces, tabs, newlines
 * and NULs into argv words, at most FUZZ_MAX_WORDS of them.  The
 * front-end parses them and builds its scenario (or says why not, as the
 * Python program would); a scenario built is then run in the engine as
 * fuzz_engine runs one, to the step bound, checking the invariants,
 * unless it is larger than FUZZ_MAX_OPS.  Inputs with a huge number are
 * left out (huge_number). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "procsim/ostep.h"

#define FUZZ_MAX_WORDS 64
/* A workload of more ops is built but not run: mlfq -l 0,100000000,5 is
 * twenty million I/Os, each an op and an instant (seconds, not a bug). */
#define FUZZ_MAX_OPS 100000

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\0';
}

/* Left out: a number of seven digits or more.  It makes a workload of
 * millions of ticks or instructions, which the front-ends bound (5*10^7
 * instructions, I/Os) but which takes seconds under ASan before anything
 * runs (process-run -P c2100000000005, mlfq -l 0,100000000,5), and
 * scheduler -l 4294967296, whose cost follows the ticks (a known
 * finding, fixed apart).  Seeds and small numbers cover those paths. */
static int huge_number(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        int run = 0;
        for (const char *c = argv[i]; *c; c++)
            if ((run = *c >= '0' && *c <= '9' ? run + 1 : 0) >= 7)
                return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    ps_ostep_prog prog = (ps_ostep_prog)(data[0] % PS_OSTEP_COUNT);
    char *words = malloc(size); /* the rest, NUL-terminated at each break */
    char *argv[FUZZ_MAX_WORDS + 1];
    int argc = 0;
    if (!words)
        return 0;
    memcpy(words, data + 1, size - 1);
    words[size - 1] = '\0';
    for (size_t i = 0; i + 1 < size && argc < FUZZ_MAX_WORDS;) {
        while (i + 1 < size && is_space(words[i]))
            words[i++] = '\0';
        if (i + 1 >= size)
            break;
        argv[argc++] = &words[i];
        while (i + 1 < size && !is_space(words[i]))
            i++;
        if (i + 1 < size)
            words[i++] = '\0';
    }
    argv[argc] = NULL;
    if (huge_number(argc, argv)) {
        free(words);
        return 0;
    }
    ps_out null = fuzz_null_out();
    int status;
    ps_scenario *s = ps_ostep_scenario(prog, argc, argv, &null, &null, &status);
    if (s && s->nops <= FUZZ_MAX_OPS) {
        ps_engine *e = ps_engine_create(s);
        if (e)
            fuzz_run_checked(e);
        ps_engine_destroy(e);
    }
    ps_scenario_destroy(s);
    free(words);
    return 0;
}
