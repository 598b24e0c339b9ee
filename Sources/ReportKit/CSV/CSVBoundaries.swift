/// Record boundaries for reading one file in parallel pieces.
///
/// A byte offset in the middle of a CSV file does not say whether it is inside a quoted
/// field: `"a\nb"` has a line break that does not end a record, and only the bytes before
/// it tell. Guessing from quote parity fails on files with quotes inside unquoted fields
/// (`5" pipe`), which the scanner reads as text. The approach here is exact for every input:
///
/// 1. Cut the file into pieces at any offsets. For each piece, in parallel, compute its
///    ``Transfer``: the ``CSVScanState`` it leaves the reader in for each of the five states
///    it could be entered in (one pass running the five machines side by side).
/// 2. Compose the transfers in order (five table lookups per piece): the first piece is
///    entered at ``CSVScanState/recordStart``, so each piece's real entry state follows.
/// 3. In parallel, each piece's reader starts at ``firstRecordStart(in:entering:dialect:)``
///    of its entry state, and stops at the first record end past its piece's end.
///
/// Records found this way are the ones one sequential ``CSVScanner`` finds, because both
/// end records where the machine of ``CSVScanState`` does. Line numbers need the line
/// breaks before each piece too: count them in step 1 as well.
public enum CSVBoundaries {
    /// What a piece of a file does to the reader's state: `exit[entry.rawValue]` is the
    /// state after the piece for a reader entering it in `entry`.
    public struct Transfer: Sendable, Hashable {
        public var exit: [CSVScanState]

        public init(exit: [CSVScanState]) {
            precondition(exit.count == CSVScanState.allCases.count)
            self.exit = exit
        }

        /// The state after this piece for a reader entering it in `entry`.
        public func callAsFunction(_ entry: CSVScanState) -> CSVScanState { exit[Int(entry.rawValue)] }

        /// This piece, then `next`.
        public func then(_ next: Transfer) -> Transfer {
            Transfer(exit: exit.map { next($0) })
        }
    }

    /// The transfer of `piece`: one pass, five machines.
    public static func transfer(of piece: UnsafeBufferPointer<UInt8>, dialect: CSVDialect) -> Transfer {
        var states = CSVScanState.allCases
        for byte in piece {
            for lane in states.indices { states[lane] = states[lane].next(byte, dialect).state }
        }
        return Transfer(exit: states)
    }

    /// The offset just after the first record end in `piece` for a reader entering it in
    /// `entry`, or `nil` when no record ends in it. (Right after a `\r` of `\r\n`: the `\n`
    /// that follows is a blank line, which readers skip.)
    public static func firstRecordStart(in piece: UnsafeBufferPointer<UInt8>, entering entry: CSVScanState, dialect: CSVDialect) -> Int? {
        if entry == .recordStart { return 0 }
        var state = entry
        for (offset, byte) in piece.enumerated() {
            let step = state.next(byte, dialect)
            if step.endsRecord { return offset + 1 }
            state = step.state
        }
        return nil
    }
}
