import Dispatch

/// Runs `first` and `second` at the same time, on two threads (the calling one and one of
/// Dispatch's), and returns both results once both are done.
///
/// For CPU-bound work on a big table (scanning halves of its text, filling halves of its
/// index); nothing here is cancelled or throws.
func bothAtOnce<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
    let results = PairOfResults<First, Second>()
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let work = SendableWork(first: first, second: second, results: results)
            DispatchQueue.concurrentPerform(iterations: 2) { index in work.run(index) }
        }
    }
    return (results.first!, results.second!)
}

/// The two closures of ``bothAtOnce(_:_:)`` and where their results go; each index is run once.
private struct SendableWork<First, Second>: @unchecked Sendable {
    let first: () -> First
    let second: () -> Second
    let results: PairOfResults<First, Second>

    func run(_ index: Int) {
        if index == 0 { results.first = first() } else { results.second = second() }
    }
}

/// Two result slots, each written by one thread and read after both finished.
private final class PairOfResults<First, Second>: @unchecked Sendable {
    var first: First?
    var second: Second?
}
