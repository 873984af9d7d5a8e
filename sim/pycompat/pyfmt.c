/* pyfmt.c — Python's float() and repr(float), for the OSTEP front-ends.
 *
 * float(): the text is checked against Python's grammar here, because
 * strtod alone also accepts what Python rejects (hexadecimal, "nan(...)",
 * "infin", leading whitespace inside a sign); only validated text reaches
 * strtod, whose correctly rounded result is Python's.  repr(): the shortest
 * round-tripping digit string, found by trying 1..17 significant digits,
 * then laid out as CPython's float_repr does.  strtod and snprintf assume
 * the "C" locale's decimal point, as the rest of procsim does.
 */
#include "pyfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- float() --------------------------------------------------------- */

/* Python's Py_ISSPACE: the whitespace float() strips. */
static int py_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Case-insensitive: does s start with the lowercase word w? */
static int starts_word(const char *s, const char *end, const char *w)
{
    for (; *w; s++, w++)
        if (s == end || (*s | 0x20) != *w)
            return 0;
    return 1;
}

/* Underscores are allowed only between two digits (anywhere in the text,
 * exponent included), as _Py_string_to_number_with_underscores checks. */
static int underscores_ok(const char *s, const char *end)
{
    char prev = 0;
    for (const char *p = s; p < end; prev = *p++) {
        if (*p == '_' && !is_digit(prev))
            return 0;
        if (*p != '_' && prev == '_' && !is_digit(*p))
            return 0;
    }
    return prev != '_';
}

/* Length of a decimal literal at s (underscores already removed):
 * [sign] (digits [. digits*] | . digits) [(e|E) [sign] digits].  An
 * incomplete exponent is not part of the literal.  0 if none. */
static size_t decimal_len(const char *s, const char *end)
{
    const char *p = s;
    if (p < end && (*p == '+' || *p == '-'))
        p++;
    size_t mant = 0;
    while (p < end && is_digit(*p))
        p++, mant++;
    if (p < end && *p == '.')
        for (p++; p < end && is_digit(*p); p++)
            mant++;
    if (mant == 0)
        return 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-'))
            q++;
        if (q < end && is_digit(*q)) {
            while (q < end && is_digit(*q))
                q++;
            p = q;
        }
    }
    return (size_t)(p - s);
}

/* inf / infinity / nan with an optional sign, case-insensitive, exactly
 * filling [s, end).  Returns 0 and sets *out, or -1. */
static int special_value(const char *s, const char *end, double *out)
{
    int neg = s < end && *s == '-';
    if (s < end && (*s == '-' || *s == '+'))
        s++;
    size_t n = (size_t)(end - s);
    double v;
    if ((n == 3 || n == 8) && starts_word(s, end, n == 3 ? "inf" : "infinity"))
        v = INFINITY;
    else if (n == 3 && starts_word(s, end, "nan"))
        v = NAN;
    else
        return -1;
    *out = neg ? -v : v;
    return 0;
}

int ps_py_float(const char *s, double *out)
{
    const char *end = s + strlen(s);
    while (s < end && py_space(*s))
        s++;
    while (end > s && py_space(end[-1]))
        end--;
    if (!underscores_ok(s, end))
        return -1;
    if (special_value(s, end, out) == 0)
        return 0;

    /* Copy without underscores (and NUL-terminated for strtod). */
    size_t n = (size_t)(end - s);
    char small[64];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf)
        return -1;
    size_t k = 0;
    for (const char *p = s; p < end; p++)
        if (*p != '_')
            buf[k++] = *p;
    buf[k] = '\0';

    int rc = -1;
    if (k > 0 && decimal_len(buf, buf + k) == k) {
        *out = strtod(buf, NULL);
        rc = 0;
    }
    if (buf != small)
        free(buf);
    return rc;
}

/* ---- repr() ---------------------------------------------------------- */

/* Significant digits of a positive finite x with decimal exponent *exp10
 * (x = 0.d1d2...dn * 10^(exp10+1)): the shortest that read back as x, the
 * nearest to x among those.  digits gets at most 17 digits and a NUL. */
static void shortest_digits(double x, char digits[18], int *exp10)
{
    char t[40];
    for (int p = 1; p <= 17; p++) {
        snprintf(t, sizeof t, "%.*e", p - 1, x);
        double back = strtod(t, NULL);
        /* mantissa digits and exponent of the correctly rounded candidate */
        int n = 0;
        const char *q = t;
        for (; *q != 'e'; q++)
            if (is_digit(*q))
                digits[n++] = *q;
        digits[n] = '\0';
        int e = atoi(q + 1);
        if (back == x) {
            *exp10 = e;
            return;
        }
        /* Just below a power of two the rounding interval is lopsided:
         * the neighbour on x's other side may still read back as x. */
        char alt[18];
        memcpy(alt, digits, (size_t)n + 1);
        int ae = e, i = n - 1;
        if (back < x) {
            while (i >= 0 && alt[i] == '9')
                alt[i--] = '0';
            if (i < 0) {
                alt[0] = '1';
                ae++;
            } else {
                alt[i]++;
            }
        } else {
            while (i >= 0 && alt[i] == '0')
                alt[i--] = '9';
            alt[i]--;
            if (alt[0] == '0') {
                memmove(alt, alt + 1, (size_t)n);
                alt[n - 1] = '9';
                ae--;
            }
        }
        snprintf(t, sizeof t, "%c.%se%d", alt[0], alt + 1, ae);
        if (strtod(t, NULL) == x) {
            memcpy(digits, alt, (size_t)n + 1);
            *exp10 = ae;
            return;
        }
    }
    /* 17 digits always round-trip: not reached */
    snprintf(t, sizeof t, "%.16e", x);
    *exp10 = atoi(strchr(t, 'e') + 1);
    int n = 0;
    for (const char *q = t; *q != 'e'; q++)
        if (is_digit(*q))
            digits[n++] = *q;
    digits[n] = '\0';
}

char *ps_py_repr(double x, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    if (isnan(x)) {
        snprintf(buf, size, "nan");
        return buf;
    }
    if (isinf(x)) {
        snprintf(buf, size, x < 0 ? "-inf" : "inf");
        return buf;
    }
    const char *sign = signbit(x) ? "-" : "";
    if (x == 0) {
        snprintf(buf, size, "%s0.0", sign);
        return buf;
    }

    char d[18];
    int e;
    shortest_digits(fabs(x), d, &e);
    int n = (int)strlen(d);
    while (n > 1 && d[n - 1] == '0')
        d[--n] = '\0';

    if (e < -4 || e >= 16) {
        /* d[.ddd]e+XX */
        snprintf(buf, size, "%s%c%s%se%c%02d", sign, d[0], n > 1 ? "." : "", d + 1,
                 e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (e < 0) {
        /* 0.000ddd */
        snprintf(buf, size, "%s0.%.*s%s", sign, -e - 1, "0000", d);
    } else if (n <= e + 1) {
        /* ddd000.0 */
        snprintf(buf, size, "%s%s%.*s.0", sign, d, e + 1 - n, "0000000000000000");
    } else {
        /* ddd.ddd */
        snprintf(buf, size, "%s%.*s.%s", sign, e + 1, d, d + e + 1);
    }
    return buf;
}
