/* loader.h — the scenario loader's inner parts, shared by its files
 * (library-internal; the public face is procsim/scenario.h).
 *
 *   scenario_load.c    input, the libyaml event pump, error messages (each
 *                      in English and Korean)
 *   scenario_source.c  where the bytes come from: a file opened without
 *                      blocking, a pipe read whole; ps_scenario_load_file*
 *   scenario_encoding.c a file that is not UTF-8: is it CP949/EUC-KR?
 *   scenario_korean.c  Korean words the messages need: libyaml's, errno's,
 *                      particles
 *   scenario_values.c  scalars: numbers, names, strings, "did you mean"
 *   scenario_schema.c  the file's mappings and sequences, key by key
 *   scenario_program.c programs: sequences of ops and loops (nested
 *                      one-key mappings), the `variables:` section
 *   scenario_ops.c     program ops ("io disk 3"), values ("x*x"), event
 *                      actions
 *   scenario_check.c   checks that need the whole file, then the result
 *
 * The loader reads libyaml events one at a time and writes straight into
 * the compact arrays of the scenario; no document tree is built.  The
 * schema has a fixed depth and each level has its own function, so no
 * path recurses (loops nest, PS_LOOP_DEPTH_MAX deep at most, on a stack
 * of their own), and the first node the schema does not expect ends the
 * load.  References that may point forward (process names, devices) are
 * interned into reference tables as they appear and resolved at the end
 * (scenario_check.c); the side records kept for that hold just an index
 * and a file position.
 *
 * Every ps__ld_* function that can fail returns false after storing the
 * first error in ld->err; later errors are ignored.
 */
#ifndef PROCSIM_LOADER_H
#define PROCSIM_LOADER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "intern.h"
#include "procsim/scenario.h"
#include "scenario_priv.h" /* ps__ko_josa */

/* Where the bytes come from: a stream or a buffer, counted against a
 * size limit. */
typedef struct ps__source {
    FILE *fp;                 /* or NULL: read text[0..len) */
    const unsigned char *text;
    size_t len, pos;
    size_t total;             /* bytes handed to libyaml so far */
    size_t limit;             /* more than this is an error */
    bool too_big;             /* the limit was passed */
    int read_errno;           /* a read failed with this errno */
} ps__source;

#define PS__PK_COUNT_ 4 /* process scheduling keys (PS__PK_COUNT) */

/* A spawn, wait or kill op, kept for the checks after loading. */
typedef struct ps__op_ref {
    uint32_t op;              /* index into ops */
    uint32_t owner;           /* index of the process whose program has it */
    ps__mark at;              /* the process name in the op */
    uint32_t count;           /* the processes it names: the copies of a
                                 group (PS_OPF_GROUP), else 1 */
} ps__op_ref;

/* A process entry with `copies`. */
typedef struct ps__group_ref {
    uint32_t proc;            /* the entry's index while reading */
    ps__mark at;              /* the value of its `copies` key */
} ps__group_ref;

/* A process with a parent. */
typedef struct ps__parent_ref {
    uint32_t proc;
    ps__mark at;              /* the value of its `parent` key */
} ps__parent_ref;

/* A process needing more memory than every process before it; the first
 * process too big for the system is always one of these. */
typedef struct ps__mem_peak {
    int64_t memory;
    uint32_t proc;
    ps__mark at;              /* the value of its `memory` key */
} ps__mem_peak;

/* The vary: section while loading (scenario_vary.c). */
#define PS__VARY_NAME_MAX 32   /* a vary name: at most this many bytes */
#define PS__VARY_VALUE_MAX 64  /* a value: at most this many bytes */
#define PS__VARY_CHOICES_MAX 32 /* choose: at most this many values */
typedef struct ps__vary_entry {
    char name[PS__VARY_NAME_MAX + 1];
    char value[PS__VARY_VALUE_MAX + 1];    /* what $name stands for */
    char fallback[PS__VARY_VALUE_MAX + 1]; /* the default */
    ps__mark at;              /* the name, in vary: */
    bool used;                /* a $name has stood for it */
} ps__vary_entry;

typedef struct ps__vary {
    struct ps__variant *pick; /* the variant to load; NULL: as written */
    ps__vary_entry entry[PS_VARY_MAX];
    unsigned count;
    bool declared;            /* vary: has been read: from then on every $
                                 is $name or $$ */
    bool reading;             /* inside vary:, where $ has no meaning */
    ps__mark dollar;          /* the first $ before vary:, if dollar_seen */
    bool dollar_seen;
    bool subst;               /* the current scalar had a $ replaced, so
                                 offsets in it are not columns of the file */
} ps__vary;

typedef struct ps__loader {
    /* input */
    const char *name;         /* file name for messages */
    ps__source src;
    yaml_parser_t parser;
    bool parser_ready;        /* parser initialised */
    yaml_event_t ev;          /* the current event */
    bool have_ev;
    long depth;               /* collections open, counting ev */
    uint64_t top_nodes;       /* nodes completed directly inside the root */
    bool in_root;             /* inside the root mapping */
    bool version_seen;        /* the `procsim` key has been read */
    bool skipping;            /* looking for `procsim` after an error */

    /* outcome */
    ps_error *err;
    bool failed;
    bool fatal;               /* the error ends reading (YAML, memory) */

    /* the scenario being built */
    ps__arena *arena;
    ps_scenario *s;
    ps__vec procs;            /* ps_proc_spec */
    ps__vec ops;              /* ps_op */
    ps__vec events;           /* ps_event_spec */
    ps__intern proc_names;    /* index = process index */
    ps__intern devices, channels, mutexes, variables;
    bool devices_given;

    /* for scenario_check.c: references resolved after the whole file.
     * io ops hold a dev_refs index and spawn/wait/kill ops, parents and
     * events a proc_refs index until then. */
    ps__intern dev_refs;
    ps__intern proc_refs;
    ps__vec op_refs;          /* ps__op_ref */
    ps__vec parent_refs;      /* ps__parent_ref */
    ps__vec event_marks;      /* ps__mark of each event's process name */
    ps__vec mem_peaks;        /* ps__mem_peak */
    ps__vec loops;            /* ps_loop */
    ps__vec exprs;            /* ps_expr */
    ps__vec var_private;      /* uint8_t per variable, as far as declared */
    uint32_t open[PS_LOOP_DEPTH_MAX]; /* loops open in the program being
                                         read, outermost first */
    unsigned nopen;
    uint32_t prog_first;      /* index into ops of that program's first op */
    ps__vec questions;        /* ps__question_ref: resolved at the end */
    ps__vec groups;           /* ps__group_ref: entries with copies */
    ps__intern entry_names;   /* once copies are laid out (ps__ld_copies):
                                 the entries' own names, a group's too;
                                 proc_names then holds the processes' */
    ps__vec entry_first;      /* uint32_t per entry: its first process */
    int64_t mem_max;          /* largest process memory so far */
    ps__mark sched_first[PS__PK_COUNT_]; /* the first process key of each
                                            kind (scenario_sched.c) */
    ps__vec queue_marks;      /* ps__parent_ref: each entry's `queue` */
    ps__vary vary;            /* the vary: section and $names */
} ps__loader;

/* A text for people in both languages.  The parts messages are built from
 * (what was expected, what a number means, a hint) carry both wordings, so
 * that a message composed of them exists in both. */
typedef struct ps__text {
    const char *en, *ko;
} ps__text;
#define PS__T(en, ko) ((ps__text){en, ko})
#define PS__NO_TEXT {NULL, NULL} /* in a table: no text */

/* --- scenario_load.c --- */

/* Reads the next event into ld->ev.  Rejects aliases, anchors and tags. */
bool ps__ld_next(ps__loader *ld);
/* The current event's type; the current scalar's text and its length. */
static inline yaml_event_type_t ps__ld_type(const ps__loader *ld)
{
    return ld->ev.type;
}
static inline const char *ps__ld_text(const ps__loader *ld)
{
    return (const char *)ld->ev.data.scalar.value;
}
static inline size_t ps__ld_length(const ps__loader *ld)
{
    return ld->ev.data.scalar.length;
}

/* Records "NAME:LINE:COL: message" (or "NAME: message" for a mark with
 * line 0) in both languages, unless an error is already recorded; returns
 * false.  `en` and `ko` take the same arguments in the same order (no
 * "%1$s"), and both are checked by the compiler through ps__ld_failk.  A
 * message without arguments calls ps__ld_failk0.  There is no English-only
 * way to fail: every message the loader writes has its Korean wording. */
bool ps__ld_failk_(ps__loader *ld, ps__mark at, const char *en, const char *ko, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 5)))
#endif
    ;
#define ps__ld_failk(ld, at, en, ko, ...)                                  \
    ((void)sizeof(printf(ko, __VA_ARGS__)), ps__ld_failk_(ld, at, en, ko, __VA_ARGS__))
#define ps__ld_failk0(ld, at, en, ko) ps__ld_failk(ld, at, en "%s", ko "%s", "")
/* A message already composed in both languages (by snprintf calls the
 * compiler checks), for the ones built from parts. */
bool ps__ld_failt(ps__loader *ld, ps__mark at, ps__text body);
bool ps__ld_oom(ps__loader *ld);
/* The start of the current event. */
ps__mark ps__ld_here(const ps__loader *ld);
ps__mark ps__ld_mark(yaml_mark_t m);
/* The current event as the value of `procsim`: 1, or an error saying
 * what is wrong (a newer version is a message of its own). */
bool ps__ld_version(ps__loader *ld);

/* --- scenario_encoding.c, scenario_korean.c --- */

/* After libyaml found bytes that are not UTF-8: does the whole input
 * decode as CP949/EUC-KR, with Hangul in it? */
bool ps__ld_is_cp949(ps__loader *ld);
/* libyaml's English problem or context in Korean (itself if unknown). */
const char *ps__yaml_ko(const char *en);

/* --- scenario_values.c --- */

/* What a number means, for the messages about it. */
typedef struct ps__numspec {
    const char *subject;      /* "quantum", "cpu": a token, the same in both */
    ps__text noun;            /* "tick count", or {NULL} */
    ps__text unit;            /* "an integer (ticks)"; {NULL}: "an integer
                                 (the NOUN)" */
    int64_t min, max;
    ps__text hint;            /* added to range errors, or {NULL} */
} ps__numspec;

/* Human words for the current event: "a sequence", "nothing", "'abc'",
 * "the string '3'" (in Korean when `ko`).  Returns buf. */
const char *ps__ld_got(const ps__loader *ld, bool ko, char *buf, size_t size);
/* Fails with "SUBJECT: expected WANT, got <the current event>" (no
 * "SUBJECT: " when it is NULL). */
bool ps__ld_expected(ps__loader *ld, const char *subject, ps__text want);
/* The same with a subject that has a Korean wording ("프로세스"); a NULL
 * subject.en: no subject. */
bool ps__ld_expected_in(ps__loader *ld, ps__text subject, ps__text want);
/* s[0..n) in single quotes, made visible (procsim/visible.h), long text cut short
 * with "...".  Returns buf. */
const char *ps__ld_quote(const char *s, size_t n, char *buf, size_t size);
/* True for a plain scalar that YAML reads as null: "", "~", "null". */
bool ps__ld_is_null(const ps__loader *ld);

/* Parses text[0..n) (an op word, or the current scalar when `value`) as a
 * decimal integer within spec's range. */
bool ps__ld_number(ps__loader *ld, const ps__numspec *spec, const char *text,
                   size_t n, ps__mark at, bool value, int64_t *out);
/* The current event as an integer: a plain scalar of digits. */
bool ps__ld_int(ps__loader *ld, const ps__numspec *spec, int64_t *out);
/* Checks that text[0..n) is a name: a letter or '_', then letters, digits,
 * '_', '.' or '-', at most PS__NAME_MAX_CHARS characters; a letter is
 * A-Z, a-z or Hangul (syllables and compatibility jamo, in UTF-8:
 * "생산자-1"); for a
 * process (`process`), not "any". */
#define PS__NAME_MAX_CHARS PS_NAME_MAX_CHARS /* scenario.h's, for the loader */
#define PS__NAME_MAX_BYTES PS_NAME_MAX_BYTES
/* The characters of UTF-8 text[0..n) (its bytes that start one). */
size_t ps__name_chars(const char *text, size_t n);
bool ps__ld_name(ps__loader *ld, const char *subject, const char *text,
                 size_t n, ps__mark at, bool process);
/* The current event as a name (see ps__ld_name). */
bool ps__ld_name_value(ps__loader *ld, const char *subject, bool process);
/* The current event as a string copied into the arena. */
bool ps__ld_string(ps__loader *ld, const char *subject, bool nonempty,
                   const char **out);

/* The index of text[0..n) in tokens[], or -1 after failing with
 * "SUBJECT: unknown WHAT 'x'; did you mean 'y'? (valid WHATS: ...)". */
int ps__ld_token(ps__loader *ld, const char *subject, ps__text what,
                 ps__text whats, const char *const *tokens, unsigned count,
                 const char *text, size_t n, ps__mark at);
int ps__ld_token_in(ps__loader *ld, ps__text subject, ps__text what,
                    ps__text whats, const char *const *tokens, unsigned count,
                    const char *text, size_t n, ps__mark at);

/* "Did you mean": the candidate nearest to a word, if it is near enough. */
typedef struct ps__near {
    const char *word;
    size_t n;
    const char *best;         /* NULL: nothing near */
    unsigned dist;
} ps__near;
void ps__near_init(ps__near *nr, const char *word, size_t n);
void ps__near_try(ps__near *nr, const char *candidate);
/* "; did you mean 'x'?" (in Korean when `ko`) or "".  Returns buf. */
const char *ps__near_text(const ps__near *nr, bool ko, char *buf, size_t size);
/* Joins names[0..count) with ", " into buf, ending in "..." if they do
 * not fit or if there are `total` names and only `count` are given.
 * Returns buf. */
const char *ps__join(const char *const *names, size_t count, size_t total,
                     char *buf, size_t size);

/* --- scenario_schema.c --- */

/* The keys of one kind of mapping. */
typedef struct ps__keyset {
    ps__text where;             /* for messages: "system", "process" (a key
                                   stays a key in Korean; "process" is
                                   "프로세스") */
    const char *const *keys;
    unsigned count;
    unsigned required;          /* bit k: keys[k] is required */
} ps__keyset;

enum { PS__KEY_END = -1, PS__KEY_ERROR = -2 };

/* Reads the next key of a mapping and the start of its value.  Returns the
 * key's index, with the value as the current event; PS__KEY_END at the end
 * of the mapping; PS__KEY_ERROR after an error.  seen[k] is where key k was
 * first given.  An optional key with a null value counts as left out. */
int ps__ld_key(ps__loader *ld, const ps__keyset *ks, ps__mark *seen);
/* Fails naming the first required key of ks not seen (at `start`). */
bool ps__ld_required(ps__loader *ld, const ps__keyset *ks, const ps__mark *seen, ps__mark start);

/* Reads the whole stream: one document holding one scenario mapping. */
bool ps__ld_document(ps__loader *ld);

/* --- scenario_system.c --- */

/* Reads the system: mapping (the current event) into ld->s, checking the
 * settings that depend on each other at its end. */
bool ps__ld_system(ps__loader *ld);
/* The current scalar as true or false, into *out. */
bool ps__ld_bool(ps__loader *ld, const char *key, uint8_t *out);
/* The current scalar as one of tokens[0..count); -1 after an error. */
int ps__ld_choice(ps__loader *ld, const char *key, ps__text what,
                  ps__text whats, const char *const *tokens, unsigned count);

/* --- scenario_sched.c --- */

/* The values of system.queues, system.burst_estimate and system.aging
 * (the current event). */
bool ps__ld_queues(ps__loader *ld);
bool ps__ld_burst_estimate(ps__loader *ld);
bool ps__ld_aging(ps__loader *ld);
/* The scheduling keys of process entry `self` (queue, tickets, nice,
 * starts_blocked; PS__PK_*): the current event is the value. */
enum { PS__PK_QUEUE, PS__PK_TICKETS, PS__PK_NICE, PS__PK_STARTS_BLOCKED, PS__PK_COUNT };
bool ps__ld_proc_sched(ps__loader *ld, uint32_t self, int key);
/* At the end of entry `self`: starts_blocked needs an io or sleep first. */
bool ps__ld_proc_sched_check(ps__loader *ld, uint32_t self);
/* After the whole file, before copies are laid out: a process key the
 * policy ignores is an error, a queue must name a band. */
bool ps__ld_sched_finish(ps__loader *ld);

/* --- scenario_ops.c --- */

/* A word of a one-line string, and where it is in the file. */
typedef struct ps__word {
    const char *p;
    size_t n;
    ps__mark at;
} ps__word;
/* Is the current scalar plain and on one line, so that a place in it is
 * its start plus an offset? */
bool ps__ld_marks_exact(const ps__loader *ld);
static inline bool ps__word_is(const ps__word *w, const char *s)
{
    return w->n == strlen(s) && memcmp(w->p, s, w->n) == 0;
}
/* Splits the current scalar into whitespace-separated words, storing at
 * most `max`; a word's mark is exact when the scalar is plain and on one
 * line, else the scalar's start.  Returns the number of words, or max + 1
 * if there are more. */
unsigned ps__ld_words(const ps__loader *ld, ps__word *w, unsigned max);

/* The current scalar as an op of process `owner`'s program. */
bool ps__ld_op(ps__loader *ld, uint32_t owner);
/* The loop open in the program being read whose variable is w, or
 * PS__NONE. */
uint32_t ps__ld_loop_var(const ps__loader *ld, const ps__word *w);

/* --- scenario_program.c --- */

/* The value of `program` (the current event) of process `self`. */
bool ps__ld_program(ps__loader *ld, uint32_t self);
/* The `variables:` section (the current event is its value). */
bool ps__ld_variables(ps__loader *ld);
/* The current scalar as the `do` of event `event` ("suspend NAME"). */
bool ps__ld_action(ps__loader *ld, uint32_t event);

/* --- scenario_questions.c --- */

/* One question while loading: the name it refers to, not yet resolved. */
enum { PS__REF_PROCESS, PS__REF_VARIABLE, PS__REF_CHANNEL, PS__REF_MUTEX, PS__REF_KINDS };
typedef struct ps__question_ref {
    ps_question q;
    const char *ref;      /* the name in the expression, or NULL */
    size_t nref;
    ps__mark ref_at;
    uint8_t ref_kind;     /* what it names: PS__REF_* */
    ps_ask_policy policies[PS_ASK_MAX_POLICIES]; /* best, gap: q.npolicies of
                                                    them, moved into the
                                                    arena at the end */
    ps__mark policy_at[PS_ASK_MAX_POLICIES];     /* where each is written */
    ps_choice *choices;   /* choices: q.nchoices of them, in the arena */
    struct ps__question_ref *options; /* choices: each computed option's
                                         expression as read, resolved with
                                         the questions (in the arena too) */
    ps__mark choice_at[PS_QUESTION_CHOICES]; /* where each option is written */
} ps__question_ref;

/* The `questions` section (the current event is its value). */
bool ps__ld_questions(ps__loader *ld);
/* Words w[0..nw) as an answer expression into r (its kind and operands;
 * names resolved later); false after failing at the word that is wrong. */
bool ps__ld_answer_words(ps__loader *ld, ps__question_ref *r, const ps__word *w, unsigned nw);
/* r's names and policies, once the whole file is read. */
bool ps__ld_resolve_question(ps__loader *ld, ps__question_ref *r);

/* --- scenario_choices.c --- */

/* The current event, a mapping, as the value of `answer`: {literal: TEXT,
 * type: TYPE}, a literal answer, into r. */
bool ps__ld_literal(ps__loader *ld, ps__question_ref *r);
/* The current event as the value of `choices` of question r. */
bool ps__ld_choices(ps__loader *ld, ps__question_ref *r);
/* r's computed options resolved (names, policies), after the file. */
bool ps__ld_finish_choices(ps__loader *ld, ps__question_ref *r);
/* After the whole file: names in the questions resolved, the questions
 * moved into the scenario. */
bool ps__ld_finish_questions(ps__loader *ld);

/* --- scenario_vary.c --- */

/* The `vary:` section (the current event is its value): each entry's
 * value chosen for ld->vary.variant, or its default. */
bool ps__ld_vary(ps__loader *ld);
/* Called by ps__ld_next on every scalar: after a vary: section, each
 * $name in it replaced by its entry's value, $$ by $, an unknown name an
 * error at its place; in a file without one a $ is just a $. */
bool ps__ld_vary_scalar(ps__loader *ld);
/* At the end of the root mapping: every entry used, a variant asked of a
 * file that varies something; the entries and the variant into ld->s. */
bool ps__ld_vary_finish(ps__loader *ld);

/* --- scenario_check.c --- */

/* Resolves forward references, runs the checks that need the whole file
 * and moves everything into ld->s. */
bool ps__ld_finish(ps__loader *ld);

/* --- scenario_copies.c --- */

/* `copies` of a process entry (the current event is its value). */
bool ps__ld_copies_value(ps__loader *ld, uint32_t self);
/* At the end of an entry with copies: its program names no process. */
bool ps__ld_copies_check(ps__loader *ld, uint32_t self);
/* Before process names are resolved: each entry with copies becomes its
 * N processes NAME-1 .. NAME-N in its place (the names checked for
 * clashes), and every record that holds an entry index is moved to the
 * processes'. */
bool ps__ld_copies(ps__loader *ld);
/* The first process of group `name` (an entry with copies) and *count,
 * or PS__NONE when no entry with copies has that name. */
uint32_t ps__ld_group(const ps__loader *ld, const char *name, size_t len, uint32_t *count);
/* "consumer-1 ... consumer-4" for the group whose first process is
 * `first`. */
const char *ps__ld_group_names(const ps__loader *ld, uint32_t first, char *buf, size_t size);
/* After the checks: a spawn, wait or kill of a group becomes one op per
 * copy, and the copies share their first's program. */
bool ps__ld_copies_ops(ps__loader *ld);

#endif
