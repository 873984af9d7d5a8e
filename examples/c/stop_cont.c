/* stop_cont.c — a parent stops its computing child with SIGSTOP and lets it
 * go on with SIGCONT.
 * 부모가 계산 중인 자식을 SIGSTOP으로 멈췄다가 SIGCONT로 다시 가게 한다.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        /* 0.8 s of computing; stopped time does not count.
         * 0.8초 계산. 멈춰 있는 시간은 세지 않는다. */
        volatile unsigned long spins = 0;
        while (cpu_seconds() < 0.8)
            spins++;
        _exit(0);
    }
    nap_ms(200);
    kill(pid, SIGSTOP); /* the child: Ready/Suspend / 자식: 준비/보류 */
    printf("parent: stopped %d\n", (int)pid);
    fflush(stdout);
    nap_ms(500);
    kill(pid, SIGCONT); /* back to Ready, then Running / 다시 준비, 그다음 실행 */
    printf("parent: continued %d\n", (int)pid);
    fflush(stdout);
    int status;
    waitpid(pid, &status, 0);
    printf("child %d exited with status %d\n", (int)pid, WEXITSTATUS(status));
    return 0;
}
