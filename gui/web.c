/* web.c — the window in a web page (the browser build only).
 *
 * A browser tab cannot block in a loop of its own: the page calls one
 * frame per animation frame (emscripten_set_main_loop_arg), and when the
 * window is closed (Esc) the program ends with the status the desktop
 * would give.  The page (web/procsim.js) also hands files in and out:
 * web_open pushes a file it wrote into the page's file system as a file
 * dropped on the window, gui_web_download hands a saved file to the
 * browser, and web_status tells the page (and the browser tests) what the
 * window shows. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emscripten.h>

#include "app.h"
#include "describe.h"

/* Called by the page (web/procsim.js), so not static. */
int web_open(const char *path);
const char *web_status(void);

static gui_app *current; /* the window the page drives, NULL: none (yet, or any more) */
static double work_ms;   /* procsim's own time per frame, a moving average */

static void frame(void *arg)
{
    gui_app *a = arg;
    double t0 = emscripten_get_now();
    int rc = gui_app_frame(a, NULL);
    work_ms += (emscripten_get_now() - t0 - work_ms) / 32;
    if (!a->quit)
        return;
    emscripten_cancel_main_loop();
    current = NULL;
    rc = gui_app_finish(a, rc);
    free(a);
    emscripten_force_exit(rc); /* the page says the window was closed */
}

void gui_web_loop(gui_app *a)
{
    current = a;
    emscripten_set_main_loop_arg(frame, a, 0, 1); /* unwinds to the page: never returns */
    __builtin_unreachable();
}

EM_JS(int, page_download, (const char *path), {
    return Module.procsimDownload ? Module.procsimDownload(UTF8ToString(path)) : -1;
});

int gui_web_download(const char *path)
{
    return page_download(path);
}

/* The page wrote a file at `path` (the file picker, a file dropped on the
 * page): open it as a file dropped on the window. */
EMSCRIPTEN_KEEPALIVE int web_open(const char *path)
{
    SDL_Event ev = {.type = SDL_DROPFILE};
    ev.drop.file = SDL_strdup(path);
    ev.drop.windowID = current && current->win ? SDL_GetWindowID(current->win) : 0;
    if (!current || !ev.drop.file || SDL_PushEvent(&ev) != 1) {
        SDL_free(ev.drop.file);
        return -1;
    }
    return 0;
}

/* ---- what the window shows, as JSON ------------------------------------ */

typedef struct json {
    char *s;
    size_t len, size;
} json;

static void put(json *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(json *j, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(j->s + j->len, j->size - j->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        j->len = j->len + (size_t)n < j->size ? j->len + (size_t)n : j->size - 1;
}

/* "key":"text", with JSON's escapes */
static void put_str(json *j, const char *key, const char *text)
{
    put(j, "\"%s\":\"", key);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\')
            put(j, "\\%c", *p);
        else if (*p < 0x20)
            put(j, "\\u%04x", *p);
        else
            put(j, "%c", *p);
    }
    put(j, "\",");
}

/* "key":[x,y,w,h] of r in the canvas's CSS pixels (the page's mouse
 * events are in those; r is in drawable pixels, ps of them a CSS pixel) */
static void put_rect(json *j, const char *key, gui_rect r, float ps)
{
    put(j, "\"%s\":[%.1f,%.1f,%.1f,%.1f],", key, r.x / ps, r.y / ps, r.w / ps, r.h / ps);
}

/* The JSON text so far without its trailing comma, then `close`. */
static void end(json *j, const char *close)
{
    if (j->len && j->s[j->len - 1] == ',')
        j->len--;
    put(j, "%s", close);
}

/* "hit":{...}: where the last frame put what a click acts on, so that the
 * browser tests click on a button, a row, a state or a token by name:
 * buttons by action, rows as [pid,x,y,w,h], states by English name,
 * tokens as [pid,x,y] (the first 64, shown ones only). */
static void put_hits(json *j, const gui_app *a)
{
    float ps = gui_pixel_scale(a);
    static const char *const action[GUI_ACTION_COUNT] = {
#define PS_X_(e) #e,
        GUI_ACTIONS(PS_X_)
#undef PS_X_
    };
    put(j, "\"scale\":%g,\"hit\":{\"buttons\":{", ps);
    for (int i = 0; i < GUI_ACTION_COUNT; i++)
        put_rect(j, action[i], a->button[i], ps);
    end(j, "},\"rows\":[");
    for (int i = 0; i < a->ntable; i++)
        put(j, "[%u,%.1f,%.1f,%.1f,%.1f],", a->table_pid[i], a->table_row[i].x / ps,
            a->table_row[i].y / ps, a->table_row[i].w / ps, a->table_row[i].h / ps);
    end(j, "],\"states\":{");
    for (int s = 0; s < PS_STATE_COUNT; s++)
        put_rect(j, ps_state_name((ps_state)s), a->L.node[s], ps);
    end(j, "},\"tokens\":[");
    for (uint32_t pid = 1; a->sim.e && a->token_at && pid <= a->sim.s->nprocs && pid <= 64; pid++)
        if (a->token_at[pid - 1].x > -1e5f)
            put(j, "[%u,%.1f,%.1f],", pid, a->token_at[pid - 1].x / ps,
                a->token_at[pid - 1].y / ps);
    end(j, "]},");
}

/* {"frames":N,"tick":T,"title":...,"states":["Running",...],"hit":...}:
 * what the page's tests read; "{}" before the window is up. */
EMSCRIPTEN_KEEPALIVE const char *web_status(void)
{
    static char buf[32768];
    json j = {buf, 0, sizeof buf};
    const gui_app *a = current;
    if (!a || !a->sim.s)
        return "{}";
    put(&j, "{\"work_ms\":%.3f,\"frames\":%d,\"tick\":%lld,\"paused\":%d,\"speed\":%g,",
        work_ms, a->nframes, a->sim.e ? (long long)ps_engine_now(a->sim.e) : 0LL, a->paused,
        a->speed);
    put(&j, "\"selected\":%u,", a->selected);
    put(&j, "\"width\":%d,\"height\":%d,\"lang\":\"%s\",", (int)a->L.w, (int)a->L.h,
        a->lang == GUI_KO ? "ko" : "en");
    /* "question": one is on screen, waiting for its answer (not the answer) */
    put(&j, "\"quiz\":{\"on\":%d,\"asked\":%zu,\"right\":%u,\"follow\":%u,\"question\":%d},"
        "\"picker\":%d,\"compare\":%d,",
        a->quiz.on, a->quiz.nitems, gui_quiz_right(&a->quiz), a->quiz.follow,
        a->quiz.on && gui_sim_quiz_question(&a->sim) != NULL, a->show_picker, a->cmp != NULL);
    put(&j, "\"help\":%d,\"naming\":%d,", a->show_help, a->naming);
    put_hits(&j, a);
    put_str(&j, "title", gui_title_pick(a->sim.s, a->lang));
    put_str(&j, "path", a->sim.path);
    put_str(&j, "message", a->message_ttl > 0 ? a->message : "");
    put(&j, "\"states\":[");
    for (uint32_t pid = 1; a->sim.e && pid <= a->sim.s->nprocs; pid++)
        put(&j, "%s\"%s\"", pid > 1 ? "," : "",
            ps_state_name(ps_engine_pcb(a->sim.e, pid)->state));
    put(&j, "]}");
    return buf;
}
