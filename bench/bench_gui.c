/* bench_gui.c — the GUI's frame time with the software renderer at
 * 1280x800 and 1920x1080, and the time from start to the first frame
 * (docs/gui.md, "Speed": within 4 ms and 100 ms at 1920x1080 with 1000
 * processes).
 *
 *   bench_gui
 *
 * For scenarios of 10, 100, 1000 and 5000 processes (all arriving at 0,
 * `cpu 1000` under rr with quantum 1 on 4 CPUs, so tokens move every
 * instant), headless runs of 1 and of 1 + F frames: the difference over F
 * is the time of a frame (update + render, no window), the first the time
 * to the first frame (SDL, fonts, scenario).  Queues show what fits and
 * "+k" for the rest, so the cost of a frame follows what is visible, not
 * the number of processes.  Scenario files go to a temporary directory
 * that is removed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>

#include "gui.h"

static double now_s(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Seconds for `frames` frames, on the clock and (*cpu) of this process's
 * CPU time: on a machine others share, the CPU time is the frame's cost,
 * the clock's what a user would wait. */
static double run(const char *path, int frames, int w, int h, double *cpu)
{
    gui_options o = {.path = path, .lang = 0, .frames = frames, .width = w, .height = h};
    SDL_Surface *f;
    double t0 = now_s(CLOCK_MONOTONIC), c0 = now_s(CLOCK_PROCESS_CPUTIME_ID);
    if (gui_render_frames(&o, &f))
        return -1;
    double t = now_s(CLOCK_MONOTONIC) - t0;
    *cpu = now_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    SDL_FreeSurface(f);
    return t;
}

int main(void)
{
    static const int sizes[] = {10, 100, 1000, 5000};
    char dir[] = "/tmp/procsim-bench-XXXXXX";
    if (!mkdtemp(dir))
        return perror("mkdtemp"), 1;
    int rc = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/n%d.yaml", dir, sizes[i]);
        FILE *f = fopen(path, "w");
        if (!f)
            return perror(path), 1;
        fprintf(f, "procsim: 1\ntitle: %d processes\nsystem: {cpus: 4, policy: rr, quantum: 1}\n"
                   "processes:\n", sizes[i]);
        for (int p = 0; p < sizes[i]; p++)
            fprintf(f, "  - {name: p%d, program: [cpu 1000]}\n", p);
        fclose(f);
        enum { F = 300 };
        static const int windows[][2] = {{1280, 800}, {1920, 1080}};
        for (size_t k = 0; k < sizeof windows / sizeof windows[0]; k++) {
            int w = windows[k][0], h = windows[k][1];
            double first_cpu, all_cpu;
            double first = run(path, 1, w, h, &first_cpu), all = run(path, 1 + F, w, h, &all_cpu);
            if (first < 0 || all < 0) {
                fprintf(stderr, "bench_gui: run failed for %d processes\n", sizes[i]);
                rc = 1;
                continue;
            }
            printf("window %dx%d processes %d first_frame_ms %.1f frame_ms %.2f "
                   "(cpu: first %.1f frame %.2f)\n", w, h, sizes[i], first * 1000,
                   (all - first) / F * 1000, first_cpu * 1000, (all_cpu - first_cpu) / F * 1000);
        }
        unlink(path);
    }
    rmdir(dir);
    return rc;
}
