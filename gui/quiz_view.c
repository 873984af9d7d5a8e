/* quiz_view.c — the quiz on screen (quiz.h has the logic): turning it on
 * and off, the question over the diagram, answering by clicking a state,
 * the score in the corner, and the summary at the end, which W saves. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "draw.h"

#define T(en, ko) (a->lang == GUI_KO ? (ko) : (en))

static SDL_Color col(unsigned rgb) { return gui_rgba(rgb, 255); }

static const char *pname(const gui_app *a, uint32_t pid)
{
    return a->sim.s->procs[pid - 1].name;
}

int gui_quiz_begin(gui_app *a, uint32_t pid)
{
    if (a->sim.trace_mode) {
        gui_say(a, 1, "%s", gui_word_text(GUI_W_TRACE_NO_QUIZ, a->lang));
        return -1;
    }
    if (a->sim.live) {
        gui_say(a, 1, "%s", T("the quiz needs a model run (without --live)",
                              "퀴즈는 모델 실행에서만 됩니다 (--live 없이)"));
        return -1;
    }
    if (!a->sim.e || pid < 1 || pid > a->sim.s->nprocs || gui_sim_quiz_sync(&a->sim, pid)) {
        gui_say(a, 1, "%s", T("cannot start the quiz", "퀴즈를 시작할 수 없습니다"));
        return -1;
    }
    a->selected = pid;
    gui_say(a, 0, T("Quiz: following %s. Before each of its transitions, click the state it "
                    "goes to next.", "퀴즈: %s 프로세스를 따라갑니다. 전이마다 다음 상태를 클릭하세요."),
            pname(a, pid));
    return 0;
}

void gui_quiz_toggle(gui_app *a)
{
    if (a->quiz.on)
        gui_sim_quiz_stop(&a->sim);
    else
        gui_quiz_begin(a, a->selected ? a->selected : 1);
}

/* "tick 4: P1 Ready -> Running (dispatch: rr picks it for cpu 0)" */
static void transition_text(const gui_app *a, const ps_trace_event *ev, char *buf, size_t size)
{
    char cause[160];
    gui_cause_text(a->sim.e, ev, a->lang, cause, sizeof cause);
    snprintf(buf, size, "%s %lld: %s %s -> %s (%s)", gui_word_text(GUI_W_TICK, a->lang),
             (long long)ev->time, pname(a, ev->pid), gui_state_text((ps_state)ev->from, a->lang),
             gui_state_text((ps_state)ev->to, a->lang), cause);
}

int gui_quiz_click(gui_app *a, float x, float y)
{
    if (!gui_quiz_question(&a->quiz))
        return 0;
    /* a question is coming: a click is an answer only once it is shown */
    const ps_trace_event *q = gui_sim_quiz_question(&a->sim);
    for (int s = 0; q && s < PS_STATE_COUNT; s++) {
        if (!gui_rect_hit(a->L.node[s], x, y))
            continue;
        char what[400];
        ps_trace_event ev = *q;
        /* the diagram then moves to the answer's instant, under the feedback */
        int right = gui_sim_quiz_answer(&a->sim, (ps_state)s);
        transition_text(a, &ev, what, sizeof what);
        if (right)
            gui_say(a, 0, "%s %s", T("Right!", "정답!"), what);
        else
            gui_say(a, 1, "%s %s. %s", T("Not", "오답:"), gui_state_text((ps_state)s, a->lang),
                    what);
        return 1;
    }
    return 1; /* a question is open: other clicks on the diagram do nothing */
}

static void summary_line(const gui_app *a, const gui_quiz_item *it, char *buf, size_t size)
{
    char what[400];
    transition_text(a, &it->ev, what, sizeof what);
    if (it->right)
        snprintf(buf, size, "+ %s", what);
    else
        snprintf(buf, size, "- %s; %s %s", what, T("you said", "답:"),
                 gui_state_text((ps_state)it->given, a->lang));
}

void gui_quiz_save(gui_app *a)
{
    if (!a->quiz.nitems)
        return;
    char path[64], line[600];
    time_t t = time(NULL);
    strftime(path, sizeof path, "procsim-quiz-%Y%m%d-%H%M%S.txt", localtime(&t));
    FILE *f = fopen(path, "w");
    if (!f) {
        gui_say(a, 1, "%s: %s", path, T("cannot write", "쓸 수 없습니다"));
        return;
    }
    fprintf(f, "%s\n%s %s: %u/%zu\n", a->sim.s->title, T("quiz, following", "퀴즈, 따라간 프로세스"),
            pname(a, a->quiz.follow), gui_quiz_right(&a->quiz), a->quiz.nitems);
    for (size_t i = 0; i < a->quiz.nitems; i++) {
        summary_line(a, &a->quiz.items[i], line, sizeof line);
        fprintf(f, "%s\n", line);
    }
    if (fclose(f))
        gui_say(a, 1, "%s: %s", path, T("cannot write", "쓸 수 없습니다"));
    else
        gui_say(a, 0, "%s %s", gui_word_text(GUI_W_SAVED, a->lang), path);
}

static void prompt(gui_app *a, const ps_trace_event *q)
{
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
    const gui_rect *d = &a->L.diagram;
    gui_rect box = {d->x + 8 * sc, d->y + d->h - 2.6f * lh, d->w - 16 * sc, 2.4f * lh};
    gui_fill(a->ren, box, gui_rgba(0x2b2140, 235));
    gui_frame(a->ren, box, col(0xb39ddb), 1.5f * sc);
    char text[300];
    snprintf(text, sizeof text, T("Quiz: at tick %3$lld, %1$s (now %2$s) changes state. "
                                  "Which state does it go to? Click it.",
                                  "퀴즈: %3$lld틱에 %1$s (지금 %2$s)의 상태가 바뀝니다. 다음 "
                                  "상태를 클릭하세요."),
             pname(a, q->pid), gui_state_text((ps_state)q->from, a->lang), (long long)q->time);
    gui_text_draw(a->text, text, GUI_NORMAL, col(0xfff59d), (int)(box.x + 10 * sc),
                  (int)(box.y + 0.2f * lh));
    snprintf(text, sizeof text, T("score %u of %zu so far", "지금까지 %2$zu문제 중 %1$u개 정답"),
             gui_quiz_right(&a->quiz), a->quiz.nitems);
    gui_text_draw(a->text, text, GUI_SMALL, col(GUI_DIM), (int)(box.x + 10 * sc),
                  (int)(box.y + 1.25f * lh));
}

static void summary(gui_app *a)
{
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
    size_t shown = a->quiz.nitems < 14 ? a->quiz.nitems : 14;
    gui_rect box = {a->L.w * 0.12f, a->L.h * 0.14f, a->L.w * 0.76f, lh * ((float)shown + 5)};
    gui_fill(a->ren, box, gui_rgba(0x101318, 240));
    gui_frame(a->ren, box, col(0xb39ddb), 1.5f * sc);
    char text[600];
    snprintf(text, sizeof text, T("Quiz over: %u of %zu right, following %s",
                                  "퀴즈 끝: %2$zu문제 중 %1$u개 정답 (%3$s)"),
             gui_quiz_right(&a->quiz), a->quiz.nitems, pname(a, a->quiz.follow));
    float y = box.y + 10 * sc;
    gui_text_draw(a->text, text, GUI_LARGE, col(0xfff59d), (int)(box.x + 14 * sc), (int)y);
    y += lh * 1.8f;
    size_t first = a->quiz.nitems - shown; /* the last ones */
    for (size_t i = first; i < a->quiz.nitems; i++, y += lh) {
        summary_line(a, &a->quiz.items[i], text, sizeof text);
        gui_text_draw(a->text, text, GUI_NORMAL, col(a->quiz.items[i].right ? 0x9ccc65 : 0xef9a9a),
                      (int)(box.x + 14 * sc), (int)y);
    }
    gui_text_draw(a->text, T("W saves this summary; Q ends the quiz; R plays again",
                             "W: 요약 저장, Q: 퀴즈 끝내기, R: 다시 하기"),
                  GUI_SMALL, col(GUI_DIM), (int)(box.x + 14 * sc), (int)(y + 0.4f * lh));
}

void gui_view_quiz(gui_app *a)
{
    if (!a->quiz.on || !a->sim.e)
        return;
    const ps_trace_event *q = gui_sim_quiz_question(&a->sim);
    if (q)
        prompt(a, q);
    else if (!gui_quiz_question(&a->quiz) && gui_sim_done(&a->sim) && a->quiz.nitems)
        summary(a);
}
