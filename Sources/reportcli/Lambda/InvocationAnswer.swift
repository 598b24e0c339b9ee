import Foundation
import ReportAdapters
import ReportKit

/// What the loop sends back for one invocation.
enum InvocationAnswer: Sendable, Hashable {
    /// The JSON bytes of the response.
    case response(Data)
    case error(LambdaFunctionError)

    /// Lambda's limit on a synchronous response: 6 MB.
    static let responseLimit = 6 * 1024 * 1024

    /// The error for a thrown `error`: its message as the CLI prints it, and a type from
    /// its exit status (`BadInput` 2, `OutsideSystemFailure` 3, `InternalError` 70).
    static func error(for error: any Error) -> LambdaFunctionError {
        let (message, code) = ErrorReport.describe(error)
        let type: String
        switch code {
        case ExitStatus.badInput.code: type = "BadInput"
        case ExitStatus.outsideSystem.code: type = "OutsideSystemFailure"
        default: type = "InternalError"
        }
        return LambdaFunctionError(type: type, message: message)
    }
}
