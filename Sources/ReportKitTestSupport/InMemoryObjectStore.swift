import Foundation
import ReportKit

/// An object store in memory, for unit tests of the cores.
///
/// Keys are ``ObjectKey``s, so it refuses what every store refuses. `failPut` makes chosen
/// writes fail (a store failing part-way through a publish); ``putOrder`` records the keys
/// written, in order, and ``gets`` the keys read whole.
public final class InMemoryObjectStore: ObjectStore, @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [ObjectKey: (data: Data, contentType: String?)]
    private var order: [ObjectKey] = []
    private var getOrder: [ObjectKey] = []
    private let failPut: @Sendable (ObjectKey) -> Bool

    /// A store holding `objects`; a put to a key for which `failPut` is true throws
    /// ``ObjectStoreError`` (unavailable) and stores nothing.
    public init(_ objects: [ObjectKey: Data] = [:], failPut: @escaping @Sendable (ObjectKey) -> Bool = { _ in false }) {
        self.objects = objects.mapValues { ($0, nil) }
        self.failPut = failPut
    }

    public var displayName: String { "memory" }

    public func get(_ key: ObjectKey) async throws -> Data? {
        lock.withLock {
            getOrder.append(key)
            return objects[key]?.data
        }
    }

    public func read(_ key: ObjectKey, range: Range<Int>) async throws -> Data? {
        precondition(!range.isEmpty && range.lowerBound >= 0, "a read range is not empty and starts at 0 or later")
        return lock.withLock {
            guard let data = objects[key]?.data else { return nil }
            let start = min(range.lowerBound, data.count)
            return Data(data[data.startIndex + start..<data.startIndex + min(range.upperBound, data.count)])
        }
    }

    public func put(_ key: ObjectKey, _ data: Data, contentType: String?) async throws {
        guard !failPut(key) else { throw ObjectStoreError(.unavailable, key: key.text, "the store was told to fail this write") }
        lock.withLock {
            objects[key] = (data, contentType)
            order.append(key)
        }
    }

    public func put(_ key: ObjectKey, fileAt path: String, contentType: String?) async throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ObjectStoreError(.rejected, key: key.text, "cannot read \(path)")
        }
        try await put(key, data, contentType: contentType)
    }

    public func list(prefix: ObjectPrefix) async throws -> [StoredObject] {
        lock.withLock {
            objects.filter { $0.key.hasPrefix(prefix) }
                .map { StoredObject(key: $0.key, size: $0.value.data.count) }
                .sorted { $0.key < $1.key }
        }
    }

    public func delete(_ key: ObjectKey) async throws {
        _ = lock.withLock { objects.removeValue(forKey: key) }
    }

    /// The content type stored with `key`.
    public func contentType(_ key: ObjectKey) -> String? {
        lock.withLock { objects[key]?.contentType }
    }

    /// Every key, sorted.
    public var keys: [ObjectKey] { lock.withLock { objects.keys.sorted() } }

    /// The keys of every successful put, in the order they were written (repeats included).
    public var putOrder: [ObjectKey] { lock.withLock { order } }

    /// The keys asked for by ``get(_:)``, in order (found or not).
    public var gets: [ObjectKey] { lock.withLock { getOrder } }
}
