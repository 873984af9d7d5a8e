/* trace_sample.c — the sample: the states of Running, Ready and Blocked
 * from /proc, the exits the events told of, zombies and their reaping,
 * and the end of the run (docs/trace.md, "States").
 *
 * Each sample is one tick of the observed engine.  For every task of a
 * live process: its letter, its CPU and its schedstat times, and their
 * growth since the sample before.  A task that is R ran (Running) if it
 * ran at least as long as it waited for a CPU over the period, else it is
 * Ready; S or D is Blocked; T or t is stopped (the suspend states come
 * from the stop events, or in the fallback from this letter).  A process
 * is its busiest thread: Running over Ready over Blocked.  Of the
 * processes of the tree that ran on one real CPU, the one that ran the
 * longest is Running and the others are Ready, waiting for it.
 *
 * The engine's table allows one step at a time, so a move the evidence
 * implies in one sample is made as the legal path it implies, all in
 * this tick: Ready -> Blocked is a dispatch (RAN_BETWEEN) and a wait;
 * Blocked at both samples, having got a CPU between them (its schedstat
 * slices grew), a wake, a dispatch (RAN_BETWEEN) and a wait;
 * Blocked -> Running a wake and a dispatch; Blocked -> Ready a wake; and
 * an exit is the path to Running and a release, or for a process killed
 * by a signal a kill from wherever it is.  Moves are made in an order
 * that frees CPUs before taking them: leaving Running first, then exits,
 * then the moves that pass through Running, then into Running.  A pass
 * through Running when every CPU is held borrows one (its holder is
 * preempted and dispatched again).  Anything the engine refuses is a bug
 * of this file, and the run fails with it.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "trace_driver.h"


static ps__pwant *wants(ps_trace *t)
{
    while (t->scratch.len < t->procs.len)
        if (!ps__vec_push(&t->scratch)) {
            t->nomem = 1;
            return NULL;
        }
    return t->scratch.data;
}

/* ---- reading -------------------------------------------------------------- */

static int rank(ps__want w)
{
    switch (w) {
    case PS__W_NONE: return 0;
    case PS__W_STOPPED: return 1;
    case PS__W_BLOCKED: return 2;
    case PS__W_READY: return 3;
    case PS__W_RUNNING: return 4;
    }
    return 0;
}

static ps__want task_want(const ps__ttask *k)
{
    switch (k->s.state) {
    case 'R':
        return k->d_run >= k->d_wait ? PS__W_RUNNING : PS__W_READY;
    case 'S':
    case 'D':
    case 'I':
        return PS__W_BLOCKED;
    case 'T':
    case 't':
        return PS__W_STOPPED;
    default:
        return PS__W_NONE; /* Z, X: a thread on its way out */
    }
}

static void read_task(ps_trace *t, ps__ttask *k)
{
    ps__tproc *p = ps__proc_at(t, k->proc);
    if (k->fd.stat < 0 && ps__taskfd_open(&k->fd, p->pid, k->tid)) {
        k->s.state = 0;
        return;
    }
    if (ps__task_read(&k->fd, &k->s)) {
        k->s.state = 0;
        return;
    }
    k->d_run = k->s.run_ns - (k->have_prev ? k->prev_run : 0);
    k->d_wait = k->s.wait_ns - (k->have_prev ? k->prev_wait : 0);
    k->d_slices = k->have_prev && k->s.slices > k->prev_slices ? k->s.slices - k->prev_slices : 0;
    k->prev_run = k->s.run_ns;
    k->prev_wait = k->s.wait_ns;
    k->prev_slices = k->s.slices;
    k->have_prev = 1;
}

/* Every live task read; each process's want from its threads. */
static void read_all(ps_trace *t, ps__pwant *w)
{
    PS__EACH_UNSETTLED(t, i)
        w[i] = (ps__pwant){.want = PS__W_NONE, .cpu = -1, .task = -1};
    size_t kept = 0; /* the tasks gone since the last sample leave the list */
    for (size_t j = 0; j < t->live_tasks.len; j++) {
        size_t i = PS__VEC_AT(&t->live_tasks, size_t, j);
        ps__ttask *k = ps__task_at(t, i);
        if (k->gone)
            continue;
        PS__VEC_AT(&t->live_tasks, size_t, kept++) = i;
        if (k->proc < 0 || !k->attached)
            continue;
        ps__tproc *p = ps__proc_at(t, k->proc);
        if (p->ended)
            continue;
        read_task(t, k);
        if (!k->s.state)
            continue;
        ps__pwant *pw = &w[k->proc];
        ps__want kw = task_want(k);
        int main_task = k->tid == p->pid;
        if (main_task) {
            p->kstate = k->s.state;
            p->rss_kb = k->s.rss_kb;
            p->ppid = k->s.ppid && !p->adopted ? k->s.ppid : p->ppid;
        }
        /* a live thread beats a stopped one (rank); of two blocked ones
           the main thread says why, of two running ones the busier */
        if (rank(kw) > rank((ps__want)pw->want) ||
            (kw == pw->want && kw == PS__W_BLOCKED && main_task) ||
            (kw == pw->want && kw == PS__W_RUNNING && k->d_run > pw->run)) {
            pw->want = (uint8_t)kw;
            pw->task = (ssize_t)i;
            pw->cpu = k->s.cpu;
            pw->run = k->d_run;
            pw->ran = k->d_slices > 0;
            pw->letter = k->s.state;
        }
    }
    t->live_tasks.len = kept;
    /* per-process totals, for the PCB panel */
    PS__EACH_UNSETTLED(t, i) {
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (w[i].task >= 0 && !p->ended) {
            ps__ttask *k = ps__task_at(t, (size_t)w[i].task);
            p->last_cpu = k->s.cpu;
            p->run_ns = k->s.run_ns;
            p->wait_ns = k->s.wait_ns;
        }
    }
}

/* Of the processes of the tree that ran on one real CPU, the one that ran
 * longest keeps it; the others waited for it.  A process that waited
 * more than it ran is Ready, unless it shares its CPU with others of the
 * tree and ran the longest of them: each of three that take turns on one
 * CPU waits twice as long as it runs, and one of them is on the CPU. */
static void one_per_cpu(ps_trace *t, ps__pwant *w)
{
    if (!t->best_cpu && !(t->best_cpu = calloc(2 * CPU_SETSIZE, sizeof *t->best_cpu))) {
        t->nomem = 1;
        return;
    }
    int32_t *best = t->best_cpu;            /* index + 1 of the busiest on each CPU */
    int32_t *sharing = best + CPU_SETSIZE;  /* how many of the tree ran there */
    memset(best, 0, 2 * CPU_SETSIZE * sizeof *best);
    PS__EACH_UNSETTLED(t, i) {
        int runnable = w[i].want == PS__W_RUNNING || w[i].want == PS__W_READY;
        if (!runnable || w[i].run <= 0 || w[i].cpu < 0 || w[i].cpu >= CPU_SETSIZE)
            continue;
        int32_t *b = &best[w[i].cpu];
        sharing[w[i].cpu]++;
        if (!*b || w[i].run > w[*b - 1].run)
            *b = (int32_t)i + 1;
    }
    PS__EACH_UNSETTLED(t, i) {
        int32_t c = w[i].cpu;
        if (c < 0 || c >= CPU_SETSIZE || !best[c])
            continue;
        if (best[c] == (int32_t)i + 1) {
            if (sharing[c] > 1)
                w[i].want = PS__W_RUNNING;
            continue;
        }
        if (w[i].want == PS__W_RUNNING || (w[i].want == PS__W_READY && !w[i].winner)) {
            w[i].want = PS__W_READY;
            w[i].winner = ps__proc_at(t, best[c] - 1)->slot;
        }
    }
}

/* ---- CPUs of the engine ---------------------------------------------------- */

static int32_t cpu_index(const ps_trace *t, int32_t real)
{
    for (uint32_t i = 0; i < t->ncpus; i++)
        if (t->cpu_ids[i] == real)
            return (int32_t)i;
    return -1;
}

/* A free engine CPU, the real CPU's own if it is free; -1 if none. */
static int32_t free_cpu(const ps_trace *t, int32_t real)
{
    int32_t own = cpu_index(t, real);
    if (own >= 0 && ps_engine_cpu(t->e, (uint32_t)own)->pid == 0)
        return own;
    for (uint32_t i = 0; i < t->ncpus; i++)
        if (ps_engine_cpu(t->e, i)->pid == 0)
            return (int32_t)i;
    return -1;
}

/* A CPU for a pass through Running (p ran between samples): a free one,
 * else one whose holder is preempted for it (and dispatched again by the
 * last phase if it still runs). */
static int32_t borrow_cpu(ps_trace *t, ps__tproc *p, int32_t real)
{
    int32_t c = free_cpu(t, real);
    if (c >= 0)
        return c;
    int32_t own = cpu_index(t, real);
    c = own >= 0 ? own : 0;
    uint32_t holder = ps_engine_cpu(t->e, (uint32_t)c)->pid;
    ps__tproc *h = ps__slot_proc(t, holder);
    if (!h || ps__move(t, h, PS_READY, PS_EV_PREEMPT,
                           PS_CAUSE_WAITING_CPU, p->slot, real, 0))
        return -1;
    return c;
}

/* ---- moves -------------------------------------------------------------- */

/* The call a task the sample found sleeping is in.  It may have been
 * woken between the stat and the syscall file ("running"): a task that
 * sleeps again soon (a ping-pong pair, a loop of reads) is read again,
 * a few times while stat says it sleeps; if it never holds still, the
 * call it was last seen sleeping in is taken (it sleeps again and again
 * in the same read), else its cause would be only KERNEL_WAIT.  0, or -1
 * if it is in no call. */
#define PS__SYSCALL_TRIES 4
static int sleeping_call(ps__ttask *k, ps__task_syscall *sc)
{
    for (int i = 0; i < PS__SYSCALL_TRIES; i++) {
        if (ps__task_syscall_read(&k->fd, sc) == 0) {
            k->last_sc = *sc;
            k->have_sc = 1;
            return 0;
        }
        ps__task_sample s;
        if (i + 1 < PS__SYSCALL_TRIES &&
            (ps__task_read(&k->fd, &s) || (s.state != 'S' && s.state != 'D')))
            sched_yield(); /* running now: let it get to its next sleep */
    }
    if (!k->have_sc)
        return -1;
    *sc = k->last_sc;
    return 0;
}

/* The cause of a Blocked process, from its task's call. */
static void blocked_cause(ps_trace *t, ps__tproc *p, const ps__pwant *w, ps__why *why)
{
    ps__ttask *k = ps__task_at(t, (size_t)w->task);
    ps__task_syscall sc;
    int in_call = sleeping_call(k, &sc) == 0;
    if (!t->tree_ok) { /* once a sample, when someone blocks */
        t->tree_ok = 1;
        t->tree.len = 0;
        PS__EACH_UNSETTLED(t, i) {
            ps__tproc *q = ps__proc_at(t, (int32_t)i);
            pid_t *slot = !q->ended ? ps__vec_push(&t->tree) : NULL;
            if (slot)
                *slot = q->pid;
        }
    }
    ps__why_blocked(p->pid, k->tid, w->letter, in_call ? &sc : NULL, t->tree.data, t->tree.len,
                    why);
    if (why->peer_is_a)
        why->a = ps__slot_of_pid(t, (pid_t)why->a);
    memcpy(p->syscall, why->syscall, sizeof p->syscall);
    ps__task_wchan(p->pid, k->tid, p->wchan, sizeof p->wchan);
}

static int real_cpu(const ps__tproc *p, const ps__pwant *w)
{
    return w->cpu >= 0 ? w->cpu : p->last_cpu >= 0 ? p->last_cpu : 0;
}

/* Leaving Running: to Ready (its time ran out, or another process of the
 * tree took its CPU) or to Blocked. */
static void leave_running(ps_trace *t, ps__tproc *p, const ps__pwant *w)
{
    if (w->want == PS__W_READY) {
        ps_event ev = w->winner ? PS_EV_PREEMPT : PS_EV_TIMEOUT;
        ps__move(t, p, PS_READY, ev, PS_CAUSE_WAITING_CPU, w->winner, real_cpu(p, w), 0);
    } else if (w->want == PS__W_BLOCKED) {
        ps__why why;
        blocked_cause(t, p, w, &why);
        ps__move(t, p, PS_BLOCKED, PS_EV_WAIT, why.cause, why.a, why.b, 0);
    }
}

/* Through Running and on: Ready -> Blocked; Blocked -> Ready. */
static void pass(ps_trace *t, ps__tproc *p, const ps__pwant *w, ps_state st)
{
    if (st == PS_READY && w->want == PS__W_BLOCKED) {
        int32_t c = borrow_cpu(t, p, real_cpu(p, w));
        if (c < 0)
            return;
        ps__why why;
        blocked_cause(t, p, w, &why);
        if (ps__move(t, p, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_RAN_BETWEEN, real_cpu(p, w), 0,
                     (uint32_t)c) == 0)
            ps__move(t, p, PS_BLOCKED, PS_EV_WAIT, why.cause, why.a, why.b, 0);
    } else if (st == PS_BLOCKED && (w->want == PS__W_READY || w->want == PS__W_RUNNING)) {
        ps__move(t, p, PS_READY, PS_EV_WAKE, PS_CAUSE_WOKEN, 0, 0, 0);
    } else if (st == PS_BLOCKED && w->want == PS__W_BLOCKED && w->ran) {
        /* Blocked at both samples, but it got a CPU between them: it was
           woken, ran and blocked again (a ping-pong pair) */
        int32_t c = -1;
        ps__why why;
        blocked_cause(t, p, w, &why);
        if (ps__move(t, p, PS_READY, PS_EV_WAKE, PS_CAUSE_WOKEN, 0, 0, 0) == 0 &&
            (c = borrow_cpu(t, p, real_cpu(p, w))) >= 0 &&
            ps__move(t, p, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_RAN_BETWEEN, real_cpu(p, w), 0,
                     (uint32_t)c) == 0)
            ps__move(t, p, PS_BLOCKED, PS_EV_WAIT, why.cause, why.a, why.b, 0);
    }
    /* Blocked on and on (maybe in another call), and it did not run: no
       move; ps_trace_proc_info reads the call it is in now when asked */
}

static void into_running(ps_trace *t, ps__tproc *p, const ps__pwant *w)
{
    int32_t c = free_cpu(t, real_cpu(p, w));
    if (c < 0)
        return; /* every CPU is taken by the tree (it runs on others too): stays Ready */
    ps__move(t, p, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_ON_CPU, real_cpu(p, w), 0, (uint32_t)c);
}

/* An ended process to Exit.  b: the parent that has not reaped it. */
static void exit_move(ps_trace *t, ps__tproc *p)
{
    p->exit_moved = 1;
    if (!p->slot)
        return;
    ps_engine_observe_end(t->e, p->slot, p->exit_code, p->term_sig);
    uint32_t parent = 0;
    if (!p->reaped && !p->adopted && p->ppid != t->self)
        parent = ps__slot_of_pid(t, p->ppid);
    ps_state st = ps__state(t, p);
    if (p->term_sig) {
        if (p->user_kill)
            ps__move(t, p, PS_EXIT, PS_EV_KILL, PS_CAUSE_USER_KILL, 0, 0, 0);
        else
            ps__move(t, p, PS_EXIT, PS_EV_KILL, PS_CAUSE_KILLED_BY, p->term_sig, parent, 0);
        return;
    }
    int cpu = p->last_cpu >= 0 ? p->last_cpu : 0;
    if (st == PS_NEW) {
        ps__move(t, p, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0);
        st = PS_READY;
    }
    if (st == PS_READY_SUSPENDED || st == PS_BLOCKED_SUSPENDED) {
        ps__move(t, p, st == PS_READY_SUSPENDED ? PS_READY : PS_BLOCKED, PS_EV_ACTIVATE,
                 PS_CAUSE_CONTINUED_BY, p->cont_from, SIGCONT, 0);
        st = st == PS_READY_SUSPENDED ? PS_READY : PS_BLOCKED;
    }
    if (st == PS_BLOCKED) {
        ps__move(t, p, PS_READY, PS_EV_WAKE, PS_CAUSE_WOKEN, 0, 0, 0);
        st = PS_READY;
    }
    if (st == PS_READY) {
        int32_t c = borrow_cpu(t, p, cpu);
        if (c < 0 || ps__move(t, p, PS_RUNNING, PS_EV_DISPATCH, PS_CAUSE_RAN_BETWEEN, cpu, 0,
                              (uint32_t)c))
            return;
    }
    ps__move(t, p, PS_EXIT, PS_EV_RELEASE, PS_CAUSE_EXIT_STATUS, p->exit_code, parent, 0);
}

/* ---- zombies, reaping, the end ------------------------------------------- */

static void check_reaped(ps_trace *t, ps__tproc *p)
{
    if (!p->ended || p->reaped || !ps__reaped_now(p))
        return; /* a zombie still */
    ps__reaped(t, p, p->adopted || p->ppid == t->self ? 0 : (int32_t)ps__slot_of_pid(t, p->ppid));
}

static void linger(ps_trace *t)
{
    if (!t->root_ended || t->linger_done || t->o.linger_ms < 0 ||
        ps__now_ns() - t->root_end_ns < t->o.linger_ms * 1000000)
        return;
    t->linger_done = 1;
    uint32_t n = 0;
    PS__EACH_UNSETTLED(t, i) {
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (p->ended)
            continue;
        n++;
        if (p->pidfd >= 0)
            syscall(SYS_pidfd_send_signal, p->pidfd, SIGKILL, NULL, 0);
        else
            kill(p->pid, SIGKILL);
    }
    if (n) {
        char ms[24];
        snprintf(ms, sizeof ms, "%lld", (long long)t->o.linger_ms);
        t->info.killed_at_end += n;
        ps__warn(t, PS_TW_LINGER, n, ms);
    }
}

/* The processes settled at the calls before leave the list (those of this
 * call stay for the sample's last look at them). */
static void drop_settled(ps_trace *t)
{
    size_t kept = 0;
    for (size_t j = 0; j < t->unsettled.len; j++) {
        int32_t i = PS__VEC_AT(&t->unsettled, int32_t, j);
        if (!ps__proc_at(t, i)->reap_noted)
            PS__VEC_AT(&t->unsettled, int32_t, kept++) = i;
    }
    t->unsettled.len = kept;
}

void ps__settle(ps_trace *t)
{
    int all = t->root_ended;
    drop_settled(t);
    PS__EACH_UNSETTLED(t, i) {
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (p->ended && !p->exit_moved)
            exit_move(t, p);
        check_reaped(t, p);
        if (p->reaped && p->exit_moved && !p->reap_noted) {
            p->reap_noted = 1;
            ps__note(t, p, PS_TN_REAPED, p->reaped_by, 0, "", 0);
            if (p->slot)
                ps_engine_observe_reaped(t->e, p->slot);
        }
        all &= p->reap_noted;
    }
    for (size_t j = 0; j < t->live_tasks.len && all; j++) { /* a task whose process is unknown */
        const ps__ttask *k = ps__task_at(t, PS__VEC_AT(&t->live_tasks, size_t, j));
        all = k->proc >= 0 || k->gone;
    }
    linger(t);
    if (all)
        t->done = 1;
}

/* ---- the sample --------------------------------------------------------- */

/* Held where the model has it: stopped, or about to be by procsim's own
 * SIGSTOP (the kernel wakes a sleeper to deliver it, and a sample taken
 * before the stop is reported would see it runnable: its suspend is from
 * the state it was in when procsim asked). */
static int held(const ps__tproc *p)
{
    return p->stopped || p->user_stop;
}

/* The exits not yet moved, in the order they happened (a shell and the
 * child it waited for end in the same sample: the child first). */
static void exits_in_order(ps_trace *t)
{
    for (;;) {
        ps__tproc *first = NULL;
        PS__EACH_UNSETTLED(t, i) {
            ps__tproc *p = ps__proc_at(t, (int32_t)i);
            if (p->ended && !p->exit_moved && (!first || p->ended_us < first->ended_us))
                first = p;
        }
        if (!first)
            return;
        exit_move(t, first);
        if (!first->exit_moved)
            return; /* it could not move (a failed run): do not spin */
    }
}

static void apply(ps_trace *t, ps__pwant *w)
{
    PS__EACH_UNSETTLED(t, i) { /* leaving Running */
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (!p->ended && !held(p) && ps__state(t, p) == PS_RUNNING &&
            w[i].want != PS__W_RUNNING && w[i].want != PS__W_NONE && w[i].want != PS__W_STOPPED)
            leave_running(t, p, &w[i]);
    }
    exits_in_order(t); /* (they may free CPUs too) */
    PS__EACH_UNSETTLED(t, i) { /* through Running, and wakes */
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (p->ended || held(p) || w[i].want == PS__W_NONE || w[i].want == PS__W_STOPPED)
            continue;
        ps__admit(t, p);
        pass(t, p, &w[i], ps__state(t, p));
    }
    PS__EACH_UNSETTLED(t, i) { /* into Running */
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (!p->ended && !held(p) && w[i].want == PS__W_RUNNING &&
            ps__state(t, p) == PS_READY)
            into_running(t, p, &w[i]);
    }
}

/* The fallback has no stop events: the letter says it (fallback only). */
static void stops_by_letter(ps_trace *t, const ps__pwant *w)
{
    PS__EACH_UNSETTLED(t, i) {
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (p->ended)
            continue;
        if (w[i].want == PS__W_STOPPED && !p->stopped)
            ps__stopped(t, p);
        else if (p->stopped && w[i].want != PS__W_STOPPED && w[i].want != PS__W_NONE)
            ps__continued(t, p);
    }
}

/* The period a sample that took `took` needs (whole ms, at most the
 * largest period). */
static int64_t needed_ms(int64_t took)
{
    int64_t ms = (took * 100 / PS__STRETCH_PCT + 999999) / 1000000;
    return ms > PS_TRACE_SAMPLE_MS_MAX ? PS_TRACE_SAMPLE_MS_MAX : ms;
}

/* A stretched period comes back towards the asked one while samples are
 * cheap again (within half their share): halved each such sample, never
 * below the asked period nor below what this sample needed. */
static void relax(ps_trace *t, int64_t took)
{
    if (t->period_ns <= t->asked_ns || took * 200 > t->period_ns * PS__STRETCH_PCT)
        return;
    int64_t ns = t->period_ns / 2, need = needed_ms(took) * 1000000;
    if (ns < need)
        ns = need;
    ns = ns / 1000000 * 1000000; /* whole ms, as asked */
    if (ns < t->asked_ns)
        ns = t->asked_ns;
    t->period_ns = ns;
    t->info.sample_ms = ns / 1000000;
}

static void stretch(ps_trace *t, int64_t took)
{
    if (took * 100 <= t->period_ns * PS__STRETCH_PCT) {
        relax(t, took);
        return;
    }
    int64_t ms = needed_ms(took);
    if (ms * 1000000 <= t->period_ns)
        return;
    if (!t->slow_warned) {
        char us[24];
        snprintf(us, sizeof us, "%lld", (long long)(took / 1000));
        t->slow_warned = 1;
        ps__warn(t, PS_TW_SLOW_SAMPLE, t->period_ns / 1000000, us);
    }
    t->period_ns = ms * 1000000;
    t->info.sample_ms = ms;
}

void ps__sample(ps_trace *t)
{
    int64_t t0 = ps__now_ns();
    t->tick++;
    t->tree_ok = 0;
    ps__pwant *w = wants(t);
    if (!w)
        return;
    t->in_sample = 1;
    ps_engine_observe_time(t->e, t->tick);
    t->rep = PS_REP_PROC;
    if (t->sampled) {
        ps__fallback_scan(t);
        if (!(w = wants(t))) { /* new processes: room for them */
            t->in_sample = 0;
            return;
        }
    }
    read_all(t, w);
    one_per_cpu(t, w);
    if (t->sampled)
        stops_by_letter(t, w);
    apply(t, w);
    t->rep = PS_REP_PIDFD;
    ps__settle(t);
    PS__EACH_UNSETTLED(t, i) {
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (p->slot)
            ps_engine_observe(t->e, p->slot, p->ended ? (p->reaped ? 0 : 'Z') : p->kstate,
                              p->ended ? 0 : p->rss_kb);
    }
    t->in_sample = 0;
    int64_t took = ps__now_ns() - t0;
    t->info.samples++;
    t->info.sampling_ns += took;
    if (took > t->info.sample_max_ns)
        t->info.sample_max_ns = took;
    stretch(t, took);
    t->next_ns += t->period_ns;
    int64_t now = ps__now_ns();
    if (t->next_ns < now)
        t->next_ns = now; /* late (a busy machine): no burst of catching up */
}
