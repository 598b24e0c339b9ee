import ReportKit

/// `flyttehyppighet_inn_kat`: moves into and out of each district by age group and
/// immigration category (immigrants, born in Norway to immigrant parents, others), within the
/// district, between districts and to or from Oslo, per year (`historisk`) or for the latest
/// year (`status`).
enum FlyttehyppighetInnKat {
    static let age = "aldersgruppe_5_aar"
    static let category = "innvandringskategori"
    static let categories = [("Innvandrer", "innvandrer"), ("Norskfødte med innv.foreldre", "norskfødt"), ("Øvrige", "øvrige")]
    static let moves: [(name: String, columns: [(String, String)])] = [
        ("immigration", [("mellomBydel", "innflytting_mellom_bydeler"), ("tilFraOslo", "innflytting_til_oslo"), ("innenforBydel", "innflytting_innenfor_bydelen")]),
        ("emigration", [("mellomBydel", "utflytting_mellom_bydeler"), ("tilFraOslo", "utflytting_fra_oslo"), ("innenforBydel", "utflytting_innenfor_bydelen")]),
    ]

    static let function = BydelsfaktaFunction(
        name: "flyttehyppighet_inn_kat", inputs: ["flytting-fra-etter-inn-kat", "flytting-til-etter-inn-kat"], keyColumns: [age, category],
        numbers: [
            "flytting-fra-etter-inn-kat": .named(["utflytting_fra_oslo", "utflytting_innenfor_bydelen", "utflytting_mellom_bydeler"]),
            "flytting-til-etter-inn-kat": .named(["innflytting_innenfor_bydelen", "innflytting_mellom_bydeler", "innflytting_til_oslo"]),
        ],
        types: ["historisk", "status"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let rows = try aggregated(from: tables["flytting-fra-etter-inn-kat"] ?? [], to: tables["flytting-til-etter-inn-kat"] ?? [])
        let status = type == "status"
        let selected = status ? try Years.status([rows])[0] : Years.historic([rows])[0]
        let metadata = GraphMetadata(heading: "Flytting med innvandringskategorier", series: [("Flytting med innvandringskategorier", "")])
        let template = ValueTemplate.custom { rows throws(PipelineError) in
            let years = yearValues(rows)
            if status {
                guard years.count == 1 else { throw PipelineError.badInput("the status of \(rows.first?.districtID ?? "?") spans \(years.count) years") }
                return years[0]
            }
            return .array(years)
        }
        return try DistrictFiles(series: [], template: template, metadata: metadata).generate(selected, publishedDate: publishedDate)
    }

    /// Moves out and in joined per year, district, age group and category; the categories
    /// spread into columns `<move>|<category>`; summed to districts and Oslo; totals added.
    static func aggregated(from outward: [StatisticsRow], to inward: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        func key(_ row: StatisticsRow) -> String {
            "\(row.date)|\(row.districtID ?? "")|\(row.districtName ?? "")|\(row.keys[age] ?? "")|\(row.keys[category] ?? "")"
        }
        var inByKey: [String: StatisticsRow] = [:]
        for row in inward { inByKey[key(row)] = row }
        var pivoted: [String: StatisticsRow] = [:]
        var order: [String] = []
        for row in outward {
            guard let match = inByKey[key(row)] else { continue }
            let place = "\(row.date)|\(row.districtID ?? "")|\(row.districtName ?? "")|\(row.keys[age] ?? "")"
            if pivoted[place] == nil {
                order.append(place)
                pivoted[place] = StatisticsRow(date: row.date, districtID: row.districtID, districtName: row.districtName,
                                               subDistrictID: nil, subDistrictName: nil, keys: [age: row.keys[age] ?? ""])
            }
            let name = row.keys[category] ?? ""
            for source in [row, match] {
                for column in source.columnNames {
                    let target = "\(column)|\(name)"
                    let value = source[column]
                    pivoted[place]![target] = (pivoted[place]!.has(target) ? pivoted[place]![target] : 0) + (value.isNaN ? 0 : value)
                }
            }
        }
        var rows = try Aggregation(extraKeys: [age]).aggregate(order.map { pivoted[$0]! })
        for index in rows.indices {
            for move in moves {
                for (_, column) in move.columns {
                    rows[index]["\(column)|Total"] = categories.map { rows[index]["\(column)|\($0.0)"] }.filter { !$0.isNaN }.reduce(0, +)
                }
            }
        }
        return rows
    }

    /// Per year: `{year, immigration: [per age group], emigration: [per age group]}`.
    static func yearValues(_ rows: [StatisticsRow]) -> [JSONValue] {
        let years = Set(rows.map(\.date)).sorted()
        return years.map { year in
            let ofYear = rows.filter { $0.date == year }
            var value: JSONObject = ["year": .number(Double(year))]
            for move in moves {
                value[move.name] = .array(ofYear.map { row in
                    var entry: JSONObject = ["alder": .string(row.keys[age] ?? "")]
                    for (label, column) in move.columns {
                        var counts = JSONObject()
                        for (name, key) in categories { counts[key] = .number(row["\(column)|\(name)"]) }
                        counts["totalt"] = .number(row["\(column)|Total"])
                        entry[label] = .object(counts)
                    }
                    return .object(entry)
                })
            }
            return .object(value)
        }
    }
}
