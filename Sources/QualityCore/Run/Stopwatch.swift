/// Where the run measures how long things take: seconds on a monotonic clock from an
/// arbitrary start. The manifest's and the progress lines' `seconds` come from it; tests
/// hand in a stopwatch that stands still, so goldens are byte-stable.
public protocol Stopwatch: Sendable {
    /// Seconds since the stopwatch's own start; never decreases.
    func seconds() -> Double
}

/// A stopwatch that always reads the same: every duration is 0.
public struct StoppedStopwatch: Stopwatch {
    public init() {}
    public func seconds() -> Double { 0 }
}
