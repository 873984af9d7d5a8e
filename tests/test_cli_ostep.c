/* test_cli_ostep.c — `procsim ostep PROGRAM --format yaml` end to end:
 * what it writes is a scenario file procsim loads, and that file runs to
 * the same trace as the workload run directly; a workload that no file
 * can hold (OSTEP takes values a scenario may not: an allotment or a
 * quantum below 1, jobs without tickets, no jobs at all, lengths beyond
 * whole ticks) is refused with a message and nothing on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clikit.h"
#include "procsim/engine.h"
#include "procsim/ostep.h"
#include "procsim/out.h"
#include "procsim/scenario.h"

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

static trace run_trace(const ps_scenario *s)
{
    trace t = {0};
    ps_engine *e = ps_engine_create(s);
    assert_non_null(e);
    ps_engine_set_listener(e, record, &t);
    assert_int_equal(ps_engine_run(e, -1), PS_STEP_DONE);
    ps_engine_destroy(e);
    return t;
}

/* Each line: whether procsim can write its workload as a file, then
 * PROGRAM and its flags. */
static const struct {
    int writes;
    const char *argv[12];
} lines[] = {
    {1, {"process-run", "-l", "3:50,3:50", "-s", "2"}},
    {1, {"process-run", "-l", "1:0,4:100", "-S", "SWITCH_ON_END", "-I", "IO_RUN_IMMEDIATE"}},
    {1, {"process-run", "-l", "0:0"}},
    {1, {"scheduler", "-p", "RR", "-l", "3,4", "-q", "1"}},
    {1, {"scheduler", "-p", "SJF", "-l", "2.5,0.25,1"}},
    {0, {"scheduler", "-j", "0"}},
    {0, {"scheduler", "-l", "4294967296"}},
    {1, {"scheduler", "-l", "3", "\xff"}},
    {1, {"scheduler", "-l", "3", "a\tb\x01", "\xc2\x85", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80"}},
    {1, {"scheduler", "-l", "3", "\xe2\x82", "é한"}},
    {1, {"mlfq", "-l", "0,20,5:3,10,0"}},
    {0, {"mlfq", "-a", "0"}},
    {0, {"mlfq", "-a", "0", "-j", "1"}},
    {0, {"mlfq", "-j", "0"}},
    {0, {"mlfq", "-Q", "0.5,1,2", "-j", "1"}},
    {1, {"mlfq", "-j", "2", "-n", "3", "-q", "10", "-M", "0"}},
    {1, {"lottery", "-l", "10:1,10:100"}},
    {0, {"lottery", "-l", "10:0,5:1"}},
    {0, {"lottery", "-j", "0"}},
};

static void yaml_loads_and_runs_the_same_or_is_refused(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        const char *args[16] = {"ostep"};
        int n = 0;
        while (lines[i].argv[n]) {
            args[n + 1] = lines[i].argv[n];
            n++;
        }
        args[n + 1] = "--format";
        args[n + 2] = "yaml";
        result r = procsim(args);
        if ((r.status == 0) != lines[i].writes)
            fail_msg("line %zu: exit %d, expected the file %s\n%s", i, r.status,
                     lines[i].writes ? "written" : "refused", r.err);
        if (r.status != 0) {
            if (r.out_len || !strstr(r.err, "procsim"))
                fail_msg("line %zu refused (exit %d) without a message of procsim's, or with "
                         "output:\n%s\n%s", i, r.status, r.out, r.err);
            result_free(&r);
            continue;
        }
        ps_error why;
        ps_scenario *back = ps_scenario_load_string("written", r.out, r.out_len, &why);
        if (!back)
            fail_msg("line %zu: --format yaml wrote a file procsim refuses: %s\n%s", i, why.msg,
                     r.out);
        ps_outbuf o = {0}, e = {0};
        ps_out out = ps_outbuf_sink(&o), err = ps_outbuf_sink(&e);
        int status;
        ps_scenario *direct = ps_ostep_scenario((ps_ostep_prog)ps_ostep_lookup(lines[i].argv[0]),
                                                n - 1, (char **)lines[i].argv + 1, &out, &err, &status);
        assert_non_null(direct);
        trace a = run_trace(direct), b = run_trace(back);
        if (a.n != b.n)
            fail_msg("line %zu: %zu transitions run directly, %zu from the file", i, a.n, b.n);
        for (size_t k = 0; k < a.n; k++) {
            const ps_trace_event *x = &a.ev[k], *z = &b.ev[k];
            if (x->time != z->time || x->pid != z->pid || x->from != z->from || x->to != z->to ||
                x->event != z->event || x->cause != z->cause || x->a != z->a || x->b != z->b)
                fail_msg("line %zu: transition %zu differs in the written file", i, k);
        }
        free(a.ev);
        free(b.ev);
        ps_scenario_destroy(direct);
        ps_scenario_destroy(back);
        ps_outbuf_fini(&o);
        ps_outbuf_fini(&e);
        result_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(yaml_loads_and_runs_the_same_or_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
