/* engine.c — see procsim/engine.h (being written) */
#include "procsim/engine.h"
