import Foundation
import ReportKit
import ReportKitTestSupport

/// A scratch run: a reports file beside a copy of the fixtures' clinic database, a store
/// folder, and helpers to read what the run wrote.
final class RunScratch {
    let scratch: ScratchDirectory
    var root: URL { scratch.url }
    var store: String { root.appendingPathComponent("store").path }

    /// Three reports (a SQL report, a requests report, a SQL report whose table is missing
    /// when `failing`), request metadata on the first.
    static let registry = """
        reports:
          - name: Consent Codes
            kind: sql
            source: sqlite://clinic.db
            query: select consent_code, count(*) as n from biospecimen group by 1 order by 1
            request: {stakeholder: Omar Haddad, contact: omar@example.org, source: {name: clinic follower}, ticket: DATA-31, requested: 2024-02-20}
          - name: Report Requests
            kind: requests

        """

    static let failing = """
          - name: Broken Query
            kind: sql
            source: sqlite://clinic.db
            query: select * from no_such_table

        """

    init(failing: Bool = false) throws {
        scratch = try ScratchDirectory()
        try FileManager.default.copyItem(at: FixturePaths.fixture("quality/clinic.db"), to: root.appendingPathComponent("clinic.db"))
        _ = try scratch.file("reports.yaml", Self.registry + (failing ? Self.failing : ""))
    }

    var reports: String { root.appendingPathComponent("reports.yaml").path }

    /// `run --reports … --store … --date 2024-03-15 --now …` and `extra`.
    func run(_ extra: [String], environment: [String: String] = [:]) throws -> ReportCLIProcess.Outcome {
        try ReportCLIProcess.run(
            ["run", "--reports", reports, "--store", store, "--date", "2024-03-15", "--now", "2024-03-15T02:00:00Z"] + extra,
            environment: environment, timeout: 90)
    }

    /// Every file the run stored, relative to the store, sorted.
    func storedFiles() -> [String] {
        let base = URL(fileURLWithPath: store)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { return nil }
            return String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
        }.sorted()
    }

    func stored(_ relative: String) throws -> String {
        try scratch.text(URL(fileURLWithPath: store).appendingPathComponent(relative).path)
    }

    func manifest() throws -> JSONValue {
        try JSONReader.parse(try stored("20240315-reports/index.json"))
    }

    /// The text of everything stored, for checks that a secret is in none of it.
    func allStoredText() throws -> String {
        try storedFiles().map { try stored($0) }.joined(separator: "\n")
    }
}

/// A loopback Slack Web API: `chat.postMessage` and the external upload flow answer ok
/// (unless `answer` says otherwise); every request is recorded by the server.
enum FakeSlack {
    static func webAPI(answer: @escaping @Sendable (LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Reply? = { _ in nil }) throws -> LoopbackHTTPServer {
        let port = PortBox()
        let server = try LoopbackHTTPServer { request in
            if let reply = answer(request) { return reply }
            switch request.target {
            case "/api/files.getUploadURLExternal":
                return json("{\"ok\":true,\"upload_url\":\"http://127.0.0.1:\(port.value)/upload/F0001\",\"file_id\":\"F0001\"}")
            case "/upload/F0001":
                return .status(200, body: "OK - 42")
            default:
                return json("{\"ok\":true}")
            }
        }
        port.value = server.port
        return server
    }

    static func json(_ body: String) -> LoopbackHTTPServer.Reply {
        .status(200, body: body, headers: ["Content-Type": "application/json"])
    }

    final class PortBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = 0
        var value: Int {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }
}
