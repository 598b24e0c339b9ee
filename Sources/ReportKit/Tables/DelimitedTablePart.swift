/// One part of a delimited file (``DelimitedTableSource/parts(_:minimumBytes:)``): the
/// bytes in `range`, which starts at a record start (the file's start for the first part)
/// and ends at one (proven, or a likely one it confirms) or at the end of the file, read
/// with ranged reads a chunk at a time.
struct DelimitedTablePart: TablePart {
    let store: any ObjectStore
    let key: ObjectKey
    let displayName: String
    let chunkSize: Int
    /// The file's dialect (with its header).
    let dialect: CSVDialect
    let range: Range<Int>
    /// `nil` for the first part, which reads the header (again: its columns are known);
    /// else the header's field count.
    let fieldCount: Int?
    /// The part ends the file: its last record may have no line end, and a quote left open
    /// is an error.
    let isLast: Bool

    func scan(firstLine: Int, row: (TableRowView) throws -> Void) async throws -> TablePartEnd {
        var scanner: CSVScanner
        let assembler: DelimitedRowAssembler
        if let fieldCount {
            scanner = CSVScanner(continuingAt: firstLine, fieldCount: fieldCount, dialect: dialect, file: displayName, checksFieldCount: true)
            assembler = DelimitedRowAssembler(file: displayName, columnCount: fieldCount)
        } else {
            precondition(firstLine == 1, "the part with the header starts the file")
            scanner = CSVScanner(dialect: dialect, file: displayName, checksFieldCount: true)
            assembler = DelimitedRowAssembler(file: displayName)
        }
        func take(_ record: CSVRecord) throws { try assembler.take(record, columns: { _ in }, row: row) }
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard let piece = try await store.read(key, range: offset..<min(offset + chunkSize, range.upperBound)) else {
                throw ObjectStoreError(.notFound, key: key.text, "no such object")
            }
            if piece.isEmpty { break }
            try piece.withUnsafeBytes { raw in try scanner.feed(raw.assumingMemoryBound(to: UInt8.self), take) }
            offset += piece.count
        }
        let between = isLast || scanner.endsBetweenRecords
        if between { try scanner.finish(take) }
        return TablePartEnd(nextLine: scanner.line, endsAtRecordStart: between)
    }
}
