import ReportKit

/// A report: what one entry of the registry runs. The built-in kinds (`table-summary`,
/// `change-report`, `sql`, `checks`, `requests`) and an embedder's own reports all conform;
/// an embedder registers its type under a kind name and the registry accepts that name.
///
/// The contract mirrors the original's handler (`handler(event, context)` returning Slack
/// attachments and files): a report gets its entry and a context, and returns its files and
/// attachments as values. It writes nothing itself; the run stores the files under
/// `{YYYYMMDD}-reports/{Folder}/`, records them in the manifest and posts the attachments.
///
///     struct OpenTickets: Report {
///         func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult {
///             let count = try await countTickets()
///             return ReportResult(
///                 attachments: [SlackAttachment(title: entry.name, text: "\(count) open tickets")],
///                 files: [ReportFile(path: "tickets.csv", contentType: .csv, bytes: csvBytes)],
///                 headline: [Headline(name: "open tickets", value: Double(count))])
///         }
///     }
///
/// A report that throws is recorded as failed with its error; the run goes on with the others.
public protocol Report: Sendable {
    /// Runs the report for `entry` on the context's day.
    func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult
}
