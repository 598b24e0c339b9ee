/// A table source that can also be read as consecutive parts, each on its own and all at
/// once (a large CSV file on a machine with several cores). While each part ends at a
/// record start (``TablePartEnd/endsAtRecordStart``), the parts' rows, in part order, are
/// the rows ``TableSource/scan(columns:row:)`` hands on, and a part's errors are the ones a
/// whole scan would throw at the same place, with lines counted from the part's first line
/// (see ``TablePart``). After a part that does not, read the table whole instead.
public protocol PartitionableTableSource: TableSource {
    /// The table in up to `count` parts of about equal size, or `nil` when the source is
    /// smaller than `minimumBytes` (or cannot tell its size, or has no header to read first):
    /// then read it whole. Reads the columns once; throws what a whole scan would throw
    /// for them.
    func parts(_ count: Int, minimumBytes: Int) async throws -> TableParts?
}

/// A table cut into parts: its columns and its parts in source order.
public struct TableParts: Sendable {
    public var columns: [SourceColumn]
    public var parts: [any TablePart]

    public init(columns: [SourceColumn], parts: [any TablePart]) {
        self.columns = columns
        self.parts = parts
    }
}

/// One part of a table, read on its own. Its rows are numbered from 1 within the part;
/// their lines (and the lines of its errors) count from `firstLine`, the line the part
/// starts on, which a caller reading parts at once may not know yet: pass 1 and add the
/// lines of the parts before afterwards (``scan(firstLine:row:)`` returns where it ends).
public protocol TablePart: Sendable {
    /// Calls `row` for each of the part's rows; returns where the part ended.
    func scan(firstLine: Int, row: (TableRowView) throws -> Void) async throws -> TablePartEnd
}

/// Where a part ended.
public struct TablePartEnd: Sendable, Hashable {
    /// The line the next part starts on.
    public var nextLine: Int
    /// `false` when the part's last bytes end inside a record: the cut after it was a
    /// likely record start that turned out not to be one, so the parts after it do not read
    /// as the whole table does.
    public var endsAtRecordStart: Bool

    public init(nextLine: Int, endsAtRecordStart: Bool) {
        self.nextLine = nextLine
        self.endsAtRecordStart = endsAtRecordStart
    }
}
