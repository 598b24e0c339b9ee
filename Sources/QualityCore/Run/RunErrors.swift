import ReportKit

/// A report took longer than the run's time-out; it is recorded as failed.
public struct ReportTimedOut: Error, Sendable, Hashable, CustomStringConvertible {
    public var seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
    public var description: String { "timed out after \(RunFormat.seconds(seconds)) s" }
}

/// The catalog has no report for an entry's kind in this build; the report fails with this.
public struct ReportNotAvailable: Error, Sendable, Hashable, CustomStringConvertible {
    public var kind: ReportKind
    public var reason: String
    public init(kind: ReportKind, reason: String) {
        self.kind = kind
        self.reason = reason
    }
    public var description: String { "no '\(kind.name)' report in this build: \(reason)" }
}

/// A report returned something the run cannot store: two files at one path.
public struct ReportResultProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `--only` named a report the registry does not have: nothing is run.
public struct RunSelectionError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    public var unknown: [String]
    public var known: [String]
    public init(unknown: [String], known: [String]) {
        self.unknown = unknown
        self.known = known
    }
    public var category: ErrorCategory { .badInput }
    public var description: String {
        let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
        return "--only: no report named \(names) in the reports file (its reports: \(known.map { "'\($0)'" }.joined(separator: ", ")))"
    }
}

/// A record the run reads back from the store (a manifest, the runs index) is not what a
/// run writes: the field and the problem, under the object's key.
public struct RunRecordError: Error, Sendable, Hashable, CategorizedError, CustomStringConvertible {
    /// The object: `20240315-reports/index.json`, `runs.json`.
    public var key: String
    /// Where in it: `reports[2].files[0].sha256`.
    public var field: String
    public var problem: String

    public init(key: String = "", field: String, problem: String) {
        self.key = key
        self.field = field
        self.problem = problem
    }

    public var category: ErrorCategory { .outsideSystem }

    public var description: String {
        let place = [key, field].filter { !$0.isEmpty }.joined(separator: ": ")
        return "the store's \(place): \(problem)"
    }

    /// The same error, naming the object it came from.
    func inObject(_ key: ObjectKey) -> RunRecordError {
        RunRecordError(key: key.text, field: field, problem: problem)
    }
}

/// How the run prints numbers of seconds.
enum RunFormat {
    /// Rounded to milliseconds: `0.412`, `12`.
    static func rounded(_ seconds: Double) -> Double {
        (seconds * 1000).rounded() / 1000
    }

    /// `0.41`: two decimals, for progress lines.
    static func seconds(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        let fraction = String(hundredths % 100)
        return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
    }
}
