import Foundation
import ReportKit
import ReportKitTestSupport
@testable import SlipsAdapters
import SlipsCore
import Testing

@Suite("Buildables file: a JSON table scanned in two parts")
struct JSONTableScanTests {
    /// Strings holding what a cut looks for (`,{`, `, {`), brackets and braces, next to real
    /// element starts, with white space of every kind between items.
    static let tricky = #"""
    {"items": [
    {"artifact":"NOTIFICATION","instance":"region-slips","updated":"2020-04-20 00:00:00 UTC"},
    {"artifact":"SERVICE","instance":"a:v0:ABX","note":"x,{\"no\"","plan":"p","version_instance":0},
      {"artifact":"SERVICE","instance":"a:v0","note":"}, {\"artifact\":\"SERVICE\"} ]}","plan":"p"},	{"artifact":"REGION","instance":"ABX:v0","date":"2019-06-01"},
    {"artifact":"SERVICE","instance":"b:v0","note":"[{,{ ,\n{","name_long":"Tjeneste ✓ {ø}"},
    {"artifact":"OTHER","instance":"a:v0","n":-0.5,"t":true,"f":false,"z":null}
    ,{"artifact":"SERVICE","instance":"c:v0","note":",{","plan":"q"}
    ]}
    """#

    /// `tricky` without escapes: the plain shape the fast path reads.
    static let plain = tricky.replacingOccurrences(of: #"\""#, with: "'").replacingOccurrences(of: #"\n"#, with: " ")

    private func rows(_ text: String, cutNear: Int?) -> JSONItemRows? {
        Array(text.utf8).withUnsafeBufferPointer { JSONItemRows.read($0, owner: nil, cutNear: cutNear) }
    }

    /// Everything the rows answer, to compare two reads.
    private func summary(_ rows: JSONItemRows) -> [String] {
        var lines = ["artifacts: \(rows.artifactNames)"]
        for name in rows.artifactNames { lines.append("\(name): \(rows.rows(artifact: name))") }
        for row in 0..<rows.count {
            let item = BuildableItem(row: row, of: rows)
            lines.append("\(row): \(JSONWriter.compact(.object(item.attributes))) code \(rows.artifactCode(row: row))")
            lines.append("found at \(rows.row(artifact: item.artifact, instance: item.instance).map(String.init) ?? "-")")
            for name in JSONItemRows.hotKeys + ["absent", "artifact", "instance"] {
                lines.append("\(name): \(item[name].map { JSONWriter.compact($0) } ?? "-") \(item.has(name))")
            }
        }
        return lines
    }

    @Test("a cut at every byte gives the rows of one pass, whether or not it falls inside a string")
    func everyCut() throws {
        let bytes = Array(Self.plain.utf8)
        let whole = try #require(rows(Self.plain, cutNear: bytes.count))
        let expected = summary(whole)
        #expect(whole.count == 7)
        #expect(whole.artifactNames == ["NOTIFICATION", "SERVICE", "REGION", "OTHER"])
        var cutsInsideStrings = 0
        for near in 0...bytes.count {
            let cut = bytes.withUnsafeBufferPointer { JSONTableScan.likelyElementStart(in: $0, from: near) }
            let part = try #require(rows(Self.plain, cutNear: near), "cut near \(near)")
            #expect(summary(part) == expected, "cut near \(near)")
            if let cut, !Self.elementStarts(bytes).contains(cut) { cutsInsideStrings += 1 }
        }
        // The table has likely starts inside strings, so the passed-cut path was taken.
        #expect(cutsInsideStrings > 0)
    }

    /// The positions of the items' `{`, found by the full reader's view of the text: after the
    /// list's `[` or a `,` between items.
    private static func elementStarts(_ bytes: [UInt8]) -> Set<Int> {
        var starts = Set<Int>()
        var inString = false
        var depth = 0
        for (position, byte) in bytes.enumerated() {
            if inString {
                if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"):
                if depth == 2 { starts.insert(position) }
                depth += 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return starts
    }

    @Test("escaped quotes and brackets near any cut leave the table to the full reader, which reads it as before")
    func escapesAtAnyCut() throws {
        let bytes = Array(Self.tricky.utf8)
        for near in stride(from: 0, through: bytes.count, by: 3) {
            #expect(rows(Self.tricky, cutNear: near) == nil, "cut near \(near)")
        }
        let scratch = try ScratchDirectory()
        let path = try scratch.file("db.json", Self.tricky)
        let items = try BuildablesFile.open(path: path).items
        let tree = try JSONReader.parse(Self.tricky)["items"]?.arrayValue ?? []
        #expect(items == tree.compactMap { $0.objectValue.map(BuildableItem.init) })
        #expect(items[2]["note"] == #"}, {"artifact":"SERVICE"} ]}"#)
    }

    @Test("text that breaks the plain shape in either part is refused at every cut")
    func brokenAtAnyCut() {
        let broken = [
            Self.plain.replacingOccurrences(of: #""plan":"q"}"#, with: #""plan":"q"]"#),
            Self.plain.replacingOccurrences(of: #""t":true"#, with: #""t":tru"#),
            Self.plain.replacingOccurrences(of: #"{"artifact":"REGION""#, with: #"{"artifact":"REGION""artifact":"X""#),
            Self.plain.replacingOccurrences(of: "c:v0", with: "a:v0"),
            Self.plain.replacingOccurrences(of: "]}", with: "]} x"),
        ]
        for text in broken {
            #expect(text != Self.plain)
            for near in 0...text.utf8.count {
                #expect(rows(text, cutNear: near) == nil, "cut near \(near) of \(text.suffix(40))")
            }
        }
    }

    /// A table of `count` small items past ``JSONTableScan/partsFrom``, so a file read cuts it.
    static func big(count: Int, bad: (line: Int, text: String)? = nil) -> String {
        var lines = [#"{"items": ["#]
        for index in 0..<count {
            let item = #"{"artifact":"\#(index % 3 == 0 ? "REGION" : "SERVICE")","instance":"s\#(index):v0","note":"n, {\#(index)}","version_instance":\#(index % 5)}"#
            lines.append(item + (index < count - 1 ? "," : ""))
        }
        lines.append("]}")
        if let bad { lines[bad.line - 1] = bad.text }
        return lines.joined(separator: "\n")
    }

    @Test("a big table read from a file is cut in two and answers as one pass does")
    func bigFile() async throws {
        let text = Self.big(count: 80_000)
        #expect(text.utf8.count > JSONTableScan.partsFrom * 2)
        let cut = try #require(rows(text, cutNear: nil))
        let whole = try #require(rows(text, cutNear: text.utf8.count))
        #expect(summary(cut) == summary(whole))
        let scratch = try ScratchDirectory()
        let store = try BuildablesFile.open(path: try scratch.file("db.json", text))
        #expect(try await store.item(artifact: "SERVICE", instance: "s79999:v0")?["version_instance"] == .number(4))
        #expect(try await store.item(artifact: "REGION", instance: "s79999:v0") == nil)
        #expect(try await store.items(artifact: "REGION").count == 26_667)
    }

    @Test("malformed text in the second part still names the file, line and column", arguments: [
        (60_001, #"{"artifact":"SERVICE","instance":"x:v0",,"version_instance":1},"#, 60_001, 41),
        (70_000, #"{"artifact":"SERVICE","instance":"y:v0","n":01},"#, 70_000, 45),
    ])
    func malformedInTheSecondPart(line: Int, text: String, expectedLine: Int, column: Int) throws {
        let table = Self.big(count: 80_000, bad: (line, text))
        let scratch = try ScratchDirectory()
        let path = try scratch.file("db.json", table)
        let error = #expect(throws: ParseError.self) { try BuildablesFile.open(path: path) }
        #expect(error?.summary.hasPrefix("\(path):\(expectedLine):\(column): error: json:") == true, "\(String(describing: error))")
    }

    @Test("a repeated key across the two parts is refused, naming both items")
    func repeatAcrossParts() throws {
        let table = Self.big(count: 80_000, bad: (70_002, #"{"artifact":"SERVICE","instance":"s1:v0","version_instance":1},"#))
        let scratch = try ScratchDirectory()
        let path = try scratch.file("db.json", table)
        let error = #expect(throws: BuildablesFileError.self) { try BuildablesFile.open(path: path) }
        #expect(error?.message.contains("item 70001 repeats artifact SERVICE instance 's1:v0' of item 2") == true, "\(String(describing: error))")
    }

    @Test("a string's special bytes are found at every offset of the eight-byte steps")
    func specialBytesAtEveryOffset() throws {
        for length in 0...20 {
            for offset in 0..<max(1, length) {
                var plain = Array(repeating: UInt8(ascii: "x"), count: length)
                func table(_ note: [UInt8]) -> [UInt8] {
                    Array(#"{"items": [{"artifact":"A","instance":"i","note":""#.utf8) + note + Array(#"","plan":"p"}]}"#.utf8)
                }
                let whole = try #require(table(plain).withUnsafeBufferPointer { JSONItemRows.read($0, owner: nil) })
                #expect(BuildableItem(row: 0, of: whole)["note"] == .string(String(decoding: plain, as: UTF8.self)))
                guard length > 0 else { continue }
                for refused: UInt8 in [0x5C, 0x0A, 0x1F, 0x00, 0xFF] {
                    plain[offset] = refused
                    #expect(table(plain).withUnsafeBufferPointer { JSONItemRows.read($0, owner: nil) } == nil, "\(refused) at \(offset) of \(length)")
                }
                // A quote ends the string early: what follows is no longer plain JSON.
                plain[offset] = UInt8(ascii: "\"")
                #expect(table(plain).withUnsafeBufferPointer { JSONItemRows.read($0, owner: nil) } == nil, "quote at \(offset) of \(length)")
                plain.replaceSubrange(offset...offset, with: Array("é".utf8))
                let accented = try #require(table(plain).withUnsafeBufferPointer { JSONItemRows.read($0, owner: nil) })
                #expect(BuildableItem(row: 0, of: accented)["note"] == .string(String(decoding: plain, as: UTF8.self)))
            }
        }
    }

    @Test("a repeated key, known or not, leaves the table to the full reader", arguments: [
        #"{"items": [{"artifact":"A","instance":"x","plan":"a","plan":"b"}]}"#,
        #"{"items": [{"artifact":"A","instance":"x","instance":"y"}]}"#,
        #"{"items": [{"artifact":"A","instance":"x","name_long":"a","ok":1,"name_long":"b"}]}"#,
        #"{"items": [{"artifact":"A","instance":"x","updated":"a","updater":"b","updated":"c"}]}"#,
    ])
    func repeatedKey(text: String) {
        #expect(rows(text, cutNear: nil) == nil)
        let distinct = text.replacingOccurrences(of: #","plan":"b""#, with: "").replacingOccurrences(of: #","instance":"y""#, with: "")
            .replacingOccurrences(of: #","name_long":"b""#, with: "").replacingOccurrences(of: #","updated":"c""#, with: "")
        #expect(rows(distinct, cutNear: nil) != nil, "\(distinct)")
    }
}
