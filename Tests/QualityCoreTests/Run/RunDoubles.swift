import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport

/// A report whose behaviour a test gives as a closure.
struct ClosureReport: Report {
    let body: @Sendable (ReportEntry, ReportContext) async throws -> ReportResult

    init(_ body: @escaping @Sendable (ReportEntry, ReportContext) async throws -> ReportResult) {
        self.body = body
    }

    func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult {
        try await body(entry, context)
    }
}

/// Tables in memory: a query's rows by its text; tables by name. Anything else fails loudly.
struct MemoryTableOpener: TableOpener {
    var queries: [String: InMemoryTableSource] = [:]
    var tables: [String: InMemoryTableSource] = [:]

    struct Unscripted: Error, CustomStringConvertible {
        let what: String
        var description: String { "MemoryTableOpener has nothing scripted for \(what)" }
    }

    func open(_ spec: TableSourceSpec, name: String) async throws -> any TableSource {
        guard let table = tables[name] else { throw Unscripted(what: "table \(name)") }
        return table
    }

    func query(_ query: String, on source: DataSource) async throws -> any TableSource {
        guard let rows = queries[query] else { throw Unscripted(what: "query \(query)") }
        return rows
    }
}

/// A stopwatch that moves one second per reading, so durations are whole and known.
final class TickingStopwatch: Stopwatch, @unchecked Sendable {
    private let lock = NSLock()
    private var reading: Double = 0
    func seconds() -> Double {
        lock.withLock {
            defer { reading += 1 }
            return reading
        }
    }
}

enum RunFixture {
    static let day = try! CalendarDay("2024-03-15")
    static let instant = Timestamp.parse("2024-03-15T02:00:00Z")!

    static func registry(_ text: String, customKinds: Set<String> = ["fake"]) throws -> ReportRegistry {
        try ReportRegistry.parse(Array(text.utf8), file: "r.yaml", base: ".", customKinds: customKinds)
    }

    static func run(
        _ catalog: ReportCatalog, store: InMemoryObjectStore, tables: MemoryTableOpener = MemoryTableOpener(),
        publisher: (any MessagePublisher)? = nil, log: RecordingLogHandler = RecordingLogHandler()
    ) -> QualityRun {
        QualityRun(
            catalog: catalog, store: store, tables: tables, publisher: publisher, clock: FixedClock(instant),
            stopwatch: StoppedStopwatch(), logger: log.logger(.info))
    }

    static func options(_ change: (inout RunOptions) -> Void = { _ in }) -> RunOptions {
        var options = RunOptions(day: day, version: "test")
        change(&options)
        return options
    }

    /// A catalog with `fake` running `body`.
    static func catalog(_ body: @escaping @Sendable (ReportEntry, ReportContext) async throws -> ReportResult) -> ReportCatalog {
        var catalog = ReportCatalog.builtIn
        catalog.register(ClosureReport(body), as: "fake")
        return catalog
    }

    static func file(_ path: ObjectKey, _ text: String, _ type: ContentType = .csv) -> ReportFile {
        ReportFile(path: path, contentType: type, bytes: Array(text.utf8))
    }

    struct Boom: Error, CustomStringConvertible {
        var description: String { "boom: the fake report broke\nsecond line" }
    }
}
