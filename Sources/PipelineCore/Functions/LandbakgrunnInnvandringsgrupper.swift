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
        let rows = try withShares(countries: tables[countries] ?? [], population: tables[population] ?? [])
        let status = type == "status"
        let series: [(String, JSONValue)] = status
            ? [("Innvandrer", ""), ("Norskfødt med innvandrerforeldre", "")]
            : [("Totalt", ""), ("Innvandrer", ""), ("Norskfødt med innvandrerforeldre", "")]
        let meta: JSONValue = [
            "series": .array(series.map { ["heading": .string($0.0), "subheading": $0.1] }), "heading": "10 største innvandringsgrupper",
        ]
        let points = status ? ["innvandrer", "norskfodt_med_innvandrerforeldre"] : ["total", "innvandrer", "norskfodt_med_innvandrerforeldre"]
        let latest = rows.map(\.date).max()
        let shown = status ? rows.filter { $0.date == latest } : rows
        var files: [JSONValue] = []
        var seen = Set<String>()
        for row in rows where seen.insert(row.districtID ?? "").inserted {
            let district = row.districtID ?? ""
            let own = shown.filter { $0.districtID == district }
            let data: [JSONValue] = largest(rows.filter { $0.districtID == district }, count: 10).map { country in
                let geography = own.filter { $0.keys["landbakgrunn"] == country }
                let values: [JSONValue] = points.map { point in
                    let entries = geography.map { row -> JSONValue in
                        ["date": .number(Double(row.date)), "value": .number(row[point]), "ratio": .number(row["\(point)_ratio"])]
                    }
                    return status ? entries.last ?? .null : .array(entries)
                }
                return ["geography": .string(country), "values": .array(geography.isEmpty ? [] : values)]
            }
            files.append(["district": .string(row.districtName ?? ""), "id": .string(district), "data": .array(data), "meta": meta])
        }
        return files
    }

    /// The country rows with `total`, Oslo's sums per year and country added, joined with
    /// the district populations (16 Sentrum and 17 Marka left out), with each count's share.
    static func withShares(countries: [StatisticsRow], population: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        var rows = countries.map { row in
            var row = row
            row["total"] = [row["innvandrer"], row["norskfodt_med_innvandrerforeldre"]].filter { !$0.isNaN }.reduce(0, +)
            return row
        }
        var oslo: [String: StatisticsRow] = [:]
        for row in rows {
            let country = row.keys["landbakgrunn"] ?? ""
            let key = "\(row.date)|\(country)"
            var sum = oslo[key] ?? StatisticsRow(
                date: row.date, districtID: "00", districtName: "Oslo i alt", subDistrictID: nil, subDistrictName: nil,
                keys: ["landbakgrunn": country], numbers: ["innvandrer": 0, "norskfodt_med_innvandrerforeldre": 0, "total": 0])
            for column in ["innvandrer", "norskfodt_med_innvandrerforeldre", "total"] where !row[column].isNaN { sum[column] += row[column] }
            oslo[key] = sum
        }
        rows += oslo.values.sorted { $0.date != $1.date ? $0.date < $1.date : ($0.keys["landbakgrunn"] ?? "").precedesByCodePoints($1.keys["landbakgrunn"] ?? "") }

        let people = Population.bySubDistrict(population).filter { $0.districtID != "16" && $0.districtID != "17" }
        var totals: [String: Double] = [:]
        for row in try Aggregation(rules: ["population": .sum]).aggregate(people) where row.subDistrictID == nil {
            totals["\(row.districtID ?? "")|\(row.date)|\(row.districtName ?? "")"] = row["population"]
        }
        return rows.compactMap { row in
            guard let total = totals["\(row.districtID ?? "")|\(row.date)|\(row.districtName ?? "")"] else { return nil }
            var row = row
            row["population"] = total
            for point in ["total", "innvandrer", "norskfodt_med_innvandrerforeldre"] { row["\(point)_ratio"] = row[point] / total }
            return row
        }
    }

    /// The `count` countries with the largest `total` in the district's latest year; ties keep
    /// the input's order (pandas' `nlargest`).
    static func largest(_ rows: [StatisticsRow], count: Int) -> [String] {
        guard let latest = rows.map(\.date).max() else { return [] }
        let current = rows.enumerated().filter { $0.element.date == latest }
        let ordered = current.sorted { $0.element["total"] != $1.element["total"] ? $0.element["total"] > $1.element["total"] : $0.offset < $1.offset }
        return ordered.prefix(count).map { $0.element.keys["landbakgrunn"] ?? "" }
    }
}
