/* scenario_priv.h — what the scenario files share inside the library.
 *
 * The operand shape of every op (one table, indexed by ps_op_kind, read by
 * both the loader and ps_op_format), and the loader's entry point with an
 * explicit size limit, which the public ps_scenario_load_* functions call
 * with PS_SCENARIO_MAX_BYTES and the tests call with a small one; and the
 * helpers of messages in two languages (Korean particles, an error set in
 * both) that the loader, --policy and the builder share.
 */
#ifndef PROCSIM_SCENARIO_PRIV_H
#define PROCSIM_SCENARIO_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "procsim/scenario.h"

/* What an op's `obj` refers to. */
typedef enum ps__obj_kind {
    PS__OBJ_NONE,
    PS__OBJ_DEVICE,
    PS__OBJ_PROCESS,      /* a child of the process running the op */
    PS__OBJ_PROCESS_ANY,  /* ... or "any" (PS_WAIT_ANY) */
    PS__OBJ_CHANNEL,
    PS__OBJ_MUTEX,
    PS__OBJ_VARIABLE
} ps__obj_kind;

/* Whether an op has a number operand (after the name, if any). */
typedef enum ps__num_kind {
    PS__NUM_NONE,
    PS__NUM_REQUIRED,
    PS__NUM_OPTIONAL      /* `dflt` when left out */
} ps__num_kind;

/* Whether the number may be a VALUE computed at run time. */
enum { PS__VALUE_NO, PS__VALUE_YES, PS__VALUE_OR_NONE /* ... or `none` */ };

typedef struct ps__op_shape {
    uint8_t obj;          /* ps__obj_kind */
    uint8_t num;          /* ps__num_kind */
    uint8_t value;        /* PS__VALUE_*: the number may be a value (cpu, send) */
    int64_t min, max;     /* range of the number */
    int64_t dflt;         /* value of an optional number left out */
    const char *usage;    /* "io DEVICE TICKS", for messages */
    const char *noun;     /* the number, for messages: "tick count" */
    const char *usage_ko; /* the same in Korean: "io 장치 틱수" */
    const char *noun_ko;  /* "틱 수" */
} ps__op_shape;

extern const ps__op_shape ps__op_shapes[PS_OP_COUNT];

/* The settings of a file that gives none (scenario_schema.c). */
void ps__scenario_defaults(ps_scenario *s);

/* Loads from `fp` when it is not NULL, else from text[0..len).  Input of
 * more than `limit` bytes is an error.  Otherwise as ps_scenario_load_file;
 * does not close `fp`. */
ps_scenario *ps__scenario_load(const char *name, FILE *fp, const char *text,
                               size_t len, size_t limit, ps_error *err);
/* Which variant of a lab to load. */
typedef struct ps__variant {
    const char *id;           /* the variant ID; NULL or "": as written */
    int force;                /* >= 0: entry `force` of vary: takes its
                                 value number k (its last if k is past it),
                                 the others their defaults; -1: none */
    uint64_t k;
    uint64_t n;               /* out: how many values entry `force` has */
    char value[65];           /* out: the value it took */
} ps__variant;
/* The same for a lab's variant (pick NULL: the file as written). */
ps_scenario *ps__scenario_load_variant(const char *name, FILE *fp, const char *text,
                                       size_t len, size_t limit, ps__variant *pick,
                                       ps_error *err);
/* Errors about a whole file, before or outside the loader (scenario_load.c):
 * "NAME: " and the message in both wordings, made visible; `en` and `ko`
 * read the same arguments. */
void ps__format_error_(ps_error *err, const char *name, const char *en, const char *ko, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 5)))
#endif
    ;
#define ps__format_error(err, name, en, ko, ...)                             \
    ((void)sizeof(printf(ko, __VA_ARGS__)), ps__format_error_(err, name, en, ko, __VA_ARGS__))
/* "file too large (SIZE bytes)": size 0 when it is not known. */
void ps__too_big(ps_error *err, const char *name, size_t size, size_t limit);

/* A file to load, opened once (scenario_source.c) (procsim/input.h: never blocking on a FIFO):
 * a regular file as a stream, a pipe's bytes read whole. */
typedef struct ps__file {
    FILE *fp;   /* a regular file, or NULL */
    char *text; /* a pipe's bytes (malloc'd), or NULL */
    size_t len;
} ps__file;
/* Opens path: 0, or -1 with err saying why ("cannot open", "is a FIFO,
 * not a regular file", too large). */
int ps__source_open(const char *path, ps__file *f, ps_error *err);
/* Loads the scenario in f (again: a file is read from its start). */
ps_scenario *ps__source_load(const char *path, ps__file *f, ps__variant *pick, ps_error *err);
void ps__source_close(ps__file *f);
/* Is `variant` a variant ID (scenario.h's rule)?  If not, false with the
 * message for the file `name` in err (scenario_vary.c). */
bool ps__vary_id_check(const char *name, const char *variant, ps_error *err);

/* Korean particles that depend on the word before them: 이/가, 은/는,
 * 을/를, 으로/로.  The word's last Hangul syllable or digit decides (a
 * final parenthesis is skipped: "정수(틱)" takes 정수's); for anything
 * else (a Latin name, a quote) both forms are written: "이(가)". */
typedef enum ps__josa { PS__JOSA_IGA, PS__JOSA_EUNNEUN, PS__JOSA_EULREUL, PS__JOSA_RO } ps__josa;
const char *ps__ko_josa(const char *word, ps__josa kind);
/* A question's form with its placeholders in Korean: "state PROCESS at
 * TICK" is "state 프로세스 at 틱".  Returns buf. */
const char *ps__usage_ko(const char *usage, char *buf, size_t size);

/* Sets err to a message in both languages (no "FILE:LINE:COL: " added):
 * `en` and `ko` take the same arguments in the same order, both checked
 * by the compiler (scenario_load.c). */
void ps__error_set_(ps_error *err, const char *en, const char *ko, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 4)))
#endif
    ;
#define ps__error_set(err, en, ko, ...)                                      \
    ((void)sizeof(printf(ko, __VA_ARGS__)), ps__error_set_(err, en, ko, __VA_ARGS__))

#endif
