/// ReportKit's one CSV reader: bytes in, records out, fed in chunks so that memory does not
/// grow with the file.
///
/// ```swift
/// var scanner = CSVScanner(dialect: .semicolon, file: "befolkning.csv")
/// for chunk in chunks { try scanner.feed(chunk) { record in … } }
/// try scanner.finish { record in … }
/// ```
///
/// What it reads (RFC 4180, with the line ends and blank lines real files have):
/// - Fields separated by the dialect's delimiter; a field starting with the quote is quoted
///   up to the next lone quote, and inside it a doubled quote is one quote while delimiters
///   and line breaks are text. After a closing quote comes a delimiter or a line end.
/// - Records end at `\n`, `\r\n` or a lone `\r`, or at the end of the input.
/// - A UTF-8 byte order mark at the very start is skipped.
/// - Blank lines are skipped everywhere: before the header, between records, at the end.
///   (So in a one-column file an empty value on its own line is not a record.)
///
/// Each record goes to a closure as a ``CSVRecord``: field byte ranges into the input, with
/// no copy and no allocation per field. A record that straddles two chunks is copied once
/// into a carry buffer, up to ``maxRecordBytes``.
///
/// Errors are ``ParseError``s of stage `csv` naming the file, line and column: a quoted
/// field never closed, text after a closing quote, a record longer than ``maxRecordBytes``,
/// and, when ``checksFieldCount`` is on, a record whose field count differs from the first
/// record's. Errors the closure throws pass through as they are.
public struct CSVScanner {
    public let dialect: CSVDialect
    /// The file named in errors.
    public var file: String?
    /// The longest record, in bytes, the scanner accepts (16 MiB unless told).
    public let maxRecordBytes: Int
    /// `true` to make a record with another number of fields than the first an error.
    public var checksFieldCount: Bool
    /// Records passed on so far, the header included.
    public private(set) var recordCount = 0

    /// The line of the next byte (after the last record passed on: the line the next part
    /// of the file starts on).
    public private(set) var line = 1
    private var expectedFieldCount: Int?
    /// The next record is the header (the dialect has one and the input starts the file).
    private var headerPending: Bool
    /// The current record's fields (scratch space, reused for every record).
    private let fields = FieldBuffer()
    /// The start of a record cut by a chunk's end, and the machine's state after it.
    private var carry: [UInt8] = []
    private var carryState = CSVScanState.recordStart
    /// The last chunk ended with `\r`: a `\n` starting the next one belongs to it.
    private var pendingCR = false
    /// The first bytes, held until there are three to check for a byte order mark.
    private var head: [UInt8]? = []
    private var finished = false

    public init(dialect: CSVDialect = .rfc4180, file: String? = nil, maxRecordBytes: Int = 16 << 20, checksFieldCount: Bool = false) {
        self.dialect = dialect
        self.file = file
        self.maxRecordBytes = maxRecordBytes
        self.checksFieldCount = checksFieldCount
        headerPending = dialect.hasHeader
    }

    /// A scanner for a part of a file read on its own: input that starts at a record start
    /// past the file's header (one ``CSVBoundaries`` proves), its first byte on line `line`.
    /// No byte order mark is looked for, no record is the header, and with `checksFieldCount`
    /// every record must have `fieldCount` fields (the header's), so errors read as one
    /// scanner of the whole file would report them.
    public init(
        continuingAt line: Int, fieldCount: Int?, dialect: CSVDialect = .rfc4180, file: String? = nil,
        maxRecordBytes: Int = 16 << 20, checksFieldCount: Bool = false
    ) {
        self.init(dialect: dialect, file: file, maxRecordBytes: maxRecordBytes, checksFieldCount: checksFieldCount)
        self.line = line
        expectedFieldCount = fieldCount
        headerPending = false
        head = nil
    }

    /// Reads `bytes` whole: ``feed(_:_:)`` then ``finish(_:)``.
    public static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect = .rfc4180, file: String? = nil, checksFieldCount: Bool = false,
        maxRecordBytes: Int = 16 << 20, _ body: (CSVRecord) throws -> Void
    ) throws {
        var scanner = CSVScanner(dialect: dialect, file: file, maxRecordBytes: maxRecordBytes, checksFieldCount: checksFieldCount)
        try scanner.feed(bytes, body)
        try scanner.finish(body)
    }

    /// Reads `bytes` whole and returns every record's values as text (small inputs, tests).
    public static func records(_ bytes: [UInt8], dialect: CSVDialect = .rfc4180, file: String? = nil, checksFieldCount: Bool = false) throws -> [[String]] {
        var records: [[String]] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try scan(buffer, dialect: dialect, file: file, checksFieldCount: checksFieldCount) { records.append($0.strings) }
        }
        return records
    }

    /// Reads the next chunk, passing each record completed in it to `body`. The chunk need
    /// not end at a record's end; its bytes are not kept after the call.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (CSVRecord) throws -> Void) throws {
        precondition(!finished, "CSVScanner.feed after finish")
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        if head != nil {
            // A byte order mark is checked once three bytes have come.
            if head!.isEmpty, chunk.count >= 3 {
                head = nil
                let skip = chunk.starts(with: Self.byteOrderMark) ? 3 : 0
                try process(base + skip, chunk.count - skip, final: false, body)
            } else {
                head!.append(contentsOf: chunk)
                if head!.count >= 3 { try processHead(final: false, body) }
            }
            return
        }
        try process(base, chunk.count, final: false, body)
    }

    /// Ends the input: passes the last record (one without a line end) to `body`, or fails
    /// if the input ended inside a quoted field.
    public mutating func finish(_ body: (CSVRecord) throws -> Void) throws {
        precondition(!finished, "CSVScanner.finish twice")
        if head != nil { try processHead(final: true, body) }
        finished = true
        guard !carry.isEmpty else { return }
        let record = carry
        carry = []
        try record.withUnsafeBufferPointer { buffer in
            _ = try parse(buffer.baseAddress!, buffer.count, from: 0, final: true, body)
        }
    }

    /// `true` when the bytes fed so far end between records (no record is cut at their end):
    /// then input that follows them starts a record. A part of a file read on its own that
    /// ends so confirms the cut after it.
    public var endsBetweenRecords: Bool { head == nil && carry.isEmpty }

    /// The ``feed(_:_:)`` of a byte array.
    public mutating func feed(_ chunk: [UInt8], _ body: (CSVRecord) throws -> Void) throws {
        try chunk.withUnsafeBufferPointer { try feed($0, body) }
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private mutating func processHead(final: Bool, _ body: (CSVRecord) throws -> Void) throws {
        var bytes = head!
        head = nil
        if bytes.starts(with: Self.byteOrderMark) { bytes.removeFirst(3) }
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            try process(base, buffer.count, final: final, body)
        }
    }

    /// Reads a chunk: first the end of a record carried from the chunk before, then whole
    /// records in place, then carries what is left.
    private mutating func process(_ base: UnsafePointer<UInt8>, _ count: Int, final: Bool, _ body: (CSVRecord) throws -> Void) throws {
        var start = 0
        if pendingCR {
            pendingCR = false
            if base[0] == 0x0A { start = 1 }
        }
        if !carry.isEmpty {
            guard let end = try continueCarry(base, count, from: start) else { return }
            var record = carry
            carry = []
            try record.withUnsafeBufferPointer { buffer in
                _ = try parse(buffer.baseAddress!, buffer.count, from: 0, final: true, body)
            }
            record.removeAll(keepingCapacity: true)
            carry = record
            start = end
        }
        if let cut = try parse(base, count, from: start, final: final, body) {
            carry.append(contentsOf: UnsafeBufferPointer(start: base + cut, count: count - cut))
            carryState = .recordStart
            for byte in carry { carryState = carryState.next(byte, dialect).state }
            try checkCarrySize()
        }
    }

    /// Moves the carried record's rest from the chunk into the carry: up to and with its line
    /// end, whose offset past it is returned, or the whole chunk (then `nil`).
    private mutating func continueCarry(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) throws -> Int? {
        var state = carryState
        var index = start
        while index < count {
            let step = state.next(base[index], dialect)
            if step.endsRecord {
                var end = index + 1
                if base[index] == 0x0D {
                    if end < count { if base[end] == 0x0A { end += 1 } } else { pendingCR = true }
                }
                carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
                return end
            }
            state = step.state
            index += 1
        }
        carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
        carryState = state
        try checkCarrySize()
        return nil
    }

    private func checkCarrySize() throws {
        guard carry.count > maxRecordBytes else { return }
        let message = "a record longer than \(maxRecordBytes) bytes, the limit (is a quote left open?)"
        throw carry.withUnsafeBufferPointer { error(message, at: 0, record: $0, line: line) }
    }

    /// Reads records from `base[from..<count]` and passes each to `body`. Returns the start
    /// of a record the bytes end in the middle of (unless `final`), else `nil`.
    private mutating func parse(_ base: UnsafePointer<UInt8>, _ count: Int, from: Int, final: Bool, _ body: (CSVRecord) throws -> Void) throws -> Int? {
        let delimiter = dialect.delimiter
        let quote = dialect.quote
        var masks = CSVBlockMasks(base, count: count, delimiter: delimiter, quote: quote)
        var index = from
        while index < count {
            // Blank lines.
            let first = base[index]
            if first == 0x0A || first == 0x0D {
                line += 1
                index += 1
                if first == 0x0D {
                    if index < count { if base[index] == 0x0A { index += 1 } } else if !final { pendingCR = true }
                }
                continue
            }
            let recordStart = index
            var breaks = 0
            var fieldCount = 0
            var fieldBase = fields.base
            var fieldCapacity = fields.capacity
            var endsWithLineBreak = false
            while true {
                if index < count, base[index] == quote {
                    let contentStart = index + 1
                    var cursor = contentStart
                    var doubled = false
                    while true {
                        cursor = masks.firstQuotedEnd(from: cursor)
                        if cursor == count {
                            guard final else { return recordStart }
                            throw error("a quoted field is not closed: no quote ends the one here", at: index - recordStart,
                                        record: UnsafeBufferPointer(start: base + recordStart, count: count - recordStart), line: line)
                        }
                        let byte = base[cursor]
                        if byte == quote {
                            if cursor + 1 < count {
                                if base[cursor + 1] == quote {
                                    doubled = true
                                    cursor += 2
                                    continue
                                }
                                break
                            }
                            guard final else { return recordStart }
                            break
                        }
                        breaks += 1
                        cursor += byte == 0x0D && cursor + 1 < count && base[cursor + 1] == 0x0A ? 2 : 1
                    }
                    if fieldCount == fieldCapacity { (fieldBase, fieldCapacity) = fields.grow() }
                    (fieldBase + fieldCount).initialize(to: CSVField(start: contentStart - recordStart, end: cursor - recordStart, quoted: true, doubledQuotes: doubled))
                    fieldCount += 1
                    index = cursor + 1
                    if index == count {
                        guard final else { return recordStart }
                        break
                    }
                    let next = base[index]
                    if next == delimiter {
                        index += 1
                        continue
                    }
                    guard next == 0x0A || next == 0x0D else {
                        throw error("text after the closing quote of a field (a quote inside a quoted field is written twice)",
                                    at: index - recordStart, record: UnsafeBufferPointer(start: base + recordStart, count: count - recordStart), line: line)
                    }
                    endsWithLineBreak = true
                    break
                }
                // The field ends at the first delimiter or line end (the block's mask says where).
                // A field of 1 to 4 bytes that are all digits (counts, codes, years) also gets
                // its value, from one word of its bytes (SWAR).
                let end = masks.firstFieldEnd(from: index)
                let length = end &- index
                var value: UInt32 = 0
                var short = false
                if UInt(bitPattern: length &- 1) < 4 {
                    var word: UInt64 = 0
                    if index &+ 8 <= count {
                        word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    } else {
                        for position in 0..<length { word |= UInt64(base[index &+ position]) << UInt64(8 &* position) }
                    }
                    let offsets = SmallDigits.offsets(word)
                    if SmallDigits.digitRun(offsets) >= length {
                        short = true
                        value = SmallDigits.value(offsets, length: length)
                    }
                }
                if end == count, !final { return recordStart }
                if fieldCount == fieldCapacity { (fieldBase, fieldCapacity) = fields.grow() }
                (fieldBase + fieldCount).initialize(to: short
                    ? CSVField(start: index - recordStart, end: end - recordStart, digits: value)
                    : CSVField(start: index - recordStart, end: end - recordStart, quoted: false, doubledQuotes: false))
                fieldCount += 1
                index = end
                if end == count { break }
                if base[end] == delimiter {
                    index += 1
                    continue
                }
                endsWithLineBreak = true
                break
            }
            let recordEnd = index
            if recordEnd - recordStart > maxRecordBytes {
                throw error("a record longer than \(maxRecordBytes) bytes, the limit (is a quote left open?)", at: 0,
                            record: UnsafeBufferPointer(start: base + recordStart, count: recordEnd - recordStart), line: line)
            }
            if endsWithLineBreak {
                index += 1
                if base[recordEnd] == 0x0D {
                    if index < count { if base[index] == 0x0A { index += 1 } } else if !final { pendingCR = true }
                }
            }
            let bytes = UnsafeBufferPointer(start: base + recordStart, count: recordEnd - recordStart)
            let recordFields = UnsafeBufferPointer(start: fieldBase, count: fieldCount)
            if checksFieldCount { try checkFieldCount(recordFields, bytes) }
            let (recordLine, number, isHeader) = (line, recordCount, headerPending)
            headerPending = false
            recordCount += 1
            line += breaks + (endsWithLineBreak ? 1 : 0)
            try body(CSVRecord(bytes: bytes, fields: recordFields, line: recordLine, number: number, isHeader: isHeader, quote: quote))
        }
        return nil
    }

    /// Fails when the record just read has another number of fields than the first.
    private mutating func checkFieldCount(_ fields: UnsafeBufferPointer<CSVField>, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let expected = expectedFieldCount else {
            expectedFieldCount = fields.count
            return
        }
        guard fields.count != expected else { return }
        let first = dialect.hasHeader ? "the header has" : "the first record has"
        let message = "\(fields.count) field\(fields.count == 1 ? "" : "s"), but \(first) \(expected)"
        // Too many: where the first extra field starts; too few: the record's end.
        let offset = fields.count > expected ? fields[expected].start - (fields[expected].isQuoted ? 1 : 0) : bytes.count
        throw error(message, at: offset, record: bytes, line: line)
    }

    /// A located error at byte `offset` of a record starting a line numbered `line`.
    private func error(_ message: String, at offset: Int, record: UnsafeBufferPointer<UInt8>, line: Int) -> ParseError {
        let location = CSVRecord.location(ofOffset: offset, in: record, line: line)
        // The offending line's text, for the caret display.
        var start = min(offset, record.count)
        while start > 0, record[start - 1] != 0x0A, record[start - 1] != 0x0D { start -= 1 }
        var end = start
        while end < record.count, record[end] != 0x0A, record[end] != 0x0D, end - start < 300 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: record[start..<end]), as: UTF8.self)
        return ParseError(file: file, location: location, stage: "csv", message: message, sourceLine: text)
    }
}

/// Room for one record's fields, grown by doubling and kept for the next record. Copies of a
/// scanner share it, which is safe: a record's fields are written and handed to the closure
/// before the next record's are (a scanner is not for use from two threads at once).
final class FieldBuffer {
    private(set) var base: UnsafeMutablePointer<CSVField>
    private(set) var capacity: Int

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Doubles the room, keeping the fields; returns the new start and capacity.
    func grow() -> (UnsafeMutablePointer<CSVField>, Int) {
        let larger = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: capacity)
        base.deallocate()
        base = larger
        capacity *= 2
        return (larger, capacity)
    }
}
