/// Cuts a byte stream fed in chunks into lines (ending at `\n`, a `\r` before it dropped),
/// carrying a line cut by a chunk's end into the next, up to ``maxLineBytes``.
struct JSONLineSplitter {
    let file: String
    let maxLineBytes: Int
    /// The line of the next byte.
    private(set) var line = 1
    private var carry: [UInt8] = []
    private var atStart = true

    init(file: String, maxLineBytes: Int) {
        self.file = file
        self.maxLineBytes = maxLineBytes
    }

    /// Passes each line completed in `chunk` to `body` with its number; blank lines are skipped.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var start = 0
        while start < chunk.count {
            guard let end = chunk[start...].firstIndex(of: 0x0A) else {
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...]))
                try checkLength(carry.count)
                return
            }
            if carry.isEmpty {
                try emit(UnsafeBufferPointer(rebasing: chunk[start..<end]), body)
            } else {
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<end]))
                try checkLength(carry.count)
                let whole = carry
                carry.removeAll(keepingCapacity: true)
                try whole.withUnsafeBufferPointer { try emit($0, body) }
            }
            start = end + 1
        }
    }

    /// Passes the last line, one without a line end.
    mutating func finish(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        guard !carry.isEmpty else { return }
        let whole = carry
        carry = []
        try whole.withUnsafeBufferPointer { try emit($0, body) }
    }

    private mutating func emit(_ raw: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var bytes = raw
        if atStart {
            atStart = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
        }
        if bytes.last == 0x0D { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
        try checkLength(bytes.count)
        let number = line
        line += 1
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        try body(bytes, number)
    }

    private func checkLength(_ count: Int) throws {
        guard count > maxLineBytes else { return }
        throw ParseError(file: file, location: SourceLocation(line: line, column: 1), stage: "json",
                         message: "a line longer than \(maxLineBytes) bytes, the limit")
    }
}
