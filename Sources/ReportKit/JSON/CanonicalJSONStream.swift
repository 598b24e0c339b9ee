/// Canonical JSON text (the layout of ``JSONWriter/canonical(_:)``, byte for byte) written as
/// it is produced and handed out in chunks, so a big document never exists whole: neither as
/// a tree of values nor as one text.
///
/// The caller opens containers, names keys (in code-point order, as the canonical layout
/// sorts them: the stream does not sort) and writes values; each value is written with
/// ``JSONWriter``'s rules at the current depth. ``finish()`` hands out what is left.
///
/// ```swift
/// var stream = CanonicalJSONStream { chunk in try sink.write(chunk) }
/// try stream.openObject()
/// try stream.key("count"); try stream.value(.number(2))
/// try stream.close()
/// try stream.finish()
/// ```
public struct CanonicalJSONStream: ~Copyable {
    private var out = JSONOutput(capacity: 1 << 16)
    /// Per open container: its opening bracket, and whether it holds anything yet.
    private var open: [(bracket: UInt8, filled: Bool)] = []
    /// A key was written and its value is next.
    private var pendingKey = false
    private let flush: (UnsafeBufferPointer<UInt8>) throws -> Void
    /// A chunk is handed out once this many bytes are held.
    private let chunkSize: Int

    /// A stream handing chunks of about `chunkSize` bytes to `flush`.
    public init(chunkSize: Int = 1 << 20, flush: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) {
        self.chunkSize = max(1, chunkSize)
        self.flush = flush
    }

    /// Starts an object (as a value: after ``key(_:)``, as an element, or at the top).
    public mutating func openObject() throws {
        try element()
        out.append(UInt8(ascii: "{"))
        open.append((UInt8(ascii: "{"), false))
    }

    /// Starts an array (as a value: after ``key(_:)``, as an element, or at the top).
    public mutating func openArray() throws {
        try element()
        out.append(UInt8(ascii: "["))
        open.append((UInt8(ascii: "["), false))
    }

    /// Names the next member of the open object; its value follows.
    public mutating func key(_ name: String) throws {
        separate()
        JSONWriter.writeString(name, into: &out)
        out.append(": ")
        pendingKey = true
    }

    /// ``key(_:)`` for a name fixed in the program, of ASCII letters, digits and `_` only (no
    /// escape to write, checked in debug builds): its bytes are copied as they are, without the
    /// string escaper's pass (a big payload names a few million keys).
    public mutating func key(plain name: StaticString) throws {
        assert(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount).allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }, "key(plain:) takes letters, digits and _ only")
        separate()
        out.append(UInt8(ascii: "\""))
        out.append(name)
        out.append("\": ")
        pendingKey = true
    }

    /// Writes `value` whole: a member's value after ``key(_:)``, else an element.
    public mutating func value(_ value: JSONValue) throws {
        try element()
        JSONWriter.write(value, indent: open.count, pretty: true, sorted: true, into: &out)
        try flushIfFull()
    }

    /// Ends the innermost open container.
    public mutating func close() throws {
        guard let container = open.popLast() else { return }
        if container.filled { newline(open.count) }
        // `}` and `]` are two code points after `{` and `[`.
        out.append(container.bracket &+ 2)
        try flushIfFull()
    }

    /// Hands out everything not yet handed out.
    public mutating func finish() throws {
        guard out.byteCount > 0 else { return }
        try out.drain(flush)
    }

    // MARK: - Layout

    /// Before a value: after a key nothing; in a container a separator; at the top nothing.
    private mutating func element() throws {
        if pendingKey {
            pendingKey = false
            return
        }
        separate()
    }

    /// The comma (after the first entry) and line break before an entry of the open container.
    private mutating func separate() {
        guard let last = open.indices.last else { return }
        if open[last].filled { out.append(UInt8(ascii: ",")) }
        open[last].filled = true
        newline(open.count)
    }

    private mutating func newline(_ indent: Int) {
        out.write(upTo: 1 + indent * 2) { start in
            start[0] = 0x0A
            (start + 1).initialize(repeating: UInt8(ascii: " "), count: indent * 2)
            return 1 + indent * 2
        }
    }

    private mutating func flushIfFull() throws {
        guard out.byteCount >= chunkSize else { return }
        try out.drain(flush)
    }
}

/// A JSON document that can be written as canonical text piece by piece, without its
/// whole tree: a big command output.
public protocol CanonicalJSONDocument: Sendable {
    /// The document as a value.
    var json: JSONValue { get }
    /// Writes exactly the text of `JSONWriter.canonical(json)`.
    func write(to stream: inout CanonicalJSONStream) throws
}
