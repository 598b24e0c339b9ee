import Foundation
import ReportKit

/// The behaviour every ``ObjectStore`` must show, as one check a store's tests call.
///
/// Uses keys under `prefix` only, and leaves none behind. Throws ``ContractViolation``
/// naming the broken rule.
public enum ObjectStoreContract {
    public static func verify(_ store: any ObjectStore, prefix: ObjectPrefix) async throws {
        try await basics(store, prefix)
        try await keys(store, prefix)
        try await pieces(store, prefix)
        try await fromFile(store, prefix)
        try await uploads(store, prefix)
    }

    /// An upload is invisible until committed (into a folder not made yet, too), replaces the
    /// object at commit, and an aborted one leaves the old object and nothing else.
    static func uploads(_ store: any ObjectStore, _ prefix: ObjectPrefix) async throws {
        let key = try prefix.appending("upload/new/u.tsv")
        let folder = try ObjectPrefix(prefix.text + "upload/")
        let first = try await store.upload(key)
        try await first.write(Data("a\tb\n".utf8))
        try await first.write(Data("1\t2\n".utf8))
        try check(try await store.get(key) == nil, "an upload is not visible before its commit")
        try check(try await store.list(prefix: folder).isEmpty, "an upload in progress is not listed")
        try await first.commit(contentType: "text/tab-separated-values")
        try check(try await store.get(key) == Data("a\tb\n1\t2\n".utf8), "a committed upload holds every piece, in order")
        let second = try await store.upload(key)
        try await second.write(Data("replaced".utf8))
        await second.abort()
        try check(try await store.get(key) == Data("a\tb\n1\t2\n".utf8), "an aborted upload leaves the old object")
        try check(try await store.list(prefix: folder).map(\.key) == [key], "an aborted upload leaves nothing behind")
        try await store.delete(key)
    }

    /// Get, put, replace, list, size, delete.
    static func basics(_ store: any ObjectStore, _ prefix: ObjectPrefix) async throws {
        let a = try prefix.appending("contract/a.json")
        let b = try prefix.appending("contract/b/c.txt")
        let other = try prefix.appending("contracts-other.txt")

        try check(try await store.get(a) == nil, "a missing key reads as nil")
        try check(try await store.read(a, range: 0..<10) == nil, "a ranged read of a missing key is nil")
        try await store.put(a, Data("{\"v\":1}".utf8), contentType: "application/json")
        try await store.put(b, Data("two".utf8), contentType: "text/plain")
        try await store.put(other, Data("x".utf8), contentType: nil)
        try check(try await store.get(a) == Data("{\"v\":1}".utf8), "get returns what put stored")

        try await store.put(a, Data("{\"v\":2}".utf8), contentType: "application/json")
        try check(try await store.get(a) == Data("{\"v\":2}".utf8), "put replaces an object")

        let listed = try await store.list(prefix: try ObjectPrefix(prefix.text + "contract/"))
        try check(listed.map(\.key) == [a, b], "list gives the keys under the prefix in order, got \(listed.map(\.key))")
        try check(listed.map(\.size) == [7, 3], "list reports sizes, got \(listed.map(\.size))")
        let sizes = [try await store.size(of: a), try await store.size(of: b), try await store.size(of: try prefix.appending("contract/b"))]
        try check(sizes == [7, 3, nil], "size(of:) is an object's size, nil for a folder or a missing key, got \(sizes)")

        try await store.delete(a)
        try check(try await store.get(a) == nil, "delete removes the object")
        try await store.delete(a)  // deleting a missing key succeeds
        try await store.delete(b)
        try await store.delete(other)
        try check(try await store.list(prefix: try ObjectPrefix(prefix.text + "contract")).isEmpty, "nothing is left behind")
    }

    /// Keys with spaces, `+`, `&`, non-ASCII letters, a segment starting with a combining mark
    /// and a longest segment are kept as given,
    /// and listed in byte order (`-` < `.` < `/`).
    static func keys(_ store: any ObjectStore, _ prefix: ObjectPrefix) async throws {
        let longest = String(repeating: "n", count: ObjectKey.maxSegmentByteCount)
        let names = ["keys/a b+c&d=é.txt", "keys/a-b.txt", "keys/a.txt", "keys/a/b.txt", "keys/\(longest)", "keys/ø/å.csv", "keys/\u{301}mark/x"]
        let written = try names.map { try prefix.appending($0) }
        for key in written { try await store.put(key, Data(key.text.utf8), contentType: nil) }
        let listed = try await store.list(prefix: try ObjectPrefix(prefix.text + "keys/"))
        try check(listed.map(\.key) == written.sorted(), "unusual keys list back exactly, in byte order, got \(listed.map(\.key))")
        for key in written {
            try check(try await store.get(key) == Data(key.text.utf8), "\(key) reads back")
            try await store.delete(key)
        }
        try check(try await store.list(prefix: try ObjectPrefix(prefix.text + "keys/")).isEmpty, "unusual keys are deleted")
    }

    /// Ranged reads and chunks.
    static func pieces(_ store: any ObjectStore, _ prefix: ObjectPrefix) async throws {
        let key = try prefix.appending("pieces/digits.txt")
        let empty = try prefix.appending("pieces/empty.txt")
        try await store.put(key, Data("0123456789".utf8), contentType: "text/plain")
        try await store.put(empty, Data(), contentType: nil)
        try check(try await store.read(key, range: 2..<5) == Data("234".utf8), "a ranged read gives those bytes")
        try check(try await store.read(key, range: 8..<20) == Data("89".utf8), "a range past the end is cut at the end")
        try check(try await store.read(key, range: 10..<12) == Data(), "a range after the end is empty")
        try check(try await store.get(empty) == Data(), "an empty object reads as empty")
        try check(try await store.read(empty, range: 0..<4) == Data(), "a ranged read of an empty object is empty")
        for (size, expected) in [(3, ["012", "345", "678", "9"]), (5, ["01234", "56789"]), (64, ["0123456789"])] {
            var pieces: [String] = []
            for try await piece in store.chunks(key, size: size) { pieces.append(String(decoding: piece, as: UTF8.self)) }
            try check(pieces == expected, "chunks of \(size) are \(expected), got \(pieces)")
        }
        var emptyPieces = 0
        for try await _ in store.chunks(empty, size: 4) { emptyPieces += 1 }
        try check(emptyPieces == 0, "an empty object has no chunks")
        do {
            for try await _ in store.chunks(try prefix.appending("pieces/missing"), size: 4) {}
            throw ContractViolation(rule: "chunks of a missing object throw")
        } catch let error as ObjectStoreError {
            try check(error.kind == .notFound, "chunks of a missing object throw notFound, got \(error)")
        }
        try await store.delete(key)
        try await store.delete(empty)
    }

    /// A put from a local file stores its bytes (here 300,001 bytes, several of any store's
    /// pieces), and chunks read them back in order.
    static func fromFile(_ store: any ObjectStore, _ prefix: ObjectPrefix) async throws {
        let bytes = Data((0..<300_001).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportkit-contract-\(UUID().uuidString).bin").path
        try bytes.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let key = try prefix.appending("file/big.bin")
        try await store.put(key, fileAt: path, contentType: "application/octet-stream")
        try check(try await store.get(key) == bytes, "a put from a file stores the file's bytes")
        try check(try await store.list(prefix: try ObjectPrefix(prefix.text + "file/")).map(\.size) == [bytes.count], "its listed size is the file's")
        var joined = Data()
        var count = 0
        for try await piece in store.chunks(key, size: 65_536) {
            joined.append(piece)
            count += 1
        }
        try check(joined == bytes && count == 5, "chunks of 64 KiB rejoin to the file (5 of them), got \(count)")
        try await store.delete(key)
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
