/* i18n.h — every word the GUI shows, in English and Korean.  State names
 * come from the one list in procsim/state.h, the text of causes from the
 * one in procsim/cause.h; the rest is here. */
#ifndef PROCSIM_GUI_I18N_H
#define PROCSIM_GUI_I18N_H

#include <stddef.h>

#include "procsim/engine.h"

typedef enum gui_lang { GUI_EN, GUI_KO } gui_lang;

#define GUI_WORDS(X)                                                         \
    X(PLAY, "Play", "재생") X(PAUSE, "Pause", "일시정지") X(STEP, "Step", "한 단계")   \
    X(BACK, "Back", "되돌리기") X(SLOWER, "Slower", "느리게") X(FASTER, "Faster", "빠르게") \
    X(RESTART, "Restart", "처음부터") X(OPEN, "Open", "열기")                     \
    X(SUSPEND, "Suspend", "보류") X(RESUME, "Resume", "재개") X(KILL, "Kill", "종료시키기") \
    X(SHOT, "Screenshot", "화면 저장") X(HELP, "Help", "도움말")                 \
    X(TICK, "tick", "틱") X(SPEED, "speed", "속도") X(LIVE, "live", "실제 프로세스") \
    X(PCB_TABLE, "Processes", "프로세스") X(PCB, "Process control block", "프로세스 제어 블록") \
    X(LOG, "Events", "사건 기록")                                              \
    X(GANTT, "Gantt chart", "간트 차트") X(GANTT_SAVE, "Gantt", "간트") X(IDLE, "idle", "유휴") \
    X(DIAGRAM, "Seven-state model", "7상태 모델")                              \
    X(RESOURCES, "Shared objects", "공유 자원")                                \
    X(NO_SELECTION, "Click a process to see its PCB", "프로세스를 누르면 PCB가 보입니다") \
    X(DONE, "finished", "끝남") X(DEADLOCK, "deadlock", "교착 상태")             \
    X(SAVED, "saved", "저장함") X(DOWNLOADED, "downloaded", "내려받음") X(LOAD_ERROR, "cannot open", "열 수 없음")    \
    X(COL_NAME, "name", "이름") X(COL_STATE, "state", "상태") X(COL_PRIO, "prio", "우선") \
    X(COL_MEM, "mem", "메모리") X(COL_PARENT, "parent", "부모")                 \
    X(COL_OSPID, "OS pid", "실제 pid") X(COL_DOING, "doing", "하는 일") X(COL_THREADS, "thr", "스레드")                \
    X(TRACE, "trace", "추적") X(OUTPUT, "Program output", "프로그램 출력")          \
    X(NO_OUTPUT, "(nothing written yet)", "(아직 출력 없음)")                      \
    X(ZOMBIE, "zombie", "좀비")                                                    \
    X(TRACE_FIXED, "A real program runs on: it cannot be paused, stepped, stepped back, " \
      "restarted or swapped for a scenario. S, C and K act on the selected process.", \
      "실제 프로그램은 계속 돕니다: 일시정지, 한 단계, 되돌리기, 처음부터, 열기는 할 수 " \
      "없습니다. S, C, K는 선택한 프로세스에 작동합니다.")                          \
    X(TRACE_NO_QUIZ, "the quiz needs a model run, not a traced program",           \
      "퀴즈는 모델 실행에서만 됩니다 (추적하는 프로그램은 안 됨)")                     \
    X(NOT_NOW, "not in a state where that applies", "지금 상태에서는 할 수 없음")      \
    X(TRACE_ENDED, "the program has ended: there is nothing left to suspend, resume or kill", \
      "프로그램이 끝났습니다: 보류하거나 재개하거나 종료할 프로세스가 없습니다")     \
    X(HELP_TRACE, "S, C, K send the selected process a real SIGSTOP, SIGCONT, SIGKILL", \
      "S, C, K는 선택한 프로세스에 실제 SIGSTOP, SIGCONT, SIGKILL을 보냄")             \
    X(RUNNING_ON, "running", "실행 중")                                          \
    X(COMPARE_FIXED, "The compare view runs one workload under each policy: opening "   \
      "another file, suspend, resume, kill, the quiz and saving the Gantt chart alone " \
      "are for the usual window "                                                      \
      "(procsim gui FILE without --compare).",                                         \
      "정책 비교 화면은 한 작업을 정책마다 실행합니다: 다른 파일 열기, 보류, 재개, "         \
      "종료시키기, 퀴즈, 간트 차트 저장은 보통 창에서 됩니다 (--compare 없이 procsim gui FILE).") \
    /* the words part: app.c's messages, the table's memory column */             \
    X(NO_BACK_LIVE, "live runs cannot go back", "실제 프로세스 실행은 되돌릴 수 없음") \
    X(AT_START, "at the start", "처음입니다")                                      \
    X(SHOT_FAILED, "screenshot failed", "화면 저장 실패")                          \
    X(NO_MEMORY, "out of memory", "메모리가 모자람")                                \
    X(RESTOPPED, "was continued from outside (SIGCONT); stopped again, as the model holds it", \
      "프로세스가 밖에서 계속 실행되었습니다(SIGCONT); 모델에서의 상태대로 다시 멈췄습니다:") \
    X(MEM_IN, "in", "적재") X(MEM_OUT, "out", "스왑") X(COL_PC, "PC: op", "PC: 명령")     \
    X(TRACE_FAILED, "trace failed:", "추적 실패:")                                  \
    X(LIVE_FAILED, "live run failed:", "라이브 실행 실패:")                         \
    X(NO_FONTS, "cannot open the fonts at this size", "이 크기로 글꼴을 열 수 없음")

typedef enum gui_word {
#define PS_X_(e, en, ko) GUI_W_##e,
    GUI_WORDS(PS_X_)
#undef PS_X_
    GUI_WORD_COUNT
} gui_word;

const char *gui_word_text(gui_word w, gui_lang lang);
const char *gui_state_text(ps_state s, gui_lang lang);
/* The label of an arrow (textbook wording: "event wait", "event occurs"). */
const char *gui_kind_text(ps_transition_kind k, gui_lang lang);
/* The help overlay's lines, NULL-terminated. */
const char *const *gui_help_lines(gui_lang lang);
/* The cause of a transition in that language: ps_cause_format, whose one
 * list (procsim/cause.h) holds both wordings.  Returns buf. */
char *gui_cause_text(const ps_engine *e, const ps_trace_event *ev, gui_lang lang, char *buf,
                     size_t size);
/* How many CPUs the run has, in words: "1 CPU", "4 CPUs", and for
 * `cpus: auto` (the machine's count, found at load) "2 CPUs (auto)".
 * Returns buf. */
char *gui_cpus_text(const ps_scenario *s, gui_lang lang, char *buf, size_t size);
/* The policy the run is under as --policy writes it: "rr:4", "sjf".
 * Returns buf. */
char *gui_policy_text(const ps_scenario *s, char *buf, size_t size);
/* The library's name of the language (procsim/state.h), and back. */
ps_lang gui_ps_lang(gui_lang lang);
gui_lang gui_lang_of(ps_lang lang);
/* The language of the environment's locale (LC_ALL, LC_MESSAGES, LANG). */
gui_lang gui_lang_from_env(void);

#endif
