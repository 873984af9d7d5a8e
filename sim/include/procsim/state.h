/* state.h — the seven process states, the transition events, and the
 * table of legal transitions (docs/engine.md has it for people).
 *
 * This is the one list of states in procsim.  Everything that names a
 * state — the enum, the English and Korean display names, the tokens used
 * in scenario files and traces, the count — comes from PS_STATES below.
 * The transition table is likewise one list, PS_TRANSITIONS; the engine's
 * single door for state changes (ps__transition in engine.c) refuses
 * anything that is not in it.
 */
#ifndef PROCSIM_STATE_H
#define PROCSIM_STATE_H

#include <stdbool.h>

/* X(ENUM, token, English, Korean, resident in memory, kernel letter).
 * The kernel letter is what /proc/PID/stat shows for a real process in
 * that state when procsim drives it (live mode, docs/live.md): a Ready or
 * suspended process is held stopped (T), a Blocked one sleeps in read()
 * (S), a Running one computes (R), a New one has started and waits for
 * admission (S), an exited one is a zombie until it is reaped (Z). */
#define PS_STATES(X)                                                        \
    X(NEW, "new", "New", "생성", false, 'S')                                \
    X(READY, "ready", "Ready", "준비", true, 'T')                            \
    X(RUNNING, "running", "Running", "실행", true, 'R')                     \
    X(BLOCKED, "blocked", "Blocked", "대기", true, 'S')                     \
    X(READY_SUSPENDED, "ready-suspended", "Ready/Suspend", "보류 준비", false, 'T') \
    X(BLOCKED_SUSPENDED, "blocked-suspended", "Blocked/Suspend", "보류 대기", false, 'T') \
    X(EXIT, "exit", "Exit", "종료", false, 'Z')

typedef enum ps_state {
#define PS_X_(e, tok, en, ko, res, letter) PS_##e,
    PS_STATES(PS_X_)
#undef PS_X_
    PS_STATE_COUNT,
    PS_NONE = PS_STATE_COUNT /* "no state yet": the from-state of create */
} ps_state;

/* X(ENUM, token, English, Korean): the token of scenario files and
 * traces, and the event's name for people (the textbook's words, as the
 * diagram's arrows say them). */
#define PS_EVENTS(X)                                                        \
    X(CREATE, "create", "create", "생성") X(ADMIT, "admit", "admit", "승인")   \
    X(DISPATCH, "dispatch", "dispatch", "디스패치")                           \
    X(TIMEOUT, "timeout", "timeout", "시간 만료")                             \
    X(PREEMPT, "preempt", "preempt", "선점") X(WAIT, "wait", "event wait", "이벤트 대기") \
    X(RELEASE, "release", "release", "해제") X(WAKE, "wake", "event occurs", "이벤트 발생") \
    X(SUSPEND, "suspend", "suspend", "보류") X(ACTIVATE, "activate", "activate", "활성화") \
    X(KILL, "kill", "kill", "강제 종료")

typedef enum ps_event {
#define PS_X_(e, tok, en, ko) PS_EV_##e,
    PS_EVENTS(PS_X_)
#undef PS_X_
    PS_EVENT_COUNT
} ps_event;

/* The fifteen kinds of transition, one per row of the table of legal
 * transitions (docs/engine.md).
 * X(ENUM, from, to, events allowed (bit mask of ps_event)).
 * `kill` has from = PS_NONE here as a marker for "any live state"; the
 * lookup in state.c expands it. */
#define PS_EVBIT(e) (1u << PS_EV_##e)
#define PS_TRANSITIONS(X)                                                   \
    X(CREATE, NONE, NEW, PS_EVBIT(CREATE))                                  \
    X(ADMIT, NEW, READY, PS_EVBIT(ADMIT))                                   \
    X(ADMIT_SUSPENDED, NEW, READY_SUSPENDED, PS_EVBIT(ADMIT))               \
    X(DISPATCH, READY, RUNNING, PS_EVBIT(DISPATCH))                         \
    X(TIMEOUT, RUNNING, READY, PS_EVBIT(TIMEOUT) | PS_EVBIT(PREEMPT))       \
    X(BLOCK, RUNNING, BLOCKED, PS_EVBIT(WAIT))                              \
    X(RELEASE, RUNNING, EXIT, PS_EVBIT(RELEASE))                            \
    X(WAKE, BLOCKED, READY, PS_EVBIT(WAKE))                                 \
    X(SUSPEND_READY, READY, READY_SUSPENDED, PS_EVBIT(SUSPEND))             \
    X(SUSPEND_BLOCKED, BLOCKED, BLOCKED_SUSPENDED, PS_EVBIT(SUSPEND))       \
    X(SUSPEND_RUNNING, RUNNING, READY_SUSPENDED, PS_EVBIT(SUSPEND))         \
    X(WAKE_SUSPENDED, BLOCKED_SUSPENDED, READY_SUSPENDED, PS_EVBIT(WAKE))   \
    X(ACTIVATE_READY, READY_SUSPENDED, READY, PS_EVBIT(ACTIVATE))           \
    X(ACTIVATE_BLOCKED, BLOCKED_SUSPENDED, BLOCKED, PS_EVBIT(ACTIVATE))     \
    X(KILL, NONE, EXIT, PS_EVBIT(KILL))

typedef enum ps_transition_kind {
#define PS_X_(e, from, to, evs) PS_TR_##e,
    PS_TRANSITIONS(PS_X_)
#undef PS_X_
    PS_TRANSITION_COUNT,
    PS_TR_ILLEGAL = -1
} ps_transition_kind;

/* The languages procsim speaks to people in: display names here, the
 * text of causes (cause.h). */
typedef enum ps_lang {
    PS_LANG_EN,
    PS_LANG_KO,
    PS_LANG_COUNT
} ps_lang;

/* The language the locale asks for: the first of LC_ALL, LC_MESSAGES and
 * LANG that is set and not empty decides, Korean when it starts with "ko"
 * (ko_KR.UTF-8, ko), English otherwise or when none is set.  The values
 * are passed in (getenv's), so that the rule can be tested. */
ps_lang ps_lang_from_locale(const char *lc_all, const char *lc_messages, const char *lang);

/* Names.  Each returns a static string; an out-of-range value gives "?"
 * (and PS_NONE gives "" as a token, "(none)" as a display name). */
const char *ps_state_token(ps_state s);
const char *ps_state_name(ps_state s);    /* English display name */
const char *ps_state_name_ko(ps_state s); /* Korean display name */
/* The display name in `lang` (a language out of range: English). */
const char *ps_state_name_in(ps_state s, ps_lang lang);
const char *ps_event_token(ps_event e);
/* The event's name for people in `lang` ("event wait", "이벤트 대기"); out
 * of range: "?". */
const char *ps_event_name_in(ps_event e, ps_lang lang);
const char *ps_transition_name(ps_transition_kind k); /* e.g. "ready -> running" */

/* The kernel letter of a real process in state s (see PS_STATES), 0 for
 * PS_NONE. */
char ps_state_kernel_letter(ps_state s);

/* True for Ready, Running and Blocked: the states that hold memory. */
bool ps_state_resident(ps_state s);
/* True for every state a process can be killed in (all but Exit/none). */
bool ps_state_live(ps_state s);

/* Parse a token ("ready-suspended"); returns false if it names no state. */
bool ps_state_from_token(const char *tok, ps_state *out);
bool ps_event_from_token(const char *tok, ps_event *out);

/* The legal-transition check: which of the fifteen kinds (from, to, event)
 * is, or PS_TR_ILLEGAL if the table does not allow it. */
ps_transition_kind ps_transition_classify(ps_state from, ps_state to, ps_event ev);

#endif
