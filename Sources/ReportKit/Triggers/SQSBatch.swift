/// SQS messages delivered to a Lambda function, each with its own body:
///
///     {"Records": [{"eventSource": "aws:sqs", "messageId": "…", "body": "{\"Records\": …}", …}]}
///
/// Each body is an event of its own (an S3 notification, an SNS envelope, plain input). The
/// function answers which messages failed, by `messageId`, so only they come back
/// (``SQSBatch/response(failed:)``, with `ReportBatchItemFailures` on the event source mapping).
public struct SQSBatch: Sendable, Hashable {
    /// One message.
    public struct Message: Sendable, Hashable {
        public var messageId: String
        /// The message body as sent (usually JSON text).
        public var body: String
    }

    public var messages: [Message]

    public init(_ event: JSONValue) throws(TriggerShapeError) {
        let records = try event.requiredArray("Records", at: "Records")
        var messages: [Message] = []
        for (index, record) in records.enumerated() {
            let path = "Records[\(index)]"
            messages.append(Message(
                messageId: try record.requiredString("messageId", at: path + ".messageId"),
                body: try record.requiredString("body", at: path + ".body")))
        }
        self.messages = messages
    }

    /// The partial batch response: `{"batchItemFailures": [{"itemIdentifier": "…"}, …]}`.
    public static func response(failed messageIds: [String]) -> JSONValue {
        ["batchItemFailures": .array(messageIds.map { ["itemIdentifier": .string($0)] })]
    }
}
