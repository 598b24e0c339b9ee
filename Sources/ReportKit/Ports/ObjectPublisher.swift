import Foundation

/// Publishes a set of objects so that readers never see part of it: every item is put
/// (up to ``concurrency`` at a time), then the state object that describes them (a manifest,
/// a cutoff, an index) alone and last. If any put fails, the state object is not written
/// and every item this publish put is deleted again; the first error is thrown.
///
/// Items should be new keys (a run's own output prefix): removing what was put cannot bring
/// back an object an item replaced.
public struct ObjectPublisher: Sendable {
    public var store: any ObjectStore
    /// Puts at once: a store's writes wait mostly on the disk or the network, and the bytes
    /// of one item are made while another is written.
    public var concurrency: Int

    /// Eight puts at once.
    public static let defaultConcurrency = 8

    public init(store: any ObjectStore, concurrency: Int = ObjectPublisher.defaultConcurrency) {
        self.store = store
        self.concurrency = max(1, concurrency)
    }

    /// One object to publish.
    public struct Item: Sendable {
        public var key: ObjectKey
        public var body: Body
        public var contentType: String?

        public init(_ key: ObjectKey, _ body: Body, contentType: String? = nil) {
            self.key = key
            self.body = body
            self.contentType = contentType
        }
    }

    /// Where an item's bytes come from.
    public enum Body: Sendable {
        case bytes(Data)
        /// A local file, streamed by the store.
        case file(path: String)
        /// Made in the put's own task, just before it is written (serializing many outputs
        /// in parallel, and never all at once in memory).
        case made(@Sendable () throws -> Data)
    }

    /// Puts `items`, then `state` last; returns the keys written, in the order of `items`
    /// (then the state's).
    ///
    /// - Throws: the first put's error (or a body's), after deleting what was put.
    @discardableResult
    public func publish(_ items: [Item], state: Item? = nil) async throws -> [ObjectKey] {
        var written = Set<ObjectKey>()
        var failure: (any Error)?
        let store = store
        await withTaskGroup(of: (key: ObjectKey, error: (any Error)?).self) { group in
            var next = 0
            func start() {
                guard next < items.count else { return }
                let item = items[next]
                next += 1
                group.addTask {
                    do {
                        try await Self.put(item, to: store)
                        return (item.key, nil)
                    } catch {
                        return (item.key, error)
                    }
                }
            }
            for _ in 0..<concurrency { start() }
            for await result in group {
                if let error = result.error {
                    failure = failure ?? error
                } else {
                    written.insert(result.key)
                    if failure == nil { start() }
                }
            }
        }
        if failure == nil, let state {
            do {
                try await Self.put(state, to: store)
            } catch {
                failure = error
            }
        }
        if let failure {
            for item in items where written.contains(item.key) { try? await store.delete(item.key) }
            throw failure
        }
        return items.map(\.key) + (state.map { [$0.key] } ?? [])
    }

    private static func put(_ item: Item, to store: any ObjectStore) async throws {
        switch item.body {
        case .bytes(let data): try await store.put(item.key, data, contentType: item.contentType)
        case .file(let path): try await store.put(item.key, fileAt: path, contentType: item.contentType)
        case .made(let make): try await store.put(item.key, try make(), contentType: item.contentType)
        }
    }
}
