import Foundation

/// The second buffer ``RadixSort`` moves keys into, kept from one sort to the next: the
/// columns a thread sorts one after the other share it, so only the first sort's pages are
/// fresh (each fresh page is a page fault; a spare for 10M keys is 80 MB, 20,000 of them).
/// Grows to the largest sort it serves; freed with it. For one thread at a time.
final class RadixSortSpare {
    private var base: UnsafeMutableRawPointer?
    private var byteCount = 0

    /// A spare with room for `keys` 64-bit keys already: the most any of the sorts it will
    /// serve needs, so that none of them makes it grow (a new buffer is fresh pages again).
    init(keys: Int = 0) {
        if keys > 0 { _ = room(for: keys, of: UInt64.self) }
    }

    deinit { free(base) }

    /// Room for `count` items of type `Item`, valid until the next call.
    func room<Item: BitwiseCopyable>(for count: Int, of _: Item.Type) -> UnsafeMutablePointer<Item> {
        let needed = count * MemoryLayout<Item>.stride
        if needed > byteCount {
            free(base)
            guard let fresh = malloc(Swift.max(needed, 1)) else { fatalError("out of memory for a sort of \(count) keys") }
            base = fresh
            byteCount = needed
        }
        return base!.bindMemory(to: Item.self, capacity: count)
    }
}
