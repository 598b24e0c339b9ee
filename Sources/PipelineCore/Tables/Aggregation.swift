import ReportKit

/// Sums statistics up the three levels: each sub-district, each district, and Oslo (`00`,
/// `Oslo i alt`), which is the sum of every district, 16 Sentrum, 17 Marka and 99 (no
/// address) included. As the original's `Aggregate`: groups are sorted by their keys, and a
/// row without a sub-district counts towards its district only.
public struct Aggregation: Sendable {
    /// How a column is summed.
    public enum Rule: Sendable {
        /// Missing values count as nothing (pandas' `sum`).
        case sum
        /// All missing gives missing; a mix of missing and present values is an error.
        case sumAllOrNone
    }

    /// The columns to aggregate; `nil` sums every number column.
    public var rules: [String: Rule]?
    /// Text keys grouped by besides the place and year (`kjonn`).
    public var extraKeys: [String]

    public init(rules: [String: Rule]? = nil, extraKeys: [String] = []) {
        self.rules = rules
        self.extraKeys = extraKeys
    }

    /// Sub-districts, then districts, then Oslo; each level sorted by year, ids and names.
    public func aggregate(_ rows: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        let subDistricts = try group(rows.filter { $0.districtID != nil && $0.districtName != nil && $0.subDistrictID != nil && $0.subDistrictName != nil }) {
            [$0.districtID!, $0.districtName!, $0.subDistrictID!, $0.subDistrictName!]
        } make: { first in
            StatisticsRow(date: first.date, districtID: first.districtID, districtName: first.districtName, subDistrictID: first.subDistrictID, subDistrictName: first.subDistrictName)
        }
        let districts = try group(rows.filter { $0.districtID != nil && $0.districtName != nil }) {
            [$0.districtID!, $0.districtName!]
        } make: { first in
            StatisticsRow(date: first.date, districtID: first.districtID, districtName: first.districtName, subDistrictID: nil, subDistrictName: nil)
        }
        let oslo = try group(districts) { _ in [] } make: { first in
            StatisticsRow(date: first.date, districtID: "00", districtName: "Oslo i alt", subDistrictID: nil, subDistrictName: nil)
        }
        return subDistricts + districts + oslo
    }

    /// Groups by year, `place` and the extra keys; sums each group into `make(first row)`.
    private func group(
        _ rows: [StatisticsRow], place: (StatisticsRow) -> [String], make: (StatisticsRow) -> StatisticsRow
    ) throws(PipelineError) -> [StatisticsRow] {
        struct Key: Hashable { var date: Int; var texts: [String] }
        var order: [Key] = []
        var members: [Key: [StatisticsRow]] = [:]
        for row in rows {
            let key = Key(date: row.date, texts: place(row) + extraKeys.map { row.keys[$0] ?? "" })
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(row)
        }
        order.sort { lhs, rhs in
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            return lhs.texts.lexicographicallyPrecedes(rhs.texts) { $0.precedesByCodePoints($1) }
        }
        var columns = rules.map { Array($0.keys) } ?? {
            var seen = Set<String>()
            var names: [String] = []
            for row in rows { for name in row.columnNames where seen.insert(name).inserted { names.append(name) } }
            return names
        }()
        // Plain sums over the file columns every row shares are added by position.
        var shared: ColumnIndex?
        if rules == nil, let first = rows.first?.indexedColumns.index, rows.allSatisfy({ $0.indexedColumns.index === first }) {
            shared = first
            columns.removeAll { first.position[$0] != nil }
        }
        var result: [StatisticsRow] = []
        for key in order {
            let group = members[key]!
            var row = make(group[0])
            for name in extraKeys { row.keys[name] = group[0].keys[name] }
            if let shared {
                var sums = [Double](repeating: 0, count: shared.names.count)
                for member in group {
                    let values = member.indexedColumns.values
                    for position in sums.indices where !values[position].isNaN { sums[position] += values[position] }
                }
                row.indexedColumns = (shared, sums)
            }
            for column in columns {
                row[column] = try sum(group, column: column, rule: rules?[column] ?? .sum, key: key.texts, date: key.date)
            }
            result.append(row)
        }
        return result
    }

    private func sum(_ group: [StatisticsRow], column: String, rule: Rule, key: [String], date: Int) throws(PipelineError) -> Double {
        var total = 0.0
        var missingCount = 0
        for index in group.indices {
            let value = group[index][column]
            if value.isNaN { missingCount += 1 } else { total += value }
        }
        switch rule {
        case .sum:
            return total
        case .sumAllOrNone:
            if missingCount == 0 { return total }
            if missingCount == group.count { return .nan }
            let missing = group.filter { $0[column].isNaN }
            let places = missing.map { $0.subDistrictID ?? $0.districtID ?? "?" }
            let where_ = key.isEmpty ? "Oslo" : key.joined(separator: " ")
            throw PipelineError.badInput(
                "'\(column)' for \(where_) in \(date) adds rows with values to rows without (\(places.joined(separator: ", "))): a sub-district that appears part-way through the years cannot be summed")
        }
    }
}
