import ReportKit

/// A report's files, looked up by path and read as CSV or JSON when they are; a file that
/// does not parse is only listed (the page degrades, it never fails on a report's content).
struct ReportFileSet: Sendable {
    let files: [ReportFile]

    func file(_ path: String) -> ReportFile? {
        files.first { $0.path.description == path }
    }

    /// The records of a CSV file, header first; `nil` when it is not CSV text.
    static func csv(_ file: ReportFile) -> [[String]]? {
        try? CSVScanner.records(file.bytes, file: file.path.description)
    }

    /// The JSON of a file; `nil` when it is not JSON.
    static func json(_ file: ReportFile) -> JSONValue? {
        try? JSONReader.parse(file.bytes)
    }

    /// The files whose path starts with `prefix`, in order.
    func under(_ prefix: String) -> [ReportFile] {
        files.filter { $0.path.description.hasPrefix(prefix) }
    }

    /// The distinct second segments of paths starting `first/` (the tables of `summaries/`,
    /// `diffs/`), in the order they first appear.
    func folders(under first: String) -> [String] {
        var seen: [String] = []
        for file in files {
            let segments = file.path.segments
            guard segments.count >= 3, segments[0] == first else { continue }
            let name = String(segments[1])
            if !seen.contains(name) { seen.append(name) }
        }
        return seen
    }
}

extension JSONValue {
    /// A member's text, whatever simple JSON value it is (`12`, `"a"`, `true`); `""` for null.
    func memberText(_ key: String) -> String? {
        guard let value = self[key] else { return nil }
        return value.cellText
    }

    /// The value as a cell's text.
    var cellText: String {
        switch self {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return ChartText.number(number).replacingOccurrences(of: "−", with: "-")
        case .string(let text): return text
        case .array, .object: return JSONWriter.compact(self)
        }
    }
}
