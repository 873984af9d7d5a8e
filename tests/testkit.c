/* testkit.c — see testkit.h. */
#include "testkit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ps_scenario *tk_load(const char *yaml)
{
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("test.yaml", yaml, strlen(yaml), &err);
    if (!s)
        fail_msg("loading failed: %s", err.msg);
    return s;
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

void tk_run_scenario(tk_run *r, ps_scenario *s, int64_t until)
{
    memset(r, 0, sizeof *r);
    r->s = s;
    r->e = ps_engine_create(s);
    assert_non_null(r->e);
    ps_engine_set_listener(r->e, record, r);
    r->status = ps_engine_run(r->e, until);
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
    static const char *const dirs[] = {"scenarios", "scenarios/policies"};
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
