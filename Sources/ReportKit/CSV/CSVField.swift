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
    @usableFromInline var digits: UInt32 = 0

    @inlinable
    init(start: Int, end: Int, quoted: Bool, doubledQuotes: Bool) {
        self.start = start
        self.end = end
        flags = (quoted ? 1 : 0) | (doubledQuotes ? 2 : 0)
    }

    /// An unquoted field of 1 to 4 ASCII digits, whose value the scanner worked out while it
    /// looked for the field's end.
    @inlinable
    init(start: Int, end: Int, digits: UInt32) {
        self.start = start
        self.end = end
        flags = 4
        self.digits = digits
    }

    /// The value of an unquoted field of 1 to 4 ASCII digits (`7`, `0042`, `2019`), found in
    /// the scanning pass; `nil` for any other field. Tables of counts are mostly such fields.
    @inlinable public var smallWholeNumber: Int? { flags & 4 != 0 ? Int(digits) : nil }

    /// `true` when the field was written in quotes.
    @inlinable public var isQuoted: Bool { flags & 1 != 0 }
    /// `true` when the value holds doubled quotes, which stand for one quote each.
    @inlinable public var hasDoubledQuotes: Bool { flags & 2 != 0 }
    /// The value's length in bytes, as written (doubled quotes count twice).
    @inlinable public var count: Int { end - start }
}
