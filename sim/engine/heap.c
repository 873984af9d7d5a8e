/* heap.c — the engine's queues: the timers, a binary heap ordered by
 * (time, order); the process queues, 4-ary heaps ordered by their entries'
 * keys (half the depth of a binary heap, and a node's children share a
 * cache line or two), each process knowing its slot (e->slot) so it can
 * leave from the middle in O(log n); the intrusive FIFOs of waiters
 * chained through pcb->wait_next_; and each parent's zombies, a leftist
 * heap chained through e->kin.  The other heaps grow as ps__vec arrays. */
#include <stdlib.h>

#include "engine_internal.h"

/* ---- timers ---------------------------------------------------------- */

static int tless(const ps__timer *a, const ps__timer *b)
{
    return a->time != b->time ? a->time < b->time : a->order < b->order;
}

int ps__theap_push(ps__vec *h, ps__timer t)
{
    if (!ps__vec_push(h))
        return -1;
    ps__timer *v = h->data;
    size_t i = h->len - 1;
    while (i > 0) {
        size_t up = (i - 1) / 2;
        if (!tless(&t, &v[up]))
            break;
        v[i] = v[up];
        i = up;
    }
    v[i] = t;
    return 0;
}

ps__timer ps__theap_pop(ps__vec *h)
{
    ps__timer *v = h->data;
    ps__timer top = v[0], last = v[--h->len];
    size_t i = 0, n = h->len;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && tless(&v[c + 1], &v[c]))
            c++;
        if (!tless(&v[c], &last))
            break;
        v[i] = v[c];
        i = c;
    }
    if (n)
        v[i] = last;
    return top;
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

static void place(ps_engine *e, ps__qentry *v, uint32_t i, const ps__qentry *x)
{
    v[i] = *x;
    e->slot[x->pid - 1] = (int32_t)i;
}

static void sift_up(ps_engine *e, ps__vec *h, uint32_t i, ps__qentry x)
{
    ps__qentry *v = h->data;
    while (i > 0) {
        uint32_t up = (i - 1) / 4;
        if (!ps__qless(&x, &v[up]))
            break;
        place(e, v, i, &v[up]);
        i = up;
    }
    place(e, v, i, &x);
}

static void sift_down(ps_engine *e, ps__vec *h, uint32_t i, ps__qentry x)
{
    ps__qentry *v = h->data;
    uint32_t n = (uint32_t)h->len;
    for (;;) {
        uint32_t first = 4 * i + 1, c = first;
        if (first >= n)
            break;
        uint32_t end = first + 4 < n ? first + 4 : n;
        for (uint32_t k = first + 1; k < end; k++)
            if (ps__qless(&v[k], &v[c]))
                c = k;
        if (!ps__qless(&v[c], &x))
            break;
        place(e, v, i, &v[c]);
        i = c;
    }
    place(e, v, i, &x);
}

void ps__pheap_push(ps_engine *e, ps__queue q, uint32_t pid, ps_event ev)
{
    ps__qentry key = ps__queue_key(e, q, pid, ev);
    ps__vec *h = &e->q[q];
    if (!ps__vec_push(h)) {
        e->nomem = 1;
        return;
    }
    sift_up(e, h, (uint32_t)h->len - 1, key);
}

void ps__pheap_remove(ps_engine *e, ps__queue q, uint32_t pid)
{
    ps__vec *h = &e->q[q];
    ps__qentry *v = h->data;
    uint32_t i = (uint32_t)e->slot[pid - 1];
    e->slot[pid - 1] = -1;
    ps__qentry last = v[--h->len];
    if (i == h->len)
        return;
    if (i > 0 && ps__qless(&last, &v[(i - 1) / 4]))
        sift_up(e, h, i, last);
    else
        sift_down(e, h, i, last);
}

void ps__pheap_rebuild(ps_engine *e, ps__queue q)
{
    ps__vec *h = &e->q[q];
    uint32_t n = (uint32_t)h->len;
    for (uint32_t i = n / 4 + 1; i-- > 0;)
        if (i < n)
            sift_down(e, h, i, ((ps__qentry *)h->data)[i]);
}

void ps__pheap_rekey(ps_engine *e, ps__queue q, uint32_t pid, ps__qentry key)
{
    ps__vec *h = &e->q[q];
    uint32_t i = (uint32_t)e->slot[pid - 1];
    if (i > 0 && ps__qless(&key, &((ps__qentry *)h->data)[(i - 1) / 4]))
        sift_up(e, h, i, key);
    else
        sift_down(e, h, i, key);
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

/* ---- zombie heaps ---------------------------------------------------- */

/* A leftist heap by pid: every node's left subtree is at least as deep on
 * its right spine as its right one, so the right spines, which a meld
 * walks, are O(log n) long, and so is the recursion. */
static uint8_t zrank(const ps__kin *k, uint32_t pid) { return pid ? k[pid - 1].rank : 0; }

static uint32_t zmeld(ps__kin *k, uint32_t a, uint32_t b)
{
    if (!a || !b)
        return a ? a : b;
    if (b < a) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    ps__kin *x = &k[a - 1];
    x->right = zmeld(k, x->right, b);
    if (zrank(k, x->left) < zrank(k, x->right)) {
        uint32_t t = x->left;
        x->left = x->right;
        x->right = t;
    }
    x->rank = (uint8_t)(zrank(k, x->right) + 1);
    return a;
}

void ps__zombie_push(ps_engine *e, uint32_t parent, uint32_t pid)
{
    ps__kin *z = &e->kin[pid - 1];
    z->left = z->right = 0;
    z->rank = 1;
    e->kin[parent - 1].zombies = zmeld(e->kin, e->kin[parent - 1].zombies, pid);
}

uint32_t ps__zombie_pop(ps_engine *e, uint32_t parent)
{
    ps__kin *par = &e->kin[parent - 1];
    uint32_t top = par->zombies;
    if (top) {
        ps__kin *z = &e->kin[top - 1];
        par->zombies = zmeld(e->kin, z->left, z->right);
        z->left = z->right = 0;
        z->rank = 0;
    }
    return top;
}
