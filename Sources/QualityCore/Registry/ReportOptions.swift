import ReportKit

/// What a report of each kind is given, beyond its name and request.
public enum ReportOptions: Sendable, Hashable {
    /// `table-summary` and `change-report`.
    case tableSummary(TableSummaryOptions)
    case sql(SQLReportOptions)
    case checks(ChecksOptions)
    /// `requests` takes nothing more.
    case requests
    /// A custom kind's keys (all but `name`, `kind` and `request`), as written, for its report to read.
    case custom(JSONValue)
}

/// A table summary's tables and rules.
public struct TableSummaryOptions: Sendable, Hashable {
    /// The tables by name, in file order.
    public var tables: [(name: String, spec: TableSourceSpec)]
    /// Columns left out of the summary.
    public var ignoreColumns: [String]
    /// Columns that get no value-count file (default `*_id`, the original's rule).
    public var valueCountExclusions: [ColumnGlob]
    /// Whether a change report against the previous run goes with the summary
    /// (`change_report: true`, or kind `change-report`).
    public var changeReport: Bool

    /// The original's rule: columns ending in `_id` get no value counts.
    public static let defaultValueCountExclusions: [ColumnGlob] = [try! ColumnGlob("*_id")]

    public init(tables: [(name: String, spec: TableSourceSpec)], ignoreColumns: [String] = [], valueCountExclusions: [ColumnGlob] = defaultValueCountExclusions, changeReport: Bool = false) {
        self.tables = tables
        self.ignoreColumns = ignoreColumns
        self.valueCountExclusions = valueCountExclusions
        self.changeReport = changeReport
    }

    /// Whether `column` gets a value-count file.
    public func countsValues(of column: String) -> Bool {
        !valueCountExclusions.contains { $0.matches(column) }
    }

    public static func == (lhs: TableSummaryOptions, rhs: TableSummaryOptions) -> Bool {
        lhs.tables.map(\.name) == rhs.tables.map(\.name) && lhs.tables.map(\.spec) == rhs.tables.map(\.spec)
            && lhs.ignoreColumns == rhs.ignoreColumns && lhs.valueCountExclusions == rhs.valueCountExclusions && lhs.changeReport == rhs.changeReport
    }

    public func hash(into hasher: inout Hasher) {
        for table in tables { hasher.combine(table.name); hasher.combine(table.spec) }
        hasher.combine(ignoreColumns)
        hasher.combine(valueCountExclusions)
        hasher.combine(changeReport)
    }
}

/// A SQL report: one query against one database.
public struct SQLReportOptions: Sendable, Hashable {
    /// A database: `sqlite://PATH` or `postgres://…`.
    public var source: DataSource
    public var query: String

    public init(source: DataSource, query: String) {
        self.source = source
        self.query = query
    }
}

/// A checks report: a checks file and the tables it names.
public struct ChecksOptions: Sendable, Hashable {
    /// The checks file, relative to the reports file.
    public var checks: RelativePath
    /// The tables by the names the checks use, in file order.
    public var data: [(name: String, spec: TableSourceSpec)]

    public init(checks: RelativePath, data: [(name: String, spec: TableSourceSpec)]) {
        self.checks = checks
        self.data = data
    }

    public static func == (lhs: ChecksOptions, rhs: ChecksOptions) -> Bool {
        lhs.checks == rhs.checks && lhs.data.map(\.name) == rhs.data.map(\.name) && lhs.data.map(\.spec) == rhs.data.map(\.spec)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(checks)
        for table in data { hasher.combine(table.name); hasher.combine(table.spec) }
    }
}
