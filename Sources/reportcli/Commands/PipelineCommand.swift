import PipelineCore

/// `reportcli pipeline`: the group of dataset pipeline commands (today `run`).
struct PipelineCommand: Command {
    let name = "pipeline"
    let summary = "dataset pipeline steps for the dataplatform"
    let discussion = "One step of a dataplatform pipeline at a time: the event names a bydelsfakta function, its input datasets' prefixes and the output dataset."
    let notes = [functions]
    let subcommands: [any Command] = [PipelineRunCommand()]

    /// The functions a step may name.
    static let functions = HelpSection(title: "FUNCTIONS", text: BydelsfaktaFunction.all.map(\.name).joined(separator: ", "))
}
