import Foundation
import ReportKit
import Testing

/// Inputs nobody here wrote (issue 17): deep nesting, one very long line, a huge object, bad
/// bytes and overflowing numbers must be clear, located errors or quick reads, never a crash.
@Suite("YAML and JSON on hostile input")
struct HostileInputTests {
    static func yamlError(_ text: String) -> ParseError? {
        #expect(throws: ParseError.self) { try YAML.value(text) }
    }

    @Test("deep flow nesting stops at 512 levels with a located error, like JSON")
    func deepFlow() throws {
        let error = try #require(Self.yamlError(String(repeating: "[", count: 10_000)))
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.location == SourceLocation(line: 1, column: 513))
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try YAML.value(deepest) == JSONReader.parse(deepest))
        let tooDeep = "[" + deepest + "]"
        #expect(Self.yamlError(tooDeep)?.message == "nesting deeper than 512 levels")
        #expect(throws: ParseError.self) { try JSONReader.parse(tooDeep) }
        #expect(Self.yamlError("a: " + String(repeating: "{b: ", count: 9_000))?.location == SourceLocation(line: 1, column: 4 + 511 * 4))
    }

    @Test("deep block sequences (- - -) stop at 512 levels")
    func deepBlockSequence() throws {
        let error = try #require(Self.yamlError(String(repeating: "- ", count: 10_000) + "x\n"))
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.location == SourceLocation(line: 1, column: 1 + 512 * 2))
        var nested: JSONValue = "x"
        for _ in 0..<512 { nested = [nested] }
        #expect(try YAML.value(String(repeating: "- ", count: 512) + "x\n") == nested)
    }

    @Test("deeply indented mappings stop at 512 levels")
    func deepIndentedMappings() throws {
        let text = (0..<8_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        let error = try #require(Self.yamlError(text))
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.location == SourceLocation(line: 513, column: 513))
        let fits = (0..<512).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " x\n"
        #expect(try YAML.value(fits)["k"]?["k"] != nil)
    }

    /// About `bytes` of minified JSON: `{"items":[{…},{…},…]}` on one line, or an item a line.
    static func minifiedItems(bytes: Int, lineBreaks: Bool) -> [UInt8] {
        var items: [String] = []
        var size = 0
        while size < bytes {
            let item = #"{"artifact":"REGION","instance":"r\#(items.count):v0","note":"é ü","n":\#(items.count)}"#
            items.append(item)
            size += item.utf8.count + 1
        }
        return Array(("{\"items\":[" + items.joined(separator: lineBreaks ? ",\n" : ",") + "]}").utf8)
    }

    /// Half a megabyte keeps the debug suite quick; before the fix this took minutes (the
    /// release figures for 2 MB are in the README).
    @Test("a long single-line YAML file reads in time linear in its length", .timeLimit(.minutes(1)))
    func longLine() throws {
        let clock = ContinuousClock()
        let oneLine = Self.minifiedItems(bytes: 500_000, lineBreaks: false)
        let broken = Self.minifiedItems(bytes: 500_000, lineBreaks: true)
        var value: JSONValue = nil
        let lineTime = try clock.measure { value = try YAML.value(oneLine) }
        let brokenTime = try clock.measure { _ = try YAML.value(broken) }
        print("yaml: \(oneLine.count) bytes on one line in \(lineTime); with line breaks in \(brokenTime)")
        #expect(value == (try JSONReader.parse(oneLine)))
        #expect(lineTime < brokenTime * 10 + .seconds(1), "quadratic before the fix: a minute or more")
        // Locations on the long line are still exact: an error near its end names its column.
        let bad = Array(oneLine.dropLast(2)) + Array(",,]}".utf8)
        let error = try #require(#expect(throws: ParseError.self) { try YAML.value(bad) })
        #expect(error.message.hasPrefix("an empty entry"))
        let column = String(decoding: bad, as: UTF8.self).unicodeScalars.count - 2
        #expect(error.location == SourceLocation(line: 1, column: column))
    }

    @Test("a JSON object of 200,000 keys reads in time linear in the key count", .timeLimit(.minutes(1)))
    func manyKeys() throws {
        let text = "{" + (0..<200_000).map { "\"key\($0)\":\($0)" }.joined(separator: ",") + "}"
        let bytes = Array(text.utf8)
        // The same members as 200,000 one-key objects: the linear baseline, on this machine now.
        let baseline = Array(("[" + (0..<200_000).map { "{\"key\($0)\":\($0)}" }.joined(separator: ",") + "]").utf8)
        let clock = ContinuousClock()
        var value: JSONValue = nil
        let elapsed = try clock.measure { value = try JSONReader.parse(bytes) }
        let baselineTime = try clock.measure { _ = try JSONReader.parse(baseline) }
        print("json: 200000 keys (\(bytes.count) bytes) in \(elapsed); as 200000 objects in \(baselineTime)")
        #expect(value.objectValue?.count == 200_000)
        #expect(elapsed < baselineTime * 10 + .seconds(1), "quadratic before the fix: 25 s and more")
        // Duplicates are still found, early or late in a big object.
        let late = #expect(throws: ParseError.self) { try JSONReader.parse(String(text.dropLast()) + ",\"key7\":1}") }
        #expect(late?.message == "duplicate key 'key7' in an object")
        #expect(throws: ParseError.self) { try JSONReader.parse(#"{"a":1,"b":2,"a":3}"#) }
    }

    @Test("YAML refuses invalid UTF-8 where it is, as JSON does", arguments: [
        ([0x61, 0x3A, 0x20, 0xFF, 0x0A] as [UInt8], 4),
        ([0x61, 0x3A, 0x20, 0x22, 0xC3, 0x28, 0x22] as [UInt8], 5),
        ([0x23, 0x20, 0xC0, 0x80, 0x0A, 0x61, 0x3A, 0x20, 0x62] as [UInt8], 3),
        ([0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80] as [UInt8], 4),
        ([0x61, 0x3A, 0x20, 0xE2, 0x82] as [UInt8], 4),
        ([0x61, 0x3A, 0x20, 0xF4, 0x90, 0x80, 0x80] as [UInt8], 4),
    ])
    func invalidUTF8(bytes: [UInt8], column: Int) throws {
        let error = #expect(throws: ParseError.self) { try YAML.value(bytes) }
        #expect(error?.message.hasPrefix("invalid UTF-8") == true)
        #expect(error?.location == SourceLocation(line: 1, column: column))
        #expect(try YAML.value("a: \"é 😀\"\n") == ["a": "é 😀"])
    }

    @Test("JSON refuses the same bytes in a string")
    func invalidUTF8InJSON() {
        let error = #expect(throws: ParseError.self) { try JSONReader.parse([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]) }
        #expect(error?.message == "invalid UTF-8 in a string")
    }

    @Test("YAML refuses numbers too large for a Double; .inf is still infinity")
    func overflow() throws {
        let error = #expect(throws: ParseError.self) { try YAML.value("items:\n  - n: 1e999\n") }
        #expect(error?.message == "the number 1e999 is out of range")
        #expect(error?.location == SourceLocation(line: 2, column: 8))
        #expect(throws: ParseError.self) { try YAML.value("[-1e999]") }
        #expect(throws: ParseError.self) { try JSONReader.parse("[1e999]") }
        #expect(try YAML.value("a: .inf\nb: -.Inf\nc: 1e308\nd: '1e999'\ne: 1e-999\n")
            == ["a": .number(.infinity), "b": .number(-.infinity), "c": 1e308, "d": "1e999", "e": 0])
    }
}
