import Foundation

/// A growable run of plain values (keys, entries, bytes) that grows with `realloc`: past the
/// allocator's mapping threshold that moves the pages instead of copying them into fresh
/// ones, so a buffer of tens of millions of values is written once, not once per doubling
/// (each doubling of an `Array` touches every page anew, a page fault each). Shared by copies
/// until one of them changes it (copy on write, as `Array` is).
struct GrowingBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private final class Storage {
        var base: UnsafeMutablePointer<Element>?
        var count = 0
        var capacity = 0

        init() {}

        init(copying other: Storage, capacity: Int) {
            self.capacity = Swift.max(capacity, other.count)
            if self.capacity > 0 {
                base = Self.allocate(self.capacity)
                if other.count > 0 { base!.initialize(from: other.base!, count: other.count) }
            }
            count = other.count
        }

        deinit { free(base) }

        static func allocate(_ count: Int) -> UnsafeMutablePointer<Element> {
            guard let raw = malloc(count * MemoryLayout<Element>.stride) else { fatalError("out of memory for \(count) values") }
            return raw.assumingMemoryBound(to: Element.self)
        }

        func grow(toHold needed: Int) {
            let next = Swift.max(needed, Swift.max(16, capacity * 2))
            guard let raw = realloc(base, next * MemoryLayout<Element>.stride) else { fatalError("out of memory for \(next) values") }
            base = raw.assumingMemoryBound(to: Element.self)
            capacity = next
        }
    }

    private var storage = Storage()

    init() {}

    /// Which storage holds the values: the same after a change in place, another after a
    /// copy on write (tests tell the two apart by it).
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    var count: Int { storage.count }
    var isEmpty: Bool { storage.count == 0 }
    var indices: Range<Int> { 0..<storage.count }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < storage.count, "index out of range")
        return storage.base![index]
    }

    /// Room for `capacity` values without growing.
    mutating func reserveCapacity(_ capacity: Int) {
        makeUnique(capacity: capacity)
        if storage.capacity < capacity { storage.grow(toHold: capacity) }
    }

    /// Adds `value` at the end.
    @inline(__always)
    mutating func append(_ value: Element) {
        makeUnique(capacity: storage.count + 1)
        let storage = storage
        if storage.count == storage.capacity { storage.grow(toHold: storage.count + 1) }
        (storage.base! + storage.count).initialize(to: value)
        storage.count += 1
    }

    /// Adds `values` at the end.
    @inline(__always)
    mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        guard values.count > 0 else { return }
        makeUnique(capacity: storage.count + values.count)
        let storage = storage
        if storage.count + values.count > storage.capacity { storage.grow(toHold: storage.count + values.count) }
        (storage.base! + storage.count).initialize(from: values.baseAddress!, count: values.count)
        storage.count += values.count
    }

    /// Puts `values` before the values held (which move up, in place when there is room).
    mutating func prepend(_ values: UnsafeBufferPointer<Element>) {
        guard values.count > 0 else { return }
        makeUnique(capacity: storage.count + values.count)
        let storage = storage
        if storage.count + values.count > storage.capacity { storage.grow(toHold: storage.count + values.count) }
        if storage.count > 0 { (storage.base! + values.count).moveInitialize(from: storage.base!, count: storage.count) }
        storage.base!.initialize(from: values.baseAddress!, count: values.count)
        storage.count += values.count
    }

    /// Removes every value, keeping the room (a fresh, empty buffer when another shares it).
    mutating func removeAll() {
        if isKnownUniquelyReferenced(&storage) { storage.count = 0 } else { storage = Storage() }
    }

    /// Adds all of `other`'s values at the end.
    mutating func append(contentsOf other: GrowingBuffer) {
        other.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// The values, to read.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
    }

    /// The values, to change in place (a copy first if another value shares them).
    mutating func withUnsafeMutableBufferPointer<Result>(
        _ body: (UnsafeMutableBufferPointer<Element>) throws -> Result
    ) rethrows -> Result {
        makeUnique(capacity: storage.count)
        return try body(UnsafeMutableBufferPointer(start: storage.base, count: storage.count))
    }

    @inline(__always)
    private mutating func makeUnique(capacity: Int) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage, capacity: capacity) }
    }
}

/// One 64-bit key per cell (``TypedKeys``).
typealias KeyBuffer = GrowingBuffer<UInt64>
