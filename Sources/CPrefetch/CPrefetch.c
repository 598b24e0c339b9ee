// CPrefetch is header-only (see include/CPrefetch.h); SwiftPM wants one source file per C target.
#include "CPrefetch.h"
