/* trace_fallback.c — following the tree without ptrace (refused here, or
 * --no-ptrace): at each sample, every live process's threads
 * (/proc/PID/task) and their children (/proc/PID/task/TID/children) are
 * listed, and each new child gets a pidfd at once.  A child that is gone
 * before that is counted as missed; one that forked and ended within one
 * sample is not seen at all (docs/trace.md: the warning says so).
 *
 * A process's end is seen through its pidfd (readable once it exits).
 * procsim's own children (the root, and orphans it adopted as the
 * subreaper) are reaped with waitid on their pidfds, which gives their
 * status; another process's zombie still shows its status in
 * /proc/PID/stat (field 52) until its parent reaps it, which the pidfd
 * then tells (ESRCH).  procsim's children it has not seen before are
 * orphans of the tree it adopted (a host has no children of its own while
 * a trace runs: trace.h), but for the keeper (trace_keeper.c), which is
 * told of each new process as soon as it has its pidfd.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trace_driver.h"
#include "trace_util.h"

#define PS__LIST_MAX 512

int ps__fallback_exit_code(pid_t pid, int *code, int *sig)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    ps__task_sample s = {0};
    if (ps__read_small(path, buf, sizeof buf) <= 0 || ps__stat_parse(buf, &s) < 0 ||
        (s.state != 'Z' && s.state != 'X'))
        return -1;
    *code = WIFEXITED(s.exit_code) ? WEXITSTATUS(s.exit_code) : 0;
    *sig = WIFSIGNALED(s.exit_code) ? WTERMSIG(s.exit_code) : 0;
    return 0;
}

static void new_child(ps_trace *t, pid_t pid, int32_t parent)
{
    int fd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (fd < 0) {
        t->info.missed++;
        ps__note(t, NULL, PS_TN_MISSED, 1, 0, "", 0);
        return;
    }
    int32_t i = ps__proc_new(t, pid, parent);
    if (i < 0) {
        close(fd);
        return;
    }
    ps__tproc *p = ps__proc_at(t, i);
    p->pidfd = fd;
    ps__keeper_tell(t, pid);
    if (parent < 0) {
        p->adopted = 1;
        ps__note(t, p, PS_TN_ADOPTED, 0, 0, "", 0);
    }
    ssize_t k = ps__task_new(t, pid, i);
    if (k >= 0)
        ps__task_at(t, (size_t)k)->attached = 1;
    ps__admit(t, p);
}

static int known(ps_trace *t, pid_t pid)
{
    int32_t i = ps__proc_find(t, pid);
    return i >= 0 && !ps__proc_at(t, i)->reaped;
}

/* Its threads as tasks (new ones added, vanished ones gone), and their
 * children as processes. */
static void scan_proc(ps_trace *t, int32_t idx)
{
    pid_t tids[PS__LIST_MAX], kids[PS__LIST_MAX];
    ps__tproc *p = ps__proc_at(t, idx);
    pid_t pid = p->pid;
    int n = ps__proc_tasks(pid, tids, PS__LIST_MAX);
    if (n <= 0)
        return;
    int m = n < PS__LIST_MAX ? n : PS__LIST_MAX;
    for (int i = 0; i < m; i++) {
        if (ps__task_find(t, tids[i]) < 0) {
            ssize_t k = ps__task_new(t, tids[i], idx);
            if (k >= 0)
                ps__task_at(t, (size_t)k)->attached = 1;
            if (tids[i] != pid)
                t->info.threads++;
        }
    }
    for (size_t i = 0; i < t->tasks.len; i++) { /* threads that ended */
        ps__ttask *k = ps__task_at(t, i);
        int found = 0;
        for (int j = 0; j < m && !found && k->proc == idx && !k->gone; j++)
            found = tids[j] == k->tid;
        if (k->proc == idx && !k->gone && !found && n <= PS__LIST_MAX) {
            k->gone = 1;
            ps__taskfd_close(&k->fd);
        }
    }
    p = ps__proc_at(t, idx);
    char comm[sizeof p->comm];
    ps__proc_comm(pid, comm, sizeof comm);
    if (comm[0] && strcmp(comm, p->comm) != 0)
        ps__refresh_names(t, p, 1); /* no exec event here: its comm changed */
    if (p->threads != (uint32_t)n) {
        p->threads = p->threads_noted = (uint32_t)n;
        ps__note(t, p, PS_TN_THREADS, n, 0, "", 0);
    }
    for (int i = 0; i < m; i++) {
        int c = ps__task_children(pid, tids[i], kids, PS__LIST_MAX);
        for (int j = 0; j < c && j < PS__LIST_MAX; j++)
            if (!known(t, kids[j]))
                new_child(t, kids[j], idx);
    }
}

/* Has it exited?  Then how, and is it reaped. */
static void check_exit(ps_trace *t, ps__tproc *p)
{
    struct pollfd pf = {p->pidfd, POLLIN, 0};
    if (p->pidfd < 0 || poll(&pf, 1, 0) <= 0 || !(pf.revents & (POLLIN | POLLHUP)))
        return;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (waitid(P_PIDFD, (id_t)p->pidfd, &si, WEXITED | WNOHANG) == 0 && si.si_pid) {
        /* ours: reaped now */
        ps__ended(t, p, si.si_code == CLD_EXITED ? si.si_status : 0,
                  si.si_code == CLD_EXITED ? 0 : si.si_status);
        ps__reaped(t, p, 0);
        return;
    }
    int code = 0, sig = 0;
    int zombie = ps__fallback_exit_code(p->pid, &code, &sig) == 0 &&
                 syscall(SYS_pidfd_send_signal, p->pidfd, 0, NULL, 0) == 0;
    ps__ended(t, p, code, sig);
    if (!zombie)
        ps__reaped(t, p, p->adopted ? 0 : (int32_t)ps__slot_of_pid(t, p->ppid));
}

/* A zombie that became procsim's child (its parent ended): reap it. */
static void reap_adopted(ps_trace *t, ps__tproc *p)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    if (p->ended && !p->reaped && p->pidfd >= 0 &&
        waitid(P_PIDFD, (id_t)p->pidfd, &si, WEXITED | WNOHANG) == 0 && si.si_pid)
        ps__reaped(t, p, 0);
}

void ps__fallback_scan(ps_trace *t)
{
    for (size_t i = 0; i < t->procs.len; i++) {
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (!p->ended)
            scan_proc(t, (int32_t)i);
    }
    pid_t mine[PS__LIST_MAX], kids[PS__LIST_MAX];
    int nt = ps__proc_tasks(t->self, mine, PS__LIST_MAX);
    for (int i = 0; i < nt && i < PS__LIST_MAX; i++) {
        int c = ps__task_children(t->self, mine[i], kids, PS__LIST_MAX);
        for (int j = 0; j < c && j < PS__LIST_MAX; j++)
            if (!known(t, kids[j]) && kids[j] != t->keeper_pid)
                new_child(t, kids[j], -1);
    }
    /* children before parents (they come later in procs): a child that
       ended first is not adopted when its parent's end is seen */
    for (size_t i = t->procs.len; i-- > 0;) {
        ps__tproc *p = ps__proc_at(t, (int32_t)i);
        if (!p->ended)
            check_exit(t, p);
        reap_adopted(t, p);
    }
}
