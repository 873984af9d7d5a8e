/* test_cli_korean.c — Korean output has no English left in it.
 *
 * Each case runs a command in Korean (by --lang ko, or by the locale) and
 * reads everything it wrote, stdout and stderr.  A word of two or more
 * Latin letters is English unless it is one of what stays the same in
 * both languages: a token (states, events, ops, policies, questions,
 * actions, waits...), a name from the case's scenario, a file name or
 * path, an option, a word of a command line procsim suggests, or one of
 * the few abbreviations Korean writes in Latin letters (CPU, PID...).
 * The rule is the issue's: "no English word outside tokens, names and
 * numbers". */
#include "clikit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/engine.h"
#include "procsim/scenario.h"
#include "procsim/trace.h"

/* Latin words Korean text writes as they are. */
static const char *const latin[] = {
    "CPU", "CPUs", "PID", "PPID", "PCB", "IO", "OS", "YAML", "UTF", "CP", "EUC", "KR", "HTML",
    "PDF", "CSV", "JSON", "PNG", "SVG", "ID", "FCFS", "SJF", "SRTF", "RR", "HRRN", "MLQ", "MLFQ",
    "CFS", "OSTEP", "procsim", "Python", "None", "True", "False", "Ctrl", "Esc", "Tab", "SIGSTOP",
    "SIGCONT", "SIGKILL", "SIGTERM", "SIGCHLD", "proc", "stat", "waitpid", "ptrace", "fork",
    "exec", "exit", "docs", "md", "ko", "en", "yaml", "txt", "ms", "kB",
    "ps", "top", /* the programs a lab names (kernel-letters: "ps와 top의 STAT 열") */
    "cmake", "SDL2", "SDL2_ttf", /* how a windowless procsim gets its window */
    NULL,
};

typedef struct korean_case {
    const char *args[16];
    const char *extra[4];   /* environment, NULL-terminated ("LANG=ko_KR.UTF-8") */
    const char *scenario;   /* its names are allowed (NULL: none) */
    int status;
} korean_case;

/* Words of procsim's command lines and machine formats that stay as they
 * are: the commands, the output formats, compare's run statuses (its csv
 * and json "status"). */
static const char *const commands[] = {
    "gui", "run", "compare", "check", "trace", "ostep", "lab", "grade", "help", "list", "text", "csv",
    "json", "html", "pdf", "done", "until", "deadlock", "runaway", "error", "weasyprint",
    /* the CSV header's columns, JSON keys and scenario keys a text names */
    "time", "pid", "name", "from", "to", "event", "cause", "wall_us", "kstate", "reported_by",
    "os_pid", "gantt", "tick_ms", "description_ko", "title_ko", "ask_ko", "vary", NULL,
};

/* A word in capitals is an abbreviation (CPU) or a placeholder of a usage
 * text (FILE, MS, WxH, LC_ALL): both stay as they are. */
static int capitals(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((w[i] < 'A' || w[i] > 'Z') && w[i] != '_' && !(w[i] == 'x' && i && i + 1 < n))
            return 0;
    return 1;
}

static int in_list(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !strncmp(list[i], w, n))
            return 1;
    return 0;
}

/* Every token procsim has: a word of one is allowed ("ready-suspended"
 * allows "ready" and "suspended"). */
static int is_token_word(const char *w, size_t n)
{
    const char *toks[512];
    size_t k = 0;
    for (int i = 0; i < PS_STATE_COUNT; i++)
        toks[k++] = ps_state_token((ps_state)i);
    /* the words of a question's expression ("state PROCESS at TICK"; the
     * placeholders are capitals), and the words an answer is written in
     * (docs/labs/README.md), the program syntax's "wait any", "for x in q"
     * and the sentinel "none" */
    for (int i = 0; i < PS_ASK_COUNT; i++)
        toks[k++] = ps_ask_usage((ps_ask)i);
    toks[k++] = "none idle empty true false any in nothing sleep under with";
    for (int i = 0; i < PS_EVENT_COUNT; i++)
        toks[k++] = ps_event_token((ps_event)i);
    for (int i = 0; i < PS_POLICY_COUNT; i++)
        toks[k++] = ps_policy_token((ps_policy)i);
    for (int i = 0; i < PS_OP_COUNT; i++)
        toks[k++] = ps_op_token((ps_op_kind)i);
    for (int i = 0; i < PS_ASK_COUNT; i++)
        toks[k++] = ps_ask_token((ps_ask)i);
    for (int i = 0; i < PS_ACTION_COUNT; i++)
        toks[k++] = ps_action_token((ps_action)i);
    for (int i = 0; i < PS_WAIT_KINDS; i++)
        toks[k++] = ps_wait_token((ps_wait_kind)i);
    for (int i = 0; i < PS_OBJ_KIND_COUNT; i++)
        toks[k++] = ps_obj_kind_token((ps_obj_kind)i);
    for (int i = 0; i < PS_OP_EVENT_COUNT; i++)
        toks[k++] = ps_op_event_token((ps_op_event_kind)i);
    for (int i = 0; i < PS_TN_COUNT; i++)
        toks[k++] = ps_trace_note_token((ps_trace_note_kind)i);
    for (size_t t = 0; t < k; t++) {
        const char *p = toks[t];
        while (*p) { /* each word of the token */
            size_t m = strcspn(p, "-_/:. |[]");
            if (m == n && !strncmp(p, w, n))
                return 1;
            p += m + (p[m] != 0);
        }
    }
    return 0;
}

/* More names: those of a traced command (its words after "--", each
 * path's last part, its letters), ' '-separated. */
static const char *more_names;

static int is_name(const ps_scenario *s, const char *w, size_t n)
{
    for (const char *p = more_names; p && *p;) {
        size_t m = strcspn(p, " ");
        if (m == n && !strncmp(p, w, n))
            return 1;
        p += m + (p[m] == ' ');
    }
    if (!s)
        return 0;
    for (uint32_t i = 0; i < s->nprocs; i++)
        if (strlen(s->procs[i].name) == n && !strncmp(s->procs[i].name, w, n))
            return 1;
    const ps_names *sets[] = {&s->devices, &s->channels, &s->mutexes, &s->variables};
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++)
        for (uint32_t i = 0; i < sets[k]->count; i++)
            if (strlen(sets[k]->names[i]) == n && !strncmp(sets[k]->names[i], w, n))
                return 1;
    for (uint32_t i = 0; i < s->nvary; i++) /* a lab's vary: names ("q 3, burst 7") */
        if (strlen(s->vary[i].name) == n && !strncmp(s->vary[i].name, w, n))
            return 1;
    return 0;
}

/* Is w a word of a program listing in the scenario's Korean description?
 * A description may quote the program it models ("def worker(counter):"),
 * as lines indented four spaces or more; those lines are code, not words
 * for people, and their identifiers may be named in the prose around
 * them ("레지스터 tmp"). */
static int is_listing_word(const ps_scenario *s, const char *w, size_t n)
{
    if (!s)
        return 0;
    for (const char *line = s->description_ko; *line;) {
        size_t len = strcspn(line, "\n");
        if (!strncmp(line, "    ", 4))
            for (size_t i = 0; i + n <= len; i++) {
                const char *c = line + i;
                int starts = i == 0 || !((c[-1] >= 'a' && c[-1] <= 'z') ||
                                         (c[-1] >= 'A' && c[-1] <= 'Z') || c[-1] == '_');
                char after = i + n < len ? c[n] : ' ';
                int ends = !((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
                             after == '_' || (after >= '0' && after <= '9'));
                if (starts && ends && !strncmp(c, w, n))
                    return 1;
            }
        line += len + (line[len] == '\n');
    }
    return 0;
}

static int latin_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* A whitespace-separated piece that is a path, an option or a command
 * line's word: it stays as it is.  In a CSV record ("0,1,editor,new,...")
 * the fields up to the last comma are tokens, names and numbers; what is
 * after it is looked at (verbatim_csv). */
static size_t verbatim_csv(const char *p, size_t n)
{
    size_t last = 0;
    for (size_t i = 1; i + 1 < n; i++)
        if (p[i] == ',')
            last = i + 1;
    return last;
}

static int verbatim(const char *p, size_t n)
{
    if ((n >= 2 && p[0] == '-') || (n >= 3 && p[0] == '(' && p[1] == '-'))
        return 1; /* --lang, -c, (--variant */
    for (size_t i = 0; i < n; i++)
        if (p[i] == '/' || p[i] == '=' || p[i] == '[' || p[i] == '<' || p[i] == '|')
            return 1; /* scenarios/tour.yaml, FILE:LINE, [state P2 at 4], <built-in tour>,
                         a Gantt row's cells (names cut to fit), text|csv */
    for (size_t i = 1; i + 1 < n; i++)
        if (p[i] == ':' && p[i + 1] != ' ')
            return 1; /* a spec: 0.5:suspend:Process-1, rr:4 */
    for (size_t i = 1; i + 1 < n; i++) /* code in prose: random.seed(5), is_alive(slow) */
        if (latin_letter(p[i - 1]) && (p[i] == '(' || (p[i] == '.' && latin_letter(p[i + 1]))))
            return 1;
    for (size_t i = 1; i + 1 < n; i++) /* an identifier: is_alive, cpu_count */
        if (p[i] == '_' && latin_letter(p[i - 1]) && p[i - 1] != '_' && latin_letter(p[i + 1]))
            return 1;
    static const char *const ext[] = {".yaml", ".yml", ".txt", ".csv", ".md", ".html", ".pdf",
                                      ".png", ".svg", ".py", ".c"};
    for (size_t k = 0; k < sizeof ext / sizeof ext[0]; k++) {
        size_t e = strlen(ext[k]);
        for (size_t i = 0; i + e <= n; i++)
            if (!strncmp(p + i, ext[k], e))
                return 1;
    }
    return 0;
}

/* The English words of `text`, each reported with its line. */
static int english_words(const char *text, const ps_scenario *s, const char *what)
{
    int bad = 0;
    const char *line = text;
    while (*line) {
        size_t len = strcspn(line, "\n");
        /* a line of a command to type ("  procsim grade ...") is verbatim */
        const char *q = line;
        while (*q == ' ')
            q++;
        /* ... but "procsim run: which scenario?" is a message */
        int command = !strncmp(q, "procsim ", 8);
        if (command) {
            size_t w = strcspn(q + 8, " \n");
            command = !(w && q[8 + w - 1] == ':');
        }
        /* a line of code in a description (indented further, no Hangul:
         * the Python program a lab stands for) is verbatim too */
        if (q - line >= 4) {
            int hangul = 0;
            for (size_t k = 0; k + 2 < len; k++)
                hangul |= (unsigned char)line[k] == 0xEA || (unsigned char)line[k] == 0xEB ||
                          (unsigned char)line[k] == 0xEC || (unsigned char)line[k] == 0xED;
            command |= !hangul;
        }
        /* what is in quotes is quoted (the user's input, a key): verbatim */
        char quoted[4096] = "";
        for (size_t k = 0, in = 0; k < len && k < sizeof quoted; k++) {
            int mark = line[k] == '\'' || line[k] == '"';
            if (mark)
                in = !in;
            quoted[k] = (char)(in || mark);
        }
        for (size_t i = 0; !command && i < len;) {
            size_t piece = strcspn(line + i, " \t\n");
            if (piece > len - i)
                piece = len - i;
            if (verbatim(line + i, piece)) {
                i += piece + 1;
                continue;
            }
            for (size_t j = i + verbatim_csv(line + i, piece); j < i + piece;) {
                /* a word: Latin letters, with digits and '_' inside it as
                 * a name has them ("to_child", "P2") */
                const char *w = line + j;
                size_t n = 0;
                if (w[0] == 'x' && j > i && w[-1] == '0') { /* 0xE9: a number */
                    while (j + n + 1 < i + piece && strchr("0123456789abcdefABCDEF", w[n + 1]))
                        n++;
                    j += n + 1;
                    continue;
                }
                while (j + n < i + piece &&
                       ((w[n] >= 'a' && w[n] <= 'z') || (w[n] >= 'A' && w[n] <= 'Z') ||
                        (n && ((w[n] >= '0' && w[n] <= '9') || w[n] == '_'))))
                    n++;
                while (n && (w[n - 1] == '_' || (w[n - 1] >= '0' && w[n - 1] <= '9')) &&
                       !is_name(s, w, n))
                    n--; /* "P2" is a name, "abc12" the word "abc" */
                if (n >= 2 && !quoted[j < sizeof quoted ? j : 0] && !in_list(w, n, latin) &&
                    !in_list(w, n, commands) && !capitals(w, n) && !is_token_word(w, n) &&
                    !is_name(s, w, n) && !is_listing_word(s, w, n)) {
                    print_error("%s: English word '%.*s' in: %.*s\n", what, (int)n, w, (int)len,
                                line);
                    bad++;
                }
                j += n ? n : 1;
            }
            i += piece + 1;
        }
        line += len + (line[len] == '\n');
    }
    return bad;
}

/* Commands in Korean, a section per command. */
static const korean_case cases[] = {
    /* run, check, help */
    {{"--version", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 0},
    {{"run", "scenarios/tour.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, "scenarios/tour.yaml", 0},
    {{"run", "--lang", "ko", "--tour", NULL}, {NULL}, "scenarios/tour.yaml", 0},
    {{"run", "--lang", "ko", "--gantt", "--ops", "tests/cli/ko-view.yaml", NULL}, {NULL},
     "tests/cli/ko-view.yaml", 0},
    {{"run", "--lang", "ko", "--policy", "fcfs", "--until", "4", "tests/cli/ko-view.yaml", NULL},
     {NULL}, "tests/cli/ko-view.yaml", 0},
    {{"run", "--lang", "ko", "tests/cli/ko-deadlock.yaml", NULL}, {NULL},
     "tests/cli/ko-deadlock.yaml", 1},
    {{"run", "--lang", "ko", "--format", "csv", "--ops", "tests/cli/ko-view.yaml", NULL}, {NULL},
     "tests/cli/ko-view.yaml", 0},
    {{"run", "--lang", "ko", NULL}, {NULL}, NULL, 2},
    {{"run", "--lang", "ko", "--format", "xml", "scenarios/tour.yaml", NULL}, {NULL}, NULL, 2},
    {{"run", "--lang", "ko", "--bogus", NULL}, {NULL}, NULL, 2},
    {{"run", "--lang", "ko", "--until", "x", "scenarios/tour.yaml", NULL}, {NULL}, NULL, 2},
    {{"run", "--lang", "ko", "a.yaml", "b.yaml", NULL}, {NULL}, NULL, 2},
    {{"run", "--lang", "ko", "--gantt", "--format", "csv", "scenarios/tour.yaml", NULL}, {NULL},
     NULL, 2},
    {{"run", "--lang", "xx", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"check", "--lang", "ko", "tests/cli/ko-view.yaml", "tests/cli/ko-deadlock.yaml", NULL},
     {NULL}, NULL, 0},
    {{"check", "tests/cli/ko-view.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 0},
    {{"check", "--lang", "ko", NULL}, {NULL}, NULL, 2},
    {{"--help", "--lang", "ko", NULL}, {NULL}, NULL, 0},
    {{"--help", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 0},
    {{"run", "--help", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 0},
    {{"check", "--help", "--lang", "ko", NULL}, {NULL}, NULL, 0},
    {{"gui", "--help", "--lang", "ko", NULL}, {NULL}, NULL, 0},
    {{"ostep", "--help", "--lang", "ko", NULL}, {NULL}, NULL, 0},
    {{"lab", "--help", "--lang", "ko", NULL}, {NULL}, NULL, 0},
    {{"grade", "--help", "--lang", "ko", NULL}, {NULL}, NULL, 0},
    {{"bogus", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"scenarios/tour.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"ostep", "--lang", "ko", NULL}, {NULL}, NULL, 2},
    {{"ostep", "--lang", "ko", "nope", NULL}, {NULL}, NULL, 2},
    {{"ostep", "process-run", "-l", "2:50", "--format", "xml", NULL}, {"LANG=ko_KR.UTF-8", NULL},
     NULL, 2},
#if PROCSIM_WITH_GUI
    {{"gui", "--lang", "ko", "--speed", "3", NULL}, {NULL}, NULL, 2},
    {{"gui", "--lang", "ko", "--size", "1x1", NULL}, {NULL}, NULL, 2},
    {{"gui", "--bogus", "--lang", "ko", NULL}, {NULL}, NULL, 2},
    {{"gui", "--lang", "ko", "--screenshot", "x.png", NULL}, {NULL}, NULL, 2},
    {{"gui", "--lang", "ko", "--student", "", NULL}, {NULL}, NULL, 2},
    {{"gui", "--lang", "ko", "--policy", "bogus", NULL}, {NULL}, NULL, 2},
    {{"gui", "--lang", "ko", "--policy", "fcfs:3", NULL}, {NULL}, NULL, 2},
    {{"gui", "--lang", "ko", "--policy", "rr:2", "--compare", "fcfs,sjf", NULL}, {NULL}, NULL, 2},
    {{"gui", "--lang", "ko", "--policy", "mlq", "tests/cli/ko-view.yaml", NULL}, {NULL},
     "tests/cli/ko-view.yaml", 2},
    /* the window's own errors before and after it opens */
    {{"gui", "--lang", "ko", "--select", "nobody", NULL}, {NULL}, "scenarios/tour.yaml", 2},
    {{"gui", "--lang", "ko", "--select", "99", NULL}, {NULL}, "scenarios/tour.yaml", 2},
    {{"gui", "--lang", "ko", "--quiz", "--follow", "nobody", "tests/cli/ko-view.yaml", NULL},
     {NULL}, "tests/cli/ko-view.yaml", 2},
    {{"gui", "--lang", "ko", "--frames", "1", "--screenshot", "/nonexistent-dir/x.png", NULL},
     {"SDL_VIDEODRIVER=offscreen", NULL}, NULL, 1},
    {{"gui", "--lang", "ko", "--gantt-png", "/nonexistent-dir/c.svg", "tests/cli/ko-view.yaml",
      NULL}, {NULL}, "tests/cli/ko-view.yaml", 1},
    {{"gui", "--lang", "ko", "--gantt-png", "/nonexistent-dir/c.png", "tests/cli/ko-view.yaml",
      NULL}, {NULL}, "tests/cli/ko-view.yaml", 1},
#else /* no window to parse options for: it says so, a runtime failure */
    {{"gui", "--lang", "ko", "scenarios/tour.yaml", NULL}, {NULL}, NULL, 1},
    {{"gui", "scenarios/tour.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 1},
#endif
    {{"run", "--bogus", "--lang", "ko", NULL}, {NULL}, NULL, 2},
    /* list: the shipped scenarios' titles in Korean, its errors, the hint */
    {{"list", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 0},
    {{"list", "--help", "--lang", "ko", NULL}, {NULL}, NULL, 0},
    {{"list", "--lang", "ko", "--bogus", NULL}, {NULL}, NULL, 2},
    {{"list", NULL}, {"LANG=ko_KR.UTF-8", "PROCSIM_SCENARIOS=/nonexistent", NULL}, NULL, 0},
    {{"run", "tuor", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"--lang", "ko", "check", NULL}, {NULL}, NULL, 2},
    {{NULL}, {"LANG=ko_KR.UTF-8", NULL}, "scenarios/tour.yaml", 0}, /* no display: the tour */
    {{"--lang", "ko", NULL}, {NULL}, "scenarios/tour.yaml", 0},
    /* check: the loader's errors, of several kinds */
    {{"check", "tests/loader/bad/op-zero-ticks.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"check", "tests/loader/bad/wait-not-child.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"check", "tests/loader/bad/spawn-in-loop.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"check", "tests/loader/bad/tab-indent.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"check", "tests/loader/bad/euc-kr.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"check", "tests/loader/bad/cp949.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"check", "tests/loader/no-such-file.yaml", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    /* compare */
    {{"compare", "--lang", "ko", "tests/cli/ko-view.yaml", "fcfs", "rr:2", "sjf", NULL}, {NULL},
     "tests/cli/ko-view.yaml", 0},
    {{"compare", "scenarios/tour.yaml", "fcfs", "srtf", NULL}, {"LANG=ko_KR.UTF-8", NULL},
     "scenarios/tour.yaml", 0},
    {{"compare", "--lang", "ko", "--format", "csv", "tests/cli/ko-view.yaml", "fcfs", "rr:3",
      NULL}, {NULL}, "tests/cli/ko-view.yaml", 0},
    {{"compare", "--lang", "ko", "--until", "3", "tests/cli/ko-view.yaml", "fcfs", "rr:2", NULL},
     {NULL}, "tests/cli/ko-view.yaml", 0},
    {{"compare", "--lang", "ko", "tests/cli/ko-deadlock.yaml", "fcfs", "rr:1", NULL}, {NULL},
     "tests/cli/ko-deadlock.yaml", 1},
    {{"compare", "--lang", "ko", "scenarios/tour.yaml", "fcfs", NULL}, {NULL}, NULL, 2},
    {{"compare", "--lang", "ko", "scenarios/tour.yaml", "fcfs", "fcfs", NULL}, {NULL}, NULL, 2},
    {{"compare", "--lang", "ko", NULL}, {NULL}, NULL, 2},
    {{"compare", "--help", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 0},
    /* trace */
    {{"trace", "--help", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 0},
    {{"trace", "--lang", "ko", NULL}, {NULL}, NULL, 2},
    {{"trace", "--lang", "ko", "--bogus", "--", "/bin/true", NULL}, {NULL}, NULL, 2},
    {{"trace", "--lang", "ko", "--events", "x", "--", "/bin/true", NULL}, {NULL}, NULL, 2},
    {{"trace", "--lang", "ko", "/bin/true", NULL}, {NULL}, NULL, 2},
    {{"trace", "--lang", "ko", "--", NULL}, {NULL}, NULL, 2},
#if PROCSIM_WITH_TRACE
    {{"trace", "--lang", "ko", "--", "/bin/true", NULL}, {NULL}, NULL, 0},
    {{"trace", "--", "/bin/true", NULL}, {"LANG=ko_KR.UTF-8", NULL}, NULL, 0},
    {{"trace", "--lang", "ko", "--format", "csv", "--", "/bin/true", NULL}, {NULL}, NULL, 0},
    {{"trace", "--lang", "ko", "--", "no-such-command", NULL}, {NULL}, NULL, 127},
    {{"trace", "--lang", "ko", "--events", "0:suspend:nobody", "--", "/bin/true", NULL},
     {NULL}, NULL, 0},
#endif
    /* lab: every lab's handout and key are rows of their own
     * (every_lab_reads_in_korean) */
    {{"lab", "--lang", "ko", "--bogus", NULL}, {NULL}, NULL, 2},
    {{"lab", "--lang", "ko", "--format", "html", "-o", "/nonexistent-dir/x.html",
      "scenarios/labs/scheduling-rr.yaml", NULL}, {NULL}, "scenarios/labs/scheduling-rr.yaml", 1},
    {{"lab", "--lang", "ko", "scenarios/tour.yaml", "again.yaml", NULL}, {NULL}, NULL, 2},
    {{"lab", "--lang", "ko", "--random", "--bogus", NULL}, {NULL}, NULL, 2},
    {{"lab", "--lang", "ko", "--random", "--policy", "xyz", NULL}, {NULL}, NULL, 2},
    /* lab --format html */
    /* lab --variant */
    {{"lab", "scenarios/labs/scheduling-rr.yaml", "--variant", "s1", "--lang", "ko", NULL},
     {NULL}, "scenarios/labs/scheduling-rr.yaml", 2},
    {{"lab", "scenarios/labs/scheduling-variants.yaml", "--variant", NULL},
     {"LANG=ko_KR.UTF-8", NULL}, NULL, 2},
    {{"lab", "scenarios/labs/scheduling-variants.yaml", "--variant", " s1", "--lang", "ko", NULL},
     {NULL}, NULL, 2},
    /* grade */
    /* the class but variant.txt, whose message (the loader's) names the key vary: */
    {{"grade", "tests/labs/class.yaml", "tests/labs/class/bom.txt", "tests/labs/class/binary.bin",
      "tests/labs/class/cp949.txt", "tests/labs/class/crlf.txt", "tests/labs/class/euckr.txt",
      "tests/labs/class/late-header.txt", "tests/labs/class/latin1.txt",
      "tests/labs/class/long-line.txt", "tests/labs/class/out-of-range.txt",
      "tests/labs/class/utf16.txt", "--lang", "ko", NULL},
     {NULL}, "tests/labs/class.yaml", 1},
    {{"grade", "tests/labs/class.yaml", "tests/labs/class/euckr.txt", "--lang", "ko", NULL},
     {NULL}, "tests/labs/class.yaml", 1},
    {{"grade", "tests/labs/class.yaml", "tests/labs/class/cp949.txt", NULL},
     {"LANG=ko_KR.UTF-8", NULL}, "tests/labs/class.yaml", 0},
    {{"grade", "tests/labs/class.yaml", "tests/labs/class/latin1.txt", "--lang", "ko", NULL},
     {NULL}, "tests/labs/class.yaml", 2},
    {{"grade", "tests/labs/class.yaml", "/nonexistent/answers", "--lang", "ko", NULL}, {NULL},
     "tests/labs/class.yaml", 2},
    {{"grade", "tests/labs/class.yaml", "tests/layers/climbs-out", "--lang", "ko", NULL},
     {NULL}, "tests/labs/class.yaml", 2},
    {{"grade", "--lang", "ko", "tests/labs/class.yaml", "tests/labs/class", "--csv", NULL},
     {NULL}, "tests/labs/class.yaml", 2},
};

/* The words of the shipped scenarios' NAMEs (procsim list --names),
 * ' '-separated into names. */
static void shipped_names(char *names, size_t size)
{
    result r = run_in((const char *const[]){"list", "--names", NULL}, NULL, 60);
    size_t at = strlen(names);
    snprintf(names + at, size - at, "%s ", r.out);
    for (char *q = names + at; *q; q++)
        if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
            *q = ' ';
    result_free(&r);
}

/* Runs case c: the number of things wrong with it. */
static int check_case(const korean_case *c)
{
    int bad = 0;
    {
        ps_scenario *s = NULL;
        if (c->scenario) {
            ps_error err;
            s = ps_scenario_load_file(c->scenario, &err);
            if (!s)
                fail_msg("%s", err.msg);
        }
        char names[8192] = "";
        int header = 0; /* --format csv: the first line is the CSV header (verbatim) */
        if (c->args[0] && !strcmp(c->args[0], "list")) /* its rows start with a NAME */
            shipped_names(names, sizeof names);
        for (size_t a = 0, after = 0; c->args[a]; a++) {
            header |= a && !strcmp(c->args[a - 1], "--format") && !strcmp(c->args[a], "csv");
            /* a traced command's words; the arguments echoed ("tuor: 열 수 없습니다") */
            if (after || (a && c->args[a][0] != '-')) {
                const char *base = strrchr(c->args[a], '/');
                size_t at = strlen(names);
                snprintf(names + at, sizeof names - at, "%s ", base ? base + 1 : c->args[a]);
                for (char *q = names + at; *q; q++)
                    if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
                        *q = ' ';
            }
            after |= !strcmp(c->args[a], "--");
        }
        more_names = names;
        result r = run_in(c->args, c->extra, 120);
        char what[256] = "";
        for (size_t a = 0; c->args[a]; a++)
            snprintf(what + strlen(what), sizeof what - strlen(what), "%s%s", a ? " " : "",
                     c->args[a]);
        if (r.status != c->status) {
            print_error("%s: exit %d, expected %d\n%s", what, r.status, c->status, r.err);
            bad++;
        }
        const char *out = r.out;
        if (header)
            out += strcspn(out, "\n") + (out[strcspn(out, "\n")] == '\n');
        bad += english_words(out, s, what) + english_words(r.err, s, what);
        result_free(&r);
        ps_scenario_destroy(s);
    }
    return bad;
}

static void korean_output_has_no_english(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        bad += check_case(&cases[i]);
    assert_int_equal(bad, 0);
}

/* Every lab in scenarios/labs, found there (a lab added later is checked
 * too): its handout by the locale and its key by --lang, in Korean. */
static void every_lab_reads_in_korean(void **state)
{
    (void)state;
    DIR *d = opendir(PROCSIM_SOURCE_DIR "/scenarios/labs");
    assert_non_null(d);
    struct dirent *de;
    int bad = 0, labs = 0;
    while ((de = readdir(d))) {
        size_t n = strlen(de->d_name);
        if (n < 6 || strcmp(de->d_name + n - 5, ".yaml"))
            continue;
        char path[512];
        snprintf(path, sizeof path, "scenarios/labs/%s", de->d_name);
        const korean_case handout = {{"lab", path, NULL}, {"LANG=ko_KR.UTF-8", NULL}, path, 0};
        const korean_case key = {{"lab", "-c", "--lang", "ko", path, NULL}, {NULL}, path, 0};
        bad += check_case(&handout) + check_case(&key);
        labs++;
    }
    closedir(d);
    assert_true(labs >= 20);
    assert_int_equal(bad, 0);
}

/* The checker itself: it finds an English word, and lets pass what stays. */
static void the_checker_finds_english(void **state)
{
    (void)state;
    assert_int_equal(english_words("질문\n  1. P2는 ready 상태이다\n", NULL, "t"), 0);
    assert_int_equal(english_words("작업 부하 scenarios/labs/x.yaml --lang\n", NULL, "t"), 0);
    assert_int_equal(english_words("Workload\n", NULL, "t"), 1);
    assert_int_equal(english_words("P1은 arrives 0\n", NULL, "t"), 1);
    assert_int_equal(english_words("  procsim run scenarios/tour.yaml --gantt\n", NULL, "t"), 0);
    assert_int_equal(english_words("procsim run: which scenario?\n", NULL, "t"), 2);
    assert_int_equal(english_words("'bogus'라는 CPU FILE tick_ms\n", NULL, "t"), 0);
    assert_int_equal(english_words("바이트 0xE9, 0xff\n", NULL, "t"), 0);
    assert_int_equal(english_words("바이트 xE9\n", NULL, "t"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_checker_finds_english),
        cmocka_unit_test(korean_output_has_no_english),
        cmocka_unit_test(every_lab_reads_in_korean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
