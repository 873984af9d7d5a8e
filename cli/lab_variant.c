/* lab_variant.c — what `procsim lab` says about a lab's variants (the
 * scenario's vary: section, docs/labs/README.md "Variants"): on a
 * student's handout, the variant and the line that names it in the
 * answers file, not the values (the workload shows them, where they
 * matter); in the key, the values, so that a teacher reading a key sees
 * whose numbers it is for. */
#include <stdio.h>

#include "cli.h"
#include "lab_out.h"
#include "words.h"

void cli_lab_variant_note(FILE *out, const ps_scenario *s, const char *path, int key)
{
    if (!s->nvary)
        return;
    if (!s->variant[0] && !key) {
        fprintf(out, "\n%s\n  procsim lab %s --variant ID\n", CLI_W(W_VAR_HAS_VARIANTS), path);
        return;
    }
    fputc('\n', out);
    if (!key) {
        fprintf(out, CLI_W(W_VAR_YOURS), s->variant);
        fprintf(out, "\n  %s %s\n", CLI_W(W_VAR_HEADER), s->variant);
        return;
    }
    if (s->variant[0])
        fprintf(out, CLI_W(W_VAR_VALUES), s->variant);
    else
        fputs(CLI_W(W_VAR_AS_WRITTEN), out);
    for (uint32_t i = 0; i < s->nvary; i++) {
        fprintf(out, "%s %s ", i ? "," : "", s->vary[i].name);
        cli_visible(out, s->vary[i].value, PS_VISIBLE_LINE); /* a choice of the file's */
    }
    fputc('\n', out);
}
