import ReportKit

/// DynamoDB's typed JSON (`{"S": "text"}`, `{"N": "42"}`, …) to and from plain values.
///
/// Numbers become `Double`s, as the file store gives them; string and number sets become
/// arrays; binary values stay as their base64 text.
public enum DynamoDBJSON {
    /// An item (`{"name": {"S": …}, …}`) as an object.
    public static func item(_ value: JSONValue) throws(DynamoDBFormatError) -> JSONObject {
        guard let object = value.objectValue else { throw DynamoDBFormatError("an item is \(value.kindDescription), expected an object") }
        var members: [JSONObject.Member] = []
        for member in object { members.append(.init(key: member.key, value: try decode(member.value, name: member.key))) }
        return JSONObject(uniqueMembers: members)
    }

    /// One typed attribute value.
    public static func decode(_ typed: JSONValue, name: String) throws(DynamoDBFormatError) -> JSONValue {
        guard let object = typed.objectValue, object.count == 1, let member = object.first else {
            throw DynamoDBFormatError("attribute '\(name)' is not a typed value")
        }
        let value = member.value
        switch member.key {
        case "S", "B": if let text = value.stringValue { return .string(text) }
        case "N": if let text = value.stringValue, let number = Double(text) { return .number(number) }
        case "BOOL": if let flag = value.boolValue { return .bool(flag) }
        case "NULL": return .null
        case "SS", "BS": if let texts = value.arrayValue { return .array(texts) }
        case "NS":
            if let texts = value.arrayValue {
                var numbers: [JSONValue] = []
                for text in texts {
                    guard let number = text.stringValue.flatMap(Double.init) else { throw DynamoDBFormatError("attribute '\(name)' holds a bad number") }
                    numbers.append(.number(number))
                }
                return .array(numbers)
            }
        case "L":
            if let elements = value.arrayValue {
                var decoded: [JSONValue] = []
                for element in elements { decoded.append(try decode(element, name: name)) }
                return .array(decoded)
            }
        case "M": return .object(try item(value))
        default: throw DynamoDBFormatError("attribute '\(name)' has the unknown type \(member.key)")
        }
        throw DynamoDBFormatError("attribute '\(name)' is not a valid \(member.key) value")
    }

    /// A plain value as a typed one.
    public static func encode(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null: return ["NULL": true]
        case .bool(let flag): return ["BOOL": .bool(flag)]
        case .number: return ["N": .string(JSONWriter.compact(value))]
        case .string(let text): return ["S": .string(text)]
        case .array(let elements): return ["L": .array(elements.map(encode))]
        case .object(let object): return ["M": .object(JSONObject(uniqueMembers: object.map { .init(key: $0.key, value: encode($0.value)) }))]
        }
    }
}

/// DynamoDB answered with something that is not the JSON it documents.
public struct DynamoDBFormatError: Error, Sendable, CategorizedError, CustomStringConvertible {
    public var description: String
    public init(_ problem: String) { description = "dynamodb: unexpected answer: \(problem)" }
    public var category: ErrorCategory { .outsideSystem }
}
