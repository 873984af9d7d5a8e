/* pyrand.c — the Mersenne Twister MT19937 as CPython's random module uses it.
 *
 * The generator is Matsumoto and Nishimura's: a state of 624 words,
 * regenerated all at once (the "twist") every 624 outputs, each output
 * tempered by four shift-and-mask steps.  Seeding follows the 2002
 * reference init_by_array, which CPython's random.seed(int) always uses.
 * Not cryptographic; not thread-safe (one ps_pyrand per user).
 */
#include "pyrand.h"

#define MT_N 624
#define MT_M 397
#define MT_MATRIX_A 0x9908b0dfu /* last row of the twist matrix */
#define MT_UPPER 0x80000000u    /* the most significant bit */
#define MT_LOWER 0x7fffffffu    /* the other 31 */

/* Fill the state from one 32-bit seed (the reference init_genrand): each
 * word from the previous by Knuth's multiplier 1812433253. */
static void init_genrand(ps_pyrand *r, uint32_t s)
{
    r->mt[0] = s;
    for (uint32_t i = 1; i < MT_N; i++) {
        uint32_t prev = r->mt[i - 1];
        r->mt[i] = 1812433253u * (prev ^ (prev >> 30)) + i;
    }
    r->index = MT_N;
}

void ps_pyrand_seed_key(ps_pyrand *r, const uint32_t *key, size_t n)
{
    static const uint32_t zero_key[1] = {0};
    if (n == 0) {
        key = zero_key;
        n = 1;
    }
    init_genrand(r, 19650218u);
    uint32_t *mt = r->mt;
    size_t i = 1, j = 0;
    /* Pass 1: mix every key word in, at least N times round the state. */
    for (size_t k = n > MT_N ? n : MT_N; k > 0; k--) {
        uint32_t prev = mt[i - 1];
        mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        if (++i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (++j >= n)
            j = 0;
    }
    /* Pass 2: stir once more, N-1 words. */
    for (size_t k = MT_N - 1; k > 0; k--) {
        uint32_t prev = mt[i - 1];
        mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941u)) - (uint32_t)i;
        if (++i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u; /* assures a non-zero initial state */
    r->index = MT_N;
}

void ps_pyrand_seed(ps_pyrand *r, const ps_pyint *seed)
{
    size_t n = seed->n;
    /* CPython's key has no leading zero words */
    while (n > 1 && seed->w[n - 1] == 0)
        n--;
    ps_pyrand_seed_key(r, seed->w, n);
}

/* The twist: mt[k] from the top bit of mt[k], the low 31 bits of mt[k+1]
 * and mt[k+M], indices modulo N. */
static void twist(ps_pyrand *r)
{
    uint32_t *mt = r->mt;
    for (int k = 0; k < MT_N; k++) {
        uint32_t y = (mt[k] & MT_UPPER) | (mt[(k + 1) % MT_N] & MT_LOWER);
        mt[k] = mt[(k + MT_M) % MT_N] ^ (y >> 1) ^ ((y & 1u) ? MT_MATRIX_A : 0u);
    }
    r->index = 0;
}

uint32_t ps_pyrand_u32(ps_pyrand *r)
{
    if (r->index >= MT_N)
        twist(r);
    uint32_t y = r->mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* res53: 27 + 26 random bits make a multiple of 2^-53 in [0, 1). */
double ps_pyrand_random(ps_pyrand *r)
{
    uint32_t a = ps_pyrand_u32(r) >> 5;
    uint32_t b = ps_pyrand_u32(r) >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}
