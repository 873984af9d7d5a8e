/* draw.h — the handful of drawing primitives the GUI needs on top of
 * SDL_Renderer: filled and framed rectangles, thick lines, discs and
 * arrowheads (as SDL_RenderGeometry triangles), and the palette. */
#ifndef PROCSIM_GUI_DRAW_H
#define PROCSIM_GUI_DRAW_H

#include <SDL.h>

#include "layout.h"

void gui_fill(SDL_Renderer *r, gui_rect a, SDL_Color c);
void gui_frame(SDL_Renderer *r, gui_rect a, SDL_Color c, float width);
void gui_line(SDL_Renderer *r, gui_point a, gui_point b, float width, SDL_Color c);
void gui_disc(SDL_Renderer *r, gui_point centre, float radius, SDL_Color c);
/* Free what gui_disc keeps for renderer r (call before destroying it). */
void gui_draw_forget(SDL_Renderer *r);
/* A filled triangle pointing from `from` to `tip`, `size` long. */
void gui_arrowhead(SDL_Renderer *r, gui_point from, gui_point tip, float size, SDL_Color c);

SDL_Color gui_state_color(ps_state s);
SDL_Color gui_token_color(uint32_t pid);
SDL_Color gui_rgba(unsigned rgb, unsigned char alpha);

#endif
