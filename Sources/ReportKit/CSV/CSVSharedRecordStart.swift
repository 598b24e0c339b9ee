extension CSVBoundaries {
    /// Finds, from any offset of a file, the first offset that is a record start whatever
    /// state the reader was in there: the five machines of ``CSVScanState``, one per entry
    /// state, stepped side by side until all of them end a record at the same byte. From
    /// then on they agree, so the offset after that byte is a record start of the one
    /// sequential reading, without reading anything before the offset.
    ///
    /// Machines entered in different states meet quickly in real files (a quote after text
    /// that is not a quoted field's is text, so an out-of-step reader falls back in step
    /// within a record or two); but a reader entered inside quotes stays there through text
    /// with no quote, so after a cut into a file of numbers they never meet. For that case
    /// ``guess`` is the first record end of a reader entered outside quotes: a likely record
    /// start, which a reader of the bytes before must confirm (``CSVScanner/endsBetweenRecords``).
    /// Feed pieces in order; the search state carries over.
    public struct SharedRecordStart: Sendable {
        private var lanes = CSVScanState.allCases
        private var agreed = false
        /// Bytes stepped through so far.
        public private(set) var consumed = 0
        /// The offset (from the search's start) just past the first record end of a reader
        /// entered outside quotes, once one is seen.
        public private(set) var guess: Int?
        public let dialect: CSVDialect

        public init(dialect: CSVDialect) { self.dialect = dialect }

        /// Steps through `piece`: the offset in it just past the first byte after which every
        /// machine is at a record start (a `\r` there may be followed by the `\n` of its
        /// `\r\n`: the reader's record starts after that), or `nil` when none is in `piece`.
        public mutating func find(in piece: UnsafeBufferPointer<UInt8>) -> Int? {
            for (offset, byte) in piece.enumerated() {
                consumed += 1
                if agreed {
                    let step = lanes[0].next(byte, dialect)
                    lanes[0] = step.state
                    if step.endsRecord {
                        if guess == nil { guess = consumed }
                        return offset + 1
                    }
                    continue
                }
                for lane in lanes.indices {
                    let step = lanes[lane].next(byte, dialect)
                    if lane == Int(CSVScanState.unquoted.rawValue), step.endsRecord, guess == nil { guess = consumed }
                    lanes[lane] = step.state
                }
                let first = lanes[0]
                guard lanes.allSatisfy({ $0 == first }) else { continue }
                // Only a record end leads to `recordStart`: every machine ended one here.
                if first == .recordStart { return offset + 1 }
                agreed = true
                lanes = [first]
            }
            return nil
        }
    }
}
