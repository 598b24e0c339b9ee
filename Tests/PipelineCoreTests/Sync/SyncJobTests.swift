import Foundation
import PipelineCore
import ReportKit
import ReportKitTestSupport
import Testing

/// A transport answered by a closure, streaming bodies in small pieces so hashing and
/// storing cross piece boundaries.
final class HandlerTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    let answer: @Sendable (HTTPRequest) -> HTTPResponse

    init(_ answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.answer = answer
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { sent.append(request) }
        return answer(request)
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamedResponse {
        HTTPStreamedResponse(try await send(request), pieceSize: 7)
    }

    var requests: [HTTPRequest] { lock.withLock { sent } }
}

@Suite("Sync job")
struct SyncJobTests {
    static let base = "http://bls.test/pub/time.series/pr/"
    static let data = Data("series_id\tyear\tperiod\tvalue\nPRS1\t2026\tQ01\t1.5\nPRS2\t2026\tQ01\t2.5\n".utf8)
    static let json = Data(#"{"data": [{"Nation": "United States", "Population": 331097593}]}"#.utf8)

    static func listing(_ names: [String]) -> HTTPResponse {
        let rows = names.map { "  8/6/2026  8:30 AM          10 <A HREF=\"/pub/time.series/pr/\($0)\">\($0)</A><br>" }
        return HTTPResponse(status: 200, body: Data(("<pre>" + rows.joined() + "</pre>").utf8))
    }

    static func job(_ store: InMemoryObjectStore, _ transport: HandlerTransport, _ sleeper: RecordingSleeper) -> SyncJob {
        SyncJob(
            store: store, transport: transport, clock: FixedClock(Date(timeIntervalSince1970: 1_786_000_000)), sleeper: sleeper,
            userAgent: SyncJob.userAgent(version: "9.9", contact: "ops@example.org"))
    }

    @Test("a second between requests, the User-Agent on each, content types by name and bytes, the manifest last")
    func politeAndTyped() async throws {
        let store = InMemoryObjectStore()
        let sleeper = RecordingSleeper()
        let transport = HandlerTransport { request in
            switch request.url.lastPathComponent {
            case "pr": return Self.listing(["pr.data.0.Current", "pr.json", "pr.csv"])
            case "pr.data.0.Current": return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Self.data)
            case "pr.json": return HTTPResponse(status: 200, body: Self.json)
            default: return HTTPResponse(status: 200, body: Data("a,b\n1,2\n".utf8))
            }
        }
        let source = SyncSource(name: "bls-pr", origin: .httpListing(Self.base), into: "bls/pr/")
        let report = await Self.job(store, transport, sleeper).run(source)
        #expect(report.new.map(\.name) == ["pr.data.0.Current", "pr.json", "pr.csv"] && !report.hasFailures)
        #expect(sleeper.waits == [1, 1, 1], "no wait before the first request, 1 s before each other")
        #expect(transport.requests.allSatisfy { $0.header("User-Agent") == "ReportKit/9.9 (+mailto:ops@example.org)" })
        #expect(store.contentType("bls/pr/pr.data.0.Current") == "text/tab-separated-values")
        #expect(store.contentType("bls/pr/pr.json") == "application/json")
        #expect(store.contentType("bls/pr/pr.csv") == "text/csv")
        #expect(try await store.get("bls/pr/pr.data.0.Current") == Self.data)
        #expect(store.putOrder.last == ".reportkit/sync/bls-pr.json")
        let manifest = try SyncManifest.parse(Array(try #require(try await store.get(".reportkit/sync/bls-pr.json"))), where: "m")
        #expect(manifest.files["pr.data.0.Current"]?.sha256 == SHA256.hex(Self.data), "hashed across 7-byte pieces")
        #expect(manifest.files["pr.data.0.Current"]?.syncedAt == "2026-08-06T07:06:40Z")
        #expect(report.downloadedBytes == Self.data.count + Self.json.count + 8)
    }

    @Test("a file the store fails to write is failed and left out of the manifest; the others are stored")
    func storeFailure() async throws {
        let store = InMemoryObjectStore(failPut: { $0.text == "bls/pr/pr.b" })
        let transport = HandlerTransport { request in
            request.url.lastPathComponent == "pr" ? Self.listing(["pr.a", "pr.b"]) : HTTPResponse(status: 200, body: Data("x\n".utf8))
        }
        let source = SyncSource(name: "bls-pr", origin: .httpListing(Self.base), into: "bls/pr/")
        let report = await Self.job(store, transport, RecordingSleeper()).run(source)
        #expect(report.new.map(\.name) == ["pr.a"])
        #expect(report.failed.map(\.name) == ["pr.b"] && report.failed[0].error.contains("cannot store it"))
        let manifest = try SyncManifest.parse(Array(try #require(try await store.get(".reportkit/sync/bls-pr.json"))), where: "m")
        #expect(manifest.files.keys.sorted() == ["pr.a"])
    }

    @Test("a listing that fails moves nothing: no file fetched, deleted or recorded")
    func listingFails() async throws {
        let manifest = SyncManifest(source: "bls-pr", files: [
            "pr.a": SyncManifest.File(name: "pr.a", key: "bls/pr/pr.a", size: 1, sha256: String(repeating: "0", count: 64), syncedAt: "t"),
        ])
        let store = InMemoryObjectStore([
            "bls/pr/pr.a": Data("a".utf8), ".reportkit/sync/bls-pr.json": Data(JSONWriter.canonical(manifest.json).utf8),
        ])
        let transport = HandlerTransport { _ in HTTPResponse(status: 503) }
        let report = await Self.job(store, transport, RecordingSleeper()).run(SyncSource(name: "bls-pr", origin: .httpListing(Self.base), into: "bls/pr/"))
        #expect(report.error?.contains("HTTP 503") == true && report.hasFailures)
        #expect(store.keys == [".reportkit/sync/bls-pr.json", "bls/pr/pr.a"] && store.putOrder.isEmpty)
    }

    @Test("a URL source saved under its name; a second identical body is not written again")
    func urlSource() async throws {
        let store = InMemoryObjectStore()
        let transport = HandlerTransport { _ in HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Self.json) }
        let source = SyncSource(name: "population", origin: .url("https://datausa.io/api/data?x=1", saveAs: "us-population.json"), into: "datausa/")
        let job = Self.job(store, transport, RecordingSleeper())
        let first = await job.run(source)
        #expect(first.new.map(\.name) == ["us-population.json"])
        let second = await job.run(source)
        #expect(second.unchanged.map(\.name) == ["us-population.json"] && second.new.isEmpty && second.changed.isEmpty)
        #expect(store.putOrder == ["datausa/us-population.json", ".reportkit/sync/population.json"], "nothing written the second time")
    }
}
