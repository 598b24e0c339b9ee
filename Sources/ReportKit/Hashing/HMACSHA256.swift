/// HMAC-SHA256 (RFC 2104), fed in pieces like ``SHA256``:
/// `var mac = HMACSHA256(key: key); mac.update(message); mac.finalize()`.
public struct HMACSHA256: Sendable {
    private var inner: SHA256
    private var outer: SHA256

    /// A MAC keyed with `key` (keys longer than a block are hashed first, as RFC 2104 says).
    public init(key: some Sequence<UInt8>) {
        var block = Array(key)
        if block.count > SHA256.blockCount { block = SHA256.hash(block) }
        block += repeatElement(0, count: SHA256.blockCount - block.count)
        inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
    }

    /// Feeds more of the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        inner.update(bytes)
    }

    /// Feeds more of the message from a buffer.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        inner.update(bytes)
    }

    /// The MAC of everything fed so far.
    public func finalize() -> [UInt8] {
        var outer = outer
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// The MAC of `message` under `key`.
    public static func authenticate(_ message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        var mac = HMACSHA256(key: key)
        mac.update(message)
        return mac.finalize()
    }
}
