/* arena.c — bump allocation in chunks, and growable arrays that the arena
 * adopts when they are done.  See arena.h. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A chunk of the arena; also the block behind a ps__vec, so that a
 * finished vector joins the chunk list without being copied. */
typedef struct chunk {
    struct chunk *next;
    size_t cap;             /* bytes of data[] */
    size_t used;            /* bytes of data[] handed out */
    max_align_t data[];
} chunk;

struct ps__arena {
    chunk *head;            /* the chunk being bumped; older chunks follow */
};

#define CHUNK_BYTES ((size_t)64 * 1024)
#define VEC_MAX ((size_t)UINT32_MAX - 1)

static chunk *chunk_new(size_t cap)
{
    if (cap > SIZE_MAX - sizeof(chunk))
        return NULL;
    chunk *c = malloc(sizeof(chunk) + cap);
    if (c) {
        c->next = NULL;
        c->cap = cap;
        c->used = 0;
    }
    return c;
}

/* Puts a full chunk into the list behind the one being bumped. */
static void chunk_adopt(ps__arena *a, chunk *c)
{
    c->used = c->cap;
    if (a->head) {
        c->next = a->head->next;
        a->head->next = c;
    } else {
        c->next = NULL;
        a->head = c;
    }
}

ps__arena *ps__arena_create(void)
{
    return calloc(1, sizeof(ps__arena));
}

void ps__arena_destroy(ps__arena *a)
{
    if (!a)
        return;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

static void *arena_alloc(ps__arena *a, size_t size, size_t align)
{
    chunk *c = a->head;
    if (c) {
        size_t at = (c->used + align - 1) & ~(align - 1);
        if (at <= c->cap && size <= c->cap - at) {
            c->used = at + size;
            return (unsigned char *)c->data + at;
        }
    }
    if (size > CHUNK_BYTES / 4) { /* big: a chunk of its own */
        chunk *big = chunk_new(size);
        if (!big)
            return NULL;
        chunk_adopt(a, big);
        return big->data;
    }
    chunk *fresh = chunk_new(CHUNK_BYTES);
    if (!fresh)
        return NULL;
    fresh->next = a->head;
    a->head = fresh;
    fresh->used = size;
    return fresh->data;
}

void *ps__arena_alloc(ps__arena *a, size_t size)
{
    return arena_alloc(a, size ? size : 1, alignof(max_align_t));
}

char *ps__arena_strndup(ps__arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *copy = arena_alloc(a, n + 1, 1);
    if (copy) {
        if (n)
            memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

void ps__vec_init(ps__vec *v, size_t elem)
{
    *v = (ps__vec){.elem = elem};
}

void ps__vec_fini(ps__vec *v)
{
    free(v->block_);
    ps__vec_init(v, v->elem);
}

void *ps__vec_push(ps__vec *v)
{
    if (v->len == v->cap) {
        if (v->len >= VEC_MAX)
            return NULL;
        size_t cap = v->cap ? v->cap * 2 : 16;
        if (cap > VEC_MAX)
            cap = VEC_MAX;
        if (cap > (SIZE_MAX - sizeof(chunk)) / v->elem)
            return NULL;
        chunk *c = realloc(v->block_, sizeof(chunk) + cap * v->elem);
        if (!c)
            return NULL;
        c->cap = cap * v->elem;
        v->block_ = c;
        v->data = c->data;
        v->cap = cap;
    }
    void *slot = (unsigned char *)v->data + v->len++ * v->elem;
    memset(slot, 0, v->elem);
    return slot;
}

void *ps__vec_finish(ps__vec *v, ps__arena *a)
{
    chunk *c = v->block_;
    if (!c || v->len == 0) {
        ps__vec_fini(v);
        return NULL;
    }
    chunk *fit = realloc(c, sizeof(chunk) + v->len * v->elem);
    if (fit) /* a failed shrink leaves the bigger block, which is fine */
        c = fit;
    c->cap = v->len * v->elem;
    chunk_adopt(a, c);
    ps__vec_init(v, v->elem);
    return c->data;
}
