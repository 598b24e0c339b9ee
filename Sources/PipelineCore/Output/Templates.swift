import ReportKit

/// How a geography's rows become its `values` list: the original's templates.
public enum ValueTemplate: Sendable {
    /// One `{value, ratio?, date}` per row and series, all series in one flat list (A, B, I, J).
    case flat
    /// The same, one list per series (C).
    case perSeries
    /// Age distribution by sex: one `{age, mann, kvinne, value, ratio, date}` per age (E).
    case ageDistribution
    /// Key numbers: the latest year's series values, then the `history` columns of the first
    /// row, then the year (G).
    case keyNumbers(history: [String])
    /// Per group of columns, one `{date, column: value…}` per row with the columns that have
    /// a value; rows with none are left out (H).
    case presentValues(groups: [[String]])
    /// Per series, one `{date, districtRatio, osloRatio}` per row: the series' ratio against
    /// the district's and Oslo's (K).
    case relativeRatios
    /// A function's own shape: the geography's rows → its whole `values`.
    case custom(@Sendable ([StatisticsRow]) throws(PipelineError) -> JSONValue)

    /// The geography's `values`.
    func json(_ rows: [StatisticsRow], series: SeriesColumns) throws(PipelineError) -> JSONValue {
        if case .custom(let make) = self { return try make(rows) }
        return .array(try values(rows, series: series))
    }

    func values(_ rows: [StatisticsRow], series columns: SeriesColumns) throws(PipelineError) -> [JSONValue] {
        let series = columns.names
        switch self {
        case .flat:
            return series.indices.flatMap { slot in rows.map { Self.point($0, slot, columns) } }
        case .perSeries:
            return series.indices.map { slot in .array(rows.map { Self.point($0, slot, columns) }) }
        case .ageDistribution:
            return try Self.ages(rows, series: columns)
        case .presentValues(let groups):
            return groups.map { columns in
                .array(rows.compactMap { row in
                    var object: JSONObject = ["date": .number(Double(row.date))]
                    for column in columns where !row[column].isNaN { object[column] = .number(row[column]) }
                    return object.count > 1 ? .object(object) : nil
                })
            }
        case .custom(let make):
            return [try make(rows)]
        case .relativeRatios:
            return series.flatMap { name in
                rows.map { row -> JSONValue in
                    ["date": .number(Double(row.date)), "districtRatio": .number(row["\(name)_ratio_district"]),
                     "osloRatio": .number(row["\(name)_ratio_oslo"])]
                }
            }
        case .keyNumbers(let history):
            guard let first = rows.first, let latest = rows.map(\.date).max() else { return [] }
            let current = rows.filter { $0.date == latest }
            guard current.count == 1 else { throw PipelineError.badInput("key numbers need one row for \(latest), found \(current.count)") }
            return series.map { .number(current[0][$0]) } + [.array(history.map { .number(first[$0]) }), .number(Double(latest))]
        }
    }

    /// `{"value", "ratio" (when the row has a ratio column for the series), "date"}`.
    static func point(_ row: StatisticsRow, _ slot: Int, _ columns: SeriesColumns) -> JSONValue {
        var members: [JSONObject.Member] = [.init(key: "value", value: .number(row[columns.values, slot]))]
        if row.has(columns.ratios, slot) { members.append(.init(key: "ratio", value: .number(row[columns.ratios, slot]))) }
        members.append(.init(key: "date", value: .number(Double(row.date))))
        return .object(JSONObject(uniqueMembers: members))
    }

    /// Men (`kjonn` 1) and women (`kjonn` 2) per age; ratio of the geography's `total`.
    static func ages(_ rows: [StatisticsRow], series columns: SeriesColumns) throws(PipelineError) -> [JSONValue] {
        let total = rows.reduce(0) { $0 + ($1["total"].isNaN ? 0 : $1["total"]) }
        guard let men = rows.first(where: { $0.keys["kjonn"] == "1" }), let women = rows.first(where: { $0.keys["kjonn"] == "2" }) else {
            throw PipelineError.badInput("the age distribution of \(rows.first?.subDistrictID ?? rows.first?.districtID ?? "?") needs rows for kjonn 1 and 2")
        }
        let date = JSONValue.number(Double(men.date))
        return columns.names.indices.map { slot in
            let (male, female) = (men[columns.values, slot], women[columns.values, slot])
            return .object(JSONObject(uniqueMembers: [
                .init(key: "age", value: .string(columns.names[slot])), .init(key: "mann", value: .number(male)),
                .init(key: "kvinne", value: .number(female)), .init(key: "value", value: .number(male + female)),
                .init(key: "ratio", value: .number((male + female) / total)), .init(key: "date", value: date),
            ]))
        }
    }
}

/// A graph's series, looked up once in the file columns of the rows it is drawn from: the
/// series' own columns and their `<name>_ratio` columns.
struct SeriesColumns: Sendable {
    let names: [String]
    let values: ColumnLookup
    let ratios: ColumnLookup

    init(_ names: [String], in index: ColumnIndex) {
        self.names = names
        values = ColumnLookup(names, in: index)
        ratios = ColumnLookup(names.map { "\($0)_ratio" }, in: index)
    }
}
