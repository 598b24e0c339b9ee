import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import SlipsAdapters
import Testing

/// The DynamoDB cutoff update is conditional on the cutoff this run read (issue 17), so two
/// runs at once cannot silently overwrite each other's cutoff.
@Suite("DynamoDB buildables: the conditional cutoff update")
struct DynamoDBConditionalUpdateTests {
    static func store(_ transport: ScriptedTransport) -> DynamoDBBuildables {
        let client = AWSClient(
            service: "dynamodb",
            configuration: AWSConfiguration(
                credentials: AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret"), region: "eu-north-1",
                endpoint: URL(string: "http://127.0.0.1:9")!),
            transport: transport, clock: FixedClock(Date(timeIntervalSince1970: 1_588_305_906)), timeout: 1)
        return DynamoDBBuildables(table: "buildables", client: client)
    }

    static let item = #"{"Item": {"artifact": {"S": "NOTIFICATION"}, "instance": {"S": "region-slips"}, "updated": {"S": "2020-04-21 04:05:00 UTC"}}}"#
    static let cutoff: JSONObject = ["updated": "2020-05-01 04:05:06 UTC"]

    static func body(_ request: HTTPRequest) throws -> JSONValue { try JSONReader.parse([UInt8](request.body)) }

    @Test("the update is conditional on the cutoff read; without a read it is plain")
    func conditionOnTheValueRead() async throws {
        let transport = ScriptedTransport([
            .respond(HTTPResponse(status: 200, body: Data(Self.item.utf8))),
            .respond(HTTPResponse(status: 200, body: Data("{}".utf8))),
            .respond(HTTPResponse(status: 200, body: Data("{}".utf8))),
        ])
        let store = Self.store(transport)
        _ = try await store.item(artifact: "NOTIFICATION", instance: "region-slips")
        try await store.update(artifact: "NOTIFICATION", instance: "region-slips", set: Self.cutoff)
        let update = try Self.body(transport.requests[1])
        #expect(update["ConditionExpression"] == "#n0 = :o0")
        #expect(update["ExpressionAttributeValues"]?[":o0"] == ["S": "2020-04-21 04:05:00 UTC"])
        try await store.update(artifact: "REGION", instance: "A:v0", set: Self.cutoff)
        #expect(try Self.body(transport.requests[2])["ConditionExpression"] == nil)
    }

    @Test("an absent cutoff is conditioned on staying absent")
    func absentStaysAbsent() async throws {
        let transport = ScriptedTransport([
            .respond(HTTPResponse(status: 200, body: Data("{}".utf8))),
            .respond(HTTPResponse(status: 200, body: Data("{}".utf8))),
        ])
        let store = Self.store(transport)
        #expect(try await store.item(artifact: "NOTIFICATION", instance: "region-slips") == nil)
        try await store.update(artifact: "NOTIFICATION", instance: "region-slips", set: Self.cutoff)
        #expect(try Self.body(transport.requests[1])["ConditionExpression"] == "attribute_not_exists(#n0)")
    }

    @Test("a cutoff changed by another run: BuildablesChangedError, exit 3")
    func changedMeanwhile() async throws {
        let refusal = #"{"__type": "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", "message": "The conditional request failed"}"#
        let transport = ScriptedTransport([
            .respond(HTTPResponse(status: 200, body: Data(Self.item.utf8))),
            .respond(HTTPResponse(status: 400, body: Data(refusal.utf8))),
        ])
        let store = Self.store(transport)
        _ = try await store.item(artifact: "NOTIFICATION", instance: "region-slips")
        let error = try await #require(throws: BuildablesChangedError.self) {
            try await store.update(artifact: "NOTIFICATION", instance: "region-slips", set: Self.cutoff)
        }
        #expect(error.category == .outsideSystem)
        #expect(error.description.contains("changed while the report ran"))
    }
}
