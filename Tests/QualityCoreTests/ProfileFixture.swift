import Foundation
import QualityCore
import ReportKit
import ReportKitTestSupport

/// A fixture table of `Fixtures/quality/profile/`: its rows, declared and expected types,
/// and the figures pandas and polars computed (`make_expected.py`).
struct ProfileFixture: Sendable, CustomStringConvertible {
    let name: String
    let header: [String]
    let rows: [[String]]
    let declared: [String: ColumnType]
    let inferred: [String: ColumnType]
    let expected: JSONValue

    var description: String { name }

    static let names = ["people", "events"]

    static func load(_ name: String) throws -> ProfileFixture {
        let records = try CSVScanner.records([UInt8](FixturePaths.data("quality/profile/\(name).csv")), file: "\(name).csv", checksFieldCount: true)
        let table = (header: records.first ?? [], rows: Array(records.dropFirst()))
        let types = try JSONReader.parse(try FixturePaths.text("quality/profile/\(name).types.json"))
        let expected = try JSONReader.parse(try FixturePaths.text("quality/profile/\(name).expected.json"))
        func typeMap(_ value: JSONValue?) -> [String: ColumnType] {
            var map: [String: ColumnType] = [:]
            for member in value?.objectValue?.members ?? [] {
                map[member.key] = ColumnType(rawValue: member.value.stringValue ?? "")
            }
            return map
        }
        return ProfileFixture(
            name: name, header: table.header, rows: table.rows,
            declared: typeMap(types["declared"]), inferred: typeMap(types["inferred"]), expected: expected)
    }

    func declarations(declared: Bool) -> [ColumnDeclaration] {
        header.map { ColumnDeclaration(name: $0, type: declared ? self.declared[$0] : nil) }
    }

    /// A profiler fed rows `range`.
    func profiler(rows range: Range<Int>, declared: Bool, limits: ProfileLimits = .default) throws -> TableProfiler {
        var profiler = TableProfiler(columns: declarations(declared: declared), limits: limits, firstRow: range.lowerBound + 1)
        for row in rows[range] {
            for (column, field) in row.enumerated() { try profiler.add(field, column: column) }
            profiler.endRow()
        }
        return profiler
    }

    func profile(declared: Bool) throws -> TableProfile {
        try profiler(rows: 0..<rows.count, declared: declared).finish()
    }
}
