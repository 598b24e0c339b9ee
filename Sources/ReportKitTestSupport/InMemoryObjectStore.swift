import Foundation
import ReportKit

/// An object store in memory, for unit tests of the cores.
public final class InMemoryObjectStore: ObjectStore, @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [String: (data: Data, contentType: String?)]

    public init(_ objects: [String: Data] = [:]) {
        self.objects = objects.mapValues { ($0, nil) }
    }

    public var displayName: String { "memory" }

    public func get(_ key: String) async throws -> Data? {
        lock.withLock { objects[key]?.data }
    }

    public func put(_ key: String, _ data: Data, contentType: String?) async throws {
        lock.withLock { objects[key] = (data, contentType) }
    }

    public func list(prefix: String) async throws -> [StoredObject] {
        lock.withLock {
            objects.filter { $0.key.hasPrefix(prefix) }
                .map { StoredObject(key: $0.key, size: $0.value.data.count) }
                .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        }
    }

    public func delete(_ key: String) async throws {
        _ = lock.withLock { objects.removeValue(forKey: key) }
    }

    /// The content type stored with `key`.
    public func contentType(_ key: String) -> String? {
        lock.withLock { objects[key]?.contentType }
    }

    /// Every key, sorted.
    public var keys: [String] { lock.withLock { objects.keys.sorted() } }
}
