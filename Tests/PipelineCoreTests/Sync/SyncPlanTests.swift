import Foundation
import PipelineCore
import ReportKit
import Testing

@Suite("Sync plan")
struct SyncPlanTests {
    static let source = SyncSource(name: "bls-pr", origin: .httpListing("http://h/pr/"), into: "bls/pr/", exclude: [SyncGlob("*.txt")!])

    static func stored(_ name: String, size: Int, date: String?, etag: String? = nil, lastModified: String? = nil) -> SyncManifest.File {
        SyncManifest.File(
            name: name, key: try! ObjectKey("bls/pr/" + name), size: size, sha256: String(repeating: "a", count: 64), etag: etag,
            lastModified: lastModified, listingDate: date, syncedAt: "2026-08-01T00:00:00Z")
    }

    static func entry(_ name: String, size: Int?, date: String?) -> ListingEntry {
        ListingEntry(name: name, location: "http://h/pr/" + name, size: size, date: date)
    }

    @Test("new, unchanged by hints, checked when a hint moved or is missing, gone; globs applied")
    func plan() {
        let manifest = SyncManifest(source: "bls-pr", files: [
            "same": Self.stored("same", size: 10, date: "2026-08-06T08:30"),
            "moved": Self.stored("moved", size: 10, date: "2026-08-06T08:30", etag: "\"e1\"", lastModified: "Thu, 06 Aug 2026 08:30:00 GMT"),
            "grew": Self.stored("grew", size: 10, date: "2026-08-06T08:30"),
            "nohint": Self.stored("nohint", size: 10, date: nil),
            "dropped": Self.stored("dropped", size: 5, date: "2026-08-01T00:00"),
            "lost": Self.stored("lost", size: 5, date: "2026-08-01T00:00"),
        ])
        let entries = [
            Self.entry("fresh", size: 3, date: "2026-08-07T09:00"),
            Self.entry("same", size: 10, date: "2026-08-06T08:30"),
            Self.entry("moved", size: 10, date: "2026-08-07T08:30"),
            Self.entry("grew", size: 11, date: "2026-08-06T08:30"),
            Self.entry("nohint", size: nil, date: nil),
            Self.entry("notes.txt", size: 1, date: "2026-08-06T08:30"),
            Self.entry("lost", size: 5, date: "2026-08-01T00:00"),
        ]
        let storedKeys: Set<ObjectKey> = ["bls/pr/same", "bls/pr/moved", "bls/pr/grew", "bls/pr/nohint", "bls/pr/dropped"]
        let plan = SyncPlan.make(source: Self.source, entries: entries, manifest: manifest, storedKeys: storedKeys)
        #expect(plan.new.map(\.entry.name) == ["fresh", "lost"])
        #expect(plan.new.allSatisfy { $0.stored == nil && $0.conditionalHeaders.isEmpty })
        #expect(plan.unchanged.map(\.name) == ["same"])
        #expect(plan.check.map(\.entry.name) == ["moved", "grew", "nohint"])
        #expect(plan.gone.map(\.name) == ["dropped"])
        let moved = plan.check[0].conditionalHeaders
        #expect(moved.map(\.name) == ["If-None-Match", "If-Modified-Since"])
        #expect(moved.map(\.value) == ["\"e1\"", "Thu, 06 Aug 2026 08:30:00 GMT"])
        #expect(plan.check[0].key.text == "bls/pr/moved")
    }

    @Test("a store's ETag equal to the manifest's is unchanged without a date")
    func storeETag() {
        var stored = Self.stored("a.csv", size: 4, date: "2026-01-01T00:00:00Z", etag: "\"x\"")
        stored.listingDate = "2026-01-01T00:00:00Z"
        let manifest = SyncManifest(source: "s", files: ["a.csv": stored])
        let entries = [ListingEntry(name: "a.csv", location: "a.csv", size: 4, date: "2026-02-02T00:00:00Z", etag: "\"x\"")]
        let plan = SyncPlan.make(source: Self.source, entries: entries, manifest: manifest, storedKeys: ["bls/pr/a.csv"])
        #expect(plan.unchanged.map(\.name) == ["a.csv"] && plan.fetches.isEmpty)
    }

    @Test("names that make no key are refused, not fetched")
    func refusedNames() {
        let entries = [Self.entry("../x", size: 1, date: nil), Self.entry("a\u{7}b", size: 1, date: nil), Self.entry("ok", size: 1, date: nil)]
        let plan = SyncPlan.make(source: Self.source, entries: entries, manifest: SyncManifest(source: "s"), storedKeys: [])
        #expect(plan.new.map(\.entry.name) == ["ok"])
        #expect(plan.refused.map(\.reason) == ["the name has a '..' segment", "the name holds a control character"])
    }

    @Test("manifest round trip through JSON, and a damaged manifest named by field")
    func manifestJSON() throws {
        let manifest = SyncManifest(source: "bls-pr", files: ["same": Self.stored("same", size: 10, date: "2026-08-06T08:30", etag: "\"e\"")])
        let text = JSONWriter.canonical(manifest.json)
        #expect(try SyncManifest.parse(Array(text.utf8), where: "m.json") == manifest)
        let broken = text.replacingOccurrences(of: "\"size\": 10", with: "\"size\": \"ten\"")
        let error = try #require(throws: SyncManifestError.self) { try SyncManifest.parse(Array(broken.utf8), where: "m.json") }
        #expect(error.field == "files[0].size")
    }

    @Test("content types: by extension, a specific served type, then the first bytes (BLS files are tab-separated)")
    func contentTypes() {
        #expect(SyncContentType.of(name: "us-population.json", served: "text/plain", head: Data("{}".utf8)) == "application/json")
        #expect(SyncContentType.of(name: "a/b.CSV", served: nil, head: Data()) == "text/csv")
        #expect(SyncContentType.of(name: "pr.data.0.Current", served: "text/plain", head: Data("series_id\tyear\tperiod\tvalue\n".utf8)) == "text/tab-separated-values")
        #expect(SyncContentType.of(name: "api", served: "application/json; charset=utf-8", head: Data("{}".utf8)) == "application/json")
        #expect(SyncContentType.of(name: "data", served: nil, head: Data(" [1]".utf8)) == "application/json")
        #expect(SyncContentType.of(name: "notes", served: nil, head: Data("hello\n".utf8)) == "text/plain")
        #expect(SyncContentType.of(name: "blob", served: "application/octet-stream", head: Data([0, 1, 2])) == "application/octet-stream")
    }

    @Test("the User-Agent names ReportKit, its version and the contact")
    func userAgent() {
        #expect(SyncJob.userAgent(version: "0.1.0", contact: "ops@example.org") == "ReportKit/0.1.0 (+mailto:ops@example.org)")
        #expect(SyncJob.userAgent(version: "0.1.0", contact: "https://example.org/contact") == "ReportKit/0.1.0 (+https://example.org/contact)")
        #expect(SyncJob.userAgent(version: "0.1.0", contact: nil) == "ReportKit/0.1.0")
        #expect(SyncJob.userAgent(version: "0.1.0", contact: "a@b\r\nX-Evil: 1") == "ReportKit/0.1.0 (+mailto:a@bX-Evil: 1)")
    }
}
