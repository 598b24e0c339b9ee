import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli` as a Lambda custom runtime under the real Runtime Interface Emulator: the built
/// binary, linked as `bootstrap`, serving several invocations on one process.
@Suite("reportcli lambda under the Lambda emulator", .serialized, .enabled(if: LambdaEmulator.shouldRun))
struct LambdaEmulatorTests {
    static let slipsEvent = #"{"db": "Fixtures/slips/e2e_db.yaml", "now": "2020-05-01T04:05:06Z", "dryrun": null, "metrics": "/dev/null"}"#
    static let slipsEnvironment = [
        "REPORTKIT_DB": "Fixtures/slips/e2e_db.yaml", "REPORTKIT_DRYRUN": "1", "REPORTKIT_NOW": "2020-05-01T04:05:06Z",
        "REPORTKIT_METRICS": "/dev/null",
    ]

    /// A scratch folder holding `bootstrap`, a link to the built reportcli.
    static func bootstrap(_ scratch: ScratchDirectory) throws -> URL {
        let link = scratch.url.appendingPathComponent("bootstrap")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: try ReportCLIProcess.executable())
        return link
    }

    static var golden: JSONValue { get throws { try JSONReader.parse(FixturePaths.text("slips/e2e_expected.json")) } }

    @Test("one process serves a slips dry run, a failing event (through /error), the dry run again and a scheduled event")
    func severalInARow() async throws {
        let scratch = try ScratchDirectory()
        let emulator = try await LambdaEmulator(bootstrap: try Self.bootstrap(scratch), handler: "slips", environment: ["REPORTKIT_METRICS": "/dev/null"])
        defer { emulator.stop() }
        #expect(try JSONReader.parse(try await emulator.invoke(Self.slipsEvent)) == (try Self.golden), "\(emulator.log)")

        let failure = try JSONReader.parse(try await emulator.invoke(#"{"db": "Fixtures/slips/e2e_db.yaml", "slip-delta": "soon", "dryrun": ""}"#))
        #expect(failure["errorType"] == "BadInput")
        #expect(failure["errorMessage"]?.stringValue?.hasPrefix("reportcli: error: event key 'slip-delta' needs a whole number, got 'soon'") == true)

        #expect(try JSONReader.parse(try await emulator.invoke(Self.slipsEvent)) == (try Self.golden))

        let scheduled = #"{"version": "0", "id": "e1", "detail-type": "Scheduled Event", "source": "aws.events", "time": "2020-05-01T04:05:06Z", "detail": {"db": "Fixtures/slips/e2e_db.yaml", "dryrun": "", "metrics": "/dev/null"}}"#
        #expect(try JSONReader.parse(try await emulator.invoke(scheduled)) == (try Self.golden))

        let log = emulator.log
        #expect(log.components(separatedBy: "INIT START").count == 2, "the runtime started more than once: \(log)")
        #expect(log.contains("error: request ") && log.contains(": BadInput: reportcli: error: event key 'slip-delta'"))
    }

    @Test("S3 notifications, plain and wrapped in SQS (a failing message in batchItemFailures), and s3:TestEvent")
    func s3AndSQS() async throws {
        let scratch = try ScratchDirectory()
        let emulator = try await LambdaEmulator(bootstrap: try Self.bootstrap(scratch), handler: "slips", environment: Self.slipsEnvironment)
        defer { emulator.stop() }
        let notification = #"{"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "staging"}, "object": {"key": "bls/pr/pr.data.0.Current", "size": 10}}}]}"#
        #expect(try JSONReader.parse(try await emulator.invoke(notification)) == (try Self.golden), "\(emulator.log)")
        #expect(try JSONReader.parse(try await emulator.invoke(#"{"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": "staging"}"#)) == ["skipped": "s3:TestEvent"])

        func message(_ id: String, _ body: String) -> JSONValue {
            ["messageId": .string(id), "receiptHandle": "h", "body": .string(body), "eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:eu-west-1:1:staging"]
        }
        let batch: JSONValue = ["Records": [
            message("m-1", notification),
            message("m-2", #"{"db": "Fixtures/slips/missing.yaml"}"#),
            message("m-3", notification),
        ]]
        let answer = try JSONReader.parse(try await emulator.invoke(JSONWriter.compact(batch)))
        #expect(answer == ["batchItemFailures": [["itemIdentifier": "m-2"]]], "\(emulator.log)")
    }

    @Test("the S3 -> SQS chain on moto: the queue's real message runs the function; the key is decoded", .enabled(if: MotoServer.shouldRun))
    func motoChain() async throws {
        let moto = try MotoServer.require()
        let bucket = "chain-" + UUID().uuidString.lowercased().prefix(8)
        let key = "staging/bls pr/pr.data+1 æ.csv"
        let script = FixturePaths.packageRoot.appendingPathComponent("Tests/Scripts/s3_sqs_event.py")
        let event = try MotoServer.python(script, [String(bucket), key], url: moto)
        let batch = try JSONReader.parse(event)
        guard case .sqs(let messages) = try LambdaTrigger.classify(batch), let body = messages.messages.first?.body,
              case .s3(let notification) = try LambdaTrigger.classify(try JSONReader.parse(body))
        else { Issue.record("not an SQS-wrapped S3 notification: \(event)"); return }
        #expect(notification.records.map(\.key) == [key])
        #expect(notification.records.map(\.bucket) == [String(bucket)])

        let scratch = try ScratchDirectory()
        let emulator = try await LambdaEmulator(bootstrap: try Self.bootstrap(scratch), handler: "slips", environment: Self.slipsEnvironment)
        defer { emulator.stop() }
        #expect(try JSONReader.parse(try await emulator.invoke(event)) == ["batchItemFailures": []], "\(emulator.log)")
        #expect(emulator.log.contains("S3 notification: ObjectCreated:Put s3://\(bucket)/\(key)"))
    }

    @Test("the daily quality run: a scheduled event's time is the run's clock; the next day's run compares with it")
    func qualityRun() async throws {
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("reports")
        let emulator = try await LambdaEmulator(
            bootstrap: try Self.bootstrap(scratch), handler: "run",
            environment: ["REPORTKIT_REPORTS": "Fixtures/quality/reports.yaml", "REPORTKIT_STORE": store.path])
        defer { emulator.stop() }
        let scheduled = #"{"version": "0", "id": "e1", "detail-type": "Scheduled Event", "source": "aws.events", "time": "2024-03-15T02:00:00Z", "region": "eu-west-1", "resources": [], "detail": {}}"#
        let first = try JSONReader.parse(try await emulator.invoke(scheduled))
        #expect(first["date"] == "2024-03-15", "\(emulator.log)")
        #expect(first["reports"]?.arrayValue?.map { $0["status"]?.stringValue } == ["ok", "ok", "warn", "ok"], "\(first)")
        let second = try JSONReader.parse(try await emulator.invoke(#"{"date": "2024-03-16"}"#))
        #expect(second["date"] == "2024-03-16", "\(emulator.log)")
        let runs = try JSONReader.parse(try scratch.text(store.appendingPathComponent("runs.json").path))
        #expect(runs["runs"]?.arrayValue?.compactMap { $0["date"]?.stringValue } == ["2024-03-16", "2024-03-15"])
        let changes = try JSONReader.parse(try scratch.text(store.appendingPathComponent("20240316-reports/Table_Summary/changes.json").path))
        #expect(changes["previous"] == "2024-03-15", "\(changes)")
    }

    @Test("a pipeline step: the event is the dataplatform's, the store from REPORTKIT_STORE")
    func pipelineStep() async throws {
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store.appendingPathComponent("processed/b"), withIntermediateDirectories: true)
        _ = try scratch.copy("bydelsfakta/befolkning-etter-kjonn-og-alder/input_befolkning-etter-kjonn-og-alder_synthetic.csv", as: "store/processed/b/in.csv")
        let emulator = try await LambdaEmulator(
            bootstrap: try Self.bootstrap(scratch), handler: "pipeline", environment: ["REPORTKIT_STORE": store.path, "REPORTKIT_NOW": "2020-05-01"])
        defer { emulator.stop() }
        let output = "intermediate/yellow/bydelsfakta-grafdata/folkemengde/version=1/edition=E/lambda_invoker/"
        let answer = try JSONReader.parse(try await emulator.invoke(PipelineCommandTests.event(type: "historisk", prefix: "processed/b/")))
        #expect(answer == ["errors": [], "s3_input_prefixes": ["folkemengde": .string(output)], "status": "OK"], "\(emulator.log)")
        #expect(FileManager.default.fileExists(atPath: store.appendingPathComponent(output + "00.json").path))
        let failed = try JSONReader.parse(try await emulator.invoke(PipelineCommandTests.event(type: "historisk", prefix: "processed/empty/")))
        #expect(failed["status"] == "FAILED")
    }

    @Test("a run reaching its deadline is answered DeadlineReached; the next invocation succeeds")
    func deadline() async throws {
        let scratch = try ScratchDirectory()
        let server = try LoopbackHTTPServer(fallback: .hang)
        defer { server.stop() }
        let emulator = try await LambdaEmulator(bootstrap: try Self.bootstrap(scratch), handler: "slips", environment: ["REPORTKIT_METRICS": "/dev/null"], timeout: 3)
        defer { emulator.stop() }
        let slow = #"{"db": "Fixtures/slips/e2e_db.yaml", "now": "2020-05-01T04:05:06Z", "notify-url": "http://127.0.0.1:\#(server.port)/notify", "timeout": 20}"#
        let answer = try JSONReader.parse(try await emulator.invoke(slow))
        #expect(answer["errorType"] == "DeadlineReached", "\(emulator.log)")
        #expect(try JSONReader.parse(try await emulator.invoke(Self.slipsEvent)) == (try Self.golden), "\(emulator.log)")
        #expect(!emulator.log.contains("Task timed out"))
    }

    @Test("an output over 6 MB is an error naming the limit; the output is whole in the output store")
    func oversized() async throws {
        let scratch = try ScratchDirectory()
        let db = try scratch.file("big.json", LambdaTriggerFixtures.manyUnplannedServices(50_000))
        let out = scratch.url.appendingPathComponent("out")
        let emulator = try await LambdaEmulator(
            bootstrap: try Self.bootstrap(scratch), handler: "slips", environment: ["REPORTKIT_METRICS": "/dev/null", "REPORTKIT_OUTPUT_STORE": out.path])
        defer { emulator.stop() }
        let answer = try JSONReader.parse(try await emulator.invoke(#"{"db": "\#(db)", "now": "2020-05-01T04:05:06Z", "dryrun": ""}"#))
        #expect(answer["errorType"] == "ResponseTooLarge", "\(emulator.log)")
        let message = answer["errorMessage"]?.stringValue ?? ""
        #expect(message.contains("over Lambda's 6 MB response limit (6291456 bytes); the full output is in \(out.path)/.reportkit/lambda/"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(".reportkit/lambda").path)
        #expect(files.count == 1)
        let kept = try JSONReader.parse(try scratch.text(out.appendingPathComponent(".reportkit/lambda/" + files[0]).path))
        #expect(kept["unplanned_count"] == 50_000)
    }

    @Test("a handler that names no command fails the start through /runtime/init/error")
    func badHandler() async throws {
        let scratch = try ScratchDirectory()
        let emulator = try await LambdaEmulator(bootstrap: try Self.bootstrap(scratch), handler: "frobnicate")
        defer { emulator.stop() }
        let answer = try await emulator.invoke("{}")
        #expect(answer.contains("Runtime.BadHandler") || emulator.log.contains("Runtime.BadHandler"), "\(answer) \(emulator.log)")
    }
}
