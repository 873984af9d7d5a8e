/* lab_grade.c — reading a student's answers file and checking each answer
 * against the key (lab.h).  Forgiving where people differ harmlessly
 * (case, spacing, a state's token or its English or Korean name, commas
 * between names, 5.7 for 5.70 or 8/3 for 2.67, yes for true) and strict
 * where the answer differs (the order of names and items, none against
 * empty). */
#include "lab_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* s lowercased (ASCII), trimmed, runs of spaces, tabs and commas made one
 * space. */
static void normal(const char *s, char *out, size_t size)
{
    size_t n = 0;
    int gap = 0;
    for (; *s && n + 2 < size; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
            gap = n > 0;
            continue;
        }
        if (gap)
            out[n++] = ' ';
        gap = 0;
        out[n++] = (char)tolower(c);
    }
    out[n] = 0;
}

/* A state named by token, English name or Korean name; PS_NONE for
 * "none"; -1 if it names no state. */
static int state_of(const char *given)
{
    char g[128], name[64];
    normal(given, g, sizeof g);
    if (!strcmp(g, "none"))
        return PS_NONE;
    for (int s = 0; s < PS_STATE_COUNT; s++) {
        normal(ps_state_name((ps_state)s), name, sizeof name);
        if (!strcmp(g, ps_state_token((ps_state)s)) || !strcmp(g, name) ||
            !strcmp(g, ps_state_name_ko((ps_state)s)))
            return s;
    }
    return -1;
}

/* A number, or with `fraction` also a fraction ("8/3", what a ratio or
 * an average is before it is divided out) into *out: 0; 1 for "none";
 * -1 for anything else. */
static int number_of(const char *given, int fraction, double *out)
{
    char g[128], *end;
    normal(given, g, sizeof g);
    if (!strcmp(g, "none"))
        return 1;
    *out = strtod(g, &end);
    if (fraction && end != g && *end == '/') {
        char *num_end = end;
        double d = strtod(num_end + 1, &end);
        if (end == num_end + 1 || d == 0)
            return -1;
        *out /= d;
    }
    return g[0] && !*end && isfinite(*out) ? 0 : -1;
}

/* A number answer: "none" only for a key of none (a process that never
 * finished, a ratio of a process not Ready). */
static int number_right(const ps_lab_answer *a, const char *given, int fraction, double within)
{
    double x;
    int n = number_of(given, fraction, &x), none = !strcmp(a->text, "none");
    if (n)
        return n == 1 && none;
    return !none && fabs(x - a->number) <= within;
}

/* true/yes/1 -> 1, false/no/0 -> 0, none -> -1, anything else -> -2. */
static int bool_of(const char *given)
{
    static const char *const words[][2] = {{"false", "true"}, {"no", "yes"}, {"0", "1"}};
    char g[128];
    normal(given, g, sizeof g);
    if (!strcmp(g, "none"))
        return -1;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        for (int v = 0; v < 2; v++)
            if (!strcmp(g, words[i][v]))
                return v;
    return -2;
}

static int by_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The words of s (normalised) sorted, joined by single spaces, into out. */
static void sorted_words(const char *s, char *out, size_t size)
{
    char g[512], *w[64], *save;
    int n = 0;
    normal(s, g, sizeof g);
    for (char *t = strtok_r(g, " ", &save); t && n < 64; t = strtok_r(NULL, " ", &save))
        w[n++] = t;
    qsort(w, (size_t)n, sizeof *w, by_word);
    out[0] = 0;
    for (int i = 0, o = 0; i < n && o < (int)size; i++)
        o += snprintf(out + o, size - (size_t)o, "%s%s", i ? " " : "", w[i]);
}

int ps_lab_check(const ps_lab_answer *a, const char *given)
{
    char g[512], want[512];
    int letter = ps__lab_choice_letter(a, given); /* multiple choice: "b" */
    if (letter >= 0)
        return letter;
    switch ((ps_lab_type)a->type) {
    case PS_LAB_STATE: {
        int s = state_of(given);
        return s >= 0 && state_of(a->text) == s;
    }
    case PS_LAB_INT:
        return number_right(a, given, 0, 0);
    case PS_LAB_NUMBER:
        return number_right(a, given, 1, 0.01 + 1e-9);
    case PS_LAB_SET:
        sorted_words(given, g, sizeof g);
        sorted_words(a->text, want, sizeof want);
        return !strcmp(g, want);
    case PS_LAB_BOOL: {
        int b = bool_of(given);
        return b > -2 && b == bool_of(a->text);
    }
    case PS_LAB_NAMES:
    case PS_LAB_LETTER:
        normal(given, g, sizeof g);
        normal(a->text, want, sizeof want);
        return !strcmp(g, want);
    }
    return 0;
}

static int fail(ps_error *err, const char *name, unsigned line, unsigned col, const char *msg)
{
    err->msg_ko[0] = 0;
    snprintf(err->msg, sizeof err->msg, "%s:%u:%u: %s", name, line, col, msg);
    return -1;
}

int ps_lab_grade(const ps_lab_key *key, const char *name, const char *text, size_t len,
                 ps_lab_mark *marks, ps_error *err)
{
    uint32_t n = key->s->nquestions, next = 0;
    char msg[256];
    memset(marks, 0, n * sizeof *marks);
    unsigned line = 0;
    for (size_t at = 0; at < len;) {
        const char *p = text + at, *nl = memchr(p, '\n', len - at);
        size_t ll = nl ? (size_t)(nl - p) : len - at;
        at += ll + 1;
        line++;
        if (line == 1 && ll >= 3 && !memcmp(p, "\xef\xbb\xbf", 3)) { /* a UTF-8 BOM */
            p += 3;
            ll -= 3;
        }
        size_t lead = 0;
        while (lead < ll && (p[lead] == ' ' || p[lead] == '\t' || p[lead] == '\r'))
            lead++;
        if (lead == ll || p[lead] == '#')
            continue; /* blank or a comment, however long */
        if (ll >= sizeof marks->text)
            return fail(err, name, line, (unsigned)sizeof marks->text, "line too long; "
                        "expected one short answer per line");
        char buf[sizeof marks->text];
        memcpy(buf, p, ll);
        buf[ll] = 0;
        char *s = buf;
        while (*s == ' ' || *s == '\t' || *s == '\r')
            s++;
        if (!*s || *s == '#')
            continue;
        uint32_t q = next;
        char *end = s;
        while (isdigit((unsigned char)*end))
            end++;
        /* "3: x", "3) x", "3. x" number the answer; "3.5" is one */
        if (end > s && end - s < 9 &&
            (*end == ':' || *end == ')' ||
             (*end == '.' && (!end[1] || end[1] == ' ' || end[1] == '\t')))) {
            long num = strtol(s, NULL, 10);
            if (num < 1 || num > (long)n) {
                snprintf(msg, sizeof msg, "there is no question %ld; the lab has %u "
                         "question%s", num, n, n == 1 ? "" : "s");
                return fail(err, name, line, (unsigned)(s - buf) + 1, msg);
            }
            q = (uint32_t)num - 1;
            s = end + 1;
        }
        if (q >= n) {
            snprintf(msg, sizeof msg, "more answers than questions; the lab has %u "
                     "question%s", n, n == 1 ? "" : "s");
            return fail(err, name, line, 1, msg);
        }
        if (marks[q].given) {
            snprintf(msg, sizeof msg, "question %u is answered twice", q + 1);
            return fail(err, name, line, 1, msg);
        }
        while (*s == ' ' || *s == '\t')
            s++;
        size_t sl = strlen(s);
        while (sl && (s[sl - 1] == ' ' || s[sl - 1] == '\t' || s[sl - 1] == '\r'))
            s[--sl] = 0;
        marks[q].given = 1;
        snprintf(marks[q].text, sizeof marks[q].text, "%s", s);
        marks[q].right = ps_lab_check(&key->answers[q], s);
        next = q + 1;
    }
    int right = 0;
    for (uint32_t q = 0; q < n; q++)
        right += marks[q].right;
    return right;
}
