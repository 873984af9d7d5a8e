/* test_cli_trace.c — `procsim trace -- COMMAND` end to end (the binary,
 * through clikit.c): its usage errors, COMMAND's exit status passed
 * through, the CSV columns and note rows, the JSON (parsed by the strict
 * checker), the text view's statistics table (the same as run's), -o
 * streamed so that a SIGKILL of procsim leaves the rows it saw and no
 * process of the tree, an interrupt (also one repeated as procsim writes
 * the trace out), --events as real signals shown as the
 * suspend states and kill, and --record writing a scenario that loads and
 * runs.  Waits are bounded; nothing asserts how long anything took.
 * Built without trace mode (PROCSIM_WITH_TRACE 0), only the usage errors
 * and the message saying so are tried. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clikit.h"

extern char **environ;

#define WANTS(opt, range, got)                                                          \
    "procsim trace: " opt " wants a whole number from " range ", got '" got "'\n"
#define EVENTS_WANT "procsim trace: --events wants SECONDS:ACTION:WHO[,...] (SECONDS a time "

/* The temporary files of the test running, removed by its teardown even
 * when it fails half-way. */
static char temps[4][64];
static int ntemps;

/* A temporary file's name (made with mkstemp; see temps). */
static void temp_name(char *buf, size_t size)
{
    snprintf(buf, size, "/tmp/procsim-trace-XXXXXX");
    int fd = mkstemp(buf);
    assert_true(fd >= 0);
    close(fd);
    assert_true(ntemps < 4);
    snprintf(temps[ntemps++], sizeof temps[0], "%s", buf);
}

static int remove_temps(void **state)
{
    (void)state;
    while (ntemps > 0)
        unlink(temps[--ntemps]);
    return 0;
}

/* Split `s` (modified) into lines; returns how many, at most max. */
static size_t lines(char *s, char **line, size_t max)
{
    size_t n = 0;
    for (char *p = strtok(s, "\n"); p && n < max; p = strtok(NULL, "\n"))
        line[n++] = p;
    return n;
}

/* The fields of a CSV row (RFC 4180 quoting), into `f` (pointers into a
 * copy in buf, quotes removed); returns how many. */
static size_t fields(const char *row, char *buf, char **f, size_t max)
{
    size_t n = 0;
    char *o = buf;
    const char *p = row;
    for (;;) {
        if (n == max)
            return n;
        f[n++] = o;
        if (*p == '"') {
            for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
                if (*p == '"')
                    p++;
                *o++ = *p;
            }
            if (*p == '"')
                p++;
        } else {
            while (*p && *p != ',')
                *o++ = *p++;
        }
        *o++ = 0;
        if (*p != ',')
            return n;
        p++;
    }
}

/* Is there a row whose from, to and event fields are these ("*": any)? */
static int has_row(const char *csv, const char *from, const char *to, const char *event)
{
    char *copy = strdup(csv), *line[4096] = {0}, buf[4096], *f[16];
    assert_non_null(copy);
    size_t n = lines(copy, line, 4096);
    int found = 0;
    for (size_t i = 1; i < n && !found; i++) {
        if (strlen(line[i]) >= sizeof buf || fields(line[i], buf, f, 16) != 11)
            continue;
        found = (!strcmp(from, "*") || !strcmp(f[3], from)) &&
                (!strcmp(to, "*") || !strcmp(f[4], to)) && !strcmp(f[5], event);
    }
    free(copy);
    return found;
}

/* The cases that trace a program need trace mode in the binary. */
static void need_trace(void)
{
    if (!PROCSIM_WITH_TRACE)
        skip();
}

/* ---- usage ------------------------------------------------------------ */

static void usage_errors_say_what_was_wrong(void **state)
{
    (void)state;
    static const cli_case cases[] = {
        {{"trace"}, 2, NULL, "procsim trace: which command? put it after --\n"},
        {{"trace", "--"}, 2, NULL, "procsim trace: which command? nothing follows --\n"},
        {{"trace", "--cpus", "2"}, 2, NULL, "which command? put it after --"},
        {{"trace", "sleep", "1"}, 2, NULL,
         "procsim trace: 'sleep' is no option; the command goes after --, as in procsim "
         "trace -- sleep\n"},
        {{"trace", "--bogus", "--", "true"}, 2, NULL,
         "procsim trace: unknown option '--bogus'; see procsim trace --help\n"},
        {{"trace", "--bogus"}, 2, NULL, "procsim trace: unknown option '--bogus'"},
        {{"trace", "--cpus", "--", "true"}, 2, NULL,
         "procsim trace: --cpus wants a value; see procsim trace --help\n"},
        {{"trace", "-o"}, 2, NULL, "procsim trace: -o wants a value"},
        {{"trace", "--format", "xml", "--", "true"}, 2, NULL,
         "procsim trace: unknown format 'xml'; expected text, csv or json\n"},
        {{"trace", "--lang", "fr", "--", "true"}, 2, NULL,
         "procsim trace: --lang wants en or ko, got 'fr'\n"},
        {{"trace", "--cpus", "0", "--", "true"}, 2, NULL, WANTS("--cpus", "1 to 1024", "0")},
        {{"trace", "--cpus", "2x", "--", "true"}, 2, NULL, WANTS("--cpus", "1 to 1024", "2x")},
        {{"trace", "--sample-ms", "1001", "--", "true"}, 2, NULL,
         WANTS("--sample-ms", "1 to 1000", "1001")},
        {{"trace", "--sample-ms", "ten", "--", "true"}, 2, NULL,
         WANTS("--sample-ms", "1 to 1000", "ten")},
        {{"trace", "--max-procs", "0", "--", "true"}, 2, NULL,
         WANTS("--max-procs", "1 to 65536", "0")},
        {{"trace", "--linger", "-1", "--", "true"}, 2, NULL,
         WANTS("--linger", "0 to 86400", "-1")},
        {{"trace", "--events", "soon", "--", "true"}, 2, NULL, EVENTS_WANT},
        {{"trace", "--events", "0.5:pause:sleep", "--", "true"}, 2, NULL,
         "got '0.5:pause:sleep'\n"},
        {{"trace", "--events", "0.5:kill:", "--", "true"}, 2, NULL, "got '0.5:kill:'\n"},
        {{"trace", "--events", "0.1234567:kill:x", "--", "true"}, 2, NULL,
         "got '0.1234567:kill:x'\n"},
        {{"trace", "--events", "-1:kill:x", "--", "true"}, 2, NULL, "got '-1:kill:x'\n"},
        {{"trace", "--events", ".5:kill:x", "--", "true"}, 2, NULL, "got '.5:kill:x'\n"},
        {{"trace", "--events", "1:kill:x,2:stop:x", "--", "true"}, 2, NULL,
         "got '2:stop:x'\n"},
        {{"trace", "--help"}, 0, "usage: procsim trace ", NULL},
        {{"trace", "--cpus", "1", "-h", "--", "true"}, 0, "-- COMMAND [ARGS...]", NULL},
    };
    check_cases(cases, sizeof cases / sizeof cases[0], NULL);
}

/* trace --help ends with the trace's own exit statuses, not those of the
 * scenario commands. */
static void help_says_the_traces_exit_statuses(void **state)
{
    (void)state;
    result r = procsim((const char *[]){"trace", "--help", NULL});
    assert_int_equal(r.status, 0);
    static const char *const want[] = {
        "\nExit status: COMMAND's own, or 128+N if signal N killed it",
        "127 COMMAND not found, 126 it cannot be executed; 1 procsim failed or was\n"
        "interrupted; 2 bad usage.",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(r.out, want[i]))
            fail_msg("no %s in:\n%s", want[i], r.out);
    if (strstr(r.out, "FILE:LINE:COLUMN") || strstr(r.out, "deadlock"))
        fail_msg("the scenario commands' footer in:\n%s", r.out);
    result_free(&r);
}

/* Built without trace mode, a trace says so. */
static void without_trace_mode_it_says_so(void **state)
{
    (void)state;
    if (PROCSIM_WITH_TRACE)
        skip();
    static const cli_case cases[] = {
        {{"trace", "--", "true"}, 1, NULL,
         "procsim trace: trace mode: this procsim was built without trace mode"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0], NULL);
}

/* Built without the window, --gui says so (and runs nothing). */
static void gui_without_the_window_says_so(void **state)
{
    (void)state;
    if (PROCSIM_WITH_GUI)
        skip();
    static const cli_case cases[] = {
        {{"trace", "--gui", "--", "true"}, 1, NULL,
         "procsim trace: this procsim was built without the window"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0], NULL);
}

/* ---- the exit status -------------------------------------------------- */

static void the_exit_status_is_the_commands(void **state)
{
    (void)state;
    need_trace();
    static const cli_case cases[] = {
        {{"trace", "--", "true"}, 0, "", ""},
        {{"trace", "--", "sh", "-c", "exit 3"}, 3, "", ""},
        {{"trace", "--", "sh", "-c", "kill -TERM $$"}, 143, "", ""},
        {{"trace", "--", "sh", "-c", "kill -KILL $$"}, 137, "", ""},
        {{"trace", "--format", "csv", "--", "sh", "-c", "exit 255"}, 255, "", ""},
        /* as a shell says: 127 not found, 126 found but not executable */
        {{"trace", "--", "procsim-no-such-command"}, 127, NULL,
         "procsim trace: procsim-no-such-command: command not found\n"},
        {{"trace", "--", "/procsim-no-such-dir/prog"}, 127, NULL,
         "procsim trace: /procsim-no-such-dir/prog: No such file or directory\n"},
        {{"trace", "--", "./README.md"}, 126, NULL,
         "procsim trace: ./README.md: Permission denied\n"},
        {{"trace", "--", "./docs"}, 126, NULL, "procsim trace: ./docs: Is a directory\n"},
        /* more CPUs than there are: a usage error, said once */
        {{"trace", "--cpus", "1024", "--", "true"}, 2, NULL,
         "procsim trace: --cpus 1024: procsim may use only "},
        /* a file that cannot be written is said before COMMAND runs
         * (stdout empty: the echo never ran), as for -o */
        {{"trace", "--record", "procsim-no-such-dir/x.yaml", "--", "sh", "-c", "echo ran"},
         1, NULL, "procsim trace: --record: cannot write procsim-no-such-dir/x.yaml: "},
        {{"trace", "-o", "procsim-no-such-dir/x.csv", "--", "sh", "-c", "echo ran"}, 1, NULL,
         "procsim trace: cannot write procsim-no-such-dir/x.csv: "},
    };
    check_cases(cases, sizeof cases / sizeof cases[0], NULL);
}

/* ---- the three formats ------------------------------------------------- */

static void csv_has_the_trace_columns_and_notes_among_the_rows(void **state)
{
    (void)state;
    need_trace();
    result r = procsim((const char *[]){"trace", "--format", "csv", "--", "sh", "-c",
                                        "exec sleep 0.1", NULL});
    if (r.status != 0)
        fail_msg("exit %d: %s", r.status, r.err);
    char *line[4096] = {0}, buf[4096], *f[16];
    size_t n = lines(r.out, line, 4096);
    assert_true(n > 2);
    assert_string_equal(line[0],
                        "time,pid,name,from,to,event,cause,wall_us,kstate,reported_by,os_pid");
    int creates = 0, exits = 0, execs = 0, reported = 0;
    for (size_t i = 1; i < n; i++) {
        if (fields(line[i], buf, f, 16) != 11)
            fail_msg("row %zu has not 11 fields: %s", i + 1, line[i]);
        if (!*f[3] && !*f[4]) { /* a note */
            execs += !strcmp(f[5], "exec") && !strcmp(f[6], "exec sleep 0.1");
            continue;
        }
        if (atoi(f[10]) <= 0 || !*f[7] || strspn(f[7], "0123456789") != strlen(f[7]))
            fail_msg("row %zu lacks os_pid or wall_us: %s", i + 1, line[i]);
        reported += !strcmp(f[9], "ptrace") || !strcmp(f[9], "proc");
        creates += !strcmp(f[5], "create");
        exits += !strcmp(f[4], "exit") && !strcmp(f[6], "exit status 0");
    }
    assert_int_equal(creates, 1);
    assert_int_equal(exits, 1);
    assert_int_equal(execs, 1);
    assert_true(reported > 0);
    result_free(&r);
}

static void json_parses_and_has_notes_and_real_pids(void **state)
{
    (void)state;
    need_trace();
    result r = procsim((const char *[]){"trace", "--format", "json", "--", "sh", "-c",
                                        "exec sleep 0.1", NULL});
    if (r.status != 0)
        fail_msg("exit %d: %s", r.status, r.err);
    if (!json_valid(r.out))
        fail_msg("not JSON:\n%.2000s", r.out);
    static const char *const want[] = {
        "\"command\":\"sh -c exec sleep 0.1\"", "\"notes\":[", "\"note\":\"exec\"",
        "\"os_pid\":", "\"cmdline\":\"sleep 0.1\"", "\"threads\":", "\"reported_by\":",
        "\"status\":\"done\"",
        /* sh execs sleep: one process (not the trace's slots) */
        "\"summary\":{\"processes\":1,\"finished\":1,",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(r.out, want[i]))
            fail_msg("no %s in:\n%.2000s", want[i], r.out);
    result_free(&r);
}

/* The statistics table's heading line of a text output. */
static char *stats_heading(char *out)
{
    char *h = strstr(out, "\n pid name ");
    assert_non_null(h);
    h++;
    h[strcspn(h, "\n")] = 0;
    return h;
}

static void text_ends_with_runs_statistics_table(void **state)
{
    (void)state;
    need_trace();
    result r = procsim((const char *[]){"trace", "--", "sh", "-c", "sleep 0.1; true", NULL});
    result m = procsim((const char *[]){"run", "scenarios/seeds/pipe.yaml", NULL});
    if (r.status != 0)
        fail_msg("exit %d: %s", r.status, r.err);
    assert_non_null(strstr(r.out, "trace: sh -c sleep 0.1; true\n"));
    assert_non_null(strstr(r.out, "\naverages over 2 finished: "));
    assert_non_null(strstr(r.out, "~ exec"));
    assert_non_null(strstr(r.out, "New -> Ready"));
    assert_null(strstr(r.out, "never created")); /* only the slots used */
    assert_string_equal(stats_heading(r.out), stats_heading(m.out));
    result_free(&r);
    result_free(&m);
    r = procsim((const char *[]){"trace", "--lang", "ko", "--", "sh", "-c", "sleep 0.1", NULL});
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "생성 -> 준비"));
    assert_non_null(strstr(r.out, "추적: sh -c sleep 0.1"));
    assert_non_null(strstr(r.out, "~ reaped")); /* a note, in Korean: */
    assert_non_null(strstr(r.out, "거둔 프로세스: "));
    result_free(&r);
}

/* Notes in the text view carry the real pid, as transitions do: two
 * processes of one name ("sleep") are told apart by it. */
static void text_notes_carry_the_real_pid(void **state)
{
    (void)state;
    need_trace();
    result r = procsim((const char *[]){"trace", "--", "sh", "-c",
                                        "sleep 0.1 & sleep 0.1 & wait", NULL});
    if (r.status != 0)
        fail_msg("exit %d: %s", r.status, r.err);
    char *copy = strdup(r.out), *line[4096] = {0};
    assert_non_null(copy);
    size_t n = lines(copy, line, 4096);
    int pids[2], npids = 0;
    for (size_t i = 0; i < n; i++) {
        const char *b = strstr(line[i], "  [pid ");
        if (!strstr(line[i], " ~ exec ") || !strstr(line[i], "exec sleep 0.1"))
            continue;
        if (!b || npids == 2)
            fail_msg("an exec note without its pid, or too many: %s", line[i]);
        pids[npids++] = atoi(b + 7);
        char want[48];
        snprintf(want, sizeof want, ", pid %d, rss ", pids[npids - 1]);
        if (!strstr(r.out, want)) /* the pid of a transition of that process */
            fail_msg("no transition with%s in:\n%s", want, r.out);
    }
    assert_int_equal(npids, 2);
    assert_int_not_equal(pids[0], pids[1]);
    free(copy);
    result_free(&r);
}

/* A traced program names itself: its command's name is anyone's bytes,
 * and the text and CSV views show it with its controls made visible
 * (procsim/visible.h), never as the escape a terminal would act on. */
static void a_programs_hostile_name_is_shown_visible(void **state)
{
    (void)state;
    need_trace();
    char dir[64] = "/tmp/procsim-trace-XXXXXX", link[128], cmd[192];
    assert_non_null(mkdtemp(dir));
    snprintf(link, sizeof link, "%s/z\x1b[2Jz\xc2\x9b", dir); /* ESC, and a C1 CSI */
    assert_int_equal(symlink("/bin/sleep", link), 0);
    snprintf(cmd, sizeof cmd, "'%s' 0.05", link);
    static const char *const formats[] = {"text", "csv", "json"};
    static const char *const shown_as[] = {"z\\x1B[2Jz\\u009B", "z\\x1B[2Jz\\u009B",
                                           "z\\u001b[2Jz\\u009b"};
    for (size_t f = 0; f < 3; f++) {
        result r = procsim((const char *[]){"trace", "--format", formats[f], "--", "sh", "-c",
                                            cmd, NULL});
        int raw = strchr(r.out, 0x1b) || strchr(r.err, 0x1b) || strstr(r.out, "\xc2\x9b") ||
                  strstr(r.err, "\xc2\x9b"),
            shown = !!strstr(r.out, shown_as[f]);
        int status = r.status;
        result_free(&r);
        if (status != 0 || raw || !shown) {
            unlink(link);
            rmdir(dir);
            fail_msg("--format %s: exit %d, a raw ESC or C1 %s, the name shown as %s: %s",
                     formats[f], status, raw ? "reached the output" : "did not reach it", shown_as[f],
                     shown ? "yes" : "no");
        }
    }
    unlink(link);
    rmdir(dir);
}

/* ---- -o, cut short ------------------------------------------------------ */

/* Start procsim with args in the background, its stdout and stderr into
 * the file err_path. */
static pid_t start(const char *const *args, const char *err_path)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, err_path, O_WRONLY | O_APPEND, 0);
    posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_APPEND, 0);
    char *argv[32] = {PROCSIM_BINARY};
    for (int i = 0; args[i]; i++)
        argv[i + 1] = (char *)args[i];
    pid_t pid;
    assert_int_equal(posix_spawn(&pid, PROCSIM_BINARY, &fa, NULL, argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

static char *read_file(const char *path)
{
    char *buf = NULL, chunk[65536];
    size_t len = 0, n;
    append(&buf, &len, "", 0);
    FILE *f = fopen(path, "rb");
    while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        append(&buf, &len, chunk, n);
    if (f)
        fclose(f);
    return buf;
}

static void pause_ms(int ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

/* Wait (at most 20 s) until `path`, written by procsim `pid`, holds a row
 * that shows `needle`; if it never does, procsim is killed (and its tree
 * with it) and the test fails. */
static char *wait_for(const char *path, const char *needle, pid_t pid)
{
    for (int i = 0; i < 400; i++) {
        char *s = read_file(path);
        if (strstr(s, needle))
            return s;
        free(s);
        pause_ms(50);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    fail_msg("%s never showed %s", path, needle);
    return NULL;
}

/* Is the process gone (or a zombie its new parent has yet to reap)?
 * Waits at most 10 s for it to go. */
static int gone(pid_t pid)
{
    for (int i = 0; i < 200; i++) {
        char path[64], st[512] = "";
        snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
        FILE *f = fopen(path, "r");
        if (!f)
            return 1;
        size_t n = fread(st, 1, sizeof st - 1, f);
        fclose(f);
        st[n] = 0;
        const char *close = strrchr(st, ')');
        if (close && close[1] == ' ' && close[2] == 'Z')
            return 1;
        pause_ms(50);
    }
    return 0;
}

/* Every real pid in a CSV trace is gone. */
static void tree_is_gone(char *csv)
{
    char *line[4096] = {0}, buf[4096], *f[16];
    size_t n = lines(csv, line, 4096), pids = 0;
    for (size_t i = 1; i < n; i++)
        if (fields(line[i], buf, f, 16) == 11 && atoi(f[10]) > 0) {
            pids++;
            if (!gone(atoi(f[10])))
                fail_msg("process %s (%s) outlived procsim", f[10], f[2]);
        }
    assert_true(pids > 0);
}

/* procsim trace -o F -- sleep 5, stopped by `sig` once F shows sleep
 * Blocked: F keeps the rows, nothing of the tree is left. */
static result cut_short(int sig, char *trace)
{
    char out[64], err[64];
    temp_name(out, sizeof out);
    temp_name(err, sizeof err);
    pid_t pid = start((const char *[]){"trace", "--format", "csv", "-o", out, "--", "sleep", "5",
                                       NULL},
                      err);
    free(wait_for(out, ",blocked,wait,", pid));
    kill(pid, sig);
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    char *csv = read_file(out);
    result r = {.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st),
                .err = read_file(err)};
    if (strncmp(csv, "time,pid,name,from,to,event,cause,wall_us,kstate,reported_by,os_pid\n",
                68) ||
        !strstr(csv, ",new,ready,admit,") || !strstr(csv, ",blocked,wait,"))
        fail_msg("the trace cut short lacks its rows:\n%s", csv);
    snprintf(trace, 4096, "%s", csv);
    tree_is_gone(csv);
    free(csv);
    return r;
}

static void o_file_keeps_the_rows_when_procsim_is_killed(void **state)
{
    (void)state;
    need_trace();
    char csv[4096];
    result r = cut_short(SIGKILL, csv);
    assert_int_equal(r.status, 128 + SIGKILL);
    free(r.err);
}

static void an_interrupt_kills_the_tree_and_exits_1(void **state)
{
    (void)state;
    need_trace();
    char csv[4096];
    result r = cut_short(SIGTERM, csv);
    if (r.status != 1 || !strstr(r.err, "procsim trace: interrupted\n"))
        fail_msg("exit %d, stderr: %s", r.status, r.err);
    free(r.err);
}

/* How many children `parent` has; *named: whether one of them is called
 * `comm` (both from /proc/PID/stat). */
static int children(pid_t parent, const char *comm, int *named)
{
    DIR *d = opendir("/proc");
    struct dirent *de;
    int n = 0;
    *named = 0;
    while (d && (de = readdir(d))) {
        char path[300], st[512];
        snprintf(path, sizeof path, "/proc/%s/stat", de->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        size_t len = fread(st, 1, sizeof st - 1, f);
        fclose(f);
        st[len] = 0;
        const char *open = strchr(st, '('), *close = strrchr(st, ')');
        int ppid = 0;
        if (!open || !close || sscanf(close + 2, "%*c %d", &ppid) != 1 || ppid != parent)
            continue;
        n++;
        *named |= (size_t)(close - open - 1) == strlen(comm) &&
                  !strncmp(open + 1, comm, strlen(comm));
    }
    if (d)
        closedir(d);
    return n;
}

/* The system call `pid` is in (the first field of /proc/PID/syscall), -1
 * if it is running or it cannot be read. */
static long in_syscall(pid_t pid)
{
    char path[64], buf[256] = "";
    snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long nr = -1;
    if (!fgets(buf, sizeof buf, f) || sscanf(buf, "%ld", &nr) != 1)
        nr = -1;
    fclose(f);
    return nr;
}

/* A second interrupt after the backend has given the signal mask back:
 * procsim, its tree killed and reaped, is writing the trace held in
 * memory to a pipe nobody reads yet (more than the pipe holds), when a
 * SIGINT and a SIGTERM come.  They must not kill it (found by a probe:
 * two SIGINTs within a millisecond made procsim exit by the signal, 130):
 * it writes everything and exits 1. */
static void an_interrupt_repeated_as_the_trace_is_written_exits_1(void **state)
{
    (void)state;
    need_trace();
    char err[64];
    temp_name(err, sizeof err);
    int out[2];
    assert_int_equal(pipe(out), 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addclose(&fa, out[1]);
    posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY | O_APPEND, 0);
    char *argv[] = {PROCSIM_BINARY, "trace", "--", "sh", "-c",
                    "for i in $(seq 300); do /bin/true; done; exec sleep 30", NULL};
    pid_t pid;
    assert_int_equal(posix_spawn(&pid, PROCSIM_BINARY, &fa, NULL, argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    close(out[1]);
    int named = 0, writing = 0;
    for (int i = 0; i < 400 && (children(pid, "sleep", &named), !named); i++)
        pause_ms(50); /* the 300 trues are traced: sh has become sleep */
    if (named) {
        kill(pid, SIGINT);
        for (int i = 0; i < 400 && !writing; i++) { /* the tree and the keeper gone */
            writing = children(pid, "", &named) == 0 && in_syscall(pid) == SYS_write;
            if (!writing)
                pause_ms(50);
        }
    }
    if (writing) {
        kill(pid, SIGINT);
        kill(pid, SIGTERM);
    }
    char buf[65536];
    size_t total = 0;
    ssize_t got;
    while ((got = read(out[0], buf, sizeof buf)) > 0 || (got < 0 && errno == EINTR))
        total += got > 0 ? (size_t)got : 0;
    close(out[0]);
    if (!writing)
        kill(pid, SIGKILL);
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    if (!writing)
        fail_msg("procsim never got to writing its trace after the first interrupt");
    char *e = read_file(err);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 1 || !strstr(e, "procsim trace: interrupted\n"))
        fail_msg("%s %d after %zu bytes; stderr: %s", WIFSIGNALED(st) ? "signal" : "exit",
                 WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st), total, e);
    assert_true(total > 65536);
    free(e);
}

static void o_file_has_the_trace_and_stdout_the_statistics(void **state)
{
    (void)state;
    need_trace();
    char out[64];
    temp_name(out, sizeof out);
    result r = procsim((const char *[]){"trace", "-o", out, "--", "sh", "-c", "echo hello",
                                        NULL});
    char *text = read_file(out);
    assert_int_equal(r.status, 0);
    /* the program's own output first, then the table */
    char *hello = strstr(r.out, "hello\n"), *table = strstr(r.out, " pid name ");
    if (!hello || !table || table < hello || strstr(r.out, "New -> Ready"))
        fail_msg("stdout:\n%s", r.out);
    assert_non_null(strstr(text, "New -> Ready"));
    assert_non_null(strstr(text, "averages over"));
    free(text);
    result_free(&r);
}

/* ---- Python's names ------------------------------------------------------- */

/* The hook's folder is the source tree's unless PROCSIM_PYHOOK_DIR says
 * otherwise (empty: no hook); with it a multiprocessing child is named
 * after its Process.name. */
static void python_names_come_from_the_hook_folder(void **state)
{
    (void)state;
    need_trace();
    static const char prog[] = "import multiprocessing as mp\n"
                               "p = mp.Process(target=print, name='wkr')\n"
                               "p.start(); p.join()\n";
    const char *const args[] = {"trace", "--format", "csv", "--", "python3", "-c", prog, NULL};
    for (int hook = 1; hook >= 0; hook--) {
        result r = run_in(args, hook ? NULL : (const char *const[]){"PROCSIM_PYHOOK_DIR=", NULL},
                          60);
        if (r.status != 0)
            fail_msg("exit %d: %s", r.status, r.err);
        if (has_row(r.out, "*", "exit", "release") != 1 ||
            (strstr(r.out, ",wkr,") != NULL) != hook)
            fail_msg("with%s the hook:\n%s", hook ? "" : "out", r.out);
        result_free(&r);
    }
}

/* ---- --events ---------------------------------------------------------- */

static void events_suspend_and_resume_a_blocked_process(void **state)
{
    (void)state;
    need_trace();
    result r = procsim((const char *[]){"trace", "--format", "csv", "--events",
                                        "0.5:suspend:sleep,1:resume:sleep", "--", "sleep",
                                        "2", NULL});
    if (r.status != 0)
        fail_msg("exit %d: %s", r.status, r.err);
    if (!has_row(r.out, "blocked", "blocked-suspended", "suspend") ||
        !has_row(r.out, "blocked-suspended", "*", "activate"))
        fail_msg("no suspend and resume rows:\n%s", r.out);
    assert_non_null(strstr(r.out, "suspended by the user"));
    assert_non_null(strstr(r.out, "resumed by the user"));
    result_free(&r);
}

static void events_suspend_a_runnable_process_and_kill_it(void **state)
{
    (void)state;
    need_trace();
    result r = procsim((const char *[]){"trace", "--format", "csv", "--events",
                                        "0.5:suspend:sh,1:resume:sh,1.5:kill:sh", "--", "sh",
                                        "-c", "while :; do :; done", NULL});
    if (r.status != 128 + SIGKILL)
        fail_msg("exit %d: %s", r.status, r.err);
    if (!has_row(r.out, "*", "ready-suspended", "suspend") ||
        !has_row(r.out, "ready-suspended", "*", "activate") || !has_row(r.out, "*", "exit", "kill"))
        fail_msg("no suspend, resume and kill rows:\n%s", r.out);
    assert_non_null(strstr(r.out, "killed by the user"));
    result_free(&r);
}

static void events_by_real_pid_and_for_nobody(void **state)
{
    (void)state;
    need_trace();
    /* a name no process has, and a real pid (init's) that is no process
     * of the tree: each is said, and the run goes on */
    result r = procsim((const char *[]){"trace", "--format", "csv", "--events",
                                        "0.2:kill:nobody-here,0.3:suspend:1", "--", "sleep",
                                        "0.6", NULL});
    if (r.status != 0 ||
        !strstr(r.err, "procsim trace: warning: --events at 0.200 s: no process 'nobody-here' "
                       "to kill; the run goes on\n") ||
        !strstr(r.err, "no process '1' to suspend"))
        fail_msg("exit %d, stderr: %s", r.status, r.err);
    result_free(&r);
}

/* ---- --record ------------------------------------------------------------ */

/* Trace `cmd` (sh -c) with --record; the scenario must pass procsim check
 * and run to its end; returns its text (the caller frees it). */
static char *record(const char *cmd, int status)
{
    char yaml[64];
    temp_name(yaml, sizeof yaml);
    result r = procsim((const char *[]){"trace", "--format", "csv", "--record", yaml, "--",
                                        "sh", "-c", cmd, NULL});
    if (r.status != status)
        fail_msg("%s: exit %d: %s", cmd, r.status, r.err);
    result_free(&r);
    char *text = read_file(yaml);
    r = procsim((const char *[]){"check", yaml, NULL});
    if (r.status != 0 || !strstr(r.out, ": ok: "))
        fail_msg("procsim check: exit %d: %s\n%s", r.status, r.err, text);
    result_free(&r);
    r = procsim((const char *[]){"run", yaml, "--format", "csv", NULL});
    if (r.status != 0)
        fail_msg("procsim run: exit %d: %s\n%s", r.status, r.err, text);
    result_free(&r);
    return text;
}

static void record_writes_a_scenario_that_loads_and_runs(void **state)
{
    (void)state;
    need_trace();
    /* the writer's subshell waits for its sleep, then writes; the reader
     * reads the pipe from it; the shell waits for both */
    char *text = record("(sleep 0.2; echo x) | read y; exit 4", 4);
    static const char *const want[] = {
        "procsim: 1\n", "  tick_ms: ", "    parent: sh\n", "      - spawn sleep\n",
        "      - wait any\n", "      - send pipe_sh-2_to_sh-3\n",
        "      - recv pipe_sh-2_to_sh-3\n", "      - sleep ", "      - exit 4\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(text, want[i]))
            fail_msg("no %s in:\n%s", want[i], text);
    free(text);
    /* a child gone within a sample (it has no ops) and one killed */
    free(record("true & sleep 0.2 & sleep 0.1; kill -9 $!; wait", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(usage_errors_say_what_was_wrong, remove_temps),
        cmocka_unit_test_teardown(help_says_the_traces_exit_statuses, remove_temps),
        cmocka_unit_test_teardown(without_trace_mode_it_says_so, remove_temps),
        cmocka_unit_test_teardown(gui_without_the_window_says_so, remove_temps),
        cmocka_unit_test_teardown(the_exit_status_is_the_commands, remove_temps),
        cmocka_unit_test_teardown(csv_has_the_trace_columns_and_notes_among_the_rows, remove_temps),
        cmocka_unit_test_teardown(json_parses_and_has_notes_and_real_pids, remove_temps),
        cmocka_unit_test_teardown(text_ends_with_runs_statistics_table, remove_temps),
        cmocka_unit_test_teardown(text_notes_carry_the_real_pid, remove_temps),
        cmocka_unit_test_teardown(a_programs_hostile_name_is_shown_visible, remove_temps),
        cmocka_unit_test_teardown(o_file_keeps_the_rows_when_procsim_is_killed, remove_temps),
        cmocka_unit_test_teardown(an_interrupt_kills_the_tree_and_exits_1, remove_temps),
        cmocka_unit_test_teardown(an_interrupt_repeated_as_the_trace_is_written_exits_1,
                                  remove_temps),
        cmocka_unit_test_teardown(o_file_has_the_trace_and_stdout_the_statistics, remove_temps),
        cmocka_unit_test_teardown(python_names_come_from_the_hook_folder, remove_temps),
        cmocka_unit_test_teardown(events_suspend_and_resume_a_blocked_process, remove_temps),
        cmocka_unit_test_teardown(events_suspend_a_runnable_process_and_kill_it, remove_temps),
        cmocka_unit_test_teardown(events_by_real_pid_and_for_nobody, remove_temps),
        cmocka_unit_test_teardown(record_writes_a_scenario_that_loads_and_runs, remove_temps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
