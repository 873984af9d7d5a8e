/* fixture: the engine may not use live mode */
#include "procsim/live.h"
