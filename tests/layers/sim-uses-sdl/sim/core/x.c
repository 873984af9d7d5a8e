/* the library drawing a window */
#include <SDL2/SDL.h>
