import ReportKit

/// The notification was sent, but the new cutoff could not be written (a failure of the
/// outside world: exit 3). The store keeps the old cutoff, so the next run reports the same
/// changes again: a repeated notification, never a lost one.
public struct CutoffNotWritten: Error, Sendable, CategorizedError, CustomStringConvertible {
    /// The cutoff text that was to be stored.
    public var cutoff: String
    /// Why the store refused it.
    public var reason: any Error

    public init(cutoff: String, reason: any Error) {
        self.cutoff = cutoff
        self.reason = reason
    }

    public var category: ErrorCategory { .outsideSystem }

    public var description: String {
        "the notification was sent, but the cutoff \(cutoff) was not written: \(reason); the next run reports from the old cutoff and sends these changes again"
    }
}
