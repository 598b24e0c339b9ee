import Foundation
import ReportKit

/// What one run of the daily reports is asked to do.
public struct RunOptions: Sendable, Hashable {
    /// The run's day (`--date`); `nil` for the UTC day of ``now`` or of the clock.
    public var day: CalendarDay?
    /// The instant reports see (`--now`, or the start of `--date`); `nil` for the clock's.
    public var now: Date?
    /// Only the reports with these names (`--only`), in registry order; empty for all. The
    /// day's other reports stay as an earlier run of the day recorded them.
    public var only: [String]
    /// Write and send nothing; the outcome shows the manifest and the Slack requests.
    public var dryrun: Bool
    /// Send the run's Slack message (when a publisher is configured).
    public var notify: Bool
    /// The viewer's address, linked from the Slack message.
    public var viewerURL: String?
    /// Reports run at once (at least 1).
    public var concurrency: Int
    /// Seconds one report may take; past that it is recorded as failed and the run goes on.
    public var timeout: Double
    /// The version the manifest records.
    public var version: String
    public var slackLimits: SlackLimits

    /// Four reports at once.
    public static let defaultConcurrency = 4
    /// Thirty minutes per report.
    public static let defaultTimeout: Double = 1_800

    public init(
        day: CalendarDay? = nil, now: Date? = nil, only: [String] = [], dryrun: Bool = false, notify: Bool = true,
        viewerURL: String? = nil, concurrency: Int = defaultConcurrency, timeout: Double = defaultTimeout,
        version: String = "0.0.0", slackLimits: SlackLimits = .slack
    ) {
        self.day = day
        self.now = now
        self.only = only
        self.dryrun = dryrun
        self.notify = notify
        self.viewerURL = viewerURL
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self.version = version
        self.slackLimits = slackLimits
    }
}
