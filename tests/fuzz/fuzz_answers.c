/* fuzz_answers.c — an answers file of grading on arbitrary bytes.
 *
 * The key of one shipped lab (FUZZ_LAB, scenarios/labs/scheduling-
 * variants.yaml: a lab with a vary: section, so that a sheet's variant
 * line reaches the variant loader) is computed once; each input is an
 * answers file, read as grading reads it (its encoding, its header
 * lines), its variant loaded when it names one, and graded against the
 * key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "procsim/lab.h"

static ps_scenario *lab;
static ps_lab_key key;
static char text[1 << 16]; /* the lab's file, for its variants */
static size_t len;

static void setup(void)
{
    ps_error err;
    FILE *f = fopen(FUZZ_LAB, "rb");
    len = f ? fread(text, 1, sizeof text, f) : 0;
    if (f)
        fclose(f);
    lab = ps_scenario_load_string(FUZZ_LAB, text, len, &err);
    if (!lab || ps_lab_key_compute(lab, PS_LANG_EN, &key)) {
        fprintf(stderr, "fuzz_answers: %s\n", lab ? "no key" : err.msg);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!lab)
        setup();
    ps_lab_sheet sh;
    ps_error err;
    ps_lab_mark marks[64];
    if (lab->nquestions > sizeof marks / sizeof marks[0])
        abort();
    if (ps_lab_sheet_read(&sh, "fuzz.txt", (const char *)data, size, &err)) {
        ps_lab_sheet_fini(&sh);
        return 0;
    }
    if (sh.variant[0]) {
        ps_scenario *v = ps_scenario_load_string_variant(FUZZ_LAB, text, len, sh.variant, &err);
        ps_scenario_destroy(v);
    }
    ps_lab_grade(&key, "fuzz.txt", sh.text, sh.len, marks, &err);
    ps_lab_sheet_fini(&sh);
    return 0;
}
