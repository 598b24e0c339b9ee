import ReportKit

/// `flyttehyppighet_totalt`: moves into and out of each district by age group, within the
/// district, between districts and to or from Oslo, per year (`historisk`) or for the
/// latest year (`status`).
enum FlyttehyppighetTotalt {
    static let age = "aldersgruppe_5_aar"
    static let moves: [(name: String, columns: [(String, String)])] = [
        ("immigration", [("mellomBydeler", "innflytting_mellom_bydeler"), ("innenforBydelen", "innflytting_innenfor_bydelen"), ("tilFraOslo", "innflytting_til_oslo")]),
        ("emigration", [("mellomBydeler", "utflytting_mellom_bydeler"), ("innenforBydelen", "utflytting_innenfor_bydelen"), ("tilFraOslo", "utflytting_fra_oslo")]),
    ]

    static let function = BydelsfaktaFunction(
        name: "flyttehyppighet_totalt", inputs: ["flytting-fra-etter-alder", "flytting-til-etter-alder"], keyColumns: [age],
        numbers: [
            "flytting-fra-etter-alder": .named(["utflytting_fra_oslo", "utflytting_innenfor_bydelen", "utflytting_mellom_bydeler"]),
            "flytting-til-etter-alder": .named(["innflytting_innenfor_bydelen", "innflytting_mellom_bydeler", "innflytting_til_oslo"]),
        ],
        types: ["historisk", "status"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let outward = tables["flytting-fra-etter-alder"] ?? [], inward = tables["flytting-til-etter-alder"] ?? []
        let status = type == "status"
        // A status shows the latest year the joined rows have: the latest both files have,
        // when a row of it joins (each year is joined and summed apart); else all years.
        var rows: [StatisticsRow] = []
        if status, let latest = Years.latestShared([outward, inward]) { rows = try aggregated(from: latest[0], to: latest[1]) }
        if rows.isEmpty { rows = try aggregated(from: outward, to: inward) }
        let selected = status ? try Years.status([rows])[0] : Years.historic([rows])[0]
        let metadata = GraphMetadata(heading: "Flytting etter alder", series: [("Flytting", "")])
        let template = ValueTemplate.custom { rows in
            let years = yearValues(rows)
            return status ? years.last ?? .null : .array(years)
        }
        return try DistrictFiles(series: [], template: template, metadata: metadata).generate(selected, publishedDate: publishedDate)
    }

    /// Moves out and in joined per year, district and age group, summed to districts and Oslo.
    static func aggregated(from outward: [StatisticsRow], to inward: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        var byKey: [String: StatisticsRow] = [:]
        func key(_ row: StatisticsRow) -> String { "\(row.date)|\(row.districtID ?? "")|\(row.districtName ?? "")|\(row.keys[age] ?? "")" }
        for row in inward { byKey[key(row)] = row }
        let joined: [StatisticsRow] = outward.compactMap { row in
            guard let match = byKey[key(row)] else { return nil }
            var row = row
            row.subDistrictID = nil
            row.subDistrictName = nil
            for column in match.columnNames { row[column] = match[column] }
            return row
        }
        return try Aggregation(extraKeys: [age]).aggregate(joined)
    }

    /// Per year: `{year, immigration: [per age group], emigration: [per age group]}`.
    static func yearValues(_ rows: [StatisticsRow]) -> [JSONValue] {
        Set(rows.map(\.date)).sorted().map { year in
            let ofYear = rows.filter { $0.date == year }
            var value: JSONObject = ["year": .number(Double(year))]
            for move in moves {
                value[move.name] = .array(ofYear.map { row in
                    var entry: JSONObject = ["alder": .string(row.keys[age] ?? "")]
                    for (label, column) in move.columns { entry[label] = .number(row[column]) }
                    return .object(entry)
                })
            }
            return .object(value)
        }
    }
}
