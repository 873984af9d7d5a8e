/* engine reaches up to live through the public include path, with angle brackets */
#include <procsim/live.h>
