/// An S3 event notification: objects created or removed.
///
///     {"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put",
///       "eventTime": "…", "s3": {"bucket": {"name": "staging"},
///       "object": {"key": "bls/pr/pr.data.0.Current", "size": 1024}}}]}
///
/// Keys arrive form-URL-encoded (a space as `+`, other bytes as `%XX`) and are decoded here.
public struct S3Notification: Sendable, Hashable {
    /// One object's change.
    public struct Record: Sendable, Hashable {
        /// `ObjectCreated:Put`, `ObjectRemoved:Delete`, …
        public var eventName: String
        public var bucket: String
        /// The object's key, decoded.
        public var key: String
        public var size: Int?

        /// `s3://bucket/key`.
        public var location: String { "s3://\(bucket)/\(key)" }
    }

    public var records: [Record]

    public init(_ event: JSONValue) throws(TriggerShapeError) {
        let records = try event.requiredArray("Records", at: "Records")
        var parsed: [Record] = []
        for (index, record) in records.enumerated() {
            let path = "Records[\(index)]"
            guard let s3 = record["s3"] else { throw TriggerShapeError(field: path + ".s3", "is missing") }
            guard let bucket = s3["bucket"] else { throw TriggerShapeError(field: path + ".s3.bucket", "is missing") }
            guard let object = s3["object"] else { throw TriggerShapeError(field: path + ".s3.object", "is missing") }
            let encoded = try object.requiredString("key", at: path + ".s3.object.key")
            guard let key = FormURLDecoding.decode(encoded) else {
                throw TriggerShapeError(field: path + ".s3.object.key", "is not form-URL-encoded UTF-8: '\(encoded)'")
            }
            parsed.append(Record(
                eventName: record["eventName"]?.stringValue ?? "",
                bucket: try bucket.requiredString("name", at: path + ".s3.bucket.name"),
                key: key, size: object["size"]?.intValue))
        }
        self.records = parsed
    }

    /// `true` for S3's `s3:TestEvent` (`{"Service": "Amazon S3", "Event": "s3:TestEvent", …}`).
    public static func isTestEvent(_ event: JSONValue) -> Bool {
        event["Event"]?.stringValue == "s3:TestEvent"
    }
}
