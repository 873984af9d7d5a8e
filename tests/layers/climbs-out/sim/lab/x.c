/* fixture: a path out of its folder */
#include "../engine/engine_internal.h"
