import Foundation
import ReportAdapters
import ReportKit

/// A Lambda custom runtime's loop: takes each invocation from the Runtime API, runs the
/// handler's command with it (``TriggerDispatch``) and answers, then takes the next.
///
/// Every run gets a fresh ``CommandContext`` (the environment plus the invocation's
/// `_X_AMZN_TRACE_ID`, nothing kept until exit), so nothing from one invocation stays for the
/// next. A run still going shortly before the deadline is cancelled and answered with a
/// `DeadlineReached` error; if it does not stop within a grace period the loop ends, so the
/// process exits and Lambda starts a fresh one for the next invocation.
struct LambdaLoop: Sendable {
    let runtime: any LambdaRuntime
    let handler: LambdaHandler
    let registry: CommandRegistry
    /// The process's environment, as each run starts from it.
    let environment: Environment
    /// Where an output over the response limit is left (`--output-store`), else the run's `store`.
    let outputStore: String?
    let logger: Logger
    /// Writes one EMF line (standard output in Lambda).
    let emit: @Sendable (JSONValue) -> Void
    let now: @Sendable () -> Date
    /// How long a cancelled run may take to stop before the process gives up on it.
    var grace = 2.0

    /// How long before the deadline a run is stopped: enough to post the error.
    static func margin(secondsLeft: Double) -> Double { min(0.5, max(0, secondsLeft) / 4) }

    /// Why serving stopped.
    enum Stop: Sendable {
        /// The Runtime API failed (the process should exit 3).
        case runtimeFailed(String)
        /// A run did not stop after its deadline; a fresh process must serve the next one.
        case runStuck(requestId: String)
        /// `limit` invocations were served (tests).
        case served
    }

    /// Serves invocations until the Runtime API fails, a run gets stuck, or `limit` were served.
    func serve(limit: Int? = nil) async -> Stop {
        var served = 0
        while limit.map({ served < $0 }) ?? true {
            let invocation: LambdaInvocation
            do {
                invocation = try await runtime.next()
            } catch {
                return .runtimeFailed(ErrorReport.describe(error).message)
            }
            served += 1
            let (answer, stuck) = await handle(invocation)
            do {
                switch answer {
                case .response(let body): try await runtime.respond(to: invocation, with: body)
                case .error(let error): try await runtime.fail(invocation, with: error)
                }
            } catch {
                let message = ErrorReport.describe(error).message
                logger.error("request \(invocation.requestId): the answer was not taken: \(message)")
                guard (error as? LambdaRuntimeAPIError)?.status != nil else { return .runtimeFailed(message) }
                // A response refused (413 past the limit, 400): say so, so the invocation does not hang.
                if case .response = answer {
                    try? await runtime.fail(invocation, with: LambdaFunctionError(type: "ResponseRefused", message: message))
                }
            }
            if stuck { return .runStuck(requestId: invocation.requestId) }
        }
        return .served
    }

    /// The answer to one invocation, and whether its run is still going (past its deadline).
    func handle(_ invocation: LambdaInvocation) async -> (InvocationAnswer, stuck: Bool) {
        let started = now()
        let id = invocation.requestId
        let traceId = invocation.traceId
        // Processes and libraries that read it directly see this invocation's trace, or none.
        if let traceId { setenv("_X_AMZN_TRACE_ID", traceId, 1) } else { unsetenv("_X_AMZN_TRACE_ID") }
        var variables = environment.variables
        variables["_X_AMZN_TRACE_ID"] = traceId
        let context = CommandContext(registry: registry, environment: Environment(variables), keepUntilExit: CommandContext.dropAtEnd)
        let event: JSONValue
        do {
            event = try JSONReader.parse(Array(invocation.event))
        } catch {
            return finish(.error(LambdaFunctionError(type: "BadInput", message: "the event is not JSON: \(error)")), invocation, started)
        }
        logger.info("request \(id): \(handler.path)")
        let path = handler.path
        let dispatch = TriggerDispatch(handler: handler, run: { input in
            try await ReportCLI.outcome(handler: path, event: input, context: context)
        }, logger: logger)
        let work = Task { try await dispatch.answer(event) }
        let secondsLeft = invocation.secondsLeft(at: now())
        guard let result = await DeadlineRace.result(of: work, within: secondsLeft - Self.margin(secondsLeft: secondsLeft)) else {
            work.cancel()
            let error = LambdaFunctionError(
                type: "DeadlineReached",
                message: "\(handler.path) was stopped \(Self.format(Self.margin(secondsLeft: secondsLeft))) s before the invocation's deadline (Lambda-Runtime-Deadline-Ms \(invocation.deadlineMilliseconds)); raise the function's timeout or give the run less to do")
            let stopped = await DeadlineRace.result(of: work, within: grace) != nil
            if !stopped { logger.error("request \(id): the run did not stop within \(Self.format(grace)) s of being cancelled; this process ends after answering") }
            return (finish(.error(error), invocation, started).0, !stopped)
        }
        switch result {
        case .success(let value):
            return finish(await response(value, invocation: invocation, event: event), invocation, started)
        case .failure(let error):
            return finish(.error(InvocationAnswer.error(for: error)), invocation, started)
        }
    }

    /// Logs the outcome and writes its EMF line with the request id.
    private func finish(_ answer: InvocationAnswer, _ invocation: LambdaInvocation, _ started: Date) -> (InvocationAnswer, stuck: Bool) {
        let milliseconds = (now().timeIntervalSince(started) * 1000).rounded()
        var batch = MetricBatch(namespace: "ReportKit/Lambda", dimensions: ["Handler": handler.path], timestamp: started)
        batch.set("duration_ms", milliseconds)
        switch answer {
        case .response(let body):
            logger.info("request \(invocation.requestId): answered, \(body.count) bytes in \(Int(milliseconds)) ms")
            batch.set("response_bytes", Double(body.count))
            batch.set("failed", 0)
        case .error(let error):
            logger.error("request \(invocation.requestId): \(error.errorType): \(error.errorMessage)")
            batch.set("failed", 1)
        }
        var document = EmbeddedMetricsSink.document(batch).objectValue ?? JSONObject()
        document["requestId"] = .string(invocation.requestId)
        emit(.object(document))
        return (answer, false)
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
}
