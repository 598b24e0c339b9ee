import Foundation
import ReportKit

/// An HTTP transport that answers from a script and records every request.
/// With the script used up, a request fails the test loudly (it throws).
public final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    /// One scripted answer: a response, or a transport error.
    public enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(HTTPTransportError)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var sent: [HTTPRequest] = []

    public init(_ steps: [Step]) {
        self.steps = steps
    }

    /// A script of statuses, each with an empty body.
    public convenience init(statuses: [Int]) {
        self.init(statuses.map { .respond(HTTPResponse(status: $0)) })
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let step: Step? = lock.withLock {
            sent.append(request)
            return steps.isEmpty ? nil : steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        case nil: throw ScriptExhausted(request: "\(request.method) \(request.url)")
        }
    }

    /// Every request sent so far.
    public var requests: [HTTPRequest] { lock.withLock { sent } }
}

/// The transport was asked for more than its script holds.
public struct ScriptExhausted: Error, CustomStringConvertible {
    public let request: String
    public var description: String { "unexpected request: \(request)" }
}
