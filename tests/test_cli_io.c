/* test_cli_io.c — what procsim reads and writes at its edges, end to end:
 * text from a file reaches the terminal with its control characters made
 * visible (procsim/visible.h), a command whose stdout cannot be written
 * says so and fails, and a FIFO, a device or a pipe as input never makes
 * procsim wait on the opening (procsim/input.h).  Every run has a
 * deadline: a regression that blocks fails the test instead of hanging
 * it. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clikit.h"
#include "procsim/visible.h"

#define DEADLINE 10 /* seconds a run may take */

static char dir[64]; /* a fresh folder for the files of the tests */

/* dir/name, in a rotating buffer (eight at a time). */
static const char *at(const char *name)
{
    static char paths[8][128];
    static int k;
    k = (k + 1) % 8;
    snprintf(paths[k], sizeof paths[k], "%s/%s", dir, name);
    return paths[k];
}

static void put(const char *name, const char *text, size_t n)
{
    FILE *f = fopen(at(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}
#define PUT(name, text) put(name, text, sizeof text - 1)

/* Runs procsim with args; its stdin from `input` (n bytes through a pipe;
 * NULL: /dev/null), its stdout to `out_path` (NULL: collected).  Killed
 * and failed past DEADLINE. */
static result run_io(const char *const *args, const char *input, size_t n, const char *out_path)
{
    int in[2], out[2], err[2];
    assert_int_equal(pipe(in), 0);
    assert_int_equal(pipe(out), 0);
    assert_int_equal(pipe(err), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int o = out_path ? open(out_path, O_WRONLY) : out[1];
        int i = input ? in[0] : open("/dev/null", O_RDONLY);
        if (o < 0 || i < 0 || dup2(i, 0) < 0 || dup2(o, 1) < 0 || dup2(err[1], 2) < 0)
            _exit(126);
        close(in[1]);
        close(out[0]);
        close(err[0]);
        char *argv[32] = {PROCSIM_BINARY};
        for (int k = 0; args[k] && k < 30; k++)
            argv[k + 1] = (char *)args[k];
        execv(PROCSIM_BINARY, argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    if (input) {
        signal(SIGPIPE, SIG_IGN);
        ssize_t w = write(in[1], input, n); /* small: fits the pipe */
        (void)w;
    }
    close(in[1]);
    result r = {0};
    append(&r.out, &r.out_len, "", 0);
    append(&r.err, &r.err_len, "", 0);
    struct pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    time_t deadline = time(NULL) + DEADLINE;
    while (open_fds) {
        if (time(NULL) > deadline || poll(fds, 2, 500) < 0) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            fail_msg("procsim %s %s still ran after %d s: killed (did it block on the "
                     "opening?)", args[0], args[1] ? args[1] : "", DEADLINE);
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            char buf[65536];
            ssize_t got = read(fds[i].fd, buf, sizeof buf);
            if (got <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else {
                append(i ? &r.err : &r.out, i ? &r.err_len : &r.out_len, buf, (size_t)got);
            }
        }
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    r.status = WEXITSTATUS(st);
    return r;
}

static void setup_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/procsim-io-XXXXXX");
    assert_non_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* --- item: text from files is made visible --- */

/* The first byte of s[0..n) a terminal would act on: a C0 control other
 * than '\n' and '\t', DEL, or a C1 control in UTF-8 (C2 80-9F); -1 if
 * none. */
static long hidden_at(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
            return (long)i;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9F)
            return (long)i;
    }
    return -1;
}

static void assert_visible(const result *r, const char *what)
{
    long o = hidden_at(r->out, r->out_len), e = hidden_at(r->err, r->err_len);
    char shown[3][1024]; /* the failure itself must not play the bytes */
    if (o >= 0 || e >= 0)
        fail_msg("%s: a raw control byte reached %s at byte %ld\nstdout: %.400s\nstderr: %.400s",
                 ps_visible(what, PS_VISIBLE_LINE, shown[0], sizeof shown[0]),
                 o >= 0 ? "stdout" : "stderr", o >= 0 ? o : e,
                 ps_visible(r->out, PS_VISIBLE_LINES, shown[1], sizeof shown[1]),
                 ps_visible(r->err, PS_VISIBLE_LINES, shown[2], sizeof shown[2]));
}

/* The function itself, a table: what each kind of byte becomes. */
static void visible_escapes_what_a_terminal_acts_on(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int lines;
        const char *out;
    } rows[] = {
        {"plain text", PS_VISIBLE_LINE, "plain text"},
        {"\x1b]0;owned\a", PS_VISIBLE_LINE, "\\x1B]0;owned\\x07"},
        {"\x1b[2J", PS_VISIBLE_LINE, "\\x1B[2J"},
        {"\xc2\x9b" "31m", PS_VISIBLE_LINE, "\\u009B31m"},
        {"\xc2\x80\xc2\x9f\xc2\xa0", PS_VISIBLE_LINE, "\\u0080\\u009F\xc2\xa0"},
        {"a\x7f" "b", PS_VISIBLE_LINE, "a\\x7Fb"},
        {"one\ntwo\tx", PS_VISIBLE_LINE, "one\\x0Atwo\\x09x"},
        {"one\ntwo\tx\r", PS_VISIBLE_LINES, "one\ntwo\tx\\x0D"},
        {"\x9b", PS_VISIBLE_LINE, "\\x9B"},                     /* a stray byte */
        {"\xc0\xaf", PS_VISIBLE_LINE, "\\xC0\\xAF"},            /* overlong */
        {"\xed\xa0\x80", PS_VISIBLE_LINE, "\\xED\\xA0\\x80"},   /* a surrogate */
        {"\xe2\x82", PS_VISIBLE_LINE, "\\xE2\\x82"},            /* cut short */
        {"\xf4\x90\x80\x80", PS_VISIBLE_LINE, "\\xF4\\x90\\x80\\x80"}, /* past U+10FFFF */
        {"한글 \xe2\x86\x92 \xf0\x9f\x98\x80", PS_VISIBLE_LINE, "한글 \xe2\x86\x92 \xf0\x9f\x98\x80"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char buf[128];
        ps_visible(rows[i].in, rows[i].lines, buf, sizeof buf);
        if (strcmp(buf, rows[i].out))
            fail_msg("row %zu: got '%s', want '%s'", i, buf, rows[i].out);
    }
    char small[12];
    assert_string_equal(ps_visible("\x1b\x1b\x1b\x1b", PS_VISIBLE_LINE, small, sizeof small),
                        "\\x1B\\x1B...");
    assert_string_equal(ps_visible("abcdefghijk", PS_VISIBLE_LINE, small, sizeof small),
                        "abcdefghijk");
}

/* A lab whose texts hold the hostile string H (as YAML escapes), and an
 * answers file that answers it. */
#define HOSTILE_LAB(H)                                                       \
    "procsim: 1\n"                                                           \
    "vary:\n  n: {choose: [\"1\", \"2\"]}\n"                                 \
    "  m: {choose: [\"x " H "\", \"y " H "\"]}\n"                              \
    "title: \"T $m " H "\"\n"                                                \
    "title_ko: \"제목 " H "\"\n"                                             \
    "description: \"first " H "\\nsecond\\tline " H "\"\n"                   \
    "processes:\n  - {name: P1, program: [cpu $n]}\n"                        \
    "questions:\n"                                                           \
    "  - ask: \"Which state " H "?\"\n"                                      \
    "    ask_ko: \"상태 " H "?\"\n"                                          \
    "    answer: state P1 at 1\n"                                            \
    "  - ask: \"Pick " H "\"\n"                                              \
    "    answer: {literal: \"x " H "\"}\n"                                   \
    "    choices: [{literal: \"a " H "\"}, {literal: \"b" H "\"}]\n"

static void hostile_strings_are_shown_visible(void **state)
{
    (void)state;
    static const struct {
        const char *lab;
        size_t n;
    } labs[] = {
#define LAB(H) {HOSTILE_LAB(H), sizeof HOSTILE_LAB(H) - 1}
        LAB("\\e]0;owned\\a"),        /* retitle the terminal */
        LAB("\\e[2J\\e[H"),           /* clear it */
        LAB("\\x9b" "31m"),           /* C1 CSI */
        LAB("\\x01\\x7f\\b\\r"),      /* C0, DEL */
        LAB("\\u0085\\u009d"),        /* NEL, OSC */
#undef LAB
    };
    /* answers files: raw C1 bytes (valid UTF-8), a student line, raw ESC */
    static const char answers_c1[] = "student: k\xc2\x9b" "2J\nrun\xc2\x9b[2Jning\nx\xc2\x9d\n";
    static const char answers_esc[] = "running\n\x1b]0;owned\a\n";
    static const char answers_right[] = "running\nc\n";
    put("c1.txt", answers_c1, sizeof answers_c1 - 1);
    put("esc.txt", answers_esc, sizeof answers_esc - 1);
    put("right.txt", answers_right, sizeof answers_right - 1);
    for (size_t i = 0; i < sizeof labs / sizeof labs[0]; i++) {
        put("lab.yaml", labs[i].lab, labs[i].n);
        char lab[128], c1[128], esc[128], right[128];
        snprintf(lab, sizeof lab, "%s", at("lab.yaml"));
        snprintf(c1, sizeof c1, "%s", at("c1.txt"));
        snprintf(esc, sizeof esc, "%s", at("esc.txt"));
        snprintf(right, sizeof right, "%s", at("right.txt"));
        const char *const runs[][8] = {
            {"check", lab},
            {"--lang", "ko", "check", lab},
            {"lab", lab},
            {"lab", lab, "-c"},
            {"--lang", "ko", "lab", lab, "-c"},
            {"lab", lab, "--variant", "abc"},
            {"run", lab},
            {"run", lab, "--format", "csv"},
            {"run", lab, "--format", "json"},
            {"compare", lab, "fcfs", "rr"},
            {"compare", lab, "fcfs", "rr", "--format", "json"},
            {"grade", lab, c1},
            {"grade", lab, esc},
            {"grade", lab, right},
            {"grade", lab, c1, esc, right},
            {"--lang", "ko", "grade", lab, c1, right},
            {"grade", lab, c1, esc, right, "--feedback", at("feedback")},
        };
        for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
            result r = run_io(runs[k], NULL, 0, NULL);
            char what[128];
            snprintf(what, sizeof what, "lab %zu, %s %s %s", i, runs[k][0], runs[k][1],
                     runs[k][2] ? runs[k][2] : "");
            if (r.status > 2) /* 2: the answers file with a raw ESC is refused */
                fail_msg("%s: exit %d\n%s", what, r.status, r.err);
            assert_visible(&r, what);
            result_free(&r);
        }
    }
    /* a class whose file names hold controls: the report, the gradebook
     * and the feedback */
    assert_int_equal(mkdir(at("class"), 0700), 0);
    put("class/k\x1b]0;x\a.txt", answers_esc, sizeof answers_esc - 1);
    put("class/m\xc2\x9b" "2J.txt", answers_right, sizeof answers_right - 1);
    {
        char lab[128], class[128], fb[128];
        snprintf(lab, sizeof lab, "%s", at("lab.yaml"));
        snprintf(class, sizeof class, "%s", at("class"));
        snprintf(fb, sizeof fb, "%s", at("class-feedback"));
        const char *const runs[][8] = {
            {"grade", lab, class},
            {"grade", lab, class, "--csv", "-"},
            {"grade", lab, class, "--feedback", fb},
            {"grade", lab, at("class/k\x1b]0;x\a.txt")},
        };
        for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
            result r = run_io(runs[k], NULL, 0, NULL);
            /* the gradebook's lines end CRLF, as RFC 4180 has it */
            for (char *cr; (cr = strstr(r.out, "\r\n"));)
                memmove(cr, cr + 1, strlen(cr));
            r.out_len = strlen(r.out);
            assert_visible(&r, runs[k][3] ? runs[k][3] : "a class");
            result_free(&r);
        }
    }
    /* the feedback files too */
    static const char *const feedback[] = {"feedback/c1.txt", "feedback/esc.txt",
                                           "feedback/right.txt",
                                           "class-feedback/k\x1b]0;x\a.txt",
                                           "class-feedback/m\xc2\x9b" "2J.txt"};
    for (size_t i = 0; i < sizeof feedback / sizeof feedback[0]; i++) {
        FILE *f = fopen(at(feedback[i]), "rb");
        assert_non_null(f);
        result r = {0};
        char buf[4096];
        size_t got;
        append(&r.out, &r.out_len, "", 0);
        append(&r.err, &r.err_len, "", 0);
        while ((got = fread(buf, 1, sizeof buf, f)) > 0)
            append(&r.out, &r.out_len, buf, got);
        fclose(f);
        assert_true(r.out_len > 0);
        assert_visible(&r, feedback[i]);
        result_free(&r);
    }
    /* what was made visible is there to read */
    put("lab.yaml", labs[0].lab, labs[0].n);
    result r = run_io((const char *const[]){"check", at("lab.yaml"), NULL}, NULL, 0, NULL);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"T x \\x1B]0;owned\\x07 \\x1B]0;owned\\x07\""));
    result_free(&r);
    r = run_io((const char *const[]){"grade", at("lab.yaml"), at("c1.txt"), NULL}, NULL, 0, NULL);
    assert_non_null(strstr(r.out, "student k\\u009B2J\n"));
    assert_non_null(strstr(r.out, "you answered \"run\\u009B[2Jning\""));
    result_free(&r);
}

/* Made visible is all that changes: check's ok line shows a long title
 * whole, as run does, not cut at a buffer's size. */
static void a_long_title_is_shown_whole(void **state)
{
    (void)state;
    char yaml[4096], title[3001];
    memset(title, 'x', sizeof title - 1);
    title[sizeof title - 1] = '\0';
    int n = snprintf(yaml, sizeof yaml, "procsim: 1\ntitle: \"%s\\e\"\nprocesses:\n"
                     "  - {name: a, program: [cpu 1]}\n", title);
    put("long.yaml", yaml, (size_t)n);
    char want[3100];
    snprintf(want, sizeof want, "%s: ok: \"%s\\x1B\", 1 processes\n", at("long.yaml"), title);
    result r = run_io((const char *const[]){"check", at("long.yaml"), NULL}, NULL, 0, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, want);
    result_free(&r);
}

/* The loader's messages quote the file: a bad name, a bad literal, a
 * control character read from a pipe. */
static void loader_errors_quote_visibly(void **state)
{
    (void)state;
    static const char *const files[] = {
        "procsim: 1\ntitle: t\nprocesses:\n  - {name: \"P\\e]0;x\\a\", program: [cpu 1]}\n",
        "procsim: 1\ntitle: t\nprocesses:\n  - {name: \"P\\x9b" "1\", program: [cpu 1]}\n",
        "procsim: 1\ntitle: t\nprocesses:\n  - {name: P1, program: [cpu 1]}\nquestions:\n"
        "  - ask: q\n    answer: {literal: \"\\e[2J\", type: number}\n",
        "procsim: 1\ntitle: t\nprocesses:\n  - {name: P1, program: [\"cpu \\e[2J\"]}\n",
        "procsim: 1\ntitle: t\nprocesses:\n  - {name: P1, program: [cpu 1]}\nwhat\x1b[2J: 1\n",
        /* a value of vary: that makes the file invalid, quoted by check */
        "procsim: 1\nvary:\n  n: {choose: [\"1\", \"a\\e[2J\\x9b\"]}\ntitle: \"t $n\"\n"
        "processes:\n  - {name: P1, program: [cpu $n]}\n",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        put("bad.yaml", files[i], strlen(files[i]));
        const char *const runs[][6] = {
            {"check", at("bad.yaml")},
            {"--lang", "ko", "check", at("bad.yaml")},
            {"run", at("bad.yaml")},
            {"lab", at("bad.yaml"), "-c"},
        };
        for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
            result r = run_io(runs[k], NULL, 0, NULL);
            char what[64];
            snprintf(what, sizeof what, "file %zu, %s", i, runs[k][0]);
            /* check refuses each; run and lab load the file as written, which
             * the last one is */
            int checked = !strcmp(runs[k][0], "check") || (runs[k][2] && !strcmp(runs[k][2], "check"));
            if (checked ? r.status != 2 : r.status > 2)
                fail_msg("%s: exit %d, want 2\n%s", what, r.status, r.err);
            assert_visible(&r, what);
            result_free(&r);
        }
    }
}

/* --- item: an output that cannot be written is an error --- */

/* The lines of err that say an output could not be written. */
static int said_write_failed(const char *err)
{
    static const char *const words[] = {"cannot write", "writing the output failed",
                                        "쓸 수 없습니다", "쓰지 못했습니다"};
    int n = 0;
    for (const char *line = err; *line;) {
        size_t len = strcspn(line, "\n");
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
            const char *hit = strstr(line, words[w]);
            if (hit && hit < line + len) {
                n++;
                break;
            }
        }
        line += len + (line[len] == '\n');
    }
    return n;
}

static void every_command_fails_on_a_full_disk(void **state)
{
    (void)state;
    PUT("full.txt", "1: running\n2: P3\n");
    static const char right_fcfs[] = "P2\n13\n10\n7\n6.75\n10.75\nP1 P2 P3 P4\n1\n";
    put("right.txt", right_fcfs, sizeof right_fcfs - 1);
    const char *lab = "scenarios/labs/scheduling-fcfs.yaml";
    char labpath[512];
    snprintf(labpath, sizeof labpath, "%s/%s", PROCSIM_SOURCE_DIR, lab);
    /* each with the message its command gives (run, compare and trace say
     * it themselves), English then Korean */
    static const char *const ours[2] = {"procsim: cannot write the output: No space left on "
                                        "device\n", "procsim: 출력을 쓸 수 없습니다: "};
    static const char *const runs[2] = {"procsim: writing the output failed", "procsim: 출력을 "
                                        "쓰지 못했습니다"};
    const struct {
        const char *args[8];
        int run_says; /* 1: run's words, 0: main's */
    } rows[] = {
        {{"check", labpath}, 0},
        {{"lab", labpath}, 0},
        {{"lab", labpath, "-c"}, 0},
        {{"lab", "--random", "--seed", "7"}, 0},
        {{"lab", labpath, "--format", "html"}, 0},
        {{"grade", labpath, at("right.txt")}, 0},   /* full marks: exit 0 before */
        {{"grade", labpath, at("full.txt")}, 0},    /* not full marks: exit 1, silent before */
        {{"grade", labpath, at("right.txt"), at("full.txt")}, 0},
        {{"grade", labpath, at("right.txt"), "--csv", "-"}, 0},
        {{"--help"}, 0},
        {{"help"}, 0},
        {{"--version"}, 0},
        {{"list"}, 0},
        {{"ostep", "scheduler"}, 0},
        {{"ostep", "process-run", "-l", "5:100"}, 0},
        {{"run", "--help"}, 0},
        {{"check", "--help"}, 0},
        {{"lab", "--help"}, 0},
        {{"grade", "--help"}, 0},
        {{"compare", "--help"}, 0},
        {{"trace", "--help"}, 0},
        {{"gui", "--help"}, 0},
        {{"ostep", "--help"}, 0},
        {{"list", "--help"}, 0},
        {{"run", labpath}, 1},
        {{"run", labpath, "--format", "json"}, 1},
        {{"compare", labpath, "fcfs", "rr"}, 2},
    };
    for (int ko = 0; ko < 2; ko++)
        for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
            const char *args[12] = {"--lang", "ko"};
            int k = ko ? 2 : 0;
            for (int a = 0; rows[i].args[a]; a++)
                args[k++] = rows[i].args[a];
            args[k] = NULL;
            result r = run_io(args, NULL, 0, "/dev/full");
            const char *want = rows[i].run_says == 0 ? ours[ko] : runs[ko];
            const char *hit = strstr(r.err, want);
            /* said once: no second message besides the command's own */
            int twice = said_write_failed(r.err) != 1;
            if (r.status != 1 || !hit || twice)
                fail_msg("procsim %s%s > /dev/full: exit %d, want 1 with '%s' once\nstderr: "
                         "%.400s", ko ? "--lang ko " : "", rows[i].args[0], r.status, want,
                         r.err);
            result_free(&r);
        }
}

/* --- item: a FIFO, a device, a pipe as input --- */

static void a_fifo_is_refused_at_once(void **state)
{
    (void)state;
    const char *fifo = at("scenario.yaml");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *lab = "scenarios/labs/scheduling-fcfs.yaml";
    char labpath[512];
    snprintf(labpath, sizeof labpath, "%s/%s", PROCSIM_SOURCE_DIR, lab);
    static const char *const fifo_en = ": is a FIFO, not a regular file; ";
    static const char *const fifo_ko = ": FIFO이지 보통 파일이 아닙니다; ";
    static const char *const dev_en = ": is a device, not a regular file; ";
    const struct {
        const char *args[8];
        int status;
        const char *err;
    } rows[] = {
        {{"check", fifo}, 2, fifo_en},
        {{"--lang", "ko", "check", fifo}, 2, fifo_ko},
        {{"run", fifo}, 2, fifo_en},
        {{"run", fifo, "--format", "json"}, 2, fifo_en},
        {{"compare", fifo, "fcfs", "rr"}, 2, fifo_en},
        {{"lab", fifo}, 2, fifo_en},
        {{"lab", fifo, "-c"}, 2, fifo_en},
        {{"lab", fifo, "--variant", "abc"}, 2, fifo_en},
        {{"grade", fifo, labpath}, 2, fifo_en},
        {{"grade", labpath, fifo}, 2, fifo_en},           /* an answers file */
        {{"--lang", "ko", "grade", labpath, fifo}, 2, fifo_ko},
        {{"gui", fifo}, PROCSIM_WITH_GUI ? 2 : 1, PROCSIM_WITH_GUI ? fifo_en : ""},
        {{"check", "/dev/zero"}, 2, dev_en},
        {{"check", "/dev/null"}, 2, dev_en},
        {{"grade", labpath, "/dev/zero"}, 2, dev_en},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        result r = run_io(rows[i].args, NULL, 0, NULL);
        if (r.status != rows[i].status || !strstr(r.err, rows[i].err))
            fail_msg("row %zu (%s %s): exit %d, want %d with '%s'\nstderr: %.400s", i,
                     rows[i].args[0], rows[i].args[1], r.status, rows[i].status, rows[i].err,
                     r.err);
        result_free(&r);
    }
    /* a class goes on past a FIFO among its files */
    static const char right_fcfs[] = "P2\n13\n10\n7\n6.75\n10.75\nP1 P2 P3 P4\n1\n";
    put("right.txt", right_fcfs, sizeof right_fcfs - 1);
    result r = run_io((const char *const[]){"grade", labpath, fifo, at("right.txt"), NULL}, NULL,
                      0, NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "1 graded, 1 not graded"));
    assert_non_null(strstr(r.out, fifo_en));
    result_free(&r);
    unlink(fifo);
}

/* An anonymous pipe is read to its end; its errors are where they are
 * in what came through it. */
static void a_pipe_is_read_with_lines_and_columns(void **state)
{
    (void)state;
    static const char bad[] = "title: x\nfoo: \"\x01\"\n";
    result r = run_io((const char *const[]){"check", "/dev/stdin", NULL}, bad, sizeof bad - 1,
                      NULL);
    assert_int_equal(r.status, 2);
    if (!strstr(r.err, "/dev/stdin:2:7: "))
        fail_msg("want /dev/stdin:2:7:, got %s", r.err);
    result_free(&r);
    static const char good[] = "procsim: 1\ntitle: piped\nvary:\n  n: {from: 1, to: 3}\n"
                               "processes:\n  - {name: P1, program: [cpu $n]}\n";
    const char *const ok_runs[][6] = {
        {"check", "/dev/stdin"}, /* every variant: the pipe is read once */
        {"run", "/dev/stdin"},
        {"lab", "/dev/stdin", "--variant", "kim"},
        {"compare", "/dev/stdin", "fcfs", "rr"},
    };
    for (size_t i = 0; i < sizeof ok_runs / sizeof ok_runs[0]; i++) {
        r = run_io(ok_runs[i], good, sizeof good - 1, NULL);
        if (r.status != 0)
            fail_msg("%s /dev/stdin: exit %d\n%s", ok_runs[i][0], r.status, r.err);
        result_free(&r);
    }
    r = run_io((const char *const[]){"check", "/dev/stdin", NULL}, good, sizeof good - 1, NULL);
    assert_string_equal(r.out, "/dev/stdin: ok: \"piped\", 1 processes\n");
    result_free(&r);
    /* a bad UTF-8 byte late in a piped file: its line and column */
    static const char latin1[] = "procsim: 1\ntitle: x\n# caf\xe9\n";
    r = run_io((const char *const[]){"check", "/dev/stdin", NULL}, latin1, sizeof latin1 - 1,
               NULL);
    assert_int_equal(r.status, 2);
    if (!strstr(r.err, "/dev/stdin:3:6: "))
        fail_msg("want /dev/stdin:3:6:, got %s", r.err);
    result_free(&r);
    /* an answers file through a pipe */
    static const char right_fcfs[] = "P2\n13\n10\n7\n6.75\n10.75\nP1 P2 P3 P4\n1\n";
    char labpath[512];
    snprintf(labpath, sizeof labpath, "%s/scenarios/labs/scheduling-fcfs.yaml",
             PROCSIM_SOURCE_DIR);
    r = run_io((const char *const[]){"grade", labpath, "/dev/stdin", NULL}, right_fcfs,
               sizeof right_fcfs - 1, NULL);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "score 8/8"));
    result_free(&r);
    /* the lab itself through a pipe, a class with a variant: graded as
     * from its file (the pipe is read once, each variant loads from it) */
    char classlab[512], classdir[512];
    snprintf(classlab, sizeof classlab, "%s/tests/labs/class.yaml", PROCSIM_SOURCE_DIR);
    snprintf(classdir, sizeof classdir, "%s/tests/labs/class", PROCSIM_SOURCE_DIR);
    size_t lablen;
    char *labtext = slurp("tests/labs/class.yaml", &lablen);
    result from_file = run_io((const char *const[]){"grade", classlab, classdir, NULL}, NULL, 0,
                              NULL);
    r = run_io((const char *const[]){"grade", "/dev/stdin", classdir, NULL}, labtext, lablen,
               NULL);
    free(labtext);
    char *want = NULL; /* from_file.out with the lab named /dev/stdin, as the pipe's is */
    size_t want_len = 0;
    append(&want, &want_len, "", 0);
    for (const char *s = from_file.out, *hit; *s; s = hit + strlen(classlab)) {
        if (!(hit = strstr(s, classlab))) {
            append(&want, &want_len, s, strlen(s));
            break;
        }
        append(&want, &want_len, s, (size_t)(hit - s));
        append(&want, &want_len, "/dev/stdin", 10);
    }
    int same = !strcmp(r.out, want);
    free(want);
    if (r.status != from_file.status || !same || !r.out[0])
        fail_msg("grade /dev/stdin CLASS: exit %d (from the file %d)\n%s\nstderr: %s", r.status,
                 from_file.status, r.out, r.err);
    result_free(&r);
    result_free(&from_file);
}

static int group_setup(void **state)
{
    (void)state;
    setup_dir();
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    remove_dir();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(visible_escapes_what_a_terminal_acts_on),
        cmocka_unit_test(hostile_strings_are_shown_visible),
        cmocka_unit_test(a_long_title_is_shown_whole),
        cmocka_unit_test(loader_errors_quote_visibly),
        cmocka_unit_test(every_command_fails_on_a_full_disk),
        cmocka_unit_test(a_fifo_is_refused_at_once),
        cmocka_unit_test(a_pipe_is_read_with_lines_and_columns),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
