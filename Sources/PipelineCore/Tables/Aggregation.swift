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
        let subDistricts = try group(rows, level: .subDistrict)
        let districts = try group(rows, level: .district)
        let oslo = try group(districts, level: .oslo)
        return subDistricts + districts + oslo
    }

    /// Groups the rows `level` includes by year, place and the extra keys, and sums each group.
    /// Rows are numbered into groups once; the sums then run over the rows in one pass.
    private func group(_ rows: [StatisticsRow], level: Level) throws(PipelineError) -> [StatisticsRow] {
        var groupOf: [GroupKey: Int] = [:]
        groupOf.reserveCapacity(rows.count)
        var keys: [GroupKey] = []
        var firstRow: [Int] = []
        var members: [(row: Int, group: Int)] = []
        members.reserveCapacity(rows.count)
        // The rows of a group mostly follow each other: the last row's group is tried first
        // (equal keys are the same group), before hashing the key.
        var last: (key: GroupKey, number: Int)?
        for (position, row) in rows.enumerated() where level.includes(row) {
            let key = GroupKey(row, level: level, extraKeys: extraKeys)
            if let last, last.key == key {
                members.append((position, last.number))
            } else if let number = groupOf[key] {
                members.append((position, number))
                last = (key, number)
            } else {
                groupOf[key] = keys.count
                members.append((position, keys.count))
                last = (key, keys.count)
                keys.append(key)
                firstRow.append(position)
            }
        }
        let shared = sharedFileColumns(rows, members)
        let columns = summedColumns(rows, members, shared: shared)
        // File columns by position, one row of sums per group.
        let width = shared?.names.count ?? 0
        var fileSums = [Double](repeating: 0, count: width * keys.count)
        if width > 0 {
            for (row, group) in members {
                rows[row].indexedColumns.values.withUnsafeBufferPointer { values in
                    for position in 0..<width where !values[position].isNaN { fileSums[group * width + position] += values[position] }
                }
            }
        }
        // Other columns by name: a total and a count of missing values per group.
        var totals = [Double](repeating: 0, count: columns.count * keys.count)
        var missing = [Int](repeating: 0, count: columns.count * keys.count)
        var sizes = [Int](repeating: 0, count: keys.count)
        var resolved = ColumnSlots(columns)
        for (row, group) in members {
            sizes[group] += 1
            let slots = resolved.slots(in: rows[row])
            for slot in 0..<columns.count {
                let value = rows[row].value(at: slots[slot])
                if value.isNaN { missing[group * columns.count + slot] += 1 } else { totals[group * columns.count + slot] += value }
            }
        }
        let ruleOf = columns.map { rules?[$0] ?? .sum }
        var result: [StatisticsRow] = []
        result.reserveCapacity(keys.count)
        for group in keys.indices.sorted(by: { keys[$0] < keys[$1] }) {
            let first = rows[firstRow[group]]
            var row = level.row(from: first)
            for name in extraKeys { row.keys[name] = first.keys[name] }
            if let shared { row.indexedColumns = (shared, Array(fileSums[group * width..<(group + 1) * width])) }
            // The summed columns are distinct and not the shared file's: added at once.
            var sums: [Double] = []
            sums.reserveCapacity(columns.count)
            for (slot, column) in columns.enumerated() {
                let cell = group * columns.count + slot
                switch ruleOf[slot] {
                case .sum:
                    sums.append(totals[cell])
                case .sumAllOrNone:
                    if missing[cell] == 0 {
                        sums.append(totals[cell])
                    } else if missing[cell] == sizes[group] {
                        sums.append(.nan)
                    } else {
                        let places = members.filter { $0.group == group && rows[$0.row][column].isNaN }
                            .map { rows[$0.row].subDistrictID ?? rows[$0.row].districtID ?? "?" }
                        let place = keys[group].texts
                        throw PipelineError.badInput(
                            "'\(column)' for \(place.isEmpty ? "Oslo" : place.joined(separator: " ")) in \(keys[group].date) adds rows with values to rows without (\(places.joined(separator: ", "))): a sub-district that appears part-way through the years cannot be summed")
                    }
                }
            }
            row.addNewColumns(columns, sums)
            result.append(row)
        }
        return result
    }

    /// The file's column index when every member row shares one and every column is summed
    /// (no rules): those columns are then added by position.
    private func sharedFileColumns(_ rows: [StatisticsRow], _ members: [(row: Int, group: Int)]) -> ColumnIndex? {
        guard rules == nil, let first = members.first.map({ rows[$0.row].indexedColumns.index }) else { return nil }
        return members.allSatisfy { rows[$0.row].indexedColumns.index === first } ? first : nil
    }

    /// The columns summed by name: the rules' columns, or every column not in `shared`.
    private func summedColumns(_ rows: [StatisticsRow], _ members: [(row: Int, group: Int)], shared: ColumnIndex?) -> [String] {
        if let rules { return Array(rules.keys) }
        var seen = Set<String>()
        var names: [String] = []
        var last: ColumnLayout?
        for (row, _) in members {
            // Rows of the last row's layout have its columns: only a new layout can add names.
            if let last, rows[row].has(last) { continue }
            last = rows[row].layout
            let candidates = shared == nil ? rows[row].columnNames : rows[row].addedColumnNames
            for name in candidates where seen.insert(name).inserted { names.append(name) }
        }
        return names
    }
}
