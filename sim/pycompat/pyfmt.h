/* pyfmt.h — Python's float() and repr(float), for the OSTEP front-ends.
 *
 * scheduler.py reads job lengths with float() and prints them with str(),
 * which is repr: the shortest digit string that reads back to the same
 * double, in fixed notation for decimal exponents in [-4, 16) with at
 * least one fractional digit ("10.0"), else scientific with a sign and at
 * least two exponent digits ("1e+16", "1.5e-05").  %.2f needs nothing
 * here: C's printf rounds exact ties to even, as Python does.
 */
#ifndef PROCSIM_PYFMT_H
#define PROCSIM_PYFMT_H

#include <stddef.h>

/* Python float(s) for ASCII text: surrounding whitespace, a sign, decimal
 * digits with single underscores between digits, an exponent, or
 * inf/infinity/nan in any case.  Hexadecimal is rejected, as in Python;
 * so are the non-ASCII spaces and digits Python would accept.  Returns 0
 * and sets *out, or -1 (*out untouched) if Python would raise ValueError
 * or, for texts of 64 bytes or more, if out of memory. */
int ps_py_float(const char *s, double *out);

/* repr(x) into buf (32 bytes always suffice); returns buf. */
char *ps_py_repr(double x, char *buf, size_t size);

#endif
