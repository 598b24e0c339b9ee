import ReportKit

/// `trangboddhet`: households by rooms per person (under 0.5, 0.5-0.9, 1.0-1.9, 2 or more),
/// as counts and shares of all four; one band or all, latest year or over the years.
enum Trangboddhet {
    static let bands = ["rom_per_person_under_0_5", "rom_per_person_0_5_til_0_9", "rom_per_person_1_0_til_1_9", "rom_per_person_2_0_og_over"]
    static let allSeries: [(String, JSONValue)] = [
        ("Under 0,5 rom per person", ""), ("0,5–0,9 rom per person", ""), ("1,0–1,9 rom per person", ""), ("2 rom eller flere per person", ""),
    ]

    /// Per dataset type: heading, series, the band shown (nil: all four), the template.
    static let kinds: [String: (heading: String, series: [(String, JSONValue)], band: String?, template: ValueTemplate)] = [
        "0-5-0-9_status": ("0,5–0,9 rom per person", [], bands[1], .flat),
        "0-5-0-9_historisk": ("0,5–0,9 rom per person", [], bands[1], .flat),
        "1-0-1-9_status": ("1,0–1,9 rom per person", [], bands[2], .flat),
        "1-0-1-9_historisk": ("Personer per rom - 1,5 - 1,9", [], bands[2], .flat),
        "over-2_status": ("2 rom eller flere per person", [], bands[3], .flat),
        "over-2_historisk": ("2 rom eller flere per person", [], bands[3], .flat),
        "under-0-5_status": ("Under 0,5 rom per preson", [], bands[0], .flat),
        "under-0-5_historisk": ("Personer per rom - under 0.5", [], bands[0], .flat),
        "alle_status": ("Husstander fordelt på personer per rom", allSeries, nil, .flat),
        "alle_historisk": ("", allSeries, nil, .perSeries),
    ]

    static let function = BydelsfaktaFunction(
        name: "trangboddhet", inputs: ["husholdninger-etter-rom-per-person"], keyColumns: [], types: kinds.keys.sorted()
    ) { tables, type, publishedDate throws(PipelineError) in
        guard let kind = kinds[type] else { throw PipelineError.badInput("unknown type \(type)") }
        let input = (tables["husholdninger-etter-rom-per-person"] ?? []).filter { $0.districtID != "00" }
        var rules: [String: Aggregation.Rule] = ["rom_per_person_i_alt": .sum]
        for band in bands { rules[band] = .sum }
        var rows = try Aggregation(rules: rules).aggregate(input)
        for index in rows.indices {
            let all = bands.map { rows[index][$0] }.filter { !$0.isNaN }.reduce(0, +)
            for band in bands { rows[index]["\(band)_ratio"] = rows[index][band] / all }
        }
        var metadata = GraphMetadata(heading: kind.heading, series: kind.series)
        let isStatus = type.hasSuffix("_status")
        if isStatus, let band = kind.band { metadata.scale = GraphMetadata.scale(rows, column: band) }
        let selected = isStatus ? try Years.status([rows])[0] : Years.historic([rows])[0]
        return try DistrictFiles(series: kind.band.map { [$0] } ?? bands, template: kind.template, metadata: metadata)
            .generate(selected, publishedDate: publishedDate)
    }
}
