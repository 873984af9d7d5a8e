/* app.c — the GUI's window and frame loop.  Each frame: input (events to
 * actions, input.c), update (the simulation and the animations by the elapsed
 * time), render (from read-only state).  Headless (--frames N) renders N
 * frames of 1/30 s each on a software renderer with no window at all, and
 * can write the last one to a PNG: the same code paths, reproducibly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <SDL_image.h>

#include "app.h"
#include "compare.h"
#include "describe.h"
#include "draw.h"
#include "gantt_view.h"
#include "png.h"
#include "utf8.h"

#define T(en, ko) (a->lang == GUI_KO ? (ko) : (en))

/* ---- opening, saving, the title ---------------------------------------- */

static long long mtime_of(const char *path)
{
    struct stat st;
    return path[0] && stat(path, &st) == 0 ? (long long)st.st_mtime : 0;
}

/* (Re)size the per-process arrays for the scenario now loaded. */
static int per_process(gui_app *a)
{
    size_t n = a->sim.s->nprocs + 1;
    free(a->token_at);
    free(a->order);
    free(a->slot);
    a->token_at = calloc(n, sizeof *a->token_at);
    a->order = calloc(n, sizeof *a->order);
    a->slot = calloc(n, sizeof *a->slot);
    gui_gantt_reset(&a->gantt); /* a new run: the whole of it */
    return a->token_at && a->order && a->slot ? 0 : -1;
}

/* Open `path`; a file the user chose (not a reload) goes to the recent
 * list when this is a window. */
static int open_path(gui_app *a, const char *path, int chosen)
{
    char err[600], err2[64];
    if (a->sim.trace_mode) { /* the traced program stays (a dropped file too) */
        gui_say(a, 1, "%s", gui_word_text(GUI_W_TRACE_FIXED, a->lang));
        return -1;
    }
    a->sim.lang = gui_ps_lang(a->lang); /* of its errors */
    if (gui_sim_open(&a->sim, path, a->opt.live, err, sizeof err)) {
        gui_say(a, 1, "%s", err); /* the scenario shown before stays */
        if (a->sim.s || gui_sim_open(&a->sim, NULL, 0, err2, sizeof err2))
            return -1;
        /* it loaded but could not start live: the tour stands in */
    }
    if (per_process(a)) {
        gui_say(a, 1, "%s", gui_word_text(GUI_W_NO_MEMORY, a->lang));
        return -1;
    }
    a->selected = 0;
    a->file_mtime = mtime_of(a->sim.path);
    a->describe.text = NULL; /* wrapped again: the new text may sit where the old was */
    if (chosen && a->remember && a->sim.path[0])
        gui_picker_remember(&a->picker, a->sim.path); /* a state folder we
                                                         cannot write is no error */
    gui_set_title(a);
    gui_say(a, 0, "%s", gui_title_pick(a->sim.s, a->lang));
    return 0;
}

int gui_open_file(gui_app *a, const char *path)
{
    return open_path(a, path, 1);
}

/* The window as it is now to `path`; -1 with the reason in err. */
static int save_png(gui_app *a, const char *path, char *err, size_t errsize)
{
    int w = (int)a->L.w, h = (int)a->L.h;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
    int rc = s ? SDL_RenderReadPixels(a->ren, NULL, SDL_PIXELFORMAT_XRGB8888, s->pixels, s->pitch)
               : -1;
    if (rc)
        snprintf(err, errsize, "%s", SDL_GetError());
    else
        rc = gui_png_write(s, path, gui_ps_lang(a->lang), err, errsize);
    SDL_FreeSurface(s);
    return rc;
}

void gui_screenshot(gui_app *a)
{
    a->shot_pending = 1; /* taken once this frame is drawn (gui_app_frame) */
}

/* The screenshot asked for, of the frame just rendered and not presented
 * yet: once presented, the buffer is the display's (a web page's WebGL
 * clears it), so reading it back then gives black. */
static void take_screenshot(gui_app *a)
{
    char path[64], err[256];
    time_t t = time(NULL);
    strftime(path, sizeof path, "procsim-%Y%m%d-%H%M%S.png", localtime(&t));
    if (save_png(a, path, err, sizeof err))
        gui_say(a, 1, "%s: %s", gui_word_text(GUI_W_SHOT_FAILED, a->lang), err);
    else
        gui_saved(a, path);
}

void gui_saved(gui_app *a, const char *path)
{
#ifdef __EMSCRIPTEN__
    if (!gui_web_download(path)) { /* the page's own copy: the browser keeps it */
        gui_say(a, 0, "%s %s", gui_word_text(GUI_W_DOWNLOADED, a->lang), path);
        remove(path);
        return;
    }
#endif
    gui_say(a, 0, "%s %s", gui_word_text(GUI_W_SAVED, a->lang), path);
}

/* The window's title: "procsim — TITLE" (the scenario's), "trace:
 * COMMAND" in trace mode, in its language. */
static const char *window_title(const gui_app *a, char *buf, size_t size)
{
    if (a->sim.trace_mode)
        snprintf(buf, size, "%s: %s", gui_word_text(GUI_W_TRACE, a->lang), a->sim.command);
    else if (a->sim.s)
        snprintf(buf, size, "procsim \xe2\x80\x94 %s", gui_title_pick(a->sim.s, a->lang));
    else
        snprintf(buf, size, "procsim");
    return gui_utf8_trim(buf); /* a long title cut at a character */
}

void gui_set_title(gui_app *a)
{
    char title[320];
    if (a->win)
        SDL_SetWindowTitle(a->win, window_title(a, title, sizeof title));
}

/* ---- update and render -------------------------------------------------- */

void gui_say_restop(gui_app *a)
{
    if (!a->sim.restop_unsaid || !a->sim.s)
        return;
    const ps_live_restop *r = &a->sim.restop;
    ps_state model = (ps_state)r->model;
    a->sim.restop_unsaid = 0;
    gui_say(a, 1, "%s (pid %d) %s %s", a->sim.s->procs[r->pid - 1].name, (int)r->os_pid,
            gui_word_text(GUI_W_RESTOPPED, a->lang),
            a->lang == GUI_KO ? ps_state_name_ko(model) : ps_state_name(model));
}

static int open_compare(gui_app *a, char *err, size_t errsize);

static void update(gui_app *a, double dt)
{
    a->now += dt;
    if ((a->sim.live && ps_live_interrupted(a->sim.live)) ||
        (a->sim.trace && ps_trace_interrupted(a->sim.trace)) ||
        a->sim.status == PS_STEP_INTERRUPTED)
        a->quit = 1; /* Ctrl-C in the terminal: the live or trace backend holds SIGINT */
    gui_say_restop(a);
    if (a->message_ttl > 0)
        a->message_ttl -= dt;
    if (a->cmp)
        gui_cmp_advance(a->cmp, dt, a->speed, a->paused);
    else
        gui_sim_advance(&a->sim, dt, a->speed, a->paused);
    a->since_check += dt;
    if (a->since_check > 1 && a->sim.path[0]) { /* reload when the file changes */
        a->since_check = 0;
        long long m = mtime_of(a->sim.path);
        if (m && m != a->file_mtime) {
            char path[1024];
            snprintf(path, sizeof path, "%s", a->sim.path);
            a->file_mtime = m;
            open_path(a, path, 0);
            char err[600];
            if (a->cmp && open_compare(a, err, sizeof err))
                gui_say(a, 1, "%s", err); /* the runs shown before stay */
        }
    }
}

/* Under the mouse, what the Gantt chart has there, else the whole text
 * of a cut one, in a box beside it: drawn last, over everything. */
static void tooltip(gui_app *a)
{
    SDL_Rect under;
    gui_rect lane;
    char bar[GUI_NAME_BUF + 96]; /* a name and its state and ticks */
    const char *full = gui_gantt_tip(a, a->mouse_x, a->mouse_y, bar, sizeof bar, &lane);
    if (full)
        under = (SDL_Rect){(int)lane.x, (int)lane.y, (int)lane.w, (int)lane.h};
    else
        full = gui_text_tip_at(a->text, (int)a->mouse_x, (int)a->mouse_y, &under);
    if (!full)
        return;
    int tw, th;
    float u = a->L.unit;
    gui_text_measure(a->text, full, GUI_NORMAL, &tw, &th);
    gui_rect box = {(float)under.x, (float)(under.y + under.h) + 2 * u, (float)tw + 12 * u,
                    (float)th + 6 * u};
    if (box.x + box.w > a->L.w)
        box.x = a->L.w - box.w;
    if (box.y + box.h > a->L.h)
        box.y = (float)under.y - box.h - 2 * u;
    gui_fill(a->ren, box, gui_rgba(0x101318, 250));
    gui_frame(a->ren, box, gui_rgba(0xfff59d, 255), 1 * a->L.scale);
    gui_text_cover(a->text, box.x, box.y, box.w, box.h);
    gui_text_draw(a->text, full, GUI_NORMAL, gui_rgba(GUI_TEXT, 255), (int)(box.x + 6 * u),
                  (int)(box.y + 3 * u));
}

static void render(gui_app *a)
{
    gui_relayout(a);
    gui_text_begin_frame(a->text);
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    /* One pass over the frame: clear to the panels' colour and draw the
     * gaps between panels, rather than clearing and filling each panel
     * (the software renderer is bound by fill rate). */
    SDL_Color panel = gui_rgba(GUI_PANEL, 255), gap = gui_rgba(GUI_BG, 255);
    SDL_SetRenderDrawColor(a->ren, panel.r, panel.g, panel.b, 255);
    SDL_RenderClear(a->ren);
    const gui_rect *p[] = {&a->L.diagram, &a->L.resources, &a->L.gantt, &a->L.table, &a->L.detail, &a->L.log};
    for (size_t i = 0; !a->cmp && i < sizeof p / sizeof p[0]; i++) /* compare: its own */
        gui_frame(a->ren, (gui_rect){p[i]->x - 6 * a->L.scale, p[i]->y - 6 * a->L.scale,
                                     p[i]->w + 12 * a->L.scale, p[i]->h + 12 * a->L.scale},
                  gap, 6 * a->L.scale);
    if (a->cmp) {
        gui_view_toolbar(a);
        gui_view_compare(a);
    } else {
        gui_view_diagram(a);
        gui_view_panels(a);
        gui_view_ties(a);
    }
    gui_view_overlays(a);
    tooltip(a);
}

/* ---- setting up ------------------------------------------------------- */

/* Whether environment variable `name` is set to something (an empty
 * DISPLAY names no display). */
static int env_set(const char *name)
{
    const char *v = getenv(name);
    return v && *v;
}

int gui_display_available(void)
{
#ifdef __EMSCRIPTEN__
    return 1; /* the page's canvas */
#else
    return env_set("SDL_VIDEODRIVER") || env_set("DISPLAY") || env_set("WAYLAND_DISPLAY");
#endif
}

/* "a, b, c" — the names of s's processes, cut short with ", ..." to fit in
 * size (at least 6) bytes. */
static const char *process_names(const ps_scenario *s, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = 0;
    for (uint32_t i = 0; i < s->nprocs; i++) {
        size_t len = strlen(s->procs[i].name), sep = i ? 2 : 0;
        if (n + sep + len + 6 > size) {
            memcpy(buf + n, n ? ", ..." : "...", n ? 6 : 4);
            break;
        }
        memcpy(buf + n, ", ", sep);
        memcpy(buf + n + sep, s->procs[i].name, len + 1);
        n += sep + len;
    }
    return buf;
}

/* The pid of the process named `name`, 0 if there is none. */
static uint32_t pid_named(const ps_scenario *s, const char *name)
{
    for (uint32_t pid = 1; pid <= s->nprocs; pid++)
        if (!strcmp(s->procs[pid - 1].name, name))
            return pid;
    return 0;
}

/* --select (and --follow, checked here too, before any window): the
 * process it names selected, or -1 after saying on stderr that the
 * scenario has none such. */
static int select_at_start(gui_app *a)
{
    const gui_options *o = &a->opt;
    const ps_scenario *s = a->sim.s;
    const char *where = o->text ? o->text_name : o->path ? o->path
                      : T("the built-in tour", "내장 둘러보기");
    char names[240];
    const char *option = o->follow && !pid_named(s, o->follow) ? "--follow" : "--select";
    const char *name = option[2] == 'f' ? o->follow : o->select_name;
    if (name && !pid_named(s, name)) {
        fprintf(stderr, T("procsim gui: %s: %s has no process named '%s' (its processes: %s)\n",
                          "procsim gui: %s: %s에는 이름이 '%s'인 프로세스가 없습니다 (프로세스: "
                          "%s)\n"),
                option, where, name, process_names(s, names, sizeof names));
        return -1;
    }
    if (o->select_name) {
        a->selected = pid_named(s, o->select_name);
        return 0;
    }
    if (o->select < 0 || o->select > s->nprocs) {
        fprintf(stderr, T("procsim gui: --select: %s has no process with pid %lld (its pids are "
                          "1 to %u: %s)\n",
                          "procsim gui: --select: %s에는 PID가 %lld인 프로세스가 없습니다 (PID는 "
                          "1부터 %u까지: %s)\n"),
                where, (long long)o->select, s->nprocs, process_names(s, names, sizeof names));
        return -1;
    }
    a->selected = (uint32_t)o->select;
    return 0;
}

static int create_output(gui_app *a)
{
    int w = a->opt.width > 0 ? a->opt.width : 1280, h = a->opt.height > 0 ? a->opt.height : 800;
    if (a->opt.frames > 0) {
        a->canvas = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
        a->ren = a->canvas ? SDL_CreateSoftwareRenderer(a->canvas) : NULL;
        return a->ren ? 0 : -1;
    }
    char title[320];
    a->win = SDL_CreateWindow(window_title(a, title, sizeof title), SDL_WINDOWPOS_CENTERED,
                              SDL_WINDOWPOS_CENTERED, w, h,
                              SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                                  (a->presentation ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0));
    if (!a->win)
        return -1;
    a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!a->ren)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    return a->ren ? 0 : -1;
}

static void close_compare(gui_app *a)
{
    if (a->cmp)
        gui_cmp_close(a->cmp);
    free(a->cmp);
    a->cmp = NULL;
}

static void teardown(gui_app *a)
{
    gui_sim_close(&a->sim); /* kills the live children before anything else */
    close_compare(a);
    gui_quiz_fini(&a->quiz);
    gui_picker_fini(&a->picker);
    gui_header_fini(a);
    gui_text_destroy(a->text);
    if (a->ren)
        gui_draw_forget(a->ren);
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    if (a->canvas)
        SDL_FreeSurface(a->canvas);
    if (a->win)
        SDL_DestroyWindow(a->win);
    free(a->token_at);
    free(a->order);
    free(a->slot);
    gui_gantt_fini(&a->gantt);
    IMG_Quit();
    SDL_Quit();
}

/* a->opt's scenario loaded (and started, live or not) and its --select
 * and --follow found in it, or -1 after saying why on stderr. */
static int open_scenario(gui_app *a, int live)
{
    const gui_options *o = &a->opt;
    char err[600];
    a->sim.lang = gui_ps_lang(a->lang); /* of its errors */
    a->sim.policy = o->policy;          /* this and every scenario opened later */
    if (o->text ? gui_sim_open_text(&a->sim, o->text_name, o->text, o->text_len, live, err,
                                    sizeof err)
                : gui_sim_open(&a->sim, o->path, live, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return select_at_start(a);
}

/* --compare: its runs (re)opened on a->opt's scenario; -1 with why in
 * err, the runs shown before (if any) left as they were. */
static int open_compare(gui_app *a, char *err, size_t errsize)
{
    const gui_options *o = &a->opt;
    gui_cmp *c = malloc(sizeof *c);
    if (!c) {
        snprintf(err, errsize, "%s", gui_word_text(GUI_W_NO_MEMORY, a->lang));
        return -1;
    }
    if (gui_cmp_open(c, o->text ? NULL : o->path, o->text, o->text_len, o->text_name,
                     o->compare, gui_ps_lang(a->lang), err, errsize)) {
        free(c);
        return -1;
    }
    close_compare(a);
    a->cmp = c;
    return 0;
}

int gui_check(const gui_options *o)
{
    gui_app a = {0};
    a.opt = *o;
    a.lang = o->lang >= 0 ? (gui_lang)o->lang : gui_lang_from_env(); /* of its errors */
    a.sim.quiz = &a.quiz;
    int rc = open_scenario(&a, 0) ? 2 : 0; /* a model run: no children for a check */
    char err[600];
    if (!rc && o->compare && open_compare(&a, err, sizeof err)) {
        fprintf(stderr, "procsim gui: %s\n", err);
        rc = 2;
    }
    close_compare(&a);
    gui_sim_close(&a.sim);
    gui_quiz_fini(&a.quiz);
    return rc;
}

static int run(const gui_options *o, const ps_trace_options *trace, const last_frame *out);

int gui_main(const gui_options *o)
{
    return run(o, NULL, NULL);
}

int gui_run_trace(const ps_trace_options *t, const gui_options *o)
{
    return run(o, t, NULL);
}

int gui_render_frames(const gui_options *o, SDL_Surface **frame)
{
    *frame = NULL;
    if (o->frames < 1)
        return 2;
    return run(o, NULL, &(last_frame){.frame = frame});
}

int gui_render_frames_layout(const gui_options *o, SDL_Surface **frame, gui_layout *layout)
{
    *frame = NULL;
    if (o->frames < 1)
        return 2;
    return run(o, NULL, &(last_frame){.frame = frame, .layout = layout});
}

int gui_render_frames_texts(const gui_options *o, SDL_Surface **frame, gui_text_mark **marks,
                            int *nmarks, gui_layout *layout)
{
    *frame = NULL;
    *marks = NULL;
    *nmarks = 0;
    if (o->frames < 1)
        return 2;
    return run(o, NULL, &(last_frame){frame, marks, nmarks, layout});
}

/* The last frame's marks and layout copied out for the caller. */
static void give_back(const gui_app *a, const last_frame *out)
{
    int n;
    const gui_text_mark *m = gui_text_marks(a->text, &n);
    if (out->layout)
        *out->layout = a->L;
    if (out->marks && n > 0 && (*out->marks = malloc((size_t)n * sizeof *m))) {
        memcpy(*out->marks, m, (size_t)n * sizeof *m);
        *out->nmarks = n;
    }
}

/* Trace mode: COMMAND started under the trace and o->select selected (a
 * pid, 0: none), or -1 after saying why on stderr. */
static int open_trace(gui_app *a, const ps_trace_options *t)
{
    char err[600];
    ps_trace_options o = *t;
    o.capture_output = 1; /* the output panel shows it, the terminal does not */
    a->sim.lang = gui_ps_lang(a->lang); /* of its errors */
    if (gui_sim_open_trace(&a->sim, &o, err, sizeof err)) {
        fprintf(stderr, "procsim trace: %s\n", err);
        return -1;
    }
    if (a->opt.select < 0 || a->opt.select > a->sim.s->nprocs) {
        fprintf(stderr, T("procsim trace: --select: no process slot %lld (1 to %u)\n",
                          "procsim trace: --select: PID가 %lld인 프로세스가 없습니다 (1부터 "
                          "%u까지)\n"),
                (long long)a->opt.select, a->sim.s->nprocs);
        return -1;
    }
    a->selected = (uint32_t)a->opt.select;
    return 0;
}

/* Trace mode's exit status, as procsim trace's without the window:
 * COMMAND's own (128 + N if signal N killed it); 1 after saying why when
 * the trace failed, was interrupted, or the window closed before COMMAND
 * ended (what was left of it is killed). */
static int trace_status(const gui_app *a)
{
    int code, sig;
    const gui_sim *g = &a->sim;
    if (g->status == PS_STEP_INTERRUPTED) {
        fprintf(stderr, T("procsim trace: interrupted\n", "procsim trace: 중단되었습니다\n"));
        return 1;
    }
    if (g->report[0][0]) {
        fprintf(stderr, "procsim trace: %s\n", g->report[gui_ps_lang(a->lang)]);
        return 1;
    }
    if (ps_trace_exit(g->trace, &code, &sig) == 0)
        return sig ? 128 + sig : code;
    fprintf(stderr, T("procsim trace: the window was closed before %s ended: procsim killed "
                      "what was left of it\n",
                      "procsim trace: %s이(가) 끝나기 전에 창이 닫혔습니다: procsim이 남은 "
                      "프로세스를 강제 종료했습니다\n"),
            g->command);
    return 1;
}


/* Everything before the first frame: the scenario (or the trace), the
 * window or the headless canvas, the fonts, the quiz.  Returns -1 when the
 * frames can begin, else the exit status after saying why on stderr (and
 * tearing down what was set up). */
static int start(gui_app *a, const gui_options *o, const ps_trace_options *trace)
{
    a->opt = *o;
    a->zoom = 1;
    a->presentation = o->fullscreen;
    a->speed = o->speed > 0 ? o->speed : 1;
    a->lang = o->lang >= 0 ? (gui_lang)o->lang : gui_lang_from_env();
    int headless = o->frames > 0;
    char err[600];
    a->sim.quiz = &a->quiz;
    /* the scenario first: a --select it has no process for is an error
     * before any window opens */
    if (trace ? open_trace(a, trace) : open_scenario(a, o->live)) {
        teardown(a);
        return trace ? 1 : 2;
    }
    if (!trace && o->compare && open_compare(a, err, sizeof err)) {
        fprintf(stderr, "procsim gui: %s\n", err);
        teardown(a);
        return 2;
    }
    if (a->sim.live)
        ps_live_pause(a->sim.live, 1); /* opening the window takes no ticks (the
                                          first update goes on) */
    if (headless && !env_set("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "offscreen", 1);
    if (SDL_Init(SDL_INIT_VIDEO) || create_output(a)) {
        fprintf(stderr, T("procsim: cannot open a window: %s\n", "procsim: 창을 열 수 없습니다: %s\n"),
                SDL_GetError());
        teardown(a);
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    gui_layout_in in = gui_layout_now(a);
    gui_layout_compute_in(&a->L, &in);
    a->text = gui_text_create(a->ren, a->L.font_px[0], a->L.font_px[1], a->L.font_px[2], a->lang,
                              err, sizeof err);
    if (!a->text) {
        fprintf(stderr, "procsim: %s\n", err);
        teardown(a);
        return 1;
    }
    if (o->live && o->tick_ms > 0)
        ps_live_set_tick_ms(a->sim.live, o->tick_ms);
    if (per_process(a)) {
        fprintf(stderr, "procsim: %s\n", gui_word_text(GUI_W_NO_MEMORY, a->lang));
        teardown(a);
        return 1;
    }
    a->file_mtime = mtime_of(a->sim.path);
    gui_picker_setup(a);
    a->remember = !headless && !trace; /* tests and docs runs leave it alone */
    if (a->remember && a->sim.path[0])
        gui_picker_remember(&a->picker, a->sim.path);
    if (o->quiz) {
        uint32_t follow = o->follow ? pid_named(a->sim.s, o->follow)
                          : a->selected ? a->selected : 1;
        if (gui_quiz_begin(a, follow)) {
            fprintf(stderr, "procsim gui: %s\n", a->message);
            teardown(a);
            return 2;
        }
    }
    a->last_counter = SDL_GetPerformanceCounter();
    return -1;
}

int gui_app_frame(gui_app *a, const last_frame *out)
{
    const gui_options *o = &a->opt;
    int headless = o->frames > 0, n = a->nframes++, rc = 0;
    char err[600];
    if (!headless)
        gui_input(a);
    else if (SDL_QuitRequested()) { /* SDL turns SIGINT and SIGTERM into this */
        a->quit = a->interrupted = 1;
        return 1;
    }
    Uint64 t = SDL_GetPerformanceCounter();
    double dt = headless ? 1.0 / 30
                         : (double)(t - a->last_counter) / (double)SDL_GetPerformanceFrequency();
    a->last_counter = t;
    update(a, dt > 0.25 ? 0.25 : dt);
    render(a);
    if (a->shot_pending) {
        a->shot_pending = 0;
        take_screenshot(a);
    }
    if (headless && n + 1 == o->frames && o->screenshot &&
        save_png(a, o->screenshot, err, sizeof err)) {
        fprintf(stderr, T("procsim: cannot write %s: %s\n", "procsim: %s을(를) 쓸 수 없습니다: %s\n"),
                o->screenshot, err);
        rc = 1;
    }
    if (headless && n + 1 == o->frames && out && out->frame)
        *out->frame = SDL_ConvertSurfaceFormat(a->canvas, SDL_PIXELFORMAT_XRGB8888, 0);
    if (headless && n + 1 == o->frames && out)
        give_back(a, out);
    SDL_RenderPresent(a->ren);
    return rc;
}

int gui_app_finish(gui_app *a, int rc)
{
    if (a->interrupted)
        fprintf(stderr, T("procsim: interrupted at frame %d of %d; nothing was saved\n",
                          "procsim: %d번째 화면에서 중단되었습니다 (%d개 중); 저장한 그림은 "
                          "없습니다\n"),
                a->nframes, a->opt.frames);
    if (a->sim.trace_mode && !rc)
        rc = trace_status(a);
    teardown(a);
    return rc;
}

/* The frame loop, windowed or headless (then *frame, if asked for, gets a
 * copy of the last frame).  In the browser the page's animation frames
 * drive the window instead (gui_web_loop, which does not return). */
static int run(const gui_options *o, const ps_trace_options *trace, const last_frame *out)
{
    gui_app *a = calloc(1, sizeof *a); /* the browser's frames outlive this call */
    if (!a) {
        gui_lang lang = o->lang >= 0 ? (gui_lang)o->lang : gui_lang_from_env();
        fprintf(stderr, "procsim: %s\n", gui_word_text(GUI_W_NO_MEMORY, lang));
        return 1;
    }
    int rc = start(a, o, trace), headless = o->frames > 0;
    if (rc >= 0) {
        free(a);
        return rc;
    }
    rc = 0;
    gui_text_record(a->text, out && out->marks);
#ifdef __EMSCRIPTEN__
    if (!headless)
        gui_web_loop(a);
#endif
    while (!a->quit && !(headless && a->nframes >= o->frames)) {
        rc |= gui_app_frame(a, out);
        if (a->sim.trace_mode && a->sim.status == PS_STEP_OK) /* the rest of the frame:
                                                                 what the program does */
            gui_sim_trace_wait(&a->sim, headless ? 1000000000 / 30 : 8000000);
        else if (!headless)
            SDL_Delay(a->sim.live ? 1 : 4);
    }
    rc = gui_app_finish(a, rc);
    free(a);
    return rc;
}
