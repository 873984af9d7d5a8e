/* trace_proc.c — one task's /proc files (trace_evidence.h).  A sample of
 * every task of the tree is taken every period, so the files read each
 * time (stat, schedstat, syscall) are opened once and re-read with pread,
 * parsed by hand into numbers: no stdio, no allocation, no path built per
 * read.  Directory listings use getdents64 into a buffer on the stack. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "procsim/out.h"

#include "trace_evidence.h"
#include "trace_util.h"

/* ---- paths and numbers ------------------------------------------------- */

char *ps__proc_path(char *buf, size_t size, pid_t pid, pid_t tid, const char *leaf)
{
    char *p = buf, *end = buf + size - 1;
    p = ps__put_str(p, end, "/proc/");
    p = ps_put_int(p, end, pid);
    if (tid > 0) {
        p = ps__put_str(p, end, "/task/");
        p = ps_put_int(p, end, tid);
    }
    if (leaf && *leaf) {
        p = ps__put_str(p, end, "/");
        p = ps__put_str(p, end, leaf);
    }
    *p = 0;
    return buf;
}

char *ps__put_str(char *p, char *end, const char *s)
{
    while (*s && p < end)
        *p++ = *s++;
    return p;
}

/* A decimal (optionally negative) number at *s, skipping leading spaces;
 * *s is left after it.  0 if there is none. */
int64_t ps__parse_dec(const char **s)
{
    const char *p = *s;
    while (*p == ' ' || *p == '\t')
        p++;
    int neg = *p == '-';
    p += neg;
    uint64_t v = 0;
    while (*p >= '0' && *p <= '9')
        v = v * 10 + (uint64_t)(*p++ - '0');
    *s = p;
    return neg ? -(int64_t)v : (int64_t)v;
}

/* A hexadecimal number ("0x7f00..." or bare digits) at *s. */
uint64_t ps__parse_hex(const char **s)
{
    const char *p = *s;
    while (*p == ' ' || *p == '\t')
        p++;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        p += 2;
    uint64_t v = 0;
    for (;; p++) {
        int d = *p >= '0' && *p <= '9'   ? *p - '0'
                : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
                : *p >= 'A' && *p <= 'F' ? *p - 'A' + 10
                                         : -1;
        if (d < 0)
            break;
        v = v << 4 | (uint64_t)d;
    }
    *s = p;
    return v;
}

/* Re-read an open /proc file from its start; its length, or -1. */
static ssize_t reread(int fd, char *buf, size_t size)
{
    if (fd < 0)
        return -1;
    ssize_t n;
    do
        n = pread(fd, buf, size - 1, 0);
    while (n < 0 && errno == EINTR);
    buf[n > 0 ? n : 0] = 0;
    return n;
}

ssize_t ps__read_small(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = reread(fd, buf, size);
    close(fd);
    return n;
}

/* ---- the task's files -------------------------------------------------- */

void ps__taskfd_init(ps__taskfd *f)
{
    f->pid = f->tid = 0;
    f->stat = f->sched = f->syscall = -1;
}

static int open_leaf(pid_t pid, pid_t tid, const char *leaf)
{
    char path[80];
    return open(ps__proc_path(path, sizeof path, pid, tid, leaf), O_RDONLY | O_CLOEXEC);
}

int ps__taskfd_open(ps__taskfd *f, pid_t pid, pid_t tid)
{
    ps__taskfd_init(f);
    f->pid = pid;
    f->tid = tid;
    f->stat = open_leaf(pid, tid, "stat");
    if (f->stat < 0)
        return -1;
    /* schedstat needs the kernel's scheduler statistics: without them
     * the task is still sampled, with fewer numbers.  syscall is opened
     * only when it is read (a sleeping task's), and closed again: two
     * descriptors per task, not three */
    f->sched = open_leaf(pid, tid, "schedstat");
    return 0;
}

void ps__taskfd_close(ps__taskfd *f)
{
    int *fds[] = {&f->stat, &f->sched, &f->syscall};
    for (size_t i = 0; i < sizeof fds / sizeof *fds; i++) {
        if (*fds[i] >= 0)
            close(*fds[i]);
        *fds[i] = -1;
    }
}

/* stat is "pid (comm) S ppid ...": comm may hold spaces and ')' but is
 * followed by nothing but numbers and the letter, so the last ')' ends it.
 * Fields are numbered as in proc(5): the letter is field 3. */
int ps__stat_parse(const char *buf, ps__task_sample *out)
{
    const char *p = strrchr(buf, ')');
    if (!p || p[1] != ' ' || !p[2])
        return -1;
    out->state = p[2];
    p += 3;
    for (int field = 4; field <= 52 && *p; field++) {
        int64_t v = ps__parse_dec(&p);
        switch (field) {
        case 4: out->ppid = (pid_t)v; break;
        case 10: out->minflt = v; break;
        case 12: out->majflt = v; break;
        case 22: out->start = (uint64_t)v; break;
        case 24: out->rss_kb = v; break; /* pages, for now */
        case 39: out->cpu = (int32_t)v; break;
        case 52: out->exit_code = (int32_t)v; break;
        default: break;
        }
    }
    return 0;
}

int ps__task_read(ps__taskfd *f, ps__task_sample *out)
{
    memset(out, 0, sizeof *out);
    out->cpu = -1;
    char buf[1024];
    if (reread(f->stat, buf, sizeof buf) <= 0 || ps__stat_parse(buf, out) < 0) {
        memset(out, 0, sizeof *out);
        return -1;
    }
    /* stat's rss (field 24) is the process's resident set in pages, the
     * same number as statm's second; kept for the main task only */
    static long page_kb;
    if (!page_kb)
        page_kb = sysconf(_SC_PAGESIZE) / 1024;
    out->rss_kb = f->tid == f->pid ? out->rss_kb * page_kb : 0;
    if (reread(f->sched, buf, sizeof buf) > 0) {
        const char *p = buf;
        out->run_ns = ps__parse_dec(&p);
        out->wait_ns = ps__parse_dec(&p);
        out->slices = (uint64_t)ps__parse_dec(&p);
    }
    return 0;
}

/* "nr arg1 .. arg6 sp pc" in a call, "-1 sp pc" blocked outside one,
 * "running" when on a CPU. */
int ps__task_syscall_read(ps__taskfd *f, ps__task_syscall *out)
{
    char buf[256];
    memset(out, 0, sizeof *out);
    out->nr = -1;
    int own = f->syscall < 0 && f->stat >= 0; /* opened for this read only */
    if (own)
        f->syscall = open_leaf(f->pid, f->tid, "syscall");
    ssize_t n = reread(f->syscall, buf, sizeof buf);
    if (own && f->syscall >= 0) {
        close(f->syscall);
        f->syscall = -1;
    }
    if (n <= 0 || buf[0] < '0' || buf[0] > '9')
        return -1;
    const char *p = buf;
    out->nr = (long)ps__parse_dec(&p);
    for (int i = 0; i < 6; i++)
        out->args[i] = ps__parse_hex(&p);
    return 0;
}

/* ---- files read now and then ------------------------------------------- */

/* Read a small file into buf, its last newline removed; "" if gone. */
static void read_line(const char *path, char *buf, size_t size)
{
    if (!size)
        return;
    char tmp[256];
    ssize_t n = ps__read_small(path, tmp, sizeof tmp);
    if (n <= 0) {
        buf[0] = 0;
        return;
    }
    if (tmp[n - 1] == '\n')
        tmp[--n] = 0;
    ps__copy_cut(buf, size, tmp, (size_t)n);
}

void ps__task_wchan(pid_t pid, pid_t tid, char *buf, size_t size)
{
    char path[80];
    read_line(ps__proc_path(path, sizeof path, pid, tid, "wchan"), buf, size);
    if (size && strcmp(buf, "0") == 0)
        buf[0] = 0; /* not waiting, or the kernel keeps the symbol from us */
}

void ps__proc_comm(pid_t pid, char *buf, size_t size)
{
    char path[64];
    read_line(ps__proc_path(path, sizeof path, pid, 0, "comm"), buf, size);
}

void ps__proc_cmdline(pid_t pid, char *buf, size_t size)
{
    if (!size)
        return;
    char path[64], tmp[512];
    ssize_t n = ps__read_small(ps__proc_path(path, sizeof path, pid, 0, "cmdline"), tmp,
                               sizeof tmp);
    while (n > 0 && tmp[n - 1] == 0)
        n--;
    for (ssize_t i = 0; i < n; i++)
        if ((unsigned char)tmp[i] < ' ')
            tmp[i] = ' '; /* the NULs between words; control characters */
    ps__copy_cut(buf, size, tmp, n > 0 ? (size_t)n : 0);
}

/* Keep v in out[0..*kept) sorted, the lowest max of all given. */
static void keep_lowest(pid_t *out, int max, int *kept, pid_t v)
{
    int i = *kept < max ? (*kept)++ : max;
    for (; i > 0 && out[i - 1] > v; i--)
        if (i < max)
            out[i] = out[i - 1];
    if (i < max)
        out[i] = v;
}

int ps__dir_numbers(const char *path, pid_t *out, int max, ps__number_fn fn, void *ctx)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char buf[4096] __attribute__((aligned(8)));
    int n = 0, kept = 0;
    ssize_t got;
    while ((got = getdents64(fd, buf, sizeof buf)) > 0) {
        for (ssize_t off = 0; off < got;) {
            struct dirent64 *de = (struct dirent64 *)(void *)(buf + off);
            off += de->d_reclen;
            const char *p = de->d_name;
            if (*p < '0' || *p > '9')
                continue; /* ".", "..", and /proc's named entries */
            pid_t v = (pid_t)ps__parse_dec(&p);
            if (*p || (fn && !fn(ctx, v)))
                continue;
            n++;
            if (out)
                keep_lowest(out, max, &kept, v);
        }
    }
    close(fd);
    return got < 0 ? -1 : n;
}

int ps__proc_tasks(pid_t pid, pid_t *out, int max)
{
    char path[64];
    return ps__dir_numbers(ps__proc_path(path, sizeof path, pid, 0, "task"), out, max, NULL,
                           NULL);
}

/* Without the kernel's children files (CONFIG_PROC_CHILDREN), a child is
 * a process whose stat names pid as its parent. */
static int is_child_of(void *ctx, pid_t v)
{
    char path[64], buf[1024];
    ps__task_sample s;
    if (ps__read_small(ps__proc_path(path, sizeof path, v, 0, "stat"), buf, sizeof buf) <= 0)
        return 0;
    return ps__stat_parse(buf, &s) == 0 && s.ppid == *(pid_t *)ctx;
}

int ps__task_children(pid_t pid, pid_t tid, pid_t *out, int max)
{
    char path[80], buf[4096];
    int fd = open(ps__proc_path(path, sizeof path, pid, tid, "children"), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && access(ps__proc_path(path, sizeof path, pid, tid, ""), F_OK) == 0) {
        /* the file does not exist, the task does: a parent is a process,
         * so its children are all counted once, on its main task */
        if (tid != pid)
            return 0;
        return ps__dir_numbers("/proc", out, max, is_child_of, &pid);
    }
    if (fd < 0)
        return -1;
    /* "4711 4712 " — read in pieces; a number may span two */
    int n = 0, kept = 0;
    int64_t v = -1;
    ssize_t got;
    while ((got = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < got; i++) {
            if (buf[i] >= '0' && buf[i] <= '9') {
                v = (v < 0 ? 0 : v * 10) + (buf[i] - '0');
                continue;
            }
            if (v >= 0) {
                n++;
                if (out)
                    keep_lowest(out, max, &kept, (pid_t)v);
            }
            v = -1;
        }
    }
    if (v >= 0) {
        n++;
        if (out)
            keep_lowest(out, max, &kept, (pid_t)v);
    }
    close(fd);
    return got < 0 ? -1 : n;
}

/* ---- text ---------------------------------------------------------------- */

void ps__copy_cut(char *buf, size_t size, const char *src, size_t len)
{
    if (!size)
        return;
    if (len > size - 1)
        len = ps__whole_chars(src, size - 1);
    memmove(buf, src, len);
    buf[len] = 0;
}
