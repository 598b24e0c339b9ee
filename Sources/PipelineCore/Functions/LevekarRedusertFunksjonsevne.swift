import ReportKit

/// `levekar_redusert_funksjonsevne`: people aged 16-66 with reduced functional ability, as
/// given per place, with the given percentage as the ratio.
enum LevekarRedusertFunksjonsevne {
    static let column = "antall_personer_med_redusert_funksjonsevne"

    static let function = BydelsfaktaFunction(
        name: "levekar_redusert_funksjonsevne", inputs: ["redusert-funksjonsevne"], keyColumns: [],
        numbers: [
            "redusert-funksjonsevne": .named(["andel_personer_med_redusert_funksjonsevne", "antall_personer_med_redusert_funksjonsevne"]),
        ],
        types: ["status", "historisk"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let rows = (tables["redusert-funksjonsevne"] ?? []).withRatio(column, from: "andel_personer_med_redusert_funksjonsevne")
        return try PreAggregated.files(
            rows, column: column, heading: "Personer fra 16 til 66 år med redusert funksjonsevne", series: [["heading": "Redusert funksjonsevne", "subheading": ""]],
            type: type, publishedDate: publishedDate)
    }
}
