import Foundation
import PipelineCore
import ReportAdapters
import ReportKit

/// `reportcli pipeline run`: options → store and clock → ``PipelineRun`` → the step data.
///
/// The step data is the output either way; a failed step (status FAILED, nothing left
/// written) exits with its error's status.
struct PipelineRunCommand: Command {
    let name = "run"
    let summary = "run one dataset pipeline step (the bydelsfakta functions)"
    let discussion = """
        Reads the step's event (the dataplatform's JSON: task, task_config with the function's \
        arn and the dataset type, the output dataset, the input prefixes), reads the one file \
        under each input prefix in the store, runs the bydelsfakta function and writes one \
        <id>.json per district and 00.json under <s3_prefix with %stage% = intermediate><task>/. \
        Prints the step data as JSON: status OK with {output dataset id: output prefix}, or \
        status FAILED with the errors (and then nothing is left written).
        """

    static let event = OptionSpec.value("event", "FILE", help: "the event JSON", required: true)
    static let store = OptionSpec.value(
        "store", "DIR|s3://BUCKET/PREFIX", help: "where input prefixes and output keys live: a directory, or an S3 bucket, with credentials and region from the usual AWS places", required: true)
    static let now = OptionSpec.value("now", "ISO-8601", help: "the run's time; meta.publishedDate is its date (default: today)")
    static let debug = OptionSpec.flag("debug", help: "log every step on standard error")

    let options = [event, store, now, debug]
    let notes = [PipelineCommand.functions]
    let examples = ["reportcli pipeline run --event event.json --store /data/store --now 2020-05-01"]

    /// From an event (`reportcli lambda`), the event itself is the step's event (the
    /// dataplatform invokes the step with it); the other options come from `REPORTKIT_STORE`,
    /// `REPORTKIT_NOW` and `REPORTKIT_DEBUG`.
    func values(fromEvent event: JSONValue, path: String, environment: Environment) throws(UsageError) -> OptionValues {
        var values = try EventInput.values(.null, specs: options.filter { $0 != Self.event }, command: path, environment: environment)
        values.set(Self.event, [JSONWriter.compact(event)], from: .wholeEvent)
        return values
    }

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let eventText = try values.required(Self.event)
        let storeLocation = try values.required(Self.store)
        let clock = try Clocks.from(values.timestamp(Self.now), command: values.command)
        let logger = Logger(handler: StandardErrorLogHandler(), minimumLevel: values.isSet(Self.debug) ? .debug : .info)
        let event = values.source(Self.event) == .wholeEvent ? Array(eventText.utf8) : try AtomicFile.readBytes(eventText)
        let store = try Stores.objects(storeLocation, logger: logger)
        let concurrency = store is FileObjectStore ? PipelineRun.localWriteConcurrency : PipelineRun.writeConcurrency
        let outcome = await PipelineRun(store: store, clock: clock, logger: logger, concurrency: concurrency, keep: context.keepUntilExit).run(eventBytes: event)
        return CommandOutcome(output: outcome.stepData, status: outcome.failure?.category.exitStatus ?? .success)
    }
}
