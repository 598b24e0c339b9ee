import ReportKit

/// What a ``TableSource`` handed on in one scan, copied out, with any breach of the port's
/// rules it made (columns not first or twice, a row of the wrong width, row numbers not 1, 2, …).
public struct RecordedTable: Sendable, Hashable {
    public var columns: [String] = []
    /// Each row's cells as text, `nil` for missing.
    public var rows: [[String?]] = []
    /// Each row's line in its file.
    public var lines: [Int?] = []
    /// Breaches of the port's contract, in words; empty for a conforming source.
    public var violations: [String] = []

    public init() {}

    /// Scans `source` once and records what it handed on.
    public static func record(_ source: some TableSource) async throws -> RecordedTable {
        var table = RecordedTable()
        var columnCalls = 0
        try await source.scan(
            columns: { columns in
                columnCalls += 1
                if columnCalls > 1 { table.violations.append("columns called \(columnCalls) times") }
                if !table.rows.isEmpty { table.violations.append("columns called after a row") }
                table.columns = columns.map(\.name)
            },
            row: { row in
                if columnCalls == 0 { table.violations.append("a row before the columns") }
                if row.count != table.columns.count { table.violations.append("row \(row.number) has \(row.count) cells for \(table.columns.count) columns") }
                if row.number != table.rows.count + 1 { table.violations.append("row numbered \(row.number) after \(table.rows.count) rows") }
                table.rows.append((0..<row.count).map { row.text($0) })
                table.lines.append(row.line)
            })
        if columnCalls == 0 { table.violations.append("columns never called") }
        return table
    }
}
