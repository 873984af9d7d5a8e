/* live_proc.c — process plumbing for live mode: pidfds, signals through
 * them (a recycled pid is never hit), reading the kernel's view of a
 * child from /proc, and paging a process's memory out.  Waiting for
 * children is in live_wait.c. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "live_internal.h"

static ssize_t read_file(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n;
    do
        n = read(fd, buf, size - 1);
    while (n < 0 && errno == EINTR);
    close(fd);
    if (n >= 0)
        buf[n] = 0;
    return n;
}

/* Read /proc/PID/what, then make sure through the pidfd that PID was
 * still our child meanwhile: a process that exists after the read existed
 * during it, and while it exists (zombies too) its pid is not reused. */
static ssize_t read_proc(pid_t pid, int pidfd, const char *what, char *buf, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, what);
    ssize_t n = read_file(path, buf, size);
    return n > 0 && ps__pidfd_signal(pidfd, 0) == 0 ? n : -1;
}

char ps__proc_state(pid_t pid, int pidfd)
{
    char buf[512];
    if (read_proc(pid, pidfd, "stat", buf, sizeof buf) <= 0)
        return 0;
    /* "pid (comm) S ...": comm may hold anything, so find the last ')' */
    const char *p = strrchr(buf, ')');
    return p && p[1] == ' ' ? p[2] : 0;
}

int64_t ps__proc_rss_kb(pid_t pid, int pidfd)
{
    char buf[256];
    long size, resident;
    if (read_proc(pid, pidfd, "statm", buf, sizeof buf) <= 0 ||
        sscanf(buf, "%ld %ld", &size, &resident) != 2)
        return 0;
    return (int64_t)resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Put fd into out[0..*kept) in order by number, keeping the lowest max. */
static void keep_fd(ps_live_fd *out, int max, int *kept, int fd, const char *path)
{
    int i = *kept < max ? (*kept)++ : max;
    for (; i > 0 && out[i - 1].fd > fd; i--)
        if (i < max)
            out[i] = out[i - 1];
    if (i >= max)
        return;
    out[i].fd = fd;
    ssize_t n = readlink(path, out[i].target, sizeof out[i].target - 1);
    out[i].target[n > 0 ? n : 0] = 0;
}

int ps__proc_fds(pid_t pid, int pidfd, ps_live_fd *out, int max)
{
    char dir[64], path[64 + sizeof ((struct dirent *)0)->d_name];
    snprintf(dir, sizeof dir, "/proc/%d/fd", (int)pid);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0, kept = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        char *end;
        long fd = strtol(de->d_name, &end, 10);
        if (de->d_name[0] < '0' || de->d_name[0] > '9' || *end)
            continue; /* "." and ".." */
        n++;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        keep_fd(out, max, &kept, (int)fd, path);
    }
    closedir(d);
    return ps__pidfd_signal(pidfd, 0) == 0 ? n : -1; /* still our child */
}

int ps__pidfd_open(pid_t pid)
{
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

int ps__pidfd_signal(int pidfd, int sig)
{
    return (int)syscall(SYS_pidfd_send_signal, pidfd, sig, NULL, 0);
}

int ps__page_out(int pidfd, void *addr, size_t len)
{
    struct iovec iov = {addr, len};
    return syscall(SYS_process_madvise, pidfd, &iov, 1, MADV_PAGEOUT, 0) < 0 ? -1 : 0;
}

int ps__write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}
