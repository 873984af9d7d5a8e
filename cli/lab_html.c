/* lab_html.c — a lab as a page to print (lab_html.h): one self-contained
 * HTML document (inline CSS, A4), in one language.  Writing it to a file
 * or through weasyprint is lab_print.c.
 *
 * The handout and the key are one page in two fillings: the key prints
 * the answers where the handout leaves a line, and fills the grids the
 * handout leaves blank (lab_grid.h says what a cell holds).  The grids
 * are cut into blocks of BLOCK ticks so that a block fits the width of
 * the page.  Everything from the scenario goes through esc(): a
 * description or a question may hold any text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lab_out.h"
#include "lab_html.h"
#include "words.h"

enum { BLOCK = 20 };   /* ticks in one block of a grid */
#define CELL_MM 8.0    /* a tick's column: room for a handwritten name */
#define LABEL_MM 22.0  /* the row labels' column */
/* Korean first (a Latin font's Hangul, where it has any, looks worse),
 * then what Debian and Windows have */
#define FONTS "\"Noto Sans CJK KR\", \"NanumGothic\", \"Nanum Gothic\", \"Malgun Gothic\", " \
              "\"DejaVu Sans\", sans-serif"

/* The state table's short forms, one per state (the legend says them). */
typedef struct abbr {
    const char *en, *ko;
} abbr;
static const abbr abbrs[] = {
    [PS_NEW] = {W_HTML_ABBR_NEW},
    [PS_READY] = {W_HTML_ABBR_READY},
    [PS_RUNNING] = {W_HTML_ABBR_RUNNING},
    [PS_BLOCKED] = {W_HTML_ABBR_BLOCKED},
    [PS_READY_SUSPENDED] = {W_HTML_ABBR_READY_SUSPENDED},
    [PS_BLOCKED_SUSPENDED] = {W_HTML_ABBR_BLOCKED_SUSPENDED},
    [PS_EXIT] = {W_HTML_ABBR_EXIT},
};
_Static_assert(sizeof abbrs / sizeof abbrs[0] == PS_STATE_COUNT, "a short form per state");

static const char *abbr_of(ps_state s)
{
    return cli_lang == PS_LANG_KO ? abbrs[s].ko : abbrs[s].en;
}

/* `s` as HTML text (also inside an attribute's quotes). */
static void esc(FILE *out, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
}

/* The style sheet: the page, then a colour per process (the key's Gantt
 * cells) and per state (its state cells), spread over the hues so that
 * no table of colours repeats the list of states. */
static void style(FILE *out, const ps_scenario *s)
{
    fputs("<style>\n"
          "@page { size: A4; margin: 14mm 14mm 16mm 14mm;\n"
          "  @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt;\n"
          "    font-family: " FONTS "; } }\n"
          "body { font-family: " FONTS ";\n"
          "  font-size: 10pt; line-height: 1.35; color: #000; margin: 0; }\n"
          "h1 { font-size: 15pt; margin: 0 0 4pt 0; }\n"
          "h2 { font-size: 12pt; margin: 12pt 0 4pt 0; border-bottom: 1px solid #888; "
          "break-after: avoid; }\n"
          ".banner { font-size: 11pt; font-weight: bold; border: 2px solid #000; "
          "padding: 2pt 6pt; display: inline-block; margin-bottom: 6pt; }\n"
          "table.who { width: 100%; margin: 0 0 6pt 0; }\n"
          "table.who td { padding: 6pt 0 0 0; width: 50%; }\n"
          "table.who span { display: inline-block; width: 60mm; border-bottom: 1px solid #000; }\n"
          ".desc { white-space: pre-wrap; font-size: 9pt; margin: 0 0 4pt 0; }\n"
          ".system { font-size: 9pt; margin: 0; }\n"
          "table.work { border-collapse: collapse; font-size: 9pt; }\n"
          "table.work th, table.work td { border: 1px solid #999; padding: 2pt 5pt; "
          "text-align: left; vertical-align: top; }\n"
          "table.work th { background: #eee; white-space: nowrap; }\n"
          "table.work td { white-space: nowrap; }\n"
          "table.work td:last-child { white-space: normal; }\n"
          "ul.events { font-size: 9pt; margin: 4pt 0; }\n"
          "ol.questions { padding-left: 18pt; }\n"
          "ol.questions > li { margin: 0 0 9pt 0; break-inside: avoid; }\n"
          ".ask { margin: 0; }\n"
          ".line { margin: 4pt 0 0 0; border-bottom: 1px solid #555; height: 14pt; width: 70%; }\n"
          ".line span { font-size: 8pt; color: #555; }\n"
          "ul.choices { list-style: none; margin: 3pt 0 0 0; padding-left: 8pt; }\n"
          "ul.choices li.right { font-weight: bold; }\n"
          "ul.choices li.right::after { content: \" \\2713\"; }\n"
          ".answer { margin: 3pt 0 0 0; }\n"
          ".answer b { font-size: 11pt; }\n"
          ".answer code { font-size: 8pt; color: #555; }\n"
          "ul.why { font-size: 8pt; margin: 2pt 0 0 0; padding-left: 14pt; color: #222; }\n"
          ".note { font-size: 8.5pt; color: #333; margin: 2pt 0 6pt 0; break-after: avoid; }\n"
          "table.grid { table-layout: fixed; border-collapse: collapse; margin: 0 0 6pt 0; "
          "break-inside: avoid; }\n"
          "table.grid th, table.grid td { border: 1px solid #777; padding: 0; "
          "text-align: center; overflow: hidden; white-space: nowrap; font-size: 7pt; }\n"
          "table.grid td { height: 15pt; }\n"
          "table.gantt td { height: 22pt; white-space: normal; word-break: break-all; "
          "line-height: 1.05; }\n"
          "div.sheet { break-inside: avoid; }\n"
          "table.grid thead th { font-weight: normal; color: #444; height: 10pt; "
          "border: none; font-size: 6.5pt; }\n"
          "table.grid th.row { text-align: left; padding: 0 2pt; font-weight: normal; "
          "font-size: 8pt; }\n"
          "table.legend td { padding: 0 8pt 0 0; font-size: 8.5pt; }\n"
          "table.legend b { display: inline-block; min-width: 7mm; text-align: center; }\n",
          out);
    for (uint32_t pid = 1; pid <= s->nprocs; pid++)
        fprintf(out, ".p%u { background: hsl(%u, 70%%, 84%%); }\n", pid, (pid * 137u) % 360u);
    for (int st = 0; st < PS_STATE_COUNT; st++)
        fprintf(out, ".s%d { background: hsl(%d, 55%%, 88%%); }\n", st, st * 360 / PS_STATE_COUNT);
    fputs("</style>\n", out);
}

static void heading(FILE *out, const ps_scenario *s, int solve)
{
    int ko = cli_lang == PS_LANG_KO;
    const char *desc = ko && s->description_ko[0] ? s->description_ko : s->description;
    if (solve) {
        fputs("<div class=\"banner\">", out);
        esc(out, CLI_W(W_HTML_KEY));
        fputs("</div>\n", out);
    }
    fputs("<h1 class=\"lab\">", out);
    esc(out, cli_lab_title(s));
    fputs("</h1>\n", out);
    if (!solve) {
        fputs("<table class=\"who\"><tr><td>", out);
        esc(out, CLI_W(W_HTML_NAME));
        fputs(" <span></span></td><td>", out);
        esc(out, CLI_W(W_HTML_STUDENT));
        fputs(" <span></span></td></tr></table>\n", out);
    }
    if (desc[0]) {
        fputs("<p class=\"desc lab\">", out);
        esc(out, desc);
        fputs("</p>\n", out);
    }
    char buf[128];
    fputs("<p class=\"system\">", out);
    snprintf(buf, sizeof buf, CLI_W(W_HTML_POLICY), ps_policy_token(s->policy));
    esc(out, buf);
    if (ps_policy_uses(s->policy) & PS_USES_QUANTUM) {
        snprintf(buf, sizeof buf, CLI_W(W_HTML_QUANTUM), (long long)s->quantum);
        fputs(" (", out);
        esc(out, buf);
        fputs(")", out);
    }
    snprintf(buf, sizeof buf, CLI_W(W_HTML_CPUS), (int)s->cpus);
    fputs(" · ", out);
    esc(out, buf);
    if (s->memory == PS_UNLIMITED)
        snprintf(buf, sizeof buf, "%s", CLI_W(W_HTML_MEMORY_UNLIMITED));
    else
        snprintf(buf, sizeof buf, CLI_W(W_HTML_MEMORY_OF), (long long)s->memory);
    fputs(" · ", out);
    esc(out, buf);
    if (s->switch_cost) {
        snprintf(buf, sizeof buf, CLI_W(W_HTML_SWITCH_COST), (long long)s->switch_cost);
        fputs(" · ", out);
        esc(out, buf);
    }
    fputs("</p>\n", out);
}

static void th(FILE *out, const char *word)
{
    fputs("<th>", out);
    esc(out, word);
    fputs("</th>", out);
}

static void td_int(FILE *out, long long v)
{
    fprintf(out, "<td>%lld</td>", v);
}

/* One row a process, a column for what the policy reads of each. */
static void workload(FILE *out, const ps_scenario *s)
{
    unsigned uses = ps_policy_uses(s->policy);
    int prio = 0, mem = 0, nice = 0;
    for (uint32_t i = 0; i < s->nprocs; i++) {
        prio |= s->procs[i].priority != 0;
        mem |= s->procs[i].memory != 0;
        nice |= s->procs[i].nice != 0;
    }
    prio |= (uses & PS_USES_PRIORITY) != 0;
    nice &= (uses & PS_USES_CFS) != 0;
    fputs("<h2>", out);
    esc(out, CLI_W(W_HTML_WORKLOAD));
    fputs("</h2>\n<table class=\"work\"><thead><tr>", out);
    th(out, CLI_W(W_HTML_PROCESS));
    th(out, CLI_W(W_HTML_ARRIVAL));
    if (prio)
        th(out, CLI_W(W_HTML_PRIORITY));
    if (uses & PS_USES_MLQ)
        th(out, CLI_W(W_HTML_QUEUE));
    if (uses & PS_USES_TICKETS)
        th(out, CLI_W(W_HTML_TICKETS));
    if (nice)
        th(out, CLI_W(W_HTML_NICE));
    if (mem)
        th(out, CLI_W(W_HTML_MEMORY));
    th(out, CLI_W(W_HTML_PROGRAM));
    fputs("</tr></thead>\n<tbody>\n", out);
    char buf[PS_NAME_MAX_BYTES + 64];
    for (uint32_t i = 0; i < s->nprocs; i++) {
        const ps_proc_spec *p = &s->procs[i];
        fputs("<tr><td>", out);
        esc(out, p->name);
        fputs("</td>", out);
        if (p->parent >= 0) {
            snprintf(buf, sizeof buf, CLI_W(W_HTML_CHILD_OF), s->procs[p->parent].name);
            fputs("<td>", out);
            esc(out, buf);
            fputs("</td>", out);
        } else {
            td_int(out, (long long)p->arrival);
        }
        if (prio)
            td_int(out, (long long)p->priority);
        if (uses & PS_USES_MLQ)
            td_int(out, (long long)p->queue);
        if (uses & PS_USES_TICKETS)
            td_int(out, (long long)p->tickets);
        if (nice)
            td_int(out, (long long)p->nice);
        if (mem)
            td_int(out, (long long)p->memory);
        fputs("<td>", out);
        for (uint32_t k = 0; k < p->op_count; k++) {
            char op[160];
            fputs(k ? ", " : "", out);
            esc(out, ps_op_format(s, &s->ops[p->op_first + k], op, sizeof op));
        }
        if (!p->op_count)
            esc(out, CLI_W(W_HTML_NOTHING));
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
    if (!s->nevents)
        return;
    fputs("<p class=\"system\">", out);
    esc(out, CLI_W(W_HTML_EVENTS));
    fputs("</p>\n<ul class=\"events\">\n", out);
    for (uint32_t i = 0; i < s->nevents; i++) {
        snprintf(buf, sizeof buf, CLI_W(W_HTML_EVENT_AT), (long long)s->events[i].at,
                 ps_action_token((ps_action)s->events[i].action),
                 s->procs[s->events[i].target].name);
        fputs("<li>", out);
        esc(out, buf);
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

/* Question i: the question, its options, then a line to answer on (the
 * handout) or the answer with its reasons (the key). */
static void question(FILE *out, const ps_lab_key *key, uint32_t i, int solve)
{
    const ps_question *q = &key->s->questions[i];
    const ps_lab_answer *a = &key->answers[i];
    const char *text = cli_lang == PS_LANG_KO && q->ask_ko[0] ? q->ask_ko : q->ask;
    fputs("<li><p class=\"ask lab\">", out);
    esc(out, text);
    fputs("</p>\n", out);
    if (a->nchoices) {
        fputs("<ul class=\"choices\">\n", out);
        for (uint32_t c = 0; c < a->nchoices && c < PS_LAB_CHOICES; c++) {
            fprintf(out, "<li%s>%c) ", solve && c == a->right_choice ? " class=\"right\"" : "",
                    'a' + (int)c);
            esc(out, a->choices[c]);
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
    }
    if (!solve) {
        fputs("<div class=\"line\"><span>", out);
        esc(out, CLI_W(W_HTML_ANSWER));
        fputs("</span></div></li>\n", out);
        return;
    }
    fputs("<p class=\"answer\"><b>", out);
    esc(out, a->text);
    fputs("</b>", out);
    if (a->detail[0] && strcmp(a->detail, a->text)) {
        fputs(" (", out);
        esc(out, a->detail);
        fputs(")", out);
    }
    fputs(" <code>[", out);
    esc(out, q->expr);
    fputs("]</code></p>\n", out);
    if (a->nwhy) {
        char line[640];
        fputs("<ul class=\"why\">\n", out);
        for (uint32_t w = 0; w < a->nwhy; w++) {
            fputs("<li>", out);
            esc(out, ps_lab_why_line(key, a, w, line, sizeof line));
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
    }
    fputs("</li>\n", out);
}

static void questions(FILE *out, const ps_lab_key *key, int solve)
{
    const ps_scenario *s = key->s;
    fputs("<h2>", out);
    esc(out, CLI_W(W_HTML_QUESTIONS));
    fputs("</h2>\n", out);
    if (solve && key->status == PS_STEP_STUCK) {
        char buf[128];
        snprintf(buf, sizeof buf, CLI_W(W_HTML_DEADLOCK), (long long)ps_engine_now(key->e));
        fputs("<p class=\"note\">", out);
        esc(out, buf);
        fputs("</p>\n", out);
    }
    if (!s->nquestions) {
        fputs("<p class=\"note\">", out);
        esc(out, CLI_W(W_HTML_NO_QUESTIONS));
        fputs("</p>\n", out);
        return;
    }
    fputs("<ol class=\"questions\">\n", out);
    for (uint32_t i = 0; i < s->nquestions; i++)
        question(out, key, i, solve);
    fputs("</ol>\n", out);
}

/* A block's table: its width, and the ticks from..to-1 as its head. */
static void block_head(FILE *out, const char *cls, int64_t from, int64_t to)
{
    fprintf(out, "<table class=\"grid %s\" style=\"width: %.1fmm\"><colgroup>"
                 "<col style=\"width: %.1fmm\">",
            cls, LABEL_MM + CELL_MM * (double)(to - from), LABEL_MM);
    for (int64_t t = from; t < to; t++)
        fprintf(out, "<col style=\"width: %.1fmm\">", CELL_MM);
    fputs("</colgroup>\n<thead><tr><th></th>", out);
    for (int64_t t = from; t < to; t++)
        fprintf(out, "<th>%lld</th>", (long long)t);
    fputs("</tr></thead>\n<tbody>\n", out);
}

static void row_label(FILE *out, const char *cls, const char *label)
{
    fprintf(out, "<tr class=\"%s\"><th class=\"row\">", cls);
    esc(out, label);
    fputs("</th>", out);
}

/* CPU c's row over ticks from..to-1: blank, or (solve) each run of one
 * process as one cell across its ticks, with its name. */
static void gantt_row(FILE *out, const ps_scenario *s, const ps_lab_grid *g, uint32_t c,
                      int64_t from, int64_t to, int solve)
{
    char label[32];
    snprintf(label, sizeof label, "CPU %u", c);
    row_label(out, "cpu", label);
    for (int64_t t = from; t < to;) {
        uint32_t pid = g->ran[c * g->ticks + t];
        int64_t end = t + 1;
        while (solve && end < to && g->ran[c * g->ticks + end] == pid)
            end++;
        if (!solve || !pid) {
            fputs("<td></td>", out);
            t++;
            continue;
        }
        fprintf(out, "<td class=\"p%u\"", pid);
        if (end - t > 1)
            fprintf(out, " colspan=\"%lld\"", (long long)(end - t));
        fputs(">", out);
        esc(out, s->procs[pid - 1].name);
        fputs("</td>", out);
        t = end;
    }
    fputs("</tr>\n", out);
}

static void state_row(FILE *out, const ps_scenario *s, const ps_lab_grid *g, uint32_t i,
                      int64_t from, int64_t to, int solve)
{
    row_label(out, "proc", s->procs[i].name);
    for (int64_t t = from; t < to; t++) {
        ps_state st = (ps_state)g->state[(size_t)i * (size_t)g->ticks + (size_t)t];
        if (!solve || st == PS_NONE)
            fputs("<td></td>", out);
        else
            fprintf(out, "<td class=\"s%d\">%s</td>", (int)st, abbr_of(st));
    }
    fputs("</tr>\n", out);
}

static void legend(FILE *out)
{
    fputs("<table class=\"legend\"><tr>", out);
    for (int st = 0; st < PS_STATE_COUNT; st++) {
        fprintf(out, "<td><b class=\"s%d\">%s</b> ", st, abbr_of((ps_state)st));
        esc(out, ps_state_name_in((ps_state)st, cli_lang));
        fputs("</td>", out);
    }
    fputs("</tr></table>\n", out);
}

static void grids(FILE *out, const ps_lab_key *key, const ps_lab_grid *g, int solve)
{
    const ps_scenario *s = key->s;
    if (!g->ticks)
        return;
    fputs("<div class=\"sheet\">\n<h2>", out);
    esc(out, CLI_W(W_HTML_GANTT));
    fputs("</h2>\n<p class=\"note\">", out);
    esc(out, CLI_W(W_HTML_GANTT_HOW));
    fputs(" ", out);
    esc(out, CLI_W(W_HTML_COLUMN));
    fputs("</p>\n", out);
    int64_t end = ps_lab_grid_end(key);
    if (end > g->ticks) {
        char buf[160];
        snprintf(buf, sizeof buf, CLI_W(W_HTML_CUT), (long long)g->ticks - 1, (long long)end);
        fputs("<p class=\"note\">", out);
        esc(out, buf);
        fputs("</p>\n", out);
    }
    for (int64_t from = 0; from < g->ticks; from += BLOCK) {
        int64_t to = from + BLOCK < g->ticks ? from + BLOCK : g->ticks;
        block_head(out, "gantt", from, to);
        for (uint32_t c = 0; c < g->ncpu; c++)
            gantt_row(out, s, g, c, from, to, solve);
        fputs("</tbody></table>\n", out);
    }
    fputs("</div>\n<div class=\"sheet\">\n<h2>", out);
    esc(out, CLI_W(W_HTML_STATES));
    fputs("</h2>\n<p class=\"note\">", out);
    esc(out, CLI_W(W_HTML_STATES_HOW));
    fputs("</p>\n", out);
    legend(out);
    for (int64_t from = 0; from < g->ticks; from += BLOCK) {
        int64_t to = from + BLOCK < g->ticks ? from + BLOCK : g->ticks;
        block_head(out, "states", from, to);
        for (uint32_t i = 0; i < s->nprocs; i++)
            state_row(out, s, g, i, from, to, solve);
        fputs("</tbody></table>\n", out);
    }
    fputs("</div>\n", out);
}

void cli_lab_html(FILE *out, const ps_lab_key *key, const ps_lab_grid *g, int solve)
{
    const ps_scenario *s = key->s;
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
            cli_lang == PS_LANG_KO ? "ko" : "en");
    esc(out, cli_lab_title(s));
    if (solve) {
        fputs(" — ", out);
        esc(out, CLI_W(W_HTML_KEY));
    }
    fputs("</title>\n", out);
    style(out, s);
    fputs("</head>\n<body>\n", out);
    heading(out, s, solve);
    workload(out, s);
    questions(out, key, solve);
    grids(out, key, g, solve);
    fputs("</body>\n</html>\n", out);
}
