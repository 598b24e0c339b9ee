import Foundation

/// Cutting a delimited file into parts that read as the whole does.
///
/// The dialect is chosen from the same first bytes as a whole scan; the header is found and
/// read once. Each cut starts at an even share of the file (past the header) and moves on
/// to the first offset ``CSVBoundaries/SharedRecordStart`` proves is a record start, read
/// from there alone (a few bytes in files with quoted fields). Where no proof comes within
/// 1 MiB (text without quotes), the cut is the first record end of a reader outside quotes,
/// which the part before confirms when it ends (``TablePartEnd/endsAtRecordStart``). A cut
/// that lands where an earlier one did is dropped. So the parts' records are the
/// records of one scan of the file, and a quoted field is never cut.
extension DelimitedTableSource: PartitionableTableSource {
    public func parts(_ count: Int, minimumBytes: Int) async throws -> TableParts? {
        guard count > 1, let size = await objectSize(), size > 0, size >= minimumBytes else { return nil }
        let dialect = try await chosenDialect(size: size)
        guard let header = try await header(dialect: dialect) else { return nil }
        let nominal = (0...count).map { index in index == count ? size : max(header.end, Int((Int64(size) * Int64(index)) / Int64(count))) }
        var starts = [0]
        for index in 1..<count where nominal[index] < size {
            let from = max(nominal[index], starts.last!)
            guard let start = try await recordStart(from: from, before: size, dialect: dialect),
                  start > starts.last!, start < size
            else { continue }
            starts.append(start)
        }
        let ends = starts.dropFirst() + [size]
        let parts: [any TablePart] = zip(starts, ends).enumerated().map { index, bounds in
            DelimitedTablePart(
                store: store, key: key, displayName: displayName, chunkSize: chunkSize, dialect: dialect,
                range: bounds.0..<bounds.1, fieldCount: index == 0 ? nil : header.columns.count, isLast: bounds.1 == size)
        }
        return TableParts(columns: header.columns, parts: parts)
    }

    /// The object's size from a listing, or `nil` when it cannot be had.
    private func objectSize() async -> Int? {
        guard let prefix = try? ObjectPrefix(key.text), let listed = try? await store.list(prefix: prefix) else { return nil }
        return listed.first { $0.key == key }?.size
    }

    /// The dialect a whole scan uses: the one given, or the guess from the same first chunks.
    private func chosenDialect(size: Int) async throws -> CSVDialect {
        if let dialect { return dialect.withHeader(true) }
        let chunks = (detectionSampleBytes + chunkSize - 1) / chunkSize
        let length = min(size, chunks * chunkSize)
        guard let sample = try await store.read(key, range: 0..<length) else {
            throw ObjectStoreError(.notFound, key: key.text, "no such object")
        }
        return CSVDialect.detect(sample: [UInt8](sample)).withHeader(true)
    }

    /// The header's columns and the offset after it (after its whole `\r\n`), or `nil` when the
    /// file has no record end after a header (empty, blank, a header alone, or too long a header).
    private func header(dialect: CSVDialect) async throws -> (columns: [SourceColumn], end: Int)? {
        var bytes: [UInt8] = []
        var state = CSVScanState.recordStart
        var scanned = 0
        var end: Int?
        while end == nil {
            guard let piece = try await store.read(key, range: bytes.count..<(bytes.count + chunkSize)), !piece.isEmpty else { return nil }
            bytes.append(contentsOf: piece)
            if scanned == 0, bytes.count >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanned = 3 }
            while scanned < bytes.count {
                let step = state.next(bytes[scanned], dialect)
                scanned += 1
                if step.endsRecord, state != .recordStart {
                    end = scanned
                    break
                }
                state = step.state
            }
            guard bytes.count <= 16 << 20 else { return nil }
        }
        var headerEnd = end!
        if bytes[headerEnd - 1] == 0x0D {
            if headerEnd == bytes.count, let next = try await store.read(key, range: headerEnd..<(headerEnd + 1)) { bytes.append(contentsOf: next) }
            if headerEnd < bytes.count, bytes[headerEnd] == 0x0A { headerEnd += 1 }
        }
        let assembler = DelimitedRowAssembler(file: displayName)
        var columns: [SourceColumn] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try CSVScanner.scan(UnsafeBufferPointer(rebasing: buffer[..<headerEnd]), dialect: dialect, file: displayName) { record in
                try assembler.take(record, columns: { columns = $0 }, row: { _ in })
            }
        }
        return (columns, headerEnd)
    }

    /// The first proven record start at or after `from` and before `limit` (after a `\r\n`'s
    /// `\n`), or `nil`.
    private func recordStart(from: Int, before limit: Int, dialect: CSVDialect) async throws -> Int? {
        var search = CSVBoundaries.SharedRecordStart(dialect: dialect)
        var offset = from
        let pieceSize = 64 << 10
        let window = min(limit, from + (1 << 20))
        while offset < window {
            guard let piece = try await store.read(key, range: offset..<min(offset + pieceSize, window)), !piece.isEmpty else { break }
            if let found = piece.withUnsafeBytes({ raw in search.find(in: raw.assumingMemoryBound(to: UInt8.self)) }) {
                return try await afterLineEnd(offset + found)
            }
            offset += piece.count
        }
        guard let guess = search.guess else { return nil }
        return try await afterLineEnd(from + guess)
    }

    /// `offset`, just past a line break, moved past the `\n` of a `\r\n`.
    private func afterLineEnd(_ offset: Int) async throws -> Int {
        guard let pair = try await store.read(key, range: (offset - 1)..<(offset + 1)), pair.count == 2 else { return offset }
        return pair[pair.startIndex] == 0x0D && pair[pair.startIndex + 1] == 0x0A ? offset + 1 : offset
    }
}
