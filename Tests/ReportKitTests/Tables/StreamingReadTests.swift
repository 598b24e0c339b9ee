import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// A store that serves only ranged reads and records them: a whole-object `get` fails.
final class RangeRecordingStore: ObjectStore, @unchecked Sendable {
    let inner: InMemoryObjectStore
    private let lock = NSLock()
    private var ranges: [Range<Int>] = []

    init(_ objects: [ObjectKey: Data]) { inner = InMemoryObjectStore(objects) }

    var reads: [Range<Int>] { lock.withLock { ranges } }
    var displayName: String { "recording" }

    func get(_ key: ObjectKey) async throws -> Data? {
        throw ObjectStoreError(.rejected, key: key.text, "a table source must not read a whole object")
    }
    func read(_ key: ObjectKey, range: Range<Int>) async throws -> Data? {
        lock.withLock { ranges.append(range) }
        return try await inner.read(key, range: range)
    }
    func put(_ key: ObjectKey, _ data: Data, contentType: String?) async throws { try await inner.put(key, data, contentType: contentType) }
    func put(_ key: ObjectKey, fileAt path: String, contentType: String?) async throws { try await inner.put(key, fileAt: path, contentType: contentType) }
    func list(prefix: ObjectPrefix) async throws -> [StoredObject] { try await inner.list(prefix: prefix) }
    func delete(_ key: ObjectKey) async throws { try await inner.delete(key) }
}

@Suite("Table sources stream")
struct StreamingReadTests {
    @Test("a delimited source reads chunk-sized pieces in order, never the whole object")
    func delimited() async throws {
        let text = "a,b\n" + (1...5000).map { "\($0),\"x,\($0)\"\n" }.joined()
        let store = RangeRecordingStore(["t.csv": Data(text.utf8)])
        let table = try await RecordedTable.record(DelimitedTableSource(store: store, key: "t.csv", chunkSize: 4096, detectionSampleBytes: 1024))
        #expect(table.rows.count == 5000 && table.rows.last == ["5000", "x,5000"])
        let reads = store.reads
        #expect(reads.allSatisfy { $0.count == 4096 })
        #expect(reads.map(\.lowerBound) == (0..<reads.count).map { $0 * 4096 })
        #expect(reads.count == text.utf8.count / 4096 + 1)
    }

    @Test("a JSON Lines source reads the object twice in chunk-sized pieces")
    func jsonLines() async throws {
        let text = (1...3000).map { "{\"n\": \($0)}\n" }.joined()
        let store = RangeRecordingStore(["t.jsonl": Data(text.utf8)])
        let table = try await RecordedTable.record(JSONLinesTableSource(store: store, key: "t.jsonl", chunkSize: 1000))
        #expect(table.rows.count == 3000 && table.rows.last == ["3000"])
        let pass = text.utf8.count / 1000 + 1
        #expect(store.reads.count == 2 * pass)
        #expect(store.reads.allSatisfy { $0.count == 1000 })
    }
}
