import Foundation
import PipelineCore
import ReportKitTestSupport
import Testing

/// The listing parser on each server's page shape (Fixtures/sync, see SOURCE.md).
@Suite("Directory listings")
struct DirectoryListingTests {
    static let bls = URL(string: "https://download.bls.gov/pub/time.series/pr/")!

    func listing(_ fixture: String, base: URL) throws -> DirectoryListing {
        DirectoryListing.parse(try FixturePaths.text("sync/\(fixture)"), base: base)
    }

    @Test("download.bls.gov's IIS listing: files with sizes and dates; the parent and <dir> folders passed over")
    func blsListing() throws {
        let listing = try listing("bls-pr.html", base: Self.bls)
        #expect(listing.entries == [
            ListingEntry(name: "pr.class", location: "https://download.bls.gov/pub/time.series/pr/pr.class", size: 102, date: "2026-08-06T08:30"),
            ListingEntry(name: "pr.data.0.Current", location: "https://download.bls.gov/pub/time.series/pr/pr.data.0.Current", size: 31_654_420, date: "2026-08-06T08:30"),
            ListingEntry(name: "pr.duration", location: "https://download.bls.gov/pub/time.series/pr/pr.duration", size: 1211, date: "2026-07-30T13:05"),
            ListingEntry(name: "pr.txt", location: "https://download.bls.gov/pub/time.series/pr/pr.txt", size: 13557, date: "2025-12-01T23:59"),
        ])
        #expect(listing.refused.isEmpty)
    }

    @Test("the listing URL without its trailing slash reads the same")
    func baseWithoutSlash() throws {
        let listing = try listing("bls-pr.html", base: URL(string: "https://download.bls.gov/pub/time.series/pr/index.html")!)
        #expect(listing.entries.map(\.name) == ["pr.class", "pr.data.0.Current", "pr.duration", "pr.txt"])
    }

    @Test("Apache's table autoindex: sort links, the parent and folders passed over; human sizes give no size; names decoded")
    func apacheTable() throws {
        let listing = try listing("apache-table.html", base: URL(string: "http://127.0.0.1/data/pr/")!)
        #expect(listing.entries == [
            ListingEntry(name: "pr.class", location: "http://127.0.0.1/data/pr/pr.class", size: 102, date: "2026-08-06T08:30"),
            ListingEntry(name: "pr.data.0.Current", location: "http://127.0.0.1/data/pr/pr.data.0.Current", size: nil, date: "2026-08-06T08:30"),
            ListingEntry(name: "rates & hours.csv", location: "http://127.0.0.1/data/pr/rates%20%26%20hours.csv", size: 1211, date: "2026-07-30T13:05:09"),
        ])
    }

    @Test("Apache's <pre> autoindex")
    func apachePre() throws {
        let listing = try listing("apache-pre.html", base: URL(string: "http://127.0.0.1/data/pr/")!)
        #expect(listing.entries.map(\.name) == ["pr.class", "pr.duration"])
        #expect(listing.entries.map(\.size) == [102, nil])
        #expect(listing.entries.map(\.date) == ["2026-08-06T08:30", "2026-07-30T13:05"])
    }

    @Test("nginx's autoindex: DD-Mon-YYYY dates, '-' folders left out")
    func nginx() throws {
        let listing = try listing("nginx.html", base: URL(string: "http://127.0.0.1:8080/pub/pr/")!)
        #expect(listing.entries.map(\.name) == ["pr.class", "pr.data.0.Current", "us-population.json"])
        #expect(listing.entries.map(\.size) == [102, 31_654_420, 1211])
        #expect(listing.entries.map(\.date) == ["2026-08-06T08:30", "2026-08-06T08:30", "2026-07-30T13:05"])
    }

    @Test("hostile links are refused with a reason, never turned into names")
    func hostile() throws {
        let listing = try listing("hostile.html", base: Self.bls)
        #expect(listing.entries.map(\.name) == ["pr.class"])
        let refused = Dictionary(uniqueKeysWithValues: listing.refused.map { ($0.link, $0.reason) })
        #expect(refused["%2e%2e/etc/passwd"] == "the name has a '..' segment")
        #expect(refused["../../secret"] == "the link leads outside the listing's folder")
        #expect(refused["bell%07.txt"] == "the name holds a control character")
        #expect(refused["nul%00.txt"] == "the name holds a control character")
        #expect(refused["https://elsewhere.example/x"] == "the link leads to another server")
        #expect(refused["//elsewhere.example/y"] == "the link leads to another server")
        #expect(refused["a%2F..%2Fb"] == "the name has a '..' segment")
        #expect(listing.refused.count == 7)
    }

    @Test("entities in links and text; a control character written in a link is refused")
    func entitiesAndControls() {
        let html = "<pre> 1/2/2026 12:05 AM 5 <a href=\"a&amp;b.csv\">a&amp;b.csv</a><br> 1/2/2026 12:05 PM 6 <a href=\"x\u{1B}y\">esc</a><br></pre>"
        let listing = DirectoryListing.parse(html, base: URL(string: "http://h/p/")!)
        #expect(listing.entries == [ListingEntry(name: "a&b.csv", location: "http://h/p/a&b.csv", size: 5, date: "2026-01-02T00:05")])
        #expect(listing.refused == [RefusedEntry(link: "x\u{1B}y", reason: "the link holds a control character")])
    }

    @Test("12 PM is noon, 12 AM midnight; an impossible date is no date")
    func twelveHourClock() {
        let html = "<pre> 3/4/2026 12:30 PM 1 <a href=\"noon\">noon</a><br> 13/4/2026 1:30 PM 2 <a href=\"bad\">bad</a><br></pre>"
        let listing = DirectoryListing.parse(html, base: URL(string: "http://h/")!)
        #expect(listing.entries.map(\.date) == ["2026-03-04T12:30", nil])
        #expect(listing.entries.map(\.size) == [1, 2])
    }
}
