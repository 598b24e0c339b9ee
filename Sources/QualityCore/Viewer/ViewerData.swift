import ReportKit

/// What the viewer page embeds: the runs of `runs.json` (newest first) and, for the newest
/// ``detailedRuns`` of them, each report's files, request and numbers from its manifest.
/// Older runs keep their reports' names and statuses; their pages list their own files.
public struct ViewerData: Sendable, Hashable {
    /// How many of the newest runs carry their manifests' details (the history strip's span).
    public static let detailedRuns = 30

    public var title: String
    /// Newest first, as the runs index lists them.
    public var runs: [JSONValue]

    /// The data from the runs index and the manifests of its newest runs, by day (a missing
    /// manifest leaves its run without details).
    public init(title: String, index: RunsIndex, manifests: [CalendarDay: JSONValue]) {
        self.title = title
        self.runs = index.runs.map { run in
            let details = manifests[run.day]?["reports"]?.arrayValue ?? []
            let reports: [JSONValue] = run.reports.map { report in
                var entry: JSONObject = [
                    "name": .string(report.name), "folder": .string(report.folder.name),
                    "kind": .string(report.kind.name), "status": .string(report.status.rawValue),
                ]
                if let found = details.first(where: { $0["folder"]?.stringValue == report.folder.name }) {
                    entry["details"] = Self.details(found)
                }
                return .object(entry)
            }
            return .object([
                "date": .string(run.day.description), "manifest": .string(run.manifest.text),
                "dir": .string(String(run.manifest.segments.first ?? "")),
                "failed": .number(Double(run.failed)), "warned": .number(Double(run.warned)), "reports": .array(reports),
            ])
        }
    }

    /// A manifest report's details: seconds, error, files, request facts and headline.
    static func details(_ report: JSONValue) -> JSONValue {
        var object: JSONObject = [:]
        if let seconds = report["seconds"]?.numberValue { object["seconds"] = .number(seconds) }
        if let error = report["error"]?.stringValue { object["error"] = .string(error) }
        object["files"] = .array((report["files"]?.arrayValue ?? []).compactMap { file in
            guard let path = file["path"]?.stringValue, (try? ObjectKey(path)) != nil else { return nil }
            return .object(["path": .string(path), "type": .string(file["content_type"]?.stringValue ?? ""), "bytes": file["bytes"] ?? .null])
        })
        var facts: [JSONValue] = []
        if let request = report["request"]?.objectValue {
            let order = ["stakeholder", "contact", "source", "ticket", "requested", "reviewer"]
            let members = request.sorted { (order.firstIndex(of: $0.key) ?? order.count, $0.key) < (order.firstIndex(of: $1.key) ?? order.count, $1.key) }
            for member in members {
                let value = Self.requestText(member.value)
                if !value.isEmpty { facts.append(.array([.string(member.key), .string(value)])) }
            }
        }
        object["request"] = .array(facts)
        object["headline"] = .array((report["headline"]?.arrayValue ?? []).compactMap { headline in
            guard let name = headline["name"]?.stringValue, let value = headline["value"]?.numberValue else { return nil }
            return .array([.string(name), .number(value)])
        })
        return .object(object)
    }

    /// A request field as one line: a contact's value, a source's name with its database
    /// (and "production" when it is one), other values as they are.
    static func requestText(_ value: JSONValue) -> String {
        guard value.objectValue != nil else { return value.cellText }
        if let text = value["value"]?.stringValue { return text }
        var text = value["name"]?.stringValue ?? JSONWriter.compact(value)
        if let database = value["database"]?.stringValue { text += " (database \(database))" }
        if value["production"]?.boolValue == true { text += ", production" }
        return text
    }

    /// The embedded JSON.
    public var json: JSONValue {
        .object(["title": .string(title), "runs": .array(runs)])
    }

    /// The runs that get details: the newest ``detailedRuns``.
    public static func detailedRuns(of index: RunsIndex) -> ArraySlice<RunsIndex.Entry> {
        index.runs.prefix(detailedRuns)
    }
}

/// A runs index the viewer cannot read: which field, and why.
public struct ViewerInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "viewer: \(message)" }
}

extension ViewerInputError: CategorizedError {
    public var category: ErrorCategory { .badInput }
}
