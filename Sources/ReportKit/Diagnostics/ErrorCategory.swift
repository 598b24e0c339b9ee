/// What kind of failure an error is, which decides `reportcli`'s exit code.
///
/// | category | exit | meaning |
/// |---|---|---|
/// | ``badInput`` | 2 | usage error or bad input: nothing was written, no state moved |
/// | ``outsideSystem`` | 3 | a store or the network failed after retries: no state moved |
public enum ErrorCategory: Sendable, Hashable {
    case badInput
    case outsideSystem
}

/// An error that knows its ``ErrorCategory``. An error that doesn't conform is nobody's
/// category: `reportcli` reports it as an internal error (a bug), never as an outside failure.
public protocol CategorizedError: Error {
    var category: ErrorCategory { get }
}

extension ParseError: CategorizedError {
    public var category: ErrorCategory { .badInput }
}

extension ObjectStoreError: CategorizedError {
    public var category: ErrorCategory { kind == .invalidKey || kind == .notFound ? .badInput : .outsideSystem }
}

extension HTTPTransportError: CategorizedError {
    public var category: ErrorCategory { .outsideSystem }
}
