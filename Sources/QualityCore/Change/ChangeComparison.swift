import ReportKit

/// A table summary compared with the most recent earlier run that has this report's
/// summaries (``PreviousSummaries``): per table in both runs, each column with a value-count
/// file in both runs is compared value by value (``ValueChange``); tables and columns that
/// were added or removed are listed. With no earlier run there is nothing to compare with,
/// which is no failure: ``previousDay`` is `nil`, and only `changes.json` is written.
///
/// N (``total``) is the sum of |change| over the compared columns' values, n
/// (``columnsCompared``) the columns compared, k (``columnsChanged``) those with a change.
public struct ChangeComparison: Sendable, Hashable {
    /// The run's day.
    public var day: CalendarDay
    /// The day of the run compared with; `nil` when there was none.
    public var previousDay: CalendarDay?
    /// The tables of both runs, in this run's order.
    public var tables: [TableChanges]
    public var addedTables: [String]
    public var removedTables: [String]

    /// One table of both runs.
    public struct TableChanges: Sendable, Hashable {
        public var table: String
        /// The columns with value counts in both runs, in this run's column order.
        public var compared: [ColumnChanges]
        public var addedColumns: [String]
        public var removedColumns: [String]
        /// Compared columns whose value counts were incomplete (sketched) on either day: only
        /// their listed values were compared.
        public var partialColumns: [String]

        /// Σ |change| over the table's compared columns.
        public var total: Int { compared.reduce(0) { $0 + $1.total } }
        public var changedColumns: [String] { compared.filter { !$0.changes.isEmpty }.map(\.column) }
    }

    /// One compared column: its changed values.
    public struct ColumnChanges: Sendable, Hashable {
        public var column: String
        public var changes: [ValueChange]

        public var total: Int { changes.reduce(0) { $0 + abs($1.change) } }
    }

    public var total: Int { tables.reduce(0) { $0 + $1.total } }
    public var columnsCompared: Int { tables.reduce(0) { $0 + $1.compared.count } }
    public var columnsChanged: Int { tables.reduce(0) { $0 + $1.changedColumns.count } }

    /// The run compared with; `nil` when there is none.
    public private(set) var previous: PreviousSummaries?

    /// A comparison of the run of `day` with `previous` (none yet made): feed it each table's
    /// summary with ``compare(_:folder:history:)`` as the table is done, then ``finish(tables:)``.
    public init(day: CalendarDay, previous: PreviousSummaries?) {
        self.day = day
        self.previousDay = previous?.day
        self.previous = previous
        self.tables = []
        self.addedTables = []
        self.removedTables = []
    }

    /// Compares `summary` with the previous run's table of the same name, if it had one,
    /// reading that run's value-count files of `folder` from `history`.
    public mutating func compare(_ summary: TableSummary, folder: ReportFolder, history: any RunHistory) async throws {
        guard let previous, let before = previous.tables.first(where: { $0.name == summary.table }) else { return }
        let columns = summary.profile.columns.map(\.name)
        var compared: [ColumnChanges] = []
        var partial: [String] = []
        for column in summary.profile.columns where summary.countedColumns.contains(column.name) {
            guard let path = before.valueCounts[column.name] else { continue }
            guard let bytes = try await history.file(path, folder: folder, day: previous.day) else {
                throw ValueCountFileError("the \(previous.day) run's \(folder)/\(path) is in its manifest but not in the store")
            }
            let old = try ValueCountFile.read(bytes, file: "\(previous.day)/\(folder)/\(path)")
            let new = column.valueCounts.entries.map { (value: $0.value.description, count: $0.count) }
            compared.append(ColumnChanges(column: column.name, changes: ValueChange.changes(current: new, previous: old)))
            if !column.valueCounts.isExact || before.partial.contains(column.name) { partial.append(column.name) }
        }
        tables.append(TableChanges(
            table: summary.table, compared: compared,
            addedColumns: columns.filter { !before.columns.contains($0) },
            removedColumns: before.columns.filter { !columns.contains($0) },
            partialColumns: partial))
    }

    /// Records which of this run's tables (`names`, in order) are new and which of the
    /// previous run's are gone.
    public mutating func finish(tables names: [String]) {
        guard let previous else { return }
        addedTables = names.filter { name in !previous.tables.contains { $0.name == name } }
        removedTables = previous.tables.map(\.name).filter { !names.contains($0) }
    }
}
