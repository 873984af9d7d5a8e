/* test_loader.c — the scenario loader (scenario.h, sim/scenario_*.c).
 *
 * Good files load with the expected values; every bad file of
 * tests/loader/bad/ fails with exactly the message in `bad_files` below;
 * hostile input made in memory (deep nesting, an alias bomb, random bytes,
 * NUL bytes, every truncation and many one-byte mutations of a good file)
 * fails cleanly with a message naming the input; and a generated scenario
 * of 100 000 processes loads.  Run from the source tree (main chdir()s
 * there) so that messages start with the relative path of the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "procsim/scenario.h"
#include "../sim/scenario_priv.h" /* the size-limit seam */

/* --- helpers --- */

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap + 1);
            assert_non_null(buf);
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        if (got == 0)
            break;
        n += got;
    }
    fclose(fp);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* A growing string for generated scenarios. */
typedef struct text {
    char *p;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(t->p ? t->p + t->len : NULL, t->cap - t->len, fmt, ap);
        va_end(ap);
        assert_true(n >= 0);
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = (t->cap + (size_t)n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
}

static ps_scenario *load_text(const char *name, const char *s, size_t len, ps_error *err)
{
    return ps_scenario_load_string(name, s, len, err);
}

/* Loading must fail, with a message that starts with "NAME:". */
static void assert_fails(const char *name, const char *s, size_t len)
{
    ps_error err;
    ps_scenario *sc = load_text(name, s, len, &err);
    if (sc)
        ps_scenario_destroy(sc);
    assert_null(sc);
    size_t n = strlen(name);
    if (strncmp(err.msg, name, n) != 0 || err.msg[n] != ':')
        fail_msg("message does not start with '%s:': %s", name, err.msg);
}

static uint64_t rng_state;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13; /* xorshift64 */
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static char op_buf[128];

static const char *op_text(const ps_scenario *s, uint32_t i)
{
    return ps_op_format(s, &s->ops[i], op_buf, sizeof op_buf);
}

/* The ops of process p joined with " | ". */
static const char *program_text(const ps_scenario *s, uint32_t p, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < s->procs[p].op_count; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? " | " : "",
                              op_text(s, s->procs[p].op_first + i));
    return buf;
}

/* --- bad files: each with the exact message it must produce --- */

static const char *const bad_files[] = {
    "tests/loader/bad/add-zero.yaml:6:21: add: the count must be at least 1, got 0",
    "tests/loader/bad/alias.yaml:3:14: anchors and aliases are not supported in scenario files; write the value out in full",
    "tests/loader/bad/anchor.yaml:3:14: anchors and aliases are not supported in scenario files; write the value out in full",
    "tests/loader/bad/arrival-negative.yaml:5:14: arrival: must not be negative, got -1",
    "tests/loader/bad/arrival-with-parent.yaml:8:5: arrival: process 'c' has a parent ('p'), so it is created when its parent spawns it; remove 'arrival' or 'parent'",
    "tests/loader/bad/bom-control-char.yaml:2:8: control characters are not allowed (0x01); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/channel-bad-name.yaml:6:14: recv: '9lives' is not a valid name; a name starts with a letter or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/comments-only.yaml:3:1: the file holds no scenario (it is empty or only comments); expected a mapping with procsim, title and processes",
    "tests/loader/bad/control-after-utf8.yaml:3:18: control characters are not allowed (0x07); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/control-char.yaml:3:18: control characters are not allowed (0x07); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/cpus-too-many.yaml:4:9: cpus: must be at most 1024, got 2000",
    "tests/loader/bad/cpus-zero.yaml:4:9: cpus: must be at least 1, got 0",
    "tests/loader/bad/crlf-control-char.yaml:3:16: control characters are not allowed (0x01); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/crlf-position.yaml:5:19: cpu: the tick count must be at least 1, got 0",
    "tests/loader/bad/description-mapping.yaml:3:14: description: expected a string, got a mapping",
    "tests/loader/bad/devices-bad-name.yaml:3:17: devices: 'my disk' is not a valid name; a name starts with a letter or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/devices-duplicate.yaml:6:5: devices: duplicate device 'disk' (first listed at line 4); device names must be unique",
    "tests/loader/bad/devices-mapping.yaml:3:10: devices: expected a sequence of device names such as [disk, net], got a mapping",
    "tests/loader/bad/duplicate-key.yaml:3:1: scenario: duplicate key 'title' (first given at line 2)",
    "tests/loader/bad/empty-document.yaml:2:1: expected a scenario (a mapping with procsim, title and processes), got nothing",
    "tests/loader/bad/empty.yaml:1:1: the file holds no scenario (it is empty or only comments); expected a mapping with procsim, title and processes",
    "tests/loader/bad/event-at-negative.yaml:7:9: at: must not be negative, got -3",
    "tests/loader/bad/event-bad-action.yaml:8:9: do: unknown action 'suspnd'; did you mean 'suspend'? (valid actions: suspend, resume, kill)",
    "tests/loader/bad/event-missing-do.yaml:7:5: event: missing key 'do' (required keys: at, do)",
    "tests/loader/bad/event-not-mapping.yaml:7:5: events: expected an event (a mapping with at and do), got 'kill a'",
    "tests/loader/bad/event-too-few.yaml:7:17: do: too few operands; expected 'resume PROCESS'",
    "tests/loader/bad/event-too-many.yaml:7:26: do: too many operands; expected 'resume PROCESS'",
    "tests/loader/bad/event-unknown-key.yaml:9:5: event: unknown key 'when' (valid keys: at, do)",
    "tests/loader/bad/event-unknown-process.yaml:8:14: do: unknown process 'b' (defined processes: a)",
    "tests/loader/bad/events-scalar.yaml:6:9: events: expected a sequence of events such as [{at: 5, do: suspend editor}], got 'soon'",
    "tests/loader/bad/exit-code-range.yaml:6:14: exit: the exit code must be at most 255, got 256",
    "tests/loader/bad/invalid-utf8.yaml:3:17: invalid leading UTF-8 octet (0xFF); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/io-default-device-only.yaml:6:12: io: unknown device 'net' (declared devices: disk)",
    "tests/loader/bad/io-no-devices.yaml:6:12: io: unknown device 'disk'; no devices are declared ('devices' is empty)",
    "tests/loader/bad/io-unknown-device.yaml:6:25: io: unknown device 'dsk'; did you mean 'disk'? (declared devices: disk, net)",
    "tests/loader/bad/key-not-scalar.yaml:3:1: scenario: expected a key, got a sequence",
    "tests/loader/bad/kill-before-spawn.yaml:5:20: kill: 'b' is not spawned by an earlier op of 'a'; spawn it before killing it",
    "tests/loader/bad/kill-not-child.yaml:8:20: kill: 'a' is not a child of 'b'; a process kills only its own children (an event can kill any process)",
    "tests/loader/bad/memory-too-big.yaml:7:13: memory: process 'b' needs 150 units, more than the system's whole memory of 100; a process must fit in memory",
    "tests/loader/bad/mlfq-levels-too-many.yaml:5:16: mlfq_levels: must be at most 64, got 65",
    "tests/loader/bad/mutex-missing.yaml:6:9: lock: too few operands; expected 'lock MUTEX'",
    "tests/loader/bad/name-duplicate.yaml:6:11: name: duplicate process name 'a' (first defined at line 4); process names must be unique",
    "tests/loader/bad/name-invalid.yaml:4:11: name: '1st' is not a valid name; a name starts with a letter or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/name-reserved.yaml:4:11: name: 'any' cannot name a process; it is reserved for 'wait any'",
    "tests/loader/bad/name-sequence.yaml:4:11: name: expected a name, got a sequence",
    "tests/loader/bad/name-too-long.yaml:4:11: name: the name 'pppppppppppppppppppppppppppppppppppppppp...' is too long (65 characters); a name has at most 64",
    "tests/loader/bad/never-spawned.yaml:7:13: parent: 'a' never spawns 'b'; add 'spawn b' to the program of 'a'",
    "tests/loader/bad/op-blank-string.yaml:5:15: program: expected an op such as 'cpu 3', got the string '  '",
    "tests/loader/bad/op-case.yaml:6:9: program: unknown op 'CPU'; did you mean 'cpu'? (valid ops: cpu, io, sleep, spawn, wait, send, recv, lock, unlock, add, exit, kill)",
    "tests/loader/bad/op-empty.yaml:6:8: program: expected an op such as 'cpu 3', got nothing",
    "tests/loader/bad/op-multiline.yaml:6:9: cpu: the tick count must be at least 1, got 0",
    "tests/loader/bad/op-negative.yaml:6:17: io: the tick count must not be negative, got -2",
    "tests/loader/bad/op-not-number.yaml:6:17: sleep: expected an integer (the tick count), got 'soon'",
    "tests/loader/bad/op-overflow.yaml:6:13: cpu: the tick count 1000000001 is too large; the largest number allowed is 1000000000",
    "tests/loader/bad/op-quoted.yaml:6:9: cpu: the tick count must be at least 1, got 0",
    "tests/loader/bad/op-too-few.yaml:6:9: io: too few operands; expected 'io DEVICE TICKS'",
    "tests/loader/bad/op-too-many.yaml:6:15: cpu: too many operands; expected 'cpu TICKS'",
    "tests/loader/bad/op-unknown-near.yaml:5:22: program: unknown op 'slep'; did you mean 'sleep'? (valid ops: cpu, io, sleep, spawn, wait, send, recv, lock, unlock, add, exit, kill)",
    "tests/loader/bad/op-unknown.yaml:5:15: program: unknown op 'compute' (valid ops: cpu, io, sleep, spawn, wait, send, recv, lock, unlock, add, exit, kill)",
    "tests/loader/bad/op-utf8-column.yaml:6:14: send: 'café' is not a valid name; a name starts with a letter or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/op-zero-ticks.yaml:6:13: cpu: the tick count must be at least 1, got 0",
    "tests/loader/bad/parent-cycle.yaml:6:13: parent: the parents of 'b' form a cycle (b -> c -> b); a chain of parents must end at a process without one",
    "tests/loader/bad/parent-self.yaml:5:13: parent: the parents of 'a' form a cycle (a -> a); a chain of parents must end at a process without one",
    "tests/loader/bad/parent-unknown.yaml:7:13: parent: unknown process 'shel'; did you mean 'shell'? (defined processes: shell, child)",
    "tests/loader/bad/policy-case.yaml:4:11: policy: unknown policy 'RR'; did you mean 'rr'? (valid policies: fcfs, sjf, srtf, priority, priority-preemptive, rr, mlfq)",
    "tests/loader/bad/policy-near.yaml:4:11: policy: unknown policy 'fifo'; did you mean 'fcfs'? (valid policies: fcfs, sjf, srtf, priority, priority-preemptive, rr, mlfq)",
    "tests/loader/bad/policy-unknown.yaml:4:11: policy: unknown policy 'lottery' (valid policies: fcfs, sjf, srtf, priority, priority-preemptive, rr, mlfq)",
    "tests/loader/bad/priority-float.yaml:5:15: priority: expected an integer (smaller is more urgent), got '1.5'",
    "tests/loader/bad/process-no-name.yaml:5:5: process: missing key 'name' (required keys: name)",
    "tests/loader/bad/process-not-mapping.yaml:4:5: processes: expected a process (a mapping with name, program, ...), got 'a'",
    "tests/loader/bad/process-unknown-key.yaml:5:5: process: unknown key 'prority'; did you mean 'priority'? (valid keys: name, arrival, priority, memory, parent, program)",
    "tests/loader/bad/processes-empty.yaml:3:12: processes: expected at least one process, got none",
    "tests/loader/bad/processes-missing.yaml:1:1: scenario: missing key 'processes' (required keys: procsim, title, processes)",
    "tests/loader/bad/processes-scalar.yaml:3:12: processes: expected a sequence of processes, got 'a'",
    "tests/loader/bad/program-mapping-op.yaml:6:9: program: expected an op such as 'cpu 3', got a mapping (write '- cpu 3', not '- cpu: 3')",
    "tests/loader/bad/program-nested.yaml:5:15: program: expected an op such as 'cpu 3', got a sequence",
    "tests/loader/bad/program-scalar.yaml:5:14: program: expected a sequence of ops such as [cpu 3, io disk 2], got 'cpu 3'",
    "tests/loader/bad/quantum-bool.yaml:4:12: quantum: expected an integer (ticks), got 'yes'",
    "tests/loader/bad/quantum-float.yaml:4:12: quantum: expected an integer (ticks), got '2.5'",
    "tests/loader/bad/quantum-leading-zero.yaml:4:12: quantum: 010 has a leading zero; write 10 (YAML 1.1 reads a leading 0 as octal)",
    "tests/loader/bad/quantum-negative.yaml:4:12: quantum: must not be negative, got -3",
    "tests/loader/bad/quantum-quoted.yaml:4:12: quantum: expected an integer (ticks), got the string '4'; write numbers without quotes",
    "tests/loader/bad/root-scalar.yaml:1:1: expected a scenario (a mapping with procsim, title and processes), got 'just some text'",
    "tests/loader/bad/root-sequence.yaml:1:1: expected a scenario (a mapping with procsim, title and processes), got a sequence",
    "tests/loader/bad/send-negative.yaml:6:17: send: the value must not be negative, got -1",
    "tests/loader/bad/spawn-any.yaml:5:21: spawn: 'any' cannot name a process; it is reserved for 'wait any'",
    "tests/loader/bad/spawn-not-parent.yaml:5:21: spawn: 'c' is a child of 'b', so only 'b' can spawn it",
    "tests/loader/bad/spawn-orphan.yaml:5:21: spawn: 'b' has no parent, so 'a' cannot spawn it; give 'b' the key 'parent: a'",
    "tests/loader/bad/spawn-twice.yaml:8:15: spawn: 'b' is already spawned at line 6; a child is spawned exactly once",
    "tests/loader/bad/spawn-unknown.yaml:5:21: spawn: unknown process 'chidl'; did you mean 'child'? (defined processes: shell, child)",
    "tests/loader/bad/system-memory-zero.yaml:4:11: memory: must be at least 1, got 0 (leave memory out for unlimited memory)",
    "tests/loader/bad/system-sequence.yaml:3:9: system: expected a mapping of settings such as {cpus: 2, policy: rr}, got a sequence",
    "tests/loader/bad/system-unknown-key.yaml:4:3: system: unknown key 'quantom'; did you mean 'quantum'? (valid keys: cpus, memory, policy, quantum, switch_cost, tick_ms, mlfq_levels, mlfq_boost)",
    "tests/loader/bad/tab-indent.yaml:4:1: invalid YAML: found character that cannot start any token (while scanning for the next token at line 4, column 1)",
    "tests/loader/bad/tag.yaml:3:14: tags such as !!str are not supported in scenario files; write the value without one",
    "tests/loader/bad/tick-ms-overflow.yaml:4:12: tick_ms: 99999999999999999999999 is too large; the largest number allowed is 1000000000",
    "tests/loader/bad/title-empty.yaml:2:8: title: must not be empty",
    "tests/loader/bad/title-missing.yaml:1:1: scenario: missing key 'title' (required keys: procsim, title, processes)",
    "tests/loader/bad/title-null.yaml:2:7: title: expected a non-empty string, got nothing",
    "tests/loader/bad/title-sequence.yaml:2:8: title: expected a non-empty string, got a sequence",
    "tests/loader/bad/truncated-flow.yaml:4:1: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 3, column 13)",
    "tests/loader/bad/two-documents.yaml:6:1: a second YAML document is not allowed; a scenario file holds exactly one",
    "tests/loader/bad/unclosed-quote.yaml:7:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 3, column 14)",
    "tests/loader/bad/unknown-key-near.yaml:3:1: scenario: unknown key 'titel'; did you mean 'title'? (valid keys: procsim, title, description, system, devices, processes, events)",
    "tests/loader/bad/unknown-key.yaml:3:1: scenario: unknown key 'colour' (valid keys: procsim, title, description, system, devices, processes, events)",
    "tests/loader/bad/utf16-control-char.yaml:2:11: control characters are not allowed (0x07); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/version-float.yaml:1:10: procsim: expected the format version 1, got '1.0'",
    "tests/loader/bad/version-missing.yaml:1:1: scenario: missing key 'procsim' (required keys: procsim, title, processes)",
    "tests/loader/bad/version-newer-later.yaml:5:10: procsim: format version 3 is newer than this procsim understands (it reads version 1); upgrade procsim",
    "tests/loader/bad/version-newer.yaml:1:10: procsim: format version 2 is newer than this procsim understands (it reads version 1); upgrade procsim",
    "tests/loader/bad/version-quoted.yaml:1:10: procsim: expected the format version 1, got the string '1'",
    "tests/loader/bad/version-zero.yaml:1:10: procsim: expected the format version 1, got '0'",
    "tests/loader/bad/wait-before-spawn.yaml:5:20: wait: 'b' is not spawned by an earlier op of 'a'; spawn it before waiting for it",
    "tests/loader/bad/wait-not-child.yaml:5:20: wait: 'b' is not a child of 'a'; a process waits only for its own children",
    "tests/loader/bad/yaml-syntax.yaml:5:4: invalid YAML: did not find expected '-' indicator (while parsing a block collection at line 4, column 3)",
};

#define NBAD (sizeof bad_files / sizeof bad_files[0])

static void test_bad_files(void **state)
{
    (void)state;
    for (size_t i = 0; i < NBAD; i++) {
        char path[256];
        size_t n = strcspn(bad_files[i], ":");
        snprintf(path, sizeof path, "%.*s", (int)n, bad_files[i]);
        ps_error err;
        ps_scenario *s = ps_scenario_load_file(path, &err);
        if (s) {
            ps_scenario_destroy(s);
            fail_msg("%s loaded, but should fail with: %s", path, bad_files[i]);
        }
        if (strcmp(err.msg, bad_files[i]) != 0)
            fail_msg("%s:\n  expected: %s\n  got:      %s", path, bad_files[i], err.msg);
    }
}

/* Every file in tests/loader/bad/ has its line in bad_files. */
static void test_bad_files_all_listed(void **state)
{
    (void)state;
    DIR *dir = opendir("tests/loader/bad");
    assert_non_null(dir);
    size_t seen = 0;
    for (struct dirent *de; (de = readdir(dir));) {
        if (de->d_name[0] == '.')
            continue;
        char prefix[300];
        snprintf(prefix, sizeof prefix, "tests/loader/bad/%s:", de->d_name);
        size_t i = 0;
        while (i < NBAD && strncmp(bad_files[i], prefix, strlen(prefix)) != 0)
            i++;
        if (i == NBAD)
            fail_msg("tests/loader/bad/%s has no expected message in bad_files", de->d_name);
        seen++;
    }
    closedir(dir);
    assert_int_equal(seen, NBAD);
}

/* --- good files --- */

static ps_scenario *load_good(const char *path)
{
    ps_error err;
    ps_scenario *s = ps_scenario_load_file(path, &err);
    if (!s)
        fail_msg("%s", err.msg);
    assert_string_equal(s->path, path);
    return s;
}

static void test_minimal_defaults(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/minimal.yaml");
    assert_string_equal(s->title, "Minimal");
    assert_string_equal(s->description, "");
    assert_int_equal(s->cpus, 1);
    assert_int_equal(s->memory, PS_UNLIMITED);
    assert_int_equal(s->policy, PS_POLICY_FCFS);
    assert_int_equal(s->quantum, 4);
    assert_int_equal(s->switch_cost, 0);
    assert_int_equal(s->tick_ms, 100);
    assert_int_equal(s->mlfq_levels, 3);
    assert_int_equal(s->mlfq_boost, 0);
    assert_int_equal(s->devices.count, 1);
    assert_string_equal(s->devices.names[0], "disk");
    assert_int_equal(s->channels.count, 0);
    assert_int_equal(s->mutexes.count, 0);
    assert_int_equal(s->variables.count, 0);
    assert_int_equal(s->nprocs, 1);
    assert_string_equal(s->procs[0].name, "only");
    assert_int_equal(s->procs[0].arrival, 0);
    assert_int_equal(s->procs[0].memory, 0);
    assert_int_equal(s->procs[0].priority, 0);
    assert_int_equal(s->procs[0].parent, -1);
    assert_int_equal(s->procs[0].op_count, 0);
    assert_int_equal(s->nops, 0);
    assert_int_equal(s->nevents, 0);
    ps_scenario_destroy(s);
}

static void test_full(void **state)
{
    (void)state;
    char buf[512];
    ps_scenario *s = load_good("tests/loader/good/full.yaml");
    assert_string_equal(s->title, "Everything: a full scenario");
    assert_string_equal(s->description, "Two lines\nof description.\n");
    assert_int_equal(s->cpus, 2);
    assert_int_equal(s->memory, 100);
    assert_int_equal(s->policy, PS_POLICY_MLFQ);
    assert_int_equal(s->quantum, 3);
    assert_int_equal(s->switch_cost, 1);
    assert_int_equal(s->tick_ms, 50);
    assert_int_equal(s->mlfq_levels, 4);
    assert_int_equal(s->mlfq_boost, 20);

    /* name tables, each in order of first appearance */
    assert_int_equal(s->devices.count, 2);
    assert_string_equal(s->devices.names[0], "disk");
    assert_string_equal(s->devices.names[1], "net");
    assert_int_equal(s->channels.count, 2);
    assert_string_equal(s->channels.names[0], "results");
    assert_string_equal(s->channels.names[1], "other");
    assert_int_equal(s->mutexes.count, 2);
    assert_string_equal(s->mutexes.names[0], "m");
    assert_string_equal(s->mutexes.names[1], "m2");
    assert_int_equal(s->variables.count, 1);
    assert_string_equal(s->variables.names[0], "counter");

    assert_int_equal(s->nprocs, 5);
    const ps_proc_spec *worker = &s->procs[0], *shell = &s->procs[1];
    assert_string_equal(worker->name, "worker");
    assert_int_equal(worker->parent, 1); /* shell, defined after it */
    assert_int_equal(worker->memory, 40);
    assert_int_equal(worker->priority, 2);
    assert_string_equal(shell->name, "shell");
    assert_int_equal(shell->arrival, 1);
    assert_int_equal(shell->parent, -1);
    assert_int_equal(s->procs[2].parent, 1);
    assert_int_equal(s->procs[2].op_count, 0);
    assert_int_equal(s->procs[3].op_count, 0);

    assert_string_equal(program_text(s, 0, buf, sizeof buf),
                        "cpu 4 | io net 3 | send results 10000 | lock m | add counter 100 | "
                        "unlock m | exit 3");
    assert_string_equal(program_text(s, 1, buf, sizeof buf),
                        "spawn worker | spawn helper | wait worker | kill helper | wait any | "
                        "recv results | sleep 2 | io disk 1");
    assert_string_equal(program_text(s, 4, buf, sizeof buf),
                        "send results 1 | send other 0 | add counter 1 | lock m2 | unlock m2 | "
                        "exit 0");

    /* the encoding itself */
    assert_int_equal(s->nops, 7 + 8 + 6);
    const ps_op *w = &s->ops[worker->op_first], *sh = &s->ops[shell->op_first];
    assert_int_equal(worker->op_count, 7);
    assert_int_equal(w[0].kind, PS_OP_CPU);
    assert_int_equal(w[0].n, 4);
    assert_int_equal(w[1].kind, PS_OP_IO);
    assert_int_equal(w[1].obj, 1); /* net */
    assert_int_equal(w[1].n, 3);
    assert_int_equal(w[2].kind, PS_OP_SEND);
    assert_int_equal(w[2].obj, 0);
    assert_int_equal(w[2].n, 10000);
    assert_int_equal(w[4].kind, PS_OP_ADD);
    assert_int_equal(w[4].obj, 0);
    assert_int_equal(w[4].n, 100);
    assert_int_equal(w[6].kind, PS_OP_EXIT);
    assert_int_equal(w[6].n, 3);
    assert_int_equal(sh[0].kind, PS_OP_SPAWN);
    assert_int_equal(sh[0].obj, 0); /* worker */
    assert_int_equal(sh[1].obj, 2); /* helper */
    assert_int_equal(sh[3].kind, PS_OP_KILL);
    assert_int_equal(sh[3].obj, 2);
    assert_int_equal(sh[4].kind, PS_OP_WAIT);
    assert_int_equal(sh[4].obj, PS_WAIT_ANY);
    assert_int_equal(sh[7].obj, 0); /* disk */
    const ps_op *snd = &s->ops[s->procs[4].op_first];
    assert_int_equal(snd[0].n, 1);  /* send without a value */
    assert_int_equal(snd[1].obj, 1);
    assert_int_equal(snd[1].n, 0);
    assert_int_equal(snd[5].kind, PS_OP_EXIT);
    assert_int_equal(snd[5].n, 0);  /* exit without a code */

    /* events sorted by time, stable in file order */
    assert_int_equal(s->nevents, 4);
    const struct { int64_t at; ps_action a; uint32_t target; } ev[] = {
        {0, PS_ACT_SUSPEND, 4}, {2, PS_ACT_SUSPEND, 1}, {9, PS_ACT_KILL, 3},
        {9, PS_ACT_RESUME, 0}};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(s->events[i].at, ev[i].at);
        assert_int_equal(s->events[i].action, ev[i].a);
        assert_int_equal(s->events[i].target, ev[i].target);
    }
    ps_scenario_destroy(s);
}

static void test_nulls_are_defaults(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/nulls.yaml");
    assert_string_equal(s->description, "");
    assert_int_equal(s->cpus, 1);
    assert_int_equal(s->memory, PS_UNLIMITED);
    assert_int_equal(s->policy, PS_POLICY_FCFS);
    assert_int_equal(s->devices.count, 1);
    assert_string_equal(s->devices.names[0], "disk");
    assert_int_equal(s->procs[0].arrival, 0);
    assert_int_equal(s->procs[0].op_count, 1);
    assert_int_equal(s->nevents, 0);
    ps_scenario_destroy(s);
}

static void test_flow_style(void **state)
{
    (void)state;
    char buf[256];
    ps_scenario *s = load_good("tests/loader/good/flow.yaml");
    assert_string_equal(s->title, "Flow");
    assert_int_equal(s->policy, PS_POLICY_RR);
    assert_int_equal(s->quantum, 2);
    assert_int_equal(s->devices.count, 0); /* devices: [] with no io op */
    assert_int_equal(s->nprocs, 2);
    assert_int_equal(s->procs[0].priority, 7);
    assert_string_equal(program_text(s, 0, buf, sizeof buf), "cpu 1 | exit 9");
    assert_string_equal(s->procs[1].name, "b.2-x_");
    assert_int_equal(s->procs[1].arrival, 5);
    assert_int_equal(s->nevents, 1);
    assert_int_equal(s->events[0].at, 3);
    assert_int_equal(s->events[0].action, PS_ACT_RESUME);
    assert_int_equal(s->events[0].target, 1);
    ps_scenario_destroy(s);
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/bom-crlf.yaml");
    assert_string_equal(s->title, "BOM and CRLF");
    assert_int_equal(s->nops, 1);
    assert_int_equal(s->ops[0].n, 2);
    ps_scenario_destroy(s);
}

static void test_utf16(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/utf16.yaml");
    assert_string_equal(s->title, "wide");
    assert_string_equal(s->procs[0].name, "a");
    ps_scenario_destroy(s);
}

static void test_builtin_tour(void **state)
{
    (void)state;
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("<built-in>", ps_tour_yaml, ps_tour_yaml_len, &err);
    if (!s)
        fail_msg("%s", err.msg);
    assert_string_equal(s->path, "<built-in>");
    assert_true(s->nprocs >= 1);
    ps_scenario_destroy(s);
}

/* --- tokens and ps_op_format --- */

static void test_tokens(void **state)
{
    (void)state;
    assert_string_equal(ps_policy_token(PS_POLICY_PRIORITY_PREEMPTIVE), "priority-preemptive");
    assert_string_equal(ps_policy_token(PS_POLICY_COUNT), "?");
    assert_string_equal(ps_op_token(PS_OP_UNLOCK), "unlock");
    assert_string_equal(ps_op_token(PS_OP_KILL), "kill");
    assert_string_equal(ps_op_token(PS_OP_COUNT), "?");
    assert_string_equal(ps_action_token(PS_ACT_RESUME), "resume");
    assert_string_equal(ps_action_token((ps_action)-1), "?");
    for (int k = 0; k < PS_OP_COUNT; k++) { /* every op has its shape */
        assert_non_null(ps__op_shapes[k].usage);
        assert_int_equal(strncmp(ps__op_shapes[k].usage, ps_op_token((ps_op_kind)k),
                                 strlen(ps_op_token((ps_op_kind)k))), 0);
    }
}

static void test_op_format(void **state)
{
    (void)state;
    static const char yaml[] =
        "procsim: 1\ntitle: f\ndevices: [disk]\nprocesses:\n"
        "  - name: p\n    program: [io disk 3, send results 10000, wait any, exit 0,\n"
        "      add counter 100, spawn c, wait c, kill c, sleep 5, recv results,\n"
        "      lock m, unlock m]\n"
        "  - {name: c, parent: p}\n";
    static const char *const want[] = {
        "io disk 3", "send results 10000", "wait any", "exit 0", "add counter 100",
        "spawn c", "wait c", "kill c", "sleep 5", "recv results", "lock m", "unlock m"};
    ps_error err;
    ps_scenario *s = load_text("fmt", yaml, sizeof yaml - 1, &err);
    if (!s)
        fail_msg("%s", err.msg);
    assert_int_equal(s->nops, 12);
    for (uint32_t i = 0; i < 12; i++)
        assert_string_equal(op_text(s, i), want[i]);
    char small[6];
    assert_string_equal(ps_op_format(s, &s->ops[1], small, sizeof small), "send ");
    ps_op bad = {.kind = PS_OP_COUNT};
    assert_string_equal(ps_op_format(s, &bad, small, sizeof small), "?");
    ps_op stray = {.kind = PS_OP_IO, .obj = 99, .n = 1};
    assert_string_equal(ps_op_format(s, &stray, op_buf, sizeof op_buf), "io ? 1");
    ps_scenario_destroy(s);
}

/* --- hostile input, made in memory --- */

/* Loading may succeed or fail, but a failure names the input. */
static void assert_clean(const char *name, const char *s, size_t len)
{
    ps_error err;
    ps_scenario *sc = load_text(name, s, len, &err);
    if (sc) {
        ps_scenario_destroy(sc);
        return;
    }
    size_t n = strlen(name);
    if (strncmp(err.msg, name, n) != 0 || err.msg[n] != ':')
        fail_msg("message does not start with '%s:': %s", name, err.msg);
}

static void assert_message(const char *name, const char *s, size_t len, const char *want)
{
    ps_error err;
    ps_scenario *sc = load_text(name, s, len, &err);
    if (sc)
        ps_scenario_destroy(sc);
    assert_null(sc);
    assert_string_equal(err.msg, want);
}

#define DEEP 100000

static char *repeat(const char *head, const char *unit, size_t times, const char *tail)
{
    text t = {0};
    put(&t, "%s", head);
    for (size_t i = 0; i < times; i++)
        put(&t, "%s", unit);
    put(&t, "%s", tail);
    return t.p;
}

static void test_deep_nesting(void **state)
{
    (void)state;
    char *s = repeat("", "[", DEEP, "");
    assert_message("deep", s, strlen(s), "deep:1:1: expected a scenario (a mapping with "
                   "procsim, title and processes), got a sequence");
    free(s);

    s = repeat("procsim: 1\ntitle: t\nprocesses: ", "[", DEEP, "");
    assert_message("deep", s, strlen(s), "deep:3:13: processes: expected a process (a "
                   "mapping with name, program, ...), got a sequence");
    free(s);

    s = repeat("", "- ", DEEP, "x\n");
    assert_fails("deep", s, strlen(s));
    free(s);

    s = repeat("procsim: 1\ntitle: t\nsystem: ", "{a: ", DEEP, "1");
    assert_message("deep", s, strlen(s), "deep:3:10: system: unknown key 'a' (valid keys: "
                   "cpus, memory, policy, quantum, switch_cost, tick_ms, mlfq_levels, "
                   "mlfq_boost)");
    free(s);

    /* An error before `procsim` makes the loader read on to look for a
     * newer format version: through nesting a scenario might have, but
     * not through 100 000 levels, where libyaml would take quadratic time. */
    for (int depth = 60; depth <= DEEP; depth = depth == 60 ? DEEP : DEEP + 1) {
        text t = {0};
        put(&t, "title: t\nextra: ");
        for (int i = 0; i < depth; i++)
            put(&t, "[");
        for (int i = 0; i < depth; i++)
            put(&t, "]");
        put(&t, "\nprocsim: 2\n");
        assert_message("deep", t.p, t.len, depth == 60 ?
                       "deep:3:10: procsim: format version 2 is newer than this procsim "
                       "understands (it reads version 1); upgrade procsim" :
                       "deep:2:1: scenario: unknown key 'extra' (valid keys: procsim, title, "
                       "description, system, devices, processes, events)");
        free(t.p);
    }
    s = repeat("title: t\nextra: ", "[", DEEP, ""); /* never closed */
    assert_message("deep", s, strlen(s), "deep:2:1: scenario: unknown key 'extra' (valid "
                   "keys: procsim, title, description, system, devices, processes, events)");
    free(s);
}

static void test_alias_bomb(void **state)
{
    (void)state;
    text t = {0};
    put(&t, "procsim: 1\ntitle: t\nevents: [&a0 [lol, lol, lol, lol, lol, lol, lol, lol]");
    for (int i = 1; i < 10; i++) {
        put(&t, ", &a%d [", i);
        for (int j = 0; j < 9; j++)
            put(&t, "*a%d, ", i - 1);
        put(&t, "*a%d]", i - 1);
    }
    put(&t, "]\nprocesses: [{name: a}]\n");
    assert_message("bomb", t.p, t.len, "bomb:3:10: anchors and aliases are not supported "
                   "in scenario files; write the value out in full");
    free(t.p);

    /* the classic, at the top: rejected at its first (unknown) key */
    t = (text){0};
    put(&t, "lol: &lol \"lol\"\n");
    for (int i = 1; i < 10; i++) {
        put(&t, "lol%d: &lol%d [", i, i);
        for (int j = 0; j < 10; j++)
            put(&t, "%s*lol%.0d", j ? ", " : "", i - 1);
        put(&t, "]\n");
    }
    assert_fails("bomb", t.p, t.len);
    free(t.p);
}

static void test_random_bytes(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *s = malloc(n);
    assert_non_null(s);
    rng_state = 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < n; i++)
        s[i] = (char)(rng() >> 24);
    assert_fails("random", s, n);
    for (size_t i = 0; i < n; i++) /* printable ASCII only: past the reader */
        s[i] = (char)(' ' + rng() % 95);
    assert_fails("random", s, n);
    free(s);
}

/* Random YAML-shaped text: 1 MB of it, then many small documents. */
static void test_random_yaml(void **state)
{
    (void)state;
    static const char *const bits[] = {
        "procsim", "title", "processes", "name", "program", "events", "system", ": ",
        " ", "\n", "\n  ", "- ", "[", "]", "{", "}", ", ", "cpu 1", "io disk 2", "spawn a",
        "wait any", "&x ", "*x", "!!str ", "'", "\"", "# c\n", "1", "-1", "a", "---\n",
        "...\n", "? ", "|\n", ">\n", "%YAML 1.1\n", "\t", "\\", "\xc3\xa9", "at", "do"};
    size_t nbits = sizeof bits / sizeof bits[0];
    rng_state = 42;
    text t = {0};
    while (t.len < (1u << 20))
        put(&t, "%s", bits[rng() % nbits]);
    assert_fails("yamlish", t.p, t.len);
    for (int doc = 0; doc < 5000; doc++) {
        t.len = 0;
        put(&t, "procsim: 1\ntitle: t\n");
        for (int i = 0, n = (int)(rng() % 60); i < n; i++)
            put(&t, "%s", bits[rng() % nbits]);
        assert_clean("yamlish", t.p, t.len);
    }
    free(t.p);
}

static void test_nul_bytes(void **state)
{
    (void)state;
    static const char nul[] = "procsim: 1\ntitle: t\0x\nprocesses:\n  - name: a\n";
    assert_message("nul", nul, sizeof nul - 1, "nul:2:9: control characters are not "
                   "allowed (0x00); a scenario file must be UTF-8 text with no control "
                   "characters");
    static const char esc[] = "procsim: 1\ntitle: \"a\\0b\"\nprocesses:\n  - name: a\n";
    assert_message("nul", esc, sizeof esc - 1, "nul:2:8: title: must not contain NUL "
                   "characters (\\0); expected a non-empty string");
    char zeros[1000] = {0};
    assert_fails("zeros", zeros, sizeof zeros);
    assert_message("empty", NULL, 0, "empty:1:1: the file holds no scenario (it is empty "
                   "or only comments); expected a mapping with procsim, title and processes");
}

/* Every prefix of a good file loads or fails cleanly, and a few cuts are
 * sure to fail. */
static void test_truncated(void **state)
{
    (void)state;
    size_t len;
    char *s = read_all("tests/loader/good/full.yaml", &len);
    for (size_t n = 0; n < len; n++)
        assert_clean("cut", s, n);
    const char *cuts[] = {"title: \"Every", "policy: ml", "  - name: worker\n    parent: sh",
                          "program: [spawn worker, spa", "  - at: 9\n    do: kil"};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        const char *at = strstr(s, cuts[i]);
        assert_non_null(at);
        assert_fails("cut", s, (size_t)(at - s) + strlen(cuts[i]));
    }
    free(s);
}

/* Each byte of a good file replaced in turn by troublesome ones. */
static void test_mutations(void **state)
{
    (void)state;
    static const char subs[] = ":-[]{},&*!#'\"\n \t0a9|>?%@`\\";
    size_t len;
    char *s = read_all("tests/loader/good/full.yaml", &len);
    for (size_t i = 0; i < len; i++) {
        char keep = s[i];
        for (size_t j = 0; j < sizeof subs; j++) { /* includes the NUL */
            s[i] = subs[j];
            assert_clean("mutant", s, len);
        }
        s[i] = (char)0xFF;
        assert_fails("mutant", s, len);
        s[i] = keep;
    }
    free(s);
}

/* The size limit, through the seam that takes the limit as a parameter
 * (a file over 256 MiB is too big to make in a test). */
static void test_size_limit(void **state)
{
    (void)state;
    static const char small[] = "procsim: 1\ntitle: t\nprocesses: [{name: a}]\n";
    size_t len = sizeof small - 1;
    char want[200];
    ps_error err;
    ps_scenario *s = ps__scenario_load("mem", NULL, small, len, len - 1, &err);
    assert_null(s);
    snprintf(want, sizeof want, "mem: file too large (%zu bytes); a scenario file may have "
             "at most %zu bytes", len, len - 1);
    assert_string_equal(err.msg, want);
    s = ps__scenario_load("mem", NULL, small, len, len, &err);
    assert_non_null(s);
    ps_scenario_destroy(s);

    FILE *fp = fmemopen((void *)small, len, "r");
    assert_non_null(fp);
    s = ps__scenario_load("stream", fp, NULL, 0, 10, &err);
    fclose(fp);
    assert_null(s);
    assert_string_equal(err.msg, "stream: file too large (more than 10 bytes); a scenario "
                        "file may have at most 10 bytes");
    fp = fmemopen((void *)small, len, "r");
    assert_non_null(fp);
    s = ps__scenario_load("stream", fp, NULL, 0, len, &err);
    fclose(fp);
    assert_non_null(s);
    ps_scenario_destroy(s);
}

static void test_cannot_open(void **state)
{
    (void)state;
    ps_error err;
    assert_null(ps_scenario_load_file("tests/loader/no-such-file.yaml", &err));
    assert_string_equal(err.msg, "tests/loader/no-such-file.yaml: cannot open: No such file "
                        "or directory");
    assert_null(ps_scenario_load_file("tests/loader", &err));
    assert_string_equal(err.msg, "tests/loader: cannot read: Is a directory");
}

/* --- a large scenario --- */

#define BIG 100000
#define BIG_EVENTS 1000

static void test_large(void **state)
{
    (void)state;
    text t = {0};
    put(&t, "procsim: 1\ntitle: Large\nsystem: {cpus: 4, memory: 1000000}\n"
            "devices: [disk, net]\nprocesses:\n");
    for (int i = 0; i < BIG; i += 2) {
        put(&t, "  - name: p%d\n    arrival: %d\n    memory: 5\n"
                "    program: [cpu 3, spawn p%d, io disk 2, send c%d 7, wait p%d]\n",
            i, i % 100, i + 1, i % 10, i + 1);
        put(&t, "  - name: p%d\n    parent: p%d\n    memory: 5\n    program:\n"
                "      - cpu 2\n      - io net 1\n      - add v%d 1\n      - lock m%d\n"
                "      - unlock m%d\n", i + 1, i, i % 7, i % 5, i % 5);
    }
    put(&t, "events:\n");
    int64_t at[BIG_EVENTS];
    uint32_t target[BIG_EVENTS], order[BIG_EVENTS];
    rng_state = 7;
    for (uint32_t j = 0; j < BIG_EVENTS; j++) {
        at[j] = (int64_t)(rng() % 50);
        target[j] = (uint32_t)(rng() % BIG);
        put(&t, "  - {at: %lld, do: suspend p%u}\n", (long long)at[j], target[j]);
    }
    for (uint32_t j = 0; j < BIG_EVENTS; j++) { /* the expected stable order */
        uint32_t k = j;
        for (; k > 0 && at[order[k - 1]] > at[j]; k--)
            order[k] = order[k - 1];
        order[k] = j;
    }

    struct timespec t0, t1;
    ps_error err;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ps_scenario *s = load_text("large", t.p, t.len, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!s)
        fail_msg("%s", err.msg);
    print_message("loaded %d processes, %u ops, %zu bytes in %.3f s\n", BIG, s->nops, t.len,
                  (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    free(t.p);

    assert_int_equal(s->nprocs, BIG);
    assert_int_equal(s->nops, 5 * BIG);
    assert_int_equal(s->channels.count, 5); /* c0, c2, ... c8 */
    assert_int_equal(s->variables.count, 7);
    assert_int_equal(s->mutexes.count, 5);
    for (uint32_t i = 0; i < BIG; i += 2) {
        const ps_proc_spec *p = &s->procs[i], *c = &s->procs[i + 1];
        assert_int_equal(p->parent, -1);
        assert_int_equal(c->parent, i);
        assert_int_equal(p->op_count, 5);
        assert_int_equal(s->ops[p->op_first + 1].obj, i + 1);
        assert_int_equal(s->ops[p->op_first + 4].obj, i + 1);
        assert_int_equal(s->ops[c->op_first + 1].obj, 1); /* net */
    }
    assert_int_equal(s->nevents, BIG_EVENTS);
    for (uint32_t j = 0; j < BIG_EVENTS; j++) {
        assert_int_equal(s->events[j].at, at[order[j]]);
        assert_int_equal(s->events[j].target, target[order[j]]);
    }
    ps_scenario_destroy(s);
}

int main(void)
{
    if (chdir(PROCSIM_SOURCE_DIR) != 0) {
        perror(PROCSIM_SOURCE_DIR);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_bad_files_all_listed),
        cmocka_unit_test(test_minimal_defaults),
        cmocka_unit_test(test_full),
        cmocka_unit_test(test_nulls_are_defaults),
        cmocka_unit_test(test_flow_style),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_builtin_tour),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_op_format),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_alias_bomb),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_random_yaml),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_size_limit),
        cmocka_unit_test(test_cannot_open),
        cmocka_unit_test(test_large),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
