/* scenario_build.h — building a ps_scenario in code, for the OSTEP
 * front-ends (library-internal).
 *
 * The loader is the only way in for files; the OSTEP programs describe
 * their workloads with command-line flags, and their large workloads
 * (100 000 instructions) should not pay for writing and parsing YAML.  A
 * builder makes the same immutable, arena-owned scenario the loader makes.
 * It checks nothing: the caller must give what the loader would accept
 * (unique names, known devices).  Any allocation failure is remembered and
 * reported by ps__build_finish.
 */
#ifndef PROCSIM_SCENARIO_BUILD_H
#define PROCSIM_SCENARIO_BUILD_H

#include "arena.h"
#include "procsim/scenario.h"

typedef struct ps__build {
    ps__arena *arena;
    ps_scenario *s;        /* settings may be written directly */
    ps__vec procs, ops, devices;
    int nomem;
} ps__build;

/* Starts a scenario with the loader's defaults.  Returns 0, or -1 when out
 * of memory (then ps__build_abort). */
int ps__build_begin(ps__build *b, const char *title, const char *description);
/* Declares a device; returns its index. */
uint32_t ps__build_device(ps__build *b, const char *name);
/* Starts the next process (pid = count so far + 1); ops follow. */
void ps__build_proc(ps__build *b, const char *name, int64_t arrival);
/* Appends an op to the latest process. */
void ps__build_op(ps__build *b, ps_op_kind kind, uint32_t obj, int64_t n);
/* The scenario, or NULL when out of memory (everything freed either way). */
ps_scenario *ps__build_finish(ps__build *b);
void ps__build_abort(ps__build *b);

#endif
