import ReportKit

/// `levekar_totalt`: the eight living-conditions indicators side by side for the latest
/// year, each as its ratio relative to the district's and to Oslo's (template K).
enum LevekarTotalt {
    static let befolkning = "befolkning-etter-kjonn-og-alder"
    static let inputs = [
        "redusert-funksjonsevne", "botid-ikke-vestlige", "lav-utdanning", "fattige-husholdninger", "sysselsatte", befolkning,
        "ikke-fullfort-vgs", "dodsrater", "trangbodde",
    ]
    static let indicators = [
        "antall_redusert_funksjonsevne", "ikke_vestlig_kort", "lav_utdanning", "antall_fattige_barnehusholdninger",
        "antall_ikke_sysselsatte", "ikke_fullfort_vgs", "dodsrate", "antall_trangbodde",
    ]
    static let series: [(String, JSONValue)] = [
        ("Redusert funksjonsevne", ""), ("Innvandrere fra Afrika, Asia mv. med kort botid", ""), ("Lav utdanning", ""),
        ("Lavinntektshusholdninger med barn", ""), ("Ikke sysselsatte", ""), ("Ikke fullført vgs", ""), ("Dødelighet", ""), ("Trangbodde", ""),
    ]

    static let function = BydelsfaktaFunction(
        name: "levekar_totalt", inputs: inputs, keyColumns: ["kjonn", "botid"],
        numbers: [
            "befolkning-etter-kjonn-og-alder": .ages,
            "botid-ikke-vestlige": .named(["asia_afrika_latin_amerika_og_ost_europa_utenfor_eu"]),
            "dodsrater": .named(["dodsrate"]),
            "fattige-husholdninger": .named(["husholdninger_med_barn_under_18_aar_eu_skala_andel"]),
            "ikke-fullfort-vgs": .named(["andelen_som_ikke_har_fullfort_i_lopet_av_5_aar"]),
            "lav-utdanning": .named(["grunnskole", "ingen_utdanning_uoppgitt", "universitet_hogskole_kort", "universitet_hogskole_lang", "videregaende"]),
            "redusert-funksjonsevne": .named(["andel_personer_med_redusert_funksjonsevne"]),
            "sysselsatte": .named(["antall_sysselsatte"]),
            "trangbodde": .named(["andel_som_bor_trangt"]),
        ],
        types: ["status"]
    ) { tables, _, publishedDate throws(PipelineError) in
        func table(_ name: String) -> [StatisticsRow] { tables[name] ?? [] }
        let population = table(befolkning)
        let frames: [[StatisticsRow]] = [
            table("redusert-funksjonsevne").withRatio("antall_redusert_funksjonsevne", from: "andel_personer_med_redusert_funksjonsevne"),
            try BotidIkkeVestlige.shares(table("botid-ikke-vestlige"), population: population),
            try LevekarLavUtdanning.shares(table("lav-utdanning")),
            table("fattige-husholdninger").withRatio("antall_fattige_barnehusholdninger", from: "husholdninger_med_barn_under_18_aar_eu_skala_andel"),
            try LevekarIkkeSysselsatte.shares(employment: table("sysselsatte"), population: population, datedBy: .population),
            table("ikke-fullfort-vgs").withRatio("ikke_fullfort_vgs", from: "andelen_som_ikke_har_fullfort_i_lopet_av_5_aar"),
            table("dodsrater").withRatio("dodsrate", from: "dodsrate"),
            try crowded(table("trangbodde"), population: population),
        ]
        var merged: [StatisticsRow]?
        for (frame, indicator) in zip(frames, indicators) {
            let relative = try relativeRatios(frame, column: "\(indicator)_ratio")
            merged = merged.map { innerJoin($0, relative) } ?? relative
        }
        let rows = try Years.status([merged ?? []])[0]
        let metadata = GraphMetadata(heading: "Personer fra 16 til 66 år med redusert funksjonsevne", series: series)
        return try DistrictFiles(series: indicators, template: .relativeRatios, metadata: metadata).generate(rows, publishedDate: publishedDate)
    }

    /// The crowded-homes share of the rows that have a population (at any level).
    static func crowded(_ rows: [StatisticsRow], population: [StatisticsRow]) throws(PipelineError) -> [StatisticsRow] {
        let people = Set(Population.totals(population).map(\.yearAndPlace))
        return rows.filter { people.contains($0.yearAndPlace()) }
            .withRatio("antall_trangbodde", from: "andel_som_bor_trangt")
    }

    /// Only the place and the ratio against the district's and Oslo's ratio of the same year
    /// (`<column>_district`, `<column>_oslo`); 16, 17 and 99 left out.
    static func relativeRatios(_ rows: [StatisticsRow], column: String) throws(PipelineError) -> [StatisticsRow] {
        let kept = rows.filter { !["16", "17", "99"].contains($0.districtID ?? "") }
        var districtRatio: [String: Double] = [:]
        for row in kept where row.subDistrictID == nil && districtRatio["\(row.date)|\(row.districtID ?? "")"] == nil {
            districtRatio["\(row.date)|\(row.districtID ?? "")"] = row[column]
        }
        return try kept.map { row throws(PipelineError) in
            guard let district = districtRatio["\(row.date)|\(row.districtID ?? "")"] else {
                throw PipelineError.badInput("'\(column)' has no row for district \(row.districtID ?? "?") itself in \(row.date), needed for \(row.subDistrictID ?? "its rows")")
            }
            guard let oslo = districtRatio["\(row.date)|00"] else {
                throw PipelineError.badInput("'\(column)' has no row for Oslo (00) in \(row.date)")
            }
            var relative = StatisticsRow(date: row.date, districtID: row.districtID, districtName: row.districtName,
                                         subDistrictID: row.subDistrictID, subDistrictName: row.subDistrictName)
            relative["\(column)_district"] = row[column] / district
            relative["\(column)_oslo"] = row[column] / oslo
            return relative
        }
    }

    /// The rows of `left` whose year and place are in `right`, with `right`'s columns added.
    static func innerJoin(_ left: [StatisticsRow], _ right: [StatisticsRow]) -> [StatisticsRow] {
        var byKey: [YearAndPlace: [StatisticsRow]] = [:]
        for row in right { byKey[row.yearAndPlace(withNames: true), default: []].append(row) }
        return left.flatMap { row in
            (byKey[row.yearAndPlace(withNames: true)] ?? []).map { match in
                var joined = row
                for column in match.columnNames { joined[column] = match[column] }
                return joined
            }
        }
    }
}
