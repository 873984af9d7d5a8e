/* trace_forks.c — the fork-heavy programs of bench_trace: N children.
 *
 *   trace_forks N          fork N children one after another, each exiting
 *                          at once and reaped before the next (a shell loop)
 *   trace_forks N HOLD_MS  fork N children that all sleep HOLD_MS together,
 *                          then reap them (N processes alive at each sample)
 *
 * Prints "made N" (the processes it forked) for the benchmark to compare
 * with the trace; exits 1 if a fork fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 500;
    long hold = argc > 2 ? atol(argv[2]) : 0;
    int made = 0;
    for (int i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            break;
        }
        if (pid == 0) {
            struct timespec ts = {hold / 1000, (hold % 1000) * 1000000L};
            if (hold)
                nanosleep(&ts, NULL);
            _exit(0);
        }
        made++;
        if (!hold)
            waitpid(pid, NULL, 0);
    }
    while (wait(NULL) > 0)
        ;
    printf("made %d\n", made);
    return made == n ? 0 : 1;
}
