/* gen_scenario.c — writes a large scenario to stdout for the benchmarks.
 *
 *   gen_scenario N [POLICY]
 *
 * N processes arriving ten per tick, each computing in long bursts under a
 * quantum of 2 with disk and sleep requests between them, on 4 CPUs and 8
 * disks: about 80 transitions per process (100k processes: ~8M). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 2 || atol(argv[1]) <= 0) {
        fprintf(stderr, "usage: gen_scenario N [POLICY]\n");
        return 2;
    }
    long n = atol(argv[1]);
    const char *policy = argc > 2 ? argv[2] : "rr";
    printf("procsim: 1\ntitle: generated, %ld processes\n"
           "system: {cpus: 4, policy: %s, quantum: 2}\n"
           "devices: [d0, d1, d2, d3, d4, d5, d6, d7]\nprocesses:\n",
           n, policy);
    for (long i = 0; i < n; i++)
        printf("  - {name: p%ld, arrival: %ld, priority: %ld, program: "
               "[cpu 24, io d%ld 2, cpu 24, sleep 3, cpu 24]}\n",
               i, i / 10, i % 4, i % 8);
    return 0;
}
