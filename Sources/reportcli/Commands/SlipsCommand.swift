import Foundation
import ReportAdapters
import ReportKit
import SlipsAdapters
import SlipsCore

/// `reportcli slips`: options → ``SlipsOptions`` and adapters → ``SlipsJob`` → the payload.
struct SlipsCommand: Command {
    let name = "slips"
    let summary = "report plan dates that slipped or improved since the last run"
    let discussion = """
        Reads the buildables table, finds the plans whose date moved by at least the slip delta \
        since the cutoff (the end of the last successful run, at most the horizon ago), prints \
        the notification payload as JSON on standard output, sends it to the notification \
        service and moves the cutoff to now.
        """

    /// Seconds one attempt at the notification service or DynamoDB may take, by default.
    static let defaultTimeout = 5

    static let db = OptionSpec.value(
        "db", "PATH|dynamodb://TABLE", help: "the buildables table: a YAML or JSON file with `items:`, or a DynamoDB table, with credentials and region from the usual AWS places", required: true)
    static let now = OptionSpec.value("now", "ISO-8601", help: "the time of the run (default: the clock), e.g. 2020-05-01T04:05:06Z")
    static let dryRun = OptionSpec.flag("dryrun", help: "print the payload only: send nothing, leave the store untouched")
    static let logPayload = OptionSpec.flag("logmm", help: "log the pretty payload once on standard error")
    static let debug = OptionSpec.flag("debug", help: "log every decision on standard error (implies --logmm)")
    static let horizon = OptionSpec.value(
        "horizon-hours", "N", help: "look back at most N hours", default: String(SlipsOptions().horizonHours), environment: "TIME_HORIZON")
    static let slipDelta = OptionSpec.value(
        "slip-delta", "N", help: "report moves of N days or more; at least 1", default: String(SlipsOptions().slipDelta))
    static let notifyURL = OptionSpec.value(
        "notify-url", "URL", help: "the notification service; required unless --dryrun", environment: "REPORTKIT_NOTIFY_URL")
    static let metrics = OptionSpec.value(
        "metrics", "PATH|-", help: "append CloudWatch EMF metric lines to PATH, or to standard output for - (default: standard error)")
    static let timeout = OptionSpec.value(
        "timeout", "SECONDS",
        help: "give up on one attempt to reach the notification service or DynamoDB after this long; failed attempts are retried a few times, under 30 s in all",
        default: String(defaultTimeout))
    static let namespace = OptionSpec.value("metrics-namespace", "NS", help: "the metrics namespace", default: SlipsOptions().metricsNamespace)

    let options = [db, now, dryRun, logPayload, debug, horizon, slipDelta, notifyURL, metrics, timeout, namespace]
    let examples = ["reportcli slips --db Fixtures/slips/e2e_db.yaml --now 2020-05-01T04:05:06Z --dryrun"]

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let dryRun = values.isSet(Self.dryRun)
        let debug = values.isSet(Self.debug)
        let database = try values.required(Self.db)
        let clock = try Clocks.from(values.timestamp(Self.now), command: values.command)
        let defaults = SlipsOptions()
        let horizonHours = try values.integer(Self.horizon) ?? defaults.horizonHours
        guard SlipsOptions.horizonHoursRange.contains(horizonHours) else {
            let range = SlipsOptions.horizonHoursRange
            throw values.problem(Self.horizon, "must be \(range.lowerBound) to \(range.upperBound) hours (10,000 years), got \(horizonHours)")
        }
        let slipsOptions = SlipsOptions(
            horizonHours: horizonHours,
            slipDelta: try values.integer(Self.slipDelta) ?? defaults.slipDelta,
            dryRun: dryRun, logPayload: values.isSet(Self.logPayload) || debug,
            metricsNamespace: values.value(Self.namespace) ?? defaults.metricsNamespace)
        let timeout = try values.integer(Self.timeout) ?? Self.defaultTimeout
        guard timeout >= 1 else { throw values.problem(Self.timeout, "must be at least 1 second") }

        var logger = Logger(handler: StandardErrorLogHandler(), minimumLevel: debug ? .debug : .info)
        let notifier: any SlipsNotifier
        if let notifyURL = values.value(Self.notifyURL), !notifyURL.isEmpty {
            guard let url = URL(string: notifyURL), url.scheme == "http" || url.scheme == "https",
                  let host = url.host, !host.isEmpty
            else {
                throw values.problem(Self.notifyURL, "must be an http(s) URL with a host")
            }
            logger.redacting(notifyURL)
            logger.redacting(url.path + (url.query.map { "?" + $0 } ?? ""))
            notifier = NotificationServiceNotifier(
                url: url, transport: RetryingTransport(URLSessionTransport(), logger: logger), timeout: Double(timeout))
        } else if dryRun {
            notifier = NotConfiguredNotifier()
        } else {
            throw NotifierNotConfigured(hint: "pass --notify-url or set REPORTKIT_NOTIFY_URL (or use --dryrun)")
        }

        let metrics = try Stores.metricsSink(values.value(Self.metrics))
        let store = try await Stores.buildables(database, logger: logger, timeout: Double(timeout), forUpdate: !dryRun)
        context.keepUntilExit(store)
        let job = SlipsJob(
            store: store, notifier: notifier, clock: clock, metrics: metrics,
            logger: logger, options: slipsOptions)
        let outcome = try await job.run()
        return CommandOutcome(document: outcome.payload)
    }
}
