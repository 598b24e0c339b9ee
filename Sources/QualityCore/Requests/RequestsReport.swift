import ReportKit

/// The `requests` kind: a report on the registry itself, so request volume can be tracked
/// (staffing, and requests worth automating), as the team's request process asks.
///
/// Files (CSV, `,` and `\n`, a header row):
/// - `requests.csv`: one row per report: `report,kind,stakeholder,contact,source,database,production,ticket,requested,reviewer`
///   (empty fields for a report without request metadata);
/// - `by_stakeholder.csv`: `stakeholder,reports`, by count descending, then name by code point;
/// - `by_source.csv`: `source,database,production,reports`, in the same order;
/// - `by_month.csv`: `month,reports` for every month from the first request to the run's
///   month (months without requests as 0), oldest first.
///
/// One attachment: how many reports, from how many stakeholders and sources, how many were
/// requested in the run's month, and the reports without metadata or reading production.
public struct RequestsReport: Report {
    public init() {}

    public func run(_ entry: ReportEntry, context: ReportContext) async throws -> ReportResult {
        let tally = RequestTally(context.registry.reports, month: context.day.monthText)
        var fields: [SlackAttachment.Field] = [
            .init(title: "Stakeholders", value: "\(tally.byStakeholder.count)", short: true),
            .init(title: "Sources", value: "\(tally.bySource.count)", short: true),
        ]
        if tally.withoutRequest > 0 { fields.append(.init(title: "Without request metadata", value: "\(tally.withoutRequest)", short: true)) }
        if tally.production > 0 { fields.append(.init(title: "Reading production", value: "\(tally.production)", short: true)) }
        let text = "*\(tally.reports)* reports in the registry; *\(tally.thisMonth)* requested in \(context.day.monthText)"
        let attachment = SlackAttachment(
            color: tally.production > 0 ? .warning : .info, title: SlackText.escaped(entry.name), text: text, fields: fields,
            fallback: text.replacingOccurrences(of: "*", with: ""))
        return ReportResult(
            attachments: [attachment],
            files: [
                ReportFile(path: "requests.csv", contentType: .csv, bytes: tally.requestsCSV),
                ReportFile(path: "by_stakeholder.csv", contentType: .csv, bytes: tally.stakeholderCSV),
                ReportFile(path: "by_source.csv", contentType: .csv, bytes: tally.sourceCSV),
                ReportFile(path: "by_month.csv", contentType: .csv, bytes: tally.monthCSV),
            ],
            headline: [
                Headline(name: "reports", value: Double(tally.reports)),
                Headline(name: "stakeholders", value: Double(tally.byStakeholder.count)),
                Headline(name: "sources", value: Double(tally.bySource.count)),
                Headline(name: "requested this month", value: Double(tally.thisMonth)),
                Headline(name: "without request", value: Double(tally.withoutRequest)),
            ])
    }
}
