import Foundation
import PipelineCore
import ReportAdapters
import ReportKit

/// `reportcli pipeline run`: builds the store and clock, runs one pipeline step, prints its
/// step data.
enum PipelineCommand {
    static func run(_ arguments: Arguments) async throws -> Int32 {
        var arguments = arguments
        guard arguments.positional() == "run" else {
            throw UsageError(command: "pipeline", "expected 'run': reportcli pipeline run --event FILE --store DIR|s3://BUCKET/PREFIX")
        }
        guard let eventPath = try arguments.option("--event") else { throw UsageError(command: "pipeline", "--event FILE is required") }
        guard let storeLocation = try arguments.option("--store") else {
            throw UsageError(command: "pipeline", "--store DIR|s3://BUCKET/PREFIX is required")
        }
        let clock = try Clocks.from(try arguments.option("--now"), command: "pipeline")
        let debug = arguments.flag("--debug")
        try arguments.finish()

        let logger = Logger(handler: StandardErrorLogHandler(), minimumLevel: debug ? .debug : .info)
        let event = try AtomicFile.readBytes(eventPath)
        let store = try Stores.objects(storeLocation, logger: logger)
        let outcome = await PipelineRun(store: store, clock: clock, logger: logger).run(eventBytes: event)
        print(JSONWriter.canonical(outcome.stepData))
        return outcome.failure?.category.exitCode ?? 0
    }
}
