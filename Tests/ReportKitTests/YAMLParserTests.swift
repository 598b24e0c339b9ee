import ReportKit
import ReportKitTestSupport
import Testing

@Suite("YAML parser")
struct YAMLParserTests {
    @Test("block mappings, sequences, compact entries and every scalar style")
    func subset() throws {
        let text = """
            # a table
            items:
              - artifact: REGION   # trailing comment
                instance: 'ABC:v0'
                version_instance: 0
                flags: [a, "b c", {d: 1}]
                note: |
                  first
                  second
              - plain multi
                line
            empty:
            quoted: "tab\\tescape \\u00e9"
            ...
            """
        let value = try YAML.value(text)
        #expect(value == [
            "items": [
                ["artifact": "REGION", "instance": "ABC:v0", "version_instance": 0, "flags": ["a", "b c", ["d": 1]], "note": "first\nsecond\n"],
                "plain multi line",
            ],
            "empty": nil,
            "quoted": "tab\tescape é",
        ])
    }

    @Test("the core schema types plain scalars only", arguments: [
        ("NO", JSONValue.string("NO")), ("yes", "yes"), ("true", true), ("False", false), ("~", nil), ("null", nil),
        ("0", 0), ("-12", -12), ("0o17", 15), ("0x1F", 31), ("1.5", 1.5), ("1e3", 1000), (".5", 0.5),
        ("2020-04-20", "2020-04-20"), ("01:02", "01:02"), ("'true'", "true"), ("\"0\"", "0"), ("+.inf", .number(.infinity)),
    ])
    func coreSchema(scalar: String, expected: JSONValue) throws {
        #expect(try YAML.value("v: \(scalar)")["v"] == expected)
    }

    @Test("errors name line and column", arguments: [
        ("a: 1\n  b: 2\n", 2, 4, "a mapping value is not allowed here"),
        ("a: \"open\nb: 2\n", 1, 4, "unterminated double-quoted scalar"),
        ("a:\n\tb: 1\n", 2, 1, "a tab cannot indent content"),
        ("a: &x 1\n", 1, 4, "anchors (&name) are not supported"),
        ("a: *x\n", 1, 4, "aliases (*name) are not supported"),
        ("a: !!str 1\n", 1, 4, "tags (!tag) are not supported"),
        ("a: >\n  folded\n", 1, 4, "folded block scalars (>)"),
        ("? a\n: b\n", 1, 1, "complex mapping keys (? key)"),
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' in a mapping (first on line 1)"),
        ("- a\nb: 1\n", 2, 1, "expected the end of the document"),
        ("a: [1, 2\n", 1, 4, "unterminated flow sequence"),
        ("a: \"\\q\"\n", 1, 5, "invalid escape \\q"),
        ("a: b: c\n", 1, 4, "a mapping cannot start on the same line as its key"),
    ])
    func errors(text: String, line: Int, column: Int, words: String) throws {
        let error = try #require(throws: ParseError.self) { try YAML.parse(text) }
        #expect(error.location == SourceLocation(line: line, column: column), "\(error)")
        #expect(error.message.contains(words), "\(error.message)")
        #expect(error.stage == "yaml")
        #expect(error.sourceLine != nil)
    }

    @Test("the error display shows the line and a caret")
    func display() throws {
        let error = try #require(throws: ParseError.self) { try YAML.parse("items:\n  - a: 'x\n") }
        #expect(error.inFile("db.yaml").description == "db.yaml:2:8: error: yaml: unterminated single-quoted scalar\n    - a: 'x\n         ^")
    }

    @Test("nodes know their exact byte ranges and locations")
    func ranges() throws {
        let text = "items:\n  - k: 'quoted'\n    e:\n    p: plain text  # c\n"
        let bytes = Array(text.utf8)
        let root = try YAML.parse(bytes)
        guard case .mapping(let top) = root.content, case .sequence(let entries) = top[0].value.content,
              case .mapping(let pairs) = entries[0].content else { Issue.record("unexpected shape"); return }
        func slice(_ node: YAMLNode) -> String { String(decoding: bytes[node.start..<node.end], as: UTF8.self) }
        #expect(slice(pairs[0].value) == "'quoted'")
        #expect(pairs[1].value.start == pairs[1].value.end)
        #expect(slice(pairs[2].value) == "plain text")
        #expect(pairs[2].value.location == SourceLocation(line: 4, column: 8))
        #expect(entries[0].location == SourceLocation(line: 2, column: 5))
        #expect(top[0].value.location == SourceLocation(line: 2, column: 3))
        #expect(slice(top[0].value).hasSuffix("plain text"))
    }

    @Test("the slips fixture reads as a table of items")
    func fixture() throws {
        let value = try YAML.value([UInt8](FixturePaths.data("slips/e2e_db.yaml")))
        let items = try #require(value["items"]?.arrayValue)
        #expect(items.count > 20)
        #expect(items[0] == ["artifact": "NOTIFICATION", "instance": "region-slips", "updated": "2020-04-01"])
    }

    @Test("several documents are a stream; parse wants one")
    func documents() throws {
        #expect(try YAML.parseStream("--- a\n--- b\n...\n").map { try $0.resolved() } == ["a", "b"])
        #expect(throws: ParseError.self) { try YAML.parse("--- a\n--- b\n") }
        #expect(try YAML.value("") == nil)
        #expect(try YAML.value("# only a comment\n") == nil)
    }
}

@Suite("YAML emitter")
struct YAMLEmitterTests {
    static let values: [JSONValue] = [
        ["a": 1, "b": [1, 2, ["c": nil]], "d": [], "e": .object([:]), "f": [[1, 2], [], [[]]]],
        ["NO", "true", "1e3", "", " lead", "trail ", "a: b", "- x", "#", "x #y", "null", "~", "0x1F", "-", "---", "..."],
        ["multi\nline\n", "tab\there", "quote \" and \\", "é😀", "\u{0}\u{7}\u{85}\u{2028}", "'single'", "[flow]", "{x}", "key:"],
        ["k e y": "v", "": "empty key", "1": "numeric key", "true": "bool key", "a:b": "colon"],
        [1.5, -0.25, 1e-07, 123456789012.5, -3, true, false, nil],
        "just a string", 42, nil, [],
    ]

    @Test("reading what was emitted gives the value back", arguments: values)
    func roundTrip(value: JSONValue) throws {
        let text = YAML.emit(value)
        #expect(try YAML.value(text) == value, "emitted:\n\(text)")
    }

    @Test("block layout")
    func layout() {
        #expect(YAML.emit(["items": [["artifact": "REGION", "version_instance": 0]], "n": "NO"]) == """
            items:
              - artifact: REGION
                version_instance: 0
            n: NO

            """)
    }
}
