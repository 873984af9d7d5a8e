/* testkit.h — helpers shared by the cmocka suites: load a scenario from a
 * YAML string, run it to the end while recording every transition and
 * checking each against the legal-transition table.
 *
 * Runs go instant by instant under a step budget (tk_step_budget): an
 * engine whose loop never ends fails the test at once with a message
 * saying so, instead of hanging until ctest's timeout.  An endless loop
 * inside one instant cannot be counted in steps: a watchdog
 * (tk_watchdog) ends the test program with a message instead. */
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
/* The shipped scenario `rel` (under the source tree) with its `cpus: auto`
 * replaced by `cpus: N`: a test copy for a machine of N CPUs. */
ps_scenario *tk_load_with_cpus(const char *rel, int cpus);
/* Load, create, run to the end (until < 0) or tick `until`, as
 * ps_engine_run does, but failing the test if the run takes more instants
 * than the step budget allows. */
void tk_run_yaml(tk_run *r, const char *yaml, int64_t until);
void tk_run_scenario(tk_run *r, ps_scenario *s, int64_t until);
/* Go on with a run (until < 0: to the end), under a fresh budget; returns
 * the status, which is also left in r->status. */
ps_step_status tk_run_more(tk_run *r, int64_t until);
void tk_run_fini(tk_run *r);

/* The most instants a run of `s` may take: generous (a floor of 10000,
 * plus 100 per op, process and scripted event, plus 4 per tick of work
 * that is cut into one instant per tick or per quantum: add steps, cpu
 * under rr and mlfq, mlfq boosts).  The environment variable
 * PROCSIM_TEST_STEP_BUDGET, when set, overrides it (to show a failure). */
uint64_t tk_step_budget(const ps_scenario *s);
/* What tk_run_* do, with an explicit budget: step `e` as ps_engine_run(e,
 * until) would, but at most `budget` steps.  Returns the run's status, or
 * PS_STEP_OK if the budget ran out first; *steps (may be NULL) gets the
 * number of steps taken. */
ps_step_status tk_step_until(ps_engine *e, int64_t until, uint64_t budget, uint64_t *steps);
/* pid of a process by name (fails the test if there is none). */
uint32_t tk_pid(const tk_run *r, const char *name);
/* The causes of the first TK_DISPATCHES dispatches of a run of `yaml` to
 * its end, in English and Korean (the policy's "why" included); n how
 * many there were, at most TK_DISPATCHES.  Fails the test if the file
 * does not load or the run does not end. */
#define TK_DISPATCHES 4
typedef struct tk_dispatches {
    char en[TK_DISPATCHES][160], ko[TK_DISPATCHES][160];
    int n;
} tk_dispatches;
void tk_dispatch_causes(const char *yaml, tk_dispatches *out);
/* Does the space-separated list `tags` hold `tag` (a rule ID such as
 * "P-rr", matched whole)? */
int tk_has_tag(const char *tags, const char *tag);
/* The table-driven schedule tests: run(&table[i]) for every row whose
 * `rules` holds `tag`, failing if none does; TK_SCHEDULES(fn, tag) is
 * the test that runs them through the file's run_schedules_of. */
#define TK_RUN_TAGGED(table, run, tag)                                              \
    do {                                                                            \
        size_t ran_ = 0;                                                            \
        for (size_t i_ = 0; i_ < sizeof(table) / sizeof((table)[0]); i_++)          \
            if (tk_has_tag((table)[i_].rules, tag))                                 \
                run(&(table)[i_]), ran_++;                                          \
        if (!ran_)                                                                  \
            fail_msg("no schedule shows %s", tag);                                  \
    } while (0)
#define TK_SCHEDULES(fn, tag)                                                       \
    static void fn(void **state)                                                    \
    {                                                                               \
        (void)state;                                                                \
        run_schedules_of(tag);                                                      \
    }
/* The sequence of states a process went through, as tokens joined by
 * spaces ("new ready running exit"). */
const char *tk_path(const tk_run *r, const char *name, char *buf, size_t size);
/* The shipped scenarios, as paths relative to the source directory
 * ("scenarios/tour.yaml", "scenarios/policies/rr.yaml", ...), sorted.
 * Returns how many (at most max). */
#define TK_PATH 256
int tk_shipped_scenarios(char (*paths)[TK_PATH], int max);

/* Until tk_watchdog_off: if `seconds` pass, print that `what` has not
 * returned (an endless loop in the engine) and end the test program with
 * status 1.  tk_step_until arms it for TK_WATCHDOG_SECONDS around each
 * run; it is no time limit on correct runs, which take milliseconds. */
#define TK_WATCHDOG_SECONDS 30
void tk_watchdog(unsigned seconds, const char *what);
void tk_watchdog_off(void);

/* Call first in main(): with PROCSIM_TEST_FILTER set (a cmocka pattern
 * such as "rule_S3*"), only the tests it matches run. */
void tk_filter_from_env(void);

/* The transitions at tick `t`, in order, as "name>state" joined by
 * spaces ("u>new u>ready b>ready u>running"). */
const char *tk_moves(const tk_run *r, int64_t t, char *buf, size_t size);
/* The tick of the n-th (from 0) transition of `name` into `to`, or -1. */
int64_t tk_when(const tk_run *r, const char *name, ps_state to, int n);

/* Index of the first transition of `name` into state `to` at or after
 * transition index `from`, or -1. */
long tk_find(const tk_run *r, const char *name, ps_state to, size_t from);

#endif
