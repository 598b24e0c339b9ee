/// A position in a text document.
///
/// `line` and `column` are 1-based. `column` counts Unicode scalars from the start of the
/// line (a tab is one column), which is what editors that jump to `file:line:col` expect
/// for the files reports read.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The location of UTF-8 byte `offset` in `bytes`: its line and scalar column.
    public static func of(offset: Int, in bytes: some Collection<UInt8>) -> SourceLocation {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        var remaining = min(offset, bytes.count)
        while remaining > 0 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count scalars: skip UTF-8 continuation bytes
            }
            index = bytes.index(after: index)
            remaining -= 1
        }
        return SourceLocation(line: line, column: column)
    }
}
