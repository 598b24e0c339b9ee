import Foundation
import ReportKit

/// The behaviour every ``ObjectStore`` must show, as one check a store's tests call.
///
/// Uses keys under `prefix` only, and leaves none behind. Throws ``ContractViolation``
/// naming the broken rule.
public enum ObjectStoreContract {
    public static func verify(_ store: any ObjectStore, prefix: String) async throws {
        let a = "\(prefix)contract/a.json"
        let b = "\(prefix)contract/b/c.txt"
        let other = "\(prefix)contracts-other.txt"

        try check(try await store.get(a) == nil, "a missing key reads as nil")
        try await store.put(a, Data("{\"v\":1}".utf8), contentType: "application/json")
        try await store.put(b, Data("two".utf8), contentType: "text/plain")
        try await store.put(other, Data("x".utf8), contentType: nil)
        try check(try await store.get(a) == Data("{\"v\":1}".utf8), "get returns what put stored")

        try await store.put(a, Data("{\"v\":2}".utf8), contentType: "application/json")
        try check(try await store.get(a) == Data("{\"v\":2}".utf8), "put replaces an object")

        let listed = try await store.list(prefix: "\(prefix)contract/")
        try check(listed.map(\.key) == [a, b], "list gives the keys under the prefix in order, got \(listed.map(\.key))")
        try check(listed.map(\.size) == [7, 3], "list reports sizes, got \(listed.map(\.size))")

        try await store.delete(a)
        try check(try await store.get(a) == nil, "delete removes the object")
        try await store.delete(a)  // deleting a missing key succeeds
        try await store.delete(b)
        try await store.delete(other)
        try check(try await store.list(prefix: "\(prefix)contract").isEmpty, "nothing is left behind")
    }

    private static func check(_ condition: Bool, _ rule: String) throws {
        if !condition { throw ContractViolation(rule: rule) }
    }
}

/// An object store broke a rule of ``ObjectStore``.
public struct ContractViolation: Error, CustomStringConvertible {
    public let rule: String
    public var description: String { "object store contract: \(rule)" }
}
