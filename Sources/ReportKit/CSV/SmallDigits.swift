/// Digits read from a word (SWAR) of eight input bytes, in little-endian order (the first byte
/// lowest): how many of the first bytes are ASCII digits, and the value of up to four of them,
/// with a few word operations instead of a loop over the bytes.
enum SmallDigits {
    /// `word` with each ASCII digit turned into its value (0 to 9); other bytes become 10 or more.
    @inline(__always)
    static func offsets(_ word: UInt64) -> UInt64 { word ^ 0x3030_3030_3030_3030 }

    /// How many of the first bytes (0 to 8) are ASCII digits, given ``offsets(_:)`` of the word.
    @inline(__always)
    static func digitRun(_ offsets: UInt64) -> Int {
        // A byte is not a digit when its offset is 10 or more: its high bit is set, or adding
        // 0x76 to its low seven bits sets it. (No carry leaves a byte: 0x7F + 0x76 < 0x100.)
        let notDigits = (((offsets & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | offsets) & 0x8080_8080_8080_8080
        return notDigits == 0 ? 8 : notDigits.trailingZeroBitCount &>> 3
    }

    /// The value of the first `length` (1 to 4) bytes of `offsets`, which ``digitRun(_:)`` says
    /// are digits.
    @inline(__always)
    static func value(_ offsets: UInt64, length: Int) -> UInt32 {
        // The digits right-aligned in four bytes (the bytes past them shifted out, leading
        // zeros in), the most significant lowest.
        let digits = UInt32(truncatingIfNeeded: offsets) &<< UInt32(truncatingIfNeeded: 32 &- 8 &* length)
        // Pairs: 10 × a byte + the byte above it, in each 16-bit half; then 100 × the low pair
        // + the high one, in the upper half.
        let pairs = (digits &* 10 &+ (digits &>> 8)) & 0x00FF_00FF
        return (pairs &* (1 &+ (100 &<< 16))) &>> 16
    }
}
