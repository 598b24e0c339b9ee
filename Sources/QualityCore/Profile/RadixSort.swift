/// Sorting the exact finish's keys without a comparison per pair: least significant byte
/// first, eight passes of one byte over 64-bit keys (a pass whose byte is the same in every
/// key is skipped), into a second buffer and back. Equal keys keep no particular order: the
/// finish adds their counts up.
enum RadixSort {
    /// Below this many keys a comparison sort is quicker.
    static let smallest = 256

    /// Sorts `pairs` by `key`, ascending.
    static func sort(_ pairs: inout [(key: UInt64, count: Int)]) {
        let count = pairs.count
        guard count >= smallest else {
            pairs.sort { $0.key < $1.key }
            return
        }
        var histograms = [Int](repeating: 0, count: 8 * 256)
        pairs.withUnsafeBufferPointer { pairs in
            histograms.withUnsafeMutableBufferPointer { histograms in
                for pair in pairs {
                    var key = pair.key
                    for byte in 0..<8 {
                        histograms[byte * 256 + Int(key & 0xFF)] += 1
                        key >>= 8
                    }
                }
            }
        }
        var spare = pairs
        var inSpare = false
        for byte in 0..<8 {
            let base = byte * 256
            if histograms[base + Int((pairs[0].key >> UInt64(byte * 8)) & 0xFF)] == count { continue }
            var offsets = [Int](repeating: 0, count: 256)
            var running = 0
            for bucket in 0..<256 {
                offsets[bucket] = running
                running += histograms[base + bucket]
            }
            let shift = UInt64(byte * 8)
            if inSpare {
                scatter(spare, into: &pairs, offsets: &offsets, shift: shift)
            } else {
                scatter(pairs, into: &spare, offsets: &offsets, shift: shift)
            }
            inSpare.toggle()
        }
        if inSpare { swap(&pairs, &spare) }
    }

    private static func scatter(
        _ from: [(key: UInt64, count: Int)], into: inout [(key: UInt64, count: Int)], offsets: inout [Int], shift: UInt64
    ) {
        from.withUnsafeBufferPointer { from in
            into.withUnsafeMutableBufferPointer { into in
                offsets.withUnsafeMutableBufferPointer { offsets in
                    for pair in from {
                        let bucket = Int((pair.key >> shift) & 0xFF)
                        into[offsets[bucket]] = pair
                        offsets[bucket] += 1
                    }
                }
            }
        }
    }

    /// `value` as a key that sorts as the integer does.
    @inline(__always)
    static func key(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) ^ (1 << 63) }

    @inline(__always)
    static func integer(_ key: UInt64) -> Int64 { Int64(bitPattern: key ^ (1 << 63)) }

    /// `value` (not NaN; `-0.0` already made `0.0`) as a key that sorts as the number does.
    @inline(__always)
    static func key(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }

    @inline(__always)
    static func number(_ key: UInt64) -> Double {
        Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
    }
}
