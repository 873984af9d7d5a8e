/* livekit.c — see livekit.h. */
#include "livekit.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>

void lk_record(void *ctx, const ps_live_event *ev)
{
    live_run *r = ctx;
    assert_int_not_equal(ev->ev.kind, PS_TR_ILLEGAL);
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 256;
        r->ev = realloc(r->ev, r->cap * sizeof *r->ev);
        assert_non_null(r->ev);
    }
    r->ev[r->n++] = *ev;
}

/* Run `s` live at `tick_ms` to the end; the backend is kept for queries. */
void lk_open(live_run *r, ps_scenario *s, int64_t tick_ms)
{
    ps_error err;
    memset(r, 0, sizeof *r);
    r->s = s;
    r->e = ps_engine_create(s);
    assert_non_null(r->e);
    r->l = ps_live_create(r->e, &err);
    if (!r->l)
        fail_msg("%s", err.msg);
    ps_live_set_listener(r->l, lk_record, r);
    ps_live_set_tick_ms(r->l, tick_ms);
}

void lk_live(live_run *r, ps_scenario *s, int64_t tick_ms)
{
    lk_open(r, s, tick_ms);
    do
        r->status = ps_live_step(r->l);
    while (r->status == PS_STEP_OK);
}

void lk_live_fini(live_run *r)
{
    ps_live_destroy(r->l);
    ps_engine_destroy(r->e);
    ps_scenario_destroy(r->s);
    free(r->ev);
}

ps_scenario *lk_load(const char *rel)
{
    char path[1024];
    ps_error err;
    if (snprintf(path, sizeof path, "%s/%s", PROCSIM_SOURCE_DIR, rel) >= (int)sizeof path)
        fail_msg("path too long: %s", rel);
    ps_scenario *s = ps_scenario_load_file(path, &err);
    if (!s)
        fail_msg("%s", err.msg);
    return s;
}

const ps_live_event *lk_find(const live_run *r, uint32_t pid, ps_state from, ps_state to)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].ev.pid == pid && r->ev[i].ev.from == from && r->ev[i].ev.to == to)
            return &r->ev[i];
    fail_msg("no %s -> %s for pid %u", ps_state_name(from), ps_state_name(to), pid);
    return NULL;
}

/* ---- signal masks ---------------------------------------------------- */

uint64_t lk_thread_mask(void)
{
    sigset_t set;
    assert_int_equal(pthread_sigmask(SIG_BLOCK, NULL, &set), 0);
    uint64_t bits = 0;
    for (int sig = 1; sig <= 64; sig++)
        if (sigismember(&set, sig) == 1)
            bits |= LK_SIG(sig);
    return bits;
}

uint64_t lk_proc_sigs(pid_t pid, const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("%s: %s", path, strerror(errno));
    size_t flen = strlen(field);
    unsigned long long bits = 0;
    int found = 0;
    while (!found && fgets(line, sizeof line, f))
        found = !strncmp(line, field, flen) && line[flen] == ':' &&
                sscanf(line + flen + 1, "%llx", &bits) == 1;
    fclose(f);
    if (!found)
        fail_msg("%s: no %s", path, field);
    return bits;
}

/* ---- leftovers ------------------------------------------------------- */

const char *lk_proc_stat(const char *pid, char *buf, size_t size)
{
    char path[300];
    snprintf(path, sizeof path, "/proc/%s/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t got = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[got] = 0;
    const char *p = strrchr(buf, ')'); /* the name may hold ')' and spaces */
    return p && p[1] == ' ' ? p + 2 : NULL;
}

char lk_proc_letter(pid_t pid)
{
    char id[24], buf[512];
    snprintf(id, sizeof id, "%d", (int)pid);
    const char *p = lk_proc_stat(id, buf, sizeof buf);
    return p ? p[0] : 0;
}

/* Children of `parent` still in the process table (any state). */
int lk_children_of(pid_t parent, pid_t *out, int max)
{
    DIR *d = opendir("/proc");
    struct dirent *de;
    int n = 0;
    while (d && (de = readdir(d))) {
        char buf[512];
        const char *p = lk_proc_stat(de->d_name, buf, sizeof buf);
        int ppid;
        char st;
        if (p && sscanf(p, "%c %d", &st, &ppid) == 2 && ppid == parent && n < max)
            out[n++] = atoi(de->d_name);
    }
    if (d)
        closedir(d);
    return n;
}

/* Wait (up to 10 s: PID 1 reaps orphans late) until none of `pids` is in
 * the process table any more, zombies included. */
void lk_assert_all_gone(const pid_t *pids, int n)
{
    for (int tries = 0; tries < 1000; tries++) {
        int left = 0;
        for (int i = 0; i < n; i++)
            left += kill(pids[i], 0) == 0 || errno != ESRCH;
        if (!left)
            return;
        struct timespec ts = {0, 10000000};
        nanosleep(&ts, NULL);
    }
    fail_msg("processes left behind");
}

/* The live trace equals the model's, transition for transition. */
void lk_assert_same_trace(const live_run *r, const tk_run *m, const char *what)
{
    assert_int_equal(r->status, PS_STEP_DONE);
    if (r->n != m->n)
        fail_msg("%s: %zu live transitions, %zu in the model", what, r->n, m->n);
    for (size_t i = 0; i < m->n; i++) {
        const ps_trace_event *a = &r->ev[i].ev, *b = &m->ev[i];
        if (a->time != b->time || a->pid != b->pid || a->from != b->from || a->to != b->to ||
            a->event != b->event || a->cause != b->cause)
            fail_msg("%s: transition %zu differs", what, i);
    }
}
