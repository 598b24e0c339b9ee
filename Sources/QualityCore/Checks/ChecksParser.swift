import ReportKit

/// Reads a SodaCL checks file into ``Check`` values.
///
/// Grammar (YAML, after `${VAR}` substitution):
///
///     file   := { "checks for DATASET" : [ item, … ] }
///     item   := LINE | { LINE : config }
///     config := { name: TEXT, warn: …, fail: …, missing values: […], valid …: …, … }
///
/// `LINE` is read by ``ChecksParser/checkKind(_:config:at:)``. Every error is a ``ParseError``
/// with stage `checks`, the file, line and column (inside the check line where the problem
/// is), and a message that quotes the check.
struct ChecksParser {
    let path: String
    let variables: [String: String]
    let original: String
    /// The text after substitution, split in lines for error displays.
    private(set) var lines: [Substring] = []
    private(set) var text = ""

    init(text: String, path: String, variables: [String: String]) {
        self.original = text
        self.path = path
        self.variables = variables
    }

    mutating func file() throws(ParseError) -> ChecksFile {
        text = try substituted()
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let root: YAMLNode
        do throws(ParseError) {
            root = try YAML.parse(text)
        } catch {
            throw error.inFile(path)
        }
        var checks: [Check] = []
        switch root.content {
        case .scalar(let scalar) where scalar.text.isEmpty && scalar.style == .plain:
            break
        case .mapping(let pairs):
            for pair in pairs {
                let key = try scalarText(pair.key, what: "a top-level key")
                let words = key.split(separator: " ", omittingEmptySubsequences: true)
                guard words.count == 3, words[0] == "checks", words[1] == "for" else {
                    throw problem(pair.key, "'\(key)' is not a 'checks for DATASET' block (the subset has no other top-level keys)")
                }
                let dataset = String(words[2])
                guard case .sequence(let items) = pair.value.content else {
                    if case .scalar(let scalar) = pair.value.content, scalar.text.isEmpty { continue }
                    throw problem(pair.value, "'\(key)' needs a list of checks ('- row_count > 0')")
                }
                for item in items { checks.append(try check(item, dataset: dataset)) }
            }
        default:
            throw problem(root, "a checks file is a mapping of 'checks for DATASET:' blocks")
        }
        return ChecksFile(path: path, checks: checks)
    }

    /// One list item: a check line alone, or a one-key mapping of the line to its configuration.
    private func check(_ item: YAMLNode, dataset: String) throws(ParseError) -> Check {
        let lineNode: YAMLNode
        var config: [YAMLPair] = []
        switch item.content {
        case .scalar:
            lineNode = item
        case .mapping(let pairs):
            guard pairs.count == 1 else {
                throw problem(item, "a check is one line, optionally followed by ':' and its configuration; this item has \(pairs.count) keys (is the configuration indented under the check?)")
            }
            lineNode = pairs[0].key
            switch pairs[0].value.content {
            case .mapping(let entries): config = entries
            case .scalar(let scalar) where scalar.text.isEmpty: break
            default: throw problem(pairs[0].value, "the configuration of '\(pairs[0].key.scalarText ?? "")' must be a mapping ('name: …', 'warn: when > 5')")
            }
        case .sequence:
            throw problem(item, "a check is a line of text, not a list")
        }
        let line = try scalarText(lineNode, what: "a check")
        let configuration = Configuration(pairs: config)
        let kind: CheckKind
        do throws(LineProblem) {
            kind = try checkKind(line, config: configuration, at: lineNode)
        } catch {
            throw problem(error.node ?? lineNode, "check '\(line)': \(error.message)", offset: error.offset)
        }
        if let unused = configuration.unused(by: kind) {
            throw problem(unused.key, "check '\(line)': unknown configuration '\(unused.key.scalarText ?? "")' (known here: \(Configuration.known(for: kind).joined(separator: ", ")))")
        }
        var name: String?
        if let node = configuration["name"] { name = try scalarText(node, what: "a name") }
        return Check(dataset: dataset, text: line, line: lineNode.location.line, column: lineNode.location.column, name: name, kind: kind)
    }

    /// The text of a scalar node; another node is an error naming `what` was expected.
    func scalarText(_ node: YAMLNode, what: String) throws(ParseError) -> String {
        guard let text = node.scalarText else { throw problem(node, "expected \(what) as text, found a \(node.isMapping ? "mapping" : "list")") }
        return text
    }

    /// A located error: `node`'s place, moved `offset` scalars right when the node is a
    /// plain scalar on one line (so it points into the check line).
    func problem(_ node: YAMLNode, _ message: String, offset: Int = 0) -> ParseError {
        var location = node.location
        if offset > 0, case .scalar(let scalar) = node.content, scalar.style == .plain, !scalar.text.contains("\n") {
            location.column += offset
        }
        let sourceLine = location.line <= lines.count ? String(lines[location.line - 1]) : nil
        return ParseError(file: path, location: location, stage: "checks", message: message, sourceLine: sourceLine)
    }

    /// `${NAME}` replaced by its variable; an unknown name is an error at its place.
    private func substituted() throws(ParseError) -> String {
        guard original.contains("${") else { return original }
        var out = ""
        var rest = Substring(original)
        while let start = rest.range(of: "${") {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: "}") else {
                out += rest[start.lowerBound...]
                rest = ""
                break
            }
            let name = rest[start.upperBound..<close].trimmingSpaces
            guard let value = variables[String(name)] else {
                let before = original[..<start.lowerBound]
                let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: "\n").map { original.index(after: $0) } ?? original.startIndex
                let column = original.unicodeScalars[lineStart..<start.lowerBound].count + 1
                let lineEnd = original[lineStart...].firstIndex(of: "\n") ?? original.endIndex
                let known = variables.keys.sorted().joined(separator: ", ")
                throw ParseError(
                    file: path, location: SourceLocation(line: line, column: column), stage: "checks",
                    message: "unknown variable '${\(name)}' (give it with --var \(name)=VALUE; known: \(known.isEmpty ? "none" : known))",
                    sourceLine: String(original[lineStart..<lineEnd]))
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// A problem inside a check line: where (scalars from the line's start, or another node) and what.
struct LineProblem: Error {
    var offset: Int
    var message: String
    var node: YAMLNode?

    init(_ message: String, at offset: Int = 0, node: YAMLNode? = nil) {
        self.offset = offset
        self.message = message
        self.node = node
    }
}

extension YAMLNode {
    /// The text of a scalar, `nil` for a collection.
    var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }

    var isMapping: Bool {
        if case .mapping = content { return true }
        return false
    }
}

extension StringProtocol {
    var trimmingSpaces: Substring {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return Substring(slice)
    }
}
