/* draw.c — see draw.h. */
#include "draw.h"

#include <math.h>

SDL_Color gui_rgba(unsigned rgb, unsigned char alpha)
{
    return (SDL_Color){(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, alpha};
}

SDL_Color gui_state_color(ps_state s)
{
    static const unsigned rgb[PS_STATE_COUNT] = {
        [PS_NEW] = 0x7e9bd6, [PS_READY] = 0x4caf50, [PS_RUNNING] = 0xffb300,
        [PS_BLOCKED] = 0xe5534b, [PS_READY_SUSPENDED] = 0x4db6ac,
        [PS_BLOCKED_SUSPENDED] = 0xba68c8, [PS_EXIT] = 0x8a8f98,
    };
    return gui_rgba((unsigned)s < PS_STATE_COUNT ? rgb[s] : 0x888888, 255);
}

SDL_Color gui_token_color(uint32_t pid)
{
    static const unsigned rgb[] = {0x42a5f5, 0xef5350, 0x66bb6a, 0xffca28, 0xab47bc, 0x26c6da,
                                   0xff7043, 0x9ccc65, 0xec407a, 0x7e57c2, 0x26a69a, 0xd4e157};
    return gui_rgba(rgb[(pid - 1) % (sizeof rgb / sizeof rgb[0])], 255);
}

static SDL_FPoint fp(gui_point p)
{
    return (SDL_FPoint){p.x, p.y};
}

void gui_fill(SDL_Renderer *r, gui_rect a, SDL_Color c)
{
    SDL_FRect f = {a.x, a.y, a.w, a.h};
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRectF(r, &f);
}

void gui_frame(SDL_Renderer *r, gui_rect a, SDL_Color c, float w)
{
    gui_fill(r, (gui_rect){a.x, a.y, a.w, w}, c);
    gui_fill(r, (gui_rect){a.x, a.y + a.h - w, a.w, w}, c);
    gui_fill(r, (gui_rect){a.x, a.y, w, a.h}, c);
    gui_fill(r, (gui_rect){a.x + a.w - w, a.y, w, a.h}, c);
}

void gui_line(SDL_Renderer *r, gui_point a, gui_point b, float width, SDL_Color c)
{
    float dx = b.x - a.x, dy = b.y - a.y, len = sqrtf(dx * dx + dy * dy);
    if (len <= 0)
        return;
    float nx = -dy / len * width / 2, ny = dx / len * width / 2;
    SDL_Vertex v[4] = {
        {{a.x + nx, a.y + ny}, c, {0, 0}}, {{a.x - nx, a.y - ny}, c, {0, 0}},
        {{b.x - nx, b.y - ny}, c, {0, 0}}, {{b.x + nx, b.y + ny}, c, {0, 0}},
    };
    static const int idx[6] = {0, 1, 2, 0, 2, 3};
    SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
}

void gui_disc(SDL_Renderer *r, gui_point o, float radius, SDL_Color c)
{
    enum { SEG = 20 };
    SDL_Vertex v[SEG + 1];
    int idx[SEG * 3];
    v[0] = (SDL_Vertex){fp(o), c, {0, 0}};
    for (int i = 0; i < SEG; i++) {
        float a = (float)i * 6.2831853f / SEG;
        v[i + 1] = (SDL_Vertex){{o.x + cosf(a) * radius, o.y + sinf(a) * radius}, c, {0, 0}};
        idx[3 * i] = 0;
        idx[3 * i + 1] = i + 1;
        idx[3 * i + 2] = i + 1 < SEG ? i + 2 : 1;
    }
    SDL_RenderGeometry(r, NULL, v, SEG + 1, idx, SEG * 3);
}

void gui_arrowhead(SDL_Renderer *r, gui_point from, gui_point tip, float size, SDL_Color c)
{
    float dx = tip.x - from.x, dy = tip.y - from.y, len = sqrtf(dx * dx + dy * dy);
    if (len <= 0)
        return;
    dx /= len;
    dy /= len;
    gui_point base = {tip.x - dx * size, tip.y - dy * size};
    SDL_Vertex v[3] = {
        {fp(tip), c, {0, 0}},
        {{base.x - dy * size * 0.5f, base.y + dx * size * 0.5f}, c, {0, 0}},
        {{base.x + dy * size * 0.5f, base.y - dx * size * 0.5f}, c, {0, 0}},
    };
    SDL_RenderGeometry(r, NULL, v, 3, NULL, 0);
}
