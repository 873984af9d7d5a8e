/* pipe.c — a pipe between two processes: the parent writes three lines, a
 * little apart; the child reads them until the end of the pipe.
 * 두 프로세스 사이의 파이프: 부모가 조금씩 사이를 두고 세 줄을 쓰고, 자식은
 * 파이프가 끝날 때까지 읽는다.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL); /* Blocked: nanosleep / 대기: nanosleep */
}

static int reader(int in) {
    char buf[128];
    ssize_t n;
    /* Blocked: read on pipe from the parent, until a line arrives.
     * 대기: 부모가 쓰는 파이프 읽기, 한 줄이 올 때까지. */
    while ((n = read(in, buf, sizeof buf)) > 0)
        printf("child %d read: %.*s", (int)getpid(), (int)n, buf);
    printf("child %d: end of the pipe\n", (int)getpid()); /* read gave 0 / read가 0을 돌려줌 */
    fflush(stdout); /* _exit does not flush / _exit는 버퍼를 비우지 않는다 */
    return 0;
}

int main(void) {
    int fds[2]; /* fds[0] the read end, fds[1] the write end / 읽는 끝, 쓰는 끝 */
    if (pipe(fds) < 0) {
        perror("pipe");
        return 1;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        close(fds[1]); /* the child only reads / 자식은 읽기만 한다 */
        _exit(reader(fds[0]));
    }
    close(fds[0]); /* the parent only writes / 부모는 쓰기만 한다 */
    const char *lines[] = {"one\n", "two\n", "three\n"};
    for (int i = 0; i < 3; i++) {
        nap_ms(300);
        if (write(fds[1], lines[i], strlen(lines[i])) < 0)
            perror("write");
    }
    close(fds[1]); /* no writer left: the child's read returns 0 / 쓰는 쪽이 없으니 read가 0 */
    int status;
    waitpid(pid, &status, 0); /* Blocked: wait4 for the child / 대기: 자식을 wait4로 */
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
