/* live.c — the live-mode driver: the engine decides, real child processes
 * carry it out, and each transition is recorded when the kernel confirms
 * it (docs/live.md).
 *
 * One step: wait until the wall clock reaches the next instant and the
 * children have burned the CPU time the model says is done by then; step
 * the engine, collecting its transitions and exec events; carry them out in
 * order, each waiting for its confirmation (waitid for stops, continues
 * and exits; the status pipe for a child's own reports); hand each
 * confirmed transition to the listener.  Children that die unexpectedly
 * or overrun are recorded as killed.  How the waiting is done, and whom
 * it asks, is live_wait.c's business.
 *
 * Every duration is ticks * tick_ns, or a deadline after one: they go
 * through ps__sat_mul and ps__sat_add, so a run that would need more than
 * INT64_MAX nanoseconds (292 years) just waits for an instant that never
 * comes on the wall clock (docs/live.md).
 *
 * Setting up blocks procsim's signals in the creating thread only
 * (pthread_sigmask: the host may have other threads); destroy gives that
 * thread its mask back.  Children run with the host's mask, but never
 * with SIGTERM blocked: that is how a kill is carried out.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "live_driver.h"
#include "procsim/strerror.h"

/* ---- collecting the engine's decisions -------------------------------- */

static void push_action(ps_live *l, const ps__action *a)
{
    ps__action *slot = ps__vec_push(&l->act);
    if (slot)
        *slot = *a;
    else
        l->nomem = 1;
}

static void on_transition(void *ctx, const ps_trace_event *ev)
{
    ps__action a = {.is_op = 0, .tr = *ev};
    push_action(ctx, &a);
}

static void on_op(void *ctx, const ps_exec_event *ev)
{
    ps__action a = {.is_op = 1, .op = *ev};
    push_action(ctx, &a);
}

static void confirmed(ps_live *l, const ps_trace_event *ev, ps_reporter rep)
{
    ps__child *c = &l->ch[ev->pid - 1];
    ps_live_event *slot = ps__vec_push(&l->pend);
    if (!slot) {
        l->nomem = 1;
        return;
    }
    int64_t now = ps__mono_ns();
    *slot = (ps_live_event){
        .ev = *ev, .wall_us = (now - l->start_ns) / 1000,
        .latency_ns = c->acted_ns ? now - c->acted_ns : -1, /* consumed below */
        .kstate = c->alive ? ps__proc_state(c->pid, c->pidfd) : c->exit_letter,
        .reporter = (uint8_t)rep, .os_pid = c->pid,
        .rss_kb = c->alive ? ps__proc_rss_kb(c->pid, c->pidfd) : 0,
    };
    c->acted_ns = 0;
}

/* The letter the kernel should show for the child once it has got where
 * it was sent (the one list of states says which); 0: anything goes (a
 * New child, one that has exited, one Running but not computing). */
static char expected_letter(const ps__child *c)
{
    switch ((ps_state)c->model) {
    case PS_READY:
    case PS_READY_SUSPENDED:
    case PS_BLOCKED_SUSPENDED:
    case PS_BLOCKED:
        return ps_state_kernel_letter((ps_state)c->model);
    case PS_RUNNING:
        return c->cpu_due >= 0 || c->done < c->cpu_want ? 'R' : 0;
    case PS_NEW:
    case PS_EXIT:
    case PS_NONE:
        return 0;
    }
    return 0;
}

/* Hand the confirmed transitions to the listener.  A process's last
 * transition of the instant carries the letter the kernel shows once the
 * child has got where it was sent (a child told to block takes a few
 * microseconds to reach its read), polled for at most 20 ms. */
static void flush(ps_live *l)
{
    int64_t deadline = ps__mono_ns() + 20 * 1000000;
    ps_live_event *pend = l->pend.data;
    size_t npend = l->pend.len;
    for (size_t i = npend; i-- > 0;) {
        ps_live_event *le = &pend[i];
        ps__child *c = &l->ch[le->ev.pid - 1];
        int last = 1;
        for (size_t j = i + 1; j < npend && last; j++)
            last = pend[j].ev.pid != le->ev.pid;
        if (!last)
            continue;
        char want = expected_letter(c), got = le->kstate;
        while (c->alive && (got = ps__proc_state(c->pid, c->pidfd)) != want && want &&
               !(want == 'S' && got == 'D') && ps__mono_ns() < deadline) {
            struct timespec ts = {0, 100000};
            nanosleep(&ts, NULL);
        }
        le->kstate = c->alive ? got : c->exit_letter;
        le->rss_kb = c->alive ? ps__proc_rss_kb(c->pid, c->pidfd) : 0;
        ps_engine_observe(l->e, le->ev.pid, le->kstate, le->rss_kb);
    }
    for (size_t i = 0; i < npend && l->fn; i++)
        l->fn(l->ctx, &pend[i]);
    l->pend.len = 0; /* kept allocated for the next instant */
    ps__tell_restops(l);
}

/* Carry out every collected action, in order; deaths found on the way are
 * told to the engine, whose reactions are collected and carried out too. */
static void apply_all(ps_live *l)
{
    for (;;) {
        while (l->next_act < l->act.len && !l->interrupted && !l->failed) {
            /* a copy: carrying it out may push more (and move the array) */
            ps__action a = PS__VEC_AT(&l->act, ps__action, l->next_act++);
            if (a.is_op)
                ps__apply_op(l, &a.op);
            else
                confirmed(l, &a.tr, ps__apply_transition(l, &a.tr));
        }
        l->act.len = l->next_act = 0;
        if (l->interrupted || l->failed)
            return;
        int any = 0;
        for (uint32_t i = 0; i < l->n; i++) {
            ps__child *c = &l->ch[i];
            if (c->died && ps_state_live((ps_state)c->model) && c->model != PS_NONE) {
                c->died = 0;
                c->expect_exit = 1;
                any |= ps_engine_died(l->e, i + 1, c->death_signal) == 0;
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
 * own meanwhile: its death belongs to the tick the wall clock is at.
 *
 * A burn is late when the machine is busy: the child gets less CPU than
 * the wall clock passes.  A child is an overrun only when it is 5 s late
 * from when this wait began, never for the run's lag so far (a long run on
 * a loaded machine would otherwise have its children killed one by one);
 * and the clock slips by the time waited past T, so that the ticks after
 * it still last tick_ms each (a pause does the same). */
static int gate(ps_live *l, int64_t T)
{
    int64_t deadline = ps__sat_add(l->start_ns, ps__sat_mul(T, l->tick_ns));
    int64_t entry = ps__mono_ns();
    int64_t overrun = ps__sat_add(deadline > entry ? deadline : entry, PS__GRACE_NS);
    int waited_late = 0;
    for (;;) {
        ps__pump(l, NULL, 0);
        if (l->interrupted)
            return 0;
        if (any_died(l)) {
            int64_t now_tick = (ps__mono_ns() - l->start_ns) / l->tick_ns;
            if (now_tick >= T)
                return 0; /* step first; apply_all records the death */
            if (now_tick > ps_engine_now(l->e))
                ps_engine_run(l->e, now_tick); /* nothing is due before T */
            return 1;
        }
        int64_t now = ps__mono_ns();
        ps__child *late = NULL;
        for (uint32_t i = 0; i < l->n && !late; i++) {
            ps__child *c = &l->ch[i];
            if (c->alive && c->cpu_due >= 0 && c->cpu_due <= T && c->done < c->cpu_want)
                late = c;
        }
        if (now >= deadline && !late) {
            if (waited_late)
                l->start_ns += now - deadline;
            return 0;
        }
        if (late && now >= overrun) {
            ps__overdue(l, late, PS__ACT_FINISH_CPU);
            ps__kill_child(l, late, PS__TERM_NS, 0); /* overran its burn: recorded as killed */
            continue;
        }
        waited_late |= late && now >= deadline;
        ps__pump(l, NULL, now < deadline ? deadline - now : overrun - now);
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
        ps__promote(l);
        apply_all(l);
        flush(l);
        return l->interrupted ? PS_STEP_INTERRUPTED : l->failed ? PS_STEP_FAILED : PS_STEP_OK;
    }
    if (l->interrupted)
        return PS_STEP_INTERRUPTED;
    ps_step_status st = ps_engine_step(l->e);
    apply_all(l);
    ps__promote(l);
    apply_all(l);
    flush(l);
    if (l->nomem)
        ps__live_failed(l, "out of memory", "메모리가 모자랍니다");
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
static const char *make_working_set(ps_live *l)
{
    static const char *const dirs[] = {"/var/tmp", ".", "/tmp"};
    size_t bytes = 0;
    for (uint32_t i = 0; i < l->n && bytes <= PS__WS_MAX; i++) {
        l->ch[i].ws_offset = bytes;
        int64_t units = l->s->procs[i].memory;
        bytes += units > (int64_t)(PS__WS_MAX / PS_LIVE_UNIT_BYTES)
                     ? PS__WS_MAX + 1 : (size_t)units * PS_LIVE_UNIT_BYTES;
    }
    l->ws_fd = -1;
    if (!bytes || bytes > PS__WS_MAX)
        return NULL;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0] && l->ws_fd < 0; i++)
        l->ws_fd = open(dirs[i], O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (l->ws_fd < 0)
        return "working-set file";
    char block[65536];
    memset(block, 0x5a, sizeof block);
    for (size_t off = 0; off < bytes; off += sizeof block)
        if (pwrite(l->ws_fd, block, sizeof block, (off_t)off) != (ssize_t)sizeof block)
            return "working-set file";
    return NULL;
}

static const char *make_shared(ps_live *l)
{
    const ps_scenario *s = l->s;
    size_t mtx_bytes = (size_t)s->mutexes.count * sizeof(pthread_mutex_t);
    l->shared_len = mtx_bytes + ((size_t)s->variables.count + 1) * sizeof(int64_t);
    l->shared_map = mmap(NULL, l->shared_len, PROT_READ | PROT_WRITE,
                         MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (l->shared_map == MAP_FAILED) {
        l->shared_map = NULL;
        return "shared memory";
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
    return NULL;
}

static const char *make_pipes(ps_live *l)
{
    int st[2];
    if (pipe2(st, O_CLOEXEC))
        return "status pipe";
    l->status_rd = st[0];
    l->status_wr = st[1];
    fcntl(l->status_rd, F_SETFL, O_NONBLOCK);
    for (uint32_t k = 0; k < l->s->channels.count; k++) {
        if (pipe2(l->chan[k], O_CLOEXEC))
            return "channel pipe";
        fcntl(l->chan[k][0], F_SETFL, O_NONBLOCK); /* procsim's end: it routes */
    }
    return NULL;
}

static int cmp_fd(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The descriptors every child keeps, sorted now: a child may not sort
 * (nor allocate) after fork. */
static const char *make_keep(ps_live *l)
{
    uint32_t nchan = l->s->channels.count;
    l->keep = malloc(((size_t)nchan + 2) * sizeof *l->keep);
    l->child_keep = malloc(((size_t)nchan + 3) * sizeof *l->child_keep);
    if (!l->keep || !l->child_keep) {
        errno = ENOMEM;
        return "descriptor list";
    }
    l->keep[l->nkeep++] = l->status_wr;
    if (l->ws_fd >= 0)
        l->keep[l->nkeep++] = l->ws_fd;
    for (uint32_t k = 0; k < nchan; k++)
        l->keep[l->nkeep++] = l->chan[k][1]; /* it sends; procsim routes what it reads */
    qsort(l->keep, l->nkeep, sizeof *l->keep, cmp_fd);
    return NULL;
}

/* Hold our signals for the signalfd, in this thread (the host may have
 * others: pthread_sigmask, not sigprocmask).  From then on, destroy
 * restores the mask, whatever fails after it. */
static const char *make_signals(ps_live *l)
{
    sigset_t set;
    sigemptyset(&set);
    int sigs[] = {SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaddset(&set, sigs[i]);
    int rc = pthread_sigmask(SIG_BLOCK, &set, &l->old_mask);
    if (rc) {
        errno = rc;
        return "pthread_sigmask";
    }
    l->mask_set = 1;
    /* A child keeps the host's mask but for SIGTERM: a kill is a SIGTERM,
     * and a host may well block it (to sigwait for it in a thread). */
    l->child_mask = l->old_mask;
    sigdelset(&l->child_mask, SIGTERM);
    l->sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (l->sfd < 0)
        return "signalfd";
    struct sigaction ign = {.sa_handler = SIG_IGN};
    sigemptyset(&ign.sa_mask);
    if (sigaction(SIGPIPE, &ign, &l->old_sigpipe)) /* a dead child's pipe: EPIPE */
        return "sigaction";
    l->sigpipe_set = 1;
    return NULL;
}

/* The refusals: what would make the run impossible or its times wrong. */
static int refuse(const ps_live *l, ps_error *err)
{
    struct sigaction chld;
    sigaction(SIGCHLD, NULL, &chld);
    if (chld.sa_handler == SIG_IGN || (chld.sa_flags & SA_NOCLDWAIT)) {
        snprintf(err->msg, sizeof err->msg,
                 "live mode: SIGCHLD is ignored in this process (SIG_IGN or SA_NOCLDWAIT), "
                 "so the kernel would reap the children before procsim could see how they "
                 "ended: give SIGCHLD its default action first");
        snprintf(err->msg_ko, sizeof err->msg_ko,
                 "라이브 모드: 이 프로세스는 SIGCHLD를 무시합니다(SIG_IGN 또는 SA_NOCLDWAIT). "
                 "그러면 procsim이 자식이 어떻게 끝났는지 보기 전에 커널이 자식을 거둡니다: "
                 "먼저 SIGCHLD를 기본 동작으로 되돌리세요");
        return -1;
    }
    if (l->s->tick_ms < PS_TICK_MS_MIN || l->s->tick_ms > PS_TICK_MS_MAX) {
        snprintf(err->msg, sizeof err->msg, "live mode: tick_ms %lld is not in %d..%d",
                 (long long)l->s->tick_ms, PS_TICK_MS_MIN, PS_TICK_MS_MAX);
        snprintf(err->msg_ko, sizeof err->msg_ko, "라이브 모드: tick_ms %lld은(는) %d..%d 밖에 "
                 "있습니다", (long long)l->s->tick_ms, PS_TICK_MS_MIN, PS_TICK_MS_MAX);
        return -1;
    }
    return 0;
}


ps_live *ps_live_create(ps_engine *e, ps_error *err)
{
    ps_live *l = calloc(1, sizeof *l);
    if (!l) {
        snprintf(err->msg, sizeof err->msg, "live mode: out of memory");
        snprintf(err->msg_ko, sizeof err->msg_ko, "라이브 모드: 메모리가 모자랍니다");
        return NULL;
    }
    const ps_scenario *s = ps_engine_scenario(e);
    l->e = e;
    l->s = s;
    l->n = s->nprocs;
    l->status_rd = l->status_wr = l->sfd = l->ws_fd = -1;
    ps__vec_init(&l->act, sizeof(ps__action));
    ps__vec_init(&l->pend, sizeof(ps_live_event));
    ps__vec_init(&l->restops, sizeof(ps_live_restop));
    l->ch = calloc(l->n, sizeof *l->ch);
    l->chan = calloc(s->channels.count + 1, sizeof *l->chan);
    l->chanq = calloc(s->channels.count + 1, sizeof *l->chanq);
    l->mtx_wait = calloc(s->mutexes.count + 1, sizeof *l->mtx_wait);
    l->mtx_locker = calloc(s->mutexes.count + 1, sizeof *l->mtx_locker);
    l->priv = calloc(s->variables.count + 1, sizeof *l->priv);
    for (uint32_t k = 0; l->chan && k < s->channels.count; k++)
        l->chan[k][0] = l->chan[k][1] = -1; /* before any failure: destroy closes them */
    if (!l->ch || !l->chan || !l->chanq || !l->mtx_wait || !l->mtx_locker || !l->priv) {
        snprintf(err->msg, sizeof err->msg, "live mode: out of memory");
        snprintf(err->msg_ko, sizeof err->msg_ko, "라이브 모드: 메모리가 모자랍니다");
        goto fail;
    }
    for (uint32_t k = 0; k < s->channels.count; k++)
        ps__vec_init(&l->chanq[k].v, sizeof(int64_t));
    for (uint32_t k = 0; k < s->mutexes.count; k++)
        ps__vec_init(&l->mtx_wait[k], sizeof(uint32_t));
    for (uint32_t i = 0; i < l->n; i++) {
        l->ch[i].pidfd = l->ch[i].cmd_fd = -1;
        l->ch[i].model = PS_NONE;
    }
    if (refuse(l, err))
        goto fail;
    const char *failed = make_pipes(l);
    if (!failed)
        failed = make_shared(l);
    if (!failed)
        failed = make_working_set(l);
    if (!failed)
        failed = make_keep(l);
    if (!failed)
        failed = make_signals(l);
    if (failed) {
        int why = errno;
        snprintf(err->msg, sizeof err->msg, "live mode: cannot set up: %s: %s", failed,
                 strerror(why));
        snprintf(err->msg_ko, sizeof err->msg_ko, "라이브 모드: 준비하지 못했습니다: %s: %s",
                 failed, ps_strerror(why, PS_LANG_KO));
        goto fail;
    }
    l->tick_ns = s->tick_ms * 1000000;
    l->start_ns = l->scanned_ns = ps__mono_ns();
    ps_engine_set_listener(e, on_transition, l);
    ps_engine_set_exec_listener(e, on_op, l);
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
        ps__wait_gone(l, &l->ch[i]);
    if (l->e) {
        ps_engine_set_listener(l->e, NULL, NULL);
        ps_engine_set_exec_listener(l->e, NULL, NULL);
    }
    for (uint32_t k = 0; l->chan && k < l->s->channels.count; k++) {
        close_fd(&l->chan[k][0]);
        close_fd(&l->chan[k][1]);
        if (l->chanq)
            ps__vec_fini(&l->chanq[k].v);
    }
    for (uint32_t k = 0; l->mtx_wait && k < l->s->mutexes.count; k++)
        ps__vec_fini(&l->mtx_wait[k]);
    close_fd(&l->status_rd);
    close_fd(&l->status_wr);
    close_fd(&l->ws_fd);
    /* Once an interrupt has been reported, the ones still pending (a
     * second Ctrl-C during the clean-up) repeat it: they are read here,
     * or the mask restored below would hand them to the host's action,
     * by default death by the signal. */
    if (l->interrupted && l->sfd >= 0)
        ps__drain_signals(l);
    close_fd(&l->sfd);
    if (l->sigpipe_set)
        sigaction(SIGPIPE, &l->old_sigpipe, NULL);
    if (l->mask_set) {
        /* The SIGCHLDs we read may have told of the host's own children
         * too: leave one pending for the host (it merges with any still
         * pending; with SIGCHLD's default action it is simply dropped). */
        if (l->chld_seen)
            raise(SIGCHLD);
        pthread_sigmask(SIG_SETMASK, &l->old_mask, NULL);
    }
    if (l->shared_map)
        munmap(l->shared_map, l->shared_len);
    free(l->ch);
    free(l->chan);
    free(l->chanq);
    free(l->priv);
    free(l->mtx_wait);
    free(l->mtx_locker);
    free(l->keep);
    free(l->child_keep);
    ps__vec_fini(&l->act);
    ps__vec_fini(&l->pend);
    ps__vec_fini(&l->restops);
    free(l);
}

void ps_live_set_listener(ps_live *l, ps_live_fn fn, void *ctx)
{
    l->fn = fn;
    l->ctx = ctx;
}

void ps_live_set_restop_listener(ps_live *l, ps_live_restop_fn fn, void *ctx)
{
    l->restop_fn = fn;
    l->restop_ctx = ctx;
}

uint32_t ps_live_restops(const ps_live *l)
{
    return l->nrestops;
}

int ps_live_interrupted(ps_live *l)
{
    ps__pump(l, NULL, 0);
    return l->interrupted;
}

int64_t ps_live_due_ns(const ps_live *l)
{
    int64_t next = ps_engine_next(l->e);
    if (next < 0)
        return -1;
    int64_t now = l->paused_at ? l->paused_at : ps__mono_ns();
    return ps__sat_add(l->start_ns, ps__sat_mul(next, l->tick_ns)) - now;
}

void ps_live_pause(ps_live *l, int paused)
{
    if (paused && !l->paused_at)
        l->paused_at = ps__mono_ns();
    else if (!paused && l->paused_at) {
        l->start_ns += ps__mono_ns() - l->paused_at; /* the pause does not count */
        l->paused_at = 0;
    }
}

/* An intervention: the engine decides, then its decisions are carried out
 * and confirmed like a step's. */
static int intervene(ps_live *l, int (*what)(ps_engine *, uint32_t), uint32_t pid)
{
    if (l->failed || l->interrupted)
        return -1;
    int rc = what(l->e, pid);
    apply_all(l);
    ps__promote(l);
    apply_all(l);
    flush(l);
    return rc;
}

int ps_live_suspend(ps_live *l, uint32_t pid) { return intervene(l, ps_engine_suspend, pid); }
int ps_live_resume(ps_live *l, uint32_t pid) { return intervene(l, ps_engine_resume, pid); }
int ps_live_kill(ps_live *l, uint32_t pid) { return intervene(l, ps_engine_kill, pid); }

int ps_live_set_tick_ms(ps_live *l, int64_t ms)
{
    if (ms < PS_TICK_MS_MIN || ms > PS_TICK_MS_MAX)
        return -1;
    l->tick_ns = ms * 1000000;
    return 0;
}

int64_t ps_live_tick_ms(const ps_live *l)
{
    return l->tick_ns / 1000000;
}

const char *ps_live_error(const ps_live *l, ps_lang lang)
{
    return l->err[lang == PS_LANG_KO];
}

pid_t ps_live_os_pid(const ps_live *l, uint32_t pid)
{
    return pid >= 1 && pid <= l->n && l->ch[pid - 1].alive ? l->ch[pid - 1].pid : 0;
}

int ps_live_open_fds(const ps_live *l, uint32_t pid, ps_live_fd *out, int max)
{
    if (pid < 1 || pid > l->n || !l->ch[pid - 1].alive)
        return -1;
    return ps__proc_fds(l->ch[pid - 1].pid, l->ch[pid - 1].pidfd, out, max < 0 ? 0 : max);
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
    if (var >= l->s->variables.count)
        return 0;
    /* a private one lives in each child's own memory, gone with it: the
       model's copy of pid 1, which each of its real adds matched (or a
       divergence was counted) */
    return l->s->var_private[var] ? ps_engine_variable(l->e, var) : l->shared.var[var];
}

uint32_t ps_live_divergences(const ps_live *l)
{
    return l->divergences;
}

const char *ps_live_warning(const ps_live *l, ps_lang lang)
{
    return l->warning[lang == PS_LANG_KO];
}
