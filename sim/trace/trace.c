/* trace.c — the trace backend's API (trace.h, docs/trace.md): setting up
 * and tearing down, polling, and what the listeners hear.  The tree's
 * processes and their moves are trace_procs.c's; what a host reads
 * between polls and the user's interventions, trace_views.c's.
 *
 * Everything the listeners hear is queued as it happens (transitions
 * from the engine's listener, notes beside them, in one order) and handed
 * on at the end of each ps_trace_poll: so the root's creation and the
 * fallback's warning, made in ps_trace_start before any listener is set,
 * are heard at the first poll, and a listener is never called from inside
 * the engine.
 *
 * Setting up blocks procsim's signals in the creating thread only (the
 * host may have other threads) and reads them through a signalfd; it
 * makes procsim the subreaper of the tree (PR_SET_CHILD_SUBREAPER), which
 * destroy undoes.  Destroy kills every process of the tree still there
 * (SIGKILL works on stopped and ptrace-stopped ones) and waits, as long as
 * it takes, until each is reaped: nothing outlives it.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "procsim/scenario_build.h"
#include "trace_driver.h"

/* ---- failing, time ----------------------------------------------------- */

static void say_both(ps_trace *t, const char *en, const char *ko, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    vsnprintf(t->err, sizeof t->err, en, ap);
    vsnprintf(t->err_ko, sizeof t->err_ko, ko, ap2);
    va_end(ap2);
}

void ps__trace_fail_(ps_trace *t, const char *en, const char *ko, ...)
{
    if (t->failed)
        return;
    va_list ap;
    va_start(ap, ko);
    say_both(t, en, ko, ap);
    va_end(ap);
    t->failed = 1;
}

void ps__trace_start_error_(ps_trace *t, const char *en, const char *ko, ...)
{
    va_list ap;
    va_start(ap, ko);
    say_both(t, en, ko, ap);
    va_end(ap);
}

int64_t ps__wall_us(const ps_trace *t)
{
    return (ps__now_ns() - t->start_ns) / 1000;
}

void ps__event_time(ps_trace *t)
{
    if (t->started && !t->in_sample && ps_engine_now(t->e) < t->tick + 1)
        ps_engine_observe_time(t->e, t->tick + 1);
}

/* ---- what the listeners hear, queued --------------------------------- */

typedef struct ps__out {
    uint8_t is_note;
    ps_live_event ev;
    ps_trace_note n;
    size_t off;              /* the note's text in qtext */
} ps__out;

typedef struct ps__outq {
    ps__vec items;           /* ps__out */
    char *text;
    size_t len, cap;
} ps__outq;

static ps__outq *outq(ps_trace *t)
{
    return t->q;
}

static void on_transition(void *ctx, const ps_trace_event *ev)
{
    ps_trace *t = ctx;
    ps__out *o = ps__vec_push(&outq(t)->items);
    if (!o) {
        t->nomem = 1;
        return;
    }
    const ps_proc_spec *spec = &t->s->procs[ev->pid - 1];
    const ps__tproc *p = ps__slot_proc(t, ev->pid);
    o->is_note = 0;
    o->ev = (ps_live_event){
        .ev = *ev, .wall_us = ps__wall_us(t), .reporter = t->rep, .os_pid = spec->os_pid,
        .kstate = p && !t->kstate_unknown ? (p->ended ? (p->reaped ? 'X' : 'Z') : p->kstate) : 0,
        .rss_kb = p && !p->ended ? p->rss_kb : 0, .latency_ns = -1,
    };
}

void ps__note(ps_trace *t, const ps__tproc *p, ps_trace_note_kind kind, int64_t a, int64_t b,
              const char *text, size_t len)
{
    ps__outq *q = outq(t);
    if (p && !p->slot)
        return; /* a process not shown: nothing to say of it */
    ps__event_time(t);
    if (!text)
        text = "", len = 0;
    if (q->len + len + 1 > q->cap) {
        size_t cap = q->cap ? q->cap : 4096;
        while (cap < q->len + len + 1)
            cap *= 2;
        char *nt = realloc(q->text, cap);
        if (!nt) {
            t->nomem = 1;
            return;
        }
        q->text = nt;
        q->cap = cap;
    }
    ps__out *o = ps__vec_push(&q->items);
    if (!o) {
        t->nomem = 1;
        return;
    }
    memcpy(q->text + q->len, text, len);
    q->text[q->len + len] = 0;
    o->is_note = 1;
    o->off = q->len;
    q->len += len + 1;
    o->n = (ps_trace_note){
        .time = t->e ? ps_engine_now(t->e) : 0, .wall_us = ps__wall_us(t),
        .pid = p ? p->slot : 0, .os_pid = p ? p->pid : 0, .kind = (uint8_t)kind,
        .a = a, .b = b, .len = len,
    };
}

/* A warning note: a the warning (PS_TRACE_WARNINGS), b its number. */
void ps__warn(ps_trace *t, ps_trace_warning w, int64_t b, const char *text)
{
    ps__note(t, NULL, PS_TN_WARNING, (int64_t)w, b, text, text ? strlen(text) : 0);
}

static void flush(ps_trace *t)
{
    ps__outq *q = outq(t);
    for (size_t i = 0; i < q->items.len; i++) {
        ps__out *o = &PS__VEC_AT(&q->items, ps__out, i);
        if (o->is_note && t->nfn) {
            o->n.text = q->text + o->off;
            t->nfn(t->nctx, &o->n);
        } else if (!o->is_note && t->fn) {
            t->fn(t->ctx, &o->ev);
        }
    }
    q->items.len = 0;
    q->len = 0;
}

/* ---- setting up ---------------------------------------------------------- */

/* Each task of the tree costs procsim descriptors (its /proc files, its
 * process's pidfd): the soft limit is raised to the hard one while the
 * trace exists (destroy lowers it again; the root gets the old one back
 * before its exec, trace_start.c). */
static void raise_nofile(ps_trace *t)
{
    if (getrlimit(RLIMIT_NOFILE, &t->old_nofile))
        return;
    struct rlimit r = t->old_nofile;
    r.rlim_cur = r.rlim_max;
    if (r.rlim_cur != t->old_nofile.rlim_cur && setrlimit(RLIMIT_NOFILE, &r) == 0)
        t->nofile_set = 1;
}

static int make_signals(ps_trace *t)
{
    struct sigaction chld;
    sigaction(SIGCHLD, NULL, &chld);
    if (chld.sa_handler == SIG_IGN || (chld.sa_flags & SA_NOCLDWAIT)) {
        ps__trace_start_error(t, "trace mode: SIGCHLD is ignored in this process (SIG_IGN or "
                              "SA_NOCLDWAIT): give SIGCHLD its default action first%s",
                              "추적 모드: 이 프로세스는 SIGCHLD를 무시합니다(SIG_IGN 또는 "
                              "SA_NOCLDWAIT): 먼저 SIGCHLD를 기본 동작으로 되돌리세요%s", "");
        return -1;
    }
    sigset_t set;
    sigemptyset(&set);
    int sigs[] = {SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaddset(&set, sigs[i]);
    int rc = pthread_sigmask(SIG_BLOCK, &set, &t->old_mask);
    if (rc) {
        ps__trace_start_error(t, "trace mode: pthread_sigmask: %s%.0s",
                              "추적 모드: pthread_sigmask: %.0s%s", ps_strerror(rc, PS_LANG_EN),
                              ps_strerror(rc, PS_LANG_KO));
        return -1;
    }
    t->mask_set = 1;
    t->child_mask = t->old_mask;
    t->sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (t->sfd < 0) {
        ps__trace_start_error(t, "trace mode: signalfd: %s%.0s", "추적 모드: signalfd: %.0s%s",
                              ps_strerror(errno, PS_LANG_EN), ps_strerror(errno, PS_LANG_KO));
        return -1;
    }
    return 0;
}

/* The CPUs the tree may use: the first `cpus` of procsim's own. */
static int make_cpus(ps_trace *t)
{
    cpu_set_t mine;
    if (sched_getaffinity(0, sizeof mine, &mine)) {
        ps__trace_start_error(t, "trace mode: sched_getaffinity: %s%.0s",
                              "추적 모드: sched_getaffinity: %.0s%s", ps_strerror(errno, PS_LANG_EN),
                              ps_strerror(errno, PS_LANG_KO));
        return -1;
    }
    int have = CPU_COUNT(&mine);
    if (t->o.cpus > (uint32_t)have) {
        ps__trace_start_error(t, "trace mode: --cpus %u: procsim may use only %d CPU%s here",
                              "추적 모드: --cpus %u: 여기서 procsim이 쓸 수 있는 CPU는 %d개%.0s"
                              "뿐입니다", t->o.cpus, have, have == 1 ? "" : "s");
        return -1;
    }
    uint32_t want = t->o.cpus ? t->o.cpus : (uint32_t)have;
    t->cpu_ids = calloc(want, sizeof *t->cpu_ids);
    if (!t->cpu_ids)
        return -1;
    for (int c = 0; c < CPU_SETSIZE && t->ncpus < want; c++)
        if (CPU_ISSET(c, &mine))
            t->cpu_ids[t->ncpus++] = c;
    return 0;
}

/* The observed engine's scenario: one slot per process that may be shown,
 * named "#1".."#N" for the builder, then pointed at our own buffers. */
static int make_engine(ps_trace *t)
{
    ps_builder *b = ps_builder_create("procsim trace", "");
    if (!b)
        return -1;
    char name[24];
    for (uint32_t i = 0; i < t->nslots; i++) {
        snprintf(name, sizeof name, "#%u", i + 1);
        ps_builder_proc(b, name, 0);
    }
    ps_scenario *bs = ps_builder_scenario(b);
    bs->cpus = (int32_t)t->ncpus;
    bs->tick_ms = t->period_ns / 1000000;
    ps_error err;
    t->s = ps_builder_finish(b, &err);
    if (!t->s) {
        ps__trace_start_error(t, "trace mode: %.280s%.0s", "추적 모드: %.0s%.280s", err.msg,
                              err.msg_ko);
        return -1;
    }
    t->names = calloc(t->nslots, sizeof *t->names);
    t->slot_proc = calloc(t->nslots, sizeof *t->slot_proc);
    if (!t->names || !t->slot_proc)
        return -1;
    for (uint32_t i = 0; i < t->nslots; i++) {
        snprintf(t->names[i], sizeof t->names[i], "#%u", i + 1);
        t->s->procs[i].name = t->names[i];
    }
    t->e = ps_engine_create_observed(t->s);
    if (!t->e)
        return -1;
    ps_engine_set_listener(t->e, on_transition, t);
    return 0;
}

/* The hook's pipe.  Its write end is moved high, so that the program's
 * own descriptor numbers are untouched; under a descriptor limit too low
 * for that (EINVAL, EMFILE) it keeps the number it got: the hook works,
 * only a low number is taken. */
static int make_pipes(ps_trace *t)
{
    if (!t->o.python_hook_dir)
        return 0;
    int p[2];
    if (pipe2(p, O_CLOEXEC)) {
        ps__trace_start_error(t, "trace mode: the Python hook's pipe: %s%.0s",
                              "추적 모드: Python 훅의 파이프: %.0s%s", ps_strerror(errno, PS_LANG_EN),
                              ps_strerror(errno, PS_LANG_KO));
        return -1;
    }
    t->hook_rd = p[0];
    fcntl(t->hook_rd, F_SETFL, O_NONBLOCK);
    t->hook_wr = fcntl(p[1], F_DUPFD_CLOEXEC, PS__HOOK_FD_MIN);
    if (t->hook_wr >= 0)
        close(p[1]);
    else
        t->hook_wr = p[1];
    return 0;
}

static int copy_options(ps_trace *t, const ps_trace_options *o)
{
    t->o = *o;
    size_t n = 0;
    while (o->argv[n])
        n++;
    t->argv = calloc(n + 1, sizeof *t->argv);
    if (!t->argv)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!(t->argv[i] = strdup(o->argv[i])))
            return -1;
    t->o.argv = t->argv;
    if (o->python_hook_dir && !(t->hook_dir = strdup(o->python_hook_dir)))
        return -1;
    t->o.python_hook_dir = t->hook_dir;
    return 0;
}

/* Options that cannot be traced: why, in English (*ko: in Korean), or NULL. */
static const char *check_options(const ps_trace_options *o, const char **ko)
{
    if (!o || !o->argv || !o->argv[0] || !o->argv[0][0])
        return *ko = "추적 모드: 실행할 명령이 없습니다", "trace mode: no command to run";
    if (o->sample_ms < 0 || o->sample_ms > PS_TRACE_SAMPLE_MS_MAX)
        return *ko = "추적 모드: 표본 주기는 1..1000 ms여야 합니다",
               "trace mode: the sample period must be 1..1000 ms";
    if (o->max_procs > PS_TRACE_PROCS_LIMIT)
        return *ko = "추적 모드: 보여 줄 수 있는 프로세스는 65536개까지입니다",
               "trace mode: at most 65536 processes may be shown";
    if (o->linger_ms < -1)
        return *ko = "추적 모드: linger는 -1(끝까지) 이상이어야 합니다",
               "trace mode: linger must be -1 (never) or more";
    return NULL;
}

/* Wait for the root's exec: EOF on the error pipe (close-on-exec) says it
 * happened; an errno says why it did not. */
static int await_exec(ps_trace *t, int errpipe)
{
    int e = 0;
    ssize_t n;
    do
        n = read(errpipe, &e, sizeof e);
    while (n < 0 && errno == EINTR);
    close(errpipe);
    if (n == (ssize_t)sizeof e) {
        ps__trace_start_error(t, "%s: %s%.0s", "%s: %.0s%s", t->argv[0],
                              e == ENOENT ? "command not found" : ps_strerror(e, PS_LANG_EN),
                              e == ENOENT ? "명령을 찾을 수 없습니다" : ps_strerror(e, PS_LANG_KO));
        return -1;
    }
    return 0;
}

static int start_root(ps_trace *t)
{
    int release = -1, errpipe = -1;
    pid_t pid = ps__start_root(t, &release, &errpipe);
    if (pid < 0)
        return -1;
    char detail[160] = "";
    int seize_errno = 0;
    if (!t->o.no_ptrace && ps__ptrace_seize(t, pid)) {
        seize_errno = errno ? errno : EPERM; /* in words by the note's language */
        snprintf(detail, sizeof detail, "PTRACE_SEIZE: ");
        t->sampled = 1;
    } else if (t->o.no_ptrace) {
        snprintf(detail, sizeof detail, "--no-ptrace");
        t->sampled = 1;
    }
    t->info.sampled = t->sampled;
    t->rep = PS_REP_FORK; /* procsim forked it */
    if (t->sampled)
        ps__warn(t, PS_TW_NO_PTRACE, seize_errno, detail);
    if (t->sampled && ps__keeper_start(t)) { /* before the root may run */
        ps__trace_start_error(t, "cannot start %s: the keeper: %s%.0s",
                              "%s을(를) 시작할 수 없습니다: 지킴이 프로세스: %.0s%s", t->argv[0],
                              ps_strerror(errno, PS_LANG_EN), ps_strerror(errno, PS_LANG_KO));
        close(release);
        close(errpipe);
        kill(pid, SIGKILL);
        return -1;
    }
    ps__keeper_tell(t, pid);
    int32_t idx = ps__proc_new(t, pid, -1);
    ssize_t ti = idx >= 0 ? ps__task_new(t, pid, idx) : -1;
    ps__tproc *p = idx >= 0 ? ps__proc_at(t, idx) : NULL;
    if (p)
        ps__open_pidfd(t, p);
    if (ti >= 0)
        ps__task_at(t, (size_t)ti)->attached = 1; /* seized while running */
    char go = 1;
    ssize_t w = p && ti >= 0 ? write(release, &go, 1) : -1;
    int werr = errno;
    close(release);
    if (w != 1) {
        if (!t->err[0])
            ps__trace_start_error(t, "cannot start %s: %s%.0s",
                                  "%s을(를) 시작할 수 없습니다: %.0s%s", t->argv[0],
                                  p && ti >= 0 ? ps_strerror(werr, PS_LANG_EN) : "out of memory",
                                  p && ti >= 0 ? ps_strerror(werr, PS_LANG_KO) : "메모리가 모자랍니다");
        close(errpipe);
        kill(pid, SIGKILL);
        return -1;
    }
    ps__admit(t, p);
    if (await_exec(t, errpipe))
        return -1; /* destroy kills and reaps it */
    ps__refresh_names(t, p, 0);
    return 0;
}

ps_trace *ps_trace_start(const ps_trace_options *o, ps_error *err)
{
    const char *bad_ko = "";
    const char *bad = check_options(o, &bad_ko);
    if (bad) {
        snprintf(err->msg, sizeof err->msg, "%s", bad);
        snprintf(err->msg_ko, sizeof err->msg_ko, "%s", bad_ko);
        return NULL;
    }
    ps_trace *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err->msg, sizeof err->msg, "trace mode: out of memory");
        snprintf(err->msg_ko, sizeof err->msg_ko, "추적 모드: 메모리가 모자랍니다");
        return NULL;
    }
    t->sfd = t->hook_rd = t->hook_wr = t->out_rd[0] = t->out_rd[1] = -1;
    t->keeper_wr = t->keeper_fd = -1;
    t->self = getpid();
    t->start_ns = ps__now_ns();
    ps__vec_init(&t->procs, sizeof(ps__tproc));
    ps__vec_init(&t->tasks, sizeof(ps__ttask));
    ps__vec_init(&t->scratch, sizeof(ps__pwant));
    ps__vec_init(&t->tree, sizeof(pid_t));
    ps__vec_init(&t->unsettled, sizeof(int32_t));
    ps__vec_init(&t->live_tasks, sizeof(size_t));
    t->q = calloc(1, sizeof(ps__outq));
    if (!t->q || copy_options(t, o)) {
        snprintf(err->msg, sizeof err->msg, "trace mode: out of memory");
        snprintf(err->msg_ko, sizeof err->msg_ko, "추적 모드: 메모리가 모자랍니다");
        ps_trace_destroy(t);
        return NULL;
    }
    ps__vec_init(&outq(t)->items, sizeof(ps__out));
    int64_t ms = t->o.sample_ms ? t->o.sample_ms : PS_TRACE_SAMPLE_MS;
    t->period_ns = t->asked_ns = ms * 1000000;
    t->info.sample_ms = ms;
    t->nslots = t->o.max_procs ? t->o.max_procs : PS_TRACE_MAX_PROCS;
    if (t->o.linger_ms == 0)
        t->o.linger_ms = PS_TRACE_LINGER_MS;
    raise_nofile(t);
    if (make_cpus(t) || make_engine(t) || make_signals(t) || make_pipes(t)) {
        snprintf(err->msg, sizeof err->msg, "%s",
                 t->err[0] ? t->err : "trace mode: cannot set up: out of memory");
        snprintf(err->msg_ko, sizeof err->msg_ko, "%s",
                 t->err[0] ? t->err_ko : "추적 모드: 준비하지 못했습니다: 메모리가 모자랍니다");
        ps_trace_destroy(t);
        return NULL;
    }
    if (prctl(PR_GET_CHILD_SUBREAPER, &t->old_subreaper) == 0 &&
        prctl(PR_SET_CHILD_SUBREAPER, 1) == 0)
        t->subreaper_set = 1;
    if (start_root(t)) {
        snprintf(err->msg, sizeof err->msg, "%s", t->err);
        snprintf(err->msg_ko, sizeof err->msg_ko, "%s", t->err_ko);
        ps_trace_destroy(t);
        return NULL;
    }
    t->started = 1;
    t->next_ns = ps__now_ns() + t->period_ns;
    return t;
}

/* ---- tearing down -------------------------------------------------------- */

/* Our signals that came: any but SIGCHLD is an interrupt. */
static void read_signals(ps_trace *t)
{
    struct signalfd_siginfo si;
    while (read(t->sfd, &si, sizeof si) == (ssize_t)sizeof si)
        if (si.ssi_signo != SIGCHLD)
            t->interrupted = 1;
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

void ps_trace_destroy(ps_trace *t)
{
    if (!t)
        return;
    t->fn = NULL;
    t->nfn = NULL;
    if (t->e)
        ps__reap_all(t);
    ps__keeper_stop(t); /* after the tree: it must not be one of its processes */
    for (size_t i = 0; i < t->tasks.len; i++)
        ps__taskfd_close(&ps__task_at(t, i)->fd);
    for (size_t i = 0; i < t->procs.len; i++)
        close_fd(&ps__proc_at(t, (int32_t)i)->pidfd);
    /* Once an interrupt has been reported, the ones still pending (a
     * second Ctrl-C during the clean-up) repeat it: they are read here,
     * or the mask restored below would hand them to the host's action,
     * by default death by the signal. */
    if (t->interrupted && t->sfd >= 0)
        read_signals(t);
    close_fd(&t->sfd);
    close_fd(&t->hook_rd);
    close_fd(&t->hook_wr);
    close_fd(&t->out_rd[0]);
    close_fd(&t->out_rd[1]);
    if (t->subreaper_set)
        prctl(PR_SET_CHILD_SUBREAPER, t->old_subreaper);
    if (t->nofile_set)
        setrlimit(RLIMIT_NOFILE, &t->old_nofile);
    if (t->mask_set) {
        /* The SIGCHLDs read may have told of the host's own children
           too: leave one pending for it. */
        raise(SIGCHLD);
        pthread_sigmask(SIG_SETMASK, &t->old_mask, NULL);
    }
    ps_engine_destroy(t->e);
    ps_scenario_destroy(t->s);
    free(t->names);
    free(t->slot_proc);
    free(t->cpu_ids);
    free(t->best_cpu);
    if (t->argv)
        for (size_t i = 0; t->argv[i]; i++)
            free(t->argv[i]);
    free(t->argv);
    free(t->hook_dir);
    ps__vec_fini(&t->procs);
    ps__vec_fini(&t->tasks);
    ps__vec_fini(&t->scratch);
    ps__vec_fini(&t->tree);
    ps__vec_fini(&t->unsettled);
    ps__vec_fini(&t->live_tasks);
    ps__pidmap_fini(&t->proc_ix);
    ps__pidmap_fini(&t->task_ix);
    if (t->q) {
        ps__vec_fini(&outq(t)->items);
        free(outq(t)->text);
        free(t->q);
    }
    free(t);
}


/* ---- polling ------------------------------------------------------------- */

int ps_trace_interrupted(ps_trace *t)
{
    read_signals(t);
    return t->interrupted;
}

static void on_name(void *ctx, pid_t pid, const char *name)
{
    ps_trace *t = ctx;
    int32_t i = ps__proc_find(t, pid);
    if (i < 0) { /* not seen yet (the fallback): kept for when it is */
        if (t->nearly < sizeof t->early / sizeof t->early[0]) {
            t->early[t->nearly].pid = pid;
            snprintf(t->early[t->nearly++].name, PS_TRACE_NAME_MAX, "%s", name);
        }
        return;
    }
    ps__tproc *p = ps__proc_at(t, i);
    ps__set_name(t, p, name);
    ps__note(t, p, PS_TN_NAME, 0, 0, name, strlen(name));
}

/* A name that came before its process did. */
void ps__early_name(ps_trace *t, ps__tproc *p)
{
    for (uint32_t i = 0; i < t->nearly; i++) {
        if (t->early[i].pid != p->pid)
            continue;
        ps__set_name(t, p, t->early[i].name);
        ps__note(t, p, PS_TN_NAME, 0, 0, t->early[i].name, strlen(t->early[i].name));
        t->early[i] = t->early[--t->nearly];
        return;
    }
}

static int read_pipes(ps_trace *t)
{
    char buf[4096];
    int got = 0;
    ssize_t n;
    while (t->hook_rd >= 0 && (n = read(t->hook_rd, buf, sizeof buf)) > 0) {
        ps__names_feed(&t->names_in, buf, (size_t)n, PS_TRACE_NAME_MAX, on_name, t);
        got = 1;
    }
    for (int i = 0; i < 2; i++) {
        n = -1;
        while (t->out_rd[i] >= 0 && (n = read(t->out_rd[i], buf, sizeof buf)) > 0) {
            ps__note(t, NULL, PS_TN_OUTPUT, i + 1, 0, buf, (size_t)n);
            got = 1;
        }
        if (t->out_rd[i] >= 0 && n == 0)
            close_fd(&t->out_rd[i]); /* every writer is gone */
    }
    return got;
}

static int take_in(ps_trace *t)
{
    uint64_t before = t->info.events;
    read_signals(t);
    int got = read_pipes(t);
    if (!t->sampled)
        ps__ptrace_take_in(t);
    return got || t->info.events != before;
}

ps_step_status ps__status(const ps_trace *t)
{
    if (t->nomem)
        return PS_STEP_NOMEM;
    if (t->failed)
        return PS_STEP_FAILED;
    if (t->interrupted)
        return PS_STEP_INTERRUPTED;
    return t->done ? PS_STEP_DONE : PS_STEP_OK;
}

ps_step_status ps_trace_poll(ps_trace *t, int64_t timeout_ns)
{
    if (ps__status(t) != PS_STEP_OK) {
        flush(t);
        return ps__status(t);
    }
    int got = take_in(t);
    int64_t due = t->next_ns - ps__now_ns();
    if (!got && due > 0 && timeout_ns != 0) {
        int64_t wait = timeout_ns < 0 || timeout_ns > due ? due : timeout_ns;
        struct pollfd fds[4] = {{t->sfd, POLLIN, 0}, {t->hook_rd, POLLIN, 0},
                                {t->out_rd[0], POLLIN, 0}, {t->out_rd[1], POLLIN, 0}};
        int ms = (int)((wait + 999999) / 1000000);
        poll(fds, 4, ms);
        take_in(t);
    }
    if (ps__now_ns() >= t->next_ns && !t->failed)
        ps__sample(t);
    flush(t);
    return ps__status(t);
}

const char *ps_trace_error(const ps_trace *t, ps_lang lang)
{
    return lang == PS_LANG_KO ? t->err_ko : t->err;
}

int64_t ps_trace_due_ns(const ps_trace *t)
{
    return t->next_ns - ps__now_ns();
}

int64_t ps_trace_wall_us(const ps_trace *t)
{
    return ps__wall_us(t);
}

/* ---- listeners and views ------------------------------------------------- */

void ps_trace_set_listener(ps_trace *t, ps_live_fn fn, void *ctx)
{
    t->fn = fn;
    t->ctx = ctx;
}

void ps_trace_set_note_listener(ps_trace *t, ps_trace_note_fn fn, void *ctx)
{
    t->nfn = fn;
    t->nctx = ctx;
}

ps_engine *ps_trace_engine(ps_trace *t)
{
    return t->e;
}

const ps_scenario *ps_trace_scenario(const ps_trace *t)
{
    return t->s;
}

