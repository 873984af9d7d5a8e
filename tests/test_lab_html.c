/* test_lab_html.c — `procsim lab --format html|pdf` and the grids it
 * draws (lab_grid.h).
 *
 * The page is checked as a reader of its HTML would: every tag closed in
 * order, every question there, the grids as wide as the run (a cell per
 * tick and row, a key's run of ticks one cell with its colspan), the
 * key's cells what the run did, Korean headings under --lang ko with no
 * English word of procsim's around the lab's own text, and the scenario's
 * text escaped.  The grids themselves are checked against the key: a
 * state cell is what `state P at t` answers, a CPU's process is Running.
 * The PDF test runs where weasyprint is installed and says it skipped
 * where it is not. */
#include "clikit.h"

#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lab_html.h"
#include "procsim/lab.h"
#include "procsim/lab_grid.h"
#include "words.h"

/* --- the labs --- */

#define MAX_LABS 64
static char lab_files[MAX_LABS][300]; /* scenarios/labs/NAME.yaml, and the fixture */
static size_t nlabs;

static int by_name(const void *a, const void *b)
{
    return strcmp(a, b);
}

static void find_labs(void)
{
    if (nlabs)
        return;
    DIR *d = opendir(PROCSIM_SOURCE_DIR "/scenarios/labs");
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)) && nlabs < MAX_LABS - 1) {
        size_t n = strlen(de->d_name);
        if (n > 5 && !strcmp(de->d_name + n - 5, ".yaml"))
            snprintf(lab_files[nlabs++], sizeof lab_files[0], "scenarios/labs/%s", de->d_name);
    }
    closedir(d);
    qsort(lab_files, nlabs, sizeof lab_files[0], by_name);
    snprintf(lab_files[nlabs++], sizeof lab_files[0], "tests/cli/html-escape.yaml");
    assert_true(nlabs > 10);
}

static ps_scenario *load(const char *rel)
{
    char path[512];
    ps_error err;
    snprintf(path, sizeof path, "%s/%s", PROCSIM_SOURCE_DIR, rel);
    ps_scenario *s = ps_scenario_load_file(path, &err);
    if (!s)
        fail_msg("%s", err.msg);
    return s;
}

static result page(const char *lab, int solve, const char *lang)
{
    const char *args[] = {"lab", lab, "--format", "html", "--lang", lang,
                          solve ? "-c" : NULL, NULL};
    return procsim(args);
}

/* --- reading the page --- */

/* Is the HTML well formed as far as a printer needs: every element closed
 * in order (but the void ones), the style sheet whole, no '<' or '&' in
 * text that is not a tag or an entity?  0, or -1 with why printed. */
static int balanced(const char *h)
{
    static const char *const voids[] = {"meta", "col", "br", NULL};
    char stack[64][16];
    int depth = 0;
    for (const char *p = h; *p; p++) {
        if (*p == '&') {
            size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz#0123456789");
            if (!n || p[1 + n] != ';') {
                print_error("a bare '&' at: %.40s\n", p);
                return -1;
            }
            continue;
        }
        if (*p == '>') {
            print_error("a bare '>' at: %.40s\n", p);
            return -1;
        }
        if (*p != '<')
            continue;
        if (!strncmp(p, "<!DOCTYPE html>", 15)) {
            p += 14;
            continue;
        }
        int closing = p[1] == '/';
        const char *name = p + 1 + closing;
        size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
        const char *end = strchr(name, '>');
        if (!n || n >= 16 || !end || memchr(name, '<', (size_t)(end - name))) {
            print_error("a broken tag at: %.40s\n", p);
            return -1;
        }
        char tag[16];
        memcpy(tag, name, n);
        tag[n] = 0;
        int is_void = 0;
        for (size_t v = 0; voids[v]; v++)
            is_void |= !strcmp(voids[v], tag);
        if (closing) {
            if (!depth || strcmp(stack[depth - 1], tag)) {
                print_error("</%s> closes <%s>\n", tag, depth ? stack[depth - 1] : "nothing");
                return -1;
            }
            depth--;
        } else if (!is_void) {
            if (depth == 64)
                return -1;
            snprintf(stack[depth++], sizeof stack[0], "%s", tag);
        }
        p = end;
        if (!closing && !strcmp(tag, "style")) { /* CSS is not HTML text */
            const char *close = strstr(p, "</style>");
            if (!close)
                return -1;
            p = close - 1;
        }
    }
    if (depth) {
        print_error("<%s> is never closed\n", stack[depth - 1]);
        return -1;
    }
    return 0;
}

/* `s` as the page escapes it, into buf. */
static const char *escaped(const char *s, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = 0;
    for (; *s && n + 8 < size; s++) {
        const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
                       : *s == '"' ? "&quot;" : *s == '\'' ? "&#39;" : NULL;
        if (e)
            n += (size_t)snprintf(buf + n, size - n, "%s", e);
        else
            buf[n++] = *s, buf[n] = 0;
    }
    return buf;
}

/* The table rows of class `cls` ("cpu", "proc") of the page, in order,
 * block after block: the number of cells (colspans counted) of all of them
 * into *cells and, for the key's Gantt, who is in each tick: names[row *
 * ticks + t] gets the cell's text (at most 63 bytes; "" for blank). */
typedef struct rows {
    uint32_t nrows;     /* distinct rows (a row of each block is the same row) */
    long cells;
    char (*text)[64];
} rows;

static rows read_rows(const char *h, const char *cls, uint32_t nrows, int64_t ticks)
{
    rows r = {nrows, 0, calloc((size_t)nrows * (size_t)ticks + 1, 64)};
    char open[32];
    snprintf(open, sizeof open, "<tr class=\"%s\">", cls);
    uint32_t row = 0;
    int64_t block = 0; /* the first tick of the current block */
    for (const char *p = strstr(h, open); p; p = strstr(p + 1, open)) {
        const char *end = strstr(p, "</tr>");
        int64_t t = block;
        for (const char *c = strstr(p, "<td"); c && c < end; c = strstr(c + 1, "<td")) {
            long span = 1;
            const char *gt = strchr(c, '>');
            const char *cs = strstr(c, "colspan=\"");
            if (cs && cs < gt)
                span = strtol(cs + 9, NULL, 10);
            const char *close = strstr(gt, "</td>");
            for (long k = 0; k < span; k++, t++)
                if (t < ticks && row < nrows)
                    snprintf(r.text[(size_t)row * (size_t)ticks + (size_t)t], 64, "%.*s",
                             (int)(close - gt - 1), gt + 1);
            r.cells += span;
        }
        if (++row == nrows) { /* the block's last row: the next block */
            row = 0;
            block = t;
        }
    }
    return r;
}

/* --- the cases --- */

/* Every lab, handout and key, in both languages: well formed, with its
 * title, every question, and (the key) every answer. */
static void every_lab_makes_a_well_formed_page(void **state)
{
    (void)state;
    find_labs();
    for (size_t l = 0; l < nlabs; l++) {
        ps_scenario *s = load(lab_files[l]);
        for (int solve = 0; solve < 2; solve++)
            for (int ko = 0; ko < 2; ko++) {
                result r = page(lab_files[l], solve, ko ? "ko" : "en");
                if (r.status || balanced(r.out))
                    fail_msg("%s%s --lang %s: exit %d\n%s", lab_files[l], solve ? " -c" : "",
                             ko ? "ko" : "en", r.status, r.err);
                assert_string_equal(r.err, "");
                char buf[2048];
                const char *title = ko && s->title_ko[0] ? s->title_ko : s->title;
                assert_non_null(strstr(r.out, escaped(title, buf, sizeof buf)));
                for (uint32_t i = 0; i < s->nquestions; i++) {
                    const ps_question *q = &s->questions[i];
                    const char *ask = ko && q->ask_ko[0] ? q->ask_ko : q->ask;
                    if (!strstr(r.out, escaped(ask, buf, sizeof buf)))
                        fail_msg("%s: question %u is not on the page", lab_files[l], i + 1);
                    if (solve && !strstr(r.out, escaped(q->expr, buf, sizeof buf)))
                        fail_msg("%s: the key has no [%s]", lab_files[l], q->expr);
                }
                result_free(&r);
            }
        ps_scenario_destroy(s);
    }
}

/* The grids have a cell per tick and row, handout and key, and the key's
 * cells hold what the run did (ps_lab_grid's, checked below). */
static void grids_are_as_wide_as_the_run_and_the_key_fills_them(void **state)
{
    (void)state;
    find_labs();
    for (size_t l = 0; l < nlabs; l++) {
        ps_scenario *s = load(lab_files[l]);
        ps_lab_key key;
        ps_lab_grid g;
        assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &key), 0);
        assert_int_equal(ps_lab_grid_compute(&key, 250, &g), 0);
        assert_true(g.ticks > 0);
        assert_int_equal(g.ticks, ps_lab_grid_end(&key)); /* no shipped lab is cut */
        for (int solve = 0; solve < 2; solve++) {
            result r = page(lab_files[l], solve, "en");
            rows cpu = read_rows(r.out, "cpu", g.ncpu, g.ticks);
            rows proc = read_rows(r.out, "proc", g.nprocs, g.ticks);
            if (cpu.cells != g.ticks * g.ncpu || proc.cells != g.ticks * g.nprocs)
                fail_msg("%s%s: %ld Gantt cells for %lld ticks x %u CPUs, %ld state cells for "
                         "%u processes", lab_files[l], solve ? " -c" : "", cpu.cells,
                         (long long)g.ticks, g.ncpu, proc.cells, g.nprocs);
            for (uint32_t c = 0; c < g.ncpu; c++)
                for (int64_t t = 0; t < g.ticks; t++) {
                    uint32_t pid = g.ran[c * g.ticks + t];
                    const char *want = solve && pid ? s->procs[pid - 1].name : "";
                    char buf[512];
                    if (strcmp(cpu.text[c * g.ticks + t], escaped(want, buf, sizeof buf)))
                        fail_msg("%s%s: CPU %u tick %lld reads '%s', the run had '%s'", lab_files[l],
                                 solve ? " -c" : "", c, (long long)t,
                                 cpu.text[c * g.ticks + t], want);
                }
            for (uint32_t i = 0; i < g.nprocs; i++) /* a blank handout, a filled key */
                for (int64_t t = 0; t < g.ticks; t++) {
                    ps_state st = (ps_state)g.state[i * g.ticks + t];
                    assert_int_equal(proc.text[i * g.ticks + t][0] != 0, solve && st != PS_NONE);
                }
            free(cpu.text);
            free(proc.text);
            result_free(&r);
        }
        ps_lab_grid_fini(&g);
        ps_lab_key_fini(&key);
        ps_scenario_destroy(s);
    }
}

/* A state cell is what `state P at t` answers; a process on a CPU is
 * Running then; `running at t` names those on the CPUs. */
static void the_grids_agree_with_the_key(void **state)
{
    (void)state;
    find_labs();
    int checked = 0;
    for (size_t l = 0; l < nlabs; l++) {
        ps_scenario *s = load(lab_files[l]);
        ps_lab_key key;
        ps_lab_grid g;
        assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &key), 0);
        assert_int_equal(ps_lab_grid_compute(&key, 250, &g), 0);
        for (uint32_t i = 0; i < s->nquestions; i++) {
            const ps_question *q = &s->questions[i];
            const ps_lab_answer *a = &key.answers[i];
            if (q->tick < 0 || q->tick >= g.ticks)
                continue;
            if (q->kind == PS_ASK_STATE) {
                ps_state st = (ps_state)g.state[q->obj * g.ticks + q->tick];
                assert_string_equal(st == PS_NONE ? "none" : ps_state_token(st), a->text);
                checked++;
            } else if (q->kind == PS_ASK_RUNNING) {
                char names[512] = "";
                for (uint32_t pid = 1; pid <= s->nprocs; pid++)
                    if (g.state[(pid - 1) * g.ticks + q->tick] == PS_RUNNING)
                        snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
                                 names[0] ? " " : "", s->procs[pid - 1].name);
                assert_string_equal(names[0] ? names : "idle", a->text);
                checked++;
            }
        }
        for (int64_t t = 0; t < g.ticks; t++) { /* on a CPU: Running, and each on one */
            uint32_t on[PS_MAX_CPUS + 1] = {0}, n = 0, running = 0;
            for (uint32_t c = 0; c < g.ncpu; c++) {
                uint32_t pid = g.ran[c * g.ticks + t];
                if (!pid)
                    continue;
                for (uint32_t k = 0; k < n; k++)
                    if (on[k] == pid)
                        fail_msg("%s: %s is on two CPUs in tick %lld", lab_files[l],
                                 s->procs[pid - 1].name, (long long)t);
                on[n++] = pid;
                if (g.state[(pid - 1) * g.ticks + t] != PS_RUNNING)
                    fail_msg("%s: %s is on CPU %u in tick %lld but %s", lab_files[l],
                             s->procs[pid - 1].name, c, (long long)t,
                             ps_state_token((ps_state)g.state[(pid - 1) * g.ticks + t]));
            }
            for (uint32_t i = 0; i < g.nprocs; i++)
                running += g.state[i * g.ticks + t] == PS_RUNNING;
            if (running != n)
                fail_msg("%s: %u Running in tick %lld, %u on the CPUs", lab_files[l], running,
                         (long long)t, n);
        }
        ps_lab_grid_fini(&g);
        ps_lab_key_fini(&key);
        ps_scenario_destroy(s);
    }
    assert_true(checked > 20);
}

/* Only the first max_ticks columns. */
static void a_long_run_is_cut_to_the_grid(void **state)
{
    (void)state;
    ps_scenario *s = load("scenarios/labs/scheduling-rr.yaml");
    ps_lab_key key;
    ps_lab_grid g;
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &key), 0);
    assert_int_equal(ps_lab_grid_compute(&key, 5, &g), 0);
    assert_int_equal(g.ticks, 5);
    assert_int_equal(ps_lab_grid_end(&key), 16);
    assert_int_equal(g.ran[4], 3); /* P3 runs in tick 4 */
    ps_lab_grid_fini(&g);
    ps_lab_key_fini(&key);
    ps_scenario_destroy(s);
}

/* A run longer than the grids: they stop at 250 ticks and say so. */
static void the_page_says_where_a_long_runs_grids_stop(void **state)
{
    (void)state;
    for (int ko = 0; ko < 2; ko++) {
        result r = page("tests/cli/html-long.yaml", 1, ko ? "ko" : "en");
        assert_int_equal(r.status, 0);
        rows cpu = read_rows(r.out, "cpu", 1, 250);
        rows proc = read_rows(r.out, "proc", 1, 250);
        assert_int_equal(cpu.cells, 250);
        assert_int_equal(proc.cells, 250);
        assert_string_equal(cpu.text[249], "long");
        assert_non_null(strstr(r.out, ko ? "표는 0틱부터 249틱까지만 보인다. 실행은 300틱까지 이어진다."
                                         : "The grids show ticks 0 to 249; the run goes on to "
                                           "tick 300."));
        free(cpu.text);
        free(proc.text);
        result_free(&r);
    }
}

/* The text of the page a reader sees that is procsim's: no tags, no style
 * sheet, not the lab's own words (class "lab": its title, description,
 * questions) nor the answers (b: tokens and names) and their expressions
 * (code), into a new string. */
static int lab_text(const char *tag, const char *gt)
{
    for (const char *q = tag; q + 4 <= gt; q++)
        if (!strncmp(q, "lab\"", 4))
            return 1;
    return 0;
}

static char *procsims_words(const char *h)
{
    char *out = calloc(strlen(h) + 1, 1), *o = out;
    for (const char *p = h; *p;) {
        if (*p == '<') {
            const char *gt = strchr(p, '>');
            size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz0123456789");
            char tag[16];
            snprintf(tag, sizeof tag, "%.*s", (int)(n < 15 ? n : 15), p + 1);
            int skip = !strcmp(tag, "style") || !strcmp(tag, "code") || !strcmp(tag, "title") ||
                       !strcmp(tag, "b") || /* an answer: tokens and names */
                       (gt && lab_text(p, gt));
            if (skip) { /* to its end tag: these hold no element of their kind */
                char close[24];
                snprintf(close, sizeof close, "</%s>", tag);
                const char *e = strstr(p, close);
                p = e ? e + strlen(close) : p + strlen(p);
            } else {
                p = gt ? gt + 1 : p + strlen(p);
            }
            *o++ = ' ';
            continue;
        }
        *o++ = *p++;
    }
    return out;
}

static int in_words(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !strncmp(list[i], w, n))
            return 1;
    return 0;
}

/* A Latin word of the Korean page that is not a token, a name or an
 * abbreviation Korean writes in Latin letters (test_cli_korean.c's rule,
 * on what a reader of the page sees). */
static int english_in(const char *text, const ps_scenario *s)
{
    /* "any": wait any; "none", "in": the sentinel and the
     * loop of the program syntax (send q none, for x in q); None, True,
     * False: Python's values, which op events in the key's reasons print
     * as the program would (is_alive, a queue's sentinel), as
     * test_cli_korean.c allows; the rest: entities */
    static const char *const latin[] = {"CPU", "PID", "any", "none", "in", "None",
                                        "True", "False", "amp", "quot", "lt", "gt", NULL};
    int bad = 0;
    for (const char *p = text; *p;) {
        /* a piece between spaces with a '/' is a path (docs/live.md) */
        size_t piece = strcspn(p, " \n\t");
        if (memchr(p, '/', piece)) {
            p += piece ? piece : 1;
            continue;
        }
        /* a word: letters, digits and '_' (batch1, is_alive) */
        size_t n = 0, letters = 0;
        while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
               (p[n] >= '0' && p[n] <= '9') || p[n] == '_')
            letters += (p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'), n++;
        if (letters < 2) {
            p += n ? n : 1;
            continue;
        }
        int ok = in_words(p, n, latin);
        for (int i = 0; !ok && i < PS_STATE_COUNT; i++) {
            const char *t = ps_state_token((ps_state)i);
            for (const char *q = t; !ok && *q; q += strcspn(q, "-"), q += *q == '-')
                ok = strcspn(q, "-") == n && !strncmp(q, p, n);
        }
        for (int i = 0; !ok && i < PS_EVENT_COUNT; i++)
            ok = strlen(ps_event_token((ps_event)i)) == n && !strncmp(ps_event_token((ps_event)i), p, n);
        for (int i = 0; !ok && i < PS_POLICY_COUNT; i++)
            ok = strlen(ps_policy_token((ps_policy)i)) == n && !strncmp(ps_policy_token((ps_policy)i), p, n);
        for (int i = 0; !ok && i < PS_OP_COUNT; i++)
            ok = strlen(ps_op_token((ps_op_kind)i)) == n && !strncmp(ps_op_token((ps_op_kind)i), p, n);
        for (int i = 0; !ok && i < PS_ACTION_COUNT; i++)
            ok = strlen(ps_action_token((ps_action)i)) == n && !strncmp(ps_action_token((ps_action)i), p, n);
        const ps_names *sets[] = {&s->devices, &s->channels, &s->mutexes, &s->variables};
        for (uint32_t i = 0; !ok && i < s->nprocs; i++)
            ok = strlen(s->procs[i].name) == n && !strncmp(s->procs[i].name, p, n);
        for (size_t k = 0; !ok && k < 4; k++)
            for (uint32_t i = 0; !ok && i < sets[k]->count; i++)
                ok = strlen(sets[k]->names[i]) == n && !strncmp(sets[k]->names[i], p, n);
        if (!ok) {
            print_error("English word '%.*s' in: %.60s\n", (int)n, p, p > text + 20 ? p - 20 : text);
            bad++;
        }
        p += n;
    }
    return bad;
}

/* --lang ko: Korean headings, and no English of procsim's on the page
 * (handout and key of every lab). */
static void korean_pages_are_korean(void **state)
{
    (void)state;
    find_labs();
    static const char *const english[] = {"Workload", "Questions", "Gantt chart", "State table",
                                          "Answer key", "Student ID", NULL};
    static const char *const korean[] = {"작업 부하", "질문", "간트 차트", "상태 표", NULL};
    int bad = 0;
    for (size_t l = 0; l < nlabs; l++) {
        ps_scenario *s = load(lab_files[l]);
        for (int solve = 0; solve < 2; solve++) {
            result r = page(lab_files[l], solve, "ko");
            assert_int_equal(r.status, 0);
            assert_non_null(strstr(r.out, "<html lang=\"ko\">"));
            for (size_t i = 0; korean[i]; i++)
                assert_non_null(strstr(r.out, korean[i]));
            assert_non_null(strstr(r.out, solve ? "정답" : "학번"));
            for (size_t i = 0; english[i]; i++)
                assert_null(strstr(r.out, english[i]));
            char *words = procsims_words(r.out);
            bad += english_in(words, s);
            free(words);
            result_free(&r);
        }
        ps_scenario_destroy(s);
    }
    assert_int_equal(bad, 0);
    /* and English by default (the tests' locale) */
    const char *args[] = {"lab", "scenarios/labs/scheduling-rr.yaml", "--format", "html", NULL};
    result r = procsim(args);
    assert_non_null(strstr(r.out, "<html lang=\"en\">"));
    assert_non_null(strstr(r.out, "Gantt chart"));
    result_free(&r);
}

/* What the scenario says is text on the page, never markup. */
static void the_scenarios_text_is_escaped(void **state)
{
    (void)state;
    for (int ko = 0; ko < 2; ko++) {
        result r = page("tests/cli/html-escape.yaml", 1, ko ? "ko" : "en");
        assert_int_equal(r.status, 0);
        assert_null(strstr(r.out, "<script"));
        assert_null(strstr(r.out, "<b>markup"));
        assert_null(strstr(r.out, "<b>표시"));
        assert_non_null(strstr(r.out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                                      "&quot;quotes&quot;"));
        assert_non_null(strstr(r.out, ko ? "&lt;b&gt;표시&lt;/b&gt;와 &amp;"
                                         : "&lt;b&gt;markup&lt;/b&gt;, an &amp; and"));
        assert_non_null(strstr(r.out, "1 &lt; 2 &amp; 3 &gt; 2?"));
        assert_int_equal(balanced(r.out), 0);
        result_free(&r);
    }
    /* the checker finds what escaping prevents */
    assert_int_equal(balanced("<p>a <b>b</p></b>"), -1);
    assert_int_equal(balanced("<p>1 < 2</p>"), -1);
    assert_int_equal(balanced("<p>a & b</p>"), -1);
    assert_int_equal(balanced("<p>a"), -1);
    assert_int_equal(balanced("<p>a &amp; <col> b</p>"), 0);
}

/* A multiple-choice question: its options a) b) c) on the handout, the
 * right one marked in the key, escaped (drawn from a key given options by
 * hand, as a lab with `choices:` fills them). */
static void choices_are_listed_and_the_key_marks_the_right_one(void **state)
{
    (void)state;
    ps_scenario *s = load("scenarios/labs/scheduling-rr.yaml");
    ps_lab_key key;
    ps_lab_grid g;
    assert_int_equal(ps_lab_key_compute(s, PS_LANG_EN, &key), 0);
    assert_int_equal(ps_lab_grid_compute(&key, 250, &g), 0);
    ps_lab_answer *a = &key.answers[1]; /* state P2 at 4: ready */
    static const char *const options[] = {"running", "ready", "<blocked> & co"};
    for (uint32_t c = 0; c < 3; c++)
        snprintf(a->choices[c], sizeof a->choices[c], "%s", options[c]);
    a->nchoices = 3;
    a->right_choice = 1;
    for (int solve = 0; solve < 2; solve++) {
        char *h = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&h, &len);
        assert_non_null(out);
        cli_lang = PS_LANG_EN;
        cli_lab_html(out, &key, &g, solve);
        fclose(out);
        assert_int_equal(balanced(h), 0);
        assert_non_null(strstr(h, "a) running</li>"));
        assert_non_null(strstr(h, solve ? "<li class=\"right\">b) ready</li>" : "<li>b) ready</li>"));
        assert_non_null(strstr(h, "c) &lt;blocked&gt; &amp; co</li>"));
        assert_int_equal(strstr(h, "class=\"right\"") != NULL, solve);
        assert_null(strstr(h, "d) "));
        free(h);
    }
    ps_lab_grid_fini(&g);
    ps_lab_key_fini(&key);
    ps_scenario_destroy(s);
}

static void usage_errors(void **state)
{
    (void)state;
    static const cli_case cases[] = {
        {{"lab", "scenarios/labs/scheduling-rr.yaml", "--format", "pdf", NULL}, 2, NULL,
         "--format pdf needs -o FILE.pdf"},
        {{"lab", "scenarios/labs/scheduling-rr.yaml", "-o", "x.html", NULL}, 2, NULL,
         "-o writes --format html or pdf"},
        {{"lab", "scenarios/labs/scheduling-rr.yaml", "--format", "doc", NULL}, 2, NULL,
         "--format wants text, html or pdf, got 'doc'"},
        {{"lab", "scenarios/labs/scheduling-rr.yaml", "--format", NULL}, 2, NULL, "--format"},
        {{"lab", "scenarios/labs/scheduling-rr.yaml", "--format", "html", "-o",
          "/nonexistent-dir/x.html", NULL}, 1, NULL, "cannot write /nonexistent-dir/x.html"},
        {{"lab", "scenarios/labs/scheduling-rr.yaml", "--format", "pdf", "--lang", "ko", NULL},
         2, NULL, "-o FILE.pdf가 필요하다"},
        {{"lab", "scenarios/labs/scheduling-rr.yaml", "--format", "text", NULL}, 0, "Workload",
         ""},
    };
    check_cases(cases, sizeof cases / sizeof cases[0], NULL);
}

/* --- PDF --- */

static int have(const char *program)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", program);
    return system(cmd) == 0;
}

/* A new directory for the files of a case (removed by clean). */
static char *scratch(void)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/procsim-html-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return dir;
}

static void clean(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char path[512];
    while (d && (de = readdir(d)))
        if (de->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            unlink(path);
        }
    if (d)
        closedir(d);
    rmdir(dir);
}

static void a_pdf_renders(void **state)
{
    (void)state;
    if (!have("weasyprint") || !have("pdftoppm")) {
        print_message("skipped: weasyprint or pdftoppm is not installed (tools/install-deps)\n");
        skip();
    }
    char *dir = scratch();
    for (int ko = 0; ko < 2; ko++) {
        char pdf[128], prefix[128], png[160], cmd[512];
        snprintf(pdf, sizeof pdf, "%s/key-%d.pdf", dir, ko);
        const char *args[] = {"lab", "scenarios/labs/seven-states.yaml", "-c", "--format", "pdf",
                              "--lang", ko ? "ko" : "en", "-o", pdf, NULL};
        result r = procsim(args);
        if (r.status)
            fail_msg("exit %d: %s", r.status, r.err);
        result_free(&r);
        size_t len = 0;
        FILE *f = fopen(pdf, "rb");
        assert_non_null(f);
        char head[5] = "";
        len = fread(head, 1, 4, f);
        fclose(f);
        assert_int_equal(len, 4);
        assert_memory_equal(head, "%PDF", 4);
        snprintf(prefix, sizeof prefix, "%s/page-%d", dir, ko);
        snprintf(cmd, sizeof cmd, "pdftoppm -png -r 20 -f 1 -l 1 '%s' '%s'", pdf, prefix);
        assert_int_equal(system(cmd), 0);
        snprintf(png, sizeof png, "%s-1.png", prefix);
        struct stat st;
        assert_int_equal(stat(png, &st), 0);
        assert_true(st.st_size > 500);
    }
    /* "-o -": the PDF on stdout */
    const char *out[] = {"lab", "scenarios/labs/scheduling-rr.yaml", "--format", "pdf", "-o", "-",
                         NULL};
    result r = procsim(out);
    assert_int_equal(r.status, 0);
    assert_true(r.out_len > 1000);
    assert_memory_equal(r.out, "%PDF", 4);
    result_free(&r);
    /* weasyprint cannot write: exit 1, saying so */
    const char *bad[] = {"lab", "scenarios/labs/scheduling-rr.yaml", "--format", "pdf", "-o",
                         "/nonexistent-dir/x.pdf", NULL};
    r = procsim(bad);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "cannot write /nonexistent-dir/x.pdf"));
    result_free(&r);
    clean(dir);
}

/* procsim lab ... --format pdf -o PDF with only `env` (run_in keeps the
 * PATH): its exit status, its stderr into text. */
static int pdf_in(const char *pdf, char *const *env, char *text, size_t size)
{
    assert_int_equal(chdir(PROCSIM_SOURCE_DIR), 0);
    char *argv[] = {"procsim", "lab", "scenarios/labs/scheduling-rr.yaml", "--format", "pdf",
                    "-o", (char *)pdf, NULL};
    int err[2];
    assert_int_equal(pipe(err), 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    posix_spawn_file_actions_addclose(&fa, err[0]);
    pid_t pid;
    assert_int_equal(posix_spawn(&pid, PROCSIM_BINARY, &fa, NULL, argv, env), 0);
    posix_spawn_file_actions_destroy(&fa);
    close(err[1]);
    ssize_t n, got = 0;
    while ((n = read(err[0], text + got, size - 1 - (size_t)got)) > 0)
        got += n;
    text[got] = 0;
    close(err[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

/* Without weasyprint: exit 1, and how to get it or print the HTML; a
 * weasyprint that fails: exit 1 with its status, and no file left. */
static void no_weasyprint_says_how_to_get_one(void **state)
{
    (void)state;
    char *dir = scratch();
    char pdf[128], text[2048], path[160], fake[128];
    snprintf(pdf, sizeof pdf, "%s/x.pdf", dir);
    char *none[] = {"PATH=/nonexistent", "LANG=C.UTF-8", NULL};
    assert_int_equal(pdf_in(pdf, none, text, sizeof text), 1);
    assert_non_null(strstr(text, "apt-get install weasyprint"));
    assert_non_null(strstr(text, "--format html"));
    assert_int_equal(access(pdf, F_OK), -1);

    snprintf(fake, sizeof fake, "%s/weasyprint", dir);
    FILE *f = fopen(fake, "w");
    assert_non_null(f);
    fputs("#!/bin/sh\ncat >/dev/null; echo half a PDF; exit 3\n", f);
    fclose(f);
    assert_int_equal(chmod(fake, 0755), 0);
    snprintf(path, sizeof path, "PATH=%s:/usr/bin:/bin", dir);
    char *failing[] = {path, "LANG=C.UTF-8", NULL};
    assert_int_equal(pdf_in(pdf, failing, text, sizeof text), 1);
    assert_non_null(strstr(text, "weasyprint failed (exit status 3)"));
    assert_int_equal(access(pdf, F_OK), -1);
    clean(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_lab_makes_a_well_formed_page),
        cmocka_unit_test(grids_are_as_wide_as_the_run_and_the_key_fills_them),
        cmocka_unit_test(the_grids_agree_with_the_key),
        cmocka_unit_test(a_long_run_is_cut_to_the_grid),
        cmocka_unit_test(the_page_says_where_a_long_runs_grids_stop),
        cmocka_unit_test(korean_pages_are_korean),
        cmocka_unit_test(the_scenarios_text_is_escaped),
        cmocka_unit_test(choices_are_listed_and_the_key_marks_the_right_one),
        cmocka_unit_test(usage_errors),
        cmocka_unit_test(a_pdf_renders),
        cmocka_unit_test(no_weasyprint_says_how_to_get_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
