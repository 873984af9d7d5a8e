/* live_apply.c — carrying out the engine's decisions on real children:
 * starting them, the exec events (what a Running process executes) and the
 * transitions (signals, paging out), each waiting for its confirmation
 * (docs/live.md has the table).  A child is forked with every signal
 * blocked, so no handler of the host's runs in it (live_child.c resets
 * them, then takes the host's mask, SIGTERM unblocked). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "live_driver.h"
#include "procsim/strerror.h"

/* ---- starting a child -------------------------------------------------- */

/* What the child keeps: every child's descriptors and its own command
 * pipe, in ascending order, into l->child_keep (before fork: the child
 * only reads it).  Returns how many. */
static uint32_t child_keep(ps_live *l, int cmd_fd)
{
    uint32_t n = 0, i = 0;
    while (i < l->nkeep && l->keep[i] < cmd_fd)
        l->child_keep[n++] = l->keep[i++];
    l->child_keep[n++] = cmd_fd;
    while (i < l->nkeep)
        l->child_keep[n++] = l->keep[i++];
    return n;
}

/* The system call `call` failed with `e` starting `pid`: the run cannot go on. */
static void cannot_start(ps_live *l, uint32_t pid, const char *call, int e)
{
    int nproc = e == EAGAIN && !strcmp(call, "fork");
    char en[320], ko[320];
    snprintf(en, sizeof en, "cannot start %s: %s: %s%s", ps__pname(l, pid), call,
             ps_strerror(e, PS_LANG_EN),
             nproc ? " (too many processes: see ulimit -u, RLIMIT_NPROC)" : "");
    snprintf(ko, sizeof ko, "%s을(를) 시작할 수 없습니다: %s: %s%s", ps__pname(l, pid), call,
             ps_strerror(e, PS_LANG_KO),
             nproc ? " (프로세스가 너무 많습니다: ulimit -u, RLIMIT_NPROC 참고)" : "");
    ps__live_failed(l, en, ko);
}

void ps__start_child(ps_live *l, uint32_t pid)
{
    ps__child *c = &l->ch[pid - 1];
    int cmd[2];
    if (pipe2(cmd, O_CLOEXEC)) {
        cannot_start(l, pid, "pipe", errno);
        return;
    }
    c->ws_bytes = l->ws_fd >= 0 ? (size_t)l->s->procs[pid - 1].memory * PS_LIVE_UNIT_BYTES : 0;
    ps__child_setup cs = {
        .index = pid - 1, .parent = getpid(), .cmd_fd = cmd[0],
        .status_fd = l->status_wr, .chan = l->chan,
        .keep = l->child_keep, .nkeep = child_keep(l, cmd[0]),
        .shared = l->shared, .ws_fd = l->ws_fd, .ws_bytes = c->ws_bytes,
        .ws_offset = c->ws_offset,
        .mask = &l->child_mask,
        .priv = l->priv, .var_private = l->s->var_private,
    };
    for (uint32_t v = 0; v < l->s->variables.count; v++) /* copied by the fork */
        l->priv[v] = ps_engine_private(l->e, pid, v);
    c->acted_ns = ps__mono_ns();
    /* the parent goes back to its mask after fork, the child takes cs.mask */
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &saved);
    pid_t p = fork();
    if (p == 0)
        ps__child_main(&cs);
    int fork_errno = errno;
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    close(cmd[0]);
    if (p < 0) {
        close(cmd[1]);
        cannot_start(l, pid, "fork", fork_errno);
        return;
    }
    c->pidfd = ps__pidfd_open(p);
    if (c->pidfd < 0) {
        /* p is our child, not yet reaped: its pid is still its own */
        int e = errno;
        kill(p, SIGKILL);
        while (waitpid(p, NULL, 0) < 0 && errno == EINTR)
            ;
        close(cmd[1]);
        cannot_start(l, pid, "pidfd_open", e);
        return;
    }
    c->pid = p;
    c->cmd_fd = cmd[1];
    c->alive = 1;
    c->cpu_pc = UINT32_MAX;
    c->cpu_due = -1;
    ps__await(l, c, ps__has_hello, 1, PS__ACT_START);
}

/* ---- channels: values routed by procsim -------------------------------

   A sender really writes its value into the channel's pipe; procsim reads
   it out at once and hands it, when the model says so, to the receiver
   the model chose, which is blocked reading its own pipe.  So each value
   reaches exactly the process the model gives it to, also when several
   wait or the receiver is suspended, as a kernel's message queue would.

   ---- mutexes: one real waiter at a time -------------------------------- */

/* Take the value a sender has just written out of the channel's pipe. */
static void route_in(ps_live *l, uint32_t chan)
{
    int64_t v;
    ssize_t got = read(l->chan[chan][0], &v, sizeof v);
    int64_t *slot = got == (ssize_t)sizeof v ? ps__vec_push(&l->chanq[chan].v) : NULL;
    if (slot)
        *slot = v;
    else if (got == (ssize_t)sizeof v)
        l->nomem = 1;
    else
        ps__live_warn(l, "channel %s: the sender's value was not in its pipe",
                      "채널 %s: 보낸 쪽의 값이 파이프에 없었습니다", l->s->channels.names[chan]);
}

/* The next value of the channel for a receiver; `model` if none is there. */
static int64_t route_out(ps_live *l, uint32_t chan, int64_t model)
{
    ps__valq *q = &l->chanq[chan];
    if (q->head == q->v.len) {
        ps__live_warn(l, "channel %s: no value in transit for a receive",
                      "채널 %s: 받을 값이 오가는 중에 없었습니다", l->s->channels.names[chan]);
        return model;
    }
    int64_t v = PS__VEC_AT(&q->v, int64_t, q->head++);
    if (q->head == q->v.len) /* drained: start again at the front */
        q->head = q->v.len = 0;
    return v;
}


/* Remove `pid` from a mutex's waiters, keeping their order. */
static void q_remove(ps__vec *q, uint32_t pid)
{
    uint32_t *v = q->data;
    for (size_t i = 0; i < q->len; i++)
        if (v[i] == pid) {
            memmove(v + i, v + i + 1, (q->len - i - 1) * sizeof *v);
            q->len--;
            return;
        }
}

/* Let the first model waiter of each mutex block in the real lock, if
 * nobody is doing so: with one real waiter at a time the kernel cannot
 * hand the lock to anyone but the model's choice. */
void ps__promote(ps_live *l)
{
    for (uint32_t k = 0; k < l->s->mutexes.count; k++)
        if (!l->mtx_locker[k] && l->mtx_wait[k].len) {
            uint32_t head = PS__VEC_AT(&l->mtx_wait[k], uint32_t, 0);
            ps__child *c = &l->ch[head - 1];
            if (c->model != PS_BLOCKED || !c->alive)
                continue;
            l->mtx_locker[k] = head;
            ps__command(l, c, PS__CMD_LOCK, k, 0);
            ps__await(l, c, ps__has_blocking, c->want_blocking, PS__ACT_BLOCK_IN_LOCK);
        }
}

/* Forget `pid` as a waiter everywhere (it exited, or got what it waited
 * for). */
static void forget_waiter(ps_live *l, uint32_t pid)
{
    for (uint32_t k = 0; k < l->s->mutexes.count; k++) {
        q_remove(&l->mtx_wait[k], pid);
        if (l->mtx_locker[k] == pid)
            l->mtx_locker[k] = 0;
    }
}

/* ---- carrying out exec events ------------------------------------------- */

/* Wait until `c` has done everything it was told, unless it is stopped:
 * then it finishes when it is continued, and later waits include it. */
static void finish(ps_live *l, ps__child *c, ps__act what)
{
    if (!c->stopped)
        ps__await(l, c, ps__has_done, c->want_done, what);
}

static void do_and_wait(ps_live *l, ps__child *c, ps__cmd_op op, uint32_t obj, int64_t n,
                        ps__act what)
{
    ps__command(l, c, op, obj, n);
    finish(l, c, what);
}

static void check_value(ps_live *l, const ps__child *c, int64_t model, const char *what)
{
    if (c->alive && c->value != model)
        ps__live_warn(l, "%s: %s gave %lld where the model has %lld",
                      "%s: %s의 값이 %lld인데 모형에서는 %lld입니다",
                      ps__pname(l, (uint32_t)(c - l->ch) + 1), what, (long long)c->value,
                      (long long)model);
}

static void op_done(ps_live *l, ps__child *c, uint32_t pid, const ps_exec_event *ev,
                    const ps_op *op)
{
    switch ((ps_op_kind)ev->op) {
    case PS_OP_CPU:
        ps__await(l, c, ps__has_done, c->cpu_want, PS__ACT_FINISH_CPU);
        c->cpu_due = -1;
        c->cpu_pc = UINT32_MAX; /* in a loop the same op runs again */
        break;
    case PS_OP_SEND:
        do_and_wait(l, c, PS__CMD_SEND, op->obj, ev->a, PS__ACT_SEND);
        if (c->alive)
            route_in(l, op->obj);
        break;
    case PS_OP_RECV:
    case PS_OP_FOR_IN: /* a loop's receive: the same, the loop is the model's */
        if (!c->in_recv) /* a value was there: it did not block */
            ps__command(l, c, PS__CMD_RECV, op->obj, 0);
        c->in_recv = 0;
        do_and_wait(l, c, PS__CMD_VALUE, op->obj, route_out(l, op->obj, ev->a), PS__ACT_RECEIVE);
        if (!c->stopped)
            check_value(l, c, ev->a, "recv");
        break;
    case PS_OP_LOCK:
        if (l->mtx_locker[op->obj] != pid)
            ps__command(l, c, PS__CMD_LOCK, op->obj, 0);
        finish(l, c, PS__ACT_LOCK);
        forget_waiter(l, pid);
        break;
    case PS_OP_UNLOCK:
        do_and_wait(l, c, PS__CMD_UNLOCK, op->obj, 0, PS__ACT_UNLOCK);
        break;
    case PS_OP_IO:
    case PS_OP_SLEEP:
    case PS_OP_WAIT:
        do_and_wait(l, c, PS__CMD_GO, 0, 0, PS__ACT_WAKE_UP);
        break;
    case PS_OP_EXIT:
        c->expect_exit = 1;
        ps__command(l, c, PS__CMD_EXIT, 0, ev->a);
        break;
    case PS_OP_ADD: /* their effects come as steps and transitions */
    case PS_OP_SPAWN:
    case PS_OP_KILL:
    case PS_OP_IS_ALIVE: /* the model's answer: the child's state is its */
    case PS_OP_LOOP:     /* loops are jumps in the model: nothing to do */
    case PS_OP_END:
    case PS_OP_COUNT:
        break;
    }
}

static void op_block(ps_live *l, ps__child *c, uint32_t pid, const ps_exec_event *ev,
                     const ps_op *op)
{
    if (ev->op == PS_OP_RECV || ev->op == PS_OP_FOR_IN) { /* it blocks reading its pipe */
        c->in_recv = 1;
        ps__command(l, c, PS__CMD_RECV, op->obj, 0);
        ps__await(l, c, ps__has_blocking, c->want_blocking, PS__ACT_BLOCK);
        return;
    }
    if (ev->op == PS_OP_LOCK) {
        ps__vec *q = &l->mtx_wait[op->obj];
        uint32_t *slot = ps__vec_push(q);
        if (!slot) {
            l->nomem = 1;
            return;
        }
        *slot = pid;
        if (!l->mtx_locker[op->obj] && PS__VEC_AT(q, uint32_t, 0) == pid) { /* the model's first only */
            l->mtx_locker[op->obj] = pid;
            ps__command(l, c, PS__CMD_LOCK, op->obj, 0);
            ps__await(l, c, ps__has_blocking, c->want_blocking, PS__ACT_BLOCK);
            return;
        }
    }
    ps__command(l, c, PS__CMD_BLOCK, 0, 0);
    ps__await(l, c, ps__has_blocking, c->want_blocking, PS__ACT_BLOCK);
}

void ps__apply_op(ps_live *l, const ps_exec_event *ev)
{
    uint32_t pid = ev->pid;
    ps__child *c = &l->ch[pid - 1];
    const ps_proc_spec *spec = &l->s->procs[pid - 1];
    const ps_op *op = ev->pc < spec->op_count ? &l->s->ops[spec->op_first + ev->pc] : NULL;
    if (!c->alive)
        return;
    switch ((ps_exec_phase)ev->phase) {
    case PS_EXEC_RUN:
        if (ev->op == PS_OP_CPU) {
            if (c->cpu_pc != ev->pc) {
                c->cpu_pc = ev->pc;
                ps__command(l, c, PS__CMD_CPU, 0, ps__sat_mul(ev->n, l->tick_ns));
                c->cpu_want = c->want_done;
            }
            c->cpu_due = ev->b ? ev->a : -1;
        }
        break;
    case PS_EXEC_STEP:
        do_and_wait(l, c, ev->b ? PS__CMD_WRITE : PS__CMD_READ, op->obj, 0, PS__ACT_ADD);
        check_value(l, c, ev->a, "add");
        break;
    case PS_EXEC_DONE:
        op_done(l, c, pid, ev, op);
        break;
    case PS_EXEC_BLOCK:
        op_block(l, c, pid, ev, op);
        break;
    }
}

/* ---- carrying out transitions ------------------------------------------ */

ps_reporter ps__apply_transition(ps_live *l, const ps_trace_event *ev)
{
    uint32_t pid = ev->pid;
    ps__child *c = &l->ch[pid - 1];
    ps_state from = (ps_state)ev->from, to = (ps_state)ev->to;
    c->model = (uint8_t)to;
    if (from == PS_RUNNING)
        c->cpu_due = -1; /* its burn will not end while it is off the CPU */
    if (from == PS_NONE) {
        ps__start_child(l, pid);
        return PS_REP_STATUS_PIPE;
    }
    if (to == PS_EXIT) {
        forget_waiter(l, pid);
        if (ev->event == PS_EV_KILL && c->alive)
            ps__kill_child(l, c, PS__TERM_NS, 1);
        else
            ps__await(l, c, ps__is_gone, 0, PS__ACT_EXIT);
        return c->died && ev->cause != PS_CAUSE_DIED ? PS_REP_NONE : PS_REP_WAITID;
    }
    if (!c->alive)
        return PS_REP_NONE;
    switch (to) {
    case PS_READY:
        if (from == PS_READY_SUSPENDED)
            return PS_REP_PROCSIM; /* swapped in: it stays stopped */
        ps__stop(l, c);
        return PS_REP_WAITID;
    case PS_RUNNING:
        ps__cont(l, c);
        if (c->paged_out) { /* swap in: fault the working set back */
            do_and_wait(l, c, PS__CMD_TOUCH, 0, 0, PS__ACT_SWAP_IN);
            c->paged_out = 0;
        }
        return PS_REP_WAITID;
    case PS_BLOCKED:
        if (from == PS_RUNNING)
            return PS_REP_STATUS_PIPE; /* it said BLOCKING (op_block) */
        ps__cont(l, c);                   /* swapped in, still waiting */
        return PS_REP_WAITID;
    case PS_READY_SUSPENDED:
    case PS_BLOCKED_SUSPENDED:
        if (from == PS_BLOCKED_SUSPENDED)
            return PS_REP_PROCSIM; /* its event came while on disk */
        ps__stop(l, c);
        ps__page_out_child(c);
        return from == PS_NEW || from == PS_READY ? PS_REP_PROCSIM : PS_REP_WAITID;
    case PS_NEW: /* created and exited above */
    case PS_EXIT:
    case PS_NONE:
        break;
    }
    return PS_REP_NONE;
}
