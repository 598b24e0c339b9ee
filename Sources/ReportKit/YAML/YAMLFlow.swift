/// Flow rules: `[a, b]` sequences and `{a: b}` mappings, nested, over several lines.
extension YAMLParser {
    /// A flow collection at the cursor (on `[` or `{`). Lines inside it must be indented
    /// more than `blockIndent`.
    mutating func flowCollection(blockIndent: Int) throws(Failure) -> YAMLNode {
        let start = pos
        try enterCollection(at: pos)
        defer { leaveCollection() }
        let startLocation = location(of: pos)
        let isMapping = byte() == UInt8(ascii: "{")
        let close = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        let kind = isMapping ? "flow mapping" : "flow sequence"
        pos += 1
        var entries: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var seen: Set<String> = []
        while true {
            try skipFlowSpace(blockIndent: blockIndent, start: start, kind: kind)
            if byte() == close { pos += 1; break }
            if byte() == UInt8(ascii: ",") {
                throw Failure(offset: pos, message: "an empty entry in a \(kind) (two commas, or a comma first)")
            }
            try refuseUnsupported()
            let key = try flowNode(blockIndent: blockIndent, start: start, kind: kind)
            let keyLine = line
            try skipFlowSpace(blockIndent: blockIndent, start: start, kind: kind)
            if !isMapping, line != keyLine, byte() == UInt8(ascii: ":") {
                throw Failure(offset: pos, message: "the ':' of a key in a flow sequence must be on the key's line")
            }
            let jsonLike = key.isFlow || key.isQuoted
            var value: YAMLNode?
            if byte() == UInt8(ascii: ":"), jsonLike || isSpaceOrEnd(byte(1)) || [UInt8(ascii: ","), close].contains(byte(1) ?? 0) {
                pos += 1
                try skipFlowSpace(blockIndent: blockIndent, start: start, kind: kind)
                value = byte() == UInt8(ascii: ",") || byte() == close ? emptyNode(at: pos) : try flowNode(blockIndent: blockIndent, start: start, kind: kind)
            }
            if isMapping || value != nil {
                if key.isFlow {
                    throw Failure(offset: key.start, message: "a flow collection as a mapping key (a complex key) is not supported by ReportKit's YAML subset")
                }
                let pair = YAMLPair(key: key, value: value ?? emptyNode(at: key.end))
                if isMapping {
                    guard seen.insert(key.scalarText).inserted else {
                        throw Failure(offset: key.start, message: "duplicate key '\(key.scalarText)' in a flow mapping")
                    }
                    pairs.append(pair)
                } else {
                    entries.append(YAMLNode(content: .mapping([pair]), start: key.start, end: pair.value.end, location: key.location, isFlow: true))
                }
            } else {
                entries.append(key)
            }
            try skipFlowSpace(blockIndent: blockIndent, start: start, kind: kind)
            if byte() == UInt8(ascii: ",") { pos += 1; continue }
            if byte() == close { pos += 1; break }
            throw Failure(offset: pos, message: "expected ',' or '\(Character(UnicodeScalar(close)))' in a \(kind), found \(describeHere())")
        }
        let content: YAMLNode.Content = isMapping ? .mapping(pairs) : .sequence(entries)
        return YAMLNode(content: content, start: start, end: pos, location: startLocation, isFlow: true)
    }

    /// An entry of a flow collection: a nested collection or a scalar.
    private mutating func flowNode(blockIndent: Int, start: Int, kind: String) throws(Failure) -> YAMLNode {
        try refuseUnsupported()
        switch byte() {
        case UInt8(ascii: "["), UInt8(ascii: "{"): return try flowCollection(blockIndent: blockIndent)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try scalar(blockIndent: blockIndent, inFlow: true)
        case nil: throw Failure(offset: start, message: "unterminated \(kind)")
        default:
            let node = try plainScalar(blockIndent: blockIndent, inFlow: true, singleLine: false)
            if node.start == node.end, byte() != UInt8(ascii: ":") {
                throw Failure(offset: pos, message: "unexpected \(describeHere()) in a \(kind)")
            }
            return node
        }
    }

    /// Blanks, comments and breaks inside a flow collection; lines must stay indented.
    private mutating func skipFlowSpace(blockIndent: Int, start: Int, kind: String) throws(Failure) {
        let before = line
        try skipToContent(inFlow: true)
        if atEnd { throw Failure(offset: start, message: "unterminated \(kind): the closing bracket is missing") }
        if line != before {
            if atDocumentMarker() { throw Failure(offset: pos, message: "a document marker inside a \(kind): the closing bracket is missing") }
            var indent = 0
            while bytes[lineStart + indent] == 0x20 { indent += 1 }
            if indent <= blockIndent {
                throw Failure(offset: pos, message: "this line of a \(kind) must be indented more than \(blockIndent) spaces")
            }
        }
    }
}

extension YAMLNode {
    /// A single- or double-quoted scalar.
    var isQuoted: Bool {
        if case .scalar(let scalar) = content { return scalar.style == .singleQuoted || scalar.style == .doubleQuoted }
        return false
    }
}
