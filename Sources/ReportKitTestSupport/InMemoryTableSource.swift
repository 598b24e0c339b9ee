import ReportKit

/// A ``TableSource`` double: the columns and rows it was given, read through the port's
/// contract (columns once, then each row, cells valid only during the call). A row whose cell
/// count differs from the columns' is a mistake in the test and stops the scan.
public struct InMemoryTableSource: TableSource {
    public let displayName: String
    public var columns: [SourceColumn]
    /// Each row's cells as text, `nil` for missing.
    public var rows: [[String?]]

    public init(displayName: String = "memory", columns: [SourceColumn], rows: [[String?]]) {
        self.displayName = displayName
        self.columns = columns
        self.rows = rows
    }

    /// A table of `names` with no declared types.
    public init(displayName: String = "memory", names: [String], rows: [[String?]]) {
        self.init(displayName: displayName, columns: names.map { SourceColumn(name: $0) }, rows: rows)
    }

    public struct WrongCellCount: Error, CustomStringConvertible {
        public let row: Int
        public var description: String { "InMemoryTableSource: row \(row) has the wrong number of cells" }
    }

    public func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws {
        try columns(self.columns)
        for (offset, cells) in rows.enumerated() {
            guard cells.count == self.columns.count else { throw WrongCellCount(row: offset + 1) }
            var bytes: [UInt8] = []
            let ranges = cells.map { cell in
                cell.map { text in
                    let start = bytes.count
                    bytes.append(contentsOf: text.utf8)
                    return start..<bytes.count
                }
            }
            try bytes.withUnsafeBytes { buffer in
                let pointers = ranges.map { $0.map { UnsafeRawBufferPointer(rebasing: buffer[$0]) } }
                try pointers.withUnsafeBufferPointer { try row(TableRowView(number: offset + 1, line: nil, cells: $0)) }
            }
        }
    }
}
