import ReportKit

/// What a report's page and notebook show, as blocks: its name, day and status, its request,
/// its numbers over time, what its kind's files hold, its Slack text and its files.
public struct ReportView: Sendable, Hashable {
    public var title: String
    public var day: CalendarDay
    public var status: ReportStatus
    public var kind: ReportKind
    public var blocks: [PageBlock]
    /// The CSV files a notebook's first cell loads with pandas.
    public var csvFiles: [ObjectKey]

    /// The view of `report` of the run of `day`, from its `files` and the earlier runs'
    /// manifests (`history`, any order). Content a kind does not know is listed, not parsed.
    public init(report: ManifestReport, day: CalendarDay, files: [ReportFile], history: [RunManifest]) {
        self.title = report.name
        self.day = day
        self.status = report.status
        self.kind = report.kind
        let set = ReportFileSet(files: files)
        var blocks: [PageBlock] = []
        var facts: [PageBlock.Fact] = [
            .init(name: "date", value: day.description),
            .init(name: "kind", value: report.kind.name),
            .init(name: "status", value: report.status.rawValue),
        ]
        facts += report.headline.map { .init(name: $0.name, value: ChartText.number($0.value).replacingOccurrences(of: "−", with: "-")) }
        blocks.append(.facts(facts))
        if let error = report.error { blocks.append(.problem(error)) }
        if let request = report.request { blocks += Self.requestBlocks(request) }
        blocks += TrendView.blocks(report, day: day, history: history)
        blocks += SummaryView.blocks(set)
        blocks += ChangeView.blocks(set)
        blocks += ChecksView.blocks(set)
        blocks += Self.attachmentBlocks(report.attachments)
        let links = files.map { PageBlock.FileLink(path: $0.path, contentType: $0.contentType, bytes: $0.bytes.count) }
        if !links.isEmpty { blocks += [.heading("Files", level: 2, anchor: "files"), .files(links)] }
        self.blocks = blocks
        self.csvFiles = files.filter { $0.path.name.hasSuffix(".csv") }.map(\.path)
    }

    static func requestBlocks(_ request: ReportRequest) -> [PageBlock] {
        var facts: [PageBlock.Fact] = [.init(name: "stakeholder", value: request.stakeholder)]
        switch request.contact {
        case .email(let address): facts.append(.init(name: "contact", value: address, link: "mailto:" + address))
        case .url(let url): facts.append(.init(name: "contact", value: url, link: url))
        }
        var source = request.source.name
        if let database = request.source.database { source += " (database \(database))" }
        if request.source.production { source += ", production" }
        facts.append(.init(name: "source", value: source))
        switch request.ticket {
        case .url(let url): facts.append(.init(name: "ticket", value: url, link: url))
        case .text(let text): facts.append(.init(name: "ticket", value: text))
        case nil: break
        }
        facts.append(.init(name: "requested", value: request.requested.description))
        if let reviewer = request.reviewer { facts.append(.init(name: "reviewer", value: reviewer)) }
        var blocks: [PageBlock] = [.heading("Request", level: 2, anchor: "request"), .facts(facts)]
        if request.source.production {
            blocks.append(.problem("This report reads a production database; point it at a read-only follower."))
        }
        return blocks
    }

    static func attachmentBlocks(_ attachments: [SlackAttachment]) -> [PageBlock] {
        guard !attachments.isEmpty else { return [] }
        var blocks: [PageBlock] = [.heading("Message", level: 2, anchor: "message")]
        for attachment in attachments {
            if let title = attachment.title { blocks.append(.heading(title, level: 3)) }
            for text in [attachment.pretext, attachment.text, attachment.footer].compactMap({ $0 }) where !text.isEmpty {
                blocks.append(.paragraph(text))
            }
            if !attachment.fields.isEmpty {
                blocks.append(.facts(attachment.fields.map { .init(name: $0.title, value: $0.value) }))
            }
        }
        return blocks
    }
}
