/* fixture: the loader may not see the engine's insides */
#include "engine_internal.h"
