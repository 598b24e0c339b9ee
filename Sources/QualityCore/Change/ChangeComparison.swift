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

    /// Compares `current` (this run's summaries) with the previous run's, read from the
    /// context's history for the report folder `folder`.
    public static func make(current: [TableSummary], folder: ReportFolder, context: ReportContext) async throws -> ChangeComparison {
        guard let previous = try await PreviousSummaries.find(before: context.day, folder: folder, history: context.history) else {
            return ChangeComparison(day: context.day, previousDay: nil, tables: [], addedTables: [], removedTables: [])
        }
        var tables: [TableChanges] = []
        for summary in current {
            guard let before = previous.tables.first(where: { $0.name == summary.table }) else { continue }
            let columns = summary.profile.columns.map(\.name)
            var compared: [ColumnChanges] = []
            var partial: [String] = []
            for column in summary.profile.columns where summary.countedColumns.contains(column.name) {
                guard let path = before.valueCounts[column.name] else { continue }
                let place = "\(previous.day)/\(folder)/\(path)"
                guard let bytes = try await context.history.file(path, folder: folder, day: previous.day) else {
                    throw ValueCountFileError("the \(previous.day) run's \(folder)/\(path) is in its manifest but not in the store")
                }
                let old = try ValueCountFile.read(bytes, file: place)
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
        let names = current.map(\.table)
        return ChangeComparison(
            day: context.day, previousDay: previous.day, tables: tables,
            addedTables: names.filter { name in !previous.tables.contains { $0.name == name } },
            removedTables: previous.tables.map(\.name).filter { !names.contains($0) })
    }
}
