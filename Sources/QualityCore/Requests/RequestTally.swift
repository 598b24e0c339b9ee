import ReportKit

/// The registry's requests counted per stakeholder, per source and per month.
struct RequestTally {
    var reports: Int
    var withoutRequest: Int
    var production: Int
    var thisMonth: Int
    var byStakeholder: [(String, Int)]
    var bySource: [(RequestSource, Int)]
    /// Every month from the first request to the run's month, oldest first.
    var byMonth: [(String, Int)]
    var rows: [[String]]

    init(_ entries: [ReportEntry], month: String) {
        let requests = entries.compactMap(\.request)
        reports = entries.count
        withoutRequest = entries.count - requests.count
        production = requests.count { $0.source.production }
        thisMonth = requests.count { $0.requested.monthText == month }
        byStakeholder = Self.ranked(Self.counts(requests.map(\.stakeholder))) { $0 }
        bySource = Self.ranked(Self.counts(requests.map(\.source))) { "\($0.name)\u{0}\($0.database ?? "")\u{0}\($0.production)" }
        let months = Self.counts(requests.map(\.requested.monthText))
        byMonth = Self.months(from: months.keys.min() ?? month, through: max(months.keys.max() ?? month, month)).map { ($0, months[$0] ?? 0) }
        rows = entries.map { entry in
            guard let request = entry.request else { return [entry.name, entry.kind.name] + Array(repeating: "", count: 8) }
            return [
                entry.name, entry.kind.name, request.stakeholder, request.contact.description, request.source.name,
                request.source.database ?? "", request.source.production ? "true" : "false", request.ticket?.description ?? "",
                request.requested.description, request.reviewer ?? "",
            ]
        }
    }

    var requestsCSV: [UInt8] {
        Self.csv([["report", "kind", "stakeholder", "contact", "source", "database", "production", "ticket", "requested", "reviewer"]] + rows)
    }
    var stakeholderCSV: [UInt8] { Self.csv([["stakeholder", "reports"]] + byStakeholder.map { [$0.0, "\($0.1)"] }) }
    var sourceCSV: [UInt8] {
        Self.csv([["source", "database", "production", "reports"]] + bySource.map { [$0.0.name, $0.0.database ?? "", $0.0.production ? "true" : "false", "\($0.1)"] })
    }
    var monthCSV: [UInt8] { Self.csv([["month", "reports"]] + byMonth.map { [$0.0, "\($0.1)"] }) }

    static func csv(_ records: [[String]]) -> [UInt8] {
        var writer = CSVWriter()
        for record in records { writer.write(record) }
        return writer.bytes
    }

    static func counts<T: Hashable>(_ values: [T]) -> [T: Int] {
        values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// By count descending, then by `name` in code-point order.
    static func ranked<T>(_ counts: [T: Int], name: (T) -> String) -> [(T, Int)] {
        counts.map { ($0.key, $0.value) }.sorted { lhs, rhs in
            lhs.1 != rhs.1 ? lhs.1 > rhs.1 : name(lhs.0).precedesByCodePoints(name(rhs.0))
        }
    }

    /// `YYYY-MM` months from `first` through `last`.
    static func months(from first: String, through last: String) -> [String] {
        func parts(_ text: String) -> (Int, Int) {
            let split = text.split(separator: "-")
            return (Int(split[0]) ?? 0, Int(split[1]) ?? 1)
        }
        var (year, month) = parts(first)
        let end = parts(last)
        var result: [String] = []
        while (year, month) <= end, result.count < 12 * 200 {
            result.append("\(String(year).leftPadded(to: 4))-\(String(month).leftPadded(to: 2))")
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }
}
