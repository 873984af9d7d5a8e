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

ps_lang gui_ps_lang(gui_lang lang)
{
    return lang == GUI_KO ? PS_LANG_KO : PS_LANG_EN;
}

gui_lang gui_lang_of(ps_lang lang)
{
    return lang == PS_LANG_KO ? GUI_KO : GUI_EN;
}

const char *gui_state_text(ps_state s, gui_lang lang)
{
    return ps_state_name_in(s, gui_ps_lang(lang));
}

/* X(kind, English, Korean) — one per kind of transition (PS_TRANSITIONS). */
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
        "R      restart",            "O      open a scenario: any folder, recent files (or drop a file)",
        "D      the scenario's description: open / fold",
        "Tab    select the next process (or click one)",
        "S      suspend the selected process",
        "C      resume (continue) it", "K      kill it",
        "P      save a screenshot (PNG)", "L      English / 한국어",
        "G      save the Gantt chart (PNG); wheel on it: zoom, shift: scroll",
        "Q      quiz: predict the selected process's next state",
        "W      save the quiz summary",
        "H, F1  this help",          "Esc    close / quit",
        NULL,
    };
    static const char *const ko[] = {
        "스페이스  재생 / 일시정지", "오른쪽  한 단계",
        "왼쪽    되돌리기",          "+ / -  빠르게 / 느리게 (0.25배 ~ 32배)",
        "R      처음부터",           "O      시나리오 열기: 아무 폴더, 최근 파일 (파일을 끌어와도 됨)",
        "D      시나리오 설명 펼치기 / 접기",
        "Tab    다음 프로세스 선택 (또는 누르기)",
        "S      선택한 프로세스 보류", "C      재개",
        "K      종료시키기",         "P      화면 저장 (PNG)",
        "G      간트 차트 저장 (PNG); 차트 위 휠: 확대, 시프트: 이동",
        "L      English / 한국어",
        "Q      퀴즈: 선택한 프로세스의 다음 상태 맞히기",
        "W      퀴즈 요약 저장",     "H, F1  도움말",
        "Esc    닫기 / 끝내기",      NULL,
    };
    return lang == GUI_KO ? ko : en;
}

gui_lang gui_lang_from_env(void)
{
    return ps_lang_from_locale(getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG")) ==
                   PS_LANG_KO
               ? GUI_KO
               : GUI_EN;
}

char *gui_cause_text(const ps_engine *e, const ps_trace_event *ev, gui_lang lang, char *buf,
                     size_t size)
{
    return ps_cause_format(e, ev, gui_ps_lang(lang), buf, size);
}

char *gui_policy_text(const ps_scenario *s, char *buf, size_t size)
{
    if (ps_policy_uses(s->policy) & PS_USES_QUANTUM)
        snprintf(buf, size, "%s:%lld", ps_policy_token(s->policy), (long long)s->quantum);
    else
        snprintf(buf, size, "%s", ps_policy_token(s->policy));
    return buf;
}

char *gui_cpus_text(const ps_scenario *s, gui_lang lang, char *buf, size_t size)
{
    const char *fmt = lang == GUI_KO ? (s->cpus_auto ? "CPU %d개 (자동: 이 컴퓨터의 수)" : "CPU %d개")
                      : s->cpus_auto ? (s->cpus == 1 ? "%d CPU (auto)" : "%d CPUs (auto)")
                                     : (s->cpus == 1 ? "%d CPU" : "%d CPUs");
    snprintf(buf, size, fmt, (int)s->cpus);
    return buf;
}
