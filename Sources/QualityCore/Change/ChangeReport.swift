/// The `change-report` kind: the table summary of its tables, compared with the most recent
/// earlier run of the same report folder that has summaries (``ChangeComparison``). Its
/// files are the summary's (`summaries/…`, which the next run compares with) and the
/// comparison's (`diffs/{table}/{column}.csv`, `changes.json`).
///
/// A `table-summary` entry with `change_report: true` gives the same files through
/// ``TableSummaryReport``; this type is that report with the comparison always on.
public struct ChangeReport: Report {
    public var summary: TableSummaryReport

    public init(limits: ProfileLimits = .default) {
        self.summary = TableSummaryReport(limits: limits)
    }

    public func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult {
        var entry = entry
        if case .tableSummary(var options) = entry.options {
            options.changeReport = true
            entry.options = .tableSummary(options)
        }
        return try await summary.run(entry, context: context)
    }
}
