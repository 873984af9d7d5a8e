/* scenario_load.c — placeholder until the loader lands */
#include "procsim/scenario.h"
