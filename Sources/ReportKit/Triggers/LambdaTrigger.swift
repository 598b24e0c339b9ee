/// What started a Lambda invocation, read from the event's shape alone (no I/O).
///
/// The shapes, each in its own file: an EventBridge scheduled event (``ScheduledEvent``), an
/// S3 notification (``S3Notification``) or S3's test event, SQS messages (``SQSBatch``), SNS
/// notifications (``SNSNotification``). Anything else is a plain input: EventBridge
/// Scheduler's `Input`, a direct invocation, a pipeline step's event.
public enum LambdaTrigger: Sendable, Hashable {
    /// The event as it is: the command's options (or, for a pipeline step, its event).
    case plain(JSONValue)
    case scheduled(ScheduledEvent)
    case s3(S3Notification)
    /// `s3:TestEvent`, which S3 sends once when a notification is configured: nothing to do.
    case s3Test(bucket: String?)
    case sqs(SQSBatch)
    case sns(SNSNotification)

    /// The trigger `event` is. A shape's required fields missing or of the wrong kind is a
    /// ``TriggerShapeError`` naming the field, not a plain input.
    public static func classify(_ event: JSONValue) throws(TriggerShapeError) -> LambdaTrigger {
        if ScheduledEvent.matches(event) { return .scheduled(try ScheduledEvent(event)) }
        if S3Notification.isTestEvent(event) { return .s3Test(bucket: event["Bucket"]?.stringValue) }
        if let source = recordsSource(event) {
            switch source {
            case "aws:s3": return .s3(try S3Notification(event))
            case "aws:sqs": return .sqs(try SQSBatch(event))
            case "aws:sns": return .sns(try SNSNotification(event))
            default: throw TriggerShapeError(field: "Records[0].eventSource", "is '\(source)': only aws:s3, aws:sqs and aws:sns records are understood")
            }
        }
        if SNSNotification.isEnvelope(event) { return .sns(try SNSNotification(envelope: event)) }
        return .plain(event)
    }

    /// The `eventSource` (SNS: `EventSource`) of the first of `Records`, when the event is a
    /// records batch.
    static func recordsSource(_ event: JSONValue) -> String? {
        guard let records = event["Records"]?.arrayValue, let first = records.first else { return nil }
        return first["eventSource"]?.stringValue ?? first["EventSource"]?.stringValue
    }
}

/// An event that has a trigger's shape but not its required fields: which field, what is wrong.
public struct TriggerShapeError: Error, Sendable, Hashable, CustomStringConvertible, CategorizedError {
    /// Where in the event, as a path: `Records[2].s3.object.key`.
    public var field: String
    public var problem: String

    public init(field: String, _ problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "event field \(field) \(problem)" }
    public var category: ErrorCategory { .badInput }
}

extension JSONValue {
    /// The string at `key`, or a ``TriggerShapeError`` naming `path` when it is missing or not a string.
    func requiredString(_ key: String, at path: String) throws(TriggerShapeError) -> String {
        guard let value = self[key] else { throw TriggerShapeError(field: path, "is missing") }
        guard let text = value.stringValue else { throw TriggerShapeError(field: path, "must be a string, got \(value.kindDescription)") }
        return text
    }

    /// The array at `key`, or a ``TriggerShapeError`` naming `path`.
    func requiredArray(_ key: String, at path: String) throws(TriggerShapeError) -> [JSONValue] {
        guard let value = self[key] else { throw TriggerShapeError(field: path, "is missing") }
        guard let array = value.arrayValue else { throw TriggerShapeError(field: path, "must be an array, got \(value.kindDescription)") }
        return array
    }
}
