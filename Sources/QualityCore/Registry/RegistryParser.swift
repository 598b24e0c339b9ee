import ReportKit

/// Walks a reports file's tree into entries, collecting located problems and warnings.
///
/// Each `read…` function checks one field, records what is wrong with it and returns `nil`,
/// so the walk goes on to the next field: one pass finds every problem that doesn't hide
/// another.
struct RegistryParser {
    let bytes: [UInt8]
    let file: String
    let customKinds: Set<String>
    private(set) var problems: [ParseError] = []
    private(set) var warnings: [RegistryWarning] = []

    init(bytes: [UInt8], file: String, customKinds: Set<String>) {
        self.bytes = bytes
        self.file = file
        self.customKinds = customKinds
    }

    // MARK: Recording

    mutating func fail(at location: SourceLocation, offset: Int, _ path: FieldPath, _ message: String) {
        problems.append(ParseError(file: file, location: location, stage: "registry", message: "\(path): \(message)", sourceLine: line(at: offset).map(PostgresURL.redactingPasswords(in:))))
    }

    mutating func fail(_ node: RegistryNode, _ path: FieldPath, _ message: String) {
        fail(at: node.location, offset: node.offset, path, message)
    }

    mutating func warn(_ node: RegistryNode, _ path: FieldPath, _ message: String) {
        warnings.append(RegistryWarning(location: node.location, field: path.description, message: message))
    }

    /// The text of the line holding byte `offset`, for the caret display.
    private func line(at offset: Int) -> String? {
        guard !bytes.isEmpty else { return nil }
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[start..<end].prefix(300), as: UTF8.self)
    }

    // MARK: Shapes

    /// The members of a mapping, checked against `allowed` and `required` keys. An unknown
    /// key is a problem (with a did-you-mean among `allowed`, or the kind it belongs to,
    /// from `elsewhere`); so is a missing required one. `nil` when the node is no mapping.
    mutating func members(
        _ node: RegistryNode, _ path: FieldPath, allowed: [String], required: [String] = [],
        elsewhere: [String: String] = [:], what: String = "a mapping"
    ) -> [String: RegistryNode]? {
        guard case .mapping(let list) = node.content else {
            fail(node, path, "expected \(what), found \(node.kindDescription)")
            return nil
        }
        var found: [String: RegistryNode] = [:]
        var suggested: Set<String> = []
        for member in list {
            if allowed.contains(member.key) {
                found[member.key] = member.value
            } else if let owner = elsewhere[member.key] {
                fail(at: member.keyLocation, offset: member.keyOffset, path.key(member.key), "'\(member.key)' belongs to \(owner)")
            } else {
                let nearest = NearestWord.closest(to: member.key, in: allowed)
                if let nearest { suggested.insert(nearest) }
                let hint = nearest.map { " (did you mean '\($0)'?)" } ?? ""
                fail(at: member.keyLocation, offset: member.keyOffset, path.key(member.key), "unknown key '\(member.key)'\(hint) (known: \(allowed.joined(separator: ", ")))")
            }
        }
        // A misspelt required key is one problem, not two.
        for key in required where found[key] == nil && !suggested.contains(key) {
            fail(node, path, "missing required key '\(key)'")
        }
        return found
    }

    /// A text value: a string, or a plain YAML number or boolean taken as written. Empty
    /// text is a problem unless `allowEmpty`.
    mutating func text(_ node: RegistryNode, _ path: FieldPath, allowEmpty: Bool = false) -> String? {
        if case .scalar(let value, let plainText) = node.content {
            let text: String?
            switch value {
            case .string(let string): text = string
            case .number, .bool: text = plainText
            default: text = nil
            }
            if let text {
                guard allowEmpty || !text.trimmingSpaces.isEmpty else {
                    fail(node, path, "must not be empty")
                    return nil
                }
                return text
            }
        }
        fail(node, path, "expected text, found \(node.kindDescription)")
        return nil
    }

    /// `true` or `false`.
    mutating func bool(_ node: RegistryNode, _ path: FieldPath) -> Bool? {
        if case .scalar(.bool(let value), _) = node.content { return value }
        fail(node, path, "expected true or false, found \(node.kindDescription)")
        return nil
    }

    /// A list of texts, each checked.
    mutating func textList(_ node: RegistryNode, _ path: FieldPath) -> [String]? {
        guard case .sequence(let nodes) = node.content else {
            fail(node, path, "expected a list, found \(node.kindDescription)")
            return nil
        }
        var texts: [String] = []
        var ok = true
        for (index, element) in nodes.enumerated() {
            if let text = text(element, path.index(index)) { texts.append(text) } else { ok = false }
        }
        return ok ? texts : nil
    }

    /// A text made into a value by `make`; its problem is recorded at the node.
    mutating func value<T>(_ node: RegistryNode, _ path: FieldPath, _ make: (String) throws(RegistryProblem) -> T) -> T? {
        guard let text = text(node, path) else { return nil }
        do throws(RegistryProblem) {
            return try make(text)
        } catch {
            fail(node, path, error.message)
            return nil
        }
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmingSpaces: Substring { Substring(self).trimmed }
}

extension Substring {
    var trimmed: Substring {
        var copy = self
        while copy.first?.isWhitespace == true { copy.removeFirst() }
        while copy.last?.isWhitespace == true { copy.removeLast() }
        return copy
    }
}
