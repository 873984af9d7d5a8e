/* cause.h — why a transition happened: the one list of causes, with the
 * English and Korean wording of each.
 *
 * A transition's cause is stored as a code and two numbers (ps_trace_event
 * in engine.h: cause, a, b) and turned into text only when someone asks,
 * so that a run with no one reading causes pays nothing for them.  Every
 * front end (the command line's traces, the GUI, the labs' answer keys)
 * gets its words from ps_cause_format, so the two languages cannot drift
 * apart: a cause is one row of PS_CAUSES, with both wordings in it.
 *
 * The wording is a template.  Text is copied as it is; a placeholder in
 * braces is replaced:
 *   {a} {b}                      the cause's numbers, in decimal
 *   {proc a} {proc b}            the name of the process with that pid
 *   {device a} {channel a} {mutex a}   (or b) the device, channel or mutex
 *                                of the scenario with that index
 *   {policy}                     the scenario's policy token ("rr")
 *   {pid a} {pid b}              the real pid of the process with that pid
 *                                (trace mode, ps_proc_spec.os_pid), else
 *                                the pid itself
 *   {sig a} {sig b}              a Linux signal's name ("SIGTERM"), or
 *                                "signal N" for a number without one
 *   {milli a} {milli b}          the number in thousandths, as a decimal
 *                                with no trailing zeros ("2.5", "8")
 * A pid or index that names nothing reads "?".  There is no escape for a
 * literal brace: no wording needs one.
 *
 * A row's wording may depend on its numbers: the row's condition (WHEN)
 * says which of its two templates applies — the first when it holds, the
 * second ("otherwise") when it does not; a row that is ALWAYS has "" as
 * its second pair.
 */
#ifndef PROCSIM_CAUSE_H
#define PROCSIM_CAUSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "procsim/state.h"

/* The conditions a row's wording may depend on. */
typedef enum ps_cause_when {
    PS_WHEN_ALWAYS,      /* one wording */
    PS_WHEN_A_NONZERO,   /* a != 0 */
    PS_WHEN_B_NONZERO,   /* b != 0 */
    PS_WHEN_B_LIMITED,   /* b != PS_UNLIMITED (b is a memory size) */
    PS_WHEN_COUNT
} ps_cause_when;

/* X(ENUM, WHEN, English, Korean, English otherwise, Korean otherwise) */
#define PS_CAUSES(X)                                                          \
    X(ARRIVAL, ALWAYS, "arrival", "도착", "", "")                              \
    X(SPAWNED, ALWAYS, "spawned by {proc a}", "부모 {proc a}가 생성", "", "")   \
    X(MEMORY_FITS, B_LIMITED, "memory {a}/{b}", "메모리 {a}/{b}",            \
      "memory unlimited", "메모리 제한 없음")                                  \
    X(MEMORY_FULL, ALWAYS, "memory full: needs {a} with {b} free",            \
      "메모리 부족: {a} 필요, {b} 남음", "", "")                                \
    X(MEMORY_QUEUE, ALWAYS, "behind {proc a} waiting for memory",             \
      "{proc a} 뒤에서 메모리 대기", "", "")                                    \
    X(PICKED, B_NONZERO, "{policy} picks it for cpu {a} (switch {b})",             \
      "{policy} 스케줄러가 CPU {a}에 배정 (문맥 교환 비용 {b})",                 \
      "{policy} picks it for cpu {a}", "{policy} 스케줄러가 CPU {a}에 배정")    \
    X(QUANTUM, ALWAYS, "quantum of {a} expired", "타임 퀀텀 {a} 만료", "", "")  \
    X(PREEMPTED, ALWAYS, "preempted by {proc a}", "{proc a}에게 선점됨", "", "") \
    X(IO, ALWAYS, "io {device a} {b}", "입출력 {device a} {b}", "", "")         \
    X(IO_QUEUED, ALWAYS, "io {device a}: queued behind {proc b}",             \
      "입출력 {device a}: {proc b} 뒤에서 대기", "", "")                        \
    X(SLEEP, ALWAYS, "sleep {a}", "{a}틱 잠듦", "", "")                        \
    X(RECV_EMPTY, ALWAYS, "recv {channel a}: empty", "{channel a}에서 받기: 비어 있음", \
      "", "")                                                                 \
    X(LOCK_HELD, ALWAYS, "lock {mutex a}: held by {proc b}",                  \
      "락 {mutex a}: {proc b}가 잡고 있음", "", "")                           \
    X(WAIT_CHILD, A_NONZERO, "wait {proc a}", "자식 {proc a} 기다림", "wait any",      \
      "아무 자식이나 기다림") \
    X(WAIT_TIMEOUT, A_NONZERO, "wait {proc a} timeout {b}",                  \
      "자식 {proc a}를 최대 {b}틱 기다림", "wait any timeout {b}",               \
      "아무 자식이나 최대 {b}틱 기다림")                          \
    X(JOIN_TIMED_OUT, A_NONZERO, "wait {proc a} timed out", "자식 {proc a} 기다리기 시간 초과", \
      "wait any timed out", "아무 자식이나 기다리기 시간 초과")                               \
    X(PROGRAM_END, ALWAYS, "program finished", "프로그램 끝", "", "")           \
    X(EXIT_OP, ALWAYS, "exit {a}", "종료 코드 {a}로 끝냄", "", "")                        \
    X(IO_DONE, ALWAYS, "io {device a} done", "입출력 {device a} 완료", "", "")  \
    X(SLEEP_DONE, ALWAYS, "slept {a}", "{a}틱 잠든 뒤 깨어남", "", "")          \
    X(MESSAGE, ALWAYS, "message on {channel a}", "{channel a}에 메시지 도착", "", "") \
    X(LOCK_GRANTED, ALWAYS, "got lock {mutex a}", "락 {mutex a} 획득", "", "") \
    X(CHILD_EXITED, ALWAYS, "child {proc a} exited", "자식 {proc a} 종료", "", "") \
    X(SWAP_OUT, ALWAYS, "swapped out to make room for {proc a}",              \
      "{proc a} 자리를 만들려고 스왑 아웃", "", "")                             \
    X(SWAP_IN, B_LIMITED, "swapped in: memory {a}/{b}", "스왑 인: 메모리 {a}/{b}", \
      "swapped in", "스왑 인")                                                 \
    X(USER_SUSPEND, ALWAYS, "suspended by the user", "사용자가 보류", "", "")   \
    X(USER_RESUME, B_LIMITED, "resumed by the user: memory {a}/{b}",         \
      "사용자가 재개: 메모리 {a}/{b}", "resumed by the user", "사용자가 재개")   \
    X(USER_KILL, ALWAYS, "killed by the user", "사용자가 종료시킴", "", "")     \
    X(SCRIPT_SUSPEND, ALWAYS, "scripted suspend", "예약된 보류", "", "")        \
    X(SCRIPT_RESUME, B_LIMITED, "scripted resume: memory {a}/{b}",           \
      "예약된 재개: 메모리 {a}/{b}", "scripted resume", "예약된 재개")           \
    X(SCRIPT_KILL, ALWAYS, "scripted kill", "예약된 종료", "", "")              \
    X(PARENT_KILL, ALWAYS, "killed by parent {proc a}", "부모 {proc a}가 종료시킴", \
      "", "")                                                                 \
    X(EVICTED, ALWAYS, "evicted: {proc a} is more urgent",                    \
      "더 급한 {proc a}에게 밀려남", "", "")                                    \
    X(DIED, A_NONZERO, "died of {sig a}", "{sig a} 시그널로 죽음", "exited on its own", \
      "스스로 끝남")                                                           \
    X(FIRST_OP_DONE, B_LIMITED, "its first op done: memory {a}/{b}",           \
      "첫 연산 끝남: 메모리 {a}/{b}", "its first op done, memory unlimited",      \
      "첫 연산 끝남, 메모리 제한 없음")                                          \
    PS_WHY_CAUSES(X)                                                          \
    PS_TRACE_CAUSES(X)

/* Why the policy chose the process it dispatched (ps_trace_event.why, the
 * end of a dispatch's cause after "; "): what ranked it first.  {milli a}
 * is a in thousandths ("2.5"). */
#define PS_WHY_CAUSES(X)                                                      \
    X(WHY_BURST, ALWAYS, "shortest burst {a}", "CPU 버스트가 가장 짧음: {a}", "", "") \
    X(WHY_ESTIMATE, ALWAYS, "shortest predicted burst {milli a}",             \
      "예측한 CPU 버스트가 가장 짧음: {milli a}", "", "")                      \
    X(WHY_PRIORITY, ALWAYS, "priority {a}", "우선순위 {a}", "", "")             \
    X(WHY_RATIO, ALWAYS, "highest response ratio {milli a}",                  \
      "응답 비율이 가장 높음: {milli a}", "", "")                               \
    X(WHY_QUEUE, ALWAYS, "queue {a}", "큐 {a}", "", "")                        \
    X(WHY_LOTTERY, ALWAYS, "won the lottery: ticket {a} of {b}",              \
      "추첨 당첨: 티켓 {b}장 중 {a}번", "", "")                                 \
    X(WHY_STRIDE, ALWAYS, "lowest pass {milli a}",                            \
      "패스 값이 가장 낮음: {milli a}", "", "")                                 \
    X(WHY_VRUNTIME, ALWAYS, "lowest virtual runtime {milli a}",               \
      "가상 실행 시간이 가장 짧음: {milli a}", "", "")                           \
    X(WHY_AGED, ALWAYS, "priority {a} (aged from {b})",                       \
      "우선순위 {a} (에이징 전 {b})", "", "")                                    \
    X(WHY_QUEUE_BURST, ALWAYS, "queue {a}, shortest burst {b}",               \
      "큐 {a}, CPU 버스트가 가장 짧음: {b}", "", "")                             \
    X(WHY_QUEUE_PRIORITY, ALWAYS, "queue {a}, priority {b}",                  \
      "큐 {a}, 우선순위 {b}", "", "")

/* The causes of `procsim trace` (trace.h): the kernel's evidence for each
 * move of a real process, in words a student understands.  {pid a} is the
 * real pid of the process a names.  Numbers: FORKED a the parent (0: the
 * command procsim started); ON_CPU, RAN_BETWEEN a the real CPU; WAITING_CPU
 * a the process on the CPU it waits for (0: not known), b that CPU;
 * SYS_* a the process at the other end (0: none in the tree) or the count
 * the row names, SYS_SLEEP a the milliseconds asked for, SYS_OTHER a the
 * system call's number; STOPPED_BY, CONTINUED_BY a the sender (0: not in
 * the tree), b the signal; EXIT_STATUS a the status, KILLED_BY a the
 * signal, and b for both the parent that has not reaped it yet (a zombie;
 * 0: reaped at once). */
#define PS_TRACE_CAUSES(X)                                                    \
    X(FORKED, A_NONZERO, "fork by {proc a} ({pid a})", "fork: 부모 {proc a} ({pid a})",  \
      "started by procsim", "procsim이 시작함")                                \
    X(RUNNABLE, ALWAYS, "runnable: the kernel admits it at once",            \
      "실행 가능: 커널이 바로 받아들임", "", "")                               \
    X(ON_CPU, ALWAYS, "on cpu {a}", "CPU {a}에서 실행", "", "")                 \
    X(RAN_BETWEEN, ALWAYS, "ran between samples (cpu {a})",                  \
      "표본 사이에 실행됨 (CPU {a})", "", "")                                  \
    X(WAITING_CPU, A_NONZERO, "waiting for a cpu: {proc a} ({pid a}) has cpu {b}", \
      "CPU 대기: {proc a} ({pid a}) 프로세스가 CPU {b} 사용 중",                 \
      "waiting for a cpu", "CPU 대기")                                          \
    X(WOKEN, ALWAYS, "woken up", "깨어남", "", "")                             \
    X(SYS_PIPE_READ, A_NONZERO, "read on pipe from {proc a} ({pid a})",      \
      "파이프 읽기 (쓰는 쪽: {proc a} ({pid a}))", "read on pipe", "파이프 읽기") \
    X(SYS_PIPE_WRITE, A_NONZERO, "write on full pipe to {proc a} ({pid a})", \
      "{proc a} ({pid a})에게 가는 가득 찬 파이프에 쓰기", "write on full pipe",  \
      "가득 찬 파이프에 쓰기")                                                  \
    X(SYS_SOCKET_READ, A_NONZERO, "recv on socket from {proc a} ({pid a})",  \
      "소켓에서 받기 (상대: {proc a} ({pid a}))", "recv on socket",             \
      "소켓에서 받기")                                                          \
    X(SYS_READ_TTY, ALWAYS, "read on the terminal", "터미널 입력 대기", "", "") \
    X(SYS_READ_FD, ALWAYS, "read on fd {a}", "fd {a} 읽기", "", "")           \
    X(SYS_FUTEX_LOCK, ALWAYS, "futex (lock)", "futex (잠금)", "", "")          \
    X(SYS_FUTEX_THREAD, ALWAYS, "futex (waiting for another thread)",        \
      "futex (다른 스레드 대기)", "", "")                                       \
    X(SYS_WAIT4, A_NONZERO, "wait4 for {proc a} ({pid a})",                  \
      "wait4: 자식 {proc a} ({pid a}) 대기", "wait4 for any child",             \
      "wait4: 아무 자식이나 대기")                                              \
    X(SYS_SLEEP, ALWAYS, "nanosleep {a} ms", "nanosleep {a} ms", "", "")      \
    X(SYS_POLL, ALWAYS, "poll on {a} fds", "fd {a}개를 poll", "", "")          \
    X(SYS_SELECT, ALWAYS, "select on {a} fds", "fd {a}개를 select", "", "")    \
    X(SYS_EPOLL, ALWAYS, "epoll_wait", "epoll_wait", "", "")                  \
    X(SYS_ACCEPT, ALWAYS, "accept on a socket", "소켓에서 연결 대기", "", "")   \
    X(SYS_SIGNAL, ALWAYS, "waiting for a signal", "시그널 대기", "", "")        \
    X(SYS_OTHER, ALWAYS, "in system call {a}", "시스템 호출 {a}번에서 대기", "", "") \
    X(DISK_WAIT, ALWAYS, "uninterruptible wait (disk)", "중단 불가 대기 (디스크)", \
      "", "")                                                                 \
    X(KERNEL_WAIT, ALWAYS, "sleeping in the kernel", "커널 안에서 잠듦", "", "") \
    X(STOPPED_BY, A_NONZERO, "stopped by {sig b} from {proc a} ({pid a})",   \
      "{sig b} 시그널로 정지 (보낸 쪽: {proc a} ({pid a}))",                    \
      "stopped by {sig b}", "{sig b} 시그널로 정지")                            \
    X(CONTINUED_BY, A_NONZERO, "continued by {proc a} ({pid a})",            \
      "SIGCONT 시그널로 재개 (보낸 쪽: {proc a} ({pid a}))",                    \
      "continued by SIGCONT", "SIGCONT 시그널로 재개")                          \
    X(EXIT_STATUS, B_NONZERO,                                                 \
      "exit status {a}; zombie: {proc b} ({pid b}) has not reaped it",        \
      "종료 상태 {a}; 좀비: 부모 {proc b} ({pid b}) 프로세스가 아직 거두지 않음", \
      "exit status {a}", "종료 상태 {a}")                                       \
    X(KILLED_BY, B_NONZERO,                                                   \
      "killed by {sig a}; zombie: {proc b} ({pid b}) has not reaped it",      \
      "{sig a} 시그널로 죽음; 좀비: 부모 {proc b} ({pid b}) 프로세스가 아직 거두지 않음", \
      "killed by {sig a}", "{sig a} 시그널로 죽음")

typedef enum ps_cause {
#define PS_X_(e, when, en, ko, en2, ko2) PS_CAUSE_##e,
    PS_CAUSES(PS_X_)
#undef PS_X_
    PS_CAUSE_COUNT
} ps_cause;

/* The placeholders a template may hold (see above). */
#define PS_CAUSE_SLOTS(X)                                                     \
    X(A, "{a}") X(B, "{b}") X(POLICY, "{policy}")                             \
    X(PROC_A, "{proc a}") X(PROC_B, "{proc b}")                               \
    X(DEVICE_A, "{device a}") X(DEVICE_B, "{device b}")                       \
    X(CHANNEL_A, "{channel a}") X(CHANNEL_B, "{channel b}")                   \
    X(MUTEX_A, "{mutex a}") X(MUTEX_B, "{mutex b}")                           \
    X(PID_A, "{pid a}") X(PID_B, "{pid b}") X(SIG_A, "{sig a}") X(SIG_B, "{sig b}") \
    X(MILLI_A, "{milli a}") X(MILLI_B, "{milli b}")

typedef enum ps_cause_slot {
#define PS_X_(e, text) PS_SLOT_##e,
    PS_CAUSE_SLOTS(PS_X_)
#undef PS_X_
    PS_SLOT_COUNT
} ps_cause_slot;

typedef struct ps_engine ps_engine;
typedef struct ps_trace_event ps_trace_event;

/* The cause of `ev` as text for people, in `lang` ("quantum of 3
 * expired"; a language out of range: English), followed by "; " and the
 * policy's reason when the event has one (ev->has_why).  The engine `e` gives the
 * names that placeholders stand for (NULL: they read "?").  A cause out
 * of range gives "".  Text that does not fit is cut at a character
 * boundary; always NUL-terminates when size > 0.  Returns `buf`. */
char *ps_cause_format(const ps_engine *e, const ps_trace_event *ev, ps_lang lang, char *buf,
                      size_t size);

/* v thousandths as a decimal with no trailing zeros ("2.5", "8",
 * "-0.25"), as a cause's {milli a} reads, in buf (cut to size, always
 * NUL-terminated when size > 0; 32 bytes hold any v).  Returns `buf`. */
char *ps_milli_format(int64_t v, char *buf, size_t size);
/* The name of Linux signal `sig` ("SIGTERM"), what {sig a} writes; NULL
 * for a number that names none (say "signal N" then). */
const char *ps_signal_name(int64_t sig);

/* The table, for checking it (tests, translators).  The condition of
 * cause c (PS_WHEN_ALWAYS for one out of range), and its template in
 * `lang`: the first, or with `otherwise` the second ("" for a row that is
 * ALWAYS, and for a cause out of range). */
ps_cause_when ps_cause_condition(ps_cause c);
const char *ps_cause_template(ps_cause c, ps_lang lang, bool otherwise);

/* The placeholder `t` starts with: its length, with *slot set; 0 if `t`
 * starts with no known placeholder. */
size_t ps_cause_slot_at(const char *t, ps_cause_slot *slot);

#endif
