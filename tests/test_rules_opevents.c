/* test_rules_opevents.c — the op events (docs/engine.md, "Op events":
 * OE-add ... OE-order) and the lost-update rule (OE-lost): each row of the
 * doc's table against a short program, and the order of op events among
 * the transitions of an instant.  Also the PCB's open files (F), which
 * name the same objects.
 *
 * A run is written as one line per event, in the order the listeners
 * heard them:
 *   op event    "T NAME OP OBJECT VALUE DETAIL[ other NAME][ lost]"
 *               (OBJECT a name, or "memory"; VALUE "none" for the
 *               sentinel, a process name or "-" for a mutex's holder)
 *   transition  "T NAME>STATE"  (only where a row asks for them) */
#include <stdio.h>
#include <string.h>

#include "testkit.h"

#define HEAD(system) "procsim: 1\ntitle: t\nsystem: {" system "}\n"

typedef struct trace {
    const ps_engine *e;
    int transitions;        /* write transitions too */
    char buf[8192];
    size_t len;
    int64_t writes;         /* write events heard */
    int64_t mismatched;     /* writes flagged without overwriting, or not */
} trace;

static void line(trace *t, const char *text)
{
    size_t n = strlen(text);
    assert_true(t->len + n + 2 < sizeof t->buf);
    memcpy(t->buf + t->len, text, n);
    t->len += n;
    t->buf[t->len++] = '\n';
    t->buf[t->len] = 0;
}

static const char *pname(const ps_engine *e, uint32_t pid)
{
    return pid ? ps_engine_pcb(e, pid)->name : "-";
}

static const char *object_name(const ps_engine *e, const ps_op_event *ev)
{
    const ps_scenario *s = ps_engine_scenario(e);
    switch (ps_op_event_object((ps_op_event_kind)ev->op)) {
    case PS_OBJ_VARIABLE: return s->variables.names[ev->object];
    case PS_OBJ_CHANNEL: return s->channels.names[ev->object];
    case PS_OBJ_MUTEX: return s->mutexes.names[ev->object];
    case PS_OBJ_DEVICE: return s->devices.names[ev->object];
    case PS_OBJ_PROCESS: return pname(e, ev->object);
    case PS_OBJ_MEMORY:
    case PS_OBJ_KIND_COUNT:
        break;
    }
    return "memory";
}

static void on_op(void *ctx, const ps_op_event *ev)
{
    trace *t = ctx;
    char value[32], text[160];
    assert_int_equal(ev->time, ps_engine_now(t->e));
    if (ev->op == PS_OPE_LOCK || ev->op == PS_OPE_UNLOCK || ev->op == PS_OPE_HANDOFF)
        snprintf(value, sizeof value, "%s", pname(t->e, (uint32_t)ev->value));
    else if (ev->value == PS_VALUE_NONE)
        snprintf(value, sizeof value, "none");
    else
        snprintf(value, sizeof value, "%lld", (long long)ev->value);
    int n = snprintf(text, sizeof text, "%lld %s %s %s %s %lld", (long long)ev->time,
                     pname(t->e, ev->pid), ps_op_event_token((ps_op_event_kind)ev->op),
                     object_name(t->e, ev), value, (long long)ev->detail);
    if (ev->other)
        n += snprintf(text + n, sizeof text - (size_t)n, " other %s", pname(t->e, ev->other));
    if (ev->lost_update)
        snprintf(text + n, sizeof text - (size_t)n, " lost");
    if (ev->op == PS_OPE_WRITE) {
        t->writes++;
        t->mismatched += (ev->detail > 0) != (ev->lost_update != 0) || ev->detail < 0;
    }
    line(t, text);
}

static void on_transition(void *ctx, const ps_trace_event *ev)
{
    trace *t = ctx;
    if (!t->transitions)
        return;
    char text[96];
    snprintf(text, sizeof text, "%lld %s>%s", (long long)ev->time, pname(t->e, ev->pid),
             ps_state_token((ps_state)ev->to));
    line(t, text);
}

/* Run `yaml` to the end, tracing into *t; returns the engine (the caller
 * destroys it and *s). */
static ps_engine *run(const char *yaml, trace *t, ps_scenario **s)
{
    *s = tk_load(yaml);
    ps_engine *e = ps_engine_create(*s);
    assert_non_null(e);
    t->e = e;
    ps_engine_set_op_listener(e, on_op, t);
    ps_engine_set_listener(e, on_transition, t);
    assert_int_equal(tk_step_until(e, -1, tk_step_budget(*s), NULL), PS_STEP_DONE);
    return e;
}

typedef struct row {
    const char *what;
    const char *yaml;
    int transitions;
    const char *want;
} row;

static void check_rows(const row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        trace t = {.transitions = rows[i].transitions};
        ps_scenario *s;
        ps_engine *e = run(rows[i].yaml, &t, &s);
        if (strcmp(t.buf, rows[i].want))
            fail_msg("%s:\n--- got\n%s--- wanted\n%s", rows[i].what, t.buf, rows[i].want);
        ps_engine_destroy(e);
        ps_scenario_destroy(s);
    }
}

#define ROWS(rows) check_rows(rows, sizeof rows / sizeof rows[0])

/* OE-add: each increment is a read (the value read) at the end of its
 * first tick and a write (the value written) at the end of its second. */
static void rule_OE_add_read_then_write_per_increment(void **state)
{
    (void)state;
    static const row rows[] = {
        {"one process, two increments",
         HEAD("policy: fcfs") "processes:\n  - {name: a, program: [add x 2]}\n", 0,
         "1 a read x 0 0\n2 a write x 1 0\n3 a read x 1 0\n4 a write x 2 0\n"},
        {"two variables, one after the other",
         HEAD("policy: fcfs") "processes:\n  - {name: a, program: [add x 1, add y 1]}\n", 0,
         "1 a read x 0 0\n2 a write x 1 0\n3 a read y 0 0\n4 a write y 1 0\n"},
    };
    ROWS(rows);
}

/* OE-channel: a send gives the value and the channel's length after; a
 * value handed straight to a waiting receiver is its send and then its
 * recv (length 0, each naming the other); a recv of a queued value gives
 * the length left. */
static void rule_OE_channel_send_and_recv_with_length_after(void **state)
{
    (void)state;
    static const row rows[] = {
        {"queued, then taken",
         HEAD("policy: fcfs") "processes:\n"
         "  - {name: a, program: [send q 5, send q 7]}\n"
         "  - {name: b, program: [recv q, recv q]}\n", 0,
         "0 a send q 5 1\n0 a send q 7 2\n0 b recv q 5 1\n0 b recv q 7 0\n"},
        {"handed straight to the receiver waiting",
         HEAD("policy: fcfs") "processes:\n"
         "  - {name: b, program: [recv q]}\n"
         "  - {name: a, arrival: 2, program: [send q 9]}\n", 0,
         "2 a send q 9 0 other b\n2 b recv q 9 0 other a\n"},
    };
    ROWS(rows);
}

/* OE-mutex: lock, unlock and handoff give the holder after; a release
 * with a waiter is one handoff (naming the new holder), not an unlock; a
 * lock that blocks gives no event (its transition says it); the hand-off
 * at exit is the exiting process's. */
static void rule_OE_mutex_lock_unlock_handoff_give_the_holder_after(void **state)
{
    (void)state;
    static const row rows[] = {
        {"free: lock, unlock",
         HEAD("policy: fcfs") "processes:\n"
         "  - {name: a, program: [lock m, cpu 1, unlock m]}\n"
         "  - {name: b, program: [lock m, unlock m]}\n", 0,
         "0 a lock m a 0\n1 a unlock m - 0\n1 b lock m b 0\n1 b unlock m - 0\n"},
        {"a waiter: handoff",
         HEAD("policy: fcfs, cpus: 2") "processes:\n"
         "  - {name: a, program: [lock m, cpu 2, unlock m]}\n"
         "  - {name: b, program: [cpu 1, lock m, unlock m]}\n", 0,
         "0 a lock m a 0\n2 a handoff m b 0 other b\n2 b unlock m - 0\n"},
        {"released by exit",
         HEAD("policy: fcfs, cpus: 2") "processes:\n"
         "  - {name: a, program: [lock m, cpu 2]}\n"
         "  - {name: b, program: [cpu 1, lock m]}\n", 0,
         "0 a lock m a 0\n2 a handoff m b 0 other b\n2 b unlock m - 0\n"},
    };
    ROWS(rows);
}

/* OE-device: request when a device starts serving (the ticks, the queue
 * behind it), served when it finishes (the queue still waiting); a
 * request queued behind another starts when that one is served. */
static void rule_OE_device_request_and_served(void **state)
{
    (void)state;
    static const row rows[] = {
        {"one device, two requests",
         "procsim: 1\ntitle: t\ndevices: [disk]\nprocesses:\n"
         "  - {name: a, program: [io disk 3]}\n"
         "  - {name: b, program: [io disk 2]}\n", 0,
         "0 a request disk 3 0\n3 a served disk 3 1\n3 b request disk 2 0\n"
         "5 b served disk 2 0\n"},
        {"zero ticks",
         "procsim: 1\ntitle: t\ndevices: [net]\nprocesses:\n"
         "  - {name: a, program: [io net 0]}\n", 0,
         "0 a request net 0 0\n0 a served net 0 0\n"},
    };
    ROWS(rows);
}

/* OE-memory: memory taken (admission, swap in) is alloc, given back (swap
 * out, exit) is free: the units and the units used after.  A process that
 * needs none gives neither. */
static void rule_OE_memory_alloc_and_free(void **state)
{
    (void)state;
    static const row rows[] = {
        {"admission waits for an exit",
         HEAD("policy: fcfs, memory: 100") "processes:\n"
         "  - {name: a, memory: 60, program: [cpu 1]}\n"
         "  - {name: b, memory: 60, program: [cpu 1]}\n"
         "  - {name: c, program: [cpu 1]}\n", 0,
         "0 a alloc memory 60 60\n1 a free memory 60 0\n1 b alloc memory 60 60\n"
         "2 b free memory 60 0\n"},
        {"a blocked process swapped out and back in",
         HEAD("policy: fcfs, memory: 100") "processes:\n"
         "  - {name: a, memory: 60, program: [sleep 5, cpu 1]}\n"
         "  - {name: b, memory: 60, arrival: 1, program: [cpu 1]}\n", 0,
         "0 a alloc memory 60 60\n1 a free memory 60 0\n1 b alloc memory 60 60\n"
         "2 b free memory 60 0\n2 a alloc memory 60 60\n6 a free memory 60 0\n"},
    };
    ROWS(rows);
}

/* OE-order: op events come among the transitions in the order things
 * happen: a request before the requester's block, served before the next
 * request and the wake-up, a hand-over's send and recv before the
 * receiver wakes, alloc and free right after the transition that takes or
 * gives back the memory, the increment's half done before its process
 * leaves the CPU, a release by exit after the Exit. */
static void rule_OE_order_op_events_among_transitions(void **state)
{
    (void)state;
    static const row rows[] = {
        {"device",
         "procsim: 1\ntitle: t\ndevices: [disk]\nprocesses:\n"
         "  - {name: a, program: [io disk 2]}\n"
         "  - {name: b, program: [io disk 1]}\n", 1,
         "0 a>new\n0 b>new\n0 a>ready\n0 b>ready\n0 a>running\n0 a request disk 2 0\n"
         "0 a>blocked\n0 b>running\n0 b>blocked\n2 a served disk 2 1\n"
         "2 b request disk 1 0\n2 a>ready\n2 a>running\n2 a>exit\n3 b served disk 1 0\n"
         "3 b>ready\n3 b>running\n3 b>exit\n"},
        {"hand-over and memory",
         HEAD("policy: fcfs, memory: 10") "processes:\n"
         "  - {name: b, memory: 4, program: [recv q]}\n"
         "  - {name: a, memory: 4, arrival: 1, program: [send q 3]}\n", 1,
         "0 b>new\n0 b>ready\n0 b alloc memory 4 4\n0 b>running\n0 b>blocked\n1 a>new\n"
         "1 a>ready\n1 a alloc memory 4 8\n1 a>running\n1 a send q 3 0 other b\n"
         "1 b recv q 3 0 other a\n1 b>ready\n1 a>exit\n1 a free memory 4 4\n1 b>running\n"
         "1 b>exit\n1 b free memory 4 0\n"},
        {"increment preempted, lock released by exit",
         HEAD("policy: rr, quantum: 1") "processes:\n"
         "  - {name: a, program: [lock m, add x 1]}\n"
         "  - {name: b, program: [lock m]}\n", 1,
         "0 a>new\n0 b>new\n0 a>ready\n0 b>ready\n0 a>running\n0 a lock m a 0\n"
         "1 a read x 0 0\n1 a>ready\n1 b>running\n1 b>blocked\n1 a>running\n"
         "2 a write x 1 0\n2 a>exit\n2 a handoff m b 0 other b\n2 b>ready\n2 b>running\n"
         "2 b>exit\n2 b unlock m - 0\n"},
    };
    ROWS(rows);
}

/* OE-lost: a write that overwrites updates made since its read is
 * flagged, detail = how many, other = the last process whose write it
 * overwrote; lost_updates counts the increments lost in all, so completed
 * increments - final value = lost_updates (a later stale write may put
 * back some an earlier one wiped: then lost_updates is less than the sum
 * of the details). */
typedef struct lost_row {
    const char *what;
    const char *yaml;
    int64_t final, lost;
    const char *lost_writes; /* the flagged write events, in order */
} lost_row;

static void rule_OE_lost_update_detected_and_counted(void **state)
{
    (void)state;
    static const lost_row rows[] = {
        {"sequential: none lost",
         HEAD("policy: fcfs") "processes:\n"
         "  - {name: a, program: [add x 3]}\n  - {name: b, program: [add x 3]}\n",
         6, 0, ""},
        {"preempted between read and write by one increment",
         HEAD("policy: rr, quantum: 1") "processes:\n"
         "  - {name: a, program: [add x 1]}\n  - {name: b, program: [add x 1]}\n",
         1, 1, "4 b write x 1 1 other a lost\n"},
        {"preempted by three increments: exactly three lost",
         HEAD("policy: priority-preemptive") "processes:\n"
         "  - {name: a, priority: 5, program: [add x 1]}\n"
         "  - {name: b, priority: 1, arrival: 1, program: [add x 3]}\n",
         1, 3, "8 a write x 1 3 other b lost\n"},
        {"with the lock: none lost",
         HEAD("policy: rr, quantum: 1") "processes:\n"
         "  - {name: a, program: [lock m, add x 2, unlock m]}\n"
         "  - {name: b, program: [lock m, add x 2, unlock m]}\n",
         4, 0, ""},
        {"two CPUs in step: every second write loses one",
         HEAD("policy: fcfs, cpus: 2") "processes:\n"
         "  - {name: a, program: [add x 2]}\n  - {name: b, program: [add x 2]}\n",
         2, 2, "2 b write x 1 1 other a lost\n4 b write x 2 1 other a lost\n"},
        {"three CPUs: the last write of each round loses two",
         HEAD("policy: fcfs, cpus: 3") "processes:\n"
         "  - {name: a, program: [add x 1]}\n  - {name: b, program: [add x 1]}\n"
         "  - {name: c, program: [add x 1]}\n",
         1, 2, "2 b write x 1 1 other a lost\n2 c write x 1 2 other b lost\n"},
        {"a stale write lowers x below what a later writer read: that writer overwrote it "
         "(flagged) and puts the wiped ones back, so the run lost 1 where the details say 3",
         HEAD("policy: rr, quantum: 1") "processes:\n"
         "  - {name: q, program: [add x 1]}\n"
         "  - {name: r, arrival: 1, program: [add x 2]}\n"
         "  - {name: p, arrival: 5, program: [add x 1]}\n"
         "events:\n  - {at: 1, do: suspend q}\n  - {at: 6, do: resume q}\n",
         3, 1, "7 q write x 1 2 other r lost\n8 p write x 3 1 other q lost\n"},
        {"three processes on two CPUs, preempted: the identity holds",
         HEAD("policy: rr, quantum: 1, cpus: 2") "processes:\n"
         "  - {name: a, program: [add x 3]}\n  - {name: b, program: [add x 3]}\n"
         "  - {name: c, program: [add x 3]}\n",
         -1, -1, NULL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const lost_row *w = &rows[i];
        trace t = {0};
        ps_scenario *s;
        ps_engine *e = run(w->yaml, &t, &s);
        int64_t final = ps_engine_variable(e, 0);
        /* the identity holds on every row */
        assert_int_equal(t.writes - final, ps_engine_lost_updates(e));
        assert_int_equal(t.mismatched, 0); /* flagged exactly when it overwrote some */
        if (w->lost_writes) {
            char flagged[8192] = "";
            for (char *p = t.buf; *p;) {
                char *nl = strchr(p, '\n');
                if (strstr(p, " lost\n") == nl - 5)
                    strncat(flagged, p, (size_t)(nl - p + 1));
                p = nl + 1;
            }
            if (final != w->final || ps_engine_lost_updates(e) != w->lost ||
                strcmp(flagged, w->lost_writes))
                fail_msg("%s: final %lld (wanted %lld), lost %lld (wanted %lld), flagged:\n"
                         "%s--- wanted\n%s", w->what, (long long)final, (long long)w->final,
                         (long long)ps_engine_lost_updates(e), (long long)w->lost, flagged,
                         w->lost_writes);
        }
        ps_engine_destroy(e);
        ps_scenario_destroy(s);
    }
}

static const char *files(const ps_engine *e, uint32_t pid, ps_lang lang, char *buf,
                         size_t size)
{
    ps_open_file f[8];
    uint32_t n = ps_engine_open_files(e, pid, f, 8);
    assert_true(n <= 8);
    buf[0] = 0;
    for (uint32_t i = 0; i < n; i++) {
        char one[96];
        ps_open_file_format(e, &f[i], lang, one, sizeof one);
        snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", i ? "; " : "", one);
    }
    return buf;
}

/* F: from creation to Exit, the read end of each channel received from,
 * the write end of each sent to, each device used; channels by index
 * (read before write), then devices. */
static void rule_F_open_files_from_the_program(void **state)
{
    (void)state;
    ps_scenario *s = tk_load("procsim: 1\ntitle: t\ndevices: [disk, net]\nprocesses:\n"
                             "  - {name: a, program: [recv q, send r, io net 1, send q, "
                             "io disk 1, recv q, cpu 1]}\n"
                             "  - {name: b, arrival: 3, program: [send q 1, send q 2]}\n"
                             "  - {name: c, arrival: 1, program: [cpu 1]}\n");
    ps_engine *e = ps_engine_create(s);
    assert_non_null(e);
    char buf[512];
    assert_string_equal(files(e, 1, PS_LANG_EN, buf, sizeof buf), ""); /* not yet created */
    assert_int_equal(ps_engine_step(e), PS_STEP_OK);
    assert_string_equal(files(e, 1, PS_LANG_EN, buf, sizeof buf),
                        "read end of channel q; write end of channel q; write end of channel r; "
                        "device disk; device net");
    assert_string_equal(files(e, 1, PS_LANG_KO, buf, sizeof buf),
                        "채널 q의 읽기 끝; 채널 q의 쓰기 끝; 채널 r의 쓰기 끝; 장치 disk; 장치 net");
    assert_string_equal(files(e, 2, PS_LANG_EN, buf, sizeof buf), "");
    assert_int_equal(tk_step_until(e, 1, tk_step_budget(s), NULL), PS_STEP_UNTIL);
    assert_string_equal(files(e, 3, PS_LANG_EN, buf, sizeof buf), ""); /* no files */
    assert_int_equal(tk_step_until(e, -1, tk_step_budget(s), NULL), PS_STEP_DONE);
    for (uint32_t pid = 1; pid <= 3; pid++) /* exited: all closed */
        assert_int_equal(ps_engine_open_files(e, pid, NULL, 0), 0);
    assert_int_equal(ps_engine_open_files(e, 4, NULL, 0), 0);
    ps_open_file f = {PS_FILE_CHANNEL_READ, 0};
    char small[12];
    assert_string_equal(ps_open_file_format(e, &f, PS_LANG_EN, small, sizeof small),
                        "read end...");
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    /* copies share one program, so the files of all processes outnumber the
     * file's ops (found in review: the table was sized by the ops) */
    s = tk_load("procsim: 1\ntitle: t\nprocesses:\n"
                "  - {name: w, copies: 3, program: [send c 1, recv d]}\n");
    e = ps_engine_create(s);
    assert_int_equal(ps_engine_step(e), PS_STEP_OK);
    for (uint32_t pid = 1; pid <= 3; pid++)
        assert_string_equal(files(e, pid, PS_LANG_EN, buf, sizeof buf),
                            "write end of channel c; read end of channel d");
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
}

int main(void)
{
    tk_filter_from_env();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rule_OE_add_read_then_write_per_increment),
        cmocka_unit_test(rule_OE_channel_send_and_recv_with_length_after),
        cmocka_unit_test(rule_OE_mutex_lock_unlock_handoff_give_the_holder_after),
        cmocka_unit_test(rule_OE_device_request_and_served),
        cmocka_unit_test(rule_OE_memory_alloc_and_free),
        cmocka_unit_test(rule_OE_order_op_events_among_transitions),
        cmocka_unit_test(rule_OE_lost_update_detected_and_counted),
        cmocka_unit_test(rule_F_open_files_from_the_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
