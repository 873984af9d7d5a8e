/* testkit.c — see testkit.h. */
#include "testkit.h"

#include "procsim/cause.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

ps_scenario *tk_load(const char *yaml)
{
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("test.yaml", yaml, strlen(yaml), &err);
    if (!s)
        fail_msg("loading failed: %s", err.msg);
    return s;
}

ps_scenario *tk_load_with_cpus(const char *rel, int cpus)
{
    char path[1024], text[16384], out[16400];
    snprintf(path, sizeof path, "%s/%s", PROCSIM_SOURCE_DIR, rel);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    char *at = strstr(text, "cpus: auto\n"); /* the key's, not a description's */
    if (!at || n == sizeof text - 1)
        fail_msg("%s: no 'cpus: auto', or too long for a test copy", rel);
    snprintf(out, sizeof out, "%.*scpus: %d%s", (int)(at - text), text, cpus,
             at + strlen("cpus: auto"));
    return tk_load(out);
}

static void record(void *ctx, const ps_trace_event *ev)
{
    tk_run *r = ctx;
    /* the door must only ever let legal transitions through */
    assert_int_equal(ev->kind, ps_transition_classify((ps_state)ev->from,
                                                      (ps_state)ev->to,
                                                      (ps_event)ev->event));
    assert_int_not_equal(ev->kind, PS_TR_ILLEGAL);
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 256;
        r->ev = realloc(r->ev, r->cap * sizeof *r->ev);
        assert_non_null(r->ev);
    }
    r->ev[r->n++] = *ev;
    r->kinds_seen |= 1u << ev->kind;
}

/* a + b, saturating */
static uint64_t sat_add(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

uint64_t tk_step_budget(const ps_scenario *s)
{
    const char *env = getenv("PROCSIM_TEST_STEP_BUDGET");
    if (env && *env)
        return strtoull(env, NULL, 10);
    int sliced = (ps_policy_uses(s->policy) & PS_USES_QUANTUM) != 0;
    uint64_t per_tick = 0, work = 0, latest = 0;
    for (uint32_t i = 0; i < s->nops; i++) {
        ps_op_kind k = (ps_op_kind)s->ops[i].kind;
        uint64_t n = s->ops[i].n > 0 ? (uint64_t)s->ops[i].n : 0;
        uint64_t ticks = ps_op_ticks(k) * n; /* on a CPU: cpu, add */
        if (ticks) {
            /* add's steps are instants of their own; cpu is cut by quanta */
            per_tick = sat_add(per_tick, k == PS_OP_ADD || sliced ? ticks : 0);
            work = sat_add(work, ticks);
        } else if (k == PS_OP_IO || k == PS_OP_SLEEP) {
            work = sat_add(work, n); /* ticks off the CPU */
        }
    }
    for (uint32_t i = 0; i < s->nprocs; i++)
        if (s->procs[i].arrival > 0 && (uint64_t)s->procs[i].arrival > latest)
            latest = (uint64_t)s->procs[i].arrival;
    for (uint32_t i = 0; i < s->nevents; i++)
        if (s->events[i].at > 0 && (uint64_t)s->events[i].at > latest)
            latest = (uint64_t)s->events[i].at;
    if ((ps_policy_uses(s->policy) & PS_USES_MLFQ) && s->mlfq_boost > 0) {
        /* the run ends by `latest` plus all the work, each tick of it
           perhaps with a switch cost; one boost per mlfq_boost ticks */
        uint64_t end = sat_add(latest, work);
        if (s->switch_cost > 0 && end < UINT64_MAX / (1 + (uint64_t)s->switch_cost))
            end *= 1 + (uint64_t)s->switch_cost;
        per_tick = sat_add(per_tick, end / (uint64_t)s->mlfq_boost + 1);
    }
    uint64_t things = (uint64_t)s->nops + s->nprocs + s->nevents;
    uint64_t budget = sat_add(10000, 100 * things);
    return sat_add(budget, per_tick > UINT64_MAX / 4 ? UINT64_MAX : 4 * per_tick);
}

static char hang_msg[256];
static size_t hang_len;

static void hang(int sig)
{
    (void)sig;
    if (write(2, hang_msg, hang_len) < 0)
        _exit(1);
    _exit(1);
}

void tk_watchdog(unsigned seconds, const char *what)
{
    int n = snprintf(hang_msg, sizeof hang_msg,
                     "\nwatchdog: %s has not returned after %u s: an endless loop in the "
                     "engine?\n", what, seconds);
    hang_len = n < 0 ? 0 : (size_t)n < sizeof hang_msg ? (size_t)n : sizeof hang_msg - 1;
    signal(SIGALRM, hang);
    alarm(seconds);
}

void tk_watchdog_off(void)
{
    alarm(0);
}

void tk_filter_from_env(void)
{
    const char *pattern = getenv("PROCSIM_TEST_FILTER");
    if (pattern && *pattern)
        cmocka_set_test_filter(pattern);
}

/* Has every process ended (no live one, none still to arrive)? */
static int all_done(const ps_engine *e)
{
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        if (p->created ? p->state != PS_EXIT : !p->parent)
            return 0;
    }
    return 1;
}

ps_step_status tk_step_until(ps_engine *e, int64_t until, uint64_t budget, uint64_t *steps)
{
    uint64_t n = 0;
    ps_step_status st = PS_STEP_OK;
    if (until >= 0 && until < ps_engine_now(e))
        until = ps_engine_now(e); /* time does not go back */
    tk_watchdog(TK_WATCHDOG_SECONDS, "a step of the engine");
    while (n < budget) {
        int64_t next = ps_engine_next(e);
        n++;
        if (until >= 0 && (next < 0 || next > until) && !all_done(e)) {
            /* the limit is reached: ps_engine_run stops at once (or says
               stuck), bringing the statistics up to `until` */
            st = ps_engine_run(e, until);
            break;
        }
        st = ps_engine_step(e);
        if (st != PS_STEP_OK)
            break;
    }
    tk_watchdog_off();
    if (steps)
        *steps = n;
    return st;
}

/* Step r->e under the budget; fail the test, saying why, when it runs out. */
static ps_step_status run_budgeted(tk_run *r, int64_t until)
{
    uint64_t budget = tk_step_budget(r->s), steps;
    r->status = tk_step_until(r->e, until, budget, &steps);
    if (r->status == PS_STEP_OK && steps >= budget)
        fail_msg("step budget exceeded: '%s' has taken %llu instants and has not ended, "
                 "now at tick %lld; does the engine's loop never end? (the budget: %s)",
                 r->s->title, (unsigned long long)steps, (long long)ps_engine_now(r->e),
                 getenv("PROCSIM_TEST_STEP_BUDGET") ? "PROCSIM_TEST_STEP_BUDGET"
                                                    : "tk_step_budget in tests/testkit.h");
    return r->status;
}

void tk_run_scenario(tk_run *r, ps_scenario *s, int64_t until)
{
    memset(r, 0, sizeof *r);
    r->s = s;
    r->e = ps_engine_create(s);
    assert_non_null(r->e);
    ps_engine_set_listener(r->e, record, r);
    run_budgeted(r, until);
}

ps_step_status tk_run_more(tk_run *r, int64_t until)
{
    return run_budgeted(r, until);
}

void tk_run_yaml(tk_run *r, const char *yaml, int64_t until)
{
    tk_run_scenario(r, tk_load(yaml), until);
}

void tk_run_fini(tk_run *r)
{
    ps_engine_destroy(r->e);
    ps_scenario_destroy(r->s);
    free(r->ev);
    memset(r, 0, sizeof *r);
}

uint32_t tk_pid(const tk_run *r, const char *name)
{
    for (uint32_t i = 0; i < r->s->nprocs; i++)
        if (!strcmp(r->s->procs[i].name, name))
            return i + 1;
    fail_msg("no process '%s'", name);
    return 0;
}

const char *tk_path(const tk_run *r, const char *name, char *buf, size_t size)
{
    uint32_t pid = tk_pid(r, name);
    size_t len = 0;
    buf[0] = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].pid == pid)
            len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s",
                                    len ? " " : "", ps_state_token((ps_state)r->ev[i].to));
    return buf;
}

const char *tk_moves(const tk_run *r, int64_t t, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].time == t)
            len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s>%s",
                                    len ? " " : "", r->s->procs[r->ev[i].pid - 1].name,
                                    ps_state_token((ps_state)r->ev[i].to));
    return buf;
}

int64_t tk_when(const tk_run *r, const char *name, ps_state to, int n)
{
    uint32_t pid = tk_pid(r, name);
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].pid == pid && r->ev[i].to == to && n-- == 0)
            return r->ev[i].time;
    return -1;
}

long tk_find(const tk_run *r, const char *name, ps_state to, size_t from)
{
    uint32_t pid = tk_pid(r, name);
    for (size_t i = from; i < r->n; i++)
        if (r->ev[i].pid == pid && r->ev[i].to == to)
            return (long)i;
    return -1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(a, b);
}

int tk_shipped_scenarios(char (*paths)[TK_PATH], int max)
{
    static const char *const dirs[] = {"scenarios", "scenarios/policies", "scenarios/seeds"};
    int n = 0;
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/%s", PROCSIM_SOURCE_DIR, dirs[d]);
        DIR *h = opendir(dir);
        assert_non_null(h);
        struct dirent *de;
        while ((de = readdir(h)) && n < max) {
            size_t len = strlen(de->d_name);
            if (len > 5 && !strcmp(de->d_name + len - 5, ".yaml"))
                snprintf(paths[n++], TK_PATH, "%s/%.200s", dirs[d], de->d_name);
        }
        closedir(h);
    }
    qsort(paths, (size_t)n, TK_PATH, by_name);
    return n;
}

int tk_has_tag(const char *tags, const char *tag)
{
    size_t len = strlen(tag);
    for (const char *t = tags; (t = strstr(t, tag)); t += len)
        if ((t == tags || t[-1] == ' ') && (t[len] == ' ' || !t[len]))
            return 1;
    return 0;
}

typedef struct dispatch_log {
    const ps_engine *e;
    tk_dispatches *out;
} dispatch_log;

static void log_dispatch(void *ctx, const ps_trace_event *ev)
{
    dispatch_log *l = ctx;
    tk_dispatches *d = l->out;
    if (ev->event != PS_EV_DISPATCH || d->n >= TK_DISPATCHES)
        return;
    ps_cause_format(l->e, ev, PS_LANG_EN, d->en[d->n], sizeof d->en[0]);
    ps_cause_format(l->e, ev, PS_LANG_KO, d->ko[d->n++], sizeof d->ko[0]);
}

void tk_dispatch_causes(const char *yaml, tk_dispatches *out)
{
    ps_scenario *s = tk_load(yaml);
    ps_engine *e = ps_engine_create(s);
    dispatch_log l = {e, out};
    out->n = 0;
    ps_engine_set_listener(e, log_dispatch, &l);
    assert_int_equal(tk_step_until(e, -1, tk_step_budget(s), NULL), PS_STEP_DONE);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}
