import Foundation
import ReportKit
@testable import SlipsAdapters
import SlipsCore
import Testing

@Suite("Buildables file: the plain JSON scanner's word-at-a-time tests")
struct PlainJSONBytesTests {
    /// `plainString()` on `text` (a whole JSON string, quotes included), as a scanner sees it.
    private func plainString(_ text: [UInt8]) -> Range<Int>? {
        text.withUnsafeBufferPointer { buffer in
            var scanner = PlainJSONScanner(buffer)
            return scanner.plainString()
        }
    }

    @Test("a string's end is found wherever its quote falls in an eight-byte word, and what follows is not read")
    func quoteAtEveryOffset() {
        for length in 0..<40 {
            let text = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: length) + Array(#"",  "b": "\"#.utf8)
            #expect(plainString(text) == 1..<1 + length, "length \(length)")
        }
    }

    @Test("a backslash or a control byte anywhere in a word leaves the string to the full reader")
    func refusedAtEveryOffset() {
        for length in 0..<24 {
            for bad: UInt8 in [UInt8(ascii: "\\"), 0x00, 0x0A, 0x1F] {
                let text = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: length) + [bad]
                    + Array(repeating: UInt8(ascii: "b"), count: 12) + [UInt8(ascii: "\"")]
                #expect(plainString(text) == nil, "byte \(bad) after \(length)")
            }
        }
    }

    @Test("non-ASCII text anywhere in a word is read on and checked as UTF-8")
    func nonASCIIAtEveryOffset() {
        for length in 0..<24 {
            let valid = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: length) + Array("ø✓".utf8)
                + Array(repeating: UInt8(ascii: "b"), count: 9) + [UInt8(ascii: "\"")]
            #expect(plainString(valid) == 1..<valid.count - 1, "valid after \(length)")
            // A lone continuation byte, then a quote in the same word: refused.
            let invalid = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: length) + [0x80, UInt8(ascii: "c"), UInt8(ascii: "\"")]
                + Array(repeating: UInt8(ascii: "b"), count: 9)
            #expect(plainString(invalid) == nil, "invalid after \(length)")
        }
    }

    @Test("byte comparison finds a difference at any position of texts of any length")
    func comparison() {
        for count in 0..<40 {
            let left = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
            left.withUnsafeBufferPointer { lhs in
                var same = left
                same.withUnsafeMutableBufferPointer { rhs in
                    #expect(bytesEqual(lhs.baseAddress ?? UnsafePointer(bitPattern: 1)!, UnsafePointer(rhs.baseAddress ?? UnsafeMutablePointer(bitPattern: 1)!), count: count), "equal, \(count)")
                    for position in 0..<count {
                        rhs[position] ^= 0x20
                        #expect(!bytesEqual(lhs.baseAddress!, UnsafePointer(rhs.baseAddress!), count: count), "differs at \(position) of \(count)")
                        rhs[position] ^= 0x20
                    }
                }
            }
        }
    }

    @Test("versions read from the scan's columns are the full reader's values", arguments: [
        "0", "7", "12", "123456789", "1234567890", "-1", "-0", "1.5", "2.0", "0.25", #""3""#, #""""#, "null", "true", "false",
    ])
    func versionColumns(value: String) throws {
        let text = #"{"items": [{"artifact":"SERVICE","instance":"s:v0:A","plan":"p","version_instance":\#(value),"version_latest":\#(value)},{"artifact":"SERVICE","instance":"s:v1:A","version_latest":\#(value)}]}"#
        let rows = try #require(Array(text.utf8).withUnsafeBufferPointer { JSONItemRows.read($0, owner: nil) })
        let tree = try #require(try JSONReader.parse(text)["items"]?.arrayValue)
        for (row, expected) in tree.enumerated() {
            let item = BuildableItem(row: row, of: rows)
            for name in ["version_instance", "version_latest"] {
                let read = item[name]
                #expect(read == expected[name], "\(name) of row \(row)")
                // The plain path has always read `-0` as -0 (``JSONItemRowsTests``' `zero`), the
                // full reader as 0: equal values. A version column must not turn it into 0.
                let sign = value == "-0" && expected[name] != nil ? .minus : expected[name]?.numberValue?.sign
                #expect(read?.numberValue?.sign == sign, "the sign of \(name) of row \(row)")
                #expect(item.has(name) == (expected[name] != nil))
            }
        }
    }
}
