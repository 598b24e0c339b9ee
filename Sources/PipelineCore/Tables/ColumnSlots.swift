/// Where a column's value sits in a ``StatisticsRow``: at a position of its file's columns,
/// among the columns set beside them, or nowhere.
enum ColumnSlot: Sendable, Equatable {
    case file(Int)
    case added(Int)
    case absent
}

/// The columns a row has and where: the shared index of its file's columns and the names of
/// the columns set beside them, in order. Rows made the same way (read from one file, summed
/// by one aggregation, given the same ratios) have one layout.
struct ColumnLayout: Sendable {
    let index: ColumnIndex
    let added: [String]
}

/// Column names resolved to slots once per layout: rows of a table mostly share one, so a
/// pass over them looks each name up once, not once a row (names compared, or hashed, for
/// every value read).
struct ColumnSlots: Sendable {
    let names: [String]
    private var layout: ColumnLayout?
    private var slots: [ColumnSlot] = []

    init(_ names: [String]) {
        self.names = names
    }

    /// The slot of each of ``names`` in `row` (in their order), found again only when `row`'s
    /// layout is not the last row's.
    mutating func slots(in row: StatisticsRow) -> [ColumnSlot] {
        if let layout, row.has(layout) { return slots }
        layout = row.layout
        slots = names.map { row.slot(of: $0) }
        return slots
    }
}
