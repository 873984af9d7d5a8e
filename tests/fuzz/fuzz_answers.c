/* fuzz_answers.c — an answers file of grading on arbitrary bytes.
 *
 * The key of one shipped lab (FUZZ_LAB, scenarios/labs/scheduling-
 * variants.yaml: a lab with a vary: section, so that a sheet's variant
 * line reaches the variant loader) is computed once; each input is an
 * answers file, read as grading reads it (its encoding, its header
 * lines), its variant loaded when it names one, and graded against the
 * key; and read again in small pieces, which must give the same. */
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
    int rc = ps_lab_sheet_read(&sh, "fuzz.txt", (const char *)data, size, &err);
    /* read in pieces (1 to 7 bytes, by its first byte), the same sheet or
       the same error */
    ps_lab_sheet bits;
    ps_error err2;
    size_t piece = size ? 1 + data[0] % 7 : 1;
    int rc2 = 0;
    ps_lab_sheet_begin(&bits);
    for (size_t at = 0; at < size && !rc2; at += piece)
        rc2 = ps_lab_sheet_feed(&bits, "fuzz.txt", (const char *)data + at,
                                size - at < piece ? size - at : piece, &err2);
    if (!rc2)
        rc2 = ps_lab_sheet_end(&bits, "fuzz.txt", &err2);
    if (rc != rc2 || (rc && strcmp(err.msg, err2.msg)) ||
        (!rc && (sh.len != bits.len || memcmp(sh.text, bits.text, sh.len) ||
                 sh.nlines != bits.nlines ||
                 (sh.nlines && memcmp(sh.line_of, bits.line_of, sh.nlines * sizeof *sh.line_of)))))
        abort();
    ps_lab_sheet_fini(&bits);
    if (rc) {
        ps_lab_sheet_fini(&sh);
        return 0;
    }
    if (sh.variant[0]) {
        ps_scenario *v = ps_scenario_load_string_variant(FUZZ_LAB, text, len, sh.variant, &err);
        ps_scenario_destroy(v);
    }
    ps_lab_grade_sheet(&key, &sh, "fuzz.txt", marks, &err);
    ps_lab_sheet_fini(&sh);
    return 0;
}
