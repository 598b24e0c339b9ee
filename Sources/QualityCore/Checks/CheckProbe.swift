import Foundation
import ReportKit

/// What one check measures while its dataset is read: bound to the table's columns once,
/// then handed every row. A probe that cannot measure (a column the table lacks, a value
/// that is not its column's type) keeps the ``failure`` and ignores the rest of the rows;
/// the other checks go on.
class CheckProbe {
    var failure: CheckFailure?
    /// Up to ``FailedRow/sampleLimit`` rows that fail the check, in table order.
    var samples: [FailedRow] = []
    private(set) var shape: TableShape?

    final func bind(_ shape: TableShape) {
        self.shape = shape
        do throws(CheckFailure) {
            try prepare(shape)
        } catch {
            failure = error
        }
    }

    /// Resolves columns and configuration against the table; throws when the check cannot run.
    func prepare(_ shape: TableShape) throws(CheckFailure) {}

    /// One row; only called while ``failure`` is `nil`.
    func add(_ row: TableRowView) {}

    /// Rows `rows` of `batch` in order: ``add(_:)`` of each until one fails (a probe may read
    /// ahead, as long as it measures the same).
    func add(_ batch: CheckRowBatch, rows: Range<Int>) {
        for row in rows {
            add(batch.row(row))
            if failure != nil { return }
        }
    }

    final func sample(_ row: TableRowView) {
        guard samples.count < FailedRow.sampleLimit, let shape else { return }
        samples.append(FailedRow(row, columns: shape.columns.count))
    }

    /// "line 5: 'abc' in column 'qty' is not a integer", for a value that is not its type.
    final func notItsType(_ row: TableRowView, _ bytes: UnsafeRawBufferPointer, column: String, kind: CellKind) -> CheckFailure {
        let place = row.line.map { "line \($0)" } ?? "row \(row.number)"
        return CheckFailure("\(place): '\(String(decoding: bytes, as: UTF8.self))' in column '\(column)' is not \(kind == .integer ? "an" : "a") \(kind)")
    }
}

/// A row that fails a check, as the results show it.
public struct FailedRow: Sendable, Hashable {
    /// How many rows a result shows at most.
    public static let sampleLimit = 10
    /// The 1-based row number (the header is not a row).
    public var row: Int
    /// The line the row starts on in its file; `nil` for a query.
    public var line: Int?
    /// Each cell's text, `nil` when missing, in column order.
    public var values: [String?]

    init(_ view: TableRowView, columns: Int) {
        row = view.number
        line = view.line
        values = (0..<min(columns, view.count)).map { view.text($0) }
    }

    public init(row: Int, line: Int?, values: [String?]) {
        self.row = row
        self.line = line
        self.values = values
    }
}
