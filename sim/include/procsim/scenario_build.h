/* scenario_build.h — making a ps_scenario in code instead of loading a
 * file (the scenario module's second way in).
 *
 * The loader is the way in for files.  A program that describes a
 * workload with its own flags — the OSTEP front-ends, whose workloads can
 * hold 100 000 instructions — should not have to write and parse YAML: a
 * builder makes the same immutable, self-contained scenario the loader
 * makes, with the loader's defaults for everything not set.
 *
 *   ps_builder *b = ps_builder_create("title", "description");
 *   ps_builder_scenario(b)->policy = PS_POLICY_RR;   settings, directly
 *   uint32_t disk = ps_builder_device(b, "disk");
 *   ps_builder_proc(b, "a", 0);                      then its program:
 *   ps_builder_op(b, PS_OP_CPU, 0, 3);
 *   ps_builder_op(b, PS_OP_IO, disk, 2);
 *   ps_scenario *s = ps_builder_finish(b, &err);     b is gone after this
 *
 * A builder makes programs of the ops that name no process, channel,
 * mutex or variable (cpu, io, sleep, exit); ps_builder_finish checks what
 * it was given and refuses, with a message, anything the engine could not
 * run: a duplicate or empty process name, an op of another kind, a
 * device that was not declared, a number below 0 or above
 * PS_BUILD_MAX_NUMBER.  Running out of memory at any call is remembered
 * and reported by ps_builder_finish.
 */
#ifndef PROCSIM_SCENARIO_BUILD_H
#define PROCSIM_SCENARIO_BUILD_H

#include <stdint.h>

#include "procsim/scenario.h"

/* Larger than a file may hold (PS_SCENARIO_MAX_NUMBER): the OSTEP
 * scheduler's workloads reach 10^12 ticks.  Sums of such numbers over any
 * workload a machine can hold stay far from overflow. */
#define PS_BUILD_MAX_NUMBER 1000000000000LL

typedef struct ps_builder ps_builder;

/* A new scenario with the loader's defaults, its path "<built>".  NULL
 * only when out of memory. */
ps_builder *ps_builder_create(const char *title, const char *description);
/* The scenario being built: its settings (policy, quantum, cpus, ...) may
 * be written directly until ps_builder_finish.  Its processes, ops and
 * devices are the builder's to fill. */
ps_scenario *ps_builder_scenario(ps_builder *b);
/* Declares a device; returns its index (for io ops). */
uint32_t ps_builder_device(ps_builder *b, const char *name);
/* Starts the next process (pid = processes so far + 1); ops follow. */
void ps_builder_proc(ps_builder *b, const char *name, int64_t arrival);
/* The latest process's settings (priority, tickets, nice, queue, ...),
 * writable until the next ps_builder_proc; NULL before the first. */
ps_proc_spec *ps_builder_last_proc(ps_builder *b);
/* Appends an op to the latest process's program. */
void ps_builder_op(ps_builder *b, ps_op_kind kind, uint32_t obj, int64_t n);
/* The finished scenario (ps_scenario_destroy frees it), or NULL with the
 * reason in err.  Either way the builder is freed. */
ps_scenario *ps_builder_finish(ps_builder *b, ps_error *err);
/* Frees a builder without making its scenario.  Accepts NULL. */
void ps_builder_destroy(ps_builder *b);

#endif
