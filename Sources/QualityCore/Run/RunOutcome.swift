import ReportKit

/// What a run did: its manifest, the Slack requests (made, or for `--dryrun` shown), the
/// keys it removed, and the exit status.
public struct RunOutcome: Sendable, Hashable {
    public var manifest: RunManifest
    /// The requests of the Slack message (and uploads), secrets as `***`: what a `--dryrun`
    /// would have sent; empty when nothing was to be sent.
    public var slackRequests: [JSONValue]
    /// Keys of the day's earlier files the run removed (or, for `--dryrun`, would remove).
    public var removed: [ObjectKey]
    /// 0 when every report ran ok or warned, 1 when any failed, 3 when Slack failed.
    public var status: ExitStatus

    public init(manifest: RunManifest, slackRequests: [JSONValue] = [], removed: [ObjectKey] = [], status: ExitStatus) {
        self.manifest = manifest
        self.slackRequests = slackRequests
        self.removed = removed
        self.status = status
    }

    /// The exit status of a run with these reports and this delivery: Slack failing after
    /// retries is 3 (the files and manifest are written), else any failed report is 1.
    public static func status(reports: [ManifestReport], delivery: RunManifest.Delivery?) -> ExitStatus {
        if delivery?.status == .failed { return .outsideSystem }
        if reports.contains(where: { $0.status == .failed }) { return .completedWithFailures }
        return .success
    }
}
