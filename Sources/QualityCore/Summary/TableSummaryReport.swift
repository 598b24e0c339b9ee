import ReportKit

/// The `table-summary` report (and `change-report`): per table, one pass that profiles it and
/// counts its values, written as ``TableSummary`` files; with `change_report: true` (or kind
/// `change-report`) also the ``ChangeComparison`` with the most recent earlier run.
///
/// Per table: the spec's declared types apply (a type declared for a column the table lacks is
/// recorded in `profile.json`, not an error), `ignore_columns` are left out, and columns
/// matching `value_counts.exclude` (default `*_id`) get no value-count file. A table whose
/// profile had to sketch a column is read a second time for that column's frequent values
/// (see ``SummaryScan``). Headline numbers: `rows {table}` per table, then `changes` when a
/// comparison was made. Slack: the summary itself posts nothing (as the original); the
/// comparison's attachment when it counted changes.
///
/// Errors: an entry of another kind, a table that cannot be opened or read, a value that is
/// not its declared type, a name that cannot be a key segment (``NameSegmentError``); each
/// names the table.
public struct TableSummaryReport: Report {
    public var limits: ProfileLimits

    public init(limits: ProfileLimits = .default) {
        self.limits = limits
    }

    public func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult {
        guard case .tableSummary(let options) = entry.options else {
            throw TableSummaryError("the report '\(entry.name)' is a \(entry.kind) report, not a table summary")
        }
        let compares = options.changeReport || entry.kind == .changeReport
        var comparison: ChangeComparison?
        if compares {
            let previous = try await PreviousSummaries.find(before: context.day, folder: entry.folder, history: context.history)
            comparison = ChangeComparison(day: context.day, previous: previous)
        }
        var result = ReportResult()
        for (name, spec) in options.tables {
            _ = try NameSegment(name, role: .table)
            let scan = SummaryScan(declared: spec.types, ignored: Set(options.ignoreColumns), limits: limits)
            var profile = try await scan.profile(try await context.tables.open(spec, name: name))
            if ValueRecount(for: profile).isNeeded {
                profile = try await scan.recount(try await context.tables.open(spec, name: name), profile: profile)
            }
            // One table's profile at a time: its files and its comparison are made, then it goes.
            let summary = TableSummary(table: name, profile: profile, options: options, absentDeclarations: scan.absentDeclarations(profile))
            result.files += try summary.files()
            result.headline.append(Headline(name: "rows \(name)", value: Double(profile.rowCount)))
            try await comparison?.compare(summary, folder: entry.folder, history: context.history)
        }
        if var comparison {
            comparison.finish(tables: options.tables.map(\.name))
            result.files += try comparison.files()
            result.attachments += comparison.attachments
            result.headline += comparison.headline
        }
        return result
    }
}

/// A table summary that cannot run.
public struct TableSummaryError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var category: ErrorCategory { .badInput }
    public var description: String { message }
}
