/* live_wait.c — hearing from live children and waiting for them: the
 * kernel's reports through waitid, the children's messages on the status
 * pipe, procsim's own signals through a signalfd; and the few ways procsim
 * acts on a child (a command, a signal through its pidfd).
 *
 * Only our own children are waited for, each through its own pidfd
 * (waitid(P_PIDFD)).  Never P_ALL: that would also take the exit status
 * of a child the host program forked itself, which the host then waits
 * for in vain.  Never a bare pid: once ours is reaped it may be anyone's.
 * An exit is first looked at with WNOWAIT, so that the child is still a
 * zombie, its pid still its own, while /proc is read for its last letter;
 * only then is it reaped.
 *
 * Whom to ask, and when.  Asking is one system call per child, so not
 * everyone is asked every time:
 *  - the child being waited for is asked on every round, before any
 *    sleep, whatever came or did not.  SIGCONT makes waitid(WCONTINUED)
 *    report "continued" at once, but the SIGCHLD that says so is sent only
 *    when the child next runs: waiting for that signal first would add a
 *    scheduling delay to every dispatch, and more if the child is slow to
 *    get a CPU;
 *  - every child is asked once a SIGCHLD has come since they last were:
 *    SIGCHLDs merge (any number of changes leave one pending signal, whose
 *    siginfo names one child only), so a SIGCHLD means "someone changed",
 *    never who.  That round is left to the moments when no child in
 *    particular is awaited (the pacing, ps_live_interrupted): what an
 *    awaited child did never depends on it;
 *  - and every child is asked at least every PS__RESCAN_NS anyway (and
 *    poll sleeps no longer than that), because a host thread that does not
 *    block SIGCHLD may receive it instead of our signalfd, and there it is
 *    discarded.
 * Everything pending is taken in before sleeping in poll, never after:
 * sleeping after a round that found the news awaited would wait for news
 * that has already come.
 *
 * A child procsim has stopped to hold it (Ready, .../Suspend) is `held`
 * until procsim continues or kills it itself: a "continued" for a held
 * child is someone else's doing (kill -CONT, fg after Ctrl-Z), and the
 * child is stopped again once no child in particular is awaited.
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
#include "procsim/strerror.h"

void ps__live_warned(ps_live *l, const char *en, const char *ko)
{
    l->divergences++;
    if (l->warning[PS_LANG_EN][0])
        return; /* the first one tells the story */
    snprintf(l->warning[PS_LANG_EN], sizeof l->warning[PS_LANG_EN], "%s", en);
    snprintf(l->warning[PS_LANG_KO], sizeof l->warning[PS_LANG_KO], "%s", ko);
}

void ps__live_failed(ps_live *l, const char *en, const char *ko)
{
    if (l->failed)
        return;
    snprintf(l->err[PS_LANG_EN], sizeof l->err[PS_LANG_EN], "%s", en);
    snprintf(l->err[PS_LANG_KO], sizeof l->err[PS_LANG_KO], "%s", ko);
    l->failed = 1;
}

void ps__live_warn_(ps_live *l, const char *en, const char *ko, ...)
{
    char text[PS_LANG_COUNT][320];
    va_list ap, ap2;
    va_start(ap, ko);
    va_copy(ap2, ap);
    vsnprintf(text[PS_LANG_EN], sizeof text[PS_LANG_EN], en, ap);
    vsnprintf(text[PS_LANG_KO], sizeof text[PS_LANG_KO], ko, ap2);
    va_end(ap2);
    va_end(ap);
    ps__live_warned(l, text[PS_LANG_EN], text[PS_LANG_KO]);
}

/* Its name first, then the verb in each language: not one format for both. */
void ps__overdue(ps_live *l, const ps__child *c, ps__act what)
{
    static const char *const verb[][PS_LANG_COUNT] = {
#define PS_X_(e, en, ko) {en, ko},
        PS__LIVE_ACTS(PS_X_)
#undef PS_X_
    };
    const char *name = ps__pname(l, (uint32_t)(c - l->ch) + 1);
    long long secs = PS__GRACE_NS / 1000000000;
    char en[320], ko[320];
    snprintf(en, sizeof en, "%s did not %s within %lld s and was killed", name,
             verb[what][PS_LANG_EN], secs);
    snprintf(ko, sizeof ko, "%s이(가) %lld초 안에 %s 못해 강제 종료되었습니다", name, secs,
             verb[what][PS_LANG_KO]);
    ps__live_warned(l, en, ko);
}

/* The child is no longer ours to wait for: forget it. */
static void gone(ps__child *c)
{
    c->alive = 0;
    c->stopped = 0;
    if (c->pidfd >= 0)
        close(c->pidfd);
    if (c->cmd_fd >= 0)
        close(c->cmd_fd);
    c->pidfd = c->cmd_fd = -1;
    if (!c->expect_exit)
        c->died = 1;
}

/* `c` has exited and is still a zombie (si: what waitid said, with
 * WNOWAIT): note how it ended and the letter /proc shows, then reap it. */
static void reap(ps__child *c, const siginfo_t *si)
{
    c->exit_letter = ps__proc_state(c->pid, c->pidfd); /* Z: exited, not yet reaped */
    siginfo_t done;
    while (waitid(P_PIDFD, (id_t)c->pidfd, &done, WEXITED) < 0 && errno == EINTR)
        ;
    c->death_signal = si->si_code == CLD_EXITED ? 0 : si->si_status;
    c->exit_code = si->si_code == CLD_EXITED ? si->si_status : 0;
    gone(c);
}

/* waitid cannot wait for `c` (err: ECHILD if someone else in this process,
 * a waitpid(-1) say, reaped it): how it ended is lost. */
static void lost(ps_live *l, ps__child *c, int err)
{
    const char *name = ps__pname(l, (uint32_t)(c - l->ch) + 1);
    char en[320], ko[320];
    snprintf(en, sizeof en, "%s could not be waited for (%s): how it ended is unknown", name,
             err == ECHILD ? "someone else in this process reaped it"
                           : ps_strerror(err, PS_LANG_EN));
    snprintf(ko, sizeof ko, "%s을(를) 기다릴 수 없었습니다(%s): 어떻게 끝났는지 알 수 없습니다",
             name, err == ECHILD ? "이 프로세스 안의 다른 코드가 거두어 갔습니다"
                                 : ps_strerror(err, PS_LANG_KO));
    ps__live_warned(l, en, ko);
    c->exit_letter = 0;
    c->death_signal = c->exit_code = 0;
    gone(c);
}

/* Ask the kernel what became of `c` since it was last asked; returns how
 * many changes it had. */
static int ask(ps_live *l, ps__child *c)
{
    int got = 0;
    for (int round = 0; c->alive && round < 4; round++) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_PIDFD, (id_t)c->pidfd, &si,
                   WEXITED | WSTOPPED | WCONTINUED | WNOHANG | WNOWAIT) < 0) {
            if (errno == EINTR)
                continue;
            lost(l, c, errno);
            return got + 1;
        }
        if (si.si_pid == 0)
            return got;
        got++;
        if (si.si_code != CLD_STOPPED && si.si_code != CLD_TRAPPED &&
            si.si_code != CLD_CONTINUED) {
            reap(c, &si); /* exited, killed, dumped */
            return got;
        }
        /* take the stop or continue in; without WEXITED nothing is reaped */
        memset(&si, 0, sizeof si);
        if (waitid(P_PIDFD, (id_t)c->pidfd, &si, WSTOPPED | WCONTINUED | WNOHANG) == 0 &&
            si.si_pid) {
            c->stopped = si.si_code != CLD_CONTINUED;
            c->undone |= !c->stopped && c->held; /* not by procsim: stopped again */
        }
    }
    return got;
}

static int ask_everyone(ps_live *l)
{
    int got = 0;
    l->chld_news = 0; /* a SIGCHLD from now on is news again */
    l->scanned_ns = ps__mono_ns();
    for (uint32_t i = 0; i < l->n; i++)
        if (l->ch[i].alive)
            got += ask(l, &l->ch[i]);
    return got;
}

void ps__wait_gone(ps_live *l, ps__child *c)
{
    while (c->alive) {
        siginfo_t si;
        memset(&si, 0, sizeof si);
        if (waitid(P_PIDFD, (id_t)c->pidfd, &si, WEXITED | WNOWAIT) == 0)
            reap(c, &si);
        else if (errno != EINTR)
            lost(l, c, errno);
    }
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

void ps__drain_signals(ps_live *l)
{
    struct signalfd_siginfo si;
    while (read(l->sfd, &si, sizeof si) == (ssize_t)sizeof si) {
        if (si.ssi_signo == SIGCHLD)
            l->chld_news = l->chld_seen = 1;
        else
            l->interrupted = 1;
    }
}

/* One round: our signals, the kernel's news of `c` (or, with c NULL, of
 * every child if a SIGCHLD came or PS__RESCAN_NS have passed), the status
 * pipe.  Returns how much news came. */
static int take_in(ps_live *l, ps__child *c)
{
    ps__drain_signals(l);
    int got = 0;
    if (c)
        got += ask(l, c);
    else if (l->chld_news || ps__mono_ns() - l->scanned_ns >= PS__RESCAN_NS)
        got += ask_everyone(l);
    return got + drain_status(l);
}

static void pump_once(ps_live *l, ps__child *c, int64_t timeout_ns)
{
    if (take_in(l, c) || timeout_ns <= 0 || l->interrupted)
        return;
    if (timeout_ns > PS__RESCAN_NS)
        timeout_ns = PS__RESCAN_NS;
    struct pollfd fds[2] = {{l->status_rd, POLLIN, 0}, {l->sfd, POLLIN, 0}};
    if (poll(fds, 2, (int)((timeout_ns + 999999) / 1000000)) > 0)
        take_in(l, c);
}

/* With no child awaited, the children someone else continued while the
 * model holds them stopped are stopped again (ps__stop waits only for the
 * one it stops: nothing here recurses). */
void ps__pump(ps_live *l, ps__child *c, int64_t timeout_ns)
{
    pump_once(l, c, timeout_ns);
    if (c)
        return;
    for (uint32_t i = 0; i < l->n && !l->interrupted; i++)
        if (l->ch[i].alive && l->ch[i].held && l->ch[i].undone)
            ps__stop(l, &l->ch[i]);
    ps__tell_restops(l);
}

/* ---- waiting for confirmations ---------------------------------------- */

/* Pump until cond holds, the child is gone, or it overruns (then it is
 * killed).  Returns -1 only if procsim was interrupted. */
int ps__await(ps_live *l, ps__child *c, ps__cond_fn cond, uint32_t want, ps__act what)
{
    int64_t deadline = ps__mono_ns() + PS__GRACE_NS;
    for (;;) {
        ps__pump(l, c, 0);
        if (l->interrupted)
            return -1;
        if (!c->alive || cond(c, want))
            return 0;
        int64_t left = deadline - ps__mono_ns();
        if (left <= 0) {
            ps__overdue(l, c, what);
            ps__kill_child(l, c, PS__TERM_NS, 0);
            return 0;
        }
        ps__pump(l, c, left);
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
    c->held = c->undone = 0; /* the SIGCONT below is procsim's */
    ps__signal(c, SIGTERM);
    ps__signal(c, SIGCONT);
    int64_t deadline = ps__mono_ns() + limit_ns;
    while (c->alive && ps__mono_ns() < deadline) {
        ps__pump(l, c, deadline - ps__mono_ns());
        if (l->interrupted)
            break;
    }
    if (c->alive) {
        ps__signal(c, SIGKILL);
        while (c->alive)
            ps__pump(l, c, PS__RESCAN_NS); /* SIGKILL cannot be refused */
    }
}

static int stopped_or_undone(const ps__child *c, uint32_t want)
{
    return (void)want, c->stopped || c->undone;
}

/* Someone else may continue `c` between our SIGSTOP and its report (fg
 * after Ctrl-Z continues the whole process group): then it is stopped
 * again, and the host told. */
void ps__stop(ps_live *l, ps__child *c)
{
    c->held = 1; /* from now on, a continue is not procsim's */
    int again = c->undone;
    while (c->alive && !c->stopped && !l->interrupted) {
        c->undone = 0;
        ps__signal(c, SIGSTOP);
        ps__await(l, c, stopped_or_undone, 0, PS__ACT_STOP);
        again |= c->undone;
    }
    c->undone = 0;
    if (!again || !c->alive || !c->stopped)
        return;
    ps_live_restop *slot = ps__vec_push(&l->restops);
    if (!slot) {
        l->nomem = 1;
        return;
    }
    *slot = (ps_live_restop){.pid = (uint32_t)(c - l->ch) + 1, .model = c->model,
                             .os_pid = c->pid,
                             .wall_us = (ps__mono_ns() - l->start_ns) / 1000};
    l->nrestops++;
}

void ps__tell_restops(ps_live *l)
{
    ps_live_restop *r = l->restops.data;
    for (size_t i = 0; i < l->restops.len && l->restop_fn; i++)
        l->restop_fn(l->restop_ctx, &r[i]);
    l->restops.len = 0;
}

void ps__cont(ps_live *l, ps__child *c)
{
    c->held = c->undone = 0; /* it is meant to run: the SIGCONT is procsim's */
    if (!c->alive || !c->stopped)
        return;
    ps__signal(c, SIGCONT);
    ps__await(l, c, ps__is_running, 0, PS__ACT_CONTINUE);
}

void ps__page_out_child(ps__child *c)
{
    if (c->alive && c->ws_addr && c->ws_bytes && !ps__page_out(c->pidfd, c->ws_addr, c->ws_bytes))
        c->paged_out = 1;
}

