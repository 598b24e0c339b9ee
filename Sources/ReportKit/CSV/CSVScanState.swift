/// Where a CSV reader is between two bytes, as far as finding record ends goes: the five
/// states of the machine that decides whether a line break ends a record or is text inside
/// a quoted field.
///
/// | state | `quote` | delimiter | `\n` or `\r` | other |
/// |---|---|---|---|---|
/// | ``recordStart`` | ``quoted`` | ``fieldStart`` | a blank line → ``recordStart`` | ``unquoted`` |
/// | ``fieldStart`` | ``quoted`` | ``fieldStart`` | ends the record → ``recordStart`` | ``unquoted`` |
/// | ``unquoted`` | ``unquoted`` | ``fieldStart`` | ends the record → ``recordStart`` | ``unquoted`` |
/// | ``quoted`` | ``quoteInQuoted`` | ``quoted`` | ``quoted`` (text) | ``quoted`` |
/// | ``quoteInQuoted`` | ``quoted`` (a doubled quote) | ``fieldStart`` | ends the record → ``recordStart`` | ``unquoted`` (an error the scanner reports) |
///
/// A file starts at ``recordStart``.
///
/// ``CSVScanner`` ends records exactly where this machine does (a `\r\n` ends one record
/// at the `\r`; the `\n` then is a blank line, and blank lines are skipped). So a record
/// boundary found with it is one the scanner agrees with; see ``CSVBoundaries``.
public enum CSVScanState: UInt8, Sendable, Hashable, CaseIterable {
    case recordStart, fieldStart, unquoted, quoted, quoteInQuoted

    /// The state after `byte`, and whether `byte` ends a record.
    @inlinable
    public func next(_ byte: UInt8, _ dialect: CSVDialect) -> (state: CSVScanState, endsRecord: Bool) {
        let lineBreak = byte == 0x0A || byte == 0x0D
        switch self {
        case .quoted:
            return (byte == dialect.quote ? .quoteInQuoted : .quoted, false)
        case .recordStart, .fieldStart, .unquoted, .quoteInQuoted:
            if lineBreak { return (.recordStart, true) }
            if byte == dialect.delimiter { return (.fieldStart, false) }
            if byte == dialect.quote {
                return (self == .unquoted ? .unquoted : .quoted, false)
            }
            return (.unquoted, false)
        }
    }

    /// `true` when the reader is inside a quoted field, where a line break is text.
    @inlinable public var isInsideQuotes: Bool { self == .quoted }
}
