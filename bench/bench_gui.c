/* bench_gui.c — the GUI's frame time with the software renderer at
 * 1280x800, and the time from start to the first frame.
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

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double run(const char *path, int frames)
{
    gui_options o = {.path = path, .lang = 0, .frames = frames, .width = 1280, .height = 800};
    SDL_Surface *f;
    double t0 = now_s();
    if (gui_render_frames(&o, &f))
        return -1;
    double t = now_s() - t0;
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
        double first = run(path, 1), all = run(path, 1 + F);
        unlink(path);
        if (first < 0 || all < 0) {
            fprintf(stderr, "bench_gui: run failed for %d processes\n", sizes[i]);
            rc = 1;
            continue;
        }
        printf("processes %d first_frame_ms %.1f frame_ms %.2f\n", sizes[i], first * 1000,
               (all - first) / F * 1000);
    }
    rmdir(dir);
    return rc;
}
