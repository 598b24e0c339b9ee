import ReportKit

/// `ikke_fullfort_vgs`: people who have not completed upper secondary school within five
/// years, as given per place, with the given percentage as the ratio.
enum IkkeFullfortVgs {
    static let column = "antall_personer_ikke_fullfort_i_lopet_av_5_aar"

    static let function = BydelsfaktaFunction(
        name: "ikke_fullfort_vgs", inputs: ["ikke-fullfort-vgs"], keyColumns: [],
        numbers: [
            "ikke-fullfort-vgs": .named(["andelen_som_ikke_har_fullfort_i_lopet_av_5_aar", "antall_personer_ikke_fullfort_i_lopet_av_5_aar"]),
        ],
        types: ["status", "historisk"]
    ) { tables, type, publishedDate throws(PipelineError) in
        let rows = (tables["ikke-fullfort-vgs"] ?? []).withRatio(column, from: "andelen_som_ikke_har_fullfort_i_lopet_av_5_aar")
        // The original writes this series' key as "Heading"; kept, as readers of the files see it.
        return try PreAggregated.files(
            rows, column: column, heading: "Personer som ikke har fullført vgs",
            series: [["Heading": "Antall personer, ikke fullført i løpet av 5 år", "subheading": ""]], type: type, publishedDate: publishedDate)
    }
}
