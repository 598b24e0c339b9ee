import Foundation
import ReportKit
import Synchronization

/// A dataset's probes fed on several threads, split by probe: the thread that reads the table
/// copies rows into a ``CheckRowBatch``; when the batch is full, each worker (this thread and
/// `workers − 1` helper threads) hands all the batch's rows, in order, to its own probes,
/// while this thread goes on reading into a second batch. Every probe sees every row in
/// table order, as on one thread, so its counts, samples and failure are the same.
///
/// Probes go to workers by their measured cost (this thread's reading and copying counted
/// against it), the costliest first to the least loaded, again for every batch; the cost is
/// the thread's CPU time, so it steers only who runs which probe, never a result.
///
/// Threads and memory: a probe is touched by one worker per batch, and only between a
/// worker's start signal and its done signal; the reading thread waits for every helper's
/// done before it reassigns probes, reads their costs or failures, or reuses a batch, so
/// each hand-over is ordered by a semaphore. Probes of other datasets (reference targets
/// already read) are only read while any thread runs. ``close()`` waits for the helpers to
/// end; call it on every path, after a source error too.
final class ProbeSplit: @unchecked Sendable {
    private let probes: [CheckProbe]
    private let workers: Int
    private let batches: [CheckRowBatch]
    private let firstBatch: CheckRowBatch, secondBatch: CheckRowBatch
    private var filling = 0

    /// Per worker: the batch to add and the probes it feeds.
    private var jobs: [CheckRowBatch?]
    private var assignment: [[Int]]
    private let starts: [DispatchSemaphore]
    private let done = DispatchSemaphore(value: 0)
    private var pending = 0
    private var stopping = false
    private var running: Int
    /// Per probe, written by its worker only: the seconds spent on the latest batch.
    private let seconds: UnsafeMutablePointer<Double>
    /// Smoothed seconds per batch: per probe, and this thread's reading.
    private var cost: [Double]
    private var readingCost = 0.0
    private var lastReturn: Double

    /// Starts `workers − 1` helper threads for `probes`, bound already, of a table `width`
    /// columns wide, read `capacity` rows a batch.
    init(_ probes: [CheckProbe], width: Int, workers: Int, capacity: Int) {
        self.probes = probes
        self.workers = max(1, min(workers, probes.count))
        firstBatch = CheckRowBatch(width: width, capacity: capacity)
        secondBatch = CheckRowBatch(width: width, capacity: capacity)
        batches = [firstBatch, secondBatch]
        jobs = Array(repeating: nil, count: self.workers)
        assignment = Array(repeating: [], count: self.workers)
        starts = (0..<self.workers).map { _ in DispatchSemaphore(value: 0) }
        seconds = .allocate(capacity: max(1, probes.count))
        seconds.initialize(repeating: 0, count: max(1, probes.count))
        cost = Array(repeating: 0, count: probes.count)
        running = self.workers - 1
        lastReturn = WorkShare.threadSeconds()
        for worker in 1..<self.workers {
            Self.helperThreads.add(1, ordering: .sequentiallyConsistent)
            let thread = Thread { [self] in self.help(worker) }
            thread.start()
        }
    }

    deinit {
        seconds.deallocate()
    }

    /// Helper threads started and not yet ended, in all splits (tests).
    static let helperThreads = Atomic<Int>(0)

    /// Rows per batch for a table `width` columns wide (as a profile's batches).
    static func capacity(forWidth width: Int) -> Int { RowBatch.capacity(forWidth: width) }

    /// Copies `row` in; hands out a full batch.
    @inline(__always)
    func add(_ row: TableRowView) {
        let batch = filling == 0 ? firstBatch : secondBatch  // `let`s: no retain per row
        batch.append(row)
        if batch.isFull { flush() }
    }

    /// Hands out the rows copied in so far, waits for them to be added and stops the helpers.
    func finish() {
        flush()
        close()
    }

    /// Waits for the helpers' work and stops them (they end once told): the rows of a batch
    /// not yet handed out are dropped. Call once done, whether the scan ended or failed.
    func close() {
        guard !stopping else { return }
        awaitHelpers()
        stopping = true
        for worker in 1..<workers { starts[worker].signal() }
        while running > 0 {
            done.wait()
            running -= 1
        }
    }

    // MARK: - The reading thread

    /// Hands out the batch being filled and switches to the other one.
    private func flush() {
        precondition(!stopping, "rows handed to a ProbeSplit after close()")
        let batch = batches[filling]
        guard batch.count > 0 else { return }
        // The scan may resume on another thread between rows, whose clock is not this one's:
        // a negative span counts as none (it steers the balance only).
        let reading = max(0, WorkShare.threadSeconds() - lastReturn)
        batch.seal()
        awaitHelpers()
        readingCost = WorkShare.smoothed(readingCost, reading)
        reassign()
        for worker in 0..<workers { jobs[worker] = batch }
        for worker in 1..<workers {
            pending += 1
            starts[worker].signal()
        }
        work(0)
        filling ^= 1
        batches[filling].clear()
        lastReturn = WorkShare.threadSeconds()
    }

    private func awaitHelpers() {
        while pending > 0 {
            done.wait()
            pending -= 1
        }
    }

    /// Gives each worker probes of about equal cost (the reading counted against this thread),
    /// the costliest first to the least loaded; keeps the old split unless the new one is
    /// clearly better. Before any cost is measured, the probes go round, the helpers first.
    private func reassign() {
        for index in probes.indices {
            cost[index] = probes[index].failure != nil ? 0 : WorkShare.smoothed(cost[index], seconds[index])
            seconds[index] = 0
        }
        guard cost.contains(where: { $0 > 0 }) else {
            if assignment.joined().count != probes.count {
                for index in probes.indices { assignment[(index + 1) % workers].append(index) }
            }
            return
        }
        WorkShare.rebalance(&assignment, costs: cost, readingCost: readingCost)
    }

    // MARK: - Every worker

    /// Hands worker `worker`'s probes every row of its batch, probe by probe.
    private func work(_ worker: Int) {
        guard let batch = jobs[worker] else { return }
        for index in assignment[worker] {
            let probe = probes[index]
            guard probe.failure == nil else { continue }
            let began = WorkShare.threadSeconds()
            probe.add(batch, rows: 0..<batch.count)
            seconds[index] = WorkShare.threadSeconds() - began
        }
    }

    /// A helper thread's life: a job per signal, until stopped.
    private func help(_ worker: Int) {
        while true {
            starts[worker].wait()
            if stopping {
                Self.helperThreads.subtract(1, ordering: .sequentiallyConsistent)
                done.signal()
                return
            }
            work(worker)
            done.signal()
        }
    }
}
