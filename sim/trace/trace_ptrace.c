/* trace_ptrace.c — following the tree with ptrace (docs/trace.md).
 *
 * The root is seized (PTRACE_SEIZE) before it execs, with fork, vfork,
 * clone, exec and exit events and PTRACE_O_EXITKILL: every task it makes
 * is attached by the kernel from its first instruction, and every tracee
 * is killed if procsim dies, even by SIGKILL.  procsim never asks for
 * syscall stops: a tracee stops only at those events and at signals, and
 * is let go at once (the cost is a few stops per process, not per call).
 *
 * Stop reports come through waitpid(-1, __WALL): a new task's first stop
 * may come before its parent's fork event, so every report has to be
 * taken, from tasks not yet known too (they wait in their stop until the
 * fork event names their process).  That wait also reaps procsim's own
 * children: the root and the processes it adopted as the tree's
 * subreaper, which is how those are reaped at once.  (So a host must not
 * have children of its own to wait for while a trace runs: trace.h.)
 *
 *   fork/vfork/clone event  a new process (New, then Ready when its first
 *                  stop is let go), or a new thread of the same process
 *   exec event     its names read again, an EXEC note
 *   exit event     let go: the process ends at its exit report
 *   event stop     a new task's first stop (let go: it runs), or a
 *                  group-stop (SIGSTOP, SIGTSTP...): kept with
 *                  PTRACE_LISTEN, so the process really stays stopped,
 *                  and shown as a suspend
 *   signal stop    re-injected unchanged; the sender (PTRACE_GETSIGINFO)
 *                  is kept for a stop or a continue, others are noted
 *   exit report    the main thread's: the process ended, with its status
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trace_driver.h"
#include "trace_util.h"

int ps__ptrace_seize(ps_trace *t, pid_t pid)
{
    (void)t;
    long opts = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL;
    return ptrace(PTRACE_SEIZE, pid, 0, (void *)opts) ? -1 : 0;
}

static void go_on(pid_t tid, int sig)
{
    ptrace(PTRACE_CONT, tid, 0, (void *)(long)sig); /* ESRCH: killed meanwhile */
}

static int is_stop_signal(int sig)
{
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

/* The thread group of a task and its parent, from /proc/TID/status
 * ("Tgid:", "PPid:"); -1 if gone. */
static int status_of(pid_t tid, pid_t *tgid, pid_t *ppid)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
    if (ps__read_small(path, buf, sizeof buf) <= 0)
        return -1;
    const char *tg = strstr(buf, "\nTgid:"), *pp = strstr(buf, "\nPPid:");
    if (!tg || !pp)
        return -1;
    *tgid = (pid_t)strtol(tg + 6, NULL, 10);
    *ppid = (pid_t)strtol(pp + 6, NULL, 10);
    return 0;
}

static pid_t tgid_of(pid_t tid)
{
    pid_t tgid = 0, ppid = 0;
    return status_of(tid, &tgid, &ppid) ? 0 : tgid;
}

static void threads_changed(ps_trace *t, ps__tproc *p)
{
    if (p->threads != p->threads_noted && !p->ended) {
        p->threads_noted = p->threads;
        ps__note(t, p, PS_TN_THREADS, p->threads, 0, "", 0);
    }
}

/* Let a task's first stop go: it runs now. */
static void let_run(ps_trace *t, ps__ttask *k)
{
    k->attached = 1;
    go_on(k->tid, 0);
    if (k->proc >= 0) {
        ps__tproc *p = ps__proc_at(t, k->proc);
        if (p->pid == k->tid || p->thread_proc)
            ps__admit(t, p);
    }
}

/* A fork, vfork or clone by task `ti`. */
static void forked(ps_trace *t, size_t ti, int event)
{
    ps__ttask *k = ps__task_at(t, ti);
    pid_t by = k->tid;
    int32_t proc = k->proc;
    unsigned long msg = 0;
    if (ptrace(PTRACE_GETEVENTMSG, by, 0, &msg) || !msg || proc < 0)
        return;
    pid_t nt = (pid_t)msg;
    ssize_t known = ps__task_find(t, nt);
    int32_t same = known < 0 ? ps__proc_find(t, nt) : -1;
    if ((known >= 0 && ps__task_at(t, (size_t)known)->proc >= 0) ||
        (same >= 0 && !ps__proc_at(t, same)->reaped))
        return; /* its first stop came first and made it (first_stop), and
                   it may even have exited since: its task is gone but its
                   process is known until reaped */
    ps__tproc *p = ps__proc_at(t, proc);
    int thread = event == PTRACE_EVENT_CLONE && tgid_of(nt) == p->pid;
    int32_t np = proc;
    if (thread && !t->o.threads_as_procs) {
        p->threads++;
        t->info.threads++;
        threads_changed(t, p);
    } else {
        if (thread)
            t->info.threads++;
        np = ps__proc_new(t, nt, proc);
        if (np < 0)
            return;
        ps__tproc *c = ps__proc_at(t, np);
        c->thread_proc = (uint8_t)thread;
        if (!thread)
            ps__open_pidfd(t, c);
    }
    ssize_t ci = ps__task_find(t, nt);
    if (ci >= 0) { /* its first stop came first: it waits in it */
        ps__ttask *c = ps__task_at(t, (size_t)ci);
        c->proc = np;
        let_run(t, c);
    } else {
        ps__task_new(t, nt, np);
    }
}

static void execed(ps_trace *t, size_t ti)
{
    ps__ttask *k = ps__task_at(t, ti);
    unsigned long former = 0;
    ptrace(PTRACE_GETEVENTMSG, k->tid, 0, &former);
    if (k->proc < 0)
        return;
    ps__tproc *p = ps__proc_at(t, k->proc);
    if ((pid_t)former != k->tid && former) {
        /* a thread other than the main one exec'd: it has taken the main
           one's tid, and the others are gone */
        ssize_t fi = ps__task_find(t, (pid_t)former);
        if (fi >= 0)
            ps__task_gone(t, ps__task_at(t, (size_t)fi));
    }
    ps__taskfd_close(&k->fd); /* re-opened at the next sample */
    k->have_prev = 0;
    k->have_sc = 0; /* another program */
    if (!p->thread_proc) {
        p->threads = 1;
        threads_changed(t, p);
    }
    ps__refresh_names(t, p, 1);
}

/* A signal is about to be delivered: re-inject it as it is. */
static void signalled(ps_trace *t, size_t ti, int sig)
{
    ps__ttask *k = ps__task_at(t, ti);
    pid_t tid = k->tid;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int32_t from = 0;
    if (ptrace(PTRACE_GETSIGINFO, tid, 0, &si) == 0 && si.si_code <= 0 && si.si_pid != t->self)
        from = (int32_t)ps__slot_of_pid(t, si.si_pid); /* sent by a process (kill, tgkill) */
    if (k->proc >= 0) {
        ps__tproc *p = ps__proc_at(t, k->proc);
        if (is_stop_signal(sig)) {
            p->stop_from = from;
            p->stop_sig = sig;
        } else if (sig == SIGCONT) {
            p->cont_from = from;
            go_on(tid, sig); /* first: the activate's letter is read after */
            ps__continued(t, p);
            return;
        } else if (!p->ended) {
            ps__note(t, p, PS_TN_SIGNAL, sig, from, "", 0);
        }
    }
    go_on(tid, sig);
}

/* Who sent the SIGCONT queued for the process of tid (its slot; 0: not
 * in the tree, procsim, or not found). */
static int32_t cont_sender(ps_trace *t, pid_t tid)
{
    siginfo_t q[8];
    struct __ptrace_peeksiginfo_args args = {.off = 0, .flags = PTRACE_PEEKSIGINFO_SHARED, .nr = 8};
    long n = ptrace(PTRACE_PEEKSIGINFO, tid, &args, q);
    for (long i = 0; i < n; i++)
        if (q[i].si_signo == SIGCONT && q[i].si_code <= 0 && q[i].si_pid != t->self)
            return (int32_t)ps__slot_of_pid(t, q[i].si_pid);
    return 0;
}

/* A PTRACE_EVENT_STOP: a new task's first stop, a group-stop, or the end
 * of one kept with PTRACE_LISTEN. */
static void event_stop(ps_trace *t, size_t ti, int sig)
{
    ps__ttask *k = ps__task_at(t, ti);
    if (!k->attached) {
        if (k->proc >= 0)
            let_run(t, k);
        return; /* else it waits for its fork event */
    }
    if (is_stop_signal(sig)) {
        k->listening = 1;
        ptrace(PTRACE_LISTEN, k->tid, 0, 0);
        if (k->proc >= 0)
            ps__stopped(t, ps__proc_at(t, k->proc));
        return;
    }
    ps__tproc *p = k->listening && k->proc >= 0 ? ps__proc_at(t, k->proc) : NULL;
    if (p && p->stopped) /* the group-stop ended: a SIGCONT came (still
                            queued, to be delivered: its sender is read
                            from the queue) */
        p->cont_from = cont_sender(t, k->tid);
    k->listening = 0;
    go_on(k->tid, 0);
    if (p && p->stopped)
        ps__continued(t, p); /* let go first: its letter is read after */
}

/* A task is gone: a thread, or a process's main thread (the process has
 * ended); or a process of the tree reported again once reaped by procsim. */
static void task_exited(ps_trace *t, ssize_t ti, pid_t tid, int st)
{
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : 0;
    int sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
    int32_t pi = -1;
    if (ti >= 0) {
        ps__ttask *k = ps__task_at(t, (size_t)ti);
        ps__task_gone(t, k);
        pi = k->proc;
        if (pi >= 0) {
            ps__tproc *p = ps__proc_at(t, pi);
            if (p->pid != tid && !p->thread_proc) {
                if (p->threads > 1)
                    p->threads--;
                threads_changed(t, p);
                return;
            }
        }
    } else {
        pi = ps__proc_find(t, tid);
    }
    if (pi < 0)
        return;
    ps__tproc *p = ps__proc_at(t, pi);
    if (p->reaped)
        return;
    int was_ended = p->ended;
    ps__ended(t, p, code, sig);
    /* Reaped now if procsim is its parent (the root, an adopted orphan:
       this wait reaped it) or if its parent was quick; else a zombie. */
    if (p->thread_proc || was_ended || p->ppid == t->self)
        ps__reaped(t, p, 0);
    else if (ps__reaped_now(p))
        ps__reaped(t, p, (int32_t)ps__slot_of_pid(t, p->ppid));
}

/* The first stop of a task no fork event has named yet: the event may
 * come later, or never (its parent was killed before it was reported).
 * Its process is made now, from /proc/TID/status: a thread of a known
 * process, or a process whose parent is the one in PPid (procsim when the
 * forker is gone: adopted); its stop is then taken as a known task's (the
 * first one is let go: it runs).  A late fork event finds it known.
 * Returns its task, or -1: /proc said nothing, it waits for its event. */
static ssize_t first_stop(ps_trace *t, pid_t tid)
{
    pid_t tgid = 0, ppid = 0;
    int32_t owner = -1;
    if (status_of(tid, &tgid, &ppid) == 0 && tgid != tid)
        owner = ps__proc_find(t, tgid);
    ssize_t ki = -1;
    if (owner >= 0 && !t->o.threads_as_procs) { /* a thread of a process we know */
        ps__tproc *p = ps__proc_at(t, owner);
        p->threads++;
        t->info.threads++;
        threads_changed(t, p);
        ki = ps__task_new(t, tid, owner);
    } else if (tgid) {
        int32_t parent = owner >= 0 ? owner : ps__proc_find(t, ppid);
        int32_t np = ps__proc_new(t, tid, parent);
        if (np < 0)
            return -1;
        ps__tproc *c = ps__proc_at(t, np);
        c->thread_proc = owner >= 0;
        if (owner < 0)
            ps__open_pidfd(t, c);
        if (parent < 0 && ppid == t->self) { /* its forker is gone already */
            c->adopted = 1;
            ps__note(t, c, PS_TN_ADOPTED, 0, 0, "", 0);
        }
        ki = ps__task_new(t, tid, np);
    } else {
        ps__task_new(t, tid, -1); /* nothing readable: wait for the event */
        return -1;
    }
    return ki;
}

static void handle(ps_trace *t, pid_t tid, int st)
{
    ssize_t ti = ps__task_find(t, tid);
    if (WIFEXITED(st) || WIFSIGNALED(st)) {
        task_exited(t, ti, tid, st);
        return;
    }
    if (!WIFSTOPPED(st))
        return;
    if (ti < 0 && (ti = first_stop(t, tid)) < 0)
        return; /* a new task, unknown to /proc too: it waits in its stop */
    int sig = WSTOPSIG(st);
    switch ((unsigned)st >> 16) {
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE:
        forked(t, (size_t)ti, (int)((unsigned)st >> 16));
        go_on(tid, 0);
        break;
    case PTRACE_EVENT_EXEC:
        execed(t, (size_t)ti);
        go_on(tid, 0);
        break;
    case PTRACE_EVENT_STOP:
        event_stop(t, (size_t)ti, sig);
        break;
    case 0:
        signalled(t, (size_t)ti, sig);
        break;
    default: /* PTRACE_EVENT_EXIT, and any other: let it go */
        go_on(tid, 0);
        break;
    }
}

void ps__ptrace_take_in(ps_trace *t)
{
    for (;;) {
        int st;
        pid_t tid = waitpid(-1, &st, __WALL | WNOHANG);
        if (tid < 0 && errno == EINTR)
            continue;
        if (tid <= 0)
            return;
        t->info.events++;
        ps__event_time(t);
        t->rep = PS_REP_PTRACE;
        handle(t, tid, st);
    }
}
