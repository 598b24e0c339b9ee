import Foundation
import ReportKit

/// How a check came out. `error`: it could not be measured (a column the data lacks, a
/// metric that is undefined, no earlier run for a change check); the reason says why.
public enum CheckOutcome: String, Sendable, Hashable, CaseIterable {
    case pass, warn, fail, error
}

/// One check's result.
public struct CheckResult: Sendable, Hashable {
    public var check: Check
    public var outcome: CheckOutcome
    /// The measured value (a count, a percent, seconds of freshness); `nil` when there is none.
    public var value: Double?
    /// Why the outcome is `error` (or a `fail` without a value, such as freshness of no rows).
    public var reason: String?
    /// The rule the value was judged by: `"= 12"`, or `{"fail": "> 10", "warn": "> 5"}`.
    public var threshold: JSONValue
    /// What else the check found: schema violations, freshness instants, earlier values.
    public var details: JSONValue?
    /// The dataset's column names, for the sample rows.
    public var columns: [String]
    /// Up to ten rows that fail the check, for missing, invalid, duplicate and reference checks.
    public var failedRows: [FailedRow]

    public init(check: Check, outcome: CheckOutcome, value: Double?, reason: String?, threshold: JSONValue,
                details: JSONValue?, columns: [String], failedRows: [FailedRow]) {
        self.check = check
        self.outcome = outcome
        self.value = value
        self.reason = reason
        self.threshold = threshold
        self.details = details
        self.columns = columns
        self.failedRows = failedRows
    }

    var json: JSONValue {
        var members: [JSONObject.Member] = [
            .init(key: "check", value: .string(check.text)),
            .init(key: "dataset", value: .string(check.dataset)),
            .init(key: "line", value: .number(Double(check.line))),
            .init(key: "outcome", value: .string(outcome.rawValue)),
            .init(key: "value", value: value.map(JSONValue.number) ?? .null),
            .init(key: "threshold", value: threshold),
        ]
        if let name = check.name { members.append(.init(key: "name", value: .string(name))) }
        if let reason { members.append(.init(key: "reason", value: .string(reason))) }
        if let details { members.append(.init(key: "details", value: details)) }
        if !failedRows.isEmpty {
            members.append(.init(key: "failed_rows", value: .array(failedRows.map { row in
                var entry: [JSONObject.Member] = [.init(key: "row", value: .number(Double(row.row)))]
                if let line = row.line { entry.append(.init(key: "line", value: .number(Double(line)))) }
                let cells = zip(columns, row.values).map { JSONObject.Member(key: $0.0, value: $0.1.map(JSONValue.string) ?? .null) }
                entry.append(.init(key: "values", value: .object(JSONObject(cells))))
                return .object(JSONObject(entry))
            })))
        }
        return .object(JSONObject(members))
    }
}

/// A metric value a run measured, kept in the results so a later run reads it back as history.
public struct MeasuredMetric: Sendable, Hashable {
    public var dataset: String
    /// ``Metric/identity``: `missing_count(email)`, `row_count`.
    public var metric: String
    public var value: Double

    public init(dataset: String, metric: String, value: Double) {
        self.dataset = dataset
        self.metric = metric
        self.value = value
    }
}

/// Every check's result, the metrics measured, and the run's status.
public struct CheckResults: Sendable, Hashable {
    public var path: String
    public var now: Date
    public var results: [CheckResult]
    public var metrics: [MeasuredMetric]

    public init(path: String, now: Date, results: [CheckResult], metrics: [MeasuredMetric]) {
        self.path = path
        self.now = now
        self.results = results
        self.metrics = metrics
    }

    public func count(_ outcome: CheckOutcome) -> Int { results.filter { $0.outcome == outcome }.count }

    /// `fail` when any check failed or could not be measured (an `error` is not a pass),
    /// else `warn` when any warned, else `pass`.
    public var status: CheckOutcome {
        if results.contains(where: { $0.outcome == .fail || $0.outcome == .error }) { return .fail }
        if results.contains(where: { $0.outcome == .warn }) { return .warn }
        return .pass
    }

    /// `N checks: P passed, W warned, F failed, E errors`.
    public var summary: String {
        "\(results.count) checks: \(count(.pass)) passed, \(count(.warn)) warned, \(count(.fail)) failed, \(count(.error)) errors"
    }

    /// The results as JSON (print with sorted keys): `checks_file`, `now`, `status`,
    /// `summary`, `counts`, `checks` (in file order) and `metrics` (history for later runs).
    public var json: JSONValue {
        let micros = CheckClock.micros(now)
        return [
            "checks_file": .string(path),
            "now": .string(ProfileFormat.timestamp(micros)),
            "status": .string(status.rawValue),
            "summary": .string(summary),
            "counts": .object(JSONObject(CheckOutcome.allCases.map { .init(key: $0.rawValue, value: .number(Double(count($0)))) })),
            "checks": .array(results.map(\.json)),
            "metrics": .array(metrics.map {
                ["dataset": .string($0.dataset), "metric": .string($0.metric), "value": .number($0.value)]
            }),
        ]
    }
}
