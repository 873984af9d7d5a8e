/* optparse.h — Python's optparse, as the OSTEP homework programs use it.
 *
 * Reproduces what a user sees: short options with attached or separate
 * values ("-s3", "-s 3"), clustered flags ("-cp"), long options with "=" or
 * a separate value and any unambiguous prefix ("--iol=2"), a value taken
 * even when it starts with "-", "--" ending the options, other arguments
 * ignored, the last of repeated options winning, integer values read by
 * ps_pyint_parse_optparse, the help text (-h/--help, formatted as optparse
 * does for an 80-column terminal) and the usage-plus-error messages.
 */
#ifndef PROCSIM_OPTPARSE_H
#define PROCSIM_OPTPARSE_H

#include <stddef.h>

#include "procsim/out.h"
#include "pyint.h"

typedef enum ps_opt_type {
    PS_OPT_INT,          /* type='int' */
    PS_OPT_STRING,       /* type='string' */
    PS_OPT_FLAG          /* action='store_true' */
} ps_opt_type;

typedef struct ps_opt_spec {
    char short_name;     /* 's' for -s, or 0 */
    const char *long_name; /* "seed" for --seed, or NULL */
    ps_opt_type type;
    const char *metavar; /* shown in help: dest.upper(), e.g. "SEED" */
    const char *help;    /* the help string, %default already expanded */
} ps_opt_spec;

typedef struct ps_opt_value {
    int set;             /* given on the command line (flags: 1 = true) */
    const char *text;    /* the value as given (points into argv; NULL for flags) */
    ps_pyint num;        /* PS_OPT_INT: the value (valid when set) */
} ps_opt_value;

enum {
    PS_OPTPARSE_OK = 0,  /* values filled in */
    PS_OPTPARSE_HELP = 1, /* help written to `out`: exit 0 */
    PS_OPTPARSE_ERROR = 2, /* usage and error written to `err`: exit 2 */
    PS_OPTPARSE_NOMEM = -1
};

/* Parse argv[0..argc) (the arguments after the program name) against
 * specs[0..n); values[i] receives option i (zero it first).  `prog` is the
 * name in usage and error lines ("process-run.py").  Returns one of the
 * PS_OPTPARSE_ codes.  Free the values with ps_optparse_fini. */
int ps_optparse(const char *prog, const ps_opt_spec *specs, size_t n, int argc,
                char **argv, ps_opt_value *values, ps_out *out, ps_out *err);
void ps_optparse_fini(ps_opt_value *values, size_t n);

#endif
