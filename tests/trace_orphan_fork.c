/* trace_orphan_fork.c — a helper of test_trace_limits.c: a parent killed
 * right after it forks.  30 rounds: fork A; A forks in a tight loop, each
 * child writing "PID\n" (one write) on stdout and exiting; after a few
 * milliseconds A is SIGKILLed, so some of its forks have their child made
 * and their fork event never reported.  Every child must still be seen
 * and run, and none be left. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void child(void)
{
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%d\n", (int)getpid());
    ssize_t w = write(1, buf, (size_t)n);
    (void)w;
    _exit(0);
}

int main(void)
{
    for (int round = 0; round < 30; round++) {
        pid_t a = fork();
        if (a < 0)
            return 1;
        if (a == 0) {
            for (;;)
                if (fork() == 0)
                    child(); /* never waited for: adopted once A dies */
        }
        struct timespec ts = {0, 3 * 1000000};
        nanosleep(&ts, NULL);
        kill(a, SIGKILL);
        waitpid(a, NULL, 0);
    }
    return 0;
}
