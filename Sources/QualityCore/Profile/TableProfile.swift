import ReportKit

/// The profile of a table: its row count and each column's figures, in column order.
public struct TableProfile: Sendable, Hashable {
    public var rowCount: Int
    public var columns: [ColumnProfile]

    public init(rowCount: Int, columns: [ColumnProfile]) {
        self.rowCount = rowCount
        self.columns = columns
    }

    /// The header of `summary.csv`.
    public static let summaryHeader = [
        "column", "type", "count", "missing", "distinct", "top", "freq",
        "mean", "std", "min", "p25", "p50", "p75", "max",
    ]

    /// One row per column for `summary.csv`, in ``summaryHeader``'s order: empty where a
    /// figure does not apply, `~` before an estimate (the JSON form gives its bound).
    public var summaryRows: [[String]] {
        columns.map { column in
            let number: (Double?) -> String = { $0.map(ProfileFormat.number) ?? "" }
            let quartile: (Figure<Double>?) -> String = { $0?.text(ProfileFormat.number) ?? "" }
            return [
                column.name, column.type.rawValue, String(column.count), String(column.missing),
                column.distinct.text(String.init), column.top?.text(\.description) ?? "",
                column.freq?.text(String.init) ?? "", number(column.mean), number(column.std),
                column.min?.description ?? "", quartile(column.p25), quartile(column.p50),
                quartile(column.p75), column.max?.description ?? "",
            ]
        }
    }

    /// The profile as JSON (write it with ``JSONWriter/canonical(_:)`` for sorted keys):
    /// `{"row_count": n, "columns": [{"name", "type", "count", "missing", "distinct", …}]}`.
    /// A figure that does not apply is absent; an estimate is `{"estimate": v, <bound>: e}`.
    public var json: JSONValue {
        .object(JSONObject([
            JSONObject.Member(key: "row_count", value: .number(Double(rowCount))),
            JSONObject.Member(key: "columns", value: .array(columns.map(\.json))),
        ]))
    }
}

extension ColumnProfile {
    /// The column's figures as a JSON object (value counts are separate files).
    public var json: JSONValue {
        var members: [JSONObject.Member] = [
            .init(key: "name", value: .string(name)),
            .init(key: "type", value: .string(type.rawValue)),
            .init(key: "count", value: .number(Double(count))),
            .init(key: "missing", value: .number(Double(missing))),
            .init(key: "distinct", value: distinct.json { .number(Double($0)) }),
        ]
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(.init(key: key, value: value)) }
        }
        add("top", top?.json(\.json))
        add("freq", freq?.json { .number(Double($0)) })
        add("mean", mean.map { .number($0) })
        add("std", std.map { .number($0) })
        add("min", min?.json)
        add("max", max?.json)
        add("p25", p25?.json { .number($0) })
        add("p50", p50?.json { .number($0) })
        add("p75", p75?.json { .number($0) })
        if let lengths {
            add("length", .object(JSONObject([
                .init(key: "min", value: .number(Double(lengths.min))),
                .init(key: "mean", value: .number(lengths.mean)),
                .init(key: "max", value: .number(Double(lengths.max))),
            ])))
        }
        add("value_counts_exact", .bool(valueCounts.isExact))
        if let bound = valueCounts.undercount {
            // Sketch mode: how far off a listed count may be, and how often an unlisted value may occur.
            add("value_counts_bound", .object(JSONObject([
                .init(key: "counts_exact", value: .bool(valueCounts.countsAreExact)),
                .init(key: "unlisted_at_most", value: .number(Double(bound))),
            ])))
        }
        return .object(JSONObject(members))
    }
}

extension ValueCounts {
    /// The header of a `{column}.csv` value-count file.
    public static let header = ["value", "count"]

    /// `value,count` rows (a `~` before counts that may be low, in sketch mode).
    public var rows: [[String]] {
        entries.map { [$0.value.description, (countsAreExact ? "" : "~") + String($0.count)] }
    }
}
