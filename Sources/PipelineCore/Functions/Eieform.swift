import ReportKit

/// `eieform`: households by tenure (renting, co-op share, owner) in percent, with the share
/// as a ratio rounded to two decimals (templates A and C). The input is already aggregated.
///
/// The source file writes Oslo's totals as district `10000` without a name, which makes the
/// original crash; they are read here as `00`, `Oslo i alt`.
enum Eieform {
    static let series = ["leier", "andel", "selveier"]

    static let function = BydelsfaktaFunction(
        name: "eieform", inputs: ["eieform"], keyColumns: [],
        numbers: [
            "eieform": .named(["borettslag_andel_alle", "leier_alle", "selveier_alle"]),
        ],
        types: ["historisk", "status"]
    ) { inputs, type, publishedDate throws(PipelineError) in
        var seen = Set<StatisticsRow>()
        var rows: [StatisticsRow] = []
        for var row in inputs["eieform"] ?? [] where row.districtID != "15000" && row.districtID != "20000" {
            if row.districtID == "10000" {
                row.districtID = "00"
                row.districtName = row.districtName ?? "Oslo i alt"
            }
            var kept = StatisticsRow(date: row.date, districtID: row.districtID, districtName: row.districtName,
                                     subDistrictID: row.subDistrictID, subDistrictName: row.subDistrictName)
            kept["leier"] = row["leier_alle"]
            kept["andel"] = row["borettslag_andel_alle"]
            kept["selveier"] = row["selveier_alle"]
            guard seen.insert(kept).inserted else { continue }
            for name in series { kept["\(name)_ratio"] = roundHalfEven(kept[name] / 100, places: 2) }
            rows.append(kept)
        }
        var metadata = GraphMetadata(
            heading: "Husholdninger fordelt etter eie-/leieforhold",
            series: [("Leier", ""), ("Andels-/aksjeeier", ""), ("Selveier", "")])
        if type == "status" {
            metadata.scale = GraphMetadata.scale(rows, column: "leier")
            return try DistrictFiles(series: series, template: .flat, metadata: metadata)
                .generate(try Years.status([rows])[0], publishedDate: publishedDate)
        }
        return try DistrictFiles(series: series, template: .perSeries, metadata: metadata)
            .generate(Years.historic([rows])[0], publishedDate: publishedDate)
    }

    /// numpy's `round`: scale, round half to even, scale back.
    static func roundHalfEven(_ value: Double, places: Int) -> Double {
        let scale = pow10(places)
        return (value * scale).rounded(.toNearestOrEven) / scale
    }

    static func pow10(_ places: Int) -> Double {
        (0..<places).reduce(1.0) { value, _ in value * 10 }
    }
}
