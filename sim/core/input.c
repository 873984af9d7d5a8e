/* input.c — a file to read, opened without blocking (procsim/input.h). */
#include "procsim/input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Is the FIFO open as fd a pipe without a name?  Linux names it
 * "pipe:[INODE]" in /proc/self/fd; without /proc, say yes (read it). */
static int anonymous_pipe(int fd)
{
    char link[64], target[32];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0)
        return 1;
    target[n] = '\0';
    return strncmp(target, "pipe:[", 6) == 0;
}

FILE *ps_input_open(const char *path, ps_input_kind *kind)
{
    *kind = PS_INPUT_ERROR;
    if (!path) {
        errno = EINVAL;
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    int e = 0;
    if (fstat(fd, &st) != 0)
        e = errno;
    else if (S_ISDIR(st.st_mode))
        e = EISDIR;
    else if (S_ISREG(st.st_mode))
        *kind = PS_INPUT_FILE;
    else if (S_ISFIFO(st.st_mode))
        *kind = anonymous_pipe(fd) ? PS_INPUT_PIPE : PS_INPUT_FIFO;
    else if (S_ISSOCK(st.st_mode))
        *kind = PS_INPUT_SOCKET;
    else
        *kind = PS_INPUT_DEVICE;
    FILE *f = NULL;
    if (!e && (*kind == PS_INPUT_FILE || *kind == PS_INPUT_PIPE)) {
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0 || !(f = fdopen(fd, "rb")))
            e = errno;
        else
            return f;
        *kind = PS_INPUT_ERROR;
    }
    close(fd);
    errno = e;
    return NULL;
}

const char *ps_input_refusal(ps_input_kind kind, ps_lang lang)
{
    static const char *const words[][2] = {
        [PS_INPUT_FIFO] = {"is a FIFO, not a regular file", "FIFO이지 보통 파일이 아닙니다"},
        [PS_INPUT_DEVICE] = {"is a device, not a regular file", "장치이지 보통 파일이 아닙니다"},
        [PS_INPUT_SOCKET] = {"is a socket, not a regular file", "소켓이지 보통 파일이 아닙니다"},
    };
    if (kind < PS_INPUT_FIFO || kind > PS_INPUT_SOCKET)
        return "";
    return words[kind][lang == PS_LANG_KO];
}
