/* out_text.c — the trace for people: one row per instant with every
 * process's state (when there are few enough to fit in columns), the
 * transitions of that instant with their causes beneath it and, among
 * them in the order they happened, its op events (what processes did to
 * shared objects, docs/engine.md "Op events"), then the statistics table,
 * averages, utilisation, throughput, the final values of shared variables
 * and channels and the lost updates.  `run` has no --lang: its text view
 * is in English; `trace --lang ko` has the states, causes and notes in
 * Korean (the statistics table's headings stay as they are).  A trace
 * (trace mode) has no state columns (its processes come as they are
 * forked) and its notes beneath their instant, "~ TOKEN", the words and
 * the real pid.  With --gantt the Gantt chart (gantt.c) comes between the
 * trace and the statistics. */
#include <string.h>

#include "cli.h"
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

/* A trace's slots are taken as processes appear: no columns there. */
static int columns(const run *r)
{
    return !r->trace && ps_engine_nprocs(r->e) <= MAX_COLUMNS;
}

/* Width of the state columns: the longest short state name or the longest
 * (cut) process name. */
static int col_width(const ps_engine *e)
{
    int w = 8;
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
    fprintf(out, "%s\n", s->title);
    const char *d = ko && s->description_ko[0] ? s->description_ko : s->description;
    if (d[0]) {
        while (*d) {
            size_t n = strcspn(d, "\n");
            fprintf(out, "  %.*s\n", (int)n, d);
            d += n + (d[n] == '\n');
        }
    }
    unsigned uses = ps_policy_uses(s->policy);
    fprintf(out, "policy %s", ps_policy_token(s->policy));
    if (uses & PS_USES_QUANTUM)
        fprintf(out, " (quantum %lld)", (long long)s->quantum);
    if (uses & PS_USES_MLFQ)
        fprintf(out, ", %d levels, boost %lld", s->mlfq_levels, (long long)s->mlfq_boost);
    if (uses & PS_USES_OSTEP)
        fprintf(out, " (switch %s, io_done %s)", ps_switch_token((ps_switch_rule)s->switch_rule),
                ps_io_done_token((ps_io_done_rule)s->io_done_rule));
    fprintf(out, ", %d cpu%s%s", s->cpus, s->cpus == 1 ? "" : "s",
            s->cpus_auto ? " (auto: this machine's)" : "");
    if (s->memory == PS_UNLIMITED)
        fprintf(out, ", memory unlimited");
    else
        fprintf(out, ", memory %lld", (long long)s->memory);
    if (s->switch_cost)
        fprintf(out, ", switch cost %lld", (long long)s->switch_cost);
    fprintf(out, ", %u processes\n", s->nprocs);
}

void cli_policy_label(const ps_scenario *s, char *buf, size_t size)
{
    if (ps_policy_uses(s->policy) & PS_USES_QUANTUM)
        snprintf(buf, size, "%s:%lld", ps_policy_token(s->policy), (long long)s->quantum);
    else
        snprintf(buf, size, "%s", ps_policy_token(s->policy));
}

/* The head of a trace: what runs, how it is watched. */
static void trace_begin(FILE *out, const run *r)
{
    ps_trace_info info;
    ps_trace_get_info(r->trace, &info);
    int cpus = ps_engine_scenario(r->e)->cpus;
    if (r->lang == PS_LANG_KO)
        fprintf(out, "추적: %s\n1틱 = 표본 간격 %lld ms, CPU %d개; 전이마다 [커널 상태 글자, "
                     "확인한 쪽, 시각, 실제 pid, 상주 메모리]\n\n%6s  전이\n",
                r->command, (long long)info.sample_ms, cpus, "틱");
    else
        fprintf(out, "trace: %s\none tick = one sample of %lld ms, %d cpu%s; each transition "
                     "shows [kernel state letter, who confirmed it, when, real pid, resident "
                     "set]\n\n%6s  transitions\n",
                r->command, (long long)info.sample_ms, cpus, cpus == 1 ? "" : "s", "tick");
}

static void text_begin(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    const ps_scenario *s = ps_engine_scenario(e);
    if (r->trace) {
        trace_begin(out, r);
        return;
    }
    cli_describe(out, s, 0);
    if (r->file_policy)
        fprintf(out, "(the policy is --policy's: the file says %s)\n", r->file_policy);
    if (r->live)
        fprintf(out, "live: real child processes, %lld ms per tick; each transition shows [kernel "
                     "state letter, who confirmed it, when, real pid, resident set]\n",
                (long long)ps_live_tick_ms(r->live));
    fputc('\n', out);
    if (!columns(r)) {
        fprintf(out, "%6s  transitions\n", "tick");
        return;
    }
    if (s->memory != PS_UNLIMITED || s->nevents)
        fprintf(out, "(Rdy/Susp = Ready/Suspend, Blk/Susp = Blocked/Suspend)\n");
    fprintf(out, "%6s", "tick");
    for (uint32_t pid = 1; pid <= s->nprocs; pid++)
        cell(out, s->procs[pid - 1].name, col_width(e), pid == s->nprocs);
}

static const char *pid_name(const ps_engine *e, uint32_t pid)
{
    const ps_pcb *p = pid ? ps_engine_pcb(e, pid) : NULL;
    return p ? p->name : "nobody";
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
    cli_pad(out, n->pid ? pid_name(r->e, n->pid) : "procsim", 12);
    fprintf(out, " %-33s %-9s %s", what, "", words);
    ps_trace_proc k;
    if (n->pid && !ps_trace_proc_info(r->trace, n->pid, &k))
        fprintf(out, "  [pid %d]", (int)k.os_pid);
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
            cell(out, cli_state_short(p->created ? (ps_state)p->state : PS_NONE),
                 col_width(e), pid == np);
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
            cli_pad(out, pid_name(e, o->pid), 12);
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
        fprintf(out, " %-33s %-9s %s", arrow,
                ps_event_token((ps_event)t->event),
                ps_cause_format(e, t, r->lang, cause, sizeof cause));
        if (cli_real(r))
            fprintf(out, "  [%c %s %.3f ms, pid %d, rss %lld kB]", le->kstate ? le->kstate : '-',
                    cli_reporter_token((ps_reporter)le->reporter), le->wall_us / 1000.0,
                    (int)le->os_pid, (long long)le->rss_kb);
        fputc('\n', out);
    }
}

static void put_time(FILE *out, int64_t v)
{
    if (v < 0)
        fprintf(out, " %6s", "-");
    else
        fprintf(out, " %6lld", (long long)v);
}

static void stats_table(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    fprintf(out, "\n%4s %-12s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %s\n",
            "pid", "name", "arrive", "start", "finish", "turn", "new", "wait", "resp", "cpu",
            "block", "r-susp", "b-susp", "switch", "swaps", "end");
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
            put_time(out, s.created ? v[i] : -1);
        const ps_pcb *p = ps_engine_pcb(e, pid);
        if (!s.created)
            fprintf(out, " never created");
        else if (p->state != PS_EXIT)
            fprintf(out, " still %s", ps_state_name((ps_state)p->state));
        else if (s.term_signal && ps_signal_name(s.term_signal))
            fprintf(out, " killed (%s)", ps_signal_name(s.term_signal));
        else if (s.term_signal)
            fprintf(out, " killed (signal %d)", s.term_signal);
        else
            fprintf(out, " exit %d", s.exit_code);
        if (s.acc)
            fprintf(out, ", received %lld", (long long)s.acc);
        fputc('\n', out);
    }
}

void cli_stats(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    const ps_scenario *s = ps_engine_scenario(e);
    ps_summary sum;
    ps_stats_summary(e, &sum);
    stats_table(out, r);
    fprintf(out, "\naverages over %u finished: turnaround %.2f, waiting %.2f, response %.2f\n",
            sum.finished, sum.avg_turnaround, sum.avg_waiting, sum.avg_response);
    fprintf(out, "ticks %lld, cpu utilisation %.1f%%, throughput %.3f processes/tick, "
            "%llu transitions\n",
            (long long)sum.end, 100.0 * sum.cpu_utilisation, sum.throughput,
            (unsigned long long)sum.transitions);
    for (uint32_t v = 0; v < s->variables.count; v++)
        fprintf(out, "variable %s = %lld\n", s->variables.names[v],
                (long long)cli_variable(r, v));
    if (s->variables.count)
        fprintf(out, "lost updates: %lld (increments wiped out by stale writes)\n",
                (long long)ps_engine_lost_updates(e));
    for (uint32_t c = 0; c < s->channels.count; c++) {
        ps_channel_stats ch = ps_engine_channel(e, c);
        fprintf(out, "channel %s: %llu sent (sum %lld), %llu received (sum %lld), %llu left\n",
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
        cli_gantt_draw(out, &r->gantt, NULL, 1, PS_LANG_EN);
    }
    cli_stats(out, r);
    if (st == PS_STEP_UNTIL)
        fprintf(out, "stopped at tick %lld (--until)\n", (long long)ps_engine_now(e));
    else if (report[0])
        fprintf(out, "%s\n", report);
}

const writer writer_text = {text_begin, text_instant, text_end};
