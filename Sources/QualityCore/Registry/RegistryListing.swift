import ReportKit

/// What `reportcli reports check` prints: each report with its folder, kind, tables and
/// their sources, request metadata and warnings, as JSON (written with sorted keys).
///
///     {"base": "Fixtures/quality", "file": "Fixtures/quality/reports.yaml",
///      "reports": [{"name": "Table Summary", "folder": "Table_Summary", "kind": "table-summary",
///                   "line": 4, "tables": {"participant": {"source": "data/participant.csv"}}, …,
///                   "request": {…} | null, "warnings": ["…"]}],
///      "warnings": ["Fixtures/quality/reports.yaml:21:5: warning: registry: reports[1]: …"]}
///
/// Sources show as written, normalised; a PostgreSQL password shows as `***`.
public struct RegistryListing: Sendable, Hashable {
    public let registry: ReportRegistry

    public init(_ registry: ReportRegistry) {
        self.registry = registry
    }

    /// The listing as JSON.
    public var json: JSONValue {
        let reports = registry.reports.enumerated().map { index, entry in
            Self.report(entry, warnings: registry.warnings.filter { $0.field == "reports[\(index)]" || $0.field.hasPrefix("reports[\(index)].") })
        }
        return [
            "file": .string(registry.file),
            "base": .string(registry.base),
            "reports": .array(reports),
            "warnings": .array(registry.warnings.map { .string($0.summary(file: registry.file)) }),
        ]
    }

    static func report(_ entry: ReportEntry, warnings: [RegistryWarning]) -> JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(entry.name),
            "folder": .string(entry.folder.name),
            "kind": .string(entry.kind.name),
            "line": .number(Double(entry.location.line)),
            "request": entry.request?.json ?? .null,
            "warnings": .array(warnings.map { .string("\($0.location): \($0.field): \($0.message)") }),
        ]
        switch entry.options {
        case .tableSummary(let summary):
            members["tables"] = tables(summary.tables)
            members["ignore_columns"] = .array(summary.ignoreColumns.map(JSONValue.string))
            members["value_counts"] = ["exclude": .array(summary.valueCountExclusions.map { .string($0.pattern) })]
            members["change_report"] = .bool(summary.changeReport)
        case .sql(let sql):
            members["source"] = .string(sql.source.description)
            members["query"] = .string(sql.query)
        case .checks(let checks):
            members["checks"] = .string(checks.checks.text)
            members["tables"] = tables(checks.data)
        case .requests:
            break
        case .custom(let options):
            members["options"] = options
        }
        return .object(JSONObject(uniqueMembers: members.sorted { $0.key < $1.key }.map { JSONObject.Member(key: $0.key, value: $0.value) }))
    }

    static func tables(_ tables: [(name: String, spec: TableSourceSpec)]) -> JSONValue {
        var object: [JSONObject.Member] = []
        for (name, spec) in tables {
            var table: [JSONObject.Member] = [JSONObject.Member(key: "source", value: .string(spec.source.description))]
            if !spec.types.isEmpty {
                table.append(JSONObject.Member(key: "types", value: .object(JSONObject(uniqueMembers: spec.types.sorted { $0.key < $1.key }.map { JSONObject.Member(key: $0.key, value: .string($0.value.rawValue)) }))))
            }
            if let dialect = spec.dialect {
                var parts: [JSONObject.Member] = []
                if let delimiter = dialect.delimiter { parts.append(JSONObject.Member(key: "delimiter", value: .string(String(UnicodeScalar(delimiter))))) }
                if let header = dialect.header { parts.append(JSONObject.Member(key: "header", value: .bool(header))) }
                table.append(JSONObject.Member(key: "dialect", value: .object(JSONObject(uniqueMembers: parts))))
            }
            object.append(JSONObject.Member(key: name, value: .object(JSONObject(uniqueMembers: table))))
        }
        return .object(JSONObject(uniqueMembers: object))
    }
}
