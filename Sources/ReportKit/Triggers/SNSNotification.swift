/// SNS notifications, as a Lambda subscription delivers them
/// (`{"Records": [{"EventSource": "aws:sns", "Sns": {"MessageId": "…", "Message": "…"}}]}`) or
/// as one envelope in an SQS body without raw delivery
/// (`{"Type": "Notification", "MessageId": "…", "Message": "…"}`).
///
/// Each `Message` is an event of its own, usually an S3 notification's JSON text.
public struct SNSNotification: Sendable, Hashable {
    /// One notification.
    public struct Message: Sendable, Hashable {
        public var messageId: String
        /// The message as published (usually JSON text).
        public var message: String

        public init(messageId: String, message: String) {
            self.messageId = messageId
            self.message = message
        }
    }

    public var messages: [Message]

    public init(messages: [Message]) {
        self.messages = messages
    }

    public init(_ event: JSONValue) throws(TriggerShapeError) {
        let records = try event.requiredArray("Records", at: "Records")
        var messages: [Message] = []
        for (index, record) in records.enumerated() {
            let path = "Records[\(index)].Sns"
            guard let sns = record["Sns"] else { throw TriggerShapeError(field: path, "is missing") }
            messages.append(try Self.message(sns, at: path))
        }
        self.messages = messages
    }

    /// One envelope (`"Type": "Notification"`).
    public init(envelope: JSONValue) throws(TriggerShapeError) {
        messages = [try Self.message(envelope, at: "")]
    }

    /// `true` for an SNS envelope on its own: `Type` is `Notification` and there is a `Message`.
    public static func isEnvelope(_ event: JSONValue) -> Bool {
        event["Type"]?.stringValue == "Notification" && event["TopicArn"] != nil && event["Message"] != nil
    }

    private static func message(_ object: JSONValue, at path: String) throws(TriggerShapeError) -> Message {
        let prefix = path.isEmpty ? "" : path + "."
        return Message(
            messageId: try object.requiredString("MessageId", at: prefix + "MessageId"),
            message: try object.requiredString("Message", at: prefix + "Message"))
    }
}
