// CPrefetch: the one thing Swift cannot say, a cache prefetch hint (`__builtin_prefetch`),
// for QualityCore's value tables. Not a package dependency: a few lines of our own C.
// A hint changes no result, only when a cache line arrives.
#ifndef REPORTKIT_CPREFETCH_H
#define REPORTKIT_CPREFETCH_H

/// Asks the processor to bring the cache line holding `address` in, for reading soon.
static inline __attribute__((always_inline)) void reportkit_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
