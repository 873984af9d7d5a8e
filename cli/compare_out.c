/* compare_out.c — what `procsim compare` writes (docs/compare.md):
 *   text  a block per statistic (finish, turnaround, waiting, response,
 *         switches) with a row per process and a column per policy, the
 *         average (or total) under it, the best of each such row marked
 *         `*`; CPU utilisation; the Gantt charts on one time axis; the
 *         first tick where the schedules part, each policy's side of it;
 *         with three or more policies the first tick each two part;
 *   json  one object: {procsim, file, title, cpus, file_policy, policies:
 *         [{policy, name, quantum, status, error?, ticks, finished,
 *         cpu_utilisation, switches, averages: {turnaround, waiting,
 *         response}, processes: [{pid, name, finish, turnaround, waiting,
 *         response, switches}], slices: [{cpu, pid, name, from, to}]}],
 *         best: {ticks, turnaround, waiting, response, switches,
 *         cpu_utilisation: [policy...]}, divergence: null | {tick, cpu,
 *         sides: [{policy, pid, name, since, cause, left, text}]}, pairs:
 *         [{a, b, tick}]};
 *   csv   kind,policy,cpu,pid,name,from,to,finish,turnaround,waiting,
 *         response,switches,cpu_utilisation,text with a row of kind
 *         process, summary, slice or divergence (the fields a kind has no
 *         use for are empty).
 * Keys and tokens are English; every word for people (and the causes) in
 * --lang's language.  Korean takes two columns a character in a terminal:
 * the text's row labels are padded by what they show, not by bytes. */
#include <string.h>

#include "compare.h"
#include "words.h"

/* Its words are words.h's (section compare). */

static void pad(FILE *out, const char *s, int width)
{
    cli_pad(out, s, width);
}

/* ---- text ----------------------------------------------------------------- */

#define LABEL_WIDTH 16 /* the row labels' column */
#define NAME_CUT 13    /* columns: process names longer than this are cut */

static int col_width(const cmp_side *sd)
{
    int n = (int)strlen(sd->label);
    return n > 7 ? n : 7;
}

/* A row: its label, then each policy's cell (cells[i]) right-aligned in
 * its column, those of `best` marked (unless all are), no blank at the
 * end. */
static void text_row(FILE *out, const cmp *c, const char *label, char cells[][64], unsigned best)
{
    pad(out, label, LABEL_WIDTH);
    unsigned all = (1u << c->n) - 1;
    for (size_t i = 0; i < c->n; i++) {
        int mark = best != all && (best >> i & 1);
        fprintf(out, "  %*s%s", col_width(&c->side[i]), cells[i],
                mark ? "*" : i + 1 < c->n ? " " : "");
    }
    fputc('\n', out);
}

static void text_header_row(FILE *out, const cmp *c)
{
    char cells[CMP_MAX][64];
    for (size_t i = 0; i < c->n; i++)
        snprintf(cells[i], sizeof cells[i], "%s", c->side[i].label);
    text_row(out, c, "", cells, 0);
}

static int64_t proc_value(const ps_proc_stats *st, cmp_row what)
{
    switch (what) {
    case CMP_END: return st->finish;
    case CMP_TURNAROUND: return st->turnaround;
    case CMP_WAITING: return st->created ? st->waiting : -1;
    case CMP_RESPONSE: return st->response;
    case CMP_SWITCHES: return st->created ? (int64_t)st->switches : -1;
    case CMP_UTILISATION:
    case CMP_ROWS: break;
    }
    return -1;
}

/* The summary cell of a row: the run's end, an average (none when no
 * process finished), a total. */
static void summary_cell(const cmp_side *sd, cmp_row row, char *buf, size_t size)
{
    if (row == CMP_END || row == CMP_SWITCHES)
        snprintf(buf, size, "%.0f", cmp_value(sd, row));
    else if (row == CMP_UTILISATION)
        snprintf(buf, size, "%.1f%%", 100.0 * cmp_value(sd, row));
    else if (!sd->sum.finished)
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%.2f", cmp_value(sd, row));
}

static void text_block(FILE *out, const cmp *c, const char *title, cmp_row what,
                       const char *total)
{
    char cells[CMP_MAX][64];
    fprintf(out, "%s\n", title);
    const ps_engine *e0 = c->side[0].e;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e0); pid++) {
        char label[256] = "  "; /* a name: at most 192 bytes */
        cli_fit(ps_engine_pcb(e0, pid)->name, NAME_CUT, label + 2, sizeof label - 2);
        for (size_t i = 0; i < c->n; i++) {
            ps_proc_stats st;
            ps_stats_proc(c->side[i].e, pid, &st);
            int64_t v = proc_value(&st, what);
            if (v < 0)
                snprintf(cells[i], sizeof cells[i], "-");
            else
                snprintf(cells[i], sizeof cells[i], "%lld", (long long)v);
        }
        text_row(out, c, label, cells, 0);
    }
    for (size_t i = 0; i < c->n; i++)
        summary_cell(&c->side[i], what, cells[i], sizeof cells[i]);
    char label[64];
    snprintf(label, sizeof label, "  %s", total);
    text_row(out, c, label, cells, cmp_best(c, what));
}

static void text_parting(FILE *out, const cmp *c)
{
    if (c->tick < 0) {
        fprintf(out, "%s\n", CLI_W_IN(W_CMP_NEVER, c->lang));
        return;
    }
    fprintf(out, CLI_W_IN(W_CMP_PART, c->lang), (long long)c->tick, c->cpu);
    fputc('\n', out);
    int w = 0;
    for (size_t i = 0; i < c->n; i++)
        w = (int)strlen(c->side[i].label) > w ? (int)strlen(c->side[i].label) : w;
    for (size_t i = 0; i < c->n; i++) {
        char text[1024];
        cmp_at_text(c, i, text, sizeof text);
        fprintf(out, "  %-*s  %s\n", w, c->side[i].label, text);
    }
    if (c->n < 3)
        return;
    fprintf(out, "%s\n", CLI_W_IN(W_CMP_PAIRS, c->lang));
    fprintf(out, "  %-*s", w, "");
    for (size_t j = 1; j < c->n; j++)
        fprintf(out, "  %*s", col_width(&c->side[j]), c->side[j].label);
    fputc('\n', out);
    for (size_t i = 0; i + 1 < c->n; i++) {
        fprintf(out, "  %-*s", w, c->side[i].label);
        for (size_t j = 1; j < c->n; j++) {
            char cell[32] = "";
            if (j > i && c->pair[i][j] >= 0)
                snprintf(cell, sizeof cell, "%lld", (long long)c->pair[i][j]);
            else if (j > i)
                snprintf(cell, sizeof cell, "-");
            fprintf(out, "  %*s", col_width(&c->side[j]), cell);
        }
        fputc('\n', out);
    }
}

void cmp_write_text(FILE *out, const cmp *c)
{
    const ps_scenario *s = c->side[0].s;
    int ko = c->lang == PS_LANG_KO;
    fprintf(out, "%s: ", CLI_W_IN(W_CMP_TITLE, c->lang));
    cli_visible(out, cli_title(s, c->lang), PS_VISIBLE_LINE);
    putc('\n', out);
    fprintf(out, CLI_W_IN(W_CMP_SYSTEM, c->lang), c->path, s->nprocs, s->cpus,
            !ko && s->cpus != 1 ? "s" : "", c->file_policy);
    fputc('\n', out);
    text_header_row(out, c);
    text_block(out, c, CLI_W_IN(W_CMP_FINISH, c->lang), CMP_END, CLI_W_IN(W_CMP_RUN_ENDS, c->lang));
    text_block(out, c, CLI_W_IN(W_CMP_TURNAROUND, c->lang), CMP_TURNAROUND, CLI_W_IN(W_CMP_AVERAGE, c->lang));
    text_block(out, c, CLI_W_IN(W_CMP_WAITING, c->lang), CMP_WAITING, CLI_W_IN(W_CMP_AVERAGE, c->lang));
    text_block(out, c, CLI_W_IN(W_CMP_RESPONSE, c->lang), CMP_RESPONSE, CLI_W_IN(W_CMP_AVERAGE, c->lang));
    text_block(out, c, CLI_W_IN(W_CMP_SWITCHES, c->lang), CMP_SWITCHES, CLI_W_IN(W_CMP_TOTAL, c->lang));
    char cells[CMP_MAX][64];
    for (size_t i = 0; i < c->n; i++)
        summary_cell(&c->side[i], CMP_UTILISATION, cells[i], sizeof cells[i]);
    text_row(out, c, CLI_W_IN(W_CMP_UTILISATION, c->lang), cells, cmp_best(c, CMP_UTILISATION));
    fprintf(out, "%s\n", CLI_W_IN(W_CMP_BEST, c->lang));
    for (size_t i = 0; i < c->n; i++) {
        if (c->side[i].st == PS_STEP_UNTIL) {
            fprintf(out, "%s: ", c->side[i].label);
            fprintf(out, CLI_W_IN(W_CMP_STOPPED, c->lang), (long long)c->side[i].sum.end);
            fputc('\n', out);
        } else if (c->side[i].report[0]) {
            fprintf(out, "%s: %s\n", c->side[i].label, c->side[i].report);
        }
    }
    fputc('\n', out);
    const ps_gantt *g[CMP_MAX];
    const char *labels[CMP_MAX];
    for (size_t i = 0; i < c->n; i++) {
        g[i] = &c->side[i].g;
        labels[i] = c->side[i].label;
    }
    cli_gantt_draw(out, g, labels, c->n, c->lang);
    fputc('\n', out);
    text_parting(out, c);
}

/* ---- json ----------------------------------------------------------------- */

static void jnum(FILE *out, const char *key, int64_t v)
{
    if (v < 0)
        fprintf(out, "\"%s\":null", key);
    else
        fprintf(out, "\"%s\":%lld", key, (long long)v);
}

static void json_side(FILE *out, const cmp_side *sd)
{
    const ps_scenario *s = sd->s;
    fputs("{\"policy\":", out);
    cli_json_string(out, sd->label);
    fprintf(out, ",\"name\":\"%s\",", ps_policy_token(s->policy));
    jnum(out, "quantum", ps_policy_uses(s->policy) & PS_USES_QUANTUM ? s->quantum : -1);
    fprintf(out, ",\"status\":\"%s\"", cmp_status(sd->st));
    if (sd->report[0]) {
        fputs(",\"error\":", out);
        cli_json_string(out, sd->report);
    }
    fprintf(out, ",\"ticks\":%lld,\"finished\":%u,\"cpu_utilisation\":%.4f,\"switches\":%u,"
            "\"averages\":",
            (long long)sd->sum.end, sd->sum.finished, sd->sum.cpu_utilisation, cmp_switches(sd));
    if (sd->sum.finished)
        fprintf(out, "{\"turnaround\":%.4f,\"waiting\":%.4f,\"response\":%.4f}",
                sd->sum.avg_turnaround, sd->sum.avg_waiting, sd->sum.avg_response);
    else
        fputs("{\"turnaround\":null,\"waiting\":null,\"response\":null}", out);
    fputs(",\n \"processes\":[", out);
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(sd->e); pid++) {
        ps_proc_stats st;
        ps_stats_proc(sd->e, pid, &st);
        fprintf(out, "%s{\"pid\":%u,\"name\":", pid > 1 ? "," : "", pid);
        cli_json_string(out, st.name);
        for (cmp_row r = CMP_END; r <= CMP_SWITCHES; r++) {
            static const char *const keys[] = {"finish", "turnaround", "waiting", "response",
                                               "switches"};
            putc(',', out);
            jnum(out, keys[r], proc_value(&st, r));
        }
        putc('}', out);
    }
    fputs("],\n \"slices\":", out);
    cli_gantt_json(out, &sd->g);
    putc('}', out);
}

static void json_best(FILE *out, const cmp *c)
{
    static const char *const keys[] = {"ticks", "turnaround", "waiting", "response",
                                       "switches", "cpu_utilisation"};
    fputs("\"best\":{", out);
    for (cmp_row r = CMP_END; r < CMP_ROWS; r++) {
        unsigned best = cmp_best(c, r);
        fprintf(out, "%s\"%s\":[", r ? "," : "", keys[r]);
        for (size_t i = 0, k = 0; i < c->n; i++)
            if (best >> i & 1) {
                fputs(k++ ? "," : "", out);
                cli_json_string(out, c->side[i].label);
            }
        putc(']', out);
    }
    putc('}', out);
}

static void json_parting(FILE *out, const cmp *c)
{
    if (c->tick < 0) {
        fputs("\"divergence\":null", out);
        return;
    }
    fprintf(out, "\"divergence\":{\"tick\":%lld,\"cpu\":%u,\"sides\":[", (long long)c->tick,
            c->cpu);
    for (size_t i = 0; i < c->n; i++) {
        const cmp_at *at = &c->at[i];
        const ps_engine *e = c->side[i].e;
        char cause[320], text[1024];
        fputs(i ? ",\n " : "\n ", out);
        fputs("{\"policy\":", out);
        cli_json_string(out, c->side[i].label);
        if (at->pid) {
            fprintf(out, ",\"pid\":%u,\"name\":", at->pid);
            cli_json_string(out, ps_engine_pcb(e, at->pid)->name);
        } else {
            fputs(",\"pid\":null,\"name\":null", out);
        }
        fputs(",", out);
        jnum(out, "since", at->came ? at->came->time : -1);
        fputs(",\"cause\":", out);
        if (at->came)
            cli_json_string(out, ps_cause_format(e, at->came, c->lang, cause, sizeof cause));
        else
            fputs("null", out);
        fputs(",\"left\":", out);
        if (at->left && at->leave) {
            fprintf(out, "{\"pid\":%u,\"name\":", at->left);
            cli_json_string(out, ps_engine_pcb(e, at->left)->name);
            fputs(",\"cause\":", out);
            cli_json_string(out, ps_cause_format(e, at->leave, c->lang, cause, sizeof cause));
            putc('}', out);
        } else {
            fputs("null", out);
        }
        cmp_at_text(c, i, text, sizeof text);
        fputs(",\"text\":", out);
        cli_json_string(out, text);
        putc('}', out);
    }
    fputs("]}", out);
}

void cmp_write_json(FILE *out, const cmp *c)
{
    const ps_scenario *s = c->side[0].s;
    fprintf(out, "{\"procsim\":\"%s\",\"file\":", PROCSIM_VERSION);
    cli_json_string(out, c->path);
    fputs(",\"title\":", out);
    cli_json_string(out, s->title);
    fprintf(out, ",\"cpus\":%d,\"file_policy\":", s->cpus);
    cli_json_string(out, c->file_policy);
    fputs(",\n\"policies\":[", out);
    for (size_t i = 0; i < c->n; i++) {
        fputs(i ? ",\n" : "\n", out);
        json_side(out, &c->side[i]);
    }
    fputs("],\n", out);
    json_best(out, c);
    fputs(",\n", out);
    json_parting(out, c);
    fputs(",\n\"pairs\":[", out);
    for (size_t i = 0, k = 0; i < c->n; i++)
        for (size_t j = i + 1; j < c->n; j++) {
            fputs(k++ ? "," : "", out);
            fputs("{\"a\":", out);
            cli_json_string(out, c->side[i].label);
            fputs(",\"b\":", out);
            cli_json_string(out, c->side[j].label);
            putc(',', out);
            jnum(out, "tick", c->pair[i][j]);
            putc('}', out);
        }
    fputs("]}\n", out);
}

/* ---- csv ------------------------------------------------------------------ */

/* A CSV field: quoted when it holds a comma, a quote or a line break. */
static void csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    putc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', out);
        putc(*s, out);
    }
    putc('"', out);
}

static void csv_int(FILE *out, int64_t v)
{
    if (v >= 0)
        fprintf(out, "%lld", (long long)v);
}

void cmp_write_csv(FILE *out, const cmp *c)
{
    fputs("kind,policy,cpu,pid,name,from,to,finish,turnaround,waiting,response,switches,"
          "cpu_utilisation,text\n", out);
    for (size_t i = 0; i < c->n; i++) {
        const cmp_side *sd = &c->side[i];
        for (uint32_t pid = 1; pid <= ps_engine_nprocs(sd->e); pid++) {
            ps_proc_stats st;
            ps_stats_proc(sd->e, pid, &st);
            fprintf(out, "process,%s,,%u,%s,,", sd->label, pid, st.name);
            for (cmp_row r = CMP_END; r <= CMP_SWITCHES; r++) {
                putc(',', out);
                csv_int(out, proc_value(&st, r));
            }
            fputs(",,\n", out);
        }
        fprintf(out, "summary,%s,,,,,,%lld,", sd->label, (long long)sd->sum.end);
        if (sd->sum.finished)
            fprintf(out, "%.4f,%.4f,%.4f,", sd->sum.avg_turnaround, sd->sum.avg_waiting,
                    sd->sum.avg_response);
        else
            fputs(",,,", out);
        fprintf(out, "%u,%.4f,%s\n", cmp_switches(sd), sd->sum.cpu_utilisation,
                cmp_status(sd->st));
        for (uint32_t cpu = 0; cpu < sd->g.ncpu; cpu++)
            for (size_t k = 0; k < sd->g.cpu[cpu].n; k++) {
                const ps_slice *sl = &sd->g.cpu[cpu].v[k];
                if (sl->pid)
                    fprintf(out, "slice,%s,%u,%u,%s,%lld,%lld,,,,,,,\n", sd->label, cpu, sl->pid,
                            ps_engine_pcb(sd->e, sl->pid)->name, (long long)sl->from,
                            (long long)sl->to);
            }
    }
    for (size_t i = 0; c->tick >= 0 && i < c->n; i++) {
        const cmp_at *at = &c->at[i];
        char text[1024];
        cmp_at_text(c, i, text, sizeof text);
        fprintf(out, "divergence,%s,%u,", c->side[i].label, c->cpu);
        if (at->pid)
            fprintf(out, "%u,%s", at->pid, ps_engine_pcb(c->side[i].e, at->pid)->name);
        else
            putc(',', out);
        fprintf(out, ",%lld,,,,,,,,", (long long)c->tick);
        csv_field(out, text);
        putc('\n', out);
    }
}
