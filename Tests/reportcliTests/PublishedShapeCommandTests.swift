import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// `reportcli pipeline run` as a process on the published-shape migration files (text age
/// groups, columns the functions do not read): each run gives the original's files.
@Suite("reportcli pipeline run: published-shape inputs")
struct PublishedShapeCommandTests {
    static let cases: [(function: String, type: String)] = [
        ("befolkningsutvkl_forv_utvkl", "historisk"),
        ("flyttehyppighet_totalt", "historisk"), ("flyttehyppighet_totalt", "status"),
        ("flyttehyppighet_inn_kat", "historisk"), ("flyttehyppighet_inn_kat", "status"),
    ]

    @Test("the original's output, file for file", arguments: cases)
    func original(_ testCase: (function: String, type: String)) throws {
        let folder = "bydelsfakta/published/\(testCase.function)"
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("store")
        var prefixes: [String: JSONValue] = [:]
        let inputs = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture(folder).path)
            .filter { $0.hasPrefix("input_") && $0.hasSuffix(".csv") }.sorted()
        #expect(!inputs.isEmpty)
        for (position, input) in inputs.enumerated() {
            let dataset = String(input.dropFirst("input_".count).dropLast(".csv".count))
            let directory = store.appendingPathComponent("processed/in\(position)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try FixturePaths.data("\(folder)/\(input)").write(to: directory.appendingPathComponent("input.csv"))
            prefixes[dataset] = .string("processed/in\(position)/")
        }
        let event: JSONValue = [
            "execution_name": "test", "task": "lambda_invoker",
            "payload": [
                "pipeline": ["id": "p", "task_config": ["lambda_invoker": [
                    "arn": .string("bydelsfakta-data-processing-\(testCase.function.replacingOccurrences(of: "_", with: "-"))"),
                    "type": .string(testCase.type)]]],
                "output_dataset": ["id": "out", "version": "1", "edition": "1", "s3_prefix": "%stage%/yellow/out/version=1/edition=1/"],
                "step_data": ["s3_input_prefixes": .object(JSONObject(prefixes.map { .init(key: $0.key, value: $0.value) })), "status": "PENDING", "errors": []],
            ],
        ]
        let eventPath = try scratch.file("event.json", JSONWriter.canonical(event))
        let run = try ReportCLIProcess.run(["pipeline", "run", "--event", eventPath, "--store", store.path, "--now", "2026-11-22"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(try JSONReader.parse(run.stdout)["status"] == "OK")

        let expectedFolder = "\(folder)/output_\(testCase.type)"
        let expectedFiles = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture(expectedFolder).path).sorted()
        let outputFolder = store.appendingPathComponent("intermediate/yellow/out/version=1/edition=1/lambda_invoker")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputFolder.path).sorted() == expectedFiles)
        for file in expectedFiles {
            let actual = try JSONReader.parse([UInt8](Data(contentsOf: outputFolder.appendingPathComponent(file))))
            let expected = try JSONReader.parse(FixturePaths.text("\(expectedFolder)/\(file)"))
            if let difference = JSONParity.difference(actual, expected, path: file) {
                Issue.record(Comment(rawValue: difference))
            }
        }
    }
}
