import Foundation
import ReportAdapters
import ReportKit

/// Lambda's 6 MB limit on a response: an output over it is never cut. It is left whole in a
/// store (`--output-store`, else `REPORTKIT_STORE`, else the event's `store`) at
/// `.reportkit/lambda/<request id>.json`, and the invocation answers `ResponseTooLarge` naming
/// the limit and the place.
extension LambdaLoop {
    /// The response bytes, or an error naming the limit with the full output left in the store.
    func response(_ value: JSONValue, invocation: LambdaInvocation, event: JSONValue) async -> InvocationAnswer {
        let body = JSONWriter.compactInOrderData(value)
        guard body.count > InvocationAnswer.responseLimit else { return .response(body) }
        let size = "the output is \(body.count) bytes, over Lambda's 6 MB response limit (\(InvocationAnswer.responseLimit) bytes)"
        guard let location = outputStore ?? environment["REPORTKIT_STORE"] ?? event["store"]?.stringValue else {
            return .error(LambdaFunctionError(type: "ResponseTooLarge", message: "\(size); set REPORTKIT_OUTPUT_STORE (or --output-store) to keep it in a store"))
        }
        do {
            let key = try ObjectKey(".reportkit/lambda/\(invocation.requestId).json")
            let store = try Stores.objects(location, logger: logger)
            try await store.put(key, body, contentType: "application/json")
            return .error(LambdaFunctionError(type: "ResponseTooLarge", message: "\(size); the full output is in \(Self.describe(location, key))"))
        } catch {
            return .error(LambdaFunctionError(type: "ResponseTooLarge", message: "\(size), and it could not be kept in \(location): \(ErrorReport.describe(error).message)"))
        }
    }

    static func describe(_ location: String, _ key: ObjectKey) -> String {
        (location.hasSuffix("/") ? location : location + "/") + key.description
    }

}
