/// One check of a checks file: where it is, what it is written as, and what it tests.
public struct Check: Sendable, Hashable {
    /// The dataset of its `checks for DATASET:` block.
    public var dataset: String
    /// The check line as written (after `${VAR}` substitution): `row_count > 0`.
    public var text: String
    /// Its 1-based line and column in the checks file.
    public var line: Int
    public var column: Int
    /// The `name:` configuration, if any.
    public var name: String?
    public var kind: CheckKind

    public init(dataset: String, text: String, line: Int, column: Int, name: String?, kind: CheckKind) {
        self.dataset = dataset
        self.text = text
        self.line = line
        self.column = column
        self.name = name
        self.kind = kind
    }
}

/// What a check tests.
public enum CheckKind: Sendable, Hashable {
    /// A metric against a threshold or warn/fail zones: `missing_count(email) = 0`.
    case metric(MetricCheck)
    /// `freshness(c) < 1d`.
    case freshness(FreshnessCheck)
    /// `schema:` with its `when …` rules.
    case schema(SchemaCheck)
    /// `values in (c, …) must [not] exist in OTHER (c, …)`.
    case reference(ReferenceCheck)
    /// `row_count same as OTHER`: passes only when both have as many rows.
    case rowCountSame(other: String)
    /// `change [percent] [avg last N] for METRIC …`: the metric against earlier runs.
    case change(ChangeCheck)

    /// The other dataset a check reads, for references and `same as`.
    var otherDataset: String? {
        switch self {
        case .reference(let reference): return reference.target
        case .rowCountSame(let other): return other
        default: return nil
        }
    }
}

/// A metric with the rule that judges its value.
public struct MetricCheck: Sendable, Hashable {
    public var metric: Metric
    public var rule: CheckRule

    public init(metric: Metric, rule: CheckRule) {
        self.metric = metric
        self.rule = rule
    }
}

/// Whether `change for …` compares with the previous value, in percent of it, or with the
/// average of the last N.
public enum ChangeKind: Sendable, Hashable {
    /// current − previous.
    case difference
    /// (current − previous) / previous · 100, rounded as percents are.
    case percent
    /// current − the average of the last `runs` earlier values (fewer when fewer exist).
    case averageOfLast(runs: Int)
}

/// `change … for METRIC`: the metric is measured as usual, then compared with history.
public struct ChangeCheck: Sendable, Hashable {
    public var change: ChangeKind
    public var metric: Metric
    public var rule: CheckRule

    public init(change: ChangeKind, metric: Metric, rule: CheckRule) {
        self.change = change
        self.metric = metric
        self.rule = rule
    }
}

/// `values in (c, …) must exist in OTHER (c, …)` or `must not exist`.
public struct ReferenceCheck: Sendable, Hashable {
    public var columns: [String]
    public var target: String
    public var targetColumns: [String]
    /// `true` for `must exist`, `false` for `must not exist`.
    public var mustExist: Bool

    public init(columns: [String], target: String, targetColumns: [String], mustExist: Bool) {
        self.columns = columns
        self.target = target
        self.targetColumns = targetColumns
        self.mustExist = mustExist
    }
}
