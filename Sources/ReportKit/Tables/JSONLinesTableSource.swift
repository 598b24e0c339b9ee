/// A JSON Lines (NDJSON) object in a store: one JSON object per line, read a chunk at a time.
///
/// - Columns are the union of the objects' keys in the order they are first seen. To know
///   them before the first row without guessing from a sample, the object is read twice:
///   the first pass only collects keys (and finds any bad line before a row is handed on),
///   the second hands on the rows. Memory stays at one chunk, the longest line and the keys.
/// - Cells: `null` or an absent key is missing; a string is its text; a number its text as
///   written (`1.50`, `12345678901234567`); `true`/`false`; an array or object its compact
///   JSON text with members in document order.
/// - Blank lines are skipped. A line that is not one JSON object (or is bad JSON, or has a
///   key twice) is a ``ParseError`` naming `displayName:line:column`.
public struct JSONLinesTableSource: TableSource {
    public let store: any ObjectStore
    public let key: ObjectKey
    public let displayName: String
    public let chunkSize: Int
    /// The longest line accepted, in bytes.
    public let maxLineBytes: Int

    public init(store: any ObjectStore, key: ObjectKey, displayName: String? = nil,
                chunkSize: Int = DelimitedTableSource.defaultChunkSize, maxLineBytes: Int = 16 << 20) {
        precondition(chunkSize > 0, "a chunk has at least one byte")
        self.store = store
        self.key = key
        self.displayName = displayName ?? key.text
        self.chunkSize = chunkSize
        self.maxLineBytes = maxLineBytes
    }

    /// From the object's size and its first and last 64 KiB (``RowCountEstimate``).
    public func estimatedRowCount() async -> Int? {
        await RowCountEstimate.rows(of: key, in: store, sampleBytes: 64 << 10, header: false)
    }

    public func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws {
        var names: [String] = []
        var positions: [String: Int] = [:]
        try await forEachObject { members, _ in
            for member in members where positions[member.key] == nil {
                positions[member.key] = names.count
                names.append(member.key)
            }
        }
        try columns(names.map { SourceColumn(name: $0) })
        let cells = RowCells(count: names.count)
        var arena: [UInt8] = []
        var spans = [Range<Int>?](repeating: nil, count: names.count)
        var rowNumber = 0
        try await forEachObject { members, line in
            arena.removeAll(keepingCapacity: true)
            for index in spans.indices { spans[index] = nil }
            for member in members {
                guard let column = positions[member.key] else {
                    throw ParseError(file: displayName, location: SourceLocation(line: line.number, column: 1), stage: "json",
                                     message: "key '\(member.key)' was not there on the first read: the object changed while being read")
                }
                let start = arena.count
                switch member.value {
                case .null: continue
                case .string(let text): arena.append(contentsOf: text.utf8)
                case .number: arena.append(contentsOf: UnsafeBufferPointer(rebasing: line.bytes[member.span]))
                case .bool(let value): arena.append(contentsOf: (value ? "true" : "false").utf8)
                case .array, .object: arena.append(contentsOf: JSONWriter.compactInOrderData(member.value))
                }
                spans[column] = start..<arena.count
            }
            rowNumber += 1
            try arena.withUnsafeBytes { raw in
                for (index, span) in spans.enumerated() {
                    cells.cells[index] = span.map { UnsafeRawBufferPointer(rebasing: raw[$0]) }
                }
                try row(cells.view(number: rowNumber, line: line.number))
            }
        }
    }

    /// One line being read: its bytes and number.
    struct Line {
        var bytes: UnsafeBufferPointer<UInt8>
        var number: Int
    }

    /// Reads the object once, calling `body` with each non-blank line's members.
    private func forEachObject(_ body: ([JSONMemberSpan], Line) throws -> Void) async throws {
        var splitter = JSONLineSplitter(file: displayName, maxLineBytes: maxLineBytes)
        func each(_ bytes: UnsafeBufferPointer<UInt8>, _ number: Int) throws {
            var parser = JSONByteParser(bytes)
            let members: [JSONMemberSpan]
            do {
                members = try parser.topLevelMembers()
            } catch {
                var located = error.parseError(in: Array(bytes), stage: "json")
                located.location.line += number - 1
                located.file = displayName
                throw located
            }
            try body(members, Line(bytes: bytes, number: number))
        }
        for try await chunk in store.chunks(key, size: chunkSize) {
            try chunk.withUnsafeBytes { raw in try splitter.feed(raw.assumingMemoryBound(to: UInt8.self), each) }
        }
        try splitter.finish(each)
    }
}
