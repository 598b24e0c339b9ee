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

    /// The data from the runs index's JSON and the manifests of its newest runs (by day,
    /// `YYYY-MM-DD`; a missing manifest leaves its run without details).
    ///
    /// - Throws: ``ViewerInputError`` when `runsIndex` is not a runs index.
    public init(title: String, runsIndex: JSONValue, manifests: [String: JSONValue]) throws(ViewerInputError) {
        guard let runs = runsIndex["runs"]?.arrayValue else { throw ViewerInputError("runs.json: 'runs' is missing or not an array") }
        var out: [JSONValue] = []
        for (index, run) in runs.enumerated() {
            guard let date = run["date"]?.stringValue, (try? CalendarDay(date)) != nil else {
                throw ViewerInputError("runs.json: runs[\(index)].date is missing or not YYYY-MM-DD")
            }
            guard let manifest = run["manifest"]?.stringValue, let key = try? ObjectKey(manifest) else {
                throw ViewerInputError("runs.json: runs[\(index)].manifest is missing or not an object key")
            }
            let details = manifests[date]
            var reports: [JSONValue] = []
            for (position, report) in (run["reports"]?.arrayValue ?? []).enumerated() {
                guard let name = report["name"]?.stringValue, let folder = report["folder"]?.stringValue, (try? ReportFolder(reportName: folder)) != nil else {
                    throw ViewerInputError("runs.json: runs[\(index)].reports[\(position)] needs a name and a folder")
                }
                var entry: JSONObject = [
                    "name": .string(name), "folder": .string(folder),
                    "kind": .string(report["kind"]?.stringValue ?? ""), "status": .string(report["status"]?.stringValue ?? ""),
                ]
                if let found = details?["reports"]?.arrayValue?.first(where: { $0["folder"]?.stringValue == folder }) {
                    entry["details"] = Self.details(found)
                }
                reports.append(.object(entry))
            }
            let failed = reports.filter { $0["status"]?.stringValue == "failed" }.count
            let warned = reports.filter { $0["status"]?.stringValue == "warn" }.count
            out.append(.object([
                "date": .string(date), "manifest": .string(key.text), "dir": .string(String(key.segments.first ?? "")),
                "failed": .number(Double(failed)), "warned": .number(Double(warned)), "reports": .array(reports),
            ]))
        }
        self.title = title
        self.runs = out
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

    /// The days of the runs that get details, newest first.
    public static func detailedDays(_ runsIndex: JSONValue) -> [String] {
        (runsIndex["runs"]?.arrayValue ?? []).prefix(detailedRuns).compactMap { $0["date"]?.stringValue }
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
