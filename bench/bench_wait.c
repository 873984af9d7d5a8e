/* bench_wait.c — the cost of `wait any` against the number of children.
 *
 *   bench_wait [N...]        (default: 16384 32768 65536 100000)
 *
 * For each N, a parent spawns N children (each `cpu 1`) on one CPU and
 * joins them with N `wait any`s, in two shapes:
 *
 *   zombies   round robin: the parent, woken by the first exit, queues
 *             behind every child, so its later waits each reap a zombie
 *             (the children reaped before it come first in its list);
 *   blocking  priority-preemptive, the parent most urgent: each exit wakes
 *             it at once, and its next wait blocks with every other child
 *             still to run.
 *
 * Each child's exit is a handful of events, so a run should take time in
 * proportion to N (docs/engine.md, rule O-wait-cost).  The engine runs
 * alone, as in bench_engine; numbers go to stdout, one line per run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "procsim/engine.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The scenario for n children, in a buffer the caller frees (NULL: out of
 * memory). */
static char *scenario(long n, int blocking)
{
    size_t size = 256 + (size_t)n * 128, len = 0; /* a child: two lines, < 100 bytes */
    char *t = malloc(size);
    if (!t)
        return NULL;
    len += (size_t)snprintf(t + len, size - len,
                            "procsim: 1\ntitle: wait any, %ld children\n"
                            "system: {cpus: 1, policy: %s, quantum: 1}\n"
                            "processes:\n  - name: p\n    priority: 0\n    program:\n",
                            n, blocking ? "priority-preemptive" : "rr");
    for (long i = 0; i < n; i++)
        len += (size_t)snprintf(t + len, size - len, "      - spawn c%ld\n", i);
    len += (size_t)snprintf(t + len, size - len, "      - repeat %ld:\n          - wait any\n", n);
    for (long i = 0; i < n; i++)
        len += (size_t)snprintf(t + len, size - len,
                                "  - {name: c%ld, parent: p, priority: 1, program: [cpu 1]}\n", i);
    return t;
}

static void count(void *ctx, const ps_trace_event *ev)
{
    (void)ev;
    ++*(unsigned long long *)ctx;
}

static int bench(long n, int blocking)
{
    char *text = scenario(n, blocking);
    if (!text)
        return fprintf(stderr, "bench_wait: out of memory\n"), 1;
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("bench_wait", text, strlen(text), &err);
    free(text);
    if (!s)
        return fprintf(stderr, "bench_wait: %s\n", err.msg), 1;
    ps_engine *e = ps_engine_create(s);
    if (!e)
        return ps_scenario_destroy(s), fprintf(stderr, "bench_wait: out of memory\n"), 1;
    unsigned long long transitions = 0;
    ps_engine_set_listener(e, count, &transitions);
    double t0 = now_s();
    ps_step_status st = ps_engine_run(e, -1);
    double dt = now_s() - t0;
    int bad = st != PS_STEP_DONE || ps_engine_pcb(e, 1)->state != PS_EXIT;
    if (bad)
        fprintf(stderr, "bench_wait: %ld children: the run ended with status %d\n", n, st);
    else
        printf("%-8s children %6ld  transitions %8llu  engine_seconds %8.3f s  "
               "per_child %6.2f us\n",
               blocking ? "blocking" : "zombies", n, transitions, dt, dt / (double)n * 1e6);
    fflush(stdout);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return bad;
}

int main(int argc, char **argv)
{
    static const long dflt[] = {16384, 32768, 65536, 100000};
    long ns[64];
    int count_n = 0, bad = 0;
    for (int i = 1; i < argc; i++) {
        char *end;
        long n = strtol(argv[i], &end, 10);
        if (*end || n < 1 || n > 1000000 || count_n == 64)
            return fprintf(stderr, "usage: bench_wait [N...] (N: 1 .. 1000000, 64 at most)\n"), 2;
        ns[count_n++] = n;
    }
    for (; argc < 2 && count_n < (int)(sizeof dflt / sizeof *dflt); count_n++)
        ns[count_n] = dflt[count_n];
    for (int blocking = 0; blocking < 2; blocking++)
        for (int i = 0; i < count_n; i++)
            bad |= bench(ns[i], blocking);
    return bad;
}
