/* testkit.h — helpers shared by the cmocka suites: load a scenario from a
 * YAML string, run it to the end while recording every transition and
 * checking each against the legal-transition table. */
#ifndef PROCSIM_TESTKIT_H
#define PROCSIM_TESTKIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "procsim/engine.h"

typedef struct tk_run {
    ps_scenario *s;
    ps_engine *e;
    ps_trace_event *ev;   /* every transition, in order */
    size_t n, cap;
    ps_step_status status;
    unsigned kinds_seen;  /* bit per ps_transition_kind */
} tk_run;

/* Load YAML (fails the test with the loader's message on error). */
ps_scenario *tk_load(const char *yaml);
/* Load, create, run to the end (until < 0) or tick `until`. */
void tk_run_yaml(tk_run *r, const char *yaml, int64_t until);
void tk_run_scenario(tk_run *r, ps_scenario *s, int64_t until);
void tk_run_fini(tk_run *r);
/* pid of a process by name (fails the test if there is none). */
uint32_t tk_pid(const tk_run *r, const char *name);
/* The sequence of states a process went through, as tokens joined by
 * spaces ("new ready running exit"). */
const char *tk_path(const tk_run *r, const char *name, char *buf, size_t size);
/* The shipped scenarios, as paths relative to the source directory
 * ("scenarios/tour.yaml", "scenarios/policies/rr.yaml", ...), sorted.
 * Returns how many (at most max). */
#define TK_PATH 256
int tk_shipped_scenarios(char (*paths)[TK_PATH], int max);

/* Index of the first transition of `name` into state `to` at or after
 * transition index `from`, or -1. */
long tk_find(const tk_run *r, const char *name, ps_state to, size_t from);

#endif
