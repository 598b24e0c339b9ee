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
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                var parser = JSONByteParser(buffer)
                return try parser.document()
            }
        } catch let failure as TextFailure {
            throw failure.parseError(in: bytes, stage: "json")
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }

    /// Parses one JSON document from text.
    public static func parse(_ text: String) throws(ParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}
