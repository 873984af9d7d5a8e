/* scenario_priv.h — what the scenario files share inside the library.
 *
 * The operand shape of every op (one table, indexed by ps_op_kind, read by
 * both the loader and ps_op_format), and the loader's entry point with an
 * explicit size limit, which the public ps_scenario_load_* functions call
 * with PS_SCENARIO_MAX_BYTES and the tests call with a small one.
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
/* Is `variant` a variant ID (scenario.h's rule)?  If not, false with the
 * message for the file `name` in err (scenario_vary.c). */
bool ps__vary_id_check(const char *name, const char *variant, ps_error *err);

#endif
