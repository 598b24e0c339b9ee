/// A fast 64-bit hash of a field's bytes, well mixed in every bit (HyperLogLog reads the
/// top bits, the tables the low ones). Deterministic: no per-process seed, so sketches
/// made by different processes or cores merge.
enum ByteHash {
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
            state = (state << 29) | (state >> 35)
            index += 8
        }
        if index < count {
            state = (state ^ ByteWords.tail(bytes, from: index)) &* 0xC4CE_B9FE_1A85_EC53
        }
        return mix(state)
    }

    /// MurmurHash3's 64-bit finalizer: every input bit reaches every output bit.
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
