/* words.h — the command line's message catalogue: every text procsim's
 * commands write for people, in English and in Korean, side by side.
 *
 * Each entry is a macro giving the two wordings, English first:
 *
 *     #define W_LAB_WORKLOAD "Workload", "작업 부하"
 *
 * and CLI_W(W_LAB_WORKLOAD) is the one in cli_lang (CLI_W_IN: in a
 * language given).  Both wordings stay string literals to the compiler,
 * so printf(CLI_W(W_X), ...) has both checked against the arguments: the
 * Korean takes the same arguments in the same order (no "%1$s").
 *
 * What stays the same in both languages is not here: tokens (states,
 * events, ops, policies, options), names from the scenario, numbers, file
 * names and FILE:LINE:COL.  The texts of the library (causes, states,
 * loader errors, lab details) are the library's, each with both wordings
 * in its own table.
 *
 * One section per command; keep an entry in the section of the file that
 * writes it.  The long usage texts are help.c's own table, each with its
 * two wordings side by side. */
#ifndef PROCSIM_CLI_WORDS_H
#define PROCSIM_CLI_WORDS_H

#include "procsim/state.h"

extern ps_lang cli_lang; /* args.c */

#define CLI_PICK_(lang, en, ko) ((lang) == PS_LANG_KO ? (ko) : (en))
#define CLI_PICK_IN_(lang, ...) CLI_PICK_(lang, __VA_ARGS__)
#define CLI_W_IN(w, lang) CLI_PICK_IN_(lang, w)
#define CLI_W(w) CLI_PICK_IN_(cli_lang, w)

/* --- every command (args.c, main.c, help.c) --- */

#define W_ANY_OUT_OF_MEMORY "out of memory", "메모리가 모자랍니다"
#define W_ANY_NOMEM "procsim: out of memory\n", "procsim: 메모리가 모자랍니다\n"
#define W_ANY_WRITE_FAILED "procsim: cannot write the output: %s\n", \
    "procsim: 출력을 쓸 수 없습니다: %s\n"
#define W_ANY_BAD_OPTION "procsim %s: unknown or incomplete option '%s'; see procsim %s --help\n", \
    "procsim %s: 모르는 옵션이거나 값이 빠진 옵션입니다: '%s'; procsim %s --help를 보십시오\n"
#define W_ANY_UNKNOWN_OPTION "procsim %s: unknown or incomplete option '%s'\n", \
    "procsim %s: 모르는 옵션이거나 값이 빠진 옵션입니다: '%s'\n"
#define W_ANY_UNEXPECTED "procsim %s: unexpected '%s'\n", "procsim %s: 뜻밖의 인자입니다: '%s'\n"
#define W_ANY_INT_OPTION "procsim %s: %s wants a whole number from %lld to %lld, got '%.80s%s'\n", \
    "procsim %s: %s에는 %lld부터 %lld까지의 정수를 주어야 하는데 '%.80s%s'이(가) 왔습니다\n"
#define W_ANY_LANG_VALUE "procsim %s: --lang wants en or ko, got '%.80s'\n", \
    "procsim %s: --lang에는 en 또는 ko를 주어야 하는데 '%.80s'이(가) 왔습니다\n"
#define W_MAIN_NO_WINDOW "procsim: %s, so here is the text view\n\n", \
    "procsim: %s; 그래서 글 보기로 보여 드립니다\n\n"
#define W_MAIN_NOT_COMMAND "procsim: '%s' is not a command; ", "procsim: '%s'은(는) 명령이 아닙니다; "
#define W_MAIN_IN_WINDOW "to watch a scenario in the window:\n", "시나리오를 창에서 보려면:\n"
#define W_MAIN_OR "or ", "또는 "
#define W_MAIN_AS_TEXT "for its trace as text:\n", "그 추적을 글로 보려면:\n"
#define W_MAIN_UNKNOWN                                                          \
    "procsim: unknown command '%s'; the commands are gui, run, compare, check, trace, ostep, " \
    "lab, grade, list and help (procsim --help)\n",                            \
    "procsim: '%s'라는 명령은 없습니다; 명령은 gui, run, compare, check, trace, ostep, " \
    "lab, grade, list, help입니다 (procsim --help)\n"
/* ostep.c: its wrapper's errors (the programs' own output stays English) */
#define W_OSTEP_UNKNOWN "procsim ostep: unknown program '%s'\n", \
    "procsim ostep: '%s'라는 프로그램은 없습니다\n"
#define W_OSTEP_NO_YAML "procsim ostep: this workload cannot be written as a scenario file, " \
    "which would not load: %s\n", \
    "procsim ostep: 이 워크로드는 시나리오 파일로 쓸 수 없습니다. 쓰더라도 읽히지 않습니다: %s\n"
#define W_OSTEP_FORMAT "procsim ostep: unknown format '%s'; expected text, csv, json or yaml\n", \
    "procsim ostep: '%s'라는 형식은 없습니다; text, csv, json, yaml 중 하나를 주십시오\n"
/* gui.c, nogui.c: the window's command line */
#define W_GUI_OSTEP "procsim gui: --ostep wants process-run, scheduler, mlfq or lottery, got '%s'\n", \
    "procsim gui: --ostep에는 process-run, scheduler, mlfq, lottery 중 하나를 주어야 하는데 '%s'이(가) 왔습니다\n"
#define W_GUI_NO_DISPLAY "no display (DISPLAY and WAYLAND_DISPLAY are unset or empty)", \
    "화면이 없습니다 (DISPLAY와 WAYLAND_DISPLAY가 없거나 비어 있음)"
#define W_GUI_SIZE                                                              \
    "procsim gui: --size wants WIDTHxHEIGHT, whole numbers from 320x240 to 8192x8192, got '%.80s'\n", \
    "procsim gui: --size에는 WIDTHxHEIGHT, 320x240부터 8192x8192까지의 정수를 주어야 하는데 " \
    "'%.80s'이(가) 왔습니다\n"
#define W_GUI_SELECT                                                            \
    "procsim gui: --select wants a process name or a pid (a whole number from 1 to the number " \
    "of processes), got '%.80s'\n",                                            \
    "procsim gui: --select에는 프로세스 이름이나 PID(1부터 프로세스 수까지의 정수)를 주어야 " \
    "하는데 '%.80s'이(가) 왔습니다\n"
#define W_GUI_STUDENT_EMPTY "it is empty", "비어 있습니다"
#define W_GUI_STUDENT_LONG "it is too long", "너무 깁니다"
#define W_GUI_STUDENT_CONTROL "it has a line break or a control character", \
    "줄바꿈이나 제어 문자가 있습니다"
#define W_GUI_STUDENT_UTF8 "it is not UTF-8 text", "UTF-8 글이 아닙니다"
#define W_GUI_STUDENT                                                           \
    "procsim gui: --student wants a name on one line, 1 to %d bytes of UTF-8 text; %s (%zu bytes)\n", \
    "procsim gui: --student에는 한 줄의 이름, UTF-8 글 1~%d바이트를 주십시오; %s (%zu바이트)\n"
#define W_GUI_SPEED "procsim gui: --speed wants 1, 2, 4, 8, 16 or 32, got '%s'\n", \
    "procsim gui: --speed에는 1, 2, 4, 8, 16, 32 중 하나를 주어야 하는데 '%s'이(가) 왔습니다\n"
#define W_GUI_ONE "procsim gui: one scenario at a time\n", \
    "procsim gui: 시나리오는 한 번에 하나입니다\n"
#define W_GUI_SCREENSHOT "procsim gui: --screenshot goes with --frames N\n", \
    "procsim gui: --screenshot은 --frames N과 함께 씁니다\n"
#define W_GUI_COMPARE_LIVE                                                      \
    "procsim gui: --compare shows model runs of one workload side by side; --live runs real " \
    "processes, one run at a time\n",                                          \
    "procsim gui: --compare는 한 작업 부하의 모형 실행들을 나란히 보입니다; --live는 실제 " \
    "프로세스로 한 번에 하나만 실행합니다\n"
#define W_GUI_COMPARE_QUIZ                                                      \
    "procsim gui: --compare shows model runs of one workload side by side; --quiz follows one " \
    "run, so it goes without it\n",                                            \
    "procsim gui: --compare는 한 작업 부하의 모형 실행들을 나란히 보입니다; --quiz는 실행 " \
    "하나를 따라가므로 함께 쓰지 않습니다\n"
#define W_GUI_COMPARE_POLICY                                                    \
    "procsim gui: --compare names its own policies (--compare fcfs,rr:2); --policy is for one " \
    "run\n",                                                                    \
    "procsim gui: --compare는 정책들을 스스로 정합니다 (--compare fcfs,rr:2); --policy는 실행 " \
    "하나에 씁니다\n"
#define W_GUI_POLICY_OPTION "procsim gui: --policy: %s\n", "procsim gui: --policy: %s\n"
#define W_GUI_FILE_OR_OSTEP "procsim gui: a FILE or --ostep, not both\n", \
    "procsim gui: FILE과 --ostep 중 하나만 주십시오\n"
#define W_GUI_GANTT_PNG_WITH                                                    \
    "procsim gui: --gantt-png runs the model to its end with no window: not with %s\n", \
    "procsim gui: --gantt-png는 창 없이 모형을 끝까지 실행합니다: %s와(과) 함께 쓰지 않습니다\n"
#define W_GUI_GANTT_PNG_COMPARE "--compare (procsim compare charts each policy)", \
    "--compare (정책마다의 차트는 procsim compare가 그립니다)"
#define W_GUI_GANTT_PNG_FILE                                                    \
    "procsim gui: --gantt-png wants a FILE ending .png or .svg (which says the format), got '%s'\n", \
    "procsim gui: --gantt-png에는 .png 또는 .svg로 끝나는 FILE(끝이 형식을 정함)을 주어야 " \
    "하는데 '%s'이(가) 왔습니다\n"
#define W_GUI_NO_DISPLAY_USE "procsim gui: %s; use --frames N --screenshot out.png, or procsim run\n", \
    "procsim gui: %s; --frames N --screenshot out.png를 쓰거나 procsim run을 쓰십시오\n"
#define W_GUI_TRACE_ONLY_TEXT                                                   \
    "procsim trace: --gui shows the run in the window; -o, --record and --events go without it\n", \
    "procsim trace: --gui는 실행을 창에서 보입니다; -o, --record, --events는 함께 쓰지 않습니다\n"
#define W_GUI_TRACE_NO_DISPLAY                                                  \
    "procsim trace: %s; procsim trace without --gui shows the same run as text\n", \
    "procsim trace: %s; --gui 없는 procsim trace가 같은 실행을 글로 보입니다\n"
#define W_GUI_BUILT_WITHOUT "this procsim was built without the window", \
    "이 procsim은 창 없이 빌드되었습니다"
#define W_GUI_HOW_TO_BUILD                                                      \
    "%s (cmake -DPROCSIM_GUI=ON, with SDL2 and SDL2_ttf); procsim %s shows the same run as text", \
    "%s (cmake -DPROCSIM_GUI=ON, SDL2와 SDL2_ttf 필요); procsim %s이(가) 같은 실행을 글로 보입니다"
#define W_GUI_BUT "\nBut ", "\n하지만 "
/* help.c: the few words around the usage texts (the texts are help.c's
 * table, both wordings side by side) */
#define W_HELP_USAGE "usage:\n", "사용법:\n"
#define W_HELP_MORE "(procsim %s --help says more)\n", "(procsim %s --help에 더 있음)\n"
#define W_HELP_TOUR                                                             \
    "%sprocsim                      the seven-state tour in a window (text\n"   \
    "                                    view when there is no display)\n",     \
    "%sprocsim\n      창에서 일곱 상태 둘러보기 (화면이 없으면 글 보기)\n"
#define W_HELP_COMMAND "%sprocsim COMMAND --help       that command's usage\n", \
    "%sprocsim COMMAND --help\n      그 명령의 사용법\n"
#define W_ANY_LANG_MISSING "procsim %s: --lang wants en or ko after it\n", \
    "procsim %s: --lang 뒤에 en 또는 ko를 주십시오\n"

/* --- run, check: the text view (out_text.c, run.c, describe) --- */

/* cli_describe: the system line, piece by piece */
#define W_RUN_POLICY "policy %s", "정책 %s"
#define W_RUN_QUANTUM " (quantum %lld)", " (타임 퀀텀 %lld)"
#define W_RUN_MLFQ ", %d levels, boost %lld", ", 단계 %d개, 부스트 %lld"
#define W_RUN_OSTEP " (switch %s, io_done %s)", " (전환 %s, 입출력 완료 %s)"
#define W_RUN_CPUS ", %d cpu%s", ", CPU %d개%s"
#define W_RUN_CPUS_AUTO " (auto: this machine's)", " (자동: 이 컴퓨터의 수)"
#define W_RUN_MEMORY_UNLIMITED ", memory unlimited", ", 메모리 무제한"
#define W_RUN_MEMORY ", memory %lld", ", 메모리 %lld"
#define W_RUN_SWITCH_COST ", switch cost %lld", ", 문맥 교환 비용 %lld"
#define W_RUN_PROCESSES ", %u processes\n", ", 프로세스 %u개\n"
/* the head of the text view */
#define W_RUN_POLICY_GIVEN "(the policy is --policy's: the file says %s)\n", \
    "(정책은 --policy가 정한 것이고 파일의 정책은 %s입니다)\n"
#define W_RUN_LIVE                                                              \
    "live: real child processes, %lld ms per tick; each transition shows [kernel " \
    "state letter, who confirmed it, when, real pid, resident set]\n",          \
    "라이브: 실제 자식 프로세스, 1틱 = %lld ms; 전이마다 [커널 상태 글자, 확인한 쪽, " \
    "시각, 실제 pid, 상주 메모리]\n"
#define W_RUN_TICK "tick", "틱"
#define W_RUN_TRANSITIONS "transitions", "전이"
#define W_RUN_SHORT_STATES "(Rdy/Susp = Ready/Suspend, Blk/Susp = Blocked/Suspend)\n", ""
#define W_RUN_NOBODY "nobody", "없음"
/* the statistics table: headings (the columns are as wide as the widest) and the end column */
#define W_RUN_H_PID "pid", "PID"
#define W_RUN_H_NAME "name", "이름"
#define W_RUN_H_ARRIVE "arrive", "도착"
#define W_RUN_H_START "start", "시작"
#define W_RUN_H_FINISH "finish", "종료"
#define W_RUN_H_TURN "turn", "반환시간"
#define W_RUN_H_NEW "new", "생성"
#define W_RUN_H_WAIT "wait", "대기시간"
#define W_RUN_H_RESP "resp", "응답시간"
#define W_RUN_H_CPU "cpu", "CPU"
#define W_RUN_H_BLOCK "block", "대기상태"
#define W_RUN_H_RSUSP "r-susp", "보류준비"
#define W_RUN_H_BSUSP "b-susp", "보류대기"
#define W_RUN_H_SWITCH "switch", "교환"
#define W_RUN_H_SWAPS "swaps", "스왑"
#define W_RUN_H_END "end", "끝"
#define W_RUN_NEVER_CREATED " never created", " 생성되지 않음"
#define W_RUN_STILL " still %s", " 아직 %s"
#define W_RUN_KILLED " killed (%s)", " 강제 종료 (%s)"
#define W_RUN_KILLED_SIGNAL " killed (signal %d)", " 강제 종료 (시그널 %d)"
#define W_RUN_EXIT " exit %d", " 종료 코드 %d"
#define W_RUN_RECEIVED ", received %lld", ", 받은 값 합 %lld"
/* the end of the text view */
#define W_RUN_AVERAGES "\naverages over %u finished: turnaround %.2f, waiting %.2f, response %.2f\n", \
    "\n끝난 %u개의 평균: 반환 시간 %.2f, 대기 시간 %.2f, 응답 시간 %.2f\n"
#define W_RUN_TOTALS                                                            \
    "ticks %lld, cpu utilisation %.1f%%, throughput %.3f processes/tick, %llu transitions\n", \
    "%lld틱, CPU 이용률 %.1f%%, 처리량 틱당 프로세스 %.3f개, 전이 %llu번\n"
#define W_RUN_VARIABLE "variable %s = %lld\n", "변수 %s = %lld\n"
#define W_RUN_LOST "lost updates: %lld (increments wiped out by stale writes)\n", \
    "잃어버린 갱신: %lld (낡은 값의 쓰기에 지워진 증가)\n"
#define W_RUN_CHANNEL "channel %s: %llu sent (sum %lld), %llu received (sum %lld), %llu left\n", \
    "채널 %s: 보냄 %llu (합 %lld), 받음 %llu (합 %lld), 남음 %llu\n"
/* a live or traced transition's evidence, a note's real pid */
#define W_RUN_EVIDENCE "  [%c %s %.3f ms, pid %d, rss %lld kB]", "  [%c %s %.3f ms, PID %d, 상주 %lld kB]"
#define W_RUN_NOTE_PID "  [pid %d]", "  [PID %d]"
#define W_RUN_STOPPED "stopped at tick %lld (--until)\n", "%lld틱에서 멈춤 (--until)\n"
/* how a run ended (run.c) */
#define W_RUN_INTERRUPTED "interrupted at tick %lld; every child was killed", \
    "%lld틱에서 중단되었습니다; 자식 프로세스는 모두 강제 종료되었습니다"
#define W_RUN_LIVE_FAILED "live run failed: %s", "라이브 실행 실패: %s"
#define W_RUN_NOMEM_AT "out of memory at tick %lld", "%lld틱에서 메모리가 모자랍니다"
#define W_RUN_LARGER_UNTIL "; a larger --until runs further", "; --until을 더 크게 주면 더 갑니다"
#define W_RUN_DIVERGED                                                          \
    "procsim: warning: reality and the model parted %u time(s); first: %s (docs/live.md)\n", \
    "procsim: 경고: 실제와 모형이 %u번 어긋났습니다; 처음: %s (docs/live.md)\n"
#define W_RUN_RESTOPPED                                                         \
    "procsim: live: %s (pid %d) was continued from outside (SIGCONT); stopped again, " \
    "as the model holds it %s\n",                                                \
    "procsim: 라이브: %s(PID %d) 프로세스가 밖에서 계속 실행되었습니다(SIGCONT); " \
    "모형에서는 %s 상태이므로 다시 멈췄습니다\n"
#define W_RUN_WRITE_FAILED "procsim: writing the output failed: %s\n", \
    "procsim: 출력을 쓰지 못했습니다: %s\n"
#define W_RUN_OVERWROTE " overwrote %lld (last %s)", " %lld을(를) 덮어씀 (마지막: %s)"
/* the Gantt chart (gantt_draw.c: run --gantt and compare) */
#define W_GANTT_TITLE "Gantt chart", "간트 차트"
#define W_GANTT_TITLES "Gantt charts", "간트 차트"
#define W_GANTT_NO_TIME "no time passed", "시간이 흐르지 않음"
#define W_GANTT_IDLE "idle", "유휴"
#define W_GANTT_SCALED "; 1 column = %lld ticks: who ran longest in it", \
    "; 1칸 = %lld틱: 그 안에서 가장 오래 실행한 프로세스"
#define W_GANTT_ABOUT "; 1 column = about %lld ticks", "; 1칸 = 약 %lld틱"
#define W_GANTT_CPU "cpu", "CPU"
#define W_GANTT_KEYS "keys:", "기호:"
/* run's and check's usage errors */
#define W_RUN_UNKNOWN_FORMAT "procsim run: unknown format '%s'; expected text, csv or json\n", \
    "procsim run: '%s'라는 형식은 없습니다; text, csv, json 중 하나를 주십시오\n"
#define W_RUN_WHICH "procsim %s: which scenario?\n", "procsim %s: 어느 시나리오를 실행할까요?\n"
#define W_RUN_ONE_AT_A_TIME "procsim run: one scenario at a time ('%s' and '%s')\n", \
    "procsim run: 시나리오는 한 번에 하나입니다 ('%s', '%s')\n"
#define W_RUN_GANTT_CSV                                                         \
    "procsim run: --gantt draws under the text view, and --format json has it as \"gantt\"; " \
    "csv has one row per transition and no place for it\n",                    \
    "procsim run: --gantt는 글 보기 아래에 그리고 --format json에서는 \"gantt\"에 담깁니다; " \
    "csv는 전이마다 한 행이라 둘 곳이 없습니다\n"
#define W_RUN_POLICY_OPTION "procsim run: --policy: %s\n", "procsim run: --policy: %s\n"
#define W_LIST_HEAD "Scenarios shipped with procsim (in %s):\n", \
    "procsim과 함께 설치된 시나리오 (%s):\n"
#define W_LIST_BROKEN "(does not load: procsim check says why)", \
    "(읽어 들일 수 없음: procsim check가 까닭을 말함)"
#define W_LIST_FOOT                                                             \
    "A NAME stands for its file: procsim run NAME, procsim gui NAME, procsim lab NAME.\n", \
    "NAME은 그 파일 대신 씀: procsim run NAME, procsim gui NAME, procsim lab NAME.\n"
#define W_LIST_HINT "(procsim list shows the names of the scenarios shipped with procsim)\n", \
    "(procsim과 함께 설치된 시나리오의 이름은 procsim list가 보임)\n"
#define W_LIST_ARG "procsim list: unknown argument '%s'\n", "procsim list: 모르는 인자 '%s'\n"
#define W_LIST_NONE                                                             \
    "procsim list: the shipped scenarios were not found (set PROCSIM_SCENARIOS to their folder)\n", \
    "procsim list: 함께 설치된 시나리오를 찾지 못했습니다 (PROCSIM_SCENARIOS에 그 폴더를 지정하세요)\n"
#define W_CHECK_WHICH "procsim check: which files?\n", "procsim check: 어느 파일을 검사할까요?\n"
/* check's ok line, around the title */
#define W_CHECK_OK "%s: ok: \"", "%s: 이상 없음: \""
#define W_CHECK_OK_END "\", %u processes\n", "\", 프로세스 %u개\n"

/* --- compare (compare.c, compare_out.c) --- */

/* the text (compare_out.c) */
#define W_CMP_TITLE "Compare policies", "정책 비교"
#define W_CMP_FINISH "finish", "종료 시각"
#define W_CMP_TURNAROUND "turnaround", "반환 시간"
#define W_CMP_WAITING "waiting", "대기 시간"
#define W_CMP_RESPONSE "response", "응답 시간"
#define W_CMP_SWITCHES "switches", "문맥 교환"
#define W_CMP_RUN_ENDS "run ends", "실행 끝"
#define W_CMP_AVERAGE "average", "평균"
#define W_CMP_TOTAL "total", "합계"
#define W_CMP_UTILISATION "cpu utilisation", "CPU 이용률"
#define W_CMP_BEST                                                              \
    "* the best of a row (the lowest; cpu utilisation: the highest), where the policies differ", \
    "* 행에서 가장 좋은 값 (가장 작은 값; CPU 이용률은 가장 큰 값), 정책마다 다를 때만"
#define W_CMP_PART "The schedules first differ at tick %lld, on cpu %u:", \
    "스케줄이 처음 달라지는 때: %lld틱, CPU %u"
#define W_CMP_NEVER                                                             \
    "The schedules never differ: every policy runs the same process on every cpu at every tick.", \
    "스케줄이 한 번도 달라지지 않는다: 모든 정책이 매 틱 모든 CPU에서 같은 프로세스를 실행한다."
#define W_CMP_PAIRS "First tick at which each two differ (-: never):", \
    "두 정책씩 처음 달라지는 틱 (-: 달라지지 않음):"
#define W_CMP_SYSTEM "  %s: %u processes, %d cpu%s; the file's policy: %s\n", \
    "  %s: 프로세스 %u개, CPU %d개%s; 파일의 정책: %s\n"
/* compare.c: the state at the parting, how a run stopped, usage errors */
#define W_CMP_IDLE "idle", "유휴"
#define W_CMP_GOES_ON "%s goes on running (since tick %lld: %s)", "%s 계속 실행 (%lld틱부터: %s)"
#define W_CMP_LEAVES " (%s leaves it: %s)", " (CPU를 떠난 %s: %s)"
#define W_CMP_NOMEM_AT "out of memory at tick %lld", "%lld틱에서 메모리 부족"
#define W_CMP_SAME_POLICY "'%s' and '%s' are the same policy here (%s)", \
    "'%s'와(과) '%s'은(는) 여기서 같은 정책입니다 (%s)"
#define W_CMP_TWICE "'%s' is given twice", "'%s'이(가) 두 번 주어졌습니다"
#define W_CMP_UNKNOWN_FORMAT "unknown format '%s'; expected text, csv or json", \
    "'%s'라는 형식은 없습니다; text, csv, json 중 하나를 주십시오"
#define W_CMP_BAD_OPTION "unknown or incomplete option '%s'", "모르는 옵션이거나 값이 빠진 옵션입니다: '%s'"
#define W_CMP_TOO_MANY "at most %d policies at a time ('%s' is one more)", \
    "정책은 한 번에 %d개까지입니다 ('%s'은(는) 하나 더)"
#define W_CMP_WHICH "which scenario?", "어느 시나리오를 비교할까요?"
#define W_CMP_TWO "give at least two policies to compare (%s%s)", "비교할 정책을 둘 이상 주십시오 (%s%s)"
#define W_CMP_ONLY_ONE "only one: ", "하나뿐: "
#define W_CMP_NONE "none", "없음"
#define W_CMP_SIDE_REPORT "procsim compare: %s: %s\n", "procsim compare: %s: %s\n"
#define W_CMP_WRITE_FAILED "procsim: writing the output failed\n", "procsim: 출력을 쓰지 못했습니다\n"
#define W_CMP_STOPPED "stopped at tick %lld (--until)", "%lld틱에서 멈춤 (--until)"

/* --- trace (trace.c) --- */

#define W_TRACE_EVENTS_WANT                                                     \
    "procsim trace: --events wants SECONDS:ACTION:WHO[,...] (SECONDS a time since the start " \
    "like 0.5, ACTION suspend, resume or kill, WHO a process name or a real pid), got '%.80s'\n", \
    "procsim trace: --events에는 SECONDS:ACTION:WHO[,...]를 주어야 하는데 (SECONDS는 0.5처럼 " \
    "시작부터의 시간, ACTION은 suspend, resume, kill, WHO는 프로세스 이름 또는 실제 PID) " \
    "'%.80s'이(가) 왔습니다\n"
#define W_TRACE_UNKNOWN_OPTION "procsim trace: unknown option '%s'; see procsim trace --help\n", \
    "procsim trace: '%s'라는 옵션은 없습니다; procsim trace --help를 보십시오\n"
#define W_TRACE_WANTS_VALUE "procsim trace: %s wants a value; see procsim trace --help\n", \
    "procsim trace: %s 뒤에 값을 주십시오; procsim trace --help를 보십시오\n"
#define W_TRACE_UNKNOWN_FORMAT "procsim trace: unknown format '%s'; expected text, csv or json\n", \
    "procsim trace: '%s'라는 형식은 없습니다; text, csv, json 중 하나를 주십시오\n"
#define W_TRACE_NO_OPTION                                                       \
    "procsim trace: '%s' is no option; the command goes after --, as in procsim trace -- %s\n", \
    "procsim trace: '%s'은(는) 옵션이 아닙니다; 명령은 -- 뒤에 씁니다: procsim trace -- %s\n"
#define W_TRACE_WHICH "procsim trace: which command? put it after --\n", \
    "procsim trace: 어느 명령을 추적할까요? -- 뒤에 쓰십시오\n"
#define W_TRACE_NOTHING_AFTER "procsim trace: which command? nothing follows --\n", \
    "procsim trace: 어느 명령을 추적할까요? -- 뒤에 아무것도 없습니다\n"
#define W_TRACE_NO_PROCESS                                                      \
    "procsim trace: warning: --events at %.3f s: no process '%s' to %s; the run goes on\n", \
    "procsim trace: 경고: --events %.3f초: '%s'이(가) 없어 %s 못 함; 실행은 계속됩니다\n"
#define W_TRACE_COULD_NOT_RESUME                                                \
    "procsim trace: warning: --events at %.3f s: could not %s '%s' (it has ended, or is not " \
    "suspended); the run goes on\n",                                           \
    "procsim trace: 경고: --events %.3f초: %s 못 함: '%s' (끝났거나 보류되어 있지 않음); " \
    "실행은 계속됩니다\n"
#define W_TRACE_COULD_NOT                                                       \
    "procsim trace: warning: --events at %.3f s: could not %s '%s' (it has ended, or is " \
    "already suspended); the run goes on\n",                                   \
    "procsim trace: 경고: --events %.3f초: %s 못 함: '%s' (끝났거나 이미 보류됨); " \
    "실행은 계속됩니다\n"
#define W_TRACE_RECORD_NOMEM "procsim trace: --record: out of memory\n", \
    "procsim trace: --record: 메모리가 모자랍니다\n"
#define W_TRACE_RECORD_WRITE "procsim trace: --record: cannot write %s: %s\n", \
    "procsim trace: --record: %s을(를) 쓸 수 없습니다: %s\n"
#define W_TRACE_REPORT_INTERRUPTED "interrupted at tick %lld; every process of the tree was killed", \
    "%lld틱에서 중단되었습니다; 트리의 프로세스는 모두 강제 종료되었습니다"
#define W_TRACE_REPORT_NOMEM "out of memory at tick %lld", "%lld틱에서 메모리가 모자랍니다"
#define W_TRACE_REPORT_FAILED "the trace failed: %s", "추적 실패: %s"
#define W_TRACE_REPORT_UNEXPECTED "the trace stopped unexpectedly (status %d)", \
    "추적이 뜻밖에 멈췄습니다 (상태 %d)"
#define W_TRACE_CANNOT_WRITE "procsim trace: %scannot write %s: %s\n", \
    "procsim trace: %s%s을(를) 쓸 수 없습니다: %s\n"
#define W_TRACE_TO_MEMORY "the trace to memory", "메모리로 가는 추적"
#define W_TRACE_MESSAGE "procsim trace: %s\n", "procsim trace: %s\n"
#define W_TRACE_WRITE_TRACE "procsim trace: writing the trace failed: %s\n", \
    "procsim trace: 추적을 쓰지 못했습니다: %s\n"
#define W_TRACE_WRITE_FILE "procsim trace: writing %s failed: %s\n", \
    "procsim trace: %s을(를) 쓰지 못했습니다: %s\n"
#define W_TRACE_WRITE_OUTPUT "procsim trace: writing the output failed: %s\n", \
    "procsim trace: 출력을 쓰지 못했습니다: %s\n"
#define W_TRACE_INTERRUPTED_LINE "procsim trace: interrupted\n", "procsim trace: 중단되었습니다\n"
#define W_TRACE_NOT_FOUND "command not found", "명령을 찾을 수 없습니다"
#define W_TRACE_CPUS "procsim trace: --cpus %u: procsim may use only %d CPU%s here\n", \
    "procsim trace: --cpus %u: 여기서 procsim이 쓸 수 있는 CPU는 %d개뿐입니다%s\n"
#define W_TRACE_HEAD                                                            \
    "trace: %s\none tick = one sample of %lld ms, %d cpu%s; each transition shows [kernel " \
    "state letter, who confirmed it, when, real pid, resident set]\n\n",        \
    "추적: %s\n1틱 = 표본 간격 %lld ms, CPU %d개%s; 전이마다 [커널 상태 글자, 확인한 쪽, " \
    "시각, 실제 pid, 상주 메모리]\n\n"

/* --- lab: the handout and the key (lab.c) --- */

#define W_LAB_WORKLOAD "Workload", "작업 부하"
#define W_LAB_QUESTIONS "Questions", "질문"
#define W_LAB_KEY "Answer key", "정답"
/* the workload: one line a process, each setting a clause ending in ',' */
#define W_LAB_CHILD_OF " child of %s,", " %s의 자식,"
#define W_LAB_ARRIVES " arrives %lld,", " 도착 %lld,"
#define W_LAB_PRIORITY " priority %d,", " 우선순위 %d,"
#define W_LAB_QUEUE " queue %d,", " 큐 %d,"
#define W_LAB_TICKETS " tickets %lld,", " 티켓 %lld,"
#define W_LAB_NICE " nice %d,", " 나이스 값 %d,"
#define W_LAB_MEMORY " memory %lld,", " 메모리 %lld,"
#define W_LAB_PROGRAM " program:", " 프로그램:"
#define W_LAB_NOTHING " (nothing)", " (없음)"
#define W_LAB_EVENT "  at tick %lld: %s %s\n", "  %lld틱: %s %s\n"
#define W_LAB_NO_QUESTIONS "\n(This scenario has no questions: see docs/labs/README.md to add some.)\n", \
    "\n(이 시나리오에는 질문이 없습니다. 질문을 넣는 법은 docs/labs/README.ko.md에 있습니다.)\n"
#define W_LAB_THEN_GRADE "Write one answer per line in a file (docs/labs/README.md), then:", \
    "답을 한 줄에 하나씩 파일에 적고 (docs/labs/README.ko.md), 채점하려면:"
#define W_LAB_SEED_PICKED "procsim lab: seed %lld, picked from the time; to make this lab again:\n  %s\n", \
    "procsim lab: 시각으로 고른 시드 %lld; 이 실습을 다시 만들려면:\n  %s\n"
#define W_LAB_BY_LETTER "\n(Answer a question with options by its letter, b, or by its value.)\n", \
    "\n(선택지가 있는 질문에는 글자(b)나 값으로 답한다.)\n"
#define W_LAB_DEADLOCK "  (the run ends in a deadlock at tick %lld)\n", \
    "  (이 실행은 %lld틱에 교착 상태로 끝납니다)\n"
/* the key (lab_out.c): why there is none */
#define W_LAB_KEY_TOO_LONG "procsim: %s: the run goes past %s transitions and op events, " \
    "more than a lab's key keeps (it keeps each one to explain the answers); make the " \
    "bursts shorter or the quantum longer\n", \
    "procsim: %s: 실행의 전이와 연산 이벤트가 %s개를 넘어, 실습의 정답이 간직할 수 있는 " \
    "것보다 많습니다(정답은 답을 설명하려고 그 하나하나를 간직합니다); 버스트를 줄이거나 " \
    "퀀텀을 늘리십시오\n"
#define W_LAB_KEY_NOMEM "procsim: %s: out of memory computing the answer key\n", \
    "procsim: %s: 정답을 구하다가 메모리가 모자랐습니다\n"
#define W_LAB_KEY_RUNAWAY "procsim: no answer key: %s\n", "procsim: 정답을 구할 수 없습니다: %s\n"

/* --- lab --format html (lab_html.c) --- */

#define W_HTML_NAME "Name", "이름"
#define W_HTML_STUDENT "Student ID", "학번"
#define W_HTML_KEY "Answer key", "정답"
#define W_HTML_SYSTEM "System", "시스템"
#define W_HTML_POLICY "policy %s", "정책 %s"
#define W_HTML_QUANTUM "quantum %lld", "타임 퀀텀 %lld"
#define W_HTML_CPUS "%d CPU(s)", "CPU %d개"
#define W_HTML_MEMORY_OF "memory %lld", "메모리 %lld"
#define W_HTML_MEMORY_UNLIMITED "memory unlimited", "메모리 무제한"
#define W_HTML_SWITCH_COST "switch cost %lld", "문맥 교환 비용 %lld"
#define W_HTML_WORKLOAD "Workload", "작업 부하"
#define W_HTML_PROCESS "Process", "프로세스"
#define W_HTML_ARRIVAL "Arrival", "도착"
#define W_HTML_CHILD_OF "child of %s", "%s의 자식"
#define W_HTML_PRIORITY "Priority", "우선순위"
#define W_HTML_QUEUE "Queue", "큐"
#define W_HTML_TICKETS "Tickets", "티켓"
#define W_HTML_NICE "Nice", "나이스 값"
#define W_HTML_MEMORY "Memory", "메모리"
#define W_HTML_PROGRAM "Program", "프로그램"
#define W_HTML_NOTHING "(nothing)", "(없음)"
#define W_HTML_EVENTS "Scripted events", "예약된 사건"
#define W_HTML_EVENT_AT "at tick %lld: %s %s", "%lld틱: %s %s"
#define W_HTML_QUESTIONS "Questions", "질문"
#define W_HTML_ANSWER "Answer:", "답:"
#define W_HTML_NO_QUESTIONS "This scenario has no questions.", "이 시나리오에는 질문이 없다."
#define W_HTML_DEADLOCK "The run ends in a deadlock at tick %lld.", \
    "이 실행은 %lld틱에 교착 상태로 끝난다."
#define W_HTML_GANTT "Gantt chart", "간트 차트"
#define W_HTML_GANTT_HOW "In each tick, write the process that runs on each CPU; leave the tick " \
    "empty when the CPU is idle.", \
    "각 틱에 각 CPU에서 실행되는 프로세스를 적는다. CPU가 쉬는 틱은 비워 둔다."
#define W_HTML_STATES "State table", "상태 표"
#define W_HTML_STATES_HOW "In each tick, write each process's state just after what happens at " \
    "that tick, as these short forms:", \
    "각 틱에 그 틱에 일어난 일 직후 각 프로세스의 상태를 다음 약자로 적는다:"
#define W_HTML_TICK "tick", "틱"
#define W_HTML_COLUMN "Column t is the tick from t to t + 1.", "t 열은 t부터 t + 1까지의 틱이다."
#define W_HTML_CUT "The grids show ticks 0 to %lld; the run goes on to tick %lld.", \
    "표는 0틱부터 %lld틱까지만 보인다. 실행은 %lld틱까지 이어진다."
/* the short forms of the states for the state table, one per state */
#define W_HTML_ABBR_NEW "N", "생"
#define W_HTML_ABBR_READY "Rd", "준"
#define W_HTML_ABBR_RUNNING "Ru", "실"
#define W_HTML_ABBR_BLOCKED "Bl", "대"
#define W_HTML_ABBR_READY_SUSPENDED "RS", "보준"
#define W_HTML_ABBR_BLOCKED_SUSPENDED "BS", "보대"
#define W_HTML_ABBR_EXIT "X", "종"
#define W_HTML_FORMAT_BAD "procsim lab: --format wants text, html or pdf, got '%s'\n", \
    "procsim lab: --format에는 text, html, pdf 가운데 하나를 준다. 받은 값: '%s'\n"
#define W_HTML_OUT_NEEDS_FORMAT "procsim lab: -o writes --format html or pdf\n", \
    "procsim lab: -o는 --format html이나 pdf와 함께 쓴다\n"
#define W_HTML_PDF_NEEDS_OUT "procsim lab: --format pdf needs -o FILE.pdf\n", \
    "procsim lab: --format pdf에는 -o FILE.pdf가 필요하다\n"
#define W_HTML_CANNOT_WRITE "procsim lab: cannot write %s: %s\n", \
    "procsim lab: %s에 쓸 수 없습니다: %s\n"
#define W_HTML_NO_WEASYPRINT "procsim lab: a PDF is made by weasyprint, which is not installed " \
    "here: install it (apt-get install weasyprint), or open the --format html page in a " \
    "browser and print it\n", \
    "procsim lab: PDF는 weasyprint로 만드는데 여기에는 설치되어 있지 않다. 설치하거나 " \
    "(apt-get install weasyprint) --format html 페이지를 브라우저에서 열어 인쇄한다\n"
#define W_HTML_WEASYPRINT_FAILED "procsim lab: weasyprint failed (exit status %d); %s is not " \
    "written\n", \
    "procsim lab: weasyprint가 실패했다(종료 상태 %d). 만들지 못한 파일: %s\n"

/* --- lab --variant (variant) --- */

#define W_VAR_HAS_VARIANTS "This lab has a variant for each student (its vary: section); make one with:", \
    "이 실습은 학생마다 변형이 있습니다(vary: 절). 변형을 만드는 법:"
#define W_VAR_YOURS "Variant %s: the numbers in this handout are yours.\n" \
                    "Put this line at the top of your answers file:", \
                    "변형 %s: 이 과제의 수는 자기 것입니다.\n" \
                    "답안 파일 맨 위에 다음 줄을 적으세요:"
#define W_VAR_HEADER "variant:", "변형:" /* the answers file's header line (grade reads both) */
#define W_VAR_VALUES "Variant %s:", "변형 %s:"
#define W_VAR_AS_WRITTEN "As written (no --variant):", "파일에 적힌 대로 (--variant 없음):"
#define W_VAR_NEEDS_ID "--variant needs a student's ID", "--variant에는 학생 ID가 필요합니다"

/* --- grade (grade.c) --- */

#define W_GRADE_SCORE "score", "점수"
#define W_GRADE_RIGHT "%3u. right: %s\n", "%3u. 맞음: %s\n"
#define W_GRADE_WRONG "%3u. wrong: you answered \"%s\"; the answer is ", \
    "%3u. 틀림: 적은 답은 \"%s\", 정답은 "
#define W_GRADE_NO_ANSWER "%3u. no answer; the answer is ", "%3u. 답 없음. 정답은 "
#define W_GRADE_WHY "     why:\n", "     이유:\n"
#define W_GRADE_SCORE_LINE "score %d/%u\n", "점수 %d/%u\n"
#define W_GRADE_STUDENT_LINE "student %s\n", "학생 %s\n"
#define W_GRADE_VARIANT_LINE "variant %s\n", "변형 %s\n"
#define W_GRADE_VARIANT_WORD "variant %s", "변형 %s"
#define W_GRADE_READ_CP949 "(saved in CP949/EUC-KR, a Korean Windows editor's default: read " \
    "converted to UTF-8)", "(한국어 윈도 편집기의 기본값인 CP949/EUC-KR로 저장된 파일이라 " \
    "UTF-8로 바꾸어 읽었습니다)"
#define W_GRADE_READ_UTF16 "(saved in UTF-16: read converted to UTF-8)", \
    "(UTF-16으로 저장된 파일이라 UTF-8로 바꾸어 읽었습니다)"
#define W_GRADE_CP949_SHORT "CP949/EUC-KR", "CP949/EUC-KR"
#define W_GRADE_UTF16_SHORT "UTF-16", "UTF-16"
#define W_GRADE_NO_QUESTIONS "procsim grade: %s has no questions\n", \
    "procsim grade: %s에는 질문이 없습니다\n"
#define W_GRADE_CANNOT_READ "procsim grade: cannot read %s: %s\n", \
    "procsim grade: %s을(를) 읽을 수 없습니다: %s\n"
#define W_GRADE_NOT_REGULAR "%s: %s; an answers file is a regular file, or a pipe: procsim " \
    "grade LAB /dev/stdin < FILE", "%s: %s; 답안 파일은 보통 파일이거나 파이프여야 합니다: " \
    "procsim grade LAB /dev/stdin < FILE"
#define W_GRADE_CANNOT_READ_FILE "cannot read %s: %s", "%s을(를) 읽을 수 없습니다: %s"
#define W_GRADE_CANNOT_WRITE "procsim grade: cannot write %s: %s\n", \
    "procsim grade: %s에 쓸 수 없습니다: %s\n"
#define W_GRADE_EMPTY_FOLDER "procsim grade: %s holds no answers files\n", \
    "procsim grade: %s에 답안 파일이 없습니다\n"
#define W_GRADE_WANTS_FILE "procsim grade: %s wants a file name after it (- for stdout)\n", \
    "procsim grade: %s 뒤에 파일 이름을 주십시오(표준 출력은 -)\n"
#define W_GRADE_UNKNOWN_OPTION "procsim grade: unknown option '%s'\n", \
    "procsim grade: 알 수 없는 옵션 '%s'\n"
#define W_GRADE_VARIANT_FAILED "%s:%u:%u: variant %s: %s", "%s:%u:%u: 변형 %s: %s"
#define W_GRADE_VARIANT_QUESTIONS "this variant has %u questions, the lab as written %u", \
    "이 변형의 질문은 %u개인데 원래 실습은 %u개입니다"
#define W_GRADE_NO_KEY "no answer key for this variant", "이 변형의 정답을 구하지 못했습니다"
#define W_GRADE_FILES "%zu answers files: %zu graded, %zu not graded\n", \
    "답안 파일 %zu개: 채점 %zu개, 채점하지 못함 %zu개\n"
#define W_GRADE_STUDENTS "Students", "학생별 점수"
#define W_GRADE_COL_STUDENT "student", "학생"
#define W_GRADE_COL_SCORE "score", "점수"
#define W_GRADE_COL_FILE "file", "파일"
#define W_GRADE_NOT_GRADED "Not graded", "채점하지 못한 파일"
#define W_GRADE_SAME_STUDENT "  student %s answers in more than one file: %s, %s\n", \
    "  학생 %s의 답안 파일이 여럿입니다: %s, %s\n"
#define W_GRADE_QUESTIONS "Questions: answered right, of %zu graded\n", \
    "질문별 정답률 (채점한 %zu개 가운데)\n"
#define W_GRADE_SCORES "Scores\n", "점수 분포\n"
#define W_GRADE_AVERAGE "average %.2f of %u, median %.1f\n", "평균 %.2f점 (만점 %u), 중앙값 %.1f점\n"
#define W_GRADE_NONE_GRADED "no file could be graded\n", "채점한 파일이 없습니다\n"
#define W_GRADE_FEEDBACK_IN_CLASS "procsim grade: --feedback %s is a folder of the answers " \
    "files; give another\n", "procsim grade: --feedback %s은(는) 답안 파일이 있는 폴더입니다. " \
    "다른 폴더를 주십시오\n"
#define W_GRADE_FEEDBACK_SAME_NAME "procsim grade: --feedback: %s and %s have one name; " \
    "their feedback would be one file\n", "procsim grade: --feedback: %s와(과) %s의 이름이 " \
    "같아서 피드백이 한 파일에 겹칩니다\n"
#define W_GRADE_CSV_IS_ANSWERS "procsim grade: --csv %s would write over an answers file\n", \
    "procsim grade: --csv %s에 쓰면 답안 파일을 덮어씁니다\n"

#endif
