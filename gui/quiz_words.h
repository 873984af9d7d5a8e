/* quiz_words.h — what the quiz says, with no SDL (quiz_view.c shows it,
 * tests read it): the feedback on an answer, with the transition's cause
 * as the event log words it, and the summary the student saves, their
 * name on its first line; and the question it asks.
 *
 *   Right: it goes to Blocked: io disk 2
 *   You chose Ready; it goes to Blocked: io disk 2
 */
#ifndef PROCSIM_GUI_QUIZ_WORDS_H
#define PROCSIM_GUI_QUIZ_WORDS_H

#include <stddef.h>

#include "i18n.h"
#include "quiz.h"

#define GUI_STUDENT_MAX 64 /* bytes of a student's name, NUL included */

/* The feedback on answering `given` to the question `ev` (a transition of
 * engine e's run) in `lang`, "tick 4, P1: " first.  Returns buf. */
char *gui_quiz_feedback(const ps_engine *e, const ps_trace_event *ev, ps_state given,
                        gui_lang lang, char *buf, size_t size);

/* The question `ev` asks of process `name`, while engine e (the run
 * shown) is still before it, in `lang`: at which tick it changes and from
 * what, in the PCB's words for a process e has not created yet.  Returns
 * buf.
 *
 *   Quiz: at tick 4, P1 (now Running) changes state. Which state does it go to? Click it.
 *   Quiz: browser (not created yet) is created at tick 1. Which state does it go to? Click it.
 */
char *gui_quiz_prompt(const ps_engine *e, const ps_trace_event *ev, const char *name,
                      gui_lang lang, char *buf, size_t size);

/* Write the quiz q's summary of the run of e (scenario titled `title`) to
 * `path` in `lang`: the student's name first (none if student is NULL or
 * ""), the score, then a line per question ("+" right, "-" wrong, with
 * its feedback).  Returns 0, or -1 if the file cannot be written. */
int gui_quiz_write_summary(const char *path, const gui_quiz *q, const ps_engine *e,
                           const char *title, const char *student, gui_lang lang);

#endif
