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
 * writes it. */
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

/* --- run, check: the text view (out_text.c, run.c, describe) --- */

#define W_RUN_STATISTICS "Statistics", "통계"

/* --- compare (compare.c, compare_out.c) --- */

#define W_CMP_POLICY "policy", "정책"

/* --- trace (trace.c) --- */

#define W_TRACE_INTERRUPTED "interrupted", "중단되었습니다"

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
    "procsim lab: %s에 쓸 수 없다: %s\n"
#define W_HTML_NO_WEASYPRINT "procsim lab: a PDF is made by weasyprint, which is not installed " \
    "here: install it (apt-get install weasyprint), or open the --format html page in a " \
    "browser and print it\n", \
    "procsim lab: PDF는 weasyprint로 만드는데 여기에는 설치되어 있지 않다. 설치하거나 " \
    "(apt-get install weasyprint) --format html 페이지를 브라우저에서 열어 인쇄한다\n"
#define W_HTML_WEASYPRINT_FAILED "procsim lab: weasyprint failed (exit status %d); %s is not " \
    "written\n", \
    "procsim lab: weasyprint가 실패했다(종료 상태 %d). 만들지 못한 파일: %s\n"

/* --- lab --variant (variant) --- */

#define W_VAR_VARIANT "Variant", "변형"

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
#define W_GRADE_CANNOT_READ_FILE "cannot read %s: %s", "%s을(를) 읽을 수 없습니다: %s"
#define W_GRADE_CANNOT_WRITE "procsim grade: cannot write %s: %s\n", \
    "procsim grade: %s에 쓸 수 없습니다: %s\n"
#define W_GRADE_EMPTY_FOLDER "procsim grade: %s holds no answers files\n", \
    "procsim grade: %s에 답안 파일이 없습니다\n"
#define W_GRADE_WANTS_FILE "procsim grade: %s wants a file name after it (- for stdout)\n", \
    "procsim grade: %s 뒤에 파일 이름을 주십시오(표준 출력은 -)\n"
#define W_GRADE_UNKNOWN_OPTION "procsim grade: unknown option '%s'\n", \
    "procsim grade: 알 수 없는 옵션 '%s'\n"
#define W_GRADE_VARIANT_FAILED "%s: variant %s: %s", "%s: 변형 %s: %s"
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
