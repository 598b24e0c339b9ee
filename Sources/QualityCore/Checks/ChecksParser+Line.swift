import ReportKit

extension ChecksParser {
    /// `line` (and its configuration) as a check.
    ///
    ///     line       := "schema" | reference | change | freshness | metric [ "same as" NAME | comparison ]
    ///     reference  := "values in (" cols ") must" ["not"] "exist in" NAME "(" cols ")"
    ///     change     := "change" ["percent" | "avg last" N] "for" metric [comparison]
    ///     freshness  := "freshness(" col ["," VAR] ")" [("<" | "<=") DURATION]
    ///     metric     := NAME ["(" arg {"," arg} ")"]
    ///     comparison := ("=" | "!=" | "<" | "<=" | ">" | ">=") NUMBER ["%"]
    ///                 | ["not"] "between" NUMBER ["%"] "and" NUMBER ["%"]
    func checkKind(_ line: String, config: Configuration, at node: YAMLNode) throws(LineProblem) -> CheckKind {
        var cursor = LineCursor(line)
        if cursor.take("schema") {
            guard cursor.atEnd() else { throw LineProblem("'schema' takes nothing after it; its rules go under warn:/fail:", at: cursor.index) }
            return .schema(try schema(config))
        }
        if cursor.take("values") { return .reference(try reference(&cursor)) }
        let start = cursor.index
        if cursor.take("change") { return .change(try change(&cursor, config: config)) }
        if cursor.take("freshness"), cursor.take("(") { return .freshness(try freshness(&cursor, config: config)) }
        cursor.index = start
        let metric = try self.metric(&cursor, config: config)
        if metric.kind == .rowCount, cursor.take("same") {
            guard cursor.take("as") else { throw LineProblem("expected 'same as DATASET'", at: cursor.index) }
            let other = cursor.token()
            guard !other.isEmpty else { throw LineProblem("'same as' needs a dataset name", at: cursor.index) }
            guard cursor.atEnd() else { throw LineProblem("unexpected '\(cursor.rest)' after 'same as \(other)'", at: cursor.index) }
            return .rowCountSame(other: other)
        }
        return .metric(MetricCheck(metric: metric, rule: try rule(&cursor, config: config)))
    }

    /// A metric name with its arguments, and its configured rules.
    func metric(_ cursor: inout LineCursor, config: Configuration) throws(LineProblem) -> Metric {
        cursor.skipSpaces()
        let start = cursor.index
        guard let name = cursor.word() else {
            throw LineProblem("expected a metric (row_count, missing_count(c), …), found '\(cursor.rest)'", at: start)
        }
        guard let kind = MetricKind(rawValue: name) else {
            let known = MetricKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw LineProblem("unknown metric '\(name)' (known: \(known), and freshness, schema, values in, change for)", at: start)
        }
        var arguments: [String] = []
        if cursor.take("(") {
            let inner = cursor.until([")"])
            guard cursor.take(")") else { throw LineProblem("'\(name)(' has no closing ')'", at: cursor.index) }
            arguments = inner.split(separator: ",", omittingEmptySubsequences: false).map { Self.unquoted($0.trimmingSpaces) }
            if arguments.contains(where: \.isEmpty) { throw LineProblem("'\(name)' has an empty argument", at: start) }
        }
        var fraction: DecimalFraction?
        switch kind {
        case .rowCount:
            guard arguments.isEmpty else { throw LineProblem("row_count takes no column", at: start) }
        case .duplicateCount, .duplicatePercent:
            guard !arguments.isEmpty else { throw LineProblem("\(name) needs one or more columns: \(name)(c, …)", at: start) }
        case .percentile:
            guard arguments.count == 2 else { throw LineProblem("percentile needs a column and a fraction: percentile(c, 0.95)", at: start) }
            guard let value = DecimalFraction(arguments[1]) else {
                throw LineProblem("percentile's fraction must be a decimal between 0 and 1, got '\(arguments[1])'", at: start)
            }
            fraction = value
            arguments.removeLast()
        default:
            guard arguments.count == 1 else { throw LineProblem("\(name) needs exactly one column: \(name)(c)", at: start) }
        }
        return Metric(kind: kind, columns: arguments, fraction: fraction, rules: try rules(config))
    }

    /// A threshold on the line, or the warn/fail zones of the configuration.
    func rule(_ cursor: inout LineCursor, config: Configuration) throws(LineProblem) -> CheckRule {
        let zones = (fail: config["fail"], warn: config["warn"])
        if cursor.atEnd() {
            guard zones.fail != nil || zones.warn != nil else {
                throw LineProblem("needs a threshold ('row_count > 0') or warn:/fail: when … in its configuration", at: cursor.index)
            }
            return .zones(fail: try zones.fail.map { node throws(LineProblem) in try zone(node, level: "fail") },
                          warn: try zones.warn.map { node throws(LineProblem) in try zone(node, level: "warn") })
        }
        let comparison = try self.comparison(&cursor)
        guard cursor.atEnd() else { throw LineProblem("unexpected '\(cursor.rest)' after the threshold", at: cursor.index) }
        if let node = zones.fail ?? zones.warn {
            throw LineProblem("has a threshold on its line and warn:/fail: too; use one or the other", node: node)
        }
        return .threshold(comparison)
    }

    /// `when <comparison>`.
    private func zone(_ node: YAMLNode, level: String) throws(LineProblem) -> Comparison {
        guard let text = node.scalarText else { throw LineProblem("\(level) must be 'when' and a condition, as in '\(level): when > 10'", node: node) }
        var cursor = LineCursor(text)
        guard cursor.take("when") else {
            throw LineProblem("\(level) must be 'when' and a condition, as in '\(level): when > 10'; got '\(text)'", node: node)
        }
        do throws(LineProblem) {
            let comparison = try self.comparison(&cursor)
            guard cursor.atEnd() else { throw LineProblem("unexpected '\(cursor.rest)' after the condition", at: cursor.index) }
            return comparison
        } catch {
            throw LineProblem("\(level): \(error.message)", at: error.offset, node: node)
        }
    }

    /// An operator and its number(s); `%` after a number is allowed and changes nothing.
    func comparison(_ cursor: inout LineCursor) throws(LineProblem) -> Comparison {
        if cursor.take("not") {
            guard cursor.take("between") else { throw LineProblem("expected 'between' after 'not'", at: cursor.index) }
            let (low, high) = try bounds(&cursor)
            return .notBetween(low, high)
        }
        if cursor.take("between") {
            let (low, high) = try bounds(&cursor)
            return .between(low, high)
        }
        let operators: [(String, (Double) -> Comparison)] = [
            ("!=", Comparison.notEqual), ("<=", Comparison.lessOrEqual), (">=", Comparison.greaterOrEqual),
            ("=", Comparison.equal), ("<", Comparison.less), (">", Comparison.greater),
        ]
        cursor.skipSpaces()
        let start = cursor.index
        for (symbol, make) in operators where cursor.take(symbol) {
            return make(try number(&cursor, after: symbol))
        }
        throw LineProblem("expected a threshold: = != < <= > >= NUMBER, between A and B or not between A and B; found '\(cursor.rest)'", at: start)
    }

    private func bounds(_ cursor: inout LineCursor) throws(LineProblem) -> (Double, Double) {
        cursor.skipSpaces()
        let start = cursor.index
        let low = try number(&cursor, after: "between")
        guard cursor.take("and") else { throw LineProblem("expected 'and' in 'between A and B'", at: cursor.index) }
        let high = try number(&cursor, after: "and")
        guard low <= high else { throw LineProblem("between \(CheckNumber.text(low)) and \(CheckNumber.text(high)): the first bound is above the second", at: start) }
        return (low, high)
    }

    private func number(_ cursor: inout LineCursor, after word: String) throws(LineProblem) -> Double {
        cursor.skipSpaces()
        let start = cursor.index
        let token = cursor.numberToken()
        guard !token.isEmpty, let value = DecimalText.double(token) else {
            let found = token.isEmpty ? cursor.rest : token
            throw LineProblem("expected a number after '\(word)', found '\(found)'", at: start)
        }
        _ = cursor.take("%")
        return value
    }

    static func unquoted(_ text: Substring) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return String(text)
    }

    /// `(c, …)` after spaces.
    func columnList(_ cursor: inout LineCursor, what: String) throws(LineProblem) -> [String] {
        guard cursor.take("(") else { throw LineProblem("expected '(' and the \(what) columns", at: cursor.index) }
        let inner = cursor.until([")"])
        guard cursor.take(")") else { throw LineProblem("the \(what) columns have no closing ')'", at: cursor.index) }
        let columns = inner.split(separator: ",", omittingEmptySubsequences: false).map { Self.unquoted($0.trimmingSpaces) }
        guard !columns.contains(where: \.isEmpty) else { throw LineProblem("the \(what) columns have an empty name", at: cursor.index) }
        return columns
    }

    /// After `values`: `in (c, …) must [not] exist in OTHER (c, …)`.
    private func reference(_ cursor: inout LineCursor) throws(LineProblem) -> ReferenceCheck {
        guard cursor.take("in") else { throw LineProblem("expected 'values in (c, …) must exist in OTHER (c, …)'", at: cursor.index) }
        let columns = try columnList(&cursor, what: "source")
        guard cursor.take("must") else { throw LineProblem("expected 'must exist in' or 'must not exist in'", at: cursor.index) }
        let mustExist = !cursor.take("not")
        guard cursor.take("exist"), cursor.take("in") else { throw LineProblem("expected 'exist in OTHER (c, …)'", at: cursor.index) }
        let target = cursor.until([" ", "\t", "("])
        guard !target.isEmpty else { throw LineProblem("expected the dataset the values must\(mustExist ? "" : " not") exist in", at: cursor.index) }
        let targetColumns = try columnList(&cursor, what: "target")
        guard cursor.atEnd() else { throw LineProblem("unexpected '\(cursor.rest)' after the target columns", at: cursor.index) }
        guard columns.count == targetColumns.count else {
            throw LineProblem("\(columns.count) source columns but \(targetColumns.count) target columns", at: cursor.index)
        }
        return ReferenceCheck(columns: columns, target: target, targetColumns: targetColumns, mustExist: mustExist)
    }

    /// After `change`: `[percent | avg last N] for METRIC …`.
    private func change(_ cursor: inout LineCursor, config: Configuration) throws(LineProblem) -> ChangeCheck {
        var kind = ChangeKind.difference
        if cursor.take("percent") {
            kind = .percent
        } else if cursor.take("avg") {
            guard cursor.take("last") else { throw LineProblem("expected 'change avg last N for …'", at: cursor.index) }
            cursor.skipSpaces()
            let start = cursor.index
            guard let runs = Int(cursor.numberToken()), runs >= 1 else { throw LineProblem("expected a number of runs (1 or more) after 'last'", at: start) }
            kind = .averageOfLast(runs: runs)
        }
        guard cursor.take("for") else { throw LineProblem("expected 'for' and a metric: change for row_count < 10", at: cursor.index) }
        let metric = try self.metric(&cursor, config: config)
        return ChangeCheck(change: kind, metric: metric, rule: try rule(&cursor, config: config))
    }
}
