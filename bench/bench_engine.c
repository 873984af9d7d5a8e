/* bench_engine.c — throughput and memory of the engine and of the CLI.
 *
 *   bench_engine SCENARIO [PROCSIM]
 *
 * 1. engine alone: load SCENARIO, run it to the end with a listener that
 *    only counts; report transitions per second (run time only) and heap
 *    bytes per process (scenario + engine, from mallinfo2).
 * 2. if PROCSIM is given: `PROCSIM run SCENARIO --format csv` with stdout
 *    on /dev/null; report transitions per second (wall time, loading
 *    included) and peak RSS per process.
 * Numbers go to stdout, one "name value unit" line each. */
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "procsim/engine.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void count(void *ctx, const ps_trace_event *ev)
{
    (void)ev;
    ++*(unsigned long long *)ctx;
}

/* Run `procsim run path --format csv` to /dev/null; its wall time and peak
 * RSS in kB, or -1. */
static double cli(const char *procsim, const char *path, long *maxrss_kb)
{
    double t0 = now_s();
    pid_t pid = fork();
    if (pid < 0)
        return perror("fork"), 1;
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd < 0 || dup2(fd, 1) < 0)
            _exit(127);
        execl(procsim, procsim, "run", path, "--format", "csv", (char *)NULL);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        return perror("wait4"), -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench: procsim run failed (status %d)\n", status);
        return -1;
    }
    *maxrss_kb = ru.ru_maxrss;
    return now_s() - t0;
}

/* The CLI on the large scenario, and on a one-process one for the RSS of
 * the binary itself (its libraries, SDL's included): the difference is
 * what the processes cost. */
static int run_cli(const char *procsim, const char *path, unsigned long long transitions,
                   uint32_t nprocs)
{
    char tiny[] = "/tmp/procsim-bench-XXXXXX";
    int fd = mkstemp(tiny);
    static const char one[] = "procsim: 1\ntitle: one\nprocesses: [{name: a, program: [cpu 1]}]\n";
    if (fd < 0 || write(fd, one, sizeof one - 1) != (ssize_t)(sizeof one - 1))
        return perror("tiny scenario"), 1;
    close(fd);
    long base_kb = 0, rss_kb = 0;
    double base = cli(procsim, tiny, &base_kb), dt = cli(procsim, path, &rss_kb);
    unlink(tiny);
    if (base < 0 || dt < 0)
        return 1;
    printf("cli_csv_seconds %.3f s\n", dt);
    printf("cli_csv_transitions_per_second %.0f /s\n", (double)transitions / dt);
    printf("cli_peak_rss_bytes_per_process %.0f B (of it, the binary alone: %ld kB)\n",
           rss_kb * 1024.0 / nprocs, base_kb);
    printf("cli_rss_bytes_per_process_above_binary %.0f B\n",
           (rss_kb - base_kb) * 1024.0 / nprocs);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_engine SCENARIO [PROCSIM]\n");
        return 2;
    }
    struct mallinfo2 m0 = mallinfo2();
    double t0 = now_s();
    ps_error err;
    ps_scenario *s = ps_scenario_load_file(argv[1], &err);
    if (!s) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    double t1 = now_s();
    ps_engine *e = ps_engine_create(s);
    if (!e)
        return fprintf(stderr, "bench: out of memory\n"), 1;
    struct mallinfo2 m1 = mallinfo2();
    unsigned long long n = 0;
    ps_engine_set_listener(e, count, &n);
    double t2 = now_s();
    ps_step_status st = ps_engine_run(e, -1);
    double t3 = now_s();
    struct mallinfo2 m2 = mallinfo2();
    size_t used0 = m0.uordblks + m0.hblkhd, used1 = m1.uordblks + m1.hblkhd,
           used2 = m2.uordblks + m2.hblkhd;
    if (st != PS_STEP_DONE)
        return fprintf(stderr, "bench: run ended with status %d\n", st), 1;
    size_t peak = used2 > used1 ? used2 : used1;
    printf("processes %u\n", s->nprocs);
    printf("transitions %llu\n", n);
    printf("simulated_ticks %lld\n", (long long)ps_engine_now(e));
    printf("load_seconds %.3f s\n", t1 - t0);
    printf("engine_seconds %.3f s\n", t3 - t2);
    printf("engine_transitions_per_second %.0f /s\n", (double)n / (t3 - t2));
    printf("heap_bytes_per_process %.0f B\n", (double)(peak - used0) / s->nprocs);
    uint32_t nprocs = s->nprocs;
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return argc > 2 ? run_cli(argv[2], argv[1], n, nprocs) : 0;
}
