/// Block rules: a node in block context, block mappings and block sequences.
extension YAMLParser {
    /// Where a block node sits, which decides what may start on the indicator's line.
    enum BlockContext {
        /// The root of a document (after `---` only scalars and flow collections may follow).
        case document
        /// After `- `: compact nested sequences and mappings are allowed on the same line.
        case sequenceEntry
        /// After `key:`: only scalars and flow collections on the same line.
        case mappingValue
    }

    /// A node in block context whose parent is indented `parentIndent` (-1 for a root).
    ///
    /// `inline` says the cursor is just after an indicator (`---`, `- `, `key:`), so the node
    /// may start on the same line. An absent node is an empty plain scalar at the cursor,
    /// and nothing is consumed.
    mutating func blockNode(parentIndent: Int, inline: Bool, context: BlockContext) throws(Failure) -> YAMLNode {
        let origin = (pos: pos, lineStart: lineStart, line: line)
        let startLine = line
        try skipToContent()
        let sameLine = line == startLine && inline
        func empty() -> YAMLNode {
            (pos, lineStart, line) = origin
            return emptyNode(at: origin.pos)
        }
        if atEnd || atDocumentMarker() { return empty() }
        let indent = column
        let tabSeparated = sameLine && bytes[origin.pos..<pos].contains(0x09)
        let isSequenceIndicator = byte() == UInt8(ascii: "-") && isSpaceOrEnd(byte(1))
        if !sameLine {
            let sequenceAtKeyIndent = context == .mappingValue && indent == parentIndent && isSequenceIndicator
            if indent <= parentIndent, !sequenceAtKeyIndent { return empty() }
        }

        switch byte() {
        case UInt8(ascii: "-") where isSequenceIndicator:
            if sameLine, context != .sequenceEntry {
                throw Failure(offset: pos, message: "a block sequence cannot start on the same line as its \(context == .document ? "'---'" : "key"); start it on the next line")
            }
            if tabSeparated { throw Failure(offset: pos, message: "a tab cannot separate a compact sequence from its '-'; use spaces") }
            return try blockSequence(indent: indent)
        case UInt8(ascii: "|"):
            return try literalScalar(parentIndent: parentIndent)
        default:
            try refuseUnsupported()
        }

        // A scalar or a flow collection: alone, or the first key of a block mapping.
        let saved = (pos: pos, lineStart: lineStart, line: line)
        if try implicitKeyFollows() {
            if sameLine, context != .sequenceEntry {
                throw Failure(offset: saved.pos, message: "a mapping cannot start on the same line as its \(context == .document ? "'---'" : "key: put it on the next line, indented"); 'a: b: c' needs quotes or nesting")
            }
            (pos, lineStart, line) = saved
            if tabSeparated { throw Failure(offset: pos, message: "a tab cannot separate a compact mapping from its '-'; use spaces") }
            return try blockMapping(indent: indent)
        }
        (pos, lineStart, line) = saved
        let node: YAMLNode
        if byte() == UInt8(ascii: "[") || byte() == UInt8(ascii: "{") {
            node = try flowCollection(blockIndent: parentIndent)
        } else {
            node = try scalar(blockIndent: parentIndent, inFlow: false)
        }
        skipBlanks()
        if byte() == UInt8(ascii: ":"), isSpaceOrEnd(byte(1)) {
            throw Failure(offset: pos, message: "a mapping value is not allowed here: check the indentation, or quote a value that holds ': '")
        }
        try expectLineEnd(after: "the value")
        return node
    }

    /// Refuses the YAML features outside the subset, naming them.
    mutating func refuseUnsupported() throws(Failure) {
        let feature: String?
        switch byte() {
        case UInt8(ascii: "&"): feature = "anchors (&name)"
        case UInt8(ascii: "*"): feature = "aliases (*name)"
        case UInt8(ascii: "!"): feature = "tags (!tag)"
        case UInt8(ascii: ">"): feature = "folded block scalars (>); use a literal block (|)"
        case UInt8(ascii: "?") where isSpaceOrEnd(byte(1)): feature = "complex mapping keys (? key)"
        case UInt8(ascii: "%") where pos == lineStart: feature = "directives (%YAML, %TAG)"
        default: feature = nil
        }
        if let feature { throw Failure(offset: pos, message: "\(feature) are not supported by ReportKit's YAML subset") }
        if byte() == UInt8(ascii: "@") || byte() == UInt8(ascii: "`") {
            throw Failure(offset: pos, message: "\(describeHere()) is reserved and cannot start a plain scalar; quote the value")
        }
    }

    /// Reads a would-be key at the cursor and reports whether `:` follows it on its line.
    /// Leaves the cursor anywhere; the caller restores it.
    mutating func implicitKeyFollows() throws(Failure) -> Bool {
        let keyLine = line
        switch byte() {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            guard (try? flowCollection(blockIndent: -1)) != nil else { return false }
            skipBlanks()
            if line == keyLine, byte() == UInt8(ascii: ":"), isSpaceOrEnd(byte(1)) {
                throw Failure(offset: pos, message: "a flow collection as a mapping key (a complex key) is not supported by ReportKit's YAML subset")
            }
            return false
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard (try? scalar(blockIndent: -1, inFlow: false)) != nil else { return false }
        default:
            _ = try plainScalar(blockIndent: -1, inFlow: false, singleLine: true)
        }
        skipBlanks()
        return line == keyLine && byte() == UInt8(ascii: ":") && isSpaceOrEnd(byte(1))
    }

    /// `block-mapping(n) = { key ':' value }`, every key at indentation `indent`.
    mutating func blockMapping(indent: Int) throws(Failure) -> YAMLNode {
        let start = pos
        try enterCollection(at: pos)
        defer { leaveCollection() }
        let startLocation = location(of: pos)
        var pairs: [YAMLPair] = []
        var seen: [String: Int] = [:]
        while true {
            try refuseUnsupported()
            if byte() == UInt8(ascii: "-"), isSpaceOrEnd(byte(1)) {
                throw Failure(offset: pos, message: "expected a mapping key at this indentation, found a sequence entry '-'")
            }
            let keyLine = line
            let key: YAMLNode
            if byte() == UInt8(ascii: "\"") || byte() == UInt8(ascii: "'") {
                key = try scalar(blockIndent: indent, inFlow: false)
                guard line == keyLine else { throw Failure(offset: key.start, message: "a mapping key must fit on one line") }
            } else if byte() == UInt8(ascii: "[") || byte() == UInt8(ascii: "{") {
                throw Failure(offset: pos, message: "a flow collection as a mapping key (a complex key) is not supported by ReportKit's YAML subset")
            } else {
                key = try plainScalar(blockIndent: indent, inFlow: false, singleLine: true)
            }
            skipBlanks()
            if key.start == key.end, byte() == UInt8(ascii: ":") {
                throw Failure(offset: pos, message: "an empty mapping key is not supported by ReportKit's YAML subset")
            }
            guard byte() == UInt8(ascii: ":"), isSpaceOrEnd(byte(1)) else {
                let what = key.start == key.end ? describeHere() : "'\(key.scalarText)'"
                throw Failure(offset: key.start == key.end ? pos : key.start, message: "expected 'key: value' in this mapping, found \(what) without ':' (check the indentation)")
            }
            pos += 1
            let text = key.scalarText
            if let earlier = seen[text] {
                throw Failure(offset: key.start, message: "duplicate key '\(text)' in a mapping (first on line \(earlier))")
            }
            seen[text] = key.location.line
            let value = try blockNode(parentIndent: indent, inline: true, context: .mappingValue)
            pairs.append(YAMLPair(key: key, value: value))
            guard try nextEntry(indent: indent, sequence: false) else { break }
        }
        let end = pairs.last.map { max($0.value.end, $0.key.end + 1) } ?? start
        return YAMLNode(content: .mapping(pairs), start: start, end: end, location: startLocation, isFlow: false)
    }

    /// `block-sequence(n) = { '-' entry }`, every `-` at indentation `indent`.
    mutating func blockSequence(indent: Int) throws(Failure) -> YAMLNode {
        let start = pos
        try enterCollection(at: pos)
        defer { leaveCollection() }
        let startLocation = location(of: pos)
        var entries: [YAMLNode] = []
        var lastEnd = pos
        while true {
            guard byte() == UInt8(ascii: "-"), isSpaceOrEnd(byte(1)) else {
                throw Failure(offset: pos, message: "expected a sequence entry '- ' at this indentation, found \(describeHere())")
            }
            pos += 1
            let dashEnd = pos
            let entry = try blockNode(parentIndent: indent, inline: true, context: .sequenceEntry)
            entries.append(entry)
            lastEnd = max(entry.end, dashEnd)
            guard try nextEntry(indent: indent, sequence: true) else { break }
        }
        return YAMLNode(content: .sequence(entries), start: start, end: lastEnd, location: startLocation, isFlow: false)
    }

    /// Moves to the next entry of a block collection at `indent`: `true` when there is one
    /// (cursor on it), `false` when the collection ended (cursor where it was).
    private mutating func nextEntry(indent: Int, sequence: Bool) throws(Failure) -> Bool {
        let saved = (pos: pos, lineStart: lineStart, line: line)
        let entryLine = line
        try skipToContent()
        if atEnd || atDocumentMarker() || line == entryLine {
            if !atEnd, line == entryLine, !atDocumentMarker() {
                throw Failure(offset: pos, message: "unexpected \(describeHere()) after the value")
            }
            (pos, lineStart, line) = saved
            return false
        }
        if column == indent {
            let isDash = byte() == UInt8(ascii: "-") && isSpaceOrEnd(byte(1))
            if sequence, !isDash {
                (pos, lineStart, line) = saved
                return false  // a mapping at this indentation holds the sequence; it goes on
            }
            return true
        }
        if column > indent {
            throw Failure(offset: pos, message: "bad indentation: this line is indented more than the \(sequence ? "sequence entries" : "mapping keys") above it (\(indent) spaces)")
        }
        (pos, lineStart, line) = saved
        return false
    }
}

extension YAMLNode {
    /// A scalar's text; empty for collections.
    var scalarText: String {
        if case .scalar(let scalar) = content { return scalar.text }
        return ""
    }
}
