import Foundation
@testable import ReportKit
import Testing

/// Object literals are built in one step (`JSONObject(literal:)`): the same object as
/// ``JSONObject/init(_:)`` of their members gives, repeated keys included.
@Suite("JSON object literals")
struct JSONObjectLiteralTests {
    @Test("members keep the literal's order")
    func order() {
        let value: JSONValue = ["z": 1, "a": "x", "m": [true]]
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(JSONWriter.compactInOrderData(value) == Data(#"{"z":1,"a":"x","m":[true]}"#.utf8))
    }

    @Test("a repeated key keeps its first place and its last value, as init(_:)")
    func repeatedKey() {
        let literal: JSONObject = ["a": 1, "b": 2, "a": 3]
        let members = JSONObject([.init(key: "a", value: 1), .init(key: "b", value: 2), .init(key: "a", value: 3)])
        #expect(literal.keys == ["a", "b"])
        #expect(literal["a"] == 3)
        #expect(literal.members == members.members)
        let value: JSONValue = ["x": 1, "x": 2]
        #expect(value.objectValue?.members == [.init(key: "x", value: 2)])
    }

    @Test("a long literal (past the pairwise check) is the same object as init(_:)")
    func longLiteral() {
        let literal: JSONObject = ["a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "b": 10]
        #expect(literal.keys == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        #expect(literal["b"] == 10)
        let unique: JSONObject = ["a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9]
        #expect(unique.count == 9)
    }

    @Test("keys equal in value but not in their bits still count as repeated")
    func equalKeys() {
        let composed = "é", decomposed = "e\u{301}"
        let object = JSONObject(literal: [(composed, 1), (decomposed, 2)])
        #expect(object.count == 1)
        #expect(object[composed] == 2)
    }
}
