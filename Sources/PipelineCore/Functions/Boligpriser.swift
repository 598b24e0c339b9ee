import ReportKit

/// `boligpriser`: the average price per square metre of flats in blocks, as given per place.
/// The source names Oslo's rows without an id; they are read as `00`.
enum Boligpriser {
    static let function = BydelsfaktaFunction(
        name: "boligpriser", inputs: ["boligpriser-blokkleiligheter"], keyColumns: [],
        numbers: [
            "boligpriser-blokkleiligheter": .named(["kvmpris"]),
        ],
        types: ["status", "historisk"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let input = (tables["boligpriser-blokkleiligheter"] ?? []).map { row in
            var row = row
            row["value"] = row["kvmpris"]
            if row.districtName == "Oslo i alt" { row.districtID = "00" }
            return row
        }
        let rows = type == "status" ? try Years.status([input])[0] : Years.historic([input])[0]
        var metadata = GraphMetadata(
            heading: "Gjennomsnittpris (kr) pr kvm for blokkleilighet",
            series: [("Gjennomsnittpris (kr) pr kvm for blokkleilighet", "")])
        metadata.scale = GraphMetadata.scale(rows, column: "value")
        return try DistrictFiles(series: ["value"], template: .flat, metadata: metadata)
            .generate(rows.filter { !$0["value"].isNaN }, publishedDate: publishedDate)
    }
}
