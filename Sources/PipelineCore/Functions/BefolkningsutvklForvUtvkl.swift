import ReportKit

/// `befolkningsutvkl_forv_utvkl`: population development (deaths, births, moves out of and
/// into the district, population and its relative change) over the years, and the
/// population projection (template H).
enum BefolkningsutvklForvUtvkl {
    static let inputs = [
        "befolkning-etter-kjonn-og-alder", "dode", "fodte", "flytting-til-etter-alder", "flytting-fra-etter-alder",
        "befolkningsframskrivninger",
    ]

    static let function = BydelsfaktaFunction(
        name: "befolkningsutvkl_forv_utvkl", inputs: inputs, keyColumns: ["kjonn", "alder"],
        numbers: [
            "befolkning-etter-kjonn-og-alder": .ages,
            "befolkningsframskrivninger": .ages,
            "dode": .named(["antall_dode"]),
            "flytting-fra-etter-alder": .named(["utflytting_fra_oslo", "utflytting_mellom_bydeler"]),
            "flytting-til-etter-alder": .named(["innflytting_mellom_bydeler", "innflytting_til_oslo"]),
            "fodte": .named(["antall_fodte"]),
        ],
        types: ["historisk"]
    ) { tables, _, publishedDate throws(PipelineError) in
        let historic = Years.historic(inputs.dropLast().map { tables[$0] ?? [] })
        let population = try withChange(try Aggregation(rules: ["population": .sum]).aggregate(Population.bySubDistrict(complete(historic[0]))))
        let deaths = try Aggregation(rules: ["antall_dode": .sum]).aggregate(complete(historic[1]))
        let births = try Aggregation(rules: ["antall_fodte": .sum]).aggregate(complete(historic[2]))
        let immigration = migration(historic[3], columns: ("innflytting_til_oslo", "innflytting_mellom_bydeler"), label: "immigration")
        let emigration = migration(historic[4], columns: ("utflytting_fra_oslo", "utflytting_mellom_bydeler"), label: "emigration")
        var merged = outerJoin([population, deaths, births, immigration, emigration])
        for index in merged.indices {
            merged[index]["deaths"] = merged[index]["antall_dode"]
            merged[index]["births"] = merged[index]["antall_fodte"]
        }
        let rows = merged + projection(tables["befolkningsframskrivninger"] ?? [])
        let metadata = GraphMetadata(
            heading: "Befolkningsutvikling og fremskrivning", series: [("Befolkningsutvikling", ""), ("Befolkningsfremskrivning", "")])
        let template = ValueTemplate.presentValues(groups: [
            ["deaths", "births", "emigration", "immigration", "population", "change"], ["projection"],
        ])
        return try DistrictFiles(series: [], template: template, metadata: metadata).generate(rows, publishedDate: publishedDate)
    }

    /// Rows with every place field and every number (the original drops incomplete rows).
    static func complete(_ rows: [StatisticsRow]) -> [StatisticsRow] {
        rows.filter { row in
            row.districtID != nil && row.districtName != nil && row.subDistrictID != nil && row.subDistrictName != nil
                && !row.hasMissingNumber
        }
    }

    /// Each geography's relative change of population from its previous year.
    static func withChange(_ rows: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        var previous: [String: Double] = [:]
        return rows.map { row in
            var row = row
            let place = "\(row.districtID ?? "")|\(row.subDistrictID ?? "")"
            row["change"] = previous[place].map { row["population"] / $0 - 1 } ?? .nan
            previous[place] = row["population"]
            return row
        }
    }

    /// Moves per district (both columns summed into `label`), and Oslo as their sum.
    static func migration(_ rows: [StatisticsRow], columns: (String, String), label: String) -> [StatisticsRow] {
        var districts: [StatisticsRow] = []
        var index: [String: Int] = [:]
        for row in rows {
            guard let district = row.districtID, let name = row.districtName else { continue }
            let key = "\(row.date)|\(district)|\(name)"
            if index[key] == nil {
                index[key] = districts.count
                var fresh = StatisticsRow(date: row.date, districtID: district, districtName: name, subDistrictID: nil, subDistrictName: nil)
                fresh[label] = 0
                districts.append(fresh)
            }
            let moved = [columns.0, columns.1].reduce(0.0) { $0 + (row[$1].isNaN ? 0 : row[$1]) }
            districts[index[key]!][label] += moved
        }
        var oslo: [Int: Double] = [:]
        for row in districts { oslo[row.date, default: 0] += row[label] }
        let osloRows = oslo.keys.sorted().map { date in
            StatisticsRow(date: date, districtID: "00", districtName: "Oslo i alt", subDistrictID: nil, subDistrictName: nil, numbers: [label: oslo[date]!])
        }
        return osloRows + districts
    }

    /// The projection rows as given (one per district and year), and Oslo per year.
    static func projection(_ rows: [StatisticsRow]) -> [StatisticsRow] {
        let ages = (0...99).map(String.init)
        var result: [StatisticsRow] = []
        var oslo: [Int: Double] = [:]
        for row in rows {
            let total = ages.reduce(0.0) { $0 + (row[$1].isNaN ? 0 : row[$1]) }
            result.append(StatisticsRow(date: row.date, districtID: row.districtID, districtName: row.districtName, subDistrictID: nil,
                                        subDistrictName: nil, numbers: ["projection": total]))
            oslo[row.date, default: 0] += total
        }
        return result + oslo.keys.sorted().map { date in
            StatisticsRow(date: date, districtID: "00", districtName: "Oslo i alt", subDistrictID: nil, subDistrictName: nil, numbers: ["projection": oslo[date]!])
        }
    }

    /// The union of the tables' rows by year and place, each row with every table's columns
    /// (a full outer join); rows sorted by place, then year.
    static func outerJoin(_ tables: [[StatisticsRow]]) -> [StatisticsRow] {
        var order: [String] = []
        var joined: [String: StatisticsRow] = [:]
        for table in tables {
            for row in table {
                let key = [row.districtID ?? "\u{10FFFF}", row.districtName ?? "", String(row.date), row.subDistrictID ?? "\u{10FFFF}", row.subDistrictName ?? ""]
                    .joined(separator: "\u{1F}")
                if var existing = joined[key] {
                    for column in row.columnNames { existing[column] = row[column] }
                    joined[key] = existing
                } else {
                    order.append(key)
                    joined[key] = row
                }
            }
        }
        return order.map { joined[$0]! }.sorted { lhs, rhs in
            // By district, then sub-district (a missing one after every id), then year.
            let (leftDistrict, rightDistrict) = (lhs.districtID ?? "\u{10FFFF}", rhs.districtID ?? "\u{10FFFF}")
            if leftDistrict != rightDistrict { return leftDistrict.precedesByCodePoints(rightDistrict) }
            let (leftSub, rightSub) = (lhs.subDistrictID ?? "\u{10FFFF}", rhs.subDistrictID ?? "\u{10FFFF}")
            if leftSub != rightSub { return leftSub.precedesByCodePoints(rightSub) }
            return lhs.date < rhs.date
        }
    }
}
