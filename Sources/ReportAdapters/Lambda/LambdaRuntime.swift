import Foundation
import ReportKit

/// The Lambda Runtime API as a custom runtime's loop uses it: wait for the next invocation,
/// then answer it with a response or an error; report a configuration problem at start.
///
/// ``LambdaRuntimeHTTPClient`` is the live one (`AWS_LAMBDA_RUNTIME_API`); tests drive the
/// loop with a scripted double.
public protocol LambdaRuntime: Sendable {
    /// Waits for the next invocation, however long that is (it long-polls).
    func next() async throws -> LambdaInvocation
    /// The invocation's result: JSON bytes.
    func respond(to invocation: LambdaInvocation, with body: Data) async throws
    /// The invocation failed; the loop goes on with the next.
    func fail(_ invocation: LambdaInvocation, with error: LambdaFunctionError) async throws
    /// The runtime cannot start (bad configuration); Lambda stops this environment.
    func failInitialization(with error: LambdaFunctionError) async throws
}

/// One invocation: its id, its deadline and its event.
public struct LambdaInvocation: Sendable, Hashable {
    /// `Lambda-Runtime-Aws-Request-Id`.
    public var requestId: String
    /// `Lambda-Runtime-Deadline-Ms`: when Lambda stops the invocation, in milliseconds since 1970.
    public var deadlineMilliseconds: Int64
    /// `Lambda-Runtime-Trace-Id`, set as `_X_AMZN_TRACE_ID` for the run.
    public var traceId: String?
    /// `Lambda-Runtime-Invoked-Function-Arn`.
    public var functionArn: String?
    /// The event's bytes (JSON).
    public var event: Data

    public init(requestId: String, deadlineMilliseconds: Int64, traceId: String? = nil, functionArn: String? = nil, event: Data) {
        self.requestId = requestId
        self.deadlineMilliseconds = deadlineMilliseconds
        self.traceId = traceId
        self.functionArn = functionArn
        self.event = event
    }

    /// Seconds left until the deadline at `now` (negative once it passed).
    public func secondsLeft(at now: Date) -> Double {
        Double(deadlineMilliseconds) / 1000 - now.timeIntervalSince1970
    }
}

/// What the runtime reports for a failed invocation or start:
/// `{"errorMessage": "…", "errorType": "…"}`, the type also in `Lambda-Runtime-Function-Error-Type`.
public struct LambdaFunctionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `Runtime.BadInput`, `Runtime.OutsideSystem`, `Runtime.DeadlineReached`, …
    public var errorType: String
    public var errorMessage: String

    public init(type: String, message: String) {
        errorType = type
        errorMessage = message
    }

    /// The JSON body the Runtime API takes.
    public var document: JSONValue {
        ["errorMessage": .string(errorMessage), "errorType": .string(errorType)]
    }

    public var description: String { "\(errorType): \(errorMessage)" }
}

/// The Runtime API answered a request with an unexpected status, or not at all.
public struct LambdaRuntimeAPIError: Error, Sendable, Hashable, CustomStringConvertible, CategorizedError {
    /// `413` when a response was over the payload limit; `nil` when nothing answered.
    public var status: Int?
    public var message: String

    public init(status: Int?, _ message: String) {
        self.status = status
        self.message = message
    }

    public var category: ErrorCategory { .outsideSystem }
    public var description: String { "the Lambda Runtime API: \(message)" }
}
