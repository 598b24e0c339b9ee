import ReportKit

/// Turns an invocation's event into runs of the handler's command, by the trigger's shape
/// (``LambdaTrigger``), and their outcomes into the invocation's answer.
///
/// - plain input (a direct invocation, EventBridge Scheduler's `Input`, a pipeline step's
///   event) runs the command with it; a scheduled event with its `detail` and `now` from its
///   `time`;
/// - an S3 notification runs the command once for all its records, giving the objects'
///   `s3://bucket/key` as the event key `changed` when the command has that option (otherwise
///   the run takes its options from the environment alone); `s3:TestEvent` runs nothing;
/// - SNS and SQS wrap events: each message's text is an event of its own. An SQS batch answers
///   `{"batchItemFailures": […]}` with the messages whose run failed, so only they return.
///
/// A run fails when its command throws or exits 3 (an outside system failed: worth a retry).
struct TriggerDispatch: Sendable {
    let handler: LambdaHandler
    /// Runs the command with an event of options; the caller builds the context.
    let run: @Sendable (JSONValue) async throws -> CommandOutcome
    let logger: Logger

    /// The answer to `event`.
    func answer(_ event: JSONValue) async throws -> JSONValue {
        switch try LambdaTrigger.classify(event) {
        case .plain(let input):
            return try await outcome(input)
        case .scheduled(let scheduled):
            logger.info("scheduled event at \(scheduled.time)" + (scheduled.rule.map { " from \($0)" } ?? ""))
            return try await outcome(scheduled.options)
        case .s3Test(let bucket):
            logger.info("s3:TestEvent" + (bucket.map { " for bucket \($0)" } ?? "") + ": nothing to run")
            return ["skipped": "s3:TestEvent"]
        case .s3(let notification):
            let locations = notification.records.map(\.location)
            logger.info("S3 notification: \(notification.records.map { "\($0.eventName) \($0.location)" }.joined(separator: ", "))")
            let takesChanged = handler.command.options.contains { $0.name == "changed" }
            return try await outcome(takesChanged ? ["changed": .array(locations.map { .string($0) })] : .null)
        case .sns(let notification):
            var answers: [JSONValue] = []
            for message in notification.messages {
                answers.append(try await answer(try Self.parse(message.message, what: "SNS message \(message.messageId)")))
            }
            return answers.count == 1 ? answers[0] : .array(answers)
        case .sqs(let batch):
            var failed: [String] = []
            for message in batch.messages {
                do {
                    _ = try await answer(try Self.parse(message.body, what: "SQS message \(message.messageId)"))
                } catch {
                    logger.error("SQS message \(message.messageId) failed: \(ErrorReport.describe(error).message)")
                    failed.append(message.messageId)
                }
            }
            return SQSBatch.response(failed: failed)
        }
    }

    /// The command's output for one run; a run that exits 3 is thrown as ``RunFailed``.
    private func outcome(_ input: JSONValue) async throws -> JSONValue {
        let outcome = try await run(input)
        if outcome.status == .outsideSystem { throw RunFailed(path: handler.path, output: outcome.output) }
        return outcome.output ?? .null
    }

    /// A message's text as JSON, or bad input naming the message.
    static func parse(_ text: String, what: String) throws -> JSONValue {
        do {
            return try JSONReader.parse(text)
        } catch {
            throw LambdaEventError(description: "\(what) is not JSON: \(error)")
        }
    }
}

/// A run that ended with exit 3: an outside system failed after retries.
struct RunFailed: Error, CategorizedError, CustomStringConvertible {
    var path: String
    var output: JSONValue?
    var category: ErrorCategory { .outsideSystem }
    var description: String {
        "\(path) failed (exit 3)" + (output.map { ": " + JSONWriter.compact($0) } ?? "")
    }
}

/// An event that is not what its shape promised (bad input).
struct LambdaEventError: Error, CategorizedError, CustomStringConvertible {
    var description: String
    var category: ErrorCategory { .badInput }
}
