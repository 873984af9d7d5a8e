/* arena.h — the scenario's private allocator (library-internal).
 *
 * A loaded scenario owns one arena: every string and array reachable from
 * the ps_scenario lives in it, and ps__arena_destroy() releases all of it
 * at once.  Small objects are carved from 64 KiB chunks by bumping a
 * pointer.  Arrays whose size is unknown while loading grow in a ps__vec
 * (plain realloc doubling) and are handed over to the arena, shrunk to
 * fit, by ps__vec_finish(); a vector that is never finished is released by
 * ps__vec_fini().
 *
 * Every function that allocates returns NULL when memory runs out and
 * leaves what was there intact.
 */
#ifndef PROCSIM_ARENA_H
#define PROCSIM_ARENA_H

#include <stddef.h>

typedef struct ps__arena ps__arena;

ps__arena *ps__arena_create(void);
void ps__arena_destroy(ps__arena *a); /* accepts NULL */

/* `size` bytes aligned for any type. */
void *ps__arena_alloc(ps__arena *a, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *ps__arena_strndup(ps__arena *a, const char *s, size_t n);

/* A growable array of `elem`-byte elements.  `data` moves when it grows:
 * do not keep pointers into it across a push. */
typedef struct ps__vec {
    void *data;     /* the elements */
    size_t len;     /* elements in use; never more than UINT32_MAX - 1 */
    size_t cap;     /* elements allocated */
    size_t elem;    /* size of one element */
    void *block_;   /* private: the allocation holding `data` */
} ps__vec;

void ps__vec_init(ps__vec *v, size_t elem);
void ps__vec_fini(ps__vec *v); /* frees the elements; v is empty after */
/* Appends one zero-filled element and returns it; NULL when out of memory
 * or when the vector already holds UINT32_MAX - 1 elements. */
void *ps__vec_push(ps__vec *v);
/* Moves the elements into `a` and returns them (NULL when there are none);
 * v is empty after.  Cannot fail. */
void *ps__vec_finish(ps__vec *v, ps__arena *a);

#define PS__VEC_AT(v, type, i) (((type *)(v)->data)[i])

#endif
