/* lab_grade.c — reading a student's answers file and checking each answer
 * against the key (lab.h).  Forgiving where people differ harmlessly
 * (case, spacing, full-width characters, trailing punctuation, a unit
 * after a number, a state's token or its name in English, Korean or
 * another textbook's words, commas or arrows between names, 5.7 for 5.70
 * or 8/3 for 2.67, yes or 예 for true) and strict where the answer differs
 * (the order of names and items, none against empty).  Each form is a
 * row of a table below; docs/labs/README.md lists them for students. */
#include "lab_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lab_text.h"

/* Words that stand for another in an answer as a whole: what a Korean
 * student writes for the key's word. */
static const struct {
    const char *word, *is;
} synonyms[] = {
    {"없음", "none"}, {"없다", "none"}, {"유휴", "idle"},
    {"비어 있음", "empty"}, {"비어있음", "empty"}, {"빔", "empty"},
};

/* The key's word that `t` (folded) stands for, or t itself. */
static const char *synonym(const char *t)
{
    for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
        if (!strcmp(t, synonyms[i].word))
            return synonyms[i].is;
    return t;
}

/* Punctuation an answer may end with ("Running.", "16!", "준비。"). */
static int trailing_mark(char c)
{
    return c == '.' || c == '!' || c == '?' || c == ';';
}

/* given folded (ps__lab_fold), less the punctuation it ends with. */
static void tidy(const char *given, char *out, size_t size)
{
    ps__lab_fold(given, out, size);
    size_t n = strlen(out);
    while (n && (trailing_mark(out[n - 1]) || out[n - 1] == ' '))
        out[--n] = 0;
}

/* Does s end with the word w (after a space or not)?  Then it is cut off,
 * with the space. */
static int cut_suffix(char *s, const char *w)
{
    size_t n = strlen(s), m = strlen(w);
    if (n <= m || strcmp(s + n - m, w))
        return 0;
    s[n - m] = 0;
    if (n - m && s[n - m - 1] == ' ')
        s[n - m - 1] = 0;
    return 1;
}

/* given tidied, and commas, semicolons and arrows ("P2 -> P3", "P2 → P3")
 * between words made spaces, each run of them one: a list of names. */
static void normal(const char *given, char *out, size_t size)
{
    char t[512];
    tidy(given, t, sizeof t);
    size_t n = 0;
    int gap = 0;
    for (const char *p = t; *p && n + 2 < size; p++) {
        if (*p == ' ' || *p == ',' || *p == ';' || (p[0] == '-' && p[1] == '>')) {
            p += p[0] == '-';
            gap = n > 0;
            continue;
        }
        if (gap)
            out[n++] = ' ';
        gap = 0;
        out[n++] = *p;
    }
    out[n] = 0;
}

/* s without its spaces and the marks names of states are joined with
 * ("Ready/Suspend", "ready-suspended", "보류 준비"). */
static void squash(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++)
        if (!strchr(" -/_()", *s))
            out[n++] = *s;
    out[n] = 0;
}

/* Other textbooks' words for the seven states (Silberschatz's five-state
 * names), squashed. */
static const struct {
    const char *word;
    ps_state s;
} state_words[] = {
    {"waiting", PS_BLOCKED}, {"terminated", PS_EXIT}, {"exited", PS_EXIT},
};

/* A state named by token, name in English or Korean (or another
 * textbook's word), with or without "state"/"상태" or 중 after it
 * ("실행 중", "ready state"); PS_NONE for "none"; -1 if it names no
 * state. */
static int state_of(const char *given)
{
    char t[128], g[128], name[64];
    tidy(given, t, sizeof t);
    if (!strcmp(synonym(t), "none"))
        return PS_NONE;
    if (!cut_suffix(t, "state"))
        cut_suffix(t, "상태");
    cut_suffix(t, "중");
    squash(t, g, sizeof g);
    for (int s = 0; s < PS_STATE_COUNT; s++) {
        const char *names[] = {ps_state_token((ps_state)s), ps_state_name((ps_state)s),
                               ps_state_name_ko((ps_state)s)};
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
            char low[64];
            ps__lab_fold(names[k], low, sizeof low);
            squash(low, name, sizeof name);
            if (!strcmp(g, name))
                return s;
        }
    }
    for (size_t i = 0; i < sizeof state_words / sizeof state_words[0]; i++)
        if (!strcmp(g, state_words[i].word))
            return (int)state_words[i].s;
    return -1;
}

/* Units a number may be written with ("16 ticks", "16틱", "4번"). */
static const char *const units[] = {
    "ticks", "tick", "틱", "times", "time", "번", "회", "items", "item", "개",
};

/* A number, or with `fraction` also a fraction ("8/3", what a ratio or
 * an average is before it is divided out), with or without a unit after
 * it, into *out: 0; 1 for "none"; -1 for anything else. */
static int number_of(const char *given, int fraction, double *out)
{
    char t[128], g[128], *end;
    tidy(given, t, sizeof t);
    if (!strcmp(synonym(t), "none"))
        return 1;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (cut_suffix(t, units[i]))
            break;
    size_t n = 0; /* "8 / 3", "- 1.4": the spaces beside a / or a sign go ("1 6" stays) */
    for (const char *p = t; *p && n + 1 < sizeof g; p++)
        if (*p != ' ' || !(p[1] == '/' || (n && g[n - 1] == '/') || (n == 1 && g[0] == '-')))
            g[n++] = *p;
    g[n] = 0;
    if (!g[0] || (g[0] == '.' && !g[1]))
        return -1;
    *out = strtod(g, &end);
    if (end == g)
        return -1;
    if (fraction && *end == '/') {
        char *num_end = end;
        double d = strtod(num_end + 1, &end);
        if (end == num_end + 1 || d == 0)
            return -1;
        *out /= d;
    }
    return !*end && isfinite(*out) ? 0 : -1;
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
    static const char *const words[][2] = {
        {"false", "true"}, {"no", "yes"}, {"0", "1"}, {"아니오", "예"}, {"아니요", "네"},
        {"거짓", "참"},
    };
    char g[128];
    tidy(given, g, sizeof g);
    if (!strcmp(synonym(g), "none"))
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

/* Words in order (names, items, "mutex m"), or the one word the whole
 * answer stands for ("없음" for none). */
static int words_right(const char *given, const char *want_text)
{
    char g[512], want[512];
    normal(given, g, sizeof g);
    normal(want_text, want, sizeof want);
    return !strcmp(g, want) || !strcmp(synonym(g), want);
}

int ps_lab_check(const ps_lab_answer *a, const char *given)
{
    char g[512], want[512];
    if (a->nchoices) { /* multiple choice: "b", "(b)", or the option's text */
        char t[64];
        tidy(given, t, sizeof t);
        int letter = ps__lab_choice_letter(a, t);
        if (letter >= 0)
            return letter;
        if (a->right_choice < a->nchoices && words_right(given, a->choices[a->right_choice]))
            return 1;
    }
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
        if (!strcmp(want, "idle") && (!strcmp(synonym(g), "idle") || !strcmp(synonym(g), "none")))
            return 1;
        return !strcmp(g, want);
    case PS_LAB_BOOL: {
        int b = bool_of(given);
        return b > -2 && b == bool_of(a->text);
    }
    case PS_LAB_NAMES:
    case PS_LAB_LETTER:
        return words_right(given, a->text);
    }
    return 0;
}

/* --- the answers file --- */

static int fail(ps_error *err, const char *name, unsigned line, unsigned col, const char *en,
                const char *ko)
{
    snprintf(err->msg, sizeof err->msg, "%s:%u:%u: %s", name, line, col, en);
    snprintf(err->msg_ko, sizeof err->msg_ko, "%s:%u:%u: %s", name, line, col, ko);
    return -1;
}

/* The header lines, each key in both languages. */
typedef enum { HEAD_NONE = -1, HEAD_STUDENT, HEAD_VARIANT } head_kind;
static const struct {
    const char *en, *ko;
} heads[] = {{"student", "학생"}, {"variant", "변형"}};

/* Is line p[0..n) (leading blanks skipped) a header line?  Its kind, and
 * its value's place in *value, *vlen (blanks around it trimmed). */
static head_kind head_of(const char *p, size_t n, const char **value, size_t *vlen)
{
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
        const char *keys[] = {heads[h].en, heads[h].ko};
        for (size_t k = 0; k < 2; k++) {
            size_t m = strlen(keys[k]), i = m;
            if (n < m || strncasecmp(p, keys[k], m))
                continue;
            while (i < n && (p[i] == ' ' || p[i] == '\t'))
                i++;
            if (i < n && p[i] == ':')
                i++;
            else if (i + 3 <= n && !memcmp(p + i, "\xef\xbc\x9a", 3)) /* full-width colon */
                i += 3;
            else
                continue;
            while (i < n && (p[i] == ' ' || p[i] == '\t'))
                i++;
            size_t e = n;
            while (e > i && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\r'))
                e--;
            *value = p + i;
            *vlen = e - i;
            return (head_kind)h;
        }
    }
    return HEAD_NONE;
}

/* The lines of a sheet's text, one at a time: the line's text p[0..n)
 * without its leading blanks, its line in the file, and whether it is
 * blank or a comment (`#`; the sheet keeps none, but a text given whole
 * to ps_lab_grade... is read as a sheet first too). */
typedef struct lines {
    const char *text;
    size_t len, at;
    const uint32_t *line_of; /* the sheet's */
    size_t nlines, k;        /* lines read */
    unsigned line;           /* the file's line of the last one */
} lines;

static int next_line(lines *l, const char **p, size_t *n, size_t *lead, int *skip)
{
    if (l->at >= l->len)
        return 0;
    const char *s = l->text + l->at, *nl = memchr(s, '\n', l->len - l->at);
    size_t ll = nl ? (size_t)(nl - s) : l->len - l->at;
    l->at += ll + 1;
    l->k++;
    l->line = l->line_of && l->k <= l->nlines ? l->line_of[l->k - 1] : (unsigned)l->k;
    size_t i = 0;
    while (i < ll && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
        i++;
    *p = s + i;
    *n = ll - i;
    *lead = i;
    *skip = i == ll || s[i] == '#'; /* blank or a comment, however long */
    return 1;
}

int ps__lab_sheet_heads(ps_lab_sheet *sh, const char *name, ps_error *err)
{
    lines l = {sh->text, sh->len, 0, sh->line_of, sh->nlines, 0, 0};
    const char *p, *v;
    size_t n, lead, vlen;
    int skip;
    while (next_line(&l, &p, &n, &lead, &skip)) {
        if (skip)
            continue;
        head_kind h = head_of(p, n, &v, &vlen);
        if (h == HEAD_NONE)
            break; /* the answers begin */
        char *to = h == HEAD_STUDENT ? sh->student : sh->variant;
        size_t size = h == HEAD_STUDENT ? sizeof sh->student : sizeof sh->variant;
        char en[160], ko[160];
        unsigned col = (unsigned)lead + 1;
        if (to[0]) {
            snprintf(en, sizeof en, "a second %s line; the file has one", heads[h].en);
            snprintf(ko, sizeof ko, "%s 줄이 두 번 있습니다. 한 번만 적습니다", heads[h].ko);
        } else if (!vlen) {
            snprintf(en, sizeof en, "%s: wants an ID after it", heads[h].en);
            snprintf(ko, sizeof ko, "%s: 뒤에 ID를 적어야 합니다", heads[h].ko);
        } else if (vlen >= size) {
            snprintf(en, sizeof en, "the %s ID is longer than %zu bytes", heads[h].en, size - 1);
            snprintf(ko, sizeof ko, "%s ID가 %zu바이트보다 깁니다", heads[h].ko, size - 1);
        } else {
            memcpy(to, v, vlen);
            to[vlen] = 0;
            if (h == HEAD_VARIANT) { /* where a variant that does not load is told */
                sh->variant_line = (uint32_t)l.line;
                sh->variant_col = (uint32_t)(v - p) + col;
            }
            continue;
        }
        return fail(err, name, l.line, col, en, ko);
    }
    return 0;
}

/* The answer on line p[0..n) (leading blanks gone) into marks: 0, or -1
 * with the error (it is NAME:l->line:...). */
static int read_answer(const ps_lab_key *key, const char *name, const lines *l, const char *p,
                       size_t n, size_t lead, uint32_t *next, ps_lab_mark *marks, ps_error *err)
{
    uint32_t nq = key->s->nquestions;
    char en[256], ko[256];
    if (n >= sizeof marks->text)
        return fail(err, name, l->line, (unsigned)(lead + sizeof marks->text),
                    "line too long; expected one short answer per line",
                    "줄이 너무 깁니다. 한 줄에 짧은 답 하나를 적습니다");
    char buf[sizeof marks->text];
    memcpy(buf, p, n);
    buf[n] = 0;
    char *s = buf, *end = s;
    uint32_t q = *next;
    while (*end >= '0' && *end <= '9')
        end++;
    /* "3: x", "3) x", "3. x" number the answer; "3.5" is one */
    if (end > s && end - s < 9 &&
        (*end == ':' || *end == ')' ||
         (*end == '.' && (!end[1] || end[1] == ' ' || end[1] == '\t')))) {
        long num = strtol(s, NULL, 10);
        if (num < 1 || num > (long)nq) {
            snprintf(en, sizeof en, "there is no question %ld; the lab has %u question%s", num,
                     nq, nq == 1 ? "" : "s");
            snprintf(ko, sizeof ko, "%ld번 질문은 없습니다. 이 실습의 질문은 %u개입니다", num, nq);
            return fail(err, name, l->line, (unsigned)lead + 1, en, ko);
        }
        q = (uint32_t)num - 1;
        s = end + 1;
    }
    if (q >= nq) {
        snprintf(en, sizeof en, "more answers than questions; the lab has %u question%s", nq,
                 nq == 1 ? "" : "s");
        snprintf(ko, sizeof ko, "답이 질문보다 많습니다. 이 실습의 질문은 %u개입니다", nq);
        return fail(err, name, l->line, 1, en, ko);
    }
    if (marks[q].given) {
        snprintf(en, sizeof en, "question %u is answered twice", q + 1);
        snprintf(ko, sizeof ko, "%u번 질문에 두 번 답했습니다", q + 1);
        return fail(err, name, l->line, 1, en, ko);
    }
    while (*s == ' ' || *s == '\t')
        s++;
    size_t sl = strlen(s);
    while (sl && (s[sl - 1] == ' ' || s[sl - 1] == '\t' || s[sl - 1] == '\r'))
        s[--sl] = 0;
    marks[q].given = 1;
    snprintf(marks[q].text, sizeof marks[q].text, "%s", s);
    marks[q].right = ps_lab_check(&key->answers[q], s);
    *next = q + 1;
    return 0;
}

int ps_lab_grade(const ps_lab_key *key, const char *name, const char *text, size_t len,
                 ps_lab_mark *marks, ps_error *err)
{
    ps_lab_sheet sh;
    memset(marks, 0, key->s->nquestions * sizeof *marks);
    int right = ps_lab_sheet_read(&sh, name, text, len, err) ? -1
              : ps_lab_grade_sheet(key, &sh, name, marks, err);
    ps_lab_sheet_fini(&sh);
    return right;
}

int ps_lab_grade_sheet(const ps_lab_key *key, const ps_lab_sheet *sh, const char *name,
                       ps_lab_mark *marks, ps_error *err)
{
    uint32_t nq = key->s->nquestions, next = 0;
    memset(marks, 0, nq * sizeof *marks);
    lines l = {sh->text, sh->len, 0, sh->line_of, sh->nlines, 0, 0};
    const char *p, *v;
    size_t n, lead, vlen;
    int skip, answered = 0, rc = 0;
    while (!rc && next_line(&l, &p, &n, &lead, &skip)) {
        if (skip)
            continue;
        head_kind h = head_of(p, n, &v, &vlen);
        if (h != HEAD_NONE && !answered)
            continue; /* read by ps_lab_sheet_read */
        if (h != HEAD_NONE) {
            char en[160], ko[160];
            snprintf(en, sizeof en, "a %s line after the answers; it comes first", heads[h].en);
            snprintf(ko, sizeof ko, "%s 줄이 답 뒤에 있습니다. 답보다 먼저 적습니다", heads[h].ko);
            rc = fail(err, name, l.line, (unsigned)lead + 1, en, ko);
            break;
        }
        answered = 1;
        rc = read_answer(key, name, &l, p, n, lead, &next, marks, err);
    }
    if (rc)
        return -1;
    int right = 0;
    for (uint32_t q = 0; q < nq; q++)
        right += marks[q].right;
    return right;
}
