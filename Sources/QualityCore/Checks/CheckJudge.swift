import ReportKit

/// Turns each check's measurement into its result, once every dataset is read; collects the
/// measured metrics for the history.
struct CheckJudge<History: CheckHistory> {
    let now: Int64
    let scans: [String: DatasetScan]
    let history: History
    private(set) var metrics: [MeasuredMetric] = []
    private var recorded = Set<String>()

    init(now: Int64, scans: [String: DatasetScan], history: History) {
        self.now = now
        self.scans = scans
        self.history = history
    }

    mutating func record(dataset: String, metric: String, value: Double) {
        guard recorded.insert(dataset + "\u{0}" + metric).inserted else { return }
        metrics.append(MeasuredMetric(dataset: dataset, metric: metric, value: value))
    }

    mutating func result(_ check: Check, probe: CheckProbe?) async throws -> CheckResult {
        let columns = scans[check.dataset]?.shape?.columns.map(\.name) ?? []
        func error(_ reason: String, threshold: JSONValue = .null, value: Double? = nil) -> CheckResult {
            CheckResult(check: check, outcome: .error, value: value, reason: reason, threshold: threshold, details: nil, columns: columns, failedRows: [])
        }
        guard let scan = scans[check.dataset] else {
            return error("no data for dataset '\(check.dataset)' (give it with --data \(check.dataset)=PATH)")
        }
        let samples = probe?.samples ?? []
        switch check.kind {
        case .metric(let metricCheck):
            let threshold = Self.threshold(metricCheck.rule)
            switch measure(metricCheck.metric, probe: probe, scan: scan) {
            case .failure(let failure): return error(failure.reason, threshold: threshold)
            case .success(let value):
                record(dataset: check.dataset, metric: metricCheck.metric.identity, value: value)
                let outcome = metricCheck.rule.outcome(value)
                return CheckResult(check: check, outcome: outcome, value: value, reason: nil, threshold: threshold, details: nil,
                                   columns: columns, failedRows: outcome == .pass ? [] : samples)
            }
        case .change(let change):
            let threshold = Self.threshold(change.rule)
            let current: Double
            switch measure(change.metric, probe: probe, scan: scan) {
            case .failure(let failure): return error(failure.reason, threshold: threshold)
            case .success(let value): current = value
            }
            record(dataset: check.dataset, metric: change.metric.identity, value: current)
            let limit: Int
            if case .averageOfLast(let runs) = change.change { limit = runs } else { limit = 1 }
            let previous = try await history.previousValues(dataset: check.dataset, metric: change.metric.identity, limit: limit)
            guard let last = previous.first else {
                return error("no earlier run measured \(change.metric.identity) on \(check.dataset) (give earlier results with --history)", threshold: threshold)
            }
            let value: Double
            switch change.change {
            case .difference: value = current - last
            case .percent:
                guard last != 0 else { return error("a change in percent from 0 is undefined (\(change.metric.identity) was 0 in the previous run)", threshold: threshold) }
                value = CheckPercent.roundedToHundredths((current - last) / last * 100)
            case .averageOfLast: value = current - previous.reduce(0, +) / Double(previous.count)
            }
            let details: JSONValue = ["current": .number(current), "previous": .array(previous.map(JSONValue.number))]
            return CheckResult(check: check, outcome: change.rule.outcome(value), value: value, reason: nil, threshold: threshold,
                               details: details, columns: columns, failedRows: [])
        case .freshness(let freshness):
            return freshnessResult(check, freshness, probe: probe as? FreshnessProbe, columns: columns)
        case .schema:
            guard let schema = probe as? SchemaProbe, schema.failure == nil else { return error(probe?.failure?.reason ?? "no columns read") }
            var details: [JSONObject.Member] = []
            if let failed = schema.failed { details.append(.init(key: "fail", value: failed.json)) }
            if let warned = schema.warned { details.append(.init(key: "warn", value: warned.json)) }
            let outcome = schema.outcome
            let value = outcome == .fail ? schema.failed?.count : outcome == .warn ? schema.warned?.count : 0
            return CheckResult(check: check, outcome: outcome, value: Double(value ?? 0), reason: nil, threshold: .null,
                               details: .object(JSONObject(details)), columns: columns, failedRows: [])
        case .reference(let reference):
            guard scans[reference.target] != nil else {
                return error("no data for dataset '\(reference.target)' (give it with --data \(reference.target)=PATH)", threshold: "= 0")
            }
            guard let source = probe as? ReferenceSourceProbe else { return error("no probe", threshold: "= 0") }
            switch source.value() {
            case .failure(let failure): return error(failure.reason, threshold: "= 0")
            case .success(let value):
                let outcome: CheckOutcome = value == 0 ? .pass : .fail
                return CheckResult(check: check, outcome: outcome, value: value, reason: nil, threshold: "= 0", details: nil,
                                   columns: columns, failedRows: outcome == .pass ? [] : samples)
            }
        case .rowCountSame(let other):
            guard let otherScan = scans[other] else {
                return error("no data for dataset '\(other)' (give it with --data \(other)=PATH)", threshold: "= 0")
            }
            let value = Double(scan.rows - otherScan.rows)
            let details: JSONValue = ["row_count": .number(Double(scan.rows)), "other_row_count": .number(Double(otherScan.rows))]
            return CheckResult(check: check, outcome: value == 0 ? .pass : .fail, value: value, reason: nil, threshold: "= 0",
                               details: details, columns: columns, failedRows: [])
        }
    }

    private func measure(_ metric: Metric, probe: CheckProbe?, scan: DatasetScan) -> Result<Double, CheckFailure> {
        if metric.kind == .rowCount { return .success(Double(scan.rows)) }
        if let column = probe as? ColumnMetricProbe { return column.value() }
        if let duplicates = probe as? DuplicateProbe { return duplicates.value() }
        return .failure(CheckFailure(probe?.failure?.reason ?? "\(metric.text) was not measured"))
    }

    private func freshnessResult(_ check: Check, _ freshness: FreshnessCheck, probe: FreshnessProbe?, columns: [String]) -> CheckResult {
        var threshold: [JSONObject.Member] = []
        if let fail = freshness.fail { threshold.append(.init(key: "fail", value: .string(fail.description))) }
        if let warn = freshness.warn { threshold.append(.init(key: "warn", value: .string(warn.description))) }
        let thresholdJSON = JSONValue.object(JSONObject(threshold))
        guard let probe, probe.failure == nil else {
            return CheckResult(check: check, outcome: .error, value: nil, reason: probe?.failure?.reason ?? "not measured", threshold: thresholdJSON,
                               details: nil, columns: columns, failedRows: [])
        }
        let now = freshness.now ?? self.now
        guard let latest = probe.latest else {
            return CheckResult(check: check, outcome: .fail, value: nil, reason: "column '\(freshness.column)' has no values, so the data is not fresh",
                               threshold: thresholdJSON, details: ["now": .string(ProfileFormat.timestamp(now))], columns: columns, failedRows: [])
        }
        let age = now - latest
        let outcome: CheckOutcome
        if let fail = freshness.fail, fail.exceeded(by: age) { outcome = .fail }
        else if let warn = freshness.warn, warn.exceeded(by: age) { outcome = .warn }
        else { outcome = .pass }
        let details: JSONValue = [
            "now": .string(ProfileFormat.timestamp(now)),
            "latest": .string(ProfileFormat.timestamp(latest)),
            "freshness": .string(Self.duration(age)),
        ]
        return CheckResult(check: check, outcome: outcome, value: Double(age) / 1_000_000, reason: nil, threshold: thresholdJSON,
                           details: details, columns: columns, failedRows: [])
    }

    static func threshold(_ rule: CheckRule) -> JSONValue {
        switch rule {
        case .threshold(let comparison): return .string(comparison.description)
        case .zones(let fail, let warn):
            var members: [JSONObject.Member] = []
            if let fail { members.append(.init(key: "fail", value: .string(fail.description))) }
            if let warn { members.append(.init(key: "warn", value: .string(warn.description))) }
            return .object(JSONObject(members))
        }
    }

    /// `1d2h3m4.5s`, `-5m` for a latest value after now.
    static func duration(_ micros: Int64) -> String {
        if micros < 0 { return "-" + duration(-micros) }
        var rest = micros
        var text = ""
        for (unit, size) in [("d", Int64(86_400_000_000)), ("h", 3_600_000_000), ("m", 60_000_000)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        if rest > 0 || text.isEmpty {
            let seconds = Double(rest) / 1_000_000
            text += seconds.rounded() == seconds ? "\(Int64(seconds))s" : "\(seconds)s"
        }
        return text
    }
}
