/* heap.c — binary heaps for the engine: timers ordered by (time, order),
 * and process queues ordered by their entries' keys, each process knowing its slot
 * (e->slot) so it can leave from the middle in O(log n).  The process
 * queues are 4-ary: half the depth of a binary heap, and a node's children
 * share a cache line or two.  Also the
 * intrusive FIFOs chained through pcb->wait_next_. */
#include <stdlib.h>

#include "engine_internal.h"

static int grow(void **v, uint32_t *cap, size_t elem)
{
    uint32_t ncap = *cap ? *cap * 2 : 64;
    void *nv = realloc(*v, (size_t)ncap * elem);
    if (!nv)
        return -1;
    *v = nv;
    *cap = ncap;
    return 0;
}

/* ---- timers ---------------------------------------------------------- */

static int tless(const ps__timer *a, const ps__timer *b)
{
    return a->time != b->time ? a->time < b->time : a->order < b->order;
}

int ps__theap_push(ps__theap *h, ps__timer t)
{
    if (h->n == h->cap && grow((void **)&h->v, &h->cap, sizeof *h->v))
        return -1;
    uint32_t i = h->n++;
    while (i > 0) {
        uint32_t up = (i - 1) / 2;
        if (!tless(&t, &h->v[up]))
            break;
        h->v[i] = h->v[up];
        i = up;
    }
    h->v[i] = t;
    return 0;
}

ps__timer ps__theap_pop(ps__theap *h)
{
    ps__timer top = h->v[0], last = h->v[--h->n];
    uint32_t i = 0;
    for (;;) {
        uint32_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && tless(&h->v[c + 1], &h->v[c]))
            c++;
        if (!tless(&h->v[c], &last))
            break;
        h->v[i] = h->v[c];
        i = c;
    }
    if (h->n)
        h->v[i] = last;
    return top;
}

void ps__theap_fini(ps__theap *h)
{
    free(h->v);
    h->v = NULL;
    h->n = h->cap = 0;
}

/* ---- process queues -------------------------------------------------- */

int ps__qless(const ps__qentry *a, const ps__qentry *b)
{
    if (a->k1 != b->k1)
        return a->k1 < b->k1;
    if (a->k2 != b->k2)
        return a->k2 < b->k2;
    if (a->k3 != b->k3)
        return a->k3 < b->k3;
    return a->pid < b->pid;
}

static void place(ps_engine *e, ps__pheap *h, uint32_t i, const ps__qentry *x)
{
    h->v[i] = *x;
    e->slot[x->pid - 1] = (int32_t)i;
}

static void sift_up(ps_engine *e, ps__pheap *h, uint32_t i, ps__qentry x)
{
    while (i > 0) {
        uint32_t up = (i - 1) / 4;
        if (!ps__qless(&x, &h->v[up]))
            break;
        place(e, h, i, &h->v[up]);
        i = up;
    }
    place(e, h, i, &x);
}

static void sift_down(ps_engine *e, ps__pheap *h, uint32_t i, ps__qentry x)
{
    for (;;) {
        uint32_t first = 4 * i + 1, c = first;
        if (first >= h->n)
            break;
        uint32_t end = first + 4 < h->n ? first + 4 : h->n;
        for (uint32_t k = first + 1; k < end; k++)
            if (ps__qless(&h->v[k], &h->v[c]))
                c = k;
        if (!ps__qless(&h->v[c], &x))
            break;
        place(e, h, i, &h->v[c]);
        i = c;
    }
    place(e, h, i, &x);
}

void ps__pheap_push(ps_engine *e, ps__queue q, uint32_t pid, int cls)
{
    ps__pheap *h = &e->q[q];
    if (h->n == h->cap && grow((void **)&h->v, &h->cap, sizeof *h->v)) {
        e->nomem = 1;
        return;
    }
    sift_up(e, h, h->n++, ps__queue_key(e, q, pid, cls));
}

void ps__pheap_remove(ps_engine *e, ps__queue q, uint32_t pid)
{
    ps__pheap *h = &e->q[q];
    uint32_t i = (uint32_t)e->slot[pid - 1];
    e->slot[pid - 1] = -1;
    ps__qentry last = h->v[--h->n];
    if (i == h->n)
        return;
    if (i > 0 && ps__qless(&last, &h->v[(i - 1) / 4]))
        sift_up(e, h, i, last);
    else
        sift_down(e, h, i, last);
}

void ps__pheap_rebuild(ps_engine *e, ps__queue q)
{
    ps__pheap *h = &e->q[q];
    for (uint32_t i = h->n / 4 + 1; i-- > 0;)
        if (i < h->n)
            sift_down(e, h, i, h->v[i]);
}

void ps__pheap_fini(ps__pheap *h)
{
    free(h->v);
    h->v = NULL;
    h->n = h->cap = 0;
}

/* ---- FIFOs ----------------------------------------------------------- */

void ps__fifo_push(ps_engine *e, ps__fifo *f, uint32_t pid)
{
    ps__pcb(e, pid)->wait_next_ = 0;
    if (f->tail)
        ps__pcb(e, f->tail)->wait_next_ = pid;
    else
        f->head = pid;
    f->tail = pid;
}

uint32_t ps__fifo_pop(ps_engine *e, ps__fifo *f)
{
    uint32_t pid = f->head;
    if (pid) {
        f->head = ps__pcb(e, pid)->wait_next_;
        if (!f->head)
            f->tail = 0;
        ps__pcb(e, pid)->wait_next_ = 0;
    }
    return pid;
}

int ps__fifo_remove(ps_engine *e, ps__fifo *f, uint32_t pid)
{
    uint32_t prev = 0;
    for (uint32_t cur = f->head; cur; prev = cur, cur = ps__pcb(e, cur)->wait_next_) {
        if (cur != pid)
            continue;
        uint32_t next = ps__pcb(e, cur)->wait_next_;
        if (prev)
            ps__pcb(e, prev)->wait_next_ = next;
        else
            f->head = next;
        if (f->tail == pid)
            f->tail = prev;
        ps__pcb(e, pid)->wait_next_ = 0;
        return 1;
    }
    return 0;
}
