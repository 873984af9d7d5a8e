/* i18n.c — see i18n.h. */
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const words[GUI_WORD_COUNT][2] = {
#define PS_X_(e, en, ko) [GUI_W_##e] = {en, ko},
    GUI_WORDS(PS_X_)
#undef PS_X_
};

const char *gui_word_text(gui_word w, gui_lang lang)
{
    return (unsigned)w < GUI_WORD_COUNT ? words[w][lang == GUI_KO] : "?";
}

const char *gui_state_text(ps_state s, gui_lang lang)
{
    return lang == GUI_KO ? ps_state_name_ko(s) : ps_state_name(s);
}

/* X(kind, English, Korean) — one per row of DESIGN §2's table. */
#define KIND_LABELS(X)                                                        \
    X(CREATE, "create", "생성") X(ADMIT, "admit", "승인")                      \
    X(ADMIT_SUSPENDED, "admit", "승인") X(DISPATCH, "dispatch", "디스패치")      \
    X(TIMEOUT, "timeout", "시간 만료") X(BLOCK, "event wait", "이벤트 대기")      \
    X(RELEASE, "release", "해제") X(WAKE, "event occurs", "이벤트 발생")          \
    X(SUSPEND_READY, "suspend", "보류") X(SUSPEND_BLOCKED, "suspend", "보류")    \
    X(SUSPEND_RUNNING, "suspend", "보류") X(WAKE_SUSPENDED, "event occurs", "이벤트 발생") \
    X(ACTIVATE_READY, "activate", "활성화") X(ACTIVATE_BLOCKED, "activate", "활성화") \
    X(KILL, "kill (any state)", "강제 종료")

static const char *const kinds[PS_TRANSITION_COUNT][2] = {
#define PS_X_(k, en, ko) [PS_TR_##k] = {en, ko},
    KIND_LABELS(PS_X_)
#undef PS_X_
};

const char *gui_kind_text(ps_transition_kind k, gui_lang lang)
{
    return (unsigned)k < PS_TRANSITION_COUNT ? kinds[k][lang == GUI_KO] : "";
}

const char *const *gui_help_lines(gui_lang lang)
{
    static const char *const en[] = {
        "Space  play / pause",       "Right  one step",
        "Left   step back",          "+ / -  faster / slower (0.25x to 32x)",
        "R      restart",            "O      open a scenario (or drop a file)",
        "Tab    select the next process (or click one)",
        "S      suspend the selected process",
        "C      resume (continue) it", "K      kill it",
        "P      save a screenshot (PNG)", "L      English / 한국어",
        "Q      quiz: predict the selected process's next state",
        "W      save the quiz summary",
        "H, F1  this help",          "Esc    close / quit",
        NULL,
    };
    static const char *const ko[] = {
        "스페이스  재생 / 일시정지", "오른쪽  한 단계",
        "왼쪽    되돌리기",          "+ / -  빠르게 / 느리게 (0.25배 ~ 32배)",
        "R      처음부터",           "O      시나리오 열기 (파일을 끌어와도 됨)",
        "Tab    다음 프로세스 선택 (또는 누르기)",
        "S      선택한 프로세스 보류", "C      재개",
        "K      종료시키기",         "P      화면 저장 (PNG)",
        "L      English / 한국어",
        "Q      퀴즈: 선택한 프로세스의 다음 상태 맞히기",
        "W      퀴즈 요약 저장",     "H, F1  도움말",
        "Esc    닫기 / 끝내기",      NULL,
    };
    return lang == GUI_KO ? ko : en;
}

gui_lang gui_lang_from_env(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "ko", 2) == 0 ? GUI_KO : GUI_EN;
    }
    return GUI_EN;
}

static const char *pname(const ps_engine *e, int64_t pid)
{
    const ps_pcb *p = ps_engine_pcb(e, (uint32_t)pid);
    return p ? p->name : "?";
}

static const char *nm(const ps_names *t, int64_t i)
{
    return i >= 0 && i < t->count ? t->names[i] : "?";
}

/* Korean wording of each cause; the numbers and names as in English. */
static void cause_ko(const ps_engine *e, const ps_trace_event *ev, char *buf, size_t size)
{
    const ps_scenario *s = ps_engine_scenario(e);
    long long a = ev->a, x = ev->b;
    switch ((ps_cause)ev->cause) {
    case PS_CAUSE_ARRIVAL: snprintf(buf, size, "도착"); break;
    case PS_CAUSE_SPAWNED: snprintf(buf, size, "부모 %s가 생성", pname(e, a)); break;
    case PS_CAUSE_MEMORY_FITS:
        if (x == PS_UNLIMITED)
            snprintf(buf, size, "메모리 제한 없음");
        else
            snprintf(buf, size, "메모리 %lld/%lld", a, x);
        break;
    case PS_CAUSE_MEMORY_FULL: snprintf(buf, size, "메모리 부족: %lld 필요, %lld 남음", a, x); break;
    case PS_CAUSE_MEMORY_QUEUE: snprintf(buf, size, "%s 뒤에서 메모리 대기", pname(e, a)); break;
    case PS_CAUSE_PICKED:
        snprintf(buf, size, "%s 스케줄러가 CPU %lld에 배정%s", ps_policy_token(s->policy), a,
                 x ? " (문맥 교환 비용)" : "");
        break;
    case PS_CAUSE_QUANTUM: snprintf(buf, size, "타임 퀀텀 %lld 만료", a); break;
    case PS_CAUSE_PREEMPTED: snprintf(buf, size, "%s에게 선점됨", pname(e, a)); break;
    case PS_CAUSE_IO: snprintf(buf, size, "입출력 %s %lld", nm(&s->devices, a), x); break;
    case PS_CAUSE_IO_QUEUED:
        snprintf(buf, size, "입출력 %s: %s 뒤에서 대기", nm(&s->devices, a), pname(e, x));
        break;
    case PS_CAUSE_SLEEP: snprintf(buf, size, "sleep %lld", a); break;
    case PS_CAUSE_RECV_EMPTY: snprintf(buf, size, "recv %s: 비어 있음", nm(&s->channels, a)); break;
    case PS_CAUSE_LOCK_HELD:
        snprintf(buf, size, "lock %s: %s가 잡고 있음", nm(&s->mutexes, a), pname(e, x));
        break;
    case PS_CAUSE_WAIT_CHILD: snprintf(buf, size, "wait %s", a ? pname(e, a) : "any"); break;
    case PS_CAUSE_PROGRAM_END: snprintf(buf, size, "프로그램 끝"); break;
    case PS_CAUSE_EXIT_OP: snprintf(buf, size, "exit %lld", a); break;
    case PS_CAUSE_IO_DONE: snprintf(buf, size, "입출력 %s 완료", nm(&s->devices, a)); break;
    case PS_CAUSE_SLEEP_DONE: snprintf(buf, size, "%lld틱 잠든 뒤 깨어남", a); break;
    case PS_CAUSE_MESSAGE: snprintf(buf, size, "%s에 메시지 도착", nm(&s->channels, a)); break;
    case PS_CAUSE_LOCK_GRANTED: snprintf(buf, size, "lock %s 획득", nm(&s->mutexes, a)); break;
    case PS_CAUSE_CHILD_EXITED: snprintf(buf, size, "자식 %s 종료", pname(e, a)); break;
    case PS_CAUSE_SWAP_OUT: snprintf(buf, size, "%s 자리를 만들려고 스왑 아웃", pname(e, a)); break;
    case PS_CAUSE_SWAP_IN:
    case PS_CAUSE_USER_RESUME:
    case PS_CAUSE_SCRIPT_RESUME: {
        const char *what = ev->cause == PS_CAUSE_SWAP_IN      ? "스왑 인"
                           : ev->cause == PS_CAUSE_USER_RESUME ? "사용자가 재개"
                                                              : "예약된 재개";
        if (x == PS_UNLIMITED)
            snprintf(buf, size, "%s", what);
        else
            snprintf(buf, size, "%s: 메모리 %lld/%lld", what, a, x);
        break;
    }
    case PS_CAUSE_USER_SUSPEND: snprintf(buf, size, "사용자가 보류"); break;
    case PS_CAUSE_USER_KILL: snprintf(buf, size, "사용자가 종료시킴"); break;
    case PS_CAUSE_SCRIPT_SUSPEND: snprintf(buf, size, "예약된 보류"); break;
    case PS_CAUSE_SCRIPT_KILL: snprintf(buf, size, "예약된 종료"); break;
    case PS_CAUSE_PARENT_KILL: snprintf(buf, size, "부모 %s가 종료시킴", pname(e, a)); break;
    case PS_CAUSE_EVICTED: snprintf(buf, size, "더 급한 %s에게 밀려남", pname(e, a)); break;
    case PS_CAUSE_DIED:
        if (a)
            snprintf(buf, size, "시그널 %lld로 죽음", a);
        else
            snprintf(buf, size, "스스로 끝남");
        break;
    default: ps_cause_format(e, ev, buf, size); break;
    }
}

char *gui_cause_text(const ps_engine *e, const ps_trace_event *ev, gui_lang lang, char *buf,
                     size_t size)
{
    if (lang == GUI_KO)
        cause_ko(e, ev, buf, size);
    else
        ps_cause_format(e, ev, buf, size);
    return buf;
}
