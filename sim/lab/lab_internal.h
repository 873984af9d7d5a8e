/* lab_internal.h — what the files of the lab library share: the helpers
 * of the answer key (lab.c), its reasons (lab_why.c) and how the time
 * statistics are made up (lab_explain.c), the answers about shared
 * objects (lab_shared.c) and about the policy (lab_policy.c). */
#ifndef PROCSIM_LAB_INTERNAL_H
#define PROCSIM_LAB_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "procsim/lab.h"

/* ---- reasons (lab_why.c) ------------------------------------------------
 * An answer's reasons are kept in the order they are added, as many as it
 * takes.  Adding never fails to the caller: when memory runs out the
 * answer is marked (why_nomem) and ps_lab_key_compute fails. */

/* The two wordings of a text of the library, English first, as one macro
 * ("ticks", "틱"); PS__LAB_W(k, X) is the one in the key's language.  Both
 * stay literals, so a printf-like call has both checked. */
#define PS__LAB_PICK_(k, en, ko) ((k)->lang == PS_LANG_KO ? (ko) : (en))
#define PS__LAB_W(k, ...) PS__LAB_PICK_(k, __VA_ARGS__)

typedef enum ps__lab_reason_kind {
    PS__WHY_TRANSITION,  /* at: a line of the key's trace */
    PS__WHY_OP,          /* at: an op event of the key's ops */
    PS__WHY_SPAN,        /* a stay in a state: at the transition in, out the
                            one out (PS__WHY_OPEN: none, it lasts to until) */
    PS__WHY_TEXT         /* text: a line composed as the key was computed */
} ps__lab_reason_kind;

#define PS__WHY_OPEN UINT32_MAX

typedef struct ps__lab_reason {
    uint8_t kind;        /* ps__lab_reason_kind */
    uint32_t at, out;    /* see the kinds */
    int64_t until;       /* SPAN: the tick it ends */
    int64_t cost;        /* SPAN in Running: its ticks of switch cost */
    char *text;          /* TEXT (malloc'd) */
} ps__lab_reason;

/* Transition i of the key's trace as a reason of a. */
void ps__lab_why(ps_lab_answer *a, size_t i);
/* Op event i of the key's ops. */
void ps__lab_why_op(ps_lab_answer *a, size_t i);
/* A stay in the state transition `in` led to, until transition `out`
 * (PS__WHY_OPEN: still in it at tick `until`); cost: switching ticks. */
void ps__lab_why_span(ps_lab_answer *a, size_t in, uint32_t out, int64_t until, int64_t cost);
/* A line of text, printf-like, in the key's language. */
void ps__lab_why_text(ps_lab_answer *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Puts a's transitions and op events in the order they happened (text
 * lines after them, in their order). */
void ps__lab_why_sort(const ps_lab_key *k, ps_lab_answer *a);
/* Frees a's reasons. */
void ps__lab_why_fini(ps_lab_answer *a);

/* A sum as a reason writes it, "3 + 4 + 6": the first terms, then "...". */
typedef struct ps__lab_sum {
    char terms[200];
    uint32_t n;          /* terms added */
    int64_t total;
} ps__lab_sum;
void ps__lab_sum_add(ps__lab_sum *s, int64_t v);
/* "3 + 4 + 6", or "3 + 4 + ... (12 terms)" in the key's language; "0"
 * when empty.  Returns buf. */
char *ps__lab_sum_text(const ps_lab_key *k, const ps__lab_sum *s, char *buf, size_t size);

/* "tick"/"ticks" for n in English, "틱" in Korean. */
const char *ps__lab_ticks(const ps_lab_key *k, int64_t n);

/* ---- how the time statistics are made up (lab_explain.c) ---------------- */

/* The reasons of a time statistic of pid (finish, turnaround, waiting,
 * response, cpu, switches, swaps: every transition or stay that makes it
 * up, and the sum), added to a; `value` is the answer's. */
void ps__lab_explain_stat(const ps_lab_key *k, ps_ask kind, uint32_t pid, int64_t value,
                          ps_lab_answer *a);
/* The reasons of an average: each process's value as its own statistic
 * forms it, then the average. */
void ps__lab_explain_average(const ps_lab_key *k, ps_average what, ps_lab_answer *a);
/* "(8 + 6 + 2 + 8) / 4 = 6.00" of engine e's run into buf: the values
 * averaged (ps__lab_average's) and the average. */
char *ps__lab_average_sum(const ps_lab_key *k, const ps_engine *e, ps_average what, char *buf,
                          size_t size);
/* The name of average `what` in the key's language ("average waiting"). */
const char *ps__lab_average_name(const ps_lab_key *k, ps_average what);
/* pid's state just after tick t, and the index of the transition that
 * made it (-1: none yet; PS_NONE then). */
ps_state ps__lab_state_at(const ps_lab_key *k, uint32_t pid, int64_t t, long *at);
/* pid's state after the first n lines of the trace, likewise: the state it
 * was in at a moment inside an instant. */
ps_state ps__lab_state_upto(const ps_lab_key *k, uint32_t pid, size_t n, long *at);
/* word appended to buf, after `sep` unless buf is empty. */
void ps__lab_append(char *buf, size_t size, const char *word, const char *sep);

/* What the run's op events told that the answers need, gathered as they
 * come (ps__lab_ops_listen is an op listener). */
typedef struct ps__lab_write {
    int64_t time;        /* -1: none yet */
    uint32_t pid, other; /* the writer; whose update it overwrote (lost) */
    int64_t value, lost; /* the value written; updates it overwrote */
} ps__lab_write;

typedef struct ps__lab_ops {
    const ps_engine *e;
    const size_t *ntrans;      /* transitions recorded so far (the key's recorder) */
    ps__lab_write *last_write; /* per variable: its latest write */
    ps__lab_write first_lost;  /* the first write that lost updates */
    int64_t lost_writes;       /* writes that lost updates */
    int8_t *alive;             /* per pid - 1: the first is_alive answer, -1: never asked */
    int64_t *alive_at;         /* per pid - 1: when it was asked */
    uint32_t *alive_by;        /* per pid - 1: who asked */
    size_t *alive_seen;        /* per pid - 1: transitions recorded before the answer */
} ps__lab_ops;

/* ntrans: the count of transitions recorded as the run goes; 0, or -1: out
 * of memory. */
int ps__lab_ops_init(ps__lab_ops *o, const ps_engine *e, const size_t *ntrans);
void ps__lab_ops_fini(ps__lab_ops *o);
void ps__lab_ops_listen(void *ctx, const ps_op_event *ev);

/* Is q answered from the objects as they are just after its tick (then
 * the key asks ps__lab_shared at that moment of the run)? */
int ps__lab_at_moment(const ps_question *q);
/* Answer q about a shared object from the engine as it is now (value V
 * at T, length, items, holder, waits: just after T; lost, alive: at the
 * end), explained in the key's language.  The key's trace holds at least
 * the transitions up to now. */
void ps__lab_shared(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                    ps_lab_answer *a);
/* The reasons of received C: every value received from channel chan, and
 * their sum (the sentinel is no number). */
void ps__lab_explain_received(const ps_lab_key *k, uint32_t chan, ps_lab_answer *a);

/* The average `what` of engine e's run, over its finished processes, and
 * the values averaged ("P1 0, P2 11") into buf (lab.c). */
double ps__lab_average(const ps_engine *e, ps_average what, char *buf, size_t size);

/* ratio P at T (lab_policy.c), asked just after T like the shared objects:
 * P's response ratio if it is Ready then, or the one it was dispatched by
 * at T, else none. */
void ps__lab_ratio(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                   ps_lab_answer *a);
/* best, gap (lab_policy.c): the key's workload run under each policy q
 * lists, after the key's own run.  0, or -1 when out of memory. */
int ps__lab_compare(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a);

/* A literal question's answer (lab_choice.c): the teacher's text, compared
 * as its type. */
void ps__lab_literal(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a);
/* A multiple-choice question's options beside answer a (already given):
 * into a->choices, nchoices, right_choice.  0, PS_LAB_NOMEM, or
 * PS_LAB_TOO_LONG when a computed option's run is. */
int ps__lab_choices(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a);
/* An answer by letter ("b", "B)", "(b)", "b."): 1 if it names the right
 * option, 0 if another; -1 when `given` is no letter of a's options. */
int ps__lab_choice_letter(const ps_lab_answer *a, const char *given);

#endif
