/* test_pyrand.c — MT19937 with CPython's seeding, against CPython.
 *
 * The expected values were produced by CPython 3.11.7 (random.seed(s),
 * random.random(), random.getrandbits(32)) and pasted in as exact
 * hexadecimal floating-point literals; comparisons are exact. */
#include <stdio.h>
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "pyrand.h"

/* random.seed(seed): random() draws 1-4 and 1000. */
static const struct {
    const char *seed;
    double first[4];
    double draw1000;
} streams[] = {
    {"0",
     {0x1.b0580f98a7dbep-1, 0x1.84129978f9c1ap-1, 0x1.aeaa51052e978p-2, 0x1.092178fb945a6p-2},
     0x1.ebf1437477ccep-2},
    {"1",
     {0x1.132d8f91b7584p-3, 0x1.b1e2d5b3584f8p-1, 0x1.870d778409f13p-1, 0x1.0530d08f17f5cp-2},
     0x1.699b1d0fc4300p-1},
    {"2",
     {0x1.e97d52f73d2eep-1, 0x1.e549a4f656ebfp-1, 0x1.cf44d05dc8670p-5, 0x1.5ba2bcb8dc860p-4},
     0x1.d7c32fb683e5ap-1},
    {"5",
     {0x1.3eecf89059360p-1, 0x1.7bcb8116f23eep-1, 0x1.97239c6c3047fp-1, 0x1.e288d7f5db50cp-1},
     0x1.fa3df9d646496p-2},
    {"-5",
     {0x1.3eecf89059360p-1, 0x1.7bcb8116f23eep-1, 0x1.97239c6c3047fp-1, 0x1.e288d7f5db50cp-1},
     0x1.fa3df9d646496p-2},
    {"20",
     {0x1.cfb000ee425a8p-1, 0x1.5f5cb47258f3fp-1, 0x1.8873e6b851531p-1, 0x1.cf29dc09ad58ep-1},
     0x1.a6ac14695d160p-1},
    {"100",
     {0x1.2a54a475a3ad8p-3, 0x1.d1d86279d1e2ap-2, 0x1.8aa42ccb2f102p-1, 0x1.6939079927769p-1},
     0x1.907eab17d5c10p-5},
    {"4294967295", /* 2**32 - 1 */
     {0x1.454d9227a7013p-1, 0x1.a0274a3720bf8p-3, 0x1.36f8c1616ef77p-1, 0x1.2a53dc4d30c46p-2},
     0x1.492df3ceb45eep-2},
    {"4294967296", /* 2**32 */
     {0x1.ced31cb3df170p-4, 0x1.abdb5477a4f26p-2, 0x1.1139c02ebd380p-6, 0x1.39338e3811e8ep-1},
     0x1.5487e3d9d2810p-5},
    {"123456789012",
     {0x1.821015d36800ep-2, 0x1.53156a1b856e0p-6, 0x1.1f8cdc6afd018p-3, 0x1.99c7fd25a5cf4p-3},
     0x1.80094560b8709p-1},
    {"18446744073709551617", /* 2**64 + 1 */
     {0x1.a0cdc9b6cf9f0p-4, 0x1.731a51dbd35d1p-1, 0x1.00be92f33db62p-2, 0x1.3c52ad2afb6e2p-1},
     0x1.31604e0a86a06p-2},
    {"1000000000000000000000000000000", /* 10**30 */
     {0x1.de49051f4e500p-1, 0x1.0cf50607ee08fp-1, 0x1.658c0982c641ap-2, 0x1.51dd927a51b26p-2},
     0x1.3c8c8471ab2ebp-1},
};

/* random.seed(0): the n-th random.getrandbits(32), which is the n-th
 * genrand_uint32 (624/625 straddle the first regeneration). */
static const struct {
    int n;
    uint32_t want;
} u32_seed0[] = {
    {1, 0xd82c07cdu},
    {2, 0x629f6fbeu},
    {3, 0xc2094cacu},
    {4, 0xe3e70682u},
    {5, 0x6baa9455u},
    {6, 0x0a5d2f34u},
    {7, 0x42485e3au},
    {8, 0xf728b4fau},
    {624, 0x8e751eb7u},
    {625, 0x84dd6da6u},
    {626, 0x4a31b243u},
    {1000, 0xb1182d23u},
};

static void seed_text(ps_pyrand *r, const char *text)
{
    ps_pyint v = {0};
    assert_int_equal(ps_pyint_parse(&v, text, 10), PS_PYINT_OK);
    ps_pyrand_seed(r, &v);
    ps_pyint_fini(&v);
}

static void check_draw(const char *seed, int n, double got, double want)
{
    if (got != want)
        fail_msg("seed %s, draw %d: expected %a, got %a", seed, n, want, got);
}

static void random_matches_cpython(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof streams / sizeof streams[0]; i++) {
        ps_pyrand r;
        seed_text(&r, streams[i].seed);
        for (int n = 1; n <= 1000; n++) {
            double x = ps_pyrand_random(&r);
            assert_true(x >= 0.0 && x < 1.0);
            if (n <= 4)
                check_draw(streams[i].seed, n, x, streams[i].first[n - 1]);
            if (n == 1000)
                check_draw(streams[i].seed, n, x, streams[i].draw1000);
        }
    }
}

static void u32_matches_getrandbits(void **state)
{
    (void)state;
    ps_pyrand r;
    seed_text(&r, "0");
    size_t k = 0;
    for (int n = 1; n <= 1000; n++) {
        uint32_t got = ps_pyrand_u32(&r);
        if (k < sizeof u32_seed0 / sizeof u32_seed0[0] && u32_seed0[k].n == n) {
            if (got != u32_seed0[k].want)
                fail_msg("u32 #%d: expected 0x%08x, got 0x%08x", n,
                         (unsigned)u32_seed0[k].want, (unsigned)got);
            k++;
        }
    }
    assert_int_equal(k, sizeof u32_seed0 / sizeof u32_seed0[0]);
}

/* The key is |seed| in 32-bit words, least significant first, at least
 * one word (SPEC 0.2 step 1). */
static void keys_from_seeds(void **state)
{
    (void)state;
    static const uint32_t k0[] = {0}, k5[] = {5}, kmax[] = {0xffffffffu},
                          k32[] = {0, 1}, k64[] = {1, 0, 1};
    static const struct {
        const char *seed;
        const uint32_t *key;
        size_t n;
    } cases[] = {
        {"0", k0, 1},           {"-0", k0, 1},         {"5", k5, 1},
        {"-5", k5, 1},          {"4294967295", kmax, 1}, {"4294967296", k32, 2},
        {"-4294967296", k32, 2}, {"18446744073709551617", k64, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_pyrand a, b;
        seed_text(&a, cases[i].seed);
        ps_pyrand_seed_key(&b, cases[i].key, cases[i].n);
        if (memcmp(&a, &b, sizeof a) != 0)
            fail_msg("seed %s: state differs from its key", cases[i].seed);
    }
    /* n == 0 is the key [0] */
    ps_pyrand a, b;
    ps_pyrand_seed_key(&a, NULL, 0);
    ps_pyrand_seed_key(&b, k0, 1);
    assert_memory_equal(&a, &b, sizeof a);
    /* a leading zero word does not change the key CPython would build */
    uint32_t w[2] = {5, 0};
    ps_pyint loose = {0, 2, w};
    ps_pyrand_seed(&a, &loose);
    ps_pyrand_seed_key(&b, k5, 1);
    assert_memory_equal(&a, &b, sizeof a);
}

/* Seeding replaces the whole state; random() takes exactly two outputs,
 * a >> 5 and b >> 6, as (a * 2^26 + b) / 2^53. */
static void reseed_and_res53(void **state)
{
    (void)state;
    ps_pyrand r, q;
    seed_text(&r, "20");
    double first = ps_pyrand_random(&r);
    for (int i = 0; i < 700; i++)
        ps_pyrand_random(&r);
    seed_text(&r, "20");
    assert_true(ps_pyrand_random(&r) == first);

    seed_text(&r, "123456789012");
    seed_text(&q, "123456789012");
    for (int i = 0; i < 2000; i++) {
        uint32_t a = ps_pyrand_u32(&q) >> 5, b = ps_pyrand_u32(&q) >> 6;
        double want = ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
        assert_true(ps_pyrand_random(&r) == want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_matches_cpython),
        cmocka_unit_test(u32_matches_getrandbits),
        cmocka_unit_test(keys_from_seeds),
        cmocka_unit_test(reseed_and_res53),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
