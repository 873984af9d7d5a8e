/* out_text.c — the trace for people: one row per instant with every
 * process's state (when there are few enough to fit in columns), the
 * transitions of that instant with their causes beneath it and, among
 * them in the order they happened, its op events (what processes did to
 * shared objects, docs/engine.md "Op events"), then the statistics table,
 * averages, utilisation, throughput, the final values of shared variables
 * and channels and the lost updates.  `run` has no --lang: the text view
 * is in English; the op sentences carry Korean beside it for when it
 * does. */
#include <string.h>

#include "cli.h"
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

static int columns(const ps_engine *e)
{
    return ps_engine_nprocs(e) <= MAX_COLUMNS;
}

/* Width of the state columns: the longest short state name or the longest
 * (cut) process name. */
static int col_width(const ps_engine *e)
{
    int w = 8;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        int n = (int)strlen(ps_engine_pcb(e, pid)->name);
        if (n > w)
            w = n < NAME_MAX_COL ? n : NAME_MAX_COL;
    }
    return w;
}

/* One cell of the state row; the last one without trailing blanks. */
static void cell(FILE *out, const char *s, int width, int last)
{
    if (last)
        fprintf(out, "  %.*s\n", width, s);
    else
        fprintf(out, "  %-*.*s", width, width, s);
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

static void text_begin(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    const ps_scenario *s = ps_engine_scenario(e);
    cli_describe(out, s, 0);
    if (r->live)
        fprintf(out, "live: real child processes, %lld ms per tick; each transition shows [kernel "
                     "state letter, who confirmed it, when, real pid, resident set]\n",
                (long long)ps_live_tick_ms(r->live));
    fputc('\n', out);
    if (!columns(e)) {
        fprintf(out, "%6s  transitions\n", "tick");
        return;
    }
    if (s->memory != PS_UNLIMITED || s->nevents)
        fprintf(out, "(Rdy/Susp = Ready/Suspend, Blk/Susp = Blocked/Suspend)\n");
    fprintf(out, "%6s", "tick");
    for (uint32_t pid = 1; pid <= s->nprocs; pid++)
        cell(out, s->procs[pid - 1].name, col_width(e), pid == s->nprocs);
}

const char *cli_op_object(const ps_engine *e, const ps_op_event *ev)
{
    const ps_scenario *s = ps_engine_scenario(e);
    const ps_names *names = NULL;
    switch (ps_op_event_object((ps_op_event_kind)ev->op)) {
    case PS_OBJ_VARIABLE: names = &s->variables; break;
    case PS_OBJ_CHANNEL: names = &s->channels; break;
    case PS_OBJ_MUTEX: names = &s->mutexes; break;
    case PS_OBJ_DEVICE: names = &s->devices; break;
    case PS_OBJ_PROCESS: {
        const ps_pcb *p = ps_engine_pcb(e, ev->object);
        return p ? p->name : "?";
    }
    case PS_OBJ_MEMORY:
    case PS_OBJ_KIND_COUNT:
        return "memory";
    }
    return ev->object < names->count ? names->names[ev->object] : "?";
}

int cli_op_value_is_bool(ps_op_event_kind k)
{
    return k == PS_OPE_ALIVE || k == PS_OPE_EMPTY;
}

int cli_op_value_is_pid(ps_op_event_kind k)
{
    return k == PS_OPE_LOCK || k == PS_OPE_UNLOCK || k == PS_OPE_HANDOFF;
}

/* What an op event says, per kind, in English and Korean: [0] the plain
 * sentence, [1] the one with another process (a lost update's victim, the
 * receiver or sender of a value handed straight over, the new holder).
 * {p} the process, {o} the object, {v} the value, {d} the detail, {x} the
 * other process. */
static const char *const op_text[PS_OP_EVENT_COUNT][2][PS_LANG_COUNT] = {
    [PS_OPE_READ] = {{"{p} reads {o} = {v}", "{p}가 {o} = {v}을 읽음"}, {"", ""}},
    [PS_OPE_WRITE] = {{"{p} writes {o} = {v}", "{p}가 {o} = {v}을 씀"},
                      {"{p} writes {o} = {v}: LOST UPDATE, wipes out {d} increment(s), "
                       "overwriting {x}",
                       "{p}가 {o} = {v}을 씀: 갱신 손실, 증가 {d}번을 지움 ({x}의 값을 덮어씀)"}},
    [PS_OPE_SEND] = {{"{p} sends {v} on {o} ({d} queued)", "{p}가 {o}에 {v}을 보냄 ({d}개 대기)"},
                     {"{p} sends {v} on {o}, straight to {x}", "{p}가 {o}로 {v}을 {x}에게 바로 보냄"}},
    [PS_OPE_RECV] = {{"{p} receives {v} from {o} ({d} left)", "{p}가 {o}에서 {v}을 받음 ({d}개 남음)"},
                     {"{p} receives {v} from {o}, straight from {x}",
                      "{p}가 {o}에서 {x}가 보낸 {v}을 바로 받음"}},
    [PS_OPE_LOCK] = {{"{p} locks {o}", "{p}가 {o}을 잠금"}, {"", ""}},
    [PS_OPE_UNLOCK] = {{"{p} unlocks {o}", "{p}가 {o}을 풂"}, {"", ""}},
    [PS_OPE_HANDOFF] = {{"", ""}, {"{p} unlocks {o}, handed to {x}", "{p}가 {o}을 풀어 {x}에게 넘김"}},
    [PS_OPE_REQUEST] = {{"{o} starts serving {p}: {v} tick(s) ({d} queued)",
                         "{o}가 {p}의 요청을 처리 시작: {v}틱 ({d}개 대기)"}, {"", ""}},
    [PS_OPE_SERVED] = {{"{o} has served {p} ({v} tick(s), {d} queued)",
                        "{o}가 {p}의 요청을 마침 ({v}틱, {d}개 대기)"}, {"", ""}},
    [PS_OPE_ALLOC] = {{"{p} takes {v} unit(s) of memory ({d} used)",
                       "{p}가 메모리 {v}만큼을 차지함 ({d} 사용 중)"}, {"", ""}},
    [PS_OPE_FREE] = {{"{p} gives back {v} unit(s) of memory ({d} used)",
                      "{p}가 메모리 {v}만큼을 돌려줌 ({d} 사용 중)"}, {"", ""}},
    [PS_OPE_ALIVE] = {{"{p} asks is_alive({o}): {v}", "{p}가 is_alive({o})를 물음: {v}"}, {"", ""}},
    [PS_OPE_EMPTY] = {{"{p} asks {o}.empty(): {v} ({d} queued)",
                       "{p}가 {o}.empty()를 물음: {v} ({d}개 대기)"}, {"", ""}},
};

static const char *pid_name(const ps_engine *e, uint32_t pid)
{
    const ps_pcb *p = pid ? ps_engine_pcb(e, pid) : NULL;
    return p ? p->name : "nobody";
}

/* Op event `ev` in words, in `lang`. */
static void op_sentence(const ps_engine *e, const ps_op_event *ev, ps_lang lang, char *buf,
                        size_t size)
{
    ps_op_event_kind k = (ps_op_event_kind)ev->op;
    const char *t = op_text[k][ev->other != 0 && *op_text[k][1][lang]][lang];
    char v[32];
    if (ev->value == PS_VALUE_NONE)
        snprintf(v, sizeof v, "None");
    else if (cli_op_value_is_pid(k))
        snprintf(v, sizeof v, "%s", pid_name(e, (uint32_t)ev->value));
    else if (cli_op_value_is_bool(k))
        snprintf(v, sizeof v, "%s", ev->value ? "True" : "False");
    else
        snprintf(v, sizeof v, "%lld", (long long)ev->value);
    size_t n = 0;
    for (; *t && n + 1 < size; t++) {
        const char *put = NULL;
        char d[32];
        if (t[0] == '{' && t[1] && t[2] == '}') {
            switch (t[1]) {
            case 'p': put = pid_name(e, ev->pid); break;
            case 'o': put = cli_op_object(e, ev); break;
            case 'v': put = v; break;
            case 'x': put = pid_name(e, ev->other); break;
            case 'd':
                snprintf(d, sizeof d, "%lld", (long long)ev->detail);
                put = d;
                break;
            default: break;
            }
        }
        if (!put) {
            buf[n++] = *t;
            continue;
        }
        n += (size_t)snprintf(buf + n, size - n, "%s", put);
        if (n >= size)
            n = size - 1;
        t += 2;
    }
    buf[n] = 0;
}

static void text_instant(FILE *out, run *r, const cli_item *it, size_t n)
{
    const ps_engine *e = r->e;
    char cause[256];
    uint32_t np = ps_engine_nprocs(e);
    int64_t time = it[0].tr ? it[0].tr->ev.time : it[0].op->time;
    if (columns(e)) {
        fprintf(out, "%6lld", (long long)time);
        for (uint32_t pid = 1; pid <= np; pid++) {
            const ps_pcb *p = ps_engine_pcb(e, pid);
            cell(out, cli_state_short(p->created ? (ps_state)p->state : PS_NONE),
                 col_width(e), pid == np);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (columns(e))
            fprintf(out, "%8s", "");
        else
            fprintf(out, "%6lld  ", (long long)time);
        if (it[i].op) {
            const ps_op_event *o = it[i].op;
            char what[48];
            snprintf(what, sizeof what, "* %s %s", ps_op_event_token((ps_op_event_kind)o->op),
                     cli_op_object(e, o));
            op_sentence(e, o, PS_LANG_EN, cause, sizeof cause);
            fprintf(out, "%-12s %-33s %-9s %s\n", pid_name(e, o->pid), what, "", cause);
            continue;
        }
        const ps_live_event *le = it[i].tr;
        const ps_trace_event *t = &le->ev;
        char arrow[48];
        snprintf(arrow, sizeof arrow, "%s -> %s", ps_state_name((ps_state)t->from),
                 ps_state_name((ps_state)t->to));
        fprintf(out, "%-12s %-33s %-9s %s", ps_engine_pcb(e, t->pid)->name, arrow,
                ps_event_token((ps_event)t->event),
                ps_cause_format(e, t, PS_LANG_EN, cause, sizeof cause));
        if (r->live)
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

static void stats_table(FILE *out, const ps_engine *e)
{
    fprintf(out, "\n%4s %-12s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %s\n",
            "pid", "name", "arrive", "start", "finish", "turn", "new", "wait", "resp", "cpu",
            "block", "r-susp", "b-susp", "switch", "swaps", "end");
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        ps_proc_stats s;
        ps_stats_proc(e, pid, &s);
        fprintf(out, "%4u %-12.12s", pid, s.name);
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
        else if (s.term_signal)
            fprintf(out, " killed (signal %d)", s.term_signal);
        else
            fprintf(out, " exit %d", s.exit_code);
        if (s.acc)
            fprintf(out, ", received %lld", (long long)s.acc);
        fputc('\n', out);
    }
}

static void text_end(FILE *out, const run *r, ps_step_status st, const char *report)
{
    const ps_engine *e = r->e;
    const ps_scenario *s = ps_engine_scenario(e);
    ps_summary sum;
    ps_stats_summary(e, &sum);
    stats_table(out, e);
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
    if (st == PS_STEP_UNTIL)
        fprintf(out, "stopped at tick %lld (--until)\n", (long long)ps_engine_now(e));
    else if (report[0])
        fprintf(out, "%s\n", report);
}

const writer writer_text = {text_begin, text_instant, text_end};
