import Foundation
import PipelineCore
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Sync sources file")
struct SyncSourcesFileTests {
    @Test("the fixture's sources, one of each kind, with prefixes ending in /")
    func fixture() throws {
        let sources = try SyncSourcesFile.parse(Array(try FixturePaths.data("sync/sources.yaml")), file: "sources.yaml")
        #expect(sources.map(\.name) == ["bls-pr", "population", "exports"])
        #expect(sources[0].origin == .httpListing("https://download.bls.gov/pub/time.series/pr/"))
        #expect(sources[1].origin == .url("https://datausa.io/api/data?drilldowns=Nation&measures=Population", saveAs: "us-population.json"))
        #expect(sources[1].into.text == "datausa/")
        #expect(sources[2].origin == .directory("/srv/exports"))
        #expect(sources[0].takes("pr.class") && !sources[0].takes("pr.txt") && !sources[0].takes("other.csv"))
        #expect(sources[0].manifestKey.text == ".reportkit/sync/bls-pr.json")
    }

    @Test("JSON works too")
    func json() throws {
        let text = #"{"sources": [{"name": "a", "kind": "store", "store": "s3://b/p/", "into": "m/"}]}"#
        let sources = try SyncSourcesFile.parse(Array(text.utf8), file: "s.json")
        #expect(sources == [SyncSource(name: "a", origin: .store("s3://b/p/"), into: "m/")])
    }

    @Test("every problem at its place, naming the field")
    func problems() throws {
        let text = """
            sources:
              - name: a
                kind: ftp
                into: x/
              - name: a b
                kind: url
                url: http://h/x
                into: y/
              - name: c
                kind: http-listing
                url: file:///etc/
                into: ../z
                colour: red
            """
        let error = try #require(throws: SyncSourcesError.self) { try SyncSourcesFile.parse(Array(text.utf8), file: "s.yaml") }
        #expect(error.problems.map(\.summary) == [
            "s.yaml:3:11: error: sources: sources[0].kind: expected one of http-listing, url, directory, store, found 'ftp'",
            "s.yaml:5:11: error: sources: sources[1].name: 'a b' may hold only letters, digits, '-', '_' and '.', and not start with '.'",
            "s.yaml:5:5: error: sources: sources[1].save-as: is missing",
            "s.yaml:13:5: error: sources: sources[2].colour: unknown key (known: name, kind, url, path, store, into, include, exclude, save-as)",
            "s.yaml:12:11: error: sources: sources[2].into: '../z' is not a store prefix: an object key cannot have a '..' segment",
            "s.yaml:11:10: error: sources: sources[2].url: expected an http:// or https:// URL, found 'file:///etc/'",
        ])
    }

    @Test("two sources of one name, and a hostile save-as")
    func duplicates() throws {
        let text = """
            sources:
              - {name: a, kind: directory, path: /d, into: y/}
              - {name: a, kind: url, url: "http://h/x", into: y/, save-as: up.json}
              - {name: b, kind: url, url: "http://h/x", into: y/, save-as: ../up.json}
            """
        let error = try #require(throws: SyncSourcesError.self) { try SyncSourcesFile.parse(Array(text.utf8), file: "s.yaml") }
        #expect(error.problems.map(\.message) == [
            "sources[1].name: 'a' names an earlier source too",
            "sources[2].save-as: '../up.json': the name has a '..' segment",
        ])
    }

    @Test("globs: * stays in a folder, ** crosses, ? is one character")
    func globs() throws {
        let star = try #require(SyncGlob("pr.data.*"))
        #expect(star.matches("pr.data.0.Current") && !star.matches("pr.class") && !star.matches("pr.data.x/y"))
        let deep = try #require(SyncGlob("**/*.csv"))
        #expect(deep.matches("2024/01/a.csv") && !deep.matches("a.csv") && !deep.matches("2024/a.tsv"))
        let one = try #require(SyncGlob("pr.?"))
        #expect(one.matches("pr.a") && !one.matches("pr.ab") && !one.matches("pr./"))
        #expect(SyncGlob("") == nil)
    }
}
