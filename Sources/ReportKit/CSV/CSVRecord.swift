/// One record the ``CSVScanner`` found: its bytes and where each field is in them.
///
/// A record is a view into the scanner's input: valid only inside the closure it is passed
/// to. Copy out what you keep (``string(_:)``, or the bytes of ``withField(_:_:)``).
///
/// Positions: ``line`` is the 1-based line the record starts on (line breaks inside quoted
/// fields count, so the next record's line is past them). ``location(ofField:)`` gives a
/// field's line and column as ``SourceLocation`` counts them: the column counts Unicode
/// scalars from the start of the line (an editor's column), computed only when asked. The
/// byte offset of a field within the record is ``CSVField/start``.
public struct CSVRecord {
    /// The record's bytes, from its first byte to just before its line end.
    public let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let fields: UnsafeBufferPointer<CSVField>
    /// The 1-based line the record starts on.
    public let line: Int
    /// The record's 0-based position in the file; the header, when the dialect has one, is 0.
    public let number: Int
    /// `true` for the first record of a dialect with a header.
    public let isHeader: Bool
    @usableFromInline let quote: UInt8

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>, fields: UnsafeBufferPointer<CSVField>, line: Int, number: Int, isHeader: Bool, quote: UInt8) {
        self.bytes = bytes
        self.fields = fields
        self.line = line
        self.number = number
        self.isHeader = isHeader
        self.quote = quote
    }

    /// The number of fields.
    @inlinable public var count: Int { fields.count }

    /// Field `index`'s position.
    @inlinable public subscript(index: Int) -> CSVField { fields[index] }

    /// Field `index`'s bytes as written, without the surrounding quotes; doubled quotes are
    /// still doubled (see ``CSVField/hasDoubledQuotes``).
    @inlinable
    public func rawField(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        // The scanner made the range, inside `bytes`: no slice checks needed.
        return UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + field.start }, count: field.end - field.start)
    }

    /// Calls `body` with field `index`'s value: the bytes in place, or for a field with
    /// doubled quotes, an unescaped copy in temporary memory (no allocation that outlives
    /// the call).
    @inlinable
    public func withField<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let field = fields[index]
        let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasDoubledQuotes else { return try body(raw) }
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { buffer in
            let count = unescape(index, into: UnsafeMutableRawPointer(buffer.baseAddress!))
            return try body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Writes field `index`'s value to `destination`, each doubled quote as one, and returns
    /// its length: at most the field's ``CSVField/count``, the room `destination` needs. The
    /// stretches between quotes are copied eight bytes at a time.
    @inlinable
    public func unescape(_ index: Int, into destination: UnsafeMutableRawPointer) -> Int {
        let field = fields[index]
        let source = UnsafeRawPointer(bytes.baseAddress! + field.start)
        let end = field.end - field.start
        let quotes = 0x0101_0101_0101_0101 &* UInt64(quote)
        var position = 0
        var written = 0
        while position < end {
            if position &+ 8 <= end {
                let word = source.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                let matched = word ^ quotes
                // No byte of the word is the quote: all eight are copied at once.
                if (matched &- 0x0101_0101_0101_0101) & ~matched & 0x8080_8080_8080_8080 == 0 {
                    destination.storeBytes(of: word, toByteOffset: written, as: UInt64.self)
                    position &+= 8
                    written &+= 8
                    continue
                }
            }
            let byte = source.load(fromByteOffset: position, as: UInt8.self)
            destination.storeBytes(of: byte, toByteOffset: written, as: UInt8.self)
            written &+= 1
            position &+= byte == quote ? 2 : 1
        }
        return written
    }

    /// Field `index`'s value as text (invalid UTF-8 repaired with U+FFFD).
    public func string(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every field's value as text.
    public var strings: [String] { (0..<count).map(string) }

    /// Where field `index` starts (its opening quote, for a quoted field).
    public func location(ofField index: Int) -> SourceLocation {
        let field = fields[index]
        return location(ofOffset: field.isQuoted ? field.start - 1 : field.start)
    }

    /// The line and scalar column of byte `offset` of the record (the record's length is
    /// the position just after its last byte).
    public func location(ofOffset offset: Int) -> SourceLocation {
        CSVRecord.location(ofOffset: offset, in: bytes, line: line)
    }

    /// The line and scalar column of `offset` in `bytes`, which start a line numbered `line`.
    static func location(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, line: Int) -> SourceLocation {
        var line = line
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < end, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }
}
