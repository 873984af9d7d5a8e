/* scale.c — the window's sizes: HiDPI's pixels per point, the user's
 * zoom, presentation mode, and the layout computed from them (and from
 * what the window shows) each frame. */
#include <string.h>

#include "app.h"

float gui_pixel_scale(const gui_app *a)
{
    int ww, wh, dw, dh;
    if (!a->win)
        return 1;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->ren, &dw, &dh);
    return ww > 0 ? (float)dw / (float)ww : 1;
}

void gui_zoom(gui_app *a, int dir)
{
    static const float steps[] = {0.7f, 0.8f, 0.9f, 1, 1.1f, 1.25f, 1.5f, 1.75f, 2, 2.5f};
    int n = (int)(sizeof steps / sizeof steps[0]), i = 0;
    while (i + 1 < n && steps[i] < a->zoom - 0.01f)
        i++;
    i = dir == 0 ? 3 : i + dir < 0 ? 0 : i + dir >= n ? n - 1 : i + dir;
    a->zoom = steps[i];
    gui_say(a, 0, "%s %.0f%%", a->lang == GUI_KO ? "글자 크기" : "zoom", a->zoom * 100);
}

void gui_present(gui_app *a, int on)
{
    a->presentation = on;
    if (a->win)
        SDL_SetWindowFullscreen(a->win, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

gui_layout_in gui_layout_now(gui_app *a)
{
    int w, h;
    SDL_GetRendererOutputSize(a->ren, &w, &h);
    gui_layout_in in = {
        .w = (float)w, .h = (float)h, .scale = gui_pixel_scale(a), .zoom = a->zoom,
        .presentation = a->presentation, .nprocs = a->sim.s ? (int)a->sim.s->nprocs : 0,
        /* a trace shows the program's output there: its last lines */
        .res_rows = a->sim.trace_mode ? GUI_TRACE_OUTPUT_ROWS : gui_res_rows_wanted(&a->sim),
        .toolbar_rows = a->toolbar_rows,
    };
    gui_header_layout_in(a, &in);
    return in;
}

void gui_relayout(gui_app *a)
{
    int was[3];
    memcpy(was, a->L.font_px, sizeof was);
    gui_layout_in in = gui_layout_now(a);
    gui_layout_compute_in(&a->L, &in);
    const int *px = a->L.font_px;
    if (gui_text_set_sizes(a->text, px[0], px[1], px[2]))
        gui_say(a, 1, "%s: %d px", gui_word_text(GUI_W_NO_FONTS, a->lang), px[1]);
    int rows = gui_toolbar_rows(a), resized = memcmp(was, px, sizeof was) != 0;
    if (rows != in.toolbar_rows || resized) {
        a->toolbar_rows = rows;
        in = gui_layout_now(a);
        gui_layout_compute_in(&a->L, &in);
    }
}
