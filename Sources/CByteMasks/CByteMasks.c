// CByteMasks is header-only (see include/CByteMasks.h); SwiftPM wants one source file per C target.
#include "CByteMasks.h"
