/* pyrand.h — CPython's random module, bit for bit, for the OSTEP
 * front-ends.
 *
 * MT19937 seeded the way random.seed(int) does it: init_by_array over the
 * 32-bit words of |seed| (at least one word, so seed 0 is the key [0]),
 * never init_genrand(seed).  random() is CPython's "res53": two 32-bit
 * outputs make one double in [0, 1).
 */
#ifndef PROCSIM_PYRAND_H
#define PROCSIM_PYRAND_H

#include <stddef.h>
#include <stdint.h>

#include "pyint.h"

typedef struct ps_pyrand {
    uint32_t mt[624];
    uint32_t index;      /* next word of mt to temper; 624: regenerate */
} ps_pyrand;

/* init_by_array(key, n); n == 0 is taken as the key [0]. */
void ps_pyrand_seed_key(ps_pyrand *r, const uint32_t *key, size_t n);
/* random.seed(seed) for an int seed (the sign is ignored, as in CPython). */
void ps_pyrand_seed(ps_pyrand *r, const ps_pyint *seed);
/* genrand_uint32 */
uint32_t ps_pyrand_u32(ps_pyrand *r);
/* random.random() */
double ps_pyrand_random(ps_pyrand *r);

#endif
