/// Whether the `count` bytes at `lhs` and `rhs` are the same, without a call into `memcmp`:
/// a value of fewer than 8 bytes byte by byte, a longer one by its last 8 bytes first (keys
/// that share a prefix, such as timestamps, differ there), then word by word from the start.
/// The one comparison of the hot byte paths: the profile's value table, the slips table's
/// keys and names, the pipelines' key fields.
@inlinable @inline(__always)
public func bytesEqual(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, count: Int) -> Bool {
    guard count >= 8 else {
        let left = lhs.assumingMemoryBound(to: UInt8.self)
        let right = rhs.assumingMemoryBound(to: UInt8.self)
        for offset in 0..<count where left[offset] != right[offset] { return false }
        return true
    }
    let last = count &- 8
    if lhs.loadUnaligned(fromByteOffset: last, as: UInt64.self) != rhs.loadUnaligned(fromByteOffset: last, as: UInt64.self) {
        return false
    }
    var offset = 0
    while offset < last {
        if lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
            return false
        }
        offset &+= 8
    }
    return true
}
