import Foundation
import ReportKit

/// The event a pipeline step receives, as the dataplatform sends it (seed 003):
///
/// ```json
/// {"execution_name": "…", "task": "lambda_invoker",
///  "payload": {"pipeline": {"id": "…", "task_config": {"lambda_invoker": {"arn": "bydelsfakta-data-processing-folkemengde", "type": "historisk"}}},
///              "output_dataset": {"id": "…", "version": "1", "edition": "…", "s3_prefix": "%stage%/yellow/…/"},
///              "step_data": {"s3_input_prefixes": {"dataset-id": "processed/…/"}, "status": "PENDING", "errors": []}}}
/// ```
public struct PipelineEvent: Sendable {
    public var executionName: String
    public var task: String
    public var pipelineID: String
    /// `task_config[task].arn`: which function runs.
    public var arn: String
    /// `task_config[task].type`: which dataset it makes (`historisk`, `status`, …).
    public var datasetType: String
    public var outputDataset: OutputDataset
    /// Input dataset id → the store prefix holding its one file.
    public var inputPrefixes: [(dataset: String, prefix: String)]
    public var status: String
    public var errors: [JSONValue]

    /// Where the step's results go.
    public struct OutputDataset: Sendable {
        public var id: String
        public var version: String
        public var edition: String
        public var s3Prefix: String
    }

    /// The output prefix: `s3_prefix` with `%stage%` as `intermediate`, then the task and `/`.
    public var outputPrefix: String {
        outputDataset.s3Prefix.replacingOccurrences(of: "%stage%", with: "intermediate") + task + "/"
    }

    /// Reads and checks an event; errors name the missing or wrong key.
    public static func decode(_ value: JSONValue) throws(PipelineError) -> PipelineEvent {
        func text(_ value: JSONValue?, _ path: String) throws(PipelineError) -> String {
            guard let value else { throw PipelineError.badInput("event: '\(path)' is missing") }
            if let text = value.stringValue { return text }
            if case .number = value { return JSONWriter.compact(value) }
            throw PipelineError.badInput("event: '\(path)' is \(value.kindDescription), expected text")
        }
        func object(_ value: JSONValue?, _ path: String) throws(PipelineError) -> JSONValue {
            guard let value else { throw PipelineError.badInput("event: '\(path)' is missing") }
            guard value.objectValue != nil else { throw PipelineError.badInput("event: '\(path)' is \(value.kindDescription), expected an object") }
            return value
        }
        let task = try text(value["task"], "task")
        let payload = try object(value["payload"], "payload")
        let pipeline = try object(payload["pipeline"], "payload.pipeline")
        let taskConfigs = try object(pipeline["task_config"], "payload.pipeline.task_config")
        let taskConfig = try object(taskConfigs[task], "payload.pipeline.task_config.\(task)")
        let output = try object(payload["output_dataset"], "payload.output_dataset")
        let stepData = try object(payload["step_data"], "payload.step_data")
        let prefixes = try object(stepData["s3_input_prefixes"], "payload.step_data.s3_input_prefixes")
        var inputs: [(String, String)] = []
        for member in prefixes.objectValue! {
            inputs.append((member.key, try text(member.value, "payload.step_data.s3_input_prefixes.\(member.key)")))
        }
        guard let errors = stepData["errors"]?.arrayValue ?? (stepData["errors"] == nil ? [] : nil) else {
            throw PipelineError.badInput("event: 'payload.step_data.errors' must be a list")
        }
        return PipelineEvent(
            executionName: try text(value["execution_name"], "execution_name"), task: task,
            pipelineID: try text(pipeline["id"], "payload.pipeline.id"),
            arn: try text(taskConfig["arn"], "payload.pipeline.task_config.\(task).arn"),
            datasetType: try text(taskConfig["type"], "payload.pipeline.task_config.\(task).type"),
            outputDataset: OutputDataset(
                id: try text(output["id"], "payload.output_dataset.id"),
                version: try text(output["version"], "payload.output_dataset.version"),
                edition: try text(output["edition"], "payload.output_dataset.edition"),
                s3Prefix: try text(output["s3_prefix"], "payload.output_dataset.s3_prefix")),
            inputPrefixes: inputs, status: try text(stepData["status"], "payload.step_data.status"), errors: errors)
    }

    /// The step data to hand on: `OK` with `{output dataset id: output prefix}`, or `FAILED`
    /// with the input prefixes as received and the errors.
    public func stepData(failure: String? = nil) -> JSONValue {
        if let failure {
            let received = JSONObject(inputPrefixes.map { .init(key: $0.dataset, value: .string($0.prefix)) })
            return ["s3_input_prefixes": .object(received), "status": "FAILED", "errors": .array(errors + [.string(failure)])]
        }
        return ["s3_input_prefixes": [outputDataset.id: .string(outputPrefix)], "status": "OK", "errors": .array(errors)]
    }
}
