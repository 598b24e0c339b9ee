import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("byte regex")
struct ByteRegexTests {
    struct Case: Decodable {
        var pattern: String
        var input: String
        var re2: Bool
        var python: Bool?
    }

    struct Table: Decodable {
        var cases: [Case]
    }

    static func cases() throws -> [Case] {
        try JSONDecoder().decode(Table.self, from: FixturePaths.data("regex/cases.json")).cases
    }

    static func matches(_ pattern: String, _ input: String, mode: ByteRegexMatcher.Mode = .search) throws -> Bool {
        ByteRegexMatcher(try ByteRegex(pattern), mode: mode).matches(input)
    }

    /// Whether `pattern` repeats a group that itself repeats (`(a+)+`, `(a*)*`).
    static func nestedQuantifier(_ pattern: String) -> Bool {
        pattern.range(of: #"\([^()]*[+*}][^()]*\)[+*{]"#, options: .regularExpression) != nil
    }

    /// Inputs where the engines' meanings are the same: ASCII without line breaks, `\v`, `\f`.
    static func plain(_ input: String) -> Bool {
        input.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 || $0 == "\t" }
    }

    @Test("every case of the table gets RE2's verdict (duckdb's regexp_matches)")
    func table() throws {
        let cases = try Self.cases()
        #expect(cases.count > 7000)
        var matchers: [String: ByteRegexMatcher] = [:]
        var wrong: [String] = []
        for item in cases {
            let matcher = try matchers[item.pattern] ?? ByteRegexMatcher(ByteRegex(item.pattern))
            matchers[item.pattern] = matcher
            if matcher.matches(item.input) != item.re2 { wrong.append("/\(item.pattern)/ on \(item.input.debugDescription.prefix(60)): RE2 \(item.re2)") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong: \(wrong.prefix(20).joined(separator: "; "))")
    }

    @Test("on plain ASCII inputs the table's verdicts are also NSRegularExpression's and Python's")
    func otherEngines() throws {
        var compared = 0
        var differ: [String] = []
        for item in try Self.cases() where Self.plain(item.input) {
            // ICU backtracks: a repeated alternation or a nested quantifier on a long input
            // takes exponential time there, so ICU sees the short inputs only.
            let backtracks = item.input.utf8.count > 200 || (item.input.utf8.count > 24 && Self.nestedQuantifier(item.pattern))
            if !backtracks, let icu = try? NSRegularExpression(pattern: item.pattern) {
                let found = icu.firstMatch(in: item.input, range: NSRange(location: 0, length: item.input.utf16.count)) != nil
                if found != item.re2 { differ.append("ICU /\(item.pattern)/ on \(item.input.debugDescription.prefix(40))") }
            }
            if let python = item.python, python != item.re2 { differ.append("Python /\(item.pattern)/ on \(item.input.debugDescription)") }
            compared += 1
        }
        #expect(compared > 4000)
        #expect(differ.isEmpty, "\(differ.prefix(20).joined(separator: "; "))")
    }

    @Test("RE2's meanings where ICU and Python differ: ASCII classes, '.' takes '\\r', '$' only at the very end")
    func re2Meanings() throws {
        #expect(try !Self.matches("\\d", "٣"))
        #expect(try !Self.matches("\\w", "é"))
        #expect(try !Self.matches("\\s", "\u{0B}"))
        #expect(try !Self.matches("\\s", "\u{A0}"))
        #expect(try Self.matches("^.$", "\r"))
        #expect(try !Self.matches("^.$", "\n"))
        #expect(try !Self.matches("c$", "abc\n"))
        #expect(try Self.matches("[^a]", "\n"))
        #expect(try Self.matches("^...$", "日本語"))
        #expect(try Self.matches("^.$", "😀"))
    }

    @Test("bytes that are not UTF-8 read as U+FFFD, one per byte")
    func invalidBytes() throws {
        let bytes: [UInt8] = [0x61, 0xFF, 0xC3, 0x62]
        let dots = ByteRegexMatcher(try ByteRegex("^a..b$"))
        let replacement = ByteRegexMatcher(try ByteRegex("^a\\x{FFFD}{2}b$"))
        let three = ByteRegexMatcher(try ByteRegex("^a.b$"))
        bytes.withUnsafeBytes { buffer in
            #expect(dots.matches(buffer))
            #expect(replacement.matches(buffer))
            #expect(!three.matches(buffer))
        }
    }

    @Test("code points are read from bytes as String(decoding:) reads them, invalid ones included")
    func decodingAgrees() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x61], [0xC3, 0xA9], [0xE6, 0x97, 0xA5], [0xF0, 0x9F, 0x98, 0x80], [0xFF], [0x80], [0xC3], [0xE6, 0x97],
                                 [0xF0, 0x9F], [0xED, 0xA0, 0x80], [0xE0, 0x80], [0xF4, 0x90], [0xC0, 0xAF]]
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 1...8, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let count = String(decoding: bytes, as: UTF8.self).unicodeScalars.count
            let exact = ByteRegexMatcher(try ByteRegex("^.{\(count)}$"))
            let fewer = ByteRegexMatcher(try ByteRegex("^.{\(count - 1)}$"))
            bytes.withUnsafeBytes { buffer in
                #expect(exact.matches(buffer), "\(bytes)")
                #expect(!fewer.matches(buffer), "\(bytes)")
            }
        }
    }

    @Test("pathological patterns on long inputs: linear, right answers")
    func pathological() throws {
        let many = String(repeating: "a", count: 100_000)
        #expect(try !Self.matches("^(a+)+$", many + "b"))
        #expect(try Self.matches("^(a+)+$", many))
        #expect(try !Self.matches("(a|aa)*c", many))
        #expect(try Self.matches("(a*)*b", many + "b"))
        #expect(try !Self.matches("(x+x+)+y", String(repeating: "x", count: 50_000)))
        #expect(try !Self.matches("^(a?){30}a{30}$", String(repeating: "a", count: 29)))
        #expect(try Self.matches("^(a?){30}a{30}$", String(repeating: "a", count: 30)))
        #expect(try Self.matches("^(.*)*\\.$", String(repeating: "ab", count: 50_000) + "."))
    }

    @Test("more DFA states than the cache keeps: the verdicts stay right", arguments: [7, 14])
    func stateCacheFlush(gap: Int) throws {
        // An 'a' followed by `gap` letters a or b: up to 2^(gap+1) states.
        let matcher = ByteRegexMatcher(try ByteRegex("a[ab]{\(gap)}$"), mode: .search)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let length = Int.random(in: 0...60, using: &generator)
            let text = String((0..<length).map { _ in Bool.random(using: &generator) ? "a" : "b" })
            let scalars = Array(text)
            let expected = scalars.count > gap && scalars[scalars.count - gap - 1] == "a"
            #expect(matcher.matches(text) == expected, "\(text)")
        }
    }

    @Test("prefix mode matches at the start only")
    func prefix() throws {
        let matcher = ByteRegexMatcher(try ByteRegex("ssn.*"), mode: .prefix)
        #expect(matcher.matches("ssn_number"))
        #expect(!matcher.matches("my_ssn"))
        #expect(try Self.matches("", "", mode: .prefix))
        #expect(try !Self.matches("a$", "ab", mode: .prefix))
    }

    @Test("constructs outside the subset are refused", arguments: [
        "(a)\\1", "(?=a)", "(?!a)", "(?<=a)b", "\\bfoo", "\\Bx", "(?i)abc", "(?P<n>a)", "[[:alpha:]]", "a*+", "a++", "a**",
        "a{1001}", "\\p{L}", "[a&&b]", "a{,3}", "a{", "\\A", "\\z", "\\Q.\\E", "\\e", "[]a]", "[a--b]", "*a", "a)", "(a", "[a",
        "\\", "^*", "[z-a]", "\\x4", "\\0",
    ])
    func refused(_ pattern: String) {
        #expect(throws: ByteRegexError.self) { try ByteRegex(pattern) }
    }

    @Test("counts of parts that add nothing, nested, and groups nested deep are refused, not a hang or a crash")
    func hostileShapes() throws {
        for pattern in ["(?:(?:(?:(){1000}){1000}){1000}){1000}", "((((a{0}){1000}){1000}){1000}){1000}"] {
            #expect(throws: ByteRegexError.self, "\(pattern)") { try ByteRegex(pattern) }
        }
        let deep = String(repeating: "(", count: 200_000) + "a" + String(repeating: ")", count: 200_000)
        #expect(throws: ByteRegexError.self) { try ByteRegex(deep) }
        let fine = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(try Self.matches(fine, "xa"))
    }
}
