import ReportKit

/// Functions whose input already has every level (sub-districts, districts, Oslo `00`) and
/// a percentage: one column shown, scaled by its range in the latest year.
enum PreAggregated {
    static func files(
        _ rows: [StatisticsRow], column: String, heading: String, series: JSONValue, type: String, publishedDate: String
    ) throws(PipelineError) -> [JSONValue] {
        let status = type == "status"
        let selected = status ? try Years.status([rows])[0] : Years.historic([rows])[0]
        var metadata = GraphMetadata(heading: heading, series: series)
        if status { metadata.scale = GraphMetadata.scale(selected, column: column) }
        return try DistrictFiles(series: [column], template: .flat, metadata: metadata).generate(selected, publishedDate: publishedDate)
    }
}

extension Array where Element == StatisticsRow {
    /// Each row with `<column>_ratio` = the percentage in `percent` over 100.
    func withRatio(_ column: String, from percent: String) -> [StatisticsRow] {
        map { row in
            var row = row
            row["\(column)_ratio"] = row[percent] / 100
            return row
        }
    }
}
