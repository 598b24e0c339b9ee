/// Where one field of a ``CSVRecord`` is: a byte range in the record's bytes, without the
/// quotes of a quoted field.
///
/// A field with a doubled quote inside (`"say ""hi"""`) has ``hasDoubledQuotes``; its range
/// still holds the doubled quotes, and ``CSVRecord/withField(_:_:)`` gives it unescaped.
/// Every other field's range is its value as it is.
public struct CSVField: Sendable, Hashable {
    /// The offset of the value's first byte from the record's first byte.
    public var start: Int
    /// The offset just after the value's last byte.
    public var end: Int
    @usableFromInline var flags: UInt8

    @inlinable
    init(start: Int, end: Int, quoted: Bool, doubledQuotes: Bool) {
        self.start = start
        self.end = end
        flags = (quoted ? 1 : 0) | (doubledQuotes ? 2 : 0)
    }

    /// `true` when the field was written in quotes.
    @inlinable public var isQuoted: Bool { flags & 1 != 0 }
    /// `true` when the value holds doubled quotes, which stand for one quote each.
    @inlinable public var hasDoubledQuotes: Bool { flags & 2 != 0 }
    /// The value's length in bytes, as written (doubled quotes count twice).
    @inlinable public var count: Int { end - start }
}
