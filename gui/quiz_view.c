/* quiz_view.c — the quiz on screen (quiz.h has the logic): turning it on
 * and off, the question over the diagram, answering by clicking a state,
 * the score in the corner, and the summary at the end, which W saves. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "draw.h"
#include "quiz_words.h"

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
        gui_quiz_feedback(a->sim.e, &ev, (ps_state)s, a->lang, what, sizeof what);
        gui_say(a, !right, "%s", what);
        return 1;
    }
    return 1; /* a question is open: other clicks on the diagram do nothing */
}

/* The student's name: --student, else the one typed in the window ("":
 * none yet). */
static const char *student(const gui_app *a)
{
    return a->student[0] ? a->student : a->opt.student ? a->opt.student : "";
}

static void save_now(gui_app *a)
{
    char path[64];
    time_t t = time(NULL);
    strftime(path, sizeof path, "procsim-quiz-%Y%m%d-%H%M%S.txt", localtime(&t));
    if (gui_quiz_write_summary(path, &a->quiz, a->sim.e, a->sim.s->title, student(a), a->lang))
        gui_say(a, 1, "%s: %s", path, T("cannot write", "쓸 수 없습니다"));
    else
        gui_saved(a, path);
}

/* W: the summary saved, the name asked first the first time if the
 * command line gave none (a window is needed to ask: headless saves with
 * no name). */
void gui_quiz_save(gui_app *a)
{
    if (!a->quiz.nitems)
        return;
    if (!student(a)[0] && !a->name_asked && a->win) {
        a->naming = 1;
        a->name_edit[0] = 0;
        SDL_StartTextInput();
        /* the W that opened the box comes as text too, queued with its key */
        SDL_FlushEvents(SDL_TEXTEDITING, SDL_TEXTINPUT);
        return;
    }
    save_now(a);
}

/* The end of the name overlay: asked once, whatever the answer. */
static void name_done(gui_app *a)
{
    a->naming = 0;
    a->name_asked = 1;
    a->name_edit[0] = 0;
    SDL_StopTextInput();
    save_now(a);
}

int gui_quiz_name_key(gui_app *a, SDL_Keycode k)
{
    if (!a->naming)
        return 0;
    size_t n = strlen(a->student);
    if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
        name_done(a);
    } else if (k == SDLK_ESCAPE) {
        a->student[0] = 0; /* skipped: saved with no name */
        name_done(a);
    } else if (k == SDLK_BACKSPACE && n && !a->name_edit[0]) {
        while (n > 0 && ((unsigned char)a->student[--n] & 0xC0) == 0x80)
            ; /* back to the first byte of the last character */
        a->student[n] = 0;
    }
    return 1; /* every key goes to the name while it is asked */
}

void gui_quiz_name_text(gui_app *a, const char *utf8, int editing)
{
    if (!a->naming)
        return;
    if (editing) { /* an IME's composition, not committed yet (Hangul) */
        snprintf(a->name_edit, sizeof a->name_edit, "%s", utf8);
        return;
    }
    a->name_edit[0] = 0;
    size_t n = strlen(a->student), add = strlen(utf8);
    if (n + add < sizeof a->student) /* whole characters only: SDL sends them whole */
        memcpy(a->student + n, utf8, add + 1);
}

static void name_box(gui_app *a)
{
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
    gui_rect box = {a->L.w * 0.25f, a->L.h * 0.35f, a->L.w * 0.5f, lh * 4.6f};
    gui_fill(a->ren, box, gui_rgba(0x101318, 245));
    gui_frame(a->ren, box, col(0xb39ddb), 1.5f * sc);
    float x = box.x + 14 * sc, y = box.y + 10 * sc;
    gui_text_draw(a->text, T("Your name for the quiz summary:", "퀴즈 요약에 적을 이름:"), GUI_NORMAL,
                  col(0xfff59d), (int)x, (int)y);
    y += lh * 1.3f;
    gui_rect field = {x, y, box.w - 28 * sc, lh * 1.2f};
    gui_fill(a->ren, field, col(0x262b34));
    char shown[GUI_STUDENT_MAX + 48];
    int blink = (int)(a->now * 2) % 2 == 0;
    snprintf(shown, sizeof shown, "%s%s%s", a->student, a->name_edit, blink ? "|" : "");
    gui_text_fit(a->text, shown, sizeof shown, GUI_NORMAL, field.w - 12 * sc);
    gui_text_draw(a->text, shown, GUI_NORMAL, col(GUI_TEXT), (int)(x + 6 * sc), (int)(y + 0.1f * lh));
    y += lh * 1.5f;
    gui_text_draw(a->text, T("Enter saves; Esc saves with no name", "Enter: 저장, Esc: 이름 없이 저장"),
                  GUI_SMALL, col(GUI_DIM), (int)x, (int)y);
}

static void prompt(gui_app *a, const ps_trace_event *q)
{
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
    const gui_rect *d = &a->L.diagram;
    gui_rect box = {d->x + 8 * sc, d->y + d->h - 2.6f * lh, d->w - 16 * sc, 2.4f * lh};
    gui_fill(a->ren, box, gui_rgba(0x2b2140, 235));
    gui_frame(a->ren, box, col(0xb39ddb), 1.5f * sc);
    char text[GUI_NAME_BUF + 200];
    gui_quiz_prompt(a->sim.e, q, pname(a, q->pid), a->lang, text, sizeof text);
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
    gui_rect box = {a->L.w * 0.12f, a->L.h * 0.14f, a->L.w * 0.76f, lh * ((float)shown + 6.2f)};
    gui_fill(a->ren, box, gui_rgba(0x101318, 240));
    gui_frame(a->ren, box, col(0xb39ddb), 1.5f * sc);
    char text[600];
    snprintf(text, sizeof text, T("Quiz over: %u of %zu right, following %s",
                                  "퀴즈 끝: %2$zu문제 중 %1$u개 정답 (%3$s)"),
             gui_quiz_right(&a->quiz), a->quiz.nitems, pname(a, a->quiz.follow));
    gui_text_fit(a->text, text, sizeof text, GUI_LARGE, box.w - 28 * sc);
    float y = box.y + 10 * sc;
    gui_text_draw(a->text, text, GUI_LARGE, col(0xfff59d), (int)(box.x + 14 * sc), (int)y);
    y += lh * 1.8f;
    if (student(a)[0]) { /* whose summary it is */
        snprintf(text, sizeof text, "%s %s", T("student:", "학생:"), student(a));
        gui_text_fit(a->text, text, sizeof text, GUI_NORMAL, box.w - 28 * sc);
        gui_text_draw(a->text, text, GUI_NORMAL, col(GUI_TEXT), (int)(box.x + 14 * sc), (int)y);
        y += lh * 1.2f;
    }
    size_t first = a->quiz.nitems - shown; /* the last ones */
    for (size_t i = first; i < a->quiz.nitems; i++, y += lh) {
        const gui_quiz_item *it = &a->quiz.items[i];
        char what[560];
        gui_quiz_feedback(a->sim.e, &it->ev, (ps_state)it->given, a->lang, what, sizeof what);
        snprintf(text, sizeof text, "%c %s", it->right ? '+' : '-', what);
        gui_text_fit(a->text, text, sizeof text, GUI_NORMAL, box.w - 28 * sc);
        gui_text_draw(a->text, text, GUI_NORMAL, col(a->quiz.items[i].right ? 0x9ccc65 : 0xef9a9a),
                      (int)(box.x + 14 * sc), (int)y);
    }
    gui_text_draw(a->text, T("W saves this summary; Q ends the quiz; R plays again",
                             "W: 요약 저장, Q: 퀴즈 끝내기, R: 다시 하기"),
                  GUI_SMALL, col(GUI_DIM), (int)(box.x + 14 * sc), (int)(y + 0.4f * lh));
}

void gui_view_quiz(gui_app *a)
{
    const ps_trace_event *q = a->quiz.on && a->sim.e ? gui_sim_quiz_question(&a->sim) : NULL;
    if (q)
        prompt(a, q);
    else if (a->quiz.on && a->sim.e && !gui_quiz_question(&a->quiz) && gui_sim_done(&a->sim) &&
             a->quiz.nitems)
        summary(a);
    if (a->naming) /* over the summary it names */
        name_box(a);
}
