/* cpu_hogs.c — N children that only compute (default 3), each for 0.3 s of
 * CPU time. Under `procsim trace --cpus 1` they take turns: Ready and Running.
 * 계산만 하는 자식 N개 (기본 3), 각자 CPU 시간 0.3초.
 * `procsim trace --cpus 1`에서는 번갈아 실행된다: 준비와 실행.
 *
 *   cpu_hogs [N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 3;
    if (n < 1 || n > 64) {
        fprintf(stderr, "usage: cpu_hogs [N]   (1 <= N <= 64)\n");
        return 2;
    }
    fflush(stdout);
    for (int i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 1;
        }
        if (pid == 0) {
            volatile unsigned long spins = 0;
            while (cpu_seconds() < 0.3) /* never blocks / 절대 대기하지 않는다 */
                spins++;
            _exit(0);
        }
    }
    int done = 0;
    while (wait(NULL) > 0) /* Blocked: wait4 for any child / 대기: 아무 자식이나 */
        done++;
    printf("%d hogs done\n", done);
    return 0;
}
