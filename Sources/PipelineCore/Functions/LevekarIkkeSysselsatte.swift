import ReportKit

/// `levekar_ikke_sysselsatte`: people aged 30-59 without employment (the population of those
/// ages less the employed), as a count and a share of that population. Employment is counted
/// in the fourth quarter, the population on 1 January: a population year is matched with
/// the employment of the year before.
enum LevekarIkkeSysselsatte {
    static let point = "antall_ikke_sysselsatte"

    static let function = BydelsfaktaFunction(
        name: "levekar_ikke_sysselsatte", inputs: ["sysselsatte", "befolkning-etter-kjonn-og-alder"], keyColumns: ["kjonn"],
        numbers: [
            "befolkning-etter-kjonn-og-alder": .ages,
            "sysselsatte": .named(["antall_sysselsatte"]),
        ],
        types: ["status", "historisk"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let rows = try shares(employment: tables["sysselsatte"] ?? [], population: tables["befolkning-etter-kjonn-og-alder"] ?? [], datedBy: .employment)
        let kind = DatasetKind(
            "Antall ikke-sysselsatte personer mellom 30-59 år", [("Ikke sysselsatte", "")], columns: [point],
            scale: type == "status" ? point : nil)
        return try kind.files(rows, type: type, publishedDate: publishedDate)
    }

    /// Which year a matched pair carries: the employment's, or the population's (a year later).
    enum Dating { case employment, population }

    /// Those without employment per sub-district (16, 17 and 99 left out), summed up the
    /// levels, with their share of the population aged 30-59.
    static func shares(employment: [StatisticsRow], population: [StatisticsRow], datedBy dating: Dating) throws(PipelineError) -> [StatisticsRow] {
        var people: [String: Double] = [:]
        for row in Population.bySubDistrict(population, ages: 30...59) {
            people["\(row.date - 1)|\(row.subDistrictID ?? "")"] = row["population"]
        }
        let joined: [StatisticsRow] = employment.compactMap { row in
            guard let sub = row.subDistrictID, let population = people["\(row.date)|\(sub)"],
                  !["16", "17", "99"].contains(row.districtID ?? "") else { return nil }
            var row = row
            if dating == .population { row.date += 1 }
            row["population"] = population
            row[point] = population - row["antall_sysselsatte"]
            return row
        }
        return try Aggregation(rules: ["population": .sum, point: .sum]).aggregate(joined).withRatios([point]) { $0["population"] }
    }
}
