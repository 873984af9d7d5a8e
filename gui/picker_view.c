/* picker_view.c — the Open dialog on screen: picker.h's rows drawn in a
 * box over the window (a section's heading, folders, scenarios with their
 * titles), and the keys, clicks and wheel that move through them.  The
 * shipped scenarios' folder is the command line's to find
 * (gui_options.shipped). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "draw.h"

#define T(en, ko) (a->lang == GUI_KO ? (ko) : (en))

static SDL_Color col(unsigned rgb) { return gui_rgba(rgb, 255); }

void gui_picker_setup(gui_app *a)
{
    char cwd[PATH_MAX], recent[GUI_PICK_PATH];
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, ".");
    gui_recent_path(getenv("XDG_STATE_HOME"), getenv("HOME"), recent, sizeof recent);
    gui_picker_init(&a->picker, a->opt.shipped ? a->opt.shipped : "", cwd, recent);
    a->picker.lang = gui_ps_lang(a->lang);
}

void gui_picker_toggle(gui_app *a)
{
    gui_picker *p = &a->picker;
    a->show_picker = !a->show_picker;
    if (!a->show_picker)
        return;
    /* read again: files come and go while the window is open */
    if (!p->dir[0] || gui_picker_enter(p, p->dir))
        gui_picker_home(p);
    gui_picker_select(p, a->sim.path, a->pick_shown); /* the scenario shown, if listed */
}

/* ---- input -------------------------------------------------------------------- */

static void choose(gui_app *a, int i)
{
    const char *path = gui_picker_choose(&a->picker, i);
    if (path && gui_open_file(a, path) == 0)
        a->show_picker = 0;
    else if (!path && a->picker.err[0])
        gui_say(a, 1, "%s", a->picker.err);
}

int gui_picker_key(gui_app *a, SDL_Keycode k)
{
    gui_picker *p = &a->picker;
    int page = a->pick_shown > 1 ? a->pick_shown - 1 : 1;
    switch (k) {
    case SDLK_UP: gui_picker_move(p, -1, a->pick_shown); return 1;
    case SDLK_DOWN: gui_picker_move(p, 1, a->pick_shown); return 1;
    case SDLK_PAGEUP: gui_picker_move(p, -page, a->pick_shown); return 1;
    case SDLK_PAGEDOWN: gui_picker_move(p, page, a->pick_shown); return 1;
    case SDLK_HOME: gui_picker_move(p, -p->nrows, a->pick_shown); return 1;
    case SDLK_END: gui_picker_move(p, p->nrows, a->pick_shown); return 1;
    case SDLK_RETURN: case SDLK_KP_ENTER: choose(a, p->sel); return 1;
    case SDLK_BACKSPACE:
        if (gui_picker_up(p))
            gui_say(a, 1, "%s", p->err);
        return 1;
    case SDLK_ESCAPE: a->show_picker = 0; return 1;
    default: return 0;
    }
}

int gui_picker_click(gui_app *a, float x, float y)
{
    if (!gui_rect_hit(a->pick_box, x, y)) {
        a->show_picker = 0; /* a click beside the dialog closes it */
        return 1;
    }
    for (int i = 0; i < a->pick_shown; i++)
        if (gui_rect_hit(a->pick_row[i], x, y)) {
            choose(a, a->picker.top + i);
            break;
        }
    return 1;
}

void gui_picker_wheel(gui_app *a, int dy)
{
    gui_picker_scroll(&a->picker, dy * 3, a->pick_shown);
}

/* ---- drawing -------------------------------------------------------------------- */

/* `path` cut from the left, folder by folder ("…/labs"), to w pixels. */
static void fit_path(gui_app *a, char *path, size_t size, gui_font_size fs, float w)
{
    int tw, th;
    char cut[GUI_PICK_PATH + 8];
    const char *rest = path;
    gui_text_measure(a->text, path, fs, &tw, &th);
    while ((float)tw > w) {
        const char *slash = strchr(rest + 1, '/');
        if (!slash) /* one folder left: cut its end */
            break;
        rest = slash;
        snprintf(cut, sizeof cut, "\xe2\x80\xa6%s", rest);
        gui_text_measure(a->text, cut, fs, &tw, &th);
    }
    if (rest != path)
        snprintf(path, size, "%s", cut);
    gui_text_fit(a->text, path, size, fs, w);
}

static void heading(gui_app *a, const gui_pick_row *r, int last, float x, float y, float w)
{
    const char *what = r->section == GUI_PICK_SHIPPED ? T("Scenarios shipped with procsim",
                                                          "procsim에 들어 있는 시나리오")
                       : r->section == GUI_PICK_CWD ? T("Working directory", "작업 디렉터리")
                                                    : T("Recent files", "최근 파일");
    char where[GUI_PICK_PATH + 80];
    if (r->section == GUI_PICK_SHIPPED && !r->path[0])
        snprintf(where, sizeof where, "%s", T("not found (set PROCSIM_SCENARIOS to their folder)",
                                              "찾지 못함 (PROCSIM_SCENARIOS에 폴더를 지정하세요)"));
    else if (r->section == GUI_PICK_RECENT && last)
        snprintf(where, sizeof where, "%s", T("none yet", "아직 없음"));
    else
        snprintf(where, sizeof where, "%s", r->path);
    int drawn = gui_text_draw(a->text, what, GUI_SMALL, col(0xfff59d), (int)x, (int)y);
    float gap = 12 * a->L.scale;
    fit_path(a, where, sizeof where, GUI_SMALL, w - (float)drawn - gap);
    gui_text_draw(a->text, where, GUI_SMALL, col(GUI_DIM), (int)(x + (float)drawn + gap), (int)y);
}

/* The widest name among the rows shown, at most `most` pixels. */
static float name_column(gui_app *a, int from, int to, float most)
{
    float w = 0;
    for (int i = from; i < to; i++) {
        int tw, th;
        gui_text_measure(a->text, a->picker.row[i].name, GUI_NORMAL, &tw, &th);
        w = (float)tw > w ? (float)tw : w;
    }
    return w < most ? w : most;
}

static void row(gui_app *a, const gui_pick_row *r, int last, gui_rect at, float name_w)
{
    float sc = a->L.scale, x = at.x + 14 * sc, lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
    float y = at.y + (at.h - lh) / 2;
    char name[300], title[240];
    switch (r->kind) {
    case GUI_PICK_HEADING: heading(a, r, last, at.x + 6 * sc, y + 2 * sc, at.w - 12 * sc); return;
    case GUI_PICK_HOME:
        snprintf(name, sizeof name, "\xe2\x86\x90 %s", T("Start: shipped, working directory, recent",
                                                          "처음: 들어 있는 것, 작업 디렉터리, 최근"));
        break;
    case GUI_PICK_UP: snprintf(name, sizeof name, ".. %s", T("(the folder above)", "(위 폴더)")); break;
    case GUI_PICK_DIR:
    case GUI_PICK_FILE: snprintf(name, sizeof name, "%s", r->name); break;
    }
    SDL_Color fg = col(r->kind == GUI_PICK_FILE ? GUI_TEXT : 0x8fc1ff);
    if (r->kind == GUI_PICK_FILE || r->kind == GUI_PICK_DIR)
        gui_text_fit(a->text, name, sizeof name, GUI_NORMAL, name_w);
    else
        gui_text_fit(a->text, name, sizeof name, GUI_NORMAL, at.w - 28 * sc);
    gui_text_draw(a->text, name, GUI_NORMAL, fg, (int)x, (int)y);
    if (r->kind == GUI_PICK_FILE && r->title[0]) {
        float tx = x + name_w + 18 * sc;
        snprintf(title, sizeof title, "%s", r->title);
        gui_text_fit(a->text, title, sizeof title, GUI_SMALL, at.x + at.w - tx - 14 * sc);
        int tw, th;
        gui_text_measure(a->text, title, GUI_SMALL, &tw, &th);
        gui_text_draw(a->text, title, GUI_SMALL, col(GUI_DIM), (int)tx, (int)(at.y + (at.h - (float)th) / 2));
    }
}

/* The dialog's title, where it is, and the keys: three lines from *y. */
static void top_lines(gui_app *a, gui_rect box, float *y)
{
    float sc = a->L.scale, x = box.x + 14 * sc, w = box.w - 28 * sc;
    char where[GUI_PICK_PATH];
    gui_text_draw(a->text, T("Open a scenario", "시나리오 열기"), GUI_LARGE, col(0xfff59d), (int)x, (int)*y);
    *y += (float)gui_text_line_height(a->text, GUI_LARGE) * 1.1f;
    snprintf(where, sizeof where, "%s", a->picker.dir[0] ? a->picker.dir
                                        : T("Start page", "처음 화면"));
    fit_path(a, where, sizeof where, GUI_NORMAL, w);
    gui_text_draw(a->text, where, GUI_NORMAL, col(GUI_TEXT), (int)x, (int)*y);
    *y += (float)gui_text_line_height(a->text, GUI_NORMAL) * 1.2f;
    char keys[300];
    snprintf(keys, sizeof keys, "%s", T("Up/Down, PgUp/PgDn, wheel: move   Enter or click: open   "
                                        "Backspace: folder above   Esc: close",
                                        "위/아래, PgUp/PgDn, 휠: 이동   Enter 또는 누르기: 열기   "
                                        "Backspace: 위 폴더   Esc: 닫기"));
    gui_text_fit(a->text, keys, sizeof keys, GUI_SMALL, w);
    gui_text_draw(a->text, keys, GUI_SMALL, col(GUI_DIM), (int)x, (int)*y);
    *y += (float)gui_text_line_height(a->text, GUI_SMALL) * 1.6f;
}

void gui_view_picker(gui_app *a)
{
    gui_picker *p = &a->picker;
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
    float bottom_bar = lh + 16 * sc; /* the message line stays readable below */
    gui_rect box = {a->L.w * 0.12f, a->L.toolbar.h + 6 * sc, a->L.w * 0.76f, 0};
    box.h = a->L.h - box.y - bottom_bar;
    a->pick_box = box;
    gui_fill(a->ren, box, gui_rgba(0x101318, 248));
    gui_frame(a->ren, box, col(0x6d7684), 1 * sc);
    float y = box.y + 10 * sc, rh = lh * 1.35f;
    top_lines(a, box, &y);
    int fit = (int)((box.y + box.h - 8 * sc - y) / rh);
    a->pick_shown = fit < 0 ? 0 : fit < GUI_PICK_SHOWN ? fit : GUI_PICK_SHOWN;
    gui_picker_scroll(p, 0, a->pick_shown); /* the window may have shrunk */
    int end = p->top + a->pick_shown < p->nrows ? p->top + a->pick_shown : p->nrows;
    float name_w = name_column(a, p->top, end, box.w * 0.42f);
    gui_rect inner = {box.x + 4 * sc, y, box.w - 16 * sc, rh};
    for (int i = 0; i < a->pick_shown; i++) {
        int k = p->top + i;
        a->pick_row[i] = (gui_rect){0, 0, 0, 0};
        if (k >= p->nrows)
            continue;
        gui_rect at = {inner.x, y + (float)i * rh, inner.w, rh};
        if (p->row[k].kind != GUI_PICK_HEADING)
            a->pick_row[i] = at;
        if (k == p->sel)
            gui_fill(a->ren, at, col(0x2f3a4a));
        row(a, &p->row[k], k + 1 == p->nrows, at, name_w);
    }
    if (p->nrows > a->pick_shown && a->pick_shown > 0) { /* where the rows shown are */
        float track = (float)a->pick_shown * rh, x = box.x + box.w - 8 * sc;
        float h = track * (float)a->pick_shown / (float)p->nrows;
        float at = y + (track - h) * (float)p->top / (float)(p->nrows - a->pick_shown);
        gui_fill(a->ren, (gui_rect){x, y, 4 * sc, track}, col(0x2a2f38));
        gui_fill(a->ren, (gui_rect){x, at, 4 * sc, h}, col(0x6d7684));
    }
}
