/* out_text.c — the trace for people: one row per instant with every
 * process's state (when there are few enough to fit in columns), the
 * transitions of that instant with their causes beneath it and, among
 * them in the order they happened, its op events (what processes did to
 * shared objects, docs/engine.md "Op events"), then the statistics table,
 * averages, utilisation, throughput, the final values of shared variables
 * and channels and the lost updates.  All of it in the run's language
 * (r->lang: --lang or the locale), its words from words.h; tokens (events,
 * ops) and names stay as they are.  In Korean the state columns have the
 * states' Korean names (no short forms: "보류 준비" fits), and every column
 * is padded by display width.  A trace
 * (trace mode) has no state columns (its processes come as they are
 * forked) and its notes beneath their instant, "~ TOKEN", the words and
 * the real pid.  With --gantt the Gantt chart (gantt.c) comes between the
 * trace and the statistics. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "words.h"
#include "procsim/cause.h"
#include "procsim/stats.h"

#define MAX_COLUMNS 10 /* more processes than this: no state columns */
#define NAME_MAX_COL 12 /* longer names are cut in column headings */

const char *cli_reporter_token(ps_reporter r)
{
    static const char *const tokens[] = {
#define PS_X_(e, tok) [PS_REP_##e] = tok,
        PS_REPORTERS(PS_X_)
#undef PS_X_
    };
    return (unsigned)r < sizeof tokens / sizeof tokens[0] ? tokens[r] : "?";
}

int cli_real(const run *r)
{
    return r->live || r->trace;
}

int cli_shown(const run *r, uint32_t pid)
{
    return !r->trace || ps_engine_pcb(r->e, pid)->created;
}

int64_t cli_variable(const run *r, uint32_t v)
{
    return r->live ? ps_live_variable(r->live, v) : ps_engine_variable(r->e, v);
}

const char *cli_state_short(ps_state s)
{
    switch (s) {
    case PS_READY_SUSPENDED: return "Rdy/Susp";
    case PS_BLOCKED_SUSPENDED: return "Blk/Susp";
    case PS_NONE: return "-";
    case PS_NEW:
    case PS_READY:
    case PS_RUNNING:
    case PS_BLOCKED:
    case PS_EXIT:
        break;
    }
    return ps_state_name(s);
}

/* A state as its column shows it: the short English name, or the Korean
 * one. */
static const char *state_cell(ps_state s, ps_lang lang)
{
    if (lang == PS_LANG_KO && s != PS_NONE)
        return ps_state_name_ko(s);
    return cli_state_short(s);
}

/* A trace's slots are taken as processes appear: no columns there. */
static int columns(const run *r)
{
    return !r->trace && ps_engine_nprocs(r->e) <= MAX_COLUMNS;
}

/* Width of the state columns: the longest state name in its column's
 * form or the longest (cut) process name. */
static int col_width(const ps_engine *e, ps_lang lang)
{
    int w = 0;
    for (int s = 0; s < PS_STATE_COUNT; s++)
        if (cli_width(state_cell((ps_state)s, lang)) > w)
            w = cli_width(state_cell((ps_state)s, lang));
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        const char *name = ps_engine_pcb(e, pid)->name;
        int n = cli_width(name);
        if (n > w)
            w = n < NAME_MAX_COL ? n : NAME_MAX_COL;
    }
    return w;
}

/* One cell of the state row; the last one without trailing blanks. */
static void cell(FILE *out, const char *s, int width, int last)
{
    fputs("  ", out);
    cli_cell(out, s, width, !last);
    if (last)
        putc('\n', out);
}

void cli_describe(FILE *out, const ps_scenario *s, int ko)
{
    ps_lang lang = ko ? PS_LANG_KO : PS_LANG_EN;
    cli_visible(out, cli_title(s, lang), PS_VISIBLE_LINE);
    putc('\n', out);
    const char *d = ko && s->description_ko[0] ? s->description_ko : s->description;
    while (*d) {
        size_t n = strcspn(d, "\n");
        char *line = strndup(d, n);
        fputs("  ", out);
        cli_visible(out, line ? line : "", PS_VISIBLE_LINES);
        putc('\n', out);
        free(line);
        d += n + (d[n] == '\n');
    }
    unsigned uses = ps_policy_uses(s->policy);
    fprintf(out, CLI_W_IN(W_RUN_POLICY, lang), ps_policy_token(s->policy));
    if (uses & PS_USES_QUANTUM)
        fprintf(out, CLI_W_IN(W_RUN_QUANTUM, lang), (long long)s->quantum);
    if (uses & PS_USES_MLFQ)
        fprintf(out, CLI_W_IN(W_RUN_MLFQ, lang), s->mlfq_levels, (long long)s->mlfq_boost);
    if (uses & PS_USES_OSTEP)
        fprintf(out, CLI_W_IN(W_RUN_OSTEP, lang),
                ps_switch_token((ps_switch_rule)s->switch_rule),
                ps_io_done_token((ps_io_done_rule)s->io_done_rule));
    fprintf(out, CLI_W_IN(W_RUN_CPUS, lang), s->cpus,
            lang == PS_LANG_EN && s->cpus != 1 ? "s" : "");
    if (s->cpus_auto)
        fputs(CLI_W_IN(W_RUN_CPUS_AUTO, lang), out);
    if (s->memory == PS_UNLIMITED)
        fputs(CLI_W_IN(W_RUN_MEMORY_UNLIMITED, lang), out);
    else
        fprintf(out, CLI_W_IN(W_RUN_MEMORY, lang), (long long)s->memory);
    if (s->switch_cost)
        fprintf(out, CLI_W_IN(W_RUN_SWITCH_COST, lang), (long long)s->switch_cost);
    fprintf(out, CLI_W_IN(W_RUN_PROCESSES, lang), s->nprocs);
}

void cli_policy_label(const ps_scenario *s, char *buf, size_t size)
{
    if (ps_policy_uses(s->policy) & PS_USES_QUANTUM)
        snprintf(buf, size, "%s:%lld", ps_policy_token(s->policy), (long long)s->quantum);
    else
        snprintf(buf, size, "%s", ps_policy_token(s->policy));
}

/* Right-aligned in `width` columns (printf's "%6s" counts bytes). */
static void rpad(FILE *out, const char *s, int width)
{
    fprintf(out, "%*s%s", width - cli_width(s) > 0 ? width - cli_width(s) : 0, "", s);
}

/* "  tick  transitions": the heading of a view without state columns. */
static void transitions_head(FILE *out, ps_lang lang)
{
    rpad(out, CLI_W_IN(W_RUN_TICK, lang), 6);
    fprintf(out, "  %s\n", CLI_W_IN(W_RUN_TRANSITIONS, lang));
}

/* The head of a trace: what runs, how it is watched. */
static void trace_begin(FILE *out, const run *r)
{
    ps_trace_info info;
    ps_trace_get_info(r->trace, &info);
    int cpus = ps_engine_scenario(r->e)->cpus;
    char command[CLI_VISIBLE_MAX]; /* its program's path may be anyone's bytes */
    fprintf(out, CLI_W_IN(W_TRACE_HEAD, r->lang),
            ps_visible(r->command, PS_VISIBLE_LINE, command, sizeof command), (long long)info.sample_ms, cpus,
            r->lang == PS_LANG_EN && cpus != 1 ? "s" : "");
    transitions_head(out, r->lang);
}

static void text_begin(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    const ps_scenario *s = ps_engine_scenario(e);
    if (r->trace) {
        trace_begin(out, r);
        return;
    }
    cli_describe(out, s, r->lang == PS_LANG_KO);
    if (r->file_policy)
        fprintf(out, CLI_W_IN(W_RUN_POLICY_GIVEN, r->lang), r->file_policy);
    if (r->live)
        fprintf(out, CLI_W_IN(W_RUN_LIVE, r->lang), (long long)ps_live_tick_ms(r->live));
    fputc('\n', out);
    if (!columns(r)) {
        transitions_head(out, r->lang);
        return;
    }
    if (s->memory != PS_UNLIMITED || s->nevents)
        fputs(CLI_W_IN(W_RUN_SHORT_STATES, r->lang), out);
    rpad(out, CLI_W_IN(W_RUN_TICK, r->lang), 6);
    for (uint32_t pid = 1; pid <= s->nprocs; pid++)
        cell(out, s->procs[pid - 1].name, col_width(e, r->lang), pid == s->nprocs);
}

static const char *pid_name(const ps_engine *e, uint32_t pid, ps_lang lang)
{
    const ps_pcb *p = pid ? ps_engine_pcb(e, pid) : NULL;
    return p ? p->name : CLI_W_IN(W_RUN_NOBODY, lang);
}

static int64_t item_time(const cli_item *it)
{
    return it->tr ? it->tr->ev.time : it->op ? it->op->time : it->note->time;
}

/* A trace's note beneath its instant: who, the note's token, its words,
 * and the real pid as a transition's bracket has it (names repeat: four
 * "zombie_orphan" are told apart only by it). */
static void text_note(FILE *out, const run *r, const ps_trace_note *n)
{
    char words[512], what[48];
    snprintf(what, sizeof what, "~ %s", ps_trace_note_token((ps_trace_note_kind)n->kind));
    ps_trace_note_format(r->trace, n, r->lang, words, sizeof words);
    cli_pad(out, n->pid ? pid_name(r->e, n->pid, r->lang) : "procsim", 12);
    fprintf(out, " %-33s %-9s ", what, "");
    cli_visible(out, words, PS_VISIBLE_LINE); /* an exec note has the program's command line */
    ps_trace_proc k;
    if (n->pid && !ps_trace_proc_info(r->trace, n->pid, &k))
        fprintf(out, CLI_W_IN(W_RUN_NOTE_PID, r->lang), (int)k.os_pid);
    fputc('\n', out);
}

static void text_instant(FILE *out, run *r, const cli_item *it, size_t n)
{
    const ps_engine *e = r->e;
    char cause[1024]; /* an op event may name two processes and an object */
    uint32_t np = ps_engine_nprocs(e);
    int64_t time = item_time(&it[0]);
    if (columns(r)) {
        fprintf(out, "%6lld", (long long)time);
        for (uint32_t pid = 1; pid <= np; pid++) {
            const ps_pcb *p = ps_engine_pcb(e, pid);
            cell(out, state_cell(p->created ? (ps_state)p->state : PS_NONE, r->lang),
                 col_width(e, r->lang), pid == np);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (columns(r))
            fprintf(out, "%8s", "");
        else
            fprintf(out, "%6lld  ", (long long)item_time(&it[i]));
        if (it[i].note) {
            text_note(out, r, it[i].note);
            continue;
        }
        if (it[i].op) {
            const ps_op_event *o = it[i].op;
            char what[PS_NAME_MAX_BYTES + 32];
            snprintf(what, sizeof what, "* %s %s", ps_op_event_token((ps_op_event_kind)o->op),
                     ps_op_event_object_name(e, o));
            ps_op_event_format(e, o, r->lang, cause, sizeof cause);
            cli_pad(out, pid_name(e, o->pid, r->lang), 12);
            putc(' ', out);
            cli_pad(out, what, 33);
            fprintf(out, " %-9s %s\n", "", cause);
            continue;
        }
        const ps_live_event *le = it[i].tr;
        const ps_trace_event *t = &le->ev;
        char arrow[96];
        snprintf(arrow, sizeof arrow, "%s -> %s", ps_state_name_in((ps_state)t->from, r->lang),
                 ps_state_name_in((ps_state)t->to, r->lang));
        cli_pad(out, ps_engine_pcb(e, t->pid)->name, 12);
        putc(' ', out);
        cli_pad(out, arrow, 33);
        fprintf(out, " %-9s %s", ps_event_token((ps_event)t->event),
                ps_cause_format(e, t, r->lang, cause, sizeof cause));
        if (cli_real(r))
            fprintf(out, CLI_W_IN(W_RUN_EVIDENCE, r->lang), le->kstate ? le->kstate : '-',
                    cli_reporter_token((ps_reporter)le->reporter), le->wall_us / 1000.0,
                    (int)le->os_pid, (long long)le->rss_kb);
        fputc('\n', out);
    }
}

static void put_time(FILE *out, int64_t v, int width)
{
    if (v < 0)
        fprintf(out, " %*s", width, "-");
    else
        fprintf(out, " %*lld", width, (long long)v);
}

static void stats_table(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    ps_lang lang = r->lang;
    const char *const heads[] = {
        CLI_W_IN(W_RUN_H_ARRIVE, lang), CLI_W_IN(W_RUN_H_START, lang),
        CLI_W_IN(W_RUN_H_FINISH, lang), CLI_W_IN(W_RUN_H_TURN, lang),
        CLI_W_IN(W_RUN_H_NEW, lang),    CLI_W_IN(W_RUN_H_WAIT, lang),
        CLI_W_IN(W_RUN_H_RESP, lang),   CLI_W_IN(W_RUN_H_CPU, lang),
        CLI_W_IN(W_RUN_H_BLOCK, lang),  CLI_W_IN(W_RUN_H_RSUSP, lang),
        CLI_W_IN(W_RUN_H_BSUSP, lang),  CLI_W_IN(W_RUN_H_SWITCH, lang),
        CLI_W_IN(W_RUN_H_SWAPS, lang)};
    enum { NCOL = sizeof heads / sizeof heads[0] };
    int width[NCOL]; /* each number column: 6, or its heading's width */
    for (size_t i = 0; i < NCOL; i++)
        width[i] = cli_width(heads[i]) > 6 ? cli_width(heads[i]) : 6;
    fputc('\n', out);
    rpad(out, CLI_W_IN(W_RUN_H_PID, lang), 4);
    fputc(' ', out);
    cli_pad(out, CLI_W_IN(W_RUN_H_NAME, lang), 12);
    for (size_t i = 0; i < NCOL; i++) {
        fputc(' ', out);
        rpad(out, heads[i], width[i]);
    }
    fprintf(out, " %s\n", CLI_W_IN(W_RUN_H_END, lang));
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        if (!cli_shown(r, pid))
            continue;
        ps_proc_stats s;
        ps_stats_proc(e, pid, &s);
        fprintf(out, "%4u ", pid);
        cli_cell(out, s.name, 12, 1);
        int64_t v[] = {s.arrival, s.first_run, s.finish, s.turnaround, s.new_time,
                       s.waiting, s.response, s.cpu, s.blocked, s.ready_suspended,
                       s.blocked_suspended, s.switches, s.swaps};
        for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
            put_time(out, s.created ? v[i] : -1, width[i]);
        const ps_pcb *p = ps_engine_pcb(e, pid);
        if (!s.created)
            fputs(CLI_W_IN(W_RUN_NEVER_CREATED, lang), out);
        else if (p->state != PS_EXIT)
            fprintf(out, CLI_W_IN(W_RUN_STILL, lang), ps_state_name_in((ps_state)p->state, lang));
        else if (s.term_signal && ps_signal_name(s.term_signal))
            fprintf(out, CLI_W_IN(W_RUN_KILLED, lang), ps_signal_name(s.term_signal));
        else if (s.term_signal)
            fprintf(out, CLI_W_IN(W_RUN_KILLED_SIGNAL, lang), s.term_signal);
        else
            fprintf(out, CLI_W_IN(W_RUN_EXIT, lang), s.exit_code);
        if (s.acc)
            fprintf(out, CLI_W_IN(W_RUN_RECEIVED, lang), (long long)s.acc);
        fputc('\n', out);
    }
}

void cli_stats(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    const ps_scenario *s = ps_engine_scenario(e);
    ps_summary sum;
    ps_stats_summary(e, &sum);
    ps_lang lang = r->lang;
    stats_table(out, r);
    fprintf(out, CLI_W_IN(W_RUN_AVERAGES, lang), sum.finished, sum.avg_turnaround,
            sum.avg_waiting, sum.avg_response);
    fprintf(out, CLI_W_IN(W_RUN_TOTALS, lang), (long long)sum.end, 100.0 * sum.cpu_utilisation,
            sum.throughput, (unsigned long long)sum.transitions);
    for (uint32_t v = 0; v < s->variables.count; v++)
        fprintf(out, CLI_W_IN(W_RUN_VARIABLE, lang), s->variables.names[v],
                (long long)cli_variable(r, v));
    if (s->variables.count)
        fprintf(out, CLI_W_IN(W_RUN_LOST, lang), (long long)ps_engine_lost_updates(e));
    for (uint32_t c = 0; c < s->channels.count; c++) {
        ps_channel_stats ch = ps_engine_channel(e, c);
        fprintf(out, CLI_W_IN(W_RUN_CHANNEL, lang),
                s->channels.names[c], (unsigned long long)ch.sent, (long long)ch.sent_sum,
                (unsigned long long)ch.received, (long long)ch.received_sum,
                (unsigned long long)ch.queued);
    }
}

static void text_end(FILE *out, const run *r, ps_step_status st, const char *report)
{
    const ps_engine *e = r->e;
    if (r->gantt) {
        fputc('\n', out);
        cli_gantt_draw(out, &r->gantt, NULL, 1, r->lang);
    }
    cli_stats(out, r);
    if (st == PS_STEP_UNTIL)
        fprintf(out, CLI_W_IN(W_RUN_STOPPED, r->lang), (long long)ps_engine_now(e));
    else if (report[0])
        fprintf(out, "%s\n", report);
}

const writer writer_text = {text_begin, text_instant, text_end};
