/* gantt.h — which process each CPU ran, tick by tick, as slices: a
 * recorder sampled after every step of an engine.  What is on each CPU
 * then holds until the next step, so a dispatch that leaves the CPU within
 * its own instant takes no time and makes no slice.  `procsim run
 * --gantt`, `procsim compare` and the window's Gantt chart and compare
 * view all read their charts from it. */
#ifndef PROCSIM_GANTT_H
#define PROCSIM_GANTT_H

#include <stddef.h>
#include <stdint.h>

#include "procsim/engine.h"

typedef struct ps_slice {
    uint32_t pid;          /* 0: idle */
    int64_t from, to;      /* ticks [from, to), from < to */
} ps_slice;

typedef struct ps_gantt_track { /* one CPU's slices in order, idle ones too: */
    ps_slice *v;           /* together they cover [0, end) (or [0, now)) */
    size_t n, cap;
    ps_slice open;         /* the one running now (to unused) */
} ps_gantt_track;

typedef struct ps_gantt {
    const ps_engine *e;    /* the run it records (names, CPU count) */
    uint32_t ncpu;
    ps_gantt_track *cpu;
    int64_t end;           /* the tick the run ended at; -1 until then */
    int nomem;
} ps_gantt;

/* 0, or -1 out of memory (then fini is still safe). */
int ps_gantt_init(ps_gantt *g, const ps_engine *e);
void ps_gantt_sample(ps_gantt *g);   /* after each step */
void ps_gantt_finish(ps_gantt *g);   /* once, after the last step */
void ps_gantt_fini(ps_gantt *g);
/* The process on CPU c during tick t (0: idle, also past the end; the
 * open slice counts from its start on). */
uint32_t ps_gantt_at(const ps_gantt *g, uint32_t c, int64_t t);
/* The first tick at which a and b (of one workload: the same CPUs) have
 * different processes on some CPU, its lowest such CPU in *cpu; -1 (and
 * *cpu untouched) if they never do. */
int64_t ps_gantt_differ(const ps_gantt *a, const ps_gantt *b, uint32_t *cpu);

#endif
