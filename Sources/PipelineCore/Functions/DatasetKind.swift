import ReportKit

/// One of the dataset types (`alle_status`, `kort_historisk`, …) a function makes from the
/// same table: what the graph is called, which columns it shows, with which template, and
/// which column's range scales it.
struct DatasetKind: Sendable {
    var heading: String
    var series: [(String, JSONValue)]
    var columns: [String]
    var template: ValueTemplate
    /// The column whose latest-year range becomes `meta.scale` (status graphs of one column).
    var scale: String?

    init(_ heading: String, _ series: [(String, JSONValue)] = [], columns: [String], template: ValueTemplate = .flat, scale: String? = nil) {
        self.heading = heading
        self.series = series
        self.columns = columns
        self.template = template
        self.scale = scale
    }

    /// The files for `type`: the latest year for `…status` types, else every shared year.
    func files(_ rows: [StatisticsRow], type: String, publishedDate: String) throws(PipelineError) -> [JSONValue] {
        var metadata = GraphMetadata(heading: heading, series: series)
        if let scale { metadata.scale = GraphMetadata.scale(rows, column: scale) }
        let selected = type.hasSuffix("status") ? try Years.status([rows])[0] : Years.historic([rows])[0]
        return try DistrictFiles(series: columns, template: template, metadata: metadata).generate(selected, publishedDate: publishedDate)
    }

    /// The kind `type` names in `kinds`, or an error listing them.
    static func named(_ type: String, in kinds: [String: DatasetKind]) throws(PipelineError) -> DatasetKind {
        guard let kind = kinds[type] else {
            throw PipelineError.badInput("unknown dataset type '\(type)' (known: \(kinds.keys.sorted().joined(separator: ", ")))")
        }
        return kind
    }
}

extension Array where Element == StatisticsRow {
    /// Each row with `<column>_ratio` = column / `of` for the given columns. Consumes the
    /// rows, so each is changed in place rather than copied.
    consuming func withRatios(_ columns: [String], of denominator: (StatisticsRow) -> Double) -> [StatisticsRow] {
        var rows = self
        let ratioNames = columns.map { "\($0)_ratio" }
        guard Set(ratioNames).count == ratioNames.count, Set(columns).isDisjoint(with: ratioNames) else {
            // A column named twice, or one that is another's ratio: one at a time, in order.
            for index in rows.indices {
                let total = denominator(rows[index])
                for (column, ratio) in zip(columns, ratioNames) { rows[index][ratio] = rows[index][column] / total }
            }
            return rows
        }
        // Slots found before the ratios are set: each ratio is a column of its own, so one
        // set does not move another's slot (an absent one is added after the row's columns).
        var values = ColumnSlots(columns), ratios = ColumnSlots(ratioNames)
        for index in rows.indices {
            let total = denominator(rows[index])
            let valueSlots = values.slots(in: rows[index]), ratioSlots = ratios.slots(in: rows[index])
            for slot in columns.indices {
                rows[index].set(rows[index].value(at: valueSlots[slot]) / total, at: ratioSlots[slot], column: ratioNames[slot])
            }
        }
        return rows
    }
}
