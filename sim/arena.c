/* arena.c — placeholder until the loader lands */
#include <stddef.h>
