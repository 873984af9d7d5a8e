/* fork_exec_wait.c — fork a child, let it exec a command, wait for it.
 * fork로 자식을 만들고, 자식이 명령을 exec하면 부모는 wait로 기다린다.
 *
 *   fork_exec_wait [COMMAND [ARGS...]]    (default: sleep 0.5 / 기본값)
 *
 * The program exits with the command's exit status, as a shell would.
 * 프로그램은 셸처럼 명령의 종료 상태로 끝난다.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    char *fallback[] = {"sleep", "0.5", NULL};
    char **cmd = argc > 1 ? argv + 1 : fallback;

    pid_t pid = fork(); /* a new process, a copy of this one / 이 프로세스의 복사본 */
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        execvp(cmd[0], cmd); /* the copy becomes the command / 복사본이 명령으로 바뀐다 */
        perror(cmd[0]);      /* only if exec failed / exec가 실패했을 때만 */
        _exit(127);
    }
    printf("parent %d: child %d runs %s\n", (int)getpid(), (int)pid, cmd[0]);
    fflush(stdout);

    int status;
    /* Blocked: wait4 for the child / 대기: 자식을 wait4로 기다림 */
    if (waitpid(pid, &status, 0) < 0) {
        perror("waitpid");
        return 1;
    }
    if (WIFSIGNALED(status)) {
        printf("child %d killed by signal %d\n", (int)pid, WTERMSIG(status));
        return 128 + WTERMSIG(status);
    }
    printf("child %d exited with status %d\n", (int)pid, WEXITSTATUS(status));
    return WEXITSTATUS(status);
}
