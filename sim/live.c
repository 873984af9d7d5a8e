/* live.c — the live-mode driver: the engine decides, real child processes
 * carry it out, and each transition is recorded when the kernel confirms
 * it (docs/live.md).
 *
 * One step: wait until the wall clock reaches the next instant and the
 * children have burned the CPU time the model says is done by then; step
 * the engine, collecting its transitions and op events; carry them out in
 * order, each waiting for its confirmation (waitid for stops, continues
 * and exits; the status pipe for a child's own reports); hand each
 * confirmed transition to the listener.  Children that die unexpectedly
 * or overrun are recorded as killed.
 *
 * Waiting follows the rule in shared/TESTING.md: drain waitid(WNOHANG)
 * and the status pipe first, and only then block in poll on the signalfd.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "live_internal.h"

#define GRACE_NS (5 * 1000000000LL) /* how late a child may answer */
#define TERM_NS (500 * 1000000LL)   /* SIGTERM, then SIGKILL after this */

typedef struct child {
    pid_t pid;              /* 0: never started */
    int pidfd, cmd_fd;
    uint8_t alive;          /* started and not yet reaped */
    uint8_t stopped;        /* the kernel said stopped, not continued since */
    uint8_t paged_out;      /* working set paged out since it last ran */
    uint8_t died;           /* died when the model did not expect it */
    uint8_t expect_exit;    /* we told it to exit or killed it */
    char exit_letter;       /* /proc letter seen just before reaping (Z) */
    int death_signal;       /* signal that killed it, 0 if it exited */
    int exit_code;          /* its exit status, if it exited */
    uint32_t hello, blocking, done; /* messages received */
    uint32_t want_blocking, want_done; /* ... and owed for commands sent */
    int64_t value;          /* value of the last DONE */
    uint32_t cpu_pc;        /* op whose burn it was told to do */
    uint32_t cpu_want;      /* `done` count meaning that burn is over */
    int64_t cpu_due;        /* tick the model finishes that op, -1 */
    int64_t acted_ns;       /* when we last signalled or commanded it, 0 */
    uint8_t model;          /* ps_state as the model last said */
    void *ws_addr;
    size_t ws_offset, ws_bytes;
} child;

typedef struct action {
    int is_op;
    ps_trace_event tr;
    ps_op_event op;
} action;

typedef struct pidq {       /* model-order waiters on a channel or mutex */
    uint32_t *v;
    uint32_t n, cap;
} pidq;

struct ps_live {
    ps_engine *e;
    const ps_scenario *s;
    child *ch;
    uint32_t n;
    int status_rd, status_wr, sfd, ws_fd;
    int (*chan)[2];
    ps__shared shared;
    void *shared_map;
    size_t shared_len;
    pidq *chan_wait, *mtx_wait;
    uint32_t *chan_reader, *mtx_locker; /* who is really blocked on it */
    sigset_t old_mask;
    int64_t start_ns, tick_ns;
    action *act;
    size_t nact, cap, next_act;
    char msgbuf[sizeof(ps__msg)];
    size_t msglen;
    ps_live_event *pend;   /* confirmed, not yet handed to the listener */
    size_t npend, pendcap;
    ps_live_fn fn;
    void *ctx;
    int failed, interrupted, nomem;
    uint32_t divergences;
    char err[320];
};

static int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void fail(ps_live *l, const char *fmt, ...)
{
    if (l->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->err, sizeof l->err, fmt, ap);
    va_end(ap);
    l->failed = 1;
}

static const char *pname(const ps_live *l, uint32_t pid)
{
    return l->s->procs[pid - 1].name;
}

/* ---- collecting the engine's decisions -------------------------------- */

static void push_action(ps_live *l, const action *a)
{
    if (l->nact == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 64;
        action *nv = realloc(l->act, ncap * sizeof *nv);
        if (!nv) {
            l->nomem = 1;
            return;
        }
        l->act = nv;
        l->cap = ncap;
    }
    l->act[l->nact++] = *a;
}

static void on_transition(void *ctx, const ps_trace_event *ev)
{
    action a = {.is_op = 0, .tr = *ev};
    push_action(ctx, &a);
}

static void on_op(void *ctx, const ps_op_event *ev)
{
    action a = {.is_op = 1, .op = *ev};
    push_action(ctx, &a);
}

/* ---- hearing from the children ---------------------------------------- */

static child *by_os_pid(ps_live *l, pid_t pid)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (l->ch[i].pid == pid && l->ch[i].alive)
            return &l->ch[i];
    return NULL;
}

static void reaped(ps_live *l, child *c, const siginfo_t *si)
{
    c->exit_letter = ps__proc_state(c->pid); /* Z: exited, not yet reaped */
    siginfo_t done;
    while (waitid(P_PID, (id_t)c->pid, &done, WEXITED) < 0 && errno == EINTR)
        ;
    c->alive = 0;
    c->stopped = 0;
    c->death_signal = si->si_code == CLD_EXITED ? 0 : si->si_status;
    c->exit_code = si->si_code == CLD_EXITED ? si->si_status : 0;
    if (c->pidfd >= 0)
        close(c->pidfd);
    if (c->cmd_fd >= 0)
        close(c->cmd_fd);
    c->pidfd = c->cmd_fd = -1;
    if (!c->expect_exit)
        c->died = 1;
    (void)l;
}

/* Collect every state change the kernel has for us, without blocking. */
static void drain_waitid(ps_live *l)
{
    for (uint32_t guard = 0; guard < 4 * l->n + 16; guard++) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_ALL, 0, &si, WEXITED | WSTOPPED | WCONTINUED | WNOHANG | WNOWAIT) < 0) {
            if (errno == EINTR)
                continue;
            return; /* ECHILD: no children */
        }
        if (si.si_pid == 0)
            return;
        child *c = by_os_pid(l, si.si_pid);
        siginfo_t consume;
        switch (si.si_code) {
        case CLD_STOPPED:
        case CLD_TRAPPED:
            waitid(P_PID, (id_t)si.si_pid, &consume, WSTOPPED | WNOHANG);
            if (c)
                c->stopped = 1;
            break;
        case CLD_CONTINUED:
            waitid(P_PID, (id_t)si.si_pid, &consume, WCONTINUED | WNOHANG);
            if (c)
                c->stopped = 0;
            break;
        default: /* exited, killed, dumped */
            if (c)
                reaped(l, c, &si);
            else
                waitid(P_PID, (id_t)si.si_pid, &consume, WEXITED | WNOHANG);
            break;
        }
    }
}

static void on_message(ps_live *l, const ps__msg *m)
{
    if (m->index >= l->n)
        return;
    child *c = &l->ch[m->index];
    switch ((ps__msg_kind)m->kind) {
    case PS__MSG_HELLO:
        c->hello++;
        c->ws_addr = (void *)(uintptr_t)m->value;
        break;
    case PS__MSG_BLOCKING:
        c->blocking++;
        break;
    case PS__MSG_DONE:
        c->done++;
        c->value = m->value;
        break;
    }
}

static void drain_status(ps_live *l)
{
    for (;;) {
        ssize_t n = read(l->status_rd, l->msgbuf + l->msglen, sizeof l->msgbuf - l->msglen);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return;
        }
        l->msglen += (size_t)n;
        if (l->msglen == sizeof l->msgbuf) {
            ps__msg m;
            memcpy(&m, l->msgbuf, sizeof m);
            l->msglen = 0;
            on_message(l, &m);
        }
    }
}

static void drain_signals(ps_live *l)
{
    struct signalfd_siginfo si;
    while (read(l->sfd, &si, sizeof si) == (ssize_t)sizeof si)
        if (si.ssi_signo != SIGCHLD)
            l->interrupted = 1;
}

/* Take in everything pending; then, if `timeout_ns` > 0 and nothing came,
 * sleep in poll until something may have. */
static void pump(ps_live *l, int64_t timeout_ns)
{
    drain_signals(l);
    drain_waitid(l);
    drain_status(l);
    if (timeout_ns <= 0 || l->interrupted)
        return;
    struct pollfd fds[2] = {{l->status_rd, POLLIN, 0}, {l->sfd, POLLIN, 0}};
    int ms = (int)((timeout_ns + 999999) / 1000000);
    if (poll(fds, 2, ms > 1000 ? 1000 : ms) > 0) {
        drain_signals(l);
        drain_waitid(l);
        drain_status(l);
    }
}

/* ---- waiting for confirmations ---------------------------------------- */

typedef int (*cond_fn)(const child *c, uint32_t want);

static int has_done(const child *c, uint32_t want) { return c->done >= want; }
static int has_blocking(const child *c, uint32_t want) { return c->blocking >= want; }
static int has_hello(const child *c, uint32_t want) { return c->hello >= want; }
static int is_stopped(const child *c, uint32_t want) { return (void)want, c->stopped; }
static int is_running(const child *c, uint32_t want) { return (void)want, !c->stopped; }
static int is_gone(const child *c, uint32_t want) { return (void)want, !c->alive; }

static void kill_now(ps_live *l, child *c, int64_t limit_ns, int expected);

/* Pump until cond holds, the child is gone, or it overruns (then it is
 * killed).  Returns -1 only if procsim was interrupted. */
static int await(ps_live *l, child *c, cond_fn cond, uint32_t want, const char *what)
{
    int64_t deadline = mono_ns() + GRACE_NS;
    for (;;) {
        pump(l, 0);
        if (l->interrupted)
            return -1;
        if (!c->alive || cond(c, want))
            return 0;
        int64_t left = deadline - mono_ns();
        if (left <= 0) {
            fail(l, "%s did not %s within %lld s; killed", pname(l, (uint32_t)(c - l->ch) + 1),
                 what, (long long)(GRACE_NS / 1000000000));
            l->failed = 0; /* an overrun is recorded, not fatal */
            kill_now(l, c, TERM_NS, 0);
            return 0;
        }
        pump(l, left);
    }
}

/* Send a command, counting the BLOCKING and DONE messages it will bring,
 * so that waiting for them never depends on when they arrive. */
static void command(ps_live *l, child *c, ps__cmd_op op, uint32_t obj, int64_t n)
{
    ps__cmd cmd = {.op = op, .obj = obj, .n = n};
    c->acted_ns = mono_ns();
    if (op == PS__CMD_RECV || op == PS__CMD_LOCK || op == PS__CMD_BLOCK)
        c->want_blocking++;
    if (op != PS__CMD_BLOCK && op != PS__CMD_EXIT)
        c->want_done++;
    if (c->alive && ps__write_all(c->cmd_fd, &cmd, sizeof cmd))
        c->died = 1; /* its end is closed: it is dying; waitid will tell */
    (void)l;
}

static void sig(child *c, int signo)
{
    c->acted_ns = mono_ns();
    if (c->alive)
        ps__pidfd_signal(c->pidfd, signo);
}

/* SIGTERM (with SIGCONT, or a stopped child would never see it), then
 * SIGKILL if it is still there after limit_ns.  `expected`: the model
 * killed it; otherwise (an overrun) its death is news for the model. */
static void kill_now(ps_live *l, child *c, int64_t limit_ns, int expected)
{
    c->expect_exit = (uint8_t)expected;
    sig(c, SIGTERM);
    sig(c, SIGCONT);
    int64_t deadline = mono_ns() + limit_ns;
    while (c->alive && mono_ns() < deadline) {
        pump(l, deadline - mono_ns());
        if (l->interrupted)
            break;
    }
    if (c->alive) {
        sig(c, SIGKILL);
        while (c->alive) {
            int64_t d = mono_ns() + 1000000000;
            pump(l, d - mono_ns());
        }
    }
}

static void stop(ps_live *l, child *c)
{
    if (!c->alive || c->stopped)
        return;
    sig(c, SIGSTOP);
    await(l, c, is_stopped, 0, "stop");
}

static void cont(ps_live *l, child *c)
{
    if (!c->alive || !c->stopped)
        return;
    sig(c, SIGCONT);
    await(l, c, is_running, 0, "continue");
}

static void page_out(child *c)
{
    if (c->alive && c->ws_addr && c->ws_bytes && !ps__page_out(c->pidfd, c->ws_addr, c->ws_bytes))
        c->paged_out = 1;
}

/* ---- starting a child -------------------------------------------------- */

static void start_child(ps_live *l, uint32_t pid)
{
    child *c = &l->ch[pid - 1];
    int cmd[2];
    if (pipe2(cmd, O_CLOEXEC)) {
        fail(l, "cannot start %s: pipe: %s", pname(l, pid), strerror(errno));
        return;
    }
    c->ws_bytes = l->ws_fd >= 0 ? (size_t)l->s->procs[pid - 1].memory * PS_LIVE_UNIT_BYTES : 0;
    ps__child_setup cs = {
        .index = pid - 1, .parent = getpid(), .cmd_fd = cmd[0],
        .status_fd = l->status_wr, .chan = l->chan, .nchan = l->s->channels.count,
        .shared = l->shared, .ws_fd = l->ws_fd, .ws_bytes = c->ws_bytes,
        .ws_offset = c->ws_offset,
        .mask = &l->old_mask,
    };
    pid_t p = fork(); /* signals stay blocked across it: the child restores */
    if (p == 0)
        ps__child_main(&cs);
    close(cmd[0]);
    if (p < 0) {
        close(cmd[1]);
        fail(l, "cannot start %s: fork: %s%s", pname(l, pid), strerror(errno),
             errno == EAGAIN ? " (too many processes: see ulimit -u, RLIMIT_NPROC)" : "");
        return;
    }
    c->pid = p;
    c->cmd_fd = cmd[1];
    c->pidfd = ps__pidfd_open(p);
    c->alive = 1;
    c->cpu_pc = UINT32_MAX;
    c->cpu_due = -1;
    if (c->pidfd < 0) {
        kill(p, SIGKILL);
        fail(l, "cannot start %s: pidfd_open: %s", pname(l, pid), strerror(errno));
        return;
    }
    await(l, c, has_hello, 1, "start");
}

/* ---- channels and mutexes: one real waiter at a time ------------------- */

static void q_push(ps_live *l, pidq *q, uint32_t pid)
{
    if (q->n == q->cap) {
        uint32_t ncap = q->cap ? q->cap * 2 : 8;
        uint32_t *nv = realloc(q->v, ncap * sizeof *nv);
        if (!nv) {
            l->nomem = 1;
            return;
        }
        q->v = nv;
        q->cap = ncap;
    }
    q->v[q->n++] = pid;
}

static void q_remove(pidq *q, uint32_t pid)
{
    for (uint32_t i = 0; i < q->n; i++)
        if (q->v[i] == pid) {
            memmove(q->v + i, q->v + i + 1, (q->n - i - 1) * sizeof *q->v);
            q->n--;
            return;
        }
}

/* Let the first model waiter of each channel and mutex block in the real
 * read or lock, if nobody is doing so: with one real waiter at a time the
 * kernel cannot hand a value or a lock to anyone but the model's choice. */
static void promote(ps_live *l)
{
    for (uint32_t k = 0; k < l->s->channels.count; k++)
        if (!l->chan_reader[k] && l->chan_wait[k].n) {
            child *c = &l->ch[l->chan_wait[k].v[0] - 1];
            if (c->model != PS_BLOCKED || !c->alive)
                continue;
            l->chan_reader[k] = l->chan_wait[k].v[0];
            command(l, c, PS__CMD_RECV, k, 0);
            await(l, c, has_blocking, c->want_blocking, "block in recv");
        }
    for (uint32_t k = 0; k < l->s->mutexes.count; k++)
        if (!l->mtx_locker[k] && l->mtx_wait[k].n) {
            child *c = &l->ch[l->mtx_wait[k].v[0] - 1];
            if (c->model != PS_BLOCKED || !c->alive)
                continue;
            l->mtx_locker[k] = l->mtx_wait[k].v[0];
            command(l, c, PS__CMD_LOCK, k, 0);
            await(l, c, has_blocking, c->want_blocking, "block in lock");
        }
}

/* Forget `pid` as a waiter everywhere (it exited, or got what it waited
 * for). */
static void forget_waiter(ps_live *l, uint32_t pid)
{
    for (uint32_t k = 0; k < l->s->channels.count; k++) {
        q_remove(&l->chan_wait[k], pid);
        if (l->chan_reader[k] == pid)
            l->chan_reader[k] = 0;
    }
    for (uint32_t k = 0; k < l->s->mutexes.count; k++) {
        q_remove(&l->mtx_wait[k], pid);
        if (l->mtx_locker[k] == pid)
            l->mtx_locker[k] = 0;
    }
}

/* ---- carrying out op events -------------------------------------------- */

/* Wait until `c` has done everything it was told, unless it is stopped:
 * then it finishes when it is continued, and later waits include it. */
static void finish(ps_live *l, child *c, const char *what)
{
    if (!c->stopped)
        await(l, c, has_done, c->want_done, what);
}

static void do_and_wait(ps_live *l, child *c, ps__cmd_op op, uint32_t obj, int64_t n,
                        const char *what)
{
    command(l, c, op, obj, n);
    finish(l, c, what);
}

static void check_value(ps_live *l, const child *c, int64_t model, const char *what)
{
    if (c->alive && c->value != model)
        l->divergences++;
    (void)what;
}

static void op_done(ps_live *l, child *c, uint32_t pid, const ps_op_event *ev,
                    const ps_op *op)
{
    switch ((ps_op_kind)ev->op) {
    case PS_OP_CPU:
        await(l, c, has_done, c->cpu_want, "finish its cpu op");
        c->cpu_due = -1;
        break;
    case PS_OP_SEND:
        do_and_wait(l, c, PS__CMD_SEND, op->obj, ev->a, "send");
        break;
    case PS_OP_RECV:
        if (l->chan_reader[op->obj] != pid)
            command(l, c, PS__CMD_RECV, op->obj, 0);
        finish(l, c, "receive");
        if (!c->stopped)
            check_value(l, c, ev->a, "recv");
        forget_waiter(l, pid);
        break;
    case PS_OP_LOCK:
        if (l->mtx_locker[op->obj] != pid)
            command(l, c, PS__CMD_LOCK, op->obj, 0);
        finish(l, c, "lock");
        forget_waiter(l, pid);
        break;
    case PS_OP_UNLOCK:
        do_and_wait(l, c, PS__CMD_UNLOCK, op->obj, 0, "unlock");
        break;
    case PS_OP_IO:
    case PS_OP_SLEEP:
    case PS_OP_WAIT:
        do_and_wait(l, c, PS__CMD_GO, 0, 0, "wake up");
        break;
    case PS_OP_EXIT:
        c->expect_exit = 1;
        command(l, c, PS__CMD_EXIT, 0, ev->a);
        break;
    default: /* add, spawn, kill: their effects come as steps/transitions */
        break;
    }
}

static void op_block(ps_live *l, child *c, uint32_t pid, const ps_op_event *ev,
                     const ps_op *op)
{
    if (ev->op == PS_OP_RECV || ev->op == PS_OP_LOCK) {
        int recv = ev->op == PS_OP_RECV;
        pidq *q = recv ? &l->chan_wait[op->obj] : &l->mtx_wait[op->obj];
        uint32_t *real = recv ? &l->chan_reader[op->obj] : &l->mtx_locker[op->obj];
        q_push(l, q, pid);
        if (!*real) {
            *real = pid;
            command(l, c, recv ? PS__CMD_RECV : PS__CMD_LOCK, op->obj, 0);
            await(l, c, has_blocking, c->want_blocking, "block");
            return;
        }
    }
    command(l, c, PS__CMD_BLOCK, 0, 0);
    await(l, c, has_blocking, c->want_blocking, "block");
}

static void apply_op(ps_live *l, const ps_op_event *ev)
{
    uint32_t pid = ev->pid;
    child *c = &l->ch[pid - 1];
    const ps_proc_spec *spec = &l->s->procs[pid - 1];
    const ps_op *op = ev->pc < spec->op_count ? &l->s->ops[spec->op_first + ev->pc] : NULL;
    if (!c->alive)
        return;
    switch ((ps_op_phase)ev->phase) {
    case PS_OPEV_RUN:
        if (ev->op == PS_OP_CPU) {
            if (c->cpu_pc != ev->pc) {
                c->cpu_pc = ev->pc;
                command(l, c, PS__CMD_CPU, 0, op->n * l->tick_ns);
                c->cpu_want = c->want_done;
            }
            c->cpu_due = ev->b ? ev->a : -1;
        }
        break;
    case PS_OPEV_STEP:
        do_and_wait(l, c, ev->b ? PS__CMD_WRITE : PS__CMD_READ, op->obj, 0, "add");
        check_value(l, c, ev->a, "add");
        break;
    case PS_OPEV_DONE:
        op_done(l, c, pid, ev, op);
        break;
    case PS_OPEV_BLOCK:
        op_block(l, c, pid, ev, op);
        break;
    }
}

/* ---- carrying out transitions ------------------------------------------ */

static ps_reporter apply_transition(ps_live *l, const ps_trace_event *ev)
{
    uint32_t pid = ev->pid;
    child *c = &l->ch[pid - 1];
    ps_state from = (ps_state)ev->from, to = (ps_state)ev->to;
    c->model = (uint8_t)to;
    if (from == PS_RUNNING)
        c->cpu_due = -1; /* its burn will not end while it is off the CPU */
    if (from == PS_NONE) {
        start_child(l, pid);
        return PS_REP_STATUS_PIPE;
    }
    if (to == PS_EXIT) {
        forget_waiter(l, pid);
        if (ev->event == PS_EV_KILL && c->alive)
            kill_now(l, c, TERM_NS, 1);
        else
            await(l, c, is_gone, 0, "exit");
        return c->died && ev->cause != PS_CAUSE_DIED ? PS_REP_NONE : PS_REP_WAITID;
    }
    if (!c->alive)
        return PS_REP_NONE;
    switch (to) {
    case PS_READY:
        if (from == PS_READY_SUSPENDED)
            return PS_REP_PROCSIM; /* swapped in: it stays stopped */
        stop(l, c);
        return PS_REP_WAITID;
    case PS_RUNNING:
        cont(l, c);
        if (c->paged_out) { /* swap in: fault the working set back */
            do_and_wait(l, c, PS__CMD_TOUCH, 0, 0, "swap in");
            c->paged_out = 0;
        }
        return PS_REP_WAITID;
    case PS_BLOCKED:
        if (from == PS_RUNNING)
            return PS_REP_STATUS_PIPE; /* it said BLOCKING (op_block) */
        cont(l, c);                   /* swapped in, still waiting */
        return PS_REP_WAITID;
    case PS_READY_SUSPENDED:
    case PS_BLOCKED_SUSPENDED:
        if (from == PS_BLOCKED_SUSPENDED)
            return PS_REP_PROCSIM; /* its event came while on disk */
        stop(l, c);
        page_out(c);
        return from == PS_NEW || from == PS_READY ? PS_REP_PROCSIM : PS_REP_WAITID;
    default:
        return PS_REP_NONE;
    }
}

/* A transition is confirmed: note it, with the kernel's view right now. */
static void confirmed(ps_live *l, const ps_trace_event *ev, ps_reporter rep)
{
    child *c = &l->ch[ev->pid - 1];
    if (l->npend == l->pendcap) {
        size_t ncap = l->pendcap ? l->pendcap * 2 : 64;
        ps_live_event *nv = realloc(l->pend, ncap * sizeof *nv);
        if (!nv) {
            l->nomem = 1;
            return;
        }
        l->pend = nv;
        l->pendcap = ncap;
    }
    int64_t now = mono_ns();
    l->pend[l->npend++] = (ps_live_event){
        .ev = *ev, .wall_us = (now - l->start_ns) / 1000,
        .latency_ns = c->acted_ns ? now - c->acted_ns : -1, /* consumed below */
        .kstate = c->alive ? ps__proc_state(c->pid) : c->exit_letter,
        .reporter = (uint8_t)rep, .os_pid = c->pid,
    };
    c->acted_ns = 0;
}

/* The letter the kernel should show for a process in model state s: a
 * Ready or suspended process is held stopped, a Blocked one sleeps, a
 * Running one burning CPU runs. 0: anything goes. */
static char expected_letter(const child *c)
{
    switch ((ps_state)c->model) {
    case PS_READY:
    case PS_READY_SUSPENDED:
    case PS_BLOCKED_SUSPENDED:
        return 'T';
    case PS_BLOCKED:
        return 'S';
    case PS_RUNNING:
        return c->cpu_due >= 0 || c->done < c->cpu_want ? 'R' : 0;
    default:
        return 0;
    }
}

/* Hand the confirmed transitions to the listener.  A process's last
 * transition of the instant carries the letter the kernel shows once the
 * child has got where it was sent (a child told to block takes a few
 * microseconds to reach its read), polled for at most 20 ms. */
static void flush(ps_live *l)
{
    int64_t deadline = mono_ns() + 20 * 1000000;
    for (size_t i = l->npend; i-- > 0;) {
        ps_live_event *le = &l->pend[i];
        child *c = &l->ch[le->ev.pid - 1];
        int last = 1;
        for (size_t j = i + 1; j < l->npend && last; j++)
            last = l->pend[j].ev.pid != le->ev.pid;
        if (!last)
            continue;
        char want = expected_letter(c), got = le->kstate;
        while (c->alive && (got = ps__proc_state(c->pid)) != want && want &&
               !(want == 'S' && got == 'D') && mono_ns() < deadline) {
            struct timespec ts = {0, 100000};
            nanosleep(&ts, NULL);
        }
        le->kstate = c->alive ? got : c->exit_letter;
        le->rss_kb = c->alive ? ps__proc_rss_kb(c->pid) : 0;
        ps_engine_observe(l->e, le->ev.pid, le->kstate, le->rss_kb);
    }
    for (size_t i = 0; i < l->npend && l->fn; i++)
        l->fn(l->ctx, &l->pend[i]);
    l->npend = 0;
}

/* Carry out every collected action, in order; deaths found on the way are
 * told to the engine, whose reactions are collected and carried out too. */
static void apply_all(ps_live *l)
{
    for (;;) {
        while (l->next_act < l->nact && !l->interrupted && !l->failed) {
            action a = l->act[l->next_act++];
            if (a.is_op)
                apply_op(l, &a.op);
            else
                confirmed(l, &a.tr, apply_transition(l, &a.tr));
        }
        l->nact = l->next_act = 0;
        if (l->interrupted || l->failed)
            return;
        int any = 0;
        for (uint32_t i = 0; i < l->n; i++) {
            child *c = &l->ch[i];
            if (c->died && ps_state_live((ps_state)c->model) && c->model != PS_NONE) {
                c->died = 0;
                c->expect_exit = 1;
                any |= ps_engine_died(l->e, i + 1, c->death_signal ? c->death_signal : 9) == 0;
            }
        }
        if (!any)
            return;
    }
}

/* ---- stepping ---------------------------------------------------------- */

static int any_died(const ps_live *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (l->ch[i].died && ps_state_live((ps_state)l->ch[i].model))
            return 1;
    return 0;
}

/* Wait for the wall clock to reach tick T and for every burn the model
 * finishes by T to be really done.  Returns 1 early if a child died on its
 * own meanwhile: its death belongs to the tick the wall clock is at. */
static int gate(ps_live *l, int64_t T)
{
    int64_t deadline = l->start_ns + T * l->tick_ns;
    for (;;) {
        pump(l, 0);
        if (l->interrupted)
            return 0;
        if (any_died(l)) {
            int64_t now_tick = (mono_ns() - l->start_ns) / l->tick_ns;
            if (now_tick >= T)
                return 0; /* step first; apply_all records the death */
            if (now_tick > ps_engine_now(l->e))
                ps_engine_run(l->e, now_tick); /* nothing is due before T */
            return 1;
        }
        int64_t now = mono_ns();
        child *late = NULL;
        for (uint32_t i = 0; i < l->n && !late; i++) {
            child *c = &l->ch[i];
            if (c->alive && c->cpu_due >= 0 && c->cpu_due <= T && c->done < c->cpu_want)
                late = c;
        }
        if (now >= deadline && !late)
            return 0;
        if (late && now >= deadline + GRACE_NS) {
            kill_now(l, late, TERM_NS, 0); /* overran its burn: recorded as killed */
            continue;
        }
        pump(l, now < deadline ? deadline - now : deadline + GRACE_NS - now);
    }
}

ps_step_status ps_live_step(ps_live *l)
{
    if (l->interrupted)
        return PS_STEP_INTERRUPTED;
    if (l->failed || l->nomem)
        return PS_STEP_FAILED;
    int64_t next = ps_engine_next(l->e);
    if (next >= 0 && gate(l, next)) {
        apply_all(l); /* the deaths, and what the engine does about them */
        promote(l);
        apply_all(l);
        flush(l);
        return l->interrupted ? PS_STEP_INTERRUPTED : l->failed ? PS_STEP_FAILED : PS_STEP_OK;
    }
    if (l->interrupted)
        return PS_STEP_INTERRUPTED;
    ps_step_status st = ps_engine_step(l->e);
    apply_all(l);
    promote(l);
    apply_all(l);
    flush(l);
    if (l->nomem)
        fail(l, "out of memory");
    if (l->interrupted)
        return PS_STEP_INTERRUPTED;
    if (l->failed)
        return PS_STEP_FAILED;
    return st == PS_STEP_OK && ps_engine_next(l->e) < 0 ? ps_engine_step(l->e) : st;
}

/* ---- lifetime ---------------------------------------------------------- */

/* The working-set file: an unnamed file on a disk-backed filesystem (its
 * pages can really be paged out, unlike tmpfs), full of data, a part of
 * it for each process.  Past PS__WS_MAX in all, there is none (the
 * processes then have no working set to page out; docs/live.md). */
#define PS__WS_MAX ((size_t)512 << 20)
static int make_working_set(ps_live *l)
{
    static const char *const dirs[] = {"/var/tmp", ".", "/tmp"};
    size_t bytes = 0;
    for (uint32_t i = 0; i < l->n; i++) {
        l->ch[i].ws_offset = bytes;
        bytes += (size_t)l->s->procs[i].memory * PS_LIVE_UNIT_BYTES;
    }
    l->ws_fd = -1;
    if (!bytes || bytes > PS__WS_MAX)
        return 0;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0] && l->ws_fd < 0; i++)
        l->ws_fd = open(dirs[i], O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (l->ws_fd < 0)
        return -1;
    char block[65536];
    memset(block, 0x5a, sizeof block);
    for (size_t off = 0; off < bytes; off += sizeof block)
        if (pwrite(l->ws_fd, block, sizeof block, (off_t)off) != (ssize_t)sizeof block)
            return -1;
    return 0;
}

static int make_shared(ps_live *l)
{
    const ps_scenario *s = l->s;
    size_t mtx_bytes = (size_t)s->mutexes.count * sizeof(pthread_mutex_t);
    l->shared_len = mtx_bytes + ((size_t)s->variables.count + 1) * sizeof(int64_t);
    l->shared_map = mmap(NULL, l->shared_len, PROT_READ | PROT_WRITE,
                         MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (l->shared_map == MAP_FAILED) {
        l->shared_map = NULL;
        return -1;
    }
    l->shared.mutex = l->shared_map;
    l->shared.var = (volatile int64_t *)((char *)l->shared_map + mtx_bytes);
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    for (uint32_t m = 0; m < s->mutexes.count; m++)
        pthread_mutex_init(&l->shared.mutex[m], &a);
    pthread_mutexattr_destroy(&a);
    return 0;
}

static int make_pipes(ps_live *l)
{
    int st[2];
    if (pipe2(st, O_CLOEXEC))
        return -1;
    l->status_rd = st[0];
    l->status_wr = st[1];
    fcntl(l->status_rd, F_SETFL, O_NONBLOCK);
    for (uint32_t k = 0; k < l->s->channels.count; k++)
        if (pipe2(l->chan[k], O_CLOEXEC))
            return -1;
    return 0;
}

static int make_signals(ps_live *l)
{
    sigset_t set;
    sigemptyset(&set);
    int sigs[] = {SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaddset(&set, sigs[i]);
    if (sigprocmask(SIG_BLOCK, &set, &l->old_mask))
        return -1;
    l->sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    return l->sfd < 0 ? -1 : 0;
}

static struct sigaction old_sigpipe;

ps_live *ps_live_create(ps_engine *e, ps_error *err)
{
    ps_live *l = calloc(1, sizeof *l);
    if (!l) {
        snprintf(err->msg, sizeof err->msg, "live mode: out of memory");
        return NULL;
    }
    const ps_scenario *s = ps_engine_scenario(e);
    l->e = e;
    l->s = s;
    l->n = s->nprocs;
    l->status_rd = l->status_wr = l->sfd = l->ws_fd = -1;
    l->ch = calloc(l->n, sizeof *l->ch);
    l->chan = calloc(s->channels.count + 1, sizeof *l->chan);
    l->chan_wait = calloc(s->channels.count + 1, sizeof *l->chan_wait);
    l->mtx_wait = calloc(s->mutexes.count + 1, sizeof *l->mtx_wait);
    l->chan_reader = calloc(s->channels.count + 1, sizeof *l->chan_reader);
    l->mtx_locker = calloc(s->mutexes.count + 1, sizeof *l->mtx_locker);
    if (!l->ch || !l->chan || !l->chan_wait || !l->mtx_wait || !l->chan_reader ||
        !l->mtx_locker) {
        snprintf(err->msg, sizeof err->msg, "live mode: out of memory");
        goto fail;
    }
    for (uint32_t k = 0; k < s->channels.count; k++)
        l->chan[k][0] = l->chan[k][1] = -1;
    for (uint32_t i = 0; i < l->n; i++) {
        l->ch[i].pidfd = l->ch[i].cmd_fd = -1;
        l->ch[i].model = PS_NONE;
    }
    if (make_pipes(l) || make_shared(l) || make_working_set(l) ||
        make_signals(l)) {
        snprintf(err->msg, sizeof err->msg, "live mode: cannot set up: %s", strerror(errno));
        goto fail;
    }
    struct sigaction ign = {.sa_handler = SIG_IGN};
    sigaction(SIGPIPE, &ign, &old_sigpipe); /* a dead child's pipe: EPIPE */
    l->tick_ns = s->tick_ms * 1000000;
    l->start_ns = mono_ns();
    ps_engine_set_listener(e, on_transition, l);
    ps_engine_set_op_listener(e, on_op, l);
    return l;
fail:
    ps_live_destroy(l);
    return NULL;
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

void ps_live_destroy(ps_live *l)
{
    if (!l)
        return;
    /* Kill everyone at once, then reap: no child outlives this call. */
    for (uint32_t i = 0; l->ch && i < l->n; i++)
        if (l->ch[i].alive) {
            l->ch[i].expect_exit = 1;
            ps__pidfd_signal(l->ch[i].pidfd, SIGKILL);
        }
    for (uint32_t i = 0; l->ch && i < l->n; i++)
        while (l->ch[i].alive) {
            siginfo_t si;
            memset(&si, 0, sizeof si);
            if (waitid(P_PID, (id_t)l->ch[i].pid, &si, WEXITED) < 0 && errno != EINTR)
                break;
            if (si.si_pid)
                reaped(l, &l->ch[i], &si);
        }
    if (l->e) {
        ps_engine_set_listener(l->e, NULL, NULL);
        ps_engine_set_op_listener(l->e, NULL, NULL);
    }
    for (uint32_t k = 0; l->chan && k < l->s->channels.count; k++) {
        close_fd(&l->chan[k][0]);
        close_fd(&l->chan[k][1]);
        free(l->chan_wait[k].v);
    }
    for (uint32_t k = 0; l->mtx_wait && k < l->s->mutexes.count; k++)
        free(l->mtx_wait[k].v);
    close_fd(&l->status_rd);
    close_fd(&l->status_wr);
    close_fd(&l->ws_fd);
    if (l->sfd >= 0) {
        close_fd(&l->sfd);
        /* drop what arrived for us before unblocking: a SIGCHLD is fine,
         * an interrupt was already acted on */
        sigset_t pending;
        struct timespec zero = {0, 0};
        sigpending(&pending);
        if (sigismember(&pending, SIGCHLD)) {
            sigset_t chld;
            sigemptyset(&chld);
            sigaddset(&chld, SIGCHLD);
            sigtimedwait(&chld, NULL, &zero);
        }
        sigaction(SIGPIPE, &old_sigpipe, NULL);
        sigprocmask(SIG_SETMASK, &l->old_mask, NULL);
    }
    if (l->shared_map)
        munmap(l->shared_map, l->shared_len);
    free(l->ch);
    free(l->chan);
    free(l->chan_wait);
    free(l->mtx_wait);
    free(l->chan_reader);
    free(l->mtx_locker);
    free(l->act);
    free(l->pend);
    free(l);
}

void ps_live_set_listener(ps_live *l, ps_live_fn fn, void *ctx)
{
    l->fn = fn;
    l->ctx = ctx;
}

void ps_live_set_tick_ms(ps_live *l, int64_t ms)
{
    if (ms >= 1)
        l->tick_ns = ms * 1000000;
}

int64_t ps_live_tick_ms(const ps_live *l)
{
    return l->tick_ns / 1000000;
}

const char *ps_live_error(const ps_live *l)
{
    return l->err;
}

pid_t ps_live_os_pid(const ps_live *l, uint32_t pid)
{
    return pid >= 1 && pid <= l->n && l->ch[pid - 1].alive ? l->ch[pid - 1].pid : 0;
}

int ps_live_exit(const ps_live *l, uint32_t pid, int *code, int *signo)
{
    if (pid < 1 || pid > l->n || !l->ch[pid - 1].pid || l->ch[pid - 1].alive)
        return -1;
    *code = l->ch[pid - 1].exit_code;
    *signo = l->ch[pid - 1].death_signal;
    return 0;
}

int64_t ps_live_variable(const ps_live *l, uint32_t var)
{
    return var < l->s->variables.count ? l->shared.var[var] : 0;
}

uint32_t ps_live_divergences(const ps_live *l)
{
    return l->divergences;
}
