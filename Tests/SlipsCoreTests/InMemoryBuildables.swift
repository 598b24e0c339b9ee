import Foundation
import ReportKit
import SlipsCore

/// The buildables table in memory, answering the store's queries the way DynamoDB does.
final class InMemoryBuildables: BuildablesStore, @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [BuildableItem]
    private(set) var lookups: [String] = []
    var failUpdates: (any Error)?

    init(_ rows: [JSONValue]) {
        self.rows = rows.map { BuildableItem($0.objectValue ?? JSONObject()) }
    }

    var items: [BuildableItem] { lock.withLock { rows } }

    func item(artifact: String, instance: String) async throws -> BuildableItem? {
        lock.withLock {
            lookups.append(instance)
            return rows.first { $0.artifact == artifact && $0.instance == instance }
        }
    }

    func items(artifact: String) async throws -> [BuildableItem] {
        lock.withLock { rows.filter { $0.artifact == artifact } }
    }

    func plannedItems(artifact: String) async throws -> [BuildableItem] {
        lock.withLock { rows.filter { $0.artifact == artifact && $0.has("plan") } }
    }

    func update(artifact: String, instance: String, set attributes: JSONObject) async throws {
        if let failUpdates { throw failUpdates }
        lock.withLock {
            if let index = rows.firstIndex(where: { $0.artifact == artifact && $0.instance == instance }) {
                for member in attributes { rows[index].attributes[member.key] = member.value }
            } else {
                var object = JSONObject([.init(key: "artifact", value: .string(artifact)), .init(key: "instance", value: .string(instance))])
                for member in attributes { object[member.key] = member.value }
                rows.append(BuildableItem(object))
            }
        }
    }
}

/// A notifier that records what it was asked to send, or fails.
final class RecordingNotifier: SlipsNotifier, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [SlipsNotification] = []
    let failure: (any Error)?

    init(failing failure: (any Error)? = nil) { self.failure = failure }

    func send(_ notification: SlipsNotification) async throws {
        if let failure { throw failure }
        lock.withLock { stored.append(notification) }
    }

    var sent: [SlipsNotification] { lock.withLock { stored } }
}

struct Unreachable: Error, CustomStringConvertible {
    var description: String { "unreachable" }
}
