import ReportKit

extension RegistryParser {
    /// The keys every report takes.
    static let commonKeys = ["name", "kind", "request"]

    /// The keys a built-in kind takes besides the common ones.
    static func keys(of kind: ReportKind) -> [String] {
        switch kind {
        case .tableSummary: return ["tables", "ignore_columns", "value_counts", "change_report"]
        case .changeReport: return ["tables", "ignore_columns", "value_counts"]
        case .sql: return ["source", "query"]
        case .checks: return ["checks", "data"]
        case .requests, .custom: return []
        }
    }

    /// The keys `kind` requires besides `name` and `kind`.
    static func requiredKeys(of kind: ReportKind) -> [String] {
        switch kind {
        case .tableSummary, .changeReport: return ["tables"]
        case .sql: return ["source", "query"]
        case .checks: return ["checks", "data"]
        case .requests, .custom: return []
        }
    }

    /// `reports: [entry…]` at the top.
    ///
    ///     registry := { reports: [ entry, … ] }     (at least one entry)
    mutating func registry(_ root: RegistryNode) -> [ReportEntry] {
        let path = FieldPath.root
        guard let top = members(root, path, allowed: ["reports"], required: ["reports"], what: "a mapping with 'reports:'"),
            let list = top["reports"]
        else { return [] }
        guard case .sequence(let nodes) = list.content else {
            fail(list, path.key("reports"), "expected a list of reports, found \(list.kindDescription)")
            return []
        }
        if nodes.isEmpty { fail(list, path.key("reports"), "the list of reports is empty") }
        var entries: [ReportEntry] = []
        var names: [String: RegistryNode] = [:]
        var folders: [String: (name: String, node: RegistryNode)] = [:]
        for (index, node) in nodes.enumerated() {
            let entryPath = path.key("reports").index(index)
            guard let (entry, nameNode) = self.entry(node, entryPath) else { continue }
            if let first = names[entry.name] {
                fail(nameNode, entryPath.key("name"), "duplicate report name '\(entry.name)' (first at line \(first.location.line))")
                continue
            }
            names[entry.name] = nameNode
            if let other = folders[entry.folder.collisionKey] {
                fail(nameNode, entryPath.key("name"), "the folder '\(entry.folder)' is also the folder of '\(other.name)' (line \(other.node.location.line)); folders compare ignoring case")
                continue
            }
            folders[entry.folder.collisionKey] = (entry.name, nameNode)
            entries.append(entry)
        }
        return entries
    }

    /// One report.
    ///
    ///     entry := { name: TEXT, kind: KIND, request?: request, …the kind's keys }
    mutating func entry(_ node: RegistryNode, _ path: FieldPath) -> (ReportEntry, RegistryNode)? {
        guard case .mapping(let list) = node.content else {
            fail(node, path, "expected a report (a mapping with name and kind), found \(node.kindDescription)")
            return nil
        }
        let kindNode = list.first { $0.key == "kind" }?.value
        var kind: ReportKind?
        if let kindNode, let word = text(kindNode, path.key("kind")) {
            kind = ReportKind(name: word, customKinds: customKinds)
            if kind == nil {
                let known = ReportKind.builtIn.map(\.name) + customKinds.sorted()
                fail(kindNode, path.key("kind"), "unknown kind '\(word)'\(NearestWord.clause(for: word, in: known)) (known: \(known.joined(separator: ", ")))")
            }
        }
        let found: [String: RegistryNode]
        if let kind {
            if case .custom = kind {
                found = Dictionary(list.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
                for key in ["name", "kind"] where found[key] == nil { fail(node, path, "missing required key '\(key)'") }
            } else {
                let allowed = Self.commonKeys + Self.keys(of: kind)
                var elsewhere: [String: String] = [:]
                for other in ReportKind.builtIn where other != kind {
                    for key in Self.keys(of: other) where !allowed.contains(key) && elsewhere[key] == nil {
                        elsewhere[key] = "kind \(other.name), not \(kind.name)"
                    }
                }
                guard let checked = members(node, path, allowed: allowed, required: ["name", "kind"] + Self.requiredKeys(of: kind), elsewhere: elsewhere) else { return nil }
                found = checked
            }
        } else {
            // Unknown or missing kind: still read the name and request, for their own problems.
            if kindNode == nil { fail(node, path, "missing required key 'kind'") }
            found = Dictionary(list.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            if found["name"] == nil { fail(node, path, "missing required key 'name'") }
        }

        var name: String?
        var folder: ReportFolder?
        if let nameNode = found["name"], let text = text(nameNode, path.key("name")) {
            if text.trimmingSpaces.count != text.count {
                fail(nameNode, path.key("name"), "the name '\(text)' starts or ends with white space")
            } else {
                name = text
                do throws(ReportFolder.Refusal) {
                    folder = try ReportFolder(reportName: text)
                } catch {
                    fail(nameNode, path.key("name"), error.description)
                }
            }
        }
        var request: ReportRequest?
        if let requestNode = found["request"] {
            request = self.request(requestNode, path.key("request"))
        } else {
            warn(node, path, "no request metadata: say who asked (request: stakeholder, contact), the data source and the day it was requested")
        }
        guard let kind, let options = options(of: kind, found, node: node, path) else { return nil }
        guard let name, let folder, let nameNode = found["name"] else { return nil }
        if found["request"] != nil, request == nil { return nil }
        return (ReportEntry(name: name, folder: folder, kind: kind, options: options, request: request, location: node.location), nameNode)
    }

    /// The kind's own fields.
    mutating func options(of kind: ReportKind, _ found: [String: RegistryNode], node: RegistryNode, _ path: FieldPath) -> ReportOptions? {
        switch kind {
        case .tableSummary, .changeReport:
            return tableSummary(found, path, kind: kind).map(ReportOptions.tableSummary)
        case .sql:
            guard let sourceNode = found["source"], let queryNode = found["query"] else { return nil }
            let source = value(sourceNode, path.key("source")) { text throws(RegistryProblem) in try DataSource(text) }
            let query = text(queryNode, path.key("query"))
            guard let source, let query else { return nil }
            guard source.isDatabase else {
                fail(sourceNode, path.key("source"), "a sql report's source is a database (sqlite://PATH or postgres://…), not '\(source)'")
                return nil
            }
            return .sql(SQLReportOptions(source: source, query: query))
        case .checks:
            guard let checksNode = found["checks"], let dataNode = found["data"] else { return nil }
            let checks = value(checksNode, path.key("checks")) { text throws(RegistryProblem) in try RelativePath(text) }
            let data = tables(dataNode, path.key("data"))
            guard let checks, let data else { return nil }
            return .checks(ChecksOptions(checks: checks, data: data))
        case .requests:
            return .requests
        case .custom:
            var raw = found
            for key in Self.commonKeys { raw[key] = nil }
            guard case .mapping(let list) = node.content else { return nil }
            let members = list.filter { raw[$0.key] != nil }.map { JSONObject.Member(key: $0.key, value: $0.value.value) }
            return .custom(.object(JSONObject(uniqueMembers: members)))
        }
    }

    /// A table summary's fields.
    mutating func tableSummary(_ found: [String: RegistryNode], _ path: FieldPath, kind: ReportKind) -> TableSummaryOptions? {
        guard let tablesNode = found["tables"] else { return nil }
        let tables = tables(tablesNode, path.key("tables"))
        var ok = tables != nil
        var options = TableSummaryOptions(tables: tables ?? [], changeReport: kind == .changeReport)
        if let node = found["ignore_columns"] {
            if let columns = textList(node, path.key("ignore_columns")) { options.ignoreColumns = columns } else { ok = false }
        }
        if let node = found["value_counts"] {
            let countsPath = path.key("value_counts")
            if let counts = members(node, countsPath, allowed: ["exclude"]), let exclude = counts["exclude"] {
                if let patterns = textList(exclude, countsPath.key("exclude")) {
                    options.valueCountExclusions = patterns.compactMap { try? ColumnGlob($0) }
                } else { ok = false }
            } else if !(node.isMapping) { ok = false }
        }
        if let node = found["change_report"] {
            if let value = bool(node, path.key("change_report")) { options.changeReport = value } else { ok = false }
        }
        return ok ? options : nil
    }
}

extension RegistryNode {
    var isMapping: Bool {
        if case .mapping = content { return true }
        return false
    }
}
