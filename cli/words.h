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

/* --- lab --variant (variant) --- */

#define W_VAR_VARIANT "Variant", "변형"

/* --- grade (grade.c) --- */

#define W_GRADE_SCORE "score", "점수"

#endif
