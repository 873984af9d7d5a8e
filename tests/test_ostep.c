/* test_ostep.c — procsim ostep against OSTEP's own programs.
 *
 * Every case of tests/ostep/examples (the reference runs that come with
 * the specification) and tests/ostep/cases (runs of the original programs
 * chosen to cover each flag and quirk) is a command line, the exact stdout
 * and the exit status; each must come out byte for byte.  With arguments
 * DIR NAME the suite runs that one case (ctest registers each case so);
 * without, every case, plus the checks below: the scenarios the workloads
 * become are valid scenario files (written as YAML, loaded back, run to
 * the same trace), and the engine's ostep and mlfq policies keep their
 * rules in hand-made scenarios.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/engine.h"
#include "procsim/ostep.h"
#include "procsim/out.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, (cap *= 2) + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        *len = n;
    }
    return buf;
}

/* The expected exit status of case `name` from DIR/MANIFEST.txt. */
static int manifest_status(const char *dir, const char *name)
{
    char path[4608], line[2048];
    snprintf(path, sizeof path, "%s/MANIFEST.txt", dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    int status = -1;
    size_t n = strlen(name);
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, name, n) && line[n] == '\t') {
            char *p = strchr(line + n + 1, '\t');
            status = p ? atoi(p + 1) : -1;
            break;
        }
    fclose(f);
    return status;
}

/* Runs DIR/NAME.cmd and compares with DIR/NAME.out and the manifest. */
static void run_case(const char *dir, const char *name)
{
    char path[4608];
    size_t len, outlen;
    snprintf(path, sizeof path, "%s/%s.cmd", dir, name);
    char *cmd = slurp(path, &len);
    snprintf(path, sizeof path, "%s/%s.out", dir, name);
    char *want = slurp(path, &outlen);
    assert_non_null(cmd);
    assert_non_null(want);
    char *argv[256];
    int argc = 0;
    for (char *t = strtok(cmd, " \t\n"); t && argc < 255; t = strtok(NULL, " \t\n"))
        argv[argc++] = t;
    argv[argc] = NULL;
    int prog = ps_ostep_lookup(argv[0]);
    assert_true(prog >= 0);
    ps_outbuf out = {0}, err = {0};
    ps_out o = ps_outbuf_sink(&out), e = ps_outbuf_sink(&err);
    int status = ps_ostep_run((ps_ostep_prog)prog, argc - 1, argv + 1, &o, &e);
    const char *got = out.s ? out.s : "";
    if (out.len != outlen || memcmp(got, want, outlen) != 0) {
        size_t i = 0;
        while (i < out.len && i < outlen && got[i] == want[i])
            i++;
        size_t line = 1;
        for (size_t k = 0; k < i; k++)
            line += want[k] == '\n';
        fail_msg("%s: stdout differs from line %zu (byte %zu)\n--- want ---\n%.300s\n--- got ---"
                 "\n%.300s\n--- stderr ---\n%.300s", name, line, i, want + i - (i > 40 ? 40 : i),
                 got + i - (i > 40 ? 40 : i), err.s ? err.s : "");
    }
    int expect = manifest_status(dir, name);
    if (status != expect)
        fail_msg("%s: exit status %d, expected %d (stderr: %.300s)", name, status, expect,
                 err.s ? err.s : "");
    ps_outbuf_fini(&out);
    ps_outbuf_fini(&err);
    free(cmd);
    free(want);
}

/* ---- the workloads as scenario files ---------------------------------- */

typedef struct trace {
    ps_trace_event *ev;
    size_t n, cap;
} trace;

static void record(void *ctx, const ps_trace_event *ev)
{
    trace *t = ctx;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 256;
        t->ev = realloc(t->ev, t->cap * sizeof *t->ev);
        assert_non_null(t->ev);
    }
    t->ev[t->n++] = *ev;
}

static void run_trace(const ps_scenario *s, trace *t)
{
    ps_engine *e = ps_engine_create(s);
    assert_non_null(e);
    ps_engine_set_listener(e, record, t);
    assert_int_equal(ps_engine_run(e, -1), PS_STEP_DONE);
    ps_engine_destroy(e);
}

/* Has the scenario values a file may not hold (OSTEP accepts quanta and
 * allotments below 1, and lottery jobs without tickets)? */
static int beyond_files(const ps_scenario *s)
{
    for (int32_t l = 0; (ps_policy_uses(s->policy) & PS_USES_MLFQ) && l < s->mlfq_levels; l++)
        if (s->mlfq_quanta[l] < 1 || s->mlfq_allotments[l] < 1)
            return 1;
    for (uint32_t i = 0; (ps_policy_uses(s->policy) & PS_USES_TICKETS) && i < s->nprocs; i++)
        if (s->procs[i].tickets < 1)
            return 1;
    return 0;
}

/* The workload of DIR/NAME.cmd, written as YAML and loaded back, runs to
 * the same trace as the scenario procsim made for it; returns 1 if the
 * command has a workload at all. */
static int round_trip(const char *dir, const char *name)
{
    char path[4608];
    size_t len;
    snprintf(path, sizeof path, "%s/%s.cmd", dir, name);
    char *cmd = slurp(path, &len);
    assert_non_null(cmd);
    char *argv[256];
    int argc = 0;
    for (char *t = strtok(cmd, " \t\n"); t && argc < 255; t = strtok(NULL, " \t\n"))
        argv[argc++] = t;
    ps_outbuf out = {0}, err = {0}, yaml = {0};
    ps_out o = ps_outbuf_sink(&out), e = ps_outbuf_sink(&err), y = ps_outbuf_sink(&yaml);
    int status;
    ps_scenario *s = ps_ostep_scenario((ps_ostep_prog)ps_ostep_lookup(argv[0]), argc - 1,
                                       argv + 1, &o, &e, &status);
    int made = s != NULL;
    if (s) {
        ps_scenario_write_yaml(s, &y);
        ps_error perr;
        ps_scenario *back = ps_scenario_load_string(name, yaml.s, yaml.len, &perr);
        if (!back && !beyond_files(s))
            fail_msg("%s: the scenario's YAML does not load: %s\n%.500s", name, perr.msg,
                     yaml.s);
        if (back) {
            trace a = {0}, b = {0};
            run_trace(s, &a);
            run_trace(back, &b);
            assert_int_equal(a.n, b.n);
            for (size_t i = 0; i < a.n; i++) {
                const ps_trace_event *x = &a.ev[i], *z = &b.ev[i];
                if (x->time != z->time || x->pid != z->pid || x->from != z->from ||
                    x->to != z->to || x->event != z->event || x->cause != z->cause ||
                    x->a != z->a || x->b != z->b)
                    fail_msg("%s: transition %zu differs after the YAML round trip", name, i);
            }
            free(a.ev);
            free(b.ev);
            ps_scenario_destroy(back);
        }
        ps_scenario_destroy(s);
    }
    ps_outbuf_fini(&out);
    ps_outbuf_fini(&err);
    ps_outbuf_fini(&yaml);
    free(cmd);
    return made;
}

static void workloads_round_trip_as_yaml(void **state)
{
    (void)state;
    static const char *const dirs[] = {PROCSIM_SOURCE_DIR "/tests/ostep/examples",
                                       PROCSIM_SOURCE_DIR "/tests/ostep/cases"};
    int made = 0;
    for (int d = 0; d < 2; d++) {
        char path[4608], line[2048];
        snprintf(path, sizeof path, "%s/MANIFEST.txt", dirs[d]);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        while (fgets(line, sizeof line, f)) {
            if (line[0] == '#' || !strchr(line, '\t'))
                continue;
            *strchr(line, '\t') = 0;
            made += round_trip(dirs[d], line);
        }
        fclose(f);
    }
    assert_true(made > 60); /* most cases have a workload */
}

/* ---- procsim's own limits and huge lengths --------------------------- */

/* scheduler.py on lengths far above a homework's: the printed times are
 * scheduler.py's (%.2f of Python floats, the spec's arithmetic), and the
 * cost follows the jobs and slices, not the ticks; RR beyond the slices
 * procsim prints says so. */
static void scheduler_huge_lengths_and_limits(void **state)
{
    (void)state;
    static const struct {
        const char *argv[12];
        int status;
        const char *out, *err; /* a line stdout or stderr holds */
    } cases[] = {
        {{"-l", "4294967296", "-c"}, 0,
         "  [ time   0 ] Run job 0 for 4294967296.00 secs ( DONE at 4294967296.00 )\n", NULL},
        {{"-l", "999999999999,4294967296", "-c"}, 0,
         "  [ time 999999999999 ] Run job 1 for 4294967296.00 secs ( DONE at "
         "1004294967295.00 )\n", NULL},
        {{"-p", "SJF", "-l", "4294967296,1", "-c"}, 0,
         "  [ time   1 ] Run job 0 for 4294967296.00 secs ( DONE at 4294967297.00 )\n", NULL},
        {{"-p", "RR", "-q", "4294967296", "-l", "4294967296,1", "-c"}, 0,
         "  [ time 4294967296 ] Run job   1 for 1.00 secs ( DONE at 4294967297.00 )\n", NULL},
        {{"-p", "RR", "-q", "1000", "-l", "4294967296,1", "-c"}, 0,
         "  [ time 4294967001 ] Run job   0 for 296.00 secs ( DONE at 4294967297.00 )\n", NULL},
        {{"-p", "RR", "-q", "100", "-l", "4294967296,1", "-c"}, 1, NULL,
         "procsim: scheduler.py: RR would print more than 10000000 slices; procsim stops "
         "here\n"},
        {{"-p", "RR", "-l", "10000001", "-c"}, 1, NULL,
         "procsim: scheduler.py: RR would print more than 10000000 slices; procsim stops "
         "here\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int argc = 0;
        while (cases[i].argv[argc])
            argc++;
        ps_outbuf out = {0}, err = {0};
        ps_out o = ps_outbuf_sink(&out), e = ps_outbuf_sink(&err);
        int status = ps_ostep_run(PS_OSTEP_SCHEDULER, argc, (char **)cases[i].argv, &o, &e);
        const char *got = out.s ? out.s : "", *said = err.s ? err.s : "";
        if (status != cases[i].status || (cases[i].out && !strstr(got, cases[i].out)) ||
            (cases[i].err && !strstr(said, cases[i].err)))
            fail_msg("case %zu: exit %d\n--- stdout ---\n%.800s\n--- stderr ---\n%.300s", i,
                     status, got, said);
        ps_outbuf_fini(&out);
        ps_outbuf_fini(&err);
    }
}

/* ---- all cases of a directory as cmocka tests ------------------------ */

typedef struct named_case {
    char dir[400];
    char name[2048];
} named_case;

static void test_case(void **state)
{
    const named_case *c = *state;
    run_case(c->dir, c->name);
}

static int add_cases(const char *dir, named_case *cases, struct CMUnitTest *tests, int n, int max)
{
    char path[4608], line[2048];
    snprintf(path, sizeof path, "%s/MANIFEST.txt", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return n;
    while (n < max && fgets(line, sizeof line, f)) {
        if (line[0] == '#' || !strchr(line, '\t'))
            continue;
        *strchr(line, '\t') = 0;
        snprintf(cases[n].dir, sizeof cases[n].dir, "%s", dir);
        snprintf(cases[n].name, sizeof cases[n].name, "%s", line);
        tests[n] = (struct CMUnitTest){cases[n].name, test_case, NULL, NULL, &cases[n]};
        n++;
    }
    fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    if (argc == 3) {
        named_case c;
        snprintf(c.dir, sizeof c.dir, "%s", argv[1]);
        snprintf(c.name, sizeof c.name, "%s", argv[2]);
        const struct CMUnitTest one[] = {{c.name, test_case, NULL, NULL, &c}};
        return _cmocka_run_group_tests(c.name, one, 1, NULL, NULL);
    }
    enum { MAX = 512 };
    static named_case cases[MAX];
    static struct CMUnitTest tests[MAX];
    int n = add_cases(PROCSIM_SOURCE_DIR "/tests/ostep/examples", cases, tests, 0, MAX);
    n = add_cases(PROCSIM_SOURCE_DIR "/tests/ostep/cases", cases, tests, n, MAX);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(workloads_round_trip_as_yaml);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(scheduler_huge_lengths_and_limits);
    return _cmocka_run_group_tests("ostep", tests, (size_t)n, NULL, NULL);
}
