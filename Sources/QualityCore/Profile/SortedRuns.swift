/// The distinct keys of a keyed column ascending, each with its count, read straight from
/// its sorted cells (``TypedKeys/withSortedRuns(_:)``): each run of equal keys is one, so a
/// finish of 10 million keys reads them in place instead of writing a list of 10 million
/// pairs first.
///
/// Valid only inside the closure that hands it out (it borrows the column's cells).
struct SortedRuns: Sequence {
    /// One key per cell, ascending.
    let cells: UnsafeBufferPointer<UInt64>

    func makeIterator() -> Iterator { Iterator(cells: cells) }

    struct Iterator: IteratorProtocol {
        let cells: UnsafeBufferPointer<UInt64>
        private var cell = 0

        init(cells: UnsafeBufferPointer<UInt64>) { self.cells = cells }

        /// The next key, with the number of cells that hold it.
        @inline(__always)
        mutating func next() -> (key: UInt64, count: Int)? {
            guard cell < cells.count else { return nil }
            let key = cells[cell]
            let start = cell
            cell += 1
            while cell < cells.count, cells[cell] == key { cell += 1 }
            return (key, cell - start)
        }
    }
}
