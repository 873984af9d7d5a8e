/* quiz_words.c — see quiz_words.h. */
#include "quiz_words.h"

#include <stdio.h>

#include "utf8.h"

#define T(en, ko) (lang == GUI_KO ? (ko) : (en))

char *gui_quiz_feedback(const ps_engine *e, const ps_trace_event *ev, ps_state given,
                        gui_lang lang, char *buf, size_t size)
{
    char cause[GUI_NAME_BUF + 256];
    gui_cause_text(e, ev, lang, cause, sizeof cause);
    const char *to = gui_state_text((ps_state)ev->to, lang), *name = ps_engine_pcb(e, ev->pid)->name;
    long long at = (long long)ev->time;
    if (given == (ps_state)ev->to)
        snprintf(buf, size, T("tick %lld, %s: Right: it goes to %s: %s",
                              "%lld틱, %s: 정답: %s 상태로 갑니다: %s"), at, name, to, cause);
    else
        snprintf(buf, size, T("tick %lld, %s: You chose %s; it goes to %s: %s",
                              "%lld틱, %s: %s 상태를 골랐지만, 실제로는 %s 상태로 갑니다: %s"),
                 at, name, gui_state_text(given, lang), to, cause);
    return gui_utf8_trim(buf); /* cut at a character where buf is short */
}

char *gui_quiz_prompt(const ps_engine *e, const ps_trace_event *ev, const char *name,
                      gui_lang lang, char *buf, size_t size)
{
    long long at = (long long)ev->time;
    if (!ps_engine_pcb(e, ev->pid)->created) /* the PCB's "not yet created", not "now New" */
        snprintf(buf, size, T("Quiz: %1$s (not created yet) is created at tick %2$lld. "
                              "Which state does it go to? Click it.",
                              "퀴즈: %1$s (아직 생성되지 않음)는 %2$lld틱에 생성됩니다. 어느 "
                              "상태로 갈까요? 클릭하세요."),
                 name, at);
    else
        snprintf(buf, size, T("Quiz: at tick %3$lld, %1$s (now %2$s) changes state. "
                              "Which state does it go to? Click it.",
                              "퀴즈: %3$lld틱에 %1$s (지금 %2$s)의 상태가 바뀝니다. 다음 "
                              "상태를 클릭하세요."),
                 name, gui_state_text((ps_state)ev->from, lang), at);
    return gui_utf8_trim(buf);
}

int gui_quiz_write_summary(const char *path, const gui_quiz *q, const ps_engine *e,
                           const char *title, const char *student, gui_lang lang)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    if (student && *student)
        fprintf(f, "%s %s\n", T("student:", "학생:"), student);
    fprintf(f, "%s\n", title);
    fprintf(f, T("quiz, following %1$s: %2$u of %3$zu right\n",
              "퀴즈, 따라간 프로세스 %1$s: %3$zu문제 중 %2$u개 정답\n"),
            ps_engine_pcb(e, q->follow)->name, gui_quiz_right(q), q->nitems);
    for (size_t i = 0; i < q->nitems; i++) {
        char line[GUI_TEXT_MAX];
        const gui_quiz_item *it = &q->items[i];
        fprintf(f, "%c %s\n", it->right ? '+' : '-',
                gui_quiz_feedback(e, &it->ev, (ps_state)it->given, lang, line, sizeof line));
    }
    return fclose(f) ? -1 : 0;
}
