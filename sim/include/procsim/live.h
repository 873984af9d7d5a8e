/* live.h — live mode: every simulated process is a real child process.
 *
 * The engine stays the scheduler and the authority on what should happen;
 * this backend makes it happen on real processes and records each
 * transition only when the kernel (or the child, through its status pipe)
 * confirms it.  Ready processes are held stopped (SIGSTOP); dispatch is
 * SIGCONT; timeout and suspend are SIGSTOP; kill is SIGTERM, then SIGKILL.
 * Children are forked by procsim itself, also for a scenario's `spawn` (the
 * model's parent/child relation is kept by the model; the real parent of
 * every child is procsim, so none escapes its waiting), and never exec
 * anything: a scenario cannot make procsim run a program.
 *
 * What each op does for real (docs/live.md):
 *   cpu N      burns N ticks of the child's own CPU clock
 *   add V N    reads and writes V in memory shared by all children
 *   send/recv  8-byte values through a real pipe per channel
 *   lock/unlock  a process-shared robust pthread mutex
 *   io, sleep, wait   the child blocks in read() until procsim answers
 *   exit C     _exit(C)
 * and suspension pages the child's working set out (process_madvise
 * MADV_PAGEOUT on a file-backed mapping), so its RSS really drops.
 *
 * Living in a host program (the CLI, the GUI, a test):
 *  - the backend blocks SIGCHLD, SIGINT, SIGTERM, SIGHUP and SIGQUIT in
 *    the calling thread (pthread_sigmask) while it exists and reads them
 *    through a signalfd: an interrupt makes ps_live_step return
 *    PS_STEP_INTERRUPTED.  Create, step and destroy it from that one
 *    thread, which must outlive it (a child dies with the thread that
 *    forked it: PR_SET_PDEATHSIG; so it dies with procsim even when that
 *    is SIGKILLed);
 *  - it waits only for its own children, each through its pidfd: a child
 *    the host forked itself keeps its exit status for the host's waitpid.
 *    The host must not wait for any child (waitpid(-1)) while the backend
 *    exists, or it may take one of the backend's.  SIGCHLDs that come
 *    meanwhile are read by the backend; if any came, destroy leaves one
 *    pending, so a host that listens for SIGCHLD still hears;
 *  - with SIGCHLD ignored (SIG_IGN, SA_NOCLDWAIT) the kernel would reap
 *    the children unseen: ps_live_create refuses;
 *  - a child held stopped (Ready) that someone else continues (SIGCONT,
 *    Ctrl-Z then fg) is stopped again, and the host told
 *    (ps_live_set_restop_listener);
 *  - no handler the host installed runs in a child: each is forked with
 *    every signal blocked, resets every handler, then takes the mask the
 *    host had before ps_live_create, SIGTERM unblocked (a kill is a
 *    SIGTERM).
 * Destroying the backend kills and reaps every child and restores the
 * signal mask and SIGPIPE's action, also after a failed create.  Linux
 * only.
 */
#ifndef PROCSIM_LIVE_H
#define PROCSIM_LIVE_H

#include <stdint.h>
#include <sys/types.h>

#include "procsim/engine.h"
#include "procsim/real.h"

typedef struct ps_live ps_live;

/* Set up shared memory, channels and signal handling for `e`, which must
 * have done no step yet and must outlive the backend.  The backend takes
 * over the engine's listeners.  Returns NULL with a message in err (the
 * step that failed and why, or why live mode refuses: SIGCHLD ignored, a
 * tick_ms outside PS_TICK_MS_MIN..PS_TICK_MS_MAX), having undone
 * everything. */
ps_live *ps_live_create(ps_engine *e, ps_error *err);
/* Kill and reap every child, free everything, restore the signal mask.
 * After an interrupt, the interrupts still pending are read first (they
 * repeat it): restoring the mask does not deliver them.  Accepts NULL. */
void ps_live_destroy(ps_live *l);

void ps_live_set_listener(ps_live *l, ps_live_fn fn, void *ctx);
/* Override the scenario's tick_ms before the first step: 0, or -1 (and
 * nothing changes) if ms is not in PS_TICK_MS_MIN..PS_TICK_MS_MAX, the
 * one range of tick_ms (scenario.h). */
int ps_live_set_tick_ms(ps_live *l, int64_t ms);
int64_t ps_live_tick_ms(const ps_live *l);

/* Wait for the wall clock to reach the next instant (tick_ms per tick) and
 * for the children to finish the CPU work due by then, step the engine,
 * and carry out its decisions on the children.  Times on the wall clock
 * saturate at INT64_MAX ns (292 years): an instant later than that is
 * waited for until interrupted, a burn longer than that burns as long.
 * Returns the engine's
 * status, PS_STEP_INTERRUPTED on SIGINT/SIGTERM/SIGHUP/SIGQUIT, or
 * PS_STEP_FAILED (fork failed, a child broke the protocol...) with the
 * reason in ps_live_error.  After either of those, only destroy. */
ps_step_status ps_live_step(ps_live *l);
/* Why the run failed, in `lang` (English or Korean); "" if it did not. */
const char *ps_live_error(const ps_live *l, ps_lang lang);

/* Has procsim been asked to stop (SIGINT, SIGTERM, SIGHUP, SIGQUIT, which
 * the backend holds while it exists)?  Checks without sleeping, so a
 * frame loop can call it every frame; it also stops again the children
 * someone else continued (ps_live_restop), waiting for their stops. */
int ps_live_interrupted(ps_live *l);
/* Nanoseconds until the next instant is due on the wall clock (<= 0: due
 * now; at most INT64_MAX), so that a frame loop can call ps_live_step only
 * then; -1 if nothing is pending. */
int64_t ps_live_due_ns(const ps_live *l);
/* Pause (1) or go on (0): while paused the wall clock does not count
 * towards the next instant (children already running finish their op). */
void ps_live_pause(ps_live *l, int paused);
/* The user's interventions in live mode: ps_engine_suspend/resume/kill,
 * carried out on the real process before returning (real signals). */
int ps_live_suspend(ps_live *l, uint32_t pid);
int ps_live_resume(ps_live *l, uint32_t pid);
int ps_live_kill(ps_live *l, uint32_t pid);

/* The real pid of process `pid`, 0 if it has none (yet, or any more). */
pid_t ps_live_os_pid(const ps_live *l, uint32_t pid);
/* How the real process `pid` ended, as waitid decoded it: returns 0 and
 * sets *code (exit status) or *signo (killing signal, else 0), or -1 if
 * it has not ended (or never started). */
int ps_live_exit(const ps_live *l, uint32_t pid, int *code, int *signo);
/* The real descriptors of process `pid` now (ps_live_fd, real.h), by
 * number: writes the lowest max of them, returns how many there are; -1
 * if it has no live child or its /proc cannot be read.  The children of
 * procsim hold the pipes of its protocol beside the channels'
 * (docs/live.md). */
int ps_live_open_fds(const ps_live *l, uint32_t pid, ps_live_fd *out, int max);
/* A shared variable's value in the children's real shared memory; a
 * private one's (each child's own memory, gone with it): the model's copy
 * of pid 1, which each real add of it matched or a divergence was counted
 * (ps_live_divergences). */
int64_t ps_live_variable(const ps_live *l, uint32_t var);
/* How many times a real value (received, read by an add) differed from
 * the model's: 0 unless the kernel and the model disagreed (docs/live.md
 * lists the cases). */
uint32_t ps_live_divergences(const ps_live *l);
/* The first of them in words, in `lang` ("r2 did not receive within 5 s
 * and was killed"), or "". */
const char *ps_live_warning(const ps_live *l, ps_lang lang);
/* A real process the model holds stopped (Ready, Ready/Suspend,
 * Blocked/Suspend) that something else continued: a SIGCONT from outside,
 * or `fg` after Ctrl-Z of procsim, which continues its whole process
 * group.  procsim stops it again as soon as it hears of it (waitid's
 * "continued": within 100 ms, while it paces the run or is asked
 * ps_live_interrupted) and tells the host, once each time. */
typedef struct ps_live_restop {
    uint32_t pid;      /* the model's process */
    uint8_t model;     /* ps_state the model holds it in */
    pid_t os_pid;
    int64_t wall_us;   /* when it was stopped again, as in ps_live_event */
} ps_live_restop;
typedef void (*ps_live_restop_fn)(void *ctx, const ps_live_restop *r);
/* Called from ps_live_step, the interventions and ps_live_interrupted,
 * once the child is stopped again. */
void ps_live_set_restop_listener(ps_live *l, ps_live_restop_fn fn, void *ctx);
/* How many times a child was stopped again so far. */
uint32_t ps_live_restops(const ps_live *l);
/* Bytes of working set per memory unit. */
#define PS_LIVE_UNIT_BYTES (64 * 1024)

#endif
