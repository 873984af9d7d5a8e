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

/* --- lab --format html (lab_html.c) --- */

#define W_HTML_NAME "Name", "이름"

/* --- lab --variant (variant) --- */

#define W_VAR_HAS_VARIANTS "This lab has a variant for each student (its vary: section); make one with:", \
    "이 실습은 학생마다 변형이 있습니다(vary: 절). 변형을 만드는 법:"
#define W_VAR_YOURS "Variant %s: the numbers in this handout are yours.\n" \
                    "Put this line at the top of your answers file:", \
                    "변형 %s: 이 과제의 수는 자기 것입니다.\n" \
                    "답안 파일 맨 위에 다음 줄을 적으세요:"
#define W_VAR_HEADER "variant:", "변형:" /* the answers file's header line (grade reads both) */
#define W_VAR_VALUES "Variant %s:", "변형 %s:"
#define W_VAR_AS_WRITTEN "As written (no --variant):", "파일에 적힌 대로(--variant 없음):"
#define W_VAR_NEEDS_ID "--variant needs a student's ID", "--variant에는 학생 ID가 필요합니다"

/* --- grade (grade.c) --- */

#define W_GRADE_SCORE "score", "점수"

#endif
