import ReportKit

/// The column metrics of one dataset that read the same column (`min(amount)`, `max(amount)`,
/// `avg(amount)` under any rules), handed every row as one probe: the cell is read once
/// (``PresentCell``: its value in the column's type, its text and ASCII-ness when a rule asks)
/// and then given to each member, which judges it under its own rules. Each member keeps its
/// own counts, samples, failure and messages, exactly as alone; checks read the members.
final class ColumnProbeGroup: CheckProbe {
    let members: [ColumnMetricProbe]
    /// The members, borrowed per row rather than retained (`members` keeps them).
    private let borrowed: [Unmanaged<ColumnMetricProbe>]
    private var index = 0
    private var kind = CellKind.untyped

    init(_ members: [ColumnMetricProbe]) {
        self.members = members
        borrowed = members.map { Unmanaged.passUnretained($0) }
    }

    override func prepare(_ shape: TableShape) throws(CheckFailure) {
        for member in members { member.bind(shape) }
        guard let bound = members.first(where: { $0.failure == nil }) else {
            throw members[0].failure!  // every member failed: nothing to read (their own failures stand)
        }
        index = bound.columnIndex
        kind = shape.kinds[index]
    }

    override func add(_ row: TableRowView) {
        guard let bytes = row[index] else {
            for member in borrowed { member._withUnsafeGuaranteedRef { if $0.failure == nil { $0.addMissing(row) } } }
            return
        }
        guard var cell = PresentCell(bytes, kind: kind) else {
            for member in borrowed { member._withUnsafeGuaranteedRef { if $0.failure == nil { $0.addNotItsType(row, bytes) } } }
            return
        }
        for member in borrowed { member._withUnsafeGuaranteedRef { if $0.failure == nil { $0.add(row, cell: &cell) } } }
    }
}
