import Foundation
import ReportKit

/// The memory budget's look ahead: once a sixteenth of a table's expected rows is read, the
/// columns that, at the rate of those rows, would take the exact values past
/// ``ProfileLimits/exactBytes`` by the last row switch to sketches then, instead of after
/// filling half the budget.
///
/// Without it, a column of nearly all distinct long texts in a 10M-row table (the peers
/// benchmark's `note`) keeps every value until the budget is passed, about half way, and
/// the table holding them is then moved into sketches: a third of the profile's CPU time
/// and 480 MiB of its memory, for figures that end up sketched all the same.
///
/// The rule, at row ``row`` (``expectedRows`` / 16 rounded up to a multiple of 65,536):
/// - each column is projected to the last row (``ColumnAccumulator/projection(after:at:)``):
///   a keyed column grows with its cells; a value table whose values are nearly all
///   distinct (9 in 10 of its cells) grows by the distinct values ``distinct(_:of:at:)``
///   expects of its cells at the last row, their bytes at the average length so far; any
///   other column keeps the bytes it holds;
/// - while the projected total passes the budget, the growing column projected largest is
///   sketched.
///
/// A column whose values repeat more in the rest of the table than its first sixteenth
/// shows (a few values growing common late) can so be sketched though it would have fitted;
/// its figures then say so, as every sketched column's do. The projection depends on the rows
/// and the source's estimate only, never on the clock or the threads: the same table
/// switches the same columns at the same row on one thread or several. `--exact`
/// (``ProfileLimits/exact``) and ``ProfileLimits/sketchesEarly`` `false` turn it off; a
/// source that cannot estimate its rows (a query) has none.
struct BudgetProjection: Sendable, Hashable {
    /// The rows the source expects (``TableSource/estimatedRowCount()``).
    let expectedRows: Int
    /// The rows read when the projection is made.
    let row: Int

    /// The step ``row`` is a multiple of: enough rows to tell a column of distinct values.
    static let step = 1 << 16

    /// The projection for a table of about `expectedRows` rows; `nil` when there is no
    /// estimate or the table is too small to look ahead in (its row would be its last).
    init?(expectedRows: Int?) {
        guard let expectedRows else { return nil }
        let row = Swift.max(Self.step, (expectedRows / 16 + Self.step - 1) / Self.step * Self.step)
        guard row < expectedRows else { return nil }
        self.expectedRows = expectedRows
        self.row = row
    }

    /// The distinct values among `cells` cells of a column whose first `seen` cells held
    /// `distinct`, if every cell is drawn alike from one set of values: its size `N` solves
    /// `distinct = N·(1 − e^(−seen/N))` (the expected distinct values of `seen` draws), and the
    /// answer is `N·(1 − e^(−cells/N))`. Values all distinct so far grow with the cells; values
    /// drawn from a bounded range (amounts, seconds of a year) repeat more as cells come, and
    /// this sees it from how often they already did.
    static func distinct(_ distinct: Int, of seen: Int, at cells: Int) -> Int {
        guard distinct < seen, distinct > 0 else { return distinct >= seen ? cells : 0 }
        // x = seen / N solves (1 − e^(−x)) / x = distinct / seen, which falls as x grows.
        let share = Double(distinct) / Double(seen)
        var low = 0.0, high = 64.0
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if -expm1(-middle) / middle > share { low = middle } else { high = middle }
        }
        let size = Double(seen) / ((low + high) / 2)
        let projected = -expm1(-Double(cells) / size) * size
        return Int(Swift.min(Swift.max(projected.rounded(), Double(distinct)), Double(cells)))
    }

    /// Whether `limits` look ahead: they ask to (``ProfileLimits/sketchesEarly``) and have a
    /// budget to pass (not ``ProfileLimits/exact``).
    static func isWanted(by limits: ProfileLimits) -> Bool {
        limits.sketchesEarly && limits.exactBytes != .max
    }

    /// `source`'s estimate of its rows, asked only when `limits` would use it.
    static func expectedRows(of source: some TableSource, limits: ProfileLimits) async -> Int? {
        isWanted(by: limits) ? await source.estimatedRowCount() : nil
    }

    /// Sketches growing columns of `columns`, the largest projection first, until the
    /// projected total fits `budget`.
    func apply(budget: Int, to columns: UnsafeMutableBufferPointer<ColumnAccumulator>) {
        var projected = columns.map { $0.projection(after: row, at: expectedRows) }
        while projected.reduce(0, { $0 + $1.bytes }) > budget {
            let growing = projected.indices.filter { projected[$0].grows }
            guard let largest = growing.max(by: { projected[$0].bytes < projected[$1].bytes }) else { return }
            columns[largest].switchToSketch()
            projected[largest] = (0, false)
        }
    }

    /// Whether the projection is made after one of the rows `rowsBefore + 1 … rowsBefore + count`.
    func falls(after rowsBefore: Int, within count: Int) -> Bool {
        row > rowsBefore && row <= rowsBefore + count
    }
}
