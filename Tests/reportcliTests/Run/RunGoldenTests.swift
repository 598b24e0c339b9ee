import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

/// The fixtures' run, `reportcli run --reports Fixtures/quality/reports.yaml --date
/// 2024-03-15 --now 2024-03-15T02:00:00Z`, against committed files under
/// `Fixtures/quality/run-golden/` (RECORD_GOLDENS=1 re-records the whole folder).
///
/// Normalisation: the manifest's `seconds` (the run's and each report's) are measured and
/// so vary; they are set to 0 before comparing. Nothing else is changed.
@Suite("reportcli run: the fixtures' run")
struct RunGoldenTests {
    static let golden = "quality/run-golden"

    /// `index.json` with every `seconds` member set to 0.
    static func normalised(_ manifest: String) throws -> String {
        func zeroed(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let object):
                return .object(JSONObject(object.members.map { member in
                    JSONObject.Member(key: member.key, value: member.key == "seconds" ? 0 : zeroed(member.value))
                }))
            case .array(let elements):
                return .array(elements.map(zeroed))
            default:
                return value
            }
        }
        return JSONWriter.canonical(zeroed(try JSONReader.parse(manifest))) + "\n"
    }

    @Test("the files, the manifest and runs.json equal the committed ones")
    func fixturesRun() throws {
        let scratch = try ScratchDirectory()
        let store = scratch.url.appendingPathComponent("store").path
        let outcome = try ReportCLIProcess.run([
            "run", "--reports", "Fixtures/quality/reports.yaml", "--store", store, "--date", "2024-03-15", "--now", "2024-03-15T02:00:00Z",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try Self.normalised(outcome.stdout) == (try Self.normalised(try scratch.text(store + "/20240315-reports/index.json"))))
        let run = RunFiles(root: store)
        let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"
        if recording { try? FileManager.default.removeItem(at: FixturePaths.fixture(Self.golden)) }
        let produced = run.files()
        for file in produced {
            var text = try scratch.text(store + "/" + file)
            if file.hasSuffix("/index.json") { text = try Self.normalised(text) }
            if let mismatch = try GoldenFile.mismatch(text, golden: "\(Self.golden)/\(file)") { Issue.record(Comment(rawValue: mismatch)) }
        }
        if !recording {
            #expect(produced == RunFiles(root: FixturePaths.fixture(Self.golden).path).files(), "the same files, no more, no fewer")
        }
    }
}

/// The regular files under a folder, relative to it, sorted.
struct RunFiles {
    let root: String

    func files() -> [String] {
        let base = URL(fileURLWithPath: root).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { return nil }
            return String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
        }.sorted()
    }
}
