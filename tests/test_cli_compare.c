/* test_cli_compare.c — `procsim compare`, `procsim run --policy` and
 * `procsim run --gantt` end to end (docs/compare.md): Silberschatz's
 * FCFS/SJF/RR workload (5.3.1, 24/3/3) where the book gives the numbers,
 * the shapes of the JSON and CSV, the first tick where two schedules part
 * and both causes, an overridden policy that changes the schedule, the
 * Gantt chart of two CPUs with idle time, the long-run layout, every usage
 * error, and compare on every shipped scenario.  The binary is run by
 * clikit.c. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clikit.h"

#define BOOK "scenarios/policies/fcfs.yaml" /* P1 24, P2 3, P3 3, all at 0 */
#define TWO "tests/cli/two-cpus-idle.yaml"

static result ok(const char *const *args)
{
    result r = procsim(args);
    if (r.status != 0)
        fail_msg("procsim %s %s: exit %d: %s", args[0], args[1], r.status, r.err);
    return r;
}

/* The text between the line that starts with `from` and the next empty
 * line (or the end), in buf. */
static const char *section(const char *out, const char *from, char *buf, size_t size)
{
    const char *p = out;
    while ((p = strstr(p, from)) && p != out && p[-1] != '\n')
        p++;
    if (!p)
        fail_msg("no '%s' in:\n%s", from, out);
    const char *end = strstr(p, "\n\n");
    size_t n = end ? (size_t)(end - p) + 1 : strlen(p);
    snprintf(buf, size, "%.*s", (int)n, p);
    return buf;
}

/* ---- the book's numbers --------------------------------------------------- */

/* Silberschatz 5.3: average waiting 17 under FCFS, 3 under SJF, 5.67
 * under RR with quantum 4; the best of each marked. */
static void compare_gives_the_books_averages(void **state)
{
    (void)state;
    result r = ok((const char *[]){"compare", BOOK, "fcfs", "sjf", "rr:4", NULL});
    char buf[4096];
    section(r.out, "waiting\n", buf, sizeof buf);
    assert_string_equal(buf, "waiting\n"
                             "  P1                    0         6         6\n"
                             "  P2                   24         0         4\n"
                             "  P3                   27         3         7\n"
                             "  average           17.00      3.00*     5.67\n"
                             "response\n"
                             "  P1                    0         6         0\n"
                             "  P2                   24         0         4\n"
                             "  P3                   27         3         7\n"
                             "  average           17.00      3.00*     3.67\n"
                             "switches\n"
                             "  P1                    1         1         2\n"
                             "  P2                    1         1         1\n"
                             "  P3                    1         1         1\n"
                             "  total                 3*        3*        4\n"
                             "cpu utilisation    100.0%    100.0%    100.0%\n"
                             "* the best of a row (the lowest; cpu utilisation: the highest), "
                             "where the policies differ\n");
    assert_non_null(strstr(r.out, "                     fcfs       sjf      rr:4\n"
                                  "finish\n"
                                  "  P1                   24        30        30\n"));
    assert_non_null(strstr(r.out, "  average           27.00     13.00*    15.67\n"));
    section(r.out, "Gantt charts", buf, sizeof buf);
    assert_string_equal(buf, "Gantt charts (. = idle)\n"
                             "fcfs cpu 0 |P1                           |P2 |P3 |\n"
                             "           0                             24  27  30\n"
                             "sjf  cpu 0 |P2 |P3  |P1                          |\n"
                             "           0   3    6                            30\n"
                             "rr:4 cpu 0 |P1   |P2  |P3 |P1                    |\n"
                             "           0     4    7   10                     30\n");
    result_free(&r);
}

/* Where two schedules part: the first tick at which a CPU runs another
 * process, with what each policy says. */
static void the_first_tick_where_they_differ_and_why(void **state)
{
    (void)state;
    result r = ok((const char *[]){"compare", BOOK, "fcfs", "rr:4", NULL});
    char buf[2048];
    section(r.out, "The schedules", buf, sizeof buf);
    assert_string_equal(buf, "The schedules first differ at tick 4, on cpu 0:\n"
                             "  fcfs  P1 goes on running (since tick 0: fcfs picks it for cpu 0)\n"
                             "  rr:4  P2: rr picks it for cpu 0 (P1 leaves it: quantum of 4 "
                             "expired)\n");
    result_free(&r);
    r = ok((const char *[]){"compare", BOOK, "fcfs", "sjf", NULL});
    section(r.out, "The schedules", buf, sizeof buf);
    assert_string_equal(buf, "The schedules first differ at tick 0, on cpu 0:\n"
                             "  fcfs  P1: fcfs picks it for cpu 0\n"
                             "  sjf   P2: sjf picks it for cpu 0; shortest burst 3\n");
    result_free(&r);
    /* three or more: the pairs too */
    r = ok((const char *[]){"compare", BOOK, "fcfs", "sjf", "rr:4", NULL});
    section(r.out, "First tick at which each two", buf, sizeof buf);
    assert_string_equal(buf, "First tick at which each two differ (-: never):\n"
                             "            sjf     rr:4\n"
                             "  fcfs        0        4\n"
                             "  sjf                  0\n");
    result_free(&r);
}

/* On two CPUs, the lowest CPU where they part at that tick, and the
 * process a quantum took the CPU from. */
static void two_cpus_part_on_the_lowest(void **state)
{
    (void)state;
    result r = ok((const char *[]){"compare", TWO, "fcfs", "rr:1", NULL});
    char buf[2048];
    section(r.out, "The schedules", buf, sizeof buf);
    assert_string_equal(buf, "The schedules first differ at tick 2, on cpu 0:\n"
                             "  fcfs  A goes on running (since tick 0: fcfs picks it for cpu 0)\n"
                             "  rr:1  C: rr picks it for cpu 0 (A leaves it: quantum of 1 "
                             "expired)\n");
    result_free(&r);
}

static void never_differ_is_said(void **state)
{
    (void)state;
    /* sjf and fcfs order the two-CPU workload the same way */
    result r = ok((const char *[]){"compare", TWO, "fcfs", "sjf", "--lang", "ko", NULL});
    assert_non_null(strstr(r.out, "스케줄이 한 번도 달라지지 않는다"));
    result_free(&r);
    r = ok((const char *[]){"compare", TWO, "fcfs", "sjf", "--format", "json", NULL});
    assert_non_null(strstr(r.out, "\"divergence\":null"));
    assert_non_null(strstr(r.out, "{\"a\":\"fcfs\",\"b\":\"sjf\",\"tick\":null}"));
    result_free(&r);
}

/* ---- the shapes ----------------------------------------------------------- */

static void json_has_every_policy_the_best_and_the_parting(void **state)
{
    (void)state;
    result r = ok((const char *[]){"compare", BOOK, "fcfs", "sjf", "rr:4", "--format", "json",
                                   NULL});
    assert_true(json_valid(r.out));
    static const char *const want[] = {
        "\"file\":\"" BOOK "\"",
        "\"cpus\":1,\"file_policy\":\"fcfs\"",
        "{\"policy\":\"sjf\",\"name\":\"sjf\",\"quantum\":null,\"status\":\"done\",\"ticks\":30,"
        "\"finished\":3,\"cpu_utilisation\":1.0000,\"switches\":3,\"averages\":{\"turnaround\":"
        "13.0000,\"waiting\":3.0000,\"response\":3.0000}",
        "{\"policy\":\"rr:4\",\"name\":\"rr\",\"quantum\":4,",
        "\"averages\":{\"turnaround\":15.6667,\"waiting\":5.6667,\"response\":3.6667}",
        "\"averages\":{\"turnaround\":27.0000,\"waiting\":17.0000,\"response\":17.0000}",
        "{\"pid\":2,\"name\":\"P2\",\"finish\":27,\"turnaround\":27,\"waiting\":24,"
        "\"response\":24,\"switches\":1}",
        "\"slices\":[{\"cpu\":0,\"pid\":1,\"name\":\"P1\",\"from\":0,\"to\":4},{\"cpu\":0,\"pid\":2,"
        "\"name\":\"P2\",\"from\":4,\"to\":7},",
        "\"best\":{\"ticks\":[\"fcfs\",\"sjf\",\"rr:4\"],\"turnaround\":[\"sjf\"],\"waiting\":"
        "[\"sjf\"],\"response\":[\"sjf\"],\"switches\":[\"fcfs\",\"sjf\"],\"cpu_utilisation\":"
        "[\"fcfs\",\"sjf\",\"rr:4\"]}",
        "\"divergence\":{\"tick\":0,\"cpu\":0,\"sides\":[",
        "{\"policy\":\"sjf\",\"pid\":2,\"name\":\"P2\",\"since\":0,\"cause\":\"sjf picks it for "
        "cpu 0; shortest burst 3\",\"left\":null,",
        "\"pairs\":[{\"a\":\"fcfs\",\"b\":\"sjf\",\"tick\":0},{\"a\":\"fcfs\",\"b\":\"rr:4\","
        "\"tick\":4},{\"a\":\"sjf\",\"b\":\"rr:4\",\"tick\":0}]",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(r.out, want[i]))
            fail_msg("no %s in\n%s", want[i], r.out);
    result_free(&r);
    /* the side a quantum took the CPU from names who left and why */
    r = ok((const char *[]){"compare", BOOK, "fcfs", "rr:4", "--format", "json", NULL});
    assert_true(json_valid(r.out));
    assert_non_null(strstr(r.out, "\"left\":{\"pid\":1,\"name\":\"P1\",\"cause\":\"quantum of 4 "
                                  "expired\"}"));
    result_free(&r);
}

/* Fields of a CSV line (quoted fields hold no line break here). */
static int csv_fields(const char *line, size_t len)
{
    int n = 1, quoted = 0;
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '"')
            quoted = !quoted;
        else if (line[i] == ',' && !quoted)
            n++;
    }
    return n;
}

static void csv_has_one_header_and_four_kinds_of_row(void **state)
{
    (void)state;
    result r = ok((const char *[]){"compare", BOOK, "fcfs", "rr:4", "--format", "csv", NULL});
    const char *header = "kind,policy,cpu,pid,name,from,to,finish,turnaround,waiting,response,"
                         "switches,cpu_utilisation,text\n";
    assert_memory_equal(r.out, header, strlen(header));
    int kinds[4] = {0};
    static const char *const names[] = {"process,", "summary,", "slice,", "divergence,"};
    for (const char *p = r.out + strlen(header); *p;) {
        size_t len = strcspn(p, "\n");
        if (csv_fields(p, len) != 14)
            fail_msg("not 14 fields: %.*s", (int)len, p);
        int k = -1;
        for (int i = 0; i < 4; i++)
            if (!strncmp(p, names[i], strlen(names[i])))
                k = i;
        if (k < 0)
            fail_msg("a row of no kind: %.*s", (int)len, p);
        kinds[k]++;
        p += len + (p[len] == '\n');
    }
    assert_int_equal(kinds[0], 6); /* 3 processes x 2 policies */
    assert_int_equal(kinds[1], 2);
    assert_int_equal(kinds[2], 3 + 4);
    assert_int_equal(kinds[3], 2);
    static const char *const want[] = {
        "process,fcfs,,2,P2,,,27,27,24,24,1,,\n",
        "summary,fcfs,,,,,,30,27.0000,17.0000,17.0000,3,1.0000,done\n",
        "summary,rr:4,,,,,,30,15.6667,5.6667,3.6667,4,1.0000,done\n",
        "slice,rr:4,0,1,P1,10,30,,,,,,,\n",
        "divergence,rr:4,0,2,P2,4,,,,,,,,P2: rr picks it for cpu 0 (P1 leaves it: quantum of 4 "
        "expired)\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(r.out, want[i]))
            fail_msg("no %s in\n%s", want[i], r.out);
    result_free(&r);
}

/* --lang ko: every heading and the parting sentence, and the causes as
 * ps_cause_format words them. */
static void korean_words_everywhere(void **state)
{
    (void)state;
    result r = ok((const char *[]){"compare", BOOK, "fcfs", "rr:4", "--lang", "ko", NULL});
    static const char *const want[] = {
        "정책 비교: ", "프로세스 3개, CPU 1개; 파일의 정책: fcfs", "종료 시각\n", "반환 시간\n",
        "대기 시간\n", "응답 시간\n", "문맥 교환\n", "  평균              17.00      5.67*\n", "  합계",
        "CPU 이용률", "간트 차트 (. = 유휴)", "fcfs CPU 0 |P1",
        "스케줄이 처음 달라지는 때: 4틱, CPU 0\n",
        "  fcfs  P1 계속 실행 (0틱부터: fcfs 스케줄러가 CPU 0에 배정)\n",
        "  rr:4  P2: rr 스케줄러가 CPU 0에 배정 (CPU를 떠난 P1: 타임 퀀텀 4 만료)\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(r.out, want[i]))
            fail_msg("no '%s' in\n%s", want[i], r.out);
    /* no English heading left */
    assert_null(strstr(r.out, "waiting"));
    assert_null(strstr(r.out, "average"));
    result_free(&r);
}

static void until_stops_every_run(void **state)
{
    (void)state;
    result r = ok((const char *[]){"compare", BOOK, "fcfs", "rr:4", "--until", "12", NULL});
    assert_non_null(strstr(r.out, "fcfs: stopped at tick 12 (--until)\n"));
    assert_non_null(strstr(r.out, "rr:4 cpu 0 |P1  |P2 |P3 |P1|\n"
                                  "           0    4   7   10 12\n"));
    result_free(&r);
}

/* Stopped at 5, fcfs has finished none of rr.yaml's processes and sjf
 * one: their averages are over different processes, so none is best. */
static void no_best_between_averages_of_different_processes(void **state)
{
    (void)state;
    result r = ok((const char *[]){"compare", "scenarios/policies/rr.yaml", "fcfs", "sjf",
                                   "--until", "5", NULL});
    for (const char *p = r.out; (p = strstr(p, "  average")); p++) {
        const char *eol = strchr(p, '\n');
        if (memchr(p, '*', (size_t)(eol - p)))
            fail_msg("an average marked best: %.*s", (int)(eol - p), p);
    }
    assert_non_null(strstr(r.out, "  total                 1*"));
    result_free(&r);
}

/* ---- run --policy, run --gantt ------------------------------------------- */

static void run_policy_replaces_the_files(void **state)
{
    (void)state;
    result r = ok((const char *[]){"run", BOOK, "--policy", "sjf", "--format", "csv", NULL});
    /* the file says fcfs: P1 first; sjf takes the shortest, P2 */
    assert_non_null(strstr(r.out, "0,2,P2,ready,running,dispatch,sjf picks it for cpu 0; "
                                  "shortest burst 3\n"));
    assert_null(strstr(r.out, "0,1,P1,ready,running"));
    result_free(&r);
    r = ok((const char *[]){"run", BOOK, "--policy", "rr:4", NULL});
    assert_non_null(strstr(r.out, "policy rr (quantum 4), 1 cpu"));
    assert_non_null(strstr(r.out, "(the policy is --policy's: the file says fcfs)\n"));
    assert_non_null(strstr(r.out, "averages over 3 finished: turnaround 15.67, waiting 5.67"));
    result_free(&r);
    r = ok((const char *[]){"run", BOOK, "--policy", "rr:4", "--format", "json", NULL});
    assert_true(json_valid(r.out));
    assert_non_null(strstr(r.out, "\"policy\":\"rr\",\"quantum\":4,"));
    assert_non_null(strstr(r.out, "\"file_policy\":\"fcfs\""));
    result_free(&r);
    /* without --policy the file's own */
    r = ok((const char *[]){"run", "scenarios/policies/rr.yaml", "--format", "json", NULL});
    assert_non_null(strstr(r.out, "\"file_policy\":\"rr:4\""));
    result_free(&r);
}

static void run_gantt_on_two_cpus_with_idle_time(void **state)
{
    (void)state;
    result r = ok((const char *[]){"run", TWO, "--gantt", NULL});
    char buf[1024];
    section(r.out, "Gantt chart", buf, sizeof buf);
    assert_string_equal(buf, "Gantt chart (. = idle)\n"
                             "cpu 0 |A  |C |...|A|....|D |\n"
                             "      0   3  5   7 8    12 14\n"
                             "cpu 1 |B       |...........|\n"
                             "      0        6           14\n");
    /* under the trace, before the statistics */
    assert_true(strstr(r.out, "Running -> Exit") < strstr(r.out, "\nGantt chart ("));
    assert_true(strstr(r.out, "\nGantt chart (") < strstr(r.out, " pid name"));
    result_free(&r);
    r = ok((const char *[]){"run", TWO, "--gantt", "--format", "json", NULL});
    assert_true(json_valid(r.out));
    assert_non_null(strstr(r.out, "\"gantt\":{\"cpus\":2,\"end\":14,\"slices\":[{\"cpu\":0,"
                                  "\"pid\":1,\"name\":\"A\",\"from\":0,\"to\":3},{\"cpu\":0,"
                                  "\"pid\":3,\"name\":\"C\",\"from\":3,\"to\":5},{\"cpu\":0,"
                                  "\"pid\":1,\"name\":\"A\",\"from\":7,\"to\":8},{\"cpu\":0,"
                                  "\"pid\":4,\"name\":\"D\",\"from\":12,\"to\":14},{\"cpu\":1,"
                                  "\"pid\":2,\"name\":\"B\",\"from\":0,\"to\":6}]}"));
    result_free(&r);
    /* without --gantt, none */
    r = ok((const char *[]){"run", TWO, NULL});
    assert_null(strstr(r.out, "\nGantt chart ("));
    result_free(&r);
}

/* A run too long for a chart of slices: one line per CPU, a column a
 * fixed span, a ruler and the keys; a chart of slices that needs more
 * than a line goes on in bands, names cut keeping their number. */
static void long_runs_stay_in_the_line(void **state)
{
    (void)state;
    result r = ok((const char *[]){"compare", "scenarios/seeds/counter-race.yaml", "fcfs",
                                   "rr:2", NULL});
    assert_non_null(strstr(r.out, "Gantt charts (. = idle; 1 column = 50 ticks: who ran "
                                  "longest in it)\n"
                                  "fcfs cpu 0 |2222222222444444444466666666668888888888aaaaaaa"
                                  "aaa|\n"));
    assert_non_null(strstr(r.out, "           0         500       1000      1500      2000  "
                                  "2250\n"
                                  "keys: 1 = main, 2 = p1, 3 = p2,"));
    result_free(&r);
    r = ok((const char *[]){"compare", "scenarios/seeds/nine-processes.yaml", "fcfs", "rr:1",
                            NULL});
    assert_non_null(strstr(r.out, "rr:1 cpu 0 |Proces-1|Proces-3|"));
    assert_non_null(strstr(r.out, "\n\nrr:1 cpu 0 |Proces-7|")); /* the second band */
    result_free(&r);
}

/* ---- usage errors ---------------------------------------------------------- */

static void usage_errors(void **state)
{
    (void)state;
#define C "compare"
    static const cli_case cases[] = {
        {{C}, 2, NULL, "procsim compare: which scenario?\nusage: procsim compare FILE"},
        {{C, BOOK}, 2, NULL, "procsim compare: give at least two policies to compare (none)\n"},
        {{C, BOOK, "fcfs"}, 2, NULL,
         "procsim compare: give at least two policies to compare (only one: fcfs)\n"},
        {{C, BOOK, "fcfs", "bogus"}, 2, NULL,
         "procsim compare: unknown policy 'bogus' (valid policies: fcfs, sjf, "},
        {{C, BOOK, "fcfs", "rr:0"}, 2, NULL,
         "procsim compare: rr:0: the quantum after ':' must be an integer from 1 to "},
        {{C, BOOK, "fcfs", "rr:4x"}, 2, NULL, "rr:4x: the quantum after ':' must be"},
        {{C, BOOK, "fcfs", "sjf:3"}, 2, NULL,
         "procsim compare: sjf:3: policy sjf has no quantum; write it without ':3'\n"},
        {{C, BOOK, "fcfs", "mlq"}, 2, NULL,
         BOOK ": policy mlq needs system.queues, which this file does not give\n"},
        {{C, BOOK, "rr", "rr:4"}, 2, NULL,
         "procsim compare: 'rr' and 'rr:4' are the same policy here (rr:4)\n"},
        {{C, BOOK, "sjf", "sjf"}, 2, NULL, "procsim compare: 'sjf' is given twice\n"},
        {{C, BOOK, "fcfs", "sjf", "srtf", "rr:1", "rr:2", "rr:3", "rr:4", "rr:5", "rr:6"}, 2,
         NULL, "procsim compare: at most 8 policies at a time ('rr:6' is one more)\n"},
        {{C, "no/such.yaml", "fcfs", "rr"}, 2, NULL, "no/such.yaml: cannot open"},
        {{C, "tests/cli/bad-version.yaml", "fcfs", "rr"}, 2, NULL,
         "tests/cli/bad-version.yaml:1:10: "},
        {{C, BOOK, "fcfs", "rr", "--format", "xml"}, 2, NULL,
         "procsim compare: unknown format 'xml'; expected text, csv or json\n"},
        {{C, BOOK, "fcfs", "rr", "--lang", "fr"}, 2, NULL,
         "procsim compare: --lang wants en or ko, got 'fr'\n"},
        {{C, BOOK, "fcfs", "rr", "--until", "-1"}, 2, NULL,
         "procsim compare: --until wants a whole number from 0 to 9223372036854775807, got "
         "'-1'\n"},
        {{C, BOOK, "fcfs", "rr", "--bogus"}, 2, NULL,
         "procsim compare: unknown or incomplete option '--bogus'\n"},
        {{C, BOOK, "fcfs", "rr", "--format"}, 2, NULL, "unknown or incomplete option '--format'"},
        /* a runtime failure: the comparison still shows, exit 1 */
        {{C, "tests/cli/deadlock.yaml", "fcfs", "rr"}, 1, "rr:1: deadlock at tick 4",
         "procsim compare: rr:1: deadlock at tick 4: a waits for mutex m2 held by b"},
        {{"run", BOOK, "--policy", "bogus"}, 2, NULL,
         "procsim run: --policy: unknown policy 'bogus' (valid policies: "},
        {{"run", BOOK, "--policy", "fcfs:2"}, 2, NULL,
         "procsim run: --policy: fcfs:2: policy fcfs has no quantum; write it without ':2'\n"},
        {{"run", BOOK, "--policy", "mlq"}, 2, NULL,
         BOOK ": policy mlq needs system.queues, which this file does not give\n"},
        {{"run", BOOK, "--policy"}, 2, NULL, "unknown or incomplete option '--policy'"},
        {{"run", BOOK, "--gantt", "--format", "csv"}, 2, NULL,
         "procsim run: --gantt draws under the text view, and --format json has it as "
         "\"gantt\"; csv has one row per transition and no place for it\n"},
        /* help */
        {{C, "--help"}, 0, "usage: procsim compare FILE P[:Q] P[:Q]...", NULL},
        {{C, "-h"}, 0, "--lang L      en or ko: every word, and the causes", NULL},
        {{"run", "--help"}, 0, "--policy P[:Q] run under policy P", NULL},
        {{"run", "--help"}, 0, "--gantt       text: a Gantt chart of the CPUs", NULL},
        {{"--help"}, 0, "       procsim compare FILE P[:Q] P[:Q]...", NULL},
        {{"frobnicate"}, 2, NULL, "the commands are gui, run, compare, check,"},
    };
#undef C
    check_cases(cases, sizeof cases / sizeof cases[0], NULL);
}

/* ---- every shipped scenario ------------------------------------------------ */

/* Every scenarios/ **.yaml under the source tree (any depth), sorted. */
static void walk(const char *rel, char ***paths, size_t *n)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%s", PROCSIM_SOURCE_DIR, rel);
    DIR *h = opendir(dir);
    assert_non_null(h);
    struct dirent *de;
    while ((de = readdir(h))) {
        if (de->d_name[0] == '.')
            continue;
        char path[1024], full[2048];
        snprintf(path, sizeof path, "%s/%s", rel, de->d_name);
        snprintf(full, sizeof full, "%s/%s", PROCSIM_SOURCE_DIR, path);
        struct stat st;
        assert_int_equal(stat(full, &st), 0);
        size_t len = strlen(path);
        if (S_ISDIR(st.st_mode)) {
            walk(path, paths, n);
        } else if (len > 5 && !strcmp(path + len - 5, ".yaml")) {
            *paths = realloc(*paths, (*n + 1) * sizeof **paths);
            assert_non_null(*paths);
            (*paths)[(*n)++] = strdup(path);
        }
    }
    closedir(h);
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* No line of a Gantt chart wider than 80 columns (ASCII: bytes). */
static void gantt_fits(const char *file, const char *out)
{
    const char *p = strstr(out, "\nGantt chart");
    assert_non_null(p);
    const char *end = strstr(p, "\nThe schedules");
    assert_non_null(end);
    for (p++; p < end;) {
        size_t len = strcspn(p, "\n");
        if (len > 80)
            fail_msg("%s: a Gantt line of %zu columns: %.*s", file, len, (int)len, p);
        p += len + 1;
    }
}

static void compare_runs_on_every_shipped_scenario(void **state)
{
    (void)state;
    char **paths = NULL;
    size_t n = 0;
    walk("scenarios", &paths, &n);
    qsort(paths, n, sizeof *paths, by_path);
    assert_true(n >= 30);
    for (size_t i = 0; i < n; i++) {
        result r = procsim((const char *[]){"compare", paths[i], "fcfs", "rr", NULL});
        if (r.status != 0 || !strstr(r.out, "Compare policies: ") || r.err_len)
            fail_msg("%s: exit %d\n%s\n%s", paths[i], r.status, r.out, r.err);
        gantt_fits(paths[i], r.out);
        result_free(&r);
        r = procsim((const char *[]){"compare", paths[i], "fcfs", "rr", "--format", "json",
                                     NULL});
        if (r.status != 0 || !json_valid(r.out))
            fail_msg("%s: json: exit %d: %s", paths[i], r.status, r.err);
        result_free(&r);
        free(paths[i]);
    }
    free(paths);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compare_gives_the_books_averages),
        cmocka_unit_test(the_first_tick_where_they_differ_and_why),
        cmocka_unit_test(two_cpus_part_on_the_lowest),
        cmocka_unit_test(never_differ_is_said),
        cmocka_unit_test(json_has_every_policy_the_best_and_the_parting),
        cmocka_unit_test(csv_has_one_header_and_four_kinds_of_row),
        cmocka_unit_test(korean_words_everywhere),
        cmocka_unit_test(until_stops_every_run),
        cmocka_unit_test(no_best_between_averages_of_different_processes),
        cmocka_unit_test(run_policy_replaces_the_files),
        cmocka_unit_test(run_gantt_on_two_cpus_with_idle_time),
        cmocka_unit_test(long_runs_stay_in_the_line),
        cmocka_unit_test(usage_errors),
        cmocka_unit_test(compare_runs_on_every_shipped_scenario),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
