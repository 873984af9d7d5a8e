/* trace_fds.c — what a descriptor of a traced process is, and which
 * process of the tree holds its other end (trace_evidence.h).
 *
 * A pipe's two ends share one inode (pipe:[N]); which end a process holds
 * is its descriptor's access mode (fdinfo's flags).  A socketpair's two
 * sockets have two inodes: the kernel names a Unix socket's peer through
 * sock_diag (NETLINK_SOCK_DIAG, UDIAG_SHOW_PEER), and the process at the
 * other end is one that holds the peer's inode.  Python's
 * multiprocessing.Pipe() is such a socketpair, its Queue a pipe. */
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "procsim/out.h"

#include "trace_evidence.h"
#include "trace_util.h"

/* "pipe:[N]" / "socket:[N]": N, else 0. */
static uint64_t bracketed(const char *link, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(link, prefix, n) != 0)
        return 0;
    const char *p = link + n;
    uint64_t v = (uint64_t)ps__parse_dec(&p);
    return *p == ']' ? v : 0;
}

/* Terminals: the virtual consoles and serial lines (4), /dev/tty and the
 * console (5), the pseudo-terminals (136..143). */
static int is_tty(dev_t rdev)
{
    unsigned maj = major(rdev);
    return maj == 4 || maj == 5 || (maj >= 136 && maj <= 143);
}

/* The access mode of pid's fd: O_RDONLY, O_WRONLY, O_RDWR; -1 if gone. */
static int fd_mode(pid_t pid, int fd)
{
    char path[80], buf[512];
    char *p = ps__proc_path(path, sizeof path, pid, 0, "fdinfo/");
    p += strlen(p);
    *ps_put_int(p, path + sizeof path - 1, fd) = 0;
    if (ps__read_small(path, buf, sizeof buf) <= 0)
        return -1;
    const char *f = strstr(buf, "flags:");
    if (!f)
        return -1;
    f += 6;
    while (*f == ' ' || *f == '\t')
        f++;
    unsigned v = 0;
    while (*f >= '0' && *f <= '7')
        v = v * 8 + (unsigned)(*f++ - '0'); /* octal */
    return (int)(v & O_ACCMODE);
}

static char *fd_path(char *buf, size_t size, pid_t pid, const char *dir, int fd)
{
    char *p = ps__proc_path(buf, size, pid, 0, dir);
    p += strlen(p);
    p = ps__put_str(p, buf + size - 1, "/");
    *ps_put_int(p, buf + size - 1, fd) = 0;
    return buf;
}

int ps__fd_describe(pid_t pid, int fd, ps__fd_info *out)
{
    memset(out, 0, sizeof *out);
    char path[80], link[256];
    fd_path(path, sizeof path, pid, "fd", fd);
    ssize_t n = readlink(path, link, sizeof link - 1);
    if (n <= 0)
        return -1;
    link[n] = 0;
    struct stat st;
    if ((out->inode = bracketed(link, "pipe:[")))
        out->kind = PS__FD_PIPE;
    else if ((out->inode = bracketed(link, "socket:[")))
        out->kind = PS__FD_SOCKET;
    else if (link[0] == '/' && stat(path, &st) == 0) {
        /* a path: a named FIFO is a pipe, a character device may be a
         * terminal; stat follows the link to what the descriptor holds */
        out->inode = st.st_ino;
        out->kind = S_ISFIFO(st.st_mode)                       ? PS__FD_PIPE
                    : S_ISCHR(st.st_mode) && is_tty(st.st_rdev) ? PS__FD_TTY
                                                               : PS__FD_OTHER;
    } else
        out->kind = PS__FD_OTHER;
    int mode = fd_mode(pid, fd);
    out->readable = mode == O_RDONLY || mode == O_RDWR;
    out->writable = mode == O_WRONLY || mode == O_RDWR;
    return 0;
}

/* ---- sock_diag ----------------------------------------------------------- */

/* The inode of the peer of Unix socket `ino`, 0 if it has none or the
 * kernel will not say. */
static uint64_t unix_peer(uint64_t ino)
{
    int s = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (s < 0)
        return 0;
    struct {
        struct nlmsghdr nh;
        struct unix_diag_req req;
    } q;
    memset(&q, 0, sizeof q);
    q.nh.nlmsg_len = sizeof q;
    q.nh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    q.nh.nlmsg_flags = NLM_F_REQUEST;
    q.req.sdiag_family = AF_UNIX;
    q.req.udiag_states = ~0u;
    q.req.udiag_ino = (uint32_t)ino;
    q.req.udiag_show = UDIAG_SHOW_PEER;
    q.req.udiag_cookie[0] = q.req.udiag_cookie[1] = ~0u; /* INET_DIAG_NOCOOKIE: any */
    struct sockaddr_nl to = {.nl_family = AF_NETLINK};
    uint64_t peer = 0;
    char buf[1024] __attribute__((aligned(NLMSG_ALIGNTO)));
    if (sendto(s, &q, sizeof q, 0, (struct sockaddr *)&to, sizeof to) == (ssize_t)sizeof q) {
        ssize_t n;
        do
            n = recv(s, buf, sizeof buf, 0);
        while (n < 0 && errno == EINTR);
        struct nlmsghdr *h = (struct nlmsghdr *)(void *)buf;
        if (n > 0 && NLMSG_OK(h, (size_t)n) && h->nlmsg_type == SOCK_DIAG_BY_FAMILY) {
            struct unix_diag_msg *m = NLMSG_DATA(h);
            struct rtattr *a = (struct rtattr *)(m + 1);
            int left = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof *m);
            for (; RTA_OK(a, left); a = RTA_NEXT(a, left))
                if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= (int)sizeof(uint32_t)) {
                    uint32_t v;
                    memcpy(&v, RTA_DATA(a), sizeof v);
                    peer = v;
                }
        }
    }
    close(s);
    return peer;
}

/* ---- the holders ---------------------------------------------------------- */

typedef struct holder_ctx {
    pid_t pid;
    uint8_t kind;      /* what the link must be: PS__FD_PIPE, PS__FD_SOCKET */
    uint64_t inode;
    int need_mode;     /* 1 writable, 0 readable, -1 any */
    int found;
} holder_ctx;

/* Called for each fd number of ctx->pid: whether it is the object asked
 * for, opened the way asked for.  Returns 0 so that nothing is kept. */
static int holds(void *vctx, pid_t fd)
{
    holder_ctx *c = vctx;
    if (c->found)
        return 0;
    char path[80], link[256];
    fd_path(path, sizeof path, c->pid, "fd", fd);
    ssize_t n = readlink(path, link, sizeof link - 1);
    if (n <= 0)
        return 0;
    link[n] = 0;
    uint64_t ino = 0;
    struct stat st;
    if (c->kind == PS__FD_PIPE) {
        ino = bracketed(link, "pipe:[");
        if (!ino && link[0] == '/' && stat(path, &st) == 0 && S_ISFIFO(st.st_mode))
            ino = st.st_ino; /* a named FIFO */
    } else
        ino = bracketed(link, "socket:[");
    if (ino != c->inode)
        return 0;
    int mode = c->need_mode < 0 ? 0 : fd_mode(c->pid, (int)fd);
    c->found = c->need_mode < 0 || (c->need_mode == 1 && (mode == O_WRONLY || mode == O_RDWR)) ||
               (c->need_mode == 0 && (mode == O_RDONLY || mode == O_RDWR));
    return 0;
}

/* The first process of the tree but self holding (kind, inode). */
static pid_t first_holder(const pid_t *tree, size_t n, pid_t self, uint8_t kind, uint64_t inode,
                          int need_mode)
{
    for (size_t i = 0; i < n; i++) {
        if (tree[i] == self || tree[i] <= 0)
            continue;
        holder_ctx c = {tree[i], kind, inode, need_mode, 0};
        char path[64];
        ps__dir_numbers(ps__proc_path(path, sizeof path, tree[i], 0, "fd"), NULL, 0, holds, &c);
        if (c.found)
            return tree[i];
    }
    return 0;
}

pid_t ps__fd_peer(const pid_t *tree, size_t n, pid_t self, const ps__fd_info *fd,
                  int want_writer)
{
    if (!fd->inode)
        return 0;
    if (fd->kind == PS__FD_PIPE)
        return first_holder(tree, n, self, PS__FD_PIPE, fd->inode, want_writer ? 1 : 0);
    if (fd->kind != PS__FD_SOCKET)
        return 0;
    uint64_t peer = unix_peer(fd->inode);
    if (peer) /* held by self alone, it names no one: a 0 */
        return first_holder(tree, n, self, PS__FD_SOCKET, peer, -1);
    /* no peer known (not a Unix socket, or sock_diag refused): anyone
     * else holding the same socket is at least on the other side of a
     * fork from it */
    return first_holder(tree, n, self, PS__FD_SOCKET, fd->inode, -1);
}
