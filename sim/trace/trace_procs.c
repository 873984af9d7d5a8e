/* trace_procs.c — the processes and threads of the traced tree (trace.h,
 * trace_driver.h), and the moves their events imply: creation (New) and
 * admission (Ready, once the new process is let run), the suspend and
 * activate of a stop and a continue, how a process ended and who adopted
 * its children, its reaping.  Each move goes through ps__move, which
 * takes an illegal one for what it is: a bug of this backend. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "trace_driver.h"
#include "trace_util.h"

/* ---- moves --------------------------------------------------------------- */

ps_state ps__state(const ps_trace *t, const ps__tproc *p)
{
    const ps_pcb *pcb = p->slot ? ps_engine_pcb(t->e, p->slot) : NULL;
    return pcb ? (ps_state)pcb->state : PS_NONE;
}

int ps__move(ps_trace *t, ps__tproc *p, ps_state to, ps_event ev, ps_cause c, int64_t a,
             int64_t b, uint32_t cpu)
{
    if (!p->slot)
        return 0;
    ps_state from = ps__state(t, p);
    if (ps_engine_observe_move(t->e, p->slot, to, ev, c, a, b, cpu) == 0)
        return 0;
    /* the names in both languages, each format skipping the other's (%.0s) */
    ps__trace_fail(t, "procsim trace: internal error: %s (%d) cannot move from %s%.0s to %s%.0s by %s",
                   "procsim trace: 내부 오류: %s(%d)이(가) %.0s%s에서 %.0s%s(으)로 옮겨 갈 수 "
                   "없습니다(%s)",
                   t->names[p->slot - 1], (int)p->pid, ps_state_name(from), ps_state_name_ko(from),
                   ps_state_name(to), ps_state_name_ko(to), ps_event_token(ev));
    return -1;
}

void ps__admit(ps_trace *t, ps__tproc *p)
{
    if (ps__state(t, p) != PS_NEW)
        return;
    ps__event_time(t);
    ps__move(t, p, PS_READY, PS_EV_ADMIT, PS_CAUSE_RUNNABLE, 0, 0, 0);
}

int ps__proc_stat(pid_t pid, ps__task_sample *s)
{
    char path[64], buf[1024];
    memset(s, 0, sizeof *s);
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    if (ps__read_small(path, buf, sizeof buf) > 0 && ps__stat_parse(buf, s) == 0)
        return 0;
    memset(s, 0, sizeof *s);
    return -1;
}

/* The letter of its main thread now (a stop or a continue was just seen:
 * the last sample's letter is stale).  For a continue it is read after
 * the task was let go from its ptrace stop (trace_ptrace.c); if it still
 * reads T or t, the activate row says 0 (ps__continued). */
static void fresh_letter(ps__tproc *p)
{
    ps__task_sample s;
    if (ps__proc_stat(p->pid, &s) == 0)
        p->kstate = s.state;
}

void ps__open_pidfd(ps_trace *t, ps__tproc *p)
{
    p->pidfd = (int)syscall(SYS_pidfd_open, p->pid, 0);
    if (p->pidfd < 0 && (errno == EMFILE || errno == ENFILE) && !t->fds_warned) {
        t->fds_warned = 1;
        ps__warn(t, PS_TW_NO_FDS, errno, "");
    }
}

int ps__reaped_now(const ps__tproc *p)
{
    if (p->pidfd >= 0)
        return syscall(SYS_pidfd_send_signal, p->pidfd, 0, NULL, 0) && errno == ESRCH;
    ps__task_sample s;
    if (ps__proc_stat(p->pid, &s))
        return 1;
    return s.state == 'X' || (p->start_time && s.start != p->start_time);
}

void ps__stopped(ps_trace *t, ps__tproc *p)
{
    if (p->stopped || p->ended)
        return;
    p->stopped = 1;
    fresh_letter(p);
    ps__event_time(t);
    ps_state st = ps__state(t, p);
    if (st == PS_NEW) {
        ps__admit(t, p);
        st = PS_READY;
    }
    ps_state to = st == PS_BLOCKED ? PS_BLOCKED_SUSPENDED : PS_READY_SUSPENDED;
    if (st != PS_READY && st != PS_RUNNING && st != PS_BLOCKED)
        return; /* not shown, or suspended already */
    if (p->user_stop)
        ps__move(t, p, to, PS_EV_SUSPEND, PS_CAUSE_USER_SUSPEND, 0, 0, 0);
    else
        ps__move(t, p, to, PS_EV_SUSPEND, PS_CAUSE_STOPPED_BY, p->stop_from,
                 p->stop_sig ? p->stop_sig : SIGSTOP, 0);
    p->user_stop = 0;
}

void ps__continued(ps_trace *t, ps__tproc *p)
{
    if (!p->stopped || p->ended)
        return;
    p->stopped = 0;
    fresh_letter(p);
    ps__event_time(t);
    ps_state st = ps__state(t, p);
    ps_state to = st == PS_BLOCKED_SUSPENDED ? PS_BLOCKED : PS_READY;
    /* the task may not have left its stop yet (or be in the next, the
       SIGCONT's delivery): a stop letter is not what the row is about */
    t->kstate_unknown = p->kstate == 'T' || p->kstate == 't';
    if (st == PS_READY_SUSPENDED || st == PS_BLOCKED_SUSPENDED) {
        if (p->user_cont)
            ps__move(t, p, to, PS_EV_ACTIVATE, PS_CAUSE_USER_RESUME, 0, PS_UNLIMITED, 0);
        else
            ps__move(t, p, to, PS_EV_ACTIVATE, PS_CAUSE_CONTINUED_BY, p->cont_from, SIGCONT, 0);
    }
    t->kstate_unknown = 0;
    p->user_cont = 0;
}

/* ---- processes and tasks ------------------------------------------------- */

int32_t ps__proc_find(ps_trace *t, pid_t pid)
{
    /* the latest process with that pid: an older one was reaped first */
    return ps__pidmap_get(&t->proc_ix, pid);
}

ps__tproc *ps__slot_proc(ps_trace *t, uint32_t slot)
{
    return slot >= 1 && slot <= t->used ? ps__proc_at(t, t->slot_proc[slot - 1]) : NULL;
}

uint32_t ps__slot_of_pid(ps_trace *t, pid_t pid)
{
    int32_t i = pid > 0 ? ps__proc_find(t, pid) : -1;
    return i >= 0 ? ps__proc_at(t, i)->slot : 0;
}

void ps__set_name(ps_trace *t, ps__tproc *p, const char *name)
{
    if (!p->slot)
        return;
    char *dst = t->names[p->slot - 1];
    size_t n = strlen(name);
    if (n > PS_TRACE_NAME_MAX - 1)
        n = PS_TRACE_NAME_MAX - 1;
    while (n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80)
        n--; /* cut at a character boundary */
    memcpy(dst, name, n);
    dst[n] = 0;
}

void ps__refresh_names(ps_trace *t, ps__tproc *p, int exec)
{
    ps__proc_comm(p->pid, p->comm, sizeof p->comm);
    ps__proc_cmdline(p->pid, p->cmdline, sizeof p->cmdline);
    ps__set_name(t, p, p->comm[0] ? p->comm : "?");
    if (exec) {
        p->execs++;
        ps__note(t, p, PS_TN_EXEC, 0, 0, p->cmdline, strlen(p->cmdline));
    }
}

int32_t ps__proc_new(ps_trace *t, pid_t pid, int32_t parent)
{
    ps__tproc *p = ps__vec_push(&t->procs);
    if (!p) {
        t->nomem = 1;
        return -1;
    }
    int32_t idx = (int32_t)t->procs.len - 1;
    int32_t *u = ps__vec_push(&t->unsettled);
    if (!u || ps__pidmap_put(&t->proc_ix, pid, idx)) {
        t->nomem = 1;
        return -1;
    }
    *u = idx;
    const ps__tproc *pp = parent >= 0 ? ps__proc_at(t, parent) : NULL;
    p->pid = pid;
    p->ppid = pp ? pp->pid : t->self;
    p->parent = parent;
    p->pidfd = -1;
    p->threads = p->threads_noted = 1;
    p->last_cpu = -1;
    p->started_us = ps__wall_us(t);
    p->ended_us = -1;
    p->kstate = 'R';
    ps__task_sample st;
    if (ps__proc_stat(pid, &st) == 0)
        p->start_time = st.start;
    t->info.processes++;
    if (t->used >= t->nslots) {
        t->info.unshown++;
        if (!t->unshown_warned) {
            t->unshown_warned = 1;
            ps__warn(t, PS_TW_UNSHOWN, t->nslots, "");
        }
        return idx;
    }
    p->slot = ++t->used;
    t->slot_proc[p->slot - 1] = idx;
    t->s->procs[p->slot - 1].os_pid = pid;
    if (pp && pp->slot)
        ps__set_name(t, p, t->names[pp->slot - 1]); /* a fork starts as its parent */
    ps__proc_comm(pid, p->comm, sizeof p->comm);
    ps__proc_cmdline(pid, p->cmdline, sizeof p->cmdline);
    if (p->comm[0])
        ps__set_name(t, p, p->comm);
    uint32_t pslot = pp ? pp->slot : 0;
    ps__event_time(t);
    if (ps_engine_observe_create(t->e, p->slot, pslot, PS_CAUSE_FORKED, pslot, 0))
        ps__trace_fail(t, "procsim trace: internal error: cannot create %d",
                       "procsim trace: 내부 오류: %d을(를) 만들 수 없습니다", (int)pid);
    if (t->nearly)
        ps__early_name(t, p);
    return idx;
}

ssize_t ps__task_find(ps_trace *t, pid_t tid)
{
    int32_t i = ps__pidmap_get(&t->task_ix, tid);
    return i >= 0 && !ps__task_at(t, (size_t)i)->gone ? i : -1;
}

void ps__task_gone(ps_trace *t, ps__ttask *k)
{
    k->gone = 1;
    ps__taskfd_close(&k->fd);
    if (ps__pidmap_get(&t->task_ix, k->tid) == (int32_t)(k - ps__task_at(t, 0)))
        ps__pidmap_del(&t->task_ix, k->tid);
}

ssize_t ps__task_new(ps_trace *t, pid_t tid, int32_t proc)
{
    ps__ttask *k = ps__vec_push(&t->tasks);
    if (!k) {
        t->nomem = 1;
        return -1;
    }
    k->tid = tid;
    k->proc = proc;
    ps__taskfd_init(&k->fd);
    size_t idx = t->tasks.len - 1, *l = ps__vec_push(&t->live_tasks);
    if (!l || ps__pidmap_put(&t->task_ix, tid, (int32_t)idx)) {
        t->nomem = 1;
        k->gone = 1;
        return -1;
    }
    *l = idx;
    return (ssize_t)idx;
}

static void adopt_children(ps_trace *t, int32_t idx)
{
    PS__EACH_UNSETTLED(t, i) {
        ps__tproc *c = ps__proc_at(t, (int32_t)i);
        if (c->parent != idx || c->reaped || c->adopted || c->ppid == t->self)
            continue;
        if (c->ended && ps__reaped_now(c)) {
            ps__reaped(t, c, (int32_t)ps__proc_at(t, idx)->slot); /* it did reap it first */
            continue;
        }
        {
            c->adopted = 1;
            c->ppid = t->self;
            ps__note(t, c, PS_TN_ADOPTED, 0, 0, "", 0);
        }
    }
}

void ps__ended(ps_trace *t, ps__tproc *p, int code, int sig)
{
    if (p->ended)
        return;
    p->ended = 1;
    p->exit_code = code;
    p->term_sig = sig;
    p->ended_us = ps__wall_us(t);
    p->stopped = 0;
    p->threads = 0;
    int32_t idx = (int32_t)(p - ps__proc_at(t, 0));
    for (size_t i = 0; i < t->live_tasks.len; i++) {
        ps__ttask *k = ps__task_at(t, PS__VEC_AT(&t->live_tasks, size_t, i));
        if (k->proc == idx && !k->gone)
            ps__task_gone(t, k);
    }
    if (idx == 0) {
        t->root_ended = 1;
        t->root_end_ns = ps__now_ns();
    }
    adopt_children(t, idx);
}

void ps__reaped(ps_trace *t, ps__tproc *p, int32_t by_slot)
{
    if (p->reaped)
        return;
    p->reaped = 1;
    p->reaped_by = by_slot;
    if (p->pidfd >= 0)
        close(p->pidfd);
    p->pidfd = -1;
    (void)t;
}

