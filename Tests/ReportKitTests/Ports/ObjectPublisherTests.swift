import Foundation
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("Publishing objects, then the state object")
struct ObjectPublisherTests {
    static func items(_ count: Int) -> [ObjectPublisher.Item] {
        (0..<count).map { .init(try! ObjectKey("run/\($0).json"), .bytes(Data("\($0)".utf8)), contentType: "application/json") }
    }

    static let state = ObjectPublisher.Item("run/manifest.json", .made { Data("{}".utf8) }, contentType: "application/json")

    @Test("every item, then the state object alone and last")
    func stateLast() async throws {
        let store = InMemoryObjectStore()
        let written = try await ObjectPublisher(store: store, concurrency: 3).publish(Self.items(10), state: Self.state)
        #expect(written == Self.items(10).map(\.key) + ["run/manifest.json"])
        #expect(store.putOrder.last == "run/manifest.json")
        #expect(store.putOrder.filter { $0 == "run/manifest.json" }.count == 1)
        #expect(Set(store.keys) == Set(written))
        #expect(store.contentType("run/3.json") == "application/json")
    }

    @Test("a store failing mid-publish leaves nothing, and the state object is never written", arguments: [0, 4, 9])
    func failingItem(failing: Int) async throws {
        let failingKey = try ObjectKey("run/\(failing).json")
        let store = InMemoryObjectStore(["other/kept.csv": Data("k".utf8)], failPut: { $0 == failingKey })
        await #expect(throws: ObjectStoreError.self) {
            try await ObjectPublisher(store: store, concurrency: 2).publish(Self.items(10), state: Self.state)
        }
        #expect(store.keys == ["other/kept.csv"])
        #expect(!store.putOrder.contains("run/manifest.json"))
    }

    @Test("a failing state object removes the items too")
    func failingState() async throws {
        let store = InMemoryObjectStore(failPut: { $0 == "run/manifest.json" })
        await #expect(throws: ObjectStoreError.self) { try await ObjectPublisher(store: store).publish(Self.items(5), state: Self.state) }
        #expect(store.keys.isEmpty)
        #expect(store.putOrder.count == 5)
    }

    @Test("a body that cannot be made fails the publish like a put")
    func failingBody() async throws {
        struct Unmakeable: Error {}
        let store = InMemoryObjectStore()
        let items = Self.items(3) + [.init("run/bad.json", .made { throw Unmakeable() })]
        await #expect(throws: Unmakeable.self) { try await ObjectPublisher(store: store).publish(items, state: Self.state) }
        #expect(store.keys.isEmpty)
    }

    @Test("no more puts at once than the limit")
    func concurrencyLimit() async throws {
        let store = CountingStore()
        try await ObjectPublisher(store: store, concurrency: 3).publish(Self.items(12))
        #expect(store.mostAtOnce <= 3)
        #expect(store.mostAtOnce >= 2, "puts overlap when the limit allows")
        #expect(store.base.keys.count == 12)
        #expect(ObjectPublisher.defaultConcurrency == 8)
        #expect(ObjectPublisher(store: store, concurrency: 0).concurrency == 1)
    }
}

/// Counts puts in flight; each put waits a little so that they overlap.
final class CountingStore: ObjectStore, @unchecked Sendable {
    let base = InMemoryObjectStore()
    private let lock = NSLock()
    private var inFlight = 0
    private var most = 0

    var mostAtOnce: Int { lock.withLock { most } }
    var displayName: String { "counting" }

    func put(_ key: ObjectKey, _ data: Data, contentType: String?) async throws {
        lock.withLock {
            inFlight += 1
            most = max(most, inFlight)
        }
        try await Task.sleep(nanoseconds: 20_000_000)
        lock.withLock { inFlight -= 1 }
        try await base.put(key, data, contentType: contentType)
    }

    func get(_ key: ObjectKey) async throws -> Data? { try await base.get(key) }
    func read(_ key: ObjectKey, range: Range<Int>) async throws -> Data? { try await base.read(key, range: range) }
    func put(_ key: ObjectKey, fileAt path: String, contentType: String?) async throws { try await base.put(key, fileAt: path, contentType: contentType) }
    func list(prefix: ObjectPrefix) async throws -> [StoredObject] { try await base.list(prefix: prefix) }
    func delete(_ key: ObjectKey) async throws { try await base.delete(key) }
}
