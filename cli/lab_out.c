/* lab_out.c — what `procsim lab` and `procsim grade` share: loading a lab
 * (or a student's variant of it), computing its key, and printing an
 * answer with its reasons. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lab_out.h"
#include "shipped.h"
#include "words.h"

void cli_lab_because(FILE *out, const ps_lab_key *key, const ps_lab_answer *a, const char *pad)
{
    char line[1024]; /* a stay names two causes */
    for (uint32_t w = 0; w < a->nwhy; w++) {
        fputs(pad, out);
        cli_visible(out, ps_lab_why_line(key, a, w, line, sizeof line), PS_VISIBLE_LINE);
        fputc('\n', out);
    }
}

void cli_lab_answer_line(FILE *out, const ps_lab_answer *a)
{
    if (a->nchoices) /* multiple choice: its letter first */
        fprintf(out, "%c) ", 'a' + (int)a->right_choice);
    cli_visible(out, a->text, PS_VISIBLE_LINE);
    if (a->detail[0] && strcmp(a->detail, a->text)) {
        fputs("  (", out);
        cli_visible(out, a->detail, PS_VISIBLE_LINE);
        fputc(')', out);
    }
    fputc('\n', out);
}

int cli_lab_load(const char *path, const char *variant, ps_scenario **s)
{
    ps_error err;
    if (!(*s = ps_scenario_load_file_variant(path, variant, &err))) {
        fprintf(stderr, "%s\n", ps_error_in(&err, cli_lang));
        cli_scenario_hint(stderr, path);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

int cli_lab_key(const ps_scenario *s, ps_lang lang, ps_lab_key *key)
{
    int rc = ps_lab_key_compute(s, lang, key);
    if (rc == PS_LAB_TOO_LONG) {
        fprintf(stderr, CLI_W(W_LAB_KEY_TOO_LONG), s->path, PS_LAB_MAX_EVENTS_TEXT);
        return EXIT_RUNTIME;
    }
    if (rc) {
        fprintf(stderr, CLI_W(W_LAB_KEY_NOMEM), s->path);
        return EXIT_RUNTIME;
    }
    if (key->status == PS_STEP_RUNAWAY) { /* a key of a run cut short would be wrong */
        char why[512];
        ps_engine_runaway_text(key->e, cli_lang, why, sizeof why);
        fprintf(stderr, CLI_W(W_LAB_KEY_RUNAWAY), why);
        ps_lab_key_fini(key);
        return EXIT_RUNTIME;
    }
    return EXIT_OK;
}
