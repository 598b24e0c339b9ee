import ReportKit

/// The message a slips run sends: the payload for one message group.
public struct SlipsNotification: Sendable, Hashable {
    /// The template group on the notification service (`region-slips`).
    public var messageGroupName: String
    /// The payload; sent as a JSON string in the `params` field.
    public var params: JSONValue

    public init(messageGroupName: String, params: JSONValue) {
        self.messageGroupName = messageGroupName
        self.params = params
    }
}

/// Delivers the slips notification (the MessageMultiplexer service, in the original).
///
/// A conforming notifier returns only once the service accepted the message, and throws
/// otherwise (after its own retries); the run moves the cutoff only after it returns.
public protocol SlipsNotifier: Sendable {
    func send(_ notification: SlipsNotification) async throws
}
