import ReportKit

/// Turns a `COPY … TO STDOUT WITH (FORMAT csv, HEADER)` stream into the port's rows: the
/// `CopyData` payloads are gathered into pieces of ``pieceBytes`` and fed to ReportKit's
/// ``CSVScanner``, whose records become ``TableRowView``s. Memory is one piece plus one row.
///
/// Cells, as ``PostgresCellText`` makes them: an empty unquoted field is `NULL` (missing), a
/// quoted `""` an empty text; booleans read `True`/`False`; floats the shortest text that
/// reads back as the same double. The server sends one `CopyData` per row, so a lone line
/// end is a row: in a one-column table that is a `NULL` (which the scanner, skipping blank
/// lines, would otherwise drop).
final class PostgresCopyRows {
    static let pieceBytes = 256 << 10

    private let columnTypes: [PostgresType]
    private let displayName: String
    private let row: (TableRowView) throws -> Void
    private var scanner: CSVScanner
    private var piece: [UInt8] = []
    private let cells: PostgresCellText
    private var sawHeader = false
    /// `CopyData` messages taken so far (the first is the header).
    private var messages = 0
    /// Rows passed on so far.
    private(set) var rowCount = 0

    init(columnTypes: [PostgresType], displayName: String, row: @escaping (TableRowView) throws -> Void) {
        self.columnTypes = columnTypes
        self.displayName = displayName
        self.row = row
        scanner = CSVScanner(dialect: .rfc4180, file: displayName, checksFieldCount: true)
        cells = PostgresCellText(types: columnTypes)
        piece.reserveCapacity(Self.pieceBytes + 4096)
    }

    /// One `CopyData` payload: one row (or the header).
    func take(_ payload: UnsafeRawBufferPointer) throws {
        messages += 1
        if columnTypes.count == 1, messages > 1, payload.count <= 2, payload.allSatisfy({ $0 == 0x0A || $0 == 0x0D }) {
            try flush()
            try cells.withNullRow { try emit($0) }
            return
        }
        piece.append(contentsOf: payload)
        if piece.count >= Self.pieceBytes { try flush() }
    }

    /// The stream's end (`CopyDone`).
    func finish() throws {
        try flush()
        try scanner.finish { try self.record($0) }
    }

    private func flush() throws {
        guard !piece.isEmpty else { return }
        try piece.withUnsafeBufferPointer { buffer in try scanner.feed(buffer) { try self.record($0) } }
        piece.removeAll(keepingCapacity: true)
    }

    private func record(_ record: CSVRecord) throws {
        guard sawHeader else {
            sawHeader = true
            guard record.count == columnTypes.count else {
                throw PostgresError(.protocolViolation("the COPY header has \(record.count) fields for \(columnTypes.count) columns"))
            }
            return
        }
        try cells.withRow(record) { try emit($0) }
    }

    private func emit(_ view: UnsafeBufferPointer<UnsafeRawBufferPointer?>) throws {
        rowCount += 1
        try row(TableRowView(number: rowCount, line: nil, cells: view))
    }
}
