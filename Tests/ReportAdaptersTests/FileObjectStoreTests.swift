import Foundation
import ReportAdapters
import ReportKit
import ReportKitTestSupport
import Testing

@Suite("File object store")
struct FileObjectStoreTests {
    func temporaryRoot() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportkit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func passesTheContract() async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await ObjectStoreContract.verify(FileObjectStore(root: root), prefix: "x/")
    }

    @Test func passesTheContractAtItsRoot() async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await ObjectStoreContract.verify(FileObjectStore(root: root + "/not/yet/made"), prefix: .root)
    }

    @Test func inMemoryDoublePassesTheContract() async throws {
        try await ObjectStoreContract.verify(InMemoryObjectStore(), prefix: .root)
        try await ObjectStoreContract.verify(InMemoryObjectStore(), prefix: "deep/er/")
    }

    @Test func putLeavesNoTemporaryFiles() async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = FileObjectStore(root: root)
        try await store.put("d/file.json", Data("{}".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/d")
        #expect(names == ["file.json"])
    }

    @Test("a folder removed behind the store's back is made again, not written into while gone")
    func removedFolder() async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = FileObjectStore(root: root)
        try await store.put("a/b/one.json", Data("1".utf8))
        try FileManager.default.removeItem(atPath: root + "/a")
        #expect(try await store.get("a/b/one.json") == nil)
        try await store.put("a/b/two.json", Data("2".utf8))
        #expect(FileManager.default.fileExists(atPath: root + "/a/b/two.json"))
        #expect(try await store.list(prefix: "a/").map(\.key) == ["a/b/two.json"])
    }

    @Test("a put from a missing file fails and writes nothing")
    func putFromMissingFile() async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = FileObjectStore(root: root)
        await #expect(throws: ObjectStoreError.self) { try await store.put("d/f.bin", fileAt: root + "/no-such-file", contentType: nil) }
        #expect(try await store.list(prefix: .root).isEmpty)
    }
}

/// Symbolic links inside the root must not let a key reach outside it (issue 17).
@Suite("File object store and symbolic links")
struct FileObjectStoreLinkTests {
    /// `base/store` is the root, `base/outside` a folder beside it holding `secret.txt`,
    /// and `store/link -> ../outside`, `store/file.json -> ../outside/secret.txt`.
    struct Layout {
        let base: String
        var root: String { base + "/store" }
        var outside: String { base + "/outside" }

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("reportkit-links-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: base + "/store", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: URL(fileURLWithPath: base + "/outside/secret.txt"))
            try FileManager.default.createSymbolicLink(atPath: base + "/store/link", withDestinationPath: "../outside")
            try FileManager.default.createSymbolicLink(atPath: base + "/store/file.json", withDestinationPath: "../outside/secret.txt")
        }

        func remove() { try? FileManager.default.removeItem(atPath: base) }

        func outsideNames() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: outside).sorted() }
    }

    @Test("a put through a linked folder is refused and writes nothing outside")
    func putThroughLink() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let store = FileObjectStore(root: layout.root)
        let error = await #expect(throws: ObjectStoreError.self) { try await store.put("link/escaped.json", Data("{}".utf8)) }
        #expect(error?.kind == .rejected)
        #expect(error?.message.contains("symbolic link") == true)
        await #expect(throws: ObjectStoreError.self) { try await store.put("link/deeper/escaped.json", Data("{}".utf8)) }
        #expect(try layout.outsideNames() == ["secret.txt"])
    }

    @Test("reads through a linked folder or of a linked file are refused")
    func readThroughLink() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let store = FileObjectStore(root: layout.root)
        await #expect(throws: ObjectStoreError.self) { _ = try await store.get("link/secret.txt") }
        await #expect(throws: ObjectStoreError.self) { _ = try await store.read("link/secret.txt", range: 0..<3) }
        await #expect(throws: ObjectStoreError.self) { _ = try await store.get("file.json") }
        await #expect(throws: ObjectStoreError.self) { for try await _ in store.chunks("file.json", size: 2) {} }
    }

    @Test("a listing does not enter a linked folder, at the prefix or below it")
    func listThroughLink() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let store = FileObjectStore(root: layout.root)
        await #expect(throws: ObjectStoreError.self) { _ = try await store.list(prefix: "link/") }
        #expect(try await store.list(prefix: .root).isEmpty)
    }

    @Test("a put over a linked file replaces the link, not its target; a delete removes the link")
    func replaceLinkedFile() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        let store = FileObjectStore(root: layout.root)
        try await store.put("file.json", Data("{}".utf8))
        #expect(try await store.get("file.json") == Data("{}".utf8))
        #expect(try String(contentsOfFile: layout.outside + "/secret.txt", encoding: .utf8) == "secret")
        try FileManager.default.createSymbolicLink(atPath: layout.root + "/other.json", withDestinationPath: "../outside/secret.txt")
        try await store.delete("other.json")
        #expect(try layout.outsideNames() == ["secret.txt"])
    }

    @Test("the root itself may be a link")
    func linkedRoot() async throws {
        let layout = try Layout()
        defer { layout.remove() }
        try FileManager.default.createSymbolicLink(atPath: layout.base + "/alias", withDestinationPath: "store")
        let store = FileObjectStore(root: layout.base + "/alias")
        try await store.put("a/b.json", Data("1".utf8))
        #expect(try await store.get("a/b.json") == Data("1".utf8))
        #expect(FileManager.default.fileExists(atPath: layout.root + "/a/b.json"))
    }
}

@Suite("File object store listing")
struct FileObjectStoreListingTests {
    @Test("lists regular files under the prefix with sizes and times; skips writes in progress and links")
    func listing() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reportkit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/p/q", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("12345".utf8).write(to: URL(fileURLWithPath: root + "/p/q/b.csv"))
        try Data("1".utf8).write(to: URL(fileURLWithPath: root + "/p/a.csv"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/p/.a.csv.123-abc.tmp"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/pq.csv"))
        try FileManager.default.createSymbolicLink(atPath: root + "/p/link.csv", withDestinationPath: root + "/pq.csv")
        let store = FileObjectStore(root: root)
        let listed = try await store.list(prefix: "p/")
        #expect(listed.map(\.key) == ["p/a.csv", "p/q/b.csv"])
        #expect(listed.map(\.size) == [1, 5])
        #expect(listed.allSatisfy { abs(($0.lastModified ?? .distantPast).timeIntervalSinceNow) < 600 })
        #expect(try await store.list(prefix: "p").map(\.key) == ["p/a.csv", "p/q/b.csv", "pq.csv"])
        #expect(try await store.list(prefix: "p/q/b").map(\.key) == ["p/q/b.csv"])
        #expect(try await store.list(prefix: "nothing/here/").isEmpty)
    }
}
