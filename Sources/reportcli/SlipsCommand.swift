import Foundation
import ReportAdapters
import ReportKit
import SlipsAdapters
import SlipsCore

/// `reportcli slips`: builds the store, notifier, clock and metrics sink, runs the slips job,
/// prints the payload.
enum SlipsCommand {
    static func run(_ arguments: Arguments) async throws -> Int32 {
        var arguments = arguments
        let environment = ProcessInfo.processInfo.environment
        let dryRun = arguments.flag("--dryrun")
        let logPayload = arguments.flag("--logmm")
        let debug = arguments.flag("--debug")
        guard let database = try arguments.option("--db") else {
            throw UsageError(command: "slips", "--db is required: a buildables YAML/JSON file or dynamodb://TABLE")
        }
        let clock = try Clocks.from(try arguments.option("--now"), command: "slips")
        let horizon = try arguments.integer("--horizon-hours") ?? Int(environment["TIME_HORIZON"] ?? "") ?? 336
        let slipDelta = try arguments.integer("--slip-delta") ?? 30
        let notifyURL = try arguments.option("--notify-url") ?? environment["REPORTKIT_NOTIFY_URL"]
        let metricsDestination = try arguments.option("--metrics")
        let namespace = try arguments.option("--metrics-namespace") ?? "ReportKit/Slips"
        let timeout = try arguments.integer("--timeout") ?? 5
        guard timeout >= 1 else { throw UsageError(command: "slips", "--timeout must be at least 1 second") }
        try arguments.finish()

        var logger = Logger(handler: StandardErrorLogHandler(), minimumLevel: debug ? .debug : .info)
        let notifier: any SlipsNotifier
        if let notifyURL, !notifyURL.isEmpty {
            guard let url = URL(string: notifyURL), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw UsageError(command: "slips", "--notify-url must be an http(s) URL")
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

        let store = try await Stores.buildables(database, logger: logger, timeout: Double(timeout))
        // The table stays in memory until the process exits: freeing a million records one
        // by one would only delay the exit.
        ReportCLI.keepUntilExit(store)
        let job = SlipsJob(
            store: store,
            notifier: notifier, clock: clock, metrics: Stores.metricsSink(metricsDestination), logger: logger,
            options: SlipsOptions(
                horizonHours: horizon, slipDelta: slipDelta, dryRun: dryRun, logPayload: logPayload || debug,
                metricsNamespace: namespace))
        let outcome = try await job.run()
        print(JSONWriter.canonical(outcome.payload.payload))
        return 0
    }
}
