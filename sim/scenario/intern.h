/* intern.h — name tables for the scenario loader (library-internal).
 *
 * A ps__intern gives each distinct name the next index, in order of first
 * appearance, and remembers where in the file it first appeared, so that a
 * later check can point there.  Lookup is a hash table, so interning n
 * names costs O(n).  The names themselves are copied into the scenario's
 * arena; the table's own bookkeeping is freed by ps__intern_fini().
 */
#ifndef PROCSIM_INTERN_H
#define PROCSIM_INTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "procsim/scenario.h"

#define PS__NONE UINT32_MAX /* "no index" */

/* A place in the scenario file, 1-based; line 0 means "nowhere". */
typedef struct ps__mark {
    uint32_t line, col;
} ps__mark;

typedef struct ps__intern {
    ps__vec entries;  /* struct ps__name */
    uint32_t *slots;  /* hash table of entry index + 1; 0 = empty */
    size_t nslots;    /* a power of two, or 0 */
} ps__intern;

typedef struct ps__name {
    const char *name; /* in the arena, NUL-terminated */
    size_t len;
    uint64_t hash;
    ps__mark first;   /* where it first appeared */
} ps__name;

void ps__intern_init(ps__intern *t);
void ps__intern_fini(ps__intern *t);

/* Index of s[0..n), or PS__NONE. */
uint32_t ps__intern_find(const ps__intern *t, const char *s, size_t n);
/* Index of s[0..n), adding it (first seen at `at`) if it is new; *added
 * says which.  PS__NONE when out of memory. */
uint32_t ps__intern_add(ps__intern *t, ps__arena *a, const char *s, size_t n,
                        ps__mark at, bool *added);

static inline uint32_t ps__intern_count(const ps__intern *t)
{
    return (uint32_t)t->entries.len;
}

static inline const ps__name *ps__intern_get(const ps__intern *t, uint32_t i)
{
    return &PS__VEC_AT(&t->entries, ps__name, i);
}

/* Fills `out` with the names (an array in the arena) in index order.
 * Returns false when out of memory.  The table is unchanged. */
bool ps__intern_export(const ps__intern *t, ps__arena *a, ps_names *out);

#endif
