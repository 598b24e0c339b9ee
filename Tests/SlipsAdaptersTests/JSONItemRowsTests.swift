import Foundation
import ReportKit
import ReportKitTestSupport
@testable import SlipsAdapters
import SlipsCore
import Testing

@Suite("Buildables file: JSON tables read straight from the bytes")
struct JSONItemRowsTests {
    /// A plain table: every value kind the fast path takes, hot and other attributes.
    static let plain = #"""
    {"items": [
    {"artifact": "NOTIFICATION", "instance": "region-slips", "updated": "2020-04-20 00:00:00 UTC"},
    {"artifact":"SERVICE","instance":"svc1:v0:ABX","belongs_to_artifact":"REGION","belongs_to_instance":"ABX","plan":"p","date":"2020-05-01","updated":"2020-04-25","version_instance":0,"version_latest":12,"note":"flyttet etter gjennomgang ✓","updater":null,"ok":true,"gone":false,"share":-0.25,"neg":-7,"zero":-0},
      { "artifact" : "REGION" , "instance" : "ABX:v0" , "date" : "2019-06-01" }
    ]}
    """#

    private func readRows(_ text: String) -> JSONItemRows? {
        Array(text.utf8).withUnsafeBufferPointer { JSONItemRows.read($0, owner: nil) }
    }

    private func treeItems(_ text: String) throws -> [BuildableItem] {
        (try JSONReader.parse(text)["items"]?.arrayValue ?? []).compactMap { $0.objectValue.map(BuildableItem.init) }
    }

    @Test("a plain table reads to the same items, attribute by attribute, as the full JSON reader gives")
    func sameAsTheTree() throws {
        let rows = try #require(readRows(Self.plain))
        let expected = try treeItems(Self.plain)
        #expect(rows.count == expected.count)
        for (row, tree) in expected.enumerated() {
            let item = BuildableItem(row: row, of: rows)
            #expect(item == tree)
            #expect(item.attributes.keys == tree.attributes.keys)
            #expect(item.artifact == tree.artifact && item.instance == tree.instance)
            for name in tree.attributes.keys + ["absent", "plan", "date", "version_latest"] {
                #expect(item[name] == tree[name], "\(name) of row \(row)")
                #expect(item.has(name) == tree.has(name), "\(name) of row \(row)")
            }
        }
        let service = BuildableItem(row: 1, of: rows)
        #expect(service["version_latest"] == .number(12))
        #expect(service["share"] == .number(-0.25))
        #expect(service["zero"]?.numberValue?.sign == .minus)
        #expect(service["note"] == "flyttet etter gjennomgang ✓")
    }

    @Test("a file in the plain shape reads through the fast path and answers the queries", arguments: ["db.json"])
    func throughTheFile(name: String) async throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.file(name, Self.plain)
        let store = try BuildablesFile.open(path: path)
        #expect(store.items == (try treeItems(Self.plain)))
        #expect(try await store.item(artifact: "REGION", instance: "ABX:v0")?["date"] == "2019-06-01")
        #expect(try await store.plannedItems(artifact: "SERVICE").map(\.instance) == ["svc1:v0:ABX"])
        #expect(try await store.items(artifact: "NOTIFICATION").count == 1)
    }

    @Test("text outside the plain shape is left to the full reader, which reads it as before", arguments: [
        #"{"items": [{"artifact": "A", "instance": "x\u0031"}]}"#,
        #"{"items": [{"artifact": "A", "instance": "x", "nested": {"a": 1}}]}"#,
        #"{"items": [{"artifact": "A", "instance": "x", "list": [1, 2]}]}"#,
        #"{"items": [{"artifact": "A", "instance": "x", "big": 1e3}]}"#,
        #"{"items": [{"artifact": "A", "instance": "x", "long": 12345678901234567890}]}"#,
        #"{"items": [{"artifact": "A", "instance": "x"}], "other": 1}"#,
        #"{"other": 1, "items": [{"artifact": "A", "instance": "x"}]}"#,
        "\u{FEFF}{\"items\": [{\"artifact\": \"A\", \"instance\": \"x\"}]}",
        #"{"items": [{"artifact": "A", "instance": 7}]}"#,
        #"{"items": [{"artifact": "A", "instance": "x", "artifact": "B"}]}"#,
        #"{"items": [{"artifact": "A", "instance": "x",}]}"#,
        #"{"items": [{"artifact": "A", "instance": "x"}]} trailing"#,
        #"{"items": [{"artifact": "A", "instance": "x", "n": 01}]}"#,
    ])
    func notPlain(text: String) throws {
        #expect(readRows(text) == nil)
        // Through the file the outcome is the full reader's: its items, or an error.
        let scratch = try ScratchDirectory()
        let path = try scratch.file("db.json", text)
        if let items = try? BuildablesFile.open(path: path).items {
            #expect(items == (try treeItems(text)))
        } else {
            #expect(throws: (any Error).self) { try BuildablesFile.open(path: path) }
        }
    }

    @Test("an item longer than the columns' 16-bit offsets is read by scanning its text")
    func longItem() throws {
        let note = String(repeating: "n", count: 70_000)
        let text = #"{"items": [{"artifact": "SERVICE", "instance": "s:v0:A", "note": "\#(note)", "plan": "p", "version_instance": 3}]}"#
        let rows = try #require(readRows(text))
        let item = BuildableItem(row: 0, of: rows)
        #expect(item["version_instance"] == .number(3))
        #expect(item["plan"] == "p" && item.has("plan") && !item.has("date"))
        #expect(item["note"]?.stringValue?.count == 70_000)
        #expect(item == (try treeItems(text))[0])
    }

    /// Keys that sit side by side and differ only in artifact, length or a last byte.
    static let neighbors = #"""
    {"items": [
    {"artifact":"SERVICE","instance":"s:v0:A","plan":"p"},
    {"artifact":"OTHER","instance":"s:v1:A"},
    {"artifact":"SERVICE","instance":"s:v1:A","plan":"p"},
    {"artifact":"SERVICE","instance":"s:v1:B"},
    {"artifact":"SERVICE","instance":"s:v10:A"},
    {"artifact":"SERVICE","instance":""},
    {"artifact":"SERVICE","instance":"t:v0:A"},
    {"artifact":"SERVICE","instance":"u:v0:A"},
    {"artifact":"SERVICE","instance":"v:v0:A"},
    {"artifact":"SERVICE","instance":"w:v0:A"},
    {"artifact":"SERVICE","instance":"x:v0:A"},
    {"artifact":"SERVICE","instance":"y:v0:A"},
    {"artifact":"SERVICE","instance":"z:v0:A"},
    {"artifact":"OTHER","instance":"s:v0:A"}
    ]}
    """#

    @Test("a lookup told a row to start from finds what the index finds, near, far or absent")
    func lookupNearARow() throws {
        // The empty instance is not a plain table's; read without it through the index alone.
        let text = Self.neighbors.replacingOccurrences(of: #"{"artifact":"SERVICE","instance":""},"#, with: "")
        let rows = try #require(readRows(text))
        var keys = (0..<rows.count).map { (rows.artifact(row: $0), rows.instance(row: $0)) }
        keys += [("SERVICE", "s:v2:A"), ("NONE", "s:v0:A"), ("SERVICE", "s:v1:"), ("OTHER", "z:v0:A")]
        for (artifact, instance) in keys {
            let expected = rows.row(artifact: artifact, instance: instance)
            for near in -1...rows.count {
                #expect(rows.row(artifact: artifact, instance: instance, near: near) == expected, "\(artifact) \(instance) near \(near)")
            }
        }
        #expect(rows.row(artifact: "OTHER", instance: "s:v0:A", near: 0) == rows.count - 1)
        #expect(rows.row(artifact: "SERVICE", instance: "s:v1:A", near: 1) == 2)
    }

    @Test("the store's lookup near an item it returned answers as the plain lookup; an item of another table is no hint")
    func storeLookupNearAnItem() async throws {
        let scratch = try ScratchDirectory()
        let text = Self.neighbors.replacingOccurrences(of: #"{"artifact":"SERVICE","instance":""},"#, with: "")
        let store = try BuildablesFile.open(path: try scratch.file("db.json", text))
        let other = try BuildablesFile.open(path: try scratch.file("other.json", text))
        let start = try #require(try await store.item(artifact: "SERVICE", instance: "s:v0:A"))
        let foreign = try #require(try await other.item(artifact: "SERVICE", instance: "z:v0:A"))
        for neighbor in [start, foreign, BuildableItem(["artifact": "SERVICE", "instance": "s:v0:A"])] {
            for (artifact, instance) in [("SERVICE", "s:v1:A"), ("OTHER", "s:v0:A"), ("SERVICE", "s:v9:A")] {
                let near = try await store.item(artifact: artifact, instance: instance, near: neighbor)
                let plain = try await store.item(artifact: artifact, instance: instance)
                #expect(near == plain, "\(artifact) \(instance)")
                #expect(near?.instance == plain?.instance && near?.artifact == plain?.artifact)
            }
        }
        let rows = try #require(readRows(text))
        #expect(BuildableItem(row: 3, of: rows).row(in: rows) == 3)
        #expect(BuildableItem(row: 3, of: rows).row(in: try #require(readRows(text))) == nil)
        #expect(BuildableItem(["artifact": "A"]).row(in: rows) == nil)
    }

    @Test("two items with one key are still refused, naming both")
    func duplicateItems() throws {
        let scratch = try ScratchDirectory()
        let text = #"{"items": [{"artifact": "A", "instance": "x"}, {"artifact": "A", "instance": "x"}]}"#
        let path = try scratch.file("db.json", text)
        // The rows' key index finds the repeat and leaves the table to the full read, which names both.
        #expect(readRows(text) == nil)
        let error = #expect(throws: BuildablesFileError.self) { try BuildablesFile.open(path: path) }
        #expect(error?.message.contains("item 2 repeats artifact A instance 'x' of item 1") == true)
    }
}
