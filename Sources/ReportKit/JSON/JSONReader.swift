/// Reads JSON text (RFC 8259, strictly) into a ``JSONValue``.
///
/// Works on UTF-8 bytes directly: a 240 MB buildables table reads in well under a second,
/// where Foundation's `JSONSerialization` takes several. Errors are ``ParseError``s with
/// stage `json` and the line and column of the offending character:
///
///     db.json:3:17: error: json: expected ',' or '}' after an object member
///
/// Duplicate keys in an object are an error (RFC 8259 leaves them undefined; a report must
/// not silently pick one). Numbers become `Double`s, correctly rounded. Nesting deeper than
/// ``maximumDepth`` is refused rather than overflowing the stack.
public enum JSONReader {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    /// Parses one JSON document from UTF-8 bytes (a leading byte-order mark is skipped).
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(ParseError) in try parse(buffer) }
    }

    /// Parses one JSON document from UTF-8 bytes in memory (a mapped file, say).
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(ParseError) -> JSONValue {
        var parser = JSONByteParser(buffer)
        do {
            return try parser.document()
        } catch {
            throw error.parseError(in: Array(buffer), stage: "json")
        }
    }

    /// Parses one JSON document from text.
    public static func parse(_ text: String) throws(ParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}
