/* livekit.h — what the live-mode suites share (test_live.c,
 * test_live_host.c): run a scenario live to the end while recording every
 * confirmed transition, find one, read signal masks, and look for
 * processes left behind. */
#ifndef PROCSIM_LIVEKIT_H
#define PROCSIM_LIVEKIT_H

#include <signal.h>
#include <stdint.h>
#include <sys/types.h>

#include "testkit.h"
#include "procsim/live.h"

typedef struct live_run {
    ps_scenario *s;
    ps_engine *e;
    ps_live *l;
    ps_live_event *ev;   /* every confirmed transition, in order */
    size_t n, cap;
    ps_step_status status;
} live_run;

/* The listener lk_live sets: records every event into the live_run ctx. */
void lk_record(void *ctx, const ps_live_event *ev);
/* The backend for `s` at `tick_ms`, recording into r, not yet stepped
 * (lk_live_fini frees it and `s`). */
void lk_open(live_run *r, ps_scenario *s, int64_t tick_ms);
/* Run `s` live at `tick_ms` to the end; the backend is kept for queries
 * until lk_live_fini (which also frees `s`). */
void lk_live(live_run *r, ps_scenario *s, int64_t tick_ms);
void lk_live_fini(live_run *r);
/* A shipped scenario, by its path from the source directory. */
ps_scenario *lk_load(const char *rel);
/* The first transition of `pid` from `from` to `to` (fails the test if
 * there is none). */
const ps_live_event *lk_find(const live_run *r, uint32_t pid, ps_state from, ps_state to);
/* The live run ended done with the model's transitions, in order (time,
 * pid, states, event, cause); `what` names it in the failure. */
void lk_assert_same_trace(const live_run *r, const tk_run *m, const char *what);
/* Signal sets as bit masks, bit sig-1 for signals 1..64, the way
 * /proc/PID/status shows them. */
#define LK_SIG(sig) ((uint64_t)1 << ((sig) - 1))
/* The signals the backend holds for its signalfd while it exists. */
#define LK_BACKEND_SIGS \
    (LK_SIG(SIGCHLD) | LK_SIG(SIGINT) | LK_SIG(SIGTERM) | LK_SIG(SIGHUP) | LK_SIG(SIGQUIT))
/* The calling thread's signal mask. */
uint64_t lk_thread_mask(void);
/* A SigBlk, SigIgn or SigCgt line (`field`, without the colon) of
 * /proc/PID/status; fails the test if it cannot be read. */
uint64_t lk_proc_sigs(pid_t pid, const char *field);

/* /proc/PID/stat (PID a number, or "self") read into buf: the fields
 * after the command's name, from the state letter on ("S 1 ..."), or
 * NULL if it cannot be read. */
const char *lk_proc_stat(const char *pid, char *buf, size_t size);
/* The state letter of process `pid` (R, S, T, Z...), 0 if it has none. */
char lk_proc_letter(pid_t pid);

/* Children of `parent` still in the process table (any state): at most
 * `max` of them in out; returns how many. */
int lk_children_of(pid_t parent, pid_t *out, int max);
/* Wait (up to 10 s: PID 1 reaps orphans late) until none of `pids` is in
 * the process table any more, zombies included; fails the test if some
 * stay. */
void lk_assert_all_gone(const pid_t *pids, int n);

#endif
