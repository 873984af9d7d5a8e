/* test_trace_examples.c — every program of examples/ traced as a student
 * would trace it (`procsim trace --format csv -o FILE -- PROGRAM`), and
 * the trace read back as a teacher would read it: each process created
 * and ended once, by the parent the program gave it, moving along one
 * path of legal steps; the Blocked causes a student should see (a pipe
 * and its writer, a lock, a join, a sleep); Ready when CPU-bound
 * processes share one CPU; a zombie until its parent reaps it; a stop
 * and a continue by another process; the program's exit status as
 * procsim's own; and nothing left afterwards — no process (this suite is
 * a subreaper, so anything that escaped the trace would become its
 * child) and no file in the TMPDIR the program ran with.
 *
 * The expected causes are the English templates of PS_TRACE_CAUSES
 * (cause.h) with their placeholders filled in from the trace itself (a
 * process's name as it was at that row, its real pid), so a change of
 * wording is a change of the table, not of this file.  Nothing here is
 * timed: waits are bounded, and what is asserted is what the program
 * makes certain (a sleep of 300 ms is seen by samples 10 ms apart).  A
 * process that goes from one blocking call to the next between two
 * samples stays Blocked with the first call's cause (docs/trace.md), so
 * the causes asserted are those of a block that follows a run the samples
 * see: main's first wait, not its later ones. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "procsim/cause.h"

#define EXAMPLES_PY PROCSIM_SOURCE_DIR "/examples/python/"
#define EXAMPLES_C PROCSIM_EXAMPLES_C_DIR "/"
#define RUN_LIMIT_MS 20000 /* a run that takes longer has hung (each takes 1-3 s) */

/* ---- the CSV ------------------------------------------------------------ */

enum { C_TIME, C_PID, C_NAME, C_FROM, C_TO, C_EVENT, C_CAUSE, C_WALL, C_KSTATE, C_REP, C_OSPID,
       NCOL };
static const char header[] = "time,pid,name,from,to,event,cause,wall_us,kstate,reported_by,os_pid";

typedef struct row {
    char *f[NCOL];
} row;

typedef struct csv {
    char *text; /* the fields, unquoted, NUL-terminated, in place */
    row *rows;
    size_t n;
} csv;

/* One field of RFC 4180 at *p (quoted or not), unquoted in place; *p
 * moves past it and its separator, *eol says whether a line ended. */
static char *csv_field(char **p, int *eol)
{
    char *s = *p, *out = s, *start = s;
    if (*s == '"') {
        for (s++; *s; s++) {
            if (*s == '"' && s[1] == '"')
                *out++ = *s++;
            else if (*s == '"') {
                s++;
                break;
            } else
                *out++ = *s;
        }
    } else
        while (*s && *s != ',' && *s != '\n')
            *out++ = *s++;
    *eol = *s != ',';
    if (*s)
        s++;
    *out = 0;
    *p = s;
    return start;
}

static void csv_parse(csv *c, char *text)
{
    c->text = text;
    c->rows = NULL;
    c->n = 0;
    char *p = strchr(text, '\n');
    if (!p || (size_t)(p - text) != strlen(header) || strncmp(text, header, strlen(header)))
        fail_msg("the trace's header is not '%s': '%.120s'", header, text);
    p++;
    size_t cap = 0;
    while (*p) {
        if (c->n == cap) {
            cap = cap ? 2 * cap : 256;
            c->rows = realloc(c->rows, cap * sizeof *c->rows);
            assert_non_null(c->rows);
        }
        row *r = &c->rows[c->n];
        int eol = 0, k = 0;
        while (!eol) {
            char *f = csv_field(&p, &eol);
            if (k < NCOL)
                r->f[k] = f;
            k++;
        }
        if (k != NCOL)
            fail_msg("trace row %zu has %d fields, not %d", c->n + 2, k, NCOL);
        c->n++;
    }
}

static int is_note(const row *r)
{
    return !*r->f[C_FROM] && !*r->f[C_TO];
}

/* ---- the processes of a trace -------------------------------------------- */

#define MAX_PROCS 64
#define MAX_ROLES 12

typedef struct proc {
    const char *pid;  /* the slot, as the trace writes it */
    const char *os_pid;
    size_t first, created, exited, reaped; /* rows; (size_t)-1: none */
    int role;         /* index in the case's roles, -1 none */
} proc;

typedef struct tree {
    const csv *c;
    proc p[MAX_PROCS];
    int n;
} tree;

#define NONE ((size_t)-1)

static proc *tree_find(tree *t, const char *pid)
{
    for (int i = 0; i < t->n; i++)
        if (!strcmp(t->p[i].pid, pid))
            return &t->p[i];
    return NULL;
}

/* The name process `p` had at row `at` (its latest row up to there). */
static const char *name_at(const tree *t, const proc *p, size_t at)
{
    const char *name = t->c->rows[p->first].f[C_NAME];
    for (size_t i = p->first; i <= at && i < t->c->n; i++)
        if (!strcmp(t->c->rows[i].f[C_PID], p->pid))
            name = t->c->rows[i].f[C_NAME];
    return name;
}

static const char *final_name(const tree *t, const proc *p)
{
    return name_at(t, p, t->c->n - 1);
}

/* Every process's rows tell one story: created first (from nothing to
 * New), each step starting where the last one ended, one end (to Exit)
 * after which nothing moves, and one reaping after that. */
static void tree_build(tree *t, const csv *c)
{
    memset(t, 0, sizeof *t);
    t->c = c;
    const char *last_to[MAX_PROCS] = {0};
    for (size_t i = 0; i < c->n; i++) {
        const row *r = &c->rows[i];
        if (!strcmp(r->f[C_PID], "0") || !*r->f[C_PID])
            continue; /* a note about no process (a warning) */
        proc *p = tree_find(t, r->f[C_PID]);
        if (!p) {
            if (t->n == MAX_PROCS)
                fail_msg("more than %d processes in the trace", MAX_PROCS);
            p = &t->p[t->n++];
            *p = (proc){r->f[C_PID], r->f[C_OSPID], i, NONE, NONE, NONE, -1};
        }
        int k = (int)(p - t->p);
        if (strcmp(r->f[C_OSPID], p->os_pid))
            fail_msg("row %zu: process %s has os_pid %s, earlier %s", i + 2, p->pid,
                     r->f[C_OSPID], p->os_pid);
        if (is_note(r)) {
            if (!strcmp(r->f[C_EVENT], "reaped")) {
                if (p->reaped != NONE)
                    fail_msg("row %zu: process %s reaped twice", i + 2, p->pid);
                if (p->exited == NONE)
                    fail_msg("row %zu: process %s reaped before its exit", i + 2, p->pid);
                p->reaped = i;
            }
            continue;
        }
        if (p->exited != NONE)
            fail_msg("row %zu: process %s moves after its exit", i + 2, p->pid);
        if (p->created == NONE) {
            if (*r->f[C_FROM] || strcmp(r->f[C_TO], "new") || strcmp(r->f[C_EVENT], "create"))
                fail_msg("row %zu: process %s's first move is %s -> %s (%s), not its creation",
                         i + 2, p->pid, r->f[C_FROM], r->f[C_TO], r->f[C_EVENT]);
            p->created = i;
        } else if (strcmp(r->f[C_FROM], last_to[k]))
            fail_msg("row %zu: process %s moves from %s, but it was in %s", i + 2, p->pid,
                     r->f[C_FROM], last_to[k]);
        last_to[k] = r->f[C_TO];
        if (!strcmp(r->f[C_TO], "exit"))
            p->exited = i;
    }
    for (int i = 0; i < t->n; i++) {
        const proc *p = &t->p[i];
        if (p->created == NONE || p->exited == NONE || p->reaped == NONE)
            fail_msg("process %s (%s, os pid %s): %s", p->pid, final_name(t, p), p->os_pid,
                     p->created == NONE ? "never created"
                     : p->exited == NONE ? "never ended"
                                         : "never reaped");
    }
}

/* ---- what a case expects ------------------------------------------------- */

/* A role: `count` processes (0: one; -1: one per online CPU, as Python's
 * cpu_count()) whose last name matches `name` (fnmatch), forked by a
 * process of role `parent` (NULL: COMMAND, started by procsim). */
typedef struct role {
    const char *role, *name, *parent;
    int count;
} role;

/* A row some process of `role` must have (every one of them with `each`):
 * a move (from/to state tokens, NULL: any; event NULL: any) whose cause is
 * row `cause` of cause.h, its first wording (`otherwise` 0), its second
 * (1) or either (EITHER: the program leaves it to the scheduler),
 * with a and b filling its placeholders: a role's name gives that
 * process's name and real pid to {proc a} and {pid a}; anything else is a
 * pattern for every placeholder of it ("*", "SIGSTOP", "300").  Or a note
 * (`note` its token) whose text matches `text`.  At least `times` such
 * rows (0: one). */
typedef struct expect {
    const char *role;
    const char *from, *to, *event;
    ps_cause cause;
    int otherwise;
    const char *a, *b;
    const char *note, *text;
    int each;
    int times;
} expect;

#define MAX_EXPECT 12
#define NO_CAUSE PS_CAUSE_COUNT
#define EITHER 2

typedef struct example {
    const char *title;
    int python;                 /* needs python3 */
    const char *argv[8];        /* COMMAND; a leading "py:" or "c:" names an example */
    const char *opts[4];        /* procsim trace's own options */
    int status;                 /* procsim's exit status */
    const char *out, *out_not;  /* patterns of the program's output (NULL: any) */
    role roles[MAX_ROLES];
    expect rows[MAX_EXPECT];
} example;

static int role_index(const example *ex, const char *name)
{
    for (int i = 0; name && i < MAX_ROLES && ex->roles[i].role; i++)
        if (!strcmp(ex->roles[i].role, name))
            return i;
    return -1;
}

static int role_count(const role *r)
{
    return r->count == -1 ? (int)sysconf(_SC_NPROCESSORS_ONLN) : r->count ? r->count : 1;
}

/* The one process of role k (NULL if it has several or none). */
static const proc *role_proc(const tree *t, int k)
{
    const proc *found = NULL;
    for (int i = 0; i < t->n; i++)
        if (t->p[i].role == k) {
            if (found)
                return NULL;
            found = &t->p[i];
        }
    return found;
}

/* Each process gets the first role its name and parent fit that is not
 * yet full, in the order they were created (a role of one process before
 * a later one of the same name). */
static void assign_roles(tree *t, const example *ex)
{
    int filled[MAX_ROLES] = {0};
    for (int i = 0; i < t->n; i++) {
        proc *p = &t->p[i];
        const char *cause = t->c->rows[p->created].f[C_CAUSE];
        for (int k = 0; k < MAX_ROLES && ex->roles[k].role && p->role < 0; k++) {
            const role *r = &ex->roles[k];
            if (filled[k] == role_count(r) || fnmatch(r->name, final_name(t, p), 0))
                continue;
            char want[160];
            if (!r->parent)
                snprintf(want, sizeof want, "%s",
                         ps_cause_template(PS_CAUSE_FORKED, PS_LANG_EN, true));
            else {
                const proc *parent = role_proc(t, role_index(ex, r->parent));
                if (!parent)
                    continue;
                /* the parent's name then, its real pid */
                char tmpl[160];
                snprintf(tmpl, sizeof tmpl, "%s",
                         ps_cause_template(PS_CAUSE_FORKED, PS_LANG_EN, false));
                char *o = want, *end = want + sizeof want - 1;
                for (const char *s = tmpl; *s && o < end;) {
                    ps_cause_slot slot;
                    size_t len = ps_cause_slot_at(s, &slot);
                    const char *put = slot == PS_SLOT_PROC_A ? name_at(t, parent, p->created)
                                      : slot == PS_SLOT_PID_A ? parent->os_pid
                                                              : NULL;
                    if (len && put) {
                        o += snprintf(o, (size_t)(end - o), "%s", put);
                        s += len;
                    } else
                        *o++ = *s++;
                }
                *o = 0;
            }
            if (strcmp(cause, want))
                continue;
            p->role = k;
            filled[k]++;
        }
        if (p->role < 0)
            fail_msg("%s: process %s (%s, os pid %s, '%s') is none the program makes",
                     ex->title, p->pid, final_name(t, p), p->os_pid, cause);
    }
    for (int k = 0; k < MAX_ROLES && ex->roles[k].role; k++)
        if (filled[k] != role_count(&ex->roles[k]))
            fail_msg("%s: %d processes are %s (named %s), not %d", ex->title, filled[k],
                     ex->roles[k].role, ex->roles[k].name, role_count(&ex->roles[k]));
}

/* Append `s` to a pattern, its own wildcards made literal. */
static char *put_literal(char *o, char *end, const char *s)
{
    for (; *s && o + 2 < end; s++) {
        if (strchr("*?[\\", *s))
            *o++ = '\\';
        *o++ = *s;
    }
    return o;
}

/* The pattern a cause's text must match at row `at`. */
static void cause_pattern(const tree *t, const example *ex, const expect *e, int otherwise,
                          size_t at, char *out, size_t size)
{
    const char *tmpl = ps_cause_template(e->cause, PS_LANG_EN, otherwise);
    const proc *pa = role_proc(t, role_index(ex, e->a)), *pb = role_proc(t, role_index(ex, e->b));
    int a_is_role = role_index(ex, e->a) >= 0, b_is_role = role_index(ex, e->b) >= 0;
    char *o = out, *end = out + size;
    for (const char *s = tmpl; *s && o + 2 < end;) {
        ps_cause_slot slot;
        size_t len = ps_cause_slot_at(s, &slot);
        if (!len) {
            char c[2] = {*s++, 0};
            o = put_literal(o, end, c);
            continue;
        }
        s += len;
        int on_a = slot == PS_SLOT_A || slot == PS_SLOT_PROC_A || slot == PS_SLOT_PID_A ||
                   slot == PS_SLOT_SIG_A;
        const char *v = on_a ? e->a : e->b;
        const proc *p = on_a ? pa : pb;
        int is_role = on_a ? a_is_role : b_is_role;
        int is_proc = slot == PS_SLOT_PROC_A || slot == PS_SLOT_PROC_B;
        int is_pid = slot == PS_SLOT_PID_A || slot == PS_SLOT_PID_B;
        if (is_role && (is_proc || is_pid)) {
            if (!p) /* a role of several: any of them */
                o += snprintf(o, (size_t)(end - o), "*");
            else
                o = put_literal(o, end, is_proc ? name_at(t, p, at) : p->os_pid);
        } else
            o += snprintf(o, (size_t)(end - o), "%s", v ? v : "*");
    }
    *o = 0;
}

static int row_fits(const tree *t, const example *ex, const expect *e, size_t i)
{
    const row *r = &t->c->rows[i];
    if (e->note) {
        return is_note(r) && !strcmp(r->f[C_EVENT], e->note) &&
               !fnmatch(e->text ? e->text : "*", r->f[C_CAUSE], 0);
    }
    if (is_note(r) || (e->from && strcmp(e->from, r->f[C_FROM])) ||
        (e->to && strcmp(e->to, r->f[C_TO])) || (e->event && strcmp(e->event, r->f[C_EVENT])))
        return 0;
    if (e->cause == NO_CAUSE)
        return 1;
    for (int w = 0; w < 2; w++) {
        char pat[256];
        if (e->otherwise != EITHER && e->otherwise != w)
            continue;
        cause_pattern(t, ex, e, w, i, pat, sizeof pat);
        if (!fnmatch(pat, r->f[C_CAUSE], 0))
            return 1;
    }
    return 0;
}

static void check_expect(const tree *t, const example *ex, const expect *e)
{
    int k = role_index(ex, e->role);
    if (k < 0)
        fail_msg("%s: expectation about no role '%s'", ex->title, e->role);
    int seen = 0, procs = 0;
    for (int j = 0; j < t->n; j++) {
        if (t->p[j].role != k)
            continue;
        procs++;
        int found = 0;
        for (size_t i = 0; i < t->c->n; i++)
            found += !strcmp(t->c->rows[i].f[C_PID], t->p[j].pid) && row_fits(t, ex, e, i);
        seen += found >= (e->times ? e->times : 1);
    }
    if (seen == 0 || (e->each && seen != procs)) {
        char pat[256] = "";
        if (!e->note && e->cause != NO_CAUSE)
            cause_pattern(t, ex, e, e->otherwise == 1, t->c->n - 1, pat, sizeof pat);
        fail_msg("%s: %s of %d %s processes had %s%d %s %s -> %s (%s) '%s'", ex->title,
                 e->each ? "only some" : "none", procs, e->role, e->times ? "at least " : "",
                 e->times ? e->times : 1, e->note ? "note" : "move",
                 e->from ? e->from : "*", e->to ? e->to : "*",
                 e->note ? e->note : e->event ? e->event : "*",
                 e->note ? (e->text ? e->text : "*") : pat);
    }
}

/* ---- running procsim ----------------------------------------------------- */

typedef struct traced {
    int status;  /* procsim's exit status, or 128 + its signal */
    char *out;   /* its stdout and stderr (the program's output among them) */
    char *trace; /* the -o file */
} traced;

static char dir[] = "/tmp/procsim-test-examples-XXXXXX";
static char tmpdir[sizeof dir + 8]; /* the traced program's TMPDIR */

static char *slurp_fd(int fd)
{
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    assert_non_null(buf);
    ssize_t got;
    while ((got = read(fd, buf + len, cap - len - 1)) > 0) {
        len += (size_t)got;
        if (cap - len < 2) {
            buf = realloc(buf, cap *= 2);
            assert_non_null(buf);
        }
    }
    buf[len] = 0;
    return buf;
}

static char *slurp(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail_msg("%s: %s", path, strerror(errno));
    char *s = slurp_fd(fd);
    close(fd);
    return s;
}

static void nap_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* The Python interpreter itself, as Python names it: `python3` on PATH
 * may be a wrapper (pyenv's is a shell script with children of its own)
 * that would be traced too.  "" when there is none. */
static char python[1024];

static void find_python(void)
{
    FILE *f = popen("python3 -c 'import sys; print(sys.executable)' 2>/dev/null", "r");
    if (!f)
        return;
    if (!fgets(python, sizeof python, f))
        python[0] = 0;
    python[strcspn(python, "\n")] = 0;
    pclose(f);
}

/* procsim trace --format csv -o TRACE OPTS -- COMMAND, its stdout and
 * stderr through a pipe; the child gets TMPDIR=tmpdir.  Returns its pid
 * (the pipe's read end in *out_fd). */
static pid_t start_procsim(const char *const *opts, const char *const *argv, const char *trace,
                           int *out_fd)
{
    const char *av[32];
    int n = 0;
    av[n++] = PROCSIM_BINARY;
    av[n++] = "trace";
    av[n++] = "--format";
    av[n++] = "csv";
    av[n++] = "-o";
    av[n++] = trace;
    for (int i = 0; opts[i]; i++)
        av[n++] = opts[i];
    av[n++] = "--";
    static char paths[8][1100];
    for (int i = 0; argv[i]; i++) {
        if (!strncmp(argv[i], "py:", 3))
            snprintf(paths[i], sizeof paths[i], "%s%s", EXAMPLES_PY, argv[i] + 3);
        else if (!strcmp(argv[i], "python3"))
            snprintf(paths[i], sizeof paths[i], "%s", python);
        else if (!strncmp(argv[i], "c:", 2))
            snprintf(paths[i], sizeof paths[i], "%s%s", EXAMPLES_C, argv[i] + 2);
        else
            snprintf(paths[i], sizeof paths[i], "%s", argv[i]);
        av[n++] = paths[i];
    }
    av[n] = NULL;
    int fds[2];
    assert_int_equal(pipe2(fds, O_CLOEXEC), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (dup2(fds[1], 1) < 0 || dup2(fds[1], 2) < 0 || setenv("TMPDIR", tmpdir, 1))
            _exit(98);
        execv(av[0], (char *const *)av);
        _exit(99);
    }
    close(fds[1]);
    *out_fd = fds[0];
    return pid;
}

/* Its output until it closes, and its status; a run that outlasts
 * RUN_LIMIT_MS is killed and fails. */
static int finish_procsim(pid_t pid, int fd, char **out)
{
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (int waited = 0;;) {
        struct pollfd pfd = {fd, POLLIN, 0};
        int r = poll(&pfd, 1, 100);
        if (r == 0 && (waited += 100) > RUN_LIMIT_MS) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            close(fd);
            buf[len] = 0;
            *out = buf; /* the caller's to free */
            fail_msg("procsim trace ran longer than %d ms; it said:\n%s", RUN_LIMIT_MS, buf);
        }
        if (r <= 0)
            continue;
        ssize_t got = read(fd, buf + len, cap - len - 1);
        if (got <= 0)
            break;
        len += (size_t)got;
        if (cap - len < 2) {
            buf = realloc(buf, cap *= 2);
            assert_non_null(buf);
        }
    }
    buf[len] = 0;
    close(fd);
    *out = buf;
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* ---- nothing left -------------------------------------------------------- */

/* The processes whose parent is this suite, now. */
static int my_children(pid_t *out, int max)
{
    DIR *d = opendir("/proc");
    struct dirent *de;
    int n = 0;
    while (d && (de = readdir(d))) {
        char path[300], buf[512];
        snprintf(path, sizeof path, "/proc/%s/stat", de->d_name);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        ssize_t got = read(fd, buf, sizeof buf - 1);
        close(fd);
        buf[got > 0 ? got : 0] = 0;
        char *p = strrchr(buf, ')');
        int ppid;
        char st;
        if (p && sscanf(p + 2, "%c %d", &st, &ppid) == 2 && ppid == getpid() && n < max)
            out[n++] = atoi(de->d_name);
    }
    if (d)
        closedir(d);
    return n;
}

/* The name of process pid, "" if gone. */
static void comm_of(pid_t pid, char *buf, size_t size)
{
    char path[40];
    snprintf(path, sizeof path, "/proc/%d/comm", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t got = fd >= 0 ? read(fd, buf, size - 1) : 0;
    buf[got > 0 ? got - 1 : 0] = 0;
    if (fd >= 0)
        close(fd);
}

/* No process of the trace is left: none comes to this suite (the
 * subreaper of everything below it), alive or a zombie.  After a normal
 * end (`ended` NULL) procsim has reaped all before it exits.  After a
 * SIGKILL of procsim, the tree's processes come here as they die, within
 * `grace_ms`: each must have been killed by SIGKILL, unless it had ended
 * before (`ended` holds " PID " for each of those). */
static void assert_nothing_left(const char *title, long grace_ms, const char *ended)
{
    for (long waited = 0;; waited += 10) {
        siginfo_t si;
        si.si_pid = 0;
        if (waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) < 0) {
            if (errno == ECHILD)
                break;
            fail_msg("%s: waitid: %s", title, strerror(errno));
        }
        if (si.si_pid) {
            char what[64], key[24];
            comm_of(si.si_pid, what, sizeof what);
            waitpid(si.si_pid, NULL, 0);
            snprintf(key, sizeof key, " %d ", (int)si.si_pid);
            if (!ended)
                fail_msg("%s: process %d (%s) was left to this suite, which reaped it", title,
                         (int)si.si_pid, what);
            if (!(si.si_code == CLD_KILLED && si.si_status == SIGKILL) && !strstr(ended, key))
                fail_msg("%s: process %d (%s) outlived procsim and %s %d", title, (int)si.si_pid,
                         what, si.si_code == CLD_EXITED ? "exited with" : "died of signal",
                         si.si_status);
            continue;
        }
        if (waited >= grace_ms) {
            pid_t left[16];
            int n = my_children(left, 16);
            for (int i = 0; i < n; i++)
                kill(left[i], SIGKILL);
            while (waitpid(-1, NULL, 0) > 0)
                ;
            fail_msg("%s: %d processes of the trace were left running", title, n);
        }
        nap_ms(10);
    }
    DIR *d = opendir(tmpdir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
            fail_msg("%s: %s/%s was left behind", title, tmpdir, de->d_name);
    closedir(d);
}

/* ---- the examples -------------------------------------------------------- */

#define PY(file) "python3", "py:" file
#define ANY NO_CAUSE

static const example examples[] = {
    {"start_join.py", 1, {PY("start_join.py")}, {NULL}, 0,
     "*slow alive after join(0.5): True\nslow: False -15\nquick: False 0\n*", NULL,
     {{"main", "python3*", NULL, 0}, {"slow", "slow", "main", 0}, {"quick", "quick", "main", 0}},
     {/* join(timeout=0.5) waits on the process's sentinel */
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_POLL, 0, "1", NULL, NULL, NULL, 0, 0},
      {"slow", NULL, "blocked", NULL, PS_CAUSE_SYS_SLEEP, 0, "*", NULL, NULL, NULL, 0, 0},
      /* terminate() is SIGTERM; the join reaps it */
      {"slow", NULL, NULL, NULL, ANY, 0, NULL, NULL, "signal", "*SIGTERM*", 0, 0},
      {"slow", NULL, "exit", "kill", PS_CAUSE_KILLED_BY, EITHER, "SIGTERM", "main", NULL, NULL, 0,
       0},
      {"quick", NULL, "exit", "release", PS_CAUSE_EXIT_STATUS, EITHER, "0", "main", NULL, NULL, 0,
       0},
      {"quick", NULL, NULL, NULL, ANY, 0, NULL, NULL, "reaped", "*", 0, 0},
      {"main", NULL, "exit", "release", PS_CAUSE_EXIT_STATUS, 1, "0", NULL, NULL, NULL, 0, 0}}},
    {"nine_processes.py", 1, {PY("nine_processes.py")}, {NULL}, 0, "*main * joined 9\n*", NULL,
     {{"main", "python3*", NULL, 0}, {"alpha", "alpha", "main", 0}, {"beta", "beta", "main", 0},
      {"gamma", "gamma", "main", 0}, {"delta", "delta", "main", 0},
      {"epsilon", "epsilon", "main", 0}, {"zeta", "zeta", "main", 0}, {"eta", "eta", "main", 0},
      {"theta", "theta", "main", 0}, {"iota", "iota", "main", 0}},
     {{"alpha", NULL, NULL, NULL, ANY, 0, NULL, NULL, "name", "*alpha*", 0, 0},
      {"iota", NULL, "blocked", NULL, PS_CAUSE_SYS_SLEEP, 0, "*", NULL, NULL, NULL, 0, 0},
      /* joined in order: alpha first, while all nine sleep */
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_WAIT4, 0, "alpha", NULL, NULL, NULL, 0, 0}}},
    {"pool_as_completed.py on one CPU", 1, {PY("pool_as_completed.py")}, {"--cpus", "1"}, 0,
     "*sum 285\n*", NULL,
     {{"main", "python3*", NULL, 0}, {"worker", "ForkProcess-*", "main", 4}},
     {/* four CPU-bound workers on one CPU take turns */
      {"worker", NULL, "ready", NULL, ANY, 0, NULL, NULL, NULL, NULL, 0, 0},
      {"worker", "ready", "running", NULL, ANY, 0, NULL, NULL, NULL, NULL, 0, 0},
      /* the executor's threads in main */
      {"main", NULL, NULL, NULL, ANY, 0, NULL, NULL, "threads", "*", 0, 0},
      {"worker", NULL, "exit", "release", PS_CAUSE_EXIT_STATUS, EITHER, "0", "main", NULL, NULL,
       1, 0}}},
    {"pool_imap.py", 1, {PY("pool_imap.py")}, {NULL}, 0, "*sum 285\n*", NULL,
     {{"main", "python3*", NULL, 0}, {"worker", "ForkPoolWorker-*", "main", 4}},
     {{"worker", NULL, "running", NULL, ANY, 0, NULL, NULL, NULL, NULL, 0, 0}}},
    {"value_race.py", 1, {PY("value_race.py")}, {NULL}, 0, "*expected 450 got *",
     "*expected 450 got 450*",
     {{"main", "python3*", NULL, 0}, {"worker", "Process-*", "main", 9}},
     {{"worker", NULL, "running", NULL, ANY, 0, NULL, NULL, NULL, NULL, 0, 0},
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_WAIT4, 0, "worker", NULL, NULL, NULL, 0, 0}}},
    {"value_lock.py", 1, {PY("value_lock.py")}, {NULL}, 0, "*expected 450 got 450\n*", NULL,
     {{"main", "python3*", NULL, 0}, {"worker", "Process-*", "main", 9}},
     {/* the others wait for the one holding the lock */
      {"worker", NULL, "blocked", NULL, PS_CAUSE_SYS_FUTEX_LOCK, 0, NULL, NULL, NULL, NULL, 0, 0}}},
    {"queue_sentinel.py", 1, {PY("queue_sentinel.py")}, {NULL}, 0, "*total 15\n*", NULL,
     {{"main", "python3*", NULL, 0}, {"producer", "producer", "main", 0},
      {"consumer", "consumer", "main", 0}},
     {/* the consumer waits on the queue's pipe (its writer: any holder) */
      {"consumer", NULL, "blocked", NULL, PS_CAUSE_SYS_PIPE_READ, 0, "*", NULL, NULL, NULL, 0, 0},
      {"producer", NULL, "blocked", NULL, PS_CAUSE_SYS_SLEEP, 0, "*", NULL, NULL, NULL, 0, 0},
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_WAIT4, 0, "producer", NULL, NULL, NULL, 0, 0}}},
    {"pipe.py", 1, {PY("pipe.py")}, {NULL}, 0, "*49\n*", NULL,
     {{"main", "python3*", NULL, 0}, {"child", "child", "main", 0}},
     {/* Pipe() is a socketpair: the child waits for main's end */
      {"child", NULL, "blocked", NULL, PS_CAUSE_SYS_SOCKET_READ, 0, "main", NULL, NULL, NULL, 0, 0},
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_SLEEP, 0, "*", NULL, NULL, NULL, 0, 0}}},
    {"crawler.py", 1, {PY("crawler.py")}, {NULL}, 0, "*9 pages by * consumers\n*", NULL,
     {{"main", "python3*", NULL, 0}, {"manager", "SyncManager-*", "main", 0},
      {"producer", "producer", "main", 0}, {"consumer", "Process-*", "main", -1}},
     {/* the network is a sleep of 200 ms (a consumer whose first wait was
         for the queue's lock shows that cause on: see the top) */
      {"consumer", NULL, "blocked", NULL, PS_CAUSE_SYS_SLEEP, 0, "*", NULL, NULL, NULL, 0, 0},
      {"manager", NULL, "blocked", NULL, ANY, 0, NULL, NULL, NULL, NULL, 0, 0}}},
    {"fork_exec_wait.c", 0, {"c:fork_exec_wait"}, {NULL}, 0, "*exited with status 0\n*", NULL,
     {{"main", "fork_exec_wait", NULL, 0}, {"child", "sleep", "main", 0}},
     {{"child", NULL, NULL, NULL, ANY, 0, NULL, NULL, "exec", "*sleep 0.5*", 0, 0},
      {"child", NULL, "blocked", NULL, PS_CAUSE_SYS_SLEEP, 0, "*", NULL, NULL, NULL, 0, 0},
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_WAIT4, 0, "child", NULL, NULL, NULL, 0, 0}}},
    {"fork_exec_wait.c: the status passes through", 0,
     {"c:fork_exec_wait", "sh", "-c", "sleep 0.2; exit 7"}, {NULL}, 7, "*exited with status 7\n*",
     NULL,
     {{"main", "fork_exec_wait", NULL, 0}, {"child", "sh", "main", 0},
      {"sleep", "sleep", "child", 0}},
     {{"child", NULL, "exit", "release", PS_CAUSE_EXIT_STATUS, EITHER, "7", "main", NULL, NULL, 0,
       0},
      {"main", NULL, "exit", "release", PS_CAUSE_EXIT_STATUS, 1, "7", NULL, NULL, NULL, 0, 0}}},
    {"a command killed by a signal: 128 + N", 0, {"sh", "-c", "kill -TERM $$"}, {NULL}, 143, NULL,
     NULL, {{"main", "sh", NULL, 0}},
     {{"main", NULL, "exit", "kill", PS_CAUSE_KILLED_BY, 1, "SIGTERM", NULL, NULL, NULL, 0, 0}}},
    {"pipe.c", 0, {"c:pipe"}, {NULL}, 0, "*read: one\n*read: three\n*end of the pipe\n*", NULL,
     {{"main", "pipe", NULL, 0}, {"child", "pipe", "main", 0}},
     {/* the child reads what main writes: main is the only writer; it
         wakes for each line and waits again, between samples (trace.h:
         moved along the legal path the evidence implies) */
      {"child", NULL, "blocked", NULL, PS_CAUSE_SYS_PIPE_READ, 0, "main", NULL, NULL, NULL, 0, 3},
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_SLEEP, 0, "300", NULL, NULL, NULL, 0, 0}}},
    {"zombie_orphan.c", 0, {"c:zombie_orphan"}, {NULL}, 0, "*reaped, status 0\n*", NULL,
     {{"main", "zombie_orphan", NULL, 0}, {"zombie", "zombie_orphan", "main", 0},
      {"middle", "zombie_orphan", "main", 0}, {"orphan", "zombie_orphan", "middle", 0}},
     {/* dead, and not reaped by main for a second */
      {"zombie", NULL, "exit", "release", PS_CAUSE_EXIT_STATUS, 0, "0", "main", NULL, NULL, 0, 0},
      {"zombie", NULL, NULL, NULL, ANY, 0, NULL, NULL, "reaped", "*", 0, 0},
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_WAIT4, 0, "middle", NULL, NULL, NULL, 0, 0},
      /* its parent ends first: adopted by procsim, which reaps it */
      {"orphan", NULL, NULL, NULL, ANY, 0, NULL, NULL, "adopted", "*", 0, 0},
      {"orphan", NULL, "exit", "release", PS_CAUSE_EXIT_STATUS, 1, "0", NULL, NULL, NULL, 0, 0}}},
    {"stop_cont.c", 0, {"c:stop_cont"}, {NULL}, 0, "*continued *exited with status 0\n*", NULL,
     {{"main", "stop_cont", NULL, 0}, {"child", "stop_cont", "main", 0}},
     {/* stopped while computing: Ready/Suspend, the sender named */
      {"child", NULL, "ready-suspended", "suspend", PS_CAUSE_STOPPED_BY, 0, "main", "SIGSTOP", NULL,
       NULL, 0, 0},
      {"child", "ready-suspended", "ready", "activate", PS_CAUSE_CONTINUED_BY, 0, "main", NULL,
       NULL, NULL, 0, 0},
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_SLEEP, 0, "200", NULL, NULL, NULL, 0, 0}}},
    {"cpu_hogs.c on one CPU", 0, {"c:cpu_hogs", "3"}, {"--cpus", "1"}, 0, "*3 hogs done\n*", NULL,
     {{"main", "cpu_hogs", NULL, 0}, {"hog", "cpu_hogs", "main", 3}},
     {/* three of them, one CPU: they wait for it, and take turns on it
         (each is seen on it at a sample, not only as it exits) */
      {"hog", NULL, "ready", NULL, PS_CAUSE_WAITING_CPU, EITHER, "hog", "*", NULL, NULL, 0, 0},
      {"hog", "ready", "running", NULL, PS_CAUSE_ON_CPU, 0, "*", NULL, NULL, NULL, 1, 0},
      {"main", NULL, "blocked", NULL, PS_CAUSE_SYS_WAIT4, 1, NULL, NULL, NULL, NULL, 0, 0}}},
};

/* ---- the suite ----------------------------------------------------------- */

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(tmpdir, sizeof tmpdir, "%s/tmp", dir);
    find_python();
    /* anything that escapes a trace becomes this suite's child */
    return mkdir(tmpdir, 0700) || prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* The contents of the TMPDIR, not the folder itself. */
static int remove_below(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    return ftw->level ? remove_one(path, st, flag, ftw) : 0;
}

/* Whatever a failed case left (its assertions say what it was) goes. */

/* What a case holds, kept here so that a failed case's (which leaves by
 * a long jump) is freed by the next one or the teardown. */
static traced r;
static csv c;

static void release(void)
{
    free(r.out);
    free(r.trace);
    free(c.rows);
    memset(&r, 0, sizeof r);
    memset(&c, 0, sizeof c);
}

static void trace_one(const example *ex)
{
    release();
    nftw(tmpdir, remove_below, 8, FTW_DEPTH | FTW_PHYS); /* after a failed case */
    char trace[sizeof dir + 16];
    snprintf(trace, sizeof trace, "%s/trace.csv", dir);
    int fd;
    pid_t pid = start_procsim(ex->opts, ex->argv, trace, &fd);
    r.status = finish_procsim(pid, fd, &r.out);
    assert_nothing_left(ex->title, 0, NULL);
    if (access(trace, F_OK))
        fail_msg("%s: procsim exited %d and wrote no trace; it said:\n%s", ex->title, r.status,
                 r.out);
    r.trace = slurp(trace);
    assert_int_equal(unlink(trace), 0);
    if (r.status != ex->status)
        fail_msg("%s: procsim exited %d, not %d; it said:\n%s", ex->title, r.status, ex->status,
                 r.out);
    if ((ex->out && fnmatch(ex->out, r.out, 0)) || (ex->out_not && !fnmatch(ex->out_not, r.out, 0)))
        fail_msg("%s: the program's output is not '%s'%s%s:\n%s", ex->title, ex->out,
                 ex->out_not ? " without " : "", ex->out_not ? ex->out_not : "", r.out);
    csv_parse(&c, r.trace);
    tree t;
    tree_build(&t, &c);
    assign_roles(&t, ex);
    for (int i = 0; i < MAX_EXPECT && ex->rows[i].role; i++)
        check_expect(&t, ex, &ex->rows[i]);
    release();
}

static int teardown(void **state)
{
    (void)state;
    release();
    return nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

static void each_example_traced(void **state)
{
    const example *ex = *state;
    if (ex->python && !python[0])
        skip();
    trace_one(ex);
}

/* SIGKILL of procsim in the middle of zombie_orphan, once the orphan has
 * been adopted: procsim cannot clean up, yet nothing of the tree
 * survives it (PTRACE_O_EXITKILL; the command's PDEATHSIG), and the trace
 * written so far is there, streamed. */
static void nothing_left_after_sigkill(void **state)
{
    (void)state;
    char trace[sizeof dir + 16];
    snprintf(trace, sizeof trace, "%s/killed.csv", dir);
    static const char *const none[] = {NULL}, *const argv[] = {"c:zombie_orphan", NULL};
    int fd;
    pid_t pid = start_procsim(none, argv, trace, &fd);
    int adopted = 0;
    for (int waited = 0; !adopted && waited < RUN_LIMIT_MS; waited += 10) {
        nap_ms(10);
        int tfd = open(trace, O_RDONLY | O_CLOEXEC);
        if (tfd < 0)
            continue;
        char *s = slurp_fd(tfd);
        close(tfd);
        adopted = strstr(s, ",,,adopted,") != NULL;
        free(s);
    }
    kill(pid, SIGKILL);
    release();
    int status = finish_procsim(pid, fd, &r.out);
    assert_int_equal(status, 128 + SIGKILL);
    if (!adopted)
        fail_msg("zombie_orphan: no adopted note was streamed to %s", trace);
    /* those that had ended (the zombie, the middle one) may come here
       with their own status; the rest must have been killed */
    char ended[1024] = " ";
    r.trace = slurp(trace);
    csv_parse(&c, r.trace);
    for (size_t i = 0; i < c.n; i++)
        if (!strcmp(c.rows[i].f[C_TO], "exit") && strlen(ended) + 24 < sizeof ended)
            strcat(strcat(ended, c.rows[i].f[C_OSPID]), " ");
    release();
    /* the tree's processes come to this suite as they die: bounded wait */
    assert_nothing_left("zombie_orphan after SIGKILL of procsim", 10000, ended);
    assert_int_equal(unlink(trace), 0);
}

/* test_trace_examples [WORD]: only the cases whose title holds WORD. */
int main(int argc, char **argv)
{
    enum { N = sizeof examples / sizeof examples[0] };
    struct CMUnitTest tests[N + 1];
    size_t n = 0;
    for (size_t i = 0; i < N; i++)
        if (argc < 2 || strstr(examples[i].title, argv[1]))
            tests[n++] = (struct CMUnitTest){examples[i].title, each_example_traced, NULL, NULL,
                                             (void *)&examples[i]};
    if (argc < 2 || strstr("nothing_left_after_sigkill", argv[1]))
        tests[n++] = (struct CMUnitTest)cmocka_unit_test(nothing_left_after_sigkill);
    return _cmocka_run_group_tests("trace_examples", tests, n, setup, teardown);
}
