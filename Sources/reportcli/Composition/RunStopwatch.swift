import QualityCore

/// The run's stopwatch: the monotonic clock, from when it was made.
struct ContinuousStopwatch: Stopwatch {
    private let start = ContinuousClock.now

    func seconds() -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}
