/* trace_index.c — pid -> index maps of the trace backend (trace_driver.h):
 * open addressing with linear probing, tombstones for removed keys, grown
 * (and rebuilt without tombstones) at half full.  Finding a process or a
 * task by pid costs the same with 30 000 processes seen as with 3. */
#include <stdlib.h>

#include "trace_driver.h"

#define EMPTY 0
#define TOMB (-1)

static size_t slot_of(const ps__pidmap *m, pid_t key)
{
    return ((uint32_t)key * 2654435761u) & (m->cap - 1);
}

void ps__pidmap_fini(ps__pidmap *m)
{
    free(m->keys);
    free(m->vals);
    *m = (ps__pidmap){0};
}

static int grow(ps__pidmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    if (m->live * 4 < m->cap) /* mostly tombstones: rebuild at the same size */
        cap = m->cap;
    pid_t *keys = calloc(cap, sizeof *keys);
    int32_t *vals = calloc(cap, sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -1;
    }
    ps__pidmap n = {.keys = keys, .vals = vals, .cap = cap};
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i] > 0)
            ps__pidmap_put(&n, m->keys[i], m->vals[i]);
    ps__pidmap_fini(m);
    *m = n;
    return 0;
}

int ps__pidmap_put(ps__pidmap *m, pid_t key, int32_t val)
{
    if ((m->used + 1) * 2 > m->cap && grow(m))
        return -1;
    size_t i = slot_of(m, key), tomb = SIZE_MAX;
    for (;; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == key) {
            m->vals[i] = val;
            return 0;
        }
        if (m->keys[i] == TOMB && tomb == SIZE_MAX)
            tomb = i;
        if (m->keys[i] == EMPTY)
            break;
    }
    if (tomb != SIZE_MAX)
        i = tomb;
    else
        m->used++;
    m->keys[i] = key;
    m->vals[i] = val;
    m->live++;
    return 0;
}

int32_t ps__pidmap_get(const ps__pidmap *m, pid_t key)
{
    if (!m->cap || key <= 0)
        return -1;
    for (size_t i = slot_of(m, key);; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == key)
            return m->vals[i];
        if (m->keys[i] == EMPTY)
            return -1;
    }
}

void ps__pidmap_del(ps__pidmap *m, pid_t key)
{
    if (!m->cap || key <= 0)
        return;
    for (size_t i = slot_of(m, key);; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == key) {
            m->keys[i] = TOMB;
            m->live--;
            return;
        }
        if (m->keys[i] == EMPTY)
            return;
    }
}
