import Foundation

/// A growable run of 64-bit keys that grows with `realloc`: past the allocator's mapping
/// threshold that moves the pages instead of copying them into fresh ones, so a buffer of
/// tens of millions of keys is written once, not once per doubling (each doubling of an
/// `Array` touches every page anew, a page fault each). Shared by copies until one of them
/// changes it (copy on write, as `Array` is).
struct KeyBuffer: Sendable {
    private final class Storage: @unchecked Sendable {
        var base: UnsafeMutablePointer<UInt64>?
        var count = 0
        var capacity = 0

        init() {}

        init(copying other: Storage) {
            if other.count > 0 {
                base = Self.allocate(other.count)
                base!.initialize(from: other.base!, count: other.count)
            }
            count = other.count
            capacity = other.count
        }

        deinit { free(base) }

        static func allocate(_ count: Int) -> UnsafeMutablePointer<UInt64> {
            guard let raw = malloc(count * MemoryLayout<UInt64>.stride) else { fatalError("out of memory for \(count) keys") }
            return raw.assumingMemoryBound(to: UInt64.self)
        }

        func grow(toHold needed: Int) {
            let next = Swift.max(needed, Swift.max(16, capacity * 2))
            guard let raw = realloc(base, next * MemoryLayout<UInt64>.stride) else { fatalError("out of memory for \(next) keys") }
            base = raw.assumingMemoryBound(to: UInt64.self)
            capacity = next
        }
    }

    private var storage = Storage()

    init() {}

    var count: Int { storage.count }

    /// Adds `key` at the end.
    @inline(__always)
    mutating func append(_ key: UInt64) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        let storage = storage
        if storage.count == storage.capacity { storage.grow(toHold: storage.count + 1) }
        storage.base![storage.count] = key
        storage.count += 1
    }

    /// Adds all of `other`'s keys at the end.
    mutating func append(contentsOf other: KeyBuffer) {
        guard other.count > 0 else { return }
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        let storage = storage, theirs = other.storage
        if storage.count + theirs.count > storage.capacity { storage.grow(toHold: storage.count + theirs.count) }
        (storage.base! + storage.count).initialize(from: theirs.base!, count: theirs.count)
        storage.count += theirs.count
    }

    /// The keys, to read.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt64>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
    }

    /// The keys, to reorder in place (a copy first if another value shares them).
    mutating func withUnsafeMutableBufferPointer<Result>(
        _ body: (UnsafeMutableBufferPointer<UInt64>) throws -> Result
    ) rethrows -> Result {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return try body(UnsafeMutableBufferPointer(start: storage.base, count: storage.count))
    }
}
