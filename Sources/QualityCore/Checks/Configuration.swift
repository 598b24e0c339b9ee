import ReportKit

/// The mapping under a check line, looked up by key; it also knows which keys each kind of
/// check takes, so an unknown key (`missing value:` for `missing values:`) is an error.
struct Configuration {
    let pairs: [YAMLPair]

    subscript(key: String) -> YAMLNode? {
        pairs.first { $0.key.scalarText == key }?.value
    }

    /// The keys of ``ColumnRules``.
    static let ruleKeys = [
        "missing values", "missing regex", "valid values", "invalid values", "valid regex", "invalid regex",
        "valid min", "valid max", "valid length", "valid min length", "valid max length", "valid format", "invalid format",
    ]

    static func known(for kind: CheckKind) -> [String] {
        switch kind {
        case .metric(let check): return ["name", "warn", "fail"] + (check.metric.kind == .rowCount ? [] : ruleKeys)
        case .change(let check): return ["name", "warn", "fail"] + (check.metric.kind == .rowCount ? [] : ruleKeys)
        case .freshness, .schema: return ["name", "warn", "fail"]
        case .reference, .rowCountSame: return ["name"]
        }
    }

    /// The first pair whose key `kind` does not take.
    func unused(by kind: CheckKind) -> YAMLPair? {
        let known = Set(Self.known(for: kind))
        return pairs.first { !known.contains($0.key.scalarText ?? "") }
    }
}
