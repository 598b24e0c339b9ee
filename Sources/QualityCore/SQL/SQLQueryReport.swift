import ReportKit

/// The `sql` kind as a ``Report``: the entry's query run read-only on its database through
/// ``TableOpener/query(_:on:)``, its rows as `report.csv` (the original's file name; see
/// ``SQLReport``), shared to Slack as a file too, with one attachment saying how many rows.
public struct SQLQueryReport: Report {
    public init() {}

    public func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult {
        guard case .sql(let options) = entry.options else {
            throw ReportResultProblem("a sql report needs a source and a query")
        }
        let rows = try await context.tables.query(options.query, on: options.source)
        let output = try await SQLReport.run(rows)
        let count = "\(output.rowCount) row\(output.rowCount == 1 ? "" : "s"), \(output.columns.count) column\(output.columns.count == 1 ? "" : "s")"
        return ReportResult(
            attachments: [SlackAttachment(color: .good, title: SlackText.escaped(entry.name), text: count, fallback: "\(entry.name): \(count)")],
            files: [ReportFile(path: "report.csv", contentType: .csv, bytes: output.csv)],
            headline: [Headline(name: "rows", value: Double(output.rowCount))],
            slackFiles: ["report.csv"])
    }
}
