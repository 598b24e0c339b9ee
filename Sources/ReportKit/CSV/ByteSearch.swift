/// The first of three bytes in a stretch, eight bytes at a time (SWAR: a word's bytes are
/// compared at once with carry-free arithmetic), the way `memchr` finds one.
struct ByteSearch {
    private let first, second, third: UInt64
    private let a, b, c: UInt8

    init(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
        self.a = a
        self.b = b
        self.c = c
        first = 0x0101_0101_0101_0101 &* UInt64(a)
        second = 0x0101_0101_0101_0101 &* UInt64(b)
        third = 0x0101_0101_0101_0101 &* UInt64(c)
    }

    /// The index of the first of the three bytes in `base[from..<end]`, or `end`.
    @inline(__always)
    func first(in base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        var index = from
        let raw = UnsafeRawPointer(base)
        while index &+ 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let found = Self.zeroBytes(word ^ first) | Self.zeroBytes(word ^ second) | Self.zeroBytes(word ^ third)
            if found != 0 { return index &+ (found.trailingZeroBitCount >> 3) }
            index &+= 8
        }
        while index < end {
            let byte = base[index]
            if byte == a || byte == b || byte == c { return index }
            index &+= 1
        }
        return end
    }

    /// The position (0 to 7) of the first of the three bytes in `word`, eight bytes of input in
    /// little-endian order (the first byte lowest), or 8 when none of them is in it.
    @inline(__always)
    func first(inWord word: UInt64) -> Int {
        let found = Self.zeroBytes(word ^ first) | Self.zeroBytes(word ^ second) | Self.zeroBytes(word ^ third)
        return found == 0 ? 8 : found.trailingZeroBitCount >> 3
    }

    /// The high bit of each byte of `word` that is zero. Bytes above the lowest zero byte may
    /// be marked falsely (a borrow), so only the lowest mark is to be trusted.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }
}
