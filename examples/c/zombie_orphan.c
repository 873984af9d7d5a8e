/* zombie_orphan.c — a zombie and an orphan.
 * 좀비와 고아.
 *
 * The zombie: a child that exits at once while its parent sleeps for 1 s
 * before waiting for it; for that second it is a zombie (Exit, not reaped).
 * 좀비: 바로 끝나는 자식. 부모가 1초 잔 뒤에야 wait하므로 그동안 좀비다.
 * The orphan: a grandchild whose parent exits first; it is adopted (by the
 * nearest subreaper: procsim under trace, else init) and reaped by it.
 * 고아: 부모가 먼저 끝난 손자. 가장 가까운 서브리퍼(trace에서는 procsim,
 * 아니면 init)가 입양해서 거둔다.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

int main(void) {
    fflush(stdout);
    pid_t zombie = fork();
    if (zombie < 0) {
        perror("fork");
        return 1;
    }
    if (zombie == 0)
        _exit(0); /* ends at once / 바로 끝난다 */

    pid_t middle = fork();
    if (middle < 0) {
        perror("fork");
        return 1;
    }
    if (middle == 0) {
        pid_t orphan = fork();
        if (orphan == 0) {
            pid_t before = getppid();
            nap_ms(300); /* its parent ends meanwhile / 그 사이에 부모가 끝난다 */
            printf("orphan %d: parent %d, now %d (adopted)\n", (int)getpid(), (int)before,
                   (int)getppid());
            fflush(stdout); /* _exit does not flush / _exit는 버퍼를 비우지 않는다 */
            nap_ms(1200); /* outlives main too / main보다도 오래 산다 */
            _exit(0);
        }
        nap_ms(100);
        _exit(0); /* leaves its child an orphan / 자식을 고아로 남긴다 */
    }
    waitpid(middle, NULL, 0); /* reap the middle one / 가운데 프로세스를 거둔다 */

    printf("zombie %d: exited, not yet reaped\n", (int)zombie);
    fflush(stdout);
    nap_ms(1000); /* the zombie stays a zombie / 좀비는 좀비로 남는다 */
    int status;
    waitpid(zombie, &status, 0); /* reaped now / 이제 거둔다 */
    printf("zombie %d reaped, status %d\n", (int)zombie, WEXITSTATUS(status));
    return 0;
}
