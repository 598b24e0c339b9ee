import Foundation
@testable import QualityCore
import ReportKit
import ReportKitTestSupport
import Synchronization
import Testing

/// Checks on two threads (``ProbeSplit``) give what one thread gives, and end their threads.
@Suite("Checks: two threads", .serialized)
struct CheckThreadsTests {
    /// Every probe kind: column metrics under rules, duplicates, references both ways,
    /// freshness, schema, failing-row samples, a probe that stops at a value not its type.
    static let yaml = """
        checks for orders:
          - row_count > 0
          - missing_count(note) = 0
          - missing_count(category) = 0:
              missing values: [other]
          - duplicate_count(id) = 0
          - duplicate_count(category, active) < 3
          - invalid_count(category) = 0:
              valid values: [retail, online, north]
          - invalid_count(note) = 0:
              valid regex: ^[a-m]
          - invalid_percent(amount) < 1 %:
              valid min: -50
              valid max: 900
          - min(amount) >= 0
          - max(qty) < 10
          - avg(amount) > 0
          - sum(qty) > 0
          - stddev(amount) > 0
          - avg_length(note) > 2
          - max_length(note) < 5
          - percentile(amount, 0.9) < 100
          - avg(bad) > 0
          - duplicate_count(bad) = 0
          - values in (customer) must exist in customers (id)
          - values in (customer) must not exist in customers (id)
          - freshness(created_at) < 1d
          - schema:
              fail:
                when required column missing: [id, qty, nothere]
                when wrong column type:
                  id: bigint
        checks for customers:
          - duplicate_count(id) = 0
          - values in (id) must exist in orders (customer)
        """

    /// `rows` orders (missing and empty notes, repeated ids, a text in the integer column `bad`
    /// at row 4,000) and 300 customers.
    static func tables(rows: Int) throws -> [String: any TableSource] {
        var orders = "id,qty,amount,note,category,active,created_at,customer,bad\n"
        let categories = ["retail", "online", "north", "other", "south"]
        for row in 1...rows {
            let note = row % 17 == 0 ? "" : row % 13 == 0 ? "\"\"" : ["apple", "kiwi", "zebra", "fig", "melon"][row % 5]
            let created = String(format: "2024-03-%02dT%02d:00:00Z", 1 + row % 9, row % 24)
            let bad = row == 4_000 ? "x" : "\(row % 7)"
            orders += "\(row % 4_999),\(row % 11),\(Double(row % 1_000) / 4),\(note),\(categories[row % 5]),\(row % 2 == 0),\(created),\(row % 400),\(bad)\n"
        }
        var customers = "id\n"
        for id in 0..<300 { customers += "\(id % 299)\n" }
        let store = InMemoryObjectStore([
            try ObjectKey("orders.csv"): Data(orders.utf8), try ObjectKey("customers.csv"): Data(customers.utf8),
        ])
        return [
            "orders": DelimitedTableSource(store: store, key: try ObjectKey("orders.csv"), displayName: "orders.csv"),
            "customers": DelimitedTableSource(store: store, key: try ObjectKey("customers.csv"), displayName: "customers.csv"),
        ]
    }

    static let types: [String: [String: ColumnType]] = [
        "orders": ["id": .integer, "qty": .integer, "amount": .number, "created_at": .timestamp, "bad": .integer, "customer": .integer],
        "customers": ["id": .integer],
    ]

    static func run(workers: Int, batchRows: Int?, rows: Int = 9_000) async throws -> CheckResults {
        let file = try ChecksFile.parse(text: yaml, path: "threads.yml")
        return try await CheckRun.run(
            file, tables: try tables(rows: rows), types: types, now: CheckHarness.now, history: NoCheckHistory(),
            workers: workers, batchRows: batchRows)
    }

    @Test("1 and 2 workers give the same results JSON over many batches, at several batch sizes", .timeLimit(.minutes(2)))
    func sameResults() async throws {
        let one = try await Self.run(workers: 1, batchRows: nil)
        let oneJSON = one.json
        // The fixture reaches every kind of outcome: samples, an error, a pass and a fail.
        #expect(one.results.contains { !$0.failedRows.isEmpty })
        #expect(one.results.contains { $0.outcome == .error })
        #expect(one.results.contains { $0.outcome == .pass })
        #expect(one.results.contains { $0.outcome == .fail })
        for batchRows in [97, 256, 1_000, 8_192] {
            let two = try await Self.run(workers: 2, batchRows: batchRows)
            #expect(two.json == oneJSON, "batch of \(batchRows) rows")
        }
        #expect(ProbeSplit.helperThreads.load(ordering: .sequentiallyConsistent) == 0)
    }

    /// A source that notes how many helper threads run once it has handed its last row.
    struct WatchedSource: TableSource {
        final class Seen: Sendable { let helpers = Atomic<Int>(-1) }
        let table: any TableSource
        let seen = Seen()
        var displayName: String { table.displayName }

        func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws {
            try await table.scan(columns: columns, row: row)
            seen.helpers.store(ProbeSplit.helperThreads.load(ordering: .sequentiallyConsistent), ordering: .sequentiallyConsistent)
        }
    }

    @Test("a table of fewer rows than a batch starts no thread; a larger one starts one helper")
    func threadOnlyPastOneBatch() async throws {
        for (rows, helpers) in [(500, 0), (9_000, 1)] {
            var tables = try Self.tables(rows: rows)
            let watched = WatchedSource(table: tables["orders"]!)
            tables["orders"] = watched
            let file = try ChecksFile.parse(text: Self.yaml, path: "threads.yml")
            let two = try await CheckRun.run(
                file, tables: tables, types: Self.types, now: CheckHarness.now, history: NoCheckHistory(), workers: 2, batchRows: 600)
            #expect(watched.seen.helpers.load(ordering: .sequentiallyConsistent) == helpers, "\(rows) rows")
            #expect(two.json == (try await Self.run(workers: 1, batchRows: nil, rows: rows)).json, "\(rows) rows")
        }
    }

    /// Rows from a table, then an error after `failAfter` rows.
    struct FailingSource: TableSource {
        struct Failure: Error {}
        let table: InMemoryTableSource
        let failAfter: Int
        var displayName: String { "failing" }

        func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws {
            var seen = 0
            try await table.scan(columns: columns) { view in
                guard seen < failAfter else { throw Failure() }
                seen += 1
                try row(view)
            }
        }
    }

    @Test("a source error mid-scan on two threads is a CheckSourceError, and the helper thread ends", .timeLimit(.minutes(1)))
    func sourceErrorMidScan() async throws {
        let table = InMemoryTableSource(names: ["x", "y"], rows: (0..<3_000).map { ["\($0 % 50)", $0 % 3 == 0 ? nil : "v\($0)"] })
        let file = try ChecksFile.parse(
            text: "checks for t:\n  - duplicate_count(x) = 0\n  - missing_count(y) = 0\n  - avg_length(y) > 0\n", path: "c.yml")
        for failAfter in [5, 64, 300, 1_000, 2_500] {
            let error = await #expect(throws: CheckSourceError.self) {
                try await CheckRun.run(
                    file, tables: ["t": FailingSource(table: table, failAfter: failAfter)], types: [:], now: CheckHarness.now,
                    history: NoCheckHistory(), workers: 2, batchRows: 64)
            }
            #expect(error?.dataset == "t")
            #expect(ProbeSplit.helperThreads.load(ordering: .sequentiallyConsistent) == 0, "after \(failAfter) rows")
        }
    }

    @Test("a batch hands back each row as read: missing cells missing, empty cells present and empty, lines and numbers")
    func batchKeepsCells() {
        let batch = CheckRowBatch(width: 2, capacity: 4, byteLimit: 8)
        let rows: [[String?]] = [["ab", nil], ["", "c"], [nil, ""], [String(repeating: "z", count: 40), "end"]]
        for (index, cells) in rows.enumerated() {
            let owned = cells.map { $0.map { Array($0.utf8) } }
            let buffers: [UnsafeMutableRawBufferPointer?] = owned.map { cell in
                cell.map { bytes in
                    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
                    buffer.copyBytes(from: bytes)
                    return buffer
                }
            }
            let views = buffers.map { $0.map { UnsafeRawBufferPointer($0) } }
            views.withUnsafeBufferPointer { cells in
                batch.append(TableRowView(number: index + 1, line: index == 2 ? nil : index + 2, cells: cells))
            }
            for buffer in buffers { buffer?.deallocate() }
        }
        #expect(batch.isFull)
        batch.seal()
        for (index, cells) in rows.enumerated() {
            let row = batch.row(index)
            #expect(row.number == index + 1)
            #expect(row.line == (index == 2 ? nil : index + 2))
            #expect(row.count == 2)
            #expect((0..<2).map { row.text($0) } == cells)
            #expect((0..<2).map { row[$0] == nil } == cells.map { $0 == nil })
        }
    }
}
