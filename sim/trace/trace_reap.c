/* trace_reap.c — the end of a trace (trace.h, ps_trace_destroy): every
 * process of the tree still there is killed (SIGKILL works on stopped and
 * ptrace-stopped ones) and reports are taken in until each is reaped.
 * Processes of the tree are either procsim's children (the root, the
 * adopted) or become so once their parents die, which they all do: so
 * waiting ends; and once procsim has no child or tracee left at all,
 * whatever is not known to be reaped is gone too. */
#include <errno.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "trace_driver.h"

static int all_reaped(ps_trace *t)
{
    for (size_t i = 0; i < t->procs.len; i++)
        if (!ps__proc_at(t, (int32_t)i)->reaped)
            return 0;
    for (size_t i = 0; i < t->tasks.len; i++) /* a task whose process is not known */
        if (ps__task_at(t, i)->proc < 0 && !ps__task_at(t, i)->gone)
            return 0;
    return 1;
}

/* Kill every process of the tree still there, and every task not yet
 * known as one (a fork whose event has not come); then take in reports
 * until each is reaped.  Processes of the tree are either procsim's
 * children (the root, the adopted) or become so once their parents die,
 * which they all do: so waiting ends. */
static void kill_all(ps_trace *t)
{
    for (size_t i = 0; i < t->procs.len; i++) {
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (!p->ended && p->pidfd >= 0)
            syscall(SYS_pidfd_send_signal, p->pidfd, SIGKILL, NULL, 0);
        else if (!p->ended && !p->reaped)
            kill(p->pid, SIGKILL);
    }
    for (size_t i = 0; i < t->tasks.len; i++) {
        ps__ttask *k = ps__task_at(t, i);
        if (!k->gone && k->proc < 0)
            kill(k->tid, SIGKILL);
    }
}

/* procsim has no child and no tracee left (ECHILD): every process of the
 * tree was one or became one as its parent died, so what is not known to
 * be reaped is gone too (its exit or reaping was missed: out of
 * descriptors, a report lost), unless one still runs (killed again).
 * Without this, one process whose reaping cannot be judged would keep
 * destroy waiting forever. */
/* 1 if procsim has a child (the fallback's keeper aside: it is stopped
 * after the tree) or a tracee. */
static int has_children(ps_trace *t)
{
    siginfo_t si;
    if (!t->keeper_pid)
        return !(waitid(P_ALL, 0, &si, WEXITED | WSTOPPED | WNOHANG | WNOWAIT | __WALL) == -1 &&
                 errno == ECHILD);
    pid_t threads[64], kids[2];
    int nt = ps__proc_tasks(t->self, threads, 64);
    if (nt < 0 || nt > 64)
        return 1; /* cannot tell: as if there were */
    for (int i = 0; i < nt; i++) {
        int n = ps__task_children(t->self, threads[i], kids, 2);
        if (n < 0 || n > 1 || (n == 1 && kids[0] != t->keeper_pid))
            return 1;
    }
    return 0;
}

static void none_left(ps_trace *t)
{
    if (has_children(t))
        return;
    for (size_t i = 0; i < t->procs.len; i++) {
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        ps__task_sample s;
        if (p->reaped)
            continue;
        if (ps__proc_stat(p->pid, &s) == 0 && s.start == p->start_time && s.state != 'Z' &&
            s.state != 'X')
            return; /* it still runs: the next round kills it */
        ps__ended(t, p, 0, SIGKILL);
        ps__reaped(t, p, 0);
    }
    for (size_t i = 0; i < t->tasks.len; i++)
        ps__task_at(t, i)->gone = 1;
}

void ps__reap_all(ps_trace *t)
{
    /* as long as it takes: leaving one behind is worse than waiting */
    while (t->procs.len && !all_reaped(t)) {
        kill_all(t);
        if (t->sampled)
            ps__fallback_scan(t);
        else
            ps__ptrace_take_in(t);
        if (!all_reaped(t))
            none_left(t);
        ps__settle(t);
        if (all_reaped(t))
            break;
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
}
