import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import SlipsAdapters
import SlipsCore
import Testing

@Suite("Buildables file: reading and queries")
struct BuildablesFileReadingTests {
    @Test("the end-to-end table reads and answers the store's queries")
    func queries() async throws {
        let store = try BuildablesFile.open(path: FixturePaths.fixture("slips/e2e_db.yaml").path)
        let notification = try await store.item(artifact: "NOTIFICATION", instance: "region-slips")
        #expect(notification?["updated"] == "2020-04-01")
        let regions = try await store.items(artifact: "REGION")
        #expect(regions.allSatisfy { $0.artifact == "REGION" })
        #expect(regions.map(\.instance).prefix(3) == ["ABC:v0", "DEF:v0", "GHI:v0"])
        let planned = try await store.plannedItems(artifact: "SERVICE")
        #expect(!planned.isEmpty && planned.allSatisfy { $0.has("plan") })
        let services = try await store.items(artifact: "SERVICE")
        #expect(services.count > planned.count)
        #expect(try await store.item(artifact: "SERVICE", instance: "no-such:v0") == nil)
    }

    @Test("the same table as JSON reads to the same items")
    func jsonTable() throws {
        let scratch = try ScratchDirectory()
        let yaml = try BuildablesFile.open(path: FixturePaths.fixture("slips/e2e_db.yaml").path)
        let document: JSONValue = ["items": .array(yaml.items.map { .object($0.attributes) })]
        let path = try scratch.file("db.json", JSONWriter.canonical(document))
        #expect(try BuildablesFile.open(path: path).items == yaml.items)
    }

    @Test("malformed YAML names the file, line and column", arguments: [
        ("items:\n  - artifact: REGION\n    instance: 'ABC:v0\n", 3, "unterminated"),
        ("items:\n  - artifact: REGION\n     instance: ABC:v0\n", 3, "mapping value is not allowed"),
    ])
    func malformed(text: String, line: Int, words: String) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("bad.yaml", text)
        let error = try #require(throws: ParseError.self) { try BuildablesFile.open(path: path) }
        #expect(error.file == path)
        #expect(error.location.line == line)
        #expect(error.summary.hasPrefix("\(path):\(line):"))
        #expect(error.message.lowercased().contains(words))
    }

    @Test("a table that is not a list of keyed items is rejected with the place", arguments: [
        ("- a\n- b\n", "expected a mapping with an 'items' list", nil),
        ("rows: []\n", "no 'items' list", nil),
        ("items: 3\n", "'items' must be a list", nil),
        ("items:\n  - artifact: REGION\n    instance: A:v0\n  - artifact: REGION\n", "item 2: 'instance' is missing", 4),
        ("items:\n  - artifact: REGION\n    instance: 7\n", "item 1: 'instance' is a number", 2),
        ("items:\n  - artifact: R\n    instance: a\n  - artifact: R\n    instance: a\n", "item 2 repeats artifact R instance 'a' of item 1", 4),
    ] as [(String, String, Int?)])
    func badTable(text: String, message: String, line: Int?) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("db.yaml", text)
        let error = try #require(throws: BuildablesFileError.self) { try BuildablesFile.open(path: path) }
        #expect(error.message.contains(message), "\(error)")
        #expect(error.category == .badInput)
        if let line { #expect(error.location?.line == line) }
        #expect(String(describing: error).hasPrefix(path))
    }

    @Test("a missing file is bad input naming the path")
    func missingFile() throws {
        let error = try #require(throws: FileAccessError.self) { try BuildablesFile.open(path: "/nonexistent/db.yaml") }
        #expect(error.category == .badInput)
        #expect(error.description == "/nonexistent/db.yaml: no such file")
    }
}

@Suite("Buildables file: the cutoff update")
struct BuildablesFileUpdateTests {
    let cutoff: JSONObject = ["updated": "2020-05-01 04:05:06 UTC"]

    @Test("a YAML table is edited in place: only the cutoff's line changes (golden file)")
    func yamlInPlace() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.copy("slips/e2e_db.yaml", as: "db.yaml")
        let store = try BuildablesFile.open(path: path)
        try await store.update(artifact: "NOTIFICATION", instance: "region-slips", set: cutoff)
        let after = try scratch.text(path)
        if let mismatch = try GoldenFile.mismatch(after, golden: "slips/e2e_db.after-run.yaml") {
            Issue.record(Comment(rawValue: mismatch))
        }
        let before = try FixturePaths.text("slips/e2e_db.yaml").split(separator: "\n", omittingEmptySubsequences: false)
        let changed = zip(before, after.split(separator: "\n", omittingEmptySubsequences: false)).filter { $0 != $1 }
        #expect(changed.map(\.1) == ["    updated: '2020-05-01 04:05:06 UTC'"])
        let reopened = try BuildablesFile.open(path: path)
        #expect(reopened.items == store.items)
        #expect(try await reopened.item(artifact: "NOTIFICATION", instance: "region-slips")?["updated"] == "2020-05-01 04:05:06 UTC")
    }

    @Test("a missing attribute gets its own line in the item; a missing item is appended")
    func yamlInsertions() async throws {
        let scratch = try ScratchDirectory()
        let text = "# table\nitems:\n  - artifact: NOTIFICATION\n    instance: region-slips # the cutoff\n\n  # regions\n  - artifact: REGION\n    instance: A:v0\n"
        let path = try scratch.file("db.yaml", text)
        try await BuildablesFile.open(path: path).update(artifact: "NOTIFICATION", instance: "region-slips", set: cutoff)
        #expect(try scratch.text(path) == "# table\nitems:\n  - artifact: NOTIFICATION\n    instance: region-slips # the cutoff\n    updated: '2020-05-01 04:05:06 UTC'\n\n  # regions\n  - artifact: REGION\n    instance: A:v0\n")

        let other = try scratch.file("other.yaml", "items:\n  - artifact: REGION\n    instance: A:v0\n")
        try await BuildablesFile.open(path: other).update(artifact: "NOTIFICATION", instance: "region-slips", set: cutoff)
        #expect(try scratch.text(other) == "items:\n  - artifact: REGION\n    instance: A:v0\n  - artifact: NOTIFICATION\n    instance: region-slips\n    updated: '2020-05-01 04:05:06 UTC'\n")
    }

    @Test("a flow-style table is rewritten whole and still reads back right")
    func yamlFlowRewrite() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("db.yaml", "items: [{artifact: REGION, instance: 'A:v0', version_instance: 0}]\n")
        let store = try BuildablesFile.open(path: path)
        try await store.update(artifact: "NOTIFICATION", instance: "region-slips", set: cutoff)
        let reopened = try BuildablesFile.open(path: path)
        #expect(reopened.items.count == 2)
        #expect(reopened.items[0]["version_instance"] == 0)
        #expect(reopened.items[1]["updated"] == "2020-05-01 04:05:06 UTC")
    }

    @Test("a JSON table is edited in place: only the cutoff item's text changes")
    func jsonRewrite() async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file("db.json", #"{"items": [{"instance": "region-slips", "artifact": "NOTIFICATION", "updated": "2020-04-01"}, {"artifact": "REGION", "instance": "A:v0", "version_instance": 0}], "source": "test"}"#)
        try await BuildablesFile.open(path: path).update(artifact: "NOTIFICATION", instance: "region-slips", set: cutoff)
        let after = try scratch.text(path)
        #expect(after == #"{"items": [{"artifact":"NOTIFICATION","instance":"region-slips","updated":"2020-05-01 04:05:06 UTC"}, {"artifact": "REGION", "instance": "A:v0", "version_instance": 0}], "source": "test"}"#, "\(after)")
    }

    @Test("untouched JSON values keep their text: numbers a Double cannot hold, escapes, layout")
    func jsonKeepsNumbers() async throws {
        let scratch = try ScratchDirectory()
        let text = """
            {
              "items": [
                {"artifact": "REGION", "instance": "A:v0", "big": 9007199254740993, "huge": 12345678901234567890, "note": "a \\"quoted\\" ] }"}
              ],
              "items_note": [1.50, 2e3]
            }

            """
        let path = try scratch.file("db.json", text)
        try await BuildablesFile.open(path: path).update(artifact: "NOTIFICATION", instance: "region-slips", set: cutoff)
        let after = try scratch.text(path)
        let appended = #", {"artifact":"NOTIFICATION","instance":"region-slips","updated":"2020-05-01 04:05:06 UTC"}"#
        let expected = text.replacingOccurrences(of: #" ] }"}"#, with: #" ] }"}"# + appended)
        #expect(after == expected, "\(after)")
        #expect(after.contains("9007199254740993") && after.contains("12345678901234567890") && after.contains("[1.50, 2e3]"))
        let reopened = try BuildablesFile.open(path: path)
        #expect(try await reopened.item(artifact: "NOTIFICATION", instance: "region-slips")?["updated"] == "2020-05-01 04:05:06 UTC")
        #expect(reopened.items.count == 2)
    }

    @Test("a file changed by someone else while the run went on is not overwritten", arguments: ["db.yaml", "db.json"])
    func concurrentChange(name: String) async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file(name, #"{"items": [{"artifact": "REGION", "instance": "A:v0"}]}"#)
        let store = try BuildablesFile.open(path: path)
        let theirs = try scratch.text(path) + "\n"
        try await Task.sleep(nanoseconds: 10_000_000)
        _ = try scratch.file(name, theirs)
        let error = try await #require(throws: FileAccessError.self) {
            try await store.update(artifact: "NOTIFICATION", instance: "region-slips", set: cutoff)
        }
        #expect(error.category == .outsideSystem)
        #expect(try scratch.text(path) == theirs)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(leftovers == [name])
    }
}
