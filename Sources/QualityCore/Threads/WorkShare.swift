import Foundation

/// How ``ColumnSplit`` and ``ProbeSplit`` share a batch's work between threads: each item (a
/// column, a probe) has a cost, the smoothed CPU seconds it took on earlier batches; the
/// reading thread, worker 0, starts loaded with its own reading. The items go costliest first
/// to the least loaded worker. The clock steers only who does what, never a result.
enum WorkShare {
    /// `items`' indices spread over `workers`, each worker's in ascending order.
    static func balanced(costs: [Double], workers: Int, readingCost: Double) -> [[Int]] {
        var split: [[Int]] = Array(repeating: [], count: workers)
        var load = Array(repeating: 0.0, count: workers)
        load[0] = readingCost
        for item in costs.indices.sorted(by: { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }) {
            let least = load.indices.min { load[$0] < load[$1] }!
            split[least].append(item)
            load[least] += costs[item]
        }
        for worker in split.indices { split[worker].sort() }
        return split
    }

    /// Replaces `split` by the balanced one when `split` does not hold every item, or when the
    /// balanced one's busiest worker is at least a tenth less loaded (so a split does not
    /// flap on noise).
    static func rebalance(_ split: inout [[Int]], costs: [Double], readingCost: Double) {
        let fresh = balanced(costs: costs, workers: split.count, readingCost: readingCost)
        func busiest(_ split: [[Int]]) -> Double {
            split.enumerated().map { worker, owned in owned.reduce(worker == 0 ? readingCost : 0) { $0 + costs[$1] } }.max() ?? 0
        }
        if split.joined().count != costs.count || busiest(fresh) < 0.9 * busiest(split) { split = fresh }
    }

    /// A cost smoothed over batches: the first measure as it is, then a fifth of each new one.
    static func smoothed(_ old: Double, _ new: Double) -> Double { old == 0 ? new : 0.8 * old + 0.2 * new }

    /// CPU seconds the calling thread has run.
    static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
