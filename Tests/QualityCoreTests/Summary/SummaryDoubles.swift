import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport

/// A ``TableOpener`` double: tables by the name the report gives them; opening one it was not
/// given fails (a test that did not script it), and it counts the opens.
final class SummaryTables: TableOpener, @unchecked Sendable {
    private let tables: [String: any TableSource]
    private let lock = NSLock()
    private var opened: [String] = []

    init(_ tables: [String: any TableSource]) {
        self.tables = tables
    }

    struct Unscripted: Error, CustomStringConvertible {
        let what: String
        var description: String { "SummaryTables: \(what) was not scripted" }
    }

    func open(_ spec: TableSourceSpec, name: String) async throws -> any TableSource {
        guard let table = tables[name] else { throw Unscripted(what: "table '\(name)'") }
        lock.withLock { opened.append(name) }
        return table
    }

    func query(_ query: String, on source: DataSource) async throws -> any TableSource {
        throw Unscripted(what: "query '\(query)'")
    }

    var opens: [String] { lock.withLock { opened } }
}

/// A ``RunHistory`` double over an in-memory store: manifests given, files in the store
/// under `{YYYYMMDD}-reports/{folder}/{path}`; it records the `before` days asked for.
final class SummaryHistory: RunHistory, @unchecked Sendable {
    let store: InMemoryObjectStore
    private(set) var manifestList: [RunManifest]
    private let lock = NSLock()
    private var asked: [CalendarDay] = []

    init(store: InMemoryObjectStore = InMemoryObjectStore(), manifests: [RunManifest] = []) {
        self.store = store
        self.manifestList = manifests
    }

    func manifests(before day: CalendarDay, limit: Int) async throws -> [RunManifest] {
        lock.withLock { asked.append(day) }
        return Array(manifestList.filter { $0.day < day }.sorted { $0.day > $1.day }.prefix(limit))
    }

    func file(_ path: ObjectKey, folder: ReportFolder, day: CalendarDay) async throws -> [UInt8]? {
        let key = try Self.runFolder(day).appending(folder.name + "/" + path.text)
        return try await store.get(key).map { [UInt8]($0) }
    }

    var beforeDays: [CalendarDay] { lock.withLock { asked } }

    static func runFolder(_ day: CalendarDay) throws -> ObjectKey {
        let digits = String(describing: day).replacingOccurrences(of: "-", with: "")
        return try ObjectKey(digits + "-reports")
    }

    /// Stores `result`'s files as the run of `day` did, and adds that run's manifest.
    func record(_ result: ReportResult, entry: ReportEntry, day: CalendarDay, status: ReportStatus = .ok) async throws {
        var files: [ManifestFile] = []
        for file in result.files {
            let key = try Self.runFolder(day).appending(entry.folder.name + "/" + file.path.text)
            try await store.put(key, Data(file.bytes), contentType: file.contentType.text)
            files.append(ManifestFile(key: key, path: file.path, contentType: file.contentType, bytes: file.bytes.count, sha256: ""))
        }
        let report = ManifestReport(
            name: entry.name, folder: entry.folder, kind: entry.kind, status: status, seconds: 0, files: files,
            attachments: result.attachments, request: nil, headline: result.headline)
        lock.withLock {
            manifestList.append(RunManifest(day: day, started: Date(timeIntervalSince1970: 0), seconds: 0, version: "test", reports: [report]))
        }
    }
}

/// Builders for summary tests.
enum SummaryFixture {
    static func entry(
        _ tables: [(String, [String: ColumnType])], name: String = "Table Summary", kind: ReportKind = .tableSummary,
        ignore: [String] = [], exclude: [String] = ["*_id"], changeReport: Bool = false
    ) throws -> ReportEntry {
        let specs = try tables.map { table in
            (name: table.0, spec: TableSourceSpec(source: try DataSource("data/\(table.0).csv"), types: table.1, location: SourceLocation(line: 1, column: 1)))
        }
        let options = TableSummaryOptions(
            tables: specs, ignoreColumns: ignore, valueCountExclusions: try exclude.map { try ColumnGlob($0) }, changeReport: changeReport)
        return ReportEntry(
            name: name, folder: try ReportFolder(reportName: name), kind: kind, options: .tableSummary(options), request: nil,
            location: SourceLocation(line: 1, column: 1))
    }

    static func context(_ day: String, tables: SummaryTables, history: SummaryHistory = SummaryHistory()) throws -> ReportContext {
        ReportContext(
            day: try CalendarDay(day), now: Date(timeIntervalSince1970: 0),
            registry: ReportRegistry(file: "reports.yaml", base: ".", reports: []), tables: tables, history: history)
    }

    static func text(_ result: ReportResult, _ path: String) -> String? {
        result.files.first { $0.path.text == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
