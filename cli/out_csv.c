/* out_csv.c — the trace as CSV, one row per transition (README.md):
 *   time,pid,name,from,to,event,cause
 * and in live mode three more (docs/live.md): wall_us (microseconds since
 * the start when the kernel confirmed it), kstate (the /proc state letter
 * just after), reported_by (waitid, status-pipe, procsim, ...).
 * `procsim trace` (docs/trace.md) adds os_pid, the real pid; its notes
 * (exec, name, threads, signal, reaped, adopted, warning, missed) come
 * among the transitions, in the order they happened, as rows with `from`
 * and `to` empty, `event` the note's token and `cause` its words, kstate
 * and reported_by empty (the program's own output is never in the trace).
 * A traced process's name is the program's (comm, or Python's), so it is
 * quoted when it must be.
 * With --ops the op events come among them, in the order they happened,
 * as rows with `from` and `to` empty, `event` the op event and `cause`
 * the object and the value ("counter 5", "tasks None", "m b"; a lost
 * update adds "overwrote N (last WHO)": the writes made since its read),
 * the live columns empty.
 * Fields are quoted (RFC 4180) only when they hold a comma, quote or line
 * break.  Each row is built in a buffer and written with one fwrite: a
 * large run writes tens of millions of rows. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "words.h"
#include "procsim/out.h"

static void csv_begin(FILE *out, const run *r)
{
    if (r->trace) {
        fputs("time,pid,name,from,to,event,cause,wall_us,kstate,reported_by,os_pid\n", out);
        return;
    }
    fputs(r->live ? "time,pid,name,from,to,event,cause,wall_us,kstate,reported_by\n"
                  : "time,pid,name,from,to,event,cause\n",
          out);
}

/* Append `s` as it is: tokens and process names (identifiers, by the
 * loader's rules) never need quoting. */
static char *put_plain(char *p, char *end, const char *s, char sep)
{
    while (*s && p < end)
        *p++ = *s++;
    *p++ = sep;
    return p;
}

/* Does s hold a byte that ps_visible may write otherwise (a control, or
 * any byte past ASCII: a C1 control or a stray byte among them)? */
static int maybe_hidden(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7F)
            return 1;
    return 0;
}

/* Append free text as a field, made visible (a traced program names
 * itself), quoted if it must be; `end` bounds the buffer (a field that
 * would not fit is cut, which the sizes below rule out). */
static char *put_field(char *p, char *end, const char *s, char sep)
{
    char shown[CLI_VISIBLE_MAX];
    if (maybe_hidden(s))
        s = ps_visible(s, PS_VISIBLE_LINE, shown, sizeof shown);
    if (!strpbrk(s, ",\"\r\n")) {
        return put_plain(p, end, s, sep);
    } else {
        *p++ = '"';
        for (; *s && p + 2 < end; s++) {
            if (*s == '"')
                *p++ = '"';
            *p++ = *s;
        }
        *p++ = '"';
    }
    *p++ = sep;
    return p;
}

/* The cause field of an op row: object and value. */
static void op_cause(const ps_engine *e, const ps_op_event *o, ps_lang lang, char *buf,
                     size_t size)
{
    ps_op_event_kind k = (ps_op_event_kind)o->op;
    const char *obj = ps_op_event_object_name(e, o);
    if (o->value == PS_VALUE_NONE)
        snprintf(buf, size, "%s None", obj);
    else if (ps_op_event_value_is_pid(k))
        snprintf(buf, size, "%s %s", obj,
                 o->value ? ps_engine_pcb(e, (uint32_t)o->value)->name : "-");
    else
        snprintf(buf, size, "%s %lld", obj, (long long)o->value);
    if (o->lost_update)
        snprintf(buf + strlen(buf), size - strlen(buf), CLI_W_IN(W_RUN_OVERWROTE, lang),
                 (long long)o->detail,
                 o->other ? ps_engine_pcb(e, o->other)->name : "?");
}

/* The row of a trace's note. */
static void csv_note(FILE *out, const run *r, const ps_trace_note *n)
{
    char words[512], row[2048];
    char *end = row + sizeof row - 2;
    char *p = ps_put_int(row, end, n->time);
    *p++ = ',';
    p = ps_put_int(p, end, n->pid);
    *p++ = ',';
    p = put_field(p, end, n->pid ? ps_engine_pcb(r->e, n->pid)->name : "", ',');
    *p++ = ',';
    *p++ = ',';
    p = put_plain(p, end, ps_trace_note_token((ps_trace_note_kind)n->kind), ',');
    p = put_field(p, end, ps_trace_note_format(r->trace, n, r->lang, words, sizeof words), ',');
    p = ps_put_int(p, end, n->wall_us);
    *p++ = ',';
    *p++ = ',';
    *p++ = ',';
    p = ps_put_int(p, end, n->os_pid);
    *p++ = '\n';
    fwrite(row, 1, (size_t)(p - row), out);
}

static void csv_instant(FILE *out, run *r, const cli_item *it, size_t n)
{
    const ps_engine *e = r->e;
    char cause[256], row[1024];
    char *end = row + sizeof row - 2;
    for (size_t i = 0; i < n; i++) {
        if (it[i].note) {
            csv_note(out, r, it[i].note);
            continue;
        }
        if (it[i].op && !r->with_ops)
            continue;
        int64_t time = it[i].op ? it[i].op->time : it[i].tr->ev.time;
        uint32_t pid = it[i].op ? it[i].op->pid : it[i].tr->ev.pid;
        char *p = ps_put_int(row, end, time);
        *p++ = ',';
        p = ps_put_int(p, end, pid);
        *p++ = ',';
        if (r->trace)
            p = put_field(p, end, ps_engine_pcb(e, pid)->name, ',');
        else
            p = put_plain(p, end, ps_engine_pcb(e, pid)->name, ',');
        if (it[i].op) {
            const ps_op_event *o = it[i].op;
            *p++ = ',';
            *p++ = ',';
            p = put_plain(p, end, ps_op_event_token((ps_op_event_kind)o->op), ',');
            op_cause(e, o, r->lang, cause, sizeof cause);
            p = put_field(p, end, cause, r->live ? ',' : '\n');
            if (r->live) {
                *p++ = ',';
                *p++ = ',';
                *p++ = '\n';
            }
            fwrite(row, 1, (size_t)(p - row), out);
            continue;
        }
        const ps_live_event *le = it[i].tr;
        const ps_trace_event *t = &le->ev;
        p = put_plain(p, end, ps_state_token((ps_state)t->from), ',');
        p = put_plain(p, end, ps_state_token((ps_state)t->to), ',');
        p = put_plain(p, end, ps_event_token((ps_event)t->event), ',');
        ps_cause_format(e, t, r->lang, cause, sizeof cause);
        p = put_field(p, end, cause, cli_real(r) ? ',' : '\n');
        if (cli_real(r)) {
            p = ps_put_int(p, end, le->wall_us);
            *p++ = ',';
            if (le->kstate)
                *p++ = le->kstate;
            *p++ = ',';
            p = put_plain(p, end, cli_reporter_token((ps_reporter)le->reporter),
                          r->trace ? ',' : '\n');
        }
        if (r->trace) {
            p = ps_put_int(p, end, le->os_pid);
            *p++ = '\n';
        }
        fwrite(row, 1, (size_t)(p - row), out);
    }
}

static void csv_end(FILE *out, const run *r, ps_step_status st, const char *report)
{
    (void)out, (void)r, (void)st, (void)report;
}

const writer writer_csv = {csv_begin, csv_instant, csv_end};
