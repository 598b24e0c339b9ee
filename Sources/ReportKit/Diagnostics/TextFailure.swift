/// A problem found by a byte-level reader, before it knows lines and columns: the byte
/// offset and the message. The reader's public entry point turns it into a ``ParseError``.
struct TextFailure: Error {
    var offset: Int
    var message: String

    /// The failure as a located ``ParseError`` of `stage`, with the offending line's text.
    func parseError(in bytes: [UInt8], stage: String) -> ParseError {
        let offset = min(self.offset, bytes.count)
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = offset
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        let line = String(decoding: bytes[start..<end].prefix(300), as: UTF8.self)
        return ParseError(location: SourceLocation.of(offset: offset, in: bytes), stage: stage, message: message, sourceLine: line)
    }
}
