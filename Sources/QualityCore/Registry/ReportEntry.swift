import ReportKit

/// One report of a reports file: its name and folder, its kind and what that kind is
/// given, and who asked for it.
public struct ReportEntry: Sendable, Hashable {
    /// The display name (`Table Summary`).
    public var name: String
    /// Where its files go (`Table_Summary`).
    public var folder: ReportFolder
    public var kind: ReportKind
    public var options: ReportOptions
    /// The request metadata; `nil` when the file gives none (a warning in `reports check`).
    public var request: ReportRequest?
    /// Where the entry starts in the reports file.
    public var location: SourceLocation

    public init(name: String, folder: ReportFolder, kind: ReportKind, options: ReportOptions, request: ReportRequest?, location: SourceLocation) {
        self.name = name
        self.folder = folder
        self.kind = kind
        self.options = options
        self.request = request
        self.location = location
    }

    /// The tables the report reads, by name, in file order: a summary's `tables`, a checks
    /// report's `data`; none for the other kinds.
    public var tables: [(name: String, spec: TableSourceSpec)] {
        switch options {
        case .tableSummary(let summary): return summary.tables
        case .checks(let checks): return checks.data
        case .sql, .requests, .custom: return []
        }
    }
}
