/* ostep_scheduler_ticks.c — scheduler.py's job lengths as engine ticks.
 *
 * When every length has at most 6 decimals and is not negative, a tick is
 * 10^-d seconds for the fewest decimals d that make every length whole.
 * Otherwise the engine runs on a scale that keeps the same schedule: FIFO
 * and SJF on each job's place in Python's sort (reproduced comparison for
 * comparison, nan included), RR on the number of quanta each job needs.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ostep_internal.h"
#include "ostep_scheduler.h"
#include "pyfmt.h"

/* Fractional decimal digits repr(x) shows ("2.5" 1, "1e-05" 5, "10.0" 0). */
static int decimals(double x)
{
    char r[40];
    ps_py_repr(x, r, sizeof r);
    const char *e = strchr(r, 'e');
    const char *dot = strchr(r, '.');
    int exp = e ? atoi(e + 1) : 0;
    int frac = 0;
    if (dot)
        for (const char *p = dot + 1; *p && *p != 'e'; p++)
            frac++;
    if (!e && frac == 1 && dot[1] == '0')
        frac = 0; /* "10.0" */
    int d = frac - exp;
    return d > 0 ? d : 0;
}

/* RR: how many quanta scheduler.py gives a job of length x (0 if it would
 * never finish or take more than `left`). */
static int64_t rr_slices(double x, double q, int64_t left)
{
    int64_t k = 1;
    while (x > q) {
        double y = x - q;
        if (!(y < x) || ++k > left)
            return 0;
        x = y;
    }
    return k;
}

/* Python's a < b on job lengths. */
static int py_less(const sch_work *w, uint32_t a, uint32_t b)
{
    return w->ilen ? w->ilen[a] < w->ilen[b] : w->len[a] < w->len[b];
}

/* A job for qsort: its length as py_less compares it (the exact int of a
 * random job, else 0 and the float), and its index, which breaks ties the
 * way Python's stable sort does. */
typedef struct keyed {
    i128 ilen;
    double len;          /* never nan here */
    uint32_t job;
} keyed;

static int by_length(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->ilen != y->ilen)
        return x->ilen < y->ilen ? -1 : 1;
    if (x->len != y->len) /* -0.0 and 0.0 tie, as in Python */
        return x->len < y->len ? -1 : 1;
    return (x->job > y->job) - (x->job < y->job);
}

/* The order sorted(jobs, key=length) gives, into idx: CPython's list.sort.
 * For fewer than 64 items that is its run count and binary insertion,
 * done here comparison for comparison, so that even nan (which compares
 * false both ways) lands where Python puts it; longer lists without nan
 * sort stably.  Returns 0, -1 for a longer list with nan, -2 when out of
 * memory. */
static int py_sort(const sch_work *w, uint32_t *idx)
{
    uint32_t n = w->n, run = n ? 1 : 0;
    for (uint32_t i = 0; i < n; i++)
        idx[i] = i;
    if (n >= 64) {
        for (uint32_t i = 0; i < n; i++)
            if (!w->ilen && w->len[i] != w->len[i])
                return -1;
        keyed *k = malloc(n * sizeof *k);
        if (!k)
            return -2;
        for (uint32_t i = 0; i < n; i++)
            k[i] = (keyed){w->ilen ? w->ilen[i] : 0, w->ilen ? 0 : w->len[i], i};
        qsort(k, n, sizeof *k, by_length);
        for (uint32_t i = 0; i < n; i++)
            idx[i] = k[i].job;
        free(k);
        return 0;
    }
    if (n >= 2) { /* count_run: a strictly descending run is reversed */
        int descending = py_less(w, 1, 0);
        for (run = 2; run < n && py_less(w, run, run - 1) == descending; run++)
            ;
        for (uint32_t i = 0; descending && i < run / 2; i++) {
            uint32_t t = idx[i];
            idx[i] = idx[run - 1 - i];
            idx[run - 1 - i] = t;
        }
    }
    for (uint32_t start = run; start < n; start++) { /* binarysort */
        uint32_t pivot = idx[start], l = 0, r = start;
        while (l < r) {
            uint32_t p = l + ((r - l) >> 1);
            if (py_less(w, pivot, idx[p]))
                r = p;
            else
                l = p + 1;
        }
        memmove(idx + l + 1, idx + l, (start - l) * sizeof *idx);
        idx[l] = pivot;
    }
    return 0;
}

int ps__sch_ticks(sch_work *w, ps_out *err)
{
    w->ticks = calloc(w->n + 1, sizeof *w->ticks);
    if (!w->ticks)
        return ps__ostep_nomem(err);
    int d = 0, exact = !w->q_big;
    for (uint32_t i = 0; i < w->n; i++) {
        int di = isfinite(w->len[i]) ? decimals(w->len[i]) : 99;
        if (!(w->len[i] >= 0) || di > 6)
            exact = 0;
        d = di > d ? di : d;
    }
    double scale = exact ? pow(10, d) : 1;
    if (exact && w->policy == P_RR && (w->quantum < 1 || (double)w->quantum * scale > MAX_TICKS))
        exact = 0;
    for (uint32_t i = 0; exact && i < w->n; i++) {
        double t = nearbyint(w->len[i] * scale);
        if (t > MAX_TICKS || (w->ilen && w->ilen[i] > MAX_TICKS))
            exact = 0; /* and t may not fit an int64_t: not converted */
        else
            w->ticks[i] = (int64_t)t;
    }
    w->exact = exact;
    w->digits = d;
    if (exact) {
        w->qticks = w->policy == P_RR ? w->quantum * (int64_t)scale : 1;
        return 0;
    }
    w->qticks = 1;
    if (w->policy == P_RR) {
        int64_t left = MAX_SLICES;
        for (uint32_t i = 0; i < w->n; i++) {
            if (!(w->ticks[i] = rr_slices(w->len[i], w->qd, left))) {
                ps_out_puts(err, "procsim: " SCRIPT ": with this quantum RR would run "
                                 "(nearly) forever; procsim stops here\n");
                return 1;
            }
            left -= w->ticks[i];
        }
        return 0;
    }
    if (w->policy == P_FIFO) {
        for (uint32_t i = 0; i < w->n; i++)
            w->ticks[i] = 1;
        return 0;
    }
    /* sjf: each job's place in Python's sort */
    uint32_t *idx = malloc((w->n + 1) * sizeof *idx);
    if (!idx)
        return ps__ostep_nomem(err);
    int rc = py_sort(w, idx);
    for (uint32_t i = 0; !rc && i < w->n; i++)
        w->ticks[idx[i]] = i + 1;
    free(idx);
    if (rc == -2)
        return ps__ostep_nomem(err);
    if (rc)
        ps_out_puts(err, "procsim: " SCRIPT ": SJF over 64 or more jobs with nan is not "
                         "reproduced\n");
    return rc ? 1 : 0;
}

