import ReportKit
import Testing

@Suite("Object keys")
struct ObjectKeyTests {
    @Test("refused keys name the rule", arguments: [
        ("", "cannot be empty"),
        ("/etc/passwd", "cannot be absolute"),
        ("../up", "'..' segment"),
        ("a/../../b", "'..' segment"),
        ("a//b", "empty segment"),
        ("a/./b", "'.' segment"),
        ("a/", "empty segment"),
        ("nul\0byte", "NUL byte"),
        ("tab\there", "control character U+0009"),
        ("esc\u{1b}[31m", "control character U+001B"),
        ("c1\u{85}", "control character U+0085"),
        (String(repeating: "a", count: 256), "segment longer than 255 bytes"),
        (Array(repeating: String(repeating: "a", count: 200), count: 6).joined(separator: "/"), "longer than 1024 bytes"),
    ])
    func refused(text: String, rule: String) {
        #expect {
            try ObjectKey(text)
        } throws: { error in
            let error = error as? ObjectStoreError
            return error?.kind == .invalidKey && error?.message.contains(rule) == true && error?.category == .badInput
        }
    }

    @Test("accepted keys keep their text", arguments: ["a", "a/b/c.json", "...", "a/..b/c.", "ø/å b+c&d=e.txt", String(repeating: "a", count: 255)])
    func accepted(text: String) throws {
        #expect(try ObjectKey(text).text == text)
    }

    @Test("bytes must be valid UTF-8")
    func utf8() throws {
        #expect(throws: ObjectStoreError.self) { try ObjectKey(validating: [0x61, 0xff, 0x62]) }
        #expect(try ObjectKey(validating: Array("ø/x".utf8)).text == "ø/x")
    }

    @Test("segments, name, folder, appending and prefix relations")
    func parts() throws {
        let key: ObjectKey = "reports/2020/summary.csv"
        #expect(key.segments == ["reports", "2020", "summary.csv"])
        #expect(key.name == "summary.csv")
        #expect(key.folder == "reports/2020/")
        #expect(ObjectKey("top.csv").folder == .root)
        #expect(try ObjectKey("reports").appending("2020/summary.csv") == key)
        #expect(throws: ObjectStoreError.self) { try ObjectKey("reports").appending("../x") }
        #expect(key.hasPrefix("reports/20"))
        #expect(!key.hasPrefix("report/"))
        #expect(key.isInside("reports"))
        #expect(key.isInside("reports/2020"))
        #expect(!key.isInside("reports/20"))
        #expect(!key.isInside(key))
        #expect(key.relative(to: "reports/") == "2020/summary.csv")
        #expect(key.relative(to: "other/") == nil)
        #expect(try ObjectPrefix("reports/").appending("x.json") == "reports/x.json")
        #expect(ObjectPrefix(folder: "a/b") == "a/b/")
    }

    @Test("a slash followed by a combining mark still ends a segment")
    func combiningMark() throws {
        let key = try ObjectKey("a/\u{301}b/c")
        #expect(key.segments == ["a", "\u{301}b", "c"])
        #expect(key.name == "c")
        #expect(try ObjectKey("a/\u{301}b").name == "\u{301}b")
        #expect(try ObjectKey("a/\u{301}b").folder == "a/")
        let escaping = "a/\u{301}/../x"  // a variable: `ObjectKey("…")` with a literal is a literal, which traps
        #expect(throws: ObjectStoreError.self) { try ObjectKey(escaping) }
    }

    @Test("prefixes: empty, a key, or a key and '/'")
    func prefixes() throws {
        #expect(try ObjectPrefix("").isEmpty)
        #expect(try ObjectPrefix("p").text == "p")
        #expect(try ObjectPrefix("p/q/").folder == "p/q/")
        #expect(try ObjectPrefix("p/q").folder == "p/")
        for bad in ["/p", "p//", "../p", "p/../", "p\0"] {
            #expect(throws: ObjectStoreError.self, "\(bad)") { try ObjectPrefix(bad) }
        }
    }

    @Test("keys order by UTF-8 bytes, as S3 lists them")
    func order() throws {
        let keys: [ObjectKey] = ["a/b", "a-b", "a.b", "é", "z", "A"]
        #expect(keys.sorted().map(\.text) == ["A", "a-b", "a.b", "a/b", "z", "é"])
    }
}
