/// ReportKit's YAML: a subset of YAML 1.2 that covers configuration and table files, read
/// into nodes that keep their text and their place in the file.
///
/// The subset: block mappings and sequences (with compact `- key: v` entries), plain,
/// single- and double-quoted scalars (every escape), multi-line scalars, comments, `---` and
/// `...`, literal `|` blocks (chomping and indentation indicators), and flow `[a, b]` and
/// `{a: b}` collections. Anchors, aliases, tags, directives, complex (`?`) keys and folded
/// `>` blocks are refused with an error naming the feature. As in JSON, the input must be
/// valid UTF-8, collections nest at most ``JSONReader/maximumDepth`` (512) levels deep, and a
/// number too large for a `Double` (`1e999`) is an error, not infinity. Every error is a
/// ``ParseError`` with stage `yaml`, line and column.
///
/// ```swift
/// let value = try YAML.value("items:\n  - artifact: REGION\n    version_instance: 0\n")
/// value["items"]?.arrayValue?.first?["version_instance"]   // 0 (a number)
/// ```
public enum YAML {
    /// Parses a stream of zero or one document; an empty stream is a null scalar.
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> YAMLNode {
        let documents = try parseStream(bytes)
        guard documents.count <= 1 else {
            let failure = TextFailure(offset: documents[1].start, message: "expected one document, found \(documents.count) (separated by ---)")
            throw failure.parseError(in: bytes, stage: "yaml")
        }
        return documents.first ?? YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain)), start: 0, end: 0, location: SourceLocation(line: 1, column: 1), isFlow: false)
    }

    /// Parses a stream of zero or one document from text.
    public static func parse(_ text: String) throws(ParseError) -> YAMLNode {
        try parse(Array(text.utf8))
    }

    /// Every document of a stream.
    public static func parseStream(_ bytes: [UInt8]) throws(ParseError) -> [YAMLNode] {
        var parser = YAMLParser(bytes)
        do throws(TextFailure) {
            if let invalid = UTF8Validation.firstInvalidOffset(in: bytes) {
                throw TextFailure(offset: invalid, message: "invalid UTF-8 (byte 0x\(String(bytes[invalid], radix: 16, uppercase: true)))")
            }
            return try parser.stream()
        } catch {
            throw error.parseError(in: bytes, stage: "yaml")
        }
    }

    /// Every document of a stream, from text.
    public static func parseStream(_ text: String) throws(ParseError) -> [YAMLNode] {
        try parseStream(Array(text.utf8))
    }

    /// Parses and resolves one document with the YAML 1.2 core schema.
    public static func value(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
        try parse(bytes).resolved()
    }

    /// Parses and resolves one document from text.
    public static func value(_ text: String) throws(ParseError) -> JSONValue {
        try value(Array(text.utf8))
    }
}

/// A node of a parsed YAML document: a scalar, a sequence or a mapping, with its place.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// The UTF-8 byte offset where the node's text starts: the opening quote, `[`, `{`, `|`,
    /// the first `-` of a block sequence or the first key of a block mapping.
    public var start: Int
    /// The offset just past the node's last byte (a closing quote or bracket, the last
    /// character of a scalar, the end of a block collection's last entry). An empty value
    /// has `start == end`, right after its `key:` or `-`.
    public var end: Int
    /// The line and column of ``start``.
    public var location: SourceLocation
    /// `true` for a flow collection (`[…]`, `{…}`).
    public var isFlow: Bool

    public init(content: Content, start: Int, end: Int, location: SourceLocation, isFlow: Bool) {
        self.content = content
        self.start = start
        self.end = end
        self.location = location
        self.isFlow = isFlow
    }
}

/// A scalar's text, as written once quotes, escapes and line folding are undone.
public struct YAMLScalar: Sendable, Hashable {
    /// How the scalar was written; only plain scalars are typed by the core schema.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal
    }

    public var text: String
    public var style: Style

    public init(text: String, style: Style) {
        self.text = text
        self.style = style
    }
}

/// One `key: value` entry of a mapping.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
