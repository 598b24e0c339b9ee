import ReportKit

extension RegistryParser {
    /// Tables by name.
    ///
    ///     tables := { NAME: source, … }     (at least one)
    mutating func tables(_ node: RegistryNode, _ path: FieldPath) -> [(name: String, spec: TableSourceSpec)]? {
        guard case .mapping(let list) = node.content else {
            fail(node, path, "expected a mapping of table names to sources, found \(node.kindDescription)")
            return nil
        }
        if list.isEmpty {
            fail(node, path, "no tables")
            return nil
        }
        var tables: [(name: String, spec: TableSourceSpec)] = []
        var ok = true
        for member in list {
            let tablePath = path.key(member.key)
            if member.key.trimmingSpaces.isEmpty {
                fail(at: member.keyLocation, offset: member.keyOffset, tablePath, "a table name must not be empty")
                ok = false
            } else if let spec = source(member.value, tablePath) {
                tables.append((member.key, spec))
            } else {
                ok = false
            }
        }
        return ok ? tables : nil
    }

    /// One table's source.
    ///
    ///     source := SOURCE-TEXT | { path: SOURCE-TEXT, types?: { COLUMN: TYPE, … }, dialect?: { delimiter?: CHAR, header?: BOOL } }
    mutating func source(_ node: RegistryNode, _ path: FieldPath) -> TableSourceSpec? {
        if case .scalar = node.content {
            return sourceText(node, path).map { TableSourceSpec(source: $0, location: node.location) }
        }
        guard let found = members(node, path, allowed: ["path", "types", "dialect"], required: ["path"], what: "a source (a path or a mapping with path)"),
            let pathNode = found["path"]
        else { return nil }
        let source = sourceText(pathNode, path.key("path"))
        var ok = source != nil
        var types: [String: ColumnType] = [:]
        if let typesNode = found["types"] {
            if case .mapping(let list) = typesNode.content {
                let known = ColumnType.allCases.map(\.rawValue)
                for member in list {
                    guard let word = text(member.value, path.key("types").key(member.key)) else { ok = false; continue }
                    if let type = ColumnType(rawValue: word) {
                        types[member.key] = type
                    } else {
                        fail(member.value, path.key("types").key(member.key), "unknown type '\(word)'\(NearestWord.clause(for: word, in: known)) (known: \(known.joined(separator: ", ")))")
                        ok = false
                    }
                }
            } else {
                fail(typesNode, path.key("types"), "expected a mapping of columns to types, found \(typesNode.kindDescription)")
                ok = false
            }
        }
        var dialect: DialectSpec?
        if let dialectNode = found["dialect"] {
            dialect = self.dialect(dialectNode, path.key("dialect"))
            if dialect == nil { ok = false }
        }
        guard ok, let source else { return nil }
        if let dialectNode = found["dialect"], !source.isTextFile {
            fail(dialectNode, path.key("dialect"), "only a text file (CSV, TSV) has a dialect, not '\(source)'")
            return nil
        }
        return TableSourceSpec(source: source, types: types, dialect: dialect, location: node.location)
    }

    /// A source string made a ``DataSource``.
    mutating func sourceText(_ node: RegistryNode, _ path: FieldPath) -> DataSource? {
        value(node, path) { text throws(RegistryProblem) in try DataSource(text) }
    }

    /// A text file's dialect.
    mutating func dialect(_ node: RegistryNode, _ path: FieldPath) -> DialectSpec? {
        guard let found = members(node, path, allowed: ["delimiter", "header"]) else { return nil }
        var dialect = DialectSpec()
        var ok = true
        if let delimiterNode = found["delimiter"], let text = text(delimiterNode, path.key("delimiter"), allowEmpty: true) {
            let bytes = Array(text.utf8)
            let forbidden: Set<UInt8> = [0x0A, 0x0D, UInt8(ascii: "\"")]
            if bytes.count == 1, bytes[0] < 0x80, !forbidden.contains(bytes[0]) {
                dialect.delimiter = bytes[0]
            } else {
                fail(delimiterNode, path.key("delimiter"), "a delimiter is one ASCII character other than a quote or a line break (a tab is \"\\t\"), not '\(text)'")
                ok = false
            }
        } else if found["delimiter"] != nil {
            ok = false
        }
        if let headerNode = found["header"] {
            if let header = bool(headerNode, path.key("header")) { dialect.header = header } else { ok = false }
        }
        return ok ? dialect : nil
    }
}
