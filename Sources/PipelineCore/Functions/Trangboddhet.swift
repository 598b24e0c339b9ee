import ReportKit

/// `trangboddhet`: households by rooms per person (under 0.5, 0.5-0.9, 1.0-1.9, 2 or more),
/// as counts and shares of all four; one band or all, latest year or over the years.
enum Trangboddhet {
    static let bands = ["rom_per_person_under_0_5", "rom_per_person_0_5_til_0_9", "rom_per_person_1_0_til_1_9", "rom_per_person_2_0_og_over"]
    static let allSeries: [(String, JSONValue)] = [
        ("Under 0,5 rom per person", ""), ("0,5–0,9 rom per person", ""), ("1,0–1,9 rom per person", ""), ("2 rom eller flere per person", ""),
    ]

    static let kinds: [String: DatasetKind] = [
        "0-5-0-9_status": DatasetKind("0,5–0,9 rom per person", columns: [bands[1]], scale: bands[1]),
        "0-5-0-9_historisk": DatasetKind("0,5–0,9 rom per person", columns: [bands[1]]),
        "1-0-1-9_status": DatasetKind("1,0–1,9 rom per person", columns: [bands[2]], scale: bands[2]),
        "1-0-1-9_historisk": DatasetKind("Personer per rom - 1,5 - 1,9", columns: [bands[2]]),
        "over-2_status": DatasetKind("2 rom eller flere per person", columns: [bands[3]], scale: bands[3]),
        "over-2_historisk": DatasetKind("2 rom eller flere per person", columns: [bands[3]]),
        "under-0-5_status": DatasetKind("Under 0,5 rom per preson", columns: [bands[0]], scale: bands[0]),
        "under-0-5_historisk": DatasetKind("Personer per rom - under 0.5", columns: [bands[0]]),
        "alle_status": DatasetKind("Husstander fordelt på personer per rom", allSeries, columns: bands),
        "alle_historisk": DatasetKind("", allSeries, columns: bands, template: .perSeries),
    ]

    static let function = BydelsfaktaFunction(
        name: "trangboddhet", inputs: ["husholdninger-etter-rom-per-person"], keyColumns: [],
        numbers: [
            "husholdninger-etter-rom-per-person": .named(["rom_per_person_0_5_til_0_9", "rom_per_person_1_0_til_1_9", "rom_per_person_2_0_og_over", "rom_per_person_i_alt", "rom_per_person_under_0_5"]),
        ],
        types: kinds.keys.sorted()
    ) { tables, type, publishedDate throws(PipelineError) in
        let kind = try DatasetKind.named(type, in: kinds)
        let input = (tables["husholdninger-etter-rom-per-person"] ?? []).filter { $0.districtID != "00" }
        var rules: [String: Aggregation.Rule] = ["rom_per_person_i_alt": .sum]
        for band in bands { rules[band] = .sum }
        let rows = try Aggregation(rules: rules).aggregate(input)
            .withRatios(bands) { row in bands.map { row[$0] }.filter { !$0.isNaN }.reduce(0, +) }
        return try kind.files(rows, type: type, publishedDate: publishedDate)
    }
}
