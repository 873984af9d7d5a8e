/* pyint.h — Python integers, as far as the OSTEP front-ends need them.
 *
 * The OSTEP homework programs read integers with Python's int() and
 * optparse, which have no size limit (seeds above 2^64 occur) and their own
 * spelling rules.  A ps_pyint is a sign and a magnitude in 32-bit words,
 * least significant first: exactly the key CPython's random.seed() builds
 * from |seed| (pyrand.h).  ASCII only: the non-ASCII digits Python also
 * accepts are rejected.
 */
#ifndef PROCSIM_PYINT_H
#define PROCSIM_PYINT_H

#include <stddef.h>
#include <stdint.h>

typedef struct ps_pyint {
    int neg;             /* 1 if negative (never for zero) */
    size_t n;            /* words in w, >= 1; no leading zero words except for 0 */
    uint32_t *w;         /* |value|, least significant word first (malloc'd) */
} ps_pyint;

enum { PS_PYINT_OK = 0, PS_PYINT_INVALID = -1, PS_PYINT_NOMEM = -2 };

/* Python int(s, base), base 2..36: surrounding whitespace, a sign, the
 * base's 0x/0o/0b prefix for 16/8/2, single underscores between digits.
 * As in CPython 3.11, more than 4300 digits in a base that is not a power
 * of two is invalid (sys.get_int_max_str_digits()).  Base 0 is not
 * supported.  Returns PS_PYINT_OK (v set, free with ps_pyint_fini), PS_PYINT_INVALID
 * or PS_PYINT_NOMEM (v untouched). */
int ps_pyint_parse(ps_pyint *v, const char *s, int base);
/* optparse's integer option parsing: "0x.."/"0X.." hexadecimal, "0b.."
 * binary ("0b" alone is 0), any other leading "0" octal, else decimal;
 * the prefix test looks at the raw text, so "-0x10" is invalid and "-010"
 * is decimal -10 (as is " 010").  "0b" is cut off before int() sees the
 * rest, so "0b0b1" is 1 and "0b-1" is -1.  Same returns as ps_pyint_parse. */
int ps_pyint_parse_optparse(ps_pyint *v, const char *s);
/* A small value.  Returns PS_PYINT_OK or PS_PYINT_NOMEM. */
int ps_pyint_from_i64(ps_pyint *v, int64_t x);
void ps_pyint_fini(ps_pyint *v); /* accepts a zeroed struct */

/* The value if it fits in int64_t: returns 0, or -1 (out stays untouched). */
int ps_pyint_to_i64(const ps_pyint *v, int64_t *out);
/* Decimal text ("-123"), malloc'd; NULL if out of memory. */
char *ps_pyint_decimal(const ps_pyint *v);

#endif
