/* live_wait.c — hearing from live children and waiting for them: the
 * kernel's reports through waitid, the children's messages on the status
 * pipe, procsim's own signals through a signalfd; and the few ways procsim
 * acts on a child (a command, a signal through its pidfd).
 *
 * The rule from shared/TESTING.md: drain waitid(WNOHANG) and the status
 * pipe first, and only then sleep in poll; SIGCHLDs merge, and a child's
 * "continued" is reported by waitid before any SIGCHLD says so.
 */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "live_driver.h"

void ps__live_warn(ps_live *l, const char *fmt, ...)
{
    l->divergences++;
    if (l->warning[0])
        return; /* the first one tells the story */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->warning, sizeof l->warning, fmt, ap);
    va_end(ap);
}

void ps__live_fail(ps_live *l, const char *fmt, ...)
{
    if (l->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->err, sizeof l->err, fmt, ap);
    va_end(ap);
    l->failed = 1;
}

static ps__child *by_os_pid(ps_live *l, pid_t pid)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (l->ch[i].pid == pid && l->ch[i].alive)
            return &l->ch[i];
    return NULL;
}

void ps__reaped(ps_live *l, ps__child *c, const siginfo_t *si)
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

/* Collect every state change the kernel has for us, without blocking;
 * returns how many there were. */
static int drain_waitid(ps_live *l)
{
    int got = 0;
    for (uint32_t guard = 0; guard < 4 * l->n + 16; guard++, got++) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_ALL, 0, &si, WEXITED | WSTOPPED | WCONTINUED | WNOHANG | WNOWAIT) < 0) {
            if (errno == EINTR)
                continue;
            return got; /* ECHILD: no children */
        }
        if (si.si_pid == 0)
            return got;
        ps__child *c = by_os_pid(l, si.si_pid);
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
                ps__reaped(l, c, &si);
            else
                waitid(P_PID, (id_t)si.si_pid, &consume, WEXITED | WNOHANG);
            break;
        }
    }
    return got;
}

static void on_message(ps_live *l, const ps__msg *m)
{
    if (m->index >= l->n)
        return;
    ps__child *c = &l->ch[m->index];
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

static int drain_status(ps_live *l)
{
    for (int got = 0;; got++) {
        ssize_t n = read(l->status_rd, l->msgbuf + l->msglen, sizeof l->msgbuf - l->msglen);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return got;
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
 * sleep in poll until something may have.  (Sleeping after a drain that
 * found the awaited news would wait for news that has already come.) */
void ps__pump(ps_live *l, int64_t timeout_ns)
{
    drain_signals(l);
    int got = drain_waitid(l);
    got += drain_status(l);
    if (got || timeout_ns <= 0 || l->interrupted)
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



/* Pump until cond holds, the child is gone, or it overruns (then it is
 * killed).  Returns -1 only if procsim was interrupted. */
int ps__await(ps_live *l, ps__child *c, ps__cond_fn cond, uint32_t want, const char *what)
{
    int64_t deadline = ps__mono_ns() + PS__GRACE_NS;
    for (;;) {
        ps__pump(l, 0);
        if (l->interrupted)
            return -1;
        if (!c->alive || cond(c, want))
            return 0;
        int64_t left = deadline - ps__mono_ns();
        if (left <= 0) {
            ps__live_warn(l, "%s did not %s within %lld s and was killed",
                          ps__pname(l, (uint32_t)(c - l->ch) + 1), what,
                          (long long)(PS__GRACE_NS / 1000000000));
            ps__kill_child(l, c, PS__TERM_NS, 0);
            return 0;
        }
        ps__pump(l, left);
    }
}

/* Send a command, counting the BLOCKING and DONE messages it will bring,
 * so that waiting for them never depends on when they arrive. */
void ps__command(ps_live *l, ps__child *c, ps__cmd_op op, uint32_t obj, int64_t n)
{
    ps__cmd cmd = {.op = op, .obj = obj, .n = n};
    c->acted_ns = ps__mono_ns();
    if (op == PS__CMD_RECV || op == PS__CMD_LOCK || op == PS__CMD_BLOCK)
        c->want_blocking++;
    if (op != PS__CMD_BLOCK && op != PS__CMD_EXIT && op != PS__CMD_RECV)
        c->want_done++; /* a RECV's DONE comes with its VALUE */
    if (c->alive && ps__write_all(c->cmd_fd, &cmd, sizeof cmd))
        c->died = 1; /* its end is closed: it is dying; waitid will tell */
    (void)l;
}

void ps__signal(ps__child *c, int signo)
{
    c->acted_ns = ps__mono_ns();
    if (c->alive)
        ps__pidfd_signal(c->pidfd, signo);
}

/* SIGTERM (with SIGCONT, or a stopped child would never see it), then
 * SIGKILL if it is still there after limit_ns.  `expected`: the model
 * killed it; otherwise (an overrun) its death is news for the model. */
void ps__kill_child(ps_live *l, ps__child *c, int64_t limit_ns, int expected)
{
    c->expect_exit = (uint8_t)expected;
    ps__signal(c, SIGTERM);
    ps__signal(c, SIGCONT);
    int64_t deadline = ps__mono_ns() + limit_ns;
    while (c->alive && ps__mono_ns() < deadline) {
        ps__pump(l, deadline - ps__mono_ns());
        if (l->interrupted)
            break;
    }
    if (c->alive) {
        ps__signal(c, SIGKILL);
        while (c->alive) {
            int64_t d = ps__mono_ns() + 1000000000;
            ps__pump(l, d - ps__mono_ns());
        }
    }
}

void ps__stop(ps_live *l, ps__child *c)
{
    if (!c->alive || c->stopped)
        return;
    ps__signal(c, SIGSTOP);
    ps__await(l, c, ps__is_stopped, 0, "stop");
}

void ps__cont(ps_live *l, ps__child *c)
{
    if (!c->alive || !c->stopped)
        return;
    ps__signal(c, SIGCONT);
    ps__await(l, c, ps__is_running, 0, "continue");
}

void ps__page_out_child(ps__child *c)
{
    if (c->alive && c->ws_addr && c->ws_bytes && !ps__page_out(c->pidfd, c->ws_addr, c->ws_bytes))
        c->paged_out = 1;
}

