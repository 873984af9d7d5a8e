/* fixture: climbing out of the folder with angle brackets */
#include <../engine/engine_internal.h>
