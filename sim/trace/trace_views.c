/* trace_views.c — what a host reads of a trace between polls (trace.h):
 * how COMMAND ended, the slot of a pid or a name, the kernel's view of
 * one process and its descriptors, the counters; and the user's
 * interventions, as real signals through the process's pidfd (their
 * states come later, from the events they cause). */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "trace_driver.h"
#include "trace_util.h"

int ps_trace_exit(const ps_trace *t, int *code, int *signo)
{
    if (!t->procs.len)
        return -1;
    const ps__tproc *r = &PS__VEC_AT(&t->procs, ps__tproc, 0);
    if (!r->ended)
        return -1;
    *code = r->exit_code;
    *signo = r->term_sig;
    return 0;
}

static ps__tproc *slot_proc(const ps_trace *t, uint32_t pid)
{
    return ps__slot_proc((ps_trace *)t, pid); /* reads only */
}

static int signal_proc(ps__tproc *p, int sig)
{
    if (p->pidfd < 0)
        return kill(p->pid, sig) ? -1 : 0;
    return syscall(SYS_pidfd_send_signal, p->pidfd, sig, NULL, 0) ? -1 : 0;
}

int ps_trace_suspend(ps_trace *t, uint32_t pid)
{
    ps__tproc *p = slot_proc(t, pid);
    if (!p || p->ended || p->stopped || p->user_stop || p->user_kill || ps__status(t) != PS_STEP_OK)
        return -1;
    ps_state st = ps__state(t, p);
    if (st != PS_READY && st != PS_RUNNING && st != PS_BLOCKED)
        return -1;
    p->user_stop = 1;
    if (signal_proc(p, SIGSTOP)) {
        p->user_stop = 0;
        return -1;
    }
    return 0;
}

int ps_trace_resume(ps_trace *t, uint32_t pid)
{
    ps__tproc *p = slot_proc(t, pid);
    if (!p || p->ended || p->user_cont || p->user_kill || ps__status(t) != PS_STEP_OK)
        return -1;
    ps_state st = ps__state(t, p);
    if (st != PS_READY_SUSPENDED && st != PS_BLOCKED_SUSPENDED)
        return -1;
    p->user_cont = 1;
    if (signal_proc(p, SIGCONT)) {
        p->user_cont = 0;
        return -1;
    }
    return 0;
}

int ps_trace_kill(ps_trace *t, uint32_t pid)
{
    ps__tproc *p = slot_proc(t, pid);
    if (!p || p->ended || p->user_kill || ps__status(t) != PS_STEP_OK)
        return -1;
    p->user_kill = 1;
    if (signal_proc(p, SIGKILL)) {
        p->user_kill = 0;
        return -1;
    }
    return 0;
}

uint32_t ps_trace_find(const ps_trace *t, pid_t os_pid)
{
    return ps__slot_of_pid((ps_trace *)t, os_pid);
}

uint32_t ps_trace_find_name(const ps_trace *t, const char *name)
{
    uint32_t first = 0;
    for (size_t i = 0; i < t->procs.len; i++) {
        const ps__tproc *p = &PS__VEC_AT(&t->procs, ps__tproc, i);
        if (!p->slot || strcmp(t->names[p->slot - 1], name))
            continue;
        if (!p->ended)
            return p->slot;
        if (!first)
            first = p->slot;
    }
    return first;
}

/* The call a sleeping process is in now, read when someone asks (the PCB
 * panel, for the one process it shows) rather than at every sample for
 * every sleeper; "" if it is in none. */
static void current_call(const ps__tproc *p, char *buf, size_t size)
{
    char path[64], text[256];
    snprintf(path, sizeof path, "/proc/%d/syscall", (int)p->pid);
    buf[0] = 0;
    if (ps__read_small(path, text, sizeof text) > 0 && text[0] >= '0' && text[0] <= '9')
        snprintf(buf, size, "%s", ps__syscall_name(strtol(text, NULL, 10)));
}

int ps_trace_proc_info(const ps_trace *t, uint32_t pid, ps_trace_proc *out)
{
    const ps__tproc *p = slot_proc(t, pid);
    if (!p)
        return -1;
    memset(out, 0, sizeof *out);
    out->os_pid = p->pid;
    out->os_ppid = p->ppid;
    memcpy(out->comm, p->comm, sizeof out->comm);
    snprintf(out->cmdline, sizeof out->cmdline, "%s", p->cmdline);
    snprintf(out->syscall, sizeof out->syscall, "%s", p->syscall);
    if (!p->ended && (p->kstate == 'S' || p->kstate == 'D'))
        current_call(p, out->syscall, sizeof out->syscall);
    if (!out->syscall[0])
        snprintf(out->syscall, sizeof out->syscall, "%s", p->syscall);
    snprintf(out->wchan, sizeof out->wchan, "%s", p->wchan);
    out->kstate = p->ended ? (p->reaped ? 0 : 'Z') : p->kstate;
    out->zombie = p->ended && !p->reaped;
    out->adopted = p->adopted;
    out->threads = p->threads;
    out->execs = p->execs;
    out->last_cpu = p->last_cpu;
    out->run_ns = p->run_ns;
    out->wait_ns = p->wait_ns;
    out->started_us = p->started_us;
    out->ended_us = p->ended_us;
    return 0;
}

/* Put fd into out[0..*kept) in order by number, keeping the lowest max. */
static void keep_fd(ps_live_fd *out, int max, int *kept, int fd, const char *path)
{
    int i = *kept < max ? (*kept)++ : max;
    for (; i > 0 && out[i - 1].fd > fd; i--)
        if (i < max)
            out[i] = out[i - 1];
    if (i >= max)
        return;
    out[i].fd = fd;
    ssize_t n = readlink(path, out[i].target, sizeof out[i].target - 1);
    out[i].target[n > 0 ? n : 0] = 0;
}

int ps_trace_open_fds(const ps_trace *t, uint32_t pid, ps_live_fd *out, int max)
{
    const ps__tproc *p = slot_proc(t, pid);
    if (!p || p->ended || p->pidfd < 0)
        return -1;
    char dir[64], path[64 + 256];
    snprintf(dir, sizeof dir, "/proc/%d/fd", (int)p->pid);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0, kept = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        char *end;
        long fd = strtol(de->d_name, &end, 10);
        if (de->d_name[0] < '0' || de->d_name[0] > '9' || *end || fd == t->hook_wr)
            continue; /* ".", "..", and the hook's pipe (procsim's, not the program's) */
        n++;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        keep_fd(out, max < 0 ? 0 : max, &kept, (int)fd, path);
    }
    closedir(d);
    /* still the same process: a pid read while it exists is its own */
    return syscall(SYS_pidfd_send_signal, p->pidfd, 0, NULL, 0) == 0 ? n : -1;
}

char *ps_trace_command(const ps_trace *t, char *buf, size_t size)
{
    size_t k = 0;
    if (size)
        buf[0] = 0;
    for (int i = 0; t->argv[i] && k + 1 < size; i++)
        k += (size_t)snprintf(buf + k, size - k, "%s%s", i ? " " : "", t->argv[i]);
    return buf;
}

void ps_trace_get_info(const ps_trace *t, ps_trace_info *out)
{
    *out = t->info;
}

