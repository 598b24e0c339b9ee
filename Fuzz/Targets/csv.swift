import ReportKit

/// The CSV scanner, two invariants. The first byte picks the dialect (delimiter, header,
/// field-count check); the rest is the file.
/// - Rejoin: each record's fields, quoted ones in their quotes, joined by the delimiter, are
///   the record's bytes; the records lie in the input in order, with only line ends (and a
///   leading byte order mark) between them.
/// - Chunking: feeding the input in two pieces, at every split (about 128 of them past 128 bytes),
///   or one byte at a time, gives the same records, and the same error (place and message), as one piece.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data[0]
    let delimiter = CSVDialect.detectableDelimiters[Int(selector & 3)]
    let dialect = CSVDialect(delimiter: delimiter, hasHeader: selector & 4 != 0)
    let checksFieldCount = selector & 8 != 0
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))

    let whole = scanRejoining(input, dialect: dialect, checksFieldCount: checksFieldCount)
    var splits = Array(0...input.count)
    if input.count > 128 {
        // Long inputs: the first and last 16 splits and about 96 spread between them.
        let stride = input.count / 96
        splits = splits.filter { $0 < 16 || $0 > input.count - 16 || $0 % stride == 0 }
    }
    for split in splits {
        let pieces = scanPieces([Array(input[..<split]), Array(input[split...])], dialect: dialect, checksFieldCount: checksFieldCount)
        invariant(pieces == whole, "split at \(split) of \(input.count) gave\n\(pieces)\nnot\n\(whole)")
    }
    if input.count <= 512 {
        let bytewise = scanPieces(input.map { [$0] }, dialect: dialect, checksFieldCount: checksFieldCount)
        invariant(bytewise == whole, "one byte at a time gave\n\(bytewise)\nnot\n\(whole)")
    }
    return 0
}

/// An error's place and message. Not its quoted source line: a scan fed in pieces quotes
/// the line only as far as the piece it has, which is not a difference in what it read.
func failureText(_ error: any Error) -> String {
    guard let error = error as? ParseError else { return "\(error)" }
    return "\(error.file ?? "-"):\(error.location): \(error.stage): \(error.message)"
}

/// What a scan saw: each record's place and values, then the error's text, if any.
struct ScanOutcome: Equatable, CustomStringConvertible {
    struct Record: Equatable {
        var line: Int
        var number: Int
        var isHeader: Bool
        var values: [String]
        var quoted: [Bool]
    }
    var records: [Record] = []
    var failure: String?

    var description: String {
        records.map { "\($0.line)#\($0.number)\($0.isHeader ? "h" : ""): \($0.values)" }.joined(separator: "\n") + "\nerror: \(failure ?? "none")"
    }

    mutating func take(_ record: CSVRecord) {
        records.append(Record(line: record.line, number: record.number, isHeader: record.isHeader,
                              values: record.strings, quoted: (0..<record.count).map { record[$0].isQuoted }))
        for index in 0..<record.count {
            if let number = record[index].smallWholeNumber {
                invariant(Int(record.string(index)) == number, "field \(record.string(index)) has smallWholeNumber \(number)")
            }
        }
    }
}

private let lineEnds: Set<UInt8> = [0x0A, 0x0D]

/// One piece, checking that the fields rejoin to each record and the records to the input.
func scanRejoining(_ input: [UInt8], dialect: CSVDialect, checksFieldCount: Bool) -> ScanOutcome {
    var outcome = ScanOutcome()
    input.withUnsafeBufferPointer { buffer in
        var consumed = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        do {
            try CSVScanner.scan(buffer, dialect: dialect, checksFieldCount: checksFieldCount) { record in
                var rejoined: [UInt8] = []
                for index in 0..<record.count {
                    if index > 0 { rejoined.append(dialect.delimiter) }
                    let quoted = record[index].isQuoted
                    if quoted { rejoined.append(dialect.quote) }
                    rejoined.append(contentsOf: record.rawField(index))
                    if quoted { rejoined.append(dialect.quote) }
                }
                invariant(rejoined == Array(record.bytes), "fields rejoin to \(rejoined), not the record's \(Array(record.bytes))")
                // The record is the input's next bytes once line ends are skipped (the last
                // record may come from the scanner's carry, so compare bytes, not addresses).
                var start = consumed
                while start < input.count, lineEnds.contains(input[start]) { start += 1 }
                let end = start + record.bytes.count
                invariant(end <= input.count && input[start..<end].elementsEqual(record.bytes),
                          "record \(Array(record.bytes)) is not the input's next bytes after \(start)")
                consumed = end
                outcome.take(record)
            }
            invariant(input[consumed...].allSatisfy(lineEnds.contains), "bytes other than line ends after the last record, from \(consumed)")
        } catch {
            outcome.failure = failureText(error)
        }
    }
    return outcome
}

/// The same input in `pieces`, fed one after another.
func scanPieces(_ pieces: [[UInt8]], dialect: CSVDialect, checksFieldCount: Bool) -> ScanOutcome {
    var outcome = ScanOutcome()
    var scanner = CSVScanner(dialect: dialect, checksFieldCount: checksFieldCount)
    do {
        for piece in pieces { try scanner.feed(piece) { outcome.take($0) } }
        try scanner.finish { outcome.take($0) }
    } catch {
        outcome.failure = failureText(error)
    }
    return outcome
}
