import ReportKit

/// The `meta` of every output file: what the graph shows and how.
public struct GraphMetadata: Sendable {
    public var heading: String
    /// One `{"heading", "subheading"}` per series.
    public var series: JSONValue
    public var help = "Dette er en beskrivelse for hvordan dataene leses"
    public var scope = "bydel"
    /// `[]`, or `{"value": [min, max], "ratio": [min, max]}` for status graphs.
    public var scale: JSONValue = []

    public init(heading: String, series: JSONValue, scale: JSONValue = []) {
        self.heading = heading
        self.series = series
        self.scale = scale
    }

    /// Series given as `(heading, subheading)` pairs.
    public init(heading: String, series: [(String, JSONValue)]) {
        self.init(heading: heading, series: .array(series.map { ["heading": .string($0.0), "subheading": $0.1] }))
    }

    func json(publishedDate: String, scope: String? = nil) -> JSONValue {
        [
            "heading": .string(heading), "series": series, "publishedDate": .string(publishedDate), "help": .string(help),
            "scope": .string(scope ?? self.scope), "scale": scale,
        ]
    }

    /// The smallest and largest value and ratio of `column` in the latest year, leaving out
    /// 16 Sentrum, 17 Marka and 99 (the original's `get_min_max_values_and_ratios`).
    public static func scale(_ rows: [StatisticsRow], column: String) -> JSONValue {
        let kept = rows.filter { !["16", "17", "99"].contains($0.districtID ?? "") }
        guard let latest = kept.map(\.date).max() else { return ["value": [0, 0], "ratio": [0, 0]] }
        let current = kept.filter { $0.date == latest }
        func range(_ name: String) -> JSONValue {
            let values = current.filter { $0.has(name) }.map { $0[name] }.filter { !$0.isNaN }
            guard let low = values.min(), let high = values.max() else { return [0, 0] }
            return [.number(low), .number(high)]
        }
        return ["value": range(column), "ratio": range(column + "_ratio")]
    }
}
