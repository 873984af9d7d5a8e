/* lab_choice.c — the answers a teacher writes (literal questions) and the
 * options of a multiple-choice question: each computed option answered
 * by a run of its own (the same workload, perhaps under another policy,
 * quantum or switch cost), options that read the same merged, the rest
 * listed in a fixed order with the right one among them. */
#include "lab_internal.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a literal of each ps_answer_type is compared. */
static const uint8_t lab_type[PS_ANSWER_TYPE_COUNT] = {
    [PS_ANSWER_STATE] = PS_LAB_STATE, [PS_ANSWER_NAMES] = PS_LAB_NAMES,
    [PS_ANSWER_SET] = PS_LAB_SET,     [PS_ANSWER_INT] = PS_LAB_INT,
    [PS_ANSWER_NUMBER] = PS_LAB_NUMBER, [PS_ANSWER_LETTER] = PS_LAB_LETTER,
    [PS_ANSWER_BOOL] = PS_LAB_BOOL,
};

/* `text` as an answer of lab type `type` into a (its number too). */
static void literal(const ps_lab_key *k, const char *text, uint8_t type, ps_lab_answer *a)
{
    a->type = type;
    snprintf(a->text, sizeof a->text, "%s", text);
    char *end;
    a->number = strtod(text, &end);
    if (end != text && *end == '/') /* a fraction: 8/3 */
        a->number /= strtod(end + 1, NULL);
    ps_state s;
    if (type == PS_LAB_STATE && ps_state_from_token(text, &s))
        snprintf(a->detail, sizeof a->detail, "%s", ps_state_name_in(s, (ps_lang)k->lang));
}

void ps__lab_literal(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a)
{
    uint8_t t = q->literal_type < PS_ANSWER_TYPE_COUNT ? q->literal_type : PS_ANSWER_NAMES;
    literal(k, q->literal, lab_type[t], a);
}

/* Computed option c: the key's workload with c's settings, asked c's
 * expression.  0 with its answer in *x; 1 when the workload cannot run so
 * (the option is left out); PS_LAB_NOMEM or PS_LAB_TOO_LONG (its run, as
 * any key's, keeps at most PS_LAB_MAX_EVENTS) as ps_lab_key_compute. */
static int computed(const ps_lab_key *k, const ps_choice *c, ps_lab_answer *x)
{
    ps_scenario copy = *k->s; /* only fields of the copy change (scenario.h) */
    ps_error err;
    if ((c->under >= 0 || c->quantum > 0) &&
        ps_scenario_set_policy(&copy, c->under >= 0 ? (ps_policy)c->under : copy.policy,
                               c->quantum, &err))
        return 1;
    if (c->switch_cost >= 0)
        copy.switch_cost = c->switch_cost;
    ps_question q = c->q;
    q.choices = NULL;
    q.nchoices = 0;
    copy.questions = &q;
    copy.nquestions = 1;
    ps_lab_key sub;
    int failed = ps_lab_key_compute(&copy, (ps_lang)k->lang, &sub);
    if (failed)
        return failed;
    int rc = sub.status == PS_STEP_RUNAWAY;
    if (!rc) { /* what the options need: no reasons (they are the sub-run's) */
        x->type = sub.answers[0].type;
        x->number = sub.answers[0].number;
        snprintf(x->text, sizeof x->text, "%s", sub.answers[0].text);
    }
    ps_lab_key_fini(&sub);
    return rc;
}

/* Do two options read the same (each the other's right answer)? */
static int same(const ps_lab_answer *a, const ps_lab_answer *b)
{
    return ps_lab_check(a, b->text) && ps_lab_check(b, a->text);
}

/* The order options are listed in: numbers by value (none last), the
 * rest by their text, bytewise. */
static int before(const ps_lab_answer *a, const ps_lab_answer *b)
{
    int numeric = (a->type == PS_LAB_INT || a->type == PS_LAB_NUMBER) &&
                  (b->type == PS_LAB_INT || b->type == PS_LAB_NUMBER);
    int an = !strcmp(a->text, "none"), bn = !strcmp(b->text, "none");
    if (numeric && !an && !bn)
        return a->number < b->number;
    if (numeric)
        return bn && !an;
    return strcmp(a->text, b->text) < 0;
}

/* s into buf (size bytes), cut at a character when it is longer. */
static void cut_copy(char *buf, size_t size, const char *s)
{
    size_t n = strlen(s);
    if (n >= size) {
        n = size - 1;
        while (n && ((unsigned char)s[n] & 0xc0) == 0x80) /* s[n] continues a character */
            n--;
    }
    memcpy(buf, s, n);
    buf[n] = 0;
}

int ps__lab_choices(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a)
{
    if (!q->nchoices)
        return 0;
    enum { MAX = PS_QUESTION_CHOICES + 1 };
    static_assert(MAX <= PS_LAB_CHOICES, "the key holds every option");
    ps_lab_answer *opt = calloc(MAX, sizeof *opt);
    if (!opt)
        return PS_LAB_NOMEM;
    uint32_t n = 1, order[MAX];
    opt[0].type = a->type; /* the answer itself, first until sorted */
    opt[0].number = a->number;
    snprintf(opt[0].text, sizeof opt[0].text, "%s", a->text);
    for (uint32_t i = 0; i < q->nchoices && n < MAX; i++) {
        const ps_choice *c = &q->choices[i];
        ps_lab_answer *x = &opt[n];
        if (c->literal) {
            literal(k, c->literal, a->type, x);
        } else {
            int rc = computed(k, c, x);
            if (rc < 0) {
                free(opt);
                return rc;
            }
            if (rc)
                continue;
        }
        int dup = 0;
        for (uint32_t j = 0; j < n && !dup; j++)
            dup = same(&opt[j], x);
        n += !dup;
    }
    for (uint32_t i = 0; i < n; i++) { /* insertion sort: a handful */
        uint32_t j = i;
        for (; j > 0 && before(&opt[i], &opt[order[j - 1]]); j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
    a->nchoices = n;
    for (uint32_t i = 0; i < n; i++) {
        cut_copy(a->choices[i], sizeof a->choices[i], opt[order[i]].text);
        if (order[i] == 0)
            a->right_choice = i;
    }
    free(opt);
    return 0;
}

int ps__lab_choice_letter(const ps_lab_answer *a, const char *given)
{
    if (!a->nchoices)
        return -1;
    while (*given == ' ' || *given == '\t')
        given++;
    int paren = *given == '(';
    const char *p = given + paren;
    char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
    if (c < 'a' || c >= 'a' + (int)a->nchoices)
        return -1;
    p++;
    if (*p == ')' || (!paren && *p == '.'))
        p++;
    else if (paren)
        return -1;
    while (*p == ' ' || *p == '\t' || *p == '\r')
        p++;
    return *p ? -1 : (uint32_t)(c - 'a') == a->right_choice;
}
