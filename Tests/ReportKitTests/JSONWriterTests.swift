import ReportKit
import ReportKitTestSupport
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("canonical: sorted keys, two-space indent, Python's json.dumps layout")
    func canonical() {
        let value: JSONValue = ["b": [1, "x", [], .object([:])], "a": ["é": nil, "Z": true], "c": []]
        #expect(JSONWriter.canonical(value) == """
            {
              "a": {
                "Z": true,
                "é": null
              },
              "b": [
                1,
                "x",
                [],
                {}
              ],
              "c": []
            }
            """)
        #expect(JSONWriter.compact(value) == #"{"a":{"Z":true,"é":null},"b":[1,"x",[],{}],"c":[]}"#)
    }

    @Test("keys sort by code point, not by locale or case folding")
    func keyOrder() {
        let value: JSONValue = ["b": 1, "B": 2, "ä": 3, "a": 4, "_": 5, "😀": 6, "\u{FF5E}": 7]
        #expect(JSONWriter.compact(value) == #"{"B":2,"_":5,"a":4,"b":1,"ä":3,"～":7,"😀":6}"#)
    }

    @Test("numbers print stably", arguments: [
        (30.0, "30"), (-0.0, "0"), (-12.0, "-12"), (0.1, "0.1"), (1.5, "1.5"), (1e-07, "1e-07"),
        (1e22, "1e+22"), (123456789012.5, "123456789012.5"), (9007199254740991.0, "9007199254740991"),
        (0.0001, "0.0001"), (Double.nan, "null"), (Double.infinity, "null"),
    ])
    func numbers(value: Double, text: String) {
        #expect(JSONWriter.compact(.number(value)) == text)
    }

    @Test("other numbers print as Swift's shortest round-trip text, and read back the same")
    func shortestNumbers() throws {
        // Bit patterns from a fixed generator: every exponent, fractions of all lengths.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var checked = 0
        for _ in 0..<5000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Double(bitPattern: state)
            guard value.isFinite, value.rounded(.towardZero) != value || abs(value) >= 9_007_199_254_740_992 else { continue }
            let text = JSONWriter.compact(.number(value))
            #expect(text == value.description)
            #expect(try JSONReader.parse(text) == .number(value))
            checked += 1
        }
        #expect(checked > 4000)
    }

    @Test("strings escape quotes, backslashes and controls only")
    func strings() {
        #expect(JSONWriter.compact("a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{1F}é😀") == #""a\"b\\c/d\n\r\t\b\f\u0001\u001fé😀""#)
    }

    @Test("reading what was written gives the value back")
    func roundTrip() throws {
        let value: JSONValue = ["s": "line\nbreak \"q\" \u{0}", "n": [0.1, -3, 2.5e-10, 1e300], "o": ["k": [nil, false]]]
        #expect(try JSONReader.parse(JSONWriter.canonical(value)) == value)
        #expect(try JSONReader.parse(JSONWriter.compact(value)) == value)
    }

    @Test("the original's payload, read and written canonically, is the file's exact text")
    func fixtureBytes() throws {
        for name in ["slips/e2e_expected.json", "slips/e2e_expected_horizon240.json"] {
            let text = try FixturePaths.text(name)
            #expect(JSONWriter.canonical(try JSONReader.parse(text)) + "\n" == text)
        }
    }
}
