/*
 * Two glibc symbols that GCC 12's libstdc++.a (linked into bootstrap by scripts/package-lambda)
 * refers to, defined here so that the bootstrap links against Debian 11's glibc 2.31 and so
 * needs no glibc newer than provided.al2023's 2.34 (nor than 2.31). Both are hidden: they stay
 * inside the binary and never stand in for the system's own.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/random.h>

/*
 * glibc 2.32 and later: nonzero while the process has one thread, letting libstdc++ skip
 * atomic operations (reference counts, static-local guards). Zero means "maybe several
 * threads", so libstdc++ always takes the atomic path: never wrong, at most a little slower.
 */
__attribute__((visibility("hidden"))) char __libc_single_threaded = 0;

/*
 * glibc 2.36 and later: random 32 bits from the kernel, used by std::random_device's
 * "arc4random" token. getrandom (glibc 2.25) gives the same kernel randomness; on an
 * interrupted or short read it asks again, and it stops the process if the kernel has no
 * getrandom at all (Linux before 3.17) rather than return something that is not random.
 */
__attribute__((visibility("hidden"))) unsigned int arc4random(void) {
    unsigned int value;
    for (;;) {
        long got = getrandom(&value, sizeof value, 0);
        if (got == (long)sizeof value) return value;
        if (got < 0 && errno != EINTR && errno != EAGAIN) abort();
    }
}
