/* lab_out.h — what `procsim lab` (lab.c) and `procsim grade` (grade.c)
 * share. */
#ifndef PROCSIM_CLI_LAB_OUT_H
#define PROCSIM_CLI_LAB_OUT_H

#include <stdio.h>

#include "procsim/lab.h"

/* The lab at `path` (variant: a student's variant, NULL for the file as
 * written) into *s: EXIT_OK, or EXIT_USAGE having printed the loader's
 * error in cli_lang. */
int cli_lab_load(const char *path, const char *variant, ps_scenario **s);
/* Its key in `lang`: EXIT_OK, or EXIT_RUNTIME having said why in
 * cli_lang (out of memory, a run that never ends, a run longer than a key
 * keeps: PS_LAB_MAX_EVENTS). */
int cli_lab_key(const ps_scenario *s, ps_lang lang, ps_lab_key *key);
/* The reasons of answer a, one a line, each after `pad`: all of them
 * (every transition and op event that makes the answer up, and the sums),
 * in the key's language. */
void cli_lab_because(FILE *out, const ps_lab_key *key, const ps_lab_answer *a, const char *pad);
/* The answer as the key prints it ("b) 13" for multiple choice), with its
 * detail in parentheses. */
void cli_lab_answer_line(FILE *out, const ps_lab_answer *a);
/* What the handout (key 0) or the key (1) says about the lab's variants:
 * nothing for a lab without a vary: section. */
void cli_lab_variant_note(FILE *out, const ps_scenario *s, const char *path, int key);

#endif
