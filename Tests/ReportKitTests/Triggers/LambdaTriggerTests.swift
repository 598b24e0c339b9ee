import ReportKit
import Testing

/// The trigger shapes a Lambda event can have, read without I/O.
@Suite("Lambda triggers")
struct LambdaTriggerTests {
    static func s3Record(_ key: String, bucket: String = "staging", event: String = "ObjectCreated:Put") -> JSONValue {
        ["eventVersion": "2.1", "eventSource": "aws:s3", "eventName": .string(event), "eventTime": "2026-12-01T10:00:00.000Z",
         "s3": ["bucket": ["name": .string(bucket), "arn": .string("arn:aws:s3:::" + bucket)], "object": ["key": .string(key), "size": 1024]]]
    }

    @Test("an EventBridge scheduled event: time is now, detail's keys are options")
    func scheduled() throws {
        let event: JSONValue = ["version": "0", "id": "c1", "detail-type": "Scheduled Event", "source": "aws.events",
                                "time": "2026-12-01T02:00:00Z", "resources": ["arn:aws:events:eu-west-1:1:rule/nightly"], "detail": [:]]
        guard case .scheduled(let scheduled) = try LambdaTrigger.classify(event) else { Issue.record("not scheduled"); return }
        #expect(scheduled.options == ["now": "2026-12-01T02:00:00Z"])
        #expect(scheduled.rule == "arn:aws:events:eu-west-1:1:rule/nightly")
        let withNow: JSONValue = ["detail-type": "Scheduled Event", "time": "2026-12-01T02:00:00Z", "detail": ["now": "2020-05-01T00:00:00Z", "dryrun": ""]]
        guard case .scheduled(let given) = try LambdaTrigger.classify(withNow) else { Issue.record("not scheduled"); return }
        #expect(given.options == ["now": "2020-05-01T00:00:00Z", "dryrun": ""])
    }

    @Test("a scheduled event without time names the field")
    func scheduledWithoutTime() {
        #expect(throws: TriggerShapeError(field: "time", "is missing")) { try LambdaTrigger.classify(["detail-type": "Scheduled Event"]) }
        #expect(throws: TriggerShapeError(field: "detail", "must be an object, got an array")) {
            try LambdaTrigger.classify(["detail-type": "Scheduled Event", "time": "2026-12-01T02:00:00Z", "detail": []])
        }
    }

    @Test("Scheduler's plain input and a pipeline step's event are plain")
    func plain() throws {
        let input: JSONValue = ["now": "2026-12-01T02:00:00Z", "horizon-hours": 240]
        #expect(try LambdaTrigger.classify(input) == .plain(input))
        let step: JSONValue = ["execution_name": "x", "task": "lambda_invoker", "payload": [:]]
        #expect(try LambdaTrigger.classify(step) == .plain(step))
        #expect(try LambdaTrigger.classify(.null) == .plain(.null))
    }

    @Test("S3 notification keys are form-URL-decoded")
    func s3Keys() throws {
        let event: JSONValue = ["Records": [Self.s3Record("bls/pr/pr.data.0.Current"), Self.s3Record("a+b/%C3%A6%2B%25.csv", event: "ObjectRemoved:Delete")]]
        guard case .s3(let notification) = try LambdaTrigger.classify(event) else { Issue.record("not s3"); return }
        #expect(notification.records.map(\.key) == ["bls/pr/pr.data.0.Current", "a b/æ+%.csv"])
        #expect(notification.records.map(\.location) == ["s3://staging/bls/pr/pr.data.0.Current", "s3://staging/a b/æ+%.csv"])
        #expect(notification.records.map(\.eventName) == ["ObjectCreated:Put", "ObjectRemoved:Delete"])
        #expect(notification.records[0].size == 1024)
    }

    @Test("a bad key encoding or a missing bucket names the record's field")
    func s3Errors() {
        #expect(throws: TriggerShapeError(field: "Records[1].s3.object.key", "is not form-URL-encoded UTF-8: 'a%zz'")) {
            try LambdaTrigger.classify(["Records": [Self.s3Record("ok"), Self.s3Record("a%zz")]])
        }
        #expect(throws: TriggerShapeError(field: "Records[0].s3.bucket", "is missing")) {
            try LambdaTrigger.classify(["Records": [["eventSource": "aws:s3", "s3": ["object": ["key": "k"]]]]])
        }
        #expect(throws: TriggerShapeError(field: "Records[0].eventSource", "is 'aws:kinesis': only aws:s3, aws:sqs and aws:sns records are understood")) {
            try LambdaTrigger.classify(["Records": [["eventSource": "aws:kinesis"]]])
        }
    }

    @Test("s3:TestEvent is recognised, directly and as an SQS body's text")
    func s3Test() throws {
        let test: JSONValue = ["Service": "Amazon S3", "Event": "s3:TestEvent", "Time": "2026-12-01T10:00:00.000Z", "Bucket": "staging", "RequestId": "r", "HostId": "h"]
        #expect(try LambdaTrigger.classify(test) == .s3Test(bucket: "staging"))
    }

    @Test("SQS messages keep their ids and bodies; the partial batch response names the failed ones")
    func sqs() throws {
        let body = JSONWriter.compact(["Records": [Self.s3Record("staging/x.csv")]])
        let event: JSONValue = ["Records": [
            ["messageId": "m-1", "receiptHandle": "h", "body": .string(body), "eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:eu-west-1:1:q"],
            ["messageId": "m-2", "body": "not json", "eventSource": "aws:sqs"],
        ]]
        guard case .sqs(let batch) = try LambdaTrigger.classify(event) else { Issue.record("not sqs"); return }
        #expect(batch.messages.map(\.messageId) == ["m-1", "m-2"])
        #expect(batch.messages[0].body == body)
        #expect(SQSBatch.response(failed: ["m-2"]) == ["batchItemFailures": [["itemIdentifier": "m-2"]]])
        #expect(SQSBatch.response(failed: []) == ["batchItemFailures": []])
        #expect(throws: TriggerShapeError(field: "Records[0].body", "must be a string, got an object")) {
            try LambdaTrigger.classify(["Records": [["messageId": "m", "body": [:], "eventSource": "aws:sqs"]]])
        }
    }

    @Test("SNS records and a bare SNS envelope (SQS without raw delivery) carry their messages")
    func sns() throws {
        let records: JSONValue = ["Records": [["EventSource": "aws:sns", "EventVersion": "1.0", "Sns": ["Type": "Notification", "MessageId": "n-1", "TopicArn": "arn:aws:sns:eu-west-1:1:t", "Message": "{\"a\":1}"]]]]
        #expect(try LambdaTrigger.classify(records) == .sns(SNSNotification(messages: [.init(messageId: "n-1", message: "{\"a\":1}")])))
        let envelope: JSONValue = ["Type": "Notification", "MessageId": "n-2", "TopicArn": "arn:aws:sns:eu-west-1:1:t", "Message": "{}"]
        #expect(try LambdaTrigger.classify(envelope) == .sns(SNSNotification(messages: [.init(messageId: "n-2", message: "{}")])))
        #expect(throws: TriggerShapeError(field: "Records[0].Sns.Message", "is missing")) {
            try LambdaTrigger.classify(["Records": [["EventSource": "aws:sns", "Sns": ["MessageId": "n"]]]])
        }
    }

    @Test("form-URL decoding", arguments: [
        ("a+b", "a b"), ("%2Fx%2f", "/x/"), ("plain", "plain"), ("%E2%82%AC", "€"), ("", ""),
    ])
    func decoding(encoded: String, decoded: String) {
        #expect(FormURLDecoding.decode(encoded) == decoded)
    }

    @Test("form-URL decoding refuses a broken escape or bytes that are not UTF-8", arguments: ["%", "%4", "%G1", "%FF", "%C3"])
    func badDecoding(encoded: String) {
        #expect(FormURLDecoding.decode(encoded) == nil)
    }
}
