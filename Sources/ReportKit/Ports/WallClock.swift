import Foundation

/// Where a job reads the current time. Cores never call `Date()`; they are handed a clock.
///
/// The live clock is `SystemClock` in ReportAdapters; ``FixedClock`` serves `--now` and tests.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// A clock that always answers the same instant.
public struct FixedClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}
