/// SHA-256 (FIPS 180-4), fed in pieces: `var h = SHA256(); h.update(bytes); h.finalize()`.
///
/// A value type with no heap storage (the partial block lives inline), so copying a hasher
/// part-way is cheap: HMAC and PBKDF2 start each message from a copied keyed state. Files
/// of any size can be hashed by feeding them a buffer at a time.
public struct SHA256: Sendable {
    /// Bytes in a digest.
    public static let digestCount = 32
    /// Bytes in one block of the compression function.
    public static let blockCount = 64

    private var state = SHA256State()
    /// The partial block not yet compressed: `pendingCount` bytes of `pending`.
    private var pending = SHA256Block()
    private var pendingCount = 0
    /// Bytes fed in all.
    private var length: UInt64 = 0

    public init() {}

    /// The digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes` as lowercase hex.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        Hex.encode(hash(bytes))
    }

    /// Feeds more bytes (an array, `Data`, a slice: contiguous storage is read in place).
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { update(Array(bytes)) }
    }

    /// Feeds the bytes of a buffer.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var offset = 0
        if pendingCount > 0 {
            let take = min(Self.blockCount - pendingCount, bytes.count)
            let count = pendingCount
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress! + count).copyMemory(from: start, byteCount: take)
            }
            pendingCount += take
            offset = take
            guard pendingCount == Self.blockCount else { return }
            let block = pending
            withUnsafeBytes(of: block) { state.compress($0.baseAddress!, blocks: 1) }
            pendingCount = 0
        }
        let whole = (bytes.count - offset) / Self.blockCount
        if whole > 0 {
            state.compress(start + offset, blocks: whole)
            offset += whole * Self.blockCount
        }
        let rest = bytes.count - offset
        if rest > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: start + offset, byteCount: rest)
            }
            pendingCount = rest
        }
    }

    /// The digest of everything fed so far. The hasher is unchanged: more can be fed after.
    public func finalize() -> [UInt8] {
        var copy = self
        // 0x80, zeros to 56 bytes past a block boundary, then the length in bits, big-endian:
        // at most two blocks, built on the stack.
        let padding = (Self.blockCount + 56 - (pendingCount + 1) % Self.blockCount) % Self.blockCount
        var tail = (SHA256Block(), SHA256Block())
        withUnsafeMutableBytes(of: &tail) { bytes in
            bytes[0] = 0x80
            bytes.storeBytes(of: (length &* 8).bigEndian, toByteOffset: 1 + padding, as: UInt64.self)
            copy.update(UnsafeRawBufferPointer(rebasing: bytes[0..<(1 + padding + 8)]))
        }
        return copy.state.bytes
    }
}

/// 64 bytes inline.
struct SHA256Block {
    var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
}
