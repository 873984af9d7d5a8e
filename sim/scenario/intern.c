/* intern.c — name tables: an entry array in first-appearance order plus an
 * open-addressing hash of entry indices, kept at most half full. */
#include "intern.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

void ps__intern_init(ps__intern *t)
{
    *t = (ps__intern){0};
    ps__vec_init(&t->entries, sizeof(ps__name));
}

void ps__intern_fini(ps__intern *t)
{
    ps__vec_fini(&t->entries);
    free(t->slots);
    ps__intern_init(t);
}

/* The slot holding s, or the empty slot where it would go. */
static size_t probe(const ps__intern *t, const char *s, size_t n, uint64_t h)
{
    size_t mask = t->nslots - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t e = t->slots[i];
        if (e == 0)
            return i;
        const ps__name *nm = ps__intern_get(t, e - 1);
        if (nm->hash == h && nm->len == n && memcmp(nm->name, s, n) == 0)
            return i;
    }
}

uint32_t ps__intern_find(const ps__intern *t, const char *s, size_t n)
{
    if (t->nslots == 0)
        return PS__NONE;
    uint32_t e = t->slots[probe(t, s, n, hash_bytes(s, n))];
    return e ? e - 1 : PS__NONE;
}

static bool rehash(ps__intern *t)
{
    size_t nslots = t->nslots ? t->nslots * 2 : 64;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return false;
    free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
    for (uint32_t i = 0; i < ps__intern_count(t); i++) {
        const ps__name *nm = ps__intern_get(t, i);
        slots[probe(t, nm->name, nm->len, nm->hash)] = i + 1;
    }
    return true;
}

uint32_t ps__intern_add(ps__intern *t, ps__arena *a, const char *s, size_t n,
                        ps__mark at, bool *added)
{
    *added = false;
    if ((ps__intern_count(t) + 1) * 2 > t->nslots && !rehash(t))
        return PS__NONE;
    uint64_t h = hash_bytes(s, n);
    size_t slot = probe(t, s, n, h);
    if (t->slots[slot])
        return t->slots[slot] - 1;
    char *copy = ps__arena_strndup(a, s, n);
    ps__name *nm = copy ? ps__vec_push(&t->entries) : NULL;
    if (!nm)
        return PS__NONE;
    *nm = (ps__name){copy, n, h, at};
    t->slots[slot] = ps__intern_count(t);
    *added = true;
    return ps__intern_count(t) - 1;
}

bool ps__intern_export(const ps__intern *t, ps__arena *a, ps_names *out)
{
    uint32_t n = ps__intern_count(t);
    *out = (ps_names){NULL, 0};
    if (n == 0)
        return true;
    const char **names = ps__arena_alloc(a, n * sizeof *names);
    if (!names)
        return false;
    for (uint32_t i = 0; i < n; i++)
        names[i] = ps__intern_get(t, i)->name;
    *out = (ps_names){names, n};
    return true;
}
