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

/* Discs are drawn from sprites: a disc with a soft edge, one per radius
 * (to half a pixel) and colour.  The software renderer copies one far
 * faster than it fills 20 triangles of geometry (bench_gui: most of a
 * frame with many tokens went to them), and faster still without colour
 * modulation, hence a sprite per colour (the tokens have twelve).  The
 * sprites belong to their renderer: gui_draw_forget before it is
 * destroyed. */
enum { DISC_SPRITES = 48 };

static struct disc_sprite {
    SDL_Renderer *r;   /* NULL: free */
    int half_px;       /* radius in half pixels */
    Uint32 rgba;       /* colour */
    int size;          /* the texture's side */
    SDL_Texture *t;
} disc_sprite[DISC_SPRITES];
static int disc_next; /* the slot replaced next when all are used */

static SDL_Texture *disc_texture(SDL_Renderer *r, int half_px, SDL_Color c, int *size)
{
    Uint32 rgba = (Uint32)c.r << 24 | (Uint32)c.g << 16 | (Uint32)c.b << 8 | c.a;
    for (int i = 0; i < DISC_SPRITES; i++)
        if (disc_sprite[i].r == r && disc_sprite[i].half_px == half_px && disc_sprite[i].rgba == rgba) {
            *size = disc_sprite[i].size;
            return disc_sprite[i].t;
        }
    float radius = (float)half_px / 2;
    int n = (int)ceilf(2 * radius) + 2;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, n, n, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    for (int y = 0; y < n; y++)
        for (int x = 0; x < n; x++) {
            float dx = (float)x + 0.5f - (float)n / 2, dy = (float)y + 0.5f - (float)n / 2;
            float a = radius - sqrtf(dx * dx + dy * dy) + 0.5f;
            Uint32 alpha = a <= 0 ? 0 : a >= 1 ? c.a : (Uint32)(a * (float)c.a);
            ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] =
                alpha << 24 | (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
        }
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (!t)
        return NULL;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    struct disc_sprite *d = &disc_sprite[disc_next];
    disc_next = (disc_next + 1) % DISC_SPRITES;
    if (d->t && d->r)
        SDL_DestroyTexture(d->t);
    *d = (struct disc_sprite){r, half_px, rgba, n, t};
    *size = n;
    return t;
}

void gui_draw_forget(SDL_Renderer *r)
{
    for (int i = 0; i < DISC_SPRITES; i++)
        if (disc_sprite[i].r == r) {
            SDL_DestroyTexture(disc_sprite[i].t);
            disc_sprite[i] = (struct disc_sprite){0};
        }
}

void gui_disc(SDL_Renderer *r, gui_point o, float radius, SDL_Color c)
{
    int size;
    SDL_Texture *t = disc_texture(r, (int)lroundf(radius * 2), c, &size);
    if (!t)
        return;
    SDL_FRect dst = {o.x - (float)size / 2, o.y - (float)size / 2, (float)size, (float)size};
    SDL_RenderCopyF(r, t, NULL, &dst);
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
