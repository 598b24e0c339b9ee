import ReportKit

/// A reports file's value with its place: what the parser walks, from YAML (every node
/// located) or from JSON (located through the YAML reader, which reads JSON too).
struct RegistryNode {
    enum Content {
        /// A resolved scalar, and its text as written when it was a plain YAML scalar.
        case scalar(JSONValue, plainText: String?)
        case sequence([RegistryNode])
        case mapping([Member])
    }

    struct Member {
        var key: String
        var keyLocation: SourceLocation
        var keyOffset: Int
        var value: RegistryNode
    }

    var content: Content
    var location: SourceLocation
    var offset: Int

    /// The tree of `node`; a scalar the core schema can't resolve (`1e999`) throws.
    init(_ node: YAMLNode) throws(ParseError) {
        location = node.location
        offset = node.start
        switch node.content {
        case .scalar(let scalar):
            content = .scalar(try node.resolved(), plainText: scalar.style == .plain ? scalar.text : nil)
        case .sequence(let entries):
            var nodes: [RegistryNode] = []
            for entry in entries { nodes.append(try RegistryNode(entry)) }
            content = .sequence(nodes)
        case .mapping(let pairs):
            var members: [Member] = []
            for pair in pairs {
                let key: String
                if case .scalar(let scalar) = pair.key.content { key = scalar.text } else { key = "" }
                members.append(Member(key: key, keyLocation: pair.key.location, keyOffset: pair.key.start, value: try RegistryNode(pair.value)))
            }
            content = .mapping(members)
        }
    }

    /// The tree of `value`, every node at the document's start (when no locations are known).
    init(unlocated value: JSONValue) {
        let start = SourceLocation(line: 1, column: 1)
        location = start
        offset = 0
        switch value {
        case .array(let elements): content = .sequence(elements.map(RegistryNode.init(unlocated:)))
        case .object(let object):
            content = .mapping(object.members.map { Member(key: $0.key, keyLocation: start, keyOffset: 0, value: RegistryNode(unlocated: $0.value)) })
        default: content = .scalar(value, plainText: nil)
        }
    }

    /// The node as a plain value (a custom report's options).
    var value: JSONValue {
        switch content {
        case .scalar(let value, _): return value
        case .sequence(let nodes): return .array(nodes.map(\.value))
        case .mapping(let members): return .object(JSONObject(uniqueMembers: members.map { JSONObject.Member(key: $0.key, value: $0.value.value) }))
        }
    }

    /// What the node is, for "expected text, found a list".
    var kindDescription: String {
        switch content {
        case .scalar(let value, _): return value.kindDescription
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
