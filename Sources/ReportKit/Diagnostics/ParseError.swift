/// Bad input found while reading a document: where, and what is wrong.
///
/// Printed the way compilers print, so editors and people can jump to it:
///
///     Fixtures/slips/bad.yaml:3:9: error: yaml: a mapping value is not allowed here
///       date: a: b
///             ^
public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, when the reader knows it (adapters and the CLI fill it in).
    public var file: String?
    /// Where the problem starts.
    public var location: SourceLocation
    /// The format being read: "yaml", "json", "csv".
    public var stage: String
    /// What is wrong, in words a person can act on.
    public var message: String
    /// The text of the offending line, without its line break, for the caret display.
    public var sourceLine: String?

    public init(
        file: String? = nil, location: SourceLocation, stage: String, message: String,
        sourceLine: String? = nil
    ) {
        self.file = file
        self.location = location
        self.stage = stage
        self.message = message
        self.sourceLine = sourceLine
    }

    /// The same error, attributed to `file`.
    public func inFile(_ file: String) -> ParseError {
        var copy = self
        copy.file = file
        return copy
    }

    /// `file:line:col: error: stage: message`, on one line.
    public var summary: String {
        "\(file ?? "<input>"):\(location.line):\(location.column): error: \(stage): \(message)"
    }

    /// The summary, then the source line and a caret under the column.
    public var description: String {
        guard let sourceLine else { return summary }
        let prefix = sourceLine.unicodeScalars.prefix(max(0, location.column - 1))
        let padding = String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : " " }))
        return "\(summary)\n  \(sourceLine)\n  \(padding)^"
    }
}
