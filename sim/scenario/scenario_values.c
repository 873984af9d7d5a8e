/* scenario_values.c — the scalars of a scenario file: numbers, names and
 * strings, each checked with a message that says what was expected; and
 * the "did you mean" suggestions of the error messages. */
#include "loader.h"

#include <string.h>

#define NAME_MAX_LEN PS__NAME_MAX_BYTES /* the did-you-mean rows: bytes */

/* --- describing what was found --- */

const char *ps__ld_quote(const char *s, size_t n, char *buf, size_t size)
{
    size_t lim = n < 40 ? n : 40, o = 0;
    while (lim < n && lim > 0 && ((unsigned char)s[lim] & 0xC0) == 0x80)
        lim--; /* cut at a character boundary */
    if (size < 16) {
        if (size)
            buf[0] = '\0';
        return buf;
    }
    buf[o++] = '\'';
    for (size_t i = 0; i < lim && o + 9 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F)
            o += (size_t)snprintf(buf + o, size - o, "\\x%02X", c);
        else
            buf[o++] = (char)c;
    }
    if (lim < n)
        o += (size_t)snprintf(buf + o, size - o, "...");
    snprintf(buf + o, size - o, "'");
    return buf;
}

bool ps__ld_is_null(const ps__loader *ld)
{
    const yaml_event_t *ev = &ld->ev;
    if (ev->type != YAML_SCALAR_EVENT || ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    const char *t = (const char *)ev->data.scalar.value;
    switch (ev->data.scalar.length) {
    case 0: return true;
    case 1: return t[0] == '~';
    case 4: return strcmp(t, "null") == 0 || strcmp(t, "Null") == 0 || strcmp(t, "NULL") == 0;
    default: return false;
    }
}

const char *ps__ld_got(const ps__loader *ld, char *buf, size_t size)
{
    const yaml_event_t *ev = &ld->ev;
    const char *what = "nothing";
    if (ev->type == YAML_SEQUENCE_START_EVENT)
        what = "a sequence";
    else if (ev->type == YAML_MAPPING_START_EVENT)
        what = "a mapping";
    if (ev->type != YAML_SCALAR_EVENT || ps__ld_is_null(ld)) {
        snprintf(buf, size, "%s", what);
        return buf;
    }
    char q[192];
    ps__ld_quote((const char *)ev->data.scalar.value, ev->data.scalar.length, q, sizeof q);
    snprintf(buf, size, "%s%s",
             ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? "" : "the string ", q);
    return buf;
}

bool ps__ld_expected(ps__loader *ld, const char *subject, const char *want)
{
    char got[224];
    ps__ld_got(ld, got, sizeof got);
    if (!subject)
        return ps__ld_fail(ld, ps__ld_here(ld), "expected %s, got %s", want, got);
    return ps__ld_fail(ld, ps__ld_here(ld), "%s: expected %s, got %s", subject, want, got);
}

/* --- numbers --- */

static bool all_digits(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (t[i] < '0' || t[i] > '9')
            return false;
    return n > 0;
}

/* The message for a number that is not a plain decimal in range. */
static bool number_error(ps__loader *ld, const ps__numspec *spec, const char *t, size_t n,
                         ps__mark at, bool value, int64_t v)
{
    char pfx[96], got[224], unit[64];
    const char *hint = spec->hint ? spec->hint : "";
    int shown = n > 24 ? 24 : (int)n; /* digits shown in messages */
    const char *more = n > 24 ? "..." : "";
    bool quoted = value && ld->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    bool negative = n > 1 && t[0] == '-' && all_digits(t + 1, n - 1);

    snprintf(pfx, sizeof pfx, "%s: %s%s%s", spec->subject, spec->noun ? "the " : "",
             spec->noun ? spec->noun : "", spec->noun ? " " : "");
    if (quoted || (!negative && !all_digits(t, n))) {
        if (value)
            ps__ld_got(ld, got, sizeof got);
        else
            ps__ld_quote(t, n, got, sizeof got);
        if (!spec->unit)
            snprintf(unit, sizeof unit, "an integer (the %s)", spec->noun);
        return ps__ld_fail(ld, at, "%s: expected %s, got %s%s", spec->subject,
                           spec->unit ? spec->unit : unit, got,
                           quoted && all_digits(t, n) ? "; write numbers without quotes" : "");
    }
    if (negative && spec->min >= 0)
        return ps__ld_fail(ld, at, "%smust not be negative, got %.*s%s%s", pfx, shown, t,
                           more, hint);
    size_t sign = negative; /* a setting that may be negative (nice) */
    if (n - sign > 1 && t[sign] == '0') {
        size_t z = sign;
        while (z + 1 < n && t[z] == '0')
            z++;
        return ps__ld_fail(ld, at, "%s%.*s%s has a leading zero; write %s%.*s%s (YAML 1.1 "
                           "reads a leading 0 as octal)", pfx, shown, t, more, sign ? "-" : "",
                           n - z > 24 ? 24 : (int)(n - z), t + z, n - z > 24 ? "..." : "");
    }
    if (v < spec->min)
        return ps__ld_fail(ld, at, "%smust be at least %lld, got %.*s%s%s", pfx,
                           (long long)spec->min, shown, t, more, hint);
    if (spec->max < PS_SCENARIO_MAX_NUMBER)
        return ps__ld_fail(ld, at, "%smust be at most %lld, got %.*s%s%s", pfx,
                           (long long)spec->max, shown, t, more, hint);
    return ps__ld_fail(ld, at, "%s%.*s%s is too large; the largest number allowed is %d",
                       pfx, shown, t, more, PS_SCENARIO_MAX_NUMBER);
}

bool ps__ld_number(ps__loader *ld, const ps__numspec *spec, const char *t,
                   size_t n, ps__mark at, bool value, int64_t *out)
{
    int64_t v = 0;
    bool quoted = value && ld->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    size_t sign = spec->min < 0 && n > 1 && t[0] == '-'; /* nice: -20 .. 19 */
    if (quoted || !all_digits(t + sign, n - sign) || (n - sign > 1 && t[sign] == '0'))
        return number_error(ld, spec, t, n, at, value, v);
    for (size_t i = sign; i < n && v <= PS_SCENARIO_MAX_NUMBER; i++)
        v = v * 10 + (t[i] - '0'); /* stops once too large */
    if (sign)
        v = -v;
    if (v < spec->min || v > spec->max)
        return number_error(ld, spec, t, n, at, value, v);
    *out = v;
    return true;
}

bool ps__ld_int(ps__loader *ld, const ps__numspec *spec, int64_t *out)
{
    const yaml_event_t *ev = &ld->ev;
    if (ev->type != YAML_SCALAR_EVENT)
        return ps__ld_expected(ld, spec->subject, spec->unit);
    return ps__ld_number(ld, spec, (const char *)ev->data.scalar.value,
                         ev->data.scalar.length, ps__ld_here(ld), true, out);
}

/* --- names and strings --- */

static bool name_char(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
}

/* The bytes of the Hangul letter at t[0..n) (3: a syllable U+AC00-D7A3 or
 * a compatibility jamo U+3131-318E), else 0.  Not the conjoining jamo
 * U+1100-11FF: a name typed decomposed (NFD) would then be another name
 * than the same one composed, and look the same. */
static size_t hangul_letter(const unsigned char *t, size_t n)
{
    if (n < 3 || (t[0] & 0xF0) != 0xE0 || (t[1] & 0xC0) != 0x80 || (t[2] & 0xC0) != 0x80)
        return 0;
    unsigned cp = (t[0] & 0x0Fu) << 12 | (t[1] & 0x3Fu) << 6 | (t[2] & 0x3Fu);
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x3131 && cp <= 0x318E) ? 3 : 0;
}

size_t ps__name_chars(const char *t, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)t[i] & 0xC0) != 0x80;
    return k;
}

bool ps__ld_name(ps__loader *ld, const char *subject, const char *t, size_t n,
                 ps__mark at, bool process)
{
    char q[192];
    if (n == 0)
        return ps__ld_fail(ld, at, "%s: expected a name, got nothing", subject);
    for (size_t i = 0, k; i < n; i += k) {
        const unsigned char *u = (const unsigned char *)t + i;
        k = name_char(t[i], i == 0) ? 1 : hangul_letter(u, n - i);
        if (!k && n - i >= 3 && u[0] == 0xE1 && (u[1] == 0x84 || u[1] == 0x85 || u[1] == 0x86 ||
                                                  u[1] == 0x87)) /* U+1100-11FF */
            return ps__ld_fail(ld, at, "%s: %s is Hangul written decomposed (conjoining "
                               "jamo); write it composed (NFC), as a keyboard types it",
                               subject, ps__ld_quote(t, n, q, sizeof q));
        if (!k)
            return ps__ld_fail(ld, at, "%s: %s is not a valid name; a name starts with a "
                               "letter (A-Z, a-z or Hangul) or '_', followed by letters, "
                               "digits, '_', '.' or '-'",
                               subject, ps__ld_quote(t, n, q, sizeof q));
    }
    size_t chars = ps__name_chars(t, n);
    if (chars > PS__NAME_MAX_CHARS)
        return ps__ld_fail(ld, at, "%s: the name %s is too long (%zu characters); a name "
                           "has at most %d", subject, ps__ld_quote(t, n, q, sizeof q), chars,
                           PS__NAME_MAX_CHARS);
    if (process && n == 3 && memcmp(t, "any", 3) == 0)
        return ps__ld_fail(ld, at, "%s: 'any' cannot name a process; it is reserved for "
                           "'wait any'", subject);
    return true;
}

bool ps__ld_name_value(ps__loader *ld, const char *subject, bool process)
{
    const yaml_event_t *ev = &ld->ev;
    if (ev->type != YAML_SCALAR_EVENT || ps__ld_is_null(ld))
        return ps__ld_expected(ld, subject, "a name");
    return ps__ld_name(ld, subject, (const char *)ev->data.scalar.value,
                       ev->data.scalar.length, ps__ld_here(ld), process);
}

bool ps__ld_string(ps__loader *ld, const char *subject, bool nonempty, const char **out)
{
    const yaml_event_t *ev = &ld->ev;
    const char *want = nonempty ? "a non-empty string" : "a string";
    if (ev->type != YAML_SCALAR_EVENT || (nonempty && ps__ld_is_null(ld)))
        return ps__ld_expected(ld, subject, want);
    const char *t = (const char *)ev->data.scalar.value;
    size_t n = ps__ld_is_null(ld) ? 0 : ev->data.scalar.length;
    if (nonempty && n == 0)
        return ps__ld_fail(ld, ps__ld_here(ld), "%s: must not be empty", subject);
    if (memchr(t, '\0', n))
        return ps__ld_fail(ld, ps__ld_here(ld), "%s: must not contain NUL characters "
                           "(\\0); expected %s", subject, want);
    *out = ps__arena_strndup(ld->arena, t, n);
    return *out ? true : ps__ld_oom(ld);
}

/* --- did you mean --- */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Edit distance ignoring case; both lengths at most NAME_MAX_LEN. */
static unsigned distance(const char *a, size_t na, const char *b, size_t nb)
{
    unsigned row[NAME_MAX_LEN + 1], prev[NAME_MAX_LEN + 1];
    for (size_t j = 0; j <= nb; j++)
        prev[j] = (unsigned)j;
    for (size_t i = 1; i <= na; i++) {
        row[0] = (unsigned)i;
        for (size_t j = 1; j <= nb; j++) {
            unsigned sub = prev[j - 1] + (lower(a[i - 1]) != lower(b[j - 1]));
            unsigned del = prev[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, row, (nb + 1) * sizeof row[0]);
    }
    return prev[nb];
}

void ps__near_init(ps__near *nr, const char *word, size_t n)
{
    *nr = (ps__near){word, n, NULL, 0};
}

void ps__near_try(ps__near *nr, const char *candidate)
{
    size_t m = strlen(candidate);
    size_t near = m / 2 < 2 ? m / 2 : 2; /* edits allowed */
    if (nr->n > NAME_MAX_LEN || m > NAME_MAX_LEN ||
        (nr->n > m ? nr->n - m : m - nr->n) > near)
        return;
    unsigned d = distance(nr->word, nr->n, candidate, m);
    if (d <= near && (!nr->best || d < nr->dist)) {
        nr->best = candidate;
        nr->dist = d;
    }
}

const char *ps__near_text(const ps__near *nr, char *buf, size_t size)
{
    if (nr->best)
        snprintf(buf, size, "; did you mean '%s'?", nr->best);
    else
        snprintf(buf, size, "%s", "");
    return buf;
}

const char *ps__join(const char *const *names, size_t count, size_t total, char *buf,
                     size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < total; i++) {
        size_t n = i < count ? strlen(names[i]) : size;
        if (o + n + 2 + 5 >= size) { /* keep room for ", ..." */
            snprintf(buf + o, size - o, "%s...", i ? ", " : "");
            break;
        }
        o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "", names[i]);
    }
    return buf;
}

int ps__ld_token(ps__loader *ld, const char *subject, const char *what,
                 const char *whats, const char *const *tokens, unsigned count,
                 const char *text, size_t n, ps__mark at)
{
    for (unsigned i = 0; i < count; i++)
        if (strlen(tokens[i]) == n && memcmp(tokens[i], text, n) == 0)
            return (int)i;
    char q[192], near[96], list[256];
    ps__near nr;
    ps__near_init(&nr, text, n);
    for (unsigned i = 0; i < count; i++)
        ps__near_try(&nr, tokens[i]);
    ps__ld_fail(ld, at, "%s: unknown %s %s%s (valid %s: %s)", subject, what,
                ps__ld_quote(text, n, q, sizeof q), ps__near_text(&nr, near, sizeof near),
                whats, ps__join(tokens, count, count, list, sizeof list));
    return -1;
}
