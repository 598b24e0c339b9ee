// CByteMasks: where a CSV's separators and quotes are in 64 bytes of input, as two bit masks,
// found with SSE2's 16-byte compares and its "move mask" instruction (every x86-64 has them),
// which Swift's SIMD types cannot say; elsewhere (ARM) a plain loop the compiler vectorizes.
// Not a package dependency: a few lines of our own C, header-only.
#ifndef REPORTKIT_CBYTEMASKS_H
#define REPORTKIT_CBYTEMASKS_H

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The two masks of one block: bit i is set when byte i of the block is
/// - `field_ends`: the delimiter, `\n` or `\r` (where an unquoted field ends);
/// - `quoted_ends`: the quote, `\n` or `\r` (what a quoted field's scan stops at).
typedef struct {
    uint64_t field_ends;
    uint64_t quoted_ends;
} reportkit_csv_masks;


/// The masks of the 64 bytes at `block` (all 64 must be readable).
static inline __attribute__((always_inline)) reportkit_csv_masks reportkit_csv_block(const uint8_t *block, uint8_t delimiter, uint8_t quote) {
    reportkit_csv_masks masks = {0, 0};
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter), q = _mm_set1_epi8((char)quote);
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    for (int part = 0; part < 4; part++) {
        __m128i bytes = _mm_loadu_si128((const __m128i *)(block + 16 * part));
        __m128i breaks = _mm_or_si128(_mm_cmpeq_epi8(bytes, lf), _mm_cmpeq_epi8(bytes, cr));
        uint64_t ends = (uint16_t)_mm_movemask_epi8(_mm_or_si128(breaks, _mm_cmpeq_epi8(bytes, d)));
        uint64_t quoted = (uint16_t)_mm_movemask_epi8(_mm_or_si128(breaks, _mm_cmpeq_epi8(bytes, q)));
        masks.field_ends |= ends << (16 * part);
        masks.quoted_ends |= quoted << (16 * part);
    }
#else
    for (int i = 0; i < 64; i++) {
        uint8_t byte = block[i];
        uint64_t brk = (byte == '\n') | (byte == '\r');
        masks.field_ends |= (brk | (byte == delimiter)) << i;
        masks.quoted_ends |= (brk | (byte == quote)) << i;
    }
#endif
    return masks;
}

#endif
