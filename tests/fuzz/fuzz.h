/* fuzz.h — what the libFuzzer targets of tests/fuzz share: a ps_out that
 * drops what it is given, and the bounds that keep one input short.
 *
 * A target's one rule is that an input may be anything: every byte string
 * is either refused with a message or processed, and neither crashes,
 * leaks, trips a sanitizer or runs past the bounds here (libFuzzer's
 * -timeout catches what they do not). */
#ifndef PROCSIM_FUZZ_H
#define PROCSIM_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "procsim/engine.h"
#include "procsim/out.h"

/* Steps of an engine one input may take, and the instants it may pass
 * (ps_engine_set_instant_limit): enough to reach the end of every
 * shipped scenario, few enough to keep an input in milliseconds. */
#define FUZZ_MAX_STEPS 20000
#define FUZZ_MAX_INSTANTS 20000
/* ... and fewer with many processes: a step may cost O(processes) (the
 * lottery counts the tickets of every candidate, as lottery.py does), so
 * steps x processes stays under this. */
#define FUZZ_MAX_WORK 2000000
/* ps_engine_check costs up to processes x timers: after every step up to
 * this many processes, beyond it (an OSTEP -j 10000) once at the end. */
#define FUZZ_CHECK_EVERY_STEP_PROCS 256

/* A sink for text nobody reads. */
ps_out fuzz_null_out(void);

/* Runs `e` to its end or the step bound above, checking that every
 * transition was legal and, after each step (see above), that
 * ps_engine_check holds and no CPU runs two processes; aborts (a finding)
 * with the reason on stderr if not. */
void fuzz_run_checked(ps_engine *e);

#endif
