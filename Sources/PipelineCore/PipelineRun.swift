import Foundation
import ReportKit

/// One pipeline step: reads the event, finds each input dataset's one file in the store,
/// runs the bydelsfakta function the event names, and writes `<id>.json` per district and
/// `00.json` under the output prefix. Everything is computed before anything is written;
/// the files are published with ``ObjectPublisher``, so if a write fails, what was written is
/// removed again.
public struct PipelineRun: Sendable {
    public var store: any ObjectStore
    public var clock: any WallClock
    public var logger: Logger
    /// Output files written at once: ``writeConcurrency`` for a store that waits on the
    /// network; 1 suits a local directory (see ``localWriteConcurrency``).
    public var concurrency: Int
    /// Takes the step's input rows and output values once the files are written. A one-shot
    /// process keeps them until it exits rather than freeing thousands of rows one by one
    /// (a tenth of the instructions of a `botid_ikke_vestlige` step); by default they are
    /// dropped at the end of the step.
    public var keep: @Sendable (any Sendable) -> Void

    public init(
        store: any ObjectStore, clock: any WallClock, logger: Logger = .silent, concurrency: Int = PipelineRun.writeConcurrency,
        keep: @escaping @Sendable (any Sendable) -> Void = { _ in }
    ) {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.concurrency = concurrency
        self.keep = keep
    }

    /// What a step did: the step data to print, the keys written, and the failure if any.
    public struct Outcome: Sendable {
        public var stepData: JSONValue
        public var written: [ObjectKey]
        public var failure: (any CategorizedError)?
    }

    /// Runs the step for `eventBytes` (the event's JSON). Never throws: a failure is in the
    /// outcome, with step data of status `FAILED`.
    public func run(eventBytes: [UInt8]) async -> Outcome {
        let event: PipelineEvent
        do {
            event = try PipelineEvent.decode(try JSONReader.parse(eventBytes))
        } catch let error as ParseError {
            return failed(nil, error, "event: \(error.summary)")
        } catch let error as PipelineError {
            return failed(nil, error, error.description)
        } catch {
            return failed(nil, PipelineError.badInput("\(error)"), "\(error)")
        }
        do {
            let written = try await run(event)
            return Outcome(stepData: event.stepData(), written: written, failure: nil)
        } catch let error as any CategorizedError {
            return failed(event, error, String(describing: error))
        } catch {
            return failed(event, PipelineError.outsideSystem("\(error)"), "\(error)")
        }
    }

    private func failed(_ event: PipelineEvent?, _ error: any CategorizedError, _ message: String) -> Outcome {
        logger.error(message)
        let stepData = event?.stepData(failure: message) ?? ["s3_input_prefixes": .object([:]), "status": "FAILED", "errors": [.string(message)]]
        return Outcome(stepData: stepData, written: [], failure: error)
    }

    private func run(_ event: PipelineEvent) async throws -> [ObjectKey] {
        guard let function = BydelsfaktaFunction.named(arn: event.arn) else {
            throw PipelineError.badInput(
                "event: payload.pipeline.task_config.\(event.task).arn '\(event.arn)' names no ported function (known: \(BydelsfaktaFunction.all.map(\.arn).joined(separator: ", ")))")
        }
        guard function.types.contains(event.datasetType) else {
            throw PipelineError.badInput(
                "event: payload.pipeline.task_config.\(event.task).type '\(event.datasetType)' is not one \(function.name) makes (\(function.types.joined(separator: ", ")))")
        }
        let given = Dictionary(event.inputPrefixes, uniquingKeysWith: { first, _ in first })
        let missing = function.inputs.filter { given[$0] == nil }
        guard missing.isEmpty else {
            throw PipelineError.badInput("event: payload.step_data.s3_input_prefixes lacks \(missing.map { "'\($0)'" }.joined(separator: ", ")), which \(function.name) reads")
        }
        let extra = event.inputPrefixes.map(\.dataset).filter { !function.inputs.contains($0) }
        guard extra.isEmpty else {
            throw PipelineError.badInput("event: payload.step_data.s3_input_prefixes has \(extra.map { "'\($0)'" }.joined(separator: ", ")), which \(function.name) does not read")
        }
        var inputs: [String: [StatisticsRow]] = [:]
        for dataset in function.inputs {
            inputs[dataset] = try await read(dataset: dataset, prefix: given[dataset]!, columns: function.columns(of: dataset))
        }
        logger.info("\(function.name) \(event.datasetType): computing from \(inputs.values.map(\.count).reduce(0, +)) rows")
        let outputPrefix = try Self.prefix(event.outputPrefix, "payload.output_dataset.s3_prefix (with the task)")
        let outputs = try function.compute(inputs, event.datasetType, Timestamp.day(clock.now()))
        var files: [ObjectPublisher.Item] = []
        for output in outputs {
            guard let name = output["id"]?.stringValue ?? output["district"]?.stringValue else {
                throw PipelineError.badInput("an output has neither id nor district")
            }
            let key: ObjectKey
            do {
                key = try outputPrefix.appending(name + ".json")
            } catch {
                throw PipelineError.badInput("output '\(name)': \(error.message)")
            }
            // Serialized in the put's own task: the text of one is made while another is written.
            files.append(.init(key, .made { JSONWriter.compactInOrderData(output) }, contentType: "application/json"))
        }
        let written = try await ObjectPublisher(store: store, concurrency: concurrency).publish(files)
        logger.info("wrote \(written.count) files under \(event.outputPrefix)")
        keep(StepValues(inputs: inputs, outputs: outputs))
        return written
    }

    /// What a step computed with, handed to ``keep``.
    private struct StepValues: Sendable {
        var inputs: [String: [StatisticsRow]]
        var outputs: [JSONValue]
    }

    /// Output files written at once to a store that waits on the network (S3).
    public static let writeConcurrency = ObjectPublisher.defaultConcurrency

    /// Output files written at once to a local directory: one. Creating files in one folder
    /// takes the folder's lock, and eight puts at once spent their time waiting for it
    /// (`rwsem_down_write_slowpath` under `openat`: a quarter of the CPU time of a
    /// `botid_ikke_vestlige` step on a busy machine), while each write takes microseconds.
    public static let localWriteConcurrency = 1

    /// `text` as a prefix, or bad input naming the event key it came from.
    private static func prefix(_ text: String, _ field: String) throws(PipelineError) -> ObjectPrefix {
        do {
            return try ObjectPrefix(text)
        } catch {
            throw PipelineError.badInput("event: \(field) '\(text)': \(error.message)")
        }
    }

    /// The one file under `prefix`, read as statistics rows.
    private func read(dataset: String, prefix text: String, columns: StatisticsColumns) async throws -> [StatisticsRow] {
        let prefix = try Self.prefix(text, "payload.step_data.s3_input_prefixes.\(dataset)")
        let objects = try await store.list(prefix: prefix)
        guard let object = objects.first else {
            throw PipelineError.badInput("input '\(dataset)': no file under prefix \(prefix) in \(store.displayName)")
        }
        guard objects.count == 1 else {
            throw PipelineError.badInput("input '\(dataset)': \(objects.count) files under prefix \(prefix), expected one: \(objects.map(\.key.text).joined(separator: ", "))")
        }
        guard let data = try await store.get(object.key) else {
            throw PipelineError.outsideSystem("input '\(dataset)': \(object.key) disappeared while reading")
        }
        return try data.withUnsafeBytes { bytes in
            try StatisticsTable.read(bytes.bindMemory(to: UInt8.self), file: object.key.text, columns: columns)
        }
    }
}
