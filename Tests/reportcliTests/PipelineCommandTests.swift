import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli pipeline run` as a process, on a directory store.
@Suite("reportcli pipeline run")
struct PipelineCommandTests {
    static func event(type: String, prefix: String) -> String {
        """
        {"execution_name": "x", "task": "lambda_invoker", "payload": {"pipeline": {"id": "folkemengde", "task_config": \
        {"lambda_invoker": {"arn": "bydelsfakta-data-processing-folkemengde", "type": "\(type)"}}}, "output_dataset": \
        {"id": "folkemengde", "version": "1", "edition": "E", "s3_prefix": "%stage%/yellow/bydelsfakta-grafdata/folkemengde/version=1/edition=E/"}, \
        "step_data": {"s3_input_prefixes": {"befolkning-etter-kjonn-og-alder": "\(prefix)"}, "status": "PENDING", "errors": []}}}
        """
    }

    @Test("a step on a directory: files written, step data OK on stdout, exit 0")
    func success() throws {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("store/processed/b"), withIntermediateDirectories: true)
        _ = try scratch.copy("bydelsfakta/befolkning-etter-kjonn-og-alder/input_befolkning-etter-kjonn-og-alder_synthetic.csv", as: "store/processed/b/in.csv")
        let event = try scratch.file("event.json", Self.event(type: "historisk", prefix: "processed/b/"))
        let run = try ReportCLIProcess.run(["pipeline", "run", "--event", event, "--store", scratch.url.appendingPathComponent("store").path, "--now", "2020-05-01"])
        #expect(run.status == 0, "\(run.stderr)")
        let output = "intermediate/yellow/bydelsfakta-grafdata/folkemengde/version=1/edition=E/lambda_invoker/"
        #expect(try JSONReader.parse(run.stdout) == ["errors": [], "s3_input_prefixes": ["folkemengde": .string(output)], "status": "OK"])
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("store/" + output).path).sorted()
        #expect(files == ["00.json", "01.json", "02.json"])
        let district = try JSONReader.parse(try scratch.text(scratch.url.appendingPathComponent("store/\(output)01.json").path))
        #expect(district["meta"]?["publishedDate"] == "2020-05-01")
    }

    @Test("an empty input prefix: status FAILED with the error, exit 2, nothing written")
    func failure() throws {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("store/processed/empty"), withIntermediateDirectories: true)
        let event = try scratch.file("event.json", Self.event(type: "historisk", prefix: "processed/empty/"))
        let run = try ReportCLIProcess.run(["pipeline", "run", "--event", event, "--store", scratch.url.appendingPathComponent("store").path])
        #expect(run.status == 2)
        let step = try JSONReader.parse(run.stdout)
        #expect(step["status"] == "FAILED")
        #expect(step["errors"]?.arrayValue?.first?.stringValue?.contains("no file under prefix processed/empty/") == true)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("store/intermediate").path))
    }

    @Test("usage errors and help")
    func usage() throws {
        #expect(try ReportCLIProcess.run(["pipeline", "run", "--store", "/tmp"]).status == 2)
        #expect(try ReportCLIProcess.run(["pipeline", "frobnicate"]).status == 2)
        let help = try ReportCLIProcess.run(["pipeline", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--event") && help.stdout.contains("folkemengde"))
    }
}
