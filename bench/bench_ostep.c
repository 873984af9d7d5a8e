/* bench_ostep.c — procsim ostep process-run on the workload that makes
 * process-run.py quadratic: 5 processes of n instructions each
 * (-s 1 -l n:50,... -L 5 -c -p), for n = 2000, 8000, 20000; and
 * scheduler.py on lengths from 10 to 2^40 seconds (-l L,L/2,L/4 -c under
 * FIFO, SJF and RR with a quantum of L/1000), whose cost must follow the
 * jobs and the slices printed, not the length.
 *
 * Prints procsim's time per run (best of several, output discarded) and
 * the time per instruction, which stays flat if the run is linear.  With
 * an OSTEP checkout's process-run.py as argument it also times CPython on
 * the same arguments (once; 20000 takes over a minute) and prints the
 * ratio, after checking that both print the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "procsim/ostep.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct sink {
    uint64_t bytes, hash;
} sink;

static void count(void *ctx, const char *s, size_t n)
{
    (void)s;
    ((sink *)ctx)->bytes += n;
}

static void hash(void *ctx, const char *s, size_t n)
{
    sink *k = ctx;
    k->bytes += n;
    for (size_t i = 0; i < n; i++) /* FNV-1a, to compare with CPython's */
        k->hash = (k->hash ^ (unsigned char)s[i]) * 1099511628211u;
}

static void args_for(int n, char *list, size_t size)
{
    snprintf(list, size, "%d:50,%d:50,%d:50,%d:50,%d:50", n, n, n, n, n);
}

static sink run_procsim(int n, double *best)
{
    char list[128];
    args_for(n, list, sizeof list);
    char *argv[] = {"-s", "1", "-l", list, "-L", "5", "-c", "-p", NULL};
    sink k = {0, 1469598103934665603u};
    *best = 1e9;
    for (int rep = 0; rep <= 5; rep++) { /* the last run hashes, untimed */
        sink r = {0, 1469598103934665603u};
        ps_out out = {rep == 5 ? hash : count, &r}, err = out;
        double t0 = now();
        if (ps_ostep_run(PS_OSTEP_PROCESS_RUN, 8, argv, &out, &err) != 0) {
            fprintf(stderr, "bench_ostep: procsim failed\n");
            exit(1);
        }
        double t = now() - t0;
        if (t < *best && rep < 5)
            *best = t;
        k = r;
    }
    return k;
}

static sink run_python(const char *script, int n, double *secs)
{
    char list[128], cmd[1024];
    args_for(n, list, sizeof list);
    snprintf(cmd, sizeof cmd, "python3 '%s' -s 1 -l %s -L 5 -c -p", script, list);
    sink k = {0, 1469598103934665603u};
    double t0 = now();
    FILE *p = popen(cmd, "r");
    if (!p) {
        perror("popen");
        exit(1);
    }
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, p)) > 0)
        hash(&k, buf, got);
    if (pclose(p) != 0) {
        fprintf(stderr, "bench_ostep: %s failed\n", script);
        exit(1);
    }
    *secs = now() - t0;
    return k;
}

/* Best of 5 runs of scheduler.py ARGS -c, in seconds. */
static double run_scheduler(int argc, char **argv)
{
    double best = 1e9;
    for (int rep = 0; rep < 5; rep++) {
        sink r = {0, 0};
        ps_out out = {count, &r}, err = out;
        double t0 = now();
        if (ps_ostep_run(PS_OSTEP_SCHEDULER, argc, argv, &out, &err) != 0) {
            fprintf(stderr, "bench_ostep: procsim ostep scheduler failed\n");
            exit(1);
        }
        double t = now() - t0;
        best = t < best ? t : best;
    }
    return best;
}

static void bench_scheduler(void)
{
    static const long long lengths[] = {10, 1000000, 1000000000, 4294967296LL, 1LL << 40};
    printf("scheduler -l L,L/2,L/4 -c (RR: -q L/1000)\n");
    for (int i = 0; i < 5; i++) {
        long long L = lengths[i];
        char list[96], q[32];
        snprintf(list, sizeof list, "%lld,%lld,%lld", L, L / 2, L / 4);
        snprintf(q, sizeof q, "%lld", L / 1000 > 0 ? L / 1000 : 1);
        char *fifo[] = {"-p", "FIFO", "-l", list, "-c", NULL};
        char *sjf[] = {"-p", "SJF", "-l", list, "-c", NULL};
        char *rr[] = {"-p", "RR", "-q", q, "-l", list, "-c", NULL};
        printf("  L=%-14lld FIFO %7.3f ms  SJF %7.3f ms  RR %8.3f ms\n", L,
               run_scheduler(5, fifo) * 1e3, run_scheduler(5, sjf) * 1e3,
               run_scheduler(7, rr) * 1e3);
        fflush(stdout);
    }
}

int main(int argc, char **argv)
{
    static const int sizes[] = {2000, 8000, 20000};
    const char *script = argc > 1 ? argv[1] : NULL;
    printf("process-run -s 1 -l n:50 x5 -L 5 -c -p\n");
    for (int i = 0; i < 3; i++) {
        int n = sizes[i];
        double t;
        sink k = run_procsim(n, &t);
        printf("  n=%-6d procsim %8.2f ms  (%.0f ns per instruction, %llu bytes out)", n,
               t * 1e3, t * 1e9 / (5.0 * n), (unsigned long long)k.bytes);
        if (script) {
            double py;
            sink pk = run_python(script, n, &py);
            printf("  python %8.2f s  ratio %6.0fx%s", py, py / t,
                   pk.hash == k.hash && pk.bytes == k.bytes ? "" : "  OUTPUT DIFFERS");
        }
        printf("\n");
        fflush(stdout);
    }
    bench_scheduler();
    return 0;
}
