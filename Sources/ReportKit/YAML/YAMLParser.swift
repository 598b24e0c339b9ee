/// The YAML subset's parser: a cursor over the bytes, and the stream and document rules.
/// Block, scalar and flow rules are in the files beside this one.
///
/// Offsets are UTF-8 byte offsets; an indentation is a count of leading spaces.
struct YAMLParser {
    typealias Failure = TextFailure

    let bytes: [UInt8]
    /// The cursor.
    var pos = 0
    /// The offset where the cursor's line starts.
    var lineStart = 0
    /// The cursor's 1-based line.
    var line = 1
    /// How many collections are open around the cursor.
    var depth = 0
    /// The last location computed: `location(of:)` counts from it rather than from the line
    /// start, so that the locations of a long line cost time linear in its length.
    private var columnMark = (lineStart: -1, offset: 0, column: 1)

    /// The deepest nesting of collections accepted, as for JSON (``JSONReader/maximumDepth``).
    static let maximumDepth = JSONReader.maximumDepth

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3; lineStart = 3 }
    }

    // MARK: - Cursor

    var atEnd: Bool { pos >= bytes.count }
    func byte(_ offset: Int = 0) -> UInt8? { pos + offset < bytes.count ? bytes[pos + offset] : nil }
    /// The cursor's column as a count of bytes from the line start (spaces, for indentation).
    var column: Int { pos - lineStart }

    func isBreak(_ byte: UInt8?) -> Bool { byte == 0x0A || byte == 0x0D }
    func isBlank(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }
    /// A space, tab, line break or the end.
    func isSpaceOrEnd(_ byte: UInt8?) -> Bool { byte == nil || isBlank(byte) || isBreak(byte) }

    /// The location of `offset`, which must be on the cursor's line. Columns count scalars
    /// (UTF-8 lead bytes) from the line start; the count starts from the last location asked
    /// for on the same line, in either direction, so the cost follows the cursor's movement.
    mutating func location(of offset: Int) -> SourceLocation {
        guard offset > lineStart else { return SourceLocation(line: line, column: 1) }
        var column: Int
        var index: Int
        if columnMark.lineStart == lineStart, abs(columnMark.offset - offset) < offset - lineStart {
            column = columnMark.column
            index = columnMark.offset
        } else {
            column = 1
            index = lineStart
        }
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        while index > offset {
            index -= 1
            if bytes[index] & 0xC0 != 0x80 { column -= 1 }
        }
        columnMark = (lineStart, offset, column)
        return SourceLocation(line: line, column: column)
    }

    /// Opens a collection starting at `offset`, refusing nesting deeper than
    /// ``maximumDepth`` (the stack would overflow long before a real file needs it). Pair with
    /// ``leaveCollection()``.
    mutating func enterCollection(at offset: Int) throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            depth -= 1
            throw Failure(offset: offset, message: "nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    mutating func leaveCollection() {
        depth -= 1
    }

    /// Steps over one line break (LF, CR LF or CR).
    mutating func consumeBreak() {
        if byte() == 0x0D { pos += 1 }
        if byte() == 0x0A { pos += 1 }
        lineStart = pos
        line += 1
    }

    mutating func skipBlanks() {
        while isBlank(byte()) { pos += 1 }
    }

    /// Skips blanks and a comment to the end of the line (not the break). A `#` counts as a
    /// comment only after a blank or at the start of a line.
    mutating func skipToLineEnd() {
        skipBlanks()
        if byte() == UInt8(ascii: "#"), pos == lineStart || isBlank(bytes[pos - 1]) {
            while let byte = byte(), !isBreak(byte) { pos += 1 }
        }
    }

    /// `true` when only blanks and a comment remain on the line.
    mutating func restOfLineIsEmpty() -> Bool {
        let saved = pos
        skipToLineEnd()
        let empty = atEnd || isBreak(byte())
        pos = saved
        return empty
    }

    /// Moves over blanks, comments and line breaks to the next content. Tabs may separate
    /// tokens but not indent content in block context: `inFlow` lifts that rule.
    mutating func skipToContent(inFlow: Bool = false) throws(Failure) {
        while true {
            skipToLineEnd()
            guard isBreak(byte()) else { return }
            consumeBreak()
            if byte() == 0x09, !inFlow {
                let tab = pos
                skipBlanks()
                if !isBreak(byte()), !atEnd, byte() != UInt8(ascii: "#") {
                    throw Failure(offset: tab, message: "a tab cannot indent content; use spaces")
                }
            }
        }
    }

    /// `---` or `...` at the start of a line, followed by a blank, a break or the end.
    func atDocumentMarker(_ marker: UInt8? = nil) -> Bool {
        guard pos == lineStart, pos + 2 < bytes.count || pos + 3 == bytes.count else { return false }
        let first = bytes[pos]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "."), bytes[pos + 1] == first, bytes[pos + 2] == first else { return false }
        if let marker, marker != first { return false }
        return isSpaceOrEnd(pos + 3 < bytes.count ? bytes[pos + 3] : nil)
    }

    /// What is at the cursor, for messages.
    func describeHere() -> String {
        guard let byte = byte() else { return "the end of the input" }
        if isBreak(byte) { return "the end of the line" }
        if byte >= 0x20, byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        return byte == 0x09 ? "a tab" : "a non-ASCII character"
    }

    mutating func emptyNode(at offset: Int) -> YAMLNode {
        YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain)), start: offset, end: offset, location: location(of: offset), isFlow: false)
    }

    // MARK: - Stream and documents

    /// `stream = { [directive] ( '---' document | bare document ) [ '...' ] }`.
    mutating func stream() throws(Failure) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        while true {
            try skipToContent()
            if atEnd { return documents }
            var directive = false
            while byte() == UInt8(ascii: "%"), pos == lineStart {
                guard bytes[pos...].starts(with: Array("%YAML ".utf8)) else {
                    throw Failure(offset: pos, message: "directives other than %YAML (such as %TAG) are not supported by ReportKit's YAML subset")
                }
                while let byte = byte(), !isBreak(byte) { pos += 1 }
                directive = true
                try skipToContent()
            }
            if directive, !atDocumentMarker(UInt8(ascii: "-")) {
                throw Failure(offset: pos, message: "expected '---' after the %YAML directive")
            }
            if atDocumentMarker(UInt8(ascii: ".")) {
                pos += 3
                try expectLineEnd(after: "'...'")
                continue
            }
            var explicit = false
            if atDocumentMarker(UInt8(ascii: "-")) {
                pos += 3
                explicit = true
            }
            documents.append(try blockNode(parentIndent: -1, inline: explicit, context: .document))
            try skipToContent()
            if atEnd { return documents }
            if atDocumentMarker(UInt8(ascii: ".")) {
                pos += 3
                try expectLineEnd(after: "'...'")
            } else if !atDocumentMarker(UInt8(ascii: "-")) {
                throw Failure(offset: pos, message: "expected the end of the document, found \(describeHere()) (check the indentation)")
            }
        }
    }

    /// After a marker or a node: only blanks and a comment may follow on the line.
    mutating func expectLineEnd(after what: String) throws(Failure) {
        skipToLineEnd()
        guard atEnd || isBreak(byte()) else {
            throw Failure(offset: pos, message: "unexpected \(describeHere()) after \(what)")
        }
    }
}
