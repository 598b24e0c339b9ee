import Foundation
import ReportAdapters
import ReportKit

/// `reportcli lambda`: the Lambda custom runtime. Serves invocations with one command (the
/// handler) until the process is stopped: ``LambdaLoop`` over the Runtime API.
struct LambdaCommand: Command {
    let name = "lambda"
    let summary = "serve AWS Lambda invocations with one command (a custom runtime's bootstrap)"
    let discussion = """
        Runs as the bootstrap of a provided.al2023 function: takes each invocation from the \
        Lambda Runtime API, builds the handler's command from the event and the REPORTKIT_* \
        variables (event keys win, as in the event's option names without dashes), runs it and \
        answers with its JSON output, or with an error ({"errorMessage", "errorType"}) and goes on \
        with the next. EventBridge scheduled events give the run's --now from their time; S3 \
        notifications (also inside SQS or SNS) run the command for the changed objects; an SQS \
        batch answers {"batchItemFailures": [...]}. A run is stopped before the invocation's \
        deadline; an output over the 6 MB response limit is an error and left whole in \
        --output-store under .reportkit/lambda/REQUEST-ID.json.
        """

    static let handler = OptionSpec.value(
        "handler", "NAME", help: "the command each invocation runs: slips, pipeline (pipeline run), or another command's words",
        environment: "_HANDLER")
    static let outputStore = OptionSpec.value(
        "output-store", "DIR|s3://BUCKET/PREFIX", help: "where an output over the response limit is kept; without it, the run's store",
        environment: "REPORTKIT_OUTPUT_STORE")
    static let runtimeAPI = OptionSpec.value(
        "runtime-api", "HOST:PORT", help: "the Lambda Runtime API (Lambda sets it)", environment: "AWS_LAMBDA_RUNTIME_API")

    let options = [handler, outputStore, runtimeAPI]
    let examples = ["_HANDLER=slips REPORTKIT_DB=dynamodb://buildables reportcli lambda"]

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        guard let api = values.value(Self.runtimeAPI) else {
            throw values.problem(Self.runtimeAPI, "is not set: reportcli lambda runs inside Lambda (or its emulator), which sets AWS_LAMBDA_RUNTIME_API")
        }
        let logger = Logger(handler: StandardErrorLogHandler())
        guard let runtime = LambdaRuntimeHTTPClient(api: api, logger: logger) else {
            throw values.problem(Self.runtimeAPI, "must be HOST:PORT, got '\(api)'")
        }
        let handler: LambdaHandler
        do throws(UsageError) {
            guard let name = values.value(Self.handler) else {
                throw UsageError(command: values.command, "no handler: set _HANDLER (the function's Handler) or pass --handler, one of \(LambdaHandler.names(in: context.registry).joined(separator: ", "))")
            }
            handler = try LambdaHandler(name, registry: context.registry)
        } catch {
            try? await runtime.failInitialization(with: LambdaFunctionError(type: "Runtime.BadHandler", message: error.message))
            throw error
        }
        let loop = LambdaLoop(
            runtime: runtime, handler: handler, registry: context.registry, environment: context.environment,
            outputStore: values.value(Self.outputStore), logger: logger,
            emit: { try? ReportCLI.writeStandardOutput(JSONWriter.compact($0) + "\n") }, now: Date.init)
        switch await loop.serve() {
        case .served: return CommandOutcome(output: nil)
        case .runtimeFailed(let message): throw LambdaStopped(message: message)
        case .runStuck(let requestId):
            throw LambdaStopped(message: "request \(requestId) did not stop after its deadline; this process ends so a fresh one serves the next invocation")
        }
    }
}

/// The loop ended: the Runtime API failed, or a run did not stop (exit 3; Lambda starts a new process).
struct LambdaStopped: Error, CategorizedError, CustomStringConvertible {
    var message: String
    var category: ErrorCategory { .outsideSystem }
    var description: String { message }
}
