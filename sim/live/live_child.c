/* live_child.c — what a live child runs: a small interpreter that reads
 * one command at a time from procsim and carries it out for real, then
 * reports on the shared status pipe.  It never returns into procsim's
 * code and never execs anything.
 *
 * The child does not know the scenario's program: procsim, which is the
 * scheduler, tells it each op when the model executes it, so the real
 * process and the model stay in step (docs/live.md).
 *
 * It runs right after fork, in a copy of a host that may have other
 * threads (the GUI's), whose locks (malloc's, stdio's) may have been held
 * at the fork and are then held for ever: so it makes only
 * async-signal-safe calls, plain system calls, and the process-shared
 * mutex it is there to lock.  What it needs is made before the fork
 * (ps__child_setup): no allocation, no sorting, no stdio here.  It is
 * forked with every signal blocked, and unblocks only once every handler
 * it inherited from the host is back to SIG_DFL.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "live_internal.h"

static const ps__child_setup *cs;
static volatile unsigned char *ws; /* working set */
static int64_t tmp;                /* the register an add reads into */

static void say(ps__msg_kind kind, int64_t value)
{
    ps__msg m = {.index = cs->index, .kind = kind, .value = value};
    if (ps__write_all(cs->status_fd, &m, sizeof m))
        _exit(120); /* procsim is gone */
}

static void next_command(ps__cmd *c)
{
    size_t got = 0;
    while (got < sizeof *c) {
        ssize_t n = read(cs->cmd_fd, (char *)c + got, sizeof *c - got);
        if (n > 0)
            got += (size_t)n;
        else if (n == 0 || errno != EINTR)
            _exit(121); /* procsim closed the pipe: it is gone */
    }
}

static int64_t cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Burn `ns` of this process's own CPU time; time spent stopped does not
 * count, so a preempted burn resumes where it was. */
static void burn(int64_t ns)
{
    int64_t end = ps__sat_add(cpu_ns(), ns);
    volatile uint64_t x = 0;
    while (cpu_ns() < end)
        for (int i = 0; i < 2000; i++)
            x += (uint64_t)i;
}

static void touch(void)
{
    unsigned sum = 0;
    for (size_t off = 0; off < cs->ws_bytes; off += 4096)
        sum += ws[off];
    (void)sum;
}

static void lock(uint32_t m)
{
    int rc = pthread_mutex_lock(&cs->shared.mutex[m]);
    if (rc == EOWNERDEAD) /* the holder was killed: the lock passes on */
        pthread_mutex_consistent(&cs->shared.mutex[m]);
    else if (rc)
        _exit(123);
}

/* Where an add reads and writes: the shared memory, or for a private
 * variable this process's own copy (fork gave it one). */
static volatile int64_t *var(uint32_t v)
{
    return cs->var_private && cs->var_private[v] ? &cs->priv[v] : &cs->shared.var[v];
}

static void run(const ps__cmd *c)
{
    switch ((ps__cmd_op)c->op) {
    case PS__CMD_CPU:
        burn(c->n);
        say(PS__MSG_DONE, 0);
        break;
    case PS__CMD_READ:
        tmp = *var(c->obj);
        say(PS__MSG_DONE, tmp);
        break;
    case PS__CMD_WRITE:
        *var(c->obj) = tmp + 1;
        say(PS__MSG_DONE, tmp + 1);
        break;
    case PS__CMD_SEND:
        if (ps__write_all(cs->chan[c->obj][1], &c->n, sizeof c->n))
            _exit(124);
        say(PS__MSG_DONE, c->n);
        break;
    case PS__CMD_RECV: {
        say(PS__MSG_BLOCKING, 0);
        ps__cmd value;
        next_command(&value); /* blocks in read() until procsim routes one */
        if (value.op != PS__CMD_VALUE)
            _exit(118);
        say(PS__MSG_DONE, value.n);
        break;
    }
    case PS__CMD_LOCK:
        say(PS__MSG_BLOCKING, 0);
        lock(c->obj);
        say(PS__MSG_DONE, 0);
        break;
    case PS__CMD_UNLOCK:
        pthread_mutex_unlock(&cs->shared.mutex[c->obj]);
        say(PS__MSG_DONE, 0);
        break;
    case PS__CMD_BLOCK: {
        say(PS__MSG_BLOCKING, 0);
        ps__cmd next;
        next_command(&next);
        run(&next);
        break;
    }
    case PS__CMD_GO:
        say(PS__MSG_DONE, 0);
        break;
    case PS__CMD_EXIT:
        _exit((int)c->n);
    case PS__CMD_VALUE: /* only ever after a RECV */
        _exit(118);
    case PS__CMD_TOUCH:
        touch();
        say(PS__MSG_DONE, 0);
        break;
    default:
        _exit(125);
    }
}

static int kept(int fd)
{
    for (uint32_t i = 0; i < cs->nkeep && cs->keep[i] <= fd; i++)
        if (cs->keep[i] == fd)
            return 1;
    return 0;
}

/* Keep only the descriptors this child uses (cs->keep, sorted by procsim)
 * and 0-2, with 0 and 1 on /dev/null unless kept: others' command pipes
 * stay out of its hands. */
static void close_others(void)
{
    int from = 3;
    for (uint32_t i = 0; i < cs->nkeep; i++) {
        if (cs->keep[i] > from)
            close_range((unsigned)from, (unsigned)cs->keep[i] - 1, 0);
        if (cs->keep[i] >= from)
            from = cs->keep[i] + 1;
    }
    close_range((unsigned)from, ~0u, 0);
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    for (int fd = 0; fd < 2 && null >= 0; fd++)
        if (fd != null && !kept(fd))
            dup2(null, fd);
    if (null > 1)
        close(null);
}

void ps__child_main(const ps__child_setup *setup)
{
    cs = setup;
    /* Die with procsim, even if it is SIGKILLed while we are stopped; and
     * if it already died before the line above took effect, go now. */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != cs->parent)
        _exit(126);
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    for (int sig = 1; sig < NSIG; sig++)
        if (sig != SIGKILL && sig != SIGSTOP)
            sigaction(sig, &dfl, NULL);
    pthread_sigmask(SIG_SETMASK, cs->mask, NULL);
    close_others();
    if (cs->ws_fd >= 0 && cs->ws_bytes) {
        void *m = mmap(NULL, cs->ws_bytes, PROT_READ, MAP_PRIVATE, cs->ws_fd,
                       (off_t)cs->ws_offset);
        if (m == MAP_FAILED)
            _exit(127);
        ws = m;
        touch();
    }
    say(PS__MSG_HELLO, (int64_t)(uintptr_t)ws);
    for (;;) {
        ps__cmd c;
        next_command(&c);
        run(&c);
    }
}
