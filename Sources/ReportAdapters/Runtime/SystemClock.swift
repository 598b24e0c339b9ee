import Foundation
import ReportKit

/// The live clock: the system's wall-clock time.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
