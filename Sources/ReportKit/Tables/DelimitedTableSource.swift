/// A CSV or TSV object in a store, read through ``CSVScanner`` a chunk at a time, so memory
/// stays at one chunk plus the longest record whatever the file's size.
///
/// - The dialect is the one given, or ``CSVDialect/detect(sample:)``'s guess from the first
///   ``detectionSampleBytes`` (64 KiB unless told; the whole object when shorter). The first
///   record is always the header: its fields name the columns (a name used twice is an
///   error at the second).
/// - An empty unquoted field is missing (`nil`); a quoted `""` is an empty text; doubled
///   quotes are one quote.
/// - A record with another number of fields than the header, an unclosed quote or a record
///   over the scanner's limit is a ``ParseError`` naming `displayName:line:column`.
/// - An empty object (or only blank lines) is a table of no columns and no rows.
public struct DelimitedTableSource: TableSource {
    public let store: any ObjectStore
    public let key: ObjectKey
    /// The dialect, or `nil` to detect it.
    public let dialect: CSVDialect?
    public let displayName: String
    /// The size of the pieces read from the store.
    public let chunkSize: Int
    /// How much of the start dialect detection looks at.
    public let detectionSampleBytes: Int

    /// Pieces of 1 MiB: large enough that per-read costs vanish, small enough to stay in cache.
    public static let defaultChunkSize = 1 << 20

    /// The table at `key`; `displayName` (default: the key) names it in errors.
    public init(
        store: any ObjectStore, key: ObjectKey, dialect: CSVDialect? = nil, displayName: String? = nil,
        chunkSize: Int = defaultChunkSize, detectionSampleBytes: Int = 64 << 10
    ) {
        precondition(chunkSize > 0 && detectionSampleBytes > 0, "a chunk and a sample have at least one byte")
        self.store = store
        self.key = key
        self.dialect = dialect
        self.displayName = displayName ?? key.text
        self.chunkSize = chunkSize
        self.detectionSampleBytes = detectionSampleBytes
    }

    public func scan(columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) async throws {
        let assembler = DelimitedRowAssembler(file: displayName)
        func take(_ record: CSVRecord) throws { try assembler.take(record, columns: columns, row: row) }
        var scanner = dialect.map { _ in makeScanner(sample: []) }
        var sample: [UInt8] = []
        for try await chunk in store.chunks(key, size: chunkSize) {
            if scanner == nil {
                sample.append(contentsOf: chunk)
                guard sample.count >= detectionSampleBytes else { continue }
                scanner = makeScanner(sample: sample)
                try scanner!.feed(sample, take)
                sample = []
                continue
            }
            try chunk.withUnsafeBytes { raw in try scanner!.feed(raw.assumingMemoryBound(to: UInt8.self), take) }
        }
        if scanner == nil {
            scanner = makeScanner(sample: sample)
            try scanner!.feed(sample, take)
        }
        try scanner!.finish(take)
        if !assembler.hasColumns { try columns([]) }
    }

    /// From the object's size and its first and last ``detectionSampleBytes`` (``RowCountEstimate``);
    /// `nil` when the store cannot tell the size.
    public func estimatedRowCount() async -> Int? {
        await RowCountEstimate.rows(of: key, in: store, sampleBytes: detectionSampleBytes, header: true)
    }

    private func makeScanner(sample: [UInt8]) -> CSVScanner {
        let chosen = (dialect ?? CSVDialect.detect(sample: sample)).withHeader(true)
        return CSVScanner(dialect: chosen, file: displayName, checksFieldCount: true)
    }
}

/// Turns the scanner's records into the port's calls: the header into columns, each record
/// into a row of cells.
final class DelimitedRowAssembler {
    let file: String
    private var cells: RowCells? {
        didSet { borrowedCells = cells.map { Unmanaged.passUnretained($0) } }
    }
    /// `cells`, borrowed per record rather than retained and released (`cells` keeps it).
    private var borrowedCells: Unmanaged<RowCells>?
    private var rowNumber = 0

    init(file: String) { self.file = file }

    /// An assembler for records after the header, of `columnCount` fields (a part of the file).
    init(file: String, columnCount: Int) {
        self.file = file
        let made = RowCells(count: columnCount)
        cells = made
        borrowedCells = Unmanaged.passUnretained(made)  // `didSet` does not run in an initializer
    }

    var hasColumns: Bool { cells != nil }

    func take(_ record: CSVRecord, columns: ([SourceColumn]) throws -> Void, row: (TableRowView) throws -> Void) throws {
        guard let borrowedCells else {
            try header(record, columns)
            return
        }
        try borrowedCells._withUnsafeGuaranteedRef { cells in try take(record, into: cells, row: row) }
    }

    private func take(_ record: CSVRecord, into cells: RowCells, row: (TableRowView) throws -> Void) throws {
        cells.reserveScratch(record.bytes.count)
        let scratch = cells.scratch
        var used = 0
        for index in 0..<record.count {
            let field = record[index]
            if field.count == 0, !field.isQuoted {
                cells.cells[index] = nil
            } else if field.hasDoubledQuotes {
                let count = record.unescape(index, into: scratch.baseAddress! + used)
                cells.cells[index] = UnsafeRawBufferPointer(start: scratch.baseAddress! + used, count: count)
                used += count
            } else {
                cells.cells[index] = UnsafeRawBufferPointer(record.rawField(index))
            }
        }
        rowNumber += 1
        try row(cells.view(number: rowNumber, line: record.line))
    }

    private func header(_ record: CSVRecord, _ columns: ([SourceColumn]) throws -> Void) throws {
        let names = record.strings
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let first = seen[name] {
                let line = String(decoding: record.bytes.prefix { $0 != 0x0A && $0 != 0x0D }.prefix(300), as: UTF8.self)
                throw ParseError(
                    file: file, location: record.location(ofField: index), stage: "csv",
                    message: "column name '\(name)' appears twice in the header (fields \(first + 1) and \(index + 1))", sourceLine: line)
            }
            seen[name] = index
        }
        cells = RowCells(count: names.count)
        try columns(names.map { SourceColumn(name: $0) })
    }
}
