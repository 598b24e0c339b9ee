/// Every command `reportcli` has, in the order `reportcli --help` lists them. Adding a
/// command means adding it here, and nowhere else.
extension CommandRegistry {
    static let standard = CommandRegistry([
        RunCommand(),
        ReportsCommand(),
        CheckCommand(),
        ProfileCommand(),
        ViewerCommand(),
        SyncCommand(),
        SlipsCommand(),
        PipelineCommand(),
        LambdaCommand(),
        HelpCommand(),
    ])
}
