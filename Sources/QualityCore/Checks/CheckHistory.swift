import Foundation
import ReportKit

/// Where `change for …` checks find what earlier runs measured: the values a metric had on a
/// dataset, newest first. ReportKit keeps its own run history (the results' `metrics`), so
/// these checks need no cloud service.
///
/// A conforming history returns only runs before the current one, newest first, at most
/// `limit` values; an unknown metric or dataset is an empty list, not an error.
public protocol CheckHistory: Sendable {
    func previousValues(dataset: String, metric: String, limit: Int) async throws -> [Double]
}

/// No earlier runs: every change check is an `error` result ("no earlier run").
public struct NoCheckHistory: CheckHistory {
    public init() {}
    public func previousValues(dataset: String, metric: String, limit: Int) async throws -> [Double] { [] }
}

/// History read from earlier results (``CheckResults/json`` of earlier runs): their `now` and
/// `metrics`. Runs at or after `before` are left out.
public struct RecordedCheckHistory: CheckHistory {
    private let runs: [(now: Int64, values: [String: Double])]

    /// Reads each earlier result; one that is not a checks result is an error naming `names[i]`.
    public init(results: [(name: String, json: JSONValue)], before now: Date) throws(CheckHistoryError) {
        let cutoff = CheckClock.micros(now)
        var runs: [(now: Int64, values: [String: Double])] = []
        for (name, json) in results {
            guard let nowText = json["now"]?.stringValue, let instant = CellReading.instant(nowText),
                  let metrics = json["metrics"]?.arrayValue
            else { throw CheckHistoryError("\(name) is not a 'reportcli check' result (it needs 'now' and 'metrics')") }
            guard instant < cutoff else { continue }
            var values: [String: Double] = [:]
            for entry in metrics {
                guard let dataset = entry["dataset"]?.stringValue, let metric = entry["metric"]?.stringValue,
                      let value = entry["value"]?.numberValue
                else { throw CheckHistoryError("\(name): a metrics entry needs 'dataset', 'metric' and a numeric 'value'") }
                values[Self.key(dataset, metric)] = value
            }
            runs.append((instant, values))
        }
        self.runs = runs.sorted { $0.now > $1.now }
    }

    public func previousValues(dataset: String, metric: String, limit: Int) async throws -> [Double] {
        let key = Self.key(dataset, metric)
        return Array(runs.compactMap { $0.values[key] }.prefix(limit))
    }

    private static func key(_ dataset: String, _ metric: String) -> String { dataset + "\u{0}" + metric }
}

/// An earlier result that cannot be read as history. Bad input (exit 2).
public struct CheckHistoryError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var category: ErrorCategory { .badInput }
    public var description: String { message }
}

/// A column type declared for a column the table does not have (a typo in `--types`). Bad
/// input (exit 2).
public struct CheckTypesError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var category: ErrorCategory { .badInput }
    public var description: String { message }
}

/// A table a checks run could not read (the file is missing, the CSV is malformed, the
/// database failed): the run stops, exit 3.
public struct CheckSourceError: Error, Sendable, CategorizedError, CustomStringConvertible {
    public var dataset: String
    public var message: String
    public init(dataset: String, message: String) {
        self.dataset = dataset
        self.message = message
    }
    public var category: ErrorCategory { .outsideSystem }
    public var description: String { "could not read dataset '\(dataset)': \(message)" }
}

enum CheckClock {
    static func micros(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) }
}
