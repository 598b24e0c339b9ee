import Foundation
import ReportKit

/// A ``TableProfiler`` fed on several threads, split by columns: the thread that reads the
/// table copies rows into a ``RowBatch``; when the batch is full, each worker (this thread
/// and `workers − 1` helper threads) adds its own columns' cells of all the batch's rows,
/// while this thread goes on reading into a second batch. No column is ever touched by two
/// threads, so there is nothing to merge: each distinct value is kept once, in its one table.
///
/// The figures and the first error are those of ``TableProfiler/add(row:)`` row by row, in
/// exact and in sketch mode: a column's state depends only on its own cells, an error is the
/// first by row then column, and the memory budget, which weighs all columns together, is
/// checked after every 1,024th row as ``TableProfiler/endRow()`` checks it. A batch is added
/// in one go only when no column's tables could grow past the budget within it
/// (``ColumnAccumulator/maximumExactBytes(afterAdding:bytes:)``: the checks would all pass);
/// else 1,024 rows at a time, every worker waiting for the others before the check.
///
/// Columns go to workers by their measured cost (the reading thread's own reading counted
/// against it), the costliest first to the least loaded, again for every batch. Costs are
/// the thread's CPU time, so a thread the machine's other work pushes aside does not make
/// its columns look dear. The clock steers only who adds which column, never a figure.
final class ColumnSplit: @unchecked Sendable {
    /// A value not of its declared type, with its row's place in the source.
    struct ValueError: Error {
        var error: ProfileError
        var line: Int?
        var number: Int
        var column: Int
    }

    private var profiler: TableProfiler
    private let columns: UnsafeMutableBufferPointer<ColumnAccumulator>
    private var lent = true
    private let workers: Int
    private let width: Int
    private let batches: [RowBatch]
    private var filling = 0
    private let firstBatch: RowBatch, secondBatch: RowBatch
    /// Rows added since the split began.
    private var rowsDone = 0

    private struct Job {
        var batch: RowBatch?
        var rows: Range<Int> = 0..<0
        var firstRow = 0
    }

    /// Per worker: the job, the columns it adds, a row-indexed hash scratch.
    private var jobs: [Job]
    private var assignment: [[Int]]
    private let hashes: [UnsafeMutablePointer<UInt64>]
    private let starts: [DispatchSemaphore]
    private let done = DispatchSemaphore(value: 0)
    private var pending = 0
    private var stopping = false
    /// Per column, written by its worker only: the first error and the seconds spent.
    private let errors: UnsafeMutablePointer<ValueError?>
    private let seconds: UnsafeMutablePointer<Double>
    /// Smoothed seconds per batch: per column, and this thread's reading.
    private var cost: [Double]
    private var readingCost = 0.0
    private var lastReturn: Double

    /// Takes `profiler`'s columns (so no other copy shares their tables); ``finish()`` gives
    /// the profiler back with them.
    init(_ profiler: inout TableProfiler, workers: Int) {
        let width = profiler.columns.count
        self.columns = profiler.lendColumns()
        self.profiler = profiler
        self.width = width
        self.workers = max(1, min(workers, width))
        firstBatch = RowBatch(width: width)
        secondBatch = RowBatch(width: width)
        batches = [firstBatch, secondBatch]
        let capacity = batches[0].capacity
        jobs = Array(repeating: Job(), count: self.workers)
        assignment = Array(repeating: [], count: self.workers)
        hashes = (0..<self.workers).map { _ in .allocate(capacity: capacity) }
        starts = (0..<self.workers).map { _ in DispatchSemaphore(value: 0) }
        errors = .allocate(capacity: max(1, width))
        errors.initialize(repeating: nil, count: max(1, width))
        seconds = .allocate(capacity: max(1, width))
        seconds.initialize(repeating: 0, count: max(1, width))
        cost = Array(repeating: 0, count: width)
        lastReturn = WorkShare.threadSeconds()
        for worker in 1..<self.workers {
            let thread = Thread { [self] in self.help(worker) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit {
        if lent {
            columns.deinitialize()
            columns.deallocate()
        }
        for scratch in hashes { scratch.deallocate() }
        errors.deinitialize(count: max(1, width))
        errors.deallocate()
        seconds.deallocate()
    }

    /// Copies `row` in; adds a full batch. Throws the first value error of the rows added so far.
    @inline(__always)
    func add(_ row: TableRowView) throws(ValueError) {
        let batch = filling == 0 ? firstBatch : secondBatch  // `let`s: no retain per row
        batch.append(row)
        if batch.isFull { try flush() }
    }

    /// Adds the rows copied in so far and hands the profiler back; throws the first value error.
    func finish() throws(ValueError) -> TableProfiler {
        try flush()
        awaitHelpers()
        if let error = firstError() { throw error }
        close()
        profiler.takeBack(columns, rowsAdded: rowsDone)
        lent = false
        // Handed over, not shared: a copy kept here would share the columns' buffers, and the
        // finish's sorts in place would then copy each keyed column's keys first (80 MB for
        // 10M rows, two columns at once on two threads).
        let finished = profiler
        profiler = TableProfiler(columns: [])
        return finished
    }

    /// After the reader failed: adds the rows it read before failing and gives the first
    /// value error among them, which comes first in the table.
    func errorBefore() -> ValueError? {
        do throws(ValueError) {
            try flush()
        } catch {
            return error
        }
        awaitHelpers()
        return firstError()
    }

    /// Stops the helper threads (they end once told); call once, when done with the split.
    func close() {
        guard !stopping else { return }
        awaitHelpers()
        stopping = true
        for worker in 1..<workers { starts[worker].signal() }
    }

    // MARK: - The reading thread

    private var rowCountBefore: Int { profiler.rowCount + rowsDone }

    /// Adds the batch being filled and switches to the other one.
    private func flush() throws(ValueError) {
        let batch = batches[filling]
        guard batch.count > 0 else { return }
        let reading = WorkShare.threadSeconds() - lastReturn
        awaitHelpers()
        if let error = firstError() { throw error }
        readingCost = WorkShare.smoothed(readingCost, reading)
        reassign(batch)
        let firstRow = profiler.firstRow + rowCountBefore
        if fitsBudget(batch) {
            start(batch, rows: 0..<batch.count, firstRow: firstRow)
        } else {
            var from = 0
            while from < batch.count {
                let before = rowCountBefore + from
                let to = min(batch.count, from + 1024 - before % 1024)
                start(batch, rows: from..<to, firstRow: firstRow)
                awaitHelpers()
                if let error = firstError() { throw error }
                let rows = before + to - from
                if rows % 1024 == 0 { TableProfiler.checkBudget(profiler.exactBudget, profiler.projection, rows: rows, on: columns) }
                from = to
            }
        }
        rowsDone += batch.count
        filling ^= 1
        batches[filling].clear()
        lastReturn = WorkShare.threadSeconds()
    }

    /// Whether no column's exact values can pass the budget in all of `batch`, nor does the
    /// look ahead (``BudgetProjection``) fall within it: then none of the budget's checks
    /// within it would switch a column.
    private func fitsBudget(_ batch: RowBatch) -> Bool {
        let budget = profiler.exactBudget
        guard budget != .max else { return true }
        if let projection = profiler.projection, projection.falls(after: rowCountBefore, within: batch.count) { return false }
        var total = 0
        for column in columns.indices {
            let load = batch.load(of: column, rows: 0..<batch.count)
            total += columns[column].maximumExactBytes(afterAdding: load.values, bytes: load.bytes)
            if total > budget { return false }
        }
        return true
    }

    /// Hands each helper its columns of `rows`, then adds this thread's.
    private func start(_ batch: RowBatch, rows: Range<Int>, firstRow: Int) {
        for worker in 0..<workers { jobs[worker] = Job(batch: batch, rows: rows, firstRow: firstRow) }
        for worker in 1..<workers {
            pending += 1
            starts[worker].signal()
        }
        work(0)
    }

    private func awaitHelpers() {
        while pending > 0 {
            done.wait()
            pending -= 1
        }
    }

    /// The first value error by row, then column, among the rows added.
    private func firstError() -> ValueError? {
        var first: ValueError?
        for column in columns.indices {
            guard let error = errors[column] else { continue }
            if first == nil || error.error.row < first!.error.row { first = error }
        }
        return first
    }

    /// Gives each worker columns of about equal cost (the reading counted against this
    /// thread), the costliest first to the least loaded; keeps the old split unless the new
    /// one is clearly better.
    private func reassign(_ batch: RowBatch) {
        for column in columns.indices {
            let measured = seconds[column]
            seconds[column] = 0
            if measured > 0 || !assignment.joined().contains(column) {
                cost[column] = measured > 0 ? WorkShare.smoothed(cost[column], measured) : Double(batch.load(of: column, rows: 0..<batch.count).bytes + 16) * 1e-9
            }
        }
        WorkShare.rebalance(&assignment, costs: cost, readingCost: readingCost)
    }

    // MARK: - Every worker

    /// Adds worker `worker`'s columns of its job.
    private func work(_ worker: Int) {
        let job = jobs[worker]
        guard let batch = job.batch else { return }
        for column in assignment[worker] where errors[column] == nil {
            let began = WorkShare.threadSeconds()
            do throws(ProfileError) {
                try columns[column].add(
                    batch.cells(of: column), bytes: batch.bytes, rows: job.rows, firstRow: job.firstRow, hashes: hashes[worker])
            } catch {
                let place = batch.place(of: error.row - job.firstRow)
                errors[column] = ValueError(error: error, line: place.line, number: place.number, column: column)
            }
            seconds[column] += WorkShare.threadSeconds() - began
        }
    }

    /// A helper thread's life: a job per signal, until stopped.
    private func help(_ worker: Int) {
        while true {
            starts[worker].wait()
            if stopping { return }
            work(worker)
            done.signal()
        }
    }
}
