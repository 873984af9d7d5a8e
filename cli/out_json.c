/* out_json.c — the same trace and statistics as one JSON object, streamed:
 *   {"procsim": VERSION, "scenario": {...}, "trace": [{...}, ...],
 *    "processes": [{...}], "summary": {...}, "variables": {...},
 *    "channels": {...}, "status": "done"|"until"|"deadlock"|"error",
 *    "deadlock": "..." (only when stuck)}
 * Times are ticks; a time that has not happened is null.  Written by hand
 * because it streams: a JSON library would hold the whole trace in memory. */
#include "cli.h"
#include "procsim/stats.h"

static void jstr(FILE *out, const char *s)
{
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            putc(*p, out);
    }
    putc('"', out);
}

static void jtime(FILE *out, const char *key, int64_t v)
{
    if (v < 0)
        fprintf(out, "\"%s\":null", key);
    else
        fprintf(out, "\"%s\":%lld", key, (long long)v);
}

static void json_begin(FILE *out, const run *r)
{
    const ps_scenario *s = ps_engine_scenario(r->e);
    fprintf(out, "{\"procsim\":\"%s\",\"scenario\":{\"file\":", PROCSIM_VERSION);
    jstr(out, s->path);
    fputs(",\"title\":", out);
    jstr(out, s->title);
    fputs(",\"description\":", out);
    jstr(out, s->description);
    fprintf(out, ",\"cpus\":%d,\"cpus_auto\":%s,\"policy\":\"%s\",\"quantum\":%lld,\"switch_cost\":%lld,",
            s->cpus, s->cpus_auto ? "true" : "false", ps_policy_token(s->policy),
            (long long)s->quantum,
            (long long)s->switch_cost);
    if (s->memory == PS_UNLIMITED)
        fputs("\"memory\":null", out);
    else
        fprintf(out, "\"memory\":%lld", (long long)s->memory);
    fprintf(out, "},\n\"live\":%s,\n\"trace\":[", r->live ? "true" : "false");
}

static void json_instant(FILE *out, run *r, const ps_live_event *ev, size_t n)
{
    const ps_engine *e = r->e;
    char cause[256];
    for (size_t i = 0; i < n; i++, r->rows++) {
        const ps_trace_event *t = &ev[i].ev;
        fprintf(out, "%s\n{\"time\":%lld,\"pid\":%u,\"name\":", r->rows ? "," : "",
                (long long)t->time, t->pid);
        jstr(out, ps_engine_pcb(e, t->pid)->name);
        if (t->from == PS_NONE)
            fputs(",\"from\":null", out);
        else
            fprintf(out, ",\"from\":\"%s\"", ps_state_token((ps_state)t->from));
        fprintf(out, ",\"to\":\"%s\",\"event\":\"%s\",\"cause\":",
                ps_state_token((ps_state)t->to), ps_event_token((ps_event)t->event));
        jstr(out, ps_cause_format(e, t, PS_LANG_EN, cause, sizeof cause));
        if (r->live)
            fprintf(out, ",\"wall_us\":%lld,\"kstate\":\"%.*s\",\"reported_by\":\"%s\"",
                    (long long)ev[i].wall_us, ev[i].kstate ? 1 : 0, &ev[i].kstate,
                    cli_reporter_token((ps_reporter)ev[i].reporter));
        putc('}', out);
    }
}

static void json_procs(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    fputs("],\n\"processes\":[", out);
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        ps_proc_stats s;
        ps_stats_proc(e, pid, &s);
        const ps_pcb *p = ps_engine_pcb(e, pid);
        fprintf(out, "%s\n{\"pid\":%u,\"name\":", pid > 1 ? "," : "", pid);
        jstr(out, s.name);
        fprintf(out, ",\"state\":\"%s\",", s.created ? ps_state_token((ps_state)p->state) : "");
        jtime(out, "arrival", s.created ? s.arrival : -1);
        putc(',', out);
        jtime(out, "first_run", s.first_run);
        putc(',', out);
        jtime(out, "finish", s.finish);
        putc(',', out);
        jtime(out, "turnaround", s.turnaround);
        fprintf(out, ",\"waiting\":%lld,", (long long)s.waiting);
        jtime(out, "response", s.response);
        fprintf(out, ",\"cpu\":%lld,\"blocked\":%lld,\"suspended\":%lld,\"switches\":%u,"
                "\"swaps\":%u,\"exit_code\":%d,\"term_signal\":%d,\"received\":%lld",
                (long long)s.cpu, (long long)s.blocked, (long long)s.suspended, s.switches,
                s.swaps, s.exit_code, s.term_signal, (long long)s.acc);
        if (r->live)
            fprintf(out, ",\"kstate\":\"%.*s\",\"rss_kb\":%lld", p->kstate ? 1 : 0, &p->kstate,
                    (long long)p->rss_kb);
        putc('}', out);
    }
}

static void json_end(FILE *out, const run *r, ps_step_status st, const char *report)
{
    const ps_engine *e = r->e;
    const ps_scenario *s = ps_engine_scenario(e);
    ps_summary sum;
    ps_stats_summary(e, &sum);
    json_procs(out, r);
    fprintf(out, "],\n\"summary\":{\"processes\":%u,\"finished\":%u,\"avg_turnaround\":%.4f,"
            "\"avg_waiting\":%.4f,\"avg_response\":%.4f,\"ticks\":%lld,"
            "\"cpu_utilisation\":%.4f,\"throughput\":%.6f,\"transitions\":%llu},\n",
            sum.processes, sum.finished, sum.avg_turnaround, sum.avg_waiting,
            sum.avg_response, (long long)sum.end, sum.cpu_utilisation, sum.throughput,
            (unsigned long long)sum.transitions);
    fputs("\"variables\":{", out);
    for (uint32_t v = 0; v < s->variables.count; v++) {
        fputs(v ? "," : "", out);
        jstr(out, s->variables.names[v]);
        fprintf(out, ":%lld", (long long)cli_variable(r, v));
    }
    fputs("},\n\"channels\":{", out);
    for (uint32_t c = 0; c < s->channels.count; c++) {
        ps_channel_stats ch = ps_engine_channel(e, c);
        fputs(c ? "," : "", out);
        jstr(out, s->channels.names[c]);
        fprintf(out, ":{\"sent\":%llu,\"sent_sum\":%lld,\"received\":%llu,"
                "\"received_sum\":%lld,\"queued\":%llu}",
                (unsigned long long)ch.sent, (long long)ch.sent_sum,
                (unsigned long long)ch.received, (long long)ch.received_sum,
                (unsigned long long)ch.queued);
    }
    static const char *const status[] = {
        [PS_STEP_OK] = "error", [PS_STEP_DONE] = "done", [PS_STEP_UNTIL] = "until",
        [PS_STEP_STUCK] = "deadlock", [PS_STEP_NOMEM] = "error",
        [PS_STEP_INTERRUPTED] = "interrupted", [PS_STEP_FAILED] = "error",
        [PS_STEP_RUNAWAY] = "runaway",
    };
    fprintf(out, "},\n\"status\":\"%s\"", status[st]);
    if (st == PS_STEP_STUCK) {
        fputs(",\"deadlock\":", out);
        jstr(out, report);
    } else if (report[0]) {
        fputs(",\"error\":", out);
        jstr(out, report);
    }
    fputs("}\n", out);
}

const writer writer_json = {json_begin, json_instant, json_end};
