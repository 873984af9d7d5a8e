/* scenario_values.c — the scalars of a scenario file: numbers, names and
 * strings, each checked with a message that says what was expected; and
 * the "did you mean" suggestions of the error messages. */
#include "loader.h"

#include <string.h>

#include "procsim/visible.h"

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
    for (size_t i = 0, k; i < lim && o + 9 < size; i += k) {
        char esc[PS_VISIBLE_ESC_MAX];
        k = ps_visible_char(s + i, lim - i, PS_VISIBLE_LINE, esc);
        size_t w = esc[0] ? strlen(esc) : k;
        if (o + w + 5 > size)
            break;
        memcpy(buf + o, esc[0] ? esc : s + i, w);
        o += w;
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

const char *ps__ld_got(const ps__loader *ld, bool ko, char *buf, size_t size)
{
    const yaml_event_t *ev = &ld->ev;
    const char *what = ko ? "빈 값" : "nothing";
    if (ev->type == YAML_SEQUENCE_START_EVENT)
        what = ko ? "시퀀스" : "a sequence";
    else if (ev->type == YAML_MAPPING_START_EVENT)
        what = ko ? "매핑" : "a mapping";
    if (ev->type != YAML_SCALAR_EVENT || ps__ld_is_null(ld)) {
        snprintf(buf, size, "%s", what);
        return buf;
    }
    char q[192];
    ps__ld_quote((const char *)ev->data.scalar.value, ev->data.scalar.length, q, sizeof q);
    snprintf(buf, size, "%s%s",
             ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? "" : ko ? "문자열 " : "the string ",
             q);
    return buf;
}

bool ps__ld_expected_in(ps__loader *ld, ps__text subject, ps__text want)
{
    char got[224], got_ko[224];
    ps__ld_got(ld, false, got, sizeof got);
    ps__ld_got(ld, true, got_ko, sizeof got_ko);
    const char *iga = ps__ko_josa(want.ko, PS__JOSA_IGA);
    if (!subject.en)
        return ps__ld_failk(ld, ps__ld_here(ld), "expected %s%.0s%.0s, got %s%.0s",
                            "%.0s%s%s 와야 하는데 %.0s%s입니다", want.en, want.ko, iga, got,
                            got_ko);
    return ps__ld_failk(ld, ps__ld_here(ld), "%s%.0s: expected %s%.0s%.0s, got %s%.0s",
                        "%.0s%s: %.0s%s%s 와야 하는데 %.0s%s입니다", subject.en, subject.ko,
                        want.en, want.ko, iga, got, got_ko);
}

bool ps__ld_expected(ps__loader *ld, const char *subject, ps__text want)
{
    return ps__ld_expected_in(ld, PS__T(subject, subject), want);
}

/* --- numbers --- */

static bool all_digits(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (t[i] < '0' || t[i] > '9')
            return false;
    return n > 0;
}

/* The message for a number that is not a plain decimal in range, in both
 * languages: "SUBJECT: the NOUN must ..." / "SUBJECT: NOUN은 ...". */
static bool number_error(ps__loader *ld, const ps__numspec *spec, const char *t, size_t n,
                         ps__mark at, bool value, int64_t v)
{
    char pfx[96], topic[128], plain[128], got[224], got_ko[224], unit[64], unit_ko[96];
    char en[512], ko[640];
    const char *hint = spec->hint.en ? spec->hint.en : "";
    const char *hint_ko = spec->hint.ko ? spec->hint.ko : "";
    int shown = n > 24 ? 24 : (int)n; /* digits shown in messages */
    const char *more = n > 24 ? "..." : "";
    bool quoted = value && ld->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
    bool negative = n > 1 && t[0] == '-' && all_digits(t + 1, n - 1);
    const char *noun = spec->noun.en, *noun_ko = spec->noun.ko;
    char digits[32];
    snprintf(digits, sizeof digits, "%.*s%s", shown, t, more);

    snprintf(pfx, sizeof pfx, "%s: %s%s%s", spec->subject, noun ? "the " : "", noun ? noun : "",
             noun ? " " : "");
    snprintf(topic, sizeof topic, "%s: %s%s%s", spec->subject, noun ? noun_ko : "",
             noun ? ps__ko_josa(noun_ko, PS__JOSA_EUNNEUN) : "", noun ? " " : "");
    snprintf(plain, sizeof plain, "%s: %s%s", spec->subject, noun ? noun_ko : "",
             noun ? " " : "");
    if (quoted || (!negative && !all_digits(t, n))) {
        if (value) {
            ps__ld_got(ld, false, got, sizeof got);
            ps__ld_got(ld, true, got_ko, sizeof got_ko);
        } else {
            ps__ld_quote(t, n, got, sizeof got);
            ps__ld_quote(t, n, got_ko, sizeof got_ko);
        }
        snprintf(unit, sizeof unit, "an integer (the %s)", noun ? noun : "");
        snprintf(unit_ko, sizeof unit_ko, "정수(%s)", noun_ko ? noun_ko : "");
        const char *u = spec->unit.en ? spec->unit.en : unit;
        const char *u_ko = spec->unit.ko ? spec->unit.ko : unit_ko;
        bool unquote = quoted && all_digits(t, n);
        snprintf(en, sizeof en, "%s: expected %s, got %s%s", spec->subject, u, got,
                 unquote ? "; write numbers without quotes" : "");
        snprintf(ko, sizeof ko, "%s: %s%s 와야 하는데 %s입니다%s", spec->subject, u_ko,
                 ps__ko_josa(u_ko, PS__JOSA_IGA), got_ko,
                 unquote ? "; 수는 따옴표 없이 쓰세요" : "");
    } else if (negative && spec->min >= 0) {
        snprintf(en, sizeof en, "%smust not be negative, got %s%s", pfx, digits, hint);
        snprintf(ko, sizeof ko, "%s음수일 수 없는데 %s입니다%s", topic, digits, hint_ko);
    } else if (n - (size_t)negative > 1 && t[negative] == '0') {
        size_t z = negative; /* a setting that may be negative (nice) */
        while (z + 1 < n && t[z] == '0')
            z++;
        char fixed[32];
        snprintf(fixed, sizeof fixed, "%s%.*s%s", negative ? "-" : "",
                 n - z > 24 ? 24 : (int)(n - z), t + z, n - z > 24 ? "..." : "");
        snprintf(en, sizeof en, "%s%s has a leading zero; write %s (YAML 1.1 reads a leading 0 "
                 "as octal)", pfx, digits, fixed);
        snprintf(ko, sizeof ko, "%s%s에 앞자리 0이 붙어 있습니다; %s%s 쓰세요 (YAML 1.1은 앞자리에 "
                 "0이 붙은 수를 8진수로 읽습니다)", plain, digits, fixed,
                 ps__ko_josa(fixed, PS__JOSA_RO));
    } else if (v < spec->min) {
        snprintf(en, sizeof en, "%smust be at least %lld, got %s%s", pfx, (long long)spec->min,
                 digits, hint);
        snprintf(ko, sizeof ko, "%s%lld 이상이어야 하는데 %s입니다%s", topic, (long long)spec->min,
                 digits, hint_ko);
    } else if (spec->max < PS_SCENARIO_MAX_NUMBER) {
        snprintf(en, sizeof en, "%smust be at most %lld, got %s%s", pfx, (long long)spec->max,
                 digits, hint);
        snprintf(ko, sizeof ko, "%s%lld 이하여야 하는데 %s입니다%s", topic, (long long)spec->max,
                 digits, hint_ko);
    } else {
        snprintf(en, sizeof en, "%s%s is too large; the largest number allowed is %d", pfx,
                 digits, PS_SCENARIO_MAX_NUMBER);
        snprintf(ko, sizeof ko, "%s%s%s 너무 큽니다; 쓸 수 있는 가장 큰 수는 %d입니다", plain,
                 digits, ps__ko_josa(digits, PS__JOSA_EUNNEUN), PS_SCENARIO_MAX_NUMBER);
    }
    return ps__ld_failt(ld, at, PS__T(en, ko));
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
    if (ev->type != YAML_SCALAR_EVENT) {
        char unit[64], unit_ko[96];
        snprintf(unit, sizeof unit, "an integer (the %s)", spec->noun.en ? spec->noun.en : "");
        snprintf(unit_ko, sizeof unit_ko, "정수(%s)", spec->noun.ko ? spec->noun.ko : "");
        return ps__ld_expected(ld, spec->subject, spec->unit.en ? spec->unit : PS__T(unit, unit_ko));
    }
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
        return ps__ld_failk(ld, at, "%s: expected a name, got nothing",
                            "%s: 이름이 와야 하는데 빈 값입니다", subject);
    for (size_t i = 0, k; i < n; i += k) {
        const unsigned char *u = (const unsigned char *)t + i;
        k = name_char(t[i], i == 0) ? 1 : hangul_letter(u, n - i);
        if (!k && n - i >= 3 && u[0] == 0xE1 && (u[1] == 0x84 || u[1] == 0x85 || u[1] == 0x86 ||
                                                  u[1] == 0x87)) /* U+1100-11FF */
            return ps__ld_failk(ld, at, "%s: %s is Hangul written decomposed (conjoining "
                                "jamo); write it composed (NFC), as a keyboard types it",
                                "%s: %s은(는) 풀어 쓴 한글(첫가끝 자모)입니다; 키보드로 "
                                "입력하는 대로 모아 쓴 한글(NFC)로 쓰세요",
                                subject, ps__ld_quote(t, n, q, sizeof q));
        if (!k)
            return ps__ld_failk(ld, at, "%s: %s is not a valid name; a name starts with a "
                                "letter (A-Z, a-z or Hangul) or '_', followed by letters, "
                                "digits, '_', '.' or '-'",
                                "%s: %s은(는) 이름이 될 수 없습니다; 이름은 글자(A-Z, a-z "
                                "또는 한글)나 '_'로 시작하고, 글자, 숫자, '_', '.', '-'가 "
                                "이어집니다",
                                subject, ps__ld_quote(t, n, q, sizeof q));
    }
    size_t chars = ps__name_chars(t, n);
    if (chars > PS__NAME_MAX_CHARS)
        return ps__ld_failk(ld, at, "%s: the name %s is too long (%zu characters); a name "
                            "has at most %d", "%s: 이름 %s이(가) 너무 깁니다(%zu자); 이름은 "
                            "%d자까지입니다", subject, ps__ld_quote(t, n, q, sizeof q), chars,
                            PS__NAME_MAX_CHARS);
    if (process && n == 3 && memcmp(t, "any", 3) == 0)
        return ps__ld_failk(ld, at, "%s: 'any' cannot name a process; it is reserved for "
                            "'wait any'", "%s: 'any'는 프로세스 이름이 될 수 없습니다; "
                            "'wait any'에 쓰는 말입니다", subject);
    return true;
}

bool ps__ld_name_value(ps__loader *ld, const char *subject, bool process)
{
    const yaml_event_t *ev = &ld->ev;
    if (ev->type != YAML_SCALAR_EVENT || ps__ld_is_null(ld))
        return ps__ld_expected(ld, subject, PS__T("a name", "이름"));
    return ps__ld_name(ld, subject, (const char *)ev->data.scalar.value,
                       ev->data.scalar.length, ps__ld_here(ld), process);
}

bool ps__ld_string(ps__loader *ld, const char *subject, bool nonempty, const char **out)
{
    const yaml_event_t *ev = &ld->ev;
    ps__text want = nonempty ? PS__T("a non-empty string", "비어 있지 않은 문자열")
                             : PS__T("a string", "문자열");
    if (ev->type != YAML_SCALAR_EVENT || (nonempty && ps__ld_is_null(ld)))
        return ps__ld_expected(ld, subject, want);
    const char *t = (const char *)ev->data.scalar.value;
    size_t n = ps__ld_is_null(ld) ? 0 : ev->data.scalar.length;
    if (nonempty && n == 0)
        return ps__ld_failk(ld, ps__ld_here(ld), "%s: must not be empty",
                            "%s: 비어 있으면 안 됩니다", subject);
    if (memchr(t, '\0', n))
        return ps__ld_failk(ld, ps__ld_here(ld), "%s: must not contain NUL characters "
                            "(\\0); expected %s%.0s", "%s: NUL 문자(\\0)가 있으면 안 됩니다; "
                            "%.0s%s이어야 합니다", subject, want.en, want.ko);
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

const char *ps__near_text(const ps__near *nr, bool ko, char *buf, size_t size)
{
    if (nr->best)
        snprintf(buf, size, ko ? "; 혹시 '%s'인가요?" : "; did you mean '%s'?", nr->best);
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

int ps__ld_token(ps__loader *ld, const char *subject, ps__text what,
                 ps__text whats, const char *const *tokens, unsigned count,
                 const char *text, size_t n, ps__mark at)
{
    return ps__ld_token_in(ld, PS__T(subject, subject), what, whats, tokens, count, text, n,
                           at);
}

int ps__ld_token_in(ps__loader *ld, ps__text subject, ps__text what,
                    ps__text whats, const char *const *tokens, unsigned count,
                    const char *text, size_t n, ps__mark at)
{
    for (unsigned i = 0; i < count; i++)
        if (strlen(tokens[i]) == n && memcmp(tokens[i], text, n) == 0)
            return (int)i;
    char q[192], near[96], near_ko[96], list[256];
    ps__near nr;
    ps__near_init(&nr, text, n);
    for (unsigned i = 0; i < count; i++)
        ps__near_try(&nr, tokens[i]);
    ps__ld_quote(text, n, q, sizeof q);
    ps__join(tokens, count, count, list, sizeof list);
    ps__ld_failk(ld, at, "%s%.0s: unknown %s%.0s %s%s%.0s (valid %s%.0s: %s)",
                 "%.0s%s: %.0s알 수 없는 %s %s%.0s%s (쓸 수 있는 %.0s%s: %s)", subject.en,
                 subject.ko, what.en,
                 what.ko, q, ps__near_text(&nr, false, near, sizeof near),
                 ps__near_text(&nr, true, near_ko, sizeof near_ko), whats.en, whats.ko, list);
    return -1;
}
