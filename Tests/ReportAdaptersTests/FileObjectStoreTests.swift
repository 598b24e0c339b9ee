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

    @Test func inMemoryDoublePassesTheContract() async throws {
        try await ObjectStoreContract.verify(InMemoryObjectStore(), prefix: "")
    }

    @Test(arguments: ["", "/etc/passwd", "../up", "a/../../b", "a//b", "a/./b", "a/", "nul\0byte"])
    func rejectsKeysThatLeaveTheRoot(key: String) async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = FileObjectStore(root: root)
        await #expect(throws: ObjectStoreError.self) { try await store.put(key, Data("x".utf8)) }
        await #expect(throws: ObjectStoreError.self) { _ = try await store.get(key) }
    }

    @Test func putLeavesNoTemporaryFiles() async throws {
        let root = try temporaryRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = FileObjectStore(root: root)
        try await store.put("d/file.json", Data("{}".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/d")
        #expect(names == ["file.json"])
    }

    @Test func invalidKeyIsBadInput() {
        #expect(throws: ObjectStoreError(.invalidKey, key: "../x", "an object key cannot have a '..' segment")) {
            try FileObjectStore.validate("../x")
        }
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
        #expect(try await store.list(prefix: "nothing/here/").isEmpty)
    }
}
