import ReportKit

/// `landbakgrunn_innvandringsgrupper`: per district (and Oslo), the ten largest groups of
/// immigrants and children of immigrants by country of origin, as counts and shares of the
/// district's population. Its files have their own shape: `data` holds one
/// `{geography: country, values}` per country, and `meta` only the heading and series.
enum LandbakgrunnInnvandringsgrupper {
    static let countries = "landbakgrunn-storste-innvandringsgrupper"
    static let population = "befolkning-etter-kjonn-og-alder"

    static let function = BydelsfaktaFunction(
        name: "landbakgrunn_innvandringsgrupper", inputs: [countries, population], keyColumns: ["kjonn", "landbakgrunn"],
        numbers: [
            "befolkning-etter-kjonn-og-alder": .ages,
            "landbakgrunn-storste-innvandringsgrupper": .named(["innvandrer", "norskfodt_med_innvandrerforeldre"]),
        ],
        types: ["status", "historisk"]
    ) { tables, type, _ throws(PipelineError) in
        let rows = CountryShare.withShares(countries: tables[countries] ?? [], population: tables[population] ?? [])
        let status = type == "status"
        let series: [(String, JSONValue)] = status
            ? [("Innvandrer", ""), ("Norskfødt med innvandrerforeldre", "")]
            : [("Totalt", ""), ("Innvandrer", ""), ("Norskfødt med innvandrerforeldre", "")]
        let meta: JSONValue = [
            "series": .array(series.map { ["heading": .string($0.0), "subheading": $0.1] }), "heading": "10 største innvandringsgrupper",
        ]
        // The series shown, as CountryShare's slots: total, innvandrer, norskfodt_med_innvandrerforeldre.
        let points = status ? [1, 2] : [0, 1, 2]
        let latest = rows.lazy.map(\.date).max()
        // Each district's rows and, of those shown, each country's, in the rows' order: one
        // pass each rather than a filter of every row per district and country.
        var districts: [(id: String, positions: [Int])] = []
        var districtSlot: [String: Int] = [:]
        for (position, row) in rows.enumerated() {
            let district = row.districtID ?? ""
            if let slot = districtSlot[district] {
                districts[slot].positions.append(position)
            } else {
                districtSlot[district] = districts.count
                districts.append((district, [position]))
            }
        }
        // Thousands of these: made from their members at once, not through a literal.
        func entry(_ row: CountryShare, _ slot: Int) -> JSONValue {
            .object(JSONObject(uniqueMembers: [
                .init(key: "date", value: .number(Double(row.date))), .init(key: "value", value: .number(row.count(slot))),
                .init(key: "ratio", value: .number(row.ratio(slot))),
            ]))
        }
        var files: [JSONValue] = []
        files.reserveCapacity(districts.count)
        for (district, positions) in districts {
            var shownByCountry: [String: [Int]] = [:]
            for position in positions where !status || rows[position].date == latest {
                guard let country = rows[position].country else { continue }
                shownByCountry[country, default: []].append(position)
            }
            let data: [JSONValue] = CountryShare.largest(positions, in: rows, count: 10).map { country in
                let geography = shownByCountry[country] ?? []
                guard let last = geography.last else { return ["geography": .string(country), "values": []] }
                let values: [JSONValue] = points.map { slot in
                    status ? entry(rows[last], slot) : .array(geography.map { entry(rows[$0], slot) })
                }
                return ["geography": .string(country), "values": .array(values)]
            }
            files.append(["district": .string(rows[positions[0]].districtName ?? ""), "id": .string(district), "data": .array(data), "meta": meta])
        }
        return files
    }
}
