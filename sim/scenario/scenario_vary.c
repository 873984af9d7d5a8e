/* scenario_vary.c — a lab's variants: the `vary:` section names values
 * that may differ from student to student, each a range of whole numbers
 * or a list of choices, and every `$name` in a scalar after it stands for
 * the value chosen (docs/scenario-format.md, "vary").
 *
 * The substitution happens in the event pump (ps__ld_next calls
 * ps__ld_vary_scalar), before any part of the schema reads the scalar, so
 * `cpu $burst`, `quantum: $q` and an `ask:` that quotes `$burst` are all
 * read as if the number had been written there, and checked the same way.
 * One pass: vary: must come before the first $.  A file with no vary:
 * section reads a $ as itself, as it always has (the titles procsim trace
 * --record writes hold shell commands such as "kill $!").  A variant picks each
 * entry's value by ps_vary_hash, a hash of the variant ID and the entry's
 * name fixed here and in the docs, never by rand(): the same student gets
 * the same numbers from every procsim on every machine. */
#include "loader.h"

#include <stdlib.h>
#include <string.h>

#include "scenario_priv.h"

#define MAXN PS_SCENARIO_MAX_NUMBER
#define BIT(k) (1u << (k))

/* --- the hash --- */

uint64_t ps_vary_hash(const char *variant, const char *name)
{
    uint64_t h = 0xcbf29ce484222325u; /* FNV-1a 64: offset basis, prime */
    const uint64_t prime = 0x100000001b3u;
    for (const unsigned char *p = (const unsigned char *)variant; *p; p++)
        h = (h ^ *p) * prime;
    h = (h ^ 0u) * prime; /* the zero byte between the two */
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * prime;
    h ^= h >> 30; /* splitmix64's finaliser: every bit of h reaches the low */
    h *= 0xbf58476d1ce4e5b9u; /* bits that `% n` keeps, which FNV alone */
    h ^= h >> 27;             /* leaves alike for IDs that differ only in */
    h *= 0x94d049bb133111ebu; /* their last character */
    h ^= h >> 31;
    return h;
}

/* --- the variant ID --- */

/* The bytes of the UTF-8 character at u[0..n) that is no control
 * character (C0, DEL or C1), or 0: invalid, overlong, a surrogate. */
static size_t text_char(const unsigned char *u, size_t n)
{
    unsigned c = u[0];
    if (c < 0x80)
        return c >= 0x20 && c != 0x7F;
    size_t k = c >= 0xC2 && c <= 0xDF ? 2 : (c & 0xF0) == 0xE0 ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!k || k > n)
        return 0;
    for (size_t j = 1; j < k; j++)
        if ((u[j] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && u[1] < 0xA0) || (c == 0xED && u[1] >= 0xA0) || (c == 0xF0 && u[1] < 0x90) ||
        (c == 0xF4 && u[1] >= 0x90) || (c == 0xC2 && u[1] < 0xA0))
        return 0; /* overlong, a surrogate, past U+10FFFF, a C1 control */
    return k;
}

bool ps__vary_id_check(const char *name, const char *variant, ps_error *err)
{
    size_t n = strlen(variant);
    const unsigned char *u = (const unsigned char *)variant;
    bool ok = n > 0 && n <= PS_VARIANT_MAX_BYTES && u[0] != ' ' && u[n - 1] != ' ';
    for (size_t i = 0, k; ok && i < n; i += k)
        ok = (k = text_char(u + i, n - i)) != 0;
    if (ok)
        return true;
    snprintf(err->msg, sizeof err->msg,
             "%s: the variant ID must be one line of UTF-8 text of at most %d bytes, "
             "without control characters or a space at either end (a student's ID "
             "such as 2026123)", name, PS_VARIANT_MAX_BYTES);
    snprintf(err->msg_ko, sizeof err->msg_ko,
             "%s: 변형 ID는 %d바이트 이하의 한 줄 UTF-8 글이어야 하고, 제어 문자나 양 끝의 "
             "공백이 없어야 합니다(2026123 같은 학생 번호)", name, PS_VARIANT_MAX_BYTES);
    return false;
}

/* --- the section --- */

/* How an entry's values are given. */
enum { V_FROM, V_TO, V_STEP, V_CHOOSE, V_DEFAULT, V_COUNT };
static const char *const vary_keys[V_COUNT] = {"from", "to", "step", "choose", "default"};
static const ps__keyset vary_set = {{"vary", "vary"}, vary_keys, V_COUNT, 0};

static const ps__numspec num_specs[V_STEP + 1] = {
    {.subject = "from", .unit = {"an integer", "정수"}, .min = -MAXN, .max = MAXN},
    {.subject = "to", .unit = {"an integer", "정수"}, .min = -MAXN, .max = MAXN},
    {.subject = "step", .unit = {"an integer", "정수"}, .min = 1, .max = MAXN}};

/* An entry being read: a range or choices. */
typedef struct entry_spec {
    int64_t num[3];           /* from, to, step */
    char choices[PS__VARY_CHOICES_MAX][PS__VARY_VALUE_MAX + 1];
    unsigned nchoices;
    char fallback[PS__VARY_VALUE_MAX + 1]; /* `default` as written, or "" */
    ps__mark fallback_at;
} entry_spec;

static bool name_ok(const char *t, size_t n)
{
    if (n == 0 || n > PS__VARY_NAME_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && (i == 0 || c < '0' || c > '9'))
            return false;
    }
    return true;
}

/* The current scalar as one value of an entry (a choice or a default):
 * text on one line that fits, copied into out. */
static bool one_value(ps__loader *ld, const char *name, char *out)
{
    const char *t = ps__ld_text(ld);
    size_t n = ps__ld_type(ld) == YAML_SCALAR_EVENT ? ps__ld_length(ld) : 0;
    if (ps__ld_type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld) || n > PS__VARY_VALUE_MAX ||
        strcspn(t, "\n\r") < n || memchr(t, '\0', n))
        return ps__ld_failk(ld, ps__ld_here(ld),
                            "vary: '%s': a value is one line of at most %d bytes, such as 3 "
                            "or rr",
                            "vary: '%s': 값은 3이나 rr처럼 %d바이트 이하의 한 줄입니다",
                            name, PS__VARY_VALUE_MAX);
    memcpy(out, t, n);
    out[n] = 0;
    return true;
}

static bool read_choices(ps__loader *ld, const char *name, entry_spec *e)
{
    ps__mark start = ps__ld_here(ld);
    if (ps__ld_type(ld) != YAML_SEQUENCE_START_EVENT)
        return ps__ld_failk(ld, start, "vary: '%s': choose expects a sequence of values "
                            "such as [2, 3, 4]",
                            "vary: '%s': choose에는 [2, 3, 4]처럼 값의 시퀀스를 적습니다",
                            name);
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) == YAML_SEQUENCE_END_EVENT)
            break;
        if (e->nchoices == PS__VARY_CHOICES_MAX)
            return ps__ld_failk(ld, ps__ld_here(ld), "vary: '%s': at most %d choices",
                                "vary: '%s': 선택지는 %d개까지입니다", name,
                                PS__VARY_CHOICES_MAX);
        char *c = e->choices[e->nchoices];
        if (!one_value(ld, name, c))
            return false;
        for (unsigned i = 0; i < e->nchoices; i++)
            if (!strcmp(e->choices[i], c))
                return ps__ld_failk(ld, ps__ld_here(ld), "vary: '%s': the choice '%s' is "
                                    "listed twice; each value once",
                                    "vary: '%s': 선택지 '%s'이(가) 두 번 있습니다; 값마다 "
                                    "한 번씩 적으세요", name, c);
        e->nchoices++;
    }
    if (!e->nchoices)
        return ps__ld_failk(ld, start, "vary: '%s': choose lists no value",
                            "vary: '%s': choose에 값이 없습니다", name);
    return true;
}

/* The k-th value of entry e into out. */
static void value_at(const entry_spec *e, uint64_t k, char *out)
{
    if (e->nchoices)
        snprintf(out, PS__VARY_VALUE_MAX + 1, "%s", e->choices[k]);
    else
        snprintf(out, PS__VARY_VALUE_MAX + 1, "%lld",
                 (long long)(e->num[V_FROM] + (int64_t)k * e->num[V_STEP]));
}

/* The index of e's `default` among its values, into *k; false when it is
 * none of them.  A number as the range would write it: 03 is not 3. */
static bool find_fallback(const entry_spec *e, uint64_t *k)
{
    for (unsigned i = 0; i < e->nchoices; i++)
        if (!strcmp(e->choices[i], e->fallback)) {
            *k = i;
            return true;
        }
    if (e->nchoices)
        return false;
    long long d = strtoll(e->fallback, NULL, 10); /* the text checked below */
    int64_t from = e->num[V_FROM], step = e->num[V_STEP];
    if (d < from || d > e->num[V_TO] || (d - from) % step)
        return false;
    char t[PS__VARY_VALUE_MAX + 1];
    *k = (uint64_t)((d - from) / step);
    value_at(e, *k, t);
    return !strcmp(t, e->fallback);
}

/* After an entry's mapping: its values make sense, and its default is one
 * of them; the value this variant gets into v. */
static bool settle(ps__loader *ld, const entry_spec *e, const ps__mark *seen, ps__mark start,
                   ps__vary_entry *v)
{
    const char *name = v->name;
    bool range = seen[V_FROM].line || seen[V_TO].line;
    if (range == (bool)seen[V_CHOOSE].line || (range && !(seen[V_FROM].line && seen[V_TO].line)))
        return ps__ld_failk(ld, start, "vary: '%s' needs either from and to (a range of "
                            "whole numbers) or choose (a list of values), not both",
                            "vary: '%s'에는 from과 to(정수의 범위) 또는 choose(값의 목록) 중 "
                            "하나만 적습니다", name);
    if (seen[V_STEP].line && !range)
        return ps__ld_failk(ld, seen[V_STEP], "vary: '%s': step goes with from and to, "
                            "not with choose",
                            "vary: '%s': step은 choose가 아니라 from, to와 함께 씁니다", name);
    uint64_t n = e->nchoices;
    if (range) {
        int64_t from = e->num[V_FROM], to = e->num[V_TO], step = e->num[V_STEP];
        if (from > to)
            return ps__ld_failk(ld, seen[V_TO], "vary: '%s': from %lld is more than to "
                                "%lld; the range is empty",
                                "vary: '%s': from %lld이 to %lld보다 커서 범위가 "
                                "비었습니다", name, (long long)from, (long long)to);
        if ((to - from) % step)
            return ps__ld_failk(ld, seen[V_STEP], "vary: '%s': to - from (%lld) is not a "
                                "multiple of step %lld; make the range end on a step",
                                "vary: '%s': to - from(%lld)이 step %lld의 배수가 "
                                "아닙니다; 범위가 step에 맞게 끝나게 하세요", name,
                                (long long)(to - from), (long long)step);
        n = (uint64_t)((to - from) / step) + 1;
    }
    uint64_t fallback = 0; /* default: from, or the first choice */
    if (e->fallback[0] && !find_fallback(e, &fallback))
        return ps__ld_failk(ld, e->fallback_at, "vary: '%s': the default '%s' is not one "
                            "of the values it may take",
                            "vary: '%s': 기본값 '%s'은(는) 가질 수 있는 값이 아닙니다",
                            name, e->fallback);
    value_at(e, fallback, v->fallback);
    ps__variant *pick = ld->vary.pick;
    uint64_t k = fallback;
    if (pick && pick->force == (int)ld->vary.count) {
        k = pick->k < n ? pick->k : n - 1;
        pick->n = n;
    } else if (pick && pick->force < 0 && pick->id && pick->id[0]) {
        k = ps_vary_hash(pick->id, name) % n;
    }
    value_at(e, k, v->value);
    if (pick && pick->force == (int)ld->vary.count)
        snprintf(pick->value, sizeof pick->value, "%s", v->value);
    return true;
}

/* One entry: its name is the current event. */
static bool read_entry(ps__loader *ld)
{
    const char *t = ps__ld_text(ld);
    size_t n = ps__ld_length(ld);
    ps__mark at = ps__ld_here(ld);
    char q[192];
    if (!name_ok(t, n))
        return ps__ld_failk(ld, at, "vary: %s is not a vary name; a vary name is an ASCII "
                            "letter or '_', then letters, digits or '_' (at most %d), used "
                            "as $name",
                            "vary: %s은(는) vary 이름이 아닙니다; vary 이름은 ASCII 글자나 "
                            "'_'로 시작하고 글자, 숫자, '_'가 이어지며(%d자까지) $이름으로 "
                            "씁니다", ps__ld_quote(t, n, q, sizeof q), PS__VARY_NAME_MAX);
    ps__vary *vy = &ld->vary;
    for (unsigned i = 0; i < vy->count; i++)
        if (!strcmp(vy->entry[i].name, t))
            return ps__ld_failk(ld, at, "vary: '%s' is declared twice (first at line %u)",
                                "vary: '%s'을(를) 두 번 선언했습니다(처음은 %u번 줄)", t,
                                vy->entry[i].at.line);
    if (vy->count == PS_VARY_MAX)
        return ps__ld_failk(ld, at, "vary: at most %d entries",
                            "vary: 항목은 %d개까지입니다", PS_VARY_MAX);
    ps__vary_entry *v = &vy->entry[vy->count];
    *v = (ps__vary_entry){.at = at};
    memcpy(v->name, t, n);
    if (!ps__ld_next(ld))
        return false;
    ps__mark start = ps__ld_here(ld), seen[V_COUNT] = {{0, 0}};
    if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
        return ps__ld_failk(ld, start, "vary: '%s' expects a mapping such as {from: 3, to: "
                            "9} or {choose: [2, 3, 4]}",
                            "vary: '%s'에는 {from: 3, to: 9}나 {choose: [2, 3, 4]} 같은 "
                            "매핑을 적습니다", v->name);
    entry_spec e = {.num = {0, 0, 1}};
    for (;;) {
        int k = ps__ld_key(ld, &vary_set, seen);
        if (k == PS__KEY_ERROR)
            return false;
        if (k == PS__KEY_END)
            break;
        bool ok;
        if (k == V_CHOOSE) {
            ok = read_choices(ld, v->name, &e);
        } else if (k == V_DEFAULT) {
            e.fallback_at = ps__ld_here(ld);
            ok = one_value(ld, v->name, e.fallback);
        } else {
            ok = ps__ld_int(ld, &num_specs[k], &e.num[k]);
        }
        if (!ok)
            return false;
    }
    if (!settle(ld, &e, seen, start, v))
        return false;
    vy->count++;
    return true;
}

bool ps__ld_vary(ps__loader *ld)
{
    if (ps__ld_type(ld) != YAML_MAPPING_START_EVENT)
        return ps__ld_failk0(ld, ps__ld_here(ld), "vary: expected a mapping of names to "
                             "what they may be, such as {burst: {from: 3, to: 9}}",
                             "vary: {burst: {from: 3, to: 9}}처럼 이름마다 가질 수 있는 "
                             "값을 적은 매핑이어야 합니다");
    if (ld->vary.dollar_seen)
        return ps__ld_failk0(ld, ld->vary.dollar, "'$' before vary:: in a file with a vary: "
                            "section every '$' is a $name (or $$ for a '$' itself), so vary: "
                            "must come before the first one",
                            "vary: 앞의 '$': vary: 절이 있는 파일에서는 모든 '$'가 $이름('$' "
                            "자체는 $$)이므로 vary:가 처음 '$'보다 앞에 와야 합니다");
    ld->vary.declared = ld->vary.reading = true;
    for (;;) {
        if (!ps__ld_next(ld))
            return false;
        if (ps__ld_type(ld) == YAML_MAPPING_END_EVENT)
            break;
        if (ps__ld_type(ld) != YAML_SCALAR_EVENT || ps__ld_is_null(ld))
            return ps__ld_failk0(ld, ps__ld_here(ld), "vary: expected a name here",
                                 "vary: 여기에는 이름이 와야 합니다");
        if (!read_entry(ld))
            return false;
    }
    ld->vary.reading = false;
    return true;
}

/* --- $name --- */

/* The reference starting at t[i] == '$' in t[0..n): the name's bytes at
 * *name, *len, and the index just past it in *end.  False for a '$' that
 * starts none ("$5", "${x" unclosed). */
static bool reference(const char *t, size_t n, size_t i, size_t *name, size_t *len,
                      size_t *end)
{
    bool braced = i + 1 < n && t[i + 1] == '{';
    size_t j = i + 1 + braced;
    *name = j;
    while (j < n && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z') ||
                     t[j] == '_' || (j > *name && t[j] >= '0' && t[j] <= '9')))
        j++;
    *len = j - *name;
    if (braced && (j >= n || t[j] != '}'))
        return false;
    *end = j + braced;
    return *len > 0;
}

static ps__vary_entry *lookup(ps__vary *vy, const char *t, size_t n)
{
    for (unsigned i = 0; i < vy->count; i++)
        if (strlen(vy->entry[i].name) == n && !memcmp(vy->entry[i].name, t, n))
            return &vy->entry[i];
    return NULL;
}

static bool unknown(ps__loader *ld, ps__mark at, const char *t, size_t n)
{
    ps__vary *vy = &ld->vary;
    char shown[PS__VARY_NAME_MAX + 4];
    snprintf(shown, sizeof shown, "%.*s%s", n > PS__VARY_NAME_MAX ? PS__VARY_NAME_MAX : (int)n,
             t, n > PS__VARY_NAME_MAX ? "..." : "");
    if (!vy->count)
        return ps__ld_failk(ld, at, "$%s: vary: declares nothing (write $$ for a '$' itself)",
                            "$%s: vary:에 선언된 것이 없습니다('$' 자체는 $$로 씁니다)",
                            shown);
    ps__near nr;
    const char *names[PS_VARY_MAX];
    char list[256];
    ps__near_init(&nr, t, n);
    for (unsigned i = 0; i < vy->count; i++) {
        ps__near_try(&nr, vy->entry[i].name);
        names[i] = vy->entry[i].name;
    }
    ps__join(names, vy->count, vy->count, list, sizeof list);
    if (nr.best)
        return ps__ld_failk(ld, at, "$%s: vary: declares no '%s'; did you mean '$%s'? (vary: "
                            "declares %s)",
                            "$%s: vary:에 '%s'이(가) 없습니다; '$%s'의 오타인가요? (vary:에 "
                            "있는 것: %s)", shown, shown, nr.best, list);
    return ps__ld_failk(ld, at, "$%s: vary: declares no '%s' (vary: declares %s)",
                        "$%s: vary:에 '%s'이(가) 없습니다(vary:에 있는 것: %s)", shown,
                        shown, list);
}

/* Where byte i of the current scalar is: exact for a plain scalar on one
 * line, else the scalar's start (as for the words of an op). */
static ps__mark place(const ps__loader *ld, size_t i)
{
    ps__mark at = ps__ld_here(ld);
    if (ps__ld_marks_exact(ld))
        at.col += (uint32_t)ps__name_chars(ps__ld_text(ld), i);
    return at;
}

bool ps__ld_vary_scalar(ps__loader *ld)
{
    ps__vary *vy = &ld->vary;
    vy->subst = false;
    const char *t = ps__ld_text(ld);
    size_t n = ps__ld_length(ld);
    const char *dollar = memchr(t, '$', n);
    if (!dollar)
        return true;
    if (!vy->declared) { /* literal, unless a vary: section follows */
        if (!vy->dollar_seen)
            vy->dollar = place(ld, (size_t)(dollar - t));
        vy->dollar_seen = true;
        return true;
    }
    if (vy->reading)
        return ps__ld_failk0(ld, place(ld, (size_t)(dollar - t)),
                             "vary: values are written out here, not with $name",
                             "vary: 여기에는 값을 $이름 없이 그대로 적습니다");
    /* First pass: every reference known, and the length of the result. */
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t name, len, end;
        if (t[i] != '$') {
            out++, i++;
        } else if (i + 1 < n && t[i + 1] == '$') {
            out++, i += 2;
        } else if (!reference(t, n, i, &name, &len, &end)) {
            return ps__ld_failk0(ld, place(ld, i), "'$' must be followed by the name of a "
                                 "vary: entry ($burst, or ${burst} before a letter or "
                                 "digit); write $$ for a '$' itself",
                                 "'$' 다음에는 vary: 항목의 이름이 와야 합니다($burst, 글자나 "
                                 "숫자 앞에서는 ${burst}); '$' 자체는 $$로 씁니다");
        } else {
            ps__vary_entry *v = lookup(vy, t + name, len);
            if (!v)
                return unknown(ld, place(ld, i), t + name, len);
            out += strlen(v->value);
            i = end;
        }
    }
    /* Second pass: the text libyaml gave, rewritten in a buffer it will
     * free (yaml_event_delete frees the value with free()). */
    char *text = malloc(out + 1);
    if (!text)
        return ps__ld_oom(ld);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t name, len, end;
        if (t[i] != '$') {
            text[o++] = t[i++];
        } else if (t[i + 1] == '$') {
            text[o++] = '$';
            i += 2;
        } else {
            reference(t, n, i, &name, &len, &end);
            ps__vary_entry *v = lookup(vy, t + name, len);
            if (!v) { /* cannot be: the first pass refused unknown names */
                free(text);
                return ps__ld_oom(ld);
            }
            size_t k = strlen(v->value);
            memcpy(text + o, v->value, k);
            o += k;
            v->used = true;
            i = end;
        }
    }
    text[o] = 0;
    free(ld->ev.data.scalar.value);
    ld->ev.data.scalar.value = (yaml_char_t *)text;
    ld->ev.data.scalar.length = o;
    vy->subst = true;
    return true;
}

bool ps__ld_vary_finish(ps__loader *ld)
{
    ps__vary *vy = &ld->vary;
    const char *variant = vy->pick && vy->pick->id ? vy->pick->id : "";
    for (unsigned i = 0; i < vy->count; i++)
        if (!vy->entry[i].used)
            return ps__ld_failk(ld, vy->entry[i].at, "vary: '%s' is never used; write $%s "
                                "where it should go, or remove it",
                                "vary: '%s'을(를) 쓰는 곳이 없습니다; 들어갈 곳에 $%s를 "
                                "적거나 지우세요", vy->entry[i].name, vy->entry[i].name);
    ps__mark nowhere = {0, 0}; /* the message is about the file */
    if (variant[0] && !vy->count)
        return ps__ld_failk(ld, nowhere, "declares nothing to vary (a lab's vary: "
                            "section), so it has no variant '%s'",
                            "학생마다 바꿀 값을 선언하지 않은 실습이라 변형 '%s'이(가) "
                            "없습니다", variant);
    ps_scenario *s = ld->s;
    ps_vary *out = vy->count ? ps__arena_alloc(ld->arena, vy->count * sizeof *out) : NULL;
    s->variant = ps__arena_strndup(ld->arena, variant, strlen(variant));
    if ((vy->count && !out) || !s->variant)
        return ps__ld_oom(ld);
    for (unsigned i = 0; i < vy->count; i++) {
        const ps__vary_entry *v = &vy->entry[i];
        out[i].name = ps__arena_strndup(ld->arena, v->name, strlen(v->name));
        out[i].value = ps__arena_strndup(ld->arena, v->value, strlen(v->value));
        out[i].fallback = ps__arena_strndup(ld->arena, v->fallback, strlen(v->fallback));
        if (!out[i].name || !out[i].value || !out[i].fallback)
            return ps__ld_oom(ld);
    }
    s->vary = out;
    s->nvary = vy->count;
    return true;
}

/* --- every variant --- */

/* The file is opened once and loaded again for each value: a pipe is
 * read once. */
ps_scenario *ps_scenario_load_file_every_variant(const char *path, ps_error *err)
{
    ps__file f;
    if (ps__source_open(path, &f, err))
        return NULL;
    ps__variant as_written = {.force = -1};
    ps_scenario *s = ps__source_load(path, &f, &as_written, err);
    for (uint32_t e = 0; s && e < s->nvary; e++) {
        /* every value of a short range or list, the ends of a long one */
        for (uint64_t k = 0, n = 1; s && k < n; k = n > 64 && k == 0 ? n - 1 : k + 1) {
            ps__variant pick = {.force = (int)e, .k = k};
            ps_error bad;
            ps_scenario *t = ps__source_load(path, &f, &pick, &bad);
            n = pick.n ? pick.n : n;
            if (t) {
                ps_scenario_destroy(t);
                continue;
            }
            ps__format_error(err, path, "vary: with %s = %s (one of the values it may take) "
                             "the file is not valid: %.360s%.0s", "vary: %s = %s(가질 수 있는 "
                             "값)이면 파일이 올바르지 않습니다: %.0s%.560s", s->vary[e].name,
                             pick.value, bad.msg, ps_error_in(&bad, PS_LANG_KO));
            ps_scenario_destroy(s);
            s = NULL;
        }
    }
    ps__source_close(&f);
    return s;
}
