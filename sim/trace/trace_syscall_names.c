/* trace_syscall_names.c — the names of the system calls (ps__syscall_name,
 * trace_evidence.h), for the PCB panel's "sleeps in" and the causes of a
 * call that has no wording of its own.  One row per call of
 * <sys/syscall.h>, each under #ifdef: the numbers are the machine's. */
#include <sys/syscall.h>

#include "trace_evidence.h"

static const char *const names[] = {
#ifdef SYS_accept
    [SYS_accept] = "accept",
#endif
#ifdef SYS_accept4
    [SYS_accept4] = "accept4",
#endif
#ifdef SYS_access
    [SYS_access] = "access",
#endif
#ifdef SYS_bind
    [SYS_bind] = "bind",
#endif
#ifdef SYS_brk
    [SYS_brk] = "brk",
#endif
#ifdef SYS_chdir
    [SYS_chdir] = "chdir",
#endif
#ifdef SYS_clock_nanosleep
    [SYS_clock_nanosleep] = "clock_nanosleep",
#endif
#ifdef SYS_clone
    [SYS_clone] = "clone",
#endif
#ifdef SYS_clone3
    [SYS_clone3] = "clone3",
#endif
#ifdef SYS_close
    [SYS_close] = "close",
#endif
#ifdef SYS_close_range
    [SYS_close_range] = "close_range",
#endif
#ifdef SYS_connect
    [SYS_connect] = "connect",
#endif
#ifdef SYS_copy_file_range
    [SYS_copy_file_range] = "copy_file_range",
#endif
#ifdef SYS_dup
    [SYS_dup] = "dup",
#endif
#ifdef SYS_dup2
    [SYS_dup2] = "dup2",
#endif
#ifdef SYS_dup3
    [SYS_dup3] = "dup3",
#endif
#ifdef SYS_epoll_create1
    [SYS_epoll_create1] = "epoll_create1",
#endif
#ifdef SYS_epoll_ctl
    [SYS_epoll_ctl] = "epoll_ctl",
#endif
#ifdef SYS_epoll_pwait
    [SYS_epoll_pwait] = "epoll_pwait",
#endif
#ifdef SYS_epoll_pwait2
    [SYS_epoll_pwait2] = "epoll_pwait2",
#endif
#ifdef SYS_epoll_wait
    [SYS_epoll_wait] = "epoll_wait",
#endif
#ifdef SYS_eventfd2
    [SYS_eventfd2] = "eventfd2",
#endif
#ifdef SYS_execve
    [SYS_execve] = "execve",
#endif
#ifdef SYS_execveat
    [SYS_execveat] = "execveat",
#endif
#ifdef SYS_exit
    [SYS_exit] = "exit",
#endif
#ifdef SYS_exit_group
    [SYS_exit_group] = "exit_group",
#endif
#ifdef SYS_faccessat
    [SYS_faccessat] = "faccessat",
#endif
#ifdef SYS_fallocate
    [SYS_fallocate] = "fallocate",
#endif
#ifdef SYS_fcntl
    [SYS_fcntl] = "fcntl",
#endif
#ifdef SYS_fdatasync
    [SYS_fdatasync] = "fdatasync",
#endif
#ifdef SYS_flock
    [SYS_flock] = "flock",
#endif
#ifdef SYS_fork
    [SYS_fork] = "fork",
#endif
#ifdef SYS_fstat
    [SYS_fstat] = "fstat",
#endif
#ifdef SYS_fsync
    [SYS_fsync] = "fsync",
#endif
#ifdef SYS_ftruncate
    [SYS_ftruncate] = "ftruncate",
#endif
#ifdef SYS_futex
    [SYS_futex] = "futex",
#endif
#ifdef SYS_futex_waitv
    [SYS_futex_waitv] = "futex_waitv",
#endif
#ifdef SYS_getdents64
    [SYS_getdents64] = "getdents64",
#endif
#ifdef SYS_getpid
    [SYS_getpid] = "getpid",
#endif
#ifdef SYS_getppid
    [SYS_getppid] = "getppid",
#endif
#ifdef SYS_getrandom
    [SYS_getrandom] = "getrandom",
#endif
#ifdef SYS_gettid
    [SYS_gettid] = "gettid",
#endif
#ifdef SYS_ioctl
    [SYS_ioctl] = "ioctl",
#endif
#ifdef SYS_kill
    [SYS_kill] = "kill",
#endif
#ifdef SYS_lseek
    [SYS_lseek] = "lseek",
#endif
#ifdef SYS_madvise
    [SYS_madvise] = "madvise",
#endif
#ifdef SYS_mkdir
    [SYS_mkdir] = "mkdir",
#endif
#ifdef SYS_mmap
    [SYS_mmap] = "mmap",
#endif
#ifdef SYS_mprotect
    [SYS_mprotect] = "mprotect",
#endif
#ifdef SYS_mq_timedreceive
    [SYS_mq_timedreceive] = "mq_timedreceive",
#endif
#ifdef SYS_mq_timedsend
    [SYS_mq_timedsend] = "mq_timedsend",
#endif
#ifdef SYS_msgrcv
    [SYS_msgrcv] = "msgrcv",
#endif
#ifdef SYS_msgsnd
    [SYS_msgsnd] = "msgsnd",
#endif
#ifdef SYS_munmap
    [SYS_munmap] = "munmap",
#endif
#ifdef SYS_nanosleep
    [SYS_nanosleep] = "nanosleep",
#endif
#ifdef SYS_newfstatat
    [SYS_newfstatat] = "newfstatat",
#endif
#ifdef SYS_open
    [SYS_open] = "open",
#endif
#ifdef SYS_openat
    [SYS_openat] = "openat",
#endif
#ifdef SYS_pause
    [SYS_pause] = "pause",
#endif
#ifdef SYS_pidfd_open
    [SYS_pidfd_open] = "pidfd_open",
#endif
#ifdef SYS_pidfd_send_signal
    [SYS_pidfd_send_signal] = "pidfd_send_signal",
#endif
#ifdef SYS_pipe
    [SYS_pipe] = "pipe",
#endif
#ifdef SYS_pipe2
    [SYS_pipe2] = "pipe2",
#endif
#ifdef SYS_poll
    [SYS_poll] = "poll",
#endif
#ifdef SYS_ppoll
    [SYS_ppoll] = "ppoll",
#endif
#ifdef SYS_pread64
    [SYS_pread64] = "pread64",
#endif
#ifdef SYS_preadv
    [SYS_preadv] = "preadv",
#endif
#ifdef SYS_preadv2
    [SYS_preadv2] = "preadv2",
#endif
#ifdef SYS_prctl
    [SYS_prctl] = "prctl",
#endif
#ifdef SYS_pselect6
    [SYS_pselect6] = "pselect6",
#endif
#ifdef SYS_ptrace
    [SYS_ptrace] = "ptrace",
#endif
#ifdef SYS_pwrite64
    [SYS_pwrite64] = "pwrite64",
#endif
#ifdef SYS_pwritev
    [SYS_pwritev] = "pwritev",
#endif
#ifdef SYS_read
    [SYS_read] = "read",
#endif
#ifdef SYS_readlink
    [SYS_readlink] = "readlink",
#endif
#ifdef SYS_readv
    [SYS_readv] = "readv",
#endif
#ifdef SYS_recvfrom
    [SYS_recvfrom] = "recvfrom",
#endif
#ifdef SYS_recvmmsg
    [SYS_recvmmsg] = "recvmmsg",
#endif
#ifdef SYS_recvmsg
    [SYS_recvmsg] = "recvmsg",
#endif
#ifdef SYS_rename
    [SYS_rename] = "rename",
#endif
#ifdef SYS_restart_syscall
    [SYS_restart_syscall] = "restart_syscall",
#endif
#ifdef SYS_rt_sigaction
    [SYS_rt_sigaction] = "rt_sigaction",
#endif
#ifdef SYS_rt_sigprocmask
    [SYS_rt_sigprocmask] = "rt_sigprocmask",
#endif
#ifdef SYS_rt_sigreturn
    [SYS_rt_sigreturn] = "rt_sigreturn",
#endif
#ifdef SYS_rt_sigsuspend
    [SYS_rt_sigsuspend] = "rt_sigsuspend",
#endif
#ifdef SYS_rt_sigtimedwait
    [SYS_rt_sigtimedwait] = "rt_sigtimedwait",
#endif
#ifdef SYS_sched_yield
    [SYS_sched_yield] = "sched_yield",
#endif
#ifdef SYS_select
    [SYS_select] = "select",
#endif
#ifdef SYS_semop
    [SYS_semop] = "semop",
#endif
#ifdef SYS_semtimedop
    [SYS_semtimedop] = "semtimedop",
#endif
#ifdef SYS_sendfile
    [SYS_sendfile] = "sendfile",
#endif
#ifdef SYS_sendmmsg
    [SYS_sendmmsg] = "sendmmsg",
#endif
#ifdef SYS_sendmsg
    [SYS_sendmsg] = "sendmsg",
#endif
#ifdef SYS_sendto
    [SYS_sendto] = "sendto",
#endif
#ifdef SYS_set_robust_list
    [SYS_set_robust_list] = "set_robust_list",
#endif
#ifdef SYS_setsid
    [SYS_setsid] = "setsid",
#endif
#ifdef SYS_socket
    [SYS_socket] = "socket",
#endif
#ifdef SYS_socketpair
    [SYS_socketpair] = "socketpair",
#endif
#ifdef SYS_splice
    [SYS_splice] = "splice",
#endif
#ifdef SYS_stat
    [SYS_stat] = "stat",
#endif
#ifdef SYS_statx
    [SYS_statx] = "statx",
#endif
#ifdef SYS_symlink
    [SYS_symlink] = "symlink",
#endif
#ifdef SYS_sync
    [SYS_sync] = "sync",
#endif
#ifdef SYS_syncfs
    [SYS_syncfs] = "syncfs",
#endif
#ifdef SYS_tee
    [SYS_tee] = "tee",
#endif
#ifdef SYS_tgkill
    [SYS_tgkill] = "tgkill",
#endif
#ifdef SYS_unlink
    [SYS_unlink] = "unlink",
#endif
#ifdef SYS_unlinkat
    [SYS_unlinkat] = "unlinkat",
#endif
#ifdef SYS_vfork
    [SYS_vfork] = "vfork",
#endif
#ifdef SYS_vmsplice
    [SYS_vmsplice] = "vmsplice",
#endif
#ifdef SYS_wait4
    [SYS_wait4] = "wait4",
#endif
#ifdef SYS_waitid
    [SYS_waitid] = "waitid",
#endif
#ifdef SYS_write
    [SYS_write] = "write",
#endif
#ifdef SYS_writev
    [SYS_writev] = "writev",
#endif
};

const char *ps__syscall_name(long nr)
{
    if (nr < 0 || (size_t)nr >= sizeof names / sizeof *names || !names[nr])
        return "";
    return names[nr];
}
