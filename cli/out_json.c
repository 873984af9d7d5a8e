/* out_json.c — the same trace and statistics as one JSON object, streamed
 * (but for the ops, which follow the whole trace and so are kept until it
 * ends: about 40 bytes each; out of memory ends the run with status
 * "error"):
 *   {"procsim": VERSION, "scenario": {..., "policy", "quantum", ...,
 *    "file_policy": the file's own as "rr:4" (else than policy under
 *    --policy)}, "live": BOOL,
 *    "trace": [{time, pid, name, from, to, event, cause}, ...],
 *    "ops": [{time, pid, name, op, object, value, detail}, ...],
 *    "processes": [{pid, name, parent, state, ..., open_files}],
 *    "summary": {..., "lost_updates": N}, "variables": {...},
 *    "channels": {...}, "resources": {...},
 *    "gantt": {cpus, end, slices: [{cpu, pid, name, from, to}]} (--gantt:
 *    the busy slices; the gaps between them are idle),
 *    "status": "done"|"until"|"deadlock"|"error",
 *    "deadlock": "..." (only when stuck)}
 * Times are ticks; a time that has not happened is null.
 * ops (DESIGN §8, docs/engine.md "Op events"), in the order they happened:
 * object is the variable, channel, mutex or device by name, the child's
 * name for is_alive, "memory" for alloc/free; value the value read,
 * written, sent or received (null for the sentinel), the holder after
 * (a name, null when free) for lock/unlock/handoff, the ticks for
 * request/served, the units for alloc/free, true/false for is_alive and
 * empty; detail how many updates made since its read a write overwrote
 * (0: none), the channel's length after (empty: at the check),
 * the requests still queued, the memory used after, null where there is
 * none (read, lock, unlock, handoff, is_alive).  A write that lost updates
 * has "lost_update": true and "overwrote": the name of the last process
 * whose write it overwrote; a value handed straight to a waiting receiver
 * names it ("to") on the send and the sender ("from") on the recv; a
 * handoff names the new holder ("to").
 * resources, at the end (or at --until T): {"variables": {NAME: value},
 * "channels": {NAME: {sent, received, items: [...]}}, "mutexes": {NAME:
 * {holder, waiters: [...]}}, "devices": {NAME: {serving, queue: [...]}},
 * "memory": {total, used, free}} with processes by name (null: none) and
 * total and free null when memory is unlimited.
 * Each process has "parent" (a pid, null for none), the time in new,
 * ready_suspended and blocked_suspended apart (suspended stays the sum of
 * the two suspended ones), and "open_files" (the PCB's tenth field, now: [{"kind":
 * "read"|"write"|"device", "object": NAME}]).  The op events are kept in
 * memory until the trace has been written; the rest streams.  Written by
 * hand because it streams: a JSON library would hold the whole trace in
 * memory. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "procsim/stats.h"

/* s as a JSON string: what a terminal would act on (procsim/visible.h)
 * escaped as \u00XX, so that the JSON shown on a terminal plays nothing
 * either; a byte that is not UTF-8 becomes U+FFFD (JSON is UTF-8). */
static void jstr(FILE *out, const char *s)
{
    putc('"', out);
    for (size_t n = strlen(s), k; n > 0; s += k, n -= k) {
        char esc[PS_VISIBLE_ESC_MAX];
        k = ps_visible_char(s, n, PS_VISIBLE_LINE, esc);
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (!esc[0])
            fwrite(s, 1, k, out);
        else if (esc[1] == 'u') /* a C1 control, C2 80-9F: its code point */
            fprintf(out, "\\u%04x", (unsigned char)s[1]);
        else if (c < 0x80) /* C0, DEL */
            fprintf(out, "\\u%04x", c);
        else
            fputs("\\ufffd", out);
    }
    putc('"', out);
}

void cli_json_string(FILE *out, const char *s)
{
    jstr(out, s);
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
    if (r->trace) {
        ps_trace_info info;
        ps_trace_get_info(r->trace, &info);
        fprintf(out, "{\"procsim\":\"%s\",\"command\":", PROCSIM_VERSION);
        jstr(out, r->command);
        fprintf(out, ",\"sample_ms\":%lld,\"cpus\":%d,\n\"live\":false,\n\"trace\":[",
                (long long)info.sample_ms, s->cpus);
        return;
    }
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
    char label[64];
    cli_policy_label(s, label, sizeof label);
    fprintf(out, ",\"file_policy\":\"%s\"", r->file_policy ? r->file_policy : label);
    fprintf(out, "},\n\"live\":%s,\n\"trace\":[", r->live ? "true" : "false");
}

static void json_transition(FILE *out, run *r, const ps_live_event *le)
{
    const ps_engine *e = r->e;
    char cause[256];
    const ps_trace_event *t = &le->ev;
    fprintf(out, "%s\n{\"time\":%lld,\"pid\":%u,\"name\":", r->rows ? "," : "",
            (long long)t->time, t->pid);
    jstr(out, ps_engine_pcb(e, t->pid)->name);
    if (t->from == PS_NONE)
        fputs(",\"from\":null", out);
    else
        fprintf(out, ",\"from\":\"%s\"", ps_state_token((ps_state)t->from));
    fprintf(out, ",\"to\":\"%s\",\"event\":\"%s\",\"cause\":",
            ps_state_token((ps_state)t->to), ps_event_token((ps_event)t->event));
    jstr(out, ps_cause_format(e, t, r->lang, cause, sizeof cause));
    if (cli_real(r))
        fprintf(out, ",\"wall_us\":%lld,\"kstate\":\"%.*s\",\"reported_by\":\"%s\"",
                (long long)le->wall_us, le->kstate ? 1 : 0, &le->kstate,
                cli_reporter_token((ps_reporter)le->reporter));
    if (r->trace)
        fprintf(out, ",\"os_pid\":%d", (int)le->os_pid);
    putc('}', out);
    r->rows++;
}

/* Op events wait in memory until the trace array is closed. */
static void keep(run *r, const ps_op_event *ev)
{
    if (r->nkept == r->capkept) {
        size_t ncap = r->capkept ? r->capkept * 2 : 256;
        ps_op_event *nv = realloc(r->kept, ncap * sizeof *nv);
        if (!nv) {
            r->nomem = 1;
            return;
        }
        r->kept = nv;
        r->capkept = ncap;
    }
    r->kept[r->nkept++] = *ev;
}

/* A note waits too, with its words (its own text lives only during the
 * call that brought it). */
static void keep_note(run *r, const ps_trace_note *n)
{
    char words[512];
    if (r->nnotes == r->capnotes) {
        size_t ncap = r->capnotes ? r->capnotes * 2 : 64;
        cli_kept_note *nv = realloc(r->notes, ncap * sizeof *nv);
        if (!nv) {
            r->nomem = 1;
            return;
        }
        r->notes = nv;
        r->capnotes = ncap;
    }
    ps_trace_note_format(r->trace, n, r->lang, words, sizeof words);
    cli_kept_note k = {*n, strdup(words)};
    if (!k.words) {
        r->nomem = 1;
        return;
    }
    k.n.text = "";
    k.n.len = 0;
    r->notes[r->nnotes++] = k;
}

static void json_instant(FILE *out, run *r, const cli_item *it, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (it[i].note)
            keep_note(r, it[i].note);
        else if (it[i].op)
            keep(r, it[i].op);
        else
            json_transition(out, r, it[i].tr);
    }
}

/* A process by name, or null for none. */
static void jproc(FILE *out, const ps_engine *e, uint32_t pid)
{
    const ps_pcb *p = pid ? ps_engine_pcb(e, pid) : NULL;
    if (p)
        jstr(out, p->name);
    else
        fputs("null", out);
}

static void jvalue(FILE *out, int64_t v)
{
    if (v == PS_VALUE_NONE)
        fputs("null", out);
    else
        fprintf(out, "%lld", (long long)v);
}

static void json_op(FILE *out, const ps_engine *e, const ps_op_event *o)
{
    ps_op_event_kind k = (ps_op_event_kind)o->op;
    fprintf(out, "{\"time\":%lld,\"pid\":%u,\"name\":", (long long)o->time, o->pid);
    jproc(out, e, o->pid);
    fprintf(out, ",\"op\":\"%s\",\"object\":", ps_op_event_token(k));
    jstr(out, ps_op_event_object_name(e, o));
    fputs(",\"value\":", out);
    if (ps_op_event_value_is_pid(k))
        jproc(out, e, (uint32_t)o->value);
    else if (ps_op_event_value_is_bool(k))
        fputs(o->value ? "true" : "false", out);
    else
        jvalue(out, o->value);
    fputs(",\"detail\":", out);
    if (k == PS_OPE_READ || ps_op_event_value_is_pid(k) || k == PS_OPE_ALIVE)
        fputs("null", out);
    else
        fprintf(out, "%lld", (long long)o->detail);
    if (o->lost_update) {
        fputs(",\"lost_update\":true,\"overwrote\":", out);
        jproc(out, e, o->other);
    } else if (o->other && (k == PS_OPE_SEND || k == PS_OPE_HANDOFF)) {
        fputs(",\"to\":", out);
        jproc(out, e, o->other);
    } else if (o->other && k == PS_OPE_RECV) {
        fputs(",\"from\":", out);
        jproc(out, e, o->other);
    }
    putc('}', out);
}

static void json_ops(FILE *out, const run *r)
{
    fputs("],\n\"ops\":[", out);
    for (size_t i = 0; i < r->nkept; i++) {
        fputs(i ? ",\n" : "\n", out);
        json_op(out, r->e, &r->kept[i]);
    }
}

static void json_notes(FILE *out, const run *r)
{
    fputs("],\n\"notes\":[", out);
    for (size_t i = 0; i < r->nnotes; i++) {
        const ps_trace_note *n = &r->notes[i].n;
        fprintf(out, "%s{\"time\":%lld,\"wall_us\":%lld,\"pid\":%u,\"name\":", i ? ",\n" : "\n",
                (long long)n->time, (long long)n->wall_us, n->pid);
        jproc(out, r->e, n->pid);
        fprintf(out, ",\"os_pid\":%d,\"note\":\"%s\",\"a\":%lld,\"b\":%lld,\"text\":",
                (int)n->os_pid, ps_trace_note_token((ps_trace_note_kind)n->kind),
                (long long)n->a, (long long)n->b);
        jstr(out, r->notes[i].words);
        putc('}', out);
    }
}

/* A list of pids by name, from a view that writes at most max of them. */
static void jpids(FILE *out, const ps_engine *e, const uint32_t *pids, uint32_t n)
{
    putc('[', out);
    for (uint32_t i = 0; i < n; i++) {
        fputs(i ? "," : "", out);
        jproc(out, e, pids[i]);
    }
    putc(']', out);
}

/* NAME: value, ... of the shared variables (the real ones in live mode). */
static void json_variables(FILE *out, const run *r)
{
    const ps_scenario *s = ps_engine_scenario(r->e);
    for (uint32_t v = 0; v < s->variables.count; v++) {
        fputs(v ? "," : "", out);
        jstr(out, s->variables.names[v]);
        fprintf(out, ":%lld", (long long)cli_variable(r, v));
    }
}

static void json_resources(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    const ps_scenario *s = ps_engine_scenario(e);
    uint32_t np = ps_engine_nprocs(e);
    uint32_t *pids = malloc(((size_t)np + 1) * sizeof *pids);
    fputs("\"resources\":{\"variables\":{", out);
    json_variables(out, r);
    fputs("},\"channels\":{", out);
    for (uint32_t c = 0; c < s->channels.count; c++) {
        ps_channel_stats ch = ps_engine_channel(e, c);
        fputs(c ? "," : "", out);
        jstr(out, s->channels.names[c]);
        fprintf(out, ":{\"sent\":%llu,\"received\":%llu,\"items\":[",
                (unsigned long long)ch.sent, (unsigned long long)ch.received);
        uint32_t n = ps_engine_channel_items(e, c, NULL, 0);
        int64_t *items = malloc(((size_t)n + 1) * sizeof *items);
        if (items)
            ps_engine_channel_items(e, c, items, n);
        for (uint32_t i = 0; items && i < n; i++) {
            fputs(i ? "," : "", out);
            jvalue(out, items[i]);
        }
        free(items);
        fputs("]}", out);
    }
    fputs("},\"mutexes\":{", out);
    for (uint32_t m = 0; m < s->mutexes.count; m++) {
        fputs(m ? "," : "", out);
        jstr(out, s->mutexes.names[m]);
        fputs(":{\"holder\":", out);
        jproc(out, e, ps_engine_mutex_owner(e, m));
        fputs(",\"waiters\":", out);
        jpids(out, e, pids, pids ? ps_engine_mutex_waiters(e, m, pids, np) : 0);
        putc('}', out);
    }
    fputs("},\"devices\":{", out);
    for (uint32_t d = 0; d < s->devices.count; d++) {
        fputs(d ? "," : "", out);
        jstr(out, s->devices.names[d]);
        fputs(":{\"serving\":", out);
        jproc(out, e, ps_engine_device_serving(e, d));
        fputs(",\"queue\":", out);
        jpids(out, e, pids, pids ? ps_engine_device_queue(e, d, pids, np) : 0);
        putc('}', out);
    }
    free(pids);
    int64_t used = ps_engine_memory_used(e);
    if (s->memory == PS_UNLIMITED)
        fprintf(out, "},\"memory\":{\"total\":null,\"used\":%lld,\"free\":null}},\n",
                (long long)used);
    else
        fprintf(out, "},\"memory\":{\"total\":%lld,\"used\":%lld,\"free\":%lld}},\n",
                (long long)s->memory, (long long)used, (long long)(s->memory - used));
}

static void json_open_files(FILE *out, const ps_engine *e, uint32_t pid)
{
    ps_open_file f[64];
    uint32_t n = ps_engine_open_files(e, pid, f, 64);
    const ps_scenario *s = ps_engine_scenario(e);
    fputs(",\"open_files\":[", out);
    for (uint32_t i = 0; i < n && i < 64; i++) {
        const ps_names *names = f[i].kind == PS_FILE_DEVICE ? &s->devices : &s->channels;
        fprintf(out, "%s{\"kind\":\"%s\",\"object\":", i ? "," : "",
                ps_file_kind_token((ps_file_kind)f[i].kind));
        jstr(out, names->names[f[i].object]);
        putc('}', out);
    }
    putc(']', out);
}

static void json_procs(FILE *out, const run *r)
{
    const ps_engine *e = r->e;
    fputs("],\n\"processes\":[", out);
    int first = 1;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        if (!cli_shown(r, pid))
            continue;
        ps_proc_stats s;
        ps_stats_proc(e, pid, &s);
        const ps_pcb *p = ps_engine_pcb(e, pid);
        fprintf(out, "%s\n{\"pid\":%u,\"name\":", first ? "" : ",", pid);
        first = 0;
        jstr(out, s.name);
        if (p->parent > 0)
            fprintf(out, ",\"parent\":%d", p->parent);
        else
            fputs(",\"parent\":null", out);
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
        fprintf(out, ",\"new\":%lld,\"ready_suspended\":%lld,\"blocked_suspended\":%lld",
                (long long)s.new_time, (long long)s.ready_suspended,
                (long long)s.blocked_suspended);
        json_open_files(out, e, pid);
        if (cli_real(r))
            fprintf(out, ",\"kstate\":\"%.*s\",\"rss_kb\":%lld", p->kstate ? 1 : 0, &p->kstate,
                    (long long)p->rss_kb);
        ps_trace_proc k;
        if (r->trace && !ps_trace_proc_info(r->trace, pid, &k)) {
            fprintf(out, ",\"os_pid\":%d,\"cmdline\":", (int)k.os_pid);
            jstr(out, k.cmdline);
            fprintf(out, ",\"threads\":%u", k.threads);
        }
        putc('}', out);
    }
}

static void json_end(FILE *out, const run *r, ps_step_status st, const char *report)
{
    const ps_engine *e = r->e;
    const ps_scenario *s = ps_engine_scenario(e);
    ps_summary sum;
    ps_stats_summary(e, &sum);
    json_ops(out, r);
    if (r->trace)
        json_notes(out, r);
    json_procs(out, r);
    fprintf(out, "],\n\"summary\":{\"processes\":%u,\"finished\":%u,\"avg_turnaround\":%.4f,"
            "\"avg_waiting\":%.4f,\"avg_response\":%.4f,\"ticks\":%lld,"
            "\"cpu_utilisation\":%.4f,\"throughput\":%.6f,\"transitions\":%llu,"
            "\"lost_updates\":%lld},\n",
            sum.processes, sum.finished, sum.avg_turnaround, sum.avg_waiting,
            sum.avg_response, (long long)sum.end, sum.cpu_utilisation, sum.throughput,
            (unsigned long long)sum.transitions, (long long)ps_engine_lost_updates(e));
    fputs("\"variables\":{", out);
    json_variables(out, r);
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
    fputs("},\n", out);
    json_resources(out, r);
    if (r->gantt) {
        fprintf(out, "\"gantt\":{\"cpus\":%u,\"end\":%lld,\"slices\":", r->gantt->ncpu,
                (long long)r->gantt->end);
        cli_gantt_json(out, r->gantt);
        fputs("},\n", out);
    }
    fprintf(out, "\"status\":\"%s\"", status[st]);
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
