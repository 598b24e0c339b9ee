import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Checks: one pass per dataset")
struct CheckScanTests {
    /// A source that counts its scans.
    struct CountingSource: TableSource {
        final class Counter: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func add() { lock.lock(); value += 1; lock.unlock() }
            var count: Int { lock.lock(); defer { lock.unlock() }; return value }
        }

        let table: InMemoryTableSource
        let counter = Counter()
        var displayName: String { table.displayName }

        func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws {
            counter.add()
            try await table.scan(columns: columns, row: row)
        }
    }

    @Test("every dataset is read once, however many checks and references use it")
    func once() async throws {
        let yaml = """
            checks for a:
              - row_count = 2
              - missing_count(x) = 0
              - duplicate_count(x) = 0
              - avg(x) = 1.5
              - values in (x) must exist in b (y)
              - values in (x) must not exist in b (y)
              - row_count same as b
              - schema:
                  fail:
                    when required column missing: [x]
            checks for b:
              - values in (y) must exist in a (x)
              - freshness(y) < 1d
            """
        let a = CountingSource(table: CheckHarness.column(["1", "2"]))
        let b = CountingSource(table: CheckHarness.column(["2", "3"], name: "y"))
        let results = try await CheckHarness.run(yaml, tables: ["a": a, "b": b])
        #expect(a.counter.count == 1)
        #expect(b.counter.count == 1)
        #expect(results.results.map(\.value).prefix(7) == [2, 0, 0, 1.5, 1, 1, 0])
    }

    @Test("a source that throws stops the run with a CheckSourceError naming the dataset (exit 3)")
    func unreadable() async throws {
        struct Broken: TableSource {
            struct Failure: Error {}
            var displayName: String { "broken" }
            func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws { throw Failure() }
        }
        let file = try ChecksFile.parse(text: "checks for t:\n  - row_count > 0\n", path: "c.yml")
        let error = await #expect(throws: CheckSourceError.self) {
            try await CheckRun.run(file, tables: ["t": Broken()], now: CheckHarness.now)
        }
        #expect(error?.dataset == "t")
        #expect(error?.category == .outsideSystem)
    }

    @Test("a type declared for a column the table lacks is a CheckTypesError (exit 2)")
    func unknownTypedColumn() async throws {
        let error = await #expect(throws: CheckTypesError.self) {
            try await CheckHarness.run("checks for t:\n  - row_count > 0\n", tables: ["t": CheckHarness.column(["1"])], types: ["t": ["amout": .number]])
        }
        #expect(error?.message == "a type is declared for t.amout, but memory has no column 'amout' (its columns: x)")
        #expect(error?.category == .badInput)
    }
}
