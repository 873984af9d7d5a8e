/* trace_ping_pong.c — a helper of test_trace_limits.c: a parent and its
 * child send one byte back and forth over two pipes, 200000 times.  Each
 * spends nearly all its time blocked in read, and runs many times
 * between two samples: the trace must show that it ran. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int ab[2], ba[2];
    if (pipe(ab) || pipe(ba))
        return 1;
    pid_t c = fork();
    if (c < 0)
        return 1;
    char b = 0;
    for (int i = 0; i < 200000; i++) {
        if (c == 0) {
            if (read(ab[0], &b, 1) != 1 || write(ba[1], &b, 1) != 1)
                _exit(1);
        } else if (write(ab[1], &b, 1) != 1 || read(ba[0], &b, 1) != 1) {
            return 1;
        }
    }
    if (c == 0)
        _exit(0);
    int st;
    return waitpid(c, &st, 0) == c && WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
