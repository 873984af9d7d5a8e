/* res_view.c — drawing the shared-objects panel that resources.c lays
 * out, and the ties: a line from each Blocked or Blocked/Suspend token in
 * the diagram to what it waits for (its place in an object's queue, or
 * the child it joins), red for the processes of a deadlock's cycle. */
#include "app.h"
#include "draw.h"

static SDL_Color col(unsigned rgb) { return gui_rgba(rgb, 255); }

static void measure(void *ctx, const char *s, int normal, int *w, int *h)
{
    gui_text_measure(ctx, s, normal ? GUI_NORMAL : GUI_SMALL, w, h);
}

/* Fill and text colour of a chip of style st. */
static void chip_colours(const gui_res_item *it, SDL_Color *fill, SDL_Color *fg)
{
    *fg = col(GUI_TEXT);
    switch ((gui_res_style)it->style) {
    case GUI_RES_NONE: *fill = col(GUI_SENTINEL); break;
    case GUI_RES_FRESH: *fill = col(0x37474f); break;
    case GUI_RES_COPY: *fill = col(0x2e5d4f); break;
    case GUI_RES_STALE: *fill = col(GUI_STALE); *fg = col(0x1a1a1a); break;
    case GUI_RES_FREE: *fill = col(0x323844); break;
    case GUI_RES_BAR: *fill = gui_token_color(it->pid); *fg = col(0x101010); break;
    case GUI_RES_ITEM:
    case GUI_RES_LABEL:
    case GUI_RES_TEXT:
    case GUI_RES_VALUE:
    case GUI_RES_LOST:
    case GUI_RES_TOKEN:
    case GUI_RES_OUT:
    case GUI_RES_FLASH:
    case GUI_RES_DEADLOCK:
    case GUI_RES_STYLE_COUNT: *fill = col(0x3b4a5a); break;
    }
}

static void item(gui_app *a, const gui_res_item *it, int on_flash)
{
    float sc = a->L.scale, r = it->r.h / 2;
    gui_point c = {it->r.x + it->r.w / 2, it->r.y + it->r.h / 2};
    gui_font_size font = it->normal ? GUI_NORMAL : GUI_SMALL;
    SDL_Color fill, fg;
    switch ((gui_res_style)it->style) {
    case GUI_RES_LABEL: gui_text_draw(a->text, it->text, font, col(GUI_TEXT), (int)it->r.x, (int)it->r.y); break;
    case GUI_RES_TEXT: /* dim, but not on a flash's red */
        gui_text_draw(a->text, it->text, font, col(on_flash ? GUI_TEXT : GUI_DIM), (int)it->r.x,
                      (int)it->r.y);
        break;
    case GUI_RES_VALUE: gui_text_draw(a->text, it->text, font, col(0xfff59d), (int)it->r.x, (int)it->r.y); break;
    case GUI_RES_LOST: /* on the flash's red */
        gui_text_draw(a->text, it->text, font, col(0xffffff), (int)it->r.x, (int)it->r.y);
        break;
    case GUI_RES_DEADLOCK: gui_text_draw(a->text, it->text, font, col(GUI_LOST_TEXT), (int)it->r.x, (int)it->r.y); break;
    case GUI_RES_FLASH:
        gui_fill(a->ren, it->r, gui_rgba(GUI_FLASH, (unsigned char)(40 + 160 * it->alpha)));
        break;
    case GUI_RES_TOKEN:
        if (it->cycle)
            gui_disc(a->ren, c, r + 2 * sc, col(GUI_LOST_TEXT));
        gui_disc(a->ren, c, r, gui_token_color(it->pid));
        gui_text_draw_centered(a->text, it->text, GUI_SMALL, col(0x101010), (int)c.x, (int)c.y);
        break;
    case GUI_RES_OUT: /* hollow: out of memory, on the swap device */
        gui_disc(a->ren, c, r, gui_token_color(it->pid));
        gui_disc(a->ren, c, r - 1.5f * sc, col(GUI_PANEL));
        gui_text_draw_centered(a->text, it->text, GUI_SMALL, gui_token_color(it->pid), (int)c.x, (int)c.y);
        break;
    case GUI_RES_ITEM:
    case GUI_RES_NONE:
    case GUI_RES_FRESH:
    case GUI_RES_COPY:
    case GUI_RES_STALE:
    case GUI_RES_BAR:
    case GUI_RES_FREE:
        chip_colours(it, &fill, &fg);
        gui_fill(a->ren, it->r, fill);
        if (it->style == GUI_RES_NONE)
            gui_frame(a->ren, it->r, col(0xd1b3ff), 1 * sc);
        if (it->style == GUI_RES_BAR || it->style == GUI_RES_FREE)
            gui_fill(a->ren, (gui_rect){it->r.x + it->r.w - 1 * sc, it->r.y, 1 * sc, it->r.h},
                     col(GUI_PANEL));
        gui_text_draw_centered(a->text, it->text, GUI_SMALL, fg, (int)c.x, (int)c.y);
        break;
    case GUI_RES_STYLE_COUNT: break;
    }
}

void gui_view_resources(gui_app *a)
{
    if (a->sim.trace_mode) { /* a real program's objects are the kernel's: its output */
        gui_trace_output(a);
        return;
    }
    gui_rect r = a->L.resources;
    SDL_Rect clip = {(int)r.x, (int)r.y, (int)r.w, (int)r.h};
    SDL_RenderSetClipRect(a->ren, &clip); /* the frame was cleared to GUI_PANEL */
    gui_res_compute(&a->res, &a->sim, a->lang, r, a->L.unit, measure, a->text); /* sizes beside text grow with it */
    gui_rect flash = {0, 0, 0, 0};
    for (int i = 0; i < a->res.n; i++) {
        const gui_res_item *it = &a->res.item[i];
        if (it->style == GUI_RES_FLASH)
            flash = it->r;
        item(a, it, gui_rect_overlap(flash, it->r));
    }
    SDL_RenderSetClipRect(a->ren, NULL);
}

static int shown(gui_point p)
{
    return p.x > -1e5f;
}

static void tie(gui_app *a, gui_point from, gui_point to, int red, uint32_t pid)
{
    float sc = a->L.scale;
    SDL_Color c = red ? col(GUI_LOST_TEXT) : gui_rgba(0xffffff, 200);
    c = red ? c : (SDL_Color){gui_token_color(pid).r, gui_token_color(pid).g, gui_token_color(pid).b, 190};
    gui_line(a->ren, from, to, (red ? 2.5f : 1.5f) * sc, c);
    gui_disc(a->ren, to, 2.5f * sc, c);
}

void gui_view_ties(gui_app *a)
{
    const ps_engine *e = a->sim.e;
    if (!e)
        return;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        gui_point from = a->token_at[pid - 1];
        if (!p->created || a->sim.tok[pid - 1].nmoves || !shown(from) ||
            (p->state != PS_BLOCKED && p->state != PS_BLOCKED_SUSPENDED))
            continue;
        int red = gui_res_in_cycle(&a->res, pid);
        const gui_res_item *it = gui_res_tie(&a->res, p);
        if (it) {
            tie(a, from, (gui_point){it->r.x + it->r.w / 2, it->r.y}, red, pid);
        } else if (p->wait_kind == PS_WAIT_CHILD || p->wait_kind == PS_WAIT_CHILD_UNTIL) {
            /* joined to each child it may join */
            for (uint32_t k = p->first_child; k; k = ps_engine_pcb(e, k)->next_sibling)
                if ((p->wait_obj == PS_WAIT_ANY || p->wait_obj == k) && shown(a->token_at[k - 1]) &&
                    ps_engine_pcb(e, k)->created && ps_engine_pcb(e, k)->state != PS_EXIT)
                    tie(a, from, a->token_at[k - 1], red && gui_res_in_cycle(&a->res, k), pid);
        }
    }
}
