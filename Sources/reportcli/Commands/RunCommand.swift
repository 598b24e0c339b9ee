import Foundation
import QualityCore
import ReportAdapters
import ReportKit

/// `reportcli run`: the daily quality reports. Reads the reports file, runs every report
/// (``QualityRun``), stores the files, the manifest and the runs index, and sends the run's
/// one Slack message; prints the manifest.
struct RunCommand: Command {
    let name = "run"
    let summary = "run the daily quality reports of a reports file, store them and tell Slack"
    let discussion = """
        Runs every report of the reports file (or the --only ones), each isolated: one that \
        throws or runs past --timeout is recorded as failed with its error and the others go \
        on. Progress goes to standard error. Each report's files are stored under \
        {YYYYMMDD}-reports/{Report_Name}/ with their content types, then the run's manifest \
        {YYYYMMDD}-reports/index.json (every report's status, seconds, error, files with \
        bytes and SHA-256, attachments, request metadata, headline numbers), then runs.json \
        at the store's root, last. Running a day again leaves the store as one run would: \
        files the new run no longer makes are removed after the manifest. Slack gets one \
        message per run, after the reports ran, through an incoming webhook or the Web API \
        (chat.postMessage; files through the external upload flow); with neither configured \
        no message is sent. --dryrun writes and sends nothing and prints the manifest and the \
        Slack requests it would make. Exit 0 when every report ran ok (or only warned), 1 \
        when any failed, 2 for a bad reports file or command line (nothing run), 3 when the \
        store failed, or Slack failed after retries (the files and manifest are written).
        """

    static let reports = OptionSpec.value("reports", "FILE", help: "the reports file (YAML, or JSON for .json); paths in it are relative to its folder", required: true)
    static let store = OptionSpec.value("store", "DIR|s3://BUCKET/PREFIX", help: "where the runs go: a directory, or an S3 prefix with credentials and region from the usual AWS places", required: true)
    static let date = OptionSpec.value("date", "YYYY-MM-DD", help: "the run's day (its folder); reports see midnight UTC of it unless --now is given")
    static let now = OptionSpec.value("now", "ISO-8601", help: "the run's clock; the day is its UTC date unless --date is given")
    static let only = OptionSpec.repeatable("only", "NAME", help: "run only the report of this name; the day's other reports stay as they were")
    static let dryrun = OptionSpec.flag("dryrun", help: "write and send nothing; print the manifest and the Slack requests it would make")
    static let noNotify = OptionSpec.flag("no-notify", help: "send no Slack message")
    static let webhook = OptionSpec.value("slack-webhook", "URL", help: "a Slack incoming webhook (a secret: never printed)", environment: "REPORTKIT_SLACK_WEBHOOK")
    static let token = OptionSpec.value("slack-token", "TOKEN", help: "a Slack bot token for the Web API (a secret: never printed); needs --slack-channel", environment: "REPORTKIT_SLACK_TOKEN")
    static let channel = OptionSpec.repeatable("slack-channel", "ID", help: "a channel ID to post to with --slack-token")
    static let apiURL = OptionSpec.value("slack-api-url", "URL", help: "the Slack Web API's base URL (a test server or a Slack-compatible one)", default: SlackWebAPIPublisher.slackBaseURL.absoluteString)
    static let viewer = OptionSpec.value("viewer-url", "URL", help: "the report viewer; the Slack message links to the run at URL#YYYY-MM-DD")
    static let viewerTitle = OptionSpec.value("viewer-title", "TEXT", help: "after the run, rewrite the viewer (index.html at the store's root, as 'reportcli viewer' does) with this title")
    static let concurrency = OptionSpec.value("concurrency", "N", help: "reports run at once", default: String(RunOptions.defaultConcurrency))
    static let timeout = OptionSpec.value("timeout", "SECONDS", help: "how long one report may take before it is recorded as failed", default: String(Int(RunOptions.defaultTimeout)))

    let options = [reports, store, date, now, only, dryrun, noNotify, webhook, token, channel, apiURL, viewer, viewerTitle, concurrency, timeout]
    let examples = [
        "reportcli run --reports Fixtures/quality/reports.yaml --store ./out --date 2024-03-15",
        "reportcli run --reports reports.yaml --store s3://team-reports/quality --slack-token \"$TOKEN\" --slack-channel C0123ABCD --viewer-url https://reports.example.org/",
    ]

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let command = values.command
        var logger = Logger(handler: StandardErrorLogHandler(), minimumLevel: .info)
        let publisher = try SlackPublishers.publisher(
            SlackPublishers.Choice(
                webhook: values.value(Self.webhook), token: values.value(Self.token), channels: values.values(Self.channel),
                apiURL: values.value(Self.apiURL)),
            command: command, logger: &logger)
        let options = try Self.runOptions(values)

        let path = try values.required(Self.reports)
        var catalog = ReportCatalog.builtIn
        let base = ReportsCheckCommand.folder(of: path)
        // kind: checks runs a SodaCL checks file (its path relative to the reports file).
        catalog.register(ChecksReport { checks in try AtomicFile.readBytes(checks.resolved(against: base)) }, as: .checks)
        // kind: notebook publishes a notebook file (its path relative to the reports file).
        catalog.register(NotebookReport { notebook in try AtomicFile.readBytes(try RelativePath(notebook).resolved(against: base)) }, as: NotebookReport.kind)
        let registry = try ReportRegistry.parse(try AtomicFile.readBytes(path), file: path, base: base, customKinds: catalog.customKinds)
        for warning in registry.warnings {
            logger.warning("\(path):\(warning.location): registry: \(warning.field): \(warning.message)")
        }
        if options.notify, publisher == nil {
            logger.info("Slack: not configured (--slack-webhook, or --slack-token with --slack-channel; or $REPORTKIT_SLACK_WEBHOOK, $REPORTKIT_SLACK_TOKEN): no message will be sent")
        }

        let store = try Stores.objects(try values.required(Self.store), logger: logger)
        var job = QualityRun(
            catalog: catalog, store: store, tables: LiveTableOpener(base: registry.base, logger: logger), publisher: publisher,
            clock: try Clocks.from(values.value(Self.now), command: command), stopwatch: ContinuousStopwatch(), logger: logger)
        // Every report's page and notebook (report.html, report.ipynb) beside its files.
        job.companions = [ReportPagesCompanion()]
        let outcome = try await job.run(registry, options: options)
        if options.dryrun {
            let output: JSONValue = [
                "manifest": outcome.manifest.json,
                "slack_requests": .array(outcome.slackRequests),
                "would_remove": .array(outcome.removed.map { .string($0.text) }),
            ]
            return CommandOutcome(output: output, status: outcome.status)
        }
        var status = outcome.status
        if let title = values.value(Self.viewerTitle) {
            // The run is stored whole by now: a viewer that cannot be written is said, and exit 3.
            do {
                let written = try await ViewerCommand.write(to: store, title: title, logger: logger)
                logger.info("viewer: \(ViewerCommand.indexKey.text) rewritten (\(written.data.runs.count) runs)")
            } catch {
                logger.error("viewer: \(ViewerCommand.indexKey.text) not rewritten: \(error)")
                status = .outsideSystem
            }
        }
        return CommandOutcome(output: outcome.manifest.json, status: status)
    }

    static func runOptions(_ values: OptionValues) throws(UsageError) -> RunOptions {
        var options = RunOptions(version: ReportCLI.version)
        if let text = values.value(date) {
            do { options.day = try CalendarDay(text) } catch { throw values.problem(date, "must be a day YYYY-MM-DD: \(error.message)") }
        }
        if let text = try values.timestamp(now) {
            options.now = Timestamp.parse(text)
        } else {
            options.now = options.day?.start
        }
        options.only = values.values(only)
        options.dryrun = values.isSet(dryrun)
        options.notify = !values.isSet(noNotify)
        options.viewerURL = values.value(viewer)
        if let number = try values.integer(concurrency) {
            guard number >= 1 else { throw values.problem(concurrency, "must be at least 1, got \(number)") }
            options.concurrency = number
        }
        if let text = values.value(timeout) {
            guard let seconds = Double(text), seconds > 0, seconds.isFinite else { throw values.problem(timeout, "must be a number of seconds above 0, got '\(text)'") }
            options.timeout = seconds
        }
        return options
    }
}
