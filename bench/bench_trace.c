/* bench_trace.c — what `procsim trace` costs the program it watches
 * (docs/trace.md, "What it costs").
 *
 *   bench_trace [RUNS]        (RUNS of each measure, default 5; the median)
 *
 * 1. slowdown: a fork-heavy program (trace_forks 500: 500 children one
 *    after another, each exiting at once) and a CPU-bound pool
 *    (examples/python/pool_as_completed.py: four workers, nine squares)
 *    run untraced; under `strace -f -e trace=none -o /dev/null` (the
 *    anchor: a ptrace tracer that follows the tree and stops on nothing
 *    else); under the trace backend alone (ps_trace_start / ps_trace_poll,
 *    no output: what the library costs, with its own CPU time); and under
 *    the command (`procsim trace --format csv -o /dev/null`, the writing
 *    included).  Wall seconds (median and least of the runs) and CPU
 *    seconds (of the program and of whatever watched it: strace, procsim),
 *    each with its ratio to the untraced run; on a busy machine the CPU
 *    ratio is the steadier one.
 * 2. missed: the processes the program made (trace_forks says "made N";
 *    the pool is main and its four workers) against those the trace
 *    created: must be equal, and ps_trace_info.missed 0.
 * 3. sampling: trace_forks N 1500 (N children asleep together for 1.5 s)
 *    for N = 100, 200, 400, 800 at the default sample period: samples
 *    taken, the mean and longest sample, the period at the end (stretched
 *    when a sample takes more than a fifth of it) and whether the backend
 *    warned so.
 *
 * Numbers go to stdout, one "name value unit" line each.  Exits 1 if a run
 * fails or an event is missed.  About a minute on 2 cores.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "procsim/trace.h"

#define MAX_RUNS 21

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU seconds (user + system) of this process, or of its reaped children. */
static double cpu_of(int who)
{
    struct rusage ru;
    getrusage(who, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- untraced, strace, the command: a child process, timed ------------- */

/* argv run to its end with stdout and stderr on /dev/null: its wall time
 * (and in *cpu the CPU time of it and everything it ran), or -1 if it
 * could not run or failed. */
static double run_timed(char *const *argv, double *cpu)
{
    fflush(NULL);
    double t0 = now_s(), c0 = cpu_of(RUSAGE_CHILDREN);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
            _exit(126);
        execvp(argv[0], argv);
        _exit(127);
    }
    int st;
    if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
        return -1;
    *cpu = cpu_of(RUSAGE_CHILDREN) - c0;
    return now_s() - t0;
}

/* ---- the backend alone ------------------------------------------------- */

typedef struct traced {
    double wall_s, cpu_s;   /* start to destroy; this process's CPU */
    double prog_cpu_s;      /* the traced program's CPU */
    int created;            /* create transitions */
    int made;               /* "made N" in the program's output, -1 none */
    int slow_warnings;
    ps_trace_info info;
} traced;

static void on_move(void *ctx, const ps_live_event *ev)
{
    traced *r = ctx;
    r->created += ev->ev.from == PS_NONE;
}

static void on_note(void *ctx, const ps_trace_note *n)
{
    traced *r = ctx;
    if (n->kind == PS_TN_WARNING && n->a == PS_TW_SLOW_SAMPLE)
        r->slow_warnings++;
    if (n->kind == PS_TN_OUTPUT) {
        const char *m = memmem(n->text, n->len, "made ", 5);
        if (m)
            r->made = atoi(m + 5);
    }
}

/* 0, or -1 (said on stderr) if the trace failed or the program did. */
static int run_traced(char *const *argv, traced *r)
{
    memset(r, 0, sizeof *r);
    r->made = -1;
    ps_trace_options o = {.argv = argv, .capture_output = 1,
                          .python_hook_dir = PROCSIM_SOURCE_DIR "/sim/trace/pyhook"};
    ps_error err;
    double t0 = now_s(), c0 = cpu_of(RUSAGE_SELF), k0 = cpu_of(RUSAGE_CHILDREN);
    ps_trace *t = ps_trace_start(&o, &err);
    if (!t) {
        fprintf(stderr, "bench_trace: %s: %s\n", argv[0], err.msg);
        return -1;
    }
    ps_trace_set_listener(t, on_move, r);
    ps_trace_set_note_listener(t, on_note, r);
    ps_step_status st;
    do {
        int64_t due = ps_trace_due_ns(t);
        st = ps_trace_poll(t, due < 0 ? 0 : due);
    } while (st == PS_STEP_OK);
    int code = -1, signo = 0;
    int ended = ps_trace_exit(t, &code, &signo);
    ps_trace_get_info(t, &r->info);
    if (st != PS_STEP_DONE)
        fprintf(stderr, "bench_trace: %s: the trace ended with status %d: %s\n", argv[0], (int)st,
                ps_trace_error(t, PS_LANG_EN));
    ps_trace_destroy(t);
    r->wall_s = now_s() - t0;
    r->cpu_s = cpu_of(RUSAGE_SELF) - c0;
    r->prog_cpu_s = cpu_of(RUSAGE_CHILDREN) - k0;
    if (st != PS_STEP_DONE || ended || code || signo) {
        if (st == PS_STEP_DONE)
            fprintf(stderr, "bench_trace: %s: exited %d, signal %d\n", argv[0], code, signo);
        return -1;
    }
    return 0;
}

/* ---- 1 and 2: slowdown and missed events -------------------------------- */

static int have(const char *prog)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", prog);
    return system(cmd) == 0;
}

/* One measure of a workload in one mode, over the runs: wall and CPU. */
typedef struct measure {
    double wall[MAX_RUNS], cpu[MAX_RUNS];
} measure;

/* "NAME MODE wall median (min) s, cpu median s (ratio to untraced)" */
static void report(const char *name, const char *mode, measure *m, int runs, const measure *base)
{
    double w = median(m->wall, runs), c = median(m->cpu, runs);
    double bw = base ? median((double *)base->wall, runs) : w;
    double bc = base ? median((double *)base->cpu, runs) : c;
    double lo = m->wall[0];
    printf("%s %s wall %.3f s (min %.3f, %.2fx), cpu %.3f s (%.2fx)\n", name, mode, w, lo, w / bw,
           c, bc > 0 ? c / bc : 0);
}

/* One workload: every mode `runs` times, interleaved (a busy machine
 * slows them all alike); its processes must all be in the trace.  0, or
 * -1 if anything failed.  CPU is of the program and whatever watched it
 * (strace, procsim), which a busy machine does not inflate as it does
 * wall times. */
static int workload(const char *name, char **argv, int expect_procs, int runs)
{
    char *strace[16] = {"strace", "-f", "-e", "trace=none", "-o", "/dev/null"};
    char *cli[24] = {PROCSIM_BINARY, "trace", "--format", "csv", "-o", "/dev/null", "--"};
    int k = 6, c = 7;
    for (int i = 0; argv[i]; i++)
        strace[k++] = argv[i], cli[c++] = argv[i];
    strace[k] = NULL, cli[c] = NULL;
    int with_strace = have("strace");
    char *probe[] = {PROCSIM_BINARY, "trace", "--", "true", NULL};
    double ignored;
    int with_cli = run_timed(probe, &ignored) >= 0; /* a procsim with the command */
    static measure plain, st, api, cmd;
    int failed = 0;
    traced last;
    for (int i = 0; i < runs && !failed; i++) {
        plain.wall[i] = run_timed(argv, &plain.cpu[i]);
        st.wall[i] = with_strace ? run_timed(strace, &st.cpu[i]) : 0;
        failed |= run_traced(argv, &last) < 0;
        api.wall[i] = last.wall_s, api.cpu[i] = last.cpu_s + last.prog_cpu_s;
        cmd.wall[i] = with_cli ? run_timed(cli, &cmd.cpu[i]) : 0;
        failed |= plain.wall[i] < 0 || st.wall[i] < 0 || cmd.wall[i] < 0;
        int made = last.made >= 0 ? last.made + 1 : expect_procs; /* + trace_forks itself */
        if (last.created != made || last.info.missed) {
            printf("%s missed %d of %d processes (info.missed %u)\n", name, made - last.created,
                   made, last.info.missed);
            failed = 1;
        }
    }
    if (failed) {
        fprintf(stderr, "bench_trace: %s failed\n", name);
        return -1;
    }
    report(name, "untraced", &plain, runs, NULL);
    if (with_strace)
        report(name, "strace", &st, runs, &plain);
    else
        printf("%s strace not installed (apt-get install strace)\n", name);
    report(name, "trace_backend", &api, runs, &plain);
    if (with_cli)
        report(name, "procsim_trace_csv", &cmd, runs, &plain);
    else
        printf("%s procsim_trace_csv: this procsim has no trace command\n", name);
    printf("%s processes %d in the trace, 0 missed\n", name, last.created);
    printf("%s samples %llu, sampling %.3f ms all told, longest %.3f ms, events %llu\n", name,
           (unsigned long long)last.info.samples, (double)last.info.sampling_ns / 1e6,
           (double)last.info.sample_max_ns / 1e6, (unsigned long long)last.info.events);
    return 0;
}

/* ---- 3: sampling cost against the number of processes ------------------ */

static void nap_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static int sampling(const char *forks)
{
    static const int sizes[] = {100, 200, 400, 800};
    int failed = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char n[16];
        snprintf(n, sizeof n, "%d", sizes[i]);
        char *argv[] = {(char *)forks, n, "1500", NULL};
        traced r;
        if (run_traced(argv, &r) < 0 || r.created != sizes[i] + 1) {
            fprintf(stderr, "bench_trace: %d sleeping children: failed (%d in the trace)\n",
                    sizes[i], r.created);
            failed = 1;
            continue;
        }
        double mean =
            r.info.samples ? (double)r.info.sampling_ns / (double)r.info.samples / 1e6 : 0;
        printf("hold%d samples %llu, mean %.3f ms, longest %.3f ms, period at the end %lld ms%s, "
               "procsim cpu %.3f s\n",
               sizes[i], (unsigned long long)r.info.samples, mean,
               (double)r.info.sample_max_ns / 1e6, (long long)r.info.sample_ms,
               r.slow_warnings ? " (stretched: slow-sample warning)" : "", r.cpu_s);
        nap_ms(500); /* the children's exits settle before the next size */
    }
    return failed ? -1 : 0;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "usage: bench_trace [RUNS]   (1 <= RUNS <= %d)\n", MAX_RUNS);
        return 2;
    }
    int failed = 0;
    char *forks[] = {TRACE_FORKS, "500", NULL};
    failed |= workload("forks500", forks, 501, runs) < 0;

    char python[1024] = "";
    FILE *f = popen("python3 -c 'import sys; print(sys.executable)' 2>/dev/null", "r");
    if (f) {
        if (!fgets(python, sizeof python, f))
            python[0] = 0;
        python[strcspn(python, "\n")] = 0;
        pclose(f);
    }
    if (python[0]) {
        char *pool[] = {python, PROCSIM_SOURCE_DIR "/examples/python/pool_as_completed.py", NULL};
        failed |= workload("pool", pool, 5, runs) < 0;
    } else
        printf("pool skipped: no python3\n");

    failed |= sampling(TRACE_FORKS) < 0;
    return failed;
}
