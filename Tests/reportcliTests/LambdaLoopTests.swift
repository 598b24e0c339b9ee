import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing
@testable import reportcli

/// A Runtime API that hands out scripted invocations and records the answers; `next` past
/// the script fails, which ends the loop.
final class ScriptedLambdaRuntime: LambdaRuntime, @unchecked Sendable {
    enum Answer: Hashable {
        case response(requestId: String, JSONValue)
        case error(requestId: String, LambdaFunctionError)
        case initError(LambdaFunctionError)
    }

    private let lock = NSLock()
    private var script: [LambdaInvocation]
    private var recorded: [Answer] = []

    /// Request ids whose response is refused with 413, as the Runtime API does past its limit.
    private let refused: Set<String>

    init(_ script: [LambdaInvocation], refusing refused: Set<String> = []) {
        self.script = script
        self.refused = refused
    }

    var answers: [Answer] { lock.withLock { recorded } }

    func next() async throws -> LambdaInvocation {
        try lock.withLock {
            guard !script.isEmpty else { throw LambdaRuntimeAPIError(status: nil, "the script has no more invocations") }
            return script.removeFirst()
        }
    }

    func respond(to invocation: LambdaInvocation, with body: Data) async throws {
        if refused.contains(invocation.requestId) { throw LambdaRuntimeAPIError(status: 413, "response: HTTP 413") }
        let value = try JSONReader.parse(Array(body))
        lock.withLock { recorded.append(.response(requestId: invocation.requestId, value)) }
    }

    func fail(_ invocation: LambdaInvocation, with error: LambdaFunctionError) async throws {
        lock.withLock { recorded.append(.error(requestId: invocation.requestId, error)) }
    }

    func failInitialization(with error: LambdaFunctionError) async throws {
        lock.withLock { recorded.append(.initError(error)) }
    }
}

@Suite("Lambda loop (scripted Runtime API)")
struct LambdaLoopTests {
    static let slipsEvent: JSONValue = ["db": "Fixtures/slips/e2e_db.yaml", "now": "2020-05-01T04:05:06Z", "dryrun": nil, "metrics": "/dev/null"]

    static func invocation(_ id: String, _ event: JSONValue, secondsLeft: Double = 600, trace: String? = nil) -> LambdaInvocation {
        LambdaInvocation(
            requestId: id, deadlineMilliseconds: Int64((Date().timeIntervalSince1970 + secondsLeft) * 1000), traceId: trace,
            event: Data(JSONWriter.compact(event).utf8))
    }

    /// Serves `invocations` with `handler`; returns the answers, the EMF lines and why it stopped.
    static func serve(
        _ invocations: [LambdaInvocation], handler: String = "slips", environment: [String: String] = [:],
        outputStore: String? = nil, registry: CommandRegistry = .standard, refusing: Set<String> = []
    ) async throws -> (answers: [ScriptedLambdaRuntime.Answer], metrics: [JSONValue], stop: LambdaLoop.Stop) {
        let runtime = ScriptedLambdaRuntime(invocations, refusing: refusing)
        let lines = LockedLines()
        var loop = LambdaLoop(
            runtime: runtime, handler: try LambdaHandler(handler, registry: registry), registry: registry,
            environment: Environment(environment), outputStore: outputStore, logger: .silent,
            emit: { lines.append($0) }, now: Date.init)
        // The whole suite runs at once on two cores: a cancelled run may wait long for a thread.
        loop.grace = 60
        let stop = await loop.serve()
        return (runtime.answers, lines.values, stop)
    }

    @Test("several invocations on one loop: the slips golden twice, a bad event through /error in between")
    func severalInARow() async throws {
        let (answers, metrics, stop) = try await Self.serve([
            Self.invocation("r-1", Self.slipsEvent),
            Self.invocation("r-2", ["db": "Fixtures/slips/e2e_db.yaml", "slip-delta": "soon", "dryrun": ""]),
            Self.invocation("r-3", Self.slipsEvent),
        ])
        let golden = try JSONReader.parse(FixturePaths.text("slips/e2e_expected.json"))
        #expect(answers.count == 3)
        #expect(answers.first == .response(requestId: "r-1", golden))
        #expect(answers.last == .response(requestId: "r-3", golden))
        guard case .error(requestId: "r-2", let error)? = answers.dropFirst().first else { Issue.record("no error for r-2: \(answers)"); return }
        #expect(error.errorType == "BadInput")
        #expect(error.errorMessage.hasPrefix("reportcli: error: event key 'slip-delta' needs a whole number, got 'soon'"))
        #expect(metrics.map { $0["requestId"] } == ["r-1", "r-2", "r-3"])
        #expect(metrics.map { $0["failed"] } == [0, 1, 0])
        #expect(metrics.first?["Handler"] == "slips")
        guard case .runtimeFailed = stop else { Issue.record("the loop stopped for \(stop)"); return }
    }

    @Test("an event that is not JSON is a BadInput error, and the loop goes on")
    func notJSON() async throws {
        let bad = LambdaInvocation(requestId: "r-1", deadlineMilliseconds: Int64((Date().timeIntervalSince1970 + 60) * 1000), event: Data("{nope".utf8))
        let (answers, _, _) = try await Self.serve([bad, Self.invocation("r-2", Self.slipsEvent)])
        guard case .error(requestId: "r-1", let error)? = answers.first else { Issue.record("\(answers)"); return }
        #expect(error.errorType == "BadInput" && error.errorMessage.hasPrefix("the event is not JSON"))
        guard case .response(requestId: "r-2", _)? = answers.last else { Issue.record("\(answers)"); return }
    }

    @Test("a response the Runtime API refuses is followed by an error for the same request; the loop goes on")
    func refusedResponse() async throws {
        let (answers, _, _) = try await Self.serve([Self.invocation("r-1", Self.slipsEvent), Self.invocation("r-2", Self.slipsEvent)], refusing: ["r-1"])
        guard case .error(requestId: "r-1", let error)? = answers.first else { Issue.record("\(answers)"); return }
        #expect(error.errorType == "ResponseRefused" && error.errorMessage.contains("HTTP 413"))
        guard case .response(requestId: "r-2", _)? = answers.last else { Issue.record("\(answers)"); return }
    }

    @Test("a scheduled event's time is the run's now; environment variables give the rest")
    func scheduled() async throws {
        let event: JSONValue = ["detail-type": "Scheduled Event", "source": "aws.events", "time": "2020-05-01T04:05:06Z", "detail": [:]]
        let (answers, _, _) = try await Self.serve(
            [Self.invocation("r-1", event)],
            environment: ["REPORTKIT_DB": "Fixtures/slips/e2e_db.yaml", "REPORTKIT_DRYRUN": "1", "REPORTKIT_METRICS": "/dev/null"])
        #expect(answers == [.response(requestId: "r-1", try JSONReader.parse(FixturePaths.text("slips/e2e_expected.json")))])
    }

    @Test("an SQS batch answers batchItemFailures with the messages whose run failed")
    func sqsBatch() async throws {
        func message(_ id: String, _ body: JSONValue) -> JSONValue {
            ["messageId": .string(id), "body": .string(JSONWriter.compact(body)), "eventSource": "aws:sqs"]
        }
        let event: JSONValue = ["Records": [
            message("m-ok", Self.slipsEvent),
            message("m-bad", ["db": "Fixtures/slips/missing.yaml", "dryrun": ""]),
            ["messageId": "m-text", "body": "not json", "eventSource": "aws:sqs"],
            message("m-test", ["Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": "b"]),
        ]]
        let (answers, _, _) = try await Self.serve([Self.invocation("r-1", event)])
        #expect(answers == [.response(requestId: "r-1", ["batchItemFailures": [["itemIdentifier": "m-bad"], ["itemIdentifier": "m-text"]]])])
    }

    @Test("an S3 notification runs the command once with its environment options; s3:TestEvent runs nothing")
    func s3() async throws {
        let notification: JSONValue = ["Records": [LambdaTriggerFixtures.s3Record("staging/a+b.csv")]]
        let environment = ["REPORTKIT_DB": "Fixtures/slips/e2e_db.yaml", "REPORTKIT_DRYRUN": "", "REPORTKIT_NOW": "2020-05-01T04:05:06Z", "REPORTKIT_METRICS": "/dev/null"]
        var variables = environment
        variables["REPORTKIT_DRYRUN"] = "yes"
        let (answers, _, _) = try await Self.serve(
            [Self.invocation("r-1", notification), Self.invocation("r-2", ["Service": "Amazon S3", "Event": "s3:TestEvent"])], environment: variables)
        #expect(answers == [
            .response(requestId: "r-1", try JSONReader.parse(FixturePaths.text("slips/e2e_expected.json"))),
            .response(requestId: "r-2", ["skipped": "s3:TestEvent"]),
        ])
    }

    @Test("a command with a `changed` option gets the S3 objects, decoded, once for the whole notification")
    func changedObjects() async throws {
        let registry = CommandRegistry([ChangedEchoCommand()])
        let event: JSONValue = ["Records": [LambdaTriggerFixtures.s3Record("staging/a+b.csv"), LambdaTriggerFixtures.s3Record("staging/%C3%A6.csv")]]
        let (answers, _, _) = try await Self.serve([Self.invocation("r-1", event)], handler: "echo", registry: registry)
        #expect(answers == [.response(requestId: "r-1", ["changed": ["s3://staging/staging/a b.csv", "s3://staging/staging/æ.csv"]])])
    }

    @Test("a run that exits 3 is a failed SQS message, and an OutsideSystemFailure when invoked directly")
    func exitThree() async throws {
        let registry = CommandRegistry([ChangedEchoCommand()])
        let batch: JSONValue = ["Records": [["messageId": "m-1", "body": #"{"status": 3}"#, "eventSource": "aws:sqs"], ["messageId": "m-2", "body": "{}", "eventSource": "aws:sqs"]]]
        let (answers, _, _) = try await Self.serve([Self.invocation("r-1", batch), Self.invocation("r-2", ["status": 3])], handler: "echo", registry: registry)
        #expect(answers.first == .response(requestId: "r-1", ["batchItemFailures": [["itemIdentifier": "m-1"]]]))
        guard case .error(requestId: "r-2", let error)? = answers.last else { Issue.record("\(answers)"); return }
        #expect(error.errorType == "OutsideSystemFailure" && error.errorMessage.contains("echo failed (exit 3)"))
    }

    @Test("an SNS notification wrapping an S3 one runs the command")
    func sns() async throws {
        let inner = JSONWriter.compact(["Records": [LambdaTriggerFixtures.s3Record("staging/x.csv")]])
        let event: JSONValue = ["Records": [["EventSource": "aws:sns", "Sns": ["MessageId": "n-1", "Message": .string(inner)]]]]
        let (answers, _, _) = try await Self.serve(
            [Self.invocation("r-1", event)],
            environment: ["REPORTKIT_DB": "Fixtures/slips/e2e_db.yaml", "REPORTKIT_DRYRUN": "1", "REPORTKIT_NOW": "2020-05-01T04:05:06Z", "REPORTKIT_METRICS": "/dev/null"])
        #expect(answers == [.response(requestId: "r-1", try JSONReader.parse(FixturePaths.text("slips/e2e_expected.json")))])
    }

    @Test("a pipeline step's event is the event itself; the store comes from REPORTKIT_STORE")
    func pipelineStep() async throws {
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store.appendingPathComponent("processed/b"), withIntermediateDirectories: true)
        _ = try scratch.copy("bydelsfakta/befolkning-etter-kjonn-og-alder/input_befolkning-etter-kjonn-og-alder_synthetic.csv", as: "store/processed/b/in.csv")
        let event = try JSONReader.parse(PipelineCommandTests.event(type: "historisk", prefix: "processed/b/"))
        let (answers, _, _) = try await Self.serve(
            [Self.invocation("r-1", event)], handler: "pipeline",
            environment: ["REPORTKIT_STORE": store.path, "REPORTKIT_NOW": "2020-05-01"])
        let output = "intermediate/yellow/bydelsfakta-grafdata/folkemengde/version=1/edition=E/lambda_invoker/"
        #expect(answers == [.response(requestId: "r-1", ["errors": [], "s3_input_prefixes": ["folkemengde": .string(output)], "status": "OK"])])
        #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent(output + "01.json").path))
    }

    @Test("an output over 6 MB is an error naming the limit, and the whole output is left in the store")
    func oversized() async throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.file("big.json", LambdaTriggerFixtures.manyUnplannedServices(50_000))
        let event: JSONValue = ["db": .string(db), "now": "2020-05-01T04:05:06Z", "dryrun": "", "metrics": "/dev/null"]
        let (answers, _, _) = try await Self.serve([Self.invocation("r-big", event)], outputStore: scratch.url.appendingPathComponent("out").path)
        guard case .error(requestId: "r-big", let error)? = answers.first else { Issue.record("\(answers)"); return }
        #expect(error.errorType == "ResponseTooLarge")
        #expect(error.errorMessage.contains("over Lambda's 6 MB response limit (6291456 bytes)"))
        #expect(error.errorMessage.hasSuffix("out/.reportkit/lambda/r-big.json"))
        let kept = try JSONReader.parse(try scratch.text(scratch.url.appendingPathComponent("out/.reportkit/lambda/r-big.json").path))
        #expect(kept["unplanned_count"] == 50_000)
    }

    @Test("a run still going near the deadline is stopped with DeadlineReached, and the next invocation is served")
    func deadline() async throws {
        let server = try LoopbackHTTPServer(fallback: .hang)
        defer { server.stop() }
        let slow: JSONValue = ["db": "Fixtures/slips/e2e_db.yaml", "now": "2020-05-01T04:05:06Z", "notify-url": .string("http://127.0.0.1:\(server.port)/notify"), "metrics": "/dev/null", "timeout": 10]
        let (answers, _, _) = try await Self.serve([Self.invocation("r-slow", slow, secondsLeft: 1.2), Self.invocation("r-2", Self.slipsEvent)])
        guard case .error(requestId: "r-slow", let error)? = answers.first else { Issue.record("\(answers)"); return }
        // Not the notification request's own failure after its 10 s time-out (OutsideSystemFailure).
        #expect(error.errorType == "DeadlineReached")
        #expect(error.errorMessage.hasPrefix("slips was stopped ") && error.errorMessage.contains(" s before the invocation's deadline"))
        guard case .response(requestId: "r-2", _)? = answers.last else { Issue.record("\(answers)"); return }
    }

    @Test("handler names: a group is its run subcommand; lambda and help are refused; an unknown one is a usage error")
    func handlers() throws {
        #expect(try LambdaHandler("pipeline", registry: .standard).path == "pipeline run")
        #expect(try LambdaHandler("pipeline.run", registry: .standard).path == "pipeline run")
        #expect(try LambdaHandler("slips", registry: .standard).path == "slips")
        #expect(throws: UsageError.self) { try LambdaHandler("lambda", registry: .standard) }
        #expect(throws: UsageError.self) { try LambdaHandler("frobnicate", registry: .standard) }
        #expect(throws: UsageError.self) { try LambdaHandler("", registry: .standard) }
        #expect(LambdaHandler.names(in: .standard).contains("pipeline run"))
    }
}

/// A command that answers with what it was given: the `changed` objects, and the exit status
/// asked for.
struct ChangedEchoCommand: Command {
    let name = "echo"
    let summary = "echo"
    let discussion = ""
    static let changed = OptionSpec.repeatable("changed", "URL", help: "changed objects")
    static let status = OptionSpec.value("status", "N", help: "the exit status")
    let options = [changed, status]

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let status = try values.integer(Self.status).flatMap { ExitStatus(rawValue: Int32($0)) } ?? .success
        return CommandOutcome(output: ["changed": .array(values.values(Self.changed).map { .string($0) })], status: status)
    }
}

/// EMF lines the loop emits, collected.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [JSONValue] = []
    func append(_ line: JSONValue) { lock.withLock { lines.append(line) } }
    var values: [JSONValue] { lock.withLock { lines } }
}

/// Events and tables the Lambda tests share.
enum LambdaTriggerFixtures {
    static func s3Record(_ key: String, bucket: String = "staging") -> JSONValue {
        ["eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "s3": ["bucket": ["name": .string(bucket)], "object": ["key": .string(key), "size": 10]]]
    }

    /// A buildables table (JSON) with two regions that one service plans, and `count`
    /// services with no plan at all: the slips payload lists each as unplanned, about 144
    /// bytes apiece in compact JSON.
    static func manyUnplannedServices(_ count: Int) -> String {
        var items = [
            #"{"artifact":"NOTIFICATION","instance":"region-slips","updated":"2020-04-01"}"#,
            #"{"artifact":"SERVICE","instance":"anchor:v0","plan":"p","version_instance":0}"#,
        ]
        for region in ["ABC", "DEF"] {
            items.append(#"{"artifact":"REGION","instance":"\#(region):v0","date":"2020-04-01","version_instance":0,"airport_code":"\#(region)"}"#)
            items.append(#"{"artifact":"SERVICE","instance":"anchor:v0:\#(region)","belongs_to_artifact":"REGION","belongs_to_instance":"\#(region)","plan":"p","updated":"2020-04-26","date":"2020-04-26","version_instance":0,"version_latest":0}"#)
        }
        for index in 0..<count {
            items.append(#"{"artifact":"SERVICE","instance":"service\#(index):v0","plan":"p","version_instance":0}"#)
        }
        return #"{"items":["# + items.joined(separator: ",\n") + "]}\n"
    }
}
