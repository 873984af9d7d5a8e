/* strerror.h — what an errno means, in the language procsim speaks.
 *
 * procsim never calls setlocale, so strerror is the C library's English;
 * this is the same words in Korean for the errors a file, a pipe, a fork
 * or a command meets, and strerror's for any other (or for English). */
#ifndef PROCSIM_STRERROR_H
#define PROCSIM_STRERROR_H

#include "procsim/state.h"

/* Never NULL.  Static text, but for an errno without Korean (or in
 * English): strerror's, which a later strerror call may overwrite. */
const char *ps_strerror(int err, ps_lang lang);

#endif
