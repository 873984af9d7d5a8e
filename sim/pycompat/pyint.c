/* pyint.c — Python's int(s, base) and optparse's number parsing, on
 * arbitrary-size integers.
 *
 * The grammar is checked first, exactly as CPython 3.11's PyLong_FromString
 * does it (whitespace, sign, prefix, underscores, digits, whitespace); only
 * validated digits are then converted.  Power-of-two bases are packed bit by
 * bit, other bases are multiplied in one 32-bit chunk of digits at a time.
 * Costs are quadratic in the length for non-power-of-two bases and for
 * decimal output, which the 4300-digit limit below keeps small on input.
 * This is not a bignum library: no arithmetic beyond what parsing and
 * printing need.
 */
#include "pyint.h"

#include <stdlib.h>
#include <string.h>

/* CPython's default sys.get_int_max_str_digits(): int() of a string of more
 * digits than this in a base that is not a power of two raises ValueError
 * (since 3.11 / 3.10.7).  Underscores do not count; leading zeros do. */
#define PY_INT_MAX_STR_DIGITS 4300

/* Python's Py_ISSPACE: the ASCII whitespace int() strips. */
static int py_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* A digit's value in bases up to 36; 36 for anything that is not a digit. */
static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 36;
}

static int is_pow2(int base)
{
    return (base & (base - 1)) == 0;
}

/* Bits a digit of `base` needs at most: ceil(log2(base)). */
static unsigned digit_bits(int base)
{
    unsigned b = 0;
    while ((1 << b) < base)
        b++;
    return b;
}

/* w[0..*n) = w * mul + add.  The caller guarantees room for the result. */
static void mul_add(uint32_t *w, size_t *n, uint32_t mul, uint32_t add)
{
    uint64_t carry = add;
    for (size_t i = 0; i < *n; i++) {
        uint64_t t = (uint64_t)w[i] * mul + carry;
        w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry)
        w[(*n)++] = (uint32_t)carry;
}

/* Power-of-two base: place each digit's bits, least significant digit
 * (the last one in the text) first. */
static void pack_pow2(uint32_t *w, const char *start, const char *end, int base)
{
    unsigned shift = digit_bits(base);
    size_t pos = 0;
    for (const char *p = end; p-- > start;) {
        if (*p == '_')
            continue;
        uint32_t d = (uint32_t)digit_value(*p);
        size_t word = pos / 32;
        unsigned bit = (unsigned)(pos % 32);
        w[word] |= d << bit;
        if (bit + shift > 32)
            w[word + 1] |= d >> (32 - bit);
        pos += shift;
    }
}

/* Other bases: as many digits as fit in 32 bits, then one multiply-add. */
static void pack_chunked(uint32_t *w, size_t *n, const char *start,
                         const char *end, int base)
{
    uint64_t mul = 1;
    uint32_t chunk = 0;
    for (const char *p = start; p < end; p++) {
        if (*p == '_')
            continue;
        if (mul * (uint64_t)base > UINT32_MAX) {
            mul_add(w, n, (uint32_t)mul, chunk);
            mul = 1;
            chunk = 0;
        }
        chunk = chunk * (uint32_t)base + (uint32_t)digit_value(*p);
        mul *= (uint64_t)base;
    }
    if (mul > 1)
        mul_add(w, n, (uint32_t)mul, chunk);
}

/* Convert the validated digits [start, end) (with single underscores) of
 * `ndigits` digits into v. */
static int build(ps_pyint *v, const char *start, const char *end, int base,
                 size_t ndigits, int neg)
{
    unsigned bits = digit_bits(base);
    if (ndigits > (SIZE_MAX - 31) / bits)
        return PS_PYINT_NOMEM;
    size_t words = (ndigits * bits + 31) / 32;
    uint32_t *w = calloc(words, sizeof *w);
    if (!w)
        return PS_PYINT_NOMEM;
    size_t n;
    if (is_pow2(base)) {
        pack_pow2(w, start, end, base);
        n = words;
    } else {
        n = 1;
        pack_chunked(w, &n, start, end, base);
    }
    while (n > 1 && w[n - 1] == 0)
        n--;
    v->neg = neg && !(n == 1 && w[0] == 0);
    v->n = n;
    v->w = w;
    return PS_PYINT_OK;
}

int ps_pyint_parse(ps_pyint *v, const char *s, int base)
{
    if (base < 2 || base > 36)
        return PS_PYINT_INVALID;
    const char *p = s;
    while (py_space(*p))
        p++;
    int neg = 0;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    char x = p[0] == '0' ? ascii_lower(p[1]) : 0;
    if ((base == 16 && x == 'x') || (base == 8 && x == 'o') || (base == 2 && x == 'b')) {
        p += 2;
        if (*p == '_') /* one underscore may follow the prefix */
            p++;
    }
    if (*p == '_')
        return PS_PYINT_INVALID;
    const char *start = p;
    size_t ndigits = 0;
    char prev = 0;
    for (; digit_value(*p) < base || *p == '_'; prev = *p++) {
        if (*p != '_')
            ndigits++;
        else if (prev == '_')
            return PS_PYINT_INVALID;
    }
    if (ndigits == 0 || prev == '_')
        return PS_PYINT_INVALID;
    const char *end = p;
    while (py_space(*p))
        p++;
    if (*p != '\0')
        return PS_PYINT_INVALID;
    if (!is_pow2(base) && ndigits > PY_INT_MAX_STR_DIGITS)
        return PS_PYINT_INVALID;
    return build(v, start, end, base, ndigits, neg);
}

/* optparse._parse_num(val, int):
 *     if val[:2].lower() == "0x": radix = 16
 *     elif val[:2].lower() == "0b": radix = 2; val = val[2:] or "0"
 *     elif val[:1] == "0": radix = 8
 *     else: radix = 10
 *     return int(val, radix)
 * So "0b" is stripped before int() sees the rest ("0b0b1" is 1, "0b-1" is
 * -1), while "0x" and "0o" stay for int() to accept. */
int ps_pyint_parse_optparse(ps_pyint *v, const char *s)
{
    if (s[0] == '0' && ascii_lower(s[1]) == 'x')
        return ps_pyint_parse(v, s, 16);
    if (s[0] == '0' && ascii_lower(s[1]) == 'b')
        return ps_pyint_parse(v, s[2] ? s + 2 : "0", 2);
    if (s[0] == '0')
        return ps_pyint_parse(v, s, 8);
    return ps_pyint_parse(v, s, 10);
}

int ps_pyint_from_i64(ps_pyint *v, int64_t x)
{
    uint64_t mag = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
    uint32_t *w = malloc(2 * sizeof *w);
    if (!w)
        return PS_PYINT_NOMEM;
    w[0] = (uint32_t)mag;
    w[1] = (uint32_t)(mag >> 32);
    v->neg = x < 0;
    v->n = w[1] ? 2 : 1;
    v->w = w;
    return PS_PYINT_OK;
}

void ps_pyint_fini(ps_pyint *v)
{
    free(v->w);
    v->w = NULL;
    v->n = 0;
    v->neg = 0;
}

int ps_pyint_to_i64(const ps_pyint *v, int64_t *out)
{
    if (v->n > 2)
        return -1;
    uint64_t mag = v->n > 0 ? v->w[0] : 0;
    if (v->n == 2)
        mag |= (uint64_t)v->w[1] << 32;
    if (!v->neg) {
        if (mag > (uint64_t)INT64_MAX)
            return -1;
        *out = (int64_t)mag;
    } else {
        if (mag > (uint64_t)INT64_MAX + 1)
            return -1;
        *out = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    }
    return 0;
}

/* w[0..*n) /= d; returns the remainder and drops leading zero words. */
static uint32_t div_small(uint32_t *w, size_t *n, uint32_t d)
{
    uint64_t rem = 0;
    for (size_t i = *n; i-- > 0;) {
        uint64_t cur = rem << 32 | w[i];
        w[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    while (*n > 1 && w[*n - 1] == 0)
        (*n)--;
    return (uint32_t)rem;
}

/* Nine decimal digits per division by 10^9, written from the right. */
char *ps_pyint_decimal(const ps_pyint *v)
{
    size_t n = v->n > 0 ? v->n : 1;
    /* 32 bits are under 10 decimal digits; plus sign and NUL */
    size_t cap = n * 10 + 2;
    char *buf = malloc(cap);
    uint32_t *t = malloc(n * sizeof *t);
    if (!buf || !t)
        goto fail;
    if (v->n > 0)
        memcpy(t, v->w, n * sizeof *t);
    else
        t[0] = 0;
    char *p = buf + cap;
    *--p = '\0';
    for (;;) {
        uint32_t group = div_small(t, &n, 1000000000u);
        int last = n == 1 && t[0] == 0;
        for (int i = 0; i < 9 && (!last || group || i == 0); i++) {
            *--p = (char)('0' + group % 10);
            group /= 10;
        }
        if (last)
            break;
    }
    if (v->neg)
        *--p = '-';
    memmove(buf, p, (size_t)(buf + cap - p));
    free(t);
    return buf;
fail:
    free(buf);
    free(t);
    return NULL;
}
