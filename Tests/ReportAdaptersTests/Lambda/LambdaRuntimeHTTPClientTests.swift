import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

/// The live Runtime API client against a loopback server playing the Runtime API.
@Suite("Lambda Runtime API client")
struct LambdaRuntimeHTTPClientTests {
    static let nextHeaders = [
        "Lambda-Runtime-Aws-Request-Id": "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
        "Lambda-Runtime-Deadline-Ms": "1796121177745",
        "Lambda-Runtime-Trace-Id": "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
        "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:eu-west-1:1:function:slips",
    ]

    static func client(_ server: LoopbackHTTPServer) throws -> LambdaRuntimeHTTPClient {
        let client = LambdaRuntimeHTTPClient(api: "127.0.0.1:\(server.port)", now: { Date(timeIntervalSince1970: 1_796_121_170) })
        return try #require(client)
    }

    @Test("next reads the request id, deadline, trace id and event from the long poll")
    func next() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(200, body: #"{"now":"2020-05-01"}"#, headers: Self.nextHeaders)])
        defer { server.stop() }
        let invocation = try await Self.client(server).next()
        #expect(invocation.requestId == "8476a536-e9f4-11e8-9739-2dfe598c3fcd")
        #expect(invocation.deadlineMilliseconds == 1_796_121_177_745)
        #expect(invocation.traceId == "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1")
        #expect(invocation.functionArn == "arn:aws:lambda:eu-west-1:1:function:slips")
        #expect(String(decoding: invocation.event, as: UTF8.self) == #"{"now":"2020-05-01"}"#)
        #expect(abs(invocation.secondsLeft(at: Date(timeIntervalSince1970: 1_796_121_170)) - 7.745) < 0.001)
        #expect(server.requests.map { "\($0.method) \($0.target)" } == ["GET /2018-06-01/runtime/invocation/next"])
    }

    @Test("a next without a request id or deadline is a Runtime API error")
    func nextWithoutHeaders() async throws {
        let server = try LoopbackHTTPServer(replies: [
            .status(200, body: "{}", headers: ["Lambda-Runtime-Deadline-Ms": "1"]),
            .status(200, body: "{}", headers: ["Lambda-Runtime-Aws-Request-Id": "a/../b", "Lambda-Runtime-Deadline-Ms": "1"]),
            .status(200, body: "{}", headers: ["Lambda-Runtime-Aws-Request-Id": "r"]),
            .status(500),
        ])
        defer { server.stop() }
        let client = try Self.client(server)
        for _ in 0..<4 {
            await #expect(throws: LambdaRuntimeAPIError.self) { try await client.next() }
        }
    }

    @Test("respond, fail and init error post to their paths; an error carries its type in the header")
    func answers() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(202), .status(202), .status(202)])
        defer { server.stop() }
        let client = try Self.client(server)
        let invocation = LambdaInvocation(requestId: "r-1", deadlineMilliseconds: 1_796_121_177_745, event: Data())
        try await client.respond(to: invocation, with: Data(#"{"ok":true}"#.utf8))
        try await client.fail(invocation, with: LambdaFunctionError(type: "BadInput", message: "event key 'db' is required"))
        try await client.failInitialization(with: LambdaFunctionError(type: "Runtime.BadHandler", message: "no handler"))
        let requests = server.requests
        #expect(requests.map { "\($0.method) \($0.target)" } == [
            "POST /2018-06-01/runtime/invocation/r-1/response", "POST /2018-06-01/runtime/invocation/r-1/error", "POST /2018-06-01/runtime/init/error",
        ])
        #expect(requests[0].text == #"{"ok":true}"#)
        #expect(try JSONReader.parse(requests[1].text) == ["errorMessage": "event key 'db' is required", "errorType": "BadInput"])
        let header = requests[1].headers.first { $0.key.lowercased() == "lambda-runtime-function-error-type" }?.value
        #expect(header == "BadInput")
        #expect(try JSONReader.parse(requests[2].text)["errorType"] == "Runtime.BadHandler")
    }

    @Test("a response the Runtime API refuses (413) is an error with its status and message")
    func refused() async throws {
        let server = try LoopbackHTTPServer(replies: [.status(413, body: #"{"errorMessage":"Exceeded maximum allowed payload size (6291556 bytes).","errorType":"RequestEntityTooLarge"}"#)])
        defer { server.stop() }
        let invocation = LambdaInvocation(requestId: "r-1", deadlineMilliseconds: 1_796_121_177_745, event: Data())
        do {
            try await Self.client(server).respond(to: invocation, with: Data("{}".utf8))
            Issue.record("no error")
        } catch let error as LambdaRuntimeAPIError {
            #expect(error.status == 413)
            #expect(error.description.contains("Exceeded maximum allowed payload size"))
        }
    }

    @Test("AWS_LAMBDA_RUNTIME_API must be host:port", arguments: ["", "http://x/y", "a/b"])
    func badAPI(api: String) {
        #expect(LambdaRuntimeHTTPClient(api: api) == nil)
    }
}
