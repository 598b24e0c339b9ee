import ReportKit

/// What a report returns: its files, its Slack attachments, how it ended and its headline
/// numbers. Plain values; the run stores and sends them.
public struct ReportResult: Sendable, Hashable {
    /// Attachments for the run's Slack message, in order.
    public var attachments: [SlackAttachment]
    /// The files, with paths relative to the report's folder.
    public var files: [ReportFile]
    /// `ok`, or `warn`/`failed` when the report found warn- or fail-level results (checks).
    public var status: ReportStatus
    /// The numbers the manifest keeps and the pages draw over time (rows per table, total
    /// changes, failed checks), in order.
    public var headline: [Headline]
    /// Paths among ``files`` that are also uploaded to Slack.
    public var slackFiles: [ObjectKey]

    public init(attachments: [SlackAttachment] = [], files: [ReportFile] = [], status: ReportStatus = .ok, headline: [Headline] = [], slackFiles: [ObjectKey] = []) {
        self.attachments = attachments
        self.files = files
        self.status = status
        self.headline = headline
        self.slackFiles = slackFiles
    }
}

/// How a report ended, in the manifest, the Slack message and the viewer.
public enum ReportStatus: String, Sendable, Hashable, CaseIterable {
    /// It ran and found nothing above warn level.
    case ok
    /// Its checks only warned.
    case warn
    /// It threw, timed out, or a check failed.
    case failed
}

/// One named number of a report's run: `rows participant`, `changes`, `checks failed`.
public struct Headline: Sendable, Hashable {
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}
