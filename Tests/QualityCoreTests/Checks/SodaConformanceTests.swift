import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport
import Testing

/// Every checks file of `Fixtures/quality/checks/` through ``CheckRun``, compared with Soda
/// Core 3.5.6's outcomes and values (`expected/`), except where `reportkit_departures.json`
/// names ReportKit's own choice (and then compared with that).
@Suite("SodaCL conformance with Soda Core 3.5.6")
struct SodaConformanceTests {
    static let root = "quality/checks/"
    static let stems: [String] = {
        let folder = FixturePaths.fixture(root + "checks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    }()

    static let variables = ["NOW": "2024-03-10T12:00:00+00:00", "MYNOW": "2024-03-11T00:00:00", "MIN_ROWS": "12"]
    static let now = Date(timeIntervalSince1970: 1_710_072_000)  // 2024-03-10T12:00:00Z

    @Test("all 58 files are here") func fileCount() {
        #expect(Self.stems.count == 58)
    }

    @Test("checks file", arguments: stems)
    func conforms(_ stem: String) async throws {
        let departures = try JSONReader.parse(FixturePaths.text(Self.root + "reportkit_departures.json"))
        let text = try FixturePaths.text(Self.root + "checks/\(stem).yml")
        if let rejected = departures["rejected"]?[stem] {
            let error = #expect(throws: ParseError.self) {
                try ChecksFile.parse(text: text, path: "checks/\(stem).yml", variables: Self.variables)
            }
            #expect(error?.location.line == rejected["line"]?.numberValue.map(Int.init))
            #expect(error?.location.column == rejected["column"]?.numberValue.map(Int.init))
            #expect(error?.message == rejected["message"]?.stringValue)
            return
        }
        let file = try ChecksFile.parse(text: text, path: "checks/\(stem).yml", variables: Self.variables)
        let (tables, types) = try Self.tables()
        let results = try await CheckRun.run(file, tables: tables, types: types, now: Self.now)
        let expected = try JSONReader.parse(FixturePaths.text(Self.root + "expected/\(stem).json"))
        let ours = Dictionary(results.results.map { ($0.check.line, $0) }, uniquingKeysWith: { first, _ in first })
        var compared = Set<Int>()
        for soda in expected["checks"]?.arrayValue ?? [] {
            let line = Int(soda["line"]?.numberValue ?? 0)
            compared.insert(line)
            let result = try #require(ours[line], "\(stem):\(line) has no result")
            let want = departures["checks"]?[stem]?[String(line)] ?? soda
            let outcome = want["outcome"]?.stringValue
            #expect(result.outcome.rawValue == outcome, "\(stem):\(line) '\(result.check.text)': \(result.reason ?? "")")
            if outcome != "error", let value = want["value"]?.numberValue {
                let measured = try #require(result.value, "\(stem):\(line) has no value")
                #expect(abs(measured - value) <= 1e-9 * max(1, abs(value)), "\(stem):\(line) value \(measured), want \(value)")
            }
        }
        for result in results.results where !compared.contains(result.check.line) {
            let want = try #require(departures["checks"]?[stem]?[String(result.check.line)], "\(stem):\(result.check.line) is not in Soda's results nor a departure")
            #expect(result.outcome.rawValue == want["outcome"]?.stringValue)
        }
    }

    /// Every table of `tables.json`, from its CSV, with ReportKit's names of its duckdb types.
    static func tables() throws -> ([String: any TableSource], [String: [String: ColumnType]]) {
        let spec = try JSONReader.parse(FixturePaths.text(root + "tables.json"))
        let names: [String: ColumnType] = [
            "BIGINT": .integer, "INTEGER": .integer, "DOUBLE": .number, "VARCHAR": .text,
            "BOOLEAN": .boolean, "DATE": .date, "TIMESTAMP": .timestamp,
        ]
        var tables: [String: any TableSource] = [:]
        var types: [String: [String: ColumnType]] = [:]
        for member in spec.objectValue ?? JSONObject() {
            let path = member.value["file"]?.stringValue ?? ""
            tables[member.key] = try CSVFixtureSource(path: root + path)
            for column in member.value["columns"]?.arrayValue ?? [] {
                let pair = column.arrayValue ?? []
                types[member.key, default: [:]][pair[0].stringValue ?? ""] = names[pair[1].stringValue ?? ""]
            }
        }
        return (tables, types)
    }
}

/// A fixture CSV read through ReportKit's file table source, from memory.
struct CSVFixtureSource: TableSource {
    let path: String
    let data: Data
    var displayName: String { path }

    init(path: String) throws {
        self.path = path
        self.data = try FixturePaths.data(path)
    }

    func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws {
        let key: ObjectKey = "table.csv"
        let store = InMemoryObjectStore([key: data])
        let source = try await TableFileFormat.source(store: store, key: key, displayName: path)
        try await source.scan(columns: columns, row: row)
    }
}
