import Foundation
import ReportKit
import ReportKitTestSupport

/// A loopback server that plays download.bls.gov for the sync tests: an IIS-style listing at
/// `/pub/time.series/pr/` of files that the test changes between runs, ETags and 304s for
/// files that have one, 500s for a file marked failing, and 403 for any request whose
/// User-Agent names no contact.
final class BLSStyleServer: @unchecked Sendable {
    struct File {
        var body: Data
        var date: String  // as the listing prints it: `8/6/2026  8:30 AM`
        var etag: String?
        var failing = false
    }

    static let folder = "/pub/time.series/pr/"
    private let lock = NSLock()
    private var files: [String: File] = [:]
    private(set) var server: LoopbackHTTPServer!

    init() throws {
        server = try LoopbackHTTPServer { [unowned self] request in self.answer(request) }
    }

    var listingURL: String { server.url(Self.folder).absoluteString }

    func set(_ name: String, _ file: File?) {
        lock.withLock { files[name] = file }
    }

    func update(_ name: String, _ change: (inout File) -> Void) {
        lock.withLock { if var file = files[name] { change(&file); files[name] = file } }
    }

    /// The file requests received so far (the listing left out), as `name` or `name (304)`.
    var fileRequests: [LoopbackHTTPServer.Request] {
        server.requests.filter { $0.target != Self.folder }
    }

    func answer(_ request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Reply {
        guard let agent = request.headers["user-agent"], agent.hasPrefix("ReportKit/"), agent.contains("(+mailto:") else {
            return .status(403, body: "<html><body>Access Denied: name a contact in your User-Agent</body></html>")
        }
        let snapshot = lock.withLock { files }
        if request.target == Self.folder { return .status(200, body: Self.listing(snapshot), headers: ["Content-Type": "text/html"]) }
        guard request.target.hasPrefix(Self.folder), let file = snapshot[String(request.target.dropFirst(Self.folder.count))] else {
            return .status(404, body: "not found")
        }
        if file.failing { return .status(500, body: "server error") }
        if let etag = file.etag, request.headers["if-none-match"] == etag { return .status(304, headers: ["ETag": etag]) }
        var headers = ["Content-Type": "text/plain"]
        if let etag = file.etag { headers["ETag"] = etag }
        return .data(200, body: file.body, headers: headers)
    }

    static func listing(_ files: [String: File]) -> String {
        var html = "<html><body><pre><A HREF=\"/pub/time.series/\">[To Parent Directory]</A><br><br>"
        for name in files.keys.sorted() {
            let file = files[name]!
            html += " \(file.date)   \(String(repeating: " ", count: max(0, 10 - String(file.body.count).count)))\(file.body.count) <A HREF=\"\(folder)\(name)\">\(name)</A><br>"
        }
        html += "  8/6/2026  8:30 AM        &lt;dir&gt; <A HREF=\"\(folder)archive/\">archive</A><br>"
        html += " 8/6/2026  8:30 AM          9 <A HREF=\"/pub/time.series/pr/%2e%2e/escape\">escape</A><br>"
        return html + "</pre></body></html>"
    }
}
