/* fuzz_scenario.c — the scenario loader on arbitrary bytes.
 *
 * Each input is a file's text: loaded as written and, when it declares a
 * vary: section, as a variant too; what loads is written back as YAML
 * (to nowhere).  A refusal must come with a message in both languages'
 * fields, terminated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "procsim/scenario.h"

static void refused(const ps_error *err)
{
    if (!memchr(err->msg, 0, sizeof err->msg) || !err->msg[0]) {
        fprintf(stderr, "fuzz: a refusal without a message\n");
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ps_error err;
    ps_out null = fuzz_null_out();
    ps_scenario *s = ps_scenario_load_string("fuzz.yaml", (const char *)data, size, &err);
    if (!s) {
        refused(&err);
        return 0;
    }
    ps_scenario_write_yaml(s, &null);
    if (s->nvary) {
        /* a variant ID from the input, so that inputs reach different values */
        char id[16];
        snprintf(id, sizeof id, "s%zu", size);
        ps_scenario *v = ps_scenario_load_string_variant("fuzz.yaml", (const char *)data, size,
                                                         id, &err);
        if (v)
            ps_scenario_write_yaml(v, &null);
        else
            refused(&err);
        ps_scenario_destroy(v);
    }
    ps_scenario_destroy(s);
    return 0;
}
