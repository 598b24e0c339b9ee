import Foundation
import ReportKit

/// A run's manifest, `{YYYYMMDD}-reports/index.json`: written after every report's files, so
/// a manifest in the store always describes files that are there.
///
/// Its JSON (sorted keys, 2-space indentation):
///
/// ```json
/// {
///   "date": "2024-03-15", "started": "2024-03-15T02:00:00Z", "seconds": 1.25,
///   "version": "0.1.0",
///   "delivery": {"channel": "slack", "status": "sent", "error": null, "messages": 1},
///   "reports": [
///     {"name": "Table Summary", "folder": "Table_Summary", "kind": "table-summary",
///      "status": "ok", "seconds": 0.4, "error": null,
///      "files": [{"key": "20240315-reports/Table_Summary/summaries/participant/summary.csv",
///                 "path": "summaries/participant/summary.csv",
///                 "content_type": "text/csv; charset=utf-8", "bytes": 812, "sha256": "…"}],
///      "attachments": [ … Slack legacy attachments … ],
///      "request": { … ReportRequest.json … },
///      "headline": [{"name": "rows participant", "value": 120}]}
///   ]
/// }
/// ```
public struct RunManifest: Sendable, Hashable {
    public var day: CalendarDay
    /// When the run started.
    public var started: Date
    /// How long the whole run took.
    public var seconds: Double
    /// `reportcli`'s version.
    public var version: String
    /// The reports in registry order.
    public var reports: [ManifestReport]
    /// How the Slack message went; `nil` when nothing was to be sent (`--no-notify`).
    public var delivery: Delivery?

    public init(day: CalendarDay, started: Date, seconds: Double, version: String, reports: [ManifestReport], delivery: Delivery? = nil) {
        self.day = day
        self.started = started
        self.seconds = seconds
        self.version = version
        self.reports = reports
        self.delivery = delivery
    }

    /// The report whose folder is `folder`, if the run has it.
    public subscript(folder: ReportFolder) -> ManifestReport? {
        reports.first { $0.folder == folder }
    }

    /// How the run's message reached Slack.
    public struct Delivery: Sendable, Hashable {
        public enum Status: String, Sendable, Hashable {
            case sent
            case failed
            /// `--dryrun`: shown, not sent.
            case dryrun
        }
        public var status: Status
        /// The first line of the error when it failed; never a token or a webhook URL.
        public var error: String?
        /// How many messages the digest took.
        public var messages: Int

        public init(status: Status, error: String? = nil, messages: Int) {
            self.status = status
            self.error = error
            self.messages = messages
        }
    }
}

/// One report of a run, as its manifest records it.
public struct ManifestReport: Sendable, Hashable {
    public var name: String
    public var folder: ReportFolder
    public var kind: ReportKind
    public var status: ReportStatus
    public var seconds: Double
    /// What went wrong, when it failed by throwing.
    public var error: String?
    public var files: [ManifestFile]
    public var attachments: [SlackAttachment]
    public var request: ReportRequest?
    public var headline: [Headline]

    public init(name: String, folder: ReportFolder, kind: ReportKind, status: ReportStatus, seconds: Double, error: String? = nil, files: [ManifestFile], attachments: [SlackAttachment], request: ReportRequest?, headline: [Headline]) {
        self.name = name
        self.folder = folder
        self.kind = kind
        self.status = status
        self.seconds = seconds
        self.error = error
        self.files = files
        self.attachments = attachments
        self.request = request
        self.headline = headline
    }
}

/// One stored file of a report.
public struct ManifestFile: Sendable, Hashable {
    /// The object's key in the store.
    public var key: ObjectKey
    /// Relative to the report's folder.
    public var path: ObjectKey
    public var contentType: ContentType
    public var bytes: Int
    /// Lower-case hex SHA-256 of the bytes.
    public var sha256: String

    public init(key: ObjectKey, path: ObjectKey, contentType: ContentType, bytes: Int, sha256: String) {
        self.key = key
        self.path = path
        self.contentType = contentType
        self.bytes = bytes
        self.sha256 = sha256
    }
}
