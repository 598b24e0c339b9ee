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
        let ratios = points.map { "\($0)_ratio" }
        let latest = rows.map(\.date).max()
        // Each district's rows and, of those shown, each country's, in the rows' order: one
        // pass each rather than a filter of every row per district and country.
        var districts: [String] = []
        var byDistrict: [String: [Int]] = [:]
        for (position, row) in rows.enumerated() {
            let district = row.districtID ?? ""
            if byDistrict[district] == nil { districts.append(district) }
            byDistrict[district, default: []].append(position)
        }
        var files: [JSONValue] = []
        for district in districts {
            let positions = byDistrict[district]!
            var shownByCountry: [String: [Int]] = [:]
            for position in positions where !status || rows[position].date == latest {
                guard let country = rows[position].keys["landbakgrunn"] else { continue }
                shownByCountry[country, default: []].append(position)
            }
            let data: [JSONValue] = largest(positions.map { rows[$0] }, count: 10).map { country in
                let geography = shownByCountry[country] ?? []
                let values: [JSONValue] = points.indices.map { slot in
                    let entries = geography.map { position -> JSONValue in
                        let row = rows[position]
                        return ["date": .number(Double(row.date)), "value": .number(row[points[slot]]), "ratio": .number(row[ratios[slot]])]
                    }
                    return status ? entries.last ?? .null : .array(entries)
                }
                return ["geography": .string(country), "values": .array(geography.isEmpty ? [] : values)]
            }
            files.append(["district": .string(rows[positions[0]].districtName ?? ""), "id": .string(district), "data": .array(data), "meta": meta])
        }
        return files
    }

    /// The country rows with `total`, Oslo's sums per year and country added, joined with
    /// the district populations (16 Sentrum and 17 Marka left out), with each count's share.
    static func withShares(countries: [StatisticsRow], population: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        var rows = countries.map { row in
            var row = row
            // The two counts' sum, a missing one left out (0 when both are).
            var total = 0.0
            for count in [row["innvandrer"], row["norskfodt_med_innvandrerforeldre"]] where !count.isNaN { total += count }
            row["total"] = total
            return row
        }
        // Oslo's sums per year and country, in the order the pairs first appear.
        struct YearCountry: Hashable { var date: Int; var country: String }
        let summed = ["innvandrer", "norskfodt_med_innvandrerforeldre", "total"]
        var osloOrder: [YearCountry] = []
        var osloSums: [YearCountry: [Double]] = [:]
        var slots = ColumnSlots(summed)
        for row in rows {
            let key = YearCountry(date: row.date, country: row.keys["landbakgrunn"] ?? "")
            if osloSums[key] == nil { osloOrder.append(key); osloSums[key] = [0, 0, 0] }
            let found = slots.slots(in: row)
            for slot in summed.indices {
                let value = row.value(at: found[slot])
                if !value.isNaN { osloSums[key]![slot] += value }
            }
        }
        osloOrder.sort { $0.date != $1.date ? $0.date < $1.date : $0.country.precedesByCodePoints($1.country) }
        rows += osloOrder.map { key in
            let sums = osloSums[key]!
            return StatisticsRow(
                date: key.date, districtID: "00", districtName: "Oslo i alt", subDistrictID: nil, subDistrictName: nil,
                keys: ["landbakgrunn": key.country], numbers: [summed[0]: sums[0], summed[1]: sums[1], summed[2]: sums[2]])
        }

        struct DistrictYear: Hashable {
            var district: String
            var date: Int
            var name: String
            /// The name follows from the id: hashing the id and year is enough (equality
            /// compares all three).
            func hash(into hasher: inout Hasher) {
                var key = KeyHash()
                key.add(district)
                key.add(date)
                key.feed(into: &hasher)
            }
        }
        var totals: [DistrictYear: Double] = [:]
        for total in Population.totals(population, leavingOut: ["16", "17"]) where total.place.subDistrictID.isEmpty {
            totals[DistrictYear(district: total.place.districtID, date: total.place.date, name: total.place.districtName)] = total.population
        }
        let points = ["total", "innvandrer", "norskfodt_med_innvandrerforeldre"]
        let set = ["population"] + points.map { "\($0)_ratio" }
        var counts = ColumnSlots(points), shares = ColumnSlots(set)
        return rows.compactMap { row in
            guard let total = totals[DistrictYear(district: row.districtID ?? "", date: row.date, name: row.districtName ?? "")] else { return nil }
            var row = row
            // Slots found before setting: `population` and the ratios are columns of their own.
            let values = counts.slots(in: row).map { row.value(at: $0) }
            let targets = shares.slots(in: row)
            row.set(total, at: targets[0], column: set[0])
            for slot in points.indices { row.set(values[slot] / total, at: targets[slot + 1], column: set[slot + 1]) }
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
