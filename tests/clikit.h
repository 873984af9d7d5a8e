/* clikit.h — the procsim binary end to end, for the suites that run it
 * (test_cli, test_cli_trace): run it and collect its exit status, stdout
 * and stderr; tables of cases; a strict JSON checker.  PROCSIM_BINARY and
 * PROCSIM_SOURCE_DIR come from tests/CMakeLists.txt, PROCSIM_WITH_GUI
 * says whether the binary has the window. */
#ifndef PROCSIM_CLIKIT_H
#define PROCSIM_CLIKIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

typedef struct result {
    int status;   /* exit status */
    char *out, *err;
    size_t out_len, err_len;
} result;

/* Append n bytes to a NUL-terminated growing buffer. */
void append(char **buf, size_t *len, const char *data, size_t n);
/* Run procsim with `args` (NULL-terminated) from the source directory, in
 * this environment less DISPLAY, WAYLAND_DISPLAY and SDL_VIDEODRIVER, plus
 * `extra` ("NAME=value" strings, NULL-terminated; may be NULL).  A run
 * still going after `seconds` is killed and fails the test. */
result run_in(const char *const *args, const char *const *extra, int seconds);
/* run_in with no extra environment and 60 seconds. */
result procsim(const char *const *args);
void result_free(result *r);
/* A file of the source tree, whole (fails the test if it cannot be read). */
char *slurp(const char *rel, size_t *len);

/* A case of a table: the arguments, the exit status, a piece of stdout and
 * a piece of stderr ("" for any; NULL: must be empty). */
typedef struct cli_case {
    const char *args[16];
    int status;
    const char *in_out, *in_err;
} cli_case;
/* Run each case (a `gui` case only if the binary has the window). */
void check_cases(const cli_case *cases, size_t n, const char *const *extra);

/* Is `s` exactly one JSON value (RFC 8259, with white space around)? */
int json_valid(const char *s);

#endif
