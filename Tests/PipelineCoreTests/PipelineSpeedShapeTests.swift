import Foundation
@testable import PipelineCore
import ReportKit
import ReportKitTestSupport
import Testing

/// The shapes that keep pipeline steps linear on full-size inputs (issue 17): what the fast
/// paths need, checked directly rather than timed.
@Suite("pipeline speed: shapes of the fast paths")
struct PipelineSpeedShapeTests {
    static let folder = "bydelsfakta/published/flyttehyppighet_inn_kat"

    func table(_ dataset: String) throws -> [StatisticsRow] {
        let function = FlyttehyppighetInnKat.function
        return try StatisticsTable.read([UInt8](FixturePaths.data("\(Self.folder)/input_\(dataset).csv")), file: dataset, columns: function.columns(of: dataset))
    }

    @Test("flyttehyppighet_inn_kat: the spread columns are one shared index, found by position; only the totals are added by name")
    func spreadColumnsShareOneIndex() throws {
        let rows = try FlyttehyppighetInnKat.aggregated(from: table("flytting-fra-etter-inn-kat"), to: table("flytting-til-etter-inn-kat"))
        let index = try #require(rows.first?.indexedColumns.index)
        // 6 moves × 3 categories, each the sum of its rows: by name before, 18 added columns a row.
        #expect(index.names.count == 18)
        #expect(index.names.contains("utflytting_fra_oslo|Norskfødte med innv.foreldre"))
        #expect(rows.allSatisfy { $0.indexedColumns.index === index })
        #expect(Set(rows.flatMap(\.addedColumnNames)) == Set(FlyttehyppighetInnKat.moves.flatMap(\.columns).map { "\($0.1)|Total" }))
        let oslo = try #require(rows.first { $0.districtID == "00" })
        let total = oslo["innflytting_til_oslo|Total"]
        #expect(total > 0)
        #expect(total == FlyttehyppighetInnKat.categories.map { oslo["innflytting_til_oslo|\($0.0)"] }.filter { !$0.isNaN }.reduce(0, +))
    }

    /// A store that counts the puts under way at once.
    final class CountingStore: ObjectStore, @unchecked Sendable {
        let inner = InMemoryObjectStore()
        private let lock = NSLock()
        private var running = 0
        private(set) var most = 0
        var displayName: String { "counting" }
        func get(_ key: ObjectKey) async throws -> Data? { try await inner.get(key) }
        func read(_ key: ObjectKey, range: Range<Int>) async throws -> Data? { try await inner.read(key, range: range) }
        func put(_ key: ObjectKey, fileAt path: String, contentType: String?) async throws { try await inner.put(key, fileAt: path, contentType: contentType) }
        func list(prefix: ObjectPrefix) async throws -> [StoredObject] { try await inner.list(prefix: prefix) }
        func delete(_ key: ObjectKey) async throws { try await inner.delete(key) }
        func put(_ key: ObjectKey, _ data: Data, contentType: String?) async throws {
            lock.withLock {
                running += 1
                most = max(most, running)
            }
            try await Task.sleep(nanoseconds: 2_000_000)
            try await inner.put(key, data, contentType: contentType)
            lock.withLock { running -= 1 }
        }
    }

    @Test("a step writes its files one at a time when told to (a local directory), and all of them")
    func oneWriteAtATime() async throws {
        let store = CountingStore()
        try await store.put("processed/lav/file.csv", FixturePaths.data("bydelsfakta/levekar_lav_utdanning/input_lav-utdanning_synthetic.csv"))
        let event = PipelineEvents.event(function: "levekar-lav-utdanning", type: "status", inputs: ["lav-utdanning": "processed/lav/"])
        let outcome = await PipelineRun(store: store, clock: FixedClock(Timestamp.parse("2020-05-01")!), concurrency: PipelineRun.localWriteConcurrency)
            .run(eventBytes: Array(event.utf8))
        #expect(outcome.failure == nil)
        #expect(outcome.written.count == 3)
        #expect(PipelineRun.localWriteConcurrency == 1)
        #expect(store.most == 1)
    }
}
