import ReportKit
import SlipsCore

/// The notifier of a dry run, which never sends: using it is a usage error.
public struct NotConfiguredNotifier: SlipsNotifier {
    public init() {}

    public func send(_ notification: SlipsNotification) async throws {
        throw NotifierNotConfigured()
    }
}

/// No notification URL was given for a run that sends.
public struct NotifierNotConfigured: Error, Sendable, CategorizedError, CustomStringConvertible {
    public init() {}
    public var category: ErrorCategory { .badInput }
    public var description: String {
        "no notification service URL: pass --notify-url or set REPORTKIT_NOTIFY_URL (or use --dryrun)"
    }
}
