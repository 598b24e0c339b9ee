/// Writes records in a ``CSVDialect``, quoting a field only where it must be quoted: when it
/// holds the delimiter, the quote, `\r` or `\n` (and an empty record's one field, which
/// would otherwise be a blank line, which readers skip). Quotes inside a quoted field are
/// doubled. What ``CSVScanner`` reads back is the same fields.
public struct CSVWriter: Sendable {
    /// The line end written after each record.
    public enum LineEnd: String, Sendable, Hashable, CaseIterable {
        case lf = "\n"
        case crlf = "\r\n"
        case cr = "\r"
    }

    public let dialect: CSVDialect
    public let lineEnd: LineEnd
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []

    /// A writer in `dialect` (RFC 4180 ends lines with `\r\n`; `\n` is the default here, as
    /// Unix tools and pandas write).
    public init(dialect: CSVDialect = .rfc4180, lineEnd: LineEnd = .lf) {
        self.dialect = dialect
        self.lineEnd = lineEnd
    }

    /// Appends one record.
    public mutating func write(_ fields: some Sequence<some StringProtocol>) {
        var count = 0
        var onlyEmpty = true
        for field in fields {
            if count > 0 { bytes.append(dialect.delimiter) }
            count += 1
            var text = String(field)
            if !text.isEmpty { onlyEmpty = false }
            text.withUTF8 { append(field: $0) }
        }
        // One empty field alone is written `""`, so that it is not a blank line. (A record of
        // no fields is one, and reads back as nothing.)
        if count == 1, onlyEmpty {
            bytes.append(dialect.quote)
            bytes.append(dialect.quote)
        }
        bytes.append(contentsOf: lineEnd.rawValue.utf8)
    }

    /// Appends one row of a ``TableSource``: a missing cell as an empty field, an empty text as
    /// `""`, so that ``CSVScanner`` reads the same cells back (an unquoted empty field is
    /// missing). A row of one missing cell is written `""` too, as pandas does: an empty line
    /// would be skipped by readers.
    public mutating func write(row: TableRowView) {
        for index in 0..<row.count {
            if index > 0 { bytes.append(dialect.delimiter) }
            guard let cell = row[index] else {
                if row.count == 1 {
                    bytes.append(dialect.quote)
                    bytes.append(dialect.quote)
                }
                continue
            }
            if cell.isEmpty {
                bytes.append(dialect.quote)
                bytes.append(dialect.quote)
            } else {
                append(field: cell.assumingMemoryBound(to: UInt8.self))
            }
        }
        bytes.append(contentsOf: lineEnd.rawValue.utf8)
    }

    /// Appends one field's bytes, quoted if they need it.
    public mutating func append(field: UnsafeBufferPointer<UInt8>) {
        guard needsQuotes(field) else {
            bytes.append(contentsOf: field)
            return
        }
        bytes.append(dialect.quote)
        for byte in field {
            bytes.append(byte)
            if byte == dialect.quote { bytes.append(byte) }
        }
        bytes.append(dialect.quote)
    }

    /// `true` when `field` holds the delimiter, the quote, `\r` or `\n`.
    public func needsQuotes(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        field.contains { $0 == dialect.delimiter || $0 == dialect.quote || $0 == 0x0A || $0 == 0x0D }
    }

    /// The records written as one text, for small outputs and tests.
    public static func text(_ records: [[String]], dialect: CSVDialect = .rfc4180, lineEnd: LineEnd = .lf) -> String {
        var writer = CSVWriter(dialect: dialect, lineEnd: lineEnd)
        for record in records { writer.write(record) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
