/* test_loader.c — the scenario loader (scenario.h, sim/scenario_*.c): what
 * files mean.  Good files load with the expected values, and every bad
 * file of tests/loader/bad/ fails with exactly the message in `bad_files`
 * below.  Hostile input is in test_loader_hostile.c.  main() chdir()s to
 * the source tree so that messages start with the file's relative path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "procsim/out.h"
#include "procsim/scenario.h"
#include "scenario_priv.h" /* ps__op_shapes (white box) */

/* --- helpers --- */

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
    "tests/loader/bad/channel-bad-name.yaml:6:14: recv: '9lives' is not a valid name; a name starts with a letter (A-Z, a-z or Hangul) or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/comments-only.yaml:3:1: the file holds no scenario (it is empty or only comments); expected a mapping with procsim, title and processes",
    "tests/loader/bad/control-after-utf8.yaml:3:18: control characters are not allowed (0x07); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/control-char.yaml:3:18: control characters are not allowed (0x07); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/cpus-too-many.yaml:4:9: cpus: must be at most 1024, got 2000",
    "tests/loader/bad/cpus-word.yaml:3:16: cpus: expected an integer (CPUs) or auto, got 'Auto'",
    "tests/loader/bad/cpus-zero.yaml:4:9: cpus: must be at least 1, got 0",
    "tests/loader/bad/crlf-control-char.yaml:3:16: control characters are not allowed (0x01); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/crlf-position.yaml:5:19: cpu: the tick count must be at least 1, got 0",
    "tests/loader/bad/description-mapping.yaml:3:14: description: expected a string, got a mapping",
    "tests/loader/bad/devices-bad-name.yaml:3:17: devices: 'my disk' is not a valid name; a name starts with a letter (A-Z, a-z or Hangul) or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/devices-duplicate.yaml:6:5: devices: duplicate device name 'disk' (first given at line 4); device names must be unique",
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
    "tests/loader/bad/event-unknown-process.yaml:8:14: do: unknown process 'b' (processes: a)",
    "tests/loader/bad/events-scalar.yaml:6:9: events: expected a sequence of events such as [{at: 5, do: suspend editor}], got 'soon'",
    "tests/loader/bad/exit-code-range.yaml:6:14: exit: the exit code must be at most 255, got 256",
    "tests/loader/bad/for-range-word-quoted.yaml:6:9: range: expected an integer (the bound), got 'x'",
    "tests/loader/bad/for-range-word.yaml:6:27: range: expected an integer (the bound), got 'x'",
    "tests/loader/bad/invalid-utf8.yaml:3:17: invalid leading UTF-8 octet (0xFF); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/io-default-device-only.yaml:6:12: io: unknown device 'net' (devices: disk)",
    "tests/loader/bad/io-no-devices.yaml:6:12: io: unknown device 'disk'; no devices are declared ('devices' is empty)",
    "tests/loader/bad/io-unknown-device.yaml:6:25: io: unknown device 'dsk'; did you mean 'disk'? (devices: disk, net)",
    "tests/loader/bad/key-not-scalar.yaml:3:1: scenario: expected a key, got a sequence",
    "tests/loader/bad/kill-before-spawn.yaml:5:20: kill: 'b' is not spawned by an earlier op of 'a'; spawn it before killing it",
    "tests/loader/bad/kill-not-child.yaml:8:20: kill: 'a' is not a child of 'b'; a process kills only its own children (an event can kill any process)",
    "tests/loader/bad/loop-while-no-channel.yaml:6:24: while: expected a channel after 'while not empty'",
    "tests/loader/bad/memory-too-big.yaml:7:13: memory: process 'b' needs 150 units, more than the system's whole memory of 100; a process must fit in memory",
    "tests/loader/bad/mlfq-levels-too-many.yaml:5:16: mlfq_levels: must be at most 64, got 65",
    "tests/loader/bad/mutex-missing.yaml:6:9: lock: too few operands; expected 'lock MUTEX'",
    "tests/loader/bad/name-duplicate.yaml:6:11: name: duplicate process name 'a' (first given at line 4); process names must be unique",
    "tests/loader/bad/name-hangul-decomposed.yaml:4:11: name: '\xe1\x84\x89\xe1\x85\xa2' is Hangul written decomposed (conjoining jamo); write it composed (NFC), as a keyboard types it",
    "tests/loader/bad/name-hangul-punct.yaml:4:11: name: '생산자!' is not a valid name; a name starts with a letter (A-Z, a-z or Hangul) or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/name-hangul-too-long.yaml:4:11: name: the name '가가가가가가가가가가가가가...' is too long (65 characters); a name has at most 64",
    "tests/loader/bad/name-invalid.yaml:4:11: name: '1st' is not a valid name; a name starts with a letter (A-Z, a-z or Hangul) or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/name-reserved.yaml:4:11: name: 'any' cannot name a process; it is reserved for 'wait any'",
    "tests/loader/bad/name-sequence.yaml:4:11: name: expected a name, got a sequence",
    "tests/loader/bad/name-too-long.yaml:4:11: name: the name 'pppppppppppppppppppppppppppppppppppppppp...' is too long (65 characters); a name has at most 64",
    "tests/loader/bad/never-spawned.yaml:7:13: parent: 'a' never spawns 'b'; add 'spawn b' to the program of 'a'",
    "tests/loader/bad/op-blank-string.yaml:5:15: program: expected an op such as 'cpu 3', got the string '  '",
    "tests/loader/bad/op-case.yaml:6:9: program: unknown op 'CPU'; did you mean 'cpu'? (valid ops: cpu, io, sleep, spawn, wait, send, recv, lock, unlock, add, exit, kill, is_alive)",
    "tests/loader/bad/op-empty.yaml:6:8: program: expected an op such as 'cpu 3', got nothing",
    "tests/loader/bad/op-multiline.yaml:6:9: cpu: the tick count must be at least 1, got 0",
    "tests/loader/bad/op-negative.yaml:6:17: io: the tick count must not be negative, got -2",
    "tests/loader/bad/op-not-number.yaml:6:17: sleep: expected an integer (the tick count), got 'soon'",
    "tests/loader/bad/op-overflow.yaml:6:13: cpu: the tick count 1000000001 is too large; the largest number allowed is 1000000000",
    "tests/loader/bad/op-quoted.yaml:6:9: cpu: the tick count must be at least 1, got 0",
    "tests/loader/bad/op-too-few.yaml:6:9: io: too few operands; expected 'io DEVICE TICKS'",
    "tests/loader/bad/op-too-many.yaml:6:15: cpu: too many operands; expected 'cpu TICKS' (a value has no spaces: x*x, acc+1)",
    "tests/loader/bad/op-unknown-near.yaml:5:22: program: unknown op 'slep'; did you mean 'sleep'? (valid ops: cpu, io, sleep, spawn, wait, send, recv, lock, unlock, add, exit, kill, is_alive)",
    "tests/loader/bad/op-unknown.yaml:5:15: program: unknown op 'compute' (valid ops: cpu, io, sleep, spawn, wait, send, recv, lock, unlock, add, exit, kill, is_alive)",
    "tests/loader/bad/op-utf8-column.yaml:6:14: send: 'café' is not a valid name; a name starts with a letter (A-Z, a-z or Hangul) or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/op-zero-ticks.yaml:6:13: cpu: the tick count must be at least 1, got 0",
    "tests/loader/bad/parent-cycle.yaml:6:13: parent: the parents of 'b' form a cycle (b -> c -> b); a chain of parents must end at a process without one",
    "tests/loader/bad/parent-self.yaml:5:13: parent: the parents of 'a' form a cycle (a -> a); a chain of parents must end at a process without one",
    "tests/loader/bad/parent-unknown.yaml:7:13: parent: unknown process 'shel'; did you mean 'shell'? (processes: shell, child)",
    "tests/loader/bad/policy-case.yaml:4:11: policy: unknown policy 'RR'; did you mean 'rr'? (valid policies: fcfs, sjf, srtf, hrrn, priority, priority-preemptive, priority-rr, rr, mlq, mlfq, lottery, stride, cfs, ostep)",
    "tests/loader/bad/policy-near.yaml:4:11: policy: unknown policy 'fifo'; did you mean 'fcfs'? (valid policies: fcfs, sjf, srtf, hrrn, priority, priority-preemptive, priority-rr, rr, mlq, mlfq, lottery, stride, cfs, ostep)",
    "tests/loader/bad/policy-unknown.yaml:4:11: policy: unknown policy 'guaranteed' (valid policies: fcfs, sjf, srtf, hrrn, priority, priority-preemptive, priority-rr, rr, mlq, mlfq, lottery, stride, cfs, ostep)",
    "tests/loader/bad/priority-float.yaml:5:15: priority: expected an integer (smaller is more urgent unless priority_order is high-first), got '1.5'",
    "tests/loader/bad/priority-negative.yaml:5:15: priority: must not be negative, got -1",
    "tests/loader/bad/process-no-name.yaml:5:5: process: missing key 'name' (required keys: name)",
    "tests/loader/bad/process-not-mapping.yaml:4:5: processes: expected a process (a mapping with name, program, ...), got 'a'",
    "tests/loader/bad/process-unknown-key.yaml:5:5: process: unknown key 'prority'; did you mean 'priority'? (valid keys: name, arrival, priority, memory, parent, program, copies, queue, tickets, nice, starts_blocked)",
    "tests/loader/bad/processes-empty.yaml:3:12: processes: expected at least one process, got none",
    "tests/loader/bad/processes-missing.yaml:1:1: scenario: missing key 'processes' (required keys: procsim, title, processes)",
    "tests/loader/bad/processes-scalar.yaml:3:12: processes: expected a sequence of processes, got 'a'",
    "tests/loader/bad/program-mapping-op.yaml:6:9: program: unknown loop 'cpu'; a loop is 'repeat N', 'for NAME in range(A, B)', 'for NAME in CHANNEL' or 'while not empty CHANNEL' (an op is written '- cpu 3', not '- cpu: 3')",
    "tests/loader/bad/program-nested.yaml:5:15: program: expected an op such as 'cpu 3', got a sequence",
    "tests/loader/bad/program-scalar.yaml:5:14: program: expected a sequence of ops such as [cpu 3, io disk 2], got 'cpu 3'",
    "tests/loader/bad/quantum-bool.yaml:4:12: quantum: expected an integer (ticks), got 'yes'",
    "tests/loader/bad/quantum-float.yaml:4:12: quantum: expected an integer (ticks), got '2.5'",
    "tests/loader/bad/quantum-leading-zero.yaml:4:12: quantum: 010 has a leading zero; write 10 (YAML 1.1 reads a leading 0 as octal)",
    "tests/loader/bad/quantum-negative.yaml:4:12: quantum: must not be negative, got -3",
    "tests/loader/bad/quantum-quoted.yaml:4:12: quantum: expected an integer (ticks), got the string '4'; write numbers without quotes",
    "tests/loader/bad/question-copies.yaml:7:29: answer: 'w' stands for 3 processes (copies: 3), w-1 ... w-3; a question asks about one of them, such as 'w-1'",
    "tests/loader/bad/root-scalar.yaml:1:1: expected a scenario (a mapping with procsim, title and processes), got 'just some text'",
    "tests/loader/bad/root-sequence.yaml:1:1: expected a scenario (a mapping with procsim, title and processes), got a sequence",
    "tests/loader/bad/send-negative.yaml:6:17: send: the value must not be negative, got -1",
    "tests/loader/bad/spawn-any.yaml:5:21: spawn: 'any' cannot name a process; it is reserved for 'wait any'",
    "tests/loader/bad/spawn-not-parent.yaml:5:21: spawn: 'c' is a child of 'b', so only 'b' can spawn it",
    "tests/loader/bad/spawn-orphan.yaml:5:21: spawn: 'b' has no parent, so 'a' cannot spawn it; give 'b' the key 'parent: a'",
    "tests/loader/bad/spawn-twice.yaml:8:15: spawn: 'b' is already spawned at line 6; a child is spawned exactly once",
    "tests/loader/bad/spawn-unknown.yaml:5:21: spawn: unknown process 'chidl'; did you mean 'child'? (processes: shell, child)",
    "tests/loader/bad/system-memory-zero.yaml:4:11: memory: must be at least 1, got 0 (leave memory out for unlimited memory)",
    "tests/loader/bad/system-sequence.yaml:3:9: system: expected a mapping of settings such as {cpus: 2, policy: rr}, got a sequence",
    "tests/loader/bad/system-unknown-key.yaml:4:3: system: unknown key 'quantom'; did you mean 'quantum'? (valid keys: cpus, memory, policy, quantum, switch_cost, tick_ms, mlfq_levels, mlfq_boost, mlfq_quanta, mlfq_allotments, mlfq_stay, mlfq_io_bump, switch, io_done, seed, cfs_latency, cfs_min_granularity, queues, burst_estimate, aging, mlfq_style, priority_order, ...)",
    "tests/loader/bad/tab-indent.yaml:4:1: invalid YAML: found character that cannot start any token (while scanning for the next token at line 4, column 1)",
    "tests/loader/bad/tag.yaml:3:14: tags such as !!str are not supported in scenario files; write the value without one",
    "tests/loader/bad/tick-ms-overflow.yaml:4:12: tick_ms: must be at most 60000, got 99999999999999999999999 (milliseconds per tick, from 1 to 60000)",
    "tests/loader/bad/tick-ms-too-large.yaml:4:12: tick_ms: must be at most 60000, got 60001 (milliseconds per tick, from 1 to 60000)",
    "tests/loader/bad/tick-ms-zero.yaml:4:12: tick_ms: must be at least 1, got 0 (milliseconds per tick, from 1 to 60000)",
    "tests/loader/bad/title-empty.yaml:2:8: title: must not be empty",
    "tests/loader/bad/title-missing.yaml:1:1: scenario: missing key 'title' (required keys: procsim, title, processes)",
    "tests/loader/bad/title-null.yaml:2:7: title: expected a non-empty string, got nothing",
    "tests/loader/bad/title-sequence.yaml:2:8: title: expected a non-empty string, got a sequence",
    "tests/loader/bad/truncated-flow.yaml:4:1: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 3, column 13)",
    "tests/loader/bad/two-documents.yaml:6:1: a second YAML document is not allowed; a scenario file holds exactly one",
    "tests/loader/bad/unclosed-quote.yaml:7:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 3, column 14)",
    "tests/loader/bad/unknown-key-near.yaml:3:1: scenario: unknown key 'titel'; did you mean 'title'? (valid keys: procsim, title, title_ko, description, description_ko, system, devices, variables, processes, events, questions, vary)",
    "tests/loader/bad/unknown-key.yaml:3:1: scenario: unknown key 'colour' (valid keys: procsim, title, title_ko, description, description_ko, system, devices, variables, processes, events, questions, vary)",
    "tests/loader/bad/utf16-control-char.yaml:2:11: control characters are not allowed (0x07); a scenario file must be UTF-8 text with no control characters",
    "tests/loader/bad/variables-unused.yaml:3:13: variables: no add op uses 'countr'; did you mean 'counter'?",
    "tests/loader/bad/version-float.yaml:1:10: procsim: expected the format version 1, got '1.0'",
    "tests/loader/bad/version-missing.yaml:1:1: scenario: missing key 'procsim' (required keys: procsim, title, processes)",
    "tests/loader/bad/version-newer-later.yaml:5:10: procsim: format version 3 is newer than this procsim understands (it reads version 1); upgrade procsim",
    "tests/loader/bad/version-newer.yaml:1:10: procsim: format version 2 is newer than this procsim understands (it reads version 1); upgrade procsim",
    "tests/loader/bad/version-quoted.yaml:1:10: procsim: expected the format version 1, got the string '1'",
    "tests/loader/bad/version-zero.yaml:1:10: procsim: expected the format version 1, got '0'",
    "tests/loader/bad/wait-before-spawn.yaml:5:20: wait: 'b' is not spawned by an earlier op of 'a'; spawn it before waiting for it",
    "tests/loader/bad/wait-not-child.yaml:5:20: wait: 'b' is not a child of 'a'; a process waits only for its own children",
    "tests/loader/bad/wait-unknown.yaml:5:29: wait: unknown process 'c' (processes: a, b)",
    "tests/loader/bad/yaml-syntax.yaml:5:4: invalid YAML: did not find expected '-' indicator (while parsing a block collection at line 4, column 3)",
    /* the scenario language of format 1's loops, values, waits, variables */
    "tests/loader/bad/for-bad-range.yaml:6:18: for: expected 'range(A, B)' or 'range(N)', got 'range(1, 2, 3)'",
    "tests/loader/bad/for-channel-bad-name.yaml:6:18: for: '9q' is not a valid name; a name starts with a letter (A-Z, a-z or Hangul) or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/for-channel-too-many.yaml:6:20: for: too many operands; expected 'for NAME in CHANNEL'",
    "tests/loader/bad/for-no-in.yaml:6:15: for: expected 'for NAME in range(A, B)' or 'for NAME in CHANNEL'",
    "tests/loader/bad/for-range-negative.yaml:6:24: range: the bound must not be negative, got -1",
    "tests/loader/bad/for-range-unclosed.yaml:6:18: for: expected 'range(A, B)', 'range(N)' or a channel after 'in', got 'range(1, 3'",
    "tests/loader/bad/for-reserved-var.yaml:6:13: for: 'acc' cannot name a loop variable; it is a word of the language",
    "tests/loader/bad/for-shadow.yaml:7:17: for: 'i' is already the variable of an enclosing loop; give this loop's variable another name",
    "tests/loader/bad/is-alive-before-spawn.yaml:6:18: is_alive: 'b' is not spawned by an earlier op of 'a'; spawn it before asking about it",
    "tests/loader/bad/is-alive-missing.yaml:6:9: is_alive: too few operands; expected 'is_alive PROCESS'",
    "tests/loader/bad/is-alive-not-child.yaml:6:18: is_alive: 'a' is not a child of 'a'; a process asks only about its own children",
    "tests/loader/bad/loop-body-empty.yaml:6:9: repeat: the loop's body is empty; expected at least one op",
    "tests/loader/bad/loop-body-scalar.yaml:6:19: repeat: expected the loop's body, a sequence of ops such as [cpu 1], got 'cpu 1'",
    "tests/loader/bad/loop-repeat-bad-count.yaml:6:16: repeat: expected an integer (the count), got 'lots'",
    "tests/loader/bad/loop-repeat-too-many.yaml:6:18: repeat: too many operands; expected 'repeat N'",
    "tests/loader/bad/loop-second-key.yaml:8:9: program: a loop is a mapping with one key (the loop) whose value is its body; got a second key",
    "tests/loader/bad/loop-string.yaml:6:9: repeat: a loop is a one-key mapping: write '- repeat ...:' and its ops below it, indented",
    "tests/loader/bad/loop-too-deep.yaml:10:25: program: loops nest at most 4 deep; this one would be loop 5",
    "tests/loader/bad/loop-unknown.yaml:6:9: program: unknown loop 'until x'; a loop is 'repeat N', 'for NAME in range(A, B)', 'for NAME in CHANNEL' or 'while not empty CHANNEL' (an op is written '- cpu 3', not '- cpu: 3')",
    "tests/loader/bad/spawn-in-loop.yaml:7:13: spawn: inside a loop it would run more than once; a child is spawned exactly once (spawn it before the loop)",
    "tests/loader/bad/value-missing-term.yaml:7:20: send: expected a number, acc or a loop variable after the operator, got nothing",
    "tests/loader/bad/value-none-cpu.yaml:6:13: cpu: none is not a tick count; only send carries none (the sentinel)",
    "tests/loader/bad/value-out-of-scope.yaml:8:16: send: 'i' is not a loop variable in scope; a value is a number, none, acc, a loop variable, or two of these joined by +, - or * (no spaces)",
    "tests/loader/bad/value-repeat-no-var.yaml:8:13: cpu: 'x' is not a loop variable in scope; a tick count is a number, acc, a loop variable, or two of these joined by +, - or * (no spaces)",
    "tests/loader/bad/value-space.yaml:7:22: send: too many operands; expected 'send CHANNEL [VALUE]' (a value has no spaces: x*x, acc+1)",
    "tests/loader/bad/value-two-operators.yaml:7:20: send: 'i+i+i' has more than one operator; a value is TERM or TERM OP TERM",
    "tests/loader/bad/value-unknown-var.yaml:6:16: send: 'y' is not a loop variable in scope; a value is a number, none, acc, a loop variable, or two of these joined by +, - or * (no spaces)",
    "tests/loader/bad/variables-bad-kind.yaml:3:16: variables: unknown kind 'privat'; did you mean 'private'? (valid kinds: private, shared)",
    "tests/loader/bad/variables-bad-name.yaml:3:13: variables: '9x' is not a valid name; a name starts with a letter (A-Z, a-z or Hangul) or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/variables-duplicate.yaml:3:25: variables: 'x' is declared twice; a variable is private or shared",
    "tests/loader/bad/variables-kind-sequence.yaml:3:16: variables: expected private or shared, got a sequence",
    "tests/loader/bad/variables-sequence.yaml:3:12: variables: expected a mapping of variable names to private or shared, such as {counter: private}, got a sequence",
    "tests/loader/bad/wait-timeout-missing.yaml:7:16: wait: too few operands; expected 'wait PROCESS|any [timeout TICKS]'",
    "tests/loader/bad/wait-timeout-negative.yaml:7:24: wait: the timeout must not be negative, got -1",
    "tests/loader/bad/wait-timeout-too-many.yaml:7:26: wait: too many operands; expected 'wait PROCESS|any [timeout TICKS]'",
    "tests/loader/bad/wait-timeout-word.yaml:7:16: wait: expected 'timeout' after the process; expected 'wait PROCESS|any [timeout TICKS]'",
    "tests/loader/bad/copies-clash.yaml:8:13: copies: copy 2 of 'w' would be named 'w-2', which is already the name of a process (line 10); rename one of them",
    "tests/loader/bad/copies-event.yaml:6:22: do: 'w' stands for 2 processes (copies: 2), w-1, w-2; an event acts on one: name one of them, such as 'w-1'",
    "tests/loader/bad/copies-is-alive.yaml:5:33: is_alive: 'w' stands for 4 processes (copies: 4), w-1 ... w-4; ask about one of them, such as 'w-1'",
    "tests/loader/bad/copies-name-too-long.yaml:6:13: copies: the name of copy 1 of 'wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww', 'wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww-1', would be longer than 64 characters; give 'wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww' a shorter name",
    "tests/loader/bad/copies-parent.yaml:5:23: parent: 'w' stands for 2 processes (copies: 2), w-1, w-2; a parent is one process: name one of them, such as 'w-1'",
    "tests/loader/bad/copies-spawns.yaml:6:28: spawn: 'w' has copies, so every copy would run this op; a process with copies does not spawn, wait for, kill or ask about children",
    "tests/loader/bad/copies-too-many.yaml:5:37: copies: must be at most 64, got 65",
    "tests/loader/bad/copies-word.yaml:5:37: copies: expected an integer (how many processes) or auto, got 'many'",
    "tests/loader/bad/copies-zero.yaml:5:37: copies: must be at least 1, got 0",
    "tests/loader/bad/loop-while-as-op.yaml:6:9: while: a loop is a one-key mapping: write '- while ...:' and its ops below it, indented",
    "tests/loader/bad/loop-while-bad-name.yaml:6:25: while: '9q' is not a valid name; a name starts with a letter (A-Z, a-z or Hangul) or '_', followed by letters, digits, '_', '.' or '-'",
    "tests/loader/bad/loop-while-empty-body.yaml:6:9: while: the loop's body is empty; expected at least one op",
    "tests/loader/bad/loop-while-too-many.yaml:6:27: while: too many operands; expected 'while not empty CHANNEL'",
    "tests/loader/bad/loop-while-words.yaml:6:15: while: expected 'while not empty CHANNEL' (Python's while not q.empty()), got 'while empty q'",
    "tests/loader/bad/queues-not-sequence.yaml:5:11: queues: expected a sequence of bands, most urgent first, such as [{policy: rr, quantum: 2}, {policy: fcfs}], got 'rr'",
    "tests/loader/bad/queues-empty.yaml:5:11: queues: expected at least one band, got an empty sequence",
    "tests/loader/bad/queues-bad-policy.yaml:5:21: queues: policy: unknown band policy 'mlfq' (valid band policies: fcfs, sjf, priority, rr)",
    "tests/loader/bad/queues-quantum-fcfs.yaml:5:53: queues: quantum applies only to a band whose policy is rr (this one's is fcfs)",
    "tests/loader/bad/queues-no-policy.yaml:5:12: queues: missing key 'policy' (required keys: policy)",
    "tests/loader/bad/queues-zero-quantum.yaml:5:34: queues: quantum: must be at least 1, got 0",
    "tests/loader/bad/queues-band-scalar.yaml:5:12: queues: expected a band (a mapping with policy and, for rr, quantum), got 'rr'",
    "tests/loader/bad/queues-too-many.yaml:5:268: queues: too many bands; at most 16",
    "tests/loader/bad/queues-ignored.yaml:5:3: queues: applies only to policy mlq (the policy is rr)",
    "tests/loader/bad/mlq-no-queues.yaml:4:3: policy: mlq needs its bands in system.queues, such as queues: [{policy: rr, quantum: 2}, {policy: fcfs}]",
    "tests/loader/bad/queue-past-bands.yaml:8:22: queue: process 'b' is in band 2, but system.queues has 2 (0 to 1)",
    "tests/loader/bad/queue-ignored.yaml:6:22: queue: applies only to policy mlq (the policy is priority)",
    "tests/loader/bad/queue-negative.yaml:7:22: queue: must not be negative, got -1",
    "tests/loader/bad/aging-not-mapping.yaml:5:10: aging: expected a mapping such as {every: 5, by: 1}, got '5'",
    "tests/loader/bad/aging-no-by.yaml:5:10: aging: missing key 'by' (required keys: every, by)",
    "tests/loader/bad/aging-every-zero.yaml:5:18: aging: every: must be at least 1, got 0",
    "tests/loader/bad/aging-unknown-key.yaml:5:28: aging: unknown key 'until' (valid keys: every, by)",
    "tests/loader/bad/aging-ignored.yaml:5:3: aging: applies only to policies priority, priority-preemptive, priority-rr (the policy is rr)",
    "tests/loader/bad/aging-ignored-mlq.yaml:6:3: aging: applies only to policies priority, priority-preemptive, priority-rr (the policy is mlq)",
    "tests/loader/bad/priority-order-bad.yaml:5:19: priority_order: unknown value 'highest-first' (valid values: low-first, high-first)",
    "tests/loader/bad/priority-order-number.yaml:4:19: priority_order: unknown value '1' (valid values: low-first, high-first)",
    /* mlfq_style and burst_estimate (docs/engine.md, FB7 and "Predicted bursts") */
    "tests/loader/bad/mlfq-style-unknown.yaml:5:15: mlfq_style: unknown value 'feedback' (valid values: ostep, stallings)",
    "tests/loader/bad/mlfq-style-not-mlfq.yaml:5:3: mlfq_style: applies only to policy mlfq (the policy is rr)",
    "tests/loader/bad/mlfq-stallings-boost.yaml:6:3: mlfq_boost: applies only to mlfq_style ostep, not stallings (it has no priority boost)",
    "tests/loader/bad/mlfq-stallings-allotments.yaml:6:3: mlfq_allotments: applies only to mlfq_style ostep, not stallings (a process moves down at the first quantum that ends with another process taking the CPU)",
    "tests/loader/bad/mlfq-stallings-stay.yaml:5:3: mlfq_stay: applies only to mlfq_style ostep, not stallings (every dispatch has a full quantum)",
    "tests/loader/bad/mlfq-stallings-io-bump.yaml:6:3: mlfq_io_bump: applies only to mlfq_style ostep, not stallings (a process back from I/O joins the back of its queue)",
    "tests/loader/bad/burst-estimate-alpha-too-large.yaml:5:27: burst_estimate: alpha: expected a number from 0 to 1 with at most three decimals, such as 0.5, got '1.5'",
    "tests/loader/bad/burst-estimate-alpha-decimals.yaml:5:27: burst_estimate: alpha: expected a number from 0 to 1 with at most three decimals, such as 0.5, got '0.1234'",
    "tests/loader/bad/burst-estimate-alpha-word.yaml:5:27: burst_estimate: alpha: expected a number from 0 to 1 with at most three decimals, such as 0.5, got 'half'",
    "tests/loader/bad/burst-estimate-initial-negative.yaml:5:41: burst_estimate: initial: must not be negative, got -1",
    "tests/loader/bad/burst-estimate-missing-initial.yaml:5:19: burst_estimate: missing key 'initial' (required keys: alpha, initial)",
    "tests/loader/bad/burst-estimate-unknown-key.yaml:5:32: burst_estimate: unknown key 'inital'; did you mean 'initial'? (valid keys: alpha, initial)",
    "tests/loader/bad/burst-estimate-scalar.yaml:5:19: burst_estimate: expected a mapping such as {alpha: 0.5, initial: 10}, got '0.5'",
    "tests/loader/bad/burst-estimate-not-burst.yaml:5:3: burst_estimate: applies only to policies sjf, srtf, hrrn (the policy is rr)",
    "tests/loader/bad/fair-cfs-granularity-word.yaml:3:44: cfs_min_granularity: expected an integer (ticks), got 'fine'",
    "tests/loader/bad/fair-cfs-latency-ignored.yaml:3:27: cfs_latency: applies only to policy cfs (the policy is lottery)",
    "tests/loader/bad/fair-cfs-latency-zero.yaml:3:36: cfs_latency: must be at least 1, got 0",
    "tests/loader/bad/fair-nice-ignored.yaml:5:21: nice: applies only to policy cfs (the policy is lottery)",
    "tests/loader/bad/fair-nice-leading-zero.yaml:5:21: nice: -05 has a leading zero; write -5 (YAML 1.1 reads a leading 0 as octal)",
    "tests/loader/bad/fair-nice-too-high.yaml:5:21: nice: must be at most 19, got 20",
    "tests/loader/bad/fair-nice-too-low.yaml:5:21: nice: must be at least -20, got -21",
    "tests/loader/bad/fair-seed-ignored.yaml:3:26: seed: applies only to policy lottery (the policy is stride)",
    "tests/loader/bad/fair-seed-negative.yaml:3:33: seed: must not be negative, got -1",
    "tests/loader/bad/fair-seed-skip-ignored.yaml:3:23: seed_skip: applies only to policy lottery (the policy is cfs)",
    "tests/loader/bad/fair-seed-skip-word.yaml:3:38: seed_skip: expected an integer (random numbers to skip), got 'lots'",
    "tests/loader/bad/fair-tickets-ignored.yaml:5:24: tickets: applies only to policies lottery, stride (the policy is rr)",
    "tests/loader/bad/fair-tickets-word.yaml:5:24: tickets: expected an integer (its share of the CPU), got 'many'",
    "tests/loader/bad/fair-tickets-zero.yaml:5:24: tickets: must be at least 1, got 0",
    /* the conventions (docs/engine.md "Conventions") and starts_blocked */
    "tests/loader/bad/rr-arrival-bad-value.yaml:5:15: rr_arrival: unknown value 'after' (valid values: before-preempted, after-preempted)",
    "tests/loader/bad/rr-arrival-fcfs.yaml:5:3: rr_arrival: applies only to policies priority-rr, rr, mlq (the policy is fcfs)",
    "tests/loader/bad/same-tick-bad-value.yaml:4:14: same_tick: unknown value 'completion' (valid values: arrival-first, completion-first)",
    "tests/loader/bad/affinity-bad-value.yaml:5:13: affinity: unknown value 'soft' (valid values: none, keep)",
    "tests/loader/bad/switch-cost-first-word.yaml:5:22: switch_cost_first: expected true or false, got 'no'",
    "tests/loader/bad/count-self-switch-word.yaml:5:22: count_self_switch: expected true or false, got '1'",
    "tests/loader/bad/count-self-switch-sjf.yaml:5:3: count_self_switch: applies only to policies priority-rr, rr, mlq, mlfq, lottery, stride (the policy is sjf)",
    "tests/loader/bad/starts-blocked-cpu.yaml:5:21: starts_blocked: process 'a' must begin with an io or sleep op, which it starts at its arrival (its program begins with cpu)",
    "tests/loader/bad/starts-blocked-empty.yaml:5:21: starts_blocked: process 'a' must begin with an io or sleep op, which it starts at its arrival (its program begins with nothing)",
    "tests/loader/bad/starts-blocked-word.yaml:5:21: starts_blocked: expected true or false, got 'yes'",
    /* not UTF-8: saved by a Korean editor (EUC-KR; CP949's extra syllables), or else */
    "tests/loader/bad/euc-kr.yaml:2:8: the file is not UTF-8; it looks like CP949/EUC-KR (as a Korean Windows editor saves it): save it as UTF-8",
    "tests/loader/bad/cp949.yaml:2:3: the file is not UTF-8; it looks like CP949/EUC-KR (as a Korean Windows editor saves it): save it as UTF-8",
    "tests/loader/bad/latin1.yaml:2:11: invalid trailing UTF-8 octet (0x0A); a scenario file must be UTF-8 text with no control characters",    /* questions, MLFQ levels, and more kinds of value (their Korean: test_loader_korean.c) */
    "tests/loader/bad/answer-unknown-kind.yaml:6:23: answer: unknown question kind 'when' (valid kinds: state, running, next, finish, turnaround, waiting, response, cpu, switches, swaps, average, order, value, received, kernel, length, items, holder, waits, lost, alive, ratio, best, gap, literal)",
    "tests/loader/bad/answer-not-a-state.yaml:6:30: answer: 'sleeping' is not a state; expected one of new, ready, running, blocked, ready-suspended, blocked-suspended, exit",
    "tests/loader/bad/answer-too-few.yaml:6:29: answer: too few words; the form is 'state PROCESS at TICK'",
    "tests/loader/bad/answer-too-many.yaml:6:32: answer: too many words; the form is 'finish PROCESS'",
    "tests/loader/bad/answer-expected-word.yaml:6:31: answer: expected 'at' here; the form is 'state PROCESS at TICK'",
    "tests/loader/bad/answer-no-variable.yaml:6:29: answer: no shared variable (one that an add op uses) named 'x'",
    "tests/loader/bad/answer-unknown-average.yaml:6:31: answer: unknown average 'wait' (valid averages: turnaround, waiting, response)",
    "tests/loader/bad/answer-twice.yaml:6:47: answer: 'fcfs' is listed twice; name each policy once",
    "tests/loader/bad/answer-same-run.yaml:6:45: answer: 'rr:4' is the same run as 'rr' (the file's quantum is 4); name each policy once",
    "tests/loader/bad/answer-mlq.yaml:6:47: answer: policy mlq needs system.queues, which this file does not give",
    "tests/loader/bad/answer-bad-policy.yaml:6:47: answer: unknown policy 'fifo' (valid policies: fcfs, sjf, srtf, hrrn, priority, priority-preemptive, priority-rr, rr, mlq, mlfq, lottery, stride, cfs, ostep)",
    "tests/loader/bad/answer-sequence.yaml:6:23: answer: expected an expression such as 'finish P1', or {literal: TEXT}, got a sequence",
    "tests/loader/bad/questions-mapping.yaml:5:12: questions: expected a sequence of questions such as [{ask: When does P1 finish?, answer: finish P1}], got a mapping",
    "tests/loader/bad/mlfq-quanta-levels.yaml:3:40: mlfq_quanta: 3 levels given, but mlfq_levels is 2; give one quantum per level",
    "tests/loader/bad/mlfq-allotments-levels.yaml:3:24: mlfq_allotments: 2 levels given, but there are 3; give one allotment per level",
    "tests/loader/bad/mlfq-quanta-empty.yaml:3:38: mlfq_quanta: expected at least one level, got an empty sequence",
    "tests/loader/bad/mlfq-quanta-scalar.yaml:3:37: mlfq_quanta: expected a sequence of integers, one per level, top first, such as [2, 4, 8], got '3'",
    "tests/loader/bad/switch-rule-unknown.yaml:3:18: switch: unknown rule 'sometimes' (valid rules: on-io, on-end)",
    "tests/loader/bad/title-nul.yaml:2:8: title: must not contain NUL characters (\\0); expected a non-empty string",
    "tests/loader/bad/policy-sequence.yaml:3:18: policy: expected one of fcfs, sjf, srtf, hrrn, priority, priority-preemptive, priority-rr, rr, mlq, mlfq, lottery, stride, cfs, ostep, got a sequence",
    "tests/loader/bad/event-do-sequence.yaml:6:17: do: expected an action such as 'suspend editor', got a sequence",
    "tests/loader/bad/for-empty-body-flow.yaml:4:33: for: the loop's body is empty; expected at least one op",
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

/* Names in Hangul are names (a course's 생산자 and 소비자): in the
 * process list, as a parent, and as a channel spawned, waited for and
 * sent on, with 64 characters the limit, not 64 bytes. */
static void test_hangul_names(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/hangul-names.yaml");
    assert_int_equal(s->nprocs, 2);
    assert_string_equal(s->procs[0].name, "생산자");
    assert_string_equal(s->procs[1].name, "소비자-프로세스-열두글자");
    assert_int_equal(s->procs[1].parent, 0);
    assert_int_equal(s->channels.count, 1);
    assert_string_equal(s->channels.names[0], "작업");
    ps_scenario_destroy(s);
}

static void test_full_settings(void **state)
{
    (void)state;
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
    ps_scenario_destroy(s);
}

/* tick_ms takes exactly PS_TICK_MS_MIN..PS_TICK_MS_MAX (the bad corpus
 * has the values just outside). */
static void test_tick_ms_bounds(void **state)
{
    (void)state;
    static const int64_t edges[] = {PS_TICK_MS_MIN, PS_TICK_MS_MAX};
    for (size_t i = 0; i < 2; i++) {
        char text[160];
        int n = snprintf(text, sizeof text, "procsim: 1\ntitle: t\nsystem: {tick_ms: %lld}\n"
                         "processes: [{name: a, program: [cpu 1]}]\n", (long long)edges[i]);
        ps_error err;
        ps_scenario *s = ps_scenario_load_string("edge.yaml", text, (size_t)n, &err);
        if (!s)
            fail_msg("tick_ms %lld: %s", (long long)edges[i], err.msg);
        assert_int_equal(s->tick_ms, edges[i]);
        ps_scenario_destroy(s);
    }
}

/* cpus: auto is this machine's online CPU count, and is written back as
 * auto (a file moved to another machine takes that machine's count). */
static void test_cpus_auto(void **state)
{
    (void)state;
    static const char text[] = "procsim: 1\ntitle: t\nsystem: {cpus: auto}\n"
                               "processes: [{name: a, program: [cpu 1]}]\n";
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("auto.yaml", text, sizeof text - 1, &err);
    if (!s)
        fail_msg("%s", err.msg);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    assert_int_equal(s->cpus, n < 1 ? 1 : n > PS_MAX_CPUS ? PS_MAX_CPUS : n);
    assert_true(s->cpus_auto);
    ps_outbuf yaml = {0};
    ps_out o = ps_outbuf_sink(&yaml);
    ps_scenario_write_yaml(s, &o);
    assert_non_null(strstr(yaml.s, "cpus: auto\n"));
    ps_outbuf_fini(&yaml);
    ps_scenario_destroy(s);
}

/* copies: auto is one copy per CPU, but never more than an explicit count
 * may make. */
static void test_copies_auto_at_most_the_maximum(void **state)
{
    (void)state;
    static const char text[] = "procsim: 1\ntitle: t\nsystem: {cpus: 1024}\nprocesses:\n"
                               "  - {name: m, program: [spawn w, wait w]}\n"
                               "  - {name: w, parent: m, copies: auto, program: [cpu 1]}\n";
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("copies.yaml", text, sizeof text - 1, &err);
    if (!s)
        fail_msg("%s", err.msg);
    assert_int_equal(s->nprocs, 1 + PS_COPIES_MAX);
    ps_scenario_destroy(s);
}

/* Name tables, each in order of first appearance; processes in file
 * order, parents resolved although defined later. */
static void test_full_names(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/full.yaml");
    const ps_names *tables[] = {&s->devices, &s->channels, &s->mutexes, &s->variables};
    const char *want[][3] = {{"disk", "net"}, {"results", "other"}, {"m", "m2"}, {"counter"}};
    for (int t = 0; t < 4; t++) {
        uint32_t n = want[t][1] ? 2 : 1;
        assert_int_equal(tables[t]->count, n);
        for (uint32_t i = 0; i < n; i++)
            assert_string_equal(tables[t]->names[i], want[t][i]);
    }
    static const struct {
        const char *name;
        int64_t arrival, memory;
        int32_t priority, parent;
    } procs[] = {{"worker", 0, 40, 2, 1}, {"shell", 1, 10, 0, -1}, {"helper", 0, 0, 0, 1},
               {"idle", 0, 0, 0, -1}, {"sender", 0, 0, 0, -1}};
    assert_int_equal(s->nprocs, 5);
    for (uint32_t i = 0; i < 5; i++) {
        assert_string_equal(s->procs[i].name, procs[i].name);
        assert_int_equal(s->procs[i].arrival, procs[i].arrival);
        assert_int_equal(s->procs[i].memory, procs[i].memory);
        assert_int_equal(s->procs[i].priority, procs[i].priority);
        assert_int_equal(s->procs[i].parent, procs[i].parent);
    }
    ps_scenario_destroy(s);
}

static void test_full_programs(void **state)
{
    (void)state;
    char buf[512];
    ps_scenario *s = load_good("tests/loader/good/full.yaml");
    assert_string_equal(program_text(s, 0, buf, sizeof buf),
                        "cpu 4 | io net 3 | send results 10000 | lock m | add counter 100 | "
                        "unlock m | exit 3");
    assert_string_equal(program_text(s, 1, buf, sizeof buf),
                        "spawn worker | spawn helper | wait worker | kill helper | wait any | "
                        "recv results | sleep 2 | io disk 1");
    assert_string_equal(program_text(s, 2, buf, sizeof buf), "");
    assert_string_equal(program_text(s, 3, buf, sizeof buf), "");
    assert_string_equal(program_text(s, 4, buf, sizeof buf),
                        "send results 1 | send other 0 | add counter 1 | lock m2 | unlock m2 | "
                        "exit 0");

    /* the encoding itself: {kind, obj, n} */
    static const ps_op want[] = {
        {PS_OP_CPU, 0, {0}, 0, 4}, {PS_OP_IO, 0, {0}, 1, 3}, {PS_OP_SEND, 0, {0}, 0, 10000},
        {PS_OP_LOCK, 0, {0}, 0, 0}, {PS_OP_ADD, 0, {0}, 0, 100}, {PS_OP_UNLOCK, 0, {0}, 0, 0},
        {PS_OP_EXIT, 0, {0}, 0, 3},
        {PS_OP_SPAWN, 0, {0}, 0, 0}, {PS_OP_SPAWN, 0, {0}, 2, 0}, {PS_OP_WAIT, 0, {0}, 0, 0},
        {PS_OP_KILL, 0, {0}, 2, 0}, {PS_OP_WAIT, 0, {0}, PS_WAIT_ANY, 0}, {PS_OP_RECV, 0, {0}, 0, 0},
        {PS_OP_SLEEP, 0, {0}, 0, 2}, {PS_OP_IO, 0, {0}, 0, 1},
        {PS_OP_SEND, 0, {0}, 0, 1}, {PS_OP_SEND, 0, {0}, 1, 0}, {PS_OP_ADD, 0, {0}, 0, 1},
        {PS_OP_LOCK, 0, {0}, 1, 0}, {PS_OP_UNLOCK, 0, {0}, 1, 0}, {PS_OP_EXIT, 0, {0}, 0, 0}};
    assert_int_equal(s->nops, sizeof want / sizeof want[0]);
    for (uint32_t i = 0; i < s->nops; i++) {
        assert_int_equal(s->ops[i].kind, want[i].kind);
        assert_int_equal(s->ops[i].obj, want[i].obj);
        assert_int_equal(s->ops[i].n, want[i].n);
    }
    assert_int_equal(s->procs[0].op_first, 0);
    assert_int_equal(s->procs[1].op_first, 7);
    assert_int_equal(s->procs[4].op_first, 15);
    ps_scenario_destroy(s);
}

/* Events sorted by time, stable in file order. */
static void test_full_events(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/full.yaml");
    static const struct { int64_t at; ps_action a; uint32_t target; } ev[] = {
        {0, PS_ACT_SUSPEND, 4}, {2, PS_ACT_SUSPEND, 1}, {9, PS_ACT_KILL, 3},
        {9, PS_ACT_RESUME, 0}};
    assert_int_equal(s->nevents, 4);
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

static void test_any_order(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/order.yaml");
    assert_string_equal(s->title, "Order does not matter");
    assert_int_equal(s->memory, 10);
    assert_int_equal(s->devices.count, 1);
    assert_string_equal(s->devices.names[0], "printer");
    assert_int_equal(s->procs[0].parent, 1);
    assert_int_equal(s->ops[0].kind, PS_OP_IO);
    assert_int_equal(s->ops[0].obj, 0);
    assert_int_equal(s->ops[1].obj, 0); /* spawn child */
    assert_int_equal(s->nevents, 2);
    assert_int_equal(s->events[0].target, 1);
    assert_int_equal(s->events[1].target, 0);
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
    ps_scenario *s = ps_scenario_load_tour(&err);
    if (!s)
        fail_msg("%s", err.msg);
    assert_string_equal(s->path, "<built-in tour>");
    assert_int_equal(strlen((const char *)ps_tour_yaml), ps_tour_yaml_len);
    assert_true(s->nprocs >= 1);
    ps_scenario_destroy(s);
}

/* --- the language: loops, values, timeouts, private variables --- */

static void test_lang_programs(void **state)
{
    (void)state;
    char buf[1024];
    ps_scenario *s = load_good("tests/loader/good/lang.yaml");
    assert_string_equal(program_text(s, 0, buf, sizeof buf),
                        "spawn w1 | for i in range(1, 10) | send tasks i | "
                        "end for i in range(1, 10) | repeat 4 | send tasks none | end repeat 4 | "
                        "for k in range(0, 3) | repeat 2 | cpu k+1 | end repeat 2 | "
                        "end for k in range(0, 3) | repeat 9 | recv results | end repeat 9 | "
                        "send report acc | send report acc-1 | wait w1 timeout 5 | "
                        "wait any timeout 0 | is_alive w1 | kill w1 | add counter 1");
    assert_string_equal(program_text(s, 1, buf, sizeof buf),
                        "for x in tasks | cpu x | send results x*x | end for x in tasks | "
                        "add total 2");
    /* the loops: kind, depth, head and end pcs, bounds */
    static const ps_loop want[] = {
        {PS_LOOP_RANGE, 0, 1, 3, 1, 10, 0, "i"}, {PS_LOOP_REPEAT, 0, 4, 6, 0, 4, 0, NULL},
        {PS_LOOP_RANGE, 0, 7, 11, 0, 3, 0, "k"}, {PS_LOOP_REPEAT, 1, 8, 10, 0, 2, 0, NULL},
        {PS_LOOP_REPEAT, 0, 12, 14, 0, 9, 0, NULL}, {PS_LOOP_CHANNEL, 0, 0, 3, 0, 0, 0, "x"}};
    assert_int_equal(s->nloops, 6);
    for (uint32_t i = 0; i < 6; i++) {
        const ps_loop *L = &s->loops[i];
        assert_int_equal(L->kind, want[i].kind);
        assert_int_equal(L->depth, want[i].depth);
        assert_int_equal(L->head, want[i].head);
        assert_int_equal(L->end, want[i].end);
        assert_int_equal(L->from, want[i].from);
        assert_int_equal(L->to, want[i].to);
        if (want[i].var)
            assert_string_equal(L->var, want[i].var);
        else
            assert_null(L->var);
    }
    assert_int_equal(s->ops[5].n, PS_VALUE_NONE);
    assert_int_equal(s->ops[17].flags, PS_OPF_TIMEOUT);
    assert_int_equal(s->ops[17].n, 5);
    assert_int_equal(s->ops[22].kind, PS_OP_FOR_IN);
    assert_int_equal(s->ops[22].obj, 0); /* the channel tasks */
    assert_int_equal(s->variables.count, 2);
    assert_string_equal(s->variables.names[0], "counter");
    assert_int_equal(s->var_private[0], 1);
    assert_int_equal(s->var_private[1], 0);
    ps_scenario_destroy(s);
}

/* The YAML `yaml` (s written) loads to a scenario equal to s — its ops,
 * loops, values, variables, processes and the events' targets — and
 * writes the same text again. */
static void assert_loads_back_equal(const ps_scenario *s, const ps_outbuf *yaml)
{
    ps_error err;
    ps_scenario *back = ps_scenario_load_string("back", yaml->s, yaml->len, &err);
    if (!back)
        fail_msg("%s\n%s", err.msg, yaml->s);
    assert_int_equal(back->nops, s->nops);
    assert_memory_equal(back->ops, s->ops, s->nops * sizeof *s->ops);
    assert_int_equal(back->nloops, s->nloops);
    for (uint32_t i = 0; i < s->nloops; i++) {
        ps_loop a = s->loops[i], b = back->loops[i];
        assert_true((a.var == NULL) == (b.var == NULL));
        if (a.var)
            assert_string_equal(a.var, b.var);
        a.var = b.var = NULL;
        assert_memory_equal(&a, &b, sizeof a);
    }
    assert_int_equal(back->nexprs, s->nexprs);
    assert_memory_equal(back->exprs, s->exprs, s->nexprs * sizeof *s->exprs);
    assert_int_equal(back->variables.count, s->variables.count);
    assert_memory_equal(back->var_private, s->var_private, s->variables.count);
    assert_int_equal(back->nprocs, s->nprocs);
    for (uint32_t i = 0; i < s->nprocs; i++) {
        const ps_proc_spec *a = &s->procs[i], *b = &back->procs[i];
        assert_string_equal(a->name, b->name);
        assert_true((a->group == NULL) == (b->group == NULL));
        if (a->group)
            assert_string_equal(a->group, b->group);
        assert_int_equal(a->copy, b->copy);
        assert_int_equal(a->copies, b->copies);
        assert_int_equal(a->copies_auto, b->copies_auto);
        assert_int_equal(a->parent, b->parent);
        assert_int_equal(a->memory, b->memory);
        assert_int_equal(a->op_first, b->op_first);
        assert_int_equal(a->op_count, b->op_count);
    }
    assert_int_equal(back->nevents, s->nevents);
    for (uint32_t i = 0; i < s->nevents; i++)
        assert_int_equal(back->events[i].target, s->events[i].target);
    ps_outbuf again = {0};
    ps_out o = ps_outbuf_sink(&again);
    ps_scenario_write_yaml(back, &o);
    assert_string_equal(yaml->s, again.s);
    ps_outbuf_fini(&again);
    ps_scenario_destroy(back);
}

/* Written and loaded back, a scenario with the language's forms is
 * equal. */
static void test_lang_round_trip(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/lang.yaml");
    ps_outbuf y = {0};
    ps_out o = ps_outbuf_sink(&y);
    ps_scenario_write_yaml(s, &o);
    assert_loads_back_equal(s, &y);
    ps_outbuf_fini(&y);
    ps_scenario_destroy(s);
}

/* copies: an entry for N processes in its place, one program shared;
 * spawn, wait and kill of the group one op per copy; while not empty. */
static void test_copies_and_while(void **state)
{
    (void)state;
    char buf[1024];
    ps_scenario *s = load_good("tests/loader/good/copies.yaml");
    static const char *const names[] = {"main", "w-1", "w-2", "w-3", "v-1", "v-2", "last"};
    assert_int_equal(s->nprocs, 7);
    for (uint32_t i = 0; i < 7; i++)
        assert_string_equal(s->procs[i].name, names[i]);
    for (uint32_t i = 1; i <= 3; i++) { /* auto: the system's cpus */
        assert_string_equal(s->procs[i].group, "w");
        assert_int_equal(s->procs[i].copy, i);
        assert_int_equal(s->procs[i].copies, 3);
        assert_int_equal(s->procs[i].copies_auto, 1);
        assert_int_equal(s->procs[i].parent, 0);
        assert_int_equal(s->procs[i].op_first, s->procs[1].op_first);
        assert_int_equal(s->procs[i].op_count, s->procs[1].op_count);
    }
    assert_int_equal(s->procs[5].memory, 3);
    assert_int_equal(s->procs[5].copy, 2);
    assert_null(s->procs[6].group);
    assert_int_equal(s->procs[6].copy, 0);
    assert_int_equal(s->events[0].target, 5); /* v-2 */
    assert_string_equal(program_text(s, 0, buf, sizeof buf),
                        "repeat 2 | send q 1 | end repeat 2 | spawn w-1 | spawn w-2 | "
                        "spawn w-3 | spawn v-1 | spawn v-2 | for i in range(0, 2) | cpu 1 | "
                        "end for i in range(0, 2) | wait w-1 timeout 5 | wait w-2 timeout 5 | "
                        "wait w-3 timeout 5 | kill v-1 | kill v-2 | wait v-2 | wait v-1 | "
                        "wait v-2");
    assert_int_equal(s->ops[s->procs[0].op_first + 4].flags, PS_OPF_GROUP);
    assert_int_equal(s->ops[s->procs[0].op_first + 16].flags, 0); /* wait v-2 itself */
    assert_string_equal(program_text(s, 2, buf, sizeof buf),
                        "while not empty q | recv q | repeat 2 | cpu 1 | end repeat 2 | "
                        "end while not empty q | send done 1");
    /* the loops of main after its group ops grew: their pcs moved */
    assert_int_equal(s->loops[1].kind, PS_LOOP_RANGE);
    assert_int_equal(s->loops[1].head, 8);
    assert_int_equal(s->loops[1].end, 10);
    assert_int_equal(s->loops[2].kind, PS_LOOP_NOT_EMPTY);
    assert_int_equal(s->loops[2].chan, 0);
    assert_int_equal(s->loops[2].head, 0);
    assert_int_equal(s->loops[2].end, 5);
    assert_null(s->loops[2].var);
    ps_scenario_destroy(s);
}

/* Written back, the groups are entries with copies again and their ops
 * one op each; loaded again, everything is equal. */
static void test_copies_round_trip(void **state)
{
    (void)state;
    ps_scenario *s = load_good("tests/loader/good/copies.yaml");
    ps_outbuf y = {0};
    ps_out o = ps_outbuf_sink(&y);
    ps_scenario_write_yaml(s, &o);
    assert_non_null(strstr(y.s, "  - name: w\n    copies: auto\n"));
    assert_non_null(strstr(y.s, "  - name: v\n    copies: 2\n"));
    assert_non_null(strstr(y.s, "spawn w, spawn v, "));
    assert_non_null(strstr(y.s, "wait w timeout 5, kill v, wait v-2, wait v]"));
    assert_non_null(strstr(y.s, "{\"while not empty q\": [recv q, "));
    assert_null(strstr(y.s, "w-1"));
    assert_loads_back_equal(s, &y);
    ps_outbuf_fini(&y);
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
    ps_scenario *s = ps_scenario_load_string("fmt", yaml, sizeof yaml - 1, &err);
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

int main(void)
{
    if (chdir(PROCSIM_SOURCE_DIR) != 0) {
        perror(PROCSIM_SOURCE_DIR);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hangul_names),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_bad_files_all_listed),
        cmocka_unit_test(test_cannot_open),
        cmocka_unit_test(test_minimal_defaults),
        cmocka_unit_test(test_full_settings),
        cmocka_unit_test(test_tick_ms_bounds),
        cmocka_unit_test(test_cpus_auto),
        cmocka_unit_test(test_copies_auto_at_most_the_maximum),
        cmocka_unit_test(test_full_names),
        cmocka_unit_test(test_full_programs),
        cmocka_unit_test(test_full_events),
        cmocka_unit_test(test_nulls_are_defaults),
        cmocka_unit_test(test_flow_style),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_any_order),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_builtin_tour),
        cmocka_unit_test(test_lang_programs),
        cmocka_unit_test(test_lang_round_trip),
        cmocka_unit_test(test_copies_and_while),
        cmocka_unit_test(test_copies_round_trip),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_op_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
