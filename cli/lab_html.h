/* lab_html.h — `procsim lab FILE --format html|pdf [-c] [-o OUT]`: the
 * handout (or with -c its key) as a page to print: the workload table,
 * the questions with room for the answers, a Gantt grid and a state
 * table to fill in by hand (the key fills them).  PDF is the same page
 * rendered by weasyprint. */
#ifndef PROCSIM_CLI_LAB_HTML_H
#define PROCSIM_CLI_LAB_HTML_H

#include <stdio.h>

#include "procsim/lab_grid.h"
#include "procsim/scenario.h"

typedef enum cli_lab_format { CLI_LAB_TEXT, CLI_LAB_HTML, CLI_LAB_PDF } cli_lab_format;

/* The value of --format ("text", "html", "pdf"): 0 and *f set, or -1
 * having said why on stderr (EXIT_USAGE). */
int cli_lab_format_option(const char *value, cli_lab_format *f);

/* Checks the options together before anything is loaded: -o only with
 * html or pdf, and pdf only with -o.  0, or -1 having said why (EXIT_USAGE). */
int cli_lab_format_check(cli_lab_format f, const char *out_path);

/* Writes the page of lab s (solve: the key) in cli_lang, as html to
 * out_path (NULL or "-": stdout) or as pdf to out_path ("-": stdout).  Returns the exit status:
 * EXIT_OK, or EXIT_RUNTIME having said why (the key could not be computed,
 * the file could not be written, weasyprint is missing or failed). */
int cli_lab_page(const ps_scenario *s, int solve, cli_lab_format f, const char *out_path);

/* The page itself, in cli_lang, from a computed key and its grids (what
 * cli_lab_page writes; the tests call it with a key of their own). */
void cli_lab_html(FILE *out, const ps_lab_key *key, const ps_lab_grid *g, int solve);

#endif
