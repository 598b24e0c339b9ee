/// The first 16 bytes of a text's UTF-8, zero-padded, as two big-endian integers: ordered as
/// the texts' code points are wherever two heads differ (UTF-8's byte order is code-point
/// order, and a text that ends first is a prefix, padded with zeros that sort first). Equal
/// heads say nothing: the texts are then compared whole.
struct CodePointHead: Hashable, Comparable {
    var high: UInt64
    var low: UInt64

    init(_ text: String) {
        var text = text
        (high, low) = text.withUTF8 { bytes in
            var high: UInt64 = 0
            var low: UInt64 = 0
            for offset in 0..<16 {
                let byte = offset < bytes.count ? UInt64(bytes[offset]) : 0
                if offset < 8 { high = high << 8 | byte } else { low = low << 8 | byte }
            }
            return (high, low)
        }
    }

    static func < (lhs: CodePointHead, rhs: CodePointHead) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }
}
