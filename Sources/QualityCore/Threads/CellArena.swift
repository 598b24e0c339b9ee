/// The bytes of a batch's cells end to end (``RowBatch``, ``CheckRowBatch``): one block that
/// doubles when a cell does not fit, so a cell's offset stays valid while a pointer into the
/// block may not until the batch is filled.
struct CellArena: ~Copyable {
    /// The block; it moves when it grows.
    private(set) var base: UnsafeMutableRawPointer
    private var capacity: Int
    /// Bytes held.
    private(set) var used = 0

    /// An empty arena of `capacity` bytes to begin with.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// Copies `bytes` in after the bytes held; returns where they start.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        if used + bytes.count > capacity { grow(toFit: bytes.count) }
        if !bytes.isEmpty { (base + used).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        let offset = UInt32(truncatingIfNeeded: used)
        used += bytes.count
        return offset
    }

    /// Holds no bytes (the block is kept).
    mutating func clear() { used = 0 }

    private mutating func grow(toFit extra: Int) {
        precondition(used + extra < Int(UInt32.max), "a batch of rows over 4 GiB")
        let larger = Swift.max(capacity * 2, used + extra)
        let next = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 16)
        next.copyMemory(from: base, byteCount: used)
        base.deallocate()
        base = next
        capacity = larger
    }
}
