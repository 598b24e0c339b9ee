import Foundation

extension TableProfiler {
    /// ``finish(valueCounts:)`` with up to `threads` columns finished at once, the ones
    /// holding most distinct values first (their sorts take longest): the same profile.
    public func finish(threads: Int, valueCounts scope: ValueCountScope = .all) -> TableProfile {
        guard threads > 1, columns.count > 1 else { return finish(valueCounts: scope) }
        let columns = columns, rows = rowCount
        let order = columns.indices.sorted { columns[$0].finishCost > columns[$1].finishCost }
        let results = FinishedColumns(count: columns.count)
        DispatchQueue.concurrentPerform(iterations: min(threads, columns.count)) { _ in
            while let next = results.claim() {
                let index = order[next]
                results.store(columns[index].finish(rows: rows, scope: scope), at: index)
            }
        }
        return TableProfile(rowCount: rows, columns: results.profiles())
    }
}

/// The columns' profiles as threads finish them, and which column is next.
private final class FinishedColumns: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done: [ColumnProfile?]

    init(count: Int) { done = Array(repeating: nil, count: count) }

    /// The next column's place in the order, or `nil` when all are taken.
    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < done.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ profile: ColumnProfile, at index: Int) {
        lock.lock()
        done[index] = profile
        lock.unlock()
    }

    func profiles() -> [ColumnProfile] { done.map { $0! } }
}
