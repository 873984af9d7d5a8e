/* bench_live.c — live mode: how fast the kernel confirms what procsim asks,
 * how it copes with a thousand real children, and what a start costs.
 *
 *   bench_live [N]        (N: processes of the spawn test, default 500)
 *
 * 1. latency: 8 processes of `cpu 50` under rr, quantum 1, 2 CPUs, 2 ms a
 *    tick, so that every tick stops and continues children.  Percentiles
 *    of latency_ns (signal sent -> transition recorded) over the events
 *    confirmed by waitid, all together and per event (dispatch = SIGCONT,
 *    timeout = SIGSTOP, release = exit command -> reaped).
 * 2. scale: 1000 processes arriving at tick 0, each `sleep 5, cpu 1`, on
 *    4 CPUs at 20 ms a tick: wall time, final status, the peak number of
 *    real children (from /proc), and that none is left after destroy.
 * 3. spawn: N processes with empty programs; the cost of a start, from the
 *    create transitions' latency_ns (fork -> the child's hello on the
 *    status pipe), against a bare fork / _exit / waitpid loop of N in this
 *    same binary.
 *
 * Each run also reports procsim's own CPU time (user + system of this
 * process, not of its children): the cost of driving the children, which
 * wall times on a busy machine hide.
 *
 * Numbers go to stdout, one "name value unit" line each.  Exits 1 if a run
 * fails or a child of this process is left behind.  About 20 s on 2 cores.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "procsim/live.h"
#include "procsim/state.h"

static const char *const status_names[] = {
    "ok", "done", "until", "stuck", "nomem", "interrupted", "failed",
};

typedef struct sample {
    int64_t lat_ns;          /* latency_ns of the event, -1 if none */
    int64_t wall_us;         /* when it was recorded */
    uint8_t event;           /* ps_event */
    uint8_t reporter;        /* ps_reporter */
} sample;

typedef struct run_log {
    sample *v;               /* every confirmed transition, in order */
    size_t n, cap;
    int oom;                 /* a sample could not be stored */
} run_log;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time this process has used, user + system, in seconds. */
static double self_cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void on_event(void *ctx, const ps_live_event *ev)
{
    run_log *log = ctx;
    if (log->n == log->cap) {
        size_t ncap = log->cap ? log->cap * 2 : 1024;
        sample *nv = realloc(log->v, ncap * sizeof *nv);
        if (!nv) {
            log->oom = 1;
            return;
        }
        log->v = nv;
        log->cap = ncap;
    }
    log->v[log->n++] = (sample){.lat_ns = ev->latency_ns, .wall_us = ev->wall_us,
                                .event = ev->ev.event, .reporter = ev->reporter};
}

/* Processes of this process (living or zombie), from /proc/PID/stat; -1
 * if /proc cannot be read. */
static int count_children(void)
{
    pid_t self = getpid();
    DIR *d = opendir("/proc");
    if (!d)
        return -1;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] < '1' || de->d_name[0] > '9')
            continue;
        char path[300], buf[512];
        snprintf(path, sizeof path, "/proc/%s/stat", de->d_name);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue; /* gone meanwhile */
        ssize_t k = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (k <= 0)
            continue;
        buf[k] = 0;
        char *p = strrchr(buf, ')'), st;
        int ppid;
        if (p && sscanf(p + 1, " %c %d", &st, &ppid) == 2 && ppid == self)
            n++;
    }
    closedir(d);
    return n;
}

/* Children left after waiting up to ~1 s for them to go. */
static int leftover_children(void)
{
    int n = count_children();
    for (int i = 0; i < 100 && n != 0; i++) {
        struct timespec ts = {0, 10 * 1000000};
        nanosleep(&ts, NULL);
        n = count_children();
    }
    return n;
}

/* A scenario of n processes p1..pn, all arriving at tick 0, each with
 * `program` (NULL: an empty one).  Returns a malloc'd string. */
static char *make_yaml(const char *system, uint32_t n, const char *program, size_t *len)
{
    size_t cap = 256 + strlen(system) + (size_t)n * (48 + (program ? strlen(program) : 0));
    char *y = malloc(cap);
    if (!y)
        return NULL;
    size_t at = (size_t)snprintf(y, cap, "procsim: 1\ntitle: bench_live\nsystem: %s\n"
                                 "processes:\n", system);
    for (uint32_t i = 1; i <= n; i++) {
        if (program)
            at += (size_t)snprintf(y + at, cap - at, "  - {name: p%u, program: [%s]}\n", i,
                                   program);
        else
            at += (size_t)snprintf(y + at, cap - at, "  - {name: p%u}\n", i);
    }
    *len = at;
    return y;
}

typedef struct run_result {
    ps_step_status status;
    double seconds;          /* first step until the last one returned */
    double cpu_seconds;      /* procsim's own CPU time meanwhile */
    int64_t ticks;           /* simulated ticks at the end */
    int peak_children;       /* sampled from /proc, if asked; else -1 */
} run_result;

/* Step until the run ends, sampling the children every 100 ms (and after
 * each of the first steps) if `r->peak_children` is 0 on entry. */
static void drive(ps_live *l, ps_engine *e, run_result *r)
{
    int sample_children = r->peak_children == 0;
    double t0 = now_s(), c0 = self_cpu_s(), last = 0;
    ps_step_status st = PS_STEP_OK;
    for (unsigned steps = 0; st == PS_STEP_OK; steps++) {
        st = ps_live_step(l);
        double t = now_s();
        if (sample_children && (steps < 4 || t - last >= 0.1)) {
            int c = count_children();
            if (c > r->peak_children)
                r->peak_children = c;
            last = now_s();
        }
    }
    r->seconds = now_s() - t0;
    r->cpu_seconds = self_cpu_s() - c0; /* /proc sampling included, if asked */
    r->status = st;
    r->ticks = ps_engine_now(e);
    if (st == PS_STEP_FAILED)
        fprintf(stderr, "bench_live: %s\n", ps_live_error(l, PS_LANG_EN));
}

/* Load `yaml`, run it live at tick_ms, log every transition.  Returns 0,
 * or 1 if the scenario, the engine or the backend could not be set up. */
static int run_live(const char *yaml, size_t len, int64_t tick_ms, int sample_children,
                    run_log *log, run_result *r)
{
    ps_error err;
    int rc = 1;
    ps_engine *e = NULL;
    ps_live *l = NULL;
    ps_scenario *s = ps_scenario_load_string("<bench>", yaml, len, &err);
    if (!s) {
        fprintf(stderr, "bench_live: %s\n", err.msg);
        goto done;
    }
    if (!(e = ps_engine_create(s))) {
        fprintf(stderr, "bench_live: out of memory\n");
        goto done;
    }
    if (!(l = ps_live_create(e, &err))) {
        fprintf(stderr, "bench_live: %s\n", err.msg);
        goto done;
    }
    ps_live_set_listener(l, on_event, log);
    ps_live_set_tick_ms(l, tick_ms);
    r->peak_children = sample_children ? 0 : -1;
    drive(l, e, r);
    rc = 0;
done:
    ps_live_destroy(l);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return rc;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile p (0..100) of sorted v[0..n). */
static int64_t pct(const int64_t *v, size_t n, unsigned p)
{
    size_t k = (p * n + 99) / 100;
    return v[k ? k - 1 : 0];
}

/* Print count and p50/p90/p99/max in microseconds of the latencies in
 * `log` with reporter `rep` and (event < 0: any) event `event`. */
static void print_latency(const char *name, const run_log *log, int rep, int event)
{
    int64_t *v = malloc((log->n + 1) * sizeof *v);
    size_t n = 0;
    if (!v)
        return;
    for (size_t i = 0; i < log->n; i++)
        if (log->v[i].lat_ns >= 0 && log->v[i].reporter == rep &&
            (event < 0 || log->v[i].event == event))
            v[n++] = log->v[i].lat_ns;
    printf("%s_count %zu\n", name, n);
    if (n) {
        qsort(v, n, sizeof *v, cmp_i64);
        static const unsigned ps[] = {50, 90, 99};
        for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++)
            printf("%s_p%u %.1f us\n", name, ps[i], (double)pct(v, n, ps[i]) / 1e3);
        printf("%s_max %.1f us\n", name, (double)v[n - 1] / 1e3);
        size_t slow = 0;
        for (size_t i = 0; i < n; i++)
            slow += v[i] >= 100 * 1000000LL;
        printf("%s_over_100ms %zu\n", name, slow);
    }
    free(v);
}

static int bench_latency(void)
{
    size_t len;
    char *y = make_yaml("{cpus: 2, policy: rr, quantum: 1}", 8, "cpu 50", &len);
    run_log log = {0};
    run_result r;
    if (!y || run_live(y, len, 2, 0, &log, &r))
        return free(y), free(log.v), 1;
    size_t none = 0, waitid = 0;
    for (size_t i = 0; i < log.n; i++) {
        none += log.v[i].lat_ns < 0;
        waitid += log.v[i].reporter == PS_REP_WAITID;
    }
    printf("latency_run_seconds %.3f s (%lld ticks of 2 ms: %.3f s)\n", r.seconds,
           (long long)r.ticks, (double)r.ticks * 0.002);
    printf("latency_run_status %s\n", status_names[r.status]);
    printf("latency_run_procsim_cpu %.3f s\n", r.cpu_seconds);
    printf("latency_transitions %zu (waitid %zu, without latency %zu)\n", log.n, waitid, none);
    print_latency("latency_waitid", &log, PS_REP_WAITID, -1);
    static const ps_event evs[] = {PS_EV_DISPATCH, PS_EV_TIMEOUT, PS_EV_RELEASE};
    for (size_t i = 0; i < sizeof evs / sizeof evs[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "latency_waitid_%s", ps_event_token(evs[i]));
        print_latency(name, &log, PS_REP_WAITID, (int)evs[i]);
    }
    int bad = r.status != PS_STEP_DONE || log.oom;
    free(y);
    free(log.v);
    return bad;
}

static int bench_scale(void)
{
    enum { N = 1000 };
    size_t len;
    char *y = make_yaml("{cpus: 4}", N, "sleep 5, cpu 1", &len);
    run_log log = {0};
    run_result r;
    if (!y || run_live(y, len, 20, 1, &log, &r))
        return free(y), free(log.v), 1;
    int left = leftover_children();
    printf("scale_processes %d\n", N);
    printf("scale_seconds %.3f s (%lld ticks of 20 ms: %.3f s)\n", r.seconds,
           (long long)r.ticks, (double)r.ticks * 0.02);
    printf("scale_status %s\n", status_names[r.status]);
    printf("scale_procsim_cpu %.3f s\n", r.cpu_seconds);
    printf("scale_transitions %zu\n", log.n);
    printf("scale_peak_children %d\n", r.peak_children);
    print_latency("scale_waitid", &log, PS_REP_WAITID, -1);
    print_latency("scale_status_pipe", &log, PS_REP_STATUS_PIPE, -1);
    printf("leftover_children %d\n", left);
    int bad = r.status != PS_STEP_DONE || log.oom || left != 0;
    free(y);
    free(log.v);
    return bad;
}

/* Mean microseconds of fork + child _exit(0) + waitpid, n times. */
static double bare_fork_us(uint32_t n)
{
    double t0 = now_s();
    for (uint32_t i = 0; i < n; i++) {
        pid_t p = fork();
        if (p < 0)
            return perror("fork"), -1;
        if (p == 0)
            _exit(0);
        int status;
        while (waitpid(p, &status, 0) < 0)
            if (errno != EINTR)
                return perror("waitpid"), -1;
    }
    return (now_s() - t0) * 1e6 / n;
}

/* Cost of each live start in nanoseconds, into v (room for log->n): the
 * create transitions' latency_ns, from fork to the child's hello on the
 * status pipe.  Returns the count. */
static size_t create_costs(const run_log *log, int64_t *v)
{
    size_t n = 0;
    for (size_t i = 0; i < log->n; i++)
        if (log->v[i].event == PS_EV_CREATE && log->v[i].lat_ns >= 0 &&
            log->v[i].reporter == PS_REP_STATUS_PIPE)
            v[n++] = log->v[i].lat_ns;
    return n;
}

static int bench_spawn(uint32_t n)
{
    size_t len;
    char *y = make_yaml("{cpus: 2}", n, NULL, &len);
    run_log log = {0};
    run_result r;
    if (!y || run_live(y, len, 1, 0, &log, &r))
        return free(y), free(log.v), 1;
    int64_t *v = malloc((log.n + 1) * sizeof *v);
    size_t k = v ? create_costs(&log, v) : 0;
    double sum = 0;
    for (size_t i = 0; i < k; i++)
        sum += (double)v[i];
    double live = k ? sum / (double)k / 1e3 : -1, median = -1;
    if (k) {
        qsort(v, k, sizeof *v, cmp_i64);
        median = (double)pct(v, k, 50) / 1e3;
    }
    double bare = bare_fork_us(n);
    printf("spawn_processes %u\n", n);
    printf("spawn_run_status %s\n", status_names[r.status]);
    printf("spawn_run_procsim_cpu %.3f s\n", r.cpu_seconds);
    printf("spawn_run_us_per_process %.1f us (create, admit, dispatch, exit)\n",
           r.seconds * 1e6 / n);
    printf("spawn_live_samples %zu\n", k);
    printf("spawn_live_mean %.1f us\n", live);
    printf("spawn_live_p50 %.1f us\n", median);
    printf("spawn_bare_fork_mean %.1f us (fork, _exit, waitpid)\n", bare);
    if (k && bare > 0) {
        printf("spawn_live_over_bare_mean %.2f x\n", live / bare);
        printf("spawn_live_over_bare_p50 %.2f x\n", median / bare);
    }
    int bad = r.status != PS_STEP_DONE || log.oom || bare < 0 || !k;
    free(v);
    free(y);
    free(log.v);
    return bad;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 500;
    if (n <= 0 || n > 100000) {
        fprintf(stderr, "usage: bench_live [N]   (1 <= N <= 100000, default 500)\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    int bad = bench_latency();
    bad |= bench_scale();
    bad |= bench_spawn((uint32_t)n);
    int left = leftover_children();
    if (left != 0) {
        printf("leftover_children_at_end %d\n", left);
        bad = 1;
    }
    return bad;
}
