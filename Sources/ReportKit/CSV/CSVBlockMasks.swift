import CByteMasks

/// Where the input's field ends and quoted-field stops are, read 64 bytes at a time as two
/// bit masks (``CByteMasks``' SSE2 compares): finding a field's end is then a shift and a
/// count of trailing zeros, not a loop over its bytes, and a record's fields share the masks
/// of the block they are in. Fed forward only, as ``CSVScanner`` reads.
struct CSVBlockMasks {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let delimiter: UInt8
    private let quote: UInt8
    /// The input offset of the block the masks are of (none yet: far below any offset).
    private var start = Int.min / 2
    /// Bit i: byte `start + i` is the delimiter, `\n` or `\r`.
    private var fieldEnds: UInt64 = 0
    /// Bit i: byte `start + i` is the quote, `\n` or `\r`.
    private var quotedEnds: UInt64 = 0

    /// The masks of `base[0..<count]`.
    init(_ base: UnsafePointer<UInt8>, count: Int, delimiter: UInt8, quote: UInt8) {
        self.base = base
        self.count = count
        self.delimiter = delimiter
        self.quote = quote
    }

    /// The offset of the first delimiter, `\n` or `\r` at or after `index`, or `count`.
    @inline(__always)
    mutating func firstFieldEnd(from index: Int) -> Int { first(from: index, quoted: false) }

    /// The offset of the first quote, `\n` or `\r` at or after `index`, or `count`.
    @inline(__always)
    mutating func firstQuotedEnd(from index: Int) -> Int { first(from: index, quoted: true) }

    @inline(__always)
    private mutating func first(from index: Int, quoted: Bool) -> Int {
        var index = index
        while true {
            let offset = UInt(bitPattern: index &- start)
            if offset >= 64 {
                if index >= count { return count }
                load(at: index)
                continue
            }
            let found = (quoted ? quotedEnds : fieldEnds) >> UInt64(offset)
            if found != 0 { return index &+ found.trailingZeroBitCount }
            index = start &+ 64
        }
    }

    /// Reads the block starting at `index` (< `count`); past the input's end, bits are 0 (the
    /// last bytes are read from a zero-padded copy, their bits past the end cleared).
    /// (The masks are stored after they are made: a store to `start` just before reading the
    /// dialect's bytes beside it would stall the read.)
    @inline(never)
    private mutating func load(at index: Int) {
        let (delimiter, quote) = (self.delimiter, self.quote)
        let masks: reportkit_csv_masks
        if index &+ 64 <= count {
            masks = reportkit_csv_block(base + index, delimiter, quote)
        } else {
            let left = count &- index
            masks = withUnsafeTemporaryAllocation(byteCount: 64, alignment: 16) { padded in
                padded.initializeMemory(as: UInt8.self, repeating: 0)
                padded.copyMemory(from: UnsafeRawBufferPointer(start: base + index, count: left))
                var tail = reportkit_csv_block(padded.baseAddress!.assumingMemoryBound(to: UInt8.self), delimiter, quote)
                let kept: UInt64 = (1 << UInt64(left)) &- 1  // left < 64
                tail.field_ends &= kept
                tail.quoted_ends &= kept
                return tail
            }
        }
        (start, fieldEnds, quotedEnds) = (index, masks.field_ends, masks.quoted_ends)
    }
}
