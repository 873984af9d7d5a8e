/* heap.c — binary heaps for the engine: timers ordered by (time, order),
 * and process queues ordered by ps__before, each process knowing its slot
 * (pcb->rq_index_) so it can leave from the middle in O(log n).  Also the
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

static void place(ps_engine *e, ps__pheap *h, uint32_t i, uint32_t pid)
{
    h->pid[i] = pid;
    ps__pcb(e, pid)->rq_index_ = (int32_t)i;
}

static void sift_up(ps_engine *e, ps__pheap *h, uint32_t i, uint32_t pid)
{
    while (i > 0) {
        uint32_t up = (i - 1) / 2;
        if (!ps__before(e, (ps__queue)h->which, pid, h->pid[up]))
            break;
        place(e, h, i, h->pid[up]);
        i = up;
    }
    place(e, h, i, pid);
}

static void sift_down(ps_engine *e, ps__pheap *h, uint32_t i, uint32_t pid)
{
    for (;;) {
        uint32_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && ps__before(e, (ps__queue)h->which, h->pid[c + 1], h->pid[c]))
            c++;
        if (!ps__before(e, (ps__queue)h->which, h->pid[c], pid))
            break;
        place(e, h, i, h->pid[c]);
        i = c;
    }
    place(e, h, i, pid);
}

int ps__pheap_push(ps_engine *e, ps__queue q, uint32_t pid)
{
    ps__pheap *h = &e->q[q];
    if (h->n == h->cap && grow((void **)&h->pid, &h->cap, sizeof *h->pid))
        return -1;
    sift_up(e, h, h->n++, pid);
    return 0;
}

void ps__pheap_remove(ps_engine *e, ps__queue q, uint32_t pid)
{
    ps__pheap *h = &e->q[q];
    ps_pcb *p = ps__pcb(e, pid);
    uint32_t i = (uint32_t)p->rq_index_;
    p->rq_index_ = -1;
    uint32_t last = h->pid[--h->n];
    if (i == h->n)
        return;
    if (i > 0 && ps__before(e, q, last, h->pid[(i - 1) / 2]))
        sift_up(e, h, i, last);
    else
        sift_down(e, h, i, last);
}

uint32_t ps__pheap_pop(ps_engine *e, ps__queue q)
{
    uint32_t pid = e->q[q].pid[0];
    ps__pheap_remove(e, q, pid);
    return pid;
}

void ps__pheap_rebuild(ps_engine *e, ps__queue q)
{
    ps__pheap *h = &e->q[q];
    for (uint32_t i = h->n / 2; i-- > 0;)
        sift_down(e, h, i, h->pid[i]);
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
