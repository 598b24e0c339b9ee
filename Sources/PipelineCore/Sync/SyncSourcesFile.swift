import ReportKit

/// A sources file (YAML, or JSON, which the YAML reader reads too) read into sources:
///
/// ```yaml
/// sources:
///   - name: bls-pr
///     kind: http-listing          # http-listing | url | directory | store
///     url: https://download.bls.gov/pub/time.series/pr/
///     into: bls/pr/
///     include: ["pr.*"]           # globs over the names below the source; all when absent
///     exclude: ["*.txt"]
///   - name: population
///     kind: url
///     url: https://datausa.io/api/data?drilldowns=Nation&measures=Population
///     into: datausa/
///     save-as: us-population.json
///   - {name: exports, kind: directory, path: /srv/exports, into: exports/}
///   - {name: mirror, kind: store, store: s3://other-bucket/data/, into: mirror/}
/// ```
///
/// Every problem is found in one pass and reported as a ``ParseError`` at its place
/// (`file:line:column`, stage `sources`), naming the field: `sources[1].kind`.
public enum SyncSourcesFile {
    static let keys = ["name", "kind", "url", "path", "store", "into", "include", "exclude", "save-as"]
    static let kinds = ["http-listing", "url", "directory", "store"]

    /// The sources in `bytes`, in file order.
    ///
    /// - Throws: ``SyncSourcesError`` with every problem found.
    public static func parse(_ bytes: [UInt8], file: String) throws(SyncSourcesError) -> [SyncSource] {
        let root: YAMLNode
        do {
            root = try YAML.parse(bytes)
        } catch {
            throw SyncSourcesError(problems: [error.inFile(file)])
        }
        var reader = Reader(bytes: bytes, file: file)
        let sources = reader.file(root)
        guard reader.problems.isEmpty else { throw SyncSourcesError(problems: reader.problems) }
        return sources
    }

    /// A walk over the document that records problems and goes on.
    struct Reader {
        let bytes: [UInt8]
        let file: String
        var problems: [ParseError] = []

        mutating func fail(_ node: YAMLNode, _ field: String, _ message: String) {
            problems.append(ParseError(file: file, location: node.location, stage: "sources", message: "\(field): \(message)", sourceLine: line(at: node.start)))
        }

        func line(at offset: Int) -> String? {
            guard !bytes.isEmpty else { return nil }
            var start = min(offset, bytes.count)
            while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            return String(decoding: bytes[start..<end].prefix(300), as: UTF8.self)
        }

        mutating func file(_ root: YAMLNode) -> [SyncSource] {
            guard case .mapping(let pairs) = root.content else {
                fail(root, "sources file", "expected a mapping with a 'sources' list")
                return []
            }
            var list: YAMLNode?
            for pair in pairs {
                let key = Self.text(pair.key) ?? ""
                if key == "sources" { list = pair.value } else { fail(pair.key, key, "unknown key (a sources file has only 'sources')") }
            }
            guard let list else {
                fail(root, "sources", "is missing")
                return []
            }
            guard case .sequence(let entries) = list.content, !entries.isEmpty else {
                fail(list, "sources", "expected a list of sources, at least one")
                return []
            }
            var sources: [SyncSource] = []
            var names: Set<String> = []
            for (index, entry) in entries.enumerated() {
                guard let source = self.source(entry, "sources[\(index)]") else { continue }
                if !names.insert(source.name).inserted {
                    fail(entry, "sources[\(index)].name", "'\(source.name)' names an earlier source too")
                    continue
                }
                sources.append(source)
            }
            return sources
        }

        mutating func source(_ node: YAMLNode, _ path: String) -> SyncSource? {
            guard case .mapping(let pairs) = node.content else {
                fail(node, path, "expected a mapping (name, kind, into, …)")
                return nil
            }
            var found: [String: YAMLNode] = [:]
            for pair in pairs {
                let key = Self.text(pair.key) ?? ""
                guard SyncSourcesFile.keys.contains(key) else {
                    fail(pair.key, "\(path).\(key)", "unknown key (known: \(SyncSourcesFile.keys.joined(separator: ", ")))")
                    continue
                }
                guard found.updateValue(pair.value, forKey: key) == nil else {
                    fail(pair.key, "\(path).\(key)", "is given twice")
                    continue
                }
            }
            var ok = true
            func required(_ key: String) -> String? {
                guard let value = found[key] else {
                    fail(node, "\(path).\(key)", "is missing")
                    ok = false
                    return nil
                }
                guard let text = Self.text(value), !text.isEmpty else {
                    fail(value, "\(path).\(key)", "expected text")
                    ok = false
                    return nil
                }
                return text
            }
            let name = required("name")
            if let name, let problem = SyncSource.nameProblem(name) {
                fail(found["name"]!, "\(path).name", "'\(name)' \(problem)")
                ok = false
            }
            let kind = required("kind")
            let intoText = required("into")
            var into = ObjectPrefix.root
            if let intoText, let valueNode = found["into"] {
                do {
                    into = try ObjectPrefix(intoText.hasSuffix("/") ? intoText : intoText + "/")
                } catch {
                    fail(valueNode, "\(path).into", "'\(intoText)' is not a store prefix: \(error.message)")
                    ok = false
                }
            }
            var origin: SyncSource.Origin?
            if let kind {
                let wants: String
                switch kind {
                case "http-listing", "url": wants = "url"
                case "directory": wants = "path"
                case "store": wants = "store"
                default:
                    fail(found["kind"]!, "\(path).kind", "expected one of \(SyncSourcesFile.kinds.joined(separator: ", ")), found '\(kind)'")
                    return nil
                }
                for other in ["url", "path", "store", "save-as"] where other != wants && found[other] != nil && !(other == "save-as" && kind == "url") {
                    fail(found[other]!, "\(path).\(other)", "does not belong to a source of kind '\(kind)'")
                    ok = false
                }
                if let location = required(wants) {
                    if wants == "url", !(location.hasPrefix("http://") || location.hasPrefix("https://")) {
                        fail(found["url"]!, "\(path).url", "expected an http:// or https:// URL, found '\(location)'")
                        ok = false
                    }
                    switch kind {
                    case "http-listing": origin = .httpListing(location)
                    case "url":
                        if let saveAs = required("save-as") {
                            if let problem = SyncName.problem(saveAs) {
                                fail(found["save-as"]!, "\(path).save-as", "'\(saveAs)': \(problem)")
                                ok = false
                            }
                            origin = .url(location, saveAs: saveAs)
                        }
                    case "directory": origin = .directory(location)
                    default: origin = .store(location)
                    }
                }
            }
            let include = globs(found["include"], "\(path).include", &ok)
            let exclude = globs(found["exclude"], "\(path).exclude", &ok)
            guard ok, let name, let origin else { return nil }
            return SyncSource(name: name, origin: origin, into: into, include: include, exclude: exclude)
        }

        mutating func globs(_ node: YAMLNode?, _ path: String, _ ok: inout Bool) -> [SyncGlob] {
            guard let node else { return [] }
            let items: [YAMLNode]
            switch node.content {
            case .sequence(let list): items = list
            case .scalar: items = [node]
            case .mapping:
                fail(node, path, "expected a glob or a list of globs")
                ok = false
                return []
            }
            var globs: [SyncGlob] = []
            for (index, item) in items.enumerated() {
                guard let text = Self.text(item), let glob = SyncGlob(text) else {
                    fail(item, "\(path)[\(index)]", "expected a non-empty glob")
                    ok = false
                    continue
                }
                globs.append(glob)
            }
            return globs
        }

        /// A scalar's text, `nil` for a collection.
        static func text(_ node: YAMLNode) -> String? {
            guard case .scalar(let scalar) = node.content else { return nil }
            return scalar.text
        }
    }
}

/// A sources file with problems: each at its place.
public struct SyncSourcesError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [ParseError]

    public init(problems: [ParseError]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension SyncSourcesError: CategorizedError {
    public var category: ErrorCategory { .badInput }
}
