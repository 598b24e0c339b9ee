import ReportKit
import Testing

@Suite("Canonical JSON stream")
struct CanonicalJSONStreamTests {
    /// Streams `value` the way a document would: containers opened and closed, keys named
    /// in sorted order, leaves written as values.
    static func stream(_ value: JSONValue, into stream: inout CanonicalJSONStream, wholeBelow depth: Int) throws {
        switch value {
        case .object(let object) where depth > 0:
            try stream.openObject()
            for member in object.sortedMembers {
                try stream.key(member.key)
                try Self.stream(member.value, into: &stream, wholeBelow: depth - 1)
            }
            try stream.close()
        case .array(let elements) where depth > 0:
            try stream.openArray()
            for element in elements { try Self.stream(element, into: &stream, wholeBelow: depth - 1) }
            try stream.close()
        default:
            try stream.value(value)
        }
    }

    static func streamed(_ value: JSONValue, chunkSize: Int, wholeBelow depth: Int) throws -> (text: String, chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        var stream = CanonicalJSONStream(chunkSize: chunkSize) { chunk in
            bytes.append(contentsOf: chunk)
            chunks += 1
        }
        try Self.stream(value, into: &stream, wholeBelow: depth)
        try stream.finish()
        return (String(decoding: bytes, as: UTF8.self), chunks)
    }

    static let documents: [JSONValue] = [
        ["b": [1, "x", [], .object([:])], "a": ["é": nil, "Z": true], "c": [], "d": .object([:])],
        [["a": [["b": "line\nbreak \"quoted\""]]], [], 2.5, nil],
        .object([:]), [], "top", 7,
    ]

    @Test("gives the canonical text byte for byte, whatever is streamed and whatever the chunk size",
          arguments: [1, 3, 1 << 20])
    func sameAsCanonical(chunkSize: Int) throws {
        for document in Self.documents {
            for depth in 0...4 {
                let (text, _) = try Self.streamed(document, chunkSize: chunkSize, wholeBelow: depth)
                #expect(text == JSONWriter.canonical(document), "depth \(depth): \(JSONWriter.compact(document))")
            }
        }
    }

    @Test("hands out chunks as it goes, not the whole text at the end")
    func chunks() throws {
        let document = JSONValue.array((0..<100).map { .string("entry \($0)") })
        let (text, chunks) = try Self.streamed(document, chunkSize: 64, wholeBelow: 1)
        #expect(text == JSONWriter.canonical(document))
        #expect(chunks > 10)
    }

    struct Refused: Error {}

    @Test("a sink's error ends the stream")
    func sinkError() {
        var stream = CanonicalJSONStream(chunkSize: 1) { _ in throw Refused() }
        #expect(throws: Refused.self) {
            try stream.openArray()
            try stream.value("x")
        }
    }
}

@Suite("Canonical JSON stream: keys fixed in the program")
struct CanonicalJSONStreamPlainKeyTests {
    @Test("a plain key writes the text the escaping key writes, at any depth and position")
    func plainKeySameAsKey() throws {
        func text(_ body: (inout CanonicalJSONStream) throws -> Void) throws -> String {
            var bytes: [UInt8] = []
            var stream = CanonicalJSONStream(chunkSize: 3) { bytes.append(contentsOf: $0) }
            try body(&stream)
            try stream.finish()
            return String(decoding: bytes, as: UTF8.self)
        }
        let plain = try text { stream in
            try stream.openObject()
            try stream.key(plain: "a_1")
            try stream.openArray()
            try stream.openObject()
            try stream.key(plain: "Zz")
            try stream.value(.number(2))
            try stream.key(plain: "name_rip")
            try stream.value(.string("x"))
            try stream.close()
            try stream.close()
            try stream.key(plain: "b")
            try stream.value(.null)
            try stream.close()
        }
        let escaped = try text { stream in
            try stream.openObject()
            try stream.key("a_1")
            try stream.openArray()
            try stream.openObject()
            try stream.key("Zz")
            try stream.value(.number(2))
            try stream.key("name_rip")
            try stream.value(.string("x"))
            try stream.close()
            try stream.close()
            try stream.key("b")
            try stream.value(.null)
            try stream.close()
        }
        #expect(plain == escaped)
        #expect(plain == JSONWriter.canonical(["a_1": [["Zz": 2, "name_rip": "x"]], "b": nil]))
    }
}
