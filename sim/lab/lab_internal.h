/* lab_internal.h — what the files of the lab library share: the helpers
 * of the answer key (lab.c), the answers about shared objects
 * (lab_shared.c) and about the policy (lab_policy.c). */
#ifndef PROCSIM_LAB_INTERNAL_H
#define PROCSIM_LAB_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "procsim/lab.h"

/* Keep trace line i as a reason for answer a (the latest PS_LAB_WHY). */
void ps__lab_why(ps_lab_answer *a, size_t i);
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
 * into a->choices, nchoices, right_choice.  0, or -1 when out of memory. */
int ps__lab_choices(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a);
/* An answer by letter ("b", "B)", "(b)", "b."): 1 if it names the right
 * option, 0 if another; -1 when `given` is no letter of a's options. */
int ps__lab_choice_letter(const ps_lab_answer *a, const char *given);

#endif
