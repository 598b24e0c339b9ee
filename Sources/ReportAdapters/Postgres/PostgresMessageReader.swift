/// Cuts the server's byte stream into messages (protocol 3.0: a type byte, a big-endian
/// length that counts itself, the body). Reads in large pieces into one buffer, so a `COPY`
/// of many short `CopyData` messages costs one system call per piece, not per row.
///
/// A message's body is valid until the next call to ``next()``.
final class PostgresMessageReader {
    let stream: any PostgresByteStream
    /// Reads wait until this instant at most (`nil`: no limit).
    var deadline: ContinuousClock.Instant?
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0

    /// No message is longer than this (the server's own limit is 1 GiB).
    static let maxMessageBytes = 1 << 30

    init(stream: any PostgresByteStream, capacity: Int = 256 << 10) {
        self.stream = stream
        buffer = .allocate(byteCount: capacity, alignment: 8)
    }

    deinit { buffer.deallocate() }

    /// The next message.
    /// - Throws: ``PostgresDeadlinePassed`` at the deadline; ``PostgresError`` when the
    ///   connection closes or fails (`connectionLost`) or a length is impossible.
    func next() throws -> PostgresBackendMessage {
        try fill(5)
        let type = buffer[start]
        let length = Int(buffer[start + 1]) << 24 | Int(buffer[start + 2]) << 16 | Int(buffer[start + 3]) << 8 | Int(buffer[start + 4])
        guard length >= 4, length <= Self.maxMessageBytes else {
            throw PostgresError(.protocolViolation("a message of type '\(Self.printable(type))' claims a length of \(length) bytes"))
        }
        try fill(1 + length)
        let body = UnsafeRawBufferPointer(rebasing: buffer[(start + 5)..<(start + 1 + length)])
        start += 1 + length
        return PostgresBackendMessage(type: type, body: body)
    }

    /// Makes at least `count` unread bytes available, moving the unread part to the front or
    /// growing the buffer when it must.
    private func fill(_ count: Int) throws {
        guard end - start < count else { return }
        if count > buffer.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, buffer.count * 2), alignment: 8)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
            buffer.deallocate()
            buffer = larger
            end -= start
            start = 0
        } else if start + count > buffer.count {
            let unread = end - start
            if unread > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: unread) }
            start = 0
            end = unread
        }
        while end - start < count {
            let read: Int
            do {
                read = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]), deadline: deadline)
            } catch let failure as PostgresSocketFailure {
                throw PostgresError(.connectionLost(failure.description))
            }
            guard read > 0 else { throw PostgresError(.connectionLost("the server closed the connection")) }
            end += read
        }
    }

    static func printable(_ type: UInt8) -> String {
        (0x21...0x7E).contains(type) ? String(UnicodeScalar(type)) : "0x" + String(type, radix: 16)
    }
}

/// One message from the server: its type byte and its body (valid until the reader's next call).
struct PostgresBackendMessage {
    let type: UInt8
    let body: UnsafeRawBufferPointer

    var cursor: PostgresBodyCursor { PostgresBodyCursor(body) }
}

/// Reads a message body's fields in order; reading past the end is a protocol error.
struct PostgresBodyCursor {
    private let body: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ body: UnsafeRawBufferPointer) { self.body = body }

    var isAtEnd: Bool { offset >= body.count }

    mutating func byte() throws(PostgresError) -> UInt8 {
        try need(1)
        defer { offset += 1 }
        return body[offset]
    }

    mutating func int16() throws(PostgresError) -> Int16 {
        try need(2)
        defer { offset += 2 }
        return Int16(bitPattern: UInt16(body[offset]) << 8 | UInt16(body[offset + 1]))
    }

    mutating func int32() throws(PostgresError) -> Int32 {
        try need(4)
        defer { offset += 4 }
        let value = UInt32(body[offset]) << 24 | UInt32(body[offset + 1]) << 16 | UInt32(body[offset + 2]) << 8 | UInt32(body[offset + 3])
        return Int32(bitPattern: value)
    }

    /// A NUL-terminated string (UTF-8, invalid bytes replaced).
    mutating func cString() throws(PostgresError) -> String {
        guard let end = body[offset...].firstIndex(of: 0) else {
            throw PostgresError(.protocolViolation("a string in a message has no terminating NUL"))
        }
        defer { offset = end + 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: body[offset..<end]), as: UTF8.self)
    }

    mutating func bytes(_ count: Int) throws(PostgresError) -> [UInt8] {
        try need(count)
        defer { offset += count }
        return Array(body[offset..<(offset + count)])
    }

    /// The rest of the body.
    mutating func rest() -> [UInt8] {
        defer { offset = body.count }
        return Array(body[offset...])
    }

    private func need(_ count: Int) throws(PostgresError) {
        guard count >= 0, offset + count <= body.count else {
            throw PostgresError(.protocolViolation("a message is shorter than its fields"))
        }
    }
}
