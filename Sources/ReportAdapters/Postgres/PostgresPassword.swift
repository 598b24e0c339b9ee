/// A password, kept out of every text: its `description` and `debugDescription` are `***`,
/// so printing a value that holds one (an error, options, a log line) never shows it.
public struct PostgresPassword: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The password's UTF-8 bytes, for the authentication exchange only.
    let bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    public var description: String { "***" }
    public var debugDescription: String { "***" }
}
