/// A field's bytes as little-endian 64-bit words, zero past the bytes, read with a few loads
/// instead of a loop over the bytes (``ByteCountTable``'s inline values, ``ByteHash``'s and
/// ``CodePoints``' last bytes): the words a byte-by-byte loop would build, bit for bit.
enum ByteWords {
    /// A value of at most 8 bytes as a word: two overlapping 4-byte loads from 4 bytes on,
    /// three single bytes (overlapping) below.
    @inline(__always)
    static func word(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let length = bytes.count
        if length == 8 { return bytes.loadUnaligned(as: UInt64.self) }
        if length >= 4 {
            let first = UInt64(bytes.loadUnaligned(as: UInt32.self))
            let last = UInt64(bytes.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)) &>> UInt64((8 - length) * 8)
            return first | last &<< 32
        }
        guard length > 0 else { return 0 }
        let middle = length / 2, end = length - 1
        return UInt64(bytes[0]) | UInt64(bytes[middle]) &<< UInt64(middle * 8) | UInt64(bytes[end]) &<< UInt64(end * 8)
    }

    /// The bytes from `index` to the end, fewer than 8, as a word: when `bytes` has 8 or
    /// more, one load of its last 8 (overlapping bytes before `index`, shifted out).
    @inline(__always)
    static func tail(_ bytes: UnsafeRawBufferPointer, from index: Int) -> UInt64 {
        let left = bytes.count - index
        guard left > 0 else { return 0 }
        guard bytes.count >= 8 else { return word(UnsafeRawBufferPointer(rebasing: bytes[index...])) }
        return bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self) &>> UInt64((8 - left) * 8)
    }
}
