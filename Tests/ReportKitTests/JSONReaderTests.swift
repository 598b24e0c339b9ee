import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("JSON reader")
struct JSONReaderTests {
    @Test("values of every kind")
    func values() throws {
        let value = try JSONReader.parse(#" {"a": [1, -2.5, 1e3, 0, -0, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        #expect(value == ["a": [1, -2.5, 1000, 0, 0, true, false, nil], "b": ["c": "d"], "e": ""])
        #expect(try JSONReader.parse("[]") == [])
        #expect(try JSONReader.parse("{}") == .object([:]))
        #expect(try JSONReader.parse("\u{FEFF}\"x\"") == "x")
    }

    @Test("objects keep document order; repeated keys share storage but not values")
    func order() throws {
        let value = try JSONReader.parse(#"[{"z": 1, "a": 2}, {"z": 3, "a": 4}]"#)
        #expect(value.arrayValue?.map { $0.objectValue?.keys ?? [] } == [["z", "a"], ["z", "a"]])
        #expect(value.arrayValue?[1]["a"] == 4)
    }

    @Test("escapes, surrogate pairs and raw UTF-8")
    func strings() throws {
        let value = try JSONReader.parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "ø😀", "k\u0000"]"#)
        #expect(value == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é€", "😀", "ø😀", "k\u{0}"])
        let key = try JSONReader.parse(#"{"\u0041b": 1, "Ab2": 2}"#)
        #expect(key == ["Ab": 1, "Ab2": 2])
    }

    @Test("numbers are correctly rounded doubles")
    func numbers() throws {
        let value = try JSONReader.parse("[0.1, 123456789012345678, 9007199254740993, 1.7976931348623157e308, 5e-324, -12.75E-1]")
        #expect(value == [0.1, 123456789012345678.0, 9007199254740992.0, 1.7976931348623157e308, .number(Double.leastNonzeroMagnitude), -1.275])
    }

    @Test("errors name line, column and the problem", arguments: [
        ("{\"a\": 1,\n \"b\" 2}", 2, 6, "expected ':' after the member name, found '2'"),
        ("[1, 2", 1, 6, "unterminated array: expected ',' or ']'"),
        ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after an object member, found '\"'"),
        ("\"abc", 1, 1, "unterminated string"),
        ("[\"a\\qb\"]", 1, 4, "invalid escape \\q in a string"),
        ("[01]", 1, 2, "leading zeros are not allowed in a number"),
        ("{\"x\": 1, \"x\": 2}", 1, 10, "duplicate key 'x' in an object"),
        ("[\"\\ud800\"]", 1, 3, "lone surrogate \\uD800 in a string"),
        ("[\"a\nb\"]", 1, 4, "a line break in a string must be escaped"),
        ("[1.]", 1, 4, "expected a digit after the decimal point, found ']'"),
        ("[-]", 1, 3, "expected a digit in the number, found ']'"),
        ("[1e999]", 1, 2, "the number 1e999 is out of range"),
        ("tru", 1, 1, "expected a JSON value, found 't'"),
        ("{} x", 1, 4, "unexpected 'x' after the JSON value"),
        ("", 1, 1, "expected a JSON value, found the end of the input"),
        ("{'a': 1}", 1, 2, "expected a member name in double quotes, found '''"),
        ("[\"é\", x]", 1, 7, "expected a JSON value, found 'x'"),
    ])
    func errors(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(throws: ParseError.self) { try JSONReader.parse(text) }
        #expect(error.location == SourceLocation(line: line, column: column))
        #expect(error.message == message)
        #expect(error.stage == "json")
        #expect(error.category == .badInput)
    }

    @Test("the error display points at the column")
    func display() throws {
        let error = try #require(throws: ParseError.self) { try JSONReader.parse("{\n  \"a\": tru\n}") }
        #expect(error.inFile("db.json").description == "db.json:2:8: error: json: expected a JSON value, found 't'\n    \"a\": tru\n         ^")
    }

    @Test("invalid UTF-8 and over-deep nesting are refused")
    func refusals() throws {
        let badUTF8: [UInt8] = [0x22, 0x61, 0xFF, 0x22]
        #expect(throws: ParseError.self) { try JSONReader.parse(badUTF8) }
        let deep = String(repeating: "[", count: JSONReader.maximumDepth + 1) + String(repeating: "]", count: JSONReader.maximumDepth + 1)
        let error = try #require(throws: ParseError.self) { try JSONReader.parse(deep) }
        #expect(error.message.contains("nesting deeper than"))
        let fine = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(throws: Never.self) { try JSONReader.parse(fine) }
    }

    @Test("agrees with Foundation on the slips fixtures")
    func agreesWithFoundation() throws {
        for name in ["slips/e2e_expected.json", "slips/e2e_expected_horizon240.json"] {
            let data = try FixturePaths.data(name)
            let ours = try JSONReader.parse([UInt8](data))
            let theirs = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(ours.objectValue?.keys.sorted() == theirs?.keys.sorted())
            #expect(ours["slip_count"]?.intValue == theirs?["slip_count"] as? Int)
        }
    }
}
