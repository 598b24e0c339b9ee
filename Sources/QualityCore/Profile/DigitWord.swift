/// Eight bytes of a field as one little-endian word, whose digits are checked and read
/// without a loop over the bytes and a branch per byte (``ValueForm``'s dates and clocks).
struct DigitWord {
    let word: UInt64

    @inline(__always)
    init(_ word: UInt64) { self.word = word }

    /// Whether every byte `mask` covers (`0xFF` per byte) is an ASCII digit: its high nibble
    /// 3, its low nibble at most 9 (adding 6 to it carries into the high nibble past 9; no
    /// byte carries into the next).
    @inline(__always)
    func hasDigits(at mask: UInt64) -> Bool {
        let high = word & 0xF0F0_F0F0_F0F0_F0F0 & mask
        let pastNine = (word & 0x0F0F_0F0F_0F0F_0F0F &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 & mask
        return high == 0x3030_3030_3030_3030 & mask && pastNine == 0
    }

    /// The number the `digits` digit bytes from byte `start` spell (``hasDigits(at:)`` of them holds).
    @inline(__always)
    func number(at start: Int, digits: Int) -> Int {
        var value = 0
        for index in start..<(start + digits) { value = value &* 10 &+ Int(truncatingIfNeeded: (word &>> UInt64(index * 8)) & 0x0F) }
        return value
    }
}
