import ReportKit

/// The scan of a plain JSON buildables table (`{"items": [...]}`, see ``JSONItemRows``) into
/// ``JSONTableColumns``, in two parts at once on a big table.
///
/// The item list is cut at a likely element start near its middle: a `{` after a `,` (and
/// white space). The first part is scanned from the list's start and stops when an element
/// starts exactly at the cut; the second part from the cut to the end of the text, at the same
/// time on another thread. A cut that was no element start (the `,{` was inside a string) is
/// passed by the first part, which then reads on to the end alone and the second part's result
/// is dropped; so the columns are always those of one scan from the start, and text outside
/// the plain shape gives `nil` however it is cut.
enum JSONTableScan {
    /// Below this many bytes the table is scanned in one part: a thread costs more than it saves.
    static let partsFrom = 1 << 20

    /// The columns of `bytes`, or `nil` when they are not a plain table.
    ///
    /// - Parameter cutNear: where to look for the cut (the first likely element start at or
    ///   after it); by default the middle of a table of ``partsFrom`` bytes or more, else no
    ///   cut. Tests pass any position.
    static func columns(_ bytes: UnsafeBufferPointer<UInt8>, cutNear: Int? = nil) -> JSONTableColumns? {
        var scanner = PlainJSONScanner(bytes)
        guard scanner.take(UInt8(ascii: "{")), let key = scanner.plainString(),
              bytes.matches(key, "items"), scanner.take(UInt8(ascii: ":")), scanner.take(UInt8(ascii: "["))
        else { return nil }
        if scanner.take(UInt8(ascii: "]")) {
            return scanner.take(UInt8(ascii: "}")) && scanner.atEnd() ? JSONTableColumns() : nil
        }
        let first = scanner.position
        let near = cutNear ?? (bytes.count >= partsFrom ? first + (bytes.count - first) / 2 : nil)
        guard let near, let cut = likelyElementStart(in: bytes, from: max(near, first + 1)) else {
            return scan(bytes, from: first, items: bytes.count / 160)?.columns
        }
        let text = SendableBytes(bytes)
        var (head, tail) = bothAtOnce(
            { scan(text.bytes, from: first, stoppingAt: cut, items: bytes.count / 160) },
            { scan(text.bytes, from: cut, items: (bytes.count - cut) / 160) })
        guard head != nil else { return nil }
        guard head!.endedAtCut else { return head!.columns }
        guard tail != nil else { return nil }
        head!.columns.append(&tail!.columns)
        return head!.columns
    }

    /// The position of the first `{` at or after `start` that follows a `,` and white space.
    static func likelyElementStart(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "{") {
                var before = position - 1
                while before >= 0, bytes[before] == 0x20 || bytes[before] == 0x0A || bytes[before] == 0x0D || bytes[before] == 0x09 {
                    before -= 1
                }
                if before >= 0, bytes[before] == UInt8(ascii: ",") { return position }
            }
            position += 1
        }
        return nil
    }

    /// What one part's scan found.
    struct Part {
        var columns: JSONTableColumns
        /// The scan stopped because an element started exactly at the cut; else it read to
        /// the end of the text and checked the list's and the document's ends.
        var endedAtCut: Bool
    }

    /// The items from `start` (white space, then an element's `{`) to the end of the list and
    /// the document, or to the element that starts at `cut`. `nil` outside the plain shape.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stoppingAt cut: Int? = nil, items: Int) -> Part? {
        var scanner = PlainJSONScanner(bytes, at: start)
        var columns = JSONTableColumns()
        columns.reserve(items: items)
        var codes: [String: UInt32] = [:]
        var last: (range: Range<Int>, code: UInt32)?
        var cut = cut
        repeat {
            if let stop = cut {
                scanner.skipSpace()
                if scanner.position == stop { return Part(columns: columns, endedAtCut: true) }
                // Past the cut without starting an element there: it was inside a string.
                if scanner.position > stop { cut = nil }
            }
            guard let item = scanner.flatObject(), let artifact = item.artifact, let instance = item.instance,
                  artifact.count > 0, instance.count > 0, instance.count <= Int(Int32.max)
            else { return nil }
            // Items of one artifact usually come together: compare with the last one first.
            let code: UInt32
            if let last, bytes.same(last.range, artifact) {
                code = last.code
            } else {
                code = columns.code(of: bytes.text(artifact), known: &codes)
                last = (artifact, code)
            }
            let row = columns.count
            if item.range.count > Int(UInt16.max) {
                columns.scanned.insert(row)
                columns.hot.append(contentsOf: repeatElement(0, count: JSONItemRows.hotCount))
                columns.wholes.append(contentsOf: [-1, -1])
            } else {
                for slot in 0..<JSONItemRows.hotCount { columns.hot.append(item.hot[slot]) }
                columns.wholes.append(item.wholes[0])
                columns.wholes.append(item.wholes[1])
            }
            columns.starts.append(item.range.lowerBound)
            columns.ends.append(item.range.upperBound)
            columns.rowsByCode[Int(code)].append(row)
            columns.artifactCodes.append(code)
            columns.instanceStarts.append(instance.lowerBound)
            columns.instanceCounts.append(Int32(instance.count))
            columns.instanceHashes.append(RowKeyIndex.hash(UnsafeBufferPointer(rebasing: bytes[instance])))
        } while scanner.take(UInt8(ascii: ","))
        guard scanner.take(UInt8(ascii: "]")), scanner.take(UInt8(ascii: "}")), scanner.atEnd() else { return nil }
        return Part(columns: columns, endedAtCut: false)
    }
}

/// Read-only bytes handed to another thread while their owner waits for it.
struct SendableBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }
}
