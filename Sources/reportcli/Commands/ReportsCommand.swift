/// `reportcli reports`: the group of commands on a reports file (today `check`).
struct ReportsCommand: Command {
    let name = "reports"
    let summary = "commands on a reports file (the registry of daily quality reports)"
    let discussion = "A reports file (YAML or JSON) lists the reports a daily run makes: each one's name, kind, tables and request metadata."
    let subcommands: [any Command] = [ReportsCheckCommand()]
}
